#!/usr/bin/env bash
# postfix.t - the scenario of tests/mta/scenario.txt as a real Postfix
# logged it (tests/mta/postfix/, made by record-postfix.sh): phishwatch
# gives the first-seen events the scenario promises, and per campaign the
# counts that an independent count of the same log, made here with awk,
# finds.
#
# The awk count reads Postfix's lines as Postfix documents them: a queue
# id's qmgr "from=" line is one message with nrcpt= recipients (the
# later "from=" lines of a retried message are the same message); each
# delivery agent's "to=" line counts one recipient by its status=; each
# smtpd, milter or cleanup (header_checks) "reject:" line is one
# recipient, rejected, and each "discard:" line one recipient,
# discarded (no qmgr line follows either), of a message of its own,
# except that NOQUEUE verdicts at RCPT that follow one another in one
# smtpd process with the same sender are one message's recipients,
# until that process logs "connect from", "disconnect from" or a
# client= line (an smtpd serves session after session), or refuses a
# recipient of the run again (a new transaction).  When such a run
# counted the message and its client= line then gives it a queue id, a
# from= or a verdict of that queue id counts no message again.  A
# recipient refused at RCPT under a queue id counts with the from= or
# the verdict that ends that queue id's message.  A discard counts the
# one recipient it names, and so does an smtpd refusal at DATA or
# END-OF-MESSAGE, or two when it names none (smtpd names none of a
# message with more than one).  The session's "disconnect from" line
# counts its transactions (mail=M) and RCPT commands (rcpt=R taken of
# T tried); with the campaign's verdicts of the session (one sender
# domain; another makes the session tell nothing): when no RCPT was
# taken and each of the T was a NOQUEUE refusal of the campaign, the
# session had min(M, T) of its messages; else when its M transactions
# were the M messages its verdicts counted, and each of them that took
# recipients ended in a verdict (a discard, a refusal at DATA, of the
# content), the R recipients taken were theirs, and those their lines
# did not count are discarded or rejected, when the lines that named
# no more than one were of one kind.  A campaign's relays are the
# distinct client addresses of its messages: smtpd's client= line of the
# queue id, or the "from host[ip]" of a verdict.  Which campaign a sender
# is in is the scenario's promise, written down below, not phishwatch's
# judgement.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/counts-lib.sh"
export TZ=UTC

REC="$TOP/tests/mta/postfix"
BRANDS="$TOP/data/brands"

# The blocking table of the recording: record-postfix.sh's
# check_sender_access table, in Postfix's access(5) syntax.
cat >"$TMP/sender_access" <<'EOF'
linkedinmail.com	REJECT
emalsrv.linkedin.com	REJECT
emalsrv.ups.com		DISCARD
EOF
ACCESS="postfix:$TMP/sender_access"

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
		if (d == "emalsrv.dhl.com") return "dhl.com"
		if (d == "linkedinmail.com" || d == "emalsrv.linkedin.com")
			return "linkedin.com"
		if (d == "emalsrv.ups.com") return "ups.com"
		return ""
	}
	function field(name,   s) {	# the value of name= on this line
		s = $0
		if (!sub(".*[ ;]" name "=", "", s)) return ""
		sub(/[, ].*$/, "", s)
		return s
	}
	function qid(   s) {
		s = $0
		sub(/^.*postfix[^ ]*\[[0-9]+\]: /, "", s)
		sub(/:.*$/, "", s)
		return s
	}
	function ip_of(s) {	# the address in "host[ip]" at the start of s
		sub(/^[^[]*\[/, "", s)
		sub(/\].*$/, "", s)
		return s
	}
	function pid(   s) {
		s = $0
		sub(/^[^[]*\[/, "", s)
		sub(/\].*$/, "", s)
		return s
	}
	function count_of(name,   s) {	# the ok count of name= (disconnect)
		s = $0
		if (!sub(".* " name "=", "", s)) return 0
		sub(/[\/ ].*$/, "", s)
		return s + 0
	}
	function tries_of(name,   s) {	# the tried count of name=
		s = $0
		if (!sub(".* " name "=", "", s)) return 0
		sub(/ .*$/, "", s)
		sub(/^[0-9]+\//, "", s)
		return s + 0
	}
	function close_session(p,   m, r, most) {	# its counts, then forget it
		m = count_of("mail"); r = count_of("rcpt")
		if (!(p in sc) || (p in smixed) || $0 !~ / commands=/) return
		if (r == 0 && tries_of("rcpt") == srefused[p] && srefused[p] > 0) {
			most = m < srefused[p] ? m : srefused[p]
			if (most > smsgs[p]) n[sc[p], "messages"] += most - smsgs[p]
		} else if (m == smsgs[p] && sruns[p] == 0 && r > staken[p] &&
		    (suntold[p] == "discarded" || suntold[p] == "rejected")) {
			n[sc[p], "recipients"] += r - staken[p]
			n[sc[p], suntold[p]] += r - staken[p]
		}
	}
	# the campaign c of sender domain d counted in session p: msgs
	# messages, refused recipients at RCPT, taken those of a message
	# that took them (kind, told: its line named them all), runs the
	# change of runs whose message took recipients uncounted
	function tally(p, c, d, msgs, refused, taken, kind, told, runs) {
		if (!(p in sc)) { sc[p] = c; sd[p] = d }
		if (sd[p] != d) smixed[p] = 1
		smsgs[p] += msgs; srefused[p] += refused; staken[p] += taken
		sruns[p] += runs
		if (kind == "" || told) return
		if (suntold[p] == "" || suntold[p] == kind) suntold[p] = kind
		else suntold[p] = "both"
	}
	/ postfix(-[^\/]+)?\/smtpd\[[0-9]+\]: (dis)?connect from / {
		p = pid()
		close_session(p)
		delete sc[p]; delete sd[p]; delete smixed[p]; delete smsgs[p]
		delete srefused[p]; delete staken[p]; delete sruns[p]
		delete suntold[p]
		delete open[p]
		next
	}
	/ postfix(-[^\/]+)?\/smtpd\[[0-9]+\]: [0-9A-Za-z]+: client=/ {
		p = pid(); q = qid()
		if (p in open) {
			counted[q] = open[p]
			if (p in sc) sruns[p]++
		}
		delete open[p]
		session[q] = p
		s = $0
		sub(/^.*: client=/, "", s)
		client[q] = ip_of(s)
		next
	}
	/ postfix(-[^\/]+)?\/qmgr\[[0-9]+\]: [0-9A-Za-z]+: from=.*, nrcpt=/ {
		q = qid(); c = campaign(field("from"))
		if (c == "" || (q in owner)) next
		owner[q] = c
		if (q in client) relay[c, client[q]] = 1
		if (counted[q] != field("from")) n[c, "messages"]++
		n[c, "recipients"] += field("nrcpt") + held[q]
		n[c, "rejected"] += held[q]
		seen[c] = 1
		next
	}
	/\]: [0-9A-Za-z]+: to=<.*, status=/ {
		q = qid()
		if (!(q in owner)) next
		s = field("status")
		if (s == "sent") n[owner[q], "delivered"]++
		if (s == "deferred") n[owner[q], "deferred"]++
		if (s == "bounced") n[owner[q], "bounced"]++
		next
	}
	/\]: [0-9A-Za-z]+: (milter-)?(reject|discard): ([A-Z-]+|header|body) .*; from=/ {
		q = qid(); p = pid(); from = field("from"); to = field("to")
		if (q == "NOQUEUE") q = ""
		stage = $0
		sub(/^.*: (milter-)?(reject|discard): /, "", stage)
		sub(/ .*$/, "", stage)
		kind = ($0 ~ /: (milter-)?reject: /) ? "rejected" : "discarded"
		# a recipient refused under a queue id: for its message, later
		if (q != "" && kind == "rejected" && stage == "RCPT") {
			held[q]++
			next
		}
		c = campaign(from)
		if (c == "") next
		# a refusal at DATA by smtpd itself names the one
		# recipient, or none of more: two at least
		smtpd_data = $0 ~ /\/smtpd\[[0-9]+\]: [0-9A-Za-z]+: reject: (DATA|BDAT|END-OF-MESSAGE) /
		own = smtpd_data && $0 !~ / to=</ ? 2 : 1
		# a NOQUEUE refusal at RCPT goes on the run of its process, of one
		# sender until a recipient comes again (a new transaction)
		rcpt = q == "" && stage == "RCPT"
		again = rcpt && (p in open) && open[p] == from &&
			index(run[p] " ", " " to " ")
		msgs = 0
		if (rcpt && open[p] == from && !again)
			run[p] = run[p] " " to
		else if (rcpt) {
			msgs = 1
			run[p] = " " to
		} else if (q == "" || counted[q] != from)
			msgs = 1
		n[c, "messages"] += msgs
		if (rcpt) open[p] = from; else delete open[p]
		n[c, "recipients"] += own + held[q]
		n[c, kind] += own
		n[c, "rejected"] += held[q]
		# what the close of the session reads: not a refusal at MAIL
		d = from
		sub(/^<?[^@]*@/, "", d)
		sub(/>.*$/, "", d)
		ps = q == "" ? p : session[q]
		if (rcpt && kind == "rejected")
			tally(ps, c, d, msgs, 1, 0, "", 0, 0)
		else if (kind == "discarded" || stage != "MAIL")
			tally(ps, c, d, msgs, 0, own, kind,
			    smtpd_data && own == 1,
			    -((q != "" && msgs == 0) + (rcpt && kind == "discarded")))
		delete held[q]
		seen[c] = 1
		s = $0
		if (sub(/^.*: [A-Z-]+ from /, "", s)) relay[c, ip_of(s)] = 1
		else relay[c, client[q]] = 1
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

# postfix-more (MORE=1 record-postfix.sh): the scenario and
# scenario-more.txt over ::1, whose messages have several recipients;
# postfix-edges (EDGES=1): those and the sessions of send_edges;
# postfix-screen (SCREEN=1): the scenario and sessions postscreen refuses
set -- "$REC"/*.log "$REC-more"/*.log "$REC-edges"/*.log "$REC-screen"/*.log
is "$#" 12 "twelve recordings"
for log in "$@"; do
	name=${log#"$TOP/tests/mta/"}
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
		"$name: none for linkedin.com and ups.com, which the table blocks"
	is "$(jq -r '.phishwatch.suggested_access' <"$TMP/events" |
		grep -vc '^[a-z0-9.-]* REJECT ')" 0 \
		"$name: each suggests a line of the Postfix table"
	like "$(cat "$TMP/events.err")" ' unparsed=0 ' "$name: no Postfix line unparsed"
	like "$(cat "$TMP/events.err")" ' invalid_fields=0 ' \
		"$name: no relay address taken as invalid (::1 is written bare)"
	# client= and verdict lines are never prefiltered: all are parsed
	must=$(grep -cE ': (client=|(milter-)?(reject|discard): )' "$log")
	parsed=$(sed -n 's/.* parsed=\([0-9]*\) .*/\1/p' "$TMP/events.err")
	ok "$([ "${parsed:-0}" -ge "$must" ] && [ "$must" -gt 0 ]; echo $?)" \
		"$name: $must client= and verdict lines parsed (parsed=$parsed)"

	awk_count "$log" >"$TMP/want"
	is "$(wc -l <"$TMP/want")" 6 "$name: the awk count finds six campaigns"
	pw_count "$log" >"$TMP/got"
	same_counts "$TMP/want" "$TMP/got" \
		"$name: campaign counts equal the awk count"
	diag "$(tr '\n' ';' <"$TMP/want")"
done

# What scenario-more.txt promises where smtpd refuses at RCPT (short):
# linkedin.com's four messages, seven recipients refused (y@ to three,
# x@ to two, besides the scenario's two), from one relay, ::1; ups.com's
# three discarded messages, four recipients: smtpd logs one discard line
# for a@'s message to two, and its disconnect line "rcpt=2".
pw_count "$REC-more/short.3164.log" | grep -E '^(linkedin|ups)\.com ' \
	>"$TMP/promised"
is "$(cat "$TMP/promised")" "linkedin.com 4 7 0 0 0 7 0 1
ups.com 3 4 0 0 0 0 4 1" "postfix-more: a message refused recipient by recipient counts once, a message discarded all its recipients"

# What send_edges promises, besides the above: dhl.com's header_checks
# DISCARD of a message to two (one discard line, to=<bob>; two
# recipients discarded) and REJECT of one to two (one reject line; two
# refused: the disconnect line's rcpt=2); marriott.com's refusal at
# DATA under the queue id of a recipient refused at RCPT (one message,
# both refused), at the end of data of a message whose first recipient
# was refused before its queue id (one message, both refused), and at
# DATA and at the end of data of messages to three and to two (smtpd
# names no recipient: the disconnect line's rcpt=3 and rcpt=2 tell);
# linkedin.com's x@ that retries after RSET to the same recipient (two
# messages), y@ that retries to another (two: disconnect's mail=2) and
# y@ to two, then one, then one more after RSET each time (three, four
# refused: mail=3 rcpt=0/4); ups.com's two discarded messages in one
# session (mail=2 rcpt=3: three recipients, though the discard lines
# name two).
pw_count "$REC-edges/short.3164.log" |
	grep -E '^(dhl|marriott|linkedin|ups)\.com ' >"$TMP/promised"
is "$(cat "$TMP/promised")" "dhl.com 3 5 1 0 0 2 2 1
linkedin.com 11 15 0 0 0 15 0 1
marriott.com 9 16 5 2 1 9 0 1
ups.com 5 7 0 0 0 0 7 1" "postfix-edges: each verdict counts its message once, a discarded or refused one all its recipients"

# marriott.com's message to dave, deferred twice in the recording, when
# its queue time is up: qmgr says so of the message, as Postfix's
# qmgr_active.c writes it, and names no recipient; the bounce service
# returns it.  Its one recipient with no final outcome is bounced.
{ cat "$REC/short.3164.log"
  printf '%s\n' \
	"Dec  9 17:25:13 mx1 postfix/qmgr[17339]: 3D4DD11832B: from=<c@emalsrv.marriott.com>, status=expired, returned to sender" \
	"Dec  9 17:25:13 mx1 postfix/bounce[17700]: 3D4DD11832B: sender non-delivery notification: 5A1B21184C0" \
	"Dec  9 17:25:13 mx1 postfix/qmgr[17339]: 3D4DD11832B: removed"
} >"$TMP/expired.log"
pw_count "$REC/short.3164.log" | grep '^marriott\.com ' >"$TMP/before"
pw_count "$TMP/expired.log" | grep '^marriott\.com ' >"$TMP/promised"
is "$(cat "$TMP/before") / $(cat "$TMP/promised")" \
	"marriott.com 5 7 5 2 1 0 0 1 / marriott.com 5 7 5 2 2 0 0 1" \
	"postfix: a message whose queue time is up bounces the recipient it still had"

# What send_screen promises: postscreen refuses every RCPT of the
# client its access list denies, in a fake dialog of its own (one
# process for every client, "[IP]:PORT" for the client), besides the
# scenario's (linkedin.com 2 2 0 0 0 2 0 1, marriott.com 5 7 5 2 1 0 0 1,
# paypal.com 1 2 2 0 0 0 0 1): linkedin.com's y@ to three (one message,
# three refused), marriott.com's c@ to two, then to the first again
# after RSET (two messages, three refused), paypa1.com's to one.
pw_count "$REC-screen/short.3164.log" |
	grep -E '^(linkedin|marriott|paypal)\.com ' >"$TMP/promised"
is "$(cat "$TMP/promised")" "linkedin.com 3 5 0 0 0 5 0 1
marriott.com 7 10 5 2 1 3 0 1
paypal.com 2 3 2 0 0 1 0 1" "postfix-screen: postscreen's refusals count as smtpd's do"

done_testing
