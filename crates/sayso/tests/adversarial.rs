//! Hostile inputs as regression tests: each must come out as a valid Document (every span
//! checked by `sayso::verify`), and in time that grows linearly with its size: the same
//! input at four times the size may take at most ~8× as long (quadratic work would take 16×).
//! Sizes are kept small enough for an unoptimised test build; `just bench` and the fuzz
//! targets cover the large end.

use sayso::{ArticleInput, Options};
use std::time::{Duration, Instant};

/// Extracts `text`, checks the Document, and returns how long extraction took.
fn run(name: &str, text: &str) -> Duration {
    let started = Instant::now();
    let doc = sayso::extract(ArticleInput::from_text(text), &Options::default());
    let elapsed = started.elapsed();
    match doc {
        Ok(doc) => {
            let problems = sayso::verify::check(&doc);
            assert!(problems.is_empty(), "{name}: {problems:?}");
        }
        // Only an input without any text may be refused.
        Err(e) => assert!(text.trim().is_empty(), "{name}: {e}"),
    }
    elapsed
}

/// Runs `make(n)` and `make(4n)`, and fails when the larger took far more than 4× longer.
/// Timings on a shared machine are noisy upwards only, so a failing ratio is measured again
/// (up to five times) with the fastest run of each size kept: a quadratic stage fails every
/// time, a busy neighbour does not.
fn linear(name: &str, n: usize, make: impl Fn(usize) -> String) {
    let small = make(n);
    let large = make(4 * n);
    // Warm up lazily built lexicons and models so they are not charged to the small run.
    run(name, "Warm up, he said.");
    let (mut t_small, mut t_large) = (Duration::MAX, Duration::MAX);
    let mut ratio = f64::INFINITY;
    for _ in 0..5 {
        t_small = t_small.min(run(name, &small).max(Duration::from_millis(5)));
        t_large = t_large.min(run(name, &large));
        ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
        if ratio < 8.0 {
            return;
        }
    }
    panic!(
        "{name}: {} bytes took {t_small:?}, {} bytes took {t_large:?} ({ratio:.1}×, best of 5): not linear",
        small.len(),
        large.len()
    );
}

fn repeat(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes / piece.len().max(1) + 1)
}

#[test]
fn one_very_long_line_of_prose() {
    linear("long line", 250_000, |n| repeat("Officials said the talks, which began Friday, would go on. ", n));
}

#[test]
fn unbalanced_quotation_marks() {
    linear("unbalanced quotes", 25_000, |n| repeat("“", n));
    linear("unbalanced straight quotes", 25_000, |n| repeat("\" he said ", n));
    linear("closing quotes only", 25_000, |n| repeat("” said Trump. ", n));
}

#[test]
fn deeply_nested_quotations() {
    linear("nested quotes", 2_000, |n| {
        let depth = n / 4;
        let mut s = String::from("He said ");
        for i in 0..depth {
            s.push_str(if i % 2 == 0 { "“she said " } else { "‘he said " });
        }
        for i in (0..depth).rev() {
            s.push_str(if i % 2 == 0 { "”" } else { "’" });
        }
        s
    });
}

#[test]
fn punctuation_only_and_control_characters() {
    linear("punctuation", 50_000, |n| repeat(".,;:!?-—()[]{}\"'…", n));
    linear("control characters", 50_000, |n| repeat("a\u{0}b\u{1}\u{7}\u{1b}[31m\r\u{b}\u{c}", n));
    run("empty", "");
    run("blank", " \n\t\n ");
}

#[test]
fn scripts_marks_and_emoji() {
    linear("mixed scripts", 25_000, |n| {
        repeat("Путин сказал, что 普京说 «нет». قال بوتين إن “السلام” ممكن. שלום Trump said. ", n)
    });
    linear("right to left", 25_000, |n| repeat("\u{202e}.dias pmurT \u{202c}“‏مرحبا‏,” he said. ", n));
    linear("combining marks", 25_000, |n| repeat("e\u{301}\u{302}\u{303}\u{304} Zalgo\u{336}\u{337} said. ", n));
    linear("emoji", 25_000, |n| repeat("👩‍👩‍👧‍👦🇺🇸 “🔥,” 🎉 said @POTUS 🙏🏽. ", n));
}

#[test]
fn extremely_long_tokens() {
    linear("long word", 100_000, |n| repeat("a", n));
    linear("long number", 100_000, |n| repeat("9", n));
    linear("long url", 100_000, |n| format!("See https://t.co/{} now.", repeat("x", n)));
    linear("long handle", 100_000, |n| format!("Read @{} today.", repeat("h", n)));
}

#[test]
fn many_short_paragraphs_and_sentences() {
    linear("paragraphs", 50_000, |n| {
        repeat("“Yes.”\n\nHe said so.\n\n— Sarah Sanders (@PressSec) December 17, 2017\n", n)
    });
}

/// Arbitrary Unicode that the parser turned into a cycle once its paired marks were
/// re-attached: the punctuation rule climbed it for ever, growing a list until memory ran
/// out (found by `arbitrary_unicode_keeps_every_promise`).
#[test]
fn a_cycle_in_a_parse_of_marks_ends() {
    let text = "\u{bb4}\"5\u{11734}\"`n!{\u{d5}hn:.\u{1128c}/\u{1f574}\u{17e1}O)\u{11ca5}:W:\u{10101}\u{103ae}:*\u{1258}*\u{10005} %$\"<?\\\u{acd}`yF\u{fbe}\u{105b7}<%/`v\u{9b2}\u{11288}/9\u{60f}:O*&d\u{e1}\u{10592}K<i\u{1f233}\u{11144}\u{1fae5}6\u{1d4a2}\\ep./\u{1e08f}{*}`\u{1ee52}{D\u{1f246}\"\u{12a7}<:%\u{1f574}m{\u{1397}\"\u{1819}\"\u{c4}h\\\u{1f574}";
    let article = ArticleInput { language: Some("en".into()), ..ArticleInput::from_text(text) };
    let doc = sayso::extract(article, &Options::default()).expect("analysed");
    assert!(sayso::verify::check(&doc).is_empty());
}
