//! The tagger's lexicons, built once: the gazetteer's and alias list's phrases
//! (`gazetteer.tsv`, `aliases.tsv`) keyed by a streamed phrase hash, and the word-class,
//! distributional-cluster and noun-supersense lexicons (`wordclass.tsv`, `clusters.tsv`,
//! `supersenses.tsv`) keyed by the tagger's lowercase hash. Reads the embedded files; adds what a word or phrase is known as.

use crate::entities::{ALIASES, GAZETTEER, clusters};
use crate::fnv;
use crate::learn::{fin, lower_hash};
use crate::schema::EntityType;
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

/// What the gazetteer and alias list know of a lowercase word or word sequence.
#[derive(Clone, Copy, Default)]
pub(super) struct Known {
    /// The class of the phrase it is, if it is one (`class_byte`).
    pub(super) phrase: Option<u8>,
    /// Whether a longer phrase starts with it.
    pub(super) prefix: bool,
    /// Word bits (single words only): a first name, a surname, part of an organisation, a
    /// country or city, a nationality, or a location in PETRARCH2's dictionaries.
    pub(super) words: u16,
}

/// A 64-bit hash of a lowercase phrase, fed a byte at a time (FNV-1a), so that a phrase one
/// word longer costs only the new word's bytes.
#[derive(Clone, Copy)]
pub(super) struct PhraseHash(u64);

impl PhraseHash {
    pub(super) const EMPTY: PhraseHash = PhraseHash(fnv::START);

    pub(super) fn bytes(self, bytes: impl IntoIterator<Item = u8>) -> Self {
        PhraseHash(fnv::extend(self.0, bytes))
    }

    /// The phrase followed by the lowercase of `w`, character by character as the gazetteer's
    /// phrases were lowercased.
    pub(super) fn lowercase(self, w: &str) -> Self {
        if w.is_ascii() {
            self.bytes(w.bytes().map(|b| b.to_ascii_lowercase()))
        } else {
            let mut utf8 = [0u8; 4];
            w.chars().flat_map(char::to_lowercase).fold(self, |h, c| h.bytes(c.encode_utf8(&mut utf8).bytes()))
        }
    }

    /// The hash of the phrase so far, as the key of [`KNOWN`].
    pub(super) fn key(self) -> u64 {
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
pub(super) static KNOWN: LazyLock<HashMap<u64, Known>> =
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
pub(super) struct Lex {
    pub(super) wc: u8,
    pub(super) cluster: clusters::Node,
    /// Its WordNet supersense as a noun (`supersenses.tsv`, [`SUPERSENSES`] + 1), 0 when none.
    pub(super) ss: u8,
}

/// Noun supersenses of `supersenses.tsv` (WordNet's lexicographer files), in the order of
/// their codes (1-based).
pub(super) const SUPERSENSES: [&str; 10] =
    ["person", "group", "location", "artifact", "act", "communication", "event", "object", "time", "cognition"];

/// Both lexicons in one map keyed by the tagger's lowercase hash, so that a token costs one
/// look-up and no lowercase copy.
pub(super) static LEXICON: LazyLock<HashMap<u32, Lex>> = LazyLock::new(|| {
    let mut map: HashMap<u32, Lex> = HashMap::with_capacity(32_768);
    for (w, c) in
        include_str!("../wordclass.tsv").lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t'))
    {
        if let Some(code) = WORD_CLASSES.iter().position(|k| *k == c) {
            map.entry(lower_hash(2, w).done()).or_default().wc = code as u8 + 1;
        }
    }
    for (w, sense) in
        include_str!("../supersenses.tsv").lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t'))
    {
        if let Some(code) = SUPERSENSES.iter().position(|k| *k == sense) {
            map.entry(lower_hash(2, w).done()).or_default().ss = code as u8 + 1;
        }
    }
    for (w, path) in
        include_str!("../clusters.tsv").lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t'))
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

/// The WordNet supersense of a lowercase noun ("person" for "waitress"), if it has one.
#[must_use]
pub fn word_supersense(lower: &str) -> Option<&'static str> {
    let code = LEXICON.get(&lower_hash(2, lower).done())?.ss;
    SUPERSENSES.get(usize::from(code).checked_sub(1)?).copied()
}

/// The distributional cluster of a lowercase word (digits folded), if it has one.
#[must_use]
pub fn word_cluster(lower: &str) -> Option<clusters::Node> {
    Some(LEXICON.get(&lower_hash(2, lower).done())?.cluster).filter(|&n| n != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_have_their_first_senses_supersense() {
        assert_eq!(word_supersense("waitress"), Some("person"));
        assert_eq!(word_supersense("orchestra"), Some("group"));
        assert_eq!(word_supersense("quickly"), None);
        // The other lexicons of the same words are kept.
        assert_eq!(word_class("orchestra"), Some("NOUN"));
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
