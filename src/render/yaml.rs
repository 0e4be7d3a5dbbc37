//! YAML output: the JSON output, re-serialised as YAML, so the two carry exactly the same fields
//! in the same order.

use std::io::Write;

use crate::catalogue::yaml;
use serde::Serialize;

pub fn render(out: &mut dyn Write, view: &impl Serialize) -> anyhow::Result<()> {
    let mut json = Vec::new();
    super::json::render(&mut json, view)?;
    let value: serde_json::Value = serde_json::from_slice(&json)?;
    out.write_all(yaml::to_string(&value)?.as_bytes())?;
    Ok(())
}
