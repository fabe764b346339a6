//! sayso reads news articles and writes down, as structured and verifiable records, who
//! says what happened: the entities in an article, every attributed claim with its source
//! and cue, the events those claims report, and every time expression normalised to a
//! calendar value — each record pointing back to the exact characters it came from, and
//! each claim and event carrying its say-so chain up to the publisher.
//!
//! ```
//! let article = sayso::ArticleInput::from_text("The AP reported Friday that police arrested seven people.");
//! let doc = sayso::extract(article, &sayso::Options::default())?;
//! assert_eq!(doc.schema_version, sayso::SCHEMA_VERSION);
//! # Ok::<(), sayso::Error>(())
//! ```
//!
//! The pipeline runs stages in order over one [`Analysis`]: [`input`], [`language`], [`text`],
//! [`syntax`], [`embeds`], [`time`], [`entities`], [`claims`], [`events`]; the [`Document`] is
//! then assembled from the layers. [`view`] renders a finished Document as HTML for people.

pub mod analysis;
mod assemble;
mod calendar;
pub mod claims;
pub mod embeds;
pub mod entities;
mod error;
pub mod events;
pub mod export;
mod fnv;
pub mod input;
mod json;
pub mod language;
mod learn;
pub mod offsets;
pub mod schema;
pub mod syntax;
pub mod text;
pub mod time;
pub mod verify;
pub mod view;
mod wordlist;

pub use analysis::Analysis;
pub use error::Error;
pub use input::ArticleInput;
pub use schema::{Document, OffsetUnit, SCHEMA_VERSION};

/// The sayso version, written into every document's `producer`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// How to analyse and write an article.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The unit of every offset in the output document.
    pub offsets: OffsetUnit,
    /// The user's actor dictionary (PETRARCH's format, [`events::ActorDictionary::parse`]),
    /// looked up before sayso's own when events' participants get their CAMEO actor codes:
    /// it adds actors and overrides sayso's entries for the same phrase. Shared, as one
    /// dictionary serves every article of a batch.
    pub actors: Option<std::sync::Arc<events::ActorDictionary>>,
}

impl Options {
    /// These options with span offsets counted in `unit`.
    #[must_use]
    pub fn with_offsets(mut self, unit: OffsetUnit) -> Self {
        self.offsets = unit;
        self
    }

    /// These options with the user's actor dictionary.
    #[must_use]
    pub fn with_actors(mut self, actors: std::sync::Arc<events::ActorDictionary>) -> Self {
        self.actors = Some(actors);
        self
    }
}

/// Runs every stage over an article and returns the analysis (the layers before assembly).
///
/// # Errors
/// Empty text, a malformed publication date or language.
pub fn analyze(input: ArticleInput) -> Result<Analysis, Error> {
    analyze_with(input, &Options::default())
}

/// [`analyze`] with options (the user's actor dictionary; offsets apply only to documents).
///
/// # Errors
/// Empty text or a malformed publication date.
pub fn analyze_with(input: ArticleInput, options: &Options) -> Result<Analysis, Error> {
    let mut a = prepare(input)?;
    analyse_english(&mut [&mut a], options);
    Ok(a)
}

/// [`analyze_with`] over a batch of articles: the same analyses, in input order, each
/// article's error in its place.
///
/// The stages run one after another over the whole batch (every article's syntax, then every
/// article's times, ...) rather than article by article, so that each stage's weight tables
/// and lexicons stay in the processor's caches across articles instead of evicting each
/// other at every article: about a sixth less time for the same instructions (measured in
/// docs/performance.md, "Outside the stages"). Batches of about 16 articles take all of that;
/// larger ones only hold more analyses in memory.
#[must_use]
pub fn analyze_batch(inputs: Vec<ArticleInput>, options: &Options) -> Vec<Result<Analysis, Error>> {
    let mut analyses: Vec<Result<Analysis, Error>> = inputs.into_iter().map(prepare).collect();
    let mut batch: Vec<&mut Analysis> = analyses.iter_mut().filter_map(|a| a.as_mut().ok()).collect();
    analyse_english(&mut batch, options);
    analyses
}

/// The stages every article goes through, whatever its language: input validation, its web
/// page, metadata, language, text and embeds.
fn prepare(input: ArticleInput) -> Result<Analysis, Error> {
    input.validate()?;
    let mut a = Analysis::default();
    let mut meta = input;
    let mut page_date = None;
    if let Some(html) = meta.html.take() {
        page_date = read_page(&mut a, &mut meta, html)?;
    }
    a.text = std::mem::take(&mut meta.text);
    if let Some(p) = &meta.published {
        let given = input::parse_published(p)?;
        a.published = Some(time::PublishedRec {
            date: given.date,
            datetime: given.datetime,
            source: schema::PublishedSource::Given,
            confidence: 1.0,
            evidence: None,
            reason: None,
        });
    } else {
        a.published = page_date;
    }
    for w in std::mem::take(&mut meta.warnings) {
        a.warn(w.code, w.message, None);
    }
    a.meta = meta;
    language::run(&mut a);
    // Text and embeds are kept for every language: a reader of a skipped article still gets
    // its paragraphs' links and posts.
    text::run(&mut a);
    embeds::run(&mut a);
    if !a.language.analysed {
        // The text stage pairs quotation marks by English conventions (a German „...“ looks
        // unclosed to it); its notes on a text nobody analysed would only be noise.
        a.warnings.retain(|w| w.code == language::NOT_ANALYSED || w.code == language::PAGE_DISAGREES);
    }
    Ok(a)
}

/// The stages after embeds, over the prepared articles that are analysed: each stage over
/// every article before the next stage (see [`analyze_batch`]).
fn analyse_english(batch: &mut [&mut Analysis], options: &Options) {
    // Only English is parsed: the model is English's, and nothing reads a skipped article's
    // parse.
    let stages: [&dyn Fn(&mut Analysis); 5] =
        [&syntax::run, &time::run, &entities::run, &claims::run, &|a| events::run_with(a, options.actors.as_deref())];
    for stage in stages {
        for a in batch.iter_mut().filter(|a| a.language.analysed) {
            stage(a);
        }
    }
}

/// Reads the article of a web page into `meta` (its body as the text; title, bylines,
/// publisher, URL and language where the caller gave none) and `a.page`; returns the
/// publication date the page gives.
fn read_page(a: &mut Analysis, meta: &mut ArticleInput, html: String) -> Result<Option<time::PublishedRec>, Error> {
    let page = input::html::read(&html, meta.url.as_deref())?;
    meta.text = page.text;
    if meta.title.is_none() {
        meta.title = page.title;
    }
    if meta.authors.is_empty() {
        meta.authors = page.authors;
    }
    if meta.publisher.is_none() {
        meta.publisher = page.publisher;
    }
    if meta.url.is_none() {
        meta.url.clone_from(&page.canonical_url);
    }
    if page.flattened {
        a.warn(
            "html_flattened",
            format!("the page nests elements more than {} deep; deeper ones were read as one", input::html::MAX_DEPTH),
            None,
        );
    }
    let language = page.language.and_then(|l| language::normalize_tag(&l).ok());
    a.page =
        Some(analysis::PageSource { html, source_map: page.source_map, canonical_url: page.canonical_url, language });
    let day = page.published_day.and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let date = page.published.and_then(|value| {
        let given = input::parse_published(&value).ok()?;
        Some(time::PublishedRec {
            date: day.unwrap_or(given.date),
            datetime: given.datetime,
            source: schema::PublishedSource::Html,
            confidence: page.published_confidence,
            evidence: None,
            reason: page.published_reason,
        })
    });
    Ok(date)
}

/// Analyses one article and returns its document.
///
/// # Errors
/// Empty text, a malformed publication date or language.
pub fn extract(input: ArticleInput, options: &Options) -> Result<Document, Error> {
    let a = analyze_with(input, options)?;
    Ok(assemble::document(&a, options.offsets))
}

/// [`extract`] over a batch of articles: the same documents, in input order, each article's
/// error in its place; faster than one [`extract`] per article (see [`analyze_batch`]).
#[must_use]
pub fn extract_batch(inputs: Vec<ArticleInput>, options: &Options) -> Vec<Result<Document, Error>> {
    analyze_batch(inputs, options).into_iter().map(|a| a.map(|a| assemble::document(&a, options.offsets))).collect()
}

/// Tags, lemmatises and parses an article and writes it as CoNLL-U (Universal Dependencies'
/// format; see [`syntax::conllu`]), the document named by the article's id. Only the text and
/// syntax stages run.
///
/// # Errors
/// Empty text or a malformed publication date.
pub fn parse(mut input: ArticleInput) -> Result<String, Error> {
    input.validate()?;
    // A web page is parsed as its article body, the text `extract` would analyse.
    let text = match input.html.take() {
        Some(html) => input::html::read(&html, input.url.as_deref())?.text,
        None => input.text,
    };
    let mut a = Analysis { text, ..Analysis::default() };
    text::run(&mut a);
    syntax::run(&mut a);
    let mut out = String::with_capacity(a.text.len() * 8);
    syntax::conllu::write(&a, input.id.as_deref().unwrap_or(""), &mut out);
    Ok(out)
}

/// The JSON Schema (draft 2020-12) of [`Document`]: what `schema/sayso-v1.schema.json`
/// holds.
#[must_use]
pub fn json_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Document).to_value();
    if let Some(obj) = schema.as_object_mut() {
        obj.insert(
            "$id".to_string(),
            serde_json::Value::String(format!("https://sayso.dev/schema/sayso-v{}.schema.json", major_version())),
        );
    }
    schema
}

/// The JSON Schema as the pretty-printed text checked in under `schema/`.
#[must_use]
pub fn json_schema_string() -> String {
    let mut s = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// The schema's major version (`1`).
#[must_use]
pub fn major_version() -> &'static str {
    SCHEMA_VERSION.split('.').next().unwrap_or(SCHEMA_VERSION)
}

/// A document as pretty-printed JSON (what one article in gives), with a final newline.
#[must_use]
pub fn to_json_pretty(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
}

/// A document as one line of JSON (JSON Lines output), without the newline.
#[must_use]
pub fn to_json_line(doc: &Document) -> String {
    // Byte-identical to `serde_json::to_string` (see `json`), which is also the fallback for
    // anything the fast writer leaves to it. The line is typically ~7 times the article text,
    // so reserving that up front saves the buffer's repeated doubling and copying.
    let capacity = doc.article.text.len().saturating_mul(8).saturating_add(1024);
    json::to_string(doc, capacity).unwrap_or_else(|_| serde_json::to_string(doc).unwrap_or_default())
}
