#!/usr/bin/env bash
# bench/reload.sh - how long a SIGHUP reload stops the stream, with an
# access map of BENCH_RELOAD_ENTRIES entries as text, hash and cdb.
#
#   PW=./phishwatch TOP=. BENCH_OUT=bench/out bench/reload.sh
#
# bench/reloadgap.py runs phishwatch --omprog and plays rsyslog's part
# (one line, its OK, the next line), sends SIGHUP after 3,000 lines and
# goes on until phishwatch says it reloaded, then 3,000 lines more; the
# figure is the longest gap between two OKs from the SIGHUP on (the
# target: under 100 ms), beside the longest gap before it (the machine's
# own noise), the time the new set took and the lines done meanwhile.
# Run by bench/run.sh (BENCH_RELOAD=0 skips it).
#
# Environment (all optional): PW, TOP, BENCH_OUT; CORPUS (the lines;
# default: a burst corpus of 200,000 lines made here);
# BENCH_RELOAD_ENTRIES (1000000); BENCH_RELOAD_KINDS ("text hash cdb");
# BENCH_RUNS (rounds, 1).  The table goes to standard output (markdown).
set -u

TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
PW=${PW:-$TOP/phishwatch}
OUT=${BENCH_OUT:-$TOP/bench/out}/reload
ENTRIES=${BENCH_RELOAD_ENTRIES:-1000000}
KINDS=${BENCH_RELOAD_KINDS:-text hash cdb}
ROUNDS=${BENCH_RUNS:-1}
RULEBASE=$TOP/rulebase/sendmail.rb
DB_LOAD=$(command -v db5.3_load || command -v db_load)

die() { echo "reload: $*" >&2; exit 1; }
say() { echo "reload: $*" >&2; }
. "$TOP/bench/accessmap.sh"

[ -n "$DB_LOAD" ] || die "missing db5.3_load (make deps)"
command -v cdb > /dev/null || die "missing cdb (tinycdb; make deps)"
mkdir -p "$OUT" || die "cannot create $OUT"
if [ -z "${CORPUS:-}" ]; then
	CORPUS=$OUT/burst-200000.log
	[ -s "$CORPUS" ] || python3 "$TOP/bench/gen-corpus.py" --lines 200000 \
		--ham-ratio 2 --campaigns 12 -o "$CORPUS" 2> /dev/null \
		|| die "cannot generate $CORPUS"
fi
map=$OUT/access-$ENTRIES
if [ ! -s "$map" ] || [ ! -s "$map.db" ] || [ ! -s "$map.cdb" ]; then
	say "generating and compiling an access map of $ENTRIES entries"
	gen_access "$ENTRIES" "$map" && compile "$map"
fi

: > "$OUT/reload.tsv"
for round in $(seq "$ROUNDS"); do
	for kind in $KINDS; do
		case $kind in
		text) file=$map ;;
		hash) file=$map.db ;;
		cdb) file=$map.cdb ;;
		*) die "unknown kind $kind" ;;
		esac
		say "round $round: $kind"
		python3 "$TOP/bench/reloadgap.py" --pw "$PW" --rulebase "$RULEBASE" \
			--corpus "$CORPUS" --label "$kind" -- -a "$file" \
			>> "$OUT/reload.tsv" || die "reloadgap.py failed ($kind)"
	done
done

echo "Reload stall (bench/reload.sh; access map of $ENTRIES entries; $ROUNDS round(s);"
echo "load average at the end: $(cut -d ' ' -f 1-3 /proc/loadavg) on $(nproc) CPUs):"
echo
echo "| map | longest gap after SIGHUP ms | longest gap before ms | new set in after s | lines done meanwhile | outcome |"
echo "|---|---:|---:|---:|---:|---|"
awk -F '\t' '{ split($1, k, "_"); kind = k[1]; key = substr($1, length(kind) + 2)
	v[kind, key] = v[kind, key] (v[kind, key] == "" ? "" : " / ") $2
	if (!(kind in seen)) { seen[kind] = 1; order[++n] = kind } }
	END { for (i = 1; i <= n; i++) { m = order[i]
		printf "| %s | %s | %s | %s | %s | %s |\n", m, v[m, "reload_max_ms"],
			v[m, "base_max_ms"], v[m, "reload_s"], v[m, "lines_during"],
			v[m, "outcome"] } }' "$OUT/reload.tsv"
