//! Parsed arguments and the environment, turned once into plain settings the rest of the program
//! reads: which catalogue, which question, which format, colour and width.

use std::io::IsTerminal;

use crate::catalogue::{Limits, Origin};
use crate::cli::{Cli, ColorChoice, Command, Format, RouteBy};
use crate::route::RouteOrder;

/// Width tables are fitted to when stdout is not a terminal and `COLUMNS` is not set.
pub const DEFAULT_WIDTH: u16 = 100;

/// Everything a run needs, free of clap types.
#[derive(Debug, Clone)]
pub struct Config {
    pub origin: Origin,
    pub limits: Limits,
    pub format: Format,
    pub style: Style,
    pub query: Query,
}

/// How output looks; decided once, here, from flags and the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Columns the output should fit.
    pub width: u16,
    /// Whether drawings (tree, timeline) may use box-drawing and block characters; plain ASCII
    /// otherwise (`--ascii`, or stdout not a terminal).
    pub unicode: bool,
}

/// The question asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    Show {
        role: String,
    },
    Compare {
        a: String,
        b: String,
    },
    Path {
        from: String,
        to: String,
        order: RouteOrder,
        limit: usize,
        via: Option<String>,
        avoid: Vec<String>,
    },
    List {
        track: Option<String>,
        level: Option<u32>,
    },
    Search {
        text: String,
    },
    Tree {
        role: Option<String>,
    },
    Graph,
    Completions {
        shell: clap_complete::Shell,
    },
    Man,
    /// Check a catalogue: this file, or the one in use when `None`.
    Check {
        file: Option<std::path::PathBuf>,
    },
    Export,
}

/// The bits of the environment that shape output, gathered so tests can give their own.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    pub stdout_is_terminal: bool,
    pub terminal_width: Option<u16>,
    pub no_color: bool,
    pub clicolor_force: bool,
    pub term_dumb: bool,
    pub columns: Option<u16>,
}

impl Environment {
    /// Reads the real process environment.
    pub fn from_process() -> Self {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        let stdout_is_terminal = std::io::stdout().is_terminal();
        Environment {
            stdout_is_terminal,
            terminal_width: terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| w.0),
            no_color: set("NO_COLOR"),
            clicolor_force: std::env::var_os("CLICOLOR_FORCE")
                .is_some_and(|v| !v.is_empty() && v != "0"),
            term_dumb: std::env::var_os("TERM").is_some_and(|v| v == "dumb"),
            columns: std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok()),
        }
    }
}

impl Config {
    pub fn new(cli: Cli, env: &Environment) -> Config {
        let origin = cli
            .global
            .catalogue
            .filter(|path| !path.as_os_str().is_empty())
            .map_or(Origin::Builtin, Origin::File);
        let color = match cli.global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                !env.no_color && !env.term_dumb && (env.stdout_is_terminal || env.clicolor_force)
            }
        };
        let width = if env.stdout_is_terminal {
            env.terminal_width.or(env.columns)
        } else {
            env.columns
        }
        .unwrap_or(DEFAULT_WIDTH)
        .max(40);
        let query = match cli.command {
            Command::Show { role, .. } => Query::Show { role },
            Command::Compare { a, b, .. } => Query::Compare { a, b },
            Command::Path(p) => Query::Path {
                from: p.from,
                to: p.to,
                order: match p.by {
                    RouteBy::Time => RouteOrder::Time,
                    RouteBy::Steps => RouteOrder::Steps,
                },
                limit: if p.all { p.limit as usize } else { 1 },
                via: p.via,
                avoid: p.avoid,
            },
            Command::List { track, level, .. } => Query::List { track, level },
            Command::Search { text, .. } => Query::Search { text },
            Command::Tree { role, .. } => Query::Tree { role },
            Command::Graph { .. } => Query::Graph,
            Command::Completions { shell, .. } => Query::Completions { shell },
            Command::Man { .. } => Query::Man,
            Command::Check { file, .. } => Query::Check { file },
            Command::Export { .. } => Query::Export,
        };
        let limits = Limits {
            max_file_bytes: cli.global.limits.max_file_size,
            max_depth: cli.global.limits.max_depth,
            max_nodes: cli.global.limits.max_nodes,
            max_aliases: cli.global.limits.max_aliases,
        };
        let unicode = !cli.global.ascii && env.stdout_is_terminal && !env.term_dumb;
        Config {
            origin,
            limits,
            format: cli.global.format,
            style: Style {
                color,
                width,
                unicode,
            },
            query,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str], env: &Environment) -> Config {
        let mut argv = vec!["ladder"];
        argv.extend_from_slice(args);
        Config::new(crate::usage::parse(argv).expect("parses"), env)
    }

    #[test]
    fn colour_is_on_only_for_a_terminal_without_no_color_or_a_dumb_term() {
        let tty = Environment {
            stdout_is_terminal: true,
            ..Environment::default()
        };
        assert!(config(&["list"], &tty).style.color);
        let no_color = Environment {
            no_color: true,
            ..tty.clone()
        };
        assert!(!config(&["list"], &no_color).style.color);
        let dumb = Environment {
            term_dumb: true,
            ..tty.clone()
        };
        assert!(!config(&["list"], &dumb).style.color);
        assert!(!config(&["list"], &Environment::default()).style.color);
        assert!(
            config(&["--color", "always", "list"], &Environment::default())
                .style
                .color
        );
        assert!(!config(&["--color", "never", "list"], &tty).style.color);
    }

    #[test]
    fn piped_output_fits_columns_when_set_and_a_fixed_width_otherwise() {
        let piped = Environment::default();
        assert_eq!(config(&["list"], &piped).style.width, DEFAULT_WIDTH);
        let columns = Environment {
            columns: Some(72),
            ..Environment::default()
        };
        assert_eq!(config(&["list"], &columns).style.width, 72);
    }

    #[test]
    fn drawings_use_unicode_only_on_a_terminal_without_ascii_or_a_dumb_term() {
        let tty = Environment {
            stdout_is_terminal: true,
            ..Environment::default()
        };
        assert!(config(&["tree"], &tty).style.unicode);
        assert!(!config(&["tree", "--ascii"], &tty).style.unicode);
        assert!(!config(&["tree"], &Environment::default()).style.unicode);
        let dumb = Environment {
            term_dumb: true,
            ..tty.clone()
        };
        assert!(!config(&["tree"], &dumb).style.unicode);
    }

    #[test]
    fn the_catalogue_flag_picks_a_file_and_its_absence_the_built_in() {
        let env = Environment::default();
        assert_eq!(config(&["list"], &env).origin, Origin::Builtin);
        assert_eq!(
            config(&["--catalogue", "team.yaml", "list"], &env).origin,
            Origin::File("team.yaml".into())
        );
    }
}
