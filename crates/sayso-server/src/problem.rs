//! Errors as `application/problem+json` (RFC 9457): every failure the API reports has a
//! stable `type` a client can switch on, a `title` naming the kind of failure, the HTTP
//! `status`, and a `detail` saying what exactly was wrong with this request.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Where the problem types live; each type is this base plus a slug (`.../empty-text`).
pub const TYPE_BASE: &str = "https://sayso.dev/problems/";

/// One problem report (RFC 9457).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// A URI naming the kind of problem (`https://sayso.dev/problems/<slug>`).
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem, the same for every occurrence.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, in words a caller can act on.
    pub detail: String,
}

impl Problem {
    /// A problem of kind `slug` with `status`, `title` and `detail`.
    #[must_use]
    pub fn new(status: StatusCode, slug: &str, title: &str, detail: impl Into<String>) -> Self {
        Self {
            kind: format!("{TYPE_BASE}{slug}"),
            title: title.to_string(),
            status: status.as_u16(),
            detail: detail.into(),
        }
    }

    /// The HTTP status as a [`StatusCode`].
    #[must_use]
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The problem as JSON text (compact).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Why an article could not be analysed, with the status that fits: bytes that are not
    /// UTF-8, not JSON or broken gzip are malformed (400); well-formed input that is not a
    /// usable article (no text, empty text, a field of the wrong type, a bad date, a page
    /// without an article) is unprocessable (422).
    #[must_use]
    pub fn from_sayso(e: &sayso::Error) -> Self {
        use sayso::Error as E;
        let detail = e.to_string();
        match e {
            E::InvalidUtf8 { .. } => Self::new(StatusCode::BAD_REQUEST, "invalid-utf8", "Invalid UTF-8", detail),
            E::Json { .. } => Self::new(StatusCode::BAD_REQUEST, "malformed-json", "Malformed JSON", detail),
            E::Read { .. } => Self::new(StatusCode::BAD_REQUEST, "unreadable-body", "Unreadable request body", detail),
            E::Gzip { .. } => Self::new(StatusCode::BAD_REQUEST, "invalid-gzip", "Invalid gzip data", detail),
            E::NoArticle { .. } => {
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, "no-article", "No article in the page", detail)
            }
            E::NotAnObject { .. } | E::MissingText | E::TextAndHtml | E::BadField { .. } => {
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, "not-an-article", "Not an article object", detail)
            }
            E::EmptyText => Self::new(StatusCode::UNPROCESSABLE_ENTITY, "empty-text", "Empty text", detail),
            E::NotADocument { .. } => {
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, "not-a-document", "Not a Document", detail)
            }
            E::BadDate { .. } => {
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, "bad-date", "Bad publication date", detail)
            }
            E::BadLanguage { .. } => {
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, "bad-language", "Bad language", detail)
            }
            // The core's error is non-exhaustive: a new kind is still a client error.
            _ => Self::new(StatusCode::UNPROCESSABLE_ENTITY, "unprocessable-article", "Unprocessable article", detail),
        }
    }

    /// A request body over the configured limit.
    #[must_use]
    pub fn too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body-too-large",
            "Request body too large",
            format!("the request body is larger than the limit of {limit} bytes (set by --max-body or SAYSO_MAX_BODY)"),
        )
    }

    /// Processing did not finish within the configured time.
    #[must_use]
    pub fn timeout(limit: std::time::Duration) -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            "Request timed out",
            format!(
                "the request did not finish within {} s (set by --timeout or SAYSO_TIMEOUT); the server may be busy, retry later",
                limit.as_secs_f64()
            ),
        )
    }

    /// A failure of the server itself.
    #[must_use]
    pub fn internal(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "Internal server error", detail)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status_code();
        let mut res = (status, self.to_json()).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::SERVICE_UNAVAILABLE {
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        res
    }
}

/// A problem for an error status that some layer or axum itself produced with a body of its
/// own (404 for an unknown path, 405, 413 from the body limit, a rejected extractor), so that
/// every error the API sends has the same shape.
#[must_use]
pub fn for_status(status: StatusCode, body_text: &str, max_body: usize) -> Problem {
    let detail = |fallback: &str| {
        let t = body_text.trim();
        if t.is_empty() { fallback.to_string() } else { t.to_string() }
    };
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => Problem::too_large(max_body),
        StatusCode::NOT_FOUND => Problem::new(
            status,
            "not-found",
            "Not found",
            "no such endpoint; see GET /openapi.json for the API (POST /v1/extract, POST /v1/extract/batch, GET /v1/schema)",
        ),
        StatusCode::METHOD_NOT_ALLOWED => Problem::new(
            status,
            "method-not-allowed",
            "Method not allowed",
            detail("this endpoint does not take that method"),
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            Problem::new(status, "unsupported-media-type", "Unsupported media type", detail("unsupported content type"))
        }
        s if s.is_server_error() => Problem::new(s, "internal", "Internal server error", detail("internal error")),
        s => Problem::new(
            s,
            "bad-request",
            s.canonical_reason().unwrap_or("Bad request"),
            detail(s.canonical_reason().unwrap_or("bad request")),
        ),
    }
}
