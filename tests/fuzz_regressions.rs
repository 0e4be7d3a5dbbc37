//! Replays every file in `tests/fuzz-regressions/` through the real binary: inputs that once
//! crashed or hung the fuzz target (see docs/robustness.md), and hand-made nasty ones. Each must
//! end, within a generous deadline that only a hang could miss, with exit code 0 (it loaded) or 1
//! (a clear error), never a panic (101) or a signal.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// Far above any honest run (well under a second in release, a few in debug); there only so a
/// hang fails the test instead of stalling `cargo test`.
const HANG: Duration = Duration::from_secs(120);

fn regressions() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/fuzz-regressions exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// The first two role ids the file seems to name (`id: x`), so that `show` and `path` can reach
/// real roles when the file loads; made-up names otherwise.
fn role_names(path: &Path) -> (String, String) {
    let bytes = fs::read(path).expect("the file is read");
    let text = String::from_utf8_lossy(&bytes);
    let mut ids = text.split("id: ").skip(1).filter_map(|rest| {
        let id: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(200)
            .collect();
        (!id.is_empty()).then_some(id)
    });
    let first = ids.next().unwrap_or_else(|| "a".to_owned());
    let second = ids.next().unwrap_or_else(|| "b".to_owned());
    (first, second)
}

/// Runs `ladder --catalogue PATH ARGS…` and checks that it ended as promised; returns whether the
/// catalogue loaded (exit 0).
fn replay(path: &Path, args: &[&str]) -> bool {
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .env_remove("LADDER_CATALOGUE")
        .env("NO_COLOR", "1")
        .arg("--catalogue")
        .arg(path)
        .args(args)
        .timeout(HANG)
        .output()
        .expect("ladder runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "{} {args:?}: exit {code:?} (None is a signal or the hang deadline)\n{}",
        path.display(),
        &stderr[..stderr.len().min(2_000)]
    );
    assert!(!stderr.contains("panicked"), "{}: {stderr}", path.display());
    // `check -o json` reports its problems on stdout; every other failure is `ladder: error:` on
    // stderr, with nothing on stdout.
    let json_report = args.contains(&"check") && args.contains(&"json");
    if code == Some(1) && !json_report {
        assert!(
            stderr.starts_with("ladder: error: "),
            "{} {args:?}: {}",
            path.display(),
            &stderr[..stderr.len().min(2_000)]
        );
        assert!(
            output.stdout.is_empty(),
            "{} {args:?}: an error left output on stdout",
            path.display()
        );
    }
    code == Some(0)
}

#[test]
fn the_regression_corpus_is_not_empty() {
    assert!(regressions().len() >= 10, "{:?}", regressions());
}

#[test]
fn every_regression_input_ends_with_exit_code_0_or_1_for_list_show_and_path() {
    for path in regressions() {
        let (first, second) = role_names(&path);
        // `check` reports every problem and the JSON report goes through another writer. A file
        // that does not load stops every query at the same load, so the queries are only asked
        // of files that load: asking them of the rest would only time the same refusal again.
        let loads = replay(&path, &["check"]);
        replay(&path, &["-o", "json", "check"]);
        if loads {
            replay(&path, &["list"]);
            replay(&path, &["-o", "json", "list"]);
            replay(&path, &["show", &first]);
            replay(&path, &["path", &first, &second]);
            replay(&path, &["path", &first, &second, "--all", "--by", "steps"]);
        }
    }
}
