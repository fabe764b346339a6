#!/usr/bin/env bash
# Regenerates pgo/sayso.profdata, the execution profile that `just build` compiles the release
# binary with (profile-guided optimisation: LLVM lays out code and inlines by how often each
# branch ran).
#
# 1. builds an instrumented release CLI under target/pgo;
# 2. runs it over the texts of the *training* splits in EVAL_DIR/data (conll2003-train,
#    polnear-train) and the tests/corpus articles: never the dev texts that `just bench`
#    measures, so the profile cannot be fitted to the benchmark;
# 3. merges the raw counts with llvm-profdata (installs Debian's llvm-19 when none reads them;
#    rustc's LLVM reads indexed profiles written by older versions) into a sparse profile,
#    which is committed.
#
# Re-run after changing hot code: functions whose code changed lose their profile (they are
# compiled as without PGO, never wrongly), so a stale profile costs speed, not correctness.
# Re-run after any change to Cargo.lock or the compiler: the profile names functions by their
# mangled symbols, whose hashes change with the crate graph and rustc, and then nothing
# matches. pgo/stamp records both; `just build` warns when they differ (`scripts/pgo.sh
# --check`).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

stamp() { (cat Cargo.lock; rustc -vV) | sha256sum | cut -c1-16; }
if [ "${1:-}" = "--check" ]; then
    if [ "$(cat pgo/stamp 2>/dev/null)" != "$(stamp)" ]; then
        echo "sayso: pgo/sayso.profdata was made for another Cargo.lock or rustc, so the release build gets little from it (correct, only slower); run \`just pgo\` to remake it" >&2
    fi
    exit 0
fi
eval_dir="${1:-../shared/eval}"
out="target/pgo"

mkdir -p "$out"
echo "pgo: instrumented build (target/pgo)"
# RUSTFLAGS, as `just build` passes -Cprofile-use: a RUSTFLAGS in the environment would
# override a `build.rustflags` setting and leave the build uninstrumented.
RUSTFLAGS="-Cprofile-generate=$root/$out/raw" cargo build --release -p sayso-cli --target-dir "$out/target"
# Build scripts ran instrumented too: only the runs below count.
rm -rf "$out/raw"

python3 - "$eval_dir" "$out/train.jsonl" <<'PY'
import glob, json, os, sys
eval_dir, path = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(eval_dir, "data", "*-train.jsonl")))
if not files:
    sys.exit(f"pgo: no *-train.jsonl under {eval_dir}/data")
n = size = 0
with open(path, "w", encoding="utf-8") as out:
    for name in files:
        with open(name, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                rec = {"id": f"pgo-{n}", "text": d["text"]}
                if d.get("published"):
                    rec["published"] = d["published"]
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
                size += len(d["text"].encode("utf-8"))
print(f"pgo: training run over {n} texts, {size / 1e6:.1f} MB ({', '.join(os.path.basename(f) for f in files)})")
PY
bin="$out/target/release/sayso"
"$bin" extract --jobs 1 -q "$out/train.jsonl" -o /dev/null
for f in tests/corpus/*.txt tests/corpus/*.json; do
    "$bin" extract -q "$f" -o /dev/null
done

# The raw format changes with LLVM versions: the newest llvm-profdata on the machine that
# reads it merges (Debian's llvm-19 is installed when none can).
merge() {
    for c in $(ls -d /usr/lib/llvm-*/bin/llvm-profdata 2>/dev/null | sort -V -r) llvm-profdata; do
        if command -v "$c" >/dev/null && "$c" merge --sparse -o pgo/sayso.profdata "$out/raw" 2>/dev/null; then
            echo "pgo: wrote pgo/sayso.profdata ($(wc -c < pgo/sayso.profdata) bytes) with $c"
            return 0
        fi
    done
    return 1
}
mkdir -p pgo
stamp > pgo/stamp
if ! merge; then
    sudo=$([ "$(id -u)" = 0 ] || echo sudo)
    $sudo apt-get update -qq && $sudo apt-get install -y -qq llvm-19
    merge || { echo "pgo: no llvm-profdata here reads rustc's raw profiles" >&2; exit 1; }
fi
# Cargo does not know the profile a flag points at: without this, `just build` would recompile
# only the crates whose sources changed, and the dependencies would keep the old profile.
cargo clean --release --quiet
echo "pgo: cleared target/release; the next \`just build\` compiles everything with the new profile"
