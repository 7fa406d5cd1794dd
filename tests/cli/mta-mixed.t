#!/usr/bin/env bash
# One stream of several MTAs' lines with one blocking table of each
# MTA's: the suggested line of each first-seen event is in the terms of
# the table of the MTA that logged it (a Postfix line suggests a Postfix
# access(5) line, whatever -a came first); the counters name no MTA but
# the lines each MTA's rulebase read (parsed_sendmail, parsed_postfix,
# parsed_exim) and sum up.
. "$(dirname "$0")/../lib.sh"

POSTFIX_LOG="$TOP/tests/mta/postfix/short.3164.log"
EXIM_LOG="$TOP/tests/mta/exim/syslog-3164.log"

# sendmail's map first, then the Postfix table of the recording
printf 'emalsrv.ups.com\tDISCARD\nlinkedinmail.com\tREJECT\nemalsrv.linkedin.com\tREJECT\n' \
	>"$TMP/access"
printf 'linkedinmail.com\tREJECT\nemalsrv.linkedin.com\tREJECT\nemalsrv.ups.com\tDISCARD\n' \
	>"$TMP/sender_access"
{
	from_line r63M00000001 '<alerts@emalsrv.fedex.com>'
	cat "$POSTFIX_LOG"
} >"$TMP/log"

pw -r "$RULEBASE" --default-brands "$TOP/data/brands" \
	-a "sendmail:$TMP/access" -a "postfix:$TMP/sender_access" \
	"$TMP/log" >"$TMP/events" 2>"$TMP/err"
is "$?" 0 "phishwatch exits 0"
is "$(jq -r 'select(.phishwatch.phished_domain == "fedex.com")
	| .phishwatch.suggested_access' <"$TMP/events")" \
	"$(printf 'emalsrv.fedex.com\tERROR:"550 5.7.1 Sender banned"')" \
	"the sendmail line's event suggests a line of sendmail's access map"
is "$(jq -r 'select(.event.action == "phished-domain-first-seen"
	and .phishwatch.phished_domain == "marriott.com")
	| .phishwatch.suggested_access' <"$TMP/events")" \
	"emalsrv.marriott.com REJECT Sender banned" \
	"a Postfix line's event suggests a line of the Postfix table, given second"
is "$(jq -r 'select(.phishwatch.phished_domain != "fedex.com")
	| .phishwatch.suggested_access' <"$TMP/events" |
	grep -vc ' REJECT Sender banned$')" 0 \
	"every Postfix line's event suggests a Postfix line"

# Without a Postfix table the first -a's terms are kept.
pw -r "$RULEBASE" --default-brands "$TOP/data/brands" \
	-a "sendmail:$TMP/access" "$TMP/log" >"$TMP/events1" 2>/dev/null
is "$(jq -r 'select(.event.action == "phished-domain-first-seen"
	and .phishwatch.phished_domain == "marriott.com")
	| .phishwatch.suggested_access' <"$TMP/events1")" \
	"$(printf 'emalsrv.marriott.com\tERROR:"550 5.7.1 Sender banned"')" \
	"no Postfix table: sendmail's terms, the only table's"

# The counters: lines handed to the parse whatever the MTA, and by MTA.
cat "$TMP/log" "$EXIM_LOG" >"$TMP/mixed"
pw -r "$RULEBASE" --default-brands "$TOP/data/brands" "$TMP/mixed" \
	>/dev/null 2>"$TMP/err"
line=$(grep ': exit: ' "$TMP/err" | tail -n 1)
unlike "$line" ' sendmail=' "no counter is named after one MTA for all"
to_parse=$(counter to_parse "$TMP/err")
parsed=$(counter parsed "$TMP/err")
unparsed=$(counter unparsed "$TMP/err")
sm=$(counter parsed_sendmail "$TMP/err")
pf=$(counter parsed_postfix "$TMP/err")
ex=$(counter parsed_exim "$TMP/err")
is "$sm" 1 "parsed_sendmail: the one sm-mta line"
ok "$([ "$pf" -gt 0 ] && [ "$ex" -gt 0 ] && [ "$((sm + pf + ex))" = "$parsed" ]; echo $?)" \
	"parsed is the sum of parsed_sendmail, parsed_postfix and parsed_exim ($sm+$pf+$ex=$parsed)"
is "$((parsed + unparsed))" "$to_parse" "to_parse is parsed plus unparsed"
pw -r "$RULEBASE" --default-brands "$TOP/data/brands" "$POSTFIX_LOG" \
	>/dev/null 2>"$TMP/err"
is "$(counter parsed_postfix "$TMP/err") $(counter parsed_sendmail "$TMP/err") $(counter parsed_exim "$TMP/err")" \
	"$(counter parsed "$TMP/err") 0 0" "Postfix's log alone: every parsed line is Postfix's"

done_testing
