#!/usr/bin/env bash
# Measure what panels cost `captions check`: the benchmark collection without panels and with
# every field on a PT Sans panel (`overflows-panel`), timed back to back in one run with the
# same release binary; optionally a second binary (an earlier build) in the same run.
#
# usage: Benchmarks/panels.sh [--count N] [--runs N] [--bin PATH] [--before PATH] [--work DIR]
#
#   --count N      exhibits in the collection (default 50000)
#   --runs N       hyperfine runs per variant (default 5)
#   --bin PATH     use this captions binary instead of building one (release)
#   --before PATH  also time this binary (e.g. a release build of an earlier commit) on both
#                  variants, in the same hyperfine invocation
#   --work DIR     where the collections go, kept afterwards (default: a new mktemp -d folder,
#                  deleted at the end); /dev/shm/... measures without disk noise
#
# The panels variant is a hard-linked copy of the collection whose captions.yml adds panels
# (`panel_config` in lib.sh, as in run.sh: title PT Sans Bold 40/46 pt 3 lines, text PT Sans
# 24/30 pt 12 lines, credit PT Sans Italic 16/20 pt 2 lines, all 300 mm wide). Needs PT Sans
# (Debian fonts-paratype) and hyperfine. Prints the load average before and after, the median
# wall time and the mean CPU time (user + sys) of each variant, and the ratios of the panels
# variant to the plain one (target: at most 1.5).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
source "$HERE/lib.sh"
COUNT=50000
RUNS=5
BIN=""
BEFORE=""
WORK=""
while [ $# -gt 0 ]; do
    case "$1" in
        --count) COUNT="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --bin) BIN="$2"; shift 2 ;;
        --before) BEFORE="$2"; shift 2 ;;
        --work) WORK="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option $1" >&2; usage >&2; exit 64 ;;
    esac
done
need_hyperfine
fc-list "PT Sans" family 2>/dev/null | grep -q "PT Sans" ||
    { echo "needs PT Sans (apt-get install fonts-paratype)" >&2; exit 2; }

make_work_folder

release_binary

PLAIN="$WORK/plain-$COUNT"
WITH="$WORK/panels-$COUNT"
plain_collection "$PLAIN" "$COUNT"
rm -rf "$WITH"
mkdir -p "$WITH"
cp -al "$PLAIN/Captions" "$WITH/Captions"
rm "$WITH/Captions/captions.yml"
panel_config "$PLAIN/Captions/captions.yml" > "$WITH/Captions/captions.yml"

# Warm the page cache and show what the panels find (the same findings from every binary).
"$BIN" check "$PLAIN/Captions" --format json > /dev/null || true
"$BIN" check "$WITH/Captions" --format json > "$WORK/panels.json" || true
python3 - "$WORK/panels.json" <<'PY'
import json, sys, collections
counts = collections.Counter(d["check"] for d in json.load(open(sys.argv[1]))["diagnostics"])
print(f"with panels: {sum(counts.values())} findings, overflows-panel: {counts.get('overflows-panel', 0)}")
PY
if [ -n "$BEFORE" ]; then
    "$BEFORE" check "$WITH/Captions" --format json > "$WORK/panels-before.json" || true
    if cmp -s "$WORK/panels.json" "$WORK/panels-before.json"; then
        echo "--before gives the same JSON report on the panels variant"
    else
        echo "--before gives a DIFFERENT JSON report on the panels variant"
    fi
fi

commands=(-n "check, no panels" "$BIN check $PLAIN/Captions --format json"
          -n "check, panels" "$BIN check $WITH/Captions --format json")
if [ -n "$BEFORE" ]; then
    commands+=(-n "before: check, no panels" "$BEFORE check $PLAIN/Captions --format json"
               -n "before: check, panels" "$BEFORE check $WITH/Captions --format json")
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 1 --runs "$RUNS" -i --output null --export-json "$WORK/hyperfine.json" "${commands[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK/hyperfine.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print(f"{'variant':<28} {'median s':>9} {'mean s':>16} {'CPU s (user+sys)':>17}")
for r in results:
    cpu = r["user"] + r["system"]
    print(f"{r['command']:<28} {r['median']:9.3f} {r['mean']:8.3f} ± {r['stddev']:5.3f} {cpu:17.3f}")
for k in range(0, len(results), 2):
    plain, panels = results[k], results[k + 1]
    wall = panels["median"] / plain["median"]
    cpu = (panels["user"] + panels["system"]) / (plain["user"] + plain["system"])
    who = panels["command"].rsplit("check", 1)[0]
    print(f"{who}panels / no panels: wall {wall:.2f}x, CPU {cpu:.2f}x (target <= 1.5)")
PY
