#!/usr/bin/env bash
# store-writer.t - one process writes a store: a second writer, side by
# side with the first, exits 73 naming the store and the holder's pid
# (also in --omprog mode, where it prints no "OK" and rsyslog starts it
# again later); the kernel frees the lock when the holder dies, even by
# kill -9, so the next one starts at once; readers (--check, a --report
# of the store alone) need no lock; a writer whose lock file is removed
# stops at its next commit.
. "$(dirname "$0")/../lib.sh"

STORE="$TMP/state.db"
from_line q1 '<a@emalsrv.ups.com>' >"$TMP/ups"
from_line q2 '<a@emalsrv.dhl.com>' >"$TMP/dhl"
cat "$TMP/ups" "$TMP/dhl" >"$TMP/both"

# holds_lock PID - PID holds a POSIX write lock (the kernel's word)
holds_lock() { grep -Eq "POSIX +ADVISORY +WRITE +$1 " /proc/locks; }

# start_holder - phishwatch A (A_PID) on STORE reading the FIFO through
# fd 7, once it holds the store's lock
start_holder() {
	rm -f "$TMP/fifo" && mkfifo "$TMP/fifo"
	"$PW" -r "$RULEBASE" -s "$STORE" <"$TMP/fifo" >"$TMP/a.out" \
		2>"$TMP/a.err" &
	A_PID=$!
	track_pid "$A_PID"
	exec 7>"$TMP/fifo"
	wait_for "holds_lock $A_PID" 60
}

# --- side by side: the second one is refused before it reads a line ---
start_holder
ok $? "the first phishwatch holds the store's lock"
pw -r "$RULEBASE" -s "$STORE" "$TMP/both" >"$TMP/b.out" 2>"$TMP/b.err"
is "$?" 73 "a second writer on the same store: exit 73"
like "$(cat "$TMP/b.err")" "error: state .*state\.db: in use by another phishwatch \(pid $A_PID holds its lock\)" \
	"the message names the store and the pid holding it"
is "$(events "$TMP/b.out")" 0 "the second writer emits nothing"
pw -r "$RULEBASE" -s "$STORE" --omprog -o "$TMP/c.events" <"$TMP/both" \
	>"$TMP/c.out" 2>"$TMP/c.err"
is "$?" 73 "--omprog: a second writer exits 73 too"
is "$(wc -c <"$TMP/c.out" | tr -d ' ')" 0 \
	"--omprog: no OK on standard output (rsyslog starts it again later)"
like "$(cat "$TMP/c.err")" "pid $A_PID holds its lock" "--omprog: the reason on stderr"
pw -r "$RULEBASE" -s "$STORE" --report "$TMP/dhl" >/dev/null 2>"$TMP/r.err"
is "$?" 73 "--report that counts files into the store is a writer: 73"

# Readers take no lock.
pw -r "$RULEBASE" -s "$STORE" --check >/dev/null 2>"$TMP/k.err"
is "$?" 0 "--check reads a store another process writes"
pw -r "$RULEBASE" -s "$STORE" --report >/dev/null 2>"$TMP/k.err"
is "$?" 0 "--report of the store alone reads it too"

cat "$TMP/both" >&7
exec 7>&-
wait "$A_PID"
is "$?" 0 "the holder goes on undisturbed"
is "$(events "$TMP/a.out")" 2 "one event per campaign, from the holder alone"

# --- one after the other: the second finds the campaigns known ---
pw -r "$RULEBASE" -s "$STORE" "$TMP/both" >"$TMP/d.out" 2>"$TMP/d.err"
is "$?" 0 "after the holder exits, the next writer starts"
is "$(events "$TMP/d.out")" 0 "and emits nothing new"

# --- kill -9 of the holder: the kernel frees the lock at once ---
start_holder
ok $? "a new holder has the lock"
kill -9 "$A_PID"
wait "$A_PID" 2>/dev/null
exec 7>&-
from_line q3 '<a@emalsrv.fedex.com>' >"$TMP/fedex"
pw -r "$RULEBASE" -s "$STORE" "$TMP/fedex" >"$TMP/e.out" 2>"$TMP/e.err"
is "$?" 0 "right after kill -9 of the holder a new writer starts"
is "$(events "$TMP/e.out")" 1 "and does its work"
unlike "$(cat "$TMP/e.err")" "in use by another" "no word of the dead holder"

# --- the lock file removed under a running writer: a second one could
# start beside it, so the writer stops at its next commit ---
start_holder
ok $? "a holder again"
rm -f "$STORE-lock"
from_line q4 '<a@emalsrv.usps.com>' >&7
wait_for "! kill -0 $A_PID 2>/dev/null" 30
ok $? "the holder stops by itself, its input still open"
wait "$A_PID"
is "$?" 74 "lock file removed: exit 74"
exec 7>&-
like "$(cat "$TMP/a.err")" "error: state store: .*state\.db-lock: removed or replaced while phishwatch ran" \
	"lock file removed: the message names it"
done_testing
