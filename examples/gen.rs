//! Writes a synthetic catalogue of N roles to stdout: seeded, deterministic and valid.
//!
//! ```text
//! cargo run --release --example gen -- 100000 > big.yaml
//! cargo run --release --example gen -- 100000 --json > big.json
//! cargo run --release --example gen -- 1000 --seed 7 > other.yaml
//! ```
//!
//! The first lines of the YAML name a route worth timing (`ladder path FROM TO`); the generator
//! also prints it on stderr. See `docs/performance.md`.

#[path = "gen/synthetic.rs"]
mod synthetic;

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: gen ROLES [--seed N] [--json]
  ROLES     how many roles (1 to 10000000)
  --seed N  another catalogue of the same shape (default 1)
  --json    the JSON twin instead of YAML (load it from a file ending in .json)
example: cargo run --release --example gen -- 100000 > big.yaml";

fn main() -> ExitCode {
    let mut count: Option<usize> = None;
    let mut seed = 1u64;
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--seed" => match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage("--seed needs a whole number"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => match other.parse::<usize>() {
                Ok(n) if (1..=10_000_000).contains(&n) && count.is_none() => count = Some(n),
                _ => return usage(&format!("unexpected argument `{other}`")),
            },
        }
    }
    let Some(count) = count else {
        return usage("give the number of roles");
    };
    let catalogue = synthetic::generate(count, seed);
    let text = if json {
        catalogue.to_json()
    } else {
        catalogue.to_yaml()
    };
    let (from, to) = catalogue.route;
    eprintln!(
        "gen: {count} roles, seed {seed}; try: ladder --catalogue FILE path {} {}",
        catalogue.roles[from].id, catalogue.roles[to].id
    );
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: cannot write: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("gen: {problem}\n{USAGE}");
    ExitCode::from(2)
}
