#!/usr/bin/env bash
# fields.t - every host or address a log line gives (the syslog header's
# host, the relay's address and name) passes the hostname/address gate
# before it reaches an event or the store: IP addresses through
# inet_pton (IPv6 after sendmail's "IPv6:" tag), names as LDH labels.
# What fails is left out and never written; a bad syslog host or relay
# address (which sendmail and syslog never write) is counted as
# invalid_fields; a relay name that is no domain ("localhost", a bare
# label) is only left out.
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

HOST_RE='^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$'

# msg MTA QID SENDER RELAY - a from= line and its delivery, logged by MTA
msg() {
	printf 'Jul  3 14:12:20 %s sm-mta[1]: %s: from=<%s>, size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=%s\n' \
		"$1" "$2" "$3" "$4"
	printf 'Jul  3 14:12:21 %s sm-mta[1]: %s: to=<u@example.org>, delay=00:00:01, mailer=local, pri=1, dsn=2.0.0, stat=Sent\n' \
		"$1" "$2"
}

{
	msg 'mx1..-evil-' q1 a@emalsrv.dhl.com 'evil [dead.beef]'
	msg '-mx2' q2 a@emalsrv.fedex.com 'x [IPv6:2001:db8::zz]'
	msg 'mx5_x' q3 a@emalsrv.usps.com 'r [1.2.3]'
	msg '192.0.2.300' q4 a@emalsrv.ups.com 'r [192.0.2.01]'
	msg 'mx..' q5 a@emalsrv.ebay.com 'r [::1]'
	msg 'MX4.Example.' q6 a@emalsrv.adp.com 'Relay.Example.NET. [IPv6:2001:DB8:0:0::1]'
	msg 'mx6' q7 a@emalsrv.chase.com 'good.example [192.0.2.7]'
	msg '2001:db8::5' q8 a@emalsrv.amazon.com '[192.0.2.8]'
} >"$TMP/log"
pw -r "$RULEBASE" -s "$TMP/state.db" "$TMP/log" >"$TMP/out" 2>"$TMP/err"
is "$?" 0 "exit 0"
is "$(events "$TMP/out")" 8 "one event a campaign, whatever its fields"

# The events: host.hostname, source.ip, source.domain, related.*
is "$(jq -r '.host.hostname // "-"' "$TMP/out" | tr '\n' ' ')" \
	"- - - - - mx4.example mx6 2001:db8::5 " \
	"events: only valid syslog hosts (or addresses) as host.hostname"
is "$(jq -r '.source.ip // "-"' "$TMP/out" | tr '\n' ' ')" \
	"- - - - - 2001:db8::1 192.0.2.7 192.0.2.8 " \
	"events: only IP addresses as source.ip (IPv6 after its tag)"
is "$(jq -r '.source.domain // "-"' "$TMP/out" | tr '\n' ' ')" \
	"- - - - - relay.example.net good.example - " \
	"events: only host names as source.domain"
is "$(jq -r '(.related.ip // []) | .[]' "$TMP/out" | tr '\n' ' ')" \
	"2001:db8::1 192.0.2.7 192.0.2.8 " "events: related.ip holds the valid addresses only"
# event.original is the line itself, escaped; every other field is checked
unlike "$(jq -c 'del(.event.original)' "$TMP/out")" 'evil|dead\.beef|zz|_x|1\.2\.3"|192\.0\.2\.01|192\.0\.2\.300|"::1"|mx\.\.' \
	"events: no invalid host or address in any field but event.original"

# The store: per-MTA counts and relays
mtas=$(sqlite3 "$TMP/state.db" 'SELECT DISTINCT mta FROM campaign_mtas ORDER BY mta')
is "$(printf '%s' "$mtas" | tr '\n' ' ')" "2001:db8::5 mx4.example mx6" \
	"store: campaign_mtas names the valid MTAs only"
bad=0
for m in $mtas; do
	printf '%s\n' "$m" | grep -Eq "$HOST_RE|^[0-9a-f:]+$" || bad=1
done
is "$bad" 0 "store: every MTA name a host name or an address"
is "$(sqlite3 "$TMP/state.db" 'SELECT relay FROM relays ORDER BY relay' | tr '\n' ' ')" \
	"192.0.2.7 192.0.2.8 2001:db8::1 " "store: relays holds valid addresses only"
is "$(sqlite3 "$TMP/state.db" "SELECT count(*) FROM relays WHERE relay LIKE '%dead%' OR relay LIKE '%zz%' OR relay = '1.2.3' OR relay = '::1'")" \
	0 "store: no [dead.beef] or other non-address relay"
is "$(sqlite3 "$TMP/state.db" 'SELECT sum(messages), sum(delivered) FROM campaigns')" "8|8" \
	"store: every message and delivery still counted in its campaign"
is "$(sqlite3 "$TMP/state.db" 'SELECT sum(messages) FROM campaign_mtas')" 3 \
	"store: per-MTA counts only for the valid MTAs"

# Counted and said, at a limited rate
is "$(counter invalid_fields "$TMP/err")" 15 \
	"counted: 5 bad syslog hosts (on from= and to= lines) and 5 bad relay addresses"
# The warning names the line by file and line, time and queue id; the
# bad host itself is left out of it.
like "$(cat "$TMP/err")" "warning: $TMP/log:1 [0-9]{4}-07-03T14:12:20Z qid q1: syslog host is not a host name or an address; omitted" \
	"warned: a bad syslog host"
like "$(cat "$TMP/err")" "warning: $TMP/log:1 [0-9]{4}-07-03T14:12:20Z qid q1: relay address is not an IP address; omitted" \
	"warned: a bad relay address"
ok "$(LC_ALL=C grep -q '[^ -~]' "$TMP/err"; [ $? -ne 0 ]; echo $?)" \
	"diagnostics: printable ASCII only"

# --report reads what the store holds: no invalid name there either
pw -r "$RULEBASE" -s "$TMP/state.db" --report=json >"$TMP/report.json" 2>/dev/null
is "$?" 0 "--report: exit 0"
unlike "$(cat "$TMP/report.json")" 'evil|dead\.beef|_x|mx\.\.' "--report: no invalid name"

# A from= line with fields before relay= that sendmail.rb's first rules
# do not list (tls_verify= and auth=, which a sendmail built with
# _FFR_LOG_MORE1 writes there) keeps its relay.
for forged in "" " (may be forged)"; do
	printf 'Jul  3 14:12:20 mx1 sm-mta[1]: q9: from=<a@emalsrv.dhl.com>, size=1, class=0, nrcpts=1, msgid=<m@x>, proto=ESMTPS, daemon=MTA, tls_verify=NO, auth=NONE, relay=u@mail.example.net [192.0.2.9]%s\n' \
		"$forged" >"$TMP/more1"
	pw -r "$RULEBASE" "$TMP/more1" >"$TMP/more1.out" 2>/dev/null
	is "$(jq -r '[.source.domain, .source.ip] | join(" ")' "$TMP/more1.out")" \
		"mail.example.net 192.0.2.9" "tls_verify= and auth= before relay=$forged: the relay kept"
done
done_testing
