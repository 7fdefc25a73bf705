#!/bin/sh
# bench_export.sh - the export of Annex 8 case 5 next to `xmllint --noout`
# on the same file, in one run (the machines are noisy: read the ratio).
# Usage: bench_export.sh BENCH_EXPORT IOTSCOPE SRCDIR [RUNS]
set -eu
bench=$1 iot=$2 src=$3 runs=${4:-20}
. "$src/tests/lib.sh"
scratch
out="$tmp/case5-assessment.xml"
"$bench" "$src" "$out" "$runs"
db="$tmp/b.db"
"$iot" --catalog "$src/catalog" --db "$db" new case5 --from-survey "$src/examples/case5.xml" >/dev/null
a=$(loop "$runs" "$iot" --catalog "$src/catalog" --db "$db" export 1 -o "$tmp/cli.xml")
b=$(loop "$runs" xmllint --noout "$out")
c=$(loop "$runs" xmllint --noout --schema "$src/forms/assessment.xsd" "$out")
echo "file: $(wc -c <"$out") bytes"
echo "iotscope export 1 -o FILE (load catalog, open db, export): $a ms per run"
echo "xmllint --noout, same file:                               $b ms per run"
echo "xmllint --noout --schema assessment.xsd, same file:       $c ms per run"
ratios "$a" "$b" "$c"
