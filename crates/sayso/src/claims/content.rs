//! Content: where what is reported starts and ends. After a preposed cue the clause that
//! follows (past a hearer, a time or a medium phrase: "told reporters on Sunday that"),
//! cut before trailing adjuncts and later main clauses; before a postposed cue the clause or
//! quotation that precedes it; and quotations that fill their sentences without a cue of
//! their own, which continue the claim before them. Reads tokens, sentences and
//! quotations; adds and trims the content ranges of [`Draft`]s.

use super::*;
use crate::syntax::{Deprel, Upos};

impl Finder<'_> {
    /// A prepositional phrase of medium or occasion starting at `i` ("in a statement",
    /// "on Twitter", "at a rally in Ohio"); returns its end.
    pub(super) fn medium_pp(&self, i: usize, limit: usize) -> Option<usize> {
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
    pub(super) fn skip_right(&self, mut r: usize, limit: usize, entry: &CueEntry) -> usize {
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
    pub(super) fn content_end(&self, s: usize) -> usize {
        let sr = self.sentence_range(s);
        let mut end = sr.end;
        while end > sr.start && self.is_terminal(end - 1) {
            end -= 1;
        }
        end
    }

    /// Where reported content stops before a trailing adjunct the annotators leave out:
    /// a participle clause (", claiming ...", ", looping the streets ..."), a clause
    /// of circumstance (", and when pressed ...", ", as Pyongyang fired ..."); for a bare
    /// object ("condemned the launch, which ...") an apposition or relative clause after a comma.
    pub(super) fn adjunct_cut(&self, content: Range<usize>, clause_like: bool) -> usize {
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

    /// Whether the first token of sentence `s` lies inside a quotation opened earlier.
    pub(super) fn sentence_starts_after_quote(&self, s: usize) -> bool {
        let sr = self.sentence_range(s);
        self.quote_at.get(sr.start).copied().flatten().is_some_and(|q| self.quote_tokens[q].start < sr.start)
    }

    /// Content before a postposed cue whose source (or cue, inverted) starts at `edge`.
    pub(super) fn content_before(&self, s: usize, edge: usize) -> Option<Vec<Range<usize>>> {
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

    /// A token that can open a finite clause: a pronoun, determiner, name or number.
    pub(super) fn looks_like_clause_start(&self, i: usize) -> bool {
        let w = self.lw(i);
        WORDS.pronoun.contains(w)
            || WORDS.determiner.contains(w)
            || self.is_cap(i)
            || self.kind(i) == Some(TokenKind::Number)
            || matches!(w, "there" | "her" | "his" | "its" | "their" | "our")
    }

    /// A claim whose content ran to the end of its sentence ends before a later main clause
    /// of that sentence: ", White House press secretary Sarah Sanders confirmed ...".
    pub(super) fn cut_open_ends(&mut self) {
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

    /// A claim's content ends before a later cue of the same sentence whose source lies
    /// before that content: "told reporters the bridge would reopen*, adding that* ..."
    /// reports two things of one speaker, not the second inside the first. A cue whose
    /// source is inside the content ("said Smith told him ...") is a nested claim and stays.
    pub(super) fn cut_before_shared_cues(&mut self) {
        for d in 0..self.drafts.len() {
            let s = self.drafts[d].sentence;
            for e in d + 1..(d + 4).min(self.drafts.len()) {
                let later = &self.drafts[e];
                if later.sentence != s {
                    break;
                }
                let Some(last) = self.drafts[d].content.last().cloned() else { break };
                let cue = later.cue.start;
                let source_before = later.source.as_ref().is_some_and(|r| r.end <= last.start);
                if cue <= last.start + 1 || cue >= last.end || !source_before || self.quote_at[cue].is_some() {
                    continue;
                }
                let mut cut = cue;
                while cut > last.start + 1 && matches!(self.lw(cut - 1), "and" | "also" | "then") {
                    cut -= 1;
                }
                if cut <= last.start + 1 || !(self.is_comma(cut - 1) || self.is_punct(cut - 1, ";")) {
                    continue;
                }
                if let Some(l) = self.drafts[d].content.last_mut() {
                    l.end = cut - 1;
                }
                break;
            }
        }
    }

    /// A reported clause after its cue ends before a trailing participle or circumstance
    /// clause set off by a comma (", implicitly putting his name on the line", ", as
    /// protesters gathered"): the writer's addition, not what the source said. The model
    /// weighs cut and uncut readings alike, so this is settled here, once for every draft.
    pub(super) fn cut_trailing_adjuncts(&mut self) {
        for d in 0..self.drafts.len() {
            let draft = &self.drafts[d];
            let Some(last) = draft.content.last().cloned() else { continue };
            if draft.frame != Frame::Preposed || last.start < draft.cue.end || self.quote_dir(last.start).is_some() {
                continue;
            }
            let cut = self.adjunct_cut(last.clone(), true);
            if cut > last.start + 1 && cut < last.end {
                if let Some(l) = self.drafts[d].content.last_mut() {
                    l.end = cut;
                }
            }
        }
    }

    /// Quotations that fill their sentences without a cue of their own continue the claim
    /// just before them ("“X,” said Caddell. “Y.”"; a statement quoted over paragraphs).
    /// The bare quotation that may continue draft `d`'s quoted content: a double quotation
    /// opening the sentence right after the draft's last one and filling it. A cheap view of
    /// what [`Finder::bare_quotes`] joins, for labelling drafts in training.
    pub(super) fn continuation(&self, d: &Draft) -> Option<Range<usize>> {
        let last = d.content.last()?;
        if !(last.clone()).any(|k| self.quote_dir(k).is_some()) {
            return None;
        }
        let s = self.a.tokens.get(d.last_token().checked_sub(1)?)?.sentence;
        let next = self.sentence_range(s + 1);
        let q = self.quote_at.get(next.start).copied().flatten()?;
        let qr = self.quote_tokens[q].clone();
        (qr.start == next.start && self.a.quotes[q].close.is_some()).then_some(qr)
    }

    pub(super) fn bare_quotes(&mut self) {
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
            let Some(&last) = ends_in.get(&(first_sentence - 1)) else { continue };
            let quoted = |d: &Draft<'_>| {
                d.content.iter().any(|r| r.clone().any(|k| self.quote_dir(k).is_some()))
                    || (d.cue.end > 0 && self.is_punct(d.cue.end, ":"))
            };
            // "“…,” DuVernay said, *emphasizing* why … . “…”": a participle that goes on
            // from the speaker's quotation, with the same speaker, does not take the next
            // quotation from it.
            let di = if quoted(&self.drafts[last]) {
                last
            } else {
                let same_speaker = |d: &Draft<'_>| {
                    d.source.is_some() && d.source == self.drafts[last].source && d.sentence == first_sentence - 1
                };
                match self.drafts[..last].iter().rposition(|d| same_speaker(d) && quoted(d)) {
                    Some(i) => i,
                    None => continue,
                }
            };
            if self.drafts[di].frame == Frame::Post {
                continue;
            }
            self.drafts[di].content.push(qr.clone());
            for c in covered.iter_mut().take(qr.end).skip(qr.start) {
                *c = true;
            }
            ends_in.insert(last_sentence, di);
        }
    }
}

/// One thing a predicate may report, read from the parse.
pub(super) struct Reading {
    /// How the content hangs on the cue.
    pub origin: Origin,
    /// The parse word heading the content.
    pub head: usize,
    /// The content, as token ranges.
    pub content: Vec<Range<usize>>,
    /// Whether it was cut before a trailing adjunct.
    pub cut: bool,
}

/// Prepositions whose object may be what a cue reports ("called *for* ...", "spoke *about*
/// ...", "warned *of* ...", "pointed *to* ...").
const CONTENT_CASES: [&str; 9] = ["for", "about", "of", "on", "to", "against", "over", "as", "that"];

impl<'a> Finder<'a> {
    /// What predicate word `w` may report, on the parse: its clausal complement (or a
    /// clause set off after it), open complement, object, an oblique with a reporting
    /// preposition, for a noun or adjective its clause, everything after it in its phrase
    /// ("called *the charges unfounded*"), and for a parenthetical cue ("The economy, he
    /// said, is strong") the clause around it. Each also cut before a trailing adjunct
    /// ("…, which …", "…, saying …") when it has one: annotators leave those out as often
    /// as not, and the model learns which.
    pub(super) fn parse_contents(&self, w: usize, out: &mut Vec<Reading>) {
        let syn = &self.a.syntax;
        let nominal = matches!(syn.upos(w), Upos::Noun | Upos::Adj | Upos::Propn);
        let first = out.len();
        for c in syn.children(w) {
            let origin = match syn.deprel(c) {
                Deprel::Ccomp | Deprel::Parataxis if !nominal => Origin::Ccomp,
                Deprel::Ccomp | Deprel::Acl if nominal => Origin::Clause,
                Deprel::Xcomp => Origin::Xcomp,
                Deprel::Obj => Origin::Obj,
                Deprel::Obl | Deprel::Nmod => {
                    let case = syn.case_marker(c).map_or("", |m| syn.lemma(m));
                    if !CONTENT_CASES.contains(&case) {
                        continue;
                    }
                    Origin::Obl
                }
                _ => continue,
            };
            // A phrase on the object: "raised *questions about* the plan", "made *the case
            // for* a tax", "expressed *concern over* …"; the model learns which nouns report.
            if origin == Origin::Obj {
                for n in syn.children(c).filter(|&n| n > c && syn.deprel(n) == Deprel::Nmod) {
                    let case = syn.case_marker(n).map_or("", |m| syn.lemma(m));
                    if CONTENT_CASES.contains(&case) {
                        self.push_reading(out, Origin::ObjObl, n, self.without_case(n));
                    }
                }
            }
            // The preposition is the cue's ("called for"), not the content's.
            let r = if origin == Origin::Obl { self.without_case(c) } else { self.subtree_tokens(c) };
            self.push_reading(out, origin, c, r);
        }
        // Everything after the cue in its phrase, when that is more than one dependent
        // (a coordinated predicate or a clause set off after it is not part of it).
        let t = syn.token_of(w);
        let right: Vec<usize> = syn
            .children(w)
            .filter(|&c| c > w)
            .take_while(|&c| !matches!(syn.deprel(c), Deprel::Conj | Deprel::Cc | Deprel::Parataxis))
            .filter(|&c| syn.upos(c) != Upos::Punct)
            .collect();
        if let (true, Some(&head), Some(&last)) = (right.len() > 1, right.first(), right.last()) {
            let end = syn.token_of(syn.subtree_words(last).end - 1) + 1;
            let r = t + 1..end;
            if !out[first..].iter().any(|x| x.content.first().is_some_and(|c| c.start == r.start && c.end + 1 >= r.end))
            {
                self.push_reading(out, Origin::Rest, head, r);
            }
        }
        let parenthetical = match syn.deprel(w) {
            Deprel::Parataxis => true,
            Deprel::Advcl => syn.mark(w).is_some_and(|m| syn.lemma(m) == "as"),
            _ => false,
        };
        if let (true, Some(h)) = (parenthetical, syn.head(w)) {
            let around = self.subtree_tokens(h);
            let own = {
                let words = syn.subtree_words(w);
                syn.token_of(words.start)..syn.token_of(words.end - 1) + 1
            };
            let spans: Vec<Range<usize>> =
                [around.start..own.start.max(around.start), own.end.min(around.end)..around.end]
                    .into_iter()
                    .filter_map(|r| self.tidy_content(r))
                    .collect();
            if !spans.is_empty() {
                out.push(Reading { origin: Origin::Head, head: h, content: spans, cut: false });
            }
        }
    }

    /// The tokens of word `w`'s subtree without the preposition that opens it.
    fn without_case(&self, w: usize) -> Range<usize> {
        let syn = &self.a.syntax;
        let mut r = self.subtree_tokens(w);
        while r.start < r.end && syn.words_of_token(r.start).any(|x| syn.deprel(x) == Deprel::Case) {
            r.start += 1;
        }
        r
    }

    /// Pushes the reading of `r`, tidied, and its cut before a trailing adjunct if that
    /// differs.
    fn push_reading(&self, out: &mut Vec<Reading>, origin: Origin, head: usize, r: Range<usize>) {
        let Some(r) = self.tidy_content(r) else { return };
        let clause_like = matches!(origin, Origin::Ccomp | Origin::Xcomp | Origin::Clause);
        let cut = self.adjunct_cut(r.clone(), clause_like);
        out.push(Reading { origin, head, content: vec![r.clone()], cut: false });
        if cut < r.end {
            if let Some(c) = self.tidy_content(r.start..cut) {
                out.push(Reading { origin, head, content: vec![c], cut: true });
            }
        }
    }

    /// Content edges as the annotators draw them: no comma, colon or dash at either end; a
    /// quotation opened at the start runs to its closing mark, and a full stop stays
    /// outside unless a closing mark whose quotation opened inside follows it.
    pub(super) fn tidy_content(&self, r: Range<usize>) -> Option<Range<usize>> {
        let mut r = r;
        let edge = |f: &Self, k: usize| {
            f.is_comma(k) || f.is_dash(k) || f.is_punct(k, ":") || f.is_punct(k, ";") || f.is_terminal(k)
        };
        while r.start < r.end && edge(self, r.start) {
            r.start += 1;
        }
        while r.end > r.start && edge(self, r.end - 1) {
            r.end -= 1;
        }
        if r.is_empty() || !r.clone().any(|k| self.is_word(k)) {
            return None;
        }
        // A quotation opened right before the content belongs to it.
        if r.start > 0 && self.opens_quote(r.start - 1) {
            r.start -= 1;
        }
        if let Some(q) = self.quote_at[r.start].filter(|&q| self.quote_tokens[q].start == r.start) {
            r.end = r.end.max(self.quote_tokens[q].end);
        } else {
            // "… “more hours.”": the stop and the mark closing a quotation opened inside.
            let mut k = r.end;
            while k < self.a.tokens.len() && k < r.end + 2 && self.is_terminal(k) {
                k += 1;
            }
            if let Some(q) = self.closes_quote(k) {
                if self.quote_tokens[q].start >= r.start && self.quote_tokens[q].start < r.end {
                    r.end = k + 1;
                }
            }
        }
        Some(r)
    }
}
