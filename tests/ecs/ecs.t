#!/usr/bin/env bash
# ecs.t - every kind of event (phished-domain-first-seen,
# sender-domain-first-seen, sender-domain-limit-reached, campaign-summary),
# from raw lines and from
# --input json, holds only the fields of fields.txt, each with the JSON
# type of its ECS type (ECS 9.4.0's definitions), the values ECS allows,
# an event.type for each event.category, and ecs.version.

. "$(dirname "$0")/../lib.sh"

CHECK="$TOP/tests/ecs/check.py"
FIELDS="$TOP/tests/ecs/fields.txt"
export TZ=UTC

{
	from_line e1 '<a@emalsrv.marriott.com>' 'relay.example.net [203.0.113.7]'
	from_line e2 '<b@emalsrv.linkedin.com>' '[IPv6:2001:db8::25]'
	from_line e3 '<c@linkedinmail.com>' 'unknown [198.51.100.3]'
	from_line e4 '<d@complains.fedex.com>' 'localhost'
	# an hour later: every campaign has been quiet long enough
	printf 'Jul  3 15:30:00 mx1 sm-mta[9]: e5: from=<h@example.org>, size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=x [192.0.2.1]\n'
} > "$TMP/raw.log"
pw -r "$RULEBASE" --summary-interval 3600 "$TMP/raw.log" > "$TMP/raw.json" 2> "$TMP/raw.err"
is "$?" 0 "phishwatch reads the raw lines"
is "$(jq -r .event.action < "$TMP/raw.json" | sort | uniq -c | awk '{print $2 "=" $1}' | tr '\n' ' ')" \
	"campaign-summary=3 phished-domain-first-seen=3 sender-domain-first-seen=1 " \
	"each kind of event is there (3 campaigns, 1 lookalike, 3 summaries)"

printf '%s\n' '{"event.tags": ["from"], "qid": "j1", "hostname": "mx2", "program": "sm-mta", "pid": "77", "from": "<a@emalsrv.dhl.com>", "relay_host": "relay.example.net", "relay_ip": "192.0.2.1"}' \
	> "$TMP/in.json"
pw -r "$RULEBASE" --input json "$TMP/in.json" > "$TMP/json.json" 2>/dev/null
is "$(events "$TMP/json.json")" 1 "--input json gives its event"

{
	from_line l1 '<a@emalsrv.dhl.com>'
	from_line l2 '<b@complains.dhl.com>'
	from_line l3 '<c@emalsrv.x.dhl.com>'
} > "$TMP/limit.log"
pw -r "$RULEBASE" --max-sender-events 1 "$TMP/limit.log" > "$TMP/limit.json" 2>/dev/null
is "$(jq -r .event.action < "$TMP/limit.json" | tr '\n' ' ')" \
	"phished-domain-first-seen sender-domain-first-seen sender-domain-limit-reached " \
	"--max-sender-events 1: the third host gives the limit event"

cat "$TMP/raw.json" "$TMP/json.json" "$TMP/limit.json" > "$TMP/all.json"
out=$(python3 "$CHECK" "$FIELDS" "$TMP/all.json"); st=$?
is "$st" 0 "every event holds only ECS fields and phishwatch.* ones, each of its ECS type"
[ -z "$out" ] || printf "%s\n" "$out" | sed "s/^/# /"

first() { jq -c "select(.event.action == \"$1\")" < "$TMP/all.json" | head -n 1; }
ev=$(first phished-domain-first-seen)
is "$(printf '%s' "$ev" | jq -c '[.event.category, .event.type, .ecs.version[0:2]]')" \
	'[["email","threat"],["info","indicator"],"9."]' \
	"event.type: info for email, indicator for threat; ecs.version 9.x"
like "$(printf '%s' "$ev" | jq -r .event.original)" \
	'^Jul  3 14:12:20 mx1 sm-mta\[4707\]: e1: from=<a@emalsrv\.marriott\.com>' \
	"the raw line is event.original"
is "$(jq -c 'select(has("log"))' < "$TMP/all.json" | wc -l | tr -d ' ')" 0 \
	"no event has log.original (not an ECS field)"
is "$(first campaign-summary | jq -c '[.event.type, (.phishwatch.campaign.messages | type)]')" \
	'[["info","indicator"],"number"]' "a summary is typed the same, its counters numbers"
like "$(jq -r .event.original < "$TMP/json.json")" '^\{.*"qid": *"j1"' \
	"--input json: event.original is the JSON that was read"

# The check itself can fail: each mistake ECS would reject, one at a time.
bad() {	# bad JQ-EDIT WHAT: the first event edited must fail the check
	printf '%s' "$ev" | jq -c "$1" > "$TMP/bad.json"
	python3 "$CHECK" "$FIELDS" "$TMP/bad.json" > /dev/null
	is "$?" 1 "the check rejects $2"
}
bad '.log = {original: .event.original}' "log.original"
bad 'del(.ecs)' "an event without ecs.version"
bad 'del(.event.type)' "an event without event.type"
bad '.event.type = ["info"]' "a threat event without type indicator"
bad '.event.type += ["denied"]' "a type that fits no category"
bad '.process.pid = "4707"' "process.pid as a string (long)"
bad '.source.ip = "relay.example.net"' "a source.ip that is no address"
bad '.email.from.address = .email.from.address[0]' "email.from.address not an array"
bad '.event.created = "Jul  3 14:12:20"' "a date that is not ISO 8601"
bad '.phishwatch.verdict = "x"' "a phishwatch.* field not in the list"
bad '.event.kind = "event"' "an event.kind phishwatch does not use"
done_testing
