//! Small catalogues made in code, for tests and generated ladders: a bare role, a catalogue of
//! roles on one track, a plain move, an estimated figure.

use super::{Catalogue, Figure, Level, Move, Parts, Role, RoleIx, Time, TitlesBySize, Track};

impl Role {
    /// A role with only an id and a title, at level 0 on track 0: for tests and generated
    /// catalogues.
    pub fn sample(id: &str, title: &str) -> Role {
        Role {
            id: id.into(),
            title: title.into(),
            aliases: Vec::new(),
            track: 0,
            level: 0,
            entry: false,
            summary: String::new(),
            responsibilities: Vec::new(),
            includes: None,
            expectations: Vec::new(),
            reports_to: Vec::new(),
            time: Time::default(),
            moves: Vec::new(),
            titles_by_company_size: TitlesBySize::default(),
            sources: Vec::new(),
            x: None,
        }
    }
}

impl Catalogue {
    /// These roles on one track, with one level per rank in `0..levels` (level `n` has rank `n`):
    /// for tests and generated catalogues.
    pub fn sample(roles: Vec<Role>, levels: usize) -> Catalogue {
        Catalogue::with_indexes(Parts {
            name: "test".into(),
            tracks: vec![Track {
                id: "ic".into(),
                name: "Individual contributor".into(),
                description: None,
                manages: false,
                x: None,
            }],
            levels: (0..levels)
                .map(|n| Level {
                    id: format!("l{n}"),
                    rank: n as f64,
                    code: None,
                    name: None,
                    description: None,
                    facts: Vec::new(),
                    time: Time::default(),
                    x: None,
                })
                .collect(),
            roles,
            ..Parts::default()
        })
    }
}

impl Move {
    /// A move to a role, with nothing more said of it.
    pub fn to(to: RoleIx) -> Move {
        Move {
            to,
            condition: None,
            note: None,
            source: None,
            x: None,
        }
    }
}

impl Figure {
    /// An estimated range of years.
    pub fn estimate(min: f64, max: f64) -> Figure {
        Figure {
            min,
            max: Some(max),
            sources: Vec::new(),
            estimate: true,
            note: None,
            x: None,
        }
    }
}
