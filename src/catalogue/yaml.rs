//! The YAML boundary: the only file that names the YAML crate (serde-saphyr).
//!
//! It turns text into the span-carrying raw structs of `raw.rs` under the resource limits of
//! [`Limits`], turns parser errors into positioned [`Problem`]s, and writes values back as YAML.

use std::cell::Cell;

use serde::{Deserialize, Deserializer, Serialize};
use serde_saphyr::{DefaultMessageFormatter, MessageFormatter};

use super::Limits;
use super::diagnostic::Problem;
use super::raw::{At, Pos, RawCatalogue};
use super::structure::Node;

thread_local! {
    /// Whether the deserializer at work is serde-saphyr's, which can hand out spans. Set by
    /// [`parse`] for the length of its call; other formats (JSON) leave it unset.
    static SPANNED: Cell<bool> = const { Cell::new(false) };
}

/// Positions come from serde-saphyr's `Spanned`, which only its own deserializer can fill. Any
/// other deserializer (serde_json for `.json` catalogues and the built-in catalogue), and
/// [`parse_unpositioned`], read the bare value and leave the position unknown; `catalogue::load`
/// reads an invalid file again through [`parse`] to report positions.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !SPANNED.with(Cell::get) {
            return Ok(At {
                value: T::deserialize(deserializer)?,
                pos: Pos::default(),
            });
        }
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        Ok(At {
            value: spanned.value,
            pos: Pos::at(spanned.referenced.line(), spanned.referenced.column()),
        })
    }
}

/// Marks whether the current thread reads spans until dropped, restoring the previous mark.
struct SpannedScope(bool);

impl SpannedScope {
    fn enter(spanned: bool) -> SpannedScope {
        SpannedScope(SPANNED.with(|s| s.replace(spanned)))
    }
}

impl Drop for SpannedScope {
    fn drop(&mut self) {
        SPANNED.with(|s| s.set(self.0));
    }
}

/// Parses catalogue text. Structure errors (syntax, unknown keys, wrong types, missing fields) stop
/// the parse, so there is at most one; `parse_tree` and `structure` then find them all.
pub fn parse(text: &str, limits: &Limits) -> Result<RawCatalogue, Problem> {
    parse_with(text, limits, true)
}

/// Parses catalogue text like [`parse`], but without the position of every value (each `At`
/// stays at line 0): about 6% faster, for text expected to be valid. A problem in the structure
/// still comes with its position; for the problems validation finds, parse again with [`parse`].
pub fn parse_unpositioned(text: &str, limits: &Limits) -> Result<RawCatalogue, Problem> {
    parse_with(text, limits, false)
}

/// serde-saphyr remembers every key of every mapping, to refuse a key given twice and to let the
/// keys of a merge (`<<: *base`) be overridden: about 6% of the parse. The raw structs refuse a
/// key given twice themselves (serde's derive), so text that cannot hold a merge key is parsed
/// first without remembering keys. Only a success is kept: a failure is parsed again the usual
/// way, so that every message stays the same.
fn parse_with(text: &str, limits: &Limits, positions: bool) -> Result<RawCatalogue, Problem> {
    let _scope = SpannedScope::enter(positions);
    if !may_hold_merge_key(text) {
        let mut options = options(limits);
        options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
        options.merge_keys = serde_saphyr::MergeKeyPolicy::AsOrdinary;
        if let Ok(raw) = serde_saphyr::from_str_with_options::<RawCatalogue>(text, options) {
            return Ok(raw);
        }
    }
    serde_saphyr::from_str_with_options::<RawCatalogue>(text, options(limits)).map_err(problem_from)
}

/// Whether YAML text may hold a merge key, a key whose value is `<<`: written as such (plain,
/// quoted, or through an alias to it), or produced by escapes in double quotes, which counts only
/// with an explicit tag (`!!merge "\x3c\x3c"`). Scanning 90 MB takes about 10 ms.
fn may_hold_merge_key(text: &str) -> bool {
    text.contains("<<") || (text.contains('!') && text.contains('\\'))
}

/// Parses text of any shape into a tree with positions, under the same limits: the second pass on
/// a catalogue whose typed parse failed.
pub fn parse_tree(text: &str, limits: &Limits) -> Result<Node, Problem> {
    let _scope = SpannedScope::enter(true);
    serde_saphyr::from_str_with_options::<Node>(text, options(limits)).map_err(problem_from)
}

fn options(limits: &Limits) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    // Never deeper than the stack `on_deep_stack` reserves.
    let depth = limits.max_depth.min(super::MAX_DEPTH_CEILING);
    budget.max_depth = depth;
    budget.flow_nesting_limit = depth;
    budget.max_nodes = limits.max_nodes;
    budget.max_events = limits.max_nodes.saturating_mul(2);
    budget.max_aliases = limits.max_aliases;
    budget.max_anchors = limits.max_aliases;
    // Two, so that a second document is reported as such rather than as a budget breach.
    budget.max_documents = 2;
    // Copies of anchored values grow with aliases; the defaults (1,000,000) stop an alias bomb
    // within a second.
    budget.max_recorded_anchor_events = limits.max_aliases.saturating_mul(100);
    let text_bytes = usize::try_from(limits.max_file_bytes).unwrap_or(usize::MAX);
    budget.max_total_scalar_bytes = text_bytes;
    budget.max_recorded_anchor_bytes = text_bytes;
    // Comments are never deserialised: the crate is built without its `comments` feature, so the
    // parser skips them rather than turning them into events (Cargo.toml).
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options
}

/// Writes a value as YAML (for `export` and `-o yaml`).
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    Ok(serde_saphyr::to_string(value)?)
}

/// Reads any value from YAML text, under the default limits (for checking `-o yaml` output).
pub fn from_str<T: serde::de::DeserializeOwned>(text: &str) -> anyhow::Result<T> {
    Ok(serde_saphyr::from_str(text)?)
}

fn problem_from(error: serde_saphyr::Error) -> Problem {
    let inner = error.without_snippet();
    let pos = error
        .location()
        .map(|l| Pos::at(l.line(), l.column()))
        .unwrap_or_default();
    let raw = DefaultMessageFormatter.format_message(inner).into_owned();
    Problem::new(pos, explain(&raw))
}

/// Rewords the parser's messages where the schema can say more: unknown keys get the closest known
/// key, and limits say how to raise them.
fn explain(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((key, expected)) = rest.split_once("`, expected one of ") {
            let candidates: Vec<&str> = expected.split(", ").map(|k| k.trim_matches('`')).collect();
            return match crate::resolve::closest(key, candidates.iter().copied()) {
                Some(best) => format!("unknown key `{key}`; did you mean `{best}`?"),
                None => format!("unknown key `{key}`; the keys allowed here are {expected}"),
            };
        }
        if let Some((key, _)) = rest.split_once('`') {
            return format!("unknown key `{key}`: no keys are allowed here");
        }
    }
    if let Some(rest) = message.strip_prefix("missing field `")
        && let Some((key, _)) = rest.split_once('`')
    {
        return format!("missing required key `{key}`");
    }
    if message.contains("multiple YAML documents") {
        return "the file holds more than one YAML document (`---`); a catalogue is one document"
            .to_owned();
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(rest);
        return format!("the key `{key}` appears twice in this mapping; keep one");
    }
    if let Some(plain) = plain_type_error(message) {
        return plain.to_owned();
    }
    if message.contains("recursion limit") || message.contains("nesting") {
        return format!(
            "the YAML is nested too deeply ({message}); a catalogue needs only 4 levels; if the file is trusted, raise the limit with --max-depth"
        );
    }
    if let Some(rest) = message.strip_prefix("budget breached: ") {
        let breach = rest.split([' ', '{']).next().unwrap_or_default();
        let (what, flag) = match breach {
            "Events" | "Nodes" => ("has too many nodes", Some("--max-nodes")),
            "Depth" => ("is nested too deeply", Some("--max-depth")),
            "Aliases" | "Anchors" | "RecordedAnchorEvents" => (
                "has aliases that expand to too much (an alias bomb?)",
                Some("--max-aliases"),
            ),
            "AliasAnchorRatio" | "MergeKeys" => {
                ("has aliases that expand to too much (an alias bomb?)", None)
            }
            "ScalarBytes" | "CommentBytes" | "RecordedAnchorBytes" | "InputBytes" => {
                ("holds too much text", Some("--max-file-size"))
            }
            _ => ("is over a safety limit", None),
        };
        return match flag {
            Some(flag) => format!(
                "the YAML {what}: {rest}; if the file is trusted, raise the limit with {flag}"
            ),
            None => format!("the YAML {what}: {rest}"),
        };
    }
    if message.contains("budget") || message.contains("limit") {
        return format!(
            "{message} (the catalogue is over a safety limit; see `ladder --help` for the --max-* options to raise it)"
        );
    }
    message.to_owned()
}

/// The parser's type errors, said in the words of the schema rather than of Rust.
fn plain_type_error(message: &str) -> Option<&'static str> {
    Some(match message {
        "invalid u32" => "expected a whole number, such as 3",
        "invalid floating point" => "expected a number of years, such as 2 or 2.5",
        "invalid boolean" => "expected true or false",
        "expected sequence start" => "expected a list: `- item` lines, or `[a, b]`",
        "expected mapping start" => "expected a mapping: `key: value` lines, or `{key: value}`",
        "expected string scalar" => "expected text, not a list or a mapping",
        m if m.starts_with("cannot deserialize null into string") => {
            "expected text, but the value is empty"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_err(text: &str) -> Problem {
        match parse(text, &Limits::default()) {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(problem) => problem,
        }
    }

    #[test]
    fn an_unknown_key_suggests_the_closest_known_key() {
        let problem = parse_err("version: 1\nname: x\nrols: []\n");
        assert_eq!(problem.pos, Pos { line: 3, column: 1 });
        assert_eq!(problem.message, "unknown key `rols`; did you mean `roles`?");
    }

    #[test]
    fn values_carry_the_line_and_column_they_were_read_from() {
        let raw = parse(
            "version: 1\nname: x\ntracks:\n  - id: ic\n    name: IC\n",
            &Limits::default(),
        )
        .expect("valid");
        assert_eq!(raw.tracks[0].id.pos, Pos { line: 4, column: 9 });
    }

    #[test]
    fn without_positions_values_are_the_same_and_at_line_zero() {
        let text = "version: 1\nname: x\ntracks:\n  - id: ic\n    name: IC\n";
        let raw = parse_unpositioned(text, &Limits::default()).expect("valid");
        assert_eq!(raw.tracks[0].id.value, "ic");
        assert_eq!(raw.tracks[0].id.pos, Pos::default());
        // The mark is put back: the next positioned parse has positions.
        let raw = parse(text, &Limits::default()).expect("valid");
        assert_eq!(raw.tracks[0].id.pos, Pos { line: 4, column: 9 });
    }

    #[test]
    fn a_key_given_twice_is_named_as_such_with_or_without_merge_keys_in_the_text() {
        let twice = "version: 1\nname: x\nname: y\n";
        for text in [twice.to_owned(), format!("{twice}# <<\n")] {
            let problem = parse_err(&text);
            assert_eq!(problem.pos, Pos { line: 3, column: 1 }, "{text}");
            assert_eq!(
                problem.message,
                "the key `name` appears twice in this mapping; keep one"
            );
        }
    }

    #[test]
    fn merge_keys_are_merged() {
        let text =
            "version: 1\nname: x\ntracks:\n  - &ic {id: ic, name: IC}\n  - <<: *ic\n    id: ops\n";
        let raw = parse_unpositioned(text, &Limits::default()).expect("valid");
        assert_eq!(raw.tracks[1].id.value, "ops");
        assert_eq!(raw.tracks[1].name, "IC");
        // A merge key written with escapes and a tag needs no `<<` in the text.
        let tagged = text.replace("<<", "!!merge \"\\x3c\\x3c\"");
        let raw = parse_unpositioned(&tagged, &Limits::default()).expect("valid");
        assert_eq!(raw.tracks[1].name, "IC");
        assert!(may_hold_merge_key(&tagged) && !may_hold_merge_key("name: x\n"));
    }

    #[test]
    fn two_documents_are_refused() {
        let problem = parse_err("version: 1\nname: x\n---\nversion: 1\nname: y\n");
        assert!(problem.message.contains("more than one YAML document"));
        assert_eq!(problem.pos.line, 4);
    }
}
