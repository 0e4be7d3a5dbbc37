//! The integration tests, as one test binary (Cargo.toml: `autotests = false`): each file of tests/
//! is a module of it. One binary links once and runs every test in one pool of threads: `cargo test
//! --locked` from a clean checkout took 103–111 s this way and 141 s as 28 binaries. Run one file's
//! tests with its module name, for example `cargo test --test suite properties::`.
//!
//! Which tests read the built-in catalogue (`data/ladder.yaml`): the content tests check what it
//! says and answers, `catalogue_consistency` (the data against its sources' rules) and `cli` (the
//! foundation commands' answers: its routes, names and figures); and the documents' examples
//! (`readme`, `output_docs`, `help_examples`) print its answers, refreshed with `TRYCMD=overwrite
//! cargo test --test suite -- readme:: output_docs::`. Renderer snapshots and the rules of
//! loading, routing and output run on the small catalogues of `tests/fixtures/`, or check only
//! the shape of an answer (the JSON contract), so rewording a role breaks none of them.

mod support;

mod arguments;
mod catalogue_consistency;
mod catalogue_rules;
mod cli;
mod examples;
mod fuzz_regressions;
mod gap;
mod help_examples;
mod hostile_input;
mod loading_rules;
mod names;
mod narrow_terminals;
mod output;
mod output_docs;
mod output_errors;
mod own_catalogue;
mod own_ladder_docs;
mod performance;
mod pictures;
mod properties;
mod readme;
mod render_regressions;
mod robustness_docs;
mod routes;
mod search;
mod shell;
mod wide_text;
mod yaml_test_suite;
