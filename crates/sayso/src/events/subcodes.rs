//! Subcodes: reads an event's code and the lemmas of the words its trigger governs after it
//! (its objects, prepositional phrases, complement and purpose clauses); gives the more
//! specific code the code book has for what those words name: what an appeal, intent, demand
//! or rejection is for when no verb of its complement says it ("called for the *withdrawal* of
//! forces": 025, "urged them to reach an *agreement*": 027), and the subcode a qualifier picks
//! ("halted *economic* aid": 1621, "banned opposition *candidates*": 1722, "*sexually*
//! abused": 1821).
//!
//! The tables follow the code book's own names for the codes (`cameo_codes.tsv`); a digit is
//! only used where the book has that code.

use super::codes::cameo_code;
use super::combine::{Stance, with_kind};

/// What is asked for, promised, demanded or refused, by lemma: the digit of the code book's
/// scheme for 02, 03, 10 and 12 (see [`super::combine`]).
const KINDS: &[(char, &[&str])] = &[
    ('8', &["mediate", "mediation", "mediator", "broker", "arbitrate", "arbitration"]),
    ('7', &["settle", "settlement", "agreement", "accord", "compromise", "treaty"]),
    ('6', &["meet", "meeting", "talk", "negotiate", "negotiation", "summit", "dialogue"]),
    (
        '5',
        &[
            "release",
            "free",
            "lift",
            "ease",
            "withdraw",
            "withdrawal",
            "ceasefire",
            "cease-fire",
            "truce",
            "let",
            "allow",
            "sanction",
            "embargo",
            "boycott",
            "curfew",
            "ban",
            "pullout",
            "curb",
            "restriction",
            // Giving something up is yielding (the code book's 08, "Yield").
            "forsake",
            "abandon",
            "renounce",
            "relinquish",
        ],
    ),
    ('4', &["reform", "resign", "resignation", "democracy", "right", "freedom", "constitution", "election", "regime"]),
    ('3', &["aid", "assistance", "help", "relief", "loan", "credit", "donation"]),
    (
        '1',
        &[
            "cooperation",
            "cooperate",
            "extradite",
            "extradition",
            "information",
            "intelligence",
            "lease",
            "trade",
            "export",
            "import",
            "investment",
        ],
    ),
];

const ECONOMIC: &[&str] = &["economic", "economy", "financial", "finance", "trade", "export", "import", "investment"];
const MILITARY: &[&str] = &["military", "arms", "weapon", "army", "troop", "defense", "defence"];
const HUMANITARIAN: &[&str] = &["humanitarian", "food", "relief", "medical", "medicine", "refugee"];
const PEACEKEEPING: &[&str] = &["peacekeeping", "peacekeeper", "protection"];

/// Cooperation by kind (021x, 031x, 101x, 121x).
const COOPERATION: &[(char, &[&str])] = &[
    ('1', ECONOMIC),
    ('2', MILITARY),
    ('3', &["judicial", "extradite", "extradition", "court", "trial", "legal"]),
    ('4', &["intelligence", "information"]),
];

/// Aid by kind (023x, 033x, 103x, 122x, 162x).
const AID: &[(char, &[&str])] = &[('1', ECONOMIC), ('2', MILITARY), ('3', HUMANITARIAN), ('4', PEACEKEEPING)];

/// Yielding by kind (025x, 035x, 105x, 124x).
const YIELDING: &[(char, &[&str])] = &[
    (
        '6',
        &[
            "withdrawal",
            "withdraw",
            "ceasefire",
            "cease-fire",
            "truce",
            "fighting",
            "hostility",
            "offensive",
            "pullout",
        ],
    ),
    ('4', &["sanction", "embargo", "boycott"]),
    ('3', &["release", "prisoner", "hostage", "detainee", "captive", "property"]),
    ('5', &["involvement", "access", "observer", "inspector", "monitor", "relief", "humanitarian"]),
    ('2', &["dissent", "protest", "demonstration", "demonstrator", "opposition"]),
    ('1', &["ban", "curfew", "restriction", "emergency", "curb"]),
];

/// Political reform by kind (024x, 034x, 083x, 104x, 123x).
const REFORM: &[(char, &[&str])] = &[
    ('1', &["resign", "resignation", "removal", "ouster", "oust", "reinstate", "leadership", "step"]),
    ('3', &["right", "freedom", "liberty"]),
    ('4', &["democracy", "constitution", "regime", "institution", "judiciary", "referendum", "autonomy"]),
    ('2', &["policy", "reform", "law"]),
];

/// Restrictions by kind (081x, 132x, 172x).
const RESTRICTIONS: &[(char, &[&str])] = &[
    ('3', &["curfew"]),
    ('4', &["emergency", "martial"]),
    ('2', &["party", "politician", "candidate", "opposition"]),
    // Banning an organisation or a newspaper restricts the freedoms of association and press.
    (
        '1',
        &["freedom", "liberty", "press", "speech", "assembly", "organization", "organisation", "movement", "newspaper"],
    ),
];

/// The scheme of subcodes a three-digit code has, by its first three digits.
fn scheme(code: &str) -> Option<&'static [(char, &'static [&'static str])]> {
    Some(match code {
        "021" | "031" | "101" | "121" => COOPERATION,
        "023" | "033" | "103" | "122" | "162" => AID,
        "025" | "035" | "105" | "124" => YIELDING,
        "024" | "034" | "083" | "104" | "123" => REFORM,
        "081" | "132" | "172" => RESTRICTIONS,
        "084" => &[
            ('1', &["prisoner", "hostage", "detainee", "captive", "soldier", "journalist", "correspondent", "person"]),
            ('2', &["property", "land", "asset", "ship", "aircraft", "territory", "body"]),
        ],
        "086" => &[('1', PEACEKEEPING), ('2', &["inspector", "observer", "monitor"]), ('3', HUMANITARIAN)],
        "087" => &[
            ('1', &["ceasefire", "cease-fire", "truce"]),
            ('2', &["blockade"]),
            ('3', &["demobilize", "demobilise", "disarm", "disarmament"]),
            ('4', &["retreat", "surrender", "withdraw", "withdrawal"]),
        ],
        "112" => &[
            ('4', &["genocide", "massacre", "atrocity", "cleansing"]),
            ('2', &["right", "abuse", "torture"]),
            ('5', &["espionage", "spy", "spying", "treason"]),
            ('3', &["aggression", "invasion"]),
            ('1', &["crime", "corruption", "fraud", "bribery", "misuse", "embezzlement", "embezzle", "murder"]),
        ],
        "131" => {
            &[('1', &["aid", "assistance"]), ('2', &["sanction", "embargo", "boycott"]), ('3', &["relation", "tie"])]
        }
        "138" => &[
            ('1', &["blockade"]),
            ('2', &["occupation", "occupy"]),
            ('5', &["chemical", "biological", "nuclear"]),
            ('4', &["attack", "offensive", "invasion", "invade", "military"]),
        ],
        "166" => &[('1', PEACEKEEPING), ('2', &["inspector", "observer", "monitor"]), ('3', &["agency", "ngo"])],
        "182" => &[('1', &["sexually", "sexual", "rape"]), ('2', &["torture"]), ('3', &["beat", "beating"])],
        "183" => &[('1', &["suicide"]), ('2', &["car"]), ('3', &["roadside"])],
        // Aerial weapons: precision-guided (1951), remotely piloted (1952).
        "195" => {
            &[('2', &["drone", "predator", "unmanned", "remotely"]), ('1', &["precision", "guided", "laser", "smart"])]
        }
        _ => return None,
    })
}

/// Aircraft and their weapons: what makes force aerial (195).
const AERIAL: &[&str] = &[
    "aircraft",
    "plane",
    "warplane",
    "jet",
    "helicopter",
    "gunship",
    "drone",
    "bomber",
    "predator",
    "airstrike",
    "air",
];

/// What an investigation is into (091-094), by the code book's names: crime or corruption,
/// human rights abuses, military action, war crimes.
const INVESTIGATIONS: &[(char, &[&str])] = &[
    ('4', &["genocide", "massacre", "atrocity", "war-crime"]),
    ('2', &["right", "abuse", "torture", "welfare", "mistreatment", "treatment"]),
    ('1', &["crime", "corruption", "fraud", "bribery", "embezzlement", "murder", "theft", "smuggling"]),
    ('3', &["attack", "offensive", "bombing", "shelling", "airstrike", "raid", "ceasefire", "cease-fire", "violation"]),
];

/// Verbs of halting or cutting something back ("ended mediation efforts", "reduced food
/// supplies").
const HALTING: &[&str] = &[
    "halt",
    "end",
    "stop",
    "suspend",
    "cut",
    "reduce",
    "freeze",
    "cancel",
    "terminate",
    "break",
    "curtail",
    "withdraw",
];

/// What is halted, by the code book's reductions of relations (161-166): relations, aid,
/// negotiations, mediation, international involvement.
const HALTED: &[(&str, &[&str])] = &[
    ("165", &["mediation", "mediate", "mediator"]),
    ("164", &["talk", "talks", "negotiation", "dialogue"]),
    ("162", &["aid", "assistance", "supply", "food", "loan", "credit", "relief", "donation", "funding"]),
    ("161", &["relation", "tie", "ties"]),
    ("166", &["peacekeeper", "peacekeeping", "observer", "inspector", "monitor"]),
];

/// The code for halting or cutting back what `lemmas` (after the verb, in text order) name,
/// when the verb's `lemma` is one of halting: the code book's 161-166, with the kind of aid
/// or of involvement where named ("reduced *food* supplies": 1623).
pub(super) fn halted(lemma: &str, lemmas: &[&str]) -> Option<&'static str> {
    if !halting(lemma) {
        return None;
    }
    let has = |words: &[&str], l: &str| words.iter().any(|w| w.eq_ignore_ascii_case(l));
    let code = lemmas.iter().find_map(|l| HALTED.iter().find(|(_, words)| has(words, l)).map(|&(c, _)| c))?;
    Some(refine(code, lemmas))
}

/// Whether `lemma` is a verb of halting or cutting back.
pub(super) fn halting(lemma: &str) -> bool {
    HALTING.contains(&lemma)
}

/// Verbs of killing, whose victim may make the killing an assassination (186).
const KILLING: &[&str] = &["kill", "murder", "assassinate", "slay", "shoot", "gun"];

/// Public figures: killing one is an assassination.
const PUBLIC_FIGURES: &[&str] = &[
    "leader",
    "chief",
    "president",
    "minister",
    "premier",
    "governor",
    "mayor",
    "commander",
    "chairman",
    "king",
    "prince",
    "senator",
    "ambassador",
    "envoy",
    "judge",
    "prosecutor",
    "lawmaker",
    "legislator",
];

/// Whether `lemma` is a verb of killing.
pub(super) fn killing(lemma: &str) -> bool {
    KILLING.iter().any(|k| k.eq_ignore_ascii_case(lemma))
}

/// Whether `lemma` names a public figure ("the deputy *chief*", "the *governor*").
pub(super) fn public_figure(lemma: &str) -> bool {
    PUBLIC_FIGURES.iter().any(|k| k.eq_ignore_ascii_case(lemma))
}

/// The first digit of `table` that one of `lemmas` (in text order) names.
fn digit<'a>(table: &[(char, &[&str])], lemmas: impl IntoIterator<Item = &'a str>) -> Option<char> {
    // A name's lemma keeps its capital ("Predator").
    let has = |words: &[&str], l: &str| words.iter().any(|w| w.eq_ignore_ascii_case(l));
    lemmas.into_iter().find_map(|l| table.iter().find(|(_, words)| has(words, l)).map(|&(d, _)| d))
}

/// Whether [`refine`] can make `code` more specific (most codes it cannot: their words need
/// not be read).
pub(super) fn refinable(code: &str) -> bool {
    code.len() == 3
        && (matches!(code, "090" | "180" | "190")
            || scheme(code).is_some()
            || Stance::of(code).is_some_and(|_| code.ends_with('0')))
}

/// `code` made as specific as the words after its trigger say (`lemmas`, lowercase, in text
/// order): a stance's general code gets what it is for, a three-digit code the subcode its
/// qualifier names. A code the book does not have is never made.
pub(super) fn refine(code: &'static str, lemmas: &[&str]) -> &'static str {
    let mut code = code;
    if let Some(stance) = Stance::of(code).filter(|_| code.len() == 3 && code.ends_with('0')) {
        if let Some(c) = digit(KINDS, lemmas.iter().copied()).and_then(|k| with_kind(stance, k, None)) {
            code = c;
        }
    }
    // Conventional force by aircraft is aerial ("aircraft killed ... in an attack").
    if code == "190" && lemmas.iter().any(|l| AERIAL.iter().any(|a| a.eq_ignore_ascii_case(l))) {
        code = "195";
    }
    // What an investigation is into (091-094); an assault's kind, where its words name one of
    // physical assault's (sexual abuse, torture: 182x).
    if code == "090" {
        code =
            digit(INVESTIGATIONS, lemmas.iter().copied()).and_then(|d| cameo_code(&format!("09{d}"))).unwrap_or(code);
    }
    if code == "180" {
        code = scheme("182")
            .and_then(|t| digit(t, lemmas.iter().copied()))
            .and_then(|d| cameo_code(&format!("182{d}")))
            .unwrap_or(code);
    }
    if code.len() == 3 {
        if let Some(c) =
            scheme(code).and_then(|t| digit(t, lemmas.iter().copied())).and_then(|d| cameo_code(&format!("{code}{d}")))
        {
            code = c;
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::refine;

    #[test]
    fn a_stance_gets_what_it_is_for_and_a_code_its_qualifier() {
        assert_eq!(refine("020", &["for", "the", "withdrawal", "of", "troops"]), "0256");
        assert_eq!(refine("020", &["to", "reach", "a", "agreement"]), "027");
        assert_eq!(refine("120", &["call", "for", "economic", "aid"]), "1221");
        assert_eq!(refine("162", &["military", "aid", "to", "gondor"]), "1622");
        assert_eq!(refine("123", &["to", "resign"]), "1231");
        // Nothing named: the code stands; a code with no subcodes is left alone.
        assert_eq!(refine("020", &["to", "act", "now"]), "020");
        assert_eq!(refine("190", &["economic", "targets"]), "190");
        assert_eq!(refine("190", &["the", "drone", "attack"]), "1952");
        assert_eq!(refine("183", &["a", "roadside", "bombing"]), "1833");
        // A threat's general code is no stance this refines.
        assert_eq!(refine("130", &["to", "withdraw"]), "130");
        assert_eq!(super::halted("end", &["mediation", "effort", "between", "the", "militia"]), Some("165"));
        assert_eq!(super::halted("reduce", &["food", "supply", "to", "the", "camp"]), Some("1623"));
        assert_eq!(super::halted("suspend", &["talks", "with", "gondor"]), Some("164"));
        assert_eq!(super::halted("end", &["the", "fighting"]), None);
        assert_eq!(super::halted("praise", &["the", "aid"]), None);
        assert_eq!(refine("090", &["the", "treatment", "of", "prisoners"]), "092");
        assert_eq!(refine("090", &["the", "corruption", "charges"]), "091");
        assert_eq!(refine("090", &["the", "weather"]), "090");
        assert_eq!(refine("180", &["sexually", "the", "detainees"]), "1821");
        assert_eq!(refine("172", &["the", "opposition", "newspaper"]), "1722");
    }
}
