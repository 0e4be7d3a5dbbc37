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
//! - equal routes come in the order of their nodes (the roles by id, see [`Graph`]), compared
//!   role by role from the start. A branching point waits in the queue with
//!   the least key any route it can give may have (its bound, then its prefix and the best move
//!   left), so it is worked out only when that key comes first: along a long route with many
//!   equally good detours only the few branching points the next route needs are worked out, and
//!   keys of one route share its roles (an [`Rc`]) rather than copying them.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::rc::Rc;

use super::graph::{Cost, Graph, Node};
use super::search::{self, ToTarget};

/// Every simple route from `from` to the target of `tree` that passes none of the `banned` or
/// `extra` roles, best first: by cost, then equal routes by their nodes compared role by role
/// from the start (the first route to have the lower node where they differ comes first).
pub(super) struct SimplePaths<'g> {
    graph: &'g Graph,
    tree: &'g ToTarget,
    banned: &'g [bool],
    extra: HashSet<Node>,
    from: Node,
    started: bool,
    found: Vec<Found>,
    /// The prefix tree of the routes found: (node, next role) to node; node 0 is `[from]`.
    trie: HashMap<(usize, Node), usize>,
    /// Per tree node, how far into `ToTarget::ranked` of its last role the moves are known to be
    /// taken or barred, so that a wide fan is walked once rather than once per route.
    cursor: HashMap<usize, usize>,
    queue: BinaryHeap<Reverse<Pending>>,
}

/// A route found, with the prefix-tree node of each of its roles.
struct Found {
    path: Rc<[Node]>,
    nodes: Vec<usize>,
}

/// What waits in the queue, ordered by cost, then by its roles (see [`Pending::roles`]), then a
/// branching point before a route, so that a route is taken only when no branching point can
/// still give a better one.
struct Pending {
    cost: Cost,
    path: Rc<[Node]>,
    kind: Kind,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// Branching off route `route` (`path`) at its role number `at`, best by the move to `first`;
    /// the cost is a lower bound.
    Branch {
        at: usize,
        first: Node,
        route: usize,
    },
    /// The route `path`, with the index of the role where it branched off.
    Route { deviation: usize },
}

impl Pending {
    /// The roles to compare: a route's roles, or a branching point's prefix and best move left,
    /// which come before (or are) the roles of every route of that cost it can give.
    fn roles(&self) -> (&[Node], Option<Node>) {
        match self.kind {
            Kind::Branch { at, first, .. } => (self.path.get(..=at).unwrap_or(&[]), Some(first)),
            Kind::Route { .. } => (&self.path, None),
        }
    }

    /// Compares the roles of two entries, skipping the shared part of one route's roles.
    fn cmp_roles(&self, other: &Pending) -> Ordering {
        let ((a, a_last), (b, b_last)) = (self.roles(), other.roles());
        let common = a.len().min(b.len());
        let shared = if Rc::ptr_eq(&self.path, &other.path) {
            Ordering::Equal
        } else {
            a.get(..common).cmp(&b.get(..common))
        };
        shared.then_with(|| {
            let a = a.get(common..).unwrap_or(&[]).iter().copied().chain(a_last);
            let b = b.get(common..).unwrap_or(&[]).iter().copied().chain(b_last);
            a.cmp(b)
        })
    }
}

impl Ord for Pending {
    fn cmp(&self, other: &Pending) -> Ordering {
        self.cost
            .cmp(&other.cost)
            .then_with(|| self.cmp_roles(other))
            .then_with(|| self.kind.cmp(&other.kind))
    }
}

impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Pending) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Pending {
    fn eq(&self, other: &Pending) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Pending {}

impl<'g> SimplePaths<'g> {
    pub(super) fn new(
        graph: &'g Graph,
        tree: &'g ToTarget,
        banned: &'g [bool],
        extra: HashSet<Node>,
        from: Node,
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

    fn is_banned(&self, role: Node) -> bool {
        self.banned.get(role).copied().unwrap_or(true) || self.extra.contains(&role)
    }

    /// The best move out of the last role of `prefix` (tree node `node`) that is neither taken by
    /// a route found nor onto a role of `prefix` (`on_prefix`) or a banned one.
    fn first_move(
        &mut self,
        node: usize,
        last: Node,
        on_prefix: &dyn Fn(Node) -> bool,
    ) -> Option<Node> {
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
        prefix: &[Node],
        node: usize,
        on_prefix: &dyn Fn(Node) -> bool,
    ) -> Option<Vec<Node>> {
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
        let banned = |role: Node| self.is_banned(role) || (role != last && on_prefix(role));
        let cut = |next: Node| self.trie.contains_key(&(node, next));
        let spur = search::best(self.graph, last, self.tree.target(), &banned, &cut)?;
        let mut path = root.to_vec();
        path.extend(spur);
        Some(path)
    }

    /// Records `path` as found, and queues its branching points from `deviation` on.
    fn record(&mut self, path: Rc<[Node]>, deviation: usize) {
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
            if let Some(&next) = path.get(i + 1) {
                cost += self.graph.step(role, next);
            }
        }
        let position: HashMap<Node, usize> = path
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
            let on_prefix = |other: Node| position.get(&other).is_some_and(|&i| i <= at);
            if let Some(first) = self.first_move(node, role, &on_prefix)
                && let Some(rest) = self.tree.distance(first)
            {
                self.queue.push(Reverse(Pending {
                    cost: cost + self.graph.step(role, first) + rest,
                    path: Rc::clone(&path),
                    kind: Kind::Branch { at, first, route },
                }));
            }
        }
        self.found.push(Found { path, nodes });
    }

    /// Whether `path` is a route found already.
    fn is_found(&self, path: &[Node]) -> bool {
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
    type Item = Vec<Node>;

    fn next(&mut self) -> Option<Vec<Node>> {
        if !self.started {
            self.started = true;
            if self.is_banned(self.from) {
                return None;
            }
            let from = self.from;
            let path = self.branch(&[from], 0, &|role| role == from)?;
            self.queue.push(Reverse(Pending {
                cost: self.graph.path_cost(&path),
                path: path.into(),
                kind: Kind::Route { deviation: 0 },
            }));
        }
        while let Some(Reverse(pending)) = self.queue.pop() {
            match pending.kind {
                Kind::Branch { route, at, .. } => {
                    let Some(found) = self.found.get(route) else {
                        continue;
                    };
                    let (Some(prefix), Some(&node)) = (
                        found.path.get(..=at).map(<[Node]>::to_vec),
                        found.nodes.get(at),
                    ) else {
                        continue;
                    };
                    let on_prefix: HashSet<Node> = prefix.iter().copied().collect();
                    if let Some(path) =
                        self.branch(&prefix, node, &|role| on_prefix.contains(&role))
                    {
                        self.queue.push(Reverse(Pending {
                            cost: self.graph.path_cost(&path),
                            path: path.into(),
                            kind: Kind::Route { deviation: at },
                        }));
                    }
                }
                Kind::Route { deviation } => {
                    if self.is_found(&pending.path) {
                        continue;
                    }
                    self.record(Rc::clone(&pending.path), deviation);
                    return Some(pending.path.to_vec());
                }
            }
        }
        None
    }
}
