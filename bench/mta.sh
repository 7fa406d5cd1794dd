#!/usr/bin/env bash
# bench/mta.sh - phishwatch against lognormalizer (the same rules) and
# SEC on Postfix and Exim corpora: the real recordings of tests/mta/
# (postfix-more/short.3164.log, exim-more/syslog-3164.log, the second
# with Exim's syslog_duplication) repeated to BENCH_LINES lines by
# bench/mta-corpus.awk, each copy with queue ids and pids of its own,
# and 40 ordinary messages (many senders; delivered, deferred, bounced,
# refused) before each recorded one, as a mail server's log is mostly.
#
#   bench/mta.sh                          # run by make bench
#   BENCH_LINES=200000 BENCH_RUNS=1 bench/mta.sh
#
# What runs, each on the same corpus file given as standard input,
# interleaved round after round; GNU time's wall and CPU seconds, the
# median of BENCH_RUNS (3) rounds:
#   phishwatch     $PW -r rulebase/sendmail.rb -s STATE --default-brands
#                  data/brands (postfix.rb and exim.rb beside sendmail.rb;
#                  a fresh STATE each run)
#   lognormalizer  lognormalizer -r rulebase/MTA-syslog.rb -e json
#   sec            sec --conf=bench/firstseen-mta.sec --input=- --notail
# The report (markdown) goes to standard output; the work to
# $BENCH_OUT/mta/ (bench/out/mta).
set -u

TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
PW=${PW:-$TOP/phishwatch}
LINES=${BENCH_LINES:-1000000}
RUNS=${BENCH_RUNS:-3}
OUT=${BENCH_OUT:-$TOP/bench/out}/mta
TIME=$(type -P time)

die() { echo "bench/mta: $*" >&2; exit 1; }

[ -n "$TIME" ] || die "missing GNU time (make deps-bench)"
for c in lognormalizer sec awk; do
	command -v "$c" > /dev/null || die "missing $c (make deps-bench)"
done
mkdir -p "$OUT" || die "cannot create $OUT"

# median FILE COLUMN - the median of a column of numbers
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c }
	END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Machine: $(nproc) CPU(s); load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Corpus: $LINES lines per MTA, a real recording repeated, 40 ordinary messages before each of its own (bench/mta-corpus.awk)."
echo "Command: \`BENCH_LINES=$LINES BENCH_RUNS=$RUNS bench/mta.sh\` (make bench runs it)."
echo "Each figure is the median of $RUNS run(s); ratios are phishwatch over the peer."
echo
echo "| MTA | tool | lines/s | wall s | CPU s | speed-up (lines/s) | CPU ratio (peer/pw) | first-seen |"
echo "|---|---|---:|---:|---:|---:|---:|---|"
for mta in postfix exim; do
	case $mta in
	postfix) rec=$TOP/tests/mta/postfix-more/short.3164.log ;;
	exim) rec=$TOP/tests/mta/exim-more/syslog-3164.log ;;
	esac
	corpus=$OUT/$mta-$LINES.log
	[ -s "$corpus" ] && [ "$corpus" -nt "$rec" ] &&
		[ "$corpus" -nt "$TOP/bench/mta-corpus.awk" ] ||
		awk -v n="$LINES" -v mta=$mta -f "$TOP/bench/mta-corpus.awk" \
			"$rec" > "$corpus" || die "cannot write $corpus"
	cat "$corpus" > /dev/null
	: > "$OUT/$mta.tsv"
	for round in $(seq 1 "$RUNS"); do
		rm -f "$OUT/state.db" "$OUT/state.db-wal" "$OUT/state.db-shm"
		"$TIME" -f "phishwatch %e %U %S" -a -o "$OUT/$mta.tsv" \
			"$PW" -r "$TOP/rulebase/sendmail.rb" -s "$OUT/state.db" \
			--default-brands "$TOP/data/brands" \
			< "$corpus" > "$OUT/$mta.phishwatch.out" 2> "$OUT/$mta.phishwatch.err"
		"$TIME" -f "lognormalizer %e %U %S" -a -o "$OUT/$mta.tsv" \
			lognormalizer -r "$TOP/rulebase/$mta-syslog.rb" -e json \
			< "$corpus" > /dev/null 2> "$OUT/$mta.lognormalizer.err"
		"$TIME" -f "sec %e %U %S" -a -o "$OUT/$mta.tsv" \
			sec --conf="$TOP/bench/firstseen-mta.sec" --input=- --notail \
			--nointevents --log=/dev/null \
			< "$corpus" > "$OUT/$mta.sec.out" 2> "$OUT/$mta.sec.err"
	done
	for tool in phishwatch lognormalizer sec; do
		grep "^$tool " "$OUT/$mta.tsv" | awk '{ print $2, $3 + $4 }' > "$OUT/$mta.$tool.t"
		wall=$(median "$OUT/$mta.$tool.t" 1)
		cpu=$(median "$OUT/$mta.$tool.t" 2)
		printf '%s %s %s\n' "$tool" "$wall" "$cpu"
	done > "$OUT/$mta.med"
	read -r _ pw_wall pw_cpu < <(grep '^phishwatch ' "$OUT/$mta.med")
	while read -r tool wall cpu; do
		case $tool in
		phishwatch) seen=$(jq -r 'select(.event.action == "phished-domain-first-seen") | .phishwatch.phished_domain' \
				"$OUT/$mta.phishwatch.out" | sort | tr '\n' ' ') ;;
		sec) seen=$(sort "$OUT/$mta.sec.out" | tr '\n' ' ') ;;
		*) seen="-" ;;
		esac
		awk -v m=$mta -v t="$tool" -v n="$LINES" -v w="$wall" -v c="$cpu" \
		    -v pw="$pw_wall" -v pc="$pw_cpu" -v s="$seen" 'BEGIN {
			r = t == "phishwatch" ? "-" : sprintf("%.2fx", w / pw)
			q = t == "phishwatch" ? "-" : sprintf("%.2fx", c / pc)
			printf "| %s | %s | %d | %.2f | %.2f | %s | %s | %s |\n",
				m, t, n / w, w, c, r, q, s }'
	done < "$OUT/$mta.med"
done
echo
echo "phishwatch's exit counters (last run):"
echo
for mta in postfix exim; do
	echo "- $mta: \`$(sed -n 's/.*: exit: //p' "$OUT/$mta.phishwatch.err" | tail -n 1)\`"
done
rm -f "$OUT/state.db" "$OUT/state.db-wal" "$OUT/state.db-shm"
