//! Chains: drafts become claims (token ranges to byte spans, one per paragraph; the kind
//! from the quotation marks in the content) and each claim gets its parent, the claim
//! whose content holds its cue, from which the say-so chain (`attributed_to`) is built
//! when the document is assembled. Reads [`Draft`]s; adds [`ClaimRec`]s and their parents.

use super::relations::assign_times;
use super::sources::{entity_of, resolve_definite_documents};
use super::*;

impl Finder<'_> {
    /// Token range → byte ranges, one per paragraph it runs through.
    pub(super) fn byte_spans(&self, r: &Range<usize>) -> Vec<Range<usize>> {
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

    pub(super) fn byte_range(&self, r: &Range<usize>) -> Option<Range<usize>> {
        (r.start < r.end && r.end <= self.a.tokens.len())
            .then(|| self.a.tokens[r.start].start..self.a.tokens[r.end - 1].end)
    }

    pub(super) fn kind_of(&self, d: &Draft) -> ClaimKind {
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

    pub(super) fn finish(self) -> Vec<ClaimRec> {
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
                .or_else(|| {
                    let core = d.source_core.as_ref().and_then(|r| self.byte_range(r));
                    core.or_else(|| source_span.clone()).and_then(|r| entity_of(a, &r))
                });
                ClaimRec {
                    kind: self.kind_of(d),
                    content,
                    cue: self.byte_range(&d.cue).map(|span| CueRec {
                        span,
                        lemma: d.lemma.to_string(),
                        class: d.class,
                    }),
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
}

/// The parent of each claim: the claim with the smallest content that contains its cue
/// (a sweep over content spans sorted by start, so it stays near-linear).
pub(super) fn assign_parents(claims: &mut [ClaimRec]) {
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
