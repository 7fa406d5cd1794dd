#!/usr/bin/env bash
# A campaign that rotates its sender hosts gives one sender-domain-first-seen
# event for each of its first --max-sender-events new hosts, then one
# sender-domain-limit-reached event, then none: the later hosts are stored
# and counted (sender_events_held), across restarts too; every campaign
# has its own allowance.
. "$(dirname "$0")/../lib.sh"

# hosts FIRST LAST DOMAIN - a message from emalsrv.hN.DOMAIN for each N
hosts() {
	for n in $(seq "$1" "$2"); do
		from_line "r63IA1aa$(printf %06d "$n")" "<x@emalsrv.h$n.$3>"
	done
}
actions() { jq -r .event.action < "$1" | sort | uniq -c | awk '{print $2 "=" $1}' | tr '\n' ' '; }

# The default: 20 sender events, then the limit event.
hosts 1 30 marriott.com > "$TMP/flood.log"
pw -r "$RULEBASE" --no-default-brands "$TMP/flood.log" > "$TMP/out" 2> "$TMP/err"
is "$?" 0 "a flood of 30 hosts: exit 0"
is "$(actions "$TMP/out")" \
	"phished-domain-first-seen=1 sender-domain-first-seen=20 sender-domain-limit-reached=1 " \
	"default: the first host, 20 new hosts, one limit event"
is "$(counter sender_events_held "$TMP/err")" 8 "the 8 hosts after it are counted, not sent"
is "$(counter suspicious "$TMP/err")" 30 "every line of the flood still suspicious"

# --max-sender-events 3, with a store: the limit survives a restart.
hosts 1 10 marriott.com > "$TMP/a.log"
pw -r "$RULEBASE" --no-default-brands -s "$TMP/s.db" --max-sender-events 3 \
	"$TMP/a.log" > "$TMP/out3" 2> "$TMP/err3"
is "$(actions "$TMP/out3")" \
	"phished-domain-first-seen=1 sender-domain-first-seen=3 sender-domain-limit-reached=1 " \
	"--max-sender-events 3: three new hosts, then the limit event"
lim=$(jq -c 'select(.event.action == "sender-domain-limit-reached")' < "$TMP/out3")
is "$(echo "$lim" | jq -r .phishwatch.sender_domain)" emalsrv.h5.marriott.com \
	"the limit event names the host that reached it"
is "$(echo "$lim" | jq -r .phishwatch.phished_domain)" marriott.com "and its campaign"
is "$(echo "$lim" | jq -r .phishwatch.suggested_access)" \
	"$(printf 'emalsrv.h5.marriott.com\tERROR:"550 5.7.1 Sender banned"')" \
	"and the access line for that host"
is "$(echo "$lim" | jq -r '.event.kind + " " + (.event.category | join(","))')" \
	"alert email,threat" "an alert like the others"
is "$(counter sender_events_held "$TMP/err3")" 5 "hosts 6 to 10 held"

{ hosts 11 12 marriott.com; hosts 1 2 linkedin.com; } > "$TMP/b.log"
pw -r "$RULEBASE" --no-default-brands -s "$TMP/s.db" --max-sender-events 3 \
	"$TMP/b.log" > "$TMP/out4" 2> "$TMP/err4"
is "$(jq -r '.event.action + " " + .phishwatch.sender_domain' < "$TMP/out4" | tr '\n' ',')" \
	"phished-domain-first-seen emalsrv.h1.linkedin.com,sender-domain-first-seen emalsrv.h2.linkedin.com," \
	"after a restart the limited campaign stays quiet; another campaign has its own"
is "$(counter sender_events_held "$TMP/err4")" 2 "its new hosts counted"

# Bad values are usage errors.
for bad in 0 -1 abc 1000001; do
	pw -r "$RULEBASE" --max-sender-events "$bad" /dev/null > /dev/null 2> "$TMP/usage"
	is "$?" 64 "--max-sender-events $bad: exit 64"
done
like "$(cat "$TMP/usage")" "max-sender-events" "the message names the option"

done_testing
