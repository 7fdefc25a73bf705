#!/bin/sh
# bench_derive.sh - `iotscope derive` next to `xmllint --noout` on the same
# catalog files, in one run (the machines are noisy: read the ratio).
# Usage: bench_derive.sh IOTSCOPE SRCDIR [RUNS]
set -eu
iot=$1 src=$2 runs=${3:-20}
. "$src/tests/lib.sh"
survey="$src/examples/case5.xml"
files="$src/catalog/catalog.xml"
for p in $(sed -n 's/.*<part file="\([^"]*\)".*/\1/p' "$src/catalog/catalog.xml"); do
	files="$files $src/catalog/$p"
done
a=$(loop "$runs" "$iot" --catalog "$src/catalog" derive --format ids "$survey")
b=$(loop "$runs" xmllint --noout $files)
c=$(loop "$runs" xmllint --noout --schema "$src/catalog/catalog.xsd" $files)
echo "iotscope derive case5 (load+validate catalog, derive): $a ms per run"
echo "xmllint --noout, same catalog files:                    $b ms per run"
echo "xmllint --noout --schema catalog.xsd, same files:       $c ms per run"
ratios "$a" "$b" "$c"
