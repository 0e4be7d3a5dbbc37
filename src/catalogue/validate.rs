//! Validation: raw structs in, a [`Catalogue`] with resolved indexes out, or every problem found.
//!
//! Each rule of `docs/schema.md` lives here. All checks run to the end, so one run reports every
//! problem; each check is linear in the size of the catalogue.

use std::collections::{HashMap, HashSet};

use super::diagnostic::Problem;
use super::raw::{At, Pos, RawCatalogue, RawRole};
use crate::model::{
    Catalogue, Role, RoleIx, Source, SourceIx, Tenure, TenureBasis, TitlesBySize, Track, TrackIx,
};
use crate::resolve::{closest, normalize};

/// The longest tenure a role may state, in years.
pub const MAX_TENURE_YEARS: f64 = 50.0;
/// Levels run from 1 to this.
pub const MAX_LEVEL: u32 = 100;
/// Did-you-mean for dangling references scans every id; past this many it stops suggesting, so a
/// file full of bad references still validates in linear time.
const MAX_SUGGESTIONS: usize = 64;
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
    let source_ids = v.unique_ids("source", raw.sources.iter().map(|s| &s.id));
    let track_ids = v.unique_ids("track", raw.tracks.iter().map(|t| &t.id));
    let role_ids = v.unique_ids("role", raw.roles.iter().map(|r| &r.value.id));
    v.unique_names(&raw.roles);

    let mut roles = Vec::with_capacity(raw.roles.len());
    for (ix, role) in raw.roles.iter().enumerate() {
        roles.push(v.role(ix, role, &role_ids, &track_ids, &source_ids));
    }
    v.promotion_levels(&raw.roles, &roles, &role_ids);
    v.reporting_cycles(&raw.roles, &roles);

    if !v.problems.is_empty() {
        return Err(v.problems);
    }
    let mut raw_roles = raw.roles;
    for (role, raw) in roles.iter_mut().zip(&mut raw_roles) {
        move_text(role, &mut raw.value);
    }
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
    let catalogue = Catalogue::with_indexes(
        raw.version.value,
        raw.name,
        raw.description,
        sources,
        tracks,
        roles,
    );
    // What is left of the raw roles (ids and references, now indexes) is freed last, in one go:
    // freeing it role by role between the allocations above makes the allocator consolidate
    // its free lists over and over, which cost a third of the time on 100,000 roles.
    drop(raw_roles);
    Ok(catalogue)
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    suggestions_made: usize,
}

impl Validator {
    fn problem(&mut self, pos: Pos, message: impl Into<String>) {
        self.problems.push(Problem::new(pos, message));
    }

    /// Checks ids are kebab-case and unique; returns id -> index (first occurrence wins).
    fn unique_ids<'a>(
        &mut self,
        kind: &str,
        ids: impl Iterator<Item = &'a At<String>>,
    ) -> HashMap<&'a str, usize> {
        let mut seen: HashMap<&'a str, usize> = HashMap::with_capacity(ids.size_hint().0);
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
            if let Some(&earlier) = seen.get(id.value.as_str()) {
                let line = first_pos.get(earlier).map_or(0, |p| p.line);
                self.problem(
                    id.pos,
                    format!(
                        "duplicate {kind} id `{}`: it is already used on line {line}",
                        id.value
                    ),
                );
            } else {
                seen.insert(id.value.as_str(), ix);
            }
        }
        seen
    }

    /// A title or alias names one role only, compared as `resolve` compares names.
    fn unique_names(&mut self, roles: &[At<RawRole>]) {
        let mut owner: HashMap<String, (usize, Pos)> = HashMap::with_capacity(roles.len() * 2);
        for (ix, role) in roles.iter().enumerate() {
            let role = &role.value;
            if role.title.value.trim().is_empty() {
                self.problem(role.title.pos, "a role's title must not be empty");
            }
            for name in std::iter::once(&role.title).chain(&role.aliases) {
                let key = normalize(&name.value);
                if key.is_empty() {
                    if !name.value.trim().is_empty() {
                        self.problem(
                            name.pos,
                            format!("the name `{}` has no letters or digits", name.value),
                        );
                    }
                    continue;
                }
                match owner.get(&key) {
                    Some(&(other, pos)) if other != ix => {
                        let other_id = roles.get(other).map_or("", |r| r.value.id.value.as_str());
                        self.problem(
                            name.pos,
                            format!(
                                "the name `{}` is already used by role `{other_id}` (line {}); a name must point to one role",
                                name.value, pos.line
                            ),
                        );
                    }
                    Some(_) => {}
                    None => {
                        owner.insert(key, (ix, name.pos));
                    }
                }
            }
        }
    }

    fn reference(
        &mut self,
        kind: &str,
        field: &str,
        reference: &At<String>,
        ids: &HashMap<&str, usize>,
    ) -> Option<usize> {
        if let Some(&ix) = ids.get(reference.value.as_str()) {
            return Some(ix);
        }
        let mut message = format!("`{field}` names no {kind} `{}`", reference.value);
        if self.suggestions_made < MAX_SUGGESTIONS {
            self.suggestions_made += 1;
            if let Some(best) = closest(&reference.value, ids.keys().copied()) {
                message.push_str(&format!("; did you mean `{best}`?"));
            }
        }
        self.problem(reference.pos, message);
        None
    }

    fn references(
        &mut self,
        kind: &str,
        field: &str,
        list: &[At<String>],
        ids: &HashMap<&str, usize>,
    ) -> Vec<usize> {
        // Duplicates are dropped: by a scan for short lists, by a set for long ones, so that a
        // role listing thousands of ids still validates in linear time.
        let mut out = Vec::with_capacity(list.len());
        let mut seen = HashSet::new();
        let short = list.len() <= SHORT_LIST;
        for reference in list {
            if let Some(ix) = self.reference(kind, field, reference, ids) {
                let first = if short {
                    !out.contains(&ix)
                } else {
                    seen.insert(ix)
                };
                if first {
                    out.push(ix);
                }
            }
        }
        out
    }

    fn role(
        &mut self,
        ix: RoleIx,
        at: &At<RawRole>,
        role_ids: &HashMap<&str, usize>,
        track_ids: &HashMap<&str, usize>,
        source_ids: &HashMap<&str, usize>,
    ) -> Role {
        let raw = &at.value;
        let id = &raw.id.value;
        if raw.summary.trim().is_empty() {
            self.problem(at.pos, format!("role `{id}` needs a `summary`"));
        }
        if raw.responsibilities.value.is_empty() {
            self.problem(
                raw.responsibilities.pos,
                format!("role `{id}` needs at least one responsibility"),
            );
        }
        if raw.level.value == 0 || raw.level.value > MAX_LEVEL {
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
        let reports_to = self.references("role", "reports_to", &raw.reports_to, role_ids);
        if reports_to.contains(&ix)
            && let Some(r) = raw.reports_to.iter().find(|r| r.value == *id)
        {
            self.problem(r.pos, format!("role `{id}` cannot report to itself"));
        }
        let next = self.references("role", "next", &raw.next, role_ids);
        let lateral = self.references("role", "lateral", &raw.lateral, role_ids);
        let sources: Vec<SourceIx> = self.references("source", "sources", &raw.sources, source_ids);
        let tenure = self.tenure(id, &raw.tenure, source_ids);
        // The text is left empty here and moved in by `move_text` once every check has passed.
        Role {
            id: id.clone(),
            title: String::new(),
            aliases: Vec::new(),
            track,
            level: raw.level.value,
            entry: raw.entry,
            summary: String::new(),
            responsibilities: Vec::new(),
            skills: Vec::new(),
            reports_to,
            tenure,
            next,
            lateral,
            titles_by_company_size: TitlesBySize::default(),
            sources,
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
            note: None, // moved in by `move_text`
        }
    }

    /// `next` goes strictly up a level, `lateral` stays level, neither points at the role itself.
    fn promotion_levels(
        &mut self,
        raw: &[At<RawRole>],
        roles: &[Role],
        role_ids: &HashMap<&str, usize>,
    ) {
        for (ix, (at, role)) in raw.iter().zip(roles).enumerate() {
            let from = &at.value;
            for (edge, list) in [("next", &from.next), ("lateral", &from.lateral)] {
                for reference in list {
                    let Some(&to) = role_ids.get(reference.value.as_str()) else {
                        continue;
                    };
                    if to == ix {
                        self.problem(
                            reference.pos,
                            format!("role `{}` cannot lead to itself", role.id),
                        );
                        continue;
                    }
                    let Some(target) = roles.get(to) else {
                        continue;
                    };
                    let (ok, rule) = if edge == "next" {
                        (
                            target.level > role.level,
                            "a higher level (use `lateral` for a move at the same level)",
                        )
                    } else {
                        (target.level == role.level, "the same level")
                    };
                    if !ok {
                        self.problem(
                            reference.pos,
                            format!(
                                "`{edge}` of `{}` (level {}) points to `{}` at level {}; `{edge}` must point to {rule}",
                                role.id, role.level, target.id, target.level
                            ),
                        );
                    }
                }
            }
        }
    }

    /// Reporting lines must form a forest: finds every cycle with an iterative depth-first search
    /// and names it in full.
    fn reporting_cycles(&mut self, raw: &[At<RawRole>], roles: &[Role]) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let mut mark = vec![Mark::New; roles.len()];
        // Where each open role sits on the stack, so a cycle is cut out without a search.
        let mut depth = vec![0usize; roles.len()];
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
                            let from = depth.get(boss).copied().unwrap_or(0);
                            let mut names: Vec<&str> = stack
                                .get(from..)
                                .unwrap_or(&[])
                                .iter()
                                .filter_map(|&(n, _)| roles.get(n).map(|r| r.id.as_str()))
                                .collect();
                            if let Some(r) = roles.get(boss) {
                                names.push(&r.id);
                            }
                            let pos = raw
                                .get(node)
                                .and_then(|r| {
                                    let boss_id = roles.get(boss).map(|b| b.id.as_str())?;
                                    r.value.reports_to.iter().find(|x| x.value == boss_id)
                                })
                                .map_or(Pos::default(), |x| x.pos);
                            if names.len() > 2 {
                                self.problem(
                                    pos,
                                    format!("reporting lines form a cycle: {}", names.join(" -> ")),
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

/// Moves the text of a checked raw role into its model role, rather than copying it: on a
/// 100,000-role catalogue, copying every string (and then freeing the originals) would double
/// the memory and about double the time of validation.
fn move_text(role: &mut Role, raw: &mut RawRole) {
    use std::mem::take;
    role.title = take(&mut raw.title.value);
    role.aliases = raw
        .aliases
        .iter_mut()
        .map(|alias| take(&mut alias.value))
        .collect();
    role.summary = take(&mut raw.summary);
    role.responsibilities = take(&mut raw.responsibilities.value);
    role.skills = take(&mut raw.skills);
    role.tenure.note = raw.tenure.value.note.take();
    let titles = raw.titles_by_company_size.take().unwrap_or_default();
    role.titles_by_company_size = TitlesBySize {
        startup: titles.startup,
        scaleup: titles.scaleup,
        enterprise: titles.enterprise,
    };
}

/// `[a-z0-9]+(-[a-z0-9]+)*`
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn kebab_suggestion(id: &str) -> String {
    let mut out = String::new();
    for c in id.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "my-role".to_owned()
    } else {
        out
    }
}
