//! Trains the entities stage's tagger on CoNLL-2003 and GUM (`just train-entities`).
//!
//! `train_entities TRAIN.jsonl[,TRAIN2.jsonl...] DEV.jsonl[,DEV2.jsonl...] OUT.bin[,OUT2.bin]
//! [EPOCHS] [FOLDS]`: reads gold JSON Lines (`text`, `entities: [{span: [[start, end]],
//! label}]`, code-point offsets), runs sayso's text and syntax stages, aligns the gold spans to
//! its tokens, trains, prints each development set's span F1 after every epoch (exact token
//! span and class; a quick proxy for `score_entities.py`), and writes the final model. With
//! two output files it trains both passes of the tagger (`sayso::entities::stacked`): the
//! second on the first pass's tags of FOLDS-fold cross-validation (default 4).
//!
//! A file whose documents have `"corpus": "gum-ner"` holds names derived from GUM's entity
//! layer (`../shared/eval/README.md`), with other conventions than CoNLL's: no MISC, plural
//! nationalities as people, coordinations ("Poland and Sweden", "Chao and Yang") and
//! "Name of Party" as one name, names nested in names. Those spans are read as CoNLL would
//! have them: a nationality is MISC, the outer of two nested names is the name, and a span
//! that joins names teaches nothing (its tokens are [`tagger::UNKNOWN`]); a MISC guess where
//! GUM has no name is not an error.

use sayso::Analysis;
use sayso::entities::stacked;
use sayso::entities::tagger::{self, CLASSES, Example, UNKNOWN};
use sayso::schema::EntityType;
use serde_json::Value;
use std::collections::HashSet;
use std::error::Error;
use std::ops::Range;

/// A gold name: its byte range and class.
type Gold = (Range<usize>, usize);

/// Whether a GUM name is a nationality or people ("Canadians", "Thais"): MISC in CoNLL.
fn nationality(name: &str) -> bool {
    let lower = name.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    !name.contains(' ')
        && [lower.as_str(), singular].iter().any(|w| sayso::entities::gazetteer_type(w) == Some(EntityType::Norp))
}

/// Gold spans (byte ranges, class) read the CoNLL way from a GUM document, and the byte
/// ranges whose annotation is not trusted. GUM nests names ("University of California" and
/// "California"): CoNLL keeps the outer one.
fn conll_view(text: &str, gold: Vec<Gold>) -> (Vec<Gold>, Vec<Range<usize>>) {
    let joins = |r: &Range<usize>, c: usize| {
        let name = &text[r.clone()];
        name.contains(" and ") || name.contains(" & ") || (c == 0 && name.contains(" of "))
    };
    let within = |q: &Range<usize>, r: &Range<usize>| q != r && r.start <= q.start && q.end <= r.end;
    let (mut kept, mut unknown) = (Vec::new(), Vec::new());
    for (r, c) in &gold {
        // Inside a name that is not a coordination: the outer name is the one.
        if gold.iter().any(|(q, d)| within(r, q) && !joins(q, *d)) {
            continue;
        }
        if joins(r, *c) {
            // A coordination teaches its inner names where GUM has them, else nothing.
            if !gold.iter().any(|(q, _)| within(q, r)) {
                unknown.push(r.clone());
            }
        } else if *c == 0 && nationality(&text[r.clone()]) {
            kept.push((r.clone(), 3));
        } else {
            kept.push((r.clone(), *c));
        }
    }
    (kept, unknown)
}

fn load(path: &str) -> Result<(Vec<Example>, usize, usize), Box<dyn Error>> {
    let mut out = Vec::new();
    let (mut spans, mut misaligned) = (0, 0);
    // `FILE@N` reads a file N times over: a small corpus weighs as much as a larger one.
    for path in path.split(',') {
        let (path, times) = path.rsplit_once('@').map_or((path, 1), |(p, n)| (p, n.parse().unwrap_or(1)));
        let (examples, n, bad) = load_file(path)?;
        for _ in 1..times {
            out.extend(load_file(path)?.0);
        }
        out.extend(examples);
        spans += n;
        misaligned += bad;
    }
    Ok((out, spans, misaligned))
}

fn load_file(path: &str) -> Result<(Vec<Example>, usize, usize), Box<dyn Error>> {
    let body = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    let (mut spans, mut misaligned) = (0, 0);
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line)?;
        let gum = v["corpus"].as_str() == Some("gum-ner");
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
        let (gold, unknown) = if gum { conll_view(&text, gold) } else { (gold, Vec::new()) };
        let mut analysis = Analysis { text, ..Analysis::default() };
        sayso::text::run(&mut analysis);
        // The tagger reads the parse (part of speech, heads), as in the pipeline.
        sayso::syntax::run(&mut analysis);
        let (mut tags, bad) = tagger::gold_tags(&analysis, &gold);
        for r in &unknown {
            for (t, tag) in analysis.tokens.iter().zip(tags.iter_mut()) {
                if t.start >= r.start && t.end <= r.end && *tag == 0 {
                    *tag = UNKNOWN;
                }
            }
        }
        spans += gold.len();
        misaligned += bad;
        out.push(Example { analysis, tags, no_misc: gum });
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
            // `MODEL.bin,MODEL2.bin` tags with both passes.
            let (model, second) = model.split_once(',').map_or((model.as_str(), None), |(a, b)| (a, Some(b)));
            let model = tagger::Model::from_bytes(&std::fs::read(model)?).ok_or("not a model")?;
            let second = match second {
                Some(path) => Some(tagger::Model::from_bytes(&std::fs::read(path)?).ok_or("not a model")?),
                None => None,
            };
            let stacked = second.map(|second| stacked::Stacked::new(&model, &second));
            let (dev, _, _) = load(dev)?;
            let size: usize = dev.iter().map(|e| e.analysis.text.len()).sum();
            let t = std::time::Instant::now();
            let cpu = cpu_seconds();
            let mut found = 0;
            for _ in 0..20 {
                for e in &dev {
                    found += match &stacked {
                        Some(stacked) => tagger::tag_stacked_with(stacked, &e.analysis).len(),
                        None => tagger::tag_with(&model, &e.analysis).len(),
                    };
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
        return Err("usage: train_entities TRAIN.jsonl DEV.jsonl OUT.bin[,OUT2.bin] [EPOCHS] [FOLDS]".into());
    };
    let epochs: usize = rest.first().map_or(Ok(10), |e| e.parse())?;
    let folds: usize = rest.get(1).map_or(Ok(4), |e| e.parse())?;
    let (train, n, bad) = load(train)?;
    eprintln!("train: {} documents, {n} gold spans, {bad} not on token edges", train.len());
    // Several development files may be given, comma-separated: each is scored on its own.
    let devs: Vec<(String, Vec<Example>)> =
        dev.split(',').map(|path| Ok((path.to_string(), load(path)?.0))).collect::<Result<_, Box<dyn Error>>>()?;
    for (path, d) in &devs {
        eprintln!("dev {path}: {} documents", d.len());
    }
    // A corpus without MISC (GUM) is scored without MISC on either side.
    let keep = |e: &Example, class: usize| !(e.no_misc && class == 3);
    let gold: Vec<Vec<HashSet<_>>> = devs
        .iter()
        .map(|(_, d)| d.iter().map(|e| span_set(&e.tags).into_iter().filter(|s| keep(e, s.2)).collect()).collect())
        .collect();
    let report = |epoch: usize, model: &tagger::Model, second: Option<&tagger::Model>| {
        let pass = if second.is_some() { "second pass" } else { "first pass" };
        let mut line = format!("{pass} epoch {}: {} features;", epoch + 1, second.unwrap_or(model).len());
        let stacked = second.map(|second| stacked::Stacked::new(model, second));
        for ((path, d), gold) in devs.iter().zip(&gold) {
            let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
            for (e, g) in d.iter().zip(gold) {
                let found = match &stacked {
                    Some(stacked) => tagger::tag_stacked_with(stacked, &e.analysis),
                    None => tagger::tag_with(model, &e.analysis),
                };
                let p: HashSet<_> = found
                    .into_iter()
                    .map(|s| (s.tokens.start, s.tokens.end, s.class))
                    .filter(|s| keep(e, s.2))
                    .collect();
                tp += p.intersection(g).count();
                np += p.len();
                ng += g.len();
            }
            let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
            let name = path.rsplit('/').next().unwrap_or(path);
            line += &format!(" {name} P {p:.4} R {r:.4} F1 {:.4};", 2.0 * p * r / (p + r).max(1e-9));
        }
        eprintln!("{line}");
    };
    let cpu = cpu_seconds();
    let (bytes, second) = match out.split_once(',') {
        // Both passes: the second learned on the first's tags by FOLDS-fold cross-validation.
        Some((_, out2)) => {
            let (first, second) = stacked::train(&train, epochs, folds, report);
            std::fs::write(out2, &second)?;
            eprintln!("wrote {out2} ({} bytes)", second.len());
            (first, tagger::Model::from_bytes(&second))
        }
        None => (tagger::train(&train, epochs, 0.0, |e, m| report(e, m, None)), None),
    };
    let out = out.split(',').next().unwrap_or(out);
    std::fs::write(out, &bytes)?;
    eprintln!("training: {:.1} s CPU", cpu_seconds() - cpu);
    // Tagging speed of the final model on the development texts (one core).
    if let Some(model) = tagger::Model::from_bytes(&bytes) {
        let second = second.map(|second| stacked::Stacked::new(&model, &second));
        let dev = &devs[0].1;
        let size: usize = dev.iter().map(|e| e.analysis.text.len()).sum();
        let t = std::time::Instant::now();
        let mut found = 0;
        for _ in 0..5 {
            for e in dev {
                found += match &second {
                    Some(stacked) => tagger::tag_stacked_with(stacked, &e.analysis).len(),
                    None => tagger::tag_with(&model, &e.analysis).len(),
                };
            }
        }
        let secs = t.elapsed().as_secs_f64() / 5.0;
        eprintln!("tagging: {:.1} MB/s ({} spans)", size as f64 / secs / 1e6, found / 5);
    }
    eprintln!("wrote {out} ({} bytes)", bytes.len());
    Ok(())
}
