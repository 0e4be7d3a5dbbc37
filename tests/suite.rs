//! The integration tests, as one test binary (Cargo.toml: `autotests = false`): each file of tests/
//! is a module of it. One binary links once and runs every test in one pool of threads: `cargo test
//! --locked` from a clean checkout took 103–111 s this way and 141 s as 28 binaries. Run one file's
//! tests with its module name, for example `cargo test --test suite properties::`.

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
