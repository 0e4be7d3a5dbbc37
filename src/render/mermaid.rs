//! Mermaid output: flowcharts that GitHub renders in a ```mermaid block — the whole ladder (a
//! route marked on it, if any) or the reporting tree.

use std::io::Write;

use crate::commands::Picture;
use crate::commands::graph::{EdgeKind, Ladder};
use crate::commands::tree::{Tree, TreeNode};

pub fn render(out: &mut dyn Write, picture: &Picture) -> anyhow::Result<()> {
    match picture {
        Picture::Ladder(ladder) => self::ladder(out, ladder),
        Picture::Tree(tree) => self::tree(out, tree),
    }
}

/// A node id Mermaid accepts: letters, digits and `_` only, and never a keyword.
fn node_id(id: &str) -> String {
    let clean: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("r_{clean}")
}

/// A quoted label: Mermaid strings cannot hold `"`, so it becomes `#quot;`.
fn label(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "#quot;"))
}

/// The ladder, bottom to top, one subgraph per track, and a legend. Promotions are solid arrows,
/// track switches dashed both ways, reporting lines dotted and grey with a circle end.
pub fn ladder(out: &mut dyn Write, ladder: &Ladder) -> anyhow::Result<()> {
    writeln!(out, "flowchart BT")?;
    for track in &ladder.tracks {
        writeln!(
            out,
            "  subgraph {}[{}]",
            node_id(&format!("track-{}", track.id)),
            label(&track.name)
        )?;
        for role in &track.roles {
            writeln!(out, "    {}[{}]", node_id(&role.id), label(&role.title))?;
        }
        writeln!(out, "  end")?;
    }
    // Mermaid styles a link by its number, in the order links are written.
    let mut reports = Vec::new();
    let mut route = Vec::new();
    let mut n = 0;
    let mut style = |kind: EdgeKind, on_route: bool| {
        if kind == EdgeKind::ReportsTo {
            reports.push(n.to_string());
        }
        if on_route {
            route.push(n.to_string());
        }
        n += 1;
    };
    for kind in [EdgeKind::Promotion, EdgeKind::Lateral, EdgeKind::ReportsTo] {
        for edge in ladder.edges.iter().filter(|e| e.kind == kind) {
            writeln!(
                out,
                "  {} {} {}",
                node_id(&edge.from),
                arrow(kind, edge.both_ways),
                node_id(&edge.to)
            )?;
            style(kind, edge.on_route);
        }
    }
    // The legend: one sample link of each kind between invisible nodes, styled as the real ones.
    let mut legend = vec![
        (EdgeKind::Promotion, "promotion", false),
        (EdgeKind::Lateral, "track switch", false),
        (EdgeKind::ReportsTo, "reports to", false),
    ];
    if ladder.edges.iter().any(|edge| edge.on_route) {
        legend.push((EdgeKind::Promotion, "route", true));
    }
    writeln!(out, "  subgraph legend[\"Legend\"]")?;
    writeln!(out, "    direction LR")?;
    let mut ends = Vec::new();
    for (k, &(kind, name, on_route)) in legend.iter().enumerate() {
        writeln!(
            out,
            "    legend_{k}_from[\" \"] {}|{name}| legend_{k}_to[\" \"]",
            arrow(kind, true)
        )?;
        ends.push(format!("legend_{k}_from,legend_{k}_to"));
        style(kind, on_route);
    }
    writeln!(out, "  end")?;
    writeln!(out, "  classDef legend fill:none,stroke:none")?;
    writeln!(out, "  class {} legend", ends.join(","))?;
    if !reports.is_empty() {
        writeln!(
            out,
            "  linkStyle {} stroke:#9a9a9a,stroke-width:1px,stroke-dasharray:2 3",
            reports.join(",")
        )?;
    }
    if !route.is_empty() {
        writeln!(
            out,
            "  linkStyle {} stroke:#c0392b,stroke-width:4px",
            route.join(",")
        )?;
        writeln!(
            out,
            "  classDef route fill:#fdecea,stroke:#c0392b,stroke-width:3px"
        )?;
        let ids: Vec<String> = ladder.route.iter().map(|id| node_id(id)).collect();
        writeln!(out, "  class {} route", ids.join(","))?;
    }
    Ok(())
}

/// The link for an edge: promotions solid, track switches dashed (both ways when they go both
/// ways), reporting lines dotted with a circle at the boss's end.
fn arrow(kind: EdgeKind, both_ways: bool) -> &'static str {
    match kind {
        EdgeKind::Promotion => "-->",
        EdgeKind::Lateral if both_ways => "<-.->",
        EdgeKind::Lateral => "-.->",
        EdgeKind::ReportsTo => "-.-o",
    }
}

/// The reporting tree, top down.
pub fn tree(out: &mut dyn Write, tree: &Tree) -> anyhow::Result<()> {
    fn walk(out: &mut dyn Write, node: &TreeNode) -> anyhow::Result<()> {
        for child in &node.direct_reports {
            writeln!(
                out,
                "  {}[{}] --- {}[{}]",
                node_id(&node.id),
                label(&node.title),
                node_id(&child.id),
                label(&child.title)
            )?;
            walk(out, child)?;
        }
        Ok(())
    }
    writeln!(out, "flowchart TB")?;
    for root in &tree.roots {
        if root.direct_reports.is_empty() {
            writeln!(out, "  {}[{}]", node_id(&root.id), label(&root.title))?;
        }
        walk(out, root)?;
    }
    Ok(())
}
