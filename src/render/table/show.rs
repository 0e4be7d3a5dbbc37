//! `show ROLE` for people: the role's heading, one table of everything about it, and its
//! sources below the table, where an address is never cut in two.

use std::io::Write;

use super::{Shape, bullets, draw, heading, lines_of, names};
use crate::commands::show::{ExpectationView, RoleCard, SourceView};
use crate::render::expectation_parts;
use crate::render::prose::{one_line, wrap};
use crate::render::{Style, figure_text};

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
    let dash = super::marks(style).range;
    let mut rows = Vec::new();
    if !card.aliases.is_empty() {
        rows.push(row("Aliases", card.aliases.join(", ")));
    }
    rows.push(row(
        "Track, level",
        format!(
            "{} ({}), {}",
            card.track_name,
            card.track,
            one_line(&card.level.label())
        ),
    ));
    if let Some(about) = &card.track_description {
        rows.push(row("About the track", about.clone()));
    }
    if card.level_description.is_some() || !card.level_facts.is_empty() {
        let mut about = card.level_description.clone().unwrap_or_default();
        if !card.level_facts.is_empty() {
            if !about.is_empty() {
                about.push('\n');
            }
            about.push_str(&bullets(&card.level_facts, style));
        }
        rows.push(row("About the level", about));
    }
    if card.entry {
        rows.push(row(
            "Entry role",
            "People join this role from outside the ladder.".to_owned(),
        ));
    }
    rows.push(row("Summary", card.summary.clone()));
    if !card.responsibilities.is_empty() {
        rows.push(row(
            "Responsibilities",
            bullets(&card.responsibilities, style),
        ));
    }
    for e in &card.expectations {
        rows.push(row(&one_line(&e.name), expectation(card, e, style)));
    }
    if !card.reports_to.is_empty() {
        rows.push(row("Reports to", names(&card.reports_to, style)));
    }
    if !card.direct_reports.is_empty() {
        rows.push(row("Direct reports", names(&card.direct_reports, style)));
    }
    let from_level = if card.time.from_level {
        " (the level's figure)"
    } else {
        ""
    };
    let with_note = |f: &crate::commands::FigureView| {
        let mut text = figure_text(f, dash);
        text.push_str(from_level);
        if let Some(note) = &f.note {
            text.push('\n');
            text.push_str(note);
        }
        text
    };
    rows.push(row(
        "Years in role",
        card.time
            .in_role
            .as_ref()
            .map_or_else(|| "unknown: no source gives a figure".to_owned(), with_note),
    ));
    if let Some(experience) = &card.time.experience {
        rows.push(row("Experience at level", with_note(experience)));
    }
    if !card.moves.is_empty() {
        let moves = lines_of(&card.moves, style, |text, m| {
            text.push_str(&one_line(&m.to.title));
            text.push_str(" (");
            text.push_str(&m.to.id);
            text.push_str("), ");
            text.push_str(m.kind);
            if let Some(condition) = &m.condition {
                text.push_str("; if: ");
                text.push_str(&one_line(condition));
            }
            if let Some(note) = &m.note {
                text.push_str("; ");
                text.push_str(&one_line(note));
            }
            if let Some(source) = &m.source {
                text.push_str(" (source: ");
                text.push_str(source);
                text.push(')');
            }
        });
        rows.push(row("Moves to", moves));
    }
    if !card.previous.is_empty() {
        rows.push(row("Reached from", names(&card.previous, style)));
    }
    if !card.titles_by_company_size.entries().is_empty() {
        rows.push(row("Titles by size", titles));
    }
    let shape = Shape {
        header: false,
        labels: true,
        whole: &[],
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

/// An expectation: its proficiency (step N of M), then its lines, each included line marked
/// with the role it comes from.
fn expectation(card: &RoleCard, e: &ExpectationView, style: &Style) -> String {
    let (mut text, lines) = expectation_parts(card, e, one_line);
    if !lines.is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&bullets(&lines, style));
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
