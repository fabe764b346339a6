//! Month and weekday names in lower case, shared by the stages that must not take a calendar
//! word for something else: a name the gazetteer also has ("Friday", "June"), an actor, a
//! post's date line. Read by `embeds`, `entities` and `events`; adds nothing to the analysis.

/// Month names, January first: a month's number is its index plus one.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Every weekday and month name.
pub(crate) const WORDS: [&str; 19] = {
    let mut out = [""; 19];
    let mut i = 0;
    while i < WEEKDAYS.len() {
        out[i] = WEEKDAYS[i];
        i += 1;
    }
    while i < out.len() {
        out[i] = MONTHS[i - WEEKDAYS.len()];
        i += 1;
    }
    out
};
