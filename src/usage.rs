//! Usage beyond what clap checks alone: which output formats each command can give, the default
//! format of `graph`, and the short overview printed when `ladder` is run with no arguments.

use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, ValueEnum};

use crate::cli::{Cli, Command, Format};

/// Parses the command line like `Cli::try_parse_from`, then refuses a format the command cannot
/// give (a usage error, exit 2) and gives `graph` its own default format, DOT.
pub fn parse<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut command = Cli::command();
    let matches = command.try_get_matches_from_mut(args)?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))?;
    merge_shared(&mut cli, &matches);
    let explicit = format_given(&matches);
    if !explicit && let Command::Graph { .. } = cli.command {
        cli.global.format = Format::Dot;
    }
    let allowed = formats(&cli.command);
    if allowed.contains(&cli.global.format) {
        // The command line is parsed once per process: leave clap's command tree and matches for
        // the operating system to take back at exit, as `lib::run` does with the catalogue.
        // Freeing them, argument by argument, is a measurable part of starting up (about 55,000
        // instructions of `ladder show cpo`'s 1.2 million; docs/performance.md).
        std::mem::forget(command);
        std::mem::forget(matches);
        return Ok(cli);
    }
    let name = matches.subcommand_name().unwrap_or("ladder");
    let given = format_name(cli.global.format);
    let names: Vec<String> = allowed.iter().map(|&f| format_name(f)).collect();
    let message = format!(
        "`ladder {name}` cannot give '{given}' output; its formats are: {}",
        names.join(", ")
    );
    // The error shows the usage of the command at fault, not of `ladder` as a whole.
    let error = match command.find_subcommand_mut(name) {
        Some(sub) => sub.error(ErrorKind::InvalidValue, message),
        None => command.error(ErrorKind::InvalidValue, message),
    };
    Err(error)
}

/// Takes into `cli.global` the shared options given after the command's name, which win over the
/// same options given before it (`ladder -o json show cpo -o yaml` gives YAML, as the last one
/// given wins). A flag is on if given on either side.
fn merge_shared(cli: &mut Cli, matches: &clap::ArgMatches) {
    let Some((_, sub)) = matches.subcommand() else {
        return;
    };
    let given = |id: &str| sub.value_source(id) == Some(ValueSource::CommandLine);
    let after = cli.command.shared_mut();
    let before = &mut cli.global;
    if given("catalogue") {
        before.catalogue = after.catalogue.take();
    }
    if given("format") {
        before.format = after.format;
    }
    if given("color") {
        before.color = after.color;
    }
    before.ascii |= after.ascii;
    let (before, after) = (&mut before.limits, &after.limits);
    if given("max_file_size") {
        before.max_file_size = after.max_file_size;
    }
    if given("max_depth") {
        before.max_depth = after.max_depth;
    }
    if given("max_nodes") {
        before.max_nodes = after.max_nodes;
    }
    if given("max_aliases") {
        before.max_aliases = after.max_aliases;
    }
}

/// Whether `-o`/`--format` was given (on the command line or wherever clap took it from), rather
/// than left at its default.
fn format_given(matches: &clap::ArgMatches) -> bool {
    let mut current = Some(matches);
    while let Some(m) = current {
        if matches!(
            m.value_source("format"),
            Some(ValueSource::CommandLine | ValueSource::EnvVariable)
        ) {
            return true;
        }
        current = m.subcommand().map(|(_, sub)| sub);
    }
    false
}

/// The formats a command can give, its default first.
pub fn formats(command: &Command) -> &'static [Format] {
    use Format::*;
    match command {
        Command::Show { .. } | Command::Compare { .. } | Command::List { .. } => {
            &[Table, Json, Yaml, Markdown]
        }
        Command::Search { .. } => &[Table, Json, Yaml, Markdown],
        Command::Path(_) => &[Table, Json, Yaml, Markdown, Dot, Mermaid],
        Command::Tree { .. } => &[Table, Json, Yaml, Markdown, Dot, Mermaid],
        Command::Graph { .. } => &[Dot, Mermaid, Json, Yaml],
        Command::Completions { .. } | Command::Man { .. } => &[Table],
        Command::Check { .. } => &[Table, Json],
        // `table` is the default and means YAML here: the catalogue as a template.
        Command::Export { .. } => &[Table, Yaml, Json],
    }
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
    use crate::catalogue::Limits;

    #[test]
    fn graph_draws_dot_unless_told_otherwise() {
        let cli = parse(["ladder", "graph"]).expect("parses");
        assert_eq!(cli.global.format, Format::Dot);
        let cli = parse(["ladder", "graph", "-o", "mermaid"]).expect("parses");
        assert_eq!(cli.global.format, Format::Mermaid);
    }

    #[test]
    fn shared_options_are_taken_before_and_after_the_command_and_the_later_one_wins() {
        let cli = parse(["ladder", "-o", "json", "show", "cpo"]).expect("parses");
        assert_eq!(cli.global.format, Format::Json);
        let cli = parse(["ladder", "show", "cpo", "-o", "json"]).expect("parses");
        assert_eq!(cli.global.format, Format::Json);
        let cli = parse(["ladder", "-o", "json", "show", "cpo", "-o", "yaml"]).expect("parses");
        assert_eq!(cli.global.format, Format::Yaml);
        let cli = parse([
            "ladder",
            "--catalogue",
            "a.yaml",
            "list",
            "--catalogue",
            "b.yaml",
        ])
        .expect("parses");
        assert_eq!(cli.global.catalogue, Some("b.yaml".into()));
        let cli = parse(["ladder", "--catalogue", "a.yaml", "list"]).expect("parses");
        assert_eq!(cli.global.catalogue, Some("a.yaml".into()));
        let cli = parse(["ladder", "tree", "--ascii", "--color", "never"]).expect("parses");
        assert!(cli.global.ascii);
        assert_eq!(cli.global.color, crate::cli::ColorChoice::Never);
        let cli = parse([
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
        assert_eq!(cli.global.limits.max_depth, 9);
        assert_eq!(cli.global.limits.max_nodes, 7);
        let cli =
            parse(["ladder", "--max-depth", "9", "list", "--max-depth", "3"]).expect("parses");
        assert_eq!(cli.global.limits.max_depth, 3);
        let cli = parse(["ladder", "list"]).expect("parses");
        assert_eq!(cli.global.limits.max_depth, Limits::default().max_depth);
        assert!(!cli.global.ascii);
    }

    #[test]
    fn a_format_the_command_cannot_give_is_a_usage_error_naming_those_it_can() {
        let error = parse(["ladder", "show", "cpo", "-o", "dot"]).expect_err("refused");
        assert_eq!(error.kind(), ErrorKind::InvalidValue);
        let text = error.to_string();
        assert!(text.contains("table, json, yaml, markdown"), "{text}");
        assert!(parse(["ladder", "-o", "table", "graph"]).is_err());
    }

    #[test]
    fn the_overview_names_every_command_with_an_example() {
        let text = overview();
        for name in ["show", "compare", "path", "list", "search", "tree", "graph"] {
            assert!(text.contains(&format!("$ ladder {name}")), "{name}: {text}");
        }
    }
}
