//! `ladder list`: every role, ordered by track and level, with optional filters.

use serde::Serialize;

use super::Years;
use crate::model::Catalogue;
use crate::resolve::normalize;

/// One row of `list`: at least `id`, `title`, `track`, `level` (the JSON contract).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleRow {
    pub id: String,
    pub title: String,
    pub track: String,
    #[serde(skip)]
    pub track_name: String,
    pub level: u32,
    pub tenure: Years,
    pub estimate: bool,
}

/// Roles in track order (as the catalogue lists tracks), then by level, then by catalogue order.
pub fn run(
    catalogue: &Catalogue,
    track: Option<&str>,
    level: Option<u32>,
) -> anyhow::Result<Vec<RoleRow>> {
    let track_ix = match track {
        None => None,
        Some(name) => {
            let wanted = normalize(name);
            let found = catalogue
                .tracks
                .iter()
                .position(|t| normalize(&t.id) == wanted || normalize(&t.name) == wanted);
            match found {
                Some(ix) => Some(ix),
                None => anyhow::bail!(
                    "no track is called '{}'; the tracks are: {}",
                    crate::message::echo(name),
                    catalogue
                        .tracks
                        .iter()
                        .map(|t| t.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
    };
    let mut order: Vec<usize> = (0..catalogue.roles.len())
        .filter(|&ix| {
            let role = catalogue.role(ix);
            track_ix.is_none_or(|t| role.track == t) && level.is_none_or(|l| role.level == l)
        })
        .collect();
    order.sort_by_key(|&ix| {
        let role = catalogue.role(ix);
        (role.track, role.level, ix)
    });
    if order.is_empty() {
        anyhow::bail!("no role matches those filters; `ladder list` shows every role");
    }
    Ok(order
        .into_iter()
        .map(|ix| {
            let role = catalogue.role(ix);
            let track = catalogue.track_of(role);
            RoleRow {
                id: role.id.clone(),
                title: role.title.clone(),
                track: track.id.clone(),
                track_name: track.name.clone(),
                level: role.level,
                tenure: Years {
                    min: role.tenure.min,
                    max: role.tenure.max,
                },
                estimate: matches!(role.tenure.basis, crate::model::TenureBasis::Estimate),
            }
        })
        .collect())
}
