#!/usr/bin/env python3
"""Derive the entities stage's noun supersense lexicon from WordNet 3.0 (Debian's
`wordnet-base`, /usr/share/wordnet; Princeton's WordNet 3.0 licence, notice below).

Writes crates/sayso/src/entities/supersenses.tsv: `word<TAB>lexname`, one lowercase
single-word noun a line, with the lexicographer file (supersense: person, group, location,
artifact, communication, ...) of its first, most frequent sense, where that is one of KEPT. The tagger reads it as a
feature of the noun that describes a name ("Bilka is a Danish *chain*": group; "Ilona, a
*waitress*": person) and of the last word of a run of capitalised words ("Montreal Hockey
*Club*": group), so that a describing noun or a head the labelled text never had still
speaks for a class. Run by `just supersenses`; deterministic (sorted output).
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# WordNet's lexicographer files, by number (lexnames).
LEXNAMES = [
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
    "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
    "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
    "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
    "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
]
# The supersenses kept: those a name's describing noun or head word can have (a person, a group,
# a place, a thing made, an act or event, a work); the others (animals, plants, substances,
# feelings ...) are left out to keep the table small.
KEPT = {"person", "group", "location", "artifact", "act", "communication", "event", "object", "time", "cognition"}
NOTICE = (
    "# Derived by scripts/build_supersenses.py from WordNet 3.0: each lowercase single-word noun with the\n"
    "# lexicographer file (supersense) of its first sense. word<TAB>supersense.\n"
    "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n"
    "# THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR\n"
    "# WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO\n"
    "# REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE\n"
    "# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,\n"
    "# COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or Princeton may not be used\n"
    "# in advertising or publicity pertaining to distribution of the software and/or database. Title to\n"
    "# copyright in this software, database and any associated documentation shall at all times remain with\n"
    "# Princeton University and LICENSEE agrees to preserve same.\n"
)


def main(argv):
    src = argv[0] if argv else "/usr/share/wordnet"
    out = argv[1] if len(argv) > 1 else os.path.join(ROOT, "crates", "sayso", "src", "entities", "supersenses.tsv")
    lexfile = {}
    with open(os.path.join(src, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):  # the licence at the top of the file
                continue
            offset, lex = line.split(" ", 2)[:2]
            lexfile[offset] = LEXNAMES[int(lex)]
    rows = []
    with open(os.path.join(src, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split()
            lemma, pointers = p[0], int(p[3])
            # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
            offsets = p[4 + pointers + 2:]
            if not lemma.isalpha() or not lemma.islower() or not offsets:
                continue
            sense = lexfile[offsets[0]].removeprefix("noun.")
            if sense in KEPT:
                rows.append((lemma, sense))
    rows.sort()
    with open(out, "w", encoding="utf-8") as f:
        f.write(NOTICE)
        for lemma, sense in rows:
            f.write(f"{lemma}\t{sense}\n")
    print(f"wrote {out}: {len(rows)} nouns")


if __name__ == "__main__":
    main(sys.argv[1:])
