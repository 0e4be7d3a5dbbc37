//! The ladder as a directed graph for route finding: its roles renumbered in the order of their
//! ids (so that every tie-break by "lowest index" is a tie-break by id, never by file order),
//! compact adjacency lists both ways, and the cost of each move under the chosen [`RouteOrder`].

use std::collections::HashSet;

use crate::model::{Catalogue, RoleIx, TrackIx};

use super::query::RouteOrder;

/// A role as the graph numbers it: its place among the roles sorted by id.
pub(super) type Node = usize;

/// The cost of a route, compared as one number: the measures of [`RouteOrder::criteria`] packed
/// from the most significant bits down. Each count (moves, track switches, roles of another
/// kind, moves with a condition) has [`COUNT_BITS`], and the time (thousandths of a year)
/// [`TIME_BITS`]: 4 x 22 + 38 = 126 bits. Nothing carries from one field into the next: a route
/// has fewer than 2^22 moves (a catalogue holds at most 20 million values, `catalogue::Limits`,
/// and a role takes at least six), each of at most 50,000 thousandths, under 2^38.
pub(super) type Cost = u128;

const COUNT_BITS: u32 = 22;
const TIME_BITS: u32 = 38;

/// What one move adds to a route's measures.
#[derive(Clone, Copy)]
struct Move {
    /// Thousandths of a year in the role left.
    millis: u64,
    /// The move changes track.
    switch: bool,
    /// The role left is of another kind than the destination (managing people or not).
    other_kind: bool,
    /// The move needs a condition.
    conditional: bool,
}

/// The cost of one move, its measures packed in the order of `order`.
fn move_cost(order: RouteOrder, m: Move) -> Cost {
    let (time, switch, other, cond) = (
        Cost::from(m.millis),
        Cost::from(m.switch),
        Cost::from(m.other_kind),
        Cost::from(m.conditional),
    );
    let count = COUNT_BITS;
    match order {
        // time | switches | other kind | conditions | moves
        RouteOrder::Time => {
            (time << (4 * count))
                | (switch << (3 * count))
                | (other << (2 * count))
                | (cond << count)
                | 1
        }
        // moves | time | switches | other kind | conditions
        RouteOrder::Steps => {
            (1 << (TIME_BITS + 3 * count))
                | (time << (3 * count))
                | (switch << (2 * count))
                | (other << count)
                | cond
        }
    }
}

/// Thousandths of a year a role without a figure counts for when routes are ranked: the median
/// of the catalogue's known figures, so that a route through untimed roles never looks quickest.
pub fn unknown_millis(catalogue: &Catalogue) -> u64 {
    let mut known: Vec<u64> = (0..catalogue.roles.len())
        .filter_map(|ix| catalogue.in_role(ix).map(|f| f.midpoint_millis()))
        .collect();
    known.sort_unstable();
    known.get(known.len() / 2).copied().unwrap_or(0)
}

/// The ladder as compact adjacency arrays over [`Node`]s, both ways, with what each move costs.
/// Built once per query (the cost depends on the destination's kind of track), so the searches
/// do not depend on `Catalogue::previous` being in step.
pub(super) struct Graph {
    order: RouteOrder,
    role_of: Vec<RoleIx>,
    node_of: Vec<Node>,
    out_start: Vec<usize>,
    out: Vec<Node>,
    in_start: Vec<usize>,
    inward: Vec<Node>,
    /// Per node: thousandths of a year in the role, whether it is of another kind than the
    /// destination, and its track.
    millis: Vec<u64>,
    other_kind: Vec<bool>,
    track: Vec<TrackIx>,
    /// What a role without a time figure counts for ([`unknown_millis`]).
    pub(super) unknown: u64,
    /// The moves that need a condition, as (from, to).
    conditional: HashSet<(Node, Node)>,
}

impl Graph {
    /// The ladder for routes that end at `to`.
    pub(super) fn new(catalogue: &Catalogue, order: RouteOrder, to: RoleIx) -> Graph {
        let count = catalogue.roles.len();
        let mut role_of: Vec<RoleIx> = (0..count).collect();
        role_of.sort_by(|&a, &b| catalogue.role(a).id.cmp(&catalogue.role(b).id));
        let mut node_of = vec![0; count];
        for (node, &role) in role_of.iter().enumerate() {
            if let Some(slot) = node_of.get_mut(role) {
                *slot = node;
            }
        }
        let manages = |role: RoleIx| {
            catalogue
                .roles
                .get(role)
                .is_some_and(|r| catalogue.track_of(r).manages)
        };
        let destination_manages = manages(to);

        let unknown = unknown_millis(catalogue);
        // The moves that need a condition, by their ends: usually none or a few.
        let mut conditional = HashSet::new();
        let mut out_start = Vec::with_capacity(count + 1);
        let mut out = Vec::new();
        let mut in_degree = vec![0usize; count];
        let (mut millis, mut other_kind, mut track) = (
            Vec::with_capacity(count),
            Vec::with_capacity(count),
            Vec::with_capacity(count),
        );
        for &role in &role_of {
            out_start.push(out.len());
            for m in &catalogue.role(role).moves {
                if let Some(&next) = node_of.get(m.to)
                    && let Some(degree) = in_degree.get_mut(next)
                {
                    *degree += 1;
                    out.push(next);
                    if m.condition.is_some()
                        && let Some(&from) = node_of.get(role)
                    {
                        conditional.insert((from, next));
                    }
                }
            }
            millis.push(
                catalogue
                    .in_role(role)
                    .map_or(unknown, |f| f.midpoint_millis()),
            );
            other_kind.push(manages(role) != destination_manages);
            track.push(catalogue.role(role).track);
        }
        out_start.push(out.len());

        let mut in_start = Vec::with_capacity(count + 1);
        let mut total = 0;
        for degree in &in_degree {
            in_start.push(total);
            total += degree;
        }
        in_start.push(total);
        let mut cursor = in_start.clone();
        let mut inward = vec![0; total];
        for from in 0..count {
            for &to in Self::slice(&out_start, &out, from) {
                if let Some(at) = cursor.get_mut(to) {
                    if let Some(slot) = inward.get_mut(*at) {
                        *slot = from;
                    }
                    *at += 1;
                }
            }
        }
        Graph {
            order,
            role_of,
            node_of,
            out_start,
            out,
            in_start,
            inward,
            millis,
            other_kind,
            track,
            unknown,
            conditional,
        }
    }

    fn slice<'a>(start: &[usize], items: &'a [Node], node: Node) -> &'a [Node] {
        match (start.get(node), start.get(node + 1)) {
            (Some(&begin), Some(&end)) => items.get(begin..end).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub(super) fn len(&self) -> usize {
        self.role_of.len()
    }

    /// The node of a role (itself when out of range, which no search reaches).
    pub(super) fn node(&self, role: RoleIx) -> Node {
        self.node_of.get(role).copied().unwrap_or(role)
    }

    /// The role of a node.
    pub(super) fn role(&self, node: Node) -> RoleIx {
        self.role_of.get(node).copied().unwrap_or(node)
    }

    /// The nodes one move away from `node`.
    pub(super) fn successors(&self, node: Node) -> &[Node] {
        Self::slice(&self.out_start, &self.out, node)
    }

    /// The nodes one move away from which lead to `node`.
    pub(super) fn predecessors(&self, node: Node) -> &[Node] {
        Self::slice(&self.in_start, &self.inward, node)
    }

    /// The cost of the move from `from` to `to`: never zero, so every best route is simple.
    pub(super) fn step(&self, from: Node, to: Node) -> Cost {
        let step = Move {
            millis: self.millis.get(from).copied().unwrap_or(0),
            switch: self.track.get(from) != self.track.get(to),
            other_kind: self.other_kind.get(from).copied().unwrap_or(false),
            conditional: !self.conditional.is_empty() && self.conditional.contains(&(from, to)),
        };
        move_cost(self.order, step)
    }

    /// The cost of a route: every move along it.
    pub(super) fn path_cost(&self, path: &[Node]) -> Cost {
        path.windows(2)
            .map(|pair| match *pair {
                [from, to] => self.step(from, to),
                _ => 0,
            })
            .sum()
    }

    /// Which nodes can be reached from `start` (or, `backward`, can reach it) without passing a
    /// banned one.
    pub(super) fn reachable(&self, start: Node, banned: &[bool], backward: bool) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let mut stack = Vec::new();
        if let Some(slot) = seen.get_mut(start) {
            *slot = true;
            stack.push(start);
        }
        while let Some(node) = stack.pop() {
            let moves = if backward {
                self.predecessors(node)
            } else {
                self.successors(node)
            };
            for &other in moves {
                if banned.get(other).copied().unwrap_or(false) {
                    continue;
                }
                if let Some(slot) = seen.get_mut(other)
                    && !*slot
                {
                    *slot = true;
                    stack.push(other);
                }
            }
        }
        seen
    }
}
