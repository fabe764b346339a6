#!/usr/bin/env python3
"""Sort every CAMEO code book example into error classes, beside what sayso emitted.

Usage: scripts/events_errors.py GOLD.jsonl SAYSO.jsonl [--class NAME ...] [--brief] [--json]

GOLD is `cameo-codebook-dev.jsonl` (one gold event per example, with its source and target
spans); SAYSO is sayso's output over it (`sayso extract --format jsonl GOLD -o SAYSO`, which
`scripts/eval.py --only cameo-codebook` writes to target/eval/cameo-codebook-dev.sayso.jsonl).

Each example's gold event falls in exactly one class, matched as `score_events.py` matches it
(an exact code first; actors overlap the gold spans; a gold actor that is null is not checked):
  right              the gold code, with the gold source and target
  wrong_actors       the gold code, but a source or target that misses the gold's
  wrong_leaf         no event with the gold code, one with its root (first two digits)
  wrong_root         coded events, none with the gold's root
  uncoded            events, none with a CAMEO code (a frame left incomplete)
  no_event           no event at all
Independently, an example has `extra` coded events: every coded event not paired with the gold
event (each counts against precision). The report prints the counts, then per class each
example's sentence, its gold and every event sayso emitted (trigger, code, source -> target;
uncoded events marked `---`). Stdlib only.
"""
import argparse
import json
import sys
from collections import Counter

CLASSES = ["right", "wrong_actors", "wrong_leaf", "wrong_root", "uncoded", "no_event"]


def read_jsonl(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON ({e})")
            key = (d.get("article") or {}).get("id") if "schema_version" in d else d.get("id")
            out[str(key)] = d
    return out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def predicted(doc):
    """sayso's events as dicts: code (None if uncoded), trigger, role -> [(span, text)]."""
    evs = []
    for e in (doc or {}).get("events", []):
        c = e.get("cameo")
        code = c.get("code") if isinstance(c, dict) else c
        roles = {}
        for p in e.get("participants", []):
            sp = p.get("span") or {}
            if isinstance(sp.get("start"), int):
                roles.setdefault(p.get("role"), []).append(((sp["start"], sp["end"]), p.get("text", "")))
        evs.append({"code": code, "trigger": (e.get("trigger") or {}).get("text", ""), "roles": roles,
                    "modality": e.get("modality", []), "polarity": e.get("polarity")})
    return evs


def actor_ok(ev, gold, role):
    span = gold.get(f"{role}_span")
    if not span:
        return True
    return any(overlaps(span, s) for s, _ in ev["roles"].get(role, []))


def classify(gold_doc, pred_doc):
    """(class, index of the paired event or None, [indices of extra coded events], actor misses)."""
    g = gold_doc["events"][0]
    evs = predicted(pred_doc)
    coded = [i for i, e in enumerate(evs) if e["code"]]
    same = [i for i in coded if evs[i]["code"] == g["code"]]
    pair, cls, misses = None, None, []
    if same:
        full = [i for i in same if actor_ok(evs[i], g, "source") and actor_ok(evs[i], g, "target")]
        pair = (full or same)[0]
        cls = "right" if full else "wrong_actors"
        if not full:
            misses = [r for r in ("source", "target") if not actor_ok(evs[pair], g, r)]
    else:
        root = [i for i in coded if evs[i]["code"][:2] == g["code"][:2]]
        if root:
            pair, cls = root[0], "wrong_leaf"
        elif coded:
            cls = "wrong_root"
        elif evs:
            cls = "uncoded"
        else:
            cls = "no_event"
    extra = [i for i in coded if i != pair]
    return cls, pair, extra, misses


def show_event(e):
    side = lambda r: " + ".join(t for _, t in e["roles"].get(r, [])) or "-"
    mods = [m for m in e["modality"] if m not in ("asserted", "reported")]
    if e["polarity"] == "negative":
        mods.append("negated")
    tail = f"  [{', '.join(mods)}]" if mods else ""
    return f'{e["code"] or "---":>5} "{e["trigger"]}": {side("source")} -> {side("target")}{tail}'


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--class", dest="classes", nargs="*", choices=CLASSES + ["extra"],
                    help="list only these classes (default: all)")
    ap.add_argument("--brief", action="store_true", help="counts only")
    ap.add_argument("--json", action="store_true", help="one JSON object per example instead of text")
    args = ap.parse_args(argv)
    gold, pred = read_jsonl(args.gold), read_jsonl(args.pred)
    missing = [k for k in gold if k not in pred]
    if missing:
        print(f"warning: {len(missing)} gold examples have no sayso document (e.g. {missing[0]})", file=sys.stderr)
    rows = []
    for gid, g in gold.items():
        if not g.get("events"):
            continue
        cls, pair, extra, misses = classify(g, pred.get(gid))
        rows.append({"id": gid, "class": cls, "pair": pair, "extra": extra, "misses": misses,
                     "text": g["text"], "gold": g["events"][0], "events": predicted(pred.get(gid))})
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    counts = Counter(r["class"] for r in rows)
    extra_docs = sum(1 for r in rows if r["extra"])
    extra_events = sum(len(r["extra"]) for r in rows)
    print(f"{len(rows)} gold events")
    for c in CLASSES:
        print(f"  {c:13} {counts[c]:4}")
    print(f"  {'extra':13} {extra_events:4} coded events in {extra_docs} examples (not paired with the gold)")
    miss = Counter(m for r in rows for m in r["misses"])
    if miss:
        print(f"  wrong_actors misses: {dict(miss)}")
    if args.brief:
        return 0
    wanted = args.classes or CLASSES + ["extra"]
    for c in wanted:
        chosen = [r for r in rows if (r["extra"] if c == "extra" else r["class"] == c)]
        if not chosen:
            continue
        print(f"\n== {c} ({len(chosen)})")
        for r in chosen:
            g = r["gold"]
            note = f"  misses {', '.join(r['misses'])}" if r["misses"] else ""
            print(f"\n{r['id']}: {r['text']}")
            print(f'  gold {g["code"]:>5}: {g.get("source") or "-"} -> {g.get("target") or "-"}{note}')
            for i, e in enumerate(r["events"]):
                mark = "=" if i == r["pair"] else ("+" if i in r["extra"] else " ")
                print(f"  {mark}   {show_event(e)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
