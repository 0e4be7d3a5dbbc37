//! The plain domain model of a career ladder: catalogue, roles, tracks, tenure and sources.
//!
//! Nothing here knows about YAML, files, clap or terminals. A [`Catalogue`] is only ever built by
//! `catalogue::load` after validation, so every index stored in it is in range and every reference
//! resolves: queries can follow [`RoleIx`] links without checking.

use std::collections::HashMap;

/// Index of a role in [`Catalogue::roles`].
pub type RoleIx = usize;
/// Index of a track in [`Catalogue::tracks`].
pub type TrackIx = usize;
/// Index of a source in [`Catalogue::sources`].
pub type SourceIx = usize;

/// A validated career ladder with its derived indexes.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    pub version: u32,
    pub name: String,
    pub description: Option<String>,
    pub sources: Vec<Source>,
    pub tracks: Vec<Track>,
    pub roles: Vec<Role>,
    /// Derived: for each role, the roles whose `reports_to` names it (in catalogue order).
    pub direct_reports: Vec<Vec<RoleIx>>,
    /// Derived: for each role, the roles whose `next` or `lateral` names it (in catalogue order).
    pub previous: Vec<Vec<RoleIx>>,
    /// Derived: role id -> index.
    pub by_id: HashMap<String, RoleIx>,
}

/// Where a publication can be found; cited by roles and tenure figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// A track: individual contributor, management, executive, ...
#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

/// One role on the ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub track: TrackIx,
    pub level: u32,
    /// Entered from outside the ladder rather than by promotion (the entry level, adjacent leaders).
    pub entry: bool,
    pub summary: String,
    pub responsibilities: Vec<String>,
    pub skills: Vec<String>,
    pub reports_to: Vec<RoleIx>,
    pub tenure: Tenure,
    /// Promotion edges: roles at a higher level this one typically leads to.
    pub next: Vec<RoleIx>,
    /// Track switches: roles at the same level this one can move to.
    pub lateral: Vec<RoleIx>,
    pub titles_by_company_size: TitlesBySize,
    pub sources: Vec<SourceIx>,
}

/// Typical years spent in a role, and what the figure rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Tenure {
    pub min: f64,
    pub max: f64,
    pub basis: TenureBasis,
    pub note: Option<String>,
}

/// Whether a tenure figure cites a source or is the catalogue author's estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenureBasis {
    Source(SourceIx),
    Estimate,
}

/// What a role tends to be called at companies of different sizes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitlesBySize {
    /// Up to about 50 staff.
    pub startup: Option<String>,
    /// About 50 to 500 staff.
    pub scaleup: Option<String>,
    /// 500 staff and more.
    pub enterprise: Option<String>,
}

impl Tenure {
    /// The midpoint of the range, in thousandths of a year: the integer cost routes are ranked by,
    /// so that sums are exact and ties are real ties.
    pub fn midpoint_millis(&self) -> u64 {
        // Validation keeps min and max finite and within 0..=50, so this cannot overflow or be NaN.
        ((self.min + self.max) * 500.0).round() as u64
    }
}

impl Catalogue {
    /// Builds the derived indexes (`direct_reports`, `previous`, `by_id`) from the roles.
    pub fn with_indexes(
        version: u32,
        name: String,
        description: Option<String>,
        sources: Vec<Source>,
        tracks: Vec<Track>,
        roles: Vec<Role>,
    ) -> Catalogue {
        let by_id = roles
            .iter()
            .enumerate()
            .map(|(ix, role)| (role.id.clone(), ix))
            .collect();
        Catalogue::with_id_index(version, name, description, sources, tracks, roles, by_id)
    }

    /// [`Catalogue::with_indexes`], given the index of ids (`by_id`): validation builds it to check
    /// the ids, and building it again would copy and insert every id a second time.
    pub fn with_id_index(
        version: u32,
        name: String,
        description: Option<String>,
        sources: Vec<Source>,
        tracks: Vec<Track>,
        roles: Vec<Role>,
        by_id: HashMap<String, RoleIx>,
    ) -> Catalogue {
        let mut direct_reports = vec![Vec::new(); roles.len()];
        let mut previous = vec![Vec::new(); roles.len()];
        for (ix, role) in roles.iter().enumerate() {
            for &boss in &role.reports_to {
                if let Some(list) = direct_reports.get_mut(boss) {
                    list.push(ix);
                }
            }
            for &to in role.next.iter().chain(&role.lateral) {
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
            version,
            name,
            description,
            sources,
            tracks,
            roles,
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

    /// The roles whose `next` or `lateral` lead to the role at `ix`, in catalogue order.
    #[allow(clippy::indexing_slicing)] // `previous` has one entry per role (see above).
    pub fn previous_of(&self, ix: RoleIx) -> &[RoleIx] {
        &self.previous[ix]
    }

    /// The role with this exact id.
    pub fn role_by_id(&self, id: &str) -> Option<RoleIx> {
        self.by_id.get(id).copied()
    }

    /// Every promotion and lateral edge out of a role, promotions first.
    pub fn moves_from(&self, ix: RoleIx) -> impl Iterator<Item = RoleIx> + '_ {
        let role = self.role(ix);
        role.next.iter().chain(role.lateral.iter()).copied()
    }
}
