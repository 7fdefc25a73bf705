#!/bin/sh
# merge.sh FUZZER CORPUS NEW MAXBYTES [BUDGET_KB] - after a long run (make
# fuzz-long): add to CORPUS, the corpus kept in the repository, only the
# inputs of NEW that reach code or counts CORPUS does not (libFuzzer
# -merge=1, which tries the smallest first), none larger than MAXBYTES,
# named found-<12 hex digits of their SHA-1> as the others; then, while
# CORPUS is over BUDGET_KB (default 1280), drop the largest of this run's
# additions.  So the corpus grows with what the fuzzer learnt, not with
# its copies, and stays small enough to replay in every make check.
set -eu
kb() { cat "$1"/* | wc -c | awk '{ print int(($1 + 1023) / 1024) }'; }	# bytes, not blocks
fuzzer=$1 corpus=$2 new=$3 max=$4 budget=${5:-1280}
stage=$(mktemp -d)
trap 'rm -rf "$stage" "$stage.log" "$stage.before"' EXIT
find "$new" -type f -size -"$((max + 1))"c -exec cp {} "$stage/" \;
ls "$corpus" >"$stage.before"
"$fuzzer" -merge=1 "$corpus" "$stage" >"$stage.log" 2>&1 || {
	tail -20 "$stage.log"
	exit 1
}
added=0 dropped=0
for f in "$corpus"/*; do
	name=${f##*/}
	case $name in
	????????????????????????????????????????)	# libFuzzer's name: the SHA-1
		mv "$f" "$corpus/found-$(printf %s "$name" | cut -c1-12)"
		added=$((added + 1)) ;;
	esac
done
# over budget: the largest new ones go first (ls -S: largest first)
for name in $(ls -S "$corpus"); do
	[ "$(kb "$corpus")" -gt "$budget" ] || break
	grep -qxF "$name" "$stage.before" && continue
	rm -f "$corpus/$name"
	dropped=$((dropped + 1))
done
echo "merged $((added - dropped)) new inputs into $corpus ($dropped more over the" \
	"${budget} KB budget left out): $(ls "$corpus" | wc -l) files, $(kb "$corpus") KB"
