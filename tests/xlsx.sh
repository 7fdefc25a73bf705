#!/bin/sh
# xlsx.sh - the XLSX workbooks (issue 12) end to end: written for Annex 8
# case 5 and opened with openpyxl (a reader that is not libxlsxwriter:
# tests/xlsx_check.py holds the hand-worked expectations), byte for byte
# the same with SOURCE_DATE_EPOCH, atomic and refused over the database;
# then `import-checks`: the auditor's edits made with openpyxl read back,
# shown, applied only with --yes, and exactly those in the history;
# hostile workbooks and another assessment's refused with the database
# unchanged (its checksum).  Run by `make check` with IOTSCOPE and SRCDIR.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
py=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
		py=$p
		break
	fi
done
[ -n "$py" ] || { echo "openpyxl not found (Debian python3-openpyxl): skipped"; exit 77; }
scratch
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg" SOURCE_DATE_EPOCH=1764000000
mkdir -p "$HOME"
db="$tmp/t.db"
iot() { "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" --assessor tester "$@"; }
xc() { "$py" "$SRCDIR/tests/xlsx_check.py" "$@" --evidence "$tmp/ev.txt"; }
sum() { sha256sum "$db" | cut -d' ' -f1; }
hist() { iot history 1 --format tsv | cut -f3-; }

# ---- Annex 8 case 5, with reviews, checks and formula-like notes ----
expect 0 "new from case 5" -- iot new "Case 5" --from-survey "$SRCDIR/examples/case5.xml"
expect 0 "second assessment" -- iot new "Other" --from-survey "$SRCDIR/examples/case5.xml"
expect 0 "review A-1" -- iot review 1 A-1 --decision in-place --action 1=done --note '=1+1'
expect 0 "check II.1.1.1" -- iot check 1 II.1.1.1 implemented \
	--note '=HYPERLINK("http://evil.example","click")' --owner ops --due 2026-12-24
printf 'evidence' >"$tmp/ev.txt"
expect 0 "II.1.1.2: an owner and evidence, no status" -- iot check 1 II.1.1.2 --owner 鈴木 \
	--evidence "$tmp/ev.txt" --evidence-note "the log"
# long notes for the row heights (xlsx_check.py heights)
expect 0 "II.2.2.1: 200 characters" -- iot check 1 II.2.2.1 implemented \
	--note "$("$py" -c 'print("あ" * 200)')"
expect 0 "II.2.2.2: 2000 characters" -- iot check 1 II.2.2.2 implemented \
	--note "$("$py" -c 'print("い" * 2000)')"
expect 0 "check III.1.1.1.a" -- iot check 1 III.1.1.1.a partly
ncms=$(iot derive 1 --format ids | wc -l)

# ---- the workbooks ----
for kind in assessment annex1 annex2 countermeasures; do
	expect 0 "export $kind xlsx" -- iot export 1 --what "$kind" --format xlsx -o "$tmp/$kind.xlsx"
	expect 0 "export $kind xlsx again" -- iot export 1 --what "$kind" --format xlsx \
		-o "$tmp/$kind-2.xlsx"
	check "$kind.xlsx: the same bytes with SOURCE_DATE_EPOCH" -- cmp "$tmp/$kind.xlsx" "$tmp/$kind-2.xlsx"
done
check "openpyxl: cells, lists, panes, filter, print setup, types" -- \
	xc layout "$tmp/assessment.xlsx" "$SRCDIR/catalog" "$ncms"
expect 0 "blank annex2 form" -- iot export 1 --what annex2 --blank --format xlsx -o "$tmp/blank.xlsx"
if locale -a 2>/dev/null | grep -qix 'ja_JP.utf8'; then
	LC_ALL=ja_JP.UTF-8 "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" export 1 \
		--format xlsx -o "$tmp/ja.xlsx" 2>/dev/null
	check "openpyxl: Japanese headings, sheets and lists" -- xc ja "$tmp/ja.xlsx"
else
	echo "no ja_JP.UTF-8 locale (./quickstart makes it): Japanese not tried"
fi

# the write is atomic and never replaces the database
before=$(sum)
expect 1 "xlsx over the database refused" -- iot export 1 --format xlsx -o "$db"
[ "$(sum)" = "$before" ] && ok || bad "the database changed"
mkdir "$tmp/ro" && chmod 500 "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
	expect 1 "xlsx into a read-only directory refused" -- iot export 1 --format xlsx -o "$tmp/ro/x.xlsx"
	contains "$tmp/err" "cannot create a file" "the reason is given"
fi
TMPDIR="$tmp/none" iot export 1 --format xlsx -o "$tmp/t.xlsx" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && ok || bad "libxlsxwriter without a temporary directory: not refused"
contains "$tmp/err" "temporary file" "the temporary directory named"
[ ! -e "$tmp/t.xlsx" ] && ok || bad "a half-written workbook was left"

# ---- the round trip: the auditor's edits, with openpyxl ----
check "fill in the workbook" -- xc fill "$tmp/assessment.xlsx" "$tmp/filled.xlsx"
before=$(sum)
hist >"$tmp/h0"
expect 1 "no terminal and no --yes: shown, not applied" -- iot import-checks "$tmp/filled.xlsx" 1
contains "$tmp/out" "changes to apply: 12" "twelve changes found"
contains "$tmp/out" "Annex 1 II.1.1.2, 実施チェック: - → not implemented  (set by tester at" "a status change"
contains "$tmp/out" "Countermeasures C-1-own, Owner: - → 山田  (never set)" "an owner"
contains "$tmp/out" "Annex 1 II.1.1.1, Due: 2026-12-24 → 2027-03-31  (set by tester at" "a due date"
contains "$tmp/out" "Annex 1 row 5 (II.1.1.2), Evidence: evidence is attached with" \
	"an evidence cell changed: reported, not applied"
contains "$tmp/out" "Annex 1 II.1.1.1, Note: =HYPERLINK(\"http://evil.example\",\"click\") → -  (set by tester at" \
	"a note removed, with who set it and when"
contains "$tmp/out" "Countermeasures C-1-own, Decision: - → in place" "a decision"
contains "$tmp/out" "Actions A-1#2, State: - → not done" "an action"
contains "$tmp/out" "Pattern 1: the workbook has '1 回以上／60 分', the database '1 回以上／5 分*'; this column is not read back" \
	"a pattern value changed: reported"
contains "$tmp/out" "II.2.1.1), 対策項目: the workbook has 'changed text'" "guideline text changed: reported"
contains "$tmp/err" "add --yes" "says how to apply"
[ "$(sum)" = "$before" ] && ok || bad "the database changed without --yes"
expect 0 "import-checks --yes" -- iot import-checks "$tmp/filled.xlsx" 1 --yes
contains "$tmp/out" "Applied the changes (12) in one transaction" "applied"
hist >"$tmp/h1"
diff "$tmp/h0" "$tmp/h1" | sed -n 's/^> //p' | cut -f2- >"$tmp/new"
cat >"$tmp/want" <<'EOF'
decision C-1-own	none	in-place
note C-1-own		done in March
action A-1 2	none	not-done
check II.1.1.2	none	not-implemented
check-note II.1.1.2		=1+1
check-note II.1.1.1	=HYPERLINK("http://evil.example","click")	
check III.1.1.1.b	none	not-applicable
owner C-1-own		山田
due C-1-own		2026-12-24
action-due A-1 2		2027-01-31
check-owner II.1.1.2	鈴木	
check-due II.1.1.1	2026-12-24	2027-03-31
EOF
sort "$tmp/want" >"$tmp/want.s"
sort "$tmp/new" >"$tmp/new.s"
check "the history holds exactly the workbook's changes" -- cmp "$tmp/want.s" "$tmp/new.s"
[ "$(wc -l <"$tmp/new")" -eq 12 ] && ok || { bad "history rows"; cat "$tmp/new"; }
expect 0 "show after the import" -- iot show 1
contains "$tmp/out" "Progress: 2 of $ncms candidate countermeasures reviewed; 6 of 81 checklist items" \
	"show counts the review, the two checks the workbook added and the two long notes"
expect 0 "the same workbook again: nothing to apply" -- iot import-checks "$tmp/filled.xlsx" 1
contains "$tmp/out" "Nothing to apply." "nothing twice"

# a value the database changed since the workbook was written: not applied
expect 0 "export again" -- iot export 1 --what annex1 --format xlsx -o "$tmp/a1.xlsx"
expect 0 "changed meanwhile" -- iot check 1 II.2.1.2 partly
"$py" - "$tmp/a1.xlsx" "$tmp/a1-filled.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Annex 1"]
for r in ws.iter_rows(min_row=2):
    if r[0].value == "II.2.1.2":
        r[4].value = "implemented"
wb.save(sys.argv[2])
EOF
before=$(sum)
expect 0 "a conflict is reported, not applied" -- iot import-checks "$tmp/a1-filled.xlsx" 1 --yes
contains "$tmp/out" "changed in the database since the workbook was written (by tester at" "the conflict"
contains "$tmp/out" "Nothing to apply." "nothing applied"
[ "$(sum)" = "$before" ] && ok || bad "a conflict changed the database"

# on a terminal (script(1) gives one): asked, and only a yes applies
if command -v script >/dev/null 2>&1; then
	"$py" - "$tmp/a1.xlsx" "$tmp/a1-tty.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for r in wb["Annex 1"].iter_rows(min_row=2):
    if r[0].value == "II.2.1.3":
        r[4].value = "partly"
wb.save(sys.argv[2])
EOF
	before=$(sum)
	tty_run() { printf '%s\n' "$1" | script -qec "$IOTSCOPE --catalog $SRCDIR/catalog --db $db \
		--assessor tester import-checks $tmp/a1-tty.xlsx 1" /dev/null >"$tmp/out" 2>&1; }
	tty_run n
	contains "$tmp/out" "Apply the changes above (1)? [y/N] Nothing applied." "asked on a terminal; no is no"
	[ "$(sum)" = "$before" ] && ok || bad "answered no, yet the database changed"
	tty_run y
	contains "$tmp/out" "Applied the changes (1) in one transaction" "yes applies"
	hist | tail -1 | cut -f2- >"$tmp/last"
	printf 'check II.2.1.3\tnone\tpartly\n' | cmp -s - "$tmp/last" && ok || bad "history: $(cat "$tmp/last")"
else
	echo "no script(1): the question on a terminal not tried"
fi

# ---- a due date that is not one, an owner on two lines: refused with
# the cell, nothing applied ----
# the cells by hand: Annex 1's columns are Id, 項番, 対策項目, 区分,
# 実施チェック, Note, Owner (G), Due (H); the row is openpyxl's
for kind in day number owner; do
	cell=$(xc baddue "$tmp/a1.xlsx" "$tmp/due-$kind.xlsx" "$kind")
	before=$(sum)
	expect 1 "bad $kind refused" -- iot import-checks "$tmp/due-$kind.xlsx" 1 --yes
	case $kind in
	owner) col=G heading=Owner why="give it on one line" ;;
	*) col=H heading=Due why="is not a due date: write YYYY-MM-DD" ;;
	esac
	case $cell in "Annex 1!$col"*) ok ;; *) bad "the $kind cell is $cell, not in column $col" ;; esac
	contains "$tmp/err" "$cell (II.4.1.1, $heading): " "$kind: the message names the cell"
	contains "$tmp/err" "$why" "$kind: says why"
	contains "$tmp/err" "nothing applied" "$kind: says nothing was applied"
	[ "$(sum)" = "$before" ] && ok || bad "a bad $kind changed the database"
done

# an owner set in the database since the workbook was written: the
# workbook's due date of that row is not applied
expect 0 "owner set meanwhile" -- iot check 1 II.4.2.1 --owner 中村
"$py" - "$tmp/a1.xlsx" "$tmp/a1-due.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for r in wb["Annex 1"].iter_rows(min_row=2):
    if r[0].value == "II.4.2.1":
        r[7].value = "2027-04-01"   # H, Due
wb.save(sys.argv[2])
EOF
before=$(sum)
expect 0 "a due date over a newer owner: reported" -- iot import-checks "$tmp/a1-due.xlsx" 1 --yes
contains "$tmp/out" "(II.4.2.1), Due: changed in the database since the workbook was written" \
	"the conflict on the due date"
contains "$tmp/out" "Nothing to apply." "nothing applied"
[ "$(sum)" = "$before" ] && ok || bad "a due date conflict changed the database"

# ---- refused, the database unchanged ----
refused() {		# KIND MESSAGE
	before=$(sum)
	expect 1 "$1 refused" -- iot import-checks "$tmp/$1.xlsx" 1 --yes
	contains "$tmp/err" "$2" "$1: the reason"
	[ "$(sum)" = "$before" ] && ok || bad "$1: the database changed"
}
for kind in bomb big dotdot absolute members notxlsx truncated sst malformed entities; do
	check "make $kind" -- xc hostile "$kind" "$tmp/assessment.xlsx" "$tmp/$kind.xlsx"
done
refused bomb "times (a zip bomb?); refused"
refused big "more than the 4194304 a workbook part may have"
refused dotdot "the member name '../evil' points outside the archive"
refused absolute "the member name '/tmp/evil' points outside the archive"
refused members "members in the zip, a workbook has at most 64"
refused notxlsx "not an XLSX workbook (it has no [Content_Types].xml)"
refused truncated "the zip cannot be opened"
refused sst "shared string 99999 out of range"
refused malformed "sheet5.xml"
refused entities "DTD"
expect 0 "export assessment 2" -- iot export 2 --format xlsx -o "$tmp/other.xlsx"
refused other "this workbook is of another assessment (2,"
printf 'not a zip' >"$tmp/text.xlsx"
refused text "the zip cannot be opened"
# ---- the open items and the crosswalk as workbooks ----
# Case 5 annotated as tests/open_report.sh does (its comment works out the
# 291 open items, 53/160/78, and their order), in a database of its own.
db="$tmp/open.db"
expect 0 "open: new case 5" -- iot new "Case 5" --from-survey "$SRCDIR/examples/case5.xml"
expect 0 "open: A-1 n/a" -- iot review 1 A-1 --decision not-applicable
expect 0 "open: B-61" -- iot review 1 B-61 --decision in-place --action 1=done \
	--action 2=not-applicable --action-owner 3=佐藤 --action-due 3=2999-12-31
expect 0 "open: C-1-own later" -- iot review 1 C-1-own --decision later
expect 0 "open: B-1 overdue" -- iot review 1 B-1 --decision todo --owner 鈴木 --due 2000-03-01 \
	--action 1=not-done
expect 0 "open: C-2-del c.1 done" -- iot review 1 C-2-del --action c.1=done
expect 0 "open: II.1.1.1" -- iot check 1 II.1.1.1 implemented
expect 0 "open: II.1.1.2 overdue" -- iot check 1 II.1.1.2 not-implemented --owner ops \
	--due 2000-01-10 --evidence "$tmp/ev.txt" --evidence-note "the log"
expect 0 "open: III.1.1.1.a partly, with evidence" -- iot check 1 III.1.1.1.a partly \
	--evidence "$tmp/ev.txt" --evidence-note "the log"
expect 0 "open: II.2.1.1 n/a" -- iot check 1 II.2.1.1 not-applicable
expect 0 "open: II.3.1.1 noted =1+1, with evidence" -- iot check 1 II.3.1.1 not-implemented \
	--note '=1+1' --evidence "$tmp/ev.txt" --evidence-note "the log"
expect 0 "export open xlsx" -- iot export 1 --what open --format xlsx -o "$tmp/open.xlsx"
expect 0 "export open xlsx again" -- iot export 1 --what open --format xlsx -o "$tmp/open-2.xlsx"
check "open.xlsx: the same bytes with SOURCE_DATE_EPOCH" -- cmp "$tmp/open.xlsx" "$tmp/open-2.xlsx"
check "openpyxl: the open items, their order, lists and marks" -- xc open "$tmp/open.xlsx"
check "fill in the open items" -- xc fillopen "$tmp/open.xlsx" "$tmp/open-filled.xlsx"
hist >"$tmp/h0"
expect 0 "import-checks of the open items" -- iot import-checks "$tmp/open-filled.xlsx" 1 --yes
contains "$tmp/out" "Applied the changes (4) in one transaction" "four changes applied"
contains "$tmp/out" "Open items row 2 (check:annex1:II.1.1.2), Evidence: evidence is attached" \
	"the evidence cell: reported"
hist >"$tmp/h1"
diff "$tmp/h0" "$tmp/h1" | sed -n 's/^> //p' | cut -f2- | sort >"$tmp/new.s"
sort >"$tmp/want.s" <<'EOF'
decision B-1	todo	in-place
owner B-1	鈴木	高橋
check-due II.1.1.2	2000-01-10	2027-06-30
action B-61 3	none	done
EOF
check "the history holds exactly the open items' changes" -- cmp "$tmp/want.s" "$tmp/new.s"
expect 0 "export crosswalk xlsx" -- iot export 1 --what crosswalk --format xlsx -o "$tmp/xw.xlsx"
expect 0 "export crosswalk xlsx again" -- iot export 1 --what crosswalk --format xlsx -o "$tmp/xw-2.xlsx"
check "xw.xlsx: the same bytes with SOURCE_DATE_EPOCH" -- cmp "$tmp/xw.xlsx" "$tmp/xw-2.xlsx"
check "openpyxl: the crosswalk" -- xc xwalk "$tmp/xw.xlsx"
expect 0 "import-checks of the crosswalk: read only" -- iot import-checks "$tmp/xw.xlsx" 1 --yes
contains "$tmp/out" "Nothing to apply." "the crosswalk has nothing to apply"
db="$tmp/t.db"

# ---- a third checklist is catalog data only: a third sheet (issue 9) ----
catalog3 "$tmp/c3"
db3="$tmp/c3.db"
iot3() { "$IOTSCOPE" --catalog "$tmp/c3/catalog" --db "$db3" --assessor tester "$@"; }
expect 0 "catalog3: new from case 5" -- iot3 new "Case 5" --from-survey "$SRCDIR/examples/case5.xml"
expect 0 "catalog3: check X.1.1" -- iot3 check 1 X.1.1 implemented --checklist annex3
expect 0 "catalog3: the whole assessment" -- iot3 export 1 --format xlsx -o "$tmp/c3.xlsx"
check "openpyxl: the third checklist, a third sheet" -- xc third "$tmp/c3.xlsx" all
expect 0 "catalog3: --what annex3" -- iot3 export 1 --what annex3 --format xlsx -o "$tmp/c3-one.xlsx"
check "openpyxl: --what annex3, its sheet alone" -- xc third "$tmp/c3-one.xlsx" only
expect 0 "catalog3: import-checks of the third sheet" -- iot3 import-checks "$tmp/c3-one-filled.xlsx" 1 --yes
contains "$tmp/out" "Annex 3x X.1.2, Check: - → partly" "the third sheet's change shown"
"$IOTSCOPE" --catalog "$tmp/c3/catalog" --db "$db3" history 1 --format tsv | tail -1 | cut -f4- >"$tmp/last"
printf 'check X.1.2\tnone\tpartly\n' | cmp -s - "$tmp/last" && ok || bad "catalog3 history: $(cat "$tmp/last")"
sqlite3 "$db3" "SELECT checklist, item, status FROM checks ORDER BY item" >"$tmp/checks"
printf 'annex3|X.1.1|implemented\nannex3|X.1.2|partly\n' | cmp -s - "$tmp/checks" && ok ||
	bad "catalog3: checks stored by checklist id: $(cat "$tmp/checks")"

# written in Tokyo, read back in UTC: "changed at" is shown in local time,
# yet the same instant is no conflict (X.1.1 was set by the check above)
TZ=Asia/Tokyo iot3 export 1 --what annex3 --format xlsx -o "$tmp/c3-tokyo.xlsx" >/dev/null 2>&1
"$py" - "$tmp/c3-tokyo.xlsx" "$tmp/c3-tokyo-filled.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for r in wb["Annex 3x"].iter_rows(min_row=2):
    if r[0].value == "X.1.1":
        assert r[10].value.endswith("+09:00"), r[10].value
        r[4].value = "not-applicable"
wb.save(sys.argv[2])
EOF
expect 0 "catalog3: a Tokyo workbook read back in UTC" -- iot3 import-checks "$tmp/c3-tokyo-filled.xlsx" 1 --yes
contains "$tmp/out" "Applied the changes (1) in one transaction" "the same instant in another zone: applied"
"$IOTSCOPE" --catalog "$tmp/c3/catalog" --db "$db3" history 1 --format tsv | tail -1 | cut -f4- >"$tmp/last"
printf 'check X.1.1\timplemented\tnot-applicable\n' | cmp -s - "$tmp/last" && ok ||
	bad "catalog3 Tokyo history: $(cat "$tmp/last")"

expect 2 "import-checks without arguments" -- iot import-checks
expect 2 "import-checks with an unknown option" -- iot import-checks --bogus "$tmp/a1.xlsx" 1

summary
