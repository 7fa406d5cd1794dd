#!/usr/bin/env bash
# retry.t - a line whose event the output refuses (a full event socket)
# is tried again, and the try that is refused changes nothing: the line
# done on the next try counts its message once, in the event and in the
# store, and the warning names the event output, not the store.
. "$(dirname "$0")/../lib.sh"

# full_receiver SOCKET OUT HOLD - a datagram socket whose queue is filled
# until a send would block (EAGAIN), that reads nothing while the file
# HOLD exists, then writes each event datagram as a line to OUT
full_receiver() {
	python3 -c 'import os, socket, sys, time
path, out, hold = sys.argv[1:4]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
# Fill until a fresh sender is refused too: the receiver queue is full
# (max_dgram_qlen), not only the buffer of one sender.
n = 0
fillers = []
while True:
    filler = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    filler.connect(path)
    filler.setblocking(False)
    fillers.append(filler)
    sent = 0
    try:
        while True:
            filler.send(b"filler")
            sent += 1
    except BlockingIOError:
        pass
    n += sent
    if sent == 0:
        break
with open(out + ".full", "w") as f:
    f.write("%d\n" % n)
while os.path.exists(hold):
    time.sleep(0.05)
with open(out, "ab", 0) as f:
    while True:
        d = s.recv(65536)
        if d != b"filler":
            f.write(d + b"\n")' "$1" "$2" "$3" &
	RECEIVER_PID=$!
	track_pid "$RECEIVER_PID"
	wait_for "[ -s '$2.full' ]" 60
}

# json_of OUT - the JSON part of the event datagrams in OUT
json_of() { sed -n 's/^.*@cee://p' "$1"; }

# --- filter mode: the line waits for the socket and is done once ---
{
	from_line q1 '<a@emalsrv.dhl.com>'
	to_line q1 '<u@example.org>'
} >"$TMP/log"
touch "$TMP/hold"
full_receiver "$TMP/ev.sock" "$TMP/ev.out" "$TMP/hold"
ok $? "the receiver's queue is full"
"$PW" -r "$RULEBASE" -s "$TMP/state.db" -o "syslog:$TMP/ev.sock" "$TMP/log" \
	>/dev/null 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for "grep -q 'waiting to try again' '$TMP/err'" 60
ok $? "filter mode: the refused line waits to be tried again"
rm -f "$TMP/hold"
wait "$PW_PID"
is "$?" 0 "filter mode: exit 0 once the socket takes the event"
wait_for "[ -s '$TMP/ev.out' ]" 60
json_of "$TMP/ev.out" >"$TMP/ev.json"
is "$(events "$TMP/ev.json")" 1 "filter mode: one event"
is "$(jq -r .phishwatch.campaign.messages "$TMP/ev.json")" 1 \
	"filter mode: the retried line's event says messages 1"
is "$(sqlite3 "$TMP/state.db" 'SELECT messages, recipients, delivered FROM campaigns')" \
	"1|1|1" "filter mode: the store counts the message once, and its delivery"
is "$(sqlite3 "$TMP/state.db" 'SELECT messages FROM senders')" 1 \
	"filter mode: the sender row counts it once"
like "$(cat "$TMP/err")" "line 1: event output .*(full|Resource temporarily unavailable)" \
	"filter mode: the warning names the event output"
unlike "$(cat "$TMP/err")" "state store" "filter mode: the store is not blamed"
ok "$([ "$(counter retries "$TMP/err")" -ge 1 ]; echo $?)" \
	"filter mode: the refused tries are counted as retries"
is "$(counter lines "$TMP/err")" 2 "filter mode: each line counted once"

# --- omprog mode: rsyslog offers the refused line again ---
kill "$RECEIVER_PID"
wait "$RECEIVER_PID" 2>/dev/null
rm -f "$TMP/ev.sock" "$TMP/ev.out" "$TMP/ev.out.full"
touch "$TMP/hold"
full_receiver "$TMP/ev.sock" "$TMP/ev.out" "$TMP/hold"
mkfifo "$TMP/lines"
"$PW" -r "$RULEBASE" -s "$TMP/omprog.db" --omprog -o "syslog:$TMP/ev.sock" \
	<"$TMP/lines" >"$TMP/replies" 2>"$TMP/err2" &
PW_PID=$!
track_pid "$PW_PID"
exec 9>"$TMP/lines"
from_line q2 '<a@emalsrv.fedex.com>' >&9
wait_for '[ "$(wc -l <"$TMP/replies")" -ge 2 ]' 60
like "$(sed -n 2p "$TMP/replies")" '^retry' "omprog: the refused line is answered retry"
rm -f "$TMP/hold"
from_line q2 '<a@emalsrv.fedex.com>' >&9
to_line q2 '<u@example.org>' >&9
wait_for '[ "$(wc -l <"$TMP/replies")" -ge 4 ]' 60
is "$(sed -n '3,4p' "$TMP/replies" | tr '\n' ' ')" "OK OK " \
	"omprog: the line offered again is done, then its to= line"
exec 9>&-
wait "$PW_PID"
is "$?" 0 "omprog: exit 0 at the end of input"
wait_for "[ -s '$TMP/ev.out' ]" 60
json_of "$TMP/ev.out" >"$TMP/ev2.json"
is "$(events "$TMP/ev2.json")" 1 "omprog: one event"
is "$(jq -r .phishwatch.campaign.messages "$TMP/ev2.json")" 1 \
	"omprog: the event of the line offered again says messages 1"
is "$(sqlite3 "$TMP/omprog.db" 'SELECT messages, recipients, delivered FROM campaigns')" \
	"1|1|1" "omprog: the store counts the message once, and its delivery"
is "$(counter lines "$TMP/err2")" 2 "omprog: the refused offer is not counted as a line"
done_testing
