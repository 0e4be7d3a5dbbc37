//! `ladder list`: every role, ordered by track and level, with optional filters.

use serde::Serialize;

use super::{FigureView, LevelView};
use crate::model::Catalogue;
use crate::resolve::normalize;

/// The `list` object of the JSON contract: what the catalogue says about itself, and its roles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listing {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub tracks: Vec<TrackView>,
    pub levels: Vec<LevelView>,
    pub roles: Vec<RoleRow>,
}

/// A track and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackView {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub manages: bool,
}

/// One row of `list`: at least `id`, `title`, `track`, `level` (the JSON contract).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleRow {
    pub id: String,
    pub title: String,
    pub track: String,
    #[serde(skip)]
    pub track_name: String,
    pub level: LevelView,
    /// People join this role from outside the ladder.
    pub entry: bool,
    /// Years in this role before the next move, where known.
    pub in_role: Option<FigureView>,
}

/// Roles in track order (as the catalogue lists tracks), then by level rank, then by catalogue
/// order. `level` matches a level's id, code or name.
pub fn run(
    catalogue: &Catalogue,
    track: Option<&str>,
    level: Option<&str>,
) -> anyhow::Result<Listing> {
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
    let level_ixs: Option<Vec<usize>> = match level {
        None => None,
        Some(name) => {
            let wanted = normalize(name);
            // A number is a rank: `--level 3` finds the levels of rank 3.
            let rank: Option<f64> = name.trim().parse().ok();
            let found: Vec<usize> = (0..catalogue.levels.len())
                .filter(|&ix| {
                    catalogue.levels.get(ix).is_some_and(|l| {
                        rank == Some(l.rank)
                            || [Some(&l.id), l.code.as_ref(), l.name.as_ref()]
                                .into_iter()
                                .flatten()
                                .any(|n| normalize(n) == wanted)
                    })
                })
                .collect();
            if found.is_empty() {
                anyhow::bail!(
                    "no level is called '{}'; the levels are: {}",
                    crate::message::echo(name),
                    catalogue
                        .levels
                        .iter()
                        .map(|l| l.code.as_deref().unwrap_or(&l.id))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            Some(found)
        }
    };
    let mut order: Vec<usize> = (0..catalogue.roles.len())
        .filter(|&ix| {
            let role = catalogue.role(ix);
            track_ix.is_none_or(|t| role.track == t)
                && level_ixs.as_ref().is_none_or(|ls| ls.contains(&role.level))
        })
        .collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (catalogue.role(x), catalogue.role(y));
        a.track
            .cmp(&b.track)
            .then(
                catalogue
                    .level_of(a)
                    .rank
                    .total_cmp(&catalogue.level_of(b).rank),
            )
            .then(x.cmp(&y))
    });
    if order.is_empty() {
        anyhow::bail!("no role matches those filters; `ladder list` shows every role");
    }
    let roles = order
        .into_iter()
        .map(|ix| {
            let role = catalogue.role(ix);
            let track = catalogue.track_of(role);
            RoleRow {
                id: role.id.clone(),
                title: role.title.clone(),
                track: track.id.clone(),
                track_name: track.name.clone(),
                level: LevelView::new(catalogue.level_of(role)),
                entry: role.entry,
                in_role: catalogue.in_role(ix).map(|f| FigureView::new(catalogue, f)),
            }
        })
        .collect();
    Ok(Listing {
        name: catalogue.name.clone(),
        description: catalogue.description.clone(),
        tracks: catalogue
            .tracks
            .iter()
            .map(|t| TrackView {
                id: t.id.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
                manages: t.manages,
            })
            .collect(),
        levels: catalogue.levels.iter().map(LevelView::new).collect(),
        roles,
    })
}
