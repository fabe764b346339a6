//! Greedy left-to-right decoding: reads a document's prepared tokens ([`super::features`])
//! and a model; adds one BIO tag per token. Tagging and training share the walk and differ in
//! where the features go ([`Sink`]) and in how a tag is chosen.

use super::features::{CAPS_LINE, HAS_UPPER, History, Tok, dynamic_features, remember, static_features};
use super::model::{Model, bucket};
use super::{NT, class_of};

/// Whether `tag` may follow `prev` (I-X only after B-X or I-X).
pub(super) fn allowed(prev: u8, tag: u8) -> bool {
    tag == 0 || (tag - 1) % 2 == 0 || class_of(prev) == class_of(tag)
}

/// The best tag after `prev` by integer weight sums and the model's scale.
pub(in crate::entities) fn best_by_sums(sum: &[i32; NT], scale: f32, prev: u8) -> u8 {
    let mut scores = [0f32; NT];
    for (s, x) in scores.iter_mut().zip(sum) {
        *s += *x as f32 * scale;
    }
    best_allowed(prev, &scores)
}

/// The best-scoring tag that may follow `prev`.
pub(super) fn best_allowed(prev: u8, scores: &[f32; NT]) -> u8 {
    let mut best = 0u8;
    for t in 1..NT as u8 {
        if allowed(prev, t) && scores[t as usize] > scores[best as usize] {
            best = t;
        }
    }
    best
}

/// Where a token's features go: a list (training, which reads them twice) or straight into
/// the embedded model's sums (tagging, which reads them once, so the list is not worth
/// writing).
pub(in crate::entities) trait Sink {
    fn push(&mut self, feature: u32);
    /// Starts token `i`'s features.
    fn start(&mut self, i: usize);
    /// Whether the token's static features are wanted (the second pass has their sums from
    /// the first already, [`crate::entities::stacked`]).
    fn needs_static(&self) -> bool {
        true
    }
    /// The static features are in; the tag-dependent ones follow.
    fn static_done(&mut self) {}
}

impl Sink for Vec<u32> {
    fn push(&mut self, feature: u32) {
        Vec::push(self, feature);
    }
    fn start(&mut self, _: usize) {
        Vec::clear(self);
    }
}

/// The embedded model's integer weight sums over the features pushed so far.
struct Sums<'m> {
    model: &'m Model,
    sum: [i32; NT],
}

impl Sink for Sums<'_> {
    fn push(&mut self, feature: u32) {
        if let Some(w) = self.model.table.get(bucket(feature)) {
            for (x, w) in self.sum.iter_mut().zip(w) {
                *x += i32::from(*w);
            }
        }
    }
    fn start(&mut self, _: usize) {
        self.sum = [0; NT];
    }
}

impl Sums<'_> {
    /// The best tag after `prev` by the sums.
    fn best_after(&self, prev: u8) -> u8 {
        best_by_sums(&self.sum, self.model.scale, prev)
    }
}

/// Greedy decoding of one document: walks the tokens in tagging order, hands `choose` each
/// token that may be part of a name (its index, its features and the previous tag) and keeps
/// the tag it returns; the other tokens are O. Tagging and training share this walk and differ
/// only in where the features go (`feats`) and in `choose`.
pub(in crate::entities) fn decode<S: Sink>(
    toks: &[Tok],
    text: &str,
    feats: &mut S,
    more: impl Fn(usize, &mut S),
    mut choose: impl FnMut(usize, &mut S, u8) -> u8,
) -> Vec<u8> {
    let mut tags = vec![0u8; toks.len()];
    let mut history = History::of(toks);
    let (mut prev, mut prev2) = (0u8, 0u8);
    let mut last = usize::MAX;
    for i in order(toks) {
        if last == usize::MAX || last + 1 != i || toks[i].sentence != toks[last].sentence {
            (prev, prev2) = (0, 0);
        }
        last = i;
        if !may_start(&toks[i], prev) {
            tags[i] = 0;
            (prev2, prev) = (prev, 0);
            continue;
        }
        feats.start(i);
        if feats.needs_static() {
            static_features(toks, text, i, feats);
        }
        feats.static_done();
        dynamic_features(toks, i, prev, prev2, &history, feats);
        more(i, feats);
        let tag = choose(i, feats, prev);
        remember(&mut history, &toks[i], tag);
        tags[i] = tag;
        (prev2, prev) = (prev, tag);
    }
    tags
}

/// Whether the token can be part of a name: names start with a word with a capital letter
/// (99.5% of CoNLL-2003's), so outside a name a token without one is O unscored, which
/// halves the work.
fn may_start(tok: &Tok, prev: u8) -> bool {
    prev != 0 || tok.flags & HAS_UPPER != 0
}

/// The order tokens are tagged in: the body first, then lines in capitals (headlines,
/// datelines), so that "LEICESTERSHIRE" in a headline has the body's tags for
/// "Leicestershire" in its history.
fn order(toks: &[Tok]) -> impl Iterator<Item = usize> + '_ {
    let body = (0..toks.len()).filter(|&i| toks[i].flags & CAPS_LINE == 0);
    body.chain((0..toks.len()).filter(|&i| toks[i].flags & CAPS_LINE != 0))
}

/// The first pass's tags of a prepared document (before the trimming of [`super::tag_with`]).
pub(in crate::entities) fn first_pass(model: &Model, toks: &[Tok], text: &str) -> Vec<u8> {
    let mut sums = Sums { model, sum: [0; NT] };
    decode(toks, text, &mut sums, |_, _| {}, |_, sums, prev| sums.best_after(prev))
}

/// The tags of a prepared document by a model that also reads the second pass's features,
/// each pass on its own (what [`crate::entities::stacked::Stacked::tag`] computes in one).
#[cfg(test)]
pub(in crate::entities) fn second_pass(
    model: &Model,
    toks: &[Tok],
    text: &str,
    extra: &[crate::entities::stacked::Extra],
) -> Vec<u8> {
    let mut sums = Sums { model, sum: [0; NT] };
    let more = |i: usize, sums: &mut Sums<'_>| {
        for &f in extra.get(i).into_iter().flatten() {
            if f != 0 {
                sums.push(f);
            }
        }
    };
    decode(toks, text, &mut sums, more, |_, sums, prev| sums.best_after(prev))
}
