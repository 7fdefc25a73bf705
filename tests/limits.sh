#!/bin/sh
# limits.sh - hostile files through the command line (issue 8, items 3,
# 7, 8): refused at once, in one line that says what and where, the
# database untouched.  A FIFO used to hang derive and import forever: each
# command runs under `timeout`, so the old code fails here instead.  Run
# by `make check` with IOTSCOPE and SRCDIR set.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
scratch
export HOME="$tmp" XDG_DATA_HOME="$tmp/xdg" LC_ALL=C.UTF-8 TZ=UTC
db=$tmp/l.db
iot() { timeout 20 "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" "$@"; }
expect 0 "create" -- iot new --from-survey "$SRCDIR/examples/case1.xml" One
expect 0 "export it" -- iot export 1 -o "$tmp/one.xml"
was=$(cksum <"$db")

# refused FILE MESSAGE WHAT COMMAND...: derive, new --from-survey (surveys) or import
# (assessments) exit 1 with MESSAGE on one line; the database unchanged.
refused() {
	rfile=$1 rmsg=$2 rwhat=$3	# (expect sets $what)
	shift 3
	for cmd in "$@"; do
		# shellcheck disable=SC2086
		expect 1 "$cmd $rwhat" -- iot $cmd "$rfile"
		contains "$tmp/err" "$rmsg" "$cmd $rwhat says why"
		check "$cmd $rwhat: one line" [ "$(wc -l <"$tmp/err")" -eq 1 ]
	done
	check "$rwhat: database unchanged" [ "$(cksum <"$db")" = "$was" ]
}

# ---- one element with 25,000 attributes (264 KB): 5.5 s in libxml2 ----
awk 'BEGIN { printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<survey xmlns=\"urn:iotscope:survey:1\" version=\"1\"";
	for (i = 0; i < 25000; i++) printf " a%d=\"x\"", i;
	printf "><details><name>n</name></details><answers/></survey>\n" }' >"$tmp/attrs.xml"
refused "$tmp/attrs.xml" "attrs.xml:2: more than 16 attributes on one element, more than any survey file has" \
	"25k attributes" derive "new X --from-survey"
refused "$tmp/attrs.xml" "attrs.xml:2: more than 16 attributes on one element, more than any assessment file has" \
	"25k attributes" import

# ---- a FIFO: refused without waiting for a writer ----
mkfifo "$tmp/fifo.xml" || exit 99
refused "$tmp/fifo.xml" "fifo.xml: a FIFO (named pipe), not a file" "a FIFO" \
	derive "new X --from-survey" import

# ---- encodings: UTF-8 only, said in one line ----
sed 's/encoding="UTF-8"/encoding="ISO-8859-1"/; s/<industry>[^<]*</<industry>caf\xe9</' \
	"$SRCDIR/examples/case1.xml" >"$tmp/latin1.xml"
refused "$tmp/latin1.xml" "latin1.xml:1: the file declares the encoding ISO-8859-1: only UTF-8 is accepted" \
	"Latin-1 declared" derive import
sed 's/encoding="UTF-8"/encoding="EBCDIC-US"/' "$SRCDIR/examples/case1.xml" >"$tmp/ebcdic.xml"
refused "$tmp/ebcdic.xml" "ebcdic.xml:1: the file declares the encoding EBCDIC-US: only UTF-8 is accepted" \
	"EBCDIC-US declared" derive
sed 's/<industry>[^<]*</<industry>caf\xe9</' "$SRCDIR/examples/case1.xml" >"$tmp/undeclared.xml"
line=$(grep -an '<industry>' "$tmp/undeclared.xml" | cut -d: -f1)
refused "$tmp/undeclared.xml" "undeclared.xml:$line: byte 0xE9" "Latin-1 undeclared" derive
lacks "$tmp/err" "indicate encoding" "not libxml2's two-line message"

# ---- NUL bytes after the root element: libxml2 stopped reading there ----
cp "$SRCDIR/examples/case1.xml" "$tmp/nul.xml" && printf '\000\000\000\000' >>"$tmp/nul.xml"
line=$(($(wc -l <"$SRCDIR/examples/case1.xml") + 1))
refused "$tmp/nul.xml" "nul.xml:$line: a NUL byte" "trailing NUL bytes" derive
cp "$tmp/one.xml" "$tmp/nul-export.xml" && printf '\000' >>"$tmp/nul-export.xml"
refused "$tmp/nul-export.xml" "nul-export.xml:" "an export with a NUL byte" import

# ---- an answer to a fixed cell: named, with its line ----
sed 's|^\( *\)<answer cell="provide.lan">|\1<answer cell="fixed.contract">o</answer>\n&|' \
	"$SRCDIR/examples/case1.xml" >"$tmp/fixed.xml"
line=$(grep -n 'fixed.contract' "$tmp/fixed.xml" | cut -d: -f1)
refused "$tmp/fixed.xml" "fixed.xml:$line: cell 'fixed.contract' is fixed by the form" \
	"a fixed cell answered" derive "new X --from-survey"
lacks "$tmp/err" "pattern" "not the schema's pattern message"

# ---- what is accepted still is ----
expect 0 "case 5 still derives" -- iot derive "$SRCDIR/examples/case5.xml"
expect 0 "an export still imports" -- iot import "$tmp/one.xml"
summary
