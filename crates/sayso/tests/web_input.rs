//! Web pages and crawls that go wrong, as regression tests: a page with no article, a page
//! that is not UTF-8, a truncated gzip member, a WARC record whose length lies, a 50 MB page
//! and 100,000 nested tags. Each gets a clear error or a warning and nothing else is lost;
//! none panics; every document is checked by `sayso::verify`. (The CLI's batch behaviour
//! with the same inputs is in `crates/sayso-cli/tests/cli.rs`.)

use sayso::input::warc::{WarcItem, WarcReader};
use sayso::{ArticleInput, Error, Options};
use std::io::Write;
use std::time::{Duration, Instant};

const PARA: &str =
    "The council met on Tuesday, and after a long debate, members voted 6-1 to approve the plan, officials said.";

fn article_page(paragraphs: usize) -> String {
    let body: String = (0..paragraphs).map(|i| format!("<p>{PARA} ({i})</p>\n")).collect();
    format!(
        "<!doctype html><html lang=en><head><title>Council approves plan | Daily</title></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Council approves plan</h1>{body}</article>\
         <footer>Copyright</footer></body></html>"
    )
}

fn extract(article: ArticleInput) -> Result<sayso::Document, Error> {
    let doc = sayso::extract(article, &Options::default())?;
    let problems = sayso::verify::check(&doc);
    assert!(problems.is_empty(), "{problems:#?}");
    Ok(doc)
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).expect("compresses");
    e.finish().expect("compresses")
}

#[test]
fn an_index_page_is_an_error_that_says_so() {
    let teaser = "<div class=card><h3><a href=/s>Council votes on the flood barrier plan</a></h3>\
                  <p>Members met on Tuesday and, after a long debate, voted.</p></div>";
    let page =
        format!("<html><body><header><a href=/>Daily</a></header><main>{}</main></body></html>", teaser.repeat(12));
    let err = extract(ArticleInput::from_html(page)).expect_err("an index page has no article");
    assert!(matches!(err, Error::NoArticle { .. }), "{err}");
    assert!(err.to_string().contains("index page"), "{err}");
    let empty = extract(ArticleInput::from_html("<html><body><nav><a href=/>Home</a></nav></body></html>"));
    assert!(matches!(empty, Err(Error::NoArticle { .. })), "{empty:?}");
}

#[test]
fn a_page_that_is_not_utf8_is_read_with_a_warning() {
    let page = article_page(3).replace("approve", "approve the café");
    // Declared: decoded exactly, no warning.
    let declared = page.replace("<head>", "<head><meta charset=\"windows-1252\">");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&declared);
    let doc = extract(ArticleInput::from_html_bytes(&bytes, None).expect("decodes")).expect("an article");
    assert!(doc.article.text.contains("the café"), "{}", doc.article.text);
    assert!(doc.warnings.iter().all(|w| w.code != "invalid_bytes_replaced"));
    // Undeclared: read as UTF-8, each bad byte replaced, and the document says so.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    let doc = extract(ArticleInput::from_html_bytes(&bytes, None).expect("decodes")).expect("an article");
    assert!(doc.article.text.contains("the caf\u{fffd}"), "{}", doc.article.text);
    let w = doc.warnings.iter().find(|w| w.code == "invalid_bytes_replaced").expect("a warning");
    // Three in the paragraphs, two in the title and headline.
    assert!(w.message.starts_with("5 byte sequence(s)"), "{}", w.message);
}

#[test]
fn a_truncated_gzip_page_is_an_error_and_a_whole_one_is_read() {
    let page = article_page(5);
    let zipped = gz(page.as_bytes());
    let whole = extract(ArticleInput::from_html_bytes(&zipped, None).expect("decompresses")).expect("an article");
    assert_eq!(whole, extract(ArticleInput::from_html(page)).expect("an article"));
    let err = ArticleInput::from_html_bytes(&zipped[..zipped.len() - 12], None).expect_err("cut short");
    assert!(matches!(&err, Error::Gzip { message } if message.contains("cut short")), "{err}");
}

fn warc_record(id: usize, body: &[u8]) -> Vec<u8> {
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
    http.extend_from_slice(body);
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:r{id}>\r\nWARC-Target-URI: https://daily.example/2020/02/0{id}/story\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(&http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// The items of a crawl: pages analysed (ids), records skipped and errors, in order.
fn read_crawl(bytes: &[u8]) -> Vec<String> {
    WarcReader::new(bytes)
        .map(|item| match item {
            WarcItem::Page { article, .. } => match extract(*article) {
                Ok(doc) => format!("doc {}", doc.article.id.unwrap_or_default()),
                Err(e) => format!("error {e}"),
            },
            WarcItem::Skipped { reason, .. } => format!("skip {reason}"),
            WarcItem::Broken { error, .. } => format!("broken {error}"),
        })
        .collect()
}

#[test]
fn a_truncated_gzip_member_or_a_broken_record_length_loses_only_its_record() {
    let page = article_page(3);
    let records: Vec<Vec<u8>> = (1..=4).map(|i| warc_record(i, page.as_bytes())).collect();

    // The third member is cut short at the end of the file (a download that stopped).
    let mut cut: Vec<u8> = records[..3].iter().flat_map(|r| gz(r)).collect();
    cut.truncate(cut.len() - 30);
    let items = read_crawl(&cut);
    assert_eq!(&items[..2], ["doc urn:uuid:r1", "doc urn:uuid:r2"], "{items:?}");
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[2].starts_with("broken cannot decompress: the gzip member at byte"), "{items:?}");

    // The second record claims 40 bytes more than it has (plain and gzipped files).
    let mut lying = records.clone();
    let text = String::from_utf8(lying[1].clone()).expect("ascii");
    let len: usize = text
        .split("Content-Length: ")
        .nth(1)
        .and_then(|s| s.split("\r\n").next())
        .and_then(|s| s.parse().ok())
        .expect("length");
    lying[1] =
        text.replacen(&format!("Content-Length: {len}"), &format!("Content-Length: {}", len + 40), 1).into_bytes();
    for bytes in [lying.concat(), lying.iter().flat_map(|r| gz(r)).collect()] {
        let items = read_crawl(&bytes);
        assert_eq!(items.first().map(String::as_str), Some("doc urn:uuid:r1"), "{items:?}");
        assert!(items.iter().any(|i| i.starts_with("broken malformed WARC: record 2")), "{items:?}");
        assert_eq!(items.last().map(String::as_str), Some("doc urn:uuid:r4"), "{items:?}");
    }
}

#[test]
fn a_page_of_50_mb_is_read_in_linear_time() {
    // An article inside 50 MB of page: scripts, styles, navigation and a comment thread.
    let filler_block = format!(
        "<script>var x = \"{}\";</script><style>.a{{color:red}}</style><ul class=nav>{}</ul>",
        "0123456789".repeat(200),
        "<li><a href=/x>Section</a></li>".repeat(40)
    );
    let page = |mb: usize| {
        let filler = filler_block.repeat(mb * 1_000_000 / filler_block.len());
        format!("<html><body>{filler}<article>{}</article>{filler}</body></html>", article_page(20))
    };
    let time = |html: String| {
        let start = Instant::now();
        let doc = extract(ArticleInput::from_html(html)).expect("an article");
        assert_eq!(doc.article.text.matches(PARA).count(), 20);
        start.elapsed()
    };
    let small = time(page(12));
    let large = time(page(50));
    // Linear work takes about 4x as long; give a busy machine room, but not quadratic room.
    assert!(large < small * 8 + Duration::from_millis(500), "12 MB: {small:?}, 50 MB: {large:?}");
}

#[test]
fn a_hundred_thousand_nested_tags_are_flattened_with_a_warning() {
    for tag in ["div", "span", "b", "blockquote", "li", "table"] {
        let page = format!(
            "<html><body>{}{}{}</body></html>",
            format!("<{tag}>").repeat(100_000),
            article_page(4),
            format!("</{tag}>").repeat(100_000)
        );
        let doc = extract(ArticleInput::from_html(page)).unwrap_or_else(|e| panic!("{tag}: {e}"));
        assert_eq!(doc.article.text.matches(PARA).count(), 4, "{tag}");
        // A list item closes the one before it, so `<li>` never nests.
        let flattened = doc.warnings.iter().any(|w| w.code == "html_flattened");
        assert_eq!(flattened, tag != "li", "{tag}: {:?}", doc.warnings);
    }
}
