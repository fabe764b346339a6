//! The tagger's weights: reads `tagger.bin` (or a trained model's bytes); adds the weight
//! table a feature hash is looked up in, and writes the binary format training produces.

use super::NT;
use std::sync::LazyLock;

/// Bits of the weight table's index: features are hashed into `2^BITS` buckets (the hashing
/// trick; training sees the same collisions, so it learns around them).
pub const BITS: u32 = 18;

/// Trained weights: one row of `i16` weights per hash bucket. A look-up is one load with no
/// branch, so the loads of a token's features overlap instead of waiting on each other.
pub struct Model {
    pub(in crate::entities) table: Vec<[i16; NT]>,
    pub(in crate::entities) scale: f32,
    nonzero: usize,
}

const MAGIC: &[u8; 8] = b"SAYSOT02";

/// The bucket of a feature.
pub(in crate::entities) fn bucket(f: u32) -> usize {
    (f >> (32 - BITS)) as usize
}

impl Model {
    fn with_entries(entries: &[(u32, [i16; NT])], scale: f32) -> Self {
        let mut table = vec![[0i16; NT]; 1 << BITS];
        let mut nonzero = 0;
        for (k, w) in entries {
            if let Some(row) = table.get_mut(*k as usize) {
                *row = *w;
                nonzero += 1;
            }
        }
        Model { table, scale, nonzero }
    }

    pub(in crate::entities) fn from_float(entries: &[(u32, [f32; NT])]) -> Self {
        let (q, scale) = quantise(entries);
        Self::with_entries(&q, scale)
    }

    /// Reads the binary format [`Model::to_bytes`] writes; `None` when it is not one.
    #[must_use]
    pub fn from_bytes(b: &[u8]) -> Option<Self> {
        let rest = b.strip_prefix(MAGIC.as_slice())?;
        let n = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let scale = f32::from_le_bytes(rest.get(4..8)?.try_into().ok()?);
        let body = rest.get(8..)?;
        let rec = 4 + 2 * NT;
        if body.len() != n * rec {
            return None;
        }
        let entries: Vec<(u32, [i16; NT])> = body
            .chunks_exact(rec)
            .map(|c| {
                let key = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                let mut w = [0i16; NT];
                for (t, x) in w.iter_mut().enumerate() {
                    *x = i16::from_le_bytes([c[4 + 2 * t], c[5 + 2 * t]]);
                }
                (key, w)
            })
            .collect();
        Some(Self::with_entries(&entries, scale))
    }

    /// Number of buckets with weights.
    #[must_use]
    pub fn len(&self) -> usize {
        self.nonzero
    }

    /// True when the model has no weights.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nonzero == 0
    }
}

/// The embedded model, trained by `just train-entities`.
pub(super) static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../tagger.bin")).unwrap_or_else(|| Model::with_entries(&[], 1.0))
});

/// Weights as `i16` with one scale for all.
fn quantise(entries: &[(u32, [f32; NT])]) -> (Vec<(u32, [i16; NT])>, f32) {
    let max = entries.iter().flat_map(|(_, w)| w.iter()).fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
    let q = entries
        .iter()
        .map(|(k, w)| {
            let mut out = [0i16; NT];
            for (o, x) in out.iter_mut().zip(w) {
                *o = (x / scale).round() as i16;
            }
            (*k, out)
        })
        .collect();
    (q, scale)
}

pub(in crate::entities) fn to_bytes(entries: &[(u32, [f32; NT])]) -> Vec<u8> {
    let (q, scale) = quantise(entries);
    let mut out = Vec::with_capacity(16 + q.len() * (4 + 2 * NT));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(q.len() as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for (k, w) in &q {
        out.extend_from_slice(&k.to_le_bytes());
        for x in w {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    out
}
