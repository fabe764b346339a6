//! Stage 7, events: reads tokens, sentences, entities, times and claims; adds events with
//! trigger, type, CAMEO code, participants, time, place, modality, polarity and the claim
//! that reports them.
//!
//! The coder does what PETRARCH does, over sayso's tokens instead of a parse tree. Per
//! sentence: actors are found (the entities stage's mentions, PETRARCH2's agents such as
//! "police" or "officials" with the names they are attached to, and capitalised names the
//! gazetteer does not know, such as invented countries) and coordinated into groups ("Mordor,
//! Rohan and Bree"). Verbs are the forms of PETRARCH2's verb dictionary, told from nouns by
//! their left neighbour. A light clause analysis gives each verb its subject (skipping
//! auxiliaries, time phrases, parentheticals and appositions; through relative pronouns;
//! shared with coordinated and infinitive verbs), its object window up to the clause's end,
//! and its voice. The verb block's patterns (words, synonym sets, noun phrases, prepositional
//! phrases, `$` source and `+` target slots, words before the verb) are matched in those
//! windows and the most specific pattern's code wins over the verb's own. As in PETRARCH, a
//! CAMEO code is given only to a complete frame, a source and a target, with one event per
//! source-target pair and the reverse event of a two-sided code ("042:043": a visit is
//! hosted). Event nouns ("the arrest of", "talks", "bombings") are triggers too, with
//! participants from "of", "by", "with", "between", the verb they are the object of, or a
//! group subject. Modality (planned, prevented, hypothetical), negation, the reporting claim,
//! time and place follow; planned events whose planners are arrested, or that another mention
//! of the same kind says were stopped, are marked prevented.
//!
//! Every window is bounded, so the stage is linear in the number of tokens.

mod lexicon;

use crate::analysis::Analysis;
use crate::schema::{EntityType, EventType, MentionKind, Modality, ParticipantRole, Polarity};
use crate::text::TokenKind;
use crate::wordlist::WordList;
use lexicon::{Atom, Elem, Form, LEXICON, Pattern, TokenForms, WordFilter, WordInfo, bits};
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

/// The name of a CAMEO code in the code book (or of its root category), if the code exists.
#[must_use]
pub fn cameo_label(code: &str) -> Option<&'static str> {
    let names = &LEXICON.code_names;
    names.get(code).or_else(|| code.get(..2).and_then(|root| names.get(root))).copied()
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

// Closed word classes the clause analysis needs.
const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "wo", "ca",
];
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "am"];
const NEGATIONS: &[&str] = &["not", "n't", "n’t", "never", "no"];
const MODALS: &[&str] = &["would", "could", "might", "may", "should", "can", "ca", "must"];
const FUTURE: &[&str] = &["will", "shall", "wo"];
/// Words between an auxiliary and its verb: "is about to restore", "were able to capture".
const CHAIN: &[&str] = &[
    "to",
    "about",
    "able",
    "going",
    "also",
    "then",
    "again",
    "recently",
    "just",
    "already",
    "still",
    "now",
    "later",
    "even",
    "ever",
    "really",
    "most",
    "certainly",
    "unexpectedly",
    "reportedly",
    "allegedly",
    "repeatedly",
    "jointly",
    "soon",
    "once",
    "further",
    "finally",
    "first",
    "formally",
    "officially",
    "reluctantly",
    "quickly",
    "in",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your", "some", "any",
    "every", "each", "another", "such", "no",
];
const POSSESSIVE_PRONOUNS: &[&str] = &["its", "his", "her", "their", "our", "my", "your", "whose"];
const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "to",
    "into",
    "onto",
    "over",
    "under",
    "against",
    "between",
    "among",
    "during",
    "after",
    "before",
    "since",
    "until",
    "about",
    "near",
    "toward",
    "towards",
    "through",
    "across",
    "along",
    "within",
    "without",
    "upon",
    "despite",
    "amid",
    "via",
    "per",
    "following",
    "like",
];
const SUBORDINATORS: &[&str] = &[
    "after", "before", "because", "since", "while", "when", "whereas", "although", "though", "if", "unless", "until",
    "once", "whether", "where",
];
const RELATIVES: &[&str] = &["who", "whom", "which", "that", "whose"];
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
/// Words that may start a sentence in capitals without being a name.
const SENTENCE_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "it",
    "in",
    "on",
    "at",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "some",
    "many",
    "most",
    "all",
    "both",
    "no",
    "not",
    "one",
    "two",
    "three",
    "based",
    "according",
    "however",
    "meanwhile",
    "also",
    "so",
    "yet",
    "since",
    "during",
    "under",
    "over",
    "although",
    "though",
    "because",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "can",
    "will",
    "old",
    "new",
    "evil",
    "good",
    "earlier",
    "later",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "instead",
    "elsewhere",
    "here",
];
/// Calendar words are times, never actors, even where the time stage left them.
const CALENDAR: &[&str] = &[
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const PLANNING: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "plot",
    "plots",
    "plotted",
    "plotting",
    "intend",
    "intends",
    "intended",
    "intending",
    "prepare",
    "prepares",
    "prepared",
    "preparing",
    "plotting",
];
const PREVENTING: &[&str] = &[
    "thwart",
    "thwarts",
    "thwarted",
    "thwarting",
    "prevent",
    "prevents",
    "prevented",
    "preventing",
    "foil",
    "foils",
    "foiled",
    "foiling",
    "stop",
    "stops",
    "stopped",
    "stopping",
    "avert",
    "averted",
    "averts",
    "disrupt",
    "disrupted",
];
/// Verbs whose object carries out the verb's infinitive ("urged Eriador to respond").
static OBJECT_CONTROL: WordList = WordList::new(&[
    "urge",
    "ask",
    "tell",
    "order",
    "force",
    "persuade",
    "invite",
    "allow",
    "encourage",
    "press",
    "warn",
]);
/// Verbs that lend their subject to the event noun they take ("launched an attack").
static SUPPORT_VERBS: WordList = WordList::new(&[
    "plan", "plot", "prepare", "launch", "carry", "conduct", "stage", "hold", "mount", "make", "have", "begin",
    "start", "resume", "hold", "intend", "order", "continue", "pay", "extend",
]);
/// The closed classes above as [`bits`] of a word's [`WordInfo`]: a token's class is a bit
/// of its word's entry, found with the one hash look-up of its word, instead of a hash or a
/// scan per list and question.
const WORD_CLASSES: &[(u32, &[&str])] = &[
    (bits::AUX, AUX),
    (bits::BE, BE),
    (bits::NEGATION, NEGATIONS),
    (bits::MODAL, MODALS),
    (bits::FUTURE, FUTURE),
    (bits::CHAIN, CHAIN),
    (bits::DETERMINER, DETERMINERS),
    (bits::POSSESSIVE, POSSESSIVE_PRONOUNS),
    (bits::PREPOSITION, PREPOSITIONS),
    (bits::SUBORDINATOR, SUBORDINATORS),
    (bits::RELATIVE, RELATIVES),
    (bits::SUBJECT_PRONOUN, SUBJECT_PRONOUNS),
    (bits::SENTENCE_WORD, SENTENCE_WORDS),
    (bits::CALENDAR, CALENDAR),
    (bits::PLANNING, PLANNING),
    (bits::PREVENTING, PREVENTING),
];

/// Sentence openers after which the first clause is an adverbial one ("Based on the information
/// the United States provided, Russian authorities were able to ...").
const FRONTED: &[&str] = &["based", "following", "after", "thanks", "owing", "with", "using", "acting"];

/// An actor phrase in a sentence: token range, byte span, and the entities it names.
#[derive(Debug, Clone, Default)]
struct Actor {
    toks: Range<usize>,
    span: Range<usize>,
    entities: Vec<usize>,
    place: bool,
}

/// A verb or event noun found in a sentence, with its frame.
#[derive(Debug, Clone, Default)]
struct Frame {
    toks: Range<usize>,
    code: Option<&'static str>,
    block: Option<usize>,
    noun: bool,
    passive: bool,
    infinitive: bool,
    negated: bool,
    hypothetical: bool,
    planned: bool,
    prevented: bool,
    /// Groups (indices into the sentence's groups) in the subject and object slots.
    subject: Option<usize>,
    object: Option<usize>,
    /// Token window after the verb, up to the clause's end.
    window: Range<usize>,
    /// Where the subject search stopped (the clause's start).
    clause_start: usize,
    /// The noun a reduced relative clause's verb has as its object: "the information [the
    /// United States provided]".
    gap: Option<usize>,
}

/// What the stage knows of one token, worked out once per text.
#[derive(Debug, Clone, Copy)]
struct Tok {
    /// Its forms as lexicon word ids (what patterns match against).
    forms: TokenForms,
    /// Its word's classes and lexicon roles, and its shape ([`bits`]).
    bits: u32,
}

impl Tok {
    /// Past the last token.
    const NONE: Tok = Tok { forms: TokenForms::NONE, bits: 0 };

    /// Token `i` of the analysis, whose lowercase form is `lower`.
    fn new(a: &Analysis, i: usize, lower: &str, vocab: &lexicon::Vocab) -> Tok {
        let forms = vocab.token_forms(lower);
        let t = &a.tokens[i];
        let cap = || match a.text.as_bytes().get(t.start) {
            // An ASCII first byte is the first character.
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => a.token_text(i).starts_with(char::is_uppercase),
        };
        let shape = match t.kind {
            TokenKind::Word if cap() => bits::WORD | bits::CAP,
            TokenKind::Word => bits::WORD,
            TokenKind::Number => bits::NUMBER,
            TokenKind::Quote(_) => bits::QUOTE,
            _ => 0,
        };
        Tok { forms, bits: vocab.info(forms.id).bits | shape }
    }
}

struct Sentence<'a> {
    a: &'a Analysis,
    /// Token → what the stage knows of it.
    tok: &'a [Tok],
    toks: Range<usize>,
    actors: Vec<Actor>,
    /// Coordinated actors: their indices into `actors` (a group's actors are consecutive),
    /// and the token range the group covers.
    groups: Vec<(Range<usize>, Range<usize>)>,
    /// Token → group, for the sentence's tokens (offset by `toks.start`).
    group_at: Vec<Option<usize>>,
    /// Token → inside a time expression.
    time_at: Vec<bool>,
    /// Token → the frame index of a verb there.
    verb_at: Vec<Option<usize>>,
    /// Token → inside an actor (scratch space of [`find_actors`]).
    covered: Vec<bool>,
    /// Scratch lists of [`find_actors`].
    spare_actors: Vec<Actor>,
    spare_out: Vec<Actor>,
}

impl Sentence<'_> {
    fn w(&self, i: usize) -> &str {
        self.a.lower(i)
    }
    fn tok(&self, i: usize) -> Tok {
        self.tok.get(i).copied().unwrap_or(Tok::NONE)
    }
    fn forms(&self, i: usize) -> TokenForms {
        self.tok(i).forms
    }
    /// Whether token `i` has any of the [`bits`] `b` (false past the last token).
    fn has(&self, i: usize, b: u32) -> bool {
        self.tok(i).bits & b != 0
    }
    fn info(&self, i: usize) -> WordInfo {
        LEXICON.vocab.info(self.forms(i).id)
    }
    fn in_sentence(&self, i: usize) -> bool {
        self.toks.contains(&i)
    }
    fn group(&self, i: usize) -> Option<usize> {
        if self.in_sentence(i) { self.group_at[i - self.toks.start] } else { None }
    }
    fn is_time(&self, i: usize) -> bool {
        self.in_sentence(i) && self.time_at[i - self.toks.start]
    }
    fn verb(&self, i: usize) -> Option<usize> {
        if self.in_sentence(i) { self.verb_at[i - self.toks.start] } else { None }
    }
    fn is_number(&self, i: usize) -> bool {
        self.has(i, bits::NUMBER)
    }
    fn is_word(&self, i: usize) -> bool {
        self.in_sentence(i) && self.has(i, bits::WORD)
    }
    fn is_quote(&self, i: usize) -> bool {
        self.has(i, bits::QUOTE)
    }
    fn is_cap(&self, i: usize) -> bool {
        self.in_sentence(i) && self.has(i, bits::CAP)
    }
}

/// Runs the stage.
pub fn run(a: &mut Analysis) {
    let vocab = &LEXICON.vocab;
    let tok: Vec<Tok> = if a.lowercase_ends.len() == a.tokens.len() {
        // The lowercase forms one after another, as `Analysis::lower` cuts them.
        let mut start = 0;
        (a.lowercase_ends.iter().enumerate())
            .map(|(i, &end)| {
                let lower = a.lowercase.get(start..end).unwrap_or("");
                start = end;
                Tok::new(a, i, lower, vocab)
            })
            .collect()
    } else {
        (0..a.tokens.len()).map(|i| Tok::new(a, i, a.lower(i), vocab)).collect()
    };
    let mut claim_spans: Vec<(usize, usize, usize)> =
        a.claims.iter().enumerate().flat_map(|(ci, c)| c.content.iter().map(move |r| (r.start, r.end, ci))).collect();
    claim_spans.sort_unstable();
    let mut events = Vec::new();
    let mut time_cursor = 0;
    // One sentence record, refilled for each sentence: its tables keep their memory.
    let mut sent = Sentence {
        a,
        tok: &tok,
        toks: 0..0,
        actors: Vec::new(),
        groups: Vec::new(),
        group_at: Vec::new(),
        time_at: Vec::new(),
        verb_at: Vec::new(),
        covered: Vec::new(),
        spare_actors: Vec::new(),
        spare_out: Vec::new(),
    };
    let mut frames = Vec::new();
    for s in 0..a.sentences.len() {
        let toks = a.sentences[s].tokens.clone();
        if toks.is_empty() {
            continue;
        }
        time_mask(a, &toks, &mut time_cursor, &mut sent.time_at);
        sent.actors.clear();
        sent.groups.clear();
        sent.group_at.clear();
        sent.group_at.resize(toks.len(), None);
        sent.verb_at.clear();
        sent.verb_at.resize(toks.len(), None);
        sent.toks = toks;
        find_actors(&mut sent);
        group_actors(&mut sent);
        find_frames(&mut sent, &mut frames);
        emit(&sent, &frames, &claim_spans, &mut events);
    }
    merge_modality(&mut events);
    a.events = events;
}

/// Fills `mask` with which of the sentence's tokens lie in a time expression (times are in
/// text order).
fn time_mask(a: &Analysis, toks: &Range<usize>, cursor: &mut usize, mask: &mut Vec<bool>) {
    mask.clear();
    mask.resize(toks.len(), false);
    let (Some(first), Some(last)) = (a.tokens.get(toks.start), a.tokens.get(toks.end - 1)) else { return };
    while *cursor < a.times.len() && a.times[*cursor].span.end <= first.start {
        *cursor += 1;
    }
    let mut k = *cursor;
    while k < a.times.len() && a.times[k].span.start < last.end {
        let r = a.tokens_in(&a.times[k].span);
        for i in r {
            if toks.contains(&i) {
                mask[i - toks.start] = true;
            }
        }
        k += 1;
    }
}

/// [`Analysis::tokens_in`] for a byte range `r` inside the sentence whose tokens are `toks`:
/// the same tokens, searched for among the sentence's tokens instead of the whole text's.
fn tokens_within(a: &Analysis, toks: &Range<usize>, r: &Range<usize>) -> Range<usize> {
    let Some(ts) = a.tokens.get(toks.clone()) else { return a.tokens_in(r) };
    let first = toks.start + ts.partition_point(|t| t.start < r.start);
    let last = toks.start + ts.partition_point(|t| t.end <= r.end);
    first..last.max(first)
}

/// The agent phrase ending at token `i`, if any: its first token.
#[inline]
fn agent_ending_at(s: &Sentence, i: usize) -> Option<usize> {
    // Asked of every token: most end no agent, which their bits say.
    if !s.has(i, bits::ENDS_AGENT) {
        return None;
    }
    agent_phrase_ending_at(s, i)
}

/// [`agent_ending_at`] for a word that ends some agent phrase.
fn agent_phrase_ending_at(s: &Sentence, i: usize) -> Option<usize> {
    // The phrases as word ids: a token is a phrase's word when its id is the word's.
    let list = LEXICON.agent_phrases.get(s.info(i).agents as usize)?;
    list.iter().find_map(|words| {
        let n = words.len();
        let start = (i + 1).checked_sub(n)?;
        (start >= s.toks.start && (0..n).all(|k| s.forms(start + k).id == words[k])).then_some(start)
    })
}

fn is_agent_start(s: &Sentence, i: usize) -> bool {
    s.has(i, bits::ENDS_AGENT) || (i + 1 < s.toks.end && agent_ending_at(s, i + 1) == Some(i))
}

/// Actors: mentions, agent phrases (with the names and numbers before them), and capitalised
/// names no stage knows.
fn find_actors(s: &mut Sentence) {
    let a = s.a;
    let (lo, hi) = (a.tokens[s.toks.start].start, a.tokens[s.toks.end - 1].end);
    let first = a.mentions.partition_point(|m| m.span.start < lo);
    // The sentence record's buffer, kept across sentences.
    let mut covered = std::mem::take(&mut s.covered);
    covered.clear();
    covered.resize(s.toks.len(), false);
    // The sentence record's lists, kept across sentences (the last sentence's actors are
    // the list the merged ones go into).
    let mut actors = std::mem::take(&mut s.spare_actors);
    actors.clear();
    for m in a.mentions[first..].iter().take_while(|m| m.span.end <= hi) {
        let toks = tokens_within(a, &s.toks, &m.span);
        if toks.is_empty() || m.entities.is_empty() {
            continue;
        }
        if m.kind == MentionKind::Pronoun && s.has(toks.start, bits::POSSESSIVE) {
            continue;
        }
        if toks.clone().any(|i| s.time_at[i - s.toks.start]) {
            continue;
        }
        let place = m
            .entities
            .first()
            .is_some_and(|&e| matches!(a.entities[e].entity_type, EntityType::Gpe | EntityType::Location));
        for i in toks.clone() {
            covered[i - s.toks.start] = true;
        }
        actors.push(Actor { toks, span: m.span.clone(), entities: m.entities.clone(), place });
    }
    // Capitalised names nobody typed ("Arnor", "Gollum"), outside mentions and times.
    let mut i = s.toks.start;
    while i < s.toks.end {
        let at = i - s.toks.start;
        if covered[at] || s.time_at[at] || !s.is_cap(i) || s.has(i, bits::CALENDAR) {
            i += 1;
            continue;
        }
        let initial = i == s.toks.start || s.is_quote(i - 1) && i == s.toks.start + 1;
        if initial && (s.has(i, bits::SENTENCE_WORD | bits::FORM) || is_agent_start(s, i) || s.has(i, bits::NOUN)) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < s.toks.end && s.is_cap(end) && !covered[end - s.toks.start] && !s.time_at[end - s.toks.start] {
            end += 1;
        }
        // A title-like agent inside the run ("Prime Minister") stays part of the name.
        let span = a.tokens[i].start..a.tokens[end - 1].end;
        for k in i..end {
            covered[k - s.toks.start] = true;
        }
        actors.push(Actor { toks: i..end, span, entities: Vec::new(), place: false });
        i = end;
    }
    actors.sort_by_key(|x| x.toks.start);
    // Agents: "police", "security officials", with the actor or number right before them
    // ("Russian authorities", "seven people", "Arnor security officials").
    let mut out = std::mem::take(&mut s.spare_out);
    out.clear();
    let mut k = 0; // next unconsumed actor
    let mut i = s.toks.start;
    while i < s.toks.end {
        while k < actors.len() && actors[k].toks.end <= i {
            // Moved, not cloned: the actors before `k` are not looked at again.
            out.push(std::mem::take(&mut actors[k]));
            k += 1;
        }
        let Some(start) = agent_ending_at(s, i).filter(|&st| st >= out.last().map_or(s.toks.start, |x| x.toks.end))
        else {
            i += 1;
            continue;
        };
        // An agent that is itself covered by a mention belongs to that mention.
        if covered[i - s.toks.start] || covered[start - s.toks.start] {
            i += 1;
            continue;
        }
        let mut from = start;
        // Adjectives of rank and kind between a name and its agent ("former security").
        while from > s.toks.start
            && s.is_word(from - 1)
            && !s.is_cap(from - 1)
            && matches!(s.w(from - 1), "former" | "senior" | "top" | "local" | "security" | "foreign" | "military")
        {
            from -= 1;
        }
        let mut entities = Vec::new();
        let place = false;
        if out.last().is_some_and(|x| x.toks.end == from) {
            // "Russian authorities": the name and its agent are one actor.
            let prev = out.pop().expect("last actor");
            entities = prev.entities;
            from = prev.toks.start;
        } else if from > s.toks.start
            && (s.is_number(from - 1)
                || matches!(s.w(from - 1), "seven" | "two" | "three" | "four" | "five" | "six" | "eight" | "nine"))
        {
            from -= 1;
        }
        let span = a.tokens[from].start..a.tokens[i].end;
        out.push(Actor { toks: from..i + 1, span, entities, place });
        i += 1;
    }
    out.extend(actors.drain(k..));
    out.sort_by_key(|x| x.toks.start);
    out.dedup_by(|b, a| b.toks.start < a.toks.end);
    // Adjacent actors are one phrase ("Russian President Vladimir Putin", "Director
    // Pompeo"); its head, and so its entity, comes last unless the last part names none.
    let mut merged = std::mem::take(&mut s.actors);
    merged.clear();
    for x in out.drain(..) {
        if let Some(prev) = merged.last_mut().filter(|p| p.toks.end == x.toks.start) {
            prev.toks.end = x.toks.end;
            prev.span.end = x.span.end;
            if !x.entities.is_empty() {
                prev.entities = x.entities;
                prev.place = x.place;
            }
            continue;
        }
        merged.push(x);
    }
    s.actors = merged;
    s.covered = covered;
    s.spare_actors = actors;
    s.spare_out = out;
}

/// Coordinates actors into groups: "A, B and C", "the ambassadors of A and B", "soldiers
/// from A", "lawmakers in A and B" (before a verb).
fn group_actors(s: &mut Sentence) {
    let n = s.actors.len();
    // The sentence record's list, kept across sentences.
    let mut merged = std::mem::take(&mut s.groups);
    merged.clear();
    let mut k = 0;
    while k < n {
        // The members are the actors k..j.
        let mut end = s.actors[k].toks.end;
        let mut j = k + 1;
        while j < n {
            let gap = end..s.actors[j].toks.start;
            let joined = gap.len() <= 5
                && gap.clone().any(|i| matches!(s.w(i), "and" | "or" | ","))
                && gap.clone().all(|i| {
                    matches!(s.w(i), "and" | "or" | "," | "the" | "both")
                        || (s.is_word(i) && !s.has(i, bits::FORM | bits::PREPOSITION | bits::AUX | bits::RELATIVE))
                });
            if !joined {
                break;
            }
            end = s.actors[j].toks.end;
            j += 1;
        }
        // Commas alone make an apposition ("Osgiliath, the state's fiercest foe"), not a
        // coordination: that needs an "and" or "or".
        let coordinated = (k..j - 1)
            .any(|m| (s.actors[m].toks.end..s.actors[m + 1].toks.start).any(|i| matches!(s.w(i), "and" | "or")));
        if !coordinated {
            end = s.actors[k].toks.end;
            j = k + 1;
        }
        let g = (k..j, s.actors[k].toks.start..end);
        k = j;
        // "agent of/from X": the group names whose agent it is.
        if let Some(prev) = merged.last_mut() {
            let head = &s.actors[prev.0.end - 1];
            let prep = s.w(prev.1.end);
            let adjacent = prev.1.end + 1 == g.1.start || prev.1.end + 2 == g.1.start && s.w(prev.1.end + 1) == "the";
            let before_verb = s.verb_form_at(g.1.end).is_some() || s.has(g.1.end, bits::AUX);
            if adjacent
                && prev.0.len() == 1
                && head.entities.is_empty()
                && (matches!(prep, "of" | "from") || (prep == "in" && before_verb))
            {
                let start = prev.1.start;
                *prev = (g.0, start..g.1.end);
                continue;
            }
        }
        merged.push(g);
    }
    for (gi, (_, r)) in merged.iter().enumerate() {
        for i in r.clone() {
            s.group_at[i - s.toks.start] = Some(gi);
        }
    }
    s.groups = merged;
}

impl Sentence<'_> {
    /// The verb form starting at token `i`: its length in tokens and its dictionary entry.
    #[inline]
    fn verb_form_at(&self, i: usize) -> Option<(usize, Form)> {
        // Asked of most tokens, which are no verb form: their bits say so.
        if !self.is_word(i) || !self.has(i, bits::FORM | bits::STARTS_MULTI) {
            return None;
        }
        self.verb_form_of(i)
    }

    /// [`Sentence::verb_form_at`] for a word that is or starts a verb form.
    fn verb_form_of(&self, i: usize) -> Option<(usize, Form)> {
        let info = self.info(i);
        if info.bits & bits::STARTS_MULTI == 0 {
            return info.form.map(|f| (1, f));
        }
        if let Some(list) = LEXICON.multi.get(self.w(i)) {
            for (rest, form) in list {
                if (0..rest.len()).all(|k| self.w(i + 1 + k) == rest[k] && self.in_sentence(i + 1 + k)) {
                    return Some((rest.len() + 1, *form));
                }
            }
        }
        info.form.map(|f| (1, f))
    }

    /// Whether the word at `i` is used as a verb, judged by its left neighbour.
    fn verb_context(&self, i: usize) -> bool {
        if self.is_cap(i) && i != self.toks.start {
            return false;
        }
        if i == self.toks.start {
            // Only a participle opens a sentence as a verb ("Rebuked by Eriador, ...").
            return self.w(i).ends_with("ed") && self.w(i + 1) == "by";
        }
        let mut p = i - 1;
        while p > self.toks.start && self.is_quote(p) {
            p -= 1;
        }
        let prev = self.w(p);
        if self.has(p, bits::DETERMINER | bits::NUMBER) {
            return false;
        }
        // "White House press secretary": a bare verb form after one name is a noun in a
        // compound, as a singular name takes "-s" in the present.
        let w = self.w(i);
        let bare = (!w.ends_with('s') || w.ends_with("ss"))
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && !is_irregular_past(w);
        if bare
            && self
                .group(p)
                .is_some_and(|g| self.groups[g].0.len() == 1 && group_entities(self, self.groups[g].0.clone()) == 1)
        {
            let head = &self.actors[self.groups[self.group(p).expect("group")].0.start];
            let plural = head.entities.is_empty() && self.w(head.toks.end - 1).ends_with('s');
            if !plural {
                return false;
            }
        }
        self.has(p, bits::AUX | bits::NEGATION | bits::RELATIVE | bits::SUBJECT_PRONOUN)
            || self.has(p, bits::CHAIN) && prev != "in"
            || prev.ends_with("ly")
            || matches!(prev, "," | "and" | "or" | "but" | "“" | "\"" | "—" | "-" | "n’t")
            || self.group(p).is_some()
            || self.is_time(p)
            || self.is_quote(i - 1)
    }
}

/// Verbs and event nouns of a sentence, with their frames, into `frames` (a list kept across
/// sentences).
fn find_frames(s: &mut Sentence, frames: &mut Vec<Frame>) {
    frames.clear();
    let mut i = s.toks.start;
    while i < s.toks.end {
        if s.group(i).is_some() && !s.is_word(i) {
            i += 1;
            continue;
        }
        let inside_actor = s.group(i).is_some();
        if !inside_actor {
            if let Some((len, form)) = s.verb_form_at(i).filter(|_| s.verb_context(i)) {
                let w = s.w(i);
                // Claim verbs are the claims stage's: "claiming to be" is no accusation.
                let claimish =
                    matches!(w, "claim" | "claims" | "claimed" | "claiming" | "allege" | "alleged" | "charged");
                // Planning and preventing verbs say how their object's event stands (planned,
                // prevented); they are no events of their own.
                let marker = s.has(i, bits::PLANNING | bits::PREVENTING);
                frames.push(Frame {
                    toks: i..i + len,
                    code: if claimish || marker { None } else { Some(form.code) },
                    block: if claimish || marker { None } else { Some(form.block) },
                    ..Frame::default()
                });
                s.verb_at[i - s.toks.start] = Some(frames.len() - 1);
                i += len;
                continue;
            }
            if let Some((len, code)) = noun_at(s, i) {
                frames.push(Frame { toks: i..i + len, code: Some(code), noun: true, ..Frame::default() });
                i += len;
                continue;
            }
        }
        i += 1;
    }
    for f in 0..frames.len() {
        if frames[f].noun {
            continue;
        }
        analyse_verb(s, frames, f);
    }
    for f in 0..frames.len() {
        if frames[f].noun {
            analyse_noun(s, frames, f);
        }
    }
}

/// An event noun at token `i`: two words, else one used as a noun ("the arrest", "bombings",
/// "arrest of").
fn noun_at(s: &Sentence, i: usize) -> Option<(usize, &'static str)> {
    if !s.is_word(i) || s.is_cap(i) && i != s.toks.start || !s.has(i, bits::NOUN | bits::STARTS_NOUN_PAIR) {
        return None;
    }
    if s.has(i, bits::STARTS_NOUN_PAIR) {
        if let Some(c) = LEXICON.noun_pairs.get(&(s.forms(i).id, s.forms(i + 1).id)) {
            return Some((2, c));
        }
    }
    let c = s.info(i).noun?;
    // The classes of the word before, none at the sentence's start.
    let prev = |b: u32| i > s.toks.start && s.has(i - 1, b);
    let nominal = prev(bits::DETERMINER)
        || s.w(i).ends_with('s')
        || i > s.toks.start && s.w(i - 1) == "of"
        || s.w(i + 1) == "of"
        || prev(bits::PLANNING | bits::PREVENTING);
    nominal.then_some((1, c))
}

/// The start of the auxiliary chain before token `v` ("is about to restore" → "is").
fn chain_start(s: &Sentence, v: usize) -> usize {
    let mut k = v;
    while k > s.toks.start {
        let w = s.w(k - 1);
        if s.has(k - 1, bits::AUX | bits::NEGATION)
            || (s.has(k - 1, bits::CHAIN) && w != "in")
            || w.ends_with("ly") && s.is_word(k - 1) && !s.is_cap(k - 1)
        {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

fn analyse_verb(s: &Sentence, frames: &mut [Frame], f: usize) {
    let v = frames[f].toks.start;
    let cs = chain_start(s, v);
    // The auxiliary chain's tokens, and its last word.
    let chain = cs..v;
    let last = if v > cs { s.w(v - 1) } else { "" };
    let w = s.w(v);
    let participle = w.ends_with("ed")
        || w.ends_with("en")
        || s.has(v, bits::FORM) && !w.ends_with('s') && !w.ends_with("ing") && is_irregular_past(w);
    let frame = &mut frames[f];
    frame.passive =
        participle && chain.clone().rev().take_while(|&k| s.w(k) != "to").any(|k| s.has(k, bits::BE)) && last != "have";
    // NEGATIONS has "n’t".
    frame.negated = chain.clone().any(|k| s.has(k, bits::NEGATION));
    frame.hypothetical = chain.clone().any(|k| s.has(k, bits::MODAL));
    frame.planned = chain.clone().any(|k| s.has(k, bits::FUTURE))
        || (cs..v.saturating_sub(1)).any(|k| s.w(k) == "about" && s.w(k + 1) == "to");
    frame.infinitive = last == "to"
        && !chain.clone().any(|k| matches!(s.w(k), "about" | "able"))
        && !chain.clone().any(|k| s.has(k, bits::AUX));
    // The governing verb of an infinitive: the nearest verb before the chain.
    let governor = if frame.infinitive {
        (0..f).rev().find(|&g| !frames[g].noun && frames[g].toks.end <= cs && frames[g].toks.end + 6 >= cs)
    } else {
        None
    };
    let (subject, clause_start) = if let Some(g) = governor {
        let gv = frames[g].toks.start;
        let object_control = OBJECT_CONTROL.contains(base_of(s.w(gv))) && frames[g].object.is_some();
        if s.has(gv, bits::PLANNING) {
            frames[f].planned = true;
        }
        if s.has(gv, bits::PREVENTING) {
            frames[f].prevented = true;
        }
        (if object_control { frames[g].object } else { frames[g].subject }, cs)
    } else {
        find_subject(s, frames, f, cs)
    };
    let window = object_window(s, frames[f].toks.end);
    let object = first_group(s, &window, frames[f].passive);
    let gap = subject.filter(|_| window.is_empty()).and_then(|g| {
        let mut before = s.groups[g].1.start.checked_sub(1)?;
        if s.has(before, bits::DETERMINER) {
            before = before.checked_sub(1)?;
        }
        let noun = s.is_word(before)
            && !s.has(before, bits::DETERMINER | bits::PREPOSITION | bits::AUX | bits::RELATIVE)
            && s.verb(before).is_none();
        noun.then_some(before)
    });
    let frame = &mut frames[f];
    frame.gap = gap;
    frame.subject = subject;
    frame.clause_start = clause_start;
    frame.window = window;
    frame.object = object;
    if frame.passive {
        // "Eriador was opposed by Osgiliath": the subject is the target; "by X" the source.
        let by = frame.window.clone().find(|&k| s.w(k) == "by").and_then(|k| s.group(k + 1));
        frame.object = frame.subject;
        frame.subject = by;
    }
}

/// A verb form that is its own past participle without -ed ("met", "broken" end in -en).
fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "met"
            | "held"
            | "seen"
            | "made"
            | "brought"
            | "caught"
            | "fought"
            | "sought"
            | "taken"
            | "given"
            | "struck"
            | "shot"
            | "hit"
            | "put"
            | "set"
            | "cut"
            | "built"
            | "sent"
            | "spent"
            | "lost"
            | "won"
            | "told"
            | "left"
            | "kept"
            | "led"
            | "hung"
            | "stolen"
            | "beaten"
            | "driven"
            | "thrown"
            | "drawn"
            | "shown"
            | "known"
            | "found"
            | "paid"
            | "laid"
            | "sold"
            | "bought"
            | "thought"
            | "taught"
            | "freed"
            | "overthrown"
    )
}

/// A rough base form for the control-verb lists.
fn base_of(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 3 {
                return if stem.ends_with('g') && suffix == "ed" && w == "urged" { "urge" } else { stem };
            }
        }
    }
    w
}

/// The subject of the verb whose auxiliary chain starts at `cs`, and where the clause starts.
fn find_subject(s: &Sentence, frames: &[Frame], f: usize, cs: usize) -> (Option<usize>, usize) {
    let floor = s.toks.start.max(cs.saturating_sub(40));
    let mut k = cs;
    let mut first = true;
    while k > floor {
        let i = k - 1;
        if s.is_quote(i) {
            k -= 1;
            continue;
        }
        if let Some(g) = s.group(i) {
            return (Some(g), s.groups[g].1.start);
        }
        let w = s.w(i);
        if first && s.has(i, bits::RELATIVE) && w != "whose" {
            // "people who were planning": the antecedent is the subject.
            let mut j = i;
            while j > floor && (s.w(j - 1) == "," || s.is_quote(j - 1)) {
                j -= 1;
            }
            let Some(g) = j.checked_sub(1).and_then(|p| s.group(p)) else { return (None, i) };
            if w != "who" {
                return (Some(g), i);
            }
            // "who" takes a person: "seven people claiming to be members of the Islamic
            // State who were planning" goes back past the organisation to the people.
            let person = |g: usize| {
                s.groups[g].0.clone().all(|m| {
                    let x = &s.actors[m];
                    x.entities.iter().all(|&e| s.a.entities[e].entity_type == EntityType::Person)
                })
            };
            let mut cand = Some(g);
            let mut steps = 0;
            while let Some(c) = cand {
                if person(c) || steps >= 3 {
                    break;
                }
                steps += 1;
                let start = s.groups[c].1.start;
                cand = (floor.max(start.saturating_sub(8))..start).rev().find_map(|p| s.group(p));
            }
            return (cand.filter(|&c| person(c)).or(Some(g)), i);
        }
        if first && matches!(w, "and" | "or" | "but") {
            // Coordinated verbs share the subject: "chided ... and ousted".
            let prev = (0..f).rev().find(|&g| !frames[g].noun && frames[g].toks.end <= i);
            return (prev.and_then(|g| frames[g].subject), i);
        }
        if s.is_time(i) {
            // "Arnor on Thursday signed": time phrases and their prepositions are skipped.
            k -= 1;
            while k > floor && (s.is_time(k - 1) || s.has(k - 1, bits::PREPOSITION)) {
                k -= 1;
            }
            continue;
        }
        if w == "," {
            // A parenthetical or an apposition between commas: "X, in remarks published on
            // Monday, urged", "Osgiliath, the state's fiercest foe, could".
            let mut j = i;
            let mut skipped = false;
            while j > floor && j + 14 > i {
                j -= 1;
                if s.w(j) == "," || s.group(j).is_some() && s.w(j + 1) == "," {
                    if s.w(j) == "," && s.has(j + 1, bits::PREPOSITION | bits::DETERMINER) {
                        k = j;
                        skipped = true;
                    }
                    break;
                }
                if s.verb(j).is_some() {
                    break;
                }
            }
            if skipped {
                first = false;
                continue;
            }
            return (None, k);
        }
        if matches!(w, ";" | ":" | "(" | ")") || s.has(i, bits::SUBORDINATOR | bits::RELATIVE) || s.verb(i).is_some() {
            return (None, k);
        }
        if first && s.is_word(i) && !s.has(i, bits::DETERMINER | bits::PREPOSITION) {
            // A common noun right before the verb is its subject, and no actor.
            return (None, i);
        }
        first = false;
        k -= 1;
    }
    (None, k)
}

/// The tokens after a verb up to its clause's end (bounded).
fn object_window(s: &Sentence, from: usize) -> Range<usize> {
    let limit = s.toks.end.min(from + 30);
    let mut k = from;
    while k < limit {
        let w = s.w(k);
        if s.group(k).is_some() {
            k = s.groups[s.group(k).expect("group")].1.end.max(k + 1);
            continue;
        }
        let infinitive = w == "to" && s.verb_form_at(k + 1).is_some() && !s.is_cap(k + 1);
        if matches!(w, ";" | ":" | "," | "(" | "—")
            || s.has(k, bits::SUBORDINATOR) && k > from
            || s.has(k, bits::RELATIVE)
            || infinitive
        {
            break;
        }
        if k > from && s.verb(k).is_some() && !matches!(s.w(k - 1), "to") {
            break;
        }
        k += 1;
    }
    from..k
}

/// The first actor group in a window (after "by" only for passives, whose "by" is the source).
fn first_group(s: &Sentence, window: &Range<usize>, passive: bool) -> Option<usize> {
    window.clone().find_map(|k| {
        let g = s.group(k)?;
        (!(passive && k > 0 && s.w(k - 1) == "by")).then_some(g)
    })
}

fn analyse_noun(s: &Sentence, frames: &mut [Frame], f: usize) {
    let n = frames[f].toks.clone();
    let after = n.end;
    let limit = s.toks.end.min(after + 10);
    // The classes of the word before, none at the sentence's start.
    let prev = |b: u32| n.start > s.toks.start && s.has(n.start - 1, b);
    let mut subject = None;
    let mut object = None;
    match s.w(after) {
        "of" | "on" | "against" | "with" | "to" => object = s.group(after + 1).or_else(|| s.group(after + 2)),
        "between" => {
            if let Some(g) = s.group(after + 1) {
                if s.groups[g].0.len() >= 2 {
                    // "talks between A and B": the first with the others.
                    subject = Some(g);
                    object = Some(g);
                }
            }
        }
        _ => {}
    }
    if let Some(by) = (after..limit).take_while(|&k| !matches!(s.w(k), "," | ";")).find(|&k| s.w(k) == "by") {
        subject = s.group(by + 1).or(subject);
    }
    // The verb whose object this noun is: "were planning bombings", "thwarted bombings",
    // "launched an attack".
    let governor = (0..f)
        .rev()
        .find(|&g| !frames[g].noun && frames[g].window.contains(&n.start) && frames[g].window.start + 4 >= n.start);
    if let Some(g) = governor {
        let gv = frames[g].toks.start;
        if s.has(gv, bits::PLANNING) {
            frames[f].planned = true;
        }
        if s.has(gv, bits::PREVENTING) {
            frames[f].prevented = true;
        }
        if subject.is_none() && (SUPPORT_VERBS.contains(base_of(s.w(gv))) || s.has(gv, bits::PLANNING)) {
            subject = frames[g].subject;
        }
        if frames[g].negated {
            frames[f].negated = true;
        }
    }
    if prev(bits::PLANNING) {
        frames[f].planned = true;
    }
    if prev(bits::PREVENTING) {
        frames[f].prevented = true;
    }
    // "the attacks were stopped": the noun is the subject of a passive preventing verb.
    let stopped = (after..s.toks.end.min(after + 4)).find(|&k| s.verb(k).is_some()).is_some_and(|k| {
        let g = s.verb(k).expect("verb");
        frames[g].passive && s.has(k, bits::PREVENTING)
    });
    if stopped {
        frames[f].prevented = true;
    }
    let code = frames[f].code.unwrap_or("");
    if object.is_none()
        && code.starts_with(['1', '2'])
        && (code.starts_with("18") || code.starts_with("19") || code.starts_with("20"))
    {
        // An attack's target is the place attacked: "bombings in St. Petersburg".
        object = (after..limit)
            .take_while(|&k| !matches!(s.w(k), "," | ";"))
            .find(|&k| {
                matches!(s.w(k), "in" | "on" | "against")
                    && s.group(k + 1).is_some_and(|g| s.actors[s.groups[g].0.start].place)
            })
            .and_then(|k| s.group(k + 1));
    }
    if subject.is_none() && object.is_none() && code.starts_with("04") {
        // "The two leaders spoke Thursday and on the call": a call between the subject's members.
        let g = s.groups.iter().position(|(m, r)| r.start < n.start && group_entities(s, m.clone()) >= 2);
        subject = g;
        object = g;
    }
    frames[f].subject = subject;
    frames[f].object = object;
}

fn group_entities(s: &Sentence, members: Range<usize>) -> usize {
    members.map(|m| s.actors[m].entities.len().max(1)).sum()
}

/// Matches a pattern's elements in order within `range` (gaps allowed). Returns the groups
/// the slots captured (source, target) when the whole pattern matches.
fn match_elems(s: &Sentence, elems: &[Elem], range: Range<usize>, slots: &mut Slots) -> bool {
    let mut k = range.start;
    for e in elems {
        if matches!(e, Elem::Skip) {
            continue;
        }
        let mut found = None;
        while k < range.end {
            if let Some(end) = match_elem(s, e, k, range.end) {
                found = Some((k, end));
                break;
            }
            k += 1;
        }
        let Some((at, end)) = found else { return false };
        match e {
            Elem::Source => slots.0 = s.group(at),
            Elem::Target => slots.1 = s.group(at),
            _ => {}
        }
        k = end;
    }
    true
}

fn match_elem(s: &Sentence, e: &Elem, k: usize, end: usize) -> Option<usize> {
    match e {
        Elem::Source | Elem::Target | Elem::Either => {
            let g = s.group(k)?;
            (s.groups[g].1.start == k || k == 0 || s.group(k - 1) != Some(g)).then(|| s.groups[g].1.end)
        }
        Elem::Skip => Some(k),
        Elem::Words(atoms) => match_adjacent(s, atoms, k, end),
        Elem::Phrase(atoms) => {
            let (head, mods) = atoms.split_last()?;
            let after_head = match_atom(s, head, k, end)?;
            // The modifiers come shortly before the head, in order.
            let mut j = k.saturating_sub(4).max(s.toks.start);
            for m in mods {
                let mut ok = false;
                while j < k {
                    if let Some(e) = match_atom(s, m, j, k) {
                        j = e;
                        ok = true;
                        break;
                    }
                    j += 1;
                }
                if !ok {
                    return None;
                }
            }
            Some(after_head)
        }
        Elem::Prep(prep, obj) => {
            // An infinitive's "to" is no preposition.
            if s.w(k) != *prep
                || (*prep == "to"
                    && s.verb_form_at(k + 1).is_some()
                    && s.group(k + 1).is_none()
                    && !s.has(k + 1, bits::NOUN | bits::DETERMINER))
            {
                return None;
            }
            if obj.is_empty() {
                return Some(k + 1);
            }
            let limit = end.min(k + 6);
            let (head, mods) = obj.split_last()?;
            let mut j = k + 1;
            for m in mods {
                let mut ok = false;
                while j < limit {
                    if let Some(e) = match_atom(s, m, j, limit) {
                        j = e;
                        ok = true;
                        break;
                    }
                    j += 1;
                }
                if !ok {
                    return None;
                }
            }
            (j..limit).find_map(|p| match_atom(s, head, p, limit))
        }
    }
}

fn match_adjacent(s: &Sentence, atoms: &[Atom], k: usize, end: usize) -> Option<usize> {
    let mut p = k;
    for a in atoms {
        p = match_atom(s, a, p, end)?;
    }
    Some(p)
}

/// A word (or its plural/singular) or a synonym set's phrase at token `k`.
fn match_atom(s: &Sentence, atom: &Atom, k: usize, end: usize) -> Option<usize> {
    if k >= end {
        return None;
    }
    match atom {
        Atom::Word(w) => s.forms(k).matches(*w).then_some(k + 1),
        Atom::Set(i) => {
            // The set's first phrase (in dictionary order) that matches here.
            let set = LEXICON.set_phrases.get(*i)?;
            let mut best: Option<(u32, usize)> = None;
            for p in set.starting_with(s.forms(k)) {
                if best.is_some_and(|(b, _)| b <= p) {
                    continue;
                }
                let phrase = &set.phrases[p as usize];
                let n = phrase.len();
                if k + n <= end && (0..n).all(|j| s.forms(k + j).matches(phrase[j])) {
                    best = Some((p, k + n));
                }
            }
            best.map(|(_, e)| e)
        }
    }
}

/// The most specific pattern of the verb's block that matches: its code and slot captures.
/// Groups captured by a pattern's `$` and `+` slots.
type Slots = (Option<usize>, Option<usize>);

fn best_pattern(s: &Sentence, frame: &Frame) -> Option<(&'static str, Slots)> {
    let block = frame.block?;
    let before = frame.clause_start.min(frame.toks.start)..frame.toks.start;
    let after = match frame.gap {
        Some(g) if frame.window.is_empty() => g..g + 1,
        _ => frame.window.clone(),
    };
    let mut best: Option<(&'static Pattern, Slots)> = None;
    let own = LEXICON.own.get(&block).map(Vec::as_slice).unwrap_or(&[]);
    let theirs = LEXICON.patterns.get(block).map(Vec::as_slice).unwrap_or(&[]);
    let first_needs = LEXICON.first_needs.get(block).map(Vec::as_slice).unwrap_or(&[]);
    let mut present = WordFilter::default();
    let mut sets = 0;
    for k in before.clone().chain(after.clone()) {
        let t = s.forms(k);
        present.add_token(&t);
        sets |= LEXICON.vocab.set_mask(t);
    }
    let candidates = theirs.iter().zip(first_needs).filter(|&(_, &first)| present.has(first)).map(|(p, _)| p);
    for p in own.iter().chain(candidates) {
        if best.as_ref().is_some_and(|(b, _)| b.weight >= p.weight)
            || !present.has_all(&p.needs)
            || p.needs_sets & !sets != 0
        {
            continue;
        }
        let mut slots = (None, None);
        if match_elems(s, &p.before, before.clone(), &mut slots) && match_elems(s, &p.after, after.clone(), &mut slots)
        {
            best = Some((p, slots));
        }
    }
    best.map(|(p, slots)| (p.code, slots))
}

/// Turns a sentence's frames into events.
fn emit(s: &Sentence, frames: &[Frame], claim_spans: &[(usize, usize, usize)], events: &mut Vec<EventRec>) {
    let a = s.a;
    for frame in frames {
        if !frame.noun
            && frame.subject.is_none()
            && frame.object.is_none()
            && !frame.block.is_some_and(|b| LEXICON.slot_blocks.get(b).copied().unwrap_or(true))
            && !opens_fronted(s)
        {
            // A verb without participants whose block has no pattern with a `$` or `+` slot
            // to give it one, outside a fronted clause: no event, whatever pattern matches.
            continue;
        }
        let mut subject = frame.subject;
        let mut object = frame.object;
        let mut code = frame.code.unwrap_or("---");
        if !frame.noun {
            if let Some((c, (src, tgt))) = best_pattern(s, frame) {
                code = c;
                subject = src.or(subject);
                object = tgt.or(object);
            }
        }
        let (forward, reverse) = code.split_once(':').unwrap_or((code, ""));
        let main = if forward.is_empty() { reverse } else { forward };
        if !is_code(main) || main.starts_with("01") {
            continue;
        }
        // A fronted adverbial clause's giver gives to the main clause's subject.
        if object.is_none() && matches!(main.get(..2), Some("05" | "06" | "07")) && !frame.noun && opens_fronted(s) {
            let comma = (frame.toks.end..s.toks.end.min(frame.toks.end + 8)).find(|&k| s.w(k) == ",");
            object = comma.and_then(|c| (c + 1..s.toks.end.min(c + 5)).find_map(|k| s.group(k)));
        }
        let sources = subject.map_or(0..0, |g| s.groups[g].0.clone());
        let targets = object.map_or(0..0, |g| s.groups[g].0.clone());
        if !frame.noun && sources.is_empty() && targets.is_empty() {
            // A verb without participants gives no event (see the incomplete frames below):
            // its claim, time and place are not worked out.
            continue;
        }
        let trigger = a.tokens[frame.toks.start].start..a.tokens[frame.toks.end - 1].end;
        let claim = innermost_claim(claim_spans, trigger.start, &a.claims);
        let mut modality = vec![if claim.is_some() { Modality::Reported } else { Modality::Asserted }];
        if frame.planned {
            modality.push(Modality::Planned);
        }
        if frame.prevented {
            modality.push(Modality::Prevented);
        }
        if frame.hypothetical {
            modality.push(Modality::Hypothetical);
        }
        let polarity = if frame.negated { Polarity::Negative } else { Polarity::Positive };
        let sentence_span = a.sentences[a.tokens[frame.toks.start].sentence].span.clone();
        let place = place_after(s, frame.toks.end);
        let time = nearest_time(a, &trigger, Some(sentence_span))
            .map(|ti| (ti, false))
            .or_else(|| claim.and_then(|c| a.claims[c].time).map(|ti| (ti, true)));
        let base = EventRec {
            event_type: event_type(main),
            cameo: None,
            trigger: trigger.clone(),
            participants: Vec::new(),
            time,
            place,
            modality,
            polarity,
            claim,
        };
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        if subject.is_some() && subject == object {
            // One group on both sides: each member with each other.
            for x in sources.clone() {
                for y in sources.clone() {
                    if x != y {
                        pairs.push((x, y));
                    }
                }
            }
            if sources.len() == 1 && s.actors[sources.start].entities.len() >= 2 {
                let e = &s.actors[sources.start].entities;
                let mut ev = base.clone();
                ev.cameo = Some(main.to_string());
                ev.participants = vec![
                    ParticipantRec {
                        role: ParticipantRole::Source,
                        span: s.actors[sources.start].span.clone(),
                        entity: Some(e[0]),
                    },
                    ParticipantRec {
                        role: ParticipantRole::Target,
                        span: s.actors[sources.start].span.clone(),
                        entity: Some(e[1]),
                    },
                ];
                events.push(ev);
                continue;
            }
            for (x, y) in pairs {
                if x < y {
                    push_pair(s, &base, forward, reverse, x, y, events);
                }
            }
            continue;
        }
        if sources.is_empty() || targets.is_empty() {
            // An incomplete frame: an event in sayso's ontology, without a CAMEO code.
            let mut ev = base.clone();
            for (role, group) in [(ParticipantRole::Source, sources), (ParticipantRole::Target, targets)] {
                for m in group {
                    ev.participants.push(participant(s, role, m));
                }
            }
            if frame.noun || !ev.participants.is_empty() {
                events.push(ev);
            }
            continue;
        }
        for x in sources {
            for y in targets.clone() {
                if x != y && !same_entity(s, x, y) {
                    push_pair(s, &base, forward, reverse, x, y, events);
                }
            }
        }
    }
}

/// Whether the sentence opens with a fronted adverbial clause ("Based on ...").
fn opens_fronted(s: &Sentence) -> bool {
    let opener = (s.toks.start..s.toks.end).find(|&k| !s.is_quote(k)).unwrap_or(s.toks.start);
    FRONTED.contains(&s.w(opener))
}

fn push_pair(
    s: &Sentence,
    base: &EventRec,
    forward: &str,
    reverse: &str,
    x: usize,
    y: usize,
    events: &mut Vec<EventRec>,
) {
    if is_code(forward) && !forward.starts_with("01") {
        let mut ev = base.clone();
        ev.event_type = event_type(forward);
        ev.cameo = Some(forward.to_string());
        ev.participants = vec![participant(s, ParticipantRole::Source, x), participant(s, ParticipantRole::Target, y)];
        events.push(ev);
    }
    if is_code(reverse) && !reverse.starts_with("01") {
        let mut ev = base.clone();
        ev.event_type = event_type(reverse);
        ev.cameo = Some(reverse.to_string());
        ev.participants = vec![participant(s, ParticipantRole::Source, y), participant(s, ParticipantRole::Target, x)];
        events.push(ev);
    }
}

fn same_entity(s: &Sentence, x: usize, y: usize) -> bool {
    let (a, b) = (&s.actors[x].entities, &s.actors[y].entities);
    a.len() == 1 && a == b
}

fn is_code(c: &str) -> bool {
    c.len() >= 3 && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit())
}

fn participant(s: &Sentence, role: ParticipantRole, actor: usize) -> ParticipantRec {
    let x = &s.actors[actor];
    ParticipantRec { role, span: x.span.clone(), entity: (x.entities.len() == 1).then(|| x.entities[0]) }
}

/// Marks planned events prevented when another mention of the same kind of event says it was
/// stopped ("planning bombings" ... "the attacks were stopped"), or when the planners were
/// arrested ("arrested seven people who were planning bombings").
fn merge_modality(events: &mut [EventRec]) {
    let violent = |e: &EventRec| matches!(e.event_type, EventType::Attack | EventType::Fight | EventType::MassViolence);
    let stopped = events.iter().any(|e| violent(e) && e.modality.contains(&Modality::Prevented));
    let arrested: Vec<Range<usize>> = events
        .iter()
        .filter(|e| e.event_type == EventType::Arrest && e.polarity == Polarity::Positive)
        .flat_map(|e| e.participants.iter().filter(|p| p.role == ParticipantRole::Target).map(|p| p.span.clone()))
        .collect();
    for e in events.iter_mut() {
        if !e.modality.contains(&Modality::Planned) || e.modality.contains(&Modality::Prevented) {
            continue;
        }
        let planners_held =
            e.participants.iter().any(|p| p.role == ParticipantRole::Source && arrested.iter().any(|r| r == &p.span));
        if (violent(e) && stopped) || planners_held {
            e.modality.push(Modality::Prevented);
        }
    }
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

/// "in St. Petersburg": the first place actor after the trigger led by in/at/near.
fn place_after(s: &Sentence, from: usize) -> Option<PlaceRec> {
    let limit = s.toks.end.min(from + 40);
    (from..limit).take_while(|&k| !matches!(s.w(k), ";")).find_map(|k| {
        let g = s.group(k)?;
        let actor = &s.actors[s.groups[g].0.clone().next()?];
        let led = k > 0 && matches!(s.w(k - 1), "in" | "at" | "near") && actor.toks.start == k;
        (actor.place && led).then(|| PlaceRec { span: actor.span.clone(), entity: actor.entities.first().copied() })
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
