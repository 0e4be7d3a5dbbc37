//! The route query and its answer: [`RouteQuery`], [`RouteOrder`] and [`Route`].

use crate::model::{Catalogue, Figure, RoleIx};

/// How routes are ranked: by the first of [`RouteOrder::criteria`] on which they differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RouteOrder {
    /// Least time: the sum of the midpoints of years in role over every step but the last (a
    /// role without a figure counts as the median of the known figures); then fewer track switches, more roles of the
    /// destination's kind, fewer moves, and the role ids.
    #[default]
    Time,
    /// Fewest moves; then less time, fewer track switches, more roles of the destination's
    /// kind, and the role ids.
    Steps,
}

/// One measure routes are compared by. Every one but the last is a number, lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    /// The sum of the midpoints of years in role (unknown: the median of the known figures).
    Time,
    /// The number of moves.
    Moves,
    /// The moves between roles on different tracks.
    TrackSwitches,
    /// The roles before the destination on a track of another kind than the destination's
    /// (managing people or not): a route to a management role that gains people-management
    /// experience on the way beats one that leaps to it from an individual contributor role.
    OtherKind,
    /// The moves that need a condition ("by application and interview", "at a startup"): a
    /// route that needs none is the likelier.
    Conditions,
    /// The role ids, compared one by one from the start in alphabetical (byte) order: the
    /// last resort, so that the answer never depends on the order of the catalogue's file.
    RoleIds,
}

impl Criterion {
    /// How the better route wins on this measure, for "chosen by: …".
    pub fn describe(self) -> &'static str {
        match self {
            Criterion::Time => "less time",
            Criterion::Moves => "fewer moves",
            Criterion::TrackSwitches => "fewer track switches",
            Criterion::OtherKind => "more roles of the destination's kind (managing people or not)",
            Criterion::Conditions => "fewer moves that need a condition",
            Criterion::RoleIds => "role ids in alphabetical order",
        }
    }
}

impl RouteOrder {
    /// The measures routes are ranked by, in order: the first on which two routes differ decides.
    pub fn criteria(self) -> [Criterion; 6] {
        match self {
            RouteOrder::Time => [
                Criterion::Time,
                Criterion::TrackSwitches,
                Criterion::OtherKind,
                Criterion::Conditions,
                Criterion::Moves,
                Criterion::RoleIds,
            ],
            RouteOrder::Steps => [
                Criterion::Moves,
                Criterion::Time,
                Criterion::TrackSwitches,
                Criterion::OtherKind,
                Criterion::Conditions,
                Criterion::RoleIds,
            ],
        }
    }
}

/// A question for [`find_routes`](super::find_routes): how to get from one role to another.
#[derive(Debug, Clone)]
pub struct RouteQuery {
    /// Where the route starts.
    pub from: RoleIx,
    /// Where the route ends.
    pub to: RoleIx,
    /// How routes are ranked.
    pub order: RouteOrder,
    /// A role the route must pass through.
    pub via: Option<RoleIx>,
    /// Roles the route must not pass through.
    pub avoid: Vec<RoleIx>,
    /// How many routes to return, best first: 1 for the best route only (0 counts as 1).
    pub limit: usize,
}

impl RouteQuery {
    /// The best route from `from` to `to` by least time, with no via and nothing avoided.
    pub fn new(from: RoleIx, to: RoleIx) -> RouteQuery {
        RouteQuery {
            from,
            to,
            order: RouteOrder::Time,
            via: None,
            avoid: Vec::new(),
            limit: 1,
        }
    }
}

/// One route up the ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// The roles from FROM to TO, both included.
    pub steps: Vec<RoleIx>,
    /// The years in role of every step but the last, added up.
    pub total: Total,
    /// The sum of the midpoints of the figures, in thousandths of a year (a role without one
    /// counting as the median of the known figures).
    pub time_millis: u64,
    /// The moves between roles on different tracks.
    pub track_switches: usize,
    /// The roles before the last on a track of another kind (managing people or not) than the
    /// last role's.
    pub other_kind: usize,
    /// The moves that need a condition.
    pub conditions: usize,
}

/// Years in role added up along a route, with what the sum rests on: a total is "typical" only
/// when every figure behind it is sourced and closed.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Total {
    /// The sum of the known minimums.
    pub min: f64,
    /// The sum of the known maximums; `None` when a figure is open-ended ("at least").
    pub max: Option<f64>,
    /// Steps counted: every role of the route but the last.
    pub counted: usize,
    /// Steps without a figure.
    pub unknown: usize,
    /// Steps whose figure is (in part) the catalogue author's estimate.
    pub estimated: usize,
}

impl Total {
    /// The years in role of these roles, added up.
    pub fn of(catalogue: &Catalogue, roles: &[RoleIx]) -> Total {
        let mut total = Total::zero();
        for &ix in roles {
            total.add(catalogue.in_role(ix));
        }
        total
    }

    /// Nothing yet: no years, no steps.
    pub fn zero() -> Total {
        Total {
            max: Some(0.0),
            ..Total::default()
        }
    }

    /// Counts one more step, with its figure if it has one.
    pub fn add(&mut self, figure: Option<&Figure>) {
        self.counted += 1;
        let Some(figure) = figure else {
            self.unknown += 1;
            return;
        };
        self.min = add_years(self.min, figure.min);
        self.max = match (self.max, figure.max) {
            (Some(sum), Some(max)) => Some(add_years(sum, max)),
            _ => None,
        };
        if !figure.is_sourced() {
            self.estimated += 1;
        }
    }

    /// Every figure behind the total is known and sourced.
    pub fn is_sourced(&self) -> bool {
        self.unknown == 0 && self.estimated == 0
    }
}

impl Route {
    /// The route through these roles, with its totals taken from the catalogue.
    pub fn new(catalogue: &Catalogue, steps: Vec<RoleIx>) -> Route {
        Route::ranked(catalogue, steps, super::graph::unknown_millis(catalogue))
    }

    /// [`Route::new`], a role without a time figure counting `unknown` thousandths of a year
    /// in its measure of time (the search works that out once).
    pub fn ranked(catalogue: &Catalogue, steps: Vec<RoleIx>, unknown: u64) -> Route {
        let counted = steps.split_last().map_or(&[][..], |(_, rest)| rest);
        let total = Total::of(catalogue, counted);
        let time_millis = counted.iter().fold(0u64, |sum, &ix| {
            sum.saturating_add(
                catalogue
                    .in_role(ix)
                    .map_or(unknown, |f| f.midpoint_millis()),
            )
        });
        let track = |ix: RoleIx| catalogue.roles.get(ix).map(|role| role.track);
        let manages = |ix: RoleIx| {
            catalogue
                .roles
                .get(ix)
                .is_some_and(|role| catalogue.track_of(role).manages)
        };
        let track_switches = steps
            .windows(2)
            .filter(|pair| match **pair {
                [a, b] => track(a) != track(b),
                _ => false,
            })
            .count();
        let last_manages = steps.last().is_some_and(|&ix| manages(ix));
        let other_kind = counted
            .iter()
            .filter(|&&ix| manages(ix) != last_manages)
            .count();
        let conditions = steps
            .windows(2)
            .filter(|pair| match **pair {
                [a, b] => catalogue
                    .move_between(a, b)
                    .is_some_and(|m| m.condition.is_some()),
                _ => false,
            })
            .count();
        Route {
            steps,
            total,
            time_millis,
            track_switches,
            other_kind,
            conditions,
        }
    }

    /// This route's number for a measure (0 for [`Criterion::RoleIds`], which is not one).
    pub fn measure(&self, criterion: Criterion) -> u64 {
        let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
        match criterion {
            Criterion::Time => self.time_millis,
            Criterion::Moves => count(self.steps.len().saturating_sub(1)),
            Criterion::TrackSwitches => count(self.track_switches),
            Criterion::OtherKind => count(self.other_kind),
            Criterion::Conditions => count(self.conditions),
            Criterion::RoleIds => 0,
        }
    }

    /// Whether two routes are equal on the first measure of `order` (time, or moves).
    pub fn ties_with(&self, other: &Route, order: RouteOrder) -> bool {
        let [primary, ..] = order.criteria();
        self.measure(primary) == other.measure(primary)
    }

    /// The first measure of `order` on which two routes differ: what ranks one before the other.
    /// [`Criterion::RoleIds`] when every number is equal, `None` for the same route.
    pub fn decided_by(&self, other: &Route, order: RouteOrder) -> Option<Criterion> {
        if self.steps == other.steps {
            return None;
        }
        order
            .criteria()
            .into_iter()
            .find(|&c| c == Criterion::RoleIds || self.measure(c) != other.measure(c))
    }
}

/// `total + years`, rounded to a billionth of a year, so that sums of decimal tenures come out as
/// written (0.1 + 0.2 is 0.3, not 0.30000000000000004). Tenures are at most 50 years, so a total
/// over 100,000 roles stays far inside the range where f64 holds a billionth exactly.
pub fn add_years(total: f64, years: f64) -> f64 {
    ((total + years) * 1e9).round() / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_of_decimal_years_have_no_float_noise() {
        assert_eq!(add_years(0.1, 0.2), 0.3);
        assert_eq!(add_years(add_years(0.2, 0.7), 0.1), 1.0);
        assert_eq!(add_years(0.0, 3.3333333333), 3.333333333);
        assert_ne!(0.1 + 0.2, 0.3, "the noise this removes");
    }
}
