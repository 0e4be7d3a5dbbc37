//! The YAML boundary: the only module that names the YAML crates.
//!
//! It parses YAML text once into a [`Node`] tree of any shape with the position of every value,
//! under the resource limits of [`Limits`] (`tree.rs` from granit-parser's events, `scalar.rs` for
//! each scalar's type), turning parser errors into positioned [`Problem`]s; and writes values back
//! as YAML (serde-saphyr).

use serde::Serialize;

use super::Limits;
use super::diagnostic::Problem;
use super::raw::{At, Pos};

mod scalar;
mod tree;

/// A value of any shape, with the position it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

/// What a YAML value is. Boxed slices rather than `Vec`s: a large catalogue is millions of nodes,
/// and each is 8 bytes smaller for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(Box<str>),
    List(Box<[Node]>),
    Map(Box<[Entry]>),
}

/// One `key: value` of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: At<Key>,
    pub value: Node,
}

/// A mapping key. The keys the schema knows are not copied for every role: they point at the
/// schema's own names.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    Known(&'static str),
    Text(Box<str>),
    /// A key that is not text (a number, a list...), described for the message that refuses it.
    NotText(String),
}

impl Value {
    /// What the value is, for messages: "not {description}".
    pub fn describe(&self) -> String {
        match self {
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
}

impl Node {
    /// The value without positions, as extension keys keep it (a number JSON cannot hold,
    /// such as `.nan`, becomes null).
    pub fn into_plain(self) -> serde_json::Value {
        use serde_json::Value as Plain;
        match self.value {
            Value::Null => Plain::Null,
            Value::Bool(b) => Plain::Bool(b),
            Value::Int(n) => Plain::from(n),
            Value::Float(x) => serde_json::Number::from_f64(x).map_or(Plain::Null, Plain::Number),
            Value::Text(t) => Plain::String(t.into()),
            Value::List(items) => {
                Plain::Array(items.into_vec().into_iter().map(Node::into_plain).collect())
            }
            Value::Map(entries) => Plain::Object(
                entries
                    .into_vec()
                    .into_iter()
                    .map(|e| {
                        let key = match e.key.value {
                            Key::Known(k) => k.to_owned(),
                            Key::Text(k) => k.into(),
                            Key::NotText(k) => k,
                        };
                        (key, e.value.into_plain())
                    })
                    .collect(),
            ),
        }
    }
}

impl Key {
    pub fn text(&self) -> Option<&str> {
        match self {
            Key::Known(key) => Some(key),
            Key::Text(key) => Some(key),
            Key::NotText(_) => None,
        }
    }
}

/// Parses catalogue text into a tree. A syntax error, a key given twice or a limit reached stops
/// the parse: it is the one problem returned.
pub fn parse(text: &str, limits: &Limits) -> Result<Node, Problem> {
    tree::build(text, limits)
}

/// The items moved into an allocation of exactly their size. Shrinking the `Vec` in place would
/// keep the allocator's larger block (mimalloc does, for a shrink to half or more): over the
/// millions of short lists of 100,000 generated roles, peak memory went from 487 MB to 408 MB.
pub(super) fn exact<T>(mut items: Vec<T>) -> Box<[T]> {
    if items.len() == items.capacity() {
        return items.into_boxed_slice();
    }
    let mut exact = Vec::with_capacity(items.len());
    exact.append(&mut items);
    exact.into_boxed_slice()
}

/// Whether `key` is already a key of `entries`: searched one by one in a small object, through
/// a set once it holds more than a few keys.
pub(super) fn is_repeated(
    entries: &[Entry],
    seen: &mut Option<std::collections::HashSet<Box<str>>>,
    key: &str,
) -> bool {
    const SMALL: usize = 16;
    if entries.len() < SMALL {
        return entries.iter().any(|e| e.key.value.text() == Some(key));
    }
    let set = seen.get_or_insert_with(|| {
        entries
            .iter()
            .filter_map(|e| e.key.value.text().map(Box::from))
            .collect()
    });
    !set.insert(key.into())
}

/// Writes a value as YAML (for `export` and `-o yaml`).
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    Ok(serde_saphyr::to_string(value)?)
}

/// Reads any value from YAML text, under the default limits (for checking `-o yaml` output).
pub fn from_str<T: serde::de::DeserializeOwned>(text: &str) -> anyhow::Result<T> {
    Ok(serde_saphyr::from_str(text)?)
}

/// An alias whose anchor is not defined before it, or is the value that holds it.
const NO_ANCHOR: &str = "this alias names no anchor before it: an alias (`*name`) repeats a value \
    anchored earlier (`&name`), and not the value it is inside";

/// Rewords the parser's messages where a catalogue's author needs more than the parser says.
fn explain(message: &str) -> String {
    if message.contains("mapping values are not allowed") {
        return format!(
            "{message}: a value that holds `: ` must be quoted, as in `summary: \"Strategy: sets \
             the direction\"`"
        );
    }
    if message.contains("unknown anchor") {
        return NO_ANCHOR.to_owned();
    }
    if message.contains("recursion limit") {
        // granit-parser's own limit on flow nesting, set just past `--max-depth` (`tree.rs`).
        return format!(
            "the YAML is nested too deeply ({message}); a catalogue needs only 4 levels; if the file is trusted, raise the limit with --max-depth"
        );
    }
    message.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Node {
        parse(text, &Limits::default()).expect("parses")
    }

    fn parse_err(text: &str) -> Problem {
        match parse(text, &Limits::default()) {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(problem) => problem,
        }
    }

    fn first_value(node: &Node) -> &Node {
        match &node.value {
            Value::Map(entries) => &entries[0].value,
            other => panic!("not a mapping: {other:?}"),
        }
    }

    #[test]
    fn values_carry_the_line_and_column_they_were_read_from() {
        let node = tree("version: 1\nname: x\n");
        let Value::Map(entries) = &node.value else {
            panic!("a mapping")
        };
        assert_eq!(entries[1].key.value, Key::Known("name"));
        assert_eq!(entries[1].key.pos, Pos { line: 2, column: 1 });
        assert_eq!(entries[1].value.pos, Pos { line: 2, column: 7 });
        assert_eq!(entries[1].value.value, Value::Text("x".into()));
    }

    #[test]
    fn yaml_and_json_give_the_same_values() {
        for (yaml, json) in [
            ("a: \"3\"", r#"{"a": "3"}"#),
            ("a: yes", r#"{"a": "yes"}"#),
            ("a: 16", r#"{"a": 16}"#),
            ("a: 2.5", r#"{"a": 2.5}"#),
            ("a: true", r#"{"a": true}"#),
            ("a: null", r#"{"a": null}"#),
        ] {
            assert_eq!(
                first_value(&tree(yaml)).value,
                first_value(&tree(json)).value
            );
        }
        assert_eq!(first_value(&tree("a: 0x10")).value, Value::Int(16));
        assert_eq!(
            first_value(&tree("a: 010")).value,
            Value::Text("010".into())
        );
        assert_eq!(
            first_value(&tree("a: 4294967296")).value,
            Value::Int(1 << 32)
        );
        assert!(matches!(first_value(&tree("a: .nan")).value, Value::Float(x) if x.is_nan()));
        assert_eq!(
            first_value(&tree("a: 1e400")).value,
            Value::Float(f64::INFINITY)
        );
    }

    #[test]
    fn a_key_given_twice_is_named_as_such() {
        let problem = parse_err("version: 1\nname: x\nname: y\n");
        assert_eq!(problem.pos, Pos { line: 3, column: 1 });
        assert_eq!(
            problem.message,
            "the key `name` appears twice in this mapping; keep one"
        );
    }

    #[test]
    fn merge_keys_are_merged() {
        let text = "a: &ic {id: ic, name: IC}\nb:\n  <<: *ic\n  id: ops\n";
        let Value::Map(entries) = tree(text).value else {
            panic!("a mapping")
        };
        let Value::Map(b) = &entries[1].value.value else {
            panic!("a mapping")
        };
        let keys: Vec<_> = b.iter().filter_map(|e| e.key.value.text()).collect();
        assert!(keys.contains(&"name") && keys.contains(&"id"), "{keys:?}");
    }

    #[test]
    fn two_documents_are_refused() {
        let problem = parse_err("version: 1\nname: x\n---\nversion: 1\nname: y\n");
        assert!(problem.message.contains("more than one YAML document"));
        assert_eq!(problem.pos.line, 4);
    }
}
