"""Who says what: every claim in a sayso Document, checked against the JSON Schema first.

Usage: python3 examples/schema/claims.py DOCUMENT.json [SCHEMA.json]
"""
import json
import sys

import jsonschema

doc_path = sys.argv[1]
schema_path = sys.argv[2] if len(sys.argv) > 2 else "schema/sayso-v1.schema.json"
with open(schema_path, encoding="utf-8") as f:
    validator = jsonschema.Draft202012Validator(json.load(f))
with open(doc_path, encoding="utf-8") as f:
    doc = json.load(f)

errors = sorted(validator.iter_errors(doc), key=lambda e: e.json_path)
for e in errors:
    print(f"{doc_path}: {e.json_path}: {e.message}", file=sys.stderr)
if errors:
    sys.exit(1)

# Code-point offsets (the default) index a Python str directly.
assert doc["offsets"] == "codepoint", "ask sayso for codepoint offsets to slice Python strings"
text = doc["article"]["text"]
for claim in doc["claims"]:
    source = claim["source"]["text"] if claim.get("source") else "(no source)"
    cue = claim.get("cue")
    cue_text = text[cue["span"]["start"]:cue["span"]["end"]] if cue else "(no cue)"
    print(f"{claim['id']} [{claim['kind']}] {source} -> {cue_text} -> {claim['content']['text']}")
