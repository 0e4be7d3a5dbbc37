//! Completions in a real bash and the man page through the real man/groff (Debian's `bash`,
//! `man-db` and `groff`, installed by `.ci/run` when missing).

use std::io::Write;
use std::process::{Command as Process, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use assert_cmd::Command;

use crate::support::tools;
use tools::have;

fn ladder(args: &[&str]) -> String {
    let output = Command::cargo_bin("ladder")
        .expect("the binary is built")
        .env_remove("LADDER_CATALOGUE")
        .args(args)
        .output()
        .expect("runs");
    assert!(output.status.success(), "ladder {args:?} failed");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Sources the bash completion script and completes `line` (the cursor at its end), as bash
/// would on TAB; returns the candidates.
fn complete_in_bash(script: &str, line: &str) -> Vec<String> {
    // One file per call: the tests of this file run in parallel in one process.
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("ladder-completion-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("ladder.bash");
    std::fs::write(&path, script).expect("writes the script");
    let driver = r#"
source "$1"
COMP_LINE="$2"
COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMPREPLY=()
_ladder ladder "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let output = Process::new("bash")
        .args(["--norc", "--noprofile", "-c", driver, "driver"])
        .arg(&path)
        .arg(line)
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "bash: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_a_command_from_its_first_letters() {
    let script = ladder(&["completions", "bash"]);
    assert_eq!(complete_in_bash(&script, "ladder sh"), ["show"]);
}

#[test]
fn bash_offers_the_role_ids_where_a_role_is_expected() {
    let script = ladder(&["completions", "bash"]);
    let candidates = complete_in_bash(&script, "ladder show ");
    for id in ["cpo", "vp-product", "associate-pm"] {
        assert!(candidates.iter().any(|c| c == id), "{id}: {candidates:?}");
    }
    let candidates = complete_in_bash(&script, "ladder path pm cpo --avoid ");
    assert!(
        candidates.iter().any(|c| c == "director-pm"),
        "{candidates:?}"
    );
}

#[test]
fn completion_offers_the_roles_of_the_catalogue_in_use() {
    let catalogue = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/engineering.yaml");
    let script = ladder(&["--catalogue", catalogue, "completions", "bash"]);
    let candidates = complete_in_bash(&script, "ladder show ");
    assert!(!candidates.iter().any(|c| c == "cpo"), "{candidates:?}");
    assert!(candidates.len() > 3, "{candidates:?}");
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = ladder(&["completions", shell]);
        assert!(script.contains("ladder"), "{shell}");
    }
    // clap_complete completes argument values for these three.
    for shell in ["bash", "zsh", "fish"] {
        let script = ladder(&["completions", shell]);
        assert!(script.contains("cpo"), "{shell}: role ids offered");
    }
}

#[test]
fn man_renders_the_man_page_without_a_warning() {
    if !have("man", "man-db groff") {
        return;
    }
    let page = ladder(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH ladder"),
        "{page}"
    );
    let mut child = Process::new("man")
        .args(["--warnings", "-l", "-"])
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("man is installed (apt-get install man-db groff; .ci/run does it)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(page.as_bytes())
        .expect("writes");
    let output = child.wait_with_output().expect("man runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "man warned: {stderr}");
    // Bold and underline come as overstrikes (`X\bX`) when not on a terminal: drop them.
    let raw: Vec<char> = String::from_utf8_lossy(&output.stdout).chars().collect();
    let mut text = String::new();
    for (i, &c) in raw.iter().enumerate() {
        let struck = raw.get(i + 1) == Some(&'\u{8}');
        if c != '\u{8}' && !struck {
            text.push(c);
        }
    }
    assert!(text.contains("SYNOPSIS"), "{text}");
    assert!(text.contains("completions"), "{text}");
    // One page for everything: each command has its own part, with its examples.
    assert!(text.contains("ladder path [OPTIONS] <FROM> <TO>"), "{text}");
    assert!(text.contains("ladder path pm cpo --by steps"), "{text}");
    assert!(!text.contains("ladder-show(1)"), "{text}");
}
