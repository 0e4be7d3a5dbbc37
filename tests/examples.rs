//! The shipped catalogues (examples/*.yaml and the built-in data/ladder.yaml), run through the real
//! binary: each passes `ladder check --strict`, and `ladder export` round-trips it to the same answers.

use crate::support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{Run, ladder};

/// Every example catalogue, then the built-in one (as the file it is compiled from), as paths
/// relative to the crate root, which is where the binary runs.
fn catalogues() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found: Vec<String> = std::fs::read_dir(root.join("examples"))
        .expect("examples/")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .map(|path| {
            format!(
                "examples/{}",
                path.file_name().expect("name").to_string_lossy()
            )
        })
        .collect();
    found.sort();
    assert!(
        found.len() >= 3,
        "expected at least three example catalogues, found {found:?}"
    );
    found.push("data/ladder.yaml".to_owned());
    found
}

fn succeeds(args: &[&str]) -> String {
    let run: Run = ladder(args);
    assert_eq!(
        run.code,
        Some(0),
        "ladder {args:?} failed\nstdout:\n{}\nstderr:\n{}",
        run.stdout,
        run.stderr
    );
    run.stdout
}

fn json(text: &str, what: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{what} is not JSON ({e}):\n{text}"))
}

/// The role ids in the answer of `list -o json`: a list of roles, or an object holding one under
/// `roles`.
fn role_ids(list: &Value) -> Vec<String> {
    let Some(Value::Array(roles)) = list.get("roles") else {
        panic!("`list -o json` holds no `roles` list: {list}");
    };
    roles
        .iter()
        .map(|role| {
            role.get("id")
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("a role without an id: {role}"))
                .to_owned()
        })
        .collect()
}

/// What a catalogue answers: `list`, then `show` of every role, as JSON, with the catalogue's own
/// path replaced by a placeholder so that the same catalogue read from another file compares equal.
fn answers(file: &str) -> Vec<(String, Value)> {
    let neutral = |text: String| text.replace(file, "<catalogue>");
    let list = neutral(succeeds(&["--catalogue", file, "list", "-o", "json"]));
    let list = json(&list, &format!("`list -o json` of {file}"));
    let mut all = vec![("list".to_owned(), list.clone())];
    for id in role_ids(&list) {
        let show = neutral(succeeds(&["--catalogue", file, "show", &id, "-o", "json"]));
        all.push((
            format!("show {id}"),
            json(&show, &format!("`show {id}` of {file}")),
        ));
    }
    all
}

fn export(file: &str) -> String {
    succeeds(&["--catalogue", file, "export"])
}

#[test]
fn every_shipped_catalogue_is_valid() {
    for file in catalogues() {
        let out = succeeds(&["check", &file]);
        assert!(
            out.starts_with(&format!("{file}: valid")),
            "`check {file}` says:\n{out}"
        );
    }
}

#[test]
fn every_shipped_catalogue_passes_the_strict_check() {
    for file in catalogues() {
        let out = succeeds(&["check", "--strict", &file]);
        assert!(
            out.starts_with(&format!("{file}: valid")),
            "`check --strict {file}` says:\n{out}"
        );
    }
}

#[test]
fn exporting_a_catalogue_keeps_every_answer_and_exporting_again_changes_nothing() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for file in catalogues() {
        let stem = Path::new(&file)
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let once: PathBuf = dir.path().join(format!("{stem}-once.yaml"));
        let first = export(&file);
        std::fs::write(&once, &first).expect("writes the export");
        let once = once.to_str().expect("a UTF-8 temporary path").to_owned();

        let before = answers(&file);
        let after = answers(&once);
        assert_eq!(
            before.len(),
            after.len(),
            "{file}: the export lists another set of roles"
        );
        for ((question, was), (_, is)) in before.iter().zip(&after) {
            assert_eq!(
                was, is,
                "{file}: `{question}` answers differently after export"
            );
        }

        let second = export(&once);
        assert!(
            first == second,
            "{file}: exporting the export changes it (first difference at line {})",
            first
                .lines()
                .zip(second.lines())
                .position(|(a, b)| a != b)
                .map_or_else(|| "end".to_owned(), |n| (n + 1).to_string())
        );
    }
}
