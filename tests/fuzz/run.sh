#!/bin/sh
# Runs the libFuzzer targets built by `make fuzz`, one process each, in
# turn, each for FUZZ_TIME (or FUZZ_SECONDS) seconds (default 180) or until
# FUZZ_RUNS executions when that is set, whichever comes first. Each
# target's corpus starts from tests/fuzz/seeds/<name>/ and grows in
# FUZZDIR/corpus/<name>/; crashes go to FUZZDIR/artifacts/<name>/.
# FUZZ_MAX_LEN caps the input length (default 65536); FUZZ_FLAGS adds
# libFuzzer flags (e.g. -use_value_profile=1). Prints one summary line per
# target (executions from libFuzzer's final stats, wall seconds, coverage,
# crashes) and exits non-zero when a target found a crash.
#
# Usage: tests/fuzz/run.sh FUZZDIR [TARGET...]   (TARGET: code, dict, ...)
FUZZDIR=${1:-build/fuzz}
shift 2>/dev/null
TIME=${FUZZ_TIME:-${FUZZ_SECONDS:-180}}
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
  t0=$(date +%s)
  # shellcheck disable=SC2086
  "$bin" "$corpus" $seeds -max_total_time="$TIME" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} \
    -timeout=10 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-65536}" \
    -print_final_stats=1 $FUZZ_FLAGS -artifact_prefix="$art/" >"$log" 2>&1
  rc=$?
  t1=$(date +%s)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
  crashes=$(ls "$art" 2>/dev/null | wc -l)
  echo "fuzz_$t: ${runs:-?} runs in $((t1 - t0))s, ${cov:-cov: ?}, exit $rc, $crashes artifact(s) in $art (log $log)"
  [ "$rc" -eq 0 ] || status=1
done
exit $status
