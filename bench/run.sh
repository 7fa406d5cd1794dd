#!/usr/bin/env bash
# bench/run.sh - phishwatch against its peers on two generated corpus
# mixes, then against the size of its state.
#
# Run by "make bench", or by hand from the source tree:
#
#   make bench                                  # 1M lines, 3 runs each
#   BENCH_LINES=200000 BENCH_RUNS=1 make bench  # a quick look
#   BENCH_MEMORY=1 make bench                   # also peak RSS at 10M lines
#
# The mixes (BENCH_MIXES, "standard burst"), each in $BENCH_OUT/MIX/ with
# its own report, side by side in one run:
#   standard   BENCH_HAM_RATIO ham messages per phishing one (40), most
#              lines never reach the rulebase; the memory and omprog
#              parts run on this mix
#   burst      a campaign burst: BENCH_BURST_HAM_RATIO (2: a third of the
#              messages are phishing), BENCH_BURST_CAMPAIGNS (6) long
#              campaigns that come back, as a 2,000-message run against
#              one brand does
# Then bench/mta.sh (BENCH_MTA=0 skips it) runs phishwatch, lognormalizer
# and SEC on Postfix and Exim corpora (the real recordings of tests/mta/
# repeated; a standard and a burst mix, BENCH_MTA_MIXES picks),
# bench/scale.sh (BENCH_SCALE=0 skips it) measures lines/s and peak
# RSS against access map entries, store campaigns and brands, and
# bench/reload.sh (BENCH_RELOAD=0 skips it) how long a SIGHUP with a map
# of a million entries stops the stream.  The combined report is
# $BENCH_OUT/RESULTS.md.
#
# Environment (all optional):
#   PW, TOP            the binary and the source tree (the Makefile sets them)
#   BENCH_LINES        corpus lines (1000000)
#   BENCH_RUNS         timed runs per tool; the median is reported (3)
#   BENCH_SEED, BENCH_CAMPAIGNS, BENCH_HAM_RATIO, BENCH_HEADER
#                      corpus generator options (1, 12, 40, rfc3164)
#   BENCH_MEMORY=1     peak RSS of phishwatch at 1M and 10M lines (the 10M
#                      corpus is streamed from the generator, ~1 min);
#                      BENCH_MEMORY_LINES="1000000 10000000" sets the sizes
#   BENCH_OMPROG=0     skip the streaming part (bench/omprog.sh: stdin and
#                      rsyslog omprog throughput, line-to-event latency)
#   BENCH_OUT          work directory (bench/out): corpus, outputs, RESULTS.md
#
# What runs, each on the same corpus file given as standard input:
#   phishwatch     $PW -r rulebase/sendmail.rb -s STATE      (fresh STATE)
#   lognormalizer  lognormalizer -r rulebase/sendmail-syslog.rb -e json > /dev/null
#                  (the same rules behind the syslog header that phishwatch
#                  splits off itself)
#   sec            sec --conf=bench/firstseen.sec --input=- --notail
#   seed-regex     perl bench/seed-regex.pl
# Runs are interleaved (tool after tool, round after round) so that the
# noise of a shared machine falls on all of them alike.  GNU time
# gives wall and CPU seconds and peak RSS.  phishwatch's events are
# checked against the generator's ground truth: it must find exactly the
# planted campaigns, and the counts in its store must be the planted
# ones.  The report goes to $BENCH_OUT/RESULTS.md (bench/RESULTS.md is a
# published run, with profile notes added by hand).
set -u

TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
PW=${PW:-$TOP/phishwatch}

# ---- without BENCH_MIX: every mix, the scaling table, one report ----
if [ -z "${BENCH_MIX:-}" ]; then
	BASE=${BENCH_OUT:-$TOP/bench/out}
	mkdir -p "$BASE" || { echo "bench: cannot create $BASE" >&2; exit 1; }
	status=0
	for mix in ${BENCH_MIXES:-standard burst}; do
		BENCH_MIX=$mix BENCH_OUT=$BASE/$mix TOP=$TOP PW=$PW "$0" \
			> /dev/null || status=1
	done
	{
		for mix in ${BENCH_MIXES:-standard burst}; do
			echo "# Mix: $mix"
			echo
			sed 's/^# /## /; s/^## Targets/### Targets/;
			     s/^## Reproduce/### Reproduce/' "$BASE/$mix/RESULTS.md" \
				2> /dev/null || echo "(no report: see the errors above)"
			echo
		done
		if [ "${BENCH_MTA:-1}" = 1 ]; then
			echo "# Postfix and Exim"
			echo
			PW=$PW TOP=$TOP BENCH_OUT=$BASE "$TOP/bench/mta.sh" ||
				status=1
			echo
		fi
		# the burst corpus, or one that scale.sh and reload.sh make
		burst=$(ls "$BASE"/burst/corpus-*.log 2> /dev/null | head -n 1)
		if [ "${BENCH_SCALE:-1}" = 1 ]; then
			echo "# Scaling"
			echo
			CORPUS=$burst PW=$PW TOP=$TOP BENCH_OUT=$BASE \
				"$TOP/bench/scale.sh" || status=1
		fi
		if [ "${BENCH_RELOAD:-1}" = 1 ]; then
			echo
			echo "# Reload"
			echo
			CORPUS=$burst PW=$PW TOP=$TOP BENCH_OUT=$BASE \
				"$TOP/bench/reload.sh" || status=1
		fi
	} > "$BASE/RESULTS.md"
	cat "$BASE/RESULTS.md"
	echo "bench: report: $BASE/RESULTS.md" >&2
	exit $status
fi

LINES=${BENCH_LINES:-1000000}
RUNS=${BENCH_RUNS:-3}
SEED=${BENCH_SEED:-1}
CAMPAIGNS=${BENCH_CAMPAIGNS:-12}
HAM_RATIO=${BENCH_HAM_RATIO:-40}
HEADER=${BENCH_HEADER:-rfc3164}
MEMORY=${BENCH_MEMORY:-0}
MEMORY_LINES=${BENCH_MEMORY_LINES:-1000000 10000000}
OMPROG=${BENCH_OMPROG:-1}
if [ "$BENCH_MIX" = burst ]; then
	CAMPAIGNS=${BENCH_BURST_CAMPAIGNS:-6}
	HAM_RATIO=${BENCH_BURST_HAM_RATIO:-2}
	MEMORY=0	# both run on the standard mix only
	OMPROG=0
fi
OUT=${BENCH_OUT:-$TOP/bench/out}
BENCH=$TOP/bench
RULEBASE=$TOP/rulebase/sendmail.rb
SYSLOG_RULEBASE=$TOP/rulebase/sendmail-syslog.rb
# GNU time (Debian package "time"): the program, not bash's keyword.
TIME=$(type -P time)

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "bench: $*" >&2; }

[ -n "$TIME" ] || die "missing GNU time (make deps-bench)"
for f in "$PW" "$RULEBASE" "$SYSLOG_RULEBASE"; do
	[ -e "$f" ] || die "missing $f"
done
for c in lognormalizer sec perl python3; do
	command -v "$c" > /dev/null || die "missing $c (make deps-bench)"
done
mkdir -p "$OUT" || die "cannot create $OUT"
MEAS=$OUT/measurements.tsv
: > "$MEAS"

# ---- the corpus: generated once per option set, kept in $OUT ----
name="corpus-${LINES}-s${SEED}-c${CAMPAIGNS}-r${HAM_RATIO}-${HEADER}"
CORPUS=$OUT/$name.log
TRUTH=$OUT/$name.truth
# (made again when the generator or its model changed since)
corpus_stale() {
	for f in gen-corpus.py corpusworld.py corpuslines.py; do
		[ "$BENCH/$f" -nt "$CORPUS" ] && return 0
	done
	return 1
}
if [ ! -s "$CORPUS" ] || [ ! -s "$TRUTH" ] || corpus_stale; then
	say "generating $LINES lines (seed $SEED, $CAMPAIGNS campaigns, ham ratio $HAM_RATIO)"
	python3 "$BENCH/gen-corpus.py" --lines "$LINES" --seed "$SEED" \
		--campaigns "$CAMPAIGNS" --ham-ratio "$HAM_RATIO" --header "$HEADER" \
		--truth "$TRUTH.tmp" -o "$CORPUS.tmp" 2> "$OUT/gen.err" \
		|| { cat "$OUT/gen.err" >&2; die "generator failed"; }
	if ! mv "$CORPUS.tmp" "$CORPUS" || ! mv "$TRUTH.tmp" "$TRUTH"; then
		die "cannot write corpus"
	fi
fi
cat "$OUT/gen.err" >&2 2> /dev/null

# ---- the tools ----
STATE=$OUT/state.db
run_phishwatch() { rm -f "$STATE" "$STATE-wal" "$STATE-shm"; \
	"$TIME" -f "%e %U %S %M" -o "$1" "$PW" -r "$RULEBASE" -s "$STATE" \
	< "$CORPUS" > "$OUT/phishwatch.out" 2> "$OUT/phishwatch.err"; }
run_lognormalizer() { "$TIME" -f "%e %U %S %M" -o "$1" \
	lognormalizer -r "$SYSLOG_RULEBASE" -e json < "$CORPUS" > /dev/null 2> "$OUT/lognormalizer.err"; }
run_sec() { "$TIME" -f "%e %U %S %M" -o "$1" \
	sec --conf="$BENCH/firstseen.sec" --input=- --notail --nointevents --log=/dev/null \
	< "$CORPUS" > "$OUT/sec.out" 2> "$OUT/sec.err"; }
run_seed() { "$TIME" -f "%e %U %S %M" -o "$1" \
	perl "$BENCH/seed-regex.pl" < "$CORPUS" > "$OUT/seed-regex.out" 2> "$OUT/seed-regex.err"; }
TOOLS="phishwatch lognormalizer sec seed"

# Warm the page cache so the first tool does not pay for the disk.
cat "$CORPUS" > /dev/null
for round in $(seq 1 "$RUNS"); do
	for tool in $TOOLS; do
		say "round $round/$RUNS: $tool"
		t=$OUT/time.$tool.$round
		"run_$tool" "$t"
		status=$?
		[ $status -eq 0 ] || say "$tool exited $status (see $OUT/$tool.err)"
		# a killed or failed tool still leaves a time line; keep its status
		printf '%s\t%s\t%s\t%s\n' "$tool" "$round" "$status" \
			"$(tail -n 1 "$t" | tr ' ' '\t')" >> "$MEAS"
	done
done

# ---- lognormalizer's view of the corpus: what the rulebase leaves ----
# Untimed: the lines no rule matches, for the report to sort by kind.
lognormalizer -r "$SYSLOG_RULEBASE" -e raw -P < "$CORPUS" > "$OUT/unparsed.log" 2> /dev/null

# ---- memory: peak RSS at 1M and 10M lines, corpus streamed ----
if [ "$MEMORY" = 1 ]; then
	for n in $MEMORY_LINES; do
		say "memory: phishwatch over $n streamed lines"
		MSTATE=$OUT/state-memory.db
		rm -f "$MSTATE" "$MSTATE-wal" "$MSTATE-shm"
		python3 "$BENCH/gen-corpus.py" --lines "$n" --seed "$SEED" \
			--campaigns "$CAMPAIGNS" --ham-ratio "$HAM_RATIO" --header "$HEADER" \
			--truth "$OUT/memory-$n.truth" 2> /dev/null \
		| "$TIME" -f "%e %U %S %M" -o "$OUT/time.memory.$n" \
			"$PW" -r "$RULEBASE" -s "$MSTATE" > "$OUT/memory-$n.out" 2> "$OUT/memory-$n.err"
		printf 'memory-%s\t1\t%s\t%s\n' "$n" "$?" \
			"$(tail -n 1 "$OUT/time.memory.$n" | tr ' ' '\t')" >> "$MEAS"
	done
fi

# ---- omprog: a private rsyslogd feeding phishwatch ----
if [ "$OMPROG" = 1 ]; then
	if [ -x "$BENCH/omprog.sh" ]; then
		PW=$PW TOP=$TOP BENCH_OUT=$OUT CORPUS=$CORPUS BENCH_RUNS=$RUNS "$BENCH/omprog.sh" \
			|| say "omprog part failed (see $OUT/omprog.*)"
	else
		say "omprog part skipped: no bench/omprog.sh"
	fi
fi

# ---- the report ----
python3 "$BENCH/report.py" --out "$OUT" --corpus "$CORPUS" --truth "$TRUTH" \
	--lines "$LINES" --runs "$RUNS" --pw "$PW" \
	--command "BENCH_MIX=$BENCH_MIX BENCH_LINES=$LINES BENCH_RUNS=$RUNS BENCH_SEED=$SEED BENCH_CAMPAIGNS=$CAMPAIGNS BENCH_HAM_RATIO=$HAM_RATIO BENCH_HEADER=$HEADER BENCH_MEMORY=$MEMORY BENCH_OMPROG=$OMPROG make bench" \
	> "$OUT/RESULTS.md" || die "report failed"
cat "$OUT/RESULTS.md"
say "report: $OUT/RESULTS.md"
rm -f "$OUT"/state*.db "$OUT"/state*.db-wal "$OUT"/state*.db-shm
# The exit status says whether phishwatch found exactly the planted campaigns.
grep -q '^Correctness: PASS' "$OUT/RESULTS.md" && ! grep -q '^Store: FAIL' "$OUT/RESULTS.md"
