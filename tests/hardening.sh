#!/bin/sh
# hardening.sh - what an attacker tried after the first robustness sweep
# (issue "Hardening: eight ways bad input still gets through"):
#   1. an export aimed at the live database, by any name, or at any SQLite
#      file: refused, the database byte for byte as it was;
#   2. notes and --assessor values that a spreadsheet would run as a
#      formula: neutralised in CSV unless --raw;
#   4. C1 controls and bidirectional overrides: refused on input, and never
#      printed raw when an older database or a file holds them;
#   5. a note holding a line break cannot forge a history line.
# Run by `make check` with IOTSCOPE and SRCDIR set.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
scratch
mkdir -p "$tmp/home" "$tmp/xdg"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg" LC_ALL=C.UTF-8 TZ=UTC
db=$tmp/s.db
iot() { "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" --assessor hardening "$@"; }
sum() { cksum <"$1"; }
# the bytes of every file of the database
state() { for f in "$db" "$db-wal" "$db-shm"; do [ -f "$f" ] && cksum <"$f"; done; }

expect 0 "create" -- iot new --from-survey "$SRCDIR/examples/case5.xml" Case5
expect 0 "a review" -- iot review 1 A-1 --decision todo

# ---- 1. an export never replaces the database ----
cd "$tmp" || exit 99
ln -s s.db link.db
ln s.db hard.db
mkdir sub
before=$(state)
for target in s.db ./s.db "$tmp/s.db" sub/../s.db link.db hard.db \
	s.db-wal s.db-shm s.db-journal ./s.db-wal; do
	for fmt in csv xml html; do
		what=annex1
		expect 1 "export -o $target ($fmt)" -- iot export 1 --what $what --format $fmt -o "$target"
		case $target in
		*-wal|*-shm|*-journal) says="is the -${target##*-} file of the database" ;;
		*) says="is the database iotscope is working on" ;;
		esac
		contains "$tmp/err" "$says" "export -o $target says why"
		lacks "$tmp/err" "Wrote" "no success claimed for $target"
	done
done
check "the database files are byte for byte as they were" [ "$(state)" = "$before" ]
check "the symbolic link still points at the database" [ -L link.db ]
expect 0 "the database still opens" -- iot list
contains "$tmp/out" "Case5" "the assessment is still there"
# any SQLite file, WAL or journal: never replaced
iot backup other.db >/dev/null 2>&1 || bad "backup for the next check"
osum=$(sum other.db)
expect 1 "export over another SQLite database" -- iot export 1 --what annex1 --format csv -o other.db
contains "$tmp/err" "other.db: is an SQLite database" "another database named"
check "the other database unchanged" [ "$(sum other.db)" = "$osum" ]
printf '\067\177\006\202rest-of-a-wal-header-padding' >other.wal
expect 1 "export over a WAL file" -- iot export 1 --what annex1 --format csv -o other.wal
contains "$tmp/err" "write-ahead log" "a WAL named"
printf '\331\325\005\371\040\241\143\327journal-padding' >other.journal
expect 1 "export over a rollback journal" -- iot export 1 --what annex1 --format csv -o other.journal
contains "$tmp/err" "rollback journal" "a journal named"
# an ordinary file is still replaced (the -o of cc and pandoc)
echo old >plain.csv
expect 0 "export over an ordinary file" -- iot export 1 --what annex1 --format csv -o plain.csv
check "the ordinary file replaced" [ "$(head -c 4 plain.csv)" = "Kind" ]

# ---- 2. CSV formula injection ----
expect 0 "a formula-like note" -- iot review 1 A-1 --note '=HYPERLINK("http://evil.example","click")'
expect 0 "formula-like notes of every kind" -- \
	"$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" --assessor '@SUM(A1:A9)' \
	check 1 II.1.1.1 implemented --note '+1+cmd|calc'
expect 0 "a note starting with a minus" -- iot check 1 II.1.1.2 implemented --note '-2+3'
expect 0 "a note starting with a tab" -- iot check 1 II.2.1.1 implemented --note "$(printf '\t=1+1')"
expect 0 "countermeasures as CSV" -- iot export 1 --what countermeasures --format csv
contains "$tmp/out" ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"," "= note neutralised"
lacks "$tmp/out" ",\"=HYPERLINK" "no raw formula"
expect 0 "annex1 as CSV" -- iot export 1 --what annex1 --format csv
contains "$tmp/out" ",'+1+cmd|calc,'@SUM(A1:A9)," "+ note and @ assessor neutralised"
contains "$tmp/out" ",'-2+3," "- note neutralised"
contains "$tmp/out" "$(printf ",'\t=1+1,")" "tab note neutralised"
# catalog text is the guideline's, never changed: Annex 2's "-" values
expect 0 "annex2 as CSV" -- iot export 1 --what annex2 --format csv
lacks "$tmp/out" ",'-," "catalog values kept"
contains "$tmp/out" ",-," "the guideline's '-' reference values as printed"
expect 0 "--raw keeps notes verbatim" -- iot export 1 --what annex1 --format csv --raw
contains "$tmp/out" ",+1+cmd|calc,@SUM(A1:A9)," "--raw verbatim"
expect 2 "--raw is for CSV" -- iot export 1 --what annex1 --format xml --raw
contains "$tmp/err" "--raw is for CSV files" "--raw with XML refused"

# ---- 4. C1 controls and bidi overrides ----
for bad in '\302\233' '\302\205' '\342\200\256' '\342\201\246' '\342\201\251' '\177' \
	'\342\200\217'; do
	v=$(printf "x${bad}y")
	expect 1 "set operator with $bad" -- iot set 1 operator "$v"
	contains "$tmp/err" "holds the control character U+" "$bad named"
	expect 1 "review note with $bad" -- iot review 1 A-1 --note "$v"
	expect 1 "--assessor with $bad" -- "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" \
		--assessor "$v" list
	contains "$tmp/err" "the assessor name" "assessor named"
done
# a survey file holding one
sed "s|<industry>[^<]*</industry>|<industry>$(printf 'evil\342\200\256txt')</industry>|" \
	"$SRCDIR/examples/case5.xml" >bidi.xml
grep -q "$(printf '\342\200\256')" bidi.xml || bad "the survey file holds the override"
expect 1 "derive of a survey with a bidi override" -- iot derive bidi.xml
contains "$tmp/err" "U+202E" "override in a survey file named"
# overlong and surrogate UTF-8 are invalid UTF-8, not control characters
expect 1 "an overlong NUL" -- iot set 1 operator "$(printf 'a\300\200')"
contains "$tmp/err" "operator: not valid UTF-8 at byte 1" "overlong named as invalid UTF-8"
expect 1 "a surrogate" -- iot set 1 operator "$(printf '\355\240\200')"
contains "$tmp/err" "operator: not valid UTF-8 at byte 0" "surrogate named as invalid UTF-8"
# an older database that holds them: printed escaped, never raw
if command -v sqlite3 >/dev/null 2>&1; then
	csi=$(printf '\302\233')
	rlo=$(printf '\342\200\256')
	sqlite3 "$db" "INSERT OR REPLACE INTO details VALUES (1, 'operator', 'op${csi}2J${rlo}x');
		UPDATE details SET value = 'Case5${csi}31m' WHERE key = 'name';" ||
		bad "sqlite3 update"
	for cmd in list "show 1" "history 1"; do
		# shellcheck disable=SC2086
		expect 0 "$cmd" -- iot $cmd
		lacks "$tmp/out" "$csi" "$cmd prints no raw CSI"
		lacks "$tmp/out" "$rlo" "$cmd prints no raw override"
	done
	expect 0 "show 1" -- iot show 1
	contains "$tmp/out" 'op\u{009B}2J\u{202E}x' "show shows the controls escaped"
	expect 1 "an error message quoting a stored name" -- iot show "$(printf 'no\302\233such')"
	lacks "$tmp/err" "$csi" "error message prints no raw CSI"
	contains "$tmp/err" 'no\u{009B}such' "error message escaped"
else
	echo "hardening.sh: no sqlite3 shell: older-database checks skipped"
fi

# ---- 5. a note cannot forge a history line ----
forged="$(printf 'ok\n   99  2026-01-01T00:00:00Z  admin         decision A-1: - -> done')"
expect 0 "a note with a forged history line" -- iot review 1 A-2 --note "$forged"
expect 0 "history" -- iot history 1
check "no line of its own for the forged entry" [ "$(grep -c '^   99  ' "$tmp/out")" -eq 0 ]
check "one entry, one line" [ "$(grep -c '^ *[0-9][0-9]*  ' "$tmp/out")" -eq "$(wc -l <"$tmp/out")" ]
contains "$tmp/out" 'ok\n   99  2026-01-01T00:00:00Z  admin' "the line break shown as \\n"
expect 0 "history as TSV" -- iot history 1 --format tsv
check "TSV heading" [ "$(head -n 1 "$tmp/out")" = "$(printf 'seq\tat\twho\twhat\told\tnew')" ]
check "TSV: six fields a line" awk -F '\t' 'NF != 6 { exit 1 }' "$tmp/out"
contains "$tmp/out" "$(printf '\tnote A-2\t\tok\\n   99')" "TSV escapes the line break"
expect 0 "a note with a backslash" -- iot review 1 A-3 --note 'C:\new'
expect 0 "history as TSV" -- iot history 1 --format tsv
contains "$tmp/out" "$(printf '\tC:\\\\new')" "TSV escapes the backslash"
expect 2 "history --format json" -- iot history 1 --format json

summary
