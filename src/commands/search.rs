//! `ladder search TEXT`: the roles whose title, aliases, summary, responsibilities or expectations
//! mention TEXT, with the lines that do.
//!
//! Text is compared after Unicode compatibility normalisation (NFKC) and full case folding, so
//! `STRASSE` finds "Straße" and fullwidth `Ａ１` finds "a1". The folded text is searched with
//! `memchr::memmem`, in time linear in the text and the query.

use std::ops::Range;

use memchr::memmem::Finder;
use serde::{Serialize, Serializer};
use unicode_normalization::char::canonical_combining_class;

use super::LevelView;
use crate::message::echo;
use crate::model::Catalogue;
use crate::names;

/// What a search found: the text asked for (to highlight it) and the roles that mention it.
/// Serialises as the `search` array of the JSON contract: the hits only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub text: String,
    pub hits: Vec<Hit>,
}

impl Serialize for Found {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.hits.serialize(serializer)
    }
}

/// A role that mentions the text: one object of the `search` array of the JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub track: String,
    /// The level, as people read it: "IC3", "M6 Director", "rank 4".
    pub level: String,
    pub matches: Vec<Match>,
}

/// One line of a role that mentions the text, and the field it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match {
    /// `title`, `alias`, `summary`, `responsibility` or `expectation`.
    pub field: &'static str,
    /// For an expectation: the name of the competency area it is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    pub text: String,
}

pub fn run(catalogue: &Catalogue, text: &str) -> anyhow::Result<Found> {
    let wanted = text.trim();
    if wanted.is_empty() {
        anyhow::bail!("give some text to search for, e.g. `ladder search roadmap`");
    }
    let needle = Needle::new(wanted);
    let mut hits = Vec::new();
    for role in &catalogue.roles {
        let fields = std::iter::once(("title", None, &role.title))
            .chain(role.aliases.iter().map(|a| ("alias", None, a)))
            .chain(std::iter::once(("summary", None, &role.summary)))
            .chain(
                role.responsibilities
                    .iter()
                    .map(|r| ("responsibility", None, r)),
            )
            .chain(role.expectations.iter().filter_map(|e| {
                let area = &catalogue.competency(e.area).name;
                e.text.as_ref().map(|t| ("expectation", Some(area), t))
            }));
        let matches: Vec<Match> = fields
            .filter(|(_, _, line)| needle.is_in(line))
            .map(|(field, area, line)| Match {
                field,
                area: area.cloned(),
                text: line.clone(),
            })
            .collect();
        if !matches.is_empty() {
            hits.push(Hit {
                id: role.id.clone(),
                title: role.title.clone(),
                track: catalogue.track_of(role).id.clone(),
                level: LevelView::new(catalogue.level_of(role)).label(),
                matches,
            });
        }
    }
    if hits.is_empty() {
        anyhow::bail!(
            "no role mentions '{}'; try a shorter or different word, or `ladder list` for every role",
            echo(wanted)
        );
    }
    Ok(Found {
        text: wanted.to_owned(),
        hits,
    })
}

/// Where `needle` occurs in `haystack`, compared folded: byte ranges into `haystack`, in order
/// and not overlapping, each widened to whole characters (with their combining marks).
pub fn occurrences(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    Needle::new(needle).find_in(haystack)
}

/// The text searched for, folded, with its matcher built once.
struct Needle {
    finder: Finder<'static>,
}

impl Needle {
    fn new(text: &str) -> Self {
        let folded = fold(text).text;
        Needle {
            finder: Finder::new(folded.as_bytes()).into_owned(),
        }
    }

    fn is_in(&self, haystack: &str) -> bool {
        !self.finder.needle().is_empty()
            && self.finder.find(fold(haystack).text.as_bytes()).is_some()
    }

    fn find_in(&self, haystack: &str) -> Vec<Range<usize>> {
        let mut found: Vec<Range<usize>> = Vec::new();
        let length = self.finder.needle().len();
        if length == 0 {
            return found;
        }
        let folded = fold(haystack);
        for start in self.finder.find_iter(folded.text.as_bytes()) {
            let range = folded.original(start, start + length, haystack.len());
            // Two matches inside one character (`s` twice in the `ss` of `ß`) are one.
            if found.last().is_none_or(|last| last.end <= range.start) {
                found.push(range);
            }
        }
        found
    }
}

/// Text folded for comparison, and where each piece of it came from.
struct Folded {
    text: String,
    /// For each character of the original with its combining marks: (where its folded form
    /// starts in `text`, where it starts in the original). In order of both.
    pieces: Vec<(usize, usize)>,
}

impl Folded {
    /// The range of the original that the folded bytes `start..end` come from, widened to whole
    /// pieces.
    fn original(&self, start: usize, end: usize, original_len: usize) -> Range<usize> {
        // The piece holding a folded byte: the last that starts at or before it.
        let piece = |at: usize| {
            self.pieces
                .partition_point(|&(f, _)| f <= at)
                .saturating_sub(1)
        };
        let first = piece(start);
        let last = piece(end.saturating_sub(1).max(start));
        let from = self.pieces.get(first).map_or(0, |&(_, o)| o);
        let to = self.pieces.get(last + 1).map_or(original_len, |&(_, o)| o);
        from..to
    }
}

/// Folds text for comparison as names are folded ([`names::fold`]: `ß` is `ss`, `Ａ１` is `a1`),
/// one character with its combining marks at a time, so that each folded piece can be traced back
/// to the original. ASCII, the common case, is simply lower-cased.
fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        pieces: Vec::with_capacity(text.len()),
    };
    if text.is_ascii() {
        folded.text = text.to_ascii_lowercase();
        folded.pieces.extend((0..text.len()).map(|at| (at, at)));
        return folded;
    }
    let mut starts = text
        .char_indices()
        .filter(|&(_, c)| canonical_combining_class(c) == 0)
        .map(|(at, _)| at)
        .peekable();
    // Marks before the first base character make a piece of their own.
    let mut from = 0;
    if starts.peek() == Some(&0) {
        starts.next();
    }
    for to in starts.chain(std::iter::once(text.len())) {
        let piece = text.get(from..to).unwrap_or_default();
        folded.pieces.push((folded.text.len(), from));
        folded.text.push_str(&names::fold(piece));
        from = to;
    }
    folded
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
        assert_eq!(occurrences("Straße STRASSE", "straße"), vec![0..7, 8..15]);
        assert!(occurrences("vision", "roadmap").is_empty());
    }

    #[test]
    fn text_matches_after_normalisation_and_full_case_folding() {
        assert_eq!(occurrences("Straße", "STRASSE"), vec![0..7]);
        assert_eq!(occurrences("STRASSE", "straẞe"), vec![0..7]);
        assert_eq!(occurrences("Level Ａ１ role", "a1"), vec![6..12]);
        assert_eq!(occurrences("Level a1", "Ａ１"), vec![6..8]);
        // NFD in the text, NFC in the query, and the other way round.
        assert_eq!(occurrences("Cafe\u{301} lead", "CAFÉ"), vec![0..6]);
        assert_eq!(occurrences("Café lead", "cafe\u{301}"), vec![0..5]);
        // One `s` of a folded `ß` is the whole `ß` in the original.
        assert_eq!(occurrences("Maße", "s"), vec![2..4]);
        assert!(occurrences("vision", "").is_empty());
    }

    #[test]
    fn occurrences_highlight_whole_characters_of_wide_text() {
        let line = "製品ロードマップを作る";
        let ranges = occurrences(line, "ロードマップ");
        assert_eq!(ranges.len(), 1);
        assert_eq!(&line[ranges[0].clone()], "ロードマップ");
    }

    #[test]
    fn a_long_query_in_a_long_line_is_searched_in_linear_time() {
        // O(text × query) took seconds here; linear takes milliseconds (no timing asserted:
        // the answer is what counts, and speed is measured with bench/compare.sh).
        let line = "a".repeat(1_000_000);
        let query = format!("{}b", "a".repeat(100_000));
        assert!(occurrences(&line, &query).is_empty());
        assert_eq!(occurrences(&line, &"a".repeat(1000)).len(), 1000);
    }
}
