#!/usr/bin/env python3
"""trafilatura over the article-extraction pages: `trafilatura_bodies.py DIR ROUNDS OUT.jsonl`
writes {"id", "body"} per page (first round) and prints `MB_PER_S <value>` (HTML bytes per
second on one thread; reading and decompressing the files are not timed). Runs in the
throwaway venv of `just bench-peers`."""
import gzip
import json
import os
import sys
import time

import trafilatura


def main(directory, rounds, out_path):
    names = sorted(f for f in os.listdir(directory) if f.endswith(".html.gz"))
    pages = [(n[: -len(".html.gz")], gzip.open(os.path.join(directory, n)).read().decode("utf-8", "replace")) for n in names]
    total = sum(len(h.encode("utf-8")) for _, h in pages)
    bodies = []
    start = time.perf_counter()
    for r in range(rounds):
        for pid, html in pages:
            body = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
            if r == 0:
                bodies.append({"id": pid, "body": body})
    secs = time.perf_counter() - start
    with open(out_path, "w", encoding="utf-8") as f:
        for b in bodies:
            f.write(json.dumps(b, ensure_ascii=False) + "\n")
    print(f"MB_PER_S {total * rounds / 1e6 / secs:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
