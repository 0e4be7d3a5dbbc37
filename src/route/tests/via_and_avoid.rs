//! Routes through a role (`--via`) and around roles (`--avoid`).

use super::*;

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
    // Both orders cost 12 years over 4 steps: the first ids win (s before u).
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
