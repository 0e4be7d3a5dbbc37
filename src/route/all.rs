//! More than one route: every simple route from a start to a target, best first, lazily.
//!
//! This is Yen's k-shortest loopless paths with Lawler's refinement (a route only branches off at
//! or after the point where it left its parent), written here rather than taken from
//! `pathfinding::directed::yen` because that one does what made `--all` slow on large ladders:
//! it takes the number of routes up front (a search through `--via` cannot know it), scans every
//! route found so far for each branching point, and runs a whole Dijkstra search for each, and
//! it does not order routes of equal cost by their roles.
//!
//! Here:
//! - the routes found so far are kept as a prefix tree, so the moves already taken after a
//!   prefix are one lookup away;
//! - each branching point first goes into the queue with a lower bound on its cost (the cost to
//!   the branch plus the best cost from there to the target in the whole ladder, from
//!   [`ToTarget`]), and is worked out only when that bound comes first. A branching point with no
//!   move left is dropped at once, so one long route costs time in proportion to its length;
//! - working one out first tries the best move that is left followed by the best route from there
//!   in the whole ladder, which is right whenever that route keeps clear of the roles before the
//!   branch; only otherwise does it search again ([`search::best`]).
//!
//! Known limit: so that ties go to the lowest role indices, every branching point whose bound
//! equals the cost of the next route is worked out before that route is taken. On a long route
//! with many equally good detours (a chain of 20,000 roles, each with a side role as quick as
//! the direct step) that is route length² work: half a minute for `--all` there.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use super::graph::{Cost, Graph};
use super::search::{self, ToTarget};
use crate::model::RoleIx;

/// Every simple route from `from` to the target of `tree` that passes none of the `banned` or
/// `extra` roles, best first (cost, then role indices).
pub(super) struct SimplePaths<'g> {
    graph: &'g Graph,
    tree: &'g ToTarget,
    banned: &'g [bool],
    extra: HashSet<RoleIx>,
    from: RoleIx,
    started: bool,
    found: Vec<Found>,
    /// The prefix tree of the routes found: (node, next role) to node; node 0 is `[from]`.
    trie: HashMap<(usize, RoleIx), usize>,
    /// Per tree node, how far into `ToTarget::ranked` of its last role the moves are known to be
    /// taken or barred, so that a wide fan is walked once rather than once per route.
    cursor: HashMap<usize, usize>,
    queue: BinaryHeap<Reverse<(Cost, Pending)>>,
}

/// A route found, with the prefix-tree node of each of its roles.
struct Found {
    path: Vec<RoleIx>,
    nodes: Vec<usize>,
}

/// What waits in the queue. At equal cost a branching point comes before a route, so that every
/// route of that cost is known before the best of them is taken.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Pending {
    /// Branching off route `route` at its role number `at`, with a lower bound as the cost.
    Branch { route: usize, at: usize },
    /// A route, with the index of the role where it branched off.
    Route { path: Vec<RoleIx>, deviation: usize },
}

impl<'g> SimplePaths<'g> {
    pub(super) fn new(
        graph: &'g Graph,
        tree: &'g ToTarget,
        banned: &'g [bool],
        extra: HashSet<RoleIx>,
        from: RoleIx,
    ) -> SimplePaths<'g> {
        SimplePaths {
            graph,
            tree,
            banned,
            extra,
            from,
            started: false,
            found: Vec::new(),
            trie: HashMap::new(),
            cursor: HashMap::new(),
            queue: BinaryHeap::new(),
        }
    }

    fn is_banned(&self, role: RoleIx) -> bool {
        self.banned.get(role).copied().unwrap_or(true) || self.extra.contains(&role)
    }

    /// The best move out of the last role of `prefix` (tree node `node`) that is neither taken by
    /// a route found nor onto a role of `prefix` (`on_prefix`) or a banned one.
    fn first_move(
        &mut self,
        node: usize,
        last: RoleIx,
        on_prefix: &dyn Fn(RoleIx) -> bool,
    ) -> Option<RoleIx> {
        let ranked = self.tree.ranked(last);
        let mut at = self.cursor.get(&node).copied().unwrap_or(0);
        // Taken and barred moves stay so for this node: skip them once and for all.
        while let Some(&next) = ranked.get(at) {
            if self.trie.contains_key(&(node, next)) || on_prefix(next) || self.is_banned(next) {
                at += 1;
            } else {
                break;
            }
        }
        self.cursor.insert(node, at);
        ranked.get(at).copied()
    }

    /// The best route that starts with `prefix`, leaves its last role (tree node `node`) by a move
    /// no route found takes, and keeps clear of `prefix` and the banned roles.
    fn branch(
        &mut self,
        prefix: &[RoleIx],
        node: usize,
        on_prefix: &dyn Fn(RoleIx) -> bool,
    ) -> Option<Vec<RoleIx>> {
        let (&last, root) = prefix.split_last()?;
        let first = self.first_move(node, last, on_prefix)?;
        // The best way on in the whole ladder, if it keeps clear of the prefix and `extra`.
        if let Some(rest) = self.tree.walk(first)
            && rest
                .iter()
                .all(|&role| !on_prefix(role) && !self.extra.contains(&role))
        {
            let mut path = prefix.to_vec();
            path.extend(rest);
            return Some(path);
        }
        let banned = |role: RoleIx| self.is_banned(role) || (role != last && on_prefix(role));
        let cut = |next: RoleIx| self.trie.contains_key(&(node, next));
        let spur = search::best(self.graph, last, self.tree.target(), &banned, &cut)?;
        let mut path = root.to_vec();
        path.extend(spur);
        Some(path)
    }

    /// Records `path` as found, and queues its branching points from `deviation` on.
    fn record(&mut self, path: Vec<RoleIx>, deviation: usize) {
        let mut nodes = Vec::with_capacity(path.len());
        let mut costs = Vec::with_capacity(path.len());
        let mut node = 0;
        let mut cost: Cost = 0;
        for (i, &role) in path.iter().enumerate() {
            if i > 0 {
                let fresh = self.trie.len() + 1;
                node = *self.trie.entry((node, role)).or_insert(fresh);
            }
            nodes.push(node);
            costs.push(cost);
            cost += self.graph.leave(role);
        }
        let position: HashMap<RoleIx, usize> = path
            .iter()
            .enumerate()
            .map(|(i, &role)| (role, i))
            .collect();
        let route = self.found.len();
        for at in deviation..path.len().saturating_sub(1) {
            let (Some(&node), Some(&role), Some(&cost)) =
                (nodes.get(at), path.get(at), costs.get(at))
            else {
                continue;
            };
            let on_prefix = |other: RoleIx| position.get(&other).is_some_and(|&i| i <= at);
            if let Some(first) = self.first_move(node, role, &on_prefix)
                && let Some(rest) = self.tree.distance(first)
            {
                let bound = cost + self.graph.leave(role) + rest;
                self.queue
                    .push(Reverse((bound, Pending::Branch { route, at })));
            }
        }
        self.found.push(Found { path, nodes });
    }

    /// Whether `path` is a route found already.
    fn is_found(&self, path: &[RoleIx]) -> bool {
        let mut node = 0;
        path.iter()
            .skip(1)
            .all(|&role| match self.trie.get(&(node, role)) {
                Some(&next) => {
                    node = next;
                    true
                }
                None => false,
            })
    }
}

impl Iterator for SimplePaths<'_> {
    type Item = Vec<RoleIx>;

    fn next(&mut self) -> Option<Vec<RoleIx>> {
        if !self.started {
            self.started = true;
            if self.is_banned(self.from) {
                return None;
            }
            let from = self.from;
            let path = self.branch(&[from], 0, &|role| role == from)?;
            self.queue.push(Reverse((
                self.graph.path_cost(&path),
                Pending::Route { path, deviation: 0 },
            )));
        }
        while let Some(Reverse((_, pending))) = self.queue.pop() {
            match pending {
                Pending::Branch { route, at } => {
                    let Some(found) = self.found.get(route) else {
                        continue;
                    };
                    let (Some(prefix), Some(&node)) = (
                        found.path.get(..=at).map(<[RoleIx]>::to_vec),
                        found.nodes.get(at),
                    ) else {
                        continue;
                    };
                    let on_prefix: HashSet<RoleIx> = prefix.iter().copied().collect();
                    if let Some(path) =
                        self.branch(&prefix, node, &|role| on_prefix.contains(&role))
                    {
                        let cost = self.graph.path_cost(&path);
                        self.queue.push(Reverse((
                            cost,
                            Pending::Route {
                                path,
                                deviation: at,
                            },
                        )));
                    }
                }
                Pending::Route { path, deviation } => {
                    if self.is_found(&path) {
                        continue;
                    }
                    self.record(path.clone(), deviation);
                    return Some(path);
                }
            }
        }
        None
    }
}
