#!/bin/sh
# `make memcheck`: the whole test suite (tests/run-tests.sh: unit programs,
# conformance runner, end-to-end scripts, pathological inputs) with every
# test program and every `dyad` the scripts start run under valgrind
# memcheck (--leak-check=full). Any memory error or definite, indirect or
# possible leak in any process fails the run: each process writes its own
# valgrind log, and every log must be empty; the suite itself must pass
# too. The pathological inputs are the --small ones (64 KiB, a 20,000-entry
# dictionary) so that the run stays in minutes.
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
RUN_WRAP=$T/vg DYAD=$T/dyad PATHO_SMALL=1 PATHO_BOUND=${PATHO_BOUND:-600} \
  sh tests/run-tests.sh "$BUILD"
rc=$?
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
