//! Regression tests for the route finder's red-team findings, on the real binary: each with
//! inputs of its own (small fixtures under `tests/fixtures/routes/`, or shapes generated here at
//! a size that runs well under a second in a debug build; the timings at scale are in
//! bench/compare.sh).

mod support;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use support::ladder;

fn fixture(name: &str) -> String {
    format!("tests/fixtures/routes/{name}")
}

/// A generated role: index, level, tenure (min, max), next and lateral role indices.
type Spec = (usize, u32, (f64, f64), Vec<usize>, Vec<usize>);

/// Writes a generated catalogue of `roles` to a temporary file.
fn generated(dir: &Path, name: &str, roles: &[Spec]) -> PathBuf {
    let ids = |list: &Vec<usize>| list.iter().map(|i| format!("r{i}")).collect::<Vec<_>>();
    let roles: Vec<Value> = roles
        .iter()
        .map(|(i, level, (min, max), next, lateral)| {
            json!({
                "id": format!("r{i}"), "title": format!("Role {i}"), "track": "t", "level": level,
                "summary": "s.", "responsibilities": ["Work."],
                "tenure": {"min": min, "max": max, "estimate": true},
                "next": ids(next), "lateral": ids(lateral),
            })
        })
        .collect();
    let catalogue =
        json!({"version": 1, "name": name, "tracks": [{"id": "t", "name": "T"}], "roles": roles});
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, catalogue.to_string()).expect("writes the catalogue");
    path
}

/// Runs `ladder --catalogue CATALOGUE ARGS -o json` and returns the parsed answer.
fn json_answer(catalogue: &Path, args: &[&str]) -> Value {
    let catalogue = catalogue.to_str().expect("UTF-8 path");
    let mut all = vec!["--catalogue", catalogue];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", "json"]);
    let run = ladder(&all);
    assert_eq!(run.code, Some(0), "ladder {all:?}: {}", run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON")
}

fn route_ids(route: &Value) -> Vec<String> {
    route["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|step| step["id"].as_str().expect("id").to_owned())
        .collect()
}

fn routes(answer: &Value) -> Vec<Vec<String>> {
    answer["routes"]
        .as_array()
        .expect("routes")
        .iter()
        .map(route_ids)
        .collect()
}

/// F08: the best route through a role when the two best legs collide.
#[test]
fn via_finds_the_best_route_through_the_role_when_the_best_legs_collide() {
    let catalogue = PathBuf::from(fixture("crossing-legs.yaml"));
    let via = json_answer(&catalogue, &["path", "start", "end", "--via", "hub"]);
    assert_eq!(
        via["routes"][0]["total"],
        json!({"min": 8.0, "max": 8.0}),
        "{via}"
    );
    // The lower role indices win the tie between the two 8-year routes.
    assert_eq!(
        routes(&via),
        [["start", "j", "d1", "hub", "k", "d3", "end"]]
    );
    // And `--all` agrees: its best routes through hub start with the same one.
    let all = json_answer(
        &catalogue,
        &[
            "path", "start", "end", "--via", "hub", "--all", "--limit", "2",
        ],
    );
    assert_eq!(routes(&all)[0], routes(&via)[0]);
    assert_eq!(
        routes(&all)[1],
        ["start", "d2", "k", "hub", "d4", "j", "end"]
    );
    assert_eq!(all["routes"][1]["total"]["min"], json!(8.0));
}

/// F03: `--via` with `--all` is bounded by the limit, and a role on no route is answered at once.
#[test]
fn via_with_all_on_a_dense_ladder_is_bounded_by_the_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Every role promotes to every role above it: a huge number of simple routes.
    let n = 30;
    let roles: Vec<_> = (0..n)
        .map(|i| {
            (
                i,
                i as u32 + 1,
                (1.0 + (i % 3) as f64, 3.0 + (i % 5) as f64),
                (i + 1..n).collect(),
                vec![],
            )
        })
        .collect();
    let catalogue = generated(dir.path(), "dense", &roles);
    let path = catalogue.to_str().expect("UTF-8 path");
    // r0 is below r1: no route from r1 passes it.
    let run = ladder(&[
        "--catalogue",
        path,
        "path",
        "r1",
        "r28",
        "--via",
        "r0",
        "--all",
        "--limit",
        "1000",
    ]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .starts_with("ladder: error: no route from Role 1 to Role 28 passes through Role 0"),
        "{}",
        run.stderr
    );
    // Through a role in the middle: exactly the limit, each through it, best first.
    let answer = json_answer(
        &catalogue,
        &[
            "path", "r1", "r28", "--via", "r14", "--all", "--limit", "1000",
        ],
    );
    let found = routes(&answer);
    assert_eq!(found.len(), 1000);
    assert!(found.iter().all(|route| route.contains(&"r14".to_owned())));
    let totals: Vec<f64> = answer["routes"]
        .as_array()
        .expect("routes")
        .iter()
        .map(|route| {
            route["total"]["min"].as_f64().expect("years")
                + route["total"]["max"].as_f64().expect("years")
        })
        .collect();
    assert!(
        totals.windows(2).all(|pair| pair[0] <= pair[1]),
        "best first"
    );
}

/// F03: a complete graph of track switches, through one role.
#[test]
fn via_with_all_on_a_clique_of_switches_is_bounded_by_the_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let n = 40;
    let roles: Vec<_> = (0..n)
        .map(|i| {
            (
                i,
                1,
                (1.0, 2.0),
                vec![],
                (0..n).filter(|&j| j != i).collect(),
            )
        })
        .collect();
    let catalogue = generated(dir.path(), "clique", &roles);
    let answer = json_answer(
        &catalogue,
        &[
            "path", "r0", "r39", "--via", "r5", "--all", "--limit", "2000",
        ],
    );
    let found = routes(&answer);
    assert_eq!(found.len(), 2000);
    assert_eq!(found[0], ["r0", "r5", "r39"]);
    assert!(found.iter().all(|route| route.contains(&"r5".to_owned())));
}

/// F05: one long route, with `--all`, is found in time proportional to its length.
#[test]
fn all_routes_along_a_long_chain_of_switches_is_the_one_route() {
    let dir = tempfile::tempdir().expect("temp dir");
    let n = 4_000;
    let roles: Vec<_> = (0..n)
        .map(|i| {
            (
                i,
                1,
                (1.0, 2.0),
                vec![],
                if i + 1 < n { vec![i + 1] } else { vec![] },
            )
        })
        .collect();
    let catalogue = generated(dir.path(), "chain", &roles);
    let last = format!("r{}", n - 1);
    let answer = json_answer(&catalogue, &["path", "r0", &last, "--all"]);
    let found = routes(&answer);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].len(), n);
    let via = json_answer(
        &catalogue,
        &["path", "r0", &last, "--all", "--via", "r2000"],
    );
    assert_eq!(routes(&via), found);
}

/// F05's class: `--all` along a long chain where every rung has a side role that is as quick a
/// way two rungs on ("rungs"). Rung `k` is `r{2k}`, its side role `r{2k+1}`; equal routes come by
/// role index, so the first takes every side role it can and the second leaves it the latest.
#[test]
fn all_routes_along_rungs_with_equally_quick_detours_come_in_role_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rungs = 1_000;
    let last = 2 * (rungs - 1);
    let mut roles = Vec::new();
    for k in 0..rungs {
        let rung = 2 * k;
        let (on, side) = if rung < last {
            (vec![rung + 2, rung + 1], vec![(rung + 4).min(last)])
        } else {
            (vec![], vec![])
        };
        roles.push((rung, 1, (1.0, 1.0), vec![], on));
        if rung < last {
            roles.push((rung + 1, 1, (1.0, 1.0), vec![], side));
        }
    }
    let catalogue = generated(dir.path(), "rungs", &roles);
    let to = format!("r{last}");
    let answer = json_answer(&catalogue, &["path", "r0", &to, "--all", "--limit", "10"]);
    let found: Vec<Vec<usize>> = routes(&answer)
        .iter()
        .map(|route| {
            route
                .iter()
                .map(|id| id.trim_start_matches('r').parse().expect("index"))
                .collect()
        })
        .collect();
    // The first: side role, two rungs on, and again, with one plain step where the side roles
    // would overshoot.
    let mut first = vec![0];
    let mut here = 0;
    while here < last {
        here = if here + 4 <= last {
            first.push(here + 1);
            here + 4
        } else {
            here + 2
        };
        first.push(here);
    }
    assert_eq!(found.len(), 10);
    assert_eq!(found[0], first);
    let total = &answer["routes"][0]["total"];
    for (route, better) in found.iter().skip(1).zip(&found) {
        assert!(
            better < route,
            "equal routes in role order: {better:?} then {route:?}"
        );
    }
    for route in answer["routes"].as_array().expect("routes") {
        assert_eq!(&route["total"], total, "every route is a best one");
    }
}

/// F06: `--all --limit N` on a wide fan: the N best middle roles, best first, lowest index on ties.
#[test]
fn all_routes_across_a_wide_fan_are_the_best_middle_roles_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let n = 2_000;
    let mut roles = vec![(0, 1, (1.0, 2.0), (1..n - 1).collect(), vec![])];
    let tenure = |i: usize| {
        let min = 1.0 + (i % 7) as f64;
        (min, min + (i % 11) as f64)
    };
    roles.extend((1..n - 1).map(|i| (i, 2, tenure(i), vec![n - 1], vec![])));
    roles.push((n - 1, 3, (1.0, 2.0), vec![], vec![]));
    let catalogue = generated(dir.path(), "fan", &roles);
    let top = format!("r{}", n - 1);
    let answer = json_answer(&catalogue, &["path", "r0", &top, "--all", "--limit", "500"]);
    let mut middles: Vec<usize> = (1..n - 1).collect();
    middles.sort_by_key(|&i| {
        let (min, max) = tenure(i);
        (((min + max) * 500.0) as u64, i)
    });
    let expected: Vec<Vec<String>> = middles[..500]
        .iter()
        .map(|i| vec!["r0".to_owned(), format!("r{i}"), top.clone()])
        .collect();
    assert_eq!(routes(&answer), expected);
}

/// F09: `compare` is symmetric, and finds a one-way switch between roles at the same level.
#[test]
fn compare_finds_a_one_way_switch_between_roles_at_the_same_level_either_way_round() {
    let catalogue = PathBuf::from(fixture("one-way-switch.yaml"));
    let expected = json!({"from": "design-lead", "to": "product-lead", "levels": 0, "steps": 1, "years": {"min": 1.5, "max": 2.5}});
    for (a, b) in [
        ("product-lead", "design-lead"),
        ("design-lead", "product-lead"),
    ] {
        let answer = json_answer(&catalogue, &["compare", a, b]);
        assert_eq!(answer["step"], expected, "compare {a} {b}");
    }
    let path = catalogue.to_str().expect("UTF-8 path");
    for (a, b) in [
        ("product-lead", "design-lead"),
        ("design-lead", "product-lead"),
    ] {
        let run = ladder(&["--catalogue", path, "compare", a, b]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        // Prose wraps at the terminal width: compare the words.
        let text = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            !text.contains("No promotion route"),
            "compare {a} {b}: {text}"
        );
        assert!(
            text.contains("From Design Lead to Product Lead: a track switch at the same level,"),
            "compare {a} {b}: {text}"
        );
        let run = ladder(&["--catalogue", path, "compare", a, b, "-o", "markdown"]);
        assert!(
            run.stdout.contains(
                "From `design-lead` to `product-lead`: a track switch at the same level, typically"
            ),
            "compare {a} {b} -o markdown: {}",
            run.stdout
        );
        assert!(
            text.contains("`ladder path design-lead product-lead`"),
            "compare {a} {b}: {text}"
        );
    }
}

/// F21: sums of decimal tenures come out as written, with no float noise.
#[test]
fn route_years_have_no_float_noise() {
    let catalogue = PathBuf::from(fixture("decimal-tenures.yaml"));
    let answer = json_answer(&catalogue, &["path", "a", "e"]);
    let route = &answer["routes"][0];
    let reached: Vec<&Value> = route["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|step| &step["reached_after"])
        .collect();
    assert_eq!(reached[2], &json!({"min": 0.3, "max": 0.9}));
    assert_eq!(reached[3], &json!({"min": 0.4, "max": 1.0}));
    assert_eq!(route["total"], json!({"min": 1.1, "max": 2.3}));
    let path = catalogue.to_str().expect("UTF-8 path");
    for format in ["json", "yaml", "markdown", "table"] {
        let run = ladder(&["--catalogue", path, "path", "a", "e", "-o", format]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(
            !run.stdout.contains("0000000") && !run.stdout.contains("9999999"),
            "-o {format}:\n{}",
            run.stdout
        );
    }
}

/// `path --all` says when `--limit` cut the list ("of more than N", `"more": true`), and counts
/// the routes when it did not.
#[test]
fn all_routes_say_whether_the_limit_cut_the_list() {
    let json = |limit: &str| {
        let run = ladder(&[
            "path", "apm", "cpo", "--all", "--limit", limit, "-o", "json",
        ]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        serde_json::from_str::<Value>(&run.stdout).expect("JSON")
    };
    let every = json("1000");
    let count = every["routes"].as_array().expect("routes").len();
    assert!(
        count > 2,
        "the built-in ladder has several routes from apm to cpo"
    );
    assert_eq!(every.get("more"), None);
    let cut = json("2");
    assert_eq!(cut["more"], json!(true));
    assert_eq!(routes(&cut), routes(&every)[..2]);
    let exact = json(&count.to_string());
    assert_eq!(
        exact.get("more"),
        None,
        "a limit of exactly the count cuts nothing"
    );
    for format in ["table", "markdown"] {
        let run = ladder(&["path", "apm", "cpo", "--all", "--limit", "2", "-o", format]);
        assert!(
            run.stdout.contains("Route 2 of more than 2:"),
            "{}",
            run.stdout
        );
        let run = ladder(&[
            "path", "apm", "cpo", "--all", "--limit", "1000", "-o", format,
        ]);
        assert!(
            run.stdout.contains(&format!("Route {count} of {count}:")),
            "{}",
            run.stdout
        );
    }
}
