//! Converts byte offsets (what the pipeline works in) into the caller's unit: Unicode code
//! points, UTF-8 bytes or UTF-16 code units; and back (`UnitIndex`), for the readers of a
//! finished document (`verify`, `view`).
//!
//! A checkpoint every [`BLOCK`] bytes holds the count of units before it, so a conversion
//! scans at most one block: memory is a small fraction of the text, and building the table
//! is one pass.

use crate::schema::OffsetUnit;

const BLOCK: usize = 64;

/// Byte → unit offset converter for one text.
#[derive(Debug, Clone)]
pub struct OffsetMap<'t> {
    text: &'t str,
    unit: OffsetUnit,
    /// Units before byte `i * BLOCK`; empty when the conversion is the identity.
    checkpoints: Vec<u64>,
}

impl<'t> OffsetMap<'t> {
    /// Prepares conversions for `text`.
    #[must_use]
    pub fn new(text: &'t str, unit: OffsetUnit) -> Self {
        let identity = unit == OffsetUnit::Utf8 || text.is_ascii();
        let mut checkpoints = Vec::new();
        if !identity {
            checkpoints.reserve(text.len() / BLOCK + 1);
            let mut units = 0u64;
            let bytes = text.as_bytes();
            for (bi, chunk) in bytes.chunks(BLOCK).enumerate() {
                checkpoints.push(units);
                let _ = bi;
                units += count_units(chunk, unit);
            }
        }
        Self { text, unit, checkpoints }
    }

    /// The unit offset of byte offset `byte` (which must lie on a `char` boundary).
    #[must_use]
    pub fn convert(&self, byte: usize) -> u64 {
        if self.checkpoints.is_empty() {
            return byte as u64;
        }
        let block = byte / BLOCK;
        let base = block * BLOCK;
        self.checkpoints[block.min(self.checkpoints.len() - 1)]
            + if block < self.checkpoints.len() {
                count_units(&self.text.as_bytes()[base..byte], self.unit)
            } else {
                // byte == text.len() at an exact block boundary.
                let last = (self.checkpoints.len() - 1) * BLOCK;
                count_units(&self.text.as_bytes()[last..byte], self.unit)
            }
    }

    /// The unit in use.
    #[must_use]
    pub fn unit(&self) -> OffsetUnit {
        self.unit
    }
}

/// Counts code points or UTF-16 units in a byte slice that may start or end inside a
/// character: a character is counted at its first byte.
fn count_units(bytes: &[u8], unit: OffsetUnit) -> u64 {
    let mut n = 0u64;
    for &b in bytes {
        let leading = (b & 0xC0) != 0x80;
        if leading {
            n += 1;
            // Four-byte sequences are astral characters: two UTF-16 units.
            if unit == OffsetUnit::Utf16 && b >= 0xF0 {
                n += 1;
            }
        }
    }
    n
}

/// Unit offset → byte offset for one text; `None` for an offset that is out of range or
/// falls inside a character.
pub(crate) struct UnitIndex {
    /// Byte offset of each unit boundary, indexed by unit offset; `usize::MAX` inside a
    /// character (the second half of a UTF-16 surrogate pair).
    bytes: Vec<usize>,
}

impl UnitIndex {
    pub(crate) fn new(text: &str, unit: OffsetUnit) -> Self {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        match unit {
            OffsetUnit::Utf8 => {
                for i in 0..=text.len() {
                    bytes.push(if text.is_char_boundary(i) { i } else { usize::MAX });
                }
                return Self { bytes };
            }
            OffsetUnit::Codepoint => bytes.extend(text.char_indices().map(|(i, _)| i)),
            OffsetUnit::Utf16 => {
                for (i, c) in text.char_indices() {
                    bytes.push(i);
                    if c.len_utf16() == 2 {
                        bytes.push(usize::MAX);
                    }
                }
            }
        }
        bytes.push(text.len());
        Self { bytes }
    }

    pub(crate) fn byte(&self, unit_offset: u64) -> Option<usize> {
        let i = usize::try_from(unit_offset).ok()?;
        self.bytes.get(i).copied().filter(|&b| b != usize::MAX)
    }

    pub(crate) fn len(&self) -> u64 {
        self.bytes.len() as u64 - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_agree_with_the_standard_library() {
        let text = "Crème brûlée 😀 “quoted” and a long tail ".repeat(20);
        for unit in [OffsetUnit::Codepoint, OffsetUnit::Utf8, OffsetUnit::Utf16] {
            let map = OffsetMap::new(&text, unit);
            for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                let expected = match unit {
                    OffsetUnit::Codepoint => text[..byte].chars().count(),
                    OffsetUnit::Utf8 => byte,
                    OffsetUnit::Utf16 => text[..byte].encode_utf16().count(),
                } as u64;
                assert_eq!(map.convert(byte), expected, "{unit:?} at byte {byte}");
            }
        }
    }
}
