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

use ladder::catalogue::LoadError;
use ladder::config::{Config, Environment};

/// mimalloc rather than the system allocator: loading a large catalogue makes millions of small
/// allocations, which it serves about twice as fast. Version 2 (the `v2` feature) because it
/// starts faster than 3; see docs/performance.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes (see the README): 0 success, 1 no answer or bad input, 2 usage error.
mod exit {
    pub const FAILURE: u8 = 1;
    pub const USAGE: u8 = 2;
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if ladder::usage::wants_overview(&args) {
        print!("{}", ladder::usage::overview());
        return ExitCode::SUCCESS;
    }
    let cli = match ladder::usage::parse(args) {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout and exit 0; real usage errors exit 2.
            let printed = error.print();
            return if error.use_stderr() {
                ExitCode::from(exit::USAGE)
            } else if let Err(cause) = printed
                && cause.kind() != io::ErrorKind::BrokenPipe
            {
                // `ladder --help > /dev/full`: the same error as for any other output.
                report(
                    &anyhow::Error::new(cause).context("cannot write the output"),
                    false,
                );
                ExitCode::from(exit::FAILURE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let config = Config::new(cli, &Environment::from_process());
    match ladder::run(&config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let checking = matches!(config.query, ladder::config::Query::Check { .. });
            report(&error, checking);
            ExitCode::from(exit::FAILURE)
        }
    }
}

/// A reader that closed the pipe early (`ladder list | head -1`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints `ladder: error: ...` with the cause chain, and every problem of an invalid catalogue.
/// `checking`: the command was `check`, so the hint to run it again is left out.
fn report(error: &anyhow::Error, checking: bool) {
    if error
        .downcast_ref::<ladder::commands::check::AlreadyReported>()
        .is_some()
    {
        return;
    }
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "ladder: error: {error}");
    for cause in error.chain().skip(1) {
        let _ = writeln!(stderr, "  caused by: {cause}");
    }
    if let Some(LoadError::Invalid(invalid)) = error.downcast_ref::<LoadError>() {
        let _ = write!(stderr, "{}", invalid.render_problems());
        if !checking {
            let _ = writeln!(
                stderr,
                "ladder: fix the problems above; `ladder check FILE` lists them again"
            );
        }
    }
}
