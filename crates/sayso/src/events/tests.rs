use super::*;

fn analyse(text: &str, published: &str) -> Analysis {
    crate::analyze(crate::ArticleInput { published: Some(published.into()), ..crate::ArticleInput::from_text(text) })
        .expect("analysis")
}

fn show(a: &Analysis) -> Vec<(String, String)> {
    a.events.iter().map(|e| (a.slice(&e.trigger).to_string(), e.cameo.clone().unwrap_or_default())).collect()
}

#[test]
fn verbs_and_nouns_get_cameo_codes() {
    let a = analyse(
        "Russian authorities arrested seven people who were planning bombings in St. Petersburg.",
        "2017-12-17",
    );
    assert_eq!(show(&a), [("arrested".into(), "173".into()), ("bombings".into(), "183".into())]);
    let arrest = &a.events[0];
    assert_eq!(arrest.event_type, EventType::Arrest);
    assert_eq!(arrest.participants[0].role, ParticipantRole::Source);
    assert_eq!(a.slice(&arrest.participants[0].span), "Russian authorities");
    assert_eq!(a.slice(&arrest.participants[1].span), "seven people");
    let bombings = &a.events[1];
    assert!(bombings.modality.contains(&Modality::Planned));
    assert_eq!(bombings.place.as_ref().map(|p| a.slice(&p.span)), Some("St. Petersburg"));
}

#[test]
fn a_phone_call_its_time_and_the_claim_that_reports_it() {
    let a = analyse(
        "The White House on Sunday confirmed that Vladimir Putin called Donald Trump to thank him.",
        "2017-12-17",
    );
    let call = a.events.iter().find(|e| a.slice(&e.trigger) == "called").expect("call");
    assert_eq!(call.cameo.as_deref(), Some("041"));
    assert_eq!(call.time.map(|(t, _)| a.times[t].value.as_str()), Some("2017-12-17"));
    assert_eq!(call.claim, Some(0));
    assert_eq!(call.modality[0], Modality::Reported);
    let thank = a.events.iter().find(|e| a.slice(&e.trigger) == "thank").expect("thank");
    assert_eq!(thank.cameo.as_deref(), Some("051"));
    assert_eq!(a.slice(&thank.participants[0].span), "Vladimir Putin");
}

#[test]
fn negation_prevention_and_intelligence_sharing() {
    let a = analyse(
        "The leaders did not meet. A tip that thwarted bombings was the information the United States provided.",
        "2017-12-17",
    );
    let meet = a.events.iter().find(|e| a.slice(&e.trigger) == "meet").expect("meet");
    assert_eq!(meet.polarity, Polarity::Negative);
    let bombings = a.events.iter().find(|e| a.slice(&e.trigger) == "bombings").expect("bombings");
    assert!(bombings.modality.contains(&Modality::Prevented));
    let provided = a.events.iter().find(|e| a.slice(&e.trigger) == "provided").expect("provided");
    assert_eq!(provided.cameo.as_deref(), Some("064"));
}

#[test]
fn every_code_has_a_name() {
    assert_eq!(cameo_label("173"), Some("Arrest, detain, or charge with legal action"));
    assert_eq!(cameo_label("0412"), Some("Consult"));
    assert_eq!(cameo_label("999"), None);
}
