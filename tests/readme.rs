//! The README's console examples, run against the real binary: the documentation cannot drift.
//! After an intended change of output, `TRYCMD=overwrite cargo test --test suite readme::` rewrites them.

#[test]
fn readme_examples_print_what_they_say() {
    crate::support::document_examples(80).case("README.md");
}
