#!/usr/bin/env bash
# bench/omprog.sh - phishwatch as a stream: on standard input, and under a
# real rsyslogd through omprog (confirmMessages="on"); run by bench/run.sh.
#
# The rsyslogd is private (tests/integration/rsyslog-lib.sh: its own
# config, work directory and loopback imtcp port, no /dev/log), runs the
# shipped rsyslog/phishwatch.conf with its paths rewritten, and is started
# and stopped by pid.  Events come back into it on the drop-in's own
# imuxsock socket; a route added here writes each one with rsyslog's
# timegenerated stamp.  bench/stream.py feeds the lines and measures:
#   - messages/s end to end, lines sent as fast as they go (the sendmail
#     lines of the first BENCH_STREAM_LINES corpus lines);
#   - line-to-event latency, lines paced at BENCH_LAT_RATE a second with
#     a new campaign's from= line (a probe) every BENCH_LAT_EVERY lines;
#   - the same throughput with bench/okchild in phishwatch's place, a
#     child that only answers OK: what rsyslog's omprog handshake allows
#     on this machine, whatever the child does.
# Results: key<TAB>value lines in $BENCH_OUT/omprog.tsv.
#
# Environment: PW, TOP, BENCH_OUT, CORPUS (set by run.sh);
# BENCH_STREAM_LINES (300000), BENCH_LAT_LINES (40000),
# BENCH_LAT_RATE (2000), BENCH_LAT_EVERY (20).
set -u
: "${TOP:?}" "${PW:?}" "${BENCH_OUT:?}" "${CORPUS:?}"
STREAM_LINES=${BENCH_STREAM_LINES:-300000}
LAT_LINES=${BENCH_LAT_LINES:-40000}
LAT_RATE=${BENCH_LAT_RATE:-2000}
LAT_EVERY=${BENCH_LAT_EVERY:-20}
RESULTS=$BENCH_OUT/omprog.tsv
STREAM=$TOP/bench/stream.py

# The test helpers: a private TMP removed at exit, with every process
# started through track_pid stopped by pid; a private rsyslogd.
. "$TOP/tests/lib.sh"
. "$TOP/tests/integration/rsyslog-lib.sh"

say() { echo "bench: omprog: $*" >&2; }
: > "$RESULTS"
ROUNDS=${BENCH_RUNS:-3}
ROUND_FILES=""

# rs_bench NAME - a private rsyslogd with phishwatch.conf and a route that
# writes "timegenerated phished_domain" for each event to $EVENTS
rs_bench() {
	rs_setup "$1" || return 1
	EVENTS=$RS_DIR/log/bench-events.log
	rs_conf_add "template(name=\"bench_event\" type=\"string\"
	 string=\"%timegenerated:::date-rfc3339% %\$!phishwatch!phished_domain%\\n\")"
	rs_install phishwatch.conf || return 1
	printf '%s\n' "action(type=\"omfile\" file=\"$EVENTS\" template=\"bench_event\")" \
		> "$RS_ROUTES/bench-events.conf"
	rs_start
}

# rs_bench_done NAME - stop it, keep its diagnostics in $BENCH_OUT
rs_bench_done() {
	rs_stop
	for f in rsyslogd.log rsyslogd.out log/phishwatch.err log/bench-events.log; do
		[ -f "$RS_DIR/$f" ] && cp "$RS_DIR/$f" "$BENCH_OUT/omprog-$1.${f##*/}"
	done
}

# cpu_ticks PID - user + system clock ticks the process has used so far
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# now_ms - the wall clock in milliseconds
now_ms() { date +%s%3N; }

# omprog_child - the pid of the phishwatch that rsyslogd's omprog runs
omprog_child() { ps -o pid= --ppid "$RS_PID" | head -n 1 | tr -d ' '; }

# cpu_shares T0 WALL0 PW0 RS0 PWPID - key<TAB>value lines: the share of
# one CPU that phishwatch and rsyslogd used during the run (is phishwatch
# the bottleneck? not while it idles for much of the time)
cpu_shares() {
	_wall=$(( $(now_ms) - $1 ))
	_hz=$(getconf CLK_TCK)
	[ "$_wall" -gt 0 ] || return 0
	printf 'omprog_pw_cpu_share\t%s\n' "$(awk -v t="$(( $(cpu_ticks "$4") - $2 ))" \
		-v w="$_wall" -v hz="$_hz" 'BEGIN { printf "%.2f", t / hz * 1000 / w }')"
	printf 'omprog_rsyslogd_cpu_share\t%s\n' "$(awk -v t="$(( $(cpu_ticks "$RS_PID") - $3 ))" \
		-v w="$_wall" -v hz="$_hz" 'BEGIN { printf "%.2f", t / hz * 1000 / w }')"
}

# one_round N - the four measurements, key<TAB>value lines on stdout
one_round() {
	say "round $1/$ROUNDS: stdin, as fast as it goes"
	python3 "$STREAM" stdin --pw "$PW" --rulebase "$RULEBASE" \
		--state "$TMP/stdin1-$1.db" --corpus "$CORPUS" --lines "$STREAM_LINES" \
		--stderr "$BENCH_OUT/stream-stdin1.err" || say "stdin throughput run failed"
	say "round $1/$ROUNDS: stdin, $LAT_RATE lines/s, a probe every $LAT_EVERY lines"
	python3 "$STREAM" stdin --pw "$PW" --rulebase "$RULEBASE" \
		--state "$TMP/stdin2-$1.db" --corpus "$CORPUS" --lines "$LAT_LINES" \
		--rate "$LAT_RATE" --probe-every "$LAT_EVERY" --label stdin_lat \
		--stderr "$BENCH_OUT/stream-stdin2.err" \
		--samples "$BENCH_OUT/latency-stdin.$1.tsv" || say "stdin latency run failed"
	command -v rsyslogd > /dev/null || { say "no rsyslogd: omprog skipped"; return 0; }
	say "round $1/$ROUNDS: rsyslogd omprog, as fast as it goes"
	if rs_bench "omprog1-$1"; then
		# omprog starts phishwatch with the first line: all its CPU
		# time is the run's (less a start-up of milliseconds)
		t0=$(now_ms) rs0=$(cpu_ticks "$RS_PID")
		python3 "$STREAM" tcp --port "$RS_PORT" --events "$EVENTS" \
			--corpus "$CORPUS" --lines "$STREAM_LINES" --label omprog \
			|| say "omprog throughput run failed"
		pw_pid=$(omprog_child)
		[ -n "$pw_pid" ] && cpu_shares "$t0" 0 "$rs0" "$pw_pid"
		rs_bench_done omprog1
	else
		say "private rsyslogd did not start"; rs_diag >&2
	fi
	say "round $1/$ROUNDS: rsyslogd omprog with bench/okchild (the handshake alone)"
	saved_binary=$RS_BINARY
	RS_BINARY=$OKCHILD
	if [ -x "$OKCHILD" ] && rs_bench "okchild-$1"; then
		python3 "$STREAM" tcp --port "$RS_PORT" --events "$EVENTS" \
			--corpus "$CORPUS" --lines "$STREAM_LINES" --label okchild \
			|| say "okchild throughput run failed"
		rs_bench_done okchild
	else
		say "okchild run skipped"
	fi
	RS_BINARY=$saved_binary
	say "round $1/$ROUNDS: rsyslogd omprog, $LAT_RATE lines/s, a probe every $LAT_EVERY lines"
	if rs_bench "omprog2-$1"; then
		python3 "$STREAM" tcp --port "$RS_PORT" --events "$EVENTS" \
			--corpus "$CORPUS" --lines "$LAT_LINES" --rate "$LAT_RATE" \
			--probe-every "$LAT_EVERY" --label omprog_lat \
			--samples "$BENCH_OUT/latency-omprog.$1.tsv" \
			|| say "omprog latency run failed"
		rs_bench_done omprog2
	else
		say "private rsyslogd did not start"; rs_diag >&2
	fi
}

# The ceiling: rsyslog's omprog handshake with a child that only says OK.
OKCHILD=$BENCH_OUT/okchild
cc -std=c11 -O2 -D_GNU_SOURCE -o "$OKCHILD" "$TOP/bench/okchild.c" \
	|| say "cannot build bench/okchild.c: no ceiling run"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
	one_round "$round" > "$BENCH_OUT/omprog-round-$round.tsv"
	ROUND_FILES="$ROUND_FILES $BENCH_OUT/omprog-round-$round.tsv"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The median of the rounds, key by key.
# shellcheck disable=SC2086 # one word per file
awk -F'\t' '{ v[$1] = v[$1] " " $2; n[$1]++ }
	END { for (k in v) { c = split(substr(v[k], 2), a, " ");
		for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++)
			if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
		printf "%s\t%s\n", k, a[int((c + 1) / 2)] } }' $ROUND_FILES \
	| sort > "$RESULTS"
printf 'notes\t%s\n' "Medians of $ROUNDS round(s). Throughput: the sendmail lines among the first $STREAM_LINES corpus lines, sent as fast as they go, from the first line to the event of a last one. Latency: the sendmail lines among $LAT_LINES corpus lines, paced at $LAT_RATE lines/s, with a new campaign's from= line every $LAT_EVERY lines; from writing that line to reading its event on stdout (stdin), or to rsyslog receiving the event on the events socket (omprog). Load average before and after: $load_before / $load_after (2 shared CPUs)." >> "$RESULTS"
cat "$RESULTS" >&2
