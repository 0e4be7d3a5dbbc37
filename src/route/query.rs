//! The route query and its answer: [`RouteQuery`], [`RouteOrder`] and [`Route`].

use crate::model::{Catalogue, RoleIx};

/// How routes are ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RouteOrder {
    /// Least typical time: the sum of tenure midpoints over every step but the last; ties go to the
    /// route with fewer steps.
    #[default]
    Time,
    /// Fewest steps; ties go to the route with less typical time.
    Steps,
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
    /// The sum of the tenure minimums of every step but the last, in years.
    pub min_years: f64,
    /// The sum of the tenure maximums of every step but the last, in years.
    pub max_years: f64,
    /// The sum of the tenure midpoints of every step but the last, in thousandths of a year.
    pub time_millis: u64,
}

impl Route {
    /// The route through these roles, with its totals taken from the catalogue.
    pub fn new(catalogue: &Catalogue, steps: Vec<RoleIx>) -> Route {
        let mut min_years = 0.0;
        let mut max_years = 0.0;
        let mut time_millis = 0u64;
        let counted = steps.split_last().map_or(&[][..], |(_, rest)| rest);
        for &ix in counted {
            if let Some(role) = catalogue.roles.get(ix) {
                min_years = add_years(min_years, role.tenure.min);
                max_years = add_years(max_years, role.tenure.max);
                time_millis = time_millis.saturating_add(role.tenure.midpoint_millis());
            }
        }
        Route {
            steps,
            min_years,
            max_years,
            time_millis,
        }
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
