#!/usr/bin/env bash
# store.t - a state store that is missing, read-only, corrupt or locked:
# a clear message naming it and exit 73, or (locked) an omprog "retry"
# that rsyslog acts on; never a silent loss.
. "$(dirname "$0")/../lib.sh"

PHISH=$(from_line q1 '<a@emalsrv.ups.com>')
printf '%s\n' "$PHISH" >"$TMP/log"

# start_fails NAME STATE [RUNAS...] - the store cannot be used: 73, a message
start_fails() {
	_name=$1 _state=$2
	shift 2
	"$@" "$PW" -r "$RULEBASE" -s "$_state" "$TMP/log" >"$TMP/out" 2>"$TMP/err"
	is "$?" 73 "$_name: exit 73"
	like "$(cat "$TMP/err")" "error: .*$(basename "$_state")" \
		"$_name: the message names the store"
	is "$(events "$TMP/out")" 0 "$_name: no event without a store"
}

start_fails "directory missing" "$TMP/no/such/dir/state.db"
like "$(cat "$TMP/err")" "No such file or directory" "directory missing: says why"

# A corrupt header, corrupt pages, a truncated file; a good store first.
pw -r "$RULEBASE" -s "$TMP/good.db" "$TMP/log" >/dev/null 2>&1
for i in $(seq 2 200); do from_line "q$i" "<a@emalsrv.brand$i.com>"; done \
	>"$TMP/many"
pw -r "$RULEBASE" -s "$TMP/good.db" "$TMP/many" >/dev/null 2>&1
is "$(sqlite3 "$TMP/good.db" 'PRAGMA integrity_check')" ok "a good store to spoil"
head -c 16384 /dev/urandom >"$TMP/random.db"
start_fails "store of random bytes" "$TMP/random.db"
like "$(cat "$TMP/err")" "not a phishwatch state database" "random bytes: says why"
cp "$TMP/good.db" "$TMP/pages.db"
dd if=/dev/urandom of="$TMP/pages.db" bs=4096 seek=2 count=3 conv=notrunc \
	2>/dev/null
start_fails "store with corrupt pages" "$TMP/pages.db"
like "$(cat "$TMP/err")" "malformed" "corrupt pages: says why"
cp "$TMP/good.db" "$TMP/short.db"
truncate -s 5000 "$TMP/short.db"
start_fails "truncated store" "$TMP/short.db"
# Truncated to nothing: SQLite takes an empty file for a new database,
# and so does phishwatch (a sqlite3 shell or touch leaves one before the
# first start), but never silently: a warning names the file and says
# that a truncated store's first-seen events come again.
cp "$TMP/good.db" "$TMP/zero.db"
truncate -s 0 "$TMP/zero.db"
pw -r "$RULEBASE" -s "$TMP/zero.db" "$TMP/log" >"$TMP/out" 2>"$TMP/err"
is "$?" 0 "store of 0 bytes: taken for a new store, exit 0"
like "$(cat "$TMP/err")" "warning: state .*zero\.db: empty file \(0 bytes\) taken for a new store; if it was a store truncated, each campaign's first-seen event comes again" \
	"store of 0 bytes: a warning names the file and what it costs"
is "$(events "$TMP/out")" 1 "store of 0 bytes: the event, as for a new store"
pw -r "$RULEBASE" -s "$TMP/zero.db" "$TMP/log" >"$TMP/out" 2>"$TMP/err"
unlike "$(cat "$TMP/err")" "empty file" "the store it became: no warning"
is "$(events "$TMP/out")" 0 "the store it became: the campaign is known"
# The store phishwatch creates itself gets no such warning.
pw -r "$RULEBASE" -s "$TMP/fresh.db" "$TMP/log" >/dev/null 2>"$TMP/err"
is "$?" 0 "a new store: exit 0"
unlike "$(cat "$TMP/err")" "empty file" "a new store: no warning"
printf 'SQLite format 3\0' >"$TMP/header.db"
head -c 4096 /dev/zero >>"$TMP/header.db"
start_fails "store with a bare header" "$TMP/header.db"
sqlite3 "$TMP/other.db" 'CREATE TABLE mail (x); INSERT INTO mail VALUES (1);'
start_fails "another program's database" "$TMP/other.db"
is "$(sqlite3 "$TMP/other.db" 'SELECT count(*) FROM mail')" 1 \
	"another program's database is left untouched"

# Read-only: root ignores file modes, so these run as nobody.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	chmod 0711 "$TMP"
	cp "$TMP/log" "$TMP/log.pub" && chmod 0644 "$TMP/log.pub"
	mkdir "$TMP/rodir" && chmod 0755 "$TMP/rodir"	# root's: nobody reads only
	start_fails "read-only directory" "$TMP/rodir/state.db" $AS_NOBODY
	like "$(cat "$TMP/err")" "Permission denied" "read-only directory: says why"
	cp "$TMP/good.db" "$TMP/rodir/state.db" && chmod 0644 "$TMP/rodir/state.db"
	start_fails "read-only store file" "$TMP/rodir/state.db" $AS_NOBODY
else
	for i in 1 2 3 4 5 6 7; do
		ok 0 "# SKIP read-only checks need root (to become nobody)"
	done
fi

# Locked by another process: the sqlite3 shell holds BEGIN EXCLUSIVE.
# In --omprog mode the line is answered "retry" (rsyslog offers it again),
# and once the lock is gone the same line is done and its event written.
mkfifo "$TMP/sql" "$TMP/lines"

# lock_store NAME - a sqlite3 shell (SQLITE_PID) holds BEGIN EXCLUSIVE on
# good.db, fed through fd 8; 0 once it holds the lock
lock_store() {
	sqlite3 "$TMP/good.db" <"$TMP/sql" >"$TMP/sql-$1.out" 2>&1 &
	SQLITE_PID=$!
	track_pid "$SQLITE_PID"
	exec 8>"$TMP/sql"
	printf "BEGIN EXCLUSIVE;\nSELECT 'locked';\n" >&8
	wait_for "grep -q locked \"\$TMP/sql-$1.out\"" 60
}

# unlock_store END - END (COMMIT or ROLLBACK) the lock; the shell exits
unlock_store() {
	printf '%s;\n' "$1" >&8
	exec 8>&-
	wait "$SQLITE_PID"
}

# start_waiting LOG OUT ERR - phishwatch (PW_PID) in filter mode on LOG,
# once it says it waits for the locked store
start_waiting() {
	"$PW" -r "$RULEBASE" -s "$TMP/good.db" "$1" >"$2" 2>"$3" &
	PW_PID=$!
	track_pid "$PW_PID"
	wait_for "grep -q 'waiting to try again' \"$3\"" 60
}

lock_store omprog
ok $? "sqlite3 holds an exclusive lock"
"$PW" -r "$RULEBASE" -s "$TMP/good.db" --omprog -o "$TMP/events" \
	<"$TMP/lines" >"$TMP/replies" 2>"$TMP/omprog.err" 8>&- &
PW_PID=$!
track_pid "$PW_PID"
exec 9>"$TMP/lines"
from_line q9 '<a@emalsrv.dhl.com>' >&9
wait_for '[ "$(wc -l <"$TMP/replies")" -ge 2 ]' 60
is "$(sed -n 1p "$TMP/replies")" OK "locked: ready"
like "$(sed -n 2p "$TMP/replies")" '^retry' "locked: the line is answered retry, not OK"
unlock_store COMMIT
from_line q9 '<a@emalsrv.dhl.com>' >&9
wait_for '[ "$(wc -l <"$TMP/replies")" -ge 3 ]' 60
is "$(sed -n 3p "$TMP/replies")" OK "unlocked: the line offered again is done"
exec 9>&-
wait "$PW_PID"
is "$?" 0 "exit 0 at the end of input"
is "$(sqlite3 "$TMP/good.db" "SELECT count(*) FROM campaigns WHERE phished_domain = 'dhl.com'")" \
	1 "the campaign is stored once"
ok "$([ "$(events "$TMP/events")" -ge 1 ]; echo $?)" "its event was written (a repeat is allowed)"
is "$(counter retries "$TMP/omprog.err")" 1 "the retry is counted"
is "$(sqlite3 "$TMP/good.db" 'PRAGMA integrity_check')" ok "the store is intact"

# Locked in filter mode: phishwatch says it waits and tries the line
# again every second; once the lock is gone the line is done, counted
# once, and its event written: nothing skipped.
lock_store filter
from_line q10 '<a@emalsrv.fedex.com>' >"$TMP/log2"
start_waiting "$TMP/log2" "$TMP/out" "$TMP/err"
ok $? "locked, filter mode: it says it waits (line named)"
# retries_so_far - the waiting phishwatch's retries, asked by SIGUSR1
retries_so_far() {
	kill -USR1 "$PW_PID" 2>/dev/null
	sed -n 's/.*: counters:.* retries=\([0-9]*\).*/\1/p' "$TMP/err" | tail -n 1
}
# a second try while still locked (it tries every second)
wait_for '[ "$(retries_so_far)" -ge 2 ] 2>/dev/null' 30
kill -0 "$PW_PID" 2>/dev/null
ok $? "locked, filter mode: still waiting, not skipping"
unlock_store ROLLBACK
wait "$PW_PID"
is "$?" 0 "locked, filter mode: exit 0 once the store is free"
like "$(cat "$TMP/err")" "line 1: state store free again, line done" \
	"locked, filter mode: says the line got done"
is "$(events "$TMP/out")" 1 "locked, filter mode: the line's event, once"
is "$(counter lines "$TMP/err")" 1 "locked, filter mode: the line counted once"
ok "$([ "$(counter retries "$TMP/err")" -ge 2 ]; echo $?)" \
	"locked, filter mode: each refused try counted as a retry"

# SIGTERM while waiting: it stops, and says which line it did not do.
lock_store term
from_line q11 '<a@emalsrv.usps.com>' >"$TMP/log3"
start_waiting "$TMP/log3" "$TMP/out3" "$TMP/err3"
kill -TERM "$PW_PID"
wait "$PW_PID"
is "$?" 0 "locked, SIGTERM while waiting: clean exit"
like "$(cat "$TMP/err3")" "line 1 not processed: terminated while waiting" \
	"locked, SIGTERM while waiting: the line left undone is named"
unlock_store ROLLBACK
done_testing
