//! Prose fitted to a width: words wrapped onto lines no wider than the output.

/// Wraps `text` to `width` columns (counted in characters), breaking between words; a word longer
/// than the width is left whole on its own line. Existing line breaks are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        // A paragraph no longer than the width in bytes, with single spaces between its words,
        // is its own one line.
        if paragraph.len() <= width
            && !paragraph.starts_with(' ')
            && !paragraph.ends_with(' ')
            && !paragraph.contains("  ")
        {
            lines.push(paragraph.to_owned());
            continue;
        }
        let mut line = String::with_capacity(paragraph.len().min(width.saturating_mul(4)));
        // The characters in `line`, counted as they are added rather than again for each word.
        let mut filled = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let chars = word.chars().count();
            if !line.is_empty() && filled + 1 + chars > width {
                lines.push(std::mem::take(&mut line));
                filled = 0;
            }
            if !line.is_empty() {
                line.push(' ');
                filled += 1;
            }
            line.push_str(word);
            filled += chars;
        }
        lines.push(line);
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// `wrap` as first written: the line's characters counted again for each word.
    fn wrap_by_recounting(text: &str, width: usize) -> Vec<String> {
        let width = width.max(1);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let needed = if line.is_empty() {
                    word.chars().count()
                } else {
                    line.chars().count() + 1 + word.chars().count()
                };
                if needed > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            lines.push(line);
        }
        lines
    }

    proptest! {
        #[test]
        fn wrapping_gives_the_lines_it_always_gave(text in "[ab é—\n]{0,40}", width in 0usize..14) {
            prop_assert_eq!(wrap(&text, width), wrap_by_recounting(&text, width));
        }
    }

    #[test]
    fn words_wrap_before_the_width_and_long_words_stay_whole() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(
            wrap("supercalifragilistic x", 5),
            ["supercalifragilistic", "x"]
        );
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        // Characters, not bytes.
        assert_eq!(wrap("é é é  é", 3), ["é é", "é é"]);
        assert_eq!(wrap(" a  b ", 10), ["a b"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("a b\n\n  \nc", 3), ["a b", "", "", "c"]);
    }
}
