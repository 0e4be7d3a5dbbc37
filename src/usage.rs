//! From the command line to the settings of a run: clap's parse, then a usage error for a format
//! the command cannot give; and the short overview printed when `ladder` is run with no
//! arguments.

use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, ValueEnum};

use crate::cli::{Cli, Format};
use crate::config::{Config, Environment, FormatRefused};

/// Parses the command line into the settings of a run. A format the command cannot give is a
/// usage error (exit 2) that names those it can.
pub fn parse<I, T>(args: I, env: &Environment) -> Result<Config, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut command = Cli::command();
    let matches = command.try_get_matches_from_mut(args).map_err(quote_tip)?;
    let cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))?;
    let FormatRefused { format, formats } = match Config::new(cli, env) {
        Ok(config) => return Ok(config),
        Err(refused) => refused,
    };
    let name = matches.subcommand_name().unwrap_or("ladder");
    let names: Vec<String> = formats.iter().map(|&f| format_name(f)).collect();
    let message = if names.is_empty() {
        format!("`ladder {name}` has one output and takes no -o/--format")
    } else {
        format!(
            "`ladder {name}` cannot give '{}' output; its formats are: {}",
            format_name(format),
            names.join(", ")
        )
    };
    // The error shows the usage of the command at fault, not of `ladder` as a whole.
    let error = match command.find_subcommand_mut(name) {
        Some(sub) => sub.error(ErrorKind::InvalidValue, message),
        None => command.error(ErrorKind::InvalidValue, message),
    };
    Err(error)
}

/// `ladder compare VP of Product head` gives `compare` four words for its two roles: the error
/// then says to quote a name of several words (`show` joins its words itself).
fn quote_tip(mut error: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue};
    let usage = error
        .get(ContextKind::Usage)
        .map(ToString::to_string)
        .unwrap_or_default();
    let word = error
        .get(ContextKind::InvalidArg)
        .map(ToString::to_string)
        .unwrap_or_default();
    let command = ["compare", "path"]
        .into_iter()
        .find(|command| usage.contains(&format!("ladder {command} ")));
    if let Some(command) = command
        && error.kind() == ErrorKind::UnknownArgument
        && !word.starts_with('-')
    {
        let tip = format!(
            "put a name of several words in quotes: ladder {command} \"VP of Product\" cpo"
        );
        error.insert(
            ContextKind::Suggested,
            ContextValue::StyledStrs(vec![tip.into()]),
        );
    }
    error
}

fn format_name(format: Format) -> String {
    format
        .to_possible_value()
        .map(|value| value.get_name().to_owned())
        .unwrap_or_default()
}

/// Whether the program was run with no arguments at all.
pub fn wants_overview(args: &[OsString]) -> bool {
    args.len() <= 1
}

/// A short overview: each command with its summary and first example, and where to learn more.
pub fn overview() -> String {
    let command = Cli::command();
    let mut text = String::from(
        "ladder: explore a career ladder: what a role does, how two roles differ, and the route from one to another.\n\nCommands (with an example of each):\n",
    );
    let subcommands: Vec<&clap::Command> = command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .collect();
    let width = subcommands
        .iter()
        .map(|s| s.get_name().len())
        .max()
        .unwrap_or(0);
    for sub in subcommands {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        text.push_str(&format!("  {:width$}  {about}\n", sub.get_name()));
        let example = sub.get_after_help().and_then(|help| {
            help.to_string()
                .lines()
                .map(str::trim)
                .find(|line| line.starts_with("ladder "))
                .map(str::to_owned)
        });
        if let Some(example) = example {
            text.push_str(&format!("  {:width$}    $ {example}\n", ""));
        }
    }
    text.push_str(
        "\nMore: `ladder --help` for the options, `ladder help COMMAND` (or `ladder COMMAND --help`) for one command.\n",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Limits, Origin};
    use crate::commands::{Drawing, PageFormat, PictureFormat, Query, Task};

    fn parse<'a>(args: impl IntoIterator<Item = &'a str>) -> Result<Config, clap::Error> {
        super::parse(args, &Environment::default())
    }

    fn page_format(config: &Config) -> PageFormat {
        match &config.task {
            Task::Page(_, format) => *format,
            other => panic!("not a page: {other:?}"),
        }
    }

    #[test]
    fn graph_draws_dot_unless_told_otherwise() {
        let config = parse(["ladder", "graph"]).expect("parses");
        assert_eq!(
            config.task,
            Task::Picture(Drawing::Ladder, PictureFormat::Dot)
        );
        let config = parse(["ladder", "graph", "-o", "mermaid"]).expect("parses");
        assert_eq!(
            config.task,
            Task::Picture(Drawing::Ladder, PictureFormat::Mermaid)
        );
    }

    #[test]
    fn shared_options_are_taken_before_and_after_the_command_and_the_later_one_wins() {
        let config = parse(["ladder", "-o", "json", "show", "cpo"]).expect("parses");
        assert_eq!(page_format(&config), PageFormat::Json);
        let config = parse(["ladder", "show", "cpo", "-o", "json"]).expect("parses");
        assert_eq!(page_format(&config), PageFormat::Json);
        let config = parse(["ladder", "-o", "json", "show", "cpo", "-o", "yaml"]).expect("parses");
        assert_eq!(page_format(&config), PageFormat::Yaml);
        let config = parse([
            "ladder",
            "--catalogue",
            "a.yaml",
            "list",
            "--catalogue",
            "b.yaml",
        ])
        .expect("parses");
        assert_eq!(config.origin, Origin::File("b.yaml".into()));
        let config = parse(["ladder", "--catalogue", "a.yaml", "list"]).expect("parses");
        assert_eq!(config.origin, Origin::File("a.yaml".into()));
        let terminal = Environment {
            stdout_is_terminal: true,
            ..Environment::default()
        };
        let args = ["ladder", "tree", "--ascii", "--color", "never"];
        let config = super::parse(args, &terminal).expect("parses");
        assert!(!config.style.unicode);
        assert!(!config.style.color);
        let config = parse([
            "ladder",
            "--max-depth",
            "9",
            "path",
            "pm",
            "cpo",
            "--max-nodes",
            "7",
        ])
        .expect("parses");
        assert_eq!(config.limits.max_depth, 9);
        assert_eq!(config.limits.max_nodes, 7);
        let config =
            parse(["ladder", "--max-depth", "9", "list", "--max-depth", "3"]).expect("parses");
        assert_eq!(config.limits.max_depth, 3);
        let config = parse(["ladder", "list"]).expect("parses");
        assert_eq!(config.limits.max_depth, Limits::default().max_depth);
        let config = super::parse(["ladder", "list"], &terminal).expect("parses");
        assert!(config.style.unicode);
        assert_eq!(
            config.task,
            Task::Page(
                Query::List {
                    track: None,
                    level: None
                },
                PageFormat::Table
            )
        );
    }

    #[test]
    fn a_format_the_command_cannot_give_is_a_usage_error_naming_those_it_can() {
        let error = parse(["ladder", "show", "cpo", "-o", "dot"]).expect_err("refused");
        assert_eq!(error.kind(), ErrorKind::InvalidValue);
        let text = error.to_string();
        assert!(text.contains("table, json, yaml, markdown"), "{text}");
        assert!(parse(["ladder", "-o", "table", "graph"]).is_err());
        let error = parse(["ladder", "completions", "bash", "-o", "json"]).expect_err("refused");
        assert_eq!(error.kind(), ErrorKind::InvalidValue);
        let text = error.to_string();
        assert!(
            text.contains("`ladder completions` has one output"),
            "{text}"
        );
        assert!(!text.contains("table"), "{text}");
    }

    #[test]
    fn the_overview_names_every_command_with_an_example() {
        let text = overview();
        for name in [
            "show", "compare", "path", "gap", "list", "search", "tree", "graph",
        ] {
            assert!(text.contains(&format!("$ ladder {name}")), "{name}: {text}");
        }
    }
}
