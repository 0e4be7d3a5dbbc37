//! Writing the answer can fail: a full disk is an error that says so (exit 1); a reader that
//! closes the pipe early is not an error at all (exit 0, nothing on stderr). Either way no
//! half-printed table is followed by a panic.
#![cfg(target_os = "linux")]

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Command, Stdio};

const LADDER: &str = env!("CARGO_BIN_EXE_ladder");

/// A catalogue whose `list` output is far larger than a pipe's buffer (64 KiB on Linux), so the
/// binary is still writing when the reader goes away.
fn big_catalogue() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("output-errors-big.yaml");
    let mut text = String::from(
        "version: 1\nname: Big\ntracks:\n  - id: ic\n    name: Individual contributor\nroles:\n",
    );
    for ix in 0..3_000 {
        text.push_str(&format!(
            "  - id: role-{ix}\n    title: Role number {ix} with a long title\n    track: ic\n    \
             level: 1\n    summary: A role.\n    responsibilities: [Work.]\n    \
             tenure: {{min: 1, max: 2, estimate: true}}\n"
        ));
    }
    fs::write(&path, text).expect("the test catalogue is written");
    path
}

fn stderr_of(child: &mut std::process::Child) -> String {
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        pipe.read_to_string(&mut stderr).expect("stderr is read");
    }
    stderr
}

#[test]
fn a_full_disk_is_reported_as_an_output_error_with_exit_code_1() {
    for args in [
        &["list"][..],
        &["show", "cpo"],
        &["-o", "json", "path", "apm", "cpo"],
    ] {
        let full = File::options()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full exists on Linux");
        let output = Command::new(LADDER)
            .args(args)
            .stdout(full)
            .output()
            .expect("ladder runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("ladder: error: cannot write the output\n"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("No space left on device"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn help_and_version_on_a_full_disk_are_an_output_error_too() {
    for flag in ["--help", "--version", "-h"] {
        let full = File::options()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full exists on Linux");
        let output = Command::new(LADDER)
            .arg(flag)
            .stdout(full)
            .output()
            .expect("ladder runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{flag}: {stderr}");
        assert_eq!(
            stderr,
            "ladder: error: cannot write the output\n  caused by: No space left on device (os error 28)\n",
            "{flag}"
        );
    }
}

#[test]
fn a_pipe_closed_before_anything_is_read_ends_quietly_with_exit_code_0() {
    for args in [
        &["show", "cpo"][..],
        &["list"],
        &["-o", "json", "list"],
        &["--help"],
    ] {
        let mut child = Command::new(LADDER)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ladder runs");
        drop(child.stdout.take());
        let stderr = stderr_of(&mut child);
        let status = child.wait().expect("ladder exits");
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn a_reader_that_stops_after_one_line_ends_a_long_listing_quietly_with_exit_code_0() {
    let catalogue = big_catalogue();
    for format in ["table", "json"] {
        let mut child = Command::new(LADDER)
            .arg("--catalogue")
            .arg(&catalogue)
            .args(["-o", format, "list"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ladder runs");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut first = String::new();
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("one line is read");
        assert!(!first.is_empty(), "{format}: the listing starts");
        // The reader is dropped here, with most of the listing unread.
        let stderr = stderr_of(&mut child);
        let status = child.wait().expect("ladder exits");
        assert_eq!(status.code(), Some(0), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}");
    }
}

/// Every way `ladder` writes stdout: the overview (no arguments), help, version, and each command.
const EVERY_OUTPUT: &[&[&str]] = &[
    &[],
    &["--help"],
    &["-h"],
    &["--version"],
    &["help", "path"],
    &["show", "--help"],
    &["show", "cpo"],
    &["compare", "vp", "head"],
    &["path", "pm", "cpo"],
    &["path", "pm", "cpo", "-o", "mermaid"],
    &["list", "-o", "markdown"],
    &["search", "roadmap"],
    &["tree"],
    &["tree", "-o", "dot"],
    &["graph"],
    &["graph", "-o", "yaml"],
    &["check"],
    &["check", "-o", "json"],
    &["export"],
    &["export", "-o", "json"],
    &["completions", "bash"],
    &["man"],
];

#[test]
fn every_output_on_a_full_disk_is_an_error_with_exit_code_1() {
    for args in EVERY_OUTPUT {
        let full = File::options()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full exists on Linux");
        let output = Command::new(LADDER)
            .args(*args)
            .env_remove("LADDER_CATALOGUE")
            .stdout(full)
            .output()
            .expect("ladder runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert_eq!(
            stderr,
            "ladder: error: cannot write the output\n  caused by: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

#[test]
fn every_output_into_a_closed_pipe_ends_quietly_with_exit_code_0() {
    for args in EVERY_OUTPUT {
        // The reading end is closed before ladder starts, so its first write fails.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = Command::new(LADDER)
            .args(*args)
            .env_remove("LADDER_CATALOGUE")
            .stdout(writer)
            .output()
            .expect("ladder runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}
