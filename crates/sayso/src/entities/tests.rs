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
