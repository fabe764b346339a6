#!/usr/bin/env python3
"""Peak memory of `sayso extract` over a WARC crawl of at least --min-mb megabytes (part of
`just bench-warc`).

Builds `target/bench/pages.warc.gz` (never committed) from the article-extraction dev pages
repeated, as CC-NEWS files are laid out: a `warcinfo` record, then per page a `request`, a
`response` (the page, with its HTTP headers) and a `metadata` record, each its own gzip
member, until the file reaches --min-mb. Then runs `sayso extract --jobs N` over it under GNU
time (documents written to a pipe and counted) and reports wall time, pages per second and
the maximum resident set size. --write replaces the section between
`<!-- bench-warc:begin -->` and `<!-- bench-warc:end -->`.
"""
import argparse
import datetime
import gzip
import json
import os
import re
import subprocess
import sys
import uuid

from bench import write_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def record(kind, target, block, content_type, n):
    rid = uuid.UUID(int=n)
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2019-11-18T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"WARC-Target-URI: {target}\r\nContent-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=1, mtime=0)


def build(pages_dir, gold, out, min_bytes):
    urls = {}
    for line in open(gold, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            urls[d["id"]] = d["url"]
    pages = []
    for name in sorted(os.listdir(pages_dir)):
        if name.endswith(".html.gz"):
            pid = name[: -len(".html.gz")]
            pages.append((urls.get(pid, f"https://example.org/{pid}"), gzip.open(os.path.join(pages_dir, name)).read()))
    n = 0
    written = 0
    html_bytes = 0
    count = 0
    with open(out, "wb") as f:
        info = b"software: sayso bench_warc.py\r\nformat: WARC File Format 1.0\r\n"
        f.write(record("warcinfo", "", info, "application/warc-fields", n))
        while written < min_bytes:
            for url, html in pages:
                n += 1
                req = f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\nUser-Agent: bench\r\n\r\n".encode()
                resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
                meta = b"fetchTimeMs: 120\r\n"
                for kind, block, ctype in [("request", req, "application/http; msgtype=request"),
                                           ("response", resp, "application/http; msgtype=response"),
                                           ("metadata", meta, "application/warc-fields")]:
                    n += 1
                    member = record(kind, url, block, ctype, n)
                    f.write(member)
                    written += len(member)
                html_bytes += len(html)
                count += 1
    return count, html_bytes, os.path.getsize(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "eval")))
    ap.add_argument("--sayso", default=os.path.join(ROOT, "target", "release", "sayso"))
    ap.add_argument("--min-mb", type=int, default=500)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--write")
    args = ap.parse_args()
    pages_dir = os.path.join(args.eval_dir, "data", "article-html-dev")
    out_dir = os.path.join(ROOT, "target", "bench")
    os.makedirs(out_dir, exist_ok=True)
    warc = os.path.join(out_dir, "pages.warc.gz")
    count, html_bytes, size = build(pages_dir, os.path.join(pages_dir, "gold.jsonl"), warc, args.min_mb * 1_000_000)
    print(f"bench-warc: {warc}: {size / 1e6:.0f} MB, {count} pages, {html_bytes / 1e6:.0f} MB of HTML", file=sys.stderr)
    cmd = f"/usr/bin/time -v {args.sayso} extract --quiet --jobs {args.jobs} {warc} 2> {out_dir}/warc-time.log | wc -l"
    docs = int(subprocess.run(["bash", "-c", cmd], check=True, text=True, capture_output=True).stdout.strip())
    log = open(os.path.join(out_dir, "warc-time.log"), encoding="utf-8").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", log)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", log).group(1)) / 1024
    summary = next((l for l in log.splitlines() if "HTML page(s) read" in l), "")
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], text=True, capture_output=True).stdout.strip()
    section = (
        f"`target/bench/pages.warc.gz`: {size / 1e6:.0f} MB on disk, {count} HTML pages "
        f"({html_bytes / 1e6:.0f} MB of HTML, the {len([f for f in os.listdir(pages_dir) if f.endswith('.html.gz')])} dev pages repeated) "
        f"among {3 * count + 1} records (request, response, metadata per page; one gzip member each); "
        f"{datetime.date.today().isoformat()}, commit {commit or 'none'}.\n\n"
        "| run | documents | wall time | pages/s | MB of HTML/s | peak RSS |\n|---|---|---|---|---|---|\n"
        f"| `sayso extract --jobs {args.jobs} pages.warc.gz` | {docs} | {seconds:.1f} s | {count / seconds:.0f} | "
        f"{html_bytes / 1e6 / seconds:.1f} | **{rss:.0f} MB** |\n\n"
        f"Standard error: `{summary.strip()}`\n"
    )
    print(f"<!-- bench-warc:begin -->\n{section}\nCommand: `just bench-warc` (scripts/bench_warc.py)\n<!-- bench-warc:end -->")
    if args.write:
        write_section(os.path.relpath(os.path.abspath(args.write), ROOT), "bench-warc", section, "`just bench-warc` (scripts/bench_warc.py)")


if __name__ == "__main__":
    main()
