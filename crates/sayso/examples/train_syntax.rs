//! Trains the syntax stage's model on Universal Dependencies treebanks (`just train-syntax`).
//!
//! `train_syntax TRAIN.conllu OUT.bin [DEV.conllu ...] [--tagger-epochs N] [--parser-epochs N]
//! [--parser-seeds N] [--first-parser-seed K] [--bits TAGGER,MOVES,RELATIONS,SPLITTER] [--prune T,M,R] [--folds N] [--no-explore]`: reads the training treebank,
//! trains the tag set, tagger (jackknifed for the parser), lemmatiser and parser, prints each
//! development treebank's UPOS, lemma, UAS and LAS on gold tokens after each epoch (a quick
//! proxy: `score_syntax.py` scores from raw text), and writes the model. Deterministic: the
//! same treebank and options give the same bytes.
//!
//! `train_syntax --predict MODEL GOLD.conllu OUT.conllu` parses a treebank's gold words with a
//! model file; `train_syntax --raw MODEL ARTICLES.jsonl OUT.conllu` parses raw articles
//! (`score_syntax.py --text`) with it, for scoring a model from raw text before embedding it.

use sayso::syntax::conllu::{self, GoldSentence};
use sayso::syntax::train::{self, Options, Progress};
use std::error::Error;

fn read(path: &str) -> Result<Vec<GoldSentence>, Box<dyn Error>> {
    Ok(conllu::read(&std::fs::read_to_string(path)?)?)
}

fn main() -> Result<(), Box<dyn Error>> {
    let all: Vec<String> = std::env::args().collect();
    if let [_, flag, model, gold, out] = all.as_slice() {
        if flag == "--predict" {
            // Parse a treebank's gold words with a model and write CoNLL-U, for error analysis.
            let model = sayso::syntax::Model::from_bytes(&std::fs::read(model)?).ok_or("not a model")?;
            let mut text = String::new();
            for s in read(gold)? {
                for (i, (w, (u, x, l, h, d))) in s.words.iter().zip(train::predict(&model, &s)).enumerate() {
                    text.push_str(&format!(
                        "{}\t{}\t{l}\t{}\t{x}\t_\t{h}\t{}\t_\t_\n",
                        i + 1,
                        w.form,
                        u.as_str(),
                        d.as_str()
                    ));
                }
                text.push('\n');
            }
            std::fs::write(out, text)?;
            return Ok(());
        }
    }
    if let [_, flag, model, input, out] = all.as_slice() {
        if flag == "--raw" {
            // Split, tag and parse raw articles (`score_syntax.py --text`'s JSON lines) with a
            // model file and write CoNLL-U, as `sayso parse` does with the embedded model: a
            // model scored from raw text without rebuilding the CLI.
            let model = sayso::syntax::Model::from_bytes(&std::fs::read(model)?).ok_or("not a model")?;
            let mut text = String::new();
            for line in std::fs::read_to_string(input)?.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line)?;
                let id = v["id"].as_str().unwrap_or("");
                let mut a =
                    sayso::Analysis { text: v["text"].as_str().unwrap_or("").to_string(), ..Default::default() };
                sayso::text::run(&mut a);
                a.syntax = sayso::syntax::analyse(&model, &a);
                conllu::write(&a, id, &mut text);
            }
            std::fs::write(out, text)?;
            return Ok(());
        }
    }
    let mut args = std::env::args().skip(1);
    let mut opts = Options::default();
    let mut paths = Vec::new();
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--tagger-epochs" => opts.tagger_epochs = value()?.parse()?,
            "--parser-epochs" => opts.parser_epochs = value()?.parse()?,
            "--parser-seeds" => opts.parser_seeds = value()?.parse()?,
            "--first-parser-seed" => opts.first_parser_seed = value()?.parse()?,
            "--folds" => opts.folds = value()?.parse()?,
            "--bits" => {
                let v: Vec<u32> = value()?.split(',').map(str::parse).collect::<Result<_, _>>()?;
                opts.bits = v.try_into().map_err(|_| "--bits takes four numbers")?;
            }
            "--prune" => {
                let v: Vec<f32> = value()?.split(',').map(str::parse).collect::<Result<_, _>>()?;
                opts.prune = v.try_into().map_err(|_| "--prune takes three numbers")?;
            }
            "--no-explore" => opts.explore = false,
            _ => paths.push(a),
        }
    }
    let [train_path, out, dev_paths @ ..] = paths.as_slice() else {
        return Err("usage: train_syntax TRAIN.conllu OUT.bin [DEV.conllu ...] [--tagger-epochs N] \
                    [--parser-epochs N] [--parser-seeds N] [--first-parser-seed K] [--bits T,M,R,S] [--prune T,M,R] [--folds N] [--no-explore]"
            .into());
    };
    let train = read(train_path)?;
    let mut dev = Vec::new();
    for p in dev_paths {
        let name = std::path::Path::new(p).file_stem().map_or(p.clone(), |s| s.to_string_lossy().into_owned());
        dev.push((name, read(p)?));
    }
    let t = std::time::Instant::now();
    let parser_scores = |what: &str, m: &sayso::syntax::Model| {
        let at = t.elapsed().as_secs_f64();
        for (name, d) in &dev {
            let sc = train::evaluate(m, d);
            eprintln!(
                "[{at:6.1} s] {what}: {name} UAS {:.4} LAS {:.4} (UPOS {:.4}, lemmas {:.4})",
                sc.uas, sc.las, sc.upos, sc.lemma
            );
        }
    };
    let model = train::train(&train, &opts, |p| {
        let at = t.elapsed().as_secs_f64();
        match p {
            Progress::Note(s) => eprintln!("[{at:6.1} s] {s}"),
            Progress::TaggerEpoch(e, m) => {
                for (name, d) in &dev {
                    let sc = train::evaluate(m, d);
                    eprintln!("[{at:6.1} s] tagger epoch {e}: {name} UPOS {:.4} XPOS {:.4}", sc.upos, sc.xpos);
                }
            }
            Progress::ParserEpoch(e, m) => parser_scores(&format!("parser epoch {e}"), m),
            Progress::ParserMean(k, m) => parser_scores(&format!("mean of {k} seeds"), m),
        }
    });
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes)?;
    let [dict, scripts, suffixes, words, tagger, moves, labels] = model.sizes();
    eprintln!(
        "wrote {out} ({} bytes): {dict} dictionary words, {scripts} lemma scripts, {suffixes} suffix and {words} word \
         rules; non-empty rows: tagger {tagger}, moves {moves}, relations {labels}",
        bytes.len()
    );
    Ok(())
}
