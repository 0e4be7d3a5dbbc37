//! `ladder`: explore a career ladder from the command line.
//!
//! Thin on purpose: parse the arguments, run (see `lib.rs` for the flow), print the error chain,
//! and map the outcome to an exit code.

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
use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context as _;
use ladder::catalogue::LoadError;
use ladder::commands::Unusable;
use ladder::commands::check::{AlreadyReported, StrictWarnings};
use ladder::config::Environment;
use ladder::message::tidy;

/// mimalloc rather than the system allocator: loading a large catalogue makes millions of small
/// allocations, and with mimalloc 100,000 roles peak at a fifth less memory and 10,000 load about
/// a tenth faster. Version 2 (the `v2` feature) because it starts faster than 3, and without
/// transparent huge pages (`no_thp`), whose zeroing cost seconds at 100,000 roles; see
/// docs/performance.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes (see the README): 0 success, 1 no answer or bad input, 2 usage error.
mod exit {
    pub const FAILURE: u8 = 1;
    pub const USAGE: u8 = 2;
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let outcome = if ladder::usage::wants_overview(&args) {
        ladder::write_out(ladder::usage::overview().as_bytes())
    } else {
        match ladder::usage::parse(args, &Environment::from_process()) {
            Ok(config) => ladder::run(&config),
            Err(error) if error.use_stderr() => {
                usage_error(&error);
                return ExitCode::from(exit::USAGE);
            }
            // Help and version: stdout, exit 0.
            Err(help) => help.print().context("cannot write the output"),
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            report(&error);
            ExitCode::from(exit::FAILURE)
        }
    }
}

/// A usage error, as clap words it, in plain text: with the control characters of an argument
/// it echoes escaped and an overlong argument cut, so that input cannot restyle or flood the
/// terminal (clap's colours would pass an escape sequence in an argument through).
fn usage_error(error: &clap::Error) {
    let _ = write!(io::stderr().lock(), "{}", tidy(&error.render().to_string()));
}

/// A reader that closed the pipe early (`ladder list | head -1`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints `ladder: error: ...` with the cause chain, and every problem of an invalid catalogue:
/// then, unless the command was `check`, how to list them again.
fn report(error: &anyhow::Error) {
    if error.is::<AlreadyReported>() {
        return;
    }
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "ladder: error: {}", tidy(&error.to_string()));
    for cause in error.chain().skip(1) {
        let _ = writeln!(stderr, "  caused by: {}", tidy(&cause.to_string()));
    }
    let (invalid, unusable) = match (error.downcast_ref::<Unusable>(), error.downcast_ref()) {
        (Some(Unusable(LoadError::Invalid(invalid))), _) => (Some(invalid), true),
        (_, Some(LoadError::Invalid(invalid))) => (Some(invalid), false),
        _ => match error.downcast_ref::<StrictWarnings>() {
            Some(StrictWarnings(warnings)) => (Some(warnings), false),
            None => (None, false),
        },
    };
    if let Some(invalid) = invalid {
        let _ = write!(stderr, "{}", invalid.render_problems());
    }
    if unusable {
        let _ = writeln!(
            stderr,
            "ladder: fix the problems above; `ladder check FILE` lists them again"
        );
    }
}
