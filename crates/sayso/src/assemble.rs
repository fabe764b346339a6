//! Assembly: reads every layer of an [`Analysis`]; writes the public [`Document`]. Records
//! are ordered by first appearance and given ids (`e1`, `c1`, `v1`, `t1`, `p1`, `l1`), the
//! say-so chains are derived from claim nesting, and byte offsets are converted into the
//! caller's unit. Nothing here decides what the text means; it only writes it down.

use crate::analysis::Analysis;
use crate::offsets::OffsetMap;
use crate::schema::{
    Article, Cameo, Claim, Content, Cue, Document, Entity, Event, EventTime, Link, Mention, OffsetUnit, Participant,
    Place, Post, PostAuthor, Producer, Published, Relation, SCHEMA_VERSION, SaySo, Source, SourceParagraph, Span,
    TextSpan, Time, Warning,
};
use std::ops::Range;

/// Builds the document from a finished analysis.
#[must_use]
pub fn document(a: &Analysis, unit: OffsetUnit) -> Document {
    let map = OffsetMap::new(&a.text, unit);
    let w = Writer { a, map };

    let time_order = order_by(a.times.len(), |i| (a.times[i].span.start, a.times[i].span.end));
    let entity_order = order_by(a.entities.len(), |i| {
        a.entities[i].mentions.iter().map(|&m| a.mentions[m].span.start).min().unwrap_or(usize::MAX)
    });
    let claim_order = order_by(a.claims.len(), |i| claim_position(a, i));
    let event_order = order_by(a.events.len(), |i| (a.events[i].trigger.start, a.events[i].trigger.end));
    let post_order = order_by(a.posts.len(), |i| a.posts[i].content.start);
    let link_order = order_by(a.links.len(), |i| a.links[i].span.start);

    let ids = Ids {
        time: ranks(&time_order),
        entity: ranks(&entity_order),
        claim: ranks(&claim_order),
        post: ranks(&post_order),
        link: ranks(&link_order),
    };

    let publisher = SaySo {
        claim: None,
        entity: None,
        name: a.meta.publisher.clone().unwrap_or_else(|| "the publisher".to_string()),
        actor_code: None,
        publisher: true,
    };

    let times = time_order
        .iter()
        .map(|&i| {
            let t = &a.times[i];
            Time {
                id: ids.time_id(i),
                span: w.span(&t.span),
                text: a.slice(&t.span).to_string(),
                time_type: t.time_type,
                value: t.value.clone(),
                r#mod: t.modifier.clone(),
                anchor: t.anchor.map(|anchor| match anchor {
                    crate::time::TimeAnchor::Publication => "publication".to_string(),
                    crate::time::TimeAnchor::Time(j) => ids.time_id(j),
                }),
            }
        })
        .collect();

    let entities = entity_order
        .iter()
        .map(|&i| {
            let e = &a.entities[i];
            let mut mention_ids = e.mentions.clone();
            mention_ids.sort_by_key(|&m| (a.mentions[m].span.start, a.mentions[m].span.end));
            mention_ids.dedup();
            Entity {
                id: ids.entity_id(i),
                entity_type: e.entity_type,
                name: e.name.clone(),
                roles: e.roles.clone(),
                mentions: mention_ids
                    .iter()
                    .map(|&m| {
                        let mr = &a.mentions[m];
                        Mention {
                            span: w.span(&mr.span),
                            text: a.slice(&mr.span).to_string(),
                            kind: mr.kind,
                            role: mr.role.clone(),
                            group: mr.entities.len() > 1,
                        }
                    })
                    .collect(),
                external_ids: e.external_ids.clone(),
            }
        })
        .collect();

    let chain_of = |claim: usize| -> Vec<SaySo> {
        // The claim itself, then its ancestors, then the publisher. Bounded by the number of
        // claims so a malformed parent cycle cannot loop.
        let mut chain = Vec::new();
        let mut cur = Some(claim);
        let mut steps = 0;
        while let Some(c) = cur {
            if steps > a.claims.len() {
                break;
            }
            steps += 1;
            let cr = &a.claims[c];
            chain.push(SaySo {
                claim: Some(ids.claim_id(c)),
                entity: cr.source.as_ref().and_then(|s| s.entity).map(|e| ids.entity_id(e)),
                name: w.source_name(c),
                actor_code: a.source_codes.get(c).cloned().flatten(),
                publisher: false,
            });
            cur = cr.parent;
        }
        chain.push(publisher.clone());
        chain
    };

    let claims = claim_order
        .iter()
        .map(|&i| {
            let c = &a.claims[i];
            let mut content_spans: Vec<Range<usize>> = c.content.clone();
            content_spans.sort_by_key(|r| (r.start, r.end));
            Claim {
                id: ids.claim_id(i),
                kind: c.kind,
                content: Content {
                    spans: content_spans.iter().map(|r| w.span(r)).collect(),
                    text: content_spans.iter().map(|r| a.slice(r)).collect::<Vec<_>>().join(" "),
                },
                cue: c.cue.as_ref().map(|cue| Cue {
                    span: w.span(&cue.span),
                    text: a.slice(&cue.span).to_string(),
                    lemma: cue.lemma.clone(),
                    class: cue.class,
                }),
                source: c.source.as_ref().map(|s| Source {
                    entity: s.entity.map(|e| ids.entity_id(e)),
                    span: s.span.as_ref().map(|r| w.span(r)),
                    text: w.source_name(i),
                    kind: s.kind,
                }),
                parent: c.parent.map(|p| ids.claim_id(p)),
                attributed_to: c.parent.map_or_else(|| vec![publisher.clone()], chain_of),
                relations: c
                    .relations
                    .iter()
                    .map(|&(t, target)| Relation { relation_type: t, target: ids.claim_id(target) })
                    .collect(),
                time: c.time.map(|t| ids.time_id(t)),
                post: c.post.map(|p| ids.post_id(p)),
            }
        })
        .collect();

    let events = event_order
        .iter()
        .enumerate()
        .map(|(rank, &i)| {
            let e = &a.events[i];
            Event {
                id: id('v', rank + 1),
                event_type: e.event_type,
                cameo: e.cameo.as_ref().map(|code| Cameo {
                    code: code.clone(),
                    root: code.chars().take(2).collect(),
                    label: crate::events::cameo_label(code).unwrap_or("").to_string(),
                    goldstein: crate::events::goldstein(code),
                    quad_class: crate::events::quad_class(code).unwrap_or(0),
                }),
                trigger: w.text_span(&e.trigger),
                participants: e
                    .participants
                    .iter()
                    .map(|p| Participant {
                        role: p.role,
                        entity: p.entity.map(|x| ids.entity_id(x)),
                        span: w.span(&p.span),
                        text: a.slice(&p.span).to_string(),
                        actor_code: p.code.clone(),
                    })
                    .collect(),
                time: e.time.map(|(t, inherited)| EventTime {
                    time: ids.time_id(t),
                    value: a.times[t].value.clone(),
                    inherited,
                }),
                place: e.place.as_ref().map(|p| Place {
                    entity: p.entity.map(|x| ids.entity_id(x)),
                    span: w.span(&p.span),
                    text: a.slice(&p.span).to_string(),
                }),
                modality: e.modality.clone(),
                polarity: e.polarity,
                claim: e.claim.map(|c| ids.claim_id(c)),
                attributed_to: e.claim.map_or_else(|| vec![publisher.clone()], chain_of),
            }
        })
        .collect();

    let posts = post_order
        .iter()
        .map(|&i| {
            let p = &a.posts[i];
            let mut links: Vec<usize> = p.links.clone();
            links.sort_by_key(|&l| ids.link[l]);
            Post {
                id: ids.post_id(i),
                platform: p.platform.to_string(),
                content: w.text_span(&p.content),
                signature: w.text_span(&p.signature),
                author: PostAuthor {
                    name: a.slice(&p.author_name).to_string(),
                    handle: p.handle.as_ref().map(|h| a.slice(h).trim_start_matches('@').to_string()),
                    entity: p.author_entity.map(|e| ids.entity_id(e)),
                },
                date: p.date.map(|d| d.to_string()),
                links: links.iter().map(|&l| ids.link_id(l)).collect(),
                claim: p.claim.map(|c| ids.claim_id(c)),
            }
        })
        .collect();

    let links = link_order
        .iter()
        .map(|&i| {
            let l = &a.links[i];
            Link { id: ids.link_id(i), span: w.span(&l.span), text: a.slice(&l.span).to_string(), url: l.url.clone() }
        })
        .collect();

    let warnings = a
        .warnings
        .iter()
        .map(|x| Warning {
            code: x.code.to_string(),
            message: x.message.clone(),
            span: x.span.as_ref().map(|r| w.span(r)),
        })
        .collect();

    Document {
        schema_version: SCHEMA_VERSION.to_string(),
        producer: Producer { name: "sayso".to_string(), version: crate::VERSION.to_string() },
        offsets: unit,
        article: Article {
            id: a.meta.id.clone(),
            url: a.meta.url.clone(),
            canonical_url: a.page.as_ref().and_then(|p| p.canonical_url.clone()),
            title: a.meta.title.clone(),
            authors: a.meta.authors.clone(),
            publisher: a.meta.publisher.clone(),
            published: a.published.as_ref().map(|p| Published {
                date: p.date.to_string(),
                datetime: p.datetime.clone(),
                source: p.source,
                confidence: p.confidence,
                evidence: p.evidence.as_ref().map(|r| w.text_span(r)),
                reason: p.reason.clone(),
            }),
            language: a.language.tag.clone(),
            language_source: a.language.source,
            language_confidence: a.language.confidence,
            text: a.text.clone(),
            length: w.map.convert(a.text.len()),
            source_map: source_map(a, &w.map, unit),
        },
        entities,
        claims,
        events,
        times,
        posts,
        links,
        warnings,
    }
}

struct Writer<'a> {
    a: &'a Analysis,
    map: OffsetMap<'a>,
}

impl Writer<'_> {
    fn span(&self, r: &Range<usize>) -> Span {
        Span { start: self.map.convert(r.start), end: self.map.convert(r.end) }
    }

    fn text_span(&self, r: &Range<usize>) -> TextSpan {
        TextSpan { span: self.span(r), text: self.a.slice(r).to_string() }
    }

    /// A claim's source in words: its phrase, else its entity's name, else its post author.
    fn source_name(&self, claim: usize) -> String {
        let a = self.a;
        let c = &a.claims[claim];
        let Some(s) = &c.source else {
            return "unknown".to_string();
        };
        if let Some(r) = &s.span {
            return a.slice(r).to_string();
        }
        if let Some(e) = s.entity {
            return a.entities[e].name.clone();
        }
        if let Some(p) = c.post {
            return a.slice(&a.posts[p].author_name).to_string();
        }
        "unknown".to_string()
    }
}

/// Where a claim first appears: the earliest of its content, cue and source.
fn claim_position(a: &Analysis, i: usize) -> usize {
    let c = &a.claims[i];
    let content = c.content.iter().map(|r| r.start).min();
    let cue = c.cue.as_ref().map(|x| x.span.start);
    let source = c.source.as_ref().and_then(|s| s.span.as_ref()).map(|r| r.start);
    [content, cue, source].into_iter().flatten().min().unwrap_or(usize::MAX)
}

/// Indices `0..n` sorted by `key`, ties kept in layer order (stable).
fn order_by<K: Ord>(n: usize, key: impl Fn(usize) -> K) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| key(i));
    order
}

/// For each layer index, its 0-based position in `order`.
fn ranks(order: &[usize]) -> Vec<usize> {
    let mut rank = vec![0; order.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    rank
}

/// A record id: its kind's letter and its 1-based rank (`e12`). Written directly, not with
/// `format!`: a document has thousands of ids, and the formatting machinery was most of
/// their cost.
fn id(kind: char, rank: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(rank);
    let mut s = String::with_capacity(1 + digits.len());
    s.push(kind);
    s.push_str(digits);
    s
}

struct Ids {
    time: Vec<usize>,
    entity: Vec<usize>,
    claim: Vec<usize>,
    post: Vec<usize>,
    link: Vec<usize>,
}

impl Ids {
    fn time_id(&self, i: usize) -> String {
        id('t', self.time[i] + 1)
    }
    fn entity_id(&self, i: usize) -> String {
        id('e', self.entity[i] + 1)
    }
    fn claim_id(&self, i: usize) -> String {
        id('c', self.claim[i] + 1)
    }
    fn post_id(&self, i: usize) -> String {
        id('p', self.post[i] + 1)
    }
    fn link_id(&self, i: usize) -> String {
        id('l', self.link[i] + 1)
    }
}

/// The page provenance of each paragraph, both sides in the caller's unit.
fn source_map(a: &Analysis, text_map: &OffsetMap<'_>, unit: OffsetUnit) -> Vec<SourceParagraph> {
    let Some(page) = &a.page else { return Vec::new() };
    let html_map = OffsetMap::new(&page.html, unit);
    page.source_map
        .iter()
        .map(|(text, html)| SourceParagraph {
            span: Span { start: text_map.convert(text.start), end: text_map.convert(text.end) },
            html: Span { start: html_map.convert(html.start), end: html_map.convert(html.end) },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::id;

    #[test]
    fn ids_are_the_letter_and_the_rank() {
        for rank in [1, 9, 10, 12, 99, 100, 4321, usize::MAX] {
            assert_eq!(id('e', rank), format!("e{rank}"));
        }
        assert_eq!(id('v', 7), "v7");
    }
}
