#!/bin/sh
# End-to-end tests of `dyad dict lint` with the fixtures of tests/data/lint:
# the "file:line: kind: message" lines, the summary line, --strict and the
# exit codes (0 no error, 1 errors, 2 usage, 3 unreadable dictionaries).
# Skips, saying why, when the binary is absent.
#
# Usage: tests/e2e/dict.sh   (DYAD: the binary, default build/dyad)
DYAD=${DYAD:-build/dyad}
D=tests/data/lint
if [ ! -x "$DYAD" ]; then
  echo "dict: SKIP: no dyad binary at $DYAD"
  exit 0
fi
T=$(mktemp -d) || exit 3
trap 'rm -rf "$T"' EXIT
fails=0
checks=0

# check NAME GOT WANT
check() {
  checks=$((checks + 1))
  if [ "$2" != "$3" ]; then
    fails=$((fails + 1))
    printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$3" "$2"
  fi
}

# lint ARGS...: stdout in $T/out, stderr in $T/err, status in $rc
lint() {
  "$DYAD" dict lint "$@" >"$T/out" 2>"$T/err"
  rc=$?
}

# --- errors: one line per problem, in file order, then the summary --------
lint --dict "$D/dup_agents.txt"
check "errors: status" "$rc" 1
check "errors: output" "$(cut -d: -f1-3 "$T/out")" "$D/dup_agents.txt:4: agent-conflict
$D/dup_agents.txt:5: agent-repeat
$D/dup_agents.txt:7: agent-conflict
3 problems (2 errors, 1 warning)"
check "errors: stderr" "$(cat "$T/err")" ""

# --- warnings only: 0, or 1 with --strict ---------------------------------
lint --dict "$D/dup_discards.txt"
check "warnings: status" "$rc" 0
check "warnings: summary" "$(tail -n 1 "$T/out")" \
  "2 problems (0 errors, 2 warnings)"
lint --strict --dict "$D/dup_discards.txt"
check "warnings --strict: status" "$rc" 1

# --- clean, and several --dict --------------------------------------------
lint --dict "$D/clean_actors.txt"
check "clean: status" "$rc" 0
check "clean: output" "$(cat "$T/out")" "0 problems (0 errors, 0 warnings)"
lint --dict "$D/clean_actors.txt" --dict="$D/dup_nouns.txt"
check "two dicts: status" "$rc" 0
check "two dicts: summary" "$(tail -n 1 "$T/out")" \
  "1 problem (0 errors, 1 warning)"

# --- the bundled set: no error, no warning --------------------------------
lint
check "bundled: status" "$rc" 0
check "bundled: output" "$(cat "$T/out")" "0 problems (0 errors, 0 warnings)"

# --- usage and unreadable dictionaries -------------------------------------
lint --bogus
check "usage: status" "$rc" 2
lint --dict
check "usage: missing value" "$rc" 2
"$DYAD" dict >/dev/null 2>&1
check "usage: no subcommand" "$?" 2
"$DYAD" dict frob >/dev/null 2>&1
check "usage: unknown subcommand" "$?" 2
lint --help
check "help: status" "$rc" 0
check "help: names the kinds" "$(grep -c 'actor-conflict' "$T/out")" 1
lint --dict "$T/missing.ini"
check "missing dict: status" "$rc" 3
check "missing dict: message" "$(grep -c "^dyad: .*missing.ini" "$T/err")" 1

# --- stats: the bundled set's coverage floors (verbs for every CAMEO root,
# at least 250 distinct codes and 1,500 verb lemmas) --------------------------
"$DYAD" dict stats >"$T/out" 2>"$T/err"
check "stats: status" "$?" 0
stat() { sed -n "s/^$1: \([0-9]*\).*/\1/p" "$T/out"; }
check "stats: all 20 CAMEO roots" "$(stat 'CAMEO roots')" 20
check "stats: at least 250 CAMEO codes" "$([ "$(stat 'CAMEO event codes')" -ge 250 ] && echo yes)" yes
check "stats: at least 1500 verb lemmas" "$([ "$(stat 'verb lemmas')" -ge 1500 ] && echo yes)" yes
check "stats: dated actor codes" "$([ "$(stat 'dated actor codes')" -ge 1000 ] && echo yes)" yes

if [ "$fails" -ne 0 ]; then
  echo "dict: $fails of $checks checks failed"
  exit 1
fi
echo "dict: $checks checks passed"
