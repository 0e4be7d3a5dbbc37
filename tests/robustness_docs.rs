//! The console examples of docs/robustness.md, run against the real binary so they cannot drift.

#[test]
fn the_console_examples_in_the_robustness_guide_are_what_ladder_prints() {
    crate::support::document_examples(100).case("docs/robustness.md");
}
