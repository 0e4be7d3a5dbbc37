//! Warnings about the ladder's shape: things that are allowed, but that are most often a
//! mistake. `check` shows them and exits 0; `check --strict` makes them errors.

use super::Resolved;
use crate::catalogue::diagnostic::Problem;
use crate::catalogue::raw::RawCatalogue;
use crate::model::Level;

/// Every warning about a valid catalogue, in file order.
pub(super) fn warnings(raw: &RawCatalogue, roles: &[Resolved], levels: &[Level]) -> Vec<Problem> {
    let mut out = Vec::new();
    let n = raw.roles.len();
    let mut led_to = vec![false; n];
    let mut has_reports = vec![false; n];
    let mut level_used = vec![false; levels.len()];
    let mut competency_used = vec![false; raw.competencies.len()];
    let mut source_used = vec![false; raw.sources.len()];
    let mark = |used: &mut Vec<bool>, ix: usize| {
        if let Some(u) = used.get_mut(ix) {
            *u = true;
        }
    };
    for role in roles {
        for m in &role.moves {
            mark(&mut led_to, m.to);
            if let Some(s) = m.source {
                mark(&mut source_used, s);
            }
        }
        for &boss in &role.reports_to {
            mark(&mut has_reports, boss);
        }
        mark(&mut level_used, role.level);
        for e in &role.expectations {
            mark(&mut competency_used, e.area);
        }
        for &s in &role.sources {
            mark(&mut source_used, s);
        }
        for figure in [&role.time.in_role, &role.time.experience]
            .into_iter()
            .flatten()
        {
            for &s in &figure.sources {
                mark(&mut source_used, s);
            }
        }
    }
    for level in levels {
        for figure in [&level.time.in_role, &level.time.experience]
            .into_iter()
            .flatten()
        {
            for &s in &figure.sources {
                mark(&mut source_used, s);
            }
        }
    }
    for ((at, resolved), (led_to, has_reports)) in raw
        .roles
        .iter()
        .zip(roles)
        .zip(led_to.iter().zip(&has_reports))
    {
        let role = &at.value;
        let id = &role.id.value;
        if !led_to && !role.entry {
            out.push(Problem::new(
                role.id.pos,
                format!(
                    "no move leads to role `{id}`; mark it `entry: true` if people join it from \
                     outside the ladder, or add a move to it"
                ),
            ));
        }
        if let Some(track) = raw.tracks.get(resolved.track)
            && track.manages
            && !has_reports
        {
            out.push(Problem::new(
                role.id.pos,
                format!(
                    "role `{id}` is on the `{}` track, whose roles manage people, but no role \
                     reports to it",
                    track.id.value
                ),
            ));
        }
    }
    let unused = |kind: &str, id: &crate::catalogue::raw::At<String>, what: &str| {
        Problem::new(
            id.pos,
            format!("the {kind} `{}` is not used: {what}", id.value),
        )
    };
    for (level, used) in raw.levels.iter().zip(level_used) {
        if !used {
            out.push(unused("level", &level.id, "no role is at it"));
        }
    }
    for (competency, used) in raw.competencies.iter().zip(competency_used) {
        if !used {
            out.push(unused(
                "competency",
                &competency.id,
                "no role has an expectation in it",
            ));
        }
    }
    for (source, used) in raw.sources.iter().zip(source_used) {
        if !used {
            out.push(unused("source", &source.id, "nothing cites it"));
        }
    }
    out.sort_by_key(|p| p.pos);
    out
}
