#!/bin/sh
# `make leakcheck`: valgrind (memcheck, --leak-check=full) over
#   1. the conformance runner, library only (every case of tests/conformance);
#   2. the CLI over the texts of the conformance cases (fixture and bundled
#      dictionaries, TSV and JSON Lines, with --explain and --keep-hedged);
#   3. the CLI on the example story and the seed story, bundled and Phoenix
#      dictionaries;
#   4. the CLI on a slice of agnews (LEAK_STORIES lines, default 200) with
#      -j 1 and -j 2, bundled and Phoenix;
#   5. `dyad validate` on the small suites of tests/data/validate.
# Any memory error or definite/indirect/possible leak fails the run
# (--error-exitcode); the shared data runs are skipped, saying why, when
# ../shared is absent. Prints one line per run and a summary.
#
# Usage: tests/leakcheck.sh BUILD_DIR
BUILD=${1:-build}
DYAD=$BUILD/dyad
CONF=$BUILD/tests/conformance
N=${LEAK_STORIES:-200}
if ! command -v valgrind >/dev/null 2>&1; then
  echo "leakcheck: valgrind is not installed (Debian package valgrind)" >&2
  exit 2
fi
for b in "$DYAD" "$CONF"; do
  if [ ! -x "$b" ]; then
    echo "leakcheck: no $b (run: make leakcheck)" >&2
    exit 2
  fi
done
T=$(mktemp -d) || exit 3
trap 'rm -rf "$T"' EXIT
VG="valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 --track-origins=yes"

shared=${DYAD_SHARED:-}
if [ -z "$shared" ]; then
  for d in ../shared ../../shared; do
    if [ -d "$d/inputs" ]; then shared=$d; break; fi
  done
fi
PHOENIX=${shared:+$shared/reference/petrarch2/PETR_config.ini}
[ -n "$PHOENIX" ] && [ ! -f "$PHOENIX" ] && PHOENIX=""

runs=0
fails=0
# run NAME CMD...: runs CMD under valgrind, output in $T/NAME.log
run() {
  name=$1
  shift
  runs=$((runs + 1))
  $VG --log-file="$T/$name.vg" "$@" >"$T/$name.out" 2>"$T/$name.err"
  rc=$?
  if [ "$rc" -eq 99 ] || [ -s "$T/$name.vg" ]; then
    fails=$((fails + 1))
    echo "leakcheck: FAIL $name (exit $rc)"
    sed 's/^/  /' "$T/$name.vg" | head -n 60
  elif [ "$rc" -ge 2 ]; then
    fails=$((fails + 1))
    echo "leakcheck: FAIL $name: exit $rc"
    tail -n 5 "$T/$name.err" | sed 's/^/  /'
  else
    echo "leakcheck: ok $name"
  fi
}

# 1. the library, through the conformance runner
run conformance-lib "$CONF" tests/conformance/*.txt

# 2. the conformance texts through the CLI (one file per case)
mkdir -p "$T/conf"
awk -v dir="$T/conf" '
  /^=== / { id = $2; sub(/:.*/, "", id); inblk = 0; next }
  /^--- text$/ { inblk = 1; out = dir "/" id ".txt"; printf "" > out; next }
  /^--- / { if (inblk) close(out); inblk = 0; next }
  inblk { print >> out }
' tests/conformance/*.txt
run cli-conf-fixture "$DYAD" code -q --dict tests/data/conformance/conf.ini \
  --default-date 2023-07-01 --input-format text "$T/conf"
run cli-conf-bundled-jsonl "$DYAD" code -q --format jsonl --keep-hedged \
  --explain --input-format text "$T/conf"
run cli-conf-tabari "$DYAD" code -q --profile tabari --explain \
  --dict tests/data/conformance/conf.ini --input-format text "$T/conf"

# 3. the example story and the seed story
run cli-example "$DYAD" code -q examples/mali-2023-07-01.txt
SEED=${shared:+$shared/inputs/000_6835885b00529384.txt}
if [ -n "$SEED" ] && [ -f "$SEED" ]; then
  run cli-seed-bundled "$DYAD" code -q --format jsonl "$SEED"
  [ -n "$PHOENIX" ] && run cli-seed-phoenix "$DYAD" code -q --dict "$PHOENIX" "$SEED"
else
  echo "leakcheck: SKIP seed story: not found (set DYAD_SHARED)"
fi

# 4. a slice of agnews
AG=${shared:+$shared/inputs/agnews/world-test.jsonl}
if [ -n "$AG" ] && [ -f "$AG" ]; then
  head -n "$N" "$AG" >"$T/agnews.jsonl"
  run cli-agnews-bundled "$DYAD" code -q "$T/agnews.jsonl"
  run cli-agnews-bundled-j2 "$DYAD" code -q -j 2 --format jsonl "$T/agnews.jsonl"
  [ -n "$PHOENIX" ] && run cli-agnews-phoenix "$DYAD" code -q -j 2 --dict "$PHOENIX" "$T/agnews.jsonl"
else
  echo "leakcheck: SKIP agnews: not found (set DYAD_SHARED)"
fi

# 5. the small validation suites
for s in tests/data/validate/tabari/mini.project tests/data/validate/petrarch2/mini.xml; do
  [ -f "$s" ] || continue
  run "validate-$(basename "$s")" "$DYAD" validate "$s"
done

echo "leakcheck: $runs runs, $fails failed"
[ "$fails" -eq 0 ]
