//! Clause analysis on the dependency parse: reads a sentence's tokens, actors and groups and
//! the syntax stage's parse; adds its frames ([`Frame`]): each verb of PETRARCH2's dictionary
//! (a word the parse tags a verb) or event noun, with its subject and object groups (the
//! subject, or for a passive the "by" agent; the object; a subject left out is the controller's
//! of an infinitive, the first conjunct's, a relative clause's antecedent), its voice, the
//! window its patterns are matched in (its own phrases, not its clauses), the frame it governs
//! or is governed by ("asked Arnor *to share*", "said that ..."), whether it is one of the
//! sentence's main events, and the modality its auxiliaries and governing verb give
//! (negated, hypothetical, future, conditional, planned, prevented). Where the parse fails (no
//! predicate at its root, a verb tagged as an adjective) it falls back on the verbs nearest the
//! root and on the actors around a verb.

use super::actors::group_entities;
use super::combine::Stance;
use super::lexicon::{Form, LEXICON, bits};
use super::patterns::best_pattern;
use super::sentence::Sentence;
use super::words::{
    ASKING, MEASURES, OBJECT_CONTROL, PROMISING, QUANTITIES, REFUSING, REPORTING, STATEMENTS, SUPPORT_VERBS,
    THREATENING,
};
use crate::syntax::{Deprel, Upos};
use std::ops::Range;

/// A verb or event noun found in a sentence, with its frame.
#[derive(Debug, Clone, Default)]
pub(super) struct Frame {
    pub(super) toks: Range<usize>,
    /// The syntactic word of its trigger.
    pub(super) word: Option<usize>,
    pub(super) code: Option<&'static str>,
    pub(super) block: Option<usize>,
    pub(super) noun: bool,
    pub(super) passive: bool,
    pub(super) negated: bool,
    pub(super) hypothetical: bool,
    pub(super) planned: bool,
    pub(super) prevented: bool,
    /// "will", "shall", or "would" in reported speech: what the actor means to do.
    pub(super) future: bool,
    /// With an "unless" or "if" clause: a condition, as threats have.
    pub(super) conditional: bool,
    /// A verb of saying ("said", "told"): what it reports is the event, when there is one.
    pub(super) reporting: bool,
    /// Groups (indices into the sentence's groups) in the subject and object slots.
    pub(super) subject: Option<usize>,
    pub(super) object: Option<usize>,
    /// Token window after the verb: its objects and prepositional phrases, not its clauses.
    pub(super) window: Range<usize>,
    /// Where its clause starts (the window before the verb runs from here).
    pub(super) clause_start: usize,
    /// The noun a relative clause's verb has as its object: "the information [the United
    /// States provided]".
    pub(super) gap: Option<usize>,
    /// The frame whose complement or purpose clause this one is.
    pub(super) governor: Option<usize>,
    /// The frame its clausal complement is ("asked ... *to provide*").
    pub(super) complement: Option<usize>,
    /// One of the sentence's main events (not in a subordinate clause, nor reported by one).
    pub(super) main: bool,
    /// A verb the tagger took for an adjective ([`misread_verb`]): its sides are read off the
    /// tokens around it, not the parse.
    pub(super) misread: bool,
    /// The stance its verb's lemma takes towards its complement, where its code gives none.
    pub(super) stance: Option<super::combine::Stance>,
    /// Its best pattern, once matched (a verb of saying's is needed twice).
    pub(super) pattern: Option<Option<(&'static str, super::patterns::Slots)>>,
}

impl Sentence<'_> {
    /// The verb form starting at token `i`: its length in tokens and its dictionary entry.
    #[inline]
    pub(super) fn verb_form_at(&self, i: usize) -> Option<(usize, Form)> {
        // Asked of most tokens, which are no verb form: their bits say so.
        if !self.is_word(i) || !self.has(i, bits::FORM | bits::STARTS_MULTI) {
            return None;
        }
        self.verb_form_of(i)
    }

    /// [`Sentence::verb_form_at`] for a word that is or starts a verb form.
    pub(super) fn verb_form_of(&self, i: usize) -> Option<(usize, Form)> {
        let info = self.info(i);
        if info.bits & bits::STARTS_MULTI == 0 {
            return info.form.map(|f| (1, f));
        }
        if let Some(list) = LEXICON.multi.get(self.w(i)) {
            for (rest, form) in list {
                if (0..rest.len()).all(|k| self.w(i + 1 + k) == rest[k] && self.in_sentence(i + 1 + k)) {
                    return Some((rest.len() + 1, *form));
                }
            }
        }
        info.form.map(|f| (1, f))
    }

    /// The syntactic word of token `i`.
    pub(super) fn word(&self, i: usize) -> Option<usize> {
        self.a.syntax.word_of_token(i)
    }

    /// The token of syntactic word `w`.
    pub(super) fn token_of(&self, w: usize) -> usize {
        self.a.syntax.token_of(w)
    }

    /// The actor group a nominal names: the group at its head word, else (for "a group of
    /// diplomats", "Moscow's will") the group its "of", "from" or possessive modifier names.
    pub(super) fn group_of(&self, w: usize) -> Option<usize> {
        let syn = &self.a.syntax;
        let mut cur = w;
        for _ in 0..4 {
            // "Tens of thousands of students", "a group of diplomats": a quantity acts through
            // what it counts.
            let quantity = QUANTITIES.contains(&syn.lemma(cur).to_ascii_lowercase())
                && syn.children(cur).any(|c| syn.deprel(c).base() == Deprel::Nmod);
            if let Some(g) = self.group(self.token_of(cur)).filter(|_| !quantity) {
                return Some(g);
            }
            let next = syn.children(cur).find(|&c| match syn.deprel(c) {
                Deprel::NmodPoss => true,
                Deprel::Nmod => syn.case_marker(c).is_some_and(|m| matches!(syn.lemma(m), "of" | "from")),
                _ => false,
            });
            match next {
                Some(n) => cur = n,
                None => {
                    // "North Korean state media": a people or organisation named before the
                    // head, not a place ("a St. Petersburg apartment").
                    return syn
                        .children(cur)
                        .filter(|&c| matches!(syn.deprel(c), Deprel::Compound | Deprel::Amod) && c < cur)
                        .find_map(|c| self.group(self.token_of(c)))
                        .filter(|&g| !self.actors[self.groups[g].0.start].place);
                }
            }
        }
        None
    }
}

/// Verbs and event nouns of a sentence, with their frames, into `frames` (a list kept across
/// sentences).
pub(super) fn find_frames(s: &mut Sentence, frames: &mut Vec<Frame>) {
    frames.clear();
    let syn = &s.a.syntax;
    let mut i = s.toks.start;
    while i < s.toks.end {
        let word = s.word(i);
        let upos = word.map(|w| syn.upos(w));
        if s.group(i).is_some() {
            i += 1;
            continue;
        }
        // A participle that describes a noun ("states led by Bree", "arms seized last week")
        // tells a state of it, not an event.
        // (One with an object of its own is no passive participle: an active verb the tagger
        // took for one, "aircraft using missiles *killed* four soldiers".)
        let state = word.is_some_and(|w| {
            syn.deprel(w) == Deprel::Acl
                && syn.xpos(w) == "VBN"
                && (syn.object(w).is_none() || !rooted_on_subject(s, w))
        });
        // A past form of the verb dictionary the tagger took for an adjective, right after an
        // actor ("Gondor's envoy telephoned Arnor's king"): the actor's verb.
        let misread = upos == Some(Upos::Adj) && misread_verb(s, i);
        if (upos == Some(Upos::Verb) && !state) || misread {
            let form = s.verb_form_at(i).or_else(|| {
                let lemma = syn.lemma(word?);
                LEXICON.forms.get(lemma).map(|f| (1, *f))
            });
            if let Some((len, form)) = form {
                let w = s.w(i);
                // Claim verbs are the claims stage's: "claiming to be" is no accusation. But
                // claiming responsibility is the code book's 015, which the patterns give.
                let responsibility =
                    || word.and_then(|v| syn.object(v)).is_some_and(|o| syn.lemma(o) == "responsibility");
                let claimish =
                    matches!(w, "claim" | "claims" | "claimed" | "claiming" | "allege" | "alleged" | "charged")
                        && !responsibility();
                // Planning and preventing verbs say how their object's event stands (planned,
                // prevented); they are no events of their own.
                let marker = s.has(i, bits::PLANNING | bits::PREVENTING)
                    // "is expected to", "expected to be joined by": what others foresee, no
                    // intent of anyone named (PETRARCH2's "expect" is 030).
                    || word.is_some_and(|w| {
                        syn.lemma(w) == "expect"
                            && (syn.xpos(w) == "VBN"
                                || syn.children_with(w, Deprel::Xcomp).any(|c| syn.is_passive(c)))
                    });
                let lemma = word.map_or("", |w| syn.lemma(w));
                let reporting = REPORTING.contains(lemma);
                let stance = if REFUSING.contains(lemma) {
                    Some(Stance::Reject)
                } else if THREATENING.contains(lemma) {
                    Some(Stance::Threaten)
                } else if ASKING.contains(lemma) {
                    Some(Stance::Appeal)
                } else if PROMISING.contains(lemma) {
                    Some(Stance::Intend)
                } else {
                    None
                };
                frames.push(Frame {
                    toks: i..i + len,
                    word,
                    code: if claimish || marker { None } else { Some(form.code) },
                    block: if claimish || marker { None } else { Some(form.block) },
                    reporting,
                    stance,
                    misread,
                    ..Frame::default()
                });
                i += len;
                continue;
            }
        }
        if upos != Some(Upos::Verb) {
            if let Some((len, code)) = noun_at(s, i) {
                // A two-word noun ("mediation mission") is its head's, which the verb governs.
                let last = s.word(i + len - 1);
                let word = if last.is_some_and(|l| word.is_some_and(|w| syn.head(w) == Some(l))) { last } else { word };
                frames.push(Frame { toks: i..i + len, word, code: Some(code), noun: true, ..Frame::default() });
                i += len;
                continue;
            }
        }
        i += 1;
    }
    for f in 0..frames.len() {
        if !frames[f].noun {
            analyse_verb(s, frames, f);
        }
    }
    // Subjects left out are filled in order: a controller or first conjunct comes first.
    for f in 0..frames.len() {
        if !frames[f].noun {
            inherit_subject(s, frames, f);
        }
    }
    for f in 0..frames.len() {
        if frames[f].noun {
            analyse_noun(s, frames, f);
        }
    }
    // "Police prevented the demonstration": stopping others' protest is the code book's
    // coercion (17), done by the one who stops it to those protesting.
    for f in 0..frames.len() {
        let Some(v) = frames[f].word.filter(|_| !frames[f].noun && s.has(frames[f].toks.start, bits::PREVENTING))
        else {
            continue;
        };
        let protest = s.a.syntax.object(v).and_then(|o| frame_at(frames, o)).filter(|&k| {
            frames[k].noun
                && frames[k].code.is_some_and(|c| c.starts_with("14"))
                && frames[k].subject != frames[f].subject
        });
        if let Some(k) = protest.filter(|_| frames[f].subject.is_some()) {
            frames[f].code = Some("170");
            frames[f].object = frames[k].subject.or(frames[f].object);
        }
    }
    mark_main(s, frames);
    main_by_depth(s, frames);
    for f in frames.iter_mut().filter(|f| f.misread) {
        // The parse has no clause for it: its sides are the actors around it.
        let before = (s.toks.start..f.toks.start).rev().find(|&k| !s.is_time(k));
        f.subject = before.and_then(|k| s.group(k));
        f.object = s.group(f.toks.end).filter(|&g| !s.actors[s.groups[g].0.start].place);
        f.main = f.subject.is_some();
    }
}

/// Whether token `i`, tagged an adjective, is a past form of the verb dictionary ("-ed") right
/// after an actor (past any time phrase), and no participle of a passive ("backed by").
fn misread_verb(s: &Sentence, i: usize) -> bool {
    let w = s.w(i);
    if !w.ends_with("ed") || s.verb_form_at(i).is_none_or(|(_, f)| f.code == "---") {
        return false;
    }
    let before = (s.toks.start..i).rev().find(|&k| !s.is_time(k));
    before.is_some_and(|k| s.group(k).is_some()) && !(i + 1 < s.toks.end && s.w(i + 1) == "by")
}

/// The frame whose trigger is syntactic word `w`.
fn frame_at(frames: &[Frame], w: usize) -> Option<usize> {
    frames.iter().position(|f| f.word == Some(w))
}

/// An event noun at token `i`: two words, else one used as a noun ("the arrest", "bombings",
/// "arrest of").
pub(super) fn noun_at(s: &Sentence, i: usize) -> Option<(usize, &'static str)> {
    if !s.is_word(i) || s.is_cap(i) && i != s.toks.start || !s.has(i, bits::NOUN | bits::STARTS_NOUN_PAIR) {
        return None;
    }
    if s.has(i, bits::STARTS_NOUN_PAIR) {
        if let Some(c) = LEXICON.noun_pairs.get(&(s.forms(i).id, s.forms(i + 1).id)) {
            return Some((2, c));
        }
    }
    let c = s.info(i).noun?;
    let nominal = s.word(i).is_some_and(|w| matches!(s.a.syntax.upos(w), Upos::Noun | Upos::Propn));
    nominal.then_some((1, c))
}

/// Voice, modality, subject, object, windows and the governing frame of a verb, from the
/// parse.
fn analyse_verb(s: &Sentence, frames: &mut [Frame], f: usize) {
    let syn = &s.a.syntax;
    let Some(v) = frames[f].word else { return };
    let rel = syn.deprel(v);
    let passive = syn.is_passive(v)
        || (rel == Deprel::Acl && syn.xpos(v) == "VBN" && (syn.object(v).is_none() || !rooted_on_subject(s, v)));
    let mut negated = syn.negated(v);
    let mut hypothetical = false;
    let mut future = false;
    let mut conditional = false;
    // Reported speech puts "will" into "would": "said it would tighten the blockade".
    let reported =
        rel == Deprel::Ccomp && syn.head(v).and_then(|h| frame_at(frames, h)).is_some_and(|g| frames[g].reporting);
    for c in syn.children(v) {
        match syn.deprel(c) {
            Deprel::Aux => match syn.lemma(c) {
                "will" | "shall" => future = true,
                "would" if reported => future = true,
                "would" | "could" | "might" | "may" | "should" | "can" => hypothetical = true,
                _ => {}
            },
            Deprel::Advcl if syn.mark(c).is_some_and(|m| matches!(syn.lemma(m), "unless" | "if")) => {
                conditional = true;
            }
            Deprel::Advmod if matches!(syn.lemma(c), "not" | "never" | "n't") => negated = true,
            _ => {}
        }
    }
    let group = |w: Option<usize>| w.and_then(|w| s.group_of(w));
    // The subject, through a relative pronoun to its antecedent.
    let relative_subject = subject_word(s, v)
        .is_some_and(|w| syn.upos(w) == Upos::Pron && matches!(syn.lemma(w), "who" | "which" | "that" | "whom"));
    let subject_word = subject_word(s, v).map(|w| match syn.head(v) {
        Some(h) if relative_subject && rel == Deprel::AclRelcl => h,
        _ => w,
    });
    let mut subject = if relative_subject && rel == Deprel::AclRelcl { antecedent(s, v) } else { group(subject_word) };
    if subject.is_none() {
        subject = speaker_for_pronoun(s, frames, v, subject_word);
    }
    if subject.is_none() && !relative_subject && !passive && matches!(rel, Deprel::Acl | Deprel::AclRelcl) {
        // A sentence the parse roots on its subject ("Gondor's aircraft killed ...", the verb
        // hung off the noun as a clause): with no predicate at the root, the verb is the
        // sentence's, and the actor before it its subject.
        let finite = matches!(syn.xpos(v), "VBD" | "VBZ" | "VBP") || syn.object(v).is_some();
        if finite && rooted_on_subject(s, v) {
            let root = syn.ancestors(v).last().unwrap_or(v);
            subject = group(Some(root)).or_else(|| actor_before(s, frames[f].toks.start, None));
        }
    }
    let mut object = target_of(s, v);
    let mut gap = None;
    match rel {
        // "the information the United States provided": the noun is the object.
        Deprel::AclRelcl if syn.object(v).is_none() && subject_word != syn.head(v) => {
            let h = syn.head(v);
            object = object.or_else(|| group(h));
            gap = h.map(|h| s.token_of(h));
        }
        // "arms seized last week": the noun is what the participle was done to.
        Deprel::Acl if passive => subject = subject.or_else(|| group(syn.head(v))),
        _ => {}
    }
    if passive {
        let agent = group(syn.agent(v));
        (subject, object) = (agent, subject.or(object));
    }
    // The window after the verb: its own phrases, up to its first clause, comma or
    // conjunct; a verb of saying keeps its complement, where its patterns look ("said he
    // was skeptical").
    let reporting = frames[f].reporting;
    let trigger_end = frames[f].toks.end;
    let sub = syn.subtree_words(v);
    let mut end = s.token_of(sub.end - 1) + 1;
    for c in syn.children(v).filter(|&c| c > v) {
        // As in PETRARCH, a verb's patterns see the words of a complement that is no event of
        // its own ("promised to continue military aid"), not a complement that is one ("called
        // Pompeo to congratulate him"), nor its coordinated or adverbial clauses.
        let clause = match syn.deprel(c) {
            Deprel::Parataxis | Deprel::Conj | Deprel::Dislocated | Deprel::Cc | Deprel::Advcl => true,
            // (A claim verb the parse hangs there, "hand over *alleged* bombers", is none.)
            Deprel::Xcomp | Deprel::Ccomp => {
                !reporting && has_event(s, c) && frame_at(frames, c).is_none_or(|g| frames[g].code.is_some())
            }
            _ => false,
        };
        if clause {
            end = end.min(s.token_of(syn.subtree_words(c).start));
        }
    }
    // Nor what a statement it issues says ("issued a declaration *demanding* ...").
    if let Some(c) = issued_clause(s, v).filter(|&c| has_event(s, c)) {
        end = end.min(s.token_of(syn.subtree_words(c).start));
    }
    // Bounded, as PETRARCH's patterns are short: the stage stays linear in the tokens.
    let window = trigger_end..end.clamp(trigger_end, s.toks.end.min(trigger_end + 30));
    let clause_start =
        s.token_of(sub.start).clamp(s.toks.start.max(frames[f].toks.start.saturating_sub(40)), frames[f].toks.start);
    // The frame this one completes: a complement, a purpose clause, a reported clause.
    let governor = match rel {
        Deprel::Xcomp | Deprel::Ccomp | Deprel::Advcl | Deprel::Csubj => {
            syn.head(v).and_then(|h| frame_at(frames, h)).filter(|&g| !frames[g].noun)
        }
        _ => None,
    };
    let fr = &mut frames[f];
    fr.passive = passive;
    fr.negated = negated;
    fr.hypothetical = hypothetical && !future;
    fr.future = future;
    fr.conditional = conditional;
    fr.subject = subject;
    fr.object = object;
    fr.gap = gap;
    fr.window = window;
    fr.clause_start = clause_start;
    fr.governor = governor;
    if let Some(g) = governor {
        if matches!(rel, Deprel::Xcomp | Deprel::Ccomp) && frames[g].complement.is_none() {
            frames[g].complement = Some(f);
        }
        let gt = frames[g].toks.start;
        if s.has(gt, bits::PLANNING) {
            frames[f].planned = true;
        }
        if s.has(gt, bits::PREVENTING) {
            frames[f].prevented = true;
        }
    }
}

/// "Turkey said it had asked": a pronoun subject (`w`) the entities stage left unresolved, of
/// a clause (headed by `k`) that a verb of saying reports, is the speaker.
fn speaker_for_pronoun(s: &Sentence, frames: &[Frame], k: usize, w: Option<usize>) -> Option<usize> {
    let syn = &s.a.syntax;
    if syn.deprel(k) != Deprel::Ccomp || w.is_none_or(|w| syn.upos(w) != Upos::Pron) {
        return None;
    }
    syn.head(k).and_then(|h| frame_at(frames, h)).filter(|&g| frames[g].reporting).and_then(|g| frames[g].subject)
}

/// The subject of predicate `v`. A parse that gives a verb two subjects ("said Monday it had
/// asked", "Human rights watchdog Amnesty International accused") is right about the one next
/// to the verb: the nearest before it that is no time phrase, else the first; but one set off
/// by a comma from the subject before it is that subject's apposition ("A member of the
/// council, Tom Bombadil, started"), and the first names the actor.
pub(super) fn subject_word(s: &Sentence, v: usize) -> Option<usize> {
    let syn = &s.a.syntax;
    let mut subjects = syn.children(v).filter(|&c| syn.deprel(c).is_subject());
    let first = subjects.next()?;
    let mut best: Option<usize> = None;
    for c in std::iter::once(first).chain(subjects).filter(|&c| c < v && !s.is_time(s.token_of(c))) {
        let start = syn.subtree_words(c).start;
        let apposed = best.is_some() && start > 0 && syn.lemma(start - 1) == ",";
        if !apposed {
            best = Some(c);
        }
    }
    best.or(Some(first))
}

/// The clause (its verb) a statement that verb `v` issues says ("issued a declaration
/// *demanding* ...", "released a statement *condemning* ..."): a participle or infinitive
/// clause of its object, the statement doing what the clause says.
pub(super) fn issued_clause(s: &Sentence, v: usize) -> Option<usize> {
    let syn = &s.a.syntax;
    // (Asked of most verbs: a match on the lemma, no hash.)
    if !matches!(syn.lemma(v), "issue" | "release" | "publish" | "adopt" | "make" | "send" | "pass") {
        return None;
    }
    let o = syn.object(v).filter(|&o| STATEMENTS.contains(&syn.lemma(o).to_ascii_lowercase()))?;
    let bare = |c: usize| syn.upos(c) == Upos::Verb && subject_word(s, c).is_none();
    // Or the parse hangs it off the verb, right after the statement ("issued a statement
    // *condemning*" as an adverbial participle).
    let after = syn.subtree_words(o).end;
    syn.children(o).find(|&c| matches!(syn.deprel(c), Deprel::Acl | Deprel::AclRelcl) && bare(c)).or_else(|| {
        syn.children(v).find(|&c| {
            syn.deprel(c) == Deprel::Advcl && syn.xpos(c) == "VBG" && syn.subtree_words(c).start == after && bare(c)
        })
    })
}

/// The head of the noun phrase group `g`'s last word is in: the word its compound, name or
/// adjective modifies ("the Gondor Relief *Coordinator*", "Soviet *aircraft*").
pub(super) fn phrase_head(s: &Sentence, g: usize) -> Option<usize> {
    let syn = &s.a.syntax;
    let mut w = s.word(s.groups[g].1.end - 1)?;
    for _ in 0..4 {
        match syn.head(w) {
            Some(h) if matches!(syn.deprel(w), Deprel::Compound | Deprel::Flat | Deprel::Amod) => w = h,
            _ => break,
        }
    }
    Some(w)
}

/// Whether word `v` hangs below a sentence root that is no predicate: a noun or adjective
/// before it with no subject or copula of its own ("Gondor's aircraft killed ..." rooted on
/// "aircraft"), where the parse took the sentence's subject for its head.
fn rooted_on_subject(s: &Sentence, v: usize) -> bool {
    let syn = &s.a.syntax;
    let root = syn.ancestors(v).last().unwrap_or(v);
    root < v
        && !matches!(syn.upos(root), Upos::Verb | Upos::Aux)
        && !syn.children(root).any(|c| syn.deprel(c).is_subject() || syn.deprel(c) == Deprel::Cop)
}

/// The actor nearest before token `t` that is no place nor time, as PETRARCH reads a sentence
/// the parse failed on; an apposition there ("Tom Bombadil, the council's envoy, demanded")
/// stands for the name it is set beside.
pub(super) fn actor_before(s: &Sentence, t: usize, not: Option<usize>) -> Option<usize> {
    let syn = &s.a.syntax;
    let g = (s.toks.start..t)
        .rev()
        .filter(|&k| !s.is_time(k))
        .find_map(|k| s.group(k).filter(|&g| !s.actors[s.groups[g].0.start].place && Some(g) != not))?;
    let w = phrase_head(s, g)?;
    let named = (syn.deprel(w) == Deprel::Appos).then(|| syn.head(w)).flatten().and_then(|h| s.group_of(h));
    Some(named.filter(|&x| x != g && Some(x) != not).unwrap_or(g))
}

/// The actor a relative clause (headed by verb `v`) is about: its head noun's group; for
/// "who", a person, looking past an organisation the clause was attached to ("seven people
/// claiming to be members of the Islamic State who were planning").
pub(super) fn antecedent(s: &Sentence, v: usize) -> Option<usize> {
    let syn = &s.a.syntax;
    let h = syn.head(v)?;
    let first = s.group_of(h);
    let who = subject_word(s, v).is_some_and(|w| syn.lemma(w) == "who");
    let person = |g: usize| {
        s.groups[g].0.clone().all(|m| {
            let x = &s.actors[m];
            x.entities.iter().all(|&e| s.a.entities[e].entity_type == crate::schema::EntityType::Person)
        })
    };
    if !who || first.is_some_and(person) {
        return first;
    }
    std::iter::once(h).chain(syn.ancestors(h)).take(5).filter_map(|x| s.group_of(x)).find(|&g| person(g)).or(first)
}

/// The target of verb `v`, as PETRARCH finds it, the first actor among the verb's own
/// arguments: its object (or what the object is "of" or belongs to), an actor a prepositional
/// phrase of the verb or its object names ("apologized to Brazil", "action against Moscow"),
/// else, for a verb without an object, a country the event is directed at ("arrived in
/// Bosnia"). A time phrase ("during a
/// rally in Michigan") or a place that only describes a thing ("a St. Petersburg apartment")
/// is never one.
fn target_of(s: &Sentence, v: usize) -> Option<usize> {
    let syn = &s.a.syntax;
    let case = |w: usize| syn.case_marker(w).map_or("", |m| syn.lemma(m));
    let toward = |c: &str| {
        matches!(
            c,
            "to" | "with"
                | "against"
                | "on"
                | "upon"
                | "toward"
                | "towards"
                | "into"
                | "from"
                | "for"
                | "over"
                | "at"
                | "of"
        )
    };
    let located = |c: &str| matches!(c, "in" | "inside" | "throughout" | "across" | "within");
    let is_place = |g: usize| s.actors[s.groups[g].0.start].place;
    let obj = syn.object(v).or_else(|| syn.indirect_object(v));
    if let Some(g) = obj.and_then(|o| s.group_of(o)) {
        return Some(g);
    }
    let obliques: Vec<usize> =
        syn.children(v).filter(|&c| syn.deprel(c).base() == Deprel::Obl && syn.deprel(c) != Deprel::OblAgent).collect();
    // The object's own phrases, and its conjuncts' ("his thanks and congratulations to X").
    let nmods: Vec<usize> = obj
        .into_iter()
        .flat_map(|o| std::iter::once(o).chain(syn.children_with(o, Deprel::Conj)))
        .flat_map(|o| syn.children_with(o, Deprel::Nmod))
        .collect();
    // An active verb has no agent: a "by" phrase after its object is whom the object is by
    // ("denied charges by Gondor", "condemned the raid by Mordor").
    let by_object = obj.is_some() && !syn.is_passive(v);
    for &w in obliques.iter().chain(&nmods) {
        if toward(case(w)) || case(w) == "by" && (by_object || nmods.contains(&w)) {
            if let Some(g) = s.group_of(w) {
                return Some(g);
            }
        }
    }
    // One level down, whom the thing is for: "suspended part of an aid program for Rohan" is
    // directed at Rohan (not so a thing's destination or topic: "a trip to Bree", "a ban on
    // flights to Bree").
    let inner = obliques.iter().chain(&nmods).filter(|&&w| toward(case(w)));
    for w in inner.flat_map(|&w| syn.children_with(w, Deprel::Nmod)) {
        if case(w) == "for" {
            if let Some(g) = s.group_of(w) {
                return Some(g);
            }
        }
    }
    // A verb with no object of its own may be directed at the country it happens in
    // ("arrived in Bosnia"); where it has one, the place is only where ("searched an apartment
    // in Bree").
    if obj.is_some() {
        return None;
    }
    obliques.iter().filter(|&&w| located(case(w))).find_map(|&w| s.group_of(w).filter(|&g| is_place(g)))
}

/// A subject the parse leaves out: an infinitive's is its controller's (the object of
/// "asked Arnor to", the subject of "agreed to"), a coordinated verb's the first one's, a
/// participle clause's its main verb's ("..., killing twenty").
fn inherit_subject(s: &Sentence, frames: &mut [Frame], f: usize) {
    if frames[f].subject.is_some() || frames[f].passive {
        return;
    }
    let syn = &s.a.syntax;
    let Some(v) = frames[f].word else { return };
    let Some(h) = syn.head(v) else { return };
    let rel = syn.deprel(v);
    let from_head = |h: usize| -> Option<usize> {
        match frame_at(frames, h) {
            Some(g) if !frames[g].noun => {
                let control = rel == Deprel::Xcomp
                    && frames[g].object.is_some()
                    && (OBJECT_CONTROL.contains(syn.lemma(h))
                        || frames[g].code.is_some_and(|c| c.starts_with("02") || c.starts_with("10")));
                if control { frames[g].object } else { frames[g].subject }
            }
            // "announced that they are willing to forgive": the adjective's subject, or the
            // speaker its pronoun stands for.
            _ => {
                let w = subject_word(s, h);
                w.and_then(|w| s.group_of(w)).or_else(|| speaker_for_pronoun(s, frames, h, w))
            }
        }
    };
    // A predicate the parse hangs off a root that is no verb ("Polish police today released",
    // rooted on "Polish"; "A's officials demanded" as a list): the actor before it.
    let misparsed = |h: usize| {
        h < v
            && !matches!(syn.upos(h), Upos::Verb | Upos::Aux)
            && (syn.head(h).is_none() || syn.deprel(h) == Deprel::Appos)
    };
    // "issued a declaration demanding ...": the issuer's.
    let issuer = || [Some(h), syn.head(h)].into_iter().flatten().find(|&i| issued_clause(s, i) == Some(v));
    let subject = match rel {
        Deprel::Acl | Deprel::AclRelcl | Deprel::Advcl if issuer().is_some() => issuer().and_then(from_head),
        Deprel::Xcomp | Deprel::Advcl | Deprel::Conj if misparsed(h) || misparsed(syn.first_conjunct(v)) => {
            from_head(h).or_else(|| actor_before(s, frames[f].toks.start, None))
        }
        Deprel::Xcomp | Deprel::Advcl => from_head(h),
        Deprel::Conj => from_head(syn.first_conjunct(v)).or_else(|| {
            let first = syn.first_conjunct(v);
            frame_at(frames, first).and_then(|g| frames[g].subject)
        }),
        _ => None,
    };
    frames[f].subject = subject;
}

/// Participants and modality of an event noun: "of", "by", "between", the verb it is the
/// object of ("launched an attack", "were planning bombings").
fn analyse_noun(s: &Sentence, frames: &mut [Frame], f: usize) {
    let n = frames[f].toks.clone();
    let after = n.end;
    let limit = s.toks.end.min(after + 10);
    let syn = &s.a.syntax;
    let prev = |b: u32| n.start > s.toks.start && s.has(n.start - 1, b);
    let mut subject = None;
    let mut object = None;
    match s.w(after) {
        "of" | "on" | "against" | "with" | "to" => {
            object = s.group(after + 1).or_else(|| s.group(after + 2));
        }
        "between" => {
            if let Some(g) = s.group(after + 1) {
                if s.groups[g].0.len() >= 2 {
                    // "talks between A and B": the first with the others; but a mediation
                    // between them is someone else's, done to both.
                    if frames[f].code != Some("045") {
                        subject = Some(g);
                    }
                    object = Some(g);
                }
            }
        }
        _ => {}
    }
    if let Some(by) = (after..limit).take_while(|&k| !matches!(s.w(k), "," | ";")).find(|&k| s.w(k) == "by") {
        subject = s.group(by + 1).or(subject);
    }
    // "Palestinian riots", "Hezbollah's attack": the actor right before the noun does it.
    if subject.is_none() && n.start > s.toks.start {
        // Not an agent's word that only qualifies the noun ("an *official* protest", a
        // formal one): an adjective naming no entity.
        let qualifier = |g: usize| {
            let x = &s.actors[s.groups[g].0.start];
            x.entities.is_empty()
                && x.toks.len() == 1
                && s.word(x.toks.start).is_some_and(|w| syn.upos(w) == Upos::Adj && syn.deprel(w) == Deprel::Amod)
        };
        subject = s.group(n.start - 1).filter(|&g| s.groups[g].1.end == n.start && !qualifier(g));
    }
    // The verb it is the object or subject of; through a measure of it ("launched ten days
    // of war games", "held a round of talks").
    let head = frames[f].word.and_then(|w| {
        let h = syn.head(w)?;
        let measure = syn.deprel(w) == Deprel::Nmod
            && syn.case_marker(w).is_some_and(|m| syn.lemma(m) == "of")
            && MEASURES.contains(&syn.lemma(h).to_ascii_lowercase());
        if measure { Some((syn.head(h)?, syn.deprel(h))) } else { Some((h, syn.deprel(w))) }
    });
    if let Some((h, rel)) = head {
        if let Some(g) = frame_at(frames, h).filter(|&g| !frames[g].noun) {
            let gt = frames[g].toks.start;
            let lemma = syn.lemma(h);
            if rel == Deprel::Obj {
                if s.has(gt, bits::PLANNING) {
                    frames[f].planned = true;
                }
                if s.has(gt, bits::PREVENTING) {
                    frames[f].prevented = true;
                }
                if subject.is_none() && (SUPPORT_VERBS.contains(lemma) || s.has(gt, bits::PLANNING)) {
                    subject = frames[g].subject;
                }
                if frames[g].negated {
                    frames[f].negated = true;
                }
            }
            // "the attacks were stopped".
            if rel == Deprel::NsubjPass && s.has(gt, bits::PREVENTING) {
                frames[f].prevented = true;
            }
        } else if rel == Deprel::Obj && subject.is_none() && SUPPORT_VERBS.contains(syn.lemma(h)) {
            // "renewed its appeal", "undertook a mediation mission": a support verb the
            // dictionary has no entry for still lends its subject.
            subject = subject_word(s, h).and_then(|w| s.group_of(w));
        }
    }
    if prev(bits::PLANNING) {
        frames[f].planned = true;
    }
    if prev(bits::PREVENTING) {
        frames[f].prevented = true;
    }
    let code = frames[f].code.unwrap_or("");
    if let Some(w) = frames[f].word.filter(|_| Stance::of(code).is_some()) {
        // "an appeal to Arnor *to release* ...", "renewed its appeal ... *to release*": what an
        // appeal, a demand or a threat is for, told by the clause after it (the noun's, or its
        // support verb's), is its complement, as for the verb.
        let to_clause = |c: usize| {
            c > w
                && syn.upos(c) == Upos::Verb
                && syn.children(c).any(|m| syn.deprel(m) == Deprel::Mark && syn.lemma(m) == "to")
        };
        let own = syn.children(w).filter(|&c| syn.deprel(c) == Deprel::Acl);
        let support = head
            .filter(|&(h, rel)| rel == Deprel::Obj && SUPPORT_VERBS.contains(syn.lemma(h)))
            .into_iter()
            .flat_map(|(h, _)| syn.children(h).filter(|&c| matches!(syn.deprel(c), Deprel::Advcl | Deprel::Xcomp)));
        frames[f].complement =
            own.chain(support).filter(|&c| to_clause(c)).find_map(|c| frame_at(frames, c).filter(|&g| !frames[g].noun));
    }
    if subject.is_none() && object.is_none() && code.starts_with("04") {
        // "The two leaders spoke Thursday and on the call": a call between the subject's members.
        let g = s.groups.iter().position(|(m, r)| r.start < n.start && group_entities(s, m.clone()) >= 2);
        subject = g;
        object = g;
    }
    if object.is_none() && matches!(code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08")) {
        // "A and B launched joint exercises": cooperation by coordinated actors with no one else
        // named is between them.
        object = subject.filter(|&g| s.groups[g].0.len() >= 2);
    }
    frames[f].subject = subject;
    frames[f].object = object;
}

/// Marks the sentence's main events: the root's, through verbs of saying to what they
/// report, with its coordinated verbs; when the root is no event ("is", "continued"), the
/// events its complement or its subject and object name.
fn mark_main(s: &Sentence, frames: &mut [Frame]) {
    let syn = &s.a.syntax;
    let (Some(first), Some(last)) = (s.word(s.toks.start), s.word(s.toks.end - 1)) else { return };
    let mut roots: Vec<usize> = Vec::new();
    for w in first..=last {
        if syn.head(w).is_none() {
            roots.push(w);
        }
    }
    for r in roots {
        let mut todo = vec![r];
        let mut steps = 0;
        while let Some(w) = todo.pop() {
            steps += 1;
            if steps > 16 {
                break;
            }
            // A verb with no code of its own ("reached an agreement") is no event: what it
            // governs may be.
            match frame_at(frames, w) {
                // (A preventing verb with no code is none: "An attempt to kill the governor
                // was thwarted" tells the attempt, below.)
                Some(g)
                    if !frames[g].noun
                        && (frames[g].code.is_some() || !s.has(frames[g].toks.start, bits::PREVENTING)) =>
                {
                    // A verb of saying whose own patterns say more than "said" ("said he was
                    // skeptical") is the event itself.
                    let says_more = frames[g].reporting && {
                        let p = match frames[g].pattern {
                            Some(p) => p,
                            None => {
                                let p = best_pattern(s, &frames[g]);
                                frames[g].pattern = Some(p);
                                p
                            }
                        };
                        p.is_some_and(|(c, _)| c.starts_with("01") && c != "010")
                    };
                    // What it reports: its complement, or the clause before it ("Arnor left
                    // the talks, officials said"), whatever relation the parse gave that.
                    // (Not so where the clause it reports tells an event of its own: a word
                    // of that clause, "fighting" in "will withdraw unless ... rebels fighting",
                    // is none of the speaker's outlook.)
                    let reported = frames[g]
                        .reporting
                        .then(|| {
                            syn.ccomp(w).or_else(|| {
                                syn.children(w).find(|&c| {
                                    c < w
                                        && matches!(
                                            syn.deprel(c),
                                            Deprel::Advcl | Deprel::Parataxis | Deprel::Xcomp | Deprel::Conj
                                        )
                                })
                            })
                        })
                        .flatten()
                        .filter(|&c| !says_more || syn.upos(c) == Upos::Verb && frame_at(frames, c).is_some());
                    if let Some(c) = reported.filter(|&c| reports_event(s, frames, c)) {
                        todo.push(c);
                        continue;
                    }
                    // What a statement it issues says is the event ("issued a declaration
                    // demanding ..."), as what a verb of saying reports is.
                    if let Some(c) = issued_clause(s, w).filter(|&c| reports_event(s, frames, c)) {
                        todo.push(c);
                        continue;
                    }
                    frames[g].main = true;
                    todo.extend(syn.children_with(w, Deprel::Conj).filter(|&c| syn.upos(c) == Upos::Verb));
                }
                _ => {
                    // No event here: its complements, coordinated verbs and event nouns.
                    for c in syn.children(w) {
                        match syn.deprel(c) {
                            Deprel::Xcomp | Deprel::Ccomp | Deprel::Conj => todo.push(c),
                            Deprel::Nsubj | Deprel::NsubjPass | Deprel::Obj => {
                                if let Some(g) = frame_at(frames, c).filter(|&g| frames[g].noun) {
                                    frames[g].main = true;
                                } else if frame_at(frames, c).is_none()
                                    && frame_at(frames, w)
                                        .is_some_and(|g| s.has(frames[g].toks.start, bits::PREVENTING))
                                {
                                    // "An attempt *to assassinate* the governor was thwarted",
                                    // "a plan to impose ...": the event the noun's clause names.
                                    todo.extend(syn.children(c).filter(|&x| {
                                        syn.deprel(x) == Deprel::Acl
                                            && syn
                                                .children(x)
                                                .any(|m| syn.deprel(m) == Deprel::Mark && syn.lemma(m) == "to")
                                    }));
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
    }
}

/// When the parse gives a sentence no main event (its root is no predicate: "A top official
/// today praised ..." rooted on "A"), the coded verbs (not infinitives or gerunds) nearest the root
/// stand in for it.
fn main_by_depth(s: &Sentence, frames: &mut [Frame]) {
    if frames.iter().any(|f| f.main) {
        return;
    }
    let syn = &s.a.syntax;
    let depth = |w: usize| syn.ancestors(w).count();
    // Not an infinitive or a gerund: those complete or describe something else.
    // Nor a participle that modifies a noun ("donated items").
    let finite = |w: usize| matches!(syn.xpos(w), "VBD" | "VBZ" | "VBP" | "VBN") && syn.deprel(w) != Deprel::Amod;
    let coded = |f: &Frame| !f.noun && !f.reporting && f.code.is_some_and(|c| c != "---") && f.word.is_some_and(finite);
    let Some(best) = frames.iter().filter(|f| coded(f)).filter_map(|f| f.word.map(depth)).min() else { return };
    for f in frames.iter_mut() {
        if coded(f) && f.word.map(depth) == Some(best) {
            f.main = true;
        }
    }
}

/// Whether clause `c`'s predicate is a verb with a code of its own or an event noun.
fn has_event(s: &Sentence, c: usize) -> bool {
    let t = s.token_of(c);
    if s.word(t) != Some(c) {
        return false;
    }
    match s.verb_form_at(t) {
        Some((_, form)) => form.code != "---",
        None => noun_at(s, t).is_some(),
    }
}

/// Whether clause `c` (or a clause it coordinates) has an event of its own.
/// A verb with no code of its own counts when it tells what someone will do and one of its
/// patterns codes it ("announced that he will *extend* the curfew": an intent or a threat).
fn reports_event(s: &Sentence, frames: &[Frame], c: usize) -> bool {
    let syn = &s.a.syntax;
    std::iter::once(c)
        .chain(syn.children(c).filter(|&x| {
            matches!(syn.deprel(x), Deprel::Xcomp | Deprel::Ccomp | Deprel::Conj | Deprel::Obj | Deprel::Nsubj)
        }))
        .any(|x| {
            frame_at(frames, x).is_some_and(|g| match frames[g].code {
                Some("---") => {
                    frames[g].future
                        && !frames[g].noun
                        && best_pattern(s, &frames[g]).is_some_and(|(code, _)| code != "---")
                }
                Some(_) => true,
                None => frames[g].noun,
            })
        })
}
