#!/bin/sh
# What enrichment (event dates, locations, counts, PLOVER: src/enrich)
# costs: the bench corpus (../shared/inputs/agnews/world-test.jsonl,
# repeated to BENCH_MB megabytes, default 20) coded on one core with and
# without the enrich stage (bench code -e 1 / -e 0), medians of BENCH_RUNS
# runs (default 3), for the bundled and the Phoenix dictionaries; the
# dictionary load; and the first place lookup, which builds the gazetteer,
# with and without its libgeonames cities (-g 0). Prints the ratio coding+enrichment / coding alone (floor: 1.3)
# and appends one row per dictionary set to bench/RESULTS.md ("Enrichment
# cost"). Skips, saying why, when the shared corpus is absent.
#
# Usage: bench/enrich.sh BUILD_DIR   (BENCH_NO_RECORD=1: do not append)
set -u
BUILD=${1:-build}
BENCH=$BUILD/bench/bench
MB=${BENCH_MB:-20}
RUNS=${BENCH_RUNS:-3}
shared=${DYAD_SHARED:-../shared}
CORPUS=$shared/inputs/agnews/world-test.jsonl
PHOENIX=$shared/reference/petrarch2/PETR_config.ini
if [ ! -f "$CORPUS" ]; then
  echo "bench/enrich: SKIP: $CORPUS is absent; set DYAD_SHARED"
  exit 0
fi
[ -x "$BENCH" ] || { echo "bench/enrich: no $BENCH (run: make bench)" >&2; exit 2; }
PIN=""
if command -v taskset >/dev/null 2>&1; then
  cpu=$(taskset -pc $$ 2>/dev/null | sed 's/.*: *//; s/[,-].*//')
  [ -n "$cpu" ] && PIN="taskset -c $cpu"
fi
T=$(mktemp -d) || exit 3
trap 'rm -rf "$T"' EXIT
get() { sed -n "s/^$2 //p" "$1" | head -n 1; }
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src include cli 2>/dev/null || commit="$commit+"
today=$(date -u +%Y-%m-%d)
printf '%-8s %14s %14s %7s %12s %12s %12s\n' dicts "enriched s/s" "coding s/s" ratio "load ms" "gazetteer ms" "no-geo ms"
for set in bundled Phoenix; do
  dict=dict/dyad.ini
  [ $set = Phoenix ] && dict=$PHOENIX
  [ -f "$dict" ] || { echo "bench/enrich: SKIP $set: $dict not found"; continue; }
  $PIN "$BENCH" code "$dict" "$CORPUS" -m "$MB" -n "$RUNS" -e 1 >"$T/on" || exit 1
  $PIN "$BENCH" code "$dict" "$CORPUS" -m "$MB" -n "$RUNS" -e 0 >"$T/off" || exit 1
  $PIN "$BENCH" code "$dict" "$CORPUS" -m 1 -n 1 -e 1 -g 0 >"$T/nogeo" || exit 1
  on=$(get "$T/on" sentences_per_s)
  off=$(get "$T/off" sentences_per_s)
  ratio=$(echo "$off $on" | awk '{ if ($2 > 0) printf "%.3f", $1 / $2 }')
  printf '%-8s %14s %14s %7s %12s %12s %12s\n' $set "$on" "$off" "$ratio" \
    "$(get "$T/on" load_ms)" "$(get "$T/on" first_place_ms)" \
    "$(get "$T/nogeo" first_place_ms)"
  awk -v r="$ratio" 'BEGIN { exit !(r > 1.3) }' &&
    echo "bench/enrich: $set: enrichment costs ${ratio}x coding alone, over the 1.3 floor"
  if [ "${BENCH_NO_RECORD:-0}" != 1 ]; then
    grep -q '^### Enrichment cost, gazetteer on first use' bench/RESULTS.md 2>/dev/null || cat >>bench/RESULTS.md <<'EOT'

### Enrichment cost, gazetteer on first use

From here the gazetteer is built when the first place is looked up, not
at load: load ms is the dictionaries alone; gazetteer ms is the time of
coding a first one-sentence story that names a place (the build), with the
libgeonames cities and, last column, without them.

| date | commit | dicts | sentences/s enriched | sentences/s coding alone | ratio | load ms | gazetteer ms | gazetteer ms without cities |
|---|---|---|---|---|---|---|---|---|
EOT
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$today" "$commit" $set \
      "$on" "$off" "$ratio" "$(get "$T/on" load_ms)" \
      "$(get "$T/on" first_place_ms)" "$(get "$T/nogeo" first_place_ms)" >>bench/RESULTS.md
  fi
done
