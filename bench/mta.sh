#!/usr/bin/env bash
# bench/mta.sh - phishwatch against lognormalizer (the same rules) and
# SEC on Postfix and Exim corpora: the real recordings of tests/mta/
# (postfix-more/short.3164.log, exim-more/syslog-3164.log, the second
# with Exim's syslog_duplication) repeated to BENCH_LINES lines by
# bench/mta-corpus.awk, each copy with queue ids and pids of its own and
# its time stamps moved on (12 lines a second of log time), with ordinary
# messages (many senders; delivered, deferred, bounced, refused) before
# each recorded one.  Two mixes, as for sendmail: "standard", 40
# ordinary messages before each recorded one, as a mail server's log is
# mostly; "burst", one, so that some 40% of the messages are the
# campaigns' (the recording's messages are nearly all campaigns').
#
#   bench/mta.sh                          # run by make bench
#   BENCH_LINES=200000 BENCH_RUNS=1 bench/mta.sh
#   BENCH_MTA_MIXES=burst bench/mta.sh    # one mix
#
# What runs, each on the same corpus file given as standard input,
# interleaved round after round; GNU time's wall and CPU seconds, the
# median of BENCH_RUNS (3) rounds:
#   phishwatch     $PW -r rulebase/sendmail.rb -s STATE --default-brands
#                  data/brands (postfix.rb and exim.rb beside sendmail.rb;
#                  a fresh STATE each run)
#   lognormalizer  lognormalizer -r rulebase/MTA-syslog.rb -e json
#   sec            sec --conf=bench/firstseen-mta.sec --input=- --notail
# Peak RSS is phishwatch's (GNU time's maximum resident set size).
# The report (markdown) goes to standard output; the work to
# $BENCH_OUT/mta/ (bench/out/mta).
set -u

TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
PW=${PW:-$TOP/phishwatch}
LINES=${BENCH_LINES:-1000000}
RUNS=${BENCH_RUNS:-3}
OUT=${BENCH_OUT:-$TOP/bench/out}/mta
MIXES=${BENCH_MTA_MIXES:-standard burst}
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
echo "Corpus: $LINES lines per MTA and mix, a real recording repeated (bench/mta-corpus.awk)."
echo "Command: \`BENCH_LINES=$LINES BENCH_RUNS=$RUNS BENCH_MTA_MIXES=\"$MIXES\" bench/mta.sh\` (make bench runs it)."
echo "Each figure is the median of $RUNS run(s); ratios are phishwatch over the peer."

# ham_of MIX - ordinary messages before each recorded one
ham_of() { case $1 in standard) echo 40 ;; burst) echo 1 ;;
	*) die "unknown mix $1 (standard, burst)" ;; esac; }

# run_round MTA MIX CORPUS - one run of each tool, times to MTA-MIX.tsv
run_round() {
	local w=$OUT/$1-$2
	rm -f "$OUT/state.db" "$OUT/state.db-wal" "$OUT/state.db-shm"
	"$TIME" -f "phishwatch %e %U %S %M" -a -o "$w.tsv" \
		"$PW" -r "$TOP/rulebase/sendmail.rb" -s "$OUT/state.db" \
		--default-brands "$TOP/data/brands" \
		< "$3" > "$w.phishwatch.out" 2> "$w.phishwatch.err" ||
		die "phishwatch failed on $3: see $w.phishwatch.err"
	"$TIME" -f "lognormalizer %e %U %S %M" -a -o "$w.tsv" \
		lognormalizer -r "$TOP/rulebase/$1-syslog.rb" -e json \
		< "$3" > /dev/null 2> "$w.lognormalizer.err" ||
		die "lognormalizer failed on $3: see $w.lognormalizer.err"
	"$TIME" -f "sec %e %U %S %M" -a -o "$w.tsv" \
		sec --conf="$TOP/bench/firstseen-mta.sec" --input=- --notail \
		--nointevents --log=/dev/null \
		< "$3" > "$w.sec.out" 2> "$w.sec.err" ||
		die "sec failed on $3: see $w.sec.err"
}

# report_rows MTA MIX - the table's rows of one MTA and mix
report_rows() {
	local w=$OUT/$1-$2 tool wall cpu rss seen pw_wall pw_cpu
	for tool in phishwatch lognormalizer sec; do
		grep "^$tool " "$w.tsv" | awk '{ print $2, $3 + $4, $5 }' > "$w.$tool.t"
		printf '%s %s %s %s\n' "$tool" "$(median "$w.$tool.t" 1)" \
			"$(median "$w.$tool.t" 2)" "$(median "$w.$tool.t" 3)"
	done > "$w.med"
	read -r _ pw_wall pw_cpu _ < <(grep '^phishwatch ' "$w.med")
	while read -r tool wall cpu rss; do
		case $tool in
		phishwatch) seen=$(jq -r 'select(.event.action == "phished-domain-first-seen") | .phishwatch.phished_domain' \
				"$w.phishwatch.out" | sort | tr '\n' ' ') ;;
		sec) seen=$(sort "$w.sec.out" | tr '\n' ' ') ;;
		*) seen="-" ;;
		esac
		awk -v m="$1 $2" -v t="$tool" -v n="$LINES" -v w="$wall" \
		    -v c="$cpu" -v k="$rss" -v pw="$pw_wall" -v pc="$pw_cpu" \
		    -v s="$seen" 'BEGIN {
			r = t == "phishwatch" ? "-" : sprintf("%.2fx", w / pw)
			q = t == "phishwatch" ? "-" : sprintf("%.2fx", c / pc)
			printf "| %s | %s | %d | %.2f | %.2f | %.1f | %s | %s | %s |\n",
				m, t, n / w, w, c, k / 1024, r, q, s }'
	done < "$w.med"
}

for mix in $MIXES; do
	ham=$(ham_of "$mix")
	echo
	echo "| MTA, mix | tool | lines/s | wall s | CPU s | peak RSS MB | speed-up (lines/s) | CPU ratio (peer/pw) | first-seen |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
	for mta in postfix exim; do
		case $mta in
		postfix) rec=$TOP/tests/mta/postfix-more/short.3164.log ;;
		exim) rec=$TOP/tests/mta/exim-more/syslog-3164.log ;;
		esac
		corpus=$OUT/$mta-$mix-$LINES.log
		[ -s "$corpus" ] && [ "$corpus" -nt "$rec" ] &&
			[ "$corpus" -nt "$TOP/bench/mta-corpus.awk" ] ||
			awk -v n="$LINES" -v mta=$mta -v ham="$ham" \
				-f "$TOP/bench/mta-corpus.awk" "$rec" > "$corpus" ||
			die "cannot write $corpus"
		cat "$corpus" > /dev/null
		: > "$OUT/$mta-$mix.tsv"
		for round in $(seq 1 "$RUNS"); do
			run_round $mta "$mix" "$corpus"
		done
		report_rows $mta "$mix"
	done
done
echo
echo "phishwatch's exit counters (last run):"
echo
for mix in $MIXES; do
	for mta in postfix exim; do
		echo "- $mta, $mix: \`$(sed -n 's/.*: exit: //p' "$OUT/$mta-$mix.phishwatch.err" | tail -n 1)\`"
	done
done
rm -f "$OUT/state.db" "$OUT/state.db-wal" "$OUT/state.db-shm"
