//! Cues and the claims built around them: walks each sentence's tokens through the cue
//! lexicon (`cues.tsv`) and, for each reporting verb, noun or `according to`, finds the
//! frame it stands in (source and content before or after it) using [`super::sources`]
//! and [`super::content`]; also the claims without a lexical cue: a headline or transcript
//! speaker label ("PENCE: ..."), a quotation signed after a dash, and embedded posts.
//! Reads tokens, sentences, quotations and posts; adds [`Draft`]s.

use super::content::Reading;
use super::*;
use crate::syntax::{Deprel, Upos};

impl Finder<'_> {
    pub(super) fn sentence_claims(&mut self, s: usize) {
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
            for (form, ei, base_or_s) in forms {
                if form.len() > n || !form.iter().enumerate().all(|(k, f)| *f == a.lower(i + k)) {
                    continue;
                }
                let entry = &LEXICON.entries[*ei];
                let cue = i..i + form.len();
                let made = match entry.part {
                    Part::Verb => self.verb_claim(s, cue.clone(), entry, *base_or_s),
                    Part::Prep => self.according_claim(s, cue.clone(), entry),
                    Part::Noun => self.noun_claim(s, cue.clone(), entry),
                };
                if made {
                    if let Some(d) = self.drafts.last_mut() {
                        d.entry = Some(*ei);
                    }
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

    /// A claim whose source is a label before a colon and whose content runs from the colon
    /// to `end` (a headline "Name: ...", a transcript's "SPEAKER: ...").
    fn push_label_draft(&mut self, source: Range<usize>, colon: usize, end: usize, sentence: usize) {
        let kind = self.source_kind(&source);
        self.drafts.push(Draft::rule(
            Frame::Headline,
            colon..colon + 1,
            ":",
            CueClass::Assert,
            Some(source),
            kind,
            vec![colon + 1..end],
            sentence,
        ));
    }

    /// "Pat Caddell: Democrat Voters Worried ..." in the first line.
    pub(super) fn headline(&mut self, s: usize) {
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
        self.push_label_draft(sr.start..colon, colon, end, s);
    }

    /// A reporting verb at `cue`: finds its source and content, or gives up.
    pub(super) fn verb_claim(&mut self, s: usize, cue: Range<usize>, entry: &CueEntry, base_or_s: bool) -> bool {
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
        // The source of ", adding ..." is the sentence's, further left: what precedes it
        // there is not this cue's content.
        let mut borrowed = false;
        // The noun a relative pronoun stands for, which names the source's entity.
        let mut core: Option<Range<usize>> = None;
        match before {
            Some(b) if WORDS.relative.contains(self.lw(b)) => {
                let ante_end = if b > sr.start && self.is_comma(b - 1) { b - 1 } else { b };
                core = self.np_left(ante_end, sr.start);
                // Annotators mark either the noun or its pronoun ("the mayor, *who* said"):
                // the source runs from one to the other, as the parse's does; not "that",
                // which is as often a conjunction or a determiner as a pronoun.
                let pronoun = matches!(self.lw(b), "who" | "which");
                source = match &core {
                    Some(np) if pronoun => Some(np.start..b + 1),
                    Some(np) => Some(np.clone()),
                    None if self.lw(b) == "who" => Some(b..b + 1),
                    None => None,
                };
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
                        borrowed = true;
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
        let quote_before = !borrowed && left_edge > sr.start && {
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
        let content_before = !borrowed
            && (left_edge > sr.start
                && (self.is_comma(left_edge - 1)
                    || self.closes_quote(left_edge - 1).is_some()
                    || self.is_dash(left_edge - 1))
                || (left_edge == sr.start && self.sentence_starts_after_quote(s)));
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
            // A cue in a relative clause reports only inside that clause.
            if relative {
                if let Some(clause) = self.relative_clause_end(cue.start) {
                    end = end.min(clause);
                }
                // A relative clause in the sentence's subject ("Parents who say the school is
                // unsafe | will meet the board") is followed by the sentence's own verb, which
                // the parse often takes into the clause: it starts at the first auxiliary or
                // modal after a finite verb of the content that no conjunction joins to it.
                let subject = core.as_ref().is_some_and(|np| np.start == sr.start && !self.is_comma(np.end));
                if subject {
                    end = end.min(self.second_predicate(start..end));
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
        // "a shortage that demands a quick answer": a thing described by a relative clause
        // makes no report of an object; only a clause or a quotation is reported ("a report
        // that said the talks failed").
        let described = relative && before.is_some_and(|b| matches!(self.lw(b), "that" | "which"));
        if entry.weak && !clause_like {
            return false;
        }
        // What counts as a clause here is stricter than `clause_like`, which takes any three
        // words that may start one: the parse's clausal complement, "that" or a quotation.
        let complement = !self.a.syntax.is_empty()
            && self.a.syntax.word_of_token(cue.start).is_some_and(|w| self.a.syntax.child(w, Deprel::Ccomp).is_some());
        if described && !(complement || self.lw(first) == "that" || self.opens_quote(first)) {
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
        if let Some(d) = self.drafts.last_mut() {
            d.source_core = core;
        }
        true
    }

    pub(super) fn push_verb_draft(
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
            open_end,
            ..Draft::rule(frame, cue, entry.lemma, entry.class, Some(source), source_kind, content, s)
        });
    }

    /// "According to X, ..." and "..., according to X."
    pub(super) fn according_claim(&mut self, s: usize, cue: Range<usize>, entry: &CueEntry) -> bool {
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
        self.drafts.push(Draft::rule(
            Frame::According,
            cue,
            entry.lemma,
            entry.class,
            Some(source),
            source_kind,
            content,
            s,
        ));
        true
    }

    /// "a New York Times report that Donald Trump had a net loss ...": a reporting noun
    /// with a that-clause (not "a report that said", which is the verb's).
    pub(super) fn noun_claim(&mut self, s: usize, cue: Range<usize>, entry: &CueEntry) -> bool {
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
            open_end: true,
            ..Draft::rule(Frame::Noun, cue, entry.lemma, entry.class, Some(source), kind, vec![that..end], s)
        });
        true
    }

    /// Transcripts: a paragraph opening with a speaker label in capitals ("PENCE: Well, ...")
    /// is a direct claim by that speaker, to the end of the paragraph.
    pub(super) fn speaker_labels(&mut self) {
        let mut para_start = 0;
        while para_start < self.a.sentences.len() {
            let para = self.a.sentences[para_start].paragraph;
            let mut next = para_start + 1;
            while next < self.a.sentences.len() && self.a.sentences[next].paragraph == para {
                next += 1;
            }
            let sr = self.sentence_range(para_start);
            // A transcript quoted whole opens each turn with a quotation mark ("“WALLACE: …").
            let first = if self.quote_dir(sr.start).is_some() { sr.start + 1 } else { sr.start };
            let label_end = (first..sr.end.min(first + 4)).find(|&k| self.is_punct(k, ":"));
            let end = self.sentence_range(next - 1).end;
            if let Some(colon) = label_end.filter(|&c| c > first && c + 1 < end) {
                let shouting = (first..colon).all(|k| {
                    let t = self.text(k);
                    self.is_word(k) && t.chars().count() > 1 && !t.chars().any(char::is_lowercase)
                });
                let covered = self.drafts.iter().any(|d| d.content.iter().any(|r| r.start <= colon && colon < r.end));
                if shouting && para_start > 0 && !covered {
                    self.push_label_draft(first..colon, colon, end, para_start);
                }
            }
            para_start = next;
        }
    }

    /// Collected quotations signed after a dash at the end of their paragraph:
    /// "“Trump embodies ...” ― Sonya Herridge".
    pub(super) fn dash_bylines(&mut self) {
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
            let kind = self.source_kind(&source);
            self.drafts.push(Draft::rule(
                Frame::Postposed,
                dash..dash + 1,
                "―",
                CueClass::Assert,
                Some(source),
                kind,
                vec![qr],
                sentence,
            ));
        }
    }

    pub(super) fn post_claims(&mut self) {
        for (pi, p) in self.a.posts.iter().enumerate() {
            let content = self.a.tokens_in(&p.content);
            let author = self.a.tokens_in(&p.author_name);
            if content.is_empty() {
                continue;
            }
            let sentence = self.a.tokens[content.end - 1].sentence;
            self.drafts.push(Draft {
                head: content.start,
                post: Some(pi),
                ..Draft::rule(
                    Frame::Post,
                    0..0,
                    "",
                    CueClass::Post,
                    (!author.is_empty()).then_some(author),
                    SourceKind::PostAuthor,
                    vec![content],
                    sentence,
                )
            });
        }
    }
}

impl<'a> Finder<'a> {
    /// The first auxiliary or modal in `r` that follows a finite verb of `r` with no
    /// subject, conjunction, relative pronoun or comma right before it (`r.end` when none): where a
    /// second predicate starts.
    fn second_predicate(&self, r: Range<usize>) -> usize {
        let syn = &self.a.syntax;
        if syn.is_empty() {
            return r.end;
        }
        let mut finite = false;
        for k in r.clone() {
            let Some(w) = syn.word_of_token(k) else { continue };
            let is_finite = matches!(syn.xpos(w), "VBZ" | "VBD" | "VBP" | "MD");
            if is_finite && finite && syn.upos(w) == Upos::Aux && k > r.start {
                let p = self.lw(k - 1);
                // A noun or pronoun before it is its own subject: "said he was told *he would*".
                let subject = syn
                    .word_of_token(k - 1)
                    .is_some_and(|v| matches!(syn.upos(v), Upos::Pron | Upos::Noun | Upos::Propn | Upos::Num));
                if !(subject || WORDS.conjunction.contains(p) || WORDS.relative.contains(p) || self.is_comma(k - 1)) {
                    return k;
                }
            }
            finite |= is_finite;
        }
        r.end
    }

    /// Where the content of a cue at token `t` in a relative clause ends, when the parse
    /// says: after the cue's clausal complement, else after the relative clause. The parse
    /// often takes a relative clause set off by commas for the main one ("Ms. Ruiz, who
    /// argued that …, lost"), but still hangs the complement on the cue.
    fn relative_clause_end(&self, t: usize) -> Option<usize> {
        let syn = &self.a.syntax;
        if syn.is_empty() {
            return None;
        }
        let w = syn.word_of_token(t)?;
        let end = match syn.child(w, Deprel::Ccomp) {
            Some(c) => self.subtree_tokens(c).end,
            None => self.subtree_tokens(syn.relative_clause(w)?).end,
        };
        // The parse leaves a closing quotation mark out of the clause (", he said “to thank
        // him,”"): the content keeps it.
        let close = if self.is_comma(end) { end + 1 } else { end };
        Some(if self.closes_quote(close).is_some() { close + 1 } else { end })
    }

    /// The lexicon entry of the one-word cue form at token `t` with the given part, if any.
    pub(super) fn entry_at(&self, t: usize, part: Part) -> Option<usize> {
        LEXICON
            .forms_from(self.lw(t))
            .iter()
            .find(|(form, e, _)| form.len() == 1 && LEXICON.entries[*e].part == part)
            .map(|(_, e, _)| *e)
    }

    /// Whether parse word `w` may be a cue: a verb, or a noun or adjective with a clause
    /// ("the claim that ...", "confident that ..."), or a reporting noun of the lexicon.
    fn predicate(&self, w: usize) -> bool {
        let syn = &self.a.syntax;
        match syn.upos(w) {
            Upos::Verb => true,
            Upos::Noun | Upos::Adj => {
                syn.children(w).any(|c| matches!(syn.deprel(c), Deprel::Ccomp | Deprel::Acl))
                    || self.entry_at(syn.token_of(w), Part::Noun).is_some()
            }
            _ => false,
        }
    }

    /// Drafts the parse proposes, one for each thing each predicate may report (see
    /// [`Finder::parse_contents`]), with the source [`Finder::parse_source`] finds: the
    /// learned model (`model`) chooses among them and the rules' drafts.
    pub(super) fn parse_claims(&self, out: &mut Vec<Draft<'a>>) {
        let syn = &self.a.syntax;
        let mut contents = Vec::new();
        let rule_sources: HashMap<usize, Option<Range<usize>>> =
            self.drafts.iter().map(|d| (d.head, d.source.clone())).collect();
        for w in 0..syn.len() {
            if !self.predicate(w) {
                continue;
            }
            contents.clear();
            self.parse_contents(w, &mut contents);
            if contents.is_empty() {
                continue;
            }
            let t = syn.token_of(w);
            let mut cue = t..t + 1;
            if let Some(prt) = syn.child(w, Deprel::CompoundPrt) {
                let pt = syn.token_of(prt);
                if pt == cue.end {
                    cue.end = pt + 1;
                }
            }
            let noun = syn.upos(w) != Upos::Verb;
            let entry = self.entry_at(t, if noun { Part::Noun } else { Part::Verb });
            let (source, mut source_rel) = self.parse_source(w);
            let (mut source, mut source_core) = match source {
                Some((s, c)) if !(s.is_empty() || s.start < cue.end && cue.start < s.end) => (Some(s), Some(c)),
                _ => (None, None),
            };
            if source.is_none() {
                // The parse missed the subject (a long apposition, a tagging slip): the
                // rules' source for this cue, else the noun phrase before it — but not for a
                // reporting noun, whose words before it are its own ("no current *plans*").
                let rule = rule_sources.get(&t).cloned().flatten();
                if let Some(r) = rule.or_else(|| if noun { None } else { self.window_source(t) }) {
                    source = Some(r);
                    source_core = None;
                    source_rel = SourceRel::Window;
                }
            }
            let source_kind = source.as_ref().map_or(SourceKind::Anonymous, |s| self.source_kind(s));
            // "as rich as he says", "whatever he says": a comparison or a free relative, as
            // the rules read them.
            let free = source.as_ref().is_some_and(|s| {
                s.start > 0 && matches!(self.lw(s.start - 1), "as" | "than" | "whatever" | "what" | "whoever")
            });
            if free {
                continue;
            }
            // A restrictive relative clause in the sentence's subject: "Parents who say the
            // school is unsafe | will meet the board" (see `second_predicate`).
            let sentence_start = self.sentence_range(self.a.tokens[t].sentence).start;
            let in_subject = source_rel == SourceRel::Relative
                && source.as_ref().is_some_and(|s| s.start == sentence_start && !s.clone().any(|k| self.is_comma(k)));
            for Reading { origin, head, mut content, cut } in contents.drain(..) {
                if in_subject {
                    if let Some(last) = content.last_mut() {
                        last.end = self.second_predicate(last.clone());
                    }
                    if content.last().is_some_and(|r| r.is_empty()) {
                        continue;
                    }
                }
                if let Some(e) = entry {
                    if !self.fits_entry(&LEXICON.entries[e], w, origin, &content, source_kind) {
                        continue;
                    }
                }
                // Content that takes in the source or cue is not this cue's.
                let overlaps = |r: &Range<usize>| content.iter().any(|c| c.start < r.end && r.start < c.end);
                if overlaps(&cue) || source.as_ref().is_some_and(overlaps) {
                    continue;
                }
                let after = content.first().is_some_and(|c| c.start >= cue.end);
                out.push(Draft {
                    frame: if noun {
                        Frame::Noun
                    } else if after {
                        Frame::Preposed
                    } else {
                        Frame::Postposed
                    },
                    origin,
                    cue: cue.clone(),
                    head: t,
                    lemma: syn.lemma(w),
                    entry,
                    class: entry.map_or(CueClass::Assert, |e| LEXICON.entries[e].class),
                    source: source.clone(),
                    source_core: source_core.clone(),
                    source_rel,
                    source_kind,
                    content_head: Some(head),
                    cut,
                    content,
                    post: None,
                    sentence: self.a.tokens[t].sentence,
                    open_end: false,
                });
            }
        }
    }
}

impl<'a> Finder<'a> {
    /// Every draft for every cue: the rules' (sentence by sentence), then the parse's.
    pub(super) fn generate(&mut self) -> Vec<Draft<'a>> {
        for s in 0..self.a.sentences.len() {
            self.sentence_claims(s);
        }
        let mut parse = Vec::new();
        self.parse_claims(&mut parse);
        let mut all = std::mem::take(&mut self.drafts);
        all.extend(parse);
        all
    }
}

impl Finder<'_> {
    /// Whether a parse reading of predicate `w` fits what its lexicon entry says of the cue:
    /// a weak cue reports only a clause or a quotation ("knows *that* …", not "knows
    /// Clinton"); a naming cue only names ("called him *a liar*", "called *for* …", not
    /// "called Trump" on the phone); a speech-act cue only a speech act ("extended *his
    /// thanks*"); a document cue ("the poll *found*") only with a document as subject or a
    /// that-clause.
    fn fits_entry(&self, e: &CueEntry, w: usize, origin: Origin, content: &[Range<usize>], kind: SourceKind) -> bool {
        let syn = &self.a.syntax;
        let first = content.first().map_or(0, |r| r.start);
        let quoted = self.opens_quote(first);
        let clause = matches!(origin, Origin::Ccomp | Origin::Xcomp | Origin::Clause | Origin::Head);
        if e.weak && !(clause || quoted) {
            return false;
        }
        if e.naming {
            let names = syn.object(w).is_some() && syn.xcomp(w).is_some();
            let asks = origin == Origin::Obl
                && syn.children(w).any(|c| {
                    syn.deprel(c) == Deprel::Obl
                        && syn.case_marker(c).is_some_and(|m| matches!(syn.lemma(m), "for" | "on"))
                });
            if !(asks || names && matches!(origin, Origin::Rest | Origin::Xcomp)) {
                return false;
            }
        }
        if e.speech_act && !(first..first + 3).any(|k| WORDS.speech_act.contains(self.lw(k))) {
            return false;
        }
        if e.document_subject && kind != SourceKind::Document && self.lw(first) != "that" {
            return false;
        }
        true
    }
}
