#!/usr/bin/env bash
# signals.t - SIGTERM ends phishwatch whatever it is blocked on: an event
# output that nobody reads (a full pipe), a FIFO output with no reader
# yet, an input that never ends nor pauses (/dev/zero), a FIFO input with
# no writer, omprog replies that rsyslog does not read.  Configuration
# files that could block or never end (a FIFO, /dev/zero) are refused at
# once.  A process that does not end in time is
# killed here by its pid and the check fails.
. "$(dirname "$0")/../lib.sh"

# gone PID SECONDS - wait up to SECONDS for PID to end; else kill it
# (SIGKILL, by pid) and fail.  Its exit status is left in $STATUS.
gone() {
	if wait_for "! kill -0 $1 2>/dev/null" "$2"; then
		wait "$1"
		STATUS=$?
		return 0
	fi
	kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	STATUS=killed
	return 1
}

# stop PID - SIGTERM, then gone within 15 s (generous: it takes
# milliseconds, but a loaded machine stretches that many times over; a
# process still blocked never ends at all)
stop() { kill -TERM "$1" && gone "$1" 15; }

# queued FIFO - bytes waiting in a pipe or FIFO, without reading them
queued() {
	python3 -c 'import array, fcntl, os, sys, termios
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NONBLOCK)
n = array.array("i", [0])
fcntl.ioctl(fd, termios.FIONREAD, n)
print(n[0])' "$1"
}

# drain FIFO FILE - what a FIFO holds, into FILE, without waiting
drain() {
	python3 -c 'import os, sys
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NONBLOCK)
with open(sys.argv[2], "wb") as out:
    while True:
        try:
            data = os.read(fd, 65536)
        except BlockingIOError:
            break
        if not data:
            break
        out.write(data)' "$1" "$2"
}

# 200 campaigns: about 200 KiB of events, more than a pipe holds (one
# brand's learned lookalikes among them, brand1mart and brand10mart: with
# no bound on their sender-domain events, every line gives one)
SENDERS="--max-sender-events 1000"
for i in $(seq 1 200); do
	from_line "q$i" "<a@emalsrv.brand${i}mart.com>"
done >"$TMP/log"

# read_bytes PID - bytes the process has read so far (once it reads, its
# signal handlers are in place)
read_bytes() { sed -n 's/^rchar: //p' "/proc/$1/io" 2>/dev/null || echo 0; }

# catches_term PID - has the process its SIGTERM handler in place yet?
catches_term() {
	python3 -c 'import sys
for line in open("/proc/%s/status" % sys.argv[1]):
    if line.startswith("SigCgt:"):
        sys.exit(0 if int(line.split()[1], 16) & (1 << 14) else 1)
sys.exit(1)' "$1" 2>/dev/null
}

# --- (a) standard output is a pipe that nobody reads ---
# The test holds the FIFO open for reading (read-write, so that it never
# blocks) and reads nothing: phishwatch fills it and must wait.
mkfifo "$TMP/out"
exec 8<>"$TMP/out"
"$PW" -r "$RULEBASE" $SENDERS -s "$TMP/a.db" "$TMP/log" >"$TMP/out" 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for '[ "$(queued "$TMP/out")" -ge 16384 ]' 60
ok $? "full pipe: events fill the pipe nobody reads"
stop "$PW_PID"
ok $? "full pipe: SIGTERM ends phishwatch while its write waits"
is "$STATUS" 0 "full pipe: exit 0 after SIGTERM"
drain "$TMP/out" "$TMP/a.json"
exec 8<&-
written=$(counter events "$TMP/err")
is "$(events "$TMP/a.json")" "$written" \
	"full pipe: every event counted is in the pipe"
jq -e . "$TMP/a.json" >/dev/null 2>&1
ok $? "full pipe: only whole JSON lines in the pipe, no half event"
like "$(cat "$TMP/err")" "warning: .*log: line $((written + 1)) not processed: terminated while waiting for the event output" \
	"full pipe: names the line left undone"
# The undone line and the rest were not committed: a rerun does them.
pw -r "$RULEBASE" $SENDERS -s "$TMP/a.db" "$TMP/log" >"$TMP/a2.json" 2>/dev/null
is "$?" 0 "full pipe: rerun, exit 0"
is "$(cat "$TMP/a.json" "$TMP/a2.json" | jq -r .email.local_id | sort -u |
	wc -l | tr -d ' ')" 200 "full pipe: rerun gives the rest, no event lost"
is "$(cat "$TMP/a.json" "$TMP/a2.json" | jq -r .email.local_id |
	wc -l | tr -d ' ')" 200 "full pipe: and none twice"

# --- (a') standard output is a socket nobody reads (systemd's journal
# stream, stuck): the shared descriptor is waited on before each write ---
python3 -c 'import signal, socket, subprocess, sys, time
ours, theirs = socket.socketpair()
pw = subprocess.Popen(sys.argv[1:], stdout=theirs, stderr=subprocess.DEVNULL)
theirs.close()
def written():
    try:
        with open("/proc/%d/io" % pw.pid) as f:
            io = dict(l.split(": ") for l in f.read().splitlines())
        return int(io["wchar"])
    except OSError:
        return 0
end = time.time() + 60
while written() < 16384 and pw.poll() is None and time.time() < end:
    time.sleep(0.1)
pw.send_signal(signal.SIGTERM)
try:
    print(pw.wait(15))	# as stop(): generous on a loaded machine
except subprocess.TimeoutExpired:
    pw.kill()
    pw.wait()
    print("killed")' "$PW" -r "$RULEBASE" "$TMP/log" >"$TMP/sock.status"
is "$(cat "$TMP/sock.status")" 0 \
	"stdout a socket nobody reads: SIGTERM ends phishwatch, exit 0"

# --- (b) -o FIFO that no process reads yet ---
mkfifo "$TMP/events.fifo"
"$PW" -r "$RULEBASE" -o "$TMP/events.fifo" "$TMP/log" >/dev/null \
	2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for 'grep -q "waiting for a reader" "$TMP/err"' 60
ok $? "FIFO output without reader: says it waits for one"
stop "$PW_PID"
ok $? "FIFO output without reader: SIGTERM ends the wait"
is "$STATUS" 73 "FIFO output without reader: exit 73 (the output never opened)"
like "$(cat "$TMP/err")" "error: output .*events\.fifo: told to stop while waiting for a reader of the FIFO" \
	"FIFO output without reader: says so"
# A reader that comes gets the events (a blocking open's behaviour).
head -n 3 "$TMP/log" >"$TMP/three"
"$PW" -r "$RULEBASE" -o "$TMP/events.fifo" "$TMP/three" >/dev/null \
	2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for 'grep -q "waiting for a reader" "$TMP/err"' 60
timeout 60 cat "$TMP/events.fifo" >"$TMP/b.json"
gone "$PW_PID" 60
is "$STATUS" 0 "FIFO output: a reader comes, exit 0"
is "$(events "$TMP/b.json")" 3 "FIFO output: the reader gets the 3 events"
# The FIFO read but full: the same as a full pipe.
exec 8<>"$TMP/events.fifo"
"$PW" -r "$RULEBASE" -o "$TMP/events.fifo" "$TMP/log" >/dev/null \
	2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for '[ "$(queued "$TMP/events.fifo")" -ge 16384 ]' 60
stop "$PW_PID"
ok $? "full FIFO output: SIGTERM ends phishwatch"
is "$STATUS" 0 "full FIFO output: exit 0"
exec 8<&-

# --- (b') the events socket that its receiver does not read ---
# A bound datagram socket read by no one: its queue fills after a few
# events, and each send then waits (up to 1 s) for room.  It says when
# the first event is queued (FIONREAD, without reading it).
python3 -c 'import array, fcntl, socket, sys, termios, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
n = array.array("i", [0])
while n[0] == 0:
    time.sleep(0.05)
    fcntl.ioctl(s, termios.FIONREAD, n)
open(sys.argv[2], "w").close()
time.sleep(600)' "$TMP/ev.sock" "$TMP/ev.queued" &
RECEIVER_PID=$!
track_pid "$RECEIVER_PID"
wait_for "[ -S '$TMP/ev.sock' ]" 60
"$PW" -r "$RULEBASE" -o "syslog:$TMP/ev.sock" "$TMP/log" >/dev/null \
	2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for '[ -e "$TMP/ev.queued" ]' 60
stop "$PW_PID"
ok $? "events socket not read: SIGTERM ends phishwatch"
is "$STATUS" 0 "events socket not read: exit 0"
like "$(cat "$TMP/err")" "line [0-9]+ not processed: terminated while waiting for the event output" \
	"events socket not read: names the line whose event waited"
unlike "$(cat "$TMP/err")" "state store" \
	"events socket not read: does not blame the store"
kill "$RECEIVER_PID"

# --- (b'') --omprog: rsyslog does not read the replies ---
# The replies go to a FIFO the test holds open and never reads: once it
# is full, the reply to a line waits for room, and SIGTERM must end the
# wait.  (Through stdio the write blocked with signals blocked.)
mkfifo "$TMP/replies"
exec 8<>"$TMP/replies"
yes x | head -n 30000 >"$TMP/lines"
"$PW" --omprog -r "$RULEBASE" -o "$TMP/e.json" <"$TMP/lines" \
	>"$TMP/replies" 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for '[ "$(queued "$TMP/replies")" -ge 60000 ]' 60
ok $? "omprog replies not read: they fill the pipe"
stop "$PW_PID"
ok $? "omprog replies not read: SIGTERM ends phishwatch while its reply waits"
is "$STATUS" 0 "omprog replies not read: exit 0"
drain "$TMP/replies" "$TMP/replies.out"
is "$(grep -cv '^OK$' "$TMP/replies.out")" 0 \
	"omprog replies not read: only whole OK lines in the pipe"
like "$(cat "$TMP/err")" "line [0-9]+ not confirmed: terminated while waiting for rsyslog to read the reply" \
	"omprog replies not read: names the line left unconfirmed"
# The same before the first OK: the pipe is full before phishwatch starts.
python3 -c 'import os, sys
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_NONBLOCK)
try:
    while True:
        os.write(fd, b"x" * 4096)
except BlockingIOError:
    pass
while True:
    try:
        os.write(fd, b"x")
    except BlockingIOError:
        break' "$TMP/replies"
"$PW" --omprog -r "$RULEBASE" -o "$TMP/e.json" <"$TMP/lines" \
	>"$TMP/replies" 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for 'catches_term "$PW_PID"' 60
stop "$PW_PID"
ok $? "omprog, full pipe before the first OK: SIGTERM ends phishwatch"
is "$STATUS" 0 "omprog, full pipe before the first OK: exit 0"
like "$(cat "$TMP/err")" "terminated while waiting for rsyslog to read the first OK" \
	"omprog, full pipe before the first OK: says so"
exec 8<&-

# --- (c) configuration files that block or never end ---
"$PW" -r "$RULEBASE" -a /dev/zero --check >/dev/null 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
gone "$PW_PID" 20
ok $? "-a /dev/zero --check: ends by itself"
is "$STATUS" 66 "-a /dev/zero --check: exit 66"
like "$(cat "$TMP/err")" "error: /dev/zero: not a regular file .*refused" \
	"-a /dev/zero --check: says why"
mkfifo "$TMP/brands.fifo"
"$PW" -r "$RULEBASE" --brands "$TMP/brands.fifo" --check >/dev/null 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
gone "$PW_PID" 20
ok $? "--brands FIFO (no writer) --check: ends by itself"
is "$STATUS" 66 "--brands FIFO --check: exit 66"
like "$(cat "$TMP/err")" "error: .*brands\.fifo: not a regular file" \
	"--brands FIFO --check: says why"

# The rulebase and the compiled access maps are opened by liblognorm,
# libdb and tinycdb with signals blocked: a FIFO there (no writer) held
# the open for ever, and SIGTERM could not end it.  Refused at once.
mkfifo "$TMP/rules.fifo" "$TMP/access.db" "$TMP/access.cdb"
for what in "-r $TMP/rules.fifo" "-a $TMP/access.db" "-a $TMP/access.cdb"; do
	opt=${what%% *}
	path=${what#* }
	name=${path##*/}
	if [ "$opt" = -r ]; then
		set -- -r "$path"
	else
		set -- -r "$RULEBASE" -a "$path"
	fi
	"$PW" "$@" --check >/dev/null 2>"$TMP/err" &
	PW_PID=$!
	track_pid "$PW_PID"
	gone "$PW_PID" 20
	ok "$([ "$STATUS" != killed ]; echo $?)" "$opt FIFO $name (no writer) --check: ends by itself"
	is "$STATUS" 66 "$opt FIFO $name: exit 66"
	like "$(cat "$TMP/err")" "error: .*${name//./\\.}: not a regular file" \
		"$opt FIFO $name: says why"
done
"$PW" -r /dev/zero --check >/dev/null 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
gone "$PW_PID" 20
is "$STATUS" 66 "-r /dev/zero --check: refused, exit 66"

# --- (d) inputs that never end, or never start ---
"$PW" -r "$RULEBASE" /dev/zero >/dev/null 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for '[ "$(read_bytes "$PW_PID")" -ge 1048576 ]' 60
stop "$PW_PID"
ok $? "input /dev/zero: SIGTERM ends phishwatch"
is "$STATUS" 0 "input /dev/zero: exit 0"
"$PW" -r "$RULEBASE" </dev/zero >/dev/null 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for '[ "$(read_bytes "$PW_PID")" -ge 1048576 ]' 60
stop "$PW_PID"
ok $? "standard input /dev/zero: SIGTERM ends phishwatch"
is "$STATUS" 0 "standard input /dev/zero: exit 0"
mkfifo "$TMP/in.fifo"
"$PW" -r "$RULEBASE" "$TMP/in.fifo" >/dev/null 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
wait_for 'ls -l /proc/$PW_PID/fd 2>/dev/null | grep -q "in\.fifo"' 60
stop "$PW_PID"
ok $? "input FIFO without writer: SIGTERM ends phishwatch"
is "$STATUS" 0 "input FIFO without writer: exit 0"
# A FIFO input is read as it comes, like standard input.
"$PW" -r "$RULEBASE" "$TMP/in.fifo" >"$TMP/d.json" 2>"$TMP/err" &
PW_PID=$!
track_pid "$PW_PID"
cat "$TMP/three" >"$TMP/in.fifo"
gone "$PW_PID" 60
is "$STATUS" 0 "input FIFO: exit 0 at its end"
is "$(events "$TMP/d.json")" 3 "input FIFO: its 3 events"
# --- (e) a SIGHUP's reload under way: the set loads on a thread (an
# access map of 1,500,000 entries takes a second or more), and SIGTERM
# must not wait for it.  The test measures, in one process, how long a
# whole reload takes (L), then stops a second reload just after its
# thread started and measures how long the stop takes (S): a stop that
# waited for the load takes about L, one that does not a small part of
# it.  A ratio, so that a slow or loaded machine stretches both alike.
awk 'BEGIN { for (i = 0; i < 1500000; i++)
	printf "mail.s%x.example\tREJECT\n", i }' >"$TMP/big.map"
from_line r1 '<a@emalsrv.marriott.com>' >"$TMP/one"
python3 -c 'import os, signal, subprocess, sys, time
err, one = sys.argv[1], sys.argv[2]
fifo = os.path.join(os.path.dirname(err), "reload.fifo")
os.mkfifo(fifo)
pw = subprocess.Popen(sys.argv[3:] + [fifo], stdout=subprocess.PIPE,
                      stderr=open(err, "wb"))
feed = open(fifo, "w")
def said(text):
    with open(err) as f:
        return f.read().count(text)
def until(cond, limit=120):
    end = time.monotonic() + limit
    while not cond():
        if time.monotonic() > end or pw.poll() is not None:
            return False
        time.sleep(0.01)
    return True
def threads():
    try:
        return len(os.listdir("/proc/%d/task" % pw.pid))
    except OSError:
        return 0
feed.write(open(one).read()); feed.flush()
pw.stdout.readline()		# its event: started, line done
start = time.monotonic()
pw.send_signal(signal.SIGHUP)
if not until(lambda: said("info: reloaded") == 1):
    print("first reload did not end"); sys.exit(0)
whole = time.monotonic() - start
until(lambda: threads() == 1)	# the old set freed, its thread gone
pw.send_signal(signal.SIGHUP)
until(lambda: threads() == 2, 60)
start = time.monotonic()
pw.send_signal(signal.SIGTERM)
try:
    status = pw.wait(60)
except subprocess.TimeoutExpired:
    pw.kill(); pw.wait(); status = "killed"
stop = time.monotonic() - start
print("reload %.2f s, stop %.2f s" % (whole, stop), file=sys.stderr)
print(status, "fast" if stop < whole / 2 else "waited")' \
	"$TMP/err" "$TMP/one" "$PW" -r "$RULEBASE" -a "$TMP/big.map" \
	-s "$TMP/e.db" >"$TMP/e.result" 2>"$TMP/e.times"
diag "$(cat "$TMP/e.times")"
is "$(cat "$TMP/e.result")" "0 fast" \
	"SIGTERM during a reload: exit 0, without waiting for the load"
like "$(cat "$TMP/err")" "info: stopping: the reload under way is given up" \
	"SIGTERM during a reload: says the reload is given up"
# what was done before the stop is committed: the campaign is known
pw -r "$RULEBASE" -a "$TMP/big.map" -s "$TMP/e.db" "$TMP/one" \
	>"$TMP/e.json" 2>/dev/null
is "$(events "$TMP/e.json")" 0 \
	"SIGTERM during a reload: the store has the campaign seen before it"
done_testing
