//! `show ROLE` for people: the role's heading, one table of everything about it, and its
//! sources below the table, where an address is never cut in two.

use std::io::Write;

use super::{Shape, bullets, draw, heading, lines_of, names, or_dash, years_of};
use crate::commands::show::{RoleCard, SourceView};
use crate::render::Style;
use crate::render::prose::{one_line, wrap};

pub fn render(out: &mut dyn Write, card: &RoleCard, style: &Style) -> anyhow::Result<()> {
    heading(out, &format!("{} ({})", card.title, card.id), style)?;
    let titles = lines_of(
        &card.titles_by_company_size.entries(),
        style,
        |text, (size, title)| {
            text.push_str(size);
            text.push_str(": ");
            text.push_str(&one_line(title));
        },
    );
    let row = |name: &str, value: String| vec![name.to_owned(), value];
    let rows = vec![
        row("Aliases", or_dash(card.aliases.join(", "), style)),
        row(
            "Track, level",
            format!("{} ({}), level {}", card.track_name, card.track, card.level),
        ),
        row("Summary", card.summary.clone()),
        row("Responsibilities", bullets(&card.responsibilities, style)),
        row("Skills", or_dash(card.skills.join(", "), style)),
        row("Reports to", names(&card.reports_to, style)),
        row("Direct reports", names(&card.direct_reports, style)),
        row("Typical tenure", tenure(card, style)),
        row("Leads to", names(&card.next, style)),
        row("Switches to", names(&card.lateral, style)),
        row("Reached from", names(&card.previous, style)),
        row("Titles by size", titles),
    ];
    let shape = Shape {
        header: false,
        labels: true,
        whole: &[0],
    };
    draw(out, rows, shape, style)?;
    // Below the table, so that an address is never cut in two: it can be clicked and copied.
    if !card.sources.is_empty() {
        writeln!(out, "Sources:")?;
        for source in &card.sources {
            let width = usize::from(style.width).saturating_sub(4);
            writeln!(
                out,
                "  {}",
                wrap(&one_line(&source_label(source)), width).join("\n    ")
            )?;
            if let Some(url) = &source.url {
                writeln!(out, "    {}", one_line(url))?;
            }
        }
    }
    Ok(())
}

/// How long people stay, and on whose word: `2–4 years (source: id)` and the note, if any.
pub fn tenure(card: &RoleCard, style: &Style) -> String {
    let t = &card.tenure;
    let mut text = years_of(t.min, t.max, style);
    match &t.source {
        Some(id) => {
            text.push_str(" (source: ");
            text.push_str(id);
            text.push(')');
        }
        None => text.push_str(" (estimate)"),
    }
    if let Some(note) = &t.note {
        text.push('\n');
        text.push_str(note);
    }
    text
}

/// `[id] title (publisher, date)`.
fn source_label(source: &SourceView) -> String {
    let mut text = String::with_capacity(128);
    text.push('[');
    text.push_str(&source.id);
    text.push_str("] ");
    text.push_str(&source.title);
    let mut detail = [source.publisher.as_deref(), source.published.as_deref()]
        .into_iter()
        .flatten();
    if let Some(first) = detail.next() {
        text.push_str(" (");
        text.push_str(first);
        for more in detail {
            text.push_str(", ");
            text.push_str(more);
        }
        text.push(')');
    }
    text
}
