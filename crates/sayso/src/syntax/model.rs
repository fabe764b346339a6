//! The syntax model: tag set, tag dictionary, lemmatiser and the three weight tables, and
//! their file (`syntax.bin`, written by `just train-syntax`). The file starts with a text
//! header (what it is, what it was trained on, the data's licences and attribution), so
//! `head -c 1500 syntax.bin` tells a reader where the weights come from.

use super::Upos;
use super::lemma::{Lemmas, Script};
use super::parser::{NL, NM};
use super::split::NS;
use super::tagger::NT;
use crate::learn::Table;
use std::sync::LazyLock;

/// Version 2: the move and relation weights are quantised to [`super::parser::QUANT`] and
/// summed in `i16`; a version-1 file's weights would saturate those sums.
const MAGIC: &[u8] = b"SAYSO-SYNTAX-2\n";

/// A map from non-zero `u32` keys (hashes) to `u16` values: open addressing with linear
/// probing in a power-of-two table, so a look-up is a multiply, a load and usually one
/// compare.
#[derive(Default)]
pub(crate) struct U32Map {
    slots: Vec<(u32, u16)>,
    len: usize,
}

impl U32Map {
    pub(crate) fn from_entries(entries: &[(u32, u16)]) -> Self {
        let cap = (entries.len() * 2).next_power_of_two().max(8);
        let mut m = U32Map { slots: vec![(0, 0); cap], len: 0 };
        for &(k, v) in entries {
            m.insert(k.max(1), v);
        }
        m
    }

    fn slot(&self, k: u32) -> usize {
        (k.wrapping_mul(0x9E37_79B9) as usize) & (self.slots.len() - 1)
    }

    fn insert(&mut self, k: u32, v: u16) {
        let mut i = self.slot(k);
        loop {
            let s = &mut self.slots[i];
            if s.0 == 0 || s.0 == k {
                if s.0 == 0 {
                    self.len += 1;
                }
                *s = (k, v);
                return;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    pub(crate) fn get(&self, k: u32) -> Option<u16> {
        if self.slots.is_empty() {
            return None;
        }
        let mut i = self.slot(k);
        // The table is at most half full, so an empty slot ends every probe.
        loop {
            let (key, v) = self.slots[i];
            if key == k {
                return Some(v);
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    /// The entries in key order.
    pub(crate) fn entries(&self) -> Vec<(u32, u16)> {
        let mut e: Vec<(u32, u16)> = self.slots.iter().copied().filter(|s| s.0 != 0).collect();
        e.sort_unstable();
        e
    }

    fn write(&self, out: &mut Vec<u8>) {
        let e = self.entries();
        out.extend_from_slice(&(e.len() as u32).to_le_bytes());
        for (k, v) in e {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    fn read(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.u32()? as usize;
        let mut e = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            e.push((r.u32()?, r.u16()?));
        }
        Some(U32Map::from_entries(&e))
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// The learned syntax model.
pub struct Model {
    /// The text header: what the model is, its training data and their licences.
    pub(crate) header: String,
    /// The tag set: each tag's UPOS and Penn tag.
    pub(crate) tags: Vec<(Upos, String)>,
    /// Lowercase-form hash → most frequent tag, and whether it is (almost) the only one.
    pub(crate) dict: U32Map,
    pub(crate) lemmas: Lemmas,
    pub(crate) tagger: Table<NT>,
    pub(crate) moves: Table<NM>,
    pub(crate) labels: Table<NL>,
    pub(crate) splitter: Table<NS>,
}

impl Model {
    /// A model that knows nothing (every word `X`, a flat tree): what runs if the embedded
    /// file could not be read.
    #[must_use]
    pub fn empty() -> Self {
        Model {
            header: String::new(),
            tags: vec![(Upos::X, "X".to_string())],
            dict: U32Map::default(),
            lemmas: Lemmas::default(),
            tagger: Table::empty(),
            moves: Table::empty(),
            labels: Table::empty(),
            splitter: Table::empty(),
        }
    }

    /// The header text of the model file.
    #[must_use]
    pub fn header(&self) -> &str {
        &self.header
    }

    /// Number of tags.
    pub(crate) fn ntags(&self) -> usize {
        self.tags.len()
    }

    /// The UPOS of a tag.
    pub(crate) fn upos(&self, tag: u8) -> Upos {
        self.tags.get(tag as usize).map_or(Upos::X, |t| t.0)
    }

    /// The Penn tag of a tag.
    pub(crate) fn xpos(&self, tag: u8) -> &str {
        self.tags.get(tag as usize).map_or("_", |t| t.1.as_str())
    }

    /// The tag dictionary's entry for a lowercase-form hash: (tag, fixed).
    pub(crate) fn dict(&self, lw: u32) -> Option<(u8, bool)> {
        self.dict.get(lw).map(|v| ((v & 0xff) as u8, v >> 8 != 0))
    }

    /// The model file's bytes.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(self.header.as_bytes());
        out.push(0);
        out.extend_from_slice(&(self.tags.len() as u32).to_le_bytes());
        for (u, x) in &self.tags {
            out.push(*u as u8);
            out.push(x.len() as u8);
            out.extend_from_slice(x.as_bytes());
        }
        self.dict.write(&mut out);
        out.extend_from_slice(&(self.lemmas.scripts.len() as u32).to_le_bytes());
        for s in &self.lemmas.scripts {
            out.push(u8::from(s.keep_case));
            out.push(s.cut);
            out.push(s.add.len() as u8);
            out.extend_from_slice(s.add.as_bytes());
        }
        self.lemmas.suffixes.write(&mut out);
        self.lemmas.words.write(&mut out);
        self.tagger.write(&mut out);
        self.moves.write(&mut out);
        self.labels.write(&mut out);
        self.splitter.write(&mut out);
        out
    }

    /// Reads a model file; `None` when the bytes are not one.
    #[must_use]
    pub fn from_bytes(b: &[u8]) -> Option<Self> {
        let rest = b.strip_prefix(MAGIC)?;
        let end = rest.iter().position(|&c| c == 0)?;
        let header = std::str::from_utf8(&rest[..end]).ok()?.to_string();
        let mut r = Reader(&rest[end + 1..]);
        let ntags = r.u32()? as usize;
        if ntags == 0 || ntags > NT {
            return None;
        }
        let mut tags = Vec::with_capacity(ntags);
        for _ in 0..ntags {
            let u = *Upos::ALL.get(r.u8()? as usize)?;
            let len = r.u8()? as usize;
            tags.push((u, std::str::from_utf8(r.take(len)?).ok()?.to_string()));
        }
        let dict = U32Map::read(&mut r)?;
        let nscripts = r.u32()? as usize;
        let mut scripts = Vec::with_capacity(nscripts.min(1 << 16));
        for _ in 0..nscripts {
            let keep_case = r.u8()? != 0;
            let cut = r.u8()?;
            let len = r.u8()? as usize;
            let add = std::str::from_utf8(r.take(len)?).ok()?.to_string();
            scripts.push(Script { keep_case, cut, add });
        }
        let suffixes = U32Map::read(&mut r)?;
        let words = U32Map::read(&mut r)?;
        let (tagger, rest) = Table::read(r.0)?;
        let tagger = tagger.with_peaks();
        let (moves, rest) = Table::read(rest)?;
        let (labels, rest) = Table::read(rest)?;
        let (splitter, rest) = Table::read(rest)?;
        if !rest.is_empty() {
            return None;
        }
        Some(Model { header, tags, dict, lemmas: Lemmas { scripts, suffixes, words }, tagger, moves, labels, splitter })
    }

    /// Sizes, for the trainer's report: tag-dictionary entries, lemma scripts, suffix rules,
    /// word rules, the tagger's weights, the moves' non-empty rows and the relations' weights.
    #[must_use]
    pub fn sizes(&self) -> [usize; 7] {
        [
            self.dict.len(),
            self.lemmas.scripts.len(),
            self.lemmas.suffixes.len(),
            self.lemmas.words.len(),
            self.tagger.weights(),
            self.moves.nonzero(),
            self.labels.weights(),
        ]
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (a, b) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = b;
        Some(a)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

/// The embedded model, trained by `just train-syntax`.
pub(crate) static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::from_bytes(include_bytes!("syntax.bin")).unwrap_or_else(Model::empty));

/// The embedded model.
#[must_use]
pub fn embedded() -> &'static Model {
    &MODEL
}
