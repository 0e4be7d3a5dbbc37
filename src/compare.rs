//! The comparison of two roles as data: which responsibilities they share and which belong to
//! one only, and how their expectations differ, competency by competency.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{Catalogue, RoleIx};
use crate::resolve::normalize;

/// What two roles' responsibilities share and what is theirs alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Overlap {
    pub shared: Vec<String>,
    pub only_a: Vec<String>,
    pub only_b: Vec<String>,
}

/// How two roles' expectations differ in one competency area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AreaChange {
    /// The competency id.
    pub area: String,
    pub name: String,
    /// Each role's proficiency, where it has one.
    pub a: Option<String>,
    pub b: Option<String>,
    /// Steps up the scale from A to B (negative: down), when both have a proficiency.
    pub change: Option<i64>,
    /// The steps of the scale passed on the way from A's proficiency to B's, B's included (A's
    /// own step left out; every step up to B's when A has none), in the order they are passed.
    pub steps: Vec<String>,
    /// The area's whole scale, lowest first (empty when it has none).
    pub scale: Vec<String>,
    /// What each role is expected that the other is not.
    pub only_a: Vec<String>,
    pub only_b: Vec<String>,
    /// What both are expected.
    pub shared: Vec<String>,
    /// Nothing changes: the same proficiency (or none on both), and no text one role is expected
    /// that the other is not.
    pub unchanged: bool,
}

/// Splits the responsibilities of `a` and `b` into shared, only in `a`, only in `b`. Items are
/// compared as names are (case and punctuation ignored); order follows the catalogue.
pub fn overlap(a: &[String], b: &[String]) -> Overlap {
    let (shared, only_a, only_b) = split(a, b);
    Overlap {
        shared,
        only_a,
        only_b,
    }
}

/// The two roles' expectations lined up area by area, in the catalogue's order of areas; areas
/// neither role names are left out.
pub fn areas(catalogue: &Catalogue, a: RoleIx, b: RoleIx) -> Vec<AreaChange> {
    let (ea, eb) = (catalogue.expectations_of(a), catalogue.expectations_of(b));
    let mut areas: Vec<usize> = ea.iter().chain(&eb).map(|e| e.area).collect();
    areas.sort_unstable();
    areas.dedup();
    areas
        .into_iter()
        .map(|area| {
            let competency = catalogue.competency(area);
            let of = |list: &[crate::model::AreaExpectation]| {
                let found = list.iter().find(|e| e.area == area);
                let step = found.and_then(|e| e.proficiency).map(|(p, _)| p);
                let texts: Vec<String> = found
                    .map(|e| e.texts.iter().map(|(t, _)| t.clone()).collect())
                    .unwrap_or_default();
                (step, texts)
            };
            let ((sa, ta), (sb, tb)) = (of(&ea), of(&eb));
            let (shared, only_a, only_b) = split(&ta, &tb);
            let name = |step: Option<usize>| step.and_then(|p| competency.scale.get(p)).cloned();
            AreaChange {
                area: competency.id.clone(),
                name: competency.name.clone(),
                a: name(sa),
                b: name(sb),
                change: sa
                    .zip(sb)
                    .map(|(x, y)| i64::try_from(y).unwrap_or(0) - i64::try_from(x).unwrap_or(0)),
                steps: steps_between(&competency.scale, sa, sb),
                scale: competency.scale.clone(),
                unchanged: sa == sb && only_a.is_empty() && only_b.is_empty(),
                only_a,
                only_b,
                shared,
            }
        })
        .collect()
}

/// The steps of `scale` passed going from step `from` to step `to`, `to` included and `from` left
/// out: upwards, or downwards when `to` is lower. From no step, `to` alone; to no step, none.
pub fn steps_between(scale: &[String], from: Option<usize>, to: Option<usize>) -> Vec<String> {
    let Some(to) = to else {
        return Vec::new();
    };
    let range: Vec<usize> = match from {
        // A role not rated in the area is not known to stand below the scale: only the target
        // step is named, not every step from the bottom.
        None => vec![to],
        Some(from) if from <= to => (from + 1..=to).collect(),
        Some(from) => (to..from).rev().collect(),
    };
    range
        .into_iter()
        .filter_map(|ix| scale.get(ix).cloned())
        .collect()
}

fn split(a: &[String], b: &[String]) -> (Vec<String>, Vec<String>, Vec<String>) {
    // Sets, so that comparing two roles with long lists stays linear.
    let a_keys: Vec<String> = a.iter().map(|s| normalize(s)).collect();
    let b_keys: Vec<String> = b.iter().map(|s| normalize(s)).collect();
    let (a_set, b_set): (HashSet<&String>, HashSet<&String>) =
        (a_keys.iter().collect(), b_keys.iter().collect());
    let mut shared = Vec::new();
    let mut only_a = Vec::new();
    for (item, key) in a.iter().zip(&a_keys) {
        if b_set.contains(key) {
            shared.push(item.clone());
        } else {
            only_a.push(item.clone());
        }
    }
    let only_b = b
        .iter()
        .zip(&b_keys)
        .filter(|(_, key)| !a_set.contains(key))
        .map(|(item, _)| item.clone())
        .collect();
    (shared, only_a, only_b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_split_into_shared_and_one_sided_ignoring_case() {
        let a = vec!["Roadmap".to_owned(), "Hiring".to_owned()];
        let b = vec!["hiring".to_owned(), "Budget".to_owned()];
        let (shared, only_a, only_b) = split(&a, &b);
        assert_eq!(shared, ["Hiring"]);
        assert_eq!(only_a, ["Roadmap"]);
        assert_eq!(only_b, ["Budget"]);
    }

    #[test]
    fn steps_between_are_those_passed_on_the_way_with_the_last_included() {
        let scale: Vec<String> = ["aware", "working", "expert", "leading"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(
            steps_between(&scale, Some(1), Some(3)),
            ["expert", "leading"]
        );
        assert_eq!(
            steps_between(&scale, Some(3), Some(1)),
            ["expert", "working"]
        );
        assert_eq!(steps_between(&scale, None, Some(1)), ["working"]);
        assert!(steps_between(&scale, Some(2), Some(2)).is_empty());
        assert!(steps_between(&scale, Some(2), None).is_empty());
    }
}
