//! `compare A B` for people: the two roles side by side in one table, then what they share and
//! the step from the lower to the higher.

use std::io::Write;

use super::{Shape, bullets, draw, heading, names, or_dash, years_of};
use crate::commands::compare::Comparison;
use crate::render::prose::{one_line, wrapped};
use crate::render::{RoleText, Style, compare_rows};

pub fn render(out: &mut dyn Write, c: &Comparison, style: &Style) -> anyhow::Result<()> {
    heading(
        out,
        &format!("{} ({}) and {} ({})", c.a.title, c.a.id, c.b.title, c.b.id),
        style,
    )?;
    let text = RoleText {
        id: &str::to_owned,
        names: &|refs| names(refs, style),
        tenure: &|card| super::show::tenure(card, style),
    };
    let mut rows = compare_rows(c, &text);
    rows.extend([
        (
            "Responsibilities\n(only this role)",
            (
                bullets(&c.only_a.responsibilities, style),
                bullets(&c.only_b.responsibilities, style),
            ),
        ),
        (
            "Skills\n(only this role)",
            (
                or_dash(c.only_a.skills.join(", "), style),
                or_dash(c.only_b.skills.join(", "), style),
            ),
        ),
    ]);
    let header = vec![String::new(), one_line(&c.a.title), one_line(&c.b.title)];
    let rows = std::iter::once(header)
        .chain(
            rows.into_iter()
                .map(|(name, (a, b))| vec![name.to_owned(), a, b]),
        )
        .collect();
    let shape = Shape {
        header: true,
        labels: true,
        whole: &[0],
    };
    draw(out, rows, shape, style)?;
    if !c.shared.responsibilities.is_empty() {
        writeln!(out, "Shared responsibilities:")?;
        write!(
            out,
            "{}",
            wrapped(&bullets(&c.shared.responsibilities, style), style.width)
        )?;
    }
    let shared_skills = format!(
        "Shared skills: {}",
        if c.shared.skills.is_empty() {
            "none".to_owned()
        } else {
            c.shared.skills.join(", ")
        }
    );
    write!(out, "{}", wrapped(&shared_skills, style.width))?;
    if let Some(step) = &c.step {
        let (from, to) = if step.from == c.a.id {
            (&c.a.title, &c.b.title)
        } else {
            (&c.b.title, &c.a.title)
        };
        let line = format!(
            "From {} to {}: {}, typically {} (`ladder path {} {}` for the route).",
            one_line(from),
            one_line(to),
            step.reach(),
            years_of(step.years.min, step.years.max, style),
            step.from,
            step.to
        );
        write!(out, "{}", wrapped(&line, style.width))?;
    } else if c.a.id != c.b.id {
        writeln!(out, "No promotion route joins these two roles.")?;
    }
    Ok(())
}
