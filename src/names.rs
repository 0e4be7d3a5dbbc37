//! How names are compared and suggested: Unicode folding, the normalised form every role name is
//! matched by, and "did you mean" suggestions. Below both loading and name resolution.

use caseless::Caseless as _;
use unicode_normalization::UnicodeNormalization as _;

/// How similar a name must be to be suggested, by edit distance (normalised Damerau-Levenshtein,
/// good for short names like `cop` for `cpo`) or by Jaro-Winkler (good for long names).
const EDIT_THRESHOLD: f64 = 0.6;
const JARO_THRESHOLD: f64 = 0.85;

/// Text as it is compared, whatever its case or Unicode form: compatibility-normalised (NFKC, so
/// fullwidth `Ａ１` is `a1`) and fully case-folded (`Straße` is `strasse`), the Unicode
/// "compatibility caseless" match. Punctuation and spaces are kept, so search can use it too.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    // NFKD(fold(NFKD(fold(NFD(text))))), then composed again: Unicode's definition (D146),
    // from the crates that implement its tables.
    text.chars()
        .nfd()
        .default_case_fold()
        .nfkd()
        .default_case_fold()
        .nfkc()
        .collect()
}

/// What a token of folded text is, for whole-word matching ([`tokens`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// Letters, digits and marks: a whole word.
    Word,
    /// A run of white space.
    Space,
    /// One character of punctuation or a symbol.
    Other,
}

/// Characters that Unicode's word boundaries (UAX #29) keep inside a word (`don't`, `e.g`,
/// `3.5`, `a_b`) but whole-word matching splits at, so that `roadmap` finds "roadmap's": every
/// ASCII character but letters and digits, and the few others of UAX #29's MidLetter, MidNum,
/// MidNumLet and ExtendNumLet classes that survive folding (fullwidth forms fold to ASCII).
fn splits_words(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_alphanumeric();
    }
    c.is_whitespace()
        || matches!(
            c,
            '\u{B7}'
                | '\u{387}'
                | '\u{589}'
                | '\u{5F4}'
                | '\u{60C}'
                | '\u{60D}'
                | '\u{66C}'
                | '\u{7F8}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{2024}'
                | '\u{2027}'
                | '\u{203F}'
                | '\u{2040}'
                | '\u{2054}'
        )
}

/// Calls `token` with each token of folded text ([`fold`]), in order: its byte range and what it
/// is. Words end where Unicode's word boundaries (UAX #29, so each ideograph is a word of its
/// own, while a katakana run is one) or any punctuation ([`splits_words`]) say; every other
/// character is a token of its own, and a run of white space is one. Linear in the text; ASCII,
/// the common case, is split by hand to the same effect, without the Unicode tables.
pub fn tokens(folded: &str, mut token: impl FnMut(std::ops::Range<usize>, Token)) {
    let kind = |c: char| {
        if c.is_whitespace() {
            Token::Space
        } else if splits_words(c) {
            Token::Other
        } else {
            Token::Word
        }
    };
    // Splits one segment into runs of words and spaces, and single other characters.
    let mut split = |offset: usize, segment: &str| {
        let mut run: Option<(usize, Token)> = None;
        for (at, c) in segment.char_indices() {
            let this = kind(c);
            match run {
                Some((_, open)) if open == this && this != Token::Other => continue,
                Some((start, open)) => token(offset + start..offset + at, open),
                None => {}
            }
            run = Some((at, this));
        }
        if let Some((start, open)) = run {
            token(offset + start..offset + segment.len(), open);
        }
    };
    if folded.is_ascii() {
        split(0, folded);
    } else {
        use unicode_segmentation::UnicodeSegmentation as _;
        for (offset, segment) in folded.split_word_bound_indices() {
            split(offset, segment);
        }
    }
}

/// The separator between tokens in [`phrase_key`]: a character that text cannot hold (the
/// catalogue refuses control characters; an argument cannot hold NUL).
pub const SEP: char = '\0';

/// Folded text as whole-word matching compares it: each token with [`SEP`] before and after it,
/// each run of white space as one space; with `words_only`, only the words (for names, where
/// punctuation does not count). `P&L` is `␀p␀&␀l␀`; a phrase is found in a text exactly when its
/// key is a substring of the text's key (plain `memmem` search, linear).
pub fn phrase_key(folded: &str, words_only: bool) -> String {
    phrase_key_with(folded, words_only, |_, _| {})
}

/// [`phrase_key`], calling `each` with every token put in the key: where it starts in the key,
/// and its byte range in `folded` (so that a match can be traced back).
pub fn phrase_key_with(
    folded: &str,
    words_only: bool,
    mut each: impl FnMut(usize, std::ops::Range<usize>),
) -> String {
    let mut key = String::with_capacity(folded.len() + 8);
    key.push(SEP);
    tokens(folded, |range, kind| {
        if words_only && kind != Token::Word {
            return;
        }
        each(key.len(), range.clone());
        match kind {
            Token::Space => key.push(' '),
            _ => key.push_str(folded.get(range).unwrap_or_default()),
        }
        key.push(SEP);
    });
    key
}

/// Whether `name` holds the words of `words` (a [`phrase_key`] of words only) in a row, whole:
/// `product` is in "Head of Product", `duct` is not. An empty phrase is in nothing.
pub fn has_words(name: &str, words: &str) -> bool {
    words.len() > 1 && phrase_key(&fold(name), true).contains(words)
}

/// A name as it is compared: folded ([`fold`]), letters and digits only.
/// `VP of Product`, `vp-of-product` and `VP_of_product` all become `vpofproduct`.
pub fn normalize(name: &str) -> String {
    if name.is_ascii() {
        return name
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A name as a map key that compares and hashes as [`normalize`] would make it, without keeping
/// a normalised copy: validation keys maps with every title, alias and id of the catalogue. An
/// ASCII name is compared in place; any other is normalised for each comparison (rare).
#[derive(Debug, Clone, Copy)]
pub struct NameKey<'a>(pub &'a str);

impl NameKey<'_> {
    /// Whether the name normalises to nothing: it has no letters or digits.
    pub fn is_empty(&self) -> bool {
        !self.0.chars().any(char::is_alphanumeric)
    }
}

impl PartialEq for NameKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.0.is_ascii(), other.0.is_ascii()) {
            (true, true) => ascii_key(self.0).eq(ascii_key(other.0)),
            _ => normalize(self.0) == normalize(other.0),
        }
    }
}

impl Eq for NameKey<'_> {}

impl std::hash::Hash for NameKey<'_> {
    /// Hashes the normalised name's characters, so that equal keys hash the same.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        if self.0.is_ascii() {
            for c in ascii_key(self.0) {
                state.write_u32(u32::from(c));
            }
        } else {
            for c in normalize(self.0).chars() {
                state.write_u32(u32::from(c));
            }
        }
        state.write_u8(0xff);
    }
}

/// `normalize(name) == key`, without building the string for an ASCII name: `resolve` compares
/// every name in the catalogue, and allocating for each would dominate on a large one.
pub fn key_is(name: &str, key: &str) -> bool {
    if name.is_ascii() {
        ascii_key(name).eq(key.chars())
    } else {
        normalize(name) == key
    }
}

/// `normalize(name).starts_with(key)`, without building the string for an ASCII name.
pub fn key_starts_with(name: &str, key: &str) -> bool {
    if name.is_ascii() {
        let mut chars = ascii_key(name);
        key.chars().all(|wanted| chars.next() == Some(wanted))
    } else {
        normalize(name).starts_with(key)
    }
}

fn ascii_key(name: &str) -> impl Iterator<Item = char> + '_ {
    name.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| char::from(b.to_ascii_lowercase()))
}

/// The candidate most similar to `target`, if any is similar enough.
pub fn closest<'a>(target: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    ranked(target, candidates, 1).into_iter().next()
}

/// The key most like a misspelt one: only a similar spelling counts, at most one edit in five
/// characters (at least one), so that `level_code` does not suggest `level` for sharing a prefix,
/// as Jaro-Winkler in [`closest`] would.
pub fn closest_key<'a>(target: &str, keys: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let target = normalize(target);
    keys.map(|key| (strsim::damerau_levenshtein(&target, &normalize(key)), key))
        .filter(|(distance, key)| *distance <= (target.len().max(key.len()) / 5).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, key)| key)
}

/// Names longer than this (normalised, in characters) are never compared for suggestions: no one
/// mistypes a name that long, and a comparison costs the product of the two lengths, so a
/// 100,000-character argument or catalogue reference would otherwise take seconds.
const MAX_COMPARED_CHARS: usize = 200;

/// Up to `n` candidates similar to `target`, most similar first (ties in the order given).
pub fn ranked<'a>(
    target: &str,
    candidates: impl Iterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let candidates: Vec<&'a str> = candidates.collect();
    let mut out: Vec<&'a str> = Vec::new();
    for position in ranked_positions(target, candidates.iter().copied()) {
        if let Some(&candidate) = candidates.get(position)
            && !out.contains(&candidate)
        {
            out.push(candidate);
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// The positions of the candidates similar to `target`, most similar first (ties in the order
/// given), so that a caller can tell which of several equal names was meant.
pub fn ranked_positions<'a>(target: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let target = normalize(target);
    let target_len = target.chars().count();
    if target_len > MAX_COMPARED_CHARS {
        return Vec::new();
    }
    let mut scored: Vec<(f64, usize, &'a str)> = candidates
        .enumerate()
        .filter_map(|(order, candidate)| {
            let candidate_key = normalize(candidate);
            let chars = candidate_key.chars().count();
            // When one name is over 4 times as long as the other, neither measure can reach its
            // threshold (edit similarity is at most short/long < 0.25; Jaro-Winkler at most
            // 0.4 + 0.6 * (short/long + 2) / 3 < 0.85), so the comparison is skipped.
            if chars > MAX_COMPARED_CHARS || chars.max(target_len) > 4 * chars.min(target_len) {
                return None;
            }
            // Both measures cost a pass over every pair of characters. Cheap upper bounds from
            // the characters the two names share skip them where neither can pass; the edit
            // distance is also skipped alone where it cannot pass, since then Jaro-Winkler
            // decides both whether the name is close and how close.
            let (edit_bound, jaro_bound) = similarity_bounds(&target, target_len, &candidate_key);
            if edit_bound < EDIT_THRESHOLD && jaro_bound < JARO_THRESHOLD {
                return None;
            }
            let jaro = strsim::jaro_winkler(&target, &candidate_key);
            let edit = if edit_bound < EDIT_THRESHOLD {
                0.0
            } else {
                strsim::normalized_damerau_levenshtein(&target, &candidate_key)
            };
            (edit >= EDIT_THRESHOLD || jaro >= JARO_THRESHOLD).then_some((
                edit.max(jaro),
                order,
                candidate,
            ))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, order, _)| order).collect()
}
/// A lower bound of the Damerau-Levenshtein distance between two names: the characters one has
/// and the other lacks, counted with repeats, on the side that has more. No edit changes it by
/// more than one (a transposition not at all). Linear, and 0 (no bound) beyond ASCII.
fn bag_distance(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 128];
    for (text, step) in [(a, 1), (b, -1)] {
        for c in text.chars() {
            match counts.get_mut(c as usize) {
                Some(count) => *count += step,
                None => return 0,
            }
        }
    }
    let (more, fewer) = counts.iter().fold((0, 0), |(more, fewer), &c| {
        if c > 0 {
            (more + c, fewer)
        } else {
            (more, fewer - c)
        }
    });
    more.max(fewer) as usize
}

/// Upper bounds of (normalised Damerau-Levenshtein, Jaro-Winkler) similarity, from the
/// characters two names share; (1, 1), no bound, when either has a character beyond ASCII.
fn similarity_bounds(a: &str, a_len: usize, b: &str) -> (f64, f64) {
    let b_len = b.chars().count();
    if !a.is_ascii() || !b.is_ascii() || a_len == 0 || b_len == 0 {
        return (1.0, 1.0);
    }
    let distance = bag_distance(a, b);
    let edit = 1.0 - distance as f64 / a_len.max(b_len) as f64;
    // Jaro matches at most the characters both have; transpositions only lower it; the
    // Winkler bonus adds at most 0.4 of what is left.
    let shared = (a_len + b_len - bag_sum(a, b)) as f64 / 2.0;
    let jaro = (shared / a_len as f64 + shared / b_len as f64 + 1.0) / 3.0;
    (edit, jaro + 0.4 * (1.0 - jaro))
}

/// How many characters of `a` are not in `b` plus how many of `b` are not in `a`, with repeats
/// (ASCII only).
fn bag_sum(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 128];
    // `c & 0x7f` is below 128, the length of `counts`, so `get_mut` always finds a slot.
    for c in a.bytes() {
        if let Some(count) = counts.get_mut(usize::from(c & 0x7f)) {
            *count += 1;
        }
    }
    for c in b.bytes() {
        if let Some(count) = counts.get_mut(usize::from(c & 0x7f)) {
            *count -= 1;
        }
    }
    counts.iter().map(|c| c.unsigned_abs() as usize).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_whatever_their_case_width_or_unicode_form() {
        // NFC and NFD spellings, fullwidth forms, the German sharp s, the Kelvin sign.
        assert_eq!(
            normalize("Caf\u{e9} Manager"),
            normalize("Cafe\u{301} Manager")
        );
        assert_eq!(normalize("Ａ１"), "a1");
        assert_eq!(fold("STRASSE"), fold("Straße"));
        assert_eq!(normalize("\u{212A}elvin"), "kelvin");
        assert_eq!(fold("Émile"), fold("ÉMILE"));
        assert_eq!(normalize("VP of Product"), normalize("vp_of-PRODUCT"));
        assert_ne!(normalize("VP of Product"), normalize("VP of Products"));
        assert_eq!(fold("Head of, Product"), "head of, product");
    }

    #[test]
    fn phrases_are_whole_tokens_and_punctuation_is_a_token_of_its_own() {
        let key = |text: &str| phrase_key(&fold(text), false);
        assert_eq!(key("P&L"), "\0p\0&\0l\0");
        assert_eq!(
            key("The  roadmap's\nowner"),
            "\0the\0 \0roadmap\0'\0s\0 \0owner\0"
        );
        assert!(key("Own the P&L.").contains(&key("p&l")));
        assert!(key("raises AI-led training").contains(&key("AI")));
        assert!(!key("raises main training").contains(&key("AI")));
        // Each ideograph is a word; a katakana run is one.
        assert!(key("製品ロードマップを作る").contains(&key("ロードマップ")));
        assert!(!key("製品ロードマップ").contains(&key("ロード")));
        assert_eq!(
            phrase_key("head of, product", true),
            "\0head\0of\0product\0"
        );
        assert!(has_words("Head of Product", &phrase_key("product", true)));
        assert!(!has_words("Head of Product", &phrase_key("duct", true)));
    }

    #[test]
    fn comparing_keys_in_place_agrees_with_normalising_first() {
        let names = [
            "VP of Product",
            "Straße-Leiter",
            "ÉCOLE",
            "a_b-c",
            "",
            "İx",
            "pm",
            "Ａ１",
        ];
        for name in names {
            for key in [
                "vpofproduct",
                "vp",
                "strasse",
                "école",
                "abc",
                "",
                "ix",
                "pmx",
                "a1",
            ] {
                assert_eq!(key_is(name, key), normalize(name) == key, "{name} = {key}");
                assert_eq!(
                    key_starts_with(name, key),
                    normalize(name).starts_with(key),
                    "{name} starts with {key}"
                );
            }
        }
        assert!(key_is("Ａ１", "a1") && key_starts_with("Straße-Leiter", "strasse"));
    }

    #[test]
    fn name_keys_are_equal_and_hash_alike_when_the_names_normalise_alike() {
        use std::hash::BuildHasher as _;
        let state = std::collections::hash_map::RandomState::new();
        let long = "Senior Principal Staff Distinguished Engineering Manager of Platforms";
        let upper = long.to_uppercase().replace(' ', "_");
        for (a, b) in [
            ("VP of Product", "vp-of-product"),
            ("\u{212A}elvin", "kelvin"),
            ("Caf\u{e9}", "CAFE\u{301}"),
            ("Ａ１", "a1"),
            (long, upper.as_str()),
        ] {
            assert_eq!(NameKey(a), NameKey(b), "{a} / {b}");
            assert_eq!(
                state.hash_one(NameKey(a)),
                state.hash_one(NameKey(b)),
                "{a} / {b}"
            );
        }
        assert_ne!(NameKey("VP of Product"), NameKey("VP of Products"));
        assert!(NameKey("--").is_empty() && !NameKey("a-").is_empty());
    }

    #[test]
    fn a_key_is_suggested_for_a_similar_spelling_not_a_shared_prefix() {
        let keys = ["id", "title", "level", "responsibilities", "name", "roles"];
        let suggest = |k| closest_key(k, keys.iter().copied());
        assert_eq!(suggest("levle"), Some("level"));
        assert_eq!(suggest("rols"), Some("roles"));
        assert_eq!(suggest("nmae"), Some("name"));
        assert_eq!(suggest("respnsibilities"), Some("responsibilities"));
        assert_eq!(suggest("level_code"), None);
        assert_eq!(suggest("owner"), None);
    }

    #[test]
    fn the_bag_distance_never_exceeds_the_edit_distance() {
        let names = [
            "cpo",
            "cop",
            "vpproduct",
            "productvp",
            "headofproduct",
            "",
            "a",
            "aab",
            "bba",
            "chiefproductofficer",
            "cheifprodcutoficer",
            "straße",
            "strasse",
        ];
        for a in names {
            for b in names {
                let edit = strsim::damerau_levenshtein(a, b);
                assert!(bag_distance(a, b) <= edit, "{a} {b}");
            }
        }
        assert_eq!(bag_distance("cheifprodcutoficer", "chiefproductofficer"), 1);
        assert_eq!(bag_distance("abc", "xyz"), 3);
    }

    #[test]
    fn the_similarity_bounds_are_never_below_the_similarities() {
        let names = [
            "cpo",
            "cop",
            "vpproduct",
            "productvp",
            "headofproduct",
            "a",
            "aab",
            "bba",
            "pm",
            "chiefproductofficer",
            "cheifprodcutoficer",
            "seniordatascientist4821",
            "sds4821",
        ];
        for a in names {
            for b in names {
                let (edit, jaro) = similarity_bounds(a, a.chars().count(), b);
                let true_edit = strsim::normalized_damerau_levenshtein(a, b);
                let true_jaro = strsim::jaro_winkler(a, b);
                assert!(
                    edit >= true_edit - 1e-12,
                    "edit {a} {b}: {edit} < {true_edit}"
                );
                assert!(
                    jaro >= true_jaro - 1e-12,
                    "jaro {a} {b}: {jaro} < {true_jaro}"
                );
            }
        }
    }
}
