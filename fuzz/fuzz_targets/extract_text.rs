//! Any bytes as an article's plain text: decoding, every stage and assembly must never
//! panic, and the document must keep every promise `sayso::verify` checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match sayso::extract(sayso::ArticleInput::from_text(text), &sayso::Options::default()) {
        Ok(doc) => {
            let problems = sayso::verify::check(&doc);
            assert!(problems.is_empty(), "{problems:#?}");
        }
        Err(e) => assert_eq!(e, sayso::Error::EmptyText, "plain text can only fail by being empty"),
    }
});
