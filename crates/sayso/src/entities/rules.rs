//! Rules over the tagger's names, for what its training names (Reuters 1996, GUM) teach
//! badly: headlines, bare titles, clitics, the type of laws, events and peoples, the type a
//! name's last word gives it, titles fused into a name, first names that are also places, and
//! one type per name in an article.
//!
//! Reads the tagger's spans and the kind of each token's line; returns the spans kept, some
//! retyped or trimmed. Each rule is a look at a span and its neighbours, or a hash-map
//! look-up over the article's names: linear in the names.

use super::tagger::{LINE_CAPS, LINE_HEADLINE, Span};
use super::{ALIASES, GAZETTEER, PERSON_TITLES};
use crate::analysis::Analysis;
use crate::schema::EntityType;
use crate::text::TokenKind;
use crate::wordlist::WordList;
use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;

/// Last words of a name that make it a law, treaty, event, work or prize: MISC in CoNLL's
/// guidelines ("the HEROES Act", "the Treaty of Rome" is caught by its first word).
const MISC_HEADS: &[&str] = &[
    "act",
    "acts",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "amendment",
    "doctrine",
    "war",
    "revolution",
    "games",
    "olympics",
    "cup",
    "championship",
    "championships",
    "prize",
    "award",
    "awards",
    "festival",
    "expo",
    "declaration",
    "protocol",
    "charter",
];

/// First words of a name that make it an event or a law: "Battle of Gettysburg", "Treaty of
/// Versailles", "Title IX".
const MISC_OPENERS: &[&str] = &["battle", "siege", "war", "treaty", "title", "operation", "hurricane", "cyclone"];

/// Last words that keep a name an organisation or a place when it starts with a title
/// ("Attorney General's Office", "President Hotel").
const ORG_OR_PLACE_HEADS: &[&str] = &[
    "office",
    "department",
    "ministry",
    "committee",
    "council",
    "court",
    "administration",
    "agency",
    "bureau",
    "commission",
    "party",
    "house",
    "hotel",
    "street",
    "avenue",
    "road",
    "square",
    "park",
    "school",
    "university",
    "college",
    "club",
    "bank",
    "foundation",
    "institute",
    "county",
    "city",
    "state",
    "island",
    "river",
    "lake",
    "bay",
    "beach",
    "valley",
    "mountain",
    "mountains",
    "airport",
    "station",
    "bridge",
    "cathedral",
    "church",
    "district",
    "province",
    "region",
    "harbor",
    "harbour",
    "hills",
    "falls",
    "heights",
    "center",
    "centre",
    "hall",
    "stadium",
    "gym",
];

/// Last words that make a name of two or more words an organisation in CoNLL's guidelines,
/// whatever its first word is ("Montreal Hockey Club", "Bowling Green State University",
/// "IV Corps"): the greedy tagger types a name at its first word, before it sees the head.
/// Not "league": CoNLL has the American League a competition (MISC).
const ORG_HEADS: &[&str] = &[
    "club",
    "company",
    "corporation",
    "university",
    "college",
    "institute",
    "association",
    "federation",
    "party",
    "council",
    "committee",
    "commission",
    "ministry",
    "agency",
    "bureau",
    "foundation",
    "society",
    "orchestra",
    "records",
    "airlines",
    "airways",
    "brigade",
    "regiment",
    "corps",
    "battalion",
];

/// Last words that make a name of two or more words a place ("Elizabeth River", "Hay
/// Street"), unless a title starts it.
const PLACE_HEADS: &[&str] = &[
    "river",
    "lake",
    "island",
    "islands",
    "mountain",
    "mountains",
    "valley",
    "bay",
    "street",
    "avenue",
    "road",
    "square",
    "bridge",
    "ocean",
    "sea",
    "peninsula",
    "desert",
    "forest",
    "canal",
    "creek",
];

/// Titles that also start names of other things ("General Motors", "First Union", "Prime
/// Computer"): after them a person needs a first name. The other [`PERSON_TITLES`] only ever
/// stand before a person ("Professor Eastman").
static AMBIGUOUS_TITLES: WordList = WordList::new(&[
    "general",
    "gen.",
    "chief",
    "first",
    "vice",
    "lady",
    "prime",
    "former",
    "justice",
    "speaker",
    "secretary",
    "director",
    "minister",
    "chancellor",
    "chairman",
    "chairwoman",
    "premier",
    "representative",
    "lt.",
    "col.",
    "sgt.",
    "adm.",
]);

/// First words of people's names in the gazetteer ("jose", "john", "maria"), not titles.
static FIRST_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut names = HashSet::default();
    for (phrase, (t, _)) in &GAZETTEER.names {
        if *t != EntityType::Person {
            continue;
        }
        let mut words = phrase.split(' ');
        if let (Some(first), Some(_)) = (words.next(), words.next()) {
            if first.len() > 1 && !PERSON_TITLES.contains(&first) && first.chars().all(char::is_alphabetic) {
                names.insert(first);
            }
        }
    }
    names
});

/// Last words of people's names in the gazetteer ("mbeki", "putin"), not places.
static SURNAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    GAZETTEER
        .names
        .iter()
        .filter(|(p, (t, _))| *t == EntityType::Person && p.contains(' '))
        .filter_map(|(p, _)| p.rsplit(' ').next())
        .filter(|w| w.len() > 2 && w.chars().all(char::is_alphabetic))
        .filter(|w| !matches!(GAZETTEER.names.get(w), Some((EntityType::Gpe | EntityType::Location, _))))
        .collect()
});

/// [`TYPE_NOUNS`] as a map, and the word lists asked per name as [`WordList`]s: a name costs
/// a few hash look-ups, not a scan of every list.
pub(super) static TYPE_NOUN: LazyLock<HashMap<&'static str, usize>> =
    LazyLock::new(|| TYPE_NOUNS.iter().copied().collect());
static TITLES: WordList = WordList::new(PERSON_TITLES);
static ORG_OR_PLACE_HEAD: WordList = WordList::new(ORG_OR_PLACE_HEADS);
static MISC_HEAD: WordList = WordList::new(MISC_HEADS);
static ORG_HEAD: WordList = WordList::new(ORG_HEADS);
static PLACE_HEAD: WordList = WordList::new(PLACE_HEADS);

/// Whether a lowercase word is a title before a person's name ([`PERSON_TITLES`]).
fn is_title(w: &str) -> bool {
    TITLES.contains(w)
}

/// The lowercase words of tokens `r`, space-separated.
fn key(a: &Analysis, r: &std::ops::Range<usize>) -> String {
    let mut k = String::new();
    for i in r.clone() {
        if !k.is_empty() && a.tokens[i].space_before {
            k.push(' ');
        }
        k.push_str(a.lower(i));
    }
    k
}

/// Whether the gazetteer or the alias list knows a lowercase phrase.
fn known(phrase: &str) -> bool {
    GAZETTEER.names.contains_key(phrase) || ALIASES.contains_key(phrase)
}

/// A word with a capital first letter and lowercase letters after it ("Lee", not "LEE").
fn title_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.clone().any(char::is_lowercase) && !c.any(char::is_uppercase)
}

/// Whether token `i` opens its sentence (nothing but punctuation or quotes before it).
fn sentence_initial(a: &Analysis, i: usize) -> bool {
    let Some(s) = a.sentences.get(a.tokens[i].sentence) else { return false };
    a.tokens[s.tokens.start..i].iter().all(|t| t.kind != TokenKind::Word && t.kind != TokenKind::Number)
}

/// The refined spans; `lines` is [`super::tagger::line_kinds`] of the article.
pub(super) fn refine(a: &Analysis, spans: Vec<Span>, lines: &[u8]) -> Vec<Span> {
    let line = |s: &Span| lines.get(s.tokens.start).copied().unwrap_or(0);
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for mut s in merge_split_names(a, numbered_names(a, honorific_names(a, spans))) {
        trim_clitic_verb(a, &mut s);
        // "The White House" where the gazetteer knows "White House": "the" is no part of it.
        if s.tokens.len() >= 2
            && a.lower(s.tokens.start) == "the"
            && known(&key(a, &(s.tokens.start + 1..s.tokens.end)))
        {
            s.tokens.start += 1;
        }
        if s.tokens.is_empty() || bare_title(a, &s) || (line(&s) & LINE_CAPS == 0 && function_word(a, &s)) {
            continue;
        }
        s.class = retype(a, &s);
        out.push(s);
    }
    consistent_types(a, &mut out, &line);
    headline_support(a, &mut out, lines);
    out
}

/// Honorifics that only stand before a person's name: what follows them is a person.
const HONORIFICS: &[&str] = &["mr.", "mrs.", "ms.", "dr.", "prof.", "professor", "mr", "mrs", "ms", "dr"];

/// "Professor Eastman", "Mrs. Okafor" where the tagger found no name: the one to three
/// capitalised words after an honorific are a person.
fn honorific_names(a: &Analysis, spans: Vec<Span>) -> Vec<Span> {
    let mut added = Vec::new();
    let mut next = 0;
    for i in capitalised_in(a, HONORIFICS) {
        let t = &a.tokens[i];
        while spans.get(next).is_some_and(|s| s.tokens.end <= i + 1) {
            next += 1;
        }
        if spans.get(next).is_some_and(|s| s.tokens.start <= i + 1) {
            continue;
        }
        let mut end = i + 1;
        while end < a.tokens.len()
            && end < i + 4
            && a.tokens[end].sentence == t.sentence
            && title_word(&a.text[a.tokens[end].range()])
            && spans.get(next).is_none_or(|s| s.tokens.start > end)
        {
            end += 1;
        }
        if end > i + 1 {
            added.push(Span { tokens: i + 1..end, class: PER });
        }
    }
    with_added(spans, added)
}

/// The capitalised words of the article whose lowercase is in `list`.
fn capitalised_in<'a>(a: &'a Analysis, list: &'a [&str]) -> impl Iterator<Item = usize> + 'a {
    a.tokens.iter().enumerate().filter_map(move |(i, t)| {
        // Most tokens are passed over on their first byte.
        let capitalised = a.text.as_bytes().get(t.start).is_some_and(u8::is_ascii_uppercase);
        (t.kind == TokenKind::Word && capitalised && list.contains(&a.lower(i))).then_some(i)
    })
}

/// `spans` with the names `added` where the tagger found none, in text order.
fn with_added(mut spans: Vec<Span>, added: Vec<Span>) -> Vec<Span> {
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.tokens.start);
    }
    spans
}

/// "Title IV", "Operation 7" where the tagger found no name: a capitalised opener of laws and
/// events ([`MISC_OPENERS`]) right before a numeral is the law or event (the tagger may find
/// only part of it, which [`merge_split_names`] mends).
fn numbered_names(a: &Analysis, spans: Vec<Span>) -> Vec<Span> {
    let mut added = Vec::new();
    let mut next = 0;
    for i in capitalised_in(a, MISC_OPENERS) {
        let t = &a.tokens[i];
        let Some(n) = a.tokens.get(i + 1) else { continue };
        if n.sentence != t.sentence || !n.space_before || !is_numeral(&a.text[n.range()]) {
            continue;
        }
        while spans.get(next).is_some_and(|s| s.tokens.end <= i) {
            next += 1;
        }
        if spans.get(next).is_none_or(|s| s.tokens.start > i + 1) {
            added.push(Span { tokens: i..i + 2, class: MISC });
        }
    }
    with_added(spans, added)
}

/// Joins two names the tagger split where one name is meant: "Battle of" + "Gettysburg",
/// A Roman numeral in capitals ("IV", "XII") or a number ("9", "11"): the number of a law,
/// an operation or a storm.
fn is_numeral(word: &str) -> bool {
    !word.is_empty() && (word.bytes().all(|b| b"IVXLC".contains(&b)) || word.bytes().all(|b| b.is_ascii_digit()))
}

/// "University of" + "Pennsylvania" (a name ending in "of" and the name right after it: the
/// first's type; "Battle of" before a place the tagger found alone), and a one-word place right before a person ("Georgia" + "Mbeki": a first
/// name that is also a place is part of the person's name); and gives a name back the word
/// before it when the gazetteer knows the first name or the longer name ("St. Petersburg").
fn merge_split_names(a: &Analysis, spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for mut s in spans {
        // A first name the tagger left out at the start of a sentence or after a title:
        // "Attorney Jane Okafor" tagged "Okafor".
        let before = s.tokens.start.checked_sub(1);
        if let Some(b) = before.filter(|&b| out.last().is_none_or(|p| p.tokens.end <= b)) {
            let word = &a.text[a.tokens[b].range()];
            let same_sentence = a.tokens[b].sentence == a.tokens[s.tokens.start].sentence;
            if s.class == PER
                && same_sentence
                && title_word(word)
                && FIRST_NAMES.contains(a.lower(b))
                && !is_title(a.lower(b))
                && !crate::calendar::WORDS.contains(&a.lower(b))
            {
                s.tokens.start = b;
            } else if same_sentence
                && word.chars().next().is_some_and(char::is_uppercase)
                && !is_title(a.lower(b))
                && known(&key(a, &(b..s.tokens.end)))
            {
                // "St." + "Petersburg": the gazetteer's longer name.
                s.tokens.start = b;
            }
        }
        // "Battle of" + "Gettysburg" where the tagger found only the place: the event.
        if s.tokens.start >= 2
            && out.last().is_none_or(|p| p.tokens.end <= s.tokens.start - 2)
            && a.lower(s.tokens.start - 1) == "of"
            && MISC_OPENERS.contains(&a.lower(s.tokens.start - 2))
            && title_word(&a.text[a.tokens[s.tokens.start - 2].range()])
        {
            s.tokens.start -= 2;
            s.class = MISC;
        }
        // "Title" + "IV" where the tagger left the number out: the law or event with it.
        let numbered = a.tokens.get(s.tokens.end).filter(|n| {
            n.sentence == a.tokens[s.tokens.start].sentence && n.space_before && is_numeral(&a.text[n.range()])
        });
        if s.tokens.len() == 1 && numbered.is_some() && MISC_OPENERS.contains(&a.lower(s.tokens.start)) {
            s.tokens.end += 1;
            s.class = MISC;
        }
        if let Some(prev) = out.last_mut().filter(|p| p.tokens.end == s.tokens.start) {
            let last = prev.tokens.end - 1;
            let same_line = !a.tokens[s.tokens.start].line_start;
            let open_of = matches!(a.lower(last), "of" | "de");
            let first_name = prev.class == LOC
                && s.class == PER
                && !is_title(a.lower(s.tokens.start))
                && prev.tokens.len() == 1
                && s.tokens.len() <= 2
                && title_word(&a.text[a.tokens[last].range()]);
            if same_line && (open_of || first_name) {
                prev.tokens.end = s.tokens.end;
                if first_name {
                    prev.class = PER;
                }
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// "Gennifer Flowers Won't": the text stage splits "Won't" into "Wo" and "n't", and "Wo" is
/// not part of a name.
fn trim_clitic_verb(a: &Analysis, s: &mut Span) {
    let next_is_not =
        a.tokens.get(s.tokens.end).is_some_and(|t| !t.space_before && matches!(a.lower(s.tokens.end), "n't" | "n’t"));
    if next_is_not {
        s.tokens.end -= 1;
    }
}

/// A title alone after "the" ("the Emperor", "the Earl") is a role, not a name ("King" alone
/// may be a surname).
fn bare_title(a: &Analysis, s: &Span) -> bool {
    let i = s.tokens.start;
    s.tokens.len() == 1 && i > 0 && a.lower(i - 1) == "the" && is_title(a.lower(i))
}

/// A one-word name opening a sentence that the UD lexicon calls an adverb or a closed-class
/// word ("Moreover", "Finally", "My", "Also"): not a name. Only in title case, so "US" (the
/// pronoun "us" in the lexicon) stays a country.
fn function_word(a: &Analysis, s: &Span) -> bool {
    let i = s.tokens.start;
    s.tokens.len() == 1
        && sentence_initial(a, i)
        && title_word(&a.text[a.tokens[i].range()])
        && matches!(super::tagger::word_class(a.lower(i)), Some("ADV" | "FUNC"))
        && !known(a.lower(i))
}

/// The class after the type rules: laws, treaties, events, works and peoples are MISC; a
/// title and a person's name tagged as an organisation ("Attorney Jane Smith",
/// "Professor Eastman") is the person; a place's name followed by a surname ("Georgia Lee")
/// is a person when the gazetteer knows the surname.
fn retype(a: &Analysis, s: &Span) -> usize {
    let (first, last) = (s.tokens.start, s.tokens.end - 1);
    let (lw_first, lw_last) = (a.lower(first), a.lower(last));
    let n = s.tokens.len();
    if n >= 2 && (MISC_HEAD.contains(lw_last) || MISC_OPENERS.contains(&lw_first)) {
        return MISC;
    }
    // The head word types the name where the gazetteer does not know it.
    if n >= 2 && title_word(&a.text[a.tokens[last].range()]) && !known(&key(a, &s.tokens)) {
        if ORG_HEAD.contains(lw_last) {
            return ORG;
        }
        if PLACE_HEAD.contains(lw_last) && !is_title(lw_first) {
            return LOC;
        }
    }
    // A people named in the plural ("Canadians"); the gazetteer's one-word adjectives are
    // too noisy ("Milan", "Cincinnati") to retype a singular.
    if n == 1 && (s.class == PER || s.class == ORG) {
        let singular = lw_first.strip_suffix('s').filter(|w| w.len() > 2);
        if singular.is_some_and(|w| matches!(GAZETTEER.names.get(w), Some((EntityType::Norp, _)))) {
            return MISC;
        }
    }
    if s.class == ORG && n >= 2 && !ORG_OR_PLACE_HEAD.contains(lw_last) {
        let mut k = first;
        while k < last && is_title(a.lower(k)) {
            k += 1;
        }
        let rest_is_a_name = (k..=last).all(|i| title_word(&a.text[a.tokens[i].range()])) && last - k < 3;
        // "General Motors" keeps its title word: an ambiguous title needs a first name after it.
        let given = FIRST_NAMES.contains(a.lower(k)) || (k == last && !AMBIGUOUS_TITLES.contains(a.lower(k - 1)));
        if k > first && rest_is_a_name && given && !known(&key(a, &s.tokens)) {
            return PER;
        }
    }
    if s.class == LOC && (2..=3).contains(&n) && !known(&key(a, &s.tokens)) && !ORG_OR_PLACE_HEAD.contains(lw_last) {
        let given = title_word(&a.text[a.tokens[first].range()])
            && super::tagger::word_class(lw_first) != Some("FUNC")
            && (FIRST_NAMES.contains(lw_first)
                || matches!(GAZETTEER.names.get(lw_first), Some((EntityType::Gpe | EntityType::Location, _))));
        let surname = SURNAMES.contains(lw_last)
            && title_word(&a.text[a.tokens[last].range()])
            && !matches!(GAZETTEER.names.get(lw_last), Some((EntityType::Gpe | EntityType::Location, _)));
        if given && surname {
            return PER;
        }
    }
    s.class
}

/// Nouns that say what a name is when an article defines it ("Caloi is a Brazilian bicycle
/// manufacturer", "Azna, a village in Iran,", "the band Queen"), with the class they give.
const TYPE_NOUNS: &[(&str, usize)] = &[
    ("footballer", PER),
    ("player", PER),
    ("singer", PER),
    ("musician", PER),
    ("actor", PER),
    ("actress", PER),
    ("politician", PER),
    ("writer", PER),
    ("author", PER),
    ("poet", PER),
    ("painter", PER),
    ("artist", PER),
    ("composer", PER),
    ("journalist", PER),
    ("coach", PER),
    ("scientist", PER),
    ("businessman", PER),
    ("businesswoman", PER),
    ("lawyer", PER),
    ("priest", PER),
    ("soldier", PER),
    ("rapper", PER),
    ("cricketer", PER),
    ("boxer", PER),
    ("wrestler", PER),
    ("athlete", PER),
    ("cyclist", PER),
    ("golfer", PER),
    ("swimmer", PER),
    ("philosopher", PER),
    ("historian", PER),
    ("economist", PER),
    ("physician", PER),
    ("professor", PER),
    ("teacher", PER),
    ("comedian", PER),
    ("dancer", PER),
    ("inventor", PER),
    ("explorer", PER),
    ("architect", PER),
    ("guitarist", PER),
    ("drummer", PER),
    ("pianist", PER),
    ("novelist", PER),
    ("playwright", PER),
    ("photographer", PER),
    ("entrepreneur", PER),
    ("activist", PER),
    ("diplomat", PER),
    ("senator", PER),
    ("monk", PER),
    ("jockey", PER),
    ("sculptor", PER),
    ("linguist", PER),
    ("mathematician", PER),
    ("physicist", PER),
    ("company", ORG),
    ("manufacturer", ORG),
    ("firm", ORG),
    ("corporation", ORG),
    ("band", ORG),
    ("club", ORG),
    ("team", ORG),
    ("party", ORG),
    ("organization", ORG),
    ("organisation", ORG),
    ("association", ORG),
    ("newspaper", ORG),
    ("publisher", ORG),
    ("label", ORG),
    ("agency", ORG),
    ("university", ORG),
    ("college", ORG),
    ("school", ORG),
    ("society", ORG),
    ("federation", ORG),
    ("bank", ORG),
    ("airline", ORG),
    ("retailer", ORG),
    ("charity", ORG),
    ("orchestra", ORG),
    ("regiment", ORG),
    ("station", ORG),
    ("broadcaster", ORG),
    ("village", LOC),
    ("town", LOC),
    ("city", LOC),
    ("municipality", LOC),
    ("county", LOC),
    ("district", LOC),
    ("region", LOC),
    ("province", LOC),
    ("country", LOC),
    ("island", LOC),
    ("river", LOC),
    ("lake", LOC),
    ("mountain", LOC),
    ("valley", LOC),
    ("suburb", LOC),
    ("borough", LOC),
    ("parish", LOC),
    ("commune", LOC),
    ("capital", LOC),
    ("settlement", LOC),
    ("peninsula", LOC),
    ("hamlet", LOC),
    ("township", LOC),
    ("locality", LOC),
    ("neighbourhood", LOC),
    ("neighborhood", LOC),
    ("stadium", LOC),
    ("castle", LOC),
    ("album", MISC),
    ("song", MISC),
    ("single", MISC),
    ("film", MISC),
    ("movie", MISC),
    ("novel", MISC),
    ("book", MISC),
    ("opera", MISC),
    ("poem", MISC),
    ("language", MISC),
    ("festival", MISC),
    ("tournament", MISC),
    ("lottery", MISC),
    ("game", MISC),
    ("sitcom", MISC),
    ("ethnic", MISC),
    ("child", PER),
    ("daughter", PER),
    ("son", PER),
    ("wife", PER),
    ("husband", PER),
    ("mother", PER),
    ("father", PER),
    ("brother", PER),
    ("sister", PER),
    ("girl", PER),
    ("boy", PER),
    ("baby", PER),
    ("uncle", PER),
    ("aunt", PER),
    ("grandmother", PER),
    ("grandfather", PER),
    ("cousin", PER),
    ("niece", PER),
    ("nephew", PER),
    ("widow", PER),
    ("girlfriend", PER),
    ("boyfriend", PER),
];

/// The class a definition next to a name gives it: "NAME (born 1950) is/was a/an/the ...
/// NOUN", "NAME, a/an ... NOUN", "the NOUN NAME" or "NOUN, NAME" ("their daughter
/// Gloria", "her child, Gloria"), "NAME is (located) in" (a place), or "NAME, 45," (a
/// person). The noun is the first of [`TYPE_NOUNS`]
/// within five words of the article.
fn defined_class(a: &Analysis, s: &Span) -> Option<usize> {
    let noun = |i: usize| TYPE_NOUN.get(a.lower(i)).copied();
    let same_sentence = |i: usize| a.tokens.get(i).is_some_and(|t| t.sentence == a.tokens[s.tokens.start].sentence);
    // "the band Queen", "their daughter Gloria", "her child, Gloria".
    let before = s.tokens.start.checked_sub(1).filter(|&b| a.lower(b) != ",").or_else(|| s.tokens.start.checked_sub(2));
    if let Some(c) = before.filter(|&b| same_sentence(b) && b + 2 >= s.tokens.start).and_then(noun) {
        return Some(c);
    }
    let mut i = s.tokens.end;
    // An age between commas: "Jane Smith, 45, said".
    if a.lower(i) == ","
        && a.lower(i + 2) == ","
        && a.lower(i + 1).parse::<u8>().is_ok_and(|age| (1..=120).contains(&age))
        && same_sentence(i + 2)
    {
        return Some(PER);
    }
    // A parenthesis after the name: "(born 12 May 1950)".
    if same_sentence(i) && a.lower(i) == "(" {
        let mut depth = 0;
        while same_sentence(i) && i < s.tokens.end + 20 {
            match a.lower(i) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
            i += 1;
            if depth == 0 {
                break;
            }
        }
    }
    // "Athens (Greek: Athína), is the capital".
    if a.lower(i) == "," && matches!(a.lower(i + 1), "is" | "was") {
        i += 1;
    }
    // After a comma only "a"/"an": "Ulsan, the champions," is sports talk, not a definition.
    let comma = match a.lower(i) {
        "is" | "was" | "are" | "were" => false,
        "," => true,
        _ => return None,
    };
    i += 1;
    // "Coron is in the province of Palawan", "is located in Palawan": a place. Only before a
    // place: a capitalised word or "the" + a place noun ("the club was in a dispute", "is in
    // talks" say nothing of what the name is).
    let located = usize::from(matches!(a.lower(i), "located" | "situated"));
    if !comma && a.lower(i + located) == "in" {
        let k = i + located + 1;
        let place = |k: usize| {
            same_sentence(k)
                && a.tokens[k].kind == TokenKind::Word
                && a.text[a.tokens[k].range()].starts_with(char::is_uppercase)
        };
        if place(k) || (a.lower(k) == "the" && TYPE_NOUN.get(a.lower(k + 1)) == Some(&LOC)) {
            return Some(LOC);
        }
    }
    if !matches!(a.lower(i), "a" | "an") && (comma || a.lower(i) != "the") {
        return None;
    }
    (i + 1..i + 7).take_while(|&k| same_sentence(k) && a.tokens[k].kind == TokenKind::Word).find_map(noun)
}

/// One name, one type within an article: a name the article defines has the type of its
/// definition everywhere ([`defined_class`]); other body mentions of a name take the type
/// most of its body mentions have, when it has twice their own type's votes.
fn consistent_types(a: &Analysis, spans: &mut [Span], line: &impl Fn(&Span) -> u8) {
    let keys: Vec<String> = spans.iter().map(|s| key(a, &s.tokens)).collect();
    let mut votes: HashMap<&str, [u32; 4]> = HashMap::default();
    let mut first_class: HashMap<&str, usize> = HashMap::default();
    // A name the article defines has the type of its definition everywhere.
    let mut defined: HashMap<&str, usize> = HashMap::default();
    for (s, k) in spans.iter().zip(&keys) {
        if let Some(c) = defined_class(a, s) {
            defined.entry(k.as_str()).or_insert(c);
        }
    }
    for (s, k) in spans.iter_mut().zip(&keys) {
        if let Some(&c) = defined.get(k.as_str()) {
            s.class = c;
        }
    }
    for (s, k) in spans.iter().zip(&keys) {
        if line(s) & LINE_CAPS != 0 {
            continue;
        }
        votes.entry(k.as_str()).or_default()[s.class] += 1;
        first_class.entry(k.as_str()).or_insert(s.class);
    }
    for (s, k) in spans.iter_mut().zip(&keys) {
        // Only body mentions are outvoted, and only by twice their own type's votes: a
        // results line in capitals has the city where the body has its team ("CHICAGO").
        if let Some(v) = votes.get(k.as_str()).filter(|_| line(s) & LINE_CAPS == 0) {
            let first = first_class.get(k.as_str()).copied().unwrap_or(s.class);
            let best = (0..4).max_by_key(|&c| (v[c], c == first)).unwrap_or(s.class);
            if v[best] >= 2 * v[s.class].max(1) {
                s.class = best;
            }
        }
    }
}

/// A headline's capitals say nothing, so a name the tagger finds in the article's headline
/// is kept only when the article supports it: the same name in the body (whose type it
/// takes) or a name the gazetteer or alias list knows, else the longest part of it that is
/// one, else (a one-word name) a word of a body name ("Putin" after "Vladimir Putin"). Body names the tagger missed in the headline are projected onto it.
fn headline_support(a: &Analysis, spans: &mut Vec<Span>, lines: &[u8]) {
    let line = |s: &Span| lines.get(s.tokens.start).copied().unwrap_or(0);
    // Not "no name in the headline": the body's names are projected onto a headline where the
    // tagger found none.
    if !lines.iter().any(|k| k & LINE_HEADLINE != 0) {
        return;
    }
    let mut body: HashMap<String, usize> = HashMap::default();
    let mut body_words: HashMap<&str, usize> = HashMap::default();
    for s in spans.iter().filter(|s| line(s) & LINE_HEADLINE == 0) {
        body.entry(key(a, &s.tokens)).or_insert(s.class);
        for i in s.tokens.clone() {
            if a.tokens[i].kind == TokenKind::Word && !is_title(a.lower(i)) {
                body_words.entry(a.lower(i)).or_insert(s.class);
            }
        }
    }
    spans.retain_mut(|s| {
        if line(s) & LINE_HEADLINE == 0 {
            return true;
        }
        let k = key(a, &s.tokens);
        if let Some(&c) = body.get(&k) {
            s.class = c;
            return true;
        }
        if known(&k) {
            return true;
        }
        // The longest part of it that is a body name or a known name ("Abandon Republican
        // Party for" → "Republican Party"), or a word of a body name ("Governor Hale" →
        // "Hale" after "Tom Hale").
        let (start, end) = (s.tokens.start, s.tokens.end);
        for n in (1..end - start).rev() {
            for i in start..=end - n {
                let k = key(a, &(i..i + n));
                let word_of_a_body_name = || (n == 1).then(|| body_words.get(k.as_str()).copied()).flatten();
                let class = body.get(&k).copied().or_else(|| known(&k).then_some(s.class)).or_else(word_of_a_body_name);
                if let Some(c) = class.filter(|_| a.tokens[i].kind == TokenKind::Word) {
                    s.tokens = i..i + n;
                    s.class = c;
                    return true;
                }
            }
        }
        // A word of a body name ("Putin" after "Vladimir Putin").
        let i = s.tokens.start;
        if let Some(&c) = body_words.get(a.lower(i)).filter(|_| s.tokens.len() == 1) {
            s.class = c;
            return true;
        }
        false
    });
    // The body's names the tagger missed in the headline ("APPLE SUES SAMSUNG" after a body
    // about Apple): the longest run of up to four headline words that is a body name.
    let covered: HashSet<usize> = spans.iter().flat_map(|s| s.tokens.clone()).collect();
    let mut added = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i] & LINE_HEADLINE == 0 || covered.contains(&i) || a.tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let longest = (1..=4).rev().find_map(|n| {
            let r = i..i + n;
            let inside = r.end <= lines.len()
                && r.clone().all(|k| lines[k] & LINE_HEADLINE != 0 && !covered.contains(&k))
                && r.clone().skip(1).all(|k| !a.tokens[k].line_start)
                && a.tokens[r.end - 1].kind == TokenKind::Word;
            inside.then(|| body.get(&key(a, &r)).map(|&c| Span { tokens: r, class: c })).flatten()
        });
        match longest {
            Some(s) => {
                i = s.tokens.end;
                added.push(s);
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.tokens.start);
    }
}
