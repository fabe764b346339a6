//! Verb-verb combination: reads the CAMEO code of a governing verb that frames another event
//! (an appeal, an intent, a demand, a refusal, a threat: "asked Arnor *to share* its
//! findings", "will *release* the prisoners", "refused *to lift* the curfew") and the code of
//! the event it frames; gives the one code the CAMEO code book has for the pair (an appeal
//! for intelligence, 0214; an intent to release, 0353; a refusal to ease administrative
//! sanctions, 1241).
//!
//! The code book builds its codes for appeals (02), intents (03), demands (10) and rejections
//! (12) on one scheme of what is asked for, promised, demanded or refused: material
//! cooperation (x1, with economic, military, judicial and intelligence subcodes), diplomatic
//! cooperation (x2), aid (x3: economic, military, humanitarian, peacekeeping), political
//! reform (x4: leadership, policy, rights, institutions), yielding (x5: easing administrative
//! sanctions, easing dissent, releasing, easing economic sanctions, allowing international
//! involvement, de-escalating), meeting (x6), settling (x7) and mediation (x8). Threats (13)
//! have a scheme of their own, by the conflict threatened. The tables below are written from
//! the code book's own list of codes (`cameo_codes.tsv`): every code they give exists there.

use super::codes::cameo_code;

/// How a governing verb frames the event it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stance {
    /// Asks for it (02).
    Appeal,
    /// Promises or intends it (03).
    Intend,
    /// Demands it (10).
    Demand,
    /// Refuses or rejects it (12).
    Reject,
    /// Threatens it (13).
    Threaten,
}

impl Stance {
    /// The stance a governing verb's code takes: its root category.
    pub(super) fn of(code: &str) -> Option<Stance> {
        match code.get(..2)? {
            "02" => Some(Stance::Appeal),
            "03" => Some(Stance::Intend),
            "10" => Some(Stance::Demand),
            "12" => Some(Stance::Reject),
            "13" => Some(Stance::Threaten),
            _ => None,
        }
    }

    /// The stance's general code (020, 030, 100, 120, 130).
    fn base(self) -> &'static str {
        match self {
            Stance::Appeal => "020",
            Stance::Intend => "030",
            Stance::Demand => "100",
            Stance::Reject => "120",
            Stance::Threaten => "130",
        }
    }

    /// The root of the stance's codes.
    fn root(self) -> &'static str {
        &self.base()[..2]
    }
}

/// What is asked for, promised, demanded or refused: the digit of the code book's scheme
/// (1 material cooperation ... 8 mediation) and, where the scheme has one, the subcode digit.
fn activity(code: &str) -> Option<(char, Option<char>)> {
    let b = code.as_bytes();
    let digit = |i: usize| b.get(i).map(|&c| c as char);
    let sub = digit(3);
    Some(match code.get(..3)? {
        // Material cooperation: 061 economic, 062 military, 063 judicial, 064 intelligence.
        "060" => ('1', None),
        "061" | "062" | "063" | "064" => ('1', digit(2)),
        // Diplomatic cooperation; signing an agreement settles a dispute.
        "057" => ('7', None),
        "050" | "051" | "052" | "053" | "054" | "055" | "056" => ('2', None),
        // Aid: 071 economic, 072 military, 073 humanitarian, 074 peacekeeping.
        "070" | "075" => ('3', None),
        "071" | "072" | "073" | "074" => ('3', digit(2)),
        // Yielding to political reform: 0831 leadership ... 0834 institutions.
        "083" => ('4', sub),
        // Other yielding: 081 easing administrative sanctions, 082 easing dissent, 084
        // releasing, 085 easing economic sanctions, 086 allowing international involvement,
        // 087 de-escalating.
        "081" => ('5', Some('1')),
        "082" => ('5', Some('2')),
        "084" => ('5', Some('3')),
        "085" => ('5', Some('4')),
        "086" => ('5', Some('5')),
        "087" => ('5', Some('6')),
        "080" => ('5', None),
        // Meeting and negotiating; mediating.
        "040" | "041" | "042" | "043" | "044" | "046" => ('6', None),
        "045" => ('8', None),
        _ => return None,
    })
}

/// The threat's code for a threatened conflict: reducing aid or relations, sanctions,
/// dissent, halting talks or mediation, repression, force.
fn threat(code: &str) -> Option<&'static str> {
    Some(match code.get(..3)? {
        "162" => "1311",
        "163" => "1312",
        "160" | "161" => "1313",
        "172" => match code.get(3..4) {
            Some("1") => "1321",
            Some("2") => "1322",
            Some("3") => "1323",
            Some("4") => "1324",
            _ => "132",
        },
        "140" | "141" | "142" | "143" | "144" | "145" => "133",
        "164" => "134",
        "165" => "135",
        "166" => "136",
        "170" | "171" | "173" | "174" | "175" => "137",
        "191" => "1381",
        "192" => "1382",
        "180" | "181" | "182" | "183" | "184" | "185" | "186" => "1383",
        "190" | "193" | "194" | "195" | "196" => "1384",
        "200" | "201" | "202" | "203" | "204" => "1385",
        _ => return None,
    })
}

/// Whether a code is a conflict (roots 11-20 but the stances'): what an intent to do it
/// makes a threat.
pub(super) fn conflictual(code: &str) -> bool {
    matches!(code.get(..2), Some("14" | "15" | "16" | "17" | "18" | "19" | "20"))
}

/// The code for `stance` framing an event coded `complement`; `None` when the code book has
/// none for the pair (the governing verb's own code then stands).
pub(super) fn combine(stance: Stance, complement: &str) -> Option<&'static str> {
    // An intent to do harm is a threat ("will impose a curfew").
    let stance = if stance == Stance::Intend && conflictual(complement) { Stance::Threaten } else { stance };
    if stance == Stance::Threaten {
        return threat(complement).or(Some(stance.base()));
    }
    // Refusing to comment is the code book's "decline comment".
    if stance == Stance::Reject && complement.starts_with("01") {
        return cameo_code("011");
    }
    let (kind, sub) = activity(complement)?;
    with_kind(stance, kind, sub)
}

/// The code for `stance` towards an activity of the scheme's `kind` (and subcode digit `sub`,
/// where known): the most specific code the book has.
pub(super) fn with_kind(stance: Stance, kind: char, sub: Option<char>) -> Option<&'static str> {
    if stance == Stance::Threaten {
        return None;
    }
    // Rejections have their own digits for what they refuse: aid asked for (122), reform asked
    // for (123), yielding (124), meeting (125), mediation (126), settling (127).
    let kind = if stance == Stance::Reject {
        match kind {
            '1' => '1',
            '3' => '2',
            '4' => '3',
            '5' => '4',
            '6' => '5',
            '8' => '6',
            '7' => '7',
            _ => return None,
        }
    } else {
        kind
    };
    let three = format!("{}{kind}", stance.root());
    let four = sub.map(|d| format!("{three}{d}"));
    // The most specific code the book has: the subcode, else the three-digit code.
    four.and_then(|c| cameo_code(&c)).or_else(|| cameo_code(&three))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(stance: Stance, code: &str) -> Option<&'static str> {
        combine(stance, code)
    }

    #[test]
    fn appeals_intents_demands_follow_the_code_books_scheme() {
        assert_eq!(c(Stance::Appeal, "064"), Some("0214"), "asked to share information");
        assert_eq!(c(Stance::Appeal, "073"), Some("0233"), "appealed for humanitarian aid");
        assert_eq!(c(Stance::Appeal, "084"), Some("0253"), "called for the release");
        assert_eq!(c(Stance::Intend, "0841"), Some("0353"), "will release");
        assert_eq!(c(Stance::Intend, "0831"), Some("0341"), "agreed to resign");
        assert_eq!(c(Stance::Intend, "072"), Some("0332"), "promised military aid");
        assert_eq!(c(Stance::Demand, "081"), Some("1051"), "demanded an end to curbs");
        assert_eq!(c(Stance::Demand, "046"), Some("106"), "demanded talks");
        assert_eq!(c(Stance::Demand, "045"), Some("108"), "demanded mediation");
    }

    #[test]
    fn rejections_and_threats_have_schemes_of_their_own() {
        assert_eq!(c(Stance::Reject, "0813"), Some("1241"), "refused to lift the curfew");
        assert_eq!(c(Stance::Reject, "0831"), Some("1231"), "declined to resign");
        assert_eq!(c(Stance::Reject, "057"), Some("127"), "rejected the peace plan");
        assert_eq!(c(Stance::Reject, "010"), Some("011"), "declined to comment");
        assert_eq!(c(Stance::Threaten, "162"), Some("1311"), "threatened to withdraw aid");
        assert_eq!(c(Stance::Threaten, "190"), Some("1384"), "threatened an offensive");
        assert_eq!(c(Stance::Threaten, "0841"), Some("130"), "a threat of anything else");
        // An intent to harm is a threat.
        assert_eq!(c(Stance::Intend, "1723"), Some("1323"), "will impose a curfew");
        assert_eq!(c(Stance::Intend, "165"), Some("135"), "will halt mediation");
    }

    #[test]
    fn no_code_for_what_the_scheme_lacks() {
        assert_eq!(c(Stance::Appeal, "111"), None, "an appeal to criticise");
        assert_eq!(c(Stance::Reject, "051"), None);
        assert_eq!(Stance::of("0214"), Some(Stance::Appeal));
        assert_eq!(Stance::of("041"), None);
    }

    #[test]
    fn every_combined_code_is_in_the_code_book() {
        let codes: Vec<&str> = include_str!("cameo_codes.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .filter(|c| c.len() >= 3)
            .collect();
        for stance in [Stance::Appeal, Stance::Intend, Stance::Demand, Stance::Reject, Stance::Threaten] {
            for &code in &codes {
                if let Some(out) = combine(stance, code) {
                    assert!(codes.contains(&out), "{stance:?} + {code} = {out}");
                }
            }
        }
    }
}
