#!/usr/bin/env bash
# output.t - the event output fails: disk full (/dev/full, a full tmpfs),
# the event socket missing, gone, or not read.  Each time a clear message
# and exit code, or an omprog reply other than OK (rsyslog offers the line
# again); never a lost event, never half an event left in a file.
. "$(dirname "$0")/../lib.sh"

# letter N - the N-th of twelve letters no two of which look alike (c
# and e do in a long label, i and l, m and rn)
letter() {
	printf '%s' abdfghjkpqst | cut -c "$1"
}

# phish N - a from= line of the N-th of a set of unrelated brands (three
# letters apart: no lookalike of one another)
phish() {
	_l=$(letter "$1")
	from_line "q$1" "<a@emalsrv.$_l$_l${_l}mart.com>"
}

# --- disk full: /dev/full ---
phish 1 >"$TMP/log"
pw -r "$RULEBASE" -o /dev/full "$TMP/log" >"$TMP/out" 2>"$TMP/err"
is "$?" 74 "/dev/full: exit 74"
like "$(cat "$TMP/err")" "error: cannot write event: No space left on device" \
	"/dev/full: says why"
is "$(counter events "$TMP/err")" 0 "/dev/full: no event counted as written"
pw -r "$RULEBASE" -o /dev/full --omprog <"$TMP/log" >"$TMP/replies" 2>"$TMP/err"
is "$?" 74 "/dev/full, --omprog: exit 74"
is "$(cat "$TMP/replies")" OK "/dev/full, --omprog: ready, and no OK for the line"

# --- disk full: a small tmpfs (needs root to mount) ---
if [ "$(id -u)" -eq 0 ] && mkdir "$TMP/fs" &&
	mount -t tmpfs -o size=64k phishwatch-test "$TMP/fs" 2>/dev/null; then
	# shellcheck disable=SC2064
	trap "umount '$TMP/fs' 2>/dev/null; _tap_cleanup" EXIT
	# events of about 8 KiB (a 7000-byte local part, event.original whole)
	long=$(head -c 7000 /dev/zero | tr '\0' x)
	for i in $(seq 1 12); do
		_l=$(letter "$i")
		from_line "q$i" "<$long@emalsrv.$_l$_l${_l}mart.com>"
	done >"$TMP/big"
	pw -r "$RULEBASE" -s "$TMP/full.db" -o "$TMP/fs/events.json" "$TMP/big" \
		>/dev/null 2>"$TMP/err"
	is "$?" 74 "full tmpfs: exit 74"
	like "$(cat "$TMP/err")" "cannot write event: No space left on device" \
		"full tmpfs: says why"
	written=$(counter events "$TMP/err")
	is "$(events "$TMP/fs/events.json")" "$written" \
		"full tmpfs: every event counted is in the file"
	is "$(tail -c 1 "$TMP/fs/events.json" | od -An -c | tr -d ' ')" '\n' \
		"full tmpfs: no half event left at the end"
	jq -e . "$TMP/fs/events.json" >/dev/null 2>&1
	ok $? "full tmpfs: the file is whole JSON lines"
	is "$(sqlite3 "$TMP/full.db" 'SELECT count(*) FROM campaigns')" "$written" \
		"full tmpfs: the store holds only campaigns whose event is out"
	# Room again (the events moved elsewhere): the rest comes out, none lost.
	mv "$TMP/fs/events.json" "$TMP/first.json"
	pw -r "$RULEBASE" -s "$TMP/full.db" -o "$TMP/fs/events.json" "$TMP/big" \
		>/dev/null 2>"$TMP/err"
	is "$?" 0 "room again: exit 0"
	is "$(cat "$TMP/first.json" "$TMP/fs/events.json" |
		jq -r .email.local_id | sort -u | wc -l | tr -d ' ')" 12 \
		"room again: all 12 campaigns' events, none lost"
	umount "$TMP/fs"
else
	for i in $(seq 1 8); do
		ok 0 "# SKIP mounting a small tmpfs needs root"
	done
fi

# --- event socket ---
pw -r "$RULEBASE" -o "syslog:$TMP/no.sock" "$TMP/log" >/dev/null 2>"$TMP/err"
is "$?" 73 "socket missing at start: exit 73"
like "$(cat "$TMP/err")" "error: output socket .*no\.sock: No such file or directory" \
	"socket missing at start: says which and why"

# receiver SOCKET OUT HOLD - a datagram socket that reads nothing while
# the file HOLD exists, then writes each datagram as a line to OUT; each
# time it has read all that was queued it touches OUT.empty
receiver() {
	python3 -c 'import os, socket, sys, time
sock, out, hold = sys.argv[1:4]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sock)
while os.path.exists(hold):
    time.sleep(0.05)
with open(out, "ab", 0) as f:
    while True:
        try:
            data = s.recv(65536, socket.MSG_DONTWAIT)
        except BlockingIOError:
            open(out + ".empty", "w").close()
            data = s.recv(65536)
        f.write(data + b"\n")' "$1" "$2" "$3" &
	RECEIVER_PID=$!
	track_pid "$RECEIVER_PID"
	wait_for "[ -S '$1' ]" 30
}

# Gone while running: the line whose event cannot be sent gets no OK,
# phishwatch says why and exits (rsyslog restarts it and offers it again).
receiver "$TMP/ev.sock" "$TMP/ev.out" "$TMP/no-hold"
mkfifo "$TMP/lines"
"$PW" -r "$RULEBASE" --omprog -o "syslog:$TMP/ev.sock" <"$TMP/lines" \
	>"$TMP/replies" 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
exec 9>"$TMP/lines"
phish 1 >&9
wait_for '[ "$(wc -l <"$TMP/replies")" -ge 2 ] && [ -s "$TMP/ev.out" ]' 30
is "$(cat "$TMP/replies" | tr '\n' ' ')" "OK OK " "socket: the first event is sent, its line OK"
kill "$RECEIVER_PID"
wait "$RECEIVER_PID" 2>/dev/null
rm -f "$TMP/ev.sock"
phish 2 >&9
wait "$PW_PID"
is "$?" 74 "socket gone: exit 74"
exec 9>&-
is "$(wc -l <"$TMP/replies" | tr -d ' ')" 2 "socket gone: no reply for the line"
like "$(cat "$TMP/err")" "cannot write event: (No such file or directory|Connection refused)" \
	"socket gone: says why"
is "$(grep -c '@cee:' "$TMP/ev.out")" 1 "socket gone: one event had gone out"

# Not read (receiver stuck): the send times out, the line is answered
# "retry" and counted; every line answered OK has its event delivered.
touch "$TMP/hold"
receiver "$TMP/stuck.sock" "$TMP/stuck.out" "$TMP/hold"
for i in $(seq 1 14); do phish "$i"; done >"$TMP/many"
pw -r "$RULEBASE" --omprog -o "syslog:$TMP/stuck.sock" <"$TMP/many" \
	>"$TMP/replies" 2>"$TMP/err"
is "$?" 0 "stuck receiver: exit 0 at the end of input"
oks=$(grep -cx OK "$TMP/replies")
retries=$(grep -c '^retry' "$TMP/replies")
is "$((oks + retries))" 15 "stuck receiver: ready, then one reply per line"
ok "$([ "$retries" -ge 1 ]; echo $?)" "stuck receiver: lines answered retry ($retries)"
is "$(counter retries "$TMP/err")" "$retries" "stuck receiver: retries counted"
rm -f "$TMP/hold"
# phishwatch has exited: once the receiver found its queue empty, it
# has read every datagram there will ever be
wait_for '[ -f "$TMP/stuck.out.empty" ]' 30
is "$(grep -c '@cee:' "$TMP/stuck.out")" "$((oks - 1))" \
	"stuck receiver: an event delivered for every line answered OK"
done_testing
