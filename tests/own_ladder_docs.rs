//! The console examples of docs/own-ladder.md, run against the real binary so the page cannot drift.

#[test]
fn the_own_ladder_page_shows_real_output() {
    trycmd::TestCases::new()
        .register_bin("ladder", trycmd::cargo::cargo_bin("ladder"))
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .env("LADDER_CATALOGUE", "")
        .case("docs/own-ladder.md");
}

#[test]
fn the_minimal_catalogue_on_the_page_is_the_tested_fixture() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/own-ladder.md")).expect("page");
    let fixture =
        std::fs::read_to_string(root.join("tests/fixtures/minimal.yaml")).expect("fixture");
    let fixture: String = fixture.lines().skip(1).map(|l| format!("{l}\n")).collect();
    let start = page
        .find("```yaml\nversion: 1\nname: Design\n")
        .expect("the minimal example")
        + 8;
    let end = start + page[start..].find("```").expect("end of block");
    assert_eq!(page[start..end], fixture);
}
