//! A role's own rules: its references resolved (track, level, reporting lines, includes,
//! expectations, moves, sources), its time figures, and the model role it becomes.

use super::{Ids, Validator};
use crate::catalogue::raw::{At, RawCatalogue, RawRole};
use crate::model::{
    Expectation, LevelIx, Move, Role, RoleIx, SourceIx, Time, TitlesBySize, TrackIx,
};

/// What validation works out for a role: its references as indexes, and its time.
pub(super) struct Resolved {
    pub(super) track: TrackIx,
    pub(super) level: LevelIx,
    pub(super) reports_to: Vec<RoleIx>,
    pub(super) includes: Option<RoleIx>,
    pub(super) expectations: Vec<Expectation>,
    pub(super) moves: Vec<Move>,
    pub(super) sources: Vec<SourceIx>,
    pub(super) time: Time,
}

impl Validator {
    pub(super) fn role(
        &mut self,
        ix: RoleIx,
        at: &At<RawRole>,
        raw: &RawCatalogue,
        ids: &Ids,
    ) -> Resolved {
        let role = &at.value;
        let id = &role.id.value;
        if role.summary.value.trim().is_empty() {
            self.problem(role.summary.pos, format!("role `{id}` needs a `summary`"));
        }
        let track = self
            .reference("track", "track", &role.track, &ids.tracks)
            .unwrap_or(0);
        let level = self
            .reference("level", "level", &role.level, &ids.levels)
            .unwrap_or(0);
        let reports_to = self.references("role", "reports_to", &role.reports_to, &ids.roles);
        if reports_to.contains(&ix)
            && let Some(r) = role.reports_to.iter().find(|r| r.value == *id)
        {
            self.problem(r.pos, format!("role `{id}` cannot report to itself"));
        }
        let includes = role.includes.as_ref().and_then(|included| {
            let to = self.reference("role", "includes", included, &ids.roles)?;
            if to == ix {
                self.problem(included.pos, format!("role `{id}` cannot include itself"));
                return None;
            }
            Some(to)
        });
        let expectations = self.expectations(id, role, raw, ids);
        let moves = self.moves(ix, id, role, ids);
        let sources = self.references("source", "sources", &role.sources, &ids.sources);
        let time = match &role.time {
            Some(_) => self.time(&format!("role `{id}`"), role.time.as_ref(), ids),
            None => Time::default(),
        };
        Resolved {
            track,
            level,
            reports_to,
            includes,
            expectations,
            moves,
            sources,
            time,
        }
    }

    fn expectations(
        &mut self,
        id: &str,
        role: &RawRole,
        raw: &RawCatalogue,
        ids: &Ids,
    ) -> Vec<Expectation> {
        let mut out: Vec<Expectation> = Vec::with_capacity(role.expectations.len());
        for at in &role.expectations {
            let e = &at.value;
            let Some(area) = self.reference("competency", "area", &e.area, &ids.competencies)
            else {
                continue;
            };
            if out.iter().any(|seen| seen.area == area) {
                self.problem(
                    e.area.pos,
                    format!(
                        "role `{id}` names the competency `{}` twice; give each area once",
                        e.area.value
                    ),
                );
                continue;
            }
            if e.proficiency.is_none() && e.text.is_none() {
                self.problem(
                    at.pos,
                    format!(
                        "the expectation of role `{id}` in `{}` needs a `proficiency` or a `text`",
                        e.area.value
                    ),
                );
            }
            let scale = raw
                .competencies
                .get(area)
                .map_or(&[][..], |c| c.scale.as_slice());
            let proficiency = e.proficiency.as_ref().and_then(|p| {
                let step = scale.iter().position(|s| s.value == p.value);
                if step.is_none() {
                    let message = if scale.is_empty() {
                        format!(
                            "the competency `{}` has no `scale`, so it takes no proficiency; \
                             give a scale, or say it in `text`",
                            e.area.value
                        )
                    } else {
                        let steps: Vec<String> =
                            scale.iter().map(|s| format!("`{}`", s.value)).collect();
                        format!(
                            "`{}` is not a step of the scale of `{}`: {}",
                            p.value,
                            e.area.value,
                            steps.join(", ")
                        )
                    };
                    self.problem(p.pos, message);
                }
                step
            });
            out.push(Expectation {
                area,
                proficiency,
                text: e.text.as_ref().map(|t| t.value.clone()),
                x: e.x.clone(),
            });
        }
        out
    }

    fn moves(&mut self, ix: RoleIx, id: &str, role: &RawRole, ids: &Ids) -> Vec<Move> {
        let mut out: Vec<Move> = Vec::with_capacity(role.moves.len());
        // Repeats found by a scan of a short list (no allocation: most roles have a few moves), by
        // a set for a long one, so that a role with thousands of moves still validates in
        // linear time.
        let short = role.moves.len() <= super::SHORT_LIST;
        let mut targets: std::collections::HashSet<RoleIx> = std::collections::HashSet::new();
        for at in &role.moves {
            let m = &at.value;
            let source = m
                .source
                .as_ref()
                .and_then(|s| self.reference("source", "source", s, &ids.sources));
            let Some(to) = self.reference("role", "to", &m.to, &ids.roles) else {
                continue;
            };
            if to == ix {
                self.problem(m.to.pos, format!("role `{id}` cannot move to itself"));
                continue;
            }
            let repeat = if short {
                out.iter().any(|m| m.to == to)
            } else {
                !targets.insert(to)
            };
            if repeat {
                self.problem(
                    m.to.pos,
                    format!(
                        "role `{id}` has two moves to `{}`; give each move once",
                        m.to.value
                    ),
                );
                continue;
            }
            out.push(Move {
                to,
                condition: m.condition.clone(),
                note: m.note.clone(),
                source,
                x: m.x.clone(),
            });
        }
        out
    }
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
            aliases: values(raw.aliases),
            track: self.track,
            level: self.level,
            entry: raw.entry,
            summary: raw.summary.value,
            responsibilities: values(raw.responsibilities),
            includes: self.includes,
            expectations: self.expectations,
            reports_to: self.reports_to,
            time: self.time,
            moves: self.moves,
            titles_by_company_size: TitlesBySize {
                startup: titles.startup.map(|t| t.value),
                scaleup: titles.scaleup.map(|t| t.value),
                enterprise: titles.enterprise.map(|t| t.value),
                x: titles.x,
            },
            sources: self.sources,
            x: raw.x,
        }
    }
}

/// The texts of a list, without their positions.
fn values(list: Vec<At<String>>) -> Vec<String> {
    list.into_iter().map(|item| item.value).collect()
}
