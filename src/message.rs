//! Text from outside the program (arguments, file names) made safe to echo in a message: control
//! characters escaped, so input cannot restyle the terminal, and long text cut with an ellipsis,
//! so one argument cannot flood it.

/// Characters of an argument echoed in a message, at most.
pub const ECHO_CHARS: usize = 60;
/// Characters of one line of a message, at most.
pub const LINE_CHARS: usize = 1_000;

/// An argument as a message echoes it: control characters escaped, cut after [`ECHO_CHARS`].
pub fn echo(input: &str) -> String {
    let mut text = escape(input, false);
    cut(&mut text, ECHO_CHARS, "...");
    text
}

/// A whole message made safe for the terminal: control characters escaped (line breaks kept),
/// and each line cut after [`LINE_CHARS`].
pub fn tidy(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4 * LINE_CHARS));
    for (n, line) in message.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut line = escape(line, true);
        let total = line.chars().count();
        if total > LINE_CHARS {
            let more = total - LINE_CHARS;
            cut(
                &mut line,
                LINE_CHARS,
                &format!("... ({more} more characters)"),
            );
        }
        out.push_str(&line);
    }
    out
}

/// `text` with its control characters written as escapes (`\u{1b}`, `\t`); `keep_tabs` keeps
/// tabs, which clap's own messages may hold.
fn escape(text: &str, keep_tabs: bool) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && !(keep_tabs && c == '\t') {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// Cuts `text` after `max` characters and appends `tail`, if it is longer than that.
fn cut(text: &mut String, max: usize, tail: &str) {
    if let Some((at, _)) = text.char_indices().nth(max) {
        text.truncate(at);
        text.push_str(tail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_long_input_is_cut() {
        assert_eq!(echo("zz\u{1b}[31m"), "zz\\u{1b}[31m");
        assert_eq!(echo("a\tb\nc"), "a\\tb\\nc");
        assert_eq!(echo(&"x".repeat(61)), format!("{}...", "x".repeat(60)));
        assert_eq!(echo(&"é".repeat(60)), "é".repeat(60));
        assert_eq!(tidy("one\n\u{7}two"), "one\n\\u{7}two");
        let long = tidy(&"y".repeat(LINE_CHARS + 5));
        assert_eq!(
            long,
            format!("{}... (5 more characters)", "y".repeat(LINE_CHARS))
        );
        assert_eq!(tidy("plain\tclap"), "plain\tclap");
    }
}
