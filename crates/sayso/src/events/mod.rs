//! Stage 7, events: reads tokens, sentences, entities, times and claims; adds events with
//! trigger, type, CAMEO code, participants, time, place, modality, polarity and the claim
//! that reports them.

use crate::analysis::Analysis;
use crate::schema::{EventType, Modality, ParticipantRole, Polarity};
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
}

/// A place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceRec {
    /// The place phrase.
    pub span: Range<usize>,
    /// Its entity.
    pub entity: Option<usize>,
}

/// The name of a CAMEO code in the code book, if the code exists.
#[must_use]
pub fn cameo_label(_code: &str) -> Option<&'static str> {
    None
}

/// Runs the stage.
pub fn run(_a: &mut Analysis) {}
