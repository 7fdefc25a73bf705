#!/bin/sh
# guidance_export.sh - format 4 of the assessment export (issue 13): each
# Annex 1/2 item carries its guidance (body, best practices nested as
# printed, evaluation items) and its ISO/IEC 27002:2013 references, with
# the seed lines the catalog keeps; the HTML report shows the clauses and
# the guidance folded; the CSV checklist has a 27002 column.  A format-3
# export written by the build before (tests/fixtures/export-v3.xml)
# imports to the same assessment as the format-4 export of it, and
# guidance in a file is not read back.  Expected values read by hand from
# the seed (/work/shared/seeds/000_…txt), lines given beside each.  Also
# the pages of the guideline's sections in the HTML (issue 12).
# Run by `make check` with IOTSCOPE and SRCDIR set.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
store_scratch
command -v xmllint >/dev/null 2>&1 || { echo "xmllint not found (libxml2-utils): skipped"; exit 77; }
py=$(command -v python3 || true)
[ -n "$py" ] || { echo "python3 not found: skipped"; exit 77; }
xsd="$SRCDIR/forms/assessment.xsd"
v3="$SRCDIR/tests/fixtures/export-v3.xml"
# XPath on the default namespace without declaring it
x() { xmllint --xpath "$2" "$1" 2>/dev/null; }
L='local-name()'

# ---- the format-3 fixture still validates and imports ----
check "the format-3 fixture validates" -- xmllint --noout --nonet --schema "$xsd" "$v3"
check "it is format 3" -- [ "$(x "$v3" "string(/*/@version)")" = 3 ]
expect 0 "import the format-3 fixture" -- iot import "$v3"
contains "$tmp/out" "Imported as assessment 1" "imported as 1"
expect 0 "export it as format 4" -- iot export 1 --what assessment --format xml -o "$tmp/a4.xml"
a4="$tmp/a4.xml"
check "the format-4 export of case 5 validates" -- xmllint --noout --nonet --schema "$xsd" "$a4"
check "it is format 4" -- [ "$(x "$a4" "string(/*/@version)")" = 4 ]

# ---- hand-picked values ----
it="//*[$L='item'][@id='III.1.1.1']"
# seed 1054 "##### Ⅲ. 1. 1. 1. 【基本】", body 1056-1057
check "III.1.1.1 guidance at seed line 1054" -- [ "$(x "$a4" "string($it/*[$L='guidance']/@line)")" = 1054 ]
check "its body: two paragraphs" -- [ "$(x "$a4" "count($it/*[$L='guidance']/*[$L='p'])")" = 2 ]
check "its second paragraph (seed 1057)" -- [ "$(x "$a4" "string($it/*[$L='guidance']/*[$L='p'][2])")" = "稼働停止を検知した場合は、利用者に速報を通知すること。" ]
# seed 1061 "- i. 監視対象機器の死活監視を行うための方法（ping<sup>11</sup>コマンドなど）、…"
# (the catalog drops the footnote mark 11)
check "first best practice: label i, seed 1061" -- [ "$(x "$a4" "concat($it//*[$L='best-practice'][1]/@label, ' ', $it//*[$L='best-practice'][1]/@line)")" = "i 1061" ]
check "first best practice text (seed 1061)" -- [ "$(x "$a4" "string($it//*[$L='best-practice'][1]/*[$L='p'])")" = "監視対象機器の死活監視を行うための方法（pingコマンドなど）、監視インターバル、監視時間帯、監視体制等の実施基準・手順等を明確にすることが望ましい。" ]
check "three best practices i-iii (seed 1061-1063)" -- [ "$(x "$a4" "count($it//*[$L='best-practice'])")" = 3 ]
# seed 1067 【評価項目】 a 死活監視インターバル（応答確認）, 1079 b 通知時間…
check "evaluation items a 1067, b 1079" -- [ "$(x "$a4" "concat($it//*[$L='evaluation'][1]/@label, $it//*[$L='evaluation'][1]/@line, ' ', $it//*[$L='evaluation'][2]/@label, $it//*[$L='evaluation'][2]/@line)")" = "a1067 b1079" ]
# seed 1252 "### 6.3 …（※）", 1256 "#### 6.3.1 …（※）", 1260 "#### 6.3.2 …（※）",
# 1272 "### 9.2 利用者アクセスの管理", 1276 9.2.3, 1280 9.2.4: printed in III.1.1
check "III.1.1.1's 27002 clauses with ※ and seed lines" -- [ "$(x "$a4" "$it/*[$L='iso27002']" |
	sed 's/<iso27002 clause="\([^"]*\)" kind="\([a-z]*\)"\( cloud="true"\)\{0,1\} line="\([0-9]*\)">.*/\1\3 \2 \4/')" = \
	"$(printf '%s\n' '6.3 cloud="true" category 1252' '6.3.1 cloud="true" control 1256' \
		'6.3.2 cloud="true" control 1260' '9.2 category 1272' '9.2.3 control 1276' '9.2.4 control 1280')" ]
check "6.3's title (seed 1252)" -- [ "$(x "$a4" "string($it/*[$L='iso27002'][@clause='6.3'])")" = "クラウド利用者とクラウド事業者の公平な取引を確保するための措置" ]
# seed 1348 "- i. 利用者の利用状況、…" with 1349 "  - a) 利用者 ID" nested under it (III.2.1.3, 1342)
n="//*[$L='item'][@id='III.2.1.3']//*[$L='best-practice'][@label='i']/*[$L='best-practice'][@label='a']"
check "III.2.1.3 i. > a) nested, seed 1349" -- [ "$(x "$a4" "concat($n/@line, ' ', $n/*[$L='p'])")" = "1349 利用者 ID" ]
# every guided item once: 22 in Annex 1 + 46 in Annex 2 (catalog_guidance counts, issue 13)
check "68 items with guidance" -- [ "$(x "$a4" "count(//*[$L='guidance'])")" = 68 ]
# 37 items in the 12 sub-sections that print 27002 blocks (blocks x items):
# II.2.1 3x3, II.3.1 6x2, II.4.1 6x1, II.4.2 3x1, II.4.3 6x2, II.8.1 10x1,
# III.1.1 6x9, III.2.1 10x4, III.2.2 5x2, III.3.1 5x5, III.3.2 8x5,
# III.5.3 6x2 = 233 ties
check "37 items with 27002 references" -- [ "$(x "$a4" "count(//*[$L='item'][*[$L='iso27002']])")" = 37 ]
check "233 item-clause references, as the crosswalk's ties" -- [ "$(x "$a4" "count(//*[$L='iso27002'])")" = 233 ]
check "no guidance on a sub-item" -- [ "$(x "$a4" "count(//*[$L='sub']/*[$L='guidance'])")" = 0 ]
# the same ties as the crosswalk export gives for III.1.1.1
expect 0 "crosswalk export" -- iot export 1 --what crosswalk --format xml -o "$tmp/cw.xml"
check "the crosswalk ties III.1.1.1 to the same clauses" -- [ \
	"$(x "$tmp/cw.xml" "//*[$L='row'][@item='III.1.1.1']/@clause" | tr -d ' ')" = \
	"$(x "$a4" "$it/*[$L='iso27002']/@clause" | tr -d ' ')" ]

# ---- HTML: the clauses on one line, the guidance folded ----
iso111='6.3※, 6.3.1※, 6.3.2※, 9.2, 9.2.3, 9.2.4'
expect 0 "export HTML" -- iot export 1 --format html -o "$tmp/a.html"
check "III.1.1.1's row: its clauses, then its guidance closed" -- \
	grep -qF "<tr id=\"a2-III.1.1.1\"><td class=\"id\">Ⅲ. 1. 1. 1.</td><td><div class=\"iso\">ISO/IEC 27002: $iso111</div><details class=\"guidance\"><summary>" "$tmp/a.html"
check "68 items with their guidance" -- [ "$(grep -o '<details class="guidance">' "$tmp/a.html" | wc -l)" -eq 68 ]
lacks "$tmp/a.html" "<details open" "no guidance printed open"
check "37 items with clauses" -- [ "$(grep -o '<div class="iso">' "$tmp/a.html" | wc -l)" -eq 37 ]
# seed 1348-1349: III.2.1.3 i. with a) 利用者 ID in a list of its own
contains "$tmp/a.html" '<ul class="bp"><li>a) <p>利用者 ID</p></li>' "a) nested under i."

# ---- HTML: the guideline's pages (issue 12, catalog/pages.xml) ----
# seed 42 "IV. 4. … 導出	121", 43 "IV. 5. リスク対応策	146", 45 "V. 参考資料
# ..... 167": the maps of IV.4.3 on p. 121-145, the countermeasures of
# IV.5 on p. 146-166, as the contents give the sections
contains "$tmp/a.html" '<tr><td>IV.4.3 B② 機器等推奨 table (p. 121–145)</td>' "a reason cites the pages of IV.4"
contains "$tmp/a.html" '<h4>A-1 利用者機器の接続 (IV.5, p. 146–166)</h4>' "a countermeasure heading cites the pages of IV.5"
lacks "$tmp/a.html" 'table</td>' "every reason with its pages"
contains "$tmp/a.html" "not the page of the passage" "the pages are said to be the section's"
expect 0 "catalog" -- iot catalog
contains "$tmp/out" "table of contents: 38 sections, from page 1 to page 269" "iotscope catalog counts them"

# ---- CSV: a 27002 column, on the item and its sub-items ----
expect 0 "Annex 2 CSV" -- iot export 1 --what annex2 --format csv -o "$tmp/a2.csv"
check "the last heading is ISO/IEC 27002:2013" -- sh -c "head -1 '$tmp/a2.csv' | grep -q ',Evidence,ISO/IEC 27002:2013.\$'"
contains "$tmp/a2.csv" "item,III.1.1.1,Ⅲ. 1. 1. 1.,,,,,,,,,,,,,,,,,,,\"$iso111\"" "III.1.1.1's clauses"
check "III.1.1.1.a carries its item's clauses" -- sh -c "grep '^sub,III.1.1.1.a,' '$tmp/a2.csv' | grep -qF ',\"$iso111\"'"
expect 0 "Annex 1 CSV" -- iot export 1 --what annex1 --format csv -o "$tmp/a1.csv"
# II.1.1 prints no 27002 block (its headings, seed 481-508, none a
# clause); II.2.1 prints 6.1 (seed 536), 6.1.1 (540) and 6.1.2 (544)
check "II.1.1.1: an empty 27002 cell" -- [ "$(grep '^item,II.1.1.1,' "$tmp/a1.csv" | tr -d '\r' | sed -n 's/.*,$/empty/p')" = empty ]
check "II.2.1.1: 6.1, 6.1.1, 6.1.2" -- sh -c "grep '^item,II.2.1.1,' '$tmp/a1.csv' | grep -qF ',\"6.1, 6.1.1, 6.1.2\"'"

# ---- deterministic, and the same bytes in every language ----
expect 0 "export again" -- iot export 1 -o "$tmp/a4b.xml"
expect 0 "export in Japanese" -- env LC_ALL=ja_JP.UTF-8 LANGUAGE=ja "$IOTSCOPE" --catalog "$SRCDIR/catalog" \
	--db "$tmp/t.db" export 1 -o "$tmp/a4ja.xml"
grep -v 'generated-at=' "$a4" >"$tmp/a4.cmp"
# same_as_a4 FILE: FILE is the format-4 export above but for its time
same_as_a4() { grep -v generated-at= "$1" | cmp -s - "$tmp/a4.cmp"; }
check "the same bytes twice (but generated-at)" -- same_as_a4 "$tmp/a4b.xml"
check "the same bytes in Japanese" -- same_as_a4 "$tmp/a4ja.xml"

# ---- format 3 and format 4 import to the same assessment ----
# The format-3 fixture, and the format-4 export of it, both imported:
# each export of the two carries the same answers, reviews, checks,
# owners, due dates and evidence (compared below without the format-4
# additions, the version and the time of the export).
expect 0 "import the format-4 export" -- iot import "$a4"
contains "$tmp/out" "Imported as assessment 2" "imported as 2"
expect 0 "export the format-4 import" -- iot export 2 -o "$tmp/a4again.xml"
check "format 3 import = format 4 import (format 4 exports, byte for byte)" -- \
	same_as_a4 "$tmp/a4again.xml"
cat >"$tmp/strip.py" <<'EOF'
# Canonical form of an assessment export without what format 4 added
# (guidance, iso27002), the version and the export's time and tool.
import sys, xml.etree.ElementTree as ET
NS = "{urn:iotscope:assessment:1}"
def strip(e):
    for c in list(e):
        if c.tag in (NS + "guidance", NS + "iso27002"):
            e.remove(c)
        else:
            strip(c)
    e.text = (e.text or "").strip() or None
    e.tail = None
root = ET.parse(sys.argv[1]).getroot()
root.attrib.pop("version")
for ex in root.iter(NS + "export"):
    ex.attrib.pop("generated-at", None)
    ex.attrib.pop("tool-version", None)
strip(root)
sys.stdout.write(ET.tostring(root, encoding="unicode"))
EOF
"$py" "$tmp/strip.py" "$v3" >"$tmp/v3.canon" && "$py" "$tmp/strip.py" "$a4" >"$tmp/a4.canon"
check "the fixture's assessment = the format-4 export's, all but the guidance" -- cmp -s "$tmp/v3.canon" "$tmp/a4.canon"
check "... which holds 3 reviewed countermeasures (A-1, B-61, B-1), 4 reviewed actions (B-61 1-3, C-2-del c.1), 5 checks (II.1.1.1, II.1.1.2, II.2.1.1, II.2.1.2, III.1.1.1.a), 3 evidence (B-1, II.1.1.1, II.2.1.2) and 3 owners (B-1, B-61 action 3, II.1.1.1)" -- [ \
	"$(x "$a4" "concat(count(//*[$L='countermeasure'][@changed-by]), ' ', count(//*[$L='action'][@changed-by]), ' ', count(//*[$L='checklist']//*[@status!='none']), ' ', count(//*[$L='evidence']), ' ', count(//*[@owner]))")" = "3 4 5 3 3" ]
# C-2-del has only its action c.1 reviewed: no review of its own, so no
# changed-by/at of the importer's (fixture line 1454)
check "C-2-del without changed-by/at, as in the fixture" -- [ \
	"$(x "$a4" "count(//*[$L='countermeasure'][@id='C-2-del'][@changed-by or @changed-at])")" = 0 ]

# ---- guidance in a file is catalog data: not read back ----
# (a decision: import ignores <guidance> and <iso27002>, as it ignores an
# item's <text>; the imported assessment shows this catalog's guidance)
sed -e 's/監視対象機器の死活監視/FORGED/' -e 's/<iso27002 clause="9.2.4"/<iso27002 clause="5.1"/' \
	"$a4" >"$tmp/forged.xml"
check "the forged file differs" -- sh -c "! cmp -s '$a4' '$tmp/forged.xml'"
expect 0 "a file with other guidance imports" -- iot import "$tmp/forged.xml"
contains "$tmp/out" "Imported as assessment 3" "imported as 3"
expect 0 "export it" -- iot export 3 -o "$tmp/forged-again.xml"
check "... with the catalog's guidance, the rest the same" -- same_as_a4 "$tmp/forged-again.xml"
lacks "$tmp/forged-again.xml" "FORGED" "no forged text"

summary
