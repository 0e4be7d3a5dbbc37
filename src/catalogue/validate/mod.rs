//! Validation: raw structs in, a [`Catalogue`] with resolved indexes out (with warnings about
//! the ladder's shape), or every problem found.
//!
//! Each rule of `docs/schema.md` lives here. All checks run to the end, so one run reports every
//! problem; each check is linear in the size of the catalogue.

use std::borrow::Borrow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::diagnostic::Problem;
use super::raw::{At, Pos, RawCatalogue, RawRole};
use crate::model::{Catalogue, Competency, Parts, Role, Source, Track};
use crate::names::{NameKey, closest};

mod ids;
mod level;
mod reporting;
mod role;
mod shape;
mod time;

use ids::{is_kebab_case, kebab_suggestion};
use role::Resolved;

/// The longest time figure, in years.
pub const MAX_YEARS: f64 = 50.0;
/// Level ranks run from 0 to this.
pub const MAX_RANK: f64 = 1000.0;
/// The schema version this ladder writes; version 1 is read as it (`upgrade.rs`).
pub const VERSION: i64 = 2;
/// Did-you-mean for dangling references scans every id; past this many it stops suggesting, so a
/// file full of bad references still validates in linear time.
const MAX_SUGGESTIONS: usize = 64;
/// ... and it also stops once it has compared this many names in all: on a 100,000-role file,
/// 64 suggestions would be 6.4 million comparisons (90 s in a debug build); this allows five.
const MAX_SUGGESTION_COMPARISONS: usize = 500_000;
/// Up to this many ids are listed in full when a reference names none of them.
const LISTED_IDS: usize = 12;
/// Lists up to this long are de-duplicated by scanning them; longer ones through a set.
const SHORT_LIST: usize = 16;

/// A valid catalogue, and what `check` warns about its shape.
pub struct Validated {
    pub catalogue: Catalogue,
    pub warnings: Vec<Problem>,
}

/// The ids of each kind of thing, to resolve references against.
struct Ids<'a> {
    sources: HashMap<&'a str, usize>,
    tracks: HashMap<&'a str, usize>,
    levels: HashMap<&'a str, usize>,
    competencies: HashMap<&'a str, usize>,
    /// Keyed by copies of the ids: this map becomes the catalogue's index of ids, rather than
    /// being built a second time once the ids have moved into the model.
    roles: HashMap<String, usize>,
}

/// Checks a raw catalogue and builds the model, or returns every problem found.
pub fn validate(raw: RawCatalogue) -> Result<Validated, Vec<Problem>> {
    let mut v = Validator::default();
    if raw.version.value != VERSION {
        v.problem(
            raw.version.pos,
            format!(
                "unsupported catalogue version {}; this ladder reads versions 1 and 2",
                raw.version.value
            ),
        );
    }
    if raw.roles.is_empty() {
        v.problem(
            Pos::default(),
            "the catalogue has no roles; add them under `roles:` (`ladder export` shows how)",
        );
    }
    let ids = Ids {
        sources: v.unique_ids("source", raw.sources.iter().map(|s| &s.id)),
        tracks: v.unique_ids("track", raw.tracks.iter().map(|t| &t.id)),
        levels: v.unique_ids("level", raw.levels.iter().map(|l| &l.id)),
        competencies: v.unique_ids("competency", raw.competencies.iter().map(|c| &c.id)),
        roles: v.unique_ids("role", raw.roles.iter().map(|r| &r.value.id)),
    };
    v.names_are_not_ids(&raw.roles);
    let levels = v.levels(&raw.levels, &ids);

    let mut resolved = Vec::with_capacity(raw.roles.len());
    for (ix, role) in raw.roles.iter().enumerate() {
        resolved.push(v.role(ix, role, &raw, &ids));
    }
    v.reporting_cycles(&raw.roles, &resolved);
    v.include_cycles(&raw.roles, &resolved);

    if !v.problems.is_empty() {
        return Err(v.problems);
    }
    let warnings = shape::warnings(&raw, &resolved, &levels);
    let Ids { roles: by_id, .. } = ids;
    // Each raw role becomes its model role in the place it held: `collect` reuses the buffer of
    // the raw roles, which are larger, so that the raw roles and the model roles are never in
    // memory side by side.
    let roles: Vec<Role> = raw
        .roles
        .into_iter()
        .zip(resolved)
        .map(|(raw, resolved)| resolved.into_role(raw.value))
        .collect();
    let parts = Parts {
        name: raw.name,
        description: raw.description,
        sources: raw
            .sources
            .into_iter()
            .map(|s| Source {
                id: s.id.value,
                title: s.title,
                publisher: s.publisher,
                published: s.published,
                url: s.url,
                x: s.x,
            })
            .collect(),
        tracks: raw
            .tracks
            .into_iter()
            .map(|t| Track {
                id: t.id.value,
                name: t.name,
                description: t.description,
                manages: t.manages,
                x: t.x,
            })
            .collect(),
        levels,
        competencies: raw
            .competencies
            .into_iter()
            .map(|c| Competency {
                id: c.id.value,
                name: c.name,
                description: c.description,
                scale: c.scale.into_iter().map(|s| s.value).collect(),
                x: c.x,
            })
            .collect(),
        roles,
        x: raw.x,
    };
    Ok(Validated {
        catalogue: Catalogue::with_id_index(parts, by_id),
        warnings,
    })
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    suggestions_made: usize,
    comparisons_made: usize,
}

impl Validator {
    fn problem(&mut self, pos: Pos, message: impl Into<String>) {
        self.problems.push(Problem::new(pos, message));
    }

    /// Checks ids are kebab-case and unique; returns id -> index (first occurrence wins), keyed
    /// by the ids themselves (`&str`) or by copies of them (`String`).
    fn unique_ids<'a, K: Borrow<str> + Hash + Eq + From<&'a str>>(
        &mut self,
        kind: &str,
        ids: impl Iterator<Item = &'a At<String>>,
    ) -> HashMap<K, usize> {
        let mut seen: HashMap<K, usize> = HashMap::with_capacity(ids.size_hint().0);
        let mut first_pos: Vec<Pos> = Vec::with_capacity(ids.size_hint().0);
        for (ix, id) in ids.enumerate() {
            first_pos.push(id.pos);
            if !is_kebab_case(&id.value) {
                self.problem(
                    id.pos,
                    format!(
                        "{kind} id `{}` must be lower-case kebab-case, like `{}`",
                        id.value,
                        kebab_suggestion(&id.value)
                    ),
                );
            }
            match seen.entry(K::from(id.value.as_str())) {
                Entry::Occupied(earlier) => {
                    let line = first_pos.get(*earlier.get()).map_or(0, |p| p.line);
                    self.problem(
                        id.pos,
                        format!(
                            "duplicate {kind} id `{}`: it is already used on line {line}",
                            id.value
                        ),
                    );
                }
                Entry::Vacant(free) => {
                    free.insert(ix);
                }
            }
        }
        seen
    }

    /// Titles and aliases may be shared by several roles (an ambiguous name lists them), but a
    /// name that is another role's id could never find its own role: the id wins.
    fn names_are_not_ids<'a>(&mut self, roles: &'a [At<RawRole>]) {
        let mut ids_by_key: HashMap<NameKey<'a>, usize> = HashMap::with_capacity(roles.len());
        for (ix, role) in roles.iter().enumerate() {
            ids_by_key
                .entry(NameKey(&role.value.id.value))
                .or_insert(ix);
        }
        for role in roles {
            let role = &role.value;
            if role.title.value.trim().is_empty() {
                self.problem(role.title.pos, "a role's title must not be empty");
            }
            for name in std::iter::once(&role.title).chain(&role.aliases) {
                let key = NameKey(&name.value);
                if key.is_empty() {
                    if !name.value.trim().is_empty() {
                        self.problem(
                            name.pos,
                            format!("the name `{}` has no letters or digits", name.value),
                        );
                    }
                    continue;
                }
                if let Some(other) = ids_by_key.get(&key).and_then(|&ix| roles.get(ix))
                    && other.value.id.value != role.id.value
                {
                    let other = &other.value.id;
                    self.problem(
                        name.pos,
                        format!(
                            "the name `{}` of role `{}` is the id of role `{}` (line {}); a role's id wins, so this name could never find `{}`",
                            name.value, role.id.value, other.value, other.pos.line, role.id.value
                        ),
                    );
                }
            }
        }
    }

    /// Resolves one reference; a dangling one is a problem that lists the ids when there are
    /// few, or suggests the closest.
    fn reference<K: Borrow<str> + Hash + Eq>(
        &mut self,
        kind: &str,
        field: &str,
        reference: &At<String>,
        ids: &HashMap<K, usize>,
    ) -> Option<usize> {
        if let Some(&ix) = ids.get(reference.value.as_str()) {
            return Some(ix);
        }
        let mut message = format!("`{field}` names no {kind} `{}`", reference.value);
        let comparisons = self.comparisons_made.saturating_add(ids.len());
        let best = if self.suggestions_made < MAX_SUGGESTIONS
            && comparisons <= MAX_SUGGESTION_COMPARISONS
        {
            self.suggestions_made += 1;
            self.comparisons_made = comparisons;
            closest(&reference.value, ids.keys().map(|k| k.borrow()))
        } else {
            None
        };
        if let Some(best) = best {
            message.push_str(&format!("; did you mean `{best}`?"));
        } else if ids.is_empty() {
            message.push_str(&format!("; the catalogue defines no {kind} ids"));
        } else if ids.len() <= LISTED_IDS {
            let mut listed: Vec<(&str, usize)> =
                ids.iter().map(|(id, &ix)| (id.borrow(), ix)).collect();
            listed.sort_by_key(|&(_, ix)| ix);
            let listed: Vec<String> = listed.iter().map(|(id, _)| format!("`{id}`")).collect();
            message.push_str(&format!("; the {kind} ids are {}", listed.join(", ")));
        }
        self.problem(reference.pos, message);
        None
    }

    /// Resolves a list of references, without repeats.
    fn references<K: Borrow<str> + Hash + Eq>(
        &mut self,
        kind: &str,
        field: &str,
        list: &[At<String>],
        ids: &HashMap<K, usize>,
    ) -> Vec<usize> {
        let mut out = Vec::with_capacity(list.len());
        // Duplicates are dropped: by a scan for short lists (no allocation, no hashing), by a set
        // for long ones, so that a role listing thousands of ids still validates in linear time.
        let mut seen = HashSet::new();
        let short = list.len() <= SHORT_LIST;
        for reference in list {
            if let Some(ix) = self.reference(kind, field, reference, ids)
                && (if short {
                    !out.contains(&ix)
                } else {
                    seen.insert(ix)
                })
            {
                out.push(ix);
            }
        }
        out
    }
}
