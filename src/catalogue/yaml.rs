//! The YAML boundary: the only file that names the YAML crate (serde-saphyr).
//!
//! It parses YAML text once into a [`Node`] tree of any shape with the
//! position of every value, under the resource limits of [`Limits`]; turns parser errors into
//! positioned [`Problem`]s; and writes values back as YAML.

use std::fmt;

use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{DefaultMessageFormatter, MessageFormatter};

use super::Limits;
use super::diagnostic::Problem;
use super::raw::{At, Pos};
use super::schema;

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
    serde_saphyr::from_str_with_options::<Node>(text, options(limits)).map_err(problem_from)
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        Ok(At {
            value: spanned.value,
            pos: Pos::at(spanned.referenced.line(), spanned.referenced.column()),
        })
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let at = At::<Value>::deserialize(deserializer)?;
        Ok(Node {
            value: at.value,
            pos: at.pos,
        })
    }
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
        Ok(Value::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        // Past i64, a whole number is only ever out of range: kept as a number all the same.
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.into()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(Box::from(v.as_str())))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Text(String::from_utf8_lossy(v).into()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::List(exact(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<At<Key>>()? {
            let value = map.next_value::<Node>()?;
            entries.push(Entry { key, value });
        }
        Ok(Value::Map(exact(entries)))
    }
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

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }
    fn visit_str<E>(self, v: &str) -> Result<Key, E> {
        Ok(match schema::known_key(v) {
            Some(known) => Key::Known(known),
            None => Key::Text(v.into()),
        })
    }
    fn visit_unit<E>(self) -> Result<Key, E> {
        Ok(Key::NotText("empty".to_owned()))
    }
    fn visit_none<E>(self) -> Result<Key, E> {
        Ok(Key::NotText("empty".to_owned()))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Key, E> {
        Ok(Key::NotText(format!("`{v}`")))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Key, E> {
        Ok(Key::NotText(format!("`{v}`")))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Key, E> {
        Ok(Key::NotText(format!("`{v}`")))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Key, E> {
        Ok(Key::NotText(format!("`{v:?}`")))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Key, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Key::NotText("a list".to_owned()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Key, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Key::NotText("a mapping".to_owned()))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Key, E> {
        self.visit_str(&String::from_utf8_lossy(v))
    }
}

fn options(limits: &Limits) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    // Never deeper than the stack `on_deep_stack` reserves.
    let depth = limits.max_depth.min(super::MAX_DEPTH_CEILING);
    budget.max_depth = depth;
    budget.flow_nesting_limit = depth;
    budget.max_nodes = limits.max_nodes;
    budget.max_events = limits.max_nodes.saturating_mul(2);
    budget.max_aliases = limits.max_aliases;
    budget.max_anchors = limits.max_aliases;
    // Two, so that a second document is reported as such rather than as a budget breach.
    budget.max_documents = 2;
    // Copies of anchored values grow with aliases; the defaults (1,000,000) stop an alias bomb
    // within a second.
    budget.max_recorded_anchor_events = limits.max_aliases.saturating_mul(100);
    let text_bytes = usize::try_from(limits.max_file_bytes).unwrap_or(usize::MAX);
    budget.max_total_scalar_bytes = text_bytes;
    budget.max_recorded_anchor_bytes = text_bytes;
    // Comments are never deserialised: the crate is built without its `comments` feature, so the
    // parser skips them rather than turning them into events (Cargo.toml).
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    // YAML 1.2 booleans only: `yes` and `no` are text, as they are in JSON.
    options.strict_booleans = true;
    // `010` is neither 8 (YAML 1.1) nor quietly 10: it stays as written, text, and a number field
    // refuses it as such. JSON has no leading zeros either.
    options.leading_zero_numbers_as_strings = true;
    // `.inf`, `.nan` and `1e400` are numbers that validation refuses with their position, rather
    // than errors that stop the parse.
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::PassThrough;
    options
}

/// Writes a value as YAML (for `export` and `-o yaml`).
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    Ok(serde_saphyr::to_string(value)?)
}

/// Reads any value from YAML text, under the default limits (for checking `-o yaml` output).
pub fn from_str<T: serde::de::DeserializeOwned>(text: &str) -> anyhow::Result<T> {
    Ok(serde_saphyr::from_str(text)?)
}

fn problem_from(error: serde_saphyr::Error) -> Problem {
    let inner = error.without_snippet();
    let pos = error
        .location()
        .map(|l| Pos::at(l.line(), l.column()))
        .unwrap_or_default();
    let raw = DefaultMessageFormatter.format_message(inner).into_owned();
    Problem::new(pos, explain(&raw))
}

/// Rewords the parser's messages: limits say how to raise them.
fn explain(message: &str) -> String {
    if message.contains("mapping values are not allowed") {
        return format!(
            "{message}: a value that holds `: ` must be quoted, as in `summary: \"Strategy: sets \
             the direction\"`"
        );
    }
    if message.contains("multiple YAML documents") {
        return "the file holds more than one YAML document (`---`); a catalogue is one document"
            .to_owned();
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(rest);
        return format!("the key `{key}` appears twice in this mapping; keep one");
    }
    if message.contains("recursion limit") || message.contains("nesting") {
        return format!(
            "the YAML is nested too deeply ({message}); a catalogue needs only 4 levels; if the file is trusted, raise the limit with --max-depth"
        );
    }
    if let Some(rest) = message.strip_prefix("budget breached: ") {
        let breach = rest.split([' ', '{']).next().unwrap_or_default();
        let (what, flag) = match breach {
            "Events" | "Nodes" => ("has too many nodes", Some("--max-nodes")),
            "Depth" => ("is nested too deeply", Some("--max-depth")),
            "Aliases" | "Anchors" | "RecordedAnchorEvents" => (
                "has aliases that expand to too much (an alias bomb?)",
                Some("--max-aliases"),
            ),
            "AliasAnchorRatio" | "MergeKeys" => {
                ("has aliases that expand to too much (an alias bomb?)", None)
            }
            "ScalarBytes" | "CommentBytes" | "RecordedAnchorBytes" | "InputBytes" => {
                ("holds too much text", Some("--max-file-size"))
            }
            _ => ("is over a safety limit", None),
        };
        return match flag {
            Some(flag) => format!(
                "the YAML {what}: {rest}; if the file is trusted, raise the limit with {flag}"
            ),
            None => format!("the YAML {what}: {rest}"),
        };
    }
    if message.contains("budget") || message.contains("limit") {
        return format!(
            "{message} (the catalogue is over a safety limit; see `ladder --help` for the --max-* options to raise it)"
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
