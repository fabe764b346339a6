//! Converts byte offsets (what the pipeline works in) into the caller's unit: Unicode code
//! points, UTF-8 bytes or UTF-16 code units.
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
