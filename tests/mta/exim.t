#!/bin/bash
# exim.t - the six-campaign scenario as real Exim 4.96 logged it
# (tests/mta/record-exim.sh): through syslog in both time stamp forms,
# and in Exim's own mainlog.  phishwatch must give the first-seen events
# that tests/mta/scenario.txt promises (linkedin.com and ups.com, which
# the blocking table rejects and discards, silent) and campaign counts
# equal to a count of the same log made with awk alone.
#
# The awk count is counts-lib.sh's exim_awk_counts, which reads Exim's
# lines as Exim documents them.
#
# tests/mta/exim-more (MORE=1 record-exim.sh) adds scenario-more.txt's
# messages of several refused recipients, over ::1, with Exim's default
# syslog_duplication = true.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/counts-lib.sh"
export TZ=UTC

REC="$TOP/tests/mta/exim"
EXIM_RB="$TOP/rulebase/exim.rb"

# The recording's blocking table: the lists its ACLs read.
LISTS=(-a "exim:$REC/reject_domains" -a "exim:$REC/reject_senders"
	-a "exim:$REC/discard_senders")

# pw_counts LOG - the same from phishwatch's --report=json
pw_counts() {
	pw -r "$RULEBASE" -r "exim:$EXIM_RB" --default-brands "$TOP/data/brands" "${LISTS[@]}" --report=json \
		"$1" 2>"$TMP/report.err" | report_counts
}

for rec in syslog-3164.log syslog-3339.log mainlog; do
	pw -r "$RULEBASE" -r "exim:$EXIM_RB" --default-brands "$TOP/data/brands" "${LISTS[@]}" "$REC/$rec" \
		>"$TMP/events" 2>"$TMP/err"
	is "$?" 0 "$rec: phishwatch exits 0"
	jq -r 'select(.event.action == "phished-domain-first-seen") |
		.phishwatch.phished_domain + " " + .email.from.address[0]' \
		<"$TMP/events" >"$TMP/first"
	is "$(cat "$TMP/first")" "marriott.com a@emalsrv.marriott.com
staples.co.uk s@emalsrv.staples.co.uk
paypal.com service@paypa1.com
dhl.com track@emalsrv.dhl.com" \
		"$rec: a first-seen event for each new campaign, by its first sender, in order"
	jq -r 'select(.event.action != "phished-domain-first-seen") |
		.event.action + " " + .email.from.address[0]' \
		<"$TMP/events" >"$TMP/other"
	is "$(cat "$TMP/other")" \
		"sender-domain-first-seen d@complains.marriott.com" \
		"$rec: and one for marriott.com's second sender domain, nothing for linkedin.com or ups.com"
	like "$(tail -n 1 "$TMP/err")" ' unparsed=0 ' \
		"$rec: no line went unparsed"
	# two refused senders, two recipients discarded by the ACL and the
	# two messages they belonged to: six lines of blocked campaigns
	like "$(tail -n 1 "$TMP/err")" ' blocked=6 ' \
		"$rec: the blocked campaigns' six lines counted as blocked"

	exim_awk_counts "$REC/$rec" >"$TMP/awk"
	pw_counts "$REC/$rec" >"$TMP/pw"
	is "$(wc -l <"$TMP/awk")" 6 "$rec: awk finds the six campaigns"
	same_counts "$TMP/awk" "$TMP/pw" \
		"$rec: campaign counts equal the awk count" "$TMP/report.err"
	cp "$TMP/pw" "$TMP/pw.$rec"
done

# What the scenario promises, as numbers: marriott.com's five messages
# to seven recipients (five delivered, dave's twice deferred, erin's
# bounce), linkedin.com's two refused, ups.com's two discarded.
grep -E '^(marriott|linkedin|ups)\.com ' "$TMP/pw.mainlog" >"$TMP/promised"
is "$(cat "$TMP/promised")" "linkedin.com 2 2 0 0 0 2 0
marriott.com 5 7 5 2 1 0 0
ups.com 2 2 0 0 0 0 2" "the mainlog's counts are the scenario's"
cmp -s "$TMP/pw.syslog-3164.log" "$TMP/pw.mainlog"
ok $? "syslog (RFC 3164) and the mainlog give the same counts"
cmp -s "$TMP/pw.syslog-3339.log" "$TMP/pw.mainlog"
ok $? "syslog (RFC 3339) and the mainlog give the same counts"

# The mainlog's own time stamps date the campaign.
pw -r "$RULEBASE" -r "exim:$EXIM_RB" --default-brands "$TOP/data/brands" "${LISTS[@]}" --report=json \
	"$REC/mainlog" 2>/dev/null | jq -r 'select(.phished_domain ==
	"marriott.com") | .first_seen' >"$TMP/first"
first=$(grep -m1 '<= a@emalsrv.marriott.com' "$REC/mainlog" | cut -c1-19)
is "$(cat "$TMP/first")" "${first% *}T${first#* }.000Z" \
	"first seen is the mainlog stamp of its first message (TZ=UTC)"

# The mainlog as Exim writes it with other log selectors: its default
# (no +pid, and no +received_recipients: an arrival lists no
# recipient), and +millisec, with and without log_timezone.  Without
# the list a message's recipients are counted as their deliveries end:
# marriott.com's dave, twice deferred and never ended, is not yet.
events_of() {	# events_of LOG - the actions, domains and senders of its events
	pw -r "$RULEBASE" -r "exim:$EXIM_RB" --default-brands "$TOP/data/brands" \
		"${LISTS[@]}" "$1" 2>/dev/null |
		jq -r '[.event.action, .phishwatch.phished_domain, .email.from.address[0]] | join(" ")'
}
events_of "$REC/mainlog" >"$TMP/events.mainlog"
sed -E -e 's/^([0-9-]+ [0-9:]+) \[[0-9]+\] /\1 /' -e '/ <= /s/ for [^=]*$//' \
	"$REC/mainlog" >"$TMP/default.log"
is "$(grep -c ' <= ' "$TMP/default.log") $(grep -c ' <= .* for ' "$TMP/default.log") $(grep -c '\] 1x' "$TMP/default.log")" \
	"$(grep -c ' <= ' "$REC/mainlog") 0 0" "default selectors: every arrival, none with a list or a pid"
pw_counts "$TMP/default.log" >"$TMP/pw.default"
is "$(cat "$TMP/pw.default")" "dhl.com 1 1 1 0 0 0 0
linkedin.com 2 2 0 0 0 2 0
marriott.com 5 6 5 2 1 0 0
paypal.com 1 2 2 0 0 0 0
staples.co.uk 2 2 1 0 1 0 0
ups.com 2 2 0 0 0 0 2" "default selectors: recipients counted as their deliveries end"
like "$(tail -n 1 "$TMP/report.err")" ' unparsed=0 ' "default selectors: no line went unparsed"
events_of "$TMP/default.log" >"$TMP/events.default"
cmp -s "$TMP/events.default" "$TMP/events.mainlog"
ok $? "default selectors: the mainlog's events"
for stamp in '.250' '.250 +0000'; do
	sed -E "s/^([0-9-]+ [0-9:]+) /\1$stamp /" "$REC/mainlog" >"$TMP/msec.log"
	is "$(grep -c "^[0-9-]* [0-9:]*$stamp \[" "$TMP/msec.log")" \
		"$(grep -c '^[0-9-]* [0-9:]* \[' "$REC/mainlog")" "+millisec ($stamp): every stamped line"
	pw_counts "$TMP/msec.log" >"$TMP/pw.msec"
	same_counts "$TMP/pw.mainlog" "$TMP/pw.msec" \
		"+millisec ($stamp): the mainlog's counts" "$TMP/report.err"
	events_of "$TMP/msec.log" >"$TMP/events.msec"
	cmp -s "$TMP/events.msec" "$TMP/events.mainlog"
	ok $? "+millisec ($stamp): the mainlog's events"
done

# Without Exim's rulebase (none beside sendmail's, no -r exim:), Exim's
# lines are not read; exim.rb beside sendmail.rb is found without -r.
mkdir "$TMP/alone" "$TMP/both"
cp "$RULEBASE" "$TMP/alone/"
cp "$RULEBASE" "$EXIM_RB" "$TMP/both/"
pw -r "$TMP/alone/sendmail.rb" --default-brands "$TOP/data/brands" "${LISTS[@]}" "$REC/mainlog" >"$TMP/none" 2>/dev/null
is "$(wc -c <"$TMP/none")" 0 "no Exim rulebase: no Exim line counts"
pw -r "$TMP/both/sendmail.rb" --default-brands "$TOP/data/brands" "${LISTS[@]}" "$REC/mainlog" >"$TMP/beside" 2>/dev/null
is "$(jq -r .phishwatch.phished_domain <"$TMP/beside" | sort -u | wc -l)" 4 \
	"exim.rb beside sendmail.rb: read without -r exim:"

# A refusal after DATA is a message of one refused recipient, as
# Postfix's reject at END-OF-MESSAGE: the recordings' refusal after DATA
# (of promo@bulk.example.com, no campaign's) made a dhl.com sender's
# adds one message, one recipient, one refused to dhl.com, in the awk
# count and in phishwatch's, in Exim's log as in Postfix's of the same
# scenario.
# data_variant FILE OUT - FILE with its refusals after DATA a dhl.com
# sender's (Exim's promo@bulk.example.com, Postfix's bulk@example.com)
data_variant() {
	sed -e 's/promo@bulk\.example\.com/promo@emalsrv.dhl.com/g' \
		-e 's/bulk@example\.com/bulk@emalsrv.dhl.com/g' "$1" >"$2"
}
for rec in syslog-3164.log syslog-3339.log mainlog; do
	data_variant "$REC/$rec" "$TMP/data.$rec"
	is "$(grep -c 'F=<promo@emalsrv.dhl.com> rejected after DATA' \
		"$TMP/data.$rec")" 1 "data/$rec: one refusal after DATA"
	exim_awk_counts "$TMP/data.$rec" >"$TMP/awk"
	pw_counts "$TMP/data.$rec" >"$TMP/pw"
	same_counts "$TMP/awk" "$TMP/pw" \
		"data/$rec: campaign counts equal the awk count"
	is "$(grep '^dhl\.com ' "$TMP/pw")" "dhl.com 2 2 1 0 0 1 0" \
		"data/$rec: dhl.com's delivered message and its refused one"
	grep -v '^dhl\.com ' "$TMP/pw" >"$TMP/rest"
	grep -v '^dhl\.com ' "$TMP/pw.$rec" >"$TMP/rest.before"
	cmp -s "$TMP/rest" "$TMP/rest.before"
	ok $? "data/$rec: the other campaigns' counts as before"
done
printf 'linkedinmail.com\tREJECT\nemalsrv.linkedin.com\tREJECT\nemalsrv.ups.com\tDISCARD\n' \
	>"$TMP/sender_access"
data_variant "$TOP/tests/mta/postfix/short.3164.log" "$TMP/data.postfix"
is "$(grep -c 'milter-reject: END-OF-MESSAGE .*from=<bulk@emalsrv.dhl.com>' \
	"$TMP/data.postfix")" 1 "data/postfix: one reject at END-OF-MESSAGE"
pw -r "$RULEBASE" --default-brands "$TOP/data/brands" \
	-a "postfix:$TMP/sender_access" --report=json "$TMP/data.postfix" \
	2>/dev/null | report_counts >"$TMP/pw.postfix"
cmp -s "$TMP/pw.postfix" "$TMP/pw"
ok $? "data: Postfix's log of the scenario gives the counts Exim's does"

# exim-more: the same counts through syslog with syslog_duplication
# (every refusal twice) as from the mainlog (once); a message refused
# or discarded recipient by recipient counts once; its relay, ::1, is
# an address.
REC="$TOP/tests/mta/exim-more"
LISTS=(-a "exim:$REC/reject_domains" -a "exim:$REC/reject_senders"
	-a "exim:$REC/discard_senders")
is "$(grep -c 'rejected RCPT <carol@example.org>' "$REC/syslog-3164.log")" 2 \
	"exim-more: syslog has each refusal twice"
for rec in syslog-3164.log syslog-3339.log mainlog; do
	exim_awk_counts "$REC/$rec" >"$TMP/awk"
	pw_counts "$REC/$rec" >"$TMP/pw"
	is "$(wc -l <"$TMP/awk")" 6 "exim-more/$rec: awk finds the six campaigns"
	same_counts "$TMP/awk" "$TMP/pw" \
		"exim-more/$rec: campaign counts equal the awk count"
	like "$(tail -n 1 "$TMP/report.err")" ' invalid_fields=0 ' \
		"exim-more/$rec: no relay address taken as invalid (::1 is written bare)"
	# its refusal after DATA, a dhl.com sender's: once, whether
	# syslog_duplication wrote it twice or the mainlog once
	data_variant "$REC/$rec" "$TMP/data.$rec"
	exim_awk_counts "$TMP/data.$rec" >"$TMP/awk.data"
	pw_counts "$TMP/data.$rec" >"$TMP/pw.data"
	cmp -s "$TMP/awk.data" "$TMP/pw.data"
	ok $? "exim-more/$rec: a dhl.com sender refused after DATA: counts equal the awk count"
	is "$(grep '^dhl\.com ' "$TMP/pw.data" | cut -d' ' -f2,3,7)" \
		"$(grep '^dhl\.com ' "$TMP/pw" |
		awk '{ print $2 + 1, $3 + 1, $7 + 1 }')" \
		"exim-more/$rec: one message, one recipient, one refusal more for dhl.com"
	grep -E '^(linkedin|ups)\.com ' "$TMP/pw" >"$TMP/promised"
	is "$(cat "$TMP/promised")" "linkedin.com 4 6 0 0 0 6 0
ups.com 3 4 0 0 0 0 4" \
		"exim-more/$rec: linkedin.com's four messages (six recipients refused), ups.com's three (four discarded)"
done
pw -r "$RULEBASE" -r "exim:$EXIM_RB" --default-brands "$TOP/data/brands" \
	"${LISTS[@]}" --report=json "$REC/syslog-3164.log" 2>/dev/null |
	jq -r 'select(.phished_domain == "linkedin.com") | .relays' >"$TMP/relays"
is "$(cat "$TMP/relays")" 1 "exim-more: linkedin.com's relay, ::1, counted"

done_testing
