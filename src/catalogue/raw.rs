//! The catalogue as written in the file: plain serde structs whose fields carry their source position.
//!
//! They hold the values the walk (`walk/`) takes from the file, checked against the schema
//! (`schema.rs`), before validation; and what `ladder export` turns the model back into.

use serde::Serialize;

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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T: Serialize> Serialize for At<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

pub use crate::model::Extensions;

/// The top-level document.
#[derive(Debug, Clone, Serialize)]
pub struct RawCatalogue {
    pub version: At<i64>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<RawSource>,
    pub tracks: Vec<RawTrack>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<RawLevel>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<RawCompetency>,
    pub roles: Vec<At<RawRole>>,
    #[serde(flatten)]
    pub x: Extensions,
}

#[derive(Debug, Clone, Serialize)]
pub struct RawSource {
    pub id: At<String>,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(flatten)]
    pub x: Extensions,
}

#[derive(Debug, Clone, Serialize)]
pub struct RawTrack {
    pub id: At<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub manages: bool,
    #[serde(flatten)]
    pub x: Extensions,
}

#[derive(Debug, Clone, Serialize)]
pub struct RawLevel {
    pub id: At<String>,
    pub rank: At<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<At<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<At<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<At<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<At<RawTime>>,
    #[serde(flatten)]
    pub x: Extensions,
}

#[derive(Debug, Clone, Serialize)]
pub struct RawCompetency {
    pub id: At<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scale: Vec<At<String>>,
    #[serde(flatten)]
    pub x: Extensions,
}

#[derive(Debug, Clone, Serialize)]
pub struct RawRole {
    pub id: At<String>,
    pub title: At<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<At<String>>,
    pub track: At<String>,
    pub level: At<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub entry: bool,
    pub summary: At<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<At<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub includes: Option<At<String>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expectations: Vec<At<RawExpectation>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reports_to: Vec<At<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<At<RawTime>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub moves: Vec<At<RawMove>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titles_by_company_size: Option<RawTitles>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<At<String>>,
    #[serde(flatten)]
    pub x: Extensions,
}

#[derive(Debug, Clone, Serialize)]
pub struct RawExpectation {
    pub area: At<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proficiency: Option<At<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<At<String>>,
    #[serde(flatten)]
    pub x: Extensions,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RawTime {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_role: Option<At<RawFigure>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<At<RawFigure>>,
    #[serde(flatten)]
    pub x: Extensions,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RawFigure {
    pub min: At<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<At<f64>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<At<String>>,
    #[serde(skip_serializing_if = "is_false")]
    pub estimate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub x: Extensions,
}

#[derive(Debug, Clone, Serialize)]
pub struct RawMove {
    pub to: At<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<At<String>>,
    #[serde(flatten)]
    pub x: Extensions,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RawTitles {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub startup: Option<At<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaleup: Option<At<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enterprise: Option<At<String>>,
    #[serde(flatten)]
    pub x: Extensions,
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
