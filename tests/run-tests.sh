#!/bin/sh
# Runs every test: unit programs, then the conformance cases and the
# end-to-end scripts. Usage: tests/run-tests.sh BUILD_DIR
# Exits non-zero when any test fails; prints one line per test program and a
# closing summary.
BUILD=${1:-build}
export DYAD=$BUILD/dyad
export BUILD
pass=0
fail=0
failed=""
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $(basename "$t")"; fi
done
for t in tests/e2e/*.sh; do
  [ -f "$t" ] || continue
  if sh "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $(basename "$t")"; fi
done
echo "tests: $pass passed, $fail failed${failed:+ (failed:$failed)}"
[ "$fail" -eq 0 ]
