//! `ladder gap FROM TO`: what to grow to get from one role to another, competency by competency,
//! what changes in scope and reporting, and the route that joins them with its years.

use serde::Serialize;

use super::{LevelView, RoleRef, TotalView};
use crate::compare::{AreaChange, areas, overlap};
use crate::model::{AreaExpectation, Catalogue, RankChange, RoleIx};
use crate::resolve::resolve;
use crate::route::{RouteQuery, find_routes};

/// The `gap` object of the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub from: End,
    pub to: End,
    /// Where TO sits from FROM: "up" (a higher rank), "across" (the same rank, another role),
    /// "down" (a lower rank: a step down, not a gap) or "same" (one role).
    pub direction: &'static str,
    /// Each role's track; `switches_track` when they differ.
    pub track: Change<TrackEnd>,
    pub switches_track: bool,
    /// Each role's level.
    pub level: Change<LevelView>,
    /// Expectations, competency by competency, in the catalogue's order of areas; areas neither
    /// role names are left out.
    pub areas: Vec<AreaGap>,
    /// Responsibilities TO has that FROM does not.
    pub new_responsibilities: Vec<String>,
    pub reports_to: Change<Vec<RoleRef>>,
    pub direct_reports: Change<Vec<RoleRef>>,
    /// Whether each role manages people: it has direct reports, or its track manages.
    pub manages_people: Change<bool>,
    /// The best route from FROM to TO (as `ladder path FROM TO` gives it), or `null` when no
    /// route joins them.
    pub route: Option<RouteGap>,
}

/// One of the two roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct End {
    pub id: String,
    pub title: String,
}

/// A value for FROM and for TO.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change<T> {
    pub from: T,
    pub to: T,
}

/// A role's track.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackEnd {
    pub id: String,
    pub name: String,
    /// The track's roles manage people.
    pub manages: bool,
}

/// What changes in one competency area from FROM to TO.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaGap {
    /// The competency id.
    pub area: String,
    pub name: String,
    /// The proficiency now (FROM's) and at the target (TO's), where the role has one.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Steps up the scale (negative: down), when both have a proficiency.
    pub change: Option<i64>,
    /// The steps of the scale on the way, TO's included, each with the first role of the route
    /// expected at it (absent without a route, or when no role of the route is).
    pub steps: Vec<ScaleStep>,
    /// The area's whole scale, lowest first (empty when it has none).
    pub scale: Vec<String>,
    /// What TO is expected that FROM is not (texts only in TO's cumulative expectations).
    pub new: Vec<String>,
    /// Nothing changes in this area.
    pub unchanged: bool,
}

/// A step of a scale on the way from FROM's proficiency to TO's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScaleStep {
    pub step: String,
    /// The id of the first role of the route expected at this step or above.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// The route the gap follows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteGap {
    /// From FROM to TO inclusive.
    pub steps: Vec<RouteStep>,
    /// Years in role of every step but the last, added up, with what the sum rests on.
    pub years: TotalView,
    /// How many moves of the route switch track.
    pub track_switches: usize,
}

/// A role on the route, with how one arrives in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteStep {
    pub id: String,
    pub title: String,
    /// "promotion", "track switch"...; absent for the first role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// What the move into this role needs, where the catalogue says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
}

pub fn run(catalogue: &Catalogue, from: &str, to: &str) -> anyhow::Result<Gap> {
    let from = resolve(catalogue, from)?;
    let to = resolve(catalogue, to)?;
    Ok(gap(catalogue, from, to))
}

/// The gap between two roles (see [`Gap`]).
pub fn gap(catalogue: &Catalogue, from: RoleIx, to: RoleIx) -> Gap {
    let (a, b) = (catalogue.role(from), catalogue.role(to));
    let direction = match catalogue.move_kind(from, to).rank {
        _ if from == to => "same",
        RankChange::Up => "up",
        RankChange::Same => "across",
        RankChange::Down => "down",
    };
    let track = |ix: RoleIx| {
        let track = catalogue.track_of(catalogue.role(ix));
        TrackEnd {
            id: track.id.clone(),
            name: track.name.clone(),
            manages: track.manages,
        }
    };
    let manages = |ix: RoleIx| {
        catalogue.track_of(catalogue.role(ix)).manages
            || !catalogue.direct_reports_of(ix).is_empty()
    };
    let route = find_routes(catalogue, &RouteQuery::new(from, to))
        .ok()
        .and_then(|routes| routes.into_iter().next())
        .map(|route| route_gap(catalogue, &route.steps, route.total.into()));
    // The expectations of each role of the route after FROM, to say where each step is reached.
    let along: Vec<(Vec<AreaExpectation>, String)> = route
        .iter()
        .flat_map(|r| r.steps.iter().skip(1))
        .filter_map(|s| catalogue.role_by_id(&s.id))
        .map(|ix| (catalogue.expectations_of(ix), catalogue.role(ix).id.clone()))
        .collect();
    Gap {
        from: end(catalogue, from),
        to: end(catalogue, to),
        direction,
        track: Change {
            from: track(from),
            to: track(to),
        },
        switches_track: a.track != b.track,
        level: Change {
            from: LevelView::new(catalogue.level_of(a)),
            to: LevelView::new(catalogue.level_of(b)),
        },
        areas: areas(catalogue, from, to)
            .into_iter()
            .map(|change| area_gap(catalogue, change, &along))
            .collect(),
        new_responsibilities: overlap(&a.responsibilities, &b.responsibilities).only_b,
        reports_to: Change {
            from: RoleRef::list(catalogue, &a.reports_to),
            to: RoleRef::list(catalogue, &b.reports_to),
        },
        direct_reports: Change {
            from: RoleRef::list(catalogue, catalogue.direct_reports_of(from)),
            to: RoleRef::list(catalogue, catalogue.direct_reports_of(to)),
        },
        manages_people: Change {
            from: manages(from),
            to: manages(to),
        },
        route,
    }
}

fn end(catalogue: &Catalogue, ix: RoleIx) -> End {
    let role = catalogue.role(ix);
    End {
        id: role.id.clone(),
        title: role.title.clone(),
    }
}

fn route_gap(catalogue: &Catalogue, steps: &[RoleIx], years: TotalView) -> RouteGap {
    let mut track_switches = 0;
    let steps = steps
        .iter()
        .enumerate()
        .map(|(n, &ix)| {
            let before = n.checked_sub(1).and_then(|p| steps.get(p)).copied();
            let kind = before.map(|p| catalogue.move_kind(p, ix));
            if kind.is_some_and(|k| k.switches_track) {
                track_switches += 1;
            }
            let role = catalogue.role(ix);
            RouteStep {
                id: role.id.clone(),
                title: role.title.clone(),
                kind: kind.map(|k| k.describe()),
                condition: before
                    .and_then(|p| catalogue.move_between(p, ix))
                    .and_then(|m| m.condition.clone()),
            }
        })
        .collect();
    RouteGap {
        steps,
        years,
        track_switches,
    }
}

/// One area's change, each step of the scale with the first role of the route (after FROM, with
/// its expectations in `along`) expected at it or above.
fn area_gap(
    catalogue: &Catalogue,
    change: AreaChange,
    along: &[(Vec<AreaExpectation>, String)],
) -> AreaGap {
    let area = catalogue
        .competencies
        .iter()
        .position(|c| c.id == change.area);
    // The proficiency each role of the route after FROM is expected at in this area.
    let levels: Vec<(Option<usize>, &str)> = along
        .iter()
        .map(|(expectations, id)| {
            let step = expectations
                .iter()
                .find(|e| Some(e.area) == area)
                .and_then(|e| e.proficiency)
                .map(|(p, _)| p);
            (step, id.as_str())
        })
        .collect();
    let going_up = change.change.is_none_or(|n| n > 0);
    let steps = change
        .steps
        .iter()
        .map(|step| {
            let place = change.scale.iter().position(|s| s == step);
            let at = going_up
                .then(|| {
                    levels
                        .iter()
                        .find(|(p, _)| p.zip(place).is_some_and(|(p, s)| p >= s))
                })
                .flatten()
                .map(|(_, id)| (*id).to_owned());
            ScaleStep {
                step: step.clone(),
                at,
            }
        })
        .collect();
    AreaGap {
        area: change.area,
        name: change.name,
        from: change.a,
        to: change.b,
        change: change.change,
        steps,
        scale: change.scale,
        new: change.only_b,
        unchanged: change.unchanged,
    }
}
