//! `ladder search` on a catalogue of its own: text compared after Unicode normalisation (NFKC)
//! and full case folding, hits highlighted on the original characters, and a long query in a
//! long line answered (in linear time; speed itself is measured with bench/compare.sh).

use std::path::{Path, PathBuf};
use std::process::Command;

fn catalogue(dir: &Path, responsibility: &str) -> PathBuf {
    let text = format!(
        "version: 1\nname: Search\ntracks:\n  - id: ic\n    name: IC\nroles:\n  - id: one\n    \
         title: Straße Manager\n    aliases: [Ａ１ lead]\n    track: ic\n    level: 1\n    \
         summary: Runs the Cafe\u{301} and the GROSSE Halle.\n    responsibilities: [\"{responsibility}\"]\n    \
         tenure: {{min: 1, max: 2, estimate: true}}\n"
    );
    let path = dir.join("search.yaml");
    std::fs::write(&path, text).expect("written");
    path
}

fn search(catalogue: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .arg("--catalogue")
        .arg(catalogue)
        .arg("search")
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

#[test]
fn search_matches_after_normalisation_and_full_case_folding() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = catalogue(dir.path(), "Plan the roadmap.");
    for (query, field) in [
        ("STRASSE", "title"),
        ("straẞe", "title"),
        ("a1", "alias"),
        ("Ａ１", "alias"),
        ("café", "summary"),
        ("große", "summary"),
    ] {
        let (code, stdout, stderr) = search(&path, &[query, "-o", "json"]);
        assert_eq!(code, Some(0), "{query}: {stderr}");
        let hits: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
        assert_eq!(hits[0]["matches"][0]["field"], field, "{query}: {stdout}");
    }
    let (code, _, stderr) = search(&path, &["cafés"]);
    assert_eq!(code, Some(1), "{stderr}");
}

#[test]
fn a_hit_is_highlighted_on_the_original_characters() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = catalogue(dir.path(), "Plan the roadmap.");
    let (code, stdout, stderr) = search(&path, &["strasse", "--color", "always"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("\u{1b}[1;33mStraße\u{1b}[0m Manager"),
        "{stdout}"
    );
    let (_, stdout, _) = search(&path, &["CAFÉ", "--color", "always"]);
    assert!(
        stdout.contains("\u{1b}[1;33mCafe\u{301}\u{1b}[0m"),
        "{stdout}"
    );
}

#[test]
fn a_long_query_in_a_megabyte_line_is_answered() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = catalogue(dir.path(), &"a ".repeat(500_000));
    let query = format!("{}b", "a ".repeat(5_000));
    let (code, stdout, stderr) = search(&path, &[&query]);
    assert_eq!((code, stdout.as_str()), (Some(1), ""), "{stderr}");
    assert!(stderr.starts_with(&format!(
        "ladder: error: no role mentions '{}...'",
        "a ".repeat(30)
    )));
    assert!(stderr.len() < 300, "{} bytes", stderr.len());
    let (code, stdout, _) = search(&path, &[&"a ".repeat(5_000), "-o", "json"]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("\"responsibility\""));
    // Part of a megabyte word is not a whole word.
    let path = catalogue(dir.path(), &"a".repeat(1_000_000));
    let (code, _, _) = search(&path, &[&"a".repeat(10_000)]);
    assert_eq!(code, Some(1));
}

/// A catalogue of three roles, to see what search finds and in which order.
fn ranking_catalogue(dir: &Path) -> PathBuf {
    let role = |id: &str, title: &str, summary: &str, responsibility: &str| {
        format!(
            "  - id: {id}\n    title: {title}\n    track: ic\n    level: 1\n    summary: \"{summary}\"\n    \
             responsibilities: [\"{responsibility}\"]\n    tenure: {{min: 1, max: 2, estimate: true}}\n"
        )
    };
    let text = format!(
        "version: 1\nname: Ranking\ntracks:\n  - id: ic\n    name: IC\nroles:\n{}{}{}{}",
        role(
            "trainer",
            "Trainer",
            "Raises the main training budget.",
            "Maintains the domain."
        ),
        role(
            "lead",
            "Team Lead",
            "Leads a team.",
            "Owns the P&L and the AI roadmap."
        ),
        role(
            "analyst",
            "Analyst",
            "Uses AI-based tools; owns product strategy.",
            "Reports."
        ),
        role(
            "ai-lead",
            "AI Lead",
            "Leads AI work.",
            "Writes product plans for strategy."
        ),
    );
    let path = dir.join("ranking.yaml");
    std::fs::write(&path, text).expect("written");
    path
}

/// The ids of the roles found, in order, and each line found, from `-o json`.
fn found(path: &Path, query: &str) -> (Vec<String>, Vec<String>) {
    let (code, stdout, stderr) = search(path, &[query, "-o", "json"]);
    assert_eq!(code, Some(0), "{query}: {stderr}");
    let hits: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let hits = hits.as_array().expect("an array");
    let ids = hits
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_owned())
        .collect();
    let lines = hits
        .iter()
        .flat_map(|h| h["matches"].as_array().expect("matches").iter())
        .map(|m| m["text"].as_str().expect("text").to_owned())
        .collect();
    (ids, lines)
}

#[test]
fn search_matches_whole_words_and_ranks_names_first() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = ranking_catalogue(dir.path());
    // "raises", "main", "training", "maintains", "domain" hold `ai`, but not the word AI. The
    // title hit comes first, then the summary hit, then the responsibility hit.
    let (ids, lines) = found(&path, "AI");
    assert_eq!(ids, ["ai-lead", "analyst", "lead"]);
    assert!(
        lines
            .iter()
            .all(|l| !l.contains("aining") && !l.contains("main")),
        "{lines:?}"
    );
    assert_eq!(found(&path, "p&l").0, ["lead"]);
    // Several words are a phrase: "product plans for strategy" is not "product strategy".
    assert_eq!(found(&path, "Product  Strategy").0, ["analyst"]);
    let (code, _, stderr) = search(&path, &["lea"]);
    assert_eq!(code, Some(1), "{stderr}");
}

#[test]
fn the_built_in_catalogue_answers_ai_with_the_word_only() {
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["search", "AI", "-o", "json"])
        .env_remove("LADDER_CATALOGUE")
        .output()
        .expect("ladder runs");
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    for line in hits
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|h| h["matches"].as_array().into_iter().flatten())
    {
        let line = line["text"].as_str().expect("text");
        let words: Vec<&str> = line.split(|c: char| !c.is_alphanumeric()).collect();
        assert!(words.iter().any(|w| w.eq_ignore_ascii_case("ai")), "{line}");
    }
}

#[test]
fn a_competency_area_named_by_the_query_brings_every_expectation_in_it() {
    // "P&L" is in the name of the built-in ladder's business area, not in any line of it: each
    // role's expectation there is found, and named by its area.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["search", "P&L", "-o", "json"])
        .env_remove("LADDER_CATALOGUE")
        .output()
        .expect("ladder runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let hits = hits.as_array().expect("hits");
    assert!(hits.len() >= 10, "{hits:?}");
    for hit in hits {
        for m in hit["matches"].as_array().expect("matches") {
            assert_eq!(m["field"], "expectation", "{m}");
            assert!(m["area"].as_str().is_some_and(|a| a.contains("P&L")), "{m}");
        }
    }
}
