#!/bin/sh
# `make bench-pathological`: time per MB of each pathological input of
# tests/pathological.py (scaled to at least 2 MB) against ordinary news text
# (the conformance stories, 2 MB of JSON Lines) coded the same way; the
# million-entry dictionary per MB against the bundled dictionaries. Best of
# BENCH_RUNS runs (default 3). Prints the table and appends it to
# bench/RESULTS.md with the commit and the date (BENCH_NO_RECORD=1: not).
#
# Usage: bench/pathological.sh BUILD_DIR
set -u
BUILD=${1:-build}
RESULTS=bench/RESULTS.md
if [ ! -x "$BUILD/dyad" ]; then
  echo "bench-pathological: no $BUILD/dyad (run: make)" >&2
  exit 2
fi
out=$(mktemp) || exit 3
trap 'rm -f "$out"' EXIT
python3 tests/pathological.py bench "$BUILD" --reps "${BENCH_RUNS:-3}" | tee "$out" || exit 1
[ -n "${BENCH_NO_RECORD:-}" ] && exit 0
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src cli 2>/dev/null || commit="$commit+"
cpu=$(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo 2>/dev/null | head -n 1 | cut -c1-30)
{
  echo
  echo "### Pathological inputs, $(date -u +%Y-%m-%d) $commit ($cpu)"
  echo
  grep '^pathological bench: ordinary' "$out"
  echo
  grep '^|' "$out"
  echo
  grep '^pathological bench: worst' "$out"
} >>"$RESULTS"
echo "bench-pathological: appended to $RESULTS"
