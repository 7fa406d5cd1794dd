#!/usr/bin/env bash
# A stream filter: each event comes as soon as its line does, not at EOF;
# -o FILE appends; SIGUSR1 prints the counters; SIGTERM exits cleanly.
. "$(dirname "$0")/../lib.sh"

mkfifo "$TMP/fifo"
"$PW" -r "$RULEBASE" < "$TMP/fifo" > "$TMP/out" 2> "$TMP/err" &
pid=$!
track_pid $pid
exec 7> "$TMP/fifo"
from_line r63IA8dJ000001 '<a@emalsrv.marriott.com>' >&7
wait_for '[ "$(events "$TMP/out")" = 1 ]' 30
is "$(events "$TMP/out")" 1 "event out within seconds while the input stays open"
kill -USR1 $pid
wait_for 'grep -q "counters:.*events=1" "$TMP/err"' 30
like "$(cat "$TMP/err")" 'counters: lines=1 .*events=1' "SIGUSR1 prints the counters"
kill -TERM $pid
wait $pid
is "$?" 0 "SIGTERM: clean exit 0"
exec 7>&-

from_line r63IA8dJ000002 '<a@emalsrv.ups.com>' > "$TMP/l1"
from_line r63IA8dJ000003 '<a@emalsrv.dhl.com>' > "$TMP/l2"
pw -r "$RULEBASE" -o "$TMP/events" "$TMP/l1" > "$TMP/stdout" 2>/dev/null
pw -r "$RULEBASE" -o "$TMP/events" "$TMP/l2" > "$TMP/stdout" 2>/dev/null
is "$(events "$TMP/events")" 2 "-o FILE appends"
is "$(wc -c < "$TMP/stdout" | tr -d ' ')" 0 "nothing on stdout with -o FILE"
pw -r "$RULEBASE" "$TMP/l1" - "$TMP/l2" < /dev/null > "$TMP/multi" 2>/dev/null
is "$(events "$TMP/multi")" 2 "several inputs, - for stdin"
done_testing
