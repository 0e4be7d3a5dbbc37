//! Graphviz DOT output: the whole ladder (roles grouped by track, ranked by level, with a legend),
//! a route marked on it, or the reporting tree. Render with `dot -Tsvg`.

use std::io::Write;

use crate::commands::Picture;
use crate::commands::graph::{EdgeKind, Ladder};
use crate::commands::tree::Tree;
use crate::render::prose::one_line;

/// Fill and border colours of the track clusters, in track order (repeating).
/// Used only if `TRACK_COLOURS` were ever emptied.
const TRACK_COLOURS_FALLBACK: (&str, &str) = ("#f4f4f4", "#999999");
const TRACK_COLOURS: &[(&str, &str)] = &[
    ("#eaf2fb", "#8fb3da"),
    ("#eef7ec", "#93c58a"),
    ("#fdf3e6", "#e0b070"),
    ("#f3eef9", "#b59ad6"),
    ("#f1f1f1", "#b0b0b0"),
];
const PROMOTION: &str = "#1f4e79";
const LATERAL: &str = "#b46504";
const STEP_DOWN: &str = "#6a3d9a";
const REPORTS: &str = "#9a9a9a";
const ROUTE: &str = "#c0392b";
const FADED: &str = "#c8c8c8";

pub fn render(out: &mut dyn Write, picture: &Picture) -> anyhow::Result<()> {
    match picture {
        Picture::Ladder(ladder) => self::ladder(out, ladder),
        Picture::Tree(tree) => self::tree(out, tree),
    }
}

/// A DOT string literal, of one line: backslashes and quotes escaped, control characters as
/// spaces. (The lines of a label are quoted one by one and joined by the caller.)
fn quote(text: &str) -> String {
    let text = one_line(text);
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A label of two lines: the title above the id.
fn two_lines(title: &str, id: &str) -> String {
    let (title, id) = (quote(title), quote(id));
    let title = title.strip_suffix('"').unwrap_or(&title);
    let id = id.strip_prefix('"').unwrap_or(&id);
    format!("{title}\n{id}")
}

fn level_node(rank: f64) -> String {
    quote(&format!("level {rank}"))
}

/// The ladder, bottom to top: a level axis on the left, one cluster per track, promotions solid,
/// track switches dashed, reporting lines dotted and grey; a route, if any, in bold red.
pub fn ladder(out: &mut dyn Write, ladder: &Ladder) -> anyhow::Result<()> {
    let marked = !ladder.route.is_empty();
    let title = match &ladder.caption {
        Some(caption) => format!("{}: {caption}", ladder.name),
        None => ladder.name.clone(),
    };
    writeln!(out, "digraph ladder {{")?;
    writeln!(
        out,
        "  graph [rankdir=BT, newrank=true, label={}, labelloc=t, fontsize=20, fontname=\"Helvetica\", nodesep=0.35, ranksep=0.55, pad=0.3];",
        quote(&title)
    )?;
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\", fontsize=11, margin=\"0.15,0.06\"];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;

    writeln!(out, "\n  // The level axis: one rank per level.")?;
    writeln!(
        out,
        "  node [shape=plaintext, style=\"\", fontcolor=\"#777777\", fontsize=10];"
    )?;
    let levels = ladder.levels();
    let roles = || ladder.tracks.iter().flat_map(|t| &t.roles);
    for &rank in &levels {
        // The levels at this rank, as people read them: "IC3 / M3".
        let mut names: Vec<&str> = Vec::new();
        for role in roles().filter(|r| r.rank == rank) {
            if !names.contains(&role.level_label.as_str()) {
                names.push(&role.level_label);
            }
        }
        writeln!(
            out,
            "  {} [label={}];",
            level_node(rank),
            quote(&names.join(" / "))
        )?;
    }
    if levels.len() > 1 {
        let chain: Vec<String> = levels.iter().map(|&l| level_node(l)).collect();
        writeln!(out, "  {} [style=invis];", chain.join(" -> "))?;
    }
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontcolor=black, fontsize=11];"
    )?;

    writeln!(out, "\n  // Roles, grouped by track.")?;
    for (t, track) in ladder.tracks.iter().enumerate() {
        let (fill, border) = TRACK_COLOURS
            .get(t % TRACK_COLOURS.len())
            .copied()
            .unwrap_or(TRACK_COLOURS_FALLBACK);
        writeln!(
            out,
            "  subgraph {} {{",
            quote(&format!("cluster_{}", track.id))
        )?;
        writeln!(
            out,
            "    label={}; style=\"rounded,filled\"; fillcolor={}; color={}; fontsize=13; fontname=\"Helvetica-Bold\";",
            quote(&track.name),
            quote(fill),
            quote(border)
        )?;
        for role in &track.roles {
            let look = if role.on_route {
                format!(
                    ", color={}, penwidth=2.5, fillcolor=\"#fdecea\"",
                    quote(ROUTE)
                )
            } else if marked {
                format!(", color={}, fontcolor=\"#888888\"", quote(FADED))
            } else {
                String::new()
            };
            writeln!(
                out,
                "    {} [label={}{look}];",
                quote(&role.id),
                two_lines(&role.title, &role.id)
            )?;
        }
        writeln!(out, "  }}")?;
    }
    for &rank in &levels {
        let ids: Vec<String> = roles()
            .filter(|r| r.rank == rank)
            .map(|r| quote(&r.id))
            .collect();
        writeln!(
            out,
            "  {{ rank=same; {}; {}; }}",
            level_node(rank),
            ids.join("; ")
        )?;
    }

    let rank_of: std::collections::HashMap<&str, f64> =
        roles().map(|r| (r.id.as_str(), r.rank)).collect();
    for (kind, comment) in [
        (EdgeKind::Promotion, "Promotions: moves to a higher rank."),
        (
            EdgeKind::Lateral,
            "Moves at the same rank (track switches).",
        ),
        (EdgeKind::StepDown, "Steps down: moves to a lower rank."),
        (EdgeKind::ReportsTo, "Reporting lines (reports_to)."),
    ] {
        writeln!(out, "\n  // {comment}")?;
        for edge in ladder.edges.iter().filter(|e| e.kind == kind) {
            let mut attrs = match kind {
                EdgeKind::Promotion => format!("color={}, penwidth=1.3", quote(PROMOTION)),
                EdgeKind::Lateral => format!(
                    "style=dashed, color={}, constraint=false{}",
                    quote(LATERAL),
                    if edge.both_ways { ", dir=both" } else { "" }
                ),
                EdgeKind::StepDown => format!(
                    "style=dashed, color={}, constraint=false, arrowhead=empty",
                    quote(STEP_DOWN)
                ),
                EdgeKind::ReportsTo => format!(
                    "style=dotted, color={}, arrowhead=odot, arrowsize=0.7",
                    quote(REPORTS)
                ),
            };
            // A reporting line within one rank is drawn from the boss, pointing back: Graphviz
            // 2.43 aborts (merge_chain) on two edges the same way between two roles of one
            // rank, as when a role both reports to and can move to another of its rank.
            let flat = kind == EdgeKind::ReportsTo
                && rank_of.get(edge.from.as_str()) == rank_of.get(edge.to.as_str());
            let (from, to) = if flat {
                attrs = format!(
                    "style=dotted, color={}, dir=back, arrowtail=odot, arrowsize=0.7, constraint=false",
                    quote(REPORTS)
                );
                (&edge.to, &edge.from)
            } else {
                (&edge.from, &edge.to)
            };
            if edge.track_switch && kind != EdgeKind::Lateral {
                attrs.push_str(", label=\" track switch\"");
            }
            if edge.on_route {
                attrs.push_str(&format!(", color={}, penwidth=3.5", quote(ROUTE)));
            } else if marked {
                attrs.push_str(&format!(", color={}", quote(FADED)));
            }
            writeln!(out, "  {} -> {} [{attrs}];", quote(from), quote(to))?;
        }
    }

    writeln!(out, "\n  // Legend.")?;
    writeln!(out, "  subgraph cluster_legend {{")?;
    writeln!(
        out,
        "    label=\"Legend\"; style=rounded; color=\"#bbbbbb\"; fontsize=12; fontname=\"Helvetica-Bold\";"
    )?;
    writeln!(
        out,
        "    node [shape=plaintext, style=\"\", fontsize=10, label=\"\", width=0.1, height=0.1];"
    )?;
    let mut legend = vec![
        (
            "promotion",
            format!("color={}, penwidth=1.3", quote(PROMOTION)),
        ),
        (
            "same rank",
            format!("style=dashed, color={}, dir=both", quote(LATERAL)),
        ),
        (
            "step down",
            format!("style=dashed, color={}, arrowhead=empty", quote(STEP_DOWN)),
        ),
        (
            "reports to",
            format!(
                "style=dotted, color={}, arrowhead=odot, arrowsize=0.7",
                quote(REPORTS)
            ),
        ),
    ];
    if marked {
        legend.push(("route", format!("color={}, penwidth=3.5", quote(ROUTE))));
    }
    for (n, (name, attrs)) in legend.iter().enumerate() {
        writeln!(out, "    legend_{n}_from; legend_{n}_to;")?;
        writeln!(
            out,
            "    legend_{n}_from -> legend_{n}_to [{attrs}, label={}];",
            quote(&format!(" {name}"))
        )?;
    }
    writeln!(out, "  }}")?;
    writeln!(out, "}}")?;
    Ok(())
}

/// The reporting tree, top down: each boss above the roles that report to it.
pub fn tree(out: &mut dyn Write, tree: &Tree) -> anyhow::Result<()> {
    writeln!(out, "digraph reporting_lines {{")?;
    writeln!(
        out,
        "  graph [rankdir=TB, label=\"Reporting lines\", labelloc=t, fontsize=18, fontname=\"Helvetica\", pad=0.3];"
    )?;
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eaf2fb\", color=\"#8fb3da\", fontname=\"Helvetica\", fontsize=11];"
    )?;
    writeln!(out, "  edge [color={}, arrowhead=none];", quote(PROMOTION))?;
    // The id of the role drawn at each depth above the current one.
    let mut above: Vec<&str> = Vec::new();
    for role in &tree.roles {
        above.truncate(role.depth);
        if let Some(boss) = above.last() {
            writeln!(out, "  {} -> {};", quote(boss), quote(&role.id))?;
        }
        if !role.see_above {
            writeln!(
                out,
                "  {} [label={}];",
                quote(&role.id),
                two_lines(&role.title, &role.id)
            )?;
        }
        above.push(&role.id);
    }
    writeln!(out, "}}")?;
    Ok(())
}
