#!/usr/bin/env bash
# mmnormalize.t - the same sm-mta lines through two real rsyslogds: the
# shipped phishwatch.conf (raw lines to phishwatch) and the shipped
# phishwatch-mmnormalize.conf (rsyslog's mmnormalize with the project's
# rulebase, its JSON to phishwatch --input json).  Both give the same
# events and the same store; the JSON path hands over only the lines the
# rulebase matched.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

export TZ=UTC

rs_need rsyslogd jq sqlite3

# The lines: campaigns, repeats, blocked and known ones, the outcome of
# messages, and lines the rulebase or the filter must leave out.
lines=(
	"$(from_line a1 '<a@emalsrv.marriott.com>' 'relay.example.net [203.0.113.7]')"
	"$(to_line a1 '<guest@example.com>' Sent)"
	"$(from_line a2 '<b@complains.marriott.com>')"
	"$(to_line a2 '<guest@example.com>' 'Deferred: Connection timed out')"
	"$(from_line b1 '<a@emalsrv.ups.com>')"
	"$(from_line c1 '<a@complains.staples.co.uk>' 'mx.example.co.uk [IPv6:2001:db8::7]')"
	"$(from_line d1 '<news@example.org>')"
	"$(from_line e1 '<a@emalsrv.linkedin.com>')"
	"$(from_line f1 '<x@[192.0.2.1]>')"
	"$(from_line g1 "<$(printf 'z%.0s' $(seq 1 1500))@emalsrv.dhl.com>")"
	'Jul  3 14:12:22 mx1 sm-mta[4709]: this is no line sendmail writes'
	'Jul  3 14:12:22 mx1 sm-mta: k1: a tag without a pid, no rule for it'
	'Jul  3 14:12:22 mx1 cron[9]: (root) CMD (true)'
)
sm_lines=12	# all but cron's

# run CONF - the lines through a private rsyslogd with CONF and
# route-file.conf; its tree in $RS_DIR
run() {
	rs_setup "${1%.conf}"
	printf 'emalsrv.ups.com\tREJECT\ncomplains.linkedin.com\tDISCARD\n' \
		>"$RS_DIR/etc/access"
	rs_install "$1" route-file.conf
	rs_start || return 1
	rs_mta "${lines[@]}"
	# a last campaign: its event says every line before it is done
	rs_mta "$(from_line z1 '<last@emalsrv.the-end.com>')"
	wait_for 'grep -qs the-end.com "$RS_DIR/log/events.json"' 30
	rs_stop
}
# events_of DIR - the events without what must differ (the time they
# were made; event.original, the text phishwatch read), sorted keys
events_of() {
	jq -cS 'del(.event.created, .event.original)' "$1/log/events.json" 2>/dev/null
}
# store_of DIR - the store's campaigns, senders and relays as text
store_of() {
	sqlite3 "$1/state/state.db" \
		'SELECT * FROM campaigns ORDER BY phished_domain;
		 SELECT * FROM senders ORDER BY sender_host;
		 SELECT * FROM relays ORDER BY 1, 2;' 2>/dev/null
}

run phishwatch.conf
ok $? "raw: rsyslogd with phishwatch.conf ran the lines"
raw=$RS_DIR
run phishwatch-mmnormalize.conf
ok $? "json: rsyslogd with phishwatch-mmnormalize.conf ran the lines"
json=$RS_DIR

is "$(jq -r '.phishwatch.sender_domain' "$raw/log/events.json" 2>/dev/null | tr '\n' ' ')" \
	"emalsrv.marriott.com complains.marriott.com complains.staples.co.uk emalsrv.linkedin.com emalsrv.dhl.com emalsrv.the-end.com " \
	"raw: the events expected (new campaigns, new hosts of known ones)"
is "$(events_of "$json")" "$(events_of "$raw")" \
	"json: the same events, field for field (but event.created and log)"
like "$(jq -r 'select(.phishwatch.sender_domain == "emalsrv.marriott.com") | .event.original' \
	"$json/log/events.json" 2>/dev/null)" '^\{.*"from": ?"<a@emalsrv\.marriott\.com>"' \
	"json: event.original is the object mmnormalize made of the line"
is "$(store_of "$json")" "$(store_of "$raw")" \
	"json: the same store (campaigns, counts, senders, relays)"
like "$(store_of "$raw" | grep '^marriott\.com|')" '^marriott\.com\|' \
	"(and the store is not empty)"

raw_read=$(RS_DIR=$raw rs_counter lines)
json_read=$(RS_DIR=$json rs_counter lines)
is "$raw_read" $((sm_lines + 1)) "raw: phishwatch read every sm-mta line"
is "$json_read" $((sm_lines + 1 - 1)) \
	"json: all but the one no rule matches"
is "$(RS_DIR=$json rs_counter unparsed)" 0 "json: and parsed each of them"
[ ! -s "$json/log/unparsed.log" ] && [ ! -s "$raw/log/unparsed.log" ]
ok $? "every event parsed by mmjsonparse in both (unparsed.log empty)"

done_testing
