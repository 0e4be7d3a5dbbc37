//! Unit tests of route finding: small ladders against hand-worked answers and a brute force.
//! This file holds the ladders and helpers; the tests are grouped by question below.

mod all;
mod best;
mod via_and_avoid;

use super::*;
use crate::model::{Catalogue, Figure, Move, Role, RoleIx, Track};

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
        .map(|&(id, level, min, max, next, lateral)| {
            let mut role = Role::sample(id, &format!("Title {id}"));
            role.level = level as usize;
            role.time.in_role = Some(Figure::estimate(min, max));
            role.moves = next
                .iter()
                .chain(lateral)
                .map(|id| Move::to(index(id)))
                .collect();
            role
        })
        .collect();
    Catalogue::sample(roles, 101)
}

/// Puts roles on tracks: 0 individual contributor (the track every role starts on), 1
/// management and 2 executive, both managing people.
fn on_tracks(mut catalogue: Catalogue, roles: &[(&str, usize)]) -> Catalogue {
    let track = |id: &str, name: &str, manages: bool| Track {
        id: id.into(),
        name: name.into(),
        description: None,
        manages,
        x: Default::default(),
    };
    catalogue.tracks = vec![
        track("ic", "Individual contributor", false),
        track("m", "Management", true),
        track("x", "Executive", true),
    ];
    for &(id, track) in roles {
        let role = ix(&catalogue, id);
        catalogue.roles[role].track = track;
    }
    catalogue
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
    out.sort_by_key(|path| rank_key(catalogue, path, order));
    out
}

/// What routes are ranked by, written out from the rule rather than from the searches' costs:
/// the measures of `order` in turn, then the role ids one by one.
fn rank_key(catalogue: &Catalogue, path: &[RoleIx], order: RouteOrder) -> (Vec<u64>, Vec<String>) {
    let route = Route::new(catalogue, path.to_vec());
    let switches = path
        .windows(2)
        .filter(|pair| catalogue.role(pair[0]).track != catalogue.role(pair[1]).track)
        .count() as u64;
    let manages = |ix: RoleIx| catalogue.tracks[catalogue.role(ix).track].manages;
    let last = *path.last().expect("a route has a role");
    let other_kind = path[..path.len() - 1]
        .iter()
        .filter(|&&ix| manages(ix) != manages(last))
        .count() as u64;
    let moves = path.len() as u64 - 1;
    let measures = match order {
        RouteOrder::Time => vec![route.time_millis, switches, other_kind, moves],
        RouteOrder::Steps => vec![moves, route.time_millis, switches, other_kind],
    };
    let ids = path
        .iter()
        .map(|&ix| catalogue.role(ix).id.clone())
        .collect();
    (measures, ids)
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
