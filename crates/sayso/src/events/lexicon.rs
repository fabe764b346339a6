//! The events stage's data, read once: PETRARCH2's verb dictionary (`cameo_verbs.tsv`: verb
//! forms, their blocks and codes, synonym sets and the blocks' patterns), its agents
//! (`agents.tsv`), sayso's event nouns (`nouns.tsv`), sayso's own patterns
//! (`patterns_sayso.tsv`) and the code book's names (`cameo_codes.tsv`).

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

/// What the lexicon knows of a word, found through the word's id: one hash look-up per
/// token then answers every per-word question the stage asks.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordInfo {
    /// The word as a one-word verb form.
    pub form: Option<Form>,
    /// Some multi-word verb form starts with the word.
    pub starts_multi: bool,
    /// Some agent phrase ends with the word.
    pub ends_agent: bool,
    /// The pattern word that is this word plus "s", if any (for the word filter).
    plus_s: WordId,
}

impl WordInfo {
    /// A word the lexicon knows nothing of.
    const NONE: WordInfo = WordInfo { form: None, starts_multi: false, ends_agent: false, plus_s: NO_WORD };
}

/// The words of the lexicon's patterns, synonym sets, verb forms, agents and nouns, numbered.
#[derive(Debug, Default)]
pub(super) struct Vocab {
    ids: HashMap<&'static str, WordId>,
    info: Vec<WordInfo>,
}

impl Vocab {
    fn intern(&mut self, word: &'static str) -> WordId {
        let next = WordId::try_from(self.info.len()).unwrap_or(NO_WORD);
        let id = *self.ids.entry(word).or_insert(next);
        if id == next && id != NO_WORD {
            self.info.push(WordInfo::NONE);
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

    /// A lowercase token's forms; `buf` is scratch space for the "ies" → "y" form.
    pub fn token_forms(&self, token: &str, buf: &mut String) -> TokenForms {
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
    /// For each synonym set it cannot match without: the bits of the first words of the set's
    /// phrases, one of which must occur.
    pub needs_one_of: Vec<Vec<u16>>,
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

    /// True when some bit is set.
    pub fn has_any(&self, bits: &[u16]) -> bool {
        bits.iter().any(|&b| self.has(b))
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
    /// Synonym sets by the index in [`Atom::Set`].
    pub set_phrases: Vec<SynonymSet>,
    /// Synonym set names → index into `set_phrases`.
    set_index: HashMap<&'static str, usize>,
    /// Every word of the patterns and synonym sets.
    pub vocab: Vocab,
    /// Agent phrases by their last word (the phrase's words, all of them).
    pub agents: HashMap<&'static str, Vec<Vec<&'static str>>>,
    /// One-word event nouns and their codes.
    pub nouns: HashMap<&'static str, &'static str>,
    /// The two-word event nouns by their words' ids.
    pub noun_pairs: HashMap<(WordId, WordId), &'static str>,
    /// Code names.
    pub code_names: HashMap<&'static str, &'static str>,
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
/// synonym set in those places, one of its phrases' first words.
fn needs(elems: &[Elem], parser: &mut Parser, all: &mut Vec<u16>, one_of: &mut Vec<Vec<u16>>) {
    let sets = &*parser.set_phrases;
    let add = |bits: &mut Vec<u16>, id: WordId| {
        if id != NO_WORD && !bits.contains(&word_bit(id)) {
            bits.push(word_bit(id));
        }
    };
    let mut atom = |a: &Atom, all: &mut Vec<u16>| match a {
        Atom::Word(w) => add(all, w.id),
        Atom::Set(i) => {
            let mut firsts = Vec::new();
            for phrase in sets.get(*i).into_iter().flat_map(|set| &set.phrases) {
                if let Some(first) = phrase.first() {
                    add(&mut firsts, first.id);
                }
            }
            one_of.push(firsts);
        }
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
    let (mut all, mut one_of) = (Vec::new(), Vec::new());
    needs(&before, parser, &mut all, &mut one_of);
    needs(&after, parser, &mut all, &mut one_of);
    Pattern { before, after, code, weight, needs: all, needs_one_of: one_of }
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
        set_phrases: Vec::new(),
        set_index: HashMap::new(),
        vocab: Vocab::default(),
        agents: HashMap::new(),
        nouns: HashMap::new(),
        noun_pairs: HashMap::new(),
        code_names: HashMap::new(),
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
    for cols in data_lines(include_str!("cameo_codes.tsv")) {
        if let [code, name] = cols.as_slice() {
            lx.code_names.insert(code, name);
        }
    }
    for (&word, form) in &lx.forms {
        if let Some(info) = lx.vocab.info_mut(word) {
            info.form = Some(*form);
        }
    }
    for &first in lx.multi.keys() {
        if let Some(info) = lx.vocab.info_mut(first) {
            info.starts_multi = true;
        }
    }
    for &last in lx.agents.keys() {
        if let Some(info) = lx.vocab.info_mut(last) {
            info.ends_agent = true;
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
        let mut buf = String::new();
        let mut forms = |t: &str| vocab.token_forms(t, &mut buf);
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
        let mut buf = String::new();
        for token in ["tie", "ties", "parties", "taxes", "tax", "aid", "trade"] {
            let t = vocab.token_forms(token, &mut buf);
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
        let mut buf = String::new();
        for token in ["tie", "ties", "taxes", "parties", "aid", "aids"] {
            let forms = vocab.token_forms(token, &mut buf);
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
            present.add_token(&vocab.token_forms(token, &mut buf));
        }
        assert!(!present.has(word_bit(embassy.id)));
        assert!(present.has(NO_NEED));
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
