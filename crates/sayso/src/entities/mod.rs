//! Stage 5, entities: reads tokens, sentences, quotations and posts; adds mentions (names,
//! titles, handles, acronyms, pronouns, nominals) and clusters them into entities.

use crate::analysis::Analysis;
use crate::schema::{EntityType, ExternalId, MentionKind};
use std::ops::Range;

/// One mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRec {
    /// Where the mention is.
    pub span: Range<usize>,
    /// How the entity is mentioned.
    pub kind: MentionKind,
    /// The entities it refers to (indices into [`Analysis::entities`]); more than one for a
    /// group mention ("the two leaders"), none when unresolved.
    pub entities: Vec<usize>,
    /// Title or role given in the mention.
    pub role: Option<String>,
    /// The type the mention itself suggests.
    pub entity_type: EntityType,
}

/// One entity: a cluster of mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRec {
    /// What kind of thing it is.
    pub entity_type: EntityType,
    /// Canonical name.
    pub name: String,
    /// Titles and roles.
    pub roles: Vec<String>,
    /// Its mentions (indices into [`Analysis::mentions`]).
    pub mentions: Vec<usize>,
    /// External identifiers from alias lists.
    pub external_ids: Vec<ExternalId>,
}

/// Runs the stage.
pub fn run(_a: &mut Analysis) {}
