//! Bringing one's own ladder: which catalogue is in use (flag, then environment, then built-in),
//! `export` as a template that loads back to the same catalogue, and the shipped example.

use std::path::Path;
use std::process::{Command, Output};

use ladder::catalogue::{self, Limits, Origin};

fn ladder(args: &[&str], catalogue_env: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ladder"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LADDER_CATALOGUE")
        .env("NO_COLOR", "1");
    if let Some(value) = catalogue_env {
        command.env("LADDER_CATALOGUE", value);
    }
    command.output().expect("runs ladder")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const MINIMAL: &str = "tests/fixtures/minimal.yaml";
const ENGINEERING: &str = "examples/engineering.yaml";

#[test]
fn the_flag_beats_the_environment_which_beats_the_built_in_catalogue() {
    let builtin = ladder(&["check"], None);
    assert!(
        stdout(&builtin).starts_with("<built-in>: valid: \"Product management\""),
        "{}",
        stdout(&builtin)
    );
    let from_env = ladder(&["check"], Some(ENGINEERING));
    assert!(
        stdout(&from_env).starts_with("examples/engineering.yaml: valid: \"Software engineering\""),
        "{}",
        stdout(&from_env)
    );
    let from_flag = ladder(&["--catalogue", MINIMAL, "check"], Some(ENGINEERING));
    assert!(
        stdout(&from_flag).starts_with("tests/fixtures/minimal.yaml: valid: \"Design\""),
        "{}",
        stdout(&from_flag)
    );
    // The same order holds for the questions, not only for `check`.
    let list = ladder(
        &["--catalogue", MINIMAL, "list", "-o", "json"],
        Some(ENGINEERING),
    );
    assert!(stdout(&list).contains("\"id\": \"design-manager\""));
    let list = ladder(&["list", "-o", "json"], Some(ENGINEERING));
    assert!(stdout(&list).contains("\"id\": \"cto\""));
}

#[test]
fn an_empty_catalogue_variable_or_flag_means_the_built_in_catalogue() {
    for output in [
        ladder(&["check"], Some("")),
        ladder(&["--catalogue", "", "check"], None),
    ] {
        assert_eq!(output.status.code(), Some(0));
        assert!(
            stdout(&output).starts_with("<built-in>: valid"),
            "{}",
            stdout(&output)
        );
    }
}

#[test]
fn check_of_a_named_file_ignores_the_catalogue_in_use() {
    let output = ladder(&["--catalogue", ENGINEERING, "check", MINIMAL], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("tests/fixtures/minimal.yaml: valid"));
}

#[test]
fn an_unreadable_catalogue_in_the_environment_is_named_in_the_error() {
    let output = ladder(&["list"], Some("no/such/ladder.yaml"));
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "ladder: error: cannot read catalogue `no/such/ladder.yaml`: no such file; check the path\n"
    );
    let json = ladder(&["check", "-o", "json"], Some("no/such/ladder.yaml"));
    assert_eq!(json.status.code(), Some(1));
    let verdict: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(
        verdict["problems"][0],
        serde_json::json!({
            "file": "no/such/ladder.yaml",
            "line": null,
            "column": null,
            "message": "cannot read catalogue `no/such/ladder.yaml`: no such file; check the path",
        })
    );
}

#[test]
fn help_names_the_environment_variable_and_shows_check_and_export() {
    let help = stdout(&ladder(&["--help"], Some(ENGINEERING)));
    assert!(
        help.contains("[env: LADDER_CATALOGUE=examples/engineering.yaml]"),
        "{help}"
    );
    assert!(help.contains("ladder check team.yaml"), "{help}");
    assert!(help.contains("ladder export > team.yaml"), "{help}");
    for flag in [
        "--max-file-size",
        "--max-depth",
        "--max-nodes",
        "--max-aliases",
    ] {
        assert!(help.contains(flag), "{flag} missing from help");
    }
}

/// Exports with the binary, then loads the output with the library and compares models.
fn assert_round_trips(catalogue_flag: Option<&str>, origin: Origin) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("exported.yaml");
    let mut args = Vec::new();
    if let Some(file) = catalogue_flag {
        args.extend(["--catalogue", file]);
    }
    args.push("export");
    let output = ladder(&args, None);
    assert_eq!(output.status.code(), Some(0));
    std::fs::write(&path, &output.stdout).expect("writes");
    let original = catalogue::load(&origin, &Limits::default()).expect("original loads");
    let exported = catalogue::load(&Origin::File(path), &Limits::default())
        .unwrap_or_else(|e| panic!("exported catalogue loads: {e}"));
    assert_eq!(exported, original);
}

#[test]
fn export_prints_the_built_in_catalogue_as_yaml_that_loads_back_to_the_same_catalogue() {
    assert_round_trips(None, Origin::Builtin);
}

#[test]
fn export_of_a_catalogue_file_loads_back_to_the_same_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_round_trips(Some(ENGINEERING), Origin::File(root.join(ENGINEERING)));
    assert_round_trips(Some(MINIMAL), Origin::File(root.join(MINIMAL)));
    assert_round_trips(
        Some("tests/fixtures/tricky-text.yaml"),
        Origin::File(root.join("tests/fixtures/tricky-text.yaml")),
    );
}

#[test]
fn export_as_json_loads_back_to_the_same_catalogue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("exported.json");
    let output = ladder(&["export", "-o", "json"], None);
    assert_eq!(output.status.code(), Some(0));
    serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("valid JSON");
    std::fs::write(&path, &output.stdout).expect("writes");
    let original = catalogue::load(&Origin::Builtin, &Limits::default()).expect("loads");
    let exported = catalogue::load(&Origin::File(path), &Limits::default()).expect("loads");
    assert_eq!(exported, original);
}

#[test]
fn export_opens_with_comments_that_explain_the_schema_and_the_next_steps() {
    let text = stdout(&ladder(&["export"], None));
    assert!(text.starts_with("# A catalogue for `ladder`, in the form `ladder export` writes"));
    assert!(text.contains("docs/own-ladder.md"));
    assert!(text.contains("ladder check FILE"));
    for section in ["\nsources:\n", "\ntracks:\n", "\nroles:\n"] {
        let at = text.find(section).expect("section");
        let before = &text[..at];
        assert!(
            before.lines().last().is_some_and(|l| l.starts_with("# ")),
            "{section:?} has no comment above it"
        );
    }
}

#[test]
fn the_engineering_example_is_a_valid_catalogue() {
    let output = ladder(&["check", ENGINEERING], None);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        stdout(&output),
        "examples/engineering.yaml: valid: \"Software engineering\", 12 roles, 3 tracks, 9 levels, 1 competency area, 21 sources\n"
    );
}
