//! `ladder tree [ROLE]`: the reporting lines as a tree, from the top or from ROLE down.

use serde::Serialize;

use super::LevelView;
use crate::model::{Catalogue, RoleIx};
use crate::resolve::resolve;

/// The trees of reporting lines, one per role at the top (or the one from ROLE), as the list of
/// their roles in drawing order: each role, then the roles under it. Flat, so that its size and
/// the work of drawing it grow with the number of roles, however deep the lines go. Serialises,
/// for `-o json`, as that array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Tree {
    pub roles: Vec<TreeRole>,
}

/// A role in the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreeRole {
    pub id: String,
    pub title: String,
    pub track: String,
    /// The level, as people read it: "IC3", "M6 Director", "rank 4".
    pub level: String,
    /// How far below the top of its tree: 0 for a root.
    pub depth: usize,
    /// Already shown higher up (the role has several bosses): not expanded again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub see_above: bool,
    /// The ids of the roles drawn right under this one, which follow it in the list.
    pub direct_reports: Vec<String>,
    /// The last role under its boss (or the last root): where a drawn branch ends.
    #[serde(skip)]
    pub last: bool,
}

impl Tree {
    /// Whether a role is shown as a repeat somewhere.
    pub fn has_repeats(&self) -> bool {
        self.roles.iter().any(|role| role.see_above)
    }
}

pub fn run(catalogue: &Catalogue, role: Option<&str>) -> anyhow::Result<Tree> {
    if catalogue.roles.iter().all(|r| r.reports_to.is_empty()) {
        anyhow::bail!(
            "the catalogue `{}` has no reporting lines (no role has `reports_to`), so there is no \
             tree to draw; `ladder list` shows every role",
            crate::message::echo(&catalogue.name)
        );
    }
    let roots: Vec<RoleIx> = match role {
        Some(name) => vec![resolve(catalogue, name)?],
        None => (0..catalogue.roles.len())
            .filter(|&ix| catalogue.role(ix).reports_to.is_empty())
            .collect(),
    };
    Ok(walk(catalogue, &roots))
}

/// Depth first, most senior reports first, so "above" is where the role was first drawn; with a
/// stack of its own rather than by recursion, so that no reporting line is too deep. Reporting
/// lines have no cycles (validation refuses them) and each role is expanded once, so this ends.
fn walk(catalogue: &Catalogue, roots: &[RoleIx]) -> Tree {
    let mut seen = vec![false; catalogue.roles.len()];
    let mut roles = Vec::new();
    // Roles still to draw, the next on top: (role, depth, last under its boss).
    let count = roots.len();
    let mut stack: Vec<(RoleIx, usize, bool)> = roots
        .iter()
        .enumerate()
        .rev()
        .map(|(n, &ix)| (ix, 0, n + 1 == count))
        .collect();
    while let Some((ix, depth, last)) = stack.pop() {
        let role = catalogue.role(ix);
        // `seen` has one slot per role of this catalogue.
        let see_above = seen.get(ix).copied().unwrap_or(true);
        if let Some(slot) = seen.get_mut(ix) {
            *slot = true;
        }
        let reports = if see_above {
            Vec::new()
        } else {
            // The most senior reports first, so that a role with several bosses is drawn in
            // full under the most senior line and marked as a repeat under the others.
            let mut reports = catalogue.direct_reports_of(ix).to_vec();
            let rank = |r| catalogue.level_of(catalogue.role(r)).rank;
            reports.sort_by(|&x, &y| rank(y).total_cmp(&rank(x)).then(x.cmp(&y)));
            reports
        };
        let count = reports.len();
        stack.extend(
            reports
                .iter()
                .enumerate()
                .rev()
                .map(|(n, &r)| (r, depth + 1, n + 1 == count)),
        );
        roles.push(TreeRole {
            id: role.id.clone(),
            title: role.title.clone(),
            track: catalogue.track_of(role).id.clone(),
            level: LevelView::new(catalogue.level_of(role)).label(),
            depth,
            see_above,
            direct_reports: reports
                .iter()
                .map(|&r| catalogue.role(r).id.clone())
                .collect(),
            last,
        });
    }
    Tree { roles }
}
