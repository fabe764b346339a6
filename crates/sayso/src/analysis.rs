//! The analysis of one article: like a spaCy `Doc`, it holds the text and the layers each
//! stage adds in turn (input → language → text → syntax → embeds → time → entities → claims → events). Stages
//! read the layers before them and write their own; [`crate::assemble`] turns the layers
//! into the public [`crate::Document`].
//!
//! Inside the analysis every position is a byte offset into `text` (a `Range<usize>` on
//! `char` boundaries), and records refer to each other by index into their layer. Ids and
//! the caller's offset unit are applied once, when the document is assembled.

use crate::claims::ClaimRec;
use crate::embeds::{LinkRec, PostRec};
use crate::entities::{EntityRec, MentionRec};
use crate::events::EventRec;
use crate::input::ArticleInput;
use crate::language::LanguageRec;
use crate::syntax::Syntax;
use crate::text::{Quotation, Sentence, Token};
use crate::time::{PublishedRec, TimeRec};
use std::ops::Range;

/// One article and every layer the pipeline has added so far.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The article text; every range below points into it.
    pub text: String,
    /// The article's metadata as given (its `text` moved into [`Analysis::text`]).
    pub meta: ArticleInput,
    /// Publication date: given with the input, read from its web page, or inferred by the
    /// time stage.
    pub published: Option<PublishedRec>,
    /// The article's language (language stage); the stages after embeds run only when it is
    /// English or undetermined.
    pub language: LanguageRec,
    /// The web page the text was read from, when it came as HTML.
    pub page: Option<PageSource>,

    /// Paragraphs (text stage), without their surrounding line breaks.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences in text order (text stage).
    pub sentences: Vec<Sentence>,
    /// Tokens in text order (text stage).
    pub tokens: Vec<Token>,
    /// Paired quotation marks (text stage).
    pub quotes: Vec<Quotation>,
    /// The tokens' lowercase forms, one after another (text stage): lowercased once here
    /// rather than by every stage that compares words, and without a string per token.
    pub lowercase: String,
    /// Where each token's lowercase form ends in `lowercase`.
    pub lowercase_ends: Vec<usize>,

    /// Syntactic words with their tags, lemmas and dependency tree (syntax stage); its
    /// module header describes how to query it.
    pub syntax: Syntax,

    /// Embedded social posts (embeds stage).
    pub posts: Vec<PostRec>,
    /// URLs (embeds stage).
    pub links: Vec<LinkRec>,

    /// Time expressions (time stage).
    pub times: Vec<TimeRec>,

    /// Entity mentions (entities stage), in text order.
    pub mentions: Vec<MentionRec>,
    /// Entities: clusters of mentions (entities stage).
    pub entities: Vec<EntityRec>,

    /// Attributed claims (claims stage).
    pub claims: Vec<ClaimRec>,

    /// Events (events stage).
    pub events: Vec<EventRec>,
    /// The CAMEO actor code of each claim's source (events stage), for the say-so chains.
    pub source_codes: Vec<Option<String>>,

    /// Notes for the reader, added by any stage.
    pub warnings: Vec<WarningRec>,
}

/// The web page an article was read from.
#[derive(Debug, Clone, Default)]
pub struct PageSource {
    /// The page's HTML (decoded), which the source map points into.
    pub html: String,
    /// Per paragraph of the text: its byte range in the text and in `html`.
    pub source_map: Vec<(Range<usize>, Range<usize>)>,
    /// The URL the page names as its own.
    pub canonical_url: Option<String>,
    /// The language the page declares (`<html lang>`, `og:locale`, …): a hint the language
    /// stage weighs against the text, since templates often declare a language the article
    /// is not in.
    pub language: Option<String>,
}

/// A warning raised by a stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarningRec {
    /// Stable machine-readable code.
    pub code: &'static str,
    /// What happened, in words.
    pub message: String,
    /// Where, if it concerns a place in the text.
    pub span: Option<Range<usize>>,
}

impl Analysis {
    /// The text of a byte range.
    #[must_use]
    pub fn slice(&self, r: &Range<usize>) -> &str {
        &self.text[r.clone()]
    }

    /// The text of token `i`.
    #[must_use]
    pub fn token_text(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The lowercase form of token `i` ("" past the last token).
    #[must_use]
    pub fn lower(&self, i: usize) -> &str {
        let Some(&end) = self.lowercase_ends.get(i) else { return "" };
        let start = if i == 0 { 0 } else { self.lowercase_ends[i - 1] };
        &self.lowercase[start..end]
    }

    /// Index of the first token that starts at or after byte `pos`.
    #[must_use]
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Indices of the tokens lying entirely inside the byte range `r`.
    #[must_use]
    pub fn tokens_in(&self, r: &Range<usize>) -> Range<usize> {
        let first = self.token_at_or_after(r.start);
        let last = self.tokens.partition_point(|t| t.end <= r.end);
        first..last.max(first)
    }

    /// Index of the sentence containing byte `pos`, if any.
    #[must_use]
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Records a warning.
    pub fn warn(&mut self, code: &'static str, message: impl Into<String>, span: Option<Range<usize>>) {
        self.warnings.push(WarningRec { code, message: message.into(), span });
    }
}
