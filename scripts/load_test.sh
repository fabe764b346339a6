#!/usr/bin/env bash
# Load test of `sayso serve` (release build): wrk POSTs the reference article to /v1/extract
# for DURATION over CONNECTIONS connections, while, midway, a 12 MB body (with
# Content-Length, and once more streamed without it) must get 413 without disturbing the
# others. Prints requests/s, p50/p99 latency, non-2xx and socket errors, and the server's
# peak RSS (VmHWM). Usage: scripts/load_test.sh [DURATION] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"
connections="${2:-64}"
bin=target/release/sayso
article=tests/corpus/putin-trump-cia-tip.txt
out=target/load
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
test -x "$bin" || cargo build --release -p sayso-cli

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
RUST_LOG=info "$bin" serve --addr "127.0.0.1:$port" 2>"$out/server.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

cat >"$out/post.lua" <<LUA
local f = assert(io.open("$article", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect, e.read, e.write, e.timeout))
end
LUA

# One request alone first: the unloaded latency, and the response is a Document.
curl -s -o "$out/one.json" -w 'single request: %{http_code} in %{time_total}s\n' \
  -H 'Content-Type: text/plain' --data-binary @"$article" "$base/v1/extract"

wrk -t2 -c"$connections" -d"$duration" --timeout 60s --latency -s "$out/post.lua" "$base/v1/extract" >"$out/wrk.txt" &
wrk_pid=$!
secs=${duration%s}
sleep $((secs / 2))
head -c 12000000 /dev/zero | tr '\0' a >"$out/oversize.txt"
curl -s -o "$out/oversize-length.json" -w 'oversize with Content-Length during load: %{http_code} in %{time_total}s\n' \
  -H 'Content-Type: text/plain' --data-binary @"$out/oversize.txt" "$base/v1/extract"
curl -s -o "$out/oversize-chunked.json" -w 'oversize streamed (chunked) during load: %{http_code} in %{time_total}s\n' \
  -H 'Content-Type: text/plain' -H 'Transfer-Encoding: chunked' --data-binary @"$out/oversize.txt" "$base/v1/extract"
curl -s -o /dev/null -w 'healthz during load: %{http_code} in %{time_total}s\n' "$base/healthz"
grep -E 'VmRSS' "/proc/$server/status" | sed 's/^/during load: /'
wait "$wrk_pid"
cat "$out/wrk.txt"
grep -E 'VmHWM|VmRSS' "/proc/$server/status"
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
kill -TERM "$server"
wait "$server" && echo "server stopped cleanly on SIGTERM"
trap - EXIT
