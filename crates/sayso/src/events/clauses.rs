//! Clause analysis over tokens: reads a sentence's tokens, actors and groups; adds its
//! frames ([`Frame`]): each verb form of PETRARCH2's dictionary (told from a noun by its left
//! neighbour) or event noun, with its subject and object groups, voice, object window, and
//! the modality its auxiliaries and governing verb give (negated, hypothetical, planned,
//! prevented).

use super::actors::group_entities;
use super::lexicon::{Form, LEXICON, bits};
use super::sentence::Sentence;
use super::words::{OBJECT_CONTROL, SUPPORT_VERBS, base_of, is_irregular_past};
use crate::schema::EntityType;
use std::ops::Range;

/// A verb or event noun found in a sentence, with its frame.
#[derive(Debug, Clone, Default)]
pub(super) struct Frame {
    pub(super) toks: Range<usize>,
    pub(super) code: Option<&'static str>,
    pub(super) block: Option<usize>,
    pub(super) noun: bool,
    pub(super) passive: bool,
    pub(super) infinitive: bool,
    pub(super) negated: bool,
    pub(super) hypothetical: bool,
    pub(super) planned: bool,
    pub(super) prevented: bool,
    /// Groups (indices into the sentence's groups) in the subject and object slots.
    pub(super) subject: Option<usize>,
    pub(super) object: Option<usize>,
    /// Token window after the verb, up to the clause's end.
    pub(super) window: Range<usize>,
    /// Where the subject search stopped (the clause's start).
    pub(super) clause_start: usize,
    /// The noun a reduced relative clause's verb has as its object: "the information [the
    /// United States provided]".
    pub(super) gap: Option<usize>,
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

    /// Whether the word at `i` is used as a verb, judged by its left neighbour.
    pub(super) fn verb_context(&self, i: usize) -> bool {
        if self.is_cap(i) && i != self.toks.start {
            return false;
        }
        if i == self.toks.start {
            // Only a participle opens a sentence as a verb ("Rebuked by Eriador, ...").
            return self.w(i).ends_with("ed") && self.w(i + 1) == "by";
        }
        let mut p = i - 1;
        while p > self.toks.start && self.is_quote(p) {
            p -= 1;
        }
        let prev = self.w(p);
        if self.has(p, bits::DETERMINER | bits::NUMBER) {
            return false;
        }
        // "White House press secretary": a bare verb form after one name is a noun in a
        // compound, as a singular name takes "-s" in the present.
        let w = self.w(i);
        let bare = (!w.ends_with('s') || w.ends_with("ss"))
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && !is_irregular_past(w);
        if bare
            && self
                .group(p)
                .is_some_and(|g| self.groups[g].0.len() == 1 && group_entities(self, self.groups[g].0.clone()) == 1)
        {
            let head = &self.actors[self.groups[self.group(p).expect("group")].0.start];
            let plural = head.entities.is_empty() && self.w(head.toks.end - 1).ends_with('s');
            if !plural {
                return false;
            }
        }
        self.has(p, bits::AUX | bits::NEGATION | bits::RELATIVE | bits::SUBJECT_PRONOUN)
            || self.has(p, bits::CHAIN) && prev != "in"
            || prev.ends_with("ly")
            || matches!(prev, "," | "and" | "or" | "but" | "“" | "\"" | "—" | "-" | "n’t")
            || self.group(p).is_some()
            || self.is_time(p)
            || self.is_quote(i - 1)
    }
}

/// Verbs and event nouns of a sentence, with their frames, into `frames` (a list kept across
/// sentences).
pub(super) fn find_frames(s: &mut Sentence, frames: &mut Vec<Frame>) {
    frames.clear();
    let mut i = s.toks.start;
    while i < s.toks.end {
        if s.group(i).is_some() && !s.is_word(i) {
            i += 1;
            continue;
        }
        let inside_actor = s.group(i).is_some();
        if !inside_actor {
            if let Some((len, form)) = s.verb_form_at(i).filter(|_| s.verb_context(i)) {
                let w = s.w(i);
                // Claim verbs are the claims stage's: "claiming to be" is no accusation.
                let claimish =
                    matches!(w, "claim" | "claims" | "claimed" | "claiming" | "allege" | "alleged" | "charged");
                // Planning and preventing verbs say how their object's event stands (planned,
                // prevented); they are no events of their own.
                let marker = s.has(i, bits::PLANNING | bits::PREVENTING);
                frames.push(Frame {
                    toks: i..i + len,
                    code: if claimish || marker { None } else { Some(form.code) },
                    block: if claimish || marker { None } else { Some(form.block) },
                    ..Frame::default()
                });
                s.verb_at[i - s.toks.start] = Some(frames.len() - 1);
                i += len;
                continue;
            }
            if let Some((len, code)) = noun_at(s, i) {
                frames.push(Frame { toks: i..i + len, code: Some(code), noun: true, ..Frame::default() });
                i += len;
                continue;
            }
        }
        i += 1;
    }
    for f in 0..frames.len() {
        if frames[f].noun {
            continue;
        }
        analyse_verb(s, frames, f);
    }
    for f in 0..frames.len() {
        if frames[f].noun {
            analyse_noun(s, frames, f);
        }
    }
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
    // The classes of the word before, none at the sentence's start.
    let prev = |b: u32| i > s.toks.start && s.has(i - 1, b);
    let nominal = prev(bits::DETERMINER)
        || s.w(i).ends_with('s')
        || i > s.toks.start && s.w(i - 1) == "of"
        || s.w(i + 1) == "of"
        || prev(bits::PLANNING | bits::PREVENTING);
    nominal.then_some((1, c))
}

/// The start of the auxiliary chain before token `v` ("is about to restore" → "is").
pub(super) fn chain_start(s: &Sentence, v: usize) -> usize {
    let mut k = v;
    while k > s.toks.start {
        let w = s.w(k - 1);
        if s.has(k - 1, bits::AUX | bits::NEGATION)
            || (s.has(k - 1, bits::CHAIN) && w != "in")
            || w.ends_with("ly") && s.is_word(k - 1) && !s.is_cap(k - 1)
        {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

pub(super) fn analyse_verb(s: &Sentence, frames: &mut [Frame], f: usize) {
    let v = frames[f].toks.start;
    let cs = chain_start(s, v);
    // The auxiliary chain's tokens, and its last word.
    let chain = cs..v;
    let last = if v > cs { s.w(v - 1) } else { "" };
    let w = s.w(v);
    let participle = w.ends_with("ed")
        || w.ends_with("en")
        || s.has(v, bits::FORM) && !w.ends_with('s') && !w.ends_with("ing") && is_irregular_past(w);
    let frame = &mut frames[f];
    frame.passive =
        participle && chain.clone().rev().take_while(|&k| s.w(k) != "to").any(|k| s.has(k, bits::BE)) && last != "have";
    // NEGATIONS has "n’t".
    frame.negated = chain.clone().any(|k| s.has(k, bits::NEGATION));
    frame.hypothetical = chain.clone().any(|k| s.has(k, bits::MODAL));
    frame.planned = chain.clone().any(|k| s.has(k, bits::FUTURE))
        || (cs..v.saturating_sub(1)).any(|k| s.w(k) == "about" && s.w(k + 1) == "to");
    frame.infinitive = last == "to"
        && !chain.clone().any(|k| matches!(s.w(k), "about" | "able"))
        && !chain.clone().any(|k| s.has(k, bits::AUX));
    // The governing verb of an infinitive: the nearest verb before the chain.
    let governor = if frame.infinitive {
        (0..f).rev().find(|&g| !frames[g].noun && frames[g].toks.end <= cs && frames[g].toks.end + 6 >= cs)
    } else {
        None
    };
    let (subject, clause_start) = if let Some(g) = governor {
        let gv = frames[g].toks.start;
        let object_control = OBJECT_CONTROL.contains(base_of(s.w(gv))) && frames[g].object.is_some();
        if s.has(gv, bits::PLANNING) {
            frames[f].planned = true;
        }
        if s.has(gv, bits::PREVENTING) {
            frames[f].prevented = true;
        }
        (if object_control { frames[g].object } else { frames[g].subject }, cs)
    } else {
        find_subject(s, frames, f, cs)
    };
    let window = object_window(s, frames[f].toks.end);
    let object = first_group(s, &window, frames[f].passive);
    let gap = subject.filter(|_| window.is_empty()).and_then(|g| {
        let mut before = s.groups[g].1.start.checked_sub(1)?;
        if s.has(before, bits::DETERMINER) {
            before = before.checked_sub(1)?;
        }
        let noun = s.is_word(before)
            && !s.has(before, bits::DETERMINER | bits::PREPOSITION | bits::AUX | bits::RELATIVE)
            && s.verb(before).is_none();
        noun.then_some(before)
    });
    let frame = &mut frames[f];
    frame.gap = gap;
    frame.subject = subject;
    frame.clause_start = clause_start;
    frame.window = window;
    frame.object = object;
    if frame.passive {
        // "Eriador was opposed by Osgiliath": the subject is the target; "by X" the source.
        let by = frame.window.clone().find(|&k| s.w(k) == "by").and_then(|k| s.group(k + 1));
        frame.object = frame.subject;
        frame.subject = by;
    }
}

/// The subject of the verb whose auxiliary chain starts at `cs`, and where the clause starts.
pub(super) fn find_subject(s: &Sentence, frames: &[Frame], f: usize, cs: usize) -> (Option<usize>, usize) {
    let floor = s.toks.start.max(cs.saturating_sub(40));
    let mut k = cs;
    let mut first = true;
    while k > floor {
        let i = k - 1;
        if s.is_quote(i) {
            k -= 1;
            continue;
        }
        if let Some(g) = s.group(i) {
            return (Some(g), s.groups[g].1.start);
        }
        let w = s.w(i);
        if first && s.has(i, bits::RELATIVE) && w != "whose" {
            // "people who were planning": the antecedent is the subject.
            let mut j = i;
            while j > floor && (s.w(j - 1) == "," || s.is_quote(j - 1)) {
                j -= 1;
            }
            let Some(g) = j.checked_sub(1).and_then(|p| s.group(p)) else { return (None, i) };
            if w != "who" {
                return (Some(g), i);
            }
            // "who" takes a person: "seven people claiming to be members of the Islamic
            // State who were planning" goes back past the organisation to the people.
            let person = |g: usize| {
                s.groups[g].0.clone().all(|m| {
                    let x = &s.actors[m];
                    x.entities.iter().all(|&e| s.a.entities[e].entity_type == EntityType::Person)
                })
            };
            let mut cand = Some(g);
            let mut steps = 0;
            while let Some(c) = cand {
                if person(c) || steps >= 3 {
                    break;
                }
                steps += 1;
                let start = s.groups[c].1.start;
                cand = (floor.max(start.saturating_sub(8))..start).rev().find_map(|p| s.group(p));
            }
            return (cand.filter(|&c| person(c)).or(Some(g)), i);
        }
        if first && matches!(w, "and" | "or" | "but") {
            // Coordinated verbs share the subject: "chided ... and ousted".
            let prev = (0..f).rev().find(|&g| !frames[g].noun && frames[g].toks.end <= i);
            return (prev.and_then(|g| frames[g].subject), i);
        }
        if s.is_time(i) {
            // "Arnor on Thursday signed": time phrases and their prepositions are skipped.
            k -= 1;
            while k > floor && (s.is_time(k - 1) || s.has(k - 1, bits::PREPOSITION)) {
                k -= 1;
            }
            continue;
        }
        if w == "," {
            // A parenthetical or an apposition between commas: "X, in remarks published on
            // Monday, urged", "Osgiliath, the state's fiercest foe, could".
            let mut j = i;
            let mut skipped = false;
            while j > floor && j + 14 > i {
                j -= 1;
                if s.w(j) == "," || s.group(j).is_some() && s.w(j + 1) == "," {
                    if s.w(j) == "," && s.has(j + 1, bits::PREPOSITION | bits::DETERMINER) {
                        k = j;
                        skipped = true;
                    }
                    break;
                }
                if s.verb(j).is_some() {
                    break;
                }
            }
            if skipped {
                first = false;
                continue;
            }
            return (None, k);
        }
        if matches!(w, ";" | ":" | "(" | ")") || s.has(i, bits::SUBORDINATOR | bits::RELATIVE) || s.verb(i).is_some() {
            return (None, k);
        }
        if first && s.is_word(i) && !s.has(i, bits::DETERMINER | bits::PREPOSITION) {
            // A common noun right before the verb is its subject, and no actor.
            return (None, i);
        }
        first = false;
        k -= 1;
    }
    (None, k)
}

/// The tokens after a verb up to its clause's end (bounded).
pub(super) fn object_window(s: &Sentence, from: usize) -> Range<usize> {
    let limit = s.toks.end.min(from + 30);
    let mut k = from;
    while k < limit {
        let w = s.w(k);
        if s.group(k).is_some() {
            k = s.groups[s.group(k).expect("group")].1.end.max(k + 1);
            continue;
        }
        let infinitive = w == "to" && s.verb_form_at(k + 1).is_some() && !s.is_cap(k + 1);
        if matches!(w, ";" | ":" | "," | "(" | "—")
            || s.has(k, bits::SUBORDINATOR) && k > from
            || s.has(k, bits::RELATIVE)
            || infinitive
        {
            break;
        }
        if k > from && s.verb(k).is_some() && !matches!(s.w(k - 1), "to") {
            break;
        }
        k += 1;
    }
    from..k
}

/// The first actor group in a window (after "by" only for passives, whose "by" is the source).
pub(super) fn first_group(s: &Sentence, window: &Range<usize>, passive: bool) -> Option<usize> {
    window.clone().find_map(|k| {
        let g = s.group(k)?;
        (!(passive && k > 0 && s.w(k - 1) == "by")).then_some(g)
    })
}

pub(super) fn analyse_noun(s: &Sentence, frames: &mut [Frame], f: usize) {
    let n = frames[f].toks.clone();
    let after = n.end;
    let limit = s.toks.end.min(after + 10);
    // The classes of the word before, none at the sentence's start.
    let prev = |b: u32| n.start > s.toks.start && s.has(n.start - 1, b);
    let mut subject = None;
    let mut object = None;
    match s.w(after) {
        "of" | "on" | "against" | "with" | "to" => object = s.group(after + 1).or_else(|| s.group(after + 2)),
        "between" => {
            if let Some(g) = s.group(after + 1) {
                if s.groups[g].0.len() >= 2 {
                    // "talks between A and B": the first with the others.
                    subject = Some(g);
                    object = Some(g);
                }
            }
        }
        _ => {}
    }
    if let Some(by) = (after..limit).take_while(|&k| !matches!(s.w(k), "," | ";")).find(|&k| s.w(k) == "by") {
        subject = s.group(by + 1).or(subject);
    }
    // The verb whose object this noun is: "were planning bombings", "thwarted bombings",
    // "launched an attack".
    let governor = (0..f)
        .rev()
        .find(|&g| !frames[g].noun && frames[g].window.contains(&n.start) && frames[g].window.start + 4 >= n.start);
    if let Some(g) = governor {
        let gv = frames[g].toks.start;
        if s.has(gv, bits::PLANNING) {
            frames[f].planned = true;
        }
        if s.has(gv, bits::PREVENTING) {
            frames[f].prevented = true;
        }
        if subject.is_none() && (SUPPORT_VERBS.contains(base_of(s.w(gv))) || s.has(gv, bits::PLANNING)) {
            subject = frames[g].subject;
        }
        if frames[g].negated {
            frames[f].negated = true;
        }
    }
    if prev(bits::PLANNING) {
        frames[f].planned = true;
    }
    if prev(bits::PREVENTING) {
        frames[f].prevented = true;
    }
    // "the attacks were stopped": the noun is the subject of a passive preventing verb.
    let stopped = (after..s.toks.end.min(after + 4)).find(|&k| s.verb(k).is_some()).is_some_and(|k| {
        let g = s.verb(k).expect("verb");
        frames[g].passive && s.has(k, bits::PREVENTING)
    });
    if stopped {
        frames[f].prevented = true;
    }
    let code = frames[f].code.unwrap_or("");
    if object.is_none()
        && code.starts_with(['1', '2'])
        && (code.starts_with("18") || code.starts_with("19") || code.starts_with("20"))
    {
        // An attack's target is the place attacked: "bombings in St. Petersburg".
        object = (after..limit)
            .take_while(|&k| !matches!(s.w(k), "," | ";"))
            .find(|&k| {
                matches!(s.w(k), "in" | "on" | "against")
                    && s.group(k + 1).is_some_and(|g| s.actors[s.groups[g].0.start].place)
            })
            .and_then(|k| s.group(k + 1));
    }
    if subject.is_none() && object.is_none() && code.starts_with("04") {
        // "The two leaders spoke Thursday and on the call": a call between the subject's members.
        let g = s.groups.iter().position(|(m, r)| r.start < n.start && group_entities(s, m.clone()) >= 2);
        subject = g;
        object = g;
    }
    frames[f].subject = subject;
    frames[f].object = object;
}
