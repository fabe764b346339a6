//! Any bytes as a JSON Lines batch: every line is accounted for (a record or an error, in
//! increasing line order), and good records analyse cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut last_line = 0;
    for record in sayso::input::JsonLines::new(data) {
        assert!(record.line > last_line, "line numbers must increase");
        last_line = record.line;
        if let Ok(article) = record.article {
            if let Ok(doc) = sayso::extract(article, &sayso::Options::default()) {
                assert!(sayso::verify::check(&doc).is_empty());
            }
        }
    }
    let newlines = data.iter().filter(|&&b| b == b'\n').count();
    assert!(last_line <= newlines + 1);
});
