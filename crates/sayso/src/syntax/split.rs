//! Where the text stage's sentences hold more than one sentence. The text stage splits at a
//! full stop before a capital, a paragraph or a line break; web and informal text also ends
//! sentences without one ("Thanks Cindy, please forward …", "it is not frequent. i hope …"),
//! and a sentence split wrongly cannot be parsed rightly. A binary averaged perceptron
//! decides, at each space between two words of a text-stage sentence, whether a sentence
//! ends there, from the words around it (forms, shapes, whether a mark or a line break
//! comes between) and how far the sentence has run. It only splits, never joins: the syntax
//! stage's sentences lie inside the text stage's.

use super::model::Model;
use super::tagger::Atoms;
use crate::learn::mix;

/// Row width of the splitter's table: no split, split.
pub(crate) const NS: usize = 2;

/// Most features of one decision.
pub(crate) const MAX_FEATS: usize = 24;

/// What separates word `k` from word `k + 1`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub(crate) enum Gap {
    /// Nothing: never a sentence boundary.
    None = 0,
    /// Spaces.
    Space = 1,
    /// A line break.
    Line = 2,
}

/// The gap between two byte ranges of the text.
pub(crate) fn gap(text: &str, end: usize, next_start: usize) -> Gap {
    if end >= next_start {
        Gap::None
    } else if text[end..next_start].contains('\n') {
        Gap::Line
    } else {
        Gap::Space
    }
}

fn bucket(n: usize) -> u32 {
    match n {
        0..=3 => n as u32,
        4..=7 => 4,
        8..=15 => 5,
        _ => 6,
    }
}

/// The features of a boundary after word `k` (`k + 1 < atoms.len()`), into `out`; their count.
pub(crate) fn features(atoms: &[Atoms], gaps: &[Gap], k: usize, since: usize, out: &mut [u32; MAX_FEATS]) -> usize {
    const EDGE: u32 = 0x5eed_0002;
    let n = atoms.len();
    let lw = |i: isize| if i < 0 || i as usize >= n { EDGE } else { atoms[i as usize].lw };
    let sh = |i: isize| if i < 0 || i as usize >= n { EDGE } else { atoms[i as usize].short };
    let fl = |i: usize| u32::from(atoms[i].flags);
    let k1 = k as isize;
    let g = gaps[k] as u32;
    let prev_gap = if k > 0 { gaps[k - 1] as u32 } else { 3 };
    let (here, left) = (bucket(since), bucket(n - k - 1));
    let feats = [
        mix(300, g, 0, 0),
        mix(301, lw(k1), g, 0),
        mix(302, lw(k1 + 1), g, 0),
        mix(303, lw(k1), lw(k1 + 1), 0),
        mix(304, sh(k1), sh(k1 + 1), g),
        mix(305, lw(k1 - 1), lw(k1), 0),
        mix(306, lw(k1 + 1), lw(k1 + 2), 0),
        mix(307, sh(k1 - 1), sh(k1), sh(k1 + 1)),
        mix(308, fl(k), fl(k + 1), g),
        mix(309, lw(k1), sh(k1 + 1), g),
        mix(310, sh(k1), lw(k1 + 1), g),
        mix(311, here, left, g),
        mix(312, lw(k1), here, 0),
        mix(313, lw(k1 + 1), left, 0),
        mix(314, sh(k1 + 1), sh(k1 + 2), 0),
        mix(315, prev_gap, g, sh(k1)),
        mix(316, u32::from(atoms[k + 1].dict), u32::from(atoms[k].dict), g),
        mix(317, atoms[k].suf[1], sh(k1 + 1), 0),
    ];
    out[..feats.len()].copy_from_slice(&feats);
    feats.len()
}

/// The words after which a sentence ends inside a text-stage sentence (indices into
/// `atoms`, in order): `choose` decides each candidate from its features. Splitting and
/// training share this walk.
pub(crate) fn walk(
    atoms: &[Atoms],
    gaps: &[Gap],
    mut choose: impl FnMut(usize, &[u32]) -> bool,
    ends: &mut Vec<usize>,
) {
    ends.clear();
    let mut feats = [0u32; MAX_FEATS];
    let mut start = 0;
    for k in 0..atoms.len().saturating_sub(1) {
        if gaps[k] == Gap::None {
            continue;
        }
        let m = features(atoms, gaps, k, k - start, &mut feats);
        if choose(k, &feats[..m]) {
            ends.push(k);
            start = k + 1;
        }
    }
}

/// The sentence ends the model finds (see [`walk`]).
pub(crate) fn split(model: &Model, atoms: &[Atoms], gaps: &[Gap], ends: &mut Vec<usize>) {
    let t = &model.splitter;
    walk(
        atoms,
        gaps,
        |_, f| {
            let s = t.scores(f);
            s[1] > s[0]
        },
        ends,
    );
}
