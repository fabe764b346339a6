#!/usr/bin/env python3
"""Check the HTTP API against its own OpenAPI document with independent tools: start
`sayso serve` on a free loopback port, validate GET /openapi.json with openapi-spec-validator
(OpenAPI 3.1), then validate real responses with `jsonschema` against the schemas the document
gives: a Document from POST /v1/extract, the lines of a batch with a bad line, and a problem.

Usage: scripts/validate_openapi.py [SAYSO_BIN]   (default target/debug/sayso)
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import jsonschema
from openapi_spec_validator import validate
from openapi_spec_validator.versions.shortcuts import get_spec_version

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(base, path, body=None, ctype=None):
    req = urllib.request.Request(base + path, data=body, method="POST" if body is not None else "GET")
    if ctype:
        req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get("Content-Type"), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read()


def component_validator(doc, name):
    """A validator for components.schemas[name], resolving #/components/... refs in the document."""
    wrapper = {"components": doc["components"], "$ref": f"#/components/schemas/{name}"}
    return jsonschema.Draft202012Validator(wrapper)


def main():
    binary = os.path.join(ROOT, sys.argv[1] if len(sys.argv) > 1 else "target/debug/sayso")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([binary, "serve", "--addr", f"127.0.0.1:{port}"], stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                if request(base, "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("sayso serve did not start")
        status, ctype, body = request(base, "/openapi.json")
        assert status == 200 and ctype == "application/json", (status, ctype)
        doc = json.loads(body)
        validate(doc)
        version = str(get_spec_version(doc))
        assert "3.1" in version, version

        with open(os.path.join(ROOT, "tests/corpus/putin-trump-cia-tip.txt"), "rb") as f:
            article = f.read()
        status, ctype, body = request(base, "/v1/extract?offsets=utf16", article, "text/plain")
        assert status == 200, (status, body[:300])
        component_validator(doc, "Document").validate(json.loads(body))

        batch = b'{"text": "The AP said Friday it rained."}\nnot json\n{"text": ""}\n{"text": "Police said the man was arrested."}\n'
        status, ctype, body = request(base, "/v1/extract/batch", batch, "application/x-ndjson")
        assert status == 200 and ctype == "application/x-ndjson", (status, ctype)
        line_schema = doc["paths"]["/v1/extract/batch"]["post"]["responses"]["200"]["content"]["application/x-ndjson"]["schema"]
        lines = [json.loads(l) for l in body.decode().splitlines()]
        assert len(lines) == 4 and [("error" in l) for l in lines] == [False, True, True, False], lines
        v = jsonschema.Draft202012Validator({"components": doc["components"], **line_schema})
        for line in lines:
            v.validate(line)

        status, ctype, body = request(base, "/v1/extract", b"   ", "text/plain")
        assert status == 422 and ctype == "application/problem+json", (status, ctype)
        component_validator(doc, "Problem").validate(json.loads(body))
        print(f"openapi ok: {version}, {len(doc['paths'])} paths; a Document, 4 batch lines and a problem validate against it")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
