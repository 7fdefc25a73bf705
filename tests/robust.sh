#!/bin/sh
# robust.sh - hostile users and files, one regression check for each
# thing the adversarial sweep found: empty paths (--db "", backup ""),
# output that cannot be written (--help > /dev/full), text no export can
# carry (invalid UTF-8, control characters, a name on two lines) refused
# when given and never half saved, a damaged database header, a directory
# the -wal cannot be made in, a database held by another writer (waits,
# then fails clearly), a -wal of garbage left behind, and in the
# workbench a change the store refused that must be retried in its own
# assessment (not the one open later) and named at exit when it could
# not be saved.  Run by `make check` with IOTSCOPE and SRCDIR set.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
. "$SRCDIR/tests/lib.sh"
scratch
sock="iotscope-robust-$$"
cleanup() {
	command -v tmux >/dev/null 2>&1 && tmux -L "$sock" kill-server >/dev/null 2>&1
	[ -n "${holder:-}" ] && kill "$holder" 2>/dev/null
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 99' INT TERM HUP
mkdir -p "$tmp/home" "$tmp/xdg"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg" LC_ALL=C.UTF-8 TZ=UTC
unset TMUX NO_COLOR
db=$tmp/r.db
iot() { "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" --assessor robust "$@"; }
sum() { cksum <"$1"; }

expect 0 "create" -- iot new --from-survey "$SRCDIR/examples/case2.xml" Robust
expect 0 "create a second" -- iot new Second

# ---- empty paths: no temporary database, no backup that is not there ----
expect 2 "--db with an empty path" -- "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "" list
contains "$tmp/err" "--db needs a file name" "empty --db named"
expect 1 "backup to an empty path" -- iot backup ""
contains "$tmp/err" "no file name given" "empty backup path named"
lacks "$tmp/out" "Wrote" "no success claimed for an empty backup path"

# ---- output that cannot be written is an error, --help included ----
for args in --help --version list "show 1"; do
	# shellcheck disable=SC2086
	"$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" $args >/dev/full 2>"$tmp/err"
	check "$args > /dev/full exits 1" [ $? -eq 1 ]
	contains "$tmp/err" "error writing standard output" "$args > /dev/full says so"
done

# ---- text no export could carry: refused when given, nothing half done ----
before=$(iot history 1 | wc -l)
expect 1 "notes with invalid UTF-8" -- iot set 1 notes "$(printf 'bad\377\376')"
contains "$tmp/err" "notes: not valid UTF-8 at byte 3" "invalid UTF-8 named with where"
expect 1 "operator with an escape sequence" -- iot set 1 operator "$(printf 'x\033[31m')"
contains "$tmp/err" "U+001B" "control character named"
expect 1 "a name on two lines" -- iot rename 1 "$(printf 'two\nlines')"
contains "$tmp/err" "one line" "line break in a name refused"
expect 1 "new with a cut UTF-8 name" -- iot new "$(printf 'cut \303')"
expect 1 "check with a bad note" -- iot check 1 II.1.1.1 implemented --note "$(printf '\001')"
expect 1 "review with a bad note" -- iot review 1 A-1 --decision todo --note "$(printf '\377')"
expect 1 "review with a bad action note" -- iot review 1 A-1 --action-note "1=$(printf '\002')"
expect 1 "--assessor with invalid UTF-8" -- \
	"$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" --assessor "$(printf 'who\377')" \
	set 1 provide.lan x
contains "$tmp/err" "assessor" "bad assessor name named"
check "nothing of it was written (check status, decision included)" \
	[ "$(iot history 1 | wc -l)" -eq "$before" ]
expect 0 "notes over several lines are fine" -- iot set 1 notes "$(printf '一行目\n二行目')"
expect 0 "and the assessment still exports" -- iot export 1 -o "$tmp/r.xml"

# ---- a damaged header: refused as damaged, the file unchanged ----
cp "$db" "$tmp/hdr.db" || exit 99
printf 'garbage over the header fields after the magic string....' |
	dd of="$tmp/hdr.db" bs=1 seek=16 conv=notrunc 2>/dev/null
was=$(sum "$tmp/hdr.db")
expect 1 "damaged header" -- "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$tmp/hdr.db" list
contains "$tmp/err" "damaged" "damaged header said so"
lacks "$tmp/err" "newer iotscope" "not taken for a newer schema"
check "damaged file unchanged" [ "$(sum "$tmp/hdr.db")" = "$was" ]

# ---- derive: an unknown option is not a bad --format ----
expect 2 "derive -1" -- iot derive -1
contains "$tmp/err" "unknown option" "unknown option named as such"

# ---- a -wal of garbage left behind by someone: ignored, nothing lost ----
cp "$db" "$tmp/w.db" || exit 99
head -c 5000 /dev/urandom >"$tmp/w.db-wal"
expect 0 "garbage -wal beside the database" -- \
	"$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$tmp/w.db" show 1
contains "$tmp/out" "Robust" "the assessment is all there"

# ---- a directory where the -wal and -shm cannot be made ----
mkdir "$tmp/rodir" && cp "$db" "$tmp/rodir/r.db" || exit 99
run_as=
if [ "$(id -u)" -ne 0 ]; then
	chmod 500 "$tmp/rodir"
elif command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1 &&
	setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$IOTSCOPE" 2>/dev/null &&
	setpriv --reuid=nobody --regid=nogroup --clear-groups test -r "$SRCDIR/catalog/catalog.xml" 2>/dev/null; then
	chmod 755 "$tmp"
	chown -R nobody "$tmp/rodir" && chmod 500 "$tmp/rodir"
	run_as="setpriv --reuid=nobody --regid=nogroup --clear-groups"
else
	run_as=skip
fi
if [ "$run_as" != skip ]; then
	was=$(sum "$tmp/rodir/r.db")
	expect 1 "database in a read-only directory" -- \
		$run_as "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$tmp/rodir/r.db" list
	contains "$tmp/err" "cannot write in its directory" "read-only directory named"
	check "database in a read-only directory unchanged" [ "$(sum "$tmp/rodir/r.db")" = "$was" ]
	check "no -wal made there" [ ! -e "$tmp/rodir/r.db-wal" ]
else
	echo "read-only directory: no way to drop root here, not checked"
fi

# ---- another writer holds the database: wait (busy timeout), then a
#      clear failure; readers still read; nothing is damaged ----
if command -v sqlite3 >/dev/null 2>&1; then
	was=$(iot history 1 | wc -l)
	mkfifo "$tmp/hold" || exit 99
	sqlite3 "$db" <"$tmp/hold" >/dev/null 2>&1 &
	holder=$!
	exec 3>"$tmp/hold"
	echo "BEGIN IMMEDIATE; INSERT INTO history (assessment_id, at, who, what) VALUES (1, 'x', 'holder', 'held');" >&3
	sleep 1
	expect 0 "list while another writer holds the database" -- iot list
	expect 1 "set while another writer holds the database" -- iot set 1 provide.lan x
	contains "$tmp/err" "busy" "busy database said so"
	echo "ROLLBACK;" >&3
	exec 3>&-
	wait "$holder"
	holder=
	check "the refused edit left nothing" [ "$(iot history 1 | wc -l)" -eq "$was" ]
	expect 0 "integrity after the wait" -- iot backup "$tmp/after-lock.db"
else
	echo "sqlite3 is not installed: the lock checks are skipped"
fi

# ---- the workbench: a refused change belongs to its own assessment ----
if command -v tmux >/dev/null 2>&1 && command -v sqlite3 >/dev/null 2>&1; then
	start() {	# start TAG: the workbench on $tmp/ui.db, status to TAG.rc
		tm kill-session -t t >/dev/null 2>&1
		tm new-session -d -s t -x 80 -y 24 \
			"TERM=screen '$IOTSCOPE' --catalog '$SRCDIR/catalog' --db '$tmp/ui.db' --assessor ui 2>'$tmp/$1.err'; echo \$? >'$tmp/$1.rc'; sleep 60"
	}
	ended() {	# ended TAG: wait for the status file
		n=0
		while [ ! -s "$tmp/$1.rc" ] && [ "$n" -lt 150 ]; do n=$((n + 1)); sleep 0.1; done
		[ -s "$tmp/$1.rc" ]
	}
	block="CREATE TRIGGER block BEFORE INSERT ON history BEGIN SELECT RAISE(ABORT, 'blocked by the test'); END;"
	uidb() { "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$tmp/ui.db" "$@"; }
	uidb new One >/dev/null && uidb new Two >/dev/null || exit 99

	start a
	wait_for "Assessments (2)"
	tm send-keys -t t Enter
	wait_for "iotscope  One"
	sqlite3 "$tmp/ui.db" "$block"
	tm send-keys -t t g o
	wait_for "1 NOT SAVED"
	sqlite3 "$tmp/ui.db" "DROP TRIGGER block;"
	tm send-keys -t t q
	wait_for "Assessments (2)"
	tm send-keys -t t j Enter
	wait_for "iotscope  Two"
	tm send-keys -t t g x
	wait_for "Saved: provide.iot-device"
	tm send-keys -t t q q
	ended a || bad "the workbench did not end"
	uidb history 1 >"$tmp/h1"
	uidb history 2 >"$tmp/h2"
	contains "$tmp/h1" "answer provide.iot-device: - -> o" "the retried change went to One"
	lacks "$tmp/h2" "-> o" "and not to Two, open when it was retried"
	contains "$tmp/h2" "answer provide.iot-device: - -> x" "Two got its own answer"

	# stopped by a signal with a change the store still refuses: named
	start b
	wait_for "Assessments (2)"
	tm send-keys -t t Enter
	wait_for "iotscope  One"
	sqlite3 "$tmp/ui.db" "$block"
	tm send-keys -t t g j x
	wait_for "1 NOT SAVED"
	pid=$(pgrep -P "$(tm display-message -p -t t '#{pane_pid}')" | head -1)
	kill -TERM "$pid"
	ended b || bad "the workbench did not end on SIGTERM"
	check "SIGTERM exit status" [ "$(cat "$tmp/b.rc")" -eq 143 ]
	contains "$tmp/b.err" "NOT saved in assessment 1: provide.lan" "the lost change is named"
	lacks "$tmp/b.err" "every change made before it was saved" "no claim that all was saved"
	sqlite3 "$tmp/ui.db" "DROP TRIGGER block;"
else
	echo "tmux or sqlite3 is not installed: the workbench checks are skipped"
fi

summary
