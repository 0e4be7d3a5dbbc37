//! The positioned tree, built straight from the YAML parser's events.
//!
//! Hand-written for a measurement (docs/performance.md): on the 100,000-role catalogue (89 MB)
//! the events of granit-parser, the parser beneath serde-saphyr, take 2.2 s, and serde-saphyr's
//! serde layer over the same events took 8.3 s into positioned values, so loading missed its 4 s
//! budget by far. This file does only what that layer did for the tree: anchors and aliases (with
//! limits against alias bombs), merge keys (`<<`), keys given twice, one document per file, and the
//! nesting and size limits of [`Limits`]; `scalar.rs` gives each scalar its type. `tree/reading.rs`
//! feeds it the parser's events, and `tree/halves.rs` reads a large file in two halves at once.

use std::collections::HashSet;

use granit_parser::{Event, ScalarStyle, StructureStyle};

use super::scalar::scalar;
use super::{Entry, Key, Node, Value, exact, is_repeated};
use crate::catalogue::Limits;
use crate::catalogue::diagnostic::Problem;
use crate::catalogue::raw::{At, Pos};
use crate::catalogue::schema;

mod halves;
mod reading;

use reading::{Part, Reading, Tally};

/// Parses YAML text into one tree; the first problem stops the parse. A large file is read in
/// two halves at once (`tree/halves.rs`), with the same tree and the same problems.
pub fn build(text: &str, limits: &Limits) -> Result<Node, Problem> {
    match halves::cut(text) {
        Some(cut) => halves::build(text, &cut, limits),
        None => Reading::new(text, limits, Part::WHOLE).finish(),
    }
}

/// The tree as the events build it.
struct Tree<'l> {
    limits: &'l Limits,
    max_depth: usize,
    /// The collections opened and not yet closed, outermost first.
    open: Vec<Open>,
    /// The items of every open list, and the entries of every open mapping, in one stack each:
    /// a collection takes its own from the top when it ends, into an allocation of exactly its
    /// size. (A `Vec` per collection, grown and then shrunk, allocated three times as often: the
    /// 100,000-role catalogue took 4.2–5.2 s to parse that way, 2.5–4.1 s this way.)
    items: Vec<Node>,
    entries: Vec<Entry>,
    /// Anchored values by the parser's anchor id (ids start at 1), with their size.
    anchors: Vec<Option<(Node, Size)>>,
    tally: Tally,
    documents: usize,
    root: Option<Node>,
}

/// A collection being read.
struct Open {
    pos: Pos,
    /// Block notation (`- item`, `key: value`), not flow (`[...]`, `{...}`).
    block: bool,
    /// The parser's id of the collection's anchor (`&name`); 0 when it has none.
    anchor: usize,
    /// What it holds so far.
    size: Size,
    items: Items,
}

/// What a value holds: its nodes, and the bytes of its text. Copies for anchors and aliases are
/// bounded by both, so that neither many small values nor one long text can be multiplied.
#[derive(Debug, Clone, Copy, Default)]
struct Size {
    nodes: usize,
    bytes: usize,
}

impl Size {
    fn add(&mut self, other: Size) {
        self.nodes = self.nodes.saturating_add(other.nodes);
        self.bytes = self.bytes.saturating_add(other.bytes);
    }
}

/// Where a collection's items start on the stack of items or entries.
enum Items {
    List {
        start: usize,
    },
    Map {
        start: usize,
        /// The key read, waiting for its value.
        key: Option<PendingKey>,
        /// The values of `<<` keys, merged when the mapping ends.
        merges: Vec<Node>,
        /// Keys already seen, once the mapping is too large to search one by one.
        seen: Option<HashSet<Box<str>>>,
    },
}

enum PendingKey {
    Key(At<Key>),
    /// A plain `<<`: the value is merged in.
    Merge,
}

impl<'l> Tree<'l> {
    fn new(limits: &'l Limits, max_depth: usize) -> Self {
        Tree {
            limits,
            max_depth,
            open: Vec::new(),
            items: Vec::new(),
            entries: Vec::new(),
            anchors: Vec::new(),
            tally: Tally::default(),
            documents: 0,
            root: None,
        }
    }

    fn take(&mut self, event: Event<'_>, pos: Pos) -> Result<(), Problem> {
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                Ok(())
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.second_document(pos)?;
                self.count(1, pos)?;
                let merge_tag = tag.as_deref().is_none_or(|tag| {
                    tag.suffix_in_namespace("tag:yaml.org,2002:").as_deref() == Some("merge")
                });
                if style == ScalarStyle::Plain
                    && text == "<<"
                    && merge_tag
                    && let Some(Items::Map {
                        key: key @ None, ..
                    }) = self.open.last_mut().map(|open| &mut open.items)
                {
                    *key = Some(PendingKey::Merge);
                    return Ok(());
                }
                let size = Size {
                    nodes: 1,
                    bytes: text.len(),
                };
                let value = scalar(text, style, tag.as_deref());
                self.finish(Node { value, pos }, anchor, size)
            }
            Event::SequenceStart(style, anchor, _) => {
                let start = self.items.len();
                self.start(pos, style, anchor, Items::List { start })
            }
            Event::MappingStart(style, anchor, _) => self.start(
                pos,
                style,
                anchor,
                Items::Map {
                    start: self.entries.len(),
                    key: None,
                    merges: Vec::new(),
                    seen: None,
                },
            ),
            Event::SequenceEnd | Event::MappingEnd => self.end(),
            Event::Alias(id) => self.alias(id, pos),
            _ => Ok(()),
        }
    }

    /// Refuses a node of a second document.
    fn second_document(&self, pos: Pos) -> Result<(), Problem> {
        if self.documents > 1 {
            return Err(Problem::new(
                pos,
                "the file holds more than one YAML document (`---`); a catalogue is one document",
            ));
        }
        Ok(())
    }

    fn count(&mut self, nodes: usize, pos: Pos) -> Result<(), Problem> {
        self.tally.nodes = self.tally.nodes.saturating_add(nodes);
        if self.tally.nodes > self.limits.max_nodes {
            return Err(Problem::new(
                pos,
                format!(
                    "the YAML has too many nodes: more than {}; if the file is trusted, raise the limit with --max-nodes",
                    self.limits.max_nodes
                ),
            ));
        }
        Ok(())
    }

    fn start(
        &mut self,
        pos: Pos,
        style: StructureStyle,
        anchor: usize,
        items: Items,
    ) -> Result<(), Problem> {
        self.second_document(pos)?;
        self.count(1, pos)?;
        if self.open.len() >= self.max_depth {
            return Err(Problem::new(
                pos,
                format!(
                    "the YAML is nested too deeply: more than {} levels; a catalogue needs only 4 levels; if the file is trusted, raise the limit with --max-depth",
                    self.max_depth
                ),
            ));
        }
        self.open.push(Open {
            pos,
            block: style == StructureStyle::Block,
            anchor,
            size: Size { nodes: 1, bytes: 0 },
            items,
        });
        Ok(())
    }

    fn end(&mut self) -> Result<(), Problem> {
        let Some(open) = self.open.pop() else {
            return Ok(());
        };
        let value = match open.items {
            Items::List { start } => Value::List(self.items.drain(start..).collect()),
            Items::Map {
                start,
                merges,
                mut seen,
                ..
            } => {
                let mut entries: Vec<Entry> = self.entries.drain(start..).collect();
                for merged in merges {
                    merge(&mut entries, &mut seen, merged)?;
                }
                Value::Map(exact(entries))
            }
        };
        let node = Node {
            value,
            pos: open.pos,
        };
        self.finish(node, open.anchor, open.size)
    }

    fn alias(&mut self, id: usize, pos: Pos) -> Result<(), Problem> {
        self.second_document(pos)?;
        self.tally.aliases += 1;
        if self.tally.aliases > self.limits.max_aliases {
            return Err(Problem::new(
                pos,
                format!(
                    "the YAML has more than {} aliases (an alias bomb?); if the file is trusted, raise the limit with --max-aliases",
                    self.limits.max_aliases
                ),
            ));
        }
        let Some(Some((anchored, size))) = self.anchors.get(id) else {
            return Err(Problem::new(pos, super::NO_ANCHOR));
        };
        // Cloned before it is counted: an anchored value was counted as a copy when it was
        // anchored, so it is never larger than the copies allowed.
        let (mut node, size) = (anchored.clone(), *size);
        self.count_copy(size, pos)?;
        self.count(size.nodes, pos)?;
        relocate(&mut node, pos);
        self.finish(node, 0, size)
    }

    /// Counts a copy made for an anchor or an alias against the limits on copies.
    fn count_copy(&mut self, size: Size, pos: Pos) -> Result<(), Problem> {
        self.tally.copied.add(size);
        let most = self.limits.max_aliases.saturating_mul(100);
        if self.tally.copied.nodes > most {
            return Err(Problem::new(
                pos,
                format!(
                    "the YAML's anchors and aliases copy more than {most} values (an alias bomb?); if the file is trusted, raise the limit with --max-aliases (100 values for each alias it allows)"
                ),
            ));
        }
        if self.tally.copied.bytes as u64 > self.limits.max_file_bytes {
            return Err(Problem::new(
                pos,
                format!(
                    "the YAML's anchors and aliases copy more than {} bytes of text (an alias bomb?); if the file is trusted, raise the limit with --max-file-size",
                    self.limits.max_file_bytes
                ),
            ));
        }
        Ok(())
    }

    /// Puts a finished node where it belongs: in the open collection, or as the root.
    fn finish(&mut self, node: Node, anchor: usize, size: Size) -> Result<(), Problem> {
        if anchor > 0 {
            self.tally.anchored += 1;
            if self.tally.anchored > self.limits.max_aliases {
                return Err(Problem::new(
                    node.pos,
                    format!(
                        "the YAML has too many anchors (more than {}); if the file is trusted, raise the limit with --max-aliases",
                        self.limits.max_aliases
                    ),
                ));
            }
            self.count_copy(size, node.pos)?;
            if self.anchors.len() <= anchor {
                self.anchors.resize(anchor + 1, None);
            }
            if let Some(slot) = self.anchors.get_mut(anchor) {
                *slot = Some((node.clone(), size));
            }
        }
        let Some(open) = self.open.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        open.size.add(size);
        match &mut open.items {
            Items::List { .. } => self.items.push(node),
            Items::Map {
                start,
                key,
                merges,
                seen,
            } => match key.take() {
                None => *key = Some(PendingKey::Key(key_of(node))),
                Some(PendingKey::Merge) => merges.push(node),
                Some(PendingKey::Key(key)) => {
                    if let Some(text) = key.value.text()
                        && is_repeated(self.entries.get(*start..).unwrap_or_default(), seen, text)
                    {
                        return Err(twice(&key));
                    }
                    self.entries.push(Entry { key, value: node });
                }
            },
        }
        Ok(())
    }
}

fn twice(key: &At<Key>) -> Problem {
    Problem::new(
        key.pos,
        format!(
            "the key `{}` appears twice in this mapping; keep one",
            key.value.text().unwrap_or_default()
        ),
    )
}

/// Merges the entries of a `<<` value (a mapping, or a list of mappings) whose keys the mapping
/// does not have yet: the mapping's own keys come first, then each merged mapping in order.
fn merge(
    entries: &mut Vec<Entry>,
    seen: &mut Option<HashSet<Box<str>>>,
    merged: Node,
) -> Result<(), Problem> {
    match merged.value {
        Value::Map(from) => {
            for entry in from.into_vec() {
                // A key that is not text is kept, for the walk to refuse.
                let new = entry
                    .key
                    .value
                    .text()
                    .is_none_or(|text| !is_repeated(entries, seen, text));
                if new {
                    entries.push(entry);
                }
            }
            Ok(())
        }
        Value::List(items) => {
            for item in items.into_vec() {
                if !matches!(item.value, Value::Map(_)) {
                    return Err(not_mergeable(&item));
                }
                merge(entries, seen, item)?;
            }
            Ok(())
        }
        _ => Err(not_mergeable(&merged)),
    }
}

fn not_mergeable(node: &Node) -> Problem {
    Problem::new(
        node.pos,
        format!(
            "a merge key `<<` takes a mapping or a list of mappings, not {}",
            node.value.describe()
        ),
    )
}

/// A node read in key position, as a key.
fn key_of(node: Node) -> At<Key> {
    let value = match node.value {
        Value::Text(text) => match schema::known_key(&text) {
            Some(known) => Key::Known(known),
            None => Key::Text(text),
        },
        Value::Null => Key::NotText("empty".to_owned()),
        Value::List(_) => Key::NotText("a list".to_owned()),
        Value::Map(_) => Key::NotText("a mapping".to_owned()),
        other => Key::NotText(other.describe()),
    };
    At {
        value,
        pos: node.pos,
    }
}

/// Every node of an alias's copy takes the alias's position, so that a problem in a value used
/// in several places points at the place it is used (a role's `<<: *defaults`).
fn relocate(node: &mut Node, pos: Pos) {
    node.pos = pos;
    match &mut node.value {
        Value::List(items) => {
            for item in items.iter_mut() {
                relocate(item, pos);
            }
        }
        Value::Map(entries) => {
            for entry in entries.iter_mut() {
                entry.key.pos = pos;
                relocate(&mut entry.value, pos);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str, limits: &Limits) -> Problem {
        build(text, limits).expect_err("refused")
    }

    fn says(problem: &Problem, text: &str) {
        assert!(problem.message.contains(text), "{}", problem.message);
    }

    #[test]
    fn a_merge_takes_the_keys_the_mapping_lacks_from_each_mapping_in_order() {
        let text = "x: &x {a: 1, b: 1}\ny: &y {b: 2, c: 2}\nz:\n  c: 3\n  <<: [*x, *y]\n";
        let Value::Map(top) = build(text, &Limits::default()).expect("parses").value else {
            panic!("a mapping")
        };
        let Value::Map(z) = &top[2].value.value else {
            panic!("a mapping")
        };
        let pairs: Vec<_> = z
            .iter()
            .map(|e| {
                (
                    e.key.value.text().unwrap_or_default(),
                    e.value.value.clone(),
                )
            })
            .collect();
        assert_eq!(
            pairs,
            [
                ("c", Value::Int(3)),
                ("a", Value::Int(1)),
                ("b", Value::Int(1))
            ]
        );
        let tagged = build("x: &x {a: 1}\ny:\n  !!merge <<: *x\n", &Limits::default());
        let plain = tagged.expect("parses").into_plain();
        assert_eq!(
            plain["y"],
            serde_json::json!({"a": 1}),
            "a tagged merge key merges"
        );
        let problem = refused("a: {<<: 5}\n", &Limits::default());
        assert_eq!(
            problem.message,
            "a merge key `<<` takes a mapping or a list of mappings, not `5`"
        );
        assert_eq!(problem.pos, Pos::at(1, 9));
    }

    #[test]
    fn aliases_are_copies_and_their_limits_name_the_flag() {
        let text = "a: &x [1, 2]\nb: *x\n";
        let Value::Map(top) = build(text, &Limits::default()).expect("parses").value else {
            panic!("a mapping")
        };
        assert_eq!(
            top[0].value.clone().into_plain(),
            top[1].value.clone().into_plain()
        );
        assert_eq!(
            top[1].value.pos,
            Pos::at(2, 4),
            "the copy is where the alias is"
        );
        let limits = Limits {
            max_aliases: 1,
            ..Limits::default()
        };
        let problem = refused("a: &x 1\nb: *x\nc: *x\n", &limits);
        assert_eq!(problem.pos, Pos::at(3, 4));
        says(&problem, "--max-aliases");
        let problem = refused("a: &x 1\nb: &y 2\n", &limits);
        says(&problem, "too many anchors");
        let problem = refused("a: *nothing\n", &Limits::default());
        assert_eq!(problem.pos, Pos::at(1, 4));
        let problem = refused("a: &x [*x]\n", &Limits::default());
        says(&problem, "not the value it is inside");
    }

    #[test]
    fn a_copy_takes_the_position_of_the_alias_it_was_made_for() {
        let text = "d: &d {track: ic}\nroles:\n  - <<: *d\n    id: a\n";
        let Value::Map(top) = build(text, &Limits::default()).expect("parses").value else {
            panic!("a mapping")
        };
        let Value::List(roles) = &top[1].value.value else {
            panic!("a list")
        };
        let Value::Map(role) = &roles[0].value else {
            panic!("a mapping")
        };
        let track = role.iter().find(|e| e.key.value.text() == Some("track"));
        let track = track.expect("merged");
        assert_eq!(
            (track.key.pos, track.value.pos),
            (Pos::at(3, 9), Pos::at(3, 9))
        );
    }

    #[test]
    fn anchors_and_aliases_copy_only_so_much() {
        let limits = Limits {
            max_aliases: 1,
            ..Limits::default()
        };
        // An anchored list of 150 values is copied once for its anchor: over 100 per alias.
        let big = format!("a: &x [{}]\n", vec!["0"; 150].join(", "));
        let problem = refused(&big, &limits);
        says(&problem, "an alias bomb?");
        // One long text repeated: the bytes copied are bounded by the file size limit.
        let limits = Limits {
            max_file_bytes: 1_000,
            ..Limits::default()
        };
        let text = format!("a: &x {}\nb: *x\n", "t".repeat(600));
        let problem = refused(&text, &limits);
        assert_eq!(problem.pos, Pos::at(2, 4));
        says(&problem, "--max-file-size");
    }

    #[test]
    fn nesting_and_size_limits_stop_the_parse_where_they_are_reached() {
        let limits = Limits {
            max_depth: 2,
            max_nodes: 5,
            ..Limits::default()
        };
        assert!(build("a: [1]\n", &limits).is_ok());
        let problem = refused("a:\n  b:\n    - 1\n", &limits);
        assert_eq!(problem.pos, Pos::at(3, 5));
        says(&problem, "more than 2 levels");
        let problem = refused("[1, 2, 3, 4, 5]", &limits);
        assert_eq!(problem.pos, Pos::at(1, 14));
        says(&problem, "--max-nodes");
    }
}
