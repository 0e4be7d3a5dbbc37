//! Why there is no route: [`NoRoute`], found by [`diagnose`], and said in words by
//! [`NoRoute::explain`].

use std::collections::HashSet;

use super::graph::{Graph, Node};
use super::query::RouteQuery;
use super::search;
use crate::model::{Catalogue, RoleIx};

/// Why [`find_routes`](super::find_routes) found no route. [`NoRoute::explain`] says it in words, with role titles.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NoRoute {
    /// No route exists and FROM is at a higher level than TO: routes go up the ladder.
    #[error("no route from role #{from} down to role #{to}: routes only go up the ladder")]
    Downward { from: RoleIx, to: RoleIx },
    /// No chain of promotions and track switches leads from FROM to TO.
    #[error("no chain of moves leads from role #{from} to role #{to}")]
    Unreachable { from: RoleIx, to: RoleIx },
    /// Routes exist, but every one passes through an avoided role; `avoided` lists the avoided
    /// roles that lie between FROM and TO.
    #[error("every route from role #{from} to role #{to} passes through an avoided role")]
    OnlyThroughAvoided {
        from: RoleIx,
        to: RoleIx,
        avoided: Vec<RoleIx>,
    },
    /// Routes from FROM to TO exist, but none passes through VIA (as a simple route that keeps
    /// clear of the avoided roles).
    #[error("no route from role #{from} to role #{to} passes through role #{via}")]
    ViaUnreachable {
        from: RoleIx,
        via: RoleIx,
        to: RoleIx,
    },
    /// Routes from FROM to VIA and from VIA to TO exist, but every one of each passes through
    /// `role` (which may be FROM or TO), so no route that visits each role once goes through VIA.
    #[error(
        "every route from role #{from} to role #{via} and on to role #{to} passes role #{role}"
    )]
    ViaBlocked {
        from: RoleIx,
        via: RoleIx,
        to: RoleIx,
        role: RoleIx,
    },
    /// The search through VIA gave up after looking at `legs` routes from FROM to VIA, each of
    /// which crosses every route on from VIA to TO.
    #[error("no route from role #{from} to role #{to} through role #{via} among {legs} tried")]
    ViaGaveUp {
        from: RoleIx,
        via: RoleIx,
        to: RoleIx,
        legs: usize,
    },
    /// The start or the end of the route is among the roles to avoid.
    #[error("role #{role} is an end of the route, so it cannot be avoided")]
    EndpointAvoided { role: RoleIx },
    /// The role to go via is also among the roles to avoid.
    #[error("role #{via} is both the role to go via and a role to avoid")]
    ViaAvoided { via: RoleIx },
}

impl NoRoute {
    /// One or two sentences for a person: the roles by title, why there is no route, and what to
    /// try next (commands use role ids, which always resolve).
    pub fn explain(&self, catalogue: &Catalogue) -> String {
        let title = |ix: RoleIx| {
            catalogue
                .roles
                .get(ix)
                .map_or_else(|| format!("role #{ix}"), |role| role.title.clone())
        };
        let id = |ix: RoleIx| {
            catalogue
                .roles
                .get(ix)
                .map_or_else(|| ix.to_string(), |role| role.id.clone())
        };
        let level = |ix: RoleIx| {
            catalogue
                .roles
                .get(ix)
                .map_or_else(String::new, |role| format!(" (level {})", role.level))
        };
        match self {
            NoRoute::Downward { from, to } => format!(
                "there is no route from {} down to {}: {}{} is above {}{}, and routes only go up \
                 the ladder. Try `ladder path {} {}` to go the other way.",
                title(*from),
                title(*to),
                title(*from),
                level(*from),
                title(*to),
                level(*to),
                id(*to),
                id(*from),
            ),
            NoRoute::Unreachable { from, to } => format!(
                "no chain of promotions or track switches leads from {} to {}. Try `ladder show \
                 {}` to see where {} leads.",
                title(*from),
                title(*to),
                id(*from),
                title(*from),
            ),
            NoRoute::OnlyThroughAvoided { from, to, avoided } => {
                let titles: Vec<String> = avoided.iter().map(|&ix| title(ix)).collect();
                let flags: Vec<String> = avoided
                    .iter()
                    .map(|&ix| format!("`--avoid {}`", id(ix)))
                    .collect();
                match titles.as_slice() {
                    [one] => format!(
                        "every route from {} to {} passes through {}, which you asked to avoid. \
                         Leave out {} to see them.",
                        title(*from),
                        title(*to),
                        one,
                        flags.join(" "),
                    ),
                    _ => format!(
                        "every route from {} to {} passes through at least one of {}, which you \
                         asked to avoid. Avoid fewer of them ({}) to find one.",
                        title(*from),
                        title(*to),
                        join_or(&titles),
                        flags.join(", "),
                    ),
                }
            }
            NoRoute::ViaUnreachable { from, via, to } => format!(
                "no route from {} to {} passes through {}: it is not between them on the ladder, \
                 or every way through it visits a role twice or one you asked to avoid. Try \
                 `ladder path {} {}` and `ladder path {} {}` on their own, or leave out `--via {}`.",
                title(*from),
                title(*to),
                title(*via),
                id(*from),
                id(*via),
                id(*via),
                id(*to),
                id(*via),
            ),
            NoRoute::ViaBlocked {
                from,
                via,
                to,
                role,
            } => format!(
                "no route from {} to {} passes through {}: every way from {} to {} and every way \
                 on from {} to {} passes through {}, and a route visits each role once. Try \
                 `ladder path {} {}` and `ladder path {} {}` on their own, or leave out `--via {}`.",
                title(*from),
                title(*to),
                title(*via),
                title(*from),
                title(*via),
                title(*via),
                title(*to),
                title(*role),
                id(*from),
                id(*via),
                id(*via),
                id(*to),
                id(*via),
            ),
            NoRoute::ViaGaveUp {
                from,
                via,
                to,
                legs,
            } => format!(
                "no route from {} to {} through {} was found among the best {legs} routes from {} \
                 to {}: each of them crosses every way on to {}. Try `ladder path {} {}` and \
                 `ladder path {} {}` on their own, or leave out `--via {}`.",
                title(*from),
                title(*to),
                title(*via),
                title(*from),
                title(*via),
                title(*to),
                id(*from),
                id(*via),
                id(*via),
                id(*to),
                id(*via),
            ),
            NoRoute::EndpointAvoided { role } => format!(
                "{} is where the route starts or ends, so it cannot be avoided. Leave out \
                 `--avoid {}`.",
                title(*role),
                id(*role),
            ),
            NoRoute::ViaAvoided { via } => format!(
                "{} is both the role to go via and a role to avoid. Leave out `--via {}` or \
                 `--avoid {}`.",
                title(*via),
                id(*via),
                id(*via),
            ),
        }
    }
}

/// "A", "A or B", "A, B or C".
fn join_or(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {}", rest.join(", "), last),
    }
}

/// How many roles [`blocker`] checks, two walks over the ladder each, so that a failed `--via`
/// on a large ladder stays linear.
const BLOCKERS_TRIED: usize = 16;

/// A node (FROM or TO included, VIA not) that every route from `from` to `via` and every route
/// from `via` to `to` pass through, if one is among the first [`BLOCKERS_TRIED`] roles that one
/// best route of each leg share: a role on every route of a leg is on that leg's best route.
fn blocker(graph: &Graph, from: Node, via: Node, to: Node, banned: &[bool]) -> Option<Node> {
    let is_banned = |role: Node| banned.get(role).copied().unwrap_or(true);
    let first = search::best(graph, from, via, &is_banned, &|_| false)?;
    let second: HashSet<Node> = search::best(graph, via, to, &is_banned, &|_| false)?
        .into_iter()
        .filter(|&role| role != via)
        .collect();
    let reaches = |start: Node, end: Node, without: &[bool]| {
        graph
            .reachable(start, without, false)
            .get(end)
            .copied()
            .unwrap_or(false)
    };
    first
        .into_iter()
        .filter(|&role| role != via && second.contains(&role))
        .take(BLOCKERS_TRIED)
        .find(|&role| {
            let mut without = banned.to_vec();
            if let Some(slot) = without.get_mut(role) {
                *slot = true;
            }
            (role == from || !reaches(from, via, &without))
                && (role == to || !reaches(via, to, &without))
        })
}

/// Why there is no route: the first of these that holds. `banned` is by node.
pub(super) fn diagnose(
    catalogue: &Catalogue,
    graph: &Graph,
    query: &RouteQuery,
    banned: &[bool],
) -> NoRoute {
    let (from, to) = (query.from, query.to);
    let (start, end) = (graph.node(from), graph.node(to));
    let reachable_avoiding = graph
        .reachable(start, banned, false)
        .get(end)
        .copied()
        .unwrap_or(false);
    if let Some(via) = query.via
        && reachable_avoiding
    {
        return match blocker(graph, start, graph.node(via), end, banned) {
            Some(node) => NoRoute::ViaBlocked {
                from,
                via,
                to,
                role: graph.role(node),
            },
            None => NoRoute::ViaUnreachable { from, via, to },
        };
    }
    let nothing_banned = vec![false; graph.len()];
    let ahead = graph.reachable(start, &nothing_banned, false);
    if ahead.get(end).copied().unwrap_or(false) {
        let behind = graph.reachable(end, &nothing_banned, true);
        let mut named = HashSet::new();
        let avoided: Vec<RoleIx> = query
            .avoid
            .iter()
            .copied()
            .filter(|&role| {
                let node = graph.node(role);
                role < graph.len()
                    && ahead.get(node).copied().unwrap_or(false)
                    && behind.get(node).copied().unwrap_or(false)
                    && named.insert(role)
            })
            .collect();
        return NoRoute::OnlyThroughAvoided { from, to, avoided };
    }
    let level = |ix: RoleIx| catalogue.roles.get(ix).map(|role| role.level);
    if level(from) > level(to) {
        NoRoute::Downward { from, to }
    } else {
        NoRoute::Unreachable { from, to }
    }
}
