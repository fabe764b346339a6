//! Errors for bad input. Every variant's message is one clear line a user can act on; the
//! front ends add where the input came from (file, line) and map the error to an exit code,
//! an HTTP problem or a Python exception.

/// Why an article could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input could not be read.
    #[error("cannot read the input: {message}")]
    Read {
        /// The I/O error, in words.
        message: String,
    },
    /// The input is not well-formed JSON.
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line of the error inside the JSON text.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The JSON value is not an article object.
    #[error("expected an article object like {{\"text\": \"...\"}}, found {found}")]
    NotAnObject {
        /// The JSON type found instead (array, string, number, ...).
        found: &'static str,
    },
    /// The article object has no `text` field (and no `html`).
    #[error("missing field `text` (the article text is required, or the web page as `html`)")]
    MissingText,
    /// The article object has both `text` and `html`.
    #[error("give the article as `text` or as a web page in `html`, not both")]
    TextAndHtml,
    /// The web page holds no article text.
    #[error("no article in the page: {reason}")]
    NoArticle {
        /// Why, in words (an index page, too little text).
        reason: String,
    },
    /// A WARC record that cannot be read (a bad header, a wrong length).
    #[error("malformed WARC: {message}")]
    Warc {
        /// What is wrong, and where.
        message: String,
    },
    /// Gzip data that is cut short or corrupt.
    #[error("cannot decompress: {message}")]
    Gzip {
        /// What went wrong.
        message: String,
    },
    /// A field of the article object has the wrong type.
    #[error("field `{field}` must be {expected}, found {found}")]
    BadField {
        /// The field's name.
        field: &'static str,
        /// What it must be.
        expected: &'static str,
        /// What it was.
        found: &'static str,
    },
    /// The article text is empty or only whitespace.
    #[error("empty text: the article has no characters to analyse")]
    EmptyText,
    /// JSON that is not a sayso Document (given where one is expected: `sayso view`).
    #[error("not a sayso Document: {reason}")]
    NotADocument {
        /// What is missing or wrong, in words.
        reason: String,
    },
    /// A publication date that is neither a date (`2017-12-17`) nor an RFC 3339 date-time.
    #[error("bad date `{value}`: expected YYYY-MM-DD or an RFC 3339 date-time such as 2017-12-17T14:30:00Z")]
    BadDate {
        /// The value given.
        value: String,
    },
    /// A language that is not a BCP 47 tag (nor the English name of a language).
    #[error("bad language `{value}`: expected a BCP 47 tag such as en, de or pt-BR")]
    BadLanguage {
        /// The value given.
        value: String,
    },
    /// A line of an actor dictionary (PETRARCH's format) that cannot be read.
    #[error("actor file, line {line}: {message}")]
    ActorFile {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}
