//! The console examples of docs/robustness.md, run against the real binary so they cannot drift.

#[test]
fn the_console_examples_in_the_robustness_guide_are_what_ladder_prints() {
    trycmd::TestCases::new()
        .register_bin("ladder", trycmd::cargo::cargo_bin("ladder"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .case("docs/robustness.md");
}
