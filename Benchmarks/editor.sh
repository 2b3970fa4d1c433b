#!/usr/bin/env bash
# The curator's editor (captions-editor) under load on loopback, against a generated collection:
# start-up, collection page, exhibit page, live check, save, memory, and 50 readers during saves.
#
#   Benchmarks/editor.sh [COUNT] [OUT]      (defaults: 50000 exhibits in /tmp/captions-editor-bench)
#
# Needs wrk (Debian package) and python3. Builds captions-editor in release mode unless
# EDITOR_BIN names a binary. GLOSSARY=FILE copies FILE to the collection's glossary.yml (one
# from gen_glossary.py: the live check and the background check then match its terms too).
# Prints a Markdown table (and writes it to OUT/editor-results.md).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
COUNT="${1:-50000}"
OUT="${2:-/tmp/captions-editor-bench}"
DURATION="${DURATION:-10s}"
command -v wrk >/dev/null || { echo "editor.sh: wrk is missing (apt-get install wrk)" >&2; exit 2; }

if [ -z "${EDITOR_BIN:-}" ]; then
  (cd "$REPO" && swift build -c release --product captions-editor >&2)
  EDITOR_BIN="$REPO/.build/release/captions-editor"
fi
if [ ! -f "$OUT/Captions/captions.yml" ]; then
  python3 "$HERE/gen_corpus.py" --count "$COUNT" --out "$OUT" --no-po --force --quiet
fi
[ -z "${GLOSSARY:-}" ] || cp "$GLOSSARY" "$OUT/Captions/glossary.yml"
GLOSSARY_ENTRIES="$(grep -c '^- ' "$OUT/Captions/glossary.yml" 2>/dev/null || true)"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
START_NS="$(date +%s%N)"
"$EDITOR_BIN" "$OUT/Captions" --port "$PORT" > "$OUT/editor.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$BASE/"; do sleep 0.02; done
STARTUP_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
# The whole-collection check and the search texts are built in the background after start-up;
# the figures below are taken once they are ready (the collection page says "checking…" before).
until page="$(curl -sf "$BASE/")" && [[ "$page" != *'class="pending"'* ]]; do sleep 0.1; done
COUNTS_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
sleep 2

FIRST="$(find "$OUT/Captions" -name '*.yml' ! -name captions.yml | sort | sed -n 1p)"
ID="$(sed -n 's/^id: //p' "$FIRST")"

# A session: the cookie one exhibit page sets and the form token (CSRF) that page carries. The
# token is signed for that cookie (good with it for 7 days, until the editor restarts); the
# editor keeps nothing of a session without a password, so one page is all it takes.
session() {
  JAR="$OUT/cookies.txt"
  curl -s -c "$JAR" "$BASE/exhibits/$ID" > "$OUT/exhibit.html"
  TOKEN="$(sed -n 's/.*name="csrf-token" content="\([0-9a-f]*\)".*/\1/p' "$OUT/exhibit.html")"
  SESSION="$(awk '$6=="captions_session" {print $7}' "$JAR")"
}
write_check_script() {
cat > "$OUT/check.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "captions_session=$SESSION"
wrk.headers["X-CSRF-Token"] = "$TOKEN"
wrk.headers["Origin"] = "$BASE"
wrk.body = "title.en=A+draft+title+typed+in+the+editor&text.kk=%D0%9C%D3%99%D1%82%D1%96%D0%BD"
LUA
}

# wrk's latency distribution: "50%" and "99%" lines, in ms; requests/s; errors.
run_wrk() {  # name, connections, url, [script]
  local name="$1" connections="$2" url="$3" script="${4:-}"
  local args=(-t2 -c"$connections" -d"$DURATION" --latency)
  [ -n "$script" ] && args+=(-s "$script")
  wrk "${args[@]}" "$url" > "$OUT/wrk-$name.txt"
  python3 - "$OUT/wrk-$name.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
errors = "0"
if "Non-2xx" in text or "Socket errors" in text:
    errors = " ".join(l.strip() for l in text.splitlines() if "Non-2xx" in l or "Socket errors" in l)
print(f"{ms('50%'):.2f}|{ms('99%'):.2f}|{float(rps):.0f}|{errors}")
PY
}

COLLECTION="$(run_wrk collection 4 "$BASE/?page=7")"
SEARCH="$(run_wrk search 4 "$BASE/?missing=kk&page=3")"
TEXT_SEARCH="$(run_wrk text-search 4 "$BASE/?q=%D0%A1%D3%98%D0%A3%D0%9A%D0%95%D0%9B%D0%95")"
EXHIBIT="$(run_wrk exhibit 4 "$BASE/exhibits/$ID")"
session
write_check_script
CHECK="$(run_wrk check 4 "$BASE/exhibits/$ID/check" "$OUT/check.lua")"

# Saves, one after another (each reads the page untimed for the file's digest), then again
# while wrk keeps 50 readers busy on exhibit pages.
cat > "$OUT/save.py" <<'PY'
import re, statistics, sys, time, urllib.parse, urllib.request
base, session, token, exhibit, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args): return None
opener = urllib.request.build_opener(NoRedirect)
headers = {"Cookie": f"captions_session={session}", "Origin": base}
times, failures = [], []
for i in range(count):
    page = opener.open(urllib.request.Request(f"{base}/exhibits/{exhibit}", headers=headers)).read().decode()
    digest = re.search(r'name="_digest" value="([0-9a-f]+)"', page).group(1)
    body = urllib.parse.urlencode({"_csrf": token, "_digest": digest, "_action": "save",
                                   "title.en": f"Benchmark title {i}"}).encode()
    request = urllib.request.Request(f"{base}/exhibits/{exhibit}", data=body, headers=headers)
    started = time.perf_counter()
    try:
        # A 2xx here means no redirect: the save did not go through (a refusal page).
        failures.append(opener.open(request).status)
    except urllib.error.HTTPError as answer:
        if answer.code != 303: failures.append(answer.code)
    times.append((time.perf_counter() - started) * 1000)
times.sort()
p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
# How many did not go through, and their statuses, so that a failure says what it was.
statuses = f" ({', '.join(str(code) for code in failures)})" if failures else ""
print(f"{statistics.median(times):.2f}|{p99:.2f}|{len(failures)}{statuses}")
PY
SAVE="$(python3 "$OUT/save.py" "$BASE" "$SESSION" "$TOKEN" "$ID" 200)"
wrk -t2 -c50 -d"$DURATION" --latency "$BASE/exhibits/$ID" > "$OUT/wrk-readers.txt" &
WRK=$!
SAVE_UNDER_LOAD="$(python3 "$OUT/save.py" "$BASE" "$SESSION" "$TOKEN" "$ID" 100)"
wait $WRK
READERS_ERRORS="$(grep -E 'Non-2xx|Socket errors' "$OUT/wrk-readers.txt" || echo none)"
READERS_P99="$(sed -n 's/^ *99% *//p' "$OUT/wrk-readers.txt")"
RSS_MB=$(( $(awk '/VmHWM/ {print $2}' /proc/$PID/status) / 1024 ))

field() { echo "$1" | cut -d'|' -f"$2"; }
row() {  # label, wrk figures
  echo "| $1 | $(field "$2" 1) ms | $(field "$2" 2) ms | $(field "$2" 3) req/s, errors: $(field "$2" 4) |"
}
{
  echo "Load averages (1, 5, 15 min): before $LOAD_BEFORE; after $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Glossary: ${GLOSSARY_ENTRIES:-0} entries."
  echo
  echo "| measurement ($COUNT exhibits) | median | p99 | other |"
  echo "| --- | --- | --- | --- |"
  echo "| start-up: collection loaded, first page served | | | ${STARTUP_MS} ms |"
  echo "| background: whole-collection check done (error counts shown) | | | ${COUNTS_MS} ms |"
  row "collection page (?page=7), 4 connections" "$COLLECTION"
  row "collection filtered (missing kk, page 3)" "$SEARCH"
  row "search over every text (?q=СӘУКЕЛЕ, any case)" "$TEXT_SEARCH"
  row "exhibit page, 4 connections" "$EXHIBIT"
  row "live check of a draft, 4 connections" "$CHECK"
  echo "| save (200 in a row) | $(field "$SAVE" 1) ms | $(field "$SAVE" 2) ms | failed: $(field "$SAVE" 3) |"
  echo "| save while 50 clients read exhibit pages | $(field "$SAVE_UNDER_LOAD" 1) ms |" \
    "$(field "$SAVE_UNDER_LOAD" 2) ms | failed saves: $(field "$SAVE_UNDER_LOAD" 3);" \
    "readers' p99 ${READERS_P99}, reader errors: ${READERS_ERRORS} |"
  echo "| peak memory (VmHWM) | | | ${RSS_MB} MB |"
} | tee "$OUT/editor-results.md"
