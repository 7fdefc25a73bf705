#!/bin/sh
# bench_scale.sh - issue 11's table: each row next to its baseline, the two
# run in turn (median of RUNS each), so that a busy machine weighs on both
# alike: read the ratios.  Databases of each size in SIZES are built
# through the library (bench_scale build).
# Usage: bench_scale.sh BENCH_SCALE IOTSCOPE SRCDIR "SIZES" [RUNS]
set -eu
bench=$1 iot=$2 src=$3 sizes=$4 runs=${5:-15}
. "$src/tests/lib.sh"
scratch
export LC_ALL=C.UTF-8 LANGUAGE= TZ=UTC TERM=xterm-256color
export XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" HOME="$tmp"
# the pty of 'bench_scale screen' does not answer the cursor-position
# query of --ambiwidth=auto: a real terminal does at once, this one would
# be waited for until the query's timeout, which is not our cost
export IOTSCOPE_AMBIWIDTH=1
cat="$src/catalog"
files="$cat/catalog.xml"
for p in $(sed -n 's/.*<part file="\([^"]*\)".*/\1/p' "$cat/catalog.xml"); do
	files="$files $cat/$p"
done
iots="$iot --catalog $cat --assessor bench"

# row WHAT BASENAME RUNS TEXT_A TEXT_B -- A... -- B...: one line of the table
row() {
	what=$1 base=$2
	shift 2
	"$bench" pair "$@" | awk -v w="$what" -v b="$base" \
		'{ printf "%-40s %8.2f %7.2f   %-28s %8.2f %7.2f   %5.2fx %5.2fx\n",
		   w, $1, $3, b, $2, $4, $1 / $2, ($4 > 0 ? $3 / $4 : 0) }'
}
# peak RSS of a command in MiB
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'; }

echo "bench-scale: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
	"median of $runs runs each, ours and the baseline in turn"
printf "%-40s %8s %7s   %-28s %8s %7s   %6s %6s\n" "" "wall ms" "cpu ms" "baseline" \
	"wall ms" "cpu ms" "wall" "cpu"
$iots derive "$src/examples/case5.xml" >/dev/null 2>&1 || true	# a first run fills caches
row "iotscope derive case5 (start-up)" "xmllint --noout catalog" "$runs" - - \
	-- $iots derive --format ids "$src/examples/case5.xml" -- xmllint --noout $files
empty="$tmp/empty.db"
$iots --db "$empty" list >/dev/null
row "iotscope list, empty database" "xmllint --noout catalog" "$runs" - - \
	-- $iots --db "$empty" list -- xmllint --noout $files
row "workbench to first screen, empty database" "xmllint --noout catalog" "$runs" \
	"Assessments (" - -- $iots --db "$empty" -- xmllint --noout $files
set -- $("$bench" derive "$src" 2>/dev/null)
echo "derivations per second, one process, 300 random surveys: $1 (candidate set" \
	"with reason counts), $2 (full derivation with its reasons)"

for n in $sizes; do
	db="$tmp/n$n.db"
	t0=$(date +%s)
	"$bench" build "$src" "$db" "$n"
	$iots --db "$db" list >/dev/null	# the first open may migrate, check or fill
	echo "--- $n assessments (built in $(($(date +%s) - t0)) s)"
	r=$runs
	[ "$n" -lt 50000 ] || r=5
	q="SELECT a.id, a.changed, n.value, o.value,
 (SELECT count(*) FROM answers WHERE assessment_id = a.id),
 (SELECT count(*) FROM reviews WHERE assessment_id = a.id AND decision <> 'none'),
 (SELECT count(*) FROM checks WHERE assessment_id = a.id AND status <> 'none')
 FROM assessments a
 LEFT JOIN details n ON n.assessment_id = a.id AND n.key = 'name'
 LEFT JOIN details o ON o.assessment_id = a.id AND o.key = 'operator' ORDER BY a.id;"
	row "open + list, $n" "sqlite3, one aggregate query" "$r" - - \
		-- $iots --db "$db" list -- sqlite3 "$db" "$q"
	echo "    peak RSS: iotscope list $(rss $iots --db "$db" list) MiB," \
		"sqlite3 $(rss sqlite3 "$db" "$q") MiB"
	id=$((n / 2))
	row "show one, $n" "xmllint --noout catalog" "$r" - - \
		-- $iots --db "$db" show "$id" -- xmllint --noout $files
	row "set one, $n" "xmllint --noout catalog" "$r" - - \
		-- $iots --db "$db" set "$id" provide.lan o -- xmllint --noout $files
	out="$tmp/export.xml"
	rm -f "$out"
	$iots --db "$db" export "$id" -o "$out" >/dev/null 2>&1
	# both through sh: the export must not find its file there already
	row "export one (whole assessment), $n" "xmllint --noout of it" "$r" - - \
		-- sh -c 'rm -f "$1.new"; shift; exec "$@"' sh "$out" $iots --db "$db" \
		export "$id" -o "$out.new" -- sh -c 'exec xmllint --noout "$1"' sh "$out"
	row "workbench to first screen, $n" "xmllint --noout catalog" "$r" "Assessments (" - \
		-- $iots --db "$db" -- xmllint --noout $files
	size=$(stat -c %s "$db")
	echo "    disk: $size bytes, $((size / n)) bytes per assessment"
	rm -f "$db" "$db"-* "$db".*
done
