//! The comparison of two roles as data: which responsibilities and skills they share and which
//! belong to one only.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::Role;
use crate::resolve::normalize;

/// Responsibilities and skills, as one side of a comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Lists {
    pub responsibilities: Vec<String>,
    pub skills: Vec<String>,
}

/// What two roles share and what is theirs alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Overlap {
    pub shared: Lists,
    pub only_a: Lists,
    pub only_b: Lists,
}

/// Splits the responsibilities and skills of `a` and `b` into shared, only in `a`, only in `b`.
/// Items are compared as names are (case and punctuation ignored); order follows the catalogue.
pub fn overlap(a: &Role, b: &Role) -> Overlap {
    let (shared_r, only_a_r, only_b_r) = split(&a.responsibilities, &b.responsibilities);
    let (shared_s, only_a_s, only_b_s) = split(&a.skills, &b.skills);
    Overlap {
        shared: Lists {
            responsibilities: shared_r,
            skills: shared_s,
        },
        only_a: Lists {
            responsibilities: only_a_r,
            skills: only_a_s,
        },
        only_b: Lists {
            responsibilities: only_b_r,
            skills: only_b_s,
        },
    }
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
}
