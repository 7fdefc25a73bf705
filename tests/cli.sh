#!/bin/sh
# cli.sh - the command line: exit statuses 0/1/2, messages that say what
# and where, and the derive/catalog output.  Run by `make check` with
# IOTSCOPE (the binary) and SRCDIR set.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
scratch
iot() { "$IOTSCOPE" --catalog "$SRCDIR/catalog" "$@"; }

expect 0 "--version" -- iot --version
contains "$tmp/out" "iotscope" "--version names the program"
expect 0 "--help" -- iot --help
contains "$tmp/out" "derive" "--help lists derive"
expect 2 "unknown command" -- iot frobnicate
contains "$tmp/err" "unknown command 'frobnicate'" "unknown command is named"
expect 2 "unknown option" -- iot --frobnicate
expect 2 "derive with no file" -- iot derive
expect 2 "derive with a bad format" -- iot derive --format pdf "$SRCDIR/examples/case2.xml"
expect 1 "derive a missing file" -- iot derive "$tmp/none.xml"
contains "$tmp/err" "$tmp/none.xml: No such file" "missing file named"
: >"$tmp/empty.xml"
expect 1 "derive an empty file" -- iot derive "$tmp/empty.xml"
contains "$tmp/err" "empty.xml:1: empty file" "empty file says file:line"
printf '<survey xmlns="urn:iotscope:survey:1" version="1">\n<details><name>x</name></details>\n<answers><answer cell="execute.q">o</answer></answers></survey>\n' >"$tmp/unknown.xml"
expect 1 "derive an unknown cell id" -- iot derive "$tmp/unknown.xml"
contains "$tmp/err" "unknown.xml:3:" "unknown id says file:line"
printf '<survey><unclosed>\n' >"$tmp/broken.xml"
expect 1 "derive malformed XML" -- iot derive "$tmp/broken.xml"
contains "$tmp/err" "broken.xml:2:" "malformed XML says file:line"
expect 1 "a catalog that is not there" -- "$IOTSCOPE" --catalog "$tmp/nowhere" catalog
contains "$tmp/err" "$tmp/nowhere" "missing catalog named"

# Annex 8 case 2: 61 candidates (tests/expected_examples.h, worked by hand)
expect 0 "derive case 2 ids" -- iot derive --format ids "$SRCDIR/examples/case2.xml"
n=$(wc -l <"$tmp/out")
[ "$n" -eq 61 ] && ok || bad "case 2 derives $n ids, expected 61"
contains "$tmp/out" "C-2-own" "case 2 derives C-2-own"
expect 0 "derive case 2 text" -- iot derive "$SRCDIR/examples/case2.xml"
contains "$tmp/out" "61 candidate countermeasures (A 14, B 36, C 11)" "case 2 counts by viewpoint"
contains "$tmp/out" "not a list that must all be done" "candidates, not obligations"
# derive --format xml is the countermeasure-review export (issue 9): one
# writer, forms/assessment.xsd, and no time in it, so the same bytes twice
expect 0 "derive case 2 xml" -- iot derive --format xml "$SRCDIR/examples/case2.xml"
cp "$tmp/out" "$tmp/derived.xml"
expect 0 "derive xml is valid against forms/assessment.xsd" -- \
	xmllint --noout --schema "$SRCDIR/forms/assessment.xsd" "$tmp/derived.xml"
n=$(grep -c '<countermeasure id=' "$tmp/derived.xml")
[ "$n" -eq 61 ] && ok || bad "case 2 derive xml holds $n countermeasures, expected 61"
contains "$tmp/derived.xml" '<countermeasures derived="61" reviewed="0" no-longer-derived="0">' \
	"derive xml counts 61, none reviewed"
lacks "$tmp/derived.xml" "generated-at" "derive xml carries no time"
expect 0 "derive case 2 xml again" -- iot derive --format xml "$SRCDIR/examples/case2.xml"
check "derive xml is the same bytes twice" cmp -s "$tmp/out" "$tmp/derived.xml"
# an unanswered survey says which cells are open
printf '<survey xmlns="urn:iotscope:survey:1" version="1"><details><name>half</name></details><answers><answer cell="execute.a">o</answer></answers></survey>\n' >"$tmp/half.xml"
expect 0 "derive a half-answered survey" -- iot derive "$tmp/half.xml"
contains "$tmp/out" "Still open (41 of 42 cells)" "open cells counted"
expect 0 "derive a half-answered survey as xml" -- iot derive --format xml "$tmp/half.xml"
n=$(grep -c '<open cell=' "$tmp/out")
[ "$n" -eq 41 ] && ok || bad "half survey: $n open cells in the xml, expected 41"
lacks "$tmp/out" '<open cell="execute.a"/>' "the answered cell is not open"

expect 0 "catalog" -- iot catalog
contains "$tmp/out" "countermeasures: 100 (A 14, B 72, C 14" "catalog counts"
expect 0 "catalog --repairs" -- iot catalog --repairs
contains "$tmp/out" "seed line" "repair log lists seed lines"
check "catalog/REPAIRS.md is what 'iotscope catalog --repairs' prints (else regenerate it)" \
	cmp -s "$tmp/out" "$SRCDIR/catalog/REPAIRS.md"
expect 0 "catalog found through IOTSCOPE_DATADIR" -- env IOTSCOPE_DATADIR="$SRCDIR" "$IOTSCOPE" catalog

# ---- run from the build tree (issue 10): its own catalog and translations ----
unset IOTSCOPE_DATADIR
expect 0 "the built program finds its catalog without --catalog" -- "$IOTSCOPE" catalog
contains "$tmp/out" "$SRCDIR" "the catalog of the source tree"
if locale -a 2>/dev/null | grep -qix 'ja_JP.utf8'; then
	LC_ALL=ja_JP.UTF-8 "$IOTSCOPE" --help >"$tmp/ja" 2>&1
	contains "$tmp/ja" "使い方:" "the built program speaks Japanese in ja_JP.UTF-8"
else
	echo "no ja_JP.UTF-8 locale (./quickstart makes it): Japanese not tried"
fi
# a copy elsewhere is not the built program: no catalog, and a message
# that says how to name one
cp "$IOTSCOPE" "$tmp/iotscope-copy" || bad "copy the program"
# (IOTSCOPE_DATADIR names an empty folder: an installed catalog is not found)
mkdir -p "$tmp/nodata"
expect 1 "a copy without a catalog" -- env IOTSCOPE_DATADIR="$tmp/nodata" "$tmp/iotscope-copy" catalog
contains "$tmp/err" "$tmp/nodata/catalog" "the message says where it looked"
contains "$tmp/err" "--catalog DIR" "the message names --catalog"
contains "$tmp/err" "IOTSCOPE_DATADIR" "the message names IOTSCOPE_DATADIR"

# ---- bash completion (issue 10): commands, options, ids and names, cells,
# countermeasures, Annex items, option values ----
if command -v bash >/dev/null 2>&1; then
	cdb="$tmp/comp.db"
	iot --db "$cdb" new "Case 2" --from-survey "$SRCDIR/examples/case2.xml" >/dev/null
	# comp WORD...: what completing the last word offers, one a line
	comp() {
		bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _iotscope
			printf "%s\n" "${COMPREPLY[@]}"' sh "$SRCDIR/completion/iotscope" \
			"$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$cdb" "$@" >"$tmp/comp" 2>&1
	}
	comp ex;				contains "$tmp/comp" "export" "complete a command"
	comp --amb;				contains "$tmp/comp" "--ambiwidth" "complete a global option"
	comp --ambiwidth "";			contains "$tmp/comp" "auto" "complete --ambiwidth"
	comp export "";				contains "$tmp/comp" "1" "complete an assessment id"
						contains "$tmp/comp" 'Case\ 2' "complete an assessment name"
	comp export 1 --f;			contains "$tmp/comp" "--format" "complete an export option"
	comp export 1 --format "";		contains "$tmp/comp" "csv" "complete --format of export"
	comp export 1 --la;			contains "$tmp/comp" "--lang" "complete --lang of export"
	comp export 1 --lang "";		contains "$tmp/comp" "ja" "complete the languages of --lang"
	comp history 1 --format "";		contains "$tmp/comp" "tsv" "complete --format of history"
	comp review 1 A-IoT;			contains "$tmp/comp" "A-IoT-1" "complete a countermeasure id"
	lacks "$tmp/comp" "B-1" "only the ids that start so"
	comp review 1 A-IoT-1 --decision in;	contains "$tmp/comp" "in-place" "complete a decision"
	comp set 1 provide.io;			contains "$tmp/comp" "provide.iot-device" "complete a cell id"
	comp set 1 avail;			contains "$tmp/comp" "availability" "complete a detail"
	comp set 1 provide.iot-device "";	contains "$tmp/comp" "x" "complete an answer"
	comp check 1 III.1.1.1;			contains "$tmp/comp" "III.1.1.1.a" "complete an Annex 2 item"
	comp check 1 II.1.1.1 "";		contains "$tmp/comp" "not-implemented" "complete a status"
	comp export 1 --what "";		contains "$tmp/comp" "annex2" "complete --what from the catalog"
						contains "$tmp/comp" "countermeasures" "and the fixed ones"
	comp check 1 II.1.1.1 x --checklist a;	contains "$tmp/comp" "annex1" "complete --checklist"
						lacks "$tmp/comp" "assessment" "only checklists"
else
	echo "no bash: completion not tried"
fi

# ---- the manual pages: every command of --help is in both ----
for page in "$SRCDIR/doc/iotscope.1" "$SRCDIR/doc/ja/iotscope.1"; do
	iot --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | while read -r cmd; do
		grep -q "^\.B[IR]* $cmd\( \|\$\)" "$page" || echo "$cmd"
	done >"$tmp/missing"
	[ -s "$tmp/missing" ] && bad "$page lacks: $(tr '\n' ' ' <"$tmp/missing")" || ok
	for opt in --catalog --db --assessor --ambiwidth IOTSCOPE_DATADIR IOTSCOPE_AMBIWIDTH ESCDELAY; do
		grep -q -- "$(printf '%s' "$opt" | sed 's/-/\\\\-/g')" "$page" && ok || bad "$page lacks $opt"
	done
done

summary
