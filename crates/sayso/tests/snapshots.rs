//! Every article in `tests/corpus/` through the whole pipeline, compared with its snapshot
//! in `tests/snapshots/` (the same files the CLI, HTTP and Python tests read). Review a
//! change with `just snapshots` and `git diff tests/snapshots`, or `cargo insta review`.

use sayso::{ArticleInput, Options};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The corpus articles, sorted by file name: (snapshot name, article).
fn corpus() -> Vec<(String, ArticleInput)> {
    let dir = root().join("tests/corpus");
    let mut items: Vec<(String, ArticleInput)> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let stem = path.file_stem()?.to_str()?.to_string();
            let bytes = std::fs::read(&path).ok()?;
            let article = match path.extension()?.to_str()? {
                "txt" => {
                    let mut a = ArticleInput::from_text(String::from_utf8(bytes).expect("corpus text is UTF-8"));
                    a.id = Some(stem.clone());
                    a
                }
                "json" => ArticleInput::from_json_bytes(&bytes).expect("corpus article object parses"),
                "html" => {
                    let mut a = ArticleInput::from_html_bytes(&bytes, None).expect("corpus page decodes");
                    a.id = Some(stem.clone());
                    a
                }
                _ => return None,
            };
            Some((stem, article))
        })
        .collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    items
}

#[test]
fn corpus_has_the_reference_article_a_web_page_and_ten_others() {
    let names: Vec<String> = corpus().into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"putin-trump-cia-tip".to_string()), "{names:?}");
    assert!(names.contains(&"harbor-ledger-flood-barrier".to_string()), "{names:?}");
    assert!(names.len() >= 12, "{names:?}");
}

#[test]
fn every_corpus_article_matches_its_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for (name, article) in corpus() {
            let doc = sayso::extract(article.clone(), &Options::default()).expect("corpus article analyses");
            let problems = sayso::verify::check(&doc);
            assert!(problems.is_empty(), "{name}: {problems:#?}");
            let json = sayso::to_json_pretty(&doc);
            let again = sayso::to_json_pretty(&sayso::extract(article, &Options::default()).expect("second run"));
            assert_eq!(json, again, "{name}: two runs differ");
            insta::assert_binary_snapshot!(&format!("{name}.json"), json.into_bytes());
        }
    });
}

/// `to_json_line` has its own writer (faster than serde_json's); its bytes must be serde_json's
/// for every corpus article in every offset unit, and for every stored snapshot.
#[test]
fn json_lines_are_serde_json_bytes() {
    for (name, article) in corpus() {
        for unit in [sayso::OffsetUnit::Codepoint, sayso::OffsetUnit::Utf8, sayso::OffsetUnit::Utf16] {
            let doc = sayso::extract(article.clone(), &Options::default().with_offsets(unit))
                .expect("corpus article analyses");
            let expected = serde_json::to_string(&doc).expect("serialisable");
            assert!(sayso::to_json_line(&doc) == expected, "{name} ({unit:?}): to_json_line differs from serde_json");
        }
        let path = root().join(format!("tests/snapshots/{name}.snap.json"));
        let stored = std::fs::read_to_string(&path).expect("snapshot exists");
        let doc: sayso::Document = serde_json::from_str(&stored).expect("snapshot is a document");
        assert!(
            sayso::to_json_line(&doc) == serde_json::to_string(&doc).expect("serialisable"),
            "{name} snapshot: to_json_line differs from serde_json"
        );
    }
}

/// `extract_batch` runs each stage over the whole batch before the next: every document must
/// be the one `extract` gives for the same article alone, a failing article (empty text, a
/// bad date) must get its own error in its own place, and a German article must be skipped
/// by the later stages without disturbing its neighbours.
#[test]
fn a_batch_gives_each_article_its_own_document() {
    let mut inputs: Vec<ArticleInput> = corpus().into_iter().map(|(_, a)| a).collect();
    inputs.insert(3, ArticleInput::from_text("   ".to_string()));
    let mut bad_date = ArticleInput::from_text("The mayor said the bridge would reopen on Monday.".to_string());
    bad_date.published = Some("not a date".to_string());
    inputs.insert(7, bad_date);
    let expected: Vec<Result<String, String>> = inputs
        .iter()
        .map(|a| {
            sayso::extract(a.clone(), &Options::default()).map(|d| sayso::to_json_line(&d)).map_err(|e| e.to_string())
        })
        .collect();
    assert!(expected[3].is_err() && expected[7].is_err());
    assert!(expected.iter().filter(|r| r.is_ok()).count() >= 12);
    let batch: Vec<Result<String, String>> = sayso::extract_batch(inputs, &Options::default())
        .into_iter()
        .map(|r| r.map(|d| sayso::to_json_line(&d)).map_err(|e| e.to_string()))
        .collect();
    assert_eq!(batch.len(), expected.len());
    for (i, (b, e)) in batch.iter().zip(&expected).enumerate() {
        assert!(b == e, "article {i}: the batch's result differs from extract's");
    }
}
