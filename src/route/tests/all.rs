//! Every route (`--all`, `--limit`), against a brute force; explanations; a very large ladder.

use super::*;

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
    // Ids out of file order, so that a tie broken by file order shows.
    let names = ["r4", "r1", "r6", "r0", "r5", "r2", "r3"];
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
        // Random tracks: individual contributor, management, executive.
        let tracks: Vec<(&str, usize)> = names
            .iter()
            .take(count)
            .map(|&name| (name, random(3) as usize))
            .collect();
        let catalogue = on_tracks(ladder(&specs), &tracks);
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
            let mut role = Role::sample(id, id);
            role.level = i;
            role.time.in_role = Some(Figure::estimate(tenure, tenure));
            role.moves = up
                .iter()
                .chain([&lateral])
                .map(|&to| Move::to(to))
                .collect();
            roles.push(role);
        }
    }
    let catalogue = Catalogue::sample(roles, pairs);
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
