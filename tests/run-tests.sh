#!/bin/sh
# Runs every test: unit programs, then the conformance cases, the
# end-to-end scripts and the pathological inputs (tests/pathological.sh,
# about 10 s). Usage: tests/run-tests.sh BUILD_DIR
# RUN_WRAP: a command to run each test program under (tests/memcheck.sh
# gives valgrind); DYAD: the dyad command (default BUILD_DIR/dyad);
# CONF_NO_CLI=1: the conformance cases through the library only (memcheck
# runs the CLI over all their texts in a few processes instead).
# Exits non-zero when any test fails; prints one line per test program and a
# closing summary: programs passed and failed, and how many SKIP lines they
# printed (a check or case not run, each saying why; most are the peers'
# data in ../shared being absent).
BUILD=${1:-build}
DYAD=${DYAD:-$BUILD/dyad}
export DYAD
export BUILD
pass=0
fail=0
failed=""
skipped=0
out=$(mktemp "${TMPDIR:-/tmp}/dyad-tests.XXXXXX")
trap 'rm -f "$out"' EXIT
# run NAME CMD...: runs a test, shows its output, counts it and its SKIPs.
run() {
  name=$1
  shift
  if "$@" >"$out" 2>&1; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $name"; fi
  cat "$out"
  skipped=$((skipped + $(grep -c 'SKIP' "$out")))
}
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  run "$(basename "$t")" $RUN_WRAP "$t"
done
# Conformance cases, through the library and the CLI (tests/conformance/).
if [ -x "$BUILD/tests/conformance" ]; then
  cli="--cli"
  [ -n "${CONF_NO_CLI:-}" ] && cli=""
  run conformance $RUN_WRAP "$BUILD/tests/conformance" ${cli:+"$cli" "$DYAD"} \
    tests/conformance/*.txt
else
  fail=$((fail + 1)); failed="$failed conformance(not built)"
fi
for t in tests/e2e/*.sh; do
  [ -f "$t" ] || continue
  run "$(basename "$t")" sh "$t"
done
# Pathological inputs under a time bound (tests/pathological.sh).
run pathological.sh sh tests/pathological.sh "$BUILD"
echo "tests: $pass passed, $fail failed${failed:+ (failed:$failed)}; $skipped SKIP line(s) above"
[ "$fail" -eq 0 ]
