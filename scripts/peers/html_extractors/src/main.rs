//! `html-extractor-peers WHICH DIR ROUNDS`: runs rs-trafilatura (`traf`) or dom_smoothie
//! (`smoothie`) over every `.html.gz` page of DIR, writes `{"id", "body"}` per page to
//! standard output (first round), and its speed over ROUNDS rounds to standard error as
//! `MB_PER_S <value>` (HTML bytes per second on one thread; reading, decompressing and
//! decoding the files are not timed).

use std::io::Read;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (which, dir) = (args[1].as_str(), &args[2]);
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    let pages: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            let mut html = String::new();
            let file = std::fs::File::open(p).expect("page");
            flate2::read::MultiGzDecoder::new(file).read_to_string(&mut html).expect("gzipped UTF-8 page");
            let id = p.file_name().and_then(|n| n.to_str()).unwrap_or("").trim_end_matches(".html.gz").to_string();
            (id, html)
        })
        .collect();
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    let start = Instant::now();
    let mut out = Vec::new();
    for round in 0..rounds {
        for (id, html) in &pages {
            let body = match which {
                "traf" => rs_trafilatura::extract(html).map(|r| r.content_text).unwrap_or_default(),
                "smoothie" => dom_smoothie::Readability::new(html.as_str(), None, None)
                    .ok()
                    .and_then(|mut r| r.parse().ok())
                    .map(|a| a.text_content.to_string())
                    .unwrap_or_default(),
                other => panic!("unknown extractor {other}"),
            };
            if round == 0 {
                out.push(serde_json::json!({"id": id, "body": body}));
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    for o in out {
        println!("{o}");
    }
    eprintln!("MB_PER_S {:.3}", (bytes * rounds) as f64 / 1e6 / secs);
}
