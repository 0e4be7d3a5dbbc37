//! `ladder tree [ROLE]`: the reporting lines as a tree, from the top or from ROLE down.

use serde::Serialize;

use crate::model::{Catalogue, RoleIx};
use crate::resolve::resolve;

/// The trees of reporting lines: one per role at the top (or the one from ROLE). Serialises, for
/// `-o json`, as an array of nested roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Tree {
    pub roots: Vec<TreeNode>,
}

/// A role and, under it, the roles that report to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreeNode {
    pub id: String,
    pub title: String,
    pub track: String,
    pub level: u32,
    /// Already shown higher up (the role has several bosses): not expanded again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub see_above: bool,
    pub direct_reports: Vec<TreeNode>,
}

pub fn run(catalogue: &Catalogue, role: Option<&str>) -> anyhow::Result<Tree> {
    let roots: Vec<RoleIx> = match role {
        Some(name) => vec![resolve(catalogue, name)?],
        None => (0..catalogue.roles.len())
            .filter(|&ix| catalogue.role(ix).reports_to.is_empty())
            .collect(),
    };
    let mut seen = vec![false; catalogue.roles.len()];
    let roots = roots
        .into_iter()
        .map(|ix| node(catalogue, ix, &mut seen))
        .collect();
    Ok(Tree { roots })
}

/// Depth first, most senior reports first, so "above" is where the role was first drawn. Reporting lines have no cycles
/// (validation refuses them) and each role is expanded once, so this ends.
fn node(catalogue: &Catalogue, ix: RoleIx, seen: &mut [bool]) -> TreeNode {
    let role = catalogue.role(ix);
    // `seen` has one slot per role of this catalogue.
    let see_above = seen.get(ix).copied().unwrap_or(true);
    if let Some(slot) = seen.get_mut(ix) {
        *slot = true;
    }
    let direct_reports = if see_above {
        Vec::new()
    } else {
        // The most senior reports first, so that a role with several bosses is drawn in full
        // under the most senior line and marked as a repeat under the others.
        let mut reports = catalogue.direct_reports_of(ix).to_vec();
        reports.sort_by_key(|&r| (std::cmp::Reverse(catalogue.role(r).level), r));
        reports
            .into_iter()
            .map(|report| node(catalogue, report, seen))
            .collect()
    };
    TreeNode {
        id: role.id.clone(),
        title: role.title.clone(),
        track: catalogue.track_of(role).id.clone(),
        level: role.level,
        see_above,
        direct_reports,
    }
}
