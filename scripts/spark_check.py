#!/usr/bin/env python3
"""Run the PySpark example (examples/spark/claims_to_parquet.py) in local mode over the
benchmark corpus, and check its row counts against the CLI's on the same input.

Usage: scripts/spark_check.py --python SPARK_VENV_PYTHON [--sayso PATH] [--mb 50]
                              [--master local[2]] [--write docs/scale.md]

The corpus is the one `just bench` uses (the dev-set texts repeated to --mb megabytes,
target/bench/corpus.jsonl). The Spark job writes Parquet under target/spark-out; the CLI writes
JSON Lines with --jobs equal to the Spark cores. Documents, claims and events must be equal in
number, or the script exits non-zero. --write replaces the section between
`<!-- spark:begin -->` and `<!-- spark:end -->`.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from bench import build_corpus, short_commit, write_section  # noqa: E402


def cli_counts(sayso, corpus, jobs):
    out = os.path.join(ROOT, "target", "spark-out", "cli.jsonl")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    started = time.perf_counter()
    subprocess.run([sayso, "extract", corpus, "--jobs", str(jobs), "-q", "-o", out], check=True)
    seconds = time.perf_counter() - started
    counts = {"documents": 0, "claims": 0, "events": 0}
    with open(out, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            counts["documents"] += 1
            counts["claims"] += len(d["claims"])
            counts["events"] += len(d["events"])
    return counts, seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--python", required=True, help="Python of a venv with pyspark and the sayso wheel")
    ap.add_argument("--sayso", default=os.path.join(ROOT, "target", "release", "sayso"))
    ap.add_argument("--eval-dir", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "eval")))
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--write")
    args = ap.parse_args()

    corpus = os.path.join(ROOT, "target", "bench", "corpus.jsonl")
    size, n = build_corpus(args.eval_dir, corpus, args.mb)
    mb = size / 1e6
    cores = int(args.master[len("local[") : -1]) if args.master.startswith("local[") else os.cpu_count()

    started = time.perf_counter()
    r = subprocess.run(
        [args.python, os.path.join(ROOT, "examples", "spark", "claims_to_parquet.py"), corpus,
         os.path.join(ROOT, "target", "spark-out", "parquet"), "--master", args.master,
         "--partitions", str(4 * (cores or 2))],
        text=True, capture_output=True,
    )
    wall = time.perf_counter() - started
    if r.returncode != 0:
        sys.exit(f"spark_check: the Spark job failed:\n{r.stderr[-3000:]}")
    spark = json.loads(r.stdout.strip().splitlines()[-1])
    cli, cli_seconds = cli_counts(args.sayso, corpus, cores or 2)

    commit = short_commit()
    lines = [
        f"{datetime.date.today().isoformat()}, commit {commit}: {n} articles, {mb:.1f} MB of article text "
        f"(`target/bench/corpus.jsonl`), Spark `{args.master}` on {os.cpu_count()} cores.",
        "",
        "| run | documents | claims | events | seconds | MB/s |",
        "|---|---|---|---|---|---|",
        f"| PySpark `mapPartitions` + `sayso.extract_many` → Parquet (job) | {spark['documents']} | {spark['claims']} | "
        f"{spark['events']} | {spark['seconds']:.1f} | {mb / spark['seconds']:.1f} |",
        f"| same, whole process incl. JVM start-up | | | | {wall:.1f} | {mb / wall:.1f} |",
        f"| `sayso extract --jobs {cores}` → JSON Lines | {cli['documents']} | {cli['claims']} | {cli['events']} | "
        f"{cli_seconds:.1f} | {mb / cli_seconds:.1f} |",
    ]
    same = all(spark[k] == cli[k] for k in cli)
    lines += ["", f"Row counts {'equal' if same else 'DIFFER'} (documents, claims, events)."]
    table = "\n".join(lines) + "\n"
    print(table)
    if args.write:
        write_section(args.write, "spark", table, "`just spark` (scripts/spark_check.py)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
