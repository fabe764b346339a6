//! The HTTP API end to end on the router (`tower::ServiceExt::oneshot`, no socket), except
//! graceful shutdown, which needs a real listener: every corpus article gives its snapshot
//! byte for byte, every error is the right status and problem, batches keep going past a
//! bad line, and the OpenAPI document embeds the checked-in schema.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use sayso_server::{Config, router};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tower::ServiceExt;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Status, content type and body of one request through a fresh router.
async fn send(config: Config, request: Request<Body>) -> (StatusCode, String, Vec<u8>) {
    let response = router(config).oneshot(request).await.expect("the router never fails");
    let status = response.status();
    let ctype = response.headers().get(header::CONTENT_TYPE).map(|v| v.to_str().expect("ascii").to_string());
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body reads");
    (status, ctype.unwrap_or_default(), body.to_vec())
}

fn post(path: &str, content_type: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut r = Request::post(path);
    if let Some(ct) = content_type {
        r = r.header(header::CONTENT_TYPE, ct);
    }
    r.body(body.into()).expect("request builds")
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("request builds")
}

/// The corpus as the snapshot test reads it: a `.txt` file is the text of an article whose
/// id is the file stem (sent as text/plain with `?id=`), a `.json` file an article object
/// (sent as it is), an `.html` file a web page (sent as text/html with `?id=`). No published
/// date is added either way.
fn corpus() -> Vec<(String, Request<Body>)> {
    let mut items: Vec<(String, Request<Body>)> = std::fs::read_dir(root().join("tests/corpus"))
        .expect("tests/corpus exists")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let stem = path.file_stem()?.to_str()?.to_string();
            let bytes = std::fs::read(&path).ok()?;
            let request = match path.extension()?.to_str()? {
                "txt" => post(&format!("/v1/extract?id={stem}"), Some("text/plain; charset=utf-8"), bytes),
                "json" => post("/v1/extract", Some("application/json"), bytes),
                "html" => post(&format!("/v1/extract?id={stem}"), Some("text/html"), bytes),
                _ => return None,
            };
            Some((stem, request))
        })
        .collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    items
}

#[tokio::test]
async fn every_corpus_article_gives_its_snapshot_byte_for_byte() {
    let items = corpus();
    assert!(items.len() >= 12, "{} corpus articles", items.len());
    for (name, request) in items {
        let (status, ctype, body) = send(Config::default(), request).await;
        assert_eq!(status, StatusCode::OK, "{name}: {}", String::from_utf8_lossy(&body));
        assert_eq!(ctype, "application/json", "{name}");
        let snapshot = std::fs::read(root().join(format!("tests/snapshots/{name}.snap.json"))).expect("snapshot");
        assert!(body == snapshot, "{name}: the HTTP document differs from tests/snapshots/{name}.snap.json");
    }
}

#[tokio::test]
async fn parse_gives_conllu_as_the_library_writes_it() {
    let text = "The mayor said the station was closed by the police. Trains resumed later.";
    let (status, ctype, body) =
        send(Config::default(), post("/v1/parse?id=d7", Some("text/plain; charset=utf-8"), text)).await;
    assert_eq!((status, ctype.as_str()), (StatusCode::OK, "text/plain; charset=utf-8"));
    let conllu = String::from_utf8(body).expect("utf-8");
    let expected = sayso::parse(sayso::ArticleInput { id: Some("d7".into()), ..sayso::ArticleInput::from_text(text) })
        .expect("parses");
    assert_eq!(conllu, expected);
    assert!(conllu.starts_with("# newdoc id = d7\n"), "{conllu}");
    assert_eq!(conllu.matches("# sent_id = ").count(), 2, "{conllu}");
    assert!(conllu.lines().any(|l| l.split('\t').nth(7) == Some("obl:agent")), "{conllu}");

    let json = r#"{"id": "j1", "text": "It rained."}"#;
    let (status, _, body) = send(Config::default(), post("/v1/parse", Some("application/json"), json)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&body).starts_with("# newdoc id = j1\n"));

    for (request, want) in [
        (post("/v1/parse", Some("text/plain"), "   "), StatusCode::UNPROCESSABLE_ENTITY),
        (post("/v1/parse?offsets=utf8", Some("text/plain"), "Hi."), StatusCode::BAD_REQUEST),
        (post("/v1/parse", Some("image/png"), "Hi."), StatusCode::UNSUPPORTED_MEDIA_TYPE),
        (get("/v1/parse"), StatusCode::METHOD_NOT_ALLOWED),
    ] {
        let (status, ctype, body) = send(Config::default(), request).await;
        assert_eq!(status, want, "{}", String::from_utf8_lossy(&body));
        assert_eq!(ctype, "application/problem+json");
    }
}

#[tokio::test]
async fn offsets_and_published_come_from_the_query() {
    let text = "The AP said Friday that police arrested “seven” people.";
    let (status, _, body) =
        send(Config::default(), post("/v1/extract?offsets=utf16&published=2017-12-17", Some("text/plain"), text)).await;
    assert_eq!(status, StatusCode::OK);
    let doc: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(doc["offsets"], "utf16");
    assert_eq!(doc["article"]["published"]["date"], "2017-12-17");
    assert_eq!(doc["article"]["published"]["source"], "given");
    let mut article = sayso::ArticleInput::from_text(text);
    article.published = Some("2017-12-17".into());
    let direct =
        sayso::extract(article, &sayso::Options::default().with_offsets(sayso::OffsetUnit::Utf16)).expect("extracts");
    assert_eq!(String::from_utf8(body).expect("utf8"), sayso::to_json_pretty(&direct));
}

#[tokio::test]
async fn language_comes_from_the_query_the_article_or_the_text() {
    let german = "Der Stadtrat hat am Dienstag beschlossen, den Nachtbusverkehr bis März zu verlängern, nachdem sich Anwohner darüber beschwert hatten, dass die letzten Züge zu früh fahren.";
    let doc = |body: &[u8]| -> Value { serde_json::from_slice(body).expect("json") };
    let (status, _, body) = send(Config::default(), post("/v1/extract", Some("text/plain"), german)).await;
    assert_eq!(status, StatusCode::OK);
    let d = doc(&body);
    assert_eq!(
        (&d["article"]["language"], &d["article"]["language_source"]),
        (&Value::from("de"), &Value::from("detected"))
    );
    assert_eq!(d["warnings"][0]["code"], "language_not_analysed");
    assert_eq!(d["entities"], Value::Array(vec![]));
    // The query wins over the article's own field and over detection; `en` forces the analysis.
    let object = serde_json::json!({"text": german, "language": "de"}).to_string();
    let (_, _, body) = send(Config::default(), post("/v1/extract?language=en", Some("application/json"), object)).await;
    let d = doc(&body);
    assert_eq!(
        (&d["article"]["language"], &d["article"]["language_source"]),
        (&Value::from("en"), &Value::from("given"))
    );
    assert!(d["entities"].as_array().is_some_and(|e| !e.is_empty()));
    // In a batch each line is told on its own.
    let body = format!(
        "{}\n{}\n",
        serde_json::json!({"text": german}),
        serde_json::json!({"text": "The minister said on Monday that the talks with the unions had failed and that the strike would go on."})
    );
    let (_, _, out) = send(Config::default(), post("/v1/extract/batch", Some("application/x-ndjson"), body)).await;
    let languages: Vec<Value> =
        String::from_utf8_lossy(&out).lines().map(|l| doc(l.as_bytes())["article"]["language"].clone()).collect();
    assert_eq!(languages, [Value::from("de"), Value::from("en")]);
}

#[tokio::test]
async fn web_pages_are_read_in_their_charset_and_pages_without_an_article_are_422() {
    let para = "The council met on Tuesday, and after a long debate, members voted for the plan.";
    let page = format!(
        "<html><body><article><h1>Vote</h1><p>Caf\u{e9} owners said: {para}</p><p>{para}</p></article></body></html>"
    );
    let (latin1, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&page);
    assert!(!unmappable);
    let (status, _, body) = send(
        Config::default(),
        post(
            "/v1/extract?url=https://news.example/2021/05/04/vote",
            Some("text/html; charset=windows-1252"),
            latin1.to_vec(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let doc: Value = serde_json::from_slice(&body).expect("json");
    assert!(doc["article"]["text"].as_str().is_some_and(|t| t.starts_with("Café owners said")), "{doc}");
    assert_eq!(doc["article"]["title"], "Vote");
    assert_eq!(doc["article"]["url"], "https://news.example/2021/05/04/vote");
    assert_eq!(doc["article"]["published"]["source"], "html");
    assert_eq!(doc["article"]["published"]["date"], "2021-05-04");
    assert_eq!(doc["article"]["source_map"].as_array().map(Vec::len), Some(2));

    let index = "<html><body><nav><a href=/a>One</a> <a href=/b>Two</a></nav></body></html>";
    assert_problem(
        "index page",
        send(Config::default(), post("/v1/extract", Some("text/html"), index)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no-article",
        "no article in the page",
    );
    let cut = {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, page.as_bytes()).expect("compresses");
        let full = gz.finish().expect("compresses");
        full[..full.len() / 2].to_vec()
    };
    assert_problem(
        "truncated gzip",
        send(Config::default(), post("/v1/extract", Some("text/html"), cut)).await,
        StatusCode::BAD_REQUEST,
        "invalid-gzip",
        "cut short",
    );
}

/// Asserts a problem response: status, media type, and the RFC 9457 members.
fn assert_problem(case: &str, got: (StatusCode, String, Vec<u8>), status: StatusCode, slug: &str, detail_has: &str) {
    let (s, ctype, body) = got;
    let text = String::from_utf8_lossy(&body).to_string();
    assert_eq!(s, status, "{case}: {text}");
    assert_eq!(ctype, "application/problem+json", "{case}");
    let p: Value =
        serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{case}: problem is not JSON ({e}): {text}"));
    assert_eq!(p["type"], format!("https://sayso.dev/problems/{slug}"), "{case}: {text}");
    assert_eq!(p["status"], status.as_u16(), "{case}");
    assert!(p["title"].as_str().is_some_and(|t| !t.is_empty()), "{case}: {text}");
    let detail = p["detail"].as_str().unwrap_or_default();
    assert!(detail.contains(detail_has), "{case}: detail `{detail}` lacks `{detail_has}`");
}

#[tokio::test]
async fn every_error_is_a_problem_with_the_right_status() {
    let c = Config::default;
    let cases: Vec<(&str, Request<Body>, StatusCode, &str, &str)> = vec![
        (
            "malformed JSON",
            post("/v1/extract", Some("application/json"), r#"{"text": "a"#),
            StatusCode::BAD_REQUEST,
            "malformed-json",
            "line 1, column",
        ),
        (
            "JSON that is not an object",
            post("/v1/extract", Some("application/json"), "[1, 2]"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not-an-article",
            "found an array",
        ),
        (
            "no text field",
            post("/v1/extract", Some("application/json"), r#"{"id": "x"}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not-an-article",
            "missing field `text`",
        ),
        (
            "empty text (JSON)",
            post("/v1/extract", Some("application/json"), r#"{"text": "  \n "}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty-text",
            "empty text",
        ),
        (
            "empty text (plain)",
            post("/v1/extract", Some("text/plain"), ""),
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty-text",
            "empty text",
        ),
        (
            "bad date in the article",
            post("/v1/extract", Some("application/json"), r#"{"text": "a", "published": "yesterday"}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad-date",
            "`yesterday`",
        ),
        (
            "bad language in the article",
            post("/v1/extract", Some("application/json"), r#"{"text": "a", "language": "en us"}"#),
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad-language",
            "`en us`",
        ),
        (
            "bad language in the query",
            post("/v1/extract?language=english!", Some("text/plain"), "Some text."),
            StatusCode::BAD_REQUEST,
            "bad-query",
            "language: bad language `english!`",
        ),
        (
            "invalid UTF-8 (plain)",
            post("/v1/extract", Some("text/plain"), &b"caf\xe9 au lait"[..]),
            StatusCode::BAD_REQUEST,
            "invalid-utf8",
            "byte 3",
        ),
        (
            "invalid UTF-8 (JSON)",
            post("/v1/extract", Some("application/json"), &b"{\"text\": \"caf\xe9\"}"[..]),
            StatusCode::BAD_REQUEST,
            "invalid-utf8",
            "byte 13",
        ),
        (
            "no content type",
            post("/v1/extract", None, "text"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "no Content-Type",
        ),
        (
            "form content type",
            post("/v1/extract", Some("application/x-www-form-urlencoded"), "text=a"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "application/x-www-form-urlencoded",
        ),
        (
            "a charset other than UTF-8",
            post("/v1/extract", Some("text/plain; charset=ISO-8859-1"), "a"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "iso-8859-1",
        ),
        (
            "batch sent as JSON",
            post("/v1/extract/batch", Some("application/json"), r#"{"text": "a"}"#),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "application/x-ndjson",
        ),
        (
            "unknown offset unit",
            post("/v1/extract?offsets=bytes16", Some("text/plain"), "a"),
            StatusCode::BAD_REQUEST,
            "bad-query",
            "bytes16",
        ),
        (
            "bad published query",
            post("/v1/extract?published=17/12/2017", Some("text/plain"), "a"),
            StatusCode::BAD_REQUEST,
            "bad-query",
            "17/12/2017",
        ),
        (
            "unknown query parameter",
            post("/v1/extract?offset=utf8", Some("text/plain"), "a"),
            StatusCode::BAD_REQUEST,
            "bad-query",
            "offset",
        ),
        ("unknown path", get("/v2/extract"), StatusCode::NOT_FOUND, "not-found", "/openapi.json"),
        ("wrong method", get("/v1/extract"), StatusCode::METHOD_NOT_ALLOWED, "method-not-allowed", "takes POST"),
    ];
    for (case, request, status, slug, detail) in cases {
        assert_problem(case, send(c(), request).await, status, slug, detail);
    }
}

#[tokio::test]
async fn oversize_bodies_get_413_with_or_without_a_length() {
    let small = || Config { max_body: 1000, ..Config::default() };
    let big = "word ".repeat(400);
    // With Content-Length the limit answers before reading.
    let with_length = Request::post("/v1/extract")
        .header(header::CONTENT_TYPE, "text/plain")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big.clone()))
        .expect("request");
    assert_problem(
        "Content-Length",
        send(small(), with_length).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "body-too-large",
        "1000 bytes",
    );
    // A streamed body (no length) is cut off while reading.
    let chunks = futures_util::stream::iter((0..20).map(|_| Ok::<_, std::io::Error>("word ".repeat(20))));
    let streamed = post("/v1/extract", Some("text/plain"), Body::from_stream(chunks));
    assert_problem(
        "streamed",
        send(small(), streamed).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "body-too-large",
        "1000 bytes",
    );
    let batch = post("/v1/extract/batch", Some("application/x-ndjson"), big);
    assert_problem("batch", send(small(), batch).await, StatusCode::PAYLOAD_TOO_LARGE, "body-too-large", "--max-body");
    // Just under the limit is fine.
    let fits = post("/v1/extract", Some("text/plain"), "word ".repeat(190));
    assert_eq!(send(small(), fits).await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_slow_request_times_out_with_503() {
    let text = std::fs::read_to_string(root().join("tests/corpus/putin-trump-cia-tip.txt")).expect("corpus");
    let config = Config { timeout: Duration::from_millis(1), ..Config::default() };
    let got = send(config, post("/v1/extract", Some("text/plain"), text)).await;
    assert_problem("timeout", got, StatusCode::SERVICE_UNAVAILABLE, "timeout", "SAYSO_TIMEOUT");
}

#[tokio::test]
async fn a_batch_goes_on_past_a_bad_line_in_input_order() {
    let a = r#"{"id": "a", "text": "The AP reported Friday that police arrested seven people."}"#;
    let c = r#"{"id": "c", "text": "“We are ready,” the minister said on Monday."}"#;
    let body = format!("{a}\n\n{{\"id\": \"b\", \"text\": \"cut\n{{\"id\": \"e\", \"text\": \" \"}}\n{c}\n");
    let (status, ctype, out) =
        send(Config::default(), post("/v1/extract/batch?offsets=utf8&id=batch", Some("application/x-ndjson"), body))
            .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctype, "application/x-ndjson");
    let out = String::from_utf8(out).expect("utf8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    let options = sayso::Options::default().with_offsets(sayso::OffsetUnit::Utf8);
    let expect = |json: &str| {
        let doc =
            sayso::extract(sayso::ArticleInput::from_json_str(json).expect("article"), &options).expect("extracts");
        sayso::to_json_line(&doc)
    };
    assert_eq!(lines[0], expect(a));
    assert_eq!(lines[3], expect(c));
    let bad: Value = serde_json::from_str(lines[1]).expect("json");
    assert_eq!(bad["line"], 3);
    assert_eq!(bad["error"]["status"], 400);
    assert_eq!(bad["error"]["type"], "https://sayso.dev/problems/malformed-json");
    let empty: Value = serde_json::from_str(lines[2]).expect("json");
    assert_eq!(
        (&empty["line"], &empty["id"], &empty["error"]["status"]),
        (&Value::from(4), &Value::from("e"), &Value::from(422))
    );
    assert!(out.ends_with('\n'));
    // `id` names lines that give none, by line number.
    let body = "{\"text\": \"Police said the man was arrested.\"}\n{\"id\": \"own\", \"text\": \"He said so.\"}\n";
    let (_, _, out) = send(Config::default(), post("/v1/extract/batch?id=b", Some("application/x-ndjson"), body)).await;
    let ids: Vec<Value> = String::from_utf8(out)
        .expect("utf8")
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json")["article"]["id"].clone())
        .collect();
    assert_eq!(ids, [Value::from("b:1"), Value::from("own")]);
}

#[tokio::test]
async fn openapi_is_3_1_and_embeds_the_checked_in_schema() {
    let (status, ctype, body) = send(Config::default(), get("/openapi.json")).await;
    assert_eq!((status, ctype.as_str()), (StatusCode::OK, "application/json"));
    let doc: Value = serde_json::from_slice(&body).expect("OpenAPI parses");
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1.")), "{}", doc["openapi"]);
    assert_eq!(doc["jsonSchemaDialect"], "https://json-schema.org/draft/2020-12/schema");
    // The components are the schema file's content: its definitions by name and its root as
    // Document, with references moved from #/$defs/ to #/components/schemas/.
    let file = std::fs::read_to_string(root().join(format!("schema/sayso-v{}.schema.json", sayso::major_version())))
        .expect("schema");
    let Value::Object(mut file) =
        serde_json::from_str::<Value>(&file.replace("\"#/$defs/", "\"#/components/schemas/")).expect("schema parses")
    else {
        panic!("the schema is an object")
    };
    let Some(Value::Object(mut expected)) = file.remove("$defs") else { panic!("the schema has $defs") };
    assert!(file.remove("$id").is_some() && file.remove("$schema").is_some());
    expected.insert("Document".into(), Value::Object(file));
    let mut components = doc["components"]["schemas"].as_object().expect("schemas").clone();
    for own in ["ArticleInput", "Problem", "BatchError"] {
        assert!(components.remove(own).is_some(), "{own}");
    }
    assert_eq!(components, expected);
    // Every $ref, in the paths and among the components, points at a component that exists.
    let mut refs = Vec::new();
    let mut walk = vec![&doc["paths"], &doc["components"]];
    while let Some(v) = walk.pop() {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    refs.push(r.clone());
                }
                walk.extend(m.values());
            }
            Value::Array(a) => walk.extend(a),
            _ => {}
        }
    }
    assert!(refs.len() >= 50, "{} refs", refs.len());
    for r in refs {
        let name = r.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("unexpected ref {r}"));
        assert!(doc["components"]["schemas"].get(name).is_some(), "{r} is missing");
    }
    // Paths named in the document are the ones served.
    for path in doc["paths"].as_object().expect("paths").keys() {
        let method =
            if path.starts_with("/v1/extract") || path == "/v1/view" || path == "/v1/parse" { "POST" } else { "GET" };
        assert!(doc["paths"][path].get(method.to_ascii_lowercase()).is_some(), "{path}");
    }
}

#[tokio::test]
async fn the_article_schema_names_exactly_the_fields_the_parser_reads() {
    let schema = sayso_server::openapi::article_schema();
    let props = schema["properties"].as_object().expect("properties");
    // `text` and `html` are alternatives (the schema's oneOf): each with every other field.
    for body in ["text", "html"] {
        let mut obj = serde_json::Map::new();
        for name in props.keys().filter(|k| *k == body || !matches!(k.as_str(), "text" | "html")) {
            obj.insert(name.clone(), Value::from(format!("v-{name}")));
        }
        obj.insert("published".into(), "2017-12-17".into());
        let a = sayso::ArticleInput::from_json_value(Value::Object(obj)).expect("every documented field is accepted");
        let fields = [
            a.id.as_deref(),
            a.title.as_deref(),
            a.url.as_deref(),
            a.publisher.as_deref(),
            a.authors.first().map(String::as_str),
            a.language.as_deref(),
            if body == "html" { a.html.as_deref() } else { Some(a.text.as_str()) },
        ];
        assert!(fields.iter().all(Option::is_some), "{a:?}");
    }
    assert_eq!(props.len(), 9, "text, html, id, title, url, publisher, authors, published, language");
}

#[tokio::test]
async fn schema_health_version_and_viewer() {
    let (status, ctype, body) = send(Config::default(), get("/v1/schema")).await;
    assert_eq!((status, ctype.as_str()), (StatusCode::OK, "application/schema+json"));
    assert_eq!(String::from_utf8(body).expect("utf8"), sayso::json_schema_string());
    let (status, _, body) = send(Config::default(), get("/healthz")).await;
    assert_eq!(
        (status, serde_json::from_slice::<Value>(&body).expect("json")["status"].clone()),
        (StatusCode::OK, "ok".into())
    );
    let (_, _, body) = send(Config::default(), get("/version")).await;
    let v: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(
        (v["version"].as_str(), v["schema_version"].as_str()),
        (Some(sayso::VERSION), Some(sayso::SCHEMA_VERSION))
    );
    let (status, ctype, body) = send(Config::default(), get("/")).await;
    assert_eq!((status, ctype.as_str()), (StatusCode::OK, "text/html; charset=utf-8"));
    let html = String::from_utf8(body).expect("utf8");
    assert!(
        html.contains("<script src=\"/view.js\"></script>") && html.contains("<script src=\"/viewer.js\"></script>")
    );
    assert!(!html.contains("<script>"), "no inline script (the CSP forbids it)");
    let (status, ctype, body) = send(Config::default(), get("/viewer.js")).await;
    assert_eq!((status, ctype.as_str()), (StatusCode::OK, "text/javascript; charset=utf-8"));
    let js = String::from_utf8(body).expect("utf8");
    assert!(js.contains("/v1/extract") && js.contains("/v1/view"), "the viewer calls the API");
    for external in ["src=\"http", "href=\"http", "@import", "src=\"//", "href=\"//", "fetch(\"http", "fetch(\"//"] {
        assert!(!html.contains(external) && !js.contains(external), "the viewer loads nothing external ({external})");
    }
    let response = router(Config::default()).oneshot(get("/")).await.expect("ok");
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY].to_str().expect("ascii");
    assert!(csp.contains("script-src 'self';") && csp.contains("default-src 'none'"), "{csp}");
    for (path, needle) in [("/viewer.js", "/v1/view?"), ("/view.js", "function saysoEnhance(")] {
        let (status, ctype, body) = send(Config::default(), get(path)).await;
        assert_eq!((status, ctype.as_str()), (StatusCode::OK, "text/javascript; charset=utf-8"), "{path}");
        let js = String::from_utf8(body).expect("utf8");
        assert!(js.starts_with("// @ts-check") && js.contains(needle), "{path}");
    }
}

#[tokio::test]
async fn view_renders_a_document_as_the_core_does_and_refuses_what_is_not_one() {
    let doc = std::fs::read_to_string(root().join("tests/snapshots/putin-trump-cia-tip.snap.json")).expect("snapshot");
    let (status, ctype, body) = send(Config::default(), post("/v1/view", Some("application/json"), doc.clone())).await;
    assert_eq!((status, ctype.as_str()), (StatusCode::OK, "text/html; charset=utf-8"));
    let expected = sayso::view::render_json(&doc, &sayso::view::ViewOptions::default()).expect("renders");
    assert!(body == expected.as_bytes(), "the same bytes as sayso::view");
    let html = String::from_utf8(body).expect("utf8");
    assert!(html.contains("sayso-view sv-stack") && html.contains("<script>"));

    let request = post("/v1/view?layout=side&page=true&script=false", Some("application/json"), doc.clone());
    let response = router(Config::default()).oneshot(request).await.expect("ok");
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY].to_str().expect("ascii").to_string();
    assert!(csp.starts_with("default-src 'none'"), "a view may load nothing: {csp}");
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
    let page = String::from_utf8(body.to_vec()).expect("utf8");
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("sayso-view sv-side") && !page.contains("<script"));

    let cases = [
        ("/v1/view?layout=wide", "application/json", doc.clone(), StatusCode::BAD_REQUEST, "bad-query"),
        ("/v1/view?colour=red", "application/json", doc.clone(), StatusCode::BAD_REQUEST, "bad-query"),
        ("/v1/view", "text/plain", doc, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
        (
            "/v1/view",
            "application/json",
            "{\"text\": \"An article.\"}".into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not-a-document",
        ),
        ("/v1/view", "application/json", "{\"article\"".into(), StatusCode::BAD_REQUEST, "malformed-json"),
    ];
    for (path, ctype, body, status, slug) in cases {
        let (got, got_type, body) = send(Config::default(), post(path, Some(ctype), body)).await;
        let problem: Value = serde_json::from_slice(&body).expect("a problem");
        assert_eq!((got, got_type.as_str()), (status, "application/problem+json"), "{path} {ctype}: {problem}");
        assert!(problem["type"].as_str().expect("type").ends_with(slug), "{path}: {problem}");
    }
}

#[tokio::test]
async fn request_ids_are_given_or_kept() {
    let response = router(Config::default()).oneshot(get("/healthz")).await.expect("ok");
    let id = response.headers().get("x-request-id").expect("an id is given").to_str().expect("ascii").to_string();
    assert!(!id.is_empty());
    let mine = Request::get("/healthz").header("x-request-id", "abc-123").body(Body::empty()).expect("request");
    let response = router(Config::default()).oneshot(mine).await.expect("ok");
    assert_eq!(response.headers()["x-request-id"], "abc-123");
}

#[tokio::test]
async fn the_servers_actor_file_codes_every_requests_participants() {
    let actors = sayso::events::ActorDictionary::parse("GONDOR [GON]\n+GONDORIAN\n").expect("parses");
    let config = Config { actors: Some(std::sync::Arc::new(actors)), ..Config::default() };
    let request = || post("/v1/extract?published=2020-05-01", Some("text/plain"), "Gondorian soldiers attacked Rohan.");
    let codes = |body: &[u8]| {
        let doc: Value = serde_json::from_slice(body).expect("json");
        doc["events"][0]["participants"][0]["actor_code"].clone()
    };
    let (status, _, body) = send(config, request()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(codes(&body), "GONMIL");
    let (_, _, body) = send(Config::default(), request()).await;
    assert_eq!(codes(&body), "MIL", "without the file, the soldiers' role alone");
}

#[tokio::test]
async fn cors_is_off_unless_an_origin_is_given() {
    let with_origin =
        || Request::get("/version").header(header::ORIGIN, "https://example.org").body(Body::empty()).expect("req");
    let response = router(Config::default()).oneshot(with_origin()).await.expect("ok");
    assert!(response.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
    let config = Config { cors_origins: vec!["https://example.org".into()], ..Config::default() };
    let response = router(config.clone()).oneshot(with_origin()).await.expect("ok");
    assert_eq!(response.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], "https://example.org");
    let other =
        Request::get("/version").header(header::ORIGIN, "https://evil.example").body(Body::empty()).expect("req");
    let response = router(config).oneshot(other).await.expect("ok");
    assert!(response.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}

#[test]
fn sizes_and_durations_parse() {
    assert_eq!(sayso_server::parse_byte_size("10MB"), Ok(10 << 20));
    assert_eq!(sayso_server::parse_byte_size("512k"), Ok(512 << 10));
    assert_eq!(sayso_server::parse_byte_size("1048576"), Ok(1 << 20));
    assert!(sayso_server::parse_byte_size("ten").is_err());
    assert!(sayso_server::parse_byte_size("10 parsecs").is_err());
    assert_eq!(sayso_server::parse_duration("30s"), Ok(Duration::from_secs(30)));
    assert_eq!(sayso_server::parse_duration("250ms"), Ok(Duration::from_millis(250)));
    assert_eq!(sayso_server::parse_duration("2m"), Ok(Duration::from_secs(120)));
    assert_eq!(sayso_server::parse_duration("5"), Ok(Duration::from_secs(5)));
    assert!(sayso_server::parse_duration("0s").is_err());
    assert!(sayso_server::parse_duration("soon").is_err());
}

/// Shutdown with a request in flight: the request still gets its whole response, then
/// `serve` returns.
#[tokio::test]
async fn shutdown_lets_the_request_in_flight_finish() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(sayso_server::serve(listener, Config::default(), async {
        let _ = stopped.await;
    }));
    let text = std::fs::read_to_string(root().join("tests/corpus/putin-trump-cia-tip.txt")).expect("corpus");
    let mut conn = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let head = format!(
        "POST /v1/extract?id=putin-trump-cia-tip HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
        text.len()
    );
    conn.write_all(head.as_bytes()).await.expect("write");
    conn.write_all(text.as_bytes()).await.expect("write");
    // Let the server accept and start the request, then ask it to stop.
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.send(()).expect("server is running");
    let mut response = Vec::new();
    tokio::time::timeout(Duration::from_secs(60), conn.read_to_end(&mut response))
        .await
        .expect("the connection closes after the response")
        .expect("read");
    let response = String::from_utf8(response).expect("utf8");
    assert!(response.starts_with("HTTP/1.1 200"), "{}", &response[..response.len().min(300)]);
    let snapshot =
        std::fs::read_to_string(root().join("tests/snapshots/putin-trump-cia-tip.snap.json")).expect("snapshot");
    assert!(response.ends_with(&snapshot), "the whole document arrives");
    tokio::time::timeout(Duration::from_secs(10), server).await.expect("serve returns").expect("joins").expect("ok");
}

/// More requests than extraction slots: the extra ones wait their turn (back-pressure) and
/// every one gets its document.
#[tokio::test]
async fn requests_beyond_the_concurrency_limit_wait_and_succeed() {
    let app = router(Config { concurrency: 1, ..Config::default() });
    let text = "The AP reported Friday that police arrested seven people.";
    let expected = sayso::to_json_pretty(
        &sayso::extract(sayso::ArticleInput::from_text(text), &sayso::Options::default()).expect("extracts"),
    );
    let calls: Vec<_> = (0..6)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move {
                let res = app.oneshot(post("/v1/extract", Some("text/plain"), text)).await.expect("ok");
                let status = res.status();
                (status, axum::body::to_bytes(res.into_body(), usize::MAX).await.expect("body"))
            })
        })
        .collect();
    for call in calls {
        let (status, body) = call.await.expect("joins");
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body, expected.as_bytes());
    }
}
