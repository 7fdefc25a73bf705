#!/bin/sh
# print.sh - the HTML report of Annex 8 case 5 as an auditor prints it:
# rendered to PDF by headless Chromium (a reader that is not ours), then
# read with poppler's pdfinfo and pdftotext.  Every page A4 (595 x 842 pt
# portrait; Annex 2 on landscape pages, 842 x 595), the page count within
# the range reasoned below, and the Annex 2 table within the page width:
# every item of the catalog found in the text, no word past the page's
# right margin (10 mm), the heading row repeated on every Annex 2 page.  Skipped
# (77) only when Chromium or poppler is missing; ./quickstart installs
# both.  Run by `make check` with IOTSCOPE and SRCDIR.
set -u
: "${IOTSCOPE:?}" "${SRCDIR:?}"
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "chromium not found (Debian package chromium): skipped"; exit 77; }
for t in pdfinfo pdftotext; do
	command -v $t >/dev/null 2>&1 ||
		{ echo "$t not found (Debian package poppler-utils): skipped"; exit 77; }
done
. "$SRCDIR/tests/lib.sh"
scratch
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/xdg"
mkdir -p "$HOME"
db="$tmp/t.db"
iot() { "$IOTSCOPE" --catalog "$SRCDIR/catalog" --db "$db" --assessor 監査 "$@"; }

# ---- case 5 with a review, a note and two checks ----
expect 0 "new from case 5" -- iot new "Case 5" --from-survey "$SRCDIR/examples/case5.xml"
expect 0 "review A-1" -- iot review 1 A-1 --decision todo --action 1=done \
	--note "契約書 第 12 条で対応予定"
expect 0 "check III.1.1.1.a" -- iot check 1 III.1.1.1.a implemented --note "運用手順書 4.2"
expect 0 "check III.1.1.1.b" -- iot check 1 III.1.1.1.b not-implemented
expect 0 "export HTML" -- iot export 1 --format html -o "$tmp/case5.html"

# ---- printed by Chromium (its own profile in $tmp; no header or footer) ----
cd "$tmp" || exit 99
timeout 600 "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	--user-data-dir="$tmp/chromium" --print-to-pdf="$tmp/case5.pdf" "$tmp/case5.html" \
	>"$tmp/chromium.log" 2>&1
check "Chromium wrote a PDF" [ -s "$tmp/case5.pdf" ]
[ -s "$tmp/case5.pdf" ] || { sed 's/^/  | /' "$tmp/chromium.log" | tail -5; summary; exit; }

pages=$(pdfinfo "$tmp/case5.pdf" | sed -n 's/^Pages: *//p')
pdfinfo -f 1 -l "$pages" "$tmp/case5.pdf" | sed -n 's/^Page *\([0-9]*\) size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2 \3/p' \
	>"$tmp/sizes"
# A4 is 210 x 297 mm = 595.28 x 841.89 pt; Chromium writes 594.96 x 841.92
portrait=$(awk '$2 > 594 && $2 < 596 && $3 > 841 && $3 < 843' "$tmp/sizes" | wc -l)
landscape=$(awk '$2 > 841 && $2 < 843 && $3 > 594 && $3 < 596' "$tmp/sizes" | wc -l)
echo "print: $pages pages, $portrait A4 portrait, $landscape A4 landscape"
check "every page A4 ($pages pages: $portrait portrait, $landscape landscape)" \
	[ "$((portrait + landscape))" -eq "$pages" ]
# Annex 2 is the last section: the landscape pages are the last ones
first_land=$(awk '$2 > $3 { print $1; exit }' "$tmp/sizes")
check "the landscape pages are Annex 2's, at the end" \
	[ "${first_land:-0}" -eq "$((pages - landscape + 1))" -a "$landscape" -gt 0 ]
# The count, reasoned from the content: the title page with contents and
# summary (1-2), details and the Fig. 16 table (2-4), 56 countermeasures,
# each kept whole on a page, with its reasons and actions (about 1.5 to
# 3 a page: 19-38), Annex 1's 22 items (2-5); Annex 2's 69 rows at 7.5 pt
# on landscape (8-15 rows a page: 5-9).  30 to 56 pages in all.
check "page count $pages within 30-56" [ "$pages" -ge 30 -a "$pages" -le 56 ]
check "Annex 2 on 5-9 landscape pages ($landscape)" [ "$landscape" -ge 5 -a "$landscape" -le 9 ]

# ---- Annex 2 within the page width ----
pdftotext -layout -f "$first_land" -l "$pages" "$tmp/case5.pdf" "$tmp/annex2.txt"
items=$(grep -c '<item ' "$SRCDIR/catalog/annex2.xml")
found=$(grep -cE 'Ⅲ\. [0-9]+\. [0-9]+\. [0-9]+\.' "$tmp/annex2.txt")
check "every Annex 2 item printed ($found of $items)" [ "$found" -eq "$items" ]
check "the note of III.1.1.1.a printed" grep -q "運用手順書 4.2" "$tmp/annex2.txt"
# the heading row on every Annex 2 page, its last column (Note) included
heads=$(grep -c '評価項目※ ' "$tmp/annex2.txt")
check "the heading row repeated on each of the $landscape pages ($heads)" [ "$heads" -eq "$landscape" ]
pdftotext -bbox -f "$first_land" -l "$pages" "$tmp/case5.pdf" "$tmp/annex2.bbox"
past=$(awk -F'"' '/<word / { for (i = 1; i < NF; i++) if ($i ~ /xMax=$/ && $(i + 1) > 814) n++ }
	END { print n + 0 }' "$tmp/annex2.bbox")
check "no word past the right margin of a landscape page ($past)" [ "$past" -eq 0 ]
# ---- each item's ISO/IEC 27002 clauses printed, its guidance folded ----
# (issue 13: a closed <details> prints its summary line only.)  37 items
# have clauses: those of the 12 sub-sections that print 27002 blocks,
# II.2.1 3, II.3.1 2, II.4.1 1, II.4.2 1, II.4.3 2, II.8.1 1, III.1.1 9,
# III.2.1 4, III.2.2 2, III.3.1 5, III.3.2 5, III.5.3 2.
pdftotext -layout "$tmp/case5.pdf" "$tmp/all.txt"
iso=$(grep -o 'ISO/IEC 27002:' "$tmp/all.txt" | wc -l)
check "37 items show their ISO/IEC 27002 clauses ($iso)" [ "$iso" -eq 37 ]
check "III.1.1.1's clauses (seed 1252-1280)" grep -q 'ISO/IEC 27002: 6.3※, 6.3.1※, 6.3.2※, 9.2,' "$tmp/annex2.txt"
# seed 1061, III.1.1.1's first best practice: in the HTML, not printed
check "the guidance is in the HTML" grep -q '監視対象機器の死活監視' "$tmp/case5.html"
check "... but not printed expanded" sh -c "! grep -q '監視対象機器の死活監視' '$tmp/all.txt'"
words=$(grep -c '<word ' "$tmp/annex2.bbox")
check "the Annex 2 pages hold text ($words words)" [ "$words" -gt 1000 ]
summary
