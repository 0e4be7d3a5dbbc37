//! Converts the built-in catalogue (`data/ladder.yaml`) to compact JSON in `OUT_DIR` at build time,
//! so that `ladder` reads it at every start with serde_json instead of parsing YAML (see
//! `docs/performance.md`).
//!
//! The YAML is read into the same raw structs the program uses (`src/catalogue/raw.rs`), so the
//! JSON has exactly the catalogue's schema. The rule that one module names the YAML crate applies
//! to `src/`; this build script is the other place that reads YAML, for the same file.
//!
//! A built-in catalogue that does not parse does not stop the build: the script warns and writes
//! an empty file, and `ladder` then reads the embedded YAML itself and reports every problem with
//! its line and column (and `cargo test` fails).

#[allow(dead_code)]
#[path = "src/catalogue/raw.rs"]
mod raw;

use serde::{Deserialize, Deserializer};

impl<'de, T: Deserialize<'de>> Deserialize<'de> for raw::At<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(raw::At {
            value: T::deserialize(deserializer)?,
            pos: raw::Pos::default(),
        })
    }
}

fn main() {
    const SOURCE: &str = "data/ladder.yaml";
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=src/catalogue/raw.rs");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let target = std::path::Path::new(&out_dir).join("ladder.json");
    let yaml = std::fs::read_to_string(SOURCE).expect("data/ladder.yaml is readable");
    let json = match serde_saphyr::from_str::<raw::RawCatalogue>(&yaml) {
        Ok(catalogue) => serde_json::to_string(&catalogue).expect("raw structs serialise"),
        Err(error) => {
            let first = error.to_string();
            let first = first.lines().next().unwrap_or_default();
            println!(
                "cargo::warning={SOURCE} does not parse ({first}); `ladder` will read the YAML at run time and report it"
            );
            String::new()
        }
    };
    std::fs::write(&target, json).expect("OUT_DIR is writable");
}
