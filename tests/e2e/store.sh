#!/bin/sh
# End-to-end tests of the event store (docs/store.md): `dyad ingest`,
# `dyad query`, `dyad series`, `dyad export`.
#
#   schema    a new store holds exactly what docs/schema.sql makes; WAL
#   dedup     tests/data/store/wire.jsonl (our wire-style stories, with the
#             small dictionary beside it): reports of one event from several
#             stories form one cluster with exact mention and story counts;
#             near misses (a date outside the window, another target,
#             another code, another place) stay apart; a wider window joins
#   replace   a changed story replaces its events and recounts its clusters
#   query     prefix filters, series zero-fill, export column counts
#   agnews    the 1,900 agnews stories ingested twice give the same row
#             counts; a run killed (kill -9) in the middle of a third run
#             over them plus new stories, then run again, gives every story
#             once, nothing duplicated, integrity_check ok, and the same
#             rows as one clean run (skipped, saying why, without ../shared)
#
# Usage: tests/e2e/store.sh   (DYAD: the binary; DYAD_SHARED: shared dir)
DYAD=${DYAD:-build/dyad}
DATA=tests/data/store
DICT=$DATA/store.ini
if [ ! -x "$DYAD" ]; then
  echo "store: SKIP: no dyad binary at $DYAD"
  exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "store: SKIP: no sqlite3 command (Debian package sqlite3)"
  exit 0
fi
T=$(mktemp -d) || exit 3
WPID=""
trap '[ -n "$WPID" ] && kill "$WPID" 2>/dev/null; rm -rf "$T"' EXIT
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

# counts DB: the rows of every table, one line
counts() {
  sqlite3 "$1" "SELECT (SELECT count(*) FROM stories) || ' ' || (SELECT count(*) FROM sentences) || ' ' || (SELECT count(*) FROM events) || ' ' || (SELECT count(*) FROM clusters) || ' ' || (SELECT count(*) FROM meta)"
}

# consistent DB: clusters whose counts disagree with their reports, events
# without a story or cluster, stories whose event count disagrees
consistent() {
  sqlite3 "$1" "SELECT (SELECT count(*) FROM clusters c WHERE mentions != (SELECT count(*) FROM events WHERE cluster = c.id) OR stories != (SELECT count(DISTINCT story) FROM events WHERE cluster = c.id) OR mentions = 0) + (SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = e.story) OR NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = e.cluster)) + (SELECT count(*) FROM stories s WHERE events != (SELECT count(*) FROM events WHERE story = s.id))"
}

# pick NAME,NAME...: those columns of the TSV on standard input, by header
pick() {
  awk -F'\t' -v want="$1" 'NR == 1 {n = split(want, w, ","); for (i = 1; i <= NF; i++) idx[$i] = i; next}
    {line = ""; for (k = 1; k <= n; k++) line = line (k > 1 ? "\t" : "") $(idx[w[k]]); print line}'
}

# --- schema: the file is what the code makes ------------------------------
mkdir "$T/none"
"$DYAD" ingest -q --db "$T/empty.db" "$T/none"
sqlite3 "$T/empty.db" .schema | grep -v '^CREATE TABLE sqlite_' >"$T/got.schema"
sqlite3 "$T/doc.db" <docs/schema.sql
sqlite3 "$T/doc.db" .schema | grep -v '^CREATE TABLE sqlite_' >"$T/want.schema"
check "schema equals docs/schema.sql" "$(cmp -s "$T/got.schema" "$T/want.schema" && echo same)" same
check "schema has tables" "$(grep -c '^CREATE TABLE' "$T/got.schema")" 5
check "journal mode" "$(sqlite3 "$T/empty.db" 'PRAGMA journal_mode')" wal
check "user_version" "$(sqlite3 "$T/empty.db" 'PRAGMA user_version')" 1
check "window stored" "$(sqlite3 "$T/empty.db" "SELECT value FROM meta WHERE key = 'window_days'")" 1

# --- de-duplication ----------------------------------------------------------
db=$T/wire.db
"$DYAD" ingest -q --db "$db" --dict "$DICT" "$DATA/wire.jsonl"
check "dedup ingest status" "$?" 0
# run again: every story read is stored as it is, and the summary adds up
"$DYAD" ingest --db "$db" --dict "$DICT" "$DATA/wire.jsonl" 2>"$T/err"
n=$(wc -l <"$DATA/wire.jsonl" | tr -d ' ')
check "re-run summary adds up" "$(head -n 1 "$T/err")" \
  "dyad: $n stories read, 0 coded, 0 without events, 0 discarded, 0 rejected, $n unchanged (already stored)"
check "dedup counts (stories sentences events clusters meta)" "$(counts "$db")" "11 12 12 8 4"
# the Mali reports name no place in their sentences: their datelines
# (Bamako, Paris, none) say where the reporter was and do not keep them
# apart; the cluster shows the first report's location
"$DYAD" query --db "$db" | pick event_date,source,target,place,mentions,stories,reports >"$T/q"
want='2023-03-02	RUSMIL	UKRMIL	Kharkiv	3	3	ukr-1:0;ukr-2:0;ukr-4:0
2023-03-02	RUSMIL	UKRMIL	Kherson	1	1	ukr-3:0
2023-03-08	RUSMIL	UKRMIL	Kharkiv	1	1	ukr-5:0
2023-06-30	MLI	FRAGOV	Bamako	3	3	mali-1:0;mali-2:0;mali-3:1
2023-06-30	MLI	DEUGOV	Bamako	1	1	mali-5:0
2023-06-30	MLI	FRA	Bamako	1	1	mali-6:0
2023-07-02	FRA	MLI	Paris	1	1	mali-3:0
2023-07-10	MLI	FRAGOV	Bamako	1	1	mali-4:0'
check "dedup clusters" "$(cat "$T/q")" "$want"
check "dedup first/last seen" "$("$DYAD" query --db "$db" --dyad RUSMIL,UKRMIL | pick mentions,first_date,last_date | awk '$1 == 3 {print $2 " " $3}')" "2023-03-02 2023-03-03"
check "dedup location" "$("$DYAD" query --db "$db" --dyad RUSMIL,UKRMIL --from 2023-03-02 --to 2023-03-02 | pick country,admin1,place,lat,lon | head -1)" "UKR	Kharkiv	Kharkiv	49.98081	36.25272"
check "dedup consistent" "$(consistent "$db")" 0
# a wider window joins the report six days later, not the one ten days later
"$DYAD" ingest -q --db "$T/wide.db" --window 7 --dict "$DICT" "$DATA/wire.jsonl"
check "window 7 clusters" "$(sqlite3 "$T/wide.db" 'SELECT group_concat(mentions, " ") FROM (SELECT mentions FROM clusters ORDER BY id)')" "3 1 1 1 1 4 1"
"$DYAD" ingest -q --db "$T/wide.db" --window 3 --dict "$DICT" "$DATA/wire.jsonl" 2>"$T/err"
check "window of an existing store kept" "$?" 2
check "window refusal says why" "$(grep -c 'made with a window of 7 days' "$T/err")" 1

# --- a changed story replaces its events ------------------------------------
sed 's/DAKAR, July 1 (AFP) - Mali expelled the French ambassador/DAKAR, July 1 (AFP) - Mali expelled the German ambassador/' "$DATA/wire.jsonl" >"$T/wire2.jsonl"
"$DYAD" ingest --db "$db" --dict "$DICT" "$T/wire2.jsonl" 2>"$T/err"
check "replace summary" "$(grep -c '0 stories added, 1 replaced, 10 unchanged; 1 events stored' "$T/err")" 1
check "replace counts" "$(counts "$db")" "11 12 12 8 4"
check "replace: French cluster loses a story" "$("$DYAD" query --db "$db" --dyad MLI,FRAGOV --from 2023-06-30 --to 2023-06-30 | pick mentions,stories,reports)" "2	2	mali-1:0;mali-3:1"
check "replace: German cluster gains it" "$("$DYAD" query --db "$db" --dyad MLI,DEUGOV | pick mentions,stories,reports)" "2	2	mali-5:0;mali-2:0"
check "replace consistent" "$(consistent "$db")" 0
# mali-2 now tells of another event, mali-4 of none: its cluster, left
# empty, is dropped
python3 - "$DATA/wire.jsonl" "$T/wire3.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for line in f:
        r = json.loads(line)
        if r["id"] == "mali-2":
            r["text"] = "BAMAKO (AFP) - Mali criticized France on Friday, officials said."
        if r["id"] == "mali-4":
            r["text"] = "BAMAKO (Reuters) - The ambassador left on Monday."
        out.write(json.dumps(r) + "\n")
PY
"$DYAD" ingest --db "$db" --dict "$DICT" "$T/wire3.jsonl" 2>"$T/err"
check "replace twice summary" "$(grep -c '0 stories added, 2 replaced, 9 unchanged; 1 events stored' "$T/err")" 1
check "replace to another event" "$("$DYAD" query --db "$db" --source MLI --code 111 | pick mentions,stories,reports)" "2	2	mali-6:0;mali-2:0"
check "replace: German cluster back to one" "$("$DYAD" query --db "$db" --dyad MLI,DEUGOV | pick mentions,stories,reports)" "1	1	mali-5:0"
check "replace: empty cluster dropped" "$(counts "$db")" "11 11 11 7 4"
check "replace: outcome" "$(sqlite3 "$db" "SELECT outcome, events FROM stories WHERE story_id = 'mali-4'")" "no_events|0"
check "replace consistent again" "$(consistent "$db")" 0

# --- queries: prefixes, filters, formats --------------------------------------
db=$T/wire.db
rm -f "$db" "$db-wal" "$db-shm"
"$DYAD" ingest -q --db "$db" --dict "$DICT" "$DATA/wire.jsonl"
rows() { "$DYAD" query --db "$db" "$@" | tail -n +2 | wc -l | tr -d ' '; }
check "query all" "$(rows)" 8
check "query --source RUS (prefix of RUSMIL)" "$(rows --source RUS)" 3
check "query --source RUSMIL" "$(rows --source RUSMIL)" 3
check "query --source RUSGOV" "$(rows --source RUSGOV)" 0
check "query --target FRA (FRA and FRAGOV)" "$(rows --target FRA)" 3
check "query --dyad MLI,FRA" "$(rows --dyad MLI,FRA)" 3
check "query --dyad MLI,FRAGOV" "$(rows --dyad MLI,FRAGOV)" 2
check "query --code 19" "$(rows --code 19)" 3
check "query --code 16" "$(rows --code 16)" 3
check "query --root 11" "$(rows --root 11)" 2
check "query --quad 3" "$(rows --quad 3)" 2
check "query --from" "$(rows --from 2023-07-01)" 2
check "query --from --to" "$(rows --from 2023-03-01 --to 2023-03-05)" 2
check "query --raw" "$(rows --raw)" 12
check "query --raw --source RUS" "$(rows --raw --source RUS)" 5
check "query --raw --to" "$(rows --raw --to 2023-03-02)" 3
check "query jsonl" "$("$DYAD" query --db "$db" --format jsonl --dyad RUS,UKR --from 2023-03-02 --to 2023-03-02 | python3 -c 'import json,sys; print(";".join("%s:%d:%d:%s" % (r["place"], r["mentions"], r["stories"], ",".join(m["story_id"] for m in r["reports"])) for r in map(json.loads, sys.stdin)))')" "Kharkiv:3:3:ukr-1,ukr-2,ukr-4;Kherson:1:1:ukr-3"
check "query raw jsonl fields" "$("$DYAD" query --db "$db" --raw --format jsonl --source RUS --from 2023-03-02 --to 2023-03-02 | head -1 | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["story_id"], r["fatalities"], r["spans"]["place"], r["sentence_text"][:4])')" "ukr-1 5 [62, 69] KYIV"
check "query raw jsonl enrichment" "$("$DYAD" query --db "$db" --raw --format jsonl --source RUS --from 2023-03-02 --to 2023-03-02 | head -1 | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["plover_type"], r["date_text"], r["country"], r["geo_precision"], r["count_text"], r["count_qualifier"])')" "ASSAULT on Thursday UKR place killing five exact"
check "query --country" "$(rows --country UKR)" 3
check "query raw jsonl: the boolean columns are JSON booleans, as dyad code writes them" "$("$DYAD" query --db "$db" --raw --format jsonl | python3 -c 'import json,sys
rows = [json.loads(l) for l in sys.stdin]
print(len(rows) > 0 and all(type(r[k]) is bool for r in rows for k in ("negated", "date_approximate")))')" "True"
check "code jsonl: the same boolean columns" "$("$DYAD" code -q --format jsonl --dict "$DICT" "$DATA/wire.jsonl" | python3 -c 'import json,sys
rows = [json.loads(l) for l in sys.stdin]
print(len(rows) > 0 and all(type(r[k]) is bool for r in rows for k in ("negated", "date_approximate")))')" "True"
check "query --raw --country" "$(rows --raw --country UKR)" 5
check "query raw jsonl: an absent span is null" "$("$DYAD" query --db "$db" --raw --format jsonl --dyad MLI,DEUGOV | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["spans"]["place"], r["spans"]["verb"] is not None)')" "None True"
check "query csv columns" "$("$DYAD" query --db "$db" --format csv | python3 -c 'import csv,sys; print(sorted(set(len(r) for r in csv.reader(sys.stdin))))')" "[19]"
"$DYAD" query --db "$db" --quad 7 2>/dev/null
check "query bad quad" "$?" 2
"$DYAD" query --db "$T/none.db" 2>/dev/null
check "query missing store" "$?" 3

# series: one row per period, zero-filled
check "series by day" "$("$DYAD" series --db "$db" --dyad RUS,UKR --by day --from 2023-03-01 --to 2023-03-10 | tr '\t\n' ' ;')" "period events;2023-03-01 0;2023-03-02 2;2023-03-03 0;2023-03-04 0;2023-03-05 0;2023-03-06 0;2023-03-07 0;2023-03-08 1;2023-03-09 0;2023-03-10 0;"
check "series by week" "$("$DYAD" series --db "$db" --dyad RUS,UKR --by week | tr '\t\n' ' ;')" "period events;2023-02-27 2;2023-03-06 1;"
check "series by month" "$("$DYAD" series --db "$db" --source MLI --by month --from 2023-05-01 --to 2023-08-31 | tr '\t\n' ' ;')" "period events;2023-05 0;2023-06 3;2023-07 1;2023-08 0;"
check "series goldstein" "$("$DYAD" series --db "$db" --dyad RUS,UKR --by day --measure goldstein --from 2023-03-02 --to 2023-03-03 | tr '\t\n' ' ;')" "period events goldstein_sum goldstein_mean;2023-03-02 2 -20.0 -10.000;2023-03-03 0 0.0 ;"
check "series quad" "$("$DYAD" series --db "$db" --by month --measure quad --raw | tr '\t\n' ' ;')" "period events q1 q2 q3 q4;2023-03 5 0 0 0 5;2023-04 0 0 0 0 0;2023-05 0 0 0 0 0;2023-06 5 0 0 1 4;2023-07 2 0 0 1 1;"

# exports: column counts
ncols() { "$DYAD" export --db "$db" --format "$1" | awk -F'\t' '{print NF}' | sort -u | tr '\n' ' '; }
check "export phoenix columns" "$(ncols phoenix)" "26 "
check "export gdelt columns" "$(ncols gdelt)" "61 "
check "export icews columns" "$(ncols icews)" "20 "
check "export rows" "$("$DYAD" export --db "$db" --format gdelt | wc -l | tr -d ' ')" 8
check "export gdelt mentions" "$("$DYAD" export --db "$db" --format gdelt --dyad RUS,UKR | cut -f2,6,16,27,32-34 | head -1)" "20230302	RUSMIL	UKRMIL	194	3	2	3"
check "export phoenix actors" "$("$DYAD" export --db "$db" --format phoenix --dyad RUS,UKR | cut -f2,6-13,16 | head -1)" "20230302	RUSMIL	RUS	MIL		UKRMIL	UKR	MIL		4"
check "export gdelt ActionGeo" "$("$DYAD" export --db "$db" --format gdelt --dyad RUS,UKR | head -1 | cut -f52,53,57,58)" "4	Kharkiv, Ukraine	49.98081	36.25272"
check "export phoenix location" "$("$DYAD" export --db "$db" --format phoenix --dyad RUS,UKR | head -1 | cut -f19-23,26)" "49.98081	36.25272	Kharkiv	Kharkiv	UKR	Reuters;AP"
check "export icews location" "$("$DYAD" export --db "$db" --format icews --dyad RUS,UKR | sed -n 2p | cut -f15-20)" "Kharkiv		Kharkiv	Ukraine	49.98081	36.25272"
check "export icews" "$("$DYAD" export --db "$db" --format icews --dyad MLI,DEU | cut -f2-5,7,8,12-14 | tail -1)" "2023-06-30	Mali		Mali	161	-4.0	mali-5	0	AFP"

# --- the agnews stories: idempotent, resumable --------------------------------
shared=${DYAD_SHARED:-}
if [ -z "$shared" ]; then
  for d in ../shared ../../shared; do
    if [ -d "$d/inputs" ]; then shared=$d; break; fi
  done
fi
AG=${shared:+$shared/inputs/agnews/world-test.jsonl}
if [ -z "$AG" ] || [ ! -f "$AG" ]; then
  echo "store: SKIP agnews: no ${AG:-../shared/inputs/agnews/world-test.jsonl} (set DYAD_SHARED)"
else
  db=$T/ag.db
  "$DYAD" ingest -q --db "$db" "$AG"
  first=$(counts "$db")
  "$DYAD" ingest --db "$db" -j 2 "$AG" 2>"$T/err"
  check "agnews twice: same rows" "$(counts "$db")" "$first"
  check "agnews twice: nothing coded" "$(grep -c '0 stories added, 0 replaced, 1900 unchanged' "$T/err")" 1
  check "agnews stories" "$(sqlite3 "$db" 'SELECT count(*) FROM stories')" 1900
  check "agnews outcomes" "$(sqlite3 "$db" "SELECT count(*) FROM stories WHERE outcome IN ('coded', 'no_events', 'discarded', 'rejected')")" 1900
  check "agnews consistent" "$(consistent "$db")" 0
  check "agnews --country" "$("$DYAD" query --db "$db" --country IRQ | tail -n +2 | wc -l | tr -d ' ')" "$(sqlite3 "$db" "SELECT count(*) FROM clusters WHERE country = 'IRQ'")"

  # new stories: the agnews stories again under new ids and a date
  sed 's/"id": "agnews-/"id": "again-/; s/^{/{"date": "2004-09-01", /' "$AG" >"$T/new.jsonl"
  head -500 "$T/new.jsonl" >"$T/new1.jsonl"
  # the third run reads the agnews stories (all stored) and the first 500
  # new ones from a pipe that then stays open: every full transaction of
  # 1,024 stories is committed, the last (2400 = 2 * 1024 + 352) is not;
  # the run is killed once the store shows the committed ones
  mkfifo "$T/fifo"
  "$DYAD" ingest -q -j 2 --db "$db" "$AG" "$T/fifo" &
  pid=$!
  sh -c 'cat "$1"; exec sleep 300' sh "$T/new1.jsonl" >"$T/fifo" &
  WPID=$!
  want=$((2 * 1024))
  n=0
  i=0
  while [ "$i" -lt 1200 ]; do
    n=$(sqlite3 "$db" 'SELECT count(*) FROM stories' 2>/dev/null)
    [ "${n:-0}" -ge "$want" ] && break
    sleep 0.05
    i=$((i + 1))
  done
  kill -9 "$pid"
  wait "$pid" 2>/dev/null
  kill "$WPID" 2>/dev/null
  WPID=""
  check "killed run: committed batches stored" "$(sqlite3 "$db" 'SELECT count(*) FROM stories')" "$want"
  check "killed run: integrity" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
  check "killed run: consistent" "$(consistent "$db")" 0
  "$DYAD" ingest --db "$db" -j 2 "$AG" "$T/new.jsonl" 2>"$T/err"
  check "resumed: the rest added" "$(grep -c '1752 stories added, 0 replaced, 2048 unchanged' "$T/err")" 1
  check "resumed: every story once" "$(sqlite3 "$db" 'SELECT count(*), count(DISTINCT story_id) FROM stories')" "3800|3800"
  check "resumed: integrity" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
  check "resumed: consistent" "$(consistent "$db")" 0
  # the same rows as one uninterrupted run
  "$DYAD" ingest -q --db "$T/clean.db" "$AG" "$T/new.jsonl"
  check "resumed: rows of a clean run" "$(counts "$db")" "$(counts "$T/clean.db")"
  q="SELECT s.story_id, e.sentence, e.source, e.target, e.code, e.event_date FROM events e JOIN stories s ON s.id = e.story ORDER BY 1, 2, 3, 4, 5"
  sqlite3 "$db" "$q" >"$T/a"
  sqlite3 "$T/clean.db" "$q" >"$T/b"
  check "resumed: events of a clean run" "$(cmp -s "$T/a" "$T/b" && echo same)" same
  q="SELECT source, target, code, location, event_date, mentions, stories FROM clusters ORDER BY 1, 2, 3, 4, 5, 6"
  sqlite3 "$db" "$q" >"$T/a"
  sqlite3 "$T/clean.db" "$q" >"$T/b"
  check "resumed: clusters of a clean run" "$(cmp -s "$T/a" "$T/b" && echo same)" same
fi

# --- a story id that repeats in one run: warned of and counted ---------------
printf '%s\n' '{"id":"dup","date":"2023-07-01","text":"France condemned Russia."}' \
  '{"id":"dup","date":"2023-07-01","text":"Germany condemned Ukraine."}' >"$T/dup.jsonl"
"$DYAD" ingest --db "$T/dup.db" --dict "$DICT" "$T/dup.jsonl" 2>"$T/err"
check "repeated id: exit" "$?" 0
check "repeated id: warned at its line" \
  "$(grep -c "dup.jsonl:2: story id \"dup\" repeats one read earlier in this run" "$T/err")" 1
check "repeated id: counted" \
  "$(tail -n 1 "$T/err" | grep -o '1 replaced, 0 unchanged; [0-9]* events stored; 1 repeated an id read earlier in this run')" \
  "1 replaced, 0 unchanged; 2 events stored; 1 repeated an id read earlier in this run"
check "repeated id: the last story kept" \
  "$(sqlite3 "$T/dup.db" "SELECT source || ' ' || target FROM events")" "DEU UKR"

if [ "$fails" -eq 0 ]; then
  echo "store: $checks checks passed"
else
  echo "store: $fails of $checks checks FAILED"
  exit 1
fi
