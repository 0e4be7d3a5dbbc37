//! `search TEXT` for people: each role found, then the lines that mention the text (an
//! expectation with its competency area), the match highlighted when colour is on; every line
//! wrapped to the width.

use std::io::Write;

use super::{heading, marks, plural};
use crate::commands::search::{Found, occurrences};
use crate::render::Style;
use crate::render::prose::{one_line, wrap, wrapped};

/// Width of the field column (`responsibility` is the longest name).
const FIELD: usize = 16;

pub fn render(out: &mut dyn Write, found: &Found, style: &Style) -> anyhow::Result<()> {
    let lines: usize = found.hits.iter().map(|h| h.matches.len()).sum();
    let room = usize::from(style.width).saturating_sub(FIELD + 2);
    for (n, hit) in found.hits.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let title = format!(
            "{} ({}) {} {}, level {}",
            hit.title,
            hit.id,
            marks(style).dot,
            hit.track,
            hit.level
        );
        heading(out, &title, style)?;
        for m in &hit.matches {
            // An expectation names its competency area.
            let text = match &m.area {
                Some(area) => format!("{}: {}", one_line(area), one_line(&m.text)),
                None => one_line(&m.text),
            };
            for (i, line) in wrap(&text, room).into_iter().enumerate() {
                let field = if i == 0 { m.field } else { "" };
                let text = highlight(&line, &found.text, style);
                writeln!(out, "  {field:<width$}{text}", width = FIELD)?;
            }
        }
    }
    let count = found.hits.len();
    let summary = format!(
        "{count} role{} and {lines} line{} found for '{}'.",
        plural(count),
        plural(lines),
        crate::message::echo(&found.text)
    );
    write!(out, "\n{}", wrapped(&summary, style.width))?;
    Ok(())
}

/// The line with each occurrence of `text` in bold yellow, when colour is on.
fn highlight(line: &str, text: &str, style: &Style) -> String {
    if !style.color {
        return line.to_owned();
    }
    let mut painted = String::new();
    let mut at = 0;
    for range in occurrences(line, text) {
        let (Some(before), Some(hit)) = (line.get(at..range.start), line.get(range.clone())) else {
            break;
        };
        painted.push_str(before);
        painted.push_str("\x1b[1;33m");
        painted.push_str(hit);
        painted.push_str("\x1b[0m");
        at = range.end;
    }
    painted.push_str(line.get(at..).unwrap_or_default());
    painted
}
