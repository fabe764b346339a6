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
//!
//! By concern: `cues` finds cues and the frame around each; `sources` the source phrase,
//! its kind and entity; `content` where content starts and ends; `chains` turns drafts
//! into claims and nests them; `relations` links claims to the claims they confirm, deny
//! or cite and to their times. This file holds the records, the draft and the token helpers
//! every pass shares.

mod chains;
mod content;
mod cues;
mod lexicon;
mod model;
mod relations;
mod sources;
pub mod train;

use crate::analysis::Analysis;
use crate::schema::{ClaimKind, CueClass, EntityType, RelationType, SourceKind};
use crate::text::{QuoteDirection, TokenKind};
use foldhash::{HashMap, HashMapExt};
use lexicon::{CueEntry, LEXICON, Part, WORDS};
pub use model::Model;
use sources::SourceRel;
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
    run_with(model::MODEL.as_ref(), a);
}

/// Runs the stage with the given model (`None`: the rules' drafts alone).
pub fn run_with(model: Option<&Model>, a: &mut Analysis) {
    let claims = Finder::new(a).find(model);
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

/// What proposed a draft: a rule around a lexicon cue, or the parse, through the
/// relation of the content to the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Origin {
    /// The rules of `cues` around a lexicon cue (the frame says which).
    Rule,
    /// The cue's clausal complement ("said *that he left*").
    Ccomp,
    /// Its open clausal complement ("wants *to leave*").
    Xcomp,
    /// Its object ("backed *Clinton*").
    Obj,
    /// Everything after it in its phrase ("called *the charges unfounded*").
    Rest,
    /// An oblique with a preposition ("called *for an inquiry*", "spoke *about the deal*").
    Obl,
    /// The clause the cue is a parenthetical of ("The economy, *he said*, is strong").
    Head,
    /// The clause of a reporting noun or adjective ("the claim *that* ...", "confident *that*").
    Clause,
    /// A prepositional phrase on the cue's object ("raised *questions about* the plan",
    /// "made *the case for* a tax"): the phrase's object is what is reported.
    ObjObl,
}

/// A claim under construction, in token indices.
#[derive(Debug, Clone)]
struct Draft<'a> {
    frame: Frame,
    origin: Origin,
    /// Cue tokens (empty for posts).
    cue: Range<usize>,
    /// The token the cue stands on: its verb, noun, adjective or first word.
    head: usize,
    lemma: &'a str,
    /// The cue's lexicon entry, when it has one.
    entry: Option<usize>,
    class: CueClass,
    /// Source tokens.
    source: Option<Range<usize>>,
    /// The name part of the source, for its entity (the whole source when `None`).
    source_core: Option<Range<usize>>,
    /// How the source was found.
    source_rel: SourceRel,
    source_kind: SourceKind,
    /// The parse word that heads the content (parse drafts).
    content_head: Option<usize>,
    /// Whether the content was cut before a trailing adjunct (parse drafts).
    cut: bool,
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

impl<'a> Draft<'a> {
    /// A draft of the rules: the cue stands on its first token; no lexicon entry index,
    /// source core, content head or cut; not a post; the content's end is fixed.
    #[allow(clippy::too_many_arguments)]
    fn rule(
        frame: Frame,
        cue: Range<usize>,
        lemma: &'a str,
        class: CueClass,
        source: Option<Range<usize>>,
        source_kind: SourceKind,
        content: Vec<Range<usize>>,
        sentence: usize,
    ) -> Self {
        Draft {
            frame,
            origin: Origin::Rule,
            head: cue.start,
            cue,
            lemma,
            entry: None,
            class,
            source,
            source_core: None,
            source_rel: SourceRel::Rules,
            source_kind,
            content_head: None,
            cut: false,
            content,
            post: None,
            sentence,
            open_end: false,
        }
    }

    fn last_token(&self) -> usize {
        let c = self.content.iter().map(|r| r.end).max().unwrap_or(0);
        let s = self.source.as_ref().map_or(0, |r| r.end);
        c.max(s).max(self.cue.end)
    }
}

struct Finder<'a> {
    a: &'a Analysis,
    /// For each token, the top-level double quotation whose marks enclose it (marks
    /// included).
    quote_at: Vec<Option<usize>>,
    /// For each quotation, its first and last token (the marks).
    quote_tokens: Vec<Range<usize>>,
    drafts: Vec<Draft<'a>>,
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

    /// Every pass in order: claims around cues sentence by sentence, then the passes that
    /// need all of them (cut contents, unmarked speakers, signed and bare quotations,
    /// posts), then assembly.
    fn find(mut self, model: Option<&Model>) -> Vec<ClaimRec> {
        if let Some(model) = model {
            let all = self.generate();
            self.select(all, model);
        } else {
            for s in 0..self.a.sentences.len() {
                self.sentence_claims(s);
            }
        }
        self.cut_open_ends();
        self.cut_before_shared_cues();
        self.cut_trailing_adjuncts();
        self.speaker_labels();
        self.dash_bylines();
        self.bare_quotes();
        self.post_claims();
        self.finish()
    }
}

#[cfg(test)]
mod tests;
