//! Validation: raw structs in, a [`Catalogue`] with resolved indexes out, or every problem found.
//!
//! Each rule of `docs/schema.md` lives here. All checks run to the end, so one run reports every
//! problem; each check is linear in the size of the catalogue.

use std::borrow::Borrow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::diagnostic::Problem;
use super::raw::{At, Pos, RawCatalogue, RawRole};
use crate::model::{
    Catalogue, Role, RoleIx, Source, SourceIx, Tenure, TenureBasis, Track, TrackIx,
};
use crate::names::{NameKey, closest};

mod reporting;
mod resolved;
mod text;

use resolved::Resolved;
use text::{is_kebab_case, kebab_suggestion};

/// The longest tenure a role may state, in years.
pub const MAX_TENURE_YEARS: f64 = 50.0;
/// Levels run from 1 to this.
pub const MAX_LEVEL: u32 = 100;
/// Did-you-mean for dangling references scans every id; past this many it stops suggesting, so a
/// file full of bad references still validates in linear time.
const MAX_SUGGESTIONS: usize = 64;
/// ... and it also stops once it has compared this many names in all: on a 100,000-role file,
/// 64 suggestions would be 6.4 million comparisons (90 s in a debug build); this allows five.
const MAX_SUGGESTION_COMPARISONS: usize = 500_000;
/// Lists up to this long are de-duplicated by scanning them; longer ones through a set.
const SHORT_LIST: usize = 16;

/// Checks a raw catalogue and builds the model, or returns every problem found.
pub fn validate(raw: RawCatalogue) -> Result<Catalogue, Vec<Problem>> {
    let mut v = Validator::default();
    if raw.version.value != 1 {
        v.problem(
            raw.version.pos,
            format!(
                "unsupported catalogue version {}; this ladder reads version 1",
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
    let source_ids: HashMap<&str, usize> =
        v.unique_ids("source", raw.sources.iter().map(|s| &s.id));
    let track_ids: HashMap<&str, usize> = v.unique_ids("track", raw.tracks.iter().map(|t| &t.id));
    // Keyed by copies of the ids: this map becomes the catalogue's index of ids, rather than
    // being built a second time once the ids have moved into the model.
    let role_ids: HashMap<String, usize> =
        v.unique_ids("role", raw.roles.iter().map(|r| &r.value.id));
    v.unique_names(&raw.roles);

    let mut resolved = Vec::with_capacity(raw.roles.len());
    for (ix, role) in raw.roles.iter().enumerate() {
        resolved.push(v.role(ix, role, &raw.roles, &role_ids, &track_ids, &source_ids));
    }
    // Checked with each role, where its references are resolved, and reported after them all.
    let mut level_problems = std::mem::take(&mut v.level_problems);
    v.problems.append(&mut level_problems);
    v.reporting_cycles(&raw.roles, &resolved);
    v.plain_text(&raw);

    if !v.problems.is_empty() {
        return Err(v.problems);
    }
    // Each raw role becomes its model role in the place it held: `collect` reuses the buffer of
    // the raw roles, which are larger, so that the raw roles and the model roles are never in
    // memory side by side. The room left over is not given back (`shrink_to_fit`): mimalloc
    // would copy the roles into a new buffer to do so.
    let roles: Vec<Role> = raw
        .roles
        .into_iter()
        .zip(resolved)
        .map(|(raw, resolved)| resolved.into_role(raw.value))
        .collect();
    let sources = raw
        .sources
        .into_iter()
        .map(|s| Source {
            id: s.id.value,
            title: s.title,
            publisher: s.publisher,
            published: s.published,
            url: s.url,
        })
        .collect();
    let tracks = raw
        .tracks
        .into_iter()
        .map(|t| Track {
            id: t.id.value,
            name: t.name,
            description: t.description,
        })
        .collect();
    let catalogue = Catalogue::with_id_index(
        // Validated to be 1.
        u32::try_from(raw.version.value).unwrap_or(1),
        raw.name,
        raw.description,
        sources,
        tracks,
        roles,
        role_ids,
    );
    Ok(catalogue)
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    /// Problems with the levels of `next` and `lateral`, reported after every other problem of
    /// the roles (as when they were checked in a pass of their own).
    level_problems: Vec<Problem>,
    /// The `next` and `lateral` references of the role at hand, resolved, with their positions.
    moves: Vec<(RoleIx, Pos)>,
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

    /// A title or alias names one role only, compared as `resolve` compares names (`names.rs`),
    /// and is not another role's id, which `resolve` would always prefer.
    fn unique_names<'a>(&mut self, roles: &'a [At<RawRole>]) {
        let names = roles.iter().map(|r| 1 + r.value.aliases.len()).sum();
        let mut owner: HashMap<NameKey<'a>, (usize, Pos)> = HashMap::with_capacity(names);
        // The first role with an id (a second one is refused as a duplicate).
        let mut ids_by_key: HashMap<NameKey<'a>, usize> = HashMap::with_capacity(roles.len());
        for (ix, role) in roles.iter().enumerate() {
            ids_by_key
                .entry(NameKey(&role.value.id.value))
                .or_insert(ix);
        }
        for (ix, role) in roles.iter().enumerate() {
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
                let id_owner = ids_by_key.get(&key).copied().filter(|&other| {
                    roles.get(other).map(|r| &r.value.id.value) != Some(&role.id.value)
                });
                let shared_with = match owner.entry(key) {
                    Entry::Occupied(owned) => {
                        let (other, pos) = *owned.get();
                        if other != ix {
                            let other_id =
                                roles.get(other).map_or("", |r| r.value.id.value.as_str());
                            self.problem(
                                name.pos,
                                format!(
                                    "the name `{}` is already used by role `{other_id}` (line {}); a name must point to one role",
                                    name.value, pos.line
                                ),
                            );
                        }
                        Some(other)
                    }
                    Entry::Vacant(free) => {
                        free.insert((ix, name.pos));
                        None
                    }
                };
                // Said once: a name shared with the role whose id it is was named above.
                if let Some(other) = id_owner
                    && shared_with != Some(other)
                    && let Some(other_role) = roles.get(other)
                {
                    let other = &other_role.value.id;
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
        if self.suggestions_made < MAX_SUGGESTIONS && comparisons <= MAX_SUGGESTION_COMPARISONS {
            self.suggestions_made += 1;
            self.comparisons_made = comparisons;
            if let Some(best) = closest(&reference.value, ids.keys().map(|k| k.borrow())) {
                message.push_str(&format!("; did you mean `{best}`?"));
            }
        }
        self.problem(reference.pos, message);
        None
    }

    /// Resolves a list of references, without repeats; `resolved` gets every reference that
    /// resolves, repeats included, with its position.
    fn references<K: Borrow<str> + Hash + Eq>(
        &mut self,
        kind: &str,
        field: &str,
        list: &[At<String>],
        ids: &HashMap<K, usize>,
        mut resolved: Option<&mut Vec<(usize, Pos)>>,
    ) -> Vec<usize> {
        let mut out = Vec::with_capacity(list.len());
        // Duplicates are dropped: by a scan for short lists (no allocation, no hashing: this runs
        // for four lists of every role), by a set for long ones, so that a role listing thousands
        // of ids still validates in linear time.
        let mut seen = HashSet::new();
        let short = list.len() <= SHORT_LIST;
        for reference in list {
            let ix = self.reference(kind, field, reference, ids);
            if let (Some(ix), Some(resolved)) = (ix, resolved.as_deref_mut()) {
                resolved.push((ix, reference.pos));
            }
            if let Some(ix) = ix
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

    fn role(
        &mut self,
        ix: RoleIx,
        at: &At<RawRole>,
        all: &[At<RawRole>],
        role_ids: &HashMap<String, usize>,
        track_ids: &HashMap<&str, usize>,
        source_ids: &HashMap<&str, usize>,
    ) -> Resolved {
        let raw = &at.value;
        let id = &raw.id.value;
        if raw.summary.value.trim().is_empty() {
            self.problem(raw.summary.pos, format!("role `{id}` needs a `summary`"));
        }
        if raw.responsibilities.value.is_empty() {
            self.problem(
                raw.responsibilities.pos,
                format!("role `{id}` needs at least one responsibility"),
            );
        }
        if !(1..=i64::from(MAX_LEVEL)).contains(&raw.level.value) {
            self.problem(
                raw.level.pos,
                format!(
                    "level {} is out of range: levels run from 1 to {MAX_LEVEL}",
                    raw.level.value
                ),
            );
        }
        let track: TrackIx = self
            .reference("track", "track", &raw.track, track_ids)
            .unwrap_or(0);
        let reports_to = self.references("role", "reports_to", &raw.reports_to, role_ids, None);
        if reports_to.contains(&ix)
            && let Some(r) = raw.reports_to.iter().find(|r| r.value == *id)
        {
            self.problem(r.pos, format!("role `{id}` cannot report to itself"));
        }
        let mut moves = std::mem::take(&mut self.moves);
        moves.clear();
        let next = self.references("role", "next", &raw.next, role_ids, Some(&mut moves));
        let promotions = moves.len();
        let lateral = self.references("role", "lateral", &raw.lateral, role_ids, Some(&mut moves));
        let sources: Vec<SourceIx> =
            self.references("source", "sources", &raw.sources, source_ids, None);
        let tenure = self.tenure(id, &raw.tenure, source_ids);
        self.move_levels(ix, raw, all, &moves, promotions);
        self.moves = moves;
        Resolved {
            track,
            reports_to,
            next,
            lateral,
            sources,
            tenure,
        }
    }

    fn tenure(
        &mut self,
        id: &str,
        at: &At<super::raw::RawTenure>,
        source_ids: &HashMap<&str, usize>,
    ) -> Tenure {
        let raw = &at.value;
        let (min, max) = (raw.min.value, raw.max.value);
        for bound in [&raw.min, &raw.max] {
            let v = bound.value;
            if !v.is_finite() {
                self.problem(
                    bound.pos,
                    format!("tenure of `{id}` must be a finite number of years, not {v}"),
                );
            } else if v < 0.0 {
                self.problem(
                    bound.pos,
                    format!("tenure of `{id}` cannot be negative ({v} years)"),
                );
            } else if v > MAX_TENURE_YEARS {
                self.problem(
                    bound.pos,
                    format!(
                        "tenure of `{id}` is {v} years; at most {MAX_TENURE_YEARS} years is allowed"
                    ),
                );
            }
        }
        if min.is_finite() && max.is_finite() && min > max {
            self.problem(
                raw.min.pos,
                format!("tenure of `{id}` has min {min} above max {max}"),
            );
        }
        let basis = match (&raw.source, raw.estimate) {
            (Some(source), false) => self
                .reference("source", "tenure.source", source, source_ids)
                .map_or(TenureBasis::Estimate, TenureBasis::Source),
            (None, true) => TenureBasis::Estimate,
            (Some(source), true) => {
                self.problem(
                    source.pos,
                    format!("tenure of `{id}` has both a `source` and `estimate: true`; keep one"),
                );
                TenureBasis::Estimate
            }
            (None, false) => {
                self.problem(
                    at.pos,
                    format!("tenure of `{id}` needs a `source` (a source id) or `estimate: true`"),
                );
                TenureBasis::Estimate
            }
        };
        let clamp = |v: f64| {
            if v.is_finite() {
                v.clamp(0.0, MAX_TENURE_YEARS)
            } else {
                0.0
            }
        };
        Tenure {
            min: clamp(min),
            max: clamp(max),
            basis,
            note: None, // moved in by `Resolved::into_role`
        }
    }

    /// `next` goes strictly up a level, `lateral` stays level, neither points at the role itself.
    /// `moves` are the role's resolved `next` references, then its `lateral` ones, from
    /// `promotions` on.
    fn move_levels(
        &mut self,
        ix: RoleIx,
        from: &RawRole,
        all: &[At<RawRole>],
        moves: &[(RoleIx, Pos)],
        promotions: usize,
    ) {
        let id = &from.id.value;
        let level = from.level.value;
        for (n, &(to, pos)) in moves.iter().enumerate() {
            if to == ix {
                self.level_problems.push(Problem::new(
                    pos,
                    format!("role `{id}` cannot lead to itself"),
                ));
                continue;
            }
            let Some(target) = all.get(to).map(|t| &t.value) else {
                continue;
            };
            let (edge, ok, rule) = if n < promotions {
                (
                    "next",
                    target.level.value > level,
                    "a higher level (use `lateral` for a move at the same level)",
                )
            } else {
                ("lateral", target.level.value == level, "the same level")
            };
            if !ok {
                self.level_problems.push(Problem::new(
                    pos,
                    format!(
                        "`{edge}` of `{id}` (level {level}) points to `{}` at level {}; `{edge}` must point to {rule}",
                        target.id.value, target.level.value
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalogue::{Limits, load_text};

    /// Roles r0..r{n-1} on one track; each `(role, boss)` pair adds a reporting line.
    fn problems_with_reporting_lines(n: usize, lines: &[(usize, usize)]) -> Vec<(u32, String)> {
        let mut text = String::from("version: 1\nname: t\ntracks: [{id: ic, name: IC}]\nroles:\n");
        for ix in 0..n {
            let bosses: Vec<String> = lines
                .iter()
                .filter(|(role, _)| *role == ix)
                .map(|(_, boss)| format!("r{boss}"))
                .collect();
            text.push_str(&format!(
                "  - {{id: r{ix}, title: R{ix}, track: ic, level: 1, summary: s, responsibilities: [w], \
                 tenure: {{min: 1, max: 2, estimate: true}}, reports_to: [{}]}}\n",
                bosses.join(", ")
            ));
        }
        match load_text("t.yaml", &text, &Limits::default()) {
            Ok(_) => Vec::new(),
            Err(invalid) => invalid
                .problems
                .into_iter()
                .map(|p| (p.pos.line, p.message))
                .collect(),
        }
    }

    fn problems(text: &str) -> Vec<(u32, String)> {
        match load_text("t.yaml", text, &Limits::default()) {
            Ok(_) => Vec::new(),
            Err(invalid) => invalid
                .problems
                .into_iter()
                .map(|p| (p.pos.line, p.message))
                .collect(),
        }
    }

    const ONE_ROLE: &str = "version: 1\nname: t\ntracks: [{id: ic, name: IC}]\nroles:\n  - id: a\n    \
        title: TITLE\n    track: ic\n    level: 1\n    summary: SUMMARY\n    \
        responsibilities: [w]\n    tenure: {min: 1, max: 2, estimate: true}\n";

    #[test]
    fn terminal_control_codes_in_text_are_refused_where_they_are() {
        // Each at its own field: the summary on line 9, not the role's line 5.
        let text = ONE_ROLE
            .replace("TITLE", "\"Evil \\e]0;retitled\\a\"")
            .replace("SUMMARY", "\"Clears \\e[2J the screen\"");
        assert_eq!(
            problems(&text),
            [
                (
                    6,
                    "the `title` of role `a` holds a control character (U+001B); text may hold \
                     line breaks and tabs, but no terminal control codes"
                        .to_owned()
                ),
                (
                    9,
                    "the `summary` of role `a` holds a control character (U+001B); text may hold \
                     line breaks and tabs, but no terminal control codes"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn line_breaks_and_tabs_in_text_are_fine() {
        let text = ONE_ROLE.replace("SUMMARY", "\"Two\\nlines,\\ttabbed\"");
        assert_eq!(problems(&text), []);
    }

    #[test]
    fn line_breaks_and_tabs_in_one_line_fields_are_refused_with_the_rest() {
        let text = ONE_ROLE
            .replace("TITLE", "\"Tabbed\\ttitle\"")
            .replace("track: ic", "track: ic\n    aliases: [\"two\\nlines\"]")
            .replace("level: 1", "level: 0");
        assert_eq!(
            problems(&text),
            [
                (
                    6,
                    "`title` of role `a` holds a tab; it must be one line, without line breaks or tabs"
                        .to_owned()
                ),
                (
                    8,
                    "`aliases` of role `a` holds a line break; it must be one line, without line breaks or tabs"
                        .to_owned()
                ),
                (9, "level 0 is out of range: levels run from 1 to 100".to_owned()),
            ]
        );
    }

    #[test]
    fn a_short_reporting_cycle_is_named_in_full_at_the_line_that_closes_it() {
        let problems = problems_with_reporting_lines(3, &[(0, 1), (1, 2), (2, 0)]);
        assert_eq!(
            problems,
            [(
                7,
                "reporting lines form a cycle: r0 -> r1 -> r2 -> r0".to_owned()
            )]
        );
    }

    #[test]
    fn a_long_reporting_cycle_is_named_by_its_ends() {
        let n = 50;
        let mut lines: Vec<(usize, usize)> = (0..n - 1).map(|ix| (ix, ix + 1)).collect();
        lines.push((n - 1, 0));
        let problems = problems_with_reporting_lines(n, &lines);
        assert_eq!(
            problems,
            [(
                5 + n as u32 - 1,
                "reporting lines form a cycle: r0 -> r1 -> r2 -> r3 -> ... (44 more) -> r48 -> r49 -> r0"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn every_line_back_up_a_chain_is_a_cycle_of_its_own() {
        // r_i reports to r_{i+1} and to r0.
        let n = 12;
        let mut lines: Vec<(usize, usize)> = (0..n - 1).map(|ix| (ix, ix + 1)).collect();
        lines.extend((1..n).map(|ix| (ix, 0)));
        let problems = problems_with_reporting_lines(n, &lines);
        assert_eq!(problems.len(), n - 1, "{problems:?}");
        assert_eq!(
            problems[0].1,
            "reporting lines form a cycle: r0 -> r1 -> r0"
        );
        assert_eq!(
            problems[n - 2].1,
            "reporting lines form a cycle: r0 -> r1 -> r2 -> r3 -> ... (6 more) -> r10 -> r11 -> r0"
        );
    }
}
