//! Any bytes as a WARC file (plain or gzipped): every item comes in order with increasing
//! record numbers, reading ends (no hang, however the records are broken), and every page
//! read analyses cleanly or fails only for want of an article.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sayso::input::warc::{WarcItem, WarcReader};

fuzz_target!(|data: &[u8]| {
    let mut last = 0;
    for item in WarcReader::new(data) {
        let record = match &item {
            WarcItem::Page { record, .. } | WarcItem::Skipped { record, .. } | WarcItem::Broken { record, .. } => record,
        };
        assert!(record.number >= last, "record numbers never go back");
        assert!(record.offset <= data.len() as u64);
        last = record.number;
        if let WarcItem::Page { article, .. } = item {
            match sayso::extract(*article, &sayso::Options::default()) {
                Ok(doc) => assert!(sayso::verify::check(&doc).is_empty()),
                Err(e) => assert!(matches!(e, sayso::Error::NoArticle { .. } | sayso::Error::EmptyText), "{e}"),
            }
        }
    }
});
