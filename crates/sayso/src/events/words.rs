//! The closed word classes the events stage's clause analysis needs (auxiliaries, negations,
//! determiners, prepositions, planning and preventing verbs, ...). Reads nothing; the lexicon
//! ([`super::lexicon`]) turns [`WORD_CLASSES`] into bits of each word's entry, so that a
//! token's class is a bit test, not a list search.

use super::lexicon::bits;
use crate::wordlist::WordList;

// Closed word classes the clause analysis needs.
pub(super) const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "wo", "ca",
];

pub(super) const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "am"];

pub(super) const NEGATIONS: &[&str] = &["not", "n't", "n’t", "never", "no"];

pub(super) const MODALS: &[&str] = &["would", "could", "might", "may", "should", "can", "ca", "must"];

pub(super) const FUTURE: &[&str] = &["will", "shall", "wo"];

/// Words between an auxiliary and its verb: "is about to restore", "were able to capture".
pub(super) const CHAIN: &[&str] = &[
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

pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your", "some", "any",
    "every", "each", "another", "such", "no",
];

pub(super) const POSSESSIVE_PRONOUNS: &[&str] = &["its", "his", "her", "their", "our", "my", "your", "whose"];

pub(super) const PREPOSITIONS: &[&str] = &[
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

pub(super) const SUBORDINATORS: &[&str] = &[
    "after", "before", "because", "since", "while", "when", "whereas", "although", "though", "if", "unless", "until",
    "once", "whether", "where",
];

pub(super) const RELATIVES: &[&str] = &["who", "whom", "which", "that", "whose"];

pub(super) const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Words that may start a sentence in capitals without being a name.
pub(super) const SENTENCE_WORDS: &[&str] = &[
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
pub(super) const CALENDAR: &[&str] = &crate::calendar::WORDS;

pub(super) const PLANNING: &[&str] = &[
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

pub(super) const PREVENTING: &[&str] = &[
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
pub(super) static OBJECT_CONTROL: WordList = WordList::new(&[
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
pub(super) static SUPPORT_VERBS: WordList = WordList::new(&[
    "plan",
    "plot",
    "prepare",
    "launch",
    "carry",
    "conduct",
    "stage",
    "hold",
    "mount",
    "make",
    "have",
    "begin",
    "start",
    "resume",
    "intend",
    "order",
    "continue",
    "pay",
    "extend",
    "renew",
    "lodge",
    "undertake",
    "declare",
    "issue",
    "file",
    "submit",
    "join",
    "end",
    "halt",
    "suspend",
]);

/// Verbs (lemmas) that take a stance towards the event their complement names, where the
/// dictionary leaves the verb itself without a code ("refused to", "vowed to").
pub(super) static REFUSING: WordList = WordList::new(&["refuse", "decline", "reject", "fail", "resist", "balk"]);
pub(super) static PROMISING: WordList =
    WordList::new(&["promise", "pledge", "vow", "offer", "agree", "decide", "plan", "intend", "commit", "prepare"]);
pub(super) static ASKING: WordList = WordList::new(&["ask", "urge", "appeal", "request", "call", "invite", "implore"]);
pub(super) static THREATENING: WordList = WordList::new(&["threaten", "warn", "vow"]);

/// Adjectives (lemmas) of a speaker's outlook in what a verb of saying reports ("said he was
/// skeptical over ...", "confident that ..."): the code book's pessimistic (012) and optimistic
/// (013) comments.
pub(super) static PESSIMISTIC: WordList = WordList::new(&[
    "pessimistic",
    "skeptical",
    "sceptical",
    "doubtful",
    "dubious",
    "gloomy",
    "worried",
    "concerned",
    "wary",
    "fearful",
    "afraid",
    "disappointed",
    "uncertain",
]);
pub(super) static OPTIMISTIC: WordList =
    WordList::new(&["optimistic", "confident", "hopeful", "upbeat", "encouraged", "heartened", "sanguine"]);

/// Nouns (lemmas, lower case) that count or gather people: the actor is what they are "of".
/// Nouns that measure an event they are "of" ("ten days of war games", "a round of talks"):
/// the event is what a verb taking them does.
pub(super) static MEASURES: WordList =
    WordList::new(&["day", "week", "month", "hour", "year", "round", "series", "wave", "spate", "bout"]);

pub(super) static QUANTITIES: WordList = WordList::new(&[
    "ten",
    "tens",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "score",
    "scores",
    "group",
    "number",
    "handful",
    "batch",
    "patch",
    "crowd",
    "contingent",
    "band",
]);

/// What a protest asks for, by the code book's four kinds (its 14x1-14x4 codes): a change of
/// leadership, of policy, rights, a change of institutions or regime (lemmas, checked in this
/// order, so that "democratic reforms" is institutions and "political reforms" policy).
pub(super) const PROTEST_AIMS: &[(char, &[&str])] = &[
    ('1', &["resign", "resignation", "removal", "remove", "ouster", "oust", "reinstate", "leadership", "step"]),
    ('3', &["right", "freedom", "liberty", "discrimination", "equality", "violation"]),
    ('4', &["democracy", "democratic", "referendum", "independence", "constitution", "regime", "autonomy", "election"]),
    ('2', &["policy", "reform", "law", "decision", "tax", "measure", "plan", "wage"]),
];

/// Verbs of saying (lemmas): what their clausal complement reports is the event, when it
/// has one; the saying is the claims stage's.
/// A statement a verb of issuing puts out ("issued a declaration *demanding* ...", "released a
/// statement *condemning* ..."): what the statement does is the event, its issuer's.
pub(super) static STATEMENTS: WordList = WordList::new(&[
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "resolution",
    "letter",
    "message",
    "petition",
]);

pub(super) static REPORTING: WordList = WordList::new(&[
    "say",
    "tell",
    "report",
    "announce",
    "add",
    "state",
    "note",
    "explain",
    "write",
    "tweet",
    "confirm",
    "declare",
    "reiterate",
    "stress",
    "insist",
    "argue",
    "suggest",
    "acknowledge",
    "indicate",
    "comment",
    "reply",
    "respond",
    "remark",
    "disclose",
    "reveal",
    "recall",
    "assert",
    "predict",
    "estimate",
    "believe",
    "think",
    "hope",
]);

/// The closed classes above as [`bits`] of a word's [`super::lexicon::WordInfo`]: a token's class is a bit
/// of its word's entry, found with the one hash look-up of its word, instead of a hash or a
/// scan per list and question.
pub(super) const WORD_CLASSES: &[(u32, &[&str])] = &[
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
