use super::sentence::tokens_within;
use super::*;

fn analyse(text: &str, published: &str) -> Analysis {
    crate::analyze(crate::ArticleInput { published: Some(published.into()), ..crate::ArticleInput::from_text(text) })
        .expect("analysis")
}

/// One coded event: trigger, code, sources' and targets' texts.
#[derive(Debug, PartialEq, Eq)]
struct Row {
    trigger: String,
    code: String,
    sources: Vec<String>,
    targets: Vec<String>,
}

fn coded(a: &Analysis) -> Vec<Row> {
    let side = |e: &EventRec, role| {
        e.participants.iter().filter(|p| p.role == role).map(|p| a.slice(&p.span).to_string()).collect::<Vec<_>>()
    };
    a.events
        .iter()
        .filter_map(|e| {
            Some(Row {
                trigger: a.slice(&e.trigger).to_string(),
                code: e.cameo.clone()?,
                sources: side(e, ParticipantRole::Source),
                targets: side(e, ParticipantRole::Target),
            })
        })
        .collect()
}

/// The coded events of one text published on 2017-12-17.
fn rows_of(text: &str) -> Vec<Row> {
    coded(&analyse(text, "2017-12-17"))
}

fn event<'a>(a: &'a Analysis, trigger: &str) -> &'a EventRec {
    a.events.iter().find(|e| a.slice(&e.trigger) == trigger).unwrap_or_else(|| panic!("no event `{trigger}`"))
}

#[test]
fn a_passive_verbs_agent_is_the_source() {
    let rows = rows_of("Eriador was sharply criticised by Osgiliath on Monday.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].sources.as_slice(), rows[0].targets.as_slice()),
        (&["Osgiliath".to_string()][..], &["Eriador".to_string()][..])
    );
    assert!(rows[0].code.starts_with("11"), "{rows:?}");
}

#[test]
fn coordinated_subjects_share_one_record() {
    let rows = rows_of("Mordor, Rohan and Bree condemned the raid by Osgiliath.");
    assert_eq!(rows.len(), 1, "one event, not one per member: {rows:?}");
    assert_eq!(rows[0].sources, ["Mordor", "Rohan", "Bree"]);
}

#[test]
fn a_call_is_one_record_with_both_sides_its_time_claim_and_purpose() {
    let a = analyse(
        "The White House on Sunday confirmed that Vladimir Putin called Donald Trump to thank him.",
        "2017-12-17",
    );
    let rows = coded(&a);
    let calls: Vec<&Row> = rows.iter().filter(|r| r.trigger == "called").collect();
    assert_eq!(calls.len(), 1, "a symmetric call is one record: {rows:?}");
    assert_eq!(
        (calls[0].code.as_str(), calls[0].sources[0].as_str(), calls[0].targets[0].as_str()),
        ("041", "Vladimir Putin", "Donald Trump")
    );
    // The purpose infinitive shares the caller as its subject.
    assert!(
        rows.iter().any(|r| r.trigger == "thank" && r.code == "051" && r.sources == ["Vladimir Putin"]),
        "{rows:?}"
    );
    let call = event(&a, "called");
    assert_eq!(call.time.map(|(t, _)| a.times[t].value.as_str()), Some("2017-12-17"));
    assert_eq!(call.claim, Some(0));
    assert_eq!(call.modality[0], Modality::Reported);
}

#[test]
fn a_place_is_never_an_actor() {
    let a = analyse("Rohan's riders searched a farmhouse in Bree on Friday.", "2017-12-17");
    let search = event(&a, "searched");
    assert!(search.participants.iter().all(|p| p.role != ParticipantRole::Target), "{:?}", coded(&a));
    assert_eq!(search.place.as_ref().map(|p| a.slice(&p.span)), Some("Bree"));
    // Nor where someone spoke.
    let a = analyse("Arnor said during a rally in Bree that Gondor had attacked Rohan.", "2017-12-17");
    assert!(a.events.iter().flat_map(|e| &e.participants).all(|p| a.slice(&p.span) != "Bree"), "{:?}", coded(&a));
}

#[test]
fn a_relation_or_standing_is_no_event() {
    let a = analyse("Twelve towns led by Bree filed a complaint against Gondor.", "2017-12-17");
    assert!(a.events.iter().all(|e| a.slice(&e.trigger) != "led"), "{:?}", coded(&a));
    let a = analyse("Arnor leads Gondor by five points in the latest poll.", "2017-12-17");
    assert!(coded(&a).is_empty(), "{:?}", coded(&a));
}

#[test]
fn a_negated_event_keeps_its_code_and_says_it_did_not_happen() {
    let a = analyse("Gondor did not attack Mordor on Tuesday.", "2017-12-17");
    let attack = event(&a, "attack");
    assert_eq!(attack.polarity, Polarity::Negative);
    assert_eq!(attack.cameo.as_deref().and_then(|c| c.get(..2)), Some("19"));
}

#[test]
fn planned_events_are_prevented_when_their_planners_are_arrested() {
    let a = analyse("Rohan police arrested four men who were planning bombings in Bree.", "2017-12-17");
    assert!(coded(&a).iter().any(|r| r.trigger == "arrested" && r.code == "173"), "{:?}", coded(&a));
    let bombings = event(&a, "bombings");
    assert_eq!(bombings.cameo.as_deref(), Some("183"));
    assert_eq!(a.slice(&bombings.participants[0].span), "four men");
    assert!(bombings.modality.contains(&Modality::Planned));
    assert!(bombings.modality.contains(&Modality::Prevented), "the planners were arrested");
    assert!(a.events.iter().all(|e| a.slice(&e.trigger) != "planning"), "planning marks modality only");
    // "were stopped" says so of another mention.
    let a = analyse("Police said the attacks were stopped.", "2017-12-17");
    assert!(event(&a, "attacks").modality.contains(&Modality::Prevented));
}

#[test]
fn appeals_and_threats_are_coded_from_the_verb_and_what_it_frames() {
    // An appeal for information (0214): the verb asks, its complement names what for.
    let a = analyse("Gondor asked Rohan and Arnor to provide information about the raid.", "2017-12-17");
    let rows = coded(&a);
    assert_eq!(rows.len(), 1, "the complement is part of the appeal: {rows:?}");
    assert_eq!((rows[0].code.as_str(), rows[0].sources.as_slice()), ("0214", &["Gondor".to_string()][..]));
    assert_eq!(rows[0].targets, ["Rohan", "Arnor"]);
    // A threat of force (1384).
    let a = analyse("Mordor threatened to attack Gondor.", "2017-12-17");
    let rows = coded(&a);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!((rows[0].code.as_str(), rows[0].targets.as_slice()), ("1384", &["Gondor".to_string()][..]));
    // A refusal (1241) and an intent (0353) through "will".
    let a = analyse("Eriador refused to lift the curfew on Bree.", "2017-12-17");
    assert_eq!(coded(&a).first().map(|r| r.code.as_str()), Some("1241"), "{:?}", coded(&a));
    let a = analyse("Arnor said it will release the Gondor prisoners.", "2017-12-17");
    assert!(coded(&a).iter().any(|r| r.code == "0353"), "{:?}", coded(&a));
}

#[test]
fn a_date_restricted_actor_takes_the_code_of_the_publication_date() {
    let code = |published| {
        let a = analyse("Vladimir Putin met Angela Merkel in Moscow.", published);
        let met = event(&a, "met");
        met.participants.iter().find(|p| p.role == ParticipantRole::Source).and_then(|p| p.code.clone())
    };
    assert_eq!(code("2017-12-17").as_deref(), Some("RUSGOV"), "president then");
    assert_eq!(code("1996-05-01").as_deref(), Some("RUSELI"), "not yet in government");
}

#[test]
fn a_pattern_code_wins_over_the_verbs_own() {
    // CALL is 041 by itself, 020 (appeal) with "for"; CUT is 160, "cut ties" 161 with
    // "diplomatic ties".
    let a = analyse("Eriador has called for aid from Osgiliath.", "2017-12-17");
    assert_eq!(coded(&a).first().map(|r| &r.code[..2]), Some("02"), "{:?}", coded(&a));
    let a = analyse("Arnor cut diplomatic ties with Gondor.", "2017-12-17");
    assert_eq!(coded(&a).first().map(|r| r.code.as_str()), Some("161"), "{:?}", coded(&a));
}

#[test]
fn an_event_reported_again_is_one_record() {
    let a = analyse(
        "Vladimir Putin called Donald Trump on Sunday. A Kremlin aide said that Putin called Trump.",
        "2017-12-17",
    );
    let calls: Vec<&EventRec> = a.events.iter().filter(|e| e.cameo.as_deref() == Some("041")).collect();
    assert_eq!(calls.len(), 1, "{:?}", coded(&a));
    assert_eq!(calls[0].time.map(|(t, _)| a.times[t].value.as_str()), Some("2017-12-17"));
    // Another call on another day is another event.
    let a = analyse("Vladimir Putin called Donald Trump on Sunday. Putin also called Trump on Thursday.", "2017-12-17");
    assert_eq!(a.events.iter().filter(|e| e.cameo.as_deref() == Some("041")).count(), 2, "{:?}", coded(&a));
}

#[test]
fn names_in_compounds_are_no_verbs() {
    let a = analyse("White House press secretary Sarah Sanders spoke.", "2017-12-17");
    assert!(a.events.iter().all(|e| a.slice(&e.trigger) != "press"));
}

#[test]
fn every_code_has_a_name() {
    assert_eq!(cameo_label("173"), Some("Arrest, detain, or charge with legal action"));
    assert_eq!(cameo_label("0214"), Some("Appeal for intelligence"));
    assert_eq!(cameo_label("999"), None);
}

#[test]
fn tokens_within_a_sentence_are_the_texts_tokens_in() {
    let a = analyse(
        "Arnor said on Monday that Gondor had seized three ships. Rohan, in turn, condemned the seizure.",
        "2017-12-17",
    );
    for s in &a.sentences {
        let toks = s.tokens.clone();
        let (lo, hi) = (a.tokens[toks.start].start, a.tokens[toks.end - 1].end);
        // Every byte range inside the sentence, from one character to the whole.
        for start in lo..=hi {
            for end in start..=hi {
                assert_eq!(tokens_within(&a, &toks, &(start..end)), a.tokens_in(&(start..end)), "{start}..{end}");
            }
        }
    }
}

#[test]
fn an_outlook_a_verb_of_saying_reports_is_a_pessimistic_or_optimistic_comment() {
    let a = analyse("Arnor's king said he was doubtful about Gondor's promise to withdraw.", "2017-12-17");
    let rows = coded(&a);
    assert!(
        rows.iter()
            .any(|r| r.code == "012" && r.sources.iter().any(|x| x.ends_with("king")) && r.targets == ["Gondor"]),
        "{rows:?}"
    );
    let rows = rows_of("The minister of Rohan said he was hopeful that Gondor would sign the treaty.");
    assert!(rows.iter().any(|r| r.code == "013" && r.targets == ["Gondor"]), "{rows:?}");
    // What the outlook is about is commented on, not told: no signing.
    assert!(rows.iter().all(|r| r.trigger != "sign"), "{rows:?}");
}

#[test]
fn who_a_demand_is_made_of_is_the_subject_of_what_it_demands() {
    let rows = rows_of("Gondor demanded that Mordor stop the executions.");
    assert!(
        rows.iter().any(|r| r.trigger == "demanded" && r.code.starts_with("10") && r.targets == ["Mordor"]),
        "{rows:?}"
    );
}

#[test]
fn a_protest_is_against_whom_its_purpose_names_and_a_crowd_acts_through_what_it_counts() {
    let rows = rows_of("Thousands of farmers staged a march to protest Gondor's new grain tax.");
    let protest = rows.iter().find(|r| r.code.starts_with("14")).unwrap_or_else(|| panic!("{rows:?}"));
    assert!(protest.sources.iter().any(|x| x.contains("farmers")), "{rows:?}");
    assert_eq!(protest.targets, ["Gondor"], "{rows:?}");
}

#[test]
fn a_denial_of_charges_is_directed_at_who_made_them() {
    let rows = rows_of("Rohan denied charges by Gondor on Monday.");
    assert!(rows.iter().any(|r| r.code.starts_with("01") && r.targets == ["Gondor"]), "{rows:?}");
}

#[test]
fn what_a_speaker_says_another_must_do_is_a_demand_of_it() {
    let a = analyse("Gondor said that Mordor must release the captives.", "2017-12-17");
    let rows = coded(&a);
    let demand = rows.iter().find(|r| r.code.starts_with("10")).unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(demand.trigger, "said");
    // The code book's demand to release persons, combined from what must be done.
    assert_eq!(demand.code, "1053", "{rows:?}");
    assert_eq!(demand.targets, ["Mordor"], "{rows:?}");
    // What must be done is the demand's content, not an event told as done.
    assert!(rows.iter().all(|r| r.trigger != "release"), "{rows:?}");
    // Said of oneself, it is no demand.
    let a = analyse("Arnor said it must free the captives.", "2017-12-17");
    assert!(coded(&a).iter().all(|r| !r.code.starts_with("10")), "{:?}", coded(&a));
}

#[test]
fn what_an_appeal_or_a_cut_is_for_picks_its_subcode() {
    // No verb of the complement says what is asked for; its noun does (de-escalation, 0256).
    let a = analyse("Rohan appealed to Mordor for the withdrawal of its troops from Ithilien.", "2017-12-17");
    let rows = coded(&a);
    assert!(rows.iter().any(|r| r.trigger == "appealed" && r.code == "0256"), "{rows:?}");
    // A qualifier picks the kind of aid stopped (military, 1622).
    let rows = rows_of("Gondor suspended military aid to Rohan on Monday.");
    assert!(rows.iter().any(|r| r.trigger == "suspended" && r.code == "1622"), "{rows:?}");
}

#[test]
fn an_event_told_only_as_a_condition_has_no_code() {
    let rows = rows_of("Arnor will meet Gondor's envoy if Mordor attacks Rohan.");
    assert!(rows.iter().all(|r| r.trigger != "attacks"), "{rows:?}");
}

#[test]
fn a_demand_is_coded_as_one_even_where_the_dictionary_has_an_appeal() {
    // PETRARCH2 codes "demand ... cooperation" 022 (an appeal); the code book's demand is 102.
    let rows = rows_of("Rohan demanded cooperation from Gondor on Monday.");
    assert!(rows.iter().any(|r| r.trigger == "demanded" && r.code.starts_with("10")), "{rows:?}");
    assert!(rows.iter().all(|r| !r.code.starts_with("02")), "{rows:?}");
}

#[test]
fn coordinated_parties_agreeing_to_a_truce_are_its_two_sides() {
    let rows = rows_of("Rohan and Mordor agreed to a ceasefire on Sunday.");
    let truce = rows.iter().find(|r| r.trigger == "agreed").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(
        (truce.sources.as_slice(), truce.targets.as_slice()),
        (&["Rohan".to_string()][..], &["Mordor".to_string()][..])
    );
}

#[test]
fn a_verb_of_saying_with_an_object_is_coded_by_its_patterns() {
    let rows = rows_of("The Rohirrim declared a unilateral ceasefire on Friday.");
    assert!(rows.iter().any(|r| r.trigger == "declared" && r.code == "0871"), "{rows:?}");
}

#[test]
fn force_told_through_its_means_is_one_event_of_the_means_kind() {
    let rows = rows_of("A roadside bombing near Osgiliath killed three Gondor soldiers on Tuesday.");
    assert!(rows.iter().any(|r| r.code == "1833"), "{rows:?}");
    assert!(rows.iter().all(|r| r.trigger != "bombing"), "one event, not the means again: {rows:?}");
}

#[test]
fn a_demand_for_a_meeting_is_coded_with_what_it_demands() {
    let rows = rows_of("Rohan demanded a meeting with Gondor's council on Friday.");
    assert!(rows.iter().any(|r| r.trigger == "demanded" && r.code == "106"), "{rows:?}");
}

#[test]
fn the_subject_is_the_one_next_to_the_verb_not_a_time_or_an_apposition() {
    let a = analyse("Gondor said Monday it had asked Rohan and Bree to send more troops.", "2017-12-17");
    let asked = event(&a, "asked");
    let sources: Vec<&str> =
        asked.participants.iter().filter(|p| p.role == ParticipantRole::Source).map(|p| a.slice(&p.span)).collect();
    assert_eq!(sources, ["Gondor"], "{:?}", coded(&a));
    let rows = rows_of("A member of the Gondor council, Tom Bombadil, started a hunger strike on Friday.");
    // The source lies in "A member of the Gondor council", before the apposition.
    assert!(
        rows.iter().any(|r| r.code.starts_with("142")
            && r.sources.iter().any(|x| "A member of the Gondor council".contains(x.as_str()))),
        "{rows:?}"
    );
}

#[test]
fn a_synonym_set_after_the_verb_matches_a_thing_not_a_word_of_a_name() {
    // "news" in a news agency's name is no information shared (064): the release of a person.
    let a = analyse(
        "Gondor police released the correspondent of the news agency Rohan Press International on Friday.",
        "2017-12-17",
    );
    let rows = coded(&a);
    assert!(rows.iter().any(|r| r.trigger == "released" && r.code.starts_with("084")), "{rows:?}");
    // Security asked for as a thing keeps its subcode.
    let rows = rows_of("Gondor asked Rohan for security guarantees.");
    assert!(rows.iter().any(|r| r.trigger == "asked" && r.code == "0234"), "{rows:?}");
}

#[test]
fn a_pronoun_participant_is_shown_by_its_name_in_the_sentence() {
    let a = analyse(
        "Foreign Minister John Miller of Rohan said on Monday that he urges Gondor to sign the treaty.",
        "2017-12-17",
    );
    let rows = coded(&a);
    let urges = rows.iter().find(|r| r.trigger == "urges").unwrap_or_else(|| panic!("{rows:?}"));
    assert!(urges.sources.iter().all(|x| x != "he") && urges.sources.iter().any(|x| x.contains("Miller")), "{rows:?}");
}

#[test]
fn a_thing_done_to_is_directed_at_whom_it_is_for() {
    let rows = rows_of("Gondor suspended work on a training camp for Rohan soldiers.");
    assert!(rows.iter().any(|r| r.trigger == "suspended" && r.targets.iter().any(|t| t.contains("Rohan"))), "{rows:?}");
}

#[test]
fn an_unresolved_pronoun_in_what_a_speaker_reports_is_the_speaker() {
    let a =
        analyse("Rohan tribal leaders said yesterday that they were ready to forgive President Theoden.", "2017-12-17");
    let rows = coded(&a);
    let forgive = rows.iter().find(|r| r.trigger == "forgive").unwrap_or_else(|| panic!("{rows:?}"));
    assert!(forgive.sources.iter().any(|x| x.contains("leaders")), "{rows:?}");
}

#[test]
fn an_event_told_in_passing_beside_the_main_one_has_no_code() {
    // The main event is coded; the one an "as" clause or a participle tells in passing is kept
    // without a code, as the code book codes a sentence's main event.
    let a = analyse("Mordor's army attacked Rohan on Monday as Gondor's police arrested Arnor's envoys.", "2017-12-17");
    let rows = coded(&a);
    assert!(rows.iter().any(|r| r.trigger == "attacked" && r.code.starts_with("19")), "{rows:?}");
    assert!(rows.iter().all(|r| r.trigger != "arrested"), "{rows:?}");
    assert!(a.events.iter().any(|e| a.slice(&e.trigger) == "arrested" && e.cameo.is_none()), "{:?}", a.events);
    // (A purpose is told with the event it is for: the call's test above.)
}

/// Asserts that `text` has an event triggered by `trigger` with CAMEO code `code`.
fn assert_coded(text: &str, trigger: &str, code: &str) {
    let rows = rows_of(text);
    assert!(rows.iter().any(|r| r.trigger == trigger && r.code == code), "{trigger} {code}: {rows:?}");
}

#[test]
fn the_code_books_leaves_from_the_words_of_the_event() {
    // Killing a public figure is an assassination.
    assert_coded("Mordor's soldiers killed the deputy governor of Rohan on Tuesday.", "killed", "186");
    // An adverb before the verb names the kind of assault.
    assert_coded("Mordor's guards sexually abused Rohan's prisoners.", "abused", "1821");
    // Defying is the code book's 128, an official complaint its 114.
    assert_coded("Arnor defied Gondor's council on Monday.", "defied", "128");
    assert_coded("Rohan lodged an official protest with Gondor on Friday.", "lodged", "114");
    // A threatened action that is no force is a non-force threat.
    assert_coded("Mordor threatened to cut off electricity to Rohan.", "threatened", "131");
}

#[test]
fn a_demand_to_hand_over_suspects_is_made_of_who_must_act() {
    let rows = rows_of("Gondor's minister said that Mordor must hand over the suspects.");
    let demand = rows.iter().find(|r| r.code.starts_with("10")).unwrap_or_else(|| panic!("{rows:?}"));
    // Handing over suspects is judicial cooperation: a demand for it is 1013.
    assert_eq!(demand.code, "1013", "{rows:?}");
    assert_eq!(demand.targets, ["Mordor"], "{rows:?}");
}

#[test]
fn halting_talks_aid_or_mediation_is_a_reduction_of_relations() {
    assert_coded("Gondor ended its mediation between Rohan and Mordor on Friday.", "ended", "165");
    let rows = rows_of("Arnor suspended talks with Mordor on Monday.");
    assert!(rows.iter().any(|r| r.trigger == "suspended" && r.code == "164" && r.targets == ["Mordor"]), "{rows:?}");
}

#[test]
fn a_curfew_or_blockade_a_speaker_will_extend_is_a_threat_of_it() {
    // "extend the curfew" is imposing it; announced as what the speaker will do, a threat.
    assert_coded("Gondor's king announced that he will extend the curfew on Rohan's farmers.", "extend", "1323");
    assert_coded("Mordor tightened its blockade of Gondor on Sunday.", "tightened", "191");
}

#[test]
fn a_plan_to_impose_restrictions_is_a_threat_of_them() {
    let rows = rows_of("Gondor is planning to impose restrictions on Rohan's traders.");
    assert!(rows.iter().any(|r| r.code.starts_with("132")), "{rows:?}");
    assert!(rows.iter().all(|r| !r.code.starts_with("17")), "{rows:?}");
}

#[test]
fn a_sentence_whose_main_event_is_one_sided_gets_its_verbs_code() {
    // No one is named to surrender to: the verb's own code, with its one side (the yield an
    // armed force's surrender is, 0874).
    let rows = rows_of("Three hundred Chadian rebels surrendered in the hills on Monday.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!((rows[0].trigger.as_str(), rows[0].code.as_str()), ("surrendered", "0874"), "{rows:?}");
    assert_eq!(rows[0].sources, ["Chadian rebels"], "{rows:?}");
    // Not so for a side no dictionary names: a role alone, or a name it does not know.
    assert!(rows_of("The old teacher surrendered in the hills on Monday.").is_empty());
    assert!(rows_of("Two hundred Mordor rebels surrendered in the hills on Monday.").is_empty());
    // An event told in passing beside it stays uncoded.
    let rows = rows_of("Chadian rebels surrendered on Monday after Sudan's army attacked their camp.");
    assert!(rows.iter().any(|r| r.trigger == "surrendered"), "{rows:?}");
    assert!(rows.iter().all(|r| r.trigger != "attacked"), "{rows:?}");
    // A sentence with a coded event codes no one-sided one besides it.
    let rows = rows_of("Chadian rebels surrendered, and Sudan's army attacked Libya's camp.");
    assert!(rows.iter().any(|r| r.trigger == "attacked" && r.code == "190"), "{rows:?}");
    assert!(rows.iter().all(|r| r.trigger != "surrendered"), "{rows:?}");
}

#[test]
fn an_appeal_or_mediation_a_support_verb_takes_is_its_subjects() {
    // The appeal's subject is the support verb's; what it asks for is the clause after it.
    let rows = rows_of("Kenya renewed its appeal to Uganda to release the journalists.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    let r = &rows[0];
    assert_eq!((r.trigger.as_str(), r.code.as_str()), ("appeal", "0253"), "{rows:?}");
    assert_eq!((r.sources.as_slice(), r.targets.as_slice()), (&["Kenya".to_string()][..], &["Uganda".to_string()][..]));
    // A mediation between two sides is done to both by whoever undertakes it; talks between
    // two sides are theirs.
    let rows = rows_of("Kenya's foreign minister undertook a mediation mission between Syria and Lebanon.");
    let m = rows.iter().find(|r| r.code == "045").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(m.targets, ["Syria", "Lebanon"], "{rows:?}");
    assert!(!m.sources.is_empty() && !m.sources.iter().any(|x| x == "Syria"), "{rows:?}");
    let rows = rows_of("Talks between Syria and Lebanon resumed on Monday.");
    assert!(rows.iter().any(|r| r.code == "046" && r.sources == ["Syria"] && r.targets == ["Lebanon"]), "{rows:?}");
}

#[test]
fn riots_are_violent_protest_with_their_aim() {
    let rows = rows_of("Kurdish riots against Turkish police policies are still continuing.");
    // A riot for a change of policy is 1452, against the side its "against" phrase names.
    assert!(
        rows.iter().any(|r| r.trigger == "riots" && r.code == "1452" && r.targets == ["Turkish police"]),
        "{rows:?}"
    );
}

#[test]
fn civilians_blocking_passage_protest_a_state_coerces() {
    assert_coded("Angry Spanish paper workers blocked the main bridge for three hours.", "blocked", "144");
    let rows = rows_of("Israel blocked the aid convoy to Gaza.");
    assert!(rows.iter().any(|r| r.trigger == "blocked" && !r.code.starts_with("14")), "{rows:?}");
}

#[test]
fn claiming_responsibility_for_an_attack_is_015_against_its_target() {
    let rows = rows_of("Hamas claimed responsibility for the attack on Israeli troops.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!((rows[0].code.as_str(), rows[0].targets.as_slice()), ("015", &["Israeli troops".to_string()][..]));
    // Any other claim is the claims stage's, its clause's event coded on its own.
    let rows = rows_of("Hamas claimed that Israel attacked Gaza.");
    assert!(rows.iter().all(|r| r.code != "015") && rows.iter().any(|r| r.trigger == "attacked"), "{rows:?}");
}

#[test]
fn a_coded_event_without_a_parsed_target_takes_the_first_actor_in_its_phrases() {
    let rows = rows_of("Chile established diplomatic relations with Vietnam's government last year.");
    let r = rows.iter().find(|r| r.trigger == "established").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!((r.code.as_str(), r.targets.as_slice()), ("054", &["government".to_string()][..]), "{rows:?}");
    // Not an actor of a clause inside its phrases.
    let rows = rows_of("Chile signed a trade agreement that Peruvian officials welcomed.");
    assert!(rows.iter().filter(|r| r.trigger == "signed").all(|r| r.targets.is_empty()), "{rows:?}");
}

#[test]
fn a_verb_and_the_event_noun_it_takes_are_one_record() {
    // The verb's pattern names the noun: the pair is one event, of the pattern's code.
    let rows = rows_of("Rohan lodged a formal protest with Gondor on Friday.");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!((rows[0].code.as_str(), rows[0].targets.as_slice()), ("114", &["Gondor".to_string()][..]));
    // A meeting held is a consultation (040), one record, not a negotiation beside it.
    let rows = rows_of("Envoys from Eriador held a meeting with President Denethor in Minas Tirith.");
    assert_eq!(rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["040"], "{rows:?}");
}

#[test]
fn an_agent_in_a_place_is_the_actor_not_the_place() {
    let a = analyse("Police in Paris arrested three smugglers on Tuesday.", "2017-12-17");
    let arrest = event(&a, "arrested");
    let sources: Vec<&str> =
        arrest.participants.iter().filter(|p| p.role == ParticipantRole::Source).map(|p| a.slice(&p.span)).collect();
    assert_eq!(sources, ["Police in Paris"], "{:?}", coded(&a));
    // The agent's code is composed with the place's country.
    let source = arrest.participants.iter().find(|p| p.role == ParticipantRole::Source).expect("source");
    assert_eq!(source.code.as_deref(), Some("FRACOP"));
}

#[test]
fn an_armed_force_surrendering_or_retreating_is_0874() {
    let rows = rows_of("Sixty Congolese rebels surrendered near the border on Friday.");
    assert_eq!(rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["0874"], "{rows:?}");
    // Yielding by anyone else keeps its general code.
    let rows = rows_of("Congolese farmers surrendered to the bank on Friday.");
    assert!(rows.iter().all(|r| r.code != "0874"), "{rows:?}");
}

#[test]
fn a_demand_to_give_something_up_is_a_demand_to_yield() {
    let rows = rows_of("Gondor demanded that Mordor forsake its claims to the valley.");
    assert!(rows.iter().any(|r| r.trigger == "demanded" && r.code == "105"), "{rows:?}");
}

#[test]
fn suing_is_a_lawsuit_not_an_arrest() {
    let rows = rows_of("A shipping firm from Rohan sued Gondor over the seizure of its cargo.");
    assert!(rows.iter().any(|r| r.trigger == "sued" && r.code == "115"), "{rows:?}");
    // Also with no one named as sued.
    let rows = rows_of("Kenya is suing for damages after the seizure of its cargo.");
    assert_eq!(rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["115"], "{rows:?}");
}

#[test]
fn an_appeal_to_a_court_is_no_cameo_appeal() {
    let rows = rows_of("The Gondor ministry filed an appeal with the supreme court on Monday.");
    assert!(rows.iter().all(|r| !r.code.starts_with("02")), "{rows:?}");
    // An appeal to an actor stays one.
    let rows = rows_of("Rohan renewed its appeal to Gondor to release the prisoners.");
    assert!(rows.iter().any(|r| r.code.starts_with("02")), "{rows:?}");
}

#[test]
fn a_nouns_qualifier_is_not_its_source() {
    let a = analyse("Rohan sent an official protest to Gondor on Monday.", "2017-12-17");
    assert!(a.events.iter().flat_map(|e| &e.participants).all(|p| a.slice(&p.span) != "official"), "{:?}", coded(&a));
    // A nationality before the noun still does it.
    let rows = rows_of("Palestinian riots against the police continued on Monday.");
    assert!(rows.iter().any(|r| r.trigger == "riots" && r.sources == ["Palestinian"]), "{rows:?}");
}

#[test]
fn a_coded_event_with_no_actor_as_target_is_directed_at_the_place_it_changes() {
    // The code book's convention: with no group named, the country or city is the target;
    // it stays the event's place too.
    let a = analyse("Gondor lifted the night curfew in Minas Tirith on Friday.", "2017-12-17");
    let rows = coded(&a);
    let r = rows.iter().find(|r| r.trigger == "lifted").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(
        (r.sources.as_slice(), r.targets.as_slice()),
        (&["Gondor".to_string()][..], &["Minas Tirith".to_string()][..])
    );
    assert_eq!(event(&a, "lifted").place.as_ref().map(|p| a.slice(&p.span)), Some("Minas Tirith"));
    // An actor in its phrases comes first.
    let rows = rows_of("Gondor lifted the curfew on Rohan's traders in Minas Tirith.");
    let r = rows.iter().find(|r| r.trigger == "lifted").unwrap_or_else(|| panic!("{rows:?}"));
    assert_ne!(r.targets, ["Minas Tirith"], "{rows:?}");
}

#[test]
fn a_verb_the_parse_hangs_off_an_apposition_or_a_nominal_root_has_the_actor_before_it() {
    let rows = rows_of(
        "Faramir Hurin, the Gondor Relief Coordinator, demanded parties to the war in Rohan to allow aid workers free passage.",
    );
    let r = rows.iter().find(|r| r.trigger == "demanded").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(r.sources, ["Faramir Hurin"], "{rows:?}");
}

#[test]
fn aircraft_killing_in_an_attack_is_aerial_force_by_their_country() {
    let rows = rows_of("Mordor aircraft using precision guided bombs killed 12 Rohan soldiers in an attack on a fort.");
    let r = rows.iter().find(|r| r.trigger == "killed").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(r.code, "1951", "{rows:?}");
    assert!(r.sources.iter().any(|x| x.contains("Mordor")), "{rows:?}");
    assert!(r.targets.iter().any(|x| x.contains("soldiers")), "{rows:?}");
}

#[test]
fn exercises_two_navies_launch_are_their_military_cooperation_and_a_forecast_is_no_intent() {
    let rows = rows_of(
        "Rohan and Gondor warships on Monday launched five days of joint exercises, expected to be joined by Dale.",
    );
    let r = rows.iter().find(|r| r.code == "062").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(r.code, "062", "{rows:?}");
    assert!(!r.sources.is_empty() && !r.targets.is_empty(), "both navies are its sides: {rows:?}");
    assert!(rows.iter().all(|r| r.trigger != "expected"), "{rows:?}");
    // Taking steps is no seizure.
    let rows = rows_of("Gondor took several steps to ease travel rules for Rohan.");
    assert!(rows.iter().all(|r| r.trigger != "took"), "{rows:?}");
}

#[test]
fn a_protest_whose_purpose_the_parse_hangs_off_its_object_is_against_whom_the_purpose_names() {
    let rows = rows_of("Rohan's farmers began a hunger strike on Monday to protest Gondor's new grain tax.");
    let r = rows.iter().find(|r| r.code.starts_with("14")).unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(r.targets, ["Gondor"], "{rows:?}");
}

#[test]
fn easing_a_state_of_emergency_is_0814_and_a_clause_beside_it_is_told_in_passing() {
    let rows = rows_of(
        "Gondor eased emergency measures in Ithilien, the site of riots last spring, as police in Rohan cracked down on smugglers.",
    );
    let r = rows.iter().find(|r| r.trigger == "eased").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(r.code, "0814", "{rows:?}");
    assert!(rows.iter().all(|r| r.trigger != "cracked down"), "{rows:?}");
    assert_coded("Mordor lifted martial law in Minas Morgul on Friday.", "lifted", "0814");
}

#[test]
fn an_event_noun_in_a_phrase_of_circumstance_is_told_in_passing() {
    let rows = rows_of("Rohan and Gondor signed a border agreement on Sunday, despite weeks of tense negotiations.");
    assert!(rows.iter().all(|r| r.trigger != "negotiations"), "{rows:?}");
}

#[test]
fn what_an_issued_statement_does_is_the_event_of_its_issuer() {
    let rows = rows_of("The Rohan council issued a statement condemning Gondor's new border policy.");
    let r = rows.iter().find(|r| r.trigger == "condemning").unwrap_or_else(|| panic!("{rows:?}"));
    assert!(r.code.starts_with("11") && r.sources.iter().any(|x| x.contains("Rohan")), "{rows:?}");
    assert!(rows.iter().all(|r| r.trigger != "issued"), "{rows:?}");
}

#[test]
fn rejecting_a_peace_plan_is_127() {
    assert_coded("Mordor's orc chieftains on Monday rejected the Gondor peace plan.", "rejected", "127");
}

#[test]
fn a_word_of_the_reported_clause_is_no_outlook_of_the_speaker() {
    // "fighting" in what is announced is no fear the speaker voices (PETRARCH2's "announce
    // &FIGHT", 012): the announced threat is the event.
    let rows = rows_of(
        "Rohan announced that it will withdraw its peacekeeping forces from Bree unless the militias fighting there disarm.",
    );
    assert!(rows.iter().all(|r| r.trigger != "announced"), "{rows:?}");
    let r = rows.iter().find(|r| r.trigger == "withdraw").unwrap_or_else(|| panic!("{rows:?}"));
    assert!(r.code.starts_with("13"), "{rows:?}");
}

#[test]
fn a_word_of_a_proper_name_after_the_verb_is_no_pattern_word() {
    // PETRARCH2's "demand * world" (rallying support, 053) is not "World" in "World War Two".
    let rows = rows_of("Rohan's council demanded an apology from Gondor for crimes committed during World War Two.");
    assert!(rows.iter().all(|r| r.code != "053"), "{rows:?}");
}

#[test]
fn peacekeepers_deployed_and_received_are_two_linked_events_a_visit_stays_one() {
    let rows = rows_of("Rohan's peacekeeping troops arrived in Bree on Tuesday.");
    let deploy = rows.iter().find(|r| r.code == "074").unwrap_or_else(|| panic!("{rows:?}"));
    let receive = rows.iter().find(|r| r.code == "0861").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!((&deploy.sources, &deploy.targets), (&receive.targets, &receive.sources), "{rows:?}");
    // A visit and its hosting are one happening: one record.
    let rows = rows_of("Gondor's king visited Rohan on Monday.");
    assert!(rows.iter().all(|r| r.code != "043"), "{rows:?}");
}

#[test]
fn inspectors_sent_are_an_investigation_and_their_reception() {
    let rows = rows_of("The Arnor Atomic Agency dispatched inspectors to Mordor on Monday.");
    assert!(rows.iter().any(|r| r.code == "090"), "{rows:?}");
    assert!(rows.iter().any(|r| r.code == "0862" && r.sources.iter().any(|x| x.contains("Mordor"))), "{rows:?}");
}

#[test]
fn what_a_demand_asks_for_in_a_purpose_clause_is_no_event_of_its_own() {
    let rows =
        rows_of("Rohan on Monday demanded a meeting of the Council of Elrond to discuss Mordor's attacks on Gondor.");
    assert!(rows.iter().any(|r| r.code.starts_with("10")), "{rows:?}");
    assert!(rows.iter().all(|r| r.trigger != "discuss"), "{rows:?}");
}

#[test]
fn a_summons_is_the_occasion_of_the_complaint_it_is_for() {
    let rows = rows_of("Gondor's foreign minister summoned Rohan's ambassador on Monday to complain about the raids.");
    let r = rows.iter().find(|r| r.trigger == "summoned").unwrap_or_else(|| panic!("{rows:?}"));
    assert!(r.code.starts_with("1"), "{rows:?}");
    assert!(r.targets.iter().any(|x| x.contains("ambassador")), "{rows:?}");
}

#[test]
fn an_attempt_that_was_stopped_is_the_event_and_stopping_a_protest_is_coercion() {
    let rows = rows_of("An attempt to kill the governor of Rohan was thwarted in Bree, the city's police reported.");
    assert!(rows.iter().any(|r| r.trigger == "kill" && r.code.starts_with("18")), "{rows:?}");
    let rows = rows_of("Gondor's police prevented a protest staged by Rohan's farmers on Monday.");
    let r = rows.iter().find(|r| r.trigger == "prevented").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(r.code, "170", "{rows:?}");
    assert!(r.targets.iter().any(|x| x.contains("Rohan")), "{rows:?}");
}
