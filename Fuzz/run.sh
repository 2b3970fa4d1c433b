#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/Harnesses + every CaptionKit source, one module, with
# -sanitize=fuzzer,address) and fuzzes one target or all of them.
#
#   Fuzz/run.sh [TARGET|all] [--seconds N] [--replay] [--no-build]
#
# TARGET: exhibit, config, xliff, editor, fmt, typography, linebreak, glossary, worddiff, tbx
# (default: all).
# --seconds N: fuzz each target N seconds (default 10). --replay: run every committed seed
# (Fuzz/corpus/TARGET) once and stop. New inputs go to .build-fuzz/corpus/TARGET (not
# committed); --no-build uses the binary as it is even when a source is newer. A crash, a
# hang over 1 s or an allocation over 64 MB stops the run, saves the input under .build-fuzz/crashes/TARGET/ and makes this script exit 1. Each run ends with one
# line: target, seconds, executions, coverage (edges), features, corpus size, slowest input.
# FUZZ_TIMEOUT=S raises the hang limit (on a machine too loaded for 1 s to mean a hang; the
# slowest input is still reported, and `--replay` of .build-fuzz/corpus shows its real time).
# FUZZ_OPTIMIZE=-Onone builds faster and fuzzes slower (what .ci/test uses; default -O). The
# binary is rebuilt when the setting changes.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(exhibit config xliff editor fmt typography linebreak glossary worddiff tbx)
target=all
seconds=10
replay=0
nobuild=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --replay) replay=1; shift ;;
    --no-build) nobuild=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) target="$1"; shift ;;
  esac
done
if [ "$target" != all ]; then
  case " ${targets[*]} " in *" $target "*) targets=("$target") ;; *)
    echo "fuzz: unknown target '$target' (${targets[*]})" >&2; exit 64 ;; esac
fi

out=.build-fuzz
binary="$out/captions-fuzz${FUZZ_OPTIMIZE:--O}"
mkdir -p "$out"
# Rebuilt only when a source is newer than the binary.
if [ ! -x "$binary" ] || { [ "$nobuild" = 0 ] && [ -n "$(find Sources/CaptionKit Sources/CLibXML2 Sources/CLibYAML Sources/CHarfBuzz Sources/CFontconfig Fuzz/Harnesses \
    -newer "$binary" -type f | head -1)" ]; }; then
  echo "fuzz: building $binary (swiftc -sanitize=fuzzer,address)" >&2
  mapfile -t sources < <(find Sources/CaptionKit Fuzz/Harnesses -name '*.swift' | sort)
  # shellcheck disable=SC2046
  swiftc -sanitize=fuzzer,address "${FUZZ_OPTIMIZE:--O}" -j2 -parse-as-library -swift-version 6 -module-name CaptionKit \
    -I Sources/CLibXML2 -I Sources/CLibYAML -I Sources/CHarfBuzz -I Sources/CFontconfig \
    $(pkg-config --cflags-only-I libxml-2.0 harfbuzz fontconfig | sed 's/-I/-Xcc -I/g') \
    "${sources[@]}" -lxml2 -lyaml -lharfbuzz -lfontconfig -o "$binary.new" 2>&1 | grep -v 'ld.gold: warning: Cannot export local symbol' >&2 || true
  [ -x "$binary.new" ] || { echo "fuzz: build failed" >&2; exit 2; }
  mv "$binary.new" "$binary"
fi

status=0
for name in "${targets[@]}"; do
  seeds="Fuzz/corpus/$name"
  work="$out/corpus/$name"
  crashes="$out/crashes/$name"
  mkdir -p "$seeds" "$work" "$crashes"
  log="$out/$name.log"
  common=("-timeout=${FUZZ_TIMEOUT:-1}" -malloc_limit_mb=64 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
    "-artifact_prefix=$crashes/")
  if [ "$replay" = 1 ]; then
    if FUZZ_TARGET="$name" "$binary" "${common[@]}" -runs=0 "$seeds" >"$log" 2>&1; then
      echo "fuzz: $name: replayed $(find "$seeds" -type f | wc -l) seeds, no crash"
    else
      echo "fuzz: $name: FAILED replaying the seeds (see $log)"; tail -20 "$log" >&2; status=1
    fi
    continue
  fi
  if FUZZ_TARGET="$name" "$binary" "${common[@]}" -max_total_time="$seconds" "$work" "$seeds" >"$log" 2>&1; then
    result=ok
  else
    result=CRASH; status=1; tail -30 "$log" >&2
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*' || echo '?')
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*' || echo '?')
  corp=$(echo "$last" | grep -o 'corp: [0-9]*' | grep -o '[0-9]*' || echo '?')
  slowest=$(grep -o 'slowest_unit_time_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  echo "fuzz: $name: $result, ${seconds} s, $execs executions, cov $cov, ft $ft, corpus $corp, slowest input ${slowest} s"
done
exit $status
