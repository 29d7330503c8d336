#!/bin/sh
# Runs every test: unit programs, then the conformance cases, the
# end-to-end scripts and the pathological inputs (tests/pathological.sh,
# about 10 s). Usage: tests/run-tests.sh BUILD_DIR
# RUN_WRAP: a command to run each test program under (tests/memcheck.sh
# gives valgrind); DYAD: the dyad command (default BUILD_DIR/dyad);
# CONF_NO_CLI=1: the conformance cases through the library only (memcheck
# runs the CLI over all their texts in a few processes instead).
# Exits non-zero when any test fails; prints one line per test program and a
# closing summary.
BUILD=${1:-build}
DYAD=${DYAD:-$BUILD/dyad}
export DYAD
export BUILD
pass=0
fail=0
failed=""
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  if $RUN_WRAP "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $(basename "$t")"; fi
done
# Conformance cases, through the library and the CLI (tests/conformance/).
if [ -x "$BUILD/tests/conformance" ]; then
  cli="--cli"
  [ -n "${CONF_NO_CLI:-}" ] && cli=""
  if $RUN_WRAP "$BUILD/tests/conformance" ${cli:+"$cli" "$DYAD"} \
    tests/conformance/*.txt; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); failed="$failed conformance"
  fi
else
  fail=$((fail + 1)); failed="$failed conformance(not built)"
fi
for t in tests/e2e/*.sh; do
  [ -f "$t" ] || continue
  if sh "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $(basename "$t")"; fi
done
# Pathological inputs under a time bound (tests/pathological.sh).
if sh tests/pathological.sh "$BUILD"; then
  pass=$((pass + 1))
else
  fail=$((fail + 1)); failed="$failed pathological.sh"
fi
echo "tests: $pass passed, $fail failed${failed:+ (failed:$failed)}"
[ "$fail" -eq 0 ]
