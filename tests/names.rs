//! Role names through the real binary: whole words anywhere in a title or alias, titles several
//! roles share, title variants, names of several words without quotes, and the hints when a name
//! of several words is split between the two roles of `compare` or `path`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A small ladder: two roles whose titles both hold the words "Software Engineer", one called
/// "Head of Design" at a startup. (Version 1 refuses a title shared outright; the unit tests of
/// `resolve` cover that case, which version 2 allows.)
fn catalogue(dir: &Path) -> PathBuf {
    let role = |id: &str, title: &str, level: u32, extra: &str| {
        format!(
            "  - id: {id}\n    title: {title}\n    track: ic\n    level: {level}\n    \
             summary: A role.\n    responsibilities: [Works.]\n    tenure: {{min: 1, max: 2, estimate: true}}\n{extra}"
        )
    };
    let text = format!(
        "version: 1\nname: Names\ntracks:\n  - id: ic\n    name: IC\nroles:\n{}{}{}{}{}",
        role("swe-1", "Software Engineer I", 1, "    next: [swe-2]\n"),
        role(
            "swe-2",
            "Software Engineer II",
            2,
            "    next: [vp-product]\n"
        ),
        role(
            "vp-product",
            "VP of Product",
            3,
            "    aliases: [VP]\n    next: [cpo]\n    reports_to: [cpo]\n",
        ),
        role("cpo", "Chief Product Officer", 4, ""),
        role(
            "director-ux",
            "Director of UX",
            3,
            "    titles_by_company_size:\n      startup: Head of Design\n",
        ),
    );
    let path = dir.join("names.yaml");
    std::fs::write(&path, text).expect("written");
    path
}

fn ladder(catalogue: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .arg("--catalogue")
        .arg(catalogue)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("ladder runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The id of the role `show` picks for these words, or its error.
fn shown(catalogue: &Path, words: &[&str]) -> Result<String, String> {
    let mut args = vec!["show"];
    args.extend_from_slice(words);
    args.extend_from_slice(&["-o", "json"]);
    let (code, stdout, stderr) = ladder(catalogue, &args);
    match code {
        Some(0) => {
            let card: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
            Ok(card["id"].as_str().expect("an id").to_owned())
        }
        _ => {
            assert!(stdout.is_empty(), "{stdout}");
            Err(stderr)
        }
    }
}

#[test]
fn the_words_of_a_name_are_joined_and_match_whole_anywhere() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = catalogue(dir.path());
    assert_eq!(
        shown(&path, &["VP", "of", "Product"]),
        Ok("vp-product".into())
    );
    assert_eq!(shown(&path, &["officer"]), Ok("cpo".into()));
    assert_eq!(shown(&path, &["product", "officer"]), Ok("cpo".into()));
    let error = shown(&path, &["duct"]).unwrap_err();
    assert_eq!(
        error,
        "ladder: error: no role is called 'duct'; `ladder list` shows every role\n"
    );
    let (code, stdout, _) = ladder(&path, &["tree", "VP", "of", "Product"]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("VP of Product (vp-product)"), "{stdout}");
}

#[test]
fn a_name_several_roles_answer_to_lists_them_with_their_ids() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = catalogue(dir.path());
    let error = shown(&path, &["Software", "Engineer"]).unwrap_err();
    assert_eq!(
        error,
        "ladder: error: 'Software Engineer' could mean more than one role; use one of these ids:\n  \
         swe-1  Software Engineer I\n  swe-2  Software Engineer II\n"
    );
    assert_eq!(shown(&path, &["swe-2"]), Ok("swe-2".into()));
    let (code, _, stderr) = ladder(&path, &["path", "software engineer", "cpo"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("swe-1  Software Engineer I\n"), "{stderr}");
    assert_eq!(
        shown(&path, &["Software", "Engineer", "II"]),
        Ok("swe-2".into())
    );
}

#[test]
fn title_variants_resolve_and_are_suggested() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = catalogue(dir.path());
    assert_eq!(
        shown(&path, &["head", "of", "design"]),
        Ok("director-ux".into())
    );
    let error = shown(&path, &["head", "of", "desing"]).unwrap_err();
    assert!(error.contains("did you mean 'director-ux'"), "{error}");
}

#[test]
fn a_name_of_several_words_split_between_two_roles_gets_a_hint() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = catalogue(dir.path());
    // Four words for two roles: a usage error that says to quote.
    let (code, stdout, stderr) = ladder(&path, &["compare", "VP", "of", "Product", "cpo"]);
    assert_eq!((code, stdout.as_str()), (Some(2), ""));
    assert!(
        stderr.contains(
            "tip: put a name of several words in quotes: ladder compare \"VP of Product\" cpo"
        ),
        "{stderr}"
    );
    // Two words that are one role together.
    let (code, _, stderr) = ladder(&path, &["path", "chief", "zzz"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.ends_with(
            "a name of several words needs quotes, as in: ladder path \"VP of Product\" cpo\n"
        ),
        "{stderr}"
    );
    let (code, _, stderr) = ladder(&path, &["compare", "vp", "of"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("('vp of' together is vp-product)"),
        "{stderr}"
    );
    // Quoted, it works.
    let (code, _, stderr) = ladder(&path, &["compare", "VP of Product", "cpo"]);
    assert_eq!(code, Some(0), "{stderr}");
}
