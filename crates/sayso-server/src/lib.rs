//! The sayso HTTP API and viewer: an axum [`Router`] over the `sayso` library, started by
//! `sayso serve`. It holds no extraction logic: requests are read with the core's input
//! parsing ([`sayso::ArticleInput`], [`sayso::input::JsonLines`]), analysed with
//! [`sayso::extract`] on the blocking pool, and written with the core's serialisers, so a
//! document from `POST /v1/extract` is byte-identical to `sayso extract` on the same article.
//!
//! Endpoints: `POST /v1/extract` (one article: a JSON article object or `text/plain`),
//! `POST /v1/extract/batch` (NDJSON in, NDJSON out, in input order), `POST /v1/parse` (one
//! article in, CoNLL-U out, from [`sayso::parse`]), `POST /v1/view` (a Document in, its HTML
//! view out: `sayso::view`), `GET /v1/schema`, `GET /openapi.json`, `GET /healthz`,
//! `GET /version` and `GET /`, a viewer page (with `/viewer.js`, `/view.js`).
//!
//! Production behaviour: a request body limit (413), a per-request timeout (503), a limit on
//! concurrent extractions (requests beyond it wait, which is the back-pressure), graceful
//! shutdown on SIGTERM or Ctrl-C, request ids in the logs and in `x-request-id`, every error
//! as `application/problem+json` (RFC 9457), and CORS only for the origins given.
//!
//! ```no_run
//! let config = sayso_server::Config::default();
//! sayso_server::run(config)?;
//! # Ok::<(), std::io::Error>(())
//! ```

mod api;
pub mod openapi;
pub mod problem;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use problem::{PROBLEM_JSON, Problem};
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tower::ServiceBuilder;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

/// Default listening address (loopback only: exposing the server is a deliberate choice).
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// Default request body limit: 10 MiB.
pub const DEFAULT_MAX_BODY: usize = 10 * 1024 * 1024;
/// Default per-request timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default wait for a request's headers (also the idle time a kept-alive connection may sit).
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Default wait, after a shutdown signal, for requests in flight.
pub const DEFAULT_GRACE: Duration = Duration::from_secs(30);

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Largest request body accepted, in bytes; larger bodies get 413.
    pub max_body: usize,
    /// Longest time one request may take once its headers are in (reading its body and
    /// waiting for a worker included); then 503. Also the longest a response may stall on a
    /// client that reads none of it; then the connection is closed.
    pub timeout: Duration,
    /// Longest wait for a request's headers, from the moment the connection is open (or the
    /// previous response was written, on a kept-alive connection); then the connection is
    /// closed. This is what stops clients that open connections and never finish a request.
    pub header_timeout: Duration,
    /// Longest wait, after the shutdown signal, for requests in flight; connections still open
    /// then are dropped, so a client that never reads its response cannot hold the process.
    pub grace: Duration,
    /// Extractions running at once; further requests wait for a free slot.
    pub concurrency: usize,
    /// Origins allowed by CORS (`*` for any); empty means CORS is off.
    pub cors_origins: Vec<String>,
    /// The user's actor dictionary, for every request's CAMEO actor codes.
    pub actors: Option<Arc<sayso::events::ActorDictionary>>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_body: DEFAULT_MAX_BODY,
            timeout: DEFAULT_TIMEOUT,
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            grace: DEFAULT_GRACE,
            concurrency: default_concurrency(),
            cors_origins: Vec::new(),
            actors: None,
        }
    }
}

/// One extraction per core: extraction is CPU-bound, so more at once only adds latency.
#[must_use]
pub fn default_concurrency() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Parses a byte size: a number with an optional unit (`10MB`, `512k`, `1MiB`, `1048576`).
/// Units are binary (k = 1024), as for most server limits.
///
/// # Errors
/// A message naming the value when it is not a size.
pub fn parse_byte_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: usize = num.parse().map_err(|_| format!("`{s}` is not a size (expected e.g. 10MB, 512k or 1048576)"))?;
    let mult: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("`{s}`: unknown size unit (expected B, k, MB or GB)")),
    };
    n.checked_mul(mult).ok_or_else(|| format!("`{s}` is too large"))
}

/// Parses a duration: a number with an optional unit (`30s`, `500ms`, `2m`; bare numbers
/// are seconds).
///
/// # Errors
/// A message naming the value when it is not a duration, or it is zero.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num.parse().map_err(|_| format!("`{s}` is not a duration (expected e.g. 30s, 500ms or 2m)"))?;
    let secs = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "s" | "sec" | "secs" => n,
        "ms" => n / 1000.0,
        "m" | "min" => n * 60.0,
        _ => return Err(format!("`{s}`: unknown time unit (expected ms, s or m)")),
    };
    if !secs.is_finite() || secs <= 0.0 {
        return Err(format!("`{s}`: the duration must be more than zero"));
    }
    Duration::try_from_secs_f64(secs).map_err(|e| format!("`{s}`: {e}"))
}

/// What every handler shares.
pub(crate) struct Shared {
    pub(crate) config: Config,
    /// One permit per concurrent extraction. A permit moves into the blocking task and is
    /// released only when the CPU work ends, even if the request has timed out meanwhile, so
    /// the limit bounds the work actually running, not just the requests waiting for it.
    pub(crate) permits: Arc<tokio::sync::Semaphore>,
    /// The OpenAPI document, built once.
    pub(crate) openapi: String,
}

type AppState = Arc<Shared>;

/// The API and viewer as a router with every production layer in place; serve it with
/// [`serve`], or call it directly in tests (`tower::ServiceExt::oneshot`).
pub fn router(config: Config) -> Router {
    let shared = Arc::new(Shared {
        permits: Arc::new(tokio::sync::Semaphore::new(config.concurrency.max(1))),
        openapi: openapi::document_string(),
        config,
    });
    let cors = cors_layer(&shared.config.cors_origins);
    let timeout = shared.config.timeout;
    let layers = ServiceBuilder::new()
        .layer(SetRequestIdLayer::x_request_id(RequestIds::default()))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                    tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .option_layer(cors)
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), problem_bodies))
        .layer(axum::error_handling::HandleErrorLayer::new(move |e: axum::BoxError| async move {
            if e.is::<tower::timeout::error::Elapsed>() {
                Problem::timeout(timeout)
            } else {
                Problem::internal(e.to_string())
            }
        }))
        .layer(tower::timeout::TimeoutLayer::new(timeout))
        .layer(RequestBodyLimitLayer::new(shared.config.max_body));
    api::routes().with_state(shared).layer(DefaultBodyLimit::disable()).layer(layers)
}

/// Serves the router on `listener` until `shutdown` completes: the listener is then closed
/// (new connections are refused), requests in flight finish (for at most `config.grace`) and
/// this returns.
///
/// The connection loop is hyper's HTTP/1.1 server driven here rather than `axum::serve`,
/// because `axum::serve` gives hyper no timer, so hyper's header read timeout never runs: a
/// client that sent half a request line, or nothing at all, kept its connection (and a task)
/// forever, and after a shutdown signal the server waited for it forever, so the process
/// never exited. Here every connection has `config.header_timeout` to deliver its headers
/// (hyper restarts the clock after each response, so it bounds idle kept-alive connections
/// too); the body is read inside the handler, under the tower timeout (`config.timeout`, a
/// 503), so a body trickled in byte by byte is cut off as well; and a response may not stall
/// for longer than `config.timeout` on a client that stops reading (a write-stall limit). Slow
/// clients only hold their own connection: they take no extraction slot until their body is
/// complete, and a batch whose client stops reading stops being worked on. HTTP/1.1 only, as
/// axum's default features gave: hyper-util's HTTP/1-or-2 builder first sniffs the protocol
/// with no timeout at all, which would leave a silent connection unbounded again.
///
/// # Errors
/// Never at present (accept errors such as running out of file descriptors are logged and
/// retried after a pause, as `axum::serve` does); kept as a `Result` for callers.
pub async fn serve(
    mut listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let grace = config.grace;
    let timeout = config.timeout;
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(config.header_timeout);
    let app = router(config);
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = axum::serve::Listener::accept(&mut listener) => accepted,
            () = &mut shutdown => break,
        };
        // Forget the connections that have ended, so the set holds only open ones.
        while connections.try_join_next().is_some() {}
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let io = StallLimit { io: stream, limit: timeout, stalled: None };
        let conn = http.serve_connection(hyper_util::rt::TokioIo::new(io), service);
        let mut stop = stop_rx.clone();
        connections.spawn(async move {
            let mut conn = std::pin::pin!(conn);
            let stopping = async move {
                // An error means the server is gone, which is a stop too.
                let _ = stop.wait_for(|stop| *stop).await;
            };
            let result = tokio::select! {
                result = conn.as_mut() => result,
                () = stopping => {
                    // Finish the request in progress (if any), then close.
                    conn.as_mut().graceful_shutdown();
                    conn.await
                }
            };
            if let Err(e) = result {
                tracing::debug!(%peer, error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    let _ = stop_tx.send(true);
    let open = connections.len();
    let drained = tokio::time::timeout(grace, async { while connections.join_next().await.is_some() {} }).await;
    if drained.is_err() {
        tracing::warn!(
            open = connections.len(),
            of = open,
            grace_s = grace.as_secs_f64(),
            "shutdown: dropping connections still open after the grace period"
        );
        connections.abort_all();
        while connections.join_next().await.is_some() {}
    }
    Ok(())
}

/// A client connection whose writes may not stall for longer than `limit`. A client that
/// stops reading (a "slow read" attack, or a peer gone without closing) would otherwise hold
/// its connection and the response it has not taken for ever: hyper has no write timeout.
/// The clock runs only while a write cannot progress, so a slow reader that keeps reading is
/// served, however long the response.
struct StallLimit {
    io: tokio::net::TcpStream,
    limit: Duration,
    stalled: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
}

impl StallLimit {
    fn check<T>(&mut self, cx: &mut Context<'_>, poll: Poll<std::io::Result<T>>) -> Poll<std::io::Result<T>> {
        if poll.is_ready() {
            self.stalled = None;
            return poll;
        }
        let limit = self.limit;
        let timer = self.stalled.get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("the client read nothing for {} s", limit.as_secs_f64()),
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for StallLimit {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl AsyncWrite for StallLimit {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_write(cx, buf);
        this.check(cx, poll)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_write_vectored(cx, bufs);
        this.check(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_flush(cx);
        this.check(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Starts logging (`RUST_LOG`, default `info`) and a runtime, binds `config.addr` and serves
/// until Ctrl-C or SIGTERM. This is what `sayso serve` calls.
///
/// # Errors
/// When the runtime cannot start or the address cannot be bound.
pub fn run(config: Config) -> std::io::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    // A second initialisation (tests, embedding) keeps the first subscriber.
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(ansi).with_writer(std::io::stderr).try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let local = listener.local_addr()?;
        tracing::info!(
            addr = %local,
            max_body = config.max_body,
            timeout_s = config.timeout.as_secs_f64(),
            header_timeout_s = config.header_timeout.as_secs_f64(),
            grace_s = config.grace.as_secs_f64(),
            concurrency = config.concurrency,
            cors = ?config.cors_origins,
            "sayso {} listening on http://{local}/",
            sayso::VERSION
        );
        serve(listener, config, shutdown_signal()).await
    })
}

fn cors_layer(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE])
            .expose_headers([header::HeaderName::from_static("x-request-id")]),
    )
}

/// Request ids: a per-process prefix (start time) and a counter, unless the client (or a
/// proxy in front) already sent an `x-request-id`, which is kept.
#[derive(Clone)]
struct RequestIds {
    prefix: Arc<str>,
    next: Arc<AtomicU64>,
}

impl Default for RequestIds {
    fn default() -> Self {
        let start = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Self { prefix: format!("{start:x}").into(), next: Arc::new(AtomicU64::new(1)) }
    }
}

impl MakeRequestId for RequestIds {
    fn make_request_id<B>(&mut self, _request: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n}", self.prefix)).ok().map(RequestId::new)
    }
}

/// Turns an error response that is not already a problem (404 and 405 from routing, 413
/// from the body limit) into one, so clients see one error shape everywhere.
async fn problem_bodies(State(shared): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    if is_problem {
        return response;
    }
    let (parts, body) = response.into_parts();
    // Such bodies are short messages from axum or tower-http; cap what we read anyway.
    let text = axum::body::to_bytes(body, 64 * 1024).await.unwrap_or_default();
    let mut problem = problem::for_status(status, &String::from_utf8_lossy(&text), shared.config.max_body);
    if status == StatusCode::METHOD_NOT_ALLOWED {
        if let Some(allow) = api::allowed_methods(&path) {
            problem.detail = format!("{path} takes {allow}, not {method}");
        }
    }
    let mut res = problem.into_response();
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            res.headers_mut().insert(name, value.clone());
        }
    }
    res
}
