//! Hostile arguments get clear errors and the documented exit codes, never a panic: bytes that
//! are not UTF-8 (as a role name, a subcommand, a catalogue path), a 100,000-character role name,
//! an empty one, and one of punctuation only.
//!
//! Exit codes: 2 for a usage error (clap's), 1 for a name that picks out no role or a missing file.

#[cfg(unix)]
use std::ffi::OsStr;
#[cfg(unix)]
use std::os::unix::ffi::OsStrExt;
#[cfg(unix)]
use std::path::PathBuf;

use assert_cmd::Command;

fn ladder() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ladder"));
    command.env_remove("LADDER_CATALOGUE").env("NO_COLOR", "1");
    command
}

/// Runs ladder and returns (exit code, stdout, stderr), checking it did not panic.
fn run(command: &mut Command) -> (Option<i32>, String, String) {
    let output = command.output().expect("ladder runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(output.status.code(), Some(101), "{stderr}");
    (output.status.code(), stdout, stderr)
}

/// `ab\xFFcd`: not UTF-8.
#[cfg(unix)]
fn not_utf8() -> &'static OsStr {
    OsStr::from_bytes(b"ab\xffcd")
}

#[cfg(unix)]
#[test]
fn a_role_name_that_is_not_utf8_is_a_usage_error() {
    for args in [
        vec![OsStr::new("show"), not_utf8()],
        vec![OsStr::new("compare"), OsStr::new("cpo"), not_utf8()],
        vec![OsStr::new("path"), not_utf8(), OsStr::new("cpo")],
        vec![
            OsStr::new("path"),
            OsStr::new("pm"),
            OsStr::new("cpo"),
            OsStr::new("--avoid"),
            not_utf8(),
        ],
        vec![OsStr::new("list"), OsStr::new("--track"), not_utf8()],
    ] {
        let (code, stdout, stderr) = run(ladder().args(&args));
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert_eq!(stdout, "");
        assert!(
            stderr.starts_with("error: invalid UTF-8 was detected in one or more arguments"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("Usage: ladder"), "{stderr}");
    }
}

#[cfg(unix)]
#[test]
fn a_subcommand_that_is_not_utf8_is_a_usage_error() {
    let (code, _, stderr) = run(ladder().arg(not_utf8()));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: unrecognized subcommand 'ab\u{fffd}cd'"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_catalogue_path_that_is_not_utf8_reaches_the_loader_and_is_reported_missing() {
    let mut path = b"/nonexistent/team-".to_vec();
    path.extend_from_slice(b"\xff\xfe.yaml");
    let path = OsStr::from_bytes(&path);
    let (code, stdout, stderr) = run(ladder().arg("--catalogue").arg(path).arg("list"));
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "ladder: error: cannot read catalogue `/nonexistent/team-\u{fffd}\u{fffd}.yaml`: no such \
         file; check the path\n"
    );
}

#[cfg(unix)]
#[test]
fn a_catalogue_path_that_is_not_utf8_in_the_environment_is_reported_missing() {
    let path = OsStr::from_bytes(b"/nonexistent/\xff.yaml");
    let (code, _, stderr) = run(ladder().env("LADDER_CATALOGUE", path).arg("list"));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot read catalogue `/nonexistent/\u{fffd}.yaml`: no such file"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_catalogue_whose_file_name_is_not_utf8_loads_like_any_other() {
    let mut name = b"robust-arguments-".to_vec();
    name.extend_from_slice(b"\xff.yaml");
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(OsStr::from_bytes(&name));
    std::fs::copy("examples/engineering.yaml", &path).expect("the catalogue is copied");
    let (code, stdout, stderr) = run(ladder().arg("--catalogue").arg(&path).arg("list"));
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stderr, "");
    assert!(stdout.lines().count() > 3, "{stdout}");
}

#[test]
fn a_role_name_of_100000_characters_is_an_unknown_role_with_a_short_message() {
    let name = "x".repeat(100_000);
    for args in [
        vec!["show", name.as_str()],
        vec!["compare", "cpo", name.as_str()],
        vec!["path", name.as_str(), "cpo"],
        vec!["path", "pm", "cpo", "--via", name.as_str()],
    ] {
        let (code, stdout, stderr) = run(ladder().args(&args));
        assert_eq!(code, Some(1), "{stderr}");
        assert_eq!(stdout, "");
        assert!(
            stderr.starts_with(&format!(
                "ladder: error: no role is called '{}...'",
                "x".repeat(60)
            )),
            "{}",
            &stderr[..stderr.len().min(300)]
        );
        assert!(stderr.len() < 300, "{} bytes of error", stderr.len());
    }
}

#[test]
fn an_empty_role_name_is_refused_with_a_hint() {
    for args in [
        vec!["show", ""],
        vec!["compare", "", "cpo"],
        vec!["path", "pm", ""],
        vec!["path", "pm", "cpo", "--avoid", ""],
    ] {
        let (code, stdout, stderr) = run(ladder().args(&args));
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert_eq!(stdout, "");
        assert_eq!(
            stderr,
            "ladder: error: a role name needs at least one letter or digit; `ladder list` shows \
             every role\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_role_name_of_only_punctuation_is_refused_like_an_empty_one() {
    for name in ["?!-", " ", "...", "--", "—", "🙂"] {
        let (code, _, stderr) = run(ladder().args(["show", "--", name]));
        assert_eq!(code, Some(1), "{name:?}: {stderr}");
        assert_eq!(
            stderr,
            "ladder: error: a role name needs at least one letter or digit; `ladder list` shows \
             every role\n",
            "{name:?}"
        );
    }
}

#[test]
fn an_unknown_role_is_exit_code_1_and_a_missing_argument_is_exit_code_2() {
    let (code, _, stderr) = run(ladder().args(["show", "astronaut"]));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.starts_with("ladder: error: no role is called 'astronaut'"),
        "{stderr}"
    );
    let (code, _, stderr) = run(ladder().args(["show"]));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: the following required arguments"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_device_as_the_catalogue_is_refused_rather_than_read_forever() {
    let (code, stdout, stderr) = run(ladder().args(["--catalogue", "/dev/zero", "list"]));
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "ladder: error: cannot read catalogue `/dev/zero`: it is a device, not a file; give the \
         path of a .yaml file\n"
    );
}

#[cfg(unix)]
#[test]
fn a_catalogue_can_come_from_a_pipe() {
    let text = std::fs::read_to_string("examples/engineering.yaml").expect("the example exists");
    let (code, stdout, stderr) = run(ladder()
        .args(["--catalogue", "/dev/stdin", "list"])
        .write_stdin(text));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.lines().count() > 3, "{stdout}");
}

#[test]
fn control_characters_in_arguments_are_escaped_in_every_message() {
    let (code, stdout, stderr) = run(ladder().args(["show", "zz\u{1b}[31m"]));
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    assert!(
        stderr.starts_with("ladder: error: no role is called 'zz\\u{1b}[31m'"),
        "{stderr}"
    );
    for args in [
        vec!["search", "\u{1b}]0;title\u{7}"],
        vec!["list", "--track", "a\u{1b}[2Jb"],
        vec!["--catalogue", "x\u{1b}[1m.yaml", "list"],
        vec!["path", "pm", "cpo", "--via", "v\u{9b}31m"],
        vec!["sh\u{1b}[31mow", "cpo"],
    ] {
        let (code, _, stderr) = run(ladder().args(&args));
        assert!(matches!(code, Some(1 | 2)), "{args:?}: {stderr}");
        assert!(
            !stderr.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {stderr:?}"
        );
        if code == Some(1) {
            assert!(
                stderr.contains("\\u{1b}") || stderr.contains("\\u{9b}"),
                "{args:?}: {stderr:?}"
            );
        }
    }
}

#[test]
fn a_long_search_text_or_track_is_cut_in_the_message() {
    let long = "q".repeat(128_000);
    for args in [
        vec!["search", long.as_str()],
        vec!["list", "--track", long.as_str()],
    ] {
        let (code, stdout, stderr) = run(ladder().args(&args));
        assert_eq!((code, stdout.as_str()), (Some(1), ""), "{stderr}");
        assert!(
            stderr.contains(&format!("'{}...'", "q".repeat(60))),
            "{stderr}"
        );
        assert!(stderr.len() < 400, "{} bytes of error", stderr.len());
    }
}

/// A message listing thousands of avoided roles is cut, however long the list.
#[test]
fn a_message_that_lists_thousands_of_avoided_roles_is_cut() {
    let count = 3_000;
    let mut text = String::from(
        "version: 1\nname: Fan\ntracks:\n  - id: ic\n    name: IC\nroles:\n  - id: top\n    title: Top\n    track: ic\n    level: 3\n    summary: S.\n    responsibilities: [R.]\n    tenure: {min: 1, max: 2, estimate: true}\n  - id: low\n    title: Low\n    track: ic\n    level: 1\n    summary: S.\n    responsibilities: [R.]\n    tenure: {min: 1, max: 2, estimate: true}\n    next: [",
    );
    text.push_str(
        &(0..count)
            .map(|n| format!("m{n}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    text.push_str("]\n");
    for n in 0..count {
        text.push_str(&format!(
            "  - id: m{n}\n    title: Middle role number {n}\n    track: ic\n    level: 2\n    summary: S.\n    responsibilities: [R.]\n    tenure: {{min: 1, max: 2, estimate: true}}\n    next: [top]\n"
        ));
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("fan.yaml");
    std::fs::write(&path, text).expect("written");
    let mut command = ladder();
    command
        .arg("--catalogue")
        .arg(&path)
        .args(["path", "low", "top"]);
    for n in 0..count {
        command.args(["--avoid", &format!("m{n}")]);
    }
    let (code, stdout, stderr) = run(&mut command);
    assert_eq!((code, stdout.as_str()), (Some(1), ""), "{stderr}");
    assert!(stderr.starts_with("ladder: error: every route"), "{stderr}");
    assert!(stderr.contains("more characters)"), "{stderr}");
    assert!(stderr.len() < 2_000, "{} bytes of error", stderr.len());
}

#[test]
fn a_role_name_of_several_words_needs_no_quotes() {
    let (code, stdout, stderr) = run(ladder().args(["show", "VP", "of", "Product"]));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("VP of Product (vp-product)"), "{stdout}");
    let (code, stdout, _) = run(ladder().args(["show", "VP", "of", "Product", "-o", "json"]));
    assert_eq!(code, Some(0));
    assert!(stdout.contains("\"id\": \"vp-product\""), "{stdout}");
}
