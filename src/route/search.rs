//! The shortest route: Dijkstra (from the `pathfinding` crate) run backwards from the target,
//! then a walk forward from the start that always takes the lowest node (the first role by id)
//! still on an optimal route, so that ties never depend on hash or file order. Every move costs
//! something, so every optimal route is simple.

use std::collections::HashMap;

use pathfinding::directed::dijkstra::{dijkstra_all, dijkstra_partial};

use super::graph::{Cost, Graph, Node};

/// The cost from every role to one target in the ladder minus some banned roles, and each
/// role's moves ranked by what is left to go after them: best first, then by node.
pub(super) struct ToTarget {
    target: Node,
    distance: Vec<Option<Cost>>,
    ranked_start: Vec<usize>,
    ranked: Vec<Node>,
}

impl ToTarget {
    /// Distances to `target` over the whole ladder but the `banned` roles.
    pub(super) fn new(graph: &Graph, target: Node, banned: &[bool]) -> ToTarget {
        let is_banned = |role: Node| banned.get(role).copied().unwrap_or(true);
        let mut distance = vec![None; graph.len()];
        if !is_banned(target) {
            let found = dijkstra_all(&target, |&role: &Node| {
                graph
                    .predecessors(role)
                    .iter()
                    .filter(|&&before| !is_banned(before))
                    .map(|&before| (before, graph.step(before, role)))
                    .collect::<Vec<_>>()
            });
            for (role, (_, cost)) in found {
                if let Some(slot) = distance.get_mut(role) {
                    *slot = Some(cost);
                }
            }
            if let Some(slot) = distance.get_mut(target) {
                *slot = Some(0);
            }
        }
        let mut ranked_start = Vec::with_capacity(graph.len() + 1);
        let mut ranked = Vec::new();
        for role in 0..graph.len() {
            ranked_start.push(ranked.len());
            let begin = ranked.len();
            ranked.extend(
                graph.successors(role).iter().copied().filter(|&next| {
                    next != role && distance.get(next).copied().flatten().is_some()
                }),
            );
            if let Some(moves) = ranked.get_mut(begin..) {
                moves.sort_unstable_by_key(|&next| {
                    let rest = distance.get(next).copied().flatten().unwrap_or(Cost::MAX);
                    (rest.saturating_add(graph.step(role, next)), next)
                });
            }
        }
        ranked_start.push(ranked.len());
        ToTarget {
            target,
            distance,
            ranked_start,
            ranked,
        }
    }

    pub(super) fn target(&self) -> Node {
        self.target
    }

    /// The least cost from `role` to the target, if it can get there at all.
    pub(super) fn distance(&self, role: Node) -> Option<Cost> {
        self.distance.get(role).copied().flatten()
    }

    /// The moves out of `role` that can still reach the target, best first (the move and the
    /// rest of the way), then by node.
    pub(super) fn ranked(&self, role: Node) -> &[Node] {
        match (self.ranked_start.get(role), self.ranked_start.get(role + 1)) {
            (Some(&begin), Some(&end)) => self.ranked.get(begin..end).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The best route from `role` to the target, lowest nodes first among equals.
    pub(super) fn walk(&self, role: Node) -> Option<Vec<Node>> {
        self.distance(role)?;
        let mut path = vec![role];
        let mut here = role;
        while here != self.target {
            here = *self.ranked(here).first()?;
            path.push(here);
            if path.len() > self.distance.len() {
                return None; // cannot happen: the distance falls at every step
            }
        }
        Some(path)
    }
}

/// The best route from `source` to `target` that passes no banned role and does not take a move
/// from `source` to a role that is `cut`: least cost, then lowest nodes.
pub(super) fn best(
    graph: &Graph,
    source: Node,
    target: Node,
    banned: &dyn Fn(Node) -> bool,
    cut: &dyn Fn(Node) -> bool,
) -> Option<Vec<Node>> {
    if banned(source) || banned(target) {
        return None;
    }
    // Backwards from the target, stopping once the source is settled: by then every role on an
    // optimal route has its final distance. A role still tentative is never below its true
    // distance, so it cannot look optimal by mistake in the walk below.
    let (reached, _) = dijkstra_partial(
        &target,
        |&role: &Node| {
            graph
                .predecessors(role)
                .iter()
                .filter(|&&before| !(banned(before) || (before == source && cut(role))))
                .map(|&before| (before, graph.step(before, role)))
                .collect::<Vec<_>>()
        },
        |&role| role == source,
    );
    let distances: HashMap<Node, Cost> = reached
        .into_iter()
        .map(|(role, (_, cost))| (role, cost))
        .collect();
    let distance = |role: Node| {
        if role == target {
            Some(0)
        } else {
            distances.get(&role).copied()
        }
    };
    distance(source)?;
    let mut path = vec![source];
    let mut role = source;
    while role != target {
        let here = distance(role)?;
        let from = role;
        role = graph
            .successors(role)
            .iter()
            .copied()
            .filter(|&next| !(role == source && cut(next)))
            .filter(|&next| {
                distance(next).map(|there| there + graph.step(from, next)) == Some(here)
            })
            .min()?;
        path.push(role);
        if path.len() > graph.len() {
            return None; // cannot happen: costs fall strictly along the walk
        }
    }
    Some(path)
}
