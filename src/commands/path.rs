//! `ladder path FROM TO`: the best route (or every route) up the ladder, with years per step.

use serde::Serialize;

use super::{FigureView, LevelView, PathQuery, RoleRef, TotalView};
use crate::model::Catalogue;
use crate::resolve::{resolve, resolve_pair};
use crate::route::{Criterion, RouteQuery, Total, find_routes_and_ties};

/// The `path` object of the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Routes {
    pub from: RoleRef,
    pub to: RoleRef,
    pub routes: Vec<RouteView>,
    /// Whether `--limit` cut the list: there are more routes than `routes` (with `--all` only;
    /// in the JSON only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub more: bool,
    /// What routes are ranked by, in order: the first on which two routes differ decides.
    pub ranked_by: Vec<&'static str>,
    /// How many other routes tie with the best one on the first measure (`tied_on`), listed or
    /// not; with `tied_more`, more than this many.
    pub tied: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub tied_more: bool,
    /// The first measure, when routes tie on it: "time" or "moves".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tied_on: Option<&'static str>,
    /// What chose the best route over the next one, when they tie.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen_by: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteView {
    /// From FROM to TO inclusive.
    pub steps: Vec<StepView>,
    /// Years in role of every step but the last, added up.
    pub total: TotalView,
    /// The number (from 1) of the first route listed that this one ties with on the first
    /// measure, when that is another route.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tied_with: Option<usize>,
}

impl Routes {
    /// "Route 2 of 4 (tied with route 1): ", "Route 1 of more than 10: ", or nothing for a
    /// single route.
    pub fn label(&self, n: usize) -> String {
        let count = self.routes.len();
        let tie = self
            .routes
            .get(n)
            .and_then(|route| route.tied_with)
            .map_or_else(String::new, |with| format!(" (tied with route {with})"));
        if self.more {
            format!("Route {} of more than {count}{tie}: ", n + 1)
        } else if count > 1 {
            format!("Route {} of {count}{tie}: ", n + 1)
        } else {
            String::new()
        }
    }

    /// "Tied on time with 3 other routes; chosen by: fewer track switches.", when the best
    /// route ties with others.
    pub fn tie_note(&self) -> Option<String> {
        let (on, by) = (self.tied_on?, self.chosen_by?);
        let others = match (self.tied, self.tied_more) {
            (n, true) => format!("more than {n} other routes"),
            (1, false) => "1 other route".to_owned(),
            (n, false) => format!("{n} other routes"),
        };
        Some(format!("Tied on {on} with {others}; chosen by: {by}."))
    }

    /// The ranking rule in one sentence.
    pub fn rule(&self) -> String {
        format!("Routes are ranked by {}.", self.ranked_by.join(", then "))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepView {
    pub id: String,
    pub title: String,
    pub level: LevelView,
    /// Years in this role before the next move, where known.
    pub in_role: Option<FigureView>,
    /// The running total: years from starting at FROM to arriving in this role.
    pub reached_after: TotalView,
    /// How one arrives in this role: "promotion", "track switch"...; absent for the first step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// What the move into this role needs, where the catalogue says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
}

pub fn run(catalogue: &Catalogue, query: &PathQuery) -> anyhow::Result<Routes> {
    let PathQuery {
        from,
        to,
        order,
        limit,
        via,
        avoid,
    } = query;
    let (from, to) = resolve_pair(catalogue, "path", from, to)?;
    let via = via.as_deref().map(|v| resolve(catalogue, v)).transpose()?;
    let avoid = avoid
        .iter()
        .map(|a| resolve(catalogue, a))
        .collect::<Result<Vec<_>, _>>()?;
    let query = RouteQuery {
        from,
        to,
        order: *order,
        via,
        avoid,
        // One more than asked for, to know whether the limit cut the list.
        limit: if *limit > 1 {
            limit.saturating_add(1)
        } else {
            1
        },
    };
    let (mut found, ties) = find_routes_and_ties(catalogue, &query)
        .map_err(|reason| anyhow::anyhow!(reason.explain(catalogue)))?;
    let more = found.len() > *limit;
    found.truncate((*limit).max(1));
    // Routes tied on the first measure are next to each other: each names the first of its run.
    let mut first_of_run = 0;
    let tied_with: Vec<Option<usize>> = (0..found.len())
        .map(|n| {
            let (Some(route), Some(head)) = (found.get(n), found.get(first_of_run)) else {
                return None;
            };
            if !route.ties_with(head, *order) {
                first_of_run = n;
            }
            (first_of_run != n).then_some(first_of_run + 1)
        })
        .collect();
    let routes = found
        .into_iter()
        .zip(tied_with)
        .map(|(route, tied_with)| {
            let mut elapsed = Total::zero();
            let steps = route
                .steps
                .iter()
                .enumerate()
                .map(|(n, &ix)| {
                    let role = catalogue.role(ix);
                    let reached_after = elapsed;
                    elapsed.add(catalogue.in_role(ix));
                    let arrival = n
                        .checked_sub(1)
                        .and_then(|p| route.steps.get(p))
                        .map(|&p| (p, catalogue.move_between(p, ix)));
                    StepView {
                        id: role.id.clone(),
                        title: role.title.clone(),
                        level: LevelView::new(catalogue.level_of(role)),
                        in_role: catalogue.in_role(ix).map(|f| FigureView::new(catalogue, f)),
                        reached_after: reached_after.into(),
                        kind: arrival.map(|(p, _)| catalogue.move_kind(p, ix).describe()),
                        condition: arrival
                            .and_then(|(_, m)| m)
                            .and_then(|m| m.condition.clone()),
                    }
                })
                .collect();
            RouteView {
                steps,
                total: route.total.into(),
                tied_with,
            }
        })
        .collect();
    let manages = catalogue.track_of(catalogue.role(to)).manages;
    let words = |criterion: Criterion| match criterion {
        Criterion::OtherKind if manages => {
            "more people-management experience on the way (the destination manages people)"
        }
        Criterion::OtherKind => {
            "fewer people-management roles on the way (the destination manages no one)"
        }
        other => other.describe(),
    };
    let tied_on = match order.criteria() {
        [Criterion::Moves, ..] => "moves",
        _ => "time",
    };
    Ok(Routes {
        from: RoleRef::new(catalogue, from),
        to: RoleRef::new(catalogue, to),
        routes,
        more,
        ranked_by: order.criteria().map(words).to_vec(),
        tied: ties.others,
        tied_more: ties.more,
        tied_on: (ties.others > 0 || ties.more).then_some(tied_on),
        chosen_by: ties.chosen_by.map(words),
    })
}
