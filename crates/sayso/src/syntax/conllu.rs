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
use std::fmt::Write as _;

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
    let lower = form.to_lowercase().replace('’', "'");
    matches!(lower.as_str(), "n't" | "'s" | "'re" | "'ve" | "'ll" | "'d" | "'m")
}

/// A field as CoNLL-U may hold it: no tabs or line breaks, never empty.
fn field(s: &str, out: &mut String) {
    if s.is_empty() {
        out.push('_');
        return;
    }
    for c in s.chars() {
        out.push(if c.is_whitespace() { '_' } else { c });
    }
}

/// Writes the syntax layer of `a` as CoNLL-U, the document named `id` (`# newdoc id`; none
/// when empty).
pub fn write(a: &Analysis, id: &str, out: &mut String) {
    let syn = &a.syntax;
    if !id.is_empty() {
        let _ = writeln!(out, "# newdoc id = {}", one_line(id));
    }
    let mut last_para = usize::MAX;
    for (k, s) in syn.sentences.iter().enumerate() {
        let para = a.sentences.get(s.sentence).map_or(0, |t| t.paragraph);
        if para != last_para {
            out.push_str("# newpar\n");
            last_para = para;
        }
        if id.is_empty() {
            let _ = writeln!(out, "# sent_id = {}", k + 1);
        } else {
            let _ = writeln!(out, "# sent_id = {}-{}", one_line(id), k + 1);
        }
        let (first, last) = (s.words.start, s.words.end - 1);
        let _ = writeln!(out, "# text = {}", one_line(&a.text[syn.words[first].start..syn.words[last].end]));
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
                let _ = write!(out, "{}-{}\t", w - first + 1, group_end - first + 1);
                field(&a.text[syn.words[w].start..syn.words[group_end].end], out);
                out.push_str("\t_\t_\t_\t_\t_\t_\t_\t");
                out.push_str(if space_after(group_end) { "_" } else { "SpaceAfter=No" });
                out.push('\n');
            }
            for x in w..=group_end {
                let word = &syn.words[x];
                let _ = write!(out, "{}\t", x - first + 1);
                field(&a.text[word.range()], out);
                out.push('\t');
                field(syn.lemma(x), out);
                let head = syn.head(x).map_or(0, |h| h - first + 1);
                let _ =
                    write!(out, "\t{}\t{}\t_\t{head}\t{}\t_\t", word.upos.as_str(), syn.xpos(x), word.deprel.as_str());
                let in_group = group_end > w;
                out.push_str(if in_group || space_after(x) { "_" } else { "SpaceAfter=No" });
                out.push('\n');
            }
            w = group_end + 1;
        }
        out.push('\n');
    }
}

/// Line breaks and tabs as spaces (a comment is one line).
fn one_line(s: &str) -> String {
    s.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect()
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
    /// Its words (multiword-token lines and empty nodes are skipped).
    pub words: Vec<GoldWord>,
}

/// Reads a CoNLL-U file.
///
/// # Errors
/// A line that is not a comment, a blank line or ten tab-separated columns with numeric
/// ids and heads.
pub fn read(text: &str) -> Result<Vec<GoldSentence>, String> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(id) = c.trim().strip_prefix("newdoc") {
                cur.newdoc = Some(id.split_once('=').map_or("", |x| x.1).trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("line {}: {} columns, not 10", n + 1, cols.len()));
        }
        if cols[0].contains(['-', '.']) {
            continue;
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
