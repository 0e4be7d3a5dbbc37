//! Fuzz target: any bytes as a catalogue, through loading, validation and one of each query.
//!
//! Bytes that are not UTF-8 stop here (the binary refuses them before parsing, with a message
//! tested elsewhere). Text goes through `load_text` with the default limits; a refused catalogue
//! has its problems rendered, as `main` would print them; an accepted one answers `show`,
//! `compare`, `path` (best, several, via and avoid) and `list`, rendered as a table and as JSON.
//! Any panic, hang or runaway allocation on the way is a bug.

#![no_main]

use libfuzzer_sys::fuzz_target;

use ladder::catalogue::{Limits, load_text};
use ladder::commands::{Output, PageFormat as Format, PathQuery};
use ladder::commands;
use ladder::config::{Query, Style};
use ladder::route::RouteOrder;
use ladder::model::Catalogue;
use ladder::render;
use ladder::resolve::resolve;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match load_text("fuzz.yaml", text, &Limits::default()) {
        Ok(catalogue) => query(&catalogue, text),
        Err(invalid) => {
            let _ = invalid.to_string();
            let _ = invalid.render_problems();
        }
    }
});

/// Names a user might type: the input's last line (so the fuzzer controls it), and, from the
/// catalogue, the first role's id, a prefix of its title, and its first alias.
fn names(catalogue: &Catalogue, text: &str) -> Vec<String> {
    let mut names = vec![text.lines().last().unwrap_or_default().to_owned()];
    if let Some(role) = catalogue.roles.first() {
        names.push(role.id.clone());
        let half: String = role
            .title
            .chars()
            .take(role.title.chars().count() / 2)
            .collect();
        names.push(half);
        names.extend(role.aliases.first().cloned());
    }
    names
}

fn query(catalogue: &Catalogue, text: &str) {
    let names = names(catalogue, text);
    for name in &names {
        let _ = resolve(catalogue, name);
    }
    let (Some(first), Some(last)) = (catalogue.roles.first(), catalogue.roles.last()) else {
        return;
    };
    let middle = catalogue
        .roles
        .get(catalogue.roles.len() / 2)
        .map(|role| role.id.clone());
    let typed = names.first().cloned().unwrap_or_default();
    let queries = [
        Query::Show {
            role: typed.clone(),
        },
        Query::Show {
            role: first.id.clone(),
        },
        Query::Compare {
            a: first.id.clone(),
            b: last.id.clone(),
        },
        Query::Path(PathQuery {
            from: first.id.clone(),
            to: last.id.clone(),
            order: RouteOrder::Time,
            limit: 1,
            via: None,
            avoid: Vec::new(),
        }),
        Query::Path(PathQuery {
            from: first.id.clone(),
            to: last.id.clone(),
            order: RouteOrder::Steps,
            limit: 5,
            via: middle.clone(),
            avoid: Vec::new(),
        }),
        Query::Path(PathQuery {
            from: first.id.clone(),
            to: typed,
            order: RouteOrder::Time,
            limit: 3,
            via: None,
            avoid: middle.into_iter().collect(),
        }),
        Query::List {
            track: None,
            level: None,
        },
        Query::List {
            track: catalogue.tracks.first().map(|t| t.name.clone()),
            level: Some(first.level),
        },
    ];
    let style = Style {
        color: true,
        width: 60,
        unicode: true,
    };
    for query in &queries {
        if let Ok(view) = commands::run(query, catalogue) {
            for format in [Format::Table, Format::Json] {
                let mut out = Vec::new();
                let _ = render::render(&mut out, &Output::Page(view.clone(), format), &style);
            }
        }
    }
}
