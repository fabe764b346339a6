use super::*;
use crate::syntax::conllu;

fn parse(text: &str) -> Analysis {
    let mut a = Analysis { text: text.to_string(), ..Analysis::default() };
    crate::text::run(&mut a);
    run(&mut a);
    a
}

/// The word id of the first word with this form.
fn word(a: &Analysis, form: &str) -> usize {
    let syn = &a.syntax;
    (0..syn.len()).find(|&w| &a.text[syn.words[w].range()] == form).unwrap_or_else(|| panic!("no word {form:?}"))
}

fn form(a: &Analysis, w: Option<usize>) -> Option<&str> {
    w.map(|w| &a.text[a.syntax.words[w].range()])
}

#[test]
fn subjects_objects_and_clausal_complements() {
    let a = parse("The senator told reporters that the committee approved the budget.");
    let s = &a.syntax;
    let told = word(&a, "told");
    assert_eq!(s.head(told), None, "the main verb is the root");
    assert_eq!(s.deprel(told), Deprel::Root);
    assert_eq!(form(&a, s.subject(told)), Some("senator"));
    assert_eq!(form(&a, s.ccomp(told)), Some("approved"));
    let approved = word(&a, "approved");
    assert_eq!(form(&a, s.subject(approved)), Some("committee"));
    assert_eq!(form(&a, s.object(approved)), Some("budget"));
    assert_eq!(form(&a, s.mark(approved)), Some("that"));
    assert_eq!(a.text[s.subtree(approved)].to_string(), "that the committee approved the budget");
    assert_eq!(s.lemma(told), "tell");
    assert_eq!(s.upos(told), Upos::Verb);
    assert_eq!(s.xpos(told), "VBD");
}

#[test]
fn passive_with_agent() {
    let a = parse("The bridge was destroyed by the storm on Tuesday.");
    let s = &a.syntax;
    let destroyed = word(&a, "destroyed");
    assert!(s.is_passive(destroyed));
    assert_eq!(form(&a, s.passive_subject(destroyed)), Some("bridge"));
    assert_eq!(form(&a, s.agent(destroyed)), Some("storm"));
    assert_eq!(s.deprel(word(&a, "storm")), Deprel::OblAgent);
    assert_eq!(form(&a, s.case_marker(word(&a, "storm"))), Some("by"));
    let obl: Vec<_> = s.obliques(destroyed).map(|(w, c)| (form(&a, Some(w)), form(&a, c))).collect();
    assert!(obl.contains(&(Some("Tuesday"), Some("on"))), "{obl:?}");
}

#[test]
fn relative_clause() {
    let a = parse("Officials arrested the man who attacked the embassy.");
    let s = &a.syntax;
    let attacked = word(&a, "attacked");
    assert_eq!(s.deprel(attacked), Deprel::AclRelcl);
    assert_eq!(form(&a, s.head(attacked)), Some("man"));
    assert_eq!(s.relative_clause(word(&a, "embassy")), Some(attacked));
    assert!(!s.in_relative_clause(word(&a, "Officials")));
    assert_eq!(form(&a, s.object(word(&a, "arrested"))), Some("man"));
}

#[test]
fn coordination() {
    let a = parse("Clinton, Sanders and Trump met voters in Ohio.");
    let s = &a.syntax;
    let (clinton, sanders, trump) = (word(&a, "Clinton"), word(&a, "Sanders"), word(&a, "Trump"));
    assert_eq!(s.deprel(sanders), Deprel::Conj);
    assert_eq!(s.deprel(trump), Deprel::Conj);
    assert_eq!(s.head(trump), Some(clinton));
    assert_eq!(s.conjuncts(clinton).collect::<Vec<_>>(), [sanders, trump]);
    assert_eq!(s.conjuncts(trump).collect::<Vec<_>>(), [clinton, sanders]);
    assert_eq!(s.first_conjunct(trump), clinton);
    assert_eq!(form(&a, s.subject(word(&a, "met"))), Some("Clinton"));
}

#[test]
fn tokens_map_to_words() {
    let a = parse("Officials cannot confirm the state-run agency's report.");
    let s = &a.syntax;
    let texts = |r: Range<usize>| r.map(|w| a.text[s.words[w].range()].to_string()).collect::<Vec<_>>();
    let cannot = a.tokens.iter().position(|t| &a.text[t.range()] == "cannot").unwrap();
    assert_eq!(texts(s.words_of_token(cannot)), ["can", "not"]);
    let state_run = a.tokens.iter().position(|t| &a.text[t.range()] == "state-run").unwrap();
    assert_eq!(texts(s.words_of_token(state_run)), ["state", "-", "run"]);
    assert_eq!(form(&a, s.word_of_token(state_run)), Some("run"));
    assert_eq!(s.token_of(word(&a, "not")), cannot);
    assert_eq!(s.lemma(word(&a, "not")), "not");
    // Every word lies inside its token and every token has a word.
    for (t, tok) in a.tokens.iter().enumerate() {
        let r = s.words_of_token(t);
        assert!(!r.is_empty());
        assert!(r.clone().all(|w| s.words[w].start >= tok.start && s.words[w].end <= tok.end));
    }
}

#[test]
fn every_sentence_is_one_tree() {
    let a = parse(
        "Hello there. Prices rose 5% in March, the agency said -- more than expected!\n\nA list: one, two; three\nand four",
    );
    let s = &a.syntax;
    for sent in &s.sentences {
        let roots: Vec<_> = sent.words.clone().filter(|&w| s.head(w).is_none()).collect();
        assert_eq!(roots, [sent.root]);
        for w in sent.words.clone() {
            assert!(s.ancestors(w).all(|h| sent.words.contains(&h)));
            assert!(s.ancestors(w).count() < sent.words.len());
            let st = s.subtree_words(w);
            assert!(st.contains(&w) && st.start >= sent.words.start && st.end <= sent.words.end);
        }
        assert_eq!(s.subtree_words(sent.root), sent.words);
    }
}

#[test]
fn conllu_round_trips_through_the_reader() {
    let a = parse("He didn't say. “We won’t,” she said.");
    let mut out = String::new();
    conllu::write(&a, "doc1", &mut out);
    assert!(out.starts_with("# newdoc id = doc1\n# newpar\n# sent_id = doc1-1\n# text = He didn't say.\n"), "{out}");
    assert!(out.contains("2-3\tdidn't\t_"), "{out}");
    assert!(out.contains("\tn't\tnot\tPART\t"), "{out}");
    let back = conllu::read(&out).unwrap();
    assert_eq!(back.len(), a.syntax.sentences.len());
    let words: usize = back.iter().map(|s| s.words.len()).sum();
    assert_eq!(words, a.syntax.len());
    for s in &back {
        assert_eq!(s.words.iter().filter(|w| w.head == 0).count(), 1);
    }
    // Every line of a sentence has ten columns; SpaceAfter=No where no space follows.
    for line in out.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        assert_eq!(line.split('\t').count(), 10, "{line}");
    }
    assert!(out.contains("5\t.\t.\tPUNCT\t.\t_\t") && out.contains("\tsay\tsay\t"), "{out}");
    // A space follows the first sentence's full stop; nothing follows the second's.
    assert!(out.lines().any(|l| l.starts_with("5\t.\t") && l.ends_with("\t_")), "{out}");
    assert!(out.lines().any(|l| l.starts_with("9\t.\t") && l.ends_with("SpaceAfter=No")), "{out}");
    assert!(out.lines().any(|l| l.contains("\tsay\t") && l.ends_with("SpaceAfter=No")), "{out}");
}

/// A small treebank of our own, for training tests.
const TINY: &str = "\
# newdoc id = t1
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_
4\ttwo\ttwo\tNUM\tCD\t_\t5\tnummod\t_\t_
5\tdogs\tdog\tNOUN\tNNS\t_\t3\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tDogs\tdog\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tbark\tbark\tVERB\tVBP\t_\t0\troot\t_\t_
3\tat\tat\tADP\tIN\t_\t5\tcase\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tmoon\tmoon\tNOUN\tNN\t_\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthat\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tcat\tcat\tNOUN\tNN\t_\t6\tnsubj\t_\t_
6\tslept\tsleep\tVERB\tVBD\t_\t2\tccomp\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tdogs\tdog\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_
3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
4\tseen\tsee\tVERB\tVBN\t_\t0\troot\t_\t_
5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_
6\tcats\tcat\tNOUN\tNNS\t_\t4\tobl:agent\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

";

#[test]
fn training_is_deterministic_and_learns() {
    let sents = conllu::read(TINY).unwrap();
    let opts = train::Options {
        tagger_epochs: 3,
        parser_epochs: 4,
        // Two seeds, so that their mean is trained twice too.
        parser_seeds: 2,
        first_parser_seed: 0,
        folds: 2,
        splitter_epochs: 2,
        bits: [12, 12, 12, 10],
        prune: [0.0; 3],
        min_tag_count: 1,
        explore: true,
        header: "test".to_string(),
    };
    let first = train::train(&sents, &opts, |_| {}).to_bytes();
    let second = train::train(&sents, &opts, |_| {}).to_bytes();
    assert_eq!(first, second);
    let model = Model::from_bytes(&first).expect("the bytes read back");
    assert_eq!(model.to_bytes(), first);
    assert_eq!(model.header(), "test");
    let sc = train::evaluate(&model, &sents);
    assert_eq!(sc.words, 26);
    assert!(sc.upos > 0.9 && sc.uas > 0.8 && sc.lemma > 0.9, "{sc:?}");
}

#[test]
fn the_embedded_model_says_where_it_comes_from() {
    let h = model::embedded().header();
    assert!(h.contains("EWT") && h.contains("GUM") && h.contains("CC BY-SA 4.0"), "{h}");
}

/// Random projective trees: each word's head is chosen so that no arc crosses another
/// (a random binary bracketing read as heads).
fn random_projective(n: usize, seed: &mut u64) -> Vec<u16> {
    fn build(lo: usize, hi: usize, head: u16, heads: &mut [u16], seed: &mut u64) {
        if lo >= hi {
            return;
        }
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let r = lo + (*seed as usize % (hi - lo));
        heads[r] = head;
        build(lo, r, r as u16, heads, seed);
        build(r + 1, hi, r as u16, heads, seed);
    }
    let mut heads = vec![0u16; n];
    build(0, n, n as u16, &mut heads, seed);
    heads
}

#[test]
fn following_zero_cost_moves_rebuilds_every_projective_tree() {
    let model = Model::empty();
    let mut seed = 0x1234_5678_9abc_def1u64;
    for n in 1..40 {
        for _ in 0..20 {
            let gold = random_projective(n, &mut seed);
            let mut s = Scratch::default();
            s.load_forms(&model, (0..n).map(|_| "w"));
            s.tags = vec![0; n];
            parser::run(
                &model,
                &mut s,
                parser::Forced::Score,
                |st, _, valid| {
                    let c = st.costs(&gold);
                    (0..3).find(|&m| valid[m] && c[m] == 0).expect("a free move")
                },
                |_, _, _, _| Deprel::Dep,
            );
            let got: Vec<u16> = s.heads.iter().map(|&h| if h == parser::ROOT_HEAD { n as u16 } else { h }).collect();
            assert_eq!(got, gold, "n = {n}");
        }
    }
}

#[test]
fn projectivising_lifts_crossing_arcs_only() {
    // 0 <- 2, 1 <- 3 cross; lifting 1 to 3's head makes it projective.
    let mut heads = vec![2u16, 3, 4, 2];
    parser::projectivise(&mut heads);
    assert_eq!(heads, [2, 2, 4, 2]);
    let mut projective = vec![1u16, 3, 1];
    parser::projectivise(&mut projective);
    assert_eq!(projective, [1, 3, 1]);
}

#[test]
fn treebank_documents_rebuild_their_text() {
    let text = "# newdoc id = d1\n# newpar\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n4\t!\t!\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n1\tOK\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n\n# newpar\n1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\t_\n\n# newdoc id = d2\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";
    let sents = conllu::read(text).unwrap();
    assert_eq!(sents.len(), 4);
    assert_eq!(sents[0].words.len(), 4);
    assert_eq!(sents[0].tokens.len(), 3);
    assert_eq!(sents[1].tokens, [("OK".to_string(), true)]);
    let docs = conllu::documents(&sents);
    assert_eq!(docs, [("don't go! OK\n\nBye".to_string(), vec![9, 12, 17]), ("Hi".to_string(), vec![2])]);
}

#[test]
fn taking_forced_moves_unscored_parses_as_scoring_them() {
    let model = model::embedded();
    let sentences = [
        "The mayor, who had promised a quick decision, said on Tuesday that the vote would wait.",
        "Officials in two provinces denied the report and asked for calm.",
        "Yes.",
        "\"We will not leave,\" the protesters shouted outside the ministry.",
    ];
    for text in sentences {
        let forms: Vec<&str> =
            text.split_inclusive([' ', ',', '.', '"']).map(str::trim).filter(|f| !f.is_empty()).collect();
        let mut taken = Scratch::default();
        taken.load_forms(model, forms.iter().copied());
        tagger::tag(model, &mut taken);
        let mut scored = Scratch::default();
        scored.load_forms(model, forms.iter().copied());
        scored.tags = taken.tags.clone();
        parser::parse(model, &mut taken);
        let mut asked = 0;
        parser::run(
            model,
            &mut scored,
            parser::Forced::Score,
            |_, f, valid| {
                asked += 1;
                parser::best_move(&model.moves.scores(f), valid)
            },
            |_, _, _, f| parser::best_label(&model.labels.scores(f)),
        );
        assert_eq!(taken.heads, scored.heads, "{text}");
        assert_eq!(taken.labels, scored.labels, "{text}");
        // Every word is shifted once and attached once.
        assert_eq!(asked, 2 * forms.len(), "{text}");
    }
}
