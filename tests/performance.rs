//! The speed work, tested for what it must not change: JSON catalogues answer like their YAML
//! twins and report the same problems, generated catalogues are valid and deterministic, and
//! progress never reaches a pipe. Speed itself lives in `cargo bench` and `bench/compare.sh`.

#[path = "../examples/gen/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use ladder::catalogue::{self, Limits};

use crate::support::command as ladder;

/// A file under the target directory's scratch space, unique to the test.
fn scratch(name: &str, text: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).expect("the scratch directory is writable");
    path
}

/// `ladder --catalogue FILE ARGS...`, run to the end.
fn output_on(file: &Path, args: &[&str]) -> std::process::Output {
    ladder()
        .arg("--catalogue")
        .arg(file)
        .args(args)
        .output()
        .expect("runs")
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn generated_catalogues_are_valid_at_every_size_and_seed() {
    for roles in [1, 2, 3, 9, 10, 11, 20, 100, 1_000] {
        for seed in [1, 2, 42] {
            let generated = synthetic::generate(roles, seed);
            let yaml = generated.to_yaml();
            let loaded = catalogue::load_text("gen.yaml", &yaml, &Limits::default())
                .unwrap_or_else(|e| panic!("{roles} roles, seed {seed}: {}", e.render_problems()));
            assert_eq!(loaded.roles.len(), roles);
            let json =
                catalogue::load_json_text("gen.json", &generated.to_json(), &Limits::default())
                    .unwrap_or_else(|e| {
                        panic!("{roles} roles, seed {seed}: {}", e.render_problems())
                    });
            assert_eq!(
                json, loaded,
                "{roles} roles, seed {seed}: JSON and YAML differ"
            );
        }
    }
}

/// Generated catalogues give `check` nothing to warn about, so that timing `check` times loading.
#[test]
fn a_generated_catalogue_passes_a_strict_check() {
    let file = scratch("gen-strict.yaml", &synthetic::generate(1_000, 1).to_yaml());
    let out = stdout_of(ladder().args(["check", "--strict"]).arg(&file));
    assert!(out.contains("1000 roles"), "{out}");
}

#[test]
fn a_generated_catalogue_depends_only_on_its_size_and_seed() {
    assert_eq!(
        synthetic::generate(500, 7).to_yaml(),
        synthetic::generate(500, 7).to_yaml()
    );
    assert_ne!(
        synthetic::generate(500, 7).to_yaml(),
        synthetic::generate(500, 8).to_yaml()
    );
}

#[test]
fn a_generated_catalogue_has_the_shape_of_a_real_ladder() {
    let generated = synthetic::generate(2_000, 1);
    let levels: std::collections::BTreeSet<u32> = generated.roles.iter().map(|r| r.level).collect();
    assert_eq!(levels, (1..=10).collect());
    for role in &generated.roles {
        assert!((5..=8).contains(&role.responsibilities.len()));
        assert!((3..=6).contains(&role.skills.len()));
        if role.level < 10 {
            assert!((1..=3).contains(&role.next.len()), "{}", role.id);
            assert!(role.reports_to.is_some(), "{}", role.id);
        }
    }
    assert!(generated.roles.iter().any(|r| !r.lateral.is_empty()));
    assert!(generated.tracks.len() >= 3);
}

#[test]
fn the_route_a_generated_file_names_is_found_by_ladder_path() {
    let generated = synthetic::generate(1_000, 3);
    let file = scratch("route.yaml", &generated.to_yaml());
    let second_line = generated
        .to_yaml()
        .lines()
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    let (from, to) = generated.route;
    let (from, to) = (&generated.roles[from].id, &generated.roles[to].id);
    assert!(
        second_line.ends_with(&format!("path {from} {to}")),
        "{second_line}"
    );
    let out = stdout_of(
        ladder()
            .arg("--catalogue")
            .arg(&file)
            .args(["path", from, to]),
    );
    assert!(
        out.contains(from.as_str()) && out.contains(to.as_str()),
        "{out}"
    );
}

#[test]
fn a_json_catalogue_gives_the_same_answers_as_its_yaml_twin() {
    let generated = synthetic::generate(300, 5);
    let yaml = scratch("twin.yaml", &generated.to_yaml());
    let json = scratch("twin.json", &generated.to_json());
    let (from, to) = generated.route;
    let (from, to) = (&generated.roles[from].id, &generated.roles[to].id);
    for args in [
        vec!["path", from, to],
        vec!["path", from, to, "--all", "--limit", "5"],
        vec!["compare", from, to],
        vec!["show", to, "-o", "json"],
        vec!["list", "--level", "3"],
    ] {
        let from_yaml = stdout_of(ladder().arg("--catalogue").arg(&yaml).args(&args));
        let from_json = stdout_of(ladder().arg("--catalogue").arg(&json).args(&args));
        assert_eq!(from_yaml, from_json, "ladder {args:?}");
    }
}

/// A small catalogue whose one role points at a role that does not exist, on line 7.
const DANGLING_JSON: &str = r#"{
  "version": 1,
  "name": "Tiny",
  "tracks": [{"id": "ic", "name": "IC"}],
  "roles": [
    {"id": "pm", "title": "PM", "track": "ic", "level": 1, "summary": "Does things.",
     "responsibilities": ["Ships."], "tenure": {"min": 1, "max": 2, "estimate": true}, "next": ["cpo"]}
  ]
}
"#;

#[test]
fn an_invalid_json_catalogue_reports_each_problem_at_its_line_and_column() {
    let file = scratch("dangling.json", DANGLING_JSON);
    let output = output_on(&file, &["list"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("dangling.json:7:97: `to` names no role `cpo`"),
        "{stderr}"
    );
}

#[test]
fn a_json_catalogue_with_an_unknown_key_gets_the_yaml_suggestion() {
    let file = scratch(
        "unknown-key.json",
        "{\"version\": 1, \"name\": \"x\",\n \"rols\": []}\n",
    );
    let output = output_on(&file, &["list"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown-key.json:2:2: unknown key `rols`; did you mean `roles`?"),
        "{stderr}"
    );
}

#[test]
fn a_json_syntax_error_points_at_its_line_and_column() {
    let file = scratch("broken.json", "{\"version\": 1,\n \"name\": \"x\",,\n}\n");
    let output = output_on(&file, &["list"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("broken.json:2:14: not valid JSON: "),
        "{stderr}"
    );
}

#[test]
fn a_json_extension_in_capitals_is_read_as_json() {
    let file = scratch("CAPS.JSON", "{\"version\": 1,\n \"name\": \"x\",,\n}\n");
    let output = output_on(&file, &["list"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not valid JSON"), "{stderr}");
}

/// A catalogue big enough that a debug build takes well over the half-second before progress
/// shows, and the arguments of a `path` question on it.
fn slow_catalogue(name: &str) -> (PathBuf, String, String) {
    let generated = synthetic::generate(10_000, 1);
    let file = scratch(name, &generated.to_yaml());
    let (from, to) = generated.route;
    let ids = (
        generated.roles[from].id.clone(),
        generated.roles[to].id.clone(),
    );
    (file, ids.0, ids.1)
}

#[test]
fn a_slow_load_prints_no_progress_when_stderr_is_not_a_terminal() {
    let (file, from, to) = slow_catalogue("progress.yaml");
    let output = output_on(&file, &["path", &from, &to]);
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// The other half of the test above, so that it cannot pass merely because there is no progress
/// line at all: on a terminal (`script` gives the run one), a slow load shows it.
#[cfg(unix)]
#[test]
fn a_slow_load_shows_progress_on_a_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have `script` (util-linux)"
        );
        eprintln!("skipped: no `script` to run ladder on a terminal");
        return;
    }
    let (file, from, to) = slow_catalogue("progress-tty.yaml");
    let command = format!(
        "{} --catalogue {} path {from} {to} > /dev/null",
        env!("CARGO_BIN_EXE_ladder"),
        file.display()
    );
    let output = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("LADDER_CATALOGUE")
        .output()
        .expect("script runs");
    assert!(output.status.success(), "{output:?}");
    let terminal = String::from_utf8_lossy(&output.stdout);
    assert!(
        terminal.contains("ladder: loading ") && terminal.contains("progress-tty.yaml"),
        "{terminal}"
    );
}

#[test]
fn the_built_in_catalogue_is_its_yaml() {
    let limits = Limits::default();
    let from_yaml =
        catalogue::load_text("<built-in>", include_str!("../data/ladder.yaml"), &limits)
            .unwrap_or_else(|e| panic!("{}", e.render_problems()));
    assert!(from_yaml.roles.len() >= 20, "{}", from_yaml.roles.len());
    let loaded = catalogue::load(&catalogue::Origin::Builtin, &limits).expect("loads");
    assert_eq!(loaded, from_yaml);
}

#[test]
fn an_invalid_yaml_file_shows_each_problem_under_its_source_line() {
    // The report quotes the text kept from the one read of the file: the snippet must be the
    // line each problem points at.
    let yaml = DANGLING_JSON; // JSON is YAML; as .yaml it goes down the YAML path
    let file = scratch("dangling.yaml", yaml);
    let output = output_on(&file, &["list"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("dangling.yaml:7:97: `to` names no role `cpo`"),
        "{stderr}"
    );
    assert!(stderr.contains(" 7 | ... {\"min\": 1"), "{stderr}");
}

#[test]
fn a_yaml_syntax_error_is_reported_at_its_line() {
    let file = scratch("broken.yaml", "version: 1\nname: [unclosed\n");
    let output = output_on(&file, &["list"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("broken.yaml:"), "{stderr}");
    assert!(stderr.contains("is not a valid catalogue"), "{stderr}");
}

#[test]
fn the_console_examples_in_docs_performance_md_are_true() {
    crate::support::document_examples(100).case("docs/performance.md");
}

#[test]
fn a_large_yaml_catalogue_with_a_mistake_reports_it_at_its_line() {
    let generated = synthetic::generate(6_000, 9);
    let mut text = generated.to_yaml();
    let cut = text.len() * 3 / 4;
    let at = cut + text[cut..].find("    level: ").expect("a level line");
    text.replace_range(at..at + "    level: ".len(), "    levle: ");
    let line = text[..at].lines().count() + 1;
    let file = scratch("big-mistake.yaml", &text);
    let output = output_on(&file, &["list"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "big-mistake.yaml:{line}:5: unknown key `levle`; did you mean `level`?"
        )),
        "{}",
        stderr.lines().take(3).collect::<Vec<_>>().join("\n")
    );
}

/// A generated catalogue over 4 MiB, which is read in two halves at once
/// (`src/catalogue/yaml/tree/halves.rs`), and its text.
fn halved_catalogue() -> (synthetic::Synthetic, String) {
    let generated = synthetic::generate(6_000, 9);
    let text = generated.to_yaml();
    assert!(text.len() > 4 * 1024 * 1024, "{} bytes", text.len());
    (generated, text)
}

#[test]
fn a_yaml_catalogue_read_in_halves_is_the_catalogue_its_json_twin_is() {
    let (generated, text) = halved_catalogue();
    let yaml = scratch("halves.yaml", &text);
    let json = scratch("halves.json", &generated.to_json());
    let export = |file: &PathBuf| {
        stdout_of(
            ladder()
                .arg("--catalogue")
                .arg(file)
                .args(["export", "-o", "json"]),
        )
    };
    assert_eq!(export(&yaml), export(&json));
}

#[test]
fn a_yaml_syntax_error_in_either_half_of_a_large_file_is_reported_at_its_line() {
    let (_, text) = halved_catalogue();
    for share in [1, 2, 3] {
        // A quarter, a half and three quarters of the way through the file.
        let from = text.len() * share / 4;
        let at = from + text[from..].find("\n    title: ").expect("a title") + 1;
        let line = text[..at].lines().count() + 1;
        // A list left open: a syntax error.
        let mut broken = text.clone();
        broken.insert_str(at, "    title: [unclosed\n");
        let file = scratch(&format!("halves-broken-{share}.yaml"), &broken);
        let output = output_on(&file, &["check"]);
        assert_eq!(output.status.code(), Some(1));
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        // The unclosed list is found on the next line, at its `:`.
        assert!(
            stderr.contains(&format!("{name}:{}:10: ", line + 1)),
            "line {line}: {}",
            stderr.lines().take(3).collect::<Vec<_>>().join("\n")
        );
    }
}

/// A catalogue of roles `x`, `a`, `b`, `c`, ... with the given `reports_to` and `next` lists.
fn tiny_yaml(roles: &[(&str, u32, &[&str], &[&str])]) -> String {
    let mut out = String::from("version: 1\nname: t\ntracks:\n  - id: ic\n    name: IC\nroles:\n");
    for (id, level, bosses, next) in roles {
        out.push_str(&format!(
            "  - id: {id}\n    title: Role {id}\n    track: ic\n    level: {level}\n    summary: s\n    responsibilities: [r]\n    reports_to: [{}]\n    next: [{}]\n    tenure: {{min: 1, max: 2, estimate: true}}\n",
            bosses.join(", "),
            next.join(", ")
        ));
    }
    out
}

#[test]
fn a_reporting_cycle_is_named_from_where_it_closes() {
    // x reports into the cycle a -> b -> c -> a without being part of it.
    let yaml = tiny_yaml(&[
        ("x", 1, &["a"], &[]),
        ("a", 2, &["b"], &[]),
        ("b", 2, &["c"], &[]),
        ("c", 2, &["a"], &[]),
    ]);
    let file = scratch("cycle.yaml", &yaml);
    let output = output_on(&file, &["list"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("reporting lines form a cycle: a -> b -> c -> a"),
        "{stderr}"
    );
    assert!(!stderr.contains("x -> a"), "{stderr}");
}

#[test]
fn a_long_list_of_promotions_keeps_each_role_once() {
    // More ids than are de-duplicated by scanning, with repeats.
    let mut next: Vec<String> = (0..20).map(|i| format!("t{i}")).collect();
    next.extend(["t3".to_owned(), "t7".to_owned(), "t3".to_owned()]);
    let next: Vec<&str> = next.iter().map(String::as_str).collect();
    let mut roles: Vec<(&str, u32, &[&str], &[&str])> = vec![("p", 1, &[], &next)];
    let targets: Vec<String> = (0..20).map(|i| format!("t{i}")).collect();
    for t in &targets {
        roles.push((t.as_str(), 2, &[], &[]));
    }
    let file = scratch("long-next.yaml", &tiny_yaml(&roles));
    let out = stdout_of(
        ladder()
            .arg("--catalogue")
            .arg(&file)
            .args(["show", "p", "-o", "json"]),
    );
    let card: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let ids: Vec<&str> = card["moves"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|m| m["to"].as_str().expect("an id"))
        .collect();
    assert_eq!(ids, targets.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn the_built_in_catalogue_is_valid_as_the_yaml_file_it_is_built_from() {
    // The binary embeds a JSON translation; a mistake in the data is still reported at its
    // YAML line when the file itself is checked.
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/data/ladder.yaml");
    let checked = stdout_of(ladder().args(["check", source]));
    assert!(
        checked.contains("valid") && checked.contains("26 roles"),
        "{checked}"
    );
    let broken = include_str!("../data/ladder.yaml").replacen(
        "    level: senior\n",
        "    level: eight\n",
        1,
    );
    let file = scratch("broken-ladder.yaml", &broken);
    let output = ladder().arg("check").arg(&file).output().expect("runs");
    let line = broken
        .lines()
        .position(|l| l.contains("level: eight"))
        .expect("replaced")
        + 1;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("broken-ladder.yaml:{line}:")),
        "{stderr}"
    );
}

#[test]
fn a_large_json_catalogue_on_one_line_loads() {
    let generated = synthetic::generate(5_000, 3);
    let one_line = generated.to_json().replace('\n', "");
    assert!(!one_line.contains('\n'));
    let file = scratch("one-line.json", &one_line);
    let checked = stdout_of(ladder().arg("--catalogue").arg(&file).arg("check"));
    assert!(checked.contains("5000 roles"), "{checked}");
    // A mistake near the end is still placed on line 1, at its column in characters.
    let at = one_line.rfind("\"level\":").expect("a level") + "\"level\":".len();
    let broken = format!(
        "{}\"x\"{}",
        &one_line[..at],
        &one_line[at..].trim_start_matches(|c: char| c.is_ascii_digit())
    );
    let file = scratch("one-line-broken.json", &broken);
    let output = output_on(&file, &["check"]);
    let column = broken[..at].chars().count() + 1;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("one-line-broken.json:1:{column}: ")),
        "{stderr}"
    );
}
