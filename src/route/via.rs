//! Routes through a role (`--via`): exactly the best simple routes through it, best first.
//!
//! A simple route through VIA is a route P from FROM to VIA followed by a route Q from VIA to TO
//! that keeps clear of P's roles. Joining the best P to the best Q is not enough, since the two
//! may cross. So the routes P are listed best first ([`SimplePaths`]), and for each one the
//! routes Q that keep clear of it, and all these lists are merged in one queue. A P waits in the
//! queue with a lower bound (its cost plus the best cost from VIA to TO in the whole ladder), so
//! it is only looked at once no route through VIA found so far beats that bound.
//!
//! The best simple route through a role is NP-hard to find in general (it holds the two
//! disjoint paths problem), so on a hostile ladder many P's may each cross every Q. The search
//! looks at no more than [`LEGS_BASE`] + [`LEGS_PER_ROUTE`] × limit of them; past that it
//! returns the routes it has found, which are the best ones, or says it gave up.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

use super::all::SimplePaths;
use super::graph::{Cost, Graph, Node};
use super::search::ToTarget;

/// How many routes to VIA a search through VIA may look at: this plus [`LEGS_PER_ROUTE`] for each
/// route asked for.
pub const LEGS_BASE: usize = 1_000;
/// See [`LEGS_BASE`].
pub const LEGS_PER_ROUTE: usize = 100;

/// An entry of the merged queue, after its cost and roles.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Entry {
    /// A route to VIA (the roles of the queue entry), with a lower bound as the cost.
    Leg,
    /// The route to VIA after the one whose roles, followed by [`LATER`], are those of the
    /// entry; not looked for yet. Its lower bound is that of the route before it.
    NextLeg,
    /// The route from the list of leg number `.0` after the one whose roles, followed by
    /// [`LATER`], are those of the entry; not looked for yet.
    More(usize),
    /// A whole route, from the list of the routes on from leg number `.0`.
    Route(usize),
}

/// Past every node. Two routes to the same role are never one the start of the other, so a
/// route listed after route P at equal cost has a higher node where they first differ: it, and
/// every route that goes on from it, comes after P followed by this, and the routes that go on
/// from P come before.
const LATER: Node = Node::MAX;

/// What a search through VIA found: up to `limit` routes, best first, and whether it stopped
/// early after looking at `legs` routes to VIA.
pub(super) struct Through {
    pub(super) paths: Vec<Vec<Node>>,
    pub(super) gave_up: bool,
    pub(super) legs: usize,
}

/// Up to `limit` simple routes from `from` to `to` through `via` (neither end) that pass no
/// banned role, best first.
pub(super) fn routes_via(
    graph: &Graph,
    banned: &[bool],
    from: Node,
    via: Node,
    to: Node,
    limit: usize,
) -> Through {
    let cap = LEGS_BASE.saturating_add(LEGS_PER_ROUTE.saturating_mul(limit));
    let mut leg_banned = banned.to_vec();
    if let Some(slot) = leg_banned.get_mut(to) {
        *slot = true;
    }
    let to_via = ToTarget::new(graph, via, &leg_banned);
    let to_end = ToTarget::new(graph, to, banned);
    let mut through = Through {
        paths: Vec::new(),
        gave_up: false,
        legs: 0,
    };
    let Some(rest) = to_end.distance(via) else {
        return through;
    };
    let mut legs = SimplePaths::new(graph, &to_via, &leg_banned, HashSet::new(), from);
    let mut onward: Vec<(Vec<Node>, Cost, SimplePaths)> = Vec::new();
    let mut queue: BinaryHeap<Reverse<(Cost, Vec<Node>, Entry)>> = BinaryHeap::new();
    let mut next_leg = |queue: &mut BinaryHeap<_>| {
        if let Some(leg) = legs.next() {
            queue.push(Reverse((graph.path_cost(&leg) + rest, leg, Entry::Leg)));
        }
    };
    next_leg(&mut queue);
    while through.paths.len() < limit {
        let Some(Reverse((cost, mut roles, entry))) = queue.pop() else {
            break;
        };
        let stream = match entry {
            Entry::NextLeg => {
                next_leg(&mut queue);
                continue;
            }
            Entry::Leg => {
                if through.legs >= cap {
                    through.gave_up = true;
                    break;
                }
                through.legs += 1;
                let before: HashSet<Node> =
                    roles.iter().copied().filter(|&role| role != via).collect();
                let leg_cost = cost - rest;
                onward.push((
                    roles.clone(),
                    leg_cost,
                    SimplePaths::new(graph, &to_end, banned, before, via),
                ));
                // The next route to VIA is looked for only when it could come next.
                roles.push(LATER);
                queue.push(Reverse((cost, roles, Entry::NextLeg)));
                onward.len() - 1
            }
            Entry::More(stream) => stream,
            Entry::Route(stream) => {
                let mut after = roles.clone();
                through.paths.push(roles);
                // The next route on from this leg is looked for only when it could come next.
                after.push(LATER);
                queue.push(Reverse((cost, after, Entry::More(stream))));
                continue;
            }
        };
        if let Some((leg, leg_cost, rests)) = onward.get_mut(stream)
            && let Some(rest) = rests.next()
        {
            let cost = *leg_cost + graph.path_cost(&rest);
            let mut path = leg.clone();
            path.extend(rest.into_iter().skip(1));
            queue.push(Reverse((cost, path, Entry::Route(stream))));
        }
    }
    through
}
