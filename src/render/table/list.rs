//! `list` for people: what the catalogue says about itself, then one table row per role, by
//! track and level, and what each track is.

use std::io::Write;

use super::path::figure_short;
use super::{Shape, draw, heading, marks};
use crate::commands::list::Listing;
use crate::render::Style;
use crate::render::prose::{one_line, wrapped};

pub fn render(out: &mut dyn Write, listing: &Listing, style: &Style) -> anyhow::Result<()> {
    heading(out, &listing.name, style)?;
    if let Some(description) = &listing.description {
        write!(out, "{}", wrapped(description, style.width))?;
    }
    let dash = marks(style).range;
    let mut rows = Vec::with_capacity(listing.roles.len() + 1);
    rows.push(
        ["Track", "Level", "Id", "Title", "Years in role"]
            .map(str::to_owned)
            .to_vec(),
    );
    for row in &listing.roles {
        let mut title = one_line(&row.title);
        if row.entry {
            title.push_str(" (entry)");
        }
        rows.push(vec![
            row.track.clone(),
            one_line(&row.level.label()),
            row.id.clone(),
            title,
            figure_short(row.in_role.as_ref(), dash),
        ]);
    }
    let shape = Shape {
        header: true,
        labels: false,
        whole: &[0, 2, 4],
    };
    draw(out, rows, shape, style)?;
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
