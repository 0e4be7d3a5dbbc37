//! `ladder path FROM TO`: the best route (or every route) up the ladder, with years per step.

use serde::Serialize;

use super::PathQuery;
use super::{RoleRef, Years};
use crate::model::Catalogue;
use crate::resolve::{resolve, resolve_pair};
use crate::route::{RouteQuery, add_years, find_routes};

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
    /// Years spent in every step but the last.
    pub total: Years,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepView {
    pub id: String,
    pub title: String,
    /// Typical years in this role.
    pub tenure: Years,
    /// The running total: years from starting at FROM to arriving in this role.
    pub reached_after: Years,
    /// Whether the move into this role is a track switch rather than a promotion.
    pub lateral: bool,
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
            let mut steps = Vec::with_capacity(route.steps.len());
            let mut elapsed = Years { min: 0.0, max: 0.0 };
            let mut previous = None;
            for &ix in &route.steps {
                let role = catalogue.role(ix);
                let lateral = previous.is_some_and(|p: usize| {
                    catalogue.role(p).lateral.contains(&ix) && !catalogue.role(p).next.contains(&ix)
                });
                steps.push(StepView {
                    id: role.id.clone(),
                    title: role.title.clone(),
                    tenure: Years {
                        min: role.tenure.min,
                        max: role.tenure.max,
                    },
                    reached_after: elapsed,
                    lateral,
                });
                elapsed.min = add_years(elapsed.min, role.tenure.min);
                elapsed.max = add_years(elapsed.max, role.tenure.max);
                previous = Some(ix);
            }
            RouteView {
                steps,
                total: Years {
                    min: route.min_years,
                    max: route.max_years,
                },
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
