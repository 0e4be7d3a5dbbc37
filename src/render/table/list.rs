//! `list` for people: one table row per role, by track and level.

use std::io::Write;

use super::{Shape, draw, year_range};
use crate::commands::list::RoleRow;
use crate::render::Style;

pub fn render(out: &mut dyn Write, roles: &[RoleRow], style: &Style) -> anyhow::Result<()> {
    let mut rows = Vec::with_capacity(roles.len() + 1);
    rows.push(
        ["Track", "Level", "Id", "Title", "Tenure (years)"]
            .map(str::to_owned)
            .to_vec(),
    );
    for row in roles {
        let mut tenure = year_range(row.tenure.min, row.tenure.max, style);
        if row.estimate {
            tenure.push_str(" (estimate)");
        }
        rows.push(vec![
            row.track.clone(),
            row.level.to_string(),
            row.id.clone(),
            row.title.clone(),
            tenure,
        ]);
    }
    let shape = Shape {
        header: true,
        labels: false,
        whole: &[0, 1, 2],
    };
    draw(out, rows, shape, style)
}
