#!/bin/sh
# bench_export.sh - the export of Annex 8 case 5 next to `xmllint --noout`
# on the same file, in one run (the machines are noisy: read the ratio).
# Usage: bench_export.sh BENCH_EXPORT IOTSCOPE SRCDIR [RUNS]
set -eu
bench=$1 iot=$2 src=$3 runs=${4:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out="$tmp/case5-assessment.xml"
ms() { echo "$1 $2 $runs" | awk '{ printf "%.2f", ($2 - $1) / 1e6 / $3 }'; }
loop() {
	t0=$(date +%s%N)
	i=0
	while [ $i -lt "$runs" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
	t1=$(date +%s%N)
	ms "$t0" "$t1"
}
"$bench" "$src" "$out" "$runs"
db="$tmp/b.db"
"$iot" --catalog "$src/catalog" --db "$db" new case5 --from-survey "$src/examples/case5.xml" >/dev/null
a=$(loop "$iot" --catalog "$src/catalog" --db "$db" export 1 -o "$tmp/cli.xml")
b=$(loop xmllint --noout "$out")
c=$(loop xmllint --noout --schema "$src/forms/assessment.xsd" "$out")
echo "file: $(wc -c <"$out") bytes"
echo "iotscope export 1 -o FILE (load catalog, open db, export): $a ms per run"
echo "xmllint --noout, same file:                               $b ms per run"
echo "xmllint --noout --schema assessment.xsd, same file:       $c ms per run"
echo "$a $b $c" | awk '{ printf "ratio iotscope/xmllint: %.2f (parse only), %.2f (with schema)\n", $1/$2, $1/$3 }'
