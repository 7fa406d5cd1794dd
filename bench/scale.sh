#!/usr/bin/env bash
# bench/scale.sh - phishwatch against the size of its state: access map
# entries (text and compiled), campaigns in the store, brands.
#
# Run by bench/run.sh (BENCH_SCALE=0 skips it), or by hand:
#
#   PW=./phishwatch TOP=. BENCH_OUT=bench/out bench/scale.sh
#
# Environment (all optional):
#   PW, TOP, BENCH_OUT   the binary, the source tree, the work directory
#   CORPUS               the corpus each configuration streams (default:
#                        a burst-mix corpus of BENCH_SCALE_LINES lines)
#   BENCH_SCALE_LINES    its size when generated here (200000)
#   BENCH_SCALE_ACCESS   access map sizes ("10 10000 1000000")
#   BENCH_SCALE_STORE    campaigns in the store ("1 1000 100000 1000000")
#   BENCH_SCALE_BRANDS   --brands sizes ("1 100 10000 100000")
#   BENCH_SCALE_TIMEOUT  seconds one command may take (600)
#
# For each configuration, one run each (GNU time: wall and CPU (user +
# system) seconds, peak RSS; on a shared machine the CPU seconds are the
# steadier figure):
#   ready    phishwatch --check with that state: what start-up and every
#            SIGHUP reload cost (a reload runs the same loading code
#            between two lines, so the stream stalls this long)
#   stream   phishwatch over CORPUS with that state: lines/s, peak RSS
# The access maps are generated (entries under .example, a tenth of them
# From: tagged, a tenth address keys, the rest blocking or OK domains),
# compiled to hash with db5.3_load (makemap's format, see tests/cli/
# access.t) and to cdb with tinycdb's cdb.  The store is made by
# phishwatch (its schema) and filled directly with sqlite3; a copy is
# streamed into, so each run starts from the same store.  The table goes
# to standard output (markdown), the rows to $BENCH_OUT/scale.tsv.
set -u

TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
PW=${PW:-$TOP/phishwatch}
OUT=${BENCH_OUT:-$TOP/bench/out}/scale
LINES=${BENCH_SCALE_LINES:-200000}
ACCESS_SIZES=${BENCH_SCALE_ACCESS:-10 10000 1000000}
STORE_SIZES=${BENCH_SCALE_STORE:-1 1000 100000 1000000}
BRAND_SIZES=${BENCH_SCALE_BRANDS:-1 100 10000 100000}
LIMIT=${BENCH_SCALE_TIMEOUT:-600}
RULEBASE=$TOP/rulebase/sendmail.rb
TIME=$(type -P time)
DB_LOAD=$(command -v db5.3_load || command -v db_load)

die() { echo "scale: $*" >&2; exit 1; }
say() { echo "scale: $*" >&2; }
. "$TOP/bench/accessmap.sh"

[ -n "$TIME" ] || die "missing GNU time (make deps-bench)"
[ -n "$DB_LOAD" ] || die "missing db5.3_load (make deps)"
command -v cdb > /dev/null || die "missing cdb (tinycdb; make deps)"
command -v sqlite3 > /dev/null || die "missing sqlite3 (make deps)"
mkdir -p "$OUT" || die "cannot create $OUT"
TSV=$OUT/scale.tsv
: > "$TSV"

if [ -z "${CORPUS:-}" ]; then
	CORPUS=$OUT/burst-$LINES.log
	[ -s "$CORPUS" ] || python3 "$TOP/bench/gen-corpus.py" --lines "$LINES" \
		--ham-ratio 2 --campaigns 12 -o "$CORPUS" 2> /dev/null \
		|| die "cannot generate $CORPUS"
fi
NLINES=$(wc -l < "$CORPUS")

# fresh_store - $OUT/run.db: a copy of $OUT/store.db, if there is one
fresh_store() {
	rm -f "$OUT/run.db" "$OUT/run.db-wal" "$OUT/run.db-shm"
	if [ -e "$OUT/store.db" ]; then cp "$OUT/store.db" "$OUT/run.db"; fi
}

# timed OUTFILE CMD... - GNU time's "wall cpu rss" of CMD into OUTFILE,
# or "failed(STATUS) - -"
timed() {
	local out=$1 status
	shift
	timeout "$LIMIT" "$TIME" -f "%e %U %S %M" -o "$out.raw" "$@"
	status=$?
	if [ $status -eq 0 ]; then
		tail -n 1 "$out.raw" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' > "$out"
	else
		echo "failed($status) - -" > "$out"
	fi
}

# measure WHAT SIZE KIND ARGS... - ready and stream rows for one state
measure() {
	local what=$1 size=$2 kind=$3
	shift 3
	fresh_store
	timed "$OUT/t.ready" "$PW" -r "$RULEBASE" "$@" --check \
		> /dev/null 2> "$OUT/ready.err"
	fresh_store
	timed "$OUT/t.stream" "$PW" -r "$RULEBASE" "$@" < "$CORPUS" \
		> "$OUT/stream.out" 2> "$OUT/stream.err"
	printf '%s\t%s\t%s\t%s\t%s\n' "$what" "$size" "$kind" \
		"$(cat "$OUT/t.ready")" "$(cat "$OUT/t.stream")" >> "$TSV"
	say "$what $size $kind: ready $(cat "$OUT/t.ready"); stream $(cat "$OUT/t.stream") (wall s, CPU s, KB)"
}

# make_store N - $OUT/store.db with N campaigns and a sender host each
make_store() {
	rm -f "$OUT/store.db" "$OUT/store.db-wal" "$OUT/store.db-shm"
	"$PW" -r "$RULEBASE" -s "$OUT/store.db" < /dev/null > /dev/null 2>&1
	sqlite3 "$OUT/store.db" > /dev/null <<EOF || die "sqlite3 store of $1"
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $1)
INSERT INTO campaigns (phished_domain, first_seen, last_seen, rule,
	first_sender, messages, recipients, delivered)
SELECT 'brand' || n || '.example', 1700000000 + n, 1700000000 + n,
	'label:emalsrv', 'emalsrv.brand' || n || '.example', 3, 3, 2 FROM c;
INSERT INTO senders (sender_host, phished_domain, first_seen, last_seen,
	rule, messages, recipients, delivered)
SELECT first_sender, phished_domain, first_seen, last_seen, rule, 3, 3, 2
FROM campaigns;
COMMIT;
EOF
}

say "corpus $CORPUS ($NLINES lines)"
measure baseline 0 none
for n in $ACCESS_SIZES; do
	map=$OUT/access-$n
	if [ ! -s "$map" ] || [ ! -s "$map.db" ] || [ ! -s "$map.cdb" ]; then
		say "generating and compiling an access map of $n entries"
		gen_access "$n" "$map" && compile "$map"
	fi
	measure access "$n" text -a "$map"
	measure access "$n" hash -a "$map.db"
	measure access "$n" cdb -a "$map.cdb"
done
for n in $STORE_SIZES; do
	say "filling a store with $n campaigns"
	make_store "$n"
	measure store "$n" sqlite -s "$OUT/run.db"
done
rm -f "$OUT"/store.db* "$OUT"/run.db*
for n in $BRAND_SIZES; do
	python3 -c 'import sys
for i in range(int(sys.argv[1])): print("brand%dx.com" % i)' "$n" > "$OUT/brands-$n"
	measure brands "$n" file --brands "$OUT/brands-$n"
done

# ---- the table ----
echo "Scaling (bench/scale.sh; one run each; corpus: $NLINES lines of the burst mix;"
echo "load average at the end: $(cut -d ' ' -f 1-3 /proc/loadavg) on $(nproc) CPUs):"
echo
echo "| state | size | kind | ready wall s | ready CPU s | ready peak RSS MB | stream lines/s (wall) | stream lines per CPU s | stream peak RSS MB |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
while IFS=$'\t' read -r what size kind ready stream; do
	awk -v w="$what" -v n="$size" -v k="$kind" -v r="$ready" -v s="$stream" \
		-v lines="$NLINES" 'BEGIN {
		split(r, a, " "); split(s, b, " ")
		rmb = (a[3] ~ /^[0-9]+$/) ? sprintf("%.1f", a[3] / 1024) : a[3]
		smb = (b[3] ~ /^[0-9]+$/) ? sprintf("%.1f", b[3] / 1024) : b[3]
		lw = (b[1] ~ /^[0-9.]+$/ && b[1] > 0) ? sprintf("%d", lines / b[1]) : b[1]
		lc = (b[2] ~ /^[0-9.]+$/ && b[2] > 0) ? sprintf("%d", lines / b[2]) : b[2]
		printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", w, n, k, a[1], a[2], rmb, lw, lc, smb
	}'
done < "$TSV"
