#!/bin/sh
# `make memcheck`: the whole test suite (tests/run-tests.sh: unit programs,
# conformance runner, end-to-end scripts, pathological inputs) with every
# test program and every `dyad` the scripts start run under valgrind
# memcheck (--leak-check=full). Any memory error or definite, indirect or
# possible leak in any process fails the run: each process writes its own
# valgrind log, and every log must be empty; the suite itself must pass
# too. So that the run stays in minutes (each dyad process costs seconds
# under valgrind): the pathological inputs are the --small ones (64 KiB, a
# 20,000-entry dictionary), coded in one run (PATHO_ONE_RUN); the
# conformance cases go through the library in one process and through the
# CLI as one directory of all their texts per dictionary set and profile
# (three processes, as tests/leakcheck.sh does) instead of one process per
# case; and the tests that read the peers' data in ../shared skip
# (MEMCHECK_SHARED=1 keeps them; `make leakcheck` runs the peers'
# dictionaries and stories under valgrind).
#
# Usage: tests/memcheck.sh BUILD_DIR   (prints the suite's output, then a
# summary of processes checked and logs with findings)
BUILD=${1:-build}
if ! command -v valgrind >/dev/null 2>&1; then
  echo "memcheck: valgrind is not installed (Debian package valgrind)" >&2
  exit 2
fi
T=$(mktemp -d) || exit 3
trap 'rm -rf "$T"' EXIT
ABS=$(cd "$BUILD" && pwd) || exit 2
mkdir "$T/logs"
cat >"$T/vg" <<EOF2
#!/bin/sh
exec valgrind --quiet --leak-check=full \\
  --show-leak-kinds=definite,indirect,possible \\
  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \\
  --log-file=$T/logs/%p.log "\$@"
EOF2
cat >"$T/dyad" <<EOF2
#!/bin/sh
exec $T/vg $ABS/dyad "\$@"
EOF2
chmod +x "$T/vg" "$T/dyad"
[ -n "${MEMCHECK_SHARED:-}" ] || DYAD_SHARED=$T/no-shared-data
export DYAD_SHARED
RUN_WRAP=$T/vg DYAD=$T/dyad PATHO_SMALL=1 PATHO_ONE_RUN=1 \
  PATHO_BOUND=${PATHO_BOUND:-600} CONF_NO_CLI=1 sh tests/run-tests.sh "$BUILD"
rc=$?
# the conformance texts through the CLI: fixture TSV, bundled JSON Lines
# with --explain and --keep-hedged, the TABARI profile
mkdir "$T/conf"
awk -v dir="$T/conf" '
  /^=== / { id = $2; sub(/:.*/, "", id); inblk = 0; next }
  /^--- text$/ { inblk = 1; out = dir "/" id ".txt"; printf "" > out; next }
  /^--- / { if (inblk) close(out); inblk = 0; next }
  inblk { print >> out }
' tests/conformance/*.txt
for args in "--dict tests/data/conformance/conf.ini --default-date 2023-07-01" \
  "--format jsonl --keep-hedged --explain" \
  "--profile tabari --explain --dict tests/data/conformance/conf.ini"; do
  # shellcheck disable=SC2086
  "$T/dyad" code -q $args --input-format text "$T/conf" >"$T/out" 2>"$T/err"
  st=$?
  # 1: some texts are rejected on purpose (the error cases)
  if [ "$st" -le 1 ]; then
    echo "memcheck: ok dyad code $args over $(ls "$T/conf" | wc -l) conformance texts"
  else
    echo "memcheck: FAIL dyad code $args (exit $st)"
    tail -n 5 "$T/err"
    rc=1
  fi
done
procs=$(ls "$T/logs" | wc -l)
bad=0
for l in "$T/logs"/*.log; do
  [ -s "$l" ] || continue
  bad=$((bad + 1))
  echo "memcheck: findings in $(basename "$l"):"
  head -n 40 "$l" | sed 's/^/  /'
done
echo "memcheck: $procs processes under valgrind, $bad with errors or leaks, suite exit $rc"
[ "$rc" -eq 0 ] && [ "$bad" -eq 0 ] && [ "$procs" -gt 0 ]
