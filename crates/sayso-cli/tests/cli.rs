//! The `sayso` binary end to end: inputs of every kind, bad input of every kind (each a
//! clear one-line error naming the file and line, a non-zero exit, never a panic, never a
//! lost good record), output formats and ordering.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use std::io::Write;
use std::path::{Path, PathBuf};

fn sayso() -> Command {
    Command::cargo_bin("sayso").expect("the sayso binary is built")
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn reference() -> PathBuf {
    root().join("tests/corpus/putin-trump-cia-tip.txt")
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::File::create(&path).and_then(|mut f| f.write_all(bytes)).expect("temp file written");
    path
}

/// stdout split into parsed JSON lines.
fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

fn no_panic() -> impl Predicate<str> {
    contains("panicked").not()
}

#[test]
fn one_text_file_gives_one_pretty_document_matching_the_snapshot() {
    let out = sayso().arg("extract").arg(reference()).assert().success().get_output().stdout.clone();
    let snapshot = std::fs::read(root().join("tests/snapshots/putin-trump-cia-tip.snap.json")).expect("snapshot");
    assert_eq!(String::from_utf8_lossy(&out), String::from_utf8_lossy(&snapshot));
}

/// Every article of `tests/corpus` (text, article object, web page) through `sayso extract
/// FILE` gives its shared snapshot byte for byte.
#[test]
fn every_corpus_article_gives_its_snapshot() {
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("tests/corpus")).expect("corpus") {
        let path = entry.expect("entry").path();
        if !matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "json" | "html")) {
            continue;
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("name").to_string();
        let out = sayso().arg("extract").arg(&path).assert().success().get_output().stdout.clone();
        let snapshot = std::fs::read(root().join(format!("tests/snapshots/{stem}.snap.json"))).expect("snapshot");
        assert!(out == snapshot, "{stem}: the CLI's document differs from tests/snapshots/{stem}.snap.json");
        checked += 1;
    }
    assert!(checked >= 12, "{checked} corpus articles");
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).expect("compresses");
    e.finish().expect("compresses")
}

const PARA: &str = "The council met on Tuesday, and after a long debate, members voted to approve the plan.";

fn page(title: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><nav><a href=/>Home</a></nav><article><h1>{title}</h1><p>{PARA}</p><p>{PARA}</p></article></body></html>"
    )
}

#[test]
fn web_pages_are_read_from_files_gzipped_files_and_standard_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plain = write(&dir, "vote.html", page("Council votes").as_bytes());
    let zipped = write(&dir, "vote-copy.html.gz", &gz(page("Council votes").as_bytes()));
    let docs = json_lines(&sayso().arg("extract").arg(&plain).arg(&zipped).assert().success().get_output().stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["article"]["id"], "vote");
    assert_eq!(docs[1]["article"]["id"], "vote-copy", "the id drops .html.gz");
    assert_eq!(docs[0]["article"]["title"], "Council votes");
    assert_eq!(docs[0]["article"]["text"], format!("{PARA}\n\n{PARA}"));
    assert_eq!(docs[0]["article"]["text"], docs[1]["article"]["text"]);
    for stdin in [page("Council votes").into_bytes(), gz(page("Council votes").as_bytes())] {
        let out = sayso().args(["extract", "-"]).write_stdin(stdin).assert().success().get_output().stdout.clone();
        let doc: serde_json::Value = serde_json::from_slice(&out).expect("one pretty document");
        assert_eq!(doc["article"]["text"], docs[0]["article"]["text"]);
    }
    let help = sayso().args(["extract", "--help"]).assert().success().get_output().stdout.clone();
    let help = String::from_utf8_lossy(&help);
    assert!(help.contains(".html") && help.contains(".warc.gz") && help.contains("source_map"), "{help}");
}

fn warc_record(kind: &str, id: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    http.extend_from_slice(body);
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: https://daily.example/2020/01/02/{id}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(&http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[test]
fn a_warc_crawl_gives_one_document_per_page_in_order_and_counts_what_it_skips() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut records = vec![b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n".to_vec()];
    for i in 0..12 {
        records.push(warc_record("request", &format!("q{i}"), "text/html", b""));
        records.push(warc_record(
            "response",
            &format!("p{i:02}"),
            "text/html; charset=utf-8",
            page(&format!("Story {i}")).as_bytes(),
        ));
        records.push(warc_record("response", &format!("i{i}"), "image/jpeg", b"\xff\xd8"));
    }
    let crawl = write(&dir, "crawl.warc.gz", &records.iter().flat_map(|r| gz(r)).collect::<Vec<u8>>());
    let mut outputs = Vec::new();
    for jobs in ["1", "2"] {
        let out = sayso().args(["extract", "--jobs", jobs]).arg(&crawl).assert().success().get_output().clone();
        let docs = json_lines(&out.stdout);
        let ids: Vec<&str> = docs.iter().map(|d| d["article"]["id"].as_str().unwrap_or("")).collect();
        let expected: Vec<String> = (0..12).map(|i| format!("urn:uuid:p{i:02}")).collect();
        assert_eq!(ids, expected, "jobs {jobs}");
        assert_eq!(docs[3]["article"]["url"], "https://daily.example/2020/01/02/p03");
        assert_eq!(docs[3]["article"]["published"]["date"], "2020-01-02", "the URL dates the page");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("crawl.warc.gz: 12 HTML page(s) read, 25 record(s) skipped as no HTML page (not HTML (image/jpeg): 12, request: 12, warcinfo: 1)"),
            "{err}"
        );
        outputs.push(out.stdout);
    }
    assert_eq!(outputs[0], outputs[1], "--jobs never changes the output");
}

/// The bad web inputs of issue 21 in one batch: each is reported on one line naming it (or
/// warned about in its document), nothing panics, and every good record is still written.
#[test]
fn bad_web_input_is_reported_and_the_rest_of_the_batch_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = "<html><body><main>".to_string()
        + &"<div class=card><h3><a href=/s>Council votes on the barrier</a></h3><p>Members met on Tuesday and voted.</p></div>".repeat(10)
        + "</main></body></html>";
    let cafe = page("Caf\u{e9} owners back the plan");
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&cafe);
    let zipped = gz(page("Cut short").as_bytes());
    let nested = format!("{}{}{}", "<div>".repeat(100_000), page("Deep"), "</div>".repeat(100_000));
    let mut lying = warc_record("response", "liar", "text/html", page("Liar").as_bytes());
    let lying_text = String::from_utf8_lossy(&lying).into_owned();
    let len: usize = lying_text
        .split("Content-Length: ")
        .nth(1)
        .and_then(|s| s.split("\r\n").next())
        .and_then(|s| s.parse().ok())
        .expect("length");
    lying = lying_text
        .replacen(&format!("Content-Length: {len}"), &format!("Content-Length: {}", len + 25), 1)
        .into_bytes();
    let crawl: Vec<u8> = [
        warc_record("response", "before", "text/html", page("Before").as_bytes()),
        lying,
        warc_record("response", "after", "text/html", page("After").as_bytes()),
    ]
    .iter()
    .flat_map(|r| gz(r))
    .collect();
    let mut cut_crawl: Vec<u8> = [
        warc_record("response", "whole", "text/html", page("Whole").as_bytes()),
        warc_record("response", "cut", "text/html", page("Cut").as_bytes()),
    ]
    .iter()
    .flat_map(|r| gz(r))
    .collect();
    cut_crawl.truncate(cut_crawl.len() - 40);
    let inputs = [
        write(&dir, "good.html", page("Good").as_bytes()),
        write(&dir, "index.html", index.as_bytes()),
        write(&dir, "latin1.html", &latin1),
        write(&dir, "cut.html.gz", &zipped[..zipped.len() / 2]),
        write(&dir, "nested.html", nested.as_bytes()),
        write(&dir, "lying.warc.gz", &crawl),
        write(&dir, "cut.warc.gz", &cut_crawl),
        write(&dir, "last.html", page("Last").as_bytes()),
    ];
    let out = sayso().arg("extract").args(&inputs).assert().code(1).stderr(no_panic()).get_output().clone();
    let docs = json_lines(&out.stdout);
    let titles: Vec<&str> = docs.iter().map(|d| d["article"]["title"].as_str().unwrap_or("")).collect();
    assert_eq!(titles, ["Good", "Caf\u{fffd} owners back the plan", "Deep", "Before", "After", "Whole", "Last"]);
    assert_eq!(docs[1]["warnings"][0]["code"], "invalid_bytes_replaced");
    assert!(docs[2]["warnings"].as_array().expect("warnings").iter().any(|w| w["code"] == "html_flattened"));
    let err = String::from_utf8_lossy(&out.stderr);
    let name = |f: &str| dir.path().join(f).display().to_string();
    for expected in [
        format!("sayso: {}: no article in the page: it looks like an index page", name("index.html")),
        format!("sayso: {}: cannot decompress: the gzip data is cut short", name("cut.html.gz")),
        format!(
            "sayso: {}, record 2 (urn:uuid:liar): malformed WARC: record 2 says its content is",
            name("lying.warc.gz")
        ),
        format!("sayso: {}, record 2 (urn:uuid:cut): cannot decompress: the gzip member at byte", name("cut.warc.gz")),
        "sayso: 7 documents written, 4 inputs failed (reported above)".to_string(),
    ] {
        assert!(err.lines().any(|l| l.starts_with(&expected)), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn standard_input_is_sniffed_as_text_json_or_json_lines() {
    let text = std::fs::read_to_string(reference()).expect("reference");
    let out = sayso().args(["extract", "-"]).write_stdin(text.clone()).assert().success().get_output().stdout.clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("pretty JSON");
    assert_eq!(doc["article"]["text"], text.as_str());
    assert!(doc["article"].get("id").is_none(), "stdin text has no id");

    let object = serde_json::json!({"id": "a1", "text": "The AP reported that it rained.", "published": "2017-12-15"});
    let pretty = serde_json::to_string_pretty(&object).expect("json");
    let out = sayso().args(["extract", "-"]).write_stdin(pretty).assert().success().get_output().stdout.clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("one pretty document");
    assert_eq!(doc["article"]["id"], "a1");
    assert_eq!(doc["article"]["published"]["date"], "2017-12-15");
    assert_eq!(doc["article"]["published"]["source"], "given");

    let lines = "{\"id\":\"x\",\"text\":\"One.\"}\n\n{\"id\":\"y\",\"text\":\"Two.\"}\n";
    let out = sayso().arg("extract").write_stdin(lines).assert().success().get_output().stdout.clone();
    let docs = json_lines(&out);
    assert_eq!(docs.iter().map(|d| d["article"]["id"].as_str().unwrap_or("")).collect::<Vec<_>>(), ["x", "y"]);
}

#[test]
fn several_inputs_give_json_lines_in_input_order_with_ids_from_file_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "first.txt", b"Alpha said it was fine.");
    let b = write(&dir, "second.json", br#"{"text": "Beta said no.", "title": "B"}"#);
    let c = write(&dir, "third.json", br#"{"text": "Gamma.", "id": "given-id"}"#);
    let out = sayso().arg("extract").args([&a, &b, &c]).assert().success().get_output().stdout.clone();
    let docs = json_lines(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["article"]["id"].as_str().unwrap_or("")).collect();
    assert_eq!(ids, ["first", "second", "given-id"]);
    assert_eq!(docs[1]["article"]["title"], "B");
}

#[test]
fn jobs_never_change_the_output_order() {
    let mut lines = String::new();
    for i in 0..300 {
        lines.push_str(&format!(
            "{{\"id\": \"n{i}\", \"text\": \"Officials said on Friday that {i} people were arrested.\"}}\n"
        ));
    }
    let one = sayso()
        .args(["extract", "--jobs", "1", "-"])
        .write_stdin(lines.clone())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let many =
        sayso().args(["extract", "--jobs", "4", "-"]).write_stdin(lines).assert().success().get_output().stdout.clone();
    assert_eq!(one, many);
    let ids: Vec<String> =
        json_lines(&one).iter().map(|d| d["article"]["id"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(ids, (0..300).map(|i| format!("n{i}")).collect::<Vec<_>>());
}

#[test]
fn a_bad_record_in_a_batch_is_reported_with_its_line_and_the_rest_still_come_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut body = Vec::new();
    body.extend_from_slice(b"{\"id\": \"good1\", \"text\": \"First.\"}\n");
    body.extend_from_slice(b"{\"id\": \"broken\", \"text\": \n"); // line 2: malformed JSON
    body.extend_from_slice(b"{\"id\": \"notext\"}\n"); // line 3: no text
    body.extend_from_slice(b"{\"id\": \"empty\", \"text\": \"   \"}\n"); // line 4: empty text
    body.extend_from_slice(b"{\"id\": \"baddate\", \"text\": \"x\", \"published\": \"17/12/2017\"}\n"); // line 5
    body.extend_from_slice(b"{\"id\": \"utf8\", \"text\": \"caf\xe9\"}\n"); // line 6: invalid UTF-8
    body.extend_from_slice(b"[1, 2]\n"); // line 7: not an object
    body.extend_from_slice(b"{\"id\": \"good2\", \"text\": \"Second.\"}\n");
    body.extend_from_slice(b"{\"id\": \"cut\", \"text\": \"Trunc"); // line 9: file ends mid-line
    let path = write(&dir, "batch.jsonl", &body);
    let name = path.display().to_string();
    let assert = sayso().arg("extract").arg(&path).assert().code(1).stderr(no_panic());
    let out = assert.get_output();
    let ids: Vec<String> =
        json_lines(&out.stdout).iter().map(|d| d["article"]["id"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(ids, ["good1", "good2"]);
    let err = String::from_utf8_lossy(&out.stderr);
    for (line, what) in [
        (2, "malformed JSON"),
        (3, "missing field `text`"),
        (4, "empty text"),
        (5, "bad date `17/12/2017`"),
        (6, "invalid UTF-8 at byte"),
        (7, "expected an article object"),
        (9, "the file ends in the middle of this line"),
    ] {
        let expected = format!("sayso: {name}:{line}: ");
        let found = err.lines().find(|l| l.starts_with(&expected));
        assert!(found.is_some_and(|l| l.contains(what)), "line {line} should report {what:?}; stderr:\n{err}");
    }
    assert!(err.contains("2 documents written, 7 inputs failed"), "{err}");
}

#[test]
fn bad_single_inputs_get_one_clear_line_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: Vec<(PathBuf, &str)> = vec![
        (dir.path().join("missing.txt"), "cannot read {}: no such file"),
        (write(&dir, "latin1.txt", b"caf\xe9 au lait"), "{}: invalid UTF-8 at byte 3"),
        (write(&dir, "broken.json", b"{\"text\": \"a\",,}"), "{}: malformed JSON at line 1, column 14"),
        (write(&dir, "notext.json", b"{\"title\": \"T\"}"), "{}: missing field `text`"),
        (write(&dir, "baddate.json", br#"{"text": "x", "published": "2017-02-30"}"#), "{}: bad date `2017-02-30`"),
        (write(&dir, "empty.txt", b" \n\t\n"), "{}: empty text"),
        (write(&dir, "wrongtype.json", br#"{"text": ["a"]}"#), "{}: field `text` must be a string, found an array"),
    ];
    for (path, template) in cases {
        let expected = format!("sayso: {}", template.replace("{}", &path.display().to_string()));
        let out = sayso().arg("extract").arg(&path).assert().code(1).stderr(no_panic()).get_output().clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "one line for {}: {err}", path.display());
        assert!(err.starts_with(&expected), "expected {expected:?}, got {err:?}");
        assert!(out.stdout.is_empty());
    }
    let out = sayso().arg("extract").arg(dir.path()).assert().code(1).get_output().clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a directory"));
}

#[test]
fn a_missing_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(&dir, "good.txt", b"It rained.");
    let out = sayso().arg("extract").arg(dir.path().join("nope.txt")).arg(&good).assert().code(1).get_output().clone();
    assert_eq!(json_lines(&out.stdout).len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn published_flag_overrides_and_is_checked_before_any_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let art = write(&dir, "a.json", br#"{"text": "It rained on Friday.", "published": "2001-01-01"}"#);
    let out =
        sayso().args(["extract", "--published", "2017-12-17"]).arg(&art).assert().success().get_output().stdout.clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(doc["article"]["published"]["date"], "2017-12-17");
    sayso()
        .args(["extract", "--published", "next tuesday"])
        .arg(&art)
        .assert()
        .code(2)
        .stderr(contains("bad date `next tuesday`"));
}

#[test]
fn offsets_follow_the_requested_unit() {
    let text = "😀 “Quoted words,” she said.";
    let get = |unit: &str| -> serde_json::Value {
        let out = sayso()
            .args(["extract", "--offsets", unit, "-"])
            .write_stdin(text)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).expect("json")
    };
    let (cp, u8, u16) = (get("codepoint"), get("utf8"), get("utf16"));
    assert_eq!(cp["offsets"], "codepoint");
    assert_eq!(cp["article"]["length"], text.chars().count());
    assert_eq!(u8["article"]["length"], text.len());
    assert_eq!(u16["article"]["length"], text.encode_utf16().count());
    sayso()
        .args(["extract", "--offsets", "bytes16", "-"])
        .write_stdin(text)
        .assert()
        .code(2)
        .stderr(contains("unknown offset unit"));
}

#[test]
fn output_file_and_explicit_formats() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_path = dir.path().join("doc.json");
    sayso().arg("extract").arg(reference()).arg("-o").arg(&out_path).assert().success().stdout("");
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out_path).expect("written")).expect("json");
    assert_eq!(doc["article"]["id"], "putin-trump-cia-tip");

    let out =
        sayso().args(["extract", "--format", "jsonl"]).arg(reference()).assert().success().get_output().stdout.clone();
    assert_eq!(String::from_utf8_lossy(&out).lines().count(), 1);

    let lines = "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n";
    let out = sayso()
        .args(["extract", "--format", "json", "-"])
        .write_stdin(lines)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let arr: serde_json::Value = serde_json::from_slice(&out).expect("a JSON array");
    assert_eq!(arr.as_array().map(Vec::len), Some(2));
}

#[test]
fn schema_command_prints_the_checked_in_schema() {
    let out = sayso().arg("schema").assert().success().get_output().stdout.clone();
    let file = std::fs::read(root().join("schema/sayso-v1.schema.json")).expect("schema file");
    assert_eq!(out, file);
}

#[test]
fn validate_accepts_real_documents_and_says_where_a_broken_one_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = sayso().arg("extract").arg(reference()).assert().success().get_output().stdout.clone();
    let good = write(&dir, "good.json", &out);
    sayso().arg("validate").arg(&good).assert().success().stderr(contains("1 documents valid"));

    let mut doc: serde_json::Value = serde_json::from_slice(&out).expect("json");
    doc["posts"][0]["content"]["text"] = "tampered".into();
    doc["links"][0]["span"]["end"] = 99_999.into();
    let bad = write(
        &dir,
        "bad.jsonl",
        format!(
            "{}\n{}\n",
            serde_json::to_string(&doc).expect("json"),
            String::from_utf8_lossy(&out).replace('\n', "")
        )
        .as_bytes(),
    );
    let assert = sayso().arg("validate").arg(&bad).assert().code(1);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.contains(":1: $.posts[0].content: text \"tampered\" differs"), "{err}");
    assert!(err.contains(":1: $.links[0]: span"), "{err}");
    assert!(err.contains("1 invalid, 1 valid"), "{err}");

    doc = serde_json::from_slice(&out).expect("json");
    doc["producer"]["extra"] = 1.into();
    let unknown = write(&dir, "unknown.json", serde_json::to_string(&doc).expect("json").as_bytes());
    sayso().arg("validate").arg(&unknown).assert().code(1).stderr(contains("$.producer.extra: unknown field `extra`"));
}

#[test]
fn view_writes_a_self_contained_page_of_the_documents_it_is_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = sayso().arg("extract").arg(reference()).assert().success().get_output().stdout.clone();
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let page = dir.path().join("view.html");
    sayso().args(["view", "-", "-o"]).arg(&page).write_stdin(out.clone()).assert().success();
    let html = std::fs::read_to_string(&page).expect("page written");
    assert!(
        html.starts_with("<!DOCTYPE html>")
            && html.contains("class=\"sayso-view sv-side\"")
            && html.contains("<script>")
    );
    let claims = doc["claims"].as_array().expect("claims").len();
    assert_eq!(html.matches("class=\"sv-card\"").count(), claims, "a card per claim");

    // The fragment a notebook shows, static, on standard output.
    let file = write(&dir, "doc.json", &out);
    let frag = sayso()
        .arg("view")
        .arg(&file)
        .args(["--fragment", "--layout", "stacked", "--no-script", "-o", "-"])
        .assert()
        .success();
    let frag = String::from_utf8_lossy(&frag.get_output().stdout).to_string();
    assert!(frag.starts_with("<div class=\"sayso-view sv-stack\"") && !frag.contains("<script"), "{}", &frag[..80]);

    // Several documents in JSON Lines; --id picks one.
    let other = std::fs::read_to_string(root().join("tests/snapshots/gum-news-korea.snap.json")).expect("snapshot");
    let other: serde_json::Value = serde_json::from_str(&other).expect("json");
    let lines =
        format!("{}\n{}\n", serde_json::to_string(&doc).expect("json"), serde_json::to_string(&other).expect("json"));
    let batch = write(&dir, "docs.jsonl", lines.as_bytes());
    let both = sayso().arg("view").arg(&batch).args(["-o", "-"]).assert().success();
    assert_eq!(String::from_utf8_lossy(&both.get_output().stdout).matches("<div class=\"sayso-view ").count(), 2);
    let one = sayso().arg("view").arg(&batch).args(["--id", "gum-news-korea", "-o", "-"]).assert().success();
    let one = String::from_utf8_lossy(&one.get_output().stdout).to_string();
    assert_eq!(one.matches("<div class=\"sayso-view ").count(), 1);
    assert!(
        one.contains("<title>North Korea puts military in &#39;quasi-state of war&#39; · sayso</title>"),
        "{}",
        &one[..300]
    );
    sayso()
        .arg("view")
        .arg(&batch)
        .args(["--id", "nobody", "-o", "-"])
        .assert()
        .code(1)
        .stderr(contains("no document has the id nobody"));

    // An article is not a Document: the error says how to get one.
    sayso()
        .arg("view")
        .arg(reference())
        .assert()
        .code(1)
        .stderr(contains("putin-trump-cia-tip.txt:1: not JSON").and(contains("run `sayso extract")).and(no_panic()));
    sayso()
        .args(["view", "-"])
        .write_stdin("{\"text\": \"An article.\"}")
        .assert()
        .code(1)
        .stderr(contains("<stdin>:1: this is an article, not a Document: run `sayso extract - | sayso view -`"));
    sayso().args(["view", "--layout", "wide"]).assert().code(2).stderr(contains("unknown layout `wide`"));
}

#[test]
fn a_batch_counts_the_articles_not_analysed_per_language_and_still_exits_0() {
    let german = std::fs::read(root().join("tests/corpus/de-nachtbus-stadtrat.json")).expect("German article");
    let german: serde_json::Value = serde_json::from_slice(&german).expect("json");
    let english = std::fs::read_to_string(reference()).expect("reference");
    let french = "Le conseil municipal a voté mardi la prolongation du service de bus de nuit jusqu'en mars, après que des habitants se sont plaints que les derniers trains partent trop tôt.";
    let lines = [
        serde_json::json!({"id": "de1", "text": german["text"]}),
        serde_json::json!({"id": "en1", "text": english}),
        serde_json::json!({"id": "fr1", "text": french}),
        serde_json::json!({"id": "de2", "text": german["text"], "published": "2024-03-05"}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let out = sayso().args(["extract", "-"]).write_stdin(body.clone()).assert().success().stderr(contains(
        "3 articles not analysed (sayso analyses English only; each says so in its warnings): de 2, fr 1",
    ));
    let docs = json_lines(&out.get_output().stdout);
    let languages: Vec<&str> = docs.iter().map(|d| d["article"]["language"].as_str().unwrap_or("")).collect();
    assert_eq!(languages, ["de", "en", "fr", "de"]);
    assert!(docs[0]["entities"].as_array().is_some_and(Vec::is_empty));
    assert!(docs[1]["entities"].as_array().is_some_and(|e| !e.is_empty()));
    assert_eq!(docs[3]["article"]["published"]["date"], "2024-03-05");

    // --language wins over detection: `en` forces the analysis, and nothing is skipped.
    let out = sayso().args(["extract", "--language", "en", "-"]).write_stdin(body).assert().success();
    assert!(!String::from_utf8_lossy(&out.get_output().stderr).contains("not analysed"));
    let docs = json_lines(&out.get_output().stdout);
    assert!(docs.iter().all(|d| d["article"]["language"] == "en" && d["article"]["language_source"] == "given"));
    assert!(docs[0]["entities"].as_array().is_some_and(|e| !e.is_empty()), "the German text was forced through");

    sayso()
        .args(["extract", "--language", "Klingonese", "-"])
        .write_stdin("text")
        .assert()
        .code(2)
        .stderr(contains("bad language `Klingonese`"));
}

#[test]
fn help_teaches_inputs_outputs_and_exit_codes() {
    sayso().args(["extract", "--help"]).assert().success().stdout(
        contains(".jsonl")
            .and(contains("--published"))
            .and(contains("--language"))
            .and(contains("exit status").or(contains("exit status is"))),
    );
    sayso().arg("--help").assert().success().stdout(contains("Exit status"));
    sayso().assert().code(2);
}

#[test]
fn events_csv_gives_a_header_and_one_row_per_event() {
    let assert =
        sayso().args(["extract", "--format", "events-csv"]).arg(reference()).assert().success().stderr(no_panic());
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "document,date,source,target,cameo,root,trigger,place,modality,attributed_source,quote,Actor1Code,Actor2Code,GoldsteinScale,QuadClass,language"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert!(rows.iter().any(|r| r.contains(",173,17,arrested,St. Petersburg,")), "{out}");
    assert!(rows.iter().all(|r| r.ends_with(",en")), "{out}");
    assert!(rows.iter().all(|r| r.starts_with("putin-trump-cia-tip,")), "{out}");
}

#[test]
fn an_actor_file_gives_codes_and_a_bad_one_names_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(&dir, "a.txt", b"Gondorian soldiers attacked Rohan on Monday.");
    let actors = write(&dir, "me.actors", b"GONDOR [GON]\n+GONDORIAN\nROHAN\n\t[ROHGOV >20200101]\n\t[ROH]\n");
    let run = |date: &str| {
        let out = sayso()
            .args(["extract", "--format", "events-csv", "--published", date, "--actors"])
            .arg(&actors)
            .arg(&article)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8_lossy(&out).lines().nth(1).unwrap_or("").to_string()
    };
    assert!(run("2020-05-01").ends_with(",GONMIL,ROHGOV,-10,4,und"), "{}", run("2020-05-01"));
    assert!(run("2019-05-01").ends_with(",GONMIL,ROH,-10,4,und"), "{}", run("2019-05-01"));
    let bad = write(&dir, "bad.actors", b"GONDOR\n\t[GON 2020-13-01]\n");
    sayso()
        .args(["extract", "--actors"])
        .arg(&bad)
        .arg(&article)
        .assert()
        .code(2)
        .stderr(contains("bad.actors: actor file, line 2:").and(no_panic()));
    sayso()
        .args(["extract", "--actors", "no/such.actors"])
        .arg(&article)
        .assert()
        .code(2)
        .stderr(contains("cannot read"));
}

#[test]
fn serve_refuses_bad_settings_from_flags_or_environment() {
    sayso().args(["serve", "--max-body", "ten"]).assert().code(2).stderr(contains("`ten` is not a size"));
    sayso().args(["serve"]).env("SAYSO_TIMEOUT", "0s").assert().code(2).stderr(contains("more than zero"));
    sayso().args(["serve", "--addr", "localhost"]).assert().code(2).stderr(contains("--addr"));
    // An address in use: one clear line, exit 1.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    sayso()
        .args(["serve", "--addr", &addr])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(contains(format!("cannot serve on {addr}")));
}
