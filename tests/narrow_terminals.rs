//! `list` on a narrow terminal stays readable, and piped output takes its width from the terminal
//! it is read on (stderr's or /dev/tty's), `COLUMNS` first; with no terminal, a fixed width.
#![cfg(unix)]

use std::process::Command;

const LADDER: &str = env!("CARGO_BIN_EXE_ladder");

/// Every role's title and id, from `list -o json`.
fn roles() -> Vec<(String, String)> {
    let output = Command::new(LADDER)
        .args(["list", "-o", "json"])
        .env_remove("LADDER_CATALOGUE")
        .output()
        .expect("ladder runs");
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    rows["roles"]
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| {
            (
                r["title"].as_str().expect("title").into(),
                r["id"].as_str().expect("id").into(),
            )
        })
        .collect()
}

/// The list is no wider than `width`, and every title and id is printed whole on one line.
fn assert_readable(stdout: &str, width: usize) {
    for line in stdout.lines() {
        assert!(
            line.chars().count() <= width,
            "{} columns: {line}",
            line.chars().count()
        );
        assert!(!line.contains('\u{1b}'), "colour in piped output: {line:?}");
    }
    for (title, id) in roles() {
        assert!(
            stdout.lines().any(|l| l.contains(&title)),
            "{title} broken:\n{stdout}"
        );
        assert!(
            stdout.lines().any(|l| l.contains(&id)),
            "{id} broken:\n{stdout}"
        );
    }
}

#[test]
fn list_at_60_columns_keeps_every_title_and_id_whole() {
    for width in [40, 60, 72] {
        let output = Command::new(LADDER)
            .arg("list")
            .env("COLUMNS", width.to_string())
            .env_remove("LADDER_CATALOGUE")
            .output()
            .expect("ladder runs");
        assert_eq!(output.status.code(), Some(0));
        let stdout = String::from_utf8(output.stdout).expect("UTF-8");
        assert_readable(&stdout, width);
        // Two lines a role, up to four where a long title, id and level wrap, below the
        // catalogue's description and above its tracks': not one letter a line.
        let blocks = stdout
            .lines()
            .skip_while(|l| !l.contains("(entry)"))
            .take_while(|l| !l.contains("): "))
            .count();
        assert!(blocks <= 4 * roles().len(), "{stdout}");
    }
}

/// Runs `sh -c command` on a terminal `cols` columns wide (with `script`), stdout of ladder piped.
fn on_a_terminal(cols: u16, command: &str) -> Option<String> {
    let script = format!("stty rows 24 cols {cols}; {command}");
    let output = Command::new("script")
        .args(["-qec", &script, "/dev/null"])
        .env_remove("LADDER_CATALOGUE")
        .env_remove("COLUMNS")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n"))
}

#[test]
fn piped_output_takes_the_width_of_the_attached_terminal_and_columns_wins() {
    let Some(narrow) = on_a_terminal(60, &format!("{LADDER} list | cat")) else {
        eprintln!("skipped: `script` cannot give this test a terminal");
        return;
    };
    assert_readable(&narrow, 60);
    // stderr away from the terminal: the width comes from /dev/tty.
    let tty = on_a_terminal(60, &format!("{LADDER} list 2>/dev/null | cat")).expect("runs");
    assert_eq!(tty, narrow);
    let columns = on_a_terminal(60, &format!("COLUMNS=120 {LADDER} list | cat")).expect("runs");
    assert!(columns.lines().any(|l| l.chars().count() > 60), "{columns}");
    // With no terminal at all, the fixed width (100) is kept.
    let output = Command::new("setsid")
        .args(["-w", LADDER, "list"])
        .env_remove("COLUMNS")
        .env_remove("LADDER_CATALOGUE")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output();
    if let Ok(output) = output {
        let stdout = String::from_utf8_lossy(&output.stdout);
        let widest = stdout.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert_eq!(widest, 100, "{stdout}");
    }
}
