//! Version 1 catalogues read as version 2: the parsed tree is rewritten field by field before the
//! walk, keeping every value's position, so a version 1 file loads, `check` points into it as it
//! is, and `ladder upgrade` prints it as version 2 (the table in docs/schema.md).

use super::raw::{At, Pos};
use super::yaml::{Entry, Key, Node, Value};

/// Rewrites a version 1 tree as version 2; any other tree is left as it is.
pub fn upgrade(tree: &mut Node) {
    let Value::Map(top) = &mut tree.value else {
        return;
    };
    let is_v1 = top
        .iter()
        .any(|e| key_is(e, "version") && e.value.value == Value::Int(1));
    if !is_v1 {
        return;
    }
    let mut top: Vec<Entry> = std::mem::take(top).into_vec();
    // Levels by number, at the first role that used each; and where skills were first given.
    let mut levels: Vec<(i64, Pos)> = Vec::new();
    let mut skills_at: Option<Pos> = None;
    for entry in &mut top {
        if key_is(entry, "version") {
            entry.value.value = Value::Int(2);
        }
        if key_is(entry, "roles")
            && let Value::List(roles) = &mut entry.value.value
        {
            for role in roles.iter_mut() {
                if let Value::Map(fields) = &mut role.value {
                    let fields = std::mem::take(fields).into_vec();
                    role.value = Value::Map(
                        upgrade_role(fields, &mut levels, &mut skills_at).into_boxed_slice(),
                    );
                }
            }
        }
    }
    levels.sort_by_key(|(n, _)| *n);
    levels.dedup_by_key(|(n, _)| *n);
    let has = |key: &str, top: &[Entry]| top.iter().any(|e| key_is(e, key));
    if !levels.is_empty() && !has("levels", &top) {
        let pos = levels.first().map_or(tree.pos, |(_, pos)| *pos);
        let items = levels
            .iter()
            .map(|&(n, pos)| {
                map(
                    pos,
                    vec![
                        entry("id", text(pos, &level_id(n)), pos),
                        entry("rank", node(pos, Value::Int(n)), pos),
                        entry("name", text(pos, &format!("Level {n}")), pos),
                    ],
                )
            })
            .collect();
        top.push(entry("levels", list(pos, items), pos));
    }
    if let Some(pos) = skills_at
        && !has("competencies", &top)
    {
        let skills = map(
            pos,
            vec![
                entry("id", text(pos, "skills"), pos),
                entry("name", text(pos, "Skills"), pos),
            ],
        );
        top.push(entry("competencies", list(pos, vec![skills]), pos));
    }
    tree.value = Value::Map(top.into_boxed_slice());
}

/// The id a version 1 level number becomes.
pub fn level_id(n: i64) -> String {
    format!("level-{n}")
}

fn upgrade_role(
    fields: Vec<Entry>,
    levels: &mut Vec<(i64, Pos)>,
    skills_at: &mut Option<Pos>,
) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::with_capacity(fields.len());
    let mut moves: Option<(Pos, Vec<Node>)> = None;
    let mut seen: std::collections::HashSet<Box<str>> = std::collections::HashSet::new();
    for mut field in fields {
        let key_pos = field.key.pos;
        match field.key.value.text() {
            Some("level") => {
                if let Value::Int(n) = field.value.value {
                    levels.push((n, field.value.pos));
                    field.value.value = Value::Text(level_id(n).into());
                }
                out.push(field);
            }
            Some("tenure") => {
                if let Value::Map(figure) = &mut field.value.value {
                    for item in figure.iter_mut() {
                        if key_is(item, "source") {
                            item.key.value = Key::Known("sources");
                            let source = std::mem::replace(&mut item.value.value, Value::Null);
                            let pos = item.value.pos;
                            item.value.value = Value::List(vec![node(pos, source)].into());
                        }
                    }
                }
                let pos = field.value.pos;
                let time = map(pos, vec![entry("in_role", field.value, key_pos)]);
                out.push(entry("time", time, key_pos));
            }
            Some("next" | "lateral") => {
                let (_, list) = moves.get_or_insert_with(|| (key_pos, Vec::new()));
                match field.value.value {
                    Value::List(targets) => {
                        // Version 1 took a role named twice once; version 2 refuses a second
                        // move to the same role, so repeats are dropped here (by a set: a role
                        // may list thousands).
                        for to in targets.into_vec() {
                            if let Value::Text(id) = &to.value
                                && !seen.insert(id.clone())
                            {
                                continue;
                            }
                            let pos = to.pos;
                            list.push(map(pos, vec![entry("to", to, pos)]));
                        }
                    }
                    // Not a list: left for the walk to refuse as a list of moves.
                    Value::Null => {}
                    _ => out.push(Entry {
                        key: At {
                            value: Key::Known("moves"),
                            pos: key_pos,
                        },
                        value: field.value,
                    }),
                }
            }
            Some("skills") => match field.value.value {
                Value::List(items) => {
                    let pos = field.value.pos;
                    let texts: Vec<String> = items
                        .iter()
                        .filter_map(|item| match &item.value {
                            Value::Text(t) => Some(t.to_string()),
                            _ => None,
                        })
                        .collect();
                    if !texts.is_empty() {
                        skills_at.get_or_insert(pos);
                        let expectation = map(
                            pos,
                            vec![
                                entry("area", text(pos, "skills"), pos),
                                entry("text", text(pos, &texts.join("; ")), pos),
                            ],
                        );
                        out.push(entry("expectations", list(pos, vec![expectation]), key_pos));
                    }
                }
                _ => out.push(field),
            },
            _ => out.push(field),
        }
    }
    if let Some((pos, list_of_moves)) = moves
        && !list_of_moves.is_empty()
    {
        out.push(entry("moves", list(pos, list_of_moves), pos));
    }
    out
}

fn key_is(entry: &Entry, key: &str) -> bool {
    entry.key.value.text() == Some(key)
}

fn entry(key: &'static str, value: Node, pos: Pos) -> Entry {
    Entry {
        key: At {
            value: Key::Known(key),
            pos,
        },
        value,
    }
}

fn node(pos: Pos, value: Value) -> Node {
    Node { value, pos }
}

fn text(pos: Pos, text: &str) -> Node {
    node(pos, Value::Text(text.into()))
}

fn list(pos: Pos, items: Vec<Node>) -> Node {
    node(pos, Value::List(items.into_boxed_slice()))
}

fn map(pos: Pos, entries: Vec<Entry>) -> Node {
    node(pos, Value::Map(entries.into_boxed_slice()))
}
