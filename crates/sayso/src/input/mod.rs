//! Stage 1, input: reads an article (plain text, an article JSON object, a web page, or the
//! pages of a WARC crawl) into an [`ArticleInput`], and checks its metadata (the
//! publication date must be a date or an RFC 3339 date-time). Adds to the analysis: the
//! text and the given metadata; for a web page, the article body as the text, what the page
//! says about itself where the caller said nothing, and where each paragraph came from.
//!
//! The text is kept exactly as given: later stages read curly and straight quotation
//! marks, non-breaking spaces and line breaks as they are, so every offset sayso reports
//! points into the caller's own string (for a page, into the body read from it).
//!
//! Modules: [`html`] (pages), [`decode`] (bytes to text: gzip, character sets), [`warc`]
//! (crawls); JSON articles and JSON Lines batches are read here.

pub mod decode;
pub mod html;
pub mod warc;

use crate::error::Error;
use serde_json::Value;
use std::io::BufRead;

/// One article to analyse: its text and whatever metadata came with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleInput {
    /// The article text (required, not empty).
    pub text: String,
    /// Identifier, carried into `article.id`.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// News organisation that published it.
    pub publisher: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Publication date: `YYYY-MM-DD` or an RFC 3339 date-time.
    pub published: Option<String>,
    /// Language (BCP 47 tag, e.g. `en`, `pt-BR`) when the caller knows it: it wins over
    /// detection. Only English is analysed; `en` forces the analysis of any text.
    pub language: Option<String>,
    /// The web page to read the article from, instead of `text`: its body becomes the text,
    /// and its title, bylines, publisher, canonical URL, language and publication date fill
    /// in what is not given here.
    pub html: Option<String>,
    /// Problems met while reading the input that did not stop it (a page whose bytes did not
    /// all decode); they become warnings of the document.
    pub warnings: Vec<InputWarning>,
}

/// A problem met while reading an input, reported as a warning of its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputWarning {
    /// Stable machine-readable code (`invalid_bytes_replaced`, `unknown_charset`, ...).
    pub code: &'static str,
    /// What happened, in words.
    pub message: String,
}

impl ArticleInput {
    /// An article with only its text.
    #[must_use]
    pub fn from_text(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }

    /// An article to be read from a web page (already decoded text).
    #[must_use]
    pub fn from_html(html: impl Into<String>) -> Self {
        Self { html: Some(html.into()), ..Self::default() }
    }

    /// An article to be read from a web page's bytes: gzip is undone, the character set is
    /// taken from `charset` (an HTTP header's), a byte order mark or the page's `<meta>`,
    /// else UTF-8; bytes that do not decode are replaced (U+FFFD) and a warning says so.
    ///
    /// # Errors
    /// [`Error::Gzip`] when the bytes are gzip data that is cut short or corrupt.
    pub fn from_html_bytes(bytes: &[u8], charset: Option<&str>) -> Result<Self, Error> {
        let bytes = decode::gunzip(bytes)?;
        let (html, warnings) = decode::html_to_string(&bytes, charset);
        Ok(Self { html: Some(html), warnings, ..Self::default() })
    }

    /// Reads one article object from JSON bytes (`{"text": ..., "id": ..., ...}`).
    /// Unknown fields are ignored, so annotated corpora can be fed as they are.
    ///
    /// # Errors
    /// Invalid UTF-8, malformed JSON, a value that is not an object, a missing `text`, or a
    /// field of the wrong type.
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() })?;
        Self::from_json_str(text)
    }

    /// Reads one article object from a JSON string. See [`ArticleInput::from_json_bytes`].
    ///
    /// # Errors
    /// As for [`ArticleInput::from_json_bytes`].
    pub fn from_json_str(json: &str) -> Result<Self, Error> {
        let value: Value = serde_json::from_str(json).map_err(|e| json_error(&e))?;
        Self::from_json_value(value)
    }

    /// Reads one article from an already parsed JSON value.
    ///
    /// # Errors
    /// As for [`ArticleInput::from_json_bytes`], except parsing.
    pub fn from_json_value(value: Value) -> Result<Self, Error> {
        let Value::Object(mut map) = value else {
            return Err(Error::NotAnObject { found: json_type(&value) });
        };
        let mut take = |field: &'static str| -> Result<Option<String>, Error> {
            match map.remove(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s)),
                // Numeric ids are common in exported datasets; keep their JSON spelling.
                Some(Value::Number(n)) if field == "id" => Ok(Some(n.to_string())),
                Some(other) => Err(Error::BadField { field, expected: "a string", found: json_type(&other) }),
            }
        };
        let text = take("text")?;
        let html = take("html")?;
        let text = match (text, &html) {
            (Some(_), Some(_)) => return Err(Error::TextAndHtml),
            (None, None) => return Err(Error::MissingText),
            (text, _) => text.unwrap_or_default(),
        };
        let id = take("id")?;
        let title = take("title")?;
        let url = take("url")?;
        let publisher = take("publisher")?;
        let published = take("published")?;
        let language = take("language")?;
        let authors = match map.remove("authors") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![s],
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    other => Err(Error::BadField {
                        field: "authors",
                        expected: "a string or a list of strings",
                        found: json_type(&other),
                    }),
                })
                .collect::<Result<_, _>>()?,
            Some(other) => {
                return Err(Error::BadField {
                    field: "authors",
                    expected: "a string or a list of strings",
                    found: json_type(&other),
                });
            }
        };
        Ok(Self { text, id, title, url, publisher, authors, published, language, html, warnings: Vec::new() })
    }

    /// Checks what must hold before analysis: non-empty text (or a page and no text), a
    /// well-formed date and language.
    ///
    /// # Errors
    /// [`Error::EmptyText`], [`Error::TextAndHtml`], [`Error::BadDate`] or [`Error::BadLanguage`].
    pub fn validate(&self) -> Result<(), Error> {
        match &self.html {
            Some(_) if !self.text.is_empty() => return Err(Error::TextAndHtml),
            Some(html) if html.trim().is_empty() => return Err(Error::EmptyText),
            Some(_) => {}
            None if self.text.trim().is_empty() => return Err(Error::EmptyText),
            None => {}
        }
        if let Some(p) = &self.published {
            parse_published(p)?;
        }
        if let Some(l) = &self.language {
            crate::language::normalize_tag(l)?;
        }
        Ok(())
    }
}

/// A publication date as given: the calendar date, and the full date-time if there was one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenDate {
    /// The calendar date (in the date-time's own offset, as written).
    pub date: jiff::civil::Date,
    /// The date-time as given, when it had a time of day.
    pub datetime: Option<String>,
}

/// Parses `YYYY-MM-DD` or an RFC 3339 date-time (`2017-12-17T14:30:00Z`,
/// `2017-12-17T14:30:00-05:00`); a date-time without an offset is accepted too.
///
/// # Errors
/// [`Error::BadDate`] naming the value.
pub fn parse_published(value: &str) -> Result<GivenDate, Error> {
    let v = value.trim();
    let bad = || Error::BadDate { value: value.to_string() };
    if v.len() == 10 {
        let date: jiff::civil::Date = v.parse().map_err(|_| bad())?;
        return Ok(GivenDate { date, datetime: None });
    }
    if let Ok(ts) = v.parse::<jiff::Timestamp>() {
        // Keep the calendar date as written in the given offset, not converted to UTC:
        // "2017-12-17T23:00:00-05:00" was published on the 17th where it was written.
        let offset = rfc3339_offset(v).ok_or_else(bad)?;
        let date = offset.to_datetime(ts).date();
        return Ok(GivenDate { date, datetime: Some(v.to_string()) });
    }
    if let Ok(dt) = v.parse::<jiff::civil::DateTime>() {
        return Ok(GivenDate { date: dt.date(), datetime: Some(v.to_string()) });
    }
    Err(bad())
}

fn rfc3339_offset(v: &str) -> Option<jiff::tz::Offset> {
    if v.ends_with(['Z', 'z']) {
        return Some(jiff::tz::Offset::UTC);
    }
    let tail = v.get(v.len().checked_sub(6)?..)?;
    let sign = match tail.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i32 = tail.get(1..3)?.parse().ok()?;
    let minutes: i32 = tail.get(4..6)?.parse().ok()?;
    jiff::tz::Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

/// The JSON type of a value, in words, for error messages.
#[must_use]
pub fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSON parse error as [`Error::Json`].
pub(crate) fn json_error(e: &serde_json::Error) -> Error {
    Error::Json { line: e.line(), column: e.column(), message: json_message(e) }
}

/// serde_json's message without its own " at line X column Y" suffix (we report those
/// separately).
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

/// One line of a JSON Lines batch: where it was, and the article or why it is not one.
#[derive(Debug)]
pub struct LineRecord {
    /// 1-based line number.
    pub line: usize,
    /// Bytes the line took in the input (with its line break), for progress reports.
    pub bytes: usize,
    /// The article, or why the line is not one.
    pub article: Result<ArticleInput, Error>,
    /// True when the input ended without a line break after this line (a batch cut short
    /// mid-write often looks like this).
    pub unterminated: bool,
}

/// Reads a JSON Lines batch (one article object per line) lazily, in bounded memory: one
/// line at a time, blank lines skipped. A bad line yields its error and reading goes on, so
/// one bad record never costs the good ones; a read error ends the batch with one last
/// record carrying it.
pub struct JsonLines<R> {
    reader: R,
    line: usize,
    done: bool,
    buf: Vec<u8>,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads from `reader`.
    pub fn new(reader: R) -> Self {
        Self { reader, line: 0, done: false, buf: Vec::new() }
    }

    /// Starts counting lines after `lines` already consumed (when a caller sniffed them).
    #[must_use]
    pub fn starting_after(mut self, lines: usize) -> Self {
        self.line = lines;
        self
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = LineRecord;

    fn next(&mut self) -> Option<LineRecord> {
        while !self.done {
            self.buf.clear();
            let n = match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    let article = Err(Error::Read { message: e.to_string() });
                    return Some(LineRecord { line: self.line, bytes: 0, article, unterminated: true });
                }
            };
            self.line += 1;
            let content = self.buf.trim_ascii();
            if content.is_empty() {
                continue;
            }
            let unterminated = !self.buf.ends_with(b"\n");
            let article = ArticleInput::from_json_bytes(content);
            return Some(LineRecord { line: self.line, bytes: n, article, unterminated });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_report_each_bad_line_and_keep_going() {
        let body = b"{\"text\": \"a\"}\n\n  \nnot json\n{\"id\": 1}\n{\"text\": \"caf\xe9\"}\n{\"text\": \"b\"}\n{\"text\": \"cut";
        let records: Vec<LineRecord> = JsonLines::new(&body[..]).collect();
        let summary: Vec<(usize, bool, bool)> =
            records.iter().map(|r| (r.line, r.article.is_ok(), r.unterminated)).collect();
        assert_eq!(
            summary,
            [
                (1, true, false),
                (4, false, false),
                (5, false, false),
                (6, false, false),
                (7, true, false),
                (8, false, true)
            ]
        );
        assert!(matches!(records[1].article, Err(Error::Json { .. })));
        assert_eq!(records[2].article.as_ref().err(), Some(&Error::MissingText));
        assert_eq!(records[3].article.as_ref().err(), Some(&Error::InvalidUtf8 { offset: 13 }));
    }

    #[test]
    fn dates_and_datetimes_parse_to_the_written_calendar_day() {
        assert_eq!(parse_published("2017-12-17").unwrap().date.to_string(), "2017-12-17");
        let late = parse_published("2017-12-17T23:30:00-05:00").unwrap();
        assert_eq!(late.date.to_string(), "2017-12-17");
        assert_eq!(late.datetime.as_deref(), Some("2017-12-17T23:30:00-05:00"));
        assert_eq!(parse_published("2017-12-17T10:00:00Z").unwrap().date.to_string(), "2017-12-17");
        assert_eq!(parse_published("2017-12-17T10:00:00").unwrap().date.to_string(), "2017-12-17");
    }

    #[test]
    fn bad_dates_are_rejected_with_the_value() {
        for v in ["2017-13-01", "17/12/2017", "yesterday", "", "2017-02-30"] {
            assert_eq!(parse_published(v), Err(Error::BadDate { value: v.to_string() }), "{v}");
        }
    }

    #[test]
    fn article_objects_report_what_is_wrong() {
        assert_eq!(ArticleInput::from_json_str("[1]"), Err(Error::NotAnObject { found: "an array" }));
        assert_eq!(ArticleInput::from_json_str(r#"{"id": "a"}"#), Err(Error::MissingText));
        assert!(matches!(ArticleInput::from_json_str(r#"{"text": 3}"#), Err(Error::BadField { field: "text", .. })));
        assert_eq!(ArticleInput::from_json_str(r#"{"text": "a", "html": "<p>b</p>"}"#), Err(Error::TextAndHtml));
        let page = ArticleInput::from_json_str(r#"{"html": "<p>b</p>", "url": "https://x.org/a"}"#).unwrap();
        assert_eq!((page.text.as_str(), page.html.as_deref()), ("", Some("<p>b</p>")));
        assert!(matches!(ArticleInput::from_json_str("{\"text\": "), Err(Error::Json { line: 1, .. })));
        assert_eq!(ArticleInput::from_json_bytes(b"{\"text\": \"a\xff\"}"), Err(Error::InvalidUtf8 { offset: 11 }));
        let a = ArticleInput::from_json_str(r#"{"text": "x", "id": 7, "authors": "A B", "extra": [1]}"#).unwrap();
        assert_eq!((a.id.as_deref(), a.authors), (Some("7"), vec!["A B".to_string()]));
    }
}
