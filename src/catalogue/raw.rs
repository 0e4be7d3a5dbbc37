//! The catalogue as written in the file: plain serde structs whose fields carry their source position.
//!
//! These mirror the schema in `docs/schema.md` one to one. They are what the YAML (or JSON) text turns
//! into before validation, and what `ladder export` turns the model back into. Nothing here names the
//! YAML crate: positions travel in [`At`], whose `Deserialize` lives in `yaml.rs`.

use serde::{Deserialize, Serialize};

/// A line and column in the catalogue file, both 1-based; 0 means unknown (a value built in code).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: u64,
    pub column: u64,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<At<String>>,
    pub track: At<String>,
    pub level: At<u32>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub entry: bool,
    pub summary: String,
    pub responsibilities: At<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports_to: Vec<At<String>>,
    pub tenure: At<RawTenure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next: Vec<At<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lateral: Vec<At<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub titles_by_company_size: Option<RawTitles>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
