//! Rendering: one file per output format, each writing a [`View`] to any `Write`.
//! Renderers see only the view and the [`Style`]; they never read the environment.

pub mod dot;
pub mod hits;
pub mod json;
pub mod markdown;
pub mod mermaid;
pub mod prose;
pub mod table;
pub mod timeline;
pub mod tree;
pub mod yaml;

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
        Format::Yaml => yaml::render(out, view),
        Format::Markdown => markdown::render(out, view, style),
        Format::Dot => dot::render(out, view),
        Format::Mermaid => mermaid::render(out, view),
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

#[cfg(test)]
mod tests {
    use super::*;

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
