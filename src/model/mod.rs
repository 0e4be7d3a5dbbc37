//! The plain domain model of a career ladder: catalogue, levels, tracks, competencies, roles,
//! moves, time figures and sources.
//!
//! Nothing here knows about YAML, files, clap or terminals. A [`Catalogue`] is only ever built by
//! `catalogue::load` after validation, so every index stored in it is in range and every reference
//! resolves: queries can follow [`RoleIx`] links without checking.

use std::collections::HashMap;

mod derived;
mod sample;

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

/// Extension keys (`x-...`) of a mapping, kept as they were written; `None` when there are none,
/// as for almost every mapping (8 bytes rather than an empty map's 72, on every role, move and
/// figure of a 100,000-role catalogue).
pub type Extensions = Option<Box<serde_json::Map<String, serde_json::Value>>>;

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
