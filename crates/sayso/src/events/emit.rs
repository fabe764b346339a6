//! Assembly: reads a sentence's frames, their coded patterns and the claims; adds the
//! events ([`EventRec`]): a CAMEO code only for a complete frame (a source and a target), one
//! event per source-target pair, the reverse event of a two-sided code, an uncoded event for
//! an incomplete frame; with the reporting claim, modality, polarity, time and place.

use super::clauses::Frame;
use super::lexicon::LEXICON;
use super::patterns::best_pattern;
use super::sentence::Sentence;
use super::words::FRONTED;
use super::{EventRec, ParticipantRec, PlaceRec, event_type};
use crate::analysis::Analysis;
use crate::schema::{Modality, ParticipantRole, Polarity};
use std::ops::Range;

/// Turns a sentence's frames into events.
pub(super) fn emit(s: &Sentence, frames: &[Frame], claim_spans: &[(usize, usize, usize)], events: &mut Vec<EventRec>) {
    let a = s.a;
    for frame in frames {
        if !frame.noun
            && frame.subject.is_none()
            && frame.object.is_none()
            && !frame.block.is_some_and(|b| LEXICON.slot_blocks.get(b).copied().unwrap_or(true))
            && !opens_fronted(s)
        {
            // A verb without participants whose block has no pattern with a `$` or `+` slot
            // to give it one, outside a fronted clause: no event, whatever pattern matches.
            continue;
        }
        let mut subject = frame.subject;
        let mut object = frame.object;
        let mut code = frame.code.unwrap_or("---");
        if !frame.noun {
            if let Some((c, (src, tgt))) = best_pattern(s, frame) {
                code = c;
                subject = src.or(subject);
                object = tgt.or(object);
            }
        }
        let (forward, reverse) = code.split_once(':').unwrap_or((code, ""));
        let main = if forward.is_empty() { reverse } else { forward };
        if !is_code(main) || main.starts_with("01") {
            continue;
        }
        // A fronted adverbial clause's giver gives to the main clause's subject.
        if object.is_none() && matches!(main.get(..2), Some("05" | "06" | "07")) && !frame.noun && opens_fronted(s) {
            let comma = (frame.toks.end..s.toks.end.min(frame.toks.end + 8)).find(|&k| s.w(k) == ",");
            object = comma.and_then(|c| (c + 1..s.toks.end.min(c + 5)).find_map(|k| s.group(k)));
        }
        let sources = subject.map_or(0..0, |g| s.groups[g].0.clone());
        let targets = object.map_or(0..0, |g| s.groups[g].0.clone());
        if !frame.noun && sources.is_empty() && targets.is_empty() {
            // A verb without participants gives no event (see the incomplete frames below):
            // its claim, time and place are not worked out.
            continue;
        }
        let trigger = a.tokens[frame.toks.start].start..a.tokens[frame.toks.end - 1].end;
        let claim = innermost_claim(claim_spans, trigger.start, &a.claims);
        let mut modality = vec![if claim.is_some() { Modality::Reported } else { Modality::Asserted }];
        if frame.planned {
            modality.push(Modality::Planned);
        }
        if frame.prevented {
            modality.push(Modality::Prevented);
        }
        if frame.hypothetical {
            modality.push(Modality::Hypothetical);
        }
        let polarity = if frame.negated { Polarity::Negative } else { Polarity::Positive };
        let sentence_span = a.sentences[a.tokens[frame.toks.start].sentence].span.clone();
        let place = place_after(s, frame.toks.end);
        let time = nearest_time(a, &trigger, Some(sentence_span))
            .map(|ti| (ti, false))
            .or_else(|| claim.and_then(|c| a.claims[c].time).map(|ti| (ti, true)));
        let base = EventRec {
            event_type: event_type(main),
            cameo: None,
            trigger: trigger.clone(),
            participants: Vec::new(),
            time,
            place,
            modality,
            polarity,
            claim,
        };
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        if subject.is_some() && subject == object {
            // One group on both sides: each member with each other.
            for x in sources.clone() {
                for y in sources.clone() {
                    if x != y {
                        pairs.push((x, y));
                    }
                }
            }
            if sources.len() == 1 && s.actors[sources.start].entities.len() >= 2 {
                let e = &s.actors[sources.start].entities;
                let mut ev = base.clone();
                ev.cameo = Some(main.to_string());
                ev.participants = vec![
                    ParticipantRec {
                        role: ParticipantRole::Source,
                        span: s.actors[sources.start].span.clone(),
                        entity: Some(e[0]),
                        code: None,
                    },
                    ParticipantRec {
                        role: ParticipantRole::Target,
                        span: s.actors[sources.start].span.clone(),
                        entity: Some(e[1]),
                        code: None,
                    },
                ];
                events.push(ev);
                continue;
            }
            for (x, y) in pairs {
                if x < y {
                    push_pair(s, &base, forward, reverse, x, y, events);
                }
            }
            continue;
        }
        if sources.is_empty() || targets.is_empty() {
            // An incomplete frame: an event in sayso's ontology, without a CAMEO code.
            let mut ev = base.clone();
            for (role, group) in [(ParticipantRole::Source, sources), (ParticipantRole::Target, targets)] {
                for m in group {
                    ev.participants.push(participant(s, role, m));
                }
            }
            if frame.noun || !ev.participants.is_empty() {
                events.push(ev);
            }
            continue;
        }
        for x in sources {
            for y in targets.clone() {
                if x != y && !same_entity(s, x, y) {
                    push_pair(s, &base, forward, reverse, x, y, events);
                }
            }
        }
    }
}

/// Whether the sentence opens with a fronted adverbial clause ("Based on ...").
pub(super) fn opens_fronted(s: &Sentence) -> bool {
    let opener = (s.toks.start..s.toks.end).find(|&k| !s.is_quote(k)).unwrap_or(s.toks.start);
    FRONTED.contains(&s.w(opener))
}

pub(super) fn push_pair(
    s: &Sentence,
    base: &EventRec,
    forward: &str,
    reverse: &str,
    x: usize,
    y: usize,
    events: &mut Vec<EventRec>,
) {
    if is_code(forward) && !forward.starts_with("01") {
        let mut ev = base.clone();
        ev.event_type = event_type(forward);
        ev.cameo = Some(forward.to_string());
        ev.participants = vec![participant(s, ParticipantRole::Source, x), participant(s, ParticipantRole::Target, y)];
        events.push(ev);
    }
    if is_code(reverse) && !reverse.starts_with("01") {
        let mut ev = base.clone();
        ev.event_type = event_type(reverse);
        ev.cameo = Some(reverse.to_string());
        ev.participants = vec![participant(s, ParticipantRole::Source, y), participant(s, ParticipantRole::Target, x)];
        events.push(ev);
    }
}

pub(super) fn same_entity(s: &Sentence, x: usize, y: usize) -> bool {
    let (a, b) = (&s.actors[x].entities, &s.actors[y].entities);
    a.len() == 1 && a == b
}

pub(super) fn is_code(c: &str) -> bool {
    c.len() >= 3 && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn participant(s: &Sentence, role: ParticipantRole, actor: usize) -> ParticipantRec {
    let x = &s.actors[actor];
    ParticipantRec { role, span: x.span.clone(), entity: (x.entities.len() == 1).then(|| x.entities[0]), code: None }
}

/// The innermost claim whose content contains `pos` (claims' content spans sorted by start).
pub(super) fn innermost_claim(
    spans: &[(usize, usize, usize)],
    pos: usize,
    claims: &[crate::claims::ClaimRec],
) -> Option<usize> {
    let upto = spans.partition_point(|&(s, _, _)| s <= pos);
    spans[..upto]
        .iter()
        .rev()
        .take(32)
        .filter(|&&(s, e, _)| s <= pos && pos < e)
        .min_by_key(|&&(_, _, c)| claims[c].content.iter().map(|r| r.len()).sum::<usize>())
        .map(|&(_, _, c)| c)
}

/// "in St. Petersburg": the first place actor after the trigger led by in/at/near.
pub(super) fn place_after(s: &Sentence, from: usize) -> Option<PlaceRec> {
    let limit = s.toks.end.min(from + 40);
    (from..limit).take_while(|&k| !matches!(s.w(k), ";")).find_map(|k| {
        let g = s.group(k)?;
        let actor = &s.actors[s.groups[g].0.clone().next()?];
        let led = k > 0 && matches!(s.w(k - 1), "in" | "at" | "near") && actor.toks.start == k;
        (actor.place && led).then(|| PlaceRec { span: actor.span.clone(), entity: actor.entities.first().copied() })
    })
}

/// The time expression nearest the trigger in its sentence, within a short distance.
pub(super) fn nearest_time(a: &Analysis, trigger: &Range<usize>, sentence: Option<Range<usize>>) -> Option<usize> {
    let s = sentence?;
    let first = a.times.partition_point(|t| t.span.end <= s.start);
    a.times[first..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| t.span.start < s.end)
        .map(|(k, t)| {
            let d = if t.span.start >= trigger.end {
                t.span.start - trigger.end
            } else {
                trigger.start.saturating_sub(t.span.end)
            };
            (d, first + k)
        })
        .filter(|&(d, _)| d <= 80)
        .min()
        .map(|(_, k)| k)
}
