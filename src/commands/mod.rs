//! One file per subcommand. Each gathers plain data for a renderer; none prints. [`answer`]
//! carries out a [`Task`] and gives back its [`Output`]: the data, paired with its format.

pub mod check;
pub mod compare;
pub mod completions;
pub mod export;
pub mod gap;
pub mod graph;
pub mod list;
pub mod man;
pub mod path;
pub mod search;
pub mod show;
pub mod tree;

use serde::{Serialize, Serializer};

use crate::catalogue::raw::RawCatalogue;
use crate::catalogue::{self, Limits, LoadError, Origin};
use crate::model::{Catalogue, Figure, Level, Move, RoleIx};
use crate::route::{RouteOrder, Total};

/// A question about a catalogue, answered as a [`View`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    Show {
        role: String,
    },
    Compare {
        a: String,
        b: String,
    },
    Path(PathQuery),
    Gap {
        from: String,
        to: String,
    },
    List {
        track: Option<String>,
        level: Option<String>,
    },
    Search {
        text: String,
    },
    Tree {
        role: Option<String>,
    },
}

/// `ladder path FROM TO …`, as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathQuery {
    pub from: String,
    pub to: String,
    pub order: RouteOrder,
    /// How many routes, best first: 1 without `--all`.
    pub limit: usize,
    pub via: Option<String>,
    pub avoid: Vec<String>,
}

/// What a run does, with the output formats its command can give and no others: so each
/// command's answer comes back only in a form there is a renderer for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    /// `show`, `compare`, `path`, `gap`, `list`, `search`, `tree` as a table, Markdown, JSON or YAML.
    Page(Query, PageFormat),
    /// `graph`, or `path` and `tree` drawn as a picture.
    Picture(Drawing, PictureFormat),
    /// `graph -o json|yaml`: the ladder as data.
    Graph(DataFormat),
    Completions(clap_complete::Shell),
    Man,
    /// Check a catalogue: this file, or the one in use when `None`.
    Check {
        file: Option<std::path::PathBuf>,
        format: CheckFormat,
        /// Warnings about the ladder's shape are errors.
        strict: bool,
    },
    /// The catalogue in use, as commented YAML or as JSON.
    Export(DataFormat),
    /// A catalogue file, written in the current schema.
    Upgrade(std::path::PathBuf, DataFormat),
}

/// What a picture shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drawing {
    /// The whole ladder (`graph`).
    Ladder,
    /// The ladder with the routes of `path` marked on it.
    Routes(PathQuery),
    /// The reporting lines (`tree`).
    Tree { role: Option<String> },
}

/// Formats for the answers people read: `show`, `compare`, `path`, `list`, `search`, `tree`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageFormat {
    Table,
    Json,
    Yaml,
    Markdown,
}

/// Formats for pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureFormat {
    Dot,
    Mermaid,
}

/// Formats for data only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    Json,
    Yaml,
}

/// `check`: a one-line summary (the problems on stderr when invalid), or the verdict as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    Summary,
    Json,
}

/// What a command found, ready to write in any [`PageFormat`].
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum View {
    Role(Box<show::RoleCard>),
    Comparison(Box<compare::Comparison>),
    Gap(Box<gap::Gap>),
    Routes(path::Routes),
    Roles(list::Listing),
    Found(search::Found),
    Tree(tree::Tree),
}

/// What a picture draws.
#[derive(Debug, Clone)]
pub enum Picture {
    Ladder(Box<graph::Ladder>),
    Tree(tree::Tree),
}

/// Answers given as data only.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Data {
    Ladder(Box<graph::Ladder>),
    /// `export`: in YAML, with comments that explain it.
    Catalogue(Box<RawCatalogue>),
    Verdict(check::Verdict),
}

/// An answer in the form it is to be written: only the pairs that exist.
#[derive(Debug, Clone)]
pub enum Output {
    Page(View, PageFormat),
    Picture(Picture, PictureFormat),
    Data(Data, DataFormat),
    /// Written as it is: a completion script, the man page.
    Text(String),
    /// `check` on a valid catalogue: a summary line, and its warnings on stderr.
    Checked(check::Summary),
}

impl Output {
    /// Whether the run fails once the output is written: `check -o json` on an invalid catalogue.
    pub fn fails(&self) -> bool {
        matches!(self, Output::Data(Data::Verdict(verdict), _) if !verdict.valid)
    }
}

/// Carries out a task: loads the catalogue it needs from `origin` and answers.
pub fn answer(task: &Task, origin: &Origin, limits: &Limits) -> anyhow::Result<Output> {
    let load = || catalogue::load(origin, limits).map_err(Unusable);
    let output = match task {
        Task::Man => return Ok(Output::Text(man::run()?)),
        // `check` reads the catalogue file itself, valid or not.
        Task::Check {
            file,
            format,
            strict,
        } => {
            let origin = file.clone().map_or_else(|| origin.clone(), Origin::File);
            return check::run(&origin, limits, *format, *strict);
        }
        Task::Page(query, format) => {
            let catalogue = load()?;
            let view = run(query, &catalogue)?;
            std::mem::forget(catalogue);
            Output::Page(view, *format)
        }
        Task::Picture(drawing, format) => {
            let catalogue = load()?;
            let picture = match drawing {
                Drawing::Ladder => Picture::Ladder(Box::new(graph::run(&catalogue))),
                Drawing::Routes(query) => {
                    let routes = path::run(&catalogue, query)?;
                    Picture::Ladder(Box::new(graph::on_ladder(&routes, &catalogue)))
                }
                Drawing::Tree { role } => Picture::Tree(tree::run(&catalogue, role.as_deref())?),
            };
            std::mem::forget(catalogue);
            Output::Picture(picture, *format)
        }
        Task::Graph(format) => {
            let catalogue = load()?;
            let ladder = graph::run(&catalogue);
            std::mem::forget(catalogue);
            Output::Data(Data::Ladder(Box::new(ladder)), *format)
        }
        Task::Completions(shell) => {
            let catalogue = load()?;
            let script = completions::run(&catalogue, *shell)?;
            std::mem::forget(catalogue);
            Output::Text(script)
        }
        Task::Upgrade(file, format) => {
            let catalogue = catalogue::load(&Origin::File(file.clone()), limits)?;
            let raw = export::to_raw(&catalogue);
            std::mem::forget(catalogue);
            Output::Data(Data::Catalogue(Box::new(raw)), *format)
        }
        Task::Export(format) => {
            let catalogue = load()?;
            let raw = export::to_raw(&catalogue);
            std::mem::forget(catalogue);
            Output::Data(Data::Catalogue(Box::new(raw)), *format)
        }
    };
    // The process ends soon after this, and the operating system takes its memory back at once.
    // Freeing a 100,000-role catalogue string by string first would cost tens of milliseconds
    // for nothing (see docs/performance.md), so the catalogue is forgotten above instead.
    Ok(output)
}

/// The catalogue in use is not valid (or cannot be read), so no question about it can be
/// answered: `main` shows every problem, then how to list them again.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Unusable(pub LoadError);

/// Answers a query from a catalogue.
pub fn run(query: &Query, catalogue: &Catalogue) -> anyhow::Result<View> {
    match query {
        Query::Show { role } => show::run(catalogue, role).map(|card| View::Role(Box::new(card))),
        Query::Compare { a, b } => {
            compare::run(catalogue, a, b).map(|c| View::Comparison(Box::new(c)))
        }
        Query::Path(path) => path::run(catalogue, path).map(View::Routes),
        Query::Gap { from, to } => gap::run(catalogue, from, to).map(|g| View::Gap(Box::new(g))),
        Query::List { track, level } => {
            list::run(catalogue, track.as_deref(), level.as_deref()).map(View::Roles)
        }
        Query::Search { text } => search::run(catalogue, text).map(View::Found),
        Query::Tree { role } => tree::run(catalogue, role.as_deref()).map(View::Tree),
    }
}

/// A reference to another role: serialised as its id, shown to people with its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRef {
    pub id: String,
    pub title: String,
}

impl RoleRef {
    pub fn new(catalogue: &Catalogue, ix: RoleIx) -> Self {
        let role = catalogue.role(ix);
        RoleRef {
            id: role.id.clone(),
            title: role.title.clone(),
        }
    }

    pub fn list(catalogue: &Catalogue, ixs: &[RoleIx]) -> Vec<RoleRef> {
        ixs.iter().map(|&ix| RoleRef::new(catalogue, ix)).collect()
    }
}

impl Serialize for RoleRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.id)
    }
}

/// A time figure, as the JSON contract gives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureView {
    pub min: f64,
    /// Absent for an open-ended figure ("at least min").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Source ids.
    pub sources: Vec<String>,
    pub estimate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl FigureView {
    pub fn new(catalogue: &Catalogue, figure: &Figure) -> FigureView {
        FigureView {
            min: figure.min,
            max: figure.max,
            sources: figure
                .sources
                .iter()
                .map(|&s| catalogue.source(s).id.clone())
                .collect(),
            estimate: figure.estimate,
            note: figure.note.clone(),
        }
    }
}

/// Years in role added up along a route, with what the sum rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TotalView {
    /// The sum of the known minimums.
    pub min: f64,
    /// The sum of the known maximums; absent when a figure is open-ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Steps counted: every role of the route but the last.
    pub steps: usize,
    /// Steps without a figure: the total leaves them out.
    pub unknown_steps: usize,
    /// Steps whose figure is (in part) an estimate.
    pub estimated_steps: usize,
    /// Every figure behind the total is known and sourced.
    pub sourced: bool,
}

impl From<Total> for TotalView {
    fn from(total: Total) -> TotalView {
        TotalView {
            min: total.min,
            max: total.max,
            steps: total.counted,
            unknown_steps: total.unknown,
            estimated_steps: total.estimated,
            sourced: total.is_sourced(),
        }
    }
}

/// A move from a role: where to, what kind of move it is, and what it needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MoveView {
    pub to: RoleRef,
    /// "promotion", "promotion and track switch", "track switch", "move across", "step down"...
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A source id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl MoveView {
    pub fn new(catalogue: &Catalogue, from: RoleIx, m: &Move) -> MoveView {
        MoveView {
            to: RoleRef::new(catalogue, m.to),
            kind: catalogue.move_kind(from, m.to).describe(),
            condition: m.condition.clone(),
            note: m.note.clone(),
            source: m.source.map(|s| catalogue.source(s).id.clone()),
        }
    }
}

/// A level, as the JSON contract gives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelView {
    pub id: String,
    pub rank: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl LevelView {
    pub fn new(level: &Level) -> LevelView {
        LevelView {
            id: level.id.clone(),
            rank: level.rank,
            code: level.code.clone(),
            name: level.name.clone(),
        }
    }

    /// How people read the level: "M6 Director", "IC3", "Senior", or "rank 4".
    pub fn label(&self) -> String {
        match (&self.code, &self.name) {
            (Some(code), Some(name)) => format!("{code} {name}"),
            (Some(one), None) | (None, Some(one)) => one.clone(),
            (None, None) => format!("rank {}", self.rank),
        }
    }
}
