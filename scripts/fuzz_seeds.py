#!/usr/bin/env python3
"""Write seed inputs for a fuzz target from tests/corpus: plain texts for extract_text,
article objects for article_json, a JSON Lines batch for json_lines."""
import glob
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


def main(target, out_dir):
    os.makedirs(out_dir, exist_ok=True)
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
