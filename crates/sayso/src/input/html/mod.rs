//! Web pages: the article body of an HTML page as the text every span indexes (headline
//! left out: it is the title), the page's metadata, and, per paragraph of the text, the
//! stretch of the page it came from. [`dom`] parses, [`body`] finds the article and writes
//! its paragraphs, [`meta`] reads title, authors, publisher, canonical URL, language and
//! publication date.

mod body;
mod dom;
mod meta;

use crate::error::Error;
use std::ops::Range;

pub use dom::MAX_DEPTH;
pub(crate) use meta::PageDate;

/// What a page yields: the article text and everything known about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The article body: its paragraphs separated by blank lines.
    pub text: String,
    /// Per paragraph of `text`: its byte range in `text` and the byte range of the page's
    /// HTML it was read from (from the first to the last character that gave it text).
    pub source_map: Vec<(Range<usize>, Range<usize>)>,
    /// The headline.
    pub title: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// The site or news organisation.
    pub publisher: Option<String>,
    /// The URL the page names as its own (`<link rel=canonical>`, `og:url`), made absolute.
    pub canonical_url: Option<String>,
    /// The language the page declares (BCP 47).
    pub language: Option<String>,
    /// The publication date the page gives, as `YYYY-MM-DD` or RFC 3339.
    pub published: Option<String>,
    /// The publication's calendar day when it is not `published`'s own (a UTC time that the
    /// page shows on the previous day), `YYYY-MM-DD`.
    pub published_day: Option<String>,
    /// Where the publication date was read (JSON-LD, a meta tag, `<time>`, the URL).
    pub published_reason: Option<String>,
    /// How sure that source is, 0 to 1.
    pub published_confidence: f64,
    /// Nesting deeper than the reader follows was flattened (the text is kept).
    pub flattened: bool,
}

/// Reads a page: `url` is where it was fetched, when known (for the date in its path and
/// to make the canonical URL absolute).
///
/// # Errors
/// [`Error::NoArticle`] when the page holds no article text (an index page, an empty page,
/// a page that is all navigation).
pub fn read(html: &str, url: Option<&str>) -> Result<Page, Error> {
    let dom = dom::Dom::parse(html);
    let meta = meta::read(&dom, url);
    let extracted = body::extract(&dom, meta.title.as_deref(), meta.declares_article);
    let blocks = match extracted {
        Ok(blocks) => blocks,
        Err(reason) => return Err(Error::NoArticle { reason: reason.to_string() }),
    };
    let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + 2).sum());
    let mut source_map = Vec::with_capacity(blocks.len());
    for b in blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&b.text);
        source_map.push((start..text.len(), b.src));
    }
    let (published, published_day, published_reason, published_confidence) = match meta.published {
        Some(PageDate { value, day, reason, confidence }) => (Some(value), day, Some(reason), confidence),
        None => (None, None, None, 0.0),
    };
    Ok(Page {
        text,
        source_map,
        title: meta.title,
        authors: meta.authors,
        publisher: meta.publisher,
        canonical_url: meta.canonical_url,
        language: meta.language,
        published,
        published_day,
        published_reason,
        published_confidence,
        flattened: dom.flattened,
    })
}
