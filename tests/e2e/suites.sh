#!/bin/sh
# Ratchet on the peer validation suites (TABARI, PETRARCH): runs every suite
# listed in tests/ratchet.txt with `dyad validate` and fails when its pass
# count is below the recorded one. Prints a reminder when it is above (raise
# the number). Skips, saying why, when the shared reference data or the dyad
# binary is absent.
#
# Usage: tests/e2e/suites.sh   (DYAD: the binary, default build/dyad;
#                               DYAD_SHARED: the shared directory)
DYAD=${DYAD:-build/dyad}
RATCHET=tests/ratchet.txt

shared=${DYAD_SHARED:-}
if [ -z "$shared" ]; then
  for d in ../shared ../../shared; do
    if [ -d "$d/reference" ]; then shared=$d; break; fi
  done
fi
if [ -z "$shared" ] || [ ! -d "$shared/reference" ]; then
  echo "suites: SKIP: no shared reference data (../shared/reference; set DYAD_SHARED)"
  exit 0
fi
if [ ! -x "$DYAD" ]; then
  echo "suites: SKIP: no dyad binary at $DYAD"
  exit 0
fi

status=0
out=$(mktemp) || exit 3
list=$(mktemp) || exit 3
trap 'rm -f "$out" "$list"' EXIT
grep -v '^[[:space:]]*#' "$RATCHET" >"$list"
while read -r suite want; do
  [ -n "$suite" ] || continue
  path="$shared/reference/$suite"
  if [ ! -f "$path" ]; then
    echo "suites: SKIP $suite: not in $shared/reference"
    continue
  fi
  "$DYAD" validate "$path" >"$out" 2>&1
  rc=$?
  got=$(sed -n 's/^\([0-9][0-9]*\) passed, [0-9][0-9]* failed$/\1/p' "$out" | tail -n 1)
  if [ -z "$got" ]; then
    echo "suites: FAIL $suite: no \"N passed, N failed\" line (exit $rc)"
    tail -n 5 "$out" | sed 's/^/  /'
    status=1
  elif [ "$got" -lt "$want" ]; then
    echo "suites: FAIL $suite: $got passed, below the $want in $RATCHET"
    status=1
  elif [ "$got" -gt "$want" ]; then
    echo "suites: ok $suite: $got passed (above $want: raise it in $RATCHET)"
  else
    echo "suites: ok $suite: $got passed"
  fi
done <"$list"
exit $status
