//! Problems found in a catalogue, each with its position, and how they are shown to people.

use std::fmt::{self, Write as _};

use unicode_width::UnicodeWidthStr as _;

use super::raw::Pos;

/// One thing wrong with a catalogue, at a position in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub pos: Pos,
    pub message: String,
}

impl Problem {
    pub fn new(pos: Pos, message: impl Into<String>) -> Self {
        Problem {
            pos,
            message: message.into(),
        }
    }
}

/// A catalogue that failed to load: every problem found, and the text they point into.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InvalidCatalogue {
    /// How the file is named in messages: its path, or `<built-in>`.
    pub origin: String,
    /// The text that was read, for source snippets: empty when it could not be read as text, and
    /// when there are no problems.
    pub text: String,
    /// Sorted by position.
    pub problems: Vec<Problem>,
}

impl InvalidCatalogue {
    pub fn new(origin: &str, text: &str, mut problems: Vec<Problem>) -> Self {
        problems.sort_by_key(|a| a.pos);
        problems.dedup();
        InvalidCatalogue {
            origin: origin.to_owned(),
            // The text is kept for the snippets of problems only: a valid catalogue with nothing
            // to warn about does not copy a large file a second time.
            text: if problems.is_empty() {
                String::new()
            } else {
                text.to_owned()
            },
            problems,
        }
    }

    /// The problems as warnings: each message starts with `warning: `.
    pub fn as_warnings(&self) -> InvalidCatalogue {
        let mut warnings = self.clone();
        for p in &mut warnings.problems {
            p.message.insert_str(0, "warning: ");
        }
        warnings
    }

    /// Every problem as `FILE:LINE:COLUMN: message`, followed by the source line and a caret under the
    /// column, the way compilers show them.
    pub fn render_problems(&self) -> String {
        let mut out = String::new();
        let mut lines = SourceLines::new(&self.text);
        for problem in &self.problems {
            let Pos { line, column } = problem.pos;
            let message = sanitize(&problem.message);
            if line == 0 {
                let _ = writeln!(out, "{}: {}", self.origin, message);
                continue;
            }
            let _ = writeln!(out, "{}:{}:{}: {}", self.origin, line, column, message);
            if let Some(source_line) = lines.get(u64::from(line)) {
                let number = line.to_string();
                let gutter = " ".repeat(number.len());
                let shown = shorten(source_line, u64::from(column));
                let _ = writeln!(out, " {gutter} |");
                let _ = writeln!(out, " {number} | {}", shown.text);
                let _ = writeln!(out, " {gutter} | {}^", " ".repeat(shown.caret));
            }
        }
        out
    }
}

impl fmt::Display for InvalidCatalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        write!(
            f,
            "{} is not a valid catalogue ({} problem{})",
            self.origin,
            count,
            if count == 1 { "" } else { "s" }
        )
    }
}

/// Finds line N of a text without splitting all of it up front (a huge file with one bad line).
///
/// A cursor: problems come sorted by position, so it only moves forward and the whole rendering
/// reads the text once; the characters of the current line are collected once, however many
/// problems point into it (thousands of problems on one long line stay linear).
struct SourceLines<'a> {
    text: &'a str,
    rest: std::str::Split<'a, char>,
    /// How many lines `rest` has given.
    number: u64,
    /// The line whose characters are in `chars`; 0 for none.
    cached: u64,
    chars: Vec<char>,
}

impl<'a> SourceLines<'a> {
    fn new(text: &'a str) -> Self {
        SourceLines {
            text,
            rest: text.split('\n'),
            number: 0,
            cached: 0,
            chars: Vec::new(),
        }
    }

    /// The characters of line `line` (1-based, without its line break), or `None` past the end.
    fn get(&mut self, line: u64) -> Option<&[char]> {
        if line == 0 {
            return None;
        }
        if line <= self.number && line != self.cached {
            // Out of order: start again from the top.
            *self = SourceLines::new(self.text);
        }
        while self.number < line {
            let next = self.rest.next()?;
            self.number += 1;
            if self.number == line {
                self.chars = next.trim_end_matches('\r').chars().collect();
                self.cached = line;
            }
        }
        (self.cached == line).then_some(self.chars.as_slice())
    }
}

struct Shown {
    text: String,
    /// How many terminal columns precede the caret: wide characters (CJK, emoji) take two.
    caret: usize,
}

/// A source line made safe and short for a terminal: tabs become spaces, control characters are
/// escaped, and a very long line is cut around the column.
fn shorten(chars: &[char], column: u64) -> Shown {
    const WIDTH: usize = 100;
    let col = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
    let col = col.min(chars.len());
    let start = col.saturating_sub(WIDTH / 2);
    let end = (start + WIDTH).min(chars.len());
    let mut text = String::new();
    let mut caret = 0;
    if start > 0 {
        text.push_str("...");
    }
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        if i == col {
            caret = text.width();
        }
        match c {
            '\t' => text.push(' '),
            c if c.is_control() => text.push('?'),
            c => text.push(c),
        }
    }
    if col >= end {
        caret = text.width();
    }
    if end < chars.len() {
        text.push_str("...");
    }
    Shown { text, caret }
}

/// Messages may quote file content: keep control characters out of the terminal, and cut a
/// message that quotes a huge value (a 100,000-character id) to a screenful.
fn sanitize(message: &str) -> String {
    const MAX_CHARS: usize = 1_000;
    let mut out: String = message
        .chars()
        .take(MAX_CHARS)
        .map(|c| if c.is_control() && c != '\n' { '?' } else { c })
        .collect();
    if message.chars().nth(MAX_CHARS).is_some() {
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_shown_with_their_line_and_a_caret_under_the_column() {
        let invalid = InvalidCatalogue::new(
            "team.yaml",
            "version: 1\nname: x\nroles:\n  - idd: a\n",
            vec![Problem::new(
                Pos { line: 4, column: 5 },
                "unknown key `idd`",
            )],
        );
        let shown = invalid.render_problems();
        assert_eq!(
            shown,
            "team.yaml:4:5: unknown key `idd`\n   |\n 4 |   - idd: a\n   |     ^\n"
        );
        assert_eq!(
            invalid.to_string(),
            "team.yaml is not a valid catalogue (1 problem)"
        );
    }

    #[test]
    fn lines_are_found_in_any_order_and_past_the_end_is_none() {
        let mut lines = SourceLines::new("one\r\ntwo\nthree");
        let text = |chars: Option<&[char]>| chars.map(|c| c.iter().collect::<String>());
        assert_eq!(text(lines.get(2)), Some("two".to_owned()));
        assert_eq!(text(lines.get(2)), Some("two".to_owned()));
        assert_eq!(text(lines.get(9)), None);
        assert_eq!(text(lines.get(3)), Some("three".to_owned()));
        assert_eq!(text(lines.get(1)), Some("one".to_owned()));
        assert_eq!(text(lines.get(0)), None);
    }

    #[test]
    fn a_message_quoting_a_huge_value_is_cut() {
        let message = format!("`next` names no role `{}`", "b".repeat(100_000));
        let shown = sanitize(&message);
        assert_eq!(shown.chars().count(), 1_003);
        assert!(shown.ends_with("bbb..."));
    }

    #[test]
    fn a_very_long_line_is_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let chars: Vec<char> = line.chars().collect();
        let shown = shorten(&chars, 501);
        assert!(shown.text.len() < 120);
        assert_eq!(shown.text.chars().nth(shown.caret), Some('X'));
    }

    #[test]
    fn the_caret_is_under_the_column_after_wide_characters() {
        let text = "version: 1\nname: 製品 🚀 x\nroles: []\n";
        // `x` is the 12th character, but 14 columns in: each CJK character and the emoji are two.
        let invalid = InvalidCatalogue::new(
            "wide.yaml",
            text,
            vec![Problem::new(
                Pos {
                    line: 2,
                    column: 12,
                },
                "here",
            )],
        );
        let shown = invalid.render_problems();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[2], " 2 | name: 製品 🚀 x");
        assert_eq!(lines[3], "   |               ^");
        let source = lines[2]
            .split_once("| ")
            .map(|(_, s)| s)
            .unwrap_or_default();
        let caret = lines[3].find('^').unwrap_or(0) - "   | ".len();
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(&source[..source.find('x').unwrap_or(0)]),
            caret
        );
    }
}
