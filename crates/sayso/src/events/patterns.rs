//! Coding: reads a verb's frame and matches its block's patterns (PETRARCH2's and sayso's
//! own: words, synonym sets, noun phrases, prepositional phrases, `$` source and `+` target
//! slots) in the words before the verb and its object window; adds the most specific
//! matching pattern's CAMEO code and the groups its slots captured.

use super::clauses::Frame;
use super::lexicon::{Atom, Elem, LEXICON, Pattern, WordFilter, bits};
use super::sentence::Sentence;
use crate::syntax::{Deprel, Upos};
use std::ops::Range;

/// Matches a pattern's elements in order within `range` (gaps allowed). Returns the groups
/// the slots captured (source, target) when the whole pattern matches.
pub(super) fn match_elems(s: &Sentence, elems: &[Elem], range: Range<usize>, heads: bool, slots: &mut Slots) -> bool {
    let mut k = range.start;
    for e in elems {
        if matches!(e, Elem::Skip) {
            continue;
        }
        let mut found = None;
        while k < range.end {
            if let Some(end) = match_elem(s, e, k, range.end, heads) {
                found = Some((k, end));
                break;
            }
            k += 1;
        }
        let Some((at, end)) = found else { return false };
        match e {
            Elem::Source => slots.0 = s.group(at),
            Elem::Target => slots.1 = s.group(at),
            _ => {}
        }
        k = end;
    }
    true
}

pub(super) fn match_elem(s: &Sentence, e: &Elem, k: usize, end: usize, heads: bool) -> Option<usize> {
    match e {
        Elem::Source | Elem::Target | Elem::Either => {
            let g = s.group(k)?;
            (s.groups[g].1.start == k || k == 0 || s.group(k - 1) != Some(g)).then(|| s.groups[g].1.end)
        }
        Elem::Skip => Some(k),
        Elem::Words(atoms) => match_adjacent(s, atoms, k, end, heads),
        Elem::Phrase(atoms) => {
            let (head, mods) = atoms.split_last()?;
            let after_head = match_atom(s, head, k, end, heads)?;
            // The modifiers come shortly before the head, in order.
            match_in_order(s, mods, k.saturating_sub(4).max(s.toks.start), k, false)?;
            Some(after_head)
        }
        Elem::Prep(prep, obj) => {
            // An infinitive's "to" is no preposition, nor is one that starts a time ("called
            // Trump on Sunday" is no "call on").
            if s.w(k) != *prep
                || s.is_time(k + 1)
                || (*prep == "to"
                    && s.verb_form_at(k + 1).is_some()
                    && s.group(k + 1).is_none()
                    && !s.has(k + 1, bits::NOUN | bits::DETERMINER))
            {
                return None;
            }
            if obj.is_empty() {
                return Some(k + 1);
            }
            let limit = end.min(k + 6);
            let (head, mods) = obj.split_last()?;
            let j = match_in_order(s, mods, k + 1, limit, false)?;
            (j..limit).find_map(|p| match_atom(s, head, p, limit, heads))
        }
    }
}

pub(super) fn match_adjacent(s: &Sentence, atoms: &[Atom], k: usize, end: usize, heads: bool) -> Option<usize> {
    let mut p = k;
    for a in atoms {
        p = match_atom(s, a, p, end, heads)?;
    }
    Some(p)
}

/// `atoms` in order, each at or after where the one before ended, all before `end`; where
/// the last ended.
fn match_in_order(s: &Sentence, atoms: &[Atom], mut j: usize, end: usize, heads: bool) -> Option<usize> {
    for atom in atoms {
        j = (j..end).find_map(|p| match_atom(s, atom, p, end, heads))?;
    }
    Some(j)
}

/// A word (or its plural/singular) or a synonym set's phrase at token `k`; with `heads`, a
/// set's phrase only where it is no compound modifier of a later noun.
pub(super) fn match_atom(s: &Sentence, atom: &Atom, k: usize, end: usize, heads: bool) -> Option<usize> {
    if k >= end {
        return None;
    }
    match atom {
        // After the verb a word names a thing, not a word of a proper name ("World" in "World
        // War Two" is no "world").
        Atom::Word(w) => (s.forms(k).matches(*w) && !(heads && in_proper_name(s, k))).then_some(k + 1),
        Atom::Set(i) => {
            // The set's first phrase (in dictionary order) that matches here.
            let set = LEXICON.set_phrases.get(*i)?;
            let mut best: Option<(u32, usize)> = None;
            for p in set.starting_with(s.forms(k)) {
                if best.is_some_and(|(b, _)| b <= p) {
                    continue;
                }
                let phrase = &set.phrases[p as usize];
                let n = phrase.len();
                if k + n <= end && (0..n).all(|j| s.forms(k + j).matches(phrase[j])) {
                    best = Some((p, k + n));
                }
            }
            // After the verb a set names what is done or given, not a word of a name: "news" in
            // "the news agency Reuters" or "Security" in "the Security Council" is no
            // information or security ("security guarantees" is). Before the verb, a name may
            // tell the subject's role.
            best.map(|(_, e)| e).filter(|&e| !heads || !modifies_name(s, e - 1))
        }
    }
}

/// Whether token `k` is a proper noun that modifies a proper noun after it (a word of a
/// name: "World" in "World War Two", "Security" in "Security Council").
fn in_proper_name(s: &Sentence, k: usize) -> bool {
    let syn = &s.a.syntax;
    s.word(k).is_some_and(|w| {
        syn.upos(w) == Upos::Propn
            && matches!(syn.deprel(w), Deprel::Compound | Deprel::Flat)
            && syn.head(w).is_some_and(|h| h > w && syn.upos(h) == Upos::Propn)
    })
}

/// Whether token `k` is a compound modifier of a word after it in an actor that names an
/// entity.
fn modifies_name(s: &Sentence, k: usize) -> bool {
    let syn = &s.a.syntax;
    let modifier = s.word(k).is_some_and(|w| syn.deprel(w) == Deprel::Compound && syn.head(w).is_some_and(|h| h > w));
    modifier
        && s.group(k).is_some_and(|g| {
            s.groups[g].0.clone().any(|m| s.actors[m].toks.contains(&k) && !s.actors[m].entities.is_empty())
        })
}

/// Groups captured by a pattern's `$` and `+` slots.
pub(super) type Slots = (Option<usize>, Option<usize>);
pub(super) fn best_pattern(s: &Sentence, frame: &Frame) -> Option<(&'static str, Slots)> {
    let block = frame.block?;
    let before = frame.clause_start.min(frame.toks.start)..frame.toks.start;
    // A relative clause's verb has its head noun as its object: "the information [the United
    // States provided]" is matched as "provided information".
    let after = match frame.gap {
        Some(g) => g..g + 1,
        None => frame.window.clone(),
    };
    let mut best: Option<(&'static Pattern, Slots)> = None;
    let own = LEXICON.own.get(&block).map(Vec::as_slice).unwrap_or(&[]);
    let theirs = LEXICON.patterns.get(block).map(Vec::as_slice).unwrap_or(&[]);
    let first_needs = LEXICON.first_needs.get(block).map(Vec::as_slice).unwrap_or(&[]);
    let mut present = WordFilter::default();
    let mut sets = 0;
    for k in before.clone().chain(after.clone()) {
        let t = s.forms(k);
        present.add_token(&t);
        sets |= LEXICON.vocab.set_mask(t);
    }
    let candidates = theirs.iter().zip(first_needs).filter(|&(_, &first)| present.has(first)).map(|(p, _)| p);
    for p in own.iter().chain(candidates) {
        if best.as_ref().is_some_and(|(b, _)| b.weight >= p.weight)
            || !present.has_all(&p.needs)
            || p.needs_sets & !sets != 0
        {
            continue;
        }
        let mut slots = (None, None);
        if match_elems(s, &p.before, before.clone(), false, &mut slots)
            && match_elems(s, &p.after, after.clone(), true, &mut slots)
        {
            best = Some((p, slots));
        }
    }
    best.map(|(p, slots)| (p.code, slots))
}
