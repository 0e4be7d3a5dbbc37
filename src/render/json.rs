//! JSON output: the views serialised as the contract in the README says, pretty-printed.

use std::io::Write;

use serde::Serialize;

pub fn render(out: &mut dyn Write, value: &impl Serialize) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}
