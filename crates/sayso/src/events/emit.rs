//! Assembly: reads a sentence's frames, their coded patterns and the claims; adds the
//! events ([`EventRec`]), one record per event: a CAMEO code only for a complete frame (a
//! source and a target), coordinated actors together in one record, a two-sided code (a call,
//! a visit) as the one event its forward code names, an uncoded event for an incomplete
//! frame; with the reporting claim, modality, polarity, time and place.

use super::clauses::{Frame, actor_before, antecedent, phrase_head, subject_word};
use super::codes::{ArticleCodes, cameo_code};
use super::combine::{Stance, combine, conflictual};
use super::patterns::best_pattern;
use super::sentence::Sentence;
use super::subcodes::{halted, halting, killing, public_figure, refinable, refine};
use super::words::{OPTIMISTIC, PESSIMISTIC, PROTEST_AIMS, SUBORDINATORS};
use super::{EventRec, ParticipantRec, PlaceRec, event_type};
use crate::analysis::Analysis;
use crate::schema::{Modality, ParticipantRole, Polarity};
use crate::syntax::{Deprel, Upos};
use std::ops::Range;

/// A frame's code and participants once its patterns are matched.
#[derive(Debug, Clone, Copy)]
pub(super) struct Coded {
    /// The CAMEO code, or `---`.
    pub(super) code: &'static str,
    subject: Option<usize>,
    object: Option<usize>,
}

/// The code and slots of frame `f`: the most specific matching pattern's, else the verb's.
pub(super) fn resolve(s: &Sentence, frame: &Frame) -> Coded {
    let mut c = Coded { code: frame.code.unwrap_or("---"), subject: frame.subject, object: frame.object };
    if !frame.noun {
        // A verb of saying is coded as a statement of some kind; an event its words name is
        // the reported clause's, coded there.
        let pattern = frame
            .pattern
            .unwrap_or_else(|| best_pattern(s, frame))
            .filter(|(code, _)| !frame.reporting || code.starts_with("01") || reports_nothing(s, frame));
        if let Some((code, (src, tgt))) = pattern {
            c.code = demand_for_appeal(frame.code, code);
            c.subject = src.or(c.subject);
            c.object = tgt.or(c.object);
        }
        // Halting or cutting back aid, talks, mediation, relations or involvement is the code
        // book's reduction of relations (16x), whatever the dictionary's pattern says of it.
        // (Most verbs are no verbs of halting: their words are not read.)
        let lemma = frame.word.map(|v| s.a.syntax.lemma(v)).filter(|l| halting(l));
        if let Some(h) = lemma.and_then(|l| halted(l, &lemmas_after(s, frame))) {
            c.code = h;
        }
    }
    c
}

/// A pattern's appeal code (02x) under a verb of demanding (10, "demanded support") is the
/// demand the code book has for the same thing: its demand codes (10x) mirror its appeals.
/// (PETRARCH2's dictionary codes many "demand" patterns as appeals.)
fn demand_for_appeal(verb: Option<&str>, code: &'static str) -> &'static str {
    match (verb, code.strip_prefix("02")) {
        (Some(v), Some(rest)) if v.starts_with("10") => cameo_code(&format!("10{rest}")).unwrap_or(code),
        _ => code,
    }
}

/// For a target that only describes a thing ("*military* aid to Arnor", "the United States'
/// *military* policies", "a *military* offensive in its war with Gondor"): the actor the thing
/// belongs to or is directed at, named in its own phrase (a possessor, or a "to", "with",
/// "against", "for" or "on" phrase; in the phrase a preposition governs, a place too), if
/// any. Not the event's own source.
fn owner_of_thing(s: &Sentence, g: usize, source: Option<usize>) -> Option<usize> {
    let syn = &s.a.syntax;
    let actor = &s.actors[s.groups[g].0.start];
    if s.groups[g].0.len() != 1 || actor.entities.len() > 1 {
        return None;
    }
    let w = s.word(actor.toks.start).filter(|_| actor.toks.len() == 1)?;
    if !matches!(syn.deprel(w), Deprel::Amod | Deprel::Compound) {
        return None;
    }
    let thing = syn.head(w)?;
    if s.group(s.token_of(thing)).is_some() {
        return None;
    }
    let directed =
        |c: usize| syn.case_marker(c).is_some_and(|m| matches!(syn.lemma(m), "to" | "with" | "against" | "for" | "on"));
    let ok = |x: usize| s.group(s.token_of(x)).filter(|&h| h != g && Some(h) != source);
    // A noun's phrases, however the parse attached them.
    let phrase = |c: usize| matches!(syn.deprel(c).base(), Deprel::Nmod | Deprel::Obl);
    // Its possessor first, then its phrases, then those of its own phrases ("in its war with").
    syn.children(thing)
        .filter(|&c| syn.deprel(c) == Deprel::NmodPoss)
        .chain(syn.children(thing).filter(|&c| phrase(c) && directed(c)))
        .chain(
            syn.children(thing)
                .filter(|&c| phrase(c))
                .flat_map(|c| syn.children(c).filter(|&d| phrase(d) && directed(d))),
        )
        .chain(
            syn.head(thing).into_iter().flat_map(|h| {
                syn.children(h).filter(|&c| c > thing && syn.deprel(c).base() == Deprel::Obl && directed(c))
            }),
        )
        .find_map(ok)
}

/// Whether a verb of saying reports no clause: its patterns then code what it does ("declared
/// a ceasefire").
fn reports_nothing(s: &Sentence, frame: &Frame) -> bool {
    let syn = &s.a.syntax;
    frame.word.is_some_and(|w| syn.ccomp(w).is_none() && syn.object(w).is_some())
}

/// The forward part of a two-sided code ("042:043" is a visit, and the hosting the target does;
/// one record is the visit), or the reverse part of one with no forward part (":190"), with
/// whether the sides swap.
fn one_side(code: &str) -> (&str, bool) {
    match code.split_once(':') {
        Some(("", reverse)) => (reverse, true),
        Some((forward, _)) => (forward, false),
        None => (code, false),
    }
}

/// Turns a sentence's frames into events: its main events, each coded with the event its
/// complement names when its verb only frames that one (an appeal, an intent, a demand, a
/// refusal, a threat), and the other events whose frame names both sides.
pub(super) fn emit(
    s: &Sentence,
    frames: &[Frame],
    claim_spans: &[(usize, usize, usize)],
    codes: &mut ArticleCodes,
    events: &mut Vec<EventRec>,
) {
    let a = s.a;
    let mut absorbed = vec![false; frames.len()];
    let mut coded: Vec<Option<Coded>> = vec![None; frames.len()];
    // Statements emitted (their index in `events`) with their verb's phrase.
    let mut statements: Vec<(usize, Range<usize>)> = Vec::new();
    // A verb of saying that reports its subject's outlook ("said he was confident that ...")
    // is the sentence's main event; the outlook's clause is what is commented on, no event the
    // sentence tells.
    let mut outlooks = vec![None; frames.len()];
    for (f, frame) in frames.iter().enumerate() {
        let heads = frame.word.is_some_and(|w| frame.main || a.syntax.head(w).is_none());
        if let Some((code, target, adj)) = outlook(s, frame).filter(|_| frame.reporting && heads) {
            outlooks[f] = Some((code, target));
            let clause = a.syntax.subtree_words(adj);
            for (k, fk) in frames.iter().enumerate() {
                absorbed[k] |= fk.word.is_some_and(|w| clause.contains(&w));
            }
        }
    }
    // "X said that Y must do Z": a demand of Y (10), coded with what Y must do.
    let mut demands = vec![None; frames.len()];
    for (f, frame) in frames.iter().enumerate() {
        let heads = frame.word.is_some_and(|w| frame.main || a.syntax.head(w).is_none());
        if let Some(k) = obligation(s, frame).filter(|_| frame.reporting && heads && outlooks[f].is_none()) {
            let inner = frame_at_word(frames, k);
            if let Some(i) = inner {
                absorbed[i] = true;
            }
            demands[f] = Some(inner);
        }
    }
    let is_main = |f: usize| frames[f].main || outlooks[f].is_some() || demands[f].is_some();
    let first = events.len();
    // The first main event left uncoded for want of a side, with the code it would have had.
    let mut fallback: Option<(usize, &'static str)> = None;
    // Main frames first, so that a complement they absorb is not emitted again.
    let order = (0..frames.len()).filter(|&f| is_main(f)).chain((0..frames.len()).filter(|&f| !is_main(f)));
    for f in order.collect::<Vec<_>>() {
        let frame = &frames[f];
        if absorbed[f] {
            continue;
        }
        let main = is_main(f);
        let mut c = *coded[f].get_or_insert_with(|| resolve(s, frame));
        // A two-sided code whose sides are events of different kinds ("074:0861": troops
        // deployed, and the country receiving them) is two linked events, as the code book
        // codes them; one of a kind told from either side ("042:043", a visit and its hosting)
        // stays one record.
        let linked = c.code.split_once(':').filter(|(f, r)| !f.is_empty() && r.len() >= 3 && f.get(..2) != r.get(..2));
        let (code, swap) = one_side(c.code);
        if swap {
            (c.subject, c.object) = (c.object, c.subject);
        }
        c.code = code;
        // The stance the verb takes towards the event its complement names, or a verb's
        // own future ("will release"), obligation in reported speech, refusal.
        if let Some(g) = c.subject.filter(|_| c.code.starts_with("17") && obstructing(s, frame)) {
            // Blocking a road, a bridge or a port is coercion by a state, but by civilians (the
            // code book's "obstruct passage, block": civilians protesting by obstructing
            // passage) a protest, 144.
            let code = codes.own_code(a, &s.actors[s.groups[g].0.start].span);
            if code.is_some_and(|x| civilian(&x)) {
                c.code = "144";
            }
        }
        let mut stance = Stance::of(c.code).or(frame.stance);
        // What it frames: its complement, else an event noun an appeal, intent, demand,
        // rejection or threat by its code takes ("demanded a meeting"); a planning verb's noun
        // is the planned event itself.
        let mut inner = frame
            .complement
            .filter(|&k| !frames[k].noun || frames[k].code.is_some())
            .or_else(|| Stance::of(c.code).and_then(|_| object_noun(s, frames, f)));
        if let Some(k) = demands[f] {
            c.code = "100";
            stance = Some(Stance::Demand);
            inner = k;
        }
        if stance.is_none() && frame.future && is_code(c.code) {
            stance = Some(if frame.negated { Stance::Reject } else { Stance::Intend });
            inner = Some(f);
        }
        if let (Some(st), Some(k)) = (stance, inner) {
            // "urged them to reach an agreement": a verb with no code of its own is the event
            // its object names.
            let k = if k != f && !is_code(one_side(coded[k].get_or_insert_with(|| resolve(s, &frames[k])).code).0) {
                object_noun(s, frames, k).unwrap_or(k)
            } else {
                k
            };
            let ck = if k == f { c } else { *coded[k].get_or_insert_with(|| resolve(s, &frames[k])) };
            let (kcode, _) = one_side(ck.code);
            if let Some(combined) = is_code(kcode).then(|| combine(st, kcode)).flatten() {
                if k != f {
                    absorbed[k] = true;
                    // Who is asked, promised or threatened: the verb's own object, else the
                    // complement's object, else its subject ("demanded that Arnor end ...").
                    let other = ck.subject.filter(|&x| Some(x) != c.subject);
                    // "said that Libya must hand over ...": the demand is made of who must act.
                    c.object = if demands[f].is_some() { c.object.or(other) } else { c.object.or(ck.object).or(other) };
                    c.subject = c.subject.or(ck.subject.filter(|_| ck.object.is_some()));
                }
                c.code = combined;
            } else if st == Stance::Threaten && k != f && c.code == "130" && frames[k].code == Some("---") {
                // "threatened to cut off power": a threatened action that is no use of force
                // nor any of the code book's named threats is its "threaten non-force" (131).
                c.code = "131";
            }
        }
        if c.object.is_none() && matches!(c.code.get(..2), Some("02" | "10")) {
            // "demanded that the government end ...": who is asked or demanded of is the
            // subject of the clause the verb reports, event or not (not so for a warning: "warned
            // that Britain's exit will ...").
            let syn = &s.a.syntax;
            c.object = frame
                .word
                .and_then(|v| syn.ccomp(v))
                .and_then(|k| subject_word(s, k))
                .and_then(|w| s.group_of(w))
                .filter(|&g| Some(g) != c.subject);
        }
        // A subject the parse gives that is a time ("on Saturday hosted") is none.
        let parsed_subject = frame.word.and_then(|w| subject_word(s, w)).filter(|&w| !s.is_time(a.syntax.token_of(w)));
        // A conjunct's, a complement's or a clause's subject is another verb's, which the
        // clause analysis gives where it can.
        let dependent = frame.word.is_some_and(|w| {
            matches!(
                a.syntax.deprel(w),
                Deprel::Conj | Deprel::Xcomp | Deprel::Ccomp | Deprel::Advcl | Deprel::Csubj | Deprel::AclRelcl
            )
        });
        // "donated by ...": a participle with an agent is passive, whatever its relation.
        let by = frame.toks.end < s.toks.end && s.w(frame.toks.end) == "by";
        if main && c.subject.is_none() && !frame.passive && !frame.noun && !dependent && !by && parsed_subject.is_none()
        {
            // A main verb the parse gives no subject ("Russian President Boris Yeltsin on
            // Saturday hosted ...", rooted on "Russian"): as PETRARCH reads a sentence, the
            // nearest actor before the verb, not a place or a time.
            c.subject = actor_before(s, frame.toks.start, c.object);
        }
        if c.code == "015" {
            // "claimed responsibility for attacks on Arnor's troops": responsibility for an
            // event, one claim of it, against whom the event was.
            let syn = &a.syntax;
            let owned = |w: usize, v: usize| syn.head(w).is_some_and(|h| h == v || syn.head(h) == Some(v));
            let of_claim = frames.iter().position(|fk| {
                fk.noun
                    && fk.code.is_some()
                    && fk
                        .word
                        .zip(frame.word)
                        .is_some_and(|(w, v)| owned(w, v) && syn.case_marker(w).is_some_and(|m| syn.lemma(m) == "for"))
            });
            if let Some(k) = of_claim {
                c.object = frames[k].object.filter(|&g| Some(g) != c.subject).or(c.object);
                absorbed[k] = true;
            }
        }
        let directed = matches!(c.code.get(..2), Some("02" | "03" | "10" | "11" | "12" | "13" | "18" | "19" | "20"));
        if main && directed && c.object.is_none() && c.subject.is_some() && !frame.reporting {
            // As PETRARCH reads a verb phrase: an appeal, intent, demand, criticism, rejection,
            // threat or assault with no object the parse gives is directed at the first actor in
            // the verb's own phrases ("threatened to cut off power to Arnor"); a place or a time
            // there is only where or when.
            c.object = frame
                .window
                .clone()
                .filter(|&k| !s.is_time(k))
                .find_map(|k| s.group(k).filter(|&g| Some(g) != c.subject && !s.actors[s.groups[g].0.start].place));
        }
        if !main && c.object.is_none() && matches!(c.code.get(..2), Some("05" | "06" | "07")) {
            // "Based on the information the United States provided, Russian authorities
            // captured ...": what an adverbial clause says was given went to the main clause's
            // subject.
            c.object = main_subject_of_adverbial(s, frames, frame);
        }
        // Whether the verb, its pattern or a combination said more than a root's general code;
        // a subcode its words pick is no reason to code a one-sided event.
        if main && frame.word.is_some_and(|v| a.syntax.lemma(v) == "summon") {
            // "summoned the ambassador to complain": a summons is the occasion of what it is
            // for, a complaint, a protest, a demand (verbal acts, 01-02 and 10-13), done to the
            // one summoned.
            let verbal = |c: &str| matches!(c.get(..2), Some("01" | "02" | "10" | "11" | "12" | "13"));
            let purpose = purpose_clauses(s, frame).into_iter().find_map(|w| {
                let k = frame_at_word(frames, w)?;
                let code = resolve(s, &frames[k]).code;
                (is_code(code) && verbal(code)).then_some((k, code))
            });
            if let Some((k, code)) = purpose {
                c.code = code;
                absorbed[k] = true;
            }
        }
        let mut said_specific = specific(c.code);
        if is_code(c.code) && refinable(c.code) {
            let mut lemmas = lemmas_after(s, frame);
            if c.code == "190" {
                // Force is aerial by what the subject is ("aircraft using guided bombs
                // killed"), not only by what follows the verb.
                let syn = &a.syntax;
                let words = frame.word.and_then(|v| subject_word(s, v)).map(|w| syn.subtree_words(w));
                lemmas.extend(words.into_iter().flatten().take(20).map(|w| syn.lemma(w)));
            }
            c.code = refine(c.code, &lemmas);
        }
        if c.code.starts_with("02") && legal_appeal(s, frame) {
            // "filed an appeal with the supreme court": a legal step against a judgement, not
            // the code book's appeal to an actor for something (02); an event without a code.
            c.code = "---";
        }
        if c.code.starts_with("08") && surrendering(s, frame) {
            // "rebels surrendered", "troops retreated": yielding by an armed force is the code
            // book's "retreat or surrender militarily" (0874).
            let armed = c.subject.is_some_and(|g| {
                codes.own_code(a, &s.actors[s.groups[g].0.start].span).is_some_and(|x| has_role(&x, ARMED))
            });
            if armed {
                c.code = "0874";
            }
        }
        if main && frame.conditional && frame.hypothetical && stance.is_none() && conflictual(c.code) {
            // "may halt its mediation if ...": harm a condition hangs on is a threat of it.
            if let Some(t) = combine(Stance::Threaten, c.code) {
                c.code = t;
                said_specific |= specific(t);
            }
        }
        if let Some(v) = frame.word.filter(|_| c.code.starts_with("1")) {
            // "killed the deputy chief of ...": killing a public figure is the code book's
            // assassination (186), whoever did it.
            let syn = &s.a.syntax;
            let victim = if frame.passive { subject_word(s, v) } else { syn.object(v) };
            if victim.is_some_and(|o| killing(syn.lemma(v)) && public_figure(syn.lemma(o))) {
                c.code = "186";
                said_specific = true;
            }
        }
        if let Some((n, lemmas)) = means(s, frames, frame) {
            // "A roadside bombing killed ...", "was killed in a car bomb explosion": one event,
            // of the kind its means names, with the verb's sides.
            let m = refine(frames[n].code.unwrap_or("---"), &lemmas);
            if is_code(m) && specific(m) || m.len() == 3 && !specific(c.code) && m != c.code {
                c.code = m;
                said_specific |= specific(m);
                absorbed[n] = true;
                // "Recent Gondor drone attacks have killed ...": who attacked did it.
                c.subject = c.subject.or(frames[n].subject);
            }
        }
        c.object = c.object.map(|g| owner_of_thing(s, g, c.subject).unwrap_or(g));
        if main
            && said_specific
            && c.object.is_none()
            && matches!(c.code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08"))
        {
            // "Arnor and Gondor agreed to a truce": cooperation between coordinated subjects
            // with no one else named is between them, one record with both sides.
            c.object = c.subject.filter(|&g| s.groups[g].0.len() >= 2);
        }
        // Outside the main clause only an event with both sides is one the sentence tells,
        // or one a relative clause tells of a main event's actor ("arrested seven people who
        // were planning bombings"); any other is one it mentions in passing, kept in sayso's
        // own types without a CAMEO code.
        let about_main = !main && about_main_actor(s, frames, frame);
        let told = main
            || about_main
            || is_code(c.code)
                && c.subject.is_some()
                && c.object.is_some()
                && !unreal(s, frame)
                && !incidental(s, frames, frame, &coded);
        if main || frame.noun {
            // "riots against the government's policies are continuing": an event noun's
            // protest has its aim too.
            let aimed = protest_aim(s, frame, c.code);
            said_specific |= aimed != c.code;
            c.code = aimed;
        }
        if main && c.code.starts_with("14") && c.object.is_none() {
            c.object = protest_target(s, frame, c.subject);
        }
        if main && matches!(c.code.get(..2), Some("14" | "02" | "10")) {
            // What a protest is for ("to demand reforms", "to protest the tax") is the
            // protest's aim, no event of its own; so is what an appeal or a demand asks for
            // ("demanded a meeting of the council to discuss ...", "urged the parties to
            // allow ...").
            for clause in purpose_clauses(s, frame) {
                let words = a.syntax.subtree_words(clause);
                for (k, fk) in frames.iter().enumerate() {
                    absorbed[k] |= k != f && fk.word.is_some_and(|w| words.contains(&w));
                }
            }
        }
        if let Some((code, target)) = outlooks[f].filter(|_| c.code == "010") {
            c.code = code;
            c.object = c.object.or(target);
        }
        let code = c.code;
        // A statement without more to it ("said", 010) is the claims stage's record.
        if !is_code(code) || code == "010" || code.starts_with("01") && !main {
            continue;
        }
        let subject = c.subject;
        let object = c.object;
        let sources = subject.map_or(0..0, |g| s.groups[g].0.clone());
        let targets = object.map_or(0..0, |g| s.groups[g].0.clone());
        if !frame.noun && sources.is_empty() && targets.is_empty() {
            // A verb without participants gives no event: its claim, time and place are not
            // worked out.
            continue;
        }
        let trigger = a.tokens[frame.toks.start].start..a.tokens[frame.toks.end - 1].end;
        let claim = innermost_claim(claim_spans, trigger.start, &a.claims);
        let mut modality = vec![if claim.is_some() { Modality::Reported } else { Modality::Asserted }];
        if frame.planned {
            modality.push(Modality::Planned);
        }
        if frame.prevented {
            modality.push(Modality::Prevented);
        }
        if frame.hypothetical {
            modality.push(Modality::Hypothetical);
        }
        let polarity = if frame.negated && !code.starts_with("12") { Polarity::Negative } else { Polarity::Positive };
        let sentence_span = a.sentences[a.tokens[frame.toks.start].sentence].span.clone();
        let sentence_start = sentence_span.start;
        let place = place_after(s, frame.toks.end);
        let time = nearest_time(a, &trigger, Some(sentence_span))
            .map(|ti| (ti, false))
            .or_else(|| claim.and_then(|c| a.claims[c].time).map(|ti| (ti, true)));
        let mut ev = EventRec {
            event_type: event_type(code),
            cameo: None,
            trigger: trigger.clone(),
            participants: Vec::new(),
            time,
            place,
            modality,
            polarity,
            claim,
        };
        if subject.is_some() && subject == object {
            // One group on both sides ("talks between A and B", "the two leaders spoke"): the
            // first member with the others, as one event.
            if sources.len() == 1 && s.actors[sources.start].entities.len() >= 2 {
                let x = &s.actors[sources.start];
                let e = &x.entities;
                let side =
                    |role, entity| ParticipantRec { role, span: x.span.clone(), entity: Some(entity), code: None };
                ev.participants = vec![side(ParticipantRole::Source, e[0])];
                ev.participants.extend(e[1..].iter().map(|&y| side(ParticipantRole::Target, y)));
            } else {
                ev.participants.push(participant(s, ParticipantRole::Source, sources.start));
                ev.participants.extend(sources.clone().skip(1).map(|y| participant(s, ParticipantRole::Target, y)));
            }
        } else {
            // Coordinated actors share the event ("A and B met C"): one record with every
            // member in its role, not one per pair.
            ev.participants.extend(sources.clone().map(|x| participant(s, ParticipantRole::Source, x)));
            for y in targets {
                if !sources.clone().any(|x| x == y || same_entity(s, x, y)) {
                    ev.participants.push(participant(s, ParticipantRole::Target, y));
                }
            }
        }
        let has = |r| ev.participants.iter().any(|p| p.role == r);
        // A main event, or one told of a main event's actor, is coded with one side known, as
        // the code book codes "a journalist was killed", when its code is a specific one (a
        // pattern's, a combination's, a verb's such as "tortured"); a verb's general code
        // (a root's "x0": "went", "said", "traded") needs both sides, as PETRARCH has it.
        let sided = has(ParticipantRole::Source) || has(ParticipantRole::Target);
        let complete = has(ParticipantRole::Source) && has(ParticipantRole::Target);
        let at = events.len();
        if told && (complete || (main || about_main) && sided && said_specific) {
            ev.cameo = Some(code.to_string());
            if !complete && !frame.noun && has(ParticipantRole::Source) {
                // A coded event with no target the parse gives ("extradited the suspects to
                // Arnor's police"): as PETRARCH reads a verb phrase, the first actor in the
                // verb's own phrases, not a time; a place there only when no actor is ("lifted
                // the curfew in Bree": with no group named, the code book codes the country or
                // city the event changes as its target; it stays the event's place too).
                let syn = &a.syntax;
                // In its own phrases: an object or prepositional phrase of the verb, or a noun's
                // phrase within one ("the release of Arnor's envoy"), not a possessor deep in it
                // nor a clause.
                let near = |k: usize| {
                    let (Some(v), Some(w)) = (frame.word, s.word(k)) else { return false };
                    let h = syn.head(w);
                    h == Some(v)
                        || h.is_some_and(|h| {
                            syn.head(h) == Some(v)
                                && syn.deprel(w) != Deprel::NmodPoss
                                && matches!(syn.deprel(h).base(), Deprel::Obj | Deprel::Obl | Deprel::Iobj)
                        })
                };
                let in_phrase = |place: bool| {
                    frame.window.clone().filter(|&k| !s.is_time(k) && near(k)).find_map(|k| {
                        s.group(k).filter(|&g| Some(g) != subject && s.actors[s.groups[g].0.start].place == place)
                    })
                };
                let target = in_phrase(false).or_else(|| in_phrase(true));
                if let Some(g) = target {
                    ev.participants.extend(s.groups[g].0.clone().map(|y| participant(s, ParticipantRole::Target, y)));
                }
            }
        } else if !frame.noun && ev.participants.is_empty() {
            continue;
        } else if let Some(own) = frame.code.filter(|&c| {
            let aside =
                |w: usize| std::iter::once(w).chain(a.syntax.ancestors(w)).take(8).any(|x| passing_clause(s, x));
            // (A pattern that says the verb is no event here, "took steps", is heeded.)
            main && has(ParticipantRole::Source) && is_code(c) && is_code(code) && frame.word.is_some_and(|w| !aside(w))
        }) {
            // Its verb's own code (or the subcode its words give it): a pattern of another
            // root that matched without the target it names says nothing sure of the event.
            fallback = fallback.or(Some((at, if code.get(..2) == own.get(..2) { code } else { own })));
        }
        let reverse = linked.filter(|&(f, _)| ev.cameo.as_deref() == Some(f) && complete).map(|(_, r)| {
            let mut rev = ev.clone();
            rev.event_type = event_type(r);
            rev.cameo = Some(r.to_string());
            for p in &mut rev.participants {
                p.role =
                    if p.role == ParticipantRole::Source { ParticipantRole::Target } else { ParticipantRole::Source };
            }
            rev.participants.sort_by_key(|p| p.role != ParticipantRole::Source);
            rev
        });
        push_once(events, ev, sentence_start);
        if let Some(rev) = reverse {
            push_once(events, rev, sentence_start);
        }
        if let Some(w) = frame.word.filter(|_| frame.reporting && code.starts_with("01") && events.len() > at) {
            statements.push((at, a.syntax.subtree(w)));
        }
    }
    // A sentence whose events are all one-sided still tells its main event, as the code book
    // codes "rebels surrendered" with no one named to surrender to: its verb's own code,
    // general as it is ("080"), once no event of the sentence is coded more specifically and
    // its source is an actor the dictionaries name ("Ugandan rebels", not "the teacher": a
    // general verb of someone no dictionary knows is seldom a political event, "thought" or
    // "filled" no more than PETRARCH codes them without a target).
    if let Some((at, code)) = fallback.filter(|_| events[first..].iter().all(|e| e.cameo.is_none())) {
        if let Some(e) = events.get_mut(at).filter(|e| e.cameo.is_none()) {
            let named = e
                .participants
                .iter()
                .filter(|p| p.role == ParticipantRole::Source)
                .all(|p| codes.names_actor(s.a, &p.span));
            if named {
                e.cameo = Some(code.to_string());
            }
        }
    }
    // A statement (01) whose reported clause holds an event coded on its own ("said it had
    // halted aid") is that event's report, no event besides it.
    for &(i, ref clause) in statements.iter().rev() {
        let told = |e: &EventRec| e.cameo.is_some() && e.trigger.start >= clause.start && e.trigger.end <= clause.end;
        let inner = events.iter().enumerate().any(|(k, e)| k != i && told(e));
        if inner && events.get(i).is_some_and(|e| e.cameo.as_deref().is_some_and(|c| c.starts_with("01"))) {
            events.remove(i);
        }
    }
    super::merge::verb_and_noun(s, frames, events, first);
}

/// Whether `frame` lies in a clause that tells no event as having happened: a condition
/// ("if he gave them a veto"), an accusation's gerund ("suspected of blowing up"), or what a
/// noun says ("an allegation that the rebels had taken the city"); or is itself hypothetical.
/// A purpose is told ("called him to thank him"), as is a planned or future event.
fn unreal(s: &Sentence, frame: &Frame) -> bool {
    if frame.hypothetical || frame.conditional {
        return true;
    }
    let syn = &s.a.syntax;
    let Some(w) = frame.word else { return false };
    std::iter::once(w).chain(syn.ancestors(w)).any(|x| {
        let marked = |lemmas: &[&str]| syn.mark(x).is_some_and(|m| lemmas.contains(&syn.lemma(m)));
        match syn.deprel(x) {
            Deprel::Advcl => marked(&["if", "unless", "whether", "until", "before", "of"]),
            Deprel::Acl => marked(&["that", "of", "whether"]),
            Deprel::Ccomp => marked(&["whether", "if"]) || syn.head(x).is_some_and(|h| syn.upos(h) == Upos::Noun),
            _ => false,
        }
    })
}

/// Whether `frame` lies in a clause that only describes or accompanies one of the sentence's
/// main events, below it: a participle or clause that modifies a noun ("arms *seized* last
/// week", "a law *recognizing* the results"), or an adverbial clause that is neither a purpose
/// nor a means ("..., *joining* the observers", "as the police *cracked down*", "a day after
/// the governor *promised*"). Such a clause tells of its event in passing; the code book's
/// coders, like PETRARCH, code the sentence's main event (the event is still recorded, without
/// a CAMEO code). A purpose ("called him *to thank* him"), a means ("retaliated *by firing*"),
/// a reported clause, a relative clause or a complement is told, and so is a clause under no
/// main event ("The report comes after the two sides *exchanged* fire").
fn incidental(s: &Sentence, frames: &[Frame], frame: &Frame, coded: &[Option<Coded>]) -> bool {
    let syn = &s.a.syntax;
    let Some(w) = frame.word else { return false };
    let mut passing = false;
    // Up to the main event whose clause it is in (bounded: parses are shallow).
    for x in std::iter::once(w).chain(syn.ancestors(w)).take(8) {
        // A main verb with no code of its own ("The report comes after ...") is no event the
        // clause could accompany.
        // (One its patterns code, "signed an agreement", is one: main frames are resolved
        // first, so their codes are known.)
        let has_code = |g: usize| {
            let f = &frames[g];
            f.code.is_some_and(|c| c != "---")
                || f.code.is_some()
                    && coded[g].map_or_else(
                        || best_pattern(s, f).is_some_and(|(c, _)| c != "---"),
                        |c| one_side(c.code).0 != "---",
                    )
        };
        if x != w && (0..frames.len()).any(|g| frames[g].main && frames[g].word == Some(x) && has_code(g)) {
            return passing;
        }
        passing |= passing_clause(s, x);
    }
    false
}

/// Whether word `x` heads a clause that tells its event in passing: a participle or clause
/// modifying a noun, or an adverbial clause that is neither a purpose nor a means.
fn passing_clause(s: &Sentence, x: usize) -> bool {
    let syn = &s.a.syntax;
    let marked =
        |lemmas: &[&str]| syn.children(x).any(|c| syn.deprel(c) == Deprel::Mark && lemmas.contains(&syn.lemma(c)));
    match syn.deprel(x) {
        Deprel::Acl => true,
        Deprel::Advcl => !marked(&["to", "by"]),
        // A "relative clause" or conjunct that opens with a conjunction ("..., *as* the police
        // cracked down", however the parse attached the "as") is an adverbial clause the parse
        // hung off a noun or coordinated: neither opens so.
        // An event noun in a phrase of circumstance ("despite hours of negotiations", "amid
        // clashes") is the setting of the main event, not it.
        Deprel::Obl | Deprel::Nmod if matches!(syn.upos(x), Upos::Noun | Upos::Propn) => syn
            .case_marker(x)
            .is_some_and(|m| matches!(syn.lemma(m).to_ascii_lowercase().as_str(), "despite" | "amid" | "amidst")),
        Deprel::AclRelcl | Deprel::Conj => {
            let first = syn.subtree_words(x).find(|&w| syn.upos(w) != Upos::Punct).unwrap_or(x);
            let opener = syn.lemma(first).to_ascii_lowercase();
            first < x && (opener == "as" || SUBORDINATORS.contains(&opener.as_str()))
        }
        _ => false,
    }
}

/// The subject of the main frame whose adverbial clause `frame` is in.
fn main_subject_of_adverbial(s: &Sentence, frames: &[Frame], frame: &Frame) -> Option<usize> {
    let syn = &s.a.syntax;
    let w = frame.word?;
    let clause = std::iter::once(w).chain(syn.ancestors(w)).find(|&x| syn.deprel(x) == Deprel::Advcl)?;
    let head = syn.head(clause)?;
    frames.iter().find(|f| f.main && f.word == Some(head)).and_then(|f| f.subject)
}

/// Whether `frame` lies in a relative clause about an actor of one of the sentence's main
/// events, with a side of its own.
fn about_main_actor(s: &Sentence, frames: &[Frame], frame: &Frame) -> bool {
    let syn = &s.a.syntax;
    let antecedent = frame.word.and_then(|w| syn.relative_clause(w)).and_then(|rc| antecedent(s, rc));
    (frame.subject.is_some() || frame.object.is_some())
        && antecedent.is_some_and(|g| frames.iter().any(|f| f.main && (f.subject == Some(g) || f.object == Some(g))))
}

/// A protest's code with what it is for, where its clause says ("demonstrations to demand
/// political reforms": 1412, "rioted calling for the removal of the president": 1451): the
/// code book's four aims of 141-145, read off the lemmas of the protest's clause after it.
fn protest_aim(s: &Sentence, frame: &Frame, code: &'static str) -> &'static str {
    if !matches!(code, "141" | "142" | "143" | "144" | "145") {
        return code;
    }
    let syn = &s.a.syntax;
    let Some(v) = frame.word else { return code };
    // The clause the protest heads; for an event noun, the clause of its verb.
    let head = if frame.noun { syn.head(v).unwrap_or(v) } else { v };
    let words = syn.subtree_words(head);
    let after: Vec<&str> = words.filter(|&w| w > v).map(|w| syn.lemma(w)).collect();
    PROTEST_AIMS
        .iter()
        .find(|(_, lemmas)| after.iter().any(|l| lemmas.contains(l)))
        .and_then(|&(d, _)| cameo_code(&format!("{code}{d}")))
        .unwrap_or(code)
}

/// A speaker's outlook that a verb of saying reports ("said he was skeptical over Moscow's
/// will", "said he was not confident that ..."): the pessimistic (012) or optimistic (013)
/// comment, negation turning one into the other, with the first actor after the adjective in
/// its clause as what the comment is about, and the adjective's word.
fn outlook(s: &Sentence, frame: &Frame) -> Option<(&'static str, Option<usize>, usize)> {
    let syn = &s.a.syntax;
    let adj = syn.ccomp(frame.word?).filter(|_| frame.reporting)?;
    if syn.upos(adj) != Upos::Adj {
        return None;
    }
    let lemma = syn.lemma(adj);
    let pessimistic = if PESSIMISTIC.contains(lemma) {
        true
    } else if OPTIMISTIC.contains(lemma) {
        false
    } else {
        return None;
    };
    let code = if pessimistic != syn.negated(adj) { "012" } else { "013" };
    let target = syn.subtree_words(adj).filter(|&w| w > adj).find_map(|w| s.group(s.token_of(w)));
    Some((code, target, adj))
}

/// Whom a protest is against, where its verb names no one: the first actor, not a place, in
/// the clause that says what it is for ("a hunger strike to protest President Assad's
/// failure", "demonstrations to demand reforms by Gondor's government").
fn protest_target(s: &Sentence, frame: &Frame, subject: Option<usize>) -> Option<usize> {
    let syn = &s.a.syntax;
    let purpose = purpose_clauses(s, frame).into_iter();
    // Its nominal arguments, each with what it is of or belongs to ("the United States'
    // policies"), not a word that only describes one ("military policies").
    let nominal = |w: usize| matches!(syn.deprel(w).base(), Deprel::Obj | Deprel::Obl | Deprel::Nmod | Deprel::Nsubj);
    purpose
        .flat_map(|c| syn.subtree_words(c))
        .filter(|&w| nominal(w))
        .find_map(|w| s.group_of(w).filter(|&g| Some(g) != subject && !s.actors[s.groups[g].0.start].place))
}

/// The clauses that say what an event is for: the adverbial, open and adnominal clauses of its
/// verb (for an event noun, of the verb whose argument it is).
fn purpose_clauses(s: &Sentence, frame: &Frame) -> Vec<usize> {
    let syn = &s.a.syntax;
    let Some(v) = frame.word else { return Vec::new() };
    let head = if frame.noun { syn.head(v).unwrap_or(v) } else { v };
    let clause = |c: usize| matches!(syn.deprel(c), Deprel::Advcl | Deprel::Xcomp | Deprel::Acl);
    // A "to" clause the parse hangs off the verb's object or time phrase ("started a hunger
    // strike yesterday *to protest* ...") is the verb's purpose too.
    let to = |c: usize| syn.children(c).any(|m| syn.deprel(m) == Deprel::Mark && syn.lemma(m) == "to");
    let below = syn
        .children(head)
        .filter(|&c| c > head && matches!(syn.deprel(c), Deprel::Obj | Deprel::OblUnmarked))
        .flat_map(|c| syn.children(c).filter(|&k| clause(k) && to(k)));
    syn.children(head).filter(|&c| clause(c)).chain(below).collect()
}

/// What a verb of saying reports someone must do ("declared that Gondor must end its
/// blockade"): the reported clause's word, when it has "must" and a subject of its own.
fn obligation(s: &Sentence, frame: &Frame) -> Option<usize> {
    let syn = &s.a.syntax;
    let k = syn.ccomp(frame.word?)?;
    let must = syn.children_with(k, Deprel::Aux).any(|x| syn.lemma(x).eq_ignore_ascii_case("must"));
    let subject = subject_word(s, k).and_then(|w| s.group_of(w));
    (must && subject.is_some() && subject != frame.subject).then_some(k)
}

/// The lemmas of the words a trigger governs after it, in text order, up to a bound: its
/// objects, prepositional phrases, complement and purpose clauses, not a coordinated or
/// parenthetical clause (another event); and first its own adverbs before it.
fn lemmas_after<'a>(s: &Sentence<'a>, frame: &Frame) -> Vec<&'a str> {
    let syn = &s.a.syntax;
    let Some(v) = frame.word else { return Vec::new() };
    let end = syn.subtree_words(v).end;
    let others: Vec<Range<usize>> = syn
        .children(v)
        .filter(|&c| c > v && matches!(syn.deprel(c), Deprel::Conj | Deprel::Parataxis))
        .map(|c| syn.subtree_words(c))
        .collect();
    // Its own adverbs before it qualify it too ("*sexually* abused").
    let before = syn.children(v).filter(|&c| c < v && syn.deprel(c) == Deprel::Advmod).map(|c| syn.lemma(c));
    before
        .chain((v + 1..end).filter(|w| !others.iter().any(|r| r.contains(w))).take(40).map(|w| syn.lemma(w)))
        .collect()
}

/// The means a verb of force tells its event through: a violent event noun (18-20) that is its
/// subject or lies in a phrase of it ("a roadside bombing killed", "killed in a car bomb
/// explosion", "killed 46 civilians in an attack"), with the lemmas of that phrase and of the
/// verb's subject ("Soviet aircraft ... killed").
fn means<'a>(s: &Sentence<'a>, frames: &[Frame], frame: &Frame) -> Option<(usize, Vec<&'a str>)> {
    let syn = &s.a.syntax;
    let violent = |c: Option<&str>| matches!(c.and_then(|c| c.get(..2)), Some("18" | "19" | "20"));
    if frame.noun || !violent(frame.code) {
        return None;
    }
    let v = frame.word?;
    let (phrase, n) =
        syn.children(v).filter(|&c| matches!(syn.deprel(c).base(), Deprel::Nsubj | Deprel::Obl)).find_map(|c| {
            let words = syn.subtree_words(c);
            let n =
                frames.iter().position(|f| f.noun && violent(f.code) && f.word.is_some_and(|w| words.contains(&w)))?;
            Some((words, n))
        })?;
    let subject = subject_word(s, v).map_or(0..0, |w| syn.subtree_words(w));
    // A subject the parse did not give ("Gondor's aircraft using drones killed", rooted on
    // "aircraft"): the noun its actor qualifies, with its words up to the verb.
    let head = frame.subject.filter(|_| subject.is_empty()).and_then(|g| {
        let w = phrase_head(s, g)?;
        let first = s.word(s.groups[g].1.start).unwrap_or(w).min(w);
        Some(first..v.max(w + 1))
    });
    let lemmas = phrase.chain(subject).chain(head.unwrap_or(0..0)).take(40).map(|w| syn.lemma(w)).collect();
    Some((n, lemmas))
}

/// The event noun that frame `k`'s verb has as its object ("reach *an agreement*").
fn object_noun(s: &Sentence, frames: &[Frame], k: usize) -> Option<usize> {
    let o = s.a.syntax.object(frames[k].word?)?;
    frames.iter().position(|f| f.noun && f.word == Some(o) && f.code.is_some())
}

/// The frame whose trigger is word `w`.
fn frame_at_word(frames: &[Frame], w: usize) -> Option<usize> {
    frames.iter().position(|f| f.word == Some(w) && (!f.noun || f.code.is_some()))
}

/// Whether `frame`'s verb is one of obstructing passage ("blocked the bridge").
fn obstructing(s: &Sentence, frame: &Frame) -> bool {
    frame.word.is_some_and(|v| matches!(s.a.syntax.lemma(v), "block" | "barricade" | "blockade") && !frame.noun)
}

/// Whether an actor code is of civilians who protest: its role (after any country) is the
/// people's, labour's, farmers', students', refugees' or the opposition's ("workers": `LAB`),
/// not a state's, an armed group's or a business's.
fn civilian(code: &str) -> bool {
    has_role(code, &["CVL", "PPL", "LAB", "OPP", "AGR", "EDU", "REF"])
}

/// Armed forces' roles in the Phoenix dictionaries: military, rebels, insurgents, unidentified
/// armed forces.
const ARMED: &[&str] = &["MIL", "REB", "INS", "UAF"];

/// Whether an actor code is (or is a country's) one of `roles`.
fn has_role(code: &str, roles: &[&str]) -> bool {
    let role = |r: &str| roles.iter().any(|c| r.starts_with(c));
    role(code) || code.len() > 3 && code.is_char_boundary(3) && role(&code[3..])
}

/// Whether `frame` is the noun "appeal" (or the verb that takes it as its object) in a phrase
/// that names a court or a judgement: "filed an appeal with the supreme court", "an appeal
/// against the verdict".
fn legal_appeal(s: &Sentence, frame: &Frame) -> bool {
    const JUDICIAL: &[&str] =
        &["court", "tribunal", "judge", "verdict", "ruling", "conviction", "sentence", "acquittal"];
    let syn = &s.a.syntax;
    let Some(v) = frame.word else { return false };
    let scope = if frame.noun && syn.lemma(v) == "appeal" {
        syn.head(v).filter(|_| syn.deprel(v) == Deprel::Obj).unwrap_or(v)
    } else if !frame.noun && syn.object(v).is_some_and(|o| syn.lemma(o) == "appeal") {
        v
    } else {
        return false;
    };
    syn.subtree_words(scope).any(|w| JUDICIAL.contains(&syn.lemma(w)))
}

/// Whether the frame's verb is one of giving up ground or arms.
fn surrendering(s: &Sentence, frame: &Frame) -> bool {
    frame.word.is_some_and(|v| matches!(s.a.syntax.lemma(v), "surrender" | "retreat" | "capitulate") && !frame.noun)
}

/// Whether a code says more than its category's general code ("1822" torture, not "180").
fn specific(code: &str) -> bool {
    !code.ends_with('0')
}

/// Adds an event unless the sentence already has it: an event reported twice in one sentence
/// ("called ... on the call") is one record.
fn push_once(events: &mut Vec<EventRec>, ev: EventRec, sentence_start: usize) {
    let same = |e: &EventRec| {
        e.cameo.is_some()
            && e.cameo == ev.cameo
            && e.polarity == ev.polarity
            && e.participants.len() == ev.participants.len()
            && e.participants
                .iter()
                .zip(&ev.participants)
                .all(|(p, q)| p.role == q.role && (p.span == q.span || (p.entity.is_some() && p.entity == q.entity)))
    };
    if !events.iter().rev().take_while(|e| e.trigger.start >= sentence_start).any(same) {
        events.push(ev);
    }
}

pub(super) fn same_entity(s: &Sentence, x: usize, y: usize) -> bool {
    let (a, b) = (&s.actors[x].entities, &s.actors[y].entities);
    a.len() == 1 && a == b
}

pub(super) fn is_code(c: &str) -> bool {
    c.len() >= 3 && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn participant(s: &Sentence, role: ParticipantRole, actor: usize) -> ParticipantRec {
    let mut x = &s.actors[actor];
    // "Lavrov said that he urges": a pronoun stands for the name it refers to in the same
    // sentence (its fullest mention there), which is what a reader of the event wants to see.
    if x.entities.len() == 1 && pronoun(s, x) {
        let names = s.actors.iter().filter(|y| y.entities == x.entities && !pronoun(s, y));
        if let Some(named) = names.max_by_key(|y| y.span.len()) {
            x = named;
        }
    }
    ParticipantRec { role, span: x.span.clone(), entity: (x.entities.len() == 1).then(|| x.entities[0]), code: None }
}

fn pronoun(s: &Sentence, x: &super::actors::Actor) -> bool {
    x.toks.len() == 1 && s.word(x.toks.start).is_some_and(|w| s.a.syntax.upos(w) == Upos::Pron)
}

/// The innermost claim whose content contains `pos` (claims' content spans sorted by start).
pub(super) fn innermost_claim(
    spans: &[(usize, usize, usize)],
    pos: usize,
    claims: &[crate::claims::ClaimRec],
) -> Option<usize> {
    let upto = spans.partition_point(|&(s, _, _)| s <= pos);
    spans[..upto]
        .iter()
        .rev()
        .take(32)
        .filter(|&&(s, e, _)| s <= pos && pos < e)
        .min_by_key(|&&(_, _, c)| claims[c].content.iter().map(|r| r.len()).sum::<usize>())
        .map(|&(_, _, c)| c)
}

/// "in St. Petersburg": the first place actor after the trigger led by in/at/near.
pub(super) fn place_after(s: &Sentence, from: usize) -> Option<PlaceRec> {
    let limit = s.toks.end.min(from + 40);
    (from..limit).take_while(|&k| !matches!(s.w(k), ";")).find_map(|k| {
        let g = s.group(k)?;
        let actor = &s.actors[s.groups[g].0.clone().next()?];
        let led = k > 0 && matches!(s.w(k - 1), "in" | "at" | "near") && actor.toks.start == k;
        (actor.place && led).then(|| PlaceRec { span: actor.span.clone(), entity: actor.entities.first().copied() })
    })
}

/// The time expression nearest the trigger in its sentence, within a short distance.
pub(super) fn nearest_time(a: &Analysis, trigger: &Range<usize>, sentence: Option<Range<usize>>) -> Option<usize> {
    let s = sentence?;
    let first = a.times.partition_point(|t| t.span.end <= s.start);
    a.times[first..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| t.span.start < s.end)
        .map(|(k, t)| {
            let d = if t.span.start >= trigger.end {
                t.span.start - trigger.end
            } else {
                trigger.start.saturating_sub(t.span.end)
            };
            (d, first + k)
        })
        .filter(|&(d, _)| d <= 80)
        .min()
        .map(|(_, k)| k)
}
