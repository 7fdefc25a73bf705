#!/bin/sh
# export_cli.sh - `iotscope export` and `iotscope import` end to end: every
# kind and format for Annex 8 case 5 written with -o and to stdout, XML
# checked by xmllint against forms/assessment.xsd (a validator other than
# ours), determinism, the round trip through the database, hostile files
# refused with their message and the database left as it was, and the
# errors of the command line.  Run by `make check` with IOTSCOPE and SRCDIR.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
command -v xmllint >/dev/null 2>&1 || { echo "xmllint not found: skipped"; exit 77; }
. "$SRCDIR/tests/lib.sh"
scratch
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg"
mkdir -p "$HOME"
db="$tmp/t.db"
iot() { "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" --assessor tester "$@"; }

# the export without its one line that holds the export time
untimed() { grep -v 'generated-at=' "$1"; }

# ---- an assessment: Annex 8 case 5, some reviews and checks ----
expect 0 "new from case 5" -- iot new "Case 5" --from-survey "$SRCDIR/examples/case5.xml"
expect 0 "review A-1" -- iot review 1 A-1 --decision in-place --action 1=done \
	--note 'said <b>"yes"</b>, & more'
expect 0 "review C-1-own" -- iot review 1 C-1-own --decision todo
expect 0 "check II.1.1.1" -- iot check 1 II.1.1.1 implemented --note "line 1, line 2"
expect 0 "check III.1.1.1.a" -- iot check 1 III.1.1.1.a partly

# ---- every kind in every format ----
for kind in assessment annex1 annex2 countermeasures; do
	for fmt in xml csv html; do
		[ "$kind-$fmt" = assessment-csv ] && continue
		f="$tmp/$kind.$fmt"
		expect 0 "export $kind $fmt" -- iot export 1 --what "$kind" --format "$fmt" -o "$f"
		[ -s "$f" ] && ok || bad "$f empty"
		if [ "$fmt" = xml ]; then
			check "xmllint validates $kind.xml" -- \
				xmllint --noout --nonet --schema "$SRCDIR/forms/assessment.xsd" "$f"
		elif [ "$fmt" = html ]; then
			check "xmllint --html reads $kind.html" -- xmllint --html --noout --nonet "$f"
		fi
	done
done
expect 0 "blank annex 2 form" -- iot export 1 --what annex2 --blank -o "$tmp/blank.xml"
check "xmllint validates the blank form" -- \
	xmllint --noout --nonet --schema "$SRCDIR/forms/assessment.xsd" "$tmp/blank.xml"
grep -q 'status=' "$tmp/blank.xml" && bad "the blank form has statuses" || ok
expect 0 "CSV with a BOM" -- iot export 1 --what annex1 --format csv --bom -o "$tmp/bom.csv"
[ "$(head -c 3 "$tmp/bom.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && ok || bad "no BOM"
[ "$(head -c 3 "$tmp/annex1.csv" | od -An -tx1 | tr -d ' ')" != efbbbf ] && ok || bad "BOM without --bom"
expect 0 "export by name to stdout" -- iot export "Case 5"
untimed "$tmp/out" >"$tmp/stdout.x"
untimed "$tmp/assessment.xml" >"$tmp/file.x"
check "stdout and -o give the same document" -- cmp "$tmp/stdout.x" "$tmp/file.x"
# -o - is standard output (issue 10), never a file named "-"
(cd "$tmp" && expect 0 "export -o -" -- iot export 1 -o -)
[ ! -e "$tmp/-" ] && ok || bad "export -o - wrote a file named '-'"
untimed "$tmp/out" >"$tmp/dash.x"
check "-o - gives the same document as -o FILE" -- cmp "$tmp/dash.x" "$tmp/file.x"
contains "$tmp/assessment.xml" 'said &lt;b&gt;"yes"&lt;/b&gt;, &amp; more' "the note, escaped"
contains "$tmp/assessment.html" 'said &lt;b&gt;&quot;yes&quot;&lt;/b&gt;, &amp; more' \
	"the note, escaped in HTML"

# ---- determinism ----
expect 0 "export again" -- iot export 1 -o "$tmp/again.xml"
untimed "$tmp/again.xml" >"$tmp/again.x"
check "two exports differ only in the export time" -- cmp "$tmp/file.x" "$tmp/again.x"

# ---- round trip: export -> import -> export ----
expect 0 "import the export" -- iot import "$tmp/assessment.xml"
contains "$tmp/out" "Imported as assessment 2" "import names the new assessment"
expect 0 "export the imported one" -- iot export 2 -o "$tmp/rt.xml"
untimed "$tmp/rt.xml" >"$tmp/rt.x"
check "round trip is byte-identical but for the export time" -- cmp "$tmp/file.x" "$tmp/rt.x"

# ---- hostile files: refused, the database unchanged ----
iot list >"$tmp/list.before" 2>&1
cksum <"$db" >"$tmp/db.before"
refused() {	# refused FILE MESSAGE DESCRIPTION
	expect 1 "import $3" -- iot import "$1"
	contains "$tmp/err" "$2" "$3 says why"
	iot list >"$tmp/list.after" 2>&1
	cksum <"$db" >"$tmp/db.after"
	cmp -s "$tmp/list.before" "$tmp/list.after" && cmp -s "$tmp/db.before" "$tmp/db.after" &&
		ok || bad "$3 changed the database"
}
h="$SRCDIR/tests/hostile"
refused "$h/billion-laughs.xml" "billion-laughs.xml:2: document type declarations (DTD) are not accepted" "billion laughs"
refused "$h/xxe-local-file.xml" "xxe-local-file.xml:2: document type declarations (DTD) are not accepted" "external entity"
refused "$h/wrong-namespace.xml" "wrong-namespace.xml:2: not an iotscope export" "wrong namespace"
refused "$h/truncated.xml" "truncated.xml:9:" "truncated file"
head -c 40000 "$tmp/assessment.xml" >"$tmp/cut.xml"
refused "$tmp/cut.xml" "cut.xml:" "an export cut short"
sed '0,/id="A-1"/s//id="A-99"/' "$tmp/assessment.xml" >"$tmp/unknown-cm.xml"
refused "$tmp/unknown-cm.xml" "unknown countermeasure 'A-99'" "unknown countermeasure id"
sed '0,/id="provide.lan"/s//id="provide.moon"/' "$tmp/assessment.xml" >"$tmp/unknown-cell.xml"
refused "$tmp/unknown-cell.xml" "unknown survey cell 'provide.moon'" "unknown cell id"
sed '0,/id="II.1.1.2"/s//id="II.1.1.1"/' "$tmp/assessment.xml" >"$tmp/dup-check.xml"
refused "$tmp/dup-check.xml" "Annex 1 entry 'II.1.1.1' given twice (first on line" "duplicate checklist id"
sed '0,/id="provide.lan"/s//id="provide.wan"/' "$tmp/assessment.xml" >"$tmp/dup-cell.xml"
refused "$tmp/dup-cell.xml" "survey cell 'provide.wan' given twice" "duplicate cell id"
awk '/<countermeasure id="A-1"/ { c = 1 } c { b = b $0 "\n" } { print }
     c && /<\/countermeasure>/ { printf "%s", b; c = 0 }' "$tmp/assessment.xml" >"$tmp/dup-cm.xml"
refused "$tmp/dup-cm.xml" "countermeasure 'A-1' given twice (first on line" "duplicate countermeasure"
refused "$tmp/countermeasures.xml" "only a whole-assessment export" "a partial export"
head -c 200 "$tmp/assessment.xml" >"$tmp/big.xml"
dd if=/dev/zero bs=1048576 count=100 2>/dev/null >>"$tmp/big.xml"
refused "$tmp/big.xml" "is larger than the 4194304 bytes accepted" "a 100 MB file"
rm -f "$tmp/big.xml"
refused "$tmp/none.xml" "none.xml: No such file" "a missing file"

# ---- errors of the command line ----
expect 2 "export without an id" -- iot export
expect 2 "export, unknown kind" -- iot export 1 --what annex3
contains "$tmp/err" "--what takes one of assessment, annex1, annex2, countermeasures, crosswalk" "kinds listed"
expect 2 "export, unknown format" -- iot export 1 --format pdf
contains "$tmp/err" "iotscope export: unknown format 'pdf': --format takes xml, csv, html" \
	"the unknown format named, the formats listed"
contains "$tmp/err" "usage: iotscope export ID [--what assessment|annex1|annex2|countermeasures|crosswalk|open] [--format xml|csv|html|xlsx] [--blank] [--bom] [--raw] [--lang en|ja] [-o FILE]" \
	"the usage lists the formats"
expect 2 "export, a format id is not a prefix" -- iot export 1 --format htm
contains "$tmp/err" "unknown format 'htm'" "htm is not html"
expect 2 "export, format ids are exact" -- iot export 1 --format XML
expect 0 "--help" -- iot --help
contains "$tmp/out" "ID [--what assessment|annex1|annex2|countermeasures|crosswalk|open] [--format xml|csv|html|xlsx] [--blank] [--bom] [--raw] [--lang en|ja] [-o FILE]" \
	"--help lists the formats"
expect 2 "CSV of the whole assessment" -- iot export 1 --format csv
contains "$tmp/err" "CSV holds one table" "why not CSV"
expect 2 "--blank of the countermeasures" -- iot export 1 --what countermeasures --blank
expect 2 "--bom with XML" -- iot export 1 --bom
expect 1 "export an unknown assessment" -- iot export 99
expect 1 "export into a missing directory" -- iot export 1 -o "$tmp/nowhere/x.xml"
contains "$tmp/err" "does not exist" "missing directory named"
expect 1 "export into /proc" -- iot export 1 -o /proc/iotscope-test.xml
contains "$tmp/err" "cannot create a file in /proc" "unwritable directory named"
if [ "$(id -u)" != 0 ]; then
	mkdir "$tmp/ro" && chmod 500 "$tmp/ro"
	expect 1 "export into a read-only directory" -- iot export 1 -o "$tmp/ro/x.xml"
	contains "$tmp/err" "Permission denied" "read-only directory"
fi
echo old >"$tmp/keep.xml"
expect 2 "a refused export leaves the file" -- iot export 1 --format csv -o "$tmp/keep.xml"
[ "$(cat "$tmp/keep.xml")" = old ] && ok || bad "file touched"
# ---- CSV in the reader's language (--lang), read back by Python's csv ----
# The headings and labels below are written out by hand from po/ja.po's
# entries for them; A-1 was reviewed above: in place, action 1 done.
csv_cell() {	# FILE ID COLUMN-HEADING: that column of the first record of that id
	python3 - "$@" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
col = rows[0].index(sys.argv[3])
print(next(r[col] for r in rows[1:] if sys.argv[2] in r[1:3]))
PY
}
csv_head() { python3 -c 'import csv,sys; print("|".join(next(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))' "$1"; }
if command -v python3 >/dev/null 2>&1; then
	# LANG HEADINGS DECISION-HEADING DECISION KIND-HEADING KIND
	csv_lang() {
		expect 0 "countermeasures CSV --lang $1" -- iot export 1 --what countermeasures \
			--format csv --lang "$1" -o "$tmp/cm-$1.csv"
		check "$1 headings" [ "$(csv_head "$tmp/cm-$1.csv")" = "$2" ]
		check "$1 decision label" [ "$(csv_cell "$tmp/cm-$1.csv" A-1 "$3")" = "$4" ]
		check "$1 kind" [ "$(csv_cell "$tmp/cm-$1.csv" A-1 "$5")" = "$6" ]
	}
	csv_lang en "Kind|Viewpoint|Id|Number|Title|Derived|Decision|Action|Role|Text|State|Note|Reasons|Changed by|Changed at|Owner|Due|Evidence" \
		Decision "in place" Kind countermeasure
	csv_lang ja "種別|観点|ID|項番|表題|導出|判断|具体的なアクション|ロール|本文|状態|メモ|理由|変更者|変更日時|担当者|期限|証跡" \
		判断 対応済み 種別 対応策
	check "Japanese 'derived'" [ "$(csv_cell "$tmp/cm-ja.csv" A-1 導出)" = "はい" ]
	python3 - "$tmp/cm-ja.csv" >"$tmp/states" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
h = rows[0]
for r in rows[1:]:
    if r[h.index("ID")] == "A-1" and r[h.index("種別")] == "アクション":
        print(r[h.index("状態")])
PY
	check "Japanese action states of A-1 (done, then not ticked)" \
		[ "$(head -2 "$tmp/states" | tr '\n' ' ')" = "実施済み 未チェック " ]
	expect 0 "Annex 1 CSV --lang ja" -- iot export 1 --what annex1 --format csv --lang ja \
		-o "$tmp/a1-ja.csv"
	check "Annex 1 headings in Japanese" [ "$(csv_head "$tmp/a1-ja.csv")" = \
		"種別|ID|項番|本文|区分|記号|実施チェック|メモ|変更者|変更日時|担当者|期限|証跡|ISO/IEC 27002:2013" ]
	check "Annex 1 status in Japanese" [ "$(csv_cell "$tmp/a1-ja.csv" II.1.1.1 実施チェック)" = "実施済み" ]
	check "Annex 1 level in Japanese" [ "$(csv_cell "$tmp/a1-ja.csv" II.1.1.1 区分)" = "基本" ]
	expect 0 "Annex 1 CSV in Tokyo" -- env TZ=Asia/Tokyo "$IOTSCOPE" --catalog "$SRCDIR/catalog" \
		--db "$db" export 1 --what annex1 --format csv --lang en -o "$tmp/a1-tokyo.csv"
	expect 0 "the XML" -- iot export 1 --what annex1 --format xml -o "$tmp/a1.xml"
	utc=$(xmllint --xpath 'string(//*[@id="II.1.1.1"]/@changed-at)' "$tmp/a1.xml")
	check "Annex 1 CSV time in Tokyo with the offset" [ "$(csv_cell "$tmp/a1-tokyo.csv" II.1.1.1 "Changed at")" = \
		"$(TZ=Asia/Tokyo date -d "$utc" +%Y-%m-%dT%H:%M:%S%:z)" ]
	expect 0 "the XML stays language-neutral under --lang ja" -- iot export 1 --what annex1 \
		--format xml --lang ja -o "$tmp/a1-ja.xml"
	check "XML the same whatever --lang" [ "$(untimed "$tmp/a1.xml")" = "$(untimed "$tmp/a1-ja.xml")" ]
	contains "$tmp/a1-ja.xml" 'changed-at="'"$utc"'"' "XML time in UTC"
	case $utc in *Z) ok ;; *) bad "XML time '$utc' not UTC" ;; esac
else
	echo "python3 not found: the CSV read-back checks were not run"
fi
expect 2 "--lang fr" -- iot export 1 --what annex1 --format csv --lang fr
contains "$tmp/err" "--lang takes en or ja" "unknown language named"

expect 2 "import with no file" -- iot import
expect 2 "import with two files" -- iot import a.xml b.xml

# ---- an export written by format version 1 (annex numbers) still imports ----
expect 0 "import a version 1 export" -- iot import "$SRCDIR/tests/fixtures/export-v1.xml"
new=$(sed -n 's/.*assessment \([0-9][0-9]*\).*/\1/p' "$tmp/out" | head -1)
expect 0 "show the imported version 1 export" -- iot show "$new"
contains "$tmp/out" "4 of 81 checklist items (Annex 1, Annex 2) have a status" \
	"every check of the version 1 file came back"
expect 0 "re-export it" -- iot export "$new" -o "$tmp/v1again.xml"
contains "$tmp/v1again.xml" '<checklist id="annex2" pattern="2">' "written with the checklist id"
contains "$tmp/v1again.xml" '監視 1 回/10 分' "its notes kept"
check "xmllint validates the version 1 fixture" -- \
	xmllint --noout --nonet --schema "$SRCDIR/forms/assessment.xsd" \
	"$SRCDIR/tests/fixtures/export-v1.xml"

# ---- a third checklist is catalog data only: no C change (issue 9) ----
catalog3 "$tmp/three"
cat3="$tmp/three/catalog"
db3="$tmp/three.db"
iot3() { "$IOTSCOPE" --catalog "$cat3" --db "$db3" --assessor tester "$@"; }
expect 0 "a catalog with a third checklist loads" -- iot3 catalog
contains "$tmp/out" "Annex 3x: 2 checklist items (1 basic, 1 recommended; 0 sub-items)" \
	"the third checklist counted"
expect 0 "help names it" -- iot3 help
contains "$tmp/out" "--what assessment|annex1|annex2|annex3|countermeasures" "--what lists annex3"
expect 0 "new (three checklists)" -- iot3 new "Three"
expect 0 "check an item of the third" -- iot3 check 1 X.1.2 partly --note "half done"
contains "$tmp/out" "Saved: Annex 3x X.1.2 partly" "saved under its name"
expect 0 "check Annex 1 too" -- iot3 check 1 II.1.1.1 implemented
expect 0 "show (three checklists)" -- iot3 show 1
contains "$tmp/out" "2 of 83 checklist items (Annex 1, Annex 2, Annex 3x) have a status" \
	"progress counts the third checklist"
for fmt in xml csv html; do
	expect 0 "export annex3 $fmt" -- iot3 export 1 --what annex3 --format "$fmt" -o "$tmp/a3.$fmt"
	contains "$tmp/a3.$fmt" "half done" "the check's note in the $fmt export"
done
check "xmllint validates annex3.xml" -- \
	xmllint --noout --nonet --schema "$SRCDIR/forms/assessment.xsd" "$tmp/a3.xml"
contains "$tmp/a3.xml" '<item id="X.1.2" number="X. 1. 2." depth="1" level="recommended" mark="★" status="partly"' \
	"the item with its status"
contains "$tmp/a3.csv" 'item,X.1.2,X. 1. 2.,Do the second thing.,recommended,★,partly,half done' \
	"the CSV row"
expect 0 "export the whole assessment (three checklists)" -- iot3 export 1 -o "$tmp/three.xml"
check "xmllint validates three.xml" -- \
	xmllint --noout --nonet --schema "$SRCDIR/forms/assessment.xsd" "$tmp/three.xml"
contains "$tmp/three.xml" '<checklist id="annex3" items="2" done="1">' "the summary of the third"
expect 0 "import it back" -- iot3 import "$tmp/three.xml"
expect 0 "show the imported one" -- iot3 show 2
contains "$tmp/out" "2 of 83 checklist items (Annex 1, Annex 2, Annex 3x) have a status" \
	"the third checklist's check came back"
expect 0 "export the imported one" -- iot3 export 2 --what annex3 --format csv -o "$tmp/a3again.csv"
check "the round trip keeps the third checklist" -- cmp "$tmp/a3.csv" "$tmp/a3again.csv"
expect 2 "an unknown --what lists the catalog's" -- iot3 export 1 --what annex4
contains "$tmp/err" "--what takes one of assessment, annex1, annex2, annex3, countermeasures, crosswalk" \
	"the choices come from the catalog"
expect 1 "no such item in any checklist" -- iot3 check 1 Y.1 implemented
expect 1 "a checklist that is not there" -- iot3 check 1 X.1.1 implemented --checklist annex9
contains "$tmp/err" "no checklist 'annex9'" "named"

summary
