#!/usr/bin/env python3
"""Validate every snapshot Document against the checked-in JSON Schema with an independent
validator (Python `jsonschema`, draft 2020-12), and check that each span's `text` equals
the article text sliced in code points (Python's own indexing).

Usage: scripts/validate_snapshots.py [SNAPSHOT_DIR] [SCHEMA]
"""
import glob
import json
import os
import sys

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def spans_with_text(node, path="$"):
    """Yield (path, span, text) for every object that has a span and the text it covers."""
    if isinstance(node, dict):
        span = node.get("span")
        if isinstance(span, dict) and isinstance(node.get("text"), str) and "start" in span:
            yield path, span, node["text"]
        for k, v in node.items():
            if k != "article":
                yield from spans_with_text(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from spans_with_text(v, f"{path}[{i}]")


def main(argv):
    snap_dir = argv[0] if argv else os.path.join(ROOT, "tests", "snapshots")
    schema_path = argv[1] if len(argv) > 1 else os.path.join(ROOT, "schema", "sayso-v1.schema.json")
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(glob.glob(os.path.join(snap_dir, "*.snap.json")))
    if not files:
        print(f"no snapshots in {snap_dir}", file=sys.stderr)
        return 1
    failures = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors:
            print(f"{os.path.basename(path)}: {e.json_path}: {e.message}", file=sys.stderr)
        text = doc["article"]["text"]
        bad = [(p, s, t) for p, s, t in spans_with_text(doc) if text[s["start"]:s["end"]] != t]
        for p, s, t in bad:
            print(f"{os.path.basename(path)}: {p}: text {t!r} != article[{s['start']}:{s['end']}]", file=sys.stderr)
        failures += bool(errors or bad)
    print(f"{len(files) - failures} of {len(files)} snapshots valid against {os.path.relpath(schema_path, ROOT)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
