//! Text: no terminal control codes anywhere, so that a catalogue cannot take over the terminal.

use super::Validator;
use crate::catalogue::raw::{Pos, RawCatalogue};

impl Validator {
    /// Text is shown in a terminal: control characters (escape sequences that recolour, move the
    /// cursor or retitle the window, a bell, a carriage return that overwrites the line) are
    /// refused wherever they are, so that a catalogue cannot take over the terminal it is shown
    /// in. Line breaks and tabs are text.
    pub(super) fn plain_text(&mut self, raw: &RawCatalogue) {
        let top = Pos::default();
        self.text(top, || "the catalogue's `name`".to_owned(), &raw.name);
        self.text_opt(
            top,
            || "the catalogue's `description`".to_owned(),
            &raw.description,
        );
        for source in &raw.sources {
            let (pos, id) = (source.id.pos, &source.id.value);
            self.text(
                pos,
                || format!("the `title` of source `{id}`"),
                &source.title,
            );
            for (field, value) in [
                ("publisher", &source.publisher),
                ("published", &source.published),
                ("url", &source.url),
            ] {
                self.text_opt(pos, || format!("the `{field}` of source `{id}`"), value);
            }
        }
        for track in &raw.tracks {
            let (pos, id) = (track.id.pos, &track.id.value);
            self.text(pos, || format!("the `name` of track `{id}`"), &track.name);
            self.text_opt(
                pos,
                || format!("the `description` of track `{id}`"),
                &track.description,
            );
        }
        for at in &raw.roles {
            let role = &at.value;
            let id = &role.id.value;
            let of = |field: &str| format!("the `{field}` of role `{id}`");
            self.text(role.title.pos, || of("title"), &role.title.value);
            for alias in &role.aliases {
                self.text(alias.pos, || of("aliases"), &alias.value);
            }
            self.text(role.summary.pos, || of("summary"), &role.summary.value);
            for item in &role.responsibilities.value {
                self.text(item.pos, || of("responsibilities"), &item.value);
            }
            for skill in &role.skills {
                self.text(skill.pos, || of("skills"), &skill.value);
            }
            self.text_opt(
                role.tenure.pos,
                || of("tenure.note"),
                &role.tenure.value.note,
            );
            if let Some(titles) = &role.titles_by_company_size {
                for title in [&titles.startup, &titles.scaleup, &titles.enterprise]
                    .into_iter()
                    .flatten()
                {
                    self.text(title.pos, || of("titles_by_company_size"), &title.value);
                }
            }
        }
    }

    fn text_opt(&mut self, pos: Pos, what: impl FnOnce() -> String, value: &Option<String>) {
        if let Some(value) = value {
            self.text(pos, what, value);
        }
    }

    /// `what` names the field in the message; it is only built when there is a problem, since
    /// this runs on every string of the catalogue.
    fn text(&mut self, pos: Pos, what: impl FnOnce() -> String, value: &str) {
        // Control characters are bytes below 0x20, 0x7F, or (U+0080 to U+009F) 0xC2 and a
        // continuation byte: a byte scan skips the character-by-character check for most text.
        // Chunks without an early exit inside, so that the compiler can vectorise the scan.
        let suspect = value.as_bytes().chunks(64).any(|chunk| {
            chunk.iter().fold(false, |seen, &b| {
                seen | (b < 0x20) | (b == 0x7f) | (b == 0xc2)
            })
        });
        if !suspect {
            return;
        }
        if let Some(c) = value
            .chars()
            .find(|&c| c.is_control() && c != '\n' && c != '\t')
        {
            self.problem(
                pos,
                format!(
                    "{} holds a control character (U+{:04X}); text may hold line breaks and \
                     tabs, but no terminal control codes",
                    what(),
                    u32::from(c)
                ),
            );
        }
    }
}

/// `[a-z0-9]+(-[a-z0-9]+)*`
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The id written in kebab case, as the message that refuses an id suggests it.
pub(super) fn kebab_suggestion(id: &str) -> String {
    let mut out = String::new();
    for c in id.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "my-role".to_owned()
    } else {
        out
    }
}
