//! Regression tests for the red-team findings about output (issue #15): deep reporting lines
//! (F01, F10, F19), pictures on many edges (F04), Mermaid, DOT and Markdown escaping (F13, F14),
//! the timeline's axis (F15, F23), line breaks and tabs in text (F17), narrow terminals (F18),
//! `--ascii` tables and "1 year" (F23). Each builds its own catalogue in a temporary directory.

use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

/// A role of a generated catalogue.
fn role(id: &str, level: u32, extra: Value) -> Value {
    let mut role = json!({
        "id": id, "title": format!("Role {id}"), "track": "t", "level": level,
        "summary": "s.", "responsibilities": ["does things."],
        "tenure": {"min": 1, "max": 2, "estimate": true},
    });
    if let (Some(role), Some(extra)) = (role.as_object_mut(), extra.as_object()) {
        role.extend(extra.clone());
    }
    role
}

fn catalogue(dir: &Path, roles: Vec<Value>, tracks: Value) -> String {
    let path = dir.join("catalogue.json");
    let text = json!({"version": 1, "name": "Test", "tracks": tracks, "roles": roles});
    std::fs::write(&path, text.to_string()).expect("writes");
    path.to_string_lossy().into_owned()
}

fn one_track() -> Value {
    json!([{"id": "t", "name": "T"}])
}

/// `ladder --catalogue FILE ARGS` (with `COLUMNS`), expected to succeed; its stdout.
fn run(file: &str, columns: u16, args: &[&str]) -> String {
    let output = Command::cargo_bin("ladder")
        .expect("the binary is built")
        .env_remove("LADDER_CATALOGUE")
        .env("NO_COLOR", "1")
        .env("COLUMNS", columns.to_string())
        .args(["--catalogue", file])
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: exit {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Each role reports to the one before: a reporting line `depth` roles deep.
fn report_chain(dir: &Path, depth: usize) -> String {
    let roles = (0..depth)
        .map(|n| {
            let boss = if n == 0 {
                json!([])
            } else {
                json!([format!("r{}", n - 1)])
            };
            role(&format!("r{n}"), 1, json!({"reports_to": boss}))
        })
        .collect();
    catalogue(dir, roles, one_track())
}

#[test]
fn a_deep_reporting_line_is_drawn_in_every_format_in_output_that_grows_with_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = report_chain(dir.path(), 20_000);
    let formats = ["table", "json", "yaml", "markdown", "dot", "mermaid"];
    // The six runs at once: each loads 20,000 roles in a debug build, about a second.
    let outputs: Vec<(&str, String)> = std::thread::scope(|scope| {
        let runs: Vec<_> = formats
            .iter()
            .map(|&format| {
                let file = &file;
                scope.spawn(move || (format, run(file, 80, &["tree", "-o", format])))
            })
            .collect();
        runs.into_iter()
            .map(|run| run.join().expect("the run finishes"))
            .collect()
    });
    for (format, text) in outputs {
        // Linear: a few hundred bytes a role at most, not depth times depth.
        assert!(text.len() < 20_000 * 300, "{format}: {} bytes", text.len());
        assert!(text.contains("r19999"), "{format}");
        if format == "table" {
            assert!(text.lines().all(|line| line.width() <= 80), "{format}");
        }
    }
}

#[test]
fn the_tree_in_yaml_is_not_limited_by_the_depth_of_internal_json() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = report_chain(dir.path(), 200);
    let text = run(&file, 80, &["tree", "-o", "yaml"]);
    assert!(text.contains("id: r199"), "{text}");
    let json: Value = serde_json::from_str(&run(&file, 80, &["tree", "-o", "json"])).expect("JSON");
    let roles = json.as_array().expect("the roles in drawing order");
    assert_eq!(roles.len(), 200);
    assert_eq!(roles[199]["depth"], 199);
    assert_eq!(roles[198]["direct_reports"], json!(["r199"]));
}

#[test]
fn a_clique_of_track_switches_is_drawn_once_per_pair() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let n = 60;
    let roles = (0..n)
        .map(|i| {
            let others: Vec<String> = (0..n)
                .filter(|&j| j != i)
                .map(|j| format!("r{j}"))
                .collect();
            role(&format!("r{i}"), 1, json!({"lateral": others}))
        })
        .collect();
    let file = catalogue(dir.path(), roles, one_track());
    let dot = run(&file, 80, &["graph", "-o", "dot"]);
    let switches = dot.lines().filter(|l| l.contains("dir=both")).count();
    // One edge per pair, and the legend's sample.
    assert_eq!(switches, n * (n - 1) / 2 + 1);
    let mermaid = run(&file, 80, &["graph", "-o", "mermaid"]);
    assert_eq!(mermaid.matches("<-.->").count(), n * (n - 1) / 2 + 1);
}

/// The node ids a Mermaid flowchart declares: `id[` at the start of a line.
fn mermaid_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let line = line
                .trim_start()
                .strip_prefix("subgraph ")
                .unwrap_or(line.trim_start());
            let (id, _) = line.split_once('[')?;
            (!id.contains(' ')).then(|| id.to_owned())
        })
        .collect()
}

#[test]
fn mermaid_gives_every_role_and_track_its_own_id() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let roles = vec![
        role("track-ic", 1, json!({"track": "ic", "next": ["a-b"]})),
        role(
            "a-b",
            2,
            json!({"track": "ic", "lateral": ["track-track-ic"]}),
        ),
        role("track-track-ic", 2, json!({"track": "track-ic"})),
        role(
            "r-track-ic",
            3,
            json!({"track": "track-ic", "reports_to": []}),
        ),
    ];
    // Roles `track-ic` and `track-track-ic` clean up as the tracks `ic` and `track-ic` do.
    let tracks = json!([{"id": "ic", "name": "IC"}, {"id": "track-ic", "name": "Track IC"}]);
    let file = catalogue(dir.path(), roles, tracks);
    for args in [
        &["graph", "-o", "mermaid"][..],
        &["path", "track-ic", "a-b", "-o", "mermaid"],
    ] {
        let text = run(&file, 80, args);
        let ids = mermaid_ids(&text);
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}\n{text}");
        assert_eq!(
            ids.iter().filter(|id| id.starts_with("r_")).count(),
            6,
            "{ids:?}"
        );
    }
}

#[test]
fn titles_come_through_pictures_and_markdown_as_they_are() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let roles = vec![
        role(
            "a",
            1,
            json!({"title": "`tick and #quot; and \"q\"", "next": ["b"]}),
        ),
        role(
            "b",
            2,
            json!({"title": "Back\\slash <!-- hidden", "reports_to": []}),
        ),
    ];
    let file = catalogue(dir.path(), roles, one_track());
    let mermaid = run(&file, 80, &["graph", "-o", "mermaid"]);
    assert!(
        mermaid.contains("[\"#96;tick and #35;quot; and #quot;q#quot;\"]"),
        "{mermaid}"
    );
    assert!(mermaid.contains("Back\\slash #lt;!-- hidden"), "{mermaid}");
    let dot = run(&file, 80, &["graph", "-o", "dot"]);
    assert!(
        dot.contains("label=\"`tick and #quot; and \\\"q\\\"\na\""),
        "{dot}"
    );
    assert!(dot.contains("\"Back\\\\slash <!-- hidden\nb\""), "{dot}");
    for args in [
        &["show", "b", "-o", "markdown"][..],
        &["path", "a", "b", "-o", "markdown"],
    ] {
        let markdown = run(&file, 80, args);
        // `\<` is a literal `<` in Markdown, and `&lt;` in a table cell.
        assert!(!markdown.replace("\\<", "").contains("<!--"), "{markdown}");
        assert!(markdown.contains("Back\\\\slash"), "{markdown}");
    }
}

/// The line of years under a timeline's axis, and the rule above it.
fn axis(text: &str) -> (&str, &str) {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|line| line.starts_with("Years from the start"))
        .expect("a timeline");
    (lines[at - 2], lines[at - 1])
}

#[test]
fn the_years_under_a_long_timeline_never_run_together() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (count, years) in [(100, 45.0), (30, 3.0), (12, 0.4)] {
        let roles = (0..count)
            .map(|n| {
                let next = if n + 1 < count {
                    json!([format!("r{}", n + 1)])
                } else {
                    json!([])
                };
                let tenure = json!({"min": years * 0.8, "max": years, "estimate": true});
                role(
                    &format!("r{n}"),
                    n as u32 + 1,
                    json!({"next": next, "tenure": tenure}),
                )
            })
            .collect();
        let file = catalogue(dir.path(), roles, one_track());
        for columns in [40, 60, 100] {
            let last = format!("r{}", count - 1);
            let text = run(&file, columns, &["path", "r0", &last]);
            let (rule, numbers) = axis(&text);
            let mut previous = -1.0;
            let mut labels = Vec::new();
            for (at, number) in numbers.match_indices(|c: char| !c.is_whitespace()) {
                // Each number starts under a tick, and is more than the one before.
                if numbers[..at].ends_with(|c: char| !c.is_whitespace()) {
                    continue;
                }
                let end = numbers[at..].find(' ').map_or(numbers.len(), |n| at + n);
                let value: f64 = numbers[at..end].parse().expect(number);
                // Within the route's span: not two numbers run together.
                assert!(
                    value > previous && value <= f64::from(count) * years,
                    "{numbers}"
                );
                labels.push(value);
                assert_eq!(rule.as_bytes().get(at), Some(&b'+'), "{rule}\n{numbers}");
                previous = value;
            }
            assert!(labels.len() >= 3, "{numbers}");
            // A tick every so many years, evenly.
            let step = labels[1] - labels[0];
            assert!(
                labels.windows(2).all(|w| (w[1] - w[0] - step).abs() < 1e-9),
                "{numbers}"
            );
        }
    }
}

#[test]
fn a_route_of_no_time_still_gets_an_axis_with_a_scale() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let zero = json!({"min": 0, "max": 0, "estimate": true});
    let roles = vec![
        role("a", 1, json!({"next": ["b"], "tenure": zero})),
        role("b", 2, json!({"tenure": zero})),
    ];
    let file = catalogue(dir.path(), roles, one_track());
    let text = run(&file, 80, &["path", "a", "b"]);
    let (_, numbers) = axis(&text);
    assert_eq!(
        numbers.split_whitespace().collect::<Vec<_>>(),
        ["0", "1"],
        "{numbers}"
    );
}

#[test]
fn line_breaks_and_tabs_in_text_are_drawn_safely() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let roles = vec![
        role(
            "a",
            1,
            json!({
                "summary": "Line one\nline two\twith a tab",
                "responsibilities": ["Resp with\ttab", "Resp | pipe\nnewline"],
                "tenure": {"min": 1, "max": 2, "estimate": true, "note": "note\nnl"},
                "next": ["b"],
            }),
        ),
        role("b", 2, json!({})),
    ];
    let file = catalogue(dir.path(), roles, one_track());
    for args in [
        &["show", "a"][..],
        &["compare", "a", "b"],
        &["search", "resp"],
        &["path", "a", "b"],
    ] {
        let text = run(&file, 60, args);
        assert!(!text.contains('\t'), "{args:?}: {text}");
        assert!(
            text.lines().all(|line| line.width() <= 60),
            "{args:?}: {text}"
        );
    }
    for args in [
        &["show", "a", "-o", "markdown"][..],
        &["compare", "a", "b", "-o", "markdown"],
    ] {
        let text = run(&file, 60, args);
        // Every line is a heading, a table row, or blank: no cell is cut by a line break.
        for line in text.lines() {
            let row = line.starts_with('|') && line.ends_with('|');
            assert!(
                line.is_empty() || line.starts_with("## ") || line.starts_with("From ") || row,
                "{args:?}: {line:?}\n{text}"
            );
        }
        assert!(!text.contains('\t'), "{text}");
    }
}

/// A small ladder with long titles and ids, for tables at narrow widths.
fn narrow_ladder(dir: &Path) -> String {
    let roles = (1..=6)
        .map(|n| {
            let next = if n < 6 {
                json!([format!("role-with-a-long-id-{}", n + 1)])
            } else {
                json!([])
            };
            let mut r = role(
                &format!("role-with-a-long-id-{n}"),
                n,
                json!({"next": next}),
            );
            r["title"] = json!(format!("A rather long title for the role at level {n}"));
            r["summary"] = json!("A summary of several words that must wrap at narrow widths.");
            r
        })
        .collect();
    catalogue(dir, roles, one_track())
}

#[test]
fn tables_fit_narrow_terminals_without_one_letter_columns() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = narrow_ladder(dir.path());
    let commands: [&[&str]; 5] = [
        &["path", "role-with-a-long-id-1", "role-with-a-long-id-6"],
        &["list"],
        &["show", "role-with-a-long-id-3"],
        &["compare", "role-with-a-long-id-1", "role-with-a-long-id-2"],
        &["search", "summary"],
    ];
    for columns in [0u16, 40, 45, 50, 55, 59, 60, 80] {
        let width = usize::from(columns.max(40));
        for args in commands {
            let text = run(&file, columns, args);
            for line in text.lines() {
                assert!(line.width() <= width, "COLUMNS={columns} {args:?}:\n{text}");
            }
            // No column narrower than three letters and its padding, but the step numbers of
            // `path` (`#`, one digit).
            for top in text.lines().filter(|line| line.starts_with('╭')) {
                let inner = top.trim_start_matches('╭').trim_end_matches('╮');
                for (n, column) in inner.split('┬').enumerate() {
                    let numbers = args[0] == "path" && n == 0;
                    assert!(
                        numbers || column.chars().count() >= 5,
                        "COLUMNS={columns} {args:?}:\n{text}"
                    );
                }
            }
            // Where there is room, words are never cut: whole in some cell of the table (or
            // some line, where `list` gives up its table for a block per role).
            let cells: Vec<&str> = text
                .lines()
                .filter(|line| line.starts_with('│') || args[0] == "list")
                .flat_map(|line| line.split(['│', '┆']))
                .map(str::trim)
                .collect();
            if columns >= 60 && args[0] != "search" {
                for word in ["rather", "title", "level"] {
                    let whole = cells.iter().any(|cell| cell.split(' ').any(|w| w == word));
                    assert!(whole, "COLUMNS={columns} {args:?}: {word}\n{text}");
                }
            }
        }
    }
}

#[test]
fn ascii_applies_to_tables_and_years_are_counted_in_english() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let one = json!({"min": 1, "max": 1, "estimate": true});
    let roles = vec![
        role("a", 1, json!({"next": ["b"], "tenure": one})),
        role("b", 2, json!({"next": ["c"], "tenure": one})),
        role(
            "c",
            3,
            json!({"tenure": {"min": 1, "max": 3, "estimate": true}}),
        ),
    ];
    let file = catalogue(dir.path(), roles, one_track());
    for args in [
        &["path", "a", "c"][..],
        &["show", "a"],
        &["list"],
        &["compare", "a", "b"],
    ] {
        let mut ascii = args.to_vec();
        ascii.push("--ascii");
        let text = run(&file, 80, &ascii);
        assert!(text.is_ascii(), "{args:?}:\n{text}");
        for format in ["table", "markdown"] {
            let mut with_format = args.to_vec();
            with_format.extend(["-o", format]);
            let text = run(&file, 80, &with_format);
            for bad in [" 1 years", "(1 years", "|1 years"] {
                assert!(!text.contains(bad), "{args:?} {format}:\n{text}");
            }
        }
    }
    let text = run(&file, 80, &["path", "a", "b"]);
    assert!(text.contains("an estimated 1 year ("), "{text}");
    assert!(text.contains("┆ 1 year est. "), "{text}");
}
