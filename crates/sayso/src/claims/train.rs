//! Learning the claims model (`just train-claims`, `examples/train_claims.rs`) from
//! attributions annotated in articles (PolNeAR's training split): each article is run
//! through the stages before this one, the rules and the parse propose their drafts for
//! every cue, and each cue's drafts are labelled as the attribution scorer would judge them
//! — a draft is right when its content overlaps a gold attribution's by a Dice coefficient
//! of at least 0.5 and its source overlaps that attribution's source; the right draft is
//! the one overlapping most, and a cue none of whose drafts is right should keep none. An
//! averaged perceptron learns to rank each cue's drafts above "none" exactly when one of
//! them is right. A cue inside an annotated content is not learned from unless it has a right
//! draft or sits in a relative clause (PolNeAR annotates no claim inside another), and a
//! quoted draft is judged with the bare quotation that continues it. Deterministic: the same
//! articles give the same bytes.

use super::model::groups;
use super::*;
use crate::learn::Averaged;

/// Hash-table size of the model's weights, in bits (2^18 buckets of one `i16`).
const BITS: u32 = 20;

/// One gold attribution, in byte ranges of the article's text.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// What is attributed.
    pub content: Vec<Range<usize>>,
    /// Who it is attributed to (may be empty).
    pub source: Vec<Range<usize>>,
    /// The words that attribute it (may be empty).
    pub cue: Vec<Range<usize>>,
}

/// One training article: its analysis up to (not including) the claims stage, and its
/// gold attributions.
pub struct Example {
    /// The article after the stages before claims.
    pub analysis: Analysis,
    /// Its annotated attributions.
    pub gold: Vec<Gold>,
}

/// One cue's drafts as the perceptron sees them.
struct Group {
    /// Each draft's features.
    options: Vec<Vec<u32>>,
    /// The best draft, if any is right.
    label: Option<usize>,
    /// How well each draft matches ([`quality`]); a draft at least 0.5 is right.
    quality: Vec<f32>,
}

/// Characters that are not whitespace before each byte offset, as the scorer counts them.
fn visible_prefix(text: &str) -> Vec<u32> {
    let mut out = vec![0u32; text.len() + 1];
    let mut n = 0;
    let mut last = 0;
    for (b, c) in text.char_indices() {
        out[last..=b].fill(n);
        if !c.is_whitespace() {
            n += 1;
        }
        last = b + 1;
    }
    out[last..].fill(n);
    out
}

/// Visible characters shared by two sets of disjoint byte ranges.
fn shared(prefix: &[u32], a: &[Range<usize>], b: &[Range<usize>]) -> u32 {
    let mut n = 0;
    for x in a {
        for y in b {
            let (s, e) = (x.start.max(y.start), x.end.min(y.end));
            if s < e {
                n += prefix[e.min(prefix.len() - 1)] - prefix[s];
            }
        }
    }
    n
}

fn size(prefix: &[u32], a: &[Range<usize>]) -> u32 {
    a.iter().map(|r| prefix[r.end.min(prefix.len() - 1)] - prefix[r.start.min(prefix.len() - 1)]).sum()
}

/// How well a draft matches the gold attributions: its best content Dice with an
/// attribution whose source it shares (0 when none).
fn quality(prefix: &[u32], content: &[Range<usize>], source: Option<&Range<usize>>, gold: &[Gold]) -> f64 {
    let own = size(prefix, content);
    let mut best = 0.0f64;
    for g in gold {
        let inter = shared(prefix, content, &g.content);
        let source_ok =
            g.source.is_empty() || source.is_some_and(|s| shared(prefix, std::slice::from_ref(s), &g.source) > 0);
        if inter > 0 && source_ok {
            best = best.max(f64::from(2 * inter) / f64::from(own + size(prefix, &g.content)).max(1.0));
        }
    }
    best
}

/// A cue lemma needs this many cues in the training articles to get weights of its own;
/// rarer ones teach the weights of an unseen lemma ([`super::model::UNSEEN`]), which is
/// what a verb outside the training articles meets at run time.
const MIN_CUES: usize = 2;

/// One cue in this many is trained as if its lemma were unseen (see [`prepare`]).
const DROPOUT: u32 = 8;

/// Each article's finder and the drafts it proposes, generated once: the lemma counts and
/// the features both read them.
fn drafts(examples: &[Example]) -> Vec<(Finder<'_>, Vec<Draft<'_>>)> {
    examples
        .iter()
        .map(|e| {
            let mut f = Finder::new(&e.analysis);
            let all = f.generate();
            (f, all)
        })
        .collect()
}

/// The feature values of the cue lemmas with at least [`MIN_CUES`] cues among `drafts`, sorted.
fn known_lemmas(drafts: &[(Finder<'_>, Vec<Draft<'_>>)]) -> Vec<u32> {
    let mut counts: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
    for (_, all) in drafts {
        for group in groups(all) {
            if let Some(&i) = group.first() {
                *counts.entry(super::model::hs(all[i].lemma)).or_default() += 1;
            }
        }
    }
    counts.into_iter().filter(|&(_, n)| n >= MIN_CUES).map(|(l, _)| l).collect()
}

/// The cues of one article (its finder `f` and drafts `all`), their drafts' features and labels.
fn prepare(e: &Example, f: &Finder<'_>, all: &[Draft<'_>], known: &[u32]) -> Vec<Group> {
    let a = &e.analysis;
    let prefix = visible_prefix(&a.text);
    let cue_head = |group: &[usize]| group.first().map_or(0, |&i| all[i].head);
    let inside_gold = |t: usize| {
        let b = a.tokens.get(t).map_or(usize::MAX, |t| t.start);
        e.gold.iter().any(|g| g.content.iter().any(|r| r.contains(&b)))
    };
    let relative =
        |t: usize| !a.syntax.is_empty() && a.syntax.word_of_token(t).is_some_and(|w| a.syntax.in_relative_clause(w));
    let mut out = Vec::new();
    for group in groups(all) {
        let rule = group.iter().find(|&&i| all[i].origin == Origin::Rule).map(|&i| &all[i]);
        // Word dropout: some cues of known lemmas are learned as unseen too, so that the
        // unseen lemma's weights say how a cue is used (its frame, its content, its source)
        // and not only how rare verbs fare. Chosen by a hash, so training stays deterministic.
        let cue = group.first().map_or(0, |&i| all[i].cue.start);
        let dropped = crate::learn::mix(70, cue as u32, a.text.len() as u32, 0) % DROPOUT == 0;
        let known = if dropped { &[][..] } else { known };
        let mut g = Group { options: Vec::with_capacity(group.len()), label: None, quality: Vec::new() };
        let mut best = 0.0;
        for &i in &group {
            let d = &all[i];
            let mut feats = Vec::with_capacity(64);
            f.features(d, rule, known, &mut feats);
            g.options.push(feats);
            let mut content: Vec<Range<usize>> = d.content.iter().flat_map(|r| f.byte_spans(r)).collect();
            let source = d.source.as_ref().and_then(|r| f.byte_range(r));
            let mut q = quality(&prefix, &content, source.as_ref(), &e.gold);
            // A quoted content goes on with the bare quotation that opens the next sentence
            // ("“…,” said X. “…”"), as the stage joins them after the choice (`bare_quotes`):
            // judged without it, the draft of every such cue would be taught as wrong.
            if let Some(next) = f.continuation(d) {
                content.extend(f.byte_spans(&next));
                q = q.max(quality(&prefix, &content, source.as_ref(), &e.gold));
            }
            g.quality.push(q as f32);
            if q >= 0.5 && q > best {
                best = q;
                g.label = Some(g.options.len() - 1);
            }
        }
        // A cue inside an annotated content without a right draft: PolNeAR gives each word
        // to one attribution at most, so it never annotates a claim reported inside another
        // (none of the training split's 19,832 does), and such a cue's label is unknown, not
        // "no claim"; taught as "no claim" it teaches the model to reject verbs the
        // annotators mark elsewhere. A cue in a relative clause stays a negative: there the
        // verb describes a noun ("a shortage that *demands* …"), whatever surrounds it.
        if g.label.is_none() && inside_gold(cue_head(&group)) && !relative(cue_head(&group)) {
            continue;
        }
        out.push(g);
    }
    out
}

/// Trains a model for `epochs` passes over `examples` (articles in an order shuffled by a
/// fixed seed) and returns its bytes. `after_epoch` sees each epoch's averaged model (for
/// choosing the number of epochs on held-out articles).
pub fn train(examples: &[Example], epochs: usize, mut after_epoch: impl FnMut(usize, &Model)) -> Vec<u8> {
    let drafts = drafts(examples);
    let known = known_lemmas(&drafts);
    let prepared: Vec<Vec<Group>> =
        examples.iter().zip(&drafts).map(|(e, (f, all))| prepare(e, f, all, &known)).collect();
    drop(drafts);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut p = Averaged::<1>::new(BITS);
    for epoch in 0..epochs {
        crate::learn::shuffle(&mut order, &mut rng);
        for &d in &order {
            for g in &prepared[d] {
                let mut guess: Option<(i32, usize)> = None;
                for (k, feats) in g.options.iter().enumerate() {
                    let s = p.scores(feats)[0];
                    if s > 0 && guess.is_none_or(|(b, _)| s > b) {
                        guess = Some((s, k));
                    }
                }
                let guess = guess.map(|(_, k)| k);
                // A right draft whose content is clearly worse than the best one's is
                // corrected too: the stage should draw contents as the annotators do, not
                // only near enough to count.
                let fine = match (guess, g.label) {
                    (Some(k), Some(l)) => g.quality[k] >= 0.5 && g.quality[k] + 0.1 >= g.quality[l],
                    (None, None) => true,
                    _ => false,
                };
                if !fine {
                    if let Some(l) = g.label {
                        p.update(&g.options[l], 0, 1);
                    }
                    if let Some(x) = guess {
                        p.update(&g.options[x], 0, -1);
                    }
                }
                p.tick();
            }
        }
        after_epoch(epoch, &Model { table: p.table(0.0), known: known.clone(), nested: super::model::NESTED });
    }
    Model { table: p.table(0.0), known, nested: super::model::NESTED }.to_bytes()
}

/// (true positives, predicted, gold) of an analysed article's claims against its gold
/// attributions, counted as `score_attribution.py` counts them: a claim and an attribution
/// match when their contents overlap by a Dice coefficient of at least 0.5 (whitespace
/// not counted), paired one to one best first; a pair is right when the sources overlap (or
/// the attribution has none).
#[must_use]
pub fn score(a: &Analysis, gold: &[Gold]) -> (usize, usize, usize) {
    let prefix = visible_prefix(&a.text);
    let pred: Vec<&ClaimRec> = a.claims.iter().filter(|c| !c.content.is_empty()).collect();
    let mut pairs = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        let own = size(&prefix, &g.content);
        for (j, c) in pred.iter().enumerate() {
            let inter = shared(&prefix, &g.content, &c.content);
            let dice = f64::from(2 * inter) / f64::from(own + size(&prefix, &c.content)).max(1.0);
            if inter > 0 && dice >= 0.5 {
                pairs.push((dice, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_gold, mut used_pred) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut tp = 0;
    for (_, i, j) in pairs {
        if used_gold[i] || used_pred[j] {
            continue;
        }
        used_gold[i] = true;
        used_pred[j] = true;
        let source: Vec<Range<usize>> = pred[j].source.as_ref().and_then(|s| s.span.clone()).into_iter().collect();
        tp += usize::from(gold[i].source.is_empty() || shared(&prefix, &gold[i].source, &source) > 0);
    }
    (tp, pred.len(), gold.len())
}

/// Statistics of the training data: cues, cues with a right draft, and gold attributions
/// some draft matches (the most a model choosing among these drafts can find).
#[must_use]
pub fn coverage(examples: &[Example]) -> (usize, usize) {
    let mut cues = 0;
    let mut labelled = 0;
    for (e, (f, all)) in examples.iter().zip(&drafts(examples)) {
        for g in prepare(e, f, all, &[]) {
            cues += 1;
            labelled += usize::from(g.label.is_some());
        }
    }
    (cues, labelled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ArticleInput;

    /// An article of our own with its attributions, each given as (content, source) texts.
    fn example(text: &str, gold: &[(&str, &str)]) -> Example {
        let find = |s: &str| text.find(s).map(|b| b..b + s.len()).into_iter().collect::<Vec<_>>();
        let gold = gold.iter().map(|(c, s)| Gold { content: find(c), source: find(s), cue: Vec::new() }).collect();
        let analysis = crate::analyze(ArticleInput::from_text(text)).unwrap_or_default();
        Example { analysis, gold }
    }

    fn examples() -> Vec<Example> {
        vec![
            example(
                "The mayor said the bridge would reopen in May. Engineers warned that the cables were worn.",
                &[("the bridge would reopen in May", "The mayor"), ("that the cables were worn", "Engineers")],
            ),
            example(
                "“We will appeal,” the lawyer told reporters. The firm that demands payment is in Ohio.",
                &[("“We will appeal,”", "the lawyer")],
            ),
            example(
                "According to the county, turnout rose. Residents fear the plant will close, a union official said.",
                &[
                    ("turnout rose", "the county"),
                    ("the plant will close", "Residents"),
                    ("Residents fear the plant will close", "a union official"),
                ],
            ),
        ]
    }

    #[test]
    fn training_twice_gives_the_same_bytes() {
        let ex = examples();
        let a = train(&ex, 3, |_, _| {});
        let b = train(&ex, 3, |_, _| {});
        assert_eq!(a, b);
        let model = Model::from_bytes(&a);
        assert!(model.as_ref().is_some_and(|m| !m.is_empty()), "the model learned no weights");
        assert!(Model::from_bytes(&a[..a.len() - 1]).is_none(), "a cut model must not load");
    }

    /// The number of cues of `e` that training learns from.
    fn taught(e: &Example) -> Vec<Option<usize>> {
        let d = drafts(std::slice::from_ref(e));
        prepare(e, &d[0].0, &d[0].1, &[]).into_iter().map(|g| g.label).collect()
    }

    #[test]
    fn cues_inside_an_annotated_content_are_not_taught_as_non_claims() {
        // PolNeAR would not annotate "warned" inside the mayor's claim: its label is unknown.
        let text = "The mayor said engineers warned that the cables were worn.";
        let with = taught(&example(text, &[("engineers warned that the cables were worn", "The mayor")]));
        let without = taught(&example(text, &[]));
        assert!(with.len() < without.len(), "{with:?} {without:?}");
        assert!(with.iter().any(Option::is_some), "{with:?}");
    }

    #[test]
    fn a_quotation_continued_after_its_cue_labels_the_cue_right() {
        let text = "Intro.\n“The bridge is safe,” said Ana Lind. “We checked every cable twice, and the inspectors from the state agreed with every finding.”";
        let at = |s: &str| text.find(s).map(|b| b..b + s.len()).into_iter().collect::<Vec<_>>();
        let gold = Gold {
            content: [
                at("“The bridge is safe,”"),
                at("“We checked every cable twice, and the inspectors from the state agreed with every finding.”"),
            ]
            .concat(),
            source: at("Ana Lind"),
            cue: at("said"),
        };
        let analysis = crate::analyze(ArticleInput::from_text(text)).unwrap_or_default();
        let labels = taught(&Example { analysis, gold: vec![gold] });
        assert!(labels.iter().any(Option::is_some), "{labels:?}");
    }

    #[test]
    fn labels_follow_the_scorer() {
        let text = "The mayor said the bridge would reopen in May.";
        let prefix = visible_prefix(text);
        let at = |s: &str| text.find(s).map_or(0..0, |b| b..b + s.len());
        let gold = [Gold {
            content: vec![at("the bridge would reopen in May")],
            source: vec![at("mayor")],
            cue: vec![at("said")],
        }];
        let q = |content: &str, source: &str| quality(&prefix, &[at(content)], Some(&at(source)), &gold);
        assert!((q("the bridge would reopen in May", "The mayor") - 1.0).abs() < 1e-9);
        // Half the content: Dice 2·16/(16+25) = 0.78 (whitespace not counted).
        let half = q("would reopen in May", "The mayor");
        assert!(half > 0.5 && half < 0.9, "{half}");
        // The right content from the wrong source is wrong.
        assert_eq!(q("the bridge would reopen in May", "said"), 0.0);
    }
}

/// One draft the stage considered, for error analysis (`train_claims --proposals`).
#[derive(Debug, Clone)]
pub struct Proposal {
    /// The cue, in bytes.
    pub cue: Range<usize>,
    /// The content, in bytes.
    pub content: Vec<Range<usize>>,
    /// The source, in bytes.
    pub source: Option<Range<usize>>,
    /// What proposed it (`Rule`, `Ccomp`, `Obj` …) and how the source was found.
    pub origin: String,
    /// The model's score.
    pub score: i32,
    /// Whether the stage keeps it for its cue.
    pub chosen: bool,
    /// Whether its cue lies inside the content of a claim kept for another cue (then the
    /// rules decide).
    pub nested: bool,
}

/// Every draft of every cue of an analysed article (stages before claims run), scored by
/// `model`.
#[must_use]
pub fn proposals(a: &Analysis, model: &Model) -> Vec<Proposal> {
    let mut f = Finder::new(a);
    let all = f.generate();
    let d = f.decide(&all, model);
    let mut out = Vec::with_capacity(all.len());
    for (g, group) in d.groups.iter().enumerate() {
        for &i in group {
            let draft = &all[i];
            out.push(Proposal {
                cue: f.byte_range(&draft.cue).unwrap_or(0..0),
                content: draft.content.iter().flat_map(|r| f.byte_spans(r)).collect(),
                source: draft.source.as_ref().and_then(|r| f.byte_range(r)),
                origin: format!("{:?}/{:?}/{:?}", draft.origin, draft.frame, draft.source_rel),
                score: d.scores[i],
                chosen: d.keep[g] == Some(i),
                nested: d.inside[g],
            });
        }
    }
    out
}
