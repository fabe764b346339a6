#!/usr/bin/env python3
"""List the time-expression errors of a prediction file against TIMEX3 gold, by category.

Usage: scripts/timex_errors.py GOLD.jsonl PRED.jsonl [--show N] [--only missed|spurious|value|type|span]

Matches gold and predicted timexes exactly as ../shared/eval/score_timex.py does (one-to-one,
identical spans first, then the largest overlap), then prints, for each error class, counts
grouped by a coarse shape of the text (digits -> 9, lower-cased) so that the biggest classes of
errors stand out, with examples in context:

  missed    gold timexes no prediction overlaps
  spurious  predictions that overlap no gold timex
  value     relaxed matches whose value differs (gold -> predicted)
  type      relaxed matches whose type differs
  span      relaxed matches whose extent differs (gold vs predicted text)

PRED may be sayso Documents or gold-shaped JSON Lines (read through sayso_adapter.py).
"""
import argparse
import collections
import os
import re
import sys

EVAL = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval"))
sys.path.insert(0, os.environ.get("SAYSO_EVAL_DIR", EVAL))
from score_timex import load, match_doc, norm_timexes  # noqa: E402


def text_of(doc, t):
    return " ".join(doc["text"][s:e] for s, e in t["spans"])


def context(doc, t, width=50):
    s, e = t["spans"][0][0], t["spans"][-1][1]
    left = doc["text"][max(0, s - width):s].replace("\n", " ")
    right = doc["text"][e:e + width].replace("\n", " ")
    return f"...{left}[[{doc['text'][s:e]}]]{right}..."


def shape(s):
    s = re.sub(r"\d", "9", s.lower())
    return re.sub(r"\s+", " ", s).strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--show", type=int, default=3, help="examples per group")
    ap.add_argument("--top", type=int, default=40, help="groups per class")
    ap.add_argument("--only", choices=["missed", "spurious", "value", "type", "span"])
    a = ap.parse_args()
    gold, pred = load(a.gold), load(a.pred)
    groups = {k: collections.defaultdict(list) for k in ("missed", "spurious", "value", "type", "span")}
    for i, gd in gold.items():
        g = norm_timexes(gd)
        p = norm_timexes(pred.get(i, {"timexes": []}))
        pd = gd  # predictions are offsets into the same text
        matched_g, matched_p = set(), set()
        for gi, pi, strict in match_doc(g, p):
            matched_g.add(gi)
            matched_p.add(pi)
            gt, pt = g[gi], p[pi]
            gtext, ptext = text_of(gd, gt), text_of(pd, pt)
            if gt["value"] != pt["value"]:
                key = f"{gt['type']} {shape(gtext)!r}: {gt['value']} -> {pt['value']}"
                key = f"{gt['type']} {shape(gtext)!r}"
                groups["value"][key].append(f"{gt['value']} -> {pt['value']}  (dct {gd.get('published')}) {context(gd, gt)}")
            if gt["type"] != pt["type"]:
                groups["type"][f"{gt['type']} -> {pt['type']}"].append(f"{gtext!r} {gt['value']} / {pt['value']}")
            if not strict:
                groups["span"][f"{shape(gtext)!r} vs {shape(ptext)!r}"].append(context(gd, gt))
        for gi, gt in enumerate(g):
            if gi not in matched_g:
                groups["missed"][f"{gt['type']} {shape(text_of(gd, gt))!r}"].append(
                    f"{gt['value']} (dct {gd.get('published')}) {context(gd, gt)}")
        for pi, pt in enumerate(p):
            if pi not in matched_p:
                groups["spurious"][f"{pt['type']} {shape(text_of(pd, pt))!r}"].append(f"{pt['value']} {context(pd, pt)}")
    for name, grp in groups.items():
        if a.only and name != a.only:
            continue
        total = sum(len(v) for v in grp.values())
        print(f"\n=== {name}: {total} in {len(grp)} groups ===")
        for key, items in sorted(grp.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: a.top]:
            print(f"{len(items):4d}  {key}")
            for ex in items[: a.show]:
                print(f"        {ex}")


if __name__ == "__main__":
    main()
