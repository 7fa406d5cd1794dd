#!/usr/bin/env bash
# logrotate.t - rsyslog/phishwatch.logrotate rotates events.json and
# phishwatch.err while a private rsyslogd runs the real phishwatch and
# events keep coming: every event is in the old file or the new one,
# none twice, none lost; rsyslogd writes on in the new files (its pid
# file gets the HUP, as on a host without systemd); phishwatch runs on,
# not restarted.  logrotate runs on a private copy (paths rewritten) with
# its own state file (-s) and -f.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

export TZ=UTC
rs_need rsyslogd logrotate
N=600		# campaigns, one event each

rs_setup rotate
rs_install phishwatch.conf route-file.conf
sed -e "s|/var/log/phishwatch/|$RS_DIR/log/|g" \
    -e "s|/run/rsyslogd.pid|$RS_DIR/rsyslogd.pid|g" \
    -e '/elif \[ -d \/run\/systemd\/system \]/,/systemctl kill/d' \
	"$TOP/rsyslog/phishwatch.logrotate" >"$TMP/logrotate.conf"
grep -q "$RS_DIR/rsyslogd.pid" "$TMP/logrotate.conf" && ! grep -q systemctl "$TMP/logrotate.conf"
ok $? "private logrotate config: private paths, HUP through the private pid file only"
logrotate -d -s "$TMP/state" "$TMP/logrotate.conf" >"$TMP/lr-debug" 2>&1
ok $? "logrotate reads the shipped config (-d)"
rs_start
ok $? "rsyslogd starts with phishwatch.conf and route-file.conf"

for i in $(seq 1 $N); do
	printf '<22>'; from_line "q$i" "<a@emalsrv.brand$i.example>"
done >"$TMP/stream"
rs_send_paced "$TMP/stream" 6 &
sender=$!
track_pid "$sender"

events_now() { cat "$RS_DIR"/log/events.json* 2>/dev/null | wc -l; }
wait_for '[ "$(events_now)" -ge 100 ]' 30
ok $? "events are coming (100 so far)"
pid_before=$(rs_children | head -n 1)
rs_read_at_least 1	# counters in phishwatch.err, so that it rotates too
logrotate -f -s "$TMP/state" "$TMP/logrotate.conf" >"$TMP/lr.out" 2>&1
ok $? "logrotate -f while events come"
[ -s "$RS_DIR/log/events.json.1" ]
ok $? "events.json rotated to events.json.1"
wait "$sender"
wait_for '[ "$(events_now)" -ge '$N' ]' 60
rs_read_at_least $N
ok $? "phishwatch read all $N lines"
[ -s "$RS_DIR/log/events.json" ]
ok $? "rsyslogd writes on in a new events.json after the HUP"

cat "$RS_DIR/log/events.json.1" "$RS_DIR/log/events.json" >"$TMP/all"
is "$(wc -l <"$TMP/all" | tr -d ' ')" "$N" "$N events across the two files: none lost, none twice"
is "$(jq -r .threat.indicator.url.domain <"$TMP/all" | sort -u | wc -l | tr -d ' ')" "$N" \
	"$N different sender hosts, each once"
jq -e . "$TMP/all" >/dev/null 2>&1
ok $? "every line whole JSON (none cut at the rotation)"
first=$(wc -l <"$RS_DIR/log/events.json.1" | tr -d ' ')
diag "$first events before the rotation, $(wc -l <"$RS_DIR/log/events.json") after"

# phishwatch.err (omprog's output= file) rotated too, and reopened
[ -e "$RS_DIR/log/phishwatch.err.1" ]
ok $? "phishwatch.err rotated to phishwatch.err.1"
is "$(rs_children | head -n 1)" "$pid_before" "phishwatch ran on through the rotation (same pid)"
like "$(grep -c 'phishwatch: info: counters:' "$RS_DIR/log/phishwatch.err")" '^[1-9]' \
	"its counters after the rotation land in the new phishwatch.err"

# A second rotation: the first old file is compressed now (delaycompress)
rs_mta "$(from_line z1 '<a@emalsrv.last.example>')"
wait_for '[ "$(cat "$RS_DIR"/log/events.json | wc -l)" -ge 1 ] && grep -q last.example "$RS_DIR/log/events.json"' 60
logrotate -f -s "$TMP/state" "$TMP/logrotate.conf" >"$TMP/lr.out" 2>&1
ok $? "a second logrotate -f"
is "$(zcat "$RS_DIR/log/events.json.2.gz" 2>/dev/null | wc -l | tr -d ' ')" "$first" \
	"events.json.2.gz: the first rotation's file, compressed, whole"
rs_stop
is "$RS_STATUS" 0 "rsyslogd stops by pid"
done_testing
