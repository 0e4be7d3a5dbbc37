//! Tables for people (comfy-table), fitted to the width in [`Style`], coloured only when asked.

use std::io::Write;

use comfy_table::{
    Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets,
};

use super::layout::{self, Fitted};
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
    }
}

/// The shape of a table, apart from its text.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// The first row is the header.
    header: bool,
    /// The first column names what each row holds: drawn in colour when colour is on.
    labels: bool,
    /// Columns that hold ids and numbers are never wrapped: a wrapped id cannot be copied.
    whole: &'static [usize],
}

/// Draws rows of cells (a cell's lines joined by `\n`) as a table fitted to the width. The layout
/// is worked out in [`layout`] and comfy-table only draws it; when [`layout::fit`] cannot tell,
/// comfy-table arranges the table itself, with the same result.
fn draw(
    out: &mut dyn Write,
    rows: Vec<Vec<String>>,
    shape: Shape,
    style: &Style,
) -> anyhow::Result<()> {
    let table = match layout::fit(rows, shape.whole, style.width) {
        Ok(fitted) => fitted_table(fitted, shape, style),
        Err(rows) => arranged_table(rows, shape, style),
    };
    write_table(out, &table)
}

/// The table as laid out by [`layout::fit`]: cells already wrapped, every column's width fixed.
fn fitted_table(fitted: Fitted, shape: Shape, style: &Style) -> Table {
    let mut table = styled_table(fitted.rows, shape, style);
    for (column, width) in table.column_iter_mut().zip(fitted.widths) {
        // An absolute width includes the padding, one column on each side.
        column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(
            width.saturating_add(2),
        )));
    }
    table
}

/// The table as comfy-table arranges it from the text as it is.
fn arranged_table(rows: Vec<Vec<String>>, shape: Shape, style: &Style) -> Table {
    let mut table = styled_table(rows, shape, style);
    for &ix in shape.whole {
        if let Some(column) = table.column_mut(ix) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    table
}

/// A table of `rows`, with the header and labels styled.
fn styled_table(rows: Vec<Vec<String>>, shape: Shape, style: &Style) -> Table {
    let mut table = new_table(style);
    let mut rows = rows.into_iter();
    if shape.header
        && let Some(row) = rows.next()
    {
        table.set_header(
            row.into_iter()
                .map(|text| header(text, style))
                .collect::<Vec<_>>(),
        );
    }
    for row in rows {
        let cells = row.into_iter().enumerate().map(|(ix, text)| {
            if ix == 0 && shape.labels {
                key(text, style)
            } else {
                Cell::new_owned(text)
            }
        });
        table.add_row(cells.collect::<Vec<_>>());
    }
    table
}

/// What `writeln!(out, "{table}")` writes, put together without the formatting machinery and
/// written in one piece.
fn write_table(out: &mut dyn Write, table: &Table) -> anyhow::Result<()> {
    let lines: Vec<String> = table.lines().collect();
    let mut text = String::with_capacity(lines.iter().map(|line| line.len() + 1).sum());
    for (n, line) in lines.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        text.push_str(line);
    }
    text.push('\n');
    out.write_all(text.as_bytes())?;
    Ok(())
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

fn header(text: String, style: &Style) -> Cell {
    let cell = Cell::new_owned(text);
    if style.color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

fn key(text: String, style: &Style) -> Cell {
    let cell = Cell::new_owned(text);
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

/// One line for each item, put together by `line`; a dash for none.
fn lines_of<T>(items: &[T], line: impl Fn(&mut String, &T)) -> String {
    if items.is_empty() {
        return "—".to_owned();
    }
    let mut text = String::with_capacity(64 * items.len());
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        line(&mut text, item);
    }
    text
}

fn names(refs: &[RoleRef]) -> String {
    lines_of(refs, |text, r| {
        text.push_str(&r.title);
        text.push_str(" (");
        text.push_str(&r.id);
        text.push(')');
    })
}

fn bullets(items: &[String]) -> String {
    lines_of(items, |text, item| {
        text.push_str("• ");
        text.push_str(item);
    })
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
    let mut text = year_range(t.min, t.max);
    match &t.source {
        Some(id) => {
            text.push_str(" years (source: ");
            text.push_str(id);
            text.push(')');
        }
        None => text.push_str(" years (estimate)"),
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

fn role_card(out: &mut dyn Write, card: &RoleCard, style: &Style) -> anyhow::Result<()> {
    heading(out, &format!("{} ({})", card.title, card.id), style)?;
    let titles = lines_of(
        &card.titles_by_company_size.entries(),
        |text, (size, title)| {
            text.push_str(size);
            text.push_str(": ");
            text.push_str(title);
        },
    );
    let row = |name: &str, value: String| vec![name.to_owned(), value];
    let rows = vec![
        row("Aliases", or_dash(card.aliases.join(", "))),
        row(
            "Track, level",
            format!("{} ({}), level {}", card.track_name, card.track, card.level),
        ),
        row("Summary", card.summary.clone()),
        row("Responsibilities", bullets(&card.responsibilities)),
        row("Skills", or_dash(card.skills.join(", "))),
        row("Reports to", names(&card.reports_to)),
        row("Direct reports", names(&card.direct_reports)),
        row("Typical tenure", tenure_text(card)),
        row("Leads to", names(&card.next)),
        row("Switches to", names(&card.lateral)),
        row("Reached from", names(&card.previous)),
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
    let header = vec![String::new(), c.a.title.clone(), c.b.title.clone()];
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
        let mut rows = Vec::with_capacity(route.steps.len() + 1);
        rows.push(
            ["#", "Role", "Years in role", "Reached after"]
                .map(str::to_owned)
                .to_vec(),
        );
        let last = route.steps.len().saturating_sub(1);
        for (i, step) in route.steps.iter().enumerate() {
            let mut role = String::with_capacity(step.title.len() + step.id.len() + 16);
            role.push_str(&step.title);
            role.push_str(" (");
            role.push_str(&step.id);
            role.push(')');
            if step.lateral {
                role.push_str(", track switch");
            }
            let mut in_role = year_range(step.tenure.min, step.tenure.max);
            if i == last {
                in_role.insert(0, '(');
                in_role.push(')');
            }
            let reached = if i == 0 {
                "start".to_owned()
            } else {
                let mut reached = range(step.reached_after);
                reached.push_str(" years");
                reached
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

fn list(out: &mut dyn Write, roles: &[RoleRow], style: &Style) -> anyhow::Result<()> {
    let mut rows = Vec::with_capacity(roles.len() + 1);
    rows.push(
        ["Track", "Level", "Id", "Title", "Tenure (years)"]
            .map(str::to_owned)
            .to_vec(),
    );
    for row in roles {
        let tenure = if row.estimate {
            format!("{} (estimate)", year_range(row.tenure.min, row.tenure.max))
        } else {
            year_range(row.tenure.min, row.tenure.max)
        };
        rows.push(vec![
            row.track.clone(),
            row.level.to_string(),
            row.id.clone(),
            row.title.clone(),
            tenure,
        ]);
    }
    let shape = Shape {
        header: true,
        labels: false,
        whole: &[0, 1, 2],
    };
    draw(out, rows, shape, style)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn text_of(table: &Table) -> String {
        let mut out = Vec::new();
        write_table(&mut out, table).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The table drawn from the layout of [`layout::fit`], if it gives one, and as comfy-table
    /// arranges it.
    fn both(rows: &[Vec<String>], shape: Shape, style: &Style) -> (Option<String>, String) {
        let arranged = text_of(&arranged_table(rows.to_vec(), shape, style));
        let fitted = layout::fit(rows.to_vec(), shape.whole, style.width)
            .ok()
            .map(|fitted| text_of(&fitted_table(fitted, shape, style)));
        (fitted, arranged)
    }

    fn style(width: u16, color: bool) -> Style {
        Style {
            color,
            width,
            unicode: true,
        }
    }

    #[test]
    fn a_table_is_written_as_its_display_writes_it() {
        let rows = vec![
            vec!["Key".to_owned(), "A value\nover two lines".to_owned()],
            vec!["Other".to_owned(), "x".repeat(150)],
        ];
        let shape = Shape {
            header: true,
            labels: true,
            whole: &[0],
        };
        let table = arranged_table(rows, shape, &style(60, true));
        assert_eq!(text_of(&table), format!("{table}\n"));
    }

    #[test]
    fn plain_text_is_fitted_here_and_drawn_as_comfy_table_would() {
        let long = "The C-level executive at the top of the product hierarchy, who owns the \
                    product vision, strategy and roadmap and the organization that delivers them.";
        let rows = vec![
            vec![String::new(), "Head of Product".to_owned(), "VP".to_owned()],
            vec![
                "Summary".to_owned(),
                long.to_owned(),
                format!("• {long}\n• {long}"),
            ],
            vec![
                "Id".to_owned(),
                "a-very-long-identifier-".repeat(5),
                "—".to_owned(),
            ],
        ];
        let shape = Shape {
            header: true,
            labels: true,
            whole: &[0],
        };
        for width in [0, 1, 10, 20, 40, 60, 80, 100, 120, 200, 300] {
            for color in [false, true] {
                let (fitted, arranged) = both(&rows, shape, &style(width, color));
                assert_eq!(fitted.as_deref(), Some(arranged.as_str()), "width {width}");
            }
        }
    }

    /// A piece of cell text: words of every kind, runs of spaces, line breaks, and characters
    /// that are wide, zero-width, or change the width of their neighbours.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "[a-z]{1,8}",
            2 => Just(" ".to_owned()),
            1 => Just("  ".to_owned()),
            1 => Just("\n".to_owned()),
            1 => "[a-zA-Z0-9-]{10,40}",
            1 => prop::sample::select(vec![
                "•", "—", "–", "→", "é", "e\u{301}", "漢字", "🙂", "🙂\u{200d}↕\u{fe0f}", "1\u{fe0f}\u{20e3}",
                "\u{fe0f}", "\u{200d}", "\u{200b}", "\t", "\r", "ﻻ", "ل\u{200d}ا", "🇫🇷", "漢字漢字漢字漢字漢字",
            ])
            .prop_map(str::to_owned),
        ]
    }

    fn cell() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 0..16).prop_map(|pieces| pieces.concat())
    }

    fn table() -> impl Strategy<Value = (Vec<Vec<String>>, Shape)> {
        (1usize..=5, 1usize..=6).prop_flat_map(|(columns, rows)| {
            let rows = prop::collection::vec(prop::collection::vec(cell(), columns), rows);
            let whole: &'static [usize] = match columns {
                1 => &[],
                2 => &[0],
                3 => &[0],
                4 => &[0, 2, 3],
                _ => &[0, 1, 2],
            };
            (rows, any::<(bool, bool, bool)>()).prop_map(move |(rows, (header, labels, keep))| {
                let shape = Shape {
                    header,
                    labels,
                    whole: if keep { whole } else { &[] },
                };
                (rows, shape)
            })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

        #[test]
        fn a_fitted_table_is_drawn_as_comfy_table_arranges_it(
            (rows, shape) in table(),
            width in prop_oneof![0u16..30, 30u16..130, Just(200u16)],
            color: bool,
        ) {
            let (fitted, arranged) = both(&rows, shape, &style(width, color));
            if let Some(fitted) = fitted {
                prop_assert_eq!(fitted, arranged);
            }
        }

        /// Falling back is for text comfy-table cuts by graphemes, or a cell of nothing but spaces
        /// wider than its column (comfy-table leaves it no line at all).
        #[test]
        fn plain_ascii_is_always_fitted(
            rows in prop::collection::vec(prop::collection::vec("[a-z]([a-z ]{0,58}[a-z])?", 3), 1..6),
            width in 0u16..130,
        ) {
            let shape = Shape { header: true, labels: true, whole: &[0] };
            let (fitted, arranged) = both(&rows, shape, &style(width, false));
            prop_assert_eq!(fitted, Some(arranged));
        }
    }
}
