#!/bin/sh
# End-to-end tests of `dyad code` with the tiny dictionary of tests/data/cli:
# inputs (files, directories, stdin, gzip), output formats, the same output
# with -j 1 and -j 3, rejected stories and their positions, the summary
# line and the exit codes. Skips, saying why, when the binary is absent.
#
# Usage: tests/e2e/code.sh   (DYAD: the binary, default build/dyad)
DYAD=${DYAD:-build/dyad}
DICT=tests/data/cli/tiny.ini
if [ ! -x "$DYAD" ]; then
  echo "code: SKIP: no dyad binary at $DYAD"
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

# run ARGS...: stdout in $T/out, stderr in $T/err, status in $rc
run() {
  "$DYAD" code --dict "$DICT" "$@" >"$T/out" 2>"$T/err"
  rc=$?
}

header='story_id	story_date	sentence	source	target	code	root	quad_class	goldstein	plover_type	plover_mode	plover_context	source_text	target_text	verb_text	modality	negated	rule	event_date	date_precision	date_text	country	admin1	place	lat	lon	geo_precision	place_text	fatalities	wounded	count_text	count_qualifier'

# --- a directory: path order, hidden files skipped -------------------------
mkdir -p "$T/in/b" "$T/in/a" "$T/in/.hidden"
printf ' date 2023-07-01 Mali accused France.\n\nBody text.\n' >"$T/in/b/s2.txt"
printf 'date 2023-07-02 France accused Mali.\n' >"$T/in/a/s1.txt"
cp "$T/in/a/s1.txt" "$T/in/.hidden/h.txt"
cp "$T/in/a/s1.txt" "$T/in/.h.txt"
run "$T/in"
check "directory: exit" "$rc" 0
check "directory: header" "$(head -n 1 "$T/out")" "$header"
check "directory: rows in path order" "$(cut -f 1,2,4,5,6 "$T/out" | tail -n +2 | tr '\t\n' ' |')" \
  "s1 2023-07-02 FRA MLI 112|s2 2023-07-01 MLI FRA 112|"
check "directory: row" "$(sed -n 2p "$T/out")" \
  "s1	2023-07-02	0	FRA	MLI	112	11	3	-2.0	ACCUSE	disapprove		France	Mali	accused	fact	0	verbs.txt:3	2023-07-02	story												"
check "directory: hidden entries counted" "$(head -n 1 "$T/err" | sed 's/.*in: //')" \
  "2 files passed over (hidden, or not named .txt .text .jsonl .ndjson .json .xml .rec, also under .gz or .zst, or without an extension)"
check "directory: summary" "$(tail -n 1 "$T/err")" \
  "dyad: 2 stories read, 2 coded, 0 without events, 0 discarded, 0 rejected"

# --- a headline rubric names the story's country (bundled dictionaries) ----
printf 'date 2024-07-04 KENYA: Police disperse protest\n\nPolice used tear gas to disperse protesters and arrested 20 people.\n' >"$T/k.txt"
"$DYAD" code -q "$T/k.txt" >"$T/out" 2>"$T/err"
check "headline rubric: agents take its country" \
  "$(cut -f 3-6 "$T/out" | tail -n +2 | tr '\t\n' ' |')" \
  "1 KENCOP KENOPP 175|1 KENCOP KENCVL 173|"

# --- stdin, JSON Lines output, -q --------------------------------------------
printf 'Mali met France.\n' | "$DYAD" code --dict "$DICT" -q --format jsonl \
  --default-date 2024-02-29 >"$T/out" 2>"$T/err"
check "stdin: exit" "$?" 0
check "stdin: quiet" "$(cat "$T/err")" ""
check "stdin: jsonl" "$(cut -c 1-80 "$T/out")" \
  '{"story_id":"stdin","story_date":"2024-02-29","sentence":0,"source":"MLI","targe'
# errors in standard input name it <stdin>, whichever stage finds them
printf 'date 2025-01-01 x\nMali \377 accused France.\n' | "$DYAD" code --dict "$DICT" -q - >/dev/null 2>"$T/err"
check "stdin: encoding error named" "$(cut -c 1-20 "$T/err")" "dyad: <stdin>:2:6: i"
printf 'date 2025-13-45 x\nMali accused France.\n' | "$DYAD" code --dict "$DICT" -q - >/dev/null 2>"$T/err"
check "stdin: date error named" "$(cut -c 1-20 "$T/err")" "dyad: <stdin>:1:6: m"

# --- enrichment: event date, place, fatalities (docs in dyad.h) ---------------
printf 'date 2023-07-01 Mali accused France on Friday in Paris.\n' >"$T/e.txt"
run "$T/e.txt"
check "enrich: tsv columns" "$(tail -n 1 "$T/out" | cut -f 19-29)" "2023-06-30	day	on Friday	FRA	Île-de-France Region	Paris	48.85341	2.34880	place	Paris	"
run --format jsonl "$T/e.txt"
check "enrich: jsonl date" \
  "$(grep -o '"event_date":[^,]*,"date_precision":[^,]*' "$T/out")" \
  '"event_date":"2023-06-30","date_precision":"day"'
check "enrich: jsonl place and fatalities" \
  "$(grep -o '"place_text":.*"fatalities":null' "$T/out")" \
  '"place_text":"Paris","place_code":"","fatalities":null'

# --- rejected stories: positions, reasons, exit 1 ------------------------------
printf '{"id":"a","text":"Mali accused France."}\n{"id":"b","text":"Mali \377 met France."}\nnot json\n{"id":"c","date":"2023-02-30","text":"x"}\n{"id":"d","text":"Nothing here."}\n' >"$T/r.jsonl"
run "$T/r.jsonl"
check "rejected: exit" "$rc" 1
check "rejected: rows" "$(tail -n +2 "$T/out" | cut -f 1)" "a"
check "rejected: messages" "$(cat "$T/err")" "dyad: $T/r.jsonl:2:24: invalid UTF-8 byte 0xFF (story b)
dyad: $T/r.jsonl:3:1: malformed JSON
dyad: $T/r.jsonl:4:18: malformed date \"2023-02-30\"
dyad: 5 stories read, 1 coded, 1 without events, 0 discarded, 3 rejected (parse: 1, encoding: 1, date: 1)"

# --- gzip input, explicit input format -------------------------------------------
printf '950101 T-1\nMali accused France.\n\n' | gzip -c >"$T/t.text.gz"
run --input-format tabari "$T/t.text.gz"
check "gzip tabari: exit" "$rc" 0
check "gzip tabari: row" "$(tail -n 1 "$T/out" | cut -f 1,2,6)" "T-1	1995-01-01	112"

# --- a gzip file cut short: the whole stories before the cut are coded ---------
awk 'BEGIN { for (i = 1; i <= 5000; i++)
  printf "date 2024-01-%02d\nStory %d\n\nMali accused France.\n\n", i % 28 + 1, i }' |
  gzip -c >"$T/all.gz"
n=$(wc -c <"$T/all.gz")
head -c $((n / 2)) "$T/all.gz" >"$T/cut.gz"
run "$T/cut.gz"
read_n=$(tail -n 1 "$T/err" | sed 's/^dyad: \([0-9]*\) stories read.*/\1/')
check "cut gzip: exit" "$rc" 3
check "cut gzip: stories before the cut" "$([ "$read_n" -gt 1000 ] && echo yes)" yes
check "cut gzip: every story read is coded" "$(tail -n +2 "$T/out" | wc -l | tr -d ' ')" "$read_n"
check "cut gzip: the error names the cut story's line" "$(grep -c "cut.gz:$((read_n * 5 + 1)): read error" "$T/err")" 1
check "cut gzip: counted in the summary" "$(tail -n 1 "$T/err" | sed 's/.*; //')" \
  "1 input read in part (a read error)"

# --- the same output with one and three threads ---------------------------------
i=0
: >"$T/many.jsonl"
while [ $i -lt 300 ]; do
  case $((i % 4)) in
  0) echo "{\"id\":\"s$i\",\"text\":\"Mali accused France.\"}" ;;
  1) echo "{\"id\":\"s$i\",\"text\":\"France met Mali. Mali accused France.\"}" ;;
  2) echo "{\"id\":\"s$i\",\"text\":\"Nothing happened.\"}" ;;
  3) echo "{\"id\":\"s$i\",\"date\":\"bad\",\"text\":\"x\"}" ;;
  esac >>"$T/many.jsonl"
  i=$((i + 1))
done
run -j 1 "$T/many.jsonl"
cp "$T/out" "$T/out1"
cp "$T/err" "$T/err1"
run -j 3 "$T/many.jsonl"
check "-j 3: exit" "$rc" 1
check "-j 3: same output as -j 1" "$(cmp -s "$T/out1" "$T/out" && echo same)" same
check "-j 3: same messages as -j 1" "$(cmp -s "$T/err1" "$T/err" && echo same)" same
check "-j 3: summary" "$(tail -n 1 "$T/err")" \
  "dyad: 300 stories read, 150 coded, 75 without events, 0 discarded, 75 rejected (date: 75)"

# --- --explain ------------------------------------------------------------------------
printf 'Mali accused France.\n' >"$T/x.txt"
run --explain "$T/x.txt"
check "explain: header first" "$(head -n 1 "$T/out")" "$header"
check "explain: comment lines" "$(sed -n 2p "$T/out")" "# story x"

# --- usage and system errors ------------------------------------------------------------
"$DYAD" code --bogus >/dev/null 2>&1
check "unknown option: exit" "$?" 2
"$DYAD" code -j 0 "$T/x.txt" >/dev/null 2>&1
check "-j 0: exit" "$?" 2
"$DYAD" code --default-date 2023-02-30 "$T/x.txt" >/dev/null 2>&1
check "bad default date: exit" "$?" 2
"$DYAD" nosuchcommand >/dev/null 2>&1
check "unknown command: exit" "$?" 2
"$DYAD" code --dict "$T/none.ini" "$T/x.txt" >/dev/null 2>&1
check "missing dictionary: exit" "$?" 3
run "$T/none.txt" "$T/x.txt"
check "missing input: exit" "$rc" 3
check "missing input: the other input is coded" "$(tail -n +2 "$T/out" | cut -f 1)" "x"
check "missing input: counted in the summary" "$(tail -n 1 "$T/err" | sed 's/.*; //')" \
  "1 input not read"

# --- directories pass over files that are not stories -------------------------
mkdir -p "$T/mixed"
printf 'date 2023-07-01 Mali accused France.\n' >"$T/mixed/s.txt"
printf 'story_id\tsource\n' >"$T/mixed/out.tsv"
run "$T/mixed"
check "directory: non-story file passed over" "$(grep -c 'mixed: 1 file passed over' "$T/err")" 1
check "directory: the story is coded" "$(tail -n +2 "$T/out" | cut -f 1)" "s"
# hidden files and directories are passed over too, and counted
printf 'date 2023-07-01 Mali accused France.\n' >"$T/mixed/.hidden.txt"
mkdir -p "$T/mixed/.git"
run "$T/mixed"
check "directory: hidden entries counted as passed over" "$(grep -c 'mixed: 3 files passed over (hidden, or not named .txt' "$T/err")" 1
check "directory: hidden story not read" "$(tail -n +2 "$T/out" | cut -f 1)" "s"
rm -rf "$T/mixed/.hidden.txt" "$T/mixed/.git"
# a file without an extension is read (dyad code --help, README)
printf 'date 2023-07-02 France accused Mali.\n' >"$T/mixed/noext"
run "$T/mixed"
check "directory: a file without an extension is read" "$(tail -n +2 "$T/out" | cut -f 1 | tr '\n' ' ')" "noext s "

# --- an empty file is reported, not passed over in silence ---------------------
: >"$T/empty.txt"
run "$T/empty.txt"
check "empty file: exit" "$rc" 1
check "empty file: message" "$(head -n 1 "$T/err" | sed 's/.*empty.txt/empty.txt/')" \
  "empty.txt:1:1: no story in this input (empty)"
# the summary counts the rejection under the reason --report gives it
"$DYAD" code --dict "$DICT" --report "$T/empty.rep" "$T/empty.txt" >/dev/null 2>"$T/err"
check "empty file: summary reason" "$(tail -n 1 "$T/err")" \
  "dyad: 1 stories read, 0 coded, 0 without events, 0 discarded, 1 rejected (empty: 1)"
check "empty file: report reason" "$(grep -c '"reason": "empty"' "$T/empty.rep")" 1

# --- a headline event the lead repeats is reported once, from the body ----------
printf 'date 2023-07-01 Mali accused France\nMali accused France on Friday.\n' >"$T/head.txt"
run "$T/head.txt"
check "headline repeated: one row, from the body" "$(tail -n +2 "$T/out" | cut -f 3-6 | tr '\t\n' ' |')" \
  "1 MLI FRA 112|"
check "--version" "$("$DYAD" code --version | cut -d ' ' -f 1)" "dyad"
check "--help: exit" "$("$DYAD" code --help >/dev/null; echo $?)" 0

# --- every JSON Lines field is described in docs/coding.md ("What each field holds")
printf 'date 2023-07-01 Mali accused France in Paris.\n' >"$T/f.txt"
run --format jsonl "$T/f.txt"
for key in $(head -n 1 "$T/out" | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)))'); do
  check "docs/coding.md describes $key" "$(sed -n '/^What each field holds/,/^### /p' docs/coding.md | grep -c "\`$key\`" | sed 's/^[1-9][0-9]*$/yes/')" yes
done

# --- the documents the docs and sources cite are in the repository ----------------
for name in $(grep -rhoE "[A-Za-z0-9_.-]+\.md\b" docs src include cli README.md | sort -u); do
  check "cited $name is in the repository" "$(find . -path ./build -prune -o -name "$name" -print | grep -c . | sed 's/^[1-9][0-9]*$/yes/')" yes
done

# --- a text file of several stories: split at each date line after a blank line --
printf 'date 2023-07-01 Mali accused France\n\nMali accused France on Friday.\n\ndate 2023-07-02 France accused Mali\n\nFrance accused Mali on Monday.\n' >"$T/two.txt"
run "$T/two.txt"
check "two stories in a file: rows" "$(tail -n +2 "$T/out" | cut -f 1,2,4-6 | tr '\t\n' ' |')" \
  "two-1 2023-07-01 MLI FRA 112|two-2 2023-07-02 FRA MLI 112|"
check "two stories in a file: summary" "$(cat "$T/err")" \
  "dyad: 2 stories read, 2 coded, 0 without events, 0 discarded, 0 rejected"

# --- usage errors point at the help of the subcommand given ----------------------
"$DYAD" ingest --db "$T/u.db" --explain "$T/x.txt" >/dev/null 2>"$T/err"
check "ingest --explain: usage" "$?" 2
check "ingest --explain: hint" "$(cat "$T/err")" "dyad: --explain is an option of dyad code, not of dyad ingest
Try 'dyad ingest --help'."
"$DYAD" ingest --db "$T/u.db" --bogus >/dev/null 2>"$T/err"
check "ingest unknown option: hint" "$(tail -n 1 "$T/err")" "Try 'dyad ingest --help'."
"$DYAD" code --bogus >/dev/null 2>"$T/err"
check "code unknown option: hint" "$(tail -n 1 "$T/err")" "Try 'dyad code --help'."
"$DYAD" dict stats --bogus >/dev/null 2>"$T/err"
check "dict stats unknown option: hint" "$(tail -n 1 "$T/err")" "Try 'dyad dict --help'."
"$DYAD" query --bogus >/dev/null 2>"$T/err"
check "query unknown option: hint" "$(tail -n 1 "$T/err")" "Try 'dyad query --help'."
# dyad ingest --help lists every dyad code option it accepts
for opt in --dict --ontology --gazetteer --no-enrich --input-format --default-date \
  --keep-hedged --strict --profile --report; do
  check "ingest --help lists $opt" "$("$DYAD" ingest --help | grep -c -- "$opt")" 1
done

if [ $fails -ne 0 ]; then
  echo "code: $checks checks, $fails failed"
  exit 1
fi
echo "code: $checks checks, 0 failed"
