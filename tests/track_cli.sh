#!/bin/sh
# track_cli.sh - owner, due date and evidence on the command line (issue
# 12): review and check set them, show and review list them, every change
# is in the history; bad dates, a missing evidence file, a directory, a
# huge note and a stray --evidence-note are refused with the database
# unchanged.  Run by `make check` with IOTSCOPE and SRCDIR set.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
store_scratch
db=$tmp/t.db

expect 0 "new case 5" -- iot new "Case 5" --from-survey "$SRCDIR/examples/case5.xml"
printf 'abc' >"$tmp/abc.txt"	# SHA-256 of "abc": FIPS 180-4's example

# ---- review: owner, due date, evidence with a note, a URL ----
expect 0 "review sets owner, due, evidence" -- iot review 1 B-61 --owner "佐藤" \
	--due 2026-12-31 --evidence "$tmp/abc.txt" --evidence-note "方針 v3" \
	--evidence https://wiki.example/p/1
contains "$tmp/out" "Saved: B-61 owner 佐藤" "owner saved"
contains "$tmp/out" "Saved: B-61 due 2026-12-31" "due saved"
contains "$tmp/out" "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad, 3 bytes" \
	"the file's SHA-256 and size"
contains "$tmp/out" "Saved: B-61 evidence https://wiki.example/p/1" "URL saved"
expect 0 "review an action's owner and due" -- iot review 1 C-2-del \
	--action-owner c.1=鈴木 --action-due c.1=2026-03-01 --action-evidence c.1=https://x.example/
contains "$tmp/out" "Saved: C-2-del action c.1 owner 鈴木" "action owner saved"
expect 0 "review shows them" -- iot review 1 B-61
contains "$tmp/out" "owner: 佐藤" "review lists the owner"
contains "$tmp/out" "evidence: $tmp/abc.txt (sha256 ba7816bf" "review lists the file"
contains "$tmp/out" "note: 方針 v3" "review lists the evidence note"

# ---- check: with and without a status ----
expect 0 "check with owner only" -- iot check 1 II.1.1.1 --owner ops --due 2027-01-15
contains "$tmp/out" "Saved: Annex 1 II.1.1.1 owner ops" "check owner saved"
lacks "$tmp/out" "II.1.1.1 none" "no status written when none given"
expect 0 "check with a status and evidence" -- iot check 1 III.1.1.1.a not-implemented \
	--evidence "$tmp/abc.txt"
contains "$tmp/out" "Saved: Annex 2 III.1.1.1.a not-implemented" "status saved"
expect 0 "show lists owners, due dates and evidence" -- iot show 1
contains "$tmp/out" "Owners, due dates and evidence:" "show has the section"
contains "$tmp/out" "C-2-del action c.1" "show names the action"
contains "$tmp/out" "Annex 1 II.1.1.1" "show names the check"
contains "$tmp/out" "due: 2027-01-15" "show lists the check's due date"

# ---- removing evidence ----
expect 0 "remove evidence" -- iot review 1 B-61 --remove-evidence https://wiki.example/p/1
contains "$tmp/out" "Removed: B-61 evidence https://wiki.example/p/1" "removal said"
expect 1 "remove evidence that is not there" -- iot review 1 B-61 --remove-evidence /nope
contains "$tmp/err" "no evidence '/nope' on B-61" "missing evidence named"
expect 0 "clear the due date" -- iot check 1 II.1.1.1 --due -

# ---- the history: who, old -> new ----
expect 0 "history" -- iot history 1
contains "$tmp/out" "owner B-61" "owner in the history"
contains "$tmp/out" "action-due C-2-del c.1" "action due in the history"
contains "$tmp/out" "check-due II.1.1.1" "check due in the history"
contains "$tmp/out" "evidence B-61" "evidence in the history"

# ---- hostile input: refused, the database unchanged ----
sum() { sqlite3 "$db" "SELECT count(*) FROM history; SELECT group_concat(owner || due, ',') FROM reviews; SELECT count(*) FROM evidence;"; }
before=$(sum)
expect 1 "a day that is not in the calendar" -- iot review 1 B-61 --due 2026-02-29
contains "$tmp/err" "'2026-02-29' is not a due date" "bad date named"
expect 1 "a date in another form" -- iot check 1 II.1.1.1 --due 31/12/2026
contains "$tmp/err" "--due" "the option named"
expect 1 "a missing evidence file" -- iot review 1 B-61 --evidence "$tmp/none.pdf"
contains "$tmp/err" "$tmp/none.pdf" "missing file named"
expect 1 "a directory as evidence" -- iot check 1 II.1.1.1 --evidence "$tmp"
contains "$tmp/err" "is a directory" "directory refused"
head -c 70000 /dev/zero | tr '\0' x >"$tmp/huge"
expect 1 "a huge evidence note" -- iot review 1 B-61 --evidence "$tmp/abc.txt" \
	--evidence-note "$(cat "$tmp/huge")"
contains "$tmp/err" "bytes long" "huge note refused"
expect 1 "an evidence note with no evidence" -- iot review 1 B-61 --evidence-note x
contains "$tmp/err" "right after the --evidence" "stray note refused"
expect 1 "an owner on two lines" -- iot review 1 B-61 --owner "a
b"
expect 1 "an action the countermeasure lacks" -- iot review 1 B-61 --action-owner 9=x
contains "$tmp/err" "no action '9'" "unknown action named"
# one bad option in a command: nothing of it is saved
expect 1 "a good and a bad option" -- iot review 1 B-61 --owner "別人" --due 2026-13-01
check "nothing written by the refusals" [ "$(sum)" = "$before" ]
expect 2 "check without a status and nothing else" -- iot check 1 II.1.1.1

# ---- the XML export (format 3) carries them, valid, and reads back ----
expect 0 "export XML" -- iot export 1 --what assessment --format xml -o "$tmp/a.xml"
check "the export is valid against forms/assessment.xsd" \
	xmllint --noout --schema "$SRCDIR/forms/assessment.xsd" "$tmp/a.xml"
contains "$tmp/a.xml" 'version="4"' "format version 4 (3 added these)"
contains "$tmp/a.xml" 'owner="佐藤" due="2026-12-31"' "review owner and due in XML"
contains "$tmp/a.xml" "sha256=\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\" size=\"3\"" \
	"evidence hash and size in XML"
contains "$tmp/a.xml" "<note>方針 v3</note>" "evidence note in XML"
expect 0 "import it" -- iot import "$tmp/a.xml"
new=$(sed -n 's/^Imported as assessment \([0-9]*\):.*/\1/p' "$tmp/out")
expect 0 "export the import" -- iot export "$new" --what assessment --format xml -o "$tmp/b.xml"
grep -E 'owner=|due=|<evidence|</evidence>|<note>' "$tmp/a.xml" >"$tmp/a.track"
grep -E 'owner=|due=|<evidence|</evidence>|<note>' "$tmp/b.xml" >"$tmp/b.track"
# the action-only review C-2-del gets its row (changed-by) on import, as before
sed -i 's/ changed-by="[^"]*" changed-at="[^"]*"//' "$tmp/a.track" "$tmp/b.track"
check "owner, due and evidence survive the round trip" cmp -s "$tmp/a.track" "$tmp/b.track"
check "the 3 owners (B-61, C-2-del c.1, II.1.1.1) were exported" [ "$(grep -c 'owner=' "$tmp/a.track")" -eq 3 ]

# ---- CSV and HTML carry them too ----
csv_cell() {	# FILE ID COLUMN: the cell of the first record with that id
	python3 - "$@" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
h = rows[0]
for r in rows[1:]:
    if r[h.index("Id")] == sys.argv[2]:
        print(r[h.index(sys.argv[3])])
        break
PY
}
expect 0 "countermeasures CSV" -- iot export 1 --what countermeasures --format csv -o "$tmp/cm.csv"
check "CSV owner of B-61" [ "$(csv_cell "$tmp/cm.csv" B-61 Owner)" = 佐藤 ]
check "CSV due of B-61" [ "$(csv_cell "$tmp/cm.csv" B-61 Due)" = 2026-12-31 ]
check "CSV evidence of B-61" [ "$(csv_cell "$tmp/cm.csv" B-61 Evidence)" = \
	"$tmp/abc.txt (sha256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad, 3 bytes) 方針 v3" ]
expect 0 "Annex 1 CSV" -- iot export 1 --what annex1 --format csv -o "$tmp/a1.csv"
check "CSV owner of II.1.1.1" [ "$(csv_cell "$tmp/a1.csv" II.1.1.1 Owner)" = ops ]
expect 0 "Annex 2 CSV" -- iot export 1 --what annex2 --format csv -o "$tmp/a2.csv"
check "CSV evidence of III.1.1.1.a" [ "$(csv_cell "$tmp/a2.csv" III.1.1.1.a Evidence)" = \
	"$tmp/abc.txt (sha256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad, 3 bytes)" ]
# an owner a spreadsheet would run as a formula stays text
expect 0 "a formula-like owner" -- iot check 1 II.1.1.2 --owner '=HYPERLINK("http://evil.example","x")'
expect 0 "Annex 1 CSV again" -- iot export 1 --what annex1 --format csv -o "$tmp/a1.csv"
check "the owner is written as text" [ "$(csv_cell "$tmp/a1.csv" II.1.1.2 Owner)" = \
	"'=HYPERLINK(\"http://evil.example\",\"x\")" ]
expect 0 "HTML" -- iot export 1 --what assessment --format html -o "$tmp/a.html"
contains "$tmp/a.html" "Owner: 佐藤; Due: 2026-12-31" "HTML owner and due of B-61"
contains "$tmp/a.html" "sha256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad, 3 bytes" \
	"HTML evidence hash"

summary
