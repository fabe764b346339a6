//! The name tagger's second pass (Ratinov & Roth 2009's two-stage "extended prediction
//! history"): reads the first pass's tags over the whole document; adds the tags a second
//! perceptron gives with the first's features plus what the first pass said of each word
//! across the document.
//!
//! The greedy first pass types a name at its first mention from what it has seen so far, and
//! its history feature then spreads that guess through the article (a bicycle maker typed a
//! person nine times). The second pass sees, for each capitalised word, how the first pass
//! tagged all its other occurrences, before and after it, and the longest name the first
//! pass put it in ("Caloi" inside "Caloi Bicycles" is part of an organisation), and the
//! first pass's tags of the words after it, which the left-to-right first pass could not.
//! A word votes for its class only where it heads its first-pass name or stands alone:
//! "Warhol" inside "the Andy Warhol Foundation" votes "inside a name", not "organisation".
//!
//! It is learned on first-pass tags that are as wrong as they will be on new text: each
//! training document is tagged by a first-pass model trained on the other folds (k-fold
//! cross-validation), not by the final first-pass model, which has seen the document and
//! tags it nearly perfectly (a second pass trained on those would learn to copy the first).

use super::tagger::{
    CAP, CAPS_LINE, Example, Model, NT, Sink, Tok, best_by_sums, bucket, class_of, decode, first_pass, learn,
    prepare_all, spans, to_bytes,
};
use crate::learn::{f1, f2, f3};
use foldhash::HashMap;
use std::sync::LazyLock;

/// Number of second-pass features of a token.
pub(super) const K: usize = 8;

/// The second-pass features of a token (hashed; 0 where absent).
pub(super) type Extra = [u32; K];

/// The embedded models of both passes (`tagger.bin`, `tagger2.bin`, trained by `just
/// train-entities`); `None` when either is missing, and then the first pass tags alone.
pub(super) static EMBEDDED: LazyLock<Option<Stacked>> = LazyLock::new(|| {
    let first = Model::from_bytes(include_bytes!("tagger.bin"))?;
    let second = Model::from_bytes(include_bytes!("tagger2.bin"))?;
    (!first.is_empty() && !second.is_empty()).then(|| Stacked::new(&first, &second))
});

/// Both passes' weights side by side, one row per hash bucket: a static feature's one look-up
/// serves both passes. The first pass sums both halves of its tokens' static features and
/// keeps the second half's sums, so the second pass looks up only its own features (the
/// tags before, the first pass's aggregates) and costs a fraction of the first.
pub struct Stacked {
    table: Vec<[i16; 2 * NT]>,
    scales: [f32; 2],
}

impl Stacked {
    /// The two passes' models joined.
    #[must_use]
    pub fn new(first: &Model, second: &Model) -> Self {
        let table = first
            .table
            .iter()
            .zip(&second.table)
            .map(|(a, b)| {
                let mut row = [0i16; 2 * NT];
                row[..NT].copy_from_slice(a);
                row[NT..].copy_from_slice(b);
                row
            })
            .collect();
        Stacked { table, scales: [first.scale, second.scale] }
    }

    /// The second pass's tags of a prepared document (its first pass run first).
    pub(super) fn tag(&self, toks: &[Tok], text: &str) -> Vec<u8> {
        let mut first =
            FirstSums { table: &self.table, sum: [0; NT], kept: vec![None; toks.len()], at: 0, second: None };
        let tags = decode(toks, text, &mut first, |_, _| {}, |_, s, prev| best_by_sums(&s.sum, self.scales[0], prev));
        let views = Views::new(toks, &tags);
        let mut second = SecondSums { table: &self.table, sum: [0; NT], kept: &first.kept, seeded: false };
        let more = |i: usize, s: &mut SecondSums<'_>| {
            for f in views.extra(i) {
                if f != 0 {
                    s.push(f);
                }
            }
        };
        decode(toks, text, &mut second, more, |_, s, prev| best_by_sums(&s.sum, self.scales[1], prev))
    }
}

/// The first pass's sums, and the second pass's sums of each scored token's static features.
struct FirstSums<'m> {
    table: &'m [[i16; 2 * NT]],
    sum: [i32; NT],
    kept: Vec<Option<[i32; NT]>>,
    at: usize,
    /// The second pass's sums while the static features come in.
    second: Option<[i32; NT]>,
}

impl Sink for FirstSums<'_> {
    fn push(&mut self, feature: u32) {
        let Some(row) = self.table.get(bucket(feature)) else { return };
        for (x, w) in self.sum.iter_mut().zip(&row[..NT]) {
            *x += i32::from(*w);
        }
        if let Some(second) = &mut self.second {
            for (x, w) in second.iter_mut().zip(&row[NT..]) {
                *x += i32::from(*w);
            }
        }
    }
    fn start(&mut self, i: usize) {
        (self.sum, self.at, self.second) = ([0; NT], i, Some([0; NT]));
    }
    fn static_done(&mut self) {
        if let Some(k) = self.kept.get_mut(self.at) {
            *k = self.second.take();
        }
    }
}

/// The second pass's sums, starting from the static sums the first pass kept.
struct SecondSums<'m> {
    table: &'m [[i16; 2 * NT]],
    sum: [i32; NT],
    kept: &'m [Option<[i32; NT]>],
    seeded: bool,
}

impl Sink for SecondSums<'_> {
    fn push(&mut self, feature: u32) {
        let Some(row) = self.table.get(bucket(feature)) else { return };
        for (x, w) in self.sum.iter_mut().zip(&row[NT..]) {
            *x += i32::from(*w);
        }
    }
    fn start(&mut self, i: usize) {
        // A token the first pass did not score (it was outside a name there) has no sums.
        let kept = self.kept.get(i).copied().flatten();
        (self.sum, self.seeded) = (kept.unwrap_or([0; NT]), kept.is_some());
    }
    fn needs_static(&self) -> bool {
        !self.seeded
    }
}

/// First-pass tag of a token outside the sentence.
const OUTSIDE: u32 = 0xff;

/// What the first pass said of a document's words, from which [`Views::extra`] gives a
/// token's second-pass features. Worked out once per document; the features themselves only
/// for the tokens the second pass scores (a third of them on news), not for every token.
pub(super) struct Views<'d> {
    toks: &'d [Tok],
    tags: &'d [u8],
    /// The length of the first-pass name each token is in (0 outside names).
    span_len: Vec<usize>,
    /// Whether each token is the last word of its first-pass name (its head: "Foundation" of
    /// "Andy Warhol Foundation"); false outside names.
    span_last: Vec<bool>,
    /// Per capitalised word of the body: its first-pass classes (O and the four) over the
    /// document, and the longest first-pass name it is part of (length, class + 1; the first
    /// of equal length). One map, so a token costs one look-up.
    words: HashMap<u32, Word>,
}

#[derive(Clone, Copy, Default)]
struct Word {
    /// Mentions outside names, heading a name of each class (or a one-word one), and inside
    /// a longer name without heading it.
    counts: [u16; 6],
    /// Length, class + 1 and whether the word was its last word.
    longest: (usize, usize, bool),
}

fn class(t: u8) -> usize {
    class_of(t).map_or(0, |c| c + 1)
}

fn named(t: &Tok) -> bool {
    t.flags & CAP != 0
}

/// Only the body's tags count: a line in capitals (a headline) is tagged with features that do
/// not trust capitals, and its guesses must not outvote the body's ("LYON" an organisation in
/// a headline, "Lyon" a place in the body).
fn counted(t: &Tok) -> bool {
    named(t) && t.flags & CAPS_LINE == 0
}

/// What token `i` counts towards among its word's [`Word::counts`]: O or its class where it is
/// outside names or heads its first-pass name (its last word), else "inside a longer name" (5).
fn vote(span_len: &[usize], span_last: &[bool], tags: &[u8], i: usize) -> usize {
    if span_len[i] == 0 || span_last[i] { class(tags[i]) } else { 5 }
}

impl<'d> Views<'d> {
    /// The first pass's views of a prepared document, given its first-pass tags.
    pub(super) fn new(toks: &'d [Tok], tags: &'d [u8]) -> Self {
        let n = toks.len().min(tags.len());
        let (toks, tags) = (&toks[..n], &tags[..n]);
        let mut span_len = vec![0usize; n];
        let mut span_last = vec![false; n];
        for s in spans(tags) {
            let len = s.tokens.len();
            span_last[s.tokens.end - 1] = true;
            span_len[s.tokens].fill(len);
        }
        let mut words: HashMap<u32, Word> = HashMap::default();
        // In text order, so that of two longest names of equal length the first is kept.
        for (i, (t, &tag)) in toks.iter().zip(tags).enumerate() {
            if !counted(t) {
                continue;
            }
            let e = words.entry(t.lw).or_default();
            // A word's class counts only where it is the head of its name or outside names:
            // "Warhol" in "the Andy Warhol Foundation" says nothing about "Andy Warhol".
            let k = vote(&span_len, &span_last, tags, i);
            e.counts[k] = e.counts[k].saturating_add(1);
            if span_len[i] > e.longest.0 {
                e.longest = (span_len[i], class(tag), span_last[i]);
            }
        }
        Views { toks, tags, span_len, span_last, words }
    }

    /// The second-pass features of token `i` (none past the document's end).
    pub(super) fn extra(&self, i: usize) -> Extra {
        let (toks, tags) = (self.toks, self.tags);
        let mut x = [0u32; K];
        let Some(t) = toks.get(i) else { return x };
        let tag_at = |d: isize| -> u32 {
            let j = i as isize + d;
            if j < 0 || j as usize >= toks.len() || toks[j as usize].sentence != t.sentence {
                OUTSIDE
            } else {
                u32::from(tags[j as usize])
            }
        };
        let own = u32::from(tags[i]);
        x[0] = f2(90, own, u32::from(t.flags & CAPS_LINE));
        x[1] = f3(91, tag_at(-1), own, tag_at(1));
        x[2] = f3(92, t.short, tag_at(1), tag_at(2));
        if !named(t) {
            return x;
        }
        let Some(word) = self.words.get(&t.lw) else { return x };
        // How the first pass tagged the word's other occurrences.
        let mut c = word.counts;
        if counted(t) {
            let k = vote(&self.span_len, &self.span_last, tags, i);
            c[k] = c[k].saturating_sub(1);
        }
        let total: u32 = c.iter().map(|&v| u32::from(v)).sum();
        let best = (0..c.len()).max_by_key(|&k| (c[k], std::cmp::Reverse(k))).unwrap_or(0);
        // None when the word has no other body mention.
        if let Some(share) = (u32::from(c[best]) * 4).checked_div(total) {
            x[3] = f2(93, best as u32, share);
            x[4] = f3(94, best as u32, own, t.short);
            let mask = c.iter().enumerate().filter(|(_, v)| **v > 0).fold(0u32, |m, (k, _)| m | 1 << k);
            x[5] = f1(95, mask);
        }
        // The longest first-pass name the word is part of, and whether this occurrence is in a
        // shorter one (or none). Every counted mention is in a name or not, so a word in the
        // map has a longest name only when one of its mentions was in a name.
        let (len, c, last) = word.longest;
        if len > 0 {
            let shorter = u32::from(self.span_len[i] < len);
            x[6] = f3(96, c as u32, len.min(4) as u32, shorter | u32::from(last) << 1);
            x[7] = f3(97, c as u32, own, shorter);
        }
        x
    }
}

/// The second-pass features of each token of a prepared document, given its first-pass tags
/// (training reads each token's features every epoch, so they are worked out once).
pub(super) fn features(toks: &[Tok], tags: &[u8]) -> Vec<Extra> {
    let views = Views::new(toks, tags);
    (0..toks.len().min(tags.len())).map(|i| views.extra(i)).collect()
}

/// Trains both passes: the first on all `examples` (the same model [`super::tagger::train`]
/// gives), the second on the first-pass tags of `folds`-fold cross-validation. Returns the
/// two models' bytes. `after_epoch` sees each epoch's first-pass model alone, then with each
/// epoch's second-pass model; the fold models are not shown.
pub fn train(
    examples: &[Example],
    epochs: usize,
    folds: usize,
    mut after_epoch: impl FnMut(usize, &Model, Option<&Model>),
) -> (Vec<u8>, Vec<u8>) {
    let prepared = prepare_all(examples);
    let n = examples.len();
    let all: Vec<usize> = (0..n).collect();
    let first = learn(examples, &prepared, &all, epochs, 0.0, None, |e, m| after_epoch(e, m, None));
    let first_model = Model::from_float(&first);
    let folds = folds.max(2);
    let mut tags: Vec<Vec<u8>> = vec![Vec::new(); n];
    for f in 0..folds {
        let rest: Vec<usize> = (0..n).filter(|d| d % folds != f).collect();
        let model = Model::from_float(&learn(examples, &prepared, &rest, epochs, 0.0, None, |_, _| {}));
        for d in (0..n).filter(|d| d % folds == f) {
            tags[d] = first_pass(&model, &prepared[d], &examples[d].analysis.text);
        }
    }
    let extra: Vec<Vec<Extra>> = prepared.iter().zip(&tags).map(|(toks, tags)| features(toks, tags)).collect();
    let second =
        learn(examples, &prepared, &all, epochs, 0.0, Some(&extra), |e, m| after_epoch(e, &first_model, Some(m)));
    (to_bytes(&first), to_bytes(&second))
}

#[cfg(test)]
mod tests {
    use super::super::tagger::{self, begin, inside, prepare_doc};
    use super::*;
    use crate::analysis::Analysis;

    fn analysed(text: &str) -> Analysis {
        let mut a = Analysis { text: text.to_string(), ..Analysis::default() };
        crate::text::run(&mut a);
        a
    }

    fn word_at(a: &Analysis, word: &str, nth: usize) -> usize {
        (0..a.tokens.len()).filter(|&i| &a.text[a.tokens[i].start..a.tokens[i].end] == word).nth(nth).expect(word)
    }

    #[test]
    fn a_word_sees_the_first_pass_tags_of_its_other_occurrences_and_its_longest_name() {
        let a = analysed("TREVANE WINS AGAIN\n\nTrevane makes bicycles. Trevane Cycles is in Lyon. Trevane said so.");
        let toks = prepare_doc(&a);
        let [first, second, third] = [0, 1, 2].map(|n| word_at(&a, "Trevane", n));
        let headline = word_at(&a, "TREVANE", 0);
        // The first pass typed the headline's mention a place, the body's first a person, the
        // other two an organisation.
        let mut tags = vec![0u8; a.tokens.len()];
        tags[headline] = begin(2);
        tags[first] = begin(0);
        tags[second] = begin(1);
        tags[second + 1] = inside(1);
        tags[third] = begin(1);
        let x = features(&toks, &tags);
        // Its two other mentions in the body: the third heads an organisation (class 1 + 1),
        // the second is inside a longer name without heading it (5); the tie goes to the first
        // (share 2 of 4). The headline's guess does not count.
        assert_eq!(x[first][3], f2(93, 2, 2));
        // The headline's mention sees the body's three: a person, an organisation and the
        // first word of "Trevane Cycles", which votes only for "inside a name"; a tie of the
        // three goes to the first class (share 1 of 4).
        assert_eq!(x[headline][3], f2(93, 1, 1));
        // The longest name it is in is a two-word organisation, longer than this mention.
        assert_eq!(x[first][6], f3(96, 2, 2, 1));
        // The second mention's others: one PER, one ORG; the tie goes to the first class.
        assert_eq!(x[second][3], f2(93, 1, 2));
        assert_eq!(x[second][6], f3(96, 2, 2, 0));
        // A lowercase word has only the first pass's tags around it.
        let bikes = word_at(&a, "bicycles", 0);
        assert_ne!(x[bikes][0], 0);
        assert_eq!(x[bikes][3..], [0; 5]);
    }

    #[test]
    fn a_word_inside_a_longer_name_does_not_vote_for_its_class() {
        let a = analysed(
            "The Lenna Varo Foundation opened. Lenna Varo painted. The Lenna Varo Foundation paid. Varo left.",
        );
        let toks = prepare_doc(&a);
        let varo = |n| word_at(&a, "Varo", n);
        let mut tags = vec![0u8; a.tokens.len()];
        // The first pass: two three-word organisations, and the painter a person once.
        for n in [0, 2] {
            let f = varo(n) - 1;
            tags[f] = begin(1);
            tags[f + 1] = inside(1);
            tags[f + 2] = inside(1);
        }
        tags[varo(1) - 1] = begin(0);
        tags[varo(1)] = inside(0);
        tags[varo(3)] = begin(0);
        let x = features(&toks, &tags);
        // "Varo" alone at the end: of its other mentions the person's last word votes PER, and
        // the two inside "Foundation" names vote "inside a longer name" (5, two of three), not
        // for the foundation's class: no ORG among the classes seen.
        assert_eq!(x[varo(3)][3], f2(93, 5, 2));
        assert_eq!(x[varo(3)][5], f1(95, 1 << 1 | 1 << 5));
        // The longest name it is in is still seen: a three-word organisation of which it was
        // not the last word.
        assert_eq!(x[varo(3)][6], f3(96, 2, 3, 1));
        // The foundation's head word votes for its own class.
        let foundation = varo(2) + 1;
        assert_eq!(x[foundation][3], f2(93, 2, 4));
    }

    #[test]
    fn both_passes_train_deterministically_and_the_first_is_the_one_pass_model() {
        let texts = [
            ("Phil Simmons beat Somerset in London.", vec![(0..12, 0), (18..26, 1), (30..36, 2)]),
            ("Somerset lost to Essex at Lord's.", vec![(0..8, 1), (17..22, 1), (26..33, 2)]),
            ("Simmons took four wickets for Leicestershire.", vec![(0..7, 0), (30..44, 1)]),
            ("Essex beat Kent in Canterbury.", vec![(0..5, 1), (11..15, 1), (19..29, 2)]),
        ];
        let examples = || {
            texts
                .iter()
                .map(|(t, gold)| {
                    let analysis = analysed(t);
                    let tags = tagger::gold_tags(&analysis, gold).0;
                    Example { analysis, tags, no_misc: false }
                })
                .collect::<Vec<_>>()
        };
        let (first, second) = train(&examples(), 4, 2, |_, _, _| {});
        assert_eq!((first.clone(), second.clone()), train(&examples(), 4, 2, |_, _, _| {}));
        assert_eq!(first, tagger::train(&examples(), 4, 0.0, |_, _| {}));
        let (one, two) = (Model::from_bytes(&first).expect("first"), Model::from_bytes(&second).expect("second"));
        assert!(!two.is_empty());
        let ex = examples();
        let stacked = Stacked::new(&one, &two);
        assert_eq!(tagger::tag_stacked_with(&stacked, &ex[0].analysis), spans(&ex[0].tags));
        // The joined table gives the tags the two passes give each on its own.
        for e in &ex {
            let toks = prepare_doc(&e.analysis);
            let firsts = first_pass(&one, &toks, &e.analysis.text);
            let apart = tagger::second_pass(&two, &toks, &e.analysis.text, &features(&toks, &firsts));
            assert_eq!(stacked.tag(&toks, &e.analysis.text), apart);
        }
    }

    #[test]
    fn the_joined_passes_tag_as_the_passes_apart_on_the_embedded_models() {
        let Some(stacked) = &*EMBEDDED else { panic!("tagger2.bin is embedded") };
        let one = Model::from_bytes(include_bytes!("tagger.bin")).expect("tagger.bin");
        let two = Model::from_bytes(include_bytes!("tagger2.bin")).expect("tagger2.bin");
        let mut a = analysed(
            "Trevane Cycles, a maker of bicycles in Lyon, hired Mara Quist. Trevane said the PLAN WORKED. \
             Quist joined Trevane from Delmont University in March.",
        );
        crate::syntax::run(&mut a);
        let toks = prepare_doc(&a);
        let firsts = first_pass(&one, &toks, &a.text);
        let apart = tagger::second_pass(&two, &toks, &a.text, &features(&toks, &firsts));
        assert!(apart.iter().any(|&t| t != 0), "names are found");
        assert_eq!(stacked.tag(&toks, &a.text), apart);
    }
}
