#!/usr/bin/env python3
"""The usual Python tool for dates in text, for comparison with sayso's time stage:
dateparser's `search_dates`, anchored at each document's publication date.

Reads articles as JSON Lines (`id`, `text`, optional `published` YYYY-MM-DD), writes
gold-shaped time expressions as JSON Lines (`{"id", "timexes": [{"span", "type", "value"}]}`,
code-point offsets) for ../shared/eval/score_timex.py, and prints its throughput on stderr.

dateparser returns a datetime per expression; its granularity comes from re-reading the
expression with `DateDataParser` (`period`: year, month, week, day or time), which gives
the TIMEX3 value (`1998`, `1998-02`, `1998-W06`, `1998-02-02`, `1998-02-02T09:00`).
dateparser has no durations, sets or fuzzy references (`PAST_REF`), so it predicts none.

Run inside the peer venv (`just peers-times`), never as a project dependency.
Usage: dateparser_times.py IN.jsonl OUT.jsonl
"""
import datetime
import json
import sys
import time

from dateparser.date import DateDataParser
from dateparser.search import search_dates


def value_of(dt, period):
    if period == "year":
        return "%04d" % dt.year, "DATE"
    if period == "month":
        return "%04d-%02d" % (dt.year, dt.month), "DATE"
    if period == "week":
        y, w, _ = dt.isocalendar()
        return "%04d-W%02d" % (y, w), "DATE"
    if period == "time":
        return dt.strftime("%Y-%m-%dT%H:%M"), "TIME"
    return dt.strftime("%Y-%m-%d"), "DATE"


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    src, dst = argv[1], argv[2]
    ddp = DateDataParser(languages=["en"])
    n_docs = n_bytes = 0
    t0 = time.perf_counter()
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            n_docs += 1
            n_bytes += len(text.encode("utf-8"))
            settings = {"PREFER_DATES_FROM": "past"}
            if doc.get("published"):
                settings["RELATIVE_BASE"] = datetime.datetime.fromisoformat(doc["published"][:10])
            try:
                found = search_dates(text, languages=["en"], settings=settings) or []
            except Exception as e:  # dateparser raises on some inputs; count them as no output
                print(f"{doc['id']}: {type(e).__name__}: {e}", file=sys.stderr)
                found = []
            timexes = []
            pos = 0
            for phrase, dt in found:
                start = text.find(phrase, pos)
                if start < 0:
                    continue
                pos = start + len(phrase)
                data = ddp.get_date_data(phrase, date_formats=None)
                period = getattr(data, "period", None) or "day"
                value, kind = value_of(dt, period)
                timexes.append({"span": [[start, pos]], "type": kind, "value": value})
            out.write(json.dumps({"id": doc["id"], "timexes": timexes}) + "\n")
    secs = time.perf_counter() - t0
    print(f"dateparser: {n_docs} documents, {n_bytes / 1e6:.2f} MB in {secs:.1f} s "
          f"({n_bytes / 1e6 / secs:.3f} MB/s)", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
