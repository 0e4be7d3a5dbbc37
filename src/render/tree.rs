//! The reporting tree drawn for people: box-drawing characters, or ASCII when [`Style::unicode`]
//! is off; long names wrap under themselves so every line fits the width.

use std::io::Write;

use super::Style;
use super::prose::wrap;
use crate::commands::tree::{Tree, TreeNode};

/// The pieces a tree is drawn with.
struct Pen {
    branch: &'static str,
    last: &'static str,
    through: &'static str,
    blank: &'static str,
    /// Under a wrapped name whose role has reports: the start of the line down to them.
    stem: &'static str,
}

const UNICODE: Pen = Pen {
    branch: "├── ",
    last: "└── ",
    through: "│   ",
    blank: "    ",
    stem: "│ ",
};

const ASCII: Pen = Pen {
    branch: "|-- ",
    last: "`-- ",
    through: "|   ",
    blank: "    ",
    stem: "| ",
};

pub fn render(out: &mut dyn Write, tree: &Tree, style: &Style) -> anyhow::Result<()> {
    let pen = if style.unicode { &UNICODE } else { &ASCII };
    let mut lines = Vec::new();
    for root in &tree.roots {
        draw(&mut lines, root, "", "", "", pen, style);
    }
    for line in lines {
        writeln!(out, "{line}")?;
    }
    if tree.roots.iter().any(has_repeats) {
        write!(
            out,
            "{}",
            super::prose::wrapped(
                "(see above): the role reports to several bosses and is shown in full under the first.",
                style.width
            )
        )?;
    }
    Ok(())
}

fn has_repeats(node: &TreeNode) -> bool {
    node.see_above || node.direct_reports.iter().any(has_repeats)
}

/// Draws `node` after `lead` (the branch into it) and its reports after `indent`.
fn draw(
    lines: &mut Vec<String>,
    node: &TreeNode,
    lead: &str,
    continuation: &str,
    indent: &str,
    pen: &Pen,
    style: &Style,
) {
    let mark = if node.see_above { " (see above)" } else { "" };
    let text = format!("{} ({}){mark}", node.title, node.id);
    let used = lead.chars().count().max(continuation.chars().count());
    let room = usize::from(style.width).saturating_sub(used).max(16);
    for (n, part) in wrap(&text, room).into_iter().enumerate() {
        let prefix = if n == 0 { lead } else { continuation };
        lines.push(format!("{prefix}{}", paint(&part, node, style)));
    }
    let count = node.direct_reports.len();
    for (i, child) in node.direct_reports.iter().enumerate() {
        let is_last = i + 1 == count;
        let (branch, rest) = if is_last {
            (pen.last, pen.blank)
        } else {
            (pen.branch, pen.through)
        };
        let child_indent = format!("{indent}{rest}");
        // Wrapped lines of the child sit under its name, indented a little, beside the line
        // down to its own reports when it has some.
        let under = if child.direct_reports.is_empty() {
            "  "
        } else {
            pen.stem
        };
        draw(
            lines,
            child,
            &format!("{indent}{branch}"),
            &format!("{child_indent}{under}"),
            &child_indent,
            pen,
            style,
        );
    }
}

/// Colour, when on: repeats dimmed, roles at the top in bold.
fn paint(text: &str, node: &TreeNode, style: &Style) -> String {
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
    use crate::commands::tree::TreeNode;

    fn role(id: &str, reports: Vec<TreeNode>) -> TreeNode {
        TreeNode {
            id: id.into(),
            title: format!("Title of {id}"),
            track: "ic".into(),
            level: 1,
            see_above: false,
            direct_reports: reports,
        }
    }

    fn draw(tree: &Tree, unicode: bool, width: u16) -> String {
        let style = Style {
            color: false,
            width,
            unicode,
        };
        let mut out = Vec::new();
        render(&mut out, tree, &style).expect("draws");
        String::from_utf8(out).expect("UTF-8")
    }

    fn sample() -> Tree {
        let mut repeat = role("a", vec![]);
        repeat.see_above = true;
        Tree {
            roots: vec![role(
                "top",
                vec![role("a", vec![role("b", vec![])]), role("c", vec![repeat])],
            )],
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
            "first.",
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
            assert!(line.chars().count() <= 22, "{line}");
        }
        assert!(
            text.contains("    └── Title of a (a)\n          (see above)\n"),
            "{text}"
        );
    }
}
