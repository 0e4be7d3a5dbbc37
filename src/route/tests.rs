//! Unit tests of route finding: small ladders against hand-worked answers and a brute force.

use super::*;
use crate::model::{Catalogue, Role, RoleIx, Tenure, TenureBasis, TitlesBySize, Track};

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
        let expected: Vec<Vec<RoleIx>> = brute_force(&catalogue, from, to, RouteOrder::Time, &[])
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
                            // The best route through VIA, not just a route through it.
                            assert_eq!(Some(path), through.first());
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

#[test]
fn via_that_every_way_reaches_through_one_role_names_it() {
    // a → hub → side → hub → c: through `side` a route would visit `hub` twice.
    let catalogue = ladder(&[
        ("a", 1, 1.0, 1.0, &[], &["hub"]),
        ("hub", 1, 1.0, 1.0, &[], &["side", "c"]),
        ("side", 1, 1.0, 1.0, &[], &["hub"]),
        ("c", 1, 1.0, 1.0, &[], &[]),
    ]);
    let (from, to) = (ix(&catalogue, "a"), ix(&catalogue, "c"));
    let (via, hub) = (ix(&catalogue, "side"), ix(&catalogue, "hub"));
    let mut question = RouteQuery::new(from, to);
    question.via = Some(via);
    let error = find_routes(&catalogue, &question).expect_err("no route");
    assert_eq!(
        error,
        NoRoute::ViaBlocked {
            from,
            via,
            to,
            role: hub
        }
    );
    let text = error.explain(&catalogue);
    assert!(text.contains("passes through Title hub"), "{text}");
}
