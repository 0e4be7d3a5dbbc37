//! Each rule of the catalogue schema (docs/own-ladder.md), checked by running `ladder check` on a
//! small bad fixture in tests/fixtures/ and asserting on every FILE:LINE:COLUMN and message.

use std::process::{Command, Output};

/// Runs the real binary from the crate root with a clean catalogue environment.
fn ladder(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LADDER_CATALOGUE")
        .env("NO_COLOR", "1")
        .output()
        .expect("runs ladder")
}

/// The `FILE:LINE:COLUMN: message` lines of `ladder check` on a fixture, which must fail with exit 1
/// and print nothing on stdout.
fn problems_in(fixture: &str) -> Vec<String> {
    let path = format!("tests/fixtures/{fixture}");
    let output = ladder(&["check", &path]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "stdout must stay empty");
    assert!(
        stderr.starts_with(&format!("ladder: error: {path} is not a valid catalogue")),
        "stderr: {stderr}"
    );
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix(&format!("{path}:")))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_minimal_fixture_is_a_valid_catalogue() {
    let output = ladder(&["check", "tests/fixtures/minimal.yaml"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "tests/fixtures/minimal.yaml: valid: \"Design\", 3 roles, 2 tracks, 1 source\n"
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn a_yaml_syntax_error_is_reported_with_its_position_and_the_source_line() {
    let output = ladder(&["check", "tests/fixtures/parse-error.yaml"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr.contains("tests/fixtures/parse-error.yaml:16:10: "),
        "stderr: {stderr}"
    );
    assert!(stderr.contains(" 16 |     track: ic\n"), "stderr: {stderr}");
    assert!(stderr.contains("    |          ^\n"), "stderr: {stderr}");
}

#[test]
fn an_unknown_key_is_reported_with_the_closest_known_key() {
    assert_eq!(
        problems_in("unknown-key.yaml"),
        ["30:5: unknown key `respnsibilities`; did you mean `responsibilities`?"]
    );
}

#[test]
fn a_missing_required_field_is_named_with_the_role_it_is_missing_from() {
    assert_eq!(
        problems_in("missing-field.yaml"),
        ["35:5: role `design-manager` is missing the required key `level`"]
    );
}

#[test]
fn a_value_of_the_wrong_type_says_what_was_expected() {
    assert_eq!(
        problems_in("wrong-type.yaml"),
        [
            "28:12: `level` of role `senior-designer` must be a whole number (0 or more), not the text `senior`"
        ]
    );
}

#[test]
fn every_structure_problem_is_reported_in_one_run() {
    assert_eq!(
        problems_in("many-structure-problems.yaml"),
        [
            "9:5: unknown key `nmae`; did you mean `name`?",
            "15:14: `aliases` of role `designer` must be a list (`- item` lines, or `[a, b]`), not the text `Designer`",
            "28:12: `level` of role `senior-designer` must be a whole number (0 or more), not the text `two`",
            "35:5: role `design-manager` is missing the required key `summary`",
            "41:40: `estimate` of `tenure` of role `design-manager` must be true or false, not the text `maybe`",
            "42:1: unknown key `owner`; the keys allowed here are version, name, description, sources, tracks, roles",
        ]
    );
}

#[test]
fn a_key_given_twice_is_refused() {
    assert_eq!(
        problems_in("duplicate-key.yaml"),
        ["18:5: the key `level` appears twice in this mapping; keep one"]
    );
}

#[test]
fn duplicate_ids_point_at_the_second_use_and_name_the_line_of_the_first() {
    assert_eq!(
        problems_in("duplicate-id.yaml"),
        [
            "12:9: duplicate track id `ic`: it is already used on line 8",
            "45:9: duplicate role id `designer`: it is already used on line 15",
        ]
    );
}

#[test]
fn an_alias_or_title_on_two_roles_is_refused() {
    assert_eq!(
        problems_in("shared-name.yaml"),
        [
            "27:15: the name `designer` is already used by role `designer` (line 15); a name must point to one role",
            "37:12: the name `Product-designer` is already used by role `designer` (line 14); a name must point to one role",
        ]
    );
}

#[test]
fn dangling_references_suggest_the_id_that_was_meant() {
    assert_eq!(
        problems_in("dangling-reference.yaml"),
        [
            "23:38: `tenure.source` names no source `team-survy`; did you mean `team-survey`?",
            "24:12: `next` names no role `senior-desginer`; did you mean `senior-designer`?",
            "37:12: `track` names no track `managment`; did you mean `management`?",
        ]
    );
}

#[test]
fn a_reporting_cycle_is_named_in_full() {
    assert_eq!(
        problems_in("reporting-cycle.yaml"),
        ["30:18: reporting lines form a cycle: lead -> manager -> director -> lead"]
    );
}

#[test]
fn next_must_go_up_a_level_and_lateral_must_stay_level() {
    assert_eq!(
        problems_in("next-lower-level.yaml"),
        [
            "17:15: `lateral` of `junior` (level 1) points to `manager` at level 2; `lateral` must point to the same level",
            "25:12: `next` of `senior` (level 2) points to `junior` at level 1; `next` must point to a higher level (use `lateral` for a move at the same level)",
            "25:20: `next` of `senior` (level 2) points to `manager` at level 2; `next` must point to a higher level (use `lateral` for a move at the same level)",
        ]
    );
}

#[test]
fn every_bad_tenure_is_reported_in_one_run() {
    assert_eq!(
        problems_in("bad-tenure.yaml"),
        [
            "15:19: tenure of `negative` cannot be negative (-1 years)",
            "22:19: tenure of `inverted` has min 5 above max 2",
            "29:19: tenure of `not-a-number` must be a finite number of years, not NaN",
            "36:27: tenure of `infinite` must be a finite number of years, not inf",
            "43:27: tenure of `too-long` is 51 years; at most 50 years is allowed",
            "50:13: tenure of `unsourced` needs a `source` (a source id) or `estimate: true`",
        ]
    );
}

#[test]
fn check_with_json_output_lists_every_problem_with_its_position() {
    let output = ladder(&["check", "tests/fixtures/reporting-cycle.yaml", "-o", "json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty(), "JSON mode keeps stderr quiet");
    let verdict: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        verdict,
        serde_json::json!({
            "valid": false,
            "problems": [{
                "file": "tests/fixtures/reporting-cycle.yaml",
                "line": 30,
                "column": 18,
                "message": "reporting lines form a cycle: lead -> manager -> director -> lead",
            }],
        })
    );
}

#[test]
fn check_with_json_output_says_valid_for_a_valid_catalogue() {
    let output = ladder(&["check", "tests/fixtures/minimal.yaml", "-o", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let verdict: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(verdict, serde_json::json!({"valid": true, "problems": []}));
}

#[test]
fn any_command_on_an_invalid_catalogue_prints_the_problems_on_stderr_and_nothing_on_stdout() {
    for args in [
        vec!["list"],
        vec!["show", "lead"],
        vec!["path", "lead", "director"],
        vec!["compare", "lead", "manager"],
        vec!["export"],
        vec!["list", "-o", "json"],
    ] {
        let mut argv = vec!["--catalogue", "tests/fixtures/reporting-cycle.yaml"];
        argv.extend(args.iter().copied());
        let output = ladder(&argv);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?} printed on stdout");
        assert!(
            stderr.contains(
                "tests/fixtures/reporting-cycle.yaml:30:18: reporting lines form a cycle: lead -> manager -> director -> lead\n"
            ),
            "{args:?}: {stderr}"
        );
    }
}
