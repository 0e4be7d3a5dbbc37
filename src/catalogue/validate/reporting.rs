//! Reporting lines and `includes`: neither may form a cycle; every cycle is found and named.

use std::collections::HashMap;

use super::{Resolved, Validator};
use crate::catalogue::raw::{At, Pos, RawRole};
use crate::model::RoleIx;

impl Validator {
    /// Reporting lines must form a forest: finds every cycle with an iterative depth-first search
    /// and names it (the middle of a very long one left out).
    pub(super) fn reporting_cycles(&mut self, raw: &[At<RawRole>], roles: &[Resolved]) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let mut mark = vec![Mark::New; roles.len()];
        // For an open role, its place on the stack.
        let mut depth = vec![0; roles.len()];
        let mut report_positions = ReportPositions::default();
        let mut stack: Vec<(RoleIx, usize)> = Vec::new();
        for start in 0..roles.len() {
            if mark.get(start) != Some(&Mark::New) {
                continue;
            }
            stack.push((start, 0));
            if let Some(m) = mark.get_mut(start) {
                *m = Mark::Open;
            }
            if let Some(d) = depth.get_mut(start) {
                *d = 0;
            }
            while let Some(&mut (node, ref mut edge)) = stack.last_mut() {
                let bosses = roles.get(node).map_or(&[][..], |r| r.reports_to.as_slice());
                if let Some(&boss) = bosses.get(*edge) {
                    *edge += 1;
                    match mark.get(boss).copied() {
                        Some(Mark::New) => {
                            if let Some(m) = mark.get_mut(boss) {
                                *m = Mark::Open;
                            }
                            if let Some(d) = depth.get_mut(boss) {
                                *d = stack.len();
                            }
                            stack.push((boss, 0));
                        }
                        Some(Mark::Open) => {
                            // Where `boss` sits on the stack, from `depth` rather than a search,
                            // so that many edges back up a long chain stay linear.
                            let from = depth.get(boss).copied().unwrap_or(0);
                            let cycle = stack.get(from..).unwrap_or(&[]);
                            if cycle.len() > 1 {
                                // The model's ids are moved in only once every check has
                                // passed: the raw ones are the same.
                                let id_of = |n: RoleIx| {
                                    raw.get(n).map_or("", |r| r.value.id.value.as_str())
                                };
                                let id = |&(n, _): &(RoleIx, usize)| id_of(n);
                                let boss_id = id_of(boss);
                                let pos = report_positions
                                    .of(raw, node)
                                    .get(boss_id)
                                    .copied()
                                    .unwrap_or_default();
                                self.problem(
                                    pos,
                                    format!(
                                        "reporting lines form a cycle: {}",
                                        cycle_text(cycle, id, boss_id)
                                    ),
                                );
                            }
                        }
                        _ => {}
                    }
                } else {
                    if let Some(m) = mark.get_mut(node) {
                        *m = Mark::Done;
                    }
                    stack.pop();
                }
            }
        }
    }
}

/// Where each `reports_to` entry of one role was written, by boss id; built for the role whose
/// edges are being walked, and kept while the next back edge comes from the same role.
#[derive(Default)]
struct ReportPositions<'a> {
    role: Option<RoleIx>,
    by_boss: HashMap<&'a str, Pos>,
}

impl<'a> ReportPositions<'a> {
    fn of(&mut self, raw: &'a [At<RawRole>], role: RoleIx) -> &HashMap<&'a str, Pos> {
        if self.role != Some(role) {
            self.role = Some(role);
            self.by_boss.clear();
            for boss in raw
                .get(role)
                .map_or(&[][..], |r| r.value.reports_to.as_slice())
            {
                self.by_boss.entry(boss.value.as_str()).or_insert(boss.pos);
            }
        }
        &self.by_boss
    }
}

/// `a -> b -> c -> a`: the roles of a cycle, from the stack of the search, back to the first. A
/// cycle of more than ten roles shows its first four and last three, so the message stays short
/// however long the chain.
fn cycle_text<'a>(
    cycle: &[(RoleIx, usize)],
    id: impl Fn(&(RoleIx, usize)) -> &'a str,
    back_to: &'a str,
) -> String {
    const FULL: usize = 10;
    const HEAD: usize = 4;
    const TAIL: usize = 2;
    let ids = |part: &[(RoleIx, usize)]| part.iter().map(&id).collect::<Vec<&str>>();
    if cycle.len() <= FULL {
        let mut all = ids(cycle);
        all.push(back_to);
        return all.join(" -> ");
    }
    let head = ids(cycle.get(..HEAD).unwrap_or(&[]));
    let mut tail = ids(cycle.get(cycle.len().saturating_sub(TAIL)..).unwrap_or(&[]));
    tail.push(back_to);
    format!(
        "{} -> ... ({} more) -> {}",
        head.join(" -> "),
        cycle.len().saturating_sub(HEAD + TAIL),
        tail.join(" -> ")
    )
}

impl Validator {
    /// `includes` chains must end: each role includes at most one, so a walk along each chain,
    /// marking roles done, finds every cycle in linear time.
    pub(super) fn include_cycles(&mut self, raw: &[At<RawRole>], roles: &[Resolved]) {
        // 0: not seen; n + 1: seen on the walk from role n.
        let mut seen = vec![0usize; roles.len()];
        for start in 0..roles.len() {
            let mut chain: Vec<RoleIx> = Vec::new();
            let mut at = start;
            loop {
                match seen.get(at).copied() {
                    Some(0) => {}
                    Some(walk) if walk == start + 1 => {
                        let from = chain.iter().position(|&r| r == at).unwrap_or(0);
                        let cycle: Vec<(RoleIx, usize)> = chain
                            .get(from..)
                            .unwrap_or(&[])
                            .iter()
                            .map(|&r| (r, 0))
                            .collect();
                        let id_of =
                            |n: RoleIx| raw.get(n).map_or("", |r| r.value.id.value.as_str());
                        let last = chain.last().copied().unwrap_or(at);
                        let pos = raw
                            .get(last)
                            .and_then(|r| r.value.includes.as_ref())
                            .map_or(Pos::default(), |i| i.pos);
                        self.problem(
                            pos,
                            format!(
                                "`includes` form a cycle: {}",
                                cycle_text(&cycle, |&(n, _)| id_of(n), id_of(at))
                            ),
                        );
                        break;
                    }
                    _ => break,
                }
                if let Some(s) = seen.get_mut(at) {
                    *s = start + 1;
                }
                chain.push(at);
                match roles.get(at).and_then(|r| r.includes) {
                    Some(next) => at = next,
                    None => break,
                }
            }
        }
    }
}
