//! Loading a catalogue: the built-in ladder or a user's file, through the YAML boundary and
//! validation, into the plain model.

pub mod diagnostic;
pub mod json;
pub mod raw;
pub mod schema;
pub mod upgrade;
pub mod validate;
pub mod walk;
pub mod yaml;

use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::model::Catalogue;
pub use diagnostic::{InvalidCatalogue, Problem};
use raw::Pos;

/// The built-in product-management ladder, embedded in the binary and loaded like any JSON file:
/// `build.rs` translates the syntax of `data/ladder.yaml` to JSON, which starts faster (parsing
/// the YAML took 8.9M of the 11.3M instructions of `ladder show cpo`).
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/ladder.json"));
/// How the built-in catalogue is named in messages.
pub const BUILTIN_NAME: &str = "<built-in>";

/// Where the catalogue comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    File(PathBuf),
}

impl Origin {
    /// The name used in messages: the path as given, or `<built-in>`.
    pub fn display_name(&self) -> String {
        match self {
            Origin::Builtin => BUILTIN_NAME.to_owned(),
            Origin::File(path) => path.display().to_string(),
        }
    }
}

/// Resource limits that keep a hostile or broken file from exhausting the machine. The defaults
/// admit a 100,000-role catalogue with room to spare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes; checked from the file's metadata before reading.
    pub max_file_bytes: u64,
    /// Deepest nesting of collections (YAML or JSON).
    pub max_depth: usize,
    /// Most values (scalars, lists, mappings), YAML or JSON.
    pub max_nodes: usize,
    /// Most alias references (`*name`); also bounds anchors.
    pub max_aliases: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 20_000_000,
            max_aliases: 10_000,
        }
    }
}

/// Why a catalogue could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file was read, but is not a valid catalogue.
    #[error(transparent)]
    Invalid(#[from] InvalidCatalogue),
    /// The file could not be read at all.
    #[error("cannot read catalogue `{path}`: {reason}")]
    Unreadable { path: String, reason: String },
}

/// Loads and validates the catalogue from `origin`: the file is read once and parsed once, with
/// positions (YAML by `yaml.rs`, JSON by `json.rs`, into one tree); one walk checks its structure against the schema and
/// yields its values; one validation pass builds the model.
pub fn load(origin: &Origin, limits: &Limits) -> Result<Catalogue, LoadError> {
    Ok(check(origin, limits)?.catalogue)
}

/// [`load`], with the warnings about the ladder's shape that `ladder check` shows.
pub fn check(origin: &Origin, limits: &Limits) -> Result<Checked, LoadError> {
    match origin {
        Origin::Builtin => Ok(load_text_as(BUILTIN_NAME, BUILTIN_JSON, limits, true)?),
        Origin::File(path) => {
            let name = origin.display_name();
            let text = read_text(path, limits)?;
            Ok(load_text_as(&name, &text, limits, is_json(path))?)
        }
    }
}

/// A valid catalogue, and the warnings about its shape, with the text they point into.
pub struct Checked {
    pub catalogue: Catalogue,
    /// Empty of problems when there is nothing to warn about.
    pub warnings: InvalidCatalogue,
}

/// Whether a catalogue file is read as JSON: its name ends in `.json`, in any case.
pub fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
}

/// Parses and validates catalogue text; `name` is how the text is named in messages.
pub fn load_text(name: &str, text: &str, limits: &Limits) -> Result<Catalogue, InvalidCatalogue> {
    Ok(load_text_as(name, text, limits, false)?.catalogue)
}

/// Parses and validates JSON catalogue text: the same tree, schema and messages as YAML, but for
/// syntax errors, which say the text is not valid JSON.
pub fn load_json_text(
    name: &str,
    text: &str,
    limits: &Limits,
) -> Result<Catalogue, InvalidCatalogue> {
    Ok(load_text_as(name, text, limits, true)?.catalogue)
}

fn load_text_as(
    name: &str,
    text: &str,
    limits: &Limits,
    json: bool,
) -> Result<Checked, InvalidCatalogue> {
    let body = without_bom(name, text)?;
    let invalid = |problems| InvalidCatalogue::new(name, body, problems);
    let tree = if json {
        on_deep_stack(limits, || {
            json::parse(body, limits).map_err(|problem| vec![problem])
        })
    } else {
        yaml::parse(body, limits).map_err(|problem| vec![problem])
    }
    .map_err(invalid)?;
    let walked = walk::walk(tree);
    let Some(raw) = walked.raw else {
        return Err(invalid(walked.problems));
    };
    match validate::validate(raw) {
        Ok(valid) if walked.problems.is_empty() => Ok(Checked {
            catalogue: valid.catalogue,
            warnings: invalid(valid.warnings),
        }),
        Ok(_) => Err(invalid(walked.problems)),
        Err(mut problems) => {
            problems.extend(walked.problems);
            Err(invalid(problems))
        }
    }
}

/// The text without a leading byte-order mark, or the problem that it is empty.
fn without_bom<'t>(name: &str, text: &'t str) -> Result<&'t str, InvalidCatalogue> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InvalidCatalogue::new(
            name,
            text,
            vec![Problem::new(
                Pos::default(),
                "the catalogue is empty; `ladder export` prints one to start from",
            )],
        ));
    }
    Ok(text)
}

/// Stack reserved for parsing, beyond what each level of nesting may take.
const STACK_BASE: usize = 16 * 1024 * 1024;
/// Stack each level of nesting may take while parsing (several times what it takes).
const STACK_PER_LEVEL: usize = 64 * 1024;
/// The deepest nesting `--max-depth` accepts; a catalogue needs 4 levels.
pub const MAX_DEPTH_CEILING: usize = 1_000;

/// The nesting any thread's stack takes (the default `--max-depth` is 64).
const MAIN_STACK_DEPTH: usize = 128;

/// Runs a JSON parse, which recurses once per level of nesting, on a thread whose stack fits
/// `limits.max_depth` levels, so that a raised `--max-depth` gives a clear error rather than a
/// stack overflow. The stack is only reserved: pages are used as the parse goes deeper. (The YAML
/// tree is built without recursion.)
///
/// Under [`MAIN_STACK_DEPTH`] the parse runs on this thread: the allocator keeps a heap per thread,
/// and a tree built on another thread then freed by the walk on this one left its memory unused
/// here, so loading 100,000 roles of YAML took about a second more (docs/performance.md).
fn on_deep_stack<T: Send>(
    limits: &Limits,
    parse: impl FnOnce() -> Result<T, Vec<Problem>> + Send,
) -> Result<T, Vec<Problem>> {
    let depth = limits.max_depth.min(MAX_DEPTH_CEILING);
    if depth <= MAIN_STACK_DEPTH {
        return parse();
    }
    let stack = STACK_BASE.saturating_add(depth.saturating_mul(STACK_PER_LEVEL));
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("catalogue-parser".to_owned())
            .stack_size(stack)
            .spawn_scoped(scope, parse);
        match spawned {
            Ok(parser) => parser
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(error) => Err(vec![Problem::new(
                Pos::default(),
                format!(
                    "cannot reserve {stack} bytes of stack for --max-depth {}: {error}; lower --max-depth",
                    limits.max_depth
                ),
            )]),
        }
    })
}

/// Reads a file as UTF-8 text, refusing what is too large (from its metadata, before reading),
/// not a regular file, or not UTF-8.
fn read_text(path: &Path, limits: &Limits) -> Result<String, LoadError> {
    let shown = path.display().to_string();
    let unreadable = |reason: String| LoadError::Unreadable {
        path: shown.clone(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(unreadable(
            "it is a directory; give the path of a .yaml file".to_owned(),
        ));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(unreadable(format!(
            "it is {} bytes, over the limit of {} bytes; raise it with --max-file-size if the file is trusted",
            meta.len(),
            limits.max_file_bytes
        )));
    }
    if is_device(&meta) {
        return Err(unreadable(
            "it is a device, not a file; give the path of a .yaml file".to_owned(),
        ));
    }
    // A pipe (`--catalogue <(generate)`) has no size to check beforehand, so the read itself
    // stops one byte past the limit. For a regular file the buffer is sized from its metadata
    // up front: growing it by doubling would copy a large file several times over.
    let expected = usize::try_from(meta.len()).unwrap_or(0).saturating_add(1);
    let mut bytes = Vec::with_capacity(expected);
    std::fs::File::open(path)
        .and_then(|file| {
            file.take(limits.max_file_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
        })
        .map_err(|e| unreadable(io_reason(&e)))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(unreadable(format!(
            "it is over the limit of {} bytes; raise it with --max-file-size if the file is trusted",
            limits.max_file_bytes
        )));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let bytes = error.as_bytes();
            let valid = error.utf8_error().valid_up_to();
            let before = bytes.get(..valid).unwrap_or(&[]);
            let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or(&[]))
                .chars()
                .count() as u64
                + 1;
            let lossy = String::from_utf8_lossy(bytes);
            Err(InvalidCatalogue::new(
                &shown,
                &lossy,
                vec![Problem::new(
                    Pos::at(line, column),
                    "the file is not UTF-8 text; save it as UTF-8",
                )],
            )
            .into())
        }
    }
}

/// A character or block device (`/dev/zero`, a terminal): reading one may never end.
#[cfg(unix)]
fn is_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    let kind = meta.file_type();
    kind.is_char_device() || kind.is_block_device()
}

#[cfg(not(unix))]
fn is_device(_meta: &std::fs::Metadata) -> bool {
    false
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file; check the path".to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; check the file's read permission".to_owned()
        }
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_pipe_longer_than_the_size_limit_is_refused_once_past_the_limit() {
        let dir = std::env::temp_dir();
        let fifo = dir.join(format!("catalogue-pipe-{}", std::process::id()));
        let _ = std::fs::remove_file(&fifo);
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        // The writer would write 1 MiB; the reader must stop after the limit's 1,000 bytes.
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                use std::io::Write as _;
                let mut pipe = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&fifo)
                    .expect("the pipe opens");
                let chunk = vec![b'#'; 1024];
                let mut written = 0;
                for _ in 0..1024 {
                    if pipe.write_all(&chunk).is_err() {
                        break;
                    }
                    written += chunk.len();
                }
                written
            })
        };
        let limits = Limits {
            max_file_bytes: 1_000,
            ..Limits::default()
        };
        let result = read_text(&fifo, &limits);
        let written = writer.join().expect("the writer ends");
        let _ = std::fs::remove_file(&fifo);
        match result {
            Err(LoadError::Unreadable { reason, .. }) => {
                assert!(reason.contains("over the limit of 1000 bytes"), "{reason}")
            }
            other => panic!("expected the limit to be reported, got {other:?}"),
        }
        assert!(written < 1024 * 1024, "the whole pipe was read");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_before_reading() {
        match read_text(Path::new("/dev/zero"), &Limits::default()) {
            Err(LoadError::Unreadable { reason, .. }) => {
                assert_eq!(
                    reason,
                    "it is a device, not a file; give the path of a .yaml file"
                )
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
