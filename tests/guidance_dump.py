#!/usr/bin/env python3
"""guidance_dump.py - the guidance parts of the catalog in the canonical
JSONL form of notes/guidance_canon.md (issue 13), for comparison with an
independent transcription.

    python3 tests/guidance_dump.py CATALOG_DIR > guidance.jsonl

Reads guidance-II.xml, guidance-III.xml, annex5.xml, annex6.xml,
glossary.xml and annex7.xml; writes one JSON object a line, sorted by
(kind, id).
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:iotscope:catalog:1}"
FULL = str.maketrans("０１２３４５６７８９", "0123456789")


def norm_id(s):
    return s.translate(FULL).replace(" ", "")


def txt(e):
    return re.sub(r"\s+", " ", "".join(e.itertext())).strip()


def paras(e, tag="p"):
    return "\n".join(txt(p) for p in e.findall(NS + tag))


def rec(kind, rid, line, title="", text="", flags=None):
    return dict(kind=kind, id=norm_id(rid), line=int(line), title=title, text=text,
                flags=flags or [])


def bps(out, item_id, e, path):
    p = path + [e.get("label")]
    out.append(rec("bp", item_id + "/" + "/".join(p), e.get("line"), text=paras(e)))
    for k in e.findall(NS + "bp"):
        bps(out, item_id, k, p)


def guidance(out, root):
    for sub in root.iter(NS + "section"):
        items = sub.findall(NS + "item")
        for it in items:
            iid = it.get("id")
            out.append(rec("item", iid, it.get("line"), text=paras(it), flags=[it.get("level")]))
            for b in it.findall(NS + "bp"):
                bps(out, iid, b, [])
            for ev in it.findall(NS + "eval"):
                out.append(rec("eval", iid + "/eval/" + ev.get("label"), ev.get("line"),
                               text=paras(ev)))
        for kind, tag in (("category", "purpose"), ("control", "measure")):
            for b in sub.findall(NS + kind):
                flags = ["cloud"] if b.get("cloud") == "true" else []
                out.append(rec(kind, b.get("clause"), b.get("line"), txt(b.find(NS + "title")),
                               paras(b, tag), flags))
        for b in sub:
            if b.tag not in (NS + "category", NS + "control"):
                continue
            for it in items:
                out.append(rec("tie", b.get("clause") + "|" + it.get("id"), b.get("line")))


def annex(out, root):
    kind = "annex" + root.get("annex")
    for c in root.findall(NS + "clause"):
        out.append(rec(kind, c.get("id"), c.get("line"), txt(c.find(NS + "title")), paras(c)))


def glossary(out, root):
    for t in root.findall(NS + "term"):
        out.append(rec("term", t.get("number"), t.get("line"), txt(t.find(NS + "name")), paras(t)))


def annex7(out, root):
    for t in root.findall(NS + "topic"):
        out.append(rec("annex7", t.get("label"), t.get("line"), txt(t.find(NS + "title")), paras(t)))


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "catalog"
    out = []
    readers = (("guidance-II.xml", guidance), ("guidance-III.xml", guidance),
               ("annex5.xml", annex), ("annex6.xml", annex),
               ("glossary.xml", glossary), ("annex7.xml", annex7))
    for name, fn in readers:
        fn(out, ET.parse("%s/%s" % (d, name)).getroot())
    out.sort(key=lambda r: (r["kind"], r["id"]))
    for r in out:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
