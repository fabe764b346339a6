//! Fault tests over real loopback sockets, each bounded to a few seconds: slow clients
//! (headers or body trickled byte by byte, connections that send nothing), oversize bodies,
//! many open connections, a client that drops a streamed batch, and shutdown while clients
//! misbehave. The server runs in this process (`sayso_server::serve` on an ephemeral port);
//! `crates/sayso-cli/tests/serve.rs` does the process-level ones (SIGTERM, resident memory)
//! on the real `sayso serve` binary.

use sayso_server::Config;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::task::JoinHandle;

/// The tests here take turns: they time responses and one measures this process's CPU use,
/// which tests running beside it would disturb.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn reference_text() -> String {
    std::fs::read_to_string(root().join("tests/corpus/putin-trump-cia-tip.txt")).expect("corpus")
}

/// A running server: its address, the switch that stops it, and its task.
struct Server {
    addr: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

async fn start(config: Config) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(sayso_server::serve(listener, config, async {
        let _ = stopped.await;
    }));
    Server { addr, stop, task }
}

impl Server {
    /// Signals shutdown and returns how long `serve` took to return (at most `bound`).
    async fn shut_down(self, bound: Duration) -> Duration {
        let t = Instant::now();
        let _ = self.stop.send(());
        tokio::time::timeout(bound, self.task)
            .await
            .unwrap_or_else(|_| panic!("serve did not return within {bound:?} of the shutdown signal"))
            .expect("joins")
            .expect("serve ends cleanly");
        t.elapsed()
    }
}

/// One request on its own connection (`Connection: close`), read to the end: status code and
/// the whole response text, or a panic if it takes longer than `bound`.
async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    ctype: &str,
    body: &[u8],
    bound: Duration,
) -> (u16, String) {
    let go = async {
        let mut conn = TcpStream::connect(addr).await.expect("connect");
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        conn.write_all(head.as_bytes()).await.expect("write head");
        conn.write_all(body).await.expect("write body");
        let mut response = Vec::new();
        conn.read_to_end(&mut response).await.expect("read");
        let response = String::from_utf8_lossy(&response).into_owned();
        (status_of(&response), response)
    };
    tokio::time::timeout(bound, go).await.unwrap_or_else(|_| panic!("{method} {path} took longer than {bound:?}"))
}

async fn healthz(addr: SocketAddr, bound: Duration) {
    let (status, text) = request(addr, "GET", "/healthz", "text/plain", b"", bound).await;
    assert_eq!(status, 200, "{text}");
}

fn status_of(response: &str) -> u16 {
    response.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// Sends `head`, then `byte` once a second (up to 100 times) while reading until the server
/// closes the connection or `bound` passes.
async fn trickle(
    addr: SocketAddr,
    head: &'static [u8],
    byte: &'static [u8],
    bound: Duration,
) -> Option<(String, Duration)> {
    let conn = TcpStream::connect(addr).await.expect("connect");
    let (read, mut write) = conn.into_split();
    write.write_all(head).await.expect("write head");
    let writer = tokio::spawn(async move {
        for _ in 0..100 {
            if write.write_all(byte).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    let ended = read_until_closed(read, bound).await;
    writer.abort();
    ended
}

/// Reads until the server closes the connection (or resets it); returns what arrived and
/// when the connection ended, or `None` if it was still open after `bound`.
async fn read_until_closed(mut read: impl AsyncReadExt + Unpin, bound: Duration) -> Option<(String, Duration)> {
    let t = Instant::now();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let ended = tokio::time::timeout(bound, async {
        loop {
            match read.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    ended.ok().map(|()| (String::from_utf8_lossy(&got).into_owned(), t.elapsed()))
}

/// Clients that trickle their request (headers never finished, or a body one byte a second)
/// or send nothing: other clients are still served promptly, and every slow connection is
/// cut off: a trickled body with a 503 after the request timeout, unfinished headers and
/// silent connections are closed after the header timeout (hyper 1.12 closes without a
/// response; a 408 is accepted too). Before the server set a header timeout, such connections stayed
/// open for good.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off_and_do_not_hold_up_others() {
    let _turn = SERIAL.lock().await;
    let header_timeout = Duration::from_secs(1);
    let timeout = Duration::from_secs(2);
    let server = start(Config { header_timeout, timeout, concurrency: 2, ..Config::default() }).await;
    let addr = server.addr;
    let bound = Duration::from_secs(8);

    // A body announced as 100 bytes, sent one byte a second.
    let slow_bodies: Vec<_> = (0..20)
        .map(|_| {
            tokio::spawn(trickle(
                addr,
                b"POST /v1/extract HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n",
                b"a",
                bound,
            ))
        })
        .collect();
    // A request line, then a header one byte a second, never finished.
    let slow_heads: Vec<_> =
        (0..20).map(|_| tokio::spawn(trickle(addr, b"GET /healthz HTTP/1.1\r\nX-Slow: ", b"z", bound))).collect();
    // Connections that never send a byte.
    let silent: Vec<_> = (0..20)
        .map(|_| {
            tokio::spawn(async move {
                let conn = TcpStream::connect(addr).await.expect("connect");
                read_until_closed(conn, bound).await
            })
        })
        .collect();

    // Meanwhile, well-behaved clients are answered at once.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let text = reference_text();
    for _ in 0..5 {
        let t = Instant::now();
        healthz(addr, Duration::from_secs(1)).await;
        let (status, response) =
            request(addr, "POST", "/v1/extract", "text/plain", text.as_bytes(), Duration::from_secs(5)).await;
        assert_eq!(status, 200, "{response}");
        assert!(t.elapsed() < Duration::from_secs(5), "served in {:?}", t.elapsed());
    }

    for (i, task) in slow_bodies.into_iter().enumerate() {
        let (response, after) = task.await.expect("joins").expect("a trickled body is cut off");
        assert_eq!(status_of(&response), 503, "slow body {i}: {response}");
        assert!(response.contains("application/problem+json"), "slow body {i}: {response}");
        assert!(
            after >= timeout - Duration::from_millis(100) && after < timeout * 3,
            "slow body {i} ended after {after:?}"
        );
    }
    for (i, task) in slow_heads.into_iter().chain(silent).enumerate() {
        let (response, after) = task.await.expect("joins").expect("an unfinished request is cut off");
        assert!(response.is_empty() || status_of(&response) == 408, "slow head {i}: {response}");
        assert!(
            after >= header_timeout - Duration::from_millis(100) && after < header_timeout * 4,
            "slow head {i} ended after {after:?}"
        );
    }
    healthz(addr, Duration::from_secs(1)).await;
    server.shut_down(Duration::from_secs(5)).await;
}

/// Shutdown does not wait on a client that never finishes its request: the bug this guards
/// against kept `serve` (and so the process) running for as long as such a client stayed
/// connected. One connection sends half a request line and one sends a body byte by byte;
/// `serve` returns within the header timeout or the grace period, whichever ends first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_does_not_wait_for_clients_that_never_finish() {
    let _turn = SERIAL.lock().await;
    // The header timeout ends the half-sent request (the grace period is long).
    let server = start(Config { header_timeout: Duration::from_secs(1), ..Config::default() }).await;
    let mut half = TcpStream::connect(server.addr).await.expect("connect");
    half.write_all(b"POST /v1/extract HTT").await.expect("write");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let took = server.shut_down(Duration::from_secs(4)).await;
    assert!(took < Duration::from_secs(3), "shutdown took {took:?}");

    // The grace period ends a body that is still trickling in (the request timeout is long).
    let server = start(Config { grace: Duration::from_secs(1), ..Config::default() }).await;
    let mut slow = TcpStream::connect(server.addr).await.expect("connect");
    slow.write_all(
        b"POST /v1/extract HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nab",
    )
    .await
    .expect("write");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let took = server.shut_down(Duration::from_secs(4)).await;
    assert!(took < Duration::from_secs(3), "shutdown took {took:?}");
    // The dropped connection is closed, not left hanging.
    let ended = read_until_closed(slow, Duration::from_secs(2)).await;
    assert!(ended.is_some(), "the connection is closed once the grace period is over");
}

/// A client that sends requests and reads none of the responses (a "slow read"): once the
/// server's writes have stalled for the request timeout it closes the connection, rather
/// than holding it, and the responses, for ever; other clients are served meanwhile. The
/// client's receive buffer is shrunk so that 400 pipelined `GET /openapi.json` (24 MB of
/// responses) cannot all sit in socket buffers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stops_reading_is_dropped() {
    let _turn = SERIAL.lock().await;
    let timeout = Duration::from_secs(1);
    let server = start(Config { timeout, header_timeout: Duration::from_secs(2), ..Config::default() }).await;
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket.set_recv_buffer_size(4096).expect("buffer size");
    let mut conn = socket.connect(server.addr).await.expect("connect");
    let requests = 400;
    conn.write_all(&b"GET /openapi.json HTTP/1.1\r\nHost: test\r\n\r\n".repeat(requests)).await.expect("write");
    // The server's writes stall while this client reads nothing.
    tokio::time::sleep(timeout * 3).await;
    healthz(server.addr, Duration::from_secs(1)).await;
    // Now read: a server that kept waiting sends every response (then closes the idle
    // connection after the header timeout); one that gave up sent fewer and closed.
    let (text, _) = read_until_closed(conn, Duration::from_secs(20)).await.expect("the connection ends");
    let complete = text.matches("HTTP/1.1 200").count();
    assert!(complete < requests, "all {complete} responses were kept for a client that did not read");
    eprintln!("the server gave up on a non-reading client after {complete} of {requests} responses");
    server.shut_down(Duration::from_secs(5)).await;
}

/// Oversize bodies get 413 as problems, with a Content-Length (refused before the body is
/// read) and without one (chunked, refused once the limit is crossed), while normal requests
/// go on beside them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversize_bodies_get_413_while_others_are_served() {
    let _turn = SERIAL.lock().await;
    let max_body = 64 * 1024;
    let server = start(Config { max_body, ..Config::default() }).await;
    let addr = server.addr;
    let bound = Duration::from_secs(5);
    let with_length: Vec<_> = (0..5)
        .map(|_| {
            tokio::spawn(async move {
                let conn = TcpStream::connect(addr).await.expect("connect");
                let (read, mut write) = conn.into_split();
                let head = format!(
                    "POST /v1/extract HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
                    16 * max_body
                );
                write.write_all(head.as_bytes()).await.expect("write head");
                // The answer comes before the body: the length alone decides.
                read_until_closed(read, bound).await
            })
        })
        .collect();
    let chunked: Vec<_> = (0..5)
        .map(|_| {
            tokio::spawn(async move {
                let conn = TcpStream::connect(addr).await.expect("connect");
                let (read, mut write) = conn.into_split();
                let head = "POST /v1/extract/batch HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n";
                write.write_all(head.as_bytes()).await.expect("write head");
                // 2 × the limit in 4 KiB chunks; the server may stop reading (and close) early.
                let writer = tokio::spawn(async move {
                    let chunk = vec![b'x'; 4096];
                    for _ in 0..(2 * max_body / chunk.len()) {
                        let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), &chunk, b"\r\n"].concat();
                        if write.write_all(&framed).await.is_err() {
                            return;
                        }
                    }
                    let _ = write.write_all(b"0\r\n\r\n").await;
                    // Keep the write side open until the response is read.
                    tokio::time::sleep(Duration::from_secs(10)).await;
                });
                let ended = read_until_closed(read, bound).await;
                writer.abort();
                ended
            })
        })
        .collect();
    let text = reference_text();
    for _ in 0..5 {
        let (status, response) = request(addr, "POST", "/v1/extract", "text/plain", text.as_bytes(), bound).await;
        assert_eq!(status, 200, "{response}");
    }
    for (i, task) in with_length.into_iter().chain(chunked).enumerate() {
        let (response, _) = task.await.expect("joins").expect("an oversize request is answered and closed");
        assert_eq!(status_of(&response), 413, "oversize {i}: {response}");
        assert!(response.contains("application/problem+json"), "oversize {i}: {response}");
        assert!(response.contains("/body-too-large"), "oversize {i}: {response}");
    }
    healthz(addr, Duration::from_secs(1)).await;
    server.shut_down(Duration::from_secs(5)).await;
}

/// The soft limit on open files of this process, from /proc (Linux); 1024 elsewhere.
fn open_files_limit() -> usize {
    std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|limits| {
            let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
            line.split_whitespace().nth(3)?.parse().ok()
        })
        .unwrap_or(1024)
}

/// Many open connections at once (1,500, or fewer if the open-files limit is low: each takes
/// two descriptors here, client and server): the server stays up, `/healthz` answers
/// promptly on a new connection, and every idle connection is closed by the server after the
/// header timeout, so they do not pile up.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_open_connections_are_survived_and_reclaimed() {
    let _turn = SERIAL.lock().await;
    let n = 1500.min(open_files_limit().saturating_sub(200) / 2);
    assert!(n >= 100, "open-files limit too low for this test: {}", open_files_limit());
    let header_timeout = Duration::from_secs(3);
    let server = start(Config { header_timeout, ..Config::default() }).await;
    let addr = server.addr;
    let t = Instant::now();
    let mut conns = Vec::with_capacity(n);
    for i in 0..n {
        let mut conn = TcpStream::connect(addr).await.expect("connect");
        // Every other connection is kept alive after one request; the rest never send anything.
        if i % 2 == 0 {
            conn.write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n").await.expect("write");
            let mut buf = [0u8; 512];
            let got = conn.read(&mut buf).await.expect("read");
            assert_eq!(status_of(&String::from_utf8_lossy(&buf[..got])), 200);
        }
        conns.push(conn);
    }
    let opened = t.elapsed();
    eprintln!("opened {n} connections in {opened:?}");
    assert!(opened < header_timeout, "opening {n} connections took {opened:?}: too slow for this test's timing");
    for _ in 0..5 {
        let t = Instant::now();
        healthz(addr, Duration::from_secs(1)).await;
        eprintln!("healthz with {n} connections open: {:?}", t.elapsed());
    }
    // All of them are closed by the server after the header timeout (plus scheduling slack).
    let deadline = t + header_timeout + Duration::from_secs(4);
    for (i, conn) in conns.into_iter().enumerate() {
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(read_until_closed(conn, left).await.is_some(), "connection {i} of {n} still open");
    }
    healthz(addr, Duration::from_secs(1)).await;
    server.shut_down(Duration::from_secs(5)).await;
}

/// CPU time this process has used so far (user + system), from /proc (Linux), in clock
/// ticks of 1/100 s (the kernel's USER_HZ on every Linux platform Rust supports).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// A client that drops its connection in the middle of a streamed batch: the server stops
/// that batch's work (no CPU spent on it after the article in progress), stays up and serves
/// the next request.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_leaving_mid_batch_stops_its_work() {
    let _turn = SERIAL.lock().await;
    let server = start(Config { concurrency: 1, ..Config::default() }).await;
    let addr = server.addr;
    let text = reference_text();
    let line = serde_json::json!({ "text": text }).to_string();
    let lines = 300;
    let body = format!("{line}\n").repeat(lines);
    let mut conn = TcpStream::connect(addr).await.expect("connect");
    let head = format!(
        "POST /v1/extract/batch HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-ndjson\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    conn.write_all(head.as_bytes()).await.expect("write head");
    conn.write_all(body.as_bytes()).await.expect("write body");
    // Read until two documents have arrived, then leave.
    let t = Instant::now();
    let mut got = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let documents = |got: &[u8]| String::from_utf8_lossy(got).matches("\"schema_version\"").count();
    while documents(&got) < 2 {
        let n = tokio::time::timeout(Duration::from_secs(10), conn.read(&mut buf))
            .await
            .expect("the batch streams")
            .expect("read");
        assert!(n > 0, "the server closed the batch early");
        got.extend_from_slice(&buf[..n]);
    }
    let per_article = t.elapsed() / 2;
    assert!(String::from_utf8_lossy(&got).starts_with("HTTP/1.1 200"));
    drop(conn);
    // Let the article in progress finish, then watch this process's CPU time: were the batch
    // still running, it would take about one core for the whole window.
    tokio::time::sleep(Duration::from_millis(500) + per_article).await;
    let window = Duration::from_secs(2);
    if let Some(before) = cpu_time() {
        tokio::time::sleep(window).await;
        let used = cpu_time().expect("readable") - before;
        assert!(used < window / 4, "{used:?} of CPU in {window:?} after the client left: the batch went on");
    }
    healthz(addr, Duration::from_secs(1)).await;
    let (status, response) =
        request(addr, "POST", "/v1/extract", "text/plain", text.as_bytes(), Duration::from_secs(5)).await;
    assert_eq!(status, 200, "{response}");
    server.shut_down(Duration::from_secs(5)).await;
}
