//! Routes up the ladder: the best chain (or the best few chains) of promotions and track switches
//! from one role to another, ranked by typical time or by number of steps, and why there is none.
//!
//! The ladder is a directed graph: each role has edges to its `next` roles (promotions) and its
//! `lateral` roles (track switches). Lateral moves often go both ways and a user's catalogue may
//! hold a cycle by mistake, so every search here is safe on cyclic graphs and every route is a
//! simple path (no role twice).
//!
//! Leaving a role costs the years spent in it, so a route's cost counts every step but the last.
//! Costs are exact integers (`Tenure::midpoint_millis`, step counts) compared as a pair: `(time,
//! steps)` for [`RouteOrder::Time`], `(steps, time)` for [`RouteOrder::Steps`]; routes of equal cost
//! are ordered by their sequence of role indices, so the answer never depends on hash order.
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
pub use query::{Route, RouteOrder, RouteQuery, Total, add_years};
pub use via::{LEGS_BASE, LEGS_PER_ROUTE};

use crate::model::Catalogue;
use all::SimplePaths;
use graph::Graph;
use search::ToTarget;

/// The routes from `query.from` to `query.to`, best first, or why there is none.
///
/// - FROM equal to TO is one route of one step and no years.
/// - `avoid` removes those roles from the ladder; avoiding FROM or TO is an error, and so is
///   avoiding the `via` role.
/// - `limit` 1 returns the best route; `limit` N returns up to N routes, best first: every simple
///   route when there are fewer than N. Routes of equal cost come in the order of their roles in
///   the catalogue, compared one by one from the start: at the first role where two differ, the
///   route whose role comes earlier in the catalogue comes first.
/// - `via` keeps only the routes through that role: the best N of them, exactly (see [`via`]).
///   Via FROM or TO is no constraint. On a ladder where the routes to VIA keep crossing the
///   routes on from it, the search gives up after [`LEGS_BASE`] + [`LEGS_PER_ROUTE`] × N routes
///   to VIA: it returns the routes found by then (the best ones), or [`NoRoute::ViaGaveUp`].
pub fn find_routes(catalogue: &Catalogue, query: &RouteQuery) -> Result<Vec<Route>, NoRoute> {
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
            _ => Ok(vec![Route::new(catalogue, vec![from])]),
        };
    }

    let graph = Graph::new(catalogue, order);
    let mut banned = vec![false; count];
    for &role in avoid {
        if let Some(slot) = banned.get_mut(role) {
            *slot = true;
        }
    }
    let paths = match via {
        Some(via) if via != from && via != to => {
            let through = via::routes_via(&graph, &banned, from, via, to, limit);
            if through.paths.is_empty() && through.gave_up {
                return Err(NoRoute::ViaGaveUp {
                    from,
                    via,
                    to,
                    legs: through.legs,
                });
            }
            through.paths
        }
        _ => {
            let tree = ToTarget::new(&graph, to, &banned);
            SimplePaths::new(&graph, &tree, &banned, HashSet::new(), from)
                .take(limit)
                .collect()
        }
    };
    if paths.is_empty() {
        return Err(no_route::diagnose(catalogue, &graph, query, &banned));
    }
    Ok(paths
        .into_iter()
        .map(|steps| Route::new(catalogue, steps))
        .collect())
}
