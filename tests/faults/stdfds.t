#!/usr/bin/env bash
# stdfds.t - phishwatch started with standard input, output or error
# closed (a careless init script, "cmd >&-", a daemon wrapper): the first
# file it opens must not take the free number 0, 1 or 2.  Else events
# meant for standard output land in the store's lock file, or the exit
# line in it.  A closed standard output is an error at the first event
# (exit 74), a closed standard input one at the first read; nothing is
# written into a file that phishwatch opened for something else.
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

from_line QA00001 '<a@emalsrv.dhl.com>' >"$TMP/log"
from_line QA00002 '<b@emalsrv.fedex.com>' >>"$TMP/log"

# no_json_in_store NAME - the store and its lock file hold no event, no
# diagnostic, and the store is whole
no_json_in_store() {
	is "$(cat "$TMP/s.db-lock" 2>/dev/null | wc -c | tr -d ' ')" 0 \
		"$1: nothing written into the store's lock file"
	is "$(sqlite3 "$TMP/s.db" 'PRAGMA integrity_check')" ok \
		"$1: the store is intact"
}

# --- standard output closed ---
rm -f "$TMP"/s.db*
pw -r "$RULEBASE" -s "$TMP/s.db" "$TMP/log" >&- 2>"$TMP/err"
is "$?" 74 "stdout closed: exit 74"
like "$(cat "$TMP/err")" "error: cannot write event: Bad file descriptor" \
	"stdout closed: says the event cannot be written"
no_json_in_store "stdout closed"
is "$(sqlite3 "$TMP/s.db" 'SELECT count(*) FROM campaigns')" 0 \
	"stdout closed: no campaign stored whose event is not out"

# the same run with standard output open: both events, so the one above
# had something to lose
rm -f "$TMP"/s.db*
pw -r "$RULEBASE" -s "$TMP/s.db" "$TMP/log" >"$TMP/out" 2>"$TMP/err"
is "$?" 0 "stdout open: exit 0"
is "$(events "$TMP/out")" 2 "stdout open: two events"

# --- standard output open for reading only: not made writable ---
rm -f "$TMP"/s.db*
pw -r "$RULEBASE" -s "$TMP/s.db" "$TMP/log" 1<"$TMP/log" 2>"$TMP/err"
is "$?" 74 "stdout read-only: exit 74"
is "$(events "$TMP/log")" 0 "stdout read-only: nothing written to it"

# --- standard error closed: the events still come out, and the exit
# line goes nowhere rather than into the lock file ---
rm -f "$TMP"/s.db*
pw -r "$RULEBASE" -s "$TMP/s.db" "$TMP/log" 2>&- >"$TMP/out"
is "$?" 0 "stderr closed: exit 0"
is "$(events "$TMP/out")" 2 "stderr closed: both events"
no_json_in_store "stderr closed"

# --- standard input closed ---
rm -f "$TMP"/s.db*
pw -r "$RULEBASE" -s "$TMP/s.db" <&- >"$TMP/out" 2>"$TMP/err"
is "$?" 74 "stdin closed: exit 74"
like "$(cat "$TMP/err")" "error: standard input: read error: Bad file descriptor" \
	"stdin closed: says standard input cannot be read"
no_json_in_store "stdin closed"

# --- --omprog, standard output (the replies) closed: no OK anywhere,
# and the event is not written for a line that cannot be confirmed ---
rm -f "$TMP"/s.db*
pw -r "$RULEBASE" -s "$TMP/s.db" --omprog -o "$TMP/ev.json" \
	<"$TMP/log" >&- 2>"$TMP/err"
is "$?" 74 "--omprog, stdout closed: exit 74"
like "$(cat "$TMP/err")" "cannot write omprog reply: Bad file descriptor" \
	"--omprog, stdout closed: says the reply cannot be written"
is "$(events "$TMP/ev.json")" 0 "--omprog, stdout closed: no event"
no_json_in_store "--omprog, stdout closed"

done_testing
