//! One record per event within a sentence: reads a sentence's frames and the events
//! [`super::emit`] made of them; drops the second record of a happening told twice on one
//! trigger phrase. A verb and the event noun it takes as its object ("held a meeting with",
//! "lodged a protest with", "launched an attack on") tell one event: the verb's pattern and the
//! noun's own code are two readings of it, of which the more specific is kept, the record
//! otherwise keeping the participants either reading found.

use super::clauses::Frame;
use super::emit::resolve;
use super::sentence::Sentence;
use super::{EventRec, ParticipantRec};
use crate::schema::ParticipantRole;
use crate::syntax::Deprel;
use std::ops::Range;

/// How much a code says: a leaf of four digits ("0874") more than one of three ("114"),
/// which says more than its category's general code ("050").
fn rank(code: &str) -> u8 {
    match code.len() {
        4 => 3,
        _ if !code.ends_with('0') => 2,
        _ => 1,
    }
}

/// The trigger's bytes of `frame`, as the event records give them.
fn trigger(s: &Sentence, frame: &Frame) -> Range<usize> {
    s.a.tokens[frame.toks.start].start..s.a.tokens[frame.toks.end - 1].end
}

/// Whether the verb's pattern code reads no further than its object noun at token `noun`
/// ("hold * meeting", "lodge * protest"): then it is the code of the verb with that noun, not
/// of a phrase after it ("launched an attack on the border posts" matching a pattern for a
/// border).
fn pattern_ends_at_noun(s: &Sentence, verb: &Frame, noun: usize) -> bool {
    let code = resolve(s, verb).code;
    if Some(code) == verb.code || verb.gap.is_some() {
        return false;
    }
    let mut cut = verb.clone();
    cut.pattern = None;
    cut.window = verb.window.start..(noun + 1).min(verb.window.end).max(verb.window.start);
    resolve(s, &cut).code == code
}

/// Drops, of each coded verb and the coded event noun that is its direct object, the record
/// whose code says less (on a tie, the noun's when the verb's pattern names the noun, else
/// the verb's); the kept record takes a side it lacks from the other. `first` is the
/// sentence's first event.
pub(super) fn verb_and_noun(s: &Sentence, frames: &[Frame], events: &mut Vec<EventRec>, first: usize) {
    let syn = &s.a.syntax;
    let at = |events: &[EventRec], frame: &Frame| {
        let t = trigger(s, frame);
        (first..events.len()).find(|&i| events[i].cameo.is_some() && events[i].trigger == t)
    };
    // From the nouns (few in a sentence), each to its head: no verb's children are searched.
    for noun in frames.iter().filter(|f| f.noun) {
        let Some(o) = noun.word.filter(|&o| syn.deprel(o) == Deprel::Obj) else { continue };
        let Some(v) = syn.head(o) else { continue };
        let Some(verb) = frames.iter().find(|f| !f.noun && f.word == Some(v)) else { continue };
        let (Some(j), Some(i)) = (at(events, noun), at(events, verb)) else { continue };
        let (vc, nc) = (events[i].cameo.as_deref().unwrap_or(""), events[j].cameo.as_deref().unwrap_or(""));
        let keep_verb = match rank(vc).cmp(&rank(nc)) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => vc == nc || pattern_ends_at_noun(s, verb, noun.toks.start),
        };
        let (keep, drop) = if keep_verb { (i, j) } else { (j, i) };
        let dropped = events.remove(drop);
        let keep = if drop < keep { keep - 1 } else { keep };
        fill_side(&mut events[keep].participants, &dropped.participants, ParticipantRole::Source);
        fill_side(&mut events[keep].participants, &dropped.participants, ParticipantRole::Target);
    }
}

/// Gives `kept` the participants in `role` of `other` when it has none in that role and they
/// are not already on its other side.
fn fill_side(kept: &mut Vec<ParticipantRec>, other: &[ParticipantRec], role: ParticipantRole) {
    if kept.iter().any(|p| p.role == role) {
        return;
    }
    let new: Vec<ParticipantRec> = other
        .iter()
        .filter(|p| {
            p.role == role && !kept.iter().any(|q| q.span == p.span || p.entity.is_some() && q.entity == p.entity)
        })
        .cloned()
        .collect();
    // Sources come first in a record.
    let at = if role == ParticipantRole::Source { 0 } else { kept.len() };
    kept.splice(at..at, new);
}
