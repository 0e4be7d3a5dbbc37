//! The command line, as clap types only. `config.rs` turns these into plain settings.
//!
//! Conventions: `///` comments are the help text; every command has examples in `after_help`;
//! the options shared by all commands ([`GlobalArgs`]) are clap global arguments, taken before
//! and after the command's name alike.

use std::path::PathBuf;

use clap::builder::TypedValueParser as _;
use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  ladder show cpo                  what a Chief Product Officer does
  ladder compare vp head           VP of Product against Head of Product
  ladder path pm cpo               the quickest typical route from PM to CPO
  ladder path pm cpo --all         every route, best first
  ladder gap senior-pm group-pm    what to grow to get from senior PM to group PM
  ladder list --track management   the management track
  ladder --catalogue team.yaml list   the same questions of your own ladder
  ladder export > team.yaml        start your own ladder from the built-in one
  ladder check team.yaml           every problem in it, with file:line:column";

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

// The options every command takes, before or after its name: clap global arguments. (A `//`
// comment: a doc comment here would become a description.)
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Read this catalogue (YAML, or JSON when the name ends in .json) instead of the built-in
    /// product-management ladder (empty: the built-in one)
    #[arg(long, global = true, env = "LADDER_CATALOGUE", value_name = "FILE",
          value_parser = clap::builder::OsStringValueParser::new().map(PathBuf::from))]
    pub catalogue: Option<PathBuf>,

    /// Output format [default: table; dot for graph]
    #[arg(short = 'o', long = "format", global = true, value_enum)]
    pub format: Option<Format>,

    /// When to use colour: auto is on a terminal only, and never with NO_COLOR set
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Draw with plain ASCII instead of box-drawing and block characters (the default when
    /// stdout is not a terminal)
    #[arg(long, global = true)]
    pub ascii: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

// Safety limits on the catalogue file; the defaults admit a 100,000-role catalogue. (A `//`
// comment, as for `GlobalArgs`.)
#[derive(Debug, Args)]
#[command(next_help_heading = "Catalogue limits")]
pub struct LimitArgs {
    /// Refuse a catalogue file larger than this many bytes (checked before reading it), or whose
    /// anchors and aliases copy more text than this
    #[arg(long, global = true, value_name = "BYTES", default_value_t = crate::catalogue::Limits::default().max_file_bytes)]
    pub max_file_size: u64,

    /// Refuse YAML nested deeper than this (at most 1000)
    #[arg(long, global = true, value_name = "N", default_value_t = crate::catalogue::Limits::default().max_depth,
          value_parser = clap::value_parser!(u64).range(1..=crate::catalogue::MAX_DEPTH_CEILING as u64).map(|n| n as usize))]
    pub max_depth: usize,

    /// Refuse YAML with more nodes (scalars, lists, mappings) than this
    #[arg(long, global = true, value_name = "N", default_value_t = crate::catalogue::Limits::default().max_nodes)]
    pub max_nodes: usize,

    /// Refuse YAML with more aliases (`*name`) or anchors than this, or whose anchored values are
    /// copied more than 100 times this
    #[arg(long, global = true, value_name = "N", default_value_t = crate::catalogue::Limits::default().max_aliases)]
    pub max_aliases: usize,
}

// `defer`: each command's arguments are defined only when that command is run (or the whole tree
// is built, for help, completions and the man page), which saves defining the rest at every start.
#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Show a role: what it does, where it sits, how long people stay, where it leads
    #[command(
        long_about = "Show a role: what it does, where it sits, how long people stay, where it leads.\n\n\
            The card gives the track and level (with what the catalogue says of them), the summary \
            and responsibilities, the expectations by competency area (with what the role includes \
            from the one below), the reporting lines both ways, the years in the role and the total \
            experience typical at its level (each with its sources, marked when estimated, or \
            unknown), the moves out (each a promotion, a track switch or a step down, with its \
            condition) and the roles that lead here, what it is called at companies of different \
            sizes, and the sources cited. Rows that do not apply are left out.",
        after_help = "Examples:\n  ladder show cpo\n  ladder show VP of Product\n  ladder show senior-pm -o json"
    )]
    Show {
        /// The role: an id, title, alias or title variant (case and punctuation ignored), or
        /// whole words or the start of one; several words are one name (`ladder show VP of
        /// Product`)
        #[arg(required = true, num_args = 1..)]
        role: Vec<String>,
    },

    /// Compare two roles side by side: level, track, time, reporting lines, and each competency
    #[command(
        long_about = "Compare two roles side by side: level, track, time, reporting lines, and each competency.\n\n\
            Responsibilities are split into those only one role has and those both share; the \
            expectations are lined up competency by competency, with each proficiency's place on \
            the scale and what one role is expected that the other is not. When a route joins the \
            two, the moves from the lower to the higher are named and their years summed up.",
        after_help = "Examples:\n  ladder compare vp head\n  ladder compare pm senior-pm -o json"
    )]
    Compare {
        /// The first role (quote a name of several words: "VP of Product")
        a: String,
        /// The second role
        b: String,
    },

    /// Find the route from one role to another, with years in each role and the total
    #[command(
        long_about = "Find the route from one role to another, with years in each role and the total.\n\n\
            Routes follow the catalogue's moves (promotions, track switches, moves across), each step named \
            by its kind and the move's condition. Routes are ranked by less time (the midpoints of years \
            in role; a role without a figure counts as the median of the known figures), then fewer \
            track switches, then more roles of the destination's kind (that manage people when it \
            does, that do not when it does not), then fewer moves that need a condition, then fewer \
            moves, then the role ids in alphabetical order, never the order of the file; --by steps \
            puts fewer moves first. When the best route ties with others on time, the answer says so and names the \
            measure that chose it; --all marks each tied route. The total counts the years spent in \
            every role but the last.",
        after_help = "Examples:\n  ladder path pm cpo\n  ladder path pm cpo --by steps\n  ladder path apm cpo --all --limit 5\n  ladder path pm cpo --via head --avoid vp"
    )]
    Path(PathArgs),

    /// What to grow to get from one role to another, competency by competency
    #[command(
        long_about = "What to grow to get from one role to another, competency by competency.\n\n\
            For each competency area: the proficiency now and at the target, the steps of the scale \
            between (with the role of the route where each is first expected), and what the target \
            is expected that the current role is not; areas with no change are marked. Then what \
            changes in scope and reporting: track (and whether it switches, say from individual \
            contributor to management), level, new responsibilities, reporting line and whether \
            the target manages people. The gap follows the best route of `ladder path FROM TO` \
            and says how many years it typically takes, marking estimated and unknown figures. \
            When no route joins the two roles the competency gap is still given; when TO is below \
            FROM the answer says it is a step down.",
        after_help = "Examples:\n  ladder gap senior-pm group-pm\n  ladder gap pm cpo -o markdown\n  ladder gap senior-pm group-pm -o json"
    )]
    Gap {
        /// The role you are in now
        from: String,
        /// The role you want to reach
        to: String,
    },

    /// List every role, ordered by track and level
    #[command(
        long_about = "List every role, ordered by track and level.\n\n\
            First what the catalogue says of itself; then a row a role with its track, level, id, \
            title (entry roles marked) and years in role (estimates and unknowns marked); then \
            what each track is. Filter with --track and --level (a level's id, code, name or \
            rank).",
        after_help = "Examples:\n  ladder list\n  ladder list --track ic\n  ladder list --level director -o json"
    )]
    List {
        /// Only roles on this track (its id or name)
        #[arg(long, value_name = "TRACK")]
        track: Option<String>,
        /// Only roles at this level (its id, code, name or rank)
        #[arg(long, value_name = "LEVEL")]
        level: Option<String>,
    },

    /// Search titles, aliases, summaries, responsibilities and expectations for TEXT
    #[command(
        long_about = "Search titles, aliases, summaries, responsibilities and expectations for TEXT.\n\n\
            The search ignores case and matches whole words: `AI` finds \"AI\", not \"training\". \
            Several words are a phrase, and punctuation is part of the text (`\"P&L\"`). Roles named \
            by TEXT (title or alias) come first, then those whose summary mentions it, then the \
            rest. Each role found is shown with the lines that mention TEXT, an expectation named \
            by its competency area (a competency whose name mentions TEXT brings every role's \
            expectation in it: `\"P&L\"`), the match highlighted when colour is on. Finding nothing \
            exits with status 1.",
        after_help = "Examples:\n  ladder search roadmap\n  ladder search \"product strategy\"\n  ladder search go-to-market -o json"
    )]
    Search {
        /// The text to look for: whole words, case ignored; several words are one phrase
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
    },

    /// Show the reporting lines as a tree, from the top or from ROLE down
    #[command(
        long_about = "Show the reporting lines as a tree, from the top or from ROLE down.\n\n\
            The tree starts at the roles that report to no one (or at ROLE) and follows `reports_to` \
            downwards. A role with several bosses appears under each; after the first time it is \
            marked (see above) and not expanded again, so the tree stays finite.",
        after_help = "Examples:\n  ladder tree\n  ladder tree VP of Product\n  ladder tree --ascii\n  ladder tree cpo -o json\n  ladder tree -o dot | dot -Tsvg > tree.svg"
    )]
    Tree {
        /// Start from this role instead of the top; several words are one name
        /// (`ladder tree VP of Product`)
        #[arg(num_args = 0..)]
        role: Vec<String>,
    },

    /// Draw the whole ladder as a picture: Graphviz DOT (the default) or Mermaid
    #[command(
        long_about = "Draw the whole ladder as a picture: Graphviz DOT (the default) or Mermaid.\n\n\
            Roles are grouped by track and ranked by level. Promotions are solid arrows, track \
            switches dashed, reporting lines dotted and grey; a legend says which is which. Render \
            DOT with Graphviz (`dot -Tsvg`); paste Mermaid into a ```mermaid block on GitHub. \
            `-o json` and `-o yaml` give the same graph as data.",
        after_help = "Examples:\n  ladder graph | dot -Tsvg > ladder.svg\n  ladder graph -o mermaid\n  ladder path pm cpo -o dot | dot -Tpng > route.png"
    )]
    Graph,

    /// Check a catalogue and report every problem in it, each with file:line:column
    #[command(
        long_about = "Check a catalogue and report every problem in it, each with file:line:column.\n\n\
            Checks FILE, or else the catalogue in use (--catalogue, LADDER_CATALOGUE, or the built-in \
            one). A valid catalogue gets a one-line summary on stdout and exit status 0; an invalid one \
            gets every problem on stderr, each with the source line it points at, and exit status 1. \
            Warnings about the ladder's shape (a role nothing leads to, a manager nobody reports to, \
            a level, competency or source nothing uses) are printed the same way, with exit status 0; \
            --strict makes them errors. With -o json the verdict goes to stdout as {\"valid\": bool, \
            \"problems\": [...], \"warnings\": [...]}, each {\"file\", \"line\", \"column\", \"message\"}.",
        after_help = "Examples:\n  ladder check examples/engineering-levels.yaml\n  ladder check --strict examples/competency-grid.yaml\n  ladder check examples/engineering.yaml -o json"
    )]
    Check {
        /// The catalogue file to check (default: the catalogue in use)
        file: Option<PathBuf>,
        /// Treat warnings about the ladder's shape as errors (exit status 1)
        #[arg(long)]
        strict: bool,
    },

    /// Print the catalogue in use as commented YAML: a template for your own
    #[command(
        long_about = "Print the catalogue in use (the built-in one by default) as commented YAML: a \
            template for your own.\n\n\
            The output loads back to the same catalogue. With -o json it is printed as JSON instead.",
        after_help = "Examples:\n  ladder export > team.yaml\n  ladder --catalogue team.yaml export -o json"
    )]
    Export,

    /// Print a catalogue file rewritten in the current schema (version 2)
    #[command(
        long_about = "Print a catalogue file rewritten in the current schema (version 2), as commented \
            YAML.\n\n\
            Version 1 catalogues still load as they are; this writes the version 2 form for you to \
            keep: levels become a list of their own, `tenure` becomes `time.in_role`, `next` and \
            `lateral` become `moves`, and `skills` become expectations in a `skills` competency. \
            The file itself is not changed. With -o json it is printed as JSON instead.",
        after_help = "Examples:\n  ladder upgrade examples/engineering.yaml\n  ladder upgrade examples/engineering.yaml > engineering-v2.yaml && ladder check engineering-v2.yaml"
    )]
    Upgrade {
        /// The catalogue file to rewrite
        file: PathBuf,
    },

    /// Print a shell completion script, with role names offered where a ROLE is expected
    #[command(
        long_about = "Print a shell completion script, with role names offered where a ROLE is expected.\n\n\
            The role names come from the catalogue in use (--catalogue or LADDER_CATALOGUE), so \
            generate the script again after changing catalogues.",
        after_help = "Examples:\n  ladder completions bash > ~/.local/share/bash-completion/completions/ladder\n  ladder completions zsh > ~/.zfunc/_ladder\n  ladder completions fish > ~/.config/fish/completions/ladder.fish"
    )]
    Completions {
        /// The shell to write the script for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff)
    #[command(
        long_about = "Print the man page (roff), to read with man or install under a man directory.",
        after_help = "Examples:\n  ladder man | man -l -\n  ladder man > ~/.local/share/man/man1/ladder.1"
    )]
    Man,
}

#[derive(Debug, Clone, Args)]
pub struct PathArgs {
    /// Where the route starts (quote a name of several words: "VP of Product")
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
    /// YAML: the JSON, as YAML
    Yaml,
    /// A Markdown table that renders on GitHub
    Markdown,
    /// A Graphviz DOT picture (graph, path, tree)
    Dot,
    /// A Mermaid flowchart (graph, path, tree)
    Mermaid,
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
