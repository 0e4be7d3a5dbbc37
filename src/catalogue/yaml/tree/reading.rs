//! Reading YAML text with granit-parser into the tree (`tree.rs`): a reading that can stop at a
//! line and go on, for the two halves of a large file (`halves.rs`), counting what it reads.

use std::sync::atomic::{AtomicBool, Ordering};

use granit_parser::{Event, Parser, Span, StrInput};

use super::{Size, Tree};
use crate::catalogue::Limits;
use crate::catalogue::diagnostic::Problem;
use crate::catalogue::raw::Pos;
use crate::catalogue::yaml::{Node, Value};

/// Where the text read sits in its file: the whole file, or its tail read apart (`halves.rs`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Part {
    /// Lines of the file before the text, added to every position.
    pub lines_before: usize,
    /// Collections of the file the text is inside, counted against `--max-depth`.
    pub depth_outside: usize,
}

impl Part {
    pub const WHOLE: Part = Part {
        lines_before: 0,
        depth_outside: 0,
    };
}

/// What a reading counted, each against its limit.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Tally {
    /// Nodes made so far, those copied for aliases included.
    pub nodes: usize,
    pub aliases: usize,
    pub anchored: usize,
    /// What anchors and aliases copied so far.
    pub copied: Size,
}

/// The parser and the tree its events build, which can stop at a line and go on.
pub(super) struct Reading<'t, 'l> {
    parser: Parser<'t, StrInput<'t>>,
    pub tree: Tree<'l>,
    pub lines_before: usize,
    /// The event read and not yet taken: where [`Reading::read_until`] stopped.
    pub held: Option<(Event<'t>, Span)>,
}

impl<'t, 'l> Reading<'t, 'l> {
    pub fn new(text: &'t str, limits: &'l Limits, part: Part) -> Self {
        let depth = limits
            .max_depth
            .min(crate::catalogue::MAX_DEPTH_CEILING)
            .saturating_sub(part.depth_outside);
        let mut options = granit_parser::Options::default();
        // One past the limit, so that the tree refuses the first level too many with its own
        // message, which names the flag that raises it.
        options.flow_nesting_limit = depth.saturating_add(1);
        options.block_nesting_limit = options
            .block_nesting_limit
            .saturating_sub(part.depth_outside)
            .max(depth.saturating_add(1));
        Reading {
            parser: Parser::new_from_str_with_options(text, options),
            tree: Tree::new(limits, depth),
            lines_before: part.lines_before,
            held: None,
        }
    }

    /// Takes events until the first value that starts on line `line` or later, which is held,
    /// or until the end of the text or `stop` is set.
    pub fn read_until(&mut self, line: usize, stop: &AtomicBool) -> Result<(), Problem> {
        while let Some((event, span)) = self.next()? {
            let starts_value = matches!(
                event,
                Event::Scalar(..)
                    | Event::SequenceStart(..)
                    | Event::MappingStart(..)
                    | Event::Alias(..)
            );
            if (starts_value && span.start.line() + self.lines_before >= line)
                || stop.load(Ordering::Relaxed)
            {
                self.held = Some((event, span));
                return Ok(());
            }
            self.take(event, &span)?;
        }
        Ok(())
    }

    /// Reads to the end of the text: the tree.
    pub fn finish(self) -> Result<Node, Problem> {
        Ok(self.finish_counted()?.0)
    }

    /// [`Reading::finish`], with what was counted.
    pub fn finish_counted(mut self) -> Result<(Node, Tally), Problem> {
        if let Some((event, span)) = self.held.take() {
            self.take(event, &span)?;
        }
        while let Some((event, span)) = self.next()? {
            self.take(event, &span)?;
        }
        Ok((self.take_root(), self.tree.tally))
    }

    /// The tree read, once every collection has ended; an empty document is null.
    pub fn take_root(&mut self) -> Node {
        self.tree.root.take().unwrap_or(Node {
            value: Value::Null,
            pos: Pos::at(1, 1),
        })
    }

    fn next(&mut self) -> Result<Option<(Event<'t>, Span)>, Problem> {
        let Some(next) = self.parser.next_event() else {
            return Ok(None);
        };
        next.map(Some).map_err(|error| {
            let mark = error.marker();
            Problem::new(
                Pos::at(
                    (mark.line() + self.lines_before) as u64,
                    mark.col() as u64 + 1,
                ),
                crate::catalogue::yaml::explain(&error.info()),
            )
        })
    }

    fn take(&mut self, event: Event<'t>, span: &Span) -> Result<(), Problem> {
        let pos = Pos::at(
            (span.start.line() + self.lines_before) as u64,
            span.start.col() as u64 + 1,
        );
        self.tree.take(event, pos)
    }
}
