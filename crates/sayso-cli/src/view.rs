//! `sayso view`: Documents (as `sayso extract` writes them) as an HTML page people read:
//! the text with its claims, entities, times and events marked, claim cards with their
//! say-so chains, an events table and a "who says what" summary. The page is rendered by
//! `sayso::view`, the same renderer as the server's viewer and Python's notebook display.

use crate::validate::each_document;
use sayso::view::{Layout, ViewOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub const AFTER_HELP: &str = "\
Input: Documents as `sayso extract` writes them: one pretty JSON Document, several
concatenated, or JSON Lines; `-` reads standard input. Article files are not Documents:
extract them first (see the examples).

Without --output the page is written to the system's temporary directory and opened in
the default browser. The page is self-contained: no network, no external files; its
script only adds highlighting on hover and click, and everything is readable without it.

Examples:
  sayso extract tests/corpus/putin-trump-cia-tip.txt | sayso view -
  sayso view article.sayso.json -o article.html
  sayso view documents.jsonl --id putin-trump-cia-tip -o one.html
  sayso view article.sayso.json --fragment -o cell.html    # what notebooks show";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files of Documents (`-` for standard input).
    #[arg(value_name = "FILE", default_value = "-")]
    files: Vec<String>,

    /// Write the HTML to FILE (`-` for standard output) instead of opening it in a browser.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Only the documents whose article id is ID (repeat for several).
    #[arg(long = "id", value_name = "ID")]
    ids: Vec<String>,

    /// Arrangement: `side` (text beside the cards and tables, stacked on narrow windows) or
    /// `stacked` (text above them, as in notebooks).
    #[arg(long, value_name = "LAYOUT", default_value = "side", value_parser = parse_layout)]
    layout: Layout,

    /// Write the embeddable fragment (what a notebook cell shows) instead of a whole page.
    #[arg(long)]
    fragment: bool,

    /// Leave the script out: a static page (it reads the same; hovering and clicking
    /// highlight nothing).
    #[arg(long)]
    no_script: bool,
}

fn parse_layout(s: &str) -> Result<Layout, String> {
    s.parse()
}

pub fn run(args: &Args) -> ExitCode {
    let mut docs = Vec::new();
    let mut failed = false;
    for file in &args.files {
        let fix = format!("run `sayso extract {} | sayso view -`", if file == "-" { "-" } else { file.as_str() });
        let mut first = true;
        let read = each_document(file, |d| {
            let at_start = std::mem::take(&mut first);
            match d.value {
                Ok(v) if v.get("article").is_none() && v.get("text").is_some() => {
                    eprintln!("sayso: {}:{}: this is an article, not a Document: {fix}", d.name, d.line);
                    failed = true;
                }
                Ok(v) => {
                    let id = v.pointer("/article/id").and_then(|i| i.as_str()).unwrap_or("");
                    if args.ids.is_empty() || args.ids.iter().any(|want| want == id) {
                        docs.push((d.name, d.line, v));
                    }
                }
                // Not JSON from the start: most likely an article's text.
                Err(e) if at_start => {
                    eprintln!("sayso: {}:{}: {e} (view reads Documents; for an article, {fix})", d.name, d.line);
                    failed = true;
                }
                Err(e) => {
                    eprintln!("sayso: {}:{}: {e}", d.name, d.line);
                    failed = true;
                }
            }
        });
        if let Err(e) = read {
            eprintln!("sayso: {e}");
            failed = true;
        }
    }
    if docs.is_empty() {
        if !args.ids.is_empty() {
            eprintln!("sayso: no document has the id {}", args.ids.join(" or "));
        } else if !failed {
            eprintln!("sayso: no Documents in the input");
        }
        return ExitCode::FAILURE;
    }
    let options = ViewOptions { layout: args.layout, page: !args.fragment, script: !args.no_script };
    // Refuse only the documents that are not Documents; show the rest.
    let mut values = Vec::with_capacity(docs.len());
    for (name, line, v) in docs {
        match sayso::view::check(&v) {
            Ok(()) => values.push(v),
            Err(e) => {
                eprintln!("sayso: {name}:{line}: {e}");
                failed = true;
            }
        }
    }
    let html = match sayso::view::render(&values, &options) {
        Ok(h) if !values.is_empty() => h,
        Ok(_) => return ExitCode::FAILURE,
        Err(e) => {
            eprintln!("sayso: {e}");
            return ExitCode::FAILURE;
        }
    };
    let status = if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS };
    match &args.output {
        Some(path) if path.as_os_str() == "-" => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(html.as_bytes()).and_then(|()| out.flush()) {
                eprintln!("sayso: cannot write the page: {}", crate::sources::io_reason(&e));
                return ExitCode::FAILURE;
            }
            status
        }
        Some(path) => match std::fs::write(path, html) {
            Ok(()) => status,
            Err(e) => {
                eprintln!("sayso: cannot write {}: {}", path.display(), crate::sources::io_reason(&e));
                ExitCode::FAILURE
            }
        },
        None => open_in_browser(&html, &values, status),
    }
}

/// Writes the page to the temporary directory and opens it with the system's browser.
fn open_in_browser(html: &str, docs: &[serde_json::Value], status: ExitCode) -> ExitCode {
    let stem: String = match docs {
        [one] => one.pointer("/article/id").and_then(|i| i.as_str()).unwrap_or("document").to_string(),
        many => format!("{}-documents", many.len()),
    };
    let safe: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .take(80)
        .collect();
    let path = std::env::temp_dir().join(format!("sayso-view-{safe}.html"));
    if let Err(e) = std::fs::write(&path, html) {
        eprintln!("sayso: cannot write {}: {}", path.display(), crate::sources::io_reason(&e));
        return ExitCode::FAILURE;
    }
    match open::that_detached(&path) {
        Ok(()) => {
            eprintln!("sayso: opened {} in the browser", path.display());
            status
        }
        Err(e) => {
            eprintln!(
                "sayso: wrote {}, but could not open a browser ({e}); open that file yourself, or use -o FILE",
                path.display()
            );
            ExitCode::FAILURE
        }
    }
}
