#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the repository's test data.

usage: tests/fuzz/make-seeds.py   (from the repository root)

code/ and sink/: the story texts of the conformance cases
(tests/conformance/*.txt) and the example story, each behind a few option
bytes (see the targets' headers). dict/: the fixture and test dictionaries
(tests/data/), each behind the option byte of its kind (bits 0-3: 0 actors,
1 agents, 2 verbs, 3 discards, 4 nouns, 5 issues, 6 TABARI .actors, 7 TABARI
.verbs, 8 TABARI .options; bit 5 loads the fixture with it); dict_<kind>/:
the same files, each in the target of its kind. explain/ and sentence/: the
story texts. read_<format>/: the reader fixtures (tests/fuzz/seeds/reader/,
kept by hand), the suites' inputs (tests/data/validate/) and the story texts
written in each format; read_gzip/ and read_zstd/ get the same documents
(the targets compress them), each behind the option byte of its format.
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


DICT_KINDS = ("actors", "agents", "verbs", "discards", "nouns", "issues",
              "tabari_actors", "tabari_verbs", "tabari_options")
READ_FMTS = {"text": 1, "jsonl": 2, "xml": 3, "tabari": 4}


def json_str(s):
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def reader_docs(stories):
    """(format, name, bytes) of the reader seeds."""
    docs = []
    for name in sorted(os.listdir(os.path.join(SEEDS, "reader"))):
        data = open(os.path.join(SEEDS, "reader", name), "rb").read()
        if not data or name.endswith("_gz"):
            continue
        fmt = (data[0] & 7) % 5
        for f, code in READ_FMTS.items():
            if fmt == code or (fmt == 0 and name.startswith(f)):
                docs.append((f, "reader-" + name, data[1:]))
    for rel, f in (("tests/data/validate/petrarch2/mini.xml", "xml"),
                   ("tests/data/validate/universalpetrarch/mini_ud.xml", "xml"),
                   ("tests/data/validate/tabari/mini.text", "tabari"),
                   ("examples/mali-2023-07-01.txt", "text")):
        path = os.path.join(ROOT, rel)
        if os.path.exists(path):
            docs.append((f, os.path.basename(rel), open(path, "rb").read()))
    # the story texts, a few at a time, in every format
    for i in range(0, len(stories), 8):
        group = stories[i:i + 8]
        cid = group[0][0]
        docs.append(("text", cid, ("date 2023-07-01\n" + group[0][1]).encode()))
        docs.append(("jsonl", cid, "".join(
            '{"id": %s, "date": "2023-07-01", "text": %s}\n' % (json_str(c), json_str(t))
            for c, t in group).encode()))
        docs.append(("xml", cid, ("<Sentences>\n" + "".join(
            '<Sentence date="20230701" id="%s-%d" source="s" sentence="True">\n'
            "<Text>\n%s\n</Text>\n</Sentence>\n" % (xml_esc(c), k, xml_esc(t))
            for k, (c, t) in enumerate(group)) + "</Sentences>\n").encode()))
        docs.append(("tabari", cid, "".join(
            "230701 %s-%d\n%s\n\n" % (c.upper(), k, t.replace("\n\n", "\n"))
            for k, (c, t) in enumerate(group)).encode()))
    return docs


def main():
    targets = ["code", "sink", "dict", "explain", "sentence"]
    targets += ["dict_" + k for k in DICT_KINDS]
    targets += ["read_" + f for f in list(READ_FMTS) + ["gzip", "zstd"]]
    for target in targets:
        for old in glob.glob(os.path.join(SEEDS, target, "*")):
            os.remove(old)
    stories = texts()
    for cid, text in stories[::4]:
        body = text.encode("utf-8", "surrogateescape")
        # fuzz_explain: fixture dated; bundled dated with a title line
        for opt in (0x04, 0x1C):
            write("explain", f"{cid}-{opt:02x}", bytes([opt]) + body)
        write("sentence", f"{cid}-00", b"\x00" + body)
        write("sentence", f"{cid}-01", b"\x01" + body)
    for fmt, name, data in reader_docs(stories):
        write("read_" + fmt, f"{name}-00", b"\x00" + data)
        write("read_" + fmt, f"{name}-18", b"\x18" + data)
        code = READ_FMTS[fmt]
        write("read_gzip", f"{fmt}-{name}-{code:02x}", bytes([code]) + data)
        write("read_zstd", f"{fmt}-{name}-{code:02x}", bytes([code]) + data)
        write("read_gzip", f"{fmt}-{name}-{code | 0x40:02x}", bytes([code | 0x40]) + data)
        write("read_zstd", f"{fmt}-{name}-{code | 0x80:02x}", bytes([code | 0x80]) + data)
    gz = os.path.join(SEEDS, "reader", "jsonl_gz")
    if os.path.exists(gz):
        write("read_gzip", "raw-jsonl_gz-22", b"\x22" + open(gz, "rb").read()[1:])
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
        # the per-loader target of the kind: plain and with the fixture
        write("dict_" + DICT_KINDS[kind], f"{stem}-00", b"\x00" + data)
        write("dict_" + DICT_KINDS[kind], f"{stem}-20", b"\x20" + data)
    # short pieces of the bundled dictionaries (first 200 lines of each file)
    for path in sorted(glob.glob(os.path.join(ROOT, "dict", "**", "*.txt"), recursive=True)):
        base = os.path.basename(path)
        kind = 0 if "actors" in path else 1 if "agents" in base else 2 if "verbs" in path and "nouns" not in base else 4 if "nouns" in base else 3
        head = b"".join(open(path, "rb").readlines()[:200])
        write("dict", f"bundled_{base[:-4]}-{kind | 0x20:02x}", bytes([kind | 0x20]) + head)
        write("dict_" + DICT_KINDS[kind], f"bundled_{base[:-4]}-20", b"\x20" + head)


if __name__ == "__main__":
    main()
