//! `ladder compare A B`: two role cards side by side, what they share, and the step between them.

use std::cmp::Ordering;

use serde::Serialize;

use super::Years;
use super::show::{RoleCard, card};
use crate::compare::{Lists, overlap};
use crate::model::Catalogue;
use crate::resolve::resolve_pair;
use crate::route::{RouteQuery, find_routes};

/// The `compare` object of the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub a: RoleCard,
    pub b: RoleCard,
    pub shared: Lists,
    pub only_a: Lists,
    pub only_b: Lists,
    /// The quickest typical route from the lower role to the higher (either way at the same
    /// level), when there is one.
    pub step: Option<Step>,
}

/// How one gets from the lower of the two roles to the higher.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub from: String,
    pub to: String,
    pub levels: u32,
    pub steps: usize,
    pub years: Years,
}

impl Step {
    /// How far the step goes, in words: "2 levels up, 3 steps", or at the same level (where every
    /// move is a track switch) "a track switch at the same level" or "2 track switches at …".
    pub fn reach(&self) -> String {
        let s = |n: usize| if n == 1 { "" } else { "s" };
        match (self.levels, self.steps) {
            (0, 1) => "a track switch at the same level".to_owned(),
            (0, steps) => format!("{steps} track switches at the same level"),
            (levels, steps) => format!(
                "{levels} level{} up, {steps} step{}",
                s(levels as usize),
                s(steps)
            ),
        }
    }
}

pub fn run(catalogue: &Catalogue, a: &str, b: &str) -> anyhow::Result<Comparison> {
    let (a_ix, b_ix) = resolve_pair(catalogue, "compare", a, b)?;
    let (ra, rb) = (catalogue.role(a_ix), catalogue.role(b_ix));
    // Up the ladder from the lower role; at the same level a track switch may go either way (or
    // one way only), so both are tried and the quicker kept, A to B on a tie.
    let ends = match ra.level.cmp(&rb.level) {
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
            levels: catalogue
                .role(high)
                .level
                .saturating_sub(catalogue.role(low).level),
            steps: route.steps.len().saturating_sub(1),
            years: Years {
                min: route.min_years,
                max: route.max_years,
            },
        });
    let o = overlap(ra, rb);
    Ok(Comparison {
        a: card(catalogue, a_ix),
        b: card(catalogue, b_ix),
        shared: o.shared,
        only_a: o.only_a,
        only_b: o.only_b,
        step,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_says_how_far_it_goes_in_words() {
        let step = |levels, steps| Step {
            from: "a".to_owned(),
            to: "b".to_owned(),
            levels,
            steps,
            years: Years { min: 1.0, max: 2.0 },
        };
        assert_eq!(step(0, 1).reach(), "a track switch at the same level");
        assert_eq!(step(0, 2).reach(), "2 track switches at the same level");
        assert_eq!(step(1, 1).reach(), "1 level up, 1 step");
        assert_eq!(step(2, 3).reach(), "2 levels up, 3 steps");
    }
}
