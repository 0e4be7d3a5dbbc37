//! Running the real `ladder` binary from tests, with a deadline so that a hang fails the test
//! instead of stalling CI.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far more than any of these needs; only a hang comes near it.
const DEADLINE: Duration = Duration::from_secs(60);

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// The real binary as an `assert_cmd` command, for tests that give it input or more environment:
/// run from the repository, without colour, 100 columns wide, with no catalogue from the
/// environment, and with the deadline.
pub fn command() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("ladder").expect("the ladder binary is built");
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LADDER_CATALOGUE")
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .timeout(DEADLINE);
    command
}

/// The console examples of a document, run by trycmd against the real binary: without colour,
/// `columns` wide, and with no catalogue from the environment, so the page reads the same
/// wherever the tests run. Add the pages with `.case(...)`; they run when the value is dropped.
pub fn document_examples(columns: u16) -> trycmd::TestCases {
    let cases = trycmd::TestCases::new();
    cases
        .register_bin("ladder", trycmd::cargo::cargo_bin("ladder"))
        .env("COLUMNS", columns.to_string())
        .env("NO_COLOR", "1")
        .env("LADDER_CATALOGUE", "");
    cases
}

/// Runs the real binary with a deadline, reading its output on threads so a full pipe cannot
/// block it.
pub fn ladder(args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LADDER_CATALOGUE")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs ladder");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let stdout = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let stderr = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("ladder {args:?} did not finish within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout.join().expect("stdout")).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.join().expect("stderr")).into_owned(),
    }
}

pub mod tools;
