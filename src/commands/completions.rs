//! `ladder completions SHELL`: a completion script (clap_complete) that offers the catalogue's
//! role ids wherever a ROLE is expected.

use clap::CommandFactory;
use clap::builder::{PossibleValue, PossibleValuesParser};

use crate::cli::Cli;
use crate::model::Catalogue;

/// Where a ROLE is expected: (subcommand, argument id).
const ROLE_ARGS: &[(&str, &str)] = &[
    ("show", "role"),
    ("compare", "a"),
    ("compare", "b"),
    ("path", "from"),
    ("path", "to"),
    ("path", "via"),
    ("path", "avoid"),
    ("gap", "from"),
    ("gap", "to"),
    ("tree", "role"),
];

pub fn run(catalogue: &Catalogue, shell: clap_complete::Shell) -> anyhow::Result<String> {
    let ids: Vec<String> = catalogue.roles.iter().map(|r| r.id.clone()).collect();
    let mut command = with_role_names(Cli::command(), &ids);
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "ladder", &mut script);
    Ok(String::from_utf8(script)?)
}

/// The command line with the role ids as the possible values of every ROLE argument, hidden from
/// help (they are there for completion only; parsing never sees this command).
pub fn with_role_names(mut command: clap::Command, ids: &[String]) -> clap::Command {
    // Subcommands are defined lazily (`defer` in cli.rs); building defines them all.
    command.build();
    for &(sub, arg) in ROLE_ARGS {
        let has_arg = command
            .find_subcommand(sub)
            .is_some_and(|s| s.get_arguments().any(|a| a.get_id() == arg));
        if !has_arg {
            continue;
        }
        let values: Vec<PossibleValue> = ids.iter().map(PossibleValue::new).collect();
        command = command.mut_subcommand(sub, |s| {
            s.mut_arg(arg, |a| {
                a.value_parser(PossibleValuesParser::new(values))
                    .hide_possible_values(true)
            })
        });
    }
    command
}
