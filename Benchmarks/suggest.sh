#!/usr/bin/env bash
# Measure what fuzzy suggestions cost `captions export xliff`: the benchmark collection exported
# for the Kazakh translators (--needed) without and with --suggest, back to back in one run with
# the same release binary.
#
# usage: Benchmarks/suggest.sh [--count N] [--runs N] [--bin PATH] [--work DIR]
#
#   --count N     exhibits in the collection (default 50000; 5 % of kk/en texts missing)
#   --runs N      hyperfine runs per variant (default 5)
#   --bin PATH    use this captions binary instead of building one (release)
#   --work DIR    where the collection goes, kept afterwards (default: a new mktemp -d folder,
#                 deleted at the end); /dev/shm/... measures without disk noise
#
# Prints the medians, their ratio, the load average, and how many missing units got a suggestion.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
COUNT=50000
RUNS=5
BIN=""
WORK=""
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --count) COUNT="$2"; shift 2 ;;
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
if [ ! -d "$PLAIN/Captions" ]; then
    python3 "$HERE/gen_corpus.py" --count "$COUNT" --seed 1 --no-po --out "$PLAIN" --force --quiet
fi

# What the suggestions find (and a warm page cache).
"$BIN" export xliff "$PLAIN/Captions" --to kk --needed --suggest --out "$WORK/out-suggest"
echo "alt-trans elements: $(grep -c '<alt-trans ' "$WORK/out-suggest/ru-kk.xlf" || true)"

hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$WORK/hyperfine.json" \
    -n "export xliff --needed" "$BIN export xliff $PLAIN/Captions --to kk --needed --out $WORK/out-plain" \
    -n "export xliff --needed --suggest" \
    "$BIN export xliff $PLAIN/Captions --to kk --needed --suggest --out $WORK/out-suggest"
python3 - "$WORK/hyperfine.json" <<'PY'
import json, os, sys
results = json.load(open(sys.argv[1]))["results"]
plain, suggest = (r["median"] for r in results)
print(f"median without --suggest {plain:.3f} s, with {suggest:.3f} s: ratio {suggest / plain:.2f}; "
      f"load average {os.getloadavg()[0]:.1f}")
PY
