//! `ladder` as a library: the whole program but `main`, so that tests, benchmarks and fuzz targets
//! can drive each stage directly.
//!
//! The flow, one module each: `cli` (arguments) -> `config` (plain settings) -> `catalogue` (load
//! and validate) -> `resolve` (role names) -> `commands` (the query, as data) -> `render` (the
//! format). `main.rs` maps the outcome to an exit code.

// No panic reachable from input: these are denied in the program (src/), and an `#[allow]` is used
// only where a comment shows why it cannot fire. Tests may use them (clippy.toml).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented,
    clippy::unreachable
)]
pub mod catalogue;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod config;
pub mod ladder;
pub mod model;
pub mod names;
pub mod progress;
pub mod render;
pub mod resolve;
pub mod usage;

use std::io::{self, Write};

use anyhow::Context as _;

use crate::config::{Config, Query};

/// Loads the catalogue, answers the query, and writes the whole answer at once: an error found
/// on the way leaves stdout empty rather than half-printed. Meant to be called once per process:
/// it does not free the catalogue.
pub fn run(config: &Config) -> anyhow::Result<()> {
    // `check` and `export` work on the catalogue file itself, valid or not.
    if matches!(config.query, Query::Check { .. } | Query::Export) {
        return run_on_catalogue_file(config);
    }
    let catalogue = catalogue::load(&config.origin, &config.limits)?;
    let view = commands::run(&config.query, &catalogue)?;
    let view = commands::graph::on_ladder(view, config.format, &catalogue);
    let mut buffer = Vec::new();
    render::render(&mut buffer, &view, config.format, &config.style)?;
    let mut stdout = io::stdout().lock();
    // The io::Error stays in the chain, so `main` can still tell a closed pipe (exit 0) from a
    // full disk (an error naming the cause, exit 1).
    stdout
        .write_all(&buffer)
        .and_then(|()| stdout.flush())
        .context("cannot write the output")?;
    // The process ends right after this, and the operating system takes its memory back at once.
    // Freeing a 100,000-role catalogue string by string first would cost tens of milliseconds
    // for nothing (see docs/performance.md), so it is left to the operating system.
    std::mem::forget(catalogue);
    Ok(())
}

/// `check` and `export`: what they write reaches stdout whole, even when `check` then fails.
fn run_on_catalogue_file(config: &Config) -> anyhow::Result<()> {
    let mut buffer = Vec::new();
    let outcome = match &config.query {
        Query::Check { file } => commands::check::run(config, file.as_deref(), &mut buffer),
        _ => commands::export::run(config, &mut buffer),
    };
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(&buffer)
        .and_then(|()| stdout.flush())
        .context("cannot write the output")?;
    outcome
}
