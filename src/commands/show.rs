//! `ladder show ROLE`: the role card.

use serde::Serialize;

use super::{FigureView, LevelView, MoveView, RoleRef};
use crate::model::{Catalogue, Extensions, RoleIx};
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub track_description: Option<String>,
    pub level: LevelView,
    /// What the level means, and what the framework says of it as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub level_facts: Vec<String>,
    pub entry: bool,
    pub summary: String,
    pub responsibilities: Vec<String>,
    pub expectations: Vec<ExpectationView>,
    pub reports_to: Vec<RoleRef>,
    pub direct_reports: Vec<RoleRef>,
    pub time: TimeView,
    pub moves: Vec<MoveView>,
    pub previous: Vec<RoleRef>,
    pub titles_by_company_size: TitlesView,
    pub sources: Vec<SourceView>,
    /// The role's extension keys (`x-...`), as written.
    #[serde(flatten)]
    pub x: Extensions,
}

/// The time figures that hold for a role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeView {
    /// Years in this role before the next move.
    pub in_role: Option<FigureView>,
    /// Years of total experience typical at this level.
    pub experience: Option<FigureView>,
    /// The figures are the level's, the role giving none of its own.
    pub from_level: bool,
}

/// What a role is expected to do in one competency area, with what it includes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExpectationView {
    /// The competency id.
    pub area: String,
    pub name: String,
    /// A step of the area's scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proficiency: Option<String>,
    /// The step's place on the scale, from 1, and the scale's length.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<(usize, usize)>,
    /// The role the proficiency is set by, when it is an included role rather than this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proficiency_from: Option<RoleRef>,
    /// Texts, those of included roles first, each with the role it comes from.
    pub texts: Vec<ExpectationText>,
}

/// One line of an expectation, and the role whose line it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExpectationText {
    pub text: String,
    pub from: RoleRef,
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

/// A role's expectations by area, with what it includes.
pub fn expectations(catalogue: &Catalogue, ix: RoleIx) -> Vec<ExpectationView> {
    catalogue
        .expectations_of(ix)
        .into_iter()
        .map(|e| {
            let area = catalogue.competency(e.area);
            ExpectationView {
                area: area.id.clone(),
                name: area.name.clone(),
                proficiency: e.proficiency.and_then(|(p, _)| area.scale.get(p)).cloned(),
                step: e.proficiency.map(|(p, _)| (p + 1, area.scale.len())),
                proficiency_from: e
                    .proficiency
                    .filter(|&(_, from)| from != ix)
                    .map(|(_, from)| RoleRef::new(catalogue, from)),
                texts: e
                    .texts
                    .into_iter()
                    .map(|(text, from)| ExpectationText {
                        text,
                        from: RoleRef::new(catalogue, from),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The card of a role. Sources list the role's own sources, then those of its time figures and
/// moves not already there, so every figure shown can be traced.
pub fn card(catalogue: &Catalogue, ix: RoleIx) -> RoleCard {
    let role = catalogue.role(ix);
    let (in_role, experience) = catalogue.time_of(ix);
    let mut source_ixs = role.sources.clone();
    let cited = [in_role, experience]
        .into_iter()
        .flatten()
        .flat_map(|f| f.sources.iter().copied())
        .chain(role.moves.iter().filter_map(|m| m.source));
    for s in cited {
        if !source_ixs.contains(&s) {
            source_ixs.push(s);
        }
    }
    let sources = source_ixs
        .iter()
        .map(|&s| catalogue.source(s))
        .map(|s| SourceView {
            id: s.id.clone(),
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            published: s.published.clone(),
            url: s.url.clone(),
        })
        .collect();
    let track = catalogue.track_of(role);
    let own = &role.time;
    RoleCard {
        id: role.id.clone(),
        title: role.title.clone(),
        aliases: role.aliases.clone(),
        track: track.id.clone(),
        track_name: track.name.clone(),
        track_description: track.description.clone(),
        level: LevelView::new(catalogue.level_of(role)),
        level_description: catalogue.level_of(role).description.clone(),
        level_facts: catalogue.level_of(role).facts.clone(),
        entry: role.entry,
        summary: role.summary.clone(),
        responsibilities: role.responsibilities.clone(),
        expectations: expectations(catalogue, ix),
        reports_to: RoleRef::list(catalogue, &role.reports_to),
        direct_reports: RoleRef::list(catalogue, catalogue.direct_reports_of(ix)),
        time: TimeView {
            in_role: in_role.map(|f| FigureView::new(catalogue, f)),
            experience: experience.map(|f| FigureView::new(catalogue, f)),
            from_level: own.in_role.is_none()
                && own.experience.is_none()
                && (in_role.is_some() || experience.is_some()),
        },
        moves: role
            .moves
            .iter()
            .map(|m| MoveView::new(catalogue, ix, m))
            .collect(),
        previous: RoleRef::list(catalogue, catalogue.previous_of(ix)),
        titles_by_company_size: TitlesView {
            startup: role.titles_by_company_size.startup.clone(),
            scaleup: role.titles_by_company_size.scaleup.clone(),
            enterprise: role.titles_by_company_size.enterprise.clone(),
        },
        sources,
        x: role.x.clone(),
    }
}
