//! The reference of the `ladder check` budget (docs/performance.md): serde-saphyr alone parsing a
//! catalogue file into a generic value (serde_json's `Value`), with no positions, schema or
//! validation. `ladder` no longer reads YAML through serde-saphyr (its tree is built from the
//! parser's events), and `check` now takes less time than this. Time both with
//! `hyperfine -N 'target/release/examples/parse_only FILE' 'target/release/ladder check FILE'`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_only FILE");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("parse_only: {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    // The budget `ladder` allows by default (`Limits`), so that large catalogues parse.
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 20_000_000;
    budget.max_events = 40_000_000;
    budget.max_total_scalar_bytes = 256 * 1024 * 1024;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    match serde_saphyr::from_str_with_options::<serde_json::Value>(&text, options) {
        Ok(value) => {
            println!(
                "{} top-level keys",
                value.as_object().map_or(0, |o| o.len())
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("parse_only: {error}");
            ExitCode::FAILURE
        }
    }
}
