//! CAMEO actor codes, and the GDELT fields of an event code. Reads PETRARCH2's actor
//! dictionaries (`actors.txt`, in PETRARCH's own format), its agents (`agents.tsv`), a user's
//! actor file in the same format, the article's publication date and the code book's table
//! (`cameo_codes.tsv`); gives a participant phrase or an entity its CAMEO actor code (country
//! and role: `RUSGOV`, `USASPY`, `IGOUNO`), and an event code its Goldstein value and
//! QuadClass.
//!
//! A phrase's code is composed as PETRARCH composes it: the most specific named actor in the
//! phrase (a person's own dated code, else an organisation's, else a country's), and, when that
//! is a bare country, the role its agent gives ("Russian" RUS + "President" `~GOV` = `RUSGOV`);
//! an agent without a country is its role alone (`COP` for "police"). A dated entry takes the
//! code whose restriction holds on the publication date (who was president then), else its
//! default. The user's entries are looked up before the dictionaries' and win for the same
//! phrase.

use crate::analysis::Analysis;
use crate::error::Error;
use crate::schema::MentionKind;
use foldhash::{HashMap, HashMapExt};
use std::ops::Range;
use std::sync::LazyLock;

/// A date as the number YYYYMMDD.
type Day = u32;

/// When a code of a dated entry applies ("or equal" at both ends, as in PETRARCH).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Restriction {
    /// The default code, whatever the date.
    Always,
    Before(Day),
    After(Day),
    Between(Day, Day),
}

impl Restriction {
    fn holds(self, day: Day) -> bool {
        match self {
            Restriction::Always => true,
            Restriction::Before(d) => day <= d,
            Restriction::After(d) => day >= d,
            Restriction::Between(a, b) => a <= day && day <= b,
        }
    }
}

/// An entry: its codes in file order; `None` is PETRARCH's null code `---`.
#[derive(Debug, Clone, Default)]
struct Entry {
    codes: Vec<(Option<Box<str>>, Restriction)>,
}

impl Entry {
    /// The code on `day`: the first restriction that holds, else the default; without a
    /// date, the default.
    fn code(&self, day: Option<Day>) -> Option<&str> {
        let dated =
            day.and_then(|d| self.codes.iter().find(|(_, r)| *r != Restriction::Always && r.holds(d)).map(|(c, _)| c));
        let default = || self.codes.iter().find(|(_, r)| *r == Restriction::Always).map(|(c, _)| c);
        dated.or_else(default)?.as_deref()
    }
}

/// Phrases (normalised words joined by spaces) to entries.
#[derive(Debug, Clone, Default)]
struct PhraseMap {
    phrases: HashMap<Box<str>, u32>,
    /// The most words of a phrase starting with a word.
    longest: HashMap<Box<str>, usize>,
    entries: Vec<Entry>,
}

impl PhraseMap {
    fn insert(&mut self, key: &Key, entry: u32) {
        let first = &key.text[..key.first];
        match self.longest.get_mut(first) {
            Some(n) => *n = (*n).max(key.words),
            None => {
                self.longest.insert(first.into(), key.words);
            }
        }
        // The first entry to name a phrase keeps it, as PETRARCH's dictionaries read.
        if !self.phrases.contains_key(key.text.as_str()) {
            self.phrases.insert(key.text.as_str().into(), entry);
        }
    }

    /// The longest phrase that starts at `words[0]`: its length and entry.
    fn longest_at(&self, words: &[Word], buf: &mut String) -> Option<(usize, &Entry)> {
        let first = words.first()?;
        let most = self.longest.get(first.norm.as_str()).copied()?.min(words.len());
        (1..=most).rev().find_map(|n| {
            buf.clear();
            for (k, w) in words[..n].iter().enumerate() {
                if k > 0 {
                    buf.push(' ');
                }
                buf.push_str(&w.norm);
            }
            let e = *self.phrases.get(buf.as_str())?;
            Some((n, self.entries.get(e as usize)?))
        })
    }
}

/// An actor dictionary in PETRARCH's format (its `dictionaries.rst`): named actors and their
/// CAMEO actor codes, with date restrictions, and agents (generic roles such as "police",
/// whose codes start or end with `~`). sayso's own dictionaries are one; a user's actor file
/// is another, consulted first ([`crate::Options::actors`]).
///
/// ```text
/// # A comment.
/// DONALD_TRUMP          a phrase: words joined by `_` (or spaces), case ignored
/// +PRESIDENT_TRUMP      a synonym
///     [USAELI]          (tab-indented) the default code
///     [USAGOV >20170120]  a dated code: <date, >date or date-date, YYYYMMDD or YYMMDD
/// KREMLIN [RUSGOV]      a phrase and its code on one line
/// CYBER_POLICE [~COP]   an agent: a role composed with the actor's country
/// ```
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    actors: PhraseMap,
    agents: PhraseMap,
}

impl ActorDictionary {
    /// Reads a dictionary in PETRARCH's actor format.
    ///
    /// # Errors
    /// [`Error::ActorFile`] with the line of the first line it cannot read: a synonym or
    /// code line before any phrase, a bracket that does not close, a code with characters
    /// other than capitals, digits and `~`, or a date restriction that is not one.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let mut d = ActorDictionary::default();
        // The entry being read: its phrases, codes, and whether it is an agent.
        let mut phrases: Vec<Key> = Vec::new();
        let mut entry = Entry::default();
        let mut started = false;
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            let err = |message: String| Error::ActorFile { line: line_no, message };
            let line = raw.split('#').next().unwrap_or("");
            if line.trim().is_empty() {
                continue;
            }
            if line.starts_with([' ', '\t']) {
                if !started {
                    return Err(err("a code line before any phrase".into()));
                }
                read_codes(line, &mut entry).map_err(err)?;
                continue;
            }
            if let Some(syn) = line.strip_prefix('+') {
                if !started {
                    return Err(err("a synonym (+) before any phrase".into()));
                }
                let (words, rest) = phrase_words(syn);
                if !rest.trim().is_empty() {
                    read_codes(rest, &mut entry).map_err(err)?;
                }
                phrases.extend(words);
                continue;
            }
            if started {
                d.add(&phrases, std::mem::take(&mut entry));
            }
            phrases.clear();
            started = true;
            let (words, rest) = phrase_words(line);
            if words.is_empty() {
                return Err(err(format!("no phrase before `{}`", rest.trim())));
            }
            phrases.extend(words);
            read_codes(rest, &mut entry).map_err(err)?;
        }
        if started {
            d.add(&phrases, entry);
        }
        Ok(d)
    }

    /// Files an entry under its phrases, as an agent when its codes are roles (`~GOV`).
    fn add(&mut self, phrases: &[Key], entry: Entry) {
        if entry.codes.is_empty() {
            return;
        }
        let agent = entry.codes.iter().any(|(c, _)| c.as_deref().is_some_and(|c| c.contains('~')));
        let map = if agent { &mut self.agents } else { &mut self.actors };
        let id = u32::try_from(map.entries.len()).unwrap_or(u32::MAX);
        map.entries.push(entry);
        for p in phrases {
            map.insert(p, id);
        }
    }

    /// How many phrases (actors and agents) the dictionary has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.actors.phrases.len() + self.agents.phrases.len()
    }

    /// Whether it has no phrase.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Reads the `[CODE ...]` groups of a line into `entry`.
fn read_codes(text: &str, entry: &mut Entry) -> Result<(), String> {
    let mut rest = text.trim();
    // TABARI's comments start with `;`.
    while !rest.is_empty() && !rest.starts_with(';') {
        let Some(body) = rest.strip_prefix('[') else {
            return Err(format!("expected `[CODE]`, found `{rest}`"));
        };
        let Some(end) = body.find(']') else { return Err(format!("`[{body}` has no closing `]`")) };
        entry.codes.push(code(&body[..end])?);
        rest = body[end + 1..].trim_start();
    }
    Ok(())
}

/// One `CODE` or `CODE restriction`.
fn code(body: &str) -> Result<(Option<Box<str>>, Restriction), String> {
    let body = body.trim();
    let (code, restriction) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let valid = !code.is_empty() && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'~');
    if code != "---" && !valid {
        return Err(format!("`{code}` is no actor code (capitals, digits and `~`, or `---`)"));
    }
    // Spaces inside a restriction ("> 20170120") are dropped; most have none, and the
    // built-in dictionaries' 64,000 codes are read at every start.
    let trimmed = restriction.trim();
    let r: std::borrow::Cow<'_, str> = if trimmed.contains(char::is_whitespace) {
        trimmed.chars().filter(|c| !c.is_whitespace()).collect::<String>().into()
    } else {
        trimmed.into()
    };
    let bad = || format!("`{restriction}` is no date restriction (<date, >date or date-date; YYYYMMDD or YYMMDD)");
    let restriction = if r.is_empty() {
        Restriction::Always
    } else if let Some(d) = r.strip_prefix('<') {
        Restriction::Before(day(d).ok_or_else(bad)?)
    } else if let Some(d) = r.strip_prefix('>') {
        Restriction::After(day(d).ok_or_else(bad)?)
    } else {
        let (a, b) = r.split_once('-').ok_or_else(bad)?;
        Restriction::Between(day(a).ok_or_else(bad)?, day(b).ok_or_else(bad)?)
    };
    Ok(((code != "---").then(|| code.into()), restriction))
}

/// A PETRARCH date: YYYYMMDD, or YYMMDD with 30-99 read as 19YY and 00-29 as 20YY.
fn day(d: &str) -> Option<Day> {
    if !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: Day = d.parse().ok()?;
    let n = match d.len() {
        8 => n,
        6 if n / 10_000 >= 30 => 19_000_000 + n,
        6 => 20_000_000 + n,
        _ => return None,
    };
    ((1..=12).contains(&(n / 100 % 100)) && (1..=31).contains(&(n % 100))).then_some(n)
}

/// A dictionary phrase as it is filed: its normalised words joined by single spaces, how many
/// words, and the first word's length in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    text: String,
    words: usize,
    first: usize,
}

/// The phrase at the start of a head or synonym line (up to `[`, `{` or `;`), with its
/// `{plural}` forms as more phrases; and the rest of the line.
fn phrase_words(line: &str) -> (Vec<Key>, &str) {
    let cut = line.find(['[', '{', ';']).unwrap_or(line.len());
    let (head, mut rest) = line.split_at(cut);
    let mut out: Vec<Key> = split_phrase(head).into_iter().collect();
    if let Some(body) = rest.strip_prefix('{') {
        let end = body.find('}').unwrap_or(body.len());
        out.extend(body[..end].split_whitespace().filter_map(split_phrase));
        rest = body.get(end + 1..).unwrap_or("");
    }
    (out, rest)
}

/// A dictionary phrase's key, without a leading article: "THE_WHITE_HOUSE" is filed as
/// "white house", as the text's "the" is skipped before a phrase is looked up. Built in one
/// buffer: the dictionaries have some 60,000 phrases, read at every start.
fn split_phrase(p: &str) -> Option<Key> {
    let mut key = Key { text: String::with_capacity(p.len()), words: 0, first: 0 };
    for w in p.split(|c: char| c == '_' || c.is_whitespace()) {
        let at = key.text.len();
        if at > 0 {
            key.text.push(' ');
        }
        if norm_into(w, &mut key.text) {
            key.words += 1;
            if key.words == 2 && is_article(&key.text[..key.first]) {
                // Drop the article and its space.
                key.text.drain(..=key.first);
                key.words = 1;
            }
            if key.words == 1 {
                key.first = key.text.len();
            }
        } else {
            key.text.truncate(at);
        }
    }
    (key.words > 0).then_some(key)
}

fn is_article(w: &str) -> bool {
    matches!(w, "the" | "a" | "an")
}

/// Appends a word as phrases are compared, and says whether anything was left of it:
/// lowercase, without full stops ("U.S." is "us"), a possessive's "'s", or surrounding
/// punctuation.
fn norm_into(w: &str, out: &mut String) -> bool {
    let start = out.len();
    for c in w.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '&')) {
        if c == '’' {
            out.push('\'');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if out[start..].ends_with("'s") {
        out.truncate(out.len() - 2);
    }
    // Surrounding apostrophes and hyphens.
    let lead = out[start..].len() - out[start..].trim_start_matches(['\'', '-']).len();
    out.drain(start..start + lead);
    let kept = out[start..].trim_end_matches(['\'', '-']).len();
    out.truncate(start + kept);
    out.len() > start
}

/// A word as phrases are compared ([`norm_into`]), if anything is left of it.
fn norm(w: &str) -> Option<String> {
    let mut s = String::new();
    norm_into(w, &mut s).then_some(s)
}

/// A word of a text phrase.
#[derive(Debug, Clone)]
struct Word {
    norm: String,
    /// Written with a capital: only such words name actors ("US", not "us").
    cap: bool,
}

/// The words of a phrase of the text.
fn text_words(text: &str) -> Vec<Word> {
    text.split_whitespace()
        .filter_map(|w| {
            let w = w.trim_start_matches('@');
            Some(Word { norm: norm(w)?, cap: w.starts_with(char::is_uppercase) })
        })
        .collect()
}

/// sayso's dictionaries: PETRARCH2's actors and agents.
static BUILT_IN: LazyLock<ActorDictionary> = LazyLock::new(|| {
    let mut d = ActorDictionary::parse(include_str!("actors.txt")).unwrap_or_default();
    for line in include_str!("agents.tsv").lines().filter(|l| !l.starts_with('#')) {
        if let Some((Some(key), code)) = line.split_once('\t').map(|(p, c)| (split_phrase(p), c)) {
            let entry = Entry { codes: vec![(Some(code.into()), Restriction::Always)] };
            let id = u32::try_from(d.agents.entries.len()).unwrap_or(u32::MAX);
            d.agents.entries.push(entry);
            d.agents.insert(&key, id);
        }
    }
    d
});

/// Codes phrases on one article's publication date, with an optional user dictionary.
pub(super) struct Coder<'a> {
    user: Option<&'a ActorDictionary>,
    day: Option<Day>,
    buf: String,
}

/// What a phrase names, found left to right.
#[derive(Debug, Default)]
struct Found {
    /// The most specific actor code (the longest; the first of equals).
    actor: Option<String>,
    /// The first agent's role (`~GOV`, `NGO~`).
    agent: Option<String>,
}

impl<'a> Coder<'a> {
    pub(super) fn new(user: Option<&'a ActorDictionary>, published: Option<jiff::civil::Date>) -> Self {
        let day = published.and_then(|d| {
            let (y, m, dd) =
                (u32::try_from(d.year()).ok()?, u32::try_from(d.month()).ok()?, u32::try_from(d.day()).ok()?);
            Some(y * 10_000 + m * 100 + dd)
        });
        Coder { user, day, buf: String::new() }
    }

    /// The actor code of a phrase ("Russian President Vladimir Putin", "security
    /// officials"), if its words name an actor or a role.
    pub(super) fn phrase(&mut self, text: &str) -> Option<String> {
        let words = text_words(text);
        let found = self.find(&words);
        compose(found)
    }

    fn find(&mut self, words: &[Word]) -> Found {
        let mut found = Found::default();
        let mut i = 0;
        while i < words.len() {
            if is_article(&words[i].norm) {
                i += 1;
                continue;
            }
            let rest = &words[i..];
            let dicts = self.user.into_iter().chain(std::iter::once(&*BUILT_IN));
            // The longest actor phrase here (the user's first at equal length), written with
            // a capital somewhere.
            let mut best: Option<(usize, Option<&str>)> = None;
            for d in dicts.clone() {
                if let Some((n, e)) = d.actors.longest_at(rest, &mut self.buf) {
                    if rest[..n].iter().any(|w| w.cap) && best.is_none_or(|(m, _)| n > m) {
                        best = Some((n, e.code(self.day)));
                    }
                }
            }
            if let Some((n, code)) = best {
                // "Zero Hedge" is no "Zero" (a group): a name that runs on past the phrase
                // into a capitalised word nothing knows names something else.
                let runs_on = rest.get(n).is_some_and(|w| w.cap) && !self.known_at(&rest[n..]);
                if runs_on {
                    i += n;
                    continue;
                }
                if let Some(c) = code {
                    if found.actor.as_ref().is_none_or(|a| c.len() > a.len()) {
                        found.actor = Some(c.to_string());
                    }
                }
                i += n;
                continue;
            }
            let mut agent: Option<(usize, Option<&str>)> = None;
            for d in dicts {
                if let Some((n, e)) = d.agents.longest_at(rest, &mut self.buf) {
                    if agent.is_none_or(|(m, _)| n > m) {
                        agent = Some((n, e.code(self.day)));
                    }
                }
            }
            if let Some((n, code)) = agent {
                if found.agent.is_none() {
                    found.agent = code.map(str::to_string);
                }
                i += n;
                continue;
            }
            i += 1;
        }
        found
    }

    /// Whether some actor or agent phrase starts at `words[0]`.
    fn known_at(&mut self, words: &[Word]) -> bool {
        let dicts = self.user.into_iter().chain(std::iter::once(&*BUILT_IN));
        dicts.into_iter().any(|d| {
            d.actors.longest_at(words, &mut self.buf).is_some() || d.agents.longest_at(words, &mut self.buf).is_some()
        })
    }
}

/// PETRARCH's composition of an actor and an agent: a bare country takes the agent's role
/// (`~GOV` after it, `NGO~` before it); a code with a role of its own keeps it; an agent
/// alone is its role.
fn compose(found: Found) -> Option<String> {
    let role = |agent: &str| agent.trim_matches('~').to_string();
    match (found.actor, found.agent) {
        (Some(actor), Some(agent)) if actor.len() == 3 => Some(if agent.ends_with('~') && !agent.starts_with('~') {
            format!("{}{actor}", role(&agent))
        } else {
            format!("{actor}{}", role(&agent))
        }),
        (Some(actor), _) => Some(actor),
        (None, Some(agent)) => Some(role(&agent)).filter(|r| !r.is_empty()),
        (None, None) => None,
    }
}

/// The actor codes of one article's participants and sources: each phrase's own code, or
/// its entity's when that says more (a pronoun, "President Trump" whose country another
/// mention gives).
pub(super) struct ArticleCodes<'a> {
    coder: Coder<'a>,
    /// Each entity's code, worked out when a participant first needs it: the most specific
    /// any of its named mentions (with its role) gives.
    entities: Vec<Option<Option<String>>>,
    /// Each phrase's own code, and whether a named actor gave it.
    phrases: HashMap<Box<str>, (Option<String>, bool)>,
}

impl<'a> ArticleCodes<'a> {
    pub(super) fn new(a: &Analysis, user: Option<&'a ActorDictionary>) -> Self {
        let coder = Coder::new(user, a.published.as_ref().map(|p| p.date));
        ArticleCodes { coder, entities: vec![None; a.entities.len()], phrases: HashMap::new() }
    }

    /// Entity `e`'s code (computed once).
    fn entity(&mut self, a: &Analysis, e: usize) -> Option<String> {
        if let Some(known) = self.entities.get(e)? {
            return known.clone();
        }
        let entity = &a.entities[e];
        let mut best: Option<String> = None;
        let mut phrase = String::new();
        for &m in &entity.mentions {
            let m = &a.mentions[m];
            if matches!(m.kind, MentionKind::Pronoun | MentionKind::Nominal) {
                continue;
            }
            phrase.clear();
            if let Some(role) = &m.role {
                phrase.push_str(role);
                phrase.push(' ');
            }
            phrase.push_str(a.slice(&m.span));
            let code = self.coder.phrase(&phrase);
            if code.as_ref().is_some_and(|c| best.as_ref().is_none_or(|b| c.len() > b.len())) {
                best = code;
            }
        }
        let code = best.or_else(|| self.coder.phrase(&entity.name));
        self.entities[e] = Some(code.clone());
        code
    }

    /// A phrase's own code, and whether a named actor gave it (not a role alone).
    fn own(&mut self, text: &str) -> (Option<String>, bool) {
        // A phrase's own reading is the same wherever it recurs ("he", "the statement",
        // "Trump"): looked up once per article.
        match self.phrases.get(text) {
            Some(known) => known.clone(),
            None => {
                let found = self.coder.find(&text_words(text));
                let named = found.actor.is_some();
                let own = compose(found);
                self.phrases.insert(text.into(), (own.clone(), named));
                (own, named)
            }
        }
    }

    /// The phrase at `span`'s own code ("French paper workers": `FRALAB`), its entities aside.
    pub(super) fn own_code(&mut self, a: &Analysis, span: &Range<usize>) -> Option<String> {
        self.own(a.slice(span)).0
    }

    /// Whether the phrase at `span` names an actor the dictionaries know (a country, an
    /// organisation, a person: "Ugandan rebels", "Amnesty International"), not a role alone
    /// ("teacher", "authorities").
    pub(super) fn names_actor(&mut self, a: &Analysis, span: &Range<usize>) -> bool {
        self.own(a.slice(span)).1
    }

    /// The code of the phrase at `span`, which refers to `entities`.
    pub(super) fn phrase(&mut self, a: &Analysis, span: &Range<usize>, entities: &[usize]) -> Option<String> {
        let (own, named) = self.own(a.slice(span));
        let codes: Vec<Option<String>> = entities.iter().map(|&e| self.entity(a, e)).collect();
        // A group ("the two leaders") has its members' code only when they share it.
        let shared = codes.first().cloned().flatten().filter(|f| codes.iter().all(|c| c.as_ref() == Some(f)));
        match (own, shared) {
            (Some(own), Some(shared)) => Some(if shared.len() > own.len() { shared } else { own }),
            (Some(_), None) if !named && entities.len() > 1 => None,
            (own, shared) => own.or(shared),
        }
    }
}

/// The code book's table: code → (Goldstein value, name).
static TABLE: LazyLock<HashMap<&'static str, (Option<f64>, &'static str)>> = LazyLock::new(|| {
    let mut t = HashMap::new();
    for line in include_str!("cameo_codes.tsv").lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        if let (Some(code), Some(value), Some(name)) = (cols.next(), cols.next(), cols.next()) {
            t.insert(code, (value.parse().ok(), name));
        }
    }
    t
});

/// The code book's own copy of a code, if it has the code.
pub(super) fn cameo_code(code: &str) -> Option<&'static str> {
    TABLE.get_key_value(code).map(|(&k, _)| k)
}

/// The name of a CAMEO code in the code book (or of its root category), if the code exists.
#[must_use]
pub fn cameo_label(code: &str) -> Option<&'static str> {
    TABLE.get(code).or_else(|| code.get(..2).and_then(|root| TABLE.get(root))).map(|&(_, name)| name)
}

/// The Goldstein conflict-cooperation value (-10 to +10) of a CAMEO code, as GDELT's
/// `GoldsteinScale` gives it; `None` for a code the published table leaves without one.
#[must_use]
pub fn goldstein(code: &str) -> Option<f64> {
    TABLE.get(code).and_then(|&(v, _)| v)
}

/// GDELT's `QuadClass` of a CAMEO code: 1 verbal cooperation (roots 01-05), 2 material
/// cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
#[must_use]
pub fn quad_class(code: &str) -> Option<u8> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    match root {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coder<'a>(user: Option<&'a ActorDictionary>, date: &str) -> Coder<'a> {
        Coder::new(user, date.parse().ok())
    }

    #[test]
    fn the_built_in_dictionaries_load_and_read_cleanly() {
        let d = ActorDictionary::parse(include_str!("actors.txt")).expect("actors.txt reads");
        assert!(d.actors.phrases.len() > 30_000, "{}", d.actors.phrases.len());
        assert!(BUILT_IN.agents.phrases.len() > 3_000);
    }

    #[test]
    fn a_dated_entry_takes_the_code_of_the_publication_date() {
        // Putin: an elite before 1999, government from then on, an elite again while prime
        // minister (2008-2012) in the dictionary's own ranges.
        assert_eq!(coder(None, "2017-12-17").phrase("Vladimir Putin").as_deref(), Some("RUSGOV"));
        assert_eq!(coder(None, "1995-06-01").phrase("Vladimir Putin").as_deref(), Some("RUSELI"));
        assert_eq!(coder(None, "").phrase("Putin").as_deref(), Some("RUSELI"), "no date: the default");
    }

    #[test]
    fn countries_compose_with_agents_as_petrarch_does() {
        let mut c = coder(None, "2017-12-17");
        assert_eq!(c.phrase("Russian authorities").as_deref(), Some("RUSGOV"));
        assert_eq!(c.phrase("the Russian President").as_deref(), Some("RUSGOV"));
        assert_eq!(c.phrase("Afghan rebels").as_deref(), Some("AFGREB"));
        assert_eq!(c.phrase("police").as_deref(), Some("COP"), "a role without a country");
        assert_eq!(c.phrase("the White House").as_deref(), Some("USAGOV"));
        assert_eq!(c.phrase("the CIA").as_deref(), Some("USASPY"));
        assert_eq!(c.phrase("the Associated Press").as_deref(), Some("MED"));
        assert_eq!(c.phrase("Taiwan's Vice Foreign Minister").as_deref(), Some("TWNGOV"));
        // Only a capitalised "US" is the country.
        assert_eq!(c.phrase("us").as_deref(), None);
        assert_eq!(c.phrase("the apartment").as_deref(), None);
        // A name that runs on past a dictionary phrase is another name ("Zero" is a group).
        assert_eq!(c.phrase("Zero Hedge").as_deref(), None);
    }

    #[test]
    fn a_user_file_adds_and_overrides_entries() {
        let user = ActorDictionary::parse(
            "# analyst's additions\nDONALD_TRUMP\n+PRESIDENT_TRUMP\n\t[USAELI]\n\t[USAGOV 20170120-20210120]\nWHITE_HOUSE [USAELI] ; overrides\nCYBER_POLICE {CYBER_COPS} [~COP]\n",
        )
        .expect("parses");
        let mut c = coder(Some(&user), "2017-12-17");
        assert_eq!(c.phrase("Donald Trump").as_deref(), Some("USAGOV"));
        assert_eq!(c.phrase("President Trump").as_deref(), Some("USAGOV"));
        assert_eq!(coder(Some(&user), "2022-01-01").phrase("Donald Trump").as_deref(), Some("USAELI"));
        assert_eq!(c.phrase("the White House").as_deref(), Some("USAELI"), "the user's entry wins");
        assert_eq!(c.phrase("Russian cyber cops").as_deref(), Some("RUSCOP"));
        assert_eq!(coder(None, "2017-12-17").phrase("Donald Trump"), None, "not in the 2016 dictionaries");
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let cases = [
            ("+ALIAS\n", 1, "before any phrase"),
            ("A_B\n\t[USAGOV 2017-13]\n", 2, "no date restriction"),
            ("A_B [usa]\n", 1, "no actor code"),
            ("A_B\n\t[USA\n", 2, "no closing"),
            ("A_B junk [USA]\n\tUSA\n", 2, "expected `[CODE]`"),
        ];
        for (text, line, what) in cases {
            match ActorDictionary::parse(text) {
                Err(Error::ActorFile { line: l, message }) => {
                    assert_eq!(l, line, "{text:?}");
                    assert!(message.contains(what), "{text:?}: {message}");
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
        assert!(ActorDictionary::parse("").expect("empty").is_empty());
    }

    #[test]
    fn phrases_are_filed_as_text_is_looked_up() {
        let key = |p: &str| split_phrase(p).map(|k| (k.text.clone(), k.words, k.text[..k.first].to_string()));
        assert_eq!(key("THE_WHITE_HOUSE_"), Some(("white house".into(), 2, "white".into())));
        assert_eq!(key("U.S._STATE_DEPARTMENT"), Some(("us state department".into(), 3, "us".into())));
        assert_eq!(key("ANARCHISTS'_ATTACK_GROUP_"), Some(("anarchists attack group".into(), 3, "anarchists".into())));
        assert_eq!(key("AL-JAZEERA"), Some(("al-jazeera".into(), 1, "al-jazeera".into())));
        assert_eq!(key("THE"), Some(("the".into(), 1, "the".into())), "an article alone stays");
        assert_eq!(key("_ . _"), None);
        let words: Vec<String> = text_words("Russia’s (ruling) “U.S.” @POTUS").into_iter().map(|w| w.norm).collect();
        assert_eq!(words, ["russia", "ruling", "us", "potus"]);
    }

    #[test]
    fn dates_read_as_petrarch_reads_them() {
        assert_eq!(day("20170120"), Some(20_170_120));
        assert_eq!(day("170120"), Some(20_170_120));
        assert_eq!(day("450703"), Some(19_450_703));
        assert_eq!(day("1920030320"), None);
        assert_eq!(day("20171301"), None);
        assert!(Restriction::Between(20_000_101, 20_001_231).holds(20_001_231), "ends are included");
    }

    #[test]
    fn restrictions_read_with_or_without_spaces_inside() {
        let read = |body: &str| code(body).map(|(c, r)| (c.map(String::from), r));
        let after = Ok((Some("USAGOV".to_string()), Restriction::After(20_170_120)));
        assert_eq!(read("USAGOV >20170120"), after);
        assert_eq!(read("USAGOV  > 20170120 "), after);
        let between = Ok((Some("USAGOV".to_string()), Restriction::Between(20_170_120, 20_210_120)));
        assert_eq!(read("USAGOV 20170120 - 20210120"), between);
        assert_eq!(read("USAGOV"), Ok((Some("USAGOV".to_string()), Restriction::Always)));
        assert_eq!(read("--- <19990101"), Ok((None, Restriction::Before(19_990_101))));
        let err = read("USAGOV  >2017").expect_err("a four-digit date is no date");
        assert!(err.contains("` >2017`"), "{err}");
    }

    #[test]
    fn every_code_has_its_gdelt_fields() {
        assert_eq!(goldstein("173"), Some(-5.0));
        assert_eq!(goldstein("041"), Some(1.0));
        assert_eq!(quad_class("041"), Some(1));
        assert_eq!(quad_class("064"), Some(2));
        assert_eq!(quad_class("112"), Some(3));
        assert_eq!(quad_class("190"), Some(4));
        assert_eq!(quad_class("99"), None);
        assert_eq!(cameo_label("0214"), Some("Appeal for intelligence"));
    }
}
