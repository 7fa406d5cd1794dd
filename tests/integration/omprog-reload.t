#!/usr/bin/env bash
# omprog-reload.t - SIGHUP under a real rsyslogd: phishwatch (shipped
# phishwatch.conf, route-file.conf) reloads the access map when rsyslogd
# gets HUP (hup.signal forwards it) or when it gets one itself; a campaign
# the new map blocks gives no event.  A reload that fails (access map
# gone, rulebase broken) keeps the whole previous set, says why in the
# output= file, and the same process goes on.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

export TZ=UTC

rs_need rsyslogd jq

rs_setup reload
# a rulebase of its own, to break it later
RS_RULEBASE="$RS_DIR/etc/sendmail.rb"
cp "$RULEBASE" "$RS_RULEBASE"
access="$RS_DIR/etc/access"
rs_install phishwatch.conf route-file.conf
rs_start
ok $? "rsyslogd starts with phishwatch.conf and route-file.conf"

events="$RS_DIR/log/events.json"
err="$RS_DIR/log/phishwatch.err"
seen=0		# lines phishwatch has read so far
# send LINE... - the lines to phishwatch; wait until it has read them
send() {
	rs_mta "$@"
	seen=$((seen + $#))
	rs_read_at_least $seen
}
# campaigns - phished domains of the events so far, space-separated
campaigns() {
	jq -r '.phishwatch.phished_domain' "$events" 2>/dev/null | tr '\n' ' '
}
# said PATTERN - how many lines of the output= file match PATTERN
said() { grep -c -- "$1" "$err" 2>/dev/null; }

send "$(from_line m1 '<a@emalsrv.marriott.com>')"
ok $? "phishwatch reads a first line"
pw_pid=$(rs_children)
wait_for '[ -s "$events" ]' 30
is "$(campaigns)" "marriott.com " "a first campaign: its event"

# --- a new access entry, HUP to rsyslogd -------------------------------

printf 'emalsrv.ups.com\tREJECT\n' >"$access"
kill -HUP "$RS_PID"
wait_for '[ "$(said "info: reloaded")" -ge 1 ]' 30
like "$(grep 'reloaded' "$err")" \
	'^[0-9TZ:.-]+ phishwatch: info: reloaded rulebase, labels and 1 access map' \
	"HUP to rsyslogd: phishwatch says it reloaded, with the time"
send "$(from_line u1 '<a@emalsrv.ups.com>')" \
	"$(from_line d1 '<a@emalsrv.dhl.com>')"
ok $? "phishwatch reads two more lines"
is "$(campaigns)" "marriott.com dhl.com " \
	"ups.com, blocked by the new entry: no event; dhl.com: its event"

# --- the access map gone, HUP to phishwatch itself ---------------------

mv "$access" "$access.moved"
kill -HUP "$pw_pid"
wait_for '[ "$(said "reload failed")" -ge 1 ]' 30
like "$(cat "$err")" "error: access map [^ ]*/etc/access: No such file or directory" \
	"access map gone: phishwatch says which file and why"
like "$(cat "$err")" 'warning: reload failed; keeping the previous configuration' \
	"and that it keeps the previous configuration"
send "$(from_line u2 '<b@emalsrv.ups.com>')" \
	"$(from_line f1 '<a@emalsrv.fedex.com>')"
ok $? "phishwatch reads on"
is "$(campaigns)" "marriott.com dhl.com fedex.com " \
	"ups.com still blocked (old map kept); fedex.com: its event"

# --- a broken rulebase: the new access entry is not taken either -------

printf 'emalsrv.ups.com\tREJECT\nemalsrv.usps.com\tREJECT\n' >"$access"
echo 'rule=from:%date:date-rfc3164% %host:no-such-parser% %rest:rest%' \
	>>"$RS_RULEBASE"
kill -HUP "$RS_PID"
wait_for '[ "$(said "reload failed")" -ge 2 ]' 30
like "$(cat "$err")" "error: rulebase [^ ]*/etc/sendmail\\.rb:[0-9]+: .*no-such-parser" \
	"broken rulebase: phishwatch names the file, the line and the fault"
is "$(said 'reload failed')" 2 "and keeps the previous configuration"
send "$(from_line s1 '<a@emalsrv.usps.com>')"
ok $? "phishwatch reads on"
is "$(campaigns)" "marriott.com dhl.com fedex.com usps.com " \
	"usps.com: an event; neither the rulebase nor the access map was half taken"

# --- repaired: the set is taken whole ----------------------------------

cp "$RULEBASE" "$RS_RULEBASE"
kill -HUP "$RS_PID"
wait_for '[ "$(said "info: reloaded")" -ge 2 ]' 30
is "$(said 'info: reloaded')" 2 "repaired rulebase: reloaded"
send "$(from_line t1 '<b@emalsrv.usps.com>')" \
	"$(from_line t2 '<a@complains.tnt.com>')"
ok $? "phishwatch reads on"
is "$(campaigns)" "marriott.com dhl.com fedex.com usps.com tnt.com " \
	"one event more, for tnt.com"

is "$(rs_children)" "$pw_pid" "all the while the same phishwatch process"
rs_stop
is "$RS_STATUS" 0 "rsyslogd stops by pid"
like "$(grep 'phishwatch: info: exit:' "$err")" '^[0-9TZ:.-]+ phishwatch: info: exit: lines=8 .* events=5 ' \
	"phishwatch read 8 lines and wrote 5 events in all"

done_testing
