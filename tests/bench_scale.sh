#!/bin/sh
# bench_scale.sh - issue 11's table: each row next to its baseline measured
# in the same run (the machines are noisy: read the ratios).  Databases of
# each size in SIZES are built through the library (bench_scale build).
# Usage: bench_scale.sh BENCH_SCALE IOTSCOPE SRCDIR "SIZES" [RUNS]
set -eu
bench=$1 iot=$2 src=$3 sizes=$4 runs=${5:-20}
. "$src/tests/lib.sh"
scratch
export LC_ALL=C.UTF-8 LANGUAGE= TZ=UTC TERM=xterm-256color
export XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" HOME="$tmp"
cat="$src/catalog"
files="$cat/catalog.xml"
for p in $(sed -n 's/.*<part file="\([^"]*\)".*/\1/p' "$cat/catalog.xml"); do
	files="$files $cat/$p"
done
iots() { "$iot" --catalog "$cat" --assessor bench "$@"; }

# row WHAT OURS BASE BASENAME: one line of the table (ms and the ratio)
row() {
	echo "$2 $3" | awk -v w="$1" -v b="$4" \
		'{ printf "%-44s %9.2f ms   %-26s %9.2f ms   %6.2fx\n", w, $1, b, $2, $1 / $2 }'
}
# peak RSS of a command in MiB
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'; }

echo "bench-scale: $(date -u +%FT%TZ), $(nproc) cores, runs $runs"
iots derive case5 >/dev/null 2>&1 || true	# a first run may fill caches
x=$(loop "$runs" xmllint --noout $files)
a=$(loop "$runs" iots derive --format ids "$src/examples/case5.xml")
row "iotscope derive case5 (start-up)" "$a" "$x" "xmllint --noout catalog"
empty="$tmp/empty.db"
iots --db "$empty" list >/dev/null
a=$(loop "$runs" iots --db "$empty" list)
row "iotscope list, empty database" "$a" "$x" "xmllint --noout catalog"
xs=$("$bench" screen "$runs" - xmllint --noout $files)
a=$("$bench" screen "$runs" "Assessments (" "$iot" --catalog "$cat" --db "$empty")
row "workbench to first screen, empty database" "$a" "$xs" "xmllint (on a pty)"
set -- $("$bench" derive "$src" 2>/dev/null)
echo "derivations per second, one process, 300 random surveys: $1 (candidate set" \
	"with reason counts), $2 (full derivation with its reasons)"

for n in $sizes; do
	db="$tmp/n$n.db"
	t0=$(date +%s)
	"$bench" build "$src" "$db" "$n"
	iots --db "$db" list >/dev/null	# the first open may migrate or fill
	echo "--- $n assessments (built in $(($(date +%s) - t0)) s)"
	r=3
	[ "$n" -lt 50000 ] || r=2
	q="SELECT a.id, a.changed, n.value, o.value,
 (SELECT count(*) FROM answers WHERE assessment_id = a.id),
 (SELECT count(*) FROM reviews WHERE assessment_id = a.id AND decision <> 'none'),
 (SELECT count(*) FROM checks WHERE assessment_id = a.id AND status <> 'none')
 FROM assessments a
 LEFT JOIN details n ON n.assessment_id = a.id AND n.key = 'name'
 LEFT JOIN details o ON o.assessment_id = a.id AND o.key = 'operator' ORDER BY a.id;"
	s=$(loop "$r" sqlite3 "$db" "$q")
	a=$(loop "$r" iots --db "$db" list)
	row "open + list, $n" "$a" "$s" "sqlite3 one aggregate query"
	echo "    RSS: iotscope list $(rss "$iot" --catalog "$cat" --db "$db" list) MiB," \
		"sqlite3 $(rss sqlite3 "$db" "$q") MiB"
	id=$((n / 2))
	a=$(loop "$r" iots --db "$db" show "$id")
	row "show one, $n" "$a" "$x" "xmllint --noout catalog"
	a=$(loop "$r" iots --db "$db" set "$id" provide.lan o)
	row "set one, $n" "$a" "$x" "xmllint --noout catalog"
	out="$tmp/export.xml"
	rm -f "$out"
	iots --db "$db" export "$id" -o "$out" >/dev/null 2>&1
	xo=$(loop "$r" xmllint --noout "$out")
	a=$(loop "$r" sh -c 'rm -f "$1"; shift; "$@"' sh "$out" "$iot" --catalog "$cat" \
		--db "$db" export "$id" -o "$out")
	row "export one (whole assessment), $n" "$a" "$xo" "xmllint --noout of it"
	a=$("$bench" screen "$r" "Assessments (" "$iot" --catalog "$cat" --db "$db")
	row "workbench to first screen, $n" "$a" "$xs" "xmllint (on a pty)"
	size=$(stat -c %s "$db")
	echo "    disk: $size bytes, $((size / n)) bytes per assessment"
	rm -f "$db" "$db"-* "$db".*
done
