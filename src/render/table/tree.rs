//! The reporting tree drawn for people: box-drawing characters, or ASCII when [`Style::unicode`]
//! is off; long names wrap under themselves so every line fits the width.

use std::io::Write;

use crate::commands::tree::{Tree, TreeRole};
use crate::render::Style;
use crate::render::prose::{self, one_line, wrap, wrapped};

/// The pieces a tree is drawn with.
struct Pen {
    branch: &'static str,
    last: &'static str,
    through: &'static str,
    blank: &'static str,
    /// Under a wrapped name whose role has reports: the start of the line down to them.
    stem: &'static str,
    /// In place of the levels of indentation that do not fit the width.
    deeper: &'static str,
}

const UNICODE: Pen = Pen {
    branch: "├── ",
    last: "└── ",
    through: "│   ",
    blank: "    ",
    stem: "│ ",
    deeper: "…   ",
};

const ASCII: Pen = Pen {
    branch: "|-- ",
    last: "`-- ",
    through: "|   ",
    blank: "    ",
    stem: "| ",
    deeper: "... ",
};

/// Columns left for a name, at least, however deep the role.
const NAME: usize = 24;

pub fn render(out: &mut dyn Write, tree: &Tree, style: &Style) -> anyhow::Result<()> {
    let pen = if style.unicode { &UNICODE } else { &ASCII };
    let width = usize::from(style.width);
    // Levels of indentation drawn in full (four columns each); deeper lines show the last of
    // them after `deeper`, so a line never grows with depth beyond the width.
    let levels = (width.saturating_sub(NAME + 4) / 4).max(2);
    let mut text = String::new();
    // For each level above the role being drawn: whether the role there was the last under its
    // boss (no line continues down past it).
    let mut lasts: Vec<bool> = Vec::new();
    for role in &tree.roles {
        lasts.truncate(role.depth.saturating_sub(1));
        let mut indent = String::new();
        let shown = lasts.len().min(levels - 1);
        if shown < lasts.len() {
            indent.push_str(pen.deeper);
        }
        for &last in lasts.iter().skip(lasts.len() - shown) {
            indent.push_str(if last { pen.blank } else { pen.through });
        }
        let (lead, continuation) = if role.depth == 0 {
            (String::new(), String::new())
        } else {
            let (branch, rest) = if role.last {
                (pen.last, pen.blank)
            } else {
                (pen.branch, pen.through)
            };
            // Wrapped lines of a role sit under its name, indented a little, beside the line
            // down to its own reports when it has some.
            let under = if role.direct_reports.is_empty() {
                "  "
            } else {
                pen.stem
            };
            (
                format!("{indent}{branch}"),
                format!("{indent}{rest}{under}"),
            )
        };
        if role.depth > 0 {
            lasts.push(role.last);
        }
        let mark = if role.see_above { " (see above)" } else { "" };
        let name = format!("{} ({}){mark}", one_line(&role.title), role.id);
        let used = prose::width(&lead).max(prose::width(&continuation));
        let room = width.saturating_sub(used).max(16);
        for (n, part) in wrap(&name, room).into_iter().enumerate() {
            text.push_str(if n == 0 { &lead } else { &continuation });
            text.push_str(&paint(&part, role, style));
            text.push('\n');
        }
    }
    out.write_all(text.as_bytes())?;
    let roots = tree.roles.iter().filter(|r| r.depth == 0).count();
    if roots > 1 {
        let line = format!(
            "{roots} roles report to no role in the catalogue; each starts a tree of its own."
        );
        write!(out, "{}", wrapped(&line, style.width))?;
    }
    if tree.has_repeats() {
        write!(
            out,
            "{}",
            wrapped(
                "(see above): the role reports to several bosses and is shown in full under the \
                 first. Several bosses usually mean that the catalogue describes several company \
                 shapes at once: this tree shows them all together.",
                style.width
            )
        )?;
    }
    Ok(())
}

/// Colour, when on: repeats dimmed, roles at the top in bold.
fn paint(text: &str, node: &TreeRole, style: &Style) -> String {
    if !style.color {
        text.to_owned()
    } else if node.see_above {
        format!("\x1b[2m{text}\x1b[0m")
    } else if !node.direct_reports.is_empty() {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(id: &str, depth: usize, reports: &[&str], last: bool) -> TreeRole {
        TreeRole {
            id: id.into(),
            title: format!("Title of {id}"),
            track: "ic".into(),
            level: "L1".into(),
            depth,
            see_above: false,
            direct_reports: reports.iter().map(|r| (*r).to_owned()).collect(),
            last,
        }
    }

    fn draw(tree: &Tree, unicode: bool, width: u16) -> String {
        let style = Style {
            color: false,
            width,
            unicode,
            ascii: !unicode,
        };
        let mut out = Vec::new();
        render(&mut out, tree, &style).expect("draws");
        String::from_utf8(out).expect("UTF-8")
    }

    fn sample() -> Tree {
        let mut repeat = role("a", 2, &[], true);
        repeat.see_above = true;
        Tree {
            roles: vec![
                role("top", 0, &["a", "c"], true),
                role("a", 1, &["b"], false),
                role("b", 2, &[], true),
                role("c", 1, &["a"], true),
                repeat,
            ],
        }
    }

    #[test]
    fn branches_are_drawn_with_box_characters_or_ascii() {
        let expected = [
            "Title of top (top)",
            "├── Title of a (a)",
            "│   └── Title of b (b)",
            "└── Title of c (c)",
            "    └── Title of a (a) (see above)",
            "(see above): the role reports to several bosses and is shown in full under the",
            "first. Several bosses usually mean that the catalogue describes several company",
            "shapes at once: this tree shows them all together.",
        ];
        assert_eq!(draw(&sample(), true, 80), expected.join("\n") + "\n");
        let plain = draw(&sample(), false, 80);
        assert!(plain.is_ascii());
        assert!(plain.contains("|-- Title of a (a)\n|   `-- Title of b (b)\n`-- Title of c (c)"));
    }

    #[test]
    fn long_names_wrap_under_themselves_within_the_width() {
        let text = draw(&sample(), true, 22);
        for line in text.lines() {
            assert!(prose::width(line) <= 22, "{line}");
        }
        assert!(
            text.contains("    └── Title of a (a)\n          (see above)\n"),
            "{text}"
        );
    }

    #[test]
    fn a_deep_line_is_indented_no_further_than_the_width() {
        let roles = (0..500)
            .map(|depth| role(&format!("r{depth}"), depth, &[], true))
            .collect();
        let text = draw(&Tree { roles }, true, 60);
        for line in text.lines() {
            assert!(prose::width(line) <= 60, "{line}");
        }
        let last = text.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("…   ") && last.ends_with("└── Title of r499 (r499)"),
            "{text}"
        );
    }
}
