//! Any bytes as a web page (gzip and character sets sniffed as for a file): reading must end
//! in an article or an error, never a panic or a hang, and the document must keep every
//! promise `sayso::verify` checks, its source map pointing inside the page.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = sayso::ArticleInput::from_html_bytes(data, None) else { return };
    let html_len = article.html.as_ref().map_or(0, |h| h.chars().count() as u64);
    match sayso::extract(article, &sayso::Options::default()) {
        Ok(doc) => {
            let problems = sayso::verify::check(&doc);
            assert!(problems.is_empty(), "{problems:#?}");
            assert!(!doc.article.source_map.is_empty(), "a page's article has a source map");
            for p in &doc.article.source_map {
                assert!(p.html.end <= html_len, "source map past the page: {p:?} of {html_len}");
            }
        }
        Err(e) => assert!(
            matches!(e, sayso::Error::NoArticle { .. } | sayso::Error::EmptyText),
            "a page can only fail by holding no article: {e}"
        ),
    }
});
