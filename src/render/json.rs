//! JSON output: the views serialised as the contract in the README says, pretty-printed.

use std::io::Write;

use crate::commands::View;

pub fn render(out: &mut dyn Write, view: &View) -> anyhow::Result<()> {
    match view {
        View::Role(card) => serde_json::to_writer_pretty(&mut *out, card)?,
        View::Comparison(comparison) => serde_json::to_writer_pretty(&mut *out, comparison)?,
        View::Routes(routes) => serde_json::to_writer_pretty(&mut *out, routes)?,
        View::Roles(rows) => serde_json::to_writer_pretty(&mut *out, rows)?,
        View::Found(found) => serde_json::to_writer_pretty(&mut *out, &found.hits)?,
        View::Tree(tree) => serde_json::to_writer_pretty(&mut *out, tree)?,
        View::Graph(ladder) => serde_json::to_writer_pretty(&mut *out, ladder)?,
        View::Script(text) => serde_json::to_writer_pretty(&mut *out, text)?,
    }
    writeln!(out)?;
    Ok(())
}
