#!/bin/sh
# valgrind.sh - the main commands under valgrind memcheck: no invalid
# access, no use of uninitialised memory, no leak.  Run by
# `make check-valgrind` (and CI); exits 77 (skip) without valgrind.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not found: skipped"; exit 77; }
. "$SRCDIR/tests/lib.sh"
scratch
db="$tmp/vg.db"
vg() {
	valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		"$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" --assessor vg "$@"
}
# a status of 9 is valgrind's: the exact status of the command is checked too
expect 0 "catalog" -- vg catalog
expect 0 "catalog --repairs" -- vg catalog --repairs
expect 0 "derive (xml)" -- vg derive --format xml "$SRCDIR/examples/case5.xml"
expect 1 "derive a malformed file" -- vg derive "$SRCDIR/tests/hostile/truncated.xml"
expect 0 "new --from-survey" -- vg new vg --from-survey "$SRCDIR/examples/case5.xml"
expect 0 "set" -- vg set 1 provide.lan o
expect 0 "review" -- vg review 1 A-1 --decision todo --action 1=done --note checked
expect 0 "check" -- vg check 1 II.1.1.1 implemented --note policy
expect 0 "show" -- vg show 1
expect 0 "history" -- vg history 1
expect 0 "a note on two lines" -- vg review 1 A-2 --note "$(printf 'one\ntwo')"
expect 0 "history as TSV" -- vg history 1 --format tsv
expect 1 "a bidi override refused" -- vg set 1 operator "$(printf 'x\342\200\256y')"
expect 1 "an export over the database refused" -- vg export 1 --what annex1 --format csv -o "$db"
expect 0 "derive from the store" -- vg derive 1
for kind in assessment annex1 annex2 countermeasures; do
	expect 0 "export $kind xml" -- vg export 1 --what "$kind" --format xml -o "$tmp/$kind.xml"
	expect 0 "export $kind html" -- vg export 1 --what "$kind" --format html -o "$tmp/$kind.html"
done
expect 0 "export annex2 csv" -- vg export 1 --what annex2 --format csv --bom -o "$tmp/a2.csv"
expect 0 "import" -- vg import "$tmp/assessment.xml"
expect 0 "export xlsx" -- vg export 1 --format xlsx -o "$tmp/assessment.xlsx"
expect 0 "import-checks, nothing changed" -- vg import-checks "$tmp/assessment.xlsx" 1
for f in "$SRCDIR"/tests/fuzz/corpus/workbook/edge-*.xlsx; do
	expect 1 "import-checks hostile $(basename "$f")" -- vg import-checks "$f" 1
done
for f in "$SRCDIR"/tests/hostile/*.xml; do
	expect 1 "import hostile $(basename "$f")" -- vg import "$f"
done
expect 0 "copy" -- vg copy 1 vg2
expect 0 "delete" -- vg delete 3 --yes
expect 0 "backup" -- vg backup "$tmp/backup.db"
summary
