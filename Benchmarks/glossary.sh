#!/usr/bin/env bash
# Measure what a glossary costs `captions check`: the benchmark collection without and with a
# generated glossary, timed back to back in the same run with the same release binary.
#
# usage: Benchmarks/glossary.sh [--count N] [--entries N] [--runs N] [--bin PATH] [--work DIR]
#
#   --count N     exhibits in the collection (default 50000)
#   --entries N   glossary entries (default 2000; Benchmarks/gen_glossary.py)
#   --runs N      hyperfine runs per variant (default 5)
#   --bin PATH    use this captions binary instead of building one (release)
#   --work DIR    where the collections go, kept afterwards (default: a new mktemp -d folder,
#                 deleted at the end); /dev/shm/... measures without disk noise
#
# The two variants are the same files (the second a hard-linked copy) plus Captions/glossary.yml;
# hyperfine runs them in one invocation (warmup 1), so both see the same machine state. Prints
# the medians and their ratio (target: at most 1.3).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
COUNT=50000
ENTRIES=2000
RUNS=5
BIN=""
WORK=""
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --count) COUNT="$2"; shift 2 ;;
        --entries) ENTRIES="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --bin) BIN="$2"; shift 2 ;;
        --work) WORK="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option $1" >&2; usage >&2; exit 64 ;;
    esac
done
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

CLEANUP=0
if [ -z "$WORK" ]; then WORK="$(mktemp -d)"; CLEANUP=1; fi
mkdir -p "$WORK"
trap '[ "$CLEANUP" = 1 ] && rm -rf "$WORK"' EXIT

if [ -z "$BIN" ]; then
    (cd "$REPO" && swift build -c release --product captions >&2)
    BIN="$(cd "$REPO" && swift build -c release --show-bin-path)/captions"
fi

PLAIN="$WORK/plain-$COUNT"
WITH="$WORK/glossary-$COUNT-$ENTRIES"
if [ ! -d "$PLAIN/Captions" ]; then
    python3 "$HERE/gen_corpus.py" --count "$COUNT" --seed 1 --no-po --out "$PLAIN" --force --quiet
fi
rm -rf "$WITH"
cp -al "$PLAIN" "$WITH"
python3 "$HERE/gen_glossary.py" --count "$ENTRIES" --out "$WITH/Captions/glossary.yml"

# Warm the page cache and show what the glossary finds.
"$BIN" check "$PLAIN/Captions" --format json > "$WORK/plain.json" || true
"$BIN" check "$WITH/Captions" --format json > "$WORK/with.json" || true
python3 - "$WORK/plain.json" "$WORK/with.json" <<'PY'
import json, sys, collections
for name, path in zip(("without glossary", "with glossary"), sys.argv[1:]):
    counts = collections.Counter(d["check"] for d in json.load(open(path))["diagnostics"])
    terms = {k: v for k, v in counts.items() if k in ("term-mismatch", "forbidden-term")}
    print(f"{name}: {sum(counts.values())} findings; {terms or 'no term findings'}")
PY

hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$WORK/hyperfine.json" \
    -n "check, no glossary" "$BIN check $PLAIN/Captions --format json > /dev/null" \
    -n "check, $ENTRIES-entry glossary" "$BIN check $WITH/Captions --format json > /dev/null"
python3 - "$WORK/hyperfine.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
plain, with_glossary = (r["median"] for r in results)
print(f"median without glossary {plain:.3f} s, with glossary {with_glossary:.3f} s: ratio {with_glossary / plain:.2f} (target <= 1.3)")
PY
