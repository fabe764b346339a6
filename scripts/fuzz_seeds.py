#!/usr/bin/env python3
"""Write seed inputs for a fuzz target from tests/corpus: plain texts for extract_text,
article objects for article_json, a JSON Lines batch for json_lines, web pages for html (the
corpus pages, and each article's text set as a page), and WARC files of those pages for warc
(uncompressed, and gzipped record by record)."""
import glob
import gzip
import html
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def articles():
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*"))):
        name = os.path.basename(path)
        if name.endswith(".txt"):
            yield name, {"text": open(path, encoding="utf-8").read()}
        elif name.endswith(".json"):
            yield name, json.load(open(path, encoding="utf-8"))


def pages():
    """The corpus's web pages, then each article's text as a simple page."""
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*.html"))):
        yield os.path.basename(path), open(path, "rb").read()
    for name, art in articles():
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in art["text"].split("\n\n"))
        title = html.escape(art.get("title") or name)
        page = (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
                f"<meta property='article:published_time' content='{art.get('published') or ''}'></head>"
                f"<body><nav><a href=/>Home</a></nav><article><h1>{title}</h1>{paras}</article>"
                f"<footer>Footer</footer></body></html>")
        yield name + ".html", page.encode()


def warc_record(n, url, page):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:seed-{n}>\r\n"
            f"WARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def main(target, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    if target in ("html", "warc"):
        items = list(pages())
        if target == "html":
            for name, page in items:
                with open(os.path.join(out_dir, f"seed-{name}"), "wb") as f:
                    f.write(page)
            return
        # Small files: libFuzzer's inputs stay under its -max_len.
        for k in range(0, len(items), 3):
            records = [warc_record(k + i, f"https://news.example/2020/01/0{i + 1}/{n}", p)
                       for i, (n, p) in enumerate(items[k:k + 3])]
            info = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nseeds\r\n\r\n"
            with open(os.path.join(out_dir, f"seed-{k}.warc"), "wb") as f:
                f.write(info + b"".join(records))
            with open(os.path.join(out_dir, f"seed-{k}.warc.gz"), "wb") as f:
                f.write(b"".join(gzip.compress(r, mtime=0) for r in [info, *records]))
        return
    items = list(articles())
    for name, art in items:
        if target == "extract_text":
            data = art["text"].encode()
        elif target == "article_json":
            data = json.dumps(art, ensure_ascii=False).encode()
        else:
            data = "\n".join(json.dumps(a, ensure_ascii=False) for _, a in items[:3]).encode()
        with open(os.path.join(out_dir, f"seed-{name}"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
