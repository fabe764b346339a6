//! Stage 6, claims: reads sentences, tokens, quotations, posts, times and entity mentions;
//! adds attributed claims — direct, indirect and mixed quotations, reported speech,
//! `according to`, reporting nouns and embedded posts — each with its cue (span, lemma,
//! class from the cue lexicon `cues.tsv`), its source (span, kind, entity), its content
//! spans, its parent claim when it is reported inside another claim, and relations to
//! the claims it confirms, denies or cites.
//!
//! Without a parser, clauses are read from the cue outwards: the source is the noun phrase
//! before the cue (or after it, inverted: "said Caddell"), the content the clause after it
//! to the end of the sentence, or, when the cue closes the sentence ("…, he said."), the
//! clause before it. Quotations come from the text stage; a quotation that fills its
//! sentences without a cue continues the claim just before it (a statement quoted over
//! several paragraphs). Every pass is a left-to-right walk over tokens or claims.

mod lexicon;

use crate::analysis::Analysis;
use crate::schema::{ClaimKind, CueClass, EntityType, RelationType, SourceKind};
use crate::text::{QuoteDirection, TokenKind};
use foldhash::{HashMap, HashMapExt};
use lexicon::{CueEntry, LEXICON, Part, WORDS};
use std::ops::Range;

/// One claim.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRec {
    /// Direct, indirect, mixed, post.
    pub kind: ClaimKind,
    /// Content spans, in text order.
    pub content: Vec<Range<usize>>,
    /// The cue.
    pub cue: Option<CueRec>,
    /// The source.
    pub source: Option<SourceRec>,
    /// The enclosing claim (index into [`Analysis::claims`]).
    pub parent: Option<usize>,
    /// Relations to other claims.
    pub relations: Vec<(RelationType, usize)>,
    /// When the claim was made (index into [`Analysis::times`]).
    pub time: Option<usize>,
    /// The post this claim is (index into [`Analysis::posts`]).
    pub post: Option<usize>,
}

/// A cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueRec {
    /// Where the cue is (may cover several words: "according to", "the statement read").
    pub span: Range<usize>,
    /// Base form of the head word.
    pub lemma: String,
    /// Stance class.
    pub class: CueClass,
}

/// A source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRec {
    /// The source phrase, when the text has one.
    pub span: Option<Range<usize>>,
    /// The entity it resolves to.
    pub entity: Option<usize>,
    /// What kind of source.
    pub kind: SourceKind,
}

/// Runs the stage.
pub fn run(a: &mut Analysis) {
    let claims = Finder::new(a).find();
    for (i, c) in claims.iter().enumerate() {
        if let Some(p) = c.post.and_then(|p| a.posts.get_mut(p)) {
            p.claim = Some(i);
        }
    }
    a.claims = claims;
}

/// How a claim's parts are laid out around its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// Source, cue, then content: "X said (that) ...".
    Preposed,
    /// Content, then source and cue: "..., X said." / "“...,” said X."
    Postposed,
    /// "According to X, ..." / "..., according to X."
    According,
    /// A reporting noun with a that-clause: "a report that Putin called".
    Noun,
    /// A headline "Name: content".
    Headline,
    /// An embedded post.
    Post,
}

/// A claim under construction, in token indices.
#[derive(Debug, Clone)]
struct Draft {
    frame: Frame,
    /// Cue tokens (empty for posts).
    cue: Range<usize>,
    lemma: String,
    class: CueClass,
    /// Source tokens.
    source: Option<Range<usize>>,
    source_kind: SourceKind,
    /// Content token ranges, in text order.
    content: Vec<Range<usize>>,
    /// For posts: the post, and its content and author in bytes.
    post: Option<usize>,
    /// The sentence of the cue (or the last content sentence, for posts).
    sentence: usize,
    /// True when the content ran from the cue to the end of the sentence, so a later
    /// main clause in the sentence may cut it.
    open_end: bool,
}

impl Draft {
    fn last_token(&self) -> usize {
        let c = self.content.iter().map(|r| r.end).max().unwrap_or(0);
        let s = self.source.as_ref().map_or(0, |r| r.end);
        c.max(s).max(self.cue.end)
    }
}

struct Finder<'a> {
    a: &'a Analysis,
    /// Lowercased token texts.
    /// For each token, the top-level double quotation whose marks enclose it (marks
    /// included).
    quote_at: Vec<Option<usize>>,
    /// For each quotation, its first and last token (the marks).
    quote_tokens: Vec<Range<usize>>,
    drafts: Vec<Draft>,
}

const MAX_NP: usize = 10;

impl<'a> Finder<'a> {
    fn new(a: &'a Analysis) -> Self {
        let mut quote_at = vec![None; a.tokens.len()];
        let mut quote_tokens = Vec::with_capacity(a.quotes.len());
        for (qi, q) in a.quotes.iter().enumerate() {
            let last = q.close.unwrap_or_else(|| {
                let end = q.inner().end;
                a.tokens.partition_point(|t| t.end <= end).saturating_sub(1).max(q.open)
            });
            quote_tokens.push(q.open..last + 1);
            if !q.double || q.parent.is_some() {
                continue;
            }
            for slot in quote_at.iter_mut().take(last + 1).skip(q.open) {
                if slot.is_none() {
                    *slot = Some(qi);
                }
            }
        }
        Finder { a, quote_at, quote_tokens, drafts: Vec::new() }
    }

    // ---- token helpers -------------------------------------------------------------

    fn lw(&self, i: usize) -> &str {
        self.a.lower(i)
    }

    fn text(&self, i: usize) -> &str {
        self.a.tokens.get(i).map_or("", |t| &self.a.text[t.start..t.end])
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.a.tokens.get(i).map(|t| t.kind)
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Word | TokenKind::Handle | TokenKind::Number))
    }

    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).chars().next().is_some_and(|c| c.is_uppercase() || c == '@')
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.text(i) == p
    }

    fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, ",")
    }

    fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && matches!(self.text(i), "—" | "―" | "–" | "--" | "-")
    }

    fn is_terminal(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && matches!(self.text(i), "." | "!" | "?" | "..." | "…")
    }

    fn quote_dir(&self, i: usize) -> Option<QuoteDirection> {
        match self.kind(i) {
            Some(TokenKind::Quote(m)) if m.double => Some(m.direction),
            _ => None,
        }
    }

    /// A double mark that opens a quotation.
    fn opens_quote(&self, i: usize) -> bool {
        self.quote_dir(i).is_some() && self.quote_at[i].is_some_and(|q| self.quote_tokens[q].start == i)
    }

    /// A double mark that closes a quotation.
    fn closes_quote(&self, i: usize) -> Option<usize> {
        self.quote_dir(i)?;
        let q = self.quote_at[i]?;
        (self.quote_tokens[q].end == i + 1 && self.a.quotes[q].close == Some(i)).then_some(q)
    }

    fn sentence_range(&self, s: usize) -> Range<usize> {
        self.a.sentences.get(s).map_or(0..0, |s| s.tokens.clone())
    }

    fn paragraph_of(&self, i: usize) -> usize {
        self.a.tokens.get(i).and_then(|t| self.a.sentences.get(t.sentence)).map_or(0, |s| s.paragraph)
    }

    fn is_stop(&self, i: usize) -> bool {
        let w = self.lw(i);
        WORDS.preposition.contains(w)
            || WORDS.conjunction.contains(w)
            || WORDS.relative.contains(w)
            || WORDS.aux.contains(w)
            || WORDS.pronoun.contains(w)
            || matches!(w, "me" | "him" | "us" | "them" | "to" | "there" | "here")
    }

    fn is_verb_cue_form(&self, i: usize) -> bool {
        LEXICON
            .forms_from(self.lw(i))
            .iter()
            .any(|(form, entry, base)| form.len() == 1 && LEXICON.entries[*entry].part == Part::Verb && !base)
    }

    fn starts_sentence(&self, i: usize) -> bool {
        self.a.tokens.get(i).and_then(|t| self.a.sentences.get(t.sentence)).is_some_and(|s| s.tokens.start == i)
            || (i > 0 && self.quote_dir(i - 1).is_some() && self.starts_sentence_plain(i - 1))
    }

    fn starts_sentence_plain(&self, i: usize) -> bool {
        self.a.tokens.get(i).and_then(|t| self.a.sentences.get(t.sentence)).is_some_and(|s| s.tokens.start == i)
    }

    fn is_time_word(&self, i: usize) -> bool {
        WORDS.time.contains(self.lw(i)) && !matches!(self.lw(i), "last" | "this" | "next" | "early" | "late")
    }

    // ---- noun phrases --------------------------------------------------------------

    /// The noun phrase ending just before token `end`, not reaching before `floor`.
    fn np_left(&self, end: usize, floor: usize) -> Option<Range<usize>> {
        if end == 0 || end <= floor {
            return None;
        }
        let head = end - 1;
        // "Rep. Gwen Moore (D-Wis.)": a short parenthetical closes the phrase.
        if self.is_punct(head, ")") {
            let open = (head.saturating_sub(8).max(floor)..head).rev().find(|&k| self.is_punct(k, "("))?;
            return self.np_left(open, floor).map(|np| np.start..end);
        }
        if !self.is_word(head) {
            return None;
        }
        let hw = self.lw(head);
        // "doesn't say", "cannot say": a negated cue has its subject further left.
        if matches!(hw, "n't" | "n’t" | "not" | "cannot" | "never") {
            return None;
        }
        if WORDS.pronoun.contains(hw) || hw == "who" {
            return Some(head..end);
        }
        if self.is_stop(head) || WORDS.determiner.contains(hw) || self.is_verb_cue_form(head) {
            return None;
        }
        let mut k = head;
        let mut lowercase_words = usize::from(!self.is_cap(head));
        while k > floor && end - k < MAX_NP {
            let t = k - 1;
            let w = self.lw(t);
            if matches!(w, "'s" | "’s" | "'" | "’") && t > floor && self.is_word(t - 1) {
                k = t - 1;
                continue;
            }
            if WORDS.determiner.contains(w) && self.is_word(t) {
                k = t;
                break;
            }
            if self.is_cap(t) && !WORDS.conjunction.contains(w) && !WORDS.preposition.contains(w) {
                k = t;
                continue;
            }
            if self.kind(t) == Some(TokenKind::Number) {
                k = t;
                continue;
            }
            if (w == "of" || w == "for") && t > floor && self.is_word(t - 1) && !self.is_stop(t - 1) {
                k = t;
                continue;
            }
            if (w == "and" || w == "&") && t > floor && self.is_cap(t - 1) && self.is_cap(k) {
                k = t;
                continue;
            }
            if self.is_punct(t, "-") || self.is_punct(t, ".") {
                break;
            }
            if self.is_word(t)
                && !self.is_cap(t)
                && !self.is_stop(t)
                && !self.is_verb_cue_form(t)
                && !w.ends_with("ly")
                && !self.is_time_word(t)
                && lowercase_words < 4
            {
                lowercase_words += 1;
                k = t;
                continue;
            }
            break;
        }
        while k < head && matches!(self.lw(k), "of" | "for" | "and" | "&") {
            k += 1;
        }
        Some(k..end)
    }

    /// The noun phrase starting at `start`, not reaching `limit`.
    fn np_right(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        if start >= limit || !self.is_word(start) {
            return None;
        }
        let w0 = self.lw(start);
        if WORDS.pronoun.contains(w0) {
            return Some(start..start + 1);
        }
        if self.is_stop(start) || self.is_verb_cue_form(start) {
            return None;
        }
        let mut k = start;
        let mut last_good = None;
        while k < limit && k - start < MAX_NP {
            let w = self.lw(k);
            let ok = if WORDS.determiner.contains(w) {
                k == start || self.lw(k - 1) == "of"
            } else if matches!(w, "'s" | "’s") {
                true
            } else if w == "of" || w == "and" || w == "&" {
                k > start && k + 1 < limit && (self.is_word(k + 1))
            } else if w == "." {
                // The full stop of an initial or a title: "G.K. Butterfield", "Rep. Moore".
                k > start && self.is_cap(k - 1) && self.text(k - 1).len() <= 3 && !self.a.tokens[k].space_before
            } else {
                let verb_like =
                    !self.is_cap(k) && k > start && self.is_cap(k - 1) && (w.ends_with("ed") || w.ends_with("es"));
                self.is_word(k) && !self.is_stop(k) && !self.is_verb_cue_form(k) && !self.is_time_word(k) && !verb_like
            };
            if !ok {
                break;
            }
            if !matches!(w, "of" | "and" | "&" | ".") && !WORDS.determiner.contains(w) {
                last_good = Some(k);
            }
            k += 1;
        }
        let np = last_good.map(|l| start..l + 1)?;
        // "Rep. Gwen Moore (D-Wis.)": a short parenthetical stays with the name.
        if np.end < limit && self.is_punct(np.end, "(") {
            if let Some(close) = (np.end + 1..limit.min(np.end + 9)).find(|&k| self.is_punct(k, ")")) {
                return Some(np.start..close + 1);
            }
        }
        Some(np)
    }

    fn source_kind(&self, r: &Range<usize>) -> SourceKind {
        let head = r.end.saturating_sub(1);
        let hw = self.lw(head);
        if r.len() == 1 && (WORDS.pronoun.contains(hw) || hw == "who") {
            return SourceKind::Pronoun;
        }
        // The head is the last word before "of" ("a spokesman for the campaign").
        let mut head_word = hw;
        for i in r.clone() {
            if matches!(self.lw(i), "of" | "for" | "with") && i > r.start {
                head_word = self.lw(i - 1);
                break;
            }
        }
        if WORDS.document.contains(head_word) || WORDS.document.contains(hw) {
            return SourceKind::Document;
        }
        let named = r.clone().any(|i| {
            let w = self.lw(i);
            self.is_cap(i)
                && !(self.starts_sentence(i)
                    && (WORDS.determiner.contains(w) || WORDS.anonymous.contains(w) || WORDS.document.contains(w)))
                && !(i == r.start && WORDS.determiner.contains(w))
        });
        if !named && (WORDS.anonymous.contains(head_word) || WORDS.anonymous.contains(hw)) {
            return SourceKind::Anonymous;
        }
        if !named && r.clone().any(|i| WORDS.anonymous.contains(self.lw(i))) {
            return SourceKind::Anonymous;
        }
        SourceKind::Named
    }

    // ---- cue surroundings -------------------------------------------------------------

    /// Skips leftwards over auxiliaries, adverbs and time phrases between a source and its
    /// cue ("has also said", "on Sunday confirmed"); returns the first skipped token.
    fn skip_left(&self, cue: usize, floor: usize) -> usize {
        let mut k = cue;
        while k > floor {
            let t = k - 1;
            let w = self.lw(t);
            if WORDS.aux.contains(w) || (w.len() > 4 && w.ends_with("ly") && !self.is_cap(t)) {
                k = t;
            } else if self.is_time_word(t) {
                k = t;
                if t > floor && matches!(self.lw(t - 1), "on" | "last" | "this" | "early" | "late" | "earlier") {
                    k = t - 1;
                }
            } else {
                break;
            }
        }
        k
    }

    /// A prepositional phrase of medium or occasion starting at `i` ("in a statement",
    /// "on Twitter", "at a rally in Ohio"); returns its end.
    fn medium_pp(&self, i: usize, limit: usize) -> Option<usize> {
        if !matches!(self.lw(i), "in" | "on" | "at" | "during" | "via" | "through" | "over") {
            return None;
        }
        let mut k = i + 1;
        while k < limit && k <= i + 6 {
            let w = self.lw(k);
            if WORDS.medium.contains(w) {
                let mut end = k + 1;
                // "in a statement released by X" / "in an interview with CNN" stay outside.
                while end < limit && WORDS.medium.contains(self.lw(end)) {
                    end += 1;
                }
                return Some(end);
            }
            if !self.is_word(k) || self.is_verb_cue_form(k) || matches!(w, "that" | "which" | "who") {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Skips rightwards over what may stand between a cue and its content: time phrases,
    /// medium phrases, "to reporters", and for verbs with a hearer, the hearer.
    fn skip_right(&self, mut r: usize, limit: usize, entry: &CueEntry) -> usize {
        let mut hearer_done = !entry.addressee || !matches!(entry.lemma, "tell" | "inform" | "assure" | "remind");
        let mut guard = 0;
        while r < limit && guard < 8 {
            guard += 1;
            let w = self.lw(r);
            if self.is_time_word(r) {
                r += 1;
                continue;
            }
            if matches!(w, "last" | "this" | "next" | "early" | "late") && r + 1 < limit && self.is_time_word(r + 1) {
                r += 2;
                continue;
            }
            if matches!(w, "on" | "in" | "at" | "during") && r + 1 < limit && self.is_time_word(r + 1) {
                r += 2;
                while r < limit && (self.kind(r) == Some(TokenKind::Number) || self.is_time_word(r)) {
                    r += 1;
                }
                continue;
            }
            if let Some(end) = self.medium_pp(r, limit) {
                r = end;
                continue;
            }
            if w == "to" && !hearer_done {
                hearer_done = true;
            }
            if w == "to" && r + 1 < limit && (WORDS.object.contains(self.lw(r + 1)) || self.is_cap(r + 1)) {
                let mut k = r + 1;
                while k < limit && (self.is_cap(k) || WORDS.object.contains(self.lw(k))) && k < r + 5 {
                    k += 1;
                }
                r = k;
                continue;
            }
            if !hearer_done {
                hearer_done = true;
                if WORDS.object.contains(w) && w != "it" {
                    r += 1;
                    continue;
                }
                if self.is_cap(r) || (WORDS.determiner.contains(w) && r + 1 < limit) {
                    let mut k = r;
                    if WORDS.determiner.contains(w) {
                        k += 1;
                    }
                    let start = k;
                    while k < limit && k < start + 5 && (self.is_cap(k) || matches!(self.lw(k), "'s" | "’s")) {
                        k += 1;
                    }
                    if k == start && k < limit && self.is_word(k) && !self.is_stop(k) {
                        k += 1;
                    }
                    if k > r {
                        r = k;
                        continue;
                    }
                }
            }
            break;
        }
        r
    }

    /// Where content that runs to the end of sentence `s` ends (exclusive): the final full
    /// stop stays outside unless a closing quotation mark follows it.
    fn content_end(&self, s: usize) -> usize {
        let sr = self.sentence_range(s);
        let mut end = sr.end;
        while end > sr.start && self.is_terminal(end - 1) {
            end -= 1;
        }
        end
    }

    // ---- claims ------------------------------------------------------------------------

    fn find(mut self) -> Vec<ClaimRec> {
        for s in 0..self.a.sentences.len() {
            self.sentence_claims(s);
        }
        self.cut_open_ends();
        self.speaker_labels();
        self.dash_bylines();
        self.bare_quotes();
        self.post_claims();
        self.finish()
    }

    fn sentence_claims(&mut self, s: usize) {
        let sr = self.sentence_range(s);
        if s == 0 {
            self.headline(s);
        }
        let a = self.a;
        let mut i = sr.start;
        while i < sr.end {
            // This runs at every token, and most words start no cue form: one map probe says
            // so before anything else is asked.
            let forms = LEXICON.forms_from(a.lower(i));
            if forms.is_empty() || (self.is_cap(i) && !self.starts_sentence(i) && self.paragraph_of(i) != 0) {
                i += 1;
                continue;
            }
            // Forms of up to three words from here, longest first.
            let n = (sr.end - i).min(3);
            let mut advanced = false;
            for (form, entry, base_or_s) in forms {
                if form.len() > n || !form.iter().enumerate().all(|(k, f)| *f == a.lower(i + k)) {
                    continue;
                }
                let entry = &LEXICON.entries[*entry];
                let cue = i..i + form.len();
                let made = match entry.part {
                    Part::Verb => self.verb_claim(s, cue.clone(), entry, *base_or_s),
                    Part::Prep => self.according_claim(s, cue.clone(), entry),
                    Part::Noun => self.noun_claim(s, cue.clone(), entry),
                };
                if made {
                    i = self.drafts.last().map_or(cue.end, |d| d.cue.end.max(i + 1));
                    advanced = true;
                    break;
                }
            }
            if !advanced {
                i += 1;
            }
        }
    }

    /// "Pat Caddell: Democrat Voters Worried ..." in the first line.
    fn headline(&mut self, s: usize) {
        let sr = self.sentence_range(s);
        let Some(colon) = (sr.start..sr.end.min(sr.start + 6)).find(|&k| self.is_punct(k, ":")) else {
            return;
        };
        if colon == sr.start || !(sr.start..colon).all(|k| self.is_cap(k)) || sr.end - colon < 4 {
            return;
        }
        let para = self.paragraph_of(sr.start);
        let mut end = sr.end;
        let mut next = s + 1;
        while next < self.a.sentences.len() && self.a.sentences[next].paragraph == para {
            end = self.a.sentences[next].tokens.end;
            next += 1;
        }
        let source = sr.start..colon;
        self.drafts.push(Draft {
            frame: Frame::Headline,
            cue: colon..colon + 1,
            lemma: ":".to_string(),
            class: CueClass::Assert,
            source_kind: self.source_kind(&source),
            source: Some(source),
            content: vec![colon + 1..end],
            post: None,
            sentence: s,
            open_end: false,
        });
    }

    /// A reporting verb at `cue`: finds its source and content, or gives up.
    fn verb_claim(&mut self, s: usize, cue: Range<usize>, entry: &CueEntry, base_or_s: bool) -> bool {
        let sr = self.sentence_range(s);
        if self.quote_at[cue.start].is_some_and(|q| self.a.quotes[q].spans.len() > 4) {
            // Inside long quoted passages cues are still read; nothing special.
        }
        // Noun homographs count as verbs only after a subject or auxiliary.
        if entry.noun_homograph && base_or_s && cue.start > sr.start {
            let p = self.lw(cue.start - 1);
            if WORDS.determiner.contains(p) || matches!(p, "'s" | "’s") || WORDS.preposition.contains(p) || p == "of"
            {
                return false;
            }
            // A subject or an auxiliary must come right before: a pronoun, a name, a modal,
            // "to", an adverb, or a relative pronoun ("the swing states of Ohio" is a noun).
            let prev = cue.start - 1;
            let verb_context = WORDS.pronoun.contains(p)
                || WORDS.aux.contains(p)
                || WORDS.relative.contains(p)
                || matches!(p, "to" | "who" | "also" | "never" | "often")
                || p.ends_with("ly")
                || (self.is_cap(prev) && !self.starts_sentence(prev));
            if !verb_context {
                return false;
            }
        }
        if entry.noun_homograph && base_or_s && cue.start == sr.start {
            return false;
        }
        // Extend the cue over a medium phrase right after it ("said in a statement").
        let mut cue_end = cue.end;
        if let Some(end) = self.medium_pp(cue.end, sr.end) {
            cue_end = end;
        }
        let after = self.skip_right(cue_end, sr.end, entry);
        let left = self.skip_left(cue.start, sr.start);

        // What stands right before the cue decides where the source is.
        let before = left.checked_sub(1).filter(|&b| b >= sr.start);
        let mut source: Option<Range<usize>> = None;
        let mut inverted = false;
        let mut relative = false;
        let mut coordinated_with: Option<usize> = None;
        match before {
            Some(b) if WORDS.relative.contains(self.lw(b)) && self.lw(b) != "who" => {
                let floor = sr.start;
                let ante_end = if b > floor && self.is_comma(b - 1) { b - 1 } else { b };
                source = self.np_left(ante_end, floor);
                relative = true;
            }
            Some(b) if self.lw(b) == "who" => {
                let ante_end = if b > sr.start && self.is_comma(b - 1) { b - 1 } else { b };
                source = self.np_left(ante_end, sr.start).or(Some(b..b + 1));
                relative = true;
            }
            Some(b) if matches!(self.lw(b), "and" | "but") => {
                coordinated_with = self.coordination(s, b);
                if let Some(d) = coordinated_with {
                    source = self.drafts[d].source.clone();
                } else {
                    source = self.sentence_subject(s, b);
                }
            }
            Some(b) if self.is_comma(b) || self.closes_quote(b).is_some() || self.is_dash(b) => {
                // "“...,” said X" (inverted) or "Trump, speaking at a rally, warned".
                let np = self.np_right(cue_end, sr.end);
                let np_then_end = np.as_ref().is_some_and(|r| {
                    r.end >= sr.end || self.is_terminal(r.end) || self.is_comma(r.end) || self.is_punct(r.end, ":")
                });
                // "..., said Batchelder." closing the sentence reads inverted too.
                let np_closes = np.as_ref().is_some_and(|r| {
                    let tail = self.with_apposition(r.clone(), sr.end);
                    tail.end >= sr.end || self.is_terminal(tail.end)
                });
                if np_then_end && self.closes_quote(b).is_some()
                    || (np_then_end && self.is_comma(b) && b > sr.start && self.closes_quote(b - 1).is_some())
                    || (np_closes && self.is_comma(b) && b > sr.start)
                {
                    source = np.map(|r| self.with_apposition(r, sr.end));
                    inverted = true;
                } else if self.is_comma(b) {
                    if let Some(ing) = self.participle_source(s, b, &cue) {
                        source = Some(ing);
                    } else {
                        source = self.appositive_source(s, b);
                    }
                }
            }
            Some(b) => {
                source = self.np_left(b + 1, sr.start);
            }
            None => {
                // Sentence-initial cue: "Said Trump: ..." reads inverted.
                let np = self.np_right(cue_end, sr.end);
                if np.as_ref().is_some_and(|r| r.end < sr.end && matches!(self.text(r.end), ":" | ",")) {
                    source = np;
                    inverted = true;
                }
            }
        }
        let Some(source) = source else { return false };
        // "I think", "you know" inside a quotation are the speaker's hedges, not claims
        // reported by the article.
        if self.quote_at[cue.start].is_some()
            && source.len() == 1
            && matches!(self.lw(source.start), "i" | "we" | "you")
        {
            return false;
        }
        // "the poll found", "the statement read"; any subject when a that-clause follows
        // ("an arbitration panel found that ...", "video shows that ...").
        let that_follows = !inverted && after < sr.end && self.lw(after) == "that";
        // People (even unnamed) "found explosives": only documents find without a clause.
        if entry.document_subject && !that_follows && self.source_kind(&source) != SourceKind::Document {
            return false;
        }
        // "as rich as he says he is", "whatever he says", "no matter what anyone says": the
        // cue is inside a comparison or a free relative, not a report.
        if !inverted
            && source.start > sr.start
            && matches!(self.lw(source.start - 1), "as" | "than" | "whatever" | "what" | "whoever")
        {
            return false;
        }
        let after = if inverted { self.skip_right(source.end, sr.end, entry) } else { after };

        // Postposed: the cue (with its source) closes the sentence or is followed by a comma
        // and a quotation: the content is before.
        let left_edge = if inverted { left } else { source.start.min(left) };
        // "“...,” she said of the election, ...": a quotation closing right before the source
        // makes the cue postposed, whatever follows it.
        // Only when the quotation opens the sentence (or began before it).
        let quote_before = left_edge > sr.start && {
            let mark = if self.is_comma(left_edge - 1) { left_edge.checked_sub(2) } else { Some(left_edge - 1) };
            mark.filter(|&m| m >= sr.start)
                .and_then(|m| self.closes_quote(m))
                .is_some_and(|q| self.quote_tokens[q].start <= sr.start)
        };
        let closes = inverted
            || quote_before
            || after >= sr.end
            || self.is_terminal(after)
            || (self.is_comma(after)
                && (self.opens_quote(after + 1)
                    || self.lw(after + 1).ends_with("ing")
                    || self.lw(after + 1) == "according"
                    || self.is_terminal(after + 1)));
        let content_before = left_edge > sr.start
            && (self.is_comma(left_edge - 1)
                || self.closes_quote(left_edge - 1).is_some()
                || self.is_dash(left_edge - 1))
            || (left_edge == sr.start && self.sentence_starts_after_quote(s));
        if closes && content_before && !relative && coordinated_with.is_none() {
            let Some(mut content) = self.content_before(s, left_edge) else { return false };
            if self.is_comma(after) && self.opens_quote(after + 1) {
                if let Some(q) = self.quote_at[after + 1] {
                    content.push(after + 1..self.quote_tokens[q].end);
                }
            }
            let cue_range = cue.start..cue_end;
            self.push_verb_draft(Frame::Postposed, cue_range, entry, source, content, s);
            return true;
        }
        // Parenthetical: "Acts of protest, Mr. Obama said, are acts of patriotism": the
        // content is both sides of the cue.
        let parenthetical = !closes
            && content_before
            && !relative
            && coordinated_with.is_none()
            && self.is_comma(after)
            && after + 1 < sr.end
            && self.is_word(after + 1)
            && !self.lw(after + 1).ends_with("ing")
            // The sentence resumes with its verb ("are acts of patriotism"), after a short
            // subject; otherwise what follows is an apposition ("..., evidence that ...").
            && (WORDS.aux.contains(self.lw(after + 1)) || left_edge.saturating_sub(sr.start) <= 8);
        if parenthetical {
            let end = self.content_end(s);
            if let Some(mut content) = self.content_before(s, left_edge) {
                if end > after + 1 {
                    content.push(after + 1..end);
                    self.push_verb_draft(Frame::Postposed, cue.start..cue_end, entry, source, content, s);
                    return true;
                }
            }
        }
        if inverted {
            return false;
        }

        // Preposed: content after the cue.
        let mut start = after;
        if start < sr.end && (self.is_punct(start, ":") || self.is_comma(start) && self.opens_quote(start + 1)) {
            start += 1;
        }
        if start < sr.end && self.is_comma(start) {
            // "Fifth Amendment claims, prosecutors ...": a noun, nothing reported.
            return false;
        }
        let content = if start >= sr.end {
            // "X said:" closing its paragraph: the content is the quotation that follows.
            if sr.end > sr.start && self.is_punct(sr.end - 1, ":") {
                match self.quote_at.get(sr.end).copied().flatten() {
                    Some(q) if self.quote_tokens[q].start == sr.end => vec![self.quote_tokens[q].clone()],
                    _ => return false,
                }
            } else {
                return false;
            }
        } else {
            let mut end = self.content_end(s);
            // A cue inside a quotation keeps its content inside it.
            if let Some(q) = self.quote_at[cue.start] {
                if self.quote_tokens[q].start < cue.start {
                    end = end.min(self.quote_tokens[q].end.saturating_sub(1));
                    while end > start && self.is_terminal(end - 1) {
                        end -= 1;
                    }
                }
            }
            // A quotation opened in the content may run on past the sentence.
            if let Some(q) = self.quote_at[start] {
                if self.quote_tokens[q].start == start && self.quote_tokens[q].end > end {
                    end = self.quote_tokens[q].end;
                }
            }
            if end <= start {
                return false;
            }
            vec![start..end]
        };
        let first = content[0].start;
        let content_words = content.iter().map(|r| r.clone().filter(|&k| self.is_word(k)).count()).sum::<usize>();
        let clause_like = self.lw(first) == "that"
            || self.opens_quote(first)
            || (first > 0 && self.is_punct(first - 1, ":"))
            || matches!(self.lw(first), "whether" | "if" | "how" | "why" | "what" | "when" | "to")
            || (content_words >= 3 && self.looks_like_clause_start(first));
        if content_words == 0 {
            return false;
        }
        if entry.weak && !clause_like {
            return false;
        }
        if entry.naming {
            // The object noun phrase, then right after it the name given to it.
            let named = content.first().is_some_and(|r| {
                self.np_right(r.start, r.end).is_some_and(|np| {
                    // A quoted purpose ("called Trump “to thank him”") names nothing.
                    let quoted_name = self.opens_quote(np.end) && self.lw(np.end + 1) != "to";
                    np.end < r.end && (quoted_name || matches!(self.lw(np.end), "a" | "an"))
                })
            });
            if !named || clause_like && self.lw(first) == "to" {
                return false;
            }
        }
        if entry.speech_act && !(first..(first + 3).min(sr.end)).any(|k| WORDS.speech_act.contains(self.lw(k))) {
            return false;
        }
        let mut content = content;
        if let Some(last) = content.last_mut() {
            last.end = self.adjunct_cut(last.clone(), clause_like);
        }
        if let Some(d) = coordinated_with {
            // "confirmed the report and said ...": the first claim ends before "and".
            let and = before.unwrap_or(cue.start);
            let cut = if and > 0 && self.is_comma(and - 1) { and - 1 } else { and };
            if let Some(last) = self.drafts[d].content.last_mut() {
                if last.end > cut && last.start < cut {
                    last.end = cut;
                }
            }
        }
        let frame = Frame::Preposed;
        self.push_verb_draft(frame, cue.start..cue_end, entry, source, content, s);
        true
    }

    /// Where reported content stops before a trailing adjunct the annotators leave out:
    /// a participle clause (", claiming ...", ", looping the streets ..."), a clause
    /// of circumstance (", and when pressed ...", ", as Pyongyang fired ..."); for a bare
    /// object ("condemned the launch, which ...") an apposition or relative clause after a comma.
    fn adjunct_cut(&self, content: Range<usize>, clause_like: bool) -> usize {
        let outer = self.quote_at.get(content.start).copied().flatten();
        for k in content.start + 1..content.end.saturating_sub(1) {
            if !self.is_comma(k) || self.quote_at[k] != outer || (outer.is_some() && self.quote_at[k].is_some()) {
                continue;
            }
            let next = self.lw(k + 1);
            let ing = |w: &str| w.len() > 4 && w.ends_with("ing");
            let participle = !self.is_cap(k + 1) && (ing(next) || next.ends_with("ly") && ing(self.lw(k + 2)));
            let circumstance = matches!(next, "as" | "while" | "when" | "after" | "before" | "prompting")
                || (next == "and" && matches!(self.lw(k + 2), "when" | "while" | "after" | "then"));
            // Not a list ("found explosives, automatic weapons and ..."): an apposition or
            // a relative clause after the object.
            let object_ends =
                !clause_like && matches!(next, "which" | "who" | "whom" | "whose" | "the" | "a" | "an" | "but");
            if participle || circumstance || object_ends {
                return k;
            }
        }
        content.end
    }

    fn push_verb_draft(
        &mut self,
        frame: Frame,
        cue: Range<usize>,
        entry: &CueEntry,
        source: Range<usize>,
        content: Vec<Range<usize>>,
        s: usize,
    ) {
        let source_kind = self.source_kind(&source);
        // A preposed cue's content runs on past its sentence when a quotation does.
        let open_end = frame == Frame::Preposed;
        self.drafts.push(Draft {
            frame,
            cue,
            lemma: entry.lemma.to_string(),
            class: entry.class,
            source: Some(source),
            source_kind,
            content,
            post: None,
            sentence: s,
            open_end,
        });
    }

    /// Whether the first token of sentence `s` lies inside a quotation opened earlier.
    fn sentence_starts_after_quote(&self, s: usize) -> bool {
        let sr = self.sentence_range(s);
        self.quote_at.get(sr.start).copied().flatten().is_some_and(|q| self.quote_tokens[q].start < sr.start)
    }

    /// Content before a postposed cue whose source (or cue, inverted) starts at `edge`.
    fn content_before(&self, s: usize, edge: usize) -> Option<Vec<Range<usize>>> {
        let sr = self.sentence_range(s);
        let mut end = edge;
        if end > sr.start && (self.is_comma(end - 1) || self.is_dash(end - 1)) {
            end -= 1;
        }
        // A quotation closing right before: the content is the whole quotation, marks
        // included, however many sentences it spans.
        if end > 0 {
            if let Some(q) = self.closes_quote(end - 1) {
                let qr = self.quote_tokens[q].clone();
                // A quotation that starts mid-sentence after a source of its own ("X said,
                // “...”") is not this cue's.
                return Some(vec![qr.start..end]);
            }
        }
        let mut start = sr.start;
        if let Some(q) = self.quote_at.get(sr.start).copied().flatten() {
            if self.quote_tokens[q].start < sr.start && self.quote_tokens[q].end >= end {
                start = self.quote_tokens[q].start;
            }
        }
        // Content inside a sentence that carries a cue of its own before this one ends
        // at the earlier claim; keep it simple: from the last clause opener.
        if let Some(d) = self.drafts.last() {
            if d.sentence == s && d.last_token() <= end && d.last_token() > start {
                start = d.last_token();
                while start < end && (self.is_comma(start) || WORDS.conjunction.contains(self.lw(start))) {
                    start += 1;
                }
            }
        }
        (end > start && (start..end).any(|k| self.is_word(k))).then(|| vec![start..end])
    }

    /// "X confirmed the report and said ...": the claim of the same sentence this cue is
    /// coordinated with, when its content is short enough to end before "and".
    fn coordination(&self, s: usize, and: usize) -> Option<usize> {
        let d = self.drafts.len().checked_sub(1)?;
        let prev = &self.drafts[d];
        if prev.sentence != s || prev.frame != Frame::Preposed || prev.cue.end > and {
            return None;
        }
        let gap = and - prev.cue.end;
        let commas = (prev.cue.end..and).filter(|&k| self.is_comma(k)).count();
        (gap <= 8 && commas <= 1 && !(prev.cue.end..and).any(|k| self.lw(k) == "that")).then_some(d)
    }

    /// The subject at the start of sentence `s`, for a cue coordinated with a verb that is
    /// not a cue ("President Trump appreciated the call and told President Putin ...").
    fn sentence_subject(&self, s: usize, limit: usize) -> Option<Range<usize>> {
        let sr = self.sentence_range(s);
        let mut start = sr.start;
        while start < limit && (self.quote_dir(start).is_some() || matches!(self.lw(start), "but" | "and" | "so")) {
            start += 1;
        }
        let np = self.np_right(start, limit)?;
        (np.end < limit && np.end + 12 >= limit && self.is_word(np.end) && !self.is_comma(np.end)).then_some(np)
    }

    /// ", saying/adding ...": the participle's subject is the sentence's source.
    fn participle_source(&self, s: usize, comma: usize, cue: &Range<usize>) -> Option<Range<usize>> {
        if !self.lw(cue.start).ends_with("ing") {
            return None;
        }
        if let Some(d) = self.drafts.last() {
            if d.sentence == s && d.cue.end <= comma {
                return d.source.clone();
            }
        }
        let sr = self.sentence_range(s);
        let np = self.np_right(sr.start, comma)?;
        (np.end < comma && self.is_word(np.end)).then_some(np)
    }

    /// An inverted source with its apposition: "said Steve Smith, a veteran editor who
    /// teaches journalism" runs to the end of the sentence or to a quotation resuming.
    fn with_apposition(&self, np: Range<usize>, limit: usize) -> Range<usize> {
        if np.end >= limit || !self.is_comma(np.end) {
            return np;
        }
        let next = np.end + 1;
        if !(WORDS.determiner.contains(self.lw(next))
            || self.is_cap(next)
            || self.kind(next) == Some(TokenKind::Number)
            || matches!(self.lw(next), "who" | "whose"))
        {
            return np;
        }
        let mut end = next;
        while end < limit && !self.is_terminal(end) && !(self.is_comma(end) && self.opens_quote(end + 1)) {
            if self.quote_dir(end).is_some() || end > next + 25 {
                return np;
            }
            end += 1;
        }
        np.start..end
    }

    /// "Josh Earnest, the White House spokesman, said" / "Trump, speaking in Ohio, warned":
    /// the source is the noun phrase before the first comma (with its apposition).
    fn appositive_source(&self, s: usize, comma: usize) -> Option<Range<usize>> {
        let sr = self.sentence_range(s);
        let floor = comma.saturating_sub(16).max(sr.start);
        let first = (floor..comma).rev().find(|&k| self.is_comma(k))?;
        let np0 = self.np_left(first, sr.start)?;
        let mut start = np0.start;
        while start > sr.start && matches!(self.lw(start - 1), "but" | "and") {
            start -= 1;
        }
        if start != sr.start && !self.is_comma(start - 1) && self.closes_quote(start - 1).is_none() {
            return None;
        }
        let inner = first + 1;
        let apposition = WORDS.determiner.contains(self.lw(inner)) || self.is_cap(inner);
        Some(if apposition { np0.start..comma } else { np0 })
    }

    /// A token that can open a finite clause: a pronoun, determiner, name or number.
    fn looks_like_clause_start(&self, i: usize) -> bool {
        let w = self.lw(i);
        WORDS.pronoun.contains(w)
            || WORDS.determiner.contains(w)
            || self.is_cap(i)
            || self.kind(i) == Some(TokenKind::Number)
            || matches!(w, "there" | "her" | "his" | "its" | "their" | "our")
    }

    /// "According to X, ..." and "..., according to X."
    fn according_claim(&mut self, s: usize, cue: Range<usize>, entry: &CueEntry) -> bool {
        let sr = self.sentence_range(s);
        let after = cue.end;
        let mut source_end = after;
        while source_end < sr.end
            && !self.is_comma(source_end)
            && !self.is_terminal(source_end)
            && !self.is_punct(source_end, ")")
            && source_end < after + 20
        {
            source_end += 1;
        }
        if source_end == after {
            return false;
        }
        let source = after..source_end;
        let content = if cue.start == sr.start
            || (cue.start > sr.start && WORDS.conjunction.contains(self.lw(cue.start - 1)) && cue.start - 1 == sr.start)
        {
            // Preposed: the content follows the comma.
            if source_end >= sr.end || !self.is_comma(source_end) {
                return false;
            }
            let end = self.content_end(s);
            if end <= source_end + 1 {
                return false;
            }
            vec![source_end + 1..end]
        } else {
            let mut end = cue.start;
            if end > sr.start && (self.is_comma(end - 1) || self.is_punct(end - 1, "(") || self.is_dash(end - 1)) {
                end -= 1;
            }
            let Some(c) = self.content_before(s, end + usize::from(end < cue.start)) else { return false };
            c
        };
        let source_kind = self.source_kind(&source);
        self.drafts.push(Draft {
            frame: Frame::According,
            cue,
            lemma: entry.lemma.to_string(),
            class: entry.class,
            source: Some(source),
            source_kind,
            content,
            post: None,
            sentence: s,
            open_end: false,
        });
        true
    }

    /// "a New York Times report that Donald Trump had a net loss ...": a reporting noun
    /// with a that-clause (not "a report that said", which is the verb's).
    fn noun_claim(&mut self, s: usize, cue: Range<usize>, entry: &CueEntry) -> bool {
        let sr = self.sentence_range(s);
        let that = cue.end;
        if that + 1 >= sr.end || self.lw(that) != "that" {
            return false;
        }
        let next = that + 1;
        let nw = self.lw(next);
        if WORDS.aux.contains(nw)
            || self.is_verb_cue_form(next)
            || LEXICON
                .forms_from(nw)
                .iter()
                .any(|(form, entry, _)| form.len() == 1 && LEXICON.entries[*entry].part == Part::Verb)
        {
            return false;
        }
        if !self.looks_like_clause_start(next) {
            return false;
        }
        let modifiers = self.np_left(cue.start, sr.start);
        let (source, kind) = match modifiers {
            Some(m) if (m.clone()).any(|k| self.is_cap(k) || matches!(self.lw(k), "'s" | "’s")) => {
                let kind = self.source_kind(&m);
                let mut m = m;
                if m.end > m.start && matches!(self.lw(m.end - 1), "'s" | "’s") {
                    m.end -= 1;
                }
                (m, kind)
            }
            _ => {
                let start = if cue.start > sr.start && WORDS.determiner.contains(self.lw(cue.start - 1)) {
                    cue.start - 1
                } else {
                    cue.start
                };
                if !entry.document {
                    return false;
                }
                (start..cue.end, SourceKind::Document)
            }
        };
        let end = self.content_end(s);
        if end <= that + 1 {
            return false;
        }
        self.drafts.push(Draft {
            frame: Frame::Noun,
            cue,
            lemma: entry.lemma.to_string(),
            class: entry.class,
            source: Some(source),
            source_kind: kind,
            content: vec![that..end],
            post: None,
            sentence: s,
            open_end: true,
        });
        true
    }

    /// A claim whose content ran to the end of its sentence ends before a later main clause
    /// of that sentence: ", White House press secretary Sarah Sanders confirmed ...".
    fn cut_open_ends(&mut self) {
        for d in 0..self.drafts.len() {
            if !self.drafts[d].open_end {
                continue;
            }
            let s = self.drafts[d].sentence;
            for e in d + 1..(d + 4).min(self.drafts.len()) {
                let later = &self.drafts[e];
                if later.sentence != s {
                    break;
                }
                let Some(edge) = later.source.as_ref().map(|r| r.start.min(later.cue.start)) else { continue };
                let Some(last) = self.drafts[d].content.last() else { break };
                if edge <= last.start || edge >= last.end || later.frame == Frame::Postposed {
                    continue;
                }
                let mut cut = edge;
                while cut > last.start && (matches!(self.lw(cut - 1), "and" | "but" | "though" | "although" | "while"))
                {
                    cut -= 1;
                }
                if cut > last.start && (self.is_comma(cut - 1) || self.is_punct(cut - 1, ";")) {
                    cut -= 1;
                    // Keep a closing mark that the comma sat inside: “...,” stays whole.
                } else if cut > last.start && self.closes_quote(cut - 1).is_some() {
                    // “... bombings,” White House press secretary ...: cut after the mark.
                } else {
                    continue;
                }
                if let Some(last) = self.drafts[d].content.last_mut() {
                    last.end = cut;
                }
                break;
            }
        }
    }

    /// Quotations that fill their sentences without a cue of their own continue the claim
    /// just before them ("“X,” said Caddell. “Y.”"; a statement quoted over paragraphs).
    /// Transcripts: a paragraph opening with a speaker label in capitals ("PENCE: Well, ...")
    /// is a direct claim by that speaker, to the end of the paragraph.
    fn speaker_labels(&mut self) {
        let mut para_start = 0;
        while para_start < self.a.sentences.len() {
            let para = self.a.sentences[para_start].paragraph;
            let mut next = para_start + 1;
            while next < self.a.sentences.len() && self.a.sentences[next].paragraph == para {
                next += 1;
            }
            let sr = self.sentence_range(para_start);
            let label_end = (sr.start..sr.end.min(sr.start + 4)).find(|&k| self.is_punct(k, ":"));
            let end = self.sentence_range(next - 1).end;
            if let Some(colon) = label_end.filter(|&c| c > sr.start && c + 1 < end) {
                let shouting = (sr.start..colon).all(|k| {
                    let t = self.text(k);
                    self.is_word(k) && t.chars().count() > 1 && !t.chars().any(char::is_lowercase)
                });
                let covered = self.drafts.iter().any(|d| d.content.iter().any(|r| r.start <= colon && colon < r.end));
                if shouting && para_start > 0 && !covered {
                    let source = sr.start..colon;
                    self.drafts.push(Draft {
                        frame: Frame::Headline,
                        cue: colon..colon + 1,
                        lemma: ":".to_string(),
                        class: CueClass::Assert,
                        source_kind: self.source_kind(&source),
                        source: Some(source),
                        content: vec![colon + 1..end],
                        post: None,
                        sentence: para_start,
                        open_end: false,
                    });
                }
            }
            para_start = next;
        }
    }

    /// Collected quotations signed after a dash at the end of their paragraph:
    /// "“Trump embodies ...” ― Sonya Herridge".
    fn dash_bylines(&mut self) {
        for q in 0..self.a.quotes.len() {
            if !self.a.quotes[q].double || self.a.quotes[q].parent.is_some() {
                continue;
            }
            let qr = self.quote_tokens[q].clone();
            let dash = qr.end;
            if dash >= self.a.tokens.len() || !self.is_dash(dash) {
                continue;
            }
            let para = self.paragraph_of(dash);
            let mut end = dash + 1;
            while end < self.a.tokens.len() && end - dash <= 5 && self.paragraph_of(end) == para && self.is_cap(end) {
                end += 1;
            }
            let at_paragraph_end = end >= self.a.tokens.len() || self.paragraph_of(end) != para;
            if end == dash + 1 || !at_paragraph_end {
                continue;
            }
            // Claims reported inside the quotation do not make it someone else's.
            let taken = self.drafts.iter().any(|d| {
                !(qr.start <= d.cue.start && d.cue.end <= qr.end)
                    && d.content.iter().any(|r| r.start <= qr.start && qr.start < r.end)
            });
            if taken {
                continue;
            }
            let source = dash + 1..end;
            let sentence = self.a.tokens[dash].sentence;
            self.drafts.push(Draft {
                frame: Frame::Postposed,
                cue: dash..dash + 1,
                lemma: "―".to_string(),
                class: CueClass::Assert,
                source_kind: self.source_kind(&source),
                source: Some(source),
                content: vec![qr],
                post: None,
                sentence,
                open_end: false,
            });
        }
    }

    fn bare_quotes(&mut self) {
        // Which draft ends in which sentence, and the tokens contents cover.
        let mut covered = vec![false; self.a.tokens.len()];
        let mut cue_sentences = vec![false; self.a.sentences.len()];
        let mut ends_in: HashMap<usize, usize> = HashMap::new();
        for (di, d) in self.drafts.iter().enumerate() {
            for r in &d.content {
                for c in covered.iter_mut().take(r.end).skip(r.start) {
                    *c = true;
                }
            }
            if let Some(cs) = cue_sentences.get_mut(d.sentence) {
                *cs = true;
            }
            if let Some(t) = self.a.tokens.get(d.last_token().saturating_sub(1)) {
                ends_in.insert(t.sentence, di);
            }
        }
        for q in 0..self.a.quotes.len() {
            let qa = &self.a.quotes[q];
            if !qa.double || qa.parent.is_some() {
                continue;
            }
            let qr = self.quote_tokens[q].clone();
            if covered.get(qr.start).copied().unwrap_or(true) {
                continue;
            }
            let first_sentence = self.a.tokens[qr.start].sentence;
            let last_tok = qr.end.saturating_sub(1);
            let last_sentence = self.a.tokens[last_tok].sentence;
            let sr_first = self.sentence_range(first_sentence);
            let sr_last = self.sentence_range(last_sentence);
            let fills = sr_first.start == qr.start
                && (qr.end..sr_last.end).all(|k| self.is_terminal(k) || self.kind(k) == Some(TokenKind::Punct));
            if !fills || first_sentence == 0 {
                continue;
            }
            // Cues inside the quotation are nested claims; a cue outside it makes it theirs.
            let own_cue = (first_sentence..=last_sentence).any(|s| {
                cue_sentences[s]
                    && self
                        .drafts
                        .iter()
                        .rev()
                        .take(8)
                        .any(|d| d.sentence == s && !(qr.start <= d.cue.start && d.cue.end <= qr.end))
            });
            if own_cue {
                continue;
            }
            let Some(&di) = ends_in.get(&(first_sentence - 1)) else { continue };
            let d = &self.drafts[di];
            let quoted = d.content.iter().any(|r| r.clone().any(|k| self.quote_dir(k).is_some()))
                || (d.cue.end > 0 && self.is_punct(d.cue.end, ":"));
            if !quoted || d.frame == Frame::Post {
                continue;
            }
            self.drafts[di].content.push(qr.clone());
            for c in covered.iter_mut().take(qr.end).skip(qr.start) {
                *c = true;
            }
            ends_in.insert(last_sentence, di);
        }
    }

    fn post_claims(&mut self) {
        for (pi, p) in self.a.posts.iter().enumerate() {
            let content = self.a.tokens_in(&p.content);
            let author = self.a.tokens_in(&p.author_name);
            if content.is_empty() {
                continue;
            }
            let sentence = self.a.tokens[content.end - 1].sentence;
            self.drafts.push(Draft {
                frame: Frame::Post,
                cue: 0..0,
                lemma: String::new(),
                class: CueClass::Post,
                source: (!author.is_empty()).then_some(author),
                source_kind: SourceKind::PostAuthor,
                content: vec![content],
                post: Some(pi),
                sentence,
                open_end: false,
            });
        }
    }

    // ---- assembly ------------------------------------------------------------------------

    /// Token range → byte ranges, one per paragraph it runs through.
    fn byte_spans(&self, r: &Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if r.start >= r.end || r.end > self.a.tokens.len() {
            return out;
        }
        let mut seg_start = r.start;
        for k in r.start + 1..r.end {
            if self.paragraph_of(k) != self.paragraph_of(k - 1) {
                out.push(self.a.tokens[seg_start].start..self.a.tokens[k - 1].end);
                seg_start = k;
            }
        }
        out.push(self.a.tokens[seg_start].start..self.a.tokens[r.end - 1].end);
        out
    }

    fn byte_range(&self, r: &Range<usize>) -> Option<Range<usize>> {
        (r.start < r.end && r.end <= self.a.tokens.len())
            .then(|| self.a.tokens[r.start].start..self.a.tokens[r.end - 1].end)
    }

    fn kind_of(&self, d: &Draft) -> ClaimKind {
        if d.frame == Frame::Post {
            return ClaimKind::Post;
        }
        let has_quote = d.content.iter().any(|r| r.clone().any(|k| self.quote_dir(k).is_some()));
        if !has_quote {
            return ClaimKind::Indirect;
        }
        let all_quoted = d.content.iter().all(|r| {
            let first = r.start;
            let last = r.end.saturating_sub(1);
            self.quote_at[first].is_some()
                && self.quote_at[first] == self.quote_at[last]
                && self.opens_quote(first)
                && self.quote_tokens[self.quote_at[first].unwrap_or(0)].end == r.end
        });
        if all_quoted { ClaimKind::Direct } else { ClaimKind::Mixed }
    }

    fn finish(self) -> Vec<ClaimRec> {
        let a = self.a;
        let mut drafts = self.drafts.clone();
        drafts.retain(|d| d.content.iter().any(|r| r.start < r.end));
        drafts.sort_by_key(|d| {
            let pos = if d.frame == Frame::Post { d.content[0].start } else { d.cue.start };
            (pos, d.cue.end)
        });
        let mut claims: Vec<ClaimRec> = drafts
            .iter()
            .map(|d| {
                let mut content: Vec<Range<usize>> = d.content.iter().flat_map(|r| self.byte_spans(r)).collect();
                content.sort_by_key(|r| (r.start, r.end));
                content.dedup();
                let source_span = if d.frame == Frame::Post {
                    d.post.and_then(|p| a.posts.get(p)).map(|p| p.author_name.clone())
                } else {
                    d.source.as_ref().and_then(|r| self.byte_range(r))
                };
                let entity = if d.frame == Frame::Post {
                    d.post.and_then(|p| a.posts.get(p)).and_then(|p| p.author_entity)
                } else {
                    None
                }
                .or_else(|| source_span.as_ref().and_then(|r| entity_of(a, r)));
                ClaimRec {
                    kind: self.kind_of(d),
                    content,
                    cue: self.byte_range(&d.cue).map(|span| CueRec { span, lemma: d.lemma.clone(), class: d.class }),
                    source: Some(SourceRec { span: source_span, entity, kind: d.source_kind }),
                    parent: None,
                    relations: Vec::new(),
                    time: None,
                    post: d.post,
                }
            })
            .collect();
        resolve_definite_documents(a, &mut claims);
        assign_parents(&mut claims);
        self.relations(&drafts, &mut claims);
        assign_times(a, &drafts, &self, &mut claims);
        claims
    }

    /// "Sanders confirmed the report": a confirm/deny/cite claim whose content is a short
    /// noun phrase naming a document or claim points at the latest claim made by such a
    /// document ("a report that said ...") or through such a noun.
    fn relations(&self, drafts: &[Draft], claims: &mut [ClaimRec]) {
        let mut by_head: HashMap<String, usize> = HashMap::new();
        for (ci, d) in drafts.iter().enumerate() {
            let relation = match (d.class, d.lemma.as_str()) {
                (CueClass::Confirm, _) => Some(RelationType::Confirms),
                (CueClass::Deny, _) => Some(RelationType::Denies),
                (_, "cite" | "repeat" | "reiterate") => Some(RelationType::Cites),
                _ => None,
            };
            if let (Some(rel), [only]) = (relation, d.content.as_slice()) {
                let words = only.clone().filter(|&k| self.is_word(k)).count();
                if words <= 5 && self.lw(only.start) != "that" {
                    let head = self.lw(only.end.saturating_sub(1)).to_string();
                    let singular = head.trim_end_matches('s').to_string();
                    if let Some(&target) = by_head.get(&head).or_else(|| by_head.get(&singular)) {
                        if target != ci {
                            claims[ci].relations.push((rel, target));
                        }
                    }
                }
            }
            // What later text may call this claim: its document source's head noun, or
            // its reporting noun.
            if let Some(src) = &d.source {
                if d.source_kind == SourceKind::Document {
                    by_head.insert(self.lw(src.end.saturating_sub(1)).to_string(), ci);
                }
            }
            if d.frame == Frame::Noun {
                by_head.insert(d.lemma.clone(), ci);
            }
            by_head.insert(
                match d.class {
                    CueClass::Report => "report",
                    CueClass::Claim => "claim",
                    CueClass::Announce => "announcement",
                    CueClass::Post => "tweet",
                    _ => "statement",
                }
                .to_string(),
                ci,
            );
        }
    }
}

/// "the statement read": a definite document with no name in it is the document of the
/// organisation that last spoke before it ("The White House later said in a readout ...").
/// Only organisations and governments issue statements this way, and only a nearby one
/// (within a few paragraphs) is a safe antecedent.
fn resolve_definite_documents(a: &Analysis, claims: &mut [ClaimRec]) {
    const NEARBY_BYTES: usize = 2_000;
    let mut issuer: Option<(usize, usize)> = None;
    for c in claims.iter_mut() {
        let Some(source) = c.source.as_mut() else { continue };
        let Some(span) = source.span.clone() else { continue };
        if source.kind == SourceKind::Named {
            let issues = source
                .entity
                .filter(|&e| matches!(a.entities[e].entity_type, EntityType::Organization | EntityType::Gpe));
            if let Some(e) = issues {
                issuer = Some((e, span.end));
            }
        } else if source.kind == SourceKind::Document && source.entity.is_none() {
            // Only what an organisation issues in its own voice; "the figures" or "the study"
            // need not come from whoever spoke last.
            let words: Vec<&str> = a.slice(&span).split_whitespace().collect();
            let issued = words.last().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "statement"
                        | "readout"
                        | "release"
                        | "communique"
                        | "communiqué"
                        | "announcement"
                        | "memo"
                        | "letter"
                        | "website"
                        | "site"
                        | "transcript"
                )
            });
            let definite = issued && words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
            if let Some((e, _)) = issuer.filter(|&(_, at)| definite && span.start.saturating_sub(at) <= NEARBY_BYTES) {
                source.entity = Some(e);
            }
        }
    }
}

/// The entity a source phrase refers to: the last mention inside it (the head of "White
/// House press secretary Sarah Sanders"), or a mention covering it.
fn entity_of(a: &Analysis, span: &Range<usize>) -> Option<usize> {
    let first = a.mentions.partition_point(|m| m.span.start < span.start);
    let mut best: Option<usize> = None;
    for (mi, m) in a.mentions.iter().enumerate().skip(first) {
        if m.span.start >= span.end {
            break;
        }
        if m.span.end <= span.end && m.entities.len() == 1 {
            best = Some(mi);
        }
    }
    if best.is_none() && first > 0 {
        let m = &a.mentions[first - 1];
        if m.span.end >= span.end && m.entities.len() == 1 {
            best = Some(first - 1);
        }
    }
    best.and_then(|mi| a.mentions[mi].entities.first().copied())
}

/// The parent of each claim: the claim with the smallest content that contains its cue
/// (a sweep over content spans sorted by start, so it stays near-linear).
fn assign_parents(claims: &mut [ClaimRec]) {
    let total = |c: &ClaimRec| c.content.iter().map(|r| r.len()).sum::<usize>();
    let mut spans: Vec<(usize, usize, usize)> =
        claims.iter().enumerate().flat_map(|(ci, c)| c.content.iter().map(move |r| (r.start, r.end, ci))).collect();
    spans.sort_by_key(|&(s, e, ci)| (s, std::cmp::Reverse(e), ci));
    let mut points: Vec<(usize, usize)> = claims
        .iter()
        .enumerate()
        .filter_map(|(ci, c)| {
            let pos = c.cue.as_ref().map(|q| q.span.start).or_else(|| c.content.first().map(|r| r.start))?;
            Some((pos, ci))
        })
        .collect();
    points.sort_unstable();
    let mut stack: Vec<(usize, usize, usize)> = Vec::new();
    let mut next = 0;
    let sizes: Vec<usize> = claims.iter().map(total).collect();
    for (pos, ci) in points {
        while next < spans.len() && spans[next].0 <= pos {
            stack.push(spans[next]);
            next += 1;
        }
        while stack.last().is_some_and(|&(_, e, _)| e <= pos) {
            stack.pop();
        }
        // The innermost open span that contains the point and belongs to a larger claim.
        let parent = stack
            .iter()
            .rev()
            .take(16)
            .find(|&&(s, e, p)| p != ci && s <= pos && pos < e && sizes[p] > sizes[ci])
            .map(|&(_, _, p)| p);
        claims[ci].parent = parent;
    }
}

/// The time of a claim: a time expression between its source and content, or right
/// after its cue ("reported Friday").
fn assign_times(a: &Analysis, drafts: &[Draft], f: &Finder<'_>, claims: &mut [ClaimRec]) {
    if a.times.is_empty() {
        return;
    }
    let mut order: Vec<usize> = (0..a.times.len()).collect();
    order.sort_by_key(|&t| a.times[t].span.start);
    for (ci, d) in drafts.iter().enumerate() {
        if d.frame == Frame::Post || d.cue.is_empty() {
            continue;
        }
        let lo = d.source.as_ref().map_or(d.cue.start, |s| s.start.min(d.cue.start));
        let content_start = d.content.iter().map(|r| r.start).filter(|&s| s >= d.cue.end).min();
        let hi = content_start.unwrap_or_else(|| f.sentence_range(d.sentence).end.min(d.cue.end + 4));
        let (Some(lo_b), Some(hi_b)) =
            (a.tokens.get(lo).map(|t| t.start), hi.checked_sub(1).and_then(|h| a.tokens.get(h)))
        else {
            continue;
        };
        let hi_b = hi_b.end;
        let first = order.partition_point(|&t| a.times[t].span.start < lo_b);
        if let Some(&t) = order.get(first) {
            if a.times[t].span.end <= hi_b {
                claims[ci].time = Some(t);
            }
        }
    }
}

#[cfg(test)]
mod tests;
