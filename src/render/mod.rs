//! Rendering: one file per output format, each writing a [`View`] to any `Write`.
//! Renderers see only the view and the [`Style`]; they never read the environment.

pub mod json;
pub mod table;

use std::io::Write;

use crate::cli::Format;
use crate::commands::View;
pub use crate::config::Style;

/// Writes a view in the chosen format.
pub fn render(
    out: &mut dyn Write,
    view: &View,
    format: Format,
    style: &Style,
) -> anyhow::Result<()> {
    match format {
        Format::Table => table::render(out, view, style),
        Format::Json => json::render(out, view),
    }
}

/// Years as people write them: `2`, `2.5`, `0.75`.
pub fn years(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A range of years: `2–4`, or `3` when both ends agree.
pub fn year_range(min: f64, max: f64) -> String {
    if years(min) == years(max) {
        years(min)
    } else {
        format!("{}–{}", years(min), years(max))
    }
}

/// Greedy word wrap to `width` columns, for the lines printed around tables. A word longer than
/// the width (an address) stays whole on its own line rather than being cut.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for (n, paragraph) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut column = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let len = word.chars().count();
            if column > 0 && column + 1 + len > width {
                out.push('\n');
                column = 0;
            } else if column > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words_and_keeps_long_words_whole() {
        assert_eq!(wrap("one two three", 7), "one two\nthree");
        assert_eq!(
            wrap("a https://example.com/long b", 10),
            "a\nhttps://example.com/long\nb"
        );
        assert_eq!(wrap("short", 80), "short");
    }

    #[test]
    fn years_drop_needless_decimals() {
        assert_eq!(years(2.0), "2");
        assert_eq!(years(2.5), "2.5");
        assert_eq!(years(0.75), "0.75");
        assert_eq!(years(1.0 / 3.0), "0.33");
        assert_eq!(year_range(10.0, 17.0), "10–17");
        assert_eq!(year_range(3.0, 3.0), "3");
    }
}
