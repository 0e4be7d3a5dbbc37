//! The catalogue schema, in one place: every section and field with its kind, whether it is
//! required and what it means. The walk (`walk/`) checks files against it, unknown keys are
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
    /// A level's rank: a number, whole or not.
    Rank,
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
            "the schema version: 2 (version 1 still loads)",
        ),
        req("name", Kind::Text, "the catalogue's name, shown in headers"),
        opt(
            "description",
            Kind::Text,
            "what the catalogue covers, shown by `list` and `show`",
        ),
        opt(
            "sources",
            Kind::List(&Kind::Map(&SOURCE)),
            "publications cited by roles, moves and time figures, by id",
        ),
        opt(
            "tracks",
            Kind::List(&Kind::Map(&TRACK)),
            "the tracks roles sit on; a role names its track by id",
        ),
        opt(
            "levels",
            Kind::List(&Kind::Map(&LEVEL)),
            "the ladder's rungs, shared by every track; a role names its level by id",
        ),
        opt(
            "competencies",
            Kind::List(&Kind::Map(&COMPETENCY)),
            "the areas roles are expected to grow in",
        ),
        opt(
            "roles",
            Kind::List(&Kind::Map(&ROLE)),
            "the roles. References between roles (reports_to, includes, moves) use role ids",
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
        opt(
            "manages",
            Kind::Bool,
            "true where roles on this track manage people",
        ),
    ],
};

pub static LEVEL: Section = Section {
    name: "level",
    fields: &[
        req("id", Kind::Line, "kebab-case, unique among levels"),
        req(
            "rank",
            Kind::Rank,
            "orders the ladder: 0 to 1000, higher is more senior; may be shared, 3.2 is allowed",
        ),
        opt("code", Kind::Line, "the framework's own code (IC3, M3, L5)"),
        opt("name", Kind::Line, "the level's name"),
        opt("description", Kind::Text, "what the level means"),
        opt(
            "facts",
            Kind::List(&Kind::Text),
            "what the framework says of the level as a whole",
        ),
        opt(
            "time",
            Kind::Map(&TIME),
            "time figures for every role at this level without its own",
        ),
    ],
};

pub static COMPETENCY: Section = Section {
    name: "competency",
    fields: &[
        req("id", Kind::Line, "kebab-case, unique among competencies"),
        req("name", Kind::Line, "the competency's name"),
        opt("description", Kind::Text, "what the area covers"),
        opt(
            "scale",
            LINES,
            "proficiency steps, lowest first; expectations name one",
        ),
    ],
};

pub static ROLE: Section = Section {
    name: "role",
    fields: &[
        req("id", Kind::Line, "kebab-case, unique among roles"),
        req(
            "title",
            Kind::Line,
            "a name people can type to find the role; roles may share one",
        ),
        opt("aliases", LINES, "other names for the role"),
        req("track", Kind::Line, "a track id"),
        req("level", Kind::Line, "a level id"),
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
        opt(
            "responsibilities",
            Kind::List(&Kind::Text),
            "what the role does",
        ),
        opt(
            "includes",
            Kind::Line,
            "a role id: this role is expected everything that role is",
        ),
        opt(
            "expectations",
            Kind::List(&Kind::Map(&EXPECTATION)),
            "what the role is expected to do, by competency",
        ),
        opt(
            "reports_to",
            LINES,
            "role ids; reporting lines must not form a cycle",
        ),
        opt(
            "time",
            Kind::Map(&TIME),
            "time figures; left out where no source gives one",
        ),
        opt(
            "moves",
            Kind::List(&Kind::Map(&MOVE)),
            "where people go next, at any level and on any track",
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

pub static EXPECTATION: Section = Section {
    name: "expectation",
    fields: &[
        req("area", Kind::Line, "a competency id"),
        opt(
            "proficiency",
            Kind::Line,
            "a step of the competency's scale",
        ),
        opt("text", Kind::Text, "what the role is expected to do"),
    ],
};

pub static TIME: Section = Section {
    name: "time",
    fields: &[
        opt(
            "in_role",
            Kind::Map(&FIGURE),
            "years in this role before the next move",
        ),
        opt(
            "experience",
            Kind::Map(&FIGURE),
            "years of total experience typical at this level",
        ),
    ],
};

pub static FIGURE: Section = Section {
    name: "figure",
    fields: &[
        req("min", Kind::Years, "years, a finite number from 0 to 50"),
        opt(
            "max",
            Kind::Years,
            "at least min; left out, the figure is open-ended",
        ),
        opt("sources", LINES, "the source ids that give the figure ..."),
        opt(
            "estimate",
            Kind::Bool,
            "... and/or true where the catalogue's author estimated it",
        ),
        opt(
            "note",
            Kind::Text,
            "a remark; required when both sourced and estimated",
        ),
    ],
};

pub static MOVE: Section = Section {
    name: "move",
    fields: &[
        req("to", Kind::Line, "a role id"),
        opt("condition", Kind::Text, "what the move needs"),
        opt("note", Kind::Text, "a remark on the move"),
        opt("source", Kind::Line, "a source id"),
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
pub static SECTIONS: [&Section; 11] = [
    &CATALOGUE,
    &SOURCE,
    &TRACK,
    &LEVEL,
    &COMPETENCY,
    &ROLE,
    &EXPECTATION,
    &TIME,
    &FIGURE,
    &MOVE,
    &TITLES,
];

/// Whether a key is an extension (`x-pay-band`): accepted on every mapping and kept as it is.
pub fn is_extension(key: &str) -> bool {
    key.starts_with("x-")
}

/// The schema's own spelling of `key`, if any section has it: mapping keys point at it rather
/// than each holding a copy.
pub fn known_key(key: &str) -> Option<&'static str> {
    SECTIONS
        .iter()
        .flat_map(|section| section.fields)
        .map(|field| field.key)
        .find(|known| *known == key)
}

impl Kind {
    /// What a value of this kind is, for messages: "must be {expected}".
    pub fn expected(&self) -> &'static str {
        match self {
            Kind::Text | Kind::Line => "text",
            Kind::Whole => "a whole number (0 or more)",
            Kind::Years => "a number of years",
            Kind::Rank => "a number from 0 to 1000",
            Kind::Bool => "true or false",
            Kind::List(Kind::Map(_)) => "a list of mappings (`- key: value`)",
            Kind::List(_) => "a list (`- item` lines, or `[a, b]`)",
            Kind::Map(_) => "a mapping (`key: value` lines, or `{key: value}`)",
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the schema and the example of docs/schema.md disagree: each field missing from the
    /// example, each key of the example the schema lacks, and each `# required` / `# optional`
    /// comment that says otherwise than the schema.
    fn disagreements(doc: &str) -> Vec<String> {
        let block = doc
            .split("```yaml\n")
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .unwrap_or_default();
        let mut found = Vec::new();
        let mut documented: Vec<(&str, &str)> = Vec::new();
        // The keys above the line at hand, by indentation.
        let mut parents: Vec<(usize, &str)> = Vec::new();
        for line in block.lines() {
            // `# estimate: true` is a key too, commented out as the alternative to `source`.
            let uncommented = line
                .trim_start()
                .strip_prefix("# ")
                .unwrap_or(line.trim_start());
            let item = uncommented.strip_prefix("- ").unwrap_or(uncommented);
            let indent = line.len() - line.trim_start().len() + uncommented.len() - item.len();
            let Some((key, rest)) = item.split_once(':') else {
                continue;
            };
            if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                continue;
            }
            parents.retain(|(at, _)| *at < indent);
            let path: Vec<&str> = parents.iter().map(|(_, k)| *k).collect();
            let section = match path.as_slice() {
                [] => &CATALOGUE,
                ["sources"] => &SOURCE,
                ["tracks"] => &TRACK,
                ["roles"] => &ROLE,
                ["roles", "tenure"] => &TENURE,
                ["roles", "titles_by_company_size"] => &TITLES,
                _ => {
                    found.push(format!("`{key}` under {path:?} is in no section"));
                    continue;
                }
            };
            parents.push((indent, key));
            documented.push((section.name, key));
            let Some(field) = section.fields.iter().find(|f| f.key == key) else {
                found.push(format!("`{key}` of {} is not in the schema", section.name));
                continue;
            };
            let comment = rest.split_once("# ").map_or("", |(_, c)| c);
            let says = if comment.starts_with("required") {
                Some(true)
            } else if comment.starts_with("optional") {
                Some(false)
            } else {
                None
            };
            if says.is_some_and(|required| required != field.required) {
                found.push(format!("`{key}` of {} says `{comment}`", section.name));
            }
        }
        for section in SECTIONS {
            for field in section.fields {
                if !documented.contains(&(section.name, field.key)) {
                    found.push(format!(
                        "`{}` of {} is not documented",
                        field.key, section.name
                    ));
                }
            }
        }
        found
    }

    const SCHEMA_MD: &str = include_str!("../../docs/schema.md");

    #[test]
    fn docs_schema_md_shows_every_field_of_the_schema_as_it_is() {
        assert_eq!(disagreements(SCHEMA_MD), Vec::<String>::new());
    }

    #[test]
    fn a_field_missing_from_the_docs_is_caught() {
        let broken = SCHEMA_MD.replace(
            "    skills: [product strategy, executive communication]",
            "",
        );
        assert_eq!(
            disagreements(&broken),
            ["`skills` of role is not documented"]
        );
        let broken = SCHEMA_MD.replace(
            "level: 8                        # required",
            "level: 8 # optional",
        );
        assert_eq!(
            disagreements(&broken),
            ["`level` of role says `optional; 1..=100, higher is more senior; orders the ladder`"]
        );
        let broken = SCHEMA_MD.replace("    note:", "    notes:");
        assert_eq!(
            disagreements(&broken),
            [
                "`notes` of tenure is not in the schema",
                "`note` of tenure is not documented"
            ]
        );
    }

    #[test]
    fn every_key_is_known_and_found_in_its_section() {
        assert_eq!(
            known_key("titles_by_company_size"),
            Some("titles_by_company_size")
        );
        assert_eq!(known_key("level_code"), None);
        assert_eq!(
            ROLE.field("tenure").map(|f| f.kind),
            Some(Kind::Map(&TENURE))
        );
    }
}
