//! Trains the claims stage's model on PolNeAR (`just train-claims`).
//!
//! `train_claims TRAIN.jsonl DEV.jsonl OUT.bin [EPOCHS]`: reads gold JSON Lines (`text`,
//! `published`, `attributions: [{content, source, cue: [[start, end], ...]}]`, code-point
//! offsets), runs sayso's stages before the claims stage over each article, trains, prints
//! the development set's attribution P/R/F1 after every epoch (`train::score`, the measure of
//! `score_attribution.py`), and writes the final model. `--proposals DEV.jsonl MODEL.bin
//! OUT.jsonl` writes every draft the stage weighed, with its score, for error analysis.

use sayso::ArticleInput;
use sayso::claims::train::{self, Example, Gold};
use sayso::claims::{self, Model};
use serde_json::Value;
use std::error::Error;
use std::ops::Range;

/// Spans `[[start, end], ...]` in code points, as byte ranges of `text`.
fn byte_spans(v: &Value, bytes: &[usize]) -> Result<Vec<Range<usize>>, Box<dyn Error>> {
    let mut out = Vec::new();
    for s in v.as_array().map_or(&[][..], Vec::as_slice) {
        let (a, b) = (s[0].as_u64().ok_or("bad span")? as usize, s[1].as_u64().ok_or("bad span")? as usize);
        let (Some(&a), Some(&b)) = (bytes.get(a), bytes.get(b)) else { return Err("span past the text".into()) };
        out.push(a..b);
    }
    Ok(out)
}

fn load(path: &str) -> Result<Vec<Example>, Box<dyn Error>> {
    let body = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line)?;
        let input = ArticleInput::from_json_str(line)?;
        let text = input.text.clone();
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let mut gold = Vec::new();
        for a in v["attributions"].as_array().ok_or("no attributions")? {
            let content = byte_spans(&a["content"], &bytes)?;
            if !content.is_empty() {
                let (source, cue) = (byte_spans(&a["source"], &bytes)?, byte_spans(&a["cue"], &bytes)?);
                gold.push(Gold { content, source, cue });
            }
        }
        // The whole pipeline: the layers the claims stage reads, and claims of the embedded
        // model, which training ignores.
        let analysis = sayso::analyze(input)?;
        out.push(Example { analysis, gold });
    }
    Ok(out)
}

fn evaluate(model: Option<&Model>, dev: &[Example]) -> (f64, f64, f64, usize) {
    let (mut tp, mut np, mut ng) = (0, 0, 0);
    for e in dev {
        let mut a = e.analysis.clone();
        claims::run_with(model, &mut a);
        let (t, p, g) = train::score(&a, &e.gold);
        tp += t;
        np += p;
        ng += g;
    }
    let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
    (p, r, 2.0 * p * r / (p + r).max(1e-9), np)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, dev, model, out] = args.as_slice() {
        if flag == "--proposals" {
            // Every draft of every cue of each article with its score, as JSON Lines (byte
            // offsets), for error analysis.
            let model = Model::from_bytes(&std::fs::read(model)?).ok_or("not a claims model")?;
            let mut lines = String::new();
            for e in load(dev)? {
                let a = &e.analysis;
                let ps: Vec<Value> = train::proposals(a, &model)
                    .into_iter()
                    .map(|p| {
                        serde_json::json!({
                            "cue": [p.cue.start, p.cue.end], "source": p.source.map(|s| [s.start, s.end]),
                            "content": p.content.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>(),
                            "origin": p.origin, "score": p.score, "chosen": p.chosen, "nested": p.nested,
                        })
                    })
                    .collect();
                let gold: Vec<Value> = e
                    .gold
                    .iter()
                    .map(|g| {
                        serde_json::json!({
                            "content": g.content.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>(),
                            "source": g.source.iter().map(|r| [r.start, r.end]).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                lines.push_str(&serde_json::json!({"text": a.text, "gold": gold, "proposals": ps}).to_string());
                lines.push('\n');
            }
            std::fs::write(out, lines)?;
            return Ok(());
        }
    }
    let [_, train_path, dev_path, out, rest @ ..] = args.as_slice() else {
        return Err("usage: train_claims TRAIN.jsonl DEV.jsonl OUT.bin [EPOCHS]".into());
    };
    let epochs: usize = rest.first().map_or(Ok(8), |e| e.parse())?;
    let train_set = load(train_path)?;
    let n: usize = train_set.iter().map(|e| e.gold.len()).sum();
    eprintln!("train: {} articles, {n} attributions", train_set.len());
    let (cues, labelled) = train::coverage(&train_set);
    eprintln!("train: {cues} cues proposed, {labelled} with a draft matching an attribution");
    let dev = load(dev_path)?;
    let (p, r, f, np) = evaluate(None, &dev);
    eprintln!("dev, the rules alone: P {p:.3} R {r:.3} F1 {f:.3} ({np} claims)");
    let bytes = train::train(&train_set, epochs, |epoch, model| {
        let (p, r, f, np) = evaluate(Some(model), &dev);
        eprintln!("epoch {}: dev P {p:.3} R {r:.3} F1 {f:.3} ({np} claims, {} weights)", epoch + 1, model.len());
    });
    // The threshold of claims reported inside claims, which no label speaks to: how dev
    // moves with it (the stage's default is the middle one; 0 is the top-level threshold).
    for nested in [-40_000, -20_000, 0] {
        let model = Model::from_bytes(&bytes).ok_or("the model does not load")?.with_nested_threshold(nested);
        let (p, r, f, np) = evaluate(Some(&model), &dev);
        eprintln!("nested threshold {nested}: dev P {p:.3} R {r:.3} F1 {f:.3} ({np} claims)");
    }
    std::fs::write(out, &bytes)?;
    eprintln!("wrote {out} ({} bytes)", bytes.len());
    Ok(())
}
