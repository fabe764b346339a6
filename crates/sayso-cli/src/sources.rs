//! Reading articles from the command line's PATHs: `.txt` files, `.json` article objects,
//! `.jsonl` batches, web pages (`.html`, `.htm`, also gzipped), WARC crawls (`.warc`,
//! `.warc.gz`) and standard input, as one lazy stream of records so a batch of any size runs
//! in bounded memory. Each record remembers where it came from, so an error can name the
//! file and line or record.

use sayso::input::warc::{WarcItem, WarcReader};
use sayso::{ArticleInput, Error};
use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Where a record came from: a file (or standard input) and, in JSON Lines, a line, or in a
/// WARC file, a record.
#[derive(Debug, Clone)]
pub struct Origin {
    pub name: String,
    pub line: Option<usize>,
    /// The WARC record, in words ("record 17 (urn:uuid:...)").
    pub record: Option<String>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, &self.record) {
            (Some(l), _) => write!(f, "{}:{l}", self.name),
            (None, Some(r)) => write!(f, "{}, {r}", self.name),
            (None, None) => f.write_str(&self.name),
        }
    }
}

/// One article to analyse, or why it could not be read.
pub struct Record {
    pub origin: Origin,
    pub article: Result<ArticleInput, String>,
    /// Size of the record's bytes in the input, for progress.
    pub bytes: u64,
}

/// How a source's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The whole source is one article's plain text.
    Text,
    /// The whole source is one article object.
    Json,
    /// One article object per line.
    Lines,
    /// The whole source is one web page.
    Html,
    /// A WARC crawl: one article per HTML response record.
    Warc,
}

/// The extensions a file name ends with, lowercase, `.gz` set apart: `page.html.gz` gives
/// `("html", true)`.
fn extension(path: &str) -> (String, bool) {
    let lower = path.to_ascii_lowercase();
    let (inner, gz) = match lower.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (lower, false),
    };
    let ext = Path::new(&inner).extension().and_then(|e| e.to_str()).unwrap_or("").to_string();
    (ext, gz)
}

impl Format {
    /// What a file's name says its content is; `None` when it must be sniffed.
    fn from_path(path: &str) -> Option<Self> {
        match extension(path).0.as_str() {
            "txt" | "text" => Some(Self::Text),
            "json" => Some(Self::Json),
            "jsonl" | "ndjson" => Some(Self::Lines),
            "html" | "htm" | "xhtml" | "shtml" => Some(Self::Html),
            "warc" => Some(Self::Warc),
            _ => None,
        }
    }
}

/// An opened source, its format settled.
pub struct Source {
    name: String,
    /// Default article id: the file name without its extension.
    stem: Option<String>,
    reader: Box<dyn BufRead + Send>,
    pub format: Format,
    /// Bytes already taken from `reader` while sniffing, to be read first.
    head: Vec<u8>,
}

/// Opens a PATH (`-` is standard input) and settles its format: by extension, else by its
/// first non-blank byte (`{` is JSON; then a first line that is a whole object followed by
/// more makes it JSON Lines).
pub fn open(path: &str) -> Result<Source, String> {
    let (name, stem, reader): (String, Option<String>, Box<dyn BufRead + Send>) = if path == "-" {
        ("<stdin>".to_string(), None, Box::new(BufReader::new(io::stdin())))
    } else {
        let file = File::open(path).map_err(|e| format!("cannot read {path}: {}", io_reason(&e)))?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(format!("cannot read {path}: it is a directory"));
        }
        (path.to_string(), Some(stem(path)), Box::new(BufReader::with_capacity(1 << 16, file)))
    };
    let mut source = Source { name, stem, reader, format: Format::Text, head: Vec::new() };
    let (_, gz) = extension(path);
    source.format = match Format::from_path(path) {
        // A gzipped batch is read as it streams, like a plain one.
        Some(Format::Lines) if gz => {
            source.reader = Box::new(sayso::input::decode::gunzip_reader(source.reader));
            Format::Lines
        }
        Some(f) => f,
        None => source.sniff().map_err(|e| format!("cannot read {}: {}", source.name, io_reason(&e)))?,
    };
    Ok(source)
}

/// An article id from a file name: the name without its extensions (`a.html.gz` gives `a`).
fn stem(path: &str) -> String {
    let name = Path::new(path).file_name().and_then(|s| s.to_str()).unwrap_or(path);
    let (ext, gz) = extension(name);
    let mut stem = name;
    if gz {
        stem = &stem[..stem.len() - 3];
    }
    if !ext.is_empty() {
        stem = &stem[..stem.len() - ext.len() - 1];
    }
    stem.to_string()
}

/// The reason of an I/O error without Rust's "(os error 2)" suffix.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            s.find(" (os error").map_or(s.clone(), |i| s[..i].to_string())
        }
    }
}

impl Source {
    /// Sniffs compressed input and web input from the first bytes, the rest from the first
    /// line.
    fn sniff(&mut self) -> io::Result<Format> {
        let head = self.reader.fill_buf()?;
        let peek = if head.starts_with(&sayso::input::decode::GZIP_MAGIC[..2]) {
            sayso::input::decode::gzip_head(head, 64)
        } else {
            head[..head.len().min(64)].to_vec()
        };
        let start = peek.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &peek[i..]);
        if start.starts_with(b"WARC/") {
            return Ok(Format::Warc);
        }
        if start.starts_with(b"<") {
            return Ok(Format::Html);
        }
        if head.starts_with(&sayso::input::decode::GZIP_MAGIC[..2]) {
            // Gzipped text or JSON: read whole and decompressed (see `whole`).
            return Ok(if start.starts_with(b"{") { Format::Json } else { Format::Text });
        }
        self.sniff_lines()
    }

    fn sniff_lines(&mut self) -> io::Result<Format> {
        // Read the first line (keeping it), skipping leading blank lines.
        loop {
            let mut line = Vec::new();
            let n = self.reader.read_until(b'\n', &mut line)?;
            self.head.extend_from_slice(&line);
            if n == 0 {
                return Ok(Format::Text);
            }
            let trimmed = line.trim_ascii();
            if trimmed.is_empty() {
                continue;
            }
            if trimmed[0] != b'{' {
                return Ok(Format::Text);
            }
            let whole_object = serde_json::from_slice::<serde_json::Value>(trimmed).is_ok_and(|v| v.is_object());
            if !whole_object {
                return Ok(Format::Json);
            }
            // One complete object on the first line: JSON Lines if anything but blanks follows.
            let rest = self.reader.fill_buf()?;
            let more = rest.iter().any(|b| !b.is_ascii_whitespace());
            return Ok(if more { Format::Lines } else { Format::Json });
        }
    }

    /// The source's records, read lazily.
    pub fn records(self) -> Box<dyn Iterator<Item = Record> + Send> {
        match self.format {
            Format::Lines => {
                let head = io::Cursor::new(self.head);
                let reader: Box<dyn BufRead + Send> = Box::new(head.chain(self.reader));
                let lines = sayso::input::JsonLines::new(reader);
                Box::new(LineRecords { name: self.name, stem: self.stem, lines })
            }
            Format::Warc => {
                let head = io::Cursor::new(self.head);
                let reader: Box<dyn BufRead + Send> = Box::new(head.chain(self.reader));
                Box::new(WarcRecords {
                    name: self.name,
                    reader: WarcReader::new(reader),
                    pages: 0,
                    skipped: BTreeMap::new(),
                    done: false,
                })
            }
            Format::Text | Format::Json | Format::Html => Box::new(std::iter::once_with(move || self.whole())),
        }
    }

    fn whole(mut self) -> Record {
        let origin = Origin { name: self.name.clone(), line: None, record: None };
        let mut bytes = std::mem::take(&mut self.head);
        if let Err(e) = self.reader.read_to_end(&mut bytes) {
            return Record { origin, article: Err(format!("cannot read: {}", io_reason(&e))), bytes: 0 };
        }
        let size = bytes.len() as u64;
        let article = match self.format {
            Format::Html => ArticleInput::from_html_bytes(&bytes, None).map_err(|e| e.to_string()),
            _ => match sayso::input::decode::gunzip(&bytes) {
                Err(e) => Err(e.to_string()),
                Ok(plain) if self.format == Format::Text => std::str::from_utf8(&plain)
                    .map(ArticleInput::from_text)
                    .map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() }.to_string()),
                Ok(plain) => ArticleInput::from_json_bytes(&plain).map_err(|e| e.to_string()),
            },
        };
        let stem = self.stem.clone();
        Record { origin, article: article.map(|a| with_default_id(a, stem)), bytes: size }
    }
}

fn with_default_id(mut a: ArticleInput, id: Option<String>) -> ArticleInput {
    if a.id.is_none() {
        a.id = id;
    }
    a
}

/// Adapts the core's JSON Lines reader: the sniffed head (whole lines) first, then the rest.
struct LineRecords {
    name: String,
    stem: Option<String>,
    lines: sayso::input::JsonLines<Box<dyn BufRead + Send>>,
}

impl Iterator for LineRecords {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let r = self.lines.next()?;
        let origin = Origin { name: self.name.clone(), line: Some(r.line), record: None };
        let article = r.article.map_err(|e| {
            let mut msg = match e {
                Error::InvalidUtf8 { offset } => format!("invalid UTF-8 at byte {offset} of the line"),
                other => other.to_string(),
            };
            if r.unterminated {
                msg.push_str(" (the file ends in the middle of this line)");
            }
            msg
        });
        let default_id = self.stem.as_ref().map(|s| format!("{s}:{}", r.line));
        Some(Record { origin, article: article.map(|a| with_default_id(a, default_id)), bytes: r.bytes as u64 })
    }
}

/// Adapts the core's WARC reader: pages become records, records that are no page are
/// counted, and a summary goes to standard error at the end.
struct WarcRecords {
    name: String,
    reader: WarcReader<Box<dyn BufRead + Send>>,
    pages: usize,
    skipped: BTreeMap<String, usize>,
    done: bool,
}

impl Iterator for WarcRecords {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            let Some(item) = self.reader.next() else {
                if !self.done {
                    self.done = true;
                    self.summary();
                }
                return None;
            };
            let (info, article) = match item {
                WarcItem::Skipped { reason, .. } => {
                    *self.skipped.entry(reason).or_default() += 1;
                    continue;
                }
                WarcItem::Page { record, article } => {
                    self.pages += 1;
                    (record, Ok(*article))
                }
                WarcItem::Broken { record, error } => (record, Err(error.to_string())),
            };
            let record = match &info.id {
                Some(id) => format!("record {} ({id})", info.number),
                None => format!("record {} at byte {}", info.number, info.offset),
            };
            let default_id = format!("{}:{}", self.name, info.number);
            let origin = Origin { name: self.name.clone(), line: None, record: Some(record) };
            let article = article.map(|a| with_default_id(a, Some(default_id)));
            return Some(Record { origin, article, bytes: info.length });
        }
    }
}

impl WarcRecords {
    fn summary(&self) {
        let skipped: usize = self.skipped.values().sum();
        let mut line = format!("sayso: {}: {} HTML page(s) read", self.name, self.pages);
        if skipped > 0 {
            let reasons: Vec<String> = self.skipped.iter().map(|(r, n)| format!("{r}: {n}")).collect();
            line.push_str(&format!(", {skipped} record(s) skipped as no HTML page ({})", reasons.join(", ")));
        }
        eprintln!("{line}");
    }
}
