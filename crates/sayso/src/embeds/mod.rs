//! Stage 3, embeds: reads tokens and paragraphs; adds links (URLs) and embedded social
//! posts — a paragraph followed by a signature line such as
//! `— Sarah Sanders (@PressSec) December 17, 2017`, the way tweets are pasted into
//! articles. The post's date (when the signature has one) later anchors the time stage.

use crate::analysis::Analysis;
use crate::text::TokenKind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A URL in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRec {
    /// Where the URL is.
    pub span: Range<usize>,
    /// The URL with a scheme.
    pub url: String,
}

/// An embedded social post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRec {
    /// The post's text.
    pub content: Range<usize>,
    /// The whole signature line.
    pub signature: Range<usize>,
    /// The author's display name in the signature.
    pub author_name: Range<usize>,
    /// The author's handle in the signature, `@` included.
    pub handle: Option<Range<usize>>,
    /// The post's date, when the signature gives one.
    pub date: Option<jiff::civil::Date>,
    /// Where the date is written in the signature.
    pub date_span: Option<Range<usize>>,
    /// The platform (`twitter` for `(@handle)` signatures).
    pub platform: &'static str,
    /// Links inside the post (indices into [`Analysis::links`]).
    pub links: Vec<usize>,
    /// The author's entity (set by the entities stage).
    pub author_entity: Option<usize>,
    /// The claim the post makes (set by the claims stage).
    pub claim: Option<usize>,
}

/// `— Name (@handle) Month D, YYYY` — the signature line of an embedded tweet. The dash
/// may be an em dash, en dash or hyphen(s); the date is optional.
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:—|–|-{1,2}|&mdash;)\s*(?P<name>[^\n()@]{1,80}?)\s*\((?P<handle>@[A-Za-z0-9_]{1,30})\)\s*(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)\s+\d{1,2},?\s+\d{4})?",
    )
    .expect("signature pattern compiles")
});

/// Runs the stage.
pub fn run(a: &mut Analysis) {
    a.links = a
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Url)
        .map(|t| {
            let raw = &a.text[t.start..t.end];
            let url = if raw.contains("://") { raw.to_string() } else { format!("https://{raw}") };
            LinkRec { span: t.range(), url }
        })
        .collect();
    find_posts(a);
}

fn find_posts(a: &mut Analysis) {
    let mut posts = Vec::new();
    for (pi, para) in a.paragraphs.iter().enumerate() {
        if pi == 0 {
            continue;
        }
        let line = &a.text[para.clone()];
        let Some(m) = SIGNATURE.captures(line) else {
            continue;
        };
        let at = |name: &str| m.name(name).map(|g| para.start + g.start()..para.start + g.end());
        let (Some(author_name), Some(handle)) = (at("name"), at("handle")) else {
            continue;
        };
        let date_span = at("date");
        let date = date_span.as_ref().and_then(|r| parse_month_day_year(&a.text[r.clone()]));
        let content = a.paragraphs[pi - 1].clone();
        let signature_end = date_span.as_ref().map_or(handle.end + 1, |d| d.end);
        let links = a
            .links
            .iter()
            .enumerate()
            .filter(|(_, l)| l.span.start >= content.start && l.span.end <= content.end)
            .map(|(i, _)| i)
            .collect();
        posts.push(PostRec {
            content,
            signature: para.start..signature_end.min(para.end),
            author_name,
            handle: Some(handle),
            date,
            date_span,
            platform: "twitter",
            links,
            author_entity: None,
            claim: None,
        });
    }
    a.posts = posts;
}

/// Parses "December 17, 2017" / "Dec. 17 2017".
#[must_use]
pub fn parse_month_day_year(s: &str) -> Option<jiff::civil::Date> {
    let mut parts = s.split(|c: char| c.is_whitespace() || c == ',').filter(|p| !p.is_empty());
    let month = month_number(parts.next()?)?;
    let day: i8 = parts.next()?.parse().ok()?;
    let year: i16 = parts.next()?.parse().ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

/// The month number of an English month name or abbreviation ("Dec.", "Sept", "March").
#[must_use]
pub fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let n = match w.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    let full = crate::calendar::MONTHS[(n - 1) as usize];
    (full.starts_with(&w) || (n == 9 && w == "sept")).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tweet_with_its_signature_line_is_a_post() {
        let mut a = Analysis {
            text: "Intro.\nCan confirm @POTUS spoke today. https://t.co/x1\n— Sarah Sanders (@PressSec) December 17, 2017\nMore."
                .into(),
            ..Analysis::default()
        };
        crate::text::run(&mut a);
        run(&mut a);
        assert_eq!(a.posts.len(), 1);
        let p = &a.posts[0];
        assert_eq!(a.slice(&p.content), "Can confirm @POTUS spoke today. https://t.co/x1");
        assert_eq!(a.slice(&p.author_name), "Sarah Sanders");
        assert_eq!(a.slice(p.handle.as_ref().unwrap()), "@PressSec");
        assert_eq!(p.date.unwrap().to_string(), "2017-12-17");
        assert_eq!(a.slice(&p.signature), "— Sarah Sanders (@PressSec) December 17, 2017");
        assert_eq!(p.links, vec![0]);
        assert_eq!(a.links[0].url, "https://t.co/x1");
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Dec"), Some(12));
        assert_eq!(month_number("Mayday"), None);
        assert_eq!(parse_month_day_year("Feb. 30, 2017"), None);
    }
}
