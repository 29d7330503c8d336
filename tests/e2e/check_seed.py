#!/usr/bin/env python3
"""End-to-end check of the seed story (a real report, read from ../shared).

usage: check_seed.py [--min-rows N] DYAD STORY [dyad code arguments...]

Codes STORY with `dyad code --format jsonl` and checks the eight expected
events of the seed story, and that its hedged and speculative sentences give
no event. Each expectation names a phrase of its sentence and the allowed
source, target and code prefixes. Prints every miss. Exits 1 when fewer than
N expected events are found (default: all eight) or when a hedged sentence
gives an event. --min-rows is for dictionary sets that cannot express some
rows (the Phoenix set discards sentences with "weeks ago" and has no verb
for "fear"): the floor pins what they reach today.
"""
import json
import subprocess
import sys

# phrase in the sentence, source prefixes, target prefixes ("" = none allowed),
# code prefixes
EXPECT = [
    ("Security Council decided", ["IGOUNO"], ["MLI", "IGOUNO"], ["16"]),
    ("demanded the mission", ["MLIGOV"], ["IGOUNO"], ["10"]),
    ("renounced cooperation", ["MLIMIL", "MLIGOV"], ["FRA"], ["16"]),
    ("begun to cooperate", ["MLIMIL", "MLIGOV"], ["RUS"], ["05", "06"]),
    ("Lavrov called", ["RUSGOV"], ["MLIGOV"], ["04"]),
    ("promised Russia", ["RUSGOV"], ["MLI"], ["03"]),
    ("feared more violence", ["IGOUNO"], ["", "MLI"], ["012"]),
    ("We do not believe", ["GBR"], ["", "MLI", "RUS", "IMG"], ["012", "11"]),
]
# phrases of sentences that must give no event (hedged or speculative), and
# for the last one, no event whose source is Wagner (the take-over)
SILENT = ["are believed to increase", "it was believed that"]
NO_TAKEOVER = "will take over the UN infrastructure"


def main():
    args = sys.argv[1:]
    min_rows = len(EXPECT)
    if args[:1] == ["--min-rows"]:
        min_rows = int(args[1])
        args = args[2:]
    dyad, story, extra = args[0], args[1], args[2:]
    p = subprocess.run([dyad, "code", "--format", "jsonl", *extra, story],
                       capture_output=True, text=True)
    if p.returncode not in (0,):
        print(f"check_seed: dyad exited {p.returncode}: {p.stderr.strip()}")
        return 1
    events = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    bad = 0
    missed = 0
    for phrase, srcs, tgts, codes in EXPECT:
        cands = [e for e in events if phrase in e.get("sentence_text", "")]
        ok = [e for e in cands
              if any(e["source"].startswith(s) for s in srcs)
              and any((t == "" and e["target"] == "") or (t and e["target"].startswith(t)) for t in tgts)
              and any(e["code"].startswith(c) for c in codes)]
        if not ok:
            missed += 1
            got = "; ".join(f'{e["source"]} {e["target"] or "-"} {e["code"]}' for e in cands) or "nothing"
            print(f"check_seed: MISS '{phrase}': want {srcs} -> {tgts} {codes}, got {got}")
    for phrase in SILENT:
        cands = [e for e in events if phrase in e.get("sentence_text", "")]
        for e in cands:
            bad += 1
            print(f"check_seed: EXTRA in hedged sentence '{phrase}': {e['source']} {e['target']} {e['code']}")
    for e in events:
        if NO_TAKEOVER in e.get("sentence_text", "") and e["source"].startswith(("RUS", "IMG")):
            bad += 1
            print(f"check_seed: EXTRA speculative take-over: {e['source']} {e['target']} {e['code']}")
    found = len(EXPECT) - missed
    if found < min_rows:
        bad += 1
    print(f"check_seed: {found} of {len(EXPECT)} expected events found (floor {min_rows}), "
          f"{len(events)} events, {bad} problems ({' '.join(extra) or 'bundled dictionaries'})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
