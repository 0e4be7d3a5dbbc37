//! Hostile and broken catalogue files: each must give a clear error and exit 1, never a panic or a
//! hang. The files are made in a temporary directory; each run has a deadline so that a hang fails
//! the test instead of stalling CI.

use crate::support;

use std::path::{Path, PathBuf};

use support::ladder;

/// Writes `bytes` to a file in a fresh temporary directory (kept alive by the returned guard).
fn file_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("writes");
    (dir, path)
}

/// `ladder check PATH` must fail cleanly: exit 1, nothing on stdout, `ladder: error:` first on
/// stderr, and the given text in the message. Returns stderr.
fn refused(path: &Path, expected: &str) -> String {
    let path = path.to_str().expect("UTF-8 temp path");
    let run = ladder(&["check", path]);
    assert_eq!(run.code, Some(1), "stderr: {}", run.stderr);
    assert!(run.stdout.is_empty(), "stdout: {}", run.stdout);
    assert!(
        run.stderr.starts_with("ladder: error: "),
        "stderr: {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains(expected),
        "expected {expected:?} in stderr: {}",
        run.stderr
    );
    run.stderr
}

fn minimal() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.yaml"),
    )
    .expect("minimal fixture")
}

#[test]
fn an_alias_without_its_anchor_is_named_as_such() {
    for text in ["version: 1\nname: *x\n", "version: 1\nname: &x [*x]\n"] {
        let (_dir, path) = file_with("alias.yaml", text.as_bytes());
        refused(&path, "alias.yaml:2:");
        refused(&path, "this alias names no anchor before it");
    }
}

#[test]
fn text_copied_by_aliases_is_bounded_by_the_file_size_limit() {
    let text = format!(
        "version: 1\nname: &x {}\ndescription: *x\n",
        "t".repeat(600)
    );
    let (_dir, path) = file_with("copies.yaml", text.as_bytes());
    let run = ladder(&[
        "--max-file-size",
        "1000",
        "check",
        path.to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, Some(1), "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains("copies.yaml:3:14: ") && run.stderr.contains("--max-file-size"),
        "stderr: {}",
        run.stderr
    );
}

/// A value shared through an anchor is checked where it is used: the problem points at the role
/// that merges it, not at the anchor's line.
#[test]
fn a_problem_in_merged_defaults_points_at_the_role_that_uses_them() {
    let text = minimal()
        .replace(
            "name: Design\n",
            "name: Design\nx-defaults: &d {track: nowhere}\n",
        )
        .replace(
            "  - id: design-manager\n",
            "  - <<: *d\n    id: design-manager\n",
        )
        .replace("    track: management\n", "");
    let (_dir, path) = file_with("merged.yaml", text.as_bytes());
    let line = text
        .lines()
        .position(|l| l.contains("<<: *d"))
        .expect("the merge")
        + 1;
    let stderr = refused(&path, &format!("merged.yaml:{line}:9: "));
    assert!(stderr.contains("nowhere"), "stderr: {stderr}");
}

#[test]
fn an_empty_file_is_refused_with_a_hint_to_start_from_export() {
    let (_dir, path) = file_with("empty.yaml", b"");
    refused(&path, "the catalogue is empty; `ladder export` prints one");
    let (_dir, path) = file_with("blank.yaml", b"\n  \n# only a comment\n");
    refused(&path, "is not a valid catalogue");
}

#[test]
fn text_that_is_not_yaml_is_a_syntax_error_with_a_position() {
    // The whole document is parsed before the schema applies: the syntax error is what is said.
    let (_dir, path) = file_with("page.yaml", b"<html>\n  <body>: {]\n</html>\n");
    refused(&path, "page.yaml:2:9: mapping values are not allowed");
    let (_dir, path) = file_with("text.yaml", b"<html>\n</html>\n");
    refused(&path, "text.yaml:1:1: a catalogue is a mapping of keys");
    let (_dir, path) = file_with("broken.yaml", b"version: 1\nname: x: y\n");
    let stderr = refused(&path, "broken.yaml:2:8: mapping values are not allowed");
    assert!(stderr.contains(" 2 | name: x: y\n"), "stderr: {stderr}");
    let (_dir, path) = file_with(
        "quote.yaml",
        b"version: 1\nname: \"unterminated\nroles: []\n",
    );
    refused(&path, "quote.yaml:2:7: unclosed quote");
}

#[test]
fn binary_data_is_refused_as_not_utf8() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let (_dir, path) = file_with("binary.yaml", &bytes);
    refused(
        &path,
        "binary.yaml:2:118: the file is not UTF-8 text; save it as UTF-8",
    );
}

#[test]
fn invalid_utf8_is_reported_at_its_line_and_column() {
    let (_dir, path) = file_with("latin1.yaml", b"version: 1\nname: caf\xe9\n");
    refused(&path, "latin1.yaml:2:10: the file is not UTF-8 text");
}

#[test]
fn a_document_that_is_a_list_or_a_scalar_is_refused() {
    let (_dir, path) = file_with("list.yaml", b"- version: 1\n- name: x\n");
    refused(
        &path,
        "list.yaml:1:1: a catalogue is a mapping of keys (version, name, description, sources, tracks, levels, competencies, roles), not a list",
    );
    let (_dir, path) = file_with("scalar.yaml", b"just some words\n");
    refused(
        &path,
        "scalar.yaml:1:1: a catalogue is a mapping of keys (version, name, description, sources, tracks, levels, competencies, roles), not the text `just some words`",
    );
}

#[test]
fn several_documents_in_one_file_are_refused() {
    let text = format!("{}---\n{}", minimal(), minimal());
    let (_dir, path) = file_with("two.yaml", text.as_bytes());
    refused(
        &path,
        "two.yaml:45:1: the file holds more than one YAML document",
    );
}

#[test]
fn tabs_used_for_indentation_are_refused() {
    let text = minimal().replace(
        "    name: Individual contributor",
        "\tname: Individual contributor",
    );
    let (_dir, path) = file_with("tabs.yaml", text.as_bytes());
    let stderr = refused(&path, "tabs.yaml:8:9: ");
    assert!(stderr.contains("found a tab"), "stderr: {stderr}");
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused() {
    let deep = format!(
        "version: 1\nname: x\nroles: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let (_dir, path) = file_with("deep.yaml", deep.as_bytes());
    refused(&path, "nested too deeply");
    let deep = format!(
        "version: 1\nname: {}x{}\n",
        "{a: ".repeat(10_000),
        "}".repeat(10_000)
    );
    let (_dir, path) = file_with("deep-maps.yaml", deep.as_bytes());
    refused(&path, "deep-maps.yaml:2:");
}

#[test]
fn the_deepest_nesting_limit_allowed_still_gives_a_clear_error_not_a_stack_overflow() {
    let deep = format!(
        "version: 1\nname: x\nroles: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let (_dir, path) = file_with("deep.yaml", deep.as_bytes());
    let shown = path.to_str().expect("UTF-8");
    let run = ladder(&["--max-depth", "1000", "check", shown]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("nested too deeply"), "{}", run.stderr);
    let run = ladder(&["--max-depth", "1001", "check", shown]);
    assert_eq!(
        run.code,
        Some(2),
        "over the ceiling is a usage error: {}",
        run.stderr
    );
}

#[test]
fn the_depth_and_node_limits_can_be_set_by_flag() {
    let (_dir, path) = file_with("team.yaml", minimal().as_bytes());
    let path = path.to_str().expect("UTF-8");
    let run = ladder(&["--max-depth", "3", "check", path]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("raise the limit with --max-depth"),
        "{}",
        run.stderr
    );
    let run = ladder(&["--max-depth", "4", "check", path]);
    assert_eq!(
        run.code,
        Some(0),
        "a catalogue needs 4 levels: {}",
        run.stderr
    );
    let run = ladder(&["--max-nodes", "50", "check", path]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("raise the limit with --max-nodes"),
        "{}",
        run.stderr
    );
}

/// The classic "billion laughs": nine anchors, each a list of nine aliases of the one before,
/// which would expand to 9^9 strings.
fn billion_laughs(prefix: &str) -> String {
    let mut text = String::from(prefix);
    text.push_str(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(",");
        text.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    text
}

#[test]
fn the_billion_laughs_alias_bomb_is_refused() {
    let (_dir, path) = file_with("laughs.yaml", billion_laughs("").as_bytes());
    // Stopped where the copies an anchor takes pass the limit: the sixth anchored list.
    let stderr = refused(&path, "laughs.yaml:6:7: ");
    assert!(stderr.contains("(an alias bomb?)"), "stderr: {stderr}");
    // The same bomb under a key of the schema, where it is read rather than refused at the first key.
    let bomb: String = billion_laughs("")
        .lines()
        .map(|line| format!("  {line}\n"))
        .collect();
    let nested = format!("version: 1\nname: x\ndescription:\n{bomb}");
    let (_dir, path) = file_with("laughs-nested.yaml", nested.as_bytes());
    let stderr = refused(&path, "laughs-nested.yaml:9:9: ");
    assert!(
        stderr.contains("(an alias bomb?)") && stderr.contains("--max-aliases"),
        "stderr: {stderr}"
    );
}

#[test]
fn a_one_gib_file_is_refused_from_its_size_without_being_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.yaml");
    let file = std::fs::File::create(&path).expect("creates");
    file.set_len(1 << 30).expect("sparse 1 GiB");
    refused(
        &path,
        "it is 1073741824 bytes, over the limit of 268435456 bytes; raise it with --max-file-size",
    );
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_refused_without_reading_it() {
    // /dev/zero reports a size of 0 and never ends; a device is refused from its metadata.
    // (A pipe, which also has no size, is read up to the size limit: see tests/arguments.rs.)
    let run = ladder(&["--max-file-size", "1000000", "check", "/dev/zero"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "ladder: error: cannot read catalogue `/dev/zero`: it is a device, not a file; give the path of a .yaml file\n"
    );
}

#[test]
fn the_file_size_limit_can_be_lowered_and_raised_by_flag() {
    let (_dir, path) = file_with("team.yaml", minimal().as_bytes());
    let path = path.to_str().expect("UTF-8");
    let run = ladder(&["--max-file-size", "100", "check", path]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("over the limit of 100 bytes"),
        "{}",
        run.stderr
    );
    let run = ladder(&["--max-file-size", "100000", "check", path]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn the_alias_limit_can_be_set_by_flag() {
    let text = minimal()
        .replacen("    track: ic\n", "    track: &ic ic\n", 1)
        .replacen("    track: ic\n", "    track: *ic\n", 1);
    assert!(text.contains("*ic") && text.contains("&ic"));
    let (_dir, path) = file_with("aliases.yaml", text.as_bytes());
    let path = path.to_str().expect("UTF-8");
    let run = ladder(&["check", path]);
    assert_eq!(
        run.code,
        Some(0),
        "aliases are fine by default: {}",
        run.stderr
    );
    let run = ladder(&["--max-aliases", "0", "check", path]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("raise the limit with --max-aliases"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    refused(
        dir.path(),
        "it is a directory; give the path of a .yaml file",
    );
}

#[test]
fn a_missing_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    refused(
        &dir.path().join("nope.yaml"),
        "no such file; check the path",
    );
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_refused_unless_the_user_can_read_anyway() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = file_with("secret.yaml", minimal().as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root (as in CI) reads a mode-000 file all the same: then so does ladder, and the file is valid.
    let readable = std::fs::read(&path).is_ok();
    let shown = path.to_str().expect("UTF-8");
    if readable {
        let run = ladder(&["check", shown]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(run.stdout.contains("valid"), "{}", run.stdout);
    } else {
        refused(&path, "permission denied; check the file's read permission");
    }
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_load_fine() {
    let text = format!("\u{feff}{}", minimal().replace('\n', "\r\n"));
    let (_dir, path) = file_with("windows.yaml", text.as_bytes());
    let shown = path.to_str().expect("UTF-8");
    let run = ladder(&["check", shown]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{shown}: valid: \"Design\", 3 roles, 2 tracks, 2 levels, 0 competency areas, 1 source\n"
        )
    );
    let run = ladder(&["--catalogue", shown, "show", "designer", "-o", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("\"title\": \"Product Designer\""),
        "{}",
        run.stdout
    );
}

#[test]
fn a_problem_in_a_crlf_file_points_at_the_right_line_and_column() {
    let text = minimal()
        .replace(
            "    level: 2\n    summary: Leads a team",
            "    level: nine\n    summary: Leads a team",
        )
        .replace('\n', "\r\n");
    let (_dir, path) = file_with("windows.yaml", text.as_bytes());
    refused(&path, "windows.yaml:38:12: `level` names no level `nine`");
}
