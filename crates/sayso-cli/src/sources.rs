//! Reading articles from the command line's PATHs: `.txt` files, `.json` article objects,
//! `.jsonl` batches and standard input, as one lazy stream of records so a batch of any size
//! runs in bounded memory. Each record remembers where it came from, so an error can name
//! the file and line.

use sayso::{ArticleInput, Error};
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Where a record came from: a file (or standard input) and, in JSON Lines, a line.
#[derive(Debug, Clone)]
pub struct Origin {
    pub name: String,
    pub line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.name),
            None => f.write_str(&self.name),
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
}

impl Format {
    /// What a file's name says its content is; `None` when it must be sniffed.
    fn from_path(path: &str) -> Option<Self> {
        let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Self::Text),
            "json" => Some(Self::Json),
            "jsonl" | "ndjson" => Some(Self::Lines),
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
        let stem = Path::new(path).file_stem().and_then(|s| s.to_str()).map(str::to_string);
        (path.to_string(), stem, Box::new(BufReader::with_capacity(1 << 16, file)))
    };
    let mut source = Source { name, stem, reader, format: Format::Text, head: Vec::new() };
    source.format = match Format::from_path(path) {
        Some(f) => f,
        None => source.sniff().map_err(|e| format!("cannot read {}: {}", source.name, io_reason(&e)))?,
    };
    Ok(source)
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
    fn sniff(&mut self) -> io::Result<Format> {
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
            Format::Text | Format::Json => Box::new(std::iter::once_with(move || self.whole())),
        }
    }

    fn whole(mut self) -> Record {
        let origin = Origin { name: self.name.clone(), line: None };
        let mut bytes = std::mem::take(&mut self.head);
        if let Err(e) = self.reader.read_to_end(&mut bytes) {
            return Record { origin, article: Err(format!("cannot read: {}", io_reason(&e))), bytes: 0 };
        }
        let size = bytes.len() as u64;
        let article = match self.format {
            Format::Text => String::from_utf8(bytes)
                .map(ArticleInput::from_text)
                .map_err(|e| Error::InvalidUtf8 { offset: e.utf8_error().valid_up_to() }.to_string()),
            _ => ArticleInput::from_json_bytes(&bytes).map_err(|e| e.to_string()),
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
        let origin = Origin { name: self.name.clone(), line: Some(r.line) };
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
