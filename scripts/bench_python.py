#!/usr/bin/env python3
"""extract_many on N workers against a plain Python loop over extract, on real articles.

Usage: bench_python.py [--eval-dir ../shared/eval] [--jobs 4] [--repeat 3]
Both runs analyse the same batch (every article of the PolNeAR and TimeBank dev sets) and
must give the same JSON; the best of --repeat timings is reported.
"""
import argparse
import json
import os
import pathlib
import time

import sayso


def load(eval_dir):
    arts = []
    for name in ("polnear-dev.jsonl", "timebank-dev.jsonl"):
        path = pathlib.Path(eval_dir) / "data" / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                arts.append({"text": d["text"], "id": d["id"], "published": d.get("published")})
    return arts


def best(fn, repeat):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", default="../shared/eval")
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    arts = load(args.eval_dir)
    if not arts:
        raise SystemExit(f"no dev articles under {args.eval_dir}/data")
    mb = sum(len(a["text"].encode("utf-8")) for a in arts) / 1e6

    def loop():
        return [sayso.extract(a["text"], id=a["id"], published=a["published"]) for a in arts]

    def many():
        return sayso.extract_many(arts, jobs=args.jobs)

    t_loop, docs_loop = best(loop, args.repeat)
    t_many, docs_many = best(many, args.repeat)
    if [d.to_json() for d in docs_loop] != [d.to_json() for d in docs_many]:
        raise SystemExit("extract_many and the loop disagree")
    print(f"{len(arts)} articles, {mb:.2f} MB, {os.cpu_count()} cores, best of {args.repeat}")
    print(f"loop over extract:        {t_loop:.3f} s  {len(arts) / t_loop:8.1f} articles/s")
    print(f"extract_many(jobs={args.jobs}):   {t_many:.3f} s  {len(arts) / t_many:8.1f} articles/s")
    print(f"speed-up: {t_loop / t_many:.2f}x")


if __name__ == "__main__":
    main()
