use super::*;
use crate::OffsetUnit;
use serde_json::json;

fn render_one(doc: &Value) -> String {
    render(std::slice::from_ref(doc), &ViewOptions::default()).expect("renders")
}

/// The text of `html` without its tags (entities left as they are).
pub(super) fn strip(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The markup of the element that starts at `open` (a `<tag ...` position), by counting
/// that tag's openings and closings.
fn element<'h>(html: &'h str, open: usize, tag: &str) -> &'h str {
    let (o, c) = (format!("<{tag}"), format!("</{tag}>"));
    let mut depth = 0;
    let mut i = open;
    loop {
        let next_o = html[i..].find(&o).map(|k| k + i);
        let next_c = html[i..].find(&c).map(|k| k + i).expect("closed");
        match next_o {
            Some(k) if k < next_c => {
                depth += 1;
                i = k + o.len();
            }
            _ => {
                depth -= 1;
                i = next_c + c.len();
                if depth == 0 {
                    return &html[open..i];
                }
            }
        }
    }
}

fn card<'h>(html: &'h str, id: &str) -> &'h str {
    let at = html.find(&format!("data-id=\"{id}\" ")).expect("card");
    let open = html[..at].rfind("<article").expect("card element");
    element(html, open, "article")
}

/// A document of our own: a statement that reports what one person told another, a denial
/// of it, and an event inside the nested claim.
fn nested_doc() -> Value {
    let text = "The ministry said Ana told Ben the bridge closed. Ben denied it.";
    let at = |s: &str| {
        let b = text.find(s).expect("in text");
        json!({"start": text[..b].chars().count(), "end": text[..b].chars().count() + s.chars().count()})
    };
    json!({
        "schema_version": "1.0", "offsets": "codepoint",
        "article": {"id": "own", "text": text, "authors": [], "language": "en", "length": text.chars().count()},
        "entities": [
            {"id": "e1", "type": "ORGANIZATION", "name": "The ministry", "roles": [], "mentions": [{"span": at("The ministry"), "text": "The ministry", "kind": "name"}]},
            {"id": "e2", "type": "PERSON", "name": "Ana Ruiz", "roles": ["minister"], "mentions": [{"span": at("Ana"), "text": "Ana", "kind": "name"}]},
            {"id": "e3", "type": "PERSON", "name": "Ben", "roles": [], "mentions": [{"span": at("Ben"), "text": "Ben", "kind": "name"}]}
        ],
        "claims": [
            {"id": "c1", "kind": "indirect", "content": {"spans": [at("Ana told Ben the bridge closed")], "text": "Ana told Ben the bridge closed"},
             "cue": {"span": at("said"), "text": "said", "lemma": "say", "class": "assert"},
             "source": {"entity": "e1", "span": at("The ministry"), "text": "The ministry", "kind": "named"},
             "attributed_to": [{"name": "the publisher", "publisher": true}], "relations": []},
            {"id": "c2", "kind": "indirect", "content": {"spans": [at("the bridge closed")], "text": "the bridge closed"},
             "cue": {"span": at("told"), "text": "told", "lemma": "tell", "class": "assert"},
             "source": {"entity": "e2", "span": at("Ana"), "text": "Ana", "kind": "named"}, "parent": "c1",
             "attributed_to": [{"claim": "c1", "entity": "e1", "name": "The ministry"}, {"name": "the publisher", "publisher": true}], "relations": []},
            {"id": "c3", "kind": "indirect", "content": {"spans": [at("it")], "text": "it"},
             "cue": {"span": at("denied"), "text": "denied", "lemma": "deny", "class": "deny"},
             "source": {"entity": "e3", "span": {"start": 50, "end": 53}, "text": "Ben", "kind": "named"},
             "attributed_to": [{"name": "the publisher", "publisher": true}], "relations": [{"type": "denies", "target": "c2"}]}
        ],
        "events": [
            {"id": "v1", "type": "other", "trigger": {"span": at("closed"), "text": "closed"}, "participants": [],
             "modality": ["reported"], "polarity": "positive", "claim": "c2",
             "attributed_to": [{"claim": "c2", "entity": "e2", "name": "Ana"}, {"claim": "c1", "entity": "e1", "name": "The ministry"}, {"name": "the publisher", "publisher": true}]}
        ],
        "times": [], "posts": [], "links": [], "warnings": []
    })
}

#[test]
fn a_nested_claim_sits_in_its_parents_card_and_names_it() {
    let html = render_one(&nested_doc());
    let parent = card(&html, "c1");
    assert!(parent.contains("data-id=\"c2\""), "c2 is inside c1's card");
    let child = card(&html, "c2");
    let inside = child.find("<dt>Inside</dt>").expect("the nested card names its parent");
    assert!(strip(&child[inside..]).starts_with("Insidec1 The ministry said"), "{}", strip(&child[inside..]));
    // The chain is a path from the claim's source (by its entity's name) to the publisher.
    let path = child.find("sv-path").expect("a chain");
    let path = element(child, child[..path].rfind("<span").expect("span"), "span");
    assert_eq!(strip(path), "Ana Ruiz → The ministry → the publisher");
    assert!(!card(&html, "c3").contains("<dt>Inside</dt>"), "a top-level claim has no parent");
}

#[test]
fn relations_show_on_both_cards() {
    let html = render_one(&nested_doc());
    let denier = strip(card(&html, "c3"));
    assert!(denier.contains("Deniesc2 Ana Ruiz: the bridge closed"), "{denier}");
    // c2's card holds only its own part (c3 is not nested in it).
    let denied = card(&html, "c2");
    assert!(strip(denied).contains("Denied byc3 Ben: it"), "{}", strip(denied));
    assert!(denied.contains("data-rel=\"c0 c2\""), "related: parent c1 and c3 (tokens by index)");
}

#[test]
fn who_says_what_counts_claims_and_what_they_mention() {
    let html = render_one(&nested_doc());
    let at = html.find("class=\"sv-who\"").expect("the summary");
    let table = element(&html, html[..at].rfind("<section").expect("section"), "section");
    let rows: Vec<String> = table.split("<tr>").skip(2).map(strip).collect();
    // Each source with its claim count, the entities its contents mention, its events.
    assert_eq!(rows[0], "The ministry organisation1: c1Ana Ruiz, Benv1 closed", "{rows:?}");
    assert!(rows.iter().any(|r| r == "Ana Ruiz person1: c2v1 closed"), "{rows:?}");
    assert!(rows.iter().any(|r| r == "Ben person1: c3"), "{rows:?}");
}

#[test]
fn fields_a_later_schema_adds_are_shown() {
    let mut doc = nested_doc();
    doc["events"][0]["goldstein"] = json!(-2.5);
    doc["events"][0]["quad_class"] = json!(4);
    doc["events"][0]["participants"] = json!([{"role": "source", "entity": "e2", "span": {"start": 18, "end": 21}, "text": "Ana", "actor": {"code": "ESPGOV", "country": "ESP"}}]);
    doc["events"][0]["cameo"] =
        json!({"code": "0841", "root": "08", "label": "Return, release person(s)", "base": "084"});
    doc["events"][0]["polarity"] = json!("negative");
    let html = render_one(&doc);
    let row = strip(element(&html, html.find("<tr id=").expect("row"), "tr"));
    for part in
        ["0841 Return, release person(s) 084", "-2.5", "4 material conflict", "Ana ESPGOV", "reported, negative"]
    {
        assert!(row.contains(part), "{part} in {row}");
    }
    let head = &html[html.find("aria-label=\"Events\"").expect("events")..];
    let head = strip(&head[..head.find("</thead>").expect("head")]);
    assert!(head.contains("CAMEOGoldsteinQuadClassSource"), "{head}");
}

#[test]
fn claims_whose_parents_form_a_cycle_are_still_shown_once() {
    let mut doc = nested_doc();
    doc["claims"][0]["parent"] = json!("c2");
    let html = render_one(&doc);
    for id in ["c1", "c2", "c3"] {
        assert_eq!(html.matches(&format!("data-id=\"{id}\" ")).count(), 1, "{id}");
    }
    assert_eq!(html.matches("<article").count(), html.matches("</article>").count());
}

#[test]
fn references_to_missing_records_are_dropped_and_reported() {
    let mut doc = nested_doc();
    doc["claims"][1]["parent"] = json!("c99");
    doc["events"][0]["claim"] = json!("nope");
    let html = render_one(&doc);
    assert!(strip(&html).contains("2 references name records the document does not have"));
    assert!(!card(&html, "c2").contains("<dt>Inside</dt>"));
}

#[test]
fn the_view_refers_to_nothing_outside_itself() {
    let mut doc = nested_doc();
    doc["article"]["url"] = json!("https://example.com/story");
    doc["article"]["title"] = json!("<script>alert(1)</script>");
    doc["claims"][0]["id"] = json!("c1\" onclick=\"x");
    let html =
        render(std::slice::from_ref(&doc), &ViewOptions { page: true, ..ViewOptions::default() }).expect("renders");
    for attr in ["href=\"", "src=\"", "action=\""] {
        for (i, _) in html.match_indices(attr) {
            assert!(html[i + attr.len()..].starts_with('#'), "{attr} at {i}: {}", &html[i..i + 40]);
        }
    }
    assert!(!html.contains("src="));
    assert!(!html.contains("url("), "no CSS url()");
    assert!(!html.contains("@import"));
    assert!(html.contains("https://example.com/story"), "the article's URL is shown as text");
    assert!(!html.contains("<script>alert"), "markup in the document is escaped");
    assert!(!html.contains("onclick=\"x"), "attribute values are escaped");
}

#[test]
fn every_snapshot_renders_every_record() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/snapshots");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("snapshots") {
        let path = entry.expect("entry").path();
        if !path.to_string_lossy().ends_with(".snap.json") {
            continue;
        }
        seen += 1;
        let json = std::fs::read_to_string(&path).expect("read");
        let doc: Value = serde_json::from_str(&json).expect("json");
        let html = render_json(&json, &ViewOptions::default()).expect("renders");
        let name = path.display();
        for c in doc["claims"].as_array().expect("claims") {
            let own = card(&html, c["id"].as_str().expect("id"));
            assert!(
                own.contains(&format!(
                    "<blockquote>{}</blockquote>",
                    html::escaped(c["content"]["text"].as_str().expect("text"))
                )),
                "{name}"
            );
            if let Some(parent) = c["parent"].as_str() {
                assert!(card(&html, parent).contains(own), "{name}: {} inside {parent}", c["id"]);
            }
        }
        for e in doc["events"].as_array().expect("events") {
            assert!(html.contains(&format!("data-id=\"{}\" tabindex", e["id"].as_str().expect("id"))), "{name}");
        }
        for e in doc["entities"].as_array().expect("entities") {
            assert!(html.contains(&format!("data-id=\"{}\" tabindex", e["id"].as_str().expect("id"))), "{name}");
        }
        // The text, with its marks removed, is the article's text.
        let t = html.find("class=\"sv-text\"").expect("text");
        let text = element(&html, html[..t].rfind("<div").expect("div"), "div");
        assert_eq!(strip(text), html::escaped(doc["article"]["text"].as_str().expect("text")), "{name}");
        assert_eq!(render_json(&json, &ViewOptions::default()).expect("renders"), html, "{name}: deterministic");
    }
    assert!(seen >= 10, "read the snapshots ({seen})");
}

#[test]
fn offsets_in_any_unit_give_the_same_view() {
    let text = "Zoë Ölund 😀 said on Friday that “the café reopened”, the BBC reported.";
    let views: Vec<String> = [OffsetUnit::Codepoint, OffsetUnit::Utf16, OffsetUnit::Utf8]
        .into_iter()
        .map(|unit| {
            let doc =
                crate::extract(crate::ArticleInput::from_text(text), &crate::Options::default().with_offsets(unit))
                    .expect("extract");
            let mut v = serde_json::to_value(&doc).expect("value");
            v["offsets"] = json!("codepoint");
            let wrong_unit = render_one(&v);
            v["offsets"] = json!(unit.as_str());
            let html = render_one(&v);
            if unit != OffsetUnit::Codepoint {
                assert_ne!(wrong_unit, html, "{unit:?}: the unit matters");
            }
            html
        })
        .collect();
    assert!(views[0].contains("data-m="), "something is marked");
    assert_eq!(views[0], views[1]);
    assert_eq!(views[0], views[2]);
}

#[test]
fn what_is_not_a_document_is_refused_with_a_reason() {
    let err = |json: &str| render_json(json, &ViewOptions::default()).expect_err("refused").to_string();
    assert!(err("{\"text\": \"An article.\"}").contains("run `sayso extract` on it first"));
    assert!(err("[1, 2]").contains("found an array"));
    assert!(err("{\"article\": {}}").contains("article.text"));
    assert!(err("{\"article\": ").starts_with("malformed JSON at line 1"));
}

#[test]
fn a_page_of_several_documents_has_unique_ids_and_one_stylesheet() {
    let doc = nested_doc();
    let html = render(&[doc.clone(), doc], &ViewOptions { page: true, ..ViewOptions::default() }).expect("renders");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<style>").count(), 2, "the page's own and the view's, once");
    assert_eq!(html.matches("<script>").count(), 1);
    let ids: Vec<&str> = html
        .match_indices("class=\"sayso-view")
        .map(|(i, _)| {
            let rest = &html[i..];
            let s = rest.find("id=\"").expect("id") + 4;
            &rest[s..s + rest[s..].find('"').expect("end")]
        })
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn without_the_script_option_no_script_is_written() {
    let html =
        render(&[nested_doc()], &ViewOptions { script: false, layout: Layout::Side, page: false }).expect("renders");
    assert!(!html.contains("<script"));
    assert!(html.contains("class=\"sayso-view sv-side\""));
    assert!("side".parse::<Layout>().is_ok() && "wide".parse::<Layout>().is_err());
}

#[test]
fn the_inlined_stylesheet_and_script_cannot_end_their_elements_early() {
    assert!(!STYLE.to_ascii_lowercase().contains("</style"));
    assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
    assert!(SCRIPT.starts_with("// @ts-check"));
}

#[test]
fn the_text_is_marked_with_the_articles_language_and_the_view_with_english() {
    let mut doc = nested_doc();
    doc["article"]["language"] = json!("de");
    let html = render_one(&doc);
    assert!(html.contains("class=\"sayso-view sv-stack\" id=\"") && html.contains("\" lang=\"en\">"));
    assert!(html.contains("aria-label=\"Article text\" lang=\"de\">"));
    doc["article"]["language"] = json!("de\" onload=\"x");
    assert!(
        render_one(&doc).contains("aria-label=\"Article text\" lang=\"en\">"),
        "a tag that is not one is not written"
    );
}
