//! Trains the entities stage's tagger on CoNLL-2003 (`just train-entities`).
//!
//! `train_entities TRAIN.jsonl DEV.jsonl OUT.bin [EPOCHS]`: reads gold JSON Lines (`text`,
//! `entities: [{span: [[start, end]], label}]`, code-point offsets), runs sayso's text stage,
//! aligns the gold spans to its tokens, trains, prints the development set's span F1 after
//! every epoch (exact token span and class; a quick proxy for `score_entities.py`), and
//! writes the final model.

use sayso::Analysis;
use sayso::entities::tagger::{self, CLASSES, Example};
use serde_json::Value;
use std::collections::HashSet;
use std::error::Error;
use std::ops::Range;

fn load(path: &str) -> Result<(Vec<Example>, usize, usize), Box<dyn Error>> {
    let body = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    let (mut spans, mut misaligned) = (0, 0);
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line)?;
        let text = v["text"].as_str().ok_or("no text")?.to_string();
        // Code point -> byte offsets.
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let mut gold: Vec<(Range<usize>, usize)> = Vec::new();
        for e in v["entities"].as_array().ok_or("no entities")? {
            let class = CLASSES.iter().position(|c| Some(*c) == e["label"].as_str()).ok_or("bad label")?;
            for s in e["span"].as_array().ok_or("no span")? {
                let (a, b) = (s[0].as_u64().ok_or("bad span")? as usize, s[1].as_u64().ok_or("bad span")? as usize);
                gold.push((bytes[a]..bytes[b], class));
            }
        }
        let mut analysis = Analysis { text, ..Analysis::default() };
        sayso::text::run(&mut analysis);
        let (tags, bad) = tagger::gold_tags(&analysis, &gold);
        spans += gold.len();
        misaligned += bad;
        out.push(Example { analysis, tags });
    }
    Ok((out, spans, misaligned))
}

fn span_set(tags: &[u8]) -> HashSet<(usize, usize, usize)> {
    tagger::spans(tags).into_iter().map(|s| (s.tokens.start, s.tokens.end, s.class)).collect()
}

/// User + system CPU time of this process (Linux `/proc/self/stat`, 100 ticks a second).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = after.split_whitespace().map(|x| x.parse().unwrap_or(0.0)).collect();
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, model, dev] = args.as_slice() {
        if flag == "--speed" {
            // Only tag, 20 times over: time it with `perf stat` for CPU time under load.
            let model = tagger::Model::from_bytes(&std::fs::read(model)?).ok_or("not a model")?;
            let (dev, _, _) = load(dev)?;
            let size: usize = dev.iter().map(|e| e.analysis.text.len()).sum();
            let t = std::time::Instant::now();
            let cpu = cpu_seconds();
            let mut found = 0;
            for _ in 0..20 {
                for e in &dev {
                    found += tagger::tag_with(&model, &e.analysis).len();
                }
            }
            let cpu = cpu_seconds() - cpu;
            eprintln!(
                "tagged {:.1} MB in {:.2} s wall, {cpu:.2} s CPU: {:.1} MB/s per core ({found} spans)",
                (size * 20) as f64 / 1e6,
                t.elapsed().as_secs_f64(),
                (size * 20) as f64 / 1e6 / cpu
            );
            return Ok(());
        }
    }
    let [_, train, dev, out, rest @ ..] = args.as_slice() else {
        return Err("usage: train_entities TRAIN.jsonl DEV.jsonl OUT.bin [EPOCHS]".into());
    };
    let epochs: usize = rest.first().map_or(Ok(10), |e| e.parse())?;
    let prune: f32 = rest.get(1).map_or(Ok(0.0), |e| e.parse())?;
    let (train, n, bad) = load(train)?;
    eprintln!("train: {} documents, {n} gold spans, {bad} not on token edges", train.len());
    let (dev, n, bad) = load(dev)?;
    eprintln!("dev: {} documents, {n} gold spans, {bad} not on token edges", dev.len());
    let gold: Vec<HashSet<_>> = dev.iter().map(|e| span_set(&e.tags)).collect();
    let bytes = tagger::train(&train, epochs, prune, |epoch, model| {
        let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
        for (e, g) in dev.iter().zip(&gold) {
            let p: HashSet<_> = tagger::tag_with(model, &e.analysis)
                .into_iter()
                .map(|s| (s.tokens.start, s.tokens.end, s.class))
                .collect();
            tp += p.intersection(g).count();
            np += p.len();
            ng += g.len();
        }
        let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
        eprintln!(
            "epoch {}: dev P {p:.4} R {r:.4} F1 {:.4} ({} features)",
            epoch + 1,
            2.0 * p * r / (p + r).max(1e-9),
            model.len()
        );
    });
    std::fs::write(out, &bytes)?;
    // Tagging speed of the final model on the development texts (one core).
    if let Some(model) = tagger::Model::from_bytes(&bytes) {
        let size: usize = dev.iter().map(|e| e.analysis.text.len()).sum();
        let t = std::time::Instant::now();
        let mut found = 0;
        for _ in 0..5 {
            for e in &dev {
                found += tagger::tag_with(&model, &e.analysis).len();
            }
        }
        let secs = t.elapsed().as_secs_f64() / 5.0;
        eprintln!("tagging: {:.1} MB/s ({} spans)", size as f64 / secs / 1e6, found / 5);
    }
    eprintln!("wrote {out} ({} bytes)", bytes.len());
    Ok(())
}
