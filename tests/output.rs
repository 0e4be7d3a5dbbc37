//! Whole-binary tests of the output formats: the JSON contract, YAML mirroring it, Markdown
//! tables, usage errors for formats a command cannot give, colour, widths, help, search and tree.
//! Snapshots (insta, under tests/snapshots/) hold the exact output of each format on a small
//! fixture ladder (tests/fixtures/render/).

use assert_cmd::Command;
use serde_json::Value;

/// The binary with an environment that cannot leak into the output.
fn ladder() -> Command {
    let mut command = Command::cargo_bin("ladder").expect("the binary is built");
    for name in [
        "LADDER_CATALOGUE",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "TERM",
    ] {
        command.env_remove(name);
    }
    command
}

/// Runs `ladder ARGS`, expects success, and returns stdout.
fn stdout(args: &[&str]) -> String {
    let output = ladder().args(args).output().expect("runs");
    assert!(
        output.status.success(),
        "ladder {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("valid JSON")
}

fn has_fields(value: &Value, fields: &[&str]) {
    for field in fields {
        assert!(value.get(field).is_some(), "missing `{field}` in {value}");
    }
}

#[test]
fn show_json_carries_every_field_of_the_contract() {
    let card = json(&["show", "cpo", "-o", "json"]);
    has_fields(
        &card,
        &[
            "id",
            "title",
            "aliases",
            "track",
            "level",
            "summary",
            "responsibilities",
            "expectations",
            "reports_to",
            "direct_reports",
            "time",
            "moves",
            "previous",
            "titles_by_company_size",
            "sources",
        ],
    );
    assert_eq!(card["id"], "cpo");
    has_fields(&card["level"], &["id", "rank"]);
    has_fields(&card["time"], &["in_role", "experience", "from_level"]);
    assert!(card["reports_to"].as_array().expect("array")[0].is_string());
}

#[test]
fn compare_json_holds_both_cards_and_what_they_share() {
    let comparison = json(&["compare", "vp", "head", "-o", "json"]);
    has_fields(
        &comparison,
        &["a", "b", "responsibilities", "areas", "step"],
    );
    assert_eq!(comparison["a"]["id"], "vp-product");
    assert_eq!(comparison["b"]["id"], "head-of-product");
    has_fields(
        &comparison["responsibilities"],
        &["shared", "only_a", "only_b"],
    );
    for area in comparison["areas"].as_array().expect("areas") {
        has_fields(
            area,
            &[
                "area", "name", "a", "b", "change", "only_a", "only_b", "shared",
            ],
        );
    }
}

#[test]
fn path_json_runs_from_the_first_role_to_the_last_with_a_total() {
    let path = json(&["path", "pm", "cpo", "-o", "json"]);
    assert_eq!(path["from"], "product-manager");
    assert_eq!(path["to"], "cpo");
    let route = &path["routes"][0];
    has_fields(route, &["steps", "total"]);
    let steps = route["steps"].as_array().expect("array");
    assert_eq!(steps[0]["id"], "product-manager");
    assert_eq!(steps.last().expect("a step")["id"], "cpo");
    for step in steps {
        has_fields(step, &["id", "title", "level", "in_role", "reached_after"]);
    }
    for step in &steps[1..] {
        has_fields(step, &["kind"]);
    }
    has_fields(
        &route["total"],
        &[
            "min",
            "steps",
            "unknown_steps",
            "estimated_steps",
            "sourced",
        ],
    );
}

#[test]
fn list_and_search_json_are_arrays_of_roles_with_id_title_track_and_level() {
    for args in [
        &["list", "-o", "json"][..],
        &["search", "roadmap", "-o", "json"][..],
    ] {
        let answer = json(args);
        let rows = answer
            .get("roles")
            .unwrap_or(&answer)
            .as_array()
            .expect("an array");
        assert!(!rows.is_empty());
        for row in rows {
            has_fields(row, &["id", "title", "track", "level"]);
        }
    }
}

#[test]
fn search_json_gives_the_field_and_text_of_each_match() {
    let hits = json(&["search", "ROADMAP", "-o", "json"]);
    let first = &hits[0];
    let matches = first["matches"].as_array().expect("an array");
    assert!(!matches.is_empty());
    for m in matches {
        has_fields(m, &["field", "text"]);
        let text = m["text"].as_str().expect("text").to_lowercase();
        assert!(text.contains("roadmap"), "{text}");
    }
}

#[test]
fn yaml_output_carries_the_same_data_as_the_json_output() {
    for args in [
        &["show", "cpo"][..],
        &["compare", "vp", "head"][..],
        &["path", "pm", "cpo"][..],
        &["list"][..],
        &["tree"][..],
        &["search", "strategy"][..],
    ] {
        let from_json = json(&[args, &["-o", "json"]].concat());
        let yaml = stdout(&[args, &["-o", "yaml"]].concat());
        let from_yaml: Value = ladder::catalogue::yaml::from_str(&yaml).expect("valid YAML");
        assert_eq!(from_json, from_yaml, "ladder {args:?}");
    }
}

#[test]
fn markdown_output_is_a_table_with_a_delimiter_row_and_escaped_pipes() {
    let text = stdout(&["list", "-o", "markdown"]);
    let lines: Vec<&str> = text.lines().collect();
    let lines: Vec<&str> = lines
        .into_iter()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert!(lines[0].starts_with("| Track | Level | Id | Title |"));
    assert!(lines[1].starts_with("| --- | --- |"));
    let columns = lines[0].matches(" | ").count();
    for line in &lines[2..] {
        assert_eq!(line.matches(" | ").count(), columns, "{line}");
    }
    let card = stdout(&["show", "cpo", "-o", "markdown"]);
    for line in card.lines().filter(|l| l.starts_with('|')) {
        // Two columns: three unescaped pipes.
        let unescaped = line.replace("\\|", "").matches('|').count();
        assert_eq!(unescaped, 3, "{line}");
    }
}

#[test]
fn a_format_a_command_cannot_give_is_a_usage_error_that_names_those_it_can() {
    let output = ladder()
        .args(["show", "cpo", "-o", "dot"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("table, json, yaml, markdown"), "{stderr}");
    let output = ladder()
        .args(["graph", "-o", "table"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("dot, mermaid, json, yaml"), "{stderr}");
}

#[test]
fn colour_always_colours_and_piped_output_or_no_color_does_not() {
    let coloured = stdout(&["--color", "always", "show", "cpo"]);
    assert!(coloured.contains("\x1b["));
    assert!(!stdout(&["show", "cpo"]).contains("\x1b["));
    let output = ladder()
        .args(["--color", "auto", "show", "cpo"])
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&output.stdout).contains("\x1b["));
    let output = ladder()
        .args(["show", "cpo"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&output.stdout).contains("\x1b["));
    let output = ladder()
        .args(["show", "cpo"])
        .env("CLICOLOR_FORCE", "1")
        .env("TERM", "dumb")
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&output.stdout).contains("\x1b["));
}

#[test]
fn every_table_fits_sixty_columns_when_columns_says_so() {
    for args in [
        &["show", "cpo"][..],
        &["path", "pm", "cpo"][..],
        &["path", "apm", "cpo", "--all"][..],
        &["compare", "vp", "head"][..],
        &["list"][..],
        &["tree"][..],
        &["search", "roadmap"][..],
        &["search", "product"][..],
    ] {
        let output = ladder()
            .args(args)
            .env("COLUMNS", "60")
            .output()
            .expect("runs");
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).expect("UTF-8");
        for line in text.lines() {
            // A web address alone on its line stays whole, so that it can be clicked and copied.
            let is_address = line.trim_start().starts_with("http") && !line.trim().contains(' ');
            assert!(
                line.chars().count() <= 60 || is_address,
                "ladder {args:?}: {} columns: {line}",
                line.chars().count()
            );
        }
    }
}

#[test]
fn search_highlights_the_match_when_colour_is_on() {
    let text = stdout(&["--color", "always", "search", "roadmap"]);
    assert!(text.contains("\x1b[1;33mroadmap\x1b[0m"), "{text}");
}

#[test]
fn search_finding_nothing_exits_1_with_a_short_message() {
    let output = ladder()
        .args(["search", "underwater basket weaving"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no role mentions"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn search_ignores_case_and_looks_in_aliases() {
    let hits = json(&["search", "cPo", "-o", "json"]);
    let cpo = hits
        .as_array()
        .expect("array")
        .iter()
        .find(|h| h["id"] == "cpo")
        .expect("the CPO is found");
    assert!(
        cpo["matches"]
            .as_array()
            .expect("array")
            .iter()
            .any(|m| m["field"] == "alias")
    );
}

/// A small ladder whose reporting lines the renderer tests can rely on, whatever the built-in
/// catalogue says (tests/fixtures/README.md).
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/render/ladder.yaml"
);

#[test]
fn the_tree_starts_at_the_top_and_marks_roles_with_several_bosses_as_repeats() {
    let text = stdout(&["--catalogue", FIXTURE, "tree"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Head of Design (head-of-design)");
    assert!(lines[1].starts_with("|-- "), "{text}");
    let designer_full = lines
        .iter()
        .filter(|l| l.contains("(designer)") && !l.contains("(see above)"))
        .count();
    assert_eq!(designer_full, 1, "{text}");
    assert!(text.contains("Product Designer (designer) (see above)"));
    assert!(!text.contains('│'), "ASCII when not a terminal");
}

#[test]
fn the_tree_from_a_role_shows_only_the_roles_below_it() {
    let tree = json(&[
        "--catalogue",
        FIXTURE,
        "tree",
        "design-manager",
        "-o",
        "json",
    ]);
    let roles = tree
        .as_array()
        .expect("an array of roles, in drawing order");
    assert_eq!(roles[0]["id"], "design-manager");
    assert_eq!(roles[0]["depth"], 0);
    let roots = roles.iter().filter(|r| r["depth"] == 0).count();
    assert_eq!(roots, 1);
    let reports: Vec<&str> = roles[0]["direct_reports"]
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r.as_str().expect("an id"))
        .collect();
    assert_eq!(reports, ["senior-designer", "designer"]);
    let text = stdout(&["--catalogue", FIXTURE, "tree", "design-manager"]);
    assert!(!text.contains("(head-of-design)"), "{text}");
    assert!(!text.contains("(lead-designer)"), "{text}");
}

#[test]
fn path_draws_a_timeline_under_the_table_in_ascii_when_piped() {
    let text = stdout(&["path", "pm", "cpo"]);
    let timeline: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with('╰'))
        .skip(2)
        .collect();
    assert!(timeline.len() > 6, "{text}");
    assert!(timeline[0].contains('#'));
    assert!(text.contains("+----"));
    // The table above keeps its box drawing; the timeline below it is plain ASCII when piped.
    assert!(
        timeline.iter().all(|line| line.is_ascii()),
        "{}",
        timeline.join("\n")
    );
}

#[test]
fn the_timeline_bars_climb_like_the_career_does() {
    let text = stdout(&["path", "pm", "cpo"]);
    let timeline: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with('╰'))
        .skip(2)
        .collect();
    // The bars start where the axis does: after the labels (which may hold "est.").
    let axis = timeline
        .iter()
        .find(|l| l.trim_start().starts_with('+'))
        .expect("an axis");
    let pad = axis.len() - axis.trim_start().len();
    let starts: Vec<usize> = timeline
        .iter()
        .take_while(|l| !l.trim_start().starts_with('+'))
        .map(|l| l[pad..].find(['#', '.', '^']).expect("a bar"))
        .collect();
    assert!(starts.len() >= 5, "{text}");
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "each step starts later: {starts:?}"
    );
}

#[test]
fn running_ladder_with_no_arguments_prints_a_short_overview() {
    let output = ladder().output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    // Two lines a command (its summary and an example), and a few around them.
    assert!(text.lines().count() < 32, "short: {text}");
    assert!(text.contains("$ ladder show cpo"));
    assert!(text.contains("ladder help COMMAND"));
    assert!(!text.contains("--catalogue"), "not the full help");
}

#[test]
fn every_command_help_has_a_summary_a_description_and_examples() {
    for command in [
        "show",
        "compare",
        "path",
        "list",
        "search",
        "tree",
        "graph",
        "completions",
        "man",
    ] {
        let help = stdout(&[command, "--help"]);
        let paragraphs: Vec<&str> = help.split("\n\n").collect();
        assert!(paragraphs.len() >= 4, "{command}: {help}");
        assert!(help.contains("Examples:\n  ladder "), "{command}: {help}");
    }
}

#[test]
fn role_names_for_completion_stay_out_of_the_help() {
    let help = stdout(&["show", "--help"]);
    assert!(!help.contains("associate-pm"), "{help}");
}

#[test]
fn the_mermaid_legend_samples_each_link_kind_and_every_link_style_names_a_real_link() {
    for args in [
        &["graph", "-o", "mermaid"][..],
        &["path", "pm", "cpo", "-o", "mermaid"][..],
    ] {
        let out = stdout(args);
        // Mermaid numbers links in the order they are written; linkStyle refers to those numbers.
        let links: Vec<&str> = out
            .lines()
            .filter(|line| {
                ["-->", "<-.->", "-.->", "-.-o", "--x"]
                    .iter()
                    .any(|a| line.contains(a))
            })
            .collect();
        let legend: Vec<usize> = (0..links.len())
            .filter(|&k| links[k].trim_start().starts_with("legend_"))
            .collect();
        let marked = args[0] == "path";
        assert_eq!(legend.len(), if marked { 5 } else { 4 }, "{out}");
        assert_eq!(
            legend[0],
            links.len() - legend.len(),
            "the legend comes last"
        );
        for (sample, name) in ["|promotion|", "|same rank|", "|step down|", "|reports to|"]
            .iter()
            .enumerate()
        {
            assert!(links[legend[sample]].contains(name), "{out}");
        }
        let styles: Vec<(Vec<usize>, &str)> = out
            .lines()
            .filter_map(|line| line.trim_start().strip_prefix("linkStyle "))
            .map(|rest| {
                let (numbers, style) = rest.split_once(' ').expect("numbers, then a style");
                let numbers = numbers.split(',').map(|n| n.parse().expect("a number"));
                (numbers.collect(), style)
            })
            .collect();
        for (numbers, _) in &styles {
            assert!(numbers.iter().all(|&n| n < links.len()), "{out}");
        }
        // The reports-to sample is grey like the reporting lines; the route sample red like the route.
        let styled = |n: usize| styles.iter().find(|(ns, _)| ns.contains(&n)).map(|s| s.1);
        assert_eq!(styled(legend[3]), styled(links.len() - legend.len() - 1));
        assert!(styled(legend[3]).is_some_and(|s| s.contains("#9a9a9a")));
        if marked {
            assert!(styled(legend[4]).is_some_and(|s| s.contains("#c0392b")));
        }
    }
}

/// The exact output of every format, on the small fixture ladder (tests/fixtures/render/), so
/// that editing the built-in data never moves a snapshot.
mod snapshots {
    use super::stdout;

    const LADDER: &str = "tests/fixtures/render/ladder.yaml";

    macro_rules! snapshot {
        ($name:ident, $($arg:expr),+) => {
            #[test]
            fn $name() {
                insta::assert_snapshot!(stdout(&["--catalogue", LADDER, $($arg),+]));
            }
        };
    }

    snapshot!(show_json, "show", "designer", "-o", "json");
    snapshot!(show_yaml, "show", "designer", "-o", "yaml");
    snapshot!(show_markdown, "show", "designer", "-o", "markdown");
    snapshot!(show_table, "show", "designer");
    snapshot!(
        compare_json,
        "compare",
        "senior-designer",
        "head-of-design",
        "-o",
        "json"
    );
    snapshot!(
        compare_yaml,
        "compare",
        "senior-designer",
        "head-of-design",
        "-o",
        "yaml"
    );
    snapshot!(
        compare_markdown,
        "compare",
        "senior-designer",
        "head-of-design",
        "-o",
        "markdown"
    );
    snapshot!(
        compare_table,
        "compare",
        "senior-designer",
        "head-of-design"
    );
    snapshot!(
        path_json,
        "path",
        "designer",
        "head-of-design",
        "--all",
        "-o",
        "json"
    );
    snapshot!(
        path_yaml,
        "path",
        "designer",
        "head-of-design",
        "-o",
        "yaml"
    );
    snapshot!(
        path_markdown,
        "path",
        "designer",
        "head-of-design",
        "--all",
        "-o",
        "markdown"
    );
    snapshot!(path_table, "path", "designer", "head-of-design", "--all");
    snapshot!(
        path_table_ascii,
        "path",
        "designer",
        "head-of-design",
        "--ascii"
    );
    snapshot!(path_dot, "path", "designer", "head-of-design", "-o", "dot");
    snapshot!(
        path_mermaid,
        "path",
        "designer",
        "head-of-design",
        "--all",
        "-o",
        "mermaid"
    );
    snapshot!(list_json, "list", "-o", "json");
    snapshot!(list_yaml, "list", "-o", "yaml");
    snapshot!(list_markdown, "list", "-o", "markdown");
    snapshot!(list_table, "list");
    snapshot!(search_json, "search", "designs", "-o", "json");
    snapshot!(search_yaml, "search", "designs", "-o", "yaml");
    snapshot!(search_markdown, "search", "designs", "-o", "markdown");
    snapshot!(search_table, "search", "designs");
    snapshot!(tree_json, "tree", "-o", "json");
    snapshot!(tree_yaml, "tree", "-o", "yaml");
    snapshot!(tree_markdown, "tree", "-o", "markdown");
    snapshot!(tree_table, "tree");
    snapshot!(tree_dot, "tree", "-o", "dot");
    snapshot!(tree_mermaid, "tree", "-o", "mermaid");
    snapshot!(graph_json, "graph", "-o", "json");
    snapshot!(graph_dot, "graph", "-o", "dot");
    snapshot!(graph_mermaid, "graph", "-o", "mermaid");
}
