//! Byte spans into the source text and their line/column positions.

use std::fmt;

/// A half-open byte range `start..end` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end.max(start) as u32 }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// An empty span at the end of this one.
    pub fn end_point(self) -> Span {
        Span { start: self.end, end: self.end }
    }

    /// The length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or "" when it is out of range.
    pub fn text(self, source: &str) -> &str {
        source.get(self.start as usize..self.end as usize).unwrap_or("")
    }
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column number in characters, starting at 1.
    pub col: u32,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Maps byte offsets to lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    /// The number of characters before each block of `BLOCK` bytes (before the character that
    /// holds the block's first byte when it falls inside one), so that a column is counted
    /// from a nearby block start rather than from the start of a possibly huge line.
    chars_before_block: Vec<u32>,
    source: String,
}

/// Bytes per entry of `LineIndex::chars_before_block`.
const BLOCK: usize = 256;

impl LineIndex {
    /// Builds the index of `source`.
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let mut chars_before_block = Vec::with_capacity(source.len() / BLOCK + 1);
        let mut n_chars = 0u32;
        for (i, b) in source.bytes().enumerate() {
            if i.is_multiple_of(BLOCK) {
                chars_before_block.push(n_chars);
            }
            // Every byte but a UTF-8 continuation byte starts a character.
            if b & 0xC0 != 0x80 {
                n_chars += 1;
            }
        }
        // The end of the text is a valid offset too; it needs a block when it starts one.
        if source.len().is_multiple_of(BLOCK) {
            chars_before_block.push(n_chars);
        }
        LineIndex { line_starts, chars_before_block, source: source.to_string() }
    }

    /// The number of characters before a byte offset that is a character boundary.
    fn chars_before(&self, offset: usize) -> u32 {
        let block = offset / BLOCK;
        let before = self.chars_before_block[block];
        let mut start = block * BLOCK;
        while !self.source.is_char_boundary(start) {
            start -= 1;
        }
        let counted_from = if start < block * BLOCK { before - 1 } else { before };
        counted_from + self.source[start..offset].chars().count() as u32
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = offset.min(self.source.len() as u32);
        let line = self.line(offset);
        let start = self.line_starts[line as usize - 1] as usize;
        let mut end = offset as usize;
        while !self.source.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.chars_before(end) - self.chars_before(start) + 1;
        LineCol { line, col }
    }

    /// The 1-based line number of a byte offset (clamped to the text).
    pub fn line(&self, offset: u32) -> u32 {
        let offset = offset.min(self.source.len() as u32);
        self.line_starts.partition_point(|&start| start <= offset) as u32
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line.max(1) - 1) as usize;
        let Some(&start) = self.line_starts.get(i) else { return "" };
        let end = self.line_starts.get(i + 1).map(|&e| e as usize).unwrap_or(self.source.len());
        self.source[start as usize..end].trim_end_matches(['\n', '\r'])
    }

    /// The number of lines.
    pub fn n_lines(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: u32) -> u32 {
        let i = (line.max(1) - 1) as usize;
        self.line_starts.get(i).copied().unwrap_or(self.source.len() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_across_blocks() {
        // Long lines with multi-byte characters straddling block boundaries.
        let mut source = String::new();
        for i in 0..2000 {
            source.push(if i % 7 == 0 { 'é' } else if i % 11 == 0 { '€' } else { 'a' });
            if i % 500 == 499 {
                source.push('\n');
            }
        }
        let index = LineIndex::new(&source);
        for offset in source.char_indices().map(|(i, _)| i).chain([source.len()]) {
            let line_start = source[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
            let expected = source[line_start..offset].chars().count() as u32 + 1;
            assert_eq!(index.line_col(offset as u32).col, expected, "offset {offset}");
        }
        // A text that ends exactly at a block boundary.
        let exact = "ab".repeat(BLOCK / 2);
        assert_eq!(LineIndex::new(&exact).line_col(exact.len() as u32), LineCol { line: 1, col: BLOCK as u32 + 1 });
        assert_eq!(LineIndex::new("").line_col(0), LineCol { line: 1, col: 1 });
    }
}
