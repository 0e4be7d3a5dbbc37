//! `ladder search TEXT`: the roles whose title, aliases, summary, responsibilities or skills
//! mention TEXT, with the lines that do.

use std::ops::Range;

use serde::Serialize;

use crate::model::Catalogue;

/// What a search found: the text asked for (to highlight it) and the roles that mention it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub text: String,
    pub hits: Vec<Hit>,
}

/// A role that mentions the text: one object of the `search` array of the JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub track: String,
    pub level: u32,
    pub matches: Vec<Match>,
}

/// One line of a role that mentions the text, and the field it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match {
    /// `title`, `alias`, `summary`, `responsibility` or `skill`.
    pub field: &'static str,
    pub text: String,
}

pub fn run(catalogue: &Catalogue, text: &str) -> anyhow::Result<Found> {
    let wanted = text.trim();
    if wanted.is_empty() {
        anyhow::bail!("give some text to search for, e.g. `ladder search roadmap`");
    }
    let mut hits = Vec::new();
    for role in &catalogue.roles {
        let fields = std::iter::once(("title", &role.title))
            .chain(role.aliases.iter().map(|a| ("alias", a)))
            .chain(std::iter::once(("summary", &role.summary)))
            .chain(role.responsibilities.iter().map(|r| ("responsibility", r)))
            .chain(role.skills.iter().map(|s| ("skill", s)));
        let matches: Vec<Match> = fields
            .filter(|(_, line)| !occurrences(line, wanted).is_empty())
            .map(|(field, line)| Match {
                field,
                text: line.clone(),
            })
            .collect();
        if !matches.is_empty() {
            hits.push(Hit {
                id: role.id.clone(),
                title: role.title.clone(),
                track: catalogue.track_of(role).id.clone(),
                level: role.level,
                matches,
            });
        }
    }
    if hits.is_empty() {
        anyhow::bail!(
            "no role mentions '{wanted}'; try a shorter or different word, or `ladder list` for every role"
        );
    }
    Ok(Found {
        text: wanted.to_owned(),
        hits,
    })
}

/// Where `needle` occurs in `haystack`, ignoring case: byte ranges into `haystack`, in order and
/// not overlapping.
pub fn occurrences(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().map(fold).collect();
    let chars: Vec<(usize, char)> = haystack.char_indices().collect();
    let mut found = Vec::new();
    if needle.is_empty() {
        return found;
    }
    let mut i = 0;
    while let Some(window) = chars.get(i..i + needle.len()) {
        let Some(&(start, _)) = window.first() else {
            break;
        };
        if window.iter().zip(&needle).all(|(&(_, c), &n)| fold(c) == n) {
            let end = chars
                .get(i + needle.len())
                .map_or(haystack.len(), |&(at, _)| at);
            found.push(start..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

/// A character with case folded away (to its first lower-case form).
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_ignore_case_and_give_byte_ranges() {
        assert_eq!(
            occurrences("Own the Roadmap; roadmaps", "ROADMAP"),
            [8..15, 17..24]
        );
        assert_eq!(occurrences("Straße STRASSE", "straße"), vec![0..7]);
        assert!(occurrences("vision", "roadmap").is_empty());
    }
}
