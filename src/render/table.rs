//! Tables for people (comfy-table), fitted to the width in [`Style`], coloured only when asked.

use std::io::Write;

use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, presets};

use super::{RoleText, Style, compare_rows, year_range};
use crate::commands::View;
use crate::commands::compare::Comparison;
use crate::commands::list::RoleRow;
use crate::commands::path::Routes;
use crate::commands::show::{RoleCard, SourceView};
use crate::commands::{RoleRef, Years};

pub fn render(out: &mut dyn Write, view: &View, style: &Style) -> anyhow::Result<()> {
    match view {
        View::Role(card) => role_card(out, card, style),
        View::Comparison(comparison) => compare(out, comparison, style),
        View::Routes(routes) => path(out, routes, style),
        View::Roles(rows) => list(out, rows, style),
        View::Found(found) => super::hits::render(out, found, style),
        View::Tree(tree) => super::tree::render(out, tree, style),
        View::Graph(ladder) => super::dot::ladder(out, ladder),
        View::Script(text) => Ok(out.write_all(text.as_bytes())?),
    }
}

/// A table with the project's look, fitted to the width.
fn new_table(style: &Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        table.enforce_styling();
    }
    table
}

fn header(text: &str, style: &Style) -> Cell {
    let cell = Cell::new(text);
    if style.color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

fn key(text: &str, style: &Style) -> Cell {
    let cell = Cell::new(text);
    if style.color {
        cell.fg(Color::Cyan)
    } else {
        cell
    }
}

/// A line above a table: the title of what follows, wrapped to the width.
fn heading(out: &mut dyn Write, text: &str, style: &Style) -> anyhow::Result<()> {
    for text in super::prose::wrap(text, usize::from(style.width)) {
        if style.color {
            writeln!(out, "\x1b[1m{text}\x1b[0m")?;
        } else {
            writeln!(out, "{text}")?;
        }
    }
    Ok(())
}

fn names(refs: &[RoleRef]) -> String {
    if refs.is_empty() {
        return "—".to_owned();
    }
    refs.iter()
        .map(|r| format!("{} ({})", r.title, r.id))
        .collect::<Vec<_>>()
        .join("\n")
}

fn bullets(items: &[String]) -> String {
    if items.is_empty() {
        return "—".to_owned();
    }
    items
        .iter()
        .map(|i| format!("• {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn or_dash(text: String) -> String {
    if text.is_empty() {
        "—".to_owned()
    } else {
        text
    }
}

fn tenure_text(card: &RoleCard) -> String {
    let t = &card.tenure;
    let basis = match &t.source {
        Some(id) => format!("source: {id}"),
        None => "estimate".to_owned(),
    };
    let mut text = format!("{} years ({basis})", year_range(t.min, t.max));
    if let Some(note) = &t.note {
        text.push('\n');
        text.push_str(note);
    }
    text
}

/// `[id] title (publisher, date)`.
fn source_label(source: &SourceView) -> String {
    let mut text = format!("[{}] {}", source.id, source.title);
    let detail: Vec<&str> = [source.publisher.as_deref(), source.published.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !detail.is_empty() {
        text.push_str(&format!(" ({})", detail.join(", ")));
    }
    text
}

fn role_card(out: &mut dyn Write, card: &RoleCard, style: &Style) -> anyhow::Result<()> {
    heading(out, &format!("{} ({})", card.title, card.id), style)?;
    let mut table = new_table(style);
    let titles = card
        .titles_by_company_size
        .entries()
        .iter()
        .map(|(size, title)| format!("{size}: {title}"))
        .collect::<Vec<_>>()
        .join("\n");
    let rows: Vec<(&str, String)> = vec![
        ("Aliases", or_dash(card.aliases.join(", "))),
        (
            "Track, level",
            format!("{} ({}), level {}", card.track_name, card.track, card.level),
        ),
        ("Summary", card.summary.clone()),
        ("Responsibilities", bullets(&card.responsibilities)),
        ("Skills", or_dash(card.skills.join(", "))),
        ("Reports to", names(&card.reports_to)),
        ("Direct reports", names(&card.direct_reports)),
        ("Typical tenure", tenure_text(card)),
        ("Leads to", names(&card.next)),
        ("Switches to", names(&card.lateral)),
        ("Reached from", names(&card.previous)),
        ("Titles by size", or_dash(titles)),
    ];
    for (name, value) in rows {
        table.add_row(vec![key(name, style), Cell::new(value)]);
    }
    keep_whole(&mut table, &[0]);
    writeln!(out, "{table}")?;
    // Below the table, so that an address is never cut in two: it can be clicked and copied.
    if !card.sources.is_empty() {
        writeln!(out, "Sources:")?;
        for source in &card.sources {
            let width = usize::from(style.width).saturating_sub(4);
            writeln!(
                out,
                "  {}",
                super::prose::wrap(&source_label(source), width).join("\n    ")
            )?;
            if let Some(url) = &source.url {
                writeln!(out, "    {url}")?;
            }
        }
    }
    Ok(())
}

fn compare(out: &mut dyn Write, c: &Comparison, style: &Style) -> anyhow::Result<()> {
    heading(
        out,
        &format!("{} ({}) and {} ({})", c.a.title, c.a.id, c.b.title, c.b.id),
        style,
    )?;
    let mut table = new_table(style);
    table.set_header(vec![
        header("", style),
        header(&c.a.title, style),
        header(&c.b.title, style),
    ]);
    let text = RoleText {
        id: str::to_owned,
        names,
        tenure: tenure_text,
    };
    let mut rows = compare_rows(c, &text);
    rows.extend([
        (
            "Responsibilities\n(only this role)",
            (
                bullets(&c.only_a.responsibilities),
                bullets(&c.only_b.responsibilities),
            ),
        ),
        (
            "Skills\n(only this role)",
            (
                or_dash(c.only_a.skills.join(", ")),
                or_dash(c.only_b.skills.join(", ")),
            ),
        ),
    ]);
    for (name, (a, b)) in rows {
        table.add_row(vec![key(name, style), Cell::new(a), Cell::new(b)]);
    }
    keep_whole(&mut table, &[0]);
    writeln!(out, "{table}")?;
    if !c.shared.responsibilities.is_empty() {
        writeln!(out, "Shared responsibilities:")?;
        write!(
            out,
            "{}",
            super::prose::wrapped(&bullets(&c.shared.responsibilities), style.width)
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
    write!(
        out,
        "{}",
        super::prose::wrapped(&shared_skills, style.width)
    )?;
    if let Some(step) = &c.step {
        let (from, to) = if step.from == c.a.id {
            (&c.a.title, &c.b.title)
        } else {
            (&c.b.title, &c.a.title)
        };
        let line = format!(
            "From {from} to {to}: {} level{} up, {} step{}, typically {} years (`ladder path {} {}` for the route).",
            step.levels,
            plural(step.levels as usize),
            step.steps,
            plural(step.steps),
            year_range(step.years.min, step.years.max),
            step.from,
            step.to
        );
        write!(out, "{}", super::prose::wrapped(&line, style.width))?;
    } else if c.a.id != c.b.id {
        writeln!(out, "No promotion route joins these two roles.")?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn path(out: &mut dyn Write, r: &Routes, style: &Style) -> anyhow::Result<()> {
    let count = r.routes.len();
    for (n, route) in r.routes.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let steps = route.steps.len().saturating_sub(1);
        let label = if count > 1 {
            format!("Route {} of {count}: ", n + 1)
        } else {
            String::new()
        };
        heading(
            out,
            &format!(
                "{label}{} → {}: {steps} step{}, typically {} years",
                r.from.title,
                r.to.title,
                plural(steps),
                year_range(route.total.min, route.total.max)
            ),
            style,
        )?;
        let mut table = new_table(style);
        table.set_header(vec![
            header("#", style),
            header("Role", style),
            header("Years in role", style),
            header("Reached after", style),
        ]);
        let last = route.steps.len().saturating_sub(1);
        for (i, step) in route.steps.iter().enumerate() {
            let role = if step.lateral {
                format!("{} ({}), track switch", step.title, step.id)
            } else {
                format!("{} ({})", step.title, step.id)
            };
            let in_role = if i == last {
                format!("({})", year_range(step.tenure.min, step.tenure.max))
            } else {
                year_range(step.tenure.min, step.tenure.max)
            };
            let reached = if i == 0 {
                "start".to_owned()
            } else {
                format!("{} years", range(step.reached_after))
            };
            table.add_row(vec![
                Cell::new(i + 1),
                Cell::new(role),
                Cell::new(in_role),
                Cell::new(reached),
            ]);
        }
        keep_whole(&mut table, &[0, 2, 3]);
        writeln!(out, "{table}")?;
        super::timeline::render(out, route, style)?;
    }
    write!(
        out,
        "{}",
        super::prose::wrapped(
            "Years are typical ranges; the total leaves out the last role (in brackets).",
            style.width
        )
    )?;
    Ok(())
}

fn range(y: Years) -> String {
    year_range(y.min, y.max)
}

fn list(out: &mut dyn Write, rows: &[RoleRow], style: &Style) -> anyhow::Result<()> {
    let mut table = new_table(style);
    table.set_header(vec![
        header("Track", style),
        header("Level", style),
        header("Id", style),
        header("Title", style),
        header("Tenure (years)", style),
    ]);
    for row in rows {
        let tenure = if row.estimate {
            format!("{} (estimate)", year_range(row.tenure.min, row.tenure.max))
        } else {
            year_range(row.tenure.min, row.tenure.max)
        };
        table.add_row(vec![
            Cell::new(&row.track),
            Cell::new(row.level),
            Cell::new(&row.id),
            Cell::new(&row.title),
            Cell::new(tenure),
        ]);
    }
    keep_whole(&mut table, &[0, 1, 2]);
    writeln!(out, "{table}")?;
    Ok(())
}

/// Columns that hold ids and numbers are never wrapped: a wrapped id cannot be copied.
fn keep_whole(table: &mut Table, columns: &[usize]) {
    for &ix in columns {
        if let Some(column) = table.column_mut(ix) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}
