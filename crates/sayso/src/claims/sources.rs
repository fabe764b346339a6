//! Sources: the noun phrase that says a claim, read from the cue outwards (before it, or
//! after it when inverted: "said Caddell"), with appositions ("Josh Earnest, the White
//! House spokesman,"), the subject shared by a participle (", adding ...") or a coordinated
//! cue; what kind of source it is (named, pronoun, document, anonymous); and the entity it
//! resolves to through the entities stage's mentions. Reads tokens and mentions; adds the
//! source of each [`Draft`] and each claim's entity.

use super::*;
use crate::syntax::{Deprel, Upos};

impl Finder<'_> {
    /// The noun phrase ending just before token `end`, not reaching before `floor`.
    pub(super) fn np_left(&self, end: usize, floor: usize) -> Option<Range<usize>> {
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
        if self.in_dateline(head) {
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
    pub(super) fn np_right(&self, start: usize, limit: usize) -> Option<Range<usize>> {
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
                let verb_like = !self.is_cap(k)
                    && k > start
                    && ((self.is_cap(k - 1) && (w.ends_with("ed") || w.ends_with("es"))) || self.heads_a_clause(k));
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

    /// Whether the parse reads token `t` as a verb with a subject of its own: the end of a
    /// subject noun phrase, not a word of it ("The minister *welcomed* the offer and told …",
    /// where the -ed form after a lowercase noun looks like a participle modifier).
    fn heads_a_clause(&self, t: usize) -> bool {
        let syn = &self.a.syntax;
        syn.word_of_token(t).is_some_and(|w| {
            syn.upos(w) == Upos::Verb
                && syn.children(w).any(|c| matches!(syn.deprel(c), Deprel::Nsubj | Deprel::NsubjOuter))
        })
    }

    pub(super) fn source_kind(&self, r: &Range<usize>) -> SourceKind {
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

    /// Skips leftwards over auxiliaries, adverbs and time phrases between a source and its
    /// cue ("has also said", "on Sunday confirmed"); returns the first skipped token.
    pub(super) fn skip_left(&self, cue: usize, floor: usize) -> usize {
        let mut k = cue;
        while k > floor {
            let t = k - 1;
            let w = self.lw(t);
            if WORDS.aux.contains(w) || (w.len() > 4 && w.ends_with("ly") && !self.is_cap(t)) || self.plain_adverb(t) {
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

    /// Whether token `t` is an adverb by the parse that does not negate ("*almost*
    /// immediately disclosed", "*together* vowed"): not a word of the source before it.
    fn plain_adverb(&self, t: usize) -> bool {
        let syn = &self.a.syntax;
        !self.is_cap(t)
            && !matches!(self.lw(t), "not" | "never" | "n't" | "n’t")
            && syn.word_of_token(t).is_some_and(|w| syn.upos(w) == Upos::Adv && syn.deprel(w) == Deprel::Advmod)
    }

    /// "X confirmed the report and said ...": the claim of the same sentence this cue is
    /// coordinated with, when its content is short enough to end before "and".
    pub(super) fn coordination(&self, s: usize, and: usize) -> Option<usize> {
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
    pub(super) fn sentence_subject(&self, s: usize, limit: usize) -> Option<Range<usize>> {
        let sr = self.sentence_range(s);
        let mut start = sr.start;
        while start < limit && (self.quote_dir(start).is_some() || matches!(self.lw(start), "but" | "and" | "so")) {
            start += 1;
        }
        let np = self.np_right(start, limit)?;
        (np.end < limit && np.end + 12 >= limit && self.is_word(np.end) && !self.is_comma(np.end)).then_some(np)
    }

    /// ", saying/adding ...": the participle's subject is the sentence's source.
    pub(super) fn participle_source(&self, s: usize, comma: usize, cue: &Range<usize>) -> Option<Range<usize>> {
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
    pub(super) fn with_apposition(&self, np: Range<usize>, limit: usize) -> Range<usize> {
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
    pub(super) fn appositive_source(&self, s: usize, comma: usize) -> Option<Range<usize>> {
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
}

/// "the statement read": a definite document with no name in it is the document of the
/// organisation that last spoke before it ("The White House later said in a readout ...").
/// Only organisations and governments issue statements this way, and only a nearby one
/// (within a few paragraphs) is a safe antecedent.
pub(super) fn resolve_definite_documents(a: &Analysis, claims: &mut [ClaimRec]) {
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
pub(super) fn entity_of(a: &Analysis, span: &Range<usize>) -> Option<usize> {
    mention_of(a, span).and_then(|mi| a.mentions[mi].entities.first().copied())
}

/// The mention [`entity_of`] takes a source phrase's entity from (index into the mentions).
pub(super) fn mention_of(a: &Analysis, span: &Range<usize>) -> Option<usize> {
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
    best
}

/// A source phrase and its name part, in tokens.
pub(super) type SourceSpans = (Range<usize>, Range<usize>);

/// How the parse found a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SourceRel {
    /// The cue's subject.
    Subject,
    /// The agent of a passive cue ("was first reported *by the Post*").
    Agent,
    /// The noun a relative clause hangs on ("*parents* who say ...").
    Relative,
    /// The subject of the clause the cue depends on (", *adding* ...", "wants *to say*",
    /// "... and *told* ...").
    Shared,
    /// The noun a participle describes ("a statement *saying* ...").
    Described,
    /// The possessor of a reporting noun ("*Trump's* claim that ...").
    Possessor,
    /// Found by the rules around a lexicon cue.
    Rules,
    /// The noun phrase before the cue, when the parse gives no subject.
    Window,
    /// None found.
    None,
}

impl Finder<'_> {
    /// The tokens of word `w`'s subtree, without punctuation at either edge.
    pub(super) fn subtree_tokens(&self, w: usize) -> Range<usize> {
        let syn = &self.a.syntax;
        let words = syn.subtree_words(w);
        let r = syn.token_of(words.start)..syn.token_of(words.end - 1) + 1;
        self.trim_punct(r)
    }

    /// `r` without punctuation (commas, dashes, quotation marks) at either edge.
    pub(super) fn trim_punct(&self, mut r: Range<usize>) -> Range<usize> {
        while r.start < r.end && !self.is_word(r.start) {
            r.start += 1;
        }
        while r.end > r.start && !self.is_word(r.end - 1) && !self.is_punct(r.end - 1, ")") {
            r.end -= 1;
        }
        r
    }

    /// The name part of a noun phrase headed by word `w`: from its first word to `w` and the
    /// words of a name after it ("Donald J. Trump"), without an apposition, relative clause
    /// or prepositional phrase after the head, whose own names are not the source.
    pub(super) fn core_tokens(&self, w: usize) -> Range<usize> {
        let syn = &self.a.syntax;
        let mut last = w;
        for c in syn.children(w) {
            if c > w && matches!(syn.deprel(c).base(), Deprel::Flat | Deprel::Compound | Deprel::Fixed) {
                last = last.max(syn.subtree_words(c).end - 1);
            }
        }
        let first = syn.subtree_words(w).start;
        self.trim_punct(syn.token_of(first)..syn.token_of(last) + 1)
    }

    /// The source of predicate word `w` on the parse, as tokens (the whole phrase, and its
    /// name part for finding its entity): the subject (the agent of a passive; the noun a
    /// relative pronoun stands for), else the subject of the clause the cue depends on, the
    /// noun a participle describes, or the possessor of a reporting noun.
    pub(super) fn parse_source(&self, w: usize) -> (Option<SourceSpans>, SourceRel) {
        let syn = &self.a.syntax;
        let mut p = w;
        let mut rel = SourceRel::Subject;
        for _ in 0..4 {
            if let Some(agent) = syn.agent(p) {
                return (Some((self.subtree_tokens(agent), self.core_tokens(agent))), SourceRel::Agent);
            }
            // A predicate the parse gives two subjects ("NORFOLK, Va. — The council voted"):
            // the one nearest before it, never a dateline's place or a time phrase.
            let subjects = || {
                syn.children(p)
                    .filter(|&c| matches!(syn.deprel(c), Deprel::Nsubj | Deprel::NsubjOuter) && !self.never_a_source(c))
            };
            let subject = subjects().rev().find(|&c| c < p).or_else(|| subjects().next());
            if let Some(s) = subject {
                if syn.upos(s) == Upos::Pron && matches!(syn.lemma(s), "who" | "that" | "which") {
                    // The noun with its relative pronoun ("Ms. Lopez, who"): the noun names
                    // the source, and annotators mark either.
                    let clause = syn.relative_clause(p).and_then(|c| syn.head(c));
                    return match clause {
                        Some(n) => {
                            let core = self.core_tokens(n);
                            let pronoun = syn.token_of(s);
                            let span = if core.start <= pronoun { core.start..pronoun + 1 } else { core.clone() };
                            (Some((span, core)), SourceRel::Relative)
                        }
                        None => (None, SourceRel::None),
                    };
                }
                return (Some((self.subtree_tokens(s), self.core_tokens(s))), rel);
            }
            // "BANGOR, Maine — The school board voted": the parse may hang the subject on the
            // dateline's place; the source is what follows the dash.
            let dated = syn.children(p).find(|&c| {
                matches!(syn.deprel(c), Deprel::Nsubj | Deprel::NsubjOuter) && self.in_dateline(syn.token_of(c))
            });
            if let Some(r) = dated.and_then(|d| self.after_dateline(self.subtree_tokens(d))) {
                return (Some((r.clone(), r)), rel);
            }
            if syn.passive_subject(p).is_some() {
                return (None, SourceRel::None);
            }
            if syn.upos(p) == Upos::Noun {
                if let Some(poss) = syn.child(p, Deprel::NmodPoss) {
                    return (Some((self.subtree_tokens(poss), self.core_tokens(poss))), SourceRel::Possessor);
                }
            }
            let Some(h) = syn.head(p) else { break };
            match syn.deprel(p) {
                Deprel::Xcomp | Deprel::Conj | Deprel::Advcl => {
                    p = h;
                    rel = SourceRel::Shared;
                }
                // A participle hung on the object of a preposition ("marched through the
                // streets chanting …", "in many cases reporting …") is mostly the parser's
                // attachment of a clause of the verb: its source is that verb's subject.
                Deprel::Acl if syn.upos(h).is_nominal() && syn.case_marker(h).is_some() => {
                    let Some(g) = syn.head(h) else { break };
                    p = g;
                    rel = SourceRel::Shared;
                }
                Deprel::Acl if syn.upos(h).is_nominal() => {
                    return (Some((self.core_tokens(h), self.core_tokens(h))), SourceRel::Described);
                }
                _ => break,
            }
        }
        (None, SourceRel::None)
    }
}

impl Finder<'_> {
    /// Whether parse word `w` heads a phrase that cannot say anything: a place in a dateline
    /// ("NORFOLK, *Va.* — The council voted …") or a time phrase ("*Monday* brought news").
    fn never_a_source(&self, w: usize) -> bool {
        let t = self.a.syntax.token_of(w);
        self.in_dateline(t) || self.is_time_word(t)
    }

    /// Whether token `t` lies in a dateline: the capitalised words and commas opening a
    /// paragraph up to a dash ("NORFOLK, Va. —", "WASHINGTON (AP) —").
    pub(super) fn in_dateline(&self, t: usize) -> bool {
        let Some(tok) = self.a.tokens.get(t) else { return false };
        let sr = self.sentence_range(tok.sentence);
        let first_of_paragraph = tok.sentence == 0
            || self.a.sentences[tok.sentence - 1].paragraph != self.a.sentences[tok.sentence].paragraph;
        if !first_of_paragraph {
            return false;
        }
        let limit = sr.end.min(sr.start + 10);
        let Some(dash) = (sr.start..limit).find(|&k| self.is_dash(k) && k > sr.start) else { return false };
        t < dash
            && (sr.start..dash).all(|k| {
                self.is_cap(k)
                    || self.is_comma(k)
                    || self.is_punct(k, ".")
                    || self.is_punct(k, "(")
                    || self.is_punct(k, ")")
            })
    }

    /// The part of token range `r` after a dateline, if any word is left.
    fn after_dateline(&self, r: Range<usize>) -> Option<Range<usize>> {
        let start = r.clone().find(|&k| !self.in_dateline(k) && !self.is_dash(k))?;
        let rest = self.trim_punct(start..r.end);
        rest.clone().any(|k| self.is_word(k)).then_some(rest)
    }

    /// The source the rules would read before a cue at token `t` when the parse has none:
    /// the noun phrase before it (past auxiliaries, adverbs and times), or before an
    /// apposition set off by commas.
    pub(super) fn window_source(&self, t: usize) -> Option<Range<usize>> {
        let s = self.a.tokens.get(t)?.sentence;
        let sr = self.sentence_range(s);
        let left = self.skip_left(t, sr.start);
        let b = left.checked_sub(1).filter(|&b| b >= sr.start)?;
        if self.is_comma(b) { self.appositive_source(s, b) } else { self.np_left(left, sr.start) }
    }
}
