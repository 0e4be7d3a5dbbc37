//! `gap FROM TO` for people: where TO sits from FROM and the route between them with its years, the
//! competency areas (now, target, what to grow: a table on a wide terminal, a list on a narrower
//! one), then scope and reporting side by side. The sentences are written here once, for the table
//! and Markdown alike.

use std::io::Write;

use super::{Shape, bullets, draw, heading, marks, names, or_dash};
use crate::commands::gap::{AreaGap, Gap, RouteGap};
use crate::render::prose::{one_line, wrap, wrapped};
use crate::render::{Style, total_text};

pub fn render(out: &mut dyn Write, g: &Gap, style: &Style) -> anyhow::Result<()> {
    let m = marks(style);
    heading(
        out,
        &format!(
            "From {} ({}) to {} ({})",
            g.from.title, g.from.id, g.to.title, g.to.id
        ),
        style,
    )?;
    write!(out, "{}", wrapped(&direction_text(g), style.width))?;
    if let Some(line) = route_line(g, m.arrow, m.range, "`") {
        write!(out, "{}", wrapped(&line, style.width))?;
    }
    if !g.areas.is_empty() && style.width < NARROW {
        areas_as_list(out, g, style)?;
    } else if !g.areas.is_empty() {
        let show_at = at_is_news(g);
        let mut rows = vec![vec![
            "Competency".to_owned(),
            format!("{} (now)", one_line(&g.from.title)),
            format!("{} (target)", one_line(&g.to.title)),
            "What changes".to_owned(),
        ]];
        for area in &g.areas {
            rows.push(vec![
                one_line(&area.name),
                or_dash(proficiency_text(area.from.as_deref(), &area.scale), style),
                or_dash(proficiency_text(area.to.as_deref(), &area.scale), style),
                change_text(area, m.bullet, show_at),
            ]);
        }
        let shape = Shape {
            header: true,
            labels: true,
            whole: &[],
        };
        draw(out, rows, shape, style)?;
    }
    let mut rows = vec![
        vec![
            String::new(),
            one_line(&g.from.title),
            one_line(&g.to.title),
        ],
        vec![
            "Track".to_owned(),
            one_line(&g.track.from.name),
            one_line(&g.track.to.name),
        ],
        vec![
            "Level".to_owned(),
            one_line(&g.level.from.label()),
            one_line(&g.level.to.label()),
        ],
        vec![
            "Manages people".to_owned(),
            yes_no(g.manages_people.from).to_owned(),
            yes_no(g.manages_people.to).to_owned(),
        ],
        vec![
            "Reports to".to_owned(),
            names(&g.reports_to.from, style),
            names(&g.reports_to.to, style),
        ],
    ];
    if !g.direct_reports.from.is_empty() || !g.direct_reports.to.is_empty() {
        rows.push(vec![
            "Direct reports".to_owned(),
            names(&g.direct_reports.from, style),
            names(&g.direct_reports.to, style),
        ]);
    }
    let shape = Shape {
        header: true,
        labels: true,
        whole: &[],
    };
    draw(out, rows, shape, style)?;
    if !g.new_responsibilities.is_empty() {
        let intro = format!(
            "Responsibilities {} has that {} does not:",
            one_line(&g.to.title),
            one_line(&g.from.title)
        );
        write!(out, "{}", wrapped(&intro, style.width))?;
        write!(
            out,
            "{}",
            wrapped(&bullets(&g.new_responsibilities, style), style.width)
        )?;
    }
    Ok(())
}

/// Below this width the four columns of the areas leave what changes, the longest text, a
/// column of two or three words a line (at 80 columns, 16 characters wide): a list is drawn
/// instead, an area to a paragraph.
const NARROW: u16 = 110;

/// The areas one after another, for a narrow terminal: the name with the proficiency now and at
/// the target, then what changes, indented.
fn areas_as_list(out: &mut dyn Write, g: &Gap, style: &Style) -> anyhow::Result<()> {
    let m = marks(style);
    let show_at = at_is_news(g);
    let width = usize::from(style.width);
    // The table's column headings, as one line in the form of the lines below it.
    let key = format!(
        "Competency: {} (now) {} {} (target)",
        one_line(&g.from.title),
        m.arrow,
        one_line(&g.to.title)
    );
    super::heading(out, &key, style)?;
    let mut text = String::new();
    for area in &g.areas {
        let (now, target) = (
            or_dash(proficiency_text(area.from.as_deref(), &area.scale), style),
            or_dash(proficiency_text(area.to.as_deref(), &area.scale), style),
        );
        let head = if area.scale.is_empty() {
            format!("{} (no scale):", one_line(&area.name))
        } else {
            format!("{}: {now} {} {target}", one_line(&area.name), m.arrow)
        };
        for line in wrap(&head, width) {
            text.push_str(&line);
            text.push('\n');
        }
        for line in change_text(area, m.bullet, show_at).lines() {
            // A bullet's text hangs under its first word.
            let hang = if line.starts_with(m.bullet) {
                "    "
            } else {
                "  "
            };
            for (n, line) in wrap(line, width.saturating_sub(hang.len()))
                .iter()
                .enumerate()
            {
                text.push_str(if n == 0 { "  " } else { hang });
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Where TO sits from FROM, in a sentence or two: up, across or down, the levels, a track switch,
/// and who manages people.
pub fn direction_text(g: &Gap) -> String {
    let (from, to) = (one_line(&g.from.title), one_line(&g.to.title));
    let (level_a, level_b) = (g.level.from.label(), g.level.to.label());
    let mut text = match g.direction {
        "same" => return "The same role: there is nothing to grow.".to_owned(),
        "up" => format!("A move up, from {level_a} to {level_b}"),
        "down" => format!("A step down, not a gap: from {level_a} to {level_b}"),
        _ if level_a == level_b => format!("A move across, at the same level ({level_a})"),
        _ => format!("A move across, at the same rank (levels {level_a} and {level_b})"),
    };
    if g.switches_track {
        text.push_str(&format!(
            ", with a track switch from {} to {}",
            one_line(&g.track.from.name),
            one_line(&g.track.to.name)
        ));
    }
    text.push('.');
    match (g.manages_people.from, g.manages_people.to) {
        (false, true) => text.push_str(&format!(" {to} manages people; {from} does not.")),
        (true, false) => text.push_str(&format!(" {from} manages people; {to} does not.")),
        _ => {}
    }
    if g.direction == "down" {
        text.push_str(&format!(
            " {to} is expected less than {from}, not more: the areas show where the two differ."
        ));
    }
    text
}

/// The route in a sentence, with its years (estimated and unknown figures said), or that no route
/// joins the two roles; nothing for one role. `code` quotes a command.
pub fn route_line(g: &Gap, arrow: &str, dash: &str, code: &str) -> Option<String> {
    let command = format!("{code}ladder path {} {}{code}", g.from.id, g.to.id);
    match &g.route {
        None => Some(format!(
            "No route joins them: no chain of moves in this catalogue leads from {} to {}. The \
             areas still say what {} is expected that {} is not.",
            one_line(&g.from.title),
            one_line(&g.to.title),
            one_line(&g.to.title),
            one_line(&g.from.title)
        )),
        Some(route) if route.steps.len() < 2 => None,
        Some(route) => {
            let moves = route.steps.len() - 1;
            let switches = match route.track_switches {
                0 => String::new(),
                1 => ", switching track once".to_owned(),
                n => format!(", switching track {n} times"),
            };
            Some(format!(
                "Route ({moves} move{}{switches}, the best of {command}): {}; {}.",
                super::plural(moves),
                route_text(route, arrow),
                total_text(&route.years, dash)
            ))
        }
    }
}

/// The roles of a route with the kind of each move: "Senior PM → Group PM (promotion and track
/// switch, if: a team opens)".
pub fn route_text(route: &RouteGap, arrow: &str) -> String {
    let mut text = String::new();
    for step in &route.steps {
        if let Some(kind) = step.kind {
            text.push_str(&format!(" {arrow} "));
            text.push_str(&one_line(&step.title));
            text.push_str(" (");
            text.push_str(kind);
            if let Some(condition) = &step.condition {
                text.push_str(", if: ");
                text.push_str(&one_line(condition));
            }
            text.push(')');
        } else {
            text.push_str(&one_line(&step.title));
        }
    }
    text
}

/// A proficiency with its place on the scale: "expert (4 of 5)"; "no scale" for an area without
/// one; empty for none.
pub fn proficiency_text(step: Option<&str>, scale: &[String]) -> String {
    if scale.is_empty() {
        return "no scale".to_owned();
    }
    let Some(step) = step else {
        return String::new();
    };
    match scale.iter().position(|s| s == step) {
        Some(place) => format!("{} ({} of {})", one_line(step), place + 1, scale.len()),
        None => one_line(step),
    }
}

/// Whether to say where on the route each step is first expected: only when the route passes
/// through roles between FROM and TO.
pub fn at_is_news(g: &Gap) -> bool {
    g.route.as_ref().is_some_and(|r| r.steps.len() > 2)
}

/// What changes in an area, a line each: the steps of the scale on the way (each with the role
/// where it is first expected when `show_at`), then what TO is expected that FROM is not.
pub fn change_text(area: &AreaGap, bullet: &str, show_at: bool) -> String {
    if area.unchanged {
        return "no change".to_owned();
    }
    let mut lines = Vec::new();
    if !area.steps.is_empty() {
        let steps: Vec<String> = area
            .steps
            .iter()
            .map(|s| match (&s.at, show_at) {
                (Some(at), true) => format!("{} (at {at})", one_line(&s.step)),
                _ => one_line(&s.step),
            })
            .collect();
        let n = area.steps.len();
        let how = match area.change {
            Some(change) if change < 0 => format!("{change} step{}", super::plural(n)),
            Some(_) => format!("+{n} step{}", super::plural(n)),
            None => "to reach".to_owned(),
        };
        lines.push(format!("{how}: {}", steps.join(", ")));
    }
    for text in &area.new {
        lines.push(format!("{bullet} {}", one_line(text)));
    }
    if lines.is_empty() {
        lines.push("nothing new".to_owned());
    }
    lines.join("\n")
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}
