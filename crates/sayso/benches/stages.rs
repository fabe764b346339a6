//! Throughput of each pipeline stage and of the whole pipeline, in bytes of news text per
//! second on one core (`cargo bench -p sayso --bench stages`).
//!
//! The texts are the articles of `../shared/eval/data/*-dev.jsonl` when present (real news
//! from four corpora), else `tests/corpus/`. Each stage is timed alone: the stages before it
//! run once during set-up, and every iteration starts from a fresh copy of that state.

use sayso::{Analysis, ArticleInput};
use std::path::Path;
use std::sync::LazyLock;

// The allocator the CLI (and so `sayso serve`) runs with, so that stage figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

static TEXTS: LazyLock<Vec<String>> = LazyLock::new(load_texts);

fn load_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let eval = std::env::var("SAYSO_EVAL_DIR").map_or_else(|_| root.join("../shared/eval"), Into::into);
    let mut texts = Vec::new();
    if let Ok(dir) = std::fs::read_dir(eval.join("data")) {
        let mut files: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files.iter().filter(|f| f.to_string_lossy().ends_with("-dev.jsonl")) {
            let body = std::fs::read_to_string(f).unwrap_or_default();
            for line in body.lines() {
                if let Ok(a) = ArticleInput::from_json_str(line) {
                    texts.push(a.text);
                }
            }
        }
    }
    let fell_back = texts.is_empty();
    let source = if fell_back { root.join("tests/corpus") } else { eval.join("data/*-dev.jsonl") };
    if fell_back {
        for e in std::fs::read_dir(&source).into_iter().flatten().flatten() {
            let p = e.path();
            match p.extension().and_then(|x| x.to_str()) {
                Some("txt") => texts.push(std::fs::read_to_string(&p).unwrap_or_default()),
                Some("json") => {
                    if let Ok(a) = ArticleInput::from_json_bytes(&std::fs::read(&p).unwrap_or_default()) {
                        texts.push(a.text);
                    }
                }
                _ => {}
            }
        }
    }
    texts.retain(|t| !t.trim().is_empty());
    say_what_is_read("texts", &texts, &source, fell_back);
    texts
}

/// Figures on the dev texts and on `tests/corpus/` differ by a third for some stages, and
/// the fallback is silent otherwise: say which one this run measures (on stderr, so divan's
/// table stays as it is).
fn say_what_is_read(what: &str, items: &[String], source: &Path, fell_back: bool) {
    let bytes: usize = items.iter().map(String::len).sum();
    let fallback = if fell_back { " (the dev sets were not found: set SAYSO_EVAL_DIR to measure on them)" } else { "" };
    eprintln!("{what}: {} of {:.2} MB from {}{fallback}", items.len(), bytes as f64 / 1e6, source.display());
}

fn total_bytes() -> usize {
    TEXTS.iter().map(String::len).sum()
}

type Stage = fn(&mut Analysis);

/// The stages in pipeline order.
const STAGES: [(&str, Stage); 7] = [
    ("text", sayso::text::run),
    ("syntax", sayso::syntax::run),
    ("embeds", sayso::embeds::run),
    ("time", sayso::time::run),
    ("entities", sayso::entities::run),
    ("claims", sayso::claims::run),
    ("events", sayso::events::run),
];

/// Every article analysed up to (not including) stage `upto`.
fn prepared(upto: usize) -> Vec<Analysis> {
    TEXTS
        .iter()
        .map(|t| {
            let mut a = Analysis { text: t.clone(), ..Analysis::default() };
            for (_, run) in &STAGES[..upto] {
                run(&mut a);
            }
            a
        })
        .collect()
}

fn bench_stage(bencher: divan::Bencher, index: usize) {
    let base = prepared(index);
    let run = STAGES[index].1;
    bencher.counter(divan::counter::BytesCount::new(total_bytes())).with_inputs(|| base.clone()).bench_values(
        |mut all| {
            for a in &mut all {
                run(a);
            }
            all
        },
    );
}

#[divan::bench(sample_count = 10)]
fn text(b: divan::Bencher) {
    bench_stage(b, 0);
}

/// Tagging, lemmatising and parsing every sentence (the model is loaded before timing).
#[divan::bench(sample_count = 10)]
fn syntax(b: divan::Bencher) {
    sayso::syntax::run(&mut Analysis { text: "Warm up.".to_string(), ..Analysis::default() });
    bench_stage(b, 1);
}

#[divan::bench(sample_count = 10)]
fn embeds(b: divan::Bencher) {
    bench_stage(b, 2);
}

#[divan::bench(sample_count = 10)]
fn time(b: divan::Bencher) {
    bench_stage(b, 3);
}

#[divan::bench(sample_count = 10)]
fn entities(b: divan::Bencher) {
    bench_stage(b, 4);
}

#[divan::bench(sample_count = 10)]
fn claims(b: divan::Bencher) {
    bench_stage(b, 5);
}

#[divan::bench(sample_count = 10)]
fn events(b: divan::Bencher) {
    bench_stage(b, 6);
}

/// Language identification (the language stage's detection) alone, per byte of news text:
/// what the stage adds to `full_pipeline_to_json` (docs/language.md).
#[divan::bench(sample_count = 10)]
fn language(b: divan::Bencher) {
    b.counter(divan::counter::BytesCount::new(total_bytes()))
        .bench(|| TEXTS.iter().map(|t| sayso::language::detect(t).confidence).sum::<f64>());
}

/// The whole public path: input validation, every stage, assembly and JSON serialisation.
#[divan::bench(sample_count = 10)]
fn full_pipeline_to_json(b: divan::Bencher) {
    b.counter(divan::counter::BytesCount::new(total_bytes())).bench(|| {
        let mut out = 0usize;
        for t in TEXTS.iter() {
            let doc = sayso::extract(ArticleInput::from_text(t.clone()), &sayso::Options::default());
            out += doc.map(|d| sayso::to_json_line(&d).len()).unwrap_or(0);
        }
        out
    });
}

/// The same as `full_pipeline_to_json` in batches of 16 articles through `extract_batch` (each
/// stage over the batch before the next), as `sayso extract` runs it.
#[divan::bench(sample_count = 10)]
fn full_pipeline_batched_to_json(b: divan::Bencher) {
    b.counter(divan::counter::BytesCount::new(total_bytes())).bench(|| {
        let mut out = 0usize;
        for batch in TEXTS.chunks(16) {
            let inputs = batch.iter().map(|t| ArticleInput::from_text(t.clone())).collect();
            for doc in sayso::extract_batch(inputs, &sayso::Options::default()) {
                out += doc.map(|d| sayso::to_json_line(&d).len()).unwrap_or(0);
            }
        }
        out
    });
}

/// The documents of the bench texts, extracted once for the serialisation benches.
static DOCS: LazyLock<Vec<sayso::Document>> = LazyLock::new(|| {
    TEXTS
        .iter()
        .filter_map(|t| sayso::extract(ArticleInput::from_text(t.clone()), &sayso::Options::default()).ok())
        .collect()
});

/// JSON Lines serialisation alone (`to_json_line`, sayso's own writer), per byte of news text.
#[divan::bench(sample_count = 10)]
fn json_line(b: divan::Bencher) {
    let docs = &*DOCS;
    b.counter(divan::counter::BytesCount::new(total_bytes()))
        .bench(|| docs.iter().map(|d| sayso::to_json_line(d).len()).sum::<usize>());
}

/// The same bytes from `serde_json::to_string`, which `to_json_line` replaced: the reference
/// for `json_line`.
#[divan::bench(sample_count = 10)]
fn json_line_serde_json(b: divan::Bencher) {
    let docs = &*DOCS;
    b.counter(divan::counter::BytesCount::new(total_bytes()))
        .bench(|| docs.iter().map(|d| serde_json::to_string(d).map_or(0, |s| s.len())).sum::<usize>());
}

/// Web pages: the article-extraction benchmark's dev pages
/// (`../shared/eval/data/article-html-dev/*.html.gz`) when present, else the pages of
/// `tests/corpus/`; decompressed and decoded once, outside the measurement.
static PAGES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let eval = std::env::var("SAYSO_EVAL_DIR").map_or_else(|_| root.join("../shared/eval"), Into::into);
    let read_dir = |dir: &Path, ext: &str| -> Vec<String> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(ext))
            .collect();
        files.sort();
        files
            .iter()
            .filter_map(|f| {
                let bytes = std::fs::read(f).ok()?;
                let bytes = sayso::input::decode::gunzip(&bytes).ok()?;
                Some(sayso::input::decode::html_to_string(&bytes, None).0)
            })
            .collect()
    };
    let dev = eval.join("data/article-html-dev");
    let pages = read_dir(&dev, ".html.gz");
    let fell_back = pages.is_empty();
    let source = if fell_back { root.join("tests/corpus") } else { dev };
    let pages = if fell_back { read_dir(&source, ".html") } else { pages };
    say_what_is_read("pages", &pages, &source, fell_back);
    pages
});

/// HTML to `article.text`: parsing, the article body, metadata and the source map
/// (`sayso::input::html::read`), per byte of HTML. The figure issue 21 asks for (>= 30 MB/s).
#[divan::bench(sample_count = 10)]
fn html_to_text(b: divan::Bencher) {
    let pages = &*PAGES;
    let bytes: usize = pages.iter().map(String::len).sum();
    b.counter(divan::counter::BytesCount::new(bytes)).bench(|| {
        pages.iter().map(|p| sayso::input::html::read(p, None).map_or(0, |page| page.text.len())).sum::<usize>()
    });
}
