//! A learned named-entity tagger: greedy left-to-right BIO tagging with an averaged
//! perceptron over hashed string features (Collins 2002; Ratinov & Roth 2009's design).
//!
//! Features of a token: its word, lowercase form, shape, prefixes and suffixes, the words and
//! shapes around it in its sentence, the two tags predicted before it, whether it opens a
//! sentence or sits on an all-capitals line, the gazetteer's phrases and name words
//! (PETRARCH2's actor dictionaries, `gazetteer.tsv`), the universal POS class of it and its
//! neighbours in a lexicon learned from UD English (`wordclass.tsv`: a capitalised "Moreover"
//! is an adverb), the syntax stage's parse (the universal POS of the token and its
//! neighbours, its relation and the lemma of its head: "the village of *Azna*"), and three
//! document-level cues that carry most of the gain on news: whether the same word appears
//! capitalised elsewhere (not sentence-initially) or lowercase elsewhere in the document,
//! the tags it got earlier in the document ("extended prediction history"), and the contexts
//! of its other occurrences (context aggregation, Ratinov & Roth 2009). Without a parse (the
//! syntax stage not run) the parse features are absent and the tagger still tags, less well.
//!
//! A second pass ([`super::stacked`]) re-tags the document with a second perceptron that
//! also reads what this first pass said of each word across the whole document.
//!
//! Headline mode: the article's headline (its first line, or the line that is its given
//! title) in title case is read as the same line in capitals, whose capitals say nothing,
//! and like every line in capitals it is tagged after the body, so it sees the body's tags;
//! [`super::rules`] then keeps only the headline names the body or the gazetteer supports.
//!
//! Features are 32-bit hashes of (template, values), computed from per-token hashes that are
//! worked out once per token, so scoring a token is some fifty table look-ups and no
//! allocation. Weights are trained by `just train-entities` (`examples/train_entities.rs`)
//! on the CoNLL-2003 training split and GUM's derived names and embedded as `tagger.bin`
//! (sources and licences in `DATA.md`).

use super::{ALIASES, GAZETTEER, clusters};
use crate::analysis::Analysis;
use crate::fnv;
use crate::learn::{affix_hashes, f1, f2, f3, fin, lower_hash, word_hashes};
use crate::schema::EntityType;
use crate::text::TokenKind;
use foldhash::{HashMap, HashMapExt};
use std::ops::Range;
use std::sync::LazyLock;

/// Entity classes the tagger knows, CoNLL's four.
pub const CLASSES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Number of BIO tags: O, then B- and I- of each class.
pub const NT: usize = 1 + 2 * CLASSES.len();

/// Tag index of `B-class`.
#[must_use]
pub const fn begin(class: usize) -> u8 {
    (1 + 2 * class) as u8
}

/// Tag index of `I-class`.
#[must_use]
pub const fn inside(class: usize) -> u8 {
    (2 + 2 * class) as u8
}

/// The class of a tag (`None` for O).
#[must_use]
pub const fn class_of(tag: u8) -> Option<usize> {
    if tag == 0 { None } else { Some((tag as usize - 1) / 2) }
}

/// A named-entity span found by the tagger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Token range.
    pub tokens: Range<usize>,
    /// Index into [`CLASSES`].
    pub class: usize,
}

impl Span {
    /// The schema type for the class (LOC and MISC refined by the gazetteer by the caller).
    #[must_use]
    pub fn entity_type(&self) -> EntityType {
        match self.class {
            0 => EntityType::Person,
            1 => EntityType::Organization,
            2 => EntityType::Gpe,
            _ => EntityType::Misc,
        }
    }
}

// Flags of a token.
pub(super) const CAP: u8 = 1;
pub(super) const CAPS_LINE: u8 = 2;
const SENT_START: u8 = 4;
const CAP_ELSEWHERE: u8 = 8;
const LOWER_ELSEWHERE: u8 = 16;
const WORD: u8 = 32;
const HAS_UPPER: u8 = 64;
const TABLE: u8 = 128;

/// What is worked out once per token.
#[derive(Clone, Copy, Default)]
pub(super) struct Tok {
    word: u32,
    pub(super) lw: u32,
    shape: u32,
    pub(super) short: u32,
    /// Byte range of the token, for its affixes (hashed only for tokens that are scored).
    start: usize,
    end: usize,
    pub(super) flags: u8,
    gaz_words: u16,
    phrase: u8,
    /// The word's class in the UD lexicon (`wordclass.tsv`), 0 when it has none.
    wc: u8,
    /// The word's distributional cluster (`clusters.tsv`), 0 when it has none.
    cl: clusters::Node,
    /// The syntax stage's universal POS of the token's head word (`Upos` + 1), 0 without a
    /// parse.
    upos: u8,
    /// Its relation to its head (`Deprel` as `u8`).
    dep: u8,
    /// The hashed lemma of its head (capitalised tokens only): "village" in "the village of
    /// Azna", "say" in "Azna said".
    head: u32,
    /// Context aggregation (Ratinov & Roth 2009): for the first two other occurrences of the
    /// same capitalised word in the document, the word before it and its (relation, head
    /// lemma); 0 where there is none. A name seen once as "the village of Azna" types every
    /// "Azna".
    agg: [u32; 4],
    line_first: bool,
    pub(super) sentence: usize,
}

const BOUNDARY: Tok = Tok {
    word: 0x5eed_0001,
    lw: 0x5eed_0001,
    shape: 0x5eed_0001,
    short: 0x5eed_0001,
    start: 0,
    end: 0,
    flags: 0,
    gaz_words: 0,
    phrase: 0,
    wc: 0,
    cl: 0,
    upos: 0,
    dep: 0,
    head: 0,
    agg: [0; 4],
    line_first: false,
    sentence: usize::MAX,
};

/// What the gazetteer and alias list know of a lowercase word or word sequence.
#[derive(Clone, Copy, Default)]
struct Known {
    /// The class of the phrase it is, if it is one (`class_byte`).
    phrase: Option<u8>,
    /// Whether a longer phrase starts with it.
    prefix: bool,
    /// Word bits (single words only): a first name, a surname, part of an organisation, a
    /// country or city, a nationality, or a location in PETRARCH2's dictionaries.
    words: u16,
}

/// A 64-bit hash of a lowercase phrase, fed a byte at a time (FNV-1a), so that a phrase one
/// word longer costs only the new word's bytes.
#[derive(Clone, Copy)]
struct PhraseHash(u64);

impl PhraseHash {
    const EMPTY: PhraseHash = PhraseHash(fnv::START);

    fn bytes(self, bytes: impl IntoIterator<Item = u8>) -> Self {
        PhraseHash(fnv::extend(self.0, bytes))
    }

    /// The phrase followed by the lowercase of `w`, character by character as the gazetteer's
    /// phrases were lowercased.
    fn lowercase(self, w: &str) -> Self {
        if w.is_ascii() {
            self.bytes(w.bytes().map(|b| b.to_ascii_lowercase()))
        } else {
            let mut utf8 = [0u8; 4];
            w.chars().flat_map(char::to_lowercase).fold(self, |h, c| h.bytes(c.encode_utf8(&mut utf8).bytes()))
        }
    }

    /// The hash of the phrase so far, as the key of [`KNOWN`].
    fn key(self) -> u64 {
        fin(self.0)
    }

    fn of(phrase: &str) -> u64 {
        Self::EMPTY.bytes(phrase.bytes()).key()
    }
}

/// Gazetteer and alias phrases, their word prefixes, and the words they are made of: one
/// look-up per capitalised word gives all three, and matching a phrase stops as soon as no
/// phrase can continue. Keyed by [`PhraseHash`], not by the phrase: a probe then touches the
/// table and not also the phrase's bytes elsewhere in memory (a cache miss per capitalised
/// word), and needs no lowercase copy of the words. Two of the ~10^5 phrases sharing a
/// 64-bit hash is a ~10^-9 chance, and `known_keys_are_distinct` checks it for this
/// gazetteer. A word of a text that hashed like a phrase (~10^-14 a probe, or made so on
/// purpose: the hash is not keyed) would only give the tagger a wrong gazetteer feature.
static KNOWN: LazyLock<HashMap<u64, Known>> =
    LazyLock::new(|| known_phrases().into_iter().map(|(phrase, k)| (PhraseHash::of(phrase), k)).collect());

/// What [`KNOWN`] holds, keyed by the lowercase phrase.
fn known_phrases() -> HashMap<&'static str, Known> {
    let mut m: HashMap<&'static str, Known> = HashMap::default();
    for (phrase, (t, _)) in &GAZETTEER.names {
        let words: Vec<&'static str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
        let n = words.len();
        for (k, w) in words.iter().enumerate() {
            let bit = match t {
                EntityType::Person if n > 1 && k == 0 => 0,
                EntityType::Person if k + 1 == n => 1,
                EntityType::Person => 2,
                EntityType::Organization if k + 1 == n && n > 1 => 3,
                EntityType::Organization => 4,
                EntityType::Gpe if n == 1 => 5,
                EntityType::Gpe => 6,
                EntityType::Norp => 7,
                _ => 8,
            };
            m.entry(*w).or_default().words |= 1 << bit;
        }
    }
    let all = GAZETTEER
        .names
        .iter()
        .map(|(p, (t, _))| (*p, *t))
        .chain(ALIASES.iter().filter_map(|(p, v)| Some((*p, v.first()?.entity_type))));
    for (phrase, t) in all {
        for (i, _) in phrase.match_indices(' ') {
            m.entry(&phrase[..i]).or_default().prefix = true;
        }
        m.entry(phrase).or_default().phrase = Some(class_byte(t));
    }
    // Aliases win over the gazetteer.
    for (p, v) in ALIASES.iter() {
        if let Some(al) = v.first() {
            m.entry(p).or_default().phrase = Some(class_byte(al.entity_type));
        }
    }
    m
}

fn class_byte(t: EntityType) -> u8 {
    match t {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Gpe => 2,
        EntityType::Location => 3,
        EntityType::Norp => 4,
        _ => 5,
    }
}

/// Universal POS classes of `wordclass.tsv`, in the order of their codes (1-based).
const WORD_CLASSES: [&str; 7] = ["PROPN", "NOUN", "VERB", "ADJ", "ADV", "NUM", "FUNC"];

/// What the lexicons say of a lowercase word: its class in the UD lexicon (`wordclass.tsv`,
/// built by `just wordclass` from UD English EWT + GUM train: a sentence-initial "Moreover" or
/// "My" is then an adverb or determiner to the tagger even though no training name looked like
/// it), 0 when it has none; and its distributional cluster (`clusters.tsv`, built by `just
/// clusters`, [`super::clusters`]), 0 when it has none.
#[derive(Clone, Copy, Default)]
struct Lex {
    wc: u8,
    cluster: clusters::Node,
}

/// Both lexicons in one map keyed by the tagger's lowercase hash, so that a token costs one
/// look-up and no lowercase copy.
static LEXICON: LazyLock<HashMap<u32, Lex>> = LazyLock::new(|| {
    let mut map: HashMap<u32, Lex> = HashMap::with_capacity(32_768);
    for (w, c) in
        include_str!("wordclass.tsv").lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t'))
    {
        if let Some(code) = WORD_CLASSES.iter().position(|k| *k == c) {
            map.entry(lower_hash(2, w).done()).or_default().wc = code as u8 + 1;
        }
    }
    for (w, path) in
        include_str!("clusters.tsv").lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t'))
    {
        if let Some(node) = clusters::parse_path(path) {
            map.entry(lower_hash(2, w).done()).or_default().cluster = node;
        }
    }
    map
});

/// The UD lexicon's class of a lowercase word ("ADV" for "moreover"), if it has one.
#[must_use]
pub fn word_class(lower: &str) -> Option<&'static str> {
    let code = LEXICON.get(&lower_hash(2, lower).done())?.wc;
    WORD_CLASSES.get(usize::from(code).checked_sub(1)?).copied()
}

/// The distributional cluster of a lowercase word (digits folded), if it has one.
#[must_use]
pub fn word_cluster(lower: &str) -> Option<clusters::Node> {
    Some(LEXICON.get(&lower_hash(2, lower).done())?.cluster).filter(|&n| n != 0)
}

/// Words a title-case headline leaves in lowercase (or may capitalise): they say nothing
/// about whether a line is in title case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs",
    "vs.", "via", "into", "onto", "over", "up", "off", "per", "than", "is", "be", "it",
];

/// The number of words outside [`SMALL_WORDS`] of a line in title case ("Senate Passes
/// Stealth Health Bill"): at least two such words, at most one in eight of them lowercase;
/// `None` for a line not in title case. A headline's capitals say nothing about names, so
/// such a line is tagged as a line in capitals is.
fn title_case_words(a: &Analysis, tokens: Range<usize>) -> Option<usize> {
    let (mut content, mut lower, mut words) = (0usize, 0usize, 0usize);
    for t in &a.tokens[tokens] {
        if t.kind != TokenKind::Word {
            continue;
        }
        words += 1;
        let w = &a.text[t.start..t.end];
        // A clitic ("n't" of "Won't", "'s") is written lower case in any title.
        let clitic =
            w.starts_with(['\'', '\u{2019}']) || w.eq_ignore_ascii_case("n't") || w.eq_ignore_ascii_case("n\u{2019}t");
        if clitic || !w.chars().any(char::is_alphabetic) || SMALL_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)) {
            continue;
        }
        content += 1;
        if !w.chars().next().is_some_and(char::is_uppercase) {
            lower += 1;
        }
    }
    (words <= 30 && content >= 2 && lower * 8 <= content).then_some(content)
}

/// Whether a line is the article's headline: its first line (when a body follows and it
/// ends without a full stop), or a line that is the title given with the article, when in
/// title case or capitals; with the number of its words outside [`SMALL_WORDS`].
fn headline_line(a: &Analysis, tokens: Range<usize>) -> Option<usize> {
    if tokens.start != 0 && a.meta.title.is_none() {
        return None;
    }
    let first = a.tokens.get(tokens.start)?;
    let last = a.tokens.get(tokens.end.checked_sub(1)?)?;
    // The given title may lack the line's final full stop.
    fn bare(t: &str) -> &str {
        t.trim().trim_end_matches('.').trim_end()
    }
    let line = &a.text[first.start..last.end];
    let is_title = a.meta.title.as_deref().is_some_and(|t| bare(t) == bare(line));
    // The first line is a headline only with a body after it, and a headline does not end
    // with a full stop (a one-line text is a sentence, however many capitals it has).
    let body_follows = a.tokens.get(tokens.end).is_some();
    let full_stop = a.text[last.start..last.end] == *".";
    if (tokens.start == 0 && body_follows && !full_stop) || is_title { title_case_words(a, tokens) } else { None }
}

/// What a token's line is (bits of [`line_kinds`]): in capitals or a headline in title case
/// (read as capitals), a results table, the article's headline.
pub const LINE_CAPS: u8 = 1;
/// A line mostly of numbers: results tables, where names are teams and players.
pub const LINE_TABLE: u8 = 2;
/// The article's headline: its first line or its given title, in title case or capitals,
/// of at least three words outside [`SMALL_WORDS`].
pub const LINE_HEADLINE: u8 = 4;

/// The kind of each token's line ([`LINE_CAPS`], [`LINE_TABLE`], [`LINE_HEADLINE`]).
#[must_use]
pub fn line_kinds(a: &Analysis) -> Vec<u8> {
    let n = a.tokens.len();
    let mut kinds = vec![0u8; n];
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && !a.tokens[j].line_start {
            j += 1;
        }
        let mut kind = 0;
        let numbers = a.tokens[i..j].iter().filter(|t| t.kind == TokenKind::Number).count();
        let words = a.tokens[i..j].iter().filter(|t| t.kind == TokenKind::Word).count();
        if numbers >= 2 && numbers >= words {
            kind |= LINE_TABLE;
        }
        // Lines in capitals (headlines, datelines): no lowercase letter in any word.
        let mut caps_words = 0;
        let mut lower = false;
        for t in &a.tokens[i..j] {
            if t.kind == TokenKind::Word {
                let w = &a.text[t.start..t.end];
                if w.chars().any(char::is_lowercase) {
                    lower = true;
                    break;
                }
                if w.chars().filter(|c| c.is_uppercase()).count() >= 2 {
                    caps_words += 1;
                }
            }
        }
        if !lower && caps_words >= 1 {
            kind |= LINE_CAPS;
        }
        // A first line of two names is a byline ("Jane Smith"): read in capitals, but its
        // names need no support from the body.
        match headline_line(a, i..j) {
            Some(words) if words >= 3 => kind |= LINE_CAPS | LINE_HEADLINE,
            Some(_) => kind |= LINE_CAPS,
            None => {}
        }
        kinds[i..j].fill(kind);
        i = j;
    }
    kinds
}

/// The per-token features of a whole document.
fn prepare(a: &Analysis, lines: &[u8]) -> Vec<Tok> {
    let n = a.tokens.len();
    let mut toks = vec![Tok::default(); n];
    let line_caps: Vec<bool> = lines.iter().map(|k| k & LINE_CAPS != 0).collect();
    for (i, t) in a.tokens.iter().enumerate() {
        let w = &a.text[t.start..t.end];
        let mut tok = Tok { sentence: t.sentence, ..Tok::default() };
        // A headline in title case is read as the same line in capitals, the form the
        // training headlines have.
        let (hashes, upper) = if line_caps[i] && w.chars().any(char::is_lowercase) {
            word_hashes(&w.to_uppercase())
        } else {
            word_hashes(w)
        };
        [tok.word, tok.lw, tok.shape, tok.short] = hashes;
        (tok.start, tok.end) = (t.start, t.end);
        let first_upper = w.chars().next().is_some_and(char::is_uppercase) || (line_caps[i] && upper);
        if t.kind == TokenKind::Word {
            tok.flags |= WORD;
        }
        if first_upper {
            tok.flags |= CAP;
        }
        if upper {
            tok.flags |= HAS_UPPER;
        }
        if line_caps[i] {
            tok.flags |= CAPS_LINE;
        }
        if lines[i] & LINE_TABLE != 0 {
            tok.flags |= TABLE;
        }
        tok.line_first = t.line_start;
        let lex = LEXICON.get(&tok.lw).copied().unwrap_or_default();
        (tok.wc, tok.cl) = (lex.wc, lex.cluster);
        let sent_start = a.sentences.get(t.sentence).is_some_and(|s| {
            s.tokens.start == i
                || (s.tokens.start < i
                    && a.tokens[s.tokens.start..i]
                        .iter()
                        .all(|p| p.kind != TokenKind::Word && p.kind != TokenKind::Number))
        });
        if sent_start || t.line_start {
            tok.flags |= SENT_START;
        }
        if let Some(w) = a.syntax.word_of_token(i) {
            let word = &a.syntax.words[w];
            tok.upos = word.upos as u8 + 1;
            tok.dep = word.deprel as u8;
            if upper {
                tok.head = a.syntax.head(w).map_or(0x5eed_0002, |h| lower_hash(3, a.syntax.lemma(h)).done());
            }
        }
        toks[i] = tok;
    }
    aggregate_contexts(&mut toks);
    // Document-level: the same word capitalised (not opening a sentence, not in a headline)
    // or lowercase elsewhere.
    let mut seen: HashMap<u32, u8> = HashMap::with_capacity(n / 2);
    for (i, tok) in toks.iter().enumerate() {
        if tok.flags & WORD == 0 || tok.flags & CAPS_LINE != 0 {
            continue;
        }
        let w = &a.text[a.tokens[i].start..a.tokens[i].end];
        if tok.flags & CAP == 0 {
            *seen.entry(tok.lw).or_default() |= LOWER_ELSEWHERE;
        } else if tok.flags & SENT_START == 0 && w.chars().skip(1).any(char::is_lowercase) {
            *seen.entry(tok.lw).or_default() |= CAP_ELSEWHERE;
        }
    }
    for tok in &mut toks {
        if let Some(&f) = seen.get(&tok.lw) {
            tok.flags |= f;
        }
    }
    // Gazetteer and alias phrases: longest match from each capitalised word, up to 6 words.
    let mut covered = 0;
    let mut i = 0;
    while i < n {
        if toks[i].flags & CAP == 0 {
            i += 1;
            continue;
        }
        let mut found = None;
        let mut phrase = PhraseHash::EMPTY;
        for j in i..(i + 6).min(n) {
            if a.tokens[j].sentence != a.tokens[i].sentence {
                break;
            }
            if j > i && a.tokens[j].space_before {
                phrase = phrase.bytes([b' ']);
            }
            phrase = phrase.lowercase(&a.text[a.tokens[j].start..a.tokens[j].end]);
            let Some(k) = KNOWN.get(&phrase.key()) else { break };
            if j == i {
                toks[i].gaz_words = k.words;
            }
            if let Some(c) = k.phrase {
                found = Some((j + 1 - i, c));
            }
            if !k.prefix {
                break;
            }
        }
        // Leftmost longest: a phrase inside one already matched is not marked.
        if let Some((len, c)) = found.filter(|_| i >= covered) {
            for (k, tok) in toks[i..i + len].iter_mut().enumerate() {
                tok.phrase = 1
                    + c * 4
                    + if len == 1 {
                        0
                    } else if k == 0 {
                        1
                    } else if k + 1 == len {
                        3
                    } else {
                        2
                    };
            }
            covered = i + len;
        }
        i += 1;
    }
    toks
}

/// Fills [`Tok::agg`]: each capitalised word's contexts at its other occurrences in the body
/// (not in headlines or lines in capitals, whose words are all capitalised).
fn aggregate_contexts(toks: &mut [Tok]) {
    let body = |t: &Tok| t.flags & CAP != 0 && t.flags & CAPS_LINE == 0;
    // The first three body occurrences of each capitalised word.
    let mut first: HashMap<u32, [usize; 3]> = HashMap::with_capacity(toks.len() / 8);
    for (i, t) in toks.iter().enumerate() {
        if body(t) {
            let e = first.entry(t.lw).or_insert([usize::MAX; 3]);
            if let Some(slot) = e.iter_mut().find(|s| **s == usize::MAX) {
                *slot = i;
            }
        }
    }
    let context = |toks: &[Tok], j: usize| -> [u32; 2] {
        let before = if j > 0 && toks[j - 1].sentence == toks[j].sentence { toks[j - 1].lw } else { BOUNDARY.lw };
        [before, f2(0, u32::from(toks[j].dep), toks[j].head)]
    };
    for i in 0..toks.len() {
        if toks[i].flags & CAP == 0 {
            continue;
        }
        let Some(occ) = first.get(&toks[i].lw) else { continue };
        let mut agg = [0u32; 4];
        for (k, &j) in occ.iter().filter(|&&j| j != i && j != usize::MAX).take(2).enumerate() {
            agg[2 * k..2 * k + 2].copy_from_slice(&context(toks, j));
        }
        toks[i].agg = agg;
    }
}

/// The static (tag-independent) features of token `i`, appended to `out`.
fn static_features(toks: &[Tok], text: &str, i: usize, out: &mut impl Sink) {
    let t = &toks[i];
    let w = text.get(t.start..t.end).unwrap_or("");
    let at = |d: isize| -> &Tok {
        let j = i as isize + d;
        if j < 0 || j as usize >= toks.len() || toks[j as usize].sentence != t.sentence {
            &BOUNDARY
        } else {
            &toks[j as usize]
        }
    };
    let (m2, m1, p1, p2) = (at(-2), at(-1), at(1), at(2));
    out.push(f1(10, 0));
    out.push(f1(11, t.word));
    out.push(f1(12, t.lw));
    out.push(f1(13, t.shape));
    out.push(f1(14, t.short));
    // Prefixes and suffixes of one to four characters, lowercase.
    let (prefixes, suffixes, np, ns) = affix_hashes(w);
    for (k, h) in prefixes[..np].iter().enumerate() {
        out.push(f1(15 + k as u32, *h));
    }
    for (k, h) in suffixes[..ns].iter().enumerate() {
        out.push(f1(19 + k as u32, *h));
    }
    let suf3 = if ns > 2 { suffixes[2] } else { 0 };
    out.push(f1(23, m1.lw));
    out.push(f1(24, m2.lw));
    out.push(f1(25, p1.lw));
    out.push(f1(26, p2.lw));
    out.push(f1(27, m1.short));
    out.push(f1(28, m2.short));
    out.push(f1(29, p1.short));
    out.push(f1(30, p2.short));
    out.push(f2(31, m1.lw, t.lw));
    out.push(f2(32, t.lw, p1.lw));
    out.push(f3(33, m1.short, t.short, p1.short));
    out.push(f2(34, m1.lw, t.short));
    out.push(f2(35, t.short, p1.lw));
    let flags = t.flags & (CAP | CAPS_LINE | SENT_START | WORD);
    out.push(f2(36, u32::from(flags), t.short));
    out.push(f2(37, u32::from(t.flags & CAPS_LINE), t.lw));
    let doc = t.flags & (CAP_ELSEWHERE | LOWER_ELSEWHERE | CAPS_LINE | SENT_START);
    out.push(f2(38, u32::from(doc), t.short));
    out.push(f3(39, u32::from(doc), t.short, p1.short));
    for bit in 0..16u32 {
        if t.gaz_words & (1 << bit) != 0 {
            out.push(f2(40, bit, u32::from(flags & CAP)));
        }
    }
    if t.gaz_words != 0 {
        out.push(f2(41, u32::from(t.gaz_words), u32::from(flags)));
    }
    out.push(f1(42, u32::from(t.phrase)));
    out.push(f2(43, u32::from(m1.phrase), u32::from(t.phrase)));
    out.push(f2(44, u32::from(t.phrase), u32::from(p1.phrase)));
    out.push(f2(45, u32::from(m1.gaz_words), t.short));
    out.push(f2(46, u32::from(p1.gaz_words), t.short));
    out.push(f2(47, suf3, p1.lw));
    let table = u32::from(t.flags & TABLE != 0) | u32::from(t.line_first) << 1;
    out.push(f2(48, table, t.short));
    out.push(f3(49, table, t.short, p1.short));
    out.push(f2(50, table, m1.lw));
    out.push(f2(51, u32::from(t.wc), u32::from(flags)));
    out.push(f2(52, u32::from(m1.wc), u32::from(t.wc)));
    out.push(f2(53, u32::from(t.wc), u32::from(p1.wc)));
    out.push(f2(54, u32::from(m2.wc), u32::from(m1.wc)));
    out.push(f2(55, u32::from(p1.wc), u32::from(p2.wc)));
    out.push(f2(56, u32::from(t.wc), p1.lw));
    out.push(f2(57, m1.lw, u32::from(t.wc)));
    // Distributional clusters (Ratinov & Roth 2009): coarse and fine prefixes of the word's
    // path and the path itself, so a word the labelled text never had shares weights with the
    // words used like it in the unlabelled text.
    out.push(f1(70, u32::from(clusters::prefix(t.cl, 4))));
    out.push(f1(71, u32::from(clusters::prefix(t.cl, 8))));
    out.push(f1(75, u32::from(t.cl)));
    // The syntax stage's parse: part of speech around the token and what it depends on.
    out.push(f2(80, u32::from(t.upos), u32::from(flags)));
    out.push(f3(81, u32::from(m1.upos), u32::from(t.upos), u32::from(p1.upos)));
    out.push(f2(82, u32::from(t.dep), t.head));
    out.push(f2(83, u32::from(t.dep), t.short));
    for k in 0..2 {
        if t.agg[2 * k] != 0 {
            out.push(f1(85, t.agg[2 * k]));
            out.push(f1(86, t.agg[2 * k + 1]));
        }
    }
}

/// Counts of the tags a word got earlier in the document: O and each class.
type History = HashMap<u32, [u16; 1 + CLASSES.len()]>;

/// The tag-dependent features of token `i`, appended to `out`.
fn dynamic_features(toks: &[Tok], i: usize, prev: u8, prev2: u8, history: &History, out: &mut impl Sink) {
    let t = &toks[i];
    let p = u32::from(prev);
    out.push(f1(60, p));
    out.push(f2(61, u32::from(prev2), p));
    out.push(f2(62, p, t.lw));
    out.push(f2(63, p, t.short));
    if let Some(h) = history.get(&t.lw) {
        let best = (0..h.len()).max_by_key(|&k| (h[k], std::cmp::Reverse(k))).unwrap_or(0);
        out.push(f1(64, best as u32));
        out.push(f2(65, best as u32, t.short));
        if let Some(e) = (1..h.len()).filter(|&k| h[k] > 0).max_by_key(|&k| (h[k], std::cmp::Reverse(k))) {
            out.push(f2(66, e as u32, p));
        }
    }
}

/// Whether `tag` may follow `prev` (I-X only after B-X or I-X).
fn allowed(prev: u8, tag: u8) -> bool {
    tag == 0 || (tag - 1) % 2 == 0 || class_of(prev) == class_of(tag)
}

/// The best tag after `prev` by integer weight sums and the model's scale.
pub(super) fn best_by_sums(sum: &[i32; NT], scale: f32, prev: u8) -> u8 {
    let mut scores = [0f32; NT];
    for (s, x) in scores.iter_mut().zip(sum) {
        *s += *x as f32 * scale;
    }
    best_allowed(prev, &scores)
}

/// The best-scoring tag that may follow `prev`.
fn best_allowed(prev: u8, scores: &[f32; NT]) -> u8 {
    let mut best = 0u8;
    for t in 1..NT as u8 {
        if allowed(prev, t) && scores[t as usize] > scores[best as usize] {
            best = t;
        }
    }
    best
}

fn remember(history: &mut History, tok: &Tok, tag: u8) {
    if tok.flags & CAP != 0 {
        let e = history.entry(tok.lw).or_default();
        let k = class_of(tag).map_or(0, |c| c + 1);
        e[k] = e[k].saturating_add(1);
    }
}

/// Bits of the weight table's index: features are hashed into `2^BITS` buckets (the hashing
/// trick; training sees the same collisions, so it learns around them).
pub const BITS: u32 = 18;

/// Trained weights: one row of `i16` weights per hash bucket. A look-up is one load with no
/// branch, so the loads of a token's features overlap instead of waiting on each other.
pub struct Model {
    pub(super) table: Vec<[i16; NT]>,
    pub(super) scale: f32,
    nonzero: usize,
}

const MAGIC: &[u8; 8] = b"SAYSOT02";

/// The bucket of a feature.
pub(super) fn bucket(f: u32) -> usize {
    (f >> (32 - BITS)) as usize
}

impl Model {
    fn with_entries(entries: &[(u32, [i16; NT])], scale: f32) -> Self {
        let mut table = vec![[0i16; NT]; 1 << BITS];
        let mut nonzero = 0;
        for (k, w) in entries {
            if let Some(row) = table.get_mut(*k as usize) {
                *row = *w;
                nonzero += 1;
            }
        }
        Model { table, scale, nonzero }
    }

    pub(super) fn from_float(entries: &[(u32, [f32; NT])]) -> Self {
        let (q, scale) = quantise(entries);
        Self::with_entries(&q, scale)
    }

    /// Reads the binary format [`Model::to_bytes`] writes; `None` when it is not one.
    #[must_use]
    pub fn from_bytes(b: &[u8]) -> Option<Self> {
        let rest = b.strip_prefix(MAGIC.as_slice())?;
        let n = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let scale = f32::from_le_bytes(rest.get(4..8)?.try_into().ok()?);
        let body = rest.get(8..)?;
        let rec = 4 + 2 * NT;
        if body.len() != n * rec {
            return None;
        }
        let entries: Vec<(u32, [i16; NT])> = body
            .chunks_exact(rec)
            .map(|c| {
                let key = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                let mut w = [0i16; NT];
                for (t, x) in w.iter_mut().enumerate() {
                    *x = i16::from_le_bytes([c[4 + 2 * t], c[5 + 2 * t]]);
                }
                (key, w)
            })
            .collect();
        Some(Self::with_entries(&entries, scale))
    }

    /// Number of buckets with weights.
    #[must_use]
    pub fn len(&self) -> usize {
        self.nonzero
    }

    /// True when the model has no weights.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nonzero == 0
    }
}

/// The embedded model, trained by `just train-entities`.
static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::from_bytes(include_bytes!("tagger.bin")).unwrap_or_else(|| Model::with_entries(&[], 1.0)));

/// Where a token's features go: a list (training, which reads them twice) or straight into
/// the embedded model's sums (tagging, which reads them once, so the list is not worth
/// writing).
pub(super) trait Sink {
    fn push(&mut self, feature: u32);
    /// Starts token `i`'s features.
    fn start(&mut self, i: usize);
    /// Whether the token's static features are wanted (the second pass has their sums from
    /// the first already, [`super::stacked`]).
    fn needs_static(&self) -> bool {
        true
    }
    /// The static features are in; the tag-dependent ones follow.
    fn static_done(&mut self) {}
}

impl Sink for Vec<u32> {
    fn push(&mut self, feature: u32) {
        Vec::push(self, feature);
    }
    fn start(&mut self, _: usize) {
        Vec::clear(self);
    }
}

/// The embedded model's integer weight sums over the features pushed so far.
struct Sums<'m> {
    model: &'m Model,
    sum: [i32; NT],
}

impl Sink for Sums<'_> {
    fn push(&mut self, feature: u32) {
        if let Some(w) = self.model.table.get(bucket(feature)) {
            for (x, w) in self.sum.iter_mut().zip(w) {
                *x += i32::from(*w);
            }
        }
    }
    fn start(&mut self, _: usize) {
        self.sum = [0; NT];
    }
}

impl Sums<'_> {
    /// The best tag after `prev` by the sums.
    fn best_after(&self, prev: u8) -> u8 {
        best_by_sums(&self.sum, self.model.scale, prev)
    }
}

/// Greedy decoding of one document: walks the tokens in tagging order, hands `choose` each
/// token that may be part of a name (its index, its features and the previous tag) and keeps
/// the tag it returns; the other tokens are O. Tagging and training share this walk and differ
/// only in where the features go (`feats`) and in `choose`.
pub(super) fn decode<S: Sink>(
    toks: &[Tok],
    text: &str,
    feats: &mut S,
    more: impl Fn(usize, &mut S),
    mut choose: impl FnMut(usize, &mut S, u8) -> u8,
) -> Vec<u8> {
    let mut tags = vec![0u8; toks.len()];
    let mut history = History::with_capacity(toks.len() / 8);
    let (mut prev, mut prev2) = (0u8, 0u8);
    let mut last = usize::MAX;
    for i in order(toks) {
        if last == usize::MAX || last + 1 != i || toks[i].sentence != toks[last].sentence {
            (prev, prev2) = (0, 0);
        }
        last = i;
        if !may_start(&toks[i], prev) {
            tags[i] = 0;
            (prev2, prev) = (prev, 0);
            continue;
        }
        feats.start(i);
        if feats.needs_static() {
            static_features(toks, text, i, feats);
        }
        feats.static_done();
        dynamic_features(toks, i, prev, prev2, &history, feats);
        more(i, feats);
        let tag = choose(i, feats, prev);
        remember(&mut history, &toks[i], tag);
        tags[i] = tag;
        (prev2, prev) = (prev, tag);
    }
    tags
}

/// Whether the token can be part of a name: names start with a word with a capital letter
/// (99.5% of CoNLL-2003's), so outside a name a token without one is O unscored, which
/// halves the work.
fn may_start(tok: &Tok, prev: u8) -> bool {
    prev != 0 || tok.flags & HAS_UPPER != 0
}

/// The order tokens are tagged in: the body first, then lines in capitals (headlines,
/// datelines), so that "LEICESTERSHIRE" in a headline has the body's tags for
/// "Leicestershire" in its history.
fn order(toks: &[Tok]) -> impl Iterator<Item = usize> + '_ {
    let body = (0..toks.len()).filter(|&i| toks[i].flags & CAPS_LINE == 0);
    body.chain((0..toks.len()).filter(|&i| toks[i].flags & CAPS_LINE != 0))
}

/// Tags the document's tokens with the embedded models: named-entity spans in text order.
#[must_use]
pub fn tag(a: &Analysis) -> Vec<Span> {
    tag_lines(a, &line_kinds(a))
}

/// [`tag`] given the article's [`line_kinds`], which the caller also needs.
#[must_use]
pub fn tag_lines(a: &Analysis, lines: &[u8]) -> Vec<Span> {
    if a.tokens.is_empty() {
        return Vec::new();
    }
    if let Some(stacked) = &*super::stacked::EMBEDDED {
        return tag_prepared(a, lines, |toks| stacked.tag(toks, &a.text));
    }
    if MODEL.is_empty() {
        return Vec::new();
    }
    tag_prepared(a, lines, |toks| first_pass(&MODEL, toks, &a.text))
}

/// Tags with a given model (the first pass alone).
#[must_use]
pub fn tag_with(model: &Model, a: &Analysis) -> Vec<Span> {
    tag_prepared(a, &line_kinds(a), |toks| first_pass(model, toks, &a.text))
}

/// Tags with given first- and second-pass models ([`super::stacked`]).
#[must_use]
pub fn tag_stacked_with(models: &super::stacked::Stacked, a: &Analysis) -> Vec<Span> {
    tag_prepared(a, &line_kinds(a), |toks| models.tag(toks, &a.text))
}

/// The spans of the tags `tags_of` gives the document's prepared tokens.
fn tag_prepared(a: &Analysis, lines: &[u8], tags_of: impl FnOnce(&[Tok]) -> Vec<u8>) -> Vec<Span> {
    let mut out = spans(&tags_of(&prepare(a, lines)));
    // Names begin with a word or number and never begin or end with a quotation mark
    // (CoNLL has none of the curly ones); they may end with punctuation ("C$", "Mladost (L)").
    let quote = |i: usize| matches!(a.tokens[i].kind, TokenKind::Quote(_));
    out.retain_mut(|s| {
        while s.tokens.start < s.tokens.end
            && !matches!(a.tokens[s.tokens.start].kind, TokenKind::Word | TokenKind::Number)
        {
            s.tokens.start += 1;
        }
        while s.tokens.end > s.tokens.start && quote(s.tokens.end - 1) {
            s.tokens.end -= 1;
        }
        !s.tokens.is_empty()
    });
    out
}

/// The spans of a BIO tag sequence.
#[must_use]
pub fn spans(tags: &[u8]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        let Some(c) = class_of(t) else { continue };
        match out.last_mut() {
            Some(s) if t == inside(c) && s.class == c && s.tokens.end == i => s.tokens.end = i + 1,
            _ => out.push(Span { tokens: i..i + 1, class: c }),
        }
    }
    out
}

/// BIO tags for gold spans given as byte ranges with a class; also the number of gold spans
/// whose edges are not token edges (they cannot be learned or found).
#[must_use]
pub fn gold_tags(a: &Analysis, gold: &[(Range<usize>, usize)]) -> (Vec<u8>, usize) {
    let mut tags = vec![0u8; a.tokens.len()];
    let mut misaligned = 0;
    for (r, c) in gold {
        let first = a.tokens.partition_point(|t| t.start < r.start);
        let mut last = first;
        while last < a.tokens.len() && a.tokens[last].end <= r.end {
            last += 1;
        }
        let aligned = first < last && a.tokens[first].start == r.start && a.tokens[last - 1].end == r.end;
        if !aligned {
            misaligned += 1;
        }
        if first < last {
            tags[first] = begin(*c);
            for t in &mut tags[first + 1..last] {
                *t = inside(*c);
            }
        }
    }
    (tags, misaligned)
}

/// Averaged-perceptron weights being trained (Daumé's trick: the average is `w - u / c`).
struct Training {
    w: Vec<[f32; NT]>,
    u: Vec<[f64; NT]>,
    c: f64,
}

impl Training {
    /// The best tag after `prev` for the features, by the weights so far.
    fn best_tag(&self, features: &[u32], prev: u8) -> u8 {
        let mut scores = [0f32; NT];
        for &f in features {
            if let Some(w) = self.w.get(bucket(f)) {
                for (s, x) in scores.iter_mut().zip(w) {
                    *s += x;
                }
            }
        }
        best_allowed(prev, &scores)
    }

    fn new() -> Self {
        Training { w: vec![[0.0; NT]; 1 << BITS], u: vec![[0.0; NT]; 1 << BITS], c: 0.0 }
    }

    fn update(&mut self, features: &[u32], tag: u8, delta: f32) {
        let c = self.c;
        for &f in features {
            let b = bucket(f);
            if let (Some(w), Some(u)) = (self.w.get_mut(b), self.u.get_mut(b)) {
                w[tag as usize] += delta;
                u[tag as usize] += c * f64::from(delta);
            }
        }
    }

    /// Averaged weights of the buckets with a weight of at least `prune` in absolute value,
    /// in bucket order.
    fn averaged(&self, prune: f32) -> Vec<(u32, [f32; NT])> {
        self.w
            .iter()
            .zip(&self.u)
            .enumerate()
            .map(|(k, (w, u))| {
                let mut avg = [0f32; NT];
                for ((a, w), u) in avg.iter_mut().zip(w).zip(u) {
                    *a = (f64::from(*w) - u / self.c.max(1.0)) as f32;
                }
                (k as u32, avg)
            })
            .filter(|(_, w)| w.iter().any(|x| x.abs() > prune))
            .collect()
    }
}

/// A gold tag that says nothing: the token's annotation is not trusted (a derived span
/// that joins two names), so a guess there is neither rewarded nor punished.
pub const UNKNOWN: u8 = u8::MAX;

/// One training document: its analysis (text stage run) and gold BIO tags.
pub struct Example {
    /// The document after the text stage.
    pub analysis: Analysis,
    /// Gold tags, one per token ([`UNKNOWN`] where the annotation is not trusted).
    pub tags: Vec<u8>,
    /// The corpus annotates no MISC names (GUM's derived names): a MISC guess where the gold
    /// has none is not counted as an error.
    pub no_misc: bool,
}

/// Trains a model for `epochs` passes over `examples`, in an order shuffled by a fixed seed
/// (deterministic: the same examples give the same bytes). Returns the model's bytes; weights
/// below `prune` in absolute value on every tag are dropped. `after_epoch` sees each epoch's
/// averaged model (for choosing the number of epochs on development data).
pub fn train(examples: &[Example], epochs: usize, prune: f32, after_epoch: impl FnMut(usize, &Model)) -> Vec<u8> {
    let prepared = prepare_all(examples);
    let all: Vec<usize> = (0..examples.len()).collect();
    to_bytes(&learn(examples, &prepared, &all, epochs, prune, None, after_epoch))
}

/// The per-token features of every training document.
pub(super) fn prepare_all(examples: &[Example]) -> Vec<Vec<Tok>> {
    examples.iter().map(|e| prepare_doc(&e.analysis)).collect()
}

/// The per-token features of a document.
pub(super) fn prepare_doc(a: &Analysis) -> Vec<Tok> {
    prepare(a, &line_kinds(a))
}

/// Averaged weights learned over the documents `docs` of `examples` (`prepared` their
/// features), with the second pass's features of each token (`extra`, by document) when
/// given.
pub(super) fn learn(
    examples: &[Example],
    prepared: &[Vec<Tok>],
    docs: &[usize],
    epochs: usize,
    prune: f32,
    extra: Option<&[Vec<super::stacked::Extra>]>,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Vec<(u32, [f32; NT])> {
    let mut docs = docs.to_vec();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut tr = Training::new();
    let mut feats: Vec<u32> = Vec::with_capacity(112);
    for epoch in 0..epochs {
        crate::learn::shuffle(&mut docs, &mut rng);
        for &d in &docs {
            let gold = &examples[d].tags;
            let toks = &prepared[d];
            let more = |i: usize, feats: &mut Vec<u32>| {
                if let Some(x) = extra.and_then(|x| x.get(d)).and_then(|x| x.get(i)) {
                    feats.extend(x.iter().filter(|&&f| f != 0));
                }
            };
            decode(toks, &examples[d].analysis.text, &mut feats, more, |i, feats, prev| {
                let feats: &[u32] = feats;
                let guess = tr.best_tag(feats, prev);
                // After a wrong tag, the gold I-X may be impossible: the entity starts here.
                let mut g = gold.get(i).copied().unwrap_or(0);
                tr.c += 1.0;
                if g == UNKNOWN || (examples[d].no_misc && g == 0 && class_of(guess) == Some(3)) {
                    return guess;
                }
                if !allowed(prev, g) {
                    g -= 1;
                }
                if g != guess {
                    tr.update(feats, g, 1.0);
                    tr.update(feats, guess, -1.0);
                }
                guess
            });
        }
        after_epoch(epoch, &Model::from_float(&tr.averaged(prune)));
    }
    tr.averaged(prune)
}

/// The first pass's tags of a prepared document (before the trimming of [`tag_with`]).
pub(super) fn first_pass(model: &Model, toks: &[Tok], text: &str) -> Vec<u8> {
    let mut sums = Sums { model, sum: [0; NT] };
    decode(toks, text, &mut sums, |_, _| {}, |_, sums, prev| sums.best_after(prev))
}

/// The tags of a prepared document by a model that also reads the second pass's features,
/// each pass on its own (what [`super::stacked::Stacked::tag`] computes in one).
#[cfg(test)]
pub(super) fn second_pass(model: &Model, toks: &[Tok], text: &str, extra: &[super::stacked::Extra]) -> Vec<u8> {
    let mut sums = Sums { model, sum: [0; NT] };
    let more = |i: usize, sums: &mut Sums<'_>| {
        for &f in extra.get(i).into_iter().flatten() {
            if f != 0 {
                sums.push(f);
            }
        }
    };
    decode(toks, text, &mut sums, more, |_, sums, prev| sums.best_after(prev))
}

/// Weights as `i16` with one scale for all.
fn quantise(entries: &[(u32, [f32; NT])]) -> (Vec<(u32, [i16; NT])>, f32) {
    let max = entries.iter().flat_map(|(_, w)| w.iter()).fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
    let q = entries
        .iter()
        .map(|(k, w)| {
            let mut out = [0i16; NT];
            for (o, x) in out.iter_mut().zip(w) {
                *o = (x / scale).round() as i16;
            }
            (*k, out)
        })
        .collect();
    (q, scale)
}

pub(super) fn to_bytes(entries: &[(u32, [f32; NT])]) -> Vec<u8> {
    let (q, scale) = quantise(entries);
    let mut out = Vec::with_capacity(16 + q.len() * (4 + 2 * NT));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(q.len() as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for (k, w) in &q {
        out.extend_from_slice(&k.to_le_bytes());
        for x in w {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str, syntax: bool) -> Analysis {
        let mut a = Analysis { text: text.to_string(), ..Analysis::default() };
        crate::text::run(&mut a);
        if syntax {
            crate::syntax::run(&mut a);
        }
        a
    }

    fn index_of(a: &Analysis, word: &str, nth: usize) -> usize {
        (0..a.tokens.len()).filter(|&i| &a.text[a.tokens[i].start..a.tokens[i].end] == word).nth(nth).expect(word)
    }

    #[test]
    fn contexts_come_from_the_other_occurrences_of_the_word() {
        let a = parsed("Brenvik voted on Monday. The mayor of Brenvik resigned. Officials in Brenvik said so.", true);
        let toks = prepare(&a, &line_kinds(&a));
        let [first, second, third] = [0, 1, 2].map(|n| index_of(&a, "Brenvik", n));
        // The first occurrence sees the words before the second and third, not its own
        // sentence start.
        assert_eq!(toks[first].agg[0], toks[second - 1].lw);
        assert_eq!(toks[first].agg[2], toks[third - 1].lw);
        // The second sees the first (at a sentence start) and the third.
        assert_eq!(toks[second].agg[0], BOUNDARY.lw);
        assert_eq!(toks[second].agg[2], toks[third - 1].lw);
        assert_ne!(toks[second].agg[1], 0, "the relation and head of the other occurrence");
        // A word that occurs once, or is not capitalised, has no other contexts.
        assert_eq!(toks[index_of(&a, "Officials", 0)].agg, [0; 4]);
        assert_eq!(toks[index_of(&a, "mayor", 0)].agg, [0; 4]);
    }

    #[test]
    fn the_parse_is_read_when_there_is_one_and_tagging_works_without() {
        let text = "Chancellor Angela Merkel visited Siemens in Munich on Monday.";
        let with = parsed(text, true);
        let toks = prepare(&with, &line_kinds(&with));
        let merkel = index_of(&with, "Merkel", 0);
        assert_ne!(toks[merkel].upos, 0);
        assert_ne!(toks[merkel].head, 0);
        let without = parsed(text, false);
        let bare = prepare(&without, &line_kinds(&without));
        assert!(bare.iter().all(|t| t.upos == 0 && t.head == 0));
        // Without the parse its features are absent, and the tagger still finds the person.
        let people: Vec<Span> = tag(&without).into_iter().filter(|s| s.class == 0).collect();
        assert!(people.iter().any(|s| s.tokens.contains(&merkel)), "{people:?}");
    }

    #[test]
    fn known_keys_are_distinct() {
        let phrases = known_phrases();
        let keys: std::collections::HashSet<u64> = phrases.keys().map(|p| PhraseHash::of(p)).collect();
        assert_eq!(keys.len(), phrases.len(), "two gazetteer phrases share a PhraseHash");
        assert_eq!(KNOWN.len(), phrases.len());
        assert!(phrases.len() > 10_000, "the gazetteer is loaded");
    }

    #[test]
    fn a_phrase_hashed_word_by_word_is_the_phrase_hashed_whole() {
        let streamed = PhraseHash::EMPTY.lowercase("New").bytes([b' ']).lowercase("YORK").key();
        assert_eq!(streamed, PhraseHash::of("new york"));
        assert_ne!(streamed, PhraseHash::of("newyork"));
        // Non-ASCII words lowercase character by character, as the phrases were.
        assert_eq!(
            PhraseHash::EMPTY.lowercase("SÃO").bytes([b' ']).lowercase("Paulo").key(),
            PhraseHash::of("são paulo")
        );
        assert_eq!(
            PhraseHash::EMPTY.lowercase("ΟΔΥΣΣΕΥΣ").key(),
            PhraseHash::of(&"ΟΔΥΣΣΕΥΣ".chars().flat_map(char::to_lowercase).collect::<String>())
        );
    }
}
