//! Recognition and TIMEX3 normalisation of time expressions: a handful of patterns (the
//! `regex` crate, linear in the text), the longest non-overlapping matches kept, each
//! resolved against the publication date (or the last explicit date) with jiff.

use crate::schema::TimeType;
use aho_corasick::AhoCorasick;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)";
const NUMBER: &str = r"(?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|a few|few|many|some)";
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
    /// The nth quarter of a year: implicit (the latest such quarter), written, or shifted.
    Quarter(i8, YearOf),
    /// The reporting quarter of the text ("the quarter", "the latest period"), moved by
    /// some years ("the year-ago quarter" is -1); `true` when it is called a period, which
    /// after "the nine months" is that span, read as its year.
    ReportQuarter(YearOf, bool),
    /// "a year ago", "a year earlier", "year-earlier": a year before publication, at the
    /// granularity of the reporting quarter when the text has one.
    YearBefore,
    /// A year counted from the reference time ("that year" 0, "the following year" 1).
    RefYear(i32),
    /// A month counted from the last month written ("the following month" 1).
    RefMonth(i32),
    /// A weekday counted from the last day named ("the previous Friday" -1, "the following
    /// Friday" 1).
    RefWeekday(Weekday, i32),
    /// "The week" the text speaks of, not said which: a week of the publication year
    /// (`1989-WXX`).
    SomeWeek,
    /// A month in a year counted from publication ("July last year").
    MonthOfYear(i8, i32),
    /// A century by its (1-based) ordinal ("the 20th century" is `19`).
    Century(i16),
    /// A holiday on a fixed or computed day of a month.
    Holiday(Holiday, i32),
    /// The first (1) or second (2) half of a year.
    Half(i8, YearOf),
    Season(&'static str, i32),
    Clock(i8, i8),
    /// A clock time on a day ("9 a.m. Tuesday", "noon Thursday", "5 p.m. EST Nov. 9").
    ClockOn(i8, i8, Box<Kind>),
    Duration(String),
    Set(String),
    Ref(&'static str),
}

/// Which year a quarter belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearOf {
    /// Not said: the latest such quarter up to publication.
    Implicit,
    /// Written out ("the third quarter of 1984", "the 1988 third quarter").
    Written(i16),
    /// Counted from the publication year ("next year's first quarter").
    Shift(i32),
}

/// A holiday sayso can date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holiday {
    /// The fourth Thursday of November (US).
    Thanksgiving,
    /// December 25.
    Christmas,
    /// December 24.
    ChristmasEve,
    /// January 1.
    NewYearsDay,
    /// December 31.
    NewYearsEve,
    /// The Tuesday after the first Monday of November (US).
    ElectionDay,
    /// July 4 (US).
    IndependenceDay,
}

/// What a relative expression may be resolved against, updated as the text is read.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The publication date.
    pub anchor: Option<Date>,
    /// The last full date written in the text (the reference time of "the next day").
    pub previous: Option<Date>,
    /// The last year written in the text (the reference time of "that year").
    pub year: Option<i16>,
    /// The last month written in the text (the reference time of "the following month").
    pub month: Option<(i16, i8)>,
    /// The last day named in the text, as resolved (the reference time of "the previous
    /// Friday").
    pub day: Option<Date>,
    /// The last quarter named in the text: the text's reporting period.
    pub quarter: Option<(i16, i8)>,
    /// Whether the period the text last spoke of is a year or a span of a year to date ("the
    /// nine months", "last year") rather than a quarter: then "a year earlier" is a year, not
    /// the reporting quarter of the year before.
    pub year_grain: bool,
    /// Whether the clause around the expression speaks of the future.
    pub future: bool,
    /// Whether the expression is a deadline ("by February"): ahead when at most half a year ahead.
    pub deadline: bool,
    /// Whether the words just before the expression put it in the past ("the quarter ended
    /// Oct. 31").
    pub past: bool,
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
    /// The last year written before it.
    ToYear,
    /// The last month written before it.
    ToMonth,
    /// The last day named before it.
    ToDay,
}

type Build = fn(&Captures<'_>) -> Option<(Kind, Option<String>)>;

/// Gate keys, one of which occurs inside every match of a pattern; a line where none of
/// them occurs is not searched with that pattern. A key is a set of literals ("<now>|<current>",
/// see [`KeyLiteral`] for the marks), or one of the `#` keys [`key_words_in`] computes
/// from the bytes around it.
type Gate = &'static [&'static str];

/// Any ASCII digit.
const DIGITS: Gate = &["#digit"];

/// A digit, a slash and a digit ("5/12/2020"): every match of the slashed date has one.
const DIGIT_SLASH: Gate = &["#d/d"];

/// A digit, a hyphen and a digit ("2020-05-12"): every match of the ISO date has one.
const DIGIT_HYPHEN: Gate = &["#d-d"];

/// A month name (as in [`MONTHS`]) with a digit next to it across white space, commas and a
/// period ("Jan. 5", "May 2020", "5 May", "Sept., 1990"): every match of the patterns that
/// write a day or a year beside a month has one.
const MONTH_DIGIT: Gate = &["#month-digit"];

/// Units (one of which a duration or a counted period contains), at the start of a word.
const UNITS: Gate = &["<second|<minute|<hour|<day|<week|<month|<year|<decade|<centur|<quarter"];

/// The capitalised month names and abbreviations [`MONTH`] is made of (case-sensitive, as it is).
const MONTHS: Gate = &["^<Jan|^<Feb|^<Mar|^<Apr|^<May|^<Jun|^<Jul|^<Aug|^<Sep|^<Oct|^<Nov|^<Dec"];

/// Weekday names (and their plurals).
const WEEKDAYS: Gate = &["<monday|<tuesday|<wednesday|<thursday|<friday|<saturday|<sunday"];

/// "year" at the start of a word.
const YEAR: Gate = &["<year"];

/// "day" as a word.
const DAY: Gate = &["<day>"];

/// "every", "each".
const EVERY: Gate = &["<every>|<each>"];

/// A pattern: the regex, what a match says, its gate, and a second gate (empty: none) that
/// must also be open before the regex is run on a line, so that a line with "for" but no
/// unit, or a month but no digit, is not searched.
type Pattern = (Regex, Build, Gate, Gate);

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let p = |gate: Gate, re: String, b: Build| (ascii_regex(&re), b, gate, &[][..]);
    let pa = |gate: Gate, also: Gate, re: String, b: Build| (ascii_regex(&re), b, gate, also);
    vec![
        pa(MONTHS, MONTH_DIGIT, format!(r"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"), |c| {
            Some((Kind::FullDate(date(num(c, "y")?, i32::from(month(c)?), num(c, "d")?)?), None))
        }),
        pa(MONTHS, MONTH_DIGIT, format!(r"\b(?P<d>\d{{1,2}})\s+(?P<m>{MONTH}),?\s+(?P<y>\d{{4}})\b"), |c| {
            Some((Kind::FullDate(date(num(c, "y")?, i32::from(month(c)?), num(c, "d")?)?), None))
        }),
        p(DIGIT_SLASH, r"\b(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b".into(), |c| {
            Some((Kind::FullDate(date(num(c, "y")?, num(c, "mo")?, num(c, "d")?)?), None))
        }),
        p(DIGIT_HYPHEN, r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b".into(), |c| {
            Some((Kind::FullDate(date(num(c, "y")?, num(c, "mo")?, num(c, "d")?)?), None))
        }),
        pa(MONTHS, MONTH_DIGIT, format!(r"\b(?:(?P<x>(?i:early|mid|late))[- ])?(?P<m>{MONTH}),?\s+(?P<y>\d{{4}})\b"), |c| {
            Some((Kind::MonthYear(i16::try_from(num(c, "y")?).ok()?, month(c)?), part_mod(c)))
        }),
        pa(MONTHS, MONTH_DIGIT, format!(r"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"), |c| {
            let d = num(c, "d")?;
            (1..=31).contains(&d).then_some((Kind::MonthDay(month(c)?, i8::try_from(d).ok()?), None))
        }),
        p(MONTHS,
            format!(
                r"(?:\b(?P<prep>(?i:in|since|by|until|till|from|through|before|after|during|of|between|the))\s+)?(?P<t>\b(?:(?P<rel>(?i:last|next|this|early|late|mid))[- ])?(?P<m>{MONTH}))\b(?P<name>\s+[A-Z][a-z])?"
            ),
            |c| {
                let m = month(c)?;
                let shift = match c.name("rel").map(|r| r.as_str().to_ascii_lowercase()).as_deref() {
                    Some("last") => -1,
                    Some("next") => 1,
                    Some("this") => return Some((Kind::MonthOfYear(m, 0), None)),
                    Some(_) => 0,
                    // "May", "March" are also words: alone they are months only after a
                    // preposition ("in May", "since March").
                    None if (c.name("prep").is_none() || c.name("name").is_some())
                        && matches!(c.name("m")?.as_str(), "May" | "March" | "Jan" | "Aug") =>
                    {
                        return None;
                    }
                    None => 0,
                };
                Some((Kind::Month(m, shift), part_mod(c)))
            },
        ),
        // "July last year", "early October this year" (one expression, not a month and a year).
        pa(MONTHS, &["<year>"], format!(r"\b(?:(?P<x>(?i:early|mid|late))[- ])?(?P<m>{MONTH})\s+(?P<rel>(?i:this|last|next))\s+year\b"), |c| {
            Some((Kind::MonthOfYear(month(c)?, shift_of(c.name("rel")?.as_str())), part_mod(c)))
        }),
        pa(EVERY, WEEKDAYS, format!(r"(?i)\b(?P<every>every|each)\s+(?P<wd>{WEEKDAY})\b"), |c| {
            Some((Kind::Set(format!("XXXX-WXX-{}", weekday(c)?.to_monday_one_offset())), None))
        }),
        pa(EVERY, MONTHS, format!(r"\b(?i:every|each)\s+(?P<m>{MONTH})\b"), |c| Some((Kind::Set(format!("XXXX-{:02}", month(c)?)), None))),
        p(WEEKDAYS,
            format!(
                r"(?i)\b(?:(?P<rel>last|next|this\s+coming|coming|this|early|late|the\s+previous|the\s+preceding|the\s+following)\s+)?(?P<wd>{WEEKDAY})(?P<plural>s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
            ),
            |c| {
                let wd = weekday(c)?;
                let part = c.name("part").map(|p| part_of_day(p.as_str()));
                if c.name("plural").is_some() {
                    let suffix = part.map_or(String::new(), |p| format!("T{p}"));
                    return Some((Kind::Set(format!("XXXX-WXX-{}{suffix}", wd.to_monday_one_offset())), None));
                }
                let rel = c.name("rel").map(|r| r.as_str().to_ascii_lowercase());
                // "The previous Friday" counts from the day the text spoke of last.
                if let Some(r) = rel.as_deref().filter(|r| r.starts_with("the")) {
                    return Some((Kind::RefWeekday(wd, if r.ends_with("following") { 1 } else { -1 }), None));
                }
                let shift = match rel.as_deref() {
                    Some("last") => -1,
                    Some("next") => 1,
                    Some("this") => 2,
                    // "(this) coming Sunday" is the next one.
                    Some(r) if r.ends_with("coming") => 1,
                    _ => 0,
                };
                Some((Kind::Weekday(wd, shift, part), None))
            },
        ),
        p(&["<today>|<yesterday>|<tomorrow>|<tonight>|<overnight>|<morning>|<afternoon>|<evening>|<night>"],
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
        p(&["<weekend>"], r"(?i)\b(?:(?P<rel>last|next|this|the)\s+)weekend\b".into(), |c| {
            Some((Kind::Weekend(shift_of(c.name("rel").map_or("", |r| r.as_str()))), None))
        }),
        pa(&["<week>|<month>|<year>|<quarter>|<decade>|<century>"], &["<last>|<next>|<this>|<past>|<coming>|<previous>|<following>|<current>"],
            r"(?i)\b(?P<rel>last|next|this|the past|the coming|the previous|the following|the current|earlier this|later this)\s+(?P<u>week|month|year|quarter|decade|century)\b"
                .into(),
            |c| {
                if titled(c) {
                    return None;
                }
                let unit = unit_letter(c.name("u")?.as_str())?;
                let rel = c.name("rel")?.as_str().to_ascii_lowercase();
                let shift = shift_of(&rel);
                // "the following year" counts from the year the text is talking about, "the
                // previous month" from the month.
                if matches!(rel.as_str(), "the previous" | "the following") {
                    match unit {
                        'Y' => return Some((Kind::RefYear(shift), None)),
                        'M' => return Some((Kind::RefMonth(shift), None)),
                        _ => {}
                    }
                }
                let modifier = match rel.as_str() {
                    "earlier this" => Some("START".to_string()),
                    "later this" => Some("END".to_string()),
                    _ => None,
                };
                Some((Kind::Period(unit, shift), modifier))
            },
        ),
        pa(&["<ago>|<earlier>|<before>"], UNITS,
            format!(
                r"(?i)\b(?:(?P<approx>about|nearly|almost|more than|less than|over|at least|roughly|some|just|only)\s+)?(?P<n>{NUMBER})\s+(?P<u>{UNIT})s?\s+(?:or\s+so\s+)?(?:ago|earlier|before)\b"
            ),
            |c| {
                let n = count(c.name("n")?.as_str());
                let unit = unit_letter(c.name("u")?.as_str())?;
                let modifier = c.name("approx").map(|a| approx_mod(a.as_str()).to_string());
                if n == Some(1) && unit == 'Y' && modifier.is_none() {
                    return Some((Kind::YearBefore, None));
                }
                Some((Kind::Ago(n, unit), modifier))
            },
        ),
        pa(YEAR, &["<earlier>|<ago>"], r"(?i)\b(?:year-earlier|year-ago|year\s+earlier)\b".into(), |_| Some((Kind::YearBefore, None))),
        pa(DAY, &["<next>|<following>|<before>|<previous>|<after>|<earlier>|<later>"],
            r"(?i)\b(?:the\s+)?(?P<w>next day|following day|day before|previous day|day after|a day earlier|a day later)\b"
                .into(),
            |c| {
                let w = c.name("w")?.as_str().to_ascii_lowercase();
                let days = if w.contains("before") || w.contains("previous") || w.contains("earlier") { -1 } else { 1 };
                Some((Kind::RelativeDay(days), None))
            },
        ),
        p(UNITS,
            format!(
                r"(?i)(?:(?P<prev>\b[\w$%.,]+)\s+)?(?P<t>\b(?:the\s+(?:past|last|next|first)\s+)?(?:(?P<approx>about|nearly|almost|more than|less than|over|at least|roughly|some)\s+)?(?P<n>{NUMBER})(?P<half>\s+1/2|-and-a-half)?[- ](?P<u>{UNIT})s?\b(?P<half2>\s+and\s+a\s+half\b)?)(?P<old>-old|\s+old\b|-earlier\b|-ago\b)?(?P<of>\s+of\b)?"
            ),
            |c| {
                // Ages ("52 years old") are not times; nor are titles ("60 Minutes"); "a
                // year-earlier loss" is a time of its own ("year-earlier").
                if c.name("old").is_some() || titled(c) {
                    return None;
                }
                let unit = c.name("u")?.as_str().to_ascii_lowercase();
                let word = c.name("n")?.as_str().to_ascii_lowercase();
                // "a second betrayal", "three-quarters of its food": not durations.
                if (unit.starts_with("second") && word == "a") || (unit.starts_with("quarter") && c.name("of").is_some()) {
                    return None;
                }
                // A rate ("$500 million a year", "four flights a week", "24 hours a day").
                if (word == "a" || word == "an") && c.name("approx").is_none() && c.name("prev").is_some_and(|p| is_rate_head(p.as_str())) {
                    return None;
                }
                let n = count(&word);
                let modifier = c.name("approx").map(|a| approx_mod(a.as_str()).to_string());
                let half = c.name("half").is_some() || c.name("half2").is_some();
                Some((Kind::Duration(duration_half(n, &unit, half)?), modifier))
            },
        ),
        pa(UNITS, &["<several>|<few>|<many>|<recent>"],
            format!(r"(?i)\b(?P<x>(?:the\s+)?(?:(?:past|last|next|coming)\s+)?(?:several|few|many|recent))\s+(?P<u>{UNIT})s\b"),
            |c| Some((Kind::Duration(duration(None, &c.name("u")?.as_str().to_ascii_lowercase())?), None)),
        ),
        // "For the week, the index dropped": the week the text speaks of ("the week of March
        // 6", "the week ended Friday" are other things).
        p(&["<week>"], r"(?i)\b(?P<t>the\s+(?P<u>week))\b(?P<not>\s+(?:of|end(?:ed|ing))\b)?".into(), |c| {
            if c.name("not").is_some() || titled(c) {
                return None;
            }
            Some((Kind::SomeWeek, None))
        }),
        // "by year-end", "by year's end": the end of the publication year; "since year-end"
        // the end of the year before.
        pa(YEAR, &["<end>"], r"(?i)\b(?P<since>since\s+)?(?P<t>(?:around\s+)?year(?:[- ]|'s\s+)end)\b".into(), |c| {
            Some((Kind::Period('Y', if c.name("since").is_some() { -1 } else { 0 }), None))
        }),
        // "(the) coming months", "the weeks ahead": an unknown number of units from now.
        pa(
            &["<coming>|<upcoming>|<ahead>"],
            UNITS,
            r"(?i)\b(?:(?:the\s+)?(?:coming|upcoming)\s+(?P<u>days|weeks|months|quarters|years|decades)|the\s+(?P<u2>days|weeks|months|years)\s+ahead)\b".into(),
            |c| {
                let u = c.name("u").or_else(|| c.name("u2"))?.as_str().to_ascii_lowercase();
                Some((Kind::Duration(duration(None, &u)?), None))
            },
        ),
        // "for years", "within weeks", "over the years": an unknown number of units.
        pa(
            &["<for>|<within>|<over>"],
            &["<years>|<weeks>|<months>|<days>|<decades>|<centuries>|<hours>|<minutes>"],
            r"(?i)\b(?P<pre>for|within|over)\s+(?P<t>(?P<the>the\s+)?(?P<u>years|weeks|months|days|decades|centuries|hours|minutes))\b".into(),
            |c| {
                // "over the years" but not "for the days (of ...)", which is not a duration.
                if c.name("the").is_some() && !c.name("pre")?.as_str().eq_ignore_ascii_case("over") {
                    return None;
                }
                Some((Kind::Duration(duration(None, &c.name("u")?.as_str().to_ascii_lowercase())?), None))
            },
        ),
        pa(&["quarter>"], &["<first>|<second>|<third>|<fourth>|<1st>|<2nd>|<3rd>|<4th>"],
            r"(?i)\b(?:the\s+)?(?:(?P<yw>(?:19|20)\d\d)\s+|(?P<yr>last|this|next)\s+year's\s+|(?P<ago>year-ago|year-earlier|comparable\s+year-ago|prior-year)\s+)?(?:fiscal\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:\s+of\s+(?:(?:fiscal\s+)?(?P<yo>(?:19|20)\d\d)|(?P<yro>last|this|next)\s+year))?\b"
                .into(),
            |c| {
                let q = match c.name("o")?.as_str().to_ascii_lowercase().as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    _ => 4,
                };
                let year = if let Some(y) = c.name("yw").or_else(|| c.name("yo")) {
                    YearOf::Written(y.as_str().parse().ok()?)
                } else if let Some(r) = c.name("yr").or_else(|| c.name("yro")) {
                    YearOf::Shift(shift_of(r.as_str()))
                } else if c.name("ago").is_some() {
                    YearOf::Shift(-1)
                } else {
                    YearOf::Implicit
                };
                Some((Kind::Quarter(q, year), None))
            },
        ),
        // The reporting period of an earnings report: "the quarter", "the latest period", "the
        // year-ago quarter", "the 1988 period", "the quarter a year ago".
        p(&["<quarter>|<period>"],
            r"(?i)\b(?P<det>the|that|this|last\s+year's)\s+(?:(?P<q>latest|most\s+recent|just-ended|current|same|comparable|corresponding|year-ago|year-earlier|prior-year|(?:19|20)\d\d)\s+)?(?:(?P<q2>year-ago|year-earlier|fiscal)\s+)?(?P<u>quarter|period)(?P<tail>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?\b"
                .into(),
            |c| {
                let det = c.name("det")?.as_str().to_ascii_lowercase();
                let q = c.name("q").map(|q| q.as_str().to_ascii_lowercase());
                let q2 = c.name("q2").map(|q| q.as_str().to_ascii_lowercase());
                let ago = det.starts_with("last")
                    || c.name("tail").is_some()
                    || [&q, &q2].iter().any(|x| x.as_deref().is_some_and(|x| x.starts_with("year-") || x == "prior-year"));
                if det == "this" || q.as_deref() == Some("current") {
                    return Some((Kind::Period('Q', 0), None));
                }
                let written = q.as_deref().and_then(|y| y.parse::<i16>().ok());
                // "the period" alone is not a time.
                if c.name("u")?.as_str().eq_ignore_ascii_case("period") && q.is_none() && q2.is_none() && !ago {
                    return None;
                }
                let year = match written {
                    Some(y) => YearOf::Written(y),
                    None => YearOf::Shift(if ago { -1 } else { 0 }),
                };
                let period = c.name("u")?.as_str().eq_ignore_ascii_case("period");
                Some((Kind::ReportQuarter(year, period), None))
            },
        ),
        pa(&["<half>"], &["<first>|<second>|<last>|<latter>"],
            r"(?i)\b(?:the\s+)?(?P<o>first|second|last|latter)\s+half(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>(?:19|20)\d\d)|(?P<rel>this|last|next)\s+year|the\s+year))?\b"
                .into(),
            |c| {
                let h = if c.name("o")?.as_str().eq_ignore_ascii_case("first") { 1 } else { 2 };
                let year = match (c.name("y"), c.name("rel")) {
                    (Some(y), _) => YearOf::Written(y.as_str().parse().ok()?),
                    (None, Some(r)) => YearOf::Shift(shift_of(r.as_str())),
                    _ => YearOf::Implicit,
                };
                Some((Kind::Half(h, year), None))
            },
        ),
        pa(&["<year>"], &["<that>|<same>"], r"(?i)\b(?:(?P<pre>later|earlier)\s+)?(?:that|the\s+same)\s+year\b".into(), |_| Some((Kind::RefYear(0), None))),
        // "the year" of a report is the publication year; "the year ended March 31" a fiscal
        // year, a duration.
        p(&["<year>"],
            r"(?i)\b(?P<t>the\s+(?:full\s+|fiscal\s+|current\s+fiscal\s+|current\s+)?year\b)(?P<after>\s+end(?:ed|ing)\b|\s+(?:ago|earlier|before|after|two|\d)|-)?"
                .into(),
            |c| match c.name("after").map(|a| a.as_str().trim().to_ascii_lowercase()) {
                Some(a) if a.starts_with("end") => Some((Kind::Duration("P1Y".into()), None)),
                Some(_) => None,
                None => Some((Kind::Period('Y', 0), None)),
            },
        ),
        pa(DAY, &["<that>"], r"(?i)\b(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?day\b".into(), |_| Some((Kind::RelativeDay(0), None))),
        p(&["century>"],
            r"(?i)\b(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|nineteenth|twentieth|twenty-first)[- ]century\b".into(),
            |c| {
                let n: i16 = match c.name("n")?.as_str().to_ascii_lowercase().as_str() {
                    "nineteenth" => 19,
                    "twentieth" => 20,
                    "twenty-first" => 21,
                    d => d.trim_end_matches(char::is_alphabetic).parse().ok()?,
                };
                (1..=30).contains(&n).then_some((Kind::Century(n - 1), None))
            },
        ),
        p(&["^<Thanksgiving|^<Christmas|^<Year'|^<Election|^<Independence|^<Fourth"],
            r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<h>Thanksgiving(?:\s+Day)?|Christmas(?:\s+Day|\s+Eve)?|New\s+Year's\s+(?:Day|Eve)|Election\s+Day|Independence\s+Day|Fourth\s+of\s+July)\b"
                .into(),
            |c| {
                let h = c.name("h")?.as_str();
                let holiday = if h.starts_with("Thanksgiving") {
                    Holiday::Thanksgiving
                } else if h.ends_with("Eve") && h.starts_with("Christmas") {
                    Holiday::ChristmasEve
                } else if h.starts_with("Christmas") {
                    Holiday::Christmas
                } else if h.ends_with("Day") && h.starts_with("New") {
                    Holiday::NewYearsDay
                } else if h.starts_with("New") {
                    Holiday::NewYearsEve
                } else if h.starts_with("Election") {
                    Holiday::ElectionDay
                } else {
                    Holiday::IndependenceDay
                };
                let shift = c.name("rel").map_or(0, |r| match r.as_str().to_ascii_lowercase().as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 2,
                });
                Some((Kind::Holiday(holiday, shift), None))
            },
        ),
        // Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
        p(&["<nineteen>|<thousand>"],
            r"(?i)\b(?:the\s+year\s+)?nineteen[- ](?P<tens>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?P<ones>one|two|three|four|five|six|seven|eight|nine))?\b|\bthe\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<ones2>one|two|three|four|five|six|seven|eight|nine|ten))?\b"
                .into(),
            |c| {
                let ones = c.name("ones").or_else(|| c.name("ones2")).map_or(Some(0), |o| count(o.as_str()))?;
                let year = match c.name("tens") {
                    Some(t) => 1900 + i64::from(spelled_tens(t.as_str())?) + ones,
                    None => 2000 + ones,
                };
                Some((Kind::Year(i16::try_from(year).ok()?), None))
            },
        ),
        p(&["<spring>|<summer>|<fall>|<autumn>|<winter>"], r"(?i)\b(?P<rel>last|this|next|the|early|late)\s+(?P<s>spring|summer|fall|autumn|winter)\b".into(), |c| {
            let s = match c.name("s")?.as_str().to_ascii_lowercase().as_str() {
                "spring" => "SP",
                "summer" => "SU",
                "fall" | "autumn" => "FA",
                _ => "WI",
            };
            Some((Kind::Season(s, shift_of(c.name("rel")?.as_str())), None))
        }),
        p(&["0s>|0's>"], r"(?i)\b(?:the\s+)?(?:(?P<x>early|mid|late)[- ])?(?P<d>(?:1[89]|20)\d)0'?s\b".into(), |c| {
            Some((Kind::Decade(c.name("d")?.as_str().to_string()), part_mod(c)))
        }),
        p(&["0s>|<twenties>|<thirties>|<forties>|<fifties>|<sixties>|<seventies>|<eighties>|<nineties>"],
            r"(?i)\bthe\s+(?:(?P<x>early|mid|late)[- ])?(?:'(?P<d>[1-9])0s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
                .into(),
            |c| {
                let d = match (c.name("d"), c.name("w")) {
                    (Some(d), _) => d.as_str().parse().ok()?,
                    (None, Some(w)) => spelled_tens(w.as_str().trim_end_matches("ies"))? / 10,
                    _ => return None,
                };
                Some((Kind::Decade(format!("19{d}")), part_mod(c)))
            },
        ),
        p(&["<18|<19|<20"], r"(?:^|[^$\d.,])(?P<y>\b(?:1[89]|20)\d\d)\b(?:[^\d,.%]|[,.](?:\D|$)|$)".into(), |c| {
            Some((Kind::Year(i16::try_from(num(c, "y")?).ok()?), None))
        }),
        p(&["<noon>|<midnight>"], r"(?i)(?P<high>\bhigh\s+)?\b(?P<noon>noon|midnight)\b".into(), |c| {
            // "High Noon", "high noon comes today": a figure of speech, not a clock time.
            if c.name("high").is_some() {
                return None;
            }
            let w = c.name("noon")?.as_str();
            Some((Kind::Clock(if w.eq_ignore_ascii_case("noon") { 12 } else { 24 }, 0), None))
        }),
        pa(&["a.m|p.m|<am>|<pm>|0am>|1am>|2am>|3am>|4am>|5am>|6am>|7am>|8am>|9am>|0pm>|1pm>|2pm>|3pm>|4pm>|5pm>|6pm>|7pm>|8pm>|9pm>"], DIGITS,
            r"(?i)\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am\b|pm\b)"
                .into(),
            |c| {
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
        p(&["<daily>|<weekly>|<monthly>|<annually>|<yearly>|<hourly>|<every>|<each>"],
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
        p(&["<now>|<currently>|<current>|<recently>|<past>|<future>|<term>|<days>|<nowadays>|<present>"],
            r"(?i)\b(?P<w>now|currently|current|recently|the past|the\s+(?:(?P<far>foreseeable|distant)\s+|near\s+)?future|the\s+(?:near|short)\s+term|these days|nowadays|at present)\b"
                .into(),
            |c| {
                // "the foreseeable future" is not a time TimeBank marks.
                if c.name("far").is_some() {
                    return None;
                }
                let w = c.name("w")?.as_str().to_ascii_lowercase();
                let r = if w.ends_with("future") || w.ends_with("term") {
                    "FUTURE_REF"
                } else if w.starts_with("recent") || w == "the past" {
                    "PAST_REF"
                } else {
                    "PRESENT_REF"
                };
                Some((Kind::Ref(r), None))
            },
        ),
    ]
});

/// Every gate key of [`PATTERNS`], sorted and deduplicated (a key's index is its bit).
static KEY_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&'static str> =
        PATTERNS.iter().flat_map(|(_, _, gate, also)| gate.iter().chain(also.iter()).copied()).collect();
    words.sort_unstable();
    words.dedup();
    words
});

/// The bits of the keys [`key_words_in`] computes rather than looks up.
struct ComputedBits {
    /// [`DIGITS`].
    digit: u128,
    /// [`DIGIT_SLASH`].
    digit_slash: u128,
    /// [`DIGIT_HYPHEN`].
    digit_hyphen: u128,
    /// [`MONTHS`], whose hits are looked at for [`MONTH_DIGIT`].
    month: u128,
    /// [`MONTH_DIGIT`].
    month_digit: u128,
}

static COMPUTED_BITS: LazyLock<ComputedBits> = LazyLock::new(|| {
    let bit = |gate: Gate| KEY_WORDS.binary_search(&gate[0]).map_or(0, |i| 1u128 << i);
    ComputedBits {
        digit: bit(DIGITS),
        digit_slash: bit(DIGIT_SLASH),
        digit_hyphen: bit(DIGIT_HYPHEN),
        month: bit(MONTHS),
        month_digit: bit(MONTH_DIGIT),
    }
});

/// One literal of a gate key ("<year", "^<Jan", "am>"): `<` asks for a word start before it,
/// `>` for a word end after it, `^` for its exact case (else any ASCII case).
struct KeyLiteral {
    /// The bit of the key it belongs to.
    bit: u128,
    /// The index of that bit.
    index: usize,
    /// The literal as written, for a case-sensitive one.
    exact: Option<&'static str>,
    start: bool,
    end: bool,
}

/// Every key literal in one Aho-Corasick automaton, searched with overlaps so that no
/// occurrence hides another; each hit is then checked for its word boundaries and case.
static KEY_LITERALS: LazyLock<(AhoCorasick, Vec<KeyLiteral>)> = LazyLock::new(|| {
    let mut literals = Vec::new();
    let mut info = Vec::new();
    for (i, key) in KEY_WORDS.iter().enumerate() {
        if key.starts_with('#') {
            continue;
        }
        for alt in key.split('|') {
            let exact = alt.starts_with('^');
            let alt = alt.trim_start_matches('^');
            let start = alt.starts_with('<');
            let end = alt.ends_with('>');
            let literal = alt.trim_start_matches('<').trim_end_matches('>');
            literals.push(literal);
            info.push(KeyLiteral { bit: 1u128 << i, index: i, exact: exact.then_some(literal), start, end });
        }
    }
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&literals)
        .expect("key literals build");
    (ac, info)
});

/// Per pattern, the indices of its groups `t` (the expression, where the match holds more)
/// and `y` (a year), so that each match does not look them up by name.
static SPAN_GROUPS: LazyLock<Vec<(Option<usize>, Option<usize>)>> = LazyLock::new(|| {
    let group = |re: &Regex, name: &str| re.capture_names().position(|n| n == Some(name));
    PATTERNS.iter().map(|(re, _, _, _)| (group(re, "t"), group(re, "y"))).collect()
});

/// Per pattern, the bits of its gate and of its second gate (0: none).
static GATE_MASKS: LazyLock<Vec<(u128, u128)>> = LazyLock::new(|| {
    let bits =
        |gate: Gate| gate.iter().filter_map(|w| KEY_WORDS.binary_search(w).ok()).fold(0u128, |m, i| m | (1u128 << i));
    PATTERNS.iter().map(|(_, _, gate, also)| (bits(gate), bits(also))).collect()
});

/// Whether a pattern with these gate masks can match in a line with these key patterns.
fn gated_in(masks: (u128, u128), present: u128) -> bool {
    masks.0 & present != 0 && (masks.1 == 0 || masks.1 & present != 0)
}

/// Where the chunk starting at `start` ends: after the first line break that follows the end
/// of a sentence (or a blank line), so that no expression is cut in two.
fn chunk_end(text: &str, start: usize) -> usize {
    let mut from = start;
    while let Some(i) = text[from..].find('\n') {
        let at = from + i;
        let line = text[start..at].trim_end();
        let next_blank = text[at + 1..].starts_with('\n');
        // "Sept." or "Mr." at the end of a line does not end the sentence.
        let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
        let abbreviation = last.ends_with('.') && last.len() <= 5 && last.starts_with(|c: char| c.is_ascii_uppercase());
        if next_blank || (!abbreviation && line.ends_with(['.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', ':'])) {
            return at + 1;
        }
        from = at + 1;
    }
    text.len()
}

/// The gate keys of a line: which occur, and how far into the line each last occurs.
struct Keys {
    /// The bits of the keys that occur.
    bits: u128,
    /// Per key (by its bit's index), the start of its last occurrence or a place after it
    /// (occurrences are noted before their word boundaries and case are checked).
    last: [usize; 128],
}

impl Keys {
    /// The last place where a match of a pattern with this gate can start: every match
    /// holds an occurrence of one of the gate's keys, which starts no earlier than the match.
    fn reach(&self, gate: u128) -> usize {
        let mut rest = gate;
        let mut reach = 0;
        while rest != 0 {
            reach = reach.max(self.last.get(rest.trailing_zeros() as usize).copied().unwrap_or(usize::MAX));
            rest &= rest - 1;
        }
        reach
    }
}

/// The gate keys a line contains.
fn key_words_in(chunk: &str) -> Keys {
    let bytes = chunk.as_bytes();
    let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let computed = &*COMPUTED_BITS;
    let mut keys = Keys { bits: 0, last: [0; 128] };
    let index = |bit: u128| bit.trailing_zeros() as usize;
    if let Some(last_digit) = bytes.iter().rposition(u8::is_ascii_digit) {
        keys.bits |= computed.digit;
        keys.last[index(computed.digit) % 128] = last_digit;
        // The last separator with a digit on each side (the first digit starts the occurrence).
        let between_digits = |sep: char| {
            chunk
                .rmatch_indices(sep)
                .map(|(i, _)| i)
                .find(|&i| i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
                .map(|i| i - 1)
        };
        if let Some(at) = between_digits('/') {
            keys.bits |= computed.digit_slash;
            keys.last[index(computed.digit_slash) % 128] = at;
        }
        if let Some(at) = between_digits('-') {
            keys.bits |= computed.digit_hyphen;
            keys.last[index(computed.digit_hyphen) % 128] = at;
        }
    }
    let mut bits = keys.bits;
    let (ac, info) = &*KEY_LITERALS;
    for m in ac.find_overlapping_iter(chunk) {
        let Some(k) = info.get(m.pattern().as_usize()) else { continue };
        if let Some(last) = keys.last.get_mut(k.index) {
            *last = (*last).max(m.start());
        }
        // A month already seen is still looked at until one has a digit beside it.
        let month = k.bit == computed.month && bits & computed.month_digit == 0 && bits & computed.digit != 0;
        if (bits & k.bit != 0 && !month)
            || (k.start && m.start() > 0 && word(m.start() - 1))
            || (k.end && word(m.end()))
            || k.exact.is_some_and(|e| chunk.get(m.range()) != Some(e))
        {
            continue;
        }
        bits |= k.bit;
        if month && digit_beside(bytes, m.start(), m.end()) {
            bits |= computed.month_digit;
        }
    }
    keys.bits = bits;
    // A month with a digit beside it is a month: no later than the last month.
    keys.last[index(computed.month_digit) % 128] = keys.last[index(computed.month) % 128];
    keys
}

/// Whether a digit stands next to the word that starts at `start` (where `end` is inside
/// it): before it across white space, or after it across white space, periods and commas.
fn digit_beside(bytes: &[u8], start: usize, end: usize) -> bool {
    // White space as the patterns' ASCII `\s` knows it (with the vertical tab).
    let space = |b: u8| matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ');
    let mut j = end;
    while bytes.get(j).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
        j += 1;
    }
    while bytes.get(j).is_some_and(|&b| space(b) || b == b'.' || b == b',') {
        j += 1;
    }
    if bytes.get(j).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let mut i = start;
    while i > 0 && space(bytes[i - 1]) {
        i -= 1;
    }
    i > 0 && bytes[i - 1].is_ascii_digit()
}

/// A pattern compiled without Unicode classes where it can be (every word it looks for is
/// ASCII). A Unicode `\b` makes the regex crate's lazy DFA give up on the first non-ASCII
/// character (a curly quote, a dash) and fall back to a far slower engine, and Unicode `\w`,
/// `\s` and case folding make its states much larger. Patterns with negated classes (which
/// without Unicode could match inside a multi-byte character) keep Unicode but get ASCII
/// word boundaries.
fn ascii_regex(re: &str) -> Regex {
    let re =
        if re.contains("[^") || re.contains(r"\D") { re.replace(r"\b", r"(?-u:\b)") } else { format!("(?-u){re}") };
    Regex::new(&re).expect("time pattern compiles")
}

/// Every time expression in `text`: the longest match wins where patterns overlap.
pub fn find(text: &str) -> Vec<Found> {
    find_gated(text, true)
}

/// [`find`], with the gates or (to check that they change nothing) without.
fn find_gated(text: &str, gated: bool) -> Vec<Found> {
    let mut all: Vec<Found> = Vec::new();
    // Searching is the cost of this stage. Line by line (a line that ends inside a sentence
    // goes on into the next), one pass finds which key words occur; a pattern whose key words
    // are all absent is not run there (most lines need two or three of the patterns).
    let mut base = 0;
    while base < text.len() {
        let end = chunk_end(text, base);
        let chunk = &text[base..end];
        let keys = key_words_in(chunk);
        for (((re, build, _, _), masks), (t, y)) in PATTERNS.iter().zip(GATE_MASKS.iter()).zip(SPAN_GROUPS.iter()) {
            if gated && !gated_in(*masks, keys.bits) {
                continue;
            }
            // A search from past the last key of the gate cannot match: it is not made.
            let reach = if gated { keys.reach(masks.0) } else { usize::MAX };
            for c in re.captures_iter(chunk) {
                // The year pattern matches a guard character on each side; its expression is `y`.
                let whole = c.get(0).map_or(0..0, |m| m.range());
                let done = whole.end > reach;
                let span = match (t.and_then(|t| c.get(t)), y.and_then(|y| c.get(y))) {
                    (Some(t), _) => t.range(),
                    (None, Some(y)) if c.len() == 2 => y.range(),
                    _ => whole,
                };
                let span = trim(text, span.start + base..span.end + base);
                if !span.is_empty() {
                    if let Some((kind, modifier)) = build(&c) {
                        all.push(Found { span, kind, modifier });
                    }
                }
                if done {
                    break;
                }
            }
        }
        base = end;
    }
    all.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut kept: Vec<Found> = Vec::with_capacity(all.len());
    for f in all {
        if kept.last().is_some_and(|k| f.span.start < k.span.end) {
            continue;
        }
        kept.push(f);
    }
    merge(text, kept)
}

/// Joins neighbouring expressions that name one time: a clock time and its day ("9 a.m.
/// Tuesday", "noon Thursday", "5 p.m. EST, Nov. 9", "Friday at 3 p.m."), a weekday and its
/// date ("Saturday, April 25"), a month and a spelled-out year ("January nineteen ninety-seven").
fn merge(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(prev) = out.last_mut() {
            let gap = text.get(prev.span.end..f.span.start).unwrap_or("x");
            if let Some(kind) = joined(&prev.kind, &f.kind, gap) {
                prev.span.end = f.span.end;
                prev.kind = kind;
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// The kind of two neighbouring expressions read as one, if they are.
fn joined(a: &Kind, b: &Kind, gap: &str) -> Option<Kind> {
    let day = |k: &Kind| {
        matches!(k, Kind::Weekday(_, _, None) | Kind::DayOffset(_, None) | Kind::MonthDay(..) | Kind::FullDate(_))
    };
    let g = gap.trim().trim_end_matches(',').trim();
    match (a, b) {
        (Kind::Clock(h, m), d) if day(d) && (g.is_empty() || CLOCK_ZONE.is_match(g)) => {
            Some(Kind::ClockOn(*h, *m, Box::new(d.clone())))
        }
        (d, Kind::Clock(h, m)) if day(d) && (g.is_empty() || g.eq_ignore_ascii_case("at")) => {
            Some(Kind::ClockOn(*h, *m, Box::new(d.clone())))
        }
        (Kind::Weekday(_, 0, None), d @ (Kind::MonthDay(..) | Kind::FullDate(_))) if g.is_empty() => Some(d.clone()),
        (Kind::Month(m, 0), Kind::Year(y)) if gap == " " => Some(Kind::MonthYear(*y, *m)),
        _ => None,
    }
}

static CLOCK_ZONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[ECMP][SD]T|GMT|UTC|local time)$").expect("time-zone pattern compiles"));

/// Words that put a clause in the future ("will", "planned to"); with the space before them
/// trimmed, also at the very start of the clause.
const FUTURE_CUES: [&str; 20] = [
    " will ",
    // "said they would leave Thursday": the future of a reported past.
    " would ",
    "'ll ",
    "’ll ",
    " going to ",
    "scheduled",
    "expected to",
    " plans to ",
    " planned to ",
    " planning to ",
    " plan to ",
    " set to ",
    " due to ",
    " is to ",
    " are to ",
    "as soon as",
    "as early as",
    "slated",
    "supposed to",
    " effective ",
];

/// [`FUTURE_CUES`] and " until " (a deadline: "have until Tuesday"; a clause opening with
/// "Until" looks back, so that one is not looked for at the start), all found in one pass
/// over the clause, in any ASCII case.
static FUTURE_SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(FUTURE_CUES.iter().copied().chain([" until "]))
        .expect("future cues build")
});

/// Whether the clause before `pos` (in a sentence starting at `sentence_start`) speaks of
/// the future ("will meet Friday", "planned to leave on Thursday").
pub fn future_context(text: &str, sentence_start: usize, pos: usize) -> bool {
    let mut start = pos.saturating_sub(80).max(sentence_start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = text.get(start..pos).unwrap_or("");
    let clause = before.rsplit([',', ';', '\n']).next().unwrap_or(before);
    FUTURE_SEARCH.is_match(clause)
        || FUTURE_CUES.iter().any(|w| {
            let w = w.trim_start();
            clause.as_bytes().get(..w.len()).is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
        })
}

/// Whether the expression is a deadline ("repaid by February"): "by" right before it, in a
/// clause not in the past perfect ("had filed by Wednesday").
pub fn deadline_cue(text: &str, sentence_start: usize, pos: usize) -> bool {
    let mut start = pos.saturating_sub(80).max(sentence_start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let clause = text.get(start..pos).unwrap_or("");
    let clause = clause.rsplit([',', ';', '\n']).next().unwrap_or(clause);
    let by = clause.ends_with(" by ") || clause == "by " || clause.ends_with(" By ") || clause == "By ";
    by && !clause.contains(" had ")
}

/// Whether the word just before `pos` dates the expression in the past: a period that
/// "ended" on it ("the year ended Jan. 31", "the quarter ended on Sept. 30").
pub fn past_cue(text: &str, pos: usize) -> bool {
    let before = text.get(..pos).unwrap_or("").trim_end();
    let before = before.strip_suffix(" on").unwrap_or(before);
    before.ends_with(" ended")
}

impl Found {
    /// The calendar date written out in full, if this is one.
    pub fn explicit_date(&self) -> Option<Date> {
        match self.kind {
            Kind::FullDate(d) => Some(d),
            _ => None,
        }
    }

    /// Whether the value does not depend on the tense of the clause (absolute dates,
    /// durations, sets, vague references), so that the clause need not be read.
    pub fn tense_free(&self) -> bool {
        matches!(
            self.kind,
            Kind::FullDate(_)
                | Kind::MonthYear(..)
                | Kind::Year(_)
                | Kind::Decade(_)
                | Kind::Century(_)
                | Kind::Duration(_)
                | Kind::Set(_)
                | Kind::Ref(_)
        )
    }

    /// Whether this is a bare weekday name falling on `date`.
    pub fn weekday_agrees(&self, date: Date) -> bool {
        matches!(self.kind, Kind::Weekday(wd, 0, _) if wd == date.weekday())
    }

    /// The TIMEX3 type and value, given what the text has said so far (`cx`).
    pub fn resolve(&self, cx: &Context) -> Option<(TimeType, String, Relative)> {
        resolve_kind(&self.kind, cx)
    }

    /// What this expression tells later ones: the reporting quarter, the reference year.
    pub fn note(&self, value: &str, cx: &mut Context) {
        // A quarter named by its ordinal ("the third quarter", "this year's third quarter")
        // that has ended by publication is the quarter the text reports on (not "the year-ago
        // quarter", nor a coming one: the current quarter is more often one results are
        // expected for than a fiscal quarter already ended).
        if let (Kind::Quarter(_, YearOf::Implicit | YearOf::Written(_) | YearOf::Shift(0)), Some((y, q))) =
            (&self.kind, value.split_once("-Q"))
        {
            if let (Ok(y), Ok(q), Some(a)) = (y.parse::<i16>(), q.parse::<i8>(), cx.anchor) {
                if (y, q) < (a.year(), quarter_of(a)) && y + 1 >= a.year() {
                    cx.quarter = Some((y, q));
                }
            }
        }
        let year = match &self.kind {
            Kind::FullDate(d) => Some(d.year()),
            Kind::MonthYear(y, _) | Kind::Year(y) => Some(*y),
            Kind::Quarter(_, YearOf::Written(y)) | Kind::Half(_, YearOf::Written(y)) => Some(*y),
            _ => None,
        };
        if year.is_some() {
            cx.year = year;
        }
        // The granularity of the period last spoken of: "a year earlier" after "the nine
        // months" compares years to date, after "the quarter" quarters.
        match &self.kind {
            Kind::Quarter(..)
            | Kind::ReportQuarter(_, false)
            | Kind::ReportQuarter(YearOf::Implicit | YearOf::Shift(0), true) => {
                cx.year_grain = false;
            }
            Kind::Year(_) | Kind::RefYear(_) | Kind::Period('Y', _) => cx.year_grain = true,
            Kind::Duration(d) if d == "P6M" || d == "P9M" => cx.year_grain = true,
            _ => {}
        }
        // A day named, as resolved ("2017-12-14"); not a part of one ("overnight losses").
        if matches!(
            self.kind,
            Kind::FullDate(_)
                | Kind::MonthDay(..)
                | Kind::Weekday(_, _, None)
                | Kind::RefWeekday(..)
                | Kind::DayOffset(_, None)
                | Kind::RelativeDay(_)
        ) {
            if let Some(d) = value.get(..10).and_then(|d| d.parse::<Date>().ok()) {
                cx.day = Some(d);
            }
        }
        // A month written with or without its day and year, as resolved ("2017-12", "2017-12-14").
        if matches!(self.kind, Kind::FullDate(_) | Kind::MonthYear(..) | Kind::Month(..) | Kind::MonthDay(..)) {
            let mut parts = value.split('-');
            if let (Some(Ok(y)), Some(Ok(m))) =
                (parts.next().map(str::parse::<i16>), parts.next().map(|m| m.get(..2).unwrap_or(m).parse::<i8>()))
            {
                cx.month = Some((y, m));
            }
        }
    }
}

fn resolve_kind(kind: &Kind, cx: &Context) -> Option<(TimeType, String, Relative)> {
    use Relative::{No, ToDay, ToMonth, ToPrevious, ToPublication, ToYear};
    let anchor = cx.anchor;
    let date_value = |d: Date| d.strftime("%Y-%m-%d").to_string();
    Some(match kind {
        Kind::FullDate(d) => (TimeType::Date, date_value(*d), No),
        Kind::MonthYear(y, m) => (TimeType::Date, format!("{y:04}-{m:02}"), No),
        Kind::Year(y) => (TimeType::Date, format!("{y:04}"), No),
        Kind::Decade(d) => (TimeType::Date, d.clone(), No),
        Kind::Century(c) => (TimeType::Date, format!("{c:02}"), No),
        Kind::Duration(v) => (TimeType::Duration, v.clone(), No),
        Kind::Set(v) => (TimeType::Set, v.clone(), No),
        Kind::Ref(r) => (TimeType::Date, (*r).to_string(), No),
        Kind::MonthDay(m, d) => match anchor {
            Some(a) => (TimeType::Date, date_value(day_near(a, *m, *d, cx)?), ToPublication),
            None => (TimeType::Date, format!("XXXX-{m:02}-{d:02}"), No),
        },
        Kind::Month(m, shift) => match anchor {
            Some(a) => {
                let year = match shift {
                    0 => month_year(a, *m, cx),
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
        Kind::MonthOfYear(m, shift) => {
            let year = i32::from(anchor?.year()) + shift;
            (TimeType::Date, format!("{year:04}-{m:02}"), ToPublication)
        }
        Kind::Weekday(wd, shift, part) => {
            let Some(a) = anchor else {
                return Some((TimeType::Date, format!("XXXX-WXX-{}", wd.to_monday_one_offset()), No));
            };
            let d = weekday_date(a, *wd, *shift, cx.future)?;
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
        Kind::RelativeDay(days) => match cx.previous {
            Some(p) => (TimeType::Date, date_value(p.checked_add(days.days()).ok()?), ToPrevious),
            None => (TimeType::Date, date_value(anchor?.checked_add(days.days()).ok()?), ToPublication),
        },
        Kind::RefYear(shift) => match cx.year {
            Some(y) => (TimeType::Date, format!("{:04}", i32::from(y) + shift), ToYear),
            None => (TimeType::Date, format!("{:04}", i32::from(anchor?.year()) + shift), ToPublication),
        },
        Kind::RefWeekday(wd, shift) => {
            let (from, relative) = match cx.day {
                Some(d) => (d, ToDay),
                None => (anchor?, ToPublication),
            };
            let days = if *shift < 0 {
                let back = i64::from(from.weekday().since(*wd));
                -(if back == 0 { 7 } else { back })
            } else {
                let ahead = i64::from(wd.since(from.weekday()));
                if ahead == 0 { 7 } else { ahead }
            };
            (TimeType::Date, date_value(from.checked_add(days.days()).ok()?), relative)
        }
        Kind::SomeWeek => match anchor {
            Some(a) => (TimeType::Date, format!("{:04}-WXX", a.year()), ToPublication),
            None => (TimeType::Date, "XXXX-WXX".to_string(), No),
        },
        Kind::RefMonth(shift) => {
            let (d, relative) = match cx.month {
                Some((y, m)) => (Date::new(y, m, 1).ok()?, ToMonth),
                None => (anchor?, ToPublication),
            };
            let d = d.checked_add(shift.months()).ok()?;
            (TimeType::Date, format!("{:04}-{:02}", d.year(), d.month()), relative)
        }
        Kind::Weekend(shift) => {
            let a = anchor?;
            // Written on a weekday, "the weekend" of a past-tense clause is the one just gone.
            let weekday = !matches!(a.weekday(), Weekday::Saturday | Weekday::Sunday);
            let shift = if *shift == 0 && weekday && !cx.future { -1 } else { *shift };
            let d = a.checked_add((i64::from(shift) * 7).days()).ok()?;
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
                    format!("{:04}-Q{}", d.year(), quarter_of(d))
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
                // "a few years ago": some year of the decade before publication.
                if *unit == 'Y' {
                    let y = a.checked_sub(3.years()).ok()?.year();
                    return Some((TimeType::Date, format!("{:03}X", y / 10), ToPublication));
                }
                return Some((TimeType::Date, "PAST_REF".to_string(), No));
            };
            let value = match unit {
                'D' => date_value(a.checked_sub(n.days()).ok()?),
                'W' => iso_week(a.checked_sub(n.weeks()).ok()?),
                'M' => {
                    let d = a.checked_sub(n.months()).ok()?;
                    format!("{:04}-{:02}", d.year(), d.month())
                }
                'Q' => {
                    let d = a.checked_sub((n * 3).months()).ok()?;
                    format!("{:04}-Q{}", d.year(), quarter_of(d))
                }
                'Y' => format!("{:04}", a.checked_sub(n.years()).ok()?.year()),
                'E' => format!("{:04}", a.checked_sub((n * 10).years()).ok()?.year()),
                _ => return None,
            };
            (TimeType::Date, value, ToPublication)
        }
        Kind::YearBefore => match cx.quarter {
            // In an earnings report "a year earlier" is the same quarter of the year before,
            // unless the text has moved on to a year or the months of a year to date.
            Some((y, q)) if !cx.year_grain => (TimeType::Date, format!("{:04}-Q{q}", y - 1), ToPublication),
            _ => (TimeType::Date, format!("{:04}", anchor?.year() - 1), ToPublication),
        },
        Kind::Quarter(q, year) => {
            let y = match (year, anchor) {
                (YearOf::Written(y), _) => *y,
                (YearOf::Shift(s), Some(a)) => i16::try_from(i32::from(a.year()) + s).ok()?,
                (_, Some(a)) => {
                    if *q > quarter_of(a) {
                        a.year() - 1
                    } else {
                        a.year()
                    }
                }
                (_, None) => return Some((TimeType::Date, format!("XXXX-Q{q}"), No)),
            };
            let relative = if matches!(year, YearOf::Written(_)) { No } else { ToPublication };
            (TimeType::Date, format!("{y:04}-Q{q}"), relative)
        }
        Kind::ReportQuarter(year, period) => {
            // "The 1988 period" after "the nine months" is those months, read as their year.
            // ("The latest period" is still the reporting quarter.)
            if *period && cx.year_grain {
                let y = match year {
                    YearOf::Written(w) => Some(i32::from(*w)),
                    YearOf::Shift(s) if *s != 0 => Some(i32::from(anchor?.year()) + s),
                    _ => None,
                };
                if let Some(y) = y {
                    return Some((TimeType::Date, format!("{y:04}"), ToPublication));
                }
            }
            // The quarter the text reports on, else the last one completed before publication.
            let (y, q) = match cx.quarter {
                Some(yq) => yq,
                None => {
                    let a = anchor?.checked_sub(3.months()).ok()?;
                    (a.year(), quarter_of(a))
                }
            };
            let y = match year {
                YearOf::Written(w) => *w,
                YearOf::Shift(s) => i16::try_from(i32::from(y) + s).ok()?,
                YearOf::Implicit => y,
            };
            (TimeType::Date, format!("{y:04}-Q{q}"), ToPublication)
        }
        Kind::Half(h, year) => {
            let y = match (year, anchor) {
                (YearOf::Written(y), _) => *y,
                (YearOf::Shift(s), Some(a)) => i16::try_from(i32::from(a.year()) + s).ok()?,
                (_, Some(a)) => {
                    if *h == 2 && a.month() <= 6 {
                        a.year() - 1
                    } else {
                        a.year()
                    }
                }
                (_, None) => return Some((TimeType::Date, format!("XXXX-H{h}"), No)),
            };
            (TimeType::Date, format!("{y:04}-H{h}"), ToPublication)
        }
        Kind::Holiday(h, shift) => {
            let a = anchor?;
            let this = holiday_date(*h, a.year())?;
            let last = holiday_date(*h, a.year() - 1)?;
            let next = holiday_date(*h, a.year() + 1)?;
            let d = match shift {
                -1 => {
                    if this < a {
                        this
                    } else {
                        last
                    }
                }
                1 => {
                    if this > a {
                        this
                    } else {
                        next
                    }
                }
                2 => this,
                _ => {
                    let (before, after) = if this <= a { (this, next) } else { (last, this) };
                    if cx.future || after.since(a).ok()?.get_days() <= 60 { after } else { before }
                }
            };
            (TimeType::Date, date_value(d), ToPublication)
        }
        Kind::Season(s, shift) => {
            let a = anchor?;
            (TimeType::Date, format!("{:04}-{s}", i32::from(a.year()) + shift), ToPublication)
        }
        Kind::Clock(h, m) => match anchor {
            Some(a) => (TimeType::Time, format!("{}T{h:02}:{m:02}", date_value(a)), ToPublication),
            None => (TimeType::Time, format!("XXXX-XX-XXT{h:02}:{m:02}"), No),
        },
        Kind::ClockOn(h, m, day) => {
            let (_, value, relative) = resolve_kind(day, cx)?;
            (TimeType::Time, format!("{value}T{h:02}:{m:02}"), relative)
        }
    })
}

fn quarter_of(d: Date) -> i8 {
    (d.month() - 1) / 3 + 1
}

/// The date of a holiday in year `y`.
fn holiday_date(h: Holiday, y: i16) -> Option<Date> {
    // The nth `wd` of month `m`.
    let nth =
        |m: i8, wd: Weekday, n: i32| Date::new(y, m, 1).ok()?.nth_weekday_of_month(i8::try_from(n).ok()?, wd).ok();
    match h {
        Holiday::Thanksgiving => nth(11, Weekday::Thursday, 4),
        Holiday::ElectionDay => nth(11, Weekday::Monday, 1)?.checked_add(1.day()).ok(),
        Holiday::Christmas => Date::new(y, 12, 25).ok(),
        Holiday::ChristmasEve => Date::new(y, 12, 24).ok(),
        Holiday::NewYearsDay => Date::new(y, 1, 1).ok(),
        Holiday::NewYearsEve => Date::new(y, 12, 31).ok(),
        Holiday::IndependenceDay => Date::new(y, 7, 4).ok(),
    }
}

/// The year of a month named without one: news mostly looks back, so the latest such month
/// up to publication, unless the clause speaks of the future or the month is at most two
/// months ahead ("in January" written in November), or six for a deadline ("by February");
/// always behind after "ended".
fn month_year(anchor: Date, m: i8, cx: &Context) -> i16 {
    let ahead = (i32::from(m) - i32::from(anchor.month())).rem_euclid(12);
    if ahead == 0 {
        anchor.year()
    } else if cx.past {
        if m < anchor.month() { anchor.year() } else { anchor.year() - 1 }
    } else if cx.future || ahead <= 2 || (cx.deadline && ahead <= 6) {
        if m > anchor.month() { anchor.year() } else { anchor.year() + 1 }
    } else if m < anchor.month() {
        anchor.year()
    } else {
        anchor.year() - 1
    }
}

/// The date of a month and day named without a year: the next one when the clause speaks of
/// the future or it is at most three months ahead (six for a deadline, "by Jan. 14"), else
/// the latest one up to publication (always after "ended": "the quarter ended Oct. 31").
fn day_near(anchor: Date, m: i8, d: i8, cx: &Context) -> Option<Date> {
    let this = Date::new(anchor.year(), m, d).ok()?;
    let (before, after) = if this <= anchor {
        (this, Date::new(anchor.year() + 1, m, d).ok()?)
    } else {
        (Date::new(anchor.year() - 1, m, d).ok()?, this)
    };
    let ahead = after.since(anchor).ok()?.get_days();
    if cx.past {
        return Some(before);
    }
    Some(if cx.future || ahead <= 92 || (cx.deadline && ahead <= 183) || before == anchor {
        if before == anchor { before } else { after }
    } else {
        before
    })
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

fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// Whether the unit of a match is capitalised ("This Week", "60 Minutes"): the title of a
/// programme or a headline word, not a time in running text.
fn titled(c: &Captures<'_>) -> bool {
    c.name("u").is_some_and(|u| u.as_str().starts_with(|ch: char| ch.is_ascii_uppercase()))
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
    if let Some((tens, ones)) = w.split_once(['-', ' ']) {
        return Some(count(tens)? + count(ones)?);
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
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// The value of a spelled-out number from ten to ninety as used in years ("ninety" 90,
/// "fifteen" 15); a prefix names the tens ("eight" of "eighties").
fn spelled_tens(w: &str) -> Option<i32> {
    let w = w.to_ascii_lowercase();
    let teens =
        ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    if let Some(i) = teens.iter().position(|t| *t == w) {
        return i32::try_from(i).ok().map(|i| i + 10);
    }
    let tens = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"];
    let i = tens.iter().position(|t| w.starts_with(t))?;
    i32::try_from(i).ok().map(|i| (i + 2) * 10)
}

/// Whether a word before "a year", "a day" makes it a rate: a number, an amount or a plural
/// noun ("$1.76 a year", "358,000 a month", "four flights a week").
fn is_rate_head(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']).to_ascii_lowercase();
    const NOT_NOUNS: [&str; 14] =
        ["is", "was", "has", "as", "this", "does", "its", "his", "us", "plus", "across", "less", "thus", "perhaps"];
    w.chars().any(|c| c.is_ascii_digit())
        || count(&w).is_some_and(|n| n > 1)
        || matches!(w.as_str(), "million" | "billion" | "thousand" | "percent" | "cents")
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !NOT_NOUNS.contains(&w.as_str()))
}

/// A duration of `n` and a half units: the half in the next smaller unit ("2 1/2 years"
/// is `P2Y6M`, "5 1/2 hours" `PT5H30M`).
fn duration_half(n: Option<i64>, unit: &str, half: bool) -> Option<String> {
    let whole = duration(n, unit)?;
    if !half || n.is_none() {
        return Some(whole);
    }
    Some(match unit.trim_end_matches('s') {
        "year" => format!("{whole}6M"),
        "day" => format!("{}T12H", whole),
        "hour" => format!("{whole}30M"),
        "minute" => format!("{whole}30S"),
        "month" => format!("{whole}15D"),
        _ => whole,
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
        // TimeBank writes decades and centuries in years ("two decades" is P20Y).
        "decade" => n.parse::<i64>().map_or_else(|_| "PXE".to_string(), |n| format!("P{}Y", n * 10)),
        "century" | "centurie" | "centuries" => {
            n.parse::<i64>().map_or_else(|_| "PXC".to_string(), |n| format!("P{}Y", n * 100))
        }
        _ => return None,
    })
}

#[cfg(test)]
mod gates {
    use std::fmt::Write;

    /// Every gate key has its own bit, and every pattern a gate.
    #[test]
    fn key_words_fit_in_the_mask() {
        assert!(super::KEY_WORDS.len() <= 128, "{} key patterns", super::KEY_WORDS.len());
        assert!(super::GATE_MASKS.iter().all(|m| m.0 != 0), "every pattern has a gate");
    }

    /// The keys computed from bytes are there exactly when their bytes are.
    #[test]
    fn computed_keys_see_their_bytes() {
        let c = &*super::COMPUTED_BITS;
        let has = |text: &str, bit: u128| super::key_words_in(text).bits & bit != 0;
        assert!(c.digit_slash != 0 && c.digit_hyphen != 0 && c.month_digit != 0 && c.month != 0);
        assert!(has("on 5/12/2020", c.digit_slash) && !has("5 / 12, and/or 2020", c.digit_slash));
        assert!(has("2020-05-12", c.digit_hyphen) && !has("Covid- 19 and the 1990s-era", c.digit_hyphen));
        for yes in ["Jan. 5", "May 2020", "5 March", "Sept., 1990", "4\n\nJuly", "Dec 31st"] {
            assert!(has(yes, c.month_digit), "{yes}");
        }
        for no in ["May was 5", "January and 5 others", "5 may", "the 1990s, May", "March"] {
            assert!(!has(no, c.month_digit), "{no}");
        }
        // A second month in the line still counts.
        assert!(has("In March, not May, 12 people; on June 5 more.", c.month_digit));
    }

    /// A key's reach is where its last occurrence starts.
    #[test]
    fn reach_is_the_last_occurrence() {
        let c = &*super::COMPUTED_BITS;
        let text = "In March, not May, 12 people; on June 5 more, 3/4 and 1/2 of them in 2020-05-12.";
        let keys = super::key_words_in(text);
        assert_eq!(keys.reach(c.month), text.find("June").unwrap_or(0));
        assert_eq!(keys.reach(c.month_digit), text.find("June").unwrap_or(0));
        assert_eq!(keys.reach(c.digit), text.rfind('2').unwrap_or(0));
        assert_eq!(keys.reach(c.digit_slash), text.find("1/2").unwrap_or(0));
        assert_eq!(keys.reach(c.digit_hyphen), text.find("5-12").unwrap_or(0));
        assert_eq!(keys.reach(c.digit_slash | c.month), text.find("1/2").unwrap_or(0));
    }

    /// What `find` returns, as text, for comparison.
    fn listing(text: &str, gated: bool) -> String {
        let mut out = String::new();
        for f in super::find_gated(text, gated) {
            let _ = writeln!(out, "{:?} {:?} {:?}", f.span, f.kind, f.modifier);
        }
        out
    }

    /// The files of `tests/corpus`, as text.
    pub(super) fn bundled_articles() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus");
        std::fs::read_dir(dir).expect("corpus").filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()).collect()
    }

    /// Gating only skips searches that could not match: the same expressions with and
    /// without it, on the bundled articles and on sentences made to sit on a gate's edge.
    #[test]
    fn gates_change_nothing() {
        let mut texts = bundled_articles();
        texts.push(
            "At 5pm Monday and 6 a.m. Tuesdays, in mid-March 1990 and the 1980s, the '80s, \
             the third-quarter, headquarters, a 20th-century year-earlier result, Christmas Eve, \
             New Year's Day, for years, two decades ago, the past several quarters, now, nowadays, \
             upcoming months, the days ahead, by year's end, since year-end, a year-earlier loss, \
             for the week, the week of May 3, the previous Friday."
                .to_string(),
        );
        // On the edges of the computed keys and the narrower word keys.
        texts.push(
            "On 5/12/2020, 12/1/1999 and 2020-05-12 (not 5 / 12 / 2020, Covid-19 or 1-800), Sept., \
             1990 and Sept.\n1990, 4 July 1990, 4\tJuly, Jan. 5, Dec 31st, early-March 1990, the team \
             at 10am, 10:30 am, 9 PM and 7 p.m., Islam, New Year's Eve, new year's, a year-ago \
             quarter, a year earlier, year-end, within minutes, for the days, over the years, \
             the year ended, the full year, the years, yearly."
                .to_string(),
        );
        for t in &texts {
            assert_eq!(listing(t, true), listing(t, false));
        }
    }

    /// The same on the evaluation sets (run by hand: `cargo test --release -p sayso --lib
    /// gates_change_nothing_on_the_eval_sets -- --ignored`).
    #[test]
    #[ignore = "needs ../shared/eval and a release build"]
    fn gates_change_nothing_on_the_eval_sets() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/data");
        for f in ["timebank-dev", "polnear-dev", "polnear-train", "conll2003-dev", "petrarch-dev"] {
            for line in std::fs::read_to_string(format!("{dir}/{f}.jsonl")).unwrap_or_default().lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("json");
                let t = v["text"].as_str().unwrap_or("");
                assert_eq!(listing(t, true), listing(t, false), "{f}");
            }
        }
    }
}

#[cfg(test)]
mod future {
    /// `future_context` as it was written first: the clause lowercased, then each cue looked
    /// for in turn.
    fn reference(text: &str, sentence_start: usize, pos: usize) -> bool {
        let mut start = pos.saturating_sub(80).max(sentence_start);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let before = text.get(start..pos).unwrap_or("");
        let clause = before.rsplit([',', ';', '\n']).next().unwrap_or(before).to_ascii_lowercase();
        super::FUTURE_CUES.iter().any(|w| clause.contains(w) || clause.starts_with(w.trim_start()))
            || clause.contains(" until ")
    }

    /// The one-pass search says what the cue-by-cue one says, before every word of the
    /// bundled articles and of sentences made for the cues' edges.
    #[test]
    fn one_pass_agrees_with_the_reference() {
        let mut texts = super::gates::bundled_articles();
        texts.push(
            "Will they go Friday? Until Monday, no. They have until Monday. SCHEDULED for May; \
             it’ll rain Sunday, it'll snow, plans to vote, Set to leave Tuesday, effective \
             immediately, Slated for June. Is to meet. As soon as Friday, as Early As Monday."
                .to_string(),
        );
        let (mut yes, mut no) = (0, 0);
        for t in &texts {
            for (pos, _) in t.char_indices().filter(|(i, c)| c.is_alphanumeric() && *i > 0) {
                let sentence_start = pos.saturating_sub(60);
                let want = reference(t, sentence_start, pos);
                assert_eq!(super::future_context(t, sentence_start, pos), want, "{:?}", &t[..pos]);
                if want {
                    yes += 1;
                } else {
                    no += 1;
                }
            }
        }
        assert!(yes > 100 && no > 100, "{yes} {no}");
    }
}

#[cfg(test)]
mod cost {
    /// Per-pattern search time on the dev texts (run by hand: `cargo test --release -p sayso
    /// --lib pattern_costs -- --ignored --nocapture`).
    #[test]
    #[ignore = "a measurement, not a test"]
    fn pattern_costs() {
        let mut text = String::new();
        for f in ["timebank", "polnear", "conll2003", "petrarch"] {
            let p = format!("{}/../../../shared/eval/data/{f}-dev.jsonl", env!("CARGO_MANIFEST_DIR"));
            for line in std::fs::read_to_string(p).unwrap_or_default().lines() {
                let v: serde_json::Value = serde_json::from_str(line).expect("json");
                text.push_str(v["text"].as_str().unwrap_or(""));
            }
        }
        for (i, (re, _, _, _)) in super::PATTERNS.iter().enumerate() {
            let _ = re.captures_iter(&text).count();
            let t = std::time::Instant::now();
            let n = re.captures_iter(&text).count();
            let m = t.elapsed().as_secs_f64();
            let t = std::time::Instant::now();
            let k = re.find_iter(&text).count();
            println!(
                "{i:2} {:8.2}ms caps {:8.2}ms find {n} {k} {}",
                m * 1e3,
                t.elapsed().as_secs_f64() * 1e3,
                &re.as_str()[..60.min(re.as_str().len())]
            );
        }
        let mut per = vec![(0f64, 0usize, 0usize); super::PATTERNS.len()];
        let mut chunks = 0;
        for _ in 0..3 {
            let mut base = 0;
            while base < text.len() {
                let end = super::chunk_end(&text, base);
                let chunk = &text[base..end];
                chunks += 1;
                let present = super::key_words_in(chunk).bits;
                for (i, ((re, _, _, _), masks)) in super::PATTERNS.iter().zip(super::GATE_MASKS.iter()).enumerate() {
                    if !super::gated_in(*masks, present) {
                        continue;
                    }
                    let t = std::time::Instant::now();
                    let n = re.captures_iter(chunk).count();
                    per[i].0 += t.elapsed().as_secs_f64();
                    per[i].1 += chunk.len();
                    per[i].2 += n;
                }
                base = end;
            }
        }
        let tot: f64 = per.iter().map(|p| p.0).sum();
        for (i, p) in per.iter().enumerate() {
            println!("gated {i:2} {:7.2}ms {:9} bytes {:6} matches", p.0 * 1e3 / 3.0, p.1 / 3, p.2 / 3);
        }
        println!("gated total {:.2}ms, {} chunks", tot * 1e3 / 3.0, chunks / 3);
        let t = std::time::Instant::now();
        let n = super::find(&text).len();
        println!("find: {:.2}ms {n} over {} bytes", t.elapsed().as_secs_f64() * 1e3, text.len());
    }
}
