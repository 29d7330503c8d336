#!/bin/sh
# Bad input never stops the good: a story that is not UTF-8, one without a
# date, an XML file cut in half, a 10 MB line, an empty file and a malformed
# dictionary line, all in one run beside good stories. Each problem is
# reported with file:line:col, the good stories are coded, and the run ends
# with the summary line. Uses the tiny dictionary of tests/data/cli.
DYAD=${DYAD:-build/dyad}
if [ ! -x "$DYAD" ]; then
  echo "bad_input: SKIP: no dyad binary at $DYAD"
  exit 0
fi
T=$(mktemp -d) || exit 3
trap 'rm -rf "$T"' EXIT
fails=0
checks=0
check() {
  checks=$((checks + 1))
  if [ "$2" != "$3" ]; then
    fails=$((fails + 1))
    printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$3" "$2"
  fi
}

# a dictionary with one malformed line
mkdir "$T/dict"
cp tests/data/cli/verbs.txt "$T/dict/verbs.txt"
cp tests/data/cli/actors.txt "$T/dict/actors.txt"
printf 'BROKEN_ENTRY [MLI 2023013-2024]\n' >>"$T/dict/actors.txt"
bad_line=$(wc -l <"$T/dict/actors.txt" | tr -d ' ')
cp tests/data/cli/tiny.ini "$T/dict/tiny.ini"

mkdir "$T/in"
printf 'date 2023-07-01 Mali accused France\nMali accused France.\n' >"$T/in/1good.txt"
printf 'Mali accused France of lying.\n' >"$T/in/2nodate.txt"
printf 'date 2023-07-01 Head\nMali accused \377 France.\n' >"$T/in/3latin1.txt"
: >"$T/in/4empty.txt"
printf '<Sentences>\n<Sentence date="20230701" id="X1_1" sentence="True">\n<Text>Mali accused France.</Text>\n</Sentence>\n<Sentence date="20230701" id="X2_1" sentence="True">\n<Text>France accu' >"$T/in/5cut.xml"
python3 - "$T/in/6long.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "long", "date": "2023-07-01",
                        "text": "Mali accused France. The " + "word " * 2_000_000}) + "\n")
    f.write(json.dumps({"id": "after", "date": "2023-07-01", "text": "France accused Mali."}) + "\n")
PY

"$DYAD" code --dict "$T/dict/tiny.ini" "$T/in" >"$T/out" 2>"$T/err"
rc=$?
check "exit 1: some stories rejected" "$rc" 1
check "dictionary line named" \
  "$(grep -c "dict/actors.txt:$bad_line: " "$T/err")" 1
check "not UTF-8: file:line:col" \
  "$(grep -c "3latin1.txt:2:14: invalid UTF-8 byte 0xFF" "$T/err")" 1
check "XML cut in half: file:line:col" \
  "$(grep -c "5cut.xml:6:" "$T/err")" 1
check "good stories coded" \
  "$(tail -n +2 "$T/out" | cut -f 1 | sort -u | tr '\n' ' ')" \
  "1good 2nodate X1 after long "
check "no date: empty story date" "$(grep '^2nodate' "$T/out" | cut -f 2)" ""
check "empty file: file:line:col" \
  "$(grep -c "4empty.txt:1:1: no story in this input (empty)" "$T/err")" 1
check "summary line" "$(tail -n 1 "$T/err" | sed 's/(.*//')" \
  "dyad: 8 stories read, 5 coded, 0 without events, 0 discarded, 3 rejected "

# --report names a story the reader rejected by the id it would have had,
# in every format; null only where the reader cannot tell it
mkdir "$T/rj"
printf '{"id":"j1","date":"2023-13-01","text":"A."}\n{"id":7,"date":"x","text":"A."}\nnot json\n' >"$T/rj/a.jsonl"
printf 'date 2023-02-30 Head\nMali accused France.\n' >"$T/rj/b.txt"
printf '<Sentences>\n<Sentence date="20231340" id="XB_1" sentence="True">\n<Text>Mali accused France.</Text>\n</Sentence>\n</Sentences>\n' >"$T/rj/c.xml"
printf '231340 T-9\nMali accused France.\n\n' >"$T/rj/d.tab"
"$DYAD" code -q --dict "$T/dict/tiny.ini" --report "$T/rj.rep" "$T/rj/a.jsonl" \
  "$T/rj/b.txt" "$T/rj/c.xml" >/dev/null 2>&1
"$DYAD" code -q --dict "$T/dict/tiny.ini" --input-format tabari \
  --report - "$T/rj/d.tab" 2>/dev/null | grep '^{' >>"$T/rj.rep"
check "rejected stories: ids in --report" \
  "$(python3 -c 'import json,sys
print(" ".join("%s:%s" % (r["id"], r["reason"]) for r in map(json.loads, open(sys.argv[1]))))' "$T/rj.rep")" \
  "j1:date 7:date None:parse b:date XB:date T-9:date"

if [ "$fails" -ne 0 ]; then
  sed 's/^/  stderr: /' "$T/err" | head -20
  echo "bad_input: $checks checks, $fails failed"
  exit 1
fi
echo "bad_input: $checks checks, 0 failed"
