#!/bin/sh
# tui.sh - the workbench end to end, driven in tmux (send-keys) and read
# back as text (capture-pane), at 80x24 and 120x40: create an assessment,
# fill in Annex 8 case 2 as the guideline fills it (examples/case2.xml),
# check the countermeasure list against the list worked out by hand
# (tests/expected_examples.h expected_case2), tick an action, resize to
# 60x20, below the minimum and back, quit; then read the database back
# through the command line.  Also: refusal without a usable terminal,
# and SIGINT/SIGHUP leaving the terminal restored and nothing lost.
# Polls the screen with a timeout instead of sleeping.  Skips (77)
# without tmux.  Run by `make check` with IOTSCOPE and SRCDIR set.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed: skipped"; exit 77; }

. "$SRCDIR/tests/lib.sh"
scratch
sock="iotscope-tui-$$"
cleanup() {
	tmux -L "$sock" kill-server >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 99' INT TERM HUP
cd "$tmp" || exit 99		# exports go to the current directory

# A sandbox: nothing of the user's is read or written.
mkdir -p "$tmp/home" "$tmp/xdg/data" "$tmp/xdg/config" "$tmp/xdg/cache" "$tmp/xdg/state"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg/data" XDG_CONFIG_HOME="$tmp/xdg/config" \
	XDG_CACHE_HOME="$tmp/xdg/cache" XDG_STATE_HOME="$tmp/xdg/state" \
	LC_ALL=C.UTF-8 TZ=UTC
unset TMUX NO_COLOR

iot() { "$IOTSCOPE" --catalog "$SRCDIR/catalog" "$@"; }

# gone FILE: wait for the program to end and write its exit status to FILE
gone() {
	n=0
	while [ ! -s "$1" ] && [ "$n" -lt 100 ]; do
		n=$((n + 1))
		sleep 0.1
	done
	[ -s "$1" ] || { bad "the workbench did not end"; return 1; }
}
keys() { tm send-keys -t t "$@"; }
# start COLS ROWS DB TAG: the workbench in a fresh tmux session; its exit
# status goes to $tmp/TAG.rc and the terminal modes after it to TAG.stty
start() {
	tm kill-session -t t >/dev/null 2>&1
	rm -f "$tmp/$4.rc" "$tmp/$4.stty"
	tm new-session -d -s t -x "$1" -y "$2" \
		"'$IOTSCOPE' --catalog '$SRCDIR/catalog' --db '$3' --assessor tui-test 2>'$tmp/$4.err';
		 echo \$? >'$tmp/$4.rc'; stty -a >'$tmp/$4.stty'" || { bad "tmux new-session"; exit 1; }
}
# The pid of the workbench inside the pane's shell.
pid_of() {
	sh_pid=$(tm display-message -p -t t '#{pane_pid}')
	pgrep -P "$sh_pid" | head -1
}

# ---- the cells in the template's order, with case 2's answers ----
grep -o 'answer="[^"]*"' "$SRCDIR/forms/fig16.xml" | sed 's/answer="//; s/"$//' >"$tmp/cells"
while read -r cell; do
	a=$(sed -n "s|.*<answer cell=\"$cell\">\\([ox]\\)</answer>.*|\\1|p" "$SRCDIR/examples/case2.xml")
	[ -n "$a" ] || { bad "examples/case2.xml has no answer for $cell"; exit 1; }
	echo "$cell $a"
done <"$tmp/cells" >"$tmp/case2"
ncells=$(wc -l <"$tmp/case2")
# the hand-worked list, as the screen prints the numbers (C-2-own is C-2-ク)
sed -n '/expected_case2\[\] = {/,/NULL/p' "$SRCDIR/tests/expected_examples.h" |
	grep -o '"[^"]*"' | tr -d '"' | sed 's/-own$/-ク/; s/-del$/-委/' >"$tmp/expected"
nexpected=$(wc -l <"$tmp/expected")
[ "$nexpected" -eq 61 ] || bad "expected_case2 has $nexpected ids, the guideline's case 2 gives 61"

fill_case2() {
	while read -r cell a; do
		if [ "$a" = o ]; then mark="○"; else mark="×"; fi
		keys "$a"
		wait_for "Saved: $cell = $mark" || return 1
	done <"$tmp/case2"
	wait_for "Fig. 16 survey: $ncells of $ncells answered"
}

# Page through the whole list, collecting the numbers shown.
collect_list() {
	: >"$tmp/shown"
	keys g
	i=0
	while [ "$i" -lt 12 ]; do
		sleep 0.2
		tm capture-pane -p -t t >>"$tmp/shown"
		grep -qE '^>? +C-7-ク ' "$tmp/shown" && break
		keys NPage
		i=$((i + 1))
	done
	grep -oE '^>? +[ABC]-[^ ]+ ' "$tmp/shown" | tr -d ' >' | sort -u >"$tmp/numbers"
}

check_list() {
	collect_list
	while read -r num; do
		grep -qx -- "$num" "$tmp/numbers" && ok || bad "$num (expected_case2) not on the list"
	done <"$tmp/expected"
	n=$(wc -l <"$tmp/numbers")
	[ "$n" -eq 61 ] && ok || bad "the list shows $n countermeasures, expected 61"
	for num in C-5-ク C-5-委 B-IoT-2 B-44; do	# not derived by case 2
		grep -qx -- "$num" "$tmp/numbers" && bad "$num shown but not derived" || ok
	done
}

# one full session at COLS x ROWS
session() {
	cols=$1 rows=$2 db="$tmp/$1x$2.db"
	start "$cols" "$rows" "$db" "main$cols"
	wait_for "No assessments yet" || return
	keys n
	wait_for "Name of the new assessment" || return
	keys -l "事例 2 不動産向け映像クラウド"
	keys Enter
	wait_for "Fig. 16 survey: 0 of $ncells answered" || return
	wait_for "(ア) IoTサービスの提供環境を整備・維持するロール"
	fill_case2 || return
	keys 3
	wait_for "61 candidates (A 14, B 36, C 11)" || return
	wait_for "Candidates to consider, not a list that must all be done"
	wait_for "A-IoT-1"
	check_list
	# the viewpoint filter: C only, without C-5 (no external data)
	keys v v v
	wait_for "viewpoint C" && wait_for "C-2-ク"
	grep -q "A-IoT-1" "$tmp/screen" && bad "viewpoint C still shows A-IoT-1" || ok
	keys c
	wait_for "61 candidates"
	# search, open B-1, tick its first action, decide "to do"
	keys /
	wait_for "Search" || return
	keys -l "B-1"
	keys Enter
	wait_for 'search "B-1"' || return
	keys Enter
	wait_for "Decision: undecided" || return
	keys Home
	wait_for ">Note: (none" || return
	keys Down
	wait_for ">  [ ] 1." || return
	keys Space
	wait_for "Saved: B-1 action 1: [✓]"
	wait_for ">  [✓] 1."
	keys t
	wait_for "Saved: B-1: to do"
	# resize: smaller, below the minimum, back
	tm resize-window -t t -x 60 -y 20
	wait_for "1 List " && wait_for ">  [✓] 1."
	tm resize-window -t t -x 40 -y 10
	wait_for "Terminal too small"
	tm resize-window -t t -x "$cols" -y "$rows"
	wait_for ">  [✓] 1."
	wait_for " 1 Assessments "
	# back out and quit
	keys q
	wait_for "61 candidates"
	keys q
	wait_for "Fig. 16 survey: $ncells of $ncells answered"
	keys q
	wait_for "Assessments (1)"
	keys q
	gone "$tmp/main$cols.rc" || return
	[ "$(cat "$tmp/main$cols.rc")" = 0 ] && ok || bad "exit status $(cat "$tmp/main$cols.rc"), expected 0"
	grep -q ' icanon' "$tmp/main$cols.stty" && grep -q ' echo ' "$tmp/main$cols.stty" && ok ||
		bad "the terminal was not restored after quitting"

	# ---- what the database holds, read through the command line ----
	iot --db "$db" show 1 >"$tmp/show" 2>&1 || bad "iotscope show 1 failed"
	grep -qF "($ncells of $ncells cells answered" "$tmp/show" && ok || bad "show: not all answered"
	grep -qF "1 of 61 candidate countermeasures reviewed" "$tmp/show" && ok ||
		bad "show: the decision on B-1 is not in the database"
	while read -r cell a; do
		if [ "$a" = o ]; then mark="○"; else mark="×"; fi
		grep -qE "^ +[ABC] $mark +$cell " "$tmp/show" && ok || bad "database: $cell is not $mark"
	done <"$tmp/case2"
	iot --db "$db" history 1 >"$tmp/history" 2>&1
	grep -q "tui-test .*action B-1 1: none -> done" "$tmp/history" && ok ||
		bad "history: the ticked action is not recorded"
	iot --db "$db" list >"$tmp/list" 2>&1
	grep -qF "事例 2 不動産向け映像クラウド" "$tmp/list" && ok || bad "list: the Japanese name is lost"
}

# ---- signals: terminal restored, every change saved before it ----
signals() {
	db="$tmp/80x24.db"
	start 80 24 "$db" sigint
	wait_for "Assessments (1)" || return
	keys Enter
	wait_for "Fig. 16 survey: $ncells of $ncells answered" || return
	keys Space			# provide.iot-device: × -> not answered
	wait_for "Saved: provide.iot-device = not answered" || return
	keys C-c
	gone "$tmp/sigint.rc" || return
	[ "$(cat "$tmp/sigint.rc")" = 130 ] && ok || bad "SIGINT: exit $(cat "$tmp/sigint.rc"), expected 130"
	grep -q ' icanon' "$tmp/sigint.stty" && grep -q ' echo ' "$tmp/sigint.stty" && ok ||
		bad "SIGINT: the terminal was not restored"
	iot --db "$db" show 1 | grep -qE "^ +B - +provide.iot-device " && ok ||
		bad "SIGINT: the change before it was lost"

	start 80 24 "$db" sighup
	wait_for "Assessments (1)" || return
	kill -HUP "$(pid_of)"
	gone "$tmp/sighup.rc" || return
	[ "$(cat "$tmp/sighup.rc")" = 129 ] && ok || bad "SIGHUP: exit $(cat "$tmp/sighup.rc"), expected 129"
	grep -q ' icanon' "$tmp/sighup.stty" && ok || bad "SIGHUP: the terminal was not restored"
}

# ---- no usable terminal: a clear message and exit 1 ----
refusals() {
	iot --db "$tmp/r.db" </dev/null >"$tmp/out" 2>"$tmp/err"
	[ $? -eq 1 ] && ok || bad "not a terminal: exit status is not 1"
	grep -q "not a terminal" "$tmp/err" && grep -q "iotscope list" "$tmp/err" && ok ||
		bad "not a terminal: no message pointing to the commands"
	# a terminal description without cursor addressing other than "dumb"
	cases="dumb unset unknown"
	if command -v tic >/dev/null 2>&1 &&
	   printf 'nocup|no cursor addressing,\n\tcols#80, lines#24, bel=^G, cr=\\r,\n' >"$tmp/nocup.ti" &&
	   tic -o "$tmp/terminfo" "$tmp/nocup.ti" 2>/dev/null; then
		cases="$cases nocup"
	fi
	for c in $cases; do
		case $c in
		dumb) how="TERM=dumb" ;;
		unset) how="-u TERM" ;;
		unknown) how="TERM=no-such-terminal" ;;
		nocup) how="TERMINFO=$tmp/terminfo TERM=nocup" ;;
		esac
		tm kill-session -t t >/dev/null 2>&1
		rm -f "$tmp/r.rc"
		tm new-session -d -s t -x 80 -y 24 \
			"env $how '$IOTSCOPE' --catalog '$SRCDIR/catalog' --db '$tmp/r.db' 2>'$tmp/r.err';
			 echo \$? >'$tmp/r.rc'"
		gone "$tmp/r.rc" || continue
		[ "$(cat "$tmp/r.rc")" = 1 ] && ok || bad "TERM $c: exit $(cat "$tmp/r.rc"), expected 1"
		grep -q "iotscope list" "$tmp/r.err" && ok || bad "TERM $c: no message pointing to the commands"
		grep -q "Sanitizer" "$tmp/r.err" && bad "TERM $c: $(cat "$tmp/r.err")" || ok
		case $c in dumb|nocup)
			grep -q "cannot move the cursor" "$tmp/r.err" && ok ||
				bad "TERM $c: the reason is not given"
		esac
	done
}

# snap NAME: keep the screen as text when TUI_CAPTURES names a directory
snap() {
	[ -n "${TUI_CAPTURES:-}" ] || return 0
	mkdir -p "$TUI_CAPTURES" && tm capture-pane -p -t t >"$TUI_CAPTURES/$1.txt"
}

# ---- every screen once at 80x24: examples, details and the Annex 2
# pattern, both checklists, export, help, copy/rename/delete ----
tour() {
	db="$tmp/tour.db"
	start 80 24 "$db" tour
	wait_for "No assessments yet" || return
	snap 01-assessments-empty
	keys e
	wait_for "case6.xml" || return
	snap 02-examples
	keys Down Down Enter		# fig20, case1, case2
	wait_for "Name of the new assessment: 不動産向け映像クラウド" || return
	keys Enter
	wait_for "Fig. 16 survey: $ncells of $ncells answered" || return
	snap 03-survey
	keys Tab Tab			# recommend, then partners (config has only a fixed ○)
	wait_for ">                データ内容を見てこれに責任を持つ" || return
	keys Down
	wait_for "delegate.a: ×"	# the pane names the cell under the cursor
	snap 04-survey-partners
	# the Annex 3 inputs: availability, then confidentiality, both high
	keys G Enter
	wait_for "Saved: availability = high" || return
	keys Up Enter
	wait_for "Saved: confidentiality = high" || return
	wait_for "Annex 2 pattern (Annex 3): 1"
	snap 05-survey-details
	keys 3
	wait_for "61 candidates" || return
	snap 06-countermeasures
	keys Enter
	wait_for "A-IoT-1  要点 16" || return
	snap 07-countermeasure-detail
	keys q 4
	wait_for "Annex 1 組織・運用編" || return
	keys Space
	wait_for "Saved: II.1.1.1: implemented" || return
	keys e
	wait_for "Note on II.1.1.1:" || return
	keys -l "方針文書 2018年版"
	keys Enter
	wait_for "Saved: note of II.1.1.1" || return
	wait_for "1 of 22 checked"
	snap 08-annex1
	keys 5
	wait_for "pattern 1 (* required by it)" || return
	# III.1.1.1.a for pattern 1 (confidentiality high, availability high):
	# 1 回以上／5 分, marked * (catalog/annex2.xml, Annex 2 seed line 3874)
	wait_for "Reference value for pattern 1: 1 回以上／5 分"
	wait_for "* [not checked]    a クラウドサービス"
	snap 09-annex2
	keys 6
	wait_for "Export for auditors" || return
	snap 10-export
	keys w
	wait_for "Written: $tmp/" || return
	f="$tmp/不動産向け映像クラウド-assessment.xml"	# the suggested name, here
	[ -s "$f" ] && grep -q "<name>不動産向け映像クラウド</name>" "$f" && ok ||
		bad "export: $f not written"
	snap 11-export-written
	keys 2 '?'
	wait_for "Keys on this screen" || return
	wait_for "answer ○ (yes) and go to the next cell"
	snap 12-help-survey
	keys q 1
	wait_for "Assessments (1)" || return
	keys c
	wait_for "Name of the copy: 不動産向け映像クラウド (copy)" || return
	keys Enter
	wait_for "Copied as" && wait_for "Assessments (2)"
	keys r C-u
	keys -l "改名した事例"
	keys Enter
	wait_for 'Renamed to "改名した事例"'
	keys d
	wait_for 'Delete "改名した事例"' || return
	snap 13-delete-confirm
	keys y
	wait_for "Deleted." && wait_for "Assessments (1)"
	wait_for ">   1 不動産向け映像クラウ"	# the original is left
	snap 14-assessments
	tm resize-window -t t -x 50 -y 12
	wait_for "Terminal too small: 50x12"
	snap 15-too-small
	tm resize-window -t t -x 80 -y 24
	wait_for "Assessments (1)"
	keys q
	gone "$tmp/tour.rc" || return
	[ "$(cat "$tmp/tour.rc")" = 0 ] && ok || bad "tour: exit $(cat "$tmp/tour.rc"), expected 0"
	iot --db "$db" list >"$tmp/list" 2>&1
	grep -q "改名した事例" "$tmp/list" && bad "list: the deleted copy is still there" || ok
	grep -q "不動産向け映像クラウド" "$tmp/list" && ok || bad "list: the original was lost"
	iot --db "$db" history 1 >"$tmp/history" 2>&1
	grep -q "II.1.1.1" "$tmp/history" && ok || bad "history: the Annex 1 check is not recorded"
}

refusals
tour
session 80 24
signals
session 120 40

summary
