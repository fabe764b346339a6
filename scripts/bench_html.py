#!/usr/bin/env python3
"""HTML to article text, sayso beside its peers, in one run (`just bench-peers`).

Over the article-extraction benchmark's dev pages (`<eval>/data/article-html-dev/*.html.gz`),
each extractor runs alone on one thread, in the same minutes, alternately (the machine is
shared and its speed drifts): sayso's HTML reader (`sayso::input::html::read`: parsing, body,
metadata, source map; the `html_bodies` example), trafilatura 2.0 (Python, in the throwaway
venv `target/peers-html-venv`), and the Rust extractors rs-trafilatura and dom_smoothie
(`scripts/peers/html_extractors`). Speed is megabytes of HTML per second of wall time on one
thread, reading and decompressing the files excluded, median of `--runs` runs; quality is
body_f1 of each one's bodies, by the benchmark's scorer. The whole sayso pipeline over the
same pages (`sayso extract --jobs 1`, HTML to Document) is timed too.

--write replaces the section between `<!-- bench-peers:begin -->` and `<!-- bench-peers:end -->`.
"""
import argparse
import datetime
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench import write_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def mb_per_s(stderr):
    for line in stderr.splitlines():
        if line.startswith("MB_PER_S "):
            return float(line.split()[1])
        if "MB/s" in line and "pages x" in line:
            return float(line.rsplit(",", 1)[1].split()[0])
    raise SystemExit(f"bench-peers: no speed in:\n{stderr}")


def score(eval_dir, gold, pred):
    out = subprocess.run([sys.executable, os.path.join(eval_dir, "score_article_body.py"), gold, pred, "--json"],
                         check=True, text=True, capture_output=True).stdout
    return json.loads(out[: out.rstrip("\n").rfind("\n")])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "eval")))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--write")
    args = ap.parse_args()
    pages = os.path.join(args.eval_dir, "data", "article-html-dev")
    gold = os.path.join(pages, "gold.jsonl")
    files = sorted(os.path.join(pages, f) for f in os.listdir(pages) if f.endswith(".html.gz"))
    work = tempfile.mkdtemp(prefix="bench-peers-", dir=os.path.join(ROOT, "target"))
    html_bytes = 0
    for f in files:
        html_bytes += len(gzip.open(f).read())

    sayso_bodies = os.path.join(ROOT, "target", "release", "examples", "html_bodies")
    peers_rust = os.path.join(ROOT, "target", "peers-rust", "release", "html-extractor-peers")
    python = os.path.join(ROOT, "target", "peers-html-venv", "bin", "python")
    sayso = os.path.join(ROOT, "target", "release", "sayso")
    runners = {
        # name: (command writing bodies to stdout or a file, rounds per run, output file)
        "sayso (HTML reader)": lambda out: ([sayso_bodies, pages, "5"], out, True),
        "trafilatura 2.0 (Python)": lambda out: ([python, os.path.join(ROOT, "scripts", "peers", "trafilatura_bodies.py"), pages, "1", out], out, False),
        "rs-trafilatura 0.2.2 (Rust)": lambda out: ([peers_rust, "traf", pages, "2"], out, True),
        "dom_smoothie 0.19 (Rust, Readability)": lambda out: ([peers_rust, "smoothie", pages, "3"], out, True),
    }
    speeds = {name: [] for name in runners}
    quality = {}
    for run in range(args.runs):
        for name, make in runners.items():
            out = os.path.join(work, f"{len(quality)}-{run}.jsonl")
            cmd, out, to_stdout = make(out)
            if to_stdout:
                with open(out, "w") as f:
                    proc = subprocess.run(cmd, stdout=f, stderr=subprocess.PIPE, text=True)
                text = proc.stderr
            else:
                proc = subprocess.run(cmd, capture_output=True, text=True)
                text = proc.stdout + proc.stderr
            if proc.returncode != 0:
                raise SystemExit(f"bench-peers: {name} failed:\n{text}")
            speeds[name].append(mb_per_s(text))
            if name not in quality:
                quality[name] = score(args.eval_dir, gold, out)
            print(f"{name}: run {run + 1}: {speeds[name][-1]:.2f} MB/s", file=sys.stderr)
    # The whole pipeline, HTML to Document, one worker thread.
    pipeline = []
    for _ in range(args.runs):
        out = os.path.join(work, "pipeline.jsonl")
        t0 = time.perf_counter()
        subprocess.run([sayso, "extract", "--quiet", "--jobs", "1", "--format", "jsonl", *files, "-o", out], check=True)
        pipeline.append(html_bytes / 1e6 / (time.perf_counter() - t0))
    pipeline_quality = score(args.eval_dir, gold, out)

    med = {n: statistics.median(v) for n, v in speeds.items()}
    base = med["sayso (HTML reader)"]
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], text=True, capture_output=True).stdout.strip()
    rows = ["| extractor | body_f1 | precision | recall | MB/s of HTML, one thread (median) | runs | sayso is |",
            "|---|---|---|---|---|---|---|"]
    for name in runners:
        q = quality[name]
        ratio = "—" if name.startswith("sayso") else f"**{base / med[name]:.1f}×** faster"
        rows.append(f"| {name} | {q['body_f1']:.3f} | {q['precision']:.3f} | {q['recall']:.3f} | {med[name]:.2f} | "
                    f"{', '.join(f'{s:.2f}' for s in speeds[name])} | {ratio} |")
    rows.append(f"| sayso extract --jobs 1 (HTML to Document: reader and every stage, JSON) | {pipeline_quality['body_f1']:.3f} | "
                f"{pipeline_quality['precision']:.3f} | {pipeline_quality['recall']:.3f} | {statistics.median(pipeline):.2f} | "
                f"{', '.join(f'{s:.2f}' for s in pipeline)} | |")
    section = (f"{len(files)} pages, {html_bytes / 1e6:.1f} MB of HTML "
               f"(`article-html-dev`); {datetime.date.today().isoformat()}, commit {commit or 'none'}, "
               f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end.\n\n" + "\n".join(rows) +
               "\n")
    print(f"<!-- bench-peers:begin -->\n{section}\nCommand: `just bench-peers` (scripts/bench_html.py)\n<!-- bench-peers:end -->")
    if args.write:
        write_section(os.path.relpath(os.path.abspath(args.write), ROOT), "bench-peers", section, "`just bench-peers` (scripts/bench_html.py)")


if __name__ == "__main__":
    main()
