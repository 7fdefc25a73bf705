#!/bin/sh
# merge.sh FUZZER CORPUS NEW MAXBYTES - after a long run (make fuzz-long):
# add to CORPUS, the corpus kept in the repository, only the inputs of NEW
# that reach code CORPUS does not (libFuzzer -merge=1), none larger than
# MAXBYTES, named found-<12 hex digits of their SHA-1> as the others, so
# the corpus grows with what the fuzzer learnt and not with its copies.
set -eu
fuzzer=$1 corpus=$2 new=$3 max=$4
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
find "$new" -type f -size -"$((max + 1))"c -exec cp {} "$stage/" \;
before=$(ls "$corpus" | wc -l)
"$fuzzer" -merge=1 "$corpus" "$stage" >"$stage.log" 2>&1 || {
	tail -20 "$stage.log"
	rm -f "$stage.log"
	exit 1
}
rm -f "$stage.log"
for f in "$corpus"/*; do
	name=${f##*/}
	case $name in
	????????????????????????????????????????)	# libFuzzer's name: the SHA-1
		mv "$f" "$corpus/found-$(printf %s "$name" | cut -c1-12)" ;;
	esac
done
after=$(ls "$corpus" | wc -l)
echo "merged $((after - before)) new inputs into $corpus: $after files, $(du -sk "$corpus" | cut -f1) KB"
