#!/usr/bin/env bash
# kill-load.t - kill -9 under load: 100,000 sm-mta messages with 10
# planted campaigns stream through a real rsyslogd (the shipped
# phishwatch.conf and route-file.conf) while phishwatch is killed with
# SIGKILL 20 times at random moments.  Then:
#   - every message was confirmed ("OK") exactly once: none lost, none
#     confirmed twice; lines in flight at a kill were offered again
#   - all 10 first-seen events are in the event file (a repeat per kill
#     is allowed and counted)
#   - the store passes PRAGMA integrity_check and holds the 10 campaigns
# The replies are seen through a wrapper that rsyslog runs in place of
# phishwatch (RS_BINARY): it execs phishwatch itself (same pid, so the
# kill hits phishwatch) with stdout through tee into a file per run.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

MESSAGES=100000
CAMPAIGNS=10
KILLS=20
RANDOM=7		# the kill moments repeat from run to run

for tool in rsyslogd jq sqlite3 python3 tee; do
	command -v "$tool" >/dev/null
	ok $? "$tool is installed (make deps)"
done

# The messages: ordinary mail, and every 997th (after the first 1,000) a
# message of one of the 10 campaigns, in turn, so each campaign first
# appears early and then again and again between the kills.
python3 - "$MESSAGES" "$CAMPAIGNS" >"$TMP/lines" <<'EOF'
import sys
messages, campaigns = int(sys.argv[1]), int(sys.argv[2])
# letters no two of which look alike (c and e do in a long label)
brands = [c * 3 + "mart.com" for c in "abdfghjkpq"[:campaigns]]
line = ("<22>Mar  3 %02d:%02d:%02d mx1 sm-mta[%d]: k%07d: from=<%s>, "
        "size=100, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=%s\n")
out = sys.stdout
for i in range(messages):
    t = i // 100
    stamp = (t // 3600 % 24, t // 60 % 60, t % 60, 1000 + i % 30000, i)
    if i >= 1000 and i % 997 == 0:
        brand = brands[(i // 997) % campaigns]
        out.write(line % (stamp + ("x%d@emalsrv.%s" % (i, brand),
                                   "relay.example.net [203.0.113.7]")))
    else:
        out.write(line % (stamp + ("user%d@example%d.org" % (i, i % 50),
                                   "mail.example.org [192.0.2.1]")))
EOF
is "$(wc -l <"$TMP/lines" | tr -d ' ')" "$MESSAGES" "$MESSAGES messages made"

rs_setup killload
RUNS="$RS_DIR/runs"
mkdir -p "$RUNS"
cat >"$RS_DIR/phishwatch-tee" <<EOF
#!/usr/bin/env bash
# phishwatch, its replies copied to $RUNS/replies.PID (one file per run)
echo \$\$ >>"$RUNS/pids"
exec "$PW" "\$@" > >(exec tee "$RUNS/replies.\$\$")
EOF
chmod +x "$RS_DIR/phishwatch-tee"
RS_BINARY="$RS_DIR/phishwatch-tee"
rs_install phishwatch.conf route-file.conf
# One change to the shipped config: rsyslog retries a failed action after
# action.resumeInterval (10 s shipped), 1 s here, so that 20 restarts fit
# in the test's time.
sed -i 's/action\.resumeInterval="10"/action.resumeInterval="1"/' \
	"$RS_DIR/conf/phishwatch.conf"
grep -q 'action.resumeInterval="1"' "$RS_DIR/conf/phishwatch.conf"
ok $? "resumeInterval shortened in the private copy"
rs_start
ok $? "rsyslogd starts with the shipped phishwatch.conf and route-file.conf"

# running - the pid of the phishwatch now running under rsyslogd, if any
running() {
	_p=$(tail -n 1 "$RUNS/pids" 2>/dev/null)
	[ -n "$_p" ] && rs_alive "$_p" &&
		[ "$(readlink "/proc/$_p/exe")" = "$(readlink -f "$PW")" ] &&
		echo "$_p"
}

# confirmed - message lines confirmed so far, over every run: each run's
# replies less its first "OK" (ready)
confirmed() {
	_n=0
	for _f in "$RUNS"/replies.*; do
		[ -f "$_f" ] || continue
		_ok=$(grep -cx OK "$_f")
		[ "$(head -n 1 "$_f")" = OK ] && _ok=$((_ok - 1))
		_n=$((_n + _ok))
	done
	echo "$_n"
}

# instances - how many phishwatch processes run under rsyslogd now
instances() {
	_n=0
	for _p in $(cat /proc/"$RS_PID"/task/*/children 2>/dev/null); do
		[ "$(readlink "/proc/$_p/exe")" = "$(readlink -f "$PW")" ] &&
			_n=$((_n + 1))
	done
	echo "$_n"
}

# The stream: the messages in KILLS + 1 slices over one connection, the
# next slice sent after each kill, so that every kill falls while lines
# stream in, on a fast machine as on a loaded one (a stream paced by the
# clock could end before the 20th kill when restarts are slow).
split -n "l/$((KILLS + 1))" -a 3 "$TMP/lines" "$TMP/slice."
slices=("$TMP"/slice.*)
start=$(date +%s)
exec 9<>"/dev/tcp/127.0.0.1/$RS_PORT"
ok $? "a connection to rsyslogd"

# 20 kills, each after a random 0.01..0.15 s once phishwatch has confirmed
# something since the last one (so every kill hits a live, working
# process, at a random point of its work)
kills=0
last=0
most=0
sent_all=0
# progress - phishwatch has confirmed more than $last, and runs (pid)
progress() { [ "$(confirmed)" -gt "$last" ] && pid=$(running); }
for slice in "${slices[@]}"; do
	cat "$slice" >&9 || sent_all=1
	[ "$kills" -lt "$KILLS" ] || continue
	wait_for progress 120 || break
	sleep "0.$(printf '%02d' $((RANDOM % 15 + 1)))"
	n=$(instances)
	[ "$n" -gt "$most" ] && most=$n
	last=$(confirmed)
	kill -KILL "$pid" && kills=$((kills + 1))
done
exec 9>&-
is "$kills" "$KILLS" "phishwatch killed $KILLS times while the messages stream in"
is "$most" 1 "one phishwatch at a time (its store has one writer)"

wait_for '[ "$(confirmed)" -ge "$MESSAGES" ]' 300
elapsed=$(($(date +%s) - start))
is "$sent_all" 0 "every message was sent to rsyslogd"
is "$(confirmed)" "$MESSAGES" "every message confirmed exactly once (none lost, none twice)"
runs=$(wc -l <"$RUNS/pids" | tr -d ' ')
retries=$(cat "$RUNS"/replies.* | grep -cvx OK)
diag "$MESSAGES messages in ${elapsed}s: $kills kills, $runs runs, $retries retry replies"
ok "$([ "$runs" -gt "$KILLS" ]; echo $?)" "rsyslog restarted phishwatch after each kill ($runs runs)"

events="$RS_DIR/log/events.json"
wait_for '[ "$(jq -r "select(.event.action == \"phished-domain-first-seen\") | .phishwatch.phished_domain" "$events" 2>/dev/null | sort -u | wc -l)" -ge $CAMPAIGNS ]' 60
seen=$(jq -r 'select(.event.action == "phished-domain-first-seen") | .phishwatch.phished_domain' \
	"$events" 2>/dev/null | sort)
is "$(printf '%s\n' "$seen" | sort -u | tr '\n' ' ')" \
	"aaamart.com bbbmart.com dddmart.com fffmart.com gggmart.com hhhmart.com jjjmart.com kkkmart.com pppmart.com qqqmart.com " \
	"all $CAMPAIGNS first-seen events are there"
dups=$(($(printf '%s\n' "$seen" | grep -c .) - CAMPAIGNS))
diag "first-seen events repeated by kills: $dups"
ok "$([ "$dups" -le "$KILLS" ]; echo $?)" "at most one repeat per kill ($dups)"

rs_stop
is "$RS_STATUS" 0 "rsyslogd stops cleanly"
db="$RS_DIR/state/state.db"
is "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok "the store passes PRAGMA integrity_check"
is "$(sqlite3 "$db" 'SELECT count(*) FROM campaigns')" "$CAMPAIGNS" \
	"the store holds the $CAMPAIGNS campaigns once each"
[ "$_tap_fail" -eq 0 ] || rs_diag
done_testing
