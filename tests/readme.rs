//! The README's console examples, run against the real binary: the documentation cannot drift.
//! After an intended change of output, `TRYCMD=overwrite cargo test --test readme` rewrites them.

#[test]
fn readme_examples_print_what_they_say() {
    trycmd::TestCases::new()
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .register_bin("ladder", trycmd::cargo::cargo_bin("ladder"))
        .case("README.md");
}

/// The README embeds a Mermaid picture; it must be what the binary draws today.
#[test]
fn the_readme_mermaid_picture_is_what_path_draws() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let start = readme
        .find("```mermaid\n")
        .expect("the README has a mermaid block")
        + 11;
    let end = start + readme[start..].find("```").expect("the block is closed");
    let output = assert_cmd::Command::cargo_bin("ladder")
        .expect("the binary is built")
        .env_remove("LADDER_CATALOGUE")
        .args(["path", "pm", "cpo", "-o", "mermaid"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let drawn = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(
        &readme[start..end],
        drawn,
        "regenerate the README's block with `ladder path pm cpo -o mermaid`"
    );
}
