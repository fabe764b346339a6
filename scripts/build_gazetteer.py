#!/usr/bin/env python3
"""Derive the entities stage's gazetteer from PETRARCH2's actor dictionaries (MIT licence,
../shared/data/petrarch2/: Phoenix.Countries, Phoenix.International, Phoenix.MilNonState).

Writes crates/sayso/src/entities/gazetteer.tsv: `phrase<TAB>type<TAB>canonical name`, phrase in
lowercase words. Countries and their places are GPE, their one-word adjectives ("Russian")
NORP, named people (entries coded with a date range and without institution words) PERSON,
everything else ORGANIZATION. Run by `just gazetteer`.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]
INSTITUTION = set(
    "MINISTRY COUNCIL ASSEMBLY PARTY ARMY FORCES FORCE COMMITTEE COURT BANK AGENCY DEPARTMENT OFFICE HOUSE "
    "MINISTER GOVERNMENT POLICE UNION FRONT CONGRESS PARLIAMENT SENATE COMMISSION KREMLIN ORGANIZATION "
    "ORGANISATION MOVEMENT BRIGADE BRIGADES GROUP ALLIANCE LEAGUE SERVICE SERVICES CORPS NAVY AIR GUARD "
    "INSTITUTE UNIVERSITY COMPANY CORPORATION FUND PROGRAM PROGRAMME CENTER CENTRE BOARD AUTHORITY STATE "
    "REPUBLIC KINGDOM TRIBUNAL NATIONS COALITION ASSOCIATION FEDERATION SOCIETY CHURCH EMBASSY CABINET "
    "PRESIDENT PRIME SECRETARY CHIEF DIRECTOR SPOKESMAN LEADER".split()
)
ADJECTIVE = re.compile(r"^[A-Z]+(AN|IAN|ESE|ISH|I|CH)$")


def words(name):
    name = re.sub(r"\s*#.*$", "", name).strip().rstrip("_")
    return [w for w in name.replace("_", " ").split() if w]


def pretty(ws):
    return " ".join(w.capitalize() if len(w) > 3 or not w.isalpha() else w.capitalize() for w in ws)


def blocks(path):
    entry, syns, codes, dated = None, [], [], False
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("+"):
            syns.append(line[1:])
        elif line[0] in " \t[":
            codes += re.findall(r"\[([A-Z]{3,})(?:\s+[\d-]+)?\]", line)
            dated = dated or bool(re.search(r"\[[A-Z]{3,}\s+\d", line))
        else:
            if entry:
                yield entry, syns, codes, dated
            head = re.sub(r"#.*$", "", line)
            dated = bool(re.search(r"\[[A-Z]{3,}\s+\d", head))
            codes = re.findall(r"\[([A-Z]{3,})[^\]]*\]", head)
            entry, syns = re.sub(r"\[.*$", "", head), []
    if entry:
        yield entry, syns, codes, dated


def main():
    src = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "petrarch2"))
    if len(sys.argv) > 1:
        src = sys.argv[1]
    rows = {}
    for name in FILES:
        for entry, syns, codes, dated in blocks(os.path.join(src, name)):
            ws = words(entry)
            if not ws or not codes:
                continue
            is_country = name.startswith("Phoenix.Countries") and any(len(c) == 3 for c in codes) and len(codes) <= 2
            person = (
                dated
                and not is_country
                and 2 <= len(ws) <= 4
                and not INSTITUTION.intersection(ws)
                and all(w.isalpha() or w.endswith(".") for w in ws)
                and name.startswith("Phoenix.Countries")
            )
            kind = "GPE" if is_country else "PERSON" if person else "ORGANIZATION"
            canonical = pretty(ws)
            for s in [entry] + syns:
                sw = words(s)
                if not sw or any(not re.match(r"^[A-Z0-9.'&-]+$", w) for w in sw):
                    continue
                k = kind
                if is_country and len(sw) == 1 and ADJECTIVE.match(sw[0]) and sw != ws:
                    k = "NORP"
                # Places inside a country keep their own name; the country's own names and
                # adjectives ("Russia", "Russian") name the country.
                own = k == "ORGANIZATION" or (k in ("GPE", "NORP") and sw[0][:4] != ws[0][:4])
                canonical_here = pretty(sw) if own else canonical
                phrase = " ".join(w.lower() for w in sw)
                if len(phrase) < 3 or phrase in rows:
                    continue
                rows[phrase] = (k, canonical_here)
    out = os.path.join(ROOT, "crates", "sayso", "src", "entities", "gazetteer.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Derived by scripts/build_gazetteer.py from PETRARCH2's actor dictionaries (Phoenix.Countries,\n")
        f.write("# Phoenix.International, Phoenix.MilNonState), Copyright (c) 2014 Open Event Data Alliance,\n")
        f.write("# MIT licence (see ../shared/data/petrarch2/LICENSE). phrase<TAB>type<TAB>canonical name.\n")
        for phrase in sorted(rows):
            k, c = rows[phrase]
            f.write(f"{phrase}\t{k}\t{c}\n")
    print(f"{len(rows)} phrases written to {out}")


if __name__ == "__main__":
    main()
