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

/// A word of a pattern, or a synonym set (`&CURRENCY`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Atom {
    Word(&'static str),
    Set(&'static str),
}

/// A verb pattern: elements before the verb, after it, and the code it gives.
#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub before: Vec<Elem>,
    pub after: Vec<Elem>,
    pub code: &'static str,
    /// How specific the pattern is: the number of words it names.
    pub weight: usize,
    /// The words it cannot match without, as bits of a [`WordFilter`].
    pub needs: WordFilter,
    /// For each synonym set it cannot match without: the first words of the set's phrases,
    /// one of which must occur.
    pub needs_one_of: Vec<WordFilter>,
}

/// A 256-bit set of word hashes: which words (with the plural/singular variants that
/// `word_matches` accepts) occur around a verb. A pattern whose needed words are not all in
/// the set cannot match, so it is skipped without walking its elements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct WordFilter([u64; 4]);

impl WordFilter {
    fn bit(parts: &[&str]) -> (usize, u64) {
        // FNV-1a over the parts as one string, so "tie" + "s" hashes as "ties".
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for part in parts {
            for &b in part.as_bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        let bit = (h >> 56) as usize;
        (bit / 64, 1 << (bit % 64))
    }

    fn add(&mut self, parts: &[&str]) {
        let (i, m) = Self::bit(parts);
        self.0[i] |= m;
    }

    /// Adds a pattern word as it is.
    pub fn add_token_exact(&mut self, word: &str) {
        self.add(&[word]);
    }

    /// Adds a text token under every form a pattern word could match it by.
    pub fn add_token(&mut self, token: &str) {
        self.add(&[token]);
        self.add(&[token, "s"]);
        if let Some(t) = token.strip_suffix('s') {
            self.add(&[t]);
        }
        if let Some(t) = token.strip_suffix("es") {
            self.add(&[t]);
        }
        if let Some(t) = token.strip_suffix("ies") {
            self.add(&[t, "y"]);
        }
    }

    /// True when some word of `self` is in `present`.
    pub fn meets(&self, present: &WordFilter) -> bool {
        self.0.iter().zip(present.0.iter()).any(|(a, b)| a & b != 0)
    }

    /// True when every word `self` needs is in `present`.
    pub fn within(&self, present: &WordFilter) -> bool {
        self.0.iter().zip(present.0.iter()).all(|(need, have)| need & !have == 0)
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
    /// sayso's own patterns, by block, tried before PETRARCH's.
    pub own: HashMap<usize, Vec<Pattern>>,
    /// Synonym sets: name → phrases (as word lists).
    pub sets: HashMap<&'static str, Vec<Vec<&'static str>>>,
    /// Agent phrases by their last word (the phrase's words, all of them).
    pub agents: HashMap<&'static str, Vec<Vec<&'static str>>>,
    /// Event nouns (one or two words) and their codes.
    pub nouns: HashMap<&'static str, &'static str>,
    /// Code names.
    pub code_names: HashMap<&'static str, &'static str>,
}

fn atoms(text: &'static str) -> Vec<Atom> {
    text.split(['_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| if w.starts_with('&') { Atom::Set(w) } else { Atom::Word(w) })
        .collect()
}

/// Parses one side of a pattern: `word`, `a_b`, `&SET`, `{a b}`, `(prep x)`, `$`, `+`, `%`, `^`.
pub(super) fn parse_elems(text: &'static str) -> Vec<Elem> {
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
                out.push(Elem::Phrase(atoms(inner)));
            } else {
                let (prep, obj) = inner.split_once(' ').unwrap_or((inner, ""));
                let obj = obj.trim_matches(['{', '}', ' ']);
                out.push(Elem::Prep(prep, atoms(obj)));
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
            _ => Elem::Words(atoms(word)),
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
fn needs(elems: &[Elem], sets: &Sets, filter: &mut WordFilter, one_of: &mut Vec<WordFilter>) {
    let mut atom = |a: &Atom, filter: &mut WordFilter| match a {
        Atom::Word(w) => filter.add_token_exact(w),
        Atom::Set(name) => {
            let mut firsts = WordFilter::default();
            for phrase in sets.get(name).into_iter().flatten() {
                if let Some(first) = phrase.first() {
                    firsts.add(&[first]);
                }
            }
            one_of.push(firsts);
        }
    };
    for e in elems {
        match e {
            Elem::Words(atoms) => atoms.iter().for_each(|a| atom(a, filter)),
            Elem::Phrase(atoms) => atoms.last().into_iter().for_each(|a| atom(a, filter)),
            Elem::Prep(prep, _) => filter.add(&[prep]),
            _ => {}
        }
    }
}

type Sets = HashMap<&'static str, Vec<Vec<&'static str>>>;

fn pattern(before: &'static str, after: &'static str, code: &'static str, sets: &Sets) -> Pattern {
    let (before, after) = (parse_elems(before), parse_elems(after));
    let weight = weight(&before) + weight(&after);
    let (mut filter, mut one_of) = (WordFilter::default(), Vec::new());
    needs(&before, sets, &mut filter, &mut one_of);
    needs(&after, sets, &mut filter, &mut one_of);
    Pattern { before, after, code, weight, needs: filter, needs_one_of: one_of }
}

fn data_lines(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|l| l.split('\t').collect())
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lx = Lexicon {
        forms: HashMap::new(),
        multi: HashMap::new(),
        patterns: Vec::new(),
        own: HashMap::new(),
        sets: HashMap::new(),
        agents: HashMap::new(),
        nouns: HashMap::new(),
        code_names: HashMap::new(),
    };
    for cols in data_lines(include_str!("cameo_verbs.tsv")) {
        match cols.as_slice() {
            ["S", name, phrases] => {
                lx.sets.insert(name, phrases.split('|').map(|p| p.split(' ').collect()).collect());
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
                lx.patterns[block].push(pattern(before, after, code, &lx.sets));
            }
            _ => {}
        }
    }
    for list in lx.patterns.iter_mut() {
        // Most specific first; the sort is stable, so the dictionary's order breaks ties.
        list.sort_by_key(|p| std::cmp::Reverse(p.weight));
    }
    for list in lx.multi.values_mut() {
        list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }
    for cols in data_lines(include_str!("patterns_sayso.tsv")) {
        if let [verbs, before, after, code] = cols.as_slice() {
            for verb in verbs.split(' ') {
                if let Some(f) = lx.forms.get(verb) {
                    lx.own.entry(f.block).or_default().push(pattern(before, after, code, &lx.sets));
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
            lx.nouns.insert(noun, code);
        }
    }
    for cols in data_lines(include_str!("cameo_codes.tsv")) {
        if let [code, name] = cols.as_slice() {
            lx.code_names.insert(code, name);
        }
    }
    lx
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_elements_parse() {
        assert_eq!(
            parse_elems("{financial aid} (for &CURRENCY) $ in_the"),
            vec![
                Elem::Phrase(vec![Atom::Word("financial"), Atom::Word("aid")]),
                Elem::Prep("for", vec![Atom::Set("&CURRENCY")]),
                Elem::Source,
                Elem::Words(vec![Atom::Word("in"), Atom::Word("the")]),
            ]
        );
        assert_eq!(parse_elems("(upon)"), vec![Elem::Prep("upon", vec![])]);
    }

    #[test]
    fn the_dictionary_loads() {
        let lx = &*LEXICON;
        assert_eq!(lx.forms.get("arrested").map(|f| f.code), Some("173"));
        assert!(lx.multi.get("cordoned").is_some_and(|l| l.iter().any(|(r, _)| r == &["off"])));
        assert!(lx.sets.get("&INFORMATION").is_some_and(|s| s.contains(&vec!["intelligence"])));
        assert!(lx.agents.contains_key("police"));
        let call = lx.forms["call"].block;
        assert!(lx.patterns[call].iter().any(|p| p.code == "020"));
    }
}
