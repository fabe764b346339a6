//! One sentence as the events stage sees it: each token's lexicon forms and class bits
//! ([`Tok`], worked out once per text), and the [`Sentence`] record the other modules fill
//! and read (actors, groups, verbs, which tokens lie in a time expression). Reads tokens,
//! sentences and times; adds nothing to the analysis.

use super::actors::Actor;
use super::lexicon::{self, LEXICON, TokenForms, WordInfo, bits};
use crate::analysis::Analysis;
use crate::text::TokenKind;
use std::ops::Range;

/// What the stage knows of one token, worked out once per text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// Its forms as lexicon word ids (what patterns match against).
    pub(super) forms: TokenForms,
    /// Its word's classes and lexicon roles, and its shape ([`bits`]).
    pub(super) bits: u32,
}

impl Tok {
    /// Past the last token.
    pub(super) const NONE: Tok = Tok { forms: TokenForms::NONE, bits: 0 };

    /// Token `i` of the analysis, whose lowercase form is `lower`.
    pub(super) fn new(a: &Analysis, i: usize, lower: &str, vocab: &lexicon::Vocab) -> Tok {
        let forms = vocab.token_forms(lower);
        let t = &a.tokens[i];
        let cap = || match a.text.as_bytes().get(t.start) {
            // An ASCII first byte is the first character.
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => a.token_text(i).starts_with(char::is_uppercase),
        };
        let shape = match t.kind {
            TokenKind::Word if cap() => bits::WORD | bits::CAP,
            TokenKind::Word => bits::WORD,
            TokenKind::Number => bits::NUMBER,
            TokenKind::Quote(_) => bits::QUOTE,
            _ => 0,
        };
        Tok { forms, bits: vocab.info(forms.id).bits | shape }
    }
}

pub(super) struct Sentence<'a> {
    pub(super) a: &'a Analysis,
    /// Token → what the stage knows of it.
    pub(super) tok: &'a [Tok],
    pub(super) toks: Range<usize>,
    pub(super) actors: Vec<Actor>,
    /// Coordinated actors: their indices into `actors` (a group's actors are consecutive),
    /// and the token range the group covers.
    pub(super) groups: Vec<(Range<usize>, Range<usize>)>,
    /// Token → group, for the sentence's tokens (offset by `toks.start`).
    pub(super) group_at: Vec<Option<usize>>,
    /// Token → inside a time expression.
    pub(super) time_at: Vec<bool>,
    /// Token → inside an actor (scratch space of [`super::actors::find_actors`]).
    pub(super) covered: Vec<bool>,
    /// Scratch lists of [`super::actors::find_actors`].
    pub(super) spare_actors: Vec<Actor>,
    pub(super) spare_out: Vec<Actor>,
}

impl Sentence<'_> {
    pub(super) fn w(&self, i: usize) -> &str {
        self.a.lower(i)
    }
    pub(super) fn tok(&self, i: usize) -> Tok {
        self.tok.get(i).copied().unwrap_or(Tok::NONE)
    }
    pub(super) fn forms(&self, i: usize) -> TokenForms {
        self.tok(i).forms
    }
    /// Whether token `i` has any of the [`bits`] `b` (false past the last token).
    pub(super) fn has(&self, i: usize, b: u32) -> bool {
        self.tok(i).bits & b != 0
    }
    pub(super) fn info(&self, i: usize) -> WordInfo {
        LEXICON.vocab.info(self.forms(i).id)
    }
    pub(super) fn in_sentence(&self, i: usize) -> bool {
        self.toks.contains(&i)
    }
    pub(super) fn group(&self, i: usize) -> Option<usize> {
        if self.in_sentence(i) { self.group_at[i - self.toks.start] } else { None }
    }
    pub(super) fn is_time(&self, i: usize) -> bool {
        self.in_sentence(i) && self.time_at[i - self.toks.start]
    }
    pub(super) fn is_number(&self, i: usize) -> bool {
        self.has(i, bits::NUMBER)
    }
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.in_sentence(i) && self.has(i, bits::WORD)
    }
    pub(super) fn is_quote(&self, i: usize) -> bool {
        self.has(i, bits::QUOTE)
    }
    pub(super) fn is_cap(&self, i: usize) -> bool {
        self.in_sentence(i) && self.has(i, bits::CAP)
    }
}

/// Fills `mask` with which of the sentence's tokens lie in a time expression (times are in
/// text order).
pub(super) fn time_mask(a: &Analysis, toks: &Range<usize>, cursor: &mut usize, mask: &mut Vec<bool>) {
    mask.clear();
    mask.resize(toks.len(), false);
    let (Some(first), Some(last)) = (a.tokens.get(toks.start), a.tokens.get(toks.end - 1)) else { return };
    while *cursor < a.times.len() && a.times[*cursor].span.end <= first.start {
        *cursor += 1;
    }
    let mut k = *cursor;
    while k < a.times.len() && a.times[k].span.start < last.end {
        let r = a.tokens_in(&a.times[k].span);
        for i in r {
            if toks.contains(&i) {
                mask[i - toks.start] = true;
            }
        }
        k += 1;
    }
}

/// [`Analysis::tokens_in`] for a byte range `r` inside the sentence whose tokens are `toks`:
/// the same tokens, searched for among the sentence's tokens instead of the whole text's.
pub(super) fn tokens_within(a: &Analysis, toks: &Range<usize>, r: &Range<usize>) -> Range<usize> {
    let Some(ts) = a.tokens.get(toks.clone()) else { return a.tokens_in(r) };
    let first = toks.start + ts.partition_point(|t| t.start < r.start);
    let last = toks.start + ts.partition_point(|t| t.end <= r.end);
    first..last.max(first)
}
