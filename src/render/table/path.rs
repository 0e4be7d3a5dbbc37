//! `path FROM TO` for people: for each route a heading, a table of its steps and its timeline,
//! then a note on how to read the years.

use std::io::Write;

use super::{Shape, draw, heading, marks, plural, year_range, years_of};
use crate::commands::path::Routes;
use crate::render::Style;
use crate::render::prose::{one_line, wrapped};

pub fn render(out: &mut dyn Write, r: &Routes, style: &Style) -> anyhow::Result<()> {
    for (n, route) in r.routes.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let steps = route.steps.len().saturating_sub(1);
        let label = crate::render::route_label(r, n);
        heading(
            out,
            &format!(
                "{label}{} {} {}: {steps} step{}, typically {}",
                r.from.title,
                marks(style).arrow,
                r.to.title,
                plural(steps),
                years_of(route.total.min, route.total.max, style)
            ),
            style,
        )?;
        let mut rows = Vec::with_capacity(route.steps.len() + 1);
        rows.push(
            ["#", "Role", "Years in role", "Reached after"]
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
            if step.lateral {
                role.push_str(", track switch");
            }
            let mut in_role = year_range(step.tenure.min, step.tenure.max, style);
            if i == last {
                in_role.insert(0, '(');
                in_role.push(')');
            }
            let reached = if i == 0 {
                "start".to_owned()
            } else {
                years_of(step.reached_after.min, step.reached_after.max, style)
            };
            rows.push(vec![(i + 1).to_string(), role, in_role, reached]);
        }
        let shape = Shape {
            header: true,
            labels: false,
            whole: &[0, 2, 3],
        };
        draw(out, rows, shape, style)?;
        super::timeline::render(out, route, style)?;
    }
    write!(
        out,
        "{}",
        wrapped(
            "Years are typical ranges; the total leaves out the last role (in brackets).",
            style.width
        )
    )?;
    Ok(())
}
