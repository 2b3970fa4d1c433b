#!/usr/bin/env bash
# Benchmark `captions` against peer tools on generated collections.
#
# usage: Benchmarks/run.sh [--sizes 10000,50000] [--quick] [--bin PATH] [--runs N]
#                          [--seed N] [--import-args "ARGS"] [--work DIR] [--keep]
#
#   --sizes LIST        exhibit counts to generate and measure (default 10000,50000)
#   --quick             sizes 2000,10000 and 3 runs per command
#   --bin PATH          use this captions binary instead of building one
#   --runs N            hyperfine runs per command (default 5; commands slower than
#                       5 s get 3)
#   --seed N            corpus seed (default 1)
#   --import-args ARGS  extra arguments for `captions import` (word-split)
#   --work DIR          where corpora and outputs go, kept afterwards (default: a
#                       new mktemp -d folder, deleted at the end)
#   --keep              keep the work folder
#
# One command from a fresh clone: installs missing tools (apt: hyperfine gettext
# libxml2-utils time libyaml-dev; pip: translate-toolkit), builds captions in
# release mode, generates the corpora outside the repository, times every command
# with hyperfine (warmup 1, median of the runs) and measures peak RSS with
# /usr/bin/time -v, then prints one table.  A captions command that fails (for
# example a subcommand that does not exist yet) shows as "n/a (command failed: ...)".
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
source "$HERE/lib.sh"

# ----------------------------------------------------------------------------
# Options
# ----------------------------------------------------------------------------
SIZES="10000,50000"
RUNS=5
BIN=""
SEED=1
IMPORT_ARGS=""
WORK=""
KEEP=0
# usage (the comment block at the top of this file) comes from lib.sh.
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES="$2"; shift 2 ;;
        --quick) SIZES="2000,10000"; RUNS=3; shift ;;
        --bin) BIN="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --import-args) IMPORT_ARGS="$2"; shift 2 ;;
        --work) WORK="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 64 ;;
    esac
done
IFS=',' read -r -a SIZE_LIST <<< "$SIZES"
for s in "${SIZE_LIST[@]}"; do
    [[ "$s" =~ ^[0-9]+$ ]] || { echo "run.sh: bad size '$s'" >&2; exit 64; }
done

log() { printf '[bench] %s\n' "$*" >&2; }
# With set -e a failing command ends the script: say where.
trap 'log "run.sh: command failed at line $LINENO (exit $?)"' ERR

# ----------------------------------------------------------------------------
# Tools: install what is missing
# ----------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

apt_missing=()
command -v hyperfine >/dev/null || apt_missing+=(hyperfine)
command -v msgfmt >/dev/null || apt_missing+=(gettext)
command -v xmllint >/dev/null || apt_missing+=(libxml2-utils)
[ -x /usr/bin/time ] || apt_missing+=(time)
# For the libyaml event-parse peer (optional: the peer is n/a without it).
[ -f /usr/include/yaml.h ] || apt_missing+=(libyaml-dev)
if [ ${#apt_missing[@]} -gt 0 ]; then
    log "installing: ${apt_missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # The package lists may be absent on a fresh machine: update first.
    $SUDO apt-get update -qq >&2 || log "apt-get update failed"
    $SUDO apt-get install -y -qq "${apt_missing[@]}" >&2 || log "apt-get install failed"
fi
for t in hyperfine /usr/bin/time; do
    command -v "$t" >/dev/null || { echo "run.sh: $t is required and could not be installed" >&2; exit 2; }
done

# Python tools: call the real scripts next to the interpreter, not pyenv shims
# (a shim adds ~50 ms to every run).
PY="$(command -v python3)"
PYBIN="$("$PY" -c 'import os, sys; print(os.path.dirname(os.path.realpath(sys.executable)))')"
pytool() { if [ -x "$PYBIN/$1" ]; then echo "$PYBIN/$1"; else command -v "$1" || echo "$1"; fi; }
if ! "$PY" -c 'import translate' 2>/dev/null; then
    log "installing translate-toolkit (pip)"
    "$PY" -m pip install --quiet translate-toolkit >&2 || log "pip install translate-toolkit failed"
fi
POCOUNT="$(pytool pocount)"
POFILTER="$(pytool pofilter)"

# ----------------------------------------------------------------------------
# Work folder (never inside the repository)
# ----------------------------------------------------------------------------
# A folder given with --work is the caller's: it is never deleted.
if [ -z "$WORK" ]; then
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/captions-bench.XXXXXX")"
else
    KEEP=1
fi
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
case "$WORK/" in "$REPO"/*) echo "run.sh: --work must be outside the repository" >&2; exit 64 ;; esac
cleanup() { if [ "$KEEP" -eq 0 ]; then rm -rf "$WORK"; else log "kept $WORK"; fi; }
trap cleanup EXIT
RESULTS="$WORK/results.tsv"   # size, name, kind, median s, peak RSS KB, note
: > "$RESULTS"

# ----------------------------------------------------------------------------
# Build captions (release) unless --bin is given
# ----------------------------------------------------------------------------
BUILD_NOTE=""
if [ -z "$BIN" ]; then
    log "building captions (swift build -c release --product captions)"
    if (cd "$REPO" && swift build -c release --product captions >&2); then
        BIN="$(cd "$REPO" && swift build -c release --show-bin-path)/captions"
    else
        BUILD_NOTE="build failed: swift build -c release"
        log "$BUILD_NOTE; captions rows will be n/a"
    fi
fi
if [ -n "$BIN" ]; then
    [ -x "$BIN" ] || BUILD_NOTE="binary not executable: $BIN"
    case "$BIN" in
        /*) ;;
        */*) BIN="$(pwd)/$BIN" ;;                    # relative path
        *) BIN="$(command -v "$BIN" || echo "$BIN")" ;; # a name on PATH
    esac
fi

# libyaml event-parse peer: a small C program (Benchmarks/peers/yaml_events.c).
YAML_EVENTS=""
if command -v cc >/dev/null && [ -f /usr/include/yaml.h ]; then
    if cc -O2 -o "$WORK/yaml_events" "$HERE/peers/yaml_events.c" -lyaml -lpthread 2>"$WORK/cc.log"; then
        YAML_EVENTS="$WORK/yaml_events"
    else
        log "could not build the libyaml peer: $(head -1 "$WORK/cc.log")"
    fi
fi

# ----------------------------------------------------------------------------
# Measuring one command
# ----------------------------------------------------------------------------
# measure SIZE NAME KIND CWD OK_CODES CMD [PREPARE] [CHECK_JSON]
#   OK_CODES   exit codes that count as success, e.g. "0" or "0 1"
#   PREPARE    shell command run before every timed run (not timed)
#   CHECK_JSON 1: stdout of the probe run must be a JSON report
# First one probe run under /usr/bin/time -v (peak RSS; also checks the exit
# code and warms the cache), then hyperfine for the median.
measure() {
    local size="$1" name="$2" kind="$3" cwd="$4" ok="$5" cmd="$6" prep="${7:-}" json="${8:-0}"
    local tag="$WORK/m.$size.$(echo "$name" | tr -c 'a-zA-Z0-9' '_')"
    log "n=$size $name: $cmd"
    [ -n "$prep" ] && (cd "$cwd" && bash -c "$prep")
    local out=/dev/null
    [ "$json" = 1 ] && out="$tag.stdout"
    local rc=0
    (cd "$cwd" && /usr/bin/time -v -o "$tag.time" bash -c "$cmd" >"$out" 2>"$tag.stderr") || rc=$?
    local rss
    rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tag.time" 2>/dev/null | head -1)"
    # Exit code check: a missing subcommand, a crash or an unexpected code is a failure.
    if [[ " $ok " != *" $rc "* ]]; then
        local why
        why="$(grep -v '^\s*$' "$tag.stderr" | head -1 | cut -c1-90 || true)"
        printf '%s\t%s\t%s\t\t\tn/a (command failed: exit %s%s)\n' \
            "$size" "$name" "$kind" "$rc" "${why:+: $why}" >> "$RESULTS"
        return 1
    fi
    if [ "$json" = 1 ] && ! "$PY" - "$tag.stdout" 2>/dev/null <<'PYEOF'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
try:
    json.loads(text)                      # one JSON document
except ValueError:
    lines = [l for l in text.splitlines() if l.strip()]
    assert lines                          # or JSON lines, one object each
    for l in lines:
        json.loads(l)
PYEOF
    then
        printf '%s\t%s\t%s\t\t\tn/a (command failed: exit %s, no JSON report on stdout)\n' \
            "$size" "$name" "$kind" "$rc" >> "$RESULTS"
        return 1
    fi
    # Fewer runs for slow commands: the probe's wall time decides.
    local wall runs="$RUNS"
    wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tag.time" | head -1 |
            awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
    if awk "BEGIN { exit !(${wall:-0} > 5) }" && [ "$runs" -gt 3 ]; then runs=3; fi
    local hf=(hyperfine --warmup 1 --runs "$runs" --style none --export-json "$tag.json")
    [ "$ok" != "0" ] && hf+=(--ignore-failure)
    [ -n "$prep" ] && hf+=(--prepare "$prep")
    if ! (cd "$cwd" && "${hf[@]}" "$cmd" >"$tag.hyperfine" 2>&1); then
        printf '%s\t%s\t%s\t\t%s\tn/a (command failed under hyperfine: %s)\n' "$size" "$name" "$kind" \
            "$rss" "$(grep -v '^\s*$' "$tag.hyperfine" | tail -1 | cut -c1-80 || true)" >> "$RESULTS"
        return 1
    fi
    local median
    median="$("$PY" -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$tag.json")"
    local note=""
    [ "$rc" != 0 ] && note="exit $rc"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$kind" "$median" "$rss" "$note" >> "$RESULTS"
    log "  median ${median} s, peak RSS ${rss} KB"
}

# panel_config (every field on a PT Sans panel) comes from lib.sh.

# A captions row that could not run at all (no binary, or an input it needs is missing).
not_run() { printf '%s\t%s\t%s\t\t\tn/a (%s)\n' "$1" "$2" captions "$3" >> "$RESULTS"; }

# ----------------------------------------------------------------------------
# Per size: generate, then measure captions and peers
# ----------------------------------------------------------------------------
GEN="$HERE/gen_corpus.py"
for size in "${SIZE_LIST[@]}"; do
    D="$WORK/n$size"
    MAIN="$D/main"   # ~5 % missing kk/en; PO files; generator's own XLIFF as a fallback
    FULL="$D/full"   # same texts, nothing missing: source of the fully translated kk XLIFF
    NOKK="$D/nokk"   # same texts without any Kazakh: target of the import
    OUT="$D/out"
    rm -rf "$D"; mkdir -p "$OUT"
    log "generating $size exhibits (3 variants) in $D"
    t0=$(date +%s.%N)
    "$PY" "$GEN" --quiet --count "$size" --seed "$SEED" --out "$MAIN" --xliff &
    "$PY" "$GEN" --quiet --count "$size" --seed "$SEED" --out "$FULL" --missing-rate 0 --no-po &
    "$PY" "$GEN" --quiet --count "$size" --seed "$SEED" --out "$NOKK" --omit kk --no-po &
    wait
    log "  generated in $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $t0 }") s ($(du -sh "$MAIN/Captions" | cut -f1) of YAML)"

    # --- captions ----------------------------------------------------------
    EXPORTED_KK=""    # kk XLIFF exported from MAIN (measured command)
    FULL_KK=()        # kk XLIFF exported from FULL (input of the import)
    if [ -n "$BUILD_NOTE" ] || [ -z "$BIN" ]; then
        for n in "captions check" "captions status" "captions export xliff" \
                 "captions import" "captions export signage"; do
            not_run "$size" "$n" "${BUILD_NOTE:-no binary}"
        done
    else
        measure "$size" "captions check" captions "$MAIN" "0 1" \
            "'$BIN' check Captions --format json" "" 1 || true
        # The same check with every field on a panel measured in PT Sans (overflows-panel):
        # a copy of the collection whose captions.yml adds panels (only when PT Sans is
        # installed, Debian fonts-paratype).
        if command -v fc-list >/dev/null && fc-list "PT Sans" family | grep -q "PT Sans"; then
            rm -rf "$D/panels" && mkdir -p "$D/panels" && cp -r "$MAIN/Captions" "$D/panels/Captions"
            panel_config "$MAIN/Captions/captions.yml" > "$D/panels/Captions/captions.yml"
            measure "$size" "captions check (panels)" captions "$D/panels" "0 1" \
                "'$BIN' check Captions --format json" "" 1 || true
            [ "$KEEP" -eq 1 ] || rm -rf "$D/panels"
        else
            not_run "$size" "captions check (panels)" "PT Sans is not installed (fonts-paratype)"
        fi
        measure "$size" "captions status" captions "$MAIN" "0" \
            "'$BIN' status Captions" || true
        if measure "$size" "captions export xliff" captions "$MAIN" "0" \
            "'$BIN' export xliff Captions --to kk --out '$OUT/xliff-kk'" "rm -rf '$OUT/xliff-kk'"; then
            EXPORTED_KK="$(find "$OUT/xliff-kk" -type f \( -name '*.xlf' -o -name '*.xliff' \) | sort | head -1)"
        fi
        # The import input: export --to kk from the collection with nothing missing
        # (untimed), then import it into the copy without Kazakh; each run starts from a
        # pristine copy of that collection (restored by hyperfine's --prepare, untimed).
        # Commands run inside each corpus folder with the relative path
        # "Captions", so the paths recorded in the XLIFF resolve to the no-kk copy.
        rm -rf "$OUT/xliff-full"
        rc=0
        (cd "$FULL" && "$BIN" export xliff Captions --to kk --out "$OUT/xliff-full") \
            >/dev/null 2>"$OUT/xliff-full.err" || rc=$?
        if [ "$rc" -eq 0 ]; then
            mapfile -t FULL_KK < <(find "$OUT/xliff-full" -type f \( -name '*.xlf' -o -name '*.xliff' \) | sort)
            # The export marks each unit with its target as exported; the copy without Kazakh
            # differs from every one, so the import would keep its (empty) texts and write
            # nothing. Without the marks (as from a tool that drops them) every unit applies.
            for f in "${FULL_KK[@]}"; do
                sed -i '/<context-group purpose="information">/,/<\/context-group>/d' "$f"
            done
        fi
        if [ ${#FULL_KK[@]} -gt 0 ]; then
            files="$(printf "'%s' " "${FULL_KK[@]}")"
            rm -rf "$NOKK/Captions.pristine" && cp -r "$NOKK/Captions" "$NOKK/Captions.pristine"
            measure "$size" "captions import" captions "$NOKK" "0 1" \
                "'$BIN' import $files$IMPORT_ARGS > /dev/null" \
                "rm -rf Captions && cp -r Captions.pristine Captions" || true
        else
            why="$(grep -v '^\s*$' "$OUT/xliff-full.err" | head -1 | cut -c1-70 || true)"
            [ "$rc" -eq 0 ] && why="no .xlf/.xliff file written"
            not_run "$size" "captions import" \
                "command failed: export xliff --to kk of the full collection: exit $rc${why:+: $why}"
        fi
        measure "$size" "captions export signage" captions "$MAIN" "0" \
            "'$BIN' export signage Captions --format txt --out '$OUT/signage' --allow-incomplete" \
            "rm -rf '$OUT/signage'" || true
    fi

    # --- peers -------------------------------------------------------------
    measure "$size" "msgfmt --check --statistics kk.po" peer "$MAIN" "0" \
        "msgfmt --check --statistics -o /dev/null po/kk.po" || true
    measure "$size" "msgfmt --check --statistics en.po" peer "$MAIN" "0" \
        "msgfmt --check --statistics -o /dev/null po/en.po" || true
    measure "$size" "pocount kk.po" peer "$MAIN" "0" "'$POCOUNT' po/kk.po" || true
    measure "$size" "pofilter -t numbers -t untranslated kk.po" peer "$MAIN" "0" \
        "'$POFILTER' --progress=none -t numbers -t untranslated po/kk.po '$OUT/pofilter-kk.po'" || true
    # xmllint on the fully translated kk XLIFF (the import input); without a
    # working captions export, on the generator's own XLIFF of the same content.
    if [ ${#FULL_KK[@]} -gt 0 ]; then
        measure "$size" "xmllint --stream (exported kk XLIFF)" peer "$MAIN" "0" \
            "xmllint --stream --noout $(printf "'%s' " "${FULL_KK[@]}")" || true
    else
        measure "$size" "xmllint --stream (generator's kk XLIFF)" peer "$MAIN" "0" \
            "xmllint --stream --noout xliff/ru-kk.xlf" || true
    fi
    # Translate Toolkit's storage API on the same file: load + save (what Weblate does
    # with an uploaded XLIFF).
    if [ ${#FULL_KK[@]} -gt 0 ]; then
        measure "$size" "Translate Toolkit load + save kk XLIFF" peer "$MAIN" "0" \
            "'$PY' '$HERE/peers/tt_xliff_load_save.py' '${FULL_KK[0]}' '$OUT/tt-kk.xlf'" || true
    fi
    measure "$size" "find + cat *.yml" peer "$MAIN" "0" \
        "find Captions -name '*.yml' -exec cat {} + > /dev/null" || true
    if [ -n "$YAML_EVENTS" ]; then
        measure "$size" "libyaml events, 2 threads" peer "$MAIN" "0" \
            "'$YAML_EVENTS' Captions 2" || true
    fi
    # Free the disk before the next size (the corpora can be ~1 GB at 50,000).
    [ "$KEEP" -eq 1 ] || rm -rf "$FULL" "$NOKK" "$OUT"
done

# ----------------------------------------------------------------------------
# The table
# ----------------------------------------------------------------------------
"$PY" - "$RESULTS" "${SIZE_LIST[@]}" <<'EOF'
import sys

results_path, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
rows = {}   # (size, name) -> dict
order = []
with open(results_path, encoding="utf-8") as fh:
    for line in fh:
        size, name, kind, median, rss, note = line.rstrip("\n").split("\t")
        key = (int(size), name)
        rows[key] = {"kind": kind, "median": float(median) if median else None,
                     "rss": int(rss) / 1024 if rss else None, "note": note}
        if name not in order:
            order.append(name)

def med(size, *names):
    """Sum of the medians of the named rows, or None if one is missing."""
    vals = [rows.get((size, n), {}).get("median") for n in names]
    return None if any(v is None for v in vals) else sum(vals)

def first_present(size, *names):
    for n in names:
        if (size, n) in rows:
            return n
    return None

# Peer comparisons per captions command: (peer label, peer names summed,
# extra captions rows added to the peer, target ratio or None = informational).
XML = ("xmllint --stream (exported kk XLIFF)", "xmllint --stream (generator's kk XLIFF)")
def comparisons(size, name):
    if name == "captions check":
        return [("msgfmt kk.po + en.po", ["msgfmt --check --statistics kk.po",
                                          "msgfmt --check --statistics en.po"], 0.2),
                ("libyaml events, 2 threads", ["libyaml events, 2 threads"], 1.5),
                ("pofilter kk.po", ["pofilter -t numbers -t untranslated kk.po"], None)]
    if name == "captions check (panels)":
        return [("captions check", ["captions check"], 1.5)]
    if name == "captions status":
        return [("pocount kk.po", ["pocount kk.po"], None)]
    tt = ("Translate Toolkit load + save", ["Translate Toolkit load + save kk XLIFF"], None)
    if name == "captions export xliff":
        return [tt]
    if name == "captions import":
        x = first_present(size, *XML)
        return [("xmllint --stream + captions check", [x, "captions check"] if x else [None], 2.0), tt]
    return []

# Absolute targets from the issue, for the 50,000-exhibit collection.
SECONDS = {"captions check": 1.5, "captions status": 1.5, "captions export xliff": 2.0,
           "captions export signage": 3.0}
RSS_MB = {"captions check": 400, "captions import": 400}

def fmt(v, spec):
    return "" if v is None else format(v, spec)

table = [("command", "size", "median s", "peak RSS MB", "peer", "ratio to peer", "target")]
for size in sizes:
    for name in order:
        r = rows.get((size, name))
        if r is None:
            continue
        if r["median"] is None:  # failed: the note says why
            table.append((name, str(size), r["note"]))
            continue
        targets = []
        if size == 50000 and name in SECONDS:
            ok = r["median"] <= SECONDS[name]
            targets.append(f"<= {SECONDS[name]:g} s {'ok' if ok else 'MISSED'}")
        if size == 50000 and name in RSS_MB and r["rss"] is not None:
            ok = r["rss"] <= RSS_MB[name]
            targets.append(f"<= {RSS_MB[name]} MB {'ok' if ok else 'MISSED'}")
        label = name + (f" ({r['note']})" if r["note"] else "")
        comps = comparisons(size, name) if r["kind"] == "captions" else []
        if not comps:
            table.append((label, str(size), fmt(r["median"], ".3f"), fmt(r["rss"], ".1f"),
                          "" if r["kind"] == "captions" else "(peer)", "", "; ".join(targets)))
        for k, (plabel, pnames, goal) in enumerate(comps):
            pm = med(size, *pnames) if None not in pnames else None
            ratio = r["median"] / pm if pm else None
            t = list(targets) if k == 0 else []
            if goal is not None and ratio is not None:
                t.append(f"ratio <= {goal:g} {'ok' if ratio <= goal else 'MISSED'}")
            table.append((label if k == 0 else "", str(size) if k == 0 else "",
                          fmt(r["median"], ".3f") if k == 0 else "",
                          fmt(r["rss"], ".1f") if k == 0 else "",
                          plabel + (f" {pm:.3f} s" if pm else " (n/a)"),
                          fmt(ratio, ".2f"), "; ".join(t)))

widths = [max(len(row[i]) for row in table if len(row) == 7) for i in range(7)]
def show(row):
    if len(row) == 3:  # command, size, n/a note spanning the rest
        return f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]}"
    cells = [f"{row[0]:<{widths[0]}}", f"{row[1]:>{widths[1]}}", f"{row[2]:>{widths[2]}}",
             f"{row[3]:>{widths[3]}}", f"{row[4]:<{widths[4]}}", f"{row[5]:>{widths[5]}}", row[6]]
    return "  ".join(cells).rstrip()
print()
print(show(table[0]))
print("  ".join("-" * w for w in widths))
for row in table[1:]:
    print(show(row))

# Growth: largest size / smallest size for each captions command.
if len(sizes) >= 2:
    lo, hi = min(sizes), max(sizes)
    limit = 1.1 * hi / lo   # 5.5 for 10,000 -> 50,000
    print()
    print(f"Growth {hi}/{lo} exhibits (linear = {hi / lo:g}, target <= {limit:g}):")
    for name in order:
        a, b = rows.get((lo, name)), rows.get((hi, name))
        if not a or a["kind"] != "captions":
            continue
        if a["median"] is None or not b or b["median"] is None:
            print(f"  {name:<28} n/a")
        else:
            g = b["median"] / a["median"]
            print(f"  {name:<28} {g:6.2f}x  {'ok' if g <= limit else 'MISSED'}")
EOF
