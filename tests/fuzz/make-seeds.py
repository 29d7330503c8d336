#!/usr/bin/env python3
"""Writes the seed corpora of fuzz_code, fuzz_sink and fuzz_dict.

usage: tests/fuzz/make-seeds.py   (from the repository root)

code/ and sink/: the story texts of the conformance cases
(tests/conformance/*.txt) and the example story, each behind a few option
bytes (see the targets' headers). dict/: the fixture and test dictionaries
(tests/data/), each behind the option byte of its kind (bits 0-3: 0 actors,
1 agents, 2 verbs, 3 discards, 4 nouns, 5 issues, 6 TABARI .actors, 7 TABARI
.verbs, 8 TABARI .options; bit 5 loads the fixture with it).
"""
import glob
import hashlib
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.path.join(ROOT, "tests", "fuzz", "seeds")


def texts():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "conformance", "*.txt"))):
        name = os.path.basename(path)[:-4]
        cur, block, buf = None, None, []
        for line in open(path, encoding="utf-8", errors="surrogateescape"):
            line = line.rstrip("\n")
            if line.startswith("=== "):
                cur = re.split(r"[: ]", line[4:], maxsplit=1)[0]
                block = None
                continue
            if line in ("--- text", "--- events", "--- error") or line.startswith("--- file "):
                if block == "text" and buf:
                    out.append((cur, "\n".join(buf).strip("\n")))
                block, buf = line[4:], []
                continue
            if block == "text":
                buf.append(line)
        if block == "text" and buf:
            out.append((cur, "\n".join(buf).strip("\n")))
    ex = os.path.join(ROOT, "examples", "mali-2023-07-01.txt")
    if os.path.exists(ex):
        out.append(("example-mali", open(ex, encoding="utf-8").read().split("\n", 1)[1]))
    return out


def write(target, name, data):
    d = os.path.join(SEEDS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    for target in ("code", "sink", "dict"):
        for old in glob.glob(os.path.join(SEEDS, target, "*")):
            os.remove(old)
    for cid, text in texts():
        body = text.encode("utf-8", "surrogateescape")
        # fuzz_code: fixture plain, keep-hedged+explain+date, bundled+date
        # coded twice, TABARI profile with a title line
        for opt in (0x08, 0x0E, 0x58, 0x29):
            write("code", f"{cid}-{opt:02x}", bytes([opt]) + body)
        # fuzz_sink: id of 4 bytes, fixture / bundled keep-hedged / failing
        for opt in (0x40, 0x45, 0x48):
            write("sink", f"{cid}-{opt:02x}", bytes([opt]) + b"s-01" + body)
    kinds = {
        "tests/data/conformance/actors.txt": 0,
        "tests/data/conformance/agents.txt": 1,
        "tests/data/conformance/verbs.txt": 2,
        "tests/data/conformance/discards.txt": 3,
        "tests/data/dict/actors.txt": 0,
        "tests/data/dict/actors2.txt": 0,
        "tests/data/dict/agents.txt": 1,
        "tests/data/dict/verbs_p1.txt": 2,
        "tests/data/dict/verbs_p2.txt": 2,
        "tests/data/dict/synsets.txt": 2,
        "tests/data/dict/discards.txt": 3,
        "tests/data/dict/nouns.txt": 4,
        "tests/data/dict/issues.txt": 5,
        "tests/data/dict/tabari/t.actors": 6,
        "tests/data/dict/tabari/t2.actors": 6,
        "tests/data/dict/tabari/t.agents": 1,
        "tests/data/dict/tabari/t.verbs": 7,
        "tests/data/dict/tabari/t.options": 8,
        "tests/data/dict/bad/actors_bad.txt": 0,
        "tests/data/dict/bad/agents_bad.txt": 1,
        "tests/data/dict/bad/verbs_bad.txt": 2,
        "tests/data/dict/bad/cycle_verbs.txt": 2,
        "tests/data/dict/bad/issues_bad.txt": 5,
        "tests/data/dict/bad/bad.options": 8,
        "tests/data/dict/bad/latin1_actors.txt": 0,
        "tests/data/validate/tabari/mini.verbs": 7,
        "tests/data/validate/tabari/mini.actors": 6,
        "tests/data/validate/tabari/mini.options": 8,
        "tests/data/validate/petrarch2/mini.verbs.txt": 2,
    }
    for rel, kind in kinds.items():
        path = os.path.join(ROOT, rel)
        if not os.path.exists(path):
            continue
        data = open(path, "rb").read()
        stem = rel.replace("tests/data/", "").replace("/", "_")
        write("dict", f"{stem}-{kind:02x}", bytes([kind]) + data)
        write("dict", f"{stem}-{kind | 0x20:02x}", bytes([kind | 0x20]) + data)
        write("dict", f"{stem}-{kind | 0x30:02x}", bytes([kind | 0x30]) + data)
    # short pieces of the bundled dictionaries (first 200 lines of each file)
    for path in sorted(glob.glob(os.path.join(ROOT, "dict", "**", "*.txt"), recursive=True)):
        base = os.path.basename(path)
        kind = 0 if "actors" in path else 1 if "agents" in base else 2 if "verbs" in path and "nouns" not in base else 4 if "nouns" in base else 3
        head = b"".join(open(path, "rb").readlines()[:200])
        write("dict", f"bundled_{base[:-4]}-{kind | 0x20:02x}", bytes([kind | 0x20]) + head)


if __name__ == "__main__":
    main()
