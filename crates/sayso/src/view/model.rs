//! Reads a Document's JSON into what the view shows: records with their spans as byte ranges
//! of the article text and their references (source entity, parent claim, chain links,
//! relation targets, event claim) resolved to indices.
//!
//! It is lenient where the schema types are strict: a missing list is empty, a span outside
//! the text or inside a character is dropped (and counted), a reference to a record the
//! document does not have is dropped (and counted), and fields it does not know are kept
//! for display where they can mean something to a reader (an event's or participant's
//! codes and scales added by a later 1.x schema).

use crate::offsets::UnitIndex;
use crate::schema::OffsetUnit;
use foldhash::{HashMap, HashMapExt};
use serde_json::{Map, Value};
use std::ops::Range;

/// A field name and its value, for fields the view shows as they are.
pub(super) type Extra<'a> = (&'a str, &'a Value);

/// The document, read.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub article: &'a Value,
    pub entities: Vec<Entity<'a>>,
    pub claims: Vec<Claim<'a>>,
    pub events: Vec<Event<'a>>,
    pub times: Vec<Time<'a>>,
    pub posts: Vec<Post<'a>>,
    pub links: usize,
    pub warnings: Vec<(&'a str, &'a str)>,
    /// Spans that point outside the text or inside a character, not shown.
    pub bad_spans: usize,
    /// References to records the document does not have, not followed.
    pub bad_refs: usize,
}

pub(super) struct Entity<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub roles: Vec<&'a str>,
    pub mentions: Vec<Mention<'a>>,
    pub external: Vec<(&'a str, &'a str)>,
}

pub(super) struct Mention<'a> {
    pub span: Option<Range<usize>>,
    pub role: Option<&'a str>,
}

pub(super) struct Claim<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub content: Vec<Range<usize>>,
    pub content_text: &'a str,
    pub cue: Option<Cue<'a>>,
    pub source: Option<Source<'a>>,
    pub parent: Option<usize>,
    pub chain: Vec<Link<'a>>,
    pub relations: Vec<(&'a str, usize)>,
    pub time: Option<usize>,
    pub post: Option<usize>,
}

pub(super) struct Cue<'a> {
    pub span: Option<Range<usize>>,
    pub text: &'a str,
    pub class: &'a str,
}

pub(super) struct Source<'a> {
    pub entity: Option<usize>,
    pub span: Option<Range<usize>>,
    pub text: &'a str,
    pub kind: &'a str,
}

/// One link of a say-so chain.
pub(super) struct Link<'a> {
    pub claim: Option<usize>,
    pub entity: Option<usize>,
    pub name: &'a str,
    pub publisher: bool,
}

pub(super) struct Event<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub cameo: Option<&'a Map<String, Value>>,
    pub trigger: Option<Range<usize>>,
    pub trigger_text: &'a str,
    pub participants: Vec<Participant<'a>>,
    pub time: Option<EventTime<'a>>,
    pub place: Option<Place<'a>>,
    pub modality: Vec<&'a str>,
    pub polarity: &'a str,
    pub claim: Option<usize>,
    pub chain: Vec<Link<'a>>,
    /// Fields of the event this reader does not know (shown as columns of their own).
    pub extra: Vec<Extra<'a>>,
}

pub(super) struct Participant<'a> {
    pub role: &'a str,
    pub entity: Option<usize>,
    pub span: Option<Range<usize>>,
    pub text: &'a str,
    /// Fields of the participant this reader does not know (actor codes), shown beside it.
    pub extra: Vec<Extra<'a>>,
}

pub(super) struct EventTime<'a> {
    pub time: Option<usize>,
    pub value: &'a str,
    pub inherited: bool,
}

pub(super) struct Place<'a> {
    pub entity: Option<usize>,
    pub span: Option<Range<usize>>,
    pub text: &'a str,
}

pub(super) struct Time<'a> {
    pub id: &'a str,
    pub span: Option<Range<usize>>,
    pub text: &'a str,
    pub kind: &'a str,
    pub value: &'a str,
    pub modifier: Option<&'a str>,
    pub anchor: Option<&'a str>,
}

pub(super) struct Post<'a> {
    pub id: &'a str,
    pub platform: &'a str,
    pub author: &'a str,
    pub handle: Option<&'a str>,
    pub date: Option<&'a str>,
}

const EVENT_FIELDS: &[&str] = &[
    "id",
    "type",
    "cameo",
    "trigger",
    "participants",
    "time",
    "place",
    "modality",
    "polarity",
    "claim",
    "attributed_to",
];
const PARTICIPANT_FIELDS: &[&str] = &["role", "entity", "span", "text"];

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn text_of<'a>(v: &'a Value, key: &str) -> &'a str {
    str_of(v, key).unwrap_or("")
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn extras<'a>(v: &'a Value, known: &[&str]) -> Vec<Extra<'a>> {
    v.as_object()
        .map(|m| m.iter().filter(|(k, _)| !known.contains(&k.as_str())).map(|(k, v)| (k.as_str(), v)).collect())
        .unwrap_or_default()
}

/// Ids to indices for one kind of record (the first record wins a duplicated id).
fn index(items: &[Value]) -> HashMap<&str, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        if let Some(id) = str_of(v, "id") {
            map.entry(id).or_insert(i);
        }
    }
    map
}

struct Reader<'a> {
    text: &'a str,
    units: UnitIndex,
    entities: HashMap<&'a str, usize>,
    claims: HashMap<&'a str, usize>,
    times: HashMap<&'a str, usize>,
    posts: HashMap<&'a str, usize>,
    bad_spans: usize,
    bad_refs: usize,
}

impl<'a> Reader<'a> {
    /// A `{start, end}` object as a byte range of the text, if it is one.
    fn span(&mut self, v: Option<&Value>) -> Option<Range<usize>> {
        let v = v?;
        let (Some(s), Some(e)) = (v.get("start").and_then(Value::as_u64), v.get("end").and_then(Value::as_u64)) else {
            self.bad_spans += 1;
            return None;
        };
        match (self.units.byte(s), self.units.byte(e)) {
            (Some(s), Some(e)) if s <= e => Some(s..e),
            _ => {
                self.bad_spans += 1;
                None
            }
        }
    }

    fn reference(&mut self, v: &Value, key: &str, kind: Kind) -> Option<usize> {
        let id = str_of(v, key)?;
        let map = match kind {
            Kind::Entity => &self.entities,
            Kind::Claim => &self.claims,
            Kind::Time => &self.times,
            Kind::Post => &self.posts,
        };
        let found = map.get(id).copied();
        if found.is_none() {
            self.bad_refs += 1;
        }
        found
    }

    fn chain(&mut self, v: &'a Value) -> Vec<Link<'a>> {
        list(v, "attributed_to")
            .iter()
            .map(|l| Link {
                claim: self.reference(l, "claim", Kind::Claim),
                entity: self.reference(l, "entity", Kind::Entity),
                name: text_of(l, "name"),
                publisher: l.get("publisher").and_then(Value::as_bool).unwrap_or(false),
            })
            .collect()
    }

    fn entity(&mut self, v: &'a Value) -> Entity<'a> {
        Entity {
            id: text_of(v, "id"),
            kind: text_of(v, "type"),
            name: text_of(v, "name"),
            roles: list(v, "roles").iter().filter_map(Value::as_str).collect(),
            mentions: list(v, "mentions")
                .iter()
                .map(|m| Mention { span: self.span(m.get("span")), role: str_of(m, "role") })
                .collect(),
            external: list(v, "external_ids").iter().map(|x| (text_of(x, "source"), text_of(x, "id"))).collect(),
        }
    }

    fn claim(&mut self, v: &'a Value) -> Claim<'a> {
        let content = v.get("content");
        let cue = v.get("cue").filter(|c| c.is_object());
        let source = v.get("source").filter(|s| s.is_object());
        Claim {
            id: text_of(v, "id"),
            kind: text_of(v, "kind"),
            content: content
                .map(|c| list(c, "spans").iter().filter_map(|s| self.span(Some(s))).collect())
                .unwrap_or_default(),
            content_text: content.map_or("", |c| text_of(c, "text")),
            cue: cue.map(|c| Cue {
                span: self.span(c.get("span")),
                text: text_of(c, "text"),
                class: text_of(c, "class"),
            }),
            source: source.map(|s| Source {
                entity: self.reference(s, "entity", Kind::Entity),
                span: self.span(s.get("span")),
                text: text_of(s, "text"),
                kind: text_of(s, "kind"),
            }),
            parent: self.reference(v, "parent", Kind::Claim),
            chain: self.chain(v),
            relations: list(v, "relations")
                .iter()
                .filter_map(|r| Some((text_of(r, "type"), self.reference(r, "target", Kind::Claim)?)))
                .collect(),
            time: self.reference(v, "time", Kind::Time),
            post: self.reference(v, "post", Kind::Post),
        }
    }

    fn event(&mut self, v: &'a Value) -> Event<'a> {
        let trigger = v.get("trigger");
        Event {
            id: text_of(v, "id"),
            kind: text_of(v, "type"),
            cameo: v.get("cameo").and_then(Value::as_object),
            trigger: self.span(trigger.and_then(|t| t.get("span"))),
            trigger_text: trigger.map_or("", |t| text_of(t, "text")),
            participants: list(v, "participants")
                .iter()
                .map(|p| Participant {
                    role: text_of(p, "role"),
                    entity: self.reference(p, "entity", Kind::Entity),
                    span: self.span(p.get("span")),
                    text: text_of(p, "text"),
                    extra: extras(p, PARTICIPANT_FIELDS),
                })
                .collect(),
            time: v.get("time").filter(|t| t.is_object()).map(|t| EventTime {
                time: self.reference(t, "time", Kind::Time),
                value: text_of(t, "value"),
                inherited: t.get("inherited").and_then(Value::as_bool).unwrap_or(false),
            }),
            place: v.get("place").filter(|p| p.is_object()).map(|p| Place {
                entity: self.reference(p, "entity", Kind::Entity),
                span: self.span(p.get("span")),
                text: text_of(p, "text"),
            }),
            modality: list(v, "modality").iter().filter_map(Value::as_str).collect(),
            polarity: text_of(v, "polarity"),
            claim: self.reference(v, "claim", Kind::Claim),
            chain: self.chain(v),
            extra: extras(v, EVENT_FIELDS),
        }
    }

    fn time(&mut self, v: &'a Value) -> Time<'a> {
        Time {
            id: text_of(v, "id"),
            span: self.span(v.get("span")),
            text: text_of(v, "text"),
            kind: text_of(v, "type"),
            value: text_of(v, "value"),
            modifier: str_of(v, "mod"),
            anchor: str_of(v, "anchor"),
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Entity,
    Claim,
    Time,
    Post,
}

/// The article and its text, or why `doc` is not a Document at all (nothing to show).
pub(super) fn article_of(doc: &Value) -> Result<(&Value, &str), String> {
    let Some(root) = doc.as_object() else {
        return Err(format!("expected a Document object, found {}", crate::input::json_type(doc)));
    };
    let Some(article) = root.get("article").filter(|a| a.is_object()) else {
        return Err(if root.contains_key("text") {
            "this is an article, not a Document: run `sayso extract` on it first".to_string()
        } else {
            "no `article` object".to_string()
        });
    };
    match str_of(article, "text") {
        Some(text) => Ok((article, text)),
        None => Err("no `article.text`".to_string()),
    }
}

/// Reads `doc`; an error says why it is not a Document at all.
pub(super) fn read(doc: &Value) -> Result<Doc<'_>, String> {
    let (article, text) = article_of(doc)?;
    let unit = str_of(doc, "offsets").and_then(|u| u.parse::<OffsetUnit>().ok()).unwrap_or_default();
    let (entities, claims, events, times, posts) =
        (list(doc, "entities"), list(doc, "claims"), list(doc, "events"), list(doc, "times"), list(doc, "posts"));
    let mut r = Reader {
        text,
        units: UnitIndex::new(text, unit),
        entities: index(entities),
        claims: index(claims),
        times: index(times),
        posts: index(posts),
        bad_spans: 0,
        bad_refs: 0,
    };
    let entities = entities.iter().map(|v| r.entity(v)).collect();
    let claims = claims.iter().map(|v| r.claim(v)).collect();
    let events = events.iter().map(|v| r.event(v)).collect();
    let times = times.iter().map(|v| r.time(v)).collect();
    let posts = posts
        .iter()
        .map(|p| {
            let author = p.get("author");
            Post {
                id: text_of(p, "id"),
                platform: text_of(p, "platform"),
                author: author.map_or("", |a| text_of(a, "name")),
                handle: author.and_then(|a| str_of(a, "handle")),
                date: str_of(p, "date"),
            }
        })
        .collect();
    Ok(Doc {
        text: r.text,
        article,
        entities,
        claims,
        events,
        times,
        posts,
        links: list(doc, "links").len(),
        warnings: list(doc, "warnings").iter().map(|w| (text_of(w, "code"), text_of(w, "message"))).collect(),
        bad_spans: r.bad_spans,
        bad_refs: r.bad_refs,
    })
}

impl Doc<'_> {
    /// The name a reader knows an entity by (its id when it has no name).
    pub fn entity_name(&self, i: usize) -> &str {
        let e = &self.entities[i];
        if e.name.is_empty() { e.id } else { e.name }
    }

    /// How a claim's source is named: its entity's name when resolved, else its words.
    pub fn source_name<'s>(&'s self, c: &'s Claim<'_>) -> &'s str {
        match &c.source {
            Some(Source { entity: Some(e), .. }) => self.entity_name(*e),
            Some(s) if !s.text.is_empty() => s.text,
            _ => "(no source found)",
        }
    }

    /// How a chain link is named: its entity's name when resolved, else its words.
    pub fn link_name<'s>(&'s self, l: &'s Link<'_>) -> &'s str {
        match l.entity {
            Some(e) if !l.publisher => self.entity_name(e),
            _ if l.name.is_empty() => "(unnamed)",
            _ => l.name,
        }
    }
}
