#!/bin/sh
# Runs every test: unit programs, then the conformance cases, the
# end-to-end scripts and the pathological inputs (tests/pathological.sh,
# about 10 s). Usage: tests/run-tests.sh BUILD_DIR
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
# Conformance cases, through the library and the CLI (tests/conformance/).
if [ -x "$BUILD/tests/conformance" ]; then
  if "$BUILD/tests/conformance" --cli "$BUILD/dyad" tests/conformance/*.txt; then
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
