//! `ladder man`: the man page, rendered from the command line definition by clap_mangen.

use clap::CommandFactory;

use crate::cli::Cli;

pub fn run() -> anyhow::Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    Ok(String::from_utf8(page)?)
}
