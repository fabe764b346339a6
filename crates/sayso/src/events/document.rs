//! Document-level passes: read every event of the text; mark planned events prevented when
//! another mention of the same kind says they were stopped or their planners were arrested,
//! and keep one record of an event the article reports more than once.

use super::EventRec;
use crate::analysis::Analysis;
use crate::schema::{EventType, Modality, ParticipantRole, Polarity};
use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

/// Marks planned events prevented when another mention of the same kind of event says it was
/// stopped ("planning bombings" ... "the attacks were stopped"), or when the planners were
/// arrested ("arrested seven people who were planning bombings").
pub(super) fn merge_modality(events: &mut [EventRec]) {
    let violent = |e: &EventRec| matches!(e.event_type, EventType::Attack | EventType::Fight | EventType::MassViolence);
    let stopped = events.iter().any(|e| violent(e) && e.modality.contains(&Modality::Prevented));
    let arrested: Vec<Range<usize>> = events
        .iter()
        .filter(|e| e.event_type == EventType::Arrest && e.polarity == Polarity::Positive)
        .flat_map(|e| e.participants.iter().filter(|p| p.role == ParticipantRole::Target).map(|p| p.span.clone()))
        .collect();
    for e in events.iter_mut() {
        if !e.modality.contains(&Modality::Planned) || e.modality.contains(&Modality::Prevented) {
            continue;
        }
        let planners_held =
            e.participants.iter().any(|p| p.role == ParticipantRole::Source && arrested.iter().any(|r| r == &p.span));
        if (violent(e) && stopped) || planners_held {
            e.modality.push(Modality::Prevented);
        }
    }
}

/// One record per event across the article: a coded event that repeats an earlier one (the
/// same code, polarity and modality, the same entities in the same roles, and no time that
/// contradicts it: "Putin called Trump" in the lead and again in a later sentence) is
/// dropped, its time and place given to the first record when that has none. Participants
/// without an entity are not compared by name, so such events are never merged.
pub(super) fn merge_repeats(a: &Analysis, events: &mut Vec<EventRec>) {
    type Key = (String, Vec<(ParticipantRole, usize)>);
    let key = |e: &EventRec| -> Option<Key> {
        let code = e.cameo.clone()?;
        let mut k: Vec<(ParticipantRole, usize)> =
            e.participants.iter().map(|p| p.entity.map(|x| (p.role, x))).collect::<Option<_>>()?;
        k.sort_unstable_by_key(|&(r, x)| (r as u8, x));
        (!k.is_empty()).then_some((code, k))
    };
    let kind = |e: &EventRec| {
        e.modality.iter().filter(|m| !matches!(m, Modality::Asserted | Modality::Reported)).copied().collect::<Vec<_>>()
    };
    let time = |e: &EventRec| e.time.map(|(t, _)| a.times[t].value.as_str());
    let mut keep = vec![true; events.len()];
    let keys: Vec<_> = events.iter().map(key).collect();
    // The earlier records of each code and cast, so that each event is compared with its
    // likes only: linear in the events, not quadratic.
    let mut seen: HashMap<&Key, Vec<usize>> = HashMap::new();
    for j in 0..events.len() {
        let Some(kj) = &keys[j] else { continue };
        let likes = seen.entry(kj).or_default();
        let first = likes.iter().copied().find(|&i| {
            events[i].polarity == events[j].polarity
                && kind(&events[i]) == kind(&events[j])
                && (time(&events[i]).is_none() || time(&events[j]).is_none() || time(&events[i]) == time(&events[j]))
        });
        match first {
            Some(i) => {
                keep[j] = false;
                if events[i].time.is_none() {
                    events[i].time = events[j].time;
                }
                if events[i].place.is_none() {
                    events[i].place = events[j].place.clone();
                }
            }
            None => likes.push(j),
        }
    }
    let mut k = keep.iter();
    events.retain(|_| *k.next().unwrap_or(&true));
}
