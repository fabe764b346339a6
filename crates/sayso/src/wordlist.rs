//! Closed word lists (auxiliaries, prepositions, planning verbs …) that stages test tokens
//! against many times per sentence: written as plain arrays, looked up through a hash set
//! built on first use, so a test costs one hash rather than a scan of the list.

use foldhash::HashSet;
use std::sync::OnceLock;

/// A fixed list of lowercase words with a constant-time `contains`.
pub(crate) struct WordList {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
}

impl WordList {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        WordList { words, set: OnceLock::new() }
    }

    /// True when `word` is in the list (exactly: callers pass lowercase words).
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::WordList;

    #[test]
    fn contains_exactly_the_listed_words() {
        static LIST: WordList = WordList::new(&["of", "in", "about"]);
        assert!(LIST.contains("of") && LIST.contains("about"));
        assert!(!LIST.contains("Of") && !LIST.contains("abou") && !LIST.contains(""));
    }
}
