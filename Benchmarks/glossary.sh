#!/usr/bin/env bash
# Measure what a glossary costs `captions check`: the benchmark collection without a glossary,
# with a made-up one, with one that holds the corpus's nouns, and with one whose nouns agree
# with the corpus's Kazakh, timed in the same run with the same release binary (and, with --before, an earlier binary too).
#
# usage: Benchmarks/glossary.sh [--count N] [--entries N] [--runs N] [--bin PATH] [--before PATH]
#                               [--interleave N] [--instructions] [--work DIR]
#
#   --count N      exhibits in the collection (default 50000)
#   --entries N    glossary entries (default 2000; Benchmarks/gen_glossary.py)
#   --runs N       hyperfine runs per variant (default 5)
#   --bin PATH     use this captions binary instead of building one (release)
#   --before PATH  also time this binary (a release build of an earlier commit) on every variant
#                  in the same hyperfine invocation, and compare its JSON reports with --bin's
#   --interleave N time in N rounds instead of hyperfine's runs in a row: each round runs every
#                  command once, in turn, so a machine that speeds up or slows down during the
#                  measurement weighs on every variant alike (a shared machine drifts by a
#                  quarter within minutes); prints the medians and the median of the rounds' ratios
#   --instructions count the instructions of each check under valgrind (callgrind) instead of
#                  timing it, the variants two at a time: exact and the same on any machine, but
#                  blind to waiting for memory (50,000 exhibits: about 10 minutes per variant)
#   --work DIR     where the collections go, kept afterwards (default: a new mktemp -d folder,
#                  deleted at the end); /dev/shm/... measures without disk noise
#
# The variants are the same files (hard-linked copies) plus Captions/glossary.yml: made-up terms
# only (`gen_glossary.py --made-up-only`: no term occurs, the figure is the matching alone), and
# the lexicon nouns followed by made-up terms (the terms occur, and the generator's Kazakh makes
# many term-mismatch findings), and the same with each noun's Kazakh listed in every form the
# generator writes (`--kk-as-generated`: the collection agrees with its glossary, as a museum's
# does). hyperfine runs them in one invocation (-N, warmup 1), so all see
# the same machine state. Prints the load average, the median wall time and the CPU time (user +
# sys) of each, and the ratios to the check without a glossary (target: at most 1.3).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
source "$HERE/lib.sh"
COUNT=50000
ENTRIES=2000
RUNS=5
BIN=""
BEFORE=""
INTERLEAVE=""
INSTRUCTIONS=""
WORK=""
while [ $# -gt 0 ]; do
    case "$1" in
        --count) COUNT="$2"; shift 2 ;;
        --entries) ENTRIES="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --bin) BIN="$2"; shift 2 ;;
        --before) BEFORE="$2"; shift 2 ;;
        --interleave) INTERLEAVE="$2"; shift 2 ;;
        --instructions) INSTRUCTIONS=1; shift ;;
        --work) WORK="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option $1" >&2; usage >&2; exit 64 ;;
    esac
done
if [ -n "$INSTRUCTIONS" ]; then
    command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
elif [ -z "$INTERLEAVE" ]; then
    need_hyperfine
fi

make_work_folder

release_binary

PLAIN="$WORK/plain-$COUNT"
MADEUP="$WORK/made-up-$COUNT-$ENTRIES"
WITH="$WORK/glossary-$COUNT-$ENTRIES"
AGREE="$WORK/agreeing-$COUNT-$ENTRIES"
plain_collection "$PLAIN" "$COUNT"
rm -rf "$MADEUP" "$WITH" "$AGREE"
cp -al "$PLAIN" "$MADEUP"
cp -al "$PLAIN" "$WITH"
cp -al "$PLAIN" "$AGREE"
python3 "$HERE/gen_glossary.py" --count "$ENTRIES" --made-up-only --out "$MADEUP/Captions/glossary.yml"
python3 "$HERE/gen_glossary.py" --count "$ENTRIES" --out "$WITH/Captions/glossary.yml"
python3 "$HERE/gen_glossary.py" --count "$ENTRIES" --kk-as-generated --out "$AGREE/Captions/glossary.yml"

# Warm the page cache, show what the glossary finds, and compare with --before.
names=(plain made-up lexicon agreeing)
folders=("$PLAIN" "$MADEUP" "$WITH" "$AGREE")
for k in 0 1 2 3; do
    "$BIN" check "${folders[$k]}/Captions" --format json > "$WORK/${names[$k]}.json" || true
    if [ -n "$BEFORE" ]; then
        "$BEFORE" check "${folders[$k]}/Captions" --format json > "$WORK/${names[$k]}-before.json" || true
        if cmp -s "$WORK/${names[$k]}.json" "$WORK/${names[$k]}-before.json"; then
            echo "${names[$k]}: --before gives the same JSON report"
        else
            echo "${names[$k]}: --before gives a DIFFERENT JSON report"
        fi
    fi
done
python3 - "$WORK/plain.json" "$WORK/made-up.json" "$WORK/lexicon.json" "$WORK/agreeing.json" <<'PY'
import json, sys, collections
names = ("no glossary", "made-up glossary", "lexicon glossary", "lexicon glossary, agreeing")
for name, path in zip(names, sys.argv[1:]):
    try:
        report = json.load(open(path))
    except ValueError:
        sys.exit(f"glossary.sh: the check with {name} wrote no JSON report ({path}); run it by hand to see why")
    counts = collections.Counter(d["check"] for d in report["diagnostics"])
    terms = {k: v for k, v in counts.items() if k in ("term-mismatch", "forbidden-term")}
    print(f"{name}: {sum(counts.values())} findings; {terms or 'no term findings'}")
PY

if [ -n "$INSTRUCTIONS" ]; then
    # Each variant under callgrind, two at a time (the counts do not depend on what else runs).
    # A check exits 0 or 1 (findings); anything else (a crash) would leave a count of nothing.
    running=()
    wait_for_running() {
        local run status
        for run in "${running[@]}"; do
            status=0
            wait "${run%% *}" || status=$?
            if [ "$status" -gt 1 ]; then
                echo "glossary.sh: the check with ${run#* } ended with status $status under valgrind; see $WORK/${run#* }.callgrind" >&2
                exit 1
            fi
        done
        running=()
    }
    for bin in "$BIN" ${BEFORE:+"$BEFORE"}; do
        who=""
        [ "$bin" = "$BIN" ] || who="before-"
        for k in 0 1 2 3; do
            valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" check "${folders[$k]}/Captions" \
                --format json > /dev/null 2> "$WORK/${who}${names[$k]}.callgrind" &
            running+=("$! ${who}${names[$k]}")
            if [ $((k % 2)) -eq 1 ]; then wait_for_running; fi
        done
    done
    python3 - "$WORK" ${BEFORE:+before-} <<'PY'
import re, sys
work, prefixes = sys.argv[1], [""] + sys.argv[2:]
names = ("plain", "made-up", "lexicon", "agreeing")
labels = ("no glossary", "made-up glossary", "lexicon glossary", "lexicon glossary, agreeing")
for prefix in prefixes:
    counts = []
    for name in names:
        text = open(f"{work}/{prefix}{name}.callgrind").read()
        counts.append(int(re.search(r"Collected : (\d+)", text).group(1)))
    who = "before: " if prefix else ""
    for label, count in zip(labels, counts):
        ratio = f"  {count / counts[0]:.3f}x" if count != counts[0] else ""
        print(f"{who + label:<38} {count / 1e6:12,.1f} M instructions{ratio}")
PY
    exit 0
fi

commands=()
for bin in "$BIN" ${BEFORE:+"$BEFORE"}; do
    who=""
    [ "$bin" = "$BIN" ] || who="before: "
    commands+=(-n "${who}check, no glossary" "$bin check $PLAIN/Captions --format json"
               -n "${who}check, $ENTRIES made-up entries" "$bin check $MADEUP/Captions --format json"
               -n "${who}check, $ENTRIES entries with lexicon" "$bin check $WITH/Captions --format json"
               -n "${who}check, $ENTRIES entries with lexicon, agreeing" "$bin check $AGREE/Captions --format json")
done
if [ -n "$INTERLEAVE" ]; then
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    python3 - "$INTERLEAVE" "${commands[@]}" <<'PY'
import resource, shlex, statistics, subprocess, sys, time
rounds = int(sys.argv[1])
pairs = sys.argv[2:]
names = [pairs[k + 1] for k in range(0, len(pairs), 3)]
argvs = [shlex.split(pairs[k + 2]) for k in range(0, len(pairs), 3)]
def run(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
for argv in argvs:  # warm-up
    run(argv)
wall = [[] for _ in argvs]
cpu = [[] for _ in argvs]
for _ in range(rounds):
    for k, argv in enumerate(argvs):
        w, c = run(argv)
        wall[k].append(w)
        cpu[k].append(c)
print(f"{'variant':<54} {'median s':>9} {'min s':>7} {'max s':>7} {'CPU s':>7}")
for k, name in enumerate(names):
    print(f"{name:<54} {statistics.median(wall[k]):9.3f} {min(wall[k]):7.3f} {max(wall[k]):7.3f} "
          f"{statistics.median(cpu[k]):7.3f}")
for k in range(0, len(names), 4):
    for j in range(k + 1, k + 4):
        ratio = statistics.median(wall[j]) / statistics.median(wall[k])
        cpu_ratio = statistics.median(cpu[j]) / statistics.median(cpu[k])
        rounds_ratio = statistics.median(a / b for a, b in zip(wall[j], wall[k]))
        print(f"{names[j]} / no glossary: wall {ratio:.2f}x, CPU {cpu_ratio:.2f}x, "
              f"median of the rounds' ratios {rounds_ratio:.2f}x (target <= 1.3)")
PY
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 1 --runs "$RUNS" -i --output null --export-json "$WORK/hyperfine.json" "${commands[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK/hyperfine.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print(f"{'variant':<54} {'median s':>9} {'mean s':>16} {'CPU s (user+sys)':>17}")
for r in results:
    cpu = r["user"] + r["system"]
    print(f"{r['command']:<54} {r['median']:9.3f} {r['mean']:8.3f} ± {r['stddev']:5.3f} {cpu:17.3f}")
for k in range(0, len(results), 4):
    plain = results[k]
    for other in results[k + 1:k + 4]:
        wall = other["median"] / plain["median"]
        cpu = (other["user"] + other["system"]) / (plain["user"] + plain["system"])
        print(f"{other['command']} / no glossary: wall {wall:.2f}x, CPU {cpu:.2f}x (target <= 1.3)")
PY
