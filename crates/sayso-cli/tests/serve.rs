//! `sayso serve` as a process, over loopback: SIGTERM while requests are in flight, and the
//! resident memory of the process with many connections open. The in-process fault tests
//! (slow clients, oversize bodies, dropped batches) are in `crates/sayso-server/tests/faults.rs`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A `sayso serve` child on an ephemeral port, and its log lines as they arrive.
struct Served {
    child: Child,
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
}

fn serve(extra: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(extra)
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sayso serve starts");
    let stderr = child.stderr.take().expect("piped");
    let log = Arc::new(Mutex::new(Vec::new()));
    let (tx, rx) = mpsc::channel();
    let lines = Arc::clone(&log);
    // Keep reading the log so the child never blocks on a full pipe.
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("listening on http://").nth(1) {
                let _ = tx.send(rest.split('/').next().unwrap_or_default().to_string());
            }
            lines.lock().expect("log").push(line);
        }
    });
    let addr = rx.recv_timeout(Duration::from_secs(20)).expect("the server says where it listens");
    Served { child, addr: addr.parse().expect("an address"), log }
}

impl Served {
    fn terminate(&self) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().expect("kill runs");
        assert!(status.success(), "kill -TERM failed");
    }

    /// Waits for the process to exit, for at most `bound`; returns whether it exited 0.
    fn wait_exit(&mut self, bound: Duration) -> bool {
        let t = Instant::now();
        while t.elapsed() < bound {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("sayso serve still running {bound:?} after SIGTERM; log:\n{}", self.log.lock().expect("log").join("\n"));
    }

    /// Resident memory of the process (VmRSS), in KiB, on Linux.
    fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request with `Connection: close`, read to the end: (status, body).
fn request(addr: SocketAddr, method: &str, path: &str, body: &[u8]) -> (u16, String) {
    let mut conn = TcpStream::connect(addr).expect("connect");
    conn.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    conn.write_all(head.as_bytes()).expect("write head");
    conn.write_all(body).expect("write body");
    let mut response = String::new();
    conn.read_to_string(&mut response).expect("read");
    let status = response.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

/// SIGTERM with four long extractions in flight (an article of ~86 KB, two slots): the
/// listener closes at once (new connections are refused while the requests still run), each
/// request in flight completes with 200 and its whole document, and the process exits 0.
#[test]
fn sigterm_during_load_finishes_requests_in_flight_refuses_new_ones_and_exits_0() {
    let mut served = serve(&["--concurrency", "2"]);
    let addr = served.addr;
    let text = std::fs::read_to_string(root().join("tests/corpus/putin-trump-cia-tip.txt")).expect("corpus");
    let big = Arc::new(vec![text.as_str(); 40].join("\n\n"));
    let done = Arc::new(AtomicUsize::new(0));
    let (sent_tx, sent_rx) = mpsc::channel();
    let in_flight: Vec<_> = (0..4)
        .map(|_| {
            let (big, done, sent) = (Arc::clone(&big), Arc::clone(&done), sent_tx.clone());
            std::thread::spawn(move || {
                let mut conn = TcpStream::connect(addr).expect("connect");
                conn.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
                let head = format!(
                    "POST /v1/extract HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
                    big.len()
                );
                conn.write_all(head.as_bytes()).expect("write head");
                conn.write_all(big.as_bytes()).expect("write body");
                sent.send(()).expect("main thread waits");
                let mut response = String::new();
                conn.read_to_string(&mut response).expect("read");
                done.fetch_add(1, Ordering::SeqCst);
                response
            })
        })
        .collect();
    for _ in 0..4 {
        sent_rx.recv_timeout(Duration::from_secs(20)).expect("every request is sent");
    }
    std::thread::sleep(Duration::from_millis(200));
    served.terminate();

    // New connections are refused soon after the signal, while the extractions still run.
    let t = Instant::now();
    let refused = loop {
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            break t.elapsed();
        }
        assert!(t.elapsed() < Duration::from_secs(2), "still accepting connections 2 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    };
    let finished_by_then = done.load(Ordering::SeqCst);
    assert!(finished_by_then < 4, "the requests in flight all ended before the listener closed");

    for (i, call) in in_flight.into_iter().enumerate() {
        let response = call.join().expect("joins");
        assert!(response.starts_with("HTTP/1.1 200"), "request {i}: {}", &response[..response.len().min(300)]);
        let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        let doc: serde_json::Value = serde_json::from_str(body).expect("a whole JSON document");
        assert_eq!(doc["schema_version"], sayso::SCHEMA_VERSION, "request {i}");
    }
    assert!(served.wait_exit(Duration::from_secs(20)), "exit status 0 after SIGTERM");
    let log = served.log.lock().expect("log").join("\n");
    assert!(log.contains("shutting down"), "{log}");
    eprintln!("refused new connections {refused:?} after SIGTERM, with {} of 4 in flight done", finished_by_then);
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

/// 1,000 connections held open (fewer if this process may not open that many files; half
/// of them kept alive after a request, half silent): `/healthz` still answers at once, the
/// server's resident memory grows by well under 64 MiB (measured: a few MiB), and SIGTERM
/// still ends the process promptly, idle connections and all.
#[test]
fn many_open_connections_keep_memory_bounded_and_do_not_delay_shutdown() {
    let mut served = serve(&[]);
    let addr = served.addr;
    let (status, _) =
        request(addr, "POST", "/v1/extract", b"The AP reported Friday that police arrested seven people.");
    assert_eq!(status, 200);
    let before = served.rss_kib();
    let n = 1000.min(open_files_limit().saturating_sub(100));
    let mut conns = Vec::with_capacity(n);
    for i in 0..n {
        let mut conn = TcpStream::connect(addr).expect("connect");
        if i % 2 == 0 {
            conn.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
            conn.write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n").expect("write");
            let mut buf = [0u8; 512];
            let got = conn.read(&mut buf).expect("read");
            assert!(buf[..got].starts_with(b"HTTP/1.1 200"), "keep-alive request {i}");
        }
        conns.push(conn);
    }
    let t = Instant::now();
    let (status, body) = request(addr, "GET", "/healthz", b"");
    assert_eq!(status, 200, "{body}");
    assert!(t.elapsed() < Duration::from_secs(1), "healthz took {:?} with {n} connections open", t.elapsed());
    let after = served.rss_kib();
    if let (Some(before), Some(after)) = (before, after) {
        let grown = after.saturating_sub(before);
        eprintln!("VmRSS {before} KiB -> {after} KiB with {n} connections open (+{grown} KiB)");
        assert!(grown < 64 * 1024, "resident memory grew by {grown} KiB for {n} connections");
    }
    served.terminate();
    let t = Instant::now();
    assert!(served.wait_exit(Duration::from_secs(5)), "exit status 0 after SIGTERM");
    eprintln!("exited {:?} after SIGTERM with {n} connections open", t.elapsed());
    drop(conns);
}
