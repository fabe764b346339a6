//! The lemmatiser: an edit script per word (keep the form's case or lowercase it, cut some
//! characters off the end, add some), chosen by the word's tag and the longest suffix of its
//! lowercase form that the treebank has a rule for, or by the word itself for the treebank's
//! exceptions (`went` → `go`, `us` → `we`, `n't` → `not`). Both are learned from the
//! treebank's lemmas ([`learn`]).

use super::model::{Model, U32Map};
use super::tagger::normal_char;
use crate::learn::H;
use std::collections::BTreeMap;

/// Longest suffix a rule looks at, in characters.
const MAX_SUFFIX: usize = 6;

/// One edit script.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Script {
    /// Keep the form's case (proper nouns, `I`) rather than lowercasing it.
    pub(crate) keep_case: bool,
    /// Characters cut off the end.
    pub(crate) cut: u8,
    /// What is added after.
    pub(crate) add: String,
}

/// The lemmatiser's data.
#[derive(Default)]
pub(crate) struct Lemmas {
    pub(crate) scripts: Vec<Script>,
    /// (tag, suffix) → script.
    pub(crate) suffixes: U32Map,
    /// (tag, whole word) → script.
    pub(crate) words: U32Map,
}

/// The normalised lowercase characters of a form, last first, into `out`.
fn reversed_lower(form: &str, out: &mut Vec<char>) {
    out.clear();
    for c in form.chars().rev() {
        if c.is_ascii() {
            out.push(normal_char(c.to_ascii_lowercase()));
        } else {
            // Reversed per character; a character whose lowercase is several (`İ`) keeps their order.
            let k = out.len();
            out.extend(c.to_lowercase().map(normal_char));
            out[k..].reverse();
        }
    }
}

fn word_key(tag: u8, rev: &[char]) -> u32 {
    rev.iter().fold(H::new(200 + u32::from(tag)), |h, c| h.ch(*c)).done()
}

/// The keys of the suffixes of one to `MAX_SUFFIX` characters; `keys[k]` is of `k + 1`.
fn suffix_keys(tag: u8, rev: &[char], keys: &mut [u32; MAX_SUFFIX]) -> usize {
    let mut h = H::new(400 + u32::from(tag));
    let n = rev.len().min(MAX_SUFFIX);
    for (k, c) in rev.iter().take(n).enumerate() {
        h = h.ch(*c);
        keys[k] = h.done();
    }
    n
}

/// The script that turns `form` into `lemma`, preferring a lowercase one.
pub(crate) fn script_of(form: &str, lemma: &str) -> Script {
    let lower: String = form.chars().flat_map(char::to_lowercase).collect();
    let make = |base: &str, keep_case: bool| {
        let common = base.chars().zip(lemma.chars()).take_while(|(a, b)| a == b).count();
        let cut = base.chars().count() - common;
        let add: String = lemma.chars().skip(common).collect();
        Script { keep_case, cut: cut.min(255) as u8, add }
    };
    let low = make(&lower, false);
    let keep = make(form, true);
    if keep.cut < low.cut || (keep.cut == low.cut && keep.add.len() < low.add.len()) { keep } else { low }
}

/// Applies a script to a form, appending the lemma to `out`.
fn apply(script: &Script, form: &str, out: &mut String) {
    let start = out.len();
    if script.keep_case {
        out.push_str(form);
    } else if form.is_ascii() {
        out.push_str(form);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(form.chars().flat_map(char::to_lowercase));
    }
    for _ in 0..script.cut {
        if out.len() <= start {
            break;
        }
        out.pop();
    }
    out.push_str(&script.add);
    if out.len() == start {
        // A script learned on another word must not leave a word without a lemma.
        out.push_str(form);
    }
}

thread_local! {
    static REV: std::cell::RefCell<Vec<char>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Appends the lemma of `form` with tag `tag` to `out`.
pub(crate) fn lemmatise(model: &Model, form: &str, tag: u8, out: &mut String) {
    let l = &model.lemmas;
    let script = REV.with_borrow_mut(|rev| {
        reversed_lower(form, rev);
        if let Some(s) = l.words.get(word_key(tag, rev)) {
            return Some(s);
        }
        let mut keys = [0u32; MAX_SUFFIX];
        let n = suffix_keys(tag, rev, &mut keys);
        keys[..n]
            .iter()
            .rev()
            .find_map(|&k| l.suffixes.get(k))
            .or_else(|| l.suffixes.get(H::new(400 + u32::from(tag)).done()))
    });
    match script.and_then(|s| l.scripts.get(s as usize)) {
        Some(s) => apply(s, form, out),
        None => out.push_str(form),
    }
}

/// Learns the lemmatiser from (form, tag, lemma) triples: for every tag and suffix the most
/// frequent script, kept where it differs from the shorter suffix's (so the longest stored
/// suffix decides); then every word whose own most frequent script the rules get wrong.
pub(crate) fn learn(examples: &[(String, u8, String)]) -> Lemmas {
    // Counts of scripts per (tag, suffix) and per (tag, word), keyed by the reversed
    // lowercase characters so that the maps iterate in a fixed order.
    type Counts = BTreeMap<Script, u32>;
    let mut by_suffix: BTreeMap<(u8, Vec<char>), Counts> = BTreeMap::new();
    let mut by_word: BTreeMap<(u8, Vec<char>), Counts> = BTreeMap::new();
    let mut rev = Vec::new();
    for (form, tag, lemma) in examples {
        let s = script_of(form, lemma);
        reversed_lower(form, &mut rev);
        for k in 0..=rev.len().min(MAX_SUFFIX) {
            *by_suffix.entry((*tag, rev[..k].to_vec())).or_default().entry(s.clone()).or_default() += 1;
        }
        *by_word.entry((*tag, rev.clone())).or_default().entry(s).or_default() += 1;
    }
    let best = |c: &Counts| c.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(s, _)| s.clone());
    let mut scripts: BTreeMap<Script, u16> = BTreeMap::new();
    let id = |s: Script, scripts: &mut BTreeMap<Script, u16>| {
        let n = scripts.len() as u16;
        *scripts.entry(s).or_insert(n)
    };
    let mut suffix_rules: BTreeMap<(u8, Vec<char>), Script> = BTreeMap::new();
    for ((tag, suf), counts) in &by_suffix {
        // A suffix seen once says little beyond its word, which the word rules cover. The
        // map's order puts every suffix after the shorter ones it extends.
        let total: u32 = counts.values().sum();
        if let Some(b) = best(counts).filter(|_| suf.is_empty() || total >= 2) {
            suffix_rules.insert((*tag, suf.clone()), b);
        }
    }
    // Keep only what changes the decision: a suffix whose nearest shorter stored suffix gives
    // the same script is dropped.
    let mut lemmas = Lemmas::default();
    let mut entries = Vec::new();
    for ((tag, suf), s) in &suffix_rules {
        let inherited = (0..suf.len()).rev().find_map(|k| suffix_rules.get(&(*tag, suf[..k].to_vec())));
        if suf.is_empty() || inherited != Some(s) {
            let mut keys = [0u32; MAX_SUFFIX];
            let key = if suf.is_empty() {
                H::new(400 + u32::from(*tag)).done()
            } else {
                suffix_keys(*tag, suf, &mut keys);
                keys[suf.len() - 1]
            };
            entries.push((key, id(s.clone(), &mut scripts)));
        }
    }
    let rule = |tag: u8, rev: &[char]| -> Option<&Script> {
        (0..=rev.len().min(MAX_SUFFIX)).rev().find_map(|k| suffix_rules.get(&(tag, rev[..k].to_vec())))
    };
    let mut word_entries = Vec::new();
    for ((tag, rev), counts) in &by_word {
        let Some(b) = best(counts) else { continue };
        if rule(*tag, rev) != Some(&b) {
            word_entries.push((word_key(*tag, rev), id(b, &mut scripts)));
        }
    }
    lemmas.suffixes = U32Map::from_entries(&entries);
    lemmas.words = U32Map::from_entries(&word_entries);
    let mut list = vec![Script { keep_case: false, cut: 0, add: String::new() }; scripts.len()];
    for (s, i) in scripts {
        list[i as usize] = s;
    }
    lemmas.scripts = list;
    lemmas
}
