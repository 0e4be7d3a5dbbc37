//! The best route: chains, totals, ties, cycles, and why there is none.

use super::*;

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
    assert_eq!(route.total.min, 5.0);
    assert_eq!(route.total.max, Some(9.5));
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
            total: Total::zero(),
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
