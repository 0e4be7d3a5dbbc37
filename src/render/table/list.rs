//! `list` for people: what the catalogue says about itself, then one table row per role, by
//! track and level, and what each track is; or, where the table cannot fit the width with every
//! word whole, one short block per role.

use std::io::Write;

use super::path::figure_short;
use super::{Shape, draw, heading, marks};
use crate::commands::list::{Listing, RoleRow};
use crate::render::Style;
use crate::render::prose::{self, one_line, wrap, wrapped};

const HEADER: [&str; 5] = ["Track", "Level", "Id", "Title", "Years in role"];
/// The columns kept whole: track, id and years.
const WHOLE: [usize; 3] = [0, 2, 4];

pub fn render(out: &mut dyn Write, listing: &Listing, style: &Style) -> anyhow::Result<()> {
    heading(out, &listing.name, style)?;
    if let Some(description) = &listing.description {
        write!(out, "{}", wrapped(description, style.width))?;
    }
    let dash = marks(style).range;
    let mut rows = Vec::with_capacity(listing.roles.len() + 1);
    rows.push(HEADER.map(str::to_owned).to_vec());
    for row in &listing.roles {
        rows.push(vec![
            row.track.clone(),
            one_line(&row.level.label()),
            row.id.clone(),
            title(row),
            figure_short(row.in_role.as_ref(), dash),
        ]);
    }
    if least_width(&rows) > usize::from(style.width) {
        stacked(out, &listing.roles, style)?;
    } else {
        let shape = Shape {
            header: true,
            labels: false,
            whole: &WHOLE,
        };
        draw(out, rows, shape, style)?;
    }
    let shown: Vec<&str> = listing.roles.iter().map(|r| r.track.as_str()).collect();
    for track in listing
        .tracks
        .iter()
        .filter(|t| shown.contains(&t.id.as_str()))
    {
        let line = match &track.description {
            Some(about) => format!("{} ({}): {}", one_line(&track.name), track.id, about),
            None => format!("{} ({})", one_line(&track.name), track.id),
        };
        write!(out, "{}", wrapped(&line, style.width))?;
    }
    write!(
        out,
        "{}",
        wrapped(
            "(entry): people join the role from outside the ladder. Years in role: est. = an \
             estimate, ? = no figure.",
            style.width
        )
    )?;
    Ok(())
}

/// A role's title, marked when people join it from outside the ladder.
fn title(row: &RoleRow) -> String {
    let mut title = one_line(&row.title);
    if row.entry {
        title.push_str(" (entry)");
    }
    title
}

/// The narrowest the table can be drawn with tracks, ids and years whole and no word of a title
/// or level broken: each column's longest id or word, two of padding and a border each, and one
/// more border.
fn least_width(rows: &[Vec<String>]) -> usize {
    let mut least = [0usize; HEADER.len()];
    for (n, row) in rows.iter().enumerate() {
        for ((ix, text), least) in row.iter().enumerate().zip(least.iter_mut()) {
            let width = if n > 0 && WHOLE.contains(&ix) {
                prose::width(text)
            } else {
                text.split_whitespace().map(prose::width).max().unwrap_or(0)
            };
            *least = (*least).max(width);
        }
    }
    least.iter().map(|w| w + 3).sum::<usize>() + 1
}

/// Below the table's least width (set mostly by the longest id), a table would break titles and
/// ids a few letters to a line: instead each role is two lines, its title and id, then its track,
/// level and years in role, each wrapped to the width. Readable at 40 columns, and no longer than
/// the table.
fn stacked(out: &mut dyn Write, roles: &[RoleRow], style: &Style) -> anyhow::Result<()> {
    let room = usize::from(style.width).saturating_sub(2);
    let dash = marks(style).range;
    for row in roles {
        heading(out, &format!("{} ({})", title(row), row.id), style)?;
        let facts = match &row.in_role {
            Some(f) => format!(
                "{}, {}, {} years in role",
                row.track,
                one_line(&row.level.label()),
                figure_short(Some(f), dash)
            ),
            None => format!(
                "{}, {}, years in role: ?",
                row.track,
                one_line(&row.level.label())
            ),
        };
        for line in wrap(&facts, room) {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}
