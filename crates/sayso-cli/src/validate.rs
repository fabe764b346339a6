//! `sayso validate`: reads Documents (one pretty JSON document, several concatenated, or
//! JSON Lines) and checks each against the schema's types (`deny_unknown_fields`, required
//! fields, enum values — the same types the JSON Schema is generated from) and then against
//! its own text with `sayso::verify`. Every failure names the file, the line where the
//! document starts, and the JSON path.

use sayso::Document;
use std::process::ExitCode;

pub fn run(files: &[String]) -> ExitCode {
    let mut valid = 0usize;
    let mut invalid = 0usize;
    for file in files {
        let read = each_document(file, |doc| {
            let problems = match doc.value {
                Ok(value) => check_value(value),
                Err(e) => vec![e],
            };
            if problems.is_empty() {
                valid += 1;
            } else {
                invalid += 1;
                for p in problems {
                    eprintln!("sayso: {}:{}: {p}", doc.name, doc.line);
                }
            }
        });
        if let Err(e) = read {
            eprintln!("sayso: {e}");
            invalid += 1;
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

/// One JSON value read from a file of Documents, with where it starts.
pub struct ReadDocument {
    /// The file's name (`<stdin>` for standard input).
    pub name: String,
    /// 1-based line where the value starts.
    pub line: usize,
    /// The value, or why the JSON stopped being readable (the last item of the file).
    pub value: Result<serde_json::Value, String>,
}

/// Hands `each` every JSON value in `file` (`-` for standard input), one at a time: one
/// pretty document, several concatenated, or JSON Lines. An error is a file that cannot be
/// read or is not UTF-8.
pub fn each_document(file: &str, mut each: impl FnMut(ReadDocument)) -> Result<(), String> {
    let name = if file == "-" { "<stdin>" } else { file };
    let bytes = if file == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map(|_| b)
    } else {
        std::fs::read(file)
    }
    .map_err(|e| format!("cannot read {name}: {}", crate::sources::io_reason(&e)))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| format!("{name}: invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
    let mut start = 0;
    // Line numbers counted on from the previous document, not from the top each time (which
    // made a large JSON Lines file quadratic).
    let (mut counted, mut line) = (0, 1);
    loop {
        // Skip whitespace to find where the next document starts, for its line number.
        let rest = &text[start..];
        let at = start + rest.len() - rest.trim_start().len();
        line += text.as_bytes()[counted..at].iter().filter(|&&b| b == b'\n').count();
        counted = at;
        let Some(item) = stream.next() else { break };
        let (line, value) = match item {
            Ok(v) => (line, Ok(v)),
            Err(e) => (e.line(), Err(format!("not JSON: {e}"))),
        };
        let stop = value.is_err();
        each(ReadDocument { name: name.to_string(), line, value });
        if stop {
            break;
        }
        start = stream.byte_offset();
    }
    Ok(())
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
