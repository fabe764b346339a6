//! A learned named-entity tagger: greedy left-to-right BIO tagging with an averaged
//! perceptron over hashed string features (Collins 2002; Ratinov & Roth 2009's design).
//!
//! Features of a token: its word, lowercase form, shape, prefixes and suffixes, the words and
//! shapes around it in its sentence, the two tags predicted before it, whether it opens a
//! sentence or sits on an all-capitals line, the gazetteer's phrases and name words
//! (PETRARCH2's actor dictionaries, `gazetteer.tsv`), the universal POS class of it and its
//! neighbours in a lexicon learned from UD English (`wordclass.tsv`: a capitalised "Moreover"
//! is an adverb), the syntax stage's parse (the universal POS of the token and its
//! neighbours, its relation and the lemma of its head: "the village of *Azna*"), and three
//! document-level cues that carry most of the gain on news: whether the same word appears
//! capitalised elsewhere (not sentence-initially) or lowercase elsewhere in the document,
//! the tags it got earlier in the document ("extended prediction history"), and the contexts
//! of its other occurrences (context aggregation, Ratinov & Roth 2009). Descriptor evidence:
//! the common noun that describes the word at any of its mentions ("Bilka is a Danish
//! *chain*", "Ilona, a *waitress*", "the *river* Thames") types every mention, by its lemma
//! and its WordNet supersense (`supersenses.tsv`: person, group, location ...), as does the
//! supersense of the word itself and of the last word of its run of capitalised words
//! ("Montreal Hockey *Club*"). Without a parse (the
//! syntax stage not run) the parse features are absent and the tagger still tags, less well.
//!
//! A second pass ([`crate::entities::stacked`]) re-tags the document with a second perceptron that
//! also reads what this first pass said of each word across the whole document.
//!
//! Headline mode: the article's headline (its first line, or the line that is its given
//! title) in title case is read as the same line in capitals, whose capitals say nothing,
//! and like every line in capitals it is tagged after the body, so it sees the body's tags;
//! [`crate::entities::rules`] then keeps only the headline names the body or the gazetteer supports.
//!
//! Features are 32-bit hashes of (template, values), computed from per-token hashes that are
//! worked out once per token, so scoring a token is some fifty table look-ups and no
//! allocation. Weights are trained by `just train-entities` (`examples/train_entities.rs`)
//! on the CoNLL-2003 training split and GUM's derived names and embedded as `tagger.bin`
//! (sources and licences in `DATA.md`).
//!
//! The tagger is split by concern: [`lines`] finds headlines, lines in capitals and results
//! tables; [`lexicon`] holds the gazetteer's phrases and the word-class and cluster lexicons;
//! [`features`] works out each token's features; [`decode`] walks a document greedily and
//! scores it; [`model`] holds the weights and their file format; [`train`] learns them.

mod decode;
mod features;
mod lexicon;
mod lines;
mod model;
mod train;

#[cfg(test)]
pub(super) use decode::second_pass;
pub(super) use decode::{Sink, best_by_sums, decode, first_pass};
#[cfg(test)]
pub(super) use features::prepare_doc;
pub(super) use features::{CAP, CAPS_LINE, Tok};
pub use lexicon::{word_class, word_cluster, word_supersense};
pub use lines::{LINE_CAPS, LINE_HEADLINE, LINE_TABLE, line_kinds};
pub use model::{BITS, Model};
pub(super) use model::{bucket, to_bytes};
pub use train::{Example, UNKNOWN, gold_tags, train};
pub(super) use train::{learn, prepare_all};

use features::prepare;
use model::MODEL;

use crate::analysis::Analysis;
use crate::schema::EntityType;
use crate::text::TokenKind;
use std::ops::Range;

/// Entity classes the tagger knows, CoNLL's four.
pub const CLASSES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Number of BIO tags: O, then B- and I- of each class.
pub const NT: usize = 1 + 2 * CLASSES.len();

/// Tag index of `B-class`.
#[must_use]
pub const fn begin(class: usize) -> u8 {
    (1 + 2 * class) as u8
}

/// Tag index of `I-class`.
#[must_use]
pub const fn inside(class: usize) -> u8 {
    (2 + 2 * class) as u8
}

/// The class of a tag (`None` for O).
#[must_use]
pub const fn class_of(tag: u8) -> Option<usize> {
    if tag == 0 { None } else { Some((tag as usize - 1) / 2) }
}

/// A named-entity span found by the tagger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Token range.
    pub tokens: Range<usize>,
    /// Index into [`CLASSES`].
    pub class: usize,
}

impl Span {
    /// The schema type for the class (LOC and MISC refined by the gazetteer by the caller).
    #[must_use]
    pub fn entity_type(&self) -> EntityType {
        match self.class {
            0 => EntityType::Person,
            1 => EntityType::Organization,
            2 => EntityType::Gpe,
            _ => EntityType::Misc,
        }
    }
}

/// Tags the document's tokens with the embedded models: named-entity spans in text order.
#[must_use]
pub fn tag(a: &Analysis) -> Vec<Span> {
    tag_lines(a, &line_kinds(a))
}

/// [`tag`] given the article's [`line_kinds`], which the caller also needs.
#[must_use]
pub fn tag_lines(a: &Analysis, lines: &[u8]) -> Vec<Span> {
    if a.tokens.is_empty() {
        return Vec::new();
    }
    if let Some(stacked) = &*crate::entities::stacked::EMBEDDED {
        return tag_prepared(a, lines, |toks| stacked.tag(toks, &a.text));
    }
    if MODEL.is_empty() {
        return Vec::new();
    }
    tag_prepared(a, lines, |toks| first_pass(&MODEL, toks, &a.text))
}

/// Tags with a given model (the first pass alone).
#[must_use]
pub fn tag_with(model: &Model, a: &Analysis) -> Vec<Span> {
    tag_prepared(a, &line_kinds(a), |toks| first_pass(model, toks, &a.text))
}

/// Tags with given first- and second-pass models ([`crate::entities::stacked`]).
#[must_use]
pub fn tag_stacked_with(models: &crate::entities::stacked::Stacked, a: &Analysis) -> Vec<Span> {
    tag_prepared(a, &line_kinds(a), |toks| models.tag(toks, &a.text))
}

/// The spans of the tags `tags_of` gives the document's prepared tokens.
fn tag_prepared(a: &Analysis, lines: &[u8], tags_of: impl FnOnce(&[Tok]) -> Vec<u8>) -> Vec<Span> {
    let mut out = spans(&tags_of(&prepare(a, lines)));
    // Names begin with a word or number and never begin or end with a quotation mark
    // (CoNLL has none of the curly ones); they may end with punctuation ("C$", "Mladost (L)").
    let quote = |i: usize| matches!(a.tokens[i].kind, TokenKind::Quote(_));
    out.retain_mut(|s| {
        while s.tokens.start < s.tokens.end
            && !matches!(a.tokens[s.tokens.start].kind, TokenKind::Word | TokenKind::Number)
        {
            s.tokens.start += 1;
        }
        while s.tokens.end > s.tokens.start && quote(s.tokens.end - 1) {
            s.tokens.end -= 1;
        }
        !s.tokens.is_empty()
    });
    out
}

/// The spans of a BIO tag sequence.
#[must_use]
pub fn spans(tags: &[u8]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        let Some(c) = class_of(t) else { continue };
        match out.last_mut() {
            Some(s) if t == inside(c) && s.class == c && s.tokens.end == i => s.tokens.end = i + 1,
            _ => out.push(Span { tokens: i..i + 1, class: c }),
        }
    }
    out
}
