//! `ladder export`: the catalogue in use written back out as commented YAML (or JSON), to serve as
//! the template for one's own. What it prints loads back to the same catalogue.

use crate::catalogue::raw::{
    At, Pos, RawCatalogue, RawRole, RawSource, RawTenure, RawTitles, RawTrack,
};
use crate::catalogue::{schema, yaml};
use crate::model::{Catalogue, RoleIx, TenureBasis};

/// The comment that opens an exported catalogue: what the file is and how to use it.
const HEADER: &str = "\
# A catalogue for `ladder`, written by `ladder export`: edit it into your own ladder.
#
#   ladder check FILE                  every problem, with file:line:column; exit 0 when valid
#   ladder --catalogue FILE list       ask it anything the built-in ladder answers
#   export LADDER_CATALOGUE=FILE       make it the catalogue in use for every command
#
# Every field is explained in docs/own-ladder.md. In short: `sources` are publications that roles
# and tenure figures cite; `tracks` are the tracks roles sit on (e.g. individual contributor,
# management); `roles` are the roles, each with a kebab-case `id`, a `title` (plus optional
# `aliases`), its `track` and `level` (1-100, higher is more senior), `summary`,
# `responsibilities`, `reports_to` (role ids), `tenure` (typical years in the role, 0 <= min <=
# max <= 50, citing a `source` or marked `estimate: true`), `next` (promotions, to a higher
# level) and `lateral` (moves to another track at the same level).
";

/// The comment put before a top-level list: its one-line description in the schema.
fn section_comment(line: &str) -> Option<String> {
    let key = line.strip_suffix(':')?;
    let field = schema::CATALOGUE.field(key)?;
    let schema::Kind::List(_) = field.kind else {
        return None;
    };
    let mut doc = field.doc.chars();
    let first = doc.next()?;
    Some(format!("# {}{}.", first.to_uppercase(), doc.as_str()))
}

/// The catalogue as commented YAML.
pub fn to_yaml(raw: &RawCatalogue) -> anyhow::Result<String> {
    let body = yaml::to_string(raw)?;
    let mut text = String::with_capacity(body.len() + 2048);
    text.push_str(HEADER);
    text.push('\n');
    for line in body.lines() {
        if let Some(comment) = section_comment(line) {
            text.push('\n');
            text.push_str(&comment);
            text.push('\n');
        }
        text.push_str(line);
        text.push('\n');
    }
    Ok(text)
}

/// The model back in the form of the file: ids for indexes, `estimate: true` for an estimate.
pub fn to_raw(catalogue: &Catalogue) -> RawCatalogue {
    let role_ids = |ixs: &[RoleIx]| -> Vec<At<String>> {
        ixs.iter()
            .map(|&ix| at(catalogue.role(ix).id.clone()))
            .collect()
    };
    let source_id = |ix: usize| at(catalogue.source(ix).id.clone());
    let roles = catalogue
        .roles
        .iter()
        .map(|role| {
            let titles = &role.titles_by_company_size;
            let titles = (titles.startup.is_some()
                || titles.scaleup.is_some()
                || titles.enterprise.is_some())
            .then(|| RawTitles {
                startup: titles.startup.clone().map(at),
                scaleup: titles.scaleup.clone().map(at),
                enterprise: titles.enterprise.clone().map(at),
            });
            let (source, estimate) = match role.tenure.basis {
                TenureBasis::Source(ix) => (Some(source_id(ix)), false),
                TenureBasis::Estimate => (None, true),
            };
            at(RawRole {
                id: at(role.id.clone()),
                title: at(role.title.clone()),
                aliases: role.aliases.iter().cloned().map(at).collect(),
                track: at(catalogue.track_of(role).id.clone()),
                level: at(i64::from(role.level)),
                entry: role.entry,
                summary: at(role.summary.clone()),
                responsibilities: at(role.responsibilities.iter().cloned().map(at).collect()),
                skills: role.skills.iter().cloned().map(at).collect(),
                reports_to: role_ids(&role.reports_to),
                tenure: at(RawTenure {
                    min: at(role.tenure.min),
                    max: at(role.tenure.max),
                    source,
                    estimate,
                    note: role.tenure.note.clone(),
                }),
                next: role_ids(&role.next),
                lateral: role_ids(&role.lateral),
                titles_by_company_size: titles,
                sources: role.sources.iter().map(|&ix| source_id(ix)).collect(),
            })
        })
        .collect();
    RawCatalogue {
        version: at(i64::from(catalogue.version)),
        name: catalogue.name.clone(),
        description: catalogue.description.clone(),
        sources: catalogue
            .sources
            .iter()
            .map(|s| RawSource {
                id: at(s.id.clone()),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                published: s.published.clone(),
                url: s.url.clone(),
            })
            .collect(),
        tracks: catalogue
            .tracks
            .iter()
            .map(|t| RawTrack {
                id: at(t.id.clone()),
                name: t.name.clone(),
                description: t.description.clone(),
            })
            .collect(),
        roles,
    }
}

/// A value made in code: no position.
fn at<T>(value: T) -> At<T> {
    At {
        value,
        pos: Pos::default(),
    }
}
