//! `compare A B` for people: the two roles side by side in one table, competency by competency,
//! then what they share and the route from the lower to the higher.

use std::io::Write;

use super::{Shape, bullets, draw, heading, names, plural};
use crate::commands::compare::Comparison;
use crate::render::prose::{one_line, wrapped};
use crate::render::{RoleText, Style, compare_rows, figure_text, total_text};

pub fn render(out: &mut dyn Write, c: &Comparison, style: &Style) -> anyhow::Result<()> {
    heading(
        out,
        &format!("{} ({}) and {} ({})", c.a.title, c.a.id, c.b.title, c.b.id),
        style,
    )?;
    let dash = super::marks(style).range;
    let text = RoleText {
        id: &str::to_owned,
        names: &|refs| names(refs, style),
        figure: &|f| figure_text(f, dash),
    };
    let mut rows = compare_rows(c, &text);
    let r = &c.responsibilities;
    if !r.only_a.is_empty() || !r.only_b.is_empty() {
        rows.push((
            "Responsibilities\n(only this role)",
            (bullets(&r.only_a, style), bullets(&r.only_b, style)),
        ));
    }
    let mut area_rows: Vec<(String, (String, String))> = Vec::new();
    for area in &c.areas {
        let cell = |proficiency: &Option<String>, change: Option<i64>, texts: &[String]| {
            let mut cell = proficiency.clone().unwrap_or_default();
            if let Some(change) = change.filter(|&n| n != 0) {
                cell.push_str(&format!(
                    " ({change:+} step{})",
                    plural(change.unsigned_abs() as usize)
                ));
            }
            if !texts.is_empty() {
                if !cell.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(&bullets(texts, style));
            }
            cell
        };
        area_rows.push((
            one_line(&area.name),
            (
                cell(&area.a, None, &area.only_a),
                cell(&area.b, area.change, &area.only_b),
            ),
        ));
    }
    let header = vec![String::new(), one_line(&c.a.title), one_line(&c.b.title)];
    let rows = std::iter::once(header)
        .chain(
            rows.into_iter()
                .map(|(name, (a, b))| vec![name.to_owned(), a, b]),
        )
        .chain(area_rows.into_iter().map(|(name, (a, b))| vec![name, a, b]))
        .collect();
    let shape = Shape {
        header: true,
        labels: true,
        whole: &[],
    };
    draw(out, rows, shape, style)?;
    if !r.shared.is_empty() {
        writeln!(out, "Shared responsibilities:")?;
        write!(out, "{}", wrapped(&bullets(&r.shared, style), style.width))?;
    }
    if !c.areas.is_empty() {
        write!(
            out,
            "{}",
            wrapped(
                "Competency rows show each role's proficiency and what it is expected that the \
                 other is not.",
                style.width
            )
        )?;
    }
    if let Some(step) = &c.step {
        let (from, to) = if step.from == c.a.id {
            (&c.a.title, &c.b.title)
        } else {
            (&c.b.title, &c.a.title)
        };
        let line = format!(
            "From {} to {}: {}; {} (`ladder path {} {}` for the route).",
            one_line(from),
            one_line(to),
            step.reach(),
            total_text(&step.years, dash),
            step.from,
            step.to
        );
        write!(out, "{}", wrapped(&line, style.width))?;
    } else if c.a.id != c.b.id {
        writeln!(out, "No route joins these two roles.")?;
    }
    Ok(())
}
