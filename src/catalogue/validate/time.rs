//! Time figures: years in a role, or of experience at a level, and what they rest on.

use super::{Ids, MAX_YEARS, Validator};
use crate::catalogue::raw::{At, RawFigure, RawTime};
use crate::model::{Figure, Time};

impl Validator {
    /// The time figures of a role or a level (`owner`, as messages name it).
    pub(super) fn time(&mut self, owner: &str, raw: Option<&At<RawTime>>, ids: &Ids) -> Time {
        let Some(raw) = raw else {
            return Time::default();
        };
        let raw = &raw.value;
        Time {
            in_role: raw
                .in_role
                .as_ref()
                .map(|f| self.figure(owner, "time.in_role", f, ids)),
            experience: raw
                .experience
                .as_ref()
                .map(|f| self.figure(owner, "time.experience", f, ids)),
            x: raw.x.clone(),
        }
    }

    fn figure(&mut self, owner: &str, field: &str, at: &At<RawFigure>, ids: &Ids) -> Figure {
        let raw = &at.value;
        let what = format!("`{field}` of {owner}");
        for bound in std::iter::once(&raw.min).chain(&raw.max) {
            let v = bound.value;
            if !v.is_finite() {
                self.problem(
                    bound.pos,
                    format!("{what} must be a finite number of years, not {v}"),
                );
            } else if v < 0.0 {
                self.problem(bound.pos, format!("{what} cannot be negative ({v} years)"));
            } else if v > MAX_YEARS {
                self.problem(
                    bound.pos,
                    format!("{what} is {v} years; at most {MAX_YEARS} years is allowed"),
                );
            }
        }
        if let Some(max) = &raw.max
            && raw.min.value.is_finite()
            && max.value.is_finite()
            && raw.min.value > max.value
        {
            self.problem(
                raw.min.pos,
                format!("{what} has min {} above max {}", raw.min.value, max.value),
            );
        }
        let sources = self.references(
            "source",
            &format!("{field}.sources"),
            &raw.sources,
            &ids.sources,
        );
        if raw.sources.is_empty() && !raw.estimate {
            self.problem(
                at.pos,
                format!(
                    "{what} needs `sources` (source ids that give it) or `estimate: true`; \
                     leave the figure out where no source gives one"
                ),
            );
        }
        if !raw.sources.is_empty() && raw.estimate && raw.note.is_none() {
            self.problem(
                at.pos,
                format!(
                    "{what} is both sourced and estimated; add a `note` that says which part is \
                     estimated"
                ),
            );
        }
        let clamp = |v: f64| {
            if v.is_finite() {
                v.clamp(0.0, MAX_YEARS)
            } else {
                0.0
            }
        };
        Figure {
            min: clamp(raw.min.value),
            max: raw.max.as_ref().map(|m| clamp(m.value)),
            sources,
            estimate: raw.estimate,
            note: raw.note.clone(),
            x: raw.x.clone(),
        }
    }
}
