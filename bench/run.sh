#!/bin/sh
# `make bench`: speed and memory of dyad on one core.
#
#   corpus   ../shared/inputs/agnews/world-test.jsonl, repeated in memory to
#            BENCH_MB megabytes (default 50; repeated stories get distinct
#            ids), read and coded BENCH_RUNS times (default 3; medians)
#   dicts    the Phoenix set (../shared/reference/petrarch2/PETR_config.ini)
#            and the bundled set (dict/dyad.ini)
#   suites   TABARI Validate.project and PETR.UnitTest.records.xml, opened
#            and run end to end (records/s)
#   CLI      `dyad code -j 1` and `-j 2` over the same corpus written to a
#            file (wall time, speedup, peak RSS from /usr/bin/time -v)
#
# Prints a table, checks the floors (>= 100,000 sentences/s, load < 0.5 s,
# peak RSS < 200 MB: reported, not enforced) and appends one row per
# dictionary set to bench/RESULTS.md with the commit id and the date.
# Skips, saying why, when the shared data is absent.
#
# Usage: bench/run.sh BUILD_DIR   (BENCH_NO_RECORD=1: do not append a row)
set -u
BUILD=${1:-build}
BENCH=$BUILD/bench/bench
DYAD=$BUILD/dyad
MB=${BENCH_MB:-50}
RUNS=${BENCH_RUNS:-3}
LOADRUNS=${BENCH_LOAD_RUNS:-5}
RESULTS=bench/RESULTS.md

shared=${DYAD_SHARED:-}
if [ -z "$shared" ]; then
  for d in ../shared ../../shared; do
    if [ -d "$d/inputs" ]; then shared=$d; break; fi
  done
fi
CORPUS=${shared:+$shared/inputs/agnews/world-test.jsonl}
PHOENIX=${shared:+$shared/reference/petrarch2/PETR_config.ini}
if [ -z "$shared" ] || [ ! -f "$CORPUS" ]; then
  echo "bench: SKIP: the shared corpus (../shared/inputs/agnews/world-test.jsonl) is absent; set DYAD_SHARED"
  exit 0
fi
if [ ! -x "$BENCH" ] || [ ! -x "$DYAD" ]; then
  echo "bench: no $BENCH or $DYAD (run: make bench)" >&2
  exit 2
fi

# One core: pin to the first CPU we may run on when taskset is there.
PIN=""
if command -v taskset >/dev/null 2>&1; then
  cpu=$(taskset -pc $$ 2>/dev/null | sed 's/.*: *//; s/[,-].*//')
  [ -n "$cpu" ] && PIN="taskset -c $cpu"
fi

T=$(mktemp -d) || exit 3
trap 'rm -rf "$T"' EXIT

# get FILE KEY: the value of "KEY value" in FILE
get() { sed -n "s/^$2 //p" "$1" | head -n 1; }

status=0
floors=""
run_code() { # NAME DICT OUT
  echo "bench: coding $MB MB with the $1 dictionaries ($RUNS runs)..." >&2
  if ! $PIN "$BENCH" code "$2" "$CORPUS" -m "$MB" -n "$RUNS" -l "$LOADRUNS" >"$3"; then
    echo "bench: the $1 run failed" >&2
    status=1
    return 1
  fi
}

have_phx=0
if [ -f "$PHOENIX" ]; then
  run_code Phoenix "$PHOENIX" "$T/phx" && have_phx=1
else
  echo "bench: SKIP Phoenix: $PHOENIX not found" >&2
fi
run_code bundled dict/dyad.ini "$T/bun" || true

suite() { # NAME PATH OUT
  if [ -f "$2" ]; then
    echo "bench: suite $1..." >&2
    $PIN "$BENCH" suite "$2" -n "$RUNS" >"$3" || { status=1; : >"$3"; }
  else
    echo "bench: SKIP suite $1: $2 not found" >&2
    : >"$3"
  fi
}
suite TABARI "$shared/reference/tabari/Validate.project" "$T/tab"
suite PETRARCH "$shared/reference/petrarch2/PETR.UnitTest.records.xml" "$T/petr"

# The CLI over the same corpus written to a file, -j 1 and -j 2.
cli_dict=${PHOENIX:-dict/dyad.ini}
[ -f "$cli_dict" ] || cli_dict=dict/dyad.ini
"$BENCH" corpus "$CORPUS" "$T/corpus.jsonl" -m "$MB" >/dev/null || status=1
cli() { # JOBS: prints "median_seconds peak_rss_kb"
  i=0
  : >"$T/times"
  rss=0
  while [ $i -lt "$RUNS" ]; do
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -v -o "$T/tv" "$DYAD" code -q -j "$1" --dict "$cli_dict" \
        --input-format jsonl "$T/corpus.jsonl" >/dev/null 2>"$T/cli.err"
      r=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/tv")
      [ "${r:-0}" -gt "$rss" ] && rss=$r
    fi
    s=$(date +%s.%N)
    "$DYAD" code -q -j "$1" --dict "$cli_dict" --input-format jsonl \
      "$T/corpus.jsonl" >/dev/null 2>"$T/cli.err"
    e=$(date +%s.%N)
    echo "$s $e" | awk '{printf "%.3f\n", $2 - $1}' >>"$T/times"
    i=$((i + 1))
  done
  t=$(sort -n "$T/times" | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')
  echo "$t $rss"
}
echo "bench: CLI -j 1 and -j 2 ($RUNS runs each)..." >&2
set -- $(cli 1)
cli1=$1 cli1_rss=$2
set -- $(cli 2)
cli2=$1 cli2_rss=$2
speedup=$(echo "$cli1 $cli2" | awk '{ if ($2 > 0) printf "%.2f", $1 / $2; else print "-" }')
cli_mbs=$(echo "$cli1 $(get "$T/phx" corpus_mb)" | awk '{ if ($1 > 0) printf "%.1f", $2 / $1 }')

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if ! git diff --quiet HEAD -- src include cli 2>/dev/null; then
  commit="$commit+"
fi
today=$(date -u +%Y-%m-%d)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)

# ---- the table ------------------------------------------------------------
printf '\ndyad bench  %s  commit %s  %s, one core, %s MB of agnews (%s runs, medians)\n\n' \
  "$today" "$commit" "${cpu:-unknown cpu}" "$(get "$T/bun" corpus_mb)" "$RUNS"
printf '%-10s %12s %10s %8s %9s %10s %10s %9s\n' dicts "sentences/s" "stories/s" "MB/s" "load ms" "RSS MB" "events/st" "code-only"
row() { # NAME FILE
  [ -s "$2" ] || return 0
  printf '%-10s %12s %10s %8s %9s %10s %10s %9s\n' "$1" \
    "$(get "$2" sentences_per_s)" "$(get "$2" stories_per_s)" \
    "$(get "$2" mb_per_s)" "$(get "$2" load_ms)" "$(get "$2" peak_rss_mb)" \
    "$(get "$2" events_per_story)" "$(get "$2" code_only_sentences_per_s)"
}
[ $have_phx = 1 ] && row Phoenix "$T/phx"
row bundled "$T/bun"
printf '\n(RSS MB: peak of the bench process, which also holds the %s MB corpus and\n the reader'"'"'s copy of it; after loading the dictionaries alone: Phoenix %s MB, bundled %s MB)\n' \
  "$(get "$T/bun" corpus_mb)" "$(get "$T/phx" rss_after_load_mb)" "$(get "$T/bun" rss_after_load_mb)"

printf '\n%-34s %8s %8s %9s %9s %10s\n' suite records passed "open ms" "run ms" "records/s"
for f in tab petr; do
  [ -s "$T/$f" ] || continue
  printf '%-34s %8s %8s %9s %9s %10s\n' "$(basename "$(get "$T/$f" suite)")" \
    "$(get "$T/$f" records)" "$(get "$T/$f" passed)" "$(get "$T/$f" open_ms)" \
    "$(get "$T/$f" run_ms)" "$(get "$T/$f" records_per_s)"
done

printf '\nCLI (dyad code, %s): -j 1 %ss (%s MB/s, peak RSS %s MB), -j 2 %ss (peak RSS %s MB): speedup %s on %s cores\n' \
  "$(basename "$cli_dict")" "$cli1" "${cli_mbs:--}" "$((cli1_rss / 1024))" \
  "$cli2" "$((cli2_rss / 1024))" "$speedup" "$(nproc 2>/dev/null || echo '?')"

# ---- floors (reported, not enforced) ----------------------------------------
floor() { # NAME FILE
  [ -s "$2" ] || return 0
  s=$(get "$2" sentences_per_s)
  l=$(get "$2" load_ms)
  r=$(get "$2" peak_rss_mb)
  [ "${s%.*}" -lt 100000 ] && floors="$floors\n  $1: $s sentences/s is below the 100,000 floor"
  awk -v l="$l" 'BEGIN { exit !(l >= 500) }' && floors="$floors\n  $1: dictionary load $l ms is not under 500 ms"
  awk -v r="$r" 'BEGIN { exit !(r >= 200) }' && floors="$floors\n  $1: peak RSS $r MB is not under 200 MB"
  return 0
}
[ $have_phx = 1 ] && floor Phoenix "$T/phx"
floor bundled "$T/bun"
[ $((cli1_rss / 1024)) -ge 200 ] && floors="$floors\n  CLI: peak RSS $((cli1_rss / 1024)) MB is not under 200 MB"
if [ -n "$floors" ]; then
  printf '\nfloors missed (profile with perf or valgrind --tool=callgrind):%b\n' "$floors"
else
  printf '\nfloors: all met (>= 100,000 sentences/s, load < 0.5 s, RSS < 200 MB)\n'
fi

# ---- bench/RESULTS.md ---------------------------------------------------------
if [ "${BENCH_NO_RECORD:-0}" != 1 ]; then
  if [ ! -f "$RESULTS" ]; then
    cat >"$RESULTS" <<'EOF'
# Benchmark results

One row per dictionary set per `make bench` (bench/run.sh): one core, the
agnews World test split repeated to 50 MB, read (JSON Lines) and coded in
memory; medians of 3 runs. RSS is the peak of the bench process (it holds
the corpus twice). Suites: records/s of `dyad_suite_run` on TABARI's
Validate.project and PETRARCH's PETR.UnitTest.records.xml. CLI: `dyad code`
on the same corpus as a file (Phoenix dictionaries), speedup of -j 2 over
-j 1. A `+` after the commit: the tree had uncommitted changes.

| date | commit | cpu | dicts | sentences/s | stories/s | MB/s | load ms | RSS MB | events/story | TABARI rec/s | PETRARCH rec/s | CLI -j2 speedup |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
EOF
  fi
  rec() { # NAME FILE
    [ -s "$2" ] || return 0
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
      "$today" "$commit" "${cpu:-?}" "$1" "$(get "$2" sentences_per_s)" \
      "$(get "$2" stories_per_s)" "$(get "$2" mb_per_s)" "$(get "$2" load_ms)" \
      "$(get "$2" peak_rss_mb)" "$(get "$2" events_per_story)" \
      "$(get "$T/tab" records_per_s)" "$(get "$T/petr" records_per_s)" \
      "$speedup" >>"$RESULTS"
  }
  [ $have_phx = 1 ] && rec Phoenix "$T/phx"
  rec bundled "$T/bun"
  echo "bench: rows appended to $RESULTS"
fi
exit $status
