//! The one walk over a parsed catalogue: it checks the tree against the schema (`schema.rs`),
//! reports every structure problem (unknown keys with a did-you-mean, missing keys, values of the
//! wrong kind) and moves the values into the raw structs of `raw.rs`.

use super::diagnostic::Problem;
use super::raw::{
    At, Extensions, Pos, RawCatalogue, RawCompetency, RawExpectation, RawFigure, RawLevel, RawMove,
    RawRole, RawSource, RawTime, RawTitles, RawTrack,
};
use super::schema::{self, Field, Kind, Section};
use super::yaml::{Key, Node, Value};
use crate::names::closest_key;

mod scalars;

/// What the walk found: the raw catalogue when the structure is whole, and every problem. Some
/// problems (a line break in a title) leave the structure whole, so validation still runs.
pub struct Walked {
    pub raw: Option<RawCatalogue>,
    pub problems: Vec<Problem>,
}

/// Walks a parsed catalogue. A version 1 catalogue is first read as version 2 (`upgrade.rs`).
pub fn walk(mut tree: Node) -> Walked {
    super::upgrade::upgrade(&mut tree);
    let mut w = Walker::default();
    let raw = if matches!(tree.value, Value::Map(_)) {
        let mut top = w.fields(tree, &schema::CATALOGUE, "the catalogue".to_owned());
        let raw = RawCatalogue {
            version: w.whole(&mut top, "version"),
            name: w.text(&mut top, "name").value,
            description: w.opt_text(&mut top, "description").map(|t| t.value),
            sources: w
                .items(&mut top, "sources", source)
                .into_iter()
                .map(|(_, s)| s)
                .collect(),
            tracks: w
                .items(&mut top, "tracks", track)
                .into_iter()
                .map(|(_, t)| t)
                .collect(),
            levels: w
                .items(&mut top, "levels", level)
                .into_iter()
                .map(|(_, l)| l)
                .collect(),
            competencies: w
                .items(&mut top, "competencies", competency)
                .into_iter()
                .map(|(_, c)| c)
                .collect(),
            roles: w
                .items(&mut top, "roles", role)
                .into_iter()
                .map(at)
                .collect(),
            x: w.extensions(&mut top),
        };
        Some(raw)
    } else {
        w.structural(
            tree.pos,
            format!(
                "a catalogue is a mapping of keys ({}), not {}",
                schema::CATALOGUE.keys(),
                tree.value.describe()
            ),
        );
        None
    };
    Walked {
        raw: raw.filter(|_| !w.broken),
        problems: w.problems,
    }
}

fn at<T>((pos, value): (Pos, T)) -> At<T> {
    At { value, pos }
}

fn source(w: &mut Walker, f: &mut Fields) -> RawSource {
    RawSource {
        id: w.text(f, "id"),
        title: w.text(f, "title").value,
        publisher: w.opt_text(f, "publisher").map(|t| t.value),
        published: w.opt_text(f, "published").map(|t| t.value),
        url: w.opt_text(f, "url").map(|t| t.value),
        x: w.extensions(f),
    }
}

fn track(w: &mut Walker, f: &mut Fields) -> RawTrack {
    RawTrack {
        id: w.text(f, "id"),
        name: w.text(f, "name").value,
        description: w.opt_text(f, "description").map(|t| t.value),
        manages: w.flag(f, "manages"),
        x: w.extensions(f),
    }
}

fn level(w: &mut Walker, f: &mut Fields) -> RawLevel {
    RawLevel {
        id: w.text(f, "id"),
        rank: w.years(f, "rank"),
        code: w.opt_text(f, "code"),
        name: w.opt_text(f, "name"),
        description: w.opt_text(f, "description").map(|t| t.value),
        facts: w.texts(f, "facts"),
        time: w.map(f, "time", time),
        x: w.extensions(f),
    }
}

fn competency(w: &mut Walker, f: &mut Fields) -> RawCompetency {
    RawCompetency {
        id: w.text(f, "id"),
        name: w.text(f, "name").value,
        description: w.opt_text(f, "description").map(|t| t.value),
        scale: w.texts(f, "scale"),
        x: w.extensions(f),
    }
}

fn role(w: &mut Walker, f: &mut Fields) -> RawRole {
    RawRole {
        id: w.text(f, "id"),
        title: w.text(f, "title"),
        aliases: w.texts(f, "aliases"),
        track: w.text(f, "track"),
        level: w.text(f, "level"),
        entry: w.flag(f, "entry"),
        summary: w.text(f, "summary"),
        responsibilities: w.texts(f, "responsibilities"),
        includes: w.opt_text(f, "includes"),
        expectations: w
            .items(f, "expectations", expectation)
            .into_iter()
            .map(at)
            .collect(),
        reports_to: w.texts(f, "reports_to"),
        time: w.map(f, "time", time),
        moves: w.items(f, "moves", a_move).into_iter().map(at).collect(),
        titles_by_company_size: w.map(f, "titles_by_company_size", titles).map(|t| t.value),
        sources: w.texts(f, "sources"),
        x: w.extensions(f),
    }
}

fn expectation(w: &mut Walker, f: &mut Fields) -> RawExpectation {
    RawExpectation {
        area: w.text(f, "area"),
        proficiency: w.opt_text(f, "proficiency"),
        text: w.opt_text(f, "text"),
        x: w.extensions(f),
    }
}

fn time(w: &mut Walker, f: &mut Fields) -> RawTime {
    RawTime {
        in_role: w.map(f, "in_role", figure),
        experience: w.map(f, "experience", figure),
        x: w.extensions(f),
    }
}

fn figure(w: &mut Walker, f: &mut Fields) -> RawFigure {
    RawFigure {
        min: w.years(f, "min"),
        max: w.opt_years(f, "max"),
        sources: w.texts(f, "sources"),
        estimate: w.flag(f, "estimate"),
        note: w.opt_text(f, "note").map(|t| t.value),
        x: w.extensions(f),
    }
}

fn a_move(w: &mut Walker, f: &mut Fields) -> RawMove {
    RawMove {
        to: w.text(f, "to"),
        condition: w.opt_text(f, "condition").map(|t| t.value),
        note: w.opt_text(f, "note").map(|t| t.value),
        source: w.opt_text(f, "source"),
        x: w.extensions(f),
    }
}

fn titles(w: &mut Walker, f: &mut Fields) -> RawTitles {
    RawTitles {
        startup: w.opt_text(f, "startup"),
        scaleup: w.opt_text(f, "scaleup"),
        enterprise: w.opt_text(f, "enterprise"),
        x: w.extensions(f),
    }
}

/// The values of one mapping, by field of its section, taken out one by one as they are read.
struct Fields {
    section: &'static Section,
    values: Vec<Option<Node>>,
    /// The extension keys (`x-...`) and their values, in file order.
    extensions: Vec<(String, Node)>,
    /// The mapping's own position, and how it is named in messages (`role \`cpo\``).
    pos: Pos,
    owner: String,
}

impl Fields {
    /// The field's value, and its schema entry; `None` for an absent (or empty optional) value.
    fn take(&mut self, key: &str) -> (Option<Node>, &'static Field) {
        let section = self.section;
        let ix = section.fields.iter().position(|f| f.key == key);
        // Every key the walk reads is in its section (a test walks a catalogue with every field).
        let field = ix
            .and_then(|ix| section.fields.get(ix))
            .unwrap_or(&UNKNOWN_FIELD);
        let value = ix
            .and_then(|ix| self.values.get_mut(ix))
            .and_then(Option::take);
        (value, field)
    }
}

static UNKNOWN_FIELD: Field = Field {
    key: "?",
    kind: Kind::Text,
    required: false,
    doc: "",
};

#[derive(Default)]
struct Walker {
    problems: Vec<Problem>,
    /// Whether a problem leaves the structure broken (validation then does not run).
    broken: bool,
}

impl Walker {
    fn structural(&mut self, pos: Pos, message: String) {
        self.broken = true;
        self.problems.push(Problem::new(pos, message));
    }

    /// Checks a mapping's keys against `section`: unknown keys (with the closest known key),
    /// keys that are not text, missing required keys.
    fn fields(&mut self, node: Node, section: &'static Section, owner: String) -> Fields {
        let mut values: Vec<Option<Node>> = std::iter::repeat_with(|| None)
            .take(section.fields.len())
            .collect();
        let Value::Map(entries) = node.value else {
            return Fields {
                section,
                values,
                extensions: Vec::new(),
                pos: node.pos,
                owner,
            };
        };
        // Keys suggested for misspelt ones: their absence is already said.
        let mut suggested: Vec<&str> = Vec::new();
        let mut present = vec![false; section.fields.len()];
        let mut extensions = Vec::new();
        for entry in entries.into_vec() {
            let Some(name) = entry.key.value.text() else {
                let Key::NotText(what) = &entry.key.value else {
                    continue;
                };
                self.structural(entry.key.pos, format!("a key must be text, not {what}"));
                continue;
            };
            match section.fields.iter().position(|f| f.key == name) {
                Some(ix) => {
                    if let Some(seen) = present.get_mut(ix) {
                        *seen = true;
                    }
                    if let Some(slot) = values.get_mut(ix) {
                        *slot = Some(entry.value);
                    }
                }
                None if schema::is_extension(name) => {
                    extensions.push((name.to_owned(), entry.value));
                }
                None => {
                    let message = match closest_key(name, section.fields.iter().map(|f| f.key)) {
                        Some(best) => {
                            suggested.push(best);
                            format!("unknown key `{name}`; did you mean `{best}`?")
                        }
                        None => format!(
                            "unknown key `{name}`; the keys allowed here are {}",
                            section.keys()
                        ),
                    };
                    self.structural(entry.key.pos, message);
                }
            }
        }
        for (field, present) in section.fields.iter().zip(present) {
            if field.required && !present && !suggested.contains(&field.key) {
                self.structural(
                    node.pos,
                    format!("{owner} is missing the required key `{}`", field.key),
                );
            }
        }
        Fields {
            section,
            values,
            extensions,
            pos: node.pos,
            owner,
        }
    }

    /// The extension keys of a mapping, as plain values.
    fn extensions(&mut self, f: &mut Fields) -> Extensions {
        if f.extensions.is_empty() {
            return None;
        }
        let map = std::mem::take(&mut f.extensions)
            .into_iter()
            .map(|(key, node)| (key, node.into_plain()))
            .collect();
        Some(Box::new(map))
    }

    /// The value of a field, or `None` when it is absent or empty; an empty required value is a
    /// problem (a missing one was reported with the keys).
    fn value(&mut self, f: &mut Fields, key: &str) -> (Option<Node>, &'static Field) {
        let (node, field) = f.take(key);
        match node {
            Some(node) if node.value == Value::Null => {
                if field.required {
                    self.structural(
                        node.pos,
                        format!(
                            "`{key}` of {} is empty; it needs {}",
                            f.owner,
                            field.kind.expected()
                        ),
                    );
                }
                (None, field)
            }
            other => (other, field),
        }
    }

    fn wrong(&mut self, node: &Node, kind: &Kind, key: &str, owner: &str) {
        self.structural(
            node.pos,
            format!(
                "`{key}` of {owner} must be {}, not {}",
                kind.expected(),
                node.value.describe()
            ),
        );
    }

    /// The value of a field when it is of the kind `fits` accepts; a problem otherwise.
    fn of_kind(
        &mut self,
        f: &mut Fields,
        key: &str,
        fits: fn(&Value) -> bool,
    ) -> (Option<Node>, &'static Field) {
        let (node, field) = self.value(f, key);
        match node {
            Some(node) if !fits(&node.value) => {
                let owner = f.owner.clone();
                self.wrong(&node, &field.kind, key, &owner);
                (None, field)
            }
            other => (other, field),
        }
    }

    /// A list of text; an absent list is empty.
    fn texts(&mut self, f: &mut Fields, key: &str) -> Vec<At<String>> {
        let (node, field) = self.of_kind(f, key, |v| matches!(v, Value::List(_)));
        let Some(Value::List(items)) = node.map(|n| n.value) else {
            return Vec::new();
        };
        let item = match field.kind {
            Kind::List(item) => item,
            _ => &Kind::Text,
        };
        let mut out = Vec::with_capacity(items.len());
        for element in items.into_vec() {
            if element.value == Value::Null {
                self.structural(
                    element.pos,
                    format!(
                        "an item of `{key}` of {} is empty; it needs {}",
                        f.owner,
                        item.expected()
                    ),
                );
                continue;
            }
            let owner = std::mem::take(&mut f.owner);
            let text = self.scalar_text(element, item, key, &owner, true);
            f.owner = owner;
            out.extend(text);
        }
        out
    }

    /// A list of mappings of a section, each walked by `build`, with its position.
    fn items<T>(
        &mut self,
        f: &mut Fields,
        key: &str,
        build: fn(&mut Walker, &mut Fields) -> T,
    ) -> Vec<(Pos, T)> {
        let (node, field) = self.of_kind(f, key, |v| matches!(v, Value::List(_)));
        let Some(Value::List(items)) = node.map(|n| n.value) else {
            return Vec::new();
        };
        let Kind::List(item @ Kind::Map(section)) = field.kind else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for element in items.into_vec() {
            match &element.value {
                Value::Map(entries) => {
                    let id = entries
                        .iter()
                        .find_map(|e| match (&e.key.value, &e.value.value) {
                            (Key::Known("id"), Value::Text(id)) => Some(id),
                            _ => None,
                        });
                    let owner = match id {
                        Some(id) => format!("{} `{id}`", section.name),
                        None => format!("a {}", section.name),
                    };
                    let pos = element.pos;
                    let mut fields = self.fields(element, section, owner);
                    out.push((pos, build(self, &mut fields)));
                }
                Value::Null => self.structural(
                    element.pos,
                    format!(
                        "an item of `{key}` of {} is empty; it needs {}",
                        f.owner,
                        item.expected()
                    ),
                ),
                other => self.structural(
                    element.pos,
                    format!(
                        "each item of `{key}` of {} must be {}, not {}",
                        f.owner,
                        item.expected(),
                        other.describe()
                    ),
                ),
            }
        }
        out
    }

    /// A mapping of a section, walked by `build`.
    fn map<T>(
        &mut self,
        f: &mut Fields,
        key: &str,
        build: fn(&mut Walker, &mut Fields) -> T,
    ) -> Option<At<T>> {
        let (node, field) = self.of_kind(f, key, |v| matches!(v, Value::Map(_)));
        let node = node?;
        let Kind::Map(section) = field.kind else {
            return None;
        };
        let pos = node.pos;
        let mut fields = self.fields(node, section, format!("`{key}` of {}", f.owner));
        Some(At {
            value: build(self, &mut fields),
            pos,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Limits, yaml};

    const BUILTIN_YAML: &str = include_str!("../../../data/ladder.yaml");

    fn walked(text: &str) -> Walked {
        walk(yaml::parse(text, &Limits::default()).expect("parses as a tree"))
    }

    #[test]
    fn the_built_in_catalogue_has_the_shape_it_checks() {
        assert_eq!(walked(BUILTIN_YAML).problems, []);
        let example = include_str!("../../../examples/engineering.yaml");
        assert_eq!(walked(example).problems, []);
    }

    #[test]
    fn every_field_of_the_schema_is_read() {
        // A catalogue with every field: the export of it names them all, so none was left unread.
        let text = "version: 2\nname: x\ndescription: d\nsources: [{id: s, title: S, publisher: p, \
            published: '2024', url: u}]\ntracks: [{id: ic, name: IC, description: d, manages: true}]\n\
            levels: [{id: l1, rank: 1, code: L1, name: One, description: d, facts: [f], time: \
            {in_role: {min: 1, max: 2, sources: [s], estimate: true, note: n}, experience: {min: 3, \
            estimate: true}}}]\ncompetencies: [{id: c, name: C, description: d, scale: [low, high]}]\n\
            roles:\n  - {id: a, title: A, aliases: [b], track: ic, level: l1, entry: true, summary: s, \
            responsibilities: [r], includes: a, expectations: [{area: c, proficiency: low, text: t}], \
            reports_to: [a], time: {in_role: {min: 1, estimate: true}}, moves: [{to: a, condition: c, \
            note: n, source: s}], titles_by_company_size: {startup: x, scaleup: y, enterprise: z}, \
            sources: [s]}\n";
        let walked = walked(text);
        assert_eq!(walked.problems, []);
        let raw = walked.raw.expect("whole");
        let exported = yaml::to_string(&raw).expect("serialises");
        for section in schema::SECTIONS {
            for field in section.fields {
                assert!(
                    exported.contains(&format!("{}:", field.key)),
                    "{}",
                    field.key
                );
            }
        }
    }

    #[test]
    fn extension_keys_are_kept_wherever_they_are() {
        let text = "version: 2\nname: x\nx-owner: people team\ntracks: [{id: ic, name: IC}]\n\
            levels: [{id: l1, rank: 1, x-band: [P1, P2]}]\nroles:\n  - {id: a, title: A, track: ic, \
            level: l1, summary: s, x-pay: {min: 1}, moves: [{to: a, x-why: w}]}\n";
        let walked = walked(text);
        assert_eq!(walked.problems, []);
        let raw = walked.raw.expect("whole");
        let x = |x: &Extensions, key: &str| x.as_ref().expect("extensions")[key].clone();
        assert_eq!(x(&raw.x, "x-owner"), "people team");
        assert_eq!(
            x(&raw.levels[0].x, "x-band"),
            serde_json::json!(["P1", "P2"])
        );
        assert_eq!(
            x(&raw.roles[0].value.x, "x-pay"),
            serde_json::json!({"min": 1})
        );
        assert_eq!(x(&raw.roles[0].value.moves[0].value.x, "x-why"), "w");
        assert_eq!(raw.tracks[0].x, None);
    }

    #[test]
    fn every_structure_problem_is_found_in_one_pass() {
        let text = "\
version: 2
name: x
tracks:
  - id: ic
    nme: IC
roles:
  - id: a
    title: A
    track: ic
    level: [l1]
    responsibilities: r
    time: {in_role: {min: 1, max: 2, estimat: true}}
    aliases: [x, [y]]
    level_code: IC3
";
        let mut found = walked(text).problems;
        found.sort_by_key(|p| p.pos);
        let shown: Vec<(u32, u32, &str)> = found
            .iter()
            .map(|p| (p.pos.line, p.pos.column, p.message.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (5, 5, "unknown key `nme`; did you mean `name`?"),
                (7, 5, "role `a` is missing the required key `summary`"),
                (10, 12, "`level` of role `a` must be text, not a list"),
                (
                    11,
                    23,
                    "`responsibilities` of role `a` must be a list (`- item` lines, or `[a, b]`), not the text `r`"
                ),
                (12, 38, "unknown key `estimat`; did you mean `estimate`?"),
                (
                    13,
                    18,
                    "each item of `aliases` of role `a` must be text, not a list"
                ),
                (
                    14,
                    5,
                    "unknown key `level_code`; the keys allowed here are id, title, aliases, track, level, entry, summary, responsibilities, includes, expectations, reports_to, time, moves, titles_by_company_size, sources"
                ),
            ]
        );
    }

    #[test]
    fn a_document_that_is_not_a_mapping_is_named_for_what_it_is() {
        let found = walked("- a\n- b\n").problems;
        assert_eq!(
            found[0].message,
            "a catalogue is a mapping of keys (version, name, description, sources, tracks, levels, competencies, roles), not a list"
        );
    }
}
