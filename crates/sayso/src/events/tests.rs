use super::sentence::tokens_within;
use super::*;

fn analyse(text: &str, published: &str) -> Analysis {
    crate::analyze(crate::ArticleInput { published: Some(published.into()), ..crate::ArticleInput::from_text(text) })
        .expect("analysis")
}

/// (trigger, code, source text, target text) of every coded event.
fn coded(a: &Analysis) -> Vec<(String, String, String, String)> {
    let part = |e: &EventRec, role| {
        e.participants.iter().find(|p| p.role == role).map_or(String::new(), |p| a.slice(&p.span).to_string())
    };
    a.events
        .iter()
        .filter_map(|e| {
            Some((
                a.slice(&e.trigger).to_string(),
                e.cameo.clone()?,
                part(e, ParticipantRole::Source),
                part(e, ParticipantRole::Target),
            ))
        })
        .collect()
}

fn row(t: &str, c: &str, s: &str, g: &str) -> (String, String, String, String) {
    (t.into(), c.into(), s.into(), g.into())
}

#[test]
fn arrest_with_agents_and_planned_bombings_prevented_by_the_arrest() {
    let a = analyse(
        "Russian authorities arrested seven people who were planning bombings in St. Petersburg.",
        "2017-12-17",
    );
    let rows = coded(&a);
    assert!(rows.contains(&row("arrested", "173", "Russian authorities", "seven people")), "{rows:?}");
    let arrest = a.events.iter().find(|e| a.slice(&e.trigger) == "arrested").expect("arrest");
    assert_eq!(arrest.event_type, EventType::Arrest);
    assert_eq!(arrest.place.as_ref().map(|p| a.slice(&p.span)), Some("St. Petersburg"));
    // "who" goes back to the people; the bombings' target is the place attacked.
    let bombings = a.events.iter().find(|e| a.slice(&e.trigger) == "bombings").expect("bombings");
    assert_eq!(bombings.cameo.as_deref(), Some("183"));
    assert_eq!(a.slice(&bombings.participants[0].span), "seven people");
    assert!(bombings.modality.contains(&Modality::Planned));
    assert!(bombings.modality.contains(&Modality::Prevented), "the planners were arrested");
    // The planning verb marks modality; it is no event of its own.
    assert!(a.events.iter().all(|e| a.slice(&e.trigger) != "planning"));
}

#[test]
fn a_phone_call_both_ways_its_time_the_claim_and_a_purpose_infinitive() {
    let a = analyse(
        "The White House on Sunday confirmed that Vladimir Putin called Donald Trump to thank him.",
        "2017-12-17",
    );
    let rows = coded(&a);
    // "041:041": the call is a discussion by telephone in both directions.
    assert!(rows.contains(&row("called", "041", "Vladimir Putin", "Donald Trump")), "{rows:?}");
    assert!(rows.contains(&row("called", "041", "Donald Trump", "Vladimir Putin")), "{rows:?}");
    // The purpose infinitive shares the caller as its subject.
    assert!(rows.contains(&row("thank", "051", "Vladimir Putin", "him")), "{rows:?}");
    let call = a.events.iter().find(|e| a.slice(&e.trigger) == "called").expect("call");
    assert_eq!(call.time.map(|(t, _)| a.times[t].value.as_str()), Some("2017-12-17"));
    assert_eq!(call.claim, Some(0));
    assert_eq!(call.modality[0], Modality::Reported);
}

#[test]
fn coordinated_actors_give_one_event_per_pair() {
    let a = analyse("Mordor, Rohan and Bree welcomed the decision of Osgiliath.", "2017-12-17");
    let sources: Vec<String> = coded(&a).into_iter().map(|r| r.2).collect();
    assert_eq!(sources, ["Mordor", "Rohan", "Bree"]);
    // An agent with its country: "soldiers from Gondor" act for Gondor.
    let a = analyse("Soldiers from Gondor have attacked Mordor.", "2017-12-17");
    let rows = coded(&a);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].3, "Mordor");
    assert!(rows[0].2.ends_with("Gondor"), "{rows:?}");
}

#[test]
fn a_pattern_code_wins_over_the_verbs_own() {
    // CALL is 041 by itself, 020 (appeal) with "for"; CUT is 160, "cut ties" 161 with
    // "diplomatic ties".
    let a = analyse("Eriador has called for aid from Osgiliath.", "2017-12-17");
    assert_eq!(coded(&a).first().map(|r| r.1.as_str()), Some("020"), "{:?}", coded(&a));
    let a = analyse("Arnor cut diplomatic ties with Gondor.", "2017-12-17");
    assert_eq!(coded(&a).first().map(|r| r.1.as_str()), Some("161"), "{:?}", coded(&a));
}

#[test]
fn passive_voice_puts_the_by_phrase_in_the_source() {
    let a = analyse("Eriador was fiercely opposed by Osgiliath.", "2017-12-17");
    let rows = coded(&a);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!((rows[0].2.as_str(), rows[0].3.as_str()), ("Osgiliath", "Eriador"));
}

#[test]
fn incomplete_frames_keep_their_type_but_get_no_code() {
    // No target: PETRARCH codes nothing, sayso keeps the event in its own ontology.
    let a = analyse("Hundreds of protesters were arrested.", "2017-12-17");
    let arrest = a.events.iter().find(|e| a.slice(&e.trigger) == "arrested").expect("arrest");
    assert_eq!(arrest.event_type, EventType::Arrest);
    assert_eq!(arrest.cameo, None);
}

#[test]
fn negation_prevention_and_intelligence_sharing() {
    let a = analyse(
        "The leaders did not meet. Police said the attacks were stopped. Based on the information the United States provided, Russian authorities caught them.",
        "2017-12-17",
    );
    let meet = a.events.iter().find(|e| a.slice(&e.trigger) == "meet").expect("meet");
    assert_eq!(meet.polarity, Polarity::Negative);
    let attacks = a.events.iter().find(|e| a.slice(&e.trigger) == "attacks").expect("attacks");
    assert!(attacks.modality.contains(&Modality::Prevented));
    let rows = coded(&a);
    assert!(rows.contains(&row("provided", "064", "United States", "Russian authorities")), "{rows:?}");
}

#[test]
fn names_in_compounds_are_no_verbs() {
    let a = analyse("White House press secretary Sarah Sanders spoke.", "2017-12-17");
    assert!(a.events.iter().all(|e| a.slice(&e.trigger) != "press"));
}

#[test]
fn every_code_has_a_name() {
    assert_eq!(cameo_label("173"), Some("Arrest, detain, or charge with legal action"));
    assert_eq!(cameo_label("0412"), Some("Consult"));
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
