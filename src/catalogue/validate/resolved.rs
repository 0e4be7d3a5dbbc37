//! What validation works out for a role (its references as indexes, and its tenure), and the
//! model role it becomes once every check has passed.

use crate::catalogue::raw::{At, RawRole};
use crate::model::{Role, RoleIx, SourceIx, Tenure, TitlesBySize, TrackIx};

/// What validation works out for a role: its references as indexes, and its tenure.
pub(super) struct Resolved {
    pub(super) track: TrackIx,
    pub(super) reports_to: Vec<RoleIx>,
    pub(super) next: Vec<RoleIx>,
    pub(super) lateral: Vec<RoleIx>,
    pub(super) sources: Vec<SourceIx>,
    pub(super) tenure: Tenure,
}

impl Resolved {
    /// The model role, once every check has passed. Its id and text are moved from the raw role
    /// rather than copied: on a 100,000-role catalogue, copying every string (and then freeing
    /// the originals) would double the memory and about double the time of validation.
    pub(super) fn into_role(self, raw: RawRole) -> Role {
        let titles = raw.titles_by_company_size.unwrap_or_default();
        Role {
            id: raw.id.value,
            title: raw.title.value,
            // In place too: a name is smaller without its position.
            aliases: values(raw.aliases),
            track: self.track,
            // Validated to lie in 1..=MAX_LEVEL.
            level: u32::try_from(raw.level.value).unwrap_or(0),
            entry: raw.entry,
            summary: raw.summary.value,
            responsibilities: values(raw.responsibilities.value),
            skills: values(raw.skills),
            reports_to: self.reports_to,
            tenure: Tenure {
                note: raw.tenure.value.note,
                ..self.tenure
            },
            next: self.next,
            lateral: self.lateral,
            titles_by_company_size: TitlesBySize {
                startup: titles.startup.map(|t| t.value),
                scaleup: titles.scaleup.map(|t| t.value),
                enterprise: titles.enterprise.map(|t| t.value),
            },
            sources: self.sources,
        }
    }
}

/// The texts of a list, without their positions.
fn values(list: Vec<At<String>>) -> Vec<String> {
    list.into_iter().map(|item| item.value).collect()
}
