#!/usr/bin/env bash
# memlimit.t - under an address-space limit (ulimit -v, as a tight
# systemd MemoryLimit or LimitAS= may set) phishwatch runs, or fails with
# exit 71 and "out of memory"; it never dies of a signal.  liblognorm and
# libfastjson crash, rather than fail, when an allocation fails while a
# rulebase loads, so phishwatch must not start a load without room for
# it.  A scan of limits, at the start and on SIGHUP, whose new set loads
# on a thread beside the old one.  (Not run under ASan, which reserves
# terabytes of address space at start: see the Makefile.)
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

from_line QM00001 '<a@emalsrv.marriott.com>' >"$TMP/log"
LIMITS=$(seq 12 48)	# MiB, each: from no start at all to a comfortable run (a
			# step of 2 stepped over the window where exim.rb alone
			# ran out)

# judge MB STATUS - an exit status under MB MiB: 0, or 71 saying so
judge() {
	if [ "$2" -ge 128 ]; then
		_bad="$_bad $1M:killed($2)"
	elif [ "$2" -eq 71 ]; then
		_refused=$((_refused + 1))
		grep -q 'out of memory\|Cannot allocate memory' "$TMP/err" ||
			_bad="$_bad $1M:71-without-reason"
	elif [ "$2" -eq 0 ]; then
		_ran=$((_ran + 1))
	else
		_bad="$_bad $1M:exit($2)"
	fi
}

# --- at the start: a whole run over one campaign line ---
_bad="" _ran=0 _refused=0
for mb in $LIMITS; do
	rm -f "$TMP"/s.db*
	# the shell's redirections first, then the limit
	( ulimit -v $((mb * 1024)) && exec "$PW" -r "$RULEBASE" \
		-s "$TMP/s.db" "$TMP/log" ) >"$TMP/out" 2>"$TMP/err"
	judge "$mb" $?
done
is "$_bad" "" "start: under every limit, a run or exit 71 with the reason"
ok "$([ "$_ran" -gt 0 ] && [ "$_refused" -gt 0 ]; echo $?)" \
	"start: the scan reaches both (ran $_ran, refused $_refused)"

# --- on SIGHUP: running on a FIFO the test holds open, a reload ---
# reloaded PID - the reload said how it ended, or the process is gone
reloaded() {
	grep -q 'info: reloaded\|reload failed' "$TMP/err" ||
		! kill -0 "$1" 2>/dev/null
}
_bad="" _ran=0 _refused=0 _swapped=0
for mb in $LIMITS; do
	rm -f "$TMP"/h.db* "$TMP/in"
	# emptied here, not by the child's redirections: the child may not
	# have run them yet when the wait below reads the last limit's event
	# and signals a shell that has not become phishwatch
	: >"$TMP/out"; : >"$TMP/err"
	mkfifo "$TMP/in"
	exec 7<>"$TMP/in"	# read-write: never waits for the other end
	( ulimit -v $((mb * 1024)) && exec "$PW" -r "$RULEBASE" \
		-s "$TMP/h.db" "$TMP/in" ) >"$TMP/out" 2>"$TMP/err" &
	pid=$!
	track_pid "$pid"
	cat "$TMP/log" >&7
	if wait_for '[ "$(events "$TMP/out")" -ge 1 ] || ! kill -0 $pid 2>/dev/null' 60 &&
		kill -HUP "$pid" 2>/dev/null; then
		wait_for "reloaded $pid" 60
		grep -q 'info: reloaded' "$TMP/err" && _swapped=$((_swapped + 1))
		kill -TERM "$pid" 2>/dev/null
	fi
	exec 7>&-
	wait "$pid"
	judge "$mb" $?
done
is "$_bad" "" "SIGHUP: under every limit, the run goes on or ends with exit 71"
ok "$([ "$_swapped" -gt 0 ] && [ "$_swapped" -lt "$_ran" ]; echo $?)" \
	"SIGHUP: some limits allow the second set, some do not ($_swapped of $_ran reloaded)"
done_testing
