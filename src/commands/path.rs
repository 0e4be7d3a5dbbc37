//! `ladder path FROM TO`: the best route (or every route) up the ladder, with years per step.

use serde::Serialize;

use super::{FigureView, LevelView, PathQuery, RoleRef, TotalView};
use crate::model::Catalogue;
use crate::resolve::{resolve, resolve_pair};
use crate::route::{RouteQuery, Total, find_routes};

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
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteView {
    /// From FROM to TO inclusive.
    pub steps: Vec<StepView>,
    /// Years in role of every step but the last, added up.
    pub total: TotalView,
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
    let mut found = find_routes(catalogue, &query)
        .map_err(|reason| anyhow::anyhow!(reason.explain(catalogue)))?;
    let more = found.len() > *limit;
    found.truncate((*limit).max(1));
    let routes = found
        .into_iter()
        .map(|route| {
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
            }
        })
        .collect();
    Ok(Routes {
        from: RoleRef::new(catalogue, from),
        to: RoleRef::new(catalogue, to),
        routes,
        more,
    })
}
