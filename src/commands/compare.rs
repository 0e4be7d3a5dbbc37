//! `ladder compare A B`: two role cards side by side, what they share, and the step between them.

use std::cmp::Ordering;

use serde::Serialize;

use super::TotalView;
use super::show::{RoleCard, card};
use crate::compare::{AreaChange, Overlap, areas, overlap};
use crate::model::Catalogue;
use crate::resolve::resolve_pair;
use crate::route::{RouteQuery, find_routes};

/// The `compare` object of the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub a: RoleCard,
    pub b: RoleCard,
    /// Responsibilities.
    pub responsibilities: Overlap,
    /// Expectations, competency by competency.
    pub areas: Vec<AreaChange>,
    /// The quickest route from the lower role to the higher (either way at the same rank),
    /// when there is one.
    pub step: Option<Step>,
}

/// How one gets from the lower of the two roles to the higher.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub from: String,
    pub to: String,
    /// The kind of each move on the way: "promotion", "track switch"...
    pub moves: Vec<&'static str>,
    pub years: TotalView,
}

impl Step {
    /// How far the step goes, in words: "1 move: promotion and track switch", "2 moves:
    /// promotion, track switch".
    pub fn reach(&self) -> String {
        let n = self.moves.len();
        format!(
            "{n} move{}: {}",
            if n == 1 { "" } else { "s" },
            self.moves.join(", ")
        )
    }
}

pub fn run(catalogue: &Catalogue, a: &str, b: &str) -> anyhow::Result<Comparison> {
    let (a_ix, b_ix) = resolve_pair(catalogue, "compare", a, b)?;
    let (ra, rb) = (catalogue.role(a_ix), catalogue.role(b_ix));
    // Up the ladder from the lower role; at the same level a track switch may go either way (or
    // one way only), so both are tried and the quicker kept, A to B on a tie.
    let (rank_a, rank_b) = (catalogue.level_of(ra).rank, catalogue.level_of(rb).rank);
    let ends = match rank_a.total_cmp(&rank_b) {
        Ordering::Less => vec![(a_ix, b_ix)],
        Ordering::Greater => vec![(b_ix, a_ix)],
        Ordering::Equal if a_ix == b_ix => Vec::new(),
        Ordering::Equal => vec![(a_ix, b_ix), (b_ix, a_ix)],
    };
    let step = ends
        .into_iter()
        .filter_map(|(low, high)| {
            let route = find_routes(catalogue, &RouteQuery::new(low, high))
                .ok()?
                .into_iter()
                .next()?;
            Some((route.time_millis, route.steps.len(), low, high, route))
        })
        .min_by_key(|&(time, steps, ..)| (time, steps))
        .map(|(_, _, low, high, route)| Step {
            from: catalogue.role(low).id.clone(),
            to: catalogue.role(high).id.clone(),
            moves: route
                .steps
                .windows(2)
                .map(|pair| match pair {
                    [x, y] => catalogue.move_kind(*x, *y).describe(),
                    _ => "",
                })
                .collect(),
            years: route.total.into(),
        });
    Ok(Comparison {
        a: card(catalogue, a_ix),
        b: card(catalogue, b_ix),
        responsibilities: overlap(&ra.responsibilities, &rb.responsibilities),
        areas: areas(catalogue, a_ix, b_ix),
        step,
    })
}
