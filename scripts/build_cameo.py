#!/usr/bin/env python3
"""Derive the events stage's verb data from PETRARCH2's CAMEO verb dictionary (MIT licence,
../shared/data/petrarch2/CAMEO.2.0.txt; format in its dictionaries.rst).

Writes crates/sayso/src/events/cameo_verbs.tsv with three kinds of line:
  V<TAB>verb<TAB>code            a verb (base form, words joined by spaces) and its default code
  I<TAB>form<TAB>base            an irregular form and its base ("met" -> "meet")
  P<TAB>verb<TAB>words<TAB>code  a code for the verb when these words follow it
Patterns that need PETRARCH's actor or synset machinery ($, +, &, %) are left out, and so are
entries without a code. Run by `just cameo`.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def clean(word):
    return word.strip().lstrip("+").rstrip("_").replace("_", " ").lower()


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "petrarch2", "CAMEO.2.0.txt"))
    verbs, irregular, patterns = {}, {}, set()
    code = None
    in_verbs = False
    for raw in open(src, encoding="utf-8", errors="replace"):
        line = re.sub(r"#.*$", "", raw.rstrip("\n")) if not raw.startswith("- ") else raw.rstrip("\n")
        header = re.match(r"^---\s+(.+?)\s+\[([^\]]*)\]\s+---", line)
        if header:
            in_verbs = True
            c = header.group(2).split(":")[0].strip()
            code = None if c.startswith("-") or not c else c
            continue
        if not in_verbs or not line.strip():
            continue
        if line.startswith("- "):
            m = re.match(r"^-\s*(.*?)\*(.*?)\[([^\]]+)\]\s*#\s*(.+)$", line)
            if not m:
                continue
            before, after, pcode, verb = m.groups()
            pcode = pcode.split(":")[0].strip()
            if before.strip() or not verb.split() or pcode.startswith("-") or re.search(r"[$+&%^@|]", after):
                continue
            words = [w.lower() for w in re.sub(r"[{}()]", " ", after).split()]
            if not words or len(words) > 3:
                continue
            patterns.add((clean(verb.split()[0]), " ".join(words), pcode))
            continue
        if line.startswith(("&", "+", " ", "\t")) and not line.startswith("+"):
            continue
        m = re.match(r"^(\+?[A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", line)
        if not m:
            continue
        base = clean(m.group(1))
        own = m.group(3)
        c = own.strip("[]").split(":")[0].strip() if own else code
        if c and not c.startswith("-"):
            verbs.setdefault(base, c)
        for form in (m.group(2) or "").strip("{}").split():
            irregular.setdefault(clean(form), base)
    out = os.path.join(ROOT, "crates", "sayso", "src", "events", "cameo_verbs.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Derived by scripts/build_cameo.py from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt),\n")
        f.write("# Copyright (c) 2014 Open Event Data Alliance, MIT licence (../shared/data/petrarch2/LICENSE).\n")
        for v in sorted(verbs):
            f.write(f"V\t{v}\t{verbs[v]}\n")
        for i in sorted(irregular):
            f.write(f"I\t{i}\t{irregular[i]}\n")
        for v, w, c in sorted(patterns):
            f.write(f"P\t{v}\t{w}\t{c}\n")
    print(f"{len(verbs)} verbs, {len(irregular)} irregular forms, {len(patterns)} patterns written to {out}")


if __name__ == "__main__":
    main()
