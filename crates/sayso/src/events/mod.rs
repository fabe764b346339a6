//! Stage 7, events: reads tokens, sentences, entities, times and claims; adds events with
//! trigger, type, CAMEO code, participants, time, place, modality, polarity and the claim
//! that reports them.

use crate::analysis::Analysis;
use crate::schema::{EntityType, EventType, Modality, ParticipantRole, Polarity};
use crate::text::TokenKind;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

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

/// PETRARCH2's verbs (`cameo_verbs.tsv`): default codes, irregular forms, and codes for
/// the words that may follow a verb.
struct Verbs {
    code: HashMap<&'static str, &'static str>,
    irregular: HashMap<&'static str, &'static str>,
    patterns: HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>>,
}

static VERBS: LazyLock<Verbs> = LazyLock::new(|| {
    let mut v = Verbs { code: HashMap::new(), irregular: HashMap::new(), patterns: HashMap::new() };
    for line in include_str!("cameo_verbs.tsv").lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        match cols.as_slice() {
            ["V", verb, code] => {
                v.code.insert(verb, code);
            }
            ["I", form, base] => {
                v.irregular.insert(form, base);
            }
            ["P", verb, words, code] => {
                v.patterns.entry(verb).or_default().push((words.split(' ').collect(), code));
            }
            _ => {}
        }
    }
    // Longest patterns first, so the most specific one wins.
    for list in v.patterns.values_mut() {
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    v
});

static NOUNS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("nouns.tsv").lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')).collect()
});

static CODE_NAMES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("cameo_codes.tsv").lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')).collect()
});

/// The name of a CAMEO code in the code book (or of its root category), if the code exists.
#[must_use]
pub fn cameo_label(code: &str) -> Option<&'static str> {
    CODE_NAMES.get(code).or_else(|| code.get(..2).and_then(|root| CODE_NAMES.get(root))).copied()
}

/// sayso's event type for a CAMEO code.
fn event_type(code: &str) -> EventType {
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

/// The base form of a verb form, if PETRARCH2 knows the verb.
fn verb_base(w: &str) -> Option<&'static str> {
    let known = |b: &str| VERBS.code.get_key_value(b).map(|(k, _)| *k);
    if let Some(b) = VERBS.irregular.get(w) {
        return Some(b);
    }
    if let Some(b) = known(w) {
        return Some(b);
    }
    let stem = |suffix: &str| w.strip_suffix(suffix).filter(|s| s.len() >= 2);
    for (suffix, add) in [
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ] {
        if let Some(s) = stem(suffix) {
            if let Some(b) = known(&format!("{s}{add}")) {
                return Some(b);
            }
            // Doubled consonant: "planned", "stopping".
            let mut chars = s.chars();
            if let (Some(last), Some(prev)) = (chars.next_back(), chars.next_back()) {
                if last == prev {
                    if let Some(b) = known(&s[..s.len() - last.len_utf8()]) {
                        return Some(b);
                    }
                }
            }
        }
    }
    None
}

const NEGATIONS: &[&str] = &["not", "n't", "n’t", "never", "no"];
const PLANNING: &[&str] = &[
    "planning",
    "planned",
    "plans",
    "plan",
    "plotting",
    "plotted",
    "intend",
    "intended",
    "intending",
    "preparing",
    "prepared",
];
const HYPOTHETICAL: &[&str] = &["would", "could", "might", "may", "if", "should"];
const PREVENTING: &[&str] =
    &["thwarted", "thwart", "prevented", "prevent", "foiled", "foil", "stopped", "averted", "stop"];
const BE: &[&str] = &["was", "were", "is", "are", "been", "be", "being"];
const SHARING: &[&str] = &["provide", "share", "give", "pass", "supply", "exchange"];

/// Runs the stage.
pub fn run(a: &mut Analysis) {
    let lower: Vec<String> = a.tokens.iter().map(|t| a.text[t.start..t.end].to_lowercase()).collect();
    let lw = |i: usize| lower.get(i).map_or("", String::as_str);
    let mut events = Vec::new();
    let mut claim_spans: Vec<(usize, usize, usize)> =
        a.claims.iter().enumerate().flat_map(|(ci, c)| c.content.iter().map(move |r| (r.start, r.end, ci))).collect();
    claim_spans.sort_unstable();
    let n = a.tokens.len();
    let mut i = 0;
    while i < n {
        let t = &a.tokens[i];
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let w = lw(i);
        let prev = if i > 0 { lw(i - 1) } else { "" };
        let determiner_before = matches!(prev, "a" | "an" | "the" | "his" | "her" | "their" | "its" | "this" | "that");
        // Nouns first (two words, then one), then verbs.
        let two = format!("{w} {}", lw(i + 1));
        let (code, len, is_noun) = if let Some(c) = NOUNS.get(two.as_str()) {
            ((*c).to_string(), 2, true)
        } else if let Some(c) =
            NOUNS.get(w).filter(|_| determiner_before || w.ends_with('s') || prev == "of" || lw(i + 1) == "of")
        {
            ((*c).to_string(), 1, true)
        } else if let Some(base) = verb_base(w).filter(|_| {
            // "White House press secretary": a word inside a name's title is no verb.
            let inflected = w.ends_with("ed") || w.ends_with("ing") || (w.ends_with('s') && !w.ends_with("ss"));
            let next_lower =
                a.tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word) && !is_capitalised(a, i + 1);
            let in_title = i > 0 && is_capitalised(a, i - 1) && !inflected && next_lower;
            !determiner_before && !in_title && !is_capitalised(a, i) && !PLANNING.contains(&w)
        }) {
            // Claim verbs are the claims stage's: "claiming to be" is no accusation.
            if matches!(base, "claim" | "allege" | "charge") {
                i += 1;
                continue;
            }
            let Some(code) = verb_code(base, i, &lower) else {
                i += 1;
                continue;
            };
            (code, 1, false)
        } else {
            i += 1;
            continue;
        };
        if code.starts_with("01") || code.len() < 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
            i += len;
            continue;
        }
        let trigger = t.start..a.tokens[i + len - 1].end;
        let sentence = a.sentences.get(t.sentence).map_or(0..n, |s| s.tokens.clone());
        let window = |back: usize| (i.saturating_sub(back).max(sentence.start)..i).map(lw).collect::<Vec<&str>>();
        let before3 = window(3);
        let passive = !is_noun && BE.contains(&prev);

        let claim = innermost_claim(&claim_spans, trigger.start, &a.claims);
        let mut modality = vec![if claim.is_some() { Modality::Reported } else { Modality::Asserted }];
        if before3.iter().any(|w| PLANNING.contains(w)) {
            modality.push(Modality::Planned);
        }
        let stopped_after = (i + len..(i + len + 4).min(sentence.end)).any(|k| PREVENTING.contains(&lw(k)));
        if before3.iter().any(|w| PREVENTING.contains(w)) || (is_noun && stopped_after) {
            modality.push(Modality::Prevented);
        }
        if before3.iter().any(|w| HYPOTHETICAL.contains(w)) {
            modality.push(Modality::Hypothetical);
        }
        let polarity =
            if before3.iter().any(|w| NEGATIONS.contains(w)) { Polarity::Negative } else { Polarity::Positive };

        let mut participants = Vec::new();
        let before_mention = mention_before(a, sentence.start, i, prev == "to");
        let after_mention = mention_after(a, i + len, sentence.end.min(i + len + 7));
        if is_noun {
            if lw(i + len) == "of" {
                if let Some(m) = after_mention {
                    participants.push(participant(a, ParticipantRole::Target, m));
                }
            }
        } else if passive {
            if let Some(m) = before_mention {
                participants.push(participant(a, ParticipantRole::Target, m));
            }
            if lw(i + 1) == "by" {
                if let Some(m) = mention_after(a, i + 2, sentence.end.min(i + 8)) {
                    participants.push(participant(a, ParticipantRole::Source, m));
                }
            }
        } else {
            // "Putin called Trump to thank him": the infinitive shares the clause's subject.
            let earlier: Option<&EventRec> = events
                .last()
                .filter(|e: &&EventRec| prev == "to" && a.sentence_at(e.trigger.start) == Some(t.sentence));
            let shared =
                earlier.and_then(|e| e.participants.iter().find(|p| p.role == ParticipantRole::Source)).cloned();
            if let Some(p) = shared {
                participants.push(p);
            } else if let Some(m) = before_mention {
                participants.push(participant(a, ParticipantRole::Source, m));
            }
            let object = after_mention
                .map(|m| participant(a, ParticipantRole::Target, m))
                .or_else(|| noun_phrase(a, &lower, i + len, sentence.end));
            if let Some(p) = object.filter(|p| !is_place(a, p)) {
                participants.push(p);
            }
        }
        let place = place_after(a, &lower, i + len, sentence.end);
        let time = nearest_time(a, &trigger, a.sentences.get(t.sentence).map(|s| s.span.clone()))
            .map(|ti| (ti, false))
            .or_else(|| claim.and_then(|c| a.claims[c].time).map(|ti| (ti, true)));
        events.push(EventRec {
            event_type: event_type(&code),
            cameo: Some(code),
            trigger,
            participants,
            time,
            place,
            modality,
            polarity,
            claim,
        });
        i += len;
    }
    a.events = events;
}

fn is_capitalised(a: &Analysis, i: usize) -> bool {
    let t = &a.tokens[i];
    let first_of_sentence = a.sentences.get(t.sentence).is_some_and(|s| s.tokens.start == i);
    !first_of_sentence && a.text[t.start..t.end].starts_with(char::is_uppercase)
}

/// The verb's code: a pattern of the words after it, "share/provide ... information" as
/// intelligence sharing, or the verb's default.
fn verb_code(base: &str, i: usize, lower: &[String]) -> Option<String> {
    let after: Vec<&str> = (i + 1..(i + 8).min(lower.len())).map(|k| lower[k].as_str()).collect();
    if let Some(list) = VERBS.patterns.get(base) {
        for (words, code) in list {
            for start in 0..after.len().min(4) {
                if after.len() >= start + words.len() && after[start..start + words.len()] == words[..] {
                    return Some((*code).to_string());
                }
            }
        }
    }
    if SHARING.contains(&base) {
        let near = (i.saturating_sub(4)..(i + 5).min(lower.len()))
            .any(|k| matches!(lower[k].as_str(), "information" | "intelligence" | "tip" | "tips"));
        if near {
            return Some("064".to_string());
        }
    }
    VERBS.code.get(base).map(|c| (*c).to_string())
}

/// The innermost claim whose content contains `pos` (claims' content spans sorted by start).
fn innermost_claim(spans: &[(usize, usize, usize)], pos: usize, claims: &[crate::claims::ClaimRec]) -> Option<usize> {
    let upto = spans.partition_point(|&(s, _, _)| s <= pos);
    spans[..upto]
        .iter()
        .rev()
        .take(32)
        .filter(|&&(s, e, _)| s <= pos && pos < e)
        .min_by_key(|&&(_, _, c)| claims[c].content.iter().map(|r| r.len()).sum::<usize>())
        .map(|&(_, _, c)| c)
}

/// The nearest entity mention before token `i` in its sentence (the subject of the
/// sentence for an infinitive: "Putin called Trump to thank him").
fn mention_before(a: &Analysis, floor: usize, i: usize, infinitive: bool) -> Option<usize> {
    let lo = a.tokens.get(floor)?.start;
    let hi = a.tokens.get(i)?.start;
    let first = a.mentions.partition_point(|m| m.span.start < lo);
    let last = a.mentions.partition_point(|m| m.span.end <= hi);
    let usable = |m: &&crate::entities::MentionRec| !m.entities.is_empty();
    if infinitive {
        a.mentions[first..last.max(first)].iter().position(|m| usable(&m)).map(|p| first + p)
    } else {
        a.mentions[first..last.max(first)].iter().rposition(|m| usable(&m)).map(|p| first + p)
    }
}

fn mention_after(a: &Analysis, from: usize, limit: usize) -> Option<usize> {
    let lo = a.tokens.get(from)?.start;
    let hi = a.tokens.get(limit.checked_sub(1)?)?.end;
    let first = a.mentions.partition_point(|m| m.span.start < lo);
    a.mentions.get(first).filter(|m| m.span.end <= hi && !m.entities.is_empty()).map(|_| first)
}

fn participant(a: &Analysis, role: ParticipantRole, mention: usize) -> ParticipantRec {
    let m = &a.mentions[mention];
    ParticipantRec { role, span: m.span.clone(), entity: (m.entities.len() == 1).then(|| m.entities[0]) }
}

fn is_place(a: &Analysis, p: &ParticipantRec) -> bool {
    p.entity.is_some_and(|e| matches!(a.entities[e].entity_type, EntityType::Gpe | EntityType::Location))
        && a.text[..p.span.start].trim_end().ends_with(" in")
}

/// A bare object noun phrase: "arrested seven people", up to a preposition or punctuation.
fn noun_phrase(a: &Analysis, lower: &[String], from: usize, limit: usize) -> Option<ParticipantRec> {
    let mut end = from;
    while end < limit && end < from + 5 && a.tokens[end].kind != TokenKind::Punct {
        let w = lower[end].as_str();
        if end > from
            && matches!(
                w,
                "in" | "at"
                    | "on"
                    | "to"
                    | "for"
                    | "with"
                    | "from"
                    | "by"
                    | "during"
                    | "who"
                    | "that"
                    | "which"
                    | "and"
            )
        {
            break;
        }
        if !matches!(a.tokens[end].kind, TokenKind::Word | TokenKind::Number) {
            break;
        }
        end += 1;
    }
    (end > from && !matches!(lower[from].as_str(), "to" | "that" | "in" | "on" | "at")).then(|| ParticipantRec {
        role: ParticipantRole::Target,
        span: a.tokens[from].start..a.tokens[end - 1].end,
        entity: None,
    })
}

/// "in St. Petersburg": the first place mention after the trigger led by in/at.
fn place_after(a: &Analysis, lower: &[String], from: usize, limit: usize) -> Option<PlaceRec> {
    let lo = a.tokens.get(from)?.start;
    let hi = a.tokens.get(limit.checked_sub(1)?)?.end;
    let first = a.mentions.partition_point(|m| m.span.start < lo);
    a.mentions[first..].iter().take_while(|m| m.span.end <= hi).take(6).find_map(|m| {
        let e = *m.entities.first()?;
        let place = matches!(a.entities[e].entity_type, EntityType::Gpe | EntityType::Location);
        let k = a.token_at_or_after(m.span.start);
        let led = k > 0 && matches!(lower[k - 1].as_str(), "in" | "at" | "near");
        (place && led).then(|| PlaceRec { span: m.span.clone(), entity: Some(e) })
    })
}

/// The time expression nearest the trigger in its sentence, within a short distance.
fn nearest_time(a: &Analysis, trigger: &Range<usize>, sentence: Option<Range<usize>>) -> Option<usize> {
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

#[cfg(test)]
mod tests;
