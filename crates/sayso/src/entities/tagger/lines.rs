//! What each line of an article is, for the tagger: reads the tokens, their lines and the
//! article's given title; adds a kind per token's line: in capitals or a title-case headline
//! (read as capitals), a results table, the article's headline.

use crate::analysis::Analysis;
use crate::text::TokenKind;
use std::ops::Range;

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
