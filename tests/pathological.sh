#!/bin/sh
# Pathological inputs (STYLE §9; cmark's test/pathological_tests.py): worst
# cases generated on the fly, each coded by the CLI under a time bound. A
# case passes when dyad finishes in time, without a crash, with exit status
# 0 or 1 (1: the story was rejected, e.g. a sentence over the token limit),
# and its output is well formed (every JSON Lines line parses).
#
#   sentence-1mb    one sentence of 1 MB (no full stop): over the token limit
#   quotes-10k      a sentence inside 10,000 nested quotes, straight and curly
#   parens-10k      a sentence inside 10,000 nested parentheses
#   commas-100k     100,000 commas: a compound of 33,334 actors, then bare ones
#   token-1mb       one 1 MB word
#   story-10mb      a 10 MB story on a single line (JSON Lines)
#   sentences-100k  100,000 short sentences in one story
#   dict-1m         a generated actor dictionary of 1,000,000 entries
#                   (loaded, then a story that names some of them)
#
# Usage: tests/pathological.sh BUILD_DIR   (PATHO_BOUND: seconds per case,
# default 30; PATHO_ONLY: run only the cases whose name holds it)
BUILD=${1:-build}
DYAD=$BUILD/dyad
BOUND=${PATHO_BOUND:-30}
if [ ! -x "$DYAD" ]; then
  echo "pathological: SKIP: no dyad binary at $DYAD"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "pathological: SKIP: python3 is needed to generate the inputs"
  exit 0
fi
T=$(mktemp -d) || exit 3
trap 'rm -rf "$T"' EXIT
DICT=tests/data/conformance/conf.ini
fails=0
runs=0
total_start=$(date +%s.%N)

# gen NAME PYTHON: writes $T/NAME with the bytes the Python expression
# (a bytes value) gives
gen() {
  python3 -c "import sys; sys.stdout.buffer.write($2)" >"$T/$1" || exit 3
}

# case NAME MIN ARGS...: runs dyad code ARGS with --format jsonl under the
# bound; at least MIN events are expected (the sentences after the
# pathological part)
case_() {
  name=$1
  min=$2
  shift 2
  if [ -n "${PATHO_ONLY:-}" ] && ! echo "$name" | grep -q "$PATHO_ONLY"; then
    return 0
  fi
  runs=$((runs + 1))
  s=$(date +%s.%N)
  timeout "$BOUND" "$DYAD" code -q --format jsonl "$@" >"$T/out" 2>"$T/err"
  rc=$?
  e=$(date +%s.%N)
  secs=$(echo "$s $e" | awk '{printf "%.2f", $2 - $1}')
  why=""
  if [ "$rc" -eq 124 ]; then
    why="no result within ${BOUND}s"
  elif [ "$rc" -ge 2 ]; then
    why="exit status $rc"
  elif ! python3 -c '
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8", errors="strict"), 1):
    if not isinstance(json.loads(line), dict):
        sys.exit("line %d is not an object" % n)
' "$T/out" 2>"$T/json"; then
    why="malformed output: $(tail -n 1 "$T/json")"
  fi
  events=$(wc -l <"$T/out" | tr -d ' ')
  if [ -z "$why" ] && [ "$events" -lt "$min" ]; then
    why="$events events, expected at least $min"
  fi
  if [ -n "$why" ]; then
    fails=$((fails + 1))
    echo "pathological: FAIL $name: $why (${secs}s)"
    tail -n 3 "$T/err" | sed 's/^/  /'
  else
    echo "pathological: ok $name (${secs}s, exit $rc, $events events)"
  fi
}

gen sentence-1mb.txt 'b"Mali accused France and " * 41944 + b"Chad. Niger accused Mali."'
case_ sentence-1mb 1 --dict "$DICT" --input-format text "$T/sentence-1mb.txt"

gen quotes-10k.txt 'b"\"\xe2\x80\x9c" * 5000 + b"Mali accused France." + b"\xe2\x80\x9d\"" * 5000 + b"\n\nNiger accused Mali."'
case_ quotes-10k 1 --dict "$DICT" --input-format text "$T/quotes-10k.txt"

gen parens-10k.txt 'b"(" * 10000 + b"Mali accused France." + b")" * 10000 + b"\n\nNiger accused Mali."'
case_ parens-10k 1 --dict "$DICT" --input-format text "$T/parens-10k.txt"

gen commas-100k.txt 'b"Mali, Niger, France, " * 33334 + b"and Chad accused Russia.\n\n" + b"Niger, " * 1000 + b"and Chad accused Mali.\n\n" + b"," * 1000 + b"\n\nMali accused France."'
case_ commas-100k 2 --dict "$DICT" --input-format text "$T/commas-100k.txt"

gen token-1mb.txt 'b"Mali accused " + b"x" * 1048576 + b". Mali accused France."'
case_ token-1mb 1 --dict "$DICT" --input-format text "$T/token-1mb.txt"

gen story-10mb.jsonl 'b"{\"id\": \"big\", \"date\": \"2023-07-01\", \"text\": \"" + b"Malian troops attacked French soldiers. Mali said Russia would send troops to Mali. " * 123457 + b"\"}\n"'
case_ story-10mb 123457 --dict "$DICT" "$T/story-10mb.jsonl"

gen sentences-100k.txt 'b"Mali accused France. " * 100000'
case_ sentences-100k 100000 --dict "$DICT" --input-format text "$T/sentences-100k.txt"

if [ -z "${PATHO_ONLY:-}" ] || echo dict-1m | grep -q "$PATHO_ONLY"; then
  python3 - "$T/big.actors.txt" "$T/dict-story.txt" <<'EOF' || exit 3
import sys
# 1,000,000 entries: ACTOR_<5 letters> and a made-up code (XAA..XZZ), one
# in ten with a synonym, one in a hundred a person with a date-restricted
# code.
letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
def word(i):
    return "".join(letters[(i // 26 ** k) % 26] for k in range(5))
with open(sys.argv[1], "w") as f:
    for i in range(1000000):
        w = word(i)
        code = "X" + letters[i % 26] + letters[(i // 26) % 26]
        f.write(f"ACTOR_{w} [{code}]\n")
        if i % 10 == 0:
            f.write(f"+{w}_LAND\n")
        if i % 100 == 0:
            f.write(f"PERSON_{w}\n\t[{code}GOV 20200101-20221231]\n\t[{code}ELI]\n")
with open(sys.argv[2], "w") as f:
    f.write(f"Actor {word(0)} accused Actor {word(1)}. Person {word(500)} "
            f"met Actor {word(999999)}. {word(123450)} land criticized "
            f"Actor {word(777777)}.\n")
EOF
  case_ dict-1m 3 --dict "$T/big.actors.txt" --dict tests/data/conformance/verbs.txt \
    --default-date 2021-05-05 --input-format text "$T/dict-story.txt"
fi

total=$(echo "$total_start $(date +%s.%N)" | awk '{printf "%.1f", $2 - $1}')
echo "pathological: $runs cases, $fails failed, ${total}s"
[ "$fails" -eq 0 ]
