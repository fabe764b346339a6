#!/usr/bin/env python3
"""Throughput and memory of the whole pipeline on a fixed corpus of real news texts.

Usage: scripts/bench.py [--sayso PATH] [--eval-dir DIR] [--mb 50] [--repeat 3]
                        [--peers PYTHON] [--peer-mb 1] [--write docs/performance.md]

The corpus is every article text of ../shared/eval/data/*-dev.jsonl, repeated (with new ids)
until it reaches --mb megabytes of text, written once to target/bench/corpus.jsonl. sayso
extracts it as JSON Lines with --jobs 1 and with --jobs N (all cores), each under
/usr/bin/time for wall time and peak memory (maximum RSS), --repeat times each. Reported: MB/s
of article text and articles/s, both per core, from the median wall time (the range of all runs
beside it: a shared virtual machine's speed drifts from minute to minute), the highest peak RSS,
and the speed-up of N jobs over one.

--peers PYTHON runs the usual Python pipeline (spaCy's small English model + textacy's
quotation extraction, scripts/peers/textacy_quotes.py) over the first --peer-mb megabytes of
the same corpus with that interpreter (the venv of `just peers-venv`), and reports the ratio.
--write replaces the section between `<!-- bench:begin -->` and `<!-- bench:end -->`.
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_corpus(eval_dir, path, mb):
    texts = []
    for name in sorted(os.listdir(os.path.join(eval_dir, "data"))):
        if name.endswith("-dev.jsonl"):
            with open(os.path.join(eval_dir, "data", name), encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    texts.append({"text": d["text"], "published": d.get("published")})
    if not texts:
        sys.exit(f"bench: no *-dev.jsonl texts under {eval_dir}/data")
    target = mb * 1_000_000
    size = n = 0
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        while size < target:
            for t in texts:
                rec = {"id": f"bench-{n}", "text": t["text"]}
                if t["published"]:
                    rec["published"] = t["published"]
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                size += len(t["text"].encode("utf-8"))
                n += 1
                if size >= target:
                    break
    return size, n


def timed(cmd):
    """Runs cmd under GNU time; returns (wall seconds, peak RSS in MB)."""
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], text=True, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{r.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    return seconds, int(rss.group(1)) / 1024, r.stderr


def short_commit():
    """The checked-out commit, as the figures' provenance."""
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True, capture_output=True).stdout.strip()


def write_section(relpath, name, body, command):
    """Replaces what stands between `<!-- NAME:begin -->` and `<!-- NAME:end -->` in a docs
    file (appending the markers when the file or the markers are missing)."""
    path = os.path.join(ROOT, relpath)
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    if begin not in text:
        text += f"\n{begin}\n{end}\n"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{head}{begin}\n{body}\nCommand: {command}\n{end}{tail}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sayso", default=os.path.join(ROOT, "target", "release", "sayso"))
    ap.add_argument("--eval-dir", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "eval")))
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each sayso configuration (median reported)")
    ap.add_argument("--peers", help="Python of the peer venv (spaCy + textacy)")
    ap.add_argument("--peer-mb", type=float, default=1)
    ap.add_argument("--write")
    args = ap.parse_args()

    corpus = os.path.join(ROOT, "target", "bench", "corpus.jsonl")
    size, n = build_corpus(args.eval_dir, corpus, args.mb)
    mb = size / 1e6
    rows = []
    one = None
    for jobs in (1, args.jobs):
        out = os.path.join(ROOT, "target", "bench", f"out-{jobs}.jsonl")
        runs = []
        for _ in range(max(1, args.repeat)):
            runs.append(timed([args.sayso, "extract", corpus, "--jobs", str(jobs), "-q", "-o", out]))
            with open(out, "rb") as f:
                lines = sum(1 for _ in f)
            if lines != n:
                sys.exit(f"bench: {n} articles in, {lines} documents out with --jobs {jobs}")
        walls = sorted(r[0] for r in runs)
        seconds = walls[len(walls) // 2]
        rss = max(r[1] for r in runs)
        spread = f" ({mb / walls[-1] / jobs:.2f}–{mb / walls[0] / jobs:.2f} over {len(walls)} runs)" if len(walls) > 1 else ""
        one = one or seconds
        rows.append((f"sayso extract --jobs {jobs}", jobs, mb / seconds, n / seconds, rss, one / seconds, spread))
    peer_line = ""
    if args.peers:
        sample = os.path.join(ROOT, "target", "bench", "peer-sample.jsonl")
        psize, pn = build_corpus(args.eval_dir, sample, args.peer_mb)
        pout = os.path.join(ROOT, "target", "bench", "peer-out.jsonl")
        seconds, rss, _ = timed([args.peers, os.path.join(ROOT, "scripts", "peers", "textacy_quotes.py"), sample, pout])
        peer_mbs = psize / 1e6 / seconds
        rows.append((f"spaCy small + textacy ({psize / 1e6:.1f} MB sample)", 1, peer_mbs, pn / seconds, rss, None, ""))
        peer_line = f"\nsayso (one core) is **{rows[0][2] / peer_mbs:.0f}×** spaCy small + textacy on the same texts.\n"

    commit = short_commit()
    lines = [
        f"Corpus: {n} articles, {mb:.1f} MB of article text (the dev-set texts repeated); "
        f"{datetime.date.today().isoformat()}, commit {commit}, {os.cpu_count()} cores.",
        "",
        "| run | cores | MB/s per core (median) | articles/s per core | peak RSS (MB) | speed-up |",
        "|---|---|---|---|---|---|",
    ]
    for name, cores, mbs, aps, rss, speedup, spread in rows:
        lines.append(
            f"| {name} | {cores} | {mbs / cores:.2f}{spread} | {aps / cores:.1f} | {rss:.0f} | "
            f"{'' if speedup is None else f'{speedup:.2f}×'} |"
        )
    table = "\n".join(lines) + "\n" + peer_line
    print(table)
    if args.write:
        write_section(args.write, "bench", table, "`just bench` (scripts/bench.py)")

if __name__ == "__main__":
    main()
