//! The catalogue schema, in one place: every section and field with its kind, whether it is
//! required and what it means. The walk (`walk.rs`) checks files against it, unknown keys are
//! suggested from it, `ladder export` writes its comments from it, and a test holds
//! docs/schema.md to it.

/// What a value must be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Text: any scalar, numbers and booleans read as text.
    Text,
    /// Text on one line: no line breaks or tabs (ids, titles, names).
    Line,
    /// A whole number.
    Whole,
    /// A number of years, whole or not.
    Years,
    Bool,
    /// A list of values of one kind.
    List(&'static Kind),
    /// A mapping with these fields.
    Map(&'static Section),
}

/// A mapping of the schema: the catalogue itself, a source, a track, a role...
#[derive(Debug, PartialEq)]
pub struct Section {
    /// How an item is called in messages (`role`, `track`...), or the whole (`the catalogue`).
    pub name: &'static str,
    pub fields: &'static [Field],
}

/// One key of a mapping.
#[derive(Debug, PartialEq)]
pub struct Field {
    pub key: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// What the field holds, in one line (for `export` and docs/schema.md).
    pub doc: &'static str,
}

const fn req(key: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        key,
        kind,
        required: true,
        doc,
    }
}

const fn opt(key: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        key,
        kind,
        required: false,
        doc,
    }
}

const LINES: Kind = Kind::List(&Kind::Line);

pub static CATALOGUE: Section = Section {
    name: "the catalogue",
    fields: &[
        req(
            "version",
            Kind::Whole,
            "the schema version, always 1 for now",
        ),
        req("name", Kind::Text, "the catalogue's name, shown in headers"),
        opt("description", Kind::Text, "what the catalogue covers"),
        opt(
            "sources",
            Kind::List(&Kind::Map(&SOURCE)),
            "publications cited by roles (`sources`) and tenure figures (`tenure.source`), by id",
        ),
        opt(
            "tracks",
            Kind::List(&Kind::Map(&TRACK)),
            "the tracks roles sit on; a role names its track by id",
        ),
        opt(
            "roles",
            Kind::List(&Kind::Map(&ROLE)),
            "the roles; references between roles (reports_to, next, lateral) use role ids",
        ),
    ],
};

pub static SOURCE: Section = Section {
    name: "source",
    fields: &[
        req("id", Kind::Line, "kebab-case, unique among sources"),
        req("title", Kind::Line, "the publication's title"),
        opt("publisher", Kind::Text, "who published it"),
        opt(
            "published",
            Kind::Text,
            "a date or year, written as a string",
        ),
        opt("url", Kind::Text, "where to read it"),
    ],
};

pub static TRACK: Section = Section {
    name: "track",
    fields: &[
        req("id", Kind::Line, "kebab-case, unique among tracks"),
        req("name", Kind::Line, "the track's name"),
        opt("description", Kind::Text, "how one grows on this track"),
    ],
};

pub static ROLE: Section = Section {
    name: "role",
    fields: &[
        req("id", Kind::Line, "kebab-case, unique among roles"),
        req(
            "title",
            Kind::Line,
            "a name people can type to find the role",
        ),
        opt(
            "aliases",
            LINES,
            "other names for the role, each unique in the catalogue",
        ),
        req("track", Kind::Line, "a track id"),
        req(
            "level",
            Kind::Whole,
            "1..=100, higher is more senior; orders the ladder",
        ),
        opt(
            "entry",
            Kind::Bool,
            "true for a role people enter from outside the ladder",
        ),
        req(
            "summary",
            Kind::Text,
            "what the role is, in a sentence or two",
        ),
        req(
            "responsibilities",
            Kind::List(&Kind::Text),
            "what the role does, at least one",
        ),
        opt("skills", Kind::List(&Kind::Text), "what the role needs"),
        opt(
            "reports_to",
            LINES,
            "role ids; reporting lines must not form a cycle",
        ),
        req(
            "tenure",
            Kind::Map(&TENURE),
            "typical years spent in the role",
        ),
        opt("next", LINES, "promotions: role ids at a higher level"),
        opt(
            "lateral",
            LINES,
            "track switches: role ids at the same level",
        ),
        opt(
            "titles_by_company_size",
            Kind::Map(&TITLES),
            "what the role tends to be called, by company size",
        ),
        opt(
            "sources",
            LINES,
            "source ids the role's description draws on",
        ),
    ],
};

pub static TENURE: Section = Section {
    name: "tenure",
    fields: &[
        req("min", Kind::Years, "0 <= min <= max <= 50, a finite number"),
        req("max", Kind::Years, "0 <= min <= max <= 50, a finite number"),
        opt("source", Kind::Line, "a source id for the figure ..."),
        opt(
            "estimate",
            Kind::Bool,
            "... or true where no source gives it",
        ),
        opt("note", Kind::Text, "a remark on the figure"),
    ],
};

pub static TITLES: Section = Section {
    name: "titles_by_company_size",
    fields: &[
        opt("startup", Kind::Line, "up to ~50 staff"),
        opt("scaleup", Kind::Line, "~50-500 staff"),
        opt("enterprise", Kind::Line, "500+ staff"),
    ],
};

/// Every section, outermost first.
pub static SECTIONS: [&Section; 6] = [&CATALOGUE, &SOURCE, &TRACK, &ROLE, &TENURE, &TITLES];

/// The schema's own spelling of `key`, if any section has it: mapping keys point at it rather
/// than each holding a copy.
pub fn known_key(key: &str) -> Option<&'static str> {
    SECTIONS
        .iter()
        .flat_map(|section| section.fields)
        .map(|field| field.key)
        .find(|known| *known == key)
}

impl Section {
    pub fn field(&'static self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The keys, in order, for messages: `version, name, description`.
    pub fn keys(&self) -> String {
        self.fields
            .iter()
            .map(|f| f.key)
            .collect::<Vec<_>>()
            .join(", ")
    }
}
