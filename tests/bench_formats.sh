#!/bin/sh
# bench_formats.sh - writing each export of Annex 8 case 5, every "what"
# in every format it is offered in (XML, CSV, HTML, XLSX), next to
# `xmllint --noout` on the XML export of the whole assessment, in one run
# (the machines are noisy: read the ratios), and reading a workbook back
# (import-checks); with the size of each file.
# Usage: bench_formats.sh IOTSCOPE SRCDIR [RUNS]
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
# Each row against xmllint timed just before it, so that a change of load
# during the run moves both sides of its ratio.
printf '%-16s %-5s %9s %8s %11s %10s\n' what format "ms" bytes "xmllint ms" "x xmllint"
for w in assessment annex1 annex2 countermeasures open crosswalk; do
	for f in xml csv html xlsx; do
		# a pair the format table refuses (e.g. the whole assessment as CSV)
		i export 1 --what "$w" --format "$f" -o "$tmp/$w.$f" 2>/dev/null || continue
		b=$(loop "$runs" xmllint --noout "$tmp/assessment.xml")
		t=$(loop "$runs" i export 1 --what "$w" --format "$f" -o "$tmp/$w.$f")
		printf '%-16s %-5s %9s %8s %11s %10.2f\n' "$w" "$f" "$t" "$(wc -c <"$tmp/$w.$f")" \
			"$b" "$(echo "$t $b" | awk '{ print $1 / $2 }')"
	done
done
r=$(loop "$runs" i import-checks "$tmp/assessment.xlsx" 1)
printf '%-44s %8s ms  (%.1f x xmllint)\n' "iotscope import-checks assessment.xlsx" "$r" \
	"$(echo "$r $x" | awk '{ print $1 / $2 }')"
r=$(loop "$runs" i import-checks "$tmp/open.xlsx" 1)
printf '%-44s %8s ms  (%.1f x xmllint)\n' "iotscope import-checks open.xlsx" "$r" \
	"$(echo "$r $x" | awk '{ print $1 / $2 }')"
