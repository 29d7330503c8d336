#!/bin/sh
# `make bench-store`: the event store (docs/store.md) on the agnews stories.
#
#   ingest   the agnews World test split repeated STORE_COPIES times
#            (default 20) under new ids and story dates, written to a file;
#            `dyad code -q FILE >/dev/null` against `dyad ingest -q --db`
#            into a new store, with -j 1 and -j 2; medians of STORE_RUNS
#            runs (default 3) of wall time, and the CPU time (user + sys)
#            of the same runs; ratio = ingest / code
#   size     bytes of that store per million events
#   queries  a store of at least STORE_MIN_EVENTS events (default
#            1,000,000), ingested from the stories repeated under new ids
#            and dates (generated on the fly into `dyad ingest -`, never
#            written out); wall time of each query, series and export to
#            /dev/null, median of STORE_RUNS runs
#
# Prints a table and appends one row to bench/RESULTS.md (the "Store"
# table) with the commit and the date. Skips, saying why, when the shared
# corpus is absent. The generated store lives in a temporary directory
# (STORE_KEEP=DIR keeps it there).
#
# Usage: bench/store.sh BUILD_DIR   (BENCH_NO_RECORD=1: do not append a row)
set -u
BUILD=${1:-build}
DYAD=$BUILD/dyad
COPIES=${STORE_COPIES:-20}
RUNS=${STORE_RUNS:-3}
MIN_EVENTS=${STORE_MIN_EVENTS:-1000000}
RESULTS=bench/RESULTS.md

shared=${DYAD_SHARED:-}
if [ -z "$shared" ]; then
  for d in ../shared ../../shared; do
    if [ -d "$d/inputs" ]; then shared=$d; break; fi
  done
fi
CORPUS=${shared:+$shared/inputs/agnews/world-test.jsonl}
if [ -z "$shared" ] || [ ! -f "$CORPUS" ]; then
  echo "bench-store: SKIP: the shared corpus (../shared/inputs/agnews/world-test.jsonl) is absent; set DYAD_SHARED"
  exit 0
fi
if [ ! -x "$DYAD" ]; then
  echo "bench-store: no $DYAD (run: make bench-store)" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench-store: SKIP: no /usr/bin/time (Debian package time)"
  exit 0
fi
T=${STORE_KEEP:-$(mktemp -d)} || exit 3
mkdir -p "$T"
[ -n "${STORE_KEEP:-}" ] || trap 'rm -rf "$T"' EXIT

# gen COPIES FIRST: the corpus COPIES times, copy k with ids "kK-..." and
# story dates from 2004-01-01 on, 170 stories a day (a copy spans about 11
# days, so a story and its next copy are no reports of one event)
gen() {
  python3 - "$CORPUS" "$1" "$2" <<'PY'
import datetime, json, sys
src = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
copies, first = int(sys.argv[2]), int(sys.argv[3])
d0 = datetime.date(2004, 1, 1)
out = sys.stdout
n = first * len(src)
for k in range(first, first + copies):
    for r in src:
        r2 = dict(r)
        r2["id"] = "k%d-%s" % (k, r["id"])
        r2["date"] = (d0 + datetime.timedelta(days=n // 170)).isoformat()
        out.write(json.dumps(r2) + "\n")
        n += 1
PY
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# timed NAME CMD...: appends "wall cpu" of one run to $T/NAME
timed() {
  name=$1
  shift
  /usr/bin/time -f '%e %U %S' -o "$T/t" "$@" >/dev/null 2>"$T/err" || {
    echo "bench-store: failed: $*" >&2
    cat "$T/err" >&2
    exit 1
  }
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$T/t" >>"$T/$name"
}

gen "$COPIES" 0 >"$T/corpus.jsonl"
stories=$(wc -l <"$T/corpus.jsonl" | tr -d ' ')
for j in 1 2; do
  : >"$T/code$j"
  : >"$T/ingest$j"
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    timed "code$j" "$DYAD" code -q -j "$j" "$T/corpus.jsonl"
    rm -f "$T/run.db" "$T/run.db-wal" "$T/run.db-shm"
    timed "ingest$j" "$DYAD" ingest -q -j "$j" --db "$T/run.db" "$T/corpus.jsonl"
    i=$((i + 1))
  done
done
events=$(sqlite3 "$T/run.db" 'SELECT count(*) FROM events')
clusters=$(sqlite3 "$T/run.db" 'SELECT count(*) FROM clusters')
bytes=$(wc -c <"$T/run.db" | tr -d ' ')
col() { awk -v c="$1" '{print $c}' "$T/$2" | median; }
cw1=$(col 1 code1); cc1=$(col 2 code1); iw1=$(col 1 ingest1); ic1=$(col 2 ingest1)
cw2=$(col 1 code2); cc2=$(col 2 code2); iw2=$(col 1 ingest2); ic2=$(col 2 ingest2)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN {printf "%.0f", (t > 0) ? n / t : 0}'; }

# ---- a store of a million events ---------------------------------------------
big=$T/big.db
per=$(awk -v e="$events" -v s="$stories" 'BEGIN {printf "%.4f", e / s}')
need=$(awk -v m="$MIN_EVENTS" -v p="$per" -v c="$COPIES" -v s="$stories" \
  'BEGIN {n = int(m / (p * s / c)) + 1; printf "%d", n + n / 50 + 1}')
if [ ! -f "$big" ]; then
  gen "$need" 0 | /usr/bin/time -f '%e %U %S' -o "$T/tbig" \
    "$DYAD" ingest -q -j 2 --db "$big" - 2>"$T/err" || { cat "$T/err" >&2; exit 1; }
fi
big_events=$(sqlite3 "$big" 'SELECT count(*) FROM events')
big_clusters=$(sqlite3 "$big" 'SELECT count(*) FROM clusters')
big_stories=$(sqlite3 "$big" 'SELECT count(*) FROM stories')
big_bytes=$(wc -c <"$big" | tr -d ' ')
big_wall=$(awk '{print $1}' "$T/tbig" 2>/dev/null || echo "")

# lat NAME ARGS...: median wall ms of `dyad ARGS --db BIG` to /dev/null,
# and the lines it writes
: >"$T/lat"
lat() {
  lname=$1
  shift
  : >"$T/q"
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    t0=$(date +%s.%N)
    "$DYAD" "$@" --db "$big" >/dev/null 2>"$T/err" || { cat "$T/err" >&2; exit 1; }
    t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{printf "%.1f\n", ($2 - $1) * 1000}' >>"$T/q"
    i=$((i + 1))
  done
  rows=$("$DYAD" "$@" --db "$big" | wc -l | tr -d ' ')
  ms=$(median <"$T/q")
  printf '%-58s %8s ms %8s lines\n' "$lname" "$ms" "$rows"
  printf '%s: %s ms (%s lines)\n' "$lname" "$ms" "$rows" >>"$T/lat"
}

today=$(date -u +%Y-%m-%d)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit+"
fi
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null | sed 's/ *(R)//g; s/ Processor.*//; s/ [0-9]*-Core.*//')
load=$(awk '{print $1}' /proc/loadavg 2>/dev/null)

printf '\ndyad bench-store  %s  commit %s  %s (load %s), %s stories (%s events, %s clusters), %s runs, medians\n\n' \
  "$today" "$commit" "${cpu:-unknown cpu}" "${load:-?}" "$stories" "$events" "$clusters" "$RUNS"
printf '%-10s %12s %12s %12s %12s %10s %10s\n' "" "code wall s" "ingest wall s" "ratio wall" "ratio cpu" "stories/s" "events/s"
for j in 1 2; do
  eval "cw=\$cw$j; iw=\$iw$j; cc=\$cc$j; ic=\$ic$j"
  printf '%-10s %12s %12s %12s %12s %10s %10s\n' "-j $j" "$cw" "$iw" "$(ratio "$iw" "$cw")" \
    "$(ratio "$ic" "$cc")" "$(rate "$stories" "$iw")" "$(rate "$events" "$iw")"
done
mbm=$(awk -v b="$bytes" -v e="$events" 'BEGIN {printf "%.0f", b / e}')
bmbm=$(awk -v b="$big_bytes" -v e="$big_events" 'BEGIN {printf "%.0f", b / e}')
printf '\nstore size: %s bytes for %s events = %s MB per million events\n' "$bytes" "$events" "$mbm"
printf 'large store: %s stories, %s events, %s clusters, %s bytes = %s MB per million events; ingested (-j 2) in %s s\n\n' \
  "$big_stories" "$big_events" "$big_clusters" "$big_bytes" "$bmbm" "$big_wall"

lat "query --dyad USA,IRQ" query --dyad USA,IRQ
lat "query --dyad USA,IRQ --raw --format jsonl" query --dyad USA,IRQ --raw --format jsonl
lat "query --source RUS --from 2010-01-01 --to 2010-12-31" query --source RUS --from 2010-01-01 --to 2010-12-31
lat "query --code 19 --from 2015-01-01 --to 2015-01-31" query --code 19 --from 2015-01-01 --to 2015-01-31
lat "query --target PSE" query --target PSE
lat "query --from 2012-06-01 --to 2012-06-07 --raw" query --from 2012-06-01 --to 2012-06-07 --raw
lat "series --dyad USA,IRQ --by month" series --dyad USA,IRQ --by month
lat "series --source USA --by week --measure quad" series --source USA --by week --measure quad
lat "series --by day --measure goldstein (all events)" series --by day --measure goldstein
lat "export --format gdelt --from 2020-01-01 --to 2020-01-31" export --format gdelt --from 2020-01-01 --to 2020-01-31
lat "export --format phoenix --dyad ISR,PSE" export --format phoenix --dyad ISR,PSE

if [ -z "${BENCH_NO_RECORD:-}" ]; then
  lats=$(sed 's/|/\\|/g' "$T/lat" | paste -sd ';' | sed 's/;/; /g')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s | %s / %s | %s, %s | %s (large: %s) | %s / %s / %s | %s |\n' \
    "$today" "$commit" "${cpu:-?}" "${load:-?}" "$stories" "$events" "$cw1" "$iw1" \
    "$(ratio "$iw1" "$cw1")" "$(ratio "$ic1" "$cc1")" "$cw2" "$iw2" "$(ratio "$iw2" "$cw2")" \
    "$(ratio "$ic2" "$cc2")" "$(rate "$stories" "$iw2")" "$(rate "$events" "$iw2")" "$mbm" "$bmbm" \
    "$big_stories" "$big_events" "$big_clusters" "$lats" >"$T/row"
  # the Store table sits before the coder's table, which bench/run.sh
  # appends to at the end of the file: the row goes after its last row
  python3 - "$RESULTS" "$T/row" <<'PY'
import sys
path, row = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
head = """## Store

One row per `make bench-store` (bench/store.sh): the agnews World test split repeated 20 times
under new ids and story dates (38,000 stories) coded by `dyad code -q FILE >/dev/null` and
ingested by `dyad ingest -q --db NEW FILE`; medians of 3 runs of wall time; ratio = ingest /
code, in wall time and in CPU time (user + sys), with -j 1 and -j 2; load = the machine's load
average when the run ended (2 cores, shared). Size: store bytes per million events. Latency:
wall ms (median of 3) of each command on a store of over a million events built the same way.

| date | commit | cpu | load | stories | events | code -j1 s | ingest -j1 s | ratio -j1 wall / cpu | code -j2 s | ingest -j2 s | ratio -j2 wall / cpu | ingest stories/s, events/s (-j2) | MB per M events | large store stories / events / clusters | latencies |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
"""
try:
    lines = open(path, encoding="utf-8").read().split("\n")
except FileNotFoundError:
    lines = ["# Benchmark results", ""]
if "## Store" not in lines:
    at = 1
    while at < len(lines) and lines[at].strip() == "":
        at += 1
    lines[at:at] = head.split("\n") + ["## Coder", ""]
start = lines.index("## Store")
i = start + 1
while i < len(lines) and not lines[i].startswith("|"):
    i += 1
while i < len(lines) and lines[i].startswith("|"):
    i += 1
lines.insert(i, row.rstrip("\n"))
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
  echo "bench-store: a row added to the Store table of $RESULTS"
fi
