//! A table's layout worked out before comfy-table draws it: each column's width and each cell's
//! lines, exactly as comfy-table's dynamic arrangement would find them, but in one pass.
//!
//! comfy-table measures every line several times while it arranges a table (the widest line of a
//! column, a trial wrap at the average width, the wrap itself, the padding) and wraps long lines
//! twice, each measure a Unicode width lookup per character. Here each line is measured once, ASCII
//! by its length, and wrapped once when the trial width turns out to be the final one. The table
//! is then handed to comfy-table already wrapped and with fixed widths, so it only draws.
//!
//! The rules are comfy-table's own (version 8: `utils::arrangement::dynamic` and
//! `utils::formatting::content_split`), for the project's tables: a space as the delimiter, one
//! column of padding on each side, and a border on the left, on the right and between columns.
//! Where comfy-table would have to cut a word that is not plain ASCII, by graphemes, [`fit`] gives
//! up and the table is arranged by comfy-table itself. Tests in `table.rs` compare the two.

use unicode_width::UnicodeWidthStr;

/// Padding on the two sides of a cell together (comfy-table's default: one column each).
const PADDING: u16 = 2;

/// A line is closed once it has no more than this many free columns (comfy-table's
/// `MIN_FREE_CHARS`).
const MIN_FREE: usize = 2;

/// A table fitted to a width.
#[derive(Debug)]
pub struct Fitted {
    /// The width of each column's content, without padding.
    pub widths: Vec<u16>,
    /// Every row, the header first if there is one: each cell's lines, joined by `\n`.
    pub rows: Vec<Vec<String>>,
}

/// One line of a cell, and its width in columns.
#[derive(Clone, Copy)]
struct Line<'t> {
    text: &'t str,
    width: usize,
}

/// The width of a line of text in columns (it holds no `\n`), as comfy-table measures it: its
/// Unicode width. ASCII is one column a character; other text is measured word by word, which
/// gives the same sum, since the width of a character never depends on what lies beyond a space.
fn width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    // The words, and a column for each space between them: one fewer than the words, hence the
    // start one below zero. The sum wraps, as unicode-width's does.
    Words::new(text).fold(usize::MAX, |sum, (_, _, width)| {
        sum.wrapping_add(1).wrapping_add(width)
    })
}

/// The words of a line, as `split(' ')` gives them, each with its byte offset in the line and its
/// width: the length of a word in ASCII, the Unicode width of any other.
struct Words<'t> {
    line: &'t str,
    /// Where the next word starts; past the end once the last word is taken.
    at: usize,
}

impl<'t> Words<'t> {
    fn new(line: &'t str) -> Words<'t> {
        Words { line, at: 0 }
    }
}

impl<'t> Iterator for Words<'t> {
    type Item = (usize, &'t str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.at;
        let rest = self.line.as_bytes().get(start..)?;
        let mut ascii = true;
        let mut len = rest.len();
        for (n, &byte) in rest.iter().enumerate() {
            if byte == b' ' {
                len = n;
                break;
            }
            ascii &= byte.is_ascii();
        }
        // Past the space, or past the end when this is the last word.
        self.at = start + len + 1;
        let word = self.line.get(start..start + len)?;
        let width = if ascii { len } else { word.width() };
        Some((start, word, width))
    }
}

/// Printable ASCII only, which comfy-table cuts anywhere, byte by byte.
fn is_plain_ascii(text: &str) -> bool {
    text.bytes().all(|byte| (0x20..0x7f).contains(&byte))
}

/// A column wrapped to a width: for each cell, from the top, its lines if any had to be split. No
/// cells at all when none had to be.
type Wrapped<'t> = Vec<Option<Vec<Line<'t>>>>;

/// The lines of every cell, measured, and where each cell's lines are.
struct Measured<'t> {
    lines: Vec<Line<'t>>,
    /// For each cell, row by row: the range of its lines in `lines`.
    cells: Vec<std::ops::Range<usize>>,
    columns: usize,
}

impl<'t> Measured<'t> {
    fn new(rows: &'t [Vec<String>], columns: usize) -> Measured<'t> {
        let mut lines = Vec::with_capacity(rows.len() * columns);
        let mut cells = Vec::with_capacity(rows.len() * columns);
        for cell in rows.iter().flatten() {
            let first = lines.len();
            lines.extend(cell.split('\n').map(|text| Line {
                text,
                width: width(text),
            }));
            cells.push(first..lines.len());
        }
        Measured {
            lines,
            cells,
            columns,
        }
    }

    /// The lines of each cell of a column, from the top.
    fn column(&self, index: usize) -> impl Iterator<Item = &[Line<'t>]> {
        self.cells
            .iter()
            .skip(index)
            .step_by(self.columns)
            .filter_map(|range| self.lines.get(range.clone()))
    }
}

/// The layout comfy-table's dynamic arrangement gives `rows` (the header, if any, counts as a row)
/// in a table `table_width` columns wide, with the `whole` columns never wrapped. The rows come
/// back untouched when they are ragged or empty, when a word would have to be cut between
/// graphemes, or when a cell would be left without a line.
pub fn fit(
    rows: Vec<Vec<String>>,
    whole: &[usize],
    table_width: u16,
) -> Result<Fitted, Vec<Vec<String>>> {
    let Some(columns) = rows.first().map(Vec::len) else {
        return Err(rows);
    };
    if columns == 0 || rows.iter().any(|row| row.len() != columns) {
        return Err(rows);
    }
    let Some((widths, wrapped)) = arrange(&rows, columns, whole, table_width) else {
        return Err(rows);
    };
    // Cells that were not wrapped keep their text.
    let mut wrapped = wrapped.into_iter();
    let rows = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|text| wrapped.next().flatten().unwrap_or(text))
                .collect()
        })
        .collect();
    Ok(Fitted { widths, rows })
}

/// The width of every column, and the text of every cell that has to be wrapped (row by row).
fn arrange(
    rows: &[Vec<String>],
    columns: usize,
    whole: &[usize],
    table_width: u16,
) -> Option<(Vec<u16>, Vec<Option<String>>)> {
    let measured = Measured::new(rows, columns);
    if measured
        .lines
        .iter()
        .any(|line| line.width > usize::from(u16::MAX))
    {
        return None;
    }
    let widest: Vec<u16> = (0..columns)
        .map(|index| {
            measured
                .column(index)
                .map(|lines| {
                    let widest = lines.iter().map(|line| line.width).max().unwrap_or(0);
                    u16::try_from(widest).unwrap_or(u16::MAX).max(1)
                })
                .max()
                .unwrap_or(0)
        })
        .collect();

    let mut arrangement = Arrangement::new(&widest, whole, table_width);
    arrangement.fit_narrow_columns(&widest);
    // A trial wrap of each wide column at the average width. The last one is kept: the column
    // often ends up exactly that wide.
    let mut trials: Vec<Option<(usize, Wrapped<'_>)>> = vec![None; columns];
    let mut narrowed = arrangement.open > 0;
    while narrowed {
        narrowed = false;
        for (index, trial) in trials.iter_mut().enumerate() {
            if arrangement.is_fixed(index) {
                continue;
            }
            let average = arrangement.average();
            let wrapped = wrap_column(measured.column(index), average, widest.get(index))?;
            let longest = measured
                .column(index)
                .enumerate()
                .flat_map(|(row, lines)| {
                    wrapped.get(row).and_then(Option::as_deref).unwrap_or(lines)
                })
                .map(|line| line.width)
                .max()
                .unwrap_or(0);
            *trial = Some((average, wrapped));
            if average.saturating_sub(longest) >= 3 {
                arrangement.fix(index, u16::try_from(longest).unwrap_or(u16::MAX));
                if arrangement.open == 0 {
                    break;
                }
                narrowed = true;
            }
        }
    }
    let widths = arrangement.share_the_rest();
    if widths
        .iter()
        .any(|width| width.checked_add(PADDING).is_none())
    {
        return None;
    }

    let mut texts: Vec<Option<String>> = vec![None; measured.cells.len()];
    for ((index, &width), trial) in widths.iter().enumerate().zip(trials) {
        let width = usize::from(width);
        let wrapped = match trial {
            Some((average, wrapped)) if average == width => wrapped,
            _ => wrap_column(measured.column(index), width, widest.get(index))?,
        };
        for (text, lines) in texts.iter_mut().skip(index).step_by(columns).zip(wrapped) {
            let Some(lines) = lines else { continue };
            // A cell of nothing but spaces, wider than its column, is left with no line at all,
            // which cell text cannot say. And comfy-table wraps a line again when it is wider
            // than the column, which a line of words never is; should it be, all the same,
            // comfy-table arranges the table itself.
            if lines.is_empty() || lines.iter().any(|line| line.width > width) {
                return None;
            }
            let mut joined =
                String::with_capacity(lines.iter().map(|line| line.text.len() + 1).sum());
            for (n, line) in lines.iter().enumerate() {
                if n > 0 {
                    joined.push('\n');
                }
                joined.push_str(line.text);
            }
            *text = Some(joined);
        }
    }
    Some((widths, texts))
}

/// Every cell of a column wrapped to `width`, as comfy-table does: a line wider than `width` is
/// split at `width` (at least 1). `None` for a cell none of whose lines is split; no list at all
/// when the column's widest line fits.
fn wrap_column<'c, 't: 'c>(
    cells: impl Iterator<Item = &'c [Line<'t>]>,
    width: usize,
    widest: Option<&u16>,
) -> Option<Wrapped<'t>> {
    if widest.is_some_and(|&widest| usize::from(widest) <= width) {
        return Some(Vec::new());
    }
    let limit = width.clamp(1, usize::from(u16::MAX));
    cells
        .map(|lines| {
            if lines.iter().all(|line| line.width <= width) {
                return Some(None);
            }
            let mut wrapped = Vec::with_capacity(lines.len() * 2);
            for &line in lines {
                if line.width > width {
                    split(line.text, limit, &mut wrapped)?;
                } else {
                    wrapped.push(line);
                }
            }
            Some(Some(wrapped))
        })
        .collect()
}

/// Column widths being decided, as in comfy-table's `ArrangementState`.
struct Arrangement {
    /// The content width of each column decided so far (at least 1, as comfy-table stores it).
    fixed: Vec<Option<u16>>,
    /// Columns of the table not yet claimed by a decided column.
    remaining: usize,
    /// Columns not yet decided.
    open: usize,
}

impl Arrangement {
    /// The `whole` columns fixed to their widest line; what is left of the width once borders,
    /// padding and those columns are taken.
    fn new(widest: &[u16], whole: &[usize], table_width: u16) -> Arrangement {
        let fixed: Vec<Option<u16>> = widest
            .iter()
            .enumerate()
            .map(|(index, &width)| whole.contains(&index).then_some(width.max(1)))
            .collect();
        // A border on the left, on the right and between each two columns.
        let borders = fixed.len() + 1;
        let mut remaining = usize::from(table_width).saturating_sub(borders);
        for width in &fixed {
            let taken = match width {
                Some(width) => width.saturating_add(PADDING),
                None => PADDING,
            };
            remaining = remaining.saturating_sub(usize::from(taken));
        }
        let open = fixed.iter().filter(|width| width.is_none()).count();
        Arrangement {
            fixed,
            remaining,
            open,
        }
    }

    fn is_fixed(&self, index: usize) -> bool {
        self.fixed.get(index).is_some_and(Option::is_some)
    }

    /// The width left for each open column.
    fn average(&self) -> usize {
        self.remaining.checked_div(self.open).unwrap_or(0)
    }

    fn fix(&mut self, index: usize, width: u16) {
        if let Some(slot) = self.fixed.get_mut(index) {
            *slot = Some(width.max(1));
            self.remaining = self.remaining.saturating_sub(usize::from(width));
            self.open = self.open.saturating_sub(1);
        }
    }

    /// Fixes every column whose widest line fits in the average width, until none does.
    fn fit_narrow_columns(&mut self, widest: &[u16]) {
        let mut found = true;
        while found && self.open > 0 && self.average() > 0 {
            found = false;
            for (index, &width) in widest.iter().enumerate() {
                if self.is_fixed(index) {
                    continue;
                }
                if usize::from(width) <= self.average() {
                    self.fix(index, width);
                    if self.open == 0 {
                        break;
                    }
                    found = true;
                }
            }
        }
    }

    /// Shares what is left among the open columns, the first ones getting a column more when it
    /// does not divide evenly, and returns every column's width.
    fn share_the_rest(mut self) -> Vec<u16> {
        if self.open > 0 {
            let remaining = self.remaining.max(self.open);
            let share = remaining / self.open;
            let mut extra = remaining - share * self.open;
            for slot in self.fixed.iter_mut().filter(|slot| slot.is_none()) {
                let width = if extra > 0 {
                    extra -= 1;
                    share + 1
                } else {
                    share
                };
                *slot = Some(u16::try_from(width).unwrap_or(u16::MAX).max(1));
            }
        }
        self.fixed
            .into_iter()
            .map(|width| width.unwrap_or(1))
            .collect()
    }
}

/// Splits `line` into lines no wider than `limit` (at least 1), as comfy-table's `split_line` does
/// with a space as the delimiter, and appends them to `lines`. Every line it makes is a slice of
/// `line`: words are taken in order, joined by the space that separated them, and a line never
/// starts with the space that ended the one before.
fn split<'t>(line: &'t str, limit: usize, lines: &mut Vec<Line<'t>>) -> Option<()> {
    // The words still to place; a word put back (whole, or what is left of it once cut) comes
    // first.
    let mut words = Words::new(line);
    let mut put_back: Option<(usize, &str, usize)> = None;
    // The line being filled is `line[start..end]`, empty while `start` is `None`; `filled` is its
    // width: the sum of its words' widths and the spaces between them.
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut filled = 0;
    let close = |start: &mut Option<usize>, end: usize, width: usize, lines: &mut Vec<Line<'t>>| {
        let text = match start.take() {
            Some(start) => line.get(start..end)?,
            None => "",
        };
        lines.push(Line { text, width });
        Some(())
    };
    while let Some((at, word, word_width)) = put_back.take().or_else(|| words.next()) {
        if word_width > usize::from(u16::MAX) {
            return None;
        }
        let open = start.is_some();
        let room = limit
            .saturating_sub(filled)
            .saturating_sub(usize::from(open));
        if word_width + filled + usize::from(open) <= limit {
            // The word fits on this line.
            if open {
                filled += 1;
                end = at + word.len();
            } else if !word.is_empty() {
                start = Some(at);
                end = at + word.len();
            }
            filled += word_width;
            if filled > limit.saturating_sub(MIN_FREE) {
                close(&mut start, end, filled, lines)?;
                filled = 0;
            }
        } else if open && room <= MIN_FREE {
            // Too little room left to cut the word: it starts the next line.
            put_back = Some((at, word, word_width));
            close(&mut start, end, filled, lines)?;
            filled = 0;
        } else if word_width > limit {
            // Wider than the column: as much as fits goes on this line (after the space, if the
            // line has words already), the rest is the next word. Cutting anything but plain ASCII
            // takes graphemes: comfy-table does that itself.
            if !is_plain_ascii(word) {
                return None;
            }
            let cut = word.len().min(room);
            if cut == 0 && !open {
                return None;
            }
            let width = filled + usize::from(open) + cut;
            if start.is_none() {
                start = Some(at);
            }
            close(&mut start, at + cut, width, lines)?;
            filled = 0;
            // Plain ASCII: one column a byte.
            put_back = Some((at + cut, word.get(cut..)?, word_width - cut));
        } else {
            // It fits on a line of its own: the next one.
            close(&mut start, end, filled, lines)?;
            if !word.is_empty() {
                start = Some(at);
                end = at + word.len();
            }
            filled = word_width;
            if filled > limit.saturating_sub(MIN_FREE) {
                close(&mut start, end, filled, lines)?;
                filled = 0;
            }
        }
    }
    if start.is_some() {
        close(&mut start, end, filled, lines)?;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn lines_measure_as_unicode_width_measures_them(
            text in "[a-z •—漢🙂\u{fe0f}\u{200d}\u{301}1\t]{0,30}",
        ) {
            prop_assert_eq!(width(&text), text.width());
            let words: Vec<(usize, &str)> =
                Words::new(&text).map(|(at, word, _)| (at, word)).collect();
            let mut at = 0;
            let split: Vec<(usize, &str)> = text
                .split(' ')
                .map(|word| {
                    let item = (at, word);
                    at += word.len() + 1;
                    item
                })
                .collect();
            prop_assert_eq!(words, split);
        }
    }
}
