#!/usr/bin/env bash
# sendmail.t - the scenario of tests/mta/scenario.txt as a real sendmail
# 8.17 logged it (tests/mta/sendmail/, made by record-sendmail.sh):
# every line parses, each line has the kind its words say, phishwatch
# gives the first-seen events the scenario promises, and per campaign
# the counts that an independent count of the same log, made here with
# awk, finds.
#
# The awk count reads sendmail's lines as sendmail documents them
# (op.me, "Log levels"; the to= and from= fields): a queue id's from=
# line is one message with nrcpts= recipients, those sendmail took.  A
# ruleset=check_rcpt line with reject= refuses one recipient of its
# queue id's message (its from= line, nrcpts=0 when none was taken,
# comes at the end of the transaction); a ruleset=check_mail line with
# reject= refuses the sender: one message, one recipient refused, and
# its queue id's from= line (nrcpts=0) is the same message.  A
# ruleset's "discard" lets the message be taken and its queue id's
# "discarded" line discards all of its nrcpts= recipients.  A to= line
# counts the addresses it lists: stat=Sent delivered, stat=Deferred
# deferred (each attempt), dsn=5.x.x or a permanent stat= bounced; after
# "Milter: data, reject=..." the to= lines of that queue id (no
# mailer=: never tried) are its recipients, refused.  A campaign's
# relays are the distinct addresses on its from= and ruleset lines.
# Which campaign a sender is in is the scenario's promise, written down
# below, not phishwatch's judgement.
#
# Two aliases of /dev/null in one message (bob and carol) are one
# delivery to sendmail, one to= line: the scenario's message to both
# has two recipients and one delivered.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/counts-lib.sh"
export TZ=UTC

REC="$TOP/tests/mta/sendmail"
BRANDS="$TOP/data/brands"
# The recording's access map source, as makemap read it.
ACCESS="sendmail:$REC/access"

# awk_count FILE - one line per campaign: "brand messages recipients
# delivered deferred bounced rejected discarded relays", sorted
awk_count() {
	awk '
	function campaign(addr,   d) {
		d = addr
		sub(/^<?[^@]*@/, "", d)
		sub(/>.*$/, "", d)
		if (d ~ /^(emalsrv|complains)\.marriott\.com$/) return "marriott.com"
		if (d == "emalsrv.staples.co.uk") return "staples.co.uk"
		if (d == "paypa1.com") return "paypal.com"
		if (d ~ /^emalsrv\.dhl\.com$/) return "dhl.com"
		if (d == "linkedinmail.com" || d == "emalsrv.linkedin.com")
			return "linkedin.com"
		if (d == "emalsrv.ups.com") return "ups.com"
		return ""
	}
	function field(name,   s) {	# the value of name= on this line
		s = $0
		if (!sub(".*[:,] " name "=", "", s)) return ""
		sub(/, [a-z]+=.*$/, "", s)
		return s
	}
	function qid(   s) {
		s = $0
		sub(/^.*sm-mta\[[0-9]+\]: /, "", s)
		sub(/:.*$/, "", s)
		return s
	}
	function relay_ip(   s) {	# the address in "relay=host [ip]"
		s = field("relay")
		sub(/^[^[]*\[/, "", s)
		sub(/\].*$/, "", s)
		return s
	}
	/ sm-mta\[[0-9]+\]: [0-9A-Za-z]+: ruleset=check_mail, .*, reject=/ {
		c = campaign(field("arg1"))
		if (c == "") next
		n[c, "messages"]++; n[c, "recipients"]++; n[c, "rejected"]++
		relay[c, relay_ip()] = 1
		mail_refused[qid()] = 1
		seen[c] = 1
		next
	}
	/ sm-mta\[[0-9]+\]: [0-9A-Za-z]+: ruleset=check_rcpt, .*, reject=/ {
		held[qid()]++
		next
	}
	/ sm-mta\[[0-9]+\]: [0-9A-Za-z]+: from=.*, nrcpts=/ {
		q = qid(); c = campaign(field("from"))
		if (c == "" || (q in owner)) next
		owner[q] = c
		nrcpts[q] = field("nrcpts") + 0
		if (!(q in mail_refused)) n[c, "messages"]++
		n[c, "recipients"] += nrcpts[q] + held[q]
		n[c, "rejected"] += held[q]
		relay[c, relay_ip()] = 1
		seen[c] = 1
		next
	}
	/ sm-mta\[[0-9]+\]: [0-9A-Za-z]+: discarded$/ {
		q = qid()
		if (q in owner) n[owner[q], "discarded"] += nrcpts[q]
		next
	}
	/ sm-mta\[[0-9]+\]: [0-9A-Za-z]+: Milter: data, reject=/ {
		data_refused[qid()] = 1
		next
	}
	/ sm-mta\[[0-9]+\]: [0-9A-Za-z]+: to=.*, stat=/ {
		q = qid()
		if (!(q in owner)) next
		nto = split(field("to"), addr, ",")
		s = $0
		sub(/^.*, stat=/, "", s)
		if ((q in data_refused) && $0 !~ /, mailer=/) what = "rejected"
		else if (s ~ /^Sent/) what = "delivered"
		else if (s ~ /^Deferred/) what = "deferred"
		else if (field("dsn") ~ /^5\./ || s ~ /^User unknown/) what = "bounced"
		else next
		n[owner[q], what] += nto
	}
	END {
		split("messages recipients delivered deferred bounced rejected discarded", k, " ")
		for (cr in relay) {
			split(cr, part, SUBSEP)
			n[part[1], "relays"]++
		}
		for (c in seen) {
			line = c
			for (i = 1; i <= 7; i++) line = line " " (n[c, k[i]] + 0)
			print line " " (n[c, "relays"] + 0)
		}
	}' "$1" | sort
}

# pw_count FILE - the same line per campaign from phishwatch --report=json
pw_count() {
	pw -r "$RULEBASE" --default-brands "$BRANDS" -a "$ACCESS" \
		--report=json "$1" 2>"$TMP/report.err" | report_counts relays
}

# kind_of - stdin's sendmail lines, the tag each must get (from the
# words alone)
kind_of() {
	awk '{
		m = $0; sub(/^.* (sm-mta|sendmail)\[[0-9]+\]: */, "", m)
		if (m ~ /^[0-9A-Za-z]+: from=.*, size=[0-9]+, class=.*, nrcpts=[0-9]+/) print "from"
		else if (m ~ /^[0-9A-Za-z]+: to=.*, delay=.*, stat=/) print "to"
		else if (m ~ /^[0-9A-Za-z]+: ruleset=check_[a-z]+, arg1=/) print "ruleset"
		else if (m ~ /^[0-9A-Za-z]+: discarded$/) print "discarded"
		else if (m ~ /^[0-9A-Za-z]+: [0-9A-Za-z]+: DSN: /) print "dsn"
		else if (m ~ /^[0-9A-Za-z]+: Milter: [a-z]+, reject=/) print "milter"
		else print "sendmail-other"
	}'
}

# tags FILE - one tag a line of the whole-line rulebase ("UNPARSED")
tags() {
	sed -e '$a\' "$1" |
		lognormalizer -r "$TOP/rulebase/sendmail-syslog.rb" -e json -T \
		2>/dev/null |
		jq -r 'if ."event.tags" then ."event.tags"[0] else "UNPARSED" end'
}

set -- "$REC"/*.log
is "$#" 4 "four recordings (check_mail and delay_checks runs, RFC 3164 and 3339)"
for log in "$@"; do
	name=${log#"$TOP/tests/mta/"}
	if command -v lognormalizer >/dev/null && command -v jq >/dev/null; then
		kind_of <"$log" >"$TMP/want"
		tags "$log" >"$TMP/got"
		paste -d ' ' "$TMP/want" "$TMP/got" | grep -v '^\(.*\) \1$' \
			>"$TMP/diff"
		is "$(wc -l <"$TMP/diff")" 0 \
			"$name: every line has its kind's tag ($(wc -l <"$log") lines)"
		sed 's/^/# want got: /' "$TMP/diff" | head -n 5
		# a to= line with reply= (8.17) keeps its dsn= and relay=
		is "$(sed -e '$a\' "$log" |
			lognormalizer -r "$TOP/rulebase/sendmail-syslog.rb" \
			-e json -T 2>/dev/null |
			jq -r 'select(."event.tags"[0] == "to" and .dsn != null
				and .mailer != null) | .qid' | wc -l)" \
			"$(grep -c ': to=.*, mailer=.*, dsn=' "$log")" \
			"$name: every to= line with mailer= and dsn= keeps both"
	else
		ok 1 "$name: lognormalizer and jq are needed"
		ok 1 "$name: lognormalizer and jq are needed"
	fi
	pw -r "$RULEBASE" --default-brands "$BRANDS" -a "$ACCESS" \
		"$log" >"$TMP/events" 2>"$TMP/events.err"
	is "$?" 0 "$name: phishwatch exits 0"
	is "$(jq -r 'select(.event.action == "phished-domain-first-seen")
		| .phishwatch.phished_domain' <"$TMP/events" | sort | tr '\n' ' ')" \
		"dhl.com marriott.com paypal.com staples.co.uk " \
		"$name: one first-seen event for each new campaign"
	is "$(jq -r 'select(.event.action == "sender-domain-first-seen")
		| .phishwatch.sender_domain' <"$TMP/events" | tr '\n' ' ')" \
		"complains.marriott.com " \
		"$name: and one for the new host of marriott.com"
	is "$(jq -r 'select(.phishwatch.phished_domain == "linkedin.com"
		or .phishwatch.phished_domain == "ups.com")' <"$TMP/events")" "" \
		"$name: none for linkedin.com and ups.com, which the access map blocks"
	is "$(jq -r '.phishwatch.suggested_access' <"$TMP/events" |
		grep -vc '^[a-z0-9.-]*	ERROR:"550 5\.7\.1 Sender banned"$')" 0 \
		"$name: each suggests a line of the access map, in its syntax"
	like "$(cat "$TMP/events.err")" ' unparsed=0 ' "$name: no sendmail line unparsed"
	like "$(cat "$TMP/events.err")" ' invalid_fields=0 ' \
		"$name: no relay address taken as invalid (IPv6:0:0:0:0:0:0:0:1)"

	awk_count "$log" >"$TMP/want"
	is "$(wc -l <"$TMP/want")" 6 "$name: the awk count finds six campaigns"
	pw_count "$log" >"$TMP/got"
	same_counts "$TMP/want" "$TMP/got" \
		"$name: campaign counts equal the awk count"
	diag "$(tr '\n' ';' <"$TMP/want")"
done

# What the runs promise where sendmail's lines differ from the other
# MTAs': a sender refused at MAIL (check_mail) is one message, though its
# queue id logs a from= line (nrcpts=0) after the refusal; the milter's
# refusal after DATA of m@emalsrv.dhl.com refuses its recipients (one,
# then two), whose to= lines are no deliveries.
pw_count "$REC/mail.3164.log" | grep -E '^(linkedin|dhl)\.com ' >"$TMP/promised"
is "$(cat "$TMP/promised")" "dhl.com 2 2 1 0 0 1 0 1
linkedin.com 2 2 0 0 0 2 0 1" \
	"mail: linkedin.com's two senders refused at MAIL, dhl.com's message refused by the milter"
pw_count "$REC/more.3164.log" | grep -E '^(linkedin|dhl|ups)\.com ' >"$TMP/promised"
is "$(cat "$TMP/promised")" "dhl.com 2 3 1 0 0 2 0 1
linkedin.com 4 7 0 0 0 7 0 1
ups.com 3 4 0 0 0 0 4 1" \
	"more: refusals and discards at RCPT (delay_checks) count their message once"

done_testing
