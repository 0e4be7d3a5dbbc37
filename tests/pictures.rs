//! The pictures, drawn by the real Graphviz: `graph`, `path` and `tree` in DOT must render with
//! `dot -Tsvg` (Debian's `graphviz`, installed by `.ci/run`), and `docs/ladder.svg` must be the
//! picture of the built-in ladder as it is now.

use std::io::Write;
use std::process::{Command as Process, Stdio};

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

/// Renders DOT with Graphviz; returns the SVG and whatever Graphviz said on stderr.
fn render_svg(dot: &str) -> (String, String) {
    let mut child = Process::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` is installed (apt-get install graphviz; .ci/run does it)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("writes");
    let output = child.wait_with_output().expect("dot runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "dot failed: {stderr}\n{dot}");
    (String::from_utf8(output.stdout).expect("UTF-8"), stderr)
}

#[test]
fn graphviz_renders_the_whole_ladder_without_a_warning() {
    if !have("dot", "graphviz") {
        return;
    }
    let (svg, stderr) = render_svg(&ladder(&["graph"]));
    assert!(svg.contains("<svg"), "{svg}");
    assert!(svg.contains("Chief Product Officer"));
    assert!(svg.contains("Legend"));
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn graphviz_renders_a_route_on_the_ladder_and_the_route_is_marked() {
    if !have("dot", "graphviz") {
        return;
    }
    let dot = ladder(&["path", "pm", "cpo", "-o", "dot"]);
    let (svg, stderr) = render_svg(&dot);
    assert!(svg.contains("<svg"));
    assert!(stderr.is_empty(), "{stderr}");
    let marked = dot
        .lines()
        .filter(|l| l.contains("->") && l.contains("penwidth=3.5"))
        .count();
    // Each move of the route, and the legend's sample of a route.
    let path: serde_json::Value =
        serde_json::from_str(&ladder(&["path", "pm", "cpo", "-o", "json"])).expect("JSON");
    let moves = path["routes"][0]["steps"].as_array().expect("steps").len() - 1;
    assert_eq!(marked, moves + 1, "{dot}");
    assert!(dot.contains("\"product-manager\" -> \"senior-pm\" [color=\"#1f4e79\", penwidth=1.3, color=\"#c0392b\", penwidth=3.5]"));
}

#[test]
fn graphviz_renders_the_reporting_tree() {
    if !have("dot", "graphviz") {
        return;
    }
    let (svg, stderr) = render_svg(&ladder(&["tree", "-o", "dot"]));
    assert!(svg.contains("<svg"));
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn the_ladder_picture_in_the_docs_shows_every_role_of_the_built_in_ladder() {
    // Regenerate with: cargo run -- graph | dot -Tsvg > docs/ladder.svg
    let svg = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ladder.svg"))
        .expect("docs/ladder.svg exists");
    let roles: serde_json::Value =
        serde_json::from_str(&ladder(&["list", "-o", "json"])).expect("JSON");
    for role in roles["roles"].as_array().expect("array") {
        let id = role["id"].as_str().expect("id");
        assert!(
            svg.contains(&format!("<title>{}</title>", id.replace('-', "&#45;"))),
            "docs/ladder.svg lacks {id}: run `cargo run -- graph | dot -Tsvg > docs/ladder.svg`"
        );
    }
}
