//! The command line, as clap types only. `config.rs` turns these into plain settings.
//!
//! Conventions: `///` comments are the help text; every command has examples in `after_help`;
//! options shared by all commands are `global`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  ladder show cpo                  what a Chief Product Officer does
  ladder compare vp head           VP of Product against Head of Product
  ladder path pm cpo               the quickest typical route from PM to CPO
  ladder path pm cpo --all         every route, best first
  ladder list --track management   the management track
  ladder --catalogue team.yaml list   the same questions of your own ladder";

/// Explore a career ladder: what a role does, how two roles differ, and the realistic route
/// from one to another.
///
/// Answers come from a catalogue of roles: the built-in product-management ladder, or your own
/// YAML file of the same form (--catalogue).
#[derive(Debug, Parser)]
#[command(name = "ladder", version, after_help = EXAMPLES, arg_required_else_help = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Read this catalogue (YAML, or JSON when the name ends in .json) instead of the built-in
    /// product-management ladder
    #[arg(long, global = true, env = "LADDER_CATALOGUE", value_name = "FILE")]
    pub catalogue: Option<PathBuf>,

    /// Output format
    #[arg(short = 'o', long = "format", global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// When to use colour: auto is on a terminal only, and never with NO_COLOR set
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show a role: what it does, where it sits, how long people stay, where it leads
    #[command(
        after_help = "Examples:\n  ladder show cpo\n  ladder show \"VP of Product\"\n  ladder show senior -o json"
    )]
    Show {
        /// The role: an id, alias or title (case and punctuation ignored), or a unique prefix
        role: String,
    },

    /// Compare two roles side by side: level, track, tenure, reporting lines, and what they share
    #[command(
        after_help = "Examples:\n  ladder compare vp head\n  ladder compare pm senior-pm -o json"
    )]
    Compare {
        /// The first role
        a: String,
        /// The second role
        b: String,
    },

    /// Find the route from one role to another, with years in each role and the total
    #[command(
        long_about = "Find the route from one role to another, with years in each role and the total.\n\n\
            Routes follow promotions (`next`) and track switches (`lateral`) up the ladder. The best route \
            takes the least typical time (the midpoints of the tenure ranges; ties go to fewer steps), or \
            the fewest steps with --by steps. The total counts the years spent in every role but the last.",
        after_help = "Examples:\n  ladder path pm cpo\n  ladder path pm cpo --by steps\n  ladder path apm cpo --all --limit 5\n  ladder path pm cpo --via head --avoid director-pm"
    )]
    Path(PathArgs),

    /// List every role, ordered by track and level
    #[command(
        after_help = "Examples:\n  ladder list\n  ladder list --track ic\n  ladder list --level 5 -o json"
    )]
    List {
        /// Only roles on this track (its id or name)
        #[arg(long, value_name = "TRACK")]
        track: Option<String>,
        /// Only roles at this level
        #[arg(long, value_name = "N")]
        level: Option<u32>,
    },
}

#[derive(Debug, Args)]
pub struct PathArgs {
    /// Where the route starts
    pub from: String,
    /// Where the route ends
    pub to: String,
    /// What the best route minimises
    #[arg(long, value_enum, default_value_t = RouteBy::Time)]
    pub by: RouteBy,
    /// Show every route, best first (up to --limit)
    #[arg(long)]
    pub all: bool,
    /// Most routes shown with --all
    #[arg(long, default_value_t = 10, value_name = "N", requires = "all",
          value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub limit: u32,
    /// Only routes through this role
    #[arg(long, value_name = "ROLE")]
    pub via: Option<String>,
    /// Only routes that avoid this role (repeat for more)
    #[arg(long, value_name = "ROLE")]
    pub avoid: Vec<String>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people
    Table,
    /// JSON for scripts (see the README for the contract)
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RouteBy {
    /// Least typical time
    Time,
    /// Fewest steps
    Steps,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn path_takes_its_options() {
        let cli = Cli::try_parse_from([
            "ladder",
            "path",
            "pm",
            "cpo",
            "--by",
            "steps",
            "--all",
            "--limit",
            "3",
            "--via",
            "vp",
            "--avoid",
            "head",
            "--avoid",
            "director-pm",
        ])
        .expect("parses");
        match cli.command {
            Command::Path(args) => {
                assert_eq!(args.by, RouteBy::Steps);
                assert!(args.all);
                assert_eq!(args.limit, 3);
                assert_eq!(args.via.as_deref(), Some("vp"));
                assert_eq!(args.avoid, ["head", "director-pm"]);
            }
            other => panic!("expected path, got {other:?}"),
        }
    }

    #[test]
    fn limit_without_all_is_a_usage_error() {
        assert!(Cli::try_parse_from(["ladder", "path", "pm", "cpo", "--limit", "3"]).is_err());
    }
}
