//! A whole catalogue as commented YAML, the form `export` and `upgrade` write: a header on how to
//! use the file, and before each top-level list its description in the schema.

use std::io::Write;

use crate::catalogue::raw::RawCatalogue;
use crate::catalogue::{schema, yaml};

/// The comment that opens an exported catalogue: what the file is and how to use it.
const HEADER: &str = "\
# A catalogue for `ladder`, in the form `ladder export` writes: edit it into your own ladder.
#
#   ladder check FILE                  every problem, with file:line:column; exit 0 when valid
#   ladder --catalogue FILE list       ask it anything the built-in ladder answers
#   export LADDER_CATALOGUE=FILE       make it the catalogue in use for every command
#
# Every field is explained in docs/schema.md, and docs/own-ladder.md walks through writing one.
# In short: `sources` are publications that figures, moves and roles cite; `tracks` are the
# tracks roles sit on (individual contributor, management); `levels` are the rungs, ordered by
# `rank` and shared by every track; `competencies` are the areas roles grow in, each with an
# optional proficiency `scale`; `roles` each have a kebab-case `id`, a `title`, a `track` and a
# `level`, a `summary`, `expectations` by competency (`includes` takes another role's),
# `reports_to` (role ids), `time` (years `in_role` before the next move and total `experience`,
# each citing `sources` or marked `estimate: true`; left out where unknown) and `moves` (to any
# role, with an optional `condition`). Keys starting with `x-` are yours: they are kept as written.
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
pub fn render(out: &mut dyn Write, raw: &RawCatalogue) -> anyhow::Result<()> {
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
    out.write_all(text.as_bytes())?;
    Ok(())
}
