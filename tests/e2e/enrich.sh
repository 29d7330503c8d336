#!/bin/sh
# When, where and at what cost, end to end through `dyad code` with the
# bundled dictionaries: the wire sentences of docs/coding.md ("When, where,
# how many"), the GeoNames dump reader (--gazetteer, errors at
# file:line:col), --ontology and --no-enrich, and the seed story of
# ../shared (skipped when absent; read in place, never copied).
DYAD=${DYAD:-build/dyad}
T=$(mktemp -d "${TMPDIR:-/tmp}/dyad-enrich.XXXXXX")
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
check() {
  if [ "$2" = "$3" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$3" "$2"
  fi
}
# fields F of the JSON Lines events of file $1 whose verb_text is $2, one
# event per line, fields joined by |
fields() {
  python3 - "$@" <<'PY'
import json, sys
path, verb, names = sys.argv[1], sys.argv[2], sys.argv[3:]
for line in open(path, encoding="utf-8"):
    if not line.strip():
        continue
    e = json.loads(line)
    if verb and e["verb_text"] != verb:
        continue
    print("|".join("" if e.get(n) is None else str(e.get(n)) for n in names))
PY
}
code() { "$DYAD" code -q --format jsonl "$@" >"$T/out" 2>"$T/err"; }

# 1. "On 31 December 2020, suspected militants killed two soldiers in an
# ambush near Gao (Gao region)." with its headline (the soldiers are Mali's),
# story date 2021-01-02.
printf 'date 2021-01-02\nTwo Malian soldiers killed in ambush near Gao\n\nOn 31 December 2020, suspected militants killed two soldiers in an ambush near Gao (Gao region).\n' >"$T/gao.txt"
code "$T/gao.txt"
check "gao: date, place, dead" \
  "$(fields "$T/out" killed sentence event_date date_precision date_text country admin1 place geo_precision fatalities count_text | tail -n 1)" \
  "1|2020-12-31|day|On 31 December 2020|MLI|Gao|Gao|place|2|killed two"
check "gao: coordinates" "$(fields "$T/out" killed lat lon | tail -n 1)" "16.27167|-0.04472"
check "gao: PLOVER" "$(fields "$T/out" killed plover_type plover_context | tail -n 1)" "ASSAULT|military"

# ... and the sentence alone: the soldiers and militants take the country of
# the place it names
printf 'date 2021-01-02\nOn 31 December 2020, suspected militants killed two soldiers in an ambush near Gao (Gao region).\n' >"$T/gao1.txt"
code "$T/gao1.txt"
check "gao alone: actors, date, place, dead" \
  "$(fields "$T/out" killed source target code event_date country place fatalities)" \
  "MLIREB|MLIMIL|190|2020-12-31|MLI|Gao|2"

# 2. "NAJAF, Iraq - U.S. troops rolled back into the streets on Sunday"
# (story date 2004-08-16): the dateline is the place.
printf 'date 2004-08-16\nU.S. troops return to Najaf\n\nNAJAF, Iraq - U.S. troops rolled back into the streets on Sunday and attacked Shiite militiamen.\n' >"$T/najaf.txt"
code "$T/najaf.txt"
check "najaf: date and dateline place" \
  "$(fields "$T/out" attacked event_date date_precision country admin1 place geo_precision place_text)" \
  "2004-08-15|day|IRQ|An Najaf|Najaf|place|NAJAF"

# 3. "No casualties were reported." -> 0 dead, 0 wounded
printf 'date 2021-01-02\nGunmen attacked Malian soldiers in Gao on Friday. No casualties were reported.\n' >"$T/none.txt"
code "$T/none.txt"
check "no casualties: 0" \
  "$(fields "$T/out" attacked event_date fatalities wounded count_text count_qualifier)" \
  "2021-01-01|0|0|No casualties|exact"

# 4. "Paris, Texas" vs "Paris" in a story about France
printf 'date 2021-01-02\nFrench police arrested protesters in Paris on Friday.\n' >"$T/paris.txt"
code "$T/paris.txt"
check "paris: France" "$(fields "$T/out" arrested country admin1 place)" \
  "FRA|Île-de-France Region|Paris"
printf 'date 2021-01-02\nUS police arrested protesters in Paris, Texas on Friday.\n' >"$T/texas.txt"
code "$T/texas.txt"
check "paris, texas: USA" "$(fields "$T/out" arrested country admin1 place place_text)" \
  "USA|Texas|Paris|Paris"

# a place after a noun of settlement; names folded ("Gorazde" is Goražde)
printf 'date 2021-01-02\nU.N. helicopters evacuated the wounded from the besieged Bosnian town of Gorazde on Friday.\n' >"$T/gorazde.txt"
code "$T/gorazde.txt"
check "town of Gorazde" "$(fields "$T/out" evacuated country place geo_precision place_text)" \
  "BIH|Goražde|place|Gorazde"

# the countries the story names pick among places of one name: Tripoli
# (Libya, 1.1 million; Lebanon, 230,000)
printf 'date 2021-01-02\nLebanese troops attacked Palestinian militants in Tripoli on Friday.\n' >"$T/tripoli.txt"
code "$T/tripoli.txt"
check "Tripoli in a story about Lebanon" "$(fields "$T/out" attacked country admin1 place)" \
  "LBN|Liban-Nord|Tripoli"
printf 'date 2021-01-02\nLibyan troops attacked militants in Tripoli on Friday.\n' >"$T/tripoli.txt"
code "$T/tripoli.txt"
check "Tripoli in a story about Libya" "$(fields "$T/out" attacked country place)" "LBY|Tripoli"

# "Washington" is the capital (libgeonames' "Washington D.C."); capitalised
# words are not dropped to find a place ("South Asia" is no place "Asia")
printf 'date 2021-01-02\nUS police arrested protesters in Washington on Friday.\n' >"$T/dc.txt"
code "$T/dc.txt"
check "Washington" "$(fields "$T/out" arrested country admin1 place)" \
  "USA|District of Columbia|Washington D.C."
printf 'date 2021-01-02\nPakistani troops attacked militants in north-west Pakistan on Friday.\n' >"$T/nw.txt"
code "$T/nw.txt"
check "north-west Pakistan" "$(fields "$T/out" attacked country geo_precision place_text)" \
  "PAK|country|north-west Pakistan"

# counts: wounded and qualifiers; never a number the text does not give
printf 'date 2021-01-02\nMilitants attacked Malian soldiers in Gao, and 2 soldiers were killed and 16 wounded.\n' >"$T/w.txt"
code "$T/w.txt"
check "wounded" "$(fields "$T/out" attacked fatalities wounded count_text)" \
  "2|16|2 soldiers were killed and 16 wounded"
printf 'date 2024-03-05\nGunmen killed five villagers and injured seven others in an attack near Maiduguri on Sunday.\n' >"$T/w.txt"
code "$T/w.txt"
check "killed and injured: both counts" \
  "$(fields "$T/out" killed source target event_date place fatalities wounded count_text)" \
  "NGAUAF|NGACVL|2024-03-03|Maiduguri|5|7|killed five villagers and injured seven"
# the place after an elliptical clause ("and 16 [were] wounded in ...")
printf 'date 2024-03-05\nTwo Afghan soldiers were killed and 16 wounded in a roadside bomb attack near Kandahar on Monday.\n' >"$T/w.txt"
code "$T/w.txt"
check "killed and 16 wounded near Kandahar" \
  "$(fields "$T/out" killed target event_date country place fatalities wounded)" \
  "AFGMIL|2024-03-04|AFG|Kandahar|2|16"
printf 'date 2021-01-02\nMilitants attacked Malian soldiers in Gao, killing at least 12 people.\n' >"$T/w.txt"
code "$T/w.txt"
check "at least" "$(fields "$T/out" attacked fatalities count_qualifier)" "12|at_least"
printf 'date 2021-01-02\nMilitants attacked Malian soldiers in Gao, killing dozens.\n' >"$T/w.txt"
code "$T/w.txt"
check "dozens: unknown, flagged" "$(fields "$T/out" attacked fatalities count_qualifier)" "|vague"

# --ontology and --no-enrich
"$DYAD" code -q --ontology plover "$T/paris.txt" >"$T/tsv"
check "ontology plover: columns" "$(head -n 1 "$T/tsv" | cut -f 1-8)" \
  "story_id	story_date	sentence	source	target	plover_type	plover_mode	plover_context"
check "ontology plover: row" "$(tail -n 1 "$T/tsv" | cut -f 6-7)" "COERCE	arrest"
"$DYAD" code -q --ontology cameo "$T/paris.txt" >"$T/tsv"
check "ontology cameo: columns" "$(head -n 1 "$T/tsv" | cut -f 6-10)" \
  "code	root	quad_class	goldstein	source_text"
"$DYAD" code -q --ontology nonesuch "$T/paris.txt" >"$T/tsv" 2>"$T/err"
check "ontology: bad value" "$?" 2
code --no-enrich "$T/gao.txt"
check "no-enrich" "$(fields "$T/out" killed event_date date_precision country fatalities plover_type | tail -n 1)" \
  "2021-01-02|story|||"

# --gazetteer: a GeoNames dump; bad lines reported at file:line:col
printf '9999001\tKidal\tKidal\t\t18.44111\t1.40778\tP\tPPLA\tML\t\t08\t\t\t\t25617\t\t459\tAfrica/Bamako\t2012-01-01\n9999002\tBadlat\tBadlat\t\tnorth\t1.0\tP\tPPL\tML\t\t\t\t\t\t0\t\t\t\t2012-01-01\nshort\tline\n' >"$T/gn.txt"
printf 'date 2021-01-02\nGunmen attacked Malian soldiers near Kidal on Friday.\n' >"$T/kidal.txt"
"$DYAD" code -q --format jsonl --gazetteer "$T/gn.txt" "$T/kidal.txt" >"$T/out" 2>"$T/err"
check "gazetteer: exit" "$?" 0
check "gazetteer: place" "$(fields "$T/out" attacked country admin1 place geo_precision lat)" \
  "MLI|ML.08|Kidal|place|18.44111"
check "gazetteer: errors" "$(cat "$T/err")" \
  "dyad: $T/gn.txt:2:24: latitude is not a number from -90 to 90
dyad: $T/gn.txt:3:1: 2 tab-separated fields, want 19"
"$DYAD" code -q --strict --gazetteer "$T/gn.txt" "$T/kidal.txt" >"$T/out" 2>"$T/err"
check "gazetteer: strict exit" "$?" 3
check "gazetteer: strict error" "$(cat "$T/err")" \
  "dyad: $T/gn.txt:2:24: latitude is not a number from -90 to 90"
mkdir "$T/gn"
cp "$T/gn.txt" "$T/gn/cities.txt"
printf 'ML.08\tKidal\tKidal\t2455290\nbad line\n' >"$T/gn/admin1CodesASCII.txt"
"$DYAD" code -q --format jsonl --gazetteer "$T/gn/cities.txt" "$T/kidal.txt" >"$T/out" 2>"$T/err"
check "gazetteer: region names from admin1CodesASCII.txt" \
  "$(fields "$T/out" attacked admin1 place)" "Kidal|Kidal"
check "gazetteer: admin1CodesASCII.txt errors" "$(tail -n 1 "$T/err")" \
  "dyad: $T/gn/admin1CodesASCII.txt:2:1: want a code (\"ML.08\"), a name and more fields"
"$DYAD" code -q --gazetteer "$T/missing.txt" "$T/kidal.txt" >"$T/out" 2>"$T/err"
check "gazetteer: missing file exit" "$?" 3

# places of dyad's own facts (src/enrich/places.c), with libgeonames
printf 'date 2023-07-01\nGunmen attacked Malian soldiers in Kidal, Mali on Friday.\n' >"$T/kidal2.txt"
code "$T/kidal2.txt"
check "facts: Kidal, Mali" "$(fields "$T/out" attacked country admin1 place geo_precision lat lon)" \
  "MLI|Kidal|Kidal|place|18.4411|1.4078"
printf 'date 2023-11-01\nIsraeli troops attacked Hamas in Gaza City on Friday.\n\nIsraeli troops attacked Hamas in Khan Younis on Monday.\n' >"$T/gaza.txt"
code "$T/gaza.txt"
check "facts: Gaza City, Khan Younis" "$(fields "$T/out" attacked country admin1 place geo_precision lat lon | tr '\n' ' ')" \
  "PSE|Gaza Strip|Gaza|place|31.5016|34.4667 PSE|Gaza Strip|Khan Yunis|place|31.3402|34.3063 "

# the seed story (../shared/inputs/000_6835885b00529384.txt)
SHARED=${DYAD_SHARED:-../shared}
STORY=$SHARED/inputs/000_6835885b00529384.txt
if [ -f "$STORY" ]; then
  code "$STORY"
  check "seed: Security Council 2023-06-30 (day), Mali, 174 dead" \
    "$(fields "$T/out" end code event_date date_precision country fatalities count_text)" \
    "1661|2023-06-30|day|MLI|174|174 peacekeepers have died"
  check "seed: the mission's departure, a few weeks ago, Mali" \
    "$(fields "$T/out" demanded event_date date_precision date_approximate country)" \
    "2023-06-05|week|True|MLI"
  check "seed: Lavrov's call on the story date" \
    "$(fields "$T/out" called event_date date_precision)" "2023-07-01|story"
  check "seed: the junta in 2020" "$(fields "$T/out" "seized power" event_date date_precision date_text)" \
    "2020-01-01|year|in 2020"
  check "seed: no event from the toll's sentence" \
    "$(grep -c '174 peacekeepers have died in the operation, which' "$T/out")" 0
  # "Already in 2020, the organizers of the coup was suspected received
  # support ... from Russia": a suspicion gives no event; --explain shows
  # the time the sentence names, resolved
  "$DYAD" code -q --explain "$STORY" >"$T/explain" 2>/dev/null
  check "seed: 'Already in 2020' is the year 2020" \
    "$(sed -n '/^# sentence [0-9]*: Already in 2020/,/^# sentence/p' "$T/explain" | grep '^#   time')" \
    '#   time "in 2020": 2020-01-01 (year)'
else
  echo "enrich: SKIP seed story: $STORY not found (set DYAD_SHARED)"
fi
# a region after the name where the gazetteer holds no place of that name:
# the region, not a place of the name elsewhere
printf 'date 2024-07-04\nPolice in Paris, Kentucky arrested a man.\n' >"$T/kentucky.txt"
code "$T/kentucky.txt"
check "Paris, Kentucky: the region" \
  "$(fields "$T/out" arrested source country admin1 place geo_precision)" \
  "USACOP|USA|Kentucky||admin1"

# the violent rows of one sentence are one incident: a row without a date,
# place or counts of its own takes them from the others
printf 'date 2024-11-20\nMilitants killed five police officers and injured seven in an attack in Peshawar last week.\n' >"$T/incident.txt"
code "$T/incident.txt"
check "incident: the rows agree" \
  "$(fields "$T/out" "" verb_text event_date date_precision country place fatalities)" \
  "killed|2024-11-11|week|PAK|Peshawar|5
injured|2024-11-11|week|PAK|Peshawar|5"

echo "enrich: $pass checks, $fail failed"
[ "$fail" -eq 0 ]
