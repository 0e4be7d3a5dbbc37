//! `ladder` as a library: the whole program but `main`, so that tests, benchmarks and fuzz targets
//! can drive each stage directly.
//!
//! The flow, one module each: `cli` (arguments) -> `config` (plain settings) -> `catalogue` (load
//! and validate) -> `resolve` (role names) -> `commands` (the query, as data) -> `render` (the
//! format). `main.rs` maps the outcome to an exit code.

pub mod catalogue;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod config;
pub mod ladder;
pub mod model;
pub mod render;
pub mod resolve;

use std::io::{self, Write};

use crate::config::Config;

/// Loads the catalogue, answers the query, and writes the whole answer at once: an error found
/// on the way leaves stdout empty rather than half-printed. Meant to be called once per process:
/// it does not free the catalogue.
pub fn run(config: &Config) -> anyhow::Result<()> {
    let catalogue = catalogue::load(&config.origin, &config.limits)?;
    let view = commands::run(&config.query, &catalogue)?;
    let mut buffer = Vec::new();
    render::render(&mut buffer, &view, config.format, &config.style)?;
    let mut stdout = io::stdout().lock();
    stdout.write_all(&buffer)?;
    stdout.flush()?;
    // The process ends right after this, and the operating system takes its memory back at once.
    // Freeing a 100,000-role catalogue string by string first would cost tens of milliseconds
    // for nothing (see docs/performance.md), so it is left to the operating system.
    std::mem::forget(catalogue);
    Ok(())
}
