#!/usr/bin/env bash
# --state: events once; a second run over the same log emits nothing; the
# store survives kill -9; created 0600; an unusable store exits 73.
. "$(dirname "$0")/../lib.sh"

{
	from_line r63IA8dJ000001 '<a@emalsrv.marriott.com>'
	from_line r63IA8dJ000002 '<b@complains.staples.co.uk>'
	from_line r63IA8dJ000003 '<c@emalsrv.marriott.com>'
} > "$TMP/log"
pw -r "$RULEBASE" -s "$TMP/state.db" "$TMP/log" > "$TMP/out1" 2>/dev/null
is "$(events "$TMP/out1")" 2 "first run: one event per campaign"
pw -r "$RULEBASE" -s "$TMP/state.db" "$TMP/log" > "$TMP/out2" 2> "$TMP/err2"
is "$?" 0 "second run: exit 0"
is "$(events "$TMP/out2")" 0 "second run over the same log: nothing"
# nothing, because every line was read and its campaign known: no crash
is "$(counter lines "$TMP/err2") $(counter suspicious "$TMP/err2") $(counter known "$TMP/err2") $(counter events "$TMP/err2")" \
	"3 3 3 0" "second run: the three lines read, suspicious, known; no event"
is "$(stat -c %a "$TMP/state.db")" 600 "store created mode 0600"
is "$(sqlite3 "$TMP/state.db" 'PRAGMA journal_mode')" wal "store in WAL mode"
like "$(sqlite3 "$TMP/state.db" 'PRAGMA user_version')" '^[1-9]' "schema version set"

# kill -9 after the event: the row was committed before the next line.
mkfifo "$TMP/fifo"
"$PW" -r "$RULEBASE" -s "$TMP/k.db" < "$TMP/fifo" > "$TMP/k.out" 2>/dev/null &
pid=$!
track_pid $pid
exec 7> "$TMP/fifo"
from_line r63IA8dJ000009 '<z@emalsrv.ups.com>' >&7
wait_for '[ "$(events "$TMP/k.out")" = 1 ]' 30
is "$(events "$TMP/k.out")" 1 "event written while the input stays open"
# the row is committed just after the event is written: wait for it (a
# kill -9 between the two repeats the event, as documented)
stored_ups() {
	sqlite3 "$TMP/k.db" "SELECT count(*) FROM campaigns WHERE phished_domain = 'ups.com'" 2>/dev/null
}
wait_for '[ "$(stored_ups)" = 1 ]' 30
is "$(stored_ups)" 1 "its campaign committed while the input stays open"
kill -9 $pid
wait $pid 2>/dev/null
exec 7>&-
is "$(sqlite3 "$TMP/k.db" 'PRAGMA integrity_check')" ok "store intact after kill -9"
from_line r63IA8dJ000010 '<y@complains.ups.com>' > "$TMP/log3"
pw -r "$RULEBASE" -s "$TMP/k.db" "$TMP/log3" > "$TMP/k2.out" 2>/dev/null
is "$(jq -r .event.action < "$TMP/k2.out")" sender-domain-first-seen \
	"campaign remembered across kill -9: a new host of it, not a new campaign"
pw -r "$RULEBASE" -s "$TMP/k.db" "$TMP/log3" > "$TMP/k3.out" 2> "$TMP/k3.err"
is "$?" 0 "the next run: exit 0"
is "$(events "$TMP/k3.out")" 0 "the new host is stored: the next run does not repeat its event"
is "$(counter suspicious "$TMP/k3.err") $(counter known "$TMP/k3.err")" "1 1" \
	"the next run: its sender read, suspicious and known"

# An unusable store.
printf 'this is not a database, just text that is long enough to matter....\n' > "$TMP/garbage.db"
pw -r "$RULEBASE" -s "$TMP/garbage.db" "$TMP/log" > /dev/null 2> "$TMP/g.err"
is "$?" 73 "a corrupt store exits 73"
like "$(cat "$TMP/g.err")" "garbage.db" "the message names the store"
pw -r "$RULEBASE" -s "$TMP/no/such/dir/state.db" "$TMP/log" > /dev/null 2> "$TMP/d.err"
is "$?" 73 "a store in a missing directory exits 73"
done_testing
