//! Any bytes as an article object: the JSON reader must reject bad input with an error
//! (never a panic), and whatever it accepts must analyse cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = sayso::ArticleInput::from_json_bytes(data) else { return };
    if let Ok(doc) = sayso::extract(article, &sayso::Options::default().with_offsets(sayso::OffsetUnit::Utf16)) {
        let problems = sayso::verify::check(&doc);
        assert!(problems.is_empty(), "{problems:#?}");
    }
});
