//! `ladder graph`: the whole ladder as data for a picture — roles by track and level, and the
//! moves (up, across, down) and reporting lines between them. `path -o dot|mermaid` reuses it with
//! the route marked.

use std::collections::HashSet;

use serde::Serialize;

use super::LevelView;
use super::path::Routes;
use crate::model::{Catalogue, RankChange, RoleIx};

/// The ladder as a graph: the `graph` object of `-o json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ladder {
    pub name: String,
    /// Tracks in catalogue order, each with its roles by level.
    pub tracks: Vec<TrackGroup>,
    pub edges: Vec<Edge>,
    /// The ids of the roles on the highlighted route(s), in order; empty for the plain ladder.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub route: Vec<String>,
    /// What the highlighted route goes between, for the picture's title.
    #[serde(skip)]
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrackGroup {
    pub id: String,
    pub name: String,
    pub roles: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub id: String,
    pub title: String,
    /// The level's id.
    pub level: String,
    /// The level's rank: roles of one rank are drawn side by side.
    pub rank: f64,
    /// The level as people read it ("IC3", "M6 Director"), for the picture's level axis.
    #[serde(skip)]
    pub level_label: String,
    /// Whether the node is on the highlighted route.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub on_route: bool,
}

/// What an edge means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// A move to a higher rank.
    Promotion,
    /// A move at the same rank (a track switch, or a move across within a track).
    #[serde(rename = "across")]
    Lateral,
    /// A move to a lower rank.
    StepDown,
    /// `reports_to`: from the role to its boss.
    ReportsTo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
    /// The move changes track.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub track_switch: bool,
    /// A move at the same rank that goes both ways, drawn once.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub both_ways: bool,
    /// Whether the move is a step of the highlighted route.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub on_route: bool,
}

impl Ladder {
    /// The distinct ranks of the ladder, lowest first.
    pub fn levels(&self) -> Vec<f64> {
        let mut levels: Vec<f64> = self
            .tracks
            .iter()
            .flat_map(|t| t.roles.iter().map(|r| r.rank))
            .collect();
        levels.sort_unstable_by(f64::total_cmp);
        levels.dedup();
        levels
    }

    /// The title of a role of this ladder, by id.
    pub fn title(&self, id: &str) -> Option<&str> {
        self.tracks
            .iter()
            .flat_map(|t| &t.roles)
            .find(|r| r.id == id)
            .map(|r| r.title.as_str())
    }
}

/// The whole ladder.
pub fn run(catalogue: &Catalogue) -> Ladder {
    let mut by_track: Vec<Vec<RoleIx>> = vec![Vec::new(); catalogue.tracks.len()];
    for (ix, role) in catalogue.roles.iter().enumerate() {
        if let Some(roles) = by_track.get_mut(role.track) {
            roles.push(ix);
        }
    }
    let tracks = catalogue
        .tracks
        .iter()
        .zip(by_track)
        .map(|(track, mut ixs)| {
            ixs.sort_by(|&x, &y| {
                let rank = |ix| catalogue.level_of(catalogue.role(ix)).rank;
                rank(x).total_cmp(&rank(y)).then(x.cmp(&y))
            });
            TrackGroup {
                id: track.id.clone(),
                name: track.name.clone(),
                roles: ixs
                    .into_iter()
                    .map(|ix| {
                        let role = catalogue.role(ix);
                        let level = catalogue.level_of(role);
                        Node {
                            id: role.id.clone(),
                            title: role.title.clone(),
                            level: level.id.clone(),
                            rank: level.rank,
                            level_label: LevelView::new(level).label(),
                            on_route: false,
                        }
                    })
                    .collect(),
            }
        })
        .filter(|group| !group.roles.is_empty())
        .collect();
    let id = |ix: RoleIx| catalogue.role(ix).id.clone();
    let mut edges = Vec::new();
    // Moves at the same rank that go both ways are drawn once, from the first role written.
    let mut drawn: HashSet<(RoleIx, RoleIx)> = HashSet::new();
    for (ix, role) in catalogue.roles.iter().enumerate() {
        for to in role.moves.iter().map(|m| m.to) {
            let kind = catalogue.move_kind(ix, to);
            let (edge_kind, both_ways) = match kind.rank {
                RankChange::Up => (EdgeKind::Promotion, false),
                RankChange::Down => (EdgeKind::StepDown, false),
                RankChange::Same => {
                    if !drawn.insert((ix.min(to), ix.max(to))) {
                        continue;
                    }
                    (EdgeKind::Lateral, catalogue.move_between(to, ix).is_some())
                }
            };
            let mut e = edge(id(ix), id(to), edge_kind, both_ways);
            e.track_switch = kind.switches_track;
            edges.push(e);
        }
    }
    for (ix, role) in catalogue.roles.iter().enumerate() {
        for &boss in &role.reports_to {
            edges.push(edge(id(ix), id(boss), EdgeKind::ReportsTo, false));
        }
    }
    Ladder {
        name: catalogue.name.clone(),
        tracks,
        edges,
        route: Vec::new(),
        caption: None,
    }
}

fn edge(from: String, to: String, kind: EdgeKind, both_ways: bool) -> Edge {
    Edge {
        from,
        to,
        kind,
        track_switch: false,
        both_ways,
        on_route: false,
    }
}

/// Marks a route (role ids in order) on the ladder: its roles and the moves between them.
pub fn highlight(ladder: &mut Ladder, route: &[String]) {
    let on_route: HashSet<&str> = route.iter().map(String::as_str).collect();
    for node in ladder.tracks.iter_mut().flat_map(|t| t.roles.iter_mut()) {
        if on_route.contains(node.id.as_str()) {
            node.on_route = true;
        }
    }
    let moves: HashSet<(&str, &str)> = route
        .windows(2)
        .filter_map(|pair| match pair {
            [from, to] => Some((from.as_str(), to.as_str())),
            _ => None,
        })
        .collect();
    for edge in ladder
        .edges
        .iter_mut()
        .filter(|e| e.kind != EdgeKind::ReportsTo)
    {
        let forward = moves.contains(&(edge.from.as_str(), edge.to.as_str()));
        let backward = edge.both_ways && moves.contains(&(edge.to.as_str(), edge.from.as_str()));
        if forward || backward {
            edge.on_route = true;
        }
    }
    let mut listed: HashSet<String> = ladder.route.iter().cloned().collect();
    for id in route {
        if listed.insert(id.clone()) {
            ladder.route.push(id.clone());
        }
    }
}

/// Pictures of a route are drawn on the whole ladder: the ladder with every route of `path`
/// marked on it.
pub fn on_ladder(routes: &Routes, catalogue: &Catalogue) -> Ladder {
    let mut ladder = run(catalogue);
    for route in &routes.routes {
        let ids: Vec<String> = route.steps.iter().map(|s| s.id.clone()).collect();
        highlight(&mut ladder, &ids);
    }
    let count = routes.routes.len();
    ladder.caption = Some(format!(
        "{} → {}{}",
        routes.from.title,
        routes.to.title,
        if count > 1 {
            format!(" ({count} routes)")
        } else {
            String::new()
        }
    ));
    ladder
}
