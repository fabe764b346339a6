//! The endpoints. Each reads its input with the core's parsers and runs the core's
//! `extract` on the blocking pool; nothing here looks at article text.

use crate::problem::Problem;
use crate::{AppState, Shared};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use futures_util::StreamExt;
use sayso::{ArticleInput, OffsetUnit, Options};
use serde::Deserialize;
use std::convert::Infallible;
use std::sync::Arc;

/// The viewer page: its CSS inline; its script (`viewer.js`) and the view's (`sayso::view`'s
/// `view.js`) served beside it, so that the policy below needs no inline script.
const VIEWER_HTML: &str = include_str!("viewer.html");

/// The viewer's script, a file of its own so that it can be type-checked against the
/// Document types generated from the schema (`crates/sayso-server/tsconfig.json`).
const VIEWER_JS: &str = include_str!("viewer.js");

/// What the viewer may load: only itself and this API (the page has no external assets, and
/// the policy makes sure it never will); scripts only from this server, never inline. Inline
/// styles are allowed for the views it shows.
const VIEWER_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; \
connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// A view opened on its own (`POST /v1/view?page=true`) runs its inline script and style and
/// may load nothing at all.
const VIEW_CSP: &str = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; \
base-uri 'none'; form-action 'none'";

const JAVASCRIPT: &str = "text/javascript; charset=utf-8";
const HTML: &str = "text/html; charset=utf-8";

const JSON: &str = "application/json";
const NDJSON: &str = "application/x-ndjson";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(viewer))
        .route("/viewer.js", get(|| async { script(VIEWER_JS) }))
        .route("/view.js", get(|| async { script(sayso::view::SCRIPT) }))
        .route("/v1/extract", post(extract))
        .route("/v1/view", post(view))
        .route("/v1/extract/batch", post(batch))
        .route("/v1/parse", post(parse))
        .route("/v1/schema", get(schema))
        .route("/openapi.json", get(openapi))
        .route("/healthz", get(healthz))
        .route("/version", get(version))
        .fallback(not_found)
}

/// Query parameters of the extraction endpoints.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExtractParams {
    /// Offset unit: codepoint (default), utf8 or utf16.
    offsets: Option<String>,
    /// Publication date for the article(s), overriding any given (as `--published`).
    published: Option<String>,
    /// Article id when the body does not give one (a `text/plain` body never does).
    id: Option<String>,
    /// Language (BCP 47 tag) of the article(s), overriding any given (as `--language`).
    language: Option<String>,
    /// Where the article was published, when the body does not say (for a `text/html` page:
    /// the URL it was fetched from, whose date path and host the page's metadata is read
    /// against).
    url: Option<String>,
}

impl ExtractParams {
    fn options(&self, shared: &Shared) -> Result<Options, Problem> {
        let unit = match &self.offsets {
            None => OffsetUnit::default(),
            Some(u) => u.parse::<OffsetUnit>().map_err(|e| bad_query(format!("offsets: {e}")))?,
        };
        if let Some(p) = &self.published {
            sayso::input::parse_published(p).map_err(|e| bad_query(format!("published: {e}")))?;
        }
        if let Some(l) = &self.language {
            sayso::language::normalize_tag(l).map_err(|e| bad_query(format!("language: {e}")))?;
        }
        Ok(Options { offsets: unit, actors: shared.config.actors.clone() })
    }

    /// The query's metadata applied as the CLI applies its flags: `published` and
    /// `language` override, `id` and `url` fill in only what is missing.
    fn apply(&self, article: &mut ArticleInput) {
        self.apply_overrides(article);
        if article.id.is_none() {
            article.id.clone_from(&self.id);
        }
        if article.url.is_none() {
            article.url.clone_from(&self.url);
        }
    }
}

impl ExtractParams {
    fn apply_overrides(&self, article: &mut ArticleInput) {
        if let Some(p) = &self.published {
            article.published = Some(p.clone());
        }
        if let Some(l) = &self.language {
            article.language = Some(l.clone());
        }
    }

    /// As [`ExtractParams::apply`], but in a batch `id` is a prefix: a line without an id
    /// gets `ID:LINE`, as `sayso extract batch.jsonl` names lines `batch:LINE`.
    fn apply_in_batch(&self, article: &mut ArticleInput, line: usize) {
        self.apply_overrides(article);
        if article.url.is_none() {
            article.url.clone_from(&self.url);
        }
        if article.id.is_none() {
            article.id = self.id.as_ref().map(|prefix| format!("{prefix}:{line}"));
        }
    }
}

fn bad_query(detail: impl Into<String>) -> Problem {
    Problem::new(StatusCode::BAD_REQUEST, "bad-query", "Bad query parameter", detail)
}

fn query_problem(r: &QueryRejection) -> Problem {
    bad_query(r.body_text())
}

fn body_problem(r: &BytesRejection, max_body: usize) -> Problem {
    if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Problem::too_large(max_body)
    } else {
        Problem::new(r.status(), "unreadable-body", "Unreadable request body", r.body_text())
    }
}

/// The media type of a request, lowercased, without parameters, and its charset if given.
fn media_type(headers: &HeaderMap) -> Option<(String, Option<String>)> {
    let raw = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let mut parts = raw.split(';');
    let essence = parts.next()?.trim().to_ascii_lowercase();
    let charset = parts
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches('"').to_ascii_lowercase());
    Some((essence, charset))
}

fn unsupported(detail: impl Into<String>) -> Problem {
    Problem::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail)
}

/// Only UTF-8 is read; other charsets are refused rather than misread.
fn check_charset(charset: Option<&str>) -> Result<(), Problem> {
    match charset {
        None | Some("utf-8" | "utf8") => Ok(()),
        Some(other) => Err(unsupported(format!("charset `{other}` is not supported: send the body as UTF-8"))),
    }
}

/// `application/json`, or a JSON-based type (`application/...+json`).
fn is_json(essence: &str) -> bool {
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// How a `POST /v1/extract` body is to be read.
enum BodyKind {
    Json,
    Text,
    /// A web page, in the character set given (else its own `<meta>`, else UTF-8).
    Html(Option<String>),
}

fn extract_body_kind(headers: &HeaderMap) -> Result<BodyKind, Problem> {
    let expected =
        "send an article object as application/json, the article text as text/plain, or a web page as text/html";
    let Some((essence, charset)) = media_type(headers) else {
        return Err(unsupported(format!("no Content-Type: {expected}")));
    };
    let kind = match essence.as_str() {
        e if is_json(e) => BodyKind::Json,
        "text/plain" => BodyKind::Text,
        // Pages come in every character set; the core decodes them as a browser would.
        "text/html" | "application/xhtml+xml" => return Ok(BodyKind::Html(charset)),
        other => return Err(unsupported(format!("Content-Type `{other}` is not accepted: {expected}"))),
    };
    check_charset(charset.as_deref())?;
    Ok(kind)
}

impl Shared {
    /// Runs CPU-bound work on the blocking pool once an extraction slot is free. The permit
    /// goes with the work, so it is held until the work ends even if the caller gave up.
    async fn run<T: Send + 'static>(self: &Arc<Self>, work: impl FnOnce() -> T + Send + 'static) -> Result<T, Problem> {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| Problem::internal("the server is shutting down"))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "extraction failed");
            Problem::internal("extraction failed unexpectedly on this input; please report it with the article")
        })
    }
}

/// One article from a `/v1/extract` or `/v1/parse` body, read as its media type says.
fn read_article(kind: BodyKind, body: &[u8]) -> Result<ArticleInput, Problem> {
    match kind {
        BodyKind::Json => ArticleInput::from_json_bytes(body),
        BodyKind::Text => std::str::from_utf8(body)
            .map(ArticleInput::from_text)
            .map_err(|e| sayso::Error::InvalidUtf8 { offset: e.valid_up_to() }),
        BodyKind::Html(charset) => ArticleInput::from_html_bytes(body, charset.as_deref()),
    }
    .map_err(|e| Problem::from_sayso(&e))
}

/// `POST /v1/extract`: one article in, its Document out (pretty JSON, as `sayso extract`
/// writes it for one article).
async fn extract(
    State(shared): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ExtractParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let params = query.map_err(|r| query_problem(&r))?.0;
    let options = params.options(&shared)?;
    let kind = extract_body_kind(&headers)?;
    let body = body.map_err(|r| body_problem(&r, shared.config.max_body))?;
    let mut article = read_article(kind, &body)?;
    params.apply(&mut article);
    // Refuse what cannot be analysed before it waits for a slot.
    article.validate().map_err(|e| Problem::from_sayso(&e))?;
    let json = shared
        .run(move || sayso::extract(article, &options).map(|doc| sayso::to_json_pretty(&doc)))
        .await?
        .map_err(|e| Problem::from_sayso(&e))?;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static(JSON))], json).into_response())
}

/// CoNLL-U, Universal Dependencies' format (no registered media type; plain UTF-8 text).
const CONLLU: &str = "text/plain; charset=utf-8";

/// `POST /v1/parse`: one article in (as for `/v1/extract`), its sentences' words, tags,
/// lemmas and dependency trees out as CoNLL-U (as `sayso parse` writes it).
async fn parse(
    State(shared): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ParseParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let params = query.map_err(|r| query_problem(&r))?.0;
    let kind = extract_body_kind(&headers)?;
    let body = body.map_err(|r| body_problem(&r, shared.config.max_body))?;
    let mut article = read_article(kind, &body)?;
    if article.id.is_none() {
        article.id = params.id;
    }
    article.validate().map_err(|e| Problem::from_sayso(&e))?;
    let conllu = shared.run(move || sayso::parse(article)).await?.map_err(|e| Problem::from_sayso(&e))?;
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static(CONLLU))], conllu).into_response())
}

/// Query parameters of `POST /v1/parse`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ParseParams {
    /// Document id (`# newdoc id`) when the body does not give one.
    id: Option<String>,
}

/// `POST /v1/extract/batch`: JSON Lines in (one article object per line), JSON Lines out:
/// one compact Document per article, in input order, streamed as they finish. A line that
/// cannot be read or analysed gives `{"line": N, "id": ..., "error": {problem}}` instead, and
/// the rest go on.
async fn batch(
    State(shared): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ExtractParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let params = query.map_err(|r| query_problem(&r))?.0;
    let options = params.options(&shared)?;
    let Some((essence, charset)) = media_type(&headers) else {
        return Err(unsupported("no Content-Type: send one article object per line as application/x-ndjson"));
    };
    if !matches!(
        essence.as_str(),
        "application/x-ndjson"
            | "application/ndjson"
            | "application/jsonl"
            | "application/x-jsonlines"
            | "application/jsonlines"
    ) {
        return Err(unsupported(format!(
            "Content-Type `{essence}` is not accepted: send one article object per line as application/x-ndjson"
        )));
    }
    check_charset(charset.as_deref())?;
    let body = body.map_err(|r| body_problem(&r, shared.config.max_body))?;

    let params = Arc::new(params);
    let timeout = shared.config.timeout;
    // Articles are analysed a few at a time (each still needs a slot of the shared limit),
    // and `buffered` hands the results on in input order.
    let ahead = shared.config.concurrency.max(1);
    let lines = sayso::input::JsonLines::new(std::io::Cursor::new(body));
    let out = futures_util::stream::iter(lines)
        .map(move |record| {
            let shared = Arc::clone(&shared);
            let params = Arc::clone(&params);
            let options = options.clone();
            async move {
                let line = record.line;
                let mut article = match record.article {
                    Ok(a) => a,
                    Err(e) => {
                        let mut p = Problem::from_sayso(&e);
                        if record.unterminated {
                            p.detail.push_str(" (the body ends in the middle of this line)");
                        }
                        return error_line(line, None, &p);
                    }
                };
                params.apply_in_batch(&mut article, line);
                let id = article.id.clone();
                let work = shared.run(move || sayso::extract(article, &options).map(|doc| sayso::to_json_line(&doc)));
                match tokio::time::timeout(timeout, work).await {
                    Ok(Ok(Ok(mut json))) => {
                        json.push('\n');
                        json
                    }
                    Ok(Ok(Err(e))) => error_line(line, id.as_deref(), &Problem::from_sayso(&e)),
                    Ok(Err(p)) => error_line(line, id.as_deref(), &p),
                    Err(_) => error_line(line, id.as_deref(), &Problem::timeout(timeout)),
                }
            }
        })
        .buffered(ahead)
        .map(|line| Ok::<_, Infallible>(Bytes::from(line)));
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static(NDJSON))], Body::from_stream(out)).into_response())
}

/// Query parameters of `POST /v1/view`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ViewParams {
    /// `stacked` (default) or `side`.
    layout: Option<String>,
    /// A whole page rather than a fragment (default false).
    page: Option<bool>,
    /// The script inline (default true).
    script: Option<bool>,
}

/// `POST /v1/view`: a Document (JSON, as `/v1/extract` returns it) in, its HTML view out: the
/// same renderer as `sayso view` and Python's notebook display.
async fn view(
    State(shared): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ViewParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let params = query.map_err(|r| query_problem(&r))?.0;
    let layout = match &params.layout {
        None => sayso::view::Layout::default(),
        Some(l) => l.parse().map_err(|e| bad_query(format!("layout: {e}")))?,
    };
    let options =
        sayso::view::ViewOptions { layout, page: params.page.unwrap_or(false), script: params.script.unwrap_or(true) };
    let expected = "send a Document as application/json";
    let Some((essence, charset)) = media_type(&headers) else {
        return Err(unsupported(format!("no Content-Type: {expected}")));
    };
    if !is_json(&essence) {
        return Err(unsupported(format!("Content-Type `{essence}` is not accepted: {expected}")));
    }
    check_charset(charset.as_deref())?;
    let body = body.map_err(|r| body_problem(&r, shared.config.max_body))?;
    let html = shared
        .run(move || {
            let text = std::str::from_utf8(&body).map_err(|e| sayso::Error::InvalidUtf8 { offset: e.valid_up_to() })?;
            sayso::view::render_json(text, &options)
        })
        .await?
        .map_err(|e| Problem::from_sayso(&e))?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(HTML)),
            (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(VIEW_CSP)),
        ],
        html,
    )
        .into_response())
}

/// One batch output line for an input line that gave no Document (the `BatchError` of the
/// OpenAPI document).
#[derive(serde::Serialize)]
struct BatchError<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    error: &'a Problem,
}

fn error_line(line: usize, id: Option<&str>, problem: &Problem) -> String {
    let mut s = serde_json::to_string(&BatchError { line, id, error: problem }).unwrap_or_default();
    s.push('\n');
    s
}

/// The methods an endpoint takes, for the detail of a 405.
pub(crate) fn allowed_methods(path: &str) -> Option<&'static str> {
    match path {
        "/v1/extract" | "/v1/extract/batch" | "/v1/view" | "/v1/parse" => Some("POST"),
        "/" | "/viewer.js" | "/view.js" | "/v1/schema" | "/openapi.json" | "/healthz" | "/version" => Some("GET"),
        _ => None,
    }
}

/// `GET /v1/schema`: the JSON Schema every Document follows (the checked-in file's text).
async fn schema() -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/schema+json"))], sayso::json_schema_string())
        .into_response()
}

/// `GET /openapi.json`: the OpenAPI 3.1 description of this API.
async fn openapi(State(shared): State<AppState>) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static(JSON))], shared.openapi.clone()).into_response()
}

/// `GET /healthz`: the process is up and answering.
async fn healthz() -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static(JSON))], "{\"status\":\"ok\"}\n").into_response()
}

/// `GET /version`: the sayso version and the schema version of the Documents it writes.
async fn version() -> Response {
    let body = serde_json::json!({
        "name": "sayso",
        "version": sayso::VERSION,
        "schema_version": sayso::SCHEMA_VERSION,
    });
    ([(header::CONTENT_TYPE, HeaderValue::from_static(JSON))], format!("{body}\n")).into_response()
}

/// `GET /viewer.js`, `GET /view.js`: the viewer page's scripts.
fn script(js: &'static str) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static(JAVASCRIPT))], js).into_response()
}

/// `GET /`: the viewer page.
async fn viewer() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(HTML)),
            (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(VIEWER_CSP)),
        ],
        VIEWER_HTML,
    )
        .into_response()
}

async fn not_found() -> Problem {
    crate::problem::for_status(StatusCode::NOT_FOUND, "", 0)
}
