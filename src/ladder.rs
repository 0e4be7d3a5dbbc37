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
//! - The best route is a Dijkstra search run backwards from the target (binary heap, arrays
//!   indexed by role, stopping as soon as the start is settled), followed by a walk forward from the
//!   start that always takes the lowest-indexed role still on an optimal route. Every step costs at
//!   least one step, so optimal routes are always simple. This is `O((V + E) log V)`.
//! - More than one route ([`RouteQuery::limit`] above 1) uses Yen's k-shortest loopless paths, with
//!   Lawler's refinement of only branching off at or after the point where a route left its parent.
//!   It costs one such search per role of each route returned, never enumerates more routes than
//!   asked for, and returns exactly every simple route when there are fewer than asked for.
//! - A route through [`RouteQuery::via`] is assembled from two legs; see [`find_routes`].

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};
use std::ops::Add;

use crate::model::{Catalogue, RoleIx};

/// How routes are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RouteOrder {
    /// Least typical time: the sum of tenure midpoints over every step but the last; ties go to the
    /// route with fewer steps.
    #[default]
    Time,
    /// Fewest steps; ties go to the route with less typical time.
    Steps,
}

/// A question for [`find_routes`]: how to get from one role to another.
#[derive(Debug, Clone)]
pub struct RouteQuery {
    /// Where the route starts.
    pub from: RoleIx,
    /// Where the route ends.
    pub to: RoleIx,
    /// How routes are ranked.
    pub order: RouteOrder,
    /// A role the route must pass through.
    pub via: Option<RoleIx>,
    /// Roles the route must not pass through.
    pub avoid: Vec<RoleIx>,
    /// How many routes to return, best first: 1 for the best route only (0 counts as 1).
    pub limit: usize,
}

impl RouteQuery {
    /// The best route from `from` to `to` by least time, with no via and nothing avoided.
    pub fn new(from: RoleIx, to: RoleIx) -> RouteQuery {
        RouteQuery {
            from,
            to,
            order: RouteOrder::Time,
            via: None,
            avoid: Vec::new(),
            limit: 1,
        }
    }
}

/// One route up the ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// The roles from FROM to TO, both included.
    pub steps: Vec<RoleIx>,
    /// The sum of the tenure minimums of every step but the last, in years.
    pub min_years: f64,
    /// The sum of the tenure maximums of every step but the last, in years.
    pub max_years: f64,
    /// The sum of the tenure midpoints of every step but the last, in thousandths of a year.
    pub time_millis: u64,
}

impl Route {
    /// The route through these roles, with its totals taken from the catalogue.
    pub fn new(catalogue: &Catalogue, steps: Vec<RoleIx>) -> Route {
        let mut min_years = 0.0;
        let mut max_years = 0.0;
        let mut time_millis = 0u64;
        let counted = steps.split_last().map_or(&[][..], |(_, rest)| rest);
        for &ix in counted {
            if let Some(role) = catalogue.roles.get(ix) {
                min_years += role.tenure.min;
                max_years += role.tenure.max;
                time_millis = time_millis.saturating_add(role.tenure.midpoint_millis());
            }
        }
        Route {
            steps,
            min_years,
            max_years,
            time_millis,
        }
    }
}

/// Why [`find_routes`] found no route. [`NoRoute::explain`] says it in words, with role titles.
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

/// How many candidate routes `--via` with a `limit` above 1 examines, at most, before giving up:
/// `VIA_CANDIDATES_BASE + limit * VIA_CANDIDATES_PER_ROUTE`. See [`find_routes`].
pub const VIA_CANDIDATES_BASE: usize = 10_000;
/// See [`VIA_CANDIDATES_BASE`].
pub const VIA_CANDIDATES_PER_ROUTE: usize = 100;

fn via_candidate_cap(limit: usize) -> usize {
    VIA_CANDIDATES_BASE.saturating_add(limit.saturating_mul(VIA_CANDIDATES_PER_ROUTE))
}

/// The routes from `query.from` to `query.to`, best first, or why there is none.
///
/// - FROM equal to TO is one route of one step and no years.
/// - `avoid` removes those roles from the ladder; avoiding FROM or TO is an error, and so is
///   avoiding the `via` role.
/// - `limit` 1 returns the best route; `limit` N returns up to N routes, best first: every simple
///   route when there are fewer than N.
/// - `via` with `limit` 1 joins the best FROM→VIA and VIA→TO legs. So that the joined route stays
///   simple, it computes the first leg and then the second without the first leg's roles, and also
///   the second leg first and then the first without its roles, and keeps the better of the two.
///   This is the best route through VIA unless both legs must bend around each other; when
///   neither order gives a route it falls back to the search below (with `limit` 1).
/// - `via` with `limit` above 1 enumerates simple FROM→TO routes best first (Yen) and keeps those
///   that pass through VIA. So that it never hangs on a large ladder where few routes pass through
///   VIA, it examines at most `VIA_CANDIDATES_BASE + limit * VIA_CANDIDATES_PER_ROUTE` (10,000 +
///   100 per route asked for) routes; past that it returns what it has found, and reports
///   [`NoRoute::ViaUnreachable`] if that is nothing.
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
    let paths: Vec<Vec<RoleIx>> = match via {
        None => SimplePaths::new(&graph, banned.clone(), from, to)
            .take(limit)
            .collect(),
        Some(via) if limit == 1 => best_via(&graph, &banned, from, via, to)
            .into_iter()
            .collect(),
        Some(via) => SimplePaths::new(&graph, banned.clone(), from, to)
            .take(via_candidate_cap(limit))
            .filter(|path| path.contains(&via))
            .take(limit)
            .collect(),
    };
    if paths.is_empty() {
        return Err(diagnose(catalogue, &graph, query, &banned));
    }
    Ok(paths
        .into_iter()
        .map(|steps| Route::new(catalogue, steps))
        .collect())
}

/// The best simple route through `via`, from two legs (see [`find_routes`]).
fn best_via(
    graph: &Graph,
    banned: &[bool],
    from: RoleIx,
    via: RoleIx,
    to: RoleIx,
) -> Option<Vec<RoleIx>> {
    let mut search = Search::new(graph.len());
    let mut joined: Vec<Vec<RoleIx>> = Vec::new();
    // Leg one first, then leg two around it.
    if let Some(first) = search.best(graph, from, via, banned, &[]) {
        let without = banned_with(banned, &first, via);
        if let Some(second) = search.best(graph, via, to, &without, &[]) {
            joined.push(join_legs(first, &second));
        }
    }
    // Leg two first, then leg one around it.
    if let Some(second) = search.best(graph, via, to, banned, &[]) {
        let without = banned_with(banned, &second, via);
        if let Some(first) = search.best(graph, from, via, &without, &[]) {
            joined.push(join_legs(first, &second));
        }
    }
    joined
        .into_iter()
        .map(|path| (graph.path_cost(&path), path))
        .min()
        .map(|(_, path)| path)
        .or_else(|| {
            SimplePaths::new(graph, banned.to_vec(), from, to)
                .take(via_candidate_cap(1))
                .find(|path| path.contains(&via))
        })
}

/// `banned` plus the roles of `leg` other than `keep`.
fn banned_with(banned: &[bool], leg: &[RoleIx], keep: RoleIx) -> Vec<bool> {
    let mut out = banned.to_vec();
    for &role in leg {
        if role != keep
            && let Some(slot) = out.get_mut(role)
        {
            *slot = true;
        }
    }
    out
}

/// Leg one (ending at VIA) followed by leg two (starting at VIA), with VIA once.
fn join_legs(mut first: Vec<RoleIx>, second: &[RoleIx]) -> Vec<RoleIx> {
    first.extend(second.iter().skip(1));
    first
}

/// Why there is no route: the first of these that holds.
fn diagnose(catalogue: &Catalogue, graph: &Graph, query: &RouteQuery, banned: &[bool]) -> NoRoute {
    let (from, to) = (query.from, query.to);
    let reachable_avoiding = graph
        .reachable(from, banned, Direction::Forward)
        .get(to)
        .copied()
        .unwrap_or(false);
    if let Some(via) = query.via
        && reachable_avoiding
    {
        return NoRoute::ViaUnreachable { from, via, to };
    }
    let nothing_banned = vec![false; graph.len()];
    let ahead = graph.reachable(from, &nothing_banned, Direction::Forward);
    if ahead.get(to).copied().unwrap_or(false) {
        let behind = graph.reachable(to, &nothing_banned, Direction::Backward);
        let mut avoided: Vec<RoleIx> = Vec::new();
        for &role in &query.avoid {
            let between = ahead.get(role).copied().unwrap_or(false)
                && behind.get(role).copied().unwrap_or(false);
            if between && !avoided.contains(&role) {
                avoided.push(role);
            }
        }
        return NoRoute::OnlyThroughAvoided { from, to, avoided };
    }
    let level = |ix: RoleIx| catalogue.roles.get(ix).map(|role| role.level);
    if level(from) > level(to) {
        NoRoute::Downward { from, to }
    } else {
        NoRoute::Unreachable { from, to }
    }
}

/// The cost of a route, compared lexicographically: `(time, steps)` or `(steps, time)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Cost {
    primary: u64,
    secondary: u64,
}

impl Add for Cost {
    type Output = Cost;

    fn add(self, other: Cost) -> Cost {
        Cost {
            primary: self.primary.saturating_add(other.primary),
            secondary: self.secondary.saturating_add(other.secondary),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Forward,
    Backward,
}

/// The ladder as compact adjacency arrays, both ways, with the cost of leaving each role.
/// Built once per query, so the searches do not depend on `Catalogue::previous` being in step.
struct Graph {
    out_start: Vec<usize>,
    out: Vec<RoleIx>,
    in_start: Vec<usize>,
    inward: Vec<RoleIx>,
    leave: Vec<Cost>,
}

impl Graph {
    fn new(catalogue: &Catalogue, order: RouteOrder) -> Graph {
        let count = catalogue.roles.len();
        let mut out_start = Vec::with_capacity(count + 1);
        let mut out = Vec::new();
        let mut in_degree = vec![0usize; count];
        let mut leave = Vec::with_capacity(count);
        for role in &catalogue.roles {
            out_start.push(out.len());
            for &next in role.next.iter().chain(&role.lateral) {
                if let Some(degree) = in_degree.get_mut(next) {
                    *degree += 1;
                    out.push(next);
                }
            }
            let millis = role.tenure.midpoint_millis();
            leave.push(match order {
                RouteOrder::Time => Cost {
                    primary: millis,
                    secondary: 1,
                },
                RouteOrder::Steps => Cost {
                    primary: 1,
                    secondary: millis,
                },
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

    fn len(&self) -> usize {
        self.leave.len()
    }

    /// The roles one move away from `role`.
    fn successors(&self, role: RoleIx) -> &[RoleIx] {
        Self::slice(&self.out_start, &self.out, role)
    }

    /// The roles one move away from which lead to `role`.
    fn predecessors(&self, role: RoleIx) -> &[RoleIx] {
        Self::slice(&self.in_start, &self.inward, role)
    }

    /// The cost of the step out of `role`.
    fn leave(&self, role: RoleIx) -> Cost {
        self.leave.get(role).copied().unwrap_or_default()
    }

    /// The cost of a route: leaving every role but the last.
    fn path_cost(&self, path: &[RoleIx]) -> Cost {
        let counted = path.split_last().map_or(&[][..], |(_, rest)| rest);
        counted
            .iter()
            .fold(Cost::default(), |sum, &role| sum + self.leave(role))
    }

    /// Which roles can be reached from `start` (or can reach it, going backward) without passing
    /// a banned role.
    fn reachable(&self, start: RoleIx, banned: &[bool], direction: Direction) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let mut stack = Vec::new();
        if let Some(slot) = seen.get_mut(start) {
            *slot = true;
            stack.push(start);
        }
        while let Some(role) = stack.pop() {
            let moves = match direction {
                Direction::Forward => self.successors(role),
                Direction::Backward => self.predecessors(role),
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

/// A reusable Dijkstra workspace: distances to the target, reset between searches by undoing
/// only what the last search touched.
struct Search {
    to_target: Vec<Option<Cost>>,
    touched: Vec<RoleIx>,
    heap: BinaryHeap<Reverse<(Cost, RoleIx)>>,
}

impl Search {
    fn new(count: usize) -> Search {
        Search {
            to_target: vec![None; count],
            touched: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    fn distance(&self, role: RoleIx) -> Option<Cost> {
        self.to_target.get(role).copied().flatten()
    }

    /// The best route from `source` to `target` among those that pass no banned role and do not
    /// take a move from `source` to a role in `cut`: least cost, then lowest role indices.
    fn best(
        &mut self,
        graph: &Graph,
        source: RoleIx,
        target: RoleIx,
        banned: &[bool],
        cut: &[RoleIx],
    ) -> Option<Vec<RoleIx>> {
        for role in self.touched.drain(..) {
            if let Some(slot) = self.to_target.get_mut(role) {
                *slot = None;
            }
        }
        self.heap.clear();
        let is_banned = |role: RoleIx| banned.get(role).copied().unwrap_or(true);
        if is_banned(source) || is_banned(target) {
            return None;
        }

        // Backwards from the target: once the source is settled, every role on an optimal route
        // has its final distance (each step costs at least one), so the search can stop there.
        *self.to_target.get_mut(target)? = Some(Cost::default());
        self.touched.push(target);
        self.heap.push(Reverse((Cost::default(), target)));
        while let Some(Reverse((cost, role))) = self.heap.pop() {
            if self.distance(role) != Some(cost) {
                continue; // a stale entry, superseded by a cheaper one
            }
            if role == source {
                break;
            }
            for &before in graph.predecessors(role) {
                if is_banned(before) || (before == source && cut.contains(&role)) {
                    continue;
                }
                let through = cost + graph.leave(before);
                if let Some(slot) = self.to_target.get_mut(before)
                    && slot.is_none_or(|known| through < known)
                {
                    if slot.is_none() {
                        self.touched.push(before);
                    }
                    *slot = Some(through);
                    self.heap.push(Reverse((through, before)));
                }
            }
        }
        self.distance(source)?;

        // Forwards from the source: take the lowest-indexed move that stays on an optimal route.
        // A role whose distance is still tentative can never look optimal by mistake, since its
        // tentative distance is never below its true one.
        let mut path = vec![source];
        let mut role = source;
        while role != target {
            let here = self.distance(role)?;
            let leave = graph.leave(role);
            role = graph
                .successors(role)
                .iter()
                .copied()
                .filter(|&next| !(role == source && cut.contains(&next)))
                .filter(|&next| self.distance(next).map(|there| there + leave) == Some(here))
                .min()?;
            path.push(role);
            if path.len() > graph.len() {
                return None; // cannot happen: costs fall strictly along the walk
            }
        }
        Some(path)
    }
}

/// One route found by [`SimplePaths`], and where it branched off the route it came from.
struct Found {
    path: Vec<RoleIx>,
    deviation: usize,
}

/// Yen's k-shortest loopless paths, with Lawler's refinement: every simple route from `from` to
/// `to` that passes no banned role, best first (cost, then role indices), lazily.
struct SimplePaths<'g> {
    graph: &'g Graph,
    search: Search,
    banned: Vec<bool>,
    from: RoleIx,
    to: RoleIx,
    started: bool,
    found: Vec<Found>,
    /// Candidate routes, ordered best first, each with the index at which it branched off.
    candidates: BTreeMap<(Cost, Vec<RoleIx>), usize>,
}

impl<'g> SimplePaths<'g> {
    fn new(graph: &'g Graph, banned: Vec<bool>, from: RoleIx, to: RoleIx) -> SimplePaths<'g> {
        SimplePaths {
            graph,
            search: Search::new(graph.len()),
            banned,
            from,
            to,
            started: false,
            found: Vec::new(),
            candidates: BTreeMap::new(),
        }
    }

    /// Adds the best route branching off `last` at each role from its own branching point on.
    fn branch_off_last(&mut self) {
        let Some(last) = self.found.last() else {
            return;
        };
        let last_path = last.path.clone();
        let deviation = last.deviation;
        for spur_at in deviation..last_path.len().saturating_sub(1) {
            let Some((&spur, root)) = last_path
                .get(..=spur_at)
                .and_then(|prefix| prefix.split_last())
            else {
                continue;
            };
            // Moves already taken from this same root by the routes found so far.
            let cut: Vec<RoleIx> = self
                .found
                .iter()
                .filter(|found| found.path.get(..=spur_at) == last_path.get(..=spur_at))
                .filter_map(|found| found.path.get(spur_at + 1).copied())
                .collect();
            for &role in root {
                if let Some(slot) = self.banned.get_mut(role) {
                    *slot = true;
                }
            }
            let spur_path = self
                .search
                .best(self.graph, spur, self.to, &self.banned, &cut);
            // Root roles were on a route, so they were not banned before.
            for &role in root {
                if let Some(slot) = self.banned.get_mut(role) {
                    *slot = false;
                }
            }
            if let Some(spur_path) = spur_path {
                let mut path = root.to_vec();
                path.extend(spur_path);
                let cost = self.graph.path_cost(&path);
                self.candidates
                    .entry((cost, path))
                    .and_modify(|at| *at = (*at).min(spur_at))
                    .or_insert(spur_at);
            }
        }
    }
}

impl Iterator for SimplePaths<'_> {
    type Item = Vec<RoleIx>;

    fn next(&mut self) -> Option<Vec<RoleIx>> {
        if !self.started {
            self.started = true;
            let path = self
                .search
                .best(self.graph, self.from, self.to, &self.banned, &[])?;
            self.found.push(Found {
                path: path.clone(),
                deviation: 0,
            });
            return Some(path);
        }
        self.branch_off_last();
        let ((_, path), deviation) = self.candidates.pop_first()?;
        self.found.push(Found {
            path: path.clone(),
            deviation,
        });
        Some(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Role, Tenure, TenureBasis, TitlesBySize, Track};

    /// (id, level, tenure min, tenure max, next ids, lateral ids)
    type Spec<'a> = (&'a str, u32, f64, f64, &'a [&'a str], &'a [&'a str]);

    fn ladder(specs: &[Spec]) -> Catalogue {
        let index = |id: &str| {
            specs
                .iter()
                .position(|spec| spec.0 == id)
                .unwrap_or_else(|| panic!("unknown role {id} in test ladder"))
        };
        let roles = specs
            .iter()
            .map(|&(id, level, min, max, next, lateral)| Role {
                id: id.to_string(),
                title: format!("Title {id}"),
                aliases: Vec::new(),
                track: 0,
                level,
                entry: false,
                summary: String::new(),
                responsibilities: Vec::new(),
                skills: Vec::new(),
                reports_to: Vec::new(),
                tenure: Tenure {
                    min,
                    max,
                    basis: TenureBasis::Estimate,
                    note: None,
                },
                next: next.iter().map(|id| index(id)).collect(),
                lateral: lateral.iter().map(|id| index(id)).collect(),
                titles_by_company_size: TitlesBySize::default(),
                sources: Vec::new(),
            })
            .collect();
        let tracks = vec![Track {
            id: "ic".to_string(),
            name: "Individual contributor".to_string(),
            description: None,
        }];
        Catalogue::with_indexes(1, "test".to_string(), None, Vec::new(), tracks, roles)
    }

    fn ix(catalogue: &Catalogue, id: &str) -> RoleIx {
        catalogue
            .role_by_id(id)
            .unwrap_or_else(|| panic!("no role {id}"))
    }

    fn query(catalogue: &Catalogue, from: &str, to: &str) -> RouteQuery {
        RouteQuery::new(ix(catalogue, from), ix(catalogue, to))
    }

    fn ids(catalogue: &Catalogue, route: &Route) -> Vec<String> {
        route
            .steps
            .iter()
            .map(|&step| catalogue.role(step).id.clone())
            .collect()
    }

    fn best_ids(catalogue: &Catalogue, query: &RouteQuery) -> Vec<String> {
        let routes = find_routes(catalogue, query).expect("a route");
        assert_eq!(routes.len(), 1);
        ids(catalogue, &routes[0])
    }

    /// Every simple path, by depth-first search, ranked as `find_routes` ranks them.
    fn brute_force(
        catalogue: &Catalogue,
        from: RoleIx,
        to: RoleIx,
        order: RouteOrder,
        avoid: &[RoleIx],
    ) -> Vec<Vec<RoleIx>> {
        fn walk(
            catalogue: &Catalogue,
            to: RoleIx,
            avoid: &[RoleIx],
            path: &mut Vec<RoleIx>,
            out: &mut Vec<Vec<RoleIx>>,
        ) {
            let here = *path.last().expect("non-empty path");
            if here == to {
                out.push(path.clone());
                return;
            }
            let moves: Vec<RoleIx> = catalogue.moves_from(here).collect();
            for next in moves {
                if path.contains(&next) || avoid.contains(&next) {
                    continue;
                }
                path.push(next);
                walk(catalogue, to, avoid, path, out);
                path.pop();
            }
        }
        let mut out = Vec::new();
        if !avoid.contains(&from) && !avoid.contains(&to) {
            walk(catalogue, to, avoid, &mut vec![from], &mut out);
        }
        out.sort();
        out.dedup();
        let key = |path: &Vec<RoleIx>| {
            let route = Route::new(catalogue, path.clone());
            let steps = path.len() as u64;
            let cost = match order {
                RouteOrder::Time => (route.time_millis, steps),
                RouteOrder::Steps => (steps, route.time_millis),
            };
            (cost, path.clone())
        };
        out.sort_by_key(key);
        out
    }

    fn steps_of(routes: &[Route]) -> Vec<Vec<RoleIx>> {
        routes.iter().map(|route| route.steps.clone()).collect()
    }

    fn is_simple(path: &[RoleIx]) -> bool {
        let mut sorted = path.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        sorted.len() == path.len()
    }

    /// a → {b, c} → d, with a lateral cycle b ↔ c, c → b → d, and a back edge d → a.
    fn diamond_with_cycle() -> Catalogue {
        ladder(&[
            ("a", 1, 1.0, 2.0, &["b", "c"], &[]),
            ("b", 2, 2.0, 3.0, &["d"], &["c"]),
            ("c", 2, 1.0, 2.0, &["d", "e"], &["b"]),
            ("d", 3, 3.0, 4.0, &["f"], &["a"]),
            ("e", 3, 1.0, 1.0, &["f"], &["d"]),
            ("f", 4, 2.0, 2.0, &[], &[]),
        ])
    }

    #[test]
    fn straight_chain_route_visits_every_rung_in_order() {
        let catalogue = ladder(&[
            ("apm", 1, 1.0, 2.0, &["pm"], &[]),
            ("pm", 2, 2.0, 3.0, &["spm"], &[]),
            ("spm", 3, 2.0, 4.0, &["gpm"], &[]),
            ("gpm", 4, 3.0, 5.0, &[], &[]),
        ]);
        let routes = find_routes(&catalogue, &query(&catalogue, "apm", "gpm")).expect("a route");
        assert_eq!(routes.len(), 1);
        assert_eq!(ids(&catalogue, &routes[0]), ["apm", "pm", "spm", "gpm"]);
    }

    #[test]
    fn totals_sum_min_and_max_over_every_step_but_the_last() {
        let catalogue = ladder(&[
            ("apm", 1, 1.0, 2.0, &["pm"], &[]),
            ("pm", 2, 2.0, 3.5, &["spm"], &[]),
            ("spm", 3, 2.0, 4.0, &["gpm"], &[]),
            ("gpm", 4, 30.0, 40.0, &[], &[]),
        ]);
        let routes = find_routes(&catalogue, &query(&catalogue, "apm", "gpm")).expect("a route");
        let route = &routes[0];
        assert_eq!(route.min_years, 5.0);
        assert_eq!(route.max_years, 9.5);
        assert_eq!(route.time_millis, 1_500 + 2_750 + 3_000);
    }

    #[test]
    fn least_time_and_fewest_steps_choose_different_routes() {
        // Short but slow: a → slow → top. Long but fast: a → f1 → f2 → f3 → top.
        let catalogue = ladder(&[
            ("a", 1, 1.0, 1.0, &["slow", "f1"], &[]),
            ("slow", 2, 10.0, 12.0, &["top"], &[]),
            ("f1", 2, 1.0, 1.0, &["f2"], &[]),
            ("f2", 3, 1.0, 1.0, &["f3"], &[]),
            ("f3", 4, 1.0, 1.0, &["top"], &[]),
            ("top", 5, 1.0, 1.0, &[], &[]),
        ]);
        let mut by_time = query(&catalogue, "a", "top");
        assert_eq!(
            best_ids(&catalogue, &by_time),
            ["a", "f1", "f2", "f3", "top"]
        );
        by_time.order = RouteOrder::Steps;
        assert_eq!(best_ids(&catalogue, &by_time), ["a", "slow", "top"]);
    }

    #[test]
    fn ties_in_time_go_to_the_route_with_fewer_steps() {
        // Both take 4 years; the second has one step fewer. The longer one is listed first, and
        // its roles have lower indices, so only the step count can prefer the shorter.
        let catalogue = ladder(&[
            ("a", 1, 1.0, 1.0, &["l1", "s1"], &[]),
            ("l1", 2, 1.0, 1.0, &["l2"], &[]),
            ("l2", 3, 2.0, 2.0, &["top"], &[]),
            ("s1", 2, 3.0, 3.0, &["top"], &[]),
            ("top", 4, 1.0, 1.0, &[], &[]),
        ]);
        assert_eq!(
            best_ids(&catalogue, &query(&catalogue, "a", "top")),
            ["a", "s1", "top"]
        );
    }

    #[test]
    fn ties_in_steps_go_to_the_route_with_less_time() {
        let catalogue = ladder(&[
            ("a", 1, 1.0, 1.0, &["slow", "fast"], &[]),
            ("slow", 2, 5.0, 6.0, &["top"], &[]),
            ("fast", 2, 2.0, 3.0, &["top"], &[]),
            ("top", 3, 1.0, 1.0, &[], &[]),
        ]);
        let mut by_steps = query(&catalogue, "a", "top");
        by_steps.order = RouteOrder::Steps;
        assert_eq!(best_ids(&catalogue, &by_steps), ["a", "fast", "top"]);
    }

    #[test]
    fn remaining_ties_go_to_the_lowest_role_indices() {
        // Two routes of equal time and steps; `x` has a lower index than `y` although `a` lists
        // `y` first.
        let catalogue = ladder(&[
            ("a", 1, 1.0, 1.0, &["y", "x"], &[]),
            ("x", 2, 2.0, 2.0, &["top"], &[]),
            ("y", 2, 2.0, 2.0, &["top"], &[]),
            ("top", 3, 1.0, 1.0, &[], &[]),
        ]);
        for order in [RouteOrder::Time, RouteOrder::Steps] {
            let mut question = query(&catalogue, "a", "top");
            question.order = order;
            assert_eq!(best_ids(&catalogue, &question), ["a", "x", "top"]);
            question.limit = 5;
            let routes = find_routes(&catalogue, &question).expect("routes");
            let all: Vec<Vec<String>> = routes.iter().map(|r| ids(&catalogue, r)).collect();
            assert_eq!(all, [["a", "x", "top"], ["a", "y", "top"]]);
        }
    }

    #[test]
    fn route_with_cycle_among_lateral_moves_terminates() {
        // ic2 ↔ m2 both ways, ic3 ↔ m3 both ways.
        let catalogue = ladder(&[
            ("ic1", 1, 1.0, 2.0, &["ic2"], &[]),
            ("ic2", 2, 2.0, 3.0, &["ic3"], &["m2"]),
            ("m2", 2, 1.0, 1.0, &["m3"], &["ic2"]),
            ("ic3", 3, 2.0, 3.0, &[], &["m3"]),
            ("m3", 3, 2.0, 3.0, &["top"], &["ic3"]),
            ("top", 4, 1.0, 1.0, &[], &[]),
        ]);
        assert_eq!(
            best_ids(&catalogue, &query(&catalogue, "ic1", "top")),
            ["ic1", "ic2", "m2", "m3", "top"]
        );
        let mut all = query(&catalogue, "ic1", "top");
        all.limit = 100;
        let routes = find_routes(&catalogue, &all).expect("routes");
        let from = ix(&catalogue, "ic1");
        let to = ix(&catalogue, "top");
        assert_eq!(
            steps_of(&routes),
            brute_force(&catalogue, from, to, RouteOrder::Time, &[])
        );
        assert!(routes.iter().all(|route| is_simple(&route.steps)));
    }

    #[test]
    fn route_through_a_three_cycle_terminates_and_is_simple() {
        // Bad data: a → b → c → a, with the way out from c.
        let catalogue = ladder(&[
            ("a", 1, 1.0, 1.0, &["b"], &[]),
            ("b", 2, 1.0, 1.0, &["c"], &[]),
            ("c", 3, 1.0, 1.0, &["a", "out"], &[]),
            ("out", 4, 1.0, 1.0, &[], &[]),
        ]);
        assert_eq!(
            best_ids(&catalogue, &query(&catalogue, "b", "out")),
            ["b", "c", "out"]
        );
        let mut all = query(&catalogue, "a", "out");
        all.limit = 10;
        let routes = find_routes(&catalogue, &all).expect("routes");
        let steps: Vec<Vec<String>> = routes.iter().map(|r| ids(&catalogue, r)).collect();
        assert_eq!(steps, [["a", "b", "c", "out"]]);
        // Within the cycle, going "down" is a real route.
        assert_eq!(
            best_ids(&catalogue, &query(&catalogue, "c", "b")),
            ["c", "a", "b"]
        );
    }

    #[test]
    fn unreachable_target_is_reported_as_unreachable() {
        let catalogue = ladder(&[
            ("ic1", 1, 1.0, 1.0, &["ic2"], &[]),
            ("ic2", 2, 1.0, 1.0, &[], &[]),
            ("m2", 2, 1.0, 1.0, &["m3"], &[]),
            ("m3", 3, 1.0, 1.0, &[], &[]),
        ]);
        let (from, to) = (ix(&catalogue, "ic1"), ix(&catalogue, "m3"));
        assert_eq!(
            find_routes(&catalogue, &RouteQuery::new(from, to)),
            Err(NoRoute::Unreachable { from, to })
        );
        // Same level, no lateral move: unreachable, not downward.
        let (from, to) = (ix(&catalogue, "ic2"), ix(&catalogue, "m2"));
        assert_eq!(
            find_routes(&catalogue, &RouteQuery::new(from, to)),
            Err(NoRoute::Unreachable { from, to })
        );
    }

    #[test]
    fn target_below_start_is_reported_as_downward() {
        let catalogue = ladder(&[
            ("pm", 2, 1.0, 1.0, &["cpo"], &[]),
            ("cpo", 7, 1.0, 1.0, &[], &[]),
        ]);
        let (from, to) = (ix(&catalogue, "cpo"), ix(&catalogue, "pm"));
        let error = find_routes(&catalogue, &RouteQuery::new(from, to)).expect_err("no route");
        assert_eq!(error, NoRoute::Downward { from, to });
        let words = error.explain(&catalogue);
        assert!(words.contains("Title cpo"), "{words}");
        assert!(words.contains("ladder path pm cpo"), "{words}");
    }

    #[test]
    fn same_role_as_start_and_end_is_one_step_of_zero_years() {
        let catalogue = ladder(&[
            ("pm", 2, 2.0, 3.0, &["spm"], &["pm"]),
            ("spm", 3, 1.0, 1.0, &["pm"], &[]),
        ]);
        let pm = ix(&catalogue, "pm");
        let mut question = RouteQuery::new(pm, pm);
        question.limit = 10;
        let routes = find_routes(&catalogue, &question).expect("a route");
        assert_eq!(
            routes,
            [Route {
                steps: vec![pm],
                min_years: 0.0,
                max_years: 0.0,
                time_millis: 0,
            }]
        );
        question.via = Some(pm);
        assert_eq!(
            find_routes(&catalogue, &question).expect("a route").len(),
            1
        );
        question.via = Some(ix(&catalogue, "spm"));
        assert!(matches!(
            find_routes(&catalogue, &question),
            Err(NoRoute::ViaUnreachable { .. })
        ));
    }

    #[test]
    fn same_role_as_start_and_end_that_is_avoided_is_an_error() {
        let catalogue = ladder(&[("pm", 2, 2.0, 3.0, &[], &[])]);
        let pm = ix(&catalogue, "pm");
        let mut question = RouteQuery::new(pm, pm);
        question.avoid = vec![pm];
        assert_eq!(
            find_routes(&catalogue, &question),
            Err(NoRoute::EndpointAvoided { role: pm })
        );
    }

    #[test]
    fn via_role_is_on_the_route() {
        let catalogue = ladder(&[
            ("a", 1, 1.0, 1.0, &["fast", "slow"], &[]),
            ("fast", 2, 1.0, 1.0, &["top"], &[]),
            ("slow", 2, 5.0, 5.0, &["top"], &[]),
            ("top", 3, 1.0, 1.0, &[], &[]),
        ]);
        let mut question = query(&catalogue, "a", "top");
        assert_eq!(best_ids(&catalogue, &question), ["a", "fast", "top"]);
        question.via = Some(ix(&catalogue, "slow"));
        assert_eq!(best_ids(&catalogue, &question), ["a", "slow", "top"]);
        // Via an endpoint is the plain best route.
        question.via = Some(ix(&catalogue, "top"));
        assert_eq!(best_ids(&catalogue, &question), ["a", "fast", "top"]);
        question.via = Some(ix(&catalogue, "a"));
        assert_eq!(best_ids(&catalogue, &question), ["a", "fast", "top"]);
    }

    #[test]
    fn via_whose_naive_legs_overlap_still_gives_a_simple_route() {
        // Best a → v is a → s → v; best v → t is v → s → t: joined naively, s twice.
        // Leg one first: a → s → v, then v → t without s: v → w → t (cost 1 + 1 + 9).
        // Leg two first: v → s → t, then a → v without s: a → u → v (cost 9 + 1 + 1).
        let catalogue = ladder(&[
            ("a", 1, 1.0, 1.0, &["s", "u"], &[]),
            ("s", 2, 1.0, 1.0, &["v", "t"], &[]),
            ("u", 2, 9.0, 9.0, &["v"], &[]),
            ("v", 3, 1.0, 1.0, &["s", "w"], &[]),
            ("w", 4, 9.0, 9.0, &["t"], &[]),
            ("t", 5, 1.0, 1.0, &[], &[]),
        ]);
        let mut question = query(&catalogue, "a", "t");
        question.via = Some(ix(&catalogue, "v"));
        let best = best_ids(&catalogue, &question);
        // Both orders cost 12 years over 4 steps: the lower indices win (s before u).
        assert_eq!(best, ["a", "s", "v", "w", "t"]);
        // The brute force agrees that this is the best simple route through v.
        let via = ix(&catalogue, "v");
        let through: Vec<Vec<RoleIx>> = brute_force(
            &catalogue,
            ix(&catalogue, "a"),
            ix(&catalogue, "t"),
            RouteOrder::Time,
            &[],
        )
        .into_iter()
        .filter(|path| path.contains(&via))
        .collect();
        let expected: Vec<String> = through[0]
            .iter()
            .map(|&step| catalogue.role(step).id.clone())
            .collect();
        assert_eq!(best, expected);
    }

    #[test]
    fn via_that_cannot_be_reached_is_reported() {
        let catalogue = ladder(&[
            ("a", 1, 1.0, 1.0, &["b"], &[]),
            ("b", 2, 1.0, 1.0, &["c"], &[]),
            ("c", 3, 1.0, 1.0, &[], &[]),
            ("side", 2, 1.0, 1.0, &[], &[]),
        ]);
        let (from, to) = (ix(&catalogue, "a"), ix(&catalogue, "c"));
        let via = ix(&catalogue, "side");
        for limit in [1, 5] {
            let mut question = RouteQuery::new(from, to);
            question.via = Some(via);
            question.limit = limit;
            let error = find_routes(&catalogue, &question).expect_err("no route");
            assert_eq!(error, NoRoute::ViaUnreachable { from, via, to });
            assert!(error.explain(&catalogue).contains("--via side"));
        }
    }

    #[test]
    fn via_that_is_avoided_is_an_error() {
        let catalogue = diamond_with_cycle();
        let mut question = query(&catalogue, "a", "f");
        let b = ix(&catalogue, "b");
        question.via = Some(b);
        question.avoid = vec![b];
        assert_eq!(
            find_routes(&catalogue, &question),
            Err(NoRoute::ViaAvoided { via: b })
        );
    }

    #[test]
    fn via_with_limit_keeps_only_routes_through_via_best_first() {
        let catalogue = diamond_with_cycle();
        let (from, to) = (ix(&catalogue, "a"), ix(&catalogue, "f"));
        for via_id in ["b", "c", "d", "e"] {
            let via = ix(&catalogue, via_id);
            let mut question = RouteQuery::new(from, to);
            question.via = Some(via);
            question.limit = 100;
            let routes = find_routes(&catalogue, &question).expect("routes");
            let expected: Vec<Vec<RoleIx>> =
                brute_force(&catalogue, from, to, RouteOrder::Time, &[])
                    .into_iter()
                    .filter(|path| path.contains(&via))
                    .collect();
            assert_eq!(steps_of(&routes), expected, "via {via_id}");
            question.limit = 1;
            let best = find_routes(&catalogue, &question).expect("a route");
            assert_eq!(steps_of(&best), expected[..1], "via {via_id}");
        }
    }

    #[test]
    fn avoided_role_is_left_out_of_the_route() {
        let catalogue = ladder(&[
            ("a", 1, 1.0, 1.0, &["fast", "slow"], &[]),
            ("fast", 2, 1.0, 1.0, &["top"], &[]),
            ("slow", 2, 5.0, 5.0, &["top"], &[]),
            ("top", 3, 1.0, 1.0, &[], &[]),
        ]);
        let mut question = query(&catalogue, "a", "top");
        question.avoid = vec![ix(&catalogue, "fast")];
        assert_eq!(best_ids(&catalogue, &question), ["a", "slow", "top"]);
        question.limit = 10;
        let routes = find_routes(&catalogue, &question).expect("routes");
        assert_eq!(routes.len(), 1);
    }

    #[test]
    fn avoiding_an_endpoint_is_an_error() {
        let catalogue = diamond_with_cycle();
        let (from, to) = (ix(&catalogue, "a"), ix(&catalogue, "f"));
        let mut question = RouteQuery::new(from, to);
        question.avoid = vec![to];
        let error = find_routes(&catalogue, &question).expect_err("no route");
        assert_eq!(error, NoRoute::EndpointAvoided { role: to });
        assert!(error.explain(&catalogue).contains("--avoid f"));
        question.avoid = vec![ix(&catalogue, "b"), from];
        assert_eq!(
            find_routes(&catalogue, &question),
            Err(NoRoute::EndpointAvoided { role: from })
        );
    }

    #[test]
    fn avoiding_every_route_is_reported_as_only_through_avoided() {
        let catalogue = diamond_with_cycle();
        let (from, to) = (ix(&catalogue, "a"), ix(&catalogue, "f"));
        let (b, c, d, e) = (
            ix(&catalogue, "b"),
            ix(&catalogue, "c"),
            ix(&catalogue, "d"),
            ix(&catalogue, "e"),
        );
        let mut question = RouteQuery::new(from, to);
        question.avoid = vec![d, e];
        let error = find_routes(&catalogue, &question).expect_err("no route");
        assert_eq!(
            error,
            NoRoute::OnlyThroughAvoided {
                from,
                to,
                avoided: vec![d, e]
            }
        );
        let words = error.explain(&catalogue);
        assert!(words.contains("Title d or Title e"), "{words}");
        // Only the avoided roles that lie between the two are named; duplicates once.
        let island = catalogue.roles.len(); // not a role: ignored
        question.avoid = vec![b, c, b, island];
        assert_eq!(
            find_routes(&catalogue, &question),
            Err(NoRoute::OnlyThroughAvoided {
                from,
                to,
                avoided: vec![b, c]
            })
        );
        // With a via, the missing route from FROM to TO is reported first.
        question.via = Some(d);
        assert!(matches!(
            find_routes(&catalogue, &question),
            Err(NoRoute::OnlyThroughAvoided { .. })
        ));
    }

    #[test]
    fn downward_is_reported_only_when_there_is_no_route_at_all() {
        let catalogue = ladder(&[
            ("low", 1, 1.0, 1.0, &["high"], &[]),
            ("mid", 3, 1.0, 1.0, &["low"], &[]),
            ("high", 5, 1.0, 1.0, &["mid", "side"], &[]),
            ("side", 5, 1.0, 1.0, &[], &[]),
        ]);
        // Bad data leads down from high to low: that is a route, not an error.
        assert_eq!(
            best_ids(&catalogue, &query(&catalogue, "high", "low")),
            ["high", "mid", "low"]
        );
        // With the way down avoided, it is only-through-avoided rather than downward.
        let (high, mid, low) = (
            ix(&catalogue, "high"),
            ix(&catalogue, "mid"),
            ix(&catalogue, "low"),
        );
        let mut question = RouteQuery::new(high, low);
        question.avoid = vec![mid];
        assert_eq!(
            find_routes(&catalogue, &question),
            Err(NoRoute::OnlyThroughAvoided {
                from: high,
                to: low,
                avoided: vec![mid]
            })
        );
        // No route at all from above: downward.
        let side = ix(&catalogue, "side");
        assert_eq!(
            find_routes(&catalogue, &RouteQuery::new(side, low)),
            Err(NoRoute::Downward {
                from: side,
                to: low
            })
        );
        // Same level is not downward.
        assert_eq!(
            find_routes(&catalogue, &RouteQuery::new(side, high)),
            Err(NoRoute::Unreachable {
                from: side,
                to: high
            })
        );
    }

    #[test]
    fn limit_returns_every_simple_path_best_first_on_a_diamond_with_a_cycle() {
        let catalogue = diamond_with_cycle();
        let (from, to) = (ix(&catalogue, "a"), ix(&catalogue, "f"));
        for order in [RouteOrder::Time, RouteOrder::Steps] {
            let expected = brute_force(&catalogue, from, to, order, &[]);
            assert!(expected.len() >= 5, "the graph has several routes");
            for limit in 1..=expected.len() + 3 {
                let mut question = RouteQuery::new(from, to);
                question.order = order;
                question.limit = limit;
                let routes = find_routes(&catalogue, &question).expect("routes");
                let want = &expected[..limit.min(expected.len())];
                assert_eq!(steps_of(&routes), want, "{order:?} limit {limit}");
            }
        }
    }

    #[test]
    fn limit_larger_than_the_number_of_routes_returns_exactly_all_simple_paths() {
        let catalogue = diamond_with_cycle();
        let (from, to) = (ix(&catalogue, "a"), ix(&catalogue, "f"));
        let mut question = RouteQuery::new(from, to);
        question.limit = 1_000;
        let routes = find_routes(&catalogue, &question).expect("routes");
        let expected = brute_force(&catalogue, from, to, RouteOrder::Time, &[]);
        assert_eq!(routes.len(), expected.len());
        assert_eq!(steps_of(&routes), expected);
        assert!(routes.iter().all(|route| is_simple(&route.steps)));
        // Best first: costs never fall.
        let times: Vec<(u64, usize)> = routes
            .iter()
            .map(|route| (route.time_millis, route.steps.len()))
            .collect();
        assert!(times.windows(2).all(|pair| pair[0] <= pair[1]));
    }

    #[test]
    fn routes_match_a_brute_force_search_on_small_random_ladders() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut random = move |below: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % below
        };
        let names = ["r0", "r1", "r2", "r3", "r4", "r5", "r6"];
        for _ in 0..60 {
            let count = 3 + random(5) as usize;
            let mut edges: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
            let mut tenure = Vec::new();
            for role in 0..count {
                let mut next = Vec::new();
                let mut lateral = Vec::new();
                for (other, name) in names.iter().enumerate().take(count) {
                    if other != role && random(100) < 35 {
                        if random(2) == 0 {
                            next.push(*name);
                        } else {
                            lateral.push(*name);
                        }
                    }
                }
                edges.push((next, lateral));
                // Few distinct tenures, so that ties are common.
                let min = random(3) as f64;
                tenure.push((min, min + random(2) as f64));
            }
            let specs: Vec<Spec> = (0..count)
                .map(|role| {
                    (
                        names[role],
                        role as u32,
                        tenure[role].0,
                        tenure[role].1,
                        edges[role].0.as_slice(),
                        edges[role].1.as_slice(),
                    )
                })
                .collect();
            let catalogue = ladder(&specs);
            for from in 0..count {
                for to in 0..count {
                    if from == to {
                        continue;
                    }
                    let avoid: Vec<RoleIx> = (0..count)
                        .filter(|&r| r != from && r != to && random(100) < 15)
                        .collect();
                    for order in [RouteOrder::Time, RouteOrder::Steps] {
                        let expected = brute_force(&catalogue, from, to, order, &avoid);
                        let mut question = RouteQuery::new(from, to);
                        question.order = order;
                        question.avoid = avoid.clone();
                        question.limit = 10_000;
                        match find_routes(&catalogue, &question) {
                            Ok(routes) => assert_eq!(steps_of(&routes), expected),
                            Err(error) => {
                                assert!(expected.is_empty());
                                let open = brute_force(&catalogue, from, to, order, &[]);
                                assert_eq!(
                                    matches!(error, NoRoute::OnlyThroughAvoided { .. }),
                                    !open.is_empty(),
                                    "{error:?}"
                                );
                            }
                        }
                        let via = random(count as u64) as usize;
                        if avoid.contains(&via) {
                            continue;
                        }
                        let through: Vec<Vec<RoleIx>> = expected
                            .iter()
                            .filter(|path| path.contains(&via))
                            .cloned()
                            .collect();
                        question.via = Some(via);
                        match find_routes(&catalogue, &question) {
                            Ok(routes) => assert_eq!(steps_of(&routes), through),
                            Err(_) => assert!(through.is_empty()),
                        }
                        question.limit = 1;
                        match find_routes(&catalogue, &question) {
                            Ok(routes) => {
                                let path = &routes[0].steps;
                                assert!(is_simple(path) && path.contains(&via));
                                assert_eq!((path.first(), path.last()), (Some(&from), Some(&to)));
                                assert!(through.contains(path));
                            }
                            Err(_) => assert!(through.is_empty()),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn explanations_name_roles_by_title_and_suggest_what_to_try() {
        let catalogue = diamond_with_cycle();
        let (a, b, f) = (
            ix(&catalogue, "a"),
            ix(&catalogue, "b"),
            ix(&catalogue, "f"),
        );
        let unreachable = NoRoute::Unreachable { from: f, to: a }.explain(&catalogue);
        assert!(unreachable.contains("Title f"), "{unreachable}");
        assert!(unreachable.contains("ladder show f"), "{unreachable}");
        let only = NoRoute::OnlyThroughAvoided {
            from: a,
            to: f,
            avoided: vec![b],
        }
        .explain(&catalogue);
        assert!(only.contains("Title b, which you asked to avoid"), "{only}");
        assert!(only.contains("`--avoid b`"), "{only}");
        let via = NoRoute::ViaUnreachable {
            from: a,
            via: b,
            to: f,
        }
        .explain(&catalogue);
        assert!(via.contains("ladder path a b"), "{via}");
        let avoided = NoRoute::ViaAvoided { via: b }.explain(&catalogue);
        assert!(avoided.contains("Title b"), "{avoided}");
        // A stray index does not panic.
        let stray = NoRoute::EndpointAvoided { role: 99 }.explain(&catalogue);
        assert!(stray.contains("role #99"), "{stray}");
    }

    #[test]
    fn out_of_range_roles_are_unreachable_rather_than_a_panic() {
        let catalogue = diamond_with_cycle();
        let question = RouteQuery::new(0, 99);
        assert_eq!(
            find_routes(&catalogue, &question),
            Err(NoRoute::Unreachable { from: 0, to: 99 })
        );
    }

    #[test]
    fn hundred_thousand_role_chain_with_lateral_cycles_completes() {
        // rung i → rung i+1, and rung i ↔ side i both ways, side i → rung i+1.
        let pairs = 50_000;
        let ids: Vec<(String, String)> = (0..pairs)
            .map(|i| (format!("rung{i}"), format!("side{i}")))
            .collect();
        let mut roles = Vec::with_capacity(pairs * 2);
        for (i, (rung_id, side_id)) in ids.iter().enumerate() {
            let rung = 2 * i;
            let side = 2 * i + 1;
            let up: Vec<RoleIx> = if i + 1 < pairs {
                vec![rung + 2]
            } else {
                vec![]
            };
            for (id, lateral, tenure) in [(rung_id, side, 2.0), (side_id, rung, 1.0)] {
                roles.push(Role {
                    id: id.clone(),
                    title: id.clone(),
                    aliases: Vec::new(),
                    track: 0,
                    level: i as u32,
                    entry: false,
                    summary: String::new(),
                    responsibilities: Vec::new(),
                    skills: Vec::new(),
                    reports_to: Vec::new(),
                    tenure: Tenure {
                        min: tenure,
                        max: tenure,
                        basis: TenureBasis::Estimate,
                        note: None,
                    },
                    next: up.clone(),
                    lateral: vec![lateral],
                    titles_by_company_size: TitlesBySize::default(),
                    sources: Vec::new(),
                });
            }
        }
        let tracks = vec![Track {
            id: "ic".to_string(),
            name: "IC".to_string(),
            description: None,
        }];
        let catalogue = Catalogue::with_indexes(1, "big".into(), None, Vec::new(), tracks, roles);
        let (first, last) = (0, 2 * (pairs - 1));
        let routes = find_routes(&catalogue, &RouteQuery::new(first, last)).expect("a route");
        assert_eq!(routes[0].steps.len(), pairs);
        let mut by_steps = RouteQuery::new(first, last);
        by_steps.order = RouteOrder::Steps;
        let routes = find_routes(&catalogue, &by_steps).expect("a route");
        assert_eq!(routes[0].steps.len(), pairs);
        let error = find_routes(&catalogue, &RouteQuery::new(last, first)).expect_err("downward");
        assert_eq!(
            error,
            NoRoute::Downward {
                from: last,
                to: first
            }
        );
    }
}
