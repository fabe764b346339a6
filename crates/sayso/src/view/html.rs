//! Writing HTML safely: every piece of document text goes through [`esc`], which escapes
//! markup and replaces the code points HTML forbids (so the output always parses cleanly,
//! whatever the document holds).

use std::fmt::Write as _;

/// Appends `s` escaped for HTML text and for double- or single-quoted attribute values.
/// Controls other than whitespace and Unicode noncharacters are parse errors in HTML (even
/// as character references), so they become U+FFFD, one for one.
pub(super) fn esc(out: &mut String, s: &str) {
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            c if forbidden(c) => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        out.push_str(rep);
        plain = i + c.len_utf8();
    }
    out.push_str(&s[plain..]);
}

/// `s` escaped, as a new string.
#[cfg(test)]
pub(super) fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    esc(&mut out, s);
    out
}

/// Code points that may not appear in HTML text: controls other than ASCII whitespace, and
/// noncharacters.
fn forbidden(c: char) -> bool {
    let u = u32::from(c);
    (u < 0x20 && !matches!(c, '\t' | '\n' | '\r' | '\u{C}'))
        || (0x7F..=0x9F).contains(&u)
        || (0xFDD0..=0xFDEF).contains(&u)
        || (u & 0xFFFE) == 0xFFFE
}

/// Appends `n` with thousands separators (`12,345`).
pub(super) fn count(out: &mut String, n: usize) {
    let digits = n.to_string();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
}

/// `n` and a noun, the noun in the plural unless `n` is 1 (`1 claim`, `16 claims`).
pub(super) fn counted(out: &mut String, n: usize, one: &str, many: &str) {
    count(out, n);
    let _ = write!(out, " {}", if n == 1 { one } else { many });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_code_points_are_escaped() {
        assert_eq!(escaped("a < b && \"c\" > 'd'"), "a &lt; b &amp;&amp; &quot;c&quot; &gt; &#39;d&#39;");
        assert_eq!(
            escaped("nul\u{0}bell\u{7}del\u{7F}c1\u{85}nc\u{FDD0}\u{FFFF}\u{1FFFE}"),
            "nul\u{FFFD}bell\u{FFFD}del\u{FFFD}c1\u{FFFD}nc\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(escaped("tab\tnew\nline\r\u{C}é😀"), "tab\tnew\nline\r\u{C}é😀");
    }

    #[test]
    fn counts_have_thousands_separators() {
        let mut s = String::new();
        count(&mut s, 1_234_567);
        s.push(' ');
        counted(&mut s, 1, "claim", "claims");
        s.push(' ');
        counted(&mut s, 999, "claim", "claims");
        assert_eq!(s, "1,234,567 1 claim 999 claims");
    }
}
