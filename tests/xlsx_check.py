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


def due_formula(col):
    """The shape of a due date, YYYY-MM-DD, as the column checks it while
    typing (the reader still checks the calendar)."""
    c = col + "2"
    return ('AND(LEN({c})=10,MID({c},5,1)="-",MID({c},8,1)="-",'
            'ISNUMBER(VALUE(LEFT({c},4)&MID({c},6,2)&RIGHT({c},2))))').format(c=c)


# The file attached as evidence to II.1.1.2 by xlsx.sh: "evidence", 8
# bytes; its sha256 from hashlib, not from iotscope.
def evidence_of(path, note):
    import hashlib
    h = hashlib.sha256(b"evidence").hexdigest()
    return "%s \u2014 %s (sha256 %s\u2026, 8 bytes)" % (path, note, h[:16])


EVIDENCE = None     # set by main from the command line


def heights(a1):
    """Row heights.  xlsx.sh gives II.2.2.1 a note of 200 'あ' in the Note
    column (40 characters wide).  40 characters of Calibri 11 are 40 x 7
    + 5 = 285 px; a CJK glyph at 11 pt is 14.7 px, so a line holds 19 of
    them: 200 / 19 = 10.5, at least 11 lines; the writer keeps 10% spare
    (18 a line: 12 lines).  A line is 15 pt (Calibri) to 18.75 pt (Yu
    Gothic 11, Japanese Excel's default): the row is 11 x 15 = 165 to
    12 x 18.75 = 225 pt.  II.2.2.2's note of 2000 'い' is 100 lines or
    more: Excel's limit, 409 pt.  A one-line row (its section heading
    II.1) keeps the default height."""
    ids = rows_by_id(a1)
    h = a1.row_dimensions[ids["II.2.2.1"][0].row].height
    check(h is not None and 165 <= h <= 225, "II.2.2.1 row height %s, not in 165..225" % h)
    h = a1.row_dimensions[ids["II.2.2.2"][0].row].height
    check(h == 409, "II.2.2.2 row height %s, not 409 (the cap)" % h)
    h = a1.row_dimensions[ids["II.1"][0].row].height
    check(h is None, "II.1 (one line) has the default height, not %s" % h)


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
                   "Pattern 6", "実施チェック", "Note", "Owner", "Due", "Evidence",
                   "Changed by", "Changed at"],
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
                               '"implemented,partly,not implemented,n/a"'),
                              ("P2:P%d" % (n2 + 1), "custom", due_formula("P"))],
          "Annex 2 lists: %s" % validations(a2))
    print_setup(a2, "S", n2 + 1)

    a1 = wb["Annex 1"]
    n1 = entries(catalog, "annex1.xml")
    head = [c.value for c in a1[1]]
    check(head == ["Id", "項番", "対策項目", "区分", "実施チェック", "Note", "Owner", "Due",
                   "Evidence", "Changed by", "Changed at"], "Annex 1 headings: %s" % head)
    r = rows_by_id(a1)["II.1.1.1"]
    check(r[1].value == "II. 1. 1. 1.", "Annex 1 II.1.1.1 number")
    check(r[2].value.startswith("経営陣は、情報セキュリティに関する組織的取組"), "II.1.1.1 text")
    check(r[3].value == "●", "II.1.1.1 basic")
    check(r[4].value == "implemented", "II.1.1.1 implemented")
    check(r[5].value == HYPERLINK and r[5].data_type == "s",
          "a formula-like note is a text cell (%r, %s)" % (r[5].value, r[5].data_type))
    check(r[9].value == "tester", "II.1.1.1 changed by tester")
    check([c.value for c in r[6:9]] == ["ops", "2026-12-24", None],
          "II.1.1.1 owner, due (text), no evidence: %s" % [c.value for c in r[6:9]])
    check(r[7].data_type == "s", "a due date is text, never a date serial (%s)" % r[7].data_type)
    check(r[6].protection.locked is False and r[7].protection.locked is False,
          "owner and due are fill-in columns")
    check(r[8].protection.locked is not False, "the evidence column is locked")
    ev = rows_by_id(a1)["II.1.1.2"][8]
    check(ev.value == EVIDENCE, "II.1.1.2 evidence: %r, not %r" % (ev.value, EVIDENCE))
    check(validations(a1) == [("E2:E%d" % (n1 + 1), "list",
                               '"implemented,partly,not implemented,n/a"'),
                              ("H2:H%d" % (n1 + 1), "custom", due_formula("H"))],
          "Annex 1 lists: %s" % validations(a1))
    dv = [d for d in a1.data_validations.dataValidation if d.type == "custom"][0]
    check(dv.showInputMessage and dv.promptTitle == "Due date" and "YYYY-MM-DD" in dv.prompt,
          "the due column says how to write a date on entering it (%s: %s)"
          % (dv.promptTitle, dv.prompt))
    print_setup(a1, "K", n1 + 1)
    heights(a1)

    cms = wb["Countermeasures"]
    check(cms.max_row == ncms + 1, "%d countermeasure rows, %d derived" % (cms.max_row - 1, ncms))
    r = rows_by_id(cms)["A-1"]
    check(r[2].value == "A-1" and r[5].value == "in place", "A-1 in place")
    check(r[6].value == "=1+1" and r[6].data_type == "s", "note =1+1 is text (%r)" % r[6].value)
    check(validations(cms) == [("F2:F%d" % (ncms + 1), "list",
                                '"to do,in place,n/a,later"'),
                               ("I2:I%d" % (ncms + 1), "custom", due_formula("I"))],
          "decision list: %s" % validations(cms))
    head = [c.value for c in cms[1]]
    check(head[6:10] == ["Note", "Owner", "Due", "Evidence"], "countermeasure columns %s" % head)
    print_setup(cms, "M", ncms + 1)

    acts = wb["Actions"]
    r = rows_by_id(acts)["A-1#1"]
    check(r[6].value == "done", "A-1 action 1 done")
    check(validations(acts) == [("G2:G%d" % acts.max_row, "list",
                                 '"done,not done,not applicable"'),
                                ("J2:J%d" % acts.max_row, "custom", due_formula("J"))],
          "action list: %s" % validations(acts))
    print_setup(acts, "M", acts.max_row)

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
    ("Countermeasures", "C-1-own", "Owner", "山田"),
    ("Countermeasures", "C-1-own", "Due", "2026-12-24"),
    ("Actions", "A-1#2", "Due", "2027-01-31"),
    ("Annex 1", "II.1.1.2", "Owner", None),
    ("Annex 1", "II.1.1.1", "Due", "2027-03-31"),
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
    ("Annex 1", "II.1.1.2", "Evidence", "/tmp/other.pdf"),
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
    check(heads == ["Id", "Number", "Item", "Level", "Check", "Note", "Owner", "Due",
                    "Evidence", "Changed by", "Changed at"], "Annex 3x headings: %s" % heads)
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


# The open items of Annex 8 case 5 as tests/open_report.sh annotates it
# (the same commands in xlsx.sh): 53 countermeasures, 160 actions and 78
# checklist items; first II.1.1.2 (due 2000-01-10, overdue), B-1 (due
# 2000-03-01, overdue), B-61 action 3 (2999-12-31), then those without a
# date in the order found, A-IoT-1 first.
def one_sheet(path, name, headings):
    """A workbook of one sheet NAME (with the summary and the hidden meta
    sheet), every cell text, headed HEADINGS: its sheet."""
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ["Summary", name, "iotscope"], "sheets %s" % wb.sheetnames)
    all_text(wb)
    ws = wb[name]
    head = [c.value for c in ws[1]]
    check(head == headings, "%s headings %s" % (name, head))
    return ws


def openwb(path):
    ws = one_sheet(path, "Open items", ["Id", "Kind", "Id", "Item", "Number", "Text", "Status",
                                        "Owner", "Due", "Evidence", "Changed by",
                                        "Changed at"])
    rows = list(ws.iter_rows(min_row=2))
    check(len(rows) == 291, "291 open rows, not %d" % len(rows))
    kinds = [r[0].value.split(":")[0] for r in rows]
    got = (kinds.count("countermeasure"), kinds.count("action"), kinds.count("check"))
    check(got == (53, 160, 78), "53/160/78, not %s" % (got,))
    first = [r[0].value for r in rows[:4]]
    check(first == ["check:annex1:II.1.1.2", "countermeasure:B-1", "action:B-61#3",
                    "countermeasure:A-IoT-1"], "first rows %s" % first)
    r = rows[0]
    got = [c.value for c in r[1:10]]
    check(got[:5] == ["checklist item", "annex1", "II.1.1.2", "II. 1. 1. 2.",
                      got[4]] and got[5:9] == ["not implemented", "ops", "2000-01-10",
                                               EVIDENCE], "II.1.1.2 row %s" % got)
    # overdue rows marked by the cell format (a red fill), the others not
    fill = lambda c: (c.fill.fgColor.rgb or "")[-6:]
    check(fill(rows[0][5]) == "FFC7CE" and fill(rows[1][5]) == "FFC7CE",
          "the two overdue rows are marked (%s, %s)" % (fill(rows[0][5]), fill(rows[1][5])))
    check(fill(rows[2][5]) != "FFC7CE", "B-61 action 3 is not overdue")
    check(rows[2][7].value == "佐藤" and rows[2][8].value == "2999-12-31", "B-61 3 owner/due")
    # each row's status list is its own: a check's, a decision's, an action's
    lists = {}      # row -> the lists that cover its G cell
    for d in ws.data_validations.dataValidation:
        if d.type != "list":
            continue
        for rng in d.sqref.ranges:
            check(rng.min_col == rng.max_col == 7, "a list outside column G: %s" % rng)
            for row in range(rng.min_row, rng.max_row + 1):
                lists.setdefault(row, []).append(d.formula1)
    want = {2: '"implemented,partly,not implemented,n/a"', 3: '"to do,in place,n/a,later"',
            4: '"done,not done,not applicable"'}
    for row, f in want.items():
        check(lists.get(row) == [f], "G%d list %s, not %s" % (row, lists.get(row), f))
    check(sorted(lists) == list(range(2, 293)) and all(len(v) == 1 for v in lists.values()),
          "one list on each of the 291 rows")
    byrow = {r[0].row: r[0].value.split(":")[0] for r in rows}
    kind_list = {"check": want[2], "countermeasure": want[3], "action": want[4]}
    bad = [r for r, k in byrow.items() if lists.get(r) != [kind_list[k]]]
    check(not bad, "rows whose list is not their kind's: %s" % bad[:5])
    check(rows[0][6].protection.locked is False and rows[0][8].protection.locked is False,
          "status and due are fill-in columns")
    check(ws.column_dimensions["A"].hidden, "the id column is hidden")


def fillopen(src, dst):
    """B-1: decided in place, owner 高橋; II.1.1.2: due moved to
    2027-06-30, its evidence cell overwritten; B-61 action 3: done."""
    wb = openpyxl.load_workbook(src)
    for rid, heading, value in [("countermeasure:B-1", "Status", "in place"),
                                ("countermeasure:B-1", "Owner", "高橋"),
                                ("check:annex1:II.1.1.2", "Due", "2027-06-30"),
                                ("action:B-61#3", "Status", "done"),
                                ("check:annex1:II.1.1.2", "Evidence", "changed")]:
        set_cell(wb, "Open items", rid, heading, value)
    wb.save(dst)


def baddue(src, dst, kind):
    """A due date that is no day (2026-02-30) or a date Excel made a number
    of, or an owner on two lines, on Annex 1 II.4.1.1; prints the cell it
    is in ("Annex 1!H12")."""
    import datetime
    wb = openpyxl.load_workbook(src)
    ws = wb["Annex 1"]
    row = rows_by_id(ws)["II.4.1.1"]
    cell = row[[c.value for c in ws[1]].index("Owner" if kind == "owner" else "Due")]
    if kind == "owner":
        cell.value = "two\nlines"
    elif kind == "day":
        cell.value = "2026-02-30"
        cell.data_type = "s"
    else:
        cell.value = datetime.datetime(2026, 12, 24)
    wb.save(dst)
    print("Annex 1!%s" % cell.coordinate)


# The crosswalk of case 5 annotated as in open_report.sh, plus II.3.1.1
# not implemented, noted '=1+1' (xlsx.sh): 233 ties (tests/crosswalk.sh); 6.1 x II.2.1.1
# first (II.2.1.1 n/a), 6.3 (※) x III.1.1.1 partly (a partly, b not
# checked: crosswalk.h's rule), 1 of 2 sub-items; 18.2.3 x II.4.3.2 last.
def xwalk(path):
    ws = one_sheet(path, "Crosswalk", ["Id", "Clause", "Added by the guideline", "Clause title",
                                       "Item", "Checklist", "Check", "Sub-items checked",
                                       "Sub-items", "Note", "Evidence"])
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    check(len(rows) == 233, "233 rows, not %d" % len(rows))
    check(rows[0][1:7] == ["6.1", None, "内部組織", "II.2.1.1", "Annex 1", "n/a"],
          "first row %s" % rows[0])
    check(rows[-1][1] == "18.2.3" and rows[-1][4] == "II.4.3.2", "last row %s" % rows[-1])
    by = {(r[1], r[4]): r for r in rows}
    r = by.get(("6.3", "III.1.1.1"))
    check(r is not None and r[2:10] == ["\u203b", "クラウド利用者とクラウド事業者の公平な取引を確保するための措置",
                                        "III.1.1.1", "Annex 2", "partly", "1", "2", None],
          "6.3 x III.1.1.1 %s" % r)
    r = by.get(("15.1.3", "II.3.1.1"))
    check(r is not None and r[9] == "=1+1", "15.1.3 x II.3.1.1 note %s" % r)
    cell = [c for c in ws.iter_rows(min_row=2) if c[0].value == "15.1.3 II.3.1.1"][0][9]
    check(cell.data_type == "s", "a formula-like note stays text (%s)" % cell.data_type)
    marks = sum(1 for r in rows if r[2] == "\u203b")
    check(marks == 43, "43 rows under the 7 ※ clauses (tests/crosswalk.sh), not %d" % marks)
    # xlsx.sh attached the same file to II.3.1.1 and to III.1.1.1's sub-item a
    r = by.get(("15.1.3", "II.3.1.1"))
    check(r is not None and r[10] == EVIDENCE, "15.1.3 x II.3.1.1 evidence %r" % r[10])
    r = by.get(("6.3", "III.1.1.1"))
    check(r is not None and r[10] == "a: " + EVIDENCE, "6.3 x III.1.1.1 evidence %r" % r[10])
    check(ws["G2"].protection.locked is not False, "the crosswalk is read only")
    check(validations(ws) == [], "no lists in the crosswalk")


def main():
    global EVIDENCE
    if len(sys.argv) > 3 and sys.argv[-2] == "--evidence":
        EVIDENCE = evidence_of(sys.argv[-1], "the log")
        del sys.argv[-2:]
    cmd = sys.argv[1]
    if cmd == "layout":
        layout(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "third":
        third(sys.argv[2], sys.argv[3] == "only")
    elif cmd == "ja":
        ja(sys.argv[2])
    elif cmd == "fill":
        fill(sys.argv[2], sys.argv[3])
    elif cmd == "open":
        openwb(sys.argv[2])
    elif cmd == "fillopen":
        fillopen(sys.argv[2], sys.argv[3])
    elif cmd == "baddue":
        baddue(sys.argv[2], sys.argv[3], sys.argv[4])
        return
    elif cmd == "xwalk":
        xwalk(sys.argv[2])
    elif cmd == "hostile":
        hostile(sys.argv[2], sys.argv[3], sys.argv[4])
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
