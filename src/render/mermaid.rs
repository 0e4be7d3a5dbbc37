//! Mermaid output: flowcharts that GitHub renders in a ```mermaid block — the whole ladder (a
//! route marked on it, if any) or the reporting tree.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use crate::commands::Picture;
use crate::commands::graph::{EdgeKind, Ladder};
use crate::commands::tree::Tree;
use crate::render::prose::one_line;

pub fn render(out: &mut dyn Write, picture: &Picture) -> anyhow::Result<()> {
    match picture {
        Picture::Ladder(ladder) => self::ladder(out, ladder),
        Picture::Tree(tree) => self::tree(out, tree),
    }
}

/// Node ids Mermaid accepts (letters, digits and `_`, never a keyword), one for each role and
/// track, and never the same for two of them: ids that clean up alike get `_2`, `_3`…
#[derive(Default)]
struct Ids {
    given: HashMap<String, String>,
    used: HashSet<String>,
}

impl Ids {
    /// The node id of a role (or, with `track-` before its id, of a track's subgraph).
    fn of(&mut self, id: &str) -> String {
        if let Some(given) = self.given.get(id) {
            return given.clone();
        }
        let clean: String = id
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let base = format!("r_{clean}");
        let mut node = base.clone();
        let mut n = 1;
        while self.used.contains(&node) {
            n += 1;
            node = format!("{base}_{n}");
        }
        self.used.insert(node.clone());
        self.given.insert(id.to_owned(), node.clone());
        node
    }
}

/// A quoted label of one line. Mermaid reads `#…;` as an entity, `"` ends the string, a leading
/// backtick starts Markdown and `<` HTML: each is written as an entity, `#` included, so that
/// the text comes through as it is.
fn label(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in one_line(text).chars() {
        match c {
            '#' => quoted.push_str("#35;"),
            '"' => quoted.push_str("#quot;"),
            '`' => quoted.push_str("#96;"),
            '<' => quoted.push_str("#lt;"),
            '>' => quoted.push_str("#gt;"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The ladder, bottom to top, one subgraph per track, and a legend. Promotions are solid arrows,
/// track switches dashed both ways, reporting lines dotted and grey with a circle end.
pub fn ladder(out: &mut dyn Write, ladder: &Ladder) -> anyhow::Result<()> {
    writeln!(out, "flowchart BT")?;
    let mut ids = Ids::default();
    // Roles are named first, so that a role's node keeps its plain name and a track that cleans
    // up alike gives way.
    for role in ladder.tracks.iter().flat_map(|t| &t.roles) {
        ids.of(&role.id);
    }
    for track in &ladder.tracks {
        // Not a role id: role ids have no spaces.
        let name = ids.of(&format!("track {}", track.id));
        writeln!(out, "  subgraph {name}[{}]", label(&track.name))?;
        for role in &track.roles {
            writeln!(out, "    {}[{}]", ids.of(&role.id), label(&role.title))?;
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
    for kind in [
        EdgeKind::Promotion,
        EdgeKind::Lateral,
        EdgeKind::StepDown,
        EdgeKind::ReportsTo,
    ] {
        for edge in ladder.edges.iter().filter(|e| e.kind == kind) {
            let switch = edge.track_switch && kind != EdgeKind::Lateral;
            writeln!(
                out,
                "  {} {}{} {}",
                ids.of(&edge.from),
                arrow(kind, edge.both_ways),
                if switch { "|track switch|" } else { "" },
                ids.of(&edge.to)
            )?;
            style(kind, edge.on_route);
        }
    }
    // The legend: one sample link of each kind between invisible nodes, styled as the real ones.
    let mut legend = vec![
        (EdgeKind::Promotion, "promotion", false),
        (EdgeKind::Lateral, "same rank", false),
        (EdgeKind::StepDown, "step down", false),
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
        let route: Vec<String> = ladder.route.iter().map(|id| ids.of(id)).collect();
        writeln!(out, "  class {} route", route.join(","))?;
    }
    Ok(())
}

/// The link for an edge: promotions solid, moves at the same rank dashed (both ways when they go
/// both ways), steps down solid with a cross, reporting lines dotted with a circle at the boss's
/// end.
fn arrow(kind: EdgeKind, both_ways: bool) -> &'static str {
    match kind {
        EdgeKind::Promotion => "-->",
        EdgeKind::Lateral if both_ways => "<-.->",
        EdgeKind::Lateral => "-.->",
        EdgeKind::StepDown => "--x",
        EdgeKind::ReportsTo => "-.-o",
    }
}

/// The reporting tree, top down.
pub fn tree(out: &mut dyn Write, tree: &Tree) -> anyhow::Result<()> {
    writeln!(out, "flowchart TB")?;
    let mut ids = Ids::default();
    // The role drawn at each depth above the current one: (node id, label).
    let mut above: Vec<(String, String)> = Vec::new();
    for role in &tree.roles {
        above.truncate(role.depth);
        let node = (ids.of(&role.id), label(&role.title));
        match above.last() {
            Some((boss, boss_label)) => {
                writeln!(out, "  {boss}[{boss_label}] --- {}[{}]", node.0, node.1)?
            }
            None if role.direct_reports.is_empty() => {
                writeln!(out, "  {}[{}]", node.0, node.1)?;
            }
            None => {}
        }
        above.push(node);
    }
    Ok(())
}
