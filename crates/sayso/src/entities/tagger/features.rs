//! The tagger's features: reads the analysis (tokens, sentences, the syntax stage's parse),
//! the line kinds of [`super::lines`] and the lexicons of [`super::lexicon`]; adds, per token,
//! what is worked out once ([`Tok`]: hashes, flags, gazetteer matches, word class, cluster,
//! WordNet supersense, parse, the contexts of the word's other occurrences, the nouns that
//! describe the word anywhere in the document), and from it the static features and, given
//! the tags before it, the tag-dependent ones a token is scored with.

use super::decode::Sink;
use super::lexicon::{KNOWN, LEXICON, PhraseHash};
use super::lines::{LINE_CAPS, LINE_TABLE, line_kinds};
use super::{CLASSES, class_of};
use crate::analysis::Analysis;
use crate::entities::clusters;
use crate::entities::rules::TYPE_NOUN;
use crate::learn::{affix_hashes, f1, f2, f3, lower_hash, word_hashes};
use crate::syntax::{Deprel, Upos};
use crate::text::TokenKind;
use foldhash::{HashMap, HashMapExt};

// Flags of a token.
pub(in crate::entities) const CAP: u8 = 1;
pub(in crate::entities) const CAPS_LINE: u8 = 2;
pub(super) const SENT_START: u8 = 4;
const CAP_ELSEWHERE: u8 = 8;
const LOWER_ELSEWHERE: u8 = 16;
const WORD: u8 = 32;
pub(super) const HAS_UPPER: u8 = 64;
const TABLE: u8 = 128;

/// What is worked out once per token.
#[derive(Clone, Copy, Default)]
pub(in crate::entities) struct Tok {
    word: u32,
    pub(in crate::entities) lw: u32,
    shape: u32,
    pub(in crate::entities) short: u32,
    /// Byte range of the token, for its affixes (hashed only for tokens that are scored).
    start: usize,
    end: usize,
    pub(in crate::entities) flags: u8,
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
    /// Descriptor evidence over the document: the classes ([`TYPE_NOUNS`] bits) of the common
    /// nouns that describe the word at any of its body mentions ("Bilka is a *chain*",
    /// "Cowley, a *centre*,", "the *band* Queen"), so that one description types every mention.
    desc: u8,
    /// The hashed lemma of the first of those nouns (any common noun, in or out of the list).
    desc_lemma: u32,
    /// The WordNet supersense of that first noun ("waitress": person), 0 when none.
    desc_ss: u8,
    /// The word's own WordNet supersense as a noun (capitalised words only), 0 when none.
    ss: u8,
    /// For a word in a run of two or more capitalised words, the supersense of the run's last
    /// word ("Montreal Hockey *Club*": group), which the greedy tagger has not reached when it
    /// types the first; 0 when none.
    run_ss: u8,
    line_first: bool,
    pub(in crate::entities) sentence: usize,
    /// The word's number among the document's distinct words (by lowercase hash), so that
    /// what is kept per word (document flags, other contexts, tag history) is a vector
    /// indexed by it rather than a hash map looked up again at every occurrence.
    id: u32,
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
    desc: 0,
    desc_lemma: 0,
    desc_ss: 0,
    ss: 0,
    run_ss: 0,
    line_first: false,
    sentence: usize::MAX,
    id: 0,
};

/// The per-token features of a whole document.
pub(super) fn prepare(a: &Analysis, lines: &[u8]) -> Vec<Tok> {
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
        if first_upper {
            tok.ss = lex.ss;
        }
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
    let words = number_words(&mut toks);
    aggregate_contexts(&mut toks, words);
    aggregate_descriptors(a, &mut toks, words);
    run_heads(&mut toks);
    // Document-level: the same word capitalised (not opening a sentence, not in a headline)
    // or lowercase elsewhere.
    let mut seen = vec![0u8; words];
    for (i, tok) in toks.iter().enumerate() {
        if tok.flags & WORD == 0 || tok.flags & CAPS_LINE != 0 {
            continue;
        }
        let w = &a.text[a.tokens[i].start..a.tokens[i].end];
        if tok.flags & CAP == 0 {
            seen[tok.id as usize] |= LOWER_ELSEWHERE;
        } else if tok.flags & SENT_START == 0 && w.chars().skip(1).any(char::is_lowercase) {
            seen[tok.id as usize] |= CAP_ELSEWHERE;
        }
    }
    for tok in &mut toks {
        tok.flags |= seen[tok.id as usize];
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
fn aggregate_contexts(toks: &mut [Tok], words: usize) {
    let body = |t: &Tok| t.flags & CAP != 0 && t.flags & CAPS_LINE == 0;
    // The first three body occurrences of each capitalised word.
    let mut first = vec![[usize::MAX; 3]; words];
    for (i, t) in toks.iter().enumerate() {
        if body(t) {
            let e = &mut first[t.id as usize];
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
        let occ = &first[toks[i].id as usize];
        let mut agg = [0u32; 4];
        for (k, &j) in occ.iter().filter(|&&j| j != i && j != usize::MAX).take(2).enumerate() {
            agg[2 * k..2 * k + 2].copy_from_slice(&context(toks, j));
        }
        toks[i].agg = agg;
    }
}

/// Determiners and possessives before "the *band* Queen", "their *daughter* Gloria".
const DESCRIPTOR_DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our", "my", "your"];

/// The common noun that describes capitalised token `i` where it stands, if any: by the parse,
/// the predicate noun of a copula it is the subject of ("Bilka is a Danish *chain*"), a noun in
/// apposition to it ("Cowley, a *centre*,") or that it is in apposition to ("my *daughter*,
/// Gloria"), read at the first word of a flat name ("Andy" of "Andy Warhol"); by the surface,
/// a listed type noun after a determiner right before its run of capitalised words ("the
/// *river* Thames", which the parser often misreads).
fn descriptor<'a>(a: &'a Analysis, toks: &[Tok], i: usize) -> Option<&'a str> {
    let syn = &a.syntax;
    let noun =
        |w: usize| (syn.upos(w) == Upos::Noun && syn.lemma(w).chars().all(|c| !c.is_uppercase())).then(|| syn.lemma(w));
    if let Some(mut w) = syn.word_of_token(i) {
        // Up a flat name to its first word, which carries the name's relations.
        for _ in 0..4 {
            match syn.head(w) {
                Some(h) if syn.deprel(w) == Deprel::Flat => w = h,
                _ => break,
            }
        }
        let found = match (syn.deprel(w).base(), syn.head(w)) {
            (Deprel::Nsubj, Some(h)) if syn.child(h, Deprel::Cop).is_some() => noun(h),
            (Deprel::Appos, Some(h)) => noun(h),
            _ => None,
        }
        .or_else(|| syn.children_with(w, Deprel::Appos).find_map(noun));
        if found.is_some() {
            return found;
        }
    }
    // The run of capitalised words the token is in, and the listed noun before it.
    let mut s = i;
    while s > 0 && toks[s - 1].flags & CAP != 0 && toks[s - 1].sentence == toks[i].sentence {
        s -= 1;
    }
    let (n, d) = (s.checked_sub(1)?, s.checked_sub(2)?);
    let same = toks[d].sentence == toks[i].sentence;
    (same && TYPE_NOUN.contains_key(a.lower(n)) && DESCRIPTOR_DETERMINERS.contains(&a.lower(d))).then(|| a.lower(n))
}

/// Fills [`Tok::desc`] and [`Tok::desc_lemma`]: what describes each capitalised word at any of
/// its body mentions, given to all its mentions.
fn aggregate_descriptors(a: &Analysis, toks: &mut [Tok], words: usize) {
    let mut found = vec![(0u8, 0u32, 0u8); words];
    for i in 0..toks.len() {
        let t = &toks[i];
        if t.flags & CAP == 0 || t.flags & CAPS_LINE != 0 {
            continue;
        }
        let Some(lemma) = descriptor(a, toks, i) else { continue };
        let e = &mut found[t.id as usize];
        if let Some(&c) = TYPE_NOUN.get(lemma) {
            e.0 |= 1 << c;
        }
        if e.1 == 0 {
            e.1 = lower_hash(5, lemma).done();
            e.2 = LEXICON.get(&lower_hash(2, lemma).done()).map_or(0, |l| l.ss);
        }
    }
    for t in toks.iter_mut().filter(|t| t.flags & CAP != 0) {
        (t.desc, t.desc_lemma, t.desc_ss) = found[t.id as usize];
    }
}

/// Fills [`Tok::run_ss`]: the supersense of the last word of each run of two or more
/// capitalised words in a sentence, on every word of the run.
fn run_heads(toks: &mut [Tok]) {
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        while j < toks.len() && toks[j].flags & CAP != 0 && toks[j].sentence == toks[i].sentence {
            j += 1;
        }
        if j > i + 1 {
            let ss = toks[j - 1].ss;
            for t in &mut toks[i..j] {
                t.run_ss = ss;
            }
        }
        i = j.max(i + 1);
    }
}

/// The static (tag-independent) features of token `i`, appended to `out`.
pub(super) fn static_features(toks: &[Tok], text: &str, i: usize, out: &mut impl Sink) {
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
    if t.desc != 0 {
        out.push(f1(87, u32::from(t.desc)));
        out.push(f2(88, u32::from(t.desc), t.short));
    }
    if t.desc_lemma != 0 {
        out.push(f1(89, t.desc_lemma));
    }
    // WordNet supersenses: of the word, of the head of its run of capitalised words, of the
    // noun that describes it somewhere in the document.
    if t.ss != 0 {
        out.push(f2(76, u32::from(t.ss), u32::from(flags)));
    }
    if t.run_ss != 0 {
        out.push(f2(77, u32::from(t.run_ss), u32::from(p1.flags & CAP)));
    }
    if t.desc_ss != 0 {
        out.push(f1(78, u32::from(t.desc_ss)));
    }
}

/// Numbers the document's distinct words ([`Tok::id`]); returns how many there are.
fn number_words(toks: &mut [Tok]) -> usize {
    let mut ids: HashMap<u32, u32> = HashMap::with_capacity(toks.len() / 2);
    for t in toks.iter_mut() {
        let next = ids.len() as u32;
        t.id = *ids.entry(t.lw).or_insert(next);
    }
    ids.len()
}

/// Counts of the tags each word got earlier in the document: O and each class, by
/// [`Tok::id`]; all zero for a word not tagged yet.
pub(super) struct History(Vec<[u16; 1 + CLASSES.len()]>);

impl History {
    /// An empty history for a prepared document's words.
    pub(super) fn of(toks: &[Tok]) -> Self {
        History(vec![[0; 1 + CLASSES.len()]; toks.iter().map(|t| t.id as usize + 1).max().unwrap_or(0)])
    }

    /// The counts of the token's word, if it was tagged before.
    fn get(&self, t: &Tok) -> Option<&[u16; 1 + CLASSES.len()]> {
        self.0.get(t.id as usize).filter(|h| h.iter().any(|&c| c > 0))
    }
}

/// The tag-dependent features of token `i`, appended to `out`.
pub(super) fn dynamic_features(toks: &[Tok], i: usize, prev: u8, prev2: u8, history: &History, out: &mut impl Sink) {
    let t = &toks[i];
    let p = u32::from(prev);
    out.push(f1(60, p));
    out.push(f2(61, u32::from(prev2), p));
    out.push(f2(62, p, t.lw));
    out.push(f2(63, p, t.short));
    if let Some(h) = history.get(t) {
        let best = (0..h.len()).max_by_key(|&k| (h[k], std::cmp::Reverse(k))).unwrap_or(0);
        out.push(f1(64, best as u32));
        out.push(f2(65, best as u32, t.short));
        if let Some(e) = (1..h.len()).filter(|&k| h[k] > 0).max_by_key(|&k| (h[k], std::cmp::Reverse(k))) {
            out.push(f2(66, e as u32, p));
        }
    }
}

pub(super) fn remember(history: &mut History, tok: &Tok, tag: u8) {
    if tok.flags & CAP != 0 {
        if let Some(e) = history.0.get_mut(tok.id as usize) {
            let k = class_of(tag).map_or(0, |c| c + 1);
            e[k] = e[k].saturating_add(1);
        }
    }
}

/// The per-token features of a document.
pub(in crate::entities) fn prepare_doc(a: &Analysis) -> Vec<Tok> {
    prepare(a, &line_kinds(a))
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::SUPERSENSES as SUPERSENSE_CODES;
    use super::*;
    use crate::entities::tagger::{Span, tag};

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
    fn a_description_at_one_mention_reaches_every_mention_of_the_word() {
        let a = parsed(
            "Trevane is a Danish company. Its chief left Trevane in May. Mara Quist, a painter, lives there. \
             Quist sailed on the river Tolvey. The Tolvey floods.",
            true,
        );
        let toks = prepare(&a, &line_kinds(&a));
        let bits = |c: usize| 1u8 << c;
        // A copula's predicate noun, given to the word's other mention too.
        for n in 0..2 {
            assert_eq!(toks[index_of(&a, "Trevane", n)].desc, bits(1), "Trevane {n}");
        }
        assert_ne!(toks[index_of(&a, "Trevane", 1)].desc_lemma, 0);
        // A noun in apposition, read at the first word of the flat name and given to both
        // words (and to the surname's later mention).
        for w in ["Mara", "Quist"] {
            assert_eq!(toks[index_of(&a, w, 0)].desc, bits(0), "{w}");
        }
        assert_eq!(toks[index_of(&a, "Quist", 1)].desc, bits(0));
        // A listed noun after a determiner right before the name.
        assert_eq!(toks[index_of(&a, "Tolvey", 1)].desc, bits(2));
        // Lowercase words and undescribed names have none.
        assert_eq!(toks[index_of(&a, "chief", 0)].desc_lemma, 0);
        assert_eq!(toks[index_of(&a, "May", 0)].desc, 0);
    }

    #[test]
    fn wordnet_supersenses_speak_for_describing_nouns_and_the_heads_of_capitalised_runs() {
        let a = parsed("Ilona, a waitress, met the Brenvik Rowing Club. Ilona left. Tolvey Hall opened.", true);
        let toks = prepare(&a, &line_kinds(&a));
        let code = |s: &str| SUPERSENSE_CODES.iter().position(|k| *k == s).map(|c| c as u8 + 1).expect(s);
        // The noun in apposition is a person in WordNet, and both mentions of the name see it.
        for n in 0..2 {
            assert_eq!(toks[index_of(&a, "Ilona", n)].desc_ss, code("person"), "Ilona {n}");
        }
        // Every word of a run of capitalised words sees the supersense of its last word.
        for w in ["Brenvik", "Rowing", "Club"] {
            assert_eq!(toks[index_of(&a, w, 0)].run_ss, code("group"), "{w}");
        }
        assert_eq!(toks[index_of(&a, "Tolvey", 0)].run_ss, code("artifact"));
        // A word alone is no run, and a lowercase noun has no supersense of its own here.
        assert_eq!(toks[index_of(&a, "Ilona", 1)].run_ss, 0);
        assert_eq!(toks[index_of(&a, "waitress", 0)].ss, 0);
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
}
