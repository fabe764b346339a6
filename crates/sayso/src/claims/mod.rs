//! Stage 6, claims: reads sentences, quotations, posts, times and entities; adds attributed
//! claims (direct, indirect, mixed quotations and posts) with cue, source, nesting and
//! relations.

use crate::analysis::Analysis;
use crate::schema::{ClaimKind, CueClass, RelationType, SourceKind};
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
pub fn run(_a: &mut Analysis) {}
