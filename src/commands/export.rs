//! `ladder export`: the catalogue in use, back in the form of the file (`render/catalogue_yaml.rs`
//! writes it as commented YAML), to serve as the template for one's own. What it prints loads back
//! to the same catalogue.

use crate::catalogue::raw::{
    At, Pos, RawCatalogue, RawCompetency, RawExpectation, RawFigure, RawLevel, RawMove, RawRole,
    RawSource, RawTime, RawTitles, RawTrack,
};
use crate::catalogue::validate::VERSION;
use crate::model::{Catalogue, Figure, RoleIx, SourceIx, Time, TitlesBySize};

/// The model back in the form of the file: ids for indexes, version 2 always.
pub fn to_raw(catalogue: &Catalogue) -> RawCatalogue {
    let role_id = |ix: RoleIx| at(catalogue.role(ix).id.clone());
    let source_id = |ix: SourceIx| at(catalogue.source(ix).id.clone());
    let figure = |f: &Figure| {
        at(RawFigure {
            min: at(f.min),
            max: f.max.map(at),
            sources: f.sources.iter().map(|&s| source_id(s)).collect(),
            estimate: f.estimate,
            note: f.note.clone(),
            x: f.x.clone(),
        })
    };
    let time = |t: &Time| {
        (t.in_role.is_some() || t.experience.is_some() || t.x.is_some()).then(|| {
            at(RawTime {
                in_role: t.in_role.as_ref().map(figure),
                experience: t.experience.as_ref().map(figure),
                x: t.x.clone(),
            })
        })
    };
    let roles = catalogue
        .roles
        .iter()
        .map(|role| {
            let titles = &role.titles_by_company_size;
            let titles = (*titles != TitlesBySize::default()).then(|| RawTitles {
                startup: titles.startup.clone().map(at),
                scaleup: titles.scaleup.clone().map(at),
                enterprise: titles.enterprise.clone().map(at),
                x: titles.x.clone(),
            });
            at(RawRole {
                id: at(role.id.clone()),
                title: at(role.title.clone()),
                aliases: role.aliases.iter().cloned().map(at).collect(),
                track: at(catalogue.track_of(role).id.clone()),
                level: at(catalogue.level_of(role).id.clone()),
                entry: role.entry,
                summary: at(role.summary.clone()),
                responsibilities: role.responsibilities.iter().cloned().map(at).collect(),
                includes: role.includes.map(role_id),
                expectations: role
                    .expectations
                    .iter()
                    .map(|e| {
                        let area = catalogue.competency(e.area);
                        at(RawExpectation {
                            area: at(area.id.clone()),
                            proficiency: e
                                .proficiency
                                .and_then(|p| area.scale.get(p))
                                .cloned()
                                .map(at),
                            text: e.text.clone().map(at),
                            x: e.x.clone(),
                        })
                    })
                    .collect(),
                reports_to: role.reports_to.iter().map(|&r| role_id(r)).collect(),
                time: time(&role.time),
                moves: role
                    .moves
                    .iter()
                    .map(|m| {
                        at(RawMove {
                            to: role_id(m.to),
                            condition: m.condition.clone(),
                            note: m.note.clone(),
                            source: m.source.map(source_id),
                            x: m.x.clone(),
                        })
                    })
                    .collect(),
                titles_by_company_size: titles,
                sources: role.sources.iter().map(|&ix| source_id(ix)).collect(),
                x: role.x.clone(),
            })
        })
        .collect();
    RawCatalogue {
        version: at(VERSION),
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
                x: s.x.clone(),
            })
            .collect(),
        tracks: catalogue
            .tracks
            .iter()
            .map(|t| RawTrack {
                id: at(t.id.clone()),
                name: t.name.clone(),
                description: t.description.clone(),
                manages: t.manages,
                x: t.x.clone(),
            })
            .collect(),
        levels: catalogue
            .levels
            .iter()
            .map(|l| RawLevel {
                id: at(l.id.clone()),
                rank: at(l.rank),
                code: l.code.clone().map(at),
                name: l.name.clone().map(at),
                description: l.description.clone(),
                facts: l.facts.iter().cloned().map(at).collect(),
                time: time(&l.time),
                x: l.x.clone(),
            })
            .collect(),
        competencies: catalogue
            .competencies
            .iter()
            .map(|c| RawCompetency {
                id: at(c.id.clone()),
                name: c.name.clone(),
                description: c.description.clone(),
                scale: c.scale.iter().cloned().map(at).collect(),
                x: c.x.clone(),
            })
            .collect(),
        roles,
        x: catalogue.x.clone(),
    }
}

/// A value made in code: no position.
fn at<T>(value: T) -> At<T> {
    At {
        value,
        pos: Pos::default(),
    }
}
