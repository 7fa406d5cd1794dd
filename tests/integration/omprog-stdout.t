#!/usr/bin/env bash
# omprog-stdout.t - in --omprog mode standard output carries the protocol
# replies and nothing else: "OK" when ready, then exactly one reply per
# line, flushed before the next line is read, whatever the line (events,
# hostile bytes, over-long lines); events go to -o FILE; a locked store
# gives "retry:" replies and loses nothing.  phishwatch runs here on
# pipes, as rsyslog's omprog runs it, without rsyslogd.

. "$(dirname "$0")/../lib.sh"


command -v python3 >/dev/null
ok $? "python3 is installed (make deps)"

# --- a batch: every line answered once, on stdout only -----------------

{
	from_line q1 '<a@emalsrv.marriott.com>'
	from_line q2 '<b@emalsrv.marriott.com>'
	to_line q1 '<guest@example.com>' Sent
	from_line q3 '<a@complains.staples.co.uk>'
	echo 'Jul  3 14:12:20 mx1 cron[1]: (root) CMD (true)'
	echo ''
	from_line q4 "<a$(printf '\001\033[2J')@emalsrv.ups.com>"
	printf 'Jul  3 14:12:20 mx1 sm-mta[1]: q5: from=<a@emalsrv.nul.com>, \000 size=1\n'
	head -c 70000 /dev/zero | tr '\0' x; echo
	from_line q6 '<a@emalsrv.dhl.com>' | sed 's/$/\r/'
	from_line q7 '<"%s%n"@emalsrv.fedex.com>'
	printf '%s' "$(from_line q8 '<a@emalsrv.usps.com>')"	# no final newline
} >"$TMP/in"
lines=12

"$PW" --omprog -r "$RULEBASE" -s "$TMP/state.db" -o "$TMP/events.json" \
	<"$TMP/in" >"$TMP/stdout" 2>"$TMP/stderr"
is "$?" 0 "--omprog reads to EOF and exits 0"
for _i in $(seq 0 $lines); do echo OK; done >"$TMP/want"
cmp -s "$TMP/stdout" "$TMP/want"
ok $? "stdout is exactly \"OK\\n\" x $((lines + 1)): the ready OK and one per line"
[ "$(wc -l <"$TMP/stdout")" -eq $((lines + 1)) ] ||
	sed 's/^/# stdout: /' "$TMP/stdout" | head -n 20
is "$(events "$TMP/events.json")" 6 "the events went to -o FILE"
is "$(sed -n 's/.*"phished_domain":"\([^"]*\)".*/\1/p' "$TMP/events.json" | tr '\n' ' ')" \
	"marriott.com staples.co.uk ups.com dhl.com fedex.com usps.com " \
	"one per campaign, from lines with control bytes, CR and format text too"
is "$(counter lines "$TMP/stderr")" $lines "counters on stderr: lines=$lines"
is "$(counter too_long "$TMP/stderr")" 1 "the over-long line counted, and answered"
is "$(counter nul_bytes "$TMP/stderr")" 1 "the line with a NUL counted, and answered"
unlike "$(cat "$TMP/stderr")" '^OK$|^\{' "no reply nor event on stderr"

# --- lock step, as rsyslog talks: a reply for each line before the next -

# omprog_talk - drive phishwatch --omprog line by line through pipes; per
# line print the reply; fail when a reply is late, or anything else shows
# up on stdout (checked for 0.3 s after each reply and at exit)
cat >"$TMP/talk.py" <<'EOF'
import os, select, subprocess, sys

cmd, infile = sys.argv[1:-1], sys.argv[-1]
proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                        bufsize=0)
out = proc.stdout.fileno()
pending = b""

def reply(timeout):
    """one line from stdout within timeout seconds, or None"""
    global pending
    while b"\n" not in pending:
        ready, _, _ = select.select([out], [], [], timeout)
        if not ready:
            return None
        chunk = os.read(out, 65536)
        if not chunk:
            return None
        pending += chunk
    line, pending = pending.split(b"\n", 1)
    return line

def quiet(timeout):
    """nothing more on stdout within timeout seconds"""
    ready, _, _ = select.select([out], [], [], timeout)
    return not ready and pending == b""

status = 0
first = reply(60)
print("ready " + repr(first))
for line in open(infile, "rb"):
    proc.stdin.write(line)
    got = reply(60)
    if got is None or not quiet(0.3):
        status = 1
    print("reply " + repr(got))
proc.stdin.close()
rest = os.read(out, 65536)
if rest or pending:
    print("extra " + repr(pending + rest))
    status = 1
print("exit %d" % proc.wait())
sys.exit(status)
EOF

{
	from_line k1 '<a@emalsrv.marriott.com>'
	echo 'Jul  3 14:12:20 mx1 cron[1]: (root) CMD (true)'
	from_line k2 '<a@complains.linkedin.com>'
	from_line k3 '<b@complains.linkedin.com>'
} >"$TMP/talk.in"
python3 "$TMP/talk.py" "$PW" --omprog -r "$RULEBASE" -o "$TMP/talk.json" \
	"$TMP/talk.in" >"$TMP/talk.out" 2>"$TMP/talk.err"
ok $? "each reply comes before the next line is sent, and nothing else"
is "$(tr '\n' ' ' <"$TMP/talk.out")" \
	"ready b'OK' reply b'OK' reply b'OK' reply b'OK' reply b'OK' exit 0 " \
	"OK when ready, OK for each of 4 lines, exit 0 at EOF"
is "$(events "$TMP/talk.json")" 2 "both events written by the time of their OK"

# --- a locked store: "retry:", then OK once it is free ------------------

# Another process holds the store's write lock; phishwatch must answer
# retry (rsyslog offers the line again later), not OK, and not hang.
cat >"$TMP/lock.py" <<'EOF'
import sqlite3, subprocess, sys

pw, rulebase, state, events, line = sys.argv[1:]
proc = subprocess.Popen([pw, "--omprog", "-r", rulebase, "-s", state,
                         "-o", events], stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE, text=True, bufsize=1)
print("ready " + proc.stdout.readline().strip())
db = sqlite3.connect(state, isolation_level=None, timeout=0)
db.execute("BEGIN IMMEDIATE")
for _ in range(2):
    proc.stdin.write(line + "\n")
    print("locked " + proc.stdout.readline().split(":")[0].strip())
db.execute("ROLLBACK")
proc.stdin.write(line + "\n")
print("free " + proc.stdout.readline().strip())
proc.stdin.close()
print("rest %r exit %d" % (proc.stdout.read(), proc.wait()))
EOF
"$PW" -r "$RULEBASE" -s "$TMP/lock.db" </dev/null 2>/dev/null	# create it
python3 "$TMP/lock.py" "$PW" "$RULEBASE" "$TMP/lock.db" "$TMP/lock.json" \
	"$(from_line r1 '<a@emalsrv.marriott.com>')" \
	>"$TMP/lock.out" 2>"$TMP/lock.err"
is "$(tr '\n' ' ' <"$TMP/lock.out")" \
	"ready OK locked retry locked retry free OK rest '' exit 0 " \
	"store locked: a retry reply per offer; free again: OK"
is "$(counter retries "$TMP/lock.err")" 2 "retries=2 in the counters"
n=$(events "$TMP/lock.json")
[ "$n" -ge 1 ]
ok $? "its event is out (none lost)"
# The store lock is taken before the event is written or the tracker
# moves: a refused offer changes nothing, the accepted one does it all.
is "$n" 1 "the event written once, not once per offer"
is "$(sqlite3 "$TMP/lock.db" 'SELECT phished_domain, messages FROM campaigns' 2>/dev/null)" \
	"marriott.com|1" "the line, done once, counted once"

done_testing
