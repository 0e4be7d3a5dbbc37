//! The loading rules added with the one load path, each shown at its file:line:column in YAML and
//! in JSON, which go through the same parser, walk and validation and so say the same thing:
//! a name that is another role's id, compared after Unicode folding (F11, F12), line breaks
//! in one-line fields (F17), and numbers and booleans read alike (F22).

use std::process::Command;

/// `ladder check` on `text` saved as `name`: every `LINE:COLUMN: message` it reports.
fn problems(name: &str, text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("writes");
    let output = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .arg("check")
        .arg(&path)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    let prefix = format!("{}:", path.display());
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .map(str::to_owned)
        .collect()
}

/// `LINE:COLUMN` of the first `needle` in `text` (the column counted in characters).
fn at(text: &str, needle: &str) -> String {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in the text"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("{line}:{column}")
}

fn line_of(text: &str, needle: &str) -> String {
    at(text, needle).split(':').next().unwrap_or("").to_owned()
}

const STRUCTURE_YAML: &str = r#"version: 1
name: N
tracks: [{id: t, name: T}]
roles:
  - id: a
    title: "A\nB"
    track: t
    level: "3"
    entry: yes
    summary: s
    responsibilities: [x]
    skills: [1, 2.5]
    tenure: {min: 1, max: 2, estimate: true}
  - id: b
    title: B
    track: t
    level: 010
    level_code: 3
    summary: s
    responsibilities: [x]
    tenure: {min: 1, max: 2, estimate: true}
"#;

const STRUCTURE_JSON: &str = r#"{"version": 1, "name": "N", "tracks": [{"id": "t", "name": "T"}], "roles": [
  {"id": "a",
   "title": "A\nB",
   "track": "t",
   "level": "3",
   "entry": "yes",
   "summary": "s",
   "responsibilities": ["x"],
   "skills": [1, 2.5],
   "tenure": {"min": 1, "max": 2, "estimate": true}},
  {"id": "b", "title": "B", "track": "t", "level": 10, "level_code": 3, "summary": "s",
   "responsibilities": ["x"], "tenure": {"min": 1, "max": 2, "estimate": true}}
]}
"#;

#[test]
fn values_of_the_wrong_kind_are_refused_alike_in_yaml_and_json() {
    let expect = |text: &str, yes: &str, level_code: &str, extra: Option<String>| {
        let mut all = vec![
            format!(
                "{}: `title` of role `a` holds a line break; it must be one line, without line breaks or tabs",
                at(text, r#""A\nB""#)
            ),
            format!(
                "{}: `entry` of role `a` must be true or false, not the text `yes`",
                at(text, yes)
            ),
        ];
        all.extend(extra);
        all.push(format!(
            "{}: unknown key `level_code`; the keys allowed here are id, title, aliases, track, level, entry, summary, responsibilities, includes, expectations, reports_to, time, moves, titles_by_company_size, sources",
            at(text, level_code)
        ));
        all
    };
    // These are version 1 files: a level written as text ("3", `010`) becomes a level id there,
    // which validation would name once the structure is whole.
    assert_eq!(
        problems("kinds.yaml", STRUCTURE_YAML),
        expect(STRUCTURE_YAML, "yes", "level_code", None)
    );
    assert_eq!(
        problems("kinds.json", STRUCTURE_JSON),
        expect(STRUCTURE_JSON, r#""yes""#, r#""level_code""#, None)
    );
}

const RULES_YAML: &str = "version: 1
name: N
tracks: [{id: t, name: T}]
roles:
  - id: a
    title: A
    aliases: [b-role, Ａ１]
    track: t
    level: 0x3
    summary: s
    responsibilities: [x]
    skills: [1, 2.5]
    tenure: {min: 0x10, max: .inf, estimate: true}
  - id: b-role
    title: \"Cafe\\u0301 Manager\"
    track: t
    level: 4294967296
    summary: s
    responsibilities: [x]
    tenure: {min: 1e400, max: .nan, estimate: true}
  - id: a1
    title: \"Caf\\u00e9 Manager\"
    track: t
    level: 10
    summary: \"tab\\there\"
    responsibilities: [x]
    tenure: {min: 1, max: 2, estimate: true}
";

const RULES_JSON: &str = r#"{"version": 1, "name": "N", "tracks": [{"id": "t", "name": "T"}], "roles": [
  {"id": "a", "title": "A",
   "aliases": ["b-role", "Ａ１"],
   "track": "t", "level": 3, "summary": "s", "responsibilities": ["x"], "skills": [1, 2.5],
   "tenure": {"min": 16, "max": 1e400, "estimate": true}},
  {"id": "b-role",
   "title": "Cafe\u0301 Manager",
   "track": "t", "level": 4294967296, "summary": "s", "responsibilities": ["x"],
   "tenure": {"min": 1e400, "max": 1e400, "estimate": true}},
  {"id": "a1",
   "title": "Caf\u00e9 Manager",
   "track": "t", "level": 10, "summary": "tab\there", "responsibilities": ["x"],
   "tenure": {"min": 1, "max": 2, "estimate": true}}
]}
"#;

#[test]
fn names_ids_and_numbers_are_checked_alike_in_yaml_and_json() {
    let expect = |text: &str,
                  alias: &str,
                  fullwidth: &str,
                  max_a: &str,
                  min_b: &str,
                  max_b: (&str, &str),
                  _nfc: &str| {
        let id_line = |id: &str| {
            let json = format!("\"id\": \"{id}\"");
            let yaml = format!("id: {id}");
            line_of(text, if text.contains(&json) { &json } else { &yaml })
        };
        vec![
            format!(
                "{}: the name `b-role` of role `a` is the id of role `b-role` (line {}); a role's id wins, so this name could never find `a`",
                at(text, alias),
                id_line("b-role")
            ),
            format!(
                "{}: the name `Ａ１` of role `a` is the id of role `a1` (line {}); a role's id wins, so this name could never find `a`",
                at(text, fullwidth),
                id_line("a1")
            ),
            format!(
                "{}: `time.in_role` of role `a` must be a finite number of years, not inf",
                at(text, max_a)
            ),
            format!(
                "{}: the rank of level `level-4294967296` is 4294967296; a rank is a number from 0 to 1000",
                at(text, "4294967296")
            ),
            format!(
                "{}: `time.in_role` of role `b-role` must be a finite number of years, not inf",
                at(text, min_b)
            ),
            format!(
                "{}: `time.in_role` of role `b-role` must be a finite number of years, not {}",
                at(text, max_b.0),
                max_b.1
            ),
        ]
    };
    // The titles are written with escapes, so that the source shows NFD and NFC apart.
    assert_eq!(
        problems("rules.yaml", RULES_YAML),
        expect(
            RULES_YAML,
            "b-role, Ａ１",
            "Ａ１]",
            ".inf",
            "1e400",
            (".nan", "NaN"),
            "\"Caf\\u00e9"
        )
    );
    assert_eq!(
        problems("rules.json", RULES_JSON),
        expect(
            RULES_JSON,
            "\"b-role\", \"Ａ１\"",
            "\"Ａ１\"]",
            "1e400, \"estimate",
            "1e400, \"max\": 1e400",
            ("1e400, \"estimate\": true}},\n  {\"id\": \"a1", "inf"),
            "\"Caf\\u00e9"
        )
    );
}
