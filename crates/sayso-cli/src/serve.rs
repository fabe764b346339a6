//! `sayso serve`: turns flags and environment variables into a server configuration and
//! hands over to `sayso-server`, which holds the whole HTTP side.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

pub const AFTER_HELP: &str = "\
Endpoints:
  POST /v1/extract         one article: a JSON article object, or text/plain
                           (?offsets=codepoint|utf8|utf16, ?published=DATE, ?id=ID)
  POST /v1/extract/batch   JSON Lines in (application/x-ndjson), JSON Lines out, in order
  POST /v1/view            a Document (application/json) in, its HTML view out
                           (?layout=stacked|side, ?page=true, ?script=false)
  GET  /v1/schema          the JSON Schema of a Document
  GET  /openapi.json       OpenAPI 3.1
  GET  /healthz, /version
  GET  /                   a viewer page: paste an article, see its claims, chains, events

Errors are application/problem+json (RFC 9457). Logs go to standard error (RUST_LOG
sets the level). SIGTERM or Ctrl-C stops accepting connections and lets requests in
flight finish (for at most --grace).

Example:
  sayso serve &
  curl -s -H 'Content-Type: text/plain' --data-binary @tests/corpus/putin-trump-cia-tip.txt \\
    http://127.0.0.1:8080/v1/extract";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Your actor dictionary (PETRARCH's actor format, as `sayso extract --actors`), used
    /// for every request's CAMEO actor codes.
    #[arg(long, env = "SAYSO_ACTORS", value_name = "FILE", value_parser = crate::read_actors)]
    actors: Option<std::sync::Arc<sayso::events::ActorDictionary>>,

    /// Address to listen on.
    #[arg(long, env = "SAYSO_ADDR", value_name = "ADDR", default_value = sayso_server::DEFAULT_ADDR)]
    addr: SocketAddr,

    /// Largest request body (e.g. 10MB, 512k); larger ones get 413.
    #[arg(long, env = "SAYSO_MAX_BODY", value_name = "SIZE", default_value = "10MB", value_parser = sayso_server::parse_byte_size)]
    max_body: usize,

    /// Longest time one request may take, waiting included (e.g. 30s, 500ms); then 503.
    /// Also the longest a response may stall on a client that stops reading.
    #[arg(long, env = "SAYSO_TIMEOUT", value_name = "DURATION", default_value = "30s", value_parser = sayso_server::parse_duration)]
    timeout: Duration,

    /// Longest wait for a request's headers, and longest idle time of a kept-alive
    /// connection; then the connection is closed (stops clients that never finish a request).
    #[arg(long, env = "SAYSO_HEADER_TIMEOUT", value_name = "DURATION", default_value = "10s", value_parser = sayso_server::parse_duration)]
    header_timeout: Duration,

    /// After SIGTERM or Ctrl-C, longest wait for requests in flight; then the connections
    /// still open are dropped and the process exits.
    #[arg(long, env = "SAYSO_GRACE", value_name = "DURATION", default_value = "30s", value_parser = sayso_server::parse_duration)]
    grace: Duration,

    /// Extractions running at once (default: one per core); further requests wait.
    #[arg(long, env = "SAYSO_CONCURRENCY", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    concurrency: Option<u16>,

    /// Allow cross-origin requests from ORIGIN (repeat for several; `*` for any). CORS is
    /// off unless given.
    #[arg(long = "cors-origin", env = "SAYSO_CORS_ORIGIN", value_name = "ORIGIN", value_delimiter = ',')]
    cors_origins: Vec<String>,
}

pub fn run(args: Args) -> ExitCode {
    let config = sayso_server::Config {
        actors: args.actors,
        addr: args.addr,
        max_body: args.max_body,
        timeout: args.timeout,
        header_timeout: args.header_timeout,
        grace: args.grace,
        concurrency: args.concurrency.map_or_else(sayso_server::default_concurrency, usize::from),
        cors_origins: args.cors_origins,
    };
    match sayso_server::run(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sayso: cannot serve on {}: {e}", args.addr);
            ExitCode::FAILURE
        }
    }
}
