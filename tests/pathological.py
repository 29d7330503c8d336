#!/usr/bin/env python3
"""Pathological inputs for dyad: generated on the fly, each coded by the CLI.

usage: tests/pathological.py check BUILD_DIR [--bound S] [--only TEXT] [--small]
       tests/pathological.py bench BUILD_DIR [--reps N] [--only TEXT]

The dyad binary is BUILD_DIR/dyad, or $DYAD when set (a wrapper such as
tests/memcheck.sh's valgrind one). --small (or PATHO_SMALL=1) makes the bulk
inputs 64 KiB and the dictionary 20,000 entries, for runs under valgrind;
PATHO_ONE_RUN=1 then codes every input but the dictionary's in the one
`mixed` run (its outcomes asserted together) instead of one run each.

check: every case runs `dyad code --format jsonl --report FILE` under a
generous hang guard (--bound, default 60 s: a hang, not a speed test) and
must end with the expected exit status and, in the --report file, exactly
the expected number of stories in each outcome ("coded", "no_events",
"discarded", "rejected:<reason>", "unreadable") and of warnings (stories
coded in part). The report must have one row per story read, the summary
line must add up (read = coded + without events + discarded + rejected),
the events of the report rows must equal the JSON Lines rows written, and
every output line must parse. Messages the case names must appear on
standard error (file:line:col). The last case, `mixed`, runs every small
input in one directory (plus an input that does not exist) and checks that
the counts add up over the whole set.

bench: every bulk input is made at least 2 MB (invalid UTF-8 as TABARI
records, the 20 x 20 actor sentence repeated; the few-file cases of line
ends and byte order marks are left out) and timed (best of --reps runs, default 3), and its seconds per MB are
compared with those of ordinary news text (the conformance stories as JSON
Lines, repeated to 2 MB) coded the same way; the dictionary case is timed
per MB of dictionary against the bundled dictionaries. Prints a table and
the worst ratio; an input that writes over three times the events per MB of
news text is judged per event instead (its time goes to writing them: the
20 x 20 actor sentence gives 256 rows from 400 bytes). Tests nothing
(bench/pathological.sh records it in bench/RESULTS.md).
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONF = os.path.join(ROOT, "tests", "data", "conformance", "conf.ini")
MB = 1 << 20

# Twenty distinct countries a side: 400 source-target pairs in one sentence.
SRC20 = ["France", "Germany", "Italy", "Spain", "Portugal", "Belgium", "Austria",
         "Poland", "Hungary", "Romania", "Bulgaria", "Greece", "Turkey", "Egypt",
         "Libya", "Tunisia", "Algeria", "Morocco", "Sudan", "Sweden"]
TGT20 = ["Chad", "Niger", "Mali", "Nigeria", "Ghana", "Senegal", "Kenya",
         "Ethiopia", "Somalia", "Uganda", "Rwanda", "Burundi", "Tanzania",
         "Zambia", "Angola", "Namibia", "Botswana", "Zimbabwe", "Malawi",
         "Mozambique"]

# Invalid UTF-8 of every class (RFC 3629 section 3 and 4): name -> bytes.
BAD_UTF8 = {
    "overlong-2": b"\xc0\x80",
    "overlong-2-c1": b"\xc1\xbf",
    "overlong-3": b"\xe0\x80\xaf",
    "overlong-4": b"\xf0\x80\x80\xaf",
    "surrogate-high": b"\xed\xa0\x80",
    "surrogate-low": b"\xed\xbf\xbf",
    "over-10ffff": b"\xf4\x90\x80\x80",
    "byte-f5": b"\xf5\x80\x80\x80",
    "byte-f8": b"\xf8\x88\x80\x80\x80",
    "byte-fe": b"\xfe",
    "byte-ff": b"\xff",
    "truncated-2": b"\xc3",
    "truncated-3": b"\xe2\x82",
    "truncated-4": b"\xf0\x9f\x98",
    "stray-continuation": b"\x80",
    "stray-continuation-bf": b"\xbf",
}


def words_to(size, unit):
    return unit * (size // len(unit) + 1)


def ordinary_stories():
    """The story texts of the conformance cases."""
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "conformance", "*.txt"))):
        block, buf = None, []
        for line in open(path, encoding="utf-8", errors="surrogateescape"):
            line = line.rstrip("\n")
            if line.startswith("=== ") or line.startswith("--- "):
                if block == "text" and buf:
                    out.append("\n".join(buf).strip("\n"))
                block = "text" if line == "--- text" else None
                buf = []
                continue
            if block == "text":
                buf.append(line)
    return [t for t in out if t.strip()]


class Case:
    """One input: files to write, dyad arguments, expected counts."""

    def __init__(self, name, files, args, counts, warned=0, rc=None,
                 min_events=0, stderr=(), small=True, dict_bench=False,
                 fmt=None):
        self.name = name
        self.files = files          # {relative name: bytes}
        self.args = args            # extra dyad arguments (dictionaries ...)
        self.counts = counts        # {outcome[:reason]: n}
        self.warned = warned
        self.rc = rc if rc is not None else (
            1 if any(k.startswith("rejected") for k in counts) else 0)
        self.min_events = min_events
        self.stderr = stderr        # regexes that must match standard error
        self.small = small          # part of the `mixed` directory
        self.dict_bench = dict_bench
        self.fmt = fmt              # --input-format, None: auto


def cases(scale):
    """The cases; scale >= 1 makes the bulk inputs at least `scale` MB,
    scale 0 makes them 64 KiB (--small)."""
    big = max(1, scale) * MB if scale else 64 << 10
    cs = []
    text = "--input-format"
    cs.append(Case(
        "sentence-1mb-no-punctuation",
        {"s.txt": words_to(big, b"Mali accused France and Chad ") +
         b"\n\nNiger accused Mali."},
        [], {"coded": 1}, warned=1, min_events=1, fmt="text",
        stderr=[r"s\.txt:1:1: sentence of \d+ tokens skipped \(limit 4096\)"],
        small=False))
    cs.append(Case(
        "sentence-1mb",
        {"s.txt": words_to(big, b"Mali accused France and ") +
         b"Chad. Niger accused Mali."},
        [], {"coded": 1}, warned=1, min_events=1, fmt="text", small=False))
    n = max(5000 if scale else 1000, big // 8)
    cs.append(Case(
        "quotes-10k" if scale == 1 else "quotes-nested",
        {"q.txt": b"\"\xe2\x80\x9c" * (n // 2) + b"Mali accused France." +
         b"\xe2\x80\x9d\"" * (n // 2) + b"\n\nNiger accused Mali."},
        [], {"coded": 1}, warned=1, min_events=1, fmt="text", small=False))
    n = max(10000 if scale else 1000, big // 2)
    cs.append(Case(
        "parens-10k" if scale == 1 else "parens-nested",
        {"p.txt": b"(" * n + b"Mali accused France." + b")" * n +
         b"\n\nNiger accused Mali."},
        [], {"coded": 1}, warned=1, min_events=1, fmt="text", small=False))
    n = max(33334 if scale else 1500, big // 21 + 1)
    cs.append(Case(
        "actors-100k" if scale else "actors-4500",
        {"a.txt": b"Mali, Niger, France, " * n + b"and Chad accused Russia.\n\n" +
         b"Niger, " * 1000 + b"and Chad accused Mali.\n\n" + b"," * 1000 +
         b"\n\nMali accused France."},
        [], {"coded": 1}, warned=1, min_events=2, fmt="text", small=False))
    one = (", ".join(SRC20[:-1]) + " and " + SRC20[-1] + " accused " +
           ", ".join(TGT20[:-1]) + " and " + TGT20[-1] + " of lying. ").encode()
    reps = max(1, big // len(one)) if scale > 1 else 1
    cs.append(Case(
        "events-per-sentence",
        {"e.txt": one * reps},
        ["--dict", os.path.join(ROOT, "dict", "dyad.ini")], {"coded": 1},
        warned=1, min_events=256 * reps, fmt="text",
        stderr=[r"e\.txt:1:1: sentence gave more than 256 events"]))
    # sentences just under the token limit, full of actors and verbs
    sent = b"Mali accused France and Niger, " * 570 + b"Chad.\n\n"
    reps = max(1, big // len(sent)) if scale > 1 else 2
    cs.append(Case(
        "sentences-4000-tokens", {"l.txt": sent * reps}, [], {"coded": 1},
        min_events=2 * reps, fmt="text", small=False))
    cs.append(Case(
        "token-1mb",
        {"t.txt": b"Mali accused " + b"x" * big + b". Mali accused France."},
        [], {"coded": 1}, warned=1, min_events=1, fmt="text", small=False,
        stderr=[r"t\.txt:1:14: word of \d+ bytes matched on its first 256"]))
    n = max(1, big // 2)
    cs.append(Case(
        "combining-only",
        {"c.txt": "\u0301\u0308".encode() * (n // 4 + 1)},
        [], {"no_events": 1}, fmt="text", small=False))
    cs.append(Case(
        "nul-bytes",
        {"n.txt": b"\0" * (big // 2) + b"Mali accused\0France.\0\0Niger accused "
         b"Mali.\0" + b"\0" * (big // 2)},
        [], {"coded": 1}, min_events=2, fmt="text", small=False))
    # invalid UTF-8: one text story per class, the bad bytes at 1:14
    files = {}
    for cls, bad in BAD_UTF8.items():
        files[f"utf8-{cls}.txt"] = b"Mali accused " + bad + b" France.\n"
    cs.append(Case(
        "invalid-utf8", files, [], {"rejected:encoding": len(files)},
        stderr=[rf"utf8-{re.escape(c)}\.txt:1:14: invalid UTF-8" for c in BAD_UTF8]))
    # the same as TABARI records in one file, scaled for the bench
    recs = []
    k = 0
    while True:
        for cls, bad in BAD_UTF8.items():
            recs.append(b"230701 R%d\nMali accused " % k + bad +
                        b" France. Niger accused Mali again today.\n\n")
            k += 1
        if sum(map(len, recs)) >= (big if scale > 1 else 0):
            break
    cs.append(Case(
        "invalid-utf8-records", {"bad.rec": b"".join(recs)}, [],
        {"rejected:encoding": k}, fmt="tabari", small=False,
        stderr=[r"bad\.rec:2:14: invalid UTF-8"]))
    # line ends and byte order marks, each format
    rec = b"230701 A1\nMali accused France.\n\n230701 A2\nNiger accused Mali.\n"
    jsl = (b'{"id": "j1", "date": "2023-07-01", "text": "Mali accused France."}\n'
           b'{"id": "j2", "date": "2023-07-01", "text": "Niger accused Mali."}\n')
    xml = (b'<Sentences>\n<Sentence id="X1_1" date="20230701">\n<Text>\n'
           b'Mali accused France.\n</Text>\n</Sentence>\n</Sentences>\n')
    txt = b"date 2023-07-01\nMali accused France.\n\nNiger accused Mali.\n"
    for end, tag in ((b"\n", "lf"), (b"\r\n", "crlf"), (b"\r", "cr")):
        cs.append(Case(
            f"line-ends-{tag}",
            {f"{tag}.rec": rec.replace(b"\n", end),
             f"{tag}.jsonl": jsl.replace(b"\n", end),
             f"{tag}.xml": xml.replace(b"\n", end),
             f"{tag}.txt": txt.replace(b"\n", end)},
            [], {"coded": 6}, min_events=7))
    bom = b"\xef\xbb\xbf"
    cs.append(Case(
        "bom",
        {"bom.rec": bom + rec, "bom.jsonl": bom + jsl, "bom.xml": bom + xml,
         "bom.txt": bom + txt},
        [], {"coded": 6}, min_events=7))
    n = max(10000 if scale else 1000, big // 3)
    cs.append(Case(
        "xml-nesting",
        {"deep.xml": b'<Sentences>\n<Sentence id="D1_1" date="20230701"><Text>'
         b"Mali accused France.</Text></Sentence>\n" + b"<b>" * n},
        [], {"coded": 1, "rejected:limit": 1}, min_events=1, small=False,
        stderr=[r"deep\.xml:3:766: XML elements nested more than 256 deep"]))
    story = (b"Malian troops attacked French soldiers. Mali said Russia would "
             b"send troops to Mali. ")
    n = max(123457, big // len(story) + 1) if scale > 1 else 123457 if scale else 700
    cs.append(Case(
        "story-10mb" if scale else "story-64k",
        {"big.jsonl": b'{"id": "big", "date": "2023-07-01", "text": "' +
         story * n + b'"}\n'},
        [], {"coded": 1}, min_events=n, small=False))
    n = max(100000 if scale else 3000, big // 21 + 1)
    cs.append(Case(
        "sentences-100k" if scale else "sentences-3k", {"many.txt": b"Mali accused France. " * n}, [],
        {"coded": 1}, min_events=n, fmt="text", small=False))
    cs.append(Case(
        "dict-1m" if scale else "dict-20k", dict_files(1000000 if scale else 20000),
        ["--default-date", "2021-05-05"],
        {"coded": 1}, min_events=3, fmt="text", small=False, dict_bench=True))
    return cs


def dict_files(entries):
    """`entries` actor entries (1,000,000: a made-up code each, one in ten
    with a synonym, one in a hundred a person with a date-restricted code)
    and a story naming some."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def word(i):
        return "".join(letters[(i // 26 ** k) % 26] for k in range(5))
    out = []
    for i in range(entries):
        w = word(i)
        code = "X" + letters[i % 26] + letters[(i // 26) % 26]
        out.append(f"ACTOR_{w} [{code}]\n")
        if i % 10 == 0:
            out.append(f"+{w}_LAND\n")
        if i % 100 == 0:
            out.append(f"PERSON_{w}\n\t[{code}GOV 20200101-20221231]\n\t[{code}ELI]\n")
    story = (f"Actor {word(0)} accused Actor {word(1)}. Person {word(500)} "
             f"met Actor {word(entries - 1)}. {word(entries * 12345 // 100000 // 10 * 10)} "
             f"land criticized Actor {word(entries * 7 // 9)}.\n")
    return {"big.actors.txt": "".join(out).encode(), "dict-story.txt": story.encode()}


def write(d, files):
    for name, data in files.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


def case_args(c, d):
    """dyad arguments of case c whose files are in d."""
    args = []
    if c.dict_bench:
        args += ["--dict", os.path.join(d, "big.actors.txt"), "--dict",
                 os.path.join(ROOT, "tests", "data", "conformance", "verbs.txt")]
        inputs = [os.path.join(d, "dict-story.txt")]
    else:
        if "--dict" not in c.args:
            args += ["--dict", CONF]
        inputs = [os.path.join(d, n) for n in sorted(c.files)]
    if c.fmt:
        args += ["--input-format", c.fmt]
    return args + c.args, inputs


def run(dyad, args, inputs, bound, cwd):
    rep = os.path.join(cwd, "report.jsonl")
    cmd = [dyad, "code", "--format", "jsonl", "--report", rep] + args + inputs
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=bound)
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - t0
    return (p, rep), time.monotonic() - t0


SUMMARY = re.compile(r"dyad: (\d+) stories read, (\d+) coded, (\d+) without events, "
                     r"(\d+) discarded, (\d+) rejected")


def verify(c, res, counts_want=None, warned_want=None, min_events=None):
    """Problems with a run of case c (empty list: it passed)."""
    p, rep = res
    why = []
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != c.rc:
        why.append(f"exit status {p.returncode}, expected {c.rc}")
    rows = []
    try:
        rows = [json.loads(x) for x in open(rep, encoding="utf-8")]
    except (OSError, ValueError) as e:
        why.append(f"report unreadable: {e}")
    counts, warned, events = {}, 0, 0
    for r in rows:
        k = r["outcome"]
        if k in ("rejected", "unreadable"):
            k += ":" + str(r["reason"])
        counts[k] = counts.get(k, 0) + 1
        warned += r["warning"] is not None
        events += r["events"]
    want = counts_want if counts_want is not None else c.counts
    if counts != want:
        why.append(f"outcomes {counts}, expected {want}")
    ww = warned_want if warned_want is not None else c.warned
    if warned != ww:
        why.append(f"{warned} stories coded in part, expected {ww}")
    out = p.stdout.decode("utf-8", "strict").splitlines()
    for n, line in enumerate(out, 1):
        if not isinstance(json.loads(line), dict):
            why.append(f"output line {n} is not an object")
            break
    if events != len(out):
        why.append(f"report counts {events} events, output has {len(out)}")
    me = min_events if min_events is not None else c.min_events
    if len(out) < me:
        why.append(f"{len(out)} events, expected at least {me}")
    m = SUMMARY.search(err)
    if not m:
        why.append("no summary line")
    else:
        read, coded, noev, disc, rej = map(int, m.groups())
        stories = sum(v for k, v in counts.items() if not k.startswith("unreadable"))
        if read != coded + noev + disc + rej or read != stories:
            why.append(f"summary does not add up: {m.group(0)} "
                       f"({stories} report rows)")
    for rx in c.stderr:
        if not re.search(rx, err):
            why.append(f"no message matching /{rx}/ on standard error")
    return why


def check(build, bound, only, small, one_run=False):
    dyad = os.environ.get("DYAD") or os.path.join(build, "dyad")
    if os.sep in dyad:
        dyad = os.path.abspath(dyad)
    if not os.access(dyad, os.X_OK):
        print(f"pathological: SKIP: no dyad binary at {dyad}")
        return 0
    fails = runs = 0
    t_all = time.monotonic()
    mixed = Case("mixed", {}, [], {}, rc=3)
    with tempfile.TemporaryDirectory() as tmp:
        mdir = os.path.join(tmp, "mixed")
        os.mkdir(mdir)
        for c in cases(0 if small else 1):
            if c.small or (one_run and not c.dict_bench):
                for n, data in c.files.items():
                    mixed.files[n if c.small else f"{c.name}-{n}"] = data
                for k, v in c.counts.items():
                    mixed.counts[k] = mixed.counts.get(k, 0) + v
                mixed.warned += c.warned
                mixed.min_events += c.min_events
                mixed.stderr = list(mixed.stderr) + list(c.stderr)
            if (only and only not in c.name) or (one_run and not c.dict_bench):
                continue
            d = os.path.join(tmp, c.name)
            os.mkdir(d)
            write(d, c.files)
            args, inputs = case_args(c, d)
            res, secs = run(dyad, args, inputs, bound, d)
            runs += 1
            why = ["no result within %ds" % bound] if res is None else verify(c, res)
            if why:
                fails += 1
                print(f"pathological: FAIL {c.name} ({secs:.2f}s): " + "; ".join(why))
                if res:
                    for line in res[0].stderr.decode("utf-8", "replace").splitlines()[-3:]:
                        print("  " + line)
            else:
                print(f"pathological: ok {c.name} ({secs:.2f}s, exit {res[0].returncode}, "
                      f"{sum(c.counts.values())} stories)")
            for n in c.files:
                os.remove(os.path.join(d, n))
        if not only or only in "mixed":
            # every small input in one run with bundled and conformance
            # dictionaries both named, plus an input that does not exist:
            # the counts add up over the whole set
            write(mdir, mixed.files)
            mixed.counts["unreadable:io"] = 1
            args = ["--dict", os.path.join(ROOT, "dict", "dyad.ini")]
            inputs = [mdir, os.path.join(tmp, "no-such-input.txt")]
            res, secs = run(dyad, args, inputs, bound, tmp)
            runs += 1
            # the bundled dictionaries code more than the conformance ones:
            # events are not compared, outcomes are
            mixed.min_events = 0
            want = dict(mixed.counts)
            why = ["no result within %ds" % bound] if res is None else verify(mixed, res, want)
            if why:
                fails += 1
                print(f"pathological: FAIL mixed ({secs:.2f}s): " + "; ".join(why))
            else:
                print(f"pathological: ok mixed ({secs:.2f}s, exit 3, "
                      f"{sum(want.values())} stories and inputs add up)")
    print(f"pathological: {runs} cases, {fails} failed, {time.monotonic() - t_all:.1f}s")
    return 1 if fails else 0


def best(dyad, args, inputs, reps, cwd):
    """(best wall seconds of reps runs, events written); (None, 0) on a hang."""
    t, events = None, 0
    for _ in range(reps):
        res, secs = run(dyad, args, inputs, 600, cwd)
        if res is None:
            return None, 0
        t = secs if t is None else min(t, secs)
        events = res[0].stdout.count(b"\n")
    return t, events


def bench(build, reps, only):
    dyad = os.path.join(build, "dyad")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # ordinary text: the conformance stories as JSON Lines, to 2 MB
        stories = ordinary_stories()
        lines, size, k = [], 0, 0
        while size < 2 * MB:
            for t in stories:
                line = json.dumps({"id": f"o{k}", "date": "2023-07-01", "text": t}) + "\n"
                lines.append(line)
                size += len(line.encode())
                k += 1
        od = os.path.join(tmp, "ordinary")
        os.mkdir(od)
        write(od, {"ordinary.jsonl": "".join(lines).encode()})
        t, oevents = best(dyad, ["--dict", CONF], [os.path.join(od, "ordinary.jsonl")],
                          reps, od)
        ordinary = t / (size / MB)
        per_event = t / max(1, oevents)
        bundled_mb = sum(os.path.getsize(p) for p in
                         glob.glob(os.path.join(ROOT, "dict", "**", "*"), recursive=True)
                         if os.path.isfile(p)) / MB
        empty = os.path.join(od, "empty.txt")
        write(od, {"empty.txt": b"Mali accused France.\n"})
        dict_base = best(dyad, ["--dict", os.path.join(ROOT, "dict", "dyad.ini")],
                         [empty], reps, od)[0] / bundled_mb
        print(f"pathological bench: ordinary text {ordinary:.3f} s/MB "
              f"({size / MB:.1f} MB, {k} stories, {oevents} events, "
              f"{per_event * 1e6:.1f} us/event); bundled dictionaries "
              f"{dict_base:.3f} s/MB to load ({bundled_mb:.1f} MB)")
        for c in cases(2):
            if only and only not in c.name:
                continue
            mb = sum(len(v) for v in c.files.values()) / MB
            if mb < 0.5 and not c.dict_bench:
                continue  # a few small files: startup, not throughput
            d = os.path.join(tmp, c.name)
            os.mkdir(d)
            write(d, c.files)
            args, inputs = case_args(c, d)
            t, events = best(dyad, args, inputs, reps, d)
            if c.dict_bench:
                mb = os.path.getsize(os.path.join(d, "big.actors.txt")) / MB
                base, what = dict_base, "dictionary"
            else:
                base, what = ordinary, "input"
            if t is None:
                rows.append((c.name, mb, None, None, what, events, None))
            else:
                # output-bound inputs (far more events per byte than news):
                # also per event against ordinary text's time per event
                ev_ratio = (t / events) / per_event if events else None
                rows.append((c.name, mb, t, (t / mb) / base, what, events, ev_ratio))
            for n in c.files:
                os.remove(os.path.join(d, n))
    return ordinary, dict_base, rows, oevents / (size / MB)


def main(argv):
    if len(argv) < 3 or argv[1] not in ("check", "bench"):
        sys.exit(__doc__)
    build = os.path.abspath(argv[2])
    if os.environ.get("DYAD") and os.sep in os.environ["DYAD"]:
        os.environ["DYAD"] = os.path.abspath(os.environ["DYAD"])
    opts = {"--bound": "60", "--only": "", "--reps": "3"}
    small = os.environ.get("PATHO_SMALL", "") not in ("", "0")
    i = 3
    while i < len(argv):
        if argv[i] == "--small":
            small = True
            i += 1
        elif argv[i] in opts and i + 1 < len(argv):
            opts[argv[i]] = argv[i + 1]
            i += 2
        else:
            sys.exit(__doc__)
    os.chdir(ROOT)
    if argv[1] == "check":
        return check(build, int(opts["--bound"]), opts["--only"], small,
                     os.environ.get("PATHO_ONE_RUN", "") not in ("", "0"))
    ordinary, dict_base, rows, oev_mb = bench(build, int(opts["--reps"]), opts["--only"])
    worst, worst_name = 0.0, ""
    print("| input | MB | seconds | s/MB | x ordinary per MB | events | x ordinary per event |")
    print("|---|---|---|---|---|---|---|")
    for name, mb, t, ratio, what, events, ev_ratio in rows:
        if t is None:
            print(f"| {name} | {mb:.1f} | >600 | - | - | - | - |")
            worst, worst_name = float("inf"), name
            continue
        # an input that writes more than 3x the events of as much news is
        # judged per event: its time goes to finding and writing them
        judged = ev_ratio if ev_ratio is not None and \
            events / mb > 3 * oev_mb else ratio
        if judged > worst:
            worst, worst_name = judged, name
        evr = f"{ev_ratio:.2f}" if ev_ratio is not None else "-"
        print(f"| {name} | {mb:.1f} {what} | {t:.3f} | {t / mb:.3f} | {ratio:.2f} | "
              f"{events} | {evr} |")
    print(f"pathological bench: worst {worst:.2f}x ordinary text ({worst_name})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
