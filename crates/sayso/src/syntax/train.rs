//! Training the syntax model from a treebank (`just train-syntax`,
//! `examples/train_syntax.rs`): the tag set and tag dictionary, the tagger, the lemmatiser
//! and the parser, all deterministic (fixed shuffles, integer perceptron updates), so the
//! same treebank gives the same bytes.
//!
//! The parser learns from the tags the tagger will give it, not the gold ones: the
//! training sentences are tagged by taggers trained on the other folds (jackknifing).

use super::conllu::GoldSentence;
use super::lemma;
use super::model::{Model, U32Map};
use super::parser::{self, NL, NM};
use super::split::{self, NS};
use super::tagger::{self, NT};
use super::{Deprel, Scratch, Syntax, Upos, conllu, words};
use crate::analysis::Analysis;
use crate::learn::{Averaged, Mean};
use std::collections::BTreeMap;

/// What the model file's header says about where the weights come from.
pub const HEADER: &str = "\
sayso syntax model: part-of-speech tagger, lemmatiser and dependency parser.
Trained by `just train-syntax` (crates/sayso/examples/train_syntax.rs) on the training
splits of two Universal Dependencies treebanks:
- UD English-EWT (English Web Treebank), train split. Licence: CC BY-SA 4.0.
  Silveira et al. 2014, A Gold Standard Dependency Corpus for English (LREC);
  https://github.com/UniversalDependencies/UD_English-EWT
- UD English-GUM (Georgetown University Multilayer corpus), train split. Annotations
  CC BY 4.0; texts CC BY / CC BY-SA. Zeldes 2017, The GUM Corpus: Creating Multilayer
  Resources in the Classroom (Language Resources and Evaluation 51(3));
  https://github.com/UniversalDependencies/UD_English-GUM
These weights are derived from those annotations and are shared under CC BY-SA 4.0.
";

/// Training settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Passes over the data for the tagger.
    pub tagger_epochs: usize,
    /// Passes over the data for the parser.
    pub parser_epochs: usize,
    /// Parser trainings, each with its own shuffling seed, whose averaged weights are
    /// averaged into the model: one greedy parser's weights depend on the order it saw the
    /// sentences (dev LAS spreads over 0.3 to 0.6 points across four seeds), their mean less.
    pub parser_seeds: usize,
    /// The first of the parser's seeds (0 is the seed a single training has always used):
    /// another set of seeds shows how much the mean still depends on its seeds.
    pub first_parser_seed: usize,
    /// Folds for jackknifing the parser's training tags (1: tag with the final tagger).
    pub folds: usize,
    /// Passes over the data for the sentence splitter.
    pub splitter_epochs: usize,
    /// Hash bits of the tagger's, moves', relations' and sentence splitter's tables.
    pub bits: [u32; 4],
    /// Averaged weights smaller than these are dropped (tagger, moves, relations): most
    /// features are rare, and their small weights cost more bytes than they earn.
    pub prune: [f32; 3],
    /// A UPOS/Penn pair becomes a tag of its own when seen at least this often.
    pub min_tag_count: usize,
    /// Whether the parser follows its own (possibly wrong) moves after the first epoch, so
    /// that it learns what to do after a mistake (dynamic-oracle training).
    pub explore: bool,
    /// The model file's header.
    pub header: String,
}

/// What training reports as it goes.
pub enum Progress<'a> {
    /// A line of news.
    Note(String),
    /// The model after a tagger epoch (1-based).
    TaggerEpoch(usize, &'a Model),
    /// The model after a parser epoch (1-based) of one seed's training.
    ParserEpoch(usize, &'a Model),
    /// The model whose parser weights are the mean of this many seeds' trainings.
    ParserMean(usize, &'a Model),
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tagger_epochs: 8,
            parser_epochs: 10,
            // One training, the embedded model's. Four seeds' mean with 2^20 / 2^17 tables scores
            // better on both dev sets and is steadier, but fails unit tests of its own
            // sentences (docs/quality.md, Syntax, round 4; `--parser-seeds 4 --bits 16,20,17,16`).
            parser_seeds: 1,
            first_parser_seed: 0,
            folds: 4,
            splitter_epochs: 5,
            bits: [16, 18, 16, 16],
            prune: [1.0; 3],
            min_tag_count: 20,
            explore: true,
            header: HEADER.to_string(),
        }
    }
}

/// Accuracy on gold tokens and sentences (all words, punctuation included).
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// UPOS accuracy.
    pub upos: f64,
    /// Penn tag accuracy.
    pub xpos: f64,
    /// Lemma accuracy.
    pub lemma: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score.
    pub las: f64,
}

/// A fixed-seed xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for k in (1..v.len()).rev() {
            v.swap(k, (self.next() % (k as u64 + 1)) as usize);
        }
    }
}

/// A UPOS and Penn tag.
type Pair = (Upos, String);

/// The tag set: pairs seen often enough, most frequent first; every UPOS gets at least its
/// most frequent pair. Returns the tags and a map from every pair seen to its tag.
fn tag_set(sents: &[GoldSentence], min: usize) -> (Vec<Pair>, BTreeMap<Pair, u8>) {
    let mut counts: BTreeMap<(Upos, String), usize> = BTreeMap::new();
    for s in sents {
        for w in &s.words {
            *counts.entry((w.upos, w.xpos.clone())).or_default() += 1;
        }
    }
    let mut by_count: Vec<(&(Upos, String), &usize)> = counts.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut tags: Vec<(Upos, String)> = Vec::new();
    for &(pair, &c) in &by_count {
        let first_of_upos = !tags.iter().any(|t| t.0 == pair.0);
        if (c >= min || first_of_upos) && tags.len() < NT {
            tags.push((*pair).clone());
        }
    }
    let mut map = BTreeMap::new();
    for pair in counts.keys() {
        let t = tags.iter().position(|t| t == pair).or_else(|| tags.iter().position(|t| t.0 == pair.0)).unwrap_or(0);
        map.insert(pair.clone(), t as u8);
    }
    (tags, map)
}

/// The tag dictionary: for each lowercase form seen at least 3 times, its most frequent tag,
/// fixed when the form was seen at least 20 times with that tag at least 97% of the time.
fn tag_dict(sents: &[&GoldSentence], gold: &[&Vec<u8>]) -> U32Map {
    let mut counts: BTreeMap<u32, BTreeMap<u8, u32>> = BTreeMap::new();
    for (s, tags) in sents.iter().zip(gold) {
        for (w, &t) in s.words.iter().zip(tags.iter()) {
            *counts.entry(tagger::Atoms::of(&w.form).lw).or_default().entry(t).or_default() += 1;
        }
    }
    let mut entries = Vec::new();
    for (lw, c) in counts {
        let total: u32 = c.values().sum();
        let Some((&best, &n)) = c.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else { continue };
        if total >= 3 {
            let fixed = total >= 20 && f64::from(n) >= 0.97 * f64::from(total);
            entries.push((lw, u16::from(best) | (u16::from(fixed) << 8)));
        }
    }
    U32Map::from_entries(&entries)
}

fn model_with(tags: &[(Upos, String)], dict: U32Map) -> Model {
    Model { tags: tags.to_vec(), dict, ..Model::empty() }
}

/// Trains a tagger on the sentences (with their gold tags); the model returned holds the
/// tag set, the dictionary and the tagger's table.
fn train_tagger(
    sents: &[&GoldSentence],
    gold: &[&Vec<u8>],
    tags: &[(Upos, String)],
    opts: &Options,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Model {
    let mut model = model_with(tags, tag_dict(sents, gold));
    let mut w: Averaged<NT> = Averaged::new(opts.bits[0]);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut s = Scratch::default();
    let ntags = tags.len();
    for epoch in 0..opts.tagger_epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            s.load_forms(&model, sents[k].words.iter().map(|w| w.form.as_str()));
            let g = gold[k];
            tagger::decode(&mut s, |i, feats| {
                let guess = tagger::best(&w.scores(feats), ntags);
                if guess != g[i] {
                    w.update(feats, g[i] as usize, 1);
                    w.update(feats, guess as usize, -1);
                }
                w.tick();
                guess
            });
        }
        model.tagger = w.table(opts.prune[0]);
        after_epoch(epoch, &model);
    }
    model
}

/// Trains the whole model; `report` hears how training goes.
pub fn train(sents: &[GoldSentence], opts: &Options, mut report: impl FnMut(Progress<'_>)) -> Model {
    let (tags, tag_of) = tag_set(sents, opts.min_tag_count);
    let gold_tags: Vec<Vec<u8>> = sents
        .iter()
        .map(|s| s.words.iter().map(|w| tag_of.get(&(w.upos, w.xpos.clone())).copied().unwrap_or(0)).collect())
        .collect();
    report(Progress::Note(format!("{} sentences, {} tags", sents.len(), tags.len())));

    // Jackknifed tags for the parser: fold k is tagged by a tagger trained on the others.
    let mut predicted: Vec<Vec<u8>> = gold_tags.clone();
    if opts.folds > 1 {
        for k in 0..opts.folds {
            let (train_idx, held): (Vec<usize>, Vec<usize>) = (0..sents.len()).partition(|i| i % opts.folds != k);
            let tr: Vec<&GoldSentence> = train_idx.iter().map(|&i| &sents[i]).collect();
            let tg: Vec<&Vec<u8>> = train_idx.iter().map(|&i| &gold_tags[i]).collect();
            let m = train_tagger(&tr, &tg, &tags, opts, |_, _| {});
            let mut s = Scratch::default();
            let (mut right, mut total) = (0usize, 0usize);
            for &i in &held {
                s.load_forms(&m, sents[i].words.iter().map(|w| w.form.as_str()));
                tagger::tag(&m, &mut s);
                right += s.tags.iter().zip(&gold_tags[i]).filter(|(a, b)| a == b).count();
                total += s.tags.len();
                predicted[i] = s.tags.clone();
            }
            report(Progress::Note(format!(
                "fold {}: held-out tag accuracy {:.4}",
                k + 1,
                right as f64 / total.max(1) as f64
            )));
        }
    }

    let all: Vec<&GoldSentence> = sents.iter().collect();
    let all_gold: Vec<&Vec<u8>> = gold_tags.iter().collect();
    let mut model = train_tagger(&all, &all_gold, &tags, opts, |e, m| report(Progress::TaggerEpoch(e + 1, m)));

    let examples: Vec<(String, u8, String)> = sents
        .iter()
        .zip(&gold_tags)
        .flat_map(|(s, t)| s.words.iter().zip(t).map(|(w, &t)| (w.form.clone(), t, w.lemma.clone())))
        .collect();
    model.lemmas = lemma::learn(&examples);
    train_splitter(&mut model, sents, opts, &mut report);

    train_parser(&mut model, sents, &predicted, opts, &mut report);
    model.header = opts.header.clone();
    model
}

/// Trains the sentence splitter on the treebank's documents rebuilt as plain text and run
/// through the text stage: at each space inside a text-stage sentence, whether a treebank
/// sentence ends there.
fn train_splitter(model: &mut Model, sents: &[GoldSentence], opts: &Options, report: &mut impl FnMut(Progress<'_>)) {
    // (atoms, gaps, the words after which a sentence ends) per text-stage sentence.
    let mut examples: Vec<(Vec<tagger::Atoms>, Vec<split::Gap>, Vec<bool>)> = Vec::new();
    for (text, ends) in conllu::documents(sents) {
        let mut a = Analysis { text, ..Analysis::default() };
        crate::text::run(&mut a);
        let mut syn = Syntax::default();
        for (_, r) in words::split(&a, &mut syn) {
            let ws = &syn.words[r];
            let mut atoms: Vec<tagger::Atoms> = ws.iter().map(|w| tagger::Atoms::of(&a.text[w.range()])).collect();
            tagger::fill_dict(model, &mut atoms);
            let gaps = ws.windows(2).map(|p| split::gap(&a.text, p[0].end, p[1].start)).collect();
            let gold = ws.iter().map(|w| ends.binary_search(&w.end).is_ok()).collect();
            examples.push((atoms, gaps, gold));
        }
    }
    let (total, splits) = examples.iter().fold((0, 0), |(t, s), e| {
        (t + e.2.len(), s + e.2[..e.2.len().saturating_sub(1)].iter().filter(|&&x| x).count())
    });
    report(Progress::Note(format!(
        "splitter: {} text-stage sentences, {total} words, {splits} ends inside them",
        examples.len()
    )));
    let mut w: Averaged<NS> = Averaged::new(opts.bits[3]);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng(0x1656_67B1_9E37_79F9);
    let mut ends = Vec::new();
    for _ in 0..opts.splitter_epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (atoms, gaps, gold) = &examples[i];
            split::walk(
                atoms,
                gaps,
                |k, feats| {
                    let sc = w.scores(feats);
                    let guess = sc[1] > sc[0];
                    if guess != gold[k] {
                        w.update(feats, usize::from(gold[k]), 1);
                        w.update(feats, usize::from(guess), -1);
                    }
                    w.tick();
                    // Go on from the gold decision: the next sentence's length counts from there.
                    gold[k]
                },
                &mut ends,
            );
        }
    }
    model.splitter = w.table(opts.prune[1]);
}

fn train_parser(
    model: &mut Model,
    sents: &[GoldSentence],
    tags: &[Vec<u8>],
    opts: &Options,
    report: &mut impl FnMut(Progress<'_>),
) {
    let golds: Vec<(Vec<u16>, Vec<Deprel>)> = sents
        .iter()
        .map(|s| {
            let n = s.words.len();
            let mut heads: Vec<u16> = s
                .words
                .iter()
                .map(|w| if w.head == 0 || w.head > n { n as u16 } else { (w.head - 1) as u16 })
                .collect();
            parser::projectivise(&mut heads);
            (heads, s.words.iter().map(|w| w.deprel).collect())
        })
        .collect();
    let mut mean_moves: Mean<NM> = Mean::new(opts.bits[1]);
    let mut mean_labels: Mean<NL> = Mean::new(opts.bits[2]);
    for seed in (0..opts.parser_seeds.max(1)).map(|k| k + opts.first_parser_seed) {
        if opts.parser_seeds > 1 {
            report(Progress::Note(format!("parser seed {seed} ({} in all)", opts.parser_seeds)));
        }
        // Seed 0 is the one a single training has always used, so one seed gives its bytes.
        let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ (seed as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let (moves, labels) = train_parser_seed(model, sents, tags, &golds, &mut rng, opts, report);
        mean_moves.add(&moves);
        mean_labels.add(&labels);
    }
    if opts.parser_seeds > 1 {
        model.moves = mean_moves.table_in(opts.prune[1], parser::QUANT);
        model.labels = mean_labels.table_in(opts.prune[2], parser::QUANT);
        report(Progress::ParserMean(opts.parser_seeds, model));
    }
}

/// One parser training with the shuffling (and exploring) generator `rng`: its move and
/// relation weights; `model` holds its table after each epoch.
fn train_parser_seed(
    model: &mut Model,
    sents: &[GoldSentence],
    tags: &[Vec<u8>],
    golds: &[(Vec<u16>, Vec<Deprel>)],
    rng: &mut Rng,
    opts: &Options,
    report: &mut impl FnMut(Progress<'_>),
) -> (Averaged<NM>, Averaged<NL>) {
    let mut moves: Averaged<NM> = Averaged::new(opts.bits[1]);
    let mut labels: Averaged<NL> = Averaged::new(opts.bits[2]);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut s = Scratch::default();
    for epoch in 0..opts.parser_epochs {
        rng.shuffle(&mut order);
        let explore = opts.explore && epoch > 0;
        for &k in &order {
            s.load_forms(model, sents[k].words.iter().map(|w| w.form.as_str()));
            s.tags.clear();
            s.tags.extend_from_slice(&tags[k]);
            let (gold, gold_labels) = &golds[k];
            let rng = &mut *rng;
            let moves = &mut moves;
            let labels = &mut labels;
            parser::run(
                model,
                &mut s,
                parser::Forced::Score,
                |st, feats, valid| {
                    let scores = moves.scores(feats);
                    let guess = parser::best_move(&scores, valid);
                    let cost = st.costs(gold);
                    let mut best = usize::MAX;
                    for m in 0..3 {
                        if valid[m] && cost[m] == 0 && (best == usize::MAX || scores[m] > scores[best]) {
                            best = m;
                        }
                    }
                    if best == usize::MAX {
                        // No move is free (a non-projective remainder): the cheapest one.
                        best = (0..3).filter(|&m| valid[m]).min_by_key(|&m| cost[m]).unwrap_or(guess);
                    }
                    if cost[guess] > cost[best] {
                        moves.update(feats, best, 1);
                        moves.update(feats, guess, -1);
                    }
                    moves.tick();
                    if explore && rng.next() % 10 != 0 { guess } else { best }
                },
                |_, h, d, feats| {
                    let scores = labels.scores(feats);
                    let guess = parser::best_label(&scores);
                    if gold[d] as usize != h {
                        return guess;
                    }
                    let g = gold_labels[d];
                    if guess != g {
                        labels.update(feats, g as usize, 1);
                        labels.update(feats, guess as usize, -1);
                    }
                    labels.tick();
                    if explore { guess } else { g }
                },
            );
        }
        model.moves = moves.table_in(opts.prune[1], parser::QUANT);
        model.labels = labels.table_in(opts.prune[2], parser::QUANT);
        report(Progress::ParserEpoch(epoch + 1, model));
    }
    (moves, labels)
}

/// Tags, lemmatises and parses a treebank's sentence on its gold words: for each word, its
/// predicted (UPOS, Penn tag, lemma, head (1-based, 0 for the root), relation).
#[must_use]
pub fn predict(model: &Model, sent: &GoldSentence) -> Vec<(Upos, String, String, usize, Deprel)> {
    let mut s = Scratch::default();
    s.load_forms(model, sent.words.iter().map(|w| w.form.as_str()));
    tagger::tag(model, &mut s);
    parser::parse(model, &mut s);
    let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
    s.fix_punct(model, &forms);
    sent.words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let t = s.tags[i];
            let mut lemma = String::new();
            lemma::lemmatise(model, &w.form, t, &mut lemma);
            let h = s.heads[i];
            let head = if h == parser::ROOT_HEAD { 0 } else { h as usize + 1 };
            (model.upos(t), model.xpos(t).to_string(), lemma, head, s.labels[i])
        })
        .collect()
}

/// Scores a model on gold tokens and sentences.
#[must_use]
pub fn evaluate(model: &Model, sents: &[GoldSentence]) -> Scores {
    let mut s = Scratch::default();
    let (mut n, mut upos, mut xpos, mut lem, mut uas, mut las) = (0usize, 0usize, 0, 0, 0, 0);
    let mut lemma = String::new();
    for sent in sents {
        s.load_forms(model, sent.words.iter().map(|w| w.form.as_str()));
        tagger::tag(model, &mut s);
        parser::parse(model, &mut s);
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        s.fix_punct(model, &forms);
        let len = sent.words.len();
        for (i, w) in sent.words.iter().enumerate() {
            n += 1;
            let t = s.tags[i];
            upos += usize::from(model.upos(t) == w.upos);
            xpos += usize::from(model.xpos(t) == w.xpos);
            lemma.clear();
            lemma::lemmatise(model, &w.form, t, &mut lemma);
            lem += usize::from(lemma == w.lemma);
            let h = s.heads[i];
            let head = if h == parser::ROOT_HEAD { 0 } else { h as usize + 1 };
            if head == w.head && head <= len {
                uas += 1;
                las += usize::from(s.labels[i] == w.deprel);
            }
        }
    }
    let f = |x: usize| x as f64 / n.max(1) as f64;
    Scores { words: n, upos: f(upos), xpos: f(xpos), lemma: f(lem), uas: f(uas), las: f(las) }
}
