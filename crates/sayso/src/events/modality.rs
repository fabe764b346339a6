//! Document-level modality: reads every event of the text; marks planned events prevented
//! when another mention of the same kind says they were stopped or their planners were
//! arrested.

use super::EventRec;
use crate::schema::{EventType, Modality, ParticipantRole, Polarity};
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
