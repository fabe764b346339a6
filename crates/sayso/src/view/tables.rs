//! The tables beside the cards: "who says what" (each source with its claims, the entities
//! its claims mention and the events they report), the events (code and label, actors, time,
//! place, modality, polarity, the claim that reports each and its say-so chain, and any
//! codes or scales the document adds), the entities and the times.

use super::html::{counted, esc};
use super::model::{Doc, Extra, Participant};
use super::{chain, link, record_open, text_anchor, type_word};
use serde_json::Value;
use std::fmt::Write as _;

/// Who a group of claims is by: a resolved entity, or the source's own words.
#[derive(PartialEq, Eq, Hash, Clone)]
enum Who {
    Entity(usize),
    Words(String),
    Nobody,
}

struct Group {
    who: Who,
    claims: Vec<usize>,
    /// Entities mentioned inside the group's contents: (entity, mentions).
    about: Vec<(usize, usize)>,
    events: Vec<usize>,
}

/// "Who says what": one row per source, most claims first.
pub(super) fn who_says_what(out: &mut String, doc: &Doc<'_>, prefix: &str) {
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of_claim = vec![0; doc.claims.len()];
    let mut seen = foldhash::HashMap::default();
    for (i, c) in doc.claims.iter().enumerate() {
        let who = match &c.source {
            Some(s) => match s.entity {
                Some(e) => Who::Entity(e),
                None if !s.text.trim().is_empty() => Who::Words(s.text.trim().to_lowercase()),
                None => Who::Nobody,
            },
            None => Who::Nobody,
        };
        let g = *seen.entry(who.clone()).or_insert_with(|| {
            groups.push(Group { who, claims: Vec::new(), about: Vec::new(), events: Vec::new() });
            groups.len() - 1
        });
        groups[g].claims.push(i);
        group_of_claim[i] = g;
    }
    // Mentions sorted by start, to find those inside a content span by binary search.
    let mut mentions: Vec<(usize, usize, usize)> = doc
        .entities
        .iter()
        .enumerate()
        .flat_map(|(e, ent)| ent.mentions.iter().filter_map(move |m| m.span.as_ref().map(|s| (s.start, s.end, e))))
        .collect();
    mentions.sort_unstable();
    for g in &mut groups {
        let mut about: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
        for &c in &g.claims {
            for span in &doc.claims[c].content {
                let from = mentions.partition_point(|m| m.0 < span.start);
                for &(_, end, e) in mentions[from..].iter().take_while(|m| m.0 < span.end) {
                    if end <= span.end && Who::Entity(e) != g.who {
                        *about.entry(e).or_default() += 1;
                    }
                }
            }
        }
        g.about = about.into_iter().collect();
        g.about.sort_unstable_by_key(|&(e, n)| (std::cmp::Reverse(n), e));
    }
    // An event belongs to every source along its say-so chain, and to the claim reporting it.
    let mut told_by_article = Vec::new();
    for (v, e) in doc.events.iter().enumerate() {
        let mut gs: Vec<usize> =
            e.chain.iter().filter_map(|l| l.claim).chain(e.claim).map(|c| group_of_claim[c]).collect();
        gs.sort_unstable();
        gs.dedup();
        if gs.is_empty() {
            told_by_article.push(v);
        }
        for g in gs {
            groups[g].events.push(v);
        }
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| (std::cmp::Reverse(groups[g].claims.len()), g));

    out.push_str("<div class=\"sv-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Who says what\"><table><thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Claims</th><th scope=\"col\">Talks about</th><th scope=\"col\">Events in its claims</th></tr></thead><tbody>");
    for g in order.iter().map(|&g| &groups[g]) {
        out.push_str("<tr><th scope=\"row\">");
        match &g.who {
            Who::Entity(e) => {
                link(out, prefix, &format!("e{e}"), doc.entity_name(*e), "");
                out.push_str(" <span class=\"sv-meta\">");
                esc(out, type_word(doc.entities[*e].kind));
                out.push_str("</span>");
            }
            Who::Words(_) => {
                let first = &doc.claims[g.claims[0]];
                esc(out, first.source.as_ref().map_or("", |s| s.text));
                out.push_str(" <span class=\"sv-meta\">(not resolved to an entity)</span>");
            }
            Who::Nobody => out.push_str("<span class=\"sv-meta\">no source found</span>"),
        }
        out.push_str("</th><td>");
        let _ = write!(out, "{}: ", g.claims.len());
        for (n, &c) in g.claims.iter().enumerate() {
            if n > 0 {
                out.push(' ');
            }
            link(out, prefix, &format!("c{c}"), doc.claims[c].id, "");
        }
        out.push_str("</td><td>");
        for (n, &(e, times)) in g.about.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            link(out, prefix, &format!("e{e}"), doc.entity_name(e), "");
            if times > 1 {
                let _ = write!(out, " ×{times}");
            }
        }
        out.push_str("</td><td>");
        event_list(out, doc, prefix, &g.events);
        out.push_str("</td></tr>");
    }
    if !told_by_article.is_empty() {
        out.push_str("<tr><th scope=\"row\">the article itself <span class=\"sv-meta\">(no claim)</span></th><td></td><td></td><td>");
        event_list(out, doc, prefix, &told_by_article);
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></div>");
}

pub(super) fn event_list(out: &mut String, doc: &Doc<'_>, prefix: &str, events: &[usize]) {
    for (n, &v) in events.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        let e = &doc.events[v];
        link(out, prefix, &format!("v{v}"), e.id, "");
        out.push(' ');
        esc(out, e.trigger_text);
    }
}

/// A value the view does not know, in words: scalars as they are, an object by its code or
/// its fields, a list joined.
fn show(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => (if *b { "yes" } else { "no" }).to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(show).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "),
        Value::Object(m) => match m.get("code").and_then(Value::as_str) {
            Some(code) => code.to_string(),
            None => m.iter().map(|(k, v)| format!("{k}: {}", show(v))).collect::<Vec<_>>().join(", "),
        },
    }
}

/// A column heading for a field the view does not know (the names GDELT users know where
/// the field is one of theirs).
fn heading(key: &str) -> String {
    match key {
        "goldstein" => "Goldstein".into(),
        "quad_class" | "quadclass" => "QuadClass".into(),
        _ => {
            let words = key.replace('_', " ");
            let mut c = words.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
    }
}

/// A value of a field the view does not know, with the meaning of a QuadClass number.
fn extra_value(out: &mut String, key: &str, v: &Value) {
    let text = show(v);
    esc(out, &text);
    if matches!(key, "quad_class" | "quadclass") {
        let meaning = match text.as_str() {
            "1" => "verbal cooperation",
            "2" => "material cooperation",
            "3" => "verbal conflict",
            "4" => "material conflict",
            _ => "",
        };
        if !meaning.is_empty() {
            let _ = write!(out, " <span class=\"sv-meta\">{meaning}</span>");
        }
    }
}

fn extras_inline(out: &mut String, extra: &[Extra<'_>]) {
    for (k, v) in extra {
        let text = show(v);
        if text.is_empty() {
            continue;
        }
        out.push_str(" <code class=\"sv-code\" title=\"");
        esc(out, &heading(k));
        out.push_str("\">");
        esc(out, &text);
        out.push_str("</code>");
    }
}

/// The events table.
pub(super) fn events(out: &mut String, doc: &Doc<'_>, prefix: &str) {
    let roles = ["source", "target"];
    let others = doc.events.iter().any(|e| e.participants.iter().any(|p| !roles.contains(&p.role)));
    let mut extra_keys: Vec<&str> = Vec::new();
    for e in &doc.events {
        for (k, _) in &e.extra {
            if !extra_keys.contains(k) {
                extra_keys.push(k);
            }
        }
    }
    out.push_str("<div class=\"sv-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Events\"><table><thead><tr><th scope=\"col\">Event</th><th scope=\"col\">CAMEO</th>");
    for k in &extra_keys {
        out.push_str("<th scope=\"col\">");
        esc(out, &heading(k));
        out.push_str("</th>");
    }
    out.push_str("<th scope=\"col\">Source</th><th scope=\"col\">Target</th>");
    if others {
        out.push_str("<th scope=\"col\">Others</th>");
    }
    out.push_str("<th scope=\"col\">Time</th><th scope=\"col\">Place</th><th scope=\"col\" title=\"and polarity, where negative\">Modality</th><th scope=\"col\">Reported in</th><th scope=\"col\">Say-so</th></tr></thead><tbody>");
    for (i, e) in doc.events.iter().enumerate() {
        let token = format!("v{i}");
        record_open(out, prefix, "tr", "", &token, e.id, "");
        out.push_str("<th scope=\"row\">");
        text_anchor(out, prefix, &token, e.id);
        out.push_str(" <b>");
        esc(out, e.trigger_text);
        out.push_str("</b> <span class=\"sv-meta\">");
        esc(out, &e.kind.replace('_', " "));
        out.push_str("</span></th><td>");
        if let Some(c) = e.cameo {
            out.push_str("<code class=\"sv-code\">");
            esc(out, c.get("code").and_then(Value::as_str).unwrap_or(""));
            out.push_str("</code> ");
            esc(out, c.get("label").and_then(Value::as_str).unwrap_or(""));
            let more: Vec<Extra<'_>> = c
                .iter()
                .filter(|(k, _)| !["code", "root", "label"].contains(&k.as_str()))
                .map(|(k, v)| (k.as_str(), v))
                .collect();
            extras_inline(out, &more);
        }
        out.push_str("</td>");
        for k in &extra_keys {
            out.push_str("<td>");
            if let Some((_, v)) = e.extra.iter().find(|(key, _)| key == k) {
                extra_value(out, k, v);
            }
            out.push_str("</td>");
        }
        let mut cells: Vec<&str> = roles.to_vec();
        if others {
            cells.push("");
        }
        for role in cells {
            out.push_str("<td>");
            let in_cell =
                |p: &&Participant<'_>| if role.is_empty() { !roles.contains(&p.role) } else { p.role == role };
            for (n, p) in e.participants.iter().filter(in_cell).enumerate() {
                if n > 0 {
                    out.push_str("; ");
                }
                match p.entity {
                    Some(ent) => link(out, prefix, &format!("e{ent}"), p.text, doc.entity_name(ent)),
                    None => esc(out, p.text),
                }
                if role.is_empty() {
                    out.push_str(" <span class=\"sv-meta\">(");
                    esc(out, p.role);
                    out.push_str(")</span>");
                }
                extras_inline(out, &p.extra);
            }
            out.push_str("</td>");
        }
        out.push_str("<td class=\"sv-nw\">");
        if let Some(t) = &e.time {
            match t.time {
                Some(ti) => link(out, prefix, &format!("t{ti}"), t.value, doc.times[ti].text),
                None => esc(out, t.value),
            }
            if t.inherited {
                out.push_str(
                    " <span class=\"sv-meta\" title=\"the time of the claim that reports it\">(inherited)</span>",
                );
            }
        }
        out.push_str("</td><td>");
        if let Some(pl) = &e.place {
            match pl.entity {
                Some(ent) => link(out, prefix, &format!("e{ent}"), pl.text, doc.entity_name(ent)),
                None => esc(out, pl.text),
            }
        }
        out.push_str("</td><td>");
        esc(out, &e.modality.join(", "));
        // Polarity is shown where it is news: an event said not to have happened.
        if !matches!(e.polarity, "positive" | "") {
            out.push_str(", <b>");
            esc(out, e.polarity);
            out.push_str("</b>");
        }
        out.push_str("</td><td>");
        if let Some(c) = e.claim {
            link(out, prefix, &format!("c{c}"), doc.claims[c].id, "");
            out.push(' ');
            esc(out, doc.source_name(&doc.claims[c]));
        }
        out.push_str("</td><td>");
        chain(out, doc, prefix, None, &e.chain);
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></div>");
}

/// The entities, each with its mentions, the claims it makes and the events it takes part in.
pub(super) fn entities(out: &mut String, doc: &Doc<'_>, prefix: &str) {
    let n = doc.entities.len();
    let mut says: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut acts: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (c, claim) in doc.claims.iter().enumerate() {
        if let Some(e) = claim.source.as_ref().and_then(|s| s.entity) {
            says[e].push(c);
        }
    }
    for (v, ev) in doc.events.iter().enumerate() {
        for e in ev.participants.iter().filter_map(|p| p.entity).chain(ev.place.as_ref().and_then(|p| p.entity)) {
            if acts[e].last() != Some(&v) {
                acts[e].push(v);
            }
        }
    }
    out.push_str("<ul class=\"sv-list\">");
    for (i, e) in doc.entities.iter().enumerate() {
        let token = format!("e{i}");
        record_open(out, prefix, "li", "", &token, e.id, "");
        text_anchor(out, prefix, &token, e.id);
        out.push_str(" <b>");
        esc(out, doc.entity_name(i));
        out.push_str("</b> <span class=\"sv-meta\">");
        esc(out, type_word(e.kind));
        out.push_str(" · ");
        counted(out, e.mentions.len(), "mention", "mentions");
        for r in &e.roles {
            out.push_str(" · ");
            esc(out, r);
        }
        for (source, id) in &e.external {
            out.push_str(" · ");
            esc(out, source);
            out.push(' ');
            esc(out, id);
        }
        out.push_str("</span>");
        if !says[i].is_empty() {
            out.push_str(" · says ");
            for (k, &c) in says[i].iter().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                link(out, prefix, &format!("c{c}"), doc.claims[c].id, "");
            }
        }
        if !acts[i].is_empty() {
            out.push_str(" · in events ");
            for (k, &v) in acts[i].iter().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                link(out, prefix, &format!("v{v}"), doc.events[v].id, "");
            }
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// The time expressions with their normalised values.
pub(super) fn times(out: &mut String, doc: &Doc<'_>, prefix: &str) {
    out.push_str("<div class=\"sv-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Times\"><table><thead><tr><th scope=\"col\">Time</th><th scope=\"col\">Type</th><th scope=\"col\">Value</th><th scope=\"col\">Anchored on</th></tr></thead><tbody>");
    for (i, t) in doc.times.iter().enumerate() {
        let token = format!("t{i}");
        record_open(out, prefix, "tr", "", &token, t.id, "");
        out.push_str("<th scope=\"row\">");
        text_anchor(out, prefix, &token, t.id);
        out.push(' ');
        esc(out, t.text);
        out.push_str("</th><td>");
        esc(out, t.kind);
        out.push_str("</td><td><code>");
        esc(out, t.value);
        out.push_str("</code>");
        if let Some(m) = t.modifier {
            out.push_str(" <span class=\"sv-meta\">");
            esc(out, m);
            out.push_str("</span>");
        }
        out.push_str("</td><td>");
        esc(out, t.anchor.unwrap_or(""));
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></div>");
}
