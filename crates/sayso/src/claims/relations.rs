//! Relations: a claim that confirms, denies or cites ("Sanders confirmed the report")
//! points at the claim its short noun-phrase content names, and each claim gets the time
//! expression that says when it was made ("reported Friday"). Reads claims, their drafts and
//! the time stage's expressions; adds [`ClaimRec::relations`] and [`ClaimRec::time`].

use super::*;

impl Finder<'_> {
    /// "Sanders confirmed the report": a confirm/deny/cite claim whose content is a short
    /// noun phrase naming a document or claim points at the latest claim made by such a
    /// document ("a report that said ...") or through such a noun.
    pub(super) fn relations(&self, drafts: &[Draft], claims: &mut [ClaimRec]) {
        let mut by_head: HashMap<String, usize> = HashMap::new();
        for (ci, d) in drafts.iter().enumerate() {
            let relation = match (d.class, d.lemma) {
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
                by_head.insert(d.lemma.to_string(), ci);
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

/// The time of a claim: a time expression between its source and content, or right
/// after its cue ("reported Friday").
pub(super) fn assign_times(a: &Analysis, drafts: &[Draft], f: &Finder<'_>, claims: &mut [ClaimRec]) {
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
