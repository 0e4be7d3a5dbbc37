//! Rendering: one file per output format, each writing a [`View`] to any `Write`.
//! Renderers see only the view and the [`Style`]; they never read the environment.

pub mod dot;
pub mod hits;
pub mod json;
mod layout;
pub mod markdown;
pub mod mermaid;
pub mod prose;
pub mod table;
pub mod timeline;
pub mod tree;
pub mod yaml;

use std::io::Write;

use crate::cli::Format;
use crate::commands::compare::Comparison;
use crate::commands::show::RoleCard;
use crate::commands::{RoleRef, View};
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

/// How a format writes the parts of a role that differ between formats; see [`compare_rows`].
pub struct RoleText {
    pub id: fn(&str) -> String,
    pub names: fn(&[RoleRef]) -> String,
    pub tenure: fn(&RoleCard) -> String,
}

/// The rows every `compare` renderer puts side by side, in order: a label, then the text for role
/// A and for role B. Renderers add their own rows for the lists after these.
pub fn compare_rows(c: &Comparison, text: &RoleText) -> Vec<(&'static str, (String, String))> {
    let side = |f: &dyn Fn(&RoleCard) -> String| (f(&c.a), f(&c.b));
    vec![
        ("Id", side(&|r| (text.id)(&r.id))),
        ("Track", side(&|r| r.track_name.clone())),
        ("Level", side(&|r| r.level.to_string())),
        ("Typical tenure", side(&|r| (text.tenure)(r))),
        ("Reports to", side(&|r| (text.names)(&r.reports_to))),
        ("Direct reports", side(&|r| (text.names)(&r.direct_reports))),
        ("Leads to", side(&|r| (text.names)(&r.next))),
        ("Summary", side(&|r| r.summary.clone())),
    ]
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
