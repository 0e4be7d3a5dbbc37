//! The `table` format, for people: each view's text in its own file, and here what they share:
//! tables laid out by comfy-table within the width, headings, and the punctuation of `--ascii`.

mod compare;
pub use compare::area_cells;
mod gap;
pub use gap::{at_is_news, change_text, direction_text, proficiency_text, route_line};
mod list;
mod path;
pub use path::{figure_short, total_short};
mod search;
mod show;
pub mod timeline;
mod tree;

use std::io::Write;

use comfy_table::{
    Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets,
};

use super::Style;
use super::prose::{self, one_line};
use crate::commands::{RoleRef, View};

pub fn render(out: &mut dyn Write, view: &View, style: &Style) -> anyhow::Result<()> {
    match view {
        View::Role(card) => show::render(out, card, style),
        View::Comparison(comparison) => compare::render(out, comparison, style),
        View::Gap(g) => gap::render(out, g, style),
        View::Routes(routes) => path::render(out, routes, style),
        View::Roles(rows) => list::render(out, rows, style),
        View::Found(found) => search::render(out, found, style),
        View::Tree(tree) => tree::render(out, tree, style),
    }
}

/// The punctuation of text output: typographic, or plain ASCII under `--ascii`.
pub struct Marks {
    /// An empty cell.
    pub none: &'static str,
    pub bullet: &'static str,
    /// Between the ends of a range of years.
    pub range: &'static str,
    pub arrow: &'static str,
    pub dot: &'static str,
}

const TYPOGRAPHIC: Marks = Marks {
    none: "—",
    bullet: "•",
    range: "–",
    arrow: "→",
    dot: "·",
};

const ASCII: Marks = Marks {
    none: "-",
    bullet: "*",
    range: "-",
    arrow: "->",
    dot: "-",
};

pub fn marks(style: &Style) -> &'static Marks {
    if style.ascii { &ASCII } else { &TYPOGRAPHIC }
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The shape of a table, apart from its text.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// The first row is the header.
    pub header: bool,
    /// The first column names what each row holds: drawn in colour when colour is on.
    pub labels: bool,
    /// Columns that hold ids and numbers: wrapped only when the table cannot fit otherwise.
    pub whole: &'static [usize],
}

/// The widest a label column grows before its labels wrap.
const LABEL_WIDTH: usize = 22;

/// Draws rows of cells (a cell's lines joined by `\n`) as a table no wider than the width:
/// comfy-table lays it out, each column kept at least as wide as its longest word (its longest
/// line for `whole` columns) while they all fit, and otherwise at a fair share of the width.
pub fn draw(
    out: &mut dyn Write,
    rows: Vec<Vec<String>>,
    shape: Shape,
    style: &Style,
) -> anyhow::Result<()> {
    // Tabs and other control characters would be measured as nothing and drawn as something:
    // spaces instead; line breaks stay.
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|row| row.iter().map(|text| cell_text(text)).collect())
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    // Each column takes one border and two of padding; the table one more border.
    let room = usize::from(style.width).saturating_sub(3 * columns + 1);
    // Per column: the widest line, and the least width that keeps every word whole.
    let mut natural = vec![0usize; columns];
    let mut least = vec![0usize; columns];
    for (n, row) in rows.iter().enumerate() {
        let header = n == 0 && shape.header;
        for (ix, text) in row.iter().enumerate() {
            let widest = text.lines().map(prose::width).max().unwrap_or(0);
            let word = if shape.whole.contains(&ix) && !header {
                widest
            } else {
                text.split_whitespace().map(prose::width).max().unwrap_or(0)
            };
            if let (Some(natural), Some(least)) = (natural.get_mut(ix), least.get_mut(ix)) {
                *natural = (*natural).max(widest);
                *least = (*least).max(word);
            }
        }
    }
    let widths = widths(&natural, &least, room);
    let mut table = new_table(style);
    let mut rows = rows.into_iter();
    if shape.header
        && let Some(row) = rows.next()
    {
        table.set_header(row.into_iter().map(|text| header(text, style)));
    }
    for row in rows {
        let cells = row.into_iter().enumerate().map(|(ix, text)| {
            if ix == 0 && shape.labels {
                key(text, style)
            } else {
                Cell::new(text)
            }
        });
        table.add_row(cells);
    }
    // comfy-table's own arrangement, ids and numbers unwrapped, when it keeps every word whole
    // within the width; the widths worked out here when it would cut words or overflow.
    for &ix in shape.whole {
        if let Some(column) = table.column_mut(ix) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    // Labels are short but for the odd long one (a competency's name): they wrap past
    // `LABEL_WIDTH` rather than take the room of the text they label.
    if shape.labels
        && let (Some(column), Some(&least)) = (table.column_mut(0), least.first())
    {
        let width = u16::try_from(least.max(LABEL_WIDTH) + 2).unwrap_or(u16::MAX);
        column.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(width)));
    }
    let arranged: Vec<String> = table.lines().collect();
    let kept_whole = arranged.first().is_some_and(|top| {
        let inner: Vec<char> = top.chars().collect();
        let inner = inner
            .get(1..inner.len().saturating_sub(1))
            .unwrap_or_default();
        let drawn: Vec<usize> = inner
            .split(|c| matches!(c, '┬' | '+'))
            .map(|column| column.len().saturating_sub(2))
            .collect();
        prose::width(top) <= usize::from(style.width)
            && drawn.len() == least.len()
            && drawn
                .iter()
                .zip(&least)
                .all(|(drawn, least)| drawn >= least)
    });
    let lines = match widths {
        Some(widths) if !kept_whole => {
            for (column, width) in table.column_iter_mut().zip(widths) {
                // A width constraint counts the padding, one column on each side.
                let width = u16::try_from(width + 2).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(width)));
            }
            table.lines().collect()
        }
        _ => arranged,
    };
    let mut text = String::new();
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// The width of each column when the table is wider than `room` as it is, or `None` when it
/// fits. Each column gets the least width that keeps its words whole (the widest giving way when
/// even those do not fit), and what room is left goes to the columns that would wrap. comfy-table then wraps the text to these widths: its
/// own arrangement fixes a column with a lower bound at that bound and leaves the rest of the
/// width unused, and without a bound it narrows columns to a letter (F18).
fn widths(natural: &[usize], least: &[usize], room: usize) -> Option<Vec<usize>> {
    if natural.iter().sum::<usize>() <= room {
        return None;
    }
    let mut widths = least.to_vec();
    // Too narrow for every word: the widest columns give way, a column at a time.
    while widths.iter().sum::<usize>() > room {
        let Some(widest) = widths.iter_mut().max() else {
            break;
        };
        if *widest <= 3 {
            break;
        }
        *widest -= 1;
    }
    // The rest of the room to the columns that would wrap, those that lack least first, so
    // that as many as can be are drawn whole.
    let mut left = room.saturating_sub(widths.iter().sum());
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by_key(|&ix| {
        natural
            .get(ix)
            .copied()
            .unwrap_or(0)
            .saturating_sub(widths.get(ix).copied().unwrap_or(0))
    });
    for ix in order {
        if let (Some(width), Some(natural)) = (widths.get_mut(ix), natural.get(ix)) {
            let more = natural.saturating_sub(*width).min(left);
            *width += more;
            left -= more;
        }
    }
    Some(widths)
}

/// The text of a cell: each of its lines on one line.
fn cell_text(text: &str) -> String {
    text.split('\n')
        .map(one_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table with the project's look, fitted to the width.
fn new_table(style: &Style) -> Table {
    let mut table = Table::new();
    if style.ascii {
        table.load_style(presets::ASCII_FULL_CONDENSED);
    } else {
        table.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
    }
    table
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        table.enforce_styling();
    }
    table
}

fn header(text: String, style: &Style) -> Cell {
    let cell = Cell::new(text);
    if style.color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

fn key(text: String, style: &Style) -> Cell {
    let cell = Cell::new(text);
    if style.color {
        cell.fg(Color::Cyan)
    } else {
        cell
    }
}

/// A line above a table: the title of what follows, on one line of text wrapped to the width.
pub fn heading(out: &mut dyn Write, text: &str, style: &Style) -> anyhow::Result<()> {
    for text in prose::wrap(&one_line(text), usize::from(style.width)) {
        if style.color {
            writeln!(out, "\x1b[1m{text}\x1b[0m")?;
        } else {
            writeln!(out, "{text}")?;
        }
    }
    Ok(())
}

/// One line for each item, put together by `line`; a dash for none.
pub fn lines_of<T>(items: &[T], style: &Style, line: impl Fn(&mut String, &T)) -> String {
    if items.is_empty() {
        return marks(style).none.to_owned();
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

/// Roles, one a line: `Title (id)`.
pub fn names(refs: &[RoleRef], style: &Style) -> String {
    lines_of(refs, style, |text, r| {
        text.push_str(&one_line(&r.title));
        text.push_str(" (");
        text.push_str(&r.id);
        text.push(')');
    })
}

pub fn bullets(items: &[String], style: &Style) -> String {
    lines_of(items, style, |text, item| {
        text.push_str(marks(style).bullet);
        text.push(' ');
        text.push_str(&one_line(item));
    })
}

/// `text`, or a dash when it is empty.
pub fn or_dash(text: String, style: &Style) -> String {
    if text.is_empty() {
        marks(style).none.to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(width: u16, ascii: bool) -> Style {
        Style {
            color: false,
            width,
            unicode: !ascii,
            ascii,
        }
    }

    fn table(rows: Vec<Vec<String>>, shape: Shape, style: &Style) -> String {
        let mut out = Vec::new();
        draw(&mut out, rows, shape, style).expect("draws");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn a_table_fits_the_width_and_keeps_words_whole_when_they_fit() {
        let long = "The C-level executive at the top of the product hierarchy, who owns the \
                    product vision, strategy and roadmap and the organization that delivers them.";
        let rows = vec![
            vec!["#".to_owned(), "Role".to_owned(), "Years".to_owned()],
            vec!["1".to_owned(), long.to_owned(), "2–4".to_owned()],
            vec![
                "2".to_owned(),
                "製品マネージャー 🙂🙂".to_owned(),
                "10–17".to_owned(),
            ],
        ];
        let shape = Shape {
            header: true,
            labels: false,
            whole: &[0, 2],
        };
        for width in [40, 45, 50, 60, 80, 100] {
            let text = table(rows.clone(), shape, &style(width, false));
            for line in text.lines() {
                assert!(prose::width(line) <= usize::from(width), "{width}: {line}");
            }
            assert!(text.contains("executive"), "{text}");
            assert!(text.contains("10–17"), "{text}");
        }
    }

    #[test]
    fn ascii_tables_have_no_box_drawing() {
        let rows = vec![vec!["a".to_owned(), "b".to_owned()]];
        let shape = Shape {
            header: false,
            labels: true,
            whole: &[0],
        };
        let text = table(rows, shape, &style(40, true));
        assert!(text.is_ascii(), "{text}");
        let dash = |ascii| marks(&style(40, ascii)).range;
        let figure_years = crate::render::figure_years;
        assert_eq!(figure_years(1.0, Some(2.0), dash(true)), "1-2 years");
        assert_eq!(figure_years(1.0, Some(1.0), dash(true)), "1 year");
        assert_eq!(figure_years(1.0, Some(2.0), dash(false)), "1–2 years");
    }
}
