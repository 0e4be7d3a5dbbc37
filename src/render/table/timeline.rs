//! A route drawn as a timeline under the `path` table: years along a line, one bar per step
//! from its earliest start to its latest end, so the shape of a career shows at a glance.
//! Block characters when [`Style::unicode`] is on, plain ASCII otherwise; fitted to the width.

use std::io::Write;

use crate::commands::path::RouteView;
use crate::render::prose::{self, wrap};
use crate::render::{Style, years};

/// The characters a timeline is drawn with.
struct Pen {
    /// In the role at the typical pace (the midpoints of the ranges).
    sure: char,
    /// In the role at a faster or slower pace: from the earliest start to the latest end.
    maybe: char,
    /// Arriving in the last role.
    arrive: char,
    rule: char,
    tick: char,
    ellipsis: &'static str,
}

const UNICODE: Pen = Pen {
    sure: '█',
    maybe: '░',
    arrive: '▲',
    rule: '─',
    tick: '┬',
    ellipsis: "…",
};

const ASCII: Pen = Pen {
    sure: '#',
    maybe: '.',
    arrive: '^',
    rule: '-',
    tick: '+',
    ellipsis: "...",
};

/// Writes the timeline of one route; nothing for a route of one role.
pub fn render(out: &mut dyn Write, route: &RouteView, style: &Style) -> anyhow::Result<()> {
    let Some(last) = route.steps.last() else {
        return Ok(());
    };
    if route.steps.len() < 2 {
        return Ok(());
    }
    let pen = if style.unicode { &UNICODE } else { &ASCII };
    // A route of no time at all still gets an axis from 0 to 1.
    let span = last
        .reached_after
        .max
        .unwrap_or(last.reached_after.min)
        .max(1.0);
    let width = usize::from(style.width);
    // Each step's label marks a figure that is not a sourced range: "?" none, "est." an estimate,
    // "+" open-ended (drawn as its minimum).
    let labels: Vec<(String, &str)> = route
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let title = prose::one_line(&s.title);
            let mark = match &s.in_role {
                _ if i + 1 == route.steps.len() => "",
                None => " ?",
                Some(f) if f.estimate => " est.",
                Some(f) if f.max.is_none() => " +",
                Some(_) => "",
            };
            (title, mark)
        })
        .collect();
    let longest = labels
        .iter()
        .map(|(title, mark)| prose::width(title) + mark.len())
        .max()
        .unwrap_or(0);
    let label_width = longest.min(width / 3).max(8);
    // Room after the chart for the last year's number under the axis.
    let chart = width.saturating_sub(label_width + 2 + 3).max(10);
    // Cell of a year: 0 ..= chart - 1.
    let cell = |y: f64| -> usize {
        let at = (y / span * (chart - 1) as f64).round();
        (at.max(0.0) as usize).min(chart - 1)
    };

    // The whole timeline, written at the end in one piece.
    let mut text = String::with_capacity((route.steps.len() + 4) * (width + 1) * 3);
    text.push('\n');
    let final_ix = route.steps.len().saturating_sub(1);
    // Paints the cells from year `from` to year `to`; `cell` keeps both within the bar.
    let paint = |bar: &mut [char], from: f64, to: f64, pen: char| {
        if let Some(cells) = bar.get_mut(cell(from)..=cell(to)) {
            cells.fill(pen);
        }
    };
    for ((i, step), label) in route.steps.iter().enumerate().zip(&labels) {
        let mut bar = vec![' '; chart];
        let start_min = step.reached_after.min;
        let start_max = step.reached_after.max.unwrap_or(start_min);
        let start_mid = (start_min + start_max) / 2.0;
        if i == final_ix {
            paint(&mut bar, start_min, start_max, pen.maybe);
            paint(&mut bar, start_mid, start_mid, pen.arrive);
        } else {
            let (min, max) = step
                .in_role
                .as_ref()
                .map_or((0.0, 0.0), |f| (f.min, f.max.unwrap_or(f.min)));
            let end_max = start_max + max;
            let end_mid = start_mid + (min + max) / 2.0;
            paint(&mut bar, start_min, end_max, pen.maybe);
            paint(&mut bar, start_mid, end_mid, pen.sure);
        }
        // The mark is never cut off: the title gives way to it.
        let (title, mark) = label;
        let mut cell = String::new();
        prose::fit(&mut cell, title, label_width - mark.len(), pen.ellipsis);
        let cell = cell.trim_end();
        text.push_str(cell);
        text.push_str(mark);
        let used = prose::width(cell) + mark.len();
        text.extend(std::iter::repeat_n(' ', label_width.saturating_sub(used)));
        text.push_str("  ");
        let painted = bar
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(0, |last| last + 1);
        text.extend(bar.iter().take(painted));
        text.push('\n');
    }

    // The axis: a rule with a tick every `step` years (1, 2 or 5 times a power of ten), and the
    // years under the ticks, far enough apart that the longest number and a space fit between.
    let per_year = (chart - 1) as f64 / span;
    let gap = (years(span).len() + 1).max(4) as f64;
    let step = (0..)
        .map(|power| 10f64.powi(power))
        .take_while(|scale| scale.is_finite())
        .flat_map(|scale| [scale, 2.0 * scale, 5.0 * scale])
        .find(|s| s * per_year >= gap)
        .unwrap_or(span);
    let mut rule = vec![pen.rule; chart];
    let mut numbers = vec![' '; chart + 4];
    let mut year = 0.0;
    while year <= span + 1e-9 {
        let at = cell(year);
        if let Some(slot) = rule.get_mut(at) {
            *slot = pen.tick;
        }
        // Never over the number before, should rounding bring two ticks close.
        let label = years(year);
        let free = at == 0 || numbers.get(at - 1).is_none_or(|c| *c == ' ');
        if free
            && numbers
                .get(at..at + label.len())
                .is_some_and(|s| s.iter().all(|c| *c == ' '))
        {
            for (k, ch) in label.chars().enumerate() {
                if let Some(slot) = numbers.get_mut(at + k) {
                    *slot = ch;
                }
            }
        }
        year += step;
    }
    let pad = label_width + 2;
    text.extend(std::iter::repeat_n(' ', pad));
    text.extend(rule);
    text.push('\n');
    text.extend(std::iter::repeat_n(' ', pad));
    let numbered = numbers
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |last| last + 1);
    text.extend(numbers.iter().take(numbered));
    text.push('\n');
    let key = format!(
        "Years from the start. {} middle of the range {sep} {} fastest start to slowest end {sep} {} \
         arrival. est. = an estimate, ? = no figure (drawn as none), + = open-ended (drawn as its \
         minimum).",
        pen.sure,
        pen.maybe,
        pen.arrive,
        sep = if style.unicode { "·" } else { ";" }
    );
    for line in wrap(&key, width) {
        text.push_str(&line);
        text.push('\n');
    }
    out.write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Limits, Origin, load};
    use crate::commands::{PathQuery, Query, View, run};
    use crate::route::RouteOrder;

    fn pm_to_cpo() -> RouteView {
        let catalogue = load(&Origin::Builtin, &Limits::default()).expect("built-in loads");
        let query = Query::Path(PathQuery {
            from: "pm".into(),
            to: "cpo".into(),
            order: RouteOrder::Time,
            limit: 1,
            via: None,
            avoid: Vec::new(),
        });
        match run(&query, &catalogue).expect("a route") {
            View::Routes(routes) => routes.routes[0].clone(),
            other => panic!("expected routes, got {other:?}"),
        }
    }

    fn draw(unicode: bool, width: u16) -> String {
        let style = Style {
            color: false,
            width,
            unicode,
            ascii: !unicode,
        };
        let mut out = Vec::new();
        render(&mut out, &pm_to_cpo(), &style).expect("draws");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn a_terminal_gets_block_characters_and_ascii_gets_none() {
        let blocks = draw(true, 100);
        assert!(blocks.contains('█') && blocks.contains('░') && blocks.contains('▲'));
        let plain = draw(false, 100);
        assert!(plain.is_ascii(), "{plain}");
        assert!(plain.contains('#') && plain.contains('^'));
    }

    #[test]
    fn the_timeline_fits_the_width_it_is_given() {
        for width in [40, 60, 80, 120] {
            for unicode in [true, false] {
                for line in draw(unicode, width).lines() {
                    assert!(prose::width(line) <= usize::from(width), "{width}: {line}");
                }
            }
        }
    }

    #[test]
    fn the_axis_reaches_the_arrival_and_numbers_the_years() {
        let plain = draw(false, 100);
        let numbers = plain
            .lines()
            .find(|l| l.trim_start().starts_with("0 "))
            .expect("a line of years");
        assert!(numbers.contains(" 10 "), "{numbers}");
    }
}
