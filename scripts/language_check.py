#!/usr/bin/env python3
"""Which languages sayso finds, and which articles it leaves unanalysed, over the eval data.

Usage: scripts/language_check.py [--sayso PATH] [--eval-dir DIR] [--html | --bodies | --dev] [-v]

--dev     (default) every English development set: each *-dev.jsonl and the plain texts of the
          UD *.conllu dev files. Every document must be analysed: the script lists any that is
          not (language_not_analysed) or whose language came out undetermined, and exits 1 when
          an English document was skipped.
--bodies  the article-extraction benchmark's gold bodies (data/article-html-dev/gold.jsonl) as
          plain text, beside each page's own <html lang="..."> attribute.
--html    the same pages as HTML (needs sayso's HTML input): each page.html.gz is unpacked to a
          temporary .html file and given to `sayso extract`.

For the pages, a table compares the language sayso found with the page's declared language
(primary subtags; a page that declares none is taken as English, as the benchmark's pages
without one are), and lists every disagreement; it exits 1 when an English page was skipped
or a non-English page was analysed.
"""
import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_sayso(sayso, paths, stdin=None):
    """Documents from `sayso extract` over paths (or JSON Lines on stdin)."""
    proc = subprocess.run([sayso, "extract", "--quiet", "--format", "jsonl", *paths], input=stdin,
                          text=True, capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"language_check: sayso failed:\n{proc.stderr[-2000:]}")
    if proc.returncode == 1:
        print(proc.stderr.rstrip(), file=sys.stderr)
    summary = [l for l in proc.stderr.splitlines() if "not analysed" in l]
    return [json.loads(l) for l in proc.stdout.splitlines() if l.strip()], summary


def verdict(doc):
    a = doc["article"]
    skipped = any(w["code"] == "language_not_analysed" for w in doc["warnings"])
    return a["language"], a.get("language_confidence"), skipped


def conllu_texts(path, name):
    """The documents of a CoNLL-U file as plain text (`# text =` lines, paragraphs by doc)."""
    docs, cur, doc_id = [], [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"# newdoc(?: id = (.*))?", line)
            if m:
                if cur:
                    docs.append({"id": doc_id, "text": "\n".join(cur)})
                cur, doc_id = [], m.group(1) or f"{name}-{len(docs) + 1}"
            elif line.startswith("# text = "):
                cur.append(line[len("# text = "):].rstrip("\n"))
    if cur:
        docs.append({"id": doc_id, "text": "\n".join(cur)})
    return docs


def check_dev(args):
    data = os.path.join(args.eval_dir, "data")
    bad = 0
    print("| corpus | documents | analysed | languages | undetermined | not analysed |")
    print("|---|---|---|---|---|---|")
    for name in sorted(os.listdir(data)):
        if name.endswith("-dev.jsonl"):
            with open(os.path.join(data, name), encoding="utf-8") as f:
                lines = [json.loads(l) for l in f if l.strip()]
            records = [{"id": d["id"], "text": d["text"]} for d in lines]
        elif name.endswith("-dev.conllu"):
            records = conllu_texts(os.path.join(data, name), name[: -len(".conllu")])
        else:
            continue
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        docs, _ = run_sayso(args.sayso, ["-"], stdin=body)
        langs = collections.Counter()
        und, skipped = [], []
        for d in docs:
            lang, conf, skip = verdict(d)
            langs[lang] += 1
            if lang == "und":
                und.append(d["article"].get("id"))
            if skip:
                skipped.append((d["article"].get("id"), lang, conf))
        bad += len(skipped)
        shown = ", ".join(f"{k} {v}" for k, v in langs.most_common())
        print(f"| {name} | {len(docs)} | {len(docs) - len(skipped)} | {shown} | {len(und)} | {len(skipped)} |")
        for s in skipped:
            print(f"  NOT ANALYSED: {s}", file=sys.stderr)
        if args.verbose:
            for i in und:
                print(f"  undetermined: {name} {i}", file=sys.stderr)
    return 1 if bad else 0


def declared(html_bytes):
    m = re.search(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z0-9_-]+)", html_bytes[:20000], re.I)
    return m.group(1).decode().lower().replace("_", "-") if m else None


def primary(tag):
    return (tag or "en").split("-")[0].lower()


def check_pages(args):
    page_dir = os.path.join(args.eval_dir, "data", "article-html-dev")
    with open(os.path.join(page_dir, "gold.jsonl"), encoding="utf-8") as f:
        gold = [json.loads(l) for l in f if l.strip()]
    declared_lang = {}
    for g in gold:
        with gzip.open(os.path.join(page_dir, g["file"])) as f:
            declared_lang[g["id"]] = declared(f.read())
    if args.html:
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for g in gold:
                path = os.path.join(tmp, g["id"] + ".html")
                with gzip.open(os.path.join(page_dir, g["file"])) as src, open(path, "wb") as dst:
                    dst.write(src.read())
                paths.append(path)
            docs, summary = run_sayso(args.sayso, paths)
    else:
        body = "".join(json.dumps({"id": g["id"], "text": g["body"]}, ensure_ascii=False) + "\n" for g in gold)
        docs, summary = run_sayso(args.sayso, ["-"], stdin=body)
    table = collections.Counter()
    wrong = []
    for d in docs:
        pid = d["article"].get("id")
        lang, conf, skipped = verdict(d)
        want = primary(declared_lang.get(pid))
        table[(want, primary(lang) if lang != "und" else "und", "skipped" if skipped else "analysed")] += 1
        english = want == "en"
        if english == skipped or (not english and lang != "und" and primary(lang) != want):
            wrong.append((pid, declared_lang.get(pid), lang, conf, "skipped" if skipped else "analysed"))
    print(f"{len(docs)} pages ({'HTML' if args.html else 'gold bodies as text'})")
    print("| declared | sayso | outcome | pages |")
    print("|---|---|---|---|")
    for (want, got, outcome), n in sorted(table.items()):
        print(f"| {want} | {got} | {outcome} | {n} |")
    for line in summary:
        print(line)
    for w in wrong:
        print(f"  disagrees: {w}")
    failed = [w for w in wrong if (primary(w[1]) == "en") == (w[4] == "skipped")]
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sayso", default=os.path.join(ROOT, "target", "release", "sayso"))
    ap.add_argument("--eval-dir", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "eval")))
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--dev", action="store_true")
    mode.add_argument("--bodies", action="store_true")
    mode.add_argument("--html", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    sys.exit(check_pages(args) if args.bodies or args.html else check_dev(args))


if __name__ == "__main__":
    main()
