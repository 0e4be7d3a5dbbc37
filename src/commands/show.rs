//! `ladder show ROLE`: the role card.

use serde::Serialize;

use super::RoleRef;
use crate::model::{Catalogue, RoleIx, TenureBasis};
use crate::resolve::resolve;

/// Everything known about one role; serialises to the `show` object of the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleCard {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub track: String,
    #[serde(skip)]
    pub track_name: String,
    pub level: u32,
    pub entry: bool,
    pub summary: String,
    pub responsibilities: Vec<String>,
    pub skills: Vec<String>,
    pub reports_to: Vec<RoleRef>,
    pub direct_reports: Vec<RoleRef>,
    pub tenure: TenureView,
    pub next: Vec<RoleRef>,
    pub lateral: Vec<RoleRef>,
    pub previous: Vec<RoleRef>,
    pub titles_by_company_size: TitlesView,
    pub sources: Vec<SourceView>,
}

/// Typical years in a role and what the figure rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TenureView {
    pub min: f64,
    pub max: f64,
    /// The id of the source the figure comes from; absent for an estimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub estimate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What the role tends to be called by company size; sizes without a title are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TitlesView {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub startup: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaleup: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enterprise: Option<String>,
}

impl TitlesView {
    /// (size, title) pairs from small to large companies.
    pub fn entries(&self) -> Vec<(&'static str, &str)> {
        [
            ("startup", &self.startup),
            ("scaleup", &self.scaleup),
            ("enterprise", &self.enterprise),
        ]
        .into_iter()
        .filter_map(|(size, title)| title.as_deref().map(|t| (size, t)))
        .collect()
    }
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceView {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

pub fn run(catalogue: &Catalogue, name: &str) -> anyhow::Result<RoleCard> {
    let ix = resolve(catalogue, name)?;
    Ok(card(catalogue, ix))
}

/// The card of a role. Sources list the role's own sources, then its tenure source if not already
/// there, so every figure shown can be traced.
pub fn card(catalogue: &Catalogue, ix: RoleIx) -> RoleCard {
    let role = catalogue.role(ix);
    let mut source_ixs = role.sources.clone();
    let tenure_source = match role.tenure.basis {
        TenureBasis::Source(s) => {
            if !source_ixs.contains(&s) {
                source_ixs.push(s);
            }
            Some(s)
        }
        TenureBasis::Estimate => None,
    };
    let sources = source_ixs
        .iter()
        .filter_map(|&s| catalogue.sources.get(s))
        .map(|s| SourceView {
            id: s.id.clone(),
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            published: s.published.clone(),
            url: s.url.clone(),
        })
        .collect();
    let track = catalogue.track_of(role);
    RoleCard {
        id: role.id.clone(),
        title: role.title.clone(),
        aliases: role.aliases.clone(),
        track: track.id.clone(),
        track_name: track.name.clone(),
        level: role.level,
        entry: role.entry,
        summary: role.summary.clone(),
        responsibilities: role.responsibilities.clone(),
        skills: role.skills.clone(),
        reports_to: RoleRef::list(catalogue, &role.reports_to),
        direct_reports: RoleRef::list(catalogue, catalogue.direct_reports_of(ix)),
        tenure: TenureView {
            min: role.tenure.min,
            max: role.tenure.max,
            source: tenure_source
                .and_then(|s| catalogue.sources.get(s))
                .map(|s| s.id.clone()),
            estimate: tenure_source.is_none(),
            note: role.tenure.note.clone(),
        },
        next: RoleRef::list(catalogue, &role.next),
        lateral: RoleRef::list(catalogue, &role.lateral),
        previous: RoleRef::list(catalogue, catalogue.previous_of(ix)),
        titles_by_company_size: TitlesView {
            startup: role.titles_by_company_size.startup.clone(),
            scaleup: role.titles_by_company_size.scaleup.clone(),
            enterprise: role.titles_by_company_size.enterprise.clone(),
        },
        sources,
    }
}
