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
source "$HERE/lib.sh"
COUNT=50000
RUNS=5
BIN=""
WORK=""
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
need_hyperfine

make_work_folder

release_binary

PLAIN="$WORK/plain-$COUNT"
plain_collection "$PLAIN" "$COUNT"

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
