//! The learned choice among drafts. For every cue candidate — a lexicon cue the rules built
//! a draft around, or a predicate of the parse — there are several drafts: the rules' one
//! and one per thing the parse says the predicate may report (its clausal complement, its
//! object, the clause it interrupts …). A linear model scores each draft from what is
//! around it (the cue's lemma, part of speech and relation, whether it sits in a relative
//! clause, what heads the content and how it starts, how the source was found and what it
//! names, whether the rules agree); the best draft of each cue is kept when its score is
//! positive, so the model decides both what is a claim and where its content lies.
//!
//! Weights (`model.bin`) are learned by `just train-claims` from the PolNeAR training split
//! (see `train`); without them the stage keeps the rules' drafts alone. Reads drafts, the
//! parse, mentions; keeps one draft or none per cue.

use super::sources::mention_of;
use super::*;
use crate::fnv;
use crate::learn::{Table, mix};
use crate::syntax::Upos;
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"SAYSOC01";

/// The note written at the head of the weights: what they were learned from, under what terms.
pub(super) const NOTE: &str = "sayso claims model: averaged-perceptron weights over hashed features, \
learned by `just train-claims` from the training split of PolNeAR (Political News Attribution \
Relations Corpus, Newell, Margolin & Ruths, LREC 2018, github.com/networkdynamics/PolNeAR). \
PolNeAR names no licence; its text is not included here, only feature weights learned from its \
annotations, and the parse of sayso's syntax model (UD English EWT, CC BY-SA 4.0; GUM, CC BY 4.0).";

/// Learned weights for scoring drafts.
pub struct Model {
    pub(super) table: Table<1>,
}

impl Model {
    /// Reads what [`Model::to_bytes`] wrote; `None` when `b` is not a claims model.
    #[must_use]
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let rest = b.strip_prefix(MAGIC.as_slice())?;
        let note = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let rest = rest.get(4 + note..)?;
        let (table, rest) = Table::read(rest)?;
        rest.is_empty().then_some(Model { table })
    }

    /// The model's bytes: a magic tag, the length and text of a note (what the weights
    /// were learned from), then the weight table.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(NOTE.len() as u32).to_le_bytes());
        out.extend_from_slice(NOTE.as_bytes());
        self.table.write(&mut out);
        out
    }

    /// Number of feature buckets with a weight.
    #[must_use]
    pub fn len(&self) -> usize {
        self.table.nonzero()
    }

    /// True when the model has no weights.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(super) fn score(&self, feats: &[u32]) -> i32 {
        self.table.scores(feats)[0]
    }
}

/// The embedded model, when `model.bin` holds one.
pub(super) static MODEL: LazyLock<Option<Model>> =
    LazyLock::new(|| Model::from_bytes(include_bytes!("model.bin")).filter(|m| !m.is_empty()));

/// A string's feature value.
fn hs(s: &str) -> u32 {
    let h = fnv::extend(fnv::START, s.bytes());
    (h ^ (h >> 32)) as u32
}

/// The value of "nothing here" in a feature.
const NONE: u32 = 0x5eed;

/// A count as a small number: 0, 1, 2, 3–4, 5–8, 9–16 … (log scale).
fn bucket(n: usize) -> u32 {
    usize::BITS - n.leading_zeros()
}

impl<'a> Finder<'a> {
    /// The parse word heading token range `r`: the first whose head lies outside it.
    fn head_word_in(&self, r: &Range<usize>) -> Option<usize> {
        let syn = &self.a.syntax;
        if syn.is_empty() || r.is_empty() {
            return None;
        }
        let words = syn.words_of_token(r.start).start..syn.words_of_token(r.end - 1).end;
        words.clone().find(|&w| syn.head(w).is_none_or(|h| !words.contains(&h)))
    }

    /// The features of draft `d`; `rule` is the rules' draft for the same cue, if any.
    pub(super) fn features(&self, d: &Draft<'a>, rule: Option<&Draft<'a>>, out: &mut Vec<u32>) {
        let syn = &self.a.syntax;
        let o = d.origin as u32 | (d.frame as u32) << 4;
        let lemma = hs(d.lemma);
        let head_lower = hs(self.lw(d.head));
        out.push(mix(1, o, 0, 0));
        out.push(mix(2, o, lemma, 0));
        out.push(mix(3, lemma, 0, 0));
        out.push(mix(4, o, head_lower, 0));
        let suffix = {
            let w = self.lw(d.head);
            let cut = w.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
            hs(&w[cut..])
        };
        out.push(mix(5, o, suffix, 0));
        match d.entry {
            Some(e) => {
                let entry = &LEXICON.entries[e];
                let flags = u32::from(entry.weak)
                    | u32::from(entry.document_subject) << 1
                    | u32::from(entry.speech_act) << 2
                    | u32::from(entry.naming) << 3
                    | u32::from(entry.noun_homograph) << 4
                    | u32::from(entry.addressee) << 5;
                out.push(mix(6, o, entry.class as u32, flags));
            }
            None => out.push(mix(6, o, NONE, 0)),
        }
        // The words just before the cue: "that demands", "who say", "has said".
        let before = d.cue.start.checked_sub(1).map_or(NONE, |k| hs(self.lw(k)));
        out.push(mix(7, o, before, 0));
        out.push(mix(8, o, hs(self.lw(d.cue.end)), 0));

        // The cue in the parse.
        let cue_word = if syn.is_empty() { None } else { syn.word_of_token(d.head) };
        if let Some(w) = cue_word {
            let upos = syn.upos(w) as u32;
            let deprel = syn.deprel(w) as u32;
            out.push(mix(10, o, upos, deprel));
            out.push(mix(11, o, hs(syn.xpos(w)), 0));
            out.push(mix(12, lemma, deprel, 0));
            let relative = syn.in_relative_clause(w);
            let clause = syn.subordinate_clause(w).map_or(NONE, |c| syn.deprel(c) as u32);
            out.push(mix(13, o, clause, u32::from(relative) | (d.source_rel as u32) << 1));
            let governor = syn.head(w).map_or(NONE, |h| hs(syn.lemma(h)));
            out.push(mix(14, o, governor, deprel));
            out.push(mix(15, o, u32::from(syn.negated(w)), u32::from(syn.is_passive(w))));
            let kids = syn.children(w).fold(0u32, |acc, c| acc | 1 << (syn.deprel(c) as u32 % 32));
            out.push(mix(16, o, kids, 0));
            // The reporting verb this cue's clause is reported by, if any ("said [he wants
            // …]"): annotators give such inner cues to the outer claim.
            let outer = syn
                .ancestors(w)
                .take(6)
                .find(|&x| syn.upos(x) == Upos::Verb && (self.entry_at(syn.token_of(x), Part::Verb).is_some()));
            let via = outer.map_or(NONE, |x| {
                let child = std::iter::once(w).chain(syn.ancestors(w)).find(|&c| syn.head(c) == Some(x));
                child.map_or(NONE, |c| syn.deprel(c) as u32)
            });
            out.push(mix(17, o, via, u32::from(self.quote_at[d.head].is_some())));
            out.push(mix(18, lemma, via, 0));
            out.push(mix(19, o, outer.map_or(NONE, |x| hs(syn.lemma(x))), via));
        } else {
            out.push(mix(10, o, NONE, 0));
        }

        // The content.
        let first = d.content.first().map_or(0, |r| r.start);
        let last = d.content.last().map_or(0, |r| r.end);
        out.push(mix(20, o, hs(self.lw(first)), 0));
        out.push(mix(21, o, hs(self.lw(last)), 0));
        let words: usize = d.content.iter().map(|r| r.clone().filter(|&k| self.is_word(k)).count()).sum();
        out.push(mix(22, o, bucket(words), d.content.len() as u32));
        out.push(mix(23, o, self.kind_of(d) as u32, 0));
        let content_head = d.content_head.or_else(|| d.content.first().and_then(|r| self.head_word_in(r)));
        if let Some(c) = content_head {
            let upos = syn.upos(c) as u32;
            out.push(mix(24, o, upos, syn.deprel(c) as u32));
            out.push(mix(25, lemma, upos, o));
            let mark = syn.mark(c).map_or(NONE, |m| hs(syn.lemma(m)));
            out.push(mix(26, o, mark, 0));
            out.push(mix(27, lemma, mark, 0));
            let case = syn.case_marker(c).map_or(NONE, |m| hs(syn.lemma(m)));
            out.push(mix(28, lemma, case, o));
            out.push(mix(29, o, u32::from(syn.subject(c).is_some()), u32::from(syn.upos(c) == Upos::Verb)));
        } else {
            out.push(mix(24, o, NONE, 0));
        }
        let s = self.a.tokens.get(d.head).map_or(0, |t| t.sentence);
        let sr = self.sentence_range(s);
        let to_end = (last..sr.end).all(|k| !self.is_word(k));
        let adjacent = first >= d.cue.end && (d.cue.end..first).all(|k| !self.is_word(k));
        out.push(mix(30, o, u32::from(to_end), u32::from(adjacent) | u32::from(first >= d.cue.end) << 1));
        out.push(mix(31, o, hs(self.lw(last)), u32::from(to_end)));

        // The source.
        let kind = match &d.source {
            Some(_) => d.source_kind as u32,
            None => NONE,
        };
        out.push(mix(40, o, d.source_rel as u32, kind));
        out.push(mix(41, lemma, kind, 0));
        let (etype, mkind) = d
            .source_core
            .as_ref()
            .or(d.source.as_ref())
            .and_then(|r| self.byte_range(r))
            .and_then(|r| {
                let m = &self.a.mentions[mention_of(self.a, &r)?];
                let e = *m.entities.first()?;
                Some((self.a.entities[e].entity_type as u32, m.kind as u32))
            })
            .unwrap_or((NONE, NONE));
        out.push(mix(42, o, etype, mkind));
        out.push(mix(43, lemma, etype, 0));
        if let Some(src) = &d.source {
            let w = self.lw(src.end.saturating_sub(1));
            out.push(mix(44, o, hs(w), 0));
            let in_quote = self.quote_at[d.head].is_some();
            out.push(mix(45, o, u32::from(in_quote), u32::from(src.len() == 1 && matches!(w, "i" | "we" | "you"))));
            out.push(mix(46, o, bucket(src.len()), u32::from(src.end <= d.cue.start)));
        }

        // Whether the rules read this cue the same way.
        let agree = match rule {
            None => NONE,
            Some(r) if std::ptr::eq(r, d) => 100,
            Some(r) => {
                let inter: usize = d
                    .content
                    .iter()
                    .flat_map(|a| r.content.iter().map(move |b| a.end.min(b.end).saturating_sub(a.start.max(b.start))))
                    .sum();
                let size = |x: &Draft| x.content.iter().map(|c| c.len()).sum::<usize>();
                let dice = 2 * inter * 4 / (size(d) + size(r)).max(1);
                let same_source = match (&d.source, &r.source) {
                    (Some(a), Some(b)) => u32::from(a.start < b.end && b.start < a.end),
                    _ => 2,
                };
                dice as u32 | same_source << 4
            }
        };
        out.push(mix(50, o, agree, 0));
    }

    /// Keeps, for every cue, the draft the model scores best, when its score is positive.
    pub(super) fn select(&mut self, all: Vec<Draft<'a>>, model: &Model) {
        let mut keep = Vec::new();
        let mut feats = Vec::with_capacity(64);
        for group in groups(&all) {
            let rule = group.iter().find(|&&i| all[i].origin == Origin::Rule).map(|&i| &all[i]);
            let mut best: Option<(i32, usize)> = None;
            for &i in &group {
                feats.clear();
                self.features(&all[i], rule, &mut feats);
                let s = model.score(&feats);
                if s > 0 && best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, i));
                }
            }
            keep.extend(best.map(|(_, i)| i));
        }
        keep.sort_unstable_by_key(|&i| (all[i].sentence, all[i].cue.start, i));
        let mut all: Vec<Option<Draft<'a>>> = all.into_iter().map(Some).collect();
        self.drafts = keep.into_iter().filter_map(|i| all[i].take()).collect();
    }
}

/// The drafts grouped by the token their cue stands on, in text order (indices into
/// `drafts`).
pub(super) fn groups(drafts: &[Draft<'_>]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|&i| (drafts[i].head, i));
    order.chunk_by(|&i, &j| drafts[i].head == drafts[j].head).map(<[usize]>::to_vec).collect()
}
