//! The walkthrough of docs/own-ladder.md, run against the real binary so the page cannot drift: the
//! catalogue the page builds is written out block by block, and each console example runs on the
//! files as the page has built them up to that point.
//!
//! A code block opened with ```` ```yaml FILE ```` adds its lines to the end of FILE; one opened with
//! ```` ```yaml FILE = OTHER ```` first makes FILE a copy of OTHER as it stands. Other blocks are
//! only shown. Each ```` ```console ```` block becomes a trycmd case of its own, named by its line on
//! the page, run in a directory holding those files. To update the page after a change of output,
//! run with `TRYCMD=overwrite OWN_LADDER_CASES=DIR`: the cases are written to DIR and rewritten there
//! (not in the page), so copy the new output back by hand.

use std::collections::BTreeMap;
use std::path::Path;

/// A console block of the page: the line it starts on, its text, and the files written before it.
struct Example {
    line: usize,
    block: String,
    files: BTreeMap<String, String>,
}

fn examples(page: &str) -> Vec<Example> {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let mut found = Vec::new();
    let mut lines = page.lines().enumerate();
    while let Some((number, line)) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let info = info.trim().to_owned();
        let mut body = String::new();
        for (_, inner) in lines.by_ref() {
            if inner.starts_with("```") {
                break;
            }
            body.push_str(inner);
            body.push('\n');
        }
        if info == "console" {
            found.push(Example {
                line: number + 1,
                block: format!("```console\n{body}```\n"),
                files: files.clone(),
            });
        } else if let Some(target) = info.strip_prefix("yaml ") {
            let (name, base) = match target.split_once(" = ") {
                Some((name, base)) => (name.trim(), Some(base.trim())),
                None => (target.trim(), None),
            };
            if let Some(base) = base {
                let copy = files
                    .get(base)
                    .unwrap_or_else(|| panic!("line {}: no file {base} yet", number + 1))
                    .clone();
                files.insert(name.to_owned(), copy);
            }
            files.entry(name.to_owned()).or_default().push_str(&body);
        }
    }
    found
}

#[test]
fn the_own_ladder_page_shows_real_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/own-ladder.md")).expect("page");
    let found = examples(&page);
    assert!(
        found.len() >= 8,
        "the page runs only {} examples",
        found.len()
    );
    let temporary = tempfile::tempdir().expect("temporary directory");
    let dir = match std::env::var_os("OWN_LADDER_CASES") {
        Some(kept) => std::path::PathBuf::from(kept),
        None => temporary.path().to_owned(),
    };
    let cases = crate::support::document_examples(100);
    for example in &found {
        let name = format!("own-ladder-line-{}", example.line);
        let files = dir.join(format!("{name}.in"));
        std::fs::create_dir_all(&files).expect("makes the case's directory");
        for (file, text) in &example.files {
            std::fs::write(files.join(file), text).expect("writes a file of the page");
        }
        let case = dir.join(format!("{name}.md"));
        std::fs::write(&case, &example.block).expect("writes the case");
        cases.case(case);
    }
    cases.run();
}

#[test]
fn the_catalogue_the_page_builds_is_the_one_it_checks() {
    let page = "```yaml a.yaml\nversion: 2\n```\n```console\n$ one\n```\n\
                ```yaml b.yaml = a.yaml\nname: B\n```\n```yaml a.yaml\nname: A\n```\n\
                ```yaml\nshown: only\n```\n```console\n$ two\n```\n";
    let found = examples(page);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].line, 4);
    assert_eq!(found[0].files.len(), 1);
    assert_eq!(found[0].files["a.yaml"], "version: 2\n");
    assert_eq!(found[1].files["a.yaml"], "version: 2\nname: A\n");
    assert_eq!(found[1].files["b.yaml"], "version: 2\nname: B\n");
    assert_eq!(found[1].block, "```console\n$ two\n```\n");
}
