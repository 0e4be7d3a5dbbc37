//! Wide text (CJK, emoji, accents) in titles, prose and search hits: every line of every
//! command's output for people fits the width asked for, measured in terminal columns.

use std::time::Duration;

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

const WIDE: &str = "tests/fixtures/render/wide.yaml";

/// `ladder --catalogue WIDE ARGS` with `COLUMNS` set; its stdout.
fn run(columns: u16, args: &[&str]) -> String {
    let output = Command::cargo_bin("ladder")
        .expect("the binary is built")
        .env_remove("LADDER_CATALOGUE")
        .env("NO_COLOR", "1")
        .env("COLUMNS", columns.to_string())
        .args(["--catalogue", WIDE])
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

const COMMANDS: &[&[&str]] = &[
    &["show", "pm"],
    &["show", "senior"],
    &["compare", "pm", "head"],
    &["path", "pm", "head"],
    &["path", "pm", "head", "--ascii"],
    &["list"],
    &["search", "产品"],
    &["search", "🚀"],
    &["tree"],
];

#[test]
fn every_line_fits_the_width_in_columns() {
    for &columns in &[40u16, 47, 50, 60, 80, 100] {
        for args in COMMANDS {
            let text = run(columns, args);
            for line in text.lines() {
                assert!(
                    line.width() <= usize::from(columns),
                    "COLUMNS={columns} ladder {args:?}: {} columns:\n{line}\n\n{text}",
                    line.width()
                );
            }
        }
    }
}

#[test]
fn search_hits_in_text_without_spaces_wrap_and_keep_every_character() {
    let text = run(40, &["search", "产品"]);
    // The 60-character responsibility is wrapped over several lines, none of them lost.
    let joined: String = text
        .lines()
        .map(|line| {
            line.trim_start_matches(' ')
                .trim_start_matches("responsibility")
        })
        .map(str::trim)
        .collect();
    assert!(
        joined.contains("制定产品路线图并与工程设计团队协作推动跨部门的长期战略规划"),
        "{text}"
    );
    assert!(text.lines().count() > 10, "{text}");
}

#[test]
fn the_timeline_lines_up_wide_titles() {
    let text = run(60, &["path", "pm", "head", "--ascii"]);
    // The first role starts at year 0: its bar starts in the column of the axis's first tick,
    // however wide the characters of its title.
    let first = text
        .lines()
        .find(|line| line.starts_with("产品经理 ") && line.contains('#'))
        .expect("the first role's bar");
    let rule = text
        .lines()
        .find(|line| line.starts_with(' ') && line.trim_start().starts_with("+-"))
        .expect("the axis");
    let bar = first
        .get(..first.find('#').expect("a bar"))
        .map(UnicodeWidthStr::width);
    let tick = rule
        .get(..rule.find('+').expect("a tick"))
        .map(UnicodeWidthStr::width);
    assert_eq!(bar, tick, "{text}");
}
