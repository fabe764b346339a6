//! `sayso validate`: reads Documents (one pretty JSON document, several concatenated, or
//! JSON Lines) and checks each against the schema's types (`deny_unknown_fields`, required
//! fields, enum values — the same types the JSON Schema is generated from) and then against
//! its own text with `sayso::verify`. Every failure names the file, the line where the
//! document starts, and the JSON path.

use crate::sources::io_reason;
use sayso::Document;
use std::io::Read;
use std::process::ExitCode;

pub fn run(files: &[String]) -> ExitCode {
    let mut valid = 0usize;
    let mut invalid = 0usize;
    for file in files {
        let mut bytes = Vec::new();
        let read = if file == "-" {
            std::io::stdin().read_to_end(&mut bytes)
        } else {
            std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut bytes))
        };
        let name = if file == "-" { "<stdin>" } else { file.as_str() };
        if let Err(e) = read {
            eprintln!("sayso: cannot read {name}: {}", io_reason(&e));
            invalid += 1;
            continue;
        }
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("sayso: {name}: invalid UTF-8 at byte {}", e.valid_up_to());
                invalid += 1;
                continue;
            }
        };
        let mut stream = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
        let mut start = 0;
        loop {
            // Skip whitespace to find where the next document starts, for its line number.
            let rest = &text[start..];
            let skipped = rest.len() - rest.trim_start().len();
            let line = text[..start + skipped].matches('\n').count() + 1;
            let Some(item) = stream.next() else { break };
            let value = match item {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("sayso: {name}:{}: not JSON: {e}", e.line());
                    invalid += 1;
                    break;
                }
            };
            start = stream.byte_offset();
            let problems = check_value(value);
            if problems.is_empty() {
                valid += 1;
            } else {
                invalid += 1;
                for p in problems {
                    eprintln!("sayso: {name}:{line}: {p}");
                }
            }
        }
    }
    if invalid == 0 {
        eprintln!("sayso: {valid} documents valid");
        ExitCode::SUCCESS
    } else {
        eprintln!("sayso: {invalid} invalid, {valid} valid");
        ExitCode::FAILURE
    }
}

fn check_value(value: serde_json::Value) -> Vec<String> {
    let doc: Document = match serde_path_to_error::deserialize(value) {
        Ok(d) => d,
        Err(e) => {
            let path = e.path().to_string();
            let path = if path == "." { "$".to_string() } else { format!("$.{path}") };
            return vec![format!("{path}: {}", e.into_inner())];
        }
    };
    sayso::verify::check(&doc).into_iter().map(|p| p.to_string()).collect()
}
