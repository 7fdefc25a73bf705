#!/bin/sh
# bench_derive.sh - `iotscope derive` next to `xmllint --noout` on the same
# catalog files, in one run (the machines are noisy: read the ratio).
# Usage: bench_derive.sh IOTSCOPE SRCDIR [RUNS]
set -eu
iot=$1 src=$2 runs=${3:-20}
survey="$src/examples/case5.xml"
ms() { echo "$1 $2 $runs" | awk '{ printf "%.2f", ($2 - $1) / 1e6 / $3 }'; }
loop() {
	t0=$(date +%s%N)
	i=0
	while [ $i -lt "$runs" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
	t1=$(date +%s%N)
	ms "$t0" "$t1"
}
files="$src/catalog/catalog.xml"
for p in $(sed -n 's/.*<part file="\([^"]*\)".*/\1/p' "$src/catalog/catalog.xml"); do
	files="$files $src/catalog/$p"
done
a=$(loop "$iot" --catalog "$src/catalog" derive --format ids "$survey")
b=$(loop xmllint --noout $files)
c=$(loop xmllint --noout --schema "$src/catalog/catalog.xsd" $files)
echo "iotscope derive case5 (load+validate catalog, derive): $a ms per run"
echo "xmllint --noout, same catalog files:                    $b ms per run"
echo "xmllint --noout --schema catalog.xsd, same files:       $c ms per run"
echo "$a $b $c" | awk '{ printf "ratio iotscope/xmllint: %.2f (parse only), %.2f (with schema)\n", $1/$2, $1/$3 }'
