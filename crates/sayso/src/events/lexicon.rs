//! The events stage's data, read once: PETRARCH2's verb dictionary (`cameo_verbs.tsv`: verb
//! forms, their blocks and codes, synonym sets and the blocks' patterns), its agents
//! (`agents.tsv`), sayso's event nouns (`nouns.tsv`), sayso's own verbs and patterns
//! (`verbs_sayso.tsv`, `patterns_sayso.tsv`).

use crate::fnv;
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

/// One element of a verb pattern (see `scripts/build_cameo.py`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Elem {
    /// Words that must be adjacent (one word, or `a_b`), each a word or a synonym set.
    Words(Vec<Atom>),
    /// `{a b}`: a noun phrase whose head is the last atom; the others come shortly before it.
    Phrase(Vec<Atom>),
    /// `(prep x)`: the preposition, then (if given) the phrase shortly after it.
    Prep(&'static str, Vec<Atom>),
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `%`: an actor in either role.
    Either,
    /// `^`: a skipped phrase; gaps are allowed anyway.
    Skip,
}

/// A word of a pattern, or a synonym set (`&CURRENCY`, as an index into [`Lexicon::set_phrases`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Atom {
    Word(PatternWord),
    Set(usize),
}

/// A word's number in the lexicon's [`Vocab`]; [`NO_WORD`] for a word the lexicon lacks.
pub(super) type WordId = u32;
/// The id of every word outside the lexicon's vocabulary.
pub(super) const NO_WORD: WordId = WordId::MAX;

/// A pattern word as ids: the word, and the word without a final "s" (for "ties" to match
/// "tie"), so that matching a token compares integers, not strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PatternWord {
    pub id: WordId,
    pub minus_s: WordId,
}

/// A text token's ids under every form a pattern word may match it by: itself, and itself
/// less "s", less "es", and with "ies" made "y". [`NO_WORD`] where that form is no lexicon word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TokenForms {
    pub id: WordId,
    pub minus_s: WordId,
    pub minus_es: WordId,
    pub ies_y: WordId,
    /// The token plus "s": a pattern's "ties" matches the token "tie" (only the word filter
    /// needs this form).
    pub plus_s: WordId,
}

impl TokenForms {
    /// A token outside every sentence (and the empty word).
    pub const NONE: TokenForms =
        TokenForms { id: NO_WORD, minus_s: NO_WORD, minus_es: NO_WORD, ies_y: NO_WORD, plus_s: NO_WORD };

    /// True when the pattern word matches the token as itself or as its plural or singular
    /// (the same rules as PETRARCH's: "ties" ~ "tie", "taxes" ~ "tax", "parties" ~ "party").
    pub fn matches(self, w: PatternWord) -> bool {
        self.id == w.id
            || self.minus_s == w.id
            || self.minus_es == w.id
            || self.ies_y == w.id
            || (w.minus_s != NO_WORD && w.minus_s == self.id)
    }
}

/// A synonym set: its phrases, and an index of them by their first word, so that matching the
/// set at a token looks up the few phrases that can start there instead of trying all (sets
/// run to 200 phrases).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct SynonymSet {
    pub phrases: Vec<Vec<PatternWord>>,
    /// Phrase indices by their first word's id.
    by_id: HashMap<WordId, Vec<u32>>,
    /// Phrase indices by their first word's id less "s".
    by_minus_s: HashMap<WordId, Vec<u32>>,
}

impl SynonymSet {
    fn new(phrases: Vec<Vec<PatternWord>>) -> Self {
        let (mut by_id, mut by_minus_s) = (HashMap::<WordId, Vec<u32>>::new(), HashMap::<WordId, Vec<u32>>::new());
        for (i, phrase) in phrases.iter().enumerate() {
            let (Some(first), Ok(i)) = (phrase.first(), u32::try_from(i)) else { continue };
            by_id.entry(first.id).or_default().push(i);
            if first.minus_s != NO_WORD {
                by_minus_s.entry(first.minus_s).or_default().push(i);
            }
        }
        SynonymSet { phrases, by_id, by_minus_s }
    }

    /// Indices of the phrases whose first word matches token `t` (see
    /// [`TokenForms::matches`]), possibly repeated, in no particular order.
    pub fn starting_with(&self, t: TokenForms) -> impl Iterator<Item = u32> + '_ {
        let lists = [
            self.by_id.get(&t.id),
            self.by_id.get(&t.minus_s),
            self.by_id.get(&t.minus_es),
            self.by_id.get(&t.ies_y),
            self.by_minus_s.get(&t.id),
        ];
        lists.into_iter().flatten().flatten().copied()
    }
}

/// Bits of [`WordInfo::bits`]: the closed word classes of the clause analysis (the lists of
/// [`super::words::WORD_CLASSES`]) and the lexicon's roles of a word, so that a token's one hash
/// look-up answers every "is it in this list" the stage asks, as a bit test. The token-shape
/// bits are the stage's own, set per token.
pub(super) mod bits {
    /// An auxiliary or modal ("is", "would").
    pub const AUX: u32 = 1 << 0;
    /// A form of "be".
    pub const BE: u32 = 1 << 1;
    /// A negation ("not", "never").
    pub const NEGATION: u32 = 1 << 2;
    /// A modal of possibility ("could").
    pub const MODAL: u32 = 1 << 3;
    /// A future auxiliary ("will").
    pub const FUTURE: u32 = 1 << 4;
    /// A word between an auxiliary and its verb ("about", "able").
    pub const CHAIN: u32 = 1 << 5;
    /// A determiner.
    pub const DETERMINER: u32 = 1 << 6;
    /// A possessive pronoun.
    pub const POSSESSIVE: u32 = 1 << 7;
    /// A preposition.
    pub const PREPOSITION: u32 = 1 << 8;
    /// A subordinating conjunction.
    pub const SUBORDINATOR: u32 = 1 << 9;
    /// A relative pronoun.
    pub const RELATIVE: u32 = 1 << 10;
    /// A subject pronoun.
    pub const SUBJECT_PRONOUN: u32 = 1 << 11;
    /// A word that may open a sentence in capitals without being a name.
    pub const SENTENCE_WORD: u32 = 1 << 12;
    /// A month or weekday name.
    pub const CALENDAR: u32 = 1 << 13;
    /// A planning verb form.
    pub const PLANNING: u32 = 1 << 14;
    /// A preventing verb form.
    pub const PREVENTING: u32 = 1 << 15;
    /// A one-word verb form ([`super::WordInfo::form`]).
    pub const FORM: u32 = 1 << 16;
    /// Some multi-word verb form starts with the word.
    pub const STARTS_MULTI: u32 = 1 << 17;
    /// Some agent phrase ends with the word.
    pub const ENDS_AGENT: u32 = 1 << 18;
    /// A one-word event noun ([`super::WordInfo::noun`]).
    pub const NOUN: u32 = 1 << 19;
    /// Some two-word event noun starts with the word.
    pub const STARTS_NOUN_PAIR: u32 = 1 << 20;
    /// Token shape (the stage's, never a word's): a word token.
    pub const WORD: u32 = 1 << 24;
    /// Token shape: a word token that starts with an uppercase letter.
    pub const CAP: u32 = 1 << 25;
    /// Token shape: a quotation mark.
    pub const QUOTE: u32 = 1 << 26;
    /// Token shape: a number.
    pub const NUMBER: u32 = 1 << 27;
}

/// Synonym sets past this index have no bit in [`WordInfo::set_firsts`]; patterns that need
/// them are not filtered by them (the filter only ever skips patterns that cannot match).
const SET_BITS: usize = 64;

/// What the lexicon knows of a word, found through the word's id: one hash look-up per
/// token then answers every per-word question the stage asks.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordInfo {
    /// The word as a one-word verb form.
    pub form: Option<Form>,
    /// The word as a one-word event noun: its code.
    pub noun: Option<&'static str>,
    /// Its classes and roles ([`bits`]).
    pub bits: u32,
    /// The index into [`Lexicon::agent_phrases`] of the agent phrases ending with the word
    /// (`u32::MAX` for none).
    pub agents: u32,
    /// The synonym sets (bit `i` for set `i`) with a phrase whose first word is this word.
    set_firsts: u64,
    /// The synonym sets with a phrase whose first word less "s" is this word.
    set_firsts_minus_s: u64,
    /// The pattern word that is this word plus "s", if any (for the word filter).
    plus_s: WordId,
}

impl WordInfo {
    /// A word the lexicon knows nothing of.
    const NONE: WordInfo = WordInfo {
        form: None,
        noun: None,
        bits: 0,
        agents: u32::MAX,
        set_firsts: 0,
        set_firsts_minus_s: 0,
        plus_s: NO_WORD,
    };
}

/// The FNV-1a hash of a word. The hash's state after the first `k` bytes is the hash of the
/// word's first `k` bytes, so one pass over a token hashes the token and every form
/// [`Vocab::token_forms`] cuts from its end.
fn fnv(word: &[u8]) -> u64 {
    fnv::extend(fnv::START, word.iter().copied())
}

/// Word → id by [`fnv`] hash, open addressing with linear probing, for the look-ups of
/// [`Vocab::token_forms`]. The hash is fixed (not seeded), but only lexicon words are ever
/// inserted and the table is kept at most half full, so a probe sequence is bounded by the
/// lexicon's own clusters whatever text is looked up.
#[derive(Debug, Default)]
struct WordTable {
    /// (hash, id) per slot; [`NO_WORD`] marks an empty slot. A power of two in length.
    slots: Vec<(u64, WordId)>,
    /// The words by id.
    words: Vec<&'static str>,
}

/// The first slot to probe for hash `h` in a table of `len` slots (a power of two).
fn first_slot(len: usize, h: u64) -> usize {
    // The multiply mixes FNV's low bits into the top bits the slot is taken from.
    let bits = len.trailing_zeros();
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// Puts (hash, id) into the first free slot of its probe sequence.
fn put(slots: &mut [(u64, WordId)], h: u64, id: WordId) {
    let mask = slots.len() - 1;
    let mut i = first_slot(slots.len(), h);
    while slots[i].1 != NO_WORD {
        i = (i + 1) & mask;
    }
    slots[i] = (h, id);
}

impl WordTable {
    /// Adds the word with id `id`, the next one (the caller has checked the word is new).
    fn insert(&mut self, word: &'static str, id: WordId) {
        self.words.push(word);
        if (self.words.len() + 1) * 2 > self.slots.len() {
            // Rebuilt at twice the size, so that it stays at most half full.
            self.slots = vec![(0, NO_WORD); (self.slots.len() * 2).max(64)];
            for (i, w) in self.words.iter().enumerate() {
                put(&mut self.slots, fnv(w.as_bytes()), WordId::try_from(i).unwrap_or(NO_WORD));
            }
        } else {
            put(&mut self.slots, fnv(word.as_bytes()), id);
        }
    }

    /// The id of the word `stem` followed by `last` (if any), whose hash is `h`.
    fn find(&self, h: u64, stem: &[u8], last: Option<u8>) -> WordId {
        if self.slots.is_empty() {
            return NO_WORD;
        }
        let mask = self.slots.len() - 1;
        let mut i = first_slot(self.slots.len(), h);
        loop {
            let (sh, id) = self.slots[i];
            if id == NO_WORD {
                return NO_WORD;
            }
            if sh == h {
                let w = self.words.get(id as usize).map_or(&[][..], |w| w.as_bytes());
                let same = match last {
                    None => w == stem,
                    Some(b) => w.len() == stem.len() + 1 && w.starts_with(stem) && w.last() == Some(&b),
                };
                if same {
                    return id;
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// The words of the lexicon's patterns, synonym sets, verb forms, agents and nouns, numbered.
#[derive(Debug, Default)]
pub(super) struct Vocab {
    ids: HashMap<&'static str, WordId>,
    /// The same words for [`Vocab::token_forms`].
    table: WordTable,
    info: Vec<WordInfo>,
}

impl Vocab {
    fn intern(&mut self, word: &'static str) -> WordId {
        let next = WordId::try_from(self.info.len()).unwrap_or(NO_WORD);
        let id = *self.ids.entry(word).or_insert(next);
        if id == next && id != NO_WORD {
            self.info.push(WordInfo::NONE);
            self.table.insert(word, id);
        }
        id
    }

    fn info_mut(&mut self, word: &'static str) -> Option<&mut WordInfo> {
        let id = self.intern(word);
        self.info.get_mut(id as usize)
    }

    /// What the lexicon knows of word `id` (nothing for [`NO_WORD`]).
    pub fn info(&self, id: WordId) -> WordInfo {
        self.info.get(id as usize).copied().unwrap_or(WordInfo::NONE)
    }

    /// A pattern word, interned with its form less "s".
    pub fn pattern_word(&mut self, word: &'static str) -> PatternWord {
        let id = self.intern(word);
        let minus_s = word.strip_suffix('s').filter(|w| !w.is_empty()).map_or(NO_WORD, |w| self.intern(w));
        if let Some(stem) = self.info.get_mut(minus_s as usize) {
            stem.plus_s = id;
        }
        PatternWord { id, minus_s }
    }

    /// The id of a word, [`NO_WORD`] if the lexicon does not have it.
    pub fn id(&self, word: &str) -> WordId {
        self.ids.get(word).copied().unwrap_or(NO_WORD)
    }

    /// The synonym sets (bit `i` for set `i` below 64) with a phrase whose first word matches
    /// a token with these forms: the sets that [`SynonymSet::starting_with`] offers phrases of.
    pub fn set_mask(&self, t: TokenForms) -> u64 {
        self.info(t.id).set_firsts
            | self.info(t.minus_s).set_firsts
            | self.info(t.minus_es).set_firsts
            | self.info(t.ies_y).set_firsts
            | self.info(t.id).set_firsts_minus_s
    }

    /// A lowercase token's forms: the token, and less "s", less "es", "ies" made "y" (each
    /// [`NO_WORD`] unless the token has that ending and the form is a lexicon word). One pass
    /// over the token's bytes hashes all four.
    pub fn token_forms(&self, token: &str) -> TokenForms {
        let b = token.as_bytes();
        let n = b.len();
        // The hash of the whole token, and of it less its last one, two and three bytes.
        let mut h = fnv::START;
        let mut less = [fnv::START; 3];
        for &x in b {
            less = [h, less[0], less[1]];
            h = fnv::step(h, x);
        }
        let id = self.table.find(h, b, None);
        let (mut minus_s, mut minus_es, mut ies_y) = (NO_WORD, NO_WORD, NO_WORD);
        if n >= 1 && b[n - 1] == b's' {
            minus_s = self.table.find(less[0], &b[..n - 1], None);
            if n >= 2 && b[n - 2] == b'e' {
                minus_es = self.table.find(less[1], &b[..n - 2], None);
                if n >= 3 && b[n - 3] == b'i' {
                    ies_y = self.table.find(fnv::step(less[2], b'y'), &b[..n - 3], Some(b'y'));
                }
            }
        }
        // A pattern word "xs" interns "x", so a token outside the vocabulary has no plural
        // among the pattern words.
        let plus_s = self.info(id).plus_s;
        TokenForms { id, minus_s, minus_es, ies_y, plus_s }
    }

    /// [`Vocab::token_forms`] through the string map, as it was written before the hash table:
    /// the reference the table's answers are tested against.
    #[cfg(test)]
    fn token_forms_by_map(&self, token: &str, buf: &mut String) -> TokenForms {
        let ies_y = token.strip_suffix("ies").map_or(NO_WORD, |stem| {
            buf.clear();
            buf.push_str(stem);
            buf.push('y');
            self.id(buf)
        });
        let id = self.id(token);
        // A pattern word "xs" interns "x", so a token outside the vocabulary has no plural
        // among the pattern words.
        let plus_s = self.info(id).plus_s;
        TokenForms {
            id,
            minus_s: token.strip_suffix('s').map_or(NO_WORD, |t| self.id(t)),
            minus_es: token.strip_suffix("es").map_or(NO_WORD, |t| self.id(t)),
            ies_y,
            plus_s,
        }
    }
}

/// A verb pattern: elements before the verb, after it, and the code it gives.
#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub before: Vec<Elem>,
    pub after: Vec<Elem>,
    pub code: &'static str,
    /// How specific the pattern is: the number of words it names.
    pub weight: usize,
    /// The words it cannot match without, as [`WordFilter`] bits.
    pub needs: Vec<u16>,
    /// The synonym sets it cannot match without (bit `i` for set `i`, see
    /// [`Vocab::set_mask`]): a phrase of each must start at a token around the verb.
    pub needs_sets: u64,
}

/// Size of a [`WordFilter`] in 64-bit words: 4,096 bits, so that the two hundred or so word
/// forms around a verb set about one bit in twenty and a needed word that is absent is told
/// apart nineteen times in twenty (a 256-bit filter had half its bits set and let most
/// patterns through to the slow check).
const FILTER_WORDS: usize = 64;

/// A pattern's needed-word bit when it needs no word at all (every filter has it).
pub(super) const NO_NEED: u16 = u16::MAX;

/// The [`WordFilter`] bit of a word.
pub(super) fn word_bit(id: WordId) -> u16 {
    // Fibonacci hashing spreads consecutive ids over the bits.
    (u64::from(id).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 12)) as u16
}

/// A set of word ids as bits: which lexicon words (with the plural/singular forms that
/// [`TokenForms::matches`] accepts) occur around a verb. A pattern whose needed words are not
/// all in the set cannot match, so it is skipped without walking its elements.
#[derive(Debug, Clone)]
pub(super) struct WordFilter([u64; FILTER_WORDS]);

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter([0; FILTER_WORDS])
    }
}

impl WordFilter {
    /// Adds a word by id (a word outside the lexicon adds nothing: no pattern needs it).
    pub fn add_word(&mut self, id: WordId) {
        if id != NO_WORD {
            let bit = usize::from(word_bit(id));
            self.0[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Adds a text token under every form a pattern word could match it by.
    pub fn add_token(&mut self, t: &TokenForms) {
        for id in [t.id, t.minus_s, t.minus_es, t.ies_y, t.plus_s] {
            self.add_word(id);
        }
    }

    /// Whether the bit is set ([`NO_NEED`] always is).
    pub fn has(&self, bit: u16) -> bool {
        bit == NO_NEED || self.0[usize::from(bit) / 64] & (1 << (bit % 64)) != 0
    }

    /// True when every bit is set: every needed word may be present.
    pub fn has_all(&self, bits: &[u16]) -> bool {
        bits.iter().all(|&b| self.has(b))
    }
}

/// A verb form: its block (index into [`Lexicon::patterns`]) and the isolated verb's code.
#[derive(Debug, Clone, Copy)]
pub(super) struct Form {
    pub block: usize,
    pub code: &'static str,
}

pub(super) struct Lexicon {
    /// One-word verb forms.
    pub forms: HashMap<&'static str, Form>,
    /// Multi-word verb forms ("cordoned off", "wire tapped") by their first word.
    pub multi: HashMap<&'static str, Vec<(Vec<&'static str>, Form)>>,
    /// Patterns by block, most specific first.
    pub patterns: Vec<Vec<Pattern>>,
    /// The first of each pattern's needed-word bits ([`NO_NEED`] if none), parallel to
    /// `patterns`: the scan over a block's patterns reads 2 bytes per pattern and touches a
    /// pattern only when its first word may be present, instead of reading every 128-byte
    /// pattern, which kept the scan waiting on memory.
    pub first_needs: Vec<Vec<u16>>,
    /// sayso's own patterns, by block, tried before PETRARCH's.
    pub own: HashMap<usize, Vec<Pattern>>,
    /// Whether some pattern of the block (PETRARCH's or sayso's) has a `$` or `+` slot: in a
    /// block without, no pattern can give a verb a participant (75 of 4,666 patterns have one).
    pub slot_blocks: Vec<bool>,
    /// Synonym sets by the index in [`Atom::Set`].
    pub set_phrases: Vec<SynonymSet>,
    /// Synonym set names → index into `set_phrases`.
    set_index: HashMap<&'static str, usize>,
    /// Every word of the patterns and synonym sets.
    pub vocab: Vocab,
    /// Agent phrases by their last word (the phrase's words, all of them).
    pub agents: HashMap<&'static str, Vec<Vec<&'static str>>>,
    /// The same phrases as word ids, one list per last word ([`WordInfo::agents`]), so that
    /// a token's phrases are found without hashing it again and compared as integers.
    pub agent_phrases: Vec<Vec<Vec<WordId>>>,
    /// One-word event nouns and their codes.
    pub nouns: HashMap<&'static str, &'static str>,
    /// The two-word event nouns by their words' ids.
    pub noun_pairs: HashMap<(WordId, WordId), &'static str>,
}

impl Lexicon {
    fn parser(&mut self) -> Parser<'_> {
        Parser { vocab: &mut self.vocab, set_index: &mut self.set_index, set_phrases: &mut self.set_phrases }
    }
}

/// What patterns are parsed against: the vocabulary they add their words to, and the
/// synonym sets they may name.
pub(super) struct Parser<'l> {
    pub vocab: &'l mut Vocab,
    pub set_index: &'l mut HashMap<&'static str, usize>,
    pub set_phrases: &'l mut Vec<SynonymSet>,
}

impl Parser<'_> {
    fn atoms(&mut self, text: &'static str) -> Vec<Atom> {
        text.split(['_', ' '])
            .filter(|w| !w.is_empty())
            .map(|w| if w.starts_with('&') { Atom::Set(self.set(w)) } else { Atom::Word(self.vocab.pattern_word(w)) })
            .collect()
    }

    /// A synonym set's index; a name the dictionary never defines gets an empty set, which
    /// matches nothing.
    fn set(&mut self, name: &'static str) -> usize {
        if let Some(&i) = self.set_index.get(name) {
            return i;
        }
        self.set_phrases.push(SynonymSet::default());
        self.set_index.insert(name, self.set_phrases.len() - 1);
        self.set_phrases.len() - 1
    }

    fn define_set(&mut self, name: &'static str, phrases: &[Vec<&'static str>]) {
        let i = self.set(name);
        let phrases = phrases.iter().map(|p| p.iter().map(|w| self.vocab.pattern_word(w)).collect()).collect();
        self.set_phrases[i] = SynonymSet::new(phrases);
    }
}

/// Parses one side of a pattern: `word`, `a_b`, `&SET`, `{a b}`, `(prep x)`, `$`, `+`, `%`, `^`.
pub(super) fn parse_elems(text: &'static str, parser: &mut Parser) -> Vec<Elem> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let (open, close) = match rest.as_bytes()[0] {
            b'{' => ('{', '}'),
            b'(' => ('(', ')'),
            _ => (' ', ' '),
        };
        if open != ' ' {
            let end = rest.find(close).unwrap_or(rest.len());
            let inner = rest[1..end].trim();
            if open == '{' {
                out.push(Elem::Phrase(parser.atoms(inner)));
            } else {
                let (prep, obj) = inner.split_once(' ').unwrap_or((inner, ""));
                let obj = obj.trim_matches(['{', '}', ' ']);
                parser.vocab.intern(prep);
                out.push(Elem::Prep(prep, parser.atoms(obj)));
            }
            rest = rest.get(end + 1..).unwrap_or("").trim_start();
            continue;
        }
        let end = rest.find([' ', '{', '(']).unwrap_or(rest.len());
        let word = &rest[..end];
        out.push(match word {
            "$" => Elem::Source,
            "+" => Elem::Target,
            "%" => Elem::Either,
            "^" => Elem::Skip,
            _ => Elem::Words(parser.atoms(word)),
        });
        rest = rest[end..].trim_start();
    }
    out
}

fn weight(elems: &[Elem]) -> usize {
    elems
        .iter()
        .map(|e| match e {
            Elem::Words(a) | Elem::Phrase(a) => a.len(),
            Elem::Prep(_, a) => 1 + a.len(),
            Elem::Source | Elem::Target | Elem::Either => 1,
            Elem::Skip => 0,
        })
        .sum()
}

/// Words an element list cannot match without: every literal word of adjacent words, a
/// phrase's head and a preposition (a phrase's modifiers may sit outside the window); for a
/// synonym set in those places, the set (one of its phrases must start there).
fn needs(elems: &[Elem], parser: &mut Parser, all: &mut Vec<u16>, sets: &mut u64) {
    let add = |bits: &mut Vec<u16>, id: WordId| {
        if id != NO_WORD && !bits.contains(&word_bit(id)) {
            bits.push(word_bit(id));
        }
    };
    let mut atom = |a: &Atom, all: &mut Vec<u16>| match a {
        Atom::Word(w) => add(all, w.id),
        Atom::Set(i) if *i < SET_BITS => *sets |= 1 << i,
        Atom::Set(_) => {}
    };
    for e in elems {
        match e {
            Elem::Words(atoms) => atoms.iter().for_each(|a| atom(a, all)),
            Elem::Phrase(atoms) => atoms.last().into_iter().for_each(|a| atom(a, all)),
            Elem::Prep(prep, _) => add(all, parser.vocab.id(prep)),
            _ => {}
        }
    }
}

fn pattern(before: &'static str, after: &'static str, code: &'static str, parser: &mut Parser) -> Pattern {
    let (before, after) = (parse_elems(before, parser), parse_elems(after, parser));
    let weight = weight(&before) + weight(&after);
    let (mut all, mut sets) = (Vec::new(), 0);
    needs(&before, parser, &mut all, &mut sets);
    needs(&after, parser, &mut all, &mut sets);
    Pattern { before, after, code, weight, needs: all, needs_sets: sets }
}

fn data_lines(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|l| l.split('\t').collect())
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lx = Lexicon {
        forms: HashMap::new(),
        multi: HashMap::new(),
        patterns: Vec::new(),
        first_needs: Vec::new(),
        own: HashMap::new(),
        slot_blocks: Vec::new(),
        set_phrases: Vec::new(),
        set_index: HashMap::new(),
        vocab: Vocab::default(),
        agents: HashMap::new(),
        agent_phrases: Vec::new(),
        nouns: HashMap::new(),
        noun_pairs: HashMap::new(),
    };
    for cols in data_lines(include_str!("cameo_verbs.tsv")) {
        match cols.as_slice() {
            ["S", name, phrases] => {
                let phrases: Vec<Vec<&'static str>> = phrases.split('|').map(|p| p.split(' ').collect()).collect();
                lx.parser().define_set(name, &phrases);
            }
            ["F", form, block, code] => {
                let Ok(block) = block.parse::<usize>() else { continue };
                let f = Form { block, code };
                let words: Vec<&'static str> = form.split(' ').collect();
                if words.len() == 1 {
                    lx.forms.insert(form, f);
                } else {
                    lx.multi.entry(words[0]).or_default().push((words[1..].to_vec(), f));
                }
            }
            ["P", block, before, after, code] => {
                let Ok(block) = block.parse::<usize>() else { continue };
                if lx.patterns.len() <= block {
                    lx.patterns.resize_with(block + 1, Vec::new);
                }
                let p = pattern(before, after, code, &mut lx.parser());
                lx.patterns[block].push(p);
            }
            _ => {}
        }
    }
    for list in lx.patterns.iter_mut() {
        // Most specific first; the sort is stable, so the dictionary's order breaks ties.
        list.sort_by_key(|p| std::cmp::Reverse(p.weight));
    }
    lx.first_needs = lx
        .patterns
        .iter()
        .map(|list| list.iter().map(|p| p.needs.first().copied().unwrap_or(NO_NEED)).collect())
        .collect();
    for list in lx.multi.values_mut() {
        list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }
    for cols in data_lines(include_str!("verbs_sayso.tsv")) {
        if let [forms, like, code] = cols.as_slice() {
            if let Some(block) = lx.forms.get(like).map(|f| f.block) {
                for form in forms.split(' ') {
                    lx.forms.insert(form, Form { block, code });
                }
            }
        }
    }
    for cols in data_lines(include_str!("patterns_sayso.tsv")) {
        if let [verbs, before, after, code] = cols.as_slice() {
            for verb in verbs.split(' ') {
                if let Some(block) = lx.forms.get(verb).map(|f| f.block) {
                    let p = pattern(before, after, code, &mut lx.parser());
                    lx.own.entry(block).or_default().push(p);
                }
            }
        }
    }
    let slotted = |p: &Pattern| p.before.iter().chain(&p.after).any(|e| matches!(e, Elem::Source | Elem::Target));
    lx.slot_blocks = lx
        .patterns
        .iter()
        .enumerate()
        .map(|(b, list)| list.iter().any(slotted) || lx.own.get(&b).is_some_and(|own| own.iter().any(slotted)))
        .collect();
    for cols in data_lines(include_str!("agents.tsv")) {
        if let [phrase, _code] = cols.as_slice() {
            let words: Vec<&'static str> = phrase.split(' ').collect();
            if let Some(last) = words.last() {
                lx.agents.entry(last).or_default().push(words.clone());
            }
        }
    }
    for list in lx.agents.values_mut() {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    for cols in data_lines(include_str!("nouns.tsv")) {
        if let [noun, code] = cols.as_slice() {
            // Tokens hold no spaces: two-word nouns are looked up by their words' ids only.
            if let Some((first, second)) = noun.split_once(' ') {
                let key = (lx.vocab.intern(first), lx.vocab.intern(second));
                lx.noun_pairs.insert(key, code);
            } else {
                lx.nouns.insert(noun, code);
            }
        }
    }
    for (&word, form) in &lx.forms {
        if let Some(info) = lx.vocab.info_mut(word) {
            info.form = Some(*form);
            info.bits |= bits::FORM;
        }
    }
    for &first in lx.multi.keys() {
        if let Some(info) = lx.vocab.info_mut(first) {
            info.bits |= bits::STARTS_MULTI;
        }
    }
    for (&last, list) in &lx.agents {
        let ids = list.iter().map(|words| words.iter().map(|w| lx.vocab.intern(w)).collect()).collect();
        let index = u32::try_from(lx.agent_phrases.len()).unwrap_or(u32::MAX);
        lx.agent_phrases.push(ids);
        if let Some(info) = lx.vocab.info_mut(last) {
            info.bits |= bits::ENDS_AGENT;
            info.agents = index;
        }
    }
    for (&noun, &code) in &lx.nouns {
        if let Some(info) = lx.vocab.info_mut(noun) {
            info.noun = Some(code);
            info.bits |= bits::NOUN;
        }
    }
    for &(first, _) in lx.noun_pairs.keys() {
        if let Some(info) = lx.vocab.info.get_mut(first as usize) {
            info.bits |= bits::STARTS_NOUN_PAIR;
        }
    }
    for &(class, words) in super::words::WORD_CLASSES {
        for &word in words {
            if let Some(info) = lx.vocab.info_mut(word) {
                info.bits |= class;
            }
        }
    }
    for (i, set) in lx.set_phrases.iter().enumerate().take(SET_BITS) {
        for first in set.phrases.iter().filter_map(|p| p.first()) {
            if let Some(info) = lx.vocab.info.get_mut(first.id as usize) {
                info.set_firsts |= 1 << i;
            }
            if let Some(info) = lx.vocab.info.get_mut(first.minus_s as usize) {
                info.set_firsts_minus_s |= 1 << i;
            }
        }
    }
    lx
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_elements_parse() {
        let (mut vocab, mut set_index, mut set_phrases) = (Vocab::default(), HashMap::new(), Vec::new());
        let mut parser = Parser { vocab: &mut vocab, set_index: &mut set_index, set_phrases: &mut set_phrases };
        let elems = parse_elems("{financial aid} (for &CURRENCY) $ in_the", &mut parser);
        let upon = parse_elems("(upon)", &mut parser);
        let w = |word: &str| Atom::Word(PatternWord { id: vocab.id(word), minus_s: NO_WORD });
        assert_eq!(
            elems,
            vec![
                Elem::Phrase(vec![w("financial"), w("aid")]),
                Elem::Prep("for", vec![Atom::Set(set_index["&CURRENCY"])]),
                Elem::Source,
                Elem::Words(vec![w("in"), w("the")]),
            ]
        );
        assert_eq!(upon, vec![Elem::Prep("upon", vec![])]);
        assert_ne!(vocab.id("upon"), NO_WORD, "prepositions are interned for the word filter");
        assert_eq!(set_phrases[set_index["&CURRENCY"]], SynonymSet::default(), "an undefined set matches nothing");
    }

    #[test]
    fn plural_and_singular_forms_match_like_petrarch() {
        let mut vocab = Vocab::default();
        let (tie, ties, tax, party) = (
            vocab.pattern_word("tie"),
            vocab.pattern_word("ties"),
            vocab.pattern_word("tax"),
            vocab.pattern_word("party"),
        );
        let forms = |t: &str| vocab.token_forms(t);
        assert!(forms("tie").matches(tie));
        assert!(forms("ties").matches(tie), "a plural token matches the singular word");
        assert!(forms("tie").matches(ties), "a singular token matches the plural word");
        assert!(forms("taxes").matches(tax));
        assert!(forms("parties").matches(party));
        assert!(!forms("tied").matches(tie));
        assert!(!forms("partie").matches(party));
        assert!(!forms("unknownword").matches(tie));
        assert!(!TokenForms::NONE.matches(tie));
    }

    #[test]
    fn a_set_offers_every_phrase_whose_first_word_matches() {
        let mut vocab = Vocab::default();
        let phrases: Vec<Vec<PatternWord>> = [&["tie"][..], &["ties", "of", "trade"], &["party"], &["tax", "cut"]]
            .iter()
            .map(|p| p.iter().map(|w| vocab.pattern_word(w)).collect())
            .collect();
        let set = SynonymSet::new(phrases.clone());
        for token in ["tie", "ties", "parties", "taxes", "tax", "aid", "trade"] {
            let t = vocab.token_forms(token);
            let mut offered: Vec<u32> = set.starting_with(t).collect();
            offered.sort_unstable();
            offered.dedup();
            let expected: Vec<u32> = (0..phrases.len() as u32).filter(|&i| t.matches(phrases[i as usize][0])).collect();
            assert_eq!(offered, expected, "{token}");
        }
    }

    #[test]
    fn the_word_filter_keeps_every_form_a_pattern_word_can_match() {
        let mut vocab = Vocab::default();
        let words: Vec<PatternWord> =
            ["tie", "ties", "tax", "party", "aid"].iter().map(|w| vocab.pattern_word(w)).collect();
        for token in ["tie", "ties", "taxes", "parties", "aid", "aids"] {
            let forms = vocab.token_forms(token);
            let mut present = WordFilter::default();
            present.add_token(&forms);
            for w in words.iter().filter(|w| forms.matches(**w)) {
                assert!(present.has(word_bit(w.id)), "{token} matches a word the filter would skip");
            }
        }
        // A window without the word is (almost always) told apart: a pattern needing
        // "embassy" is skipped over "the talks resumed".
        let embassy = vocab.pattern_word("embassy");
        let mut present = WordFilter::default();
        for token in ["the", "talks", "resumed"] {
            present.add_token(&vocab.token_forms(token));
        }
        assert!(!present.has(word_bit(embassy.id)));
        assert!(present.has(NO_NEED));
    }

    /// Tokens to test the lexicon's look-ups on: every lexicon word, the forms cut from it and
    /// added to it, and words outside it.
    fn sample_tokens() -> Vec<String> {
        let mut tokens: Vec<String> =
            ["", "s", "es", "ies", "y", "ss", "xies", "überies", "naïves", "a’s", "talks", "cities"]
                .iter()
                .map(|t| t.to_string())
                .collect();
        for &w in &LEXICON.vocab.table.words {
            tokens.push(w.to_string());
            tokens.push(format!("{w}s"));
            tokens.push(format!("{w}es"));
            if let Some(stem) = w.strip_suffix('y') {
                tokens.push(format!("{stem}ies"));
            }
            let mut cut = w.to_string();
            cut.pop();
            tokens.push(cut);
        }
        tokens
    }

    #[test]
    fn the_hash_table_finds_what_the_string_map_finds() {
        let vocab = &LEXICON.vocab;
        assert!(vocab.table.words.len() > 1000);
        let mut buf = String::new();
        for token in sample_tokens() {
            assert_eq!(vocab.token_forms(&token), vocab.token_forms_by_map(&token, &mut buf), "{token:?}");
        }
        // A small table (grown from empty) agrees too.
        let mut small = Vocab::default();
        assert_eq!(small.token_forms("tie"), TokenForms::NONE);
        let tie = small.pattern_word("tie");
        for token in ["tie", "ties", "tied", "t", "", "tiees"] {
            assert_eq!(small.token_forms(token), small.token_forms_by_map(token, &mut buf), "{token:?}");
        }
        assert_eq!(small.token_forms("ties").minus_s, tie.id);
    }

    #[test]
    fn a_tokens_set_mask_names_the_sets_that_offer_it_phrases() {
        let lx = &*LEXICON;
        assert!(lx.set_phrases.len() <= SET_BITS, "every set has a bit: the filter checks them all");
        let mut seen = 0u64;
        for token in sample_tokens() {
            let t = lx.vocab.token_forms(&token);
            let mask = lx.vocab.set_mask(t);
            for (i, set) in lx.set_phrases.iter().enumerate() {
                assert_eq!(mask >> i & 1 == 1, set.starting_with(t).next().is_some(), "{token:?} set {i}");
            }
            seen |= mask;
        }
        assert_ne!(seen, 0);
    }

    #[test]
    fn a_words_bits_are_its_lists_and_roles() {
        let lx = &*LEXICON;
        for &w in &lx.vocab.table.words {
            let info = lx.vocab.info(lx.vocab.id(w));
            for &(bit, list) in super::super::words::WORD_CLASSES {
                assert_eq!(info.bits & bit != 0, list.contains(&w), "{w} {bit:#x}");
            }
            assert_eq!(info.bits & bits::FORM != 0, lx.forms.contains_key(w), "{w}");
            assert_eq!(info.form.map(|f| f.code), lx.forms.get(w).map(|f| f.code), "{w}");
            assert_eq!(info.bits & bits::STARTS_MULTI != 0, lx.multi.contains_key(w), "{w}");
            assert_eq!(info.bits & bits::ENDS_AGENT != 0, lx.agents.contains_key(w), "{w}");
            assert_eq!(info.noun, lx.nouns.get(w).copied(), "{w}");
            assert_eq!(info.bits & bits::NOUN != 0, lx.nouns.contains_key(w), "{w}");
            let pair = lx.noun_pairs.keys().any(|&(first, _)| first == lx.vocab.id(w));
            assert_eq!(info.bits & bits::STARTS_NOUN_PAIR != 0, pair, "{w}");
            assert_eq!(info.bits & (bits::WORD | bits::CAP | bits::QUOTE | bits::NUMBER), 0, "shape is the token's");
        }
        // Every listed word is a lexicon word, so a token outside the lexicon is in no list.
        for &(_, list) in super::super::words::WORD_CLASSES {
            assert!(list.iter().all(|w| lx.vocab.id(w) != NO_WORD));
        }
        assert!(lx.vocab.info(lx.vocab.id("would")).bits & bits::AUX != 0);
        assert_eq!(lx.vocab.info(NO_WORD).bits, 0);
    }

    #[test]
    fn a_slot_block_has_a_pattern_that_captures_a_participant() {
        let lx = &*LEXICON;
        let captures = |p: &Pattern| {
            let mut elems = p.before.iter().chain(&p.after);
            elems.any(|e| *e == Elem::Source || *e == Elem::Target)
        };
        let mut with = 0;
        for (b, list) in lx.patterns.iter().enumerate() {
            let own = lx.own.get(&b).map(Vec::as_slice).unwrap_or(&[]);
            assert_eq!(lx.slot_blocks[b], list.iter().chain(own).any(captures), "block {b}");
            with += usize::from(lx.slot_blocks[b]);
        }
        // Few blocks have one: the verbs of the others are skipped when they have no actor.
        assert!(with > 0 && with * 4 < lx.patterns.len(), "{with} of {}", lx.patterns.len());
    }

    #[test]
    fn agent_phrases_by_id_are_the_agent_phrases() {
        let lx = &*LEXICON;
        for (&last, list) in &lx.agents {
            let info = lx.vocab.info(lx.vocab.id(last));
            let ids = &lx.agent_phrases[info.agents as usize];
            let words: Vec<Vec<WordId>> = list.iter().map(|p| p.iter().map(|w| lx.vocab.id(w)).collect()).collect();
            assert_eq!(ids, &words, "{last}");
            assert!(ids.iter().flatten().all(|&id| id != NO_WORD));
        }
        assert_eq!(lx.vocab.info(lx.vocab.id("the")).agents, u32::MAX);
    }

    #[test]
    fn the_dictionary_loads() {
        let lx = &*LEXICON;
        assert_eq!(lx.forms.get("arrested").map(|f| f.code), Some("173"));
        assert!(lx.multi.get("cordoned").is_some_and(|l| l.iter().any(|(r, _)| r == &["off"])));
        let information = &lx.set_phrases[lx.set_index["&INFORMATION"]].phrases;
        assert!(information.iter().any(|p| p.len() == 1 && p[0].id == lx.vocab.id("intelligence")));
        assert!(lx.agents.contains_key("police"));
        let call = lx.forms["call"].block;
        assert!(lx.patterns[call].iter().any(|p| p.code == "020"));
    }
}
