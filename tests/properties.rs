//! Properties that hold for every catalogue, checked on random ones: routes against a brute-force
//! search, name resolution, and writing a catalogue as YAML and loading it back.
//!
//! Case counts are kept moderate so that `cargo test` stays quick in a debug build; raise them
//! for a longer run with `PROPTEST_CASES=10000 cargo test --test suite properties::`.

use std::collections::HashSet;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

use ladder::catalogue::{Limits, load_text, yaml};
// Export's own conversion, so that the round trip is the one `ladder export` makes.
use ladder::commands::export::to_raw;
use ladder::commands::{Output, PageFormat as Format, PathQuery};
use ladder::config::Query;
use ladder::model::{
    Catalogue, Competency, Expectation, Figure, Level, Move, Parts, Role, RoleIx, Source,
    TitlesBySize, Track,
};
use ladder::resolve::{normalize, resolve};
use ladder::route::{NoRoute, Route, RouteOrder, RouteQuery, find_routes};

/// Asks for more routes than any generated ladder has simple paths.
const EVERY_ROUTE: usize = 100_000;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Shrinking a failure of a brute-force comparison can take long; this bounds it.
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Random ladders for the route finder
// ---------------------------------------------------------------------------------------------

/// A directed graph of roles, as the route finder sees it.
#[derive(Debug, Clone)]
struct Graph {
    /// Level of each role.
    levels: Vec<u32>,
    /// Tenure of each role in quarter years, (min, max): exact in binary, so sums are exact.
    tenures: Vec<(u32, u32)>,
    /// (from, to, lateral) edges.
    edges: Vec<(RoleIx, RoleIx, bool)>,
    /// Track of each role: 0 individual contributor, 1 management, 2 executive (both manage).
    tracks: Vec<usize>,
}

/// How a random graph is shaped.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// As a valid catalogue allows: `next` goes up a level, `lateral` stays level (often both
    /// ways, so the graph has cycles).
    Ladder,
    /// Only promotions: no cycle at all.
    Acyclic,
    /// Any edge between any two roles, including back down the ladder (the route finder must
    /// stay correct on graphs validation would refuse).
    Anything,
}

fn graph(max_roles: usize) -> impl Strategy<Value = Graph> {
    let shape = prop_oneof![
        Just(Shape::Ladder),
        Just(Shape::Acyclic),
        Just(Shape::Anything)
    ];
    // Tenures are either short or long, so that a longer route of short stays can beat a shorter
    // route through a long one, and the two orders disagree.
    let tenure = prop_oneof![2 => (0u32..=2, 0u32..=2), 3 => (8u32..=40, 0u32..=12)];
    (2..=max_roles, shape, 0.2f64..0.7)
        .prop_flat_map(move |(n, shape, density)| {
            (
                prop::collection::vec(1u32..=5, n),
                prop::collection::vec(tenure.clone(), n),
                prop::collection::vec(prop::bool::weighted(density), n * n),
                prop::collection::vec(prop::bool::weighted(0.5), n * n),
                Just(shape),
                prop::collection::vec(0usize..3, n),
            )
        })
        .prop_map(|(levels, spans, picks, both_ways, shape, tracks)| {
            let n = levels.len();
            let tenures = spans
                .iter()
                .map(|&(min, extra)| (min, min + extra))
                .collect();
            let mut edges: Vec<(RoleIx, RoleIx, bool)> = Vec::new();
            for from in 0..n {
                for to in 0..n {
                    if from == to || !picks[from * n + to] {
                        continue;
                    }
                    let (a, b) = (levels[from], levels[to]);
                    match shape {
                        Shape::Anything => edges.push((from, to, a == b)),
                        Shape::Acyclic if b > a => edges.push((from, to, false)),
                        Shape::Ladder if b > a => edges.push((from, to, false)),
                        Shape::Ladder if b == a => {
                            edges.push((from, to, true));
                            if both_ways[from * n + to] {
                                edges.push((to, from, true));
                            }
                        }
                        _ => {}
                    }
                }
            }
            let mut seen = HashSet::new();
            edges.retain(|edge| seen.insert((edge.0, edge.1)));
            Graph {
                levels,
                tenures,
                edges,
                tracks,
            }
        })
}

fn plain_role(ix: usize, level: u32, min: f64, max: f64) -> Role {
    let mut role = Role::sample(&format!("r{ix}"), &format!("Role {ix}"));
    role.level = level as usize;
    role.summary = format!("Role number {ix}.");
    role.responsibilities = vec!["Does the work.".to_owned()];
    role.time.in_role = Some(Figure::estimate(min, max));
    role
}

impl Graph {
    fn catalogue(&self) -> Catalogue {
        let mut roles: Vec<Role> = self
            .levels
            .iter()
            .zip(&self.tenures)
            .enumerate()
            .map(|(ix, (&level, &(min, max)))| {
                plain_role(ix, level, f64::from(min) / 4.0, f64::from(max) / 4.0)
            })
            .collect();
        for &(from, to, _lateral) in &self.edges {
            let role = &mut roles[from];
            if role.moves.iter().all(|m| m.to != to) {
                role.moves.push(Move::to(to));
            }
        }
        for (role, &track) in roles.iter_mut().zip(&self.tracks) {
            role.track = track;
        }
        let mut catalogue = Catalogue::sample(roles, 101);
        let track = |id: &str, manages: bool| Track {
            id: id.to_owned(),
            name: id.to_owned(),
            description: None,
            manages,
            x: Default::default(),
        };
        catalogue.tracks = vec![track("ic", false), track("m", true), track("x", true)];
        catalogue
    }
}

/// Every simple path from `from` to `to` that passes none of `avoid`, by depth-first search,
/// ranked as `find_routes` promises: by its measures, then by the sequence of role ids.
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
        let Some(&here) = path.last() else { return };
        if here == to {
            out.push(path.clone());
            return;
        }
        for next in catalogue.moves_from(here).collect::<Vec<_>>() {
            if path.contains(&next) || avoid.contains(&next) {
                continue;
            }
            path.push(next);
            walk(catalogue, to, avoid, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(catalogue, to, avoid, &mut vec![from], &mut out);
    out.sort_by_key(|path| {
        let ids: Vec<String> = path
            .iter()
            .map(|&ix| catalogue.role(ix).id.clone())
            .collect();
        (cost(catalogue, path, order), ids)
    });
    out
}

/// The measures routes are ranked by, written out from the rule in docs/output.md: time, track
/// switches, roles of another kind than the destination (managing people or not), moves; or
/// moves first with `--by steps`.
fn cost(catalogue: &Catalogue, path: &[RoleIx], order: RouteOrder) -> Vec<u64> {
    let time = Route::new(catalogue, path.to_vec()).time_millis;
    let track = |ix: RoleIx| catalogue.role(ix).track;
    let manages = |ix: RoleIx| catalogue.tracks[track(ix)].manages;
    let switches = path
        .windows(2)
        .filter(|p| track(p[0]) != track(p[1]))
        .count() as u64;
    let last = path[path.len() - 1];
    let other_kind = path[..path.len() - 1]
        .iter()
        .filter(|&&ix| manages(ix) != manages(last))
        .count() as u64;
    let moves = path.len() as u64 - 1;
    match order {
        RouteOrder::Time => vec![time, switches, other_kind, moves],
        RouteOrder::Steps => vec![moves, time, switches, other_kind],
    }
}

fn steps_of(routes: &[Route]) -> Vec<Vec<RoleIx>> {
    routes.iter().map(|route| route.steps.clone()).collect()
}

/// Each step of the route is a move the catalogue has, and no role comes twice.
fn is_a_simple_route(catalogue: &Catalogue, steps: &[RoleIx]) -> bool {
    let distinct: HashSet<_> = steps.iter().collect();
    distinct.len() == steps.len()
        && steps
            .windows(2)
            .all(|pair| catalogue.moves_from(pair[0]).any(|to| to == pair[1]))
}

fn orders() -> impl Strategy<Value = RouteOrder> {
    prop_oneof![Just(RouteOrder::Time), Just(RouteOrder::Steps)]
}

/// A graph with a start and an end among its roles: any two (possibly the same one), or a role at
/// the lowest level and one at the highest, which have the most routes.
fn graph_and_ends(max_roles: usize) -> impl Strategy<Value = (Graph, RoleIx, RoleIx)> {
    graph(max_roles).prop_flat_map(|g| {
        let n = g.levels.len();
        let by_level = |pick: fn(&u32, &u32) -> bool| {
            (0..n)
                .reduce(|best, ix| {
                    if pick(&g.levels[ix], &g.levels[best]) {
                        ix
                    } else {
                        best
                    }
                })
                .unwrap_or(0)
        };
        let (bottom, top) = (by_level(u32::lt), by_level(u32::gt));
        // Without a direct move, a longer route can beat a shorter one on time.
        let mut indirect = g.clone();
        indirect
            .edges
            .retain(|&(from, to, _)| (from, to) != (bottom, top));
        prop_oneof![
            (Just(g.clone()), 0..n, 0..n),
            Just((g, bottom, top)),
            Just((indirect, bottom, top)),
        ]
    })
}

proptest! {
    #![proptest_config(config(768))]

    #[test]
    fn the_best_route_is_as_good_as_the_best_of_every_simple_path(
        (g, from, to) in graph_and_ends(8),
        order in orders(),
    ) {
        let catalogue = g.catalogue();
        let query = RouteQuery { order, ..RouteQuery::new(from, to) };
        let expected = brute_force(&catalogue, from, to, order, &[]);
        match find_routes(&catalogue, &query) {
            Ok(routes) => {
                prop_assert_eq!(routes.len(), 1);
                prop_assert!(is_a_simple_route(&catalogue, &routes[0].steps));
                prop_assert_eq!(routes[0].steps.first(), Some(&from));
                prop_assert_eq!(routes[0].steps.last(), Some(&to));
                prop_assert!(!expected.is_empty(), "found {:?}, brute force found nothing", routes[0].steps);
                prop_assert_eq!(
                    cost(&catalogue, &routes[0].steps, order),
                    cost(&catalogue, &expected[0], order)
                );
                // Ties go to the first sequence of role ids, so the answer is the same one.
                prop_assert_eq!(&routes[0].steps, &expected[0]);
            }
            Err(error) => {
                prop_assert!(expected.is_empty(), "no route ({error}), but brute force found {:?}", expected[0]);
                // Nothing was avoided, so the reason is the ladder's shape.
                let downward = catalogue.role(from).level > catalogue.role(to).level;
                let reported = if downward {
                    NoRoute::Downward { from, to }
                } else {
                    NoRoute::Unreachable { from, to }
                };
                prop_assert_eq!(error, reported);
            }
        }
    }

    #[test]
    fn asking_for_every_route_gives_exactly_the_simple_paths_best_first(
        (g, from, to) in graph_and_ends(7),
        order in orders(),
    ) {
        let catalogue = g.catalogue();
        let query = RouteQuery { order, limit: EVERY_ROUTE, ..RouteQuery::new(from, to) };
        let expected = brute_force(&catalogue, from, to, order, &[]);
        match find_routes(&catalogue, &query) {
            Ok(routes) => prop_assert_eq!(steps_of(&routes), expected),
            Err(error) => prop_assert!(expected.is_empty(), "no route ({error}), but brute force found {:?}", expected),
        }
    }

    #[test]
    fn a_limit_returns_the_first_routes_of_the_full_ranking(
        (g, from, to) in graph_and_ends(7),
        order in orders(),
        limit in 1usize..6,
    ) {
        let catalogue = g.catalogue();
        let query = RouteQuery { order, limit, ..RouteQuery::new(from, to) };
        let mut expected = brute_force(&catalogue, from, to, order, &[]);
        expected.truncate(limit);
        match find_routes(&catalogue, &query) {
            Ok(routes) => prop_assert_eq!(steps_of(&routes), expected),
            Err(_) => prop_assert!(expected.is_empty()),
        }
    }

    #[test]
    fn via_and_avoid_are_honoured_and_a_route_is_found_whenever_one_exists(
        (g, from, to) in graph_and_ends(7),
        order in orders(),
        via_pick in prop::option::of(any::<prop::sample::Index>()),
        avoid_picks in prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        every in any::<bool>(),
    ) {
        let catalogue = g.catalogue();
        let n = catalogue.roles.len();
        let via = via_pick.map(|i| i.index(n));
        let avoid: Vec<RoleIx> = avoid_picks
            .iter()
            .map(|i| i.index(n))
            .filter(|&r| r != from && r != to && Some(r) != via)
            .collect();
        let limit = if every { EVERY_ROUTE } else { 1 };
        let query = RouteQuery { order, via, avoid: avoid.clone(), limit, ..RouteQuery::new(from, to) };
        let expected: Vec<Vec<RoleIx>> = brute_force(&catalogue, from, to, order, &avoid)
            .into_iter()
            .filter(|path| via.is_none_or(|v| path.contains(&v)))
            .collect();
        match find_routes(&catalogue, &query) {
            Ok(routes) => {
                prop_assert!(!routes.is_empty());
                for route in &routes {
                    prop_assert!(is_a_simple_route(&catalogue, &route.steps));
                    prop_assert_eq!(route.steps.first(), Some(&from));
                    prop_assert_eq!(route.steps.last(), Some(&to));
                    if let Some(via) = via {
                        prop_assert!(route.steps.contains(&via), "{:?} misses via {}", route.steps, via);
                    }
                    for role in &avoid {
                        prop_assert!(!route.steps.contains(role), "{:?} passes avoided {}", route.steps, role);
                    }
                }
                prop_assert!(!expected.is_empty());
                if every {
                    prop_assert_eq!(steps_of(&routes), expected);
                } else {
                    // The best route through VIA, not merely a route through it.
                    prop_assert_eq!(&routes[0].steps, &expected[0]);
                }
            }
            Err(error) => prop_assert!(
                expected.is_empty(),
                "no route ({error}), but brute force found {:?}", expected[0]
            ),
        }
    }

    #[test]
    fn avoiding_an_end_or_the_via_role_is_an_error_not_a_route(
        (g, from, to) in graph_and_ends(5),
        avoid_from in any::<bool>(),
    ) {
        let catalogue = g.catalogue();
        let end = if avoid_from { from } else { to };
        let query = RouteQuery { avoid: vec![end], ..RouteQuery::new(from, to) };
        prop_assert_eq!(find_routes(&catalogue, &query), Err(NoRoute::EndpointAvoided { role: end }));
        let via = (0..catalogue.roles.len()).find(|&r| r != from && r != to);
        if let Some(via) = via {
            let query = RouteQuery { via: Some(via), avoid: vec![via], ..RouteQuery::new(from, to) };
            prop_assert_eq!(find_routes(&catalogue, &query), Err(NoRoute::ViaAvoided { via }));
        }
    }
}

/// A ladder around the trap `--via` used to fall into: the best way from FROM (0) to VIA (3)
/// passes x (1) then y (2), and the best way on from VIA to TO (4) passes y then x, so the two
/// best legs collide; detours skip one of x and y (p, q, r, s), slow roles skip both (z, w), and
/// random tenures and a few random extra moves and roles vary the rest.
fn crossing_legs() -> impl Strategy<Value = Graph> {
    const TRAP: [(RoleIx, RoleIx); 16] = [
        (0, 1),
        (0, 6),
        (0, 9),
        (1, 2),
        (1, 5),
        (1, 4),
        (2, 3),
        (2, 1),
        (2, 7),
        (3, 2),
        (3, 8),
        (3, 10),
        (5, 3),
        (6, 2),
        (7, 4),
        (8, 1),
    ];
    let tenure = prop_oneof![3 => (0u32..=4, 0u32..=2), 1 => (8u32..=160, 0u32..=12)];
    (11usize..=13)
        .prop_flat_map(move |n| {
            (
                prop::collection::vec(tenure.clone(), n),
                prop::collection::vec(prop::bool::weighted(0.08), n * n),
                prop::collection::vec(0usize..3, n),
            )
        })
        .prop_map(|(spans, extra, tracks)| {
            let n = spans.len();
            let mut edges: Vec<(RoleIx, RoleIx, bool)> = TRAP
                .iter()
                .chain(&[(9, 3), (10, 4)])
                .map(|&(from, to)| (from, to, true))
                .collect();
            for from in 0..n {
                for to in 0..n {
                    if from != to && extra[from * n + to] {
                        edges.push((from, to, true));
                    }
                }
            }
            let mut seen = HashSet::new();
            edges.retain(|edge| seen.insert((edge.0, edge.1)));
            Graph {
                levels: vec![1; n],
                tenures: spans.iter().map(|&(min, more)| (min, min + more)).collect(),
                edges,
                tracks,
            }
        })
}

/// The routes `find_routes` gives through `via` avoiding `avoid`, against the brute force.
fn check_via(
    catalogue: &Catalogue,
    (from, via, to): (RoleIx, RoleIx, RoleIx),
    avoid: &[RoleIx],
    order: RouteOrder,
    limit: usize,
) -> Result<(), TestCaseError> {
    let query = RouteQuery {
        order,
        via: Some(via),
        avoid: avoid.to_vec(),
        limit,
        ..RouteQuery::new(from, to)
    };
    let mut expected: Vec<Vec<RoleIx>> = brute_force(catalogue, from, to, order, avoid)
        .into_iter()
        .filter(|path| path.contains(&via))
        .collect();
    expected.truncate(limit);
    match find_routes(catalogue, &query) {
        Ok(routes) => prop_assert_eq!(steps_of(&routes), expected),
        Err(error) => prop_assert!(
            expected.is_empty(),
            "no route ({error}), but brute force found {:?}",
            expected[0]
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn via_gives_the_best_routes_through_the_role_when_the_best_legs_collide(
        g in crossing_legs(),
        order in orders(),
        avoid_pick in prop::option::of(5usize..13),
        limit in prop_oneof![Just(1usize), 2usize..6, Just(EVERY_ROUTE)],
    ) {
        let catalogue = g.catalogue();
        let avoid: Vec<RoleIx> = avoid_pick.filter(|&r| r < catalogue.roles.len()).into_iter().collect();
        check_via(&catalogue, (0, 3, 4), &avoid, order, limit)?;
    }

    #[test]
    fn via_with_a_limit_gives_the_first_routes_through_the_role(
        (g, from, to) in graph_and_ends(7),
        order in orders(),
        via_pick in any::<prop::sample::Index>(),
        avoid_picks in prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        limit in 1usize..6,
    ) {
        let catalogue = g.catalogue();
        let n = catalogue.roles.len();
        let via = via_pick.index(n);
        let avoid: Vec<RoleIx> = avoid_picks
            .iter()
            .map(|i| i.index(n))
            .filter(|&r| r != from && r != to && r != via)
            .collect();
        check_via(&catalogue, (from, via, to), &avoid, order, limit)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Random names for resolution
// ---------------------------------------------------------------------------------------------

/// A role's names: the normalised keys of its id, title and aliases, all distinct across the
/// catalogue.
#[derive(Debug, Clone)]
struct Names {
    id: String,
    title: String,
    aliases: Vec<String>,
}

/// A normalised name key, from letters whose upper and lower case map one to one (so that
/// decorating a name with capitals keeps its normalised form) and digits.
const NAME_KEY: &str = "[a-zéüøжλ][a-z0-9éüøжλ]{0,8}";

/// Writes a normalised key the way a person might: some capitals, and spaces, hyphens or
/// punctuation between letters. `normalize` gives the key back.
fn decorate(key: &str, capitals: &[bool], separators: &[u8]) -> String {
    const SEPARATORS: [&str; 6] = [" ", "-", "_", ". ", "/", " & "];
    let mut out = String::new();
    for (i, c) in key.chars().enumerate() {
        if i > 0 {
            let pick = separators.get(i).copied().unwrap_or(0);
            if pick < 6 {
                out.push_str(SEPARATORS[usize::from(pick)]);
            }
        }
        let upper: Vec<char> = c.to_uppercase().collect();
        let round_trips = upper.len() == 1 && upper[0].to_lowercase().eq(std::iter::once(c));
        if capitals.get(i).copied().unwrap_or(false) && round_trips {
            out.push(upper[0]);
        } else {
            out.push(c);
        }
    }
    out
}

/// An id with hyphens between some of its characters: kebab-case, normalising to `key`.
fn kebab(key: &str, separators: &[u8]) -> String {
    let mut out = String::new();
    for (i, c) in key.chars().enumerate() {
        if i > 0 && separators.get(i).copied().unwrap_or(0) < 2 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

fn named_catalogue() -> impl Strategy<Value = (Catalogue, Vec<Names>)> {
    (1usize..=8).prop_flat_map(|n| {
        (
            prop::collection::hash_set("[a-z][a-z0-9]{0,6}", n),
            prop::collection::hash_set(NAME_KEY, n * 3),
            prop::collection::vec(0usize..=2, n),
            prop::collection::vec(prop::collection::vec(any::<bool>(), 10), n * 4),
            prop::collection::vec(prop::collection::vec(0u8..12, 10), n * 4),
        )
            .prop_filter("ids and names are distinct keys", |(ids, names, ..)| {
                ids.is_disjoint(names)
            })
            .prop_map(|(ids, names, alias_counts, capitals, separators)| {
                let ids: Vec<String> = ids.into_iter().collect();
                let mut names = names.into_iter();
                let mut keys = Vec::new();
                let mut roles = Vec::new();
                for (ix, id) in ids.iter().enumerate() {
                    let title_key = names.next().unwrap_or_default();
                    let alias_keys: Vec<String> = names.by_ref().take(alias_counts[ix]).collect();
                    let mut role = plain_role(ix, 1, 1.0, 2.0);
                    role.id = kebab(id, &separators[ix * 4]);
                    role.title = decorate(&title_key, &capitals[ix * 4], &separators[ix * 4 + 1]);
                    role.aliases = alias_keys
                        .iter()
                        .enumerate()
                        .map(|(a, key)| {
                            decorate(key, &capitals[ix * 4 + 1 + a], &separators[ix * 4 + 2 + a])
                        })
                        .collect();
                    roles.push(role);
                    keys.push(Names {
                        id: id.clone(),
                        title: title_key,
                        aliases: alias_keys,
                    });
                }
                let catalogue = Catalogue::sample(roles, 2);
                (catalogue, keys)
            })
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn every_id_alias_and_title_resolves_to_its_own_role((catalogue, _) in named_catalogue()) {
        for (ix, role) in catalogue.roles.iter().enumerate() {
            for name in std::iter::once(&role.id).chain([&role.title]).chain(&role.aliases) {
                prop_assert_eq!(resolve(&catalogue, name), Ok(ix), "name {:?}", name);
                prop_assert_eq!(resolve(&catalogue, &name.to_lowercase()), Ok(ix), "name {:?}", name);
                let shouted = format!("  {}!? ", name.to_uppercase());
                if normalize(&shouted) == normalize(name) {
                    prop_assert_eq!(resolve(&catalogue, &shouted), Ok(ix), "name {:?}", shouted);
                }
            }
        }
    }

    #[test]
    fn every_unique_prefix_resolves_to_its_role((catalogue, keys) in named_catalogue()) {
        // (role, key, whether the key is an alias): the start of an id or title is stronger
        // than the start of an alias.
        let all: Vec<(RoleIx, &str, bool)> = keys
            .iter()
            .enumerate()
            .flat_map(|(ix, names)| {
                [(names.id.as_str(), false), (names.title.as_str(), false)]
                    .into_iter()
                    .chain(names.aliases.iter().map(|a| (a.as_str(), true)))
                    .map(move |(key, alias)| (ix, key, alias))
            })
            .collect();
        for &(_, key, _) in &all {
            let chars: Vec<char> = key.chars().collect();
            for len in 1..=chars.len() {
                let prefix: String = chars[..len].iter().collect();
                let owners = |aliases: bool| -> HashSet<RoleIx> {
                    all.iter()
                        .filter(|(_, other, alias)| *alias == aliases && other.starts_with(&prefix))
                        .map(|&(owner, _, _)| owner)
                        .collect()
                };
                let (own, by_alias) = (owners(false), owners(true));
                let owners = if own.is_empty() { by_alias } else { own };
                let exact = all.iter().find(|(_, other, _)| *other == prefix);
                if let Some(&(owner, _, _)) = exact {
                    prop_assert_eq!(resolve(&catalogue, &prefix), Ok(owner));
                } else if owners.len() == 1 {
                    let only = owners.iter().next().copied();
                    prop_assert_eq!(resolve(&catalogue, &prefix).ok(), only, "prefix {:?} of {:?}", prefix, key);
                } else {
                    // Shared by several roles of the same strength: ambiguous.
                    prop_assert!(resolve(&catalogue, &prefix).is_err(), "prefix {:?}", prefix);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Random whole catalogues, written as YAML and loaded back
// ---------------------------------------------------------------------------------------------

/// Text a catalogue author might write, including what YAML could misread: numbers, booleans,
/// `null`, leading and trailing spaces, `#`, `: `, quotes, newlines and non-ASCII.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z][A-Za-z ,.'-]{0,30}",
        2 => "\\PC{1,20}",
        1 => prop::sample::select(vec![
            "yes", "no", "true", "False", "null", "~", "1.5", "0x10", "1e3", "-", "- a", "? b",
            "a: b", "# not a comment", "'quoted'", "\"double\"", "line one\nline two", " padded ",
            "tab\there", "trailing\n", "*alias", "&anchor", "!tag", "@", "`", "%", "{a: 1}",
            "[1, 2]", "café — ☕", "Ünïcödé", "\u{200b}zero width", "---", "...", "\\",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Text that is not blank, for fields that must say something.
fn words() -> impl Strategy<Value = String> {
    text().prop_filter("not blank", |t| !t.trim().is_empty())
}

/// Text on one line, for the fields that refuse line breaks and tabs (names and titles).
fn one_line(text: String) -> String {
    // Every character `check` takes for a line break or a tab in a one-line field.
    text.replace(['\n', '\r', '\t', '\u{85}', '\u{2028}', '\u{2029}'], " ")
}

#[derive(Debug, Clone)]
struct RoleDraft {
    level: prop::sample::Index,
    entry: bool,
    summary: String,
    responsibilities: Vec<String>,
    expectations: Vec<(
        prop::sample::Index,
        Option<prop::sample::Index>,
        Option<String>,
    )>,
    includes: Option<prop::sample::Index>,
    in_role: Option<FigureDraft>,
    experience: Option<FigureDraft>,
    titles: [Option<String>; 3],
    sources: Vec<prop::sample::Index>,
    reports_to: Vec<prop::sample::Index>,
    moves: Vec<(
        prop::sample::Index,
        Option<String>,
        Option<prop::sample::Index>,
    )>,
    track: prop::sample::Index,
}

/// A time figure: min, an optional max above it, sources, an estimate (with a note when both).
type FigureDraft = (
    f64,
    Option<f64>,
    Vec<prop::sample::Index>,
    bool,
    Option<String>,
);

fn figure_draft() -> impl Strategy<Value = FigureDraft> {
    (
        0.0f64..=25.0,
        prop::option::of(0.0f64..=25.0),
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        any::<bool>(),
        prop::option::of(text()),
    )
}

fn role_draft() -> impl Strategy<Value = RoleDraft> {
    let indexes = || prop::collection::vec(any::<prop::sample::Index>(), 0..3);
    (
        (
            any::<prop::sample::Index>(),
            any::<bool>(),
            words(),
            prop::collection::vec(text(), 0..3),
        ),
        (
            prop::collection::vec(
                (
                    any::<prop::sample::Index>(),
                    prop::option::of(any::<prop::sample::Index>()),
                    prop::option::of(text()),
                ),
                0..3,
            ),
            prop::option::of(any::<prop::sample::Index>()),
            prop::option::of(figure_draft()),
            prop::option::of(figure_draft()),
        ),
        [
            prop::option::of(text().prop_map(one_line)),
            prop::option::of(text().prop_map(one_line)),
            prop::option::of(text().prop_map(one_line)),
        ],
        (
            indexes(),
            indexes(),
            prop::collection::vec(
                (
                    any::<prop::sample::Index>(),
                    prop::option::of(text()),
                    prop::option::of(any::<prop::sample::Index>()),
                ),
                0..3,
            ),
            any::<prop::sample::Index>(),
        ),
    )
        .prop_map(
            |(
                (level, entry, summary, responsibilities),
                (expectations, includes, in_role, experience),
                titles,
                (sources, reports_to, moves, track),
            )| RoleDraft {
                level,
                entry,
                summary,
                responsibilities,
                expectations,
                includes,
                in_role,
                experience,
                titles,
                sources,
                reports_to,
                moves,
                track,
            },
        )
}

/// The figure a draft stands for, valid: sources resolved, min <= max, a note when both
/// sourced and estimated, and `estimate` where no source remains.
fn figure(draft: &FigureDraft, sources: usize) -> Figure {
    let (min, max, picked, estimate, note) = draft;
    let mut ixs: Vec<usize> = Vec::new();
    if sources > 0 {
        for i in picked {
            let s = i.index(sources);
            if !ixs.contains(&s) {
                ixs.push(s);
            }
        }
    }
    let estimate = *estimate || ixs.is_empty();
    let note = if estimate && !ixs.is_empty() {
        Some(
            note.clone()
                .unwrap_or_else(|| "The maximum is estimated.".to_owned()),
        )
    } else {
        note.clone()
    };
    Figure {
        min: *min,
        max: max.map(|m| m.max(*min)),
        sources: ixs,
        estimate,
        note,
        x: Default::default(),
    }
}

/// A valid catalogue: every reference resolves, `includes` and reporting lines point to earlier
/// or later roles only (so they form no cycle), proficiencies are steps of their scales.
fn whole_catalogue() -> impl Strategy<Value = Catalogue> {
    (
        (text(), prop::option::of(text())),
        prop::collection::vec(
            (
                words().prop_map(one_line),
                prop::option::of(text()),
                prop::option::of(text()),
                prop::option::of(text()),
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                words().prop_map(one_line),
                prop::option::of(text()),
                any::<bool>(),
            ),
            1..3,
        ),
        prop::collection::vec(
            (
                0.0f64..=1000.0,
                prop::option::of(words().prop_map(one_line)),
                prop::option::of(text()),
                prop::collection::vec(text(), 0..2),
            ),
            1..4,
        ),
        prop::collection::vec(
            (
                words().prop_map(one_line),
                prop::collection::vec(words().prop_map(one_line), 0..4),
            ),
            0..3,
        ),
        prop::collection::vec(role_draft(), 1..6),
    )
        .prop_map(
            |((name, description), sources, tracks, levels, areas, drafts)| {
                let sources: Vec<Source> = sources
                    .into_iter()
                    .enumerate()
                    .map(|(ix, (title, publisher, published, url))| Source {
                        id: format!("source-{ix}"),
                        title,
                        publisher,
                        published,
                        url,
                        x: Default::default(),
                    })
                    .collect();
                let tracks: Vec<Track> = tracks
                    .into_iter()
                    .enumerate()
                    .map(|(ix, (name, description, manages))| Track {
                        id: format!("track-{ix}"),
                        name,
                        description,
                        manages,
                        x: Default::default(),
                    })
                    .collect();
                let levels: Vec<Level> = levels
                    .into_iter()
                    .enumerate()
                    .map(|(ix, (rank, name, description, facts))| Level {
                        id: format!("level-{ix}"),
                        rank,
                        code: Some(format!("L{ix}")),
                        name,
                        description,
                        facts,
                        time: Default::default(),
                        x: Default::default(),
                    })
                    .collect();
                let competencies: Vec<Competency> = areas
                    .into_iter()
                    .enumerate()
                    .map(|(ix, (name, mut scale))| {
                        scale.sort();
                        scale.dedup();
                        Competency {
                            id: format!("area-{ix}"),
                            name,
                            description: None,
                            scale,
                            x: Default::default(),
                        }
                    })
                    .collect();
                let n = drafts.len();
                let pick = |indexes: &[prop::sample::Index], keep: &dyn Fn(usize) -> bool| {
                    let mut out: Vec<usize> = Vec::new();
                    for i in indexes {
                        let ix = i.index(n);
                        if keep(ix) && !out.contains(&ix) {
                            out.push(ix);
                        }
                    }
                    out
                };
                let roles: Vec<Role> = drafts
                    .iter()
                    .enumerate()
                    .map(|(ix, d)| {
                        let mut role = Role::sample(&format!("role-{ix}"), &format!("Role {ix}"));
                        if d.entry {
                            role.aliases = vec![format!("R{ix}")];
                        }
                        role.track = d.track.index(tracks.len());
                        role.level = d.level.index(levels.len());
                        role.entry = d.entry;
                        role.summary = d.summary.clone();
                        role.responsibilities = d.responsibilities.clone();
                        role.includes = d.includes.map(|i| i.index(n)).filter(|&to| to < ix);
                        if !competencies.is_empty() {
                            for (area, step, text) in &d.expectations {
                                let area = area.index(competencies.len());
                                let scale = competencies[area].scale.len();
                                let proficiency =
                                    step.filter(|_| scale > 0).map(|s| s.index(scale));
                                let text = if proficiency.is_none() && text.is_none() {
                                    Some("Does it.".to_owned())
                                } else {
                                    text.clone()
                                };
                                if role.expectations.iter().all(|e| e.area != area) {
                                    role.expectations.push(Expectation {
                                        area,
                                        proficiency,
                                        text,
                                        x: Default::default(),
                                    });
                                }
                            }
                        }
                        role.reports_to = pick(&d.reports_to, &|to| to > ix);
                        role.time.in_role = d.in_role.as_ref().map(|f| figure(f, sources.len()));
                        role.time.experience =
                            d.experience.as_ref().map(|f| figure(f, sources.len()));
                        for (to, condition, source) in &d.moves {
                            let to = to.index(n);
                            if to != ix && role.moves.iter().all(|m| m.to != to) {
                                let mut m = Move::to(to);
                                m.condition = condition.clone();
                                m.source = source
                                    .filter(|_| !sources.is_empty())
                                    .map(|s| s.index(sources.len()));
                                role.moves.push(m);
                            }
                        }
                        role.titles_by_company_size = TitlesBySize {
                            startup: d.titles[0].clone(),
                            scaleup: d.titles[1].clone(),
                            enterprise: d.titles[2].clone(),
                            x: Default::default(),
                        };
                        if !sources.is_empty() {
                            for i in &d.sources {
                                let s = i.index(sources.len());
                                if !role.sources.contains(&s) {
                                    role.sources.push(s);
                                }
                            }
                        }
                        role
                    })
                    .collect();
                Catalogue::with_indexes(Parts {
                    name,
                    description,
                    sources,
                    tracks,
                    levels,
                    competencies,
                    roles,
                    x: Default::default(),
                })
            },
        )
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn a_catalogue_written_as_yaml_loads_back_the_same(catalogue in whole_catalogue()) {
        let text = yaml::to_string(&to_raw(&catalogue)).expect("serialises");
        match load_text("round-trip.yaml", &text, &Limits::default()) {
            Ok(loaded) => prop_assert_eq!(loaded, catalogue, "YAML:\n{}", text),
            Err(invalid) => prop_assert!(
                false,
                "the written catalogue does not load:\n{}\nYAML:\n{}",
                invalid.render_problems(),
                text
            ),
        }
    }

}

#[test]
fn the_shipped_catalogues_written_as_yaml_load_back_the_same() {
    for path in ["data/ladder.yaml", "examples/engineering.yaml"] {
        let origin = ladder::catalogue::Origin::File(path.into());
        let shipped = ladder::catalogue::load(&origin, &Limits::default()).expect("it loads");
        let text = yaml::to_string(&to_raw(&shipped)).expect("serialises");
        let loaded = load_text("round-trip.yaml", &text, &Limits::default()).expect("loads back");
        assert_eq!(loaded, shipped, "{path} changed on the way through YAML");
    }
}

// ---------------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------------

/// `resolve::closest` as it reads without its shortcut for names of very different lengths: the
/// same measures and thresholds, applied to every candidate.
fn closest_by_brute_force<'a>(target: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let target = normalize(target);
    let mut best: Option<(f64, &'a str)> = None;
    for &candidate in candidates {
        let key = normalize(candidate);
        let edit = strsim::normalized_damerau_levenshtein(&target, &key);
        let jaro = strsim::jaro_winkler(&target, &key);
        if edit >= 0.6 || jaro >= 0.85 {
            let score = edit.max(jaro);
            if best.is_none_or(|(top, _)| score > top) {
                best = Some((score, candidate));
            }
        }
    }
    best.map(|(_, candidate)| candidate)
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn skipping_names_of_very_different_length_never_changes_a_suggestion(
        target in "[abc]{1,4}|[abc]{5,30}",
        candidates in prop::collection::vec("[abc]{1,3}|[abc]{4,40}|[abc -]{1,12}", 1..8),
    ) {
        let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
        prop_assert_eq!(
            ladder::names::closest(&target, refs.iter().copied()),
            closest_by_brute_force(&target, &refs)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Derived indexes
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn previous_lists_each_role_leading_here_once_in_catalogue_order(
        edges in prop::collection::vec((0usize..6, 0usize..6, any::<bool>()), 0..40),
    ) {
        let mut roles: Vec<Role> = (0..6).map(|ix| plain_role(ix, 1, 1.0, 2.0)).collect();
        // Repeats included.
        for &(from, to, _) in &edges {
            roles[from].moves.push(Move::to(to));
        }
        let catalogue = Catalogue::sample(roles, 2);
        for to in 0..6 {
            let expected: Vec<RoleIx> = (0..6)
                .filter(|&from| catalogue.moves_from(from).any(|t| t == to))
                .collect();
            prop_assert_eq!(&catalogue.previous[to], &expected, "previous of role {}", to);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Any text: loaded or refused, never a panic (a small fuzzer that runs with every `cargo test`)
// ---------------------------------------------------------------------------------------------

/// A line for a mutation: the schema's keys with values that break a rule or a reference, and
/// YAML's anchors, aliases, flow collections and markers.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "level: level-0",
        "level: level-9",
        "level: 2",
        "rank: 1001",
        "rank: .inf",
        "moves: [{to: role-0}]",
        "moves: [{to: role-1}, {to: role-1}]",
        "- to: role-0",
        "includes: role-0",
        "includes: role-1",
        "area: area-0",
        "area: nope",
        "proficiency: nope",
        "scale: [a, b]",
        "x-extra: {a: [1, 2]}",
        "version: 1",
        "tenure: {min: 1, max: 2, estimate: true}",
        "reports_to: [role-0]",
        "reports_to: [role-3]",
        "track: nope",
        "track: track-0",
        "estimate: true",
        "source: source-0",
        "sources: [source-0]",
        "source: nope",
        "id: role-0",
        "- id: role-9",
        "id: Bad Id",
        "title: Role 1",
        "aliases: [R0, R1]",
        "min: 60",
        "max: .nan",
        "min: -1",
        "bogus: 1",
        "summary: ''",
        "responsibilities: []",
        "entry: maybe",
        "- &a x",
        "- *a",
        "<<: *a",
        "[",
        "{",
        "---",
        "...",
        "\"",
        "",
    ])
}

/// A valid catalogue written as YAML, then (two times in three) changed by up to three line
/// mutations: a line removed, repeated, replaced by a fragment at the same indentation, or
/// swapped with the next.
fn mutated_catalogue() -> impl Strategy<Value = String> {
    let mutation = (any::<prop::sample::Index>(), 0u8..4, fragment());
    (
        whole_catalogue(),
        prop::collection::vec(mutation, 0..=3),
        0u8..3,
    )
        .prop_map(|(catalogue, mutations, keep)| {
            let text = yaml::to_string(&to_raw(&catalogue)).unwrap_or_default();
            if keep == 0 {
                return text;
            }
            let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
            for (at, kind, fragment) in mutations {
                if lines.is_empty() {
                    break;
                }
                let i = at.index(lines.len());
                match kind {
                    0 => {
                        lines.remove(i);
                    }
                    1 => lines.insert(i, lines[i].clone()),
                    2 => {
                        let indent = lines[i].len() - lines[i].trim_start().len();
                        lines[i] = format!("{}{fragment}", " ".repeat(indent));
                    }
                    _ => {
                        let j = (i + 1) % lines.len();
                        lines.swap(i, j);
                    }
                }
            }
            lines.join("\n")
        })
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn any_catalogue_is_loaded_or_refused_with_problems_and_never_panics(
        text in mutated_catalogue(),
        name in "[a-zA-Z0-9?! -]{0,8}",
    ) {
        match load_text("noise.yaml", &text, &Limits::default()) {
            Err(invalid) => {
                prop_assert!(!invalid.problems.is_empty());
                let shown = invalid.render_problems();
                prop_assert!(shown.starts_with("noise.yaml"), "{}", shown);
                prop_assert!(!shown.contains('\u{1b}'), "{}", shown);
            }
            Ok(catalogue) => {
                let _ = resolve(&catalogue, &name);
                let ids: Vec<String> = catalogue.roles.iter().map(|r| r.id.clone()).collect();
                let style = ladder::config::Style {
                    color: true,
                    width: 60,
                    unicode: true,
                    ascii: false,
                };
                let mut queries = vec![
                    Query::Show { role: name.clone() },
                    Query::List { track: None, level: None },
                    Query::List { track: Some("mgmt".to_owned()), level: Some("l2".to_owned()) },
                ];
                for from in &ids {
                    queries.push(Query::Show { role: from.clone() });
                    for to in &ids {
                        queries.push(Query::Compare { a: from.clone(), b: to.clone() });
                        for (order, limit) in [(RouteOrder::Time, 1), (RouteOrder::Steps, 3)] {
                            queries.push(Query::Path(PathQuery {
                                from: from.clone(),
                                to: to.clone(),
                                order,
                                limit,
                                via: Some(name.clone()),
                                avoid: Vec::new(),
                            }));
                            queries.push(Query::Path(PathQuery {
                                from: from.clone(),
                                to: to.clone(),
                                order,
                                limit,
                                via: None,
                                avoid: ids.iter().filter(|id| *id != from && *id != to).take(1).cloned().collect(),
                            }));
                        }
                    }
                }
                for query in &queries {
                    if let Ok(view) = ladder::commands::run(query, &catalogue) {
                        for format in [Format::Table, Format::Json] {
                            let mut out = Vec::new();
                            prop_assert!(ladder::render::render(&mut out, &Output::Page(view.clone(), format), &style).is_ok());
                            prop_assert!(!out.is_empty());
                        }
                    }
                }
            }
        }
    }
}
