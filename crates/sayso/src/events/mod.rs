//! Stage 7, events: reads tokens, sentences, entities, times and claims; adds events with
//! trigger, type, CAMEO code, participants, time, place, modality, polarity and the claim
//! that reports them.
//!
//! The coder does what PETRARCH does, over sayso's tokens instead of a parse tree. Per
//! sentence, in these modules:
//! - [`sentence`]: each token's lexicon forms and class bits, and the sentence record the
//!   others fill;
//! - [`actors`]: actors (the entities stage's mentions, PETRARCH2's agents such as "police"
//!   or "officials" with the names they are attached to, capitalised names the gazetteer does
//!   not know) coordinated into groups ("Mordor, Rohan and Bree");
//! - [`clauses`]: verbs (the forms of PETRARCH2's verb dictionary, told from nouns by their
//!   left neighbour) and event nouns ("the arrest of", "talks", "bombings"), each with its
//!   subject (skipping auxiliaries, time phrases, parentheticals and appositions; through
//!   relative pronouns; shared with coordinated and infinitive verbs), object window, voice
//!   and modality (negated, hypothetical, planned, prevented);
//! - [`patterns`]: the verb block's patterns (words, synonym sets, noun phrases, prepositional
//!   phrases, `$` source and `+` target slots) matched in those windows, the most specific
//!   pattern's code winning over the verb's own;
//! - [`subcodes`]: what an appeal, intent, demand or rejection is for, and the subcode a
//!   qualifier names, read off the words an event governs (the code book's schemes);
//! - [`emit`]: events, as in PETRARCH a CAMEO code only for a complete frame (a source and a
//!   target), with the reporting claim, time and place;
//! - [`document`]: planned events whose planners are arrested, or that another mention of
//!   the same kind says were stopped, marked prevented; an event the article reports again
//!   kept once.
//!
//! [`lexicon`] holds the data (PETRARCH2's verb dictionary and agents, sayso's nouns and
//! patterns, the code book's names), [`words`] the closed word classes.
//!
//! Every window is bounded, so the stage is linear in the number of tokens.

mod actors;
mod clauses;
mod codes;
mod combine;
mod document;
mod emit;
mod lexicon;
mod merge;
mod patterns;
mod sentence;
mod subcodes;
mod words;

pub use codes::{ActorDictionary, cameo_label, goldstein, quad_class};

use crate::analysis::Analysis;
use crate::schema::{EventType, Modality, ParticipantRole, Polarity};
use lexicon::LEXICON;
use sentence::{Sentence, Tok, time_mask};
use std::ops::Range;

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRec {
    /// sayso's type.
    pub event_type: EventType,
    /// CAMEO code (`041`), where one fits.
    pub cameo: Option<String>,
    /// The trigger word or phrase.
    pub trigger: Range<usize>,
    /// Participants.
    pub participants: Vec<ParticipantRec>,
    /// The event's time (index into [`Analysis::times`]) and whether it was inherited from
    /// the reporting claim.
    pub time: Option<(usize, bool)>,
    /// Where it happened.
    pub place: Option<PlaceRec>,
    /// Modality, asserted or reported first.
    pub modality: Vec<Modality>,
    /// Polarity.
    pub polarity: Polarity,
    /// The claim that reports it (index into [`Analysis::claims`]).
    pub claim: Option<usize>,
}

/// A participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantRec {
    /// Role.
    pub role: ParticipantRole,
    /// The participant phrase.
    pub span: Range<usize>,
    /// Its entity.
    pub entity: Option<usize>,
    /// Its CAMEO actor code (`RUSGOV`), where the actor dictionaries give one.
    pub code: Option<String>,
}

/// A place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceRec {
    /// The place phrase.
    pub span: Range<usize>,
    /// Its entity.
    pub entity: Option<usize>,
}

/// sayso's event type for a CAMEO code.
pub(super) fn event_type(code: &str) -> EventType {
    match code.get(..2).unwrap_or("") {
        "01" => EventType::Statement,
        "02" => EventType::Appeal,
        "03" => EventType::Intend,
        "04" if matches!(code, "042" | "043" | "044") => EventType::Meet,
        "04" => EventType::Communicate,
        "05" if code == "051" => EventType::Praise,
        "05" if code == "057" => EventType::Agree,
        "05" | "06" => EventType::Cooperate,
        "07" => EventType::Aid,
        "08" => EventType::Yield,
        "09" => EventType::Investigate,
        "10" => EventType::Demand,
        "11" => EventType::Criticize,
        "12" => EventType::Reject,
        "13" => EventType::Threaten,
        "14" => EventType::Protest,
        "15" => EventType::Posture,
        "16" if code.starts_with("163") => EventType::Sanction,
        "16" => EventType::ReduceRelations,
        "17" if code.starts_with("173") => EventType::Arrest,
        "17" => EventType::Coerce,
        "18" => EventType::Attack,
        "19" => EventType::Fight,
        "20" => EventType::MassViolence,
        _ => EventType::Other,
    }
}

/// Runs the stage with sayso's own actor dictionaries.
pub fn run(a: &mut Analysis) {
    run_with(a, None);
}

/// Runs the stage, looking actors up in `user`'s dictionary before sayso's own.
pub fn run_with(a: &mut Analysis, user: Option<&ActorDictionary>) {
    let vocab = &LEXICON.vocab;
    let tok: Vec<Tok> = if a.lowercase_ends.len() == a.tokens.len() {
        // The lowercase forms one after another, as `Analysis::lower` cuts them.
        let mut start = 0;
        (a.lowercase_ends.iter().enumerate())
            .map(|(i, &end)| {
                let lower = a.lowercase.get(start..end).unwrap_or("");
                start = end;
                Tok::new(a, i, lower, vocab)
            })
            .collect()
    } else {
        (0..a.tokens.len()).map(|i| Tok::new(a, i, a.lower(i), vocab)).collect()
    };
    let mut claim_spans: Vec<(usize, usize, usize)> =
        a.claims.iter().enumerate().flat_map(|(ci, c)| c.content.iter().map(move |r| (r.start, r.end, ci))).collect();
    claim_spans.sort_unstable();
    let mut events = Vec::new();
    let mut time_cursor = 0;
    // One sentence record, refilled for each sentence: its tables keep their memory.
    let mut sent = Sentence {
        a,
        tok: &tok,
        toks: 0..0,
        actors: Vec::new(),
        groups: Vec::new(),
        group_at: Vec::new(),
        time_at: Vec::new(),
        covered: Vec::new(),
        spare_actors: Vec::new(),
        spare_out: Vec::new(),
    };
    let mut frames = Vec::new();
    let mut codes = codes::ArticleCodes::new(a, user);
    for s in 0..a.sentences.len() {
        let toks = a.sentences[s].tokens.clone();
        if toks.is_empty() {
            continue;
        }
        time_mask(a, &toks, &mut time_cursor, &mut sent.time_at);
        sent.actors.clear();
        sent.groups.clear();
        sent.group_at.clear();
        sent.group_at.resize(toks.len(), None);
        sent.toks = toks;
        actors::find_actors(&mut sent);
        actors::group_actors(&mut sent);
        clauses::find_frames(&mut sent, &mut frames);
        emit::emit(&sent, &frames, &claim_spans, &mut codes, &mut events);
    }
    document::merge_modality(&mut events);
    document::merge_repeats(a, &mut events);
    let mut entities = Vec::new();
    for e in &mut events {
        for p in &mut e.participants {
            // A group mention's member ("the two leaders" as one side of their call) is its
            // own entity; otherwise the entities the phrase mentions.
            match p.entity {
                Some(x) => {
                    entities.clear();
                    entities.push(x);
                }
                None => mention_entities(a, &p.span, &mut entities),
            }
            p.code = codes.phrase(a, &p.span, &entities);
        }
    }
    // A claim's source shows in the say-so chains of the claims and events it encloses: only
    // those sources are coded (most claims enclose nothing).
    let mut shown = vec![false; a.claims.len()];
    let starts = events.iter().filter_map(|e| e.claim).chain(a.claims.iter().filter_map(|c| c.parent));
    for start in starts {
        let mut cur = Some(start);
        // Each claim is walked once: a chain stops where an earlier walk went.
        while let Some(c) = cur.filter(|&c| c < shown.len() && !shown[c]) {
            shown[c] = true;
            cur = a.claims[c].parent;
        }
    }
    a.source_codes = a
        .claims
        .iter()
        .zip(&shown)
        .map(|(c, &shown)| {
            let s = c.source.as_ref().filter(|_| shown)?;
            match &s.span {
                Some(span) => {
                    mention_entities(a, span, &mut entities);
                    if entities.is_empty() {
                        entities.extend(s.entity);
                    }
                    codes.phrase(a, span, &entities)
                }
                None => codes.phrase(a, &(0..0), &s.entity.into_iter().collect::<Vec<_>>()),
            }
        })
        .collect();
    a.events = events;
}

/// The entities of the mentions inside `span`, into `out`.
fn mention_entities(a: &Analysis, span: &Range<usize>, out: &mut Vec<usize>) {
    out.clear();
    let first = a.mentions.partition_point(|m| m.span.start < span.start);
    for m in a.mentions[first..].iter().take_while(|m| m.span.start < span.end) {
        if m.span.end <= span.end {
            for &e in &m.entities {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
