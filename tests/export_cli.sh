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
contains "$tmp/err" "--what takes assessment, annex1, annex2 or countermeasures" "kinds listed"
expect 2 "export, unknown format" -- iot export 1 --format pdf
contains "$tmp/err" "iotscope export: unknown format 'pdf': --format takes xml, csv, html" \
	"the unknown format named, the formats listed"
contains "$tmp/err" "usage: iotscope export ID [--what assessment|annex1|annex2|countermeasures] [--format xml|csv|html|xlsx] [--blank] [--bom] [--raw] [-o FILE]" \
	"the usage lists the formats"
expect 2 "export, a format id is not a prefix" -- iot export 1 --format htm
contains "$tmp/err" "unknown format 'htm'" "htm is not html"
expect 2 "export, format ids are exact" -- iot export 1 --format XML
expect 0 "--help" -- iot --help
contains "$tmp/out" "ID [--what assessment|annex1|annex2|countermeasures] [--format xml|csv|html|xlsx] [--blank] [--bom] [--raw] [-o FILE]" \
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
expect 2 "import with no file" -- iot import
expect 2 "import with two files" -- iot import a.xml b.xml

summary
