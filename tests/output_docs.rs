//! The documentation of the output formats (docs/output.md) is run: its console examples by
//! trycmd, and its Mermaid picture against the real output.

use assert_cmd::Command;

const OUTPUT_MD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/output.md");

#[test]
fn the_console_examples_of_the_output_docs_print_what_they_say() {
    crate::support::document_examples(100).case(OUTPUT_MD);
}

#[test]
fn the_mermaid_picture_in_the_output_docs_is_the_real_output() {
    let docs = std::fs::read_to_string(OUTPUT_MD).expect("docs/output.md");
    let start = docs.find("```mermaid\n").expect("a mermaid block") + "```mermaid\n".len();
    let length = docs[start..].find("```").expect("the block ends");
    let output = Command::cargo_bin("ladder")
        .expect("the binary is built")
        .env_remove("LADDER_CATALOGUE")
        .args(["graph", "-o", "mermaid"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    assert_eq!(
        &docs[start..start + length],
        String::from_utf8(output.stdout).expect("UTF-8"),
        "regenerate the block with `ladder graph -o mermaid`"
    );
}
