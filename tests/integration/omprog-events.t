#!/usr/bin/env bash
# omprog-events.t - the real phishwatch under a real rsyslogd: sm-mta lines
# in over TCP (imtcp), through the shipped phishwatch.conf (omprog, the
# events socket, mmjsonparse) to route-file.conf (omfile): one event per
# new campaign, its fields right, one per new sender host of a known
# campaign, nothing for blocked senders nor for other programs' lines; an event too large for a datagram still
# arrives whole; a restarted rsyslogd repeats no event.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

# rsyslogd reads the RFC 3164 stamps sent below as UTC.
export TZ=UTC

rs_need rsyslogd jq sqlite3

rs_setup events
cat >"$RS_DIR/etc/access" <<'EOF'
# the site already blocks these
emalsrv.ups.com			REJECT
complains.linkedin.com		DISCARD
EOF
rs_install phishwatch.conf route-file.conf
rs_start
ok $? "rsyslogd starts with phishwatch.conf and route-file.conf"

long_local=$(printf 'x%.0s' $(seq 1 7000))
rs_mta \
	"$(from_line m1 '<a@emalsrv.marriott.com>' 'relay.example.net [203.0.113.7]')" \
	"$(from_line m2 '<b@emalsrv.marriott.com>')" \
	"$(from_line m3 '<c@complains.marriott.com>')" \
	"$(to_line m1 '<guest@example.com>' Sent)" \
	"$(from_line u1 '<a@emalsrv.ups.com>')" \
	"$(from_line l1 '<a@emalsrv.linkedin.com>')" \
	"$(from_line n1 '<news@example.org>')" \
	"$(from_line s1 '<a@emalsrv.staples.co.uk>')" \
	"$(from_line d1 "<$long_local@emalsrv.dhl.com>")" \
	"$(from_line m4 '<d@emalsrv.marriott.com>')"
# lines of other programs: the omprog action must never see them
rs_send "<13>Jul  3 14:12:22 mx1 cron[9]: (root) CMD (true)" \
	"<22>Jul  3 14:12:22 mx1 dovecot[9]: imap-login: Login: user=<guest>"
sent=10

rs_read_at_least $sent
ok $? "phishwatch read the $sent sm-mta lines"
events="$RS_DIR/log/events.json"
wait_for 'rs_lines_at_least "$events" 5' 30
pw_pid=$(rs_children)
rs_stop
is "$RS_STATUS" 0 "rsyslogd stops by pid"
rs_alive "${pw_pid:-0}"
ok $((! $?)) "and phishwatch with it"

is "$(rs_counter lines)" $sent \
	"phishwatch's exit counters: lines=$sent (no cron, no dovecot line)"
is "$(rs_counter events)" 5 "and events=5"
is "$(wc -l <"$events" 2>/dev/null | tr -d ' ')" 5 "five events in events.json"
is "$(jq -r '.event.action + ":" + .phishwatch.sender_domain' "$events" 2>/dev/null | tr '\n' ' ')" \
	"phished-domain-first-seen:emalsrv.marriott.com sender-domain-first-seen:complains.marriott.com sender-domain-first-seen:emalsrv.linkedin.com phished-domain-first-seen:emalsrv.staples.co.uk phished-domain-first-seen:emalsrv.dhl.com " \
	"one per new campaign and one per new host of a known one (linkedin.com: known from the map), in order; none for ups.com (blocked)"
is "$(jq -r 'select(.phishwatch.sender_domain == "emalsrv.linkedin.com") | .phishwatch.suggested_access' "$events" 2>/dev/null)" \
	"$(printf 'emalsrv.linkedin.com\tERROR:"550 5.7.1 Sender banned"')" \
	"the new host's event carries the access line that blocks it"
[ ! -s "$RS_DIR/log/unparsed.log" ]
ok $? "every datagram parsed as an event (unparsed.log empty)"

# event DOMAIN FILTER - FILTER applied to DOMAIN's first-seen event
event() {
	jq -c --arg d "$1" "select(.phishwatch.phished_domain == \$d
		and .event.action == \"phished-domain-first-seen\") | $2" \
		"$events" 2>/dev/null
}

is "$(event marriott.com '.event | [.kind, .action, .category]')" \
	'["alert","phished-domain-first-seen",["email","threat"]]' \
	"event.kind, .action, .category"
like "$(event marriott.com '."@timestamp"')" \
	'^"[0-9]{4}-07-03T14:12:20\.000Z"$' "@timestamp is the log line's, in UTC"
like "$(event marriott.com '.event.created')" \
	'^"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\.[0-9]{3}Z"$' "event.created set"
is "$(event marriott.com '[.email.from.address, .email.local_id]')" \
	'[["a@emalsrv.marriott.com"],"m1"]' \
	"email.from.address and email.local_id of the first message"
is "$(event marriott.com '[.source.ip, .source.domain]')" \
	'["203.0.113.7","relay.example.net"]' "source.ip and source.domain"
is "$(event marriott.com '[.host.hostname, .process.name, .process.pid]')" \
	'["mx1","sm-mta",4707]' "host.hostname, process.name, process.pid"
is "$(event marriott.com '[.threat.indicator.type, .threat.indicator.url.domain, .rule.name]')" \
	'["domain-name","emalsrv.marriott.com","label:emalsrv"]' \
	"threat.indicator and rule.name"
is "$(event marriott.com '.phishwatch | [.phished_domain, .sender_domain, .suggested_access]')" \
	'["marriott.com","emalsrv.marriott.com","emalsrv.marriott.com\tERROR:\"550 5.7.1 Sender banned\""]' \
	"phishwatch.phished_domain, sender_domain, suggested_access"
like "$(event marriott.com '.event.original')" \
	'^"[0-9]{4}-07-03T14:12:20(Z|[+-]00:00) mx1 sm-mta\[4707\]: m1: from=<a@emalsrv\.marriott\.com>, size=4210, ' \
	"event.original: the line as phishwatch.conf hands it over"
is "$(event staples.co.uk '.phishwatch | [.phished_domain, .sender_domain]')" \
	'["staples.co.uk","emalsrv.staples.co.uk"]' \
	"staples.co.uk: the registrable domain under a public suffix"

# The dhl.com line is 7 KB: with event.original its event would be over the
# 8096 bytes rsyslog keeps of a datagram, so the emitter sent it again
# without event.original, the 7000-byte address cut at 1024 with "...".
is "$(event dhl.com '.event | has("original")')" false \
	"an event over 8096 bytes arrives without event.original"
address=$(event dhl.com '.email.from.address[0]' | tr -d '"')
is "${#address}" 1024 "its sender address cut at 1024 bytes"
like "$address" '^x{1021}\.\.\.$' "marked with ..."
is "$(event dhl.com '.phishwatch.sender_domain')" '"emalsrv.dhl.com"' \
	"and otherwise whole"

# The store: the campaigns and what they counted.
db="$RS_DIR/state/state.db"
is "$(sqlite3 "$db" 'SELECT phished_domain, messages FROM campaigns ORDER BY 1' 2>/dev/null | tr '\n' ' ')" \
	"dhl.com|1 linkedin.com|1 marriott.com|4 staples.co.uk|1 ups.com|1 " \
	"the store counts every campaign message, blocked and known ones too"
is "$(sqlite3 "$db" "SELECT sender_host FROM senders WHERE phished_domain = 'marriott.com' ORDER BY 1" 2>/dev/null | tr '\n' ' ')" \
	"complains.marriott.com emalsrv.marriott.com " \
	"and both sender hosts of marriott.com"

# Again, a new rsyslogd on the same state: old campaigns stay quiet.
mv "$RS_DIR/log/phishwatch.err" "$RS_DIR/log/phishwatch.err.1"	# new counters
rs_start
ok $? "rsyslogd starts again on the same state"
rs_mta "$(from_line m5 '<e@emalsrv.marriott.com>')" \
	"$(from_line f1 '<a@emalsrv.fedex.com>')"
rs_read_at_least 2
ok $? "the new phishwatch read both lines"
wait_for 'rs_lines_at_least "$events" 6' 30
rs_stop
is "$(jq -r '.phishwatch.phished_domain' "$events" 2>/dev/null | tail -n +6 | tr '\n' ' ')" \
	"fedex.com " "after a restart only the new campaign gives an event"

done_testing
