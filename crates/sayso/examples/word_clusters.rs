//! Learns the entities stage's word clusters (`just clusters`) from unlabelled text.
//!
//! `word_clusters OUT.tsv FILE...`: each FILE is JSON Lines with a `text` field (one document a
//! line) or CoNLL-U (its `# text =` lines, a document per `# newdoc`). The text goes through
//! sayso's text stage, so the words are the tokens the tagger sees; tokens are lowercased with
//! digits folded to `0`, as the tagger's lexicon keys are. Writes `word<TAB>path` lines, most
//! frequent word first, under a header saying what was read.

use sayso::Analysis;
use sayso::entities::clusters::{self, Settings};
use std::error::Error;
use std::fmt::Write as _;

/// The documents of a file: JSON Lines texts, or CoNLL-U sentences joined a document at a time.
fn documents(path: &str) -> Result<Vec<String>, Box<dyn Error>> {
    let body = std::fs::read_to_string(path)?;
    if path.ends_with(".conllu") {
        let mut docs: Vec<String> = Vec::new();
        for line in body.lines() {
            if line.starts_with("# newdoc") || docs.is_empty() {
                docs.push(String::new());
            }
            if let (Some(text), Some(doc)) = (line.strip_prefix("# text = "), docs.last_mut()) {
                doc.push_str(text);
                doc.push('\n');
            }
        }
        docs.retain(|d| !d.is_empty());
        return Ok(docs);
    }
    body.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l)?;
            Ok(v["text"].as_str().ok_or("a line without text")?.to_string())
        })
        .collect()
}

/// A token as the tagger's lexicon keys it: lowercase, digits folded to `0`.
fn fold(lower: &str) -> String {
    lower.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, out, files @ ..] = args.as_slice() else {
        return Err("usage: word_clusters OUT.tsv FILE...".into());
    };
    if files.is_empty() {
        return Err("usage: word_clusters OUT.tsv FILE...".into());
    }
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let mut header = String::new();
    for path in files {
        let docs = documents(path)?;
        let mut tokens = 0;
        for text in docs.iter() {
            let mut a = Analysis { text: text.clone(), ..Analysis::default() };
            sayso::text::run(&mut a);
            for s in &a.sentences {
                let words: Vec<String> = s.tokens.clone().map(|i| fold(a.lower(i))).collect();
                tokens += words.len();
                sentences.push(words);
            }
        }
        let name = path.rsplit('/').next().unwrap_or(path);
        eprintln!("{name}: {} documents, {tokens} tokens", docs.len());
        writeln!(header, "# {name}: {} documents, {tokens} tokens", docs.len())?;
    }
    let settings = Settings::default();
    let table = clusters::learn(&sentences, &settings);
    let leaves: std::collections::HashSet<_> = table.iter().map(|(_, n)| *n).collect();
    eprintln!("{} words in {} clusters", table.len(), leaves.len());
    let mut text =
        String::from("# Word clusters of the entities stage (just clusters; DATA.md): word, path in the hierarchy.\n");
    text += &header;
    writeln!(text, "# {settings:?}")?;
    for (w, n) in &table {
        writeln!(text, "{w}\t{}", clusters::path_string(*n))?;
    }
    std::fs::write(out, text)?;
    eprintln!("wrote {out}");
    Ok(())
}
