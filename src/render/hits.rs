//! Search hits drawn for people: each role found, then the lines that mention the text, the
//! match highlighted when colour is on; wrapped to the width.

use std::io::Write;

use super::Style;
use super::prose::wrap;
use crate::commands::search::{Found, occurrences};

/// Width of the field column (`responsibility` is the longest name).
const FIELD: usize = 16;

pub fn render(out: &mut dyn Write, found: &Found, style: &Style) -> anyhow::Result<()> {
    let lines: usize = found.hits.iter().map(|h| h.matches.len()).sum();
    for (n, hit) in found.hits.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let heading = format!(
            "{} ({}) · {}, level {}",
            hit.title, hit.id, hit.track, hit.level
        );
        for line in wrap(&heading, usize::from(style.width)) {
            if style.color {
                writeln!(out, "\x1b[1m{line}\x1b[0m")?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
        let room = usize::from(style.width).saturating_sub(FIELD + 2).max(20);
        for m in &hit.matches {
            for (i, line) in wrap(&m.text, room).into_iter().enumerate() {
                let field = if i == 0 { m.field } else { "" };
                let text = highlight(&line, &found.text, style);
                writeln!(out, "  {field:<width$}{text}", width = FIELD)?;
            }
        }
    }
    writeln!(
        out,
        "\n{} role{} and {lines} line{} mention '{}'.",
        found.hits.len(),
        if found.hits.len() == 1 { "" } else { "s" },
        if lines == 1 { "" } else { "s" },
        crate::message::echo(&found.text)
    )?;
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
        painted.push_str(&line[at..range.start]);
        painted.push_str("\x1b[1;33m");
        painted.push_str(&line[range.clone()]);
        painted.push_str("\x1b[0m");
        at = range.end;
    }
    painted.push_str(&line[at..]);
    painted
}
