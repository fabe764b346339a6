//! The HTML reader alone over a directory of pages (`.html`, `.html.gz`): writes
//! `{"id", "body", "title", ...}` per page as JSON Lines to standard output, and the time the
//! reader took (parsing, body and metadata; not reading or decompressing the files) to
//! standard error. For error analysis of the body extractor and for instruction counts:
//!
//! `cargo run --release -p sayso --example html_bodies -- ../shared/eval/data/article-html-dev [REPEAT]`

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: html_bodies DIR [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the directory can be read")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_str().is_some_and(|s| s.ends_with(".html") || s.ends_with(".html.gz")))
        .collect();
    paths.sort();
    let pages: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let id = name.trim_end_matches(".gz").trim_end_matches(".html").to_string();
            let bytes = std::fs::read(p).expect("the page can be read");
            let bytes = sayso::input::decode::gunzip(&bytes).expect("the page decompresses");
            (id, sayso::input::decode::html_to_string(&bytes, None).0)
        })
        .collect();
    let total: usize = pages.iter().map(|(_, h)| h.len()).sum();
    let start = Instant::now();
    let mut out = Vec::with_capacity(pages.len());
    for round in 0..repeat {
        for (id, html) in &pages {
            let page = sayso::input::html::read(html, None);
            if round == 0 {
                out.push(match page {
                    Ok(p) => serde_json::json!({
                        "id": id, "body": p.text, "title": p.title, "authors": p.authors,
                        "publisher": p.publisher, "published": p.published, "reason": p.published_reason,
                        "canonical_url": p.canonical_url, "language": p.language,
                    }),
                    Err(e) => serde_json::json!({"id": id, "body": "", "error": e.to_string()}),
                });
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    for line in out {
        println!("{line}");
    }
    eprintln!(
        "{} pages x {repeat}, {:.1} MB: {:.3} s, {:.1} MB/s",
        pages.len(),
        total as f64 / 1e6,
        secs,
        (total * repeat) as f64 / 1e6 / secs
    );
}
