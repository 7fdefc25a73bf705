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
# status goes to $tmp/TAG.rc and the terminal modes after it to TAG.stty;
# $TUI_ENV, when set, is its environment (TERM=putty ...); $tui_catalog,
# when set, its catalog
start() {
	tm kill-session -t t >/dev/null 2>&1
	rm -f "$tmp/$4.rc" "$tmp/$4.stty"
	tm new-session -d -s t -x "$1" -y "$2" \
		"env ${TUI_ENV:-} '$IOTSCOPE' --catalog '${tui_catalog:-$SRCDIR/catalog}' --db '$3' --assessor tui-test 2>'$tmp/$4.err';
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
	keys "]"
	wait_for "pattern 1 (* required by it)" || return
	# III.1.1.1.a for pattern 1 (confidentiality high, availability high):
	# 1 回以上／5 分, marked * (catalog/annex2.xml, Annex 2 seed line 3874)
	wait_for "Reference value for pattern 1: 1 回以上／5 分"
	wait_for "* [not checked]    a 死活監視インターバル（応答確認） | クラウドサービ"
	snap 09-annex2
	keys 5
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


# ---- issue 10: nothing typed or written is ever lost ----

# raw BYTES... (hex) as a terminal sends them, not as tmux names keys
raw() { tm send-keys -t t -H "$@"; }
# hexof TEXT: the bytes of TEXT as sqlite3's hex() prints them
hexof() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | tr a-f A-F; }
# note_hex DB CM: the stored review note of CM, as hex
note_hex() { sqlite3 "$1" "SELECT hex(note) FROM reviews WHERE assessment_id = 1 AND cm = '$2'"; }
# case2_open TAG DB: a new assessment from the guideline's case 2, open
case2_open() {
	start 80 24 "$2" "$1"
	wait_for "No assessments yet" || return 1
	keys e
	wait_for "case6.xml" || return 1
	keys Down Down Enter
	wait_for "Name of the new assessment" || return 1
	keys Enter
	wait_for "Fig. 16 survey: $ncells of $ncells answered"
}
quit_now() {
	keys 1 q
	gone "$tmp/$1.rc" || return
	[ "$(cat "$tmp/$1.rc")" = 0 ] && ok || bad "$1: exit $(cat "$tmp/$1.rc"), expected 0"
}

# (1) the export screen never replaces a file without an explicit yes;
# the name follows the format; ~ is expanded
export_overwrite() {
	case2_open ow "$tmp/ow.db" || return
	keys 5
	wait_for "Export for auditors" || return
	f="$HOME/audit-case.xml"
	keys Down Down Down Down Enter
	wait_for "Write to" || return
	keys C-u
	keys -l "$f"
	keys Enter
	wait_for "Where            $f" || return
	keys w
	wait_for "Written: $f" || return
	grep -q "<assessment " "$f" && ok || bad "export: $f is not the whole assessment"
	sum=$(cksum <"$f")
	# the issue's reproduction: What to Annex 1, Format to CSV, w
	keys Up Up Up Up Space Down Space
	wait_for "< CSV (spreadsheets) >" || return
	snap 20-export-csv-chosen
	keys w
	sleep 0.5
	snap 21-export-csv-written
	[ "$(cksum <"$f")" = "$sum" ] && ok || bad "export: the XML was replaced by the CSV"
	wait_for "Where            $HOME/audit-case.csv" || return
	wait_for "Written: $HOME/audit-case.csv" || return
	head -1 "$HOME/audit-case.csv" | grep -q '^Kind,Id,Number' && ok || bad "export: no CSV written"
	keys Space Space		# CSV -> HTML -> XML: the name follows
	wait_for "Where            $f" || return
	keys w				# the same file again: asked, no is no
	wait_for "Replace the existing audit-case.xml (" || return
	wait_for "bytes)? (y/N)"
	wait_for "This file exists and would be replaced:"
	wait_for "$f"
	snap 22-export-replace-question
	keys n
	wait_for "Cancelled." || return
	[ "$(cksum <"$f")" = "$sum" ] && ok || bad "export: answered no, yet $f changed"
	keys w
	wait_for "Replace the existing audit-case.xml (" || return
	raw 1b				# a lone Esc: no
	wait_for "Cancelled." || return
	[ "$(cksum <"$f")" = "$sum" ] && ok || bad "export: Esc replaced $f"
	keys w
	wait_for "Replace the existing audit-case.xml (" || return
	keys y
	wait_for "Written: $f" || return
	[ "$(cksum <"$f")" != "$sum" ] && grep -q "<annex-checklist " "$f" && ok ||
		bad "export: answered yes, yet $f was not replaced by the Annex 1 checklist"
	# ~ is the home folder
	keys Down Down Down Enter	# Format -> Where
	wait_for "Write to" || return
	keys C-u
	keys -l "~/tilde.xml"
	keys Enter
	wait_for "Where            $HOME/tilde.xml" || return
	keys w
	wait_for "Written: $HOME/tilde.xml" || return
	quit_now ow
}

# (2) Home/End/... as PuTTY, Tera Term, rxvt and xterm send them under
# TERM=xterm (and TERM=putty): decoded whole, never Esc and a digit
escapes() {
	term=$1 db="$tmp/esc-$1.db"
	TUI_ENV="TERM=$term" case2_open "esc$term" "$db" || return
	keys 3
	wait_for "61 candidates" || return
	for seq in "1b 5b 34 7e" "1b 5b 46" "1b 4f 46" "1b 5b 38 7e" "1b 5b 31 3b 35 46"; do
		keys g
		wait_for "> A-IoT-1" || return
		raw $seq		# End: ESC[4~ ESC[F ESCOF ESC[8~ ESC[1;5F
		wait_for "> C-7-ク" || { bad "TERM=$term End $seq: not at the end"; return; }
		grep -q "61 candidates" "$tmp/screen" && ok || bad "TERM=$term End $seq left the list"
	done
	for seq in "1b 5b 31 7e" "1b 5b 48" "1b 4f 48" "1b 5b 37 7e"; do
		keys G
		wait_for "> C-7-ク" || return
		raw $seq		# Home: ESC[1~ ESC[H ESCOH ESC[7~
		wait_for "> A-IoT-1" || { bad "TERM=$term Home $seq: not at the start"; return; }
	done
	snap "21-escapes-$term"
	raw 1b 5b 36 7e 1b 5b 35 7e	# PgDn, PgUp
	wait_for "> A-IoT-1" || return
	raw 1b 5b 31 31 7e		# F1 as PuTTY sends it: help
	wait_for "Keys on this screen" || return
	if [ "$term" = xterm ]; then
		raw 1b 4f 50		# F1 as xterm sends it closes it
	else
		raw 1b 5b 31 31 7e	# (ESC O P is NumLock for terminfo's putty)
	fi
	wait_for "61 candidates" || return
	keys Enter
	wait_for "A-IoT-1  要点 16" || return
	raw 1b 5b 31 7e			# Home: the note
	wait_for ">Note: (none" || return
	keys e
	wait_for "Note on A-IoT-1:" || return
	keys -l "abc"
	raw 1b 5b 31 7e
	keys X
	raw 1b 5b 34 7e
	keys Y
	raw 1b 4f 48
	keys -l "<"
	raw 1b 4f 46
	keys -l ">"
	raw 1b 5b 44 1b 5b 44 1b 5b 33 7e	# Left Left Delete: the Y goes
	wait_for " <Xabc>" || return
	snap "22-note-home-end-$term"
	keys Enter
	wait_for "Saved: note of A-IoT-1" || return
	[ "$(note_hex "$db" A-IoT-1)" = "$(hexof "<Xabc>")" ] && ok ||
		bad "TERM=$term: the note is $(note_hex "$db" A-IoT-1), expected <Xabc>"
	# a lone Esc (no byte after it within ESCDELAY) still means Esc: with
	# text typed it asks first
	keys e
	wait_for "Note on A-IoT-1:" || return
	keys -l "!"
	raw 1b
	wait_for "Discard the changes to the note? (y/N)" || return
	keys n
	wait_for "Still editing." || return
	keys Enter
	wait_for "Saved: note of A-IoT-1" || return
	[ "$(note_hex "$db" A-IoT-1)" = "$(hexof "<Xabc>!")" ] && ok ||
		bad "TERM=$term: the note after 'no' is $(note_hex "$db" A-IoT-1)"
	raw 1b				# Esc: back to the list
	wait_for "61 candidates" || return
	quit_now "esc$term"
}

# (3) notes of several lines, byte for byte: from the command line, in
# the workbench's editor, and in $EDITOR on a 0600 temporary file
notes() {
	db="$tmp/notes.db"
	iot --db "$db" new "ノート" --from-survey "$SRCDIR/examples/case2.xml" >/dev/null || bad "new"
	two=$(printf '一行目\n二行目')
	iot --db "$db" review 1 A-IoT-1 --note "$two" >/dev/null || bad "review --note"
	cat >"$tmp/ed.sh" <<-'ED'
	#!/bin/sh
	# an editor: records the file's mode and name, adds a line, ends it
	stat -c %a "$1" >"$ED_LOG.mode"; echo "$1" >"$ED_LOG.path"
	printf '\n追記\n' >>"$1"
	ED
	chmod +x "$tmp/ed.sh"
	TUI_ENV="VISUAL= EDITOR=$tmp/ed.sh ED_LOG=$tmp/ed" start 80 24 "$db" notes
	wait_for "Assessments (1)" || return
	keys Enter
	wait_for "Fig. 16 survey" || return
	keys 3
	wait_for "61 candidates" || return
	keys Enter
	wait_for "A-IoT-1  要点 16" || return
	wait_for "Note: 一行目" || return
	keys Home
	wait_for ">Note: 一行目" || return
	grep -q "^> *二行目" "$tmp/screen" && ok || bad "the note's second line is not on a line of its own"
	keys e
	wait_for "─ note: line 2 of 2" || return
	grep -q "^ 一行目 *$" "$tmp/screen" && grep -q "^ 二行目 *$" "$tmp/screen" && ok ||
		bad "the editor does not show the note's two lines"
	snap 23-note-two-lines
	keys Enter			# saved unchanged: the same bytes
	wait_for "Saved: note of A-IoT-1" || return
	[ "$(note_hex "$db" A-IoT-1)" = "$(hexof "$two")" ] && ok ||
		bad "saved unchanged, the note became $(note_hex "$db" A-IoT-1)"
	keys t				# a change elsewhere
	wait_for "Saved: A-IoT-1: to do" || return
	[ "$(note_hex "$db" A-IoT-1)" = "$(hexof "$two")" ] && ok ||
		bad "after a decision, the note became $(note_hex "$db" A-IoT-1)"
	keys e
	wait_for "─ note: line 2 of 2" || return
	keys C-j
	keys -l "三行目"
	wait_for "─ note: line 3 of 3" || return
	keys Enter
	wait_for "Saved: note of A-IoT-1" || return
	three=$(printf '一行目\n二行目\n三行目')
	[ "$(note_hex "$db" A-IoT-1)" = "$(hexof "$three")" ] && ok ||
		bad "the three-line note is $(note_hex "$db" A-IoT-1)"
	keys e
	wait_for "─ note: line 3 of 3" || return
	keys C-x				# $EDITOR
	wait_for "Back from the editor: Enter saves" || return
	wait_for "─ note: line 4 of 4" || return
	keys Enter
	wait_for "Saved: note of A-IoT-1" || return
	[ "$(note_hex "$db" A-IoT-1)" = "$(hexof "$three
追記")" ] && ok || bad "after \$EDITOR the note is $(note_hex "$db" A-IoT-1)"
	[ "$(cat "$tmp/ed.mode" 2>/dev/null)" = 600 ] && ok ||
		bad "the temporary file had mode $(cat "$tmp/ed.mode" 2>/dev/null), expected 600"
	p=$(cat "$tmp/ed.path" 2>/dev/null)
	[ -n "$p" ] && [ ! -e "$p" ] && ok || bad "the temporary file '$p' was not removed"
	# the survey's free notes: several lines too
	keys q q 2 G
	wait_for "Fig. 16 survey" || return
	quit_now notes
	iot --db "$db" history 1 | grep -q "note" && ok || bad "history: the notes are not recorded"
}

# (4, 5) one meaning per key, searches that start empty and repeat,
# next/previous item from a detail, the date typed over, the Annexes
# searched, 80x24 questions with their keys, Annex 2 sub-items told apart
friction() {
	db="$tmp/fr.db"
	case2_open fr "$db" || return
	keys G Up Up Up Up Up Enter	# Availability -> Date: pre-filled with today
	wait_for "Date: 20" || return
	keys -l "2025-06-01"
	keys Enter
	wait_for "Saved: date = 2025-06-01" || return
	keys 3
	wait_for "61 candidates" || return
	keys /
	wait_for "Search (" || return
	keys -l "B-1"
	keys Enter
	wait_for 'search "B-1"' || return
	keys /				# empty again: typing is not appended
	wait_for "Search (" || return
	grep -q "Search ([^)]*): *$" "$tmp/screen" && ok || bad "the search prompt is not empty"
	keys -l "通信ゲートウェイ"	# only in A-5's actions (and B texts)
	keys Enter
	wait_for 'search "通信ゲートウェイ"' || return
	wait_for "> A-5 " || return
	snap 30-search-actions
	keys n
	wait_for "> B-11 " || return
	keys N N			# round the start: the last match
	wait_for "> B-50 " || return
	keys Enter
	wait_for "B-50  セーフティリスク対策" || return
	keys K				# the previous item, from the detail
	wait_for "B-23  ローカル側セキュリティ強化" || return
	keys J J
	wait_for "This is the last one of the list." || return
	keys a				# a: not applicable, as on the Annexes
	wait_for "Saved: B-50: n/a" || return
	keys q c
	wait_for "Showing all" || return
	# g in a long detail (A-5, six actions): back to the note with the
	# title and the decision still in view
	keys /
	wait_for "Search (" || return
	keys -l "A-5"
	keys Enter Enter
	wait_for "A-5  構成管理と使用の一時停止" || return
	keys G
	wait_for ">  [ ] 6." || return
	keys g
	wait_for ">Note: (none" || return
	grep -q "A-5  構成管理と使用の一時停止" "$tmp/screen" && grep -q "Decision: undecided" "$tmp/screen" &&
		ok || bad "g in the detail scrolled the title and decision away"
	keys q c
	wait_for "Showing all" || return
	keys 4 "]"
	wait_for "pattern not set" || return
	wait_for "a 死活監視インターバル（応答確認） |" || return
	wait_for "b 通知時間（稼働停止検知後" || return	# sub-items told apart
	keys /
	wait_for "Search (" || return
	keys -l "通知時間"
	keys Enter
	wait_for '"通知時間": 1 of ' || return
	grep -q "^> .*b 通知時間" "$tmp/screen" && ok || bad "Annex search: the cursor is not on the match"
	keys n
	wait_for '"通知時間": 2 of ' || return
	keys x				# x: not implemented (n is the next match)
	wait_for "Saved: III.1.1.2.b: not implemented" || return
	keys a
	wait_for "Saved: III.1.1.2.b: n/a" || return
	snap 31-annex2-search
	# the delete question of a long name at 80x24: its keys are shown
	keys 1
	wait_for "Assessments (1)" || return
	keys r C-u
	keys -l "とても長い名前の評価：スマートビル管理サービス（東京・大阪・名古屋の三拠点）2026年度版"
	keys Enter
	wait_for "Renamed" || return
	keys d
	wait_for "(y/N)" || return
	grep -q "(y/N) *$" "$tmp/screen" && ok || bad "the delete question is cut before its keys"
	snap 32-delete-question-80x24
	keys n
	wait_for "Cancelled." || return
	quit_now fr
	iot --db "$db" show 1 | grep -q "date  *2025-06-01$" && ok || bad "the date is not 2025-06-01"
}

# the Annex status filter: f cycles all, not checked, not or partly
# implemented, implemented, n/a; c shows all; nothing shown, nothing changed
annex_filter() {
	db="$tmp/af.db"
	case2_open af "$db" || return
	keys 4
	wait_for "0 of 22 checked" || return
	keys i				# II.1.1.1 implemented
	wait_for "Saved: II.1.1.1: implemented" || return
	keys j x			# II.1.1.2 not implemented
	wait_for "Saved: II.1.1.2: not implemented" || return
	keys f
	wait_for "filter: not checked" || return
	grep -q "II.1.1.1 \|II.1.1.2 " "$tmp/screen" && bad "not checked: checked items shown" || ok
	grep -q "^> .*II.2.1.1 " "$tmp/screen" && ok || bad "not checked: the cursor is not on II.2.1.1"
	keys f
	wait_for "filter: not or partly implemented" || return
	grep -q "^> .*\[not implemente.*II.1.1.2 " "$tmp/screen" && ok ||
		bad "not or partly implemented: II.1.1.2 not under the cursor"
	grep -c "\[not checked\]" "$tmp/screen" | grep -qx 0 && ok || bad "open: unchecked items shown"
	snap 33-annex1-filter-open
	keys f f
	wait_for "filter: not applicable" || return
	wait_for "Nothing matches the filter" || return
	keys i				# nothing shown: nothing changed
	keys c
	wait_for "2 of 22 checked" || return	# II.1.1.1 and II.1.1.2 have a status
	grep -q "filter:" "$tmp/screen" && bad "c did not clear the filter" || ok
	quit_now af
	[ "$(sqlite3 "$db" "SELECT count(*) FROM checks WHERE status != 'none'")" = 2 ] && ok ||
		bad "the filtered screen changed an item it did not show"
}

# (8) the Japanese workbench, started as the README's quick start does
# (./quickstart runs the built program with --catalog) in ja_JP.UTF-8
japanese() {
	if ! locale -a 2>/dev/null | grep -qix 'ja_JP.utf8'; then
		echo "no ja_JP.UTF-8 locale (./quickstart makes it): the Japanese workbench not tried"
		return
	fi
	db="$tmp/ja.db"
	iot --db "$db" new "とても長い名前の評価：スマートビル管理サービス（東京・大阪・名古屋の三拠点）2026年度版" \
		--from-survey "$SRCDIR/examples/case2.xml" >/dev/null
	TUI_ENV="LC_ALL=ja_JP.UTF-8 LANG=ja_JP.UTF-8" start 80 24 "$db" ja
	wait_for "アセスメント（1 件）" || return
	snap 33-japanese-list
	keys d
	wait_for "(y/N)" || return
	grep -q "(y/N) *$" "$tmp/screen" && ok || bad "ja: the delete question is cut before its keys"
	snap 34-japanese-delete-question
	keys n
	keys Enter
	wait_for "図表16 調査: 42/42 回答済み" || return
	wait_for "-対象外" || return	# the legend fits at 80 columns
	snap 35-japanese-survey
	keys 3
	wait_for "61" || return
	snap 36-japanese-countermeasures
	keys 1 q
	gone "$tmp/ja.rc" || return
	[ "$(cat "$tmp/ja.rc")" = 0 ] && ok || bad "ja: exit $(cat "$tmp/ja.rc")"
}

# (6) a terminal that draws East Asian ambiguous characters two columns
# wide (IOTSCOPE_AMBIWIDTH=2, --ambiwidth=2): every screen at 80x24 holds
# none of them (their ASCII stand-ins instead), so no line is wider than
# the terminal in either width model; auto asks the terminal (tmux: 1)
ambiwide() {
	db="$tmp/ambi.db"
	iot --db "$db" new "曖昧幅" --from-survey "$SRCDIR/examples/case2.xml" >/dev/null
	loc=C.UTF-8
	locale -a 2>/dev/null | grep -qix 'ja_JP.utf8' && loc=ja_JP.UTF-8
	TUI_ENV="LC_ALL=$loc IOTSCOPE_AMBIWIDTH=2" start 80 24 "$db" ambi
	wait_for "曖昧幅" || return
	keys Enter
	wait_for "42/42" || return
	for scr in 1 2 3 4 5 6; do
		keys "$scr"
		sleep 0.4
		tm capture-pane -p -t t >"$tmp/ambi$scr"
		snap "40-ambiwidth2-screen$scr"
		if grep -q '[○×●★※─│…→↔■□①②③④⑥–Ⅲ]' "$tmp/ambi$scr"; then
			bad "ambiwidth 2, screen $scr: ambiguous characters drawn"
			grep '[○×●★※─│…→↔■□①②③④⑥–Ⅲ]' "$tmp/ambi$scr" | sed 's/^/  | /' | head -3
		else
			ok
		fi
		w=$(wc -L <"$tmp/ambi$scr")
		[ "$w" -le 80 ] && ok || bad "ambiwidth 2, screen $scr: a line of $w columns"
	done
	keys 1 q
	gone "$tmp/ambi.rc" || return
	TUI_ENV="LC_ALL=$loc" start 80 24 "$db" ambiauto
	wait_for "曖昧幅" || return
	keys Enter 2
	wait_for "[○]" || return	# tmux answered column 2: one column
	keys 1 q
	gone "$tmp/ambiauto.rc"
	TUI_ENV="IOTSCOPE_AMBIWIDTH=wide" start 80 24 "$db" ambibad
	gone "$tmp/ambibad.rc" || return
	[ "$(cat "$tmp/ambibad.rc")" = 2 ] && grep -q "IOTSCOPE_AMBIWIDTH takes 1, 2 or auto" "$tmp/ambibad.err" &&
		ok || bad "IOTSCOPE_AMBIWIDTH=wide: exit $(cat "$tmp/ambibad.rc"), $(cat "$tmp/ambibad.err")"
}

# (7) others writing the same database: their changes appear without a
# restart (PRAGMA data_version), and while one holds the lock the screen
# answers at once, says it is waiting, and saves when the lock is free
wait_re() {
	n=0
	while [ "$n" -lt "${2:-100}" ]; do
		tm capture-pane -p -t t >"$tmp/screen" 2>/dev/null
		grep -qE -- "$1" "$tmp/screen" && { ok; return 0; }
		n=$((n + 1))
		sleep 0.1
	done
	bad "timed out waiting for /$1/ on the screen:"
	sed 's/^/  | /' "$tmp/screen"
	return 1
}
others() {
	command -v sqlite3 >/dev/null 2>&1 || { echo "no sqlite3: the lock test skipped"; return; }
	db="$tmp/others.db"
	iot --db "$db" new "他の書き手" --from-survey "$SRCDIR/examples/case2.xml" >/dev/null
	start 80 24 "$db" others
	wait_for "Assessments (1)" || return
	keys Enter
	wait_re "^>.*IoT 機器 +\[×\]" || return
	iot --db "$db" set 1 provide.iot-device o >/dev/null	# another process
	wait_re "^>.*IoT 機器 +\[○\]" 20 || return
	keys 3
	wait_for "candidates" || return
	iot --db "$db" review 1 A-IoT-1 --decision todo >/dev/null
	wait_re "A-IoT-1 .* to do " 20 || return
	keys 2
	wait_re "^>.*IoT 機器 +\[○\]" || return
	# hold the write lock for 4 s, as a second writer in a long transaction
	(echo "BEGIN IMMEDIATE;"; sleep 4; echo "COMMIT;") | sqlite3 "$db" &
	holder=$!
	sleep 0.5
	keys Space			# ○ -> ×, while the lock is held
	wait_for "WAITING to be saved" 8 || return	# within 0.8 s, not 10
	wait_for "Waiting: another program holds the database"
	keys '?'			# still answering keys
	wait_for "Keys on this screen" 5 || return
	keys q
	snap 36-waiting-for-the-lock
	wait_for "Saved the changes that were waiting." 60 || return
	wait $holder
	keys 1 q
	gone "$tmp/others.rc" || return
	iot --db "$db" show 1 | grep -qE "^ +B × +provide.iot-device " && ok ||
		bad "the change made while the lock was held is not in the database"
}

# (issue 9) a checklist the catalog adds is on the checklist screen with
# no code change: ] goes through all three, a status set on the third is
# saved under its id
third_checklist() {
	three="$tmp/three"
	catalog3 "$three"
	tui_catalog="$three/catalog"
	case2_open three "$tmp/three.db" || { tui_catalog=; return; }
	tui_catalog=
	keys 4
	wait_for "checklist 1 of 3" || return
	wait_for "0 of 22 checked" || return
	keys "]" "]"
	wait_for "Dummy checklist for the test" || return
	wait_for "0 of 2 checked, checklist 3 of 3" || return
	wait_for "X. 1. First section  [0/2]" || return
	keys p
	wait_for "Saved: X.1.1: partly" || return
	wait_for "1 of 2 checked, checklist 3 of 3" || return
	keys "]"
	wait_for "0 of 22 checked, checklist 1 of 3" || return
	keys "["
	wait_for "1 of 2 checked" || return
	quit_now three
	"$IOTSCOPE" --catalog "$three/catalog" --db "$tmp/three.db" export 1 --what annex3 \
		--format csv -o - >"$tmp/three.csv" 2>&1
	grep -q '^item,X.1.1,X. 1. 1.,Do the first thing.,basic,●,partly,' "$tmp/three.csv" &&
		ok || bad "the third checklist's status is not in the store: $(cat "$tmp/three.csv")"
}

refusals
export_overwrite
third_checklist
escapes xterm
if infocmp putty >/dev/null 2>&1; then escapes putty; else echo "no terminfo for putty (ncurses-term): TERM=putty not tried"; fi
notes
friction
annex_filter
japanese
ambiwide
others
tour
session 80 24
signals
session 120 40

summary
