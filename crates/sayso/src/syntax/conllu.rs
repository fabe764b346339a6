//! CoNLL-U, the exchange format of Universal Dependencies: the writer behind `sayso parse`,
//! and the reader the trainer uses for the treebanks.
//!
//! Written per document: `# newdoc id = …`, then per sentence `# newpar` where a paragraph
//! starts, `# sent_id = <doc>-<n>`, `# text = …`, and one line per word with the ten
//! columns `ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC` (`FEATS` and `DEPS` empty:
//! `_`), `SpaceAfter=No` in MISC where no whitespace follows, a multiword-token line
//! (`3-4 don't`) where UD writes one for a contraction, and a blank line after the sentence.

use super::{Deprel, Syntax, Upos};
use crate::analysis::Analysis;

/// Words of one token that UD writes as one multiword token, and clitics it joins to the
/// word before: the text stage splits `don't` into `do` `n't`, UD writes `don't` with two
/// words under it.
fn joins_previous(a: &Analysis, syn: &Syntax, w: usize) -> bool {
    if w == 0 {
        return false;
    }
    let (prev, cur) = (&syn.words[w - 1], &syn.words[w]);
    if prev.end != cur.start || prev.sentence != cur.sentence {
        return false;
    }
    let form = &a.text[cur.range()];
    if prev.token == cur.token {
        // Split inside a token: a fused clitic (`can|not`), not a hyphen.
        return !form.starts_with('-') && !a.text[prev.range()].ends_with('-');
    }
    // Lower-casing never makes fewer characters, and every clitic has at most three: a
    // longer form is none (most words, without lower-casing a copy of each).
    if form.chars().nth(3).is_some() {
        return false;
    }
    let lower = form.to_lowercase().replace('’', "'");
    matches!(lower.as_str(), "n't" | "'s" | "'re" | "'ve" | "'ll" | "'d" | "'m")
}

/// A field as CoNLL-U may hold it: no tabs or line breaks, never empty.
fn field(s: &str, out: &mut String) {
    if s.is_empty() {
        out.push('_');
        return;
    }
    // Most fields are ASCII without whitespace (`char::is_whitespace`'s ASCII members are
    // 9–13 and the space): copied whole.
    if s.bytes().all(|b| b < 0x80 && !matches!(b, 9..=13 | b' ')) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        out.push(if c.is_whitespace() { '_' } else { c });
    }
}

/// Writes the syntax layer of `a` as CoNLL-U, the document named `id` (`# newdoc id`; a bare
/// `# newdoc` when empty, so that concatenated documents stay apart).
pub fn write(a: &Analysis, id: &str, out: &mut String) {
    let syn = &a.syntax;
    if id.is_empty() {
        out.push_str("# newdoc\n");
    } else {
        out.push_str("# newdoc id = ");
        one_line(id, out);
        out.push('\n');
    }
    let mut last_para = usize::MAX;
    for (k, s) in syn.sentences.iter().enumerate() {
        let para = a.sentences.get(s.sentence).map_or(0, |t| t.paragraph);
        if para != last_para {
            out.push_str("# newpar\n");
            last_para = para;
        }
        out.push_str("# sent_id = ");
        if !id.is_empty() {
            one_line(id, out);
            out.push('-');
        }
        number(k + 1, out);
        out.push_str("\n# text = ");
        let (first, last) = (s.words.start, s.words.end - 1);
        one_line(&a.text[syn.words[first].start..syn.words[last].end], out);
        out.push('\n');
        let space_after = |w: usize| {
            let end = syn.words[w].end;
            match syn.words.get(w + 1) {
                Some(n) => n.start != end,
                None => end < a.text.len(),
            }
        };
        let mut w = first;
        while w <= last {
            // A multiword token: this word and the clitics that join it.
            let mut group_end = w;
            while group_end < last && joins_previous(a, syn, group_end + 1) {
                group_end += 1;
            }
            if group_end > w {
                number(w - first + 1, out);
                out.push('-');
                number(group_end - first + 1, out);
                out.push('\t');
                field(&a.text[syn.words[w].start..syn.words[group_end].end], out);
                out.push_str("\t_\t_\t_\t_\t_\t_\t_\t");
                out.push_str(if space_after(group_end) { "_" } else { "SpaceAfter=No" });
                out.push('\n');
            }
            for x in w..=group_end {
                let word = &syn.words[x];
                number(x - first + 1, out);
                out.push('\t');
                field(&a.text[word.range()], out);
                out.push('\t');
                field(syn.lemma(x), out);
                out.push('\t');
                out.push_str(word.upos.as_str());
                out.push('\t');
                out.push_str(syn.xpos(x));
                out.push_str("\t_\t");
                number(syn.head(x).map_or(0, |h| h - first + 1), out);
                out.push('\t');
                out.push_str(word.deprel.as_str());
                out.push_str("\t_\t");
                let in_group = group_end > w;
                out.push_str(if in_group || space_after(x) { "_" } else { "SpaceAfter=No" });
                out.push('\n');
            }
            w = group_end + 1;
        }
        out.push('\n');
    }
}

/// Appends `s` with line breaks and tabs as spaces (a comment is one line).
fn one_line(s: &str, out: &mut String) {
    out.extend(s.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }));
}

/// Appends a number in decimal (`itoa`: the formatting machinery of `write!` cost more than
/// the rest of a word's line).
fn number(n: usize, out: &mut String) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// A word of a treebank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldWord {
    /// The form.
    pub form: String,
    /// The lemma.
    pub lemma: String,
    /// The universal tag.
    pub upos: Upos,
    /// The Penn tag.
    pub xpos: String,
    /// The head (1-based within the sentence; 0 for the root).
    pub head: usize,
    /// The relation.
    pub deprel: Deprel,
}

/// A sentence of a treebank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldSentence {
    /// The document id, on the first sentence of each document.
    pub newdoc: Option<String>,
    /// Whether a paragraph starts with it (`# newpar`, or a new document).
    pub newpar: bool,
    /// Its words (multiword-token lines and empty nodes are skipped).
    pub words: Vec<GoldWord>,
    /// Its surface tokens as written: the form and whether a space follows (a multiword
    /// token such as `don't` is one token over several words).
    pub tokens: Vec<(String, bool)>,
}

/// Reads a CoNLL-U file.
///
/// # Errors
/// A line that is not a comment, a blank line or ten tab-separated columns with numeric
/// ids and heads.
pub fn read(text: &str) -> Result<Vec<GoldSentence>, String> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    // The last word of the multiword token being read.
    let mut in_token = 0usize;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            in_token = 0;
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(id) = c.strip_prefix("newdoc") {
                cur.newdoc = Some(id.split_once('=').map_or("", |x| x.1).trim().to_string());
                cur.newpar = true;
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("line {}: {} columns, not 10", n + 1, cols.len()));
        }
        let space = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((_, last)) = cols[0].split_once('-') {
            in_token = last.parse().map_err(|_| format!("line {}: id {:?}", n + 1, cols[0]))?;
            cur.tokens.push((cols[1].to_string(), space));
            continue;
        }
        if cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| format!("line {}: id {:?}", n + 1, cols[0]))?;
        if id > in_token {
            cur.tokens.push((cols[1].to_string(), space));
        }
        let head = cols[6].parse().map_err(|_| format!("line {}: head {:?}", n + 1, cols[6]))?;
        cur.words.push(GoldWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: Upos::parse(cols[3]).unwrap_or(Upos::X),
            xpos: cols[4].to_string(),
            head,
            deprel: Deprel::parse(cols[7]),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// A treebank's documents as plain text, the way the CoNLL 2018 shared task (and
/// `score_syntax.py --text`) rebuilds them: tokens joined by their spaces, the sentences of a
/// paragraph by one space, paragraphs by a blank line. Each document comes with the byte
/// offsets where its sentences end.
#[must_use]
pub fn documents(sents: &[GoldSentence]) -> Vec<(String, Vec<usize>)> {
    let mut docs: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        if i == 0 || s.newdoc.is_some() {
            docs.push((String::new(), Vec::new()));
        }
        let Some((text, ends)) = docs.last_mut() else { continue };
        if !text.is_empty() {
            text.push_str(if s.newpar { "\n\n" } else { " " });
        }
        for (form, space) in &s.tokens {
            text.push_str(form);
            if *space {
                text.push(' ');
            }
        }
        let trimmed = text.trim_end().len();
        text.truncate(trimmed);
        ends.push(text.len());
    }
    docs
}
