//! The JSON boundary: catalogues in files ending in `.json`, and the built-in catalogue (turned
//! into JSON at build time by `build.rs`), read with serde_json into the same raw structs as YAML.
//!
//! JSON is the fast path for big machine-made catalogues: serde_json reads several times faster
//! than a YAML parser. It carries no positions (see `At` in `yaml.rs`); `catalogue::load` gets
//! them for an invalid file by reading it again as YAML, which JSON is.

use super::diagnostic::Problem;
use super::raw::{Pos, RawCatalogue};

/// Why JSON text did not give a raw catalogue.
pub enum JsonError {
    /// Not JSON at all (a syntax error or a cut-off file), with serde_json's position.
    Syntax(Problem),
    /// JSON, but not the catalogue schema (an unknown key, a wrong type, a missing field).
    Schema(Problem),
}

/// Parses JSON catalogue text.
pub fn parse(text: &str) -> Result<RawCatalogue, JsonError> {
    serde_json::from_str(text).map_err(|error| {
        let pos = Pos::at(error.line() as u64, error.column() as u64);
        let message = error.to_string();
        // serde_json appends " at line L column C"; the position is shown apart.
        let message = match message.rfind(" at line ") {
            Some(cut) => message[..cut].to_owned(),
            None => message,
        };
        if error.is_data() {
            JsonError::Schema(Problem::new(pos, message))
        } else {
            JsonError::Syntax(Problem::new(pos, format!("not valid JSON: {message}")))
        }
    })
}
