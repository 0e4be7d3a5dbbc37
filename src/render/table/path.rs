//! `path FROM TO` for people: for each route a heading, a table of its steps (each with the kind
//! of move into it) and its timeline, then a note on how to read the years.

use std::io::Write;

use super::{Shape, draw, heading, marks, plural};
use crate::commands::path::Routes;
use crate::commands::{FigureView, TotalView};
use crate::render::prose::{one_line, wrapped};
use crate::render::{Style, figure_years, total_text};

pub fn render(out: &mut dyn Write, r: &Routes, style: &Style) -> anyhow::Result<()> {
    let dash = marks(style).range;
    for (n, route) in r.routes.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let steps = route.steps.len().saturating_sub(1);
        let label = r.label(n);
        heading(
            out,
            &format!(
                "{label}{} {} {}: {steps} move{}, {}",
                r.from.title,
                marks(style).arrow,
                r.to.title,
                plural(steps),
                total_text(&route.total, dash)
            ),
            style,
        )?;
        if n == 0
            && let Some(note) = r.tie_note()
        {
            write!(out, "{}", wrapped(&note, style.width))?;
        }
        let mut rows = Vec::with_capacity(route.steps.len() + 1);
        rows.push(
            ["#", "Role", "Move", "Years in role", "Reached after"]
                .map(str::to_owned)
                .to_vec(),
        );
        let last = route.steps.len().saturating_sub(1);
        for (i, step) in route.steps.iter().enumerate() {
            let mut role = String::with_capacity(step.title.len() + step.id.len() + 16);
            role.push_str(&one_line(&step.title));
            role.push_str(" (");
            role.push_str(&step.id);
            role.push(')');
            let mut kind = step.kind.unwrap_or("start").to_owned();
            if let Some(condition) = &step.condition {
                kind.push_str(", if: ");
                kind.push_str(&one_line(condition));
            }
            let mut in_role = figure_short(step.in_role.as_ref(), dash);
            if i == last {
                in_role.insert(0, '(');
                in_role.push(')');
            }
            let reached = if i == 0 {
                "start".to_owned()
            } else {
                total_short(&step.reached_after, dash)
            };
            rows.push(vec![(i + 1).to_string(), role, kind, in_role, reached]);
        }
        let shape = Shape {
            header: true,
            labels: false,
            whole: &[0, 3, 4],
        };
        draw(out, rows, shape, style)?;
        super::timeline::render(out, route, style)?;
    }
    write!(
        out,
        "{}",
        wrapped(
            &format!(
                "Years in role are ranges from the cited sources; \"est.\" marks an estimate, \"?\" \
                 a role without a figure, \"+\" an open-ended figure. The total leaves out the last \
                 role (in brackets). `ladder show ROLE` gives each figure's source. {}",
                r.rule()
            ),
            style.width
        )
    )?;
    Ok(())
}

/// A figure in a table cell: "2–4", "4+ est.", "?".
pub fn figure_short(figure: Option<&FigureView>, dash: &str) -> String {
    let Some(f) = figure else {
        return "?".to_owned();
    };
    let years = figure_years(f.min, f.max, dash);
    let mut text = years
        .trim_end_matches(" years")
        .trim_end_matches(" year")
        .to_owned();
    if f.estimate {
        text.push_str(" est.");
    }
    text
}

/// A running total in a table cell: "2–4 years", "4+ years est.", "at least 2 years".
pub fn total_short(total: &TotalView, dash: &str) -> String {
    if total.steps > 0 && total.unknown_steps == total.steps {
        return "?".to_owned();
    }
    if total.unknown_steps > 0 {
        return format!(
            "at least {}",
            figure_years(total.min, Some(total.min), dash)
        );
    }
    let mut text = figure_years(total.min, total.max, dash);
    if total.estimated_steps > 0 {
        text.push_str(" est.");
    }
    text
}
