#!/bin/sh
# crosswalk.sh - `iotscope crosswalk ID` (issue 13) for Annex 8 case 5
# with checklist statuses set by hand, against rows worked out by hand:
# the blocks printed in a sub-section of Parts II/III are tied to its
# items (seed: 15.1.3 on line 614 in II.3.1, items II.3.1.1 588 and
# II.3.1.2 597; 6.3（※） 1252, 6.3.1（※） 1256, 6.3.2（※） 1260 in III.1.1,
# items III.1.1.1-9), and an item with sub-items (Annex 2 III.1.1.1.a/b
# ...) takes their common status, else partly when one is implemented or
# partly.  233 ties in all (see test_guidance.c), one TSV line each.
# Run by `make check` with IOTSCOPE and SRCDIR.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
scratch
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg"
mkdir -p "$HOME"
db="$tmp/t.db"
iot() { "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" --assessor tester "$@"; }
tab=$(printf '\t')

expect 0 "new from case 5" -- iot new "Case 5" --from-survey "$SRCDIR/examples/case5.xml"
expect 0 "check II.3.1.1" -- iot check 1 II.3.1.1 implemented --note "SLA with the supplier"
expect 0 "check II.3.1.2" -- iot check 1 II.3.1.2 partly
expect 0 "check III.1.1.1.a" -- iot check 1 III.1.1.1.a implemented
expect 0 "check III.1.1.1.b" -- iot check 1 III.1.1.1.b not-implemented --note "no mail yet"
expect 0 "check III.1.1.2.a" -- iot check 1 III.1.1.2.a not-applicable
expect 0 "check III.1.1.2.b" -- iot check 1 III.1.1.2.b not-applicable
expect 0 "check III.1.1.3.a" -- iot check 1 III.1.1.3.a implemented

expect 0 "crosswalk tsv" -- iot crosswalk 1 --format tsv
cp "$tmp/out" "$tmp/cw.tsv"
check "one line per tie and a header: 234" -- [ "$(wc -l <"$tmp/cw.tsv")" -eq 234 ]
check "header" -- [ "$(head -1 "$tmp/cw.tsv")" = "clause${tab}cloud${tab}clause_title${tab}item${tab}checklist${tab}status${tab}subs_set${tab}subs${tab}note" ]
# clause order: 6.1 (II.2.1, line 536) first, 18.2.3 (II.4.3, line 789) last
check "first row 6.1 II.2.1.1" -- [ "$(sed -n 2p "$tmp/cw.tsv" | cut -f1,4,6)" = "6.1${tab}II.2.1.1${tab}none" ]
check "last row 18.2.3 II.4.3.2" -- [ "$(tail -1 "$tmp/cw.tsv" | cut -f1,4)" = "18.2.3${tab}II.4.3.2" ]
contains "$tmp/cw.tsv" "15.1.3${tab}${tab}ICT サプライチェーン${tab}II.3.1.1${tab}annex1${tab}implemented${tab}0${tab}0${tab}SLA with the supplier" "15.1.3 x II.3.1.1"
contains "$tmp/cw.tsv" "15.1.3${tab}${tab}ICT サプライチェーン${tab}II.3.1.2${tab}annex1${tab}partly${tab}0${tab}0${tab}" "15.1.3 x II.3.1.2"
contains "$tmp/cw.tsv" "6.3${tab}cloud${tab}クラウド利用者とクラウド事業者の公平な取引を確保するための措置${tab}III.1.1.1${tab}annex2${tab}partly${tab}2${tab}2${tab}b: no mail yet" "6.3 x III.1.1.1: implemented + not implemented"
contains "$tmp/cw.tsv" "6.3.2${tab}cloud${tab}利用者接点とサプライチェーンにおける情報提供・共有${tab}III.1.1.2${tab}annex2${tab}not-applicable${tab}2${tab}2${tab}" "6.3.2 x III.1.1.2: both n/a"
contains "$tmp/cw.tsv" "6.3.1${tab}cloud${tab}クラウドサービスの情報セキュリティマネジメントに係る提供条件の明確化${tab}III.1.1.3${tab}annex2${tab}partly${tab}1${tab}2${tab}" "6.3.1 x III.1.1.3: implemented + none"
contains "$tmp/cw.tsv" "9.2.4${tab}${tab}利用者の秘密認証情報の管理${tab}III.1.1.9${tab}annex2${tab}none${tab}0${tab}0${tab}" "9.2.4 x III.1.1.9 unchecked"
check "15.1.3 ties exactly II.3.1.1 and II.3.1.2" -- [ "$(awk -F"$tab" '$1 == "15.1.3" { printf "%s ", $4 }' "$tmp/cw.tsv")" = "II.3.1.1 II.3.1.2 " ]
check "no clause 5.1 (not printed in Parts II/III)" -- [ "$(awk -F"$tab" '$1 == "5.1"' "$tmp/cw.tsv" | wc -l)" -eq 0 ]
check "7 cloud clauses x their items: 6.3 x9, 6.3.1 x9, 6.3.2 x9, 8.1.5 x1, 13.1.4 x5, 9.5 x5, 9.5.1 x5 = 43" -- \
	[ "$(awk -F"$tab" 'NR > 1 && $2 == "cloud"' "$tmp/cw.tsv" | wc -l)" -eq 43 ]

expect 0 "crosswalk text" -- iot crosswalk 1
contains "$tmp/out" "6.3 クラウド利用者とクラウド事業者の公平な取引を確保するための措置 (※)" "clause heading with the mark"
contains "$tmp/out" "    III.1.1.1  partly (2/2)  b: no mail yet" "item line"

# ---- export --what crosswalk in every format (the same rows) ----
command -v xmllint >/dev/null 2>&1 && have_xmllint=1 || have_xmllint=0
for fmt in xml csv html; do
	expect 0 "export crosswalk $fmt" -- iot export 1 --what crosswalk --format "$fmt" -o "$tmp/cw.$fmt"
done
if [ "$have_xmllint" -eq 1 ]; then
	check "xmllint validates the crosswalk XML (format version 4)" -- \
		xmllint --noout --nonet --schema "$SRCDIR/forms/assessment.xsd" "$tmp/cw.xml"
	check "xmllint --html reads the crosswalk HTML" -- xmllint --html --noout --nonet "$tmp/cw.html"
fi
contains "$tmp/cw.xml" '<crosswalk xmlns="urn:iotscope:assessment:1" version="4">' "crosswalk root, version 4"
check "233 rows in the XML" -- [ "$(grep -c '<row ' "$tmp/cw.xml")" -eq 233 ]
contains "$tmp/cw.xml" '<row clause="6.3" item="III.1.1.1" checklist="annex2" status="partly" subs="2" subs-set="2" cloud="true">' "XML row 6.3 x III.1.1.1"
contains "$tmp/cw.xml" '<row clause="15.1.3" item="II.3.1.1" checklist="annex1" status="implemented" subs="0" subs-set="0">' "XML row 15.1.3 x II.3.1.1"
contains "$tmp/cw.xml" "<note>SLA with the supplier</note>" "XML note"
# CSV: RFC 4180 (CRLF), the same header and rows as the TSV
check "CSV: 234 CRLF records" -- [ "$(grep -c "$(printf '\r')\$" "$tmp/cw.csv")" -eq 234 ]
# the same rows as the TSV, headings and values in the reader's language
expect 0 "export crosswalk csv --lang en" -- iot export 1 --what crosswalk --format csv --lang en -o "$tmp/cw-en.csv"
tr -d '\r' <"$tmp/cw-en.csv" | tr ',' "$tab" | cut -f1,4 >"$tmp/cw-from-csv.tsv"
cut -f1,4 "$tmp/cw.tsv" | sed 1d >"$tmp/cw-keys.tsv"
check "CSV rows are the TSV rows (clause, item)" -- sh -c "sed 1d '$tmp/cw-from-csv.tsv' | cmp -s - '$tmp/cw-keys.tsv'"
check "CSV headings in English" -- [ "$(head -1 "$tmp/cw-en.csv" | tr -d '\r')" = \
	"Clause,Added by the guideline,Clause title,Item,Checklist,Check,Sub-items checked,Sub-items,Note" ]
contains "$tmp/cw-en.csv" "15.1.3,,ICT サプライチェーン,II.3.1.1,Annex 1,implemented,0,0,SLA with the supplier" "CSV row 15.1.3 x II.3.1.1"
contains "$tmp/cw-en.csv" "6.3,※,クラウド利用者とクラウド事業者の公平な取引を確保するための措置,III.1.1.1,Annex 2,partly,2,2,b: no mail yet" "CSV row 6.3 x III.1.1.1 (the ※ mark)"
contains "$tmp/cw-en.csv" "9.2.4,,利用者の秘密認証情報の管理,III.1.1.9,Annex 2,not checked,0,0," "CSV row 9.2.4 x III.1.1.9"
expect 0 "export crosswalk csv --lang ja" -- iot export 1 --what crosswalk --format csv --lang ja -o "$tmp/cw-ja.csv"
check "CSV headings in Japanese" -- [ "$(head -1 "$tmp/cw-ja.csv" | tr -d '\r')" = \
	"箇条,ガイドライン独自（※）,箇条の名称,対策項目,チェックリスト,実施チェック,チェック済みの細目,細目,メモ" ]
contains "$tmp/cw-ja.csv" "6.3.2,※,利用者接点とサプライチェーンにおける情報提供・共有,III.1.1.2,Annex 2,対象外,2,2," "CSV row 6.3.2 x III.1.1.2 in Japanese"
contains "$tmp/cw.html" "<td>15.1.3</td><td>ICT サプライチェーン</td><td>II.3.1.1</td>" "HTML row: clause and item in cells of their own"
# HTML as the other reports (issue 12): contents first, print CSS; no summary to link to
contains "$tmp/cw.html" '<div class="toc">' "HTML contents"
contains "$tmp/cw.html" '<li><a href="#crosswalk">ISO/IEC 27002:2013 clauses and the guideline items printed with them</a></li>' "contents name the crosswalk"
contains "$tmp/cw.html" '<li><a href="#details">' "contents name the details"
check "no link to a summary the crosswalk has not" -- sh -c "! grep -q 'href=\"#summary\"' '$tmp/cw.html'"
contains "$tmp/cw.html" '@media print' "print CSS"
contains "$tmp/cw.html" '<h2 id="crosswalk">' "the crosswalk heading, a new page in print"
expect 2 "no --blank crosswalk" -- iot export 1 --what crosswalk --blank
# the assessment export beside it is the same format version 4 and reads back
expect 0 "export the assessment" -- iot export 1 --what assessment --format xml -o "$tmp/a.xml"
contains "$tmp/a.xml" 'version="4"' "assessment written as version 4 too"
expect 0 "import it" -- iot import "$tmp/a.xml"
expect 1 "a crosswalk export is not an assessment to import" -- iot import "$tmp/cw.xml"

expect 2 "no ID" -- iot crosswalk
expect 2 "bad format" -- iot crosswalk 1 --format csv
expect 1 "unknown assessment" -- iot crosswalk 99
summary
