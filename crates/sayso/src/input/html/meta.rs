//! A page's metadata, as newspaper4k and htmldate read it: title, authors, publisher,
//! canonical URL, language and publication date, from (best first) the page's JSON-LD
//! (`NewsArticle` and its kin, also inside `@graph`), Open Graph and other `<meta>` tags,
//! microdata (`itemprop`), the article's `<time>` element, bylines, and the URL's date path.

use super::dom::{AttrName, Dom, Tag, collapse_spaces};
use crate::input::parse_published;
use serde_json::Value;

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    pub published: Option<PageDate>,
    /// The page says it is an article (a JSON-LD article, `og:type` article, or an
    /// `itemprop=articleBody`).
    pub declares_article: bool,
}

/// A publication date read from the page, and where.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PageDate {
    /// `YYYY-MM-DD` or an RFC 3339 date-time, as [`parse_published`] accepts.
    pub value: String,
    /// The calendar day, when it is not `value`'s own (a UTC time the page shows on the day
    /// before).
    pub day: Option<String>,
    /// Where it was read, in words.
    pub reason: String,
    /// How sure the source is.
    pub confidence: f64,
}

/// JSON-LD types of an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ClaimReview",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "SocialMediaPosting",
    "DiscussionForumPosting",
];

/// `<meta name=...>` / `property=...` names of a publication date, best first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "citation_publication_date",
    "date",
];

/// Reads the metadata of a parsed page; `url` is where it was fetched, when known.
pub(crate) fn read(dom: &Dom, url: Option<&str>) -> Meta {
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut canonical = None;
    let mut lang = None;
    let mut h1s: Vec<String> = Vec::new();
    let mut shown_dates: Vec<usize> = Vec::new();
    let mut title_tag = None;
    let mut ld = Vec::new();
    let mut itemprops: Vec<(String, usize)> = Vec::new();
    let mut times: Vec<usize> = Vec::new();
    let mut bylines: Vec<usize> = Vec::new();
    for i in 1..dom.nodes.len() {
        match dom.nodes[i].tag {
            Tag::Meta => {
                let key = dom.attr(i, AttrName::Property).or_else(|| dom.attr(i, AttrName::Name));
                let content = dom.attr(i, AttrName::Content);
                if let (Some(k), Some(c)) = (key, content) {
                    metas.push((k.trim().to_ascii_lowercase(), c.trim().to_string()));
                }
                if let (Some(k), Some(c)) = (dom.attr(i, AttrName::HttpEquiv), content)
                    && k.eq_ignore_ascii_case("content-language")
                {
                    metas.push(("content-language".to_string(), c.trim().to_string()));
                }
            }
            Tag::Link => {
                let rel = dom.attr(i, AttrName::Rel).unwrap_or("");
                if canonical.is_none() && rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")) {
                    canonical = dom.attr(i, AttrName::Href).map(|h| h.trim().to_string()).filter(|h| !h.is_empty());
                }
            }
            Tag::Html if lang.is_none() => lang = dom.attr(i, AttrName::Lang).map(str::to_string),
            Tag::Title if title_tag.is_none() => title_tag = Some(dom.collapsed_text(i)),
            Tag::H1 if h1s.len() < 8 => h1s.push(dom.collapsed_text(i)),
            Tag::Script
                if dom
                    .attr(i, AttrName::Type)
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let raw: String = (i + 1..dom.nodes[i].end as usize).map(|c| dom.text_of(c)).collect();
                if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
                    ld.push(v);
                }
            }
            Tag::Time => times.push(i),
            _ => {}
        }
        if dom.nodes[i].tag != Tag::Text {
            if let Some(prop) = dom.attr(i, AttrName::Itemprop) {
                itemprops.push((prop.to_string(), i));
            }
            if is_byline(dom, i) {
                bylines.push(i);
            }
            if shown_dates.len() < 32 && names_a_date(dom, i) {
                shown_dates.push(i);
            }
        }
    }
    let meta = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| metas.iter().find(|(k, v)| k == n && !v.is_empty()).map(|(_, v)| v.clone()))
    };
    let article = ld.iter().find_map(find_article);
    let ld_str = |key: &str| article.and_then(|a| a.get(key)).and_then(text_of).map(|s| collapse_spaces(&s));

    // The site's name as it shows it (og:site_name, its first part when it lists sections:
    // "Autoracing | F1 | Indy"), then what JSON-LD says, then the title's site part.
    // A name that is a URL or a bare domain ("livescience.com") is used only when there is
    // no other.
    let publishers: Vec<String> = [
        meta(&["og:site_name"]).map(|s| first_part(&s).to_string()),
        article.and_then(|a| a.get("publisher")).and_then(name_of),
        meta(&["application-name"]),
        meta(&["twitter:site:name"]),
        ld.iter().find_map(find_website_name),
        title_tag.as_deref().and_then(site_part),
    ]
    .into_iter()
    .flatten()
    .map(|s| collapse_spaces(&s))
    .filter(|s| !s.is_empty() && !s.contains("://"))
    .collect();
    let domain_like = |s: &str| !s.contains(' ') && s.contains('.');
    let publisher = publishers.iter().find(|s| !domain_like(s)).or_else(|| publishers.first()).cloned();

    // The headline a reader sees is the page's `<h1>`, when it is one: a heading that shares
    // most of its words with what the metadata calls the title (a logo or section name in an
    // `<h1>` shares none). Else the metadata's title, without the site's name.
    let named: Vec<String> = [ld_str("headline"), meta(&["og:title"]), meta(&["twitter:title"]), title_tag.clone()]
        .into_iter()
        .flatten()
        .map(|t| collapse_spaces(&t))
        .filter(|t| !t.is_empty())
        .collect();
    let shown = h1s
        .iter()
        .find(|h| {
            !h.is_empty()
                && named.iter().any(|t| shares_words(h, t))
                && !publisher.as_deref().is_some_and(|p| similar_name(h, p))
        })
        .cloned();
    let title = shown
        .or_else(|| named.first().cloned())
        .or_else(|| h1s.iter().find(|h| !h.is_empty()).cloned())
        .map(|t| strip_site_name(&t, publisher.as_deref()))
        .filter(|t| !t.is_empty());

    let mut authors = Vec::new();
    if let Some(a) = article.and_then(|a| a.get("author")) {
        collect_names(a, &mut authors);
    }
    if authors.is_empty()
        && let Some(a) = meta(&["author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"])
    {
        authors.push(a);
    }
    if authors.is_empty() {
        for (prop, i) in &itemprops {
            if prop.split_ascii_whitespace().any(|p| p == "author") {
                let name = dom.attr(*i, AttrName::Content).map(str::to_string).unwrap_or_else(|| {
                    // `itemprop=author` often wraps an `itemprop=name`.
                    itemprops
                        .iter()
                        .find(|(p, j)| p == "name" && *j > *i && *j < dom.nodes[*i].end as usize)
                        .map_or_else(|| dom.collapsed_text(*i), |(_, j)| dom.collapsed_text(*j))
                });
                authors.push(name);
            }
        }
    }
    if authors.is_empty()
        && let Some(&b) = bylines.first()
    {
        authors.push(dom.collapsed_text(b));
    }
    let authors = clean_authors(&authors, publisher.as_deref(), url);

    let language = article
        .and_then(|a| a.get("inLanguage"))
        .and_then(text_of)
        .or(lang)
        .or_else(|| meta(&["og:locale", "content-language", "dc.language"]))
        .and_then(|l| language_tag(&l));

    let canonical_url = canonical
        .or_else(|| meta(&["og:url"]))
        .map(|c| absolute(&c, url))
        .filter(|c| c.starts_with("http://") || c.starts_with("https://"));

    let published = article
        .and_then(|a| {
            let v = a.get("datePublished").and_then(text_of)?;
            let kind = type_name(a).unwrap_or_else(|| "Article".to_string());
            page_date(&v, format!("JSON-LD {kind}.datePublished"), 0.95)
        })
        .or_else(|| {
            DATE_METAS.iter().find_map(|name| {
                let v = metas.iter().find(|(k, _)| k == name)?.1.clone();
                page_date(&v, format!("<meta> {name}"), 0.9)
            })
        })
        .or_else(|| {
            itemprops.iter().find_map(|(prop, i)| {
                if !prop.split_ascii_whitespace().any(|p| p == "datePublished") {
                    return None;
                }
                let v = dom
                    .attr(*i, AttrName::Content)
                    .or_else(|| dom.attr(*i, AttrName::Datetime))
                    .map_or_else(|| dom.collapsed_text(*i), str::to_string);
                page_date(&v, "microdata datePublished".to_string(), 0.9)
            })
        })
        .or_else(|| {
            times.iter().find_map(|&i| {
                let v = dom.attr(i, AttrName::Datetime)?;
                page_date(v, "the page's first <time datetime> element".to_string(), 0.8)
            })
        })
        .or_else(|| {
            [url, canonical_url.as_deref()].into_iter().flatten().find_map(|u| {
                let (date, path) = url_date(u)?;
                page_date(&date, format!("the date in the URL path ({path})"), 0.8)
            })
        })
        .or_else(|| {
            shown_dates.iter().find_map(|&i| {
                let text = dom.collapsed_text(i);
                if text.chars().count() > 200 {
                    return None;
                }
                let value = normalise_date(&text).or_else(|| words_date(&text))?;
                page_date(&value, format!("the date the page shows in its byline (\"{text}\")"), 0.7)
            })
        });
    // A UTC time late in the evening where the article was written falls on the next day:
    // the day the page shows (the text of the `<time>` carrying that time, or the date in
    // its URL) is the publication date its readers know.
    let published = published.map(|mut d| {
        // A time in UTC, or with no offset (often UTC unsaid).
        let utc = d.value.ends_with('Z') || (d.value.len() == 19 && d.value.as_bytes()[10] == b'T');
        if utc {
            let shown_day = times
                .iter()
                .filter(|&&i| {
                    dom.attr(i, AttrName::Datetime).and_then(normalise_date).is_some_and(|v| same_minute(&v, &d.value))
                })
                .find_map(|&i| words_date(&dom.collapsed_text(i)).map(|day| (day, "as the page shows it")))
                .or_else(|| {
                    [url, canonical_url.as_deref()]
                        .into_iter()
                        .flatten()
                        .find_map(|u| url_date(u).map(|(day, _)| (day, "as its URL path dates it")))
                });
            if let Some((day, how)) = shown_day
                && day != d.value[..10]
                && one_day_apart(&day, &d.value[..10])
            {
                d.reason =
                    format!("{}; the calendar day {day} {how} (the UTC time is on the next or previous day)", d.reason);
                d.day = Some(day);
            }
        }
        d
    });

    let declares_article = article.is_some_and(|a| has_type(a, ARTICLE_TYPES))
        || meta(&["og:type"]).is_some_and(|t| t.eq_ignore_ascii_case("article"))
        || itemprops.iter().any(|(p, _)| p.split_ascii_whitespace().any(|p| p == "articleBody"));

    Meta { title, authors, publisher, canonical_url, language, published, declares_article }
}

/// The article object of a JSON-LD value: itself, an item of a list, or of `@graph`.
fn find_article(v: &Value) -> Option<&serde_json::Map<String, Value>> {
    let mut stack = vec![v];
    let mut fallback = None;
    let mut steps = 0;
    while let Some(v) = stack.pop() {
        steps += 1;
        if steps > 1000 {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if has_type(map, ARTICLE_TYPES) {
                    return Some(map);
                }
                if fallback.is_none() && has_type(map, &["WebPage"]) && map.contains_key("datePublished") {
                    fallback = Some(map);
                }
                if let Some(g) = map.get("@graph") {
                    stack.push(g);
                }
                if let Some(e) = map.get("mainEntity") {
                    stack.push(e);
                }
            }
            _ => {}
        }
    }
    fallback
}

fn find_website_name(v: &Value) -> Option<String> {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if has_type(map, &["WebSite", "NewsMediaOrganization", "Organization"])
                    && let Some(n) = map.get("name").and_then(text_of)
                {
                    return Some(n);
                }
                if let Some(g) = map.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    None
}

fn has_type(map: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    match map.get("@type") {
        Some(Value::String(t)) => types.contains(&strip_schema(t)),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| types.contains(&strip_schema(t)))),
        _ => false,
    }
}

fn strip_schema(t: &str) -> &str {
    t.rsplit('/').next().unwrap_or(t)
}

fn type_name(map: &serde_json::Map<String, Value>) -> Option<String> {
    match map.get("@type")? {
        Value::String(t) => Some(strip_schema(t).to_string()),
        Value::Array(ts) => ts.iter().find_map(|t| t.as_str()).map(|t| strip_schema(t).to_string()),
        _ => None,
    }
}

/// A string value, or the first string of a list.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(text_of),
        Value::Object(map) => map.get("@value").and_then(text_of),
        _ => None,
    }
}

/// The name of a person or organisation value (`"X"` or `{"name": "X"}`).
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(map) => map.get("name").and_then(text_of),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

fn collect_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items.iter().take(20).for_each(|i| collect_names(i, out)),
        other => out.extend(name_of(other)),
    }
}

/// Bylines written in the page: `rel=author` links and elements named like a byline.
fn is_byline(dom: &Dom, i: usize) -> bool {
    if dom.attr(i, AttrName::Rel).is_some_and(|r| r.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case("author")))
    {
        return true;
    }
    dom.attr(i, AttrName::Class).is_some_and(|c| {
        c.split_ascii_whitespace().any(|w| {
            let w = w.to_ascii_lowercase();
            matches!(w.as_str(), "byline" | "author-name" | "byline__name" | "author" | "byline-name")
        })
    })
}

/// Elements whose class or id says they show a date (a byline's "Nov 18, 2019").
fn names_a_date(dom: &Dom, i: usize) -> bool {
    [AttrName::Class, AttrName::Id].into_iter().filter_map(|a| dom.attr(i, a)).any(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "date"
                    | "dateline"
                    | "time"
                    | "timestamp"
                    | "published"
                    | "pubdate"
                    | "posted"
                    | "byline"
                    | "meta"
                    | "author"
                    | "info"
            )
        })
    })
}

/// A site name without the tagline or sections after it ("Remember 80/90 - Memorabilia").
fn first_part(name: &str) -> &str {
    [" | ", " - ", " – "].iter().fold(name, |n, sep| n.split(sep).next().unwrap_or(n))
}

/// Whether two normalised date-times name the same minute.
fn same_minute(a: &str, b: &str) -> bool {
    a.len() >= 16 && b.len() >= 16 && a[..16] == b[..16]
}

fn one_day_apart(a: &str, b: &str) -> bool {
    let (Ok(a), Ok(b)) = (a.parse::<jiff::civil::Date>(), b.parse::<jiff::civil::Date>()) else { return false };
    a.since(b).is_ok_and(|span| span.get_days().abs() == 1)
}

/// Whether most of `heading`'s words are in `title`: the same headline, perhaps reworded.
fn shares_words(heading: &str, title: &str) -> bool {
    let norm = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let (h, t) = (norm(heading), norm(title));
    if h.is_empty() {
        return false;
    }
    let shared = h.iter().filter(|w| t.contains(w)).count();
    shared * 2 >= h.len() || title.to_lowercase().contains(&heading.to_lowercase())
}

/// The site's name in a title that carries one ("Headline - Site").
fn site_part(title: &str) -> Option<String> {
    let title = collapse_spaces(title);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && tail.split_whitespace().count() <= 3
            && head.split_whitespace().count() >= 3
            && looks_like_site(tail)
        {
            return Some(tail.trim().to_string());
        }
    }
    None
}

/// Names as people write them: "By A and B", "A, B", "A | Reuters" become ["A", "B"];
/// URLs, e-mail addresses, dates and the publisher itself are dropped.
fn clean_authors(raw: &[String], publisher: Option<&str>, url: Option<&str>) -> Vec<String> {
    let host = url
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.split('/').next())
        .map(|h| h.trim_start_matches("www."));
    let is_site =
        |name: &str| publisher.is_some_and(|p| similar_name(name, p)) || host.is_some_and(|h| similar_name(name, h));
    let norm = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    let exactly_site =
        |name: &str| publisher.is_some_and(|p| norm(p) == norm(name)) || host.is_some_and(|h| norm(h) == norm(name));
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        let r = collapse_spaces(r);
        // "Name | Site", "Name - Site Contributor", "Name. Site".
        let r = r.split(['|', '\n']).next().unwrap_or("");
        let r = r.split(" - ").next().unwrap_or(r);
        let r = match r.split_once(". ") {
            Some((name, rest)) if exactly_site(rest) => name,
            _ => r,
        };
        let mut r = r.trim();
        for prefix in ["By ", "by ", "BY ", "Von ", "Par ", "Por "] {
            if let Some(rest) = r.strip_prefix(prefix) {
                r = rest.trim();
            }
        }
        for part in r.split([',', '&', ';']).flat_map(|p| p.split(" and ")) {
            let name = part.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'');
            let words = name.split_whitespace().count();
            let plausible = !name.is_empty()
                && words <= 5
                && !name.contains("://")
                && !name.contains('@')
                && !name.contains('/')
                && !name.chars().any(|c| c.is_ascii_digit())
                && name.chars().next().is_some_and(char::is_uppercase);
            if !plausible {
                continue;
            }
            // The site named beside a person is not a second author ("Troy L. Smith,
            // Cleveland.com"); alone, it is the byline.
            if is_site(name) && !out.is_empty() {
                continue;
            }
            if !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
                out.push(name.to_string());
            }
        }
    }
    out.truncate(10);
    out
}

/// A title without the site name the page appends or prepends ("Headline | Site").
fn strip_site_name(title: &str, publisher: Option<&str>) -> String {
    let title = collapse_spaces(title);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = publisher.is_some_and(|p| similar_name(tail, p))
                || (tail.split_whitespace().count() <= 3
                    && head.split_whitespace().count() >= 4
                    && looks_like_site(tail));
            if tail_is_site {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep)
            && publisher.is_some_and(|p| similar_name(head, p))
        {
            return tail.trim().to_string();
        }
    }
    title
}

fn similar_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && (a == b || a.contains(&b) || b.contains(&a))
}

/// A title part that reads like a site name: a domain, or capitalised words.
fn looks_like_site(s: &str) -> bool {
    let s = s.trim();
    s.contains('.') && !s.contains(' ')
        || s.split_whitespace().all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// A BCP 47 tag from `en`, `en_US`, `en-us`: language lowercase, region uppercase.
fn language_tag(raw: &str) -> Option<String> {
    let raw = raw.trim().split([',', ';']).next()?.trim();
    let mut parts = raw.split(['-', '_']);
    let lang = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    match parts.next() {
        Some(region) if region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()) => {
            Some(format!("{lang}-{}", region.to_ascii_uppercase()))
        }
        _ => Some(lang),
    }
}

/// A URL made absolute against the page's own.
fn absolute(href: &str, base: Option<&str>) -> String {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") {
        return href.to_string();
    }
    let Some(base) = base else { return href.to_string() };
    let Some(scheme_end) = base.find("://") else { return href.to_string() };
    if let Some(rest) = href.strip_prefix("//") {
        return format!("{}://{rest}", &base[..scheme_end]);
    }
    let host_end = base[scheme_end + 3..].find('/').map_or(base.len(), |i| scheme_end + 3 + i);
    if href.starts_with('/') { format!("{}{href}", &base[..host_end]) } else { href.to_string() }
}

/// A date written in a URL's path: `/2019/11/18/`, `/2019-11-18/`, `/20191118/`.
fn url_date(url: &str) -> Option<(String, String)> {
    let path_start = url.find("://").map_or(0, |i| url[i + 3..].find('/').map_or(url.len(), |j| i + 3 + j));
    let path = &url[path_start..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let segs: Vec<&str> = path.split('/').collect();
    for (k, seg) in segs.iter().enumerate() {
        let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
        if digits(seg, 4) {
            let (Some(m), Some(d)) = (segs.get(k + 1), segs.get(k + 2)) else { continue };
            let d = d.split(['-', '_', '.']).next().unwrap_or(d);
            if (digits(m, 2) || digits(m, 1)) && (digits(d, 2) || digits(d, 1)) {
                let date = format!("{seg}-{:0>2}-{:0>2}", m, d);
                return Some((date, format!("/{seg}/{m}/{d}/")));
            }
        }
        let head = seg.get(..10).unwrap_or("");
        if head.len() == 10 && head.as_bytes()[4] == b'-' && head.as_bytes()[7] == b'-' {
            return Some((head.to_string(), format!("/{head}")));
        }
        if digits(seg, 8) && (seg.starts_with("19") || seg.starts_with("20")) {
            let date = format!("{}-{}-{}", &seg[..4], &seg[4..6], &seg[6..]);
            return Some((date, format!("/{seg}/")));
        }
    }
    None
}

/// A date as the page writes it, read into what [`parse_published`] accepts.
fn page_date(raw: &str, reason: String, confidence: f64) -> Option<PageDate> {
    let value = normalise_date(raw)?;
    let given = parse_published(&value).ok()?;
    // Pages carry placeholder dates (1970-01-01, 0001-01-01); news is from neither.
    if !(1990..=2100).contains(&given.date.year()) {
        return None;
    }
    Some(PageDate { value, day: None, reason, confidence })
}

/// `2019-11-18`, `2019-11-18T14:30:00.000+0000`, `2019-11-18 14:30`, `2019/11/18`,
/// `Mon, 18 Nov 2019 14:30:00 GMT`, `November 18, 2019`, `18 November 2019`.
fn normalise_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if (0..4).all(digit)
        && matches!(b.get(4), Some(b'-' | b'/' | b'.'))
        && digit(5)
        && digit(6)
        && b.get(7) == b.get(4)
        && digit(8)
        && digit(9)
    {
        let date = format!("{}-{}-{}", &s[..4], &s[5..7], &s[8..10]);
        let rest = &s[10..];
        return Some(with_time(&date, rest).unwrap_or(date));
    }
    words_date(s)
}

/// A time of day and offset after a date: `T14:30:00.000+0000`, ` 14:30`, `T14:30Z`.
fn with_time(date: &str, rest: &str) -> Option<String> {
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let b = rest.as_bytes();
    let two = |i: usize| b.get(i..i + 2).filter(|d| d.iter().all(u8::is_ascii_digit)).map(|_| &rest[i..i + 2]);
    let (h, m) = (two(0)?, two(3).filter(|_| b.get(2) == Some(&b':'))?);
    let mut i = 5;
    let mut sec = "00";
    if b.get(5) == Some(&b':')
        && let Some(s) = two(6)
    {
        sec = s;
        i = 8;
        if b.get(8) == Some(&b'.') {
            i = 9;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    let tail = rest[i..].trim();
    let offset = match tail {
        "" => String::new(),
        "Z" | "z" | "UTC" | "GMT" | "+00:00" | "-00:00" | "+0000" => "Z".to_string(),
        t if (t.starts_with('+') || t.starts_with('-')) && t.len() >= 3 => {
            let digits: String = t[1..].chars().filter(char::is_ascii_digit).collect();
            match digits.len() {
                2 => format!("{}{}:00", &t[..1], digits),
                4 => format!("{}{}:{}", &t[..1], &digits[..2], &digits[2..]),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(format!("{date}T{h}:{m}:{sec}{offset}"))
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// `November 18, 2019`, `Nov. 18 2019`, `18 November 2019`, `Mon, 18 Nov 2019 14:30:00 GMT`.
fn words_date(s: &str) -> Option<String> {
    let tokens: Vec<&str> =
        s.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()).take(6).collect();
    let month = |t: &str| {
        let t = t.trim_end_matches('.').to_ascii_lowercase();
        (t.len() >= 3).then(|| MONTHS.iter().position(|m| t.starts_with(m))).flatten().map(|m| m + 1)
    };
    let day = |t: &str| {
        t.trim_end_matches(['.', 's', 't', 'n', 'd', 'r', 'h']).parse::<u8>().ok().filter(|d| (1..=31).contains(d))
    };
    let year = |t: &str| t.parse::<i16>().ok().filter(|y| (1900..=2100).contains(y));
    for w in tokens.windows(3) {
        if let (Some(m), Some(d), Some(y)) = (month(w[0]), day(w[1]), year(w[2])) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
        if let (Some(d), Some(m), Some(y)) = (day(w[0]), month(w[1]), year(w[2])) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_article_gives_title_authors_publisher_and_date() {
        let html = r#"<html lang="en-us"><head><title>Ignored | Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"The Daily Example"},
              {"@type":"NewsArticle","headline":"Council approves the flood barrier",
               "datePublished":"2024-03-04T09:15:00-05:00","dateModified":"2024-03-05T10:00:00Z",
               "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Lee"}],
               "publisher":{"@type":"Organization","name":"The Daily Example"}}]}</script>
            <link rel="canonical" href="/news/flood-barrier"></head><body></body></html>"#;
        let m = read(&Dom::parse(html), Some("https://example.com/x?utm=1"));
        assert_eq!(m.title.as_deref(), Some("Council approves the flood barrier"));
        assert_eq!(m.authors, ["Ana Ruiz", "Tom Lee"]);
        assert_eq!(m.publisher.as_deref(), Some("The Daily Example"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/news/flood-barrier"));
        assert_eq!(m.language.as_deref(), Some("en-US"));
        let d = m.published.unwrap();
        assert_eq!(d.value, "2024-03-04T09:15:00-05:00");
        assert_eq!(d.reason, "JSON-LD NewsArticle.datePublished");
    }

    #[test]
    fn open_graph_and_meta_tags_fill_in_without_json_ld() {
        let html = r#"<head><meta property="og:title" content="Storm closes schools - Valley Post">
            <meta property="og:site_name" content="Valley Post">
            <meta name="author" content="By Maria Gomez and Li Wei">
            <meta property="article:published_time" content="2019-11-18T14:30:00.000+0000">
            <meta property="og:locale" content="en_GB"></head>"#;
        let m = read(&Dom::parse(html), None);
        assert_eq!(m.title.as_deref(), Some("Storm closes schools"));
        assert_eq!(m.authors, ["Maria Gomez", "Li Wei"]);
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        assert_eq!(m.published.unwrap().value, "2019-11-18T14:30:00Z");
    }

    #[test]
    fn time_element_then_url_path_give_the_date_last() {
        let m = read(
            &Dom::parse("<p>By <a rel=author href=/a>Sam Hill</a> <time datetime=\"2021-06-02\">June 2</time></p>"),
            None,
        );
        assert_eq!(m.published.as_ref().map(|d| d.value.as_str()), Some("2021-06-02"));
        assert_eq!(m.authors, ["Sam Hill"]);
        let m = read(&Dom::parse("<h1>Title here</h1>"), Some("https://news.example/2019/11/18/story-name/"));
        let d = m.published.unwrap();
        assert_eq!((d.value.as_str(), d.reason.as_str()), ("2019-11-18", "the date in the URL path (/2019/11/18/)"));
        assert_eq!(m.title.as_deref(), Some("Title here"));
    }

    #[test]
    fn dates_in_the_forms_pages_write_them() {
        for (raw, want) in [
            ("2019-11-18", Some("2019-11-18")),
            ("2019/11/18", Some("2019-11-18")),
            ("2019-11-18 14:30", Some("2019-11-18T14:30:00")),
            ("2019-11-18T14:30:00+05:30", Some("2019-11-18T14:30:00+05:30")),
            ("Mon, 18 Nov 2019 14:30:00 GMT", Some("2019-11-18")),
            ("November 18, 2019", Some("2019-11-18")),
            ("Nov. 8th 2019", Some("2019-11-08")),
            ("yesterday", None),
            ("2019-13-45", Some("2019-13-45")),
        ] {
            assert_eq!(normalise_date(raw).as_deref(), want, "{raw}");
        }
        assert!(page_date("2019-13-45", String::new(), 1.0).is_none(), "invalid calendar dates are dropped");
        assert!(page_date("1970-01-01T00:00:00Z", String::new(), 1.0).is_none(), "placeholder dates are dropped");
    }

    #[test]
    fn author_lists_are_cleaned() {
        let raw = ["By Jane Roe, John Doe & Ann Poe | Reuters".to_string(), "https://x.com/jr".to_string()];
        assert_eq!(clean_authors(&raw, None, None), ["Jane Roe", "John Doe", "Ann Poe"]);
        let raw = ["Troy L. Smith, Cleveland.com".to_string()];
        assert_eq!(clean_authors(&raw, None, Some("https://www.cleveland.com/x")), ["Troy L. Smith"]);
        let raw = [
            "Finian Cunningham. Sputnik International".to_string(),
            "Tim Childers - Live Science Contributor".to_string(),
        ];
        assert_eq!(clean_authors(&raw, Some("Sputnik International"), None), ["Finian Cunningham", "Tim Childers"]);
    }

    #[test]
    fn the_headline_shown_wins_and_the_site_name_comes_from_the_title() {
        let html = r#"<head><title>Bridge reopens after two years of repairs - Harbour Gazette</title></head>
            <body><h1>Harbour Gazette</h1><h1>Bridge reopens after repairs</h1></body>"#;
        let m = read(&Dom::parse(html), None);
        assert_eq!(m.publisher.as_deref(), Some("Harbour Gazette"));
        assert_eq!(m.title.as_deref(), Some("Bridge reopens after repairs"), "the logo's <h1> is not the headline");
    }

    #[test]
    fn a_utc_time_on_the_next_day_keeps_the_day_the_page_shows() {
        let html = r#"<head><meta property="article:published_time" content="2019-11-19T02:10:00Z"></head>
            <body><time datetime="2019-11-19T02:10:00Z">November 18, 2019</time></body>"#;
        let d = read(&Dom::parse(html), None).published.unwrap();
        assert_eq!(d.value, "2019-11-19T02:10:00Z");
        assert_eq!(d.day.as_deref(), Some("2019-11-18"));
        let html = r#"<head><meta property="article:published_time" content="2019-11-19T02:10:00Z"></head>
            <body><time datetime="2019-11-19T02:10:00Z">November 11, 2019</time></body>"#;
        assert_eq!(read(&Dom::parse(html), None).published.unwrap().day, None, "a day far from the time is not taken");
    }
}
