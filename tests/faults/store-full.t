#!/usr/bin/env bash
# store-full.t - the store's disk fills up, or its directory is removed,
# while phishwatch runs: at the batched commit (every 8192 lines), the
# idle commit, a new campaign's commit, and in --omprog mode.  Each time
# an error naming the store and the reason, exit 74 at once (not at the
# end of input), and in filter mode the line from which nothing is
# stored; a run from that line once there is room again leaves the
# store as one clean run would, repeating at most the event of the one
# campaign whose commit failed.
#
# The disk fills for real on a small tmpfs when mount is allowed (root);
# otherwise RLIMIT_FSIZE of the running phishwatch is cut to the size of
# its WAL (prlimit; SIGXFSZ ignored, so writes fail with EFBIG).
. "$(dirname "$0")/../lib.sh"

# messages DOMAIN PREFIX N - N messages (from= and to= lines) of a sender
# under emalsrv.DOMAIN
messages() {
	for i in $(seq 1 "$3"); do
		from_line "$2$i" "<a$i@emalsrv.$1>"
		to_line "$2$i" "<u$i@example.org>"
	done
}

# stored DB - what the store holds, one line per row that counts
stored() {
	sqlite3 "$1" "SELECT 'c', phished_domain, messages, recipients,
	    delivered FROM campaigns UNION ALL SELECT 's', sender_host,
	    messages, recipients, delivered FROM senders UNION ALL SELECT 'm',
	    phished_domain || '/' || mta, messages, recipients, delivered
	    FROM campaign_mtas UNION ALL SELECT 'r', phished_domain, relay, 0,
	    0 FROM relays ORDER BY 1, 2"
}

# --- how the disk fills: a tmpfs, or RLIMIT_FSIZE ---
DIR="$TMP/fs"
mkdir "$DIR"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=2m phishwatch-test "$DIR" \
	2>/dev/null; then
	FAULT=tmpfs
	# shellcheck disable=SC2064
	trap "umount '$DIR' 2>/dev/null; _tap_cleanup" EXIT
else
	FAULT=fsize
	trap '' XFSZ	# inherited: a write past the limit fails, EFBIG
fi
diag "the disk fills by: $FAULT"

# fill PID STORE - no more room for the store of phishwatch PID
fill() {
	if [ "$FAULT" = tmpfs ]; then
		dd if=/dev/zero of="$DIR/filler" bs=4096 2>/dev/null
		[ "$(df --output=avail "$DIR" | tail -n 1 | tr -d ' ')" -eq 0 ]
	else
		prlimit --pid "$1" --fsize="$(stat -c %s "$2-wal")"
	fi
}

# room - room again (a new process has no lowered limit anyway)
room() { rm -f "$DIR/filler"; }

# start NAME [ARGS...] - phishwatch (PID) on DIR/NAME.db, reading the
# FIFO through fd 7
start() {
	_n=$1
	shift
	rm -f "$TMP/fifo" && mkfifo "$TMP/fifo"
	"$PW" -r "$RULEBASE" -s "$DIR/$_n.db" "$@" <"$TMP/fifo" \
		>"$TMP/$_n.out" 2>"$TMP/$_n.err" &
	PID=$!
	track_pid "$PID"
	exec 7>"$TMP/fifo"
}

# until_stored DB DOMAIN N - the store holds N messages of DOMAIN
until_stored() {
	wait_for "[ \"\$(sqlite3 '$1' \"SELECT messages FROM campaigns WHERE phished_domain = '$2'\" 2>/dev/null)\" = $3 ]" 60
}

# gone - wait (at most 30 s) until PID exits by itself; its status in
# GOT, or "still running" (then it is stopped)
gone() {
	if wait_for "! kill -0 $PID 2>/dev/null" 30; then
		wait "$PID"
		GOT=$?
	else
		GOT="still running after 30 s"
		kill "$PID"
		wait "$PID" 2>/dev/null
	fi
}

messages ups.com u 3 >"$TMP/part1"

# full_case NAME PART2 - part1 committed, the disk filled, PART2 sent
# with the input left open: exit 74 by itself; then, with room again, a
# run from the line named equals one clean run over part1 + PART2
full_case() {
	_n=$1
	cat "$TMP/part1" "$2" >"$TMP/$_n.log"
	start "$_n"
	cat "$TMP/part1" >&7
	until_stored "$DIR/$_n.db" ups.com 3
	ok $? "$_n: the first lines are committed"
	fill "$PID" "$DIR/$_n.db"
	ok $? "$_n: no room left for the store"
	cat "$2" >&7 2>/dev/null &
	gone
	exec 7>&-
	is "$GOT" 74 "$_n: exit 74 while its input is still open"
	like "$(cat "$TMP/$_n.err")" "error: state store: .*/$_n\.db: commit: (database or disk is full|disk I/O error)" \
		"$_n: the message names the store and the reason"
	like "$(cat "$TMP/$_n.err")" "error: standard input: nothing from line [0-9]+ on is in the state store" \
		"$_n: it names the line from which nothing is stored"
	FROM=$(sed -n 's/.*nothing from line \([0-9]*\) on.*/\1/p' "$TMP/$_n.err")
	READ=$(sed -n 's/.*(lines read: \([0-9]*\)).*/\1/p' "$TMP/$_n.err")
	room
	tail -n "+${FROM:-1}" "$TMP/$_n.log" |
		pw -r "$RULEBASE" -s "$DIR/$_n.db" >"$TMP/$_n.out2" 2>"$TMP/$_n.err2"
	is "$?" 0 "$_n: with room again, a run from line $FROM: exit 0"
	pw -r "$RULEBASE" -s "$TMP/$_n-ref.db" "$TMP/$_n.log" >"$TMP/$_n.ref" 2>&1
	is "$(stored "$DIR/$_n.db")" "$(stored "$TMP/$_n-ref.db")" \
		"$_n: the store holds what one clean run stores: nothing lost, nothing twice"
	rm -f "$DIR/$_n.db"*
}

# Idle: a few lines, then the input pauses; the idle commit fails.
messages ups.com v 3 >"$TMP/idle2"
full_case idle "$TMP/idle2"
is "$(cat "$TMP/idle.out" "$TMP/idle.out2" | events /dev/stdin)" 1 \
	"idle: the one event, not repeated"

# Batched: lines without a pause; the commit every 8192 lines fails.
messages ups.com w 4600 >"$TMP/batch2"
full_case batch "$TMP/batch2"
ok "$([ "${READ:-0}" -lt 9206 ]; echo $?)" \
	"batch: it stopped at the failed commit, before the end (read $READ of 9206 lines)"

# A new campaign: its event is written, the commit of its row fails; the
# run from the line named writes that one event again.
{ messages ups.com x 2; messages fedex.com f 2; } >"$TMP/add2"
full_case add "$TMP/add2"
is "$(cat "$TMP/add.out" "$TMP/add.out2" | grep -c '"phished_domain":"fedex.com"')" 2 \
	"add: the event whose commit failed comes again, once"
is "$(cat "$TMP/add.out" "$TMP/add.out2" | grep -c '"phished_domain":"ups.com"')" 1 \
	"add: no other event repeats"

# --- omprog: the line whose commit fails gets no OK ---
start omprog --omprog -o "$TMP/omprog.events"
messages ups.com o 1 >&7
wait_for '[ "$(wc -l <"$TMP/omprog.out")" -ge 3 ]' 60
fill "$PID" "$DIR/omprog.db"
ok $? "omprog: no room left for the store"
(messages ups.com p 1 >&7) 2>/dev/null	# a subshell: if it is gone, SIGPIPE is not ours
gone
exec 7>&-
is "$GOT" 74 "omprog: exit 74"
[ "$GOT" = 74 ] || diag "$(cat "$TMP/omprog.err")"
is "$(tr '\n' ' ' <"$TMP/omprog.out")" "OK OK OK " \
	"omprog: ready, two lines OK, no OK for the line not stored"
like "$(cat "$TMP/omprog.err")" "error: state store: .*omprog\.db: commit: (database or disk is full|disk I/O error)" \
	"omprog: the message names the store and the reason"
room

# --- the store's directory removed while phishwatch runs ---
mkdir "$TMP/vanish"
rm -f "$TMP/fifo" && mkfifo "$TMP/fifo"
"$PW" -r "$RULEBASE" -s "$TMP/vanish/state.db" <"$TMP/fifo" \
	>"$TMP/vanish.out" 2>"$TMP/vanish.err" &
PID=$!
track_pid "$PID"
exec 7>"$TMP/fifo"
cat "$TMP/part1" >&7
until_stored "$TMP/vanish/state.db" ups.com 3
ok $? "vanish: the first lines are committed"
rm -rf "$TMP/vanish"
(messages ups.com y 1 >&7) 2>/dev/null	# a subshell: if it is gone, SIGPIPE is not ours
gone
exec 7>&-
is "$GOT" 74 "vanish: exit 74 at the next commit, input still open"
like "$(cat "$TMP/vanish.err")" "error: state store: .*vanish/state\.db: removed while phishwatch ran \(No such file or directory\)" \
	"vanish: the message names the store and says it was removed"
like "$(cat "$TMP/vanish.err")" "nothing from line 7 on is in the state store" \
	"vanish: the lines not stored are named"

# A new campaign after the removal: its event, then exit at its commit.
mkdir "$TMP/vanish2"
rm -f "$TMP/fifo" && mkfifo "$TMP/fifo"
"$PW" -r "$RULEBASE" -s "$TMP/vanish2/state.db" <"$TMP/fifo" \
	>"$TMP/vanish2.out" 2>"$TMP/vanish2.err" &
PID=$!
track_pid "$PID"
exec 7>"$TMP/fifo"
cat "$TMP/part1" >&7
until_stored "$TMP/vanish2/state.db" ups.com 3
rm -rf "$TMP/vanish2"
(messages dhl.com d 1 >&7) 2>/dev/null	# a subshell: if it is gone, SIGPIPE is not ours
gone
exec 7>&-
is "$GOT" 74 "vanish, new campaign: exit 74 at its commit"
is "$(events "$TMP/vanish2.out")" 2 "vanish, new campaign: its event was the last thing done"
done_testing
