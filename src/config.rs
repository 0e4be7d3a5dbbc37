//! Parsed arguments and the environment, turned once into plain settings the rest of the program
//! reads: which catalogue, which question, which format, colour and width.

use std::io::IsTerminal;

use crate::catalogue::{Limits, Origin};
use crate::cli::{Cli, ColorChoice, Command, Format, RouteBy};
use crate::commands::{CheckFormat, DataFormat, Drawing, PageFormat, PathQuery, PictureFormat};
pub use crate::commands::{Query, Task};
pub use crate::render::Style;
use crate::route::RouteOrder;

/// Width tables are fitted to when stdout is not a terminal and `COLUMNS` is not set.
pub const DEFAULT_WIDTH: u16 = 100;

/// Everything a run needs, free of clap types.
#[derive(Debug, Clone)]
pub struct Config {
    pub origin: Origin,
    pub limits: Limits,
    pub style: Style,
    pub task: Task,
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

/// A format the command cannot give: `format` was asked of a command with only `formats`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatRefused {
    pub format: Format,
    pub formats: Vec<Format>,
}

impl Config {
    /// The settings for parsed arguments, or the format asked for if the command cannot give it.
    pub fn new(cli: Cli, env: &Environment) -> Result<Config, FormatRefused> {
        let global = cli.global;
        let Some(task) = task(cli.command.clone(), global.format) else {
            // Listed as `--help` lists them, but pictures first for `graph`, which draws them.
            let order = match cli.command {
                Command::Graph => &[Format::Dot, Format::Mermaid, Format::Json, Format::Yaml][..],
                _ => <Format as clap::ValueEnum>::value_variants(),
            };
            let formats = order
                .iter()
                .copied()
                .filter(|&f| task(cli.command.clone(), Some(f)).is_some())
                .collect();
            let format = global.format.unwrap_or(Format::Table);
            return Err(FormatRefused { format, formats });
        };
        let origin = global
            .catalogue
            .filter(|path| !path.as_os_str().is_empty())
            .map_or(Origin::Builtin, Origin::File);
        let color = match global.color {
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
        let limits = Limits {
            max_file_bytes: global.limits.max_file_size,
            max_depth: global.limits.max_depth,
            max_nodes: global.limits.max_nodes,
            max_aliases: global.limits.max_aliases,
        };
        let unicode = !global.ascii && env.stdout_is_terminal && !env.term_dumb;
        Ok(Config {
            origin,
            limits,
            style: Style {
                color,
                width,
                unicode,
                ascii: global.ascii,
            },
            task,
        })
    }
}

/// The task for a command and the format asked for (`None`: its default), if the command can
/// give that format.
fn task(command: Command, format: Option<Format>) -> Option<Task> {
    use Format::*;
    let page = |query: Query| -> Option<Task> {
        let format = match format.unwrap_or(Table) {
            Table => PageFormat::Table,
            Json => PageFormat::Json,
            Yaml => PageFormat::Yaml,
            Markdown => PageFormat::Markdown,
            Dot | Mermaid => return None,
        };
        Some(Task::Page(query, format))
    };
    // `path` and `tree`: a page, or a picture.
    let drawn = |query: Query, drawing: Drawing| match format {
        Some(Dot) => Some(Task::Picture(drawing, PictureFormat::Dot)),
        Some(Mermaid) => Some(Task::Picture(drawing, PictureFormat::Mermaid)),
        _ => page(query),
    };
    match command {
        Command::Show { role } => page(Query::Show {
            role: role.join(" "),
        }),
        Command::Compare { a, b } => page(Query::Compare { a, b }),
        Command::Path(p) => {
            let query = PathQuery {
                from: p.from,
                to: p.to,
                order: match p.by {
                    RouteBy::Time => RouteOrder::Time,
                    RouteBy::Steps => RouteOrder::Steps,
                },
                limit: if p.all { p.limit as usize } else { 1 },
                via: p.via,
                avoid: p.avoid,
            };
            drawn(Query::Path(query.clone()), Drawing::Routes(query))
        }
        Command::List { track, level } => page(Query::List { track, level }),
        Command::Search { text } => page(Query::Search { text }),
        Command::Tree { role } => drawn(Query::Tree { role: role.clone() }, Drawing::Tree { role }),
        Command::Graph => match format.unwrap_or(Dot) {
            Dot => Some(Task::Picture(Drawing::Ladder, PictureFormat::Dot)),
            Mermaid => Some(Task::Picture(Drawing::Ladder, PictureFormat::Mermaid)),
            Json => Some(Task::Graph(DataFormat::Json)),
            Yaml => Some(Task::Graph(DataFormat::Yaml)),
            Table | Markdown => None,
        },
        // One output each, a script or a page: no format to choose.
        Command::Completions { shell } => format.is_none().then_some(Task::Completions(shell)),
        Command::Man => format.is_none().then_some(Task::Man),
        Command::Check { file, strict } => {
            let format = match format.unwrap_or(Table) {
                Table => CheckFormat::Summary,
                Json => CheckFormat::Json,
                _ => return None,
            };
            Some(Task::Check {
                file,
                format,
                strict,
            })
        }
        // `table`, the default, is YAML here: the catalogue as a template.
        Command::Export => match format.unwrap_or(Yaml) {
            Table | Yaml => Some(Task::Export(DataFormat::Yaml)),
            Json => Some(Task::Export(DataFormat::Json)),
            Markdown | Dot | Mermaid => None,
        },
        Command::Upgrade { file } => match format.unwrap_or(Yaml) {
            Table | Yaml => Some(Task::Upgrade(file, DataFormat::Yaml)),
            Json => Some(Task::Upgrade(file, DataFormat::Json)),
            Markdown | Dot | Mermaid => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str], env: &Environment) -> Config {
        let mut argv = vec!["ladder"];
        argv.extend_from_slice(args);
        crate::usage::parse(argv, env).expect("parses")
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
