#!/usr/bin/env python3
"""Error analysis of the claims stage on PolNeAR (dev by default).

Usage: claims_errors.py GOLD.jsonl PROPOSALS.jsonl [--top N] [--output SAYSO.jsonl]

PROPOSALS is what `cargo run --release -p sayso --example train_claims -- --proposals GOLD.jsonl
crates/sayso/src/claims/model.bin OUT.jsonl` writes: every draft the stage weighed for each
article (byte offsets), its score and whether it was kept, with the gold attributions in byte
offsets. GOLD gives each attribution's kind (direct / indirect / mixed). Counts, as the scorer
judges (content Dice >= 0.5 on non-space characters and overlapping source):

- misses by class: no draft overlaps the gold content at all / a right draft exists but the
  model rejected its cue (every draft scored <= 0) / a right draft exists but another of the
  cue's drafts was kept / drafts overlap but none is right (boundaries or source), each by
  kind, by cue lemma (the gold cue's lower-cased last word) and by the frame of the best draft;
- false positives: kept drafts matching no gold, by cue word and frame.

Reads only local files; prints tables. The drafts are the chooser's view, before the stage's
later content cuts and merges, so its counts differ from score_attribution.py's. With
--output (what `sayso extract` wrote for GOLD, e.g. target/eval/polnear-dev.sayso.jsonl) it
also scores the stage's real claims as the scorer pairs them and splits them into claims
reported inside another claim (with a parent) and the rest, and classes the false positives:
no gold overlaps / the best gold is paired with another claim / Dice below 0.5.
"""
import json, os, sys
from collections import Counter


def vis(text, spans):
    return {i for s, e in spans for i in range(s, min(e, len(text))) if not text[i].isspace()}


def output_report(gold_path, out_path):
    """The stage's own claims, paired as score_attribution.py pairs them."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(gold_path)), ".."))
    from score_attribution import attributions, chars
    golds = {}
    for line in open(gold_path, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            golds[d["id"]] = d
    split, fp = Counter(), Counter()
    for line in open(out_path, encoding="utf-8"):
        if not line.strip():
            continue
        d = json.loads(line)
        g = golds.get(d["article"]["id"])
        if g is None:
            continue
        text = g["text"]
        ga, pa = attributions(g), attributions(d)
        claims = [c for c in d["claims"] if isinstance(c, dict) and c.get("content")]
        gc = [chars(text, a["content"]) for a in ga]
        pc = [chars(text, a["content"]) for a in pa]
        cand = []
        for i, x in enumerate(gc):
            for j, y in enumerate(pc):
                if x & y and 2 * len(x & y) / (len(x) + len(y)) >= 0.5:
                    cand.append((2 * len(x & y) / (len(x) + len(y)), i, j))
        cand.sort(key=lambda c: (-c[0], c[1], c[2]))
        used_g, used_p = set(), set()
        for _, i, j in cand:
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
        for j, c in enumerate(claims):
            where = "inside another claim" if c.get("parent") is not None else "top level"
            split[(where, j in used_p)] += 1
            if j in used_p:
                continue
            best = max(range(len(ga)), key=lambda i: len(gc[i] & pc[j]) / (len(gc[i]) + len(pc[j])), default=None)
            if best is None or not gc[best] & pc[j]:
                fp[(where, "no gold overlaps")] += 1
            elif best in used_g:
                fp[(where, "its gold is paired with another claim")] += 1
            else:
                fp[(where, "Dice below 0.5")] += 1
    print("\nthe stage's claims (content matches, source not checked):")
    for where in ("top level", "inside another claim"):
        t, f = split[(where, True)], split[(where, False)]
        print(f"  {where}: {t + f} claims, {t} match a gold content ({t / max(t + f, 1):.3f})")
        for (w, cls), n in sorted(fp.items(), key=lambda kv: -kv[1]):
            if w == where:
                print(f"      false positive, {cls}: {n}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    if "--top" in sys.argv:
        args.remove(str(top))
    output = sys.argv[sys.argv.index("--output") + 1] if "--output" in sys.argv else None
    if output:
        args.remove(output)
    gold_path, prop_path = args
    golds = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    props = [json.loads(l) for l in open(prop_path, encoding="utf-8") if l.strip()]
    assert len(golds) == len(props), "the proposals file must come from the same gold file"
    miss = Counter()
    miss_kind = Counter()
    miss_lemma = {}
    miss_frame = {}
    fp_cue, fp_frame = Counter(), Counter()
    kinds, found = Counter(), Counter()
    n_pred = tp = 0
    for gdoc, pdoc in zip(golds, props):
        text = pdoc["text"]
        b = text.encode("utf-8")
        word = lambda s, e: b[s:e].decode("utf-8", "replace").lower()
        gold = [ga for ga in gdoc["attributions"] if ga["content"]]
        assert len(gold) == len(pdoc["gold"])
        # byte offsets -> sets of visible byte positions (consistent within a document)
        def bvis(spans):
            return {i for s, e in spans for i in range(s, e) if b[i:i + 1] not in (b" ", b"\n", b"\t", b"\r")}
        gsets = [(bvis(g["content"]), bvis(g["source"])) for g in pdoc["gold"]]
        drafts = []
        for p in pdoc["proposals"]:
            c = bvis(p["content"])
            s = bvis([p["source"]]) if p["source"] else set()
            drafts.append((p, c, s))

        def right(gi, c, s):
            gc, gs = gsets[gi]
            inter = len(gc & c)
            if not inter or 2 * inter / (len(gc) + len(c)) < 0.5:
                return 0.0
            return 2 * inter / (len(gc) + len(c)) if (not gs or gs & s) else -1.0

        kept = [d for d in drafts if d[0]["chosen"]]
        n_pred += len(kept)
        used = set()
        matched_pred = set()
        # one to one, best first
        cand = []
        for gi in range(len(gold)):
            for j, (p, c, s) in enumerate(kept):
                q = right(gi, c, s)
                if q != 0.0:
                    cand.append((abs(q), q > 0, gi, j))
        cand.sort(key=lambda t: (-t[0], t[2], t[3]))
        ok = set()
        for dice, good, gi, j in cand:
            if gi in used or j in matched_pred:
                continue
            used.add(gi)
            matched_pred.add(j)
            if good:
                ok.add(gi)
        tp += len(ok)
        for j, (p, c, s) in enumerate(kept):
            if j not in matched_pred:
                cw = word(*p["cue"]).split()
                fp_cue[cw[-1] if cw else "(none)"] += 1
                fp_frame[p["origin"].split("/")[1]] += 1
        for gi, ga in enumerate(gold):
            k = ga.get("kind") or "other"
            kinds[k] += 1
            if gi in ok:
                found[k] += 1
                continue
            cue = " ".join(text[s:e] for s, e in ga["cue"]).lower().split()
            lemma = cue[-1] if cue else "(none)"
            gc, gs = gsets[gi]
            overl = [(p, c, s) for p, c, s in drafts if gc & c]
            rights = [(p, c, s) for p, c, s in overl if right(gi, c, s) > 0]
            if not overl:
                cls = "no draft overlaps"
            elif rights:
                if any(p["chosen"] for p, _, _ in rights):
                    cls = "right draft kept, paired elsewhere"
                elif all(d[0]["score"] <= 0 for d in drafts if d[0]["cue"] == rights[0][0]["cue"]):
                    cls = "right draft, cue rejected"
                else:
                    cls = "right draft, another kept"
            elif any(right(gi, c, s) < 0 for p, c, s in overl):
                cls = "content right, source wrong"
            else:
                cls = "boundaries off"
            best = max(overl, key=lambda d: len(gc & d[1]) / (len(gc) + len(d[1])), default=None)
            frame = best[0]["origin"].split("/")[1] if best else "-"
            miss[cls] += 1
            miss_kind[(cls, k)] += 1
            miss_lemma.setdefault(cls, Counter())[lemma] += 1
            miss_frame.setdefault(cls, Counter())[frame] += 1
    ng = sum(kinds.values())
    print(f"gold {ng}, kept {n_pred}, right {tp}: P {tp / max(n_pred, 1):.3f} R {tp / ng:.3f}")
    print("recall by kind:", {k: f"{found[k] / v:.3f} ({found[k]}/{v})" for k, v in sorted(kinds.items())})
    print("\nmisses by class (all / indirect / direct / mixed):")
    for cls, n in miss.most_common():
        print(f"  {n:5d} {miss_kind[(cls, 'indirect')]:5d} {miss_kind[(cls, 'direct')]:5d} {miss_kind[(cls, 'mixed')]:5d}  {cls}")
        print("        lemmas:", ", ".join(f"{w} {c}" for w, c in miss_lemma[cls].most_common(top)))
        print("        frames:", ", ".join(f"{w} {c}" for w, c in miss_frame[cls].most_common(10)))
    print(f"\nfalse positives {sum(fp_cue.values())}:")
    print("  cues:", ", ".join(f"{w} {c}" for w, c in fp_cue.most_common(top)))
    print("  frames:", ", ".join(f"{w} {c}" for w, c in fp_frame.most_common(10)))
    if output:
        output_report(gold_path, output)


if __name__ == "__main__":
    main()
