#!/usr/bin/env bash
# omprog-kill.t - nothing is lost when phishwatch dies: 20,000 sm-mta
# lines through a real rsyslogd (shipped phishwatch.conf, route-file.conf)
# while the test kills phishwatch with SIGKILL three times in the middle.
# rsyslog restarts it and offers the unconfirmed line again; at the end
# every campaign message is in the store's counts (none lost; a line that
# was committed but not yet confirmed at a kill may count twice) and
# every campaign has its first-seen event (a repeat allowed per kill).

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

LINES=20000
CAMPAIGNS=50		# one new every 400 lines
KILL_AT="10 25 40"	# kill when this many events are out
export LC_ALL=C		# sort, comm and join agree with python's sorted()

rs_need rsyslogd jq sqlite3 python3

# The lines: campaign k starts at line 400k; later campaign lines pick an
# open campaign at random (seeded), one line in four is ordinary mail.
# The last line starts a campaign of its own: its event means all is read.
# Expected messages per campaign in $TMP/expect ("domain count").
python3 - "$LINES" "$CAMPAIGNS" "$TMP/lines" "$TMP/expect" <<'EOF'
import random, sys

lines, campaigns, out_path, expect_path = sys.argv[1:]
lines, campaigns = int(lines), int(campaigns)
rnd = random.Random(3)
# brand names far apart, so that none is a lookalike of another
brands = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(10))
          + ".com" for _ in range(campaigns)]
head = "<22>Mar  3 10:%02d:%02d mx1 sm-mta[%d]: k%06d: from=<%s>, size=100, " \
       "class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=%s\n"
count = {}
with open(out_path, "w") as out:
    for i in range(lines):
        if i % 400 == 0 and i // 400 < campaigns:
            c = i // 400
        elif i % 4 == 3:
            out.write(head % (i // 60 % 60, i % 60, 1000 + i, i,
                              "news@example.org",
                              "mail.example.org [192.0.2.1]"))
            continue
        else:
            c = rnd.randrange(min(i // 400 + 1, campaigns))
        brand = brands[c]
        count[brand] = count.get(brand, 0) + 1
        out.write(head % (i // 60 % 60, i % 60, 1000 + i, i,
                          "x%d@emalsrv.%s" % (i, brand),
                          "relay.example.net [203.0.113.7]"))
    out.write(head % (59, 59, 999, lines, "last@emalsrv.the-end.com",
                      "relay.example.net [203.0.113.7]"))
    count["the-end.com"] = 1
with open(expect_path, "w") as f:
    for brand in sorted(count):
        f.write("%s %d\n" % (brand, count[brand]))
EOF
is "$(wc -l <"$TMP/lines" | tr -d ' ')" $((LINES + 1)) "$LINES lines and a last one made"
expected=$(awk '{ n += $2 } END { print n }' "$TMP/expect")
domains=$(wc -l <"$TMP/expect" | tr -d ' ')

rs_setup kill
rs_install phishwatch.conf route-file.conf
rs_start
ok $? "rsyslogd starts with phishwatch.conf and route-file.conf"
events="$RS_DIR/log/events.json"
the_end() { grep -q '"phished_domain":"the-end.com"' "$events" 2>/dev/null; }
# firsts - first-seen events so far (0 before the file exists)
firsts() {
	if [ -f "$events" ]; then grep -c phished-domain-first-seen "$events"
	else echo 0; fi
}

start=$(date +%s%N)
rs_send_file "$TMP/lines" &
sender=$!
track_pid $sender

kills=0
in_middle=0
restarted=0
killed_pids=""
for at in $KILL_AT; do
	wait_for "[ \$(firsts) -ge $at ]" 60 || break
	victim=$(rs_children | head -n 1)
	[ -n "$victim" ] || break
	the_end || in_middle=$((in_middle + 1))
	kill -KILL "$victim"
	kills=$((kills + 1))
	killed_pids="$killed_pids $victim"
	# rsyslog starts a new phishwatch when it next has a line for it
	wait_for 'p=$(rs_children | head -n 1); [ -n "$p" ] && [ "$p" != "$victim" ]' 30 &&
		restarted=$((restarted + 1))
done
is "$kills" 3 "phishwatch killed (SIGKILL) 3 times"
is "$in_middle" 3 "each time in the middle of the run (last line not yet read)"
is "$restarted" 3 "each time rsyslog started a new phishwatch"

wait_for the_end 120
ok $? "the last line's event arrives: all $((LINES + 1)) lines went through"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
wait "$sender"
ok $? "the sender wrote all lines"
rs_stop
is "$RS_STATUS" 0 "rsyslogd stops by pid"

for p in $killed_pids; do
	grep -q "(pid $p) terminated by signal 9" "$RS_DIR/rsyslogd.log"
	ok $? "rsyslogd saw phishwatch $p killed by signal 9"
done

# No first-seen event lost: every campaign has one; repeats counted.
jq -r 'select(.event.action == "phished-domain-first-seen")
	| .phishwatch.phished_domain' "$events" >"$TMP/first" 2>"$TMP/jq.err"
ok $? "events.json holds JSON events only"
sort -u "$TMP/first" >"$TMP/seen"
is "$(wc -l <"$TMP/seen" | tr -d ' ')" "$domains" \
	"an event for each of the $domains campaigns"
is "$(cut -d' ' -f1 "$TMP/expect" | comm -3 - "$TMP/seen")" "" \
	"for exactly the campaigns sent"
total_events=$(wc -l <"$TMP/first" | tr -d ' ')
repeated=$((total_events - domains))
[ "$repeated" -ge 0 ] && [ "$repeated" -le "$kills" ]
ok $? "events repeated: $repeated (at most one per kill)"

# No message lost: the store counted every campaign message.
sqlite3 -separator ' ' "$RS_DIR/state/state.db" \
	'SELECT phished_domain, messages FROM campaigns ORDER BY 1' \
	>"$TMP/stored" 2>/dev/null
short=$(join "$TMP/expect" "$TMP/stored" | awk '$3 < $2 { print $1, $2, $3 }')
is "$short" "" "every campaign's stored count is at least what was sent"
stored=$(awk '{ n += $2 } END { print n + 0 }' "$TMP/stored")
counted_twice=$((stored - expected))
[ "$counted_twice" -ge 0 ] && [ "$counted_twice" -le "$kills" ]
ok $? "messages: $expected sent, $stored counted ($counted_twice twice: at most one per kill)"

like "$(tail -n 1 "$RS_DIR/log/phishwatch.err" 2>/dev/null)" \
	'^[0-9TZ:.-]+ phishwatch: info: exit: lines=[0-9]+ ' \
	"the last phishwatch exits cleanly when rsyslogd stops"
diag "$((LINES + 1)) lines in ${elapsed_ms} ms, $kills kills, $restarted restarts," \
	"$repeated repeated events, $counted_twice messages counted twice"

done_testing
