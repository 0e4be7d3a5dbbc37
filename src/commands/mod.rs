//! One file per subcommand. Each gathers plain data (a [`View`]) for a renderer; none prints.

pub mod check;
pub mod compare;
pub mod completions;
pub mod export;
pub mod graph;
pub mod list;
pub mod man;
pub mod path;
pub mod search;
pub mod show;
pub mod tree;

use serde::{Serialize, Serializer};

use crate::config::Query;
use crate::model::{Catalogue, RoleIx};

/// What a command found, ready to render in any format.
#[derive(Debug, Clone)]
pub enum View {
    Role(Box<show::RoleCard>),
    Comparison(Box<compare::Comparison>),
    Routes(path::Routes),
    Roles(Vec<list::RoleRow>),
    Found(search::Found),
    Tree(tree::Tree),
    Graph(Box<graph::Ladder>),
    /// Text printed as it is, whatever the format: a completion script, the man page.
    Script(String),
}

/// Answers a query from a catalogue.
pub fn run(query: &Query, catalogue: &Catalogue) -> anyhow::Result<View> {
    match query {
        Query::Show { role } => show::run(catalogue, role).map(|card| View::Role(Box::new(card))),
        Query::Compare { a, b } => {
            compare::run(catalogue, a, b).map(|c| View::Comparison(Box::new(c)))
        }
        Query::Path { .. } => path::run(catalogue, query).map(View::Routes),
        Query::List { track, level } => {
            list::run(catalogue, track.as_deref(), *level).map(View::Roles)
        }
        Query::Search { text } => search::run(catalogue, text).map(View::Found),
        Query::Tree { role } => tree::run(catalogue, role.as_deref()).map(View::Tree),
        Query::Graph => Ok(View::Graph(Box::new(graph::run(catalogue)))),
        Query::Completions { shell } => completions::run(catalogue, *shell).map(View::Script),
        Query::Man => man::run().map(View::Script),
        Query::Check { .. } | Query::Export => {
            anyhow::bail!(
                "`check` and `export` read the catalogue file themselves (see `lib::run`)"
            )
        }
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

/// A span of years.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Years {
    pub min: f64,
    pub max: f64,
}
