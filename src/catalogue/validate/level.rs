//! Levels: ranks in range, and their time figures.

use super::{Ids, MAX_RANK, Validator};
use crate::catalogue::raw::RawLevel;
use crate::model::Level;

impl Validator {
    /// The model levels; every level is checked, and kept (with a rank of 0 where it is out of
    /// range) so that roles still resolve and the rest of the report stays whole.
    pub(super) fn levels(&mut self, raw: &[RawLevel], ids: &Ids) -> Vec<Level> {
        raw.iter()
            .map(|level| {
                let id = &level.id.value;
                let rank = level.rank.value;
                if !rank.is_finite() || !(0.0..=MAX_RANK).contains(&rank) {
                    self.problem(
                        level.rank.pos,
                        format!(
                            "the rank of level `{id}` is {rank}; a rank is a number from 0 to {MAX_RANK}"
                        ),
                    );
                }
                Level {
                    id: id.clone(),
                    rank: if rank.is_finite() { rank.clamp(0.0, MAX_RANK) } else { 0.0 },
                    code: level.code.as_ref().map(|c| c.value.clone()),
                    name: level.name.as_ref().map(|n| n.value.clone()),
                    description: level.description.clone(),
                    facts: level.facts.iter().map(|f| f.value.clone()).collect(),
                    time: self.time(&format!("level `{id}`"), level.time.as_ref(), ids),
                    x: level.x.clone(),
                }
            })
            .collect()
    }
}
