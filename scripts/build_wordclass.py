#!/usr/bin/env python3
"""Derive the entities stage's word-class lexicon from Universal Dependencies English
(../shared/eval/data/ud-train.conllu: EWT train, CC BY-SA 4.0, and GUM train, CC BY 4.0).

Writes crates/sayso/src/entities/wordclass.tsv: `word<TAB>class`, one lowercase word a line,
for every word seen at least MIN times, with the universal POS tag it has most often
(PROPN, NOUN, VERB, ADJ, ADV, NUM, or FUNC for the closed classes: determiners, pronouns,
adpositions, conjunctions, auxiliaries, particles, interjections). The tagger reads the class
as a feature: a capitalised "Moreover" or "My" that opens a sentence is an adverb or a
determiner, not a name, even when the training names never showed it. Run by
`just wordclass`; deterministic (sorted output).
"""
import collections
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN = 2
CLOSED = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "INTJ"}
KEPT = {"PROPN", "NOUN", "VERB", "ADJ", "ADV", "NUM"}


def main(argv):
    eval_dir = os.environ.get("SAYSO_EVAL_DIR", os.path.join(ROOT, "..", "shared", "eval"))
    src = argv[0] if argv else os.path.join(eval_dir, "data", "ud-train.conllu")
    out = argv[1] if len(argv) > 1 else os.path.join(ROOT, "crates", "sayso", "src", "entities", "wordclass.tsv")
    counts = collections.defaultdict(collections.Counter)
    for line in open(src, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or not cols[0].isdigit():
            continue  # multiword ranges and empty nodes
        word, upos = cols[1].lower(), cols[3]
        if not any(c.isalpha() for c in word) or "\t" in word:
            continue
        cls = "FUNC" if upos in CLOSED else upos if upos in KEPT else None
        if cls:
            counts[word][cls] += 1
    rows = []
    for word, c in counts.items():
        if sum(c.values()) < MIN:
            continue
        # Ties broken by name, so the output does not depend on the input's order.
        cls = min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        rows.append((word, cls))
    rows.sort()
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Derived by scripts/build_wordclass.py from Universal Dependencies English EWT (train, CC BY-SA 4.0)\n")
        f.write("# and GUM (train, CC BY 4.0; Zeldes 2017): each lowercase word seen at least "
                f"{MIN} times with its most frequent UPOS\n")
        f.write("# (closed classes as FUNC). This list is shared under CC BY-SA 4.0. word<TAB>class.\n")
        for w, c in rows:
            f.write(f"{w}\t{c}\n")
    print(f"wrote {out}: {len(rows)} words", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
