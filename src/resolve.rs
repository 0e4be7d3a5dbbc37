//! Role names to roles: ids, aliases and titles, case- and punctuation-insensitive, then a unique
//! prefix; with "did you mean" suggestions for names that match nothing.

use crate::model::{Catalogue, RoleIx};
// `normalize` is re-exported for the commands that compare names through this module.
pub use crate::names::normalize;
use crate::names::{key_is, key_starts_with, ranked};

/// Most suggestions shown for an unknown name.
const MAX_SUGGESTIONS: usize = 3;
/// Most candidates listed for an ambiguous name.
const MAX_CANDIDATES: usize = 10;

/// Why a name did not pick out one role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("a role name needs at least one letter or digit; `ladder list` shows every role")]
    Empty,
    #[error("{}", unknown_message(name, suggestions))]
    Unknown {
        name: String,
        /// Ids of the closest roles, best first.
        suggestions: Vec<String>,
    },
    #[error("{}", ambiguous_message(name, candidates, *more))]
    Ambiguous {
        name: String,
        /// (id, title) of the roles the name could mean, in catalogue order.
        candidates: Vec<(String, String)>,
        /// How many more candidates were not listed.
        more: usize,
    },
}

fn unknown_message(name: &str, suggestions: &[String]) -> String {
    let shown = shorten(name);
    match suggestions {
        [] => format!("no role is called '{shown}'; `ladder list` shows every role"),
        [one] => format!("no role is called '{shown}'; did you mean '{one}'?"),
        many => format!(
            "no role is called '{shown}'; did you mean {}?",
            many.iter()
                .map(|s| format!("'{s}'"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn ambiguous_message(name: &str, candidates: &[(String, String)], more: usize) -> String {
    let mut out = format!(
        "'{}' could mean more than one role; use one of these ids:",
        shorten(name)
    );
    for (id, title) in candidates {
        out.push_str(&format!("\n  {id:<24} {title}"));
    }
    if more > 0 {
        out.push_str(&format!("\n  ... and {more} more"));
    }
    out
}

/// A very long name is cut in messages, so that one bad argument cannot flood the terminal.
fn shorten(name: &str) -> String {
    const MAX: usize = 60;
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX).collect();
        format!("{cut}...")
    }
}

/// Finds the role a name means. Tried in order: an id exactly as written (a hash lookup), an id,
/// then an alias or title, then a prefix of exactly one role's id, alias or title (one linear
/// pass over the names).
pub fn resolve(catalogue: &Catalogue, name: &str) -> Result<RoleIx, ResolveError> {
    // An exact id is one hash lookup rather than a scan of every role.
    if let Some(ix) = catalogue.role_by_id(name) {
        return Ok(ix);
    }
    let wanted = normalize(name);
    if wanted.is_empty() {
        return Err(ResolveError::Empty);
    }
    let mut by_name: Option<RoleIx> = None;
    let mut by_prefix: Vec<RoleIx> = Vec::new();
    for (ix, role) in catalogue.roles.iter().enumerate() {
        if key_is(&role.id, &wanted) {
            return Ok(ix);
        }
        let mut prefix = key_starts_with(&role.id, &wanted);
        for n in std::iter::once(&role.title).chain(&role.aliases) {
            if by_name.is_none() && key_is(n, &wanted) {
                by_name = Some(ix);
            }
            prefix = prefix || key_starts_with(n, &wanted);
        }
        if prefix {
            by_prefix.push(ix);
        }
    }
    if let Some(ix) = by_name {
        return Ok(ix);
    }
    match by_prefix.as_slice() {
        [ix] => Ok(*ix),
        [] => {
            let ids = catalogue.roles.iter().map(|r| r.id.as_str());
            let names = catalogue.roles.iter().flat_map(|r| {
                std::iter::once(r.title.as_str()).chain(r.aliases.iter().map(String::as_str))
            });
            // Suggest ids; a close title or alias suggests the id of its role.
            let mut suggestions: Vec<String> = ranked(name, ids, MAX_SUGGESTIONS)
                .into_iter()
                .map(str::to_owned)
                .collect();
            for close in ranked(name, names, MAX_SUGGESTIONS) {
                if let Ok(ix) = resolve_exact(catalogue, close) {
                    let id = &catalogue.role(ix).id;
                    if !suggestions.contains(id) {
                        suggestions.push(id.clone());
                    }
                }
            }
            suggestions.truncate(MAX_SUGGESTIONS);
            Err(ResolveError::Unknown {
                name: name.to_owned(),
                suggestions,
            })
        }
        many => Err(ResolveError::Ambiguous {
            name: name.to_owned(),
            candidates: many
                .iter()
                .take(MAX_CANDIDATES)
                .map(|&ix| {
                    let role = catalogue.role(ix);
                    (role.id.clone(), role.title.clone())
                })
                .collect(),
            more: many.len().saturating_sub(MAX_CANDIDATES),
        }),
    }
}

/// The role whose title or alias is exactly this name (after normalising).
fn resolve_exact(catalogue: &Catalogue, name: &str) -> Result<RoleIx, ()> {
    let wanted = normalize(name);
    catalogue
        .roles
        .iter()
        .position(|r| {
            std::iter::once(&r.title)
                .chain(&r.aliases)
                .any(|n| key_is(n, &wanted))
        })
        .ok_or(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn role(id: &str, title: &str, aliases: &[&str]) -> Role {
        let mut role = Role::sample(id, title);
        role.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
        role
    }

    fn catalogue() -> Catalogue {
        Catalogue::sample(
            vec![
                role("product-manager", "Product Manager", &["PM"]),
                role("head-of-product", "Head of Product", &["head"]),
                role(
                    "head-of-product-analytics",
                    "Head of Product Analytics",
                    &[],
                ),
                role("vp-product", "VP of Product", &["VP"]),
                role("cpo", "Chief Product Officer", &["CPO"]),
                role("director-ux", "Director of UX", &[]),
                role("director-pm", "Director of Product Management", &[]),
            ],
            1,
        )
    }

    fn id(name: &str) -> String {
        let c = catalogue();
        match resolve(&c, name) {
            Ok(ix) => c.role(ix).id.clone(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn ids_aliases_and_titles_resolve_whatever_the_case_and_punctuation() {
        assert_eq!(id("cpo"), "cpo");
        assert_eq!(id("CPO"), "cpo");
        assert_eq!(id("chief product officer"), "cpo");
        assert_eq!(id("Chief-Product_Officer!"), "cpo");
        assert_eq!(id("vp"), "vp-product");
        assert_eq!(id("VP of Product"), "vp-product");
        assert_eq!(id("pm"), "product-manager");
        assert_eq!(id("vp_product"), "vp-product");
    }

    #[test]
    fn an_exact_id_wins_over_an_earlier_id_with_the_same_letters() {
        let c = Catalogue::sample(
            vec![role("vp-product", "VP", &[]), role("vpproduct", "V P", &[])],
            1,
        );
        assert_eq!(resolve(&c, "vpproduct"), Ok(1));
        assert_eq!(resolve(&c, "vp-product"), Ok(0));
        assert_eq!(resolve(&c, "VP_Product"), Ok(0));
    }

    #[test]
    fn an_exact_alias_wins_over_a_longer_name_it_is_a_prefix_of() {
        assert_eq!(id("head"), "head-of-product");
    }

    #[test]
    fn a_unique_prefix_resolves() {
        assert_eq!(id("chief"), "cpo");
        assert_eq!(id("director of u"), "director-ux");
    }

    #[test]
    fn an_ambiguous_prefix_lists_the_candidates() {
        let c = catalogue();
        match resolve(&c, "director") {
            Err(ResolveError::Ambiguous { candidates, .. }) => {
                let ids: Vec<&str> = candidates.iter().map(|(id, _)| id.as_str()).collect();
                assert_eq!(ids, ["director-ux", "director-pm"]);
            }
            other => panic!("expected ambiguity, got {other:?}"),
        }
    }

    #[test]
    fn an_unknown_name_suggests_close_ids() {
        let c = catalogue();
        match resolve(&c, "cop") {
            Err(ResolveError::Unknown { suggestions, .. }) => assert_eq!(suggestions[0], "cpo"),
            other => panic!("expected unknown, got {other:?}"),
        }
        match resolve(&c, "xyzzy") {
            Err(e @ ResolveError::Unknown { .. }) => {
                assert_eq!(
                    e.to_string(),
                    "no role is called 'xyzzy'; `ladder list` shows every role"
                )
            }
            other => panic!("expected unknown, got {other:?}"),
        }
    }

    #[test]
    fn an_empty_or_punctuation_only_name_is_refused() {
        let c = catalogue();
        assert_eq!(resolve(&c, ""), Err(ResolveError::Empty));
        assert_eq!(resolve(&c, " - "), Err(ResolveError::Empty));
    }

    #[test]
    fn a_huge_name_is_cut_short_in_the_message() {
        let c = catalogue();
        let name = "x".repeat(100_000);
        let message = resolve(&c, &name).unwrap_err().to_string();
        assert!(message.len() < 200, "{message}");
    }
}
