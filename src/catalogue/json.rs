//! The JSON boundary: strict JSON text read into the same positioned [`Node`] tree as YAML.
//!
//! Hand-written rather than a crate, for measured reasons: `jsonc-parser` 0.34 (strict options)
//! took 1.35 s and 474 MB just for its own AST of the 87 MB, 100,000-role file, before any
//! conversion into `Node`s (whose tree alone is about 400 MB, over the 5x budget together), and
//! its nesting limit is fixed at 512 where `--max-depth` goes to 1,000. `serde_json` gives no
//! positions. This reader builds the tree directly in one pass.
//!
//! Positions are those the YAML reader gives for the same value: 1-based line, and column counted
//! in characters. A cursor moves forward through the text as nodes come in file order, so finding
//! a position is linear overall, even for a file that is one long line.

use super::Limits;
use super::diagnostic::Problem;
use super::raw::{At, Pos};
use super::schema;
use super::yaml::{Entry, Key, Node, Value, exact, is_repeated};

/// Parses JSON catalogue text into a tree. A syntax error, a key given twice or a limit reached
/// stops the parse: it is the one problem returned. Syntax errors say "not valid JSON: ".
pub fn parse(text: &str, limits: &Limits) -> Result<Node, Problem> {
    let mut reader = Reader {
        text: text.as_bytes(),
        at: 0,
        cursor: Cursor {
            offset: 0,
            line: 1,
            column: 1,
        },
        nodes: 0,
        max_nodes: limits.max_nodes,
        max_depth: limits.max_depth.min(super::MAX_DEPTH_CEILING),
    };
    reader.skip_space()?;
    let node = reader.value(0)?;
    reader.skip_space()?;
    if reader.at < reader.text.len() {
        return Err(reader.syntax("more text after the JSON value; a catalogue is one object"));
    }
    Ok(node)
}

/// A byte offset with its line and column, moved forward only.
struct Cursor {
    offset: usize,
    line: u64,
    column: u64,
}

struct Reader<'t> {
    text: &'t [u8],
    /// The next byte to read.
    at: usize,
    cursor: Cursor,
    nodes: usize,
    max_nodes: usize,
    max_depth: usize,
}

impl Reader<'_> {
    /// The line and column of byte `offset`, which must not be before the last one asked for
    /// (that one's position would be given).
    fn pos(&mut self, offset: usize) -> Pos {
        let cursor = &mut self.cursor;
        let passed = self.text.get(cursor.offset..offset).unwrap_or(&[]);
        for &byte in passed {
            if byte == b'\n' {
                cursor.line += 1;
                cursor.column = 1;
            } else if byte & 0xC0 != 0x80 {
                // Every byte but a UTF-8 continuation byte starts a character.
                cursor.column += 1;
            }
        }
        cursor.offset = cursor.offset.max(offset);
        Pos::at(cursor.line, cursor.column)
    }

    fn problem_here(&mut self, message: String) -> Problem {
        let pos = self.pos(self.at);
        Problem::new(pos, message)
    }

    fn syntax(&mut self, message: &str) -> Problem {
        self.problem_here(format!("not valid JSON: {message}"))
    }

    fn starts(&self, word: &[u8]) -> bool {
        self.text
            .get(self.at..)
            .is_some_and(|rest| rest.starts_with(word))
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) -> Result<(), Problem> {
        while let Some(byte) = self.peek() {
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => self.at += 1,
                b'/' if matches!(self.text.get(self.at + 1), Some(b'/' | b'*')) => {
                    return Err(self.syntax("JSON has no comments; remove it"));
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// Reads one value at the current byte (after white space); `depth` collections enclose it.
    fn value(&mut self, depth: usize) -> Result<Node, Problem> {
        self.nodes += 1;
        if self.nodes > self.max_nodes {
            let message = format!(
                "the JSON has too many nodes: more than {}; if the file is trusted, raise the limit with --max-nodes",
                self.max_nodes
            );
            return Err(self.problem_here(message));
        }
        // Before the value is read: the cursor only moves forward.
        let pos = self.pos(self.at);
        let value = match self.peek() {
            Some(b'{') => self.object(depth + 1)?,
            Some(b'[') => self.list(depth + 1)?,
            Some(b'"') => Value::Text(self.string()?.into()),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b't') if self.starts(b"true") => self.word(4, Value::Bool(true)),
            Some(b'f') if self.starts(b"false") => self.word(5, Value::Bool(false)),
            Some(b'n') if self.starts(b"null") => self.word(4, Value::Null),
            Some(b']') => return Err(self.syntax("a comma before `]`; remove it")),
            Some(b'}') => return Err(self.syntax("a comma before `}`; remove it")),
            Some(_) => return Err(self.unexpected("a value")),
            None => return Err(self.syntax("the text ends where a value should be")),
        };
        Ok(Node { value, pos })
    }

    /// What was found where `wanted` should be, as a syntax problem.
    fn unexpected(&mut self, wanted: &str) -> Problem {
        let rest = self.text.get(self.at..).unwrap_or(&[]);
        let word_end = rest
            .iter()
            .position(|b| !b.is_ascii_alphanumeric() && !matches!(b, b'_' | b'-' | b'.'))
            .unwrap_or(rest.len());
        let message = match (rest.first(), word_end) {
            (None, _) => format!("the text ends where {wanted} should be"),
            (Some(_), 0) => {
                let found: String = String::from_utf8_lossy(rest).chars().take(1).collect();
                format!("expected {wanted}, found `{found}`")
            }
            (Some(_), n) => {
                let word = String::from_utf8_lossy(rest.get(..n.min(40)).unwrap_or(&[]));
                format!("expected {wanted}, found `{word}`; text goes in double quotes")
            }
        };
        self.syntax(&message)
    }

    fn word(&mut self, len: usize, value: Value) -> Value {
        self.at += len;
        value
    }

    fn too_deep(&mut self) -> Problem {
        let message = format!(
            "the JSON is nested too deeply: more than {} levels; a catalogue needs only 4 levels; if the file is trusted, raise the limit with --max-depth",
            self.max_depth
        );
        self.problem_here(message)
    }

    fn list(&mut self, depth: usize) -> Result<Value, Problem> {
        if depth > self.max_depth {
            return Err(self.too_deep());
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space()?;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::List(exact(items)));
        }
        loop {
            self.skip_space()?;
            items.push(self.value(depth)?);
            self.skip_space()?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::List(exact(items)));
                }
                _ => return Err(self.unexpected("`,` or `]` after a list item")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Problem> {
        if depth > self.max_depth {
            return Err(self.too_deep());
        }
        self.at += 1;
        let mut entries: Vec<Entry> = Vec::new();
        self.skip_space()?;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Map(exact(entries)));
        }
        // Keys already seen, once the object is too large to search its entries one by one.
        let mut seen: Option<std::collections::HashSet<Box<str>>> = None;
        loop {
            self.skip_space()?;
            let key = match self.peek() {
                Some(b'"') => {
                    let pos = self.pos(self.at);
                    let text = self.string()?;
                    At { value: text, pos }
                }
                Some(b'}') => return Err(self.syntax("a comma before `}`; remove it")),
                _ => return Err(self.unexpected("a key in double quotes")),
            };
            if is_repeated(&entries, &mut seen, &key.value) {
                return Err(Problem::new(
                    key.pos,
                    format!(
                        "the key `{}` appears twice in this mapping; keep one",
                        key.value
                    ),
                ));
            }
            self.skip_space()?;
            if self.peek() != Some(b':') {
                return Err(self.unexpected("`:` after a key"));
            }
            self.at += 1;
            self.skip_space()?;
            let value = self.value(depth)?;
            let key = At {
                value: match schema::known_key(&key.value) {
                    Some(known) => Key::Known(known),
                    None => Key::Text(key.value.into()),
                },
                pos: key.pos,
            };
            entries.push(Entry { key, value });
            self.skip_space()?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Map(exact(entries)));
                }
                _ => return Err(self.unexpected("`,` or `}` after an entry")),
            }
        }
    }

    /// Reads a string at the opening quote, with its escapes.
    fn string(&mut self) -> Result<String, Problem> {
        self.at += 1;
        let mut text = Vec::new();
        loop {
            let rest = self.text.get(self.at..).unwrap_or(&[]);
            let plain = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            text.extend_from_slice(rest.get(..plain).unwrap_or(&[]));
            self.at += plain;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    // The text was UTF-8 and is only ever cut at ASCII bytes.
                    return String::from_utf8(text)
                        .map_err(|_| self.syntax("the text is not UTF-8"));
                }
                Some(b'\\') => self.escape(&mut text)?,
                Some(_) => {
                    return Err(self.syntax(
                        "a control character (a line break, a tab...) inside a string; write it as an escape such as `\\n`",
                    ));
                }
                None => return Err(self.syntax("the string is never closed by `\"`")),
            }
        }
    }

    fn escape(&mut self, text: &mut Vec<u8>) -> Result<(), Problem> {
        let byte = match self.text.get(self.at + 1) {
            Some(b'"') => b'"',
            Some(b'\\') => b'\\',
            Some(b'/') => b'/',
            Some(b'b') => 0x08,
            Some(b'f') => 0x0c,
            Some(b'n') => b'\n',
            Some(b'r') => b'\r',
            Some(b't') => b'\t',
            Some(b'u') => {
                let first = self.hex4(self.at + 2)?;
                let mut len = 6;
                let code = if (0xD800..0xDC00).contains(&first)
                    && self.text.get(self.at + 6..self.at + 8) == Some(b"\\u")
                {
                    let second = self.hex4(self.at + 8)?;
                    if (0xDC00..0xE000).contains(&second) {
                        len = 12;
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    } else {
                        first
                    }
                } else {
                    first
                };
                let Some(c) = char::from_u32(code) else {
                    return Err(self.syntax("a `\\u` escape names half a surrogate pair"));
                };
                text.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                self.at += len;
                return Ok(());
            }
            _ => return Err(self.syntax("an unknown escape after `\\`")),
        };
        text.push(byte);
        self.at += 2;
        Ok(())
    }

    fn hex4(&mut self, from: usize) -> Result<u32, Problem> {
        let digits = self.text.get(from..from + 4).unwrap_or(&[]);
        let parsed = std::str::from_utf8(digits)
            .ok()
            .filter(|d| d.len() == 4 && d.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        parsed.ok_or_else(|| self.syntax("`\\u` must be followed by four hexadecimal digits"))
    }

    /// Reads a number: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`. A whole number is an
    /// `Int` when it fits, as YAML reads it; anything else a `Float` (`1e400` is infinite, and
    /// validation refuses it with its position).
    fn number(&mut self) -> Result<Value, Problem> {
        let start = self.at;
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while reader.peek().is_some_and(|b| b.is_ascii_digit()) {
                reader.at += 1;
            }
            reader.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let first = self.peek();
        let whole = digits(self);
        if whole == 0 {
            return Err(self.unexpected("a digit"));
        }
        if first == Some(b'0') && whole > 1 {
            self.at = start;
            return Err(self.syntax("a number starts with `0`; JSON numbers have no leading zeros"));
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            integer = false;
            if digits(self) == 0 {
                return Err(self.unexpected("a digit after `.`"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.unexpected("a digit in the exponent"));
            }
        }
        // Only ASCII digits, signs, `.` and `e` were read.
        let written =
            std::str::from_utf8(self.text.get(start..self.at).unwrap_or(&[])).unwrap_or("");
        if integer && let Ok(n) = written.parse::<i64>() {
            return Ok(Value::Int(n));
        }
        match written.parse::<f64>() {
            Ok(x) => Ok(Value::Float(x)),
            Err(_) => Err(self.syntax("a number that cannot be read")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{BUILTIN_JSON, yaml};

    fn parse_err(text: &str, limits: &Limits) -> Problem {
        match parse(text, limits) {
            Ok(node) => panic!("expected an error for {text:?}, got {node:?}"),
            Err(problem) => problem,
        }
    }

    fn refused(text: &str) -> Problem {
        parse_err(text, &Limits::default())
    }

    /// JSON is YAML: the YAML reader's tree of the same text is the reference, values and
    /// positions alike.
    #[test]
    fn the_tree_and_its_positions_are_those_the_yaml_reader_gives() {
        let sample = "{\"version\": 1, \"name\": \"Échelle — «produit»\",\n  \"roles\": [\n\t{\"id\": \"ñ\", \"title\": \"日本語 \\\"q\\\" \\u00e9\\ud83d\\ude00\", \"level\": -3, \"x\": 2.5e3},\n    [true, false, null, {}, [], \"€\", 0, -0.5]\n  ] }\n";
        let limits = Limits::default();
        let from_yaml = yaml::parse(sample, &limits).expect("YAML reads JSON");
        let from_json = parse(sample, &limits).expect("valid JSON");
        assert_eq!(from_json, from_yaml);
        // The built-in catalogue: one 28 KB line with many characters of several bytes.
        assert!(BUILTIN_JSON.chars().count() < BUILTIN_JSON.len());
        let from_yaml = yaml::parse(BUILTIN_JSON, &limits).expect("YAML reads JSON");
        assert_eq!(parse(BUILTIN_JSON, &limits), Ok(from_yaml));
    }

    #[test]
    fn a_key_given_twice_is_refused_as_yaml_refuses_it() {
        let small = "{\"version\": 1,\n \"name\": \"x\", \"name\": \"y\"}";
        let problem = refused(small);
        assert_eq!(
            problem.pos,
            Pos {
                line: 2,
                column: 15
            }
        );
        assert_eq!(
            problem.message,
            "the key `name` appears twice in this mapping; keep one"
        );
        let from_yaml = yaml::parse(small, &Limits::default()).expect_err("refused");
        assert_eq!(problem, from_yaml);
        // Past the few keys searched one by one.
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let large = format!("{{{}, \"k7\": 0}}", keys.join(", "));
        assert!(refused(&large).message.contains("`k7` appears twice"));
        let large = format!("{{{}, \"k40\": 0}}", keys.join(", "));
        assert!(parse(&large, &Limits::default()).is_ok());
    }

    #[test]
    fn nesting_is_refused_past_the_depth_limit() {
        let limits = Limits {
            max_depth: 4,
            ..Limits::default()
        };
        assert!(parse("[[{\"a\": [1]}]]", &limits).is_ok());
        let problem = parse_err("[[{\"a\": [[1]]}]]", &limits);
        assert_eq!(
            problem.pos,
            Pos {
                line: 1,
                column: 10
            }
        );
        assert!(
            problem
                .message
                .contains("nested too deeply: more than 4 levels")
                && problem.message.contains("--max-depth"),
            "{}",
            problem.message
        );
        // Far deeper than any stack would take, at the highest limit allowed, on the stack that
        // loading reserves for it.
        let limits = Limits {
            max_depth: 100_000,
            ..Limits::default()
        };
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let parsed = crate::catalogue::on_deep_stack(&limits, || {
            parse(&deep, &limits).map_err(|problem| vec![problem])
        });
        let problems = parsed.expect_err("refused");
        assert!(problems[0].message.contains("more than 1000 levels"));
    }

    #[test]
    fn too_many_nodes_are_refused() {
        let limits = Limits {
            max_nodes: 5,
            ..Limits::default()
        };
        assert!(parse("[1, 2, 3, 4]", &limits).is_ok());
        let problem = parse_err("[1, 2, 3, 4, 5]", &limits);
        assert_eq!(
            problem.pos,
            Pos {
                line: 1,
                column: 14
            }
        );
        assert!(problem.message.contains("raise the limit with --max-nodes"));
    }

    #[test]
    fn what_is_not_strict_json_is_refused_where_it_is() {
        for (text, line, column, says) in [
            ("{\"a\": [1, 2,]}", 1, 13, "a comma before `]`"),
            ("{\"a\": 1,\n}", 2, 1, "a comma before `}`"),
            ("{\"a\": 1 // note\n}", 1, 9, "no comments"),
            ("/* note */ {}", 1, 1, "no comments"),
            (
                "{\"a\": yes}",
                1,
                7,
                "found `yes`; text goes in double quotes",
            ),
            ("{a: 1}", 1, 2, "expected a key in double quotes, found `a`"),
            ("{\"a\": 'x'}", 1, 7, "found `'`"),
            ("{\"a\": \"never closed}", 1, 21, "never closed"),
            ("{\"a\": \"two\nlines\"}", 1, 11, "control character"),
            ("{\"a\": 010}", 1, 7, "leading zeros"),
            ("{\"a\": 1.}", 1, 9, "a digit after `.`"),
            ("{\"a\": \"\\x41\"}", 1, 8, "unknown escape"),
            ("{\"a\": 1} {}", 1, 10, "more text after the JSON value"),
            ("{\"a\" 1}", 1, 6, "`:` after a key"),
            ("[1 2]", 1, 4, "`,` or `]`"),
            ("{\"a\": [", 1, 8, "the text ends"),
        ] {
            let problem = refused(text);
            assert_eq!(
                (problem.pos.line, problem.pos.column),
                (line, column),
                "{text:?}: {}",
                problem.message
            );
            assert!(
                problem.message.starts_with("not valid JSON: ") && problem.message.contains(says),
                "{text:?}: {}",
                problem.message
            );
        }
    }

    #[test]
    fn numbers_are_read_as_yaml_reads_them() {
        let limits = Limits::default();
        let text = "[16, -7, 2.5, 1e3, -0, 1e400, 9223372036854775807, 18446744073709551616]";
        assert_eq!(parse(text, &limits), yaml::parse(text, &limits));
    }
}
