#!/bin/sh
# open_report.sh - the open items report (issue 12): `export ID --what
# open` in XML (valid against forms/assessment.xsd), CSV and HTML, for
# Annex 8 case 5 annotated by hand; the counts and the order are worked
# out below from tests/expected_examples.md and the catalog, not from
# the code under test.  Run by `make check` with IOTSCOPE and SRCDIR set.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
store_scratch

expect 0 "new case 5" -- iot new "Case 5" --from-survey "$SRCDIR/examples/case5.xml"
expect 0 "nothing reviewed: all open" -- iot export 1 --what open --format xml -o "$tmp/all.xml"
# Case 5 derives 56 countermeasures (tests/expected_examples.md: 14 A +
# 33 B + 9 C).  Their actions and duties, counted in catalog/
# countermeasures-*.xml (<action> and <duty> of each of the 56):
#   A 40 = A-IoT-1 1, A-IoT-2 1, A-1 5, A-2 4, A-3 3, A-4 3, A-5 6, A-6 2,
#          A-7 2, A-8 1, A-9 4, A-10 2, A-11 3, A-12 3
#   B 83 = B-IoT-5/6/7/8/11 1 each (5), B-1 4, B-5 2, B-6 3, B-7 3, B-13 3,
#          B-14 3, B-15 2, B-16 4, B-17 4, B-18 3, B-19 1, B-20 2, B-21 3,
#          B-22 2, B-23 4, B-30 1, B-33 2, B-47 4, B-50 3, B-53 3, B-54 2,
#          B-55 3, B-56 4, B-57 3, B-58 2, B-59 2, B-60 3, B-61 3
#   C 45 = C-1-own 3, C-2-own 4, C-2-del 16, C-3-own 3, C-4-own 4,
#          C-4-del 6, C-5-own 4, C-6-own 2, C-7-own 3
#   168 in all.  The checklists have 81 checkable items (Annex 1 and 2).
# Nothing reviewed: 56 + 168 + 81 = 305 open.
check "305 open when nothing is reviewed" \
	[ "$(xmllint --xpath 'count(//*[local-name()="open"])' "$tmp/all.xml")" = 305 ]

# ---- annotate ----
expect 0 "A-1 not applicable" -- iot review 1 A-1 --decision not-applicable
expect 0 "B-61 in place, two actions ticked, the third owned" -- iot review 1 B-61 \
	--decision in-place --action 1=done --action 2=not-applicable \
	--action-owner 3=佐藤 --action-due 3=2999-12-31
expect 0 "C-1-own later" -- iot review 1 C-1-own --decision later
expect 0 "B-1 to do, overdue, action 1 not done" -- iot review 1 B-1 --decision todo \
	--owner 鈴木 --due 2000-03-01 --action 1=not-done
expect 0 "C-2-del c.1 done" -- iot review 1 C-2-del --action c.1=done
printf 'evidence' >"$tmp/ev.txt"
expect 0 "II.1.1.1 implemented" -- iot check 1 II.1.1.1 implemented
expect 0 "II.1.1.2 not implemented, overdue, with evidence" -- iot check 1 II.1.1.2 \
	not-implemented --owner ops --due 2000-01-10 --evidence "$tmp/ev.txt"
expect 0 "III.1.1.1.a partly" -- iot check 1 III.1.1.1.a partly
expect 0 "II.2.1.1 not applicable" -- iot check 1 II.2.1.1 not-applicable

# Worked out by hand:
#   countermeasures: 56 - 3 decided (A-1 n/a, B-61 in place, C-1-own
#     later; B-1 is "to do", still open) = 53
#   actions: 168 - 5 (A-1 found not applicable: its actions are not
#     open) - 2 (B-61 1 done, 2 n/a) - 1 (C-2-del c.1 done) = 160
#     (B-1 1 "not done" stays open; C-1-own "later" keeps its 3 open)
#   checklist items: 81 - 3 (II.1.1.1 implemented, III.1.1.1.a partly,
#     II.2.1.1 n/a; II.1.1.2 "not implemented" stays open) = 78
#   in all 53 + 160 + 78 = 291; overdue 2 (II.1.1.2 due 2000-01-10, B-1
#   due 2000-03-01); with an owner 3 (II.1.1.2, B-1, B-61 action 3).
#   Order: II.1.1.2 (earliest), B-1, B-61 action 3 (2999-12-31), then
#   those without a date as found: A-IoT-1 first.
expect 0 "export open as XML" -- iot export 1 --what open --format xml -o "$tmp/open.xml"
check "valid against forms/assessment.xsd" \
	xmllint --noout --schema "$SRCDIR/forms/assessment.xsd" "$tmp/open.xml"
x() { xmllint --xpath "$1" "$tmp/open.xml"; }
check "291 open" [ "$(x 'count(//*[local-name()="open"])')" = 291 ]
check "53 countermeasures" [ "$(x 'count(//*[local-name()="open"][@kind="countermeasure"])')" = 53 ]
check "160 actions" [ "$(x 'count(//*[local-name()="open"][@kind="action"])')" = 160 ]
check "78 checklist items" [ "$(x 'count(//*[local-name()="open"][@kind="check"])')" = 78 ]
check "summary 291/2/3" [ "$(x 'concat(//*[local-name()="summary"]/@open, "/", //*[local-name()="summary"]/@overdue, "/", //*[local-name()="summary"]/@with-owner)')" = 291/2/3 ]
check "1st: II.1.1.2, overdue" [ "$(x 'concat((//*[local-name()="open"])[1]/@key, " ", (//*[local-name()="open"])[1]/@overdue)')" = "II.1.1.2 true" ]
check "2nd: B-1, overdue" [ "$(x 'concat((//*[local-name()="open"])[2]/@id, " ", (//*[local-name()="open"])[2]/@kind, " ", (//*[local-name()="open"])[2]/@overdue)')" = "B-1 countermeasure true" ]
check "3rd: B-61 action 3, not overdue" [ "$(x 'concat((//*[local-name()="open"])[3]/@id, " ", (//*[local-name()="open"])[3]/@key, " ", (//*[local-name()="open"])[3]/@owner, " ", count((//*[local-name()="open"])[3]/@overdue))')" = "B-61 3 佐藤 0" ]
check "4th: A-IoT-1, no date" [ "$(x 'concat((//*[local-name()="open"])[4]/@id, " ", count((//*[local-name()="open"])[4]/@due))')" = "A-IoT-1 0" ]
check "the evidence of II.1.1.2 with its hash" [ "$(x 'string((//*[local-name()="open"])[1]/*[local-name()="evidence"]/@size)')" = 8 ]
check "no closed item listed" [ "$(x 'count(//*[local-name()="open"][@id="A-1" or @key="II.1.1.1" or @key="III.1.1.1.a" or @key="II.2.1.1" or ((@id="B-61" or @id="C-1-own") and @kind="countermeasure") or (@id="B-61" and @key!="3")])')" = 0 ]
check "C-1-own (later) keeps its 3 actions open" [ "$(x 'count(//*[local-name()="open"][@id="C-1-own"][@kind="action"])')" = 3 ]

expect 0 "export open as CSV" -- iot export 1 --what open --format csv -o "$tmp/open.csv"
# 1 heading + 291 records; II.1.1.2's evidence cell holds no line break
check "292 CSV lines" [ "$(wc -l <"$tmp/open.csv")" -eq 292 ]
check "CSV second line: II.1.1.2, overdue" \
	sh -c "sed -n 2p '$tmp/open.csv' | grep -q '^checklist item,annex1,II.1.1.2,.*,not implemented,ops,2000-01-10,overdue,'"
check "CSV fourth line: B-61 action 3" \
	sh -c "sed -n 4p '$tmp/open.csv' | grep -q '^action,B-61,3,B-61,.*,not ticked,佐藤,2999-12-31,,'"

expect 0 "export open as HTML" -- iot export 1 --what open --format html -o "$tmp/open.html"
check "291 rows" [ "$(sed -n '/<table class="open">/,/<\/table>/p' "$tmp/open.html" | grep -c '^<tr')" -eq 291 ]
check "2 overdue rows" [ "$(grep -c '^<tr class="overdue">' "$tmp/open.html")" -eq 2 ]
contains "$tmp/open.html" "291 open items: 2 overdue, 3 with an owner." "HTML summary"

# in Japanese, the CSV's headings and values are translated
expect 0 "export open as CSV in Japanese" -- iot export 1 --what open --format csv --lang ja -o "$tmp/open-ja.csv"
lacks "$tmp/open-ja.csv" "not implemented" "Japanese CSV values"

summary
