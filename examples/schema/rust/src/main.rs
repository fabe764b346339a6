//! Who says what: every claim in a sayso Document, read into types that typify generates
//! at compile time from the JSON Schema.
//!
//! Usage: cargo run -- DOCUMENT.json

// Every definition of the schema becomes a Rust type (`Claim`, `Span`, `ClaimKind`, ...) and
// the root, titled `SaysoDocument`, becomes `SaysoDocument`.
typify::import_types!(schema = "../../../schema/sayso-v1.schema.json");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: sayso-schema-consumer DOCUMENT.json")?;
    let doc: SaysoDocument = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    // Ask sayso for UTF-8 offsets (`--offsets utf8`) to slice a Rust `str` directly; the
    // default code points are counted with `chars()`.
    let text: Vec<char> = doc.article.text.chars().collect();
    let slice = |span: &Span| -> String { text[span.start as usize..span.end as usize].iter().collect() };
    assert_eq!(doc.offsets, OffsetUnit::Codepoint, "this example slices code-point offsets");
    for claim in &doc.claims {
        let source = claim.source.as_ref().map_or("(no source)", |s| s.text.as_str());
        let cue = claim.cue.as_ref().map_or_else(|| "(no cue)".to_string(), |c| slice(&c.span));
        println!("{} [{}] {source} -> {cue} -> {}", claim.id, claim.kind, claim.content.text);
    }
    Ok(())
}
