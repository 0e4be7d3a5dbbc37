//! Markdown output: GitHub-flavoured tables (pipes escaped, line breaks as `<br>`), for pasting
//! into issues, wikis and READMEs.

use std::io::Write;

use super::table::{
    area_cells, at_is_news, change_text, direction_text, figure_short, proficiency_text,
    route_line, total_short,
};
use super::{RoleText, Style, compare_rows, expectation_parts, figure_text, total_text};
use crate::commands::compare::Comparison;
use crate::commands::gap::Gap;
use crate::commands::list::Listing;
use crate::commands::path::Routes;
use crate::commands::search::{Found, occurrences};
use crate::commands::show::RoleCard;
use crate::commands::tree::Tree;
use crate::commands::{FigureView, RoleRef, View};

pub fn render(out: &mut dyn Write, view: &View, _style: &Style) -> anyhow::Result<()> {
    match view {
        View::Role(card) => role_card(out, card),
        View::Comparison(c) => compare(out, c),
        View::Gap(g) => gap(out, g),
        View::Routes(routes) => path(out, routes),
        View::Roles(listing) => list(out, listing),
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

/// A figure in full, with its note on the next line.
fn figure(f: &FigureView) -> String {
    let mut text = figure_text(f, "–");
    if let Some(note) = &f.note {
        text.push('\n');
        text.push_str(note);
    }
    text
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
    let moves = card
        .moves
        .iter()
        .map(|m| {
            let mut text = format!("{} (`{}`), {}", m.to.title, m.to.id, m.kind);
            if let Some(condition) = &m.condition {
                text.push_str("; if: ");
                text.push_str(condition);
            }
            if let Some(note) = &m.note {
                text.push_str("; ");
                text.push_str(note);
            }
            if let Some(source) = &m.source {
                text.push_str(&format!(" (source: {source})"));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut rows: Vec<(String, String)> = vec![
        ("Aliases".into(), card.aliases.join(", ")),
        (
            "Track, level".into(),
            format!(
                "{} ({}), {}",
                card.track_name,
                card.track,
                card.level.label()
            ),
        ),
        (
            "About the track".into(),
            card.track_description.clone().unwrap_or_default(),
        ),
        ("About the level".into(), {
            let mut about = card.level_description.clone().unwrap_or_default();
            if !card.level_facts.is_empty() {
                about.push('\n');
                about.push_str(&bullets(&card.level_facts));
            }
            about
        }),
        (
            "Entry role".into(),
            if card.entry {
                "People join this role from outside the ladder.".into()
            } else {
                String::new()
            },
        ),
        ("Summary".into(), card.summary.clone()),
        ("Responsibilities".into(), bullets(&card.responsibilities)),
    ];
    for e in &card.expectations {
        let (mut text, lines) = expectation_parts(card, e, str::to_owned);
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&bullets(&lines));
        rows.push((e.name.clone(), text));
    }
    rows.extend([
        ("Reports to".into(), names(&card.reports_to)),
        ("Direct reports".into(), names(&card.direct_reports)),
        (
            "Years in role".into(),
            card.time
                .in_role
                .as_ref()
                .map_or_else(|| "unknown: no source gives a figure".to_owned(), figure),
        ),
        (
            "Experience at level".into(),
            card.time
                .experience
                .as_ref()
                .map(figure)
                .unwrap_or_default(),
        ),
        ("Moves to".into(), moves),
        ("Reached from".into(), names(&card.previous)),
        ("Titles by size".into(), titles),
        ("Sources".into(), sources),
    ]);
    // Rows that do not apply are left out.
    for (name, value) in rows.into_iter().filter(|(_, v)| !v.trim().is_empty()) {
        row(out, &[format!("**{}**", cell(&name)), cell(&value)])?;
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
        figure: &|f| figure_text(f, "–"),
    };
    let mut rows: Vec<(String, (String, String))> = compare_rows(c, &text)
        .into_iter()
        .map(|(name, sides)| (name.to_owned(), sides))
        .collect();
    let r = &c.responsibilities;
    rows.push((
        "Responsibilities (only this role)".into(),
        (bullets(&r.only_a), bullets(&r.only_b)),
    ));
    rows.push((
        "Shared responsibilities".into(),
        (bullets(&r.shared), bullets(&r.shared)),
    ));
    for area in &c.areas {
        rows.push((area.name.clone(), area_cells(area, "•")));
    }
    for (name, (a, b)) in rows
        .into_iter()
        .filter(|(_, (a, b))| !a.trim().is_empty() || !b.trim().is_empty())
    {
        row(out, &[format!("**{}**", cell(&name)), cell(&a), cell(&b)])?;
    }
    if let Some(step) = &c.step {
        writeln!(
            out,
            "\nFrom `{}` to `{}`: {}; {}.",
            step.from,
            step.to,
            step.reach(),
            total_text(&step.years, "–")
        )?;
    }
    Ok(())
}

fn gap(out: &mut dyn Write, g: &Gap) -> anyhow::Result<()> {
    writeln!(
        out,
        "## From {} (`{}`) to {} (`{}`)\n",
        inline(&g.from.title),
        g.from.id,
        inline(&g.to.title),
        g.to.id
    )?;
    writeln!(out, "{}\n", inline(&direction_text(g)))?;
    if let Some(line) = route_line(g, "→", "–", "") {
        writeln!(out, "{}\n", inline(&line))?;
    }
    if !g.areas.is_empty() {
        table_head(
            out,
            &[
                "Competency",
                &format!("{} (now)", g.from.title),
                &format!("{} (target)", g.to.title),
                "What changes",
            ],
        )?;
        let show_at = at_is_news(g);
        for area in &g.areas {
            row(
                out,
                &[
                    format!("**{}**", cell(&area.name)),
                    cell(&proficiency_text(area.from.as_deref(), &area.scale)),
                    cell(&proficiency_text(area.to.as_deref(), &area.scale)),
                    cell(&change_text(area, "•", show_at)),
                ],
            )?;
        }
        writeln!(out)?;
    }
    table_head(out, &["", &g.from.title, &g.to.title])?;
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
    let rows = [
        ("Track", g.track.from.name.clone(), g.track.to.name.clone()),
        ("Level", g.level.from.label(), g.level.to.label()),
        (
            "Manages people",
            yes_no(g.manages_people.from),
            yes_no(g.manages_people.to),
        ),
        (
            "Reports to",
            names(&g.reports_to.from),
            names(&g.reports_to.to),
        ),
        (
            "Direct reports",
            names(&g.direct_reports.from),
            names(&g.direct_reports.to),
        ),
        (
            "New responsibilities",
            String::new(),
            bullets(&g.new_responsibilities),
        ),
    ];
    for (name, a, b) in rows
        .into_iter()
        .filter(|(_, a, b)| !a.is_empty() || !b.is_empty())
    {
        row(out, &[format!("**{name}**"), cell(&a), cell(&b)])?;
    }
    Ok(())
}

fn path(out: &mut dyn Write, r: &Routes) -> anyhow::Result<()> {
    for (n, route) in r.routes.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let label = r.label(n);
        writeln!(
            out,
            "## {label}{} → {}: {}\n",
            inline(&r.from.title),
            inline(&r.to.title),
            total_text(&route.total, "–")
        )?;
        if n == 0
            && let Some(note) = r.tie_note()
        {
            writeln!(out, "{}\n", inline(&note))?;
        }
        table_head(
            out,
            &["#", "Role", "Move", "Years in role", "Reached after"],
        )?;
        let last = route.steps.len().saturating_sub(1);
        for (i, step) in route.steps.iter().enumerate() {
            let role = format!("{} (`{}`)", step.title, step.id);
            let mut kind = step.kind.unwrap_or("start").to_owned();
            if let Some(condition) = &step.condition {
                kind.push_str(", if: ");
                kind.push_str(condition);
            }
            let mut in_role = figure_short(step.in_role.as_ref(), "–");
            if i == last {
                in_role = format!("({in_role})");
            }
            let reached = if i == 0 {
                "start".to_owned()
            } else {
                total_short(&step.reached_after, "–")
            };
            row(
                out,
                &[
                    (i + 1).to_string(),
                    cell(&role),
                    cell(&kind),
                    cell(&in_role),
                    cell(&reached),
                ],
            )?;
        }
    }
    writeln!(
        out,
        "\nest. = an estimate, ? = no figure, + = open-ended. The total leaves out the last role \
         (in brackets). {}",
        inline(&r.rule())
    )?;
    Ok(())
}

fn list(out: &mut dyn Write, listing: &Listing) -> anyhow::Result<()> {
    writeln!(out, "## {}\n", inline(&listing.name))?;
    if let Some(description) = &listing.description {
        writeln!(out, "{}\n", inline(description))?;
    }
    table_head(out, &["Track", "Level", "Id", "Title", "Years in role"])?;
    for r in &listing.roles {
        let mut title = r.title.clone();
        if r.entry {
            title.push_str(" (entry)");
        }
        row(
            out,
            &[
                cell(&r.track),
                cell(&r.level.label()),
                format!("`{}`", r.id),
                cell(&title),
                cell(&figure_short(r.in_role.as_ref(), "–")),
            ],
        )?;
    }
    for track in &listing.tracks {
        if let Some(about) = &track.description {
            writeln!(
                out,
                "\n**{}** (`{}`): {}",
                inline(&track.name),
                track.id,
                inline(about)
            )?;
        }
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
                    match &m.area {
                        Some(area) => cell(&format!("{} ({area})", m.field)),
                        None => m.field.to_owned(),
                    },
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
