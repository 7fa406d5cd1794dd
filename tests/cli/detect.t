#!/usr/bin/env bash
# A campaign's first sender gives one event with the fields of DESIGN.md,
# each new sender host of it a sender-domain-first-seen event;
# case, multi-label suffixes, long local parts and bare addresses too.
. "$(dirname "$0")/../lib.sh"

{
	from_line r63IA1aa004701 '<reservations@marriott.com>'
	from_line r63IA8dJ004707 '<Ezra_Holt@emalsrv.marriott.com>' 'eu1sysamx113.postini.com [217.226.243.182]'
	to_line r63IA8dJ004707 '<alice@example.org>'
	from_line r63ICDA7007088 '<Janie@complains.marriott.com>'
	from_line r63ICIhL007220 '<Bo@emalsrv.marriott.com>'
	from_line r63IA1aa004702 '<messages-noreply@linkedin.com>'
} > "$TMP/log"
pw -r "$RULEBASE" "$TMP/log" > "$TMP/out" 2> "$TMP/err"
is "$?" 0 "exit status 0"
is "$(events "$TMP/out")" 2 "one event for the marriott.com campaign, one for its second host"
ev=$(head -n 1 "$TMP/out")
q() { printf '%s' "$ev" | jq -r "$1"; }
is "$(q '.phishwatch.phished_domain')" marriott.com "phished_domain"
is "$(q '.phishwatch.sender_domain')" emalsrv.marriott.com "sender_domain"
is "$(q '.threat.indicator.url.domain')" emalsrv.marriott.com "threat.indicator.url.domain"
is "$(q '.threat.indicator.type')" domain-name "threat.indicator.type"
is "$(q '.rule.name')" label:emalsrv "rule.name"
is "$(q '.event.kind')" alert "event.kind"
is "$(q '.event.action')" phished-domain-first-seen "event.action"
is "$(q '.event.category | join(",")')" email,threat "event.category"
like "$(q '.event.created')" '^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$' "event.created RFC 3339 UTC"
like "$(q '."@timestamp"')" '^20[0-9]{2}-07-03T14:12:20(\.000)?Z$' "@timestamp from the log line"
is "$(q '.email.from.address[0]')" Ezra_Holt@emalsrv.marriott.com "email.from.address"
is "$(q '.email.local_id')" r63IA8dJ004707 "email.local_id"
is "$(q '.source.ip')" 217.226.243.182 "source.ip"
is "$(q '.source.domain')" eu1sysamx113.postini.com "source.domain"
is "$(q '.host.hostname')" mx1 "host.hostname"
is "$(q '.process.name')" sm-mta "process.name"
is "$(q '.process.pid')" 4707 "process.pid"
is "$(q '.phishwatch.suggested_access')" "$(printf 'emalsrv.marriott.com\tERROR:"550 5.7.1 Sender banned"')" \
	"suggested_access blocks the sender host, not marriott.com"
is "$(counter suspicious "$TMP/err")" 3 "three suspicious senders counted"
is "$(counter events "$TMP/err")" 2 "events counter"
# The campaign's second host, not blocked: sender-domain-first-seen, with
# the line that blocks that host; the first host again gives nothing.
ev=$(sed -n 2p "$TMP/out")
is "$(q '.event.action')" sender-domain-first-seen "second host: event.action"
is "$(q '.phishwatch.phished_domain')" marriott.com "second host: the same campaign"
is "$(q '.phishwatch.sender_domain')" complains.marriott.com "second host: sender_domain"
is "$(q '.phishwatch.suggested_access')" "$(printf 'complains.marriott.com\tERROR:"550 5.7.1 Sender banned"')" \
	"second host: suggested_access blocks it"

# Case, public suffixes, long local parts, bare addresses.
check_one() {	# check_one ADDRESS WANT-PHISHED NAME
	from_line r63X0001000001 "$1" > "$TMP/one"
	pw -r "$RULEBASE" "$TMP/one" > "$TMP/one.out" 2> "$TMP/one.err"
	_st=$?
	is "$(jq -r '.phishwatch.phished_domain' < "$TMP/one.out")" "$2" "$3"
	[ -n "$2" ] && return
	# No event must mean "read and found ordinary", not a crash.
	is "$_st" 0 "$3: exit status 0"
	_n="$(counter lines "$TMP/one.err") $(counter senders "$TMP/one.err")"
	_n="$_n $(counter suspicious "$TMP/one.err") $(counter events "$TMP/one.err")"
	is "$_n" "1 1 0 0" "$3: the line read, its sender seen, none suspicious"
}
check_one '<x@EMALSRV.AA.COM>' aa.com "upper-case sender host gives aa.com"
check_one '<x@complains.staples.co.uk>' staples.co.uk "co.uk suffix gives staples.co.uk"
check_one '<abcdefghijabcdefghijabcdefghijabcdefghij@emalsrv.ups.com>' ups.com \
	"a 40-character local part is caught"
check_one 'bare@complains.ebay.com' ebay.com "a bare address (no <>) is caught"
check_one '<x@emalsrv.adp.com.>' adp.com "a trailing dot is removed"
check_one '<x@emalsrv.com>' "" "a label that is itself the registrable domain is not a phish"
check_one '<x@EmalSrv.Wallmart.COM>' wallmart.com "mixed case"

# --labels replaces the default set.
from_line r63X0001000002 '<x@billing.paypal.com>' > "$TMP/lab"
from_line r63X0001000003 '<x@emalsrv.amazon.com>' >> "$TMP/lab"
pw -r "$RULEBASE" -l 'billing, Notices' "$TMP/lab" > "$TMP/lab.out" 2>/dev/null
is "$(jq -r '.phishwatch.phished_domain' < "$TMP/lab.out" | tr '\n' ' ')" "paypal.com " \
	"--labels replaces the default label set"
pw -r "$RULEBASE" -l 'bad label' "$TMP/lab" > /dev/null 2> "$TMP/lab.err"
is "$?" 64 "an invalid label is a usage error"
done_testing
