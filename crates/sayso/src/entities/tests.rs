use super::*;

fn analyse(text: &str) -> Analysis {
    let mut a = Analysis { text: text.to_string(), ..Analysis::default() };
    crate::text::run(&mut a);
    crate::syntax::run(&mut a);
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
    crate::syntax::run(&mut a);
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
                tagger::Example { analysis, tags, no_misc: false }
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

/// The names found (mention kind Name or Acronym) as (text, CoNLL class), in text order.
fn names(a: &Analysis) -> Vec<(String, &'static str)> {
    a.mentions
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Acronym))
        .map(|m| (a.slice(&m.span).to_string(), ["PER", "ORG", "LOC", "MISC"][usize::from(conll_class(m.entity_type))]))
        .collect()
}

/// The names found inside byte range `r`.
fn names_in(a: &Analysis, r: Range<usize>) -> Vec<(String, &'static str)> {
    a.mentions
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Acronym))
        .filter(|m| m.span.start >= r.start && m.span.end <= r.end)
        .map(|m| (a.slice(&m.span).to_string(), ["PER", "ORG", "LOC", "MISC"][usize::from(conll_class(m.entity_type))]))
        .collect()
}

fn owned(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    v.iter().map(|(t, c)| ((*t).to_string(), *c)).collect()
}

/// Ten headlines, title case and capitals, each the first line of a short article: the
/// names in them are found with the body's types, and none of their capitalised common
/// words is a name.
#[test]
fn headlines_keep_their_names_and_no_capitalised_common_word() {
    // (headline, body, the headline's names with their CoNLL class)
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let cases: [Case; 10] = [
        (
            "Putin Thanks Trump for Tip That Foiled Bomb Plot",
            "Russian President Vladimir Putin called Donald Trump on Sunday to thank him for a tip from the CIA.",
            &[("Putin", "PER"), ("Trump", "PER")],
        ),
        (
            "Stealth Over Health: Senate Moves Quietly on Drug Prices",
            "The Senate voted on Tuesday to delay the bill, Senator Maria Lopez said.",
            &[("Senate", "ORG")],
        ),
        (
            "Avoid Bad Optics, Aides Tell Governor Hale",
            "Aides to Governor Tom Hale urged him to cancel the trip to Paris.",
            &[("Hale", "PER")],
        ),
        (
            "Gennifer Flowers Won't Testify, Lawyer Says",
            "Gennifer Flowers, 68, will not appear before the committee, her lawyer said on Friday.",
            &[("Gennifer Flowers", "PER")],
        ),
        (
            "Debate Night: Right and Left Clash Over Taxes in Ohio",
            "Candidates met in Columbus, Ohio, for the second debate of the campaign.",
            &[("Ohio", "LOC")],
        ),
        (
            "MERKEL WARNS OF SLOWDOWN AS GERMAN EXPORTS FALL",
            "Chancellor Angela Merkel said on Monday that German exports fell in May.",
            &[("MERKEL", "PER"), ("GERMAN", "MISC")],
        ),
        (
            "FLOODS CUT OFF VILLAGES NEAR LYON",
            "Heavy rain flooded villages near Lyon on Saturday, the regional prefecture said.",
            &[("LYON", "LOC")],
        ),
        (
            "Toyota Sues Honda Over Engine Design",
            "Toyota Motor Corp said on Monday it had sued Honda Motor Co in Tokyo.",
            &[("Toyota", "ORG"), ("Honda", "ORG")],
        ),
        (
            "NEW SANCTIONS ON IRAN DRAW SHARP WORDS FROM TEHRAN",
            "The United States announced new sanctions on Iran on Wednesday, and officials in Tehran condemned them.",
            &[("IRAN", "LOC"), ("TEHRAN", "LOC")],
        ),
        (
            "Local Hero: How Maria Lopez Rebuilt Her Neighborhood",
            "Maria Lopez, a nurse from Houston, spent two years rebuilding homes on her street.",
            &[("Maria Lopez", "PER")],
        ),
    ];
    for (headline, body, expected) in cases {
        let a = analyse(&format!("{headline}\n\n{body}\n"));
        assert_eq!(names_in(&a, 0..headline.len()), owned(expected), "{headline}");
    }
}

#[test]
fn a_headline_given_as_the_title_is_read_as_one() {
    // The title line need not be the first line when it is the article's given title.
    let text = "By a staff writer\nSenate Passes Stealth Bill\nThe Senate passed the bill on Friday.\n";
    let mut a = Analysis { text: text.to_string(), ..Analysis::default() };
    a.meta.title = Some("Senate Passes Stealth Bill".into());
    crate::text::run(&mut a);
    crate::time::run(&mut a);
    run(&mut a);
    let line = text.find("Senate Passes").expect("line");
    assert_eq!(names_in(&a, line..line + 26), owned(&[("Senate", "ORG")]));
}

#[test]
fn sentence_initial_adverbs_and_determiners_are_not_names() {
    let a = analyse(
        "Moreover, the council rejected the plan. Additionally, Mayor Ruth Okafor resigned. Finally, the \
         budget passed. Crucially, nobody objected. My sister lives in Leeds. Later, Okafor thanked the staff.",
    );
    let found = names(&a);
    for w in ["Moreover", "Additionally", "Finally", "Crucially", "My", "Later"] {
        assert!(!found.iter().any(|(t, _)| t == w), "{w} in {found:?}");
    }
    assert!(found.contains(&("Ruth Okafor".to_string(), "PER")), "{found:?}");
    assert!(found.contains(&("Leeds".to_string(), "LOC")), "{found:?}");
}

#[test]
fn a_first_name_that_is_also_a_place_stays_a_person() {
    let a = analyse(
        "Georgia Mbeki, 9, won the regional spelling contest. Their daughter, Florence, loved the trip. \
         Florence said she would go back to Paris.",
    );
    let found = names(&a);
    assert!(found.contains(&("Georgia Mbeki".to_string(), "PER")), "{found:?}");
    assert_eq!(found.iter().filter(|(t, c)| t == "Florence" && *c == "PER").count(), 2, "{found:?}");
    assert!(found.contains(&("Paris".to_string(), "LOC")), "{found:?}");
    // The rule itself, on a span the tagger typed as a place: a gazetteer place followed by
    // a surname the gazetteer knows is a person; a place with a place word after it is not.
    let a = tokens_only("Florence Mbeki spoke. Florence Cathedral opened.");
    let person = tagger::Span { tokens: 0..2, class: 2 };
    let church = tagger::Span { tokens: 4..6, class: 2 };
    let lines = tagger::line_kinds(&a);
    let refined = rules::refine(&a, vec![person, church], &lines);
    assert_eq!(refined.iter().map(|s| s.class).collect::<Vec<_>>(), [0, 2]);
}

#[test]
fn laws_treaties_events_works_and_peoples_are_misc() {
    let a = analyse(
        "Congress passed the HEROES Act in May. The Treaty of Lisbon changed the union. His grandfather \
         fought in the Battle of Gettysburg. The cuts hit Title IV grants. Canadians voted on Monday. She won \
         the Nobel Prize.",
    );
    let found = names(&a);
    for w in ["HEROES Act", "Treaty of Lisbon", "Battle of Gettysburg", "Title IV", "Canadians", "Nobel Prize"] {
        assert!(found.iter().any(|(t, c)| t == w && *c == "MISC"), "{w} in {found:?}");
    }
}

#[test]
fn a_title_before_a_name_is_the_role_not_part_of_an_organisation() {
    // The rule itself, on spans the tagger typed as organisations.
    let a = tokens_only("Attorney Jane Okafor filed it. Professor Eastman agreed. General Motors did not.");
    let lines = tagger::line_kinds(&a);
    let spans = vec![
        tagger::Span { tokens: 0..3, class: 1 },
        tagger::Span { tokens: 6..8, class: 1 },
        tagger::Span { tokens: 10..12, class: 1 },
    ];
    let refined = rules::refine(&a, spans, &lines);
    assert_eq!(refined.iter().map(|s| s.class).collect::<Vec<_>>(), [0, 0, 1]);
    // Through the stage: the person is named without the title, which is the role.
    let a = analyse("Attorney Jane Okafor filed the motion on Monday. Professor Eastman agreed with her.");
    let okafor = a.entities.iter().find(|e| e.name == "Jane Okafor").expect("okafor");
    assert_eq!(
        (okafor.entity_type, okafor.roles.as_slice()),
        (EntityType::Person, ["Attorney".to_string()].as_slice())
    );
    let eastman = a.entities.iter().find(|e| e.name == "Eastman").expect("eastman");
    assert_eq!(
        (eastman.entity_type, eastman.roles.as_slice()),
        (EntityType::Person, ["Professor".to_string()].as_slice())
    );
    // A title alone is no name.
    let a = analyse("The Emperor arrived on Tuesday, and the Earl greeted him.");
    assert!(!names(&a).iter().any(|(t, _)| t == "Emperor" || t == "Earl"), "{:?}", names(&a));
}

#[test]
fn a_name_is_not_cut_at_the_apostrophe_of_a_contraction() {
    let a = tokens_only("Gennifer Flowers Won't Testify");
    // The tagger's span ran into "Wo" of "Won't": the rule drops it.
    let span = tagger::Span { tokens: 0..3, class: 1 };
    let refined = rules::refine(&a, vec![span], &tagger::line_kinds(&a));
    assert_eq!(refined.len(), 1);
    assert_eq!(a.slice(&(a.tokens[0].start..a.tokens[refined[0].tokens.end - 1].end)), "Gennifer Flowers");
    // A span that is nothing but the verb is dropped.
    let refined = rules::refine(&a, vec![tagger::Span { tokens: 2..3, class: 0 }], &tagger::line_kinds(&a));
    assert!(refined.is_empty(), "{refined:?}");
}

#[test]
fn one_name_has_one_type_in_an_article() {
    let a = tokens_only("Caloi makes bicycles. Caloi sold more. Caloi grew. The firm Caloi hired staff.");
    let lines = tagger::line_kinds(&a);
    let starts: Vec<usize> = (0..a.tokens.len()).filter(|&i| a.slice(&a.tokens[i].range()) == "Caloi").collect();
    assert_eq!(starts.len(), 4);
    // The second "Caloi" was typed a person, the others an organisation.
    let spans: Vec<tagger::Span> =
        starts.iter().map(|&i| tagger::Span { tokens: i..i + 1, class: if i == starts[1] { 0 } else { 1 } }).collect();
    let refined = rules::refine(&a, spans, &lines);
    assert_eq!(refined.iter().map(|s| s.class).collect::<Vec<_>>(), [1, 1, 1, 1]);
}

#[test]
fn being_in_something_that_is_no_place_does_not_make_a_name_a_place() {
    // "was in a dispute" says nothing of what the club is; "is in Ostrava" and "is in the
    // province of" make a place.
    let a = tokens_only(
        "The Brenvik Rowing Club was in a dispute. Tolvey is in Ostrava. Marsk is in the province of Dalby.",
    );
    let lines = tagger::line_kinds(&a);
    let at = |w: &str| (0..a.tokens.len()).find(|&i| a.slice(&a.tokens[i].range()) == w).expect(w);
    let club = at("Brenvik");
    let spans = vec![
        tagger::Span { tokens: club..club + 3, class: 1 },
        tagger::Span { tokens: at("Tolvey")..at("Tolvey") + 1, class: 0 },
        tagger::Span { tokens: at("Marsk")..at("Marsk") + 1, class: 1 },
    ];
    let refined = rules::refine(&a, spans, &lines);
    assert_eq!(refined.iter().map(|s| s.class).collect::<Vec<_>>(), [1, 2, 2]);
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

/// The embedded clusters (`just clusters`) put words used alike near each other: weekdays in
/// one cluster, two capitals closer to each other than to a weekday, two first names closer to
/// each other than to a capital; a word the text never had has none.
#[test]
fn embedded_clusters_group_words_used_alike() {
    use super::clusters::path_string;
    let path = |w: &str| path_string(tagger::word_cluster(w).unwrap_or_else(|| panic!("{w} has no cluster")));
    let shared = |a: &str, b: &str| path(a).chars().zip(path(b).chars()).take_while(|(x, y)| x == y).count();
    assert_eq!(path("monday"), path("friday"));
    assert!(shared("london", "paris") > shared("london", "monday"));
    assert!(shared("john", "david") > shared("john", "london"));
    assert!(tagger::word_cluster("qzxwvbn").is_none());
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

#[test]
fn the_last_word_of_a_name_types_it_where_the_tagger_typed_the_first() {
    // The rule on spans typed by their first word: a place before "Rowing Club", a person
    // before "River" and "Street"; a title before "Street" keeps its type, and a one-word
    // name has no head to go by.
    let a = tokens_only("Brenvik Rowing Club won. Tolvey River rose. Hale Street closed. General Street. Brenvik.");
    let lines = tagger::line_kinds(&a);
    let spans = vec![
        tagger::Span { tokens: 0..3, class: 2 },
        tagger::Span { tokens: 5..7, class: 0 },
        tagger::Span { tokens: 9..11, class: 0 },
        tagger::Span { tokens: 13..15, class: 0 },
        tagger::Span { tokens: 16..17, class: 0 },
    ];
    let refined = rules::refine(&a, spans, &lines);
    assert_eq!(refined.iter().map(|s| s.class).collect::<Vec<_>>(), [1, 2, 2, 0, 0]);
    // Through the stage.
    let found = names(&analyse("The Brenvik Rowing Club met on the banks of the Tolvey River on Monday."));
    assert!(found.iter().any(|(t, c)| t == "Brenvik Rowing Club" && *c == "ORG"), "{found:?}");
    assert!(found.iter().any(|(t, c)| t == "Tolvey River" && *c == "LOC"), "{found:?}");
}

#[test]
fn body_names_reach_a_headline_in_which_the_tagger_found_none() {
    let a = tokens_only("Talia Morrow Quits Board, Sources Say\n\nTalia Morrow, 52, left the board on Monday.\n");
    let lines = tagger::line_kinds(&a);
    assert_ne!(lines[0] & tagger::LINE_HEADLINE, 0, "the first line is a headline");
    let body = (0..a.tokens.len()).filter(|&i| a.slice(&a.tokens[i].range()) == "Talia").nth(1).expect("body");
    // The tagger found the body's name only.
    let refined = rules::refine(&a, vec![tagger::Span { tokens: body..body + 2, class: 0 }], &lines);
    let found: Vec<(String, usize)> = refined
        .iter()
        .map(|s| {
            (a.slice(&(a.tokens[s.tokens.start].start..a.tokens[s.tokens.end - 1].end)).to_string(), s.tokens.start)
        })
        .collect();
    assert_eq!(found, [("Talia Morrow".to_string(), 0), ("Talia Morrow".to_string(), body)]);
}
