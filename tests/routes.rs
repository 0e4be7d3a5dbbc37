//! Regression tests for the route finder's red-team findings, on the real binary: each with
//! inputs of its own (small fixtures under `tests/fixtures/routes/`, or shapes generated here at
//! a size that runs well under a second in a debug build; the timings at scale are in
//! bench/compare.sh).

use crate::support;

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
    assert_eq!(years(&via["routes"][0]["total"]), (8.0, 8.0), "{via}");
    // The two 8-year routes tie on every measure: the first role id where they differ decides
    // (`d2` before `j`), and the answer says so.
    assert_eq!(
        routes(&via),
        [["start", "d2", "k", "hub", "d4", "j", "end"]]
    );
    assert_eq!(via["tied"], json!(1));
    assert_eq!(via["chosen_by"], json!("role ids in alphabetical order"));
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
        ["start", "j", "d1", "hub", "k", "d3", "end"]
    );
    assert_eq!(all["routes"][1]["total"]["min"], json!(8.0));
    assert_eq!(all["routes"][1]["tied_with"], json!(1));
}

/// The years of a total or a running total: (min, max).
fn years(total: &Value) -> (f64, f64) {
    let min = total["min"].as_f64().expect("min");
    (min, total["max"].as_f64().unwrap_or(f64::NAN))
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
/// way two rungs on ("rungs"). Rung `k` is `r{2k}`, its side role `r{2k+1}`; equal routes come in
/// the order of their role ids, so the first takes, at each rung, whichever of the next rung and
/// the side role has the first id (`r10` comes before `r9`).
#[test]
fn all_routes_along_rungs_with_equally_quick_detours_come_in_role_id_order() {
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
    let found = routes(&answer);
    // The first: at each rung the first id of the side role and the next rung, but the side
    // role just before the end, which would take one move more.
    let id = |i: usize| format!("r{i}");
    let mut first = vec![id(0)];
    let mut here = 0;
    while here < last {
        here = if here + 4 <= last && id(here + 1) < id(here + 2) {
            first.push(id(here + 1));
            here + 4
        } else {
            here + 2
        };
        first.push(id(here));
    }
    assert_eq!(found.len(), 10);
    assert_eq!(found[0], first);
    let total = &answer["routes"][0]["total"];
    for (route, better) in found.iter().skip(1).zip(&found) {
        assert!(
            better < route,
            "equal routes in role id order: {better:?} then {route:?}"
        );
    }
    for route in answer["routes"].as_array().expect("routes") {
        assert_eq!(&route["total"], total, "every route is a best one");
    }
    assert_eq!(answer["tied_more"], json!(true), "thousands of routes tie");
    assert_eq!(answer["routes"][9]["tied_with"], json!(1));
}

/// F06: `--all --limit N` on a wide fan: the N best middle roles, best first, the first id on ties.
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
        (((min + max) * 500.0) as u64, format!("r{i}"))
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
    for (a, b) in [
        ("product-lead", "design-lead"),
        ("design-lead", "product-lead"),
    ] {
        let step = &json_answer(&catalogue, &["compare", a, b])["step"];
        assert_eq!(step["from"], json!("design-lead"), "compare {a} {b}");
        assert_eq!(step["to"], json!("product-lead"), "compare {a} {b}");
        assert_eq!(step["moves"], json!(["track switch"]), "compare {a} {b}");
        assert_eq!(years(&step["years"]), (1.5, 2.5), "compare {a} {b}");
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
        // The wording of the step is compare's; the route is what this test holds it to.
        let step = text
            .split("From Design Lead to Product Lead:")
            .nth(1)
            .unwrap_or_else(|| panic!("compare {a} {b} names the step: {text}"));
        assert!(step.contains("track switch"), "compare {a} {b}: {text}");
        let run = ladder(&["--catalogue", path, "compare", a, b, "-o", "markdown"]);
        let step = run
            .stdout
            .split("From `design-lead` to `product-lead`:")
            .nth(1)
            .unwrap_or_else(|| panic!("compare {a} {b} -o markdown: {}", run.stdout));
        assert!(step.contains("track switch"), "{}", run.stdout);
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
    assert_eq!(years(reached[2]), (0.3, 0.9));
    assert_eq!(years(reached[3]), (0.4, 1.0));
    assert_eq!(years(&route["total"]), (1.1, 2.3));
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
            run.stdout.contains("Route 2 of more than 2"),
            "{}",
            run.stdout
        );
        let run = ladder(&[
            "path", "apm", "cpo", "--all", "--limit", "1000", "-o", format,
        ]);
        assert!(
            run.stdout.contains(&format!("Route {count} of {count}")),
            "{}",
            run.stdout
        );
    }
}

/// Issue 14: the route between two equally quick ways is chosen by a stated rule, not by the
/// order of the file. Senior PM to director of product through lead PM (an individual
/// contributor, listed first) or group PM (a manager): the group PM route wins, the answer says
/// the routes tie and what chose, and the same answer comes from copies of the file with the roles
/// and the moves listed in other orders.
#[test]
fn ties_are_reported_and_broken_by_the_stated_rule_whatever_the_file_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("tie-rule.yaml")).expect("fixture");
    let (head, roles) = text.split_once("roles:\n").expect("a roles list");
    let blocks: Vec<String> = roles
        .split("  - id: ")
        .skip(1)
        .map(|block| format!("  - id: {block}"))
        .collect();
    assert_eq!(blocks.len(), 4);
    let write = |name: &str, order: [usize; 4], moves_swapped: bool| {
        let mut body: String = order.iter().map(|&i| blocks[i].as_str()).collect();
        if moves_swapped {
            body = body.replace(
                "      - to: lead-pm\n      - to: group-pm\n        condition: A team to lead.\n",
                "      - to: group-pm\n        condition: A team to lead.\n      - to: lead-pm\n",
            );
        }
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{head}roles:\n{body}")).expect("writes");
        path
    };
    let files = [
        PathBuf::from(fixture("tie-rule.yaml")),
        write("swapped.yaml", [0, 2, 1, 3], true),
        write("reversed.yaml", [3, 2, 1, 0], false),
    ];
    let best = ["senior-pm", "group-pm", "director-pm"];
    for file in &files {
        let answer = json_answer(file, &["path", "senior-pm", "director-pm"]);
        assert_eq!(routes(&answer), [best], "{}", file.display());
        assert_eq!(answer["tied"], json!(1));
        assert_eq!(answer["tied_on"], json!("time"));
        assert_eq!(
            answer["chosen_by"],
            json!("more people-management experience on the way (the destination manages people)")
        );
        assert_eq!(answer["ranked_by"][1], json!("fewer track switches"));
        let steps = &answer["routes"][0]["steps"];
        assert_eq!(steps[1]["kind"], json!("promotion and track switch"));
        assert_eq!(steps[1]["condition"], json!("A team to lead."));
        assert_eq!(steps[2]["kind"], json!("promotion"));
        let all = json_answer(file, &["path", "senior-pm", "director-pm", "--all"]);
        assert_eq!(
            routes(&all),
            [best, ["senior-pm", "lead-pm", "director-pm"]]
        );
        assert_eq!(all["routes"][0].get("tied_with"), None);
        assert_eq!(all["routes"][1]["tied_with"], json!(1));
    }
    let path = files[1].to_str().expect("UTF-8 path");
    for format in ["table", "markdown"] {
        let run = ladder(&[
            "--catalogue",
            path,
            "path",
            "senior-pm",
            "director-pm",
            "--all",
            "-o",
            format,
        ]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let text = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        for said in [
            "Route 1 of 2:",
            "Tied on time with 1 other route; chosen by: more people-management experience on \
             the way (the destination manages people).",
            "Route 2 of 2 (tied with route 1):",
            "promotion and track switch",
            "Routes are ranked by less time, then fewer track switches, then more \
             people-management experience on the way (the destination manages people), then fewer \
             moves that need a condition, then fewer moves, then role ids in alphabetical order.",
        ] {
            assert!(
                text.contains(said),
                "-o {format}: {said:?} in\n{}",
                run.stdout
            );
        }
    }
    // A route that ties with none says nothing of ties.
    let alone = json_answer(&files[0], &["path", "lead-pm", "director-pm"]);
    assert_eq!(alone["tied"], json!(0));
    assert_eq!(alone.get("chosen_by"), None);
    let run = ladder(&[
        "--catalogue",
        files[0].to_str().expect("UTF-8 path"),
        "path",
        "lead-pm",
        "director-pm",
    ]);
    assert!(!run.stdout.contains("Tied"), "{}", run.stdout);
}
