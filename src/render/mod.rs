//! Rendering: one file per output format, and [`render`], the one place that writes any answer.
//! Renderers see only the answer and the [`Style`]; they never read the environment.

pub mod catalogue_yaml;
pub mod dot;
pub mod json;
pub mod markdown;
pub mod mermaid;
pub mod prose;
pub mod table;
pub mod yaml;

use std::io::Write;

use crate::commands::check::Summary;
use crate::commands::compare::Comparison;
use crate::commands::show::{ExpectationView, RoleCard};
use crate::commands::{
    Data, DataFormat, FigureView, Output, PageFormat, PictureFormat, RoleRef, TotalView,
};

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
        Output::Data(Data::Catalogue(raw), DataFormat::Yaml) => catalogue_yaml::render(out, raw),
        Output::Data(data, DataFormat::Json) => json::render(out, data),
        Output::Data(data, DataFormat::Yaml) => yaml::render(out, data),
        Output::Text(text) => Ok(out.write_all(text.as_bytes())?),
        Output::Checked(summary) => Ok(out.write_all(check_summary(summary).as_bytes())?),
    }
}

/// What an answer has to say on stderr, written before it: the warnings of `check`, each with
/// its source line. Empty for every other answer.
pub fn notes(output: &Output) -> String {
    match output {
        Output::Checked(summary) => summary.warnings.as_warnings().render_problems(),
        _ => String::new(),
    }
}

/// `examples/engineering.yaml: valid: "Software engineering", 12 roles, 3 tracks, 9 levels,
/// 1 competency area, 21 sources`, and how many warnings there are.
fn check_summary(s: &Summary) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", table::plural(n));
    let mut text = format!(
        "{}: valid: \"{}\", {}, {}, {}, {}, {}",
        s.file,
        s.name,
        count(s.roles, "role"),
        count(s.tracks, "track"),
        count(s.levels, "level"),
        count(s.competencies, "competency area"),
        count(s.sources, "source"),
    );
    let warnings = s.warnings.problems.len();
    if warnings > 0 {
        text.push_str(&format!(
            ", {} (on stderr; --strict makes them errors)",
            count(warnings, "warning")
        ));
    }
    text.push('\n');
    text
}

/// How a format writes the parts of a role that differ between formats; see [`compare_rows`].
pub struct RoleText<'f> {
    pub id: &'f dyn Fn(&str) -> String,
    pub names: &'f dyn Fn(&[RoleRef]) -> String,
    pub figure: &'f dyn Fn(&FigureView) -> String,
}

/// The rows every `compare` renderer puts side by side, in order: a label, then the text for role
/// A and for role B. Rows that apply to neither role are left out. Renderers add their own rows
/// for the lists after these.
pub fn compare_rows(c: &Comparison, text: &RoleText<'_>) -> Vec<(&'static str, (String, String))> {
    let side = |f: &dyn Fn(&RoleCard) -> String| (f(&c.a), f(&c.b));
    let either = |f: &dyn Fn(&RoleCard) -> bool| f(&c.a) || f(&c.b);
    let figure = |f: Option<&FigureView>| f.map_or_else(|| "unknown".to_owned(), text.figure);
    let mut rows = vec![
        ("Id", side(&|r| (text.id)(&r.id))),
        ("Track", side(&|r| prose::one_line(&r.track_name))),
        ("Level", side(&|r| prose::one_line(&r.level.label()))),
    ];
    if either(&|r| r.entry) {
        let entry = |r: &RoleCard| {
            if r.entry {
                "yes: people join it from outside the ladder".to_owned()
            } else {
                "no".to_owned()
            }
        };
        rows.push(("Entry role", side(&entry)));
    }
    if either(&|r| r.time.in_role.is_some()) {
        rows.push(("Years in role", side(&|r| figure(r.time.in_role.as_ref()))));
    }
    if either(&|r| r.time.experience.is_some()) {
        rows.push(("Experience", side(&|r| figure(r.time.experience.as_ref()))));
    }
    if either(&|r| !r.reports_to.is_empty()) {
        rows.push(("Reports to", side(&|r| (text.names)(&r.reports_to))));
    }
    if either(&|r| !r.direct_reports.is_empty()) {
        rows.push(("Direct reports", side(&|r| (text.names)(&r.direct_reports))));
    }
    if either(&|r| !r.moves.is_empty()) {
        rows.push((
            "Moves to",
            side(&|r| {
                let to: Vec<RoleRef> = r.moves.iter().map(|m| m.to.clone()).collect();
                (text.names)(&to)
            }),
        ));
    }
    rows.push(("Summary", side(&|r| r.summary.clone())));
    rows
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

/// Years with their word: "1 year", "2–4 years", "4+ years" (open-ended); `dash` joins a range.
pub fn figure_years(min: f64, max: Option<f64>, dash: &str) -> String {
    let text = match max {
        None => format!("{}+", years(min)),
        Some(max) => {
            let (mut min, max) = (years(min), years(max));
            if min != max {
                min.push_str(dash);
                min.push_str(&max);
            }
            min
        }
    };
    let word = if text == "1" { "year" } else { "years" };
    format!("{text} {word}")
}

/// What a figure rests on: "source: a, b", "estimate", or "partly estimated; source: a".
pub fn figure_basis(figure: &FigureView) -> String {
    let sources = figure.sources.join(", ");
    let word = if figure.sources.len() == 1 {
        "source"
    } else {
        "sources"
    };
    match (figure.sources.is_empty(), figure.estimate) {
        (true, _) => "estimate".to_owned(),
        (false, false) => format!("{word}: {sources}"),
        (false, true) => format!("partly estimated; {word}: {sources}"),
    }
}

/// A figure on one line: "2–4 years (source: a)", "4+ years (estimate)".
pub fn figure_text(figure: &FigureView, dash: &str) -> String {
    format!(
        "{} ({})",
        figure_years(figure.min, figure.max, dash),
        figure_basis(figure)
    )
}

/// An expectation of `card` in words: its proficiency with its place on the scale ("Practitioner
/// (3 of 4)", with ", as TITLE" when an included role sets it; empty when unrated), and its lines,
/// each included line marked "(as TITLE)". `clean` readies a name or proficiency for the format.
pub fn expectation_parts(
    card: &RoleCard,
    e: &ExpectationView,
    clean: impl Fn(&str) -> String,
) -> (String, Vec<String>) {
    let mut proficiency = String::new();
    if let (Some(p), Some((step, of))) = (&e.proficiency, e.step) {
        proficiency = format!("{} ({step} of {of})", clean(p));
        if let Some(from) = &e.proficiency_from {
            proficiency.push_str(&format!(", as {}", clean(&from.title)));
        }
    }
    let lines = e
        .texts
        .iter()
        .map(|t| {
            if t.from.id == card.id {
                t.text.clone()
            } else {
                format!("{} (as {})", t.text, clean(&t.from.title))
            }
        })
        .collect();
    (proficiency, lines)
}

/// A route's total in words, saying what it rests on: "typically 6–10 years" only when every
/// figure behind it is sourced; "about 6–10 years (2 of 4 figures are estimates)"; "at least 6
/// years (1 of 4 steps has no figure)"; "unknown (no step has a figure)".
pub fn total_text(total: &TotalView, dash: &str) -> String {
    let steps = total.steps;
    if total.unknown_steps > 0 && total.unknown_steps == steps {
        return format!(
            "unknown ({})",
            if steps == 1 {
                "the step has no figure".to_owned()
            } else {
                format!("none of the {steps} steps has a figure")
            }
        );
    }
    if total.unknown_steps > 0 {
        let n = total.unknown_steps;
        return format!(
            "at least {} ({n} of {steps} steps {} no figure{})",
            figure_years(total.min, Some(total.min), dash),
            if n == 1 { "has" } else { "have" },
            match total.estimated_steps {
                0 => String::new(),
                e => format!(", {e} {} estimated", if e == 1 { "is" } else { "are" }),
            }
        );
    }
    let (range, open) = match total.max {
        Some(max) => (figure_years(total.min, Some(max), dash), false),
        None => (
            format!(
                "at least {}",
                figure_years(total.min, Some(total.min), dash)
            ),
            true,
        ),
    };
    let estimates = |e: usize| {
        if e == 1 {
            format!("1 of {steps} figures is an estimate")
        } else {
            format!("{e} of {steps} figures are estimates")
        }
    };
    match total.estimated_steps {
        0 => format!("typically {range}"),
        e if e == steps && open => format!("{range} (every figure is an estimate)"),
        e if e == steps => format!("an estimated {range} (every figure is an estimate)"),
        e if open => format!("{range} ({})", estimates(e)),
        e => format!("about {range} ({})", estimates(e)),
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
        assert_eq!(figure_years(10.0, Some(17.0), "–"), "10–17 years");
        assert_eq!(figure_years(3.0, Some(3.0), "–"), "3 years");
        assert_eq!(figure_years(0.05, Some(2.999), "–"), "0.05–3 years");
        assert_eq!(figure_years(1.0, Some(1.0), "–"), "1 year");
        assert_eq!(figure_years(4.0, None, "–"), "4+ years");
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
