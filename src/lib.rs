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
pub mod message;
pub mod model;
pub mod names;
pub mod progress;
pub mod render;
pub mod resolve;
pub mod route;
pub mod usage;

use std::io::{self, Write};

use anyhow::Context as _;

use crate::config::Config;

/// Carries out the task and writes the whole answer at once: an error found on the way leaves
/// stdout empty rather than half-printed. `check -o json` on an invalid catalogue writes its
/// verdict, then fails. Meant to be called once per process: it does not free the catalogue.
pub fn run(config: &Config) -> anyhow::Result<()> {
    let progress = progress_while_loading(config);
    let output = commands::answer(&config.task, &config.origin, &config.limits)?;
    drop(progress);
    let notes = render::notes(&output);
    if !notes.is_empty() {
        let _ = io::stderr().lock().write_all(notes.as_bytes());
    }
    let mut buffer = Vec::new();
    render::render(&mut buffer, &output, &config.style)?;
    write_out(&buffer)?;
    if output.fails() {
        return Err(commands::check::AlreadyReported.into());
    }
    Ok(())
}

/// Writes to stdout, all of it, and flushes: the one way `ladder` writes stdout. The io::Error
/// stays in the chain, so `main` can still tell a closed pipe (exit 0) from a full disk (an
/// error naming the cause, exit 1).
pub fn write_out(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .context("cannot write the output")
}

/// A progress line on stderr while a catalogue file loads (shown only on a terminal, and only
/// once loading is slow): the file `check` names, or the catalogue in use.
fn progress_while_loading(config: &Config) -> progress::Progress {
    let path = match (&config.task, &config.origin) {
        (
            commands::Task::Check {
                file: Some(file), ..
            },
            _,
        ) => file,
        (_, catalogue::Origin::File(file)) => file,
        (_, catalogue::Origin::Builtin) => return progress::Progress::none(),
    };
    let size = std::fs::metadata(path).map_or(0, |meta| meta.len());
    progress::Progress::start(&path.display().to_string(), size)
}
