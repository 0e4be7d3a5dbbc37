//! The ladder as a directed graph for route finding: compact adjacency lists both ways, and the
//! cost of leaving each role under the chosen [`RouteOrder`].

use crate::model::{Catalogue, RoleIx};

use super::query::RouteOrder;

/// The cost of a route, compared as one number: the primary measure (years in thousandths, or
/// steps) in the high 64 bits and the tie-breaking one in the low 64 bits. Neither half can carry
/// into the other: a route has at most a few million steps, of at most 50,000 thousandths each.
pub(super) type Cost = u128;

/// The ladder as compact adjacency arrays, both ways, with the cost of leaving each role.
/// Built once per query, so the searches do not depend on `Catalogue::previous` being in step.
pub(super) struct Graph {
    out_start: Vec<usize>,
    out: Vec<RoleIx>,
    in_start: Vec<usize>,
    inward: Vec<RoleIx>,
    leave: Vec<Cost>,
}

impl Graph {
    pub(super) fn new(catalogue: &Catalogue, order: RouteOrder) -> Graph {
        let count = catalogue.roles.len();
        let mut out_start = Vec::with_capacity(count + 1);
        let mut out = Vec::new();
        let mut in_degree = vec![0usize; count];
        let mut leave = Vec::with_capacity(count);
        for (ix, role) in catalogue.roles.iter().enumerate() {
            out_start.push(out.len());
            for next in role.moves.iter().map(|m| m.to) {
                if let Some(degree) = in_degree.get_mut(next) {
                    *degree += 1;
                    out.push(next);
                }
            }
            let millis = Cost::from(catalogue.in_role(ix).map_or(0, |f| f.midpoint_millis()));
            leave.push(match order {
                RouteOrder::Time => (millis << 64) | 1,
                RouteOrder::Steps => (1 << 64) | millis,
            });
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
            out_start,
            out,
            in_start,
            inward,
            leave,
        }
    }

    fn slice<'a>(start: &[usize], items: &'a [RoleIx], role: RoleIx) -> &'a [RoleIx] {
        match (start.get(role), start.get(role + 1)) {
            (Some(&begin), Some(&end)) => items.get(begin..end).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub(super) fn len(&self) -> usize {
        self.leave.len()
    }

    /// The roles one move away from `role`.
    pub(super) fn successors(&self, role: RoleIx) -> &[RoleIx] {
        Self::slice(&self.out_start, &self.out, role)
    }

    /// The roles one move away from which lead to `role`.
    pub(super) fn predecessors(&self, role: RoleIx) -> &[RoleIx] {
        Self::slice(&self.in_start, &self.inward, role)
    }

    /// The cost of the step out of `role`.
    pub(super) fn leave(&self, role: RoleIx) -> Cost {
        self.leave.get(role).copied().unwrap_or_default()
    }

    /// The cost of a route: leaving every role but the last.
    pub(super) fn path_cost(&self, path: &[RoleIx]) -> Cost {
        let counted = path.split_last().map_or(&[][..], |(_, rest)| rest);
        counted.iter().map(|&role| self.leave(role)).sum()
    }

    /// Which roles can be reached from `start` (or, `backward`, can reach it) without passing a
    /// banned role.
    pub(super) fn reachable(&self, start: RoleIx, banned: &[bool], backward: bool) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let mut stack = Vec::new();
        if let Some(slot) = seen.get_mut(start) {
            *slot = true;
            stack.push(start);
        }
        while let Some(role) = stack.pop() {
            let moves = if backward {
                self.predecessors(role)
            } else {
                self.successors(role)
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
