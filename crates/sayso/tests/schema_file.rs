//! The checked-in JSON Schema must be exactly what the Rust types generate: consumers in
//! other languages code against the file, so a type change without `just schema` fails here.

use std::path::Path;

#[test]
fn checked_in_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../schema/sayso-v{}.schema.json", sayso::major_version()));
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == sayso::json_schema_string(),
        "{} is stale or missing: run `just schema` and commit the result",
        path.display()
    );
}

#[test]
fn schema_is_draft_2020_12_and_documents_every_property() {
    let schema = sayso::json_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["title"], "SaysoDocument");
    // Every property of every definition carries a description (from the doc comments).
    let mut missing = Vec::new();
    let mut walk = vec![("#".to_string(), &schema)];
    while let Some((path, node)) = walk.pop() {
        if let Some(props) = node.get("properties").and_then(|p| p.as_object()) {
            for (name, prop) in props {
                if prop.get("description").is_none() {
                    missing.push(format!("{path}/properties/{name}"));
                }
            }
        }
        if let Some(defs) = node.get("$defs").and_then(|d| d.as_object()) {
            for (name, def) in defs {
                if def.get("description").is_none() {
                    missing.push(format!("#/$defs/{name}"));
                }
                walk.push((format!("#/$defs/{name}"), def));
            }
        }
    }
    assert!(missing.is_empty(), "undocumented: {missing:#?}");
}
