//! Whole-binary tests of the foundation commands (`show`, `compare`, `path`, `list`) on the
//! built-in catalogue, in table and JSON form, and of the errors and exit codes around them.

use std::io::Read;
use std::process::{Command as StdCommand, Stdio};

use serde_json::Value;

use crate::support::command as ladder;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let output = ladder().args(args).output().expect("the binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["-o", "json"]);
    let out = run(&all);
    assert_eq!(out.code, 0, "{args:?} failed: {}", out.stderr);
    serde_json::from_str(&out.stdout).expect("stdout is JSON")
}

fn ids(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("an id").to_owned())
        .collect()
}

#[test]
fn show_cpo_prints_the_role_card() {
    let out = run(&["show", "cpo"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("Chief Product Officer (cpo)\n"));
    for label in [
        "Responsibilities",
        "Reports to",
        "Direct reports",
        "Years in role",
        "Experience at level",
        "Moves to",
        "Reached from",
        "Titles by size",
        "Sources",
    ] {
        assert!(out.stdout.contains(label), "no {label} in:\n{}", out.stdout);
    }
    assert!(out.stdout.contains("Chief Executive Officer (ceo)"));
    assert!(out.stderr.is_empty());
}

#[test]
fn show_as_json_follows_the_contract() {
    let card = json(&["show", "cpo"]);
    for field in [
        "id",
        "title",
        "aliases",
        "track",
        "level",
        "summary",
        "responsibilities",
        "expectations",
        "reports_to",
        "direct_reports",
        "time",
        "moves",
        "previous",
        "titles_by_company_size",
        "sources",
    ] {
        assert!(card.get(field).is_some(), "missing {field}: {card}");
    }
    assert_eq!(card["id"], "cpo");
    assert_eq!(card["title"], "Chief Product Officer");
    assert!(card["level"]["rank"].is_number(), "{card}");
    assert!(card["level"]["id"].is_string(), "{card}");
    assert_eq!(ids(&card["reports_to"]), ["ceo"]);
    assert!(ids(&card["direct_reports"]).contains(&"vp-product".to_owned()));
    assert!(ids(&card["previous"]).contains(&"vp-product".to_owned()));
    let experience = &card["time"]["experience"];
    assert!(experience["min"].is_number(), "{card}");
    assert!(experience["sources"].is_array(), "{card}");
    for m in card["moves"].as_array().expect("moves") {
        assert!(m["to"].is_string() && m["kind"].is_string(), "{m}");
    }
    for e in card["expectations"].as_array().expect("expectations") {
        assert!(e["area"].is_string() && e["texts"].is_array(), "{e}");
    }
}

#[test]
fn direct_reports_and_previous_roles_are_derived_from_the_graph() {
    // senior-pm names product-manager nowhere; product-manager's `next` names senior-pm.
    let senior = json(&["show", "senior-pm"]);
    assert!(ids(&senior["previous"]).contains(&"product-manager".to_owned()));
    // Whoever product-manager reports to lists it as a direct report.
    let pm = json(&["show", "pm"]);
    for boss in ids(&pm["reports_to"]) {
        let boss_card = json(&["show", &boss]);
        assert!(ids(&boss_card["direct_reports"]).contains(&"product-manager".to_owned()));
    }
}

#[test]
fn role_names_resolve_by_id_alias_title_and_prefix_whatever_the_case() {
    for (name, id) in [
        ("cpo", "cpo"),
        ("CPO", "cpo"),
        ("chief product officer", "cpo"),
        ("vp", "vp-product"),
        ("VP of Product", "vp-product"),
        ("head", "head-of-product"),
        ("pm", "product-manager"),
        ("apm", "associate-pm"),
        ("Chief-Product", "cpo"),
    ] {
        assert_eq!(json(&["show", name])["id"], id, "{name}");
    }
}

#[test]
fn an_unknown_role_suggests_close_names_and_exits_1() {
    let out = run(&["show", "cop"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert_eq!(
        out.stderr,
        "ladder: error: no role is called 'cop'; did you mean 'cpo'?\n"
    );
}

#[test]
fn an_ambiguous_role_lists_the_candidates_and_exits_1() {
    let out = run(&["show", "director"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .starts_with("ladder: error: 'director' could mean more than one role")
    );
    assert!(out.stderr.contains("director-pm"));
    assert!(out.stderr.contains("director-ux"));
}

#[test]
fn compare_vp_head_puts_the_two_roles_side_by_side() {
    let out = run(&["compare", "vp", "head"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("VP of Product (vp-product) and Head of Product (head-of-product)")
    );
    assert!(out.stdout.contains("(only this role)"));
    assert!(out.stdout.contains("Vision, strategy"), "{}", out.stdout);
    // The top product job of a small company and a VP belong to different company shapes: no
    // route joins them (the rung between director and VP is `head-of-product-rung`).
    assert!(out.stdout.contains("No route joins these two roles."));
    let rung = run(&["compare", "vp", "head-of-product-rung"]);
    assert!(
        rung.stdout
            .contains("From Head of Product (rung below VP) to VP of Product: 1 move: promotion"),
        "{}",
        rung.stdout
    );
}

#[test]
fn compare_as_json_splits_shared_and_one_sided_items() {
    let c = json(&["compare", "vp", "head"]);
    assert_eq!(c["a"]["id"], "vp-product");
    assert_eq!(c["b"]["id"], "head-of-product");
    for side in ["shared", "only_a", "only_b"] {
        assert!(c["responsibilities"][side].is_array(), "{side}");
    }
    // Together the three lists hold every responsibility of both roles.
    let count = |v: &Value| v.as_array().map_or(0, Vec::len);
    let r = &c["responsibilities"];
    assert_eq!(
        count(&r["shared"]) + count(&r["only_a"]),
        count(&c["a"]["responsibilities"])
    );
    assert_eq!(
        count(&r["shared"]) + count(&r["only_b"]),
        count(&c["b"]["responsibilities"])
    );
    // Competency by competency: every area either role names, each with what changes.
    let areas = c["areas"].as_array().expect("areas");
    assert!(!areas.is_empty(), "{c}");
    for area in areas {
        assert!(
            area["area"].is_string() && area["name"].is_string(),
            "{area}"
        );
    }
}

#[test]
fn path_pm_cpo_prints_each_step_with_its_years_and_a_total() {
    let out = run(&["path", "pm", "cpo"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let first = out.stdout.lines().next().expect("a heading");
    assert!(
        first.starts_with("Product Manager → Chief Product Officer:"),
        "{first}"
    );
    assert!(first.contains("years"));
    assert!(out.stdout.contains("Years in role"));
    assert!(out.stdout.contains("Reached after"));
    assert!(out.stdout.contains("start"));
}

#[test]
fn path_as_json_runs_from_from_to_to_and_totals_every_step_but_the_last() {
    let p = json(&["path", "pm", "cpo"]);
    assert_eq!(p["from"], "product-manager");
    assert_eq!(p["to"], "cpo");
    let route = &p["routes"][0];
    let steps = route["steps"].as_array().expect("steps");
    assert_eq!(steps.first().expect("a step")["id"], "product-manager");
    assert_eq!(steps.last().expect("a step")["id"], "cpo");
    let counted = &steps[..steps.len() - 1];
    let known: Vec<&Value> = counted.iter().filter(|s| !s["in_role"].is_null()).collect();
    let sum = |key: &str| -> f64 {
        known
            .iter()
            .map(|s| s["in_role"][key].as_f64().expect("years"))
            .sum()
    };
    assert_eq!(route["total"]["min"].as_f64(), Some(sum("min")));
    assert_eq!(route["total"]["steps"].as_u64(), Some(counted.len() as u64));
    assert_eq!(
        route["total"]["unknown_steps"].as_u64(),
        Some((counted.len() - known.len()) as u64)
    );
    if known.iter().all(|s| s["in_role"]["max"].is_number()) {
        assert_eq!(route["total"]["max"].as_f64(), Some(sum("max")));
    }
    for step in &steps[1..] {
        assert!(step["kind"].is_string(), "{step}");
    }
    for step in steps {
        assert!(step["title"].is_string());
    }
}

#[test]
fn path_by_steps_never_takes_more_steps_than_by_time() {
    let steps = |by: &str| {
        json(&["path", "apm", "cpo", "--by", by])["routes"][0]["steps"]
            .as_array()
            .map_or(0, Vec::len)
    };
    assert!(steps("steps") <= steps("time"));
}

#[test]
fn path_all_lists_routes_best_first_up_to_the_limit() {
    let p = json(&["path", "apm", "cpo", "--all", "--limit", "4"]);
    let routes = p["routes"].as_array().expect("routes");
    assert_eq!(routes.len(), 4);
    let mid = |r: &Value| {
        r["total"]["min"].as_f64().unwrap_or(0.0) + r["total"]["max"].as_f64().unwrap_or(0.0)
    };
    for pair in routes.windows(2) {
        assert!(mid(&pair[0]) <= mid(&pair[1]), "not best first: {pair:?}");
    }
}

#[test]
fn path_via_and_avoid_are_honoured() {
    let p = json(&["path", "pm", "cpo", "--via", "vp", "--avoid", "head"]);
    let steps: Vec<String> = p["routes"][0]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(steps.contains(&"vp-product".to_owned()), "{steps:?}");
    assert!(!steps.contains(&"head-of-product".to_owned()), "{steps:?}");
}

#[test]
fn path_to_the_same_role_is_one_step_of_no_years() {
    let p = json(&["path", "cpo", "cpo"]);
    assert_eq!(p["routes"][0]["steps"].as_array().map(Vec::len), Some(1));
    assert_eq!(p["routes"][0]["total"]["min"], 0.0);
}

#[test]
fn path_down_the_ladder_says_why_there_is_no_route_and_exits_1() {
    let out = run(&["path", "cpo", "pm"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.starts_with("ladder: error: "), "{}", out.stderr);
    assert!(out.stderr.contains("above"), "{}", out.stderr);
    assert!(
        out.stderr.contains("ladder path product-manager cpo"),
        "{}",
        out.stderr
    );
}

#[test]
fn path_avoiding_every_route_says_so_and_exits_1() {
    let out = run(&["path", "pm", "cpo", "--avoid", "senior-pm"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("avoid"), "{}", out.stderr);
}

#[test]
fn list_orders_roles_by_track_and_level_and_filters() {
    let all = json(&["list"]);
    assert!(all["name"].is_string() && all["tracks"].is_array() && all["levels"].is_array());
    let rows = all["roles"].as_array().expect("rows");
    assert!(rows.len() >= 20);
    for row in rows {
        for field in ["id", "title", "track", "level", "entry", "in_role"] {
            assert!(row.get(field).is_some(), "missing {field}");
        }
    }
    let ic = json(&["list", "--track", "ic"]);
    let ic = ic["roles"].as_array().expect("rows");
    assert!(ic.iter().all(|r| r["track"] == "ic"));
    let ranks: Vec<f64> = ic
        .iter()
        .map(|r| r["level"]["rank"].as_f64().unwrap_or(0.0))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    let top = json(&["list", "--level", "chief-executive"]);
    assert_eq!(top["roles"][0]["id"], "ceo");
}

#[test]
fn list_with_an_unknown_track_names_the_tracks_and_exits_1() {
    let out = run(&["list", "--track", "sales"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("the tracks are: ic, management"),
        "{}",
        out.stderr
    );
}

#[test]
fn list_table_has_a_row_per_role() {
    let out = run(&["list"]);
    assert_eq!(out.code, 0);
    for id in ["associate-pm", "senior-pm", "cpo", "ceo"] {
        assert!(
            out.stdout.contains(&format!(" {id} ")),
            "{id}:\n{}",
            out.stdout
        );
    }
    assert!(out.stdout.contains("(entry)"), "{}", out.stdout);
}

#[test]
fn a_usage_error_exits_2() {
    let out = run(&["show"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    let out = run(&["path", "pm", "cpo", "--by", "luck"]);
    assert_eq!(out.code, 2);
    let out = run(&["frobnicate"]);
    assert_eq!(out.code, 2);
}

#[test]
fn help_and_version_exit_0() {
    let out = run(&["--help"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("ladder path pm cpo"));
    let out = run(&["--version"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("ladder "));
}

#[test]
fn piped_output_has_no_colour_and_fits_the_width() {
    let out = run(&["show", "cpo"]);
    assert!(!out.stdout.contains('\x1b'));
    // Only a web address may overflow: it stays whole so that it can be clicked and copied.
    for line in out.stdout.lines() {
        let is_address = line.trim_start().starts_with("http") && !line.trim().contains(' ');
        assert!(
            line.chars().count() <= 100 || is_address,
            "too wide: {line}"
        );
    }
}

#[test]
fn a_closed_pipe_exits_0_without_a_panic_message() {
    let binary = assert_cmd::cargo::cargo_bin("ladder");
    let mut child = StdCommand::new(binary)
        .args(["show", "cpo"])
        .env("NO_COLOR", "1")
        .env_remove("LADDER_CATALOGUE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    // Close our end of stdout before the binary writes.
    drop(child.stdout.take());
    let status = child.wait().expect("waits");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("reads");
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert!(stderr.is_empty(), "stderr: {stderr}");
}

#[test]
fn shell_pipe_to_head_exits_0() {
    let binary = assert_cmd::cargo::cargo_bin("ladder");
    let out = StdCommand::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' list | head -1 >/dev/null",
            binary.display()
        ))
        .env_remove("LADDER_CATALOGUE")
        .output()
        .expect("bash runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn shared_options_work_before_and_after_the_command_and_the_later_one_wins() {
    let before = run(&["-o", "json", "show", "cpo"]);
    let after = run(&["show", "cpo", "-o", "json"]);
    assert_eq!(before.code, 0, "{}", before.stderr);
    assert!(before.stdout.starts_with('{'), "{}", before.stdout);
    assert_eq!(before.stdout, after.stdout);
    let both = run(&["-o", "json", "show", "cpo", "-o", "yaml"]);
    assert!(both.stdout.starts_with("id: cpo"), "{}", both.stdout);

    // `--catalogue` after the name beats the one before it, and both beat LADDER_CATALOGUE; an
    // empty value means the built-in catalogue.
    let engineering = ["--catalogue", "examples/engineering.yaml", "check"];
    let checked = run(&engineering);
    assert!(
        checked
            .stdout
            .starts_with("examples/engineering.yaml: valid"),
        "{}",
        checked.stdout
    );
    let overridden = run(&[engineering.as_slice(), &["--catalogue", ""]].concat());
    assert!(
        overridden.stdout.starts_with("<built-in>: valid"),
        "{}",
        overridden.stdout
    );
    let output = ladder()
        .env("LADDER_CATALOGUE", "examples/engineering.yaml")
        .args(["check", "--catalogue", ""])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("<built-in>: valid"), "{stdout}");

    // A limit given after the name applies: a depth of 1 cannot hold any catalogue.
    let limited = run(&[
        "--catalogue",
        "examples/engineering.yaml",
        "list",
        "--max-depth",
        "1",
    ]);
    assert_eq!(limited.code, 1, "{}", limited.stdout);
    assert!(limited.stderr.contains("depth"), "{}", limited.stderr);
}
