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
fn remaining_ties_go_to_the_first_role_ids_alphabetically() {
    // Two routes equal on every measure; `x` comes before `y` alphabetically although `a`
    // lists `y` first and the file has `y` first.
    let catalogue = ladder(&[
        ("a", 1, 1.0, 1.0, &["y", "x"], &[]),
        ("y", 2, 2.0, 2.0, &["top"], &[]),
        ("x", 2, 2.0, 2.0, &["top"], &[]),
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

/// The same ladder with its roles in another order in the file, and each role's moves in
/// another order: the answers must not change.
#[test]
fn swapping_roles_in_the_file_does_not_change_the_answer() {
    let specs: [Spec; 6] = [
        ("senior", 1, 2.0, 2.0, &["lead", "group"], &[]),
        ("lead", 2, 2.0, 2.0, &["director"], &[]),
        ("group", 2, 2.0, 2.0, &["director"], &[]),
        ("director", 3, 2.0, 2.0, &["cpo"], &[]),
        ("alt", 2, 2.0, 2.0, &["director"], &[]),
        ("cpo", 4, 1.0, 1.0, &[], &[]),
    ];
    let tracks = [("group", 1), ("director", 1), ("alt", 1), ("cpo", 2)];
    let answers = |specs: &[Spec]| {
        let catalogue = on_tracks(ladder(specs), &tracks);
        let mut question = query(&catalogue, "senior", "cpo");
        let best = best_ids(&catalogue, &question);
        question.limit = 10;
        let all: Vec<Vec<String>> = find_routes(&catalogue, &question)
            .expect("routes")
            .iter()
            .map(|route| ids(&catalogue, route))
            .collect();
        question.via = Some(ix(&catalogue, "director"));
        let via: Vec<Vec<String>> = find_routes(&catalogue, &question)
            .expect("routes")
            .iter()
            .map(|route| ids(&catalogue, route))
            .collect();
        (best, all, via)
    };
    let as_written = answers(&specs);
    let mut swapped = specs;
    swapped.swap(1, 2); // `group` before `lead` in the file
    swapped[0].4 = &["group", "lead"];
    assert_eq!(answers(&swapped), as_written);
    swapped.swap(2, 4); // `alt` before both
    swapped[0].4 = &["alt", "group", "lead"];
    let mut with_alt = specs;
    with_alt[0].4 = &["lead", "group", "alt"];
    assert_eq!(answers(&swapped), answers(&with_alt));
    // Group (management) and alt (management) tie on every measure: alt comes first by id.
    assert_eq!(answers(&with_alt).0, ["senior", "alt", "director", "cpo"]);
}

#[test]
fn ties_in_time_go_to_fewer_track_switches() {
    // Both take 4 years over the same number of moves; the one through `hop` switches to
    // management and back, and its ids come first.
    let catalogue = on_tracks(
        ladder(&[
            ("a", 1, 2.0, 2.0, &["hop", "stay"], &[]),
            ("hop", 2, 2.0, 2.0, &["top"], &[]),
            ("stay", 2, 2.0, 2.0, &["top"], &[]),
            ("top", 3, 1.0, 1.0, &[], &[]),
        ]),
        &[("hop", 1)],
    );
    let question = query(&catalogue, "a", "top");
    assert_eq!(best_ids(&catalogue, &question), ["a", "stay", "top"]);
    let (routes, ties) = find_routes_and_ties(&catalogue, &question).expect("routes");
    assert_eq!(ids(&catalogue, &routes[0]), ["a", "stay", "top"]);
    assert_eq!(
        ties,
        Ties {
            others: 1,
            more: false,
            chosen_by: Some(Criterion::TrackSwitches)
        }
    );
}

#[test]
fn ties_in_time_and_switches_go_to_the_route_that_manages_people_before_a_management_role() {
    // The PM's question: senior PM to director, through lead PM (an individual contributor) or
    // group PM (a manager). Each route switches to management once, in as many years and
    // moves; the one that manages people first is the answer, although `lead` < `group` in
    // the file and `group` < `lead` is not what decides.
    let catalogue = on_tracks(
        ladder(&[
            ("senior", 1, 2.0, 2.0, &["lead", "group"], &[]),
            ("lead", 2, 2.0, 2.0, &["director"], &[]),
            ("group", 2, 2.0, 2.0, &["director"], &[]),
            ("director", 3, 2.0, 2.0, &[], &[]),
        ]),
        &[("group", 1), ("director", 1)],
    );
    let question = query(&catalogue, "senior", "director");
    let (routes, ties) = find_routes_and_ties(&catalogue, &question).expect("routes");
    assert_eq!(ids(&catalogue, &routes[0]), ["senior", "group", "director"]);
    assert_eq!(ties.chosen_by, Some(Criterion::OtherKind));
    // To an individual contributor role the other way round: stay off management.
    let catalogue = on_tracks(
        ladder(&[
            ("senior", 1, 2.0, 2.0, &["lead", "group"], &[]),
            ("lead", 2, 2.0, 2.0, &["principal"], &[]),
            ("group", 2, 2.0, 2.0, &["principal"], &[]),
            ("principal", 3, 2.0, 2.0, &[], &[]),
        ]),
        &[("senior", 1), ("group", 1)],
    );
    let question = query(&catalogue, "senior", "principal");
    let (routes, ties) = find_routes_and_ties(&catalogue, &question).expect("routes");
    assert_eq!(ids(&catalogue, &routes[0]), ["senior", "lead", "principal"]);
    assert_eq!(ties.chosen_by, Some(Criterion::OtherKind));
}

#[test]
fn a_route_that_is_not_tied_says_so() {
    let catalogue = ladder(&[
        ("a", 1, 1.0, 1.0, &["fast", "slow"], &[]),
        ("fast", 2, 1.0, 1.0, &["top"], &[]),
        ("slow", 2, 5.0, 5.0, &["top"], &[]),
        ("top", 3, 1.0, 1.0, &[], &[]),
    ]);
    let (routes, ties) =
        find_routes_and_ties(&catalogue, &query(&catalogue, "a", "top")).expect("routes");
    assert_eq!(routes.len(), 1);
    assert_eq!(ties, Ties::default());
}

#[test]
fn many_ties_are_counted_up_to_a_bound_and_then_said_to_be_more() {
    // a → m_i → top for 40 equally quick middle roles; then 5.
    for (middles, others, more) in [(40, TIES_COUNTED, true), (5, 4, false)] {
        let names: Vec<String> = (0..middles).map(|i| format!("m{i:02}")).collect();
        let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut specs: Vec<Spec> = vec![("a", 1, 1.0, 1.0, &name_refs, &[])];
        specs.extend(
            name_refs
                .iter()
                .map(|&name| -> Spec { (name, 2, 1.0, 3.0, &["top"], &[]) }),
        );
        specs.push(("top", 3, 1.0, 1.0, &[], &[]));
        let catalogue = ladder(&specs);
        let (routes, ties) =
            find_routes_and_ties(&catalogue, &query(&catalogue, "a", "top")).expect("routes");
        assert_eq!(routes.len(), 1);
        assert_eq!(ids(&catalogue, &routes[0]), ["a", "m00", "top"]);
        assert_eq!(
            (ties.others, ties.more),
            (others, more),
            "{middles} middles"
        );
        assert_eq!(ties.chosen_by, Some(Criterion::RoleIds));
        // The same through a role.
        let mut through = query(&catalogue, "a", "top");
        through.via = Some(ix(&catalogue, "m03"));
        let (routes, ties) = find_routes_and_ties(&catalogue, &through).expect("routes");
        assert_eq!(ids(&catalogue, &routes[0]), ["a", "m03", "top"]);
        assert_eq!(ties, Ties::default(), "one route through m03");
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
            track_switches: 0,
            other_kind: 0,
            conditions: 0,
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
fn a_role_without_a_figure_counts_as_the_median_not_as_no_time() {
    // a → quick (1 year) → top, or a → untimed → top. Counting the untimed role as 0 years would
    // make its route the quickest; as the median of the known figures (2 years) it is slower.
    let mut catalogue = ladder(&[
        ("a", 1, 2.0, 2.0, &["quick", "untimed"], &[]),
        ("quick", 2, 1.0, 1.0, &["top"], &[]),
        ("untimed", 2, 0.0, 0.0, &["top"], &[]),
        ("top", 3, 3.0, 3.0, &[], &[]),
    ]);
    let untimed = ix(&catalogue, "untimed");
    catalogue.roles[untimed].time.in_role = None;
    assert_eq!(
        best_ids(&catalogue, &query(&catalogue, "a", "top")),
        ["a", "quick", "top"]
    );
}

#[test]
fn a_route_that_needs_no_condition_beats_one_that_does() {
    // a → b → top and a → c → top take as long; the move c → top needs a condition ("at a
    // startup"), so the route through b is the likelier, whatever the ids say (c < top, b < c).
    let mut catalogue = ladder(&[
        ("a", 1, 2.0, 2.0, &["c", "b"], &[]),
        ("c", 2, 2.0, 2.0, &["top"], &[]),
        ("b", 2, 2.0, 2.0, &["top"], &[]),
        ("top", 3, 2.0, 2.0, &[], &[]),
    ]);
    let b = ix(&catalogue, "b");
    catalogue.roles[b].moves[0].condition = Some("At a startup.".into());
    let question = query(&catalogue, "a", "top");
    let (routes, ties) = find_routes_and_ties(&catalogue, &question).expect("routes");
    assert_eq!(ids(&catalogue, &routes[0]), ["a", "c", "top"]);
    assert_eq!(ties.chosen_by, Some(Criterion::Conditions));
}
