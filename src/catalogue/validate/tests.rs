//! Validation rules, each shown with its message at its line: reporting lines and `includes`
//! without cycles, levels, competencies, time figures, moves, and the warnings about shape.

use crate::catalogue::{Limits, Origin, check, load_text};

/// Roles r0..r{n-1} on one track; each `(role, boss)` pair adds a reporting line.
fn problems_with_reporting_lines(n: usize, lines: &[(usize, usize)]) -> Vec<(u32, String)> {
    let mut text = String::from(
        "version: 2\nname: t\ntracks: [{id: ic, name: IC}]\nlevels: [{id: l1, rank: 1}]\nroles:\n",
    );
    for ix in 0..n {
        let bosses: Vec<String> = lines
            .iter()
            .filter(|(role, _)| *role == ix)
            .map(|(_, boss)| format!("r{boss}"))
            .collect();
        text.push_str(&format!(
            "  - {{id: r{ix}, title: R{ix}, track: ic, level: l1, summary: s, \
             entry: true, reports_to: [{}]}}\n",
            bosses.join(", ")
        ));
    }
    match load_text("t.yaml", &text, &Limits::default()) {
        Ok(_) => Vec::new(),
        Err(invalid) => invalid
            .problems
            .into_iter()
            .map(|p| (p.pos.line, p.message))
            .collect(),
    }
}

fn problems(text: &str) -> Vec<(u32, String)> {
    match load_text("t.yaml", text, &Limits::default()) {
        Ok(_) => Vec::new(),
        Err(invalid) => invalid
            .problems
            .into_iter()
            .map(|p| (p.pos.line, p.message))
            .collect(),
    }
}

const ONE_ROLE: &str = "version: 2\nname: t\ntracks: [{id: ic, name: IC}]\nlevels: [{id: l1, rank: 1}]\n\
    roles:\n  - id: a\n    title: TITLE\n    track: ic\n    level: l1\n    summary: SUMMARY\n    \
    entry: true\n";

#[test]
fn terminal_control_codes_in_text_are_refused_where_they_are() {
    // Each at its own field: the summary on line 10, not the role's line 6.
    let text = ONE_ROLE
        .replace("TITLE", "\"Evil \\e]0;retitled\\a\"")
        .replace("SUMMARY", "\"Clears \\e[2J the screen\"");
    assert_eq!(
        problems(&text),
        [
            (
                7,
                "`title` of role `a` holds a control character (U+001B); text may hold \
                 line breaks and tabs, but no terminal control codes"
                    .to_owned()
            ),
            (
                10,
                "`summary` of role `a` holds a control character (U+001B); text may hold \
                 line breaks and tabs, but no terminal control codes"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn line_breaks_and_tabs_in_text_are_fine() {
    let text = ONE_ROLE.replace("SUMMARY", "\"Two\\nlines,\\ttabbed\"");
    assert_eq!(problems(&text), []);
}

#[test]
fn line_breaks_and_tabs_in_one_line_fields_are_refused_with_the_rest() {
    let text = ONE_ROLE
        .replace("TITLE", "\"Tabbed\\ttitle\"")
        .replace("track: ic", "track: ic\n    aliases: [\"two\\nlines\"]")
        .replace("level: l1", "level: IC3");
    assert_eq!(
        problems(&text),
        [
            (
                7,
                "`title` of role `a` holds a tab; it must be one line, without line breaks or tabs"
                    .to_owned()
            ),
            (
                9,
                "`aliases` of role `a` holds a line break; it must be one line, without line breaks or tabs"
                    .to_owned()
            ),
            (
                10,
                "`level` names no level `IC3`; the level ids are `l1`".to_owned()
            ),
        ]
    );
}

#[test]
fn a_short_reporting_cycle_is_named_in_full_at_the_line_that_closes_it() {
    let problems = problems_with_reporting_lines(3, &[(0, 1), (1, 2), (2, 0)]);
    assert_eq!(
        problems,
        [(
            8,
            "reporting lines form a cycle: r0 -> r1 -> r2 -> r0".to_owned()
        )]
    );
}

#[test]
fn a_long_reporting_cycle_is_named_by_its_ends() {
    let n = 50;
    let mut lines: Vec<(usize, usize)> = (0..n - 1).map(|ix| (ix, ix + 1)).collect();
    lines.push((n - 1, 0));
    let problems = problems_with_reporting_lines(n, &lines);
    assert_eq!(
        problems,
        [(
            6 + n as u32 - 1,
            "reporting lines form a cycle: r0 -> r1 -> r2 -> r3 -> ... (44 more) -> r48 -> r49 -> r0"
                .to_owned()
        )]
    );
}

#[test]
fn every_line_back_up_a_chain_is_a_cycle_of_its_own() {
    // r_i reports to r_{i+1} and to r0.
    let n = 12;
    let mut lines: Vec<(usize, usize)> = (0..n - 1).map(|ix| (ix, ix + 1)).collect();
    lines.extend((1..n).map(|ix| (ix, 0)));
    let problems = problems_with_reporting_lines(n, &lines);
    assert_eq!(problems.len(), n - 1, "{problems:?}");
    assert_eq!(
        problems[0].1,
        "reporting lines form a cycle: r0 -> r1 -> r0"
    );
    assert_eq!(
        problems[n - 2].1,
        "reporting lines form a cycle: r0 -> r1 -> r2 -> r3 -> ... (6 more) -> r10 -> r11 -> r0"
    );
}

/// A catalogue with two levels, one competency with a scale, a source, and roles written after.
const BASE: &str = "\
version: 2
name: t
sources: [{id: s, title: S}]
tracks: [{id: ic, name: IC}, {id: m, name: Managers, manages: true}]
levels:
  - {id: l1, rank: 1}
  - {id: l2, rank: 2}
competencies:
  - {id: craft, name: Craft, scale: [basic, strong]}
  - {id: care, name: Care}
roles:
";

fn with_roles(roles: &str) -> String {
    format!("{BASE}{roles}")
}

#[test]
fn levels_are_named_and_ranks_are_in_range() {
    let text = BASE
        .replace("{id: l2, rank: 2}", "{id: l2, rank: .inf}")
        .replace("{id: l1, rank: 1}", "{id: l1, rank: 1e400}")
        + "  - {id: a, title: A, track: ic, level: l3, summary: s, entry: true}\n";
    assert_eq!(
        problems(&text),
        [
            (
                6,
                "the rank of level `l1` is inf; a rank is a number from 0 to 1000".to_owned()
            ),
            (
                7,
                "the rank of level `l2` is inf; a rank is a number from 0 to 1000".to_owned()
            ),
            (
                12,
                "`level` names no level `l3`; the level ids are `l1`, `l2`".to_owned()
            ),
        ]
    );
}

#[test]
fn a_proficiency_is_a_step_of_its_scale() {
    let text = with_roles(
        "  - id: a\n    title: A\n    track: ic\n    level: l1\n    summary: s\n    entry: true\n    \
         expectations:\n      - {area: craft, proficiency: expert}\n      - {area: care, proficiency: \
         basic}\n      - {area: craft, text: again}\n      - {area: care}\n",
    );
    assert_eq!(
        problems(&text),
        [
            (
                19,
                "`expert` is not a step of the scale of `craft`: `basic`, `strong`".to_owned()
            ),
            (
                20,
                "the competency `care` has no `scale`, so it takes no proficiency; give a scale, or \
                 say it in `text`"
                    .to_owned()
            ),
            (
                21,
                "role `a` names the competency `craft` twice; give each area once".to_owned()
            ),
            (
                22,
                "role `a` names the competency `care` twice; give each area once".to_owned()
            ),
        ]
    );
    let text = with_roles(
        "  - {id: a, title: A, track: ic, level: l1, summary: s, entry: true, expectations: [{area: \
         care}]}\n",
    );
    assert_eq!(
        problems(&text),
        [(
            12,
            "the expectation of role `a` in `care` needs a `proficiency` or a `text`".to_owned()
        )]
    );
}

#[test]
fn includes_may_not_form_a_cycle() {
    let text = with_roles(
        "  - {id: a, title: A, track: ic, level: l1, summary: s, entry: true, includes: b}\n  \
         - {id: b, title: B, track: ic, level: l1, summary: s, entry: true, includes: a}\n  \
         - {id: c, title: C, track: ic, level: l1, summary: s, entry: true, includes: c}\n",
    );
    assert_eq!(
        problems(&text),
        [
            (13, "`includes` form a cycle: a -> b -> a".to_owned()),
            (14, "role `c` cannot include itself".to_owned()),
        ]
    );
}

#[test]
fn time_figures_say_what_they_rest_on() {
    let text = with_roles(
        "  - id: a\n    title: A\n    track: ic\n    level: l1\n    summary: s\n    entry: true\n    \
         time:\n      in_role: {min: 3, max: 2, sources: [s]}\n      experience: {min: .nan}\n  \
         - {id: b, title: B, track: ic, level: l1, summary: s, entry: true, time: {in_role: {min: \
         1, max: 60, sources: [s, t], estimate: true}}}\n",
    );
    assert_eq!(
        problems(&text),
        [
            (
                19,
                "`time.in_role` of role `a` has min 3 above max 2".to_owned()
            ),
            (
                20,
                "`time.experience` of role `a` needs `sources` (source ids that give it) or \
                 `estimate: true`; leave the figure out where no source gives one"
                    .to_owned()
            ),
            (
                20,
                "`time.experience` of role `a` must be a finite number of years, not NaN"
                    .to_owned()
            ),
            (
                21,
                "`time.in_role` of role `b` is both sourced and estimated; add a `note` that says \
                 which part is estimated"
                    .to_owned()
            ),
            (
                21,
                "`time.in_role` of role `b` is 60 years; at most 50 years is allowed".to_owned()
            ),
            (
                21,
                "`time.in_role.sources` names no source `t`; the source ids are `s`".to_owned()
            ),
        ]
    );
}

#[test]
fn moves_go_anywhere_but_to_the_role_itself_and_once() {
    let text = with_roles(
        "  - {id: a, title: A, track: ic, level: l2, summary: s, entry: true, moves: [{to: b}, \
         {to: b}, {to: a}, {to: z}, {to: b, source: q}]}\n  - {id: b, title: B, track: m, level: l1, \
         summary: s, reports_to: [a]}\n",
    );
    let found = problems(&text);
    assert_eq!(
        found.iter().map(|(line, _)| *line).collect::<Vec<_>>(),
        [12, 12, 12, 12, 12]
    );
    let messages: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(
        messages,
        [
            "role `a` has two moves to `b`; give each move once",
            "role `a` cannot move to itself",
            "`to` names no role `z`; the role ids are `a`, `b`",
            "role `a` has two moves to `b`; give each move once",
            "`source` names no source `q`; the source ids are `s`",
        ]
    );
}

#[test]
fn warnings_name_the_shape_problems_and_leave_the_catalogue_valid() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("shape.yaml");
    let text = with_roles(
        "  - {id: a, title: A, track: ic, level: l1, summary: s, moves: [{to: b}]}\n  \
         - {id: b, title: B, track: m, level: l1, summary: s}\n",
    );
    std::fs::write(&path, text).expect("written");
    let checked = check(&Origin::File(path), &Limits::default()).expect("valid");
    let warnings: Vec<(u32, &str)> = checked
        .warnings
        .problems
        .iter()
        .map(|p| (p.pos.line, p.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            (3, "the source `s` is not used: nothing cites it"),
            (7, "the level `l2` is not used: no role is at it"),
            (
                9,
                "the competency `craft` is not used: no role has an expectation in it"
            ),
            (
                10,
                "the competency `care` is not used: no role has an expectation in it"
            ),
            (
                12,
                "no move leads to role `a`; mark it `entry: true` if people join it from outside \
                 the ladder, or add a move to it"
            ),
            (
                13,
                "role `b` is on the `m` track, whose roles manage people, but no role reports to it"
            ),
        ]
    );
}
