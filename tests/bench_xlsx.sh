#!/bin/sh
# bench_xlsx.sh - writing each XLSX workbook of Annex 8 case 5 next to the
# XML export of the same assessment and `xmllint --noout` on it, in one
# run (the machines are noisy: read the ratios), the open items and the
# crosswalk too, and reading a workbook back (import-checks); with the
# size of each file.
# Usage: bench_xlsx.sh IOTSCOPE SRCDIR [RUNS]
set -eu
iot=$1 src=$2 runs=${3:-20}
. "$src/tests/lib.sh"
scratch
export SOURCE_DATE_EPOCH=1764000000 HOME="$tmp" XDG_DATA_HOME="$tmp"
db="$tmp/b.db"
i() { "$iot" --catalog "$src/catalog" --db "$db" --assessor bench "$@"; }
i new "Case 5" --from-survey "$src/examples/case5.xml" >/dev/null
i check 1 II.1.1.1 implemented --note "a note" >/dev/null
i export 1 --format xml -o "$tmp/assessment.xml" 2>/dev/null
x=$(loop "$runs" xmllint --noout "$tmp/assessment.xml")
xml=$(loop "$runs" i export 1 --format xml -o "$tmp/a.xml")
printf '%-44s %8s ms  %7s bytes\n' "xmllint --noout assessment.xml" "$x" \
	"$(wc -c <"$tmp/assessment.xml")"
printf '%-44s %8s ms  (%.1f x xmllint)\n' "iotscope export --format xml (assessment)" "$xml" \
	"$(echo "$xml $x" | awk '{ print $1 / $2 }')"
i review 1 B-1 --decision todo --owner bench --due 2000-03-01 >/dev/null
for w in assessment annex1 annex2 countermeasures open crosswalk; do
	t=$(loop "$runs" i export 1 --what "$w" --format xlsx -o "$tmp/$w.xlsx")
	printf '%-44s %8s ms  %7s bytes  (%.1f x xmllint, %.2f x xml export)\n' \
		"iotscope export --format xlsx --what $w" "$t" "$(wc -c <"$tmp/$w.xlsx")" \
		"$(echo "$t $x" | awk '{ print $1 / $2 }')" "$(echo "$t $xml" | awk '{ print $1 / $2 }')"
done
r=$(loop "$runs" i import-checks "$tmp/assessment.xlsx" 1)
printf '%-44s %8s ms  (%.1f x xmllint)\n' "iotscope import-checks assessment.xlsx" "$r" \
	"$(echo "$r $x" | awk '{ print $1 / $2 }')"
r=$(loop "$runs" i import-checks "$tmp/open.xlsx" 1)
printf '%-44s %8s ms  (%.1f x xmllint)\n' "iotscope import-checks open.xlsx" "$r" \
	"$(echo "$r $x" | awk '{ print $1 / $2 }')"
