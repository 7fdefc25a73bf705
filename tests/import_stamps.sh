#!/bin/sh
# import_stamps.sh - `iotscope import` keeps every who/when the file gives
# (changed-by/at of reviews, actions and checks, added-by/at of evidence)
# and invents none: an entry that only holds an action or evidence (as
# C-2-del with only its action c.1 reviewed in Annex 8 case 5) is stored
# without a row of its own, as an edit leaves it, so it exports again
# without changed-by/at.  One with a decision but no stamps (hand-written)
# gets the importer's name.  The history gets one row, "import", by the
# importer: FILE -> the name.  Export -> import -> export gives the same
# bytes but the export's time.  The file below is written by hand; every
# expected value is read off it.
# Run by `make check` with IOTSCOPE and SRCDIR set.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
store_scratch
command -v xmllint >/dev/null 2>&1 || { echo "xmllint not found (libxml2-utils): skipped"; exit 77; }

cat >"$tmp/in.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<assessment xmlns="urn:iotscope:assessment:1" version="4">
  <export kind="assessment" generated-at="2030-01-02T03:04:05Z" tool="by hand" tool-version="0"/>
  <catalog edition="2" revision="1"><title>t</title></catalog>
  <details created="2020-05-06T07:08:09Z" changed="2021-02-03T04:05:06Z"><name>stamps</name></details>
  <survey answered="1" cells="42">
    <title>t</title><heading>h</heading>
    <column id="A">A</column><column id="B">B</column><column id="C">C</column>
    <group id="env"><label>l</label>
      <block id="contract"><label>l</label>
        <line><cell column="A" type="fixed" id="fixed.contract" answer="o"/></line>
      </block>
    </group>
  </survey>
  <countermeasures derived="0" reviewed="0" no-longer-derived="0">
    <countermeasure id="A-1" number="A-1" viewpoint="A" derived="true" decision="not-applicable" changed-by="grace" changed-at="2022-02-02T02:02:02Z">
      <title>t</title><text>t</text>
    </countermeasure>
    <countermeasure id="A-2" number="A-2" viewpoint="A" derived="true" decision="none">
      <title>t</title><text>t</text>
      <evidence ref="https://example.org/a2" added-by="heidi" added-at="2017-07-07T07:07:07Z"/>
    </countermeasure>
    <countermeasure id="B-1" number="B-1" viewpoint="B" derived="false" decision="todo">
      <title>t</title><text>t</text>
    </countermeasure>
    <countermeasure id="B-61" number="B-61" viewpoint="B" derived="false" decision="none">
      <title>t</title><text>t</text>
      <action key="2" state="none"><text>t</text>
        <evidence ref="https://example.org/b61-2" added-by="dave" added-at="2023-06-07T08:09:10Z"/>
      </action>
    </countermeasure>
    <countermeasure id="C-2-del" number="C-2-委" viewpoint="C" derived="false" decision="none">
      <title>t</title><text>t</text>
      <action key="c.1" role="c" state="done" changed-by="alice" changed-at="2024-04-01T09:30:00Z"><text>t</text></action>
    </countermeasure>
  </countermeasures>
  <checklist id="annex1"><title>t</title>
    <item id="II.1.1.1" number="x" depth="2" status="implemented" changed-by="frank" changed-at="2019-09-09T09:09:09Z"/>
    <item id="II.1.1.2" number="x" depth="2">
      <evidence ref="https://example.org/e" added-by="erin" added-at="2018-08-08T08:08:08Z"/>
    </item>
  </checklist>
  <summary/>
</assessment>
XML

# imported by a relative path: the history names it by its absolute one
in_tmp() { (cd "$tmp" && "$@"); }
dir=$(cd "$tmp" && pwd -P)
expect 0 "import the hand-written file" -- in_tmp iot import ./in.xml
contains "$tmp/out" "Imported as assessment 1: stamps" "imported as 1"
expect 0 "export it" -- iot export 1 -o "$tmp/e1.xml"
e1=$tmp/e1.xml
# has LINE DESCRIPTION: the export has LINE (all of it, spaces trimmed)
has() { check "$2" -- sh -c 'sed "s/^ *//" "$1" | grep -qxF -- "$2"' - "$e1" "$1"; }
has '<details created="2020-05-06T07:08:09Z" changed="2021-02-03T04:05:06Z">' "the details keep created and changed"
has '<countermeasure id="A-1" number="A-1" viewpoint="A" derived="true" decision="not-applicable" changed-by="grace" changed-at="2022-02-02T02:02:02Z">' "A-1's review keeps grace 2022-02-02T02:02:02Z"
has '<countermeasure id="C-2-del" number="C-2-委" viewpoint="C" derived="false" decision="none">' "C-2-del has no who/when of its own"
# derived: the fixed contract cell (o) brings in all of A (Fig. 17)
has '<countermeasure id="A-2" number="A-2" viewpoint="A" derived="true" decision="none">' "A-2 (evidence only) has none"
has '<evidence ref="https://example.org/a2" added-by="heidi" added-at="2017-07-07T07:07:07Z"/>' "its evidence keeps heidi 2017-07-07T07:07:07Z"
has '<action key="c.1" role="c" state="done" changed-by="alice" changed-at="2024-04-01T09:30:00Z">' "its action c.1 keeps alice 2024-04-01T09:30:00Z"
has '<countermeasure id="B-61" number="B-61" viewpoint="B" derived="false" decision="none">' "B-61 (evidence on an action only) has none"
check "its action 2 (evidence only) has none" -- [ "$(xmllint --xpath \
	"count(//*[local-name()='countermeasure'][@id='B-61']/*[local-name()='action'][@key='2'][@changed-by or @changed-at])" \
	"$e1")" = 0 ]
has '<evidence ref="https://example.org/b61-2" added-by="dave" added-at="2023-06-07T08:09:10Z"/>' "the action's evidence keeps dave 2023-06-07T08:09:10Z"
has '<item id="II.1.1.1" number="II. 1. 1. 1." depth="2" level="basic" mark="●" status="implemented" changed-by="frank" changed-at="2019-09-09T09:09:09Z">' "II.1.1.1 keeps frank 2019-09-09T09:09:09Z"
has '<item id="II.1.1.2" number="II. 1. 1. 2." depth="2" level="basic" mark="●" status="none">' "II.1.1.2 (evidence only) has none"
has '<evidence ref="https://example.org/e" added-by="erin" added-at="2018-08-08T08:08:08Z"/>' "its evidence keeps erin 2018-08-08T08:08:08Z"
# B-1: decided, no stamps in the file: the importer's name (and the time now)
check "B-1 (todo, no stamps in the file) gets the importer's name" -- sh -c \
	'grep -q "<countermeasure id=\"B-1\" .* decision=\"todo\" changed-by=\"auditor\" changed-at=\"[0-9-]*T[0-9:]*Z\">" "$1"' - "$e1"
check "the importer's name is on B-1 only" -- [ "$(grep -c 'auditor' "$e1")" = 1 ]
check "4 changed-by, 3 added-by: as many as the file gives, and B-1's" -- \
	[ "$(grep -o 'changed-by=' "$e1" | wc -l) $(grep -o 'added-by=' "$e1" | wc -l)" = "4 3" ]
# in the store: no reviews row for A-2, C-2-del and B-61, no action row for
# B-61 2, no check row for II.1.1.2 (their evidence rows only)
if command -v sqlite3 >/dev/null 2>&1; then
	check "rows: reviews A-1 B-1, actions C-2-del c.1, checks II.1.1.1; evidence 3" -- [ \
		"$(sqlite3 "$tmp/t.db" "SELECT group_concat(cm, ' ') FROM (SELECT cm FROM reviews ORDER BY cm); SELECT group_concat(cm || ' ' || key, ',') FROM action_states; SELECT group_concat(item, ' ') FROM checks; SELECT count(*) FROM evidence;")" = \
		"$(printf '%s\n' 'A-1 B-1' 'C-2-del c.1' 'II.1.1.1' 3)" ]
fi

# ---- the history: one row, what was imported, by whom ----
expect 0 "history as TSV" -- iot history 1 --format tsv
check "one row: import, by auditor, the file's absolute path -> stamps" -- sh -c \
	'[ "$(sed 1d "$1" | sed "s/\t[0-9-]*T[0-9:]*Z\t/\tAT\t/")" = "$(printf "1\tAT\tauditor\timport\t%s\tstamps" "$2")" ]' \
	- "$tmp/out" "$dir/in.xml"

# ---- export -> import -> export: the same bytes but the export's time ----
expect 0 "import the export" -- iot import "$e1"
contains "$tmp/out" "Imported as assessment 2: stamps" "imported as 2"
expect 0 "export it again" -- iot export 2 -o "$tmp/e2.xml"
check "the same bytes but generated-at" -- sh -c \
	'grep -v generated-at= "$1" >"$1.c" && grep -v generated-at= "$2" | cmp -s - "$1.c"' - "$e1" "$tmp/e2.xml"
expect 0 "history of 2" -- iot history 2 --format tsv
check "its row: import FILE -> stamps" -- sh -c '[ "$(sed 1d "$1" | cut -f3-)" = "$(printf "auditor\timport\t%s\tstamps" "$2")" ]' \
	- "$tmp/out" "$dir/e1.xml"

# ---- formats 1-3 still import, and keep their stamps ----
v3="$SRCDIR/tests/fixtures/export-v3.xml"
expect 0 "import the format-3 fixture" -- iot import "$v3"
contains "$tmp/out" "Imported as assessment 3" "imported as 3"
expect 0 "export it" -- iot export 3 -o "$tmp/e3.xml"
# fixture line 1454: C-2-del with only c.1 (1465) reviewed, no stamps
contains "$tmp/e3.xml" '<countermeasure id="C-2-del" number="C-2-委" viewpoint="C" derived="true" decision="none">' "C-2-del as in the fixture"
contains "$tmp/e3.xml" '<action key="c.1" role="c" state="done" changed-by="fixture" changed-at="2026-11-29T12:20:56Z">' "c.1 as in the fixture"
# fixture line 1707
contains "$tmp/e3.xml" 'added-by="fixture" added-at="2026-11-29T12:21:02Z">' "II.2.1.2's evidence as in the fixture"
lacks "$tmp/e3.xml" 'auditor' "no importer's name in it"
expect 0 "import the format-1 fixture" -- iot import "$SRCDIR/tests/fixtures/export-v1.xml"
contains "$tmp/out" "Imported as assessment 4" "imported as 4"
expect 0 "export it" -- iot export 4 -o "$tmp/e4.xml"
check "every changed-by of the format-1 file kept" -- [ \
	"$(grep -o 'changed-by="[^"]*" changed-at="[^"]*"' "$SRCDIR/tests/fixtures/export-v1.xml" | sort)" = \
	"$(grep -o 'changed-by="[^"]*" changed-at="[^"]*"' "$tmp/e4.xml" | sort)" ]

summary
