#!/usr/bin/env python3
"""guidance_gen.py - first draft of the guidance parts of the catalog (issue 13).

Reads the seed (shared/seeds/000_a2ff9dfc89857e0b.txt) and writes
guidance-II.xml, guidance-III.xml (Parts II and III with the ISO/IEC
27002:2013 blocks printed in them), annex5.xml, annex6.xml, glossary.xml
(I.6) and annex7.xml into the catalog directory.

The XML files, not this script, are the source of truth (catalog/FORMAT.md):
the script only made the first transcription, which was then reviewed
section by section against the seed.  Re-running it overwrites the files.

    python3 catalog/tools/guidance_gen.py SEED CATALOG_DIR
"""
import re
import sys
from xml.sax.saxutils import escape, quoteattr

NS = "urn:iotscope:catalog:1"

# Paragraphs the PDF split in the middle of a word (page or cell break):
# seed line -> why it is joined to the paragraph before it, without a space.
JOINS = {
    282: "a paragraph split by a page break: line 280 ends in mid-word with 「自」 and line 282 continues 「社開発システム」; joined without a space",
    4407: "a paragraph split by a page break: line 4405 ends in mid-sentence with 「提供に支障を」 and line 4407 continues 「来すおそれが生じる」; joined without a space",
    4460: "a paragraph split by a page break: line 4458 ends in mid-word with 「統一したポ」 and line 4460 continues 「リシーが適用されていない」; joined without a space",
    4599: "a paragraph split by a page break: line 4597 ends in mid-word with 「情報セキュリティ」 and line 4599 continues 「事象の発見」; joined without a space",
    4744: "a paragraph split by a page break: line 4742 ends in mid-sentence with 「必要がある場合は、」 and line 4744 continues 「情報セキュリティマネジメントに係る責任範囲」; joined without a space",
    4815: "a paragraph split by a page break and footnote 34 (line 4813): line 4811 ends in mid-word with 「その後も、適」 and line 4815 continues 「切な時間間隔で」; joined without a space",
    4914: "a paragraph split by a page break: line 4912 ends in mid-sentence with 「認証を行う、または、」 and line 4914 continues 「許可されたクラウド利用者以外からのアクセス」; joined without a space",
    4953: "a paragraph split by a page break: line 4951 ends in mid-word with 「アクセ」 and line 4953 continues 「ス制御方針に係る」; joined without a space",
    5017: "a paragraph split by a page break: line 5015 ends in mid-word with 「【利用者接」 and line 5017 continues 「点とサプライチェーンにおける」; joined without a space",
    5181: "a paragraph split by a page break: line 5175 ends in mid-word with 「同意を獲得す」 and line 5181 continues 「ることにより」; joined without a space",
    5249: "a paragraph split by a page break: line 5247 ends in mid-sentence with 「管理されていない」 and line 5249 continues 「システム変更」; joined without a space",
    5271: "a paragraph split by a page break: line 5269 ends in mid-reference with 「Annex 6 6.3.2」 and line 5271 continues 「【利用者接点とサプライチェーンにおける情報提供・共有】」; joined without a space",
    5435: "a paragraph split by a page break: line 5434 ends in mid-heading with 「IoT 機器の推奨に」 and line 5435 continues 「留め、提供はしないケース】」; joined without a space",
    4546: "a paragraph split by a page break and footnote 29 (lines 4542-4544): line 4540 ends with 「管理権限の範」 and line 4546 continues 「困が、本来の管理対象と整合しない」; joined without a space. 範困 is kept as printed (範囲 is presumably meant)",
    5155: "a list entry split by a page break and footnote 36: line 5153 ends with 「内部統制保証報告書（IT」 and line 5155 continues 「実 7 号、SOC2 等) 等)」; joined without a space. The words between (IT 委員会実務指針第, as in glossary term 20 on line 300) are not in the seed and are not restored",
}

# Characters of another script inside the Japanese (a conversion slip):
# seed line -> (as printed, restored, why).
CHAR_FIXES = {
    4706: ("インターフェ이스", "インターフェイス",
           "「管理用インターフェ이스」 has the Hangul 이스 (U+C774 U+C2A4, read i-seu, the sound of katakana イス) in place of イス; restored as 「管理用インターフェイス」, the spelling of the same phrase 管理用インターフェイスの悪用 in Annex 5 15.1.1 (seed 4546) and of the seed's other uses (lines 141, 394, 5279; インターフェース only at 5114, 5229)"),
}


def clean(s):
    """One seed line as catalog text (FORMAT.md "Text"): heading marks,
    list dashes, bold marks and HTML debris dropped, footnote marks
    <sup>N</sup> dropped, <sub>2</sub> as ₂, white space folded."""
    s = s.replace("\u3000", " ") if False else s
    s = re.sub(r"<sup>\s*\d+\s*</sup>", "", s)
    # CO<sub>2</sub> -> CO₂: subscript digits, the faithful plain-text form
    s = re.sub(r"<sub>(\d+)</sub>",
               lambda m: "".join(chr(0x2080 + int(d)) for d in m.group(1)), s)
    s = re.sub(r"<sub>(.*?)</sub>", r"\1", s)
    s = re.sub(r"</?(b|p|ul|li|br)\s*/?>", "", s)
    s = s.strip()
    s = re.sub(r"^#+\s*", "", s)
    s = s.replace("**", "")
    s = re.sub(r"^-\s+", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def attr(name, value):
    return " %s=%s" % (name, quoteattr(str(value)))


def text_el(tag, line, text, ind, extra=""):
    return "%s<%s%s%s>%s</%s>\n" % (ind, tag, attr("line", line), extra, escape(text), tag)


def chapter_fix(printed):
    """Clause id of a printed ISO/IEC 27002 number, and whether it was
    damaged.  '1 2.1' (stray space) and '1.2.1.1' (chapter 12 printed
    '1.2') both mean a two-digit chapter; chapters are 5-18."""
    compact = re.sub(r"\s+", "", printed)
    parts = compact.split(".")
    if parts[0] == "1" and len(parts) > 1 and parts[1].isdigit() and len(parts[1]) == 1:
        parts = [parts[0] + parts[1]] + parts[2:]
    clause = ".".join(parts)
    return clause, clause != printed


def repair_text(printed, clause, title):
    if re.sub(r"\s+", "", printed) == clause:
        how = "with a space inside"
    else:
        how = "as"
    return ("heading number printed %s 「%s」; the chapters of ISO/IEC 27002:2013 run from 5 to 18, "
            "so it is clause %s (%s)" % (how, printed, clause, title))


class Lines:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.raw = f.read().split("\n")

    def get(self, n):
        return self.raw[n - 1]


# ---------------------------------------------------------------- Parts II/III

ROMAN = r"(?:II|Ⅱ|III|Ⅲ)"
RE_ITEM = re.compile(r"^" + ROMAN + r"\.\s*(\d+)\.\s*(\d+)\.\s*(\d+)\.\s*【(基本|推奨)】$")
RE_SUB = re.compile(r"^" + ROMAN + r"\.\s*(\d+)\.\s*(\d+)\.\s*(\S.*)$")
RE_SEC = re.compile(r"^" + ROMAN + r"\.\s*(\d+)\.\s*(\S.*)$")
RE_CLAUSE = re.compile(r"^(\d[\d ]*(?:\s*\.\s*\d+){1,3})\s+(\S.*)$")
RE_RN = re.compile(r"^([ivx]+)\.\s*(.*)$")
RE_AL = re.compile(r"^([a-z])\)\s*(.*)$")
RE_DG = re.compile(r"^(\d+)\)\s*(.*)$")
RE_EV = re.compile(r"^([a-z])\.\s*(.*)$")
RE_SEE = re.compile(r"^(【利用者接点と\s*ICT\s*サプライチェーンに着目した.*】|Annex [56] .*ページを参照)$")
RE_MARK = re.compile(r"^(（※）\s*ISO/IEC\s*27002 に記載は無いが|ISO/IEC27002 との紐付け、).*$")
RE_PAT = re.compile(r"^(パターン\s+対策参照値|[1-6]\t.*)$")


def next_text(L, n, end):
    for k in range(n + 1, end):
        c = clean(L.get(k))
        if c:
            return c
    return ""


def parse_part(L, part, start, first, end):
    """Parts II/III from line FIRST (the first section heading) to END."""
    sections = []
    sec = sub = item = None
    target = None        # the list of paragraphs that continuation lines extend
    mode = "body"
    stack = []           # open best-practice entries: (depth, dict)
    block = None
    footnote = False
    for n in range(first, end):
        raw = L.get(n)
        s = clean(raw)
        if not s:
            continue
        if raw.startswith("<sup>"):
            footnote = True      # footnote bodies run to the next blank line
            continue
        if s == "---":
            continue
        if footnote and L.get(n - 1).strip():
            continue
        footnote = False
        m = RE_ITEM.match(s)
        if m:
            item = dict(id="%s.%s.%s.%s" % ((part,) + m.groups()[:3]), line=n,
                        level="basic" if m.group(4) == "基本" else "recommended",
                        body=[], bps=[], evals=[])
            if sub is None or not item["id"].startswith(sub["id"] + "."):
                raise SystemExit("%d: item %s outside its sub-section" % (n, item["id"]))
            sub["items"].append(item)
            target, mode, stack, block = item["body"], "body", [], None
            continue
        m = RE_SUB.match(s)
        if m and not RE_ITEM.match(s):
            sub = dict(id="%s.%s.%s" % (part, m.group(1), m.group(2)), line=n,
                       title=m.group(3), items=[], blocks=[], notes=[])
            sec["subs"].append(sub)
            item, target, block = None, None, None
            continue
        m = RE_SEC.match(s)
        if m:
            sec = dict(id="%s.%s" % (part, m.group(1)), line=n, title=m.group(2), subs=[])
            sections.append(sec)
            sub = item = target = block = None
            continue
        if s in ("【ベストプラクティス】",):
            mode, stack, target = "bp", [], None
            continue
        if s == "【評価項目】":
            mode, target = "eval", None
            continue
        if RE_SEE.match(s):
            target = None
            continue
        if RE_MARK.match(s) and sub is not None:
            sub["notes"].append((n, s))   # the legend of the （※） mark
            target = None
            continue
        m = RE_CLAUSE.match(s)
        if m and (next_text(L, n, end).startswith("【目的】") or
                  next_text(L, n, end).startswith("【管理策】")):
            printed = m.group(1).strip()
            clause, damaged = chapter_fix(printed)
            title = m.group(2)
            cloud = "（※）" in title
            title = title.replace("（※）", "").strip()
            kind = "category" if clause.count(".") == 1 else "control"
            block = dict(kind=kind, clause=clause, number=printed, line=n, title=title,
                         cloud=cloud, text=[], repair=repair_text(printed, clause, title)
                         if damaged else None)
            sub["blocks"].append(block)
            item, target, mode = None, None, "block"
            continue
        if mode == "block" and block is not None:
            for mark in ("【目的】", "【管理策】"):
                if s.startswith(mark):
                    want = "【目的】" if block["kind"] == "category" else "【管理策】"
                    if mark != want:
                        raise SystemExit("%d: %s under a %s" % (n, mark, block["kind"]))
                    block["text"].append((n, s[len(mark):].strip()))
                    target = block["text"]
                    break
            else:
                if target is None:
                    raise SystemExit("%d: stray line in a 27002 block: %s" % (n, s))
                target.append((n, s))
            continue
        if item is None:
            raise SystemExit("%d: text outside an item: %s" % (n, s))
        if mode == "eval":
            if RE_PAT.match(raw.strip()) or RE_PAT.match(s):
                target = None
                continue
            m = RE_EV.match(s)
            if m:
                ev = dict(label=m.group(1), line=n, text=[(n, m.group(2))])
                item["evals"].append(ev)
                target = ev["text"]
                continue
            if target is None:
                raise SystemExit("%d: stray line in 評価項目: %s" % (n, s))
            target.append((n, s))
            continue
        if mode == "bp":
            for depth, rx in ((0, RE_RN), (1, RE_AL), (2, RE_DG)):
                m = rx.match(s)
                if m:
                    e = dict(label=m.group(1), line=n, text=[(n, m.group(2))], kids=[])
                    while stack and stack[-1][0] >= depth:
                        stack.pop()
                    if depth == 0:
                        item["bps"].append(e)
                    elif not stack or stack[-1][0] != depth - 1:
                        raise SystemExit("%d: list entry %s without a parent" % (n, m.group(1)))
                    else:
                        stack[-1][1]["kids"].append(e)
                    stack.append((depth, e))
                    target = e["text"]
                    break
            else:
                if target is None:
                    raise SystemExit("%d: stray line in ベストプラクティス: %s" % (n, s))
                target.append((n, s))
            continue
        if target is None:
            raise SystemExit("%d: stray line: %s" % (n, s))
        target.append((n, s))
    return sections


def paras(ind, plist, tag="p"):
    out = ""
    for ln, t in plist:
        out += text_el(tag, ln, t, ind)
    return out


def bp_xml(e, ind):
    out = "%s<bp%s%s>\n" % (ind, attr("label", e["label"]), attr("line", e["line"]))
    out += paras(ind + "  ", e["text"])
    for k in e["kids"]:
        out += bp_xml(k, ind + "  ")
    return out + "%s</bp>\n" % ind


def part_xml(part, line, title, sections):
    o = ['<?xml version="1.0" encoding="UTF-8"?>\n',
         '<guidance xmlns="%s"%s%s>\n' % (NS, attr("part", part), attr("line", line)),
         "  <title>%s</title>\n" % escape(title)]
    for sec in sections:
        o.append('  <section%s%s>\n    <title>%s</title>\n' %
                 (attr("id", sec["id"]), attr("line", sec["line"]), escape(sec["title"])))
        for sub in sec["subs"]:
            o.append('    <section%s%s>\n      <title>%s</title>\n' %
                     (attr("id", sub["id"]), attr("line", sub["line"]), escape(sub["title"])))
            for it in sub["items"]:
                o.append('      <item%s%s%s>\n' % (attr("id", it["id"]), attr("level", it["level"]),
                                                   attr("line", it["line"])))
                o.append(paras("        ", it["body"]))
                for e in it["bps"]:
                    o.append(bp_xml(e, "        "))
                for ev in it["evals"]:
                    o.append('        <eval%s%s>\n' % (attr("label", ev["label"]), attr("line", ev["line"])))
                    o.append(paras("          ", ev["text"]))
                    o.append('        </eval>\n')
                o.append('      </item>\n')
            for b in sub["blocks"]:
                o.append('      <%s%s%s%s%s>\n' % (b["kind"], attr("clause", b["clause"]),
                                                   attr("number", b["number"]), attr("line", b["line"]),
                                                   ' cloud="true"' if b["cloud"] else ""))
                o.append('        <title>%s</title>\n' % escape(b["title"]))
                tag = "purpose" if b["kind"] == "category" else "measure"
                o.append(paras("        ", b["text"], tag))
                if b["repair"]:
                    o.append(text_el("repair", b["line"], b["repair"], "        "))
                o.append('      </%s>\n' % b["kind"])
            o.append(paras("      ", sub["notes"], "note"))
            o.append('    </section>\n')
        o.append('  </section>\n')
    o.append('</guidance>\n')
    return "".join(o)


# ---------------------------------------------------------------- Annexes 5/6

RE_AHEAD = re.compile(r"^(\d+(?:\s*[.\s]\s*\d+)*)\s+(\D.*)$")


def parse_annex(L, start, end):
    heads = []
    intro = []
    cur = None
    for n in range(start + 1, end):
        raw = L.get(n)
        s = clean(raw)
        if not s or s == "---" or raw.startswith("<sup>"):
            continue           # page-break rule and footnote bodies
        if n in JOINS:
            ln, prev = (cur["text"] if cur else intro)[-1]
            (cur["text"] if cur else intro)[-1] = (ln, prev + s)
            cur["repairs"].append((n, JOINS[n]))
            continue
        if n in CHAR_FIXES:
            wrong, right, why = CHAR_FIXES[n]
            if wrong not in s:
                raise SystemExit("%d: %s is not on this line" % (n, wrong))
            s = s.replace(wrong, right)
            cur["repairs"].append((n, why))
        m = RE_AHEAD.match(s) if raw.lstrip().startswith("#") else None
        if m:
            printed = m.group(1).strip()
            clause, damaged = chapter_fix(printed)
            cur = dict(clause=clause, number=printed, line=n, title=m.group(2), text=[], repairs=[],
                       repair=repair_text(printed, clause, m.group(2)) if damaged else None)
            heads.append(cur)
            continue
        if raw.lstrip().startswith("#"):
            raise SystemExit("%d: heading without a clause number: %s" % (n, s))
        (cur["text"] if cur else intro).append((n, s))
    return intro, heads


def annex_xml(which, line, title, intro, heads):
    o = ['<?xml version="1.0" encoding="UTF-8"?>\n',
         '<clauses xmlns="%s"%s%s>\n' % (NS, attr("annex", which), attr("line", line)),
         "  <title>%s</title>\n" % escape(title), paras("  ", intro)]
    for h in heads:
        o.append('  <clause%s%s%s>\n    <title>%s</title>\n' %
                 (attr("id", h["clause"]), attr("number", h["number"]), attr("line", h["line"]),
                  escape(h["title"])))
        o.append(paras("    ", h["text"]))
        if h["repair"]:
            o.append(text_el("repair", h["line"], h["repair"], "    "))
        for ln, why in h["repairs"]:
            o.append(text_el("repair", ln, why, "    "))
        o.append('  </clause>\n')
    o.append('</clauses>\n')
    return "".join(o)


# ---------------------------------------------------------------- I.6

RE_TERM = re.compile(r"^(\d+)\.\s*(\S.*)$")


def parse_glossary(L, start, end):
    terms = []
    for n in range(start + 1, end):
        raw = L.get(n)
        s = clean(raw)
        if not s or raw.startswith("<sup>") or s == "---":
            continue
        m = RE_TERM.match(s)
        if m and int(m.group(1)) == len(terms) + 1:
            terms.append(dict(number=m.group(1), line=n, name=m.group(2), text=[], repairs=[]))
            continue
        if n in JOINS:
            ln, prev = terms[-1]["text"][-1]
            terms[-1]["text"][-1] = (ln, prev + s)
            terms[-1]["repairs"].append((n, JOINS[n]))
            continue
        terms[-1]["text"].append((n, s))
    return terms


def glossary_xml(line, title, terms):
    o = ['<?xml version="1.0" encoding="UTF-8"?>\n',
         '<glossary xmlns="%s"%s>\n' % (NS, attr("line", line)),
         "  <title>%s</title>\n" % escape(title)]
    for t in terms:
        o.append('  <term%s%s>\n    <name>%s</name>\n' %
                 (attr("number", t["number"]), attr("line", t["line"]), escape(t["name"])))
        o.append(paras("    ", t["text"]))
        for ln, why in t["repairs"]:
            o.append(text_el("repair", ln, why, "    "))
        o.append('  </term>\n')
    o.append('</glossary>\n')
    return "".join(o)


# ---------------------------------------------------------------- Annex 7

# Which Fig. 16 blocks (environment roles) each topic speaks to; read from
# the topics: 1 and 2 weigh providing IoT devices (b) against only
# recommending them (c); 3 is about the case where the operator only
# recommends (c); 4 about the share of duties among partners (e).
ANNEX7_ROLES = {"1": "provide recommend", "2": "provide recommend",
                "3": "recommend", "4": "partners"}


def parse_annex7(L, start, end):
    topics = []
    for n in range(start + 1, end):
        s = clean(L.get(n))
        if not s:
            continue
        m = re.match(r"^(\d)\.\s*(\S.*)$", s)
        if m and L.get(n).lstrip().startswith("#"):
            topics.append(dict(label=m.group(1), line=n, title=m.group(2), text=[], repairs=[]))
            continue
        if n in JOINS:
            ln, prev = topics[-1]["text"][-1]
            topics[-1]["text"][-1] = (ln, prev + s)
            topics[-1]["repairs"].append((n, JOINS[n]))
            continue
        topics[-1]["text"].append((n, s))
    return topics


def annex7_xml(line, title, topics):
    o = ['<?xml version="1.0" encoding="UTF-8"?>\n',
         '<annex7 xmlns="%s"%s>\n' % (NS, attr("line", line)),
         "  <title>%s</title>\n" % escape(title)]
    for t in topics:
        o.append('  <topic%s%s%s>\n    <title>%s</title>\n' %
                 (attr("label", t["label"]), attr("roles", ANNEX7_ROLES[t["label"]]),
                  attr("line", t["line"]), escape(t["title"])))
        o.append(paras("    ", t["text"]))
        for ln, why in t["repairs"]:
            o.append(text_el("repair", ln, why, "    "))
        o.append('  </topic>\n')
    o.append('</annex7>\n')
    return "".join(o)


def main():
    seed, out = sys.argv[1], sys.argv[2]
    L = Lines(seed)

    def find(rx, lo=1):
        for n in range(lo, len(L.raw) + 1):
            if re.search(rx, L.get(n)):
                return n
        raise SystemExit("not found: " + rx)
    g = find(r"^## I\. 6\. 用語の定義")
    ref = find(r"^## I\. 7\. 参考文書")
    p2 = find(r"^## II\. 組織・運用編")
    p3 = find(r"Ⅲ\. 物理的・技術的対策編")
    p4 = find(r"^## \*\*IV\. IoT サービスリスクへの対応方針編")
    a5 = find(r"^## \*\*Annex 5 利用者接点と ICT サプライチェーンに着目した要求事項", p4)
    a6 = find(r"^## \*\*Annex 6 利用者接点と ICT サプライチェーンに着目した情報", a5)
    a7 = find(r"^## \*\*Annex 7 クラウド事業者が過度の責任を負わないための注意点", a6)
    a8 = find(r"^## \*\*Annex 8 【事例集】", a7)
    s2 = find(r"^## II\. 1\. ", p2)
    s3 = find(r"Ⅲ\. 1\. アプリケーション", p3)
    files = {
        "guidance-II.xml": part_xml("II", p2, "II. 組織・運用編", parse_part(L, "II", p2, s2, p3)),
        "guidance-III.xml": part_xml("III", p3, "Ⅲ. 物理的・技術的対策編",
                                     parse_part(L, "III", p3, s3, p4)),
        "annex5.xml": annex_xml("5", a5, clean(L.get(a5)), *parse_annex(L, a5, a6)),
        "annex6.xml": annex_xml("6", a6, clean(L.get(a6)), *parse_annex(L, a6, a7)),
        "glossary.xml": glossary_xml(g, clean(L.get(g)), parse_glossary(L, g, ref)),
        "annex7.xml": annex7_xml(a7, clean(L.get(a7)), parse_annex7(L, a7, a8)),
    }
    for name, text in files.items():
        with open("%s/%s" % (out, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
