//! `list` for people: one table row per role, by track and level; or, where the table cannot fit
//! the width with every word whole, one short block per role.

use std::io::Write;

use super::{Shape, draw, heading, year_range, years_of};
use crate::commands::list::RoleRow;
use crate::render::Style;
use crate::render::prose::{self, one_line, wrap};

const HEADER: [&str; 5] = ["Track", "Level", "Id", "Title", "Tenure (years)"];

pub fn render(out: &mut dyn Write, roles: &[RoleRow], style: &Style) -> anyhow::Result<()> {
    let mut rows = Vec::with_capacity(roles.len() + 1);
    rows.push(HEADER.map(str::to_owned).to_vec());
    for row in roles {
        let mut tenure = year_range(row.tenure.min, row.tenure.max, style);
        if row.estimate {
            tenure.push_str(" (estimate)");
        }
        rows.push(vec![
            row.track.clone(),
            row.level.to_string(),
            row.id.clone(),
            row.title.clone(),
            tenure,
        ]);
    }
    if least_width(&rows) > usize::from(style.width) {
        return stacked(out, roles, style);
    }
    let shape = Shape {
        header: true,
        labels: false,
        whole: &[0, 1, 2],
    };
    draw(out, rows, shape, style)
}

/// The narrowest the table can be drawn with ids, tracks and levels whole and no word of a title
/// or tenure broken: each column's longest id or word, two of padding and a border each, and
/// one more border.
fn least_width(rows: &[Vec<String>]) -> usize {
    let mut least = [0usize; HEADER.len()];
    for (n, row) in rows.iter().enumerate() {
        for ((ix, text), least) in row.iter().enumerate().zip(least.iter_mut()) {
            let whole = n > 0 && ix < 3;
            let width = if whole {
                prose::width(text)
            } else {
                text.split_whitespace().map(prose::width).max().unwrap_or(0)
            };
            *least = (*least).max(width);
        }
    }
    least.iter().map(|w| w + 3).sum::<usize>() + 1
}

/// Below the table's least width (set mostly by the longest id: 76 columns for the built-in
/// ladder as it stands), a table would break titles and ids a few letters to a line: instead each
/// role is two lines, its title and id, then its track, level and tenure, each wrapped to the
/// width. Readable at 40 columns, and no longer than the table.
fn stacked(out: &mut dyn Write, roles: &[RoleRow], style: &Style) -> anyhow::Result<()> {
    let room = usize::from(style.width).saturating_sub(2);
    for row in roles {
        heading(
            out,
            &format!("{} ({})", one_line(&row.title), row.id),
            style,
        )?;
        let mut facts = format!(
            "{}, level {}, {}",
            row.track,
            row.level,
            years_of(row.tenure.min, row.tenure.max, style)
        );
        if row.estimate {
            facts.push_str(" (estimate)");
        }
        for line in wrap(&facts, room) {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}
