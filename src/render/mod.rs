//! Rendering: one file per output format, and [`render`], the one place that writes any answer.
//! Renderers see only the answer and the [`Style`]; they never read the environment.

pub mod dot;
pub mod json;
pub mod markdown;
pub mod mermaid;
pub mod prose;
pub mod table;
pub mod yaml;

use std::io::Write;

use crate::commands::compare::Comparison;
use crate::commands::export::to_yaml;
use crate::commands::show::RoleCard;
use crate::commands::{Data, DataFormat, Output, PageFormat, PictureFormat, RoleRef};

/// How output looks; decided once, from flags and the environment, by `config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Columns the output should fit.
    pub width: u16,
    /// Whether drawings (tree, timeline) may use box-drawing and block characters; plain ASCII
    /// otherwise (`--ascii`, or stdout not a terminal).
    pub unicode: bool,
    /// `--ascii`: tables and their punctuation in plain ASCII too, wherever the output goes.
    pub ascii: bool,
}

/// Writes an answer in its format.
pub fn render(out: &mut dyn Write, output: &Output, style: &Style) -> anyhow::Result<()> {
    match output {
        Output::Page(view, PageFormat::Table) => table::render(out, view, style),
        Output::Page(view, PageFormat::Markdown) => markdown::render(out, view, style),
        Output::Page(view, PageFormat::Json) => json::render(out, view),
        Output::Page(view, PageFormat::Yaml) => yaml::render(out, view),
        Output::Picture(picture, PictureFormat::Dot) => dot::render(out, picture),
        Output::Picture(picture, PictureFormat::Mermaid) => mermaid::render(out, picture),
        Output::Data(Data::Catalogue(raw), DataFormat::Yaml) => {
            Ok(out.write_all(to_yaml(raw)?.as_bytes())?)
        }
        Output::Data(data, DataFormat::Json) => json::render(out, data),
        Output::Data(data, DataFormat::Yaml) => yaml::render(out, data),
        Output::Text(text) => Ok(out.write_all(text.as_bytes())?),
    }
}

/// How a format writes the parts of a role that differ between formats; see [`compare_rows`].
pub struct RoleText<'f> {
    pub id: &'f dyn Fn(&str) -> String,
    pub names: &'f dyn Fn(&[RoleRef]) -> String,
    pub tenure: &'f dyn Fn(&RoleCard) -> String,
}

/// The rows every `compare` renderer puts side by side, in order: a label, then the text for role
/// A and for role B. Renderers add their own rows for the lists after these.
pub fn compare_rows(c: &Comparison, text: &RoleText<'_>) -> Vec<(&'static str, (String, String))> {
    let side = |f: &dyn Fn(&RoleCard) -> String| (f(&c.a), f(&c.b));
    vec![
        ("Id", side(&|r| (text.id)(&r.id))),
        ("Track", side(&|r| prose::one_line(&r.track_name))),
        ("Level", side(&|r| r.level.to_string())),
        ("Typical tenure", side(&|r| (text.tenure)(r))),
        ("Reports to", side(&|r| (text.names)(&r.reports_to))),
        ("Direct reports", side(&|r| (text.names)(&r.direct_reports))),
        ("Leads to", side(&|r| (text.names)(&r.next))),
        ("Summary", side(&|r| r.summary.clone())),
    ]
}

/// The label before route `n` (from 0) when there are several: `Route 2 of 3: `, or `Route 2 of
/// more than 10: ` when `--limit` cut the list; nothing for a single route.
pub fn route_label(routes: &crate::commands::path::Routes, n: usize) -> String {
    let count = routes.routes.len();
    if routes.more {
        format!("Route {} of more than {count}: ", n + 1)
    } else if count > 1 {
        format!("Route {} of {count}: ", n + 1)
    } else {
        String::new()
    }
}

/// Years as people write them: `2`, `2.5`, `0.75`: rounded to hundredths, without needless
/// zeros.
pub fn years(value: f64) -> String {
    let hundredths = (value * 100.0).round();
    // Written from whole hundredths, the same digits as formatting the float to two places at a
    // small part of the cost (a table of years formats dozens). Exact far beyond any tenure;
    // negative, huge and odd values are formatted as floats.
    if hundredths.is_sign_positive() && hundredths < 1e12 {
        let hundredths = hundredths as u64;
        let mut text = (hundredths / 100).to_string();
        let (tenths, last) = ((hundredths / 10) % 10, hundredths % 10);
        if tenths != 0 || last != 0 {
            text.push('.');
            text.push(digit(tenths));
            if last != 0 {
                text.push(digit(last));
            }
        }
        return text;
    }
    let rounded = hundredths / 100.0;
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The character for a digit, 0 to 9.
fn digit(value: u64) -> char {
    char::from(b'0' + (value % 10) as u8)
}

/// A range of years: `2–4`, or `3` when both ends agree.
pub fn year_range(min: f64, max: f64) -> String {
    let (mut min, max) = (years(min), years(max));
    if min != max {
        min.push('–');
        min.push_str(&max);
    }
    min
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
        assert_eq!(year_range(0.05, 2.999), "0.05–3");
    }

    /// How years were written before they were written from whole hundredths.
    fn years_formatted(value: f64) -> String {
        let rounded = (value * 100.0).round() / 100.0;
        let text = format!("{rounded:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }

    #[test]
    fn years_are_written_as_formatting_the_float_writes_them() {
        let thousandths = (0..200_000).map(|n| f64::from(n) / 1000.0);
        let odd = [
            -0.0,
            -1.5,
            -0.004,
            0.005,
            0.015,
            1.005,
            2.675,
            1e9 + 0.25,
            1e10,
            1e12,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for value in thousandths.chain(odd) {
            assert_eq!(years(value), years_formatted(value), "{value}");
        }
    }
}
