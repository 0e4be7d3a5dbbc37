//! The second, lenient pass over a catalogue whose typed parse failed: it reads the file as a tree
//! of any shape and reports every unknown key, missing key and value of the wrong type, where the
//! typed parse can only stop at the first.
//!
//! It runs only on the failure path, so valid files pay nothing for it. The shape it checks
//! against mirrors `raw.rs` (and `docs/own-ladder.md`); a test keeps the two in step.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::diagnostic::Problem;
use super::raw::At;
use crate::resolve::closest;

/// A YAML value of any shape, each part with its position.
pub type Node = At<Value>;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Text(String),
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i128::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Text(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<Node, Node>()? {
            entries.push(entry);
        }
        Ok(Value::Map(entries))
    }
}

/// What a value must be.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Text,
    Whole,
    Years,
    Bool,
    List(&'static Kind),
    Map(&'static [Field]),
}

#[derive(Debug, Clone, Copy)]
struct Field {
    key: &'static str,
    required: bool,
    kind: Kind,
}

const fn req(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        required: true,
        kind,
    }
}

const fn opt(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        required: false,
        kind,
    }
}

const TEXTS: Kind = Kind::List(&Kind::Text);

const CATALOGUE: &[Field] = &[
    req("version", Kind::Whole),
    req("name", Kind::Text),
    opt("description", Kind::Text),
    opt("sources", Kind::List(&Kind::Map(SOURCE))),
    opt("tracks", Kind::List(&Kind::Map(TRACK))),
    opt("roles", Kind::List(&Kind::Map(ROLE))),
];

const SOURCE: &[Field] = &[
    req("id", Kind::Text),
    req("title", Kind::Text),
    opt("publisher", Kind::Text),
    opt("published", Kind::Text),
    opt("url", Kind::Text),
];

const TRACK: &[Field] = &[
    req("id", Kind::Text),
    req("name", Kind::Text),
    opt("description", Kind::Text),
];

const ROLE: &[Field] = &[
    req("id", Kind::Text),
    req("title", Kind::Text),
    opt("aliases", TEXTS),
    req("track", Kind::Text),
    req("level", Kind::Whole),
    opt("entry", Kind::Bool),
    req("summary", Kind::Text),
    req("responsibilities", TEXTS),
    opt("skills", TEXTS),
    opt("reports_to", TEXTS),
    req("tenure", Kind::Map(TENURE)),
    opt("next", TEXTS),
    opt("lateral", TEXTS),
    opt("titles_by_company_size", Kind::Map(TITLES)),
    opt("sources", TEXTS),
];

const TENURE: &[Field] = &[
    req("min", Kind::Years),
    req("max", Kind::Years),
    opt("source", Kind::Text),
    opt("estimate", Kind::Bool),
    opt("note", Kind::Text),
];

const TITLES: &[Field] = &[
    opt("startup", Kind::Text),
    opt("scaleup", Kind::Text),
    opt("enterprise", Kind::Text),
];

/// Every structure problem in a catalogue read as a tree: unknown keys (with the closest known key),
/// missing required keys, and values of the wrong type.
pub fn problems(tree: &Node) -> Vec<Problem> {
    let mut found = Vec::new();
    if matches!(tree.value, Value::Map(_)) {
        check_map(tree, CATALOGUE, "the catalogue", &mut found);
    } else {
        found.push(Problem::new(
            tree.pos,
            format!(
                "a catalogue is a mapping of keys ({}), not {}",
                keys(CATALOGUE),
                describe(&tree.value)
            ),
        ));
    }
    found
}

fn keys(fields: &[Field]) -> String {
    fields.iter().map(|f| f.key).collect::<Vec<_>>().join(", ")
}

/// `owner` names the mapping in messages: "the catalogue", "role `cpo`", "a track".
fn check_map(node: &Node, fields: &'static [Field], owner: &str, found: &mut Vec<Problem>) {
    let Value::Map(entries) = &node.value else {
        return;
    };
    // Keys suggested for misspelt ones: their absence is already said.
    let mut suggested: Vec<&str> = Vec::new();
    for (key, value) in entries {
        let Value::Text(name) = &key.value else {
            found.push(Problem::new(
                key.pos,
                format!("a key must be text, not {}", describe(&key.value)),
            ));
            continue;
        };
        match fields.iter().find(|f| f.key == name) {
            Some(field) => check_value(value, field, owner, found),
            None => {
                let message = match closest(name, fields.iter().map(|f| f.key)) {
                    Some(best) => {
                        suggested.push(best);
                        format!("unknown key `{name}`; did you mean `{best}`?")
                    }
                    None => format!(
                        "unknown key `{name}`; the keys allowed here are {}",
                        keys(fields)
                    ),
                };
                found.push(Problem::new(key.pos, message));
            }
        }
    }
    for field in fields.iter().filter(|f| f.required) {
        let present = entries
            .iter()
            .any(|(k, _)| matches!(&k.value, Value::Text(t) if t == field.key));
        if !present && !suggested.contains(&field.key) {
            found.push(Problem::new(
                node.pos,
                format!("{owner} is missing the required key `{}`", field.key),
            ));
        }
    }
}

fn check_value(node: &Node, field: &Field, owner: &str, found: &mut Vec<Problem>) {
    if matches!(node.value, Value::Null) {
        if field.required {
            found.push(Problem::new(
                node.pos,
                format!(
                    "`{}` of {owner} is empty; it needs {}",
                    field.key,
                    expected(&field.kind)
                ),
            ));
        }
        return;
    }
    check_kind(node, &field.kind, field.key, owner, found);
}

fn check_kind(node: &Node, kind: &Kind, key: &str, owner: &str, found: &mut Vec<Problem>) {
    let fits = match (kind, &node.value) {
        (Kind::Text, Value::Text(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_)) => true,
        (Kind::Whole, Value::Int(n)) => u32::try_from(*n).is_ok(),
        (Kind::Years, Value::Int(_) | Value::Float(_)) => true,
        (Kind::Bool, Value::Bool(_)) => true,
        (Kind::List(item), Value::List(items)) => {
            for element in items {
                check_element(element, item, key, owner, found);
            }
            true
        }
        (Kind::Map(fields), Value::Map(_)) => {
            let inner = match key {
                "tenure" | "titles_by_company_size" => format!("`{key}` of {owner}"),
                _ => owner.to_owned(),
            };
            check_map(node, fields, &inner, found);
            true
        }
        _ => false,
    };
    if !fits {
        found.push(Problem::new(
            node.pos,
            format!(
                "`{key}` of {owner} must be {}, not {}",
                expected(kind),
                describe(&node.value)
            ),
        ));
    }
}

/// An element of a list: roles, tracks and sources are named by their id in messages.
fn check_element(node: &Node, kind: &Kind, key: &str, owner: &str, found: &mut Vec<Problem>) {
    match (kind, &node.value) {
        (Kind::Map(fields), Value::Map(entries)) => {
            let what = match key {
                "roles" => "role",
                "tracks" => "track",
                "sources" => "source",
                other => other,
            };
            let id = entries
                .iter()
                .find_map(|(k, v)| match (&k.value, &v.value) {
                    (Value::Text(k), Value::Text(id)) if k == "id" => Some(id.as_str()),
                    _ => None,
                });
            let name = match id {
                Some(id) => format!("{what} `{id}`"),
                None => format!("a {what}"),
            };
            check_map(node, fields, &name, found);
        }
        (_, Value::Null) => found.push(Problem::new(
            node.pos,
            format!(
                "an item of `{key}` of {owner} is empty; it needs {}",
                expected(kind)
            ),
        )),
        _ => {
            let before = found.len();
            check_kind(node, kind, key, owner, found);
            if let Some(problem) = found.get_mut(before..).and_then(|p| p.first_mut())
                && problem.pos == node.pos
            {
                problem.message = format!(
                    "each item of `{key}` of {owner} must be {}, not {}",
                    expected(kind),
                    describe(&node.value)
                );
            }
        }
    }
}

fn expected(kind: &Kind) -> &'static str {
    match kind {
        Kind::Text => "text",
        Kind::Whole => "a whole number (0 or more)",
        Kind::Years => "a number of years",
        Kind::Bool => "true or false",
        Kind::List(item) => match item {
            Kind::Map(_) => "a list of mappings (`- key: value`)",
            _ => "a list (`- item` lines, or `[a, b]`)",
        },
        Kind::Map(_) => "a mapping (`key: value` lines, or `{key: value}`)",
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "empty".to_owned(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Int(n) => format!("`{n}`"),
        Value::Float(x) => format!("`{x:?}`"),
        Value::Text(t) => {
            let short: String = t.chars().take(40).collect();
            if short.len() < t.len() {
                format!("the text `{short}...`")
            } else {
                format!("the text `{short}`")
            }
        }
        Value::List(_) => "a list".to_owned(),
        Value::Map(_) => "a mapping".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{BUILTIN_YAML, Limits, yaml};

    fn tree(text: &str) -> Node {
        yaml::parse_tree(text, &Limits::default()).expect("parses as a tree")
    }

    #[test]
    fn the_built_in_catalogue_has_the_shape_it_checks() {
        assert_eq!(problems(&tree(BUILTIN_YAML)), []);
        let example = include_str!("../../examples/engineering.yaml");
        assert_eq!(problems(&tree(example)), []);
    }

    #[test]
    fn every_structure_problem_is_found_in_one_pass() {
        let text = "\
version: 1
name: x
tracks:
  - id: ic
    nme: IC
roles:
  - id: a
    title: A
    track: ic
    level: high
    responsibilities: r
    tenure: {min: 1, max: 2, estimat: true}
    aliases: [x, [y]]
";
        let found = problems(&tree(text));
        let shown: Vec<(u32, u32, &str)> = found
            .iter()
            .map(|p| (p.pos.line, p.pos.column, p.message.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (5, 5, "unknown key `nme`; did you mean `name`?"),
                (
                    10,
                    12,
                    "`level` of role `a` must be a whole number (0 or more), not the text `high`"
                ),
                (
                    11,
                    23,
                    "`responsibilities` of role `a` must be a list (`- item` lines, or `[a, b]`), not the text `r`"
                ),
                (12, 30, "unknown key `estimat`; did you mean `estimate`?"),
                (
                    13,
                    18,
                    "each item of `aliases` of role `a` must be text, not a list"
                ),
                (7, 5, "role `a` is missing the required key `summary`"),
            ]
        );
    }

    #[test]
    fn a_document_that_is_not_a_mapping_is_named_for_what_it_is() {
        let found = problems(&tree("- a\n- b\n"));
        assert_eq!(
            found[0].message,
            "a catalogue is a mapping of keys (version, name, description, sources, tracks, roles), not a list"
        );
    }
}
