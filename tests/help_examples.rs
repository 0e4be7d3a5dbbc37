//! Every example that `ladder --help`, `ladder help COMMAND` and the man page show runs and exits
//! 0. The examples are read from the real help text, not from a list copied here, so a broken
//! example in cli.rs fails this test.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

const LADDER: &str = env!("CARGO_BIN_EXE_ladder");

fn stdout(args: &[&str]) -> String {
    let output = Command::new(LADDER)
        .args(args)
        .env_remove("LADDER_CATALOGUE")
        .output()
        .expect("ladder runs");
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The example commands of a help text: the lines under `Examples:` that start with `ladder `,
/// without the description after a run of spaces, and unescaped from roff (`\-`).
fn examples(help: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut under = false;
    for line in help.lines() {
        let line = line.replace("\\-", "-");
        let trimmed = line.trim();
        if trimmed == "Examples:" {
            under = true;
        } else if under && trimmed.starts_with("ladder ") {
            let command = trimmed.split("   ").next().unwrap_or(trimmed).trim();
            found.push(command.to_owned());
        } else if under && !trimmed.is_empty() {
            under = false;
        }
    }
    found
}

/// The commands named by `ladder --help`.
fn command_names() -> Vec<String> {
    let help = stdout(&["--help"]);
    let section = help
        .split("Commands:\n")
        .nth(1)
        .expect("a Commands section");
    section
        .lines()
        .take_while(|line| line.starts_with("  "))
        // A wrapped description is indented further than a name.
        .filter(|line| !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// Runs the `ladder` part of an example (up to a pipe or a redirection) with the shell, in a
/// directory that holds the `team.yaml` the examples refer to. Returns the exit code and stderr,
/// and whether it printed anything on stdout.
fn run_example(example: &str, dir: &Path) -> (Option<i32>, String, bool) {
    let command = example
        .split(" | ")
        .next()
        .and_then(|c| c.split(" > ").next())
        .unwrap_or(example);
    let bin = Path::new(LADDER).parent().expect("a directory");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("sh")
        .args(["-c", command])
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("LADDER_CATALOGUE")
        .output()
        .expect("sh runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        !output.stdout.is_empty(),
    )
}

#[test]
fn every_example_in_the_help_and_the_man_page_runs_and_exits_0() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("team.yaml"), stdout(&["export"])).expect("team.yaml");
    // The example catalogues, as in a clone of the repository.
    let copies = dir.path().join("examples");
    std::fs::create_dir(&copies).expect("examples/");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples")).expect("ls") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            std::fs::copy(&path, copies.join(path.file_name().expect("a name"))).expect("copy");
        }
    }
    let mut texts = vec![("ladder --help".to_owned(), stdout(&["--help"]))];
    let names = command_names();
    assert!(names.len() >= 10, "{names:?}");
    for name in &names {
        texts.push((format!("ladder help {name}"), stdout(&["help", name])));
        texts.push((format!("ladder {name} -h"), stdout(&[name, "-h"])));
    }
    texts.push(("ladder man".to_owned(), stdout(&["man"])));
    let mut failures = Vec::new();
    let mut count = 0;
    for (source, text) in &texts {
        let found = examples(text);
        assert!(!found.is_empty(), "{source} shows no example");
        for example in found {
            count += 1;
            let (code, stderr, printed) = run_example(&example, dir.path());
            if code != Some(0) {
                failures.push(format!("{source}: `{example}` exited {code:?}: {stderr}"));
            } else if !printed {
                failures.push(format!("{source}: `{example}` printed nothing"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(count > 60, "only {count} examples found");
}

#[test]
fn examples_are_read_from_help_text_and_a_failing_one_is_caught() {
    let help = "Usage: x\n\nExamples:\n  ladder show cpo     what it does\n  ladder path pm cpo --all\n\nMore text\n  ladder not-an-example\n";
    assert_eq!(
        examples(help),
        ["ladder show cpo", "ladder path pm cpo --all"]
    );
    assert_eq!(
        examples(".nf\nExamples:\n  ladder list \\-\\-track ic\n.fi"),
        ["ladder list --track ic"]
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    assert_eq!(
        run_example("ladder show cpo | head -1", dir.path()).0,
        Some(0)
    );
    assert_eq!(
        run_example("ladder show no-such-role", dir.path()).0,
        Some(1)
    );
    // An example that prints nothing is told apart from one that prints an answer.
    let (code, _, printed) = run_example("ladder show cpo >/dev/null", dir.path());
    assert_eq!((code, printed), (Some(0), false));
    assert!(run_example("ladder show VP of Product", dir.path()).2);
}
