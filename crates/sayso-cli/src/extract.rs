//! `sayso extract`: streams records from the PATHs through the library in chunks, a few
//! in flight on the worker pool, writing documents in input order; a bad record is reported
//! and skipped, never stopping the batch.

use crate::OutputFormat;
use crate::sources::{self, Format, Record};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use sayso::{OffsetUnit, Options};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, mpsc};

pub const AFTER_HELP: &str = "\
Input: each PATH is read by its extension:
  .txt          the plain text of one article (its id is the file name)
  .json         one article object: {\"text\": \"...\", \"id\", \"title\", \"url\",
                \"publisher\", \"authors\", \"published\", \"language\"}; only text is required,
                unknown fields are ignored
  .jsonl        one article object per line (ids default to FILE:LINE); .jsonl.gz too
  .html .htm    a web page (also .html.gz): its article body is the text, the headline
                the title, and its metadata (bylines, publisher, canonical URL, language,
                publication date from JSON-LD, <meta>, <time> or the URL) fills in the
                article; the character set comes from a byte order mark or <meta>, else
                UTF-8 (bytes that do not decode are replaced, with a warning); each
                paragraph's place in the page is in article.source_map
  .warc .warc.gz  a web crawl (Common Crawl, CC-NEWS): one article per HTML response
                record, its WARC-Target-URI as url and WARC-Record-ID as id, read record
                by record in bounded memory; other records are skipped and counted on
                standard error; a broken record is reported and the rest go on
  -             standard input: a WARC file, a web page (first byte '<'), JSON (first
                byte '{') or text, also gzipped
Other extensions are sniffed like standard input. An article object may carry the page
as \"html\" (with \"url\") instead of \"text\".

Output: one article in gives one pretty-printed Document; several articles, or JSON
Lines in, give one compact Document per line, in input order. A record that cannot be
read or analysed is reported on standard error as FILE:LINE: reason, and the others
are still written; the exit status is then 1.

Language: sayso analyses English only. Each article's language is read from its text
(or taken from the article object's \"language\", or from --language, which wins). An
article in another language keeps its text, links and posts, gets a warning and no
entities, claims, events or times; a batch ends with a count of such articles per
language on standard error (the exit status stays 0). Too little running text to tell
gives \"und\", analysed as English with a warning. --language en forces the analysis.

The publication date anchors relative times (\"Friday\", \"last week\"). Give it with
--published or in the article object; otherwise sayso infers it from a dateline, an
embedded post's date or the latest explicit date, and says so in article.published.";

pub const PARSE_AFTER_HELP: &str = "\
Input: each PATH is read by its extension, as by `sayso extract`: .txt (one article),
.json (one article object), .jsonl (one article object per line), - (standard input).

Output: CoNLL-U, one document after another in input order: `# newdoc id = ID` (the
article's id: its \"id\" field, else the file's name and line, or a .txt file's name), and per
sentence `# newpar` where a paragraph starts, `# sent_id = ID-N`, `# text = ...`, one
line per word with the ten columns ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC
(FEATS and DEPS are `_`; MISC holds SpaceAfter=No where no space follows), a line such
as `3-4 don't` over the words of a contraction, and a blank line.

Relations are Universal Dependencies v2 with UD English's subtypes (nsubj:pass,
obl:agent, acl:relcl ...). The tagger and parser are learned from UD English EWT and
GUM (CC BY-SA 4.0 / CC BY 4.0; see docs/quality.md).

Examples:
  sayso parse article.txt
  sayso parse articles.jsonl -o articles.conllu
  echo 'The report was confirmed by the White House.' | sayso parse -";

/// Arguments of `sayso parse`.
#[derive(clap::Args, Debug)]
pub struct ParseArgs {
    /// Article files (.txt, .json, .jsonl), or `-` for standard input.
    #[arg(value_name = "PATH", default_value = "-")]
    paths: Vec<String>,

    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Worker threads for batches (default: all cores). Output order never changes.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Never show a progress bar (it is shown on a terminal for batches).
    #[arg(long, short)]
    quiet: bool,
}

impl From<ParseArgs> for Args {
    fn from(p: ParseArgs) -> Self {
        Args {
            paths: p.paths,
            output: p.output,
            published: None,
            language: None,
            offsets: OffsetUnit::default(),
            jobs: p.jobs,
            format: OutputFormat::Conllu,
            quiet: p.quiet,
            actors: None,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Article files (.txt, .json, .jsonl, .html, .warc.gz, ...), or `-` for standard input.
    #[arg(value_name = "PATH", default_value = "-")]
    paths: Vec<String>,

    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Publication date for every article (YYYY-MM-DD or RFC 3339), overriding any given.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<String>,

    /// Language of every article (BCP 47 tag: en, de, pt-BR), overriding any given and
    /// skipping detection. Only English is analysed: `--language en` forces the analysis of
    /// text that detection would skip.
    #[arg(long, value_name = "TAG", value_parser = parse_language)]
    language: Option<String>,

    /// Unit of span offsets: codepoint (Python), utf8 (Rust, Go), utf16 (JavaScript, Java).
    #[arg(long, value_name = "UNIT", default_value = "codepoint", value_parser = parse_unit)]
    offsets: OffsetUnit,

    /// Your actor dictionary, in PETRARCH's actor format (`DONALD_TRUMP`, then a tab and
    /// `[USAGOV >20170120]`; `+` lines add synonyms, `[~COP]` marks a role), looked up before
    /// sayso's own for events' CAMEO actor codes: it adds actors and overrides the same phrase.
    #[arg(long, value_name = "FILE", value_parser = crate::read_actors)]
    actors: Option<Arc<sayso::events::ActorDictionary>>,

    /// Worker threads for batches (default: all cores). Output order never changes.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Output format.
    #[arg(long, value_enum, default_value = "auto")]
    format: OutputFormat,

    /// Never show a progress bar (it is shown on a terminal for batches).
    #[arg(long, short)]
    quiet: bool,
}

fn parse_date(s: &str) -> Result<String, String> {
    sayso::input::parse_published(s).map(|_| s.to_string()).map_err(|e| e.to_string())
}

fn parse_language(s: &str) -> Result<String, String> {
    sayso::language::normalize_tag(s).map_err(|e| e.to_string())
}

fn parse_unit(s: &str) -> Result<OffsetUnit, String> {
    s.parse()
}

/// A chunk's outcomes, in input order.
type Finished = Vec<(sources::Origin, Outcome)>;

/// What became of one record.
enum Outcome {
    /// The output, and the article's language when it was not analysed (not English).
    Document(String, Option<String>),
    Failed(String),
}

pub fn run(args: &Args) -> ExitCode {
    let options = Options { offsets: args.offsets, actors: args.actors.clone() };
    let jobs = args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, usize::from), usize::from);
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("sayso: cannot start {jobs} worker threads: {e}");
            return ExitCode::FAILURE;
        }
    };

    let mut failures = 0usize;
    let mut opened = Vec::new();
    for path in &args.paths {
        match sources::open(path) {
            Ok(s) => opened.push(s),
            Err(msg) => {
                eprintln!("sayso: {msg}");
                failures += 1;
            }
        }
    }
    if args.paths.iter().filter(|p| *p == "-").count() > 1 {
        eprintln!("sayso: standard input (-) can be read only once");
        return ExitCode::from(2);
    }
    let single =
        args.paths.len() == 1 && opened.len() == 1 && !matches!(opened[0].format, Format::Lines | Format::Warc);
    let format = match args.format {
        OutputFormat::Auto if single => OutputFormat::Json,
        OutputFormat::Auto => OutputFormat::Jsonl,
        f => f,
    };

    let mut out: Box<dyn Write> = match &args.output {
        None => Box::new(BufWriter::new(io::stdout().lock())),
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => {
                eprintln!("sayso: cannot write {}: {}", path.display(), sources::io_reason(&e));
                return ExitCode::FAILURE;
            }
        },
    };

    let total_bytes: u64 =
        args.paths.iter().filter(|p| *p != "-").filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    let progress = progress_bar(args.quiet || single, total_bytes);
    let in_array = format == OutputFormat::Json && !single;

    let chunk_size = (jobs * 16).max(32);
    let job =
        Arc::new(Job { published: args.published.clone(), language: args.language.clone(), options, format, in_array });
    // Articles not analysed, per language (a sorted map, so that the summary reads the same
    // every run).
    let mut skipped: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut records = opened.into_iter().flat_map(sources::Source::records);
    let mut written = 0usize;
    let mut seen = 0usize;
    let mut array_open = false;
    // Chunks go to the pool as soon as they are read, a few at a time, so that the workers
    // never wait for the main thread, which reads ahead and writes finished chunks in order.
    let max_in_flight = 3;
    let mut in_flight: VecDeque<(u64, usize, mpsc::Receiver<Finished>)> = VecDeque::new();
    let mut exhausted = false;
    let write_result: io::Result<()> = (|| {
        if format == OutputFormat::EventsCsv {
            out.write_all(sayso::export::EVENTS_CSV_HEADER.as_bytes())?;
        }
        loop {
            while !exhausted && in_flight.len() < max_in_flight {
                let chunk: Vec<Record> = records.by_ref().take(chunk_size).collect();
                if chunk.is_empty() {
                    exhausted = true;
                    break;
                }
                let bytes: u64 = chunk.iter().map(|r| r.bytes).sum();
                let count = chunk.len();
                let (done, outcomes) = mpsc::sync_channel(1);
                let job = Arc::clone(&job);
                pool.spawn(move || {
                    let results =
                        chunk.into_par_iter().chunks(BATCH).flat_map_iter(|batch| job.process(batch)).collect();
                    // The receiver is gone only when writing has already failed.
                    let _ = done.send(results);
                });
                in_flight.push_back((bytes, count, outcomes));
            }
            let Some((bytes, count, outcomes)) = in_flight.pop_front() else { break };
            let Ok(outcomes) = outcomes.recv() else {
                progress.suspend(|| eprintln!("sayso: internal error: a worker stopped; {count} records lost"));
                failures += count;
                seen += count;
                continue;
            };
            for (origin, outcome) in outcomes {
                seen += 1;
                match outcome {
                    Outcome::Document(json, not_analysed) => {
                        if let Some(language) = not_analysed {
                            *skipped.entry(language).or_default() += 1;
                        }
                        if in_array {
                            out.write_all(if array_open { b",\n" } else { b"[\n" })?;
                            array_open = true;
                        }
                        out.write_all(json.as_bytes())?;
                        if format == OutputFormat::Jsonl {
                            out.write_all(b"\n")?;
                        }
                        written += 1;
                    }
                    Outcome::Failed(msg) => {
                        progress.suspend(|| eprintln!("sayso: {origin}: {msg}"));
                        failures += 1;
                    }
                }
            }
            progress.inc(bytes);
            progress.set_message(format!("{seen} articles"));
        }
        if in_array {
            out.write_all(if array_open { b"\n]\n" } else { b"[]\n" })?;
        }
        out.flush()
    })();
    progress.finish_and_clear();

    if let Err(e) = write_result {
        if e.kind() == io::ErrorKind::BrokenPipe {
            // The reader went away (`| head`): not an error of ours.
            return ExitCode::SUCCESS;
        }
        eprintln!("sayso: cannot write output: {}", sources::io_reason(&e));
        return ExitCode::FAILURE;
    }
    if !skipped.is_empty() && seen > 1 {
        eprintln!("sayso: {}", skipped_summary(&skipped));
    }
    if failures > 0 {
        if seen > 1 || failures > 1 {
            eprintln!("sayso: {written} documents written, {failures} inputs failed (reported above)");
        }
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// What the workers need to turn a record into output, owned so that a chunk can run in the
/// pool while the main thread goes on reading and writing.
struct Job {
    published: Option<String>,
    language: Option<String>,
    options: Options,
    format: OutputFormat,
    in_array: bool,
}

/// Articles a worker analyses together, each stage over all of them before the next
/// ([`sayso::extract_batch`]: the stages' tables stay in cache). Small enough that a chunk
/// still spreads over every worker.
const BATCH: usize = 16;

impl Job {
    /// The outcomes of a batch of records, in their order.
    fn process(&self, records: Vec<Record>) -> Vec<(sources::Origin, Outcome)> {
        let mut origins = Vec::with_capacity(records.len());
        let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(records.len());
        let mut articles = Vec::with_capacity(records.len());
        for record in records {
            origins.push(record.origin);
            match record.article {
                Ok(mut article) => {
                    if let Some(p) = &self.published {
                        article.published = Some(p.clone());
                    }
                    if let Some(l) = &self.language {
                        article.language = Some(l.clone());
                    }
                    articles.push(article);
                    outcomes.push(None);
                }
                Err(msg) => outcomes.push(Some(Outcome::Failed(msg))),
            }
        }
        let mut done: Box<dyn Iterator<Item = Outcome>> = if self.format == OutputFormat::Conllu {
            Box::new(articles.into_iter().map(|article| match sayso::parse(article) {
                Ok(conllu) => Outcome::Document(conllu, None),
                Err(e) => Outcome::Failed(e.to_string()),
            }))
        } else {
            Box::new(sayso::extract_batch(articles, &self.options).into_iter().map(|doc| match doc {
                Ok(doc) => {
                    let not_analysed = sayso::language::not_analysed(&doc).map(str::to_string);
                    Outcome::Document(self.render(&doc), not_analysed)
                }
                Err(e) => Outcome::Failed(e.to_string()),
            }))
        };
        // Every record without an outcome yet had an article, and gets that article's.
        origins
            .into_iter()
            .zip(outcomes)
            .map(|(origin, outcome)| {
                let outcome = outcome.or_else(|| done.next());
                (origin, outcome.unwrap_or_else(|| Outcome::Failed("internal error: no result".to_string())))
            })
            .collect()
    }

    fn render(&self, doc: &sayso::Document) -> String {
        match self.format {
            OutputFormat::Jsonl => sayso::to_json_line(doc),
            OutputFormat::EventsCsv => sayso::export::events_csv(doc),
            // Array items: the separators supply the line breaks.
            _ if self.in_array => sayso::to_json_pretty(doc).trim_end().to_string(),
            _ => sayso::to_json_pretty(doc),
        }
    }
}

/// The end-of-batch line about articles not analysed, most frequent language first:
/// `3 articles not analysed (...): de 2, fr 1`.
fn skipped_summary(skipped: &std::collections::BTreeMap<String, usize>) -> String {
    let total: usize = skipped.values().sum();
    let mut by_count: Vec<(&String, &usize)> = skipped.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let list: Vec<String> = by_count.iter().map(|(l, n)| format!("{l} {n}")).collect();
    format!(
        "{total} article{} not analysed (sayso analyses English only; each says so in its warnings): {}",
        if total == 1 { "" } else { "s" },
        list.join(", ")
    )
}

fn progress_bar(quiet: bool, total_bytes: u64) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = if total_bytes > 0 {
        ProgressBar::new(total_bytes).with_style(
            ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {bytes_per_sec} {msg} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        )
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar
}
