//! Role names to roles: ids, titles, aliases and title variants, case- and punctuation-insensitive,
//! then a prefix or whole words anywhere; with "did you mean" suggestions for names that match
//! nothing, and every candidate listed, with its id, for a name several roles share.

use crate::model::{Catalogue, Role, RoleIx};
// `normalize` is re-exported for the commands that compare names through this module.
pub use crate::names::normalize;
use crate::names::{
    fold, has_words, key_is, key_starts_with, phrase_key, ranked, ranked_positions,
};

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
    /// One of the two names of `compare` or `path`, with a hint about quoting.
    #[error("{error}\n{hint}")]
    InPair {
        error: Box<ResolveError>,
        hint: String,
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
    let width = candidates.iter().map(|(id, _)| id.len()).max().unwrap_or(0);
    for (id, title) in candidates {
        out.push_str(&format!("\n  {id:<width$}  {title}"));
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

/// The names a role goes by, besides its id: its title, then its aliases.
fn names_of(role: &Role) -> impl Iterator<Item = &str> {
    std::iter::once(role.title.as_str()).chain(role.aliases.iter().map(String::as_str))
}

/// What the catalogue says a role is called at companies of different sizes: names too, but
/// weaker ones, since one variant ("Head of Product") may name several roles.
fn variants_of(role: &Role) -> impl Iterator<Item = &str> {
    let sizes = &role.titles_by_company_size;
    [&sizes.startup, &sizes.scaleup, &sizes.enterprise]
        .into_iter()
        .filter_map(|t| t.as_deref())
}

/// Roles that a name matches, gathered in one pass, strongest kind first.
#[derive(Default)]
struct Matches {
    /// An id, title or alias exactly (after normalising).
    exact: Vec<RoleIx>,
    /// A title variant exactly.
    variant: Vec<RoleIx>,
    /// The start of an id or title.
    prefix: Vec<RoleIx>,
    /// The start of an alias: weaker than a title ("group" is Group PM, not the role also known
    /// as "Group Manager, Product Operations").
    alias_prefix: Vec<RoleIx>,
    /// Whole words anywhere in an id, title or alias.
    words: Vec<RoleIx>,
    /// The start of a title variant, or whole words in one.
    partial_variant: Vec<RoleIx>,
}

/// Finds the role a name means. Tried in order, the first kind that matches deciding: an id
/// exactly as written (a hash lookup); an id; a title or alias; a title variant (what a role is
/// called at a company of some size); the start of an id or title, then of an alias ("lead" is
/// Lead PM even if another role is an "Analytics Lead", "group" is Group PM even if another role
/// is also a "Group Manager, Product Operations"); whole words anywhere in one ("officer" is in "Chief
/// Product Officer", "duct" is in nothing); then the start of, or whole words in, a title
/// variant. One role is the answer; several are listed with their ids, since titles need not be
/// unique. One linear pass over the names.
pub fn resolve(catalogue: &Catalogue, name: &str) -> Result<RoleIx, ResolveError> {
    // An exact id is one hash lookup rather than a scan of every role.
    if let Some(ix) = catalogue.role_by_id(name) {
        return Ok(ix);
    }
    let wanted = normalize(name);
    if wanted.is_empty() {
        return Err(ResolveError::Empty);
    }
    let words = phrase_key(&fold(name), true);
    let starts = |n: &str| key_starts_with(n, &wanted);
    let holds = |n: &str| has_words(n, &words);
    let mut found = Matches::default();
    for (ix, role) in catalogue.roles.iter().enumerate() {
        if key_is(&role.id, &wanted) {
            return Ok(ix);
        }
        if names_of(role).any(|n| key_is(n, &wanted)) {
            found.exact.push(ix);
        }
        // The weaker kinds are looked for only while no stronger one has been found.
        if !found.exact.is_empty() {
            continue;
        }
        if variants_of(role).any(|n| key_is(n, &wanted)) {
            found.variant.push(ix);
        }
        if !found.variant.is_empty() {
            continue;
        }
        if starts(&role.id) || starts(&role.title) {
            found.prefix.push(ix);
        } else if role.aliases.iter().any(|a| starts(a)) {
            found.alias_prefix.push(ix);
        }
        if !found.prefix.is_empty() || !found.alias_prefix.is_empty() {
            continue;
        }
        if holds(&role.id) || names_of(role).any(holds) {
            found.words.push(ix);
        } else if found.words.is_empty() && variants_of(role).any(|n| starts(n) || holds(n)) {
            found.partial_variant.push(ix);
        }
    }
    let Matches {
        exact,
        variant,
        prefix,
        alias_prefix,
        words,
        partial_variant,
    } = found;
    let best = [exact, variant, prefix, alias_prefix, words, partial_variant]
        .into_iter()
        .find(|roles| !roles.is_empty())
        .unwrap_or_default();
    match best.as_slice() {
        [ix] => Ok(*ix),
        [] => Err(ResolveError::Unknown {
            name: name.to_owned(),
            suggestions: suggestions(catalogue, name),
        }),
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

/// The ids of the roles whose id, title, alias or title variant is spelt most like `name`: ids
/// first, then the roles of close names ("head of desing" suggests the role called "Head of
/// Design" at a startup).
fn suggestions(catalogue: &Catalogue, name: &str) -> Vec<String> {
    let ids = catalogue.roles.iter().map(|r| r.id.as_str());
    let mut suggestions: Vec<String> = ranked(name, ids, MAX_SUGGESTIONS)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let names: Vec<(&str, RoleIx)> = catalogue
        .roles
        .iter()
        .enumerate()
        .flat_map(|(ix, r)| names_of(r).chain(variants_of(r)).map(move |n| (n, ix)))
        .collect();
    for position in ranked_positions(name, names.iter().map(|(n, _)| *n)) {
        if suggestions.len() >= MAX_SUGGESTIONS {
            break;
        }
        if let Some(&(_, ix)) = names.get(position) {
            let id = &catalogue.role(ix).id;
            if !suggestions.contains(id) {
                suggestions.push(id.clone());
            }
        }
    }
    suggestions
}

/// Resolves the two roles of `compare A B` or `path FROM TO`. When either name fails, the
/// message adds that a name of several words needs quotes (`ladder compare vp of product`
/// gives clap three words, and `ladder compare head product` may mean one role).
pub fn resolve_pair(
    catalogue: &Catalogue,
    command: &str,
    a: &str,
    b: &str,
) -> Result<(RoleIx, RoleIx), ResolveError> {
    let pair = resolve(catalogue, a).and_then(|a| Ok((a, resolve(catalogue, b)?)));
    pair.map_err(|error| {
        if error == ResolveError::Empty {
            return error;
        }
        let joined = format!("{a} {b}");
        let one = match resolve(catalogue, &joined) {
            Ok(ix) => format!(
                " ('{}' together is {})",
                shorten(&joined),
                catalogue.role(ix).id
            ),
            Err(_) => String::new(),
        };
        ResolveError::InPair {
            error: Box::new(error),
            hint: format!(
                "a name of several words needs quotes{one}, as in: ladder {command} \"VP of Product\" cpo"
            ),
        }
    })
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
    fn whole_words_anywhere_in_a_name_match_and_parts_of_words_do_not() {
        assert_eq!(id("officer"), "cpo");
        assert_eq!(id("of UX"), "director-ux");
        assert_eq!(id("product analytics"), "head-of-product-analytics");
        assert!(id("duct").starts_with("error: no role is called 'duct'"));
        assert!(id("fficer").starts_with("error: no role"));
    }

    #[test]
    fn a_title_several_roles_share_lists_them_all_with_their_ids() {
        let mut roles = vec![
            role("swe-1", "Software Engineer", &[]),
            role("swe-2", "Software Engineer", &[]),
            role("software-engineer-lead", "Lead Software Engineer", &[]),
        ];
        roles[1].titles_by_company_size.startup = Some("Engineer".into());
        let c = Catalogue::sample(roles, 1);
        let message = resolve(&c, "software engineer").unwrap_err().to_string();
        assert_eq!(
            message,
            "'software engineer' could mean more than one role; use one of these ids:\n  \
             swe-1  Software Engineer\n  swe-2  Software Engineer"
        );
        assert_eq!(resolve(&c, "swe-2"), Ok(1));
        // Whole words shared by several titles list them all; an exact variant is one role.
        match resolve(&c, "software") {
            Err(ResolveError::Ambiguous { candidates, .. }) => assert_eq!(candidates.len(), 3),
            other => panic!("expected ambiguity, got {other:?}"),
        }
        assert_eq!(resolve(&c, "engineer"), Ok(1));
    }

    #[test]
    fn a_title_variant_resolves_when_no_title_or_alias_matches() {
        let mut roles = vec![
            role("director-ux", "Director of UX", &[]),
            role("head-of-product", "Head of Product", &[]),
            role("vp", "VP of Product", &[]),
        ];
        roles[0].titles_by_company_size.startup = Some("Head of Design".into());
        roles[2].titles_by_company_size.startup = Some("Head of Product".into());
        let c = Catalogue::sample(roles, 1);
        assert_eq!(resolve(&c, "head of design"), Ok(0));
        assert_eq!(resolve(&c, "design"), Ok(0));
        // A title beats another role's variant.
        assert_eq!(resolve(&c, "head of product"), Ok(1));
        match resolve(&c, "head of desing") {
            Err(ResolveError::Unknown { suggestions, .. }) => {
                assert_eq!(suggestions.first().map(String::as_str), Some("director-ux"))
            }
            other => panic!("expected suggestions, got {other:?}"),
        }
    }

    #[test]
    fn a_failed_pair_says_to_quote_a_name_of_several_words() {
        let c = catalogue();
        let message = resolve_pair(&c, "compare", "vp", "of")
            .unwrap_err()
            .to_string();
        assert!(
            message.ends_with(
                "a name of several words needs quotes ('vp of' together is vp-product), \
                 as in: ladder compare \"VP of Product\" cpo"
            ),
            "{message}"
        );
        assert_eq!(resolve_pair(&c, "path", "pm", "cpo"), Ok((0, 4)));
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
