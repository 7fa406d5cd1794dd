#!/usr/bin/env bash
# summary-lock.t - campaign-summary events take the store lock first,
# like every other path: with the store locked by another process for
# several tries, the summary is written once, after the lock is gone.
. "$(dirname "$0")/../lib.sh"

# usr1_retries - the retries counter of the last SIGUSR1 counters line
usr1_retries() {
	sed -n 's/.*: counters:.* retries=\([0-9]*\).*/\1/p' "$TMP/err" | tail -n 1
}

# catches_usr1 PID - the process has its SIGUSR1 handler in place
catches_usr1() {
	_mask=$(sed -n 's/^SigCgt:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null)
	[ -n "$_mask" ] && [ $(( 0x$_mask & 0x200 )) -ne 0 ]
}

# retried_at_least N - ask for the counters (SIGUSR1) until retries >= N;
# a signal ends the idle wait, and summaries are tried when the input is
# idle for a second: ask every two seconds only (up to three minutes: a
# loaded machine stretches each idle second; the pause paces the
# questions, the count of retries decides)
retried_at_least() {
	for _i in $(seq 1 90); do
		sleep 2
		kill -USR1 "$PW_PID" || return 1
		wait_for '[ -n "$(usr1_retries)" ]' 60 || return 1
		[ "$(usr1_retries)" -ge "$1" ] && return 0
	done
	return 1
}

# summaries FILE - campaign-summary events in FILE
summaries() { grep -c '"action":"campaign-summary"' "$1" 2>/dev/null || true; }

# A campaign from long ago, stored by a first run: it is quiet now.
from_line qs1 '<a@emalsrv.fedex.com>' >"$TMP/log"
pw -r "$RULEBASE" -s "$TMP/state.db" -o /dev/null "$TMP/log" 2>/dev/null
is "$?" 0 "the campaign is stored"

# Another process holds the write lock (a sqlite3 shell, fed by a FIFO).
mkfifo "$TMP/sql" "$TMP/lines"
sqlite3 "$TMP/state.db" <"$TMP/sql" >"$TMP/sql.out" 2>&1 &
SQLITE_PID=$!
track_pid "$SQLITE_PID"
exec 8>"$TMP/sql"
printf "BEGIN EXCLUSIVE;\nSELECT 'locked';\n" >&8
wait_for "grep -q locked '$TMP/sql.out'" 60
ok $? "another process holds the store's write lock"

# Idle input: every idle second is a summary try, refused while locked.
"$PW" -r "$RULEBASE" -s "$TMP/state.db" --summary-interval 3600 \
	-o "$TMP/events" <"$TMP/lines" 2>"$TMP/err" 8>&- &
PW_PID=$!
track_pid "$PW_PID"
exec 9>"$TMP/lines"
wait_for 'catches_usr1 "$PW_PID"' 60
ok $? "phishwatch is up (it catches SIGUSR1)"
retried_at_least 4
ok $? "four summary tries refused while the store is locked"
is "$(summaries "$TMP/events")" 0 "no summary written while the store is locked"

printf 'COMMIT;\n' >&8
exec 8>&-
wait "$SQLITE_PID"
wait_for '[ "$(summaries "$TMP/events")" -ge 1 ]' 60
ok $? "the summary is written once the lock is gone"
# one more idle try after it: the campaign is marked summarized
wait_for '[ "$(sqlite3 "$TMP/state.db" "SELECT summarized_at IS NOT NULL FROM campaigns" 2>/dev/null)" = 1 ]' 60
ok $? "the campaign is marked summarized"
exec 9>&-
wait "$PW_PID"
is "$?" 0 "exit 0 at the end of input"
is "$(summaries "$TMP/events")" 1 "exactly one summary event"
is "$(jq -r 'select(.event.action == "campaign-summary") | .phishwatch.campaign.messages' "$TMP/events")" 1 \
	"the summary carries the campaign's counts"

# Run again: the campaign was summarized, no second summary.
pw -r "$RULEBASE" -s "$TMP/state.db" --summary-interval 3600 \
	-o "$TMP/events2" </dev/null 2>/dev/null
is "$?" 0 "a second run: exit 0"
is "$(summaries "$TMP/events2")" 0 "a second run: no summary repeated"
done_testing
