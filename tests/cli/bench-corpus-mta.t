#!/usr/bin/env bash
# The Postfix and Exim benchmark corpora (bench/mta-corpus.awk) as a
# correctness check: mostly ordinary mail of many senders, as a mail
# server's log is, around the real recordings' campaigns; every line
# parses, the campaigns are found as in the recordings, and no ordinary
# sender is taken for one.
. "$(dirname "$0")/../lib.sh"

AWK=$TOP/bench/mta-corpus.awk
LINES=20000

for mta in postfix exim; do
	case $mta in
	postfix) rec=$TOP/tests/mta/postfix-more/short.3164.log ;;
	exim) rec=$TOP/tests/mta/exim-more/syslog-3164.log ;;
	esac
	awk -v n=$LINES -v mta=$mta -f "$AWK" "$rec" >"$TMP/$mta.log"
	is "$(wc -l <"$TMP/$mta.log" | tr -d ' ')" "$LINES" "$mta: the lines asked for"
	awk -v n=$LINES -v mta=$mta -f "$AWK" "$rec" | cmp -s - "$TMP/$mta.log"
	ok $? "$mta: the same arguments, the same corpus"
	pw -r "$RULEBASE" --default-brands "$TOP/data/brands" <"$TMP/$mta.log" \
		>"$TMP/$mta.out" 2>"$TMP/$mta.err"
	is "$?" 0 "$mta: phishwatch exits 0"
	is "$(counter unparsed "$TMP/$mta.err")" 0 "$mta: every line parses"
	is "$(jq -r 'select(.event.action == "phished-domain-first-seen")
		| .phishwatch.phished_domain' <"$TMP/$mta.out" | sort | tr '\n' ' ')" \
		"dhl.com linkedin.com marriott.com paypal.com staples.co.uk ups.com " \
		"$mta: the recording's campaigns, each first seen once"
	is "$(jq -r '.phishwatch.sender_domain' <"$TMP/$mta.out" |
		grep -cvE '^(emalsrv\.|complains\.marriott\.com$|paypa1\.com$|linkedinmail\.com$)')" 0 \
		"$mta: no event for an ordinary sender"
	senders=$(counter senders "$TMP/$mta.err")
	suspicious=$(counter suspicious "$TMP/$mta.err")
	ok "$([ "$senders" -ge $((suspicious * 30)) ]; echo $?)" \
		"$mta: ordinary senders outnumber the campaigns' 30 to 1 and more ($senders, $suspicious)"
	is "$(grep -oE '(from=<|<= )[^@ ]*@[^ >,]*' "$TMP/$mta.log" |
		sed 's/.*@//' | sort -u | wc -l | awk '$1 >= 1000 { print "many" }')" \
		"many" "$mta: a thousand sender domains and more"
done
like "$(grep -c 'status=deferred' "$TMP/postfix.log")" '^[1-9]' "postfix: deferrals"
like "$(grep -c 'status=bounced' "$TMP/postfix.log")" '^[1-9]' "postfix: bounces"
like "$(grep -c 'NOQUEUE: reject: RCPT' "$TMP/postfix.log")" '^[1-9]' "postfix: refusals"
like "$(grep -c '\] [0-9-]* == ' "$TMP/exim.log")" '^[1-9]' "exim: deferrals"
like "$(grep -c '\] [0-9-]* \*\* ' "$TMP/exim.log")" '^[1-9]' "exim: bounces"
like "$(grep -c ' rejected RCPT ' "$TMP/exim.log")" '^[1-9]' "exim: refusals"

done_testing
