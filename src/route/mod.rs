//! Routes up the ladder: the best chain (or the best few chains) of promotions and track switches
//! from one role to another, ranked by typical time or by number of steps, and why there is none.
//!
//! The ladder is a directed graph: each role has edges to its `next` roles (promotions) and its
//! `lateral` roles (track switches). Lateral moves often go both ways and a user's catalogue may
//! hold a cycle by mistake, so every search here is safe on cyclic graphs and every route is a
//! simple path (no role twice).
//!
//! Routes are ranked by the measures of [`RouteOrder::criteria`], the first that differs
//! deciding: least time (the midpoints of years in role over every step but the last), then
//! fewer track switches, then more roles of the destination's kind (managing people or not), then
//! fewer moves (with `--by steps`, moves first and time second), and last the role ids compared
//! one by one in alphabetical order, so that the answer never depends on the order of the file.
//! The searches see this as one integer cost per move ([`graph::Cost`]) over the roles numbered
//! in the order of their ids ([`graph::Node`]): the lowest node is the first id.
//!
//! - [`query`]: the question and the answer.
//! - [`search`]: the best route (Dijkstra).
//! - [`all`]: every simple route, best first (Yen and Lawler), for `--all`.
//! - [`via`]: the best routes through a role, exactly, for `--via`.
//! - [`no_route`]: why there is none.

mod all;
mod graph;
mod no_route;
mod query;
mod search;
#[cfg(test)]
mod tests;
mod via;

use std::collections::HashSet;

pub use no_route::NoRoute;
pub use query::{Criterion, Route, RouteOrder, RouteQuery, Total, add_years};
pub use via::{LEGS_BASE, LEGS_PER_ROUTE};

use crate::model::Catalogue;
use all::SimplePaths;
use graph::Graph;
use search::ToTarget;

/// How many other routes [`find_routes_and_ties`] counts as tied with the best one at most;
/// past that it says "more than".
pub const TIES_COUNTED: usize = 20;

/// The routes tied with the best one on the first measure (time, or moves with `--by steps`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ties {
    /// How many other routes tie with the best one: exactly, or (with `more`) at least one
    /// more than this.
    pub others: usize,
    /// Whether the search stopped while routes still tied (after about [`TIES_COUNTED`], or at
    /// the limit), so that more than `others` tie.
    pub more: bool,
    /// What ranks the best route before the next one, when they tie.
    pub chosen_by: Option<Criterion>,
}

/// The routes from `query.from` to `query.to`, best first, or why there is none.
///
/// - FROM equal to TO is one route of one step and no years.
/// - `avoid` removes those roles from the ladder; avoiding FROM or TO is an error, and so is
///   avoiding the `via` role.
/// - `limit` 1 returns the best route; `limit` N returns up to N routes, best first: every simple
///   route when there are fewer than N. Routes equal on every measure come in the order of their
///   role ids, compared one by one from the start: at the first role where two differ, the
///   route whose role id comes first alphabetically comes first.
/// - `via` keeps only the routes through that role: the best N of them, exactly (see [`via`]).
///   Via FROM or TO is no constraint. On a ladder where the routes to VIA keep crossing the
///   routes on from it, the search gives up after [`LEGS_BASE`] + [`LEGS_PER_ROUTE`] × N routes
///   to VIA: it returns the routes found by then (the best ones), or [`NoRoute::ViaGaveUp`].
pub fn find_routes(catalogue: &Catalogue, query: &RouteQuery) -> Result<Vec<Route>, NoRoute> {
    search(catalogue, query, false).map(|(routes, _)| routes)
}

/// [`find_routes`], and how many other routes tie with the best one on the first measure (up to
/// [`TIES_COUNTED`], looked for past `limit` where needed) and what chose between them.
pub fn find_routes_and_ties(
    catalogue: &Catalogue,
    query: &RouteQuery,
) -> Result<(Vec<Route>, Ties), NoRoute> {
    search(catalogue, query, true)
}

fn search(
    catalogue: &Catalogue,
    query: &RouteQuery,
    count_ties: bool,
) -> Result<(Vec<Route>, Ties), NoRoute> {
    let RouteQuery {
        from,
        to,
        order,
        via,
        ref avoid,
        limit,
    } = *query;
    for end in [from, to] {
        if avoid.contains(&end) {
            return Err(NoRoute::EndpointAvoided { role: end });
        }
    }
    if let Some(via) = via
        && avoid.contains(&via)
    {
        return Err(NoRoute::ViaAvoided { via });
    }
    let count = catalogue.roles.len();
    if from >= count || to >= count || via.is_some_and(|via| via >= count) {
        return Err(NoRoute::Unreachable { from, to });
    }
    let limit = limit.max(1);
    if from == to {
        return match via {
            Some(via) if via != from => Err(NoRoute::ViaUnreachable { from, via, to }),
            _ => Ok((vec![Route::new(catalogue, vec![from])], Ties::default())),
        };
    }

    let graph = Graph::new(catalogue, order, to);
    let mut banned = vec![false; count];
    for &role in avoid {
        if let Some(slot) = banned.get_mut(graph.node(role)) {
            *slot = true;
        }
    }
    let to_route = |nodes: Vec<graph::Node>| {
        let roles = nodes.into_iter().map(|node| graph.role(node)).collect();
        Route::ranked(catalogue, roles, graph.unknown)
    };
    // With ties to count: enough routes for the best, TIES_COUNTED more tied with it, and one
    // past them to know whether there are more.
    let wanted = if count_ties {
        limit.max(TIES_COUNTED + 2)
    } else {
        limit
    };
    let (start, end) = (graph.node(from), graph.node(to));
    // Whether `found` may stop short of every route tied with the best one.
    let cut;
    let mut found: Vec<Route> = match via {
        Some(via) if via != from && via != to => {
            let through = via::routes_via(&graph, &banned, start, graph.node(via), end, wanted);
            cut = through.gave_up || through.paths.len() >= wanted;
            if through.paths.is_empty() && through.gave_up {
                return Err(NoRoute::ViaGaveUp {
                    from,
                    via,
                    to,
                    legs: through.legs,
                });
            }
            through.paths.into_iter().map(to_route).collect()
        }
        _ => {
            let tree = ToTarget::new(&graph, end, &banned);
            let mut paths = SimplePaths::new(&graph, &tree, &banned, HashSet::new(), start);
            let mut found: Vec<Route> = paths.by_ref().take(limit).map(to_route).collect();
            // Past the limit, only while the routes still tie with the best one.
            while count_ties && found.len() < wanted {
                let (Some(best), Some(last)) = (found.first(), found.last()) else {
                    break;
                };
                if !last.ties_with(best, order) {
                    break;
                }
                let Some(next) = paths.next() else {
                    break;
                };
                found.push(to_route(next));
            }
            cut = found.len() >= wanted;
            found
        }
    };
    if found.is_empty() {
        return Err(no_route::diagnose(catalogue, &graph, query, &banned));
    }
    let mut ties = Ties::default();
    if let Some((best, rest)) = found.split_first() {
        let tied = rest
            .iter()
            .filter(|route| route.ties_with(best, order))
            .count();
        // The list holds every tie unless it was cut while the routes still tied.
        ties.more = cut && tied > 0 && found.last().is_some_and(|last| last.ties_with(best, order));
        ties.others = if ties.more { tied - 1 } else { tied };
        ties.chosen_by = rest
            .first()
            .filter(|next| next.ties_with(best, order))
            .and_then(|next| best.decided_by(next, order));
    }
    found.truncate(limit);
    Ok((found, ties))
}
