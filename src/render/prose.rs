//! Prose fitted to a width: words wrapped onto lines no wider than the output.

/// Wraps `text` to `width` columns (counted in characters), breaking between words; a word longer
/// than the width is left whole on its own line. Existing line breaks are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
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

/// `text` wrapped to `width`, as one string with a newline after each line.
pub fn wrapped(text: &str, width: u16) -> String {
    wrap(text, usize::from(width))
        .into_iter()
        .map(|line| line + "\n")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_before_the_width_and_long_words_stay_whole() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(
            wrap("supercalifragilistic x", 5),
            ["supercalifragilistic", "x"]
        );
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
    }
}
