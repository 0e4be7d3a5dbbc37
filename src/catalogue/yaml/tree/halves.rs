//! A large YAML file read in two halves at once, on two threads, into the tree one reading gives.
//!
//! Hand-written for a measurement (docs/performance.md): granit-parser reads about 40 MB a second
//! on one core, so 100,000 roles (89 MB) took 2.2–3.3 s to parse alone, and loading them missed
//! its 4 s budget whenever the machine was slow. Read in two halves, the parse takes half as long.
//!
//! The file is cut at the start of a line near its middle that begins a list item (`  - id: ...`).
//! This thread reads the file from its start and stops at the first value on that line; the other
//! reads the rest, from the cut, as a file of its own: a list. The two are joined only if this
//! thread stopped, on that line, at an item of a list that is a value of the top-level mapping
//! (the `roles:` list), so that the line was indeed that list's next item. Everything after it is
//! then that list's (any line less indented would not read as part of a lone list), and read
//! alone it gives the same values. Otherwise, or if the rest did not read alone (an alias
//! to an anchor before the cut, say), this thread reads on to the end, as if it had never stopped:
//! the tree and the first problem are always those of one reading.

use std::sync::atomic::{AtomicBool, Ordering};

use super::reading::{Part, Reading, Tally};
use super::{Items, Node, PendingKey, Problem, Value};
use crate::catalogue::Limits;

/// Files smaller than this are read in one piece: parsing 4 MiB takes about 0.1 s, and halving
/// it would save less than anyone could notice.
const HALVES_FROM: usize = 4 * 1024 * 1024;
/// How far past the middle to look for the line to cut at.
const CUT_WITHIN: usize = 256 * 1024;
/// The other thread's stack, as deep as the main thread's: the tree is built without recursion,
/// but copies of aliased values are relocated with it.
const TAIL_STACK: usize = 8 * 1024 * 1024;

/// Where the file is cut: the start of a line that begins a list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cut {
    /// Byte offset of the line's start.
    byte: usize,
    /// Its line number, from 1.
    line: usize,
    /// The column of its `-`, from 1.
    column: usize,
}

/// The line to cut a large file at: of the lines beginning a list item (`- ` then a value) just
/// past the middle, the first of the least indented. None for a small file.
pub(super) fn cut(text: &str) -> Option<Cut> {
    if text.len() < HALVES_FROM {
        return None;
    }
    let bytes = text.as_bytes();
    let middle = text.len() / 2;
    let end = (middle + CUT_WITHIN).min(text.len());
    let mut best: Option<(usize, usize)> = None;
    for newline in memchr::memchr_iter(b'\n', bytes.get(middle..end)?) {
        let start = middle + newline + 1;
        if let Some(indent) = item_indent(bytes.get(start..)?)
            && best.is_none_or(|(_, least)| indent < least)
        {
            best = Some((start, indent));
        }
    }
    cut_at(text, best?.0)
}

/// The cut at `byte`, the start of a line that begins a list item; None if the text before it
/// holds a directive (`%YAML`, `%TAG`), which the rest read alone would not see.
fn cut_at(text: &str, byte: usize) -> Option<Cut> {
    let bytes = text.as_bytes();
    let head = bytes.get(..byte)?;
    let directive = memchr::memchr_iter(b'%', head).any(|at| {
        // A `%` first on its line, after any byte-order marks.
        let mut before = head.get(..at).unwrap_or_default();
        while let Some(rest) = before.strip_suffix("\u{feff}".as_bytes()) {
            before = rest;
        }
        matches!(before.last(), None | Some(b'\n' | b'\r'))
    });
    if directive {
        return None;
    }
    // Lines end at `\n`, `\r\n` or a lone `\r`, as the parser counts them.
    let lone_returns = memchr::memchr_iter(b'\r', head)
        .filter(|&at| bytes.get(at + 1) != Some(&b'\n'))
        .count();
    Some(Cut {
        byte,
        line: memchr::memchr_iter(b'\n', head).count() + lone_returns + 1,
        column: item_indent(bytes.get(byte..)?)? + 1,
    })
}

/// The indentation of a line that begins a list item: spaces, `- `, then a value on the line.
fn item_indent(line: &[u8]) -> Option<usize> {
    let indent = line.iter().take_while(|&&b| b == b' ').count();
    match line.get(indent..indent + 3) {
        Some([b'-', b' ', next]) if !matches!(next, b' ' | b'\t' | b'#' | b'\r' | b'\n') => {
            Some(indent)
        }
        _ => None,
    }
}

/// Reads `text` in two halves at `cut`, into the tree and the problem one reading gives.
pub(super) fn build(text: &str, cut: &Cut, limits: &Limits) -> Result<Node, Problem> {
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let tail = std::thread::Builder::new()
            .name("yaml-tail".to_owned())
            .stack_size(TAIL_STACK)
            .spawn_scoped(scope, || {
                read_tail(text.get(cut.byte..)?, cut, limits, &stop)
            });
        let mut head = Reading::new(text, limits, Part::WHOLE);
        if let Err(problem) = head.read_until(cut.line, &AtomicBool::new(false)) {
            stop.store(true, Ordering::Relaxed);
            return Err(problem);
        }
        let tail = match tail.map(|tail| tail.join()) {
            Ok(Ok(tail)) => tail,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // No thread to be had: read on alone.
            Err(_) => None,
        };
        if let Some(tail) = tail
            && let Some(tree) = head.end_with(tail, cut)
        {
            return tree;
        }
        head.finish()
    })
}

/// The rest of the file from the cut, read as a file of its own (a list), with the positions and
/// depth it has in the whole file; None if it does not read alone, or the reading was stopped.
fn read_tail(text: &str, cut: &Cut, limits: &Limits, stop: &AtomicBool) -> Option<(Node, Tally)> {
    let part = Part {
        lines_before: cut.line - 1,
        // The top-level mapping the list is in.
        depth_outside: 1,
    };
    let mut tail = Reading::new(text, limits, part);
    tail.read_until(usize::MAX, stop).ok()?;
    if tail.held.is_some() {
        return None;
    }
    tail.finish_counted().ok()
}

impl Reading<'_, '_> {
    /// Ends the reading with the tail, the items of the list from the cut on, if the reading
    /// stopped at the first value on the cut's line, past its `-`, as an item of a block list
    /// that is the value of a key of the top-level mapping: then that `-` began the item. (A `-`
    /// that began a list inside an empty item would be where its list starts; in a flow list,
    /// text across lines can carry on onto a `- ` line.) None, with nothing changed, otherwise.
    fn end_with(
        &mut self,
        (tail, counted): (Node, Tally),
        cut: &Cut,
    ) -> Option<Result<Node, Problem>> {
        let (_, span) = self.held.as_ref()?;
        let held_line = span.start.line() + self.lines_before;
        let held_column = span.start.col() + 1;
        let [top, list] = self.tree.open.as_slice() else {
            return None;
        };
        let joins = held_line == cut.line
            && held_column > cut.column
            && matches!(
                top.items,
                Items::Map {
                    key: Some(PendingKey::Key(_)),
                    ..
                }
            )
            // An anchored value's copy is counted when it ends: read apart, the tail's part of it
            // would not be.
            && top.anchor == 0
            && list.anchor == 0
            && list.block
            && matches!(list.items, Items::List { .. });
        let Value::List(items) = tail.value else {
            return None;
        };
        let mut tally = self.tree.tally;
        // The tail's list is the list already counted here.
        tally.nodes = tally.nodes.saturating_add(counted.nodes.saturating_sub(1));
        tally.aliases = tally.aliases.saturating_add(counted.aliases);
        tally.anchored = tally.anchored.saturating_add(counted.anchored);
        tally.copied.add(counted.copied);
        if !joins || !tally.within(self.tree.limits) {
            return None;
        }
        self.held = None;
        self.tree.tally = tally;
        self.tree.items.extend(items.into_vec());
        let ended = self.tree.end().and_then(|()| self.tree.end());
        Some(ended.map(|()| self.take_root()))
    }
}

impl Tally {
    /// Whether the counts are within the limits that `Tree` enforces one at a time as it counts.
    fn within(&self, limits: &Limits) -> bool {
        self.nodes <= limits.max_nodes
            && self.aliases <= limits.max_aliases
            && self.anchored <= limits.max_aliases
            && self.copied.nodes <= limits.max_aliases.saturating_mul(100)
            && self.copied.bytes as u64 <= limits.max_file_bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of `text` that could be cut at: each start of a line (after `\n`, `\r\n` or a
    /// lone `\r`) that begins a list item, with no directive before it.
    fn cuts(text: &str) -> Vec<Cut> {
        let bytes = text.as_bytes();
        (0..bytes.len())
            .filter(|&at| match at.checked_sub(1).map(|before| bytes[before]) {
                None | Some(b'\n') => true,
                Some(b'\r') => bytes[at] != b'\n',
                Some(_) => false,
            })
            .filter_map(|at| cut_at(text, at))
            .collect()
    }

    /// The cut at the item on `line` of `text`.
    fn cut_on(text: &str, line: usize) -> Cut {
        cuts(text)
            .into_iter()
            .find(|cut| cut.line == line)
            .expect("an item on that line")
    }

    /// The tree, or the problem, of one reading. Compared as text: a `.nan` is not equal to
    /// itself.
    fn one_reading(text: &str, limits: &Limits) -> String {
        format!("{:?}", Reading::new(text, limits, Part::WHOLE).finish())
    }

    /// Whether the two halves of `text` at `cut` are joined (rather than read on from the cut).
    fn joins(text: &str, cut: &Cut) -> bool {
        let limits = Limits::default();
        let never = AtomicBool::new(false);
        let mut head = Reading::new(text, &limits, Part::WHOLE);
        if head.read_until(cut.line, &never).is_err() {
            return false;
        }
        read_tail(&text[cut.byte..], cut, &limits, &never)
            .is_some_and(|tail| head.end_with(tail, cut).is_some())
    }

    /// A catalogue's shape, with what makes cutting hard: block text holding `- ` lines, nested
    /// lists, an empty item, anchors used after the cut, multi-line quoted text, comments.
    const CATALOGUE: &str = "\
# a catalogue
version: 1
description: |
  - not an item
  - nor this
base: &base {track: ic}
roles:
  - id: a
    <<: *base
    summary: >
      folded
      - text
    moves:
      - to: b
        years: 2
      - to: c
  -
  - id: b
    tags: &tags [x, y]
    note: \"quoted
      across lines\"
  - id: c  # a comment
    also: *tags
  - - a nested
    - list
  - &item {id: d}
  - *item
  - !!map {id: e}
  - id: f
";

    fn texts() -> Vec<String> {
        let mut texts = vec![
            CATALOGUE.to_owned(),
            format!("{CATALOGUE}after: 1\n"),
            format!("{CATALOGUE}...\n"),
            format!("{CATALOGUE}---\nversion: 2\n"),
            format!("{CATALOGUE}  - id: a\n    id: twice\n"),
            format!("{CATALOGUE}  - [unclosed\n"),
            "version: 1\nroles:\n- id: a\n  moves:\n  - to: b\n- id: b\n".to_owned(),
            CATALOGUE.replace("roles:\n", "roles: &all\n"),
            CATALOGUE.replace("roles:\n", "<<: *base\nroles:\n"),
            CATALOGUE.replace("roles:\n", "roles:\n  [flow]\n"),
            CATALOGUE.replace("version: 1\n", "%YAML 1.2\n---\nversion: 1\n"),
            format!("{CATALOGUE}  - {{deep: [at the end]}}\n"),
            format!(
                "roles: &all\n{}",
                "  - [a, b, c, d, e, f, g, h, i]\n".repeat(12)
            ),
            "roles:\n  - note: \"quoted\n  - across lines\"\n  - id: c\n".to_owned(),
            "roles:\n  - x: [a,\n  - b]\n  - c\n".to_owned(),
            "roles:\n  - {a: 1,\n  - b: 2}\n  - c\n".to_owned(),
            format!(
                "&all\nroles:\n{}",
                "  - [a, b, c, d, e, f, g, h, i]\n".repeat(12)
            ),
            "roles:\n  - a\n  - b\n  - {deep: [at the end]}\n".to_owned(),
            "?\n  - a\n  - b\n  - c\n".to_owned(),
            "<<:\n  - {a: 1}\n  - {b: 2}\n  - {c: 3}\n".to_owned(),
            "roles: [\n  - a]\n".to_owned(),
            "- a\n- b\n- c\n".to_owned(),
            // Found by a red team: text across lines in a flow list, carried onto a `- ` line;
            "roles: [a\n  - b, c]\n".to_owned(),
            "roles: [\"a\n  - b\", c]\n".to_owned(),
            "{roles: [a\n  - b, c]}\n".to_owned(),
            "roles: [x: a\n  - b, c]\n".to_owned(),
            // lines ended by a lone `\r`;
            "roles:\n  - x\r  - y\n  - z\n".to_owned(),
            "roles:\n  - \"a\rb\"\n  - y\n  - z\n".to_owned(),
            "roles:\n  - x # c\r  - y\n  - z\n".to_owned(),
            "roles:\n  - x\r\r\n  - y\n  - z\n".to_owned(),
            // a list inside an empty item;
            "roles:\n  -\n    - y\n".to_owned(),
            "roles:\n  - \n    - y\n".to_owned(),
            "roles:\n  - # c\n    - y\n".to_owned(),
            "roles:\n  - !!seq\n    - y\n".to_owned(),
            "roles:\n-\n  - y\n".to_owned(),
            // a directive behind byte-order marks, or after a lone `\r`.
            "\u{feff}\u{feff}%TAG !! tag:example.com,2000:\n---\nroles:\n  - a\n  - !!str 7\n"
                .to_owned(),
            "# c\r%TAG !! tag:example.com,2000:\n---\nroles:\n  - a\n  - !!str 7\n".to_owned(),
            "roles:\n  - a\n  - b\nroles:\n  - c\n".to_owned(),
        ];
        let suite = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/yaml-test-suite");
        let mut inputs: Vec<_> = std::fs::read_dir(&suite)
            .expect("the YAML test suite is vendored")
            .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path().join("in.yaml")).ok())
            .collect();
        inputs.sort();
        texts.extend(inputs);
        texts
    }

    #[test]
    fn a_file_read_in_halves_gives_the_tree_and_the_problem_of_one_reading() {
        let tight = [
            Limits::default(),
            Limits {
                max_nodes: 60,
                ..Limits::default()
            },
            Limits {
                max_aliases: 1,
                ..Limits::default()
            },
            Limits {
                max_aliases: 3,
                ..Limits::default()
            },
            Limits {
                max_depth: 3,
                ..Limits::default()
            },
        ];
        let mut compared = 0;
        for text in texts() {
            for limits in &tight {
                let whole = one_reading(&text, limits);
                for cut in cuts(&text) {
                    let halves = format!("{:?}", build(&text, &cut, limits));
                    assert_eq!(halves, whole, "cut at {cut:?} of\n{text}\nwith {limits:?}");
                    compared += 1;
                }
            }
        }
        assert!(compared > 1_000, "{compared} cuts compared");
    }

    #[test]
    fn the_halves_are_joined_only_at_an_item_of_a_top_level_list() {
        let at = |line: usize| cut_on(CATALOGUE, line);
        // Items of `roles` (a list, an anchored mapping, a tagged one among them), whose rest
        // reads alone.
        for line in [18, 24, 26, 28, 29] {
            assert!(joins(CATALOGUE, &at(line)), "line {line}");
        }
        // Lines of block text; items of nested lists; aliases to anchors before the cut.
        for line in [4, 14, 16, 22, 27] {
            assert!(!joins(CATALOGUE, &at(line)), "line {line}");
        }
        let alias = format!("{CATALOGUE}  - again: *base\n");
        assert!(!joins(&alias, &at(29)));
        let after = format!("{CATALOGUE}after: 1\n");
        assert!(!joins(&after, &at(29)));
        let anchored = CATALOGUE.replace("roles:\n", "roles: &all\n");
        assert!(!joins(&anchored, &at(29)));
        let indentless = "version: 1\nroles:\n- id: a\n  moves:\n  - to: b\n- id: b\n";
        assert!(joins(indentless, &cut_on(indentless, 6)));
        assert!(!joins(indentless, &cut_on(indentless, 5)));
    }

    #[test]
    fn a_large_file_is_cut_at_the_least_indented_item_past_its_middle() {
        let role = "  - id: r\n    moves:\n      - to: s\n";
        let text = format!("roles:\n{}", role.repeat(HALVES_FROM / role.len() + 1));
        let cut = cut(&text).expect("large enough to cut");
        assert!(cut.byte >= text.len() / 2, "{cut:?}");
        assert_eq!(cut.column, 3);
        assert!(text[cut.byte..].starts_with("  - id: r\n"));
        assert_eq!(cut.line, text[..cut.byte].lines().count() + 1);
        assert_eq!(super::cut(&text[..HALVES_FROM - 1]), None, "too small");
        assert_eq!(super::cut(&format!("%YAML 1.2\n---\n{text}")), None);
    }
}
