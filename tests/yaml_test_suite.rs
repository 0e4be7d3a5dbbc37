//! Every input of the public YAML test suite through `ladder check`: each must end in a loaded
//! catalogue (exit 0) or a clear error (exit 1), never a panic, crash or hang; the inputs the suite
//! marks as invalid YAML must be reported with a line and a column.
//!
//! The suite's 402 inputs (`in.yaml`, and `error` where the suite marks the YAML invalid) are
//! vendored under `tests/yaml-test-suite/`, with the suite's MIT licence.

use crate::support;

use std::path::{Path, PathBuf};

use support::ladder;

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/yaml-test-suite")
}

/// Whether `stderr` holds `PATH:LINE:COLUMN: ` for this path.
fn has_position(stderr: &str, path: &str) -> bool {
    stderr
        .match_indices(&format!("{path}:"))
        .any(|(at, found)| {
            let rest = &stderr[at + found.len()..];
            let mut parts = rest.splitn(3, ':');
            let numeric = |s: Option<&str>| {
                s.is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            };
            numeric(parts.next())
                && numeric(parts.next())
                && parts.next().is_some_and(|r| r.starts_with(' '))
        })
}

#[test]
fn every_input_of_the_yaml_test_suite_gives_a_catalogue_or_a_clear_error() {
    let dir = suite_dir();
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the YAML test suite is not at {} ({e})", dir.display()));
    let mut cases: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("in.yaml").is_file())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 400,
        "expected the 402 cases of the suite in {}, found {}",
        dir.display(),
        cases.len()
    );

    let mut failures = Vec::new();
    let mut invalid_yaml = 0;
    for case in &cases {
        let input = case.join("in.yaml");
        let shown = input.to_str().expect("UTF-8 path");
        let marked_invalid = case.join("error").exists();
        invalid_yaml += usize::from(marked_invalid);
        let run = ladder(&["check", shown]);
        let trouble = match run.code {
            Some(0) => None,
            Some(1) if run.stderr.contains("panicked") => Some("panicked".to_owned()),
            Some(1) if !run.stdout.is_empty() => Some("an error, yet output on stdout".to_owned()),
            Some(1) if !run.stderr.starts_with("ladder: error: ") => {
                Some("stderr does not start with `ladder: error: `".to_owned())
            }
            Some(1) if marked_invalid && !has_position(&run.stderr, shown) => {
                Some("invalid YAML reported without line and column".to_owned())
            }
            Some(1) => None,
            other => Some(format!("exit status {other:?}")),
        };
        if let Some(trouble) = trouble {
            failures.push(format!("{}: {trouble}\n{}", case.display(), run.stderr));
        }
    }
    assert_eq!(
        invalid_yaml, 94,
        "the suite marks 94 inputs as invalid YAML"
    );
    assert!(
        failures.is_empty(),
        "{} of {} inputs went wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
