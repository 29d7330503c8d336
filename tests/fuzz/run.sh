#!/bin/sh
# Runs the libFuzzer targets built by `make fuzz`, FUZZ_TIME seconds each
# (default 180), one process each, in turn. Each target's corpus starts from
# tests/fuzz/seeds/<name>/ and grows in FUZZDIR/corpus/<name>/; crashes go
# to FUZZDIR/artifacts/<name>/. Prints one summary line per target (runs,
# coverage, crashes) and exits non-zero when a target found a crash.
#
# Usage: tests/fuzz/run.sh FUZZDIR [TARGET...]   (TARGET: code, dict, ...)
FUZZDIR=${1:-build/fuzz}
shift 2>/dev/null
TIME=${FUZZ_TIME:-180}
targets="$*"
if [ -z "$targets" ]; then
  for b in "$FUZZDIR"/fuzz_*; do
    [ -x "$b" ] && targets="$targets ${b##*/fuzz_}"
  done
fi
# UBSan reports are fatal; FUZZ_UBSAN_SUPP may name a suppression file
# (known reports, to fuzz on past them until they are fixed).
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${FUZZ_UBSAN_SUPP:+:suppressions=$FUZZ_UBSAN_SUPP}"
export UBSAN_OPTIONS
status=0
for t in $targets; do
  bin=$FUZZDIR/fuzz_$t
  if [ ! -x "$bin" ]; then
    echo "fuzz: no $bin (run: make fuzz)"
    status=1
    continue
  fi
  corpus=$FUZZDIR/corpus/$t
  art=$FUZZDIR/artifacts/$t
  mkdir -p "$corpus" "$art"
  seeds=tests/fuzz/seeds/$t
  [ -d "$seeds" ] || seeds=""
  log=$FUZZDIR/fuzz_$t.log
  "$bin" "$corpus" $seeds -max_total_time="$TIME" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$art/" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
  crashes=$(ls "$art" 2>/dev/null | wc -l)
  echo "fuzz_$t: ${runs:-?} runs in ${TIME}s, ${cov:-cov: ?}, exit $rc, $crashes artifact(s) in $art (log $log)"
  [ "$rc" -eq 0 ] || status=1
done
exit $status
