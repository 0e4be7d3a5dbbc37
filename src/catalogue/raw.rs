//! The catalogue as written in the file: plain serde structs whose fields carry their source position.
//!
//! These mirror the schema in `docs/schema.md` one to one. They are what the YAML (or JSON) text turns
//! into before validation, and what `ladder export` turns the model back into. Nothing here names the
//! YAML crate: positions travel in [`At`], whose `Deserialize` lives in `yaml.rs`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// A line and column in the catalogue file, both 1-based; 0 means unknown (a value built in code).
///
/// 32 bits each: every value read carries one, and 64 would make the raw form of a 100,000-role
/// catalogue 12 MB larger. A position past 4,294,967,295, in a file over 4 GiB, is shown as that.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    /// The position at `line` and `column` as parsers count them.
    pub fn at(line: u64, column: u64) -> Pos {
        Pos {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }
}

/// A value with the position it was read from. Serialises as the bare value.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T: Serialize> Serialize for At<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// The top-level document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCatalogue {
    pub version: At<u32>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub tracks: Vec<RawTrack>,
    #[serde(default)]
    pub roles: Vec<At<RawRole>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: At<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTrack {
    pub id: At<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub id: At<String>,
    pub title: At<String>,
    #[serde(
        default,
        deserialize_with = "exact_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub aliases: Vec<At<String>>,
    pub track: At<String>,
    pub level: At<u32>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub entry: bool,
    pub summary: String,
    #[serde(deserialize_with = "exact_list_at")]
    pub responsibilities: At<Vec<String>>,
    #[serde(
        default,
        deserialize_with = "exact_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub skills: Vec<String>,
    #[serde(
        default,
        deserialize_with = "exact_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub reports_to: Vec<At<String>>,
    pub tenure: At<RawTenure>,
    #[serde(
        default,
        deserialize_with = "exact_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub next: Vec<At<String>>,
    #[serde(
        default,
        deserialize_with = "exact_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub lateral: Vec<At<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub titles_by_company_size: Option<RawTitles>,
    #[serde(
        default,
        deserialize_with = "exact_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub sources: Vec<At<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTenure {
    pub min: At<f64>,
    pub max: At<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<At<String>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub estimate: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTitles {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub startup: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scaleup: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// How many items of a list wait on the stack before it is given its place: most lists of a role
/// are shorter (the generator's responsibilities run to eight).
const LIST_HEAD: usize = 8;

/// Reads a list into a `Vec` of exactly its length. serde grows a `Vec` by doubling from four, so
/// a list of one reference held room for four: over the short lists of 100,000 roles, about 50 MB
/// never used (docs/performance.md). The first items wait on the stack; only a longer list grows.
fn exact_list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    Ok(ExactList::deserialize(deserializer)?.0)
}

/// [`exact_list`], with the position of the list.
fn exact_list_at<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<At<Vec<T>>, D::Error> {
    let list = At::<ExactList<T>>::deserialize(deserializer)?;
    Ok(At {
        value: list.value.0,
        pos: list.pos,
    })
}

struct ExactList<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ExactList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(ExactListVisitor(PhantomData))
    }
}

struct ExactListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ExactListVisitor<T> {
    type Value = ExactList<T>;

    // What serde's own `Vec` says, so that messages stay the same.
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ExactList<T>, A::Error> {
        let mut head: [Option<T>; LIST_HEAD] = Default::default();
        let mut len = 0;
        for slot in &mut head {
            match seq.next_element()? {
                Some(item) => *slot = Some(item),
                None => break,
            }
            len += 1;
        }
        if len < LIST_HEAD {
            let mut items = Vec::with_capacity(len);
            items.extend(head.into_iter().flatten());
            return Ok(ExactList(items));
        }
        let mut items = Vec::with_capacity(2 * LIST_HEAD);
        items.extend(head.into_iter().flatten());
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        items.shrink_to_fit();
        Ok(ExactList(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(lists: &str) -> RawRole {
        let json = format!(
            r#"{{"id": "a", "title": "A", "track": "ic", "level": 1, "summary": "s",
                "tenure": {{"min": 1, "max": 2, "estimate": true}}, {lists}}}"#
        );
        serde_json::from_str(&json).expect("a valid role")
    }

    #[test]
    fn positions_past_32_bits_are_shown_as_the_largest() {
        assert_eq!(Pos::at(5, 7), Pos { line: 5, column: 7 });
        assert_eq!(
            Pos::at(1 << 40, 3),
            Pos {
                line: u32::MAX,
                column: 3
            }
        );
    }

    #[test]
    fn lists_take_exactly_the_room_they_need() {
        let nine: Vec<String> = (1..=9).map(|n| format!("\"r{n}\"")).collect();
        let raw = role(&format!(
            r#""responsibilities": [{}], "next": ["b"], "skills": ["x", "y", "z"]"#,
            nine.join(", ")
        ));
        assert_eq!(raw.next.len(), 1);
        assert_eq!(raw.next.capacity(), 1);
        assert_eq!(raw.skills.capacity(), 3);
        assert_eq!(raw.responsibilities.value.len(), 9);
        assert_eq!(raw.responsibilities.value.capacity(), 9);
        assert_eq!(raw.responsibilities.value[8], "r9");
        assert!(raw.lateral.is_empty());
    }

    #[test]
    fn a_list_of_the_wrong_type_is_named_as_serde_names_it() {
        let json = r#"{"id": "a", "title": "A", "track": "ic", "level": 1, "summary": "s",
            "responsibilities": "r", "tenure": {"min": 1, "max": 2, "estimate": true}}"#;
        let error = serde_json::from_str::<RawRole>(json).expect_err("not a list");
        assert!(
            error
                .to_string()
                .starts_with(r#"invalid type: string "r", expected a sequence"#),
            "{error}"
        );
    }
}
