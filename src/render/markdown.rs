//! Markdown output: GitHub-flavoured tables (pipes escaped, line breaks as `<br>`), for pasting
//! into issues, wikis and READMEs.

use std::io::Write;

use super::{RoleText, Style, compare_rows, year_range};
use crate::commands::View;
use crate::commands::compare::Comparison;
use crate::commands::list::RoleRow;
use crate::commands::path::Routes;
use crate::commands::search::{Found, occurrences};
use crate::commands::show::RoleCard;
use crate::commands::tree::Tree;
use crate::commands::{RoleRef, Years};

pub fn render(out: &mut dyn Write, view: &View, _style: &Style) -> anyhow::Result<()> {
    match view {
        View::Role(card) => role_card(out, card),
        View::Comparison(c) => compare(out, c),
        View::Routes(routes) => path(out, routes),
        View::Roles(rows) => list(out, rows),
        View::Found(found) => search(out, found),
        View::Tree(tree) => tree_list(out, tree),
    }
}

/// A table cell: pipes escaped, line breaks as `<br>`, and never empty (GitHub drops rows whose
/// cells are all blank).
pub fn cell(text: &str) -> String {
    let text = text
        .trim()
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('\t', " ")
        .replace('\r', "")
        .replace('\n', "<br>");
    if text.is_empty() {
        "—".to_owned()
    } else {
        text
    }
}

/// Text outside a table (a heading, a list item): on one line, with the characters Markdown
/// would read as markup escaped.
pub fn inline(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in super::prose::one_line(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

fn row(out: &mut dyn Write, cells: &[String]) -> anyhow::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))?;
    Ok(())
}

fn table_head(out: &mut dyn Write, names: &[&str]) -> anyhow::Result<()> {
    row(out, &names.iter().map(|n| cell(n)).collect::<Vec<_>>())?;
    row(out, &vec!["---".to_owned(); names.len()])
}

fn names(refs: &[RoleRef]) -> String {
    refs.iter()
        .map(|r| format!("{} (`{}`)", r.title, r.id))
        .collect::<Vec<_>>()
        .join("\n")
}

fn bullets(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("• {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn tenure(card: &RoleCard) -> String {
    let basis = match &card.tenure.source {
        Some(id) => format!("source: {id}"),
        None => "estimate".to_owned(),
    };
    format!(
        "{} ({basis})",
        years(Years {
            min: card.tenure.min,
            max: card.tenure.max
        })
    )
}

fn range(y: Years) -> String {
    year_range(y.min, y.max)
}

/// A range of years and the word: "1 year", "2–4 years".
fn years(y: Years) -> String {
    let range = range(y);
    let word = if range == "1" { "year" } else { "years" };
    format!("{range} {word}")
}

fn role_card(out: &mut dyn Write, card: &RoleCard) -> anyhow::Result<()> {
    writeln!(out, "## {} (`{}`)\n", inline(&card.title), card.id)?;
    table_head(out, &["", ""])?;
    let titles = card
        .titles_by_company_size
        .entries()
        .iter()
        .map(|(size, title)| format!("{size}: {title}"))
        .collect::<Vec<_>>()
        .join("\n");
    let sources = card
        .sources
        .iter()
        .map(|s| match &s.url {
            Some(url) => format!("[{}]({url})", s.title),
            None => s.title.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let rows = [
        ("Aliases", card.aliases.join(", ")),
        (
            "Track, level",
            format!("{} ({}), level {}", card.track_name, card.track, card.level),
        ),
        ("Summary", card.summary.clone()),
        ("Responsibilities", bullets(&card.responsibilities)),
        ("Skills", card.skills.join(", ")),
        ("Reports to", names(&card.reports_to)),
        ("Direct reports", names(&card.direct_reports)),
        ("Typical tenure", tenure(card)),
        ("Leads to", names(&card.next)),
        ("Switches to", names(&card.lateral)),
        ("Reached from", names(&card.previous)),
        ("Titles by size", titles),
        ("Sources", sources),
    ];
    for (name, value) in rows {
        row(out, &[format!("**{name}**"), cell(&value)])?;
    }
    Ok(())
}

fn compare(out: &mut dyn Write, c: &Comparison) -> anyhow::Result<()> {
    writeln!(
        out,
        "## {} (`{}`) and {} (`{}`)\n",
        inline(&c.a.title),
        c.a.id,
        inline(&c.b.title),
        c.b.id
    )?;
    table_head(out, &["", &c.a.title, &c.b.title])?;
    let text = RoleText {
        id: &|id| format!("`{id}`"),
        names: &names,
        tenure: &tenure,
    };
    let mut rows = compare_rows(c, &text);
    rows.extend([
        (
            "Responsibilities (only this role)",
            (
                bullets(&c.only_a.responsibilities),
                bullets(&c.only_b.responsibilities),
            ),
        ),
        (
            "Skills (only this role)",
            (c.only_a.skills.join(", "), c.only_b.skills.join(", ")),
        ),
        (
            "Shared responsibilities",
            (
                bullets(&c.shared.responsibilities),
                bullets(&c.shared.responsibilities),
            ),
        ),
        (
            "Shared skills",
            (c.shared.skills.join(", "), c.shared.skills.join(", ")),
        ),
    ]);
    for (name, (a, b)) in rows {
        row(out, &[format!("**{name}**"), cell(&a), cell(&b)])?;
    }
    if let Some(step) = &c.step {
        writeln!(
            out,
            "\nFrom `{}` to `{}`: {}, typically {}.",
            step.from,
            step.to,
            step.reach(),
            years(step.years)
        )?;
    }
    Ok(())
}

fn path(out: &mut dyn Write, r: &Routes) -> anyhow::Result<()> {
    for (n, route) in r.routes.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let label = super::route_label(r, n);
        writeln!(
            out,
            "## {label}{} → {}: typically {}\n",
            inline(&r.from.title),
            inline(&r.to.title),
            years(route.total)
        )?;
        table_head(out, &["#", "Role", "Years in role", "Reached after"])?;
        let last = route.steps.len().saturating_sub(1);
        for (i, step) in route.steps.iter().enumerate() {
            let role = if step.lateral {
                format!("{} (`{}`), track switch", step.title, step.id)
            } else {
                format!("{} (`{}`)", step.title, step.id)
            };
            let in_role = if i == last {
                format!("({})", range(step.tenure))
            } else {
                range(step.tenure)
            };
            let reached = if i == 0 {
                "start".to_owned()
            } else {
                years(step.reached_after)
            };
            row(
                out,
                &[(i + 1).to_string(), cell(&role), cell(&in_role), reached],
            )?;
        }
    }
    Ok(())
}

fn list(out: &mut dyn Write, rows: &[RoleRow]) -> anyhow::Result<()> {
    table_head(out, &["Track", "Level", "Id", "Title", "Tenure (years)"])?;
    for r in rows {
        let tenure = if r.estimate {
            format!("{} (estimate)", range(r.tenure))
        } else {
            range(r.tenure)
        };
        row(
            out,
            &[
                cell(&r.track),
                r.level.to_string(),
                format!("`{}`", r.id),
                cell(&r.title),
                tenure,
            ],
        )?;
    }
    Ok(())
}

fn search(out: &mut dyn Write, found: &Found) -> anyhow::Result<()> {
    table_head(out, &["Role", "Where", "Text"])?;
    for hit in &found.hits {
        for m in &hit.matches {
            let mut text = String::new();
            let mut at = 0;
            for range in occurrences(&m.text, &found.text) {
                text.push_str(&m.text[at..range.start]);
                text.push_str(&format!("**{}**", &m.text[range.clone()]));
                at = range.end;
            }
            text.push_str(&m.text[at..]);
            row(
                out,
                &[
                    cell(&format!("{} (`{}`)", hit.title, hit.id)),
                    m.field.to_owned(),
                    cell(&text),
                ],
            )?;
        }
    }
    Ok(())
}

/// The tree as a nested list. Markdown nests by indentation, so nesting stops at
/// [`DEEPEST`] levels (deeper roles say how deep they are) and the text grows with the roles,
/// not with their depth squared.
fn tree_list(out: &mut dyn Write, tree: &Tree) -> anyhow::Result<()> {
    let mut text = String::new();
    for role in &tree.roles {
        let indent = role.depth.min(DEEPEST);
        text.extend(std::iter::repeat_n("  ", indent));
        text.push_str("- ");
        if role.depth > indent {
            text.push_str(&format!("(level {} of the tree) ", role.depth + 1));
        }
        text.push_str(&format!("{} (`{}`)", inline(&role.title), role.id));
        if role.see_above {
            text.push_str(" (see above)");
        }
        text.push('\n');
    }
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// The deepest nesting of the tree's Markdown list.
const DEEPEST: usize = 32;
