#!/usr/bin/env python3
"""What sayso read from web pages besides the body: `html_metadata.py DOCS.jsonl` counts, over
the Documents of `sayso extract` on pages (e.g. `target/eval/article-html-dev.sayso.jsonl`,
written by `just eval`), how many got a title, a publication date (and from where), authors,
a publisher, a canonical URL and a language; `--pages` lists each page's metadata for a hand
check."""
import collections
import json
import sys


def source_of(p):
    """Where a publication date came from, in a few words."""
    if p["source"] != "html":
        return f"the text ({p['source']})"
    reason = p.get("reason") or ""
    for prefix, name in (("JSON-LD", "JSON-LD"), ("<meta>", "<meta>"), ("microdata", "microdata"),
                         ("the page's first <time", "<time>"), ("the date in the URL", "URL path"),
                         ("the date the page shows", "a date shown in the byline")):
        if reason.startswith(prefix):
            return name
    return reason


def main(path, pages=False):
    docs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    docs = [d for d in docs if "schema_version" in d]
    n = len(docs)
    has = collections.Counter()
    date_from = collections.Counter()
    for d in docs:
        a = d["article"]
        for field in ("title", "publisher", "canonical_url", "language"):
            if a.get(field):
                has[field] += 1
        if a.get("authors"):
            has["authors"] += 1
        p = a.get("published")
        if p:
            has["date"] += 1
            date_from[source_of(p)] += 1
            if p["source"] == "html":
                has["date from the page"] += 1
        if pages:
            print(json.dumps({"id": a.get("id", "")[:8], "url": a.get("url"), "title": a.get("title"), "authors": a.get("authors"),
                              "publisher": a.get("publisher"), "published": (p or {}).get("date"),
                              "how": (p or {}).get("reason") or (p or {}).get("source"), "language": a.get("language")},
                             ensure_ascii=False))
    print(f"| field | pages with it (of {n}) |\n|---|---|")
    # Every document has a language (`en` when the page declares none), so it is not counted.
    for field in ("title", "date", "date from the page", "authors", "publisher", "canonical_url"):
        print(f"| {field} | {has[field]} ({100 * has[field] / n:.0f}%) |")
    print("\nDate sources: " + ", ".join(f"{k} {v}" for k, v in date_from.most_common()))


if __name__ == "__main__":
    main(sys.argv[1], "--pages" in sys.argv)
