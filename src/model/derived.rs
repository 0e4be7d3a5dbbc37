//! What the catalogue answers directly: its indexes built once, the accessors that follow them,
//! and what is derived from levels, tracks and `includes` (the kind of a move, the time that
//! holds for a role, a role's cumulative expectations).

use std::collections::HashMap;

use super::{
    AreaExpectation, Catalogue, Competency, CompetencyIx, Figure, Level, Move, MoveKind, Parts,
    RankChange, Role, RoleIx, Source, SourceIx, Track,
};

impl Catalogue {
    /// Builds the derived indexes (`direct_reports`, `previous`, `by_id`) from the roles.
    pub fn with_indexes(parts: Parts) -> Catalogue {
        let by_id = parts
            .roles
            .iter()
            .enumerate()
            .map(|(ix, role)| (role.id.clone(), ix))
            .collect();
        Catalogue::with_id_index(parts, by_id)
    }

    /// [`Catalogue::with_indexes`], given the index of ids (`by_id`): validation builds it to check
    /// the ids, and building it again would copy and insert every id a second time.
    pub fn with_id_index(parts: Parts, by_id: HashMap<String, RoleIx>) -> Catalogue {
        let Parts {
            name,
            description,
            sources,
            tracks,
            levels,
            competencies,
            roles,
            x,
        } = parts;
        let mut direct_reports = vec![Vec::new(); roles.len()];
        let mut previous = vec![Vec::new(); roles.len()];
        for (ix, role) in roles.iter().enumerate() {
            for &boss in &role.reports_to {
                if let Some(list) = direct_reports.get_mut(boss) {
                    list.push(ix);
                }
            }
            for to in role.moves.iter().map(|m| m.to) {
                // Role `ix` is pushed only while its own edges are walked, so a repeat would be
                // the last entry: checking that keeps this linear when many roles lead to one.
                if let Some(list) = previous.get_mut(to)
                    && list.last() != Some(&ix)
                {
                    list.push(ix);
                }
            }
        }
        Catalogue {
            name,
            description,
            sources,
            tracks,
            levels,
            competencies,
            roles,
            x,
            direct_reports,
            previous,
            by_id,
        }
    }

    // The accessors below index without checking. They cannot panic: a `Catalogue` is only built
    // by validation, which resolves every reference to an index in range (and `with_indexes` sizes
    // the derived lists to the roles), and every `RoleIx` a query holds comes from this catalogue
    // (resolution, graph walks, or its own lists). Checking at each use would only hide such a bug.

    /// The role at `ix`.
    #[allow(clippy::indexing_slicing)] // `ix` comes from this catalogue (see above).
    pub fn role(&self, ix: RoleIx) -> &Role {
        &self.roles[ix]
    }

    /// The track of a role.
    #[allow(clippy::indexing_slicing)] // validation resolved `role.track` in this catalogue.
    pub fn track_of(&self, role: &Role) -> &Track {
        &self.tracks[role.track]
    }

    /// The source at `ix`.
    #[allow(clippy::indexing_slicing)] // validation resolved every source index in this catalogue.
    pub fn source(&self, ix: SourceIx) -> &Source {
        &self.sources[ix]
    }

    /// The roles that report to the role at `ix`, in catalogue order.
    #[allow(clippy::indexing_slicing)] // `direct_reports` has one entry per role (see above).
    pub fn direct_reports_of(&self, ix: RoleIx) -> &[RoleIx] {
        &self.direct_reports[ix]
    }

    /// The roles with a move to the role at `ix`, in catalogue order.
    #[allow(clippy::indexing_slicing)] // `previous` has one entry per role (see above).
    pub fn previous_of(&self, ix: RoleIx) -> &[RoleIx] {
        &self.previous[ix]
    }

    /// The role with this exact id.
    pub fn role_by_id(&self, id: &str) -> Option<RoleIx> {
        self.by_id.get(id).copied()
    }

    /// The level of a role.
    #[allow(clippy::indexing_slicing)] // validation resolved `role.level` in this catalogue.
    pub fn level_of(&self, role: &Role) -> &Level {
        &self.levels[role.level]
    }

    /// The competency at `ix`.
    #[allow(clippy::indexing_slicing)] // validation resolved every competency index.
    pub fn competency(&self, ix: CompetencyIx) -> &Competency {
        &self.competencies[ix]
    }

    /// Every role a role has a move to, in file order.
    pub fn moves_from(&self, ix: RoleIx) -> impl Iterator<Item = RoleIx> + '_ {
        self.role(ix).moves.iter().map(|m| m.to)
    }

    /// The move from one role to another, if there is one.
    pub fn move_between(&self, from: RoleIx, to: RoleIx) -> Option<&Move> {
        self.role(from).moves.iter().find(|m| m.to == to)
    }

    /// What a move from one role to another is: up, across or down, and whether it switches track.
    pub fn move_kind(&self, from: RoleIx, to: RoleIx) -> MoveKind {
        let (a, b) = (self.role(from), self.role(to));
        let (ra, rb) = (self.level_of(a).rank, self.level_of(b).rank);
        MoveKind {
            rank: if rb > ra {
                RankChange::Up
            } else if rb < ra {
                RankChange::Down
            } else {
                RankChange::Same
            },
            switches_track: a.track != b.track,
        }
    }

    /// The time figures that hold for a role: its own, or else its level's, each figure apart.
    pub fn time_of(&self, ix: RoleIx) -> (Option<&Figure>, Option<&Figure>) {
        let role = self.role(ix);
        let level = &self.level_of(role).time;
        (
            role.time.in_role.as_ref().or(level.in_role.as_ref()),
            role.time.experience.as_ref().or(level.experience.as_ref()),
        )
    }

    /// Years in a role before the next move, where known.
    pub fn in_role(&self, ix: RoleIx) -> Option<&Figure> {
        self.time_of(ix).0
    }

    /// A role's expectations, its own and those it includes (validation rules out cycles), by
    /// area in the order the areas are first met: each with the roles the lines come from.
    pub fn expectations_of(&self, ix: RoleIx) -> Vec<AreaExpectation> {
        let mut chain = vec![ix];
        let mut at = ix;
        while let Some(next) = self.role(at).includes {
            if chain.contains(&next) || chain.len() > self.roles.len() {
                break;
            }
            chain.push(next);
            at = next;
        }
        let mut areas: Vec<AreaExpectation> = Vec::new();
        // The deepest included role first, so that later roles add to and override it.
        for &from in chain.iter().rev() {
            for e in &self.role(from).expectations {
                let ix = match areas.iter().position(|a| a.area == e.area) {
                    Some(ix) => ix,
                    None => {
                        areas.push(AreaExpectation {
                            area: e.area,
                            proficiency: None,
                            texts: Vec::new(),
                        });
                        areas.len() - 1
                    }
                };
                if let Some(a) = areas.get_mut(ix) {
                    if let Some(p) = e.proficiency {
                        a.proficiency = Some((p, from));
                    }
                    if let Some(text) = &e.text {
                        a.texts.push((text.clone(), from));
                    }
                }
            }
        }
        areas.sort_by_key(|a| a.area);
        areas
    }
}
