//! `ladder check [FILE]`: validates a catalogue and reports every problem found, or a one-line
//! summary when there is none.
//!
//! Unlike the other commands it works on the catalogue file itself, valid or not.

use serde::Serialize;

use super::{CheckFormat, Data, DataFormat, Output};
use crate::catalogue::{self, Limits, LoadError, Origin};
use crate::model::Catalogue;

/// The verdict on a catalogue, as `-o json` prints it (the JSON contract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub valid: bool,
    pub problems: Vec<JsonProblem>,
}

/// One problem; `line` and `column` are 1-based, and `null` for a problem of the whole file (it
/// could not be read, or is empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsonProblem {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub message: String,
}

/// Returned when `check -o json` has already printed an invalid verdict: the exit status is 1 and
/// nothing more is to be said on stderr.
#[derive(Debug, thiserror::Error)]
#[error("the catalogue is not valid")]
pub struct AlreadyReported;

/// Checks the catalogue from `origin`.
///
/// Invalid: as a summary, the [`LoadError`] comes back for `main` to print with every problem on
/// stderr; as JSON, the verdict is the output, and the run fails once it is written
/// ([`Output::fails`]).
pub fn run(origin: &Origin, limits: &Limits, format: CheckFormat) -> anyhow::Result<Output> {
    let name = origin.display_name();
    let loaded = catalogue::load(origin, limits);
    Ok(match format {
        CheckFormat::Json => Output::Data(Data::Verdict(verdict(&name, &loaded)), DataFormat::Json),
        CheckFormat::Summary => Output::Text(format!("{}\n", summary(&name, &loaded?))),
    })
}

/// `examples/engineering.yaml: valid: "Software engineering", 16 roles, 3 tracks, 14 sources`
pub fn summary(name: &str, catalogue: &Catalogue) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    format!(
        "{name}: valid: \"{}\", {}, {}, {}",
        catalogue.name,
        count(catalogue.roles.len(), "role"),
        count(catalogue.tracks.len(), "track"),
        count(catalogue.sources.len(), "source"),
    )
}

/// The verdict on a load, with positions as numbers and `null` where there is none.
pub fn verdict(name: &str, loaded: &Result<Catalogue, LoadError>) -> Verdict {
    let known = |n: u64| (n > 0).then_some(n);
    let problems = match loaded {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(invalid)) => invalid
            .problems
            .iter()
            .map(|p| JsonProblem {
                file: invalid.origin.clone(),
                line: known(p.pos.line.into()),
                column: known(p.pos.column.into()),
                message: p.message.clone(),
            })
            .collect(),
        Err(error @ LoadError::Unreadable { .. }) => vec![JsonProblem {
            file: name.to_owned(),
            line: None,
            column: None,
            message: error.to_string(),
        }],
    };
    Verdict {
        valid: problems.is_empty(),
        problems,
    }
}
