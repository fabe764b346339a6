//! Training the tagger (averaged perceptron): reads training documents with gold BIO tags;
//! adds the learned weights (`just train-entities`, `examples/train_entities.rs`).

use super::decode::{allowed, best_allowed, decode};
use super::features::{Tok, prepare_doc};
use super::model::{BITS, Model, bucket, to_bytes};
use super::{NT, begin, class_of, inside};
use crate::analysis::Analysis;
use std::ops::Range;

/// BIO tags for gold spans given as byte ranges with a class; also the number of gold spans
/// whose edges are not token edges (they cannot be learned or found).
#[must_use]
pub fn gold_tags(a: &Analysis, gold: &[(Range<usize>, usize)]) -> (Vec<u8>, usize) {
    let mut tags = vec![0u8; a.tokens.len()];
    let mut misaligned = 0;
    for (r, c) in gold {
        let first = a.tokens.partition_point(|t| t.start < r.start);
        let mut last = first;
        while last < a.tokens.len() && a.tokens[last].end <= r.end {
            last += 1;
        }
        let aligned = first < last && a.tokens[first].start == r.start && a.tokens[last - 1].end == r.end;
        if !aligned {
            misaligned += 1;
        }
        if first < last {
            tags[first] = begin(*c);
            for t in &mut tags[first + 1..last] {
                *t = inside(*c);
            }
        }
    }
    (tags, misaligned)
}

/// Averaged-perceptron weights being trained (Daumé's trick: the average is `w - u / c`).
struct Training {
    w: Vec<[f32; NT]>,
    u: Vec<[f64; NT]>,
    c: f64,
}

impl Training {
    /// The best tag after `prev` for the features, by the weights so far.
    fn best_tag(&self, features: &[u32], prev: u8) -> u8 {
        let mut scores = [0f32; NT];
        for &f in features {
            if let Some(w) = self.w.get(bucket(f)) {
                for (s, x) in scores.iter_mut().zip(w) {
                    *s += x;
                }
            }
        }
        best_allowed(prev, &scores)
    }

    fn new() -> Self {
        Training { w: vec![[0.0; NT]; 1 << BITS], u: vec![[0.0; NT]; 1 << BITS], c: 0.0 }
    }

    fn update(&mut self, features: &[u32], tag: u8, delta: f32) {
        let c = self.c;
        for &f in features {
            let b = bucket(f);
            if let (Some(w), Some(u)) = (self.w.get_mut(b), self.u.get_mut(b)) {
                w[tag as usize] += delta;
                u[tag as usize] += c * f64::from(delta);
            }
        }
    }

    /// Averaged weights of the buckets with a weight of at least `prune` in absolute value,
    /// in bucket order.
    fn averaged(&self, prune: f32) -> Vec<(u32, [f32; NT])> {
        self.w
            .iter()
            .zip(&self.u)
            .enumerate()
            .map(|(k, (w, u))| {
                let mut avg = [0f32; NT];
                for ((a, w), u) in avg.iter_mut().zip(w).zip(u) {
                    *a = (f64::from(*w) - u / self.c.max(1.0)) as f32;
                }
                (k as u32, avg)
            })
            .filter(|(_, w)| w.iter().any(|x| x.abs() > prune))
            .collect()
    }
}

/// A gold tag that says nothing: the token's annotation is not trusted (a derived span
/// that joins two names), so a guess there is neither rewarded nor punished.
pub const UNKNOWN: u8 = u8::MAX;

/// One training document: its analysis (text stage run) and gold BIO tags.
pub struct Example {
    /// The document after the text stage.
    pub analysis: Analysis,
    /// Gold tags, one per token ([`UNKNOWN`] where the annotation is not trusted).
    pub tags: Vec<u8>,
    /// The corpus annotates no MISC names (GUM's derived names): a MISC guess where the gold
    /// has none is not counted as an error.
    pub no_misc: bool,
}

/// Trains a model for `epochs` passes over `examples`, in an order shuffled by a fixed seed
/// (deterministic: the same examples give the same bytes). Returns the model's bytes; weights
/// below `prune` in absolute value on every tag are dropped. `after_epoch` sees each epoch's
/// averaged model (for choosing the number of epochs on development data).
pub fn train(examples: &[Example], epochs: usize, prune: f32, after_epoch: impl FnMut(usize, &Model)) -> Vec<u8> {
    let prepared = prepare_all(examples);
    let all: Vec<usize> = (0..examples.len()).collect();
    to_bytes(&learn(examples, &prepared, &all, epochs, prune, None, after_epoch))
}

/// The per-token features of every training document.
pub(in crate::entities) fn prepare_all(examples: &[Example]) -> Vec<Vec<Tok>> {
    examples.iter().map(|e| prepare_doc(&e.analysis)).collect()
}

/// Averaged weights learned over the documents `docs` of `examples` (`prepared` their
/// features), with the second pass's features of each token (`extra`, by document) when
/// given.
pub(in crate::entities) fn learn(
    examples: &[Example],
    prepared: &[Vec<Tok>],
    docs: &[usize],
    epochs: usize,
    prune: f32,
    extra: Option<&[Vec<crate::entities::stacked::Extra>]>,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Vec<(u32, [f32; NT])> {
    let mut docs = docs.to_vec();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut tr = Training::new();
    let mut feats: Vec<u32> = Vec::with_capacity(112);
    for epoch in 0..epochs {
        crate::learn::shuffle(&mut docs, &mut rng);
        for &d in &docs {
            let gold = &examples[d].tags;
            let toks = &prepared[d];
            let more = |i: usize, feats: &mut Vec<u32>| {
                if let Some(x) = extra.and_then(|x| x.get(d)).and_then(|x| x.get(i)) {
                    feats.extend(x.iter().filter(|&&f| f != 0));
                }
            };
            decode(toks, &examples[d].analysis.text, &mut feats, more, |i, feats, prev| {
                let feats: &[u32] = feats;
                let guess = tr.best_tag(feats, prev);
                // After a wrong tag, the gold I-X may be impossible: the entity starts here.
                let mut g = gold.get(i).copied().unwrap_or(0);
                tr.c += 1.0;
                if g == UNKNOWN || (examples[d].no_misc && g == 0 && class_of(guess) == Some(3)) {
                    return guess;
                }
                if !allowed(prev, g) {
                    g -= 1;
                }
                if g != guess {
                    tr.update(feats, g, 1.0);
                    tr.update(feats, guess, -1.0);
                }
                guess
            });
        }
        after_epoch(epoch, &Model::from_float(&tr.averaged(prune)));
    }
    tr.averaged(prune)
}
