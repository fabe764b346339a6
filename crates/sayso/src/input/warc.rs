//! WARC crawls (ISO 28500, as Common Crawl and CC-NEWS write them): a [`WarcReader`]
//! streams the records of a `.warc` or `.warc.gz` file one at a time, in bounded memory,
//! and turns each `response` (or `resource`) record with an HTML payload into an
//! [`ArticleInput`]: the page decoded by the charset of its HTTP header or `<meta>`, the
//! record's `WARC-Target-URI` as its url and its `WARC-Record-ID` as its id. Other records
//! are skipped and said to be ([`WarcItem::Skipped`]).
//!
//! A `.warc.gz` file is a series of gzip members, normally one per record; they are read
//! member by member, so a corrupt or truncated member costs its own record only: reading
//! goes on at the next member. A record whose `Content-Length` disagrees with its member (or,
//! uncompressed, with where the next record starts) is reported and skipped the same way.

use super::decode::GZIP_MAGIC;
use super::{ArticleInput, InputWarning};
use crate::error::Error;
use std::io::{self, BufRead, BufReader, Read};

/// Records larger than this are skipped (their payload is not kept in memory).
pub const MAX_RECORD: u64 = 64 << 20;

/// Longest header block of a record (the WARC headers, and the HTTP headers of a payload).
const MAX_HEADERS: usize = 64 << 10;

/// Where a record is in its file, and what it says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordInfo {
    /// 1-based number of the record in the file.
    pub number: usize,
    /// Byte offset of the record (of its gzip member, for `.warc.gz`) in the file.
    pub offset: u64,
    /// `WARC-Type`.
    pub kind: String,
    /// `WARC-Record-ID`, without its angle brackets.
    pub id: Option<String>,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// Bytes of the record's content block (its `Content-Length`).
    pub length: u64,
}

/// One item of a crawl.
#[derive(Debug)]
pub enum WarcItem {
    /// An HTML page, read into an article to analyse (its `html` set).
    Page {
        /// The record.
        record: RecordInfo,
        /// The article.
        article: Box<ArticleInput>,
    },
    /// A record that holds no HTML page (`warcinfo`, `request`, `metadata`, a redirect, an
    /// image...), and why.
    Skipped {
        /// The record.
        record: RecordInfo,
        /// Why it was skipped, in a few words (used to count skipped records by reason).
        reason: String,
    },
    /// A record or a stretch of the file that could not be read; reading goes on after it.
    Broken {
        /// The record, as far as it was read.
        record: RecordInfo,
        /// What was wrong.
        error: Error,
    },
}

/// Streams the items of a WARC file. Memory is bounded by the largest record kept
/// ([`MAX_RECORD`]), whatever the size of the file.
pub struct WarcReader<R: BufRead> {
    state: State<R>,
    gzip: Option<bool>,
    records: usize,
    /// The WARC version line found while resynchronising an uncompressed file.
    pending_version: Option<String>,
}

enum State<R: BufRead> {
    /// Between records of an uncompressed file, or between members of a compressed one.
    Raw(Counting<R>),
    /// Inside a gzip member.
    Member {
        member: Box<BufReader<flate2::bufread::GzDecoder<Counting<R>>>>,
        offset: u64,
    },
    Done,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads from `reader`; compression is recognised from the first bytes.
    pub fn new(reader: R) -> Self {
        Self { state: State::Raw(Counting { inner: reader, count: 0 }), gzip: None, records: 0, pending_version: None }
    }

    fn broken(&self, offset: u64, error: Error) -> WarcItem {
        let record = RecordInfo { number: self.records, offset, ..RecordInfo::default() };
        WarcItem::Broken { record, error }
    }

    /// The next item, or `None` at the end of the file.
    fn next_item(&mut self) -> Option<WarcItem> {
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return None,
                State::Raw(mut raw) => {
                    let gzip = match self.gzip {
                        Some(g) => g,
                        None => {
                            let head = match raw.fill_buf() {
                                Ok(h) => h,
                                Err(e) => return Some(self.broken(raw.count, read_error(&e))),
                            };
                            let g = head.starts_with(&GZIP_MAGIC[..2]);
                            self.gzip = Some(g);
                            g
                        }
                    };
                    if gzip {
                        // Between members: skip padding, stop at the end, resynchronise on junk.
                        let offset = raw.count;
                        match skip_to_member(&mut raw) {
                            Ok(0) => {}
                            Ok(skipped) => {
                                self.state = State::Raw(raw);
                                self.records += 1;
                                let message = format!("{skipped} bytes that are not a gzip member were skipped");
                                return Some(self.broken(offset, Error::Warc { message }));
                            }
                            Err(e) => return Some(self.broken(offset, read_error(&e))),
                        }
                        match raw.fill_buf() {
                            Ok([]) => return None,
                            Ok(_) => {}
                            Err(e) => return Some(self.broken(offset, read_error(&e))),
                        }
                        let offset = raw.count;
                        let member = Box::new(BufReader::with_capacity(1 << 16, flate2::bufread::GzDecoder::new(raw)));
                        self.state = State::Member { member, offset };
                        continue;
                    }
                    let offset = raw.count;
                    let pending = self.pending_version.take();
                    let parsed = read_record(&mut raw, pending);
                    match parsed {
                        Ok(None) => return None,
                        Ok(Some(rec)) => {
                            self.records += 1;
                            let item = self.finish(rec, offset, &mut raw, false);
                            if matches!(item, WarcItem::Broken { .. }) {
                                self.pending_version = resync_plain(&mut raw);
                            }
                            self.state = State::Raw(raw);
                            return Some(item);
                        }
                        Err(e) => {
                            self.records += 1;
                            let item = self.broken(offset, e.into_error(None));
                            self.pending_version = resync_plain(&mut raw);
                            self.state = State::Raw(raw);
                            return Some(item);
                        }
                    }
                }
                State::Member { mut member, offset } => {
                    match read_record(&mut *member, None) {
                        Ok(None) => {
                            // The member is done: on to the next one.
                            let raw = (*member).into_inner().into_inner();
                            self.state = State::Raw(raw);
                        }
                        Ok(Some(rec)) => {
                            self.records += 1;
                            let item = self.finish(rec, offset, &mut *member, true);
                            if matches!(item, WarcItem::Broken { .. }) {
                                // The rest of the member is not read as records; reading it
                                // to its end puts the file at the next member.
                                let _ = io::copy(&mut *member, &mut io::sink());
                                self.state = State::Raw((*member).into_inner().into_inner());
                            } else {
                                self.state = State::Member { member, offset };
                            }
                            return Some(item);
                        }
                        Err(e) => {
                            self.records += 1;
                            let item = self.broken(offset, e.into_error(Some(offset)));
                            self.state = State::Raw((*member).into_inner().into_inner());
                            return Some(item);
                        }
                    }
                }
            }
        }
    }

    /// Reads a record's block and what must follow it, and makes the item.
    fn finish(&self, rec: Header, offset: u64, input: &mut dyn BufRead, in_member: bool) -> WarcItem {
        let record = RecordInfo {
            number: self.records,
            offset,
            kind: rec.get("warc-type").unwrap_or_default().to_string(),
            id: rec.get("warc-record-id").map(|id| id.trim_start_matches('<').trim_end_matches('>').to_string()),
            url: rec.get("warc-target-uri").map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string()),
            length: rec.length,
        };
        let wanted = matches!(record.kind.as_str(), "response" | "resource");
        let keep = wanted && rec.length <= MAX_RECORD;
        let mut block = Vec::new();
        let read = if keep {
            block.reserve(usize::try_from(rec.length.min(1 << 24)).unwrap_or(0));
            input.take(rec.length).read_to_end(&mut block).map(|n| n as u64)
        } else {
            io::copy(&mut input.take(rec.length), &mut io::sink())
        };
        let read = match read {
            Ok(n) => n,
            Err(e) => {
                return WarcItem::Broken { record, error: HeaderError::Io(e).into_error(in_member.then_some(offset)) };
            }
        };
        if read < rec.length {
            let within = if in_member { "its gzip member" } else { "the file" };
            let message = format!(
                "record {} says its content is {} bytes (Content-Length) but {within} ends after {read}; the record is skipped",
                self.records, rec.length
            );
            return WarcItem::Broken { record, error: Error::Warc { message } };
        }
        if let Err(message) = expect_record_end(input) {
            let message = format!(
                "record {}: {message} after the {} bytes its Content-Length gives, so the length is wrong; the record is skipped",
                self.records, rec.length
            );
            return WarcItem::Broken { record, error: Error::Warc { message } };
        }
        if !wanted {
            let reason = if record.kind.is_empty() { "no WARC-Type".to_string() } else { record.kind.clone() };
            return WarcItem::Skipped { record, reason };
        }
        if !keep {
            let reason = format!("larger than {} MiB", MAX_RECORD >> 20);
            return WarcItem::Skipped { record, reason };
        }
        let content_type = rec.get("content-type").unwrap_or_default().to_ascii_lowercase();
        let payload = if content_type.starts_with("application/http") {
            match http_payload(&block) {
                Ok(p) => p,
                Err(reason) => return WarcItem::Skipped { record, reason },
            }
        } else {
            Payload { body: block, content_type: Some(content_type), charset: None, warning: None }
        };
        if !is_html(payload.content_type.as_deref(), &payload.body) {
            let reason = match payload.content_type.as_deref().and_then(|t| t.split(';').next()).map(str::trim) {
                Some(t) if !t.is_empty() => format!("not HTML ({t})"),
                _ => "not HTML".to_string(),
            };
            return WarcItem::Skipped { record, reason };
        }
        let (html, mut warnings) = super::decode::html_to_string(&payload.body, payload.charset.as_deref());
        warnings.extend(payload.warning);
        let article = ArticleInput {
            html: Some(html),
            id: record.id.clone(),
            url: record.url.clone(),
            warnings,
            ..ArticleInput::default()
        };
        WarcItem::Page { record, article: Box::new(article) }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = WarcItem;

    fn next(&mut self) -> Option<WarcItem> {
        self.next_item()
    }
}

/// Counts the bytes taken from a reader (offsets for messages).
struct Counting<R> {
    inner: R,
    count: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.count += amt as u64;
        self.inner.consume(amt);
    }
}

fn read_error(e: &io::Error) -> Error {
    Error::Read { message: e.to_string() }
}

/// Skips to the next gzip member: whitespace padding silently, anything else counted.
fn skip_to_member<R: BufRead>(raw: &mut Counting<R>) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = raw.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        if buf.len() >= 3 && buf.starts_with(&GZIP_MAGIC) {
            return Ok(skipped);
        }
        if buf.len() < 3 && buf.starts_with(&GZIP_MAGIC[..buf.len()]) {
            // Too few bytes to tell; the decoder will report a cut-short member.
            return Ok(skipped);
        }
        let junk = match memchr::memmem::find(buf, &GZIP_MAGIC) {
            Some(at) => at,
            // Keep the last two bytes: the magic may straddle the buffer's end.
            None => buf.len().saturating_sub(2).max(1),
        };
        let padding = buf[..junk].iter().all(|b| b.is_ascii_whitespace() || *b == 0);
        raw.consume(junk);
        if !padding {
            skipped += junk as u64;
        }
    }
}

/// After a broken record in an uncompressed file: skips to the next line that starts a
/// record, and returns it.
fn resync_plain<R: BufRead>(raw: &mut Counting<R>) -> Option<String> {
    let mut line = Vec::new();
    loop {
        line.clear();
        match raw.take(MAX_HEADERS as u64).read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        if line.starts_with(b"WARC/") {
            return Some(String::from_utf8_lossy(&line).trim().to_string());
        }
    }
}

/// A record's headers.
#[derive(Debug)]
struct Header {
    fields: Vec<(String, String)>,
    length: u64,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Why a record's header could not be read.
enum HeaderError {
    Io(io::Error),
    Malformed(String),
}

impl HeaderError {
    /// The error; `member` is the offset of the gzip member being read, if any.
    fn into_error(self, member: Option<u64>) -> Error {
        match (self, member) {
            (Self::Io(e), Some(at)) if e.kind() == io::ErrorKind::UnexpectedEof => Error::Gzip {
                message: format!(
                    "the gzip member at byte {at} is cut short (the file is truncated); the record in it is lost"
                ),
            },
            (Self::Io(e), Some(at)) if e.kind() == io::ErrorKind::InvalidData => Error::Gzip {
                message: format!("the gzip member at byte {at} is corrupt ({e}); reading goes on at the next member"),
            },
            (Self::Io(e), _) => read_error(&e),
            (Self::Malformed(message), _) => Error::Warc { message },
        }
    }
}

/// Reads a record's version line and headers; `None` at a clean end of input.
fn read_record(input: &mut dyn BufRead, pending_version: Option<String>) -> Result<Option<Header>, HeaderError> {
    let mut line = Vec::new();
    let version = if let Some(v) = pending_version {
        v
    } else {
        // Blank lines between records are tolerated.
        loop {
            line.clear();
            let n = input.take(MAX_HEADERS as u64).read_until(b'\n', &mut line).map_err(HeaderError::Io)?;
            if n == 0 {
                return Ok(None);
            }
            if !line.trim_ascii().is_empty() {
                break String::from_utf8_lossy(line.trim_ascii()).into_owned();
            }
        }
    };
    if !version.starts_with("WARC/") {
        let shown: String = version.chars().take(40).collect();
        return Err(HeaderError::Malformed(format!("expected a WARC record (`WARC/1.0`), found `{shown}`")));
    }
    let mut fields = Vec::new();
    let mut total = 0usize;
    loop {
        line.clear();
        let n = input.take(MAX_HEADERS as u64).read_until(b'\n', &mut line).map_err(HeaderError::Io)?;
        if n == 0 {
            return Err(HeaderError::Malformed("the input ends inside a record's headers".to_string()));
        }
        total += n;
        if total > MAX_HEADERS {
            return Err(HeaderError::Malformed(format!("record headers longer than {} KiB", MAX_HEADERS >> 10)));
        }
        let text = String::from_utf8_lossy(line.trim_ascii_end());
        if text.is_empty() {
            break;
        }
        if let Some((k, v)) = text.split_once(':') {
            fields.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let length = match fields.iter().find(|(k, _)| k == "content-length") {
        None => return Err(HeaderError::Malformed("a record without Content-Length".to_string())),
        Some((_, v)) => v.parse::<u64>().map_err(|_| {
            HeaderError::Malformed(format!("a record with a Content-Length that is not a number (`{v}`)"))
        })?,
    };
    Ok(Some(Header { fields, length }))
}

/// The two line breaks that end a record.
fn expect_record_end(input: &mut dyn BufRead) -> Result<(), String> {
    let mut seen = 0;
    while seen < 2 {
        let buf = input.fill_buf().map_err(|e| e.to_string())?;
        match buf.first() {
            // A member or file may end right after the block.
            None => return Ok(()),
            Some(b'\r') => input.consume(1),
            Some(b'\n') => {
                input.consume(1);
                seen += 1;
            }
            Some(_) => return Err("more content follows".to_string()),
        }
    }
    Ok(())
}

/// The body of an HTTP response and what its headers say about it.
struct Payload {
    body: Vec<u8>,
    content_type: Option<String>,
    charset: Option<String>,
    warning: Option<InputWarning>,
}

/// Splits an HTTP response into its headers and body (chunking and gzip/deflate undone).
fn http_payload(block: &[u8]) -> Result<Payload, String> {
    let head_end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)));
    let Some((head_len, body_start)) = head_end.filter(|(h, _)| *h <= MAX_HEADERS) else {
        return Err("HTTP headers not found".to_string());
    };
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default();
    let code = status.split_whitespace().nth(1).and_then(|c| c.parse::<u16>().ok());
    match code {
        Some(200..=299) => {}
        Some(c) => return Err(format!("HTTP status {c}")),
        None => return Err("no HTTP status line".to_string()),
    }
    let mut content_type = None;
    let mut encoding = None;
    let mut chunked = false;
    for l in lines {
        let Some((k, v)) = l.split_once(':') else { continue };
        let v = v.trim();
        match k.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(v.to_string()),
            "content-encoding" => encoding = Some(v.to_ascii_lowercase()),
            "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
            _ => {}
        }
    }
    let mut body = block[body_start..].to_vec();
    let mut warning = None;
    if chunked {
        // Crawlers usually store the body de-chunked and keep the header; take it as chunked
        // only when it reads as chunks.
        if let Some(joined) = dechunk(&body) {
            body = joined;
        }
    }
    match encoding.as_deref() {
        None | Some("identity" | "") => {}
        Some("gzip" | "x-gzip") if body.starts_with(&GZIP_MAGIC[..2]) => match super::decode::gunzip(&body) {
            Ok(b) => body = b.into_owned(),
            Err(e) => {
                warning = Some(InputWarning { code: "payload_not_decompressed", message: e.to_string() });
            }
        },
        Some("deflate") => {
            let mut out = Vec::new();
            if flate2::read::ZlibDecoder::new(&body[..])
                .take(super::decode::MAX_GUNZIPPED)
                .read_to_end(&mut out)
                .is_ok()
            {
                body = out;
            }
        }
        // Already decoded by the crawler (which kept the header), or unknown.
        Some(_) => {}
    }
    let charset = content_type.as_deref().and_then(|t| {
        t.split(';')
            .skip(1)
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
            .map(|(_, v)| v.trim().trim_matches(['"', '\'']).to_string())
    });
    let content_type = content_type.map(|t| t.to_ascii_lowercase());
    Ok(Payload { body, content_type, charset, warning })
}

/// A chunked body joined, or `None` when it is not one.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let line_end = memchr::memchr(b'\n', rest)?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?.trim();
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = &rest[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n")).unwrap_or(rest);
    }
}

/// Whether a payload is an HTML page: by its media type, or, without one, by its start.
fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    let essence = content_type.and_then(|t| t.split(';').next()).map(str::trim).unwrap_or("");
    match essence {
        "text/html" | "application/xhtml+xml" => true,
        "" | "application/octet-stream" | "unk" | "text/plain" => {
            let start = body.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &body[i..]);
            let head: Vec<u8> = start.iter().take(15).map(u8::to_ascii_lowercase).collect();
            head.starts_with(b"<!doctype html") || head.starts_with(b"<html") || head.starts_with(b"<head")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, id: &str, url: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn response(content_type: &str, body: &[u8]) -> Vec<u8> {
        let mut r =
            format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len())
                .into_bytes();
        r.extend_from_slice(body);
        r
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    const PAGE: &[u8] = b"<html><body><article><p>The council met on Tuesday, and after a long debate, members voted for the plan.</p></article></body></html>";

    fn crawl() -> Vec<Vec<u8>> {
        vec![
            b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ninfo\r\n\r\n".to_vec(),
            record("response", "1", "https://news.example/a", &response("text/html; charset=utf-8", PAGE)),
            record("response", "2", "https://news.example/logo.png", &response("image/png", b"\x89PNG")),
            record("response", "3", "https://news.example/b", &response("text/html", PAGE)),
        ]
    }

    fn summary(items: &[WarcItem]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                WarcItem::Page { record, .. } => format!("page {}", record.id.as_deref().unwrap_or("?")),
                WarcItem::Skipped { reason, .. } => format!("skip {reason}"),
                WarcItem::Broken { .. } => "broken".to_string(),
            })
            .collect()
    }

    #[test]
    fn pages_are_read_and_other_records_skipped_plain_and_gzipped() {
        let plain: Vec<u8> = crawl().concat();
        let gzipped: Vec<u8> = crawl().iter().flat_map(|r| gz(r)).collect();
        for bytes in [plain, gzipped] {
            let items: Vec<WarcItem> = WarcReader::new(&bytes[..]).collect();
            assert_eq!(
                summary(&items),
                ["skip warcinfo", "page urn:uuid:1", "skip not HTML (image/png)", "page urn:uuid:3"]
            );
            let WarcItem::Page { article, record } = &items[1] else { panic!() };
            assert_eq!(article.url.as_deref(), Some("https://news.example/a"));
            assert_eq!(article.id.as_deref(), Some("urn:uuid:1"));
            assert_eq!(article.html.as_deref().map(str::as_bytes), Some(PAGE));
            assert_eq!(record.number, 2);
        }
    }

    #[test]
    fn a_truncated_member_costs_only_its_record() {
        let records = crawl();
        let mut bytes = Vec::new();
        for (k, r) in records.iter().enumerate() {
            let member = gz(r);
            // The page record's member is cut short; the next member starts right after.
            bytes.extend_from_slice(if k == 1 { &member[..member.len() / 2] } else { &member });
        }
        let items: Vec<WarcItem> = WarcReader::new(&bytes[..]).collect();
        let s = summary(&items);
        assert_eq!(s.first().map(String::as_str), Some("skip warcinfo"));
        assert_eq!(s.last().map(String::as_str), Some("page urn:uuid:3"), "{s:?}");
        assert!(s.contains(&"broken".to_string()), "{s:?}");
        let truncated_at_end: Vec<u8> = records.iter().flat_map(|r| gz(r)).collect();
        let cut = &truncated_at_end[..truncated_at_end.len() - 20];
        let items: Vec<WarcItem> = WarcReader::new(cut).collect();
        let s = summary(&items);
        assert_eq!(&s[..3], ["skip warcinfo", "page urn:uuid:1", "skip not HTML (image/png)"]);
        let WarcItem::Broken { error, .. } = &items[3] else { panic!("{s:?}") };
        assert!(error.to_string().contains("cut short"), "{error}");
    }

    #[test]
    fn a_wrong_content_length_is_reported_and_reading_goes_on() {
        for delta in [-7i64, 9] {
            let mut records = crawl();
            let good = String::from_utf8_lossy(&records[1]).into_owned();
            let len: i64 =
                good.split("Content-Length: ").nth(1).unwrap().split("\r\n").next().unwrap().parse().unwrap();
            records[1] = good
                .replacen(&format!("Content-Length: {len}"), &format!("Content-Length: {}", len + delta), 1)
                .into_bytes();
            for gzipped in [false, true] {
                let bytes: Vec<u8> =
                    if gzipped { records.iter().flat_map(|r| gz(r)).collect() } else { records.concat() };
                let items: Vec<WarcItem> = WarcReader::new(&bytes[..]).collect();
                let s = summary(&items);
                assert_eq!(s[0], "skip warcinfo", "{delta} {gzipped}");
                assert_eq!(s[1], "broken", "{delta} {gzipped}: {s:?}");
                assert_eq!(s.last().map(String::as_str), Some("page urn:uuid:3"), "{delta} {gzipped}: {s:?}");
                let WarcItem::Broken { error, .. } = &items[1] else { panic!() };
                assert!(error.to_string().contains("Content-Length"), "{error}");
            }
        }
    }

    #[test]
    fn http_payloads_are_dechunked_and_decompressed_and_redirects_skipped() {
        let chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>ab\r\n4\r\n</p>\r\n0\r\n\r\n";
        assert_eq!(http_payload(chunked).ok().map(|p| p.body), Some(b"<p>ab</p>".to_vec()));
        let mut zipped =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        zipped.extend(gz(b"<p>caf\xe9</p>"));
        let p = http_payload(&zipped).ok().unwrap();
        assert_eq!((p.body.as_slice(), p.charset.as_deref()), (&b"<p>caf\xe9</p>"[..], Some("ISO-8859-1")));
        assert_eq!(
            http_payload(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n").err().as_deref(),
            Some("HTTP status 301")
        );
    }
}
