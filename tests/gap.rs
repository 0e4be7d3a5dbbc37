//! Whole-binary tests of `ladder gap FROM TO` (and of `compare`'s competency rows) on a small
//! version 2 ladder of their own (`tests/fixtures/gap/ladder.yaml`: a scale, `includes`, two
//! tracks, sourced, estimated and unknown time, a role no route reaches), and on the built-in
//! ladder only for "it answers" (its content is being rewritten).

use serde_json::Value;

use crate::support::command as ladder;

const LADDER: &str = "tests/fixtures/gap/ladder.yaml";

/// Stdout of `ladder --catalogue LADDER ARGS`, which must succeed with nothing on stderr.
fn stdout(args: &[&str]) -> String {
    let output = ladder()
        .args(["--catalogue", LADDER])
        .args(args)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?}: {stderr}");
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["-o", "json"]);
    serde_json::from_str(&stdout(&all)).expect("stdout is JSON")
}

/// The area with this competency id.
fn area<'a>(gap: &'a Value, id: &str) -> &'a Value {
    gap["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .find(|a| a["area"] == id)
        .unwrap_or_else(|| panic!("no area {id} in {gap}"))
}

/// Words only, so that wrapping at the width does not matter.
fn words(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || "│┆╭╮╰╯─┬┴═╪╞╡".contains(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn gap_json_gives_each_area_now_and_at_the_target_with_the_steps_and_new_texts() {
    let gap = json(&["gap", "senior-pm", "group-pm"]);
    assert_eq!(gap["from"]["id"], "senior-pm");
    assert_eq!(gap["to"]["id"], "group-pm");
    assert_eq!(gap["direction"], "up");

    let strategy = area(&gap, "strategy");
    assert_eq!(strategy["from"], "practitioner");
    assert_eq!(strategy["to"], "expert");
    assert_eq!(strategy["change"], 1);
    assert_eq!(
        strategy["steps"],
        serde_json::json!([{"step": "expert", "at": "group-pm"}])
    );
    // Only what group PM is expected that senior PM is not: not the lines it includes from it.
    assert_eq!(
        strategy["new"],
        serde_json::json!(["Sets strategy across a portfolio."])
    );
    assert_eq!(strategy["unchanged"], false);

    let execution = area(&gap, "execution");
    assert_eq!(execution["from"], "practitioner");
    assert_eq!(execution["to"], "practitioner");
    assert_eq!(execution["unchanged"], true);
    assert_eq!(execution["new"], serde_json::json!([]));

    // An area without a scale: texts only, the included one left out as not new.
    let communication = area(&gap, "communication");
    assert_eq!(communication["from"], Value::Null);
    assert_eq!(
        communication["new"],
        serde_json::json!(["Represents the group on the leadership team."])
    );
}

#[test]
fn gap_json_says_what_changes_in_scope_and_reporting() {
    let gap = json(&["gap", "senior-pm", "group-pm"]);
    assert_eq!(gap["track"]["from"]["id"], "ic");
    assert_eq!(gap["track"]["to"]["id"], "management");
    assert_eq!(gap["track"]["to"]["manages"], true);
    assert_eq!(gap["switches_track"], true);
    assert_eq!(gap["level"]["from"]["rank"], 3.0);
    assert_eq!(gap["level"]["to"]["code"], "P4");
    assert_eq!(gap["manages_people"]["from"], false);
    assert_eq!(gap["manages_people"]["to"], true);
    assert_eq!(gap["reports_to"]["from"], serde_json::json!(["group-pm"]));
    assert_eq!(gap["reports_to"]["to"], serde_json::json!(["director"]));
    assert_eq!(
        gap["direct_reports"]["to"],
        serde_json::json!(["apm", "pm", "senior-pm"])
    );
    // Senior PM owns a product area's strategy too: only hiring is new.
    assert_eq!(
        gap["new_responsibilities"],
        serde_json::json!(["Hires and coaches a team of PMs."])
    );
}

#[test]
fn gap_follows_the_best_route_and_says_what_its_years_rest_on() {
    let gap = json(&["gap", "senior-pm", "director"]);
    let route = &gap["route"];
    let ids: Vec<&str> = route["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["senior-pm", "group-pm", "director"]);
    assert_eq!(route["steps"][1]["kind"], "promotion and track switch");
    assert_eq!(route["steps"][1]["condition"], "A team to lead opens up.");
    assert_eq!(route["steps"][2]["kind"], "promotion");
    assert_eq!(route["track_switches"], 1);
    // Senior PM's 2–4 is sourced, group PM's 2–3 an estimate.
    assert_eq!(route["years"]["min"], 4.0);
    assert_eq!(route["years"]["max"], 7.0);
    assert_eq!(route["years"]["estimated_steps"], 1);
    assert_eq!(route["years"]["sourced"], false);
    // Each step of the scale with the role of the route first expected at it.
    assert_eq!(
        area(&gap, "strategy")["steps"],
        serde_json::json!([
            {"step": "expert", "at": "group-pm"},
            {"step": "leading", "at": "director"}
        ])
    );

    let table = words(&stdout(&["gap", "senior-pm", "director"]));
    for expected in [
        "Senior Product Manager → Group Product Manager (promotion and track switch, if: A team to \
         lead opens up.) → Director of Product (promotion)",
        "about 4–7 years (1 of 2 figures is an estimate)",
        "switching track once",
        "+2 steps: expert (at group-pm), leading (at director)",
    ] {
        assert!(table.contains(expected), "{expected:?} in {table}");
    }
}

#[test]
fn gap_table_marks_areas_with_no_change_and_the_track_switch() {
    // Wide enough for the areas' table.
    let output = ladder()
        .args(["--catalogue", LADDER, "gap", "senior-pm", "group-pm"])
        .env("COLUMNS", "120")
        .output()
        .expect("runs");
    let table = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(table.contains("What changes"), "{table}");
    let text = words(&table);
    assert!(
        text.starts_with(
            "From Senior Product Manager (senior-pm) to Group Product Manager (group-pm)"
        ),
        "{text}"
    );
    for expected in [
        "A move up, from P3 Senior to P4 Lead, with a track switch from Individual \
         contributor to People management.",
        "Group Product Manager manages people; Senior Product Manager does not.",
        "typically 2–4 years",
        "Execution practitioner (2 of 3) practitioner (2 of 3) no change",
        "+1 step: manages",
        "Manages people no yes",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    for width in [40usize, 60, 100, 130] {
        let narrow = ladder()
            .args(["--catalogue", LADDER, "gap", "senior-pm", "director"])
            .env("COLUMNS", width.to_string())
            .output()
            .expect("runs");
        let narrow = String::from_utf8(narrow.stdout).expect("UTF-8");
        for line in narrow.lines() {
            assert!(line.chars().count() <= width, "{width}: {line}");
        }
        // Below 110 columns the areas are a list, an area to a paragraph, under a line that
        // says which side is which; wider, a table.
        let text = words(&narrow);
        let list = text.contains(
            "Competency: Senior Product Manager (now) → Director of Product (target) \
             Product strategy: practitioner (3 of 5) → leading (5 of 5)",
        ) && text
            .contains("People leadership: mentors (1 of 3) → leads-managers (3 of 3)");
        if width == 40 {
            // A bullet's text wraps under its first word; an unchanged area says so.
            assert!(
                narrow.contains("  • Represents the group on the\n    leadership team."),
                "{narrow}"
            );
            assert!(text.contains("practitioner (2 of 3) no change"), "{narrow}");
        }
        let table = narrow.contains("What changes");
        assert_eq!(
            (list, table),
            (width < 110, width >= 110),
            "{width}: {narrow}"
        );
    }
}

#[test]
fn gap_markdown_is_a_heading_and_two_tables() {
    let markdown = stdout(&["gap", "senior-pm", "group-pm", "-o", "markdown"]);
    assert!(
        markdown.starts_with(
            "## From Senior Product Manager (`senior-pm`) to Group Product Manager (`group-pm`)\n"
        ),
        "{markdown}"
    );
    for expected in [
        "| Competency | Senior Product Manager (now) | Group Product Manager (target) | What changes |",
        "| **Product strategy** | practitioner (3 of 5) | expert (4 of 5) | +1 step: expert<br>• Sets strategy across a portfolio. |",
        "| **Execution** | practitioner (2 of 3) | practitioner (2 of 3) | no change |",
        "| **Manages people** | no | yes |",
        "| **New responsibilities** | — | • Hires and coaches a team of PMs. |",
    ] {
        assert!(markdown.contains(expected), "{expected:?} in {markdown}");
    }
}

#[test]
fn gap_yaml_holds_the_json_fields() {
    let yaml = stdout(&["gap", "senior-pm", "group-pm", "-o", "yaml"]);
    for expected in [
        "direction: up",
        "switches_track: true",
        "new_responsibilities:",
    ] {
        assert!(yaml.contains(expected), "{expected:?} in {yaml}");
    }
}

#[test]
fn with_no_route_the_gap_is_still_given_and_says_no_route_joins_them() {
    let gap = json(&["gap", "pm", "head-of-design"]);
    assert_eq!(gap["route"], Value::Null);
    let people = area(&gap, "people");
    assert_eq!(people["from"], Value::Null);
    assert_eq!(people["to"], "leads-managers");
    // From no proficiency (not rated, so not known to stand below the scale): the target step
    // alone, not placed on a route.
    assert_eq!(
        people["steps"],
        serde_json::json!([{"step": "leads-managers"}])
    );
    assert_eq!(
        people["new"],
        serde_json::json!(["Leads the design managers."])
    );

    let text = words(&stdout(&["gap", "pm", "head-of-design"]));
    assert!(
        text.contains("No route joins them: no chain of moves in this catalogue leads from Product Manager to Head of Design."),
        "{text}"
    );
    assert!(text.contains("to reach: leads-managers"), "{text}");
    let markdown = stdout(&["gap", "pm", "head-of-design", "-o", "markdown"]);
    assert!(markdown.contains("No route joins them"), "{markdown}");
}

#[test]
fn a_lower_target_is_a_step_down_not_a_gap() {
    let gap = json(&["gap", "group-pm", "pm"]);
    assert_eq!(gap["direction"], "down");
    let strategy = area(&gap, "strategy");
    assert_eq!(strategy["change"], -2);
    // Going down, no step is "reached" along the route.
    assert_eq!(
        strategy["steps"],
        serde_json::json!([{"step": "practitioner"}, {"step": "working"}])
    );
    assert_eq!(
        gap["route"]["steps"][1]["kind"],
        "step down and track switch"
    );
    let text = words(&stdout(&["gap", "group-pm", "pm"]));
    assert!(
        text.contains("A step down, not a gap: from P4 Lead to P2"),
        "{text}"
    );
    assert!(text.contains("-2 steps: practitioner, working"), "{text}");
    assert!(!text.contains("A move up"), "{text}");
}

#[test]
fn the_same_rank_on_another_track_is_a_move_across() {
    let gap = json(&["gap", "lead-pm", "group-pm"]);
    assert_eq!(gap["direction"], "across");
    assert_eq!(gap["route"]["steps"][1]["kind"], "track switch");
    let text = words(&stdout(&["gap", "lead-pm", "group-pm"]));
    assert!(
        text.contains("A move across, at the same level (P4 Lead), with a track switch"),
        "{text}"
    );
    let same = words(&stdout(&["gap", "pm", "pm"]));
    assert!(
        same.contains("The same role: there is nothing to grow."),
        "{same}"
    );
}

#[test]
fn an_unknown_role_is_an_error_with_nothing_on_stdout() {
    let output = ladder()
        .args(["--catalogue", LADDER, "gap", "senior-pm", "nobody"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("ladder: error: "), "{stderr}");
}

#[test]
fn compare_lines_the_two_roles_up_area_by_area() {
    let c = json(&["compare", "senior-pm", "director"]);
    let strategy = c["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .find(|a| a["area"] == "strategy")
        .expect("strategy");
    assert_eq!(strategy["steps"], serde_json::json!(["expert", "leading"]));
    assert_eq!(strategy["unchanged"], false);
    let text = words(&stdout(&["compare", "senior-pm", "director"]));
    for expected in [
        "Product strategy practitioner (3 of 5) leading (5 of 5) +2 steps: expert, leading",
        "Execution practitioner (2 of 3) practitioner (2 of 3) no change",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    // Areas neither role names are left out: head of design names only people leadership and
    // the associate PM names no people area.
    let c = json(&["compare", "apm", "head-of-design"]);
    let names: Vec<&str> = c["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .map(|a| a["area"].as_str().expect("id"))
        .collect();
    assert_eq!(names, ["strategy", "execution", "people", "communication"]);
    let c = json(&["compare", "head-of-design", "head-of-design"]);
    let names: Vec<&str> = c["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .map(|a| a["area"].as_str().expect("id"))
        .collect();
    assert_eq!(names, ["people"]);
}

#[test]
fn on_the_built_in_ladder_gap_answers_with_competency_areas() {
    let output = ladder()
        .args(["gap", "senior-pm", "group-pm"])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(text.contains("Competency"), "{text}");
    let output = ladder()
        .args(["gap", "senior-pm", "group-pm", "-o", "json"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let gap: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(!gap["areas"].as_array().expect("areas").is_empty(), "{gap}");
}
