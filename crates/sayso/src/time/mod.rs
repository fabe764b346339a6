//! Stage 4, time: reads tokens, sentences and embedded posts; adds time expressions
//! normalised to TIMEX3 values, and the publication date when the input gave none
//! (inferred from a dateline, an embedded post's date, or the latest explicit date).

mod normalise;

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

/// Runs the stage: infers the publication date when none was given, then finds and
/// normalises every time expression against it.
pub fn run(a: &mut Analysis) {
    let found = normalise::find(&a.text);
    if a.published.is_none() {
        a.published = infer_published(a, &found);
    }
    let anchor = a.published.as_ref().map(|p| p.date);
    let mut cx = normalise::Context { anchor, ..normalise::Context::default() };
    // Which times set the reference date and year.
    let mut previous_from: Option<usize> = None;
    let mut year_from: Option<usize> = None;
    let mut month_from: Option<usize> = None;
    let mut day_from: Option<usize> = None;
    for m in found {
        let sentence = a.sentences.partition_point(|s| s.span.start <= m.span.start);
        let sentence_start = sentence.checked_sub(1).map_or(0, |i| a.sentences[i].span.start);
        // A possessive day names the day of something reported ("around Wednesday's ruling",
        // "Friday's close"): behind, whatever the tense of the clause.
        let possessive = a.text[m.span.end..].starts_with(['\'', '\u{2019}']);
        cx.future = !m.tense_free() && !possessive && normalise::future_context(&a.text, sentence_start, m.span.start);
        cx.past = !m.tense_free() && normalise::past_cue(&a.text, m.span.start);
        cx.deadline = !m.tense_free() && normalise::deadline_cue(&a.text, sentence_start, m.span.start);
        let Some((time_type, value, relative)) = m.resolve(&cx) else {
            continue;
        };
        let index = a.times.len();
        let anchor_of = match relative {
            normalise::Relative::No => None,
            normalise::Relative::ToPublication if anchor.is_some() => Some(TimeAnchor::Publication),
            normalise::Relative::ToPublication => None,
            normalise::Relative::ToPrevious => previous_from.map(TimeAnchor::Time),
            normalise::Relative::ToYear => year_from.map(TimeAnchor::Time),
            normalise::Relative::ToMonth => month_from.map(TimeAnchor::Time),
            normalise::Relative::ToDay => day_from.map(TimeAnchor::Time),
        };
        if let Some(d) = m.explicit_date() {
            cx.previous = Some(d);
            previous_from = Some(index);
        }
        let (year_before, month_before, day_before) = (cx.year, cx.month, cx.day);
        m.note(&value, &mut cx);
        if cx.year != year_before {
            year_from = Some(index);
        }
        if cx.month != month_before {
            month_from = Some(index);
        }
        if cx.day != day_before {
            day_from = Some(index);
        }
        a.times.push(TimeRec { span: m.span, time_type, value, modifier: m.modifier, anchor: anchor_of });
    }
}

/// The publication date when the input gave none: an embedded post's date line (the article
/// is at least as new as the posts it embeds), else the latest explicit full date.
fn infer_published(a: &Analysis, found: &[normalise::Found]) -> Option<PublishedRec> {
    let from_posts = a.posts.iter().filter_map(|p| Some((p.date?, p.date_span.clone()?))).max_by_key(|(d, _)| *d);
    if let Some((date, span)) = from_posts {
        let agreeing = found.iter().filter(|m| m.weekday_agrees(date)).count();
        let reason = if agreeing > 0 {
            format!("date line of an embedded post; {agreeing} weekday name(s) in the text name that same day")
        } else {
            "date line of an embedded post".to_string()
        };
        return Some(PublishedRec {
            date,
            datetime: None,
            source: PublishedSource::Post,
            confidence: if agreeing > 0 { 0.9 } else { 0.7 },
            evidence: Some(span),
            reason: Some(reason),
        });
    }
    if let Some((date, span)) = head_date_line(&a.text, found) {
        return Some(PublishedRec {
            date,
            datetime: None,
            source: PublishedSource::Inferred,
            confidence: 0.8,
            evidence: Some(span),
            reason: Some("the date line at the head of the article".to_string()),
        });
    }
    let (date, span) =
        found.iter().filter_map(|m| Some((m.explicit_date()?, m.span.clone()))).max_by_key(|(d, _)| *d)?;
    Some(PublishedRec {
        date,
        datetime: None,
        source: PublishedSource::Inferred,
        confidence: 0.5,
        evidence: Some(span),
        reason: Some("the latest full date written in the text".to_string()),
    })
}

/// A full date on the article's first line, with at most a short capitalised place name before it
/// ("Monday, May 18, 2015", "BERLIN 1996-08-30"): wire and Wikinews copy opens with the day it
/// was filed, while the latest date in the text is often a future or past event's.
fn head_date_line(text: &str, found: &[normalise::Found]) -> Option<(jiff::civil::Date, Range<usize>)> {
    const PLACE_BEFORE_DATE: usize = 40;
    let start = text.len() - text.trim_start().len();
    let first_line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let m = found.iter().find(|m| m.span.start >= start && m.span.start < first_line_end)?;
    let date = m.explicit_date()?;
    let before = &text[start..m.span.start];
    let place_like =
        before.split(|c: char| !c.is_alphabetic()).all(|w| w.chars().next().is_none_or(char::is_uppercase));
    (before.len() <= PLACE_BEFORE_DATE && place_like).then(|| (date, m.span.clone()))
}

#[cfg(test)]
mod tests;
