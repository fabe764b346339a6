//! The claims stage's word lists, read once from the data files beside this module:
//! `cues.tsv` (the cue lexicon: reporting verbs, nouns and prepositions with their class)
//! and `words.txt` (closed word classes used to find source phrases and clause edges).

use crate::schema::CueClass;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

/// What part of speech a cue entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// A reporting verb ("said", "pointed out").
    Verb,
    /// A reporting noun ("statement", "report").
    Noun,
    /// A prepositional cue ("according to").
    Prep,
}

/// One lexicon entry: a lemma with its class and flags.
#[derive(Debug, Clone)]
pub(super) struct CueEntry {
    pub part: Part,
    pub lemma: &'static str,
    pub class: CueClass,
    /// Takes a hearer before the content ("told reporters that").
    pub addressee: bool,
    /// Base and -s forms are also nouns.
    pub noun_homograph: bool,
    /// A cue only with a clause or quotation as content.
    pub weak: bool,
    /// A cue only with a document as subject.
    pub document_subject: bool,
    /// A cue only when its object is a speech-act noun ("extended his thanks").
    pub speech_act: bool,
    /// (Nouns) names a document or utterance.
    pub document: bool,
    /// A cue only when its object is named as something: a quotation or "a/an ..." follows
    /// the object ("called Trump a liar", "called them “deplorables”"), so that a phone
    /// call ("Putin called Trump") is not a claim.
    pub naming: bool,
}

/// A match of the lexicon at a token: which entry, and how many tokens the form covers.
#[cfg(test)]
#[derive(Debug, Clone, Copy)]
pub(super) struct CueMatch {
    pub entry: usize,
    pub len: usize,
    /// True when the matched form is the lemma itself or its -s form (for noun homographs).
    pub base_or_s: bool,
}

/// One form: all its words, its entry, and whether it is the base or -s form.
pub(super) type Form = (Vec<&'static str>, usize, bool);

/// Forms starting with one word, longest first.
type Forms = Vec<Form>;

pub(super) struct Lexicon {
    pub entries: Vec<CueEntry>,
    /// First word of a form → (all words of the form, entry, base-or-s form), longest
    /// forms first.
    forms: HashMap<&'static str, Forms>,
    /// A one-hash Bloom filter of the keys of `forms`: most words start no form, and this
    /// says so for most of them without hashing the whole word into the map.
    first_words: Box<[u64; FILTER_WORDS]>,
}

/// The filter's size in 64-bit words (8192 bits for some 570 first words: about one in
/// fifteen other words gets through to the map).
const FILTER_WORDS: usize = 128;

/// A word's bit in the filter, from its length and first, second and last bytes.
fn filter_bit(w: &str) -> usize {
    let b = w.as_bytes();
    let first = u32::from(b.first().copied().unwrap_or(0));
    let second = u32::from(b.get(1).copied().unwrap_or(0));
    let last = u32::from(b.last().copied().unwrap_or(0));
    let len = u32::from(u8::try_from(b.len()).unwrap_or(u8::MAX));
    let h = (first | second << 8 | last << 16 | len << 24).wrapping_mul(0x9E37_79B1);
    // The top bits of the product mix all four bytes.
    (h >> (32 - 13)) as usize
}

impl Lexicon {
    /// The forms whose first word is `first`, longest first (none for most words): the
    /// stage walks these itself, one map probe per token and nothing allocated.
    pub fn forms_from(&self, first: &str) -> &[Form] {
        let bit = filter_bit(first);
        if self.first_words[bit / 64] & (1 << (bit % 64)) == 0 {
            return &[];
        }
        self.forms.get(first).map_or(&[], Vec::as_slice)
    }

    /// Every entry whose form starts at `words[0]`, longest forms first.
    #[cfg(test)]
    pub fn lookup(&self, words: &[&str]) -> Vec<CueMatch> {
        let Some(first) = words.first() else { return Vec::new() };
        self.forms_from(first)
            .iter()
            .filter(|(form, _, _)| form.len() <= words.len() && form.iter().zip(words).all(|(f, w)| f == w))
            .map(|(form, entry, base)| CueMatch { entry: *entry, len: form.len(), base_or_s: *base })
            .collect()
    }
}

fn parse_class(s: &str) -> CueClass {
    match s {
        "report" => CueClass::Report,
        "confirm" => CueClass::Confirm,
        "deny" => CueClass::Deny,
        "claim" => CueClass::Claim,
        "believe" => CueClass::Believe,
        "announce" => CueClass::Announce,
        "warn" => CueClass::Warn,
        "ask" => CueClass::Ask,
        "promise" => CueClass::Promise,
        "post" => CueClass::Post,
        _ => CueClass::Assert,
    }
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut entries = Vec::new();
    let mut forms: HashMap<&'static str, Forms> = HashMap::new();
    for line in include_str!("cues.tsv").lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        let (Some(part), Some(lemma), Some(class), Some(form_list)) =
            (cols.first(), cols.get(1), cols.get(2), cols.get(3))
        else {
            continue;
        };
        let flags: HashSet<&str> = cols.get(4).map(|f| f.split(',').map(str::trim).collect()).unwrap_or_default();
        let part = match *part {
            "noun" => Part::Noun,
            "prep" => Part::Prep,
            _ => Part::Verb,
        };
        let index = entries.len();
        entries.push(CueEntry {
            part,
            lemma,
            class: parse_class(class),
            addressee: flags.contains("addressee"),
            noun_homograph: flags.contains("noun"),
            weak: flags.contains("weak"),
            document_subject: flags.contains("docsubj"),
            speech_act: flags.contains("speechact"),
            document: flags.contains("document"),
            naming: flags.contains("naming"),
        });
        let lemma_s = format!("{lemma}s");
        for form in form_list.split(',') {
            let words: Vec<&'static str> = form.split(' ').filter(|w| !w.is_empty()).collect();
            let Some(first) = words.first().copied() else { continue };
            let base = form == *lemma || form == lemma_s || form == format!("{lemma}es");
            forms.entry(first).or_default().push((words, index, base));
        }
    }
    // Longest first; a stable sort, so forms of one length keep the order of the file.
    for list in forms.values_mut() {
        list.sort_by_key(|(words, _, _)| std::cmp::Reverse(words.len()));
    }
    let mut first_words = Box::new([0u64; FILTER_WORDS]);
    for w in forms.keys() {
        let bit = filter_bit(w);
        first_words[bit / 64] |= 1 << (bit % 64);
    }
    Lexicon { entries, forms, first_words }
});

/// The closed word classes of `words.txt`.
pub(super) struct Words {
    pub aux: HashSet<&'static str>,
    pub pronoun: HashSet<&'static str>,
    pub object: HashSet<&'static str>,
    pub determiner: HashSet<&'static str>,
    pub preposition: HashSet<&'static str>,
    pub conjunction: HashSet<&'static str>,
    pub relative: HashSet<&'static str>,
    pub time: HashSet<&'static str>,
    pub medium: HashSet<&'static str>,
    pub anonymous: HashSet<&'static str>,
    pub document: HashSet<&'static str>,
    pub speech_act: HashSet<&'static str>,
}

pub(super) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut sections: HashMap<&str, HashSet<&'static str>> = HashMap::new();
    let mut current = "";
    for line in include_str!("words.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            continue;
        }
        sections.entry(current).or_default().insert(line);
    }
    let mut take = |name: &str| sections.remove(name).unwrap_or_default();
    Words {
        aux: take("aux"),
        pronoun: take("pronoun"),
        object: take("object"),
        determiner: take("determiner"),
        preposition: take("preposition"),
        conjunction: take("conjunction"),
        relative: take("relative"),
        time: take("time"),
        medium: take("medium"),
        anonymous: take("anonymous"),
        document: take("document"),
        speech_act: take("speechact"),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_reads_forms_classes_and_flags() {
        let said = LEXICON.lookup(&["said"]);
        assert_eq!(said.len(), 1);
        let e = &LEXICON.entries[said[0].entry];
        assert_eq!((e.lemma, e.class, e.part), ("say", CueClass::Assert, Part::Verb));
        let acc = LEXICON.lookup(&["according", "to", "the"]);
        assert_eq!(acc[0].len, 2);
        assert_eq!(LEXICON.entries[acc[0].entry].part, Part::Prep);
        let told = &LEXICON.entries[LEXICON.lookup(&["told"])[0].entry];
        assert!(told.addressee);
        let claims = LEXICON.lookup(&["claims"]);
        assert!(claims.iter().any(|m| m.base_or_s && LEXICON.entries[m.entry].noun_homograph));
        assert!(WORDS.aux.contains("has") && WORDS.document.contains("statement"));
    }

    /// Each word's forms come longest first, so that the first form that fits is the longest.
    #[test]
    fn forms_come_longest_first() {
        let mut longer = 0;
        for list in LEXICON.forms.values() {
            assert!(list.windows(2).all(|w| w[0].0.len() >= w[1].0.len()), "{:?}", list[0].0);
            longer += usize::from(list.iter().any(|f| f.0.len() > 1) && list.iter().any(|f| f.0.len() == 1));
        }
        // Words that start both a one-word and a longer form ("pointed", "pointed out").
        assert!(longer > 0);
        let acc = LEXICON.lookup(&["according", "to"]);
        assert!(!acc.is_empty() && acc.windows(2).all(|w| w[0].len >= w[1].len));
    }

    /// The filter lets every first word through, and stops most other words.
    #[test]
    fn the_first_word_filter_passes_every_form() {
        for (w, list) in &LEXICON.forms {
            assert_eq!(LEXICON.forms_from(w).len(), list.len(), "{w}");
        }
        let others = ["the", "of", "and", "in", "a", "for", "on", "with", "was", "is", "it", "by", "at", "he"];
        let stopped = others.iter().filter(|w| {
            let bit = filter_bit(w);
            LEXICON.first_words[bit / 64] & (1 << (bit % 64)) == 0
        });
        assert!(stopped.count() * 2 > others.len());
    }
}
