#!/usr/bin/env python3
"""Run sayso over every development set in ../shared/eval/data and print one table of scores.

Usage: scripts/eval.py [--sayso PATH] [--eval-dir DIR] [--only NAME ...] [--write docs/quality.md]

For each `<corpus>-dev.jsonl` with a scorer (see SCORERS), runs `sayso extract` over it
(JSON Lines in, Documents out), runs the corpus's scorer on the output, and collects every
metric the scorer prints. For each Universal Dependencies treebank `ud-<name>-dev.conllu`
(see SYNTAX), scores the syntax stage in the CoNLL 2018 raw-text setting: `score_syntax.py
--text` rebuilds the plain text of every document, `sayso parse` tags and parses it, and
`score_syntax.py` (the shared task's official scorer) aligns the CoNLL-U with the treebank
by characters; an alignment error on any document fails the run. A corpus that is a
directory `<corpus>-dev/` (web pages, one `<id>.html.gz` each, gold in its `gold.jsonl`) is
run as `sayso extract DIR/*.html.gz`, each page's id being its file name without `.html.gz`.
The table lists the headline metric first for each corpus.
--write replaces the generated section of the given Markdown file (between the
`<!-- eval:begin -->` and `<!-- eval:end -->` markers) with the table, the date, the
commit and the command.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# corpus file prefix -> (scorer, headline metric, metrics to show[, extra scorer arguments])
SCORERS = {
    "polnear": ("score_attribution.py", "attribution_f1",
                ["attribution_f1", "attribution_p", "attribution_r", "content_f1", "exact_content_f1",
                 "source_accuracy", "cue_accuracy"]),
    "timebank": ("score_timex.py", "value_f1",
                 ["value_f1", "strict_f1", "relaxed_f1", "type_f1", "value_accuracy"]),
    "conll2003": ("score_entities.py", "entity_f1",
                  ["entity_f1", "precision", "recall", "unlabeled_f1", "PER_f1", "ORG_f1", "LOC_f1", "MISC_f1"]),
    "wikigold": ("score_entities.py", "entity_f1",
                 ["entity_f1", "precision", "recall", "unlabeled_f1", "PER_f1", "ORG_f1", "LOC_f1", "MISC_f1"]),
    # GUM's names are derived from its entity layer, which has no MISC (../shared/eval/README.md).
    "gum-ner": ("score_entities.py", "entity_f1",
                ["entity_f1", "precision", "recall", "unlabeled_f1", "PER_f1", "ORG_f1", "LOC_f1"],
                ["--labels", "PER,ORG,LOC"]),
    "article-html": ("score_article_body.py", "body_f1",
                     ["body_f1", "precision", "recall", "accuracy", "without_prediction"]),
    "cameo-codebook": ("score_events.py", "event_code_f1",
                       ["event_code_f1", "event_root_f1", "event_actor_f1", "source_accuracy", "target_accuracy",
                        "precision", "recall", "doc_accuracy"]),
}
HEADLINE_NAME = {"value_f1": "timex_value_f1"}

# UD treebank `ud-<name>-dev.conllu` -> metrics shown (the first is the headline), scored by score_syntax.py.
SYNTAX = ["las_f1", "uas_f1", "upos_f1", "lemmas_f1", "words_f1", "sentences_f1", "tokens_f1"]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sayso", default=os.path.join(ROOT, "target", "release", "sayso"))
    ap.add_argument("--eval-dir", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "eval")))
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "target", "eval"))
    ap.add_argument("--only", nargs="*", help="corpus prefixes to run (default: all present)")
    ap.add_argument("--write", help="Markdown file whose eval section is replaced by the table")
    args = ap.parse_args()

    data_dir = os.path.join(args.eval_dir, "data")
    if not os.path.isdir(data_dir):
        sys.exit(f"eval: no evaluation data at {data_dir} (pass --eval-dir)")
    os.makedirs(args.out_dir, exist_ok=True)
    rows = []
    for name in sorted(os.listdir(data_dir)):
        path = os.path.join(data_dir, name)
        if name.endswith("-dev.jsonl"):
            corpus = name[: -len("-dev.jsonl")]
            gold, inputs = path, [path]
        elif name.endswith("-dev") and os.path.isfile(os.path.join(path, "gold.jsonl")):
            # Web pages: one file per page, named by its id.
            corpus = name[: -len("-dev")]
            gold = os.path.join(path, "gold.jsonl")
            inputs = sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".html.gz"))
        else:
            continue
        if corpus not in SCORERS or (args.only and corpus not in args.only):
            continue
        scorer, headline, shown, *extra = SCORERS[corpus]
        extra = extra[0] if extra else []
        pred = os.path.join(args.out_dir, f"{corpus}-dev.sayso.jsonl")
        t0 = time.perf_counter()
        # --format jsonl: one page in would otherwise be written as one pretty document.
        proc = subprocess.run([args.sayso, "extract", "--quiet", "--format", "jsonl", *inputs, "-o", pred],
                              text=True, capture_output=True)
        seconds = time.perf_counter() - t0
        if proc.returncode not in (0, 1):
            sys.exit(f"eval: sayso failed on {name}:\n{proc.stderr}")
        failed = sum(1 for l in proc.stderr.splitlines() if "inputs failed" not in l and " HTML page(s) read" not in l) \
            if proc.returncode == 1 else 0
        score = _json_part(run([sys.executable, os.path.join(args.eval_dir, scorer), gold, pred, "--json", *extra]).stdout)
        for m in shown:
            if m in score:
                rows.append((corpus, HEADLINE_NAME.get(m, m), score[m], m == headline))
        rows.append((corpus, "seconds", seconds, False))
        if failed:
            rows.append((corpus, "records_failed", failed, False))
    for name in sorted(os.listdir(data_dir)):
        if not (name.startswith("ud-") and name.endswith("-dev.conllu")):
            continue
        corpus = name[: -len(".conllu")]
        if args.only and corpus not in args.only and corpus[: -len("-dev")] not in args.only:
            continue
        rows.extend(_syntax(args, os.path.join(data_dir, name), corpus))

    table = ["| corpus | metric | score |", "|---|---|---|"]
    for corpus, metric, value, head in rows:
        v = f"{value:.3f}" if isinstance(value, float) else str(value)
        table.append(f"| {corpus} | {'**' + metric + '**' if head else metric} | {v} |")
    text = "\n".join(table)
    print(text)
    if args.write:
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], text=True, capture_output=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"], text=True,
                               capture_output=True).stdout.strip()
        stamp = f"{datetime.date.today().isoformat()}, commit {commit or 'none'}{' (with uncommitted changes)' if dirty else ''}"
        section = (f"<!-- eval:begin -->\nMeasured {stamp} with `just eval` "
                   f"(sayso over `../shared/eval/data/*-dev.jsonl` and the pages of `article-html-dev/`, each scored by its `../shared/eval/score_*.py`):\n\n"
                   f"{text}\n<!-- eval:end -->")
        try:
            with open(args.write, encoding="utf-8") as f:
                doc = f.read()
        except FileNotFoundError:
            doc = "# Quality\n\n<!-- eval:begin -->\n<!-- eval:end -->\n"
        b, e = doc.find("<!-- eval:begin -->"), doc.find("<!-- eval:end -->")
        if b < 0 or e < 0:
            doc = doc.rstrip("\n") + "\n\n" + section + "\n"
        else:
            doc = doc[:b] + section + doc[e + len("<!-- eval:end -->"):]
        with open(args.write, "w", encoding="utf-8") as f:
            f.write(doc)
        print(f"\nwritten to {args.write}", file=sys.stderr)


def _syntax(args, gold, corpus):
    """Rows for one UD treebank scored from its raw text (CoNLL 2018 setting)."""
    scorer = os.path.join(args.eval_dir, "score_syntax.py")
    text = os.path.join(args.out_dir, f"{corpus}.text.jsonl")
    pred = os.path.join(args.out_dir, f"{corpus}.sayso.conllu")
    with open(text, "w", encoding="utf-8") as f:
        f.write(run([sys.executable, scorer, "--text", gold]).stdout)
    with open(text, encoding="utf-8") as f:
        docs = sum(1 for line in f if line.strip())
    t0 = time.perf_counter()
    proc = subprocess.run([args.sayso, "parse", "--quiet", text, "-o", pred], text=True, capture_output=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"eval: sayso parse failed on {gold}:\n{proc.stderr}")
    with open(pred, encoding="utf-8") as f:
        parsed = sum(1 for line in f if line.startswith("# newdoc"))
    if parsed != docs:
        sys.exit(f"eval: sayso parse wrote {parsed} documents for the {docs} of {gold}")
    # The official scorer aligns the whole file by characters, so it only scores when every
    # document's words cover that document's text; it names the first mismatch otherwise.
    proc = subprocess.run([sys.executable, scorer, gold, pred, "--json"], text=True, capture_output=True)
    if proc.returncode != 0:
        sys.exit(f"eval: {proc.stdout.strip()}")
    score = _json_part(proc.stdout)
    rows = [(corpus, m, score[m], i == 0) for i, m in enumerate(SYNTAX) if m in score]
    rows.append((corpus, "documents_aligned", docs, False))
    rows.append((corpus, "seconds", seconds, False))
    return rows


def _json_part(stdout):
    """The scorers print a JSON object followed by a last `metric=...` line."""
    body = stdout[: stdout.rstrip("\n").rfind("\n")]
    return json.loads(body)


if __name__ == "__main__":
    main()
