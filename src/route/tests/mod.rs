//! Unit tests of route finding: small ladders against hand-worked answers and a brute force.
//! This file holds the ladders and helpers; the tests are grouped by question below.

mod all;
mod best;
mod via_and_avoid;

use super::*;
use crate::model::{Catalogue, Figure, Move, Role, RoleIx};

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
