//! Text fitted to a width, measured one way everywhere: terminal columns as unicode-width counts
//! them (a CJK character or an emoji takes two), wrapped by textwrap.

use unicode_width::UnicodeWidthStr;

/// The columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` on one line: line breaks, tabs and other control characters become spaces, for the
/// places a line is required (headings, labels, table cells of one line).
pub fn one_line(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Wraps `text` to `width` columns, breaking between words; a word wider than the width (text
/// without spaces, such as Chinese or Japanese) is broken where the width ends. Existing line
/// breaks are kept; runs of spaces and tabs count as one space.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let words: Vec<&str> = paragraph.split(|c: char| c.is_whitespace()).collect();
        let paragraph = words
            .into_iter()
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if paragraph.is_empty() {
            lines.push(String::new());
            continue;
        }
        lines.extend(
            textwrap::wrap(&paragraph, &options)
                .into_iter()
                .map(std::borrow::Cow::into_owned),
        );
    }
    lines
}

/// `text` wrapped to `width`, as one string with a newline after each line.
pub fn wrapped(text: &str, width: u16) -> String {
    wrap(text, usize::from(width))
        .into_iter()
        .map(|line| line + "\n")
        .collect()
}

/// `text` cut to at most `width` columns, ending in `ellipsis` when cut, or padded with spaces to
/// exactly `width` columns; added to `out`.
pub fn fit(out: &mut String, text: &str, width: usize, ellipsis: &str) {
    let text = one_line(text);
    let used = self::width(&text);
    if used <= width {
        out.push_str(&text);
        out.extend(std::iter::repeat_n(' ', width - used));
        return;
    }
    let room = width.saturating_sub(self::width(ellipsis));
    let mut taken = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if taken + w > room {
            break;
        }
        out.push(c);
        taken += w;
    }
    out.push_str(ellipsis);
    out.extend(std::iter::repeat_n(' ', room - taken));
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn words_wrap_before_the_width() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("é é é  é", 3), ["é é", "é é"]);
        assert_eq!(wrap(" a  b ", 10), ["a b"]);
        assert_eq!(wrap("a\tb", 10), ["a b"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("a b\n\n  \nc", 3), ["a b", "", "", "c"]);
    }

    #[test]
    fn text_without_spaces_wraps_by_columns() {
        // Each of these characters takes two columns.
        assert_eq!(wrap("製品製品製品", 5), ["製品", "製品", "製品"]);
        assert_eq!(
            wrap("supercalifragilistic x", 10),
            ["supercalif", "ragilistic", "x"]
        );
    }

    #[test]
    fn fitting_cuts_and_pads_by_columns() {
        let mut out = String::new();
        fit(&mut out, "製品マネージャー", 7, "…");
        assert_eq!(out, "製品マ…");
        assert_eq!(width(&out), 7);
        out.clear();
        fit(&mut out, "a\nb", 5, "…");
        assert_eq!(out, "a b  ");
    }

    proptest! {
        #[test]
        fn no_wrapped_line_is_wider_than_the_width(
            text in "[ab é—製🙂\n\t]{0,60}",
            width in 2usize..20,
        ) {
            for line in wrap(&text, width) {
                prop_assert!(super::width(&line) <= width, "{line:?}");
            }
        }
    }
}
