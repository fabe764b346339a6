//! Checks that a [`Document`] keeps the promises its schema cannot express: every span lies
//! inside the article on character boundaries and its `text` equals the slice it points at,
//! ids are unique and every reference resolves, and every say-so chain ends at the
//! publisher. Used by `sayso validate` and by the tests of every front end.

use crate::offsets::UnitIndex;
use crate::schema::{Document, Span, TextSpan};
use foldhash::{HashSet, HashSetExt};
use std::fmt;

/// One broken promise, with where it is (a JSON path such as `$.claims[2].cue`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct Checker<'d> {
    text: &'d str,
    index: UnitIndex,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    fn span(&mut self, path: &str, span: &Span, text: Option<&str>) {
        if span.start > span.end {
            self.problem(path, format!("span starts after it ends ({}..{})", span.start, span.end));
            return;
        }
        let (Some(s), Some(e)) = (self.index.byte(span.start), self.index.byte(span.end)) else {
            self.problem(
                path,
                format!(
                    "span {}..{} is outside the text (length {}) or splits a character",
                    span.start,
                    span.end,
                    self.index.len()
                ),
            );
            return;
        };
        if let Some(t) = text {
            let slice = &self.text[s..e];
            if slice != t {
                self.problem(
                    path,
                    format!("text {t:?} differs from the article at {}..{}: {slice:?}", span.start, span.end),
                );
            }
        }
    }

    fn text_span(&mut self, path: &str, ts: &TextSpan) {
        self.span(path, &ts.span, Some(&ts.text));
    }

    fn reference(&mut self, path: &str, id: &str, known: &HashSet<&str>, what: &str) {
        if !known.contains(id) {
            self.problem(path, format!("refers to {what} `{id}`, which the document does not have"));
        }
    }
}

fn id_set<'d>(c: &mut Checker<'_>, kind: &str, ids: impl Iterator<Item = &'d str>) -> HashSet<&'d str> {
    let mut set = HashSet::new();
    for (n, id) in ids.enumerate() {
        if !set.insert(id) {
            c.problem(format!("$.{kind}[{n}].id"), format!("duplicate id `{id}`"));
        }
    }
    set
}

/// Every problem found in `doc` (empty when it keeps all its promises).
#[must_use]
pub fn check(doc: &Document) -> Vec<Problem> {
    let text = doc.article.text.as_str();
    let mut c = Checker { text, index: UnitIndex::new(text, doc.offsets), problems: Vec::new() };
    if doc.schema_version.split('.').next() != Some(crate::major_version()) {
        c.problem(
            "$.schema_version",
            format!("version {} is not major version {}", doc.schema_version, crate::major_version()),
        );
    }
    if doc.article.length != c.index.len() {
        c.problem(
            "$.article.length",
            format!("says {} but the text has {} {}", doc.article.length, c.index.len(), doc.offsets.as_str()),
        );
    }
    let entities = id_set(&mut c, "entities", doc.entities.iter().map(|e| e.id.as_str()));
    let claims = id_set(&mut c, "claims", doc.claims.iter().map(|e| e.id.as_str()));
    let times = id_set(&mut c, "times", doc.times.iter().map(|e| e.id.as_str()));
    let posts = id_set(&mut c, "posts", doc.posts.iter().map(|e| e.id.as_str()));
    let links = id_set(&mut c, "links", doc.links.iter().map(|e| e.id.as_str()));
    let _ = id_set(&mut c, "events", doc.events.iter().map(|e| e.id.as_str()));

    if let Some(ev) = doc.article.published.as_ref().and_then(|p| p.evidence.as_ref()) {
        c.text_span("$.article.published.evidence", ev);
    }
    for (i, e) in doc.entities.iter().enumerate() {
        if e.mentions.is_empty() {
            c.problem(format!("$.entities[{i}].mentions"), "an entity needs at least one mention");
        }
        for (j, m) in e.mentions.iter().enumerate() {
            c.span(&format!("$.entities[{i}].mentions[{j}]"), &m.span, Some(&m.text));
        }
    }
    for (i, cl) in doc.claims.iter().enumerate() {
        let p = format!("$.claims[{i}]");
        if cl.content.spans.is_empty() {
            c.problem(format!("{p}.content"), "a claim needs at least one content span");
        }
        let mut joined = Vec::new();
        for (j, s) in cl.content.spans.iter().enumerate() {
            c.span(&format!("{p}.content.spans[{j}]"), s, None);
            if let (Some(a), Some(b)) = (c.index.byte(s.start), c.index.byte(s.end)) {
                if a <= b {
                    joined.push(&text[a..b]);
                }
            }
        }
        if joined.len() == cl.content.spans.len() && joined.join(" ") != cl.content.text {
            c.problem(format!("{p}.content.text"), "differs from the article text at its spans");
        }
        if let Some(cue) = &cl.cue {
            c.span(&format!("{p}.cue"), &cue.span, Some(&cue.text));
        }
        if let Some(src) = &cl.source {
            if let Some(s) = &src.span {
                c.span(&format!("{p}.source"), s, Some(&src.text));
            }
            if let Some(e) = &src.entity {
                c.reference(&format!("{p}.source.entity"), e, &entities, "entity");
            }
        }
        if let Some(parent) = &cl.parent {
            c.reference(&format!("{p}.parent"), parent, &claims, "claim");
        }
        for (j, r) in cl.relations.iter().enumerate() {
            c.reference(&format!("{p}.relations[{j}].target"), &r.target, &claims, "claim");
        }
        if let Some(t) = &cl.time {
            c.reference(&format!("{p}.time"), t, &times, "time");
        }
        if let Some(post) = &cl.post {
            c.reference(&format!("{p}.post"), post, &posts, "post");
        }
        chain(&mut c, &p, &cl.attributed_to, &claims, &entities);
    }
    for (i, ev) in doc.events.iter().enumerate() {
        let p = format!("$.events[{i}]");
        c.text_span(&format!("{p}.trigger"), &ev.trigger);
        for (j, part) in ev.participants.iter().enumerate() {
            c.span(&format!("{p}.participants[{j}]"), &part.span, Some(&part.text));
            if let Some(e) = &part.entity {
                c.reference(&format!("{p}.participants[{j}].entity"), e, &entities, "entity");
            }
        }
        if let Some(t) = &ev.time {
            c.reference(&format!("{p}.time"), &t.time, &times, "time");
        }
        if let Some(place) = &ev.place {
            c.span(&format!("{p}.place"), &place.span, Some(&place.text));
            if let Some(e) = &place.entity {
                c.reference(&format!("{p}.place.entity"), e, &entities, "entity");
            }
        }
        if let Some(cl) = &ev.claim {
            c.reference(&format!("{p}.claim"), cl, &claims, "claim");
        }
        if ev.modality.is_empty() {
            c.problem(format!("{p}.modality"), "an event needs a modality");
        }
        chain(&mut c, &p, &ev.attributed_to, &claims, &entities);
    }
    for (i, t) in doc.times.iter().enumerate() {
        c.span(&format!("$.times[{i}]"), &t.span, Some(&t.text));
        if let Some(a) = t.anchor.as_deref().filter(|a| *a != "publication") {
            c.reference(&format!("$.times[{i}].anchor"), a, &times, "time");
        }
    }
    for (i, post) in doc.posts.iter().enumerate() {
        c.text_span(&format!("$.posts[{i}].content"), &post.content);
        c.text_span(&format!("$.posts[{i}].signature"), &post.signature);
        for (j, l) in post.links.iter().enumerate() {
            c.reference(&format!("$.posts[{i}].links[{j}]"), l, &links, "link");
        }
        if let Some(cl) = &post.claim {
            c.reference(&format!("$.posts[{i}].claim"), cl, &claims, "claim");
        }
        if let Some(e) = &post.author.entity {
            c.reference(&format!("$.posts[{i}].author.entity"), e, &entities, "entity");
        }
    }
    for (i, l) in doc.links.iter().enumerate() {
        c.span(&format!("$.links[{i}]"), &l.span, Some(&l.text));
    }
    for (i, w) in doc.warnings.iter().enumerate() {
        if let Some(s) = &w.span {
            c.span(&format!("$.warnings[{i}]"), s, None);
        }
    }
    source_map(&mut c, &doc.article.source_map);
    c.problems
}

/// The source map of a page: paragraphs of the text in order, not overlapping, and not
/// empty, each from a stretch of the page that comes after the previous one's start.
fn source_map(c: &mut Checker<'_>, map: &[crate::schema::SourceParagraph]) {
    let mut last: Option<&crate::schema::SourceParagraph> = None;
    for (i, p) in map.iter().enumerate() {
        let path = format!("$.article.source_map[{i}]");
        c.span(&format!("{path}.span"), &p.span, None);
        if p.span.start == p.span.end {
            c.problem(format!("{path}.span"), "an empty paragraph");
        }
        if p.html.start > p.html.end {
            c.problem(format!("{path}.html"), "starts after it ends");
        }
        if let Some(prev) = last {
            if p.span.start < prev.span.end {
                c.problem(format!("{path}.span"), "overlaps or precedes the previous paragraph");
            }
            if p.html.start < prev.html.start {
                c.problem(format!("{path}.html"), "comes before the previous paragraph's place in the page");
            }
        }
        last = Some(p);
    }
}

fn chain(
    c: &mut Checker<'_>,
    path: &str,
    links: &[crate::schema::SaySo],
    claims: &HashSet<&str>,
    entities: &HashSet<&str>,
) {
    match links.last() {
        Some(last) if last.publisher => {}
        _ => c.problem(format!("{path}.attributed_to"), "the say-so chain must end at the publisher"),
    }
    for (j, link) in links.iter().enumerate() {
        if link.publisher && j + 1 != links.len() {
            c.problem(format!("{path}.attributed_to[{j}]"), "only the last link may be the publisher");
        }
        if let Some(cl) = &link.claim {
            c.reference(&format!("{path}.attributed_to[{j}].claim"), cl, claims, "claim");
        }
        if let Some(e) = &link.entity {
            c.reference(&format!("{path}.attributed_to[{j}].entity"), e, entities, "entity");
        }
    }
}
