# lib.sh - helpers shared by the shell tests and the benchmark scripts.
# POSIX sh, sourced, never run:   . "$SRCDIR/tests/lib.sh"
#
# Tests: scratch makes $tmp; expect, contains, lacks and check each count
# one check (pass or fail, with a FAIL: line saying what); ok and bad
# count one by hand; summary prints the closing "N passed, N failed" line
# and is the script's last command, so its status is the script's.
# Benchmarks: loop times a command, ratios prints the closing ratio.

pass=0 fail=0

# scratch: a fresh temporary directory in $tmp, removed on exit (read-only
# parts too).  A script that needs more on exit sets its own trap after.
scratch() {
	tmp=$(mktemp -d) || exit 99
	trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
}

# ok: count a check that held.  bad MESSAGE...: count one that did not.
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect STATUS DESCRIPTION -- COMMAND...: run COMMAND with no input,
# its output in $tmp/out and $tmp/err; the exit status must be STATUS.
expect() {
	want=$1 what=$2
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then
		ok
	else
		bad "$what: exit $got, expected $want"
		sed 's/^/  | /' "$tmp/err" "$tmp/out" | head -10
	fi
}

# contains FILE TEXT DESCRIPTION: TEXT (fixed, not a pattern) is in FILE
contains() {
	if grep -qF -- "$2" "$1"; then
		ok
	else
		bad "$3: '$2' not in output"
		sed 's/^/  | /' "$1" | head -5
	fi
}

# lacks FILE TEXT DESCRIPTION: TEXT (fixed, not a pattern) is not in FILE
lacks() {
	if grep -qF -- "$2" "$1"; then
		bad "$3: '$2' in output"
	else
		ok
	fi
}

# check DESCRIPTION [--] COMMAND...: COMMAND must succeed (a test such as
# `[ ... ]` or `cmp -s`, or a validator); its stderr is shown if not.
check() {
	what=$1
	shift
	[ "${1-}" != -- ] || shift
	if "$@" >/dev/null 2>"$tmp/check.err"; then
		ok
	else
		bad "$what"
		sed 's/^/  | /' "$tmp/check.err" | head -5
	fi
}

# summary: the closing line, named after the script; fails if a check did.
# catalog3 DIR: DIR/catalog, a copy of catalog/ with a third checklist
# (tests/fixtures/checklist3/annex3.xml) added as catalog data only, and
# forms/ and examples/ beside it (issue 9)
catalog3() {
	mkdir -p "$1"
	cp -R "$SRCDIR/catalog" "$SRCDIR/forms" "$SRCDIR/examples" "$1/"
	cp "$SRCDIR/tests/fixtures/checklist3/annex3.xml" "$1/catalog/"
	sed 's|<part file="patterns.xml"/>|<part file="annex3.xml"/>\n  <part file="patterns.xml"/>|' \
		"$SRCDIR/catalog/catalog.xml" >"$1/catalog/catalog.xml"
}

summary() {
	echo "${0##*/}: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# loop RUNS COMMAND...: run COMMAND RUNS times, output discarded; print
# the milliseconds one run took on average (wall clock, two decimals).
loop() {
	loop_runs=$1
	shift
	loop_t0=$(date +%s%N)
	loop_i=0
	while [ "$loop_i" -lt "$loop_runs" ]; do
		"$@" >/dev/null 2>&1
		loop_i=$((loop_i + 1))
	done
	loop_t1=$(date +%s%N)
	echo "$loop_t0 $loop_t1 $loop_runs" | awk '{ printf "%.2f", ($2 - $1) / 1e6 / $3 }'
}

# ratios OURS PARSE SCHEMA: our time over xmllint's, without and with a schema
ratios() {
	echo "$1 $2 $3" |
		awk '{ printf "ratio iotscope/xmllint: %.2f (parse only), %.2f (with schema)\n", $1/$2, $1/$3 }'
}

# tm ARGS...: tmux on the script's own server ($sock), never the user's.
tm() { tmux -L "$sock" -f /dev/null "$@"; }

# wait_for TEXT [TENTHS]: poll the screen until TEXT shows (default 10 s)
wait_for() {
	n=0
	while [ "$n" -lt "${2:-100}" ]; do
		tm capture-pane -p -t t >"$tmp/screen" 2>/dev/null
		if grep -qF -- "$1" "$tmp/screen"; then
			ok
			return 0
		fi
		n=$((n + 1))
		sleep 0.1
	done
	bad "timed out waiting for '$1' on the screen:"
	sed 's/^/  | /' "$tmp/screen"
	return 1
}
