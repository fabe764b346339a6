use super::*;

fn analyse(text: &str) -> Analysis {
    let mut a = Analysis { text: text.to_string(), ..Analysis::default() };
    crate::text::run(&mut a);
    crate::embeds::run(&mut a);
    crate::time::run(&mut a);
    run(&mut a);
    a
}

/// Entity name → its mentions' texts.
fn clusters(a: &Analysis) -> Vec<(String, Vec<String>)> {
    a.entities
        .iter()
        .map(|e| (e.name.clone(), e.mentions.iter().map(|&m| a.slice(&a.mentions[m].span).to_string()).collect()))
        .collect()
}

fn cluster_of<'a>(c: &'a [(String, Vec<String>)], name: &str) -> &'a [String] {
    c.iter().find(|(n, _)| n == name).map_or(&[], |(_, m)| m.as_slice())
}

#[test]
fn name_variants_titles_and_surnames_cluster() {
    let a = analyse("Russian President Vladimir Putin called President Trump. Putin thanked Trump.");
    let c = clusters(&a);
    assert_eq!(cluster_of(&c, "Vladimir Putin"), ["Vladimir Putin", "Putin"], "{c:?}");
    assert_eq!(cluster_of(&c, "Donald Trump"), ["Trump", "Trump"], "{c:?}");
    let putin = a.entities.iter().find(|e| e.name == "Vladimir Putin").expect("putin");
    assert_eq!(putin.roles, ["Russian President"]);
    assert_eq!(putin.entity_type, EntityType::Person);
}

#[test]
fn acronyms_join_their_expansion() {
    let a = analyse("He thanked the Central Intelligence Agency (CIA) and the White House. The CIA and the WH agreed.");
    let c = clusters(&a);
    assert_eq!(cluster_of(&c, "Central Intelligence Agency").len(), 3, "{c:?}");
    assert_eq!(cluster_of(&c, "White House"), ["White House", "WH"], "{c:?}");
}

#[test]
fn lowercase_roles_attach_to_the_person_and_the_organisation_is_its_own_mention() {
    let a = analyse("Then White House press secretary Sarah Sanders confirmed the report.");
    let c = clusters(&a);
    assert_eq!(cluster_of(&c, "White House"), ["White House"], "{c:?}");
    let sanders = a.entities.iter().find(|e| e.name == "Sarah Sanders").expect("sanders");
    assert_eq!(sanders.roles, ["White House press secretary"]);
}

#[test]
fn subject_pronouns_go_to_the_subject_and_object_pronouns_to_the_other_person() {
    let a = analyse("President Trump told President Putin that he was pleased. Putin called Trump to thank him.");
    let he = a.mentions.iter().find(|m| a.slice(&m.span) == "he").expect("he");
    let him = a.mentions.iter().find(|m| a.slice(&m.span) == "him").expect("him");
    let name = |m: &MentionRec| a.entities[m.entities[0]].name.clone();
    assert_eq!(name(he), "Donald Trump");
    assert_eq!(name(him), "Donald Trump");
}

#[test]
fn group_nominals_name_the_two_most_mentioned_people() {
    let a =
        analyse("Vladimir Putin called Donald Trump. Putin and Trump spoke, Jane Doe said. The two leaders agreed.");
    let group = a.mentions.iter().find(|m| a.slice(&m.span) == "The two leaders").expect("group");
    let mut names: Vec<&str> = group.entities.iter().map(|&e| a.entities[e].name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Donald Trump", "Vladimir Putin"]);
}

#[test]
fn a_signature_ties_the_handle_to_its_author_and_nationalities_to_their_country() {
    let a = analyse(
        "Russian authorities arrested seven people in Russia.\nCan confirm.\n— Sarah Sanders (@PressSec) December 17, 2017\n",
    );
    let c = clusters(&a);
    assert_eq!(cluster_of(&c, "Sarah Sanders"), ["Sarah Sanders", "@PressSec"], "{c:?}");
    let russia: Vec<&(String, Vec<String>)> = c.iter().filter(|(_, m)| m.iter().any(|t| t == "Russia")).collect();
    assert_eq!(russia.len(), 1);
    assert!(russia[0].1.contains(&"Russian authorities".to_string()), "{c:?}");
}

fn tokens_only(text: &str) -> Analysis {
    let mut a = Analysis { text: text.to_string(), ..Analysis::default() };
    crate::text::run(&mut a);
    a
}

#[test]
fn the_embedded_tagger_finds_and_types_names() {
    let a = tokens_only("German Chancellor Angela Merkel met officials of Siemens AG in Paris on Monday.");
    let found: Vec<(String, &str)> = tagger::tag(&a)
        .iter()
        .map(|s| {
            (
                a.text[a.tokens[s.tokens.start].start..a.tokens[s.tokens.end - 1].end].to_string(),
                tagger::CLASSES[s.class],
            )
        })
        .collect();
    assert!(found.contains(&("Angela Merkel".to_string(), "PER")), "{found:?}");
    assert!(found.contains(&("Paris".to_string(), "LOC")), "{found:?}");
    assert!(found.iter().any(|(t, c)| t.starts_with("Siemens") && *c == "ORG"), "{found:?}");
    assert!(!found.iter().any(|(t, _)| t == "Monday"), "{found:?}");
}

#[test]
fn bio_tags_become_spans_and_gold_spans_become_bio_tags() {
    let a = tokens_only("Phil Simmons beat Somerset.");
    let (tags, misaligned) = tagger::gold_tags(&a, &[(0..12, 0), (18..26, 1)]);
    assert_eq!(misaligned, 0);
    assert_eq!(tags, [tagger::begin(0), tagger::inside(0), 0, tagger::begin(1), 0]);
    let spans = tagger::spans(&tags);
    assert_eq!(spans.len(), 2);
    assert_eq!((spans[0].tokens.clone(), spans[0].class), (0..2, 0));
    assert_eq!((spans[1].tokens.clone(), spans[1].class), (3..4, 1));
    // A span that ends inside a token cannot be learned and is counted.
    let (_, misaligned) = tagger::gold_tags(&a, &[(0..3, 0)]);
    assert_eq!(misaligned, 1);
}

#[test]
fn training_is_deterministic_and_learns_the_examples() {
    let texts = [
        ("Phil Simmons beat Somerset in London.", vec![(0..12, 0), (18..26, 1), (30..36, 2)]),
        ("Somerset lost to Essex at Lord's.", vec![(0..8, 1), (17..22, 1), (26..33, 2)]),
        ("Simmons took four wickets for Leicestershire.", vec![(0..7, 0), (30..44, 1)]),
    ];
    let examples = || {
        texts
            .iter()
            .map(|(t, gold)| {
                let analysis = tokens_only(t);
                let tags = tagger::gold_tags(&analysis, gold).0;
                tagger::Example { analysis, tags }
            })
            .collect::<Vec<_>>()
    };
    let first = tagger::train(&examples(), 5, 0.0, |_, _| {});
    let second = tagger::train(&examples(), 5, 0.0, |_, _| {});
    assert_eq!(first, second, "two trainings differ");
    let model = tagger::Model::from_bytes(&first).expect("model");
    assert!(!model.is_empty());
    let ex = examples();
    let found = tagger::tag_with(&model, &ex[0].analysis);
    assert_eq!(tagger::spans(&ex[0].tags), found);
}

#[test]
fn lowercase_comparison_matches_to_lowercase() {
    for (lower, name) in [
        ("paris", "Paris"),
        ("nato", "NATO"),
        ("paris", "Pari"),
        ("pariS", "Paris"),
        ("zürich", "Zürich"),
        ("οδυσσεύς", "ΟΔΥΣΣΕΎΣ"),
        ("οδυσσευς", "ΟΔΥΣΣΕΎΣ"),
    ] {
        assert_eq!(super::is_lowercase_of(lower, name), lower == name.to_lowercase(), "{lower} / {name}");
    }
}

proptest::proptest! {
    /// The one-pass covering test answers what testing every span would, for ranges asked in
    /// order of their start.
    #[test]
    fn covering_is_the_brute_force_answer(
        spans in proptest::collection::vec((0usize..60, 1usize..15), 0..12),
        mut asked in proptest::collection::vec((0usize..60, 1usize..15), 0..20),
    ) {
        let spans: Vec<Range<usize>> = spans.into_iter().map(|(s, len)| s..s + len).collect();
        asked.sort_by_key(|&(s, _)| s);
        let mut covering = Covering::new(spans.iter().cloned());
        for (s, len) in asked {
            let r = s..s + len;
            let brute = spans.iter().any(|t| t.start <= r.start && r.end <= t.end);
            proptest::prop_assert_eq!(covering.covers(&r), brute, "{:?} in {:?}", r, spans);
        }
    }
}
