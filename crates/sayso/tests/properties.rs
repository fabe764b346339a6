//! Properties that must hold for every input, checked on generated text and on real
//! articles mutated at random: no panic; every span inside the text, on character
//! boundaries, its `text` equal to the slice; ids unique and references resolved (all by
//! `sayso::verify`); output deterministic; and the three offset units describing the same
//! characters.

use proptest::prelude::*;
use sayso::{ArticleInput, Document, OffsetUnit, Options};
use std::path::Path;

/// Pieces that reach deep into the pipeline: cue verbs, names, titles, dates, quotation
/// marks of every kind, post signatures, URLs, handles, line breaks, and awkward Unicode.
const PIECES: &[&str] = &[
    "said",
    "told",
    "reported",
    "according to",
    "confirmed",
    "denied",
    "the statement read",
    "he",
    "she",
    "they",
    "him",
    "Trump",
    "President Putin",
    "Sarah Sanders",
    "the White House",
    "WH",
    "CIA",
    "Central Intelligence Agency",
    "(CIA)",
    "The AP",
    "officials",
    "Both leaders",
    "arrested",
    "bombings",
    "called",
    "thanked",
    "met",
    "attack",
    "in St. Petersburg",
    "Friday",
    "last week",
    "the weekend",
    "today",
    "December 17, 2017",
    "12/17/2017",
    "2017",
    "three years",
    "every Monday",
    "7:15 p.m.",
    "Dec.",
    "U.S.",
    "Mr.",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "``",
    "''",
    "«",
    "»",
    ",",
    ".",
    "!",
    "?",
    ":",
    ";",
    "(",
    ")",
    "—",
    "-",
    "...",
    "\n",
    "\n\n",
    " ",
    " ",
    " ",
    "\t",
    "\u{a0}",
    "— Sarah Sanders (@PressSec) December 17, 2017",
    "@POTUS",
    "#tag",
    "https://t.co/x",
    "www.example.com",
    "😀",
    "👩‍👩‍👧",
    "e\u{301}",
    "שלום",
    "مرحبا",
    "日本語",
    "\u{200b}",
    "\u{feff}",
    "\0",
    "\u{7}",
    "\r\n",
];

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{1,12}",
            1 => "[A-Z][a-z]{1,8}",
        ],
        0..80,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for p in parts {
            if !s.is_empty() && !p.starts_with([' ', '\n', ',', '.']) && !s.ends_with([' ', '\n']) {
                s.push(' ');
            }
            s.push_str(&p);
        }
        s
    })
}

fn extract(text: &str, unit: OffsetUnit) -> Result<Document, sayso::Error> {
    sayso::extract(ArticleInput::from_text(text), &Options::default().with_offsets(unit))
}

/// All spans of a document, in a fixed walk order, as (start, end).
fn all_spans(doc: &Document) -> Vec<(u64, u64)> {
    let mut v = Vec::new();
    let json = serde_json::to_value(doc).expect("serialisable");
    collect_spans(&json, &mut v);
    v
}

fn collect_spans(node: &serde_json::Value, out: &mut Vec<(u64, u64)>) {
    match node {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e)) =
                (map.get("start").and_then(|x| x.as_u64()), map.get("end").and_then(|x| x.as_u64()))
            {
                out.push((s, e));
            }
            for v in map.values() {
                collect_spans(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_spans(v, out)),
        _ => {}
    }
}

/// Converts a unit offset back to a byte offset in `text`.
fn to_byte(text: &str, unit: OffsetUnit, offset: u64) -> usize {
    let mut units = 0u64;
    for (b, c) in text.char_indices() {
        if units >= offset {
            return b;
        }
        units += match unit {
            OffsetUnit::Codepoint => 1,
            OffsetUnit::Utf8 => c.len_utf8() as u64,
            OffsetUnit::Utf16 => c.len_utf16() as u64,
        };
    }
    text.len()
}

fn check_text(text: &str) -> Result<(), TestCaseError> {
    let docs: Vec<_> =
        [OffsetUnit::Codepoint, OffsetUnit::Utf8, OffsetUnit::Utf16].map(|u| (u, extract(text, u))).into();
    if text.trim().is_empty() {
        for (_, d) in &docs {
            prop_assert_eq!(d.as_ref().err(), Some(&sayso::Error::EmptyText));
        }
        return Ok(());
    }
    let mut byte_spans = Vec::new();
    for (unit, doc) in &docs {
        let doc = doc.as_ref().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let problems = sayso::verify::check(doc);
        prop_assert!(problems.is_empty(), "{:?}: {:#?}", unit, problems);
        byte_spans.push(
            all_spans(doc)
                .into_iter()
                .map(|(s, e)| (to_byte(text, *unit, s), to_byte(text, *unit, e)))
                .collect::<Vec<_>>(),
        );
    }
    prop_assert_eq!(&byte_spans[0], &byte_spans[1], "codepoint and utf8 spans differ");
    prop_assert_eq!(&byte_spans[0], &byte_spans[2], "codepoint and utf16 spans differ");
    let again = extract(text, OffsetUnit::Codepoint).map_err(|e| TestCaseError::fail(format!("{e}")))?;
    let first = docs[0].1.as_ref().map_err(|e| TestCaseError::fail(format!("{e}")))?;
    prop_assert_eq!(sayso::to_json_line(first), sayso::to_json_line(&again), "not deterministic");
    let expected = serde_json::to_string(first).map_err(|e| TestCaseError::fail(format!("{e}")))?;
    prop_assert_eq!(sayso::to_json_line(first), expected, "to_json_line differs from serde_json");
    Ok(())
}

fn corpus_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("corpus").filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| match p.extension()?.to_str()? {
            "txt" => std::fs::read_to_string(p).ok(),
            "json" => ArticleInput::from_json_bytes(&std::fs::read(p).ok()?).ok().map(|a| a.text),
            _ => None,
        })
        .collect()
}

/// A real article changed the way news text gets mangled in the wild.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut at a character position (fraction of the length).
    Truncate(f64),
    /// Remove every quotation mark of one kind.
    DropQuotes(char),
    /// Double every quotation mark.
    DoubleQuotes,
    /// Reverse or rotate the paragraph order.
    ShuffleParagraphs(usize),
    /// Replace line breaks with spaces (one long line).
    OneLine,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0f64..1.0).prop_map(Mutation::Truncate),
        prop::sample::select(vec!['“', '”', '"', '\'', '’']).prop_map(Mutation::DropQuotes),
        Just(Mutation::DoubleQuotes),
        (0usize..50).prop_map(Mutation::ShuffleParagraphs),
        Just(Mutation::OneLine),
    ]
}

fn mutate(text: &str, m: &Mutation) -> String {
    match m {
        Mutation::Truncate(f) => {
            let n = text.chars().count();
            text.chars().take((n as f64 * f) as usize).collect()
        }
        Mutation::DropQuotes(q) => text.replace(*q, ""),
        Mutation::DoubleQuotes => {
            text.chars().flat_map(|c| if "“”\"‘’'".contains(c) { vec![c, c] } else { vec![c] }).collect()
        }
        Mutation::ShuffleParagraphs(k) => {
            let mut paras: Vec<&str> = text.split('\n').collect();
            let len = paras.len().max(1);
            if k % 2 == 0 {
                paras.reverse();
            }
            paras.rotate_left(k % len);
            paras.join("\n")
        }
        Mutation::OneLine => text.replace('\n', " "),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_text_keeps_every_promise(text in article_text()) {
        check_text(&text)?;
    }

    #[test]
    fn arbitrary_unicode_keeps_every_promise(text in "\\PC{0,200}") {
        check_text(&text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mutated_real_articles_keep_every_promise(index in 0usize..64, m in mutation()) {
        let texts = corpus_texts();
        let text = &texts[index % texts.len()];
        check_text(&mutate(text, &m))?;
    }
}
