//! `ladder check [FILE]`: validates a catalogue and reports every problem found, or a one-line
//! summary when there is none.
//!
//! Unlike the other commands it works on the catalogue file itself, valid or not.

use serde::Serialize;

use super::{CheckFormat, Data, DataFormat, Output};
use crate::catalogue::{self, Checked, InvalidCatalogue, Limits, LoadError, Origin};

/// The verdict on a catalogue, as `-o json` prints it (the JSON contract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// No problem, and (with `--strict`) no warning.
    pub valid: bool,
    pub problems: Vec<JsonProblem>,
    /// What `check` warns about the ladder's shape; errors with `--strict`.
    pub warnings: Vec<JsonProblem>,
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

/// A valid catalogue with warnings, checked with `--strict`: every warning, as an error.
#[derive(Debug, thiserror::Error)]
#[error("{} has {} warning{} about its shape, and --strict makes them errors", .0.origin, .0.problems.len(), if .0.problems.len() == 1 { "" } else { "s" })]
pub struct StrictWarnings(pub InvalidCatalogue);

/// Checks the catalogue from `origin`.
///
/// Invalid: as a summary, the [`LoadError`] comes back for `main` to print with every problem on
/// stderr; as JSON, the verdict is the output, and the run fails once it is written
/// ([`Output::fails`]). Warnings go to stderr before the summary, or into the verdict.
pub fn run(
    origin: &Origin,
    limits: &Limits,
    format: CheckFormat,
    strict: bool,
) -> anyhow::Result<Output> {
    let name = origin.display_name();
    let checked = catalogue::check(origin, limits);
    Ok(match format {
        CheckFormat::Json => Output::Data(
            Data::Verdict(verdict(&name, &checked, strict)),
            DataFormat::Json,
        ),
        CheckFormat::Summary => {
            let Checked {
                catalogue: c,
                warnings,
            } = checked?;
            if strict && !warnings.problems.is_empty() {
                return Err(StrictWarnings(warnings.as_warnings()).into());
            }
            let summary = Summary {
                file: name,
                name: c.name.clone(),
                roles: c.roles.len(),
                tracks: c.tracks.len(),
                levels: c.levels.len(),
                competencies: c.competencies.len(),
                sources: c.sources.len(),
                warnings,
            };
            // Not freed, as in the other commands: the process ends once the answer is written.
            std::mem::forget(c);
            Output::Checked(summary)
        }
    })
}

/// A valid catalogue, as `check` sums it up on stdout, and the warnings about its shape that go
/// to stderr (`render::notes`).
#[derive(Debug, Clone)]
pub struct Summary {
    /// The file as messages name it.
    pub file: String,
    /// The catalogue's own name.
    pub name: String,
    pub roles: usize,
    pub tracks: usize,
    pub levels: usize,
    pub competencies: usize,
    pub sources: usize,
    pub warnings: InvalidCatalogue,
}

/// The verdict on a load, with positions as numbers and `null` where there is none.
pub fn verdict(name: &str, loaded: &Result<Checked, LoadError>, strict: bool) -> Verdict {
    let known = |n: u64| (n > 0).then_some(n);
    let listed = |invalid: &InvalidCatalogue| -> Vec<JsonProblem> {
        invalid
            .problems
            .iter()
            .map(|p| JsonProblem {
                file: invalid.origin.clone(),
                line: known(p.pos.line.into()),
                column: known(p.pos.column.into()),
                message: p.message.clone(),
            })
            .collect()
    };
    let warnings = match loaded {
        Ok(checked) => listed(&checked.warnings),
        Err(_) => Vec::new(),
    };
    let problems = match loaded {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(invalid)) => listed(invalid),
        Err(error @ LoadError::Unreadable { .. }) => vec![JsonProblem {
            file: name.to_owned(),
            line: None,
            column: None,
            message: error.to_string(),
        }],
    };
    Verdict {
        valid: problems.is_empty() && (!strict || warnings.is_empty()),
        problems,
        warnings,
    }
}
