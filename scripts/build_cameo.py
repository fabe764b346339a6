#!/usr/bin/env python3
"""Derive the events stage's data from PETRARCH2's dictionaries (MIT licence,
../shared/data/petrarch2/; format in its dictionaries.rst).

Writes four files beside the events stage (crates/sayso/src/events/):

cameo_verbs.tsv, from the CAMEO verb dictionary (CAMEO.2.0.txt), with four kinds of line:
  S<TAB>&NAME<TAB>phrase|phrase|...     a synonym set, plurals generated as PETRARCH does
  F<TAB>form<TAB>block<TAB>code         a verb form (one or more words, lowercase) of a verb in
                                        block number `block`, and the code of the isolated
                                        verb ("---": no event)
  P<TAB>block<TAB>before<TAB>after<TAB>code   a pattern of the block: the elements before the
                                        verb and after it, space-separated, each one of
                                          word            a word (noun heads match plurals too)
                                          &NAME           any phrase of a synonym set
                                          {a b}           a noun phrase ending in head b
                                          (prep x)        a prepositional phrase ("(prep)": any)
                                          $  +  %         the source / target / either actor
                                          ^               skip a phrase
                                        words joined by "_" must be adjacent
  T<TAB>...                             (none: transformations are applied in code)
Codes are PETRARCH's: "041", "042:043" (the second for the target acting back on the source,
as when one visits and the other hosts), ":190" (only the reverse), "---" (no event).

agents.tsv, from the agents dictionary (Phoenix.agents.txt): generic actors ("police",
"rebels", "officials") that can fill an event's source or target slot:
  phrase<TAB>code
actors.txt, from the actor dictionaries (Phoenix.Countries, Phoenix.International,
Phoenix.MilNonState): named actors and their CAMEO actor codes, with date restrictions, in
PETRARCH's own actor-dictionary format (dictionaries.rst), the format a user's actor file has
too, so that one reader serves both. Cleaned: comments dropped, dates written with four-digit
years (YYMMDD: 30-99 are 19YY, 00-29 20YY), restrictions with unreadable dates and entries
without any code dropped.

cameo_codes.tsv, from ../shared/data/cameo/goldstein.tsv: every CAMEO event code with its
Goldstein value and its name in the code book:
  code<TAB>goldstein<TAB>name
Run by `just cameo` (`scripts/build_cameo.py [SHARED_DATA_DIR]`).
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The shared data folder (../shared/data beside the checkout), or the first argument.
SHARED = os.path.normpath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data"))
DATA = os.path.join(SHARED, "petrarch2")
GOLDSTEIN = os.path.join(SHARED, "cameo", "goldstein.tsv")
ACTOR_FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]
OUT = os.path.join(ROOT, "crates", "sayso", "src", "events")
NOTICE = (
    "# Derived by scripts/build_cameo.py from PETRARCH2's {what} ({src}).\n"
    "# The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance. Permission is hereby\n"
    "# granted, free of charge, to any person obtaining a copy of this software and associated\n"
    "# documentation files, to deal in the Software without restriction, subject to the condition\n"
    "# that the copyright notice and this permission notice be included in all copies or\n"
    "# substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY\n"
    "# OF ANY KIND. Full text: ../shared/data/petrarch2/LICENSE.\n"
)


FUNCTION_WORDS = {"to", "in", "on", "at", "of", "for", "from", "with", "by", "the", "a", "and", "or", "an"}


def plurals(word):
    """PETRARCH's regular plurals: +S, Y -> IES, SS -> SSES."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith(("ss", "sh", "ch", "x")):
        return [word + "es"]
    return [word + "s"]


def verb_forms(word):
    """Regular forms of a verb: -s, -ed, -ing (with e-dropping, y -> ie, doubled consonants)."""
    forms = {word}
    if word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        # "plan" -> "planned": a short final consonant after one vowel may double.
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", word):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def strip_comment(line):
    return line.split("#", 1)[0].rstrip()


def read_synsets(lines):
    synsets, name = {}, None
    for raw in lines:
        line = strip_comment(raw)
        if line.startswith("&"):
            name = line.split()[0].upper()
            synsets[name] = []
            continue
        if name and line.startswith("+"):
            phrase = line[1:].strip()
            no_plural = name.endswith("_") or phrase.endswith("_")
            words = phrase.rstrip("_").replace("_", " ").lower().split()
            if not words:
                continue
            synsets[name].append(" ".join(words))
            if not no_plural and words[-1].isalpha():
                for p in plurals(words[-1]):
                    synsets[name].append(" ".join(words[:-1] + [p]))
            continue
        if line.strip() and not line.startswith("+"):
            name = None
    return synsets


def words_of(text):
    """Words of a bracketed phrase: lowercase, synset names kept as `&NAME`."""
    return " ".join(w.upper().rstrip("_") if w.lstrip("{").startswith("&") else w.lower() for w in text.replace("_", " ").split())


def parse_elements(text):
    """Pattern text (one side of the verb) -> list of element strings."""
    out, i = [], 0
    text = text.strip()
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c == "(":
            j = text.find(")", i)
            j = len(text) if j < 0 else j
            out.append("(" + words_of(text[i + 1:j]) + ")")
            i = j + 1
            continue
        if c == "{":
            j = text.find("}", i)
            j = len(text) if j < 0 else j
            out.append("{" + words_of(text[i + 1:j]) + "}")
            i = j + 1
            continue
        j = i
        while j < len(text) and not text[j].isspace() and text[j] not in "({":
            j += 1
        tok = text[i:j]
        i = j
        if tok in ("$", "+", "%", "^"):
            out.append(tok)
        elif tok.startswith("&"):
            out.append(tok.upper().rstrip("_"))
        else:
            # "IN_*" or "NEW_&TIETYPES_RELATIONS": adjacent words, kept as a phrase.
            w = "_".join(p.upper() if p.startswith("&") else p.lower() for p in tok.strip("_").split("_") if p)
            if w:
                out.append(w)
    return out


def main():
    src = os.path.join(DATA, "CAMEO.2.0.txt")
    lines = open(src, encoding="utf-8", errors="replace").read().splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS"))
    synsets = read_synsets(lines[:start])

    forms = {}  # form -> (block, code); first definition wins
    patterns = []
    block, block_code = -1, None
    for raw in lines[start:]:
        if raw.startswith("~"):
            continue
        header = re.match(r"^---\s+(.+?)\s+\[([^\]]*)\]", raw)
        if header:
            block += 1
            block_code = header.group(2).strip() or "---"
            continue
        if block < 0:
            continue
        if raw.startswith("-"):
            body = strip_comment(raw[1:])
            m = re.match(r"^(.*?)\[([^\]]*)\]\s*$", body)
            if not m or "*" not in m.group(1):
                continue
            before, after = m.group(1).split("*", 1)
            code = m.group(2).strip()
            pre, post = parse_elements(before), parse_elements(after)
            if any(e.startswith("&") and e not in synsets for e in pre + post):
                continue  # PETRARCH ignores patterns with undefined synsets
            patterns.append((block, " ".join(pre), " ".join(post), code))
            continue
        line = strip_comment(raw)
        m = re.match(r"^([A-Z+][A-Z_+'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", line)
        if not m:
            continue
        code = m.group(3).strip("[] ") if m.group(3) else block_code
        head = m.group(1)
        irregular = (m.group(2) or "").strip("{} ").split()
        words = head.strip("_").split("_")
        if any(w.startswith("+") for w in words) and len(words) > 1:
            verb_at = next(k for k, w in enumerate(words) if w.startswith("+"))
            words = [w.lstrip("+").lower() for w in words]
            if irregular:
                variants = [[w.lstrip("+").lower() for w in f.strip("_").split("_")] for f in irregular] + [words]
            else:
                variants = [words[:verb_at] + [f] + words[verb_at + 1:] for f in sorted(verb_forms(words[verb_at]))]
        else:
            words = [w.lstrip("+").lower() for w in words]
            base = " ".join(words)
            found = [f.lstrip("+").replace("_", " ").lower() for f in irregular]
            if irregular:
                variants = [base.split()] + [f.split() for f in found]
                # Irregular lists give the past forms; -s and -ing stay regular.
                variants += [[f] for f in sorted(verb_forms(base)) if f.endswith(("s", "ing"))] if len(words) == 1 else []
            else:
                variants = [[f] for f in sorted(verb_forms(base))] if len(words) == 1 else [words]
        for v in variants:
            forms.setdefault(" ".join(v), (block, code))

    out = os.path.join(OUT, "cameo_verbs.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write(NOTICE.format(what="CAMEO verb dictionary", src="CAMEO.2.0.txt"))
        f.write("# S<TAB>&SYNSET<TAB>phrases | F<TAB>form<TAB>block<TAB>code | P<TAB>block<TAB>before<TAB>after<TAB>code\n")
        for name in sorted(synsets):
            if synsets[name]:
                f.write(f"S\t{name}\t{'|'.join(dict.fromkeys(synsets[name]))}\n")
        for form in sorted(forms):
            b, c = forms[form]
            f.write(f"F\t{form}\t{b}\t{c}\n")
        for b, pre, post, c in patterns:
            f.write(f"P\t{b}\t{pre}\t{post}\t{c}\n")
    print(f"{len(synsets)} synsets, {len(forms)} verb forms, {len(patterns)} patterns, {block + 1} blocks -> {out}")

    agents = {}
    subst = {}
    for raw in open(os.path.join(DATA, "Phoenix.agents.txt"), encoding="utf-8", errors="replace"):
        line = strip_comment(raw)
        m = re.match(r"^(!\w+!)\s*=\s*(.+)$", line)
        if m:
            subst[m.group(1)] = [w.strip().lower() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^([A-Z!][A-Z0-9_'!\-]*)\s*(\{[^}]*\})?\s*\[([^\]]*)\]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1), m.group(2), m.group(3).strip()
        if not code or "~" not in code:
            continue
        stems = [phrase]
        for marker, words in subst.items():
            if marker in phrase:
                stems = [phrase.replace(marker, w.upper()) for w in words]
        for stem in stems:
            words = stem.strip("_").replace("_", " ").lower().split()
            if not words or not all(re.match(r"^[a-z'\-]+$", w) for w in words):
                continue
            if words[-1] in FUNCTION_WORDS:
                continue  # "AMBASSADOR_TO": a phrase that continues past what it names
            agents.setdefault(" ".join(words), code)
            if "!" in phrase:
                continue
            if plural is None:
                for p in plurals(words[-1]):
                    agents.setdefault(" ".join(words[:-1] + [p]), code)
            else:
                for p in plural.strip("{} ").split():
                    agents.setdefault(p.strip("_").replace("_", " ").lower(), code)
    # A word that ends three or more agent phrases ("official": police, customs, security
    # official) is an agent by itself.
    heads = {}
    for a, c in agents.items():
        w = a.split()
        if len(w) > 1:
            heads.setdefault(w[-1], []).append(c)
    for h, codes in heads.items():
        if len(codes) >= 3 and h not in agents:
            agents[h] = max(sorted(set(codes)), key=codes.count)
    out = os.path.join(OUT, "agents.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write(NOTICE.format(what="agents dictionary", src="Phoenix.agents.txt"))
        f.write("# phrase<TAB>agent code\n")
        for a in sorted(agents):
            f.write(f"{a}\t{agents[a]}\n")
    print(f"{len(agents)} agent phrases -> {out}")
    write_actors()
    write_codes()


def full_date(d):
    """A PETRARCH date (YYMMDD or YYYYMMDD) with a four-digit year; None if unreadable."""
    if re.fullmatch(r"\d{6}", d):
        d = ("19" if int(d[:2]) >= 30 else "20") + d
    if not re.fullmatch(r"\d{8}", d) or not (1 <= int(d[4:6]) <= 12 and 1 <= int(d[6:]) <= 31):
        return None
    return d


def restriction(body):
    """`CODE` or `CODE <date`, `CODE >date`, `CODE date-date` -> the cleaned text, or None."""
    parts = body.split(None, 1)
    if not parts or not re.fullmatch(r"[A-Z0-9~]+|---", parts[0]):
        return None
    if len(parts) == 1:
        return parts[0]
    r = re.sub(r"\s+", "", parts[1])
    m = re.fullmatch(r"([<>])(\d+)", r)
    if m:
        d = full_date(m.group(2))
        return f"{parts[0]} {m.group(1)}{d}" if d else None
    m = re.fullmatch(r"(\d+)-(\d+)", r)
    if m:
        a, b = full_date(m.group(1)), full_date(m.group(2))
        return f"{parts[0]} {a}-{b}" if a and b else None
    return None


def actor_entries(path):
    """(phrases, [restriction text]) per entry of a PETRARCH actor dictionary; counts dropped."""
    entries, dropped = [], 0
    phrases, codes = None, []

    def read_codes(text):
        nonlocal dropped
        for body in re.findall(r"\[([^\]]*)\]", text):
            r = restriction(body.strip())
            if r is None:
                dropped += 1
            else:
                codes.append(r)

    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n").split("#", 1)[0].split(";", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":
            if phrases is not None:
                read_codes(line)
            continue
        head, bracket = re.match(r"^([^\[{]*)(.*)$", line.lstrip("+")).groups()
        head = re.sub(r"[^A-Za-z0-9_'&.\-]+", "_", head.strip()).strip("_")
        if line.startswith("+"):
            if phrases is not None and head:
                phrases.append(head)
            continue
        if phrases and codes:
            entries.append((phrases, codes))
        phrases, codes = ([head] if head else None), []
        read_codes(bracket)
    if phrases and codes:
        entries.append((phrases, codes))
    return entries, dropped


def write_actors():
    out = os.path.join(OUT, "actors.txt")
    n = dropped = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write(NOTICE.format(what="actor dictionaries", src=", ".join(ACTOR_FILES)))
        f.write("# PETRARCH's actor-dictionary format: a phrase, +synonyms, then [CODE] or [CODE date range]\n")
        f.write("# lines indented by a tab (<date, >date, date-date; YYYYMMDD).\n")
        for name in ACTOR_FILES:
            entries, d = actor_entries(os.path.join(DATA, name))
            dropped += d
            for phrases, codes in entries:
                f.write(phrases[0] + "\n")
                for p in phrases[1:]:
                    f.write("+" + p + "\n")
                for c in codes:
                    f.write("\t[" + c + "]\n")
                n += 1
    print(f"{n} actor entries ({dropped} unreadable restrictions dropped) -> {out}")


def write_codes():
    out = os.path.join(OUT, "cameo_codes.tsv")
    rows = []
    for line in open(GOLDSTEIN, encoding="utf-8"):
        if line.startswith("#") or line.startswith("code\t") or not line.strip():
            continue
        code, value, name = line.rstrip("\n").split("\t")
        # Root categories are written in capitals in the code book's table.
        if name.isupper():
            name = name.capitalize()
        rows.append((code, value, name))
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Derived by scripts/build_cameo.py from ../shared/data/cameo/goldstein.tsv: every CAMEO event\n")
        f.write("# code (Gerner, Schrodt, Yilmaz: Conflict and Mediation Event Observations, 2012) with its\n")
        f.write("# Goldstein conflict-cooperation value (Goldstein 1992, as published with the code book and used\n")
        f.write("# by GDELT; transcribed there from github:andybega/cameo) and its name.\n")
        f.write("# code<TAB>goldstein<TAB>name\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} CAMEO codes -> {out}")


if __name__ == "__main__":
    sys.exit(main())
