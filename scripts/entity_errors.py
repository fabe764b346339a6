#!/usr/bin/env python3
"""Classify entity-tagging errors of a prediction file against gold (CoNLL-style names).

Usage: scripts/entity_errors.py GOLD.jsonl PRED.jsonl [--labels PER,ORG,LOC] [--show KIND] [-n N]

Reads both files as `../shared/eval/score_entities.py` does (sayso Documents or gold-shaped
JSON Lines) and sorts every unmatched gold or predicted name into one error kind:
type (same span, other label), boundary (overlapping span; `boundary+type` when the label
differs too), missed (gold with no overlapping prediction) and spurious (prediction with no
overlapping gold). Prints a table of kinds by gold (or predicted) label and, with --show, the
commonest strings of one kind, so that the largest classes can be attacked first.
"""
import argparse, collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The scorer's reader, so that errors are counted exactly as the score counts them.
sys.path.insert(0, os.environ.get("SAYSO_EVAL_DIR", os.path.join(HERE, "..", "..", "shared", "eval")))
from score_entities import mentions  # noqa: E402
from sayso_adapter import read  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--labels", default="PER,ORG,LOC,MISC")
    ap.add_argument("--show", help="type, boundary, boundary+type, missed or spurious")
    ap.add_argument("-n", type=int, default=40)
    args = ap.parse_args()
    keep = set(args.labels.split(","))
    gold, pred = read(args.gold), read(args.pred)
    table = collections.Counter()
    examples = collections.defaultdict(collections.Counter)
    correct = 0
    for gid, g in gold.items():
        text = g["text"]
        gs = {m for m in mentions(g, text) if m[2] in keep}
        ps = {m for m in mentions(pred.get(gid, {}), text) if m[2] in keep}
        correct += len(gs & ps)
        go, po = gs - ps, ps - gs
        for s, e, lab in go:
            over = [p for p in ps if p[0] < e and s < p[1]]
            if any(p[:2] == (s, e) for p in over):
                p = next(p for p in over if p[:2] == (s, e))
                kind, shown = "type", f"{text[s:e]} {lab}->{p[2]}"
            elif over:
                kind = "boundary" if any(p[2] == lab for p in over) else "boundary+type"
                shown = f"{text[s:e]} {lab} ~ " + " | ".join(f"{text[p[0]:p[1]]} {p[2]}" for p in over)
            else:
                kind, shown = "missed", f"{text[s:e]} {lab}"
            table[(kind, lab)] += 1
            examples[kind][shown] += 1
        for s, e, lab in po:
            if not any(q[0] < e and s < q[1] for q in gs):
                table[("spurious", lab)] += 1
                examples["spurious"][f"{text[s:e]} {lab}"] += 1
    kinds = ["type", "boundary", "boundary+type", "missed", "spurious"]
    labels = [l for l in ("PER", "ORG", "LOC", "MISC") if l in keep]
    print(f"correct {correct}")
    print(f"{'kind':14}" + "".join(f"{l:>6}" for l in labels) + f"{'all':>7}")
    for k in kinds:
        row = [table[(k, l)] for l in labels]
        print(f"{k:14}" + "".join(f"{x:>6}" for x in row) + f"{sum(row):>7}")
    if args.show:
        for s, c in examples[args.show].most_common(args.n):
            print(f"{c:4} {s}")


if __name__ == "__main__":
    main()
