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
        "tests/fixtures/minimal.yaml: valid: \"Design\", 3 roles, 2 tracks, 2 levels, 0 competency areas, 1 source\n"
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
        ["28:12: `level` names no level `senior`; the level ids are `level-1`, `level-2`"]
    );
}

#[test]
fn every_structure_problem_is_reported_in_one_run() {
    assert_eq!(
        problems_in("many-structure-problems.yaml"),
        [
            "9:5: unknown key `nmae`; did you mean `name`?",
            "15:14: `aliases` of role `designer` must be a list (`- item` lines, or `[a, b]`), not the text `Designer`",
            "35:5: role `design-manager` is missing the required key `summary`",
            "41:40: `estimate` of `in_role` of `time` of role `design-manager` must be true or false, not the text `maybe`",
            "42:1: unknown key `owner`; the keys allowed here are version, name, description, sources, tracks, levels, competencies, roles",
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
fn a_name_may_be_shared_but_not_be_another_roles_id() {
    // Titles and aliases may be shared (an ambiguous name lists the roles); a name that is
    // another role's id could never find its own role.
    assert_eq!(
        problems_in("shared-name.yaml"),
        [
            "27:15: the name `designer` of role `senior-designer` is the id of role `designer` (line 13); a role's id wins, so this name could never find `senior-designer`",
        ]
    );
}

#[test]
fn dangling_references_suggest_the_id_that_was_meant() {
    assert_eq!(
        problems_in("dangling-reference.yaml"),
        [
            "23:38: `time.in_role.sources` names no source `team-survy`; did you mean `team-survey`?",
            "24:12: `to` names no role `senior-desginer`; did you mean `senior-designer`?",
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
fn moves_may_go_down_or_across_and_each_says_which() {
    // Version 1 refused these; version 2 takes them, and says what each move is.
    let output = ladder(&[
        "--catalogue",
        "tests/fixtures/next-lower-level.yaml",
        "show",
        "senior",
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let card = String::from_utf8_lossy(&output.stdout);
    assert!(card.contains("(junior), step down"), "{card}");
    assert!(card.contains("(manager), track switch"), "{card}");
}

#[test]
fn every_bad_tenure_is_reported_in_one_run() {
    assert_eq!(
        problems_in("bad-tenure.yaml"),
        [
            "15:19: `time.in_role` of role `negative` cannot be negative (-1 years)",
            "22:19: `time.in_role` of role `inverted` has min 5 above max 2",
            "29:19: `time.in_role` of role `not-a-number` must be a finite number of years, not NaN",
            "36:27: `time.in_role` of role `infinite` must be a finite number of years, not inf",
            "43:27: `time.in_role` of role `too-long` is 51 years; at most 50 years is allowed",
            "50:13: `time.in_role` of role `unsourced` needs `sources` (source ids that give it) or `estimate: true`; leave the figure out where no source gives one",
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
            "warnings": [],
        })
    );
}

#[test]
fn check_with_json_output_says_valid_for_a_valid_catalogue() {
    let output = ladder(&["check", "tests/fixtures/minimal.yaml", "-o", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let verdict: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        verdict,
        serde_json::json!({"valid": true, "problems": [], "warnings": []})
    );
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

#[test]
fn every_version_2_rule_points_at_its_line_and_column() {
    assert_eq!(
        problems_in("v2-rules.yaml"),
        [
            "8:21: the rank of level `two` is 1001; a rank is a number from 0 to 1000",
            "15:12: `level` names no level `three`; the level ids are `one`, `two`",
            "20:36: `expert` is not a step of the scale of `craft`: `basic`, `strong`",
            "21:16: `area` names no competency `care`; the competency ids are `craft`",
            "23:16: `time.in_role` of role `a` is both sourced and estimated; add a `note` that says which part is estimated",
            "24:27: role `a` has two moves to `b`; give each move once",
            "30:15: `includes` form a cycle: a -> b -> a",
        ]
    );
}
