//! Recognition and TIMEX3 normalisation of time expressions: a handful of patterns (the
//! `regex` crate, linear in the text), the longest non-overlapping matches kept, each
//! resolved against the publication date (or the last explicit date) with jiff.

use crate::schema::TimeType;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)";
const NUMBER: &str = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|several|a few|few|many|some)";
const UNIT: &str = r"(?:second|minute|hour|day|week|month|year|decade|century|centuries|quarter)";
const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

/// What a match says, before it is resolved against a date.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    FullDate(Date),
    MonthDay(i8, i8),
    MonthYear(i16, i8),
    Month(i8, i32),
    Year(i16),
    Decade(String),
    Weekday(Weekday, i32, Option<&'static str>),
    DayOffset(i64, Option<&'static str>),
    Weekend(i32),
    Period(char, i32),
    Ago(Option<i64>, char),
    RelativeDay(i64),
    Quarter(i8),
    Season(&'static str, i32),
    Clock(i8, i8),
    Duration(String),
    Set(String),
    Ref(&'static str),
}

/// A recognised time expression.
#[derive(Debug, Clone)]
pub struct Found {
    /// Where it is (bytes).
    pub span: Range<usize>,
    kind: Kind,
    /// TIMEX3 modifier.
    pub modifier: Option<String>,
}

/// What a resolved value depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// Nothing: the expression is absolute.
    No,
    /// The publication date.
    ToPublication,
    /// The last explicit date before it.
    ToPrevious,
}

type Build = fn(&Captures<'_>) -> Option<(Kind, Option<String>)>;

static PATTERNS: LazyLock<Vec<(Regex, Build)>> = LazyLock::new(|| {
    let p = |re: String, b: Build| (Regex::new(&re).expect("time pattern compiles"), b);
    vec![
        p(format!(r"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"), |c| {
            Some((Kind::FullDate(date(num(c, "y")?, i32::from(month(c)?), num(c, "d")?)?), None))
        }),
        p(format!(r"\b(?P<d>\d{{1,2}})\s+(?P<m>{MONTH}),?\s+(?P<y>\d{{4}})\b"), |c| {
            Some((Kind::FullDate(date(num(c, "y")?, i32::from(month(c)?), num(c, "d")?)?), None))
        }),
        p(r"\b(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b".into(), |c| {
            Some((Kind::FullDate(date(num(c, "y")?, num(c, "mo")?, num(c, "d")?)?), None))
        }),
        p(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b".into(), |c| {
            Some((Kind::FullDate(date(num(c, "y")?, num(c, "mo")?, num(c, "d")?)?), None))
        }),
        p(format!(r"\b(?:(?P<x>(?i:early|mid|late))[- ])?(?P<m>{MONTH}),?\s+(?P<y>\d{{4}})\b"), |c| {
            Some((Kind::MonthYear(i16::try_from(num(c, "y")?).ok()?, month(c)?), part_mod(c)))
        }),
        p(format!(r"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"), |c| {
            let d = num(c, "d")?;
            (1..=31).contains(&d).then_some((Kind::MonthDay(month(c)?, i8::try_from(d).ok()?), None))
        }),
        p(format!(r"\b(?:(?P<rel>(?i:last|next|this|early|late|mid))[- ])?(?P<m>{MONTH})\b"), |c| {
            let m = month(c)?;
            let shift = match c.name("rel").map(|r| r.as_str().to_ascii_lowercase()).as_deref() {
                Some("last") => -1,
                Some("next") => 1,
                Some(_) => 0,
                // A bare month name: only the unambiguous ones ("May", "March" are also words).
                None if matches!(c.name("m")?.as_str(), "May" | "March" | "Jan" | "Aug") => return None,
                None => 0,
            };
            Some((Kind::Month(m, shift), part_mod(c)))
        }),
        p(format!(r"(?i)\b(?P<every>every|each)\s+(?P<wd>{WEEKDAY})\b"), |c| {
            Some((Kind::Set(format!("XXXX-WXX-{}", weekday(c)?.to_monday_one_offset())), None))
        }),
        p(
            format!(
                r"(?i)\b(?:(?P<rel>last|next|this|early|late)\s+)?(?P<wd>{WEEKDAY})(?P<plural>s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
            ),
            |c| {
                let wd = weekday(c)?;
                let part = c.name("part").map(|p| part_of_day(p.as_str()));
                if c.name("plural").is_some() {
                    let suffix = part.map_or(String::new(), |p| format!("T{p}"));
                    return Some((Kind::Set(format!("XXXX-WXX-{}{suffix}", wd.to_monday_one_offset())), None));
                }
                let shift = match c.name("rel").map(|r| r.as_str().to_ascii_lowercase()).as_deref() {
                    Some("last") => -1,
                    Some("next") => 1,
                    Some("this") => 2,
                    _ => 0,
                };
                Some((Kind::Weekday(wd, shift, part), None))
            },
        ),
        p(
            r"(?i)\b(?P<w>today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening|last night|overnight)\b"
                .into(),
            |c| {
                let w = c.name("w")?.as_str().to_ascii_lowercase();
                let (days, part) = match w.as_str() {
                    "today" => (0, None),
                    "yesterday" => (-1, None),
                    "tomorrow" => (1, None),
                    "tonight" | "overnight" => (0, Some("NI")),
                    "last night" => (-1, Some("NI")),
                    "this morning" => (0, Some("MO")),
                    "this afternoon" => (0, Some("AF")),
                    _ => (0, Some("EV")),
                };
                Some((Kind::DayOffset(days, part), None))
            },
        ),
        p(r"(?i)\b(?:(?P<rel>last|next|this|the)\s+)weekend\b".into(), |c| {
            Some((Kind::Weekend(shift_of(c.name("rel").map_or("", |r| r.as_str()))), None))
        }),
        p(
            r"(?i)\b(?P<rel>last|next|this|the past|the coming|the previous|the following|the current|earlier this|later this)\s+(?P<u>week|month|year|quarter|decade|century)\b"
                .into(),
            |c| {
                let unit = unit_letter(c.name("u")?.as_str())?;
                let rel = c.name("rel")?.as_str().to_ascii_lowercase();
                let shift = shift_of(&rel);
                let modifier = match rel.as_str() {
                    "earlier this" => Some("START".to_string()),
                    "later this" => Some("END".to_string()),
                    _ => None,
                };
                Some((Kind::Period(unit, shift), modifier))
            },
        ),
        p(format!(r"(?i)\b(?P<n>{NUMBER})\s+(?P<u>{UNIT})s?\s+(?:ago|earlier)\b"), |c| {
            Some((Kind::Ago(count(c.name("n")?.as_str()), unit_letter(c.name("u")?.as_str())?), None))
        }),
        p(
            r"(?i)\b(?:the\s+)?(?P<w>next day|following day|day before|previous day|day after|a day earlier|a day later)\b"
                .into(),
            |c| {
                let w = c.name("w")?.as_str().to_ascii_lowercase();
                let days = if w.contains("before") || w.contains("previous") || w.contains("earlier") { -1 } else { 1 };
                Some((Kind::RelativeDay(days), None))
            },
        ),
        p(
            format!(
                r"(?i)\b(?:(?P<approx>about|nearly|almost|more than|less than|over|at least|roughly|some)\s+)?(?:the\s+(?:past|last|next|first)\s+)?(?P<n>{NUMBER})[- ](?P<u>{UNIT})s?\b(?P<old>-old)?"
            ),
            |c| {
                if c.name("old").is_some() {
                    return None;
                }
                let unit = c.name("u")?.as_str().to_ascii_lowercase();
                let n = count(c.name("n")?.as_str());
                let modifier = c.name("approx").map(|a| approx_mod(a.as_str()).to_string());
                Some((Kind::Duration(duration(n, &unit)?), modifier))
            },
        ),
        p(
            format!(r"(?i)\b(?P<x>(?:the\s+)?(?:(?:past|last|next|coming)\s+)?(?:several|few|many|recent))\s+(?P<u>{UNIT})s\b"),
            |c| Some((Kind::Duration(duration(None, &c.name("u")?.as_str().to_ascii_lowercase())?), None)),
        ),
        p(r"(?i)\b(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b".into(), |c| {
            let q = match c.name("o")?.as_str().to_ascii_lowercase().as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                _ => 4,
            };
            Some((Kind::Quarter(q), None))
        }),
        p(r"(?i)\b(?P<rel>last|this|next|the|early|late)\s+(?P<s>spring|summer|fall|autumn|winter)\b".into(), |c| {
            let s = match c.name("s")?.as_str().to_ascii_lowercase().as_str() {
                "spring" => "SP",
                "summer" => "SU",
                "fall" | "autumn" => "FA",
                _ => "WI",
            };
            Some((Kind::Season(s, shift_of(c.name("rel")?.as_str())), None))
        }),
        p(r"(?i)\b(?:the\s+)?(?:(?P<x>early|mid|late)[- ])?(?P<d>(?:1[89]|20)\d)0'?s\b".into(), |c| {
            Some((Kind::Decade(c.name("d")?.as_str().to_string()), part_mod(c)))
        }),
        p(r"(?:^|[^$\d.,])(?P<y>\b(?:1[89]|20)\d\d)\b(?:[^\d,.%]|[,.](?:\D|$)|$)".into(), |c| {
            Some((Kind::Year(i16::try_from(num(c, "y")?).ok()?), None))
        }),
        p(
            r"(?i)\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am\b|pm\b)|\b(?P<noon>noon|midnight)\b"
                .into(),
            |c| {
                if let Some(w) = c.name("noon") {
                    return Some((Kind::Clock(if w.as_str().eq_ignore_ascii_case("noon") { 12 } else { 24 }, 0), None));
                }
                let mut h = i8::try_from(num(c, "h")?).ok()?;
                let m = c.name("m").map_or(Some(0), |m| m.as_str().parse().ok())?;
                let pm = c.name("ap")?.as_str().to_ascii_lowercase().starts_with('p');
                if !(1..=12).contains(&h) || m > 59 {
                    return None;
                }
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
                Some((Kind::Clock(h, m), None))
            },
        ),
        p(
            r"(?i)\b(?P<w>daily|weekly|monthly|annually|yearly|hourly|every day|every week|every month|every year|each day|each week|each month|each year)\b"
                .into(),
            |c| {
                let w = c.name("w")?.as_str().to_ascii_lowercase();
                let v = match w.trim_start_matches("every ").trim_start_matches("each ") {
                    "daily" | "day" => "P1D",
                    "weekly" | "week" => "P1W",
                    "monthly" | "month" => "P1M",
                    "hourly" => "PT1H",
                    "quarterly" => "P3M",
                    _ => "P1Y",
                };
                Some((Kind::Set(v.to_string()), None))
            },
        ),
        p(
            r"(?i)\b(?P<w>now|currently|recently|the past|the future|these days|nowadays|at present)\b"
                .into(),
            |c| {
                let r = match c.name("w")?.as_str().to_ascii_lowercase().as_str() {
                    "the future" | "soon" => "FUTURE_REF",
                    "recently" | "the past" | "previously" | "formerly" | "lately" => "PAST_REF",
                    _ => "PRESENT_REF",
                };
                Some((Kind::Ref(r), None))
            },
        ),
    ]
});

/// Every time expression in `text`: the longest match wins where patterns overlap.
pub fn find(text: &str) -> Vec<Found> {
    let mut all: Vec<Found> = Vec::new();
    for (re, build) in PATTERNS.iter() {
        for c in re.captures_iter(text) {
            // The year pattern matches a guard character on each side; its expression is `y`.
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let span = match c.name("y") {
                Some(y) if c.len() == 2 => y.range(),
                _ => whole,
            };
            let span = trim(text, span);
            if span.is_empty() {
                continue;
            }
            if let Some((kind, modifier)) = build(&c) {
                all.push(Found { span, kind, modifier });
            }
        }
    }
    all.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut kept: Vec<Found> = Vec::with_capacity(all.len());
    for f in all {
        if kept.last().is_some_and(|k| f.span.start < k.span.end) {
            continue;
        }
        kept.push(f);
    }
    kept
}

/// Whether the clause before `pos` speaks of the future ("will meet Friday").
pub fn future_context(text: &str, pos: usize) -> bool {
    let mut start = pos.saturating_sub(60);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = &text[start..pos];
    let clause = before.rsplit(['.', '!', '?', '\n']).next().unwrap_or(before).to_ascii_lowercase();
    [" will ", "'ll ", "’ll ", " going to ", "scheduled", "expected to", " plans to ", " next "]
        .iter()
        .any(|w| clause.contains(w) || clause.starts_with(w.trim_start()))
}

impl Found {
    /// The calendar date written out in full, if this is one.
    pub fn explicit_date(&self) -> Option<Date> {
        match self.kind {
            Kind::FullDate(d) => Some(d),
            _ => None,
        }
    }

    /// Whether this is a bare weekday name falling on `date`.
    pub fn weekday_agrees(&self, date: Date) -> bool {
        matches!(self.kind, Kind::Weekday(wd, 0, _) if wd == date.weekday())
    }

    /// The TIMEX3 type and value, given the publication date and the last explicit date.
    pub fn resolve(
        &self,
        anchor: Option<Date>,
        previous: Option<Date>,
        future: bool,
    ) -> Option<(TimeType, String, Relative)> {
        use Relative::{No, ToPrevious, ToPublication};
        let date_value = |d: Date| d.strftime("%Y-%m-%d").to_string();
        Some(match &self.kind {
            Kind::FullDate(d) => (TimeType::Date, date_value(*d), No),
            Kind::MonthYear(y, m) => (TimeType::Date, format!("{y:04}-{m:02}"), No),
            Kind::Year(y) => (TimeType::Date, format!("{y:04}"), No),
            Kind::Decade(d) => (TimeType::Date, d.clone(), No),
            Kind::Duration(v) => (TimeType::Duration, v.clone(), No),
            Kind::Set(v) => (TimeType::Set, v.clone(), No),
            Kind::Ref(r) => (TimeType::Date, (*r).to_string(), No),
            Kind::MonthDay(m, d) => match anchor {
                Some(a) => {
                    let year = nearest_year(a, *m);
                    (TimeType::Date, date_value(Date::new(year, *m, *d).ok()?), ToPublication)
                }
                None => (TimeType::Date, format!("XXXX-{m:02}-{d:02}"), No),
            },
            Kind::Month(m, shift) => match anchor {
                Some(a) => {
                    let year = match shift {
                        0 => nearest_year(a, *m),
                        // "last April" is the latest April before publication, "next" the first after.
                        -1 => {
                            if *m < a.month() {
                                a.year()
                            } else {
                                a.year() - 1
                            }
                        }
                        _ => {
                            if *m > a.month() {
                                a.year()
                            } else {
                                a.year() + 1
                            }
                        }
                    };
                    (TimeType::Date, format!("{year:04}-{m:02}"), ToPublication)
                }
                None => (TimeType::Date, format!("XXXX-{m:02}"), No),
            },
            Kind::Weekday(wd, shift, part) => {
                let Some(a) = anchor else {
                    return Some((TimeType::Date, format!("XXXX-WXX-{}", wd.to_monday_one_offset()), No));
                };
                let d = weekday_date(a, *wd, *shift, future)?;
                match part {
                    Some(p) => (TimeType::Time, format!("{}T{p}", date_value(d)), ToPublication),
                    None => (TimeType::Date, date_value(d), ToPublication),
                }
            }
            Kind::DayOffset(days, part) => {
                let d = anchor?.checked_add(days.days()).ok()?;
                match part {
                    Some(p) => (TimeType::Time, format!("{}T{p}", date_value(d)), ToPublication),
                    None => (TimeType::Date, date_value(d), ToPublication),
                }
            }
            Kind::RelativeDay(days) => match previous {
                Some(p) => (TimeType::Date, date_value(p.checked_add(days.days()).ok()?), ToPrevious),
                None => (TimeType::Date, date_value(anchor?.checked_add(days.days()).ok()?), ToPublication),
            },
            Kind::Weekend(shift) => {
                let a = anchor?;
                let d = a.checked_add((i64::from(*shift) * 7).days()).ok()?;
                (TimeType::Date, format!("{}-WE", iso_week(d)), ToPublication)
            }
            Kind::Period(unit, shift) => {
                let a = anchor?;
                let value = match unit {
                    'W' => iso_week(a.checked_add((i64::from(*shift) * 7).days()).ok()?),
                    'M' => {
                        let d = a.checked_add(shift.months()).ok()?;
                        format!("{:04}-{:02}", d.year(), d.month())
                    }
                    'Q' => {
                        let d = a.checked_add((shift * 3).months()).ok()?;
                        format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
                    }
                    'E' => format!("{:03}", (i32::from(a.year()) + shift * 10) / 10),
                    'C' => format!("{:02}", (i32::from(a.year()) + shift * 100) / 100),
                    _ => format!("{:04}", i32::from(a.year()) + shift),
                };
                (TimeType::Date, value, ToPublication)
            }
            Kind::Ago(n, unit) => {
                let a = anchor?;
                let Some(n) = n else {
                    return Some((TimeType::Date, "PAST_REF".to_string(), No));
                };
                let value = match unit {
                    'D' => date_value(a.checked_sub(n.days()).ok()?),
                    'W' => iso_week(a.checked_sub(n.weeks()).ok()?),
                    'M' => {
                        let d = a.checked_sub(n.months()).ok()?;
                        format!("{:04}-{:02}", d.year(), d.month())
                    }
                    'Y' => format!("{:04}", a.checked_sub(n.years()).ok()?.year()),
                    _ => return None,
                };
                (TimeType::Date, value, ToPublication)
            }
            Kind::Quarter(q) => match anchor {
                Some(a) => {
                    let current = (a.month() - 1) / 3 + 1;
                    let year = if *q > current { a.year() - 1 } else { a.year() };
                    (TimeType::Date, format!("{year:04}-Q{q}"), ToPublication)
                }
                None => (TimeType::Date, format!("XXXX-Q{q}"), No),
            },
            Kind::Season(s, shift) => {
                let a = anchor?;
                (TimeType::Date, format!("{:04}-{s}", i32::from(a.year()) + shift), ToPublication)
            }
            Kind::Clock(h, m) => match anchor {
                Some(a) => (TimeType::Time, format!("{}T{h:02}:{m:02}", date_value(a)), ToPublication),
                None => (TimeType::Time, format!("XXXX-XX-XXT{h:02}:{m:02}"), No),
            },
        })
    }
}

/// The date of a weekday named in a text published on `anchor`: the same day or the
/// previous one in a past-tense clause, the next one in a future clause; `last`/`next`
/// move a week; `this` means the current week.
fn weekday_date(anchor: Date, wd: Weekday, shift: i32, future: bool) -> Option<Date> {
    let back = i64::from(anchor.weekday().since(wd));
    let ahead = i64::from(wd.since(anchor.weekday()));
    let days = match shift {
        -1 => -(if back == 0 { 7 } else { back }),
        1 => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        2 => i64::from(wd.to_monday_one_offset()) - i64::from(anchor.weekday().to_monday_one_offset()),
        _ if future => ahead,
        _ => -back,
    };
    anchor.checked_add(days.days()).ok()
}

/// The year that puts month `m` nearest to the publication date ("January" in a December
/// article is next month, "November" in a January article last November).
fn nearest_year(anchor: Date, m: i8) -> i16 {
    let diff = i32::from(m) - i32::from(anchor.month());
    match diff {
        d if d > 6 => anchor.year() - 1,
        d if d < -6 => anchor.year() + 1,
        _ => anchor.year(),
    }
}

fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn trim(text: &str, mut r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    r.start += s.len() - s.trim_start().len();
    let s = &text[r.clone()];
    r.end -= s.len() - s.trim_end().len();
    r
}

fn num(c: &Captures<'_>, name: &str) -> Option<i32> {
    c.name(name)?.as_str().parse().ok()
}

fn month(c: &Captures<'_>) -> Option<i8> {
    crate::embeds::month_number(c.name("m")?.as_str())
}

fn date(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

fn weekday(c: &Captures<'_>) -> Option<Weekday> {
    Some(match c.name("wd")?.as_str().to_ascii_lowercase().get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        _ => Weekday::Sunday,
    })
}

fn part_of_day(p: &str) -> &'static str {
    match p.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    }
}

fn part_mod(c: &Captures<'_>) -> Option<String> {
    let x = c.name("x").or_else(|| c.name("rel"))?.as_str().to_ascii_lowercase();
    match x.as_str() {
        "early" => Some("START".into()),
        "mid" => Some("MID".into()),
        "late" => Some("END".into()),
        _ => None,
    }
}

fn approx_mod(a: &str) -> &'static str {
    match a.to_ascii_lowercase().as_str() {
        "more than" | "over" => "MORE_THAN",
        "less than" => "LESS_THAN",
        "at least" => "EQUAL_OR_MORE",
        "almost" | "nearly" => "APPROX",
        _ => "APPROX",
    }
}

fn shift_of(rel: &str) -> i32 {
    match rel.to_ascii_lowercase().as_str() {
        "last" | "the past" | "the previous" => -1,
        "next" | "the coming" | "the following" => 1,
        _ => 0,
    }
}

fn unit_letter(u: &str) -> Option<char> {
    Some(match u.to_ascii_lowercase().trim_end_matches('s') {
        "day" => 'D',
        "week" => 'W',
        "month" => 'M',
        "quarter" => 'Q',
        "year" => 'Y',
        "decade" => 'E',
        "century" | "centurie" => 'C',
        _ => return None,
    })
}

/// The number a word stands for; `None` for vague quantities ("several").
fn count(w: &str) -> Option<i64> {
    let w = w.to_ascii_lowercase();
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    Some(match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// A TIMEX3 duration: `P3D`, `PT48H`, `PXY` for a vague count.
fn duration(n: Option<i64>, unit: &str) -> Option<String> {
    let n = n.map_or("X".to_string(), |n| n.to_string());
    Some(match unit.trim_end_matches('s') {
        "second" => format!("PT{n}S"),
        "minute" => format!("PT{n}M"),
        "hour" => format!("PT{n}H"),
        "day" => format!("P{n}D"),
        "week" => format!("P{n}W"),
        "month" => format!("P{n}M"),
        "quarter" => format!("P{n}Q"),
        "year" => format!("P{n}Y"),
        "decade" => format!("P{n}E"),
        "century" | "centurie" | "centuries" => format!("P{n}C"),
        _ => return None,
    })
}
