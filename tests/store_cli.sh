#!/bin/sh
# store_cli.sh - the store commands: list, new, show, set, review, check,
# copy, rename, delete, history, backup, and derive from the store; exit
# statuses 0/1/2, messages that say what and where, files 0600 in a 0700
# directory, refusals that leave the file as it was, two writers at once.
# Run by `make check` with IOTSCOPE (the binary) and SRCDIR set.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
scratch
HOME=$tmp/home XDG_DATA_HOME=$tmp/xdg TZ=UTC
export HOME XDG_DATA_HOME TZ
mkdir "$HOME" || exit 99
iot() { "$IOTSCOPE" --catalog "$SRCDIR/catalog" --assessor auditor "$@"; }

# ---- the default database: $XDG_DATA_HOME/iotscope, 0700 and 0600 ----
db=$XDG_DATA_HOME/iotscope/iotscope.db
expect 0 "list an empty store" -- iot list
contains "$tmp/out" "No assessments yet" "empty list says so"
check "directory is 0700" [ "$(stat -c %a "$XDG_DATA_HOME/iotscope")" = 700 ]
check "database is 0600" [ "$(stat -c %a "$db")" = 600 ]

# ---- new ----
expect 0 "new from a survey file" -- iot new "Case 2" --from-survey "$SRCDIR/examples/case2.xml"
contains "$tmp/out" "Created assessment 1: Case 2" "new says the id"
expect 0 "new empty" -- iot new "Blank"
contains "$tmp/out" "Created assessment 2: Blank" "second id"
expect 2 "new without a name" -- iot new
expect 2 "new with both sources" -- iot new X --from 1 --from-survey "$SRCDIR/examples/case1.xml"
expect 1 "new from a missing survey" -- iot new X --from-survey "$tmp/none.xml"
contains "$tmp/err" "$tmp/none.xml" "missing survey named"
printf '<survey><unclosed>\n' >"$tmp/broken.xml"
expect 1 "new from a broken survey" -- iot new X --from-survey "$tmp/broken.xml"
contains "$tmp/err" "broken.xml:2:" "broken survey says file:line"
expect 1 "new from an unknown assessment" -- iot new X --from 99
contains "$tmp/err" "'99'" "unknown source named"
expect 1 "new with an empty name" -- iot new ""

# ---- derive from the store: the same list as from the file ----
# Annex 8 case 2: 61 candidates (tests/expected_examples.h, worked by hand)
expect 0 "derive from the store" -- iot derive --format ids 1
cp "$tmp/out" "$tmp/from-store"
check "61 from the store" [ "$(wc -l <"$tmp/from-store")" -eq 61 ]
expect 0 "derive the file" -- iot derive --format ids "$SRCDIR/examples/case2.xml"
check "store and file derive alike" cmp -s "$tmp/out" "$tmp/from-store"
expect 0 "derive by name" -- iot derive "Case 2"
contains "$tmp/out" "61 candidate countermeasures (A 14, B 36, C 11)" "derive by name counts"
expect 1 "derive an unknown assessment" -- iot derive nosuch
contains "$tmp/err" "nosuch" "unknown assessment named"

# ---- set ----
expect 0 "set an answer" -- iot set 2 provide.iot-device o
contains "$tmp/out" "Saved: provide.iot-device = o" "set says saved"
expect 1 "set a fixed cell" -- iot set 2 fixed.contract x
contains "$tmp/err" "fixed" "fixed cell refused clearly"
expect 1 "set an unknown cell" -- iot set 2 provide.toaster o
contains "$tmp/err" "provide.toaster" "unknown cell named"
expect 1 "set a bad answer" -- iot set 2 provide.lan maybe
contains "$tmp/err" "'maybe' is not an answer" "bad answer named"
expect 2 "set with too few arguments" -- iot set 2 provide.lan
expect 1 "set on an unknown assessment" -- iot set 42 provide.lan o
expect 0 "set a detail" -- iot set 2 operator "株式会社 テスト"
expect 0 "set confidentiality" -- iot set 2 confidentiality low
expect 0 "set availability" -- iot set 2 availability high
expect 1 "set a bad structure" -- iot set 2 structure 4
contains "$tmp/err" "structure" "bad detail named"
expect 1 "set an empty name" -- iot set 2 name ""

# ---- show ----
expect 0 "show" -- iot show 2
contains "$tmp/out" "Assessment 2: Blank" "show names it"
contains "$tmp/out" "株式会社 テスト" "show has the operator"
contains "$tmp/out" "pattern          4" "confidentiality low, availability high is pattern 4 (Annex 3)"
contains "$tmp/out" "B ○  provide.iot-device" "show has the answer"
contains "$tmp/out" "A ○  fixed.contract" "show has the fixed cells"
contains "$tmp/out" "1 of 42 cells answered" "show counts answers"
expect 1 "show an unknown assessment" -- iot show 77
expect 2 "show with no id" -- iot show

# ---- review: B-IoT-2 is derived while IoT 機器 is provided (derivation.md 3) ----
expect 0 "review B-IoT-2" -- iot review 2 B-IoT-2 --decision in-place --action 1=done --note "確認済み"
contains "$tmp/out" "Saved: B-IoT-2 decision in-place" "decision saved"
expect 0 "print the review" -- iot review 2 B-IoT-2
contains "$tmp/out" "in-place" "decision shown"
contains "$tmp/out" "[1] done" "action state shown"
expect 1 "review an unknown countermeasure" -- iot review 2 Z-9 --decision todo
contains "$tmp/err" "Z-9" "unknown countermeasure named"
expect 1 "review with a bad decision" -- iot review 2 A-1 --decision maybe
expect 1 "review an action that is not there" -- iot review 2 A-1 --action 9=done
contains "$tmp/err" "'9'" "unknown action named"
expect 0 "review a duty of C-1-del" -- iot review 2 C-1-del --action c.2=not-done --action-note "c.2=業者に確認"
expect 0 "the review by printed number" -- iot review 2 C-1-委
contains "$tmp/out" "[c.2] not-done" "duty state shown"
expect 0 "answer so that B-IoT-2 drops out" -- iot set 2 provide.iot-device x
contains "$tmp/out" "no longer derived" "set says a review dropped out"
expect 0 "show after the drop" -- iot show 2
contains "$tmp/out" "B-IoT-2: reviewed (in-place) but no longer derived" "dropped review kept and shown"

# ---- check ----
expect 0 "check an Annex 1 item" -- iot check 2 II.1.1.1 implemented --note "手順書 v3"
contains "$tmp/out" "Annex 1 II.1.1.1 implemented" "annex found from the id"
expect 0 "check an Annex 2 sub-item" -- iot check 2 III.1.1.1.a partly
contains "$tmp/out" "Annex 2 III.1.1.1.a partly" "annex 2 found"
expect 1 "check an unknown item" -- iot check 2 IX.9 implemented
expect 1 "check a bad status" -- iot check 2 II.1.1.1 done
expect 2 "check with no status" -- iot check 2 II.1.1.1

# ---- history ----
expect 0 "history" -- iot history 2
contains "$tmp/out" "auditor" "history says who (--assessor)"
contains "$tmp/out" "answer provide.iot-device: - -> o" "history of the answer"
contains "$tmp/out" "answer provide.iot-device: o -> x" "history of the change back"
contains "$tmp/out" "decision B-IoT-2: none -> in-place" "history of the review"
contains "$tmp/out" "check II.1.1.1: none -> implemented" "history of the check"
expect 0 "history without --assessor names the login" -- "$IOTSCOPE" --catalog "$SRCDIR/catalog" set 2 notes "by login"
expect 0 "history again" -- iot history 2
lacks "$tmp/out" "? " "a name, not '?'"

# ---- times: local time with the offset; the TSV keeps the stored UTC ----
# GNU date converts the stored instant on its own, the expected value.
expect 0 "history as TSV" -- iot history 2 --format tsv
first=$(sed -n 2p "$tmp/out" | cut -f2)
last=$(sed -n '$p' "$tmp/out" | cut -f2)
case $first in
????-??-??T??:??:??Z) ok ;;
*) bad "TSV history time not stored UTC: '$first'" ;;
esac
for zone in Asia/Tokyo America/New_York UTC; do
	local_first=$(TZ=$zone date -d "$first" +%Y-%m-%dT%H:%M:%S%:z)
	local_last=$(TZ=$zone date -d "$last" +%Y-%m-%dT%H:%M:%S%:z)
	expect 0 "history in $zone" -- env TZ=$zone "$IOTSCOPE" --catalog "$SRCDIR/catalog" \
		--db "$db" history 2
	check "history's first time in $zone is $local_first" \
		[ "$(sed -n 1p "$tmp/out" | awk '{ print $2 }')" = "$local_first" ]
	expect 0 "show in $zone" -- env TZ=$zone "$IOTSCOPE" --catalog "$SRCDIR/catalog" \
		--db "$db" show 2
	contains "$tmp/out" "changed          $local_last" "show's last change in $zone"
	expect 0 "list in $zone" -- env TZ=$zone "$IOTSCOPE" --catalog "$SRCDIR/catalog" \
		--db "$db" list
	contains "$tmp/out" "   2  $local_last" "list's last change in $zone"
done
case $local_first in
*+00:00) ok ;;
*) bad "UTC shown as '$local_first', not +00:00" ;;
esac

# ---- copy, rename, list ----
expect 0 "copy" -- iot copy 2 "Blank copy"
contains "$tmp/out" "to 3" "copy gets a new id"
expect 0 "show the copy" -- iot show "Blank copy"
contains "$tmp/out" "株式会社 テスト" "copy has the details"
expect 0 "rename" -- iot rename 3 "Renamed"
expect 0 "list" -- iot list
contains "$tmp/out" "Renamed" "list shows the new name"
contains "$tmp/out" "Case 2" "list shows the others"
contains "$tmp/out" "42/42" "case 2 fully answered"
expect 0 "new --from" -- iot new "From 1" --from 1
contains "$tmp/out" "Created assessment 4" "new --from gets an id"
expect 0 "same name twice" -- iot new "Renamed"
expect 1 "an ambiguous name" -- iot show "Renamed"
contains "$tmp/err" "give the id" "ambiguity explained"

# ---- delete ----
expect 2 "delete without --yes off a terminal" -- iot delete 3
contains "$tmp/err" "--yes" "delete says how"
expect 0 "still there" -- iot show 3
expect 0 "delete --yes" -- iot delete 3 --yes
expect 1 "gone" -- iot show 3
expect 0 "its history stays" -- iot history 3
contains "$tmp/out" "delete: Renamed -> -" "the delete is in the history"
expect 1 "delete it again" -- iot delete 3 --yes

# ---- backup ----
expect 0 "backup" -- iot backup "$tmp/backup.db"
check "backup is 0600" [ "$(stat -c %a "$tmp/backup.db")" = 600 ]
expect 0 "the backup opens" -- iot --db "$tmp/backup.db" list
contains "$tmp/out" "Case 2" "the backup holds the data"
expect 1 "backup over a file" -- iot backup "$tmp/backup.db"
contains "$tmp/err" "exists" "backup will not overwrite"

# ---- a damaged index (issue 8 item 6): four bytes flipped at offset
# 20000 of a small database land in the index of names; quick_check
# passes, integrity_check does not.  Refused, the file as it was. ----
flipdb=$tmp/flip.db
i=1
while [ "$i" -le 40 ]; do
	iot --db "$flipdb" new "assessment number $i" >/dev/null 2>&1 || bad "new $i for the flip"
	i=$((i + 1))
done
# xor each of the four bytes with 0xff, in place
for off in 20000 20001 20002 20003; do
	b=$(od -An -tu1 -j "$off" -N1 "$flipdb" | tr -d ' ')
	printf "\\$(printf %03o $((b ^ 255)))" |
		dd of="$flipdb" bs=1 seek="$off" conv=notrunc 2>/dev/null
done
cp "$flipdb" "$tmp/flip.orig"
check "quick_check passes on the flipped file" [ "$(sqlite3 "$tmp/flip.orig" 'PRAGMA quick_check')" = ok ]
check "integrity_check does not" [ "$(sqlite3 "$tmp/flip.orig" 'PRAGMA integrity_check' | head -1)" != ok ]
cp "$flipdb" "$tmp/flip.orig"
expect 1 "an edit into a damaged index" -- iot --db "$flipdb" set 1 notes "not written"
contains "$tmp/err" "damaged" "damaged index said"
contains "$tmp/err" "backup" "what to do said"
check "damaged file unchanged" cmp -s "$flipdb" "$tmp/flip.orig"
expect 1 "check finds it" -- iot --db "$flipdb" check
contains "$tmp/err" "integrity check" "check says which check"
expect 1 "no backup of a damaged database" -- iot --db "$flipdb" backup "$tmp/flip-copy.db"
check "damaged file still unchanged" cmp -s "$flipdb" "$tmp/flip.orig"
expect 0 "check on a whole database" -- iot check
contains "$tmp/out" "whole" "check says so"

# ---- refusals: a clear message, the file as it was ----
printf 'name,operator\nnot,a database\n' >"$tmp/text.db"
cp "$tmp/text.db" "$tmp/text.orig"
expect 1 "a text file as database" -- iot --db "$tmp/text.db" list
contains "$tmp/err" "not an iotscope database" "text file refused"
check "text file unchanged" cmp -s "$tmp/text.db" "$tmp/text.orig"
check "no -wal beside it" [ ! -e "$tmp/text.db-wal" ]
cp "$tmp/backup.db" "$tmp/ro.db"
chmod 0400 "$tmp/ro.db"
expect 1 "a read-only database" -- iot --db "$tmp/ro.db" set 1 provide.lan o
contains "$tmp/err" "read-only" "read-only refused"
check "read-only file unchanged" cmp -s "$tmp/ro.db" "$tmp/backup.db"
expect 1 "a directory that cannot be made" -- env XDG_DATA_HOME="$tmp/text.db/sub" "$IOTSCOPE" --catalog "$SRCDIR/catalog" list
contains "$tmp/err" "cannot create directory" "uncreatable directory said"
expect 1 "a database in a missing directory" -- iot --db "$tmp/nowhere/x.db" list
contains "$tmp/err" "$tmp/nowhere" "missing directory named"
check "missing directory not made" [ ! -e "$tmp/nowhere" ]

# ---- two writers at once: no error, no answer lost ----
iot new "Shared" >/dev/null
id=$(iot list | awk '$NF == "Shared" { print $1 }')
writer() {
	for cell in "$@"; do
		iot set "$id" "$cell" o >/dev/null 2>>"$tmp/writers.err" || echo "$cell" >>"$tmp/writers.fail"
	done
}
writer provide.iot-device provide.lan provide.local-computer provide.edge-computer provide.gateway provide.wan provide.cloud provide.embedded-app provide.application recommend.iot-device &
w1=$!
writer execute.a execute.b execute.c execute.d execute.e execute.f execute.g execute.h execute.i execute.j &
w2=$!
wait $w1 $w2
check "no writer failed" [ ! -e "$tmp/writers.fail" ]
[ -s "$tmp/writers.err" ] && sed 's/^/  | /' "$tmp/writers.err"
expect 0 "show the shared one" -- iot show "$id"
contains "$tmp/out" "20 of 42 cells answered" "both writers' answers are there"
expect 0 "history of the shared one" -- iot history "$id"
check "20 answers in the history" [ "$(grep -c 'answer ' "$tmp/out")" -eq 20 ]

summary
