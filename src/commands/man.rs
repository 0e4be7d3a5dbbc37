//! `ladder man`: the man page, rendered from the command line definition by clap_mangen, with one
//! page for everything: a COMMANDS section gives each command's usage, description, options and
//! examples (rather than pointing to `ladder-show(1)` pages that do not exist).

use clap::CommandFactory;
use roff::{Roff, bold, italic, roman};

use crate::cli::Cli;

pub fn run() -> anyhow::Result<String> {
    let mut command = Cli::command();
    command.build();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    commands_section(&command).to_writer(&mut page)?;
    man.render_extra_section(&mut page)?;
    man.render_version_section(&mut page)?;
    Ok(String::from_utf8(page)?)
}

/// One subsection per command: usage, description, its own options, examples.
fn commands_section(command: &clap::Command) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let usage = sub
            .clone()
            .bin_name(format!("ladder {}", sub.get_name()))
            .render_usage()
            .to_string();
        let usage = usage.trim_start_matches("Usage:").trim().to_owned();
        roff.control("SS", [usage.as_str()]);
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(|a| a.to_string())
            .unwrap_or_default();
        for (n, paragraph) in about.split("\n\n").enumerate() {
            if n > 0 {
                roff.control("PP", []);
            }
            roff.text([roman(paragraph.replace('\n', " "))]);
        }
        // The shared options are listed once, under OPTIONS, not again for every command.
        let shared = |a: &clap::Arg| command.get_arguments().any(|t| t.get_id() == a.get_id());
        let own: Vec<&clap::Arg> = sub
            .get_arguments()
            .filter(|a| !shared(a) && !a.is_hide_set())
            .filter(|a| a.get_id() != "help")
            .collect();
        for arg in own {
            let name = match (arg.get_long(), arg.get_short()) {
                (Some(long), _) => format!("--{long}"),
                (None, Some(short)) => format!("-{short}"),
                (None, None) => arg
                    .get_value_names()
                    .and_then(|v| v.first())
                    .map_or_else(|| arg.get_id().to_string(), |v| v.to_string()),
            };
            roff.control("TP", []);
            let value = if arg.get_long().is_some() && arg.get_action().takes_values() {
                arg.get_value_names()
                    .and_then(|v| v.first())
                    .map(|v| format!(" {v}"))
            } else {
                None
            };
            match value {
                Some(value) => roff.text([bold(name), italic(value)]),
                None => roff.text([bold(name)]),
            };
            let help = arg
                .get_long_help()
                .or(arg.get_help())
                .map(|h| h.to_string())
                .unwrap_or_default();
            roff.text([roman(help)]);
        }
        if let Some(examples) = sub.get_after_help() {
            roff.control("PP", []);
            roff.control("nf", []);
            for line in examples.to_string().lines() {
                roff.text([roman(line)]);
            }
            roff.control("fi", []);
        }
    }
    roff
}
