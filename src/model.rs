//! The plain domain model of a career ladder: catalogue, levels, tracks, competencies, roles,
//! moves, time figures and sources.
//!
//! Nothing here knows about YAML, files, clap or terminals. A [`Catalogue`] is only ever built by
//! `catalogue::load` after validation, so every index stored in it is in range and every reference
//! resolves: queries can follow [`RoleIx`] links without checking.

use std::collections::HashMap;

/// Index of a role in [`Catalogue::roles`].
pub type RoleIx = usize;
/// Index of a track in [`Catalogue::tracks`].
pub type TrackIx = usize;
/// Index of a level in [`Catalogue::levels`].
pub type LevelIx = usize;
/// Index of a competency in [`Catalogue::competencies`].
pub type CompetencyIx = usize;
/// Index of a source in [`Catalogue::sources`].
pub type SourceIx = usize;

/// Extension keys (`x-...`) of a mapping, kept as they were written.
pub type Extensions = serde_json::Map<String, serde_json::Value>;

/// A validated career ladder with its derived indexes.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    pub name: String,
    pub description: Option<String>,
    pub sources: Vec<Source>,
    pub tracks: Vec<Track>,
    pub levels: Vec<Level>,
    pub competencies: Vec<Competency>,
    pub roles: Vec<Role>,
    pub x: Extensions,
    /// Derived: for each role, the roles whose `reports_to` names it (in catalogue order).
    pub direct_reports: Vec<Vec<RoleIx>>,
    /// Derived: for each role, the roles with a move to it (in catalogue order).
    pub previous: Vec<Vec<RoleIx>>,
    /// Derived: role id -> index.
    pub by_id: HashMap<String, RoleIx>,
}

/// Where a publication can be found; cited by roles, moves and time figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub x: Extensions,
}

/// A track: individual contributor, management, executive, ...
#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Roles on this track manage people.
    pub manages: bool,
    pub x: Extensions,
}

/// A rung of the ladder, shared by every track.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub id: String,
    /// Orders the ladder; several levels may share a rank. Finite, 0 to 1000.
    pub rank: f64,
    /// The framework's own code: IC3, M3, L5.
    pub code: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub facts: Vec<String>,
    /// For every role at this level without a time of its own.
    pub time: Time,
    pub x: Extensions,
}

/// An area roles are expected to grow in.
#[derive(Debug, Clone, PartialEq)]
pub struct Competency {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Proficiency steps, lowest first; empty when the area has no scale.
    pub scale: Vec<String>,
    pub x: Extensions,
}

/// One role on the ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub track: TrackIx,
    pub level: LevelIx,
    /// Entered from outside the ladder rather than by promotion (the entry level, adjacent leaders).
    pub entry: bool,
    pub summary: String,
    pub responsibilities: Vec<String>,
    /// The role whose expectations this one includes.
    pub includes: Option<RoleIx>,
    /// The role's own expectations, in file order (see [`Catalogue::expectations_of`]).
    pub expectations: Vec<Expectation>,
    pub reports_to: Vec<RoleIx>,
    /// The role's own time figures (see [`Catalogue::time_of`]).
    pub time: Time,
    pub moves: Vec<Move>,
    pub titles_by_company_size: TitlesBySize,
    pub sources: Vec<SourceIx>,
    pub x: Extensions,
}

/// What a role is expected to do in one competency area.
#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    pub area: CompetencyIx,
    /// An index into the area's scale.
    pub proficiency: Option<usize>,
    pub text: Option<String>,
    pub x: Extensions,
}

/// The time figures of a role or a level; each may be unknown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Time {
    /// Years in the role before the next move.
    pub in_role: Option<Figure>,
    /// Years of total experience typical at the level.
    pub experience: Option<Figure>,
    pub x: Extensions,
}

/// A number of years, and what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub min: f64,
    /// `None`: open-ended, "min or more".
    pub max: Option<f64>,
    pub sources: Vec<SourceIx>,
    /// (Part of) the figure is the catalogue author's estimate.
    pub estimate: bool,
    pub note: Option<String>,
    pub x: Extensions,
}

/// A move from one role to another.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub to: RoleIx,
    pub condition: Option<String>,
    pub note: Option<String>,
    pub source: Option<SourceIx>,
    pub x: Extensions,
}

/// What a move is, derived from the levels and tracks of its two roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoveKind {
    pub rank: RankChange,
    /// The two roles are on different tracks.
    pub switches_track: bool,
}

/// Whether a move goes up, down or across the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankChange {
    Up,
    Same,
    Down,
}

impl MoveKind {
    /// "promotion", "promotion and track switch", "track switch", "step down", "move across"...
    pub fn describe(&self) -> &'static str {
        match (self.rank, self.switches_track) {
            (RankChange::Up, false) => "promotion",
            (RankChange::Up, true) => "promotion and track switch",
            (RankChange::Same, true) => "track switch",
            (RankChange::Same, false) => "move across",
            (RankChange::Down, false) => "step down",
            (RankChange::Down, true) => "step down and track switch",
        }
    }
}

/// What a role tends to be called at companies of different sizes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TitlesBySize {
    /// Up to about 50 staff.
    pub startup: Option<String>,
    /// About 50 to 500 staff.
    pub scaleup: Option<String>,
    /// 500 staff and more.
    pub enterprise: Option<String>,
    pub x: Extensions,
}

impl Figure {
    /// The midpoint of the range, in thousandths of a year: the integer cost routes are ranked by,
    /// so that sums are exact and ties are real ties. An open-ended figure counts its minimum.
    pub fn midpoint_millis(&self) -> u64 {
        // Validation keeps min and max finite and within 0..=50, so this cannot overflow or be NaN.
        let max = self.max.unwrap_or(self.min);
        ((self.min + max) * 500.0).round() as u64
    }

    /// Whether the figure rests on sources alone.
    pub fn is_sourced(&self) -> bool {
        !self.estimate && !self.sources.is_empty()
    }
}

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

/// A role's expectation in one area, with what it includes: each line with the role it is from.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaExpectation {
    pub area: CompetencyIx,
    /// A step of the area's scale, and the role that sets it.
    pub proficiency: Option<(usize, RoleIx)>,
    /// Texts, those of included roles first.
    pub texts: Vec<(String, RoleIx)>,
}

/// The parts of a catalogue, before its indexes are derived.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    pub name: String,
    pub description: Option<String>,
    pub sources: Vec<Source>,
    pub tracks: Vec<Track>,
    pub levels: Vec<Level>,
    pub competencies: Vec<Competency>,
    pub roles: Vec<Role>,
    pub x: Extensions,
}

impl Role {
    /// A role with only an id and a title, at level 0 on track 0: for tests and generated
    /// catalogues.
    pub fn sample(id: &str, title: &str) -> Role {
        Role {
            id: id.into(),
            title: title.into(),
            aliases: Vec::new(),
            track: 0,
            level: 0,
            entry: false,
            summary: String::new(),
            responsibilities: Vec::new(),
            includes: None,
            expectations: Vec::new(),
            reports_to: Vec::new(),
            time: Time::default(),
            moves: Vec::new(),
            titles_by_company_size: TitlesBySize::default(),
            sources: Vec::new(),
            x: Extensions::new(),
        }
    }
}

impl Catalogue {
    /// These roles on one track, with one level per rank in `0..levels` (level `n` has rank `n`):
    /// for tests and generated catalogues.
    pub fn sample(roles: Vec<Role>, levels: usize) -> Catalogue {
        Catalogue::with_indexes(Parts {
            name: "test".into(),
            tracks: vec![Track {
                id: "ic".into(),
                name: "Individual contributor".into(),
                description: None,
                manages: false,
                x: Extensions::new(),
            }],
            levels: (0..levels)
                .map(|n| Level {
                    id: format!("l{n}"),
                    rank: n as f64,
                    code: None,
                    name: None,
                    description: None,
                    facts: Vec::new(),
                    time: Time::default(),
                    x: Extensions::new(),
                })
                .collect(),
            roles,
            ..Parts::default()
        })
    }
}

impl Move {
    /// A move to a role, with nothing more said of it.
    pub fn to(to: RoleIx) -> Move {
        Move {
            to,
            condition: None,
            note: None,
            source: None,
            x: Extensions::new(),
        }
    }
}

impl Figure {
    /// An estimated range of years.
    pub fn estimate(min: f64, max: f64) -> Figure {
        Figure {
            min,
            max: Some(max),
            sources: Vec::new(),
            estimate: true,
            note: None,
            x: Extensions::new(),
        }
    }
}
