//! Actor finding: reads a sentence's entity mentions, PETRARCH2's agents ("police",
//! "security officials", with the name or number before them) and capitalised names no stage
//! typed; adds the sentence's actors ([`Sentence::actors`]) and their coordinated groups ("A,
//! B and C", "soldiers from A") ([`Sentence::groups`]).

use super::lexicon::{LEXICON, bits};
use super::sentence::{Sentence, tokens_within};
use crate::schema::{EntityType, MentionKind};
use std::ops::Range;

/// An actor phrase in a sentence: token range, byte span, and the entities it names.
#[derive(Debug, Clone, Default)]
pub(super) struct Actor {
    pub(super) toks: Range<usize>,
    pub(super) span: Range<usize>,
    pub(super) entities: Vec<usize>,
    pub(super) place: bool,
}

/// The agent phrase ending at token `i`, if any: its first token.
#[inline]
pub(super) fn agent_ending_at(s: &Sentence, i: usize) -> Option<usize> {
    // Asked of every token: most end no agent, which their bits say.
    if !s.has(i, bits::ENDS_AGENT) {
        return None;
    }
    agent_phrase_ending_at(s, i)
}

/// [`agent_ending_at`] for a word that ends some agent phrase.
pub(super) fn agent_phrase_ending_at(s: &Sentence, i: usize) -> Option<usize> {
    // The phrases as word ids: a token is a phrase's word when its id is the word's.
    let list = LEXICON.agent_phrases.get(s.info(i).agents as usize)?;
    list.iter().find_map(|words| {
        let n = words.len();
        let start = (i + 1).checked_sub(n)?;
        (start >= s.toks.start && (0..n).all(|k| s.forms(start + k).id == words[k])).then_some(start)
    })
}

pub(super) fn is_agent_start(s: &Sentence, i: usize) -> bool {
    s.has(i, bits::ENDS_AGENT) || (i + 1 < s.toks.end && agent_ending_at(s, i + 1) == Some(i))
}

/// Actors: mentions, agent phrases (with the names and numbers before them), and capitalised
/// names no stage knows.
pub(super) fn find_actors(s: &mut Sentence) {
    let a = s.a;
    let (lo, hi) = (a.tokens[s.toks.start].start, a.tokens[s.toks.end - 1].end);
    let first = a.mentions.partition_point(|m| m.span.start < lo);
    // The sentence record's buffer, kept across sentences.
    let mut covered = std::mem::take(&mut s.covered);
    covered.clear();
    covered.resize(s.toks.len(), false);
    // The sentence record's lists, kept across sentences (the last sentence's actors are
    // the list the merged ones go into).
    let mut actors = std::mem::take(&mut s.spare_actors);
    actors.clear();
    for m in a.mentions[first..].iter().take_while(|m| m.span.end <= hi) {
        let toks = tokens_within(a, &s.toks, &m.span);
        if toks.is_empty() || m.entities.is_empty() {
            continue;
        }
        if m.kind == MentionKind::Pronoun && s.has(toks.start, bits::POSSESSIVE) {
            continue;
        }
        if toks.clone().any(|i| s.time_at[i - s.toks.start]) {
            continue;
        }
        let place = m
            .entities
            .first()
            .is_some_and(|&e| matches!(a.entities[e].entity_type, EntityType::Gpe | EntityType::Location));
        for i in toks.clone() {
            covered[i - s.toks.start] = true;
        }
        actors.push(Actor { toks, span: m.span.clone(), entities: m.entities.clone(), place });
    }
    // Capitalised names nobody typed ("Arnor", "Gollum"), outside mentions and times.
    let mut i = s.toks.start;
    while i < s.toks.end {
        let at = i - s.toks.start;
        if covered[at] || s.time_at[at] || !s.is_cap(i) || s.has(i, bits::CALENDAR) {
            i += 1;
            continue;
        }
        let initial = i == s.toks.start || s.is_quote(i - 1) && i == s.toks.start + 1;
        if initial && (s.has(i, bits::SENTENCE_WORD | bits::FORM) || is_agent_start(s, i) || s.has(i, bits::NOUN)) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < s.toks.end && s.is_cap(end) && !covered[end - s.toks.start] && !s.time_at[end - s.toks.start] {
            end += 1;
        }
        // A title-like agent inside the run ("Prime Minister") stays part of the name.
        let span = a.tokens[i].start..a.tokens[end - 1].end;
        for k in i..end {
            covered[k - s.toks.start] = true;
        }
        actors.push(Actor { toks: i..end, span, entities: Vec::new(), place: false });
        i = end;
    }
    actors.sort_by_key(|x| x.toks.start);
    // Agents: "police", "security officials", with the actor or number right before them
    // ("Russian authorities", "seven people", "Arnor security officials").
    let mut out = std::mem::take(&mut s.spare_out);
    out.clear();
    let mut k = 0; // next unconsumed actor
    let mut i = s.toks.start;
    while i < s.toks.end {
        while k < actors.len() && actors[k].toks.end <= i {
            // Moved, not cloned: the actors before `k` are not looked at again.
            out.push(std::mem::take(&mut actors[k]));
            k += 1;
        }
        let Some(start) = agent_ending_at(s, i).filter(|&st| st >= out.last().map_or(s.toks.start, |x| x.toks.end))
        else {
            i += 1;
            continue;
        };
        // An agent that is itself covered by a mention belongs to that mention.
        if covered[i - s.toks.start] || covered[start - s.toks.start] {
            i += 1;
            continue;
        }
        let mut from = start;
        // Adjectives of rank and kind between a name and its agent ("former security").
        while from > s.toks.start
            && s.is_word(from - 1)
            && !s.is_cap(from - 1)
            && matches!(s.w(from - 1), "former" | "senior" | "top" | "local" | "security" | "foreign" | "military")
        {
            from -= 1;
        }
        let mut entities = Vec::new();
        let place = false;
        if out.last().is_some_and(|x| x.toks.end == from) {
            // "Russian authorities": the name and its agent are one actor.
            let prev = out.pop().expect("last actor");
            entities = prev.entities;
            from = prev.toks.start;
        } else if from > s.toks.start
            && (s.is_number(from - 1)
                || matches!(s.w(from - 1), "seven" | "two" | "three" | "four" | "five" | "six" | "eight" | "nine"))
        {
            from -= 1;
        }
        let span = a.tokens[from].start..a.tokens[i].end;
        out.push(Actor { toks: from..i + 1, span, entities, place });
        i += 1;
    }
    out.extend(actors.drain(k..));
    out.sort_by_key(|x| x.toks.start);
    out.dedup_by(|b, a| b.toks.start < a.toks.end);
    // Adjacent actors are one phrase ("Russian President Vladimir Putin", "Director
    // Pompeo"); its head, and so its entity, comes last unless the last part names none.
    let mut merged = std::mem::take(&mut s.actors);
    merged.clear();
    for x in out.drain(..) {
        if let Some(prev) = merged.last_mut().filter(|p| p.toks.end == x.toks.start) {
            prev.toks.end = x.toks.end;
            prev.span.end = x.span.end;
            if !x.entities.is_empty() {
                prev.entities = x.entities;
                prev.place = x.place;
            }
            continue;
        }
        merged.push(x);
    }
    s.actors = merged;
    s.covered = covered;
    s.spare_actors = actors;
    s.spare_out = out;
}

/// Coordinates actors into groups: "A, B and C", "the ambassadors of A and B", "soldiers
/// from A", "lawmakers in A and B" (before a verb; the lawmakers are the actor, in a place).
pub(super) fn group_actors(s: &mut Sentence) {
    let n = s.actors.len();
    // The sentence record's list, kept across sentences.
    let mut merged = std::mem::take(&mut s.groups);
    merged.clear();
    let mut k = 0;
    while k < n {
        // The members are the actors k..j.
        let mut end = s.actors[k].toks.end;
        let mut j = k + 1;
        while j < n {
            let gap = end..s.actors[j].toks.start;
            let joined = gap.len() <= 5
                && gap.clone().any(|i| matches!(s.w(i), "and" | "or" | ","))
                && gap.clone().all(|i| {
                    matches!(s.w(i), "and" | "or" | "," | "the" | "both")
                        || (s.is_word(i) && !s.has(i, bits::FORM | bits::PREPOSITION | bits::AUX | bits::RELATIVE))
                });
            if !joined {
                break;
            }
            end = s.actors[j].toks.end;
            j += 1;
        }
        // Commas alone make an apposition ("Osgiliath, the state's fiercest foe"), not a
        // coordination: that needs an "and" or "or".
        let coordinated = (k..j - 1)
            .any(|m| (s.actors[m].toks.end..s.actors[m + 1].toks.start).any(|i| matches!(s.w(i), "and" | "or")));
        if !coordinated {
            end = s.actors[k].toks.end;
            j = k + 1;
        }
        let g = (k..j, s.actors[k].toks.start..end);
        k = j;
        // "agent of/from X": the group names whose agent it is.
        if let Some(prev) = merged.last_mut() {
            let head = &s.actors[prev.0.end - 1];
            let prep = s.w(prev.1.end);
            let adjacent = prev.1.end + 1 == g.1.start || prev.1.end + 2 == g.1.start && s.w(prev.1.end + 1) == "the";
            let before_verb = s.verb_form_at(g.1.end).is_some() || s.has(g.1.end, bits::AUX);
            if adjacent
                && prev.0.len() == 1
                && head.entities.is_empty()
                && (matches!(prep, "of" | "from") || (prep == "in" && before_verb))
            {
                let start = prev.1.start;
                if prep == "in" {
                    // "Police in Paris", "lawmakers in A and B": a place is where the agent
                    // is, never an actor; the agent's phrase takes it in, so that its actor
                    // code is composed with the place's country.
                    let end = s.a.tokens[g.1.end - 1].end;
                    let agent = &mut s.actors[prev.0.end - 1];
                    agent.toks.end = g.1.end;
                    agent.span.end = end;
                    prev.1 = start..g.1.end;
                } else {
                    *prev = (g.0, start..g.1.end);
                }
                continue;
            }
        }
        merged.push(g);
    }
    for (gi, (_, r)) in merged.iter().enumerate() {
        for i in r.clone() {
            s.group_at[i - s.toks.start] = Some(gi);
        }
    }
    s.groups = merged;
}

pub(super) fn group_entities(s: &Sentence, members: Range<usize>) -> usize {
    members.map(|m| s.actors[m].entities.len().max(1)).sum()
}
