//! `compare A B` for people: the two roles side by side in one table, competency by competency,
//! then what they share and the route from the lower to the higher.

use std::io::Write;

use super::{Shape, bullets, draw, heading, names, or_dash, plural, proficiency_text};
use crate::commands::compare::Comparison;
use crate::compare::AreaChange;
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
    let area_rows: Vec<(String, (String, String))> = c
        .areas
        .iter()
        .map(|area| {
            let (a, b) = area_cells(area, super::marks(style).bullet);
            (one_line(&area.name), (or_dash(a, style), or_dash(b, style)))
        })
        .collect();
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
                "Competency rows show each role's proficiency (its place on the scale), the steps \
                 between them, and what each role is expected that the other is not; lines both \
                 are expected are left out (`ladder show ROLE` gives them all).",
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

/// The two cells of a competency area, A's and B's: each role's proficiency with its place on the
/// scale, on B's side the steps from A's (or "no change"), then what each is expected that the
/// other is not, one bullet a line. Empty where a role has nothing to show.
pub fn area_cells(area: &AreaChange, bullet: &str) -> (String, String) {
    let proficiency = |step: &Option<String>| match step {
        Some(step) if !area.scale.is_empty() => vec![proficiency_text(Some(step), &area.scale)],
        _ => Vec::new(),
    };
    let (mut a, mut b) = (proficiency(&area.a), proficiency(&area.b));
    if area.unchanged {
        b.push("no change".to_owned());
    } else if !area.steps.is_empty() {
        let n = area.steps.len();
        let how = match area.change {
            Some(change) if change < 0 => format!("-{n} step{}", plural(n)),
            Some(_) => format!("+{n} step{}", plural(n)),
            None => "to reach".to_owned(),
        };
        let steps: Vec<String> = area.steps.iter().map(|s| one_line(s)).collect();
        b.push(format!("{how}: {}", steps.join(", ")));
    }
    let line = |text: &String| format!("{bullet} {}", one_line(text));
    a.extend(area.only_a.iter().map(line));
    b.extend(area.only_b.iter().map(line));
    (a.join("\n"), b.join("\n"))
}
