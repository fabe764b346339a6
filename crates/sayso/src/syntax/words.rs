//! From the text stage's tokens to UD's syntactic words. The text stage's tokens are what
//! every other stage counts on, so they stay; the syntax layer maps each token to one or
//! more words, split where UD English splits and sayso's tokeniser does not:
//!
//! - hyphenated compounds (`state-run` → `state` `-` `run`), except after the prefixes UD
//!   keeps attached (`non-`, `e-`, `co-`, `anti-` …) and in numbers such as telephone
//!   numbers (`713-853-3989`);
//! - clitics written without an apostrophe (`cannot` → `can` `not`, `gonna` → `gon` `na`,
//!   `dont` → `do` `nt`). With an apostrophe the text stage already splits them (`do`|`n't`).
//!
//! Every word is a slice of its token, so words keep exact byte offsets.

use super::{SynSentence, Syntax, Word};
use crate::analysis::Analysis;
use crate::text::TokenKind;
use crate::wordlist::WordList;

/// Prefixes UD English writes attached to the word after the hyphen (`non-profit`).
static KEPT_PREFIXES: WordList = WordList::new(&[
    "non", "e", "mid", "anti", "re", "pro", "co", "pre", "cross", "post", "over", "multi", "ex", "sub", "semi",
    "counter", "mini", "inter", "intra", "neo", "psycho", "ultra", "micro", "macro", "bi", "quasi", "pseudo", "un",
]);

/// Clitics written without an apostrophe: the word and where it splits.
const FUSED: &[(&str, usize)] = &[
    ("cannot", 3),
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("outta", 3),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("cant", 2),
    ("wont", 2),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("isnt", 2),
    ("arent", 3),
    ("wasnt", 3),
    ("werent", 4),
    ("havent", 4),
    ("hasnt", 3),
    ("hadnt", 3),
    ("aint", 2),
    ("im", 1),
    ("ive", 1),
    ("youre", 3),
    ("theyre", 4),
    ("thats", 4),
    ("whats", 4),
    ("theres", 5),
];

/// Fills the words, the token-to-word map and one sentence per text-stage sentence.
pub(crate) fn split(a: &Analysis, syn: &mut Syntax) {
    syn.words.reserve(a.tokens.len() + a.tokens.len() / 32);
    syn.token_words.reserve(a.tokens.len() + 1);
    syn.lemmas.reserve(a.text.len());
    let mut cuts = Vec::new();
    for (si, s) in a.sentences.iter().enumerate() {
        let first = syn.words.len();
        for ti in s.tokens.clone() {
            let t = &a.tokens[ti];
            syn.token_words.push(syn.words.len() as u32);
            cuts.clear();
            split_points(&a.text[t.start..t.end], t.kind, &mut cuts);
            let mut from = t.start;
            for &c in cuts.iter().chain(std::iter::once(&(t.end - t.start))) {
                let to = t.start + c;
                if to > from {
                    syn.words.push(Word {
                        start: from,
                        end: to,
                        token: ti as u32,
                        sentence: syn.sentences.len() as u32,
                        head: super::NO_HEAD,
                        ..Word::default()
                    });
                }
                from = to;
            }
        }
        if syn.words.len() > first {
            syn.sentences.push(SynSentence { words: first..syn.words.len(), root: first, sentence: si });
        }
    }
    syn.token_words.push(syn.words.len() as u32);
}

/// The byte offsets inside a token where it splits into words, in order, into `out`.
pub(crate) fn split_points(tok: &str, kind: TokenKind, out: &mut Vec<usize>) {
    match kind {
        TokenKind::Word => {
            if (2..=8).contains(&tok.len()) {
                if let Some(&(_, at)) = FUSED.iter().find(|(w, _)| w.eq_ignore_ascii_case(tok)) {
                    out.push(at);
                    return;
                }
            }
            if tok.contains('-') {
                hyphens(tok, out);
            }
        }
        TokenKind::Number if tok.contains('-') && !is_code(tok) => hyphens(tok, out),
        _ => {}
    }
}

/// Splits before and after each inner hyphen, unless the part before the first hyphen is a
/// prefix UD keeps attached.
fn hyphens(tok: &str, out: &mut Vec<usize>) {
    let first = tok.split('-').next().unwrap_or("");
    if first.is_empty() || KEPT_PREFIXES.contains(&first.to_ascii_lowercase()) {
        return;
    }
    let b = tok.as_bytes();
    for (i, _) in tok.match_indices('-') {
        let inner = i > 0 && i + 1 < b.len() && b[i - 1] != b'-' && b[i + 1] != b'-';
        if inner {
            out.push(i);
            out.push(i + 1);
        }
    }
}

/// Telephone numbers and codes (`713-853-3989`, `345-9945`): kept whole, as UD writes them.
fn is_code(tok: &str) -> bool {
    let groups: Vec<&str> = tok.split('-').collect();
    let digits = |g: &&str| !g.is_empty() && g.bytes().all(|c| c.is_ascii_digit());
    groups.iter().all(digits)
        && (groups.len() >= 3 || (groups.len() == 2 && groups[0].len() == 3 && groups[1].len() == 4))
}
