//! Runs the time stage over the dev texts, once to warm up and then N times inside
//! `measured`, for `valgrind --tool=callgrind --toggle-collect='*measured*'`.
use sayso::{Analysis, ArticleInput};

#[inline(never)]
fn measured(base: &[Analysis], n: usize) -> usize {
    let mut k = 0;
    for _ in 0..n {
        for a in base {
            let mut a = a.clone();
            sayso::time::run(&mut a);
            k += a.times.len();
        }
    }
    k
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/data");
    let mut base = Vec::new();
    let mut bytes = 0;
    for f in ["conll2003", "petrarch", "polnear", "timebank"] {
        let body = std::fs::read_to_string(format!("{dir}/{f}-dev.jsonl")).unwrap_or_default();
        for line in body.lines() {
            if let Ok(a) = ArticleInput::from_json_str(line) {
                let mut an = Analysis { text: a.text, ..Analysis::default() };
                bytes += an.text.len();
                sayso::text::run(&mut an);
                sayso::embeds::run(&mut an);
                base.push(an);
            }
        }
    }
    let warm = measured_warm(&base);
    let t = std::time::Instant::now();
    let k = measured(&base, n);
    let s = t.elapsed().as_secs_f64();
    println!("{bytes} bytes, {warm} {k} times, {:.2} MB/s", bytes as f64 * n as f64 / s / 1e6);
}

#[inline(never)]
fn measured_warm(base: &[Analysis]) -> usize {
    let mut k = 0;
    for a in base {
        let mut a = a.clone();
        sayso::time::run(&mut a);
        k += a.times.len();
    }
    k
}
