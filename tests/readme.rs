//! The README's console examples, run against the real binary: the documentation cannot drift.
//! After an intended change of output, `TRYCMD=overwrite cargo test --test suite readme::` rewrites them.

#[test]
fn readme_examples_print_what_they_say() {
    trycmd::TestCases::new()
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .register_bin("ladder", trycmd::cargo::cargo_bin("ladder"))
        .case("README.md");
}
