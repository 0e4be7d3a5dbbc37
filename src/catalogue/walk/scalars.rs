//! The walk's readers of single values: text, whole numbers, numbers and flags, each checked
//! against the kind the schema gives its field.

use super::{Fields, Walker};
use crate::catalogue::diagnostic::Problem;
use crate::catalogue::raw::At;
use crate::catalogue::schema::Kind;
use crate::catalogue::yaml::{Node, Value};

impl Walker {
    /// A text field; required ones default to empty text when missing (already reported).
    pub(super) fn text(&mut self, f: &mut Fields, key: &str) -> At<String> {
        self.opt_text(f, key).unwrap_or_else(|| At {
            value: String::new(),
            pos: f.pos,
        })
    }

    pub(super) fn opt_text(&mut self, f: &mut Fields, key: &str) -> Option<At<String>> {
        let (node, field) = self.value(f, key);
        let node = node?;
        let owner = std::mem::take(&mut f.owner);
        let text = self.scalar_text(node, &field.kind, key, &owner, false);
        f.owner = owner;
        text
    }

    /// Text from a scalar; numbers and booleans read as text. `item`: in a list (the message
    /// says "each item of").
    pub(super) fn scalar_text(
        &mut self,
        node: Node,
        kind: &Kind,
        key: &str,
        owner: &str,
        item: bool,
    ) -> Option<At<String>> {
        let text = match node.value {
            Value::Text(text) => String::from(text),
            Value::Int(n) => n.to_string(),
            Value::Float(x) => x.to_string(),
            Value::Bool(b) => b.to_string(),
            ref other => {
                let message = format!(
                    "{}`{key}` of {owner} must be {}, not {}",
                    if item { "each item of " } else { "" },
                    kind.expected(),
                    other.describe()
                );
                self.structural(node.pos, message);
                return None;
            }
        };
        if *kind == Kind::Line
            && let Some(c) = text
                .chars()
                .find(|c| matches!(c, '\n' | '\r' | '\t' | '\u{85}' | '\u{2028}' | '\u{2029}'))
        {
            let what = if c == '\t' { "a tab" } else { "a line break" };
            // Not structural: validation still runs, and reports everything else.
            self.problems.push(Problem::new(
                node.pos,
                format!(
                    "`{key}` of {owner} holds {what}; it must be one line, without line breaks or tabs"
                ),
            ));
        }
        if let Some(c) = control_character(&text) {
            // Not structural either.
            self.problems.push(Problem::new(
                node.pos,
                format!(
                    "`{key}` of {owner} holds a control character (U+{:04X}); text may hold line \
                     breaks and tabs, but no terminal control codes",
                    u32::from(c)
                ),
            ));
        }
        Some(At {
            value: text,
            pos: node.pos,
        })
    }

    pub(super) fn whole(&mut self, f: &mut Fields, key: &str) -> At<i64> {
        let (node, field) = self.value(f, key);
        match node {
            Some(Node {
                value: Value::Int(n),
                pos,
            }) => At { value: n, pos },
            // A whole number past 64 bits: out of any range, which validation names.
            Some(Node {
                value: Value::Float(x),
                pos,
            }) if x.fract() == 0.0 && x.abs() >= 9.2e18 => At {
                value: if x > 0.0 { i64::MAX } else { i64::MIN },
                pos,
            },
            Some(node) => {
                let owner = f.owner.clone();
                self.wrong(&node, &field.kind, key, &owner);
                At {
                    value: 0,
                    pos: node.pos,
                }
            }
            None => At {
                value: 0,
                pos: f.pos,
            },
        }
    }

    /// A number (years, a rank); required ones default to 0 when missing (already reported).
    pub(super) fn years(&mut self, f: &mut Fields, key: &str) -> At<f64> {
        self.opt_years(f, key).unwrap_or(At {
            value: 0.0,
            pos: f.pos,
        })
    }

    pub(super) fn opt_years(&mut self, f: &mut Fields, key: &str) -> Option<At<f64>> {
        let (node, field) = self.value(f, key);
        match node? {
            Node {
                value: Value::Int(n),
                pos,
            } => Some(At {
                value: n as f64,
                pos,
            }),
            Node {
                value: Value::Float(x),
                pos,
            } => Some(At { value: x, pos }),
            node => {
                let owner = f.owner.clone();
                self.wrong(&node, &field.kind, key, &owner);
                Some(At {
                    value: 0.0,
                    pos: node.pos,
                })
            }
        }
    }

    pub(super) fn flag(&mut self, f: &mut Fields, key: &str) -> bool {
        match self.value(f, key) {
            (
                Some(Node {
                    value: Value::Bool(b),
                    ..
                }),
                _,
            ) => b,
            (Some(node), field) => {
                let owner = f.owner.clone();
                self.wrong(&node, &field.kind, key, &owner);
                false
            }
            (None, _) => false,
        }
    }
}

/// The first control character of a text but line breaks and tabs. Text is shown in a terminal:
/// control characters (escape sequences that recolour, move the cursor or retitle the window, a
/// bell, a carriage return that overwrites the line) are refused wherever they are, so that a
/// catalogue cannot take over the terminal it is shown in.
fn control_character(text: &str) -> Option<char> {
    // Control characters are bytes below 0x20, 0x7F, or (U+0080 to U+009F) 0xC2 and a
    // continuation byte: a byte scan skips the character-by-character check for most text.
    let suspect = text.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2);
    if !suspect {
        return None;
    }
    text.chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
}
