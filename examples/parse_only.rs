//! The floor of `ladder check`'s cost: serde-saphyr alone parsing a catalogue file into a generic
//! value (serde_json's `Value`), with no positions, schema or validation. Time both with
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
    match serde_saphyr::from_str::<serde_json::Value>(&text) {
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
