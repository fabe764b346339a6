//! `sayso`, the command line: reads news articles and writes, as JSON, who says what
//! happened. All extraction lives in the `sayso` library; this binary parses arguments,
//! moves bytes and reports errors.

mod extract;
mod serve;
mod sources;
mod validate;
mod view;

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Examples:
  sayso extract tests/corpus/putin-trump-cia-tip.txt
  sayso extract --published 2017-12-17 article.txt -o article.sayso.json
  sayso extract articles.jsonl --jobs 8 > documents.jsonl
  sayso extract --language en transcript.txt     # analyse as English, whatever detection says
  sayso parse article.txt > article.conllu
  sayso extract page.html
  sayso extract CC-NEWS-20191118.warc.gz --jobs 8 -o documents.jsonl
  cat article.txt | sayso extract -
  sayso schema -o sayso-v1.schema.json
  sayso validate documents.jsonl
  sayso extract article.txt | sayso view -
  sayso serve --addr 127.0.0.1:8080

Exit status: 0 when every article was processed, 1 when some input could not be
read or analysed (each is reported on standard error, the rest are still written),
2 for a usage error.";

/// Who says what happened: sayso reads news articles and writes down the entities,
/// every attributed claim with its source and cue, the events claims report (CAMEO-coded),
/// and every time expression normalised to a calendar value — each record pointing back
/// to the exact characters it came from, with its say-so chain up to the publisher.
#[derive(Parser, Debug)]
#[command(name = "sayso", version, after_help = AFTER_HELP, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles and write one Document (JSON) per article.
    #[command(after_help = extract::AFTER_HELP)]
    Extract(extract::Args),
    /// Tag, lemmatise and parse articles; write CoNLL-U (Universal Dependencies' format):
    /// per sentence its words, UPOS and Penn tags, lemmas, heads and relations.
    #[command(after_help = extract::PARSE_AFTER_HELP)]
    Parse(extract::ParseArgs),
    /// Print the JSON Schema (draft 2020-12) that every Document follows.
    Schema {
        /// Write the schema to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<std::path::PathBuf>,
    },
    /// Check Documents (a .json file, or JSON Lines) against the schema and the text they
    /// point into; report where each one fails.
    Validate {
        /// Files of Documents, as written by `sayso extract` (`-` for standard input).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// Show Documents as people read them: an HTML page with the text marked, claim cards
    /// with their say-so chains, an events table and who says what; opened in the browser,
    /// or written with -o.
    #[command(after_help = view::AFTER_HELP)]
    View(view::Args),
    /// Serve the HTTP API (POST /v1/extract, /v1/extract/batch, GET /openapi.json) and a
    /// viewer page at /.
    #[command(after_help = serve::AFTER_HELP)]
    Serve(serve::Args),
}

/// Output formats for `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Pretty JSON for one article in, JSON Lines otherwise.
    Auto,
    /// Pretty JSON: one Document, or an array of them for several articles.
    Json,
    /// One compact Document per line.
    Jsonl,
    /// One CSV row per event (document, date, source, target, CAMEO code and root,
    /// trigger, place, modality, attributed source, quote, and as GDELT names them
    /// Actor1Code, Actor2Code, GoldsteinScale, QuadClass; then the language), after a header line.
    EventsCsv,
    /// CoNLL-U (what `sayso parse` writes).
    #[value(skip)]
    Conllu,
}

/// Reads a user's actor dictionary (`--actors FILE`): PETRARCH's actor-dictionary format.
///
/// # Errors
/// A message naming the file and, for a line it cannot read, the line.
pub fn read_actors(path: &str) -> Result<std::sync::Arc<sayso::events::ActorDictionary>, String> {
    let text = std::fs::read(path).map_err(|e| format!("cannot read {path}: {}", sources::io_reason(&e)))?;
    let text = String::from_utf8(text)
        .map_err(|e| format!("{path}: not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))?;
    let d = sayso::events::ActorDictionary::parse(&text).map_err(|e| format!("{path}: {e}"))?;
    if d.is_empty() {
        return Err(format!("{path}: no actor in the file (expected PETRARCH's format: PHRASE [CODE])"));
    }
    Ok(std::sync::Arc::new(d))
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Parse(args) => extract::run(&args.into()),
        Command::Schema { output } => {
            let schema = sayso::json_schema_string();
            match output {
                None => {
                    print!("{schema}");
                    ExitCode::SUCCESS
                }
                Some(path) => match std::fs::write(&path, schema) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) => {
                        eprintln!("sayso: cannot write {}: {}", path.display(), sources::io_reason(&e));
                        ExitCode::FAILURE
                    }
                },
            }
        }
        Command::Validate { files } => validate::run(&files),
        Command::View(args) => view::run(&args),
        Command::Serve(args) => serve::run(args),
    }
}
