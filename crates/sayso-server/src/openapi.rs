//! The OpenAPI 3.1 description of the API, built in code. OpenAPI 3.1 schemas are JSON
//! Schema 2020-12, the dialect of sayso's own schema, so the Document schema goes in as it is
//! generated ([`sayso::json_schema`], the same value `schema/sayso-v1.schema.json` holds): one
//! source of truth, no second derive. Each of its `$defs` becomes a component of the same name
//! and its root becomes `Document`, with `#/$defs/X` references pointing at
//! `#/components/schemas/X`. (Embedding the schema whole under its `$id` would be valid JSON
//! Schema too, but OpenAPI tools, `openapi-spec-validator` among them, do not resolve references
//! against an embedded `$id`; named components also give code generators named types.)

use crate::problem::TYPE_BASE;
use serde_json::{Value, json};

/// The Document schema as OpenAPI components: every definition of the JSON Schema under its
/// own name, the root as `Document`, references rewritten to `#/components/schemas/...`, and
/// `$id` / `$schema` left to the standalone file (an `$id` here would move the base the
/// references resolve against).
#[must_use]
pub fn document_components() -> serde_json::Map<String, Value> {
    let mut schema = sayso::json_schema();
    rewrite_refs(&mut schema);
    let Value::Object(mut root) = schema else { return serde_json::Map::new() };
    let mut components = match root.remove("$defs") {
        Some(Value::Object(defs)) => defs,
        _ => serde_json::Map::new(),
    };
    root.remove("$id");
    root.remove("$schema");
    components.insert("Document".into(), Value::Object(root));
    components
}

fn rewrite_refs(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                if let Some(name) = r.strip_prefix("#/$defs/") {
                    *r = format!("#/components/schemas/{name}");
                }
            }
            m.values_mut().for_each(rewrite_refs);
        }
        Value::Array(a) => a.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

/// The fields of an article object as [`sayso::ArticleInput::from_json_value`] reads them.
/// Only `text` is required; unknown fields are ignored, so annotated corpora can be sent as
/// they are.
#[must_use]
pub fn article_schema() -> Value {
    let s = |d: &str| json!({"type": ["string", "null"], "description": d});
    json!({
        "title": "ArticleInput",
        "description": "One article to analyse: its text (or the web page it is to be read from) and whatever metadata came with it. Unknown fields are ignored.",
        "type": "object",
        "oneOf": [{"required": ["text"], "not": {"required": ["html"]}}, {"required": ["html"], "not": {"required": ["text"]}}],
        "properties": {
            "text": {"type": "string", "minLength": 1, "description": "The article text (not empty or only whitespace)."},
            "html": {"type": "string", "minLength": 1, "description": "A web page to read the article from instead of text: its body becomes the text, its headline the title, and its bylines, publisher, canonical URL, language and publication date fill in what is not given."},
            "id": {"type": ["string", "number", "null"], "description": "Identifier, carried into article.id (numbers keep their JSON spelling)."},
            "title": s("Headline."),
            "url": s("Where it was published (for a page: where it was fetched; its date path is read)."),
            "publisher": s("News organisation that published it."),
            "authors": {
                "description": "Bylines: one name or a list.",
                "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}, {"type": "null"}]
            },
            "published": s("Publication date: YYYY-MM-DD or an RFC 3339 date-time. Anchors relative times."),
            "language": s("Language of the text, a BCP 47 tag (en, de, pt-BR), when the caller knows it; otherwise it is detected. Only English is analysed: another language gives a Document with its text, links and posts and a language_not_analysed warning; en forces the analysis.")
        }
    })
}

/// RFC 9457 problem details, as every error is reported.
#[must_use]
pub fn problem_schema() -> Value {
    json!({
        "title": "Problem",
        "description": "An error (RFC 9457 problem details), sent as application/problem+json.",
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string", "format": "uri", "description": format!("The kind of problem: {TYPE_BASE}<slug>, e.g. malformed-json, invalid-utf8, invalid-gzip, not-an-article, not-a-document, empty-text, no-article, bad-date, bad-language, bad-query, unsupported-media-type, body-too-large, timeout, not-found, method-not-allowed, internal.")},
            "title": {"type": "string", "description": "Short summary of the kind of problem."},
            "status": {"type": "integer", "description": "The HTTP status code."},
            "detail": {"type": "string", "description": "What was wrong with this request."}
        }
    })
}

/// A batch output line for an input line that gave no Document.
#[must_use]
pub fn batch_error_schema() -> Value {
    json!({
        "title": "BatchError",
        "description": "In a batch response, the line for an input line that could not be read or analysed.",
        "type": "object",
        "required": ["line", "error"],
        "properties": {
            "line": {"type": "integer", "minimum": 1, "description": "1-based line number in the request body."},
            "id": {"type": "string", "description": "The article's id, when the line was an article object with one."},
            "error": {"$ref": "#/components/schemas/Problem"}
        }
    })
}

fn problem_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    })
}

fn query_parameters() -> Value {
    json!([
        {
            "name": "offsets", "in": "query", "required": false,
            "description": "Unit of every span offset: codepoint (Python, the default), utf8 (Rust, Go), utf16 (JavaScript, Java).",
            "schema": {"type": "string", "enum": ["codepoint", "utf8", "utf16"], "default": "codepoint"}
        },
        {
            "name": "published", "in": "query", "required": false,
            "description": "Publication date (YYYY-MM-DD or RFC 3339), overriding any the article gives; otherwise sayso infers it.",
            "schema": {"type": "string"}
        },
        {
            "name": "language", "in": "query", "required": false,
            "description": "Language (BCP 47 tag) of the article(s), overriding any given and skipping detection. Only English is analysed; en forces the analysis.",
            "schema": {"type": "string"}
        },
        {
            "name": "url", "in": "query", "required": false,
            "description": "Where the article was published, when the body does not say; for a text/html page, the URL it was fetched from (its date path dates the page when nothing else does).",
            "schema": {"type": "string"}
        },
        {
            "name": "id", "in": "query", "required": false,
            "description": "Article id when the body gives none (a text/plain body never does). In a batch, a prefix: a line without an id gets ID:LINE.",
            "schema": {"type": "string"}
        }
    ])
}

/// The OpenAPI 3.1 document.
#[must_use]
pub fn document() -> Value {
    let errors = |extra: &[(&str, &str)]| {
        let mut m = serde_json::Map::new();
        for (code, what) in extra {
            m.insert((*code).to_string(), problem_response(what));
        }
        m.insert("413".into(), problem_response("The body is larger than the server's limit."));
        m.insert(
            "415".into(),
            problem_response("A Content-Type the endpoint does not read, or a charset other than UTF-8."),
        );
        m.insert("503".into(), problem_response("The request did not finish within the server's timeout."));
        Value::Object(m)
    };
    let mut extract_responses = errors(&[
        ("400", "Malformed JSON, invalid UTF-8, broken gzip, or a bad query parameter."),
        (
            "422",
            "Well-formed but not an article: no text, empty text, a field of the wrong type, a bad date, a web page that holds no article (an index page).",
        ),
    ]);
    if let Some(m) = extract_responses.as_object_mut() {
        m.insert(
            "200".into(),
            json!({
                "description": "The Document, pretty-printed exactly as `sayso extract` writes it for one article.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}
            }),
        );
    }
    let mut batch_responses = errors(&[("400", "A bad query parameter.")]);
    if let Some(m) = batch_responses.as_object_mut() {
        m.insert(
            "200".into(),
            json!({
                "description": "JSON Lines, streamed in input order: for every non-blank input line, one compact Document, or a BatchError when that line could not be read or analysed (the other lines still go on). Tell them apart by the `error` member. The timeout applies to each line; a body-level problem (415, 413, a bad query) is an ordinary problem response.",
                "content": {"application/x-ndjson": {
                    "schema": {"oneOf": [{"$ref": "#/components/schemas/Document"}, {"$ref": "#/components/schemas/BatchError"}]}
                }}
            }),
        );
    }
    let mut view_responses = errors(&[
        ("400", "Malformed JSON, invalid UTF-8, or a bad query parameter."),
        ("422", "Well-formed JSON that is not a Document (no article text)."),
    ]);
    if let Some(m) = view_responses.as_object_mut() {
        m.insert(
            "200".into(),
            json!({
                "description": "The Document as HTML: the text with claims, entities, times and events marked; a card per claim with its say-so chain; who says what; an events table. Self-contained (no external URL); a fragment to embed, or a whole page with page=true.",
                "content": {"text/html": {"schema": {"type": "string"}}}
            }),
        );
    }
    let mut parse_responses = errors(&[
        ("400", "Malformed JSON, invalid UTF-8, or a bad query parameter."),
        ("422", "Well-formed but not an article: no text, empty text, a field of the wrong type."),
    ]);
    if let Some(m) = parse_responses.as_object_mut() {
        m.insert(
            "200".into(),
            json!({
                "description": "CoNLL-U (Universal Dependencies' format), exactly as `sayso parse` writes it for one article: `# newdoc id = ID`, then per sentence `# newpar` where a paragraph starts, `# sent_id`, `# text`, one line per word with the ten tab-separated columns ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC (relations: UD v2 with UD English's subtypes; `SpaceAfter=No` in MISC), and a blank line.",
                "content": {"text/plain": {"schema": {"type": "string"}}}
            }),
        );
    }
    let mut schemas = document_components();
    schemas.insert("ArticleInput".into(), article_schema());
    schemas.insert("Problem".into(), problem_schema());
    schemas.insert("BatchError".into(), batch_error_schema());
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "sayso",
            "version": sayso::VERSION,
            "summary": "Who says what happened: attributed claims, events, entities and times from news articles.",
            "description": "Every Document follows the sayso JSON Schema (GET /v1/schema); its root is components.schemas.Document and each of its definitions a component of the same name. Errors are RFC 9457 problem details. Every response carries an x-request-id header (a request's own x-request-id is kept).",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"}
        },
        "paths": {
            "/v1/extract": {"post": {
                "operationId": "extract",
                "summary": "Analyse one article",
                "parameters": query_parameters(),
                "requestBody": {"required": true, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ArticleInput"}},
                    "text/plain": {"schema": {"type": "string", "minLength": 1, "description": "The article text, UTF-8."}},
                    "text/html": {"schema": {"type": "string", "minLength": 1, "description": "A web page (any charset: from the Content-Type, a byte order mark or the page's <meta>, else UTF-8; gzip is undone). The article body becomes the text; article.source_map gives each paragraph's place in the page."}}
                }},
                "responses": extract_responses
            }},
            "/v1/extract/batch": {"post": {
                "operationId": "extractBatch",
                "summary": "Analyse a batch of articles (JSON Lines)",
                "parameters": query_parameters(),
                "requestBody": {"required": true, "content": {
                    "application/x-ndjson": {"schema": {"$ref": "#/components/schemas/ArticleInput", "description": "One article object per line; blank lines are skipped. application/ndjson and application/jsonl are accepted too."}}
                }},
                "responses": batch_responses
            }},
            "/v1/view": {"post": {
                "operationId": "view",
                "summary": "Show a Document as people read it (HTML)",
                "description": "The same renderer as `sayso view` and Python's notebook display. It reads only the Document, so documents written elsewhere (any 1.x schema) can be shown.",
                "parameters": [
                    {"name": "layout", "in": "query", "required": false, "description": "stacked: the text above the cards and tables (as in notebooks); side: beside them.", "schema": {"type": "string", "enum": ["stacked", "side"], "default": "stacked"}},
                    {"name": "page", "in": "query", "required": false, "description": "A whole HTML page rather than a fragment to embed.", "schema": {"type": "boolean", "default": false}},
                    {"name": "script", "in": "query", "required": false, "description": "Include the script that adds hover and click highlighting; without it the view is static (and reads the same). A page that loads /view.js itself asks for false.", "schema": {"type": "boolean", "default": true}}
                ],
                "requestBody": {"required": true, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Document"}}
                }},
                "responses": view_responses
            }},
            "/v1/parse": {"post": {
                "operationId": "parse",
                "summary": "Tag, lemmatise and parse one article (CoNLL-U out)",
                "parameters": [{
                    "name": "id", "in": "query", "required": false,
                    "description": "Document id for `# newdoc id` when the body does not give one (a text/plain body never does).",
                    "schema": {"type": "string"}
                }],
                "requestBody": {"required": true, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ArticleInput"}},
                    "text/plain": {"schema": {"type": "string", "minLength": 1, "description": "The article text, UTF-8."}}
                }},
                "responses": parse_responses
            }},
            "/v1/schema": {"get": {
                "operationId": "schema",
                "summary": "The JSON Schema (draft 2020-12) every Document follows",
                "responses": {"200": {"description": "schema/sayso-v1.schema.json", "content": {"application/schema+json": {"schema": {"type": "object"}}}}}
            }},
            "/openapi.json": {"get": {
                "operationId": "openapi",
                "summary": "This document",
                "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}
            }},
            "/healthz": {"get": {
                "operationId": "health",
                "summary": "Liveness",
                "responses": {"200": {"description": "The server is up.", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}
                }}}}}
            }},
            "/version": {"get": {
                "operationId": "version",
                "summary": "sayso and schema versions",
                "responses": {"200": {"description": "Versions.", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["name", "version", "schema_version"],
                    "properties": {"name": {"type": "string"}, "version": {"type": "string"}, "schema_version": {"type": "string"}}
                }}}}}
            }},
            "/": {"get": {
                "operationId": "viewer",
                "summary": "A viewer page: paste or upload an article (or a Document) and see what sayso finds",
                "responses": {"200": {"description": "HTML", "content": {"text/html": {"schema": {"type": "string"}}}}}
            }},
            "/viewer.js": {"get": {
                "operationId": "viewerScript",
                "summary": "The viewer page's script",
                "responses": {"200": {"description": "JavaScript", "content": {"text/javascript": {"schema": {"type": "string"}}}}}
            }},
            "/view.js": {"get": {
                "operationId": "viewScript",
                "summary": "The script of a view (defines saysoEnhance(root)), for pages that show views from /v1/view?script=false",
                "responses": {"200": {"description": "JavaScript", "content": {"text/javascript": {"schema": {"type": "string"}}}}}
            }}
        },
        "components": {"schemas": schemas}
    })
}

/// The OpenAPI document as pretty JSON with a final newline.
#[must_use]
pub fn document_string() -> String {
    let mut s = serde_json::to_string_pretty(&document()).unwrap_or_default();
    s.push('\n');
    s
}
