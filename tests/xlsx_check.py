#!/usr/bin/env python3
"""xlsx_check.py - the XLSX workbooks seen by a reader that is not
libxlsxwriter (openpyxl), for tests/xlsx.sh.

  layout FILE CATALOG NCMS   the case 5 workbook (C locale): sheets, cells,
                             lists, frozen panes, filter, print setup, types
  ja FILE                    the same workbook written in ja_JP.UTF-8
  fill IN OUT                the auditor's edits (see FILLED below)
  hostile KIND GOOD OUT      a hostile workbook of KIND made from GOOD

Every expected value below was read off the guideline's tables (the seed
text, catalog/annex2.xml lines 19-60) or set by the test itself; none was
produced by running iotscope.  Prints one FAIL line per failed check and
exits 1 if there was one.
"""
import io
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

fails = []


def check(cond, what):
    if not cond:
        fails.append(what)
        print("FAIL: " + what)


def rows_by_id(ws):
    return {r[0].value: r for r in ws.iter_rows(min_row=2) if r[0].value is not None}


def entries(catalog, name):
    """How many rows the Annex table has: its sections, items and subs."""
    root = ET.parse("%s/%s" % (catalog, name)).getroot()
    return sum(1 for e in root.iter() if e.tag.split('}')[-1] in ("section", "item", "sub"))


# Annex 2 of the guideline, III.1.1.1 a/b and III.1.1.2 b: the reference
# value of patterns 1-6, "*" where it is to be achieved (seed lines 3874-3877).
ANNEX2 = {
    "III.1.1.1.a": ("Ⅲ. 1. 1. 1.", "a", "●", "死活監視インターバル（応答確認）",
                    ["1 回以上／5 分*", "1 回以上／10 分*", "1 回以上／20 分*",
                     "1 回以上／5 分*", "1 回以上／10 分*", "1 回以上／20 分*"]),
    "III.1.1.1.b": ("Ⅲ. 1. 1. 1.", "b", "●",
                    "通知時間（稼働停止検知後、利用者に通知するまでの時間）",
                    ["20 分以内*", "60 分以内*", "5 時間以内*", "20 分以内*", "60 分以内*",
                     "5 時間以内*"]),
    "III.1.1.2.b": ("Ⅲ. 1. 1. 2.", "b", "●",
                    "通知時間（障害検知後、利用者に通知するまでの時間）",
                    ["20 分", "60 分", "5 時間", "20 分", "60 分", "5 時間"]),
}
HYPERLINK = '=HYPERLINK("http://evil.example","click")'


def print_setup(ws, ncols_letter, nrows):
    t = ws.title
    check(ws.freeze_panes == "A2", "%s: heading row frozen (%s)" % (t, ws.freeze_panes))
    check(ws.auto_filter.ref == "A1:%s%d" % (ncols_letter, nrows),
          "%s: autofilter A1:%s%d (%s)" % (t, ncols_letter, nrows, ws.auto_filter.ref))
    ps = ws.page_setup
    check(ps.orientation == "landscape", "%s: landscape (%s)" % (t, ps.orientation))
    check(str(ps.paperSize) == "9", "%s: paper A4 = 9 (%s)" % (t, ps.paperSize))
    # fitToWidth absent is its default, 1 (ECMA-376 18.3.1.63)
    check(ps.fitToWidth in (None, 1, "1"), "%s: fitToWidth 1 (%s)" % (t, ps.fitToWidth))
    check(str(ps.fitToHeight) == "0", "%s: as many pages long as needed (%s)" % (t, ps.fitToHeight))
    check(ws.sheet_properties.pageSetUpPr is not None and
          ws.sheet_properties.pageSetUpPr.fitToPage, "%s: fit to page on" % t)
    check(ws.print_title_rows in ("$1:$1", "1:1"),
          "%s: heading row repeated on each page (%s)" % (t, ws.print_title_rows))
    check(ws.column_dimensions["A"].hidden, "%s: the id column is hidden" % t)
    check(ws.protection.sheet, "%s: protected (ids and guideline text locked)" % t)


def validations(ws):
    return [(str(dv.sqref), dv.type, dv.formula1) for dv in ws.data_validations.dataValidation]


def all_text(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    check(c.data_type == "s", "%s!%s is text, not %s (%r)"
                          % (ws.title, c.coordinate, c.data_type, c.value))


def layout(path, catalog, ncms):
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ["Summary", "Survey", "Countermeasures", "Actions", "Annex 1",
                            "Annex 2", "iotscope"], "sheets: %s" % wb.sheetnames)
    check(wb["iotscope"].sheet_state == "hidden", "the meta sheet is hidden")
    all_text(wb)

    a2 = wb["Annex 2"]
    n2 = entries(catalog, "annex2.xml")
    head = [c.value for c in a2[1]]
    check(head == ["Id", "対策項目番号", "評価項目番号", "対策項目", "区分", "評価項目※",
                   "Pattern 1", "Pattern 2", "Pattern 3", "Pattern 4", "Pattern 5",
                   "Pattern 6", "実施チェック", "Note", "Changed by", "Changed at"],
          "Annex 2 headings: %s" % head)
    check(a2.max_row == n2 + 1, "Annex 2: %d rows, the table has %d" % (a2.max_row - 1, n2))
    byid = rows_by_id(a2)
    for item, (number, sub, level, ev, refs) in ANNEX2.items():
        r = byid.get(item)
        check(r is not None, "Annex 2 has %s" % item)
        if r is None:
            continue
        got = [r[1].value, r[2].value] + [c.value for c in r[4:12]]
        check(got == [number, sub, level, ev] + refs, "Annex 2 %s: %s" % (item, got))
    check(byid["III.1.1.1.a"][3].value.startswith("クラウドサービスの提供に用いる"),
          "Annex 2 III.1.1.1.a text")
    check(byid["III.1.1.3.a"][4].value == "★", "Annex 2 III.1.1.3.a is recommended (★)")
    check(byid["III.1.1.1.a"][12].value == "partly", "Annex 2 III.1.1.1.a checked partly")
    check(byid["III.1.1.1.a"][12].protection.locked is False, "the check column is open")
    check(byid["III.1.1.1.a"][3].protection.locked is not False, "the guideline's text is locked")
    check(validations(a2) == [("M2:M%d" % (n2 + 1), "list",
                               '"implemented,partly,not implemented,n/a"')],
          "Annex 2 list: %s" % validations(a2))
    print_setup(a2, "P", n2 + 1)

    a1 = wb["Annex 1"]
    n1 = entries(catalog, "annex1.xml")
    head = [c.value for c in a1[1]]
    check(head == ["Id", "項番", "対策項目", "区分", "実施チェック", "Note", "Changed by",
                   "Changed at"], "Annex 1 headings: %s" % head)
    r = rows_by_id(a1)["II.1.1.1"]
    check(r[1].value == "II. 1. 1. 1.", "Annex 1 II.1.1.1 number")
    check(r[2].value.startswith("経営陣は、情報セキュリティに関する組織的取組"), "II.1.1.1 text")
    check(r[3].value == "●", "II.1.1.1 basic")
    check(r[4].value == "implemented", "II.1.1.1 implemented")
    check(r[5].value == HYPERLINK and r[5].data_type == "s",
          "a formula-like note is a text cell (%r, %s)" % (r[5].value, r[5].data_type))
    check(r[6].value == "tester", "II.1.1.1 changed by tester")
    check(validations(a1) == [("E2:E%d" % (n1 + 1), "list",
                               '"implemented,partly,not implemented,n/a"')],
          "Annex 1 list: %s" % validations(a1))
    print_setup(a1, "H", n1 + 1)

    cms = wb["Countermeasures"]
    check(cms.max_row == ncms + 1, "%d countermeasure rows, %d derived" % (cms.max_row - 1, ncms))
    r = rows_by_id(cms)["A-1"]
    check(r[2].value == "A-1" and r[5].value == "in place", "A-1 in place")
    check(r[6].value == "=1+1" and r[6].data_type == "s", "note =1+1 is text (%r)" % r[6].value)
    check(validations(cms) == [("F2:F%d" % (ncms + 1), "list",
                                '"to do,in place,n/a,later"')],
          "decision list: %s" % validations(cms))
    print_setup(cms, "J", ncms + 1)

    acts = wb["Actions"]
    r = rows_by_id(acts)["A-1#1"]
    check(r[6].value == "done", "A-1 action 1 done")
    check(validations(acts) == [("G2:G%d" % acts.max_row, "list",
                                 '"done,not done,not applicable"')],
          "action list: %s" % validations(acts))
    print_setup(acts, "J", acts.max_row)

    sv = wb["Survey"]
    first = [c.value for c in sv[2]]
    check(first[1].startswith("(ア)") and first[4] == "○", "survey line 1: %s" % first)
    summ = {r[0].value: r[2].value for r in wb["Summary"].iter_rows(min_row=2)}
    check(summ.get("name") == "Case 5", "summary names the assessment")


def ja(path):
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames[:6] == ["概要", "調査", "リスク対応策", "実施内容", "Annex 1", "Annex 2"],
          "Japanese sheet names: %s" % wb.sheetnames)
    a2 = wb["Annex 2"]
    head = [c.value for c in a2[1]]
    check(head[13] == "メモ" and head[6] == "パターン 1", "Japanese headings: %s" % head)
    check(validations(a2)[0][2] == '"実施済み,一部実施,未実施,対象外"',
          "the list in Japanese: %s" % validations(a2))
    r = rows_by_id(a2)["III.1.1.1.a"]
    check(r[12].value == "一部実施", "status shown in Japanese (%s)" % r[12].value)


# The auditor's edits: (sheet, id, column, value).  Column by heading.
FILLED = [
    ("Annex 1", "II.1.1.2", "実施チェック", "not implemented"),
    ("Annex 1", "II.1.1.2", "Note", "=1+1"),
    ("Annex 2", "III.1.1.1.b", "実施チェック", "n/a"),
    ("Countermeasures", "C-1-own", "Decision", "in place"),
    ("Countermeasures", "C-1-own", "Note", "done in March"),
    ("Actions", "A-1#2", "State", "not done"),
    ("Annex 1", "II.1.1.1", "Note", None),
]
# Cells the workbook is not meant to change: reported, never applied.
TAMPERED = [
    ("Annex 2", "III.1.1.1.a", "Pattern 1", "1 回以上／60 分"),
    ("Annex 1", "II.2.1.1", "対策項目", "changed text"),
]


def set_cell(wb, sheet, rid, heading, value):
    ws = wb[sheet]
    col = [c.value for c in ws[1]].index(heading)
    row = rows_by_id(ws)[rid]
    row[col].value = value
    if value is not None:
        row[col].data_type = "s"   # typed as text, as Excel does with '=1+1


def fill(src, dst):
    wb = openpyxl.load_workbook(src)
    for e in FILLED + TAMPERED:
        set_cell(wb, *e)
    wb.save(dst)


def rewrite(good, dst, change):
    zin = zipfile.ZipFile(good)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for i in zin.infolist():
            data = change(i.filename, zin.read(i.filename))
            if data is not None:
                z.writestr(i.filename, data)


def hostile(kind, good, dst):
    if kind == "bomb":            # 3 MiB of one byte: under the size cap, 1000:1
        rewrite(good, dst, lambda n, d: d + b" " * (3 << 20) if n == "xl/workbook.xml" else d)
    elif kind == "big":           # a sheet over 4 MiB once inflated
        rewrite(good, dst, lambda n, d: d.replace(b"</sheetData>", b"</sheetData>" +
                                                  b"<!--" + bytes(range(48, 58)) * 500000 + b"-->")
                if n == "xl/worksheets/sheet6.xml" else d)
    elif kind in ("dotdot", "absolute"):
        rewrite(good, dst, lambda n, d: d)
        with zipfile.ZipFile(dst, "a") as z:
            z.writestr("../evil" if kind == "dotdot" else "/tmp/evil", b"x")
    elif kind == "members":
        rewrite(good, dst, lambda n, d: d)
        with zipfile.ZipFile(dst, "a") as z:
            for i in range(80):
                z.writestr("xl/extra%d.xml" % i, b"<a/>")
    elif kind == "notxlsx":
        with zipfile.ZipFile(dst, "w") as z:
            z.writestr("hello.txt", b"not a workbook")
    elif kind == "truncated":
        data = open(good, "rb").read()
        open(dst, "wb").write(data[:len(data) // 2])
    elif kind == "sst":           # a cell naming shared string 99999
        rewrite(good, dst, lambda n, d: d.replace(b"<v>0</v>", b"<v>99999</v>", 1)
                if n == "xl/worksheets/sheet5.xml" else d)
    elif kind == "malformed":
        rewrite(good, dst, lambda n, d: d[:len(d) // 2] if n == "xl/worksheets/sheet5.xml" else d)
    elif kind == "entities":      # billion laughs in the shared strings
        lol = (b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaa">'
               b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>')
        rewrite(good, dst, lambda n, d: lol if n == "xl/sharedStrings.xml" else d)
    else:
        raise SystemExit("unknown kind " + kind)


def third(path, only):
    """A third checklist of the catalog (tests/fixtures/checklist3, no
    pattern values) is a sheet of its own, named from the catalog, with
    the plain checklist columns (hand-worked from annex3.xml)."""
    wb = openpyxl.load_workbook(path)
    names = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    want = ["Summary", "Annex 3x"] if only else \
        ["Summary", "Survey", "Countermeasures", "Actions", "Annex 1", "Annex 2", "Annex 3x"]
    check(names == want, "sheets %s, not %s" % (names, want))
    ws = wb["Annex 3x"]
    heads = [c.value for c in ws[1]]
    check(heads == ["Id", "Number", "Item", "Level", "Check", "Note", "Changed by",
                    "Changed at"], "Annex 3x headings: %s" % heads)
    rows = rows_by_id(ws)
    check(sorted(rows) == ["X.1", "X.1.1", "X.1.2"], "Annex 3x rows: %s" % sorted(rows))
    got = [c.value for c in rows["X.1.1"][1:5]]
    check(got == ["X. 1. 1.", "Do the first thing.", "\u25cf", "implemented"],
          "X.1.1: %s" % got)
    got = [c.value for c in rows["X.1.2"][1:5]]
    check(got == ["X. 1. 2.", "Do the second thing.", "\u2605", None], "X.1.2: %s" % got)
    summary = rows_by_id(wb["Summary"])
    got = [c.value for c in summary["annex3"][1:3]]
    check(got == ["Annex 3x items checked", "1 of 2"], "summary: %s" % got)
    meta = {r[0].value: r[1].value for r in wb["iotscope"].iter_rows()
            if r[0].value != "sheet" and r[0].value != "value"}
    check(meta["what"] == ("annex3" if only else "assessment"), "meta what: %s" % meta["what"])
    ws["E" + str(rows["X.1.2"][0].row)].value = "partly"
    wb.save(path.replace(".xlsx", "-filled.xlsx"))


def main():
    cmd = sys.argv[1]
    if cmd == "layout":
        layout(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "third":
        third(sys.argv[2], sys.argv[3] == "only")
    elif cmd == "ja":
        ja(sys.argv[2])
    elif cmd == "fill":
        fill(sys.argv[2], sys.argv[3])
    elif cmd == "hostile":
        hostile(sys.argv[2], sys.argv[3], sys.argv[4])
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
