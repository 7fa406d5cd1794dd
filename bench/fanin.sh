#!/usr/bin/env bash
# bench/fanin.sh - how many sendmail lines a second one aggregator with
# phishwatch takes: lines handed to forwarding rsyslogd (the shipped
# fanin-forwarder.conf), sent over RELP to an aggregating rsyslogd
# (fanin-aggregator.conf, phishwatch.conf, route-file.conf), read and
# confirmed there by the real phishwatch --omprog on the real rulebase.
#
#   PW=$PWD/phishwatch TOP=$PWD bench/fanin.sh [LINES [ROUNDS [FORWARDERS]]]
#
# LINES (100000) sendmail lines of a bench/gen-corpus.py corpus (other
# programs' lines left out: every line sent reaches phishwatch), split
# evenly over FORWARDERS (1) forwarders, each slice ending with a line
# that starts a campaign of its own.  The clock runs from the first line
# written to a forwarder's TCP input until the events of all those last
# lines are in events.json; each forwarder's lines stay in order and
# phishwatch reads in order, and its own counters (SIGUSR1) then confirm
# that it has read every line.  All rsyslogd are private
# (tests/integration/rsyslog-lib.sh: own configs, work directories,
# loopback ports, stopped by pid), so the figure is for this machine with
# everything on it: sender, forwarders, aggregator and phishwatch share
# its CPUs.  One line per round and the median on standard output.
#
# The forwarders hold the whole burst in memory, with one main queue
# worker: an MTA never logs 100000 lines at once, and a burst that spills
# to disk or is taken by two workers reaches the aggregator out of order.
set -u
: "${TOP:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${PW:=$TOP/phishwatch}"
LINES=${1:-100000}
ROUNDS=${2:-3}
FORWARDERS=${3:-1}

. "$TOP/tests/lib.sh"
. "$TOP/tests/integration/rsyslog-lib.sh"

say() { echo "fanin: $*" >&2; }
now() { date +%s.%N; }

# the_line TAG N - the from= line of campaign fanin-bench-TAG-N
the_line() {
	printf '<22>Dec 31 23:59:59 mx%d sm-mta[99999]: zz%s%010d: from=<x@emalsrv.fanin-bench-%s-%d.example>, size=1, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=relay.example.net [192.0.2.9]\n' \
		"$2" "$1" "$2" "$1" "$2"
}

# The corpus: the sendmail lines among a generated log, a PRI in front,
# cut in FORWARDERS slices $TMP/slice.N, each with its last line.
python3 "$TOP/bench/gen-corpus.py" --lines $((LINES * 5 / 4 + 1000)) \
	--noise 0 2>/dev/null |
	grep -E '^.{15} [^ ]+ (sm-mta|sendmail|sm-msp-queue)\[' |
	head -n "$LINES" | sed 's/^/<22>/' >"$TMP/corpus" || exit 1
[ "$(wc -l <"$TMP/corpus")" -eq "$LINES" ] || { say "corpus too short"; exit 1; }
split -n "l/$FORWARDERS" -d -a 3 "$TMP/corpus" "$TMP/slice." || exit 1
for f in $(seq 1 "$FORWARDERS"); do
	slice=$TMP/slice.$(printf '%03d' $((f - 1)))
	the_line end "$f" >>"$slice"
	mv "$slice" "$TMP/slice.$f"
done

# events_of TAG - how many fanin-bench-TAG-* campaigns have their event
events_of() {
	grep -o "fanin-bench-$1-[0-9]*" "$RS_DIR/log/events.json" 2>/dev/null |
		sort -u | wc -l
}

# phishwatch_lines - lines the aggregator's phishwatch says it has read
phishwatch_lines() {
	# shellcheck disable=SC2013 # the file is one line of pids
	for _p in $(cat /proc/"$RS_PID"/task/*/children 2>/dev/null); do
		[ "$(cat /proc/"$_p"/comm 2>/dev/null)" = phishwatch ] || continue
		kill -USR1 "$_p"
	done
	sleep 0.3
	sed -n 's/^[0-9TZ:.-]* *phishwatch: info: counters:.* lines=\([0-9]*\).*/\1/p' \
		"$RS_DIR/log/phishwatch.err" | tail -n 1
}

# round N - prints "seconds lines/s" or fails
round() {
	RS_FANIN_PORT=$(rs_free_port)
	rs_setup "agg$1"
	rs_install phishwatch.conf route-file.conf &&
		rs_install_top fanin-aggregator.conf && rs_start || return 1
	wait_for "rs_listening $RS_FANIN_PORT" "$RS_WAIT" || return 1
	rs_save agg
	for f in $(seq 1 "$FORWARDERS"); do
		rs_setup "mx$1-$f"
		rs_install_top fanin-forwarder.conf || return 1
		rs_conf_add 'main_queue(queue.workerThreads="1" queue.size="200000")'
		sed -i -e 's/queue\.size="[0-9]*"/queue.size="200000"/' \
			-e 's/queue\.highWatermark="[0-9]*"/queue.highWatermark="190000"/' \
			"$RS_DIR/conf/fanin-forwarder.conf"
		rs_start || return 1
		rs_save "mx$f"
		# warm-up: the RELP session open, phishwatch started
		rs_send "$(the_line warm "$f")"
	done
	rs_use agg
	wait_for "[ \$(events_of warm) -eq $FORWARDERS ]" 30 || return 1
	t0=$(now)
	senders=""
	for f in $(seq 1 "$FORWARDERS"); do
		rs_use "mx$f"
		rs_send_file "$TMP/slice.$f" &
		senders="$senders $!"
	done
	rs_use agg
	wait_for "[ \$(events_of end) -eq $FORWARDERS ]" 600 || return 1
	t1=$(now)
	# shellcheck disable=SC2086 # one pid a word
	wait $senders
	read_lines=$(phishwatch_lines)
	rs_stop
	for f in $(seq 1 "$FORWARDERS"); do rs_use "mx$f"; rs_stop; done
	if [ "${read_lines:-0}" -ne $((LINES + 2 * FORWARDERS)) ]; then
		say "round $1: phishwatch had read ${read_lines:-?} lines, not $((LINES + 2 * FORWARDERS))"
		return 1
	fi
	awk -v a="$t0" -v b="$t1" -v n="$((LINES + FORWARDERS))" \
		'BEGIN { printf "%.2f %d\n", b - a, n / (b - a) }'
}

# one_round N - round N; on failure what the rsyslogd at fault said
one_round() { round "$1" || { rs_diag >&2; return 1; }; }

: >"$TMP/rounds"
for r in $(seq 1 "$ROUNDS"); do
	if res=$(one_round "$r"); then
		echo "round $r: $((LINES + FORWARDERS)) lines in ${res% *} s: ${res#* } lines/s"
		echo "$res" >>"$TMP/rounds"
	else
		say "round $r failed"
	fi
done
[ -s "$TMP/rounds" ] || exit 1
sort -n -k2 "$TMP/rounds" | awk -v f="$FORWARDERS" '{ v[NR] = $2 } END {
	printf "median: %d lines/s (%d round(s), %d forwarder(s) -> RELP -> %s)\n",
	    v[int((NR + 1) / 2)], NR, f, "aggregator -> phishwatch --omprog" }'
