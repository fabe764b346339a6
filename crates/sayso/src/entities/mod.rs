//! Stage 5, entities: reads tokens, sentences, posts and the syntax stage's parse; adds
//! mentions (names, titles, handles, acronyms, pronouns, nominals) and clusters them into
//! entities.
//!
//! Names are found and typed by a learned tagger ([`tagger`]: an averaged perceptron trained
//! on CoNLL-2003 and GUM, with the gazetteer derived from PETRARCH2's actor dictionaries
//! (`gazetteer.tsv`), a UD word-class lexicon and the parse's part-of-speech tags and heads
//! among its features, run twice: the second pass, [`stacked`], reads the first pass's tags of
//! each word across the article), then checked by rules
//! ([`rules`]: headline names need the body's support, laws, events and peoples are MISC, a
//! title fused into an organisation is a person's role, one name has one type in an
//! article); the gazetteer and a short alias list (`aliases.tsv`) give canonical names and
//! refine the tagger's location and miscellaneous types. Data sources and licences:
//! `DATA.md`. Titles
//! before a person ("President", "White House press secretary") become the person's role.
//! Mentions cluster by canonical name, by surname ("Putin" after "Vladimir Putin"), by
//! acronym ("CIA" after "Central Intelligence Agency", "WH" after "White House"), and by post
//! signatures ("Sarah Sanders (@PressSec)"). Pronouns go to the clause's subject or to the
//! latest other person; "the two leaders" to the two most mentioned people. Every pass is a
//! walk over tokens with hash-map look-ups.

use crate::analysis::Analysis;
use crate::schema::{EntityType, ExternalId, MentionKind};
use crate::text::TokenKind;
use foldhash::{HashMap, HashMapExt};
use jiff::civil::Date;
use std::ops::Range;
use std::sync::LazyLock;

pub mod clusters;
mod rules;
pub mod stacked;
pub mod tagger;

/// One mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRec {
    /// Where the mention is.
    pub span: Range<usize>,
    /// How the entity is mentioned.
    pub kind: MentionKind,
    /// The entities it refers to (indices into [`Analysis::entities`]); more than one for a
    /// group mention ("the two leaders"), none when unresolved.
    pub entities: Vec<usize>,
    /// Title or role given in the mention.
    pub role: Option<String>,
    /// The type the mention itself suggests.
    pub entity_type: EntityType,
}

/// One entity: a cluster of mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRec {
    /// What kind of thing it is.
    pub entity_type: EntityType,
    /// Canonical name.
    pub name: String,
    /// Titles and roles.
    pub roles: Vec<String>,
    /// Its mentions (indices into [`Analysis::mentions`]).
    pub mentions: Vec<usize>,
    /// External identifiers from alias lists.
    pub external_ids: Vec<ExternalId>,
}

struct Gazetteer {
    names: HashMap<&'static str, (EntityType, &'static str)>,
}

fn entity_type(s: &str) -> EntityType {
    match s {
        "PERSON" => EntityType::Person,
        "GPE" => EntityType::Gpe,
        "NORP" => EntityType::Norp,
        "LOCATION" => EntityType::Location,
        "ORGANIZATION" => EntityType::Organization,
        _ => EntityType::Misc,
    }
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut names = HashMap::default();
    for line in include_str!("gazetteer.tsv").lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        if let (Some(p), Some(t), Some(c)) = (cols.next(), cols.next(), cols.next()) {
            names.insert(p, (entity_type(t), c));
        }
    }
    Gazetteer { names }
});

/// The type the gazetteer gives a lowercase phrase ("russian" is a nationality), if it has it.
#[must_use]
pub fn gazetteer_type(lower: &str) -> Option<EntityType> {
    GAZETTEER.names.get(lower).map(|(t, _)| *t)
}

struct Alias {
    canonical: &'static str,
    entity_type: EntityType,
    from: Option<Date>,
    until: Option<Date>,
}

static ALIASES: LazyLock<HashMap<&'static str, Vec<Alias>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Alias>> = HashMap::default();
    for line in include_str!("aliases.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&'static str> = line.split('\t').collect();
        let (Some(alias), Some(canonical), Some(t)) = (cols.first(), cols.get(1), cols.get(2)) else { continue };
        let date = |i: usize| cols.get(i).and_then(|d| d.parse::<Date>().ok());
        map.entry(alias).or_default().push(Alias {
            canonical,
            entity_type: entity_type(t),
            from: date(3),
            until: date(4),
        });
    }
    map
});

/// Titles before a person's name; they become the mention's role.
const PERSON_TITLES: &[&str] = &[
    "president",
    "director",
    "secretary",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "gov.",
    "governor",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "prime",
    "minister",
    "chancellor",
    "king",
    "queen",
    "pope",
    "general",
    "gen.",
    "judge",
    "mayor",
    "chairman",
    "chairwoman",
    "chief",
    "vice",
    "speaker",
    "justice",
    "attorney",
    "prince",
    "premier",
    "ambassador",
    "commissioner",
    "lt.",
    "col.",
    "sgt.",
    "adm.",
    "sheikh",
    "former",
    "first",
    "lady",
    "professor",
    "prof.",
    "emperor",
    "empress",
    "lord",
    "earl",
    "duke",
    "duchess",
    "sir",
    "dame",
    "rev.",
    "reverend",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "coach",
    "captain",
    "detective",
    "princess",
];
/// Lowercase role nouns: "White House press secretary Sarah Sanders".
const ROLE_NOUNS: &[&str] = &[
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "official",
    "minister",
    "adviser",
    "advisor",
    "chief",
    "president",
    "leader",
    "chairman",
    "senator",
    "candidate",
    "nominee",
    "correspondent",
    "reporter",
    "editor",
    "analyst",
    "economist",
    "ambassador",
    "envoy",
    "lawyer",
    "attorney",
    "manager",
    "founder",
    "ceo",
    "executive",
    "governor",
    "mayor",
    "general",
    "commander",
];
/// Nouns that turn a nationality into its country's people or government.
const GROUP_NOUNS: &[&str] =
    &["authorities", "officials", "government", "forces", "troops", "police", "military", "diplomats", "leaders"];

/// Runs the stage.
pub fn run(a: &mut Analysis) {
    let published = a.published.as_ref().map(|p| p.date);
    let mut b = Builder { a, published, keys: HashMap::new(), surnames: HashMap::new(), initials: HashMap::new() };
    let mentions = b.find_mentions();
    let (mentions, entities) = b.cluster(mentions);
    let by_span: HashMap<(usize, usize), usize> = mentions
        .iter()
        .filter(|m| m.entities.len() == 1)
        .map(|m| ((m.span.start, m.span.end), m.entities[0]))
        .collect();
    for post in &mut a.posts {
        post.author_entity = by_span.get(&(post.author_name.start, post.author_name.end)).copied();
    }
    a.mentions = mentions;
    a.entities = entities;
}

/// A mention before clustering.
struct Draft {
    span: Range<usize>,
    kind: MentionKind,
    entity_type: EntityType,
    role: Option<String>,
    /// Cluster key (canonical name, lowercase), when known.
    key: Option<String>,
    /// Display name.
    name: String,
    sentence: usize,
}

struct Builder<'a> {
    a: &'a Analysis,
    published: Option<Date>,
    keys: HashMap<String, usize>,
    surnames: HashMap<String, usize>,
    initials: HashMap<String, usize>,
}

impl Builder<'_> {
    fn word(&self, i: usize) -> &str {
        self.a.tokens.get(i).map_or("", |t| &self.a.text[t.start..t.end])
    }

    fn is_word(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn alias(&self, key: &str) -> Option<&'static Alias> {
        let list = ALIASES.get(key)?;
        list.iter().find(|al| {
            let ok_from = al.from.is_none_or(|f| self.published.is_some_and(|p| p >= f));
            let ok_until = al.until.is_none_or(|u| self.published.is_some_and(|p| p < u));
            (al.from.is_none() && al.until.is_none()) || (ok_from && ok_until)
        })
    }

    fn span(&self, r: &Range<usize>) -> Range<usize> {
        let start = self.a.tokens.get(r.start).map_or(0, |t| t.start);
        let end = r.end.checked_sub(1).and_then(|e| self.a.tokens.get(e)).map_or(start, |t| t.end);
        start..end
    }

    fn text(&self, r: &Range<usize>) -> String {
        self.a.text[self.span(r)].to_string()
    }

    /// Every mention in text order.
    fn find_mentions(&mut self) -> Vec<Draft> {
        let n = self.a.tokens.len();
        let lines = tagger::line_kinds(self.a);
        let names = rules::refine(self.a, tagger::tag_lines(self.a, &lines), &lines);
        let mut next_name = names.iter().peekable();
        let mut out: Vec<Draft> = Vec::new();
        let mut seen_initials: HashMap<String, EntityType> = HashMap::new();
        let mut in_times = Covering::new(self.a.times.iter().map(|t| t.span.clone()));
        let mut i = 0;
        while i < n {
            while next_name.peek().is_some_and(|s| s.tokens.start < i) {
                next_name.next();
            }
            let t = &self.a.tokens[i];
            if t.kind == TokenKind::Handle {
                let handle = self.word(i).to_string();
                let key = handle.to_lowercase();
                let alias = self.alias(&key);
                out.push(Draft {
                    span: t.start..t.end,
                    kind: MentionKind::Handle,
                    entity_type: alias.map_or(EntityType::Person, |al| al.entity_type),
                    role: None,
                    key: alias.map(|al| al.canonical.to_lowercase()),
                    name: alias.map_or(handle, |al| al.canonical.to_string()),
                    sentence: t.sentence,
                });
                i += 1;
                continue;
            }
            if let Some(end) = self.group_nominal(i) {
                out.push(Draft {
                    span: self.span(&(i..end)),
                    kind: MentionKind::Nominal,
                    entity_type: EntityType::Person,
                    role: None,
                    key: Some("\u{0}group".into()),
                    name: self.text(&(i..end)),
                    sentence: t.sentence,
                });
                i = end;
                continue;
            }
            if let Some(span) = next_name.peek().filter(|s| s.tokens.start == i) {
                let end = span.tokens.end;
                // A month or weekday the time stage read as a date is not a name.
                let bytes = self.span(&(i..end));
                if !in_times.covers(&bytes) {
                    let before = out.len();
                    self.push_name(i, end, span.entity_type(), &mut out);
                    for d in &out[before..] {
                        let words: Vec<&str> = d.name.split_whitespace().collect();
                        if words.len() >= 2 && d.entity_type != EntityType::Person {
                            let initials: String = words
                                .iter()
                                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                                .filter_map(|w| w.chars().next())
                                .collect();
                            seen_initials.insert(initials, d.entity_type);
                        }
                    }
                    i = end;
                    continue;
                }
            }
            // An acronym the tagger passed over, of a name already seen ("WH" after
            // "White House").
            if let Some(&entity_type) = self.is_acronym(i).then(|| seen_initials.get(self.word(i))).flatten() {
                let name = self.word(i).to_string();
                out.push(Draft {
                    span: t.start..t.end,
                    kind: MentionKind::Acronym,
                    entity_type,
                    role: None,
                    key: Some(name.to_lowercase()),
                    name,
                    sentence: t.sentence,
                });
                i += 1;
                continue;
            }
            if self.is_word(i) && !self.is_cap(i) && is_pronoun(self.word(i)) {
                out.push(Draft {
                    span: t.start..t.end,
                    kind: MentionKind::Pronoun,
                    entity_type: EntityType::Person,
                    role: None,
                    key: None,
                    name: self.word(i).to_string(),
                    sentence: t.sentence,
                });
            }
            i += 1;
        }
        out
    }

    /// Whether token `i` looks like an acronym: two to six capital letters.
    fn is_acronym(&self, i: usize) -> bool {
        let w = self.word(i);
        self.is_word(i) && (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// "the two leaders", "both leaders", "the two men": the end of the phrase at `i`.
    fn group_nominal(&self, i: usize) -> Option<usize> {
        let w0 = self.word(i);
        let k;
        if w0.eq_ignore_ascii_case("the") && self.word(i + 1).eq_ignore_ascii_case("two") {
            k = i + 2;
        } else if w0.eq_ignore_ascii_case("both") {
            k = i + 1;
        } else {
            return None;
        }
        let head = self.word(k);
        ["leaders", "men", "presidents", "women"].iter().any(|h| head.eq_ignore_ascii_case(h)).then_some(k + 1)
    }

    /// A name the tagger found at tokens `start..end`, of the tagger's type `tagged`: the
    /// gazetteer and alias list give its canonical name (and refine LOC and MISC into GPE,
    /// location or nationality); titles before a person's name become its role.
    fn push_name(&mut self, start: usize, end: usize, tagged: EntityType, out: &mut Vec<Draft>) {
        let sentence = self.a.tokens[start].sentence;
        let first_lower = self.a.lower(start);
        // Nationality + group noun: "Russian authorities" is the country acting.
        if end == start + 1 {
            if let Some((EntityType::Norp, canonical)) = GAZETTEER.names.get(first_lower).copied() {
                if GROUP_NOUNS.contains(&self.a.lower(end)) {
                    let key = self
                        .alias(&canonical.to_lowercase())
                        .map_or(canonical.to_lowercase(), |al| al.canonical.to_lowercase());
                    out.push(Draft {
                        span: self.span(&(start..end + 1)),
                        kind: MentionKind::Nominal,
                        entity_type: EntityType::Gpe,
                        role: None,
                        key: Some(key),
                        name: canonical.to_string(),
                        sentence,
                    });
                    return;
                }
            }
        }
        // Titles before a person's name ("President", "Russian President") are its role,
        // also when the tagger took them into the name.
        let mut role = None;
        let mut start = start;
        if tagged == EntityType::Person {
            // The titles may follow a place or nationality the tagger also took in: "Bree
            // President Romendacil" is Romendacil, Bree's president.
            let first_title = (start..end.saturating_sub(1)).find(|&k| PERSON_TITLES.contains(&self.a.lower(k)));
            let mut k = first_title.filter(|&k| k <= start + 2).unwrap_or(start);
            let titled = first_title.is_some_and(|t| t == k);
            while titled && k + 1 < end && PERSON_TITLES.contains(&self.a.lower(k)) {
                k += 1;
            }
            if k > start {
                role = Some(self.text(&(start..k)));
                start = k;
            }
        }
        if tagged == EntityType::Person && role.is_none() {
            let mut k = start;
            while k > 0
                && self.a.tokens[k - 1].sentence == sentence
                && self.is_cap(k - 1)
                && PERSON_TITLES.contains(&self.a.lower(k - 1))
            {
                k -= 1;
            }
            if k < start
                && k > 0
                && self.is_cap(k - 1)
                && matches!(GAZETTEER.names.get(self.a.lower(k - 1)), Some((EntityType::Norp, _)))
            {
                k -= 1;
            }
            if k < start {
                role = Some(self.text(&(k..start)));
            }
            // A lowercase role before the name: "White House press secretary Sarah Sanders".
            if role.is_none() && start >= 1 {
                let mut j = start;
                while j > 0 && j + 3 > start && self.is_word(j - 1) && !self.is_cap(j - 1) {
                    j -= 1;
                }
                if j < start && ROLE_NOUNS.contains(&self.a.lower(start - 1)) {
                    let org =
                        out.last().filter(|d| d.span.end + 1 >= self.a.tokens[j].start && d.kind == MentionKind::Name);
                    let from = org.map_or(self.a.tokens[j].start, |d| d.span.start);
                    role = Some(self.a.text[from..self.a.tokens[start - 1].end].to_string());
                }
            }
        }
        let name_range = start..end;
        let name = self.text(&name_range);
        let lower = name.to_lowercase();
        let acronym = name_range.len() == 1
            && name.chars().filter(char::is_ascii_alphabetic).count() >= 2
            && name.chars().filter(char::is_ascii_alphabetic).all(|c| c.is_ascii_uppercase())
            && name.len() <= 6;
        let alias = self.alias(&lower);
        let gaz = GAZETTEER.names.get(lower.as_str()).copied();
        let (entity_type, key) = if let Some(al) = alias {
            (al.entity_type, al.canonical.to_lowercase())
        } else if let Some((EntityType::Norp, _)) = gaz.filter(|_| conll_class(tagged) == 3) {
            // Nationalities cluster by their own word, apart from the country.
            (EntityType::Norp, norp_key(&lower))
        } else if let Some((t, canonical)) = gaz.filter(|(t, _)| conll_class(*t) == conll_class(tagged)) {
            (t, canonical.to_lowercase())
        } else {
            (tagged, lower.clone())
        };
        out.push(Draft {
            span: self.span(&name_range),
            kind: if acronym { MentionKind::Acronym } else { MentionKind::Name },
            entity_type,
            role,
            key: Some(key),
            name,
            sentence,
        });
    }

    /// Clusters the drafts into entities and resolves pronouns and group nominals.
    fn cluster(&mut self, drafts: Vec<Draft>) -> (Vec<MentionRec>, Vec<EntityRec>) {
        let mut entities: Vec<EntityRec> = Vec::new();
        let mut mentions: Vec<MentionRec> = Vec::with_capacity(drafts.len());
        // Persons by mention count, for group nominals; the latest persons, for pronouns.
        let mut person_count: HashMap<usize, usize> = HashMap::new();
        let mut recent_persons: Vec<(usize, usize)> = Vec::new(); // (sentence, entity)
        let signature_owner: HashMap<String, Range<usize>> = self
            .a
            .posts
            .iter()
            .filter_map(|p| Some((self.a.text[p.handle.clone()?].to_lowercase(), p.author_name.clone())))
            .collect();
        let mut handle_owner: HashMap<String, usize> = HashMap::new();
        for d in &drafts {
            let entity = match d.kind {
                MentionKind::Pronoun => self.resolve_pronoun(d, &recent_persons).map(|e| vec![e]),
                MentionKind::Nominal if d.key.as_deref() == Some("\u{0}group") => {
                    let mut ranked: Vec<(usize, usize)> = person_count.iter().map(|(&e, &c)| (e, c)).collect();
                    ranked.sort_by_key(|&(e, c)| (std::cmp::Reverse(c), e));
                    (ranked.len() >= 2).then(|| {
                        let mut two = vec![ranked[0].0, ranked[1].0];
                        two.sort_unstable();
                        two
                    })
                }
                MentionKind::Handle => {
                    let lower = d.name.to_lowercase();
                    if let Some(&e) = handle_owner.get(&lower) {
                        Some(vec![e])
                    } else if d.key.is_some() {
                        Some(vec![self.entity_for(d, &mut entities)])
                    } else if signature_owner.contains_key(&lower) {
                        // Owned by the name beside it in the signature, resolved when that comes.
                        None
                    } else {
                        Some(vec![self.entity_for(d, &mut entities)])
                    }
                }
                _ => Some(vec![self.entity_for(d, &mut entities)]),
            };
            let entity = entity.unwrap_or_default();
            let mi = mentions.len();
            for &e in &entity {
                if let Some(en) = entities.get_mut(e) {
                    en.mentions.push(mi);
                    if let Some(r) = &d.role {
                        if !en.roles.contains(r) {
                            en.roles.push(r.clone());
                        }
                    }
                }
            }
            if entity.len() == 1 && d.entity_type == EntityType::Person && d.kind != MentionKind::Pronoun {
                *person_count.entry(entity[0]).or_default() += 1;
                recent_persons.push((d.sentence, entity[0]));
            } else if entity.len() == 1 && d.kind == MentionKind::Pronoun {
                *person_count.entry(entity[0]).or_default() += 1;
            }
            // A signature's name owns the handle beside it: "Sarah Sanders (@PressSec)".
            if entity.len() == 1 {
                for (handle, name_span) in &signature_owner {
                    if *name_span == d.span {
                        handle_owner.insert(handle.clone(), entity[0]);
                    }
                }
            }
            mentions.push(MentionRec {
                span: d.span.clone(),
                kind: d.kind,
                entities: entity,
                role: d.role.clone(),
                entity_type: d.entity_type,
            });
        }
        // Handles in signatures come after the name: tie them now.
        for m in &mut mentions {
            if m.kind == MentionKind::Handle && m.entities.is_empty() {
                if let Some(&e) = handle_owner.get(&self.a.text[m.span.clone()].to_lowercase()) {
                    m.entities.push(e);
                }
            }
        }
        for (mi, m) in mentions.iter().enumerate() {
            if m.kind == MentionKind::Handle {
                if let Some(&e) = m.entities.first() {
                    if let Some(en) = entities.get_mut(e) {
                        en.mentions.push(mi);
                    }
                }
            }
        }
        for en in &mut entities {
            en.mentions.sort_unstable();
            en.mentions.dedup();
        }
        (mentions, entities)
    }

    /// The entity a name, acronym or handle draft belongs to, creating it if new.
    fn entity_for(&mut self, d: &Draft, entities: &mut Vec<EntityRec>) -> usize {
        let lowered;
        let key = match &d.key {
            Some(k) => k.as_str(),
            None => {
                lowered = d.name.to_lowercase();
                lowered.as_str()
            }
        };
        let key = key.trim_start_matches("the ").to_string();
        let (word_count, last_word) = key.split_whitespace().fold((0, ""), |(n, _), w| (n + 1, w));
        let found = self
            .keys
            .get(&key)
            .copied()
            // "Essex" the county and "Essex" the cricket club are different entities.
            .filter(|&e| entities.get(e).is_none_or(|en| conll_class(en.entity_type) == conll_class(d.entity_type)))
            .or_else(|| {
                // A surname alone: the person with that surname.
                (d.entity_type == EntityType::Person && word_count == 1)
                    .then(|| self.surnames.get(&key).copied())
                    .flatten()
                    .filter(|&e| e != usize::MAX)
            })
            .or_else(|| (d.kind == MentionKind::Acronym).then(|| self.initials.get(&key).copied()).flatten());
        let e = match found {
            Some(e) => e,
            None => {
                entities.push(EntityRec {
                    entity_type: d.entity_type,
                    name: canonical_display(d),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                    external_ids: Vec::new(),
                });
                entities.len() - 1
            }
        };
        if d.entity_type == EntityType::Person && word_count >= 2 {
            self.surnames.insert(last_word.to_string(), e);
        }
        if word_count >= 2 && d.entity_type != EntityType::Person {
            let initials: String = key
                .split_whitespace()
                .filter(|w| !matches!(*w, "of" | "the" | "and" | "&"))
                .filter_map(|w| w.chars().next())
                .collect();
            self.initials.insert(initials, e);
        }
        self.keys.insert(key, e);
        // A longer name than the one the entity has is the better display name.
        if let Some(en) = entities.get_mut(e) {
            if d.kind == MentionKind::Name
                && d.key.as_deref().is_none_or(|k| is_lowercase_of(k, &d.name))
                && d.name.len() > en.name.len()
            {
                en.name = canonical_display(d);
            }
        }
        e
    }

    /// Subject pronouns go to the first person of their sentence (or of the sentence
    /// before); object and possessive pronouns to the latest person other than the
    /// sentence's subject, else the latest person.
    fn resolve_pronoun(&self, d: &Draft, recent: &[(usize, usize)]) -> Option<usize> {
        let w = d.name.to_lowercase();
        if matches!(w.as_str(), "they" | "them" | "their") {
            return None;
        }
        let in_sentence: Vec<usize> =
            recent.iter().rev().take(12).filter(|(s, _)| *s == d.sentence).map(|&(_, e)| e).collect();
        let subject = in_sentence.last().copied();
        let subject_form = matches!(w.as_str(), "he" | "she");
        if subject_form {
            if let Some(s) = subject {
                return Some(s);
            }
            let previous = recent.iter().rev().take(12).find(|(s, _)| *s < d.sentence).map(|&(s, _)| s)?;
            // The first person of that sentence (`recent` is in text order).
            let first = recent.partition_point(|(s, _)| *s < previous);
            return recent.get(first).map(|&(_, e)| e);
        }
        in_sentence
            .iter()
            .copied()
            .find(|&e| Some(e) != subject || in_sentence.len() == 1 && w.starts_with('h') && w != "him")
            .or(subject)
            .or_else(|| recent.last().map(|&(_, e)| e))
    }
}

fn canonical_display(d: &Draft) -> String {
    if d.entity_type == EntityType::Norp {
        // "Russian" names a people, not the country the gazetteer files it under.
        return d.name.clone();
    }
    match &d.key {
        Some(k) if !is_lowercase_of(k, &d.name) && !k.starts_with('\u{0}') => {
            // The alias list or gazetteer knows the full name.
            ALIASES
                .get(k.as_str())
                .and_then(|v| v.first())
                .map(|al| al.canonical.to_string())
                .or_else(|| GAZETTEER.names.get(k.as_str()).map(|(_, c)| (*c).to_string()))
                .unwrap_or_else(|| title_case(k))
        }
        _ => d.name.trim_start_matches("the ").trim_start_matches("The ").to_string(),
    }
}

/// Whether `lower` is `name.to_lowercase()`, without building it for an ASCII name.
fn is_lowercase_of(lower: &str, name: &str) -> bool {
    if name.is_ascii() {
        lower.len() == name.len() && lower.bytes().zip(name.bytes()).all(|(l, n)| l == n.to_ascii_lowercase())
    } else {
        lower == name.to_lowercase()
    }
}

/// The cluster key of a nationality ("russian"), kept apart from the country's ("russia").
fn norp_key(lower: &str) -> String {
    format!("\u{1}{lower}")
}

/// The CoNLL class a type falls in: person, organisation, location (GPE or location), other.
fn conll_class(t: EntityType) -> u8 {
    match t {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Gpe | EntityType::Location => 2,
        _ => 3,
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| f.to_uppercase().collect::<String>() + c.as_str())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "him" | "his" | "she" | "her" | "hers" | "himself" | "herself" | "they" | "them" | "their")
}

/// Whether a range lies inside one of a set of ranges, asked for ranges in order of their
/// start: one pointer over the set sorted by start and the furthest end seen so far, so a
/// document's names cost one pass over its times, not names × times.
struct Covering {
    spans: Vec<Range<usize>>,
    next: usize,
    furthest_end: usize,
}

impl Covering {
    fn new(spans: impl Iterator<Item = Range<usize>>) -> Self {
        let mut spans: Vec<Range<usize>> = spans.collect();
        spans.sort_by_key(|r| r.start);
        Covering { spans, next: 0, furthest_end: 0 }
    }

    /// Whether some span starts at or before `r.start` and ends at or after `r.end` (for a
    /// non-empty `r`). Each call's `r.start` must be at least the previous call's.
    fn covers(&mut self, r: &Range<usize>) -> bool {
        while let Some(s) = self.spans.get(self.next).filter(|s| s.start <= r.start) {
            self.furthest_end = self.furthest_end.max(s.end);
            self.next += 1;
        }
        self.next > 0 && self.furthest_end >= r.end
    }
}

#[cfg(test)]
mod tests;
