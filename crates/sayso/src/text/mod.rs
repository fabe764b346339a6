//! Stage 2, text: reads the article text; adds paragraphs, sentences, tokens (with byte
//! offsets) and quotations, the quotation marks paired also across paragraphs (a quote that
//! runs on into the next paragraph, which reopens it with a new opening mark).
//!
//! Everything here is one left-to-right pass over the characters plus passes over the
//! tokens: linear in the text, no regular expressions.

use crate::analysis::Analysis;
use foldhash::{HashSet, HashSetExt};
use std::ops::Range;
use std::sync::LazyLock;

/// What kind of token a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens, apostrophes or abbreviation periods.
    Word,
    /// Starts with a digit: `2017`, `1,000`, `7:15`, `12/17/2017`, `1990s`.
    Number,
    /// A quotation mark (or a pair such as ``` `` ``` / `''`).
    Quote(QuoteMark),
    /// Any other punctuation or symbol, one character (or `...`, `--`).
    Punct,
    /// A URL (`https://...`, `www....`).
    Url,
    /// A social-media handle (`@PressSec`).
    Handle,
    /// A hashtag (`#tbt`).
    Hashtag,
    /// An e-mail address.
    Email,
}

/// A quotation mark and what it can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QuoteMark {
    /// Double (`“ ” " `` ''`, guillemets) or single (`‘ ’ '`).
    pub double: bool,
    /// Whether the mark's shape or position says it opens or closes.
    pub direction: QuoteDirection,
}

/// Which way a quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteDirection {
    /// Can only open (`“`, ``` `` ```, `‘`, `«`).
    Open,
    /// Can only close (`”`, `’`, `»`).
    Close,
    /// Straight marks (`"`), decided by their neighbours.
    Either,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// What kind of token.
    pub kind: TokenKind,
    /// Index of the token's sentence.
    pub sentence: usize,
    /// True when whitespace (or the start of the text) precedes the token.
    pub space_before: bool,
    /// True when the token is the first of its line.
    pub line_start: bool,
}

impl Token {
    /// The token's byte range.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range from its first to its last token.
    pub span: Range<usize>,
    /// Its tokens (indices into [`Analysis::tokens`]).
    pub tokens: Range<usize>,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// A quotation: an opening mark, its closing mark, and the quoted text between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quote never closes.
    pub close: Option<usize>,
    /// The quoted text, one range per paragraph it runs through, without the marks.
    pub spans: Vec<Range<usize>>,
    /// Double or single marks.
    pub double: bool,
    /// Index of the enclosing quotation, for a quote inside a quote.
    pub parent: Option<usize>,
}

impl Quotation {
    /// Byte range from the first quoted character to the last.
    #[must_use]
    pub fn inner(&self) -> Range<usize> {
        let first = self.spans.first().map_or(0, |r| r.start);
        let last = self.spans.last().map_or(first, |r| r.end);
        first..last
    }
}

struct Abbreviations {
    title: HashSet<&'static str>,
    any: HashSet<&'static str>,
}

static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| {
    let mut title = HashSet::new();
    let mut any = HashSet::new();
    let mut section = "";
    for line in include_str!("abbreviations.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            section = line;
            continue;
        }
        if section == "[title]" {
            title.insert(line)
        } else {
            any.insert(line)
        };
    }
    Abbreviations { title, any }
});

/// Runs the stage: fills `paragraphs`, `sentences`, `tokens` and `quotes`.
pub fn run(a: &mut Analysis) {
    a.tokens = tokenize(&a.text);
    lowercase(a);
    let hard_breaks = paragraphs(a);
    sentences(a, &hard_breaks);
    quotations(a);
}

/// Fills the analysis's lowercase forms of its tokens.
fn lowercase(a: &mut Analysis) {
    let mut lower = String::with_capacity(a.text.len());
    let mut ends = Vec::with_capacity(a.tokens.len());
    for t in &a.tokens {
        let w = &a.text[t.start..t.end];
        if w.is_ascii() {
            let from = lower.len();
            lower.push_str(w);
            lower[from..].make_ascii_lowercase();
        } else {
            // `str::to_lowercase`, not char by char: a final capital sigma lowercases to 'ς'.
            lower.push_str(&w.to_lowercase());
        }
        ends.push(lower.len());
    }
    a.lowercase = lower;
    a.lowercase_ends = ends;
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || c == '\u{200d}'
        || matches!(c as u32, 0xFE00..=0xFE0F)
}

/// Clitics split off a word after an apostrophe (`Clinton|'s`, `they|'re`).
fn is_clitic(s: &str) -> bool {
    ["s", "re", "ve", "ll", "d", "m"].iter().any(|c| s.eq_ignore_ascii_case(c))
}

/// Splits the text into tokens. Whitespace separates tokens and is never part of one.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut space_before = true;
    let mut line_start = true;
    let char_at = |i: usize| text[i..].chars().next();
    let prev_char = |i: usize| text[..i].chars().next_back();
    while i < text.len() {
        let Some(c) = char_at(i) else { break };
        if is_space(c) {
            space_before = true;
            if c == '\n' {
                line_start = true;
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let (end, kind) = scan_token(text, bytes, i, c, prev_char(i));
        let (end, kind) = if end <= start { (start + c.len_utf8(), TokenKind::Punct) } else { (end, kind) };
        // A word followed by a clitic: emit the stem and the clitic as two tokens.
        // (Only words with an apostrophe can have one: most words are skipped with a byte scan.)
        if kind == TokenKind::Word && memchr::memchr2(b'\'', APOSTROPHE_LEAD, &bytes[start..end]).is_some() {
            if let Some(split) = clitic_split(&text[start..end]) {
                tokens.push(Token { start, end: start + split, kind, sentence: 0, space_before, line_start });
                tokens.push(Token {
                    start: start + split,
                    end,
                    kind,
                    sentence: 0,
                    space_before: false,
                    line_start: false,
                });
                i = end;
                space_before = false;
                line_start = false;
                continue;
            }
        }
        tokens.push(Token { start, end, kind, sentence: 0, space_before, line_start });
        i = end;
        space_before = false;
        line_start = false;
    }
    tokens
}

/// The first byte of `’` in UTF-8 (also of other characters: only a pre-filter).
const APOSTROPHE_LEAD: u8 = 0xE2;

/// Where a word splits before its clitic (`don't` → `do|n't`, `Trump's` → `Trump|'s`).
fn clitic_split(word: &str) -> Option<usize> {
    let apos = word.rfind(['\'', '’'])?;
    let after = &word[apos + word[apos..].chars().next()?.len_utf8()..];
    if after.eq_ignore_ascii_case("t") && word[..apos].ends_with(['n', 'N']) && apos > 1 {
        return Some(apos - 1);
    }
    (apos > 0 && is_clitic(after)).then_some(apos)
}

fn scan_token(text: &str, bytes: &[u8], i: usize, c: char, prev: Option<char>) -> (usize, TokenKind) {
    // Most tokens are plain words: none of the checks below can apply to an ASCII letter or
    // digit, except the URL check for `h` and `w`.
    if c.is_ascii_alphanumeric() && !matches!(c, 'h' | 'H' | 'w' | 'W') {
        return scan_word_or_email(text, bytes, i, c);
    }
    let rest = &text[i..];
    // URLs
    if (c == 'h' || c == 'H' || c == 'w' || c == 'W') && starts_url(rest) {
        return (i + url_len(rest), TokenKind::Url);
    }
    // Handles and hashtags
    if (c == '@' || c == '#') && !prev.is_some_and(is_word_char) {
        let n = rest[1..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
        let first_ok = rest[1..].chars().next().is_some_and(|d| d.is_alphanumeric() || d == '_');
        if n > 0 && first_ok {
            let kind = if c == '@' { TokenKind::Handle } else { TokenKind::Hashtag };
            return (i + 1 + n, kind);
        }
    }
    // Quotation marks
    if let Some((len, mark)) = quote_mark(rest, prev) {
        return (i + len, TokenKind::Quote(mark));
    }
    if c.is_alphanumeric() {
        return scan_word_or_email(text, bytes, i, c);
    }
    // Emoticons, written after a word or alone (`great:)`, `:-(`).
    if matches!(c, ':' | ';') {
        for e in [":-)", ":-(", ";-)", ":)", ":(", ";)"] {
            if rest.starts_with(e) && !rest[e.len()..].starts_with(char::is_alphanumeric) {
                return (i + e.len(), TokenKind::Punct);
            }
        }
    }
    // Runs of punctuation are one token: sentence marks (`...`, `!!`, `?!`), dashes and
    // rules (`--`, `=====`, `***`), and the spaced ellipsis.
    if rest.starts_with(". . .") {
        return (i + 5, TokenKind::Punct);
    }
    let run = |set: &[u8]| rest.bytes().take_while(|b| set.contains(b)).count();
    let n = match c {
        '.' | '!' | '?' => run(b".!?"),
        '=' | '-' | '*' | '_' | '~' | '+' | '<' | '>' | '^' => run(b"=-*_~+<>^"),
        '$' => run(b"$"),
        _ => 1,
    };
    if n >= 2 {
        return (i + n, TokenKind::Punct);
    }
    (i + c.len_utf8(), TokenKind::Punct)
}

/// A word, or an e-mail address starting with it (`jane.doe@example.com`).
fn scan_word_or_email(text: &str, bytes: &[u8], i: usize, c: char) -> (usize, TokenKind) {
    let (end, kind) = scan_word(text, bytes, i, c);
    // Only a word followed by a character of an address's local part can start one.
    if matches!(bytes.get(end), Some(b'@' | b'.' | b'_' | b'-' | b'+' | b'%')) {
        if let Some(e) = email_end(bytes, i) {
            return (e, TokenKind::Email);
        }
    }
    (end, kind)
}

/// The end of an e-mail address starting at `i`: a local part, `@`, and a domain of at
/// least two labels.
fn email_end(bytes: &[u8], i: usize) -> Option<usize> {
    let local = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+' | b'%');
    let at = i + bytes[i..].iter().take_while(|b| local(b)).count();
    if at == i || bytes.get(at) != Some(&b'@') {
        return None;
    }
    let label = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
    let mut end = at + 1;
    let mut labels = 0;
    loop {
        let n = bytes[end..].iter().take_while(|b| label(b)).count();
        if n == 0 {
            break;
        }
        end += n;
        labels += 1;
        // Another label only after a dot followed by a label character.
        if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(label) {
            end += 1;
        } else {
            break;
        }
    }
    (labels >= 2).then_some(end)
}

fn starts_url(rest: &str) -> bool {
    // Called for every word starting with h or w: compare in place, without allocating.
    let starts = |prefix: &str| rest.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    starts("http://") || starts("https://") || (starts("www.") && rest[4..].starts_with(|c: char| c.is_alphanumeric()))
}

fn url_len(rest: &str) -> usize {
    let mut end = rest.find(|c: char| is_space(c) || matches!(c, '“' | '”' | '"' | '<' | '>')).unwrap_or(rest.len());
    // Sentence punctuation and closing brackets after a URL are not part of it, unless the
    // URL opened the bracket itself.
    while end > 0 {
        let last = rest[..end].chars().next_back().unwrap_or(' ');
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' => true,
            ')' => rest[..end].matches('(').count() < rest[..end].matches(')').count(),
            ']' => rest[..end].matches('[').count() < rest[..end].matches(']').count(),
            _ => false,
        };
        if !strip {
            break;
        }
        end -= last.len_utf8();
    }
    end.max(1)
}

fn quote_mark(rest: &str, prev: Option<char>) -> Option<(usize, QuoteMark)> {
    use QuoteDirection::{Close, Either, Open};
    let mark = |len, double, direction| Some((len, QuoteMark { double, direction }));
    if rest.starts_with("``") {
        return mark(2, true, Open);
    }
    // Some archives (NYT via LDC) write both marks as `''`; after ``` `` ``` it still closes.
    if rest.starts_with("''") {
        return mark(2, true, Either);
    }
    let c = rest.chars().next()?;
    match c {
        '“' | '„' | '«' => mark(c.len_utf8(), true, Open),
        '”' | '»' => mark(c.len_utf8(), true, Close),
        '"' => mark(1, true, Either),
        '‘' | '`' => mark(c.len_utf8(), false, Open),
        '’' | '\'' => {
            // An apostrophe after a letter ("leaders'") or before a year ("'90s") is not a
            // quotation mark unless the pairing pass says so; mark it as a possible close.
            let next = rest[c.len_utf8()..].chars().next();
            let prev_word = prev.is_some_and(is_word_char);
            let next_word = next.is_some_and(is_word_char);
            if !prev_word && next_word {
                mark(c.len_utf8(), false, if c == '\'' { Either } else { Open })
            } else {
                mark(c.len_utf8(), false, Close)
            }
        }
        _ => None,
    }
}

fn scan_word(text: &str, bytes: &[u8], start: usize, first: char) -> (usize, TokenKind) {
    let kind = if first.is_ascii_digit() || first.is_numeric() { TokenKind::Number } else { TokenKind::Word };
    let mut i = start + first.len_utf8();
    loop {
        // ASCII letters and digits a byte at a time: most of any word.
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        let Some(c) = text[i..].chars().next() else { break };
        if is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let next = text[i + c.len_utf8()..].chars().next();
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        match c {
            // Inner hyphen, slash, ampersand between alphanumerics: "state-designated", "AT&T".
            '-' | '‐' | '&' if next_alnum && i > start => i += c.len_utf8(),
            '/' if next_alnum && kind == TokenKind::Number => i += 1,
            // Digit groups and clock times: "1,000", "3.5", "7:15".
            ',' | '.' | ':'
                if kind == TokenKind::Number
                    && next.is_some_and(|d| d.is_ascii_digit())
                    && bytes[i - 1].is_ascii_digit() =>
            {
                i += 1;
            }
            // Apostrophes inside a word: "don't", "O'Brien", "Trump's".
            '\'' | '’' if next.is_some_and(char::is_alphabetic) => i += c.len_utf8(),
            // Abbreviation periods: "U.S.", "p.m.", "D.C." — a period between single letters.
            // Domain and file names: "Amazon.com", "report.pdf".
            '.' if kind == TokenKind::Word
                && next.is_some_and(|d| d.is_ascii_lowercase())
                && bytes[i - 1].is_ascii_alphanumeric() =>
            {
                i += 1;
            }
            '.' if kind == TokenKind::Word => {
                let word = &text[start..i];
                let last_seg = word.rsplit('.').next().unwrap_or(word);
                if last_seg.chars().count() == 1
                    && next.is_some_and(char::is_alphabetic)
                    && next_is_single_letter(text, i + 1)
                {
                    i += 1;
                    continue;
                }
                // Keep the final period of "U.S." and of known abbreviations and initials.
                let with_period = &text[start..=i];
                let abbr = &*ABBREVIATIONS;
                let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                // An ellipsis after an abbreviation ("No...") is an ellipsis.
                let ellipsis = text[i..].starts_with("...");
                if !ellipsis
                    && (word.contains('.')
                        || abbr.title.contains(with_period)
                        || abbr.any.contains(with_period)
                        || is_initial)
                {
                    i += 1;
                }
                break;
            }
            _ => break,
        }
    }
    (i, kind)
}

/// True when the letter at `i` is a single letter followed by a period ("U.S." after "U.").
fn next_is_single_letter(text: &str, i: usize) -> bool {
    let mut it = text[i..].chars();
    let Some(c) = it.next() else { return false };
    c.is_alphabetic() && it.next() == Some('.')
}

/// Splits paragraphs and returns, per token, whether it starts after a hard line break (a
/// flag per token: the sentence splitter asks for every token).
fn paragraphs(a: &mut Analysis) -> Vec<bool> {
    let text = &a.text;
    let mut hard = vec![false; a.tokens.len()];
    let mut paras = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut para_end = 0;
    for (ti, t) in a.tokens.iter().enumerate() {
        let Some(ps) = para_start else {
            para_start = Some(t.start);
            para_end = t.end;
            continue;
        };
        if t.line_start {
            let gap = &text[para_end..t.start];
            let blank = gap.matches('\n').count() >= 2;
            let prev_last = text[..para_end].chars().next_back().unwrap_or('.');
            let soft_wrap = !blank
                && !matches!(prev_last, '.' | '!' | '?' | ':' | '"' | '”' | '\'' | '’' | ')')
                && text[t.start..].starts_with(|c: char| c.is_lowercase());
            if !soft_wrap {
                hard[ti] = true;
                paras.push(ps..para_end);
                para_start = Some(t.start);
            }
        }
        para_end = t.end;
    }
    if let Some(ps) = para_start {
        paras.push(ps..para_end);
    }
    a.paragraphs = paras;
    hard
}

fn sentences(a: &mut Analysis, hard_breaks: &[bool]) {
    let hard = |i: usize| hard_breaks.get(i).copied().unwrap_or(false);
    let n = a.tokens.len();
    let mut sents = Vec::new();
    let mut start_tok = 0;
    let mut paragraph = 0;
    let mut i = 0;
    while i < n {
        let mut end_here = false;
        let mut last = i;
        if is_terminal(a, i) {
            // Closing quotes and brackets after the full stop belong to the sentence.
            while last + 1 < n && !hard(last + 1) && closes_after_terminal(a, last + 1) {
                last += 1;
            }
            end_here =
                last + 1 >= n || hard(last + 1) || starts_sentence(a, i, last + 1) || i - start_tok >= LONG_SENTENCE;
        }
        // No real sentence runs this long: text without full stops (a list, a table, junk)
        // is cut, so that no later stage does sentence-wide work over a whole article.
        if !end_here && i - start_tok >= MAX_SENTENCE {
            end_here = true;
            last = i;
        }
        if !end_here && (i + 1 >= n || hard(i + 1)) {
            end_here = true;
            last = i;
        }
        if end_here {
            sents.push(Sentence {
                span: a.tokens[start_tok].start..a.tokens[last].end,
                tokens: start_tok..last + 1,
                paragraph,
            });
            if last + 1 < n && hard(last + 1) {
                paragraph += 1;
            }
            start_tok = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    for (si, s) in sents.iter().enumerate() {
        for t in &mut a.tokens[s.tokens.clone()] {
            t.sentence = si;
        }
    }
    a.sentences = sents;
}

/// Tokens after which any full stop ends the sentence, whatever follows it.
const LONG_SENTENCE: usize = 120;
/// Tokens after which a sentence ends even without a full stop.
const MAX_SENTENCE: usize = 400;

fn is_terminal(a: &Analysis, i: usize) -> bool {
    let t = &a.tokens[i];
    let s = &a.text[t.start..t.end];
    match t.kind {
        TokenKind::Punct => s == "…" || s == ". . ." || s.bytes().all(|b| matches!(b, b'.' | b'!' | b'?')),
        // "U.S." or "Inc." at the end of a sentence carries the full stop.
        // Initials after a title are a name's: "Rep. G.K. Butterfield".
        TokenKind::Word => {
            // The cheap test first: most words have no final period.
            if !s.ends_with('.') {
                return false;
            }
            let name_initials = i > 0 && is_initials(s) && ABBREVIATIONS.title.contains(a.token_text(i - 1));
            !ABBREVIATIONS.title.contains(s) && !is_initial(s) && !name_initials
        }
        _ => false,
    }
}

/// "G.K.", "U.S.": single capitals each followed by a full stop.
fn is_initials(s: &str) -> bool {
    s.len() >= 4 && s.split_terminator('.').all(|seg| seg.len() == 1 && seg.chars().all(char::is_uppercase))
}

fn is_initial(s: &str) -> bool {
    let mut c = s.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

fn closes_after_terminal(a: &Analysis, i: usize) -> bool {
    let t = &a.tokens[i];
    match t.kind {
        TokenKind::Quote(m) => {
            m.direction != QuoteDirection::Open && !(m.direction == QuoteDirection::Either && t.space_before)
        }
        TokenKind::Punct => matches!(&a.text[t.start..t.end], ")" | "]" | "}"),
        _ => false,
    }
}

/// Whether token `next` starts a new sentence after the terminal token `term`.
fn starts_sentence(a: &Analysis, term: usize, next: usize) -> bool {
    let t = &a.tokens[next];
    if !t.space_before {
        return false;
    }
    let s = &a.text[t.start..t.end];
    let first = s.chars().next().unwrap_or(' ');
    let opens = matches!(t.kind, TokenKind::Quote(m) if m.direction != QuoteDirection::Close)
        || matches!(s, "(" | "[" | "—" | "-");
    let capital = first.is_uppercase() || first.is_ascii_digit() || opens || t.kind == TokenKind::Handle;
    if !capital {
        return false;
    }
    let term_text = &a.text[a.tokens[term].start..a.tokens[term].end];
    if a.tokens[term].kind == TokenKind::Word && ABBREVIATIONS.any.contains(term_text) {
        // "U.S. officials" goes on; "in the U.S. The next day" ends.
        return SENTENCE_STARTERS.contains(s) || opens;
    }
    true
}

static SENTENCE_STARTERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "So",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Their",
        "His",
        "Her",
        "Its",
        "Our",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "As",
        "For",
        "With",
        "Some",
        "Many",
        "Most",
        "No",
        "Not",
        "One",
        "Two",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Yet",
        "Still",
        "However",
        "Meanwhile",
        "Also",
        "Last",
        "Next",
        "Now",
        "Then",
        "What",
        "Who",
        "Why",
        "How",
        "Where",
        "Under",
        "Since",
        "Although",
        "Though",
        "Because",
    ]
    .into_iter()
    .collect()
});

/// Pairs quotation marks. Double marks pair within a paragraph; a paragraph that ends inside
/// a quote continues it when the next paragraph opens with a quotation mark (the news
/// convention for quotes over several paragraphs). Single marks pair only inside a double
/// quote or within one sentence.
fn quotations(a: &mut Analysis) {
    let mut quotes: Vec<Quotation> = Vec::new();
    // The open double quote (index into `quotes`), and where its current paragraph span began.
    let mut open_double: Option<(usize, usize)> = None;
    let mut open_single: Option<(usize, usize)> = None;
    let n_tokens = a.tokens.len();
    let sentence_para = |a: &Analysis, ti: usize| a.sentences.get(a.tokens[ti].sentence).map_or(0, |s| s.paragraph);
    let mut current_para = 0;
    let mut unclosed_warnings = Vec::new();
    for ti in 0..n_tokens {
        let para = sentence_para(a, ti);
        if para != current_para {
            // Paragraph boundary: an open single quote dies here.
            if let Some((qi, _)) = open_single.take() {
                quotes[qi].close = None;
                quotes[qi].spans.clear();
            }
            if let Some((qi, span_start)) = open_double {
                let prev_end = a.paragraphs[current_para].end;
                let next_opens = matches!(a.tokens[ti].kind, TokenKind::Quote(m) if m.double && m.direction != QuoteDirection::Close);
                if span_start < prev_end {
                    quotes[qi].spans.push(span_start..prev_end);
                }
                if next_opens {
                    // Continuation: the reopening mark is not a new quote.
                    open_double = Some((qi, a.tokens[ti].end));
                    current_para = para;
                    continue;
                }
                unclosed_warnings.push(qi);
                open_double = None;
            }
            current_para = para;
        }
        let TokenKind::Quote(mark) = a.tokens[ti].kind else {
            continue;
        };
        let tok = a.tokens[ti];
        let next_space = a.tokens.get(ti + 1).is_none_or(|n| n.space_before || n.sentence != tok.sentence);
        if mark.double {
            let opening = match (mark.direction, open_double) {
                (QuoteDirection::Open, _) => true,
                (QuoteDirection::Close, _) => false,
                (QuoteDirection::Either, Some(_)) => false,
                (QuoteDirection::Either, None) => tok.space_before || !next_space,
            };
            if opening {
                if let Some((qi, span_start)) = open_double.take() {
                    // A new opening mark while a quote is open: the earlier one never closed.
                    if span_start < tok.start {
                        quotes[qi].spans.push(span_start..trim_end(&a.text, tok.start));
                    }
                    unclosed_warnings.push(qi);
                }
                open_single = None;
                quotes.push(Quotation { open: ti, close: None, spans: Vec::new(), double: true, parent: None });
                open_double = Some((quotes.len() - 1, tok.end));
            } else if let Some((qi, span_start)) = open_double.take() {
                if let Some((si, _)) = open_single.take() {
                    // The inner single quote never closed before the outer one did.
                    quotes[si].spans.clear();
                }
                if span_start < tok.start {
                    quotes[qi].spans.push(span_start..tok.start);
                }
                quotes[qi].close = Some(ti);
            }
        } else {
            let can_open = mark.direction == QuoteDirection::Open
                || (mark.direction == QuoteDirection::Either && tok.space_before && !next_space);
            let can_close = mark.direction != QuoteDirection::Open && (next_space || is_closing_context(a, ti));
            if let Some((qi, span_start)) = open_single {
                let same_sentence_or_nested =
                    open_double.is_some() || a.tokens[quotes[qi].open].sentence == tok.sentence;
                if can_close && same_sentence_or_nested && span_start < tok.start {
                    quotes[qi].spans.push(span_start..tok.start);
                    quotes[qi].close = Some(ti);
                    open_single = None;
                    continue;
                }
            }
            if can_open && open_single.is_none() && tok.space_before {
                let parent = open_double.map(|(qi, _)| qi);
                quotes.push(Quotation { open: ti, close: None, spans: Vec::new(), double: false, parent });
                open_single = Some((quotes.len() - 1, tok.end));
            }
        }
    }
    if let Some((qi, span_start)) = open_double {
        let end = a.paragraphs.get(current_para).map_or(a.text.len(), |p| p.end);
        if span_start < end {
            quotes[qi].spans.push(span_start..end);
        }
        unclosed_warnings.push(qi);
    }
    // Single quotes that never closed are apostrophes after all.
    let mut keep = vec![true; quotes.len()];
    for (qi, q) in quotes.iter().enumerate() {
        if !q.double && q.close.is_none() {
            keep[qi] = false;
        }
    }
    for qi in unclosed_warnings {
        let q = &quotes[qi];
        if q.spans.is_empty() {
            keep[qi] = false;
            continue;
        }
        let open = a.tokens[q.open].range();
        a.warn(
            "unclosed_quote",
            "a quotation mark opens a quote that is never closed; it is taken to run to the end of its paragraph",
            Some(open),
        );
    }
    // Renumber, keeping parents pointing at the right quote.
    let mut new_index = vec![usize::MAX; quotes.len()];
    let mut out = Vec::with_capacity(quotes.len());
    for (qi, mut q) in quotes.into_iter().enumerate() {
        if keep[qi] && !q.spans.is_empty() {
            q.parent = q.parent.and_then(|p| (new_index[p] != usize::MAX).then_some(new_index[p]));
            new_index[qi] = out.len();
            out.push(q);
        }
    }
    a.quotes = out;
}

fn trim_end(text: &str, mut end: usize) -> usize {
    while let Some(c) = text[..end].chars().next_back() {
        if !is_space(c) {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

/// A closing single mark followed by punctuation ("‘great’," or "‘great’.").
fn is_closing_context(a: &Analysis, ti: usize) -> bool {
    a.tokens.get(ti + 1).is_some_and(|n| n.kind == TokenKind::Punct || matches!(n.kind, TokenKind::Quote(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(text: &str) -> Analysis {
        let mut a = Analysis { text: text.to_string(), ..Analysis::default() };
        run(&mut a);
        a
    }

    fn token_texts(a: &Analysis) -> Vec<&str> {
        (0..a.tokens.len()).map(|i| a.token_text(i)).collect()
    }

    #[test]
    fn tokens_split_clitics_and_keep_abbreviations() {
        let a = analyse("Trump's aides don't visit the U.S. at 7:15 p.m. on 12/17/2017, Mr. Smith said.");
        assert_eq!(
            token_texts(&a),
            [
                "Trump",
                "'s",
                "aides",
                "do",
                "n't",
                "visit",
                "the",
                "U.S.",
                "at",
                "7:15",
                "p.m.",
                "on",
                "12/17/2017",
                ",",
                "Mr.",
                "Smith",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn urls_handles_and_hashtags_are_single_tokens() {
        let a = analyse("Can confirm @POTUS spoke. https://t.co/EzRhqM52d8 #news (see www.example.com/a).");
        let kinds: Vec<_> = a.tokens.iter().map(|t| t.kind).collect();
        let texts = token_texts(&a);
        let at = |s: &str| kinds[texts.iter().position(|t| *t == s).unwrap()];
        assert_eq!(at("@POTUS"), TokenKind::Handle);
        assert_eq!(at("https://t.co/EzRhqM52d8"), TokenKind::Url);
        assert_eq!(at("#news"), TokenKind::Hashtag);
        assert_eq!(at("www.example.com/a"), TokenKind::Url);
    }

    #[test]
    fn addresses_names_of_sites_and_runs_of_marks_are_single_tokens() {
        let a = analyse(
            "Write to jane.doe@example.co.uk or see Amazon.com and report.pdf!! Really?! Great:) -- ====\nNo...",
        );
        assert_eq!(
            token_texts(&a),
            [
                "Write",
                "to",
                "jane.doe@example.co.uk",
                "or",
                "see",
                "Amazon.com",
                "and",
                "report.pdf",
                "!!",
                "Really",
                "?!",
                "Great",
                ":)",
                "--",
                "====",
                "No",
                "..."
            ]
        );
        assert_eq!(a.tokens[2].kind, TokenKind::Email);
        // Runs of sentence marks end sentences like one mark does.
        let s: Vec<&str> = a.sentences.iter().map(|s| a.slice(&s.span)).collect();
        assert_eq!(s[0], "Write to jane.doe@example.co.uk or see Amazon.com and report.pdf!!");
        assert_eq!(s[1], "Really?!");
        // Not addresses: a handle, an `@` between spaces, a dot before a capital.
        let b = analyse("Ask @PressSec at 5 @ home. It ended.Then");
        assert_eq!(token_texts(&b), ["Ask", "@PressSec", "at", "5", "@", "home", ".", "It", "ended", ".", "Then"]);
    }

    #[test]
    fn runaway_sentences_are_cut() {
        let no_stops = "word ".repeat(1000);
        let a = analyse(&no_stops);
        assert!(a.sentences.iter().all(|s| s.tokens.len() <= MAX_SENTENCE + 1), "{}", a.sentences.len());
        assert_eq!(a.sentences.len(), 1000usize.div_ceil(MAX_SENTENCE + 1));
        let lowercase_after_stops = "he said. ".repeat(200);
        let a = analyse(&lowercase_after_stops);
        assert!(a.sentences.len() > 3 && a.sentences.iter().all(|s| s.tokens.len() <= LONG_SENTENCE + 3));
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let a = analyse("Mr. Smith went to Washington. He said: “It is done.” Then U.S. officials left. The end.");
        let s: Vec<&str> = a.sentences.iter().map(|s| a.slice(&s.span)).collect();
        assert_eq!(
            s,
            ["Mr. Smith went to Washington.", "He said: “It is done.”", "Then U.S. officials left.", "The end."]
        );
    }

    #[test]
    fn lines_are_paragraphs_but_wrapped_lines_are_not() {
        let a = analyse("Headline here\nFirst line of the\nparagraph goes on.\n\nSecond paragraph.");
        assert_eq!(a.paragraphs.len(), 3);
        assert_eq!(a.slice(&a.paragraphs[1]), "First line of the\nparagraph goes on.");
    }

    #[test]
    fn quotes_pair_and_continue_across_paragraphs() {
        let text =
            "“First part of the quote.\n“Second part,” he said.\nShe said ``yes'' and \"no\" and ‘maybe’ it's fine.";
        let a = analyse(text);
        let quoted: Vec<Vec<&str>> = a.quotes.iter().map(|q| q.spans.iter().map(|r| a.slice(r)).collect()).collect();
        assert_eq!(
            quoted,
            vec![vec!["First part of the quote.", "Second part,"], vec!["yes"], vec!["no"], vec!["maybe"]]
        );
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end_of_its_paragraph_with_a_warning() {
        let a = analyse("He said “this never closes.\nNext paragraph.");
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.slice(&a.quotes[0].spans[0]), "this never closes.");
        assert_eq!(a.warnings[0].code, "unclosed_quote");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let a = analyse("The leaders' meeting in the '90s was Clinton’s idea.");
        assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    }
}
