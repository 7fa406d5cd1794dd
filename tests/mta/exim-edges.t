#!/bin/bash
# exim-edges.t - real Exim 4.96's verdicts on whole messages
# (tests/mta/exim-edges, EDGES=1 record-exim.sh: exim4-daemon-heavy,
# log_selector +smtp_incomplete_transaction, syslog_duplication = true):
# every line parses, and phishwatch's campaign counts equal the awk
# count of counts-lib.sh (exim_awk_counts) in syslog, either stamp, and
# in the mainlog, where Exim says less.
#
# What the sessions of send_edges make Exim log, and what they count:
# refusals after DATA of messages to three and to seven recipients, and
# to two after a third was refused at RCPT (marriott.com), a content
# scan's and the MIME ACL's refusal of messages to two (dhl.com): the
# refusal line names no recipient; the reject log's copy, which syslog
# carries, lists them (five, then "..."), the mainlog does not; a DATA
# ACL discard of a message to three (dhl.com), whose arrival lists them;
# a message delivered to one, deferred for two (twice: a queue run) and
# bounced for two; refusals at RCPT of every recipient with RSET between
# (linkedin.com), which "incomplete transaction" lines part; two
# messages RCPT-discarded in one session (ups.com).  A refusal before
# DATA (the predata ACL's "rejected DATA") names no sender: no count.
# The recording has syslog_duplication = true; what Exim sends with
# false (each refusal once, the reject log's copy) is made of it by
# taking the main log's copies out.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/counts-lib.sh"
export TZ=UTC

REC="$TOP/tests/mta/exim-edges"
LISTS=(-a "exim:$REC/reject_domains" -a "exim:$REC/reject_senders"
	-a "exim:$REC/discard_senders")

# pw_counts LOG - phishwatch's campaign counts of LOG, a line each
pw_counts() {
	pw -r "$RULEBASE" --default-brands "$TOP/data/brands" "${LISTS[@]}" \
		--report=json "$1" 2>"$TMP/report.err" | report_counts
}

for rec in syslog-3164.log syslog-3339.log mainlog; do
	pw -r "$RULEBASE" --default-brands "$TOP/data/brands" "${LISTS[@]}" \
		"$REC/$rec" >"$TMP/events" 2>"$TMP/err"
	is "$?" 0 "$rec: phishwatch exits 0"
	like "$(tail -n 1 "$TMP/err")" ' unparsed=0 ' "$rec: no line went unparsed"
	is "$(jq -r 'select(.event.action == "phished-domain-first-seen")
		| .phishwatch.phished_domain' <"$TMP/events" | sort | tr '\n' ' ')" \
		"dhl.com marriott.com paypal.com staples.co.uk " \
		"$rec: a first-seen event for each new campaign"
	exim_awk_counts "$REC/$rec" >"$TMP/awk"
	pw_counts "$REC/$rec" >"$TMP/pw"
	is "$(wc -l <"$TMP/awk")" 6 "$rec: awk finds the six campaigns"
	same_counts "$TMP/awk" "$TMP/pw" \
		"$rec: campaign counts equal the awk count" "$TMP/report.err"
	cp "$TMP/pw" "$TMP/pw.$rec"
done

# The numbers.  syslog: marriott.com's refusals after DATA count 3, 6 (7
# recipients: five listed, then "..." proves a sixth) and 3 (one refused
# at RCPT, two listed) refused recipients; the split message 1
# delivered, 4 deferred, 2 bounced; dhl.com's content scan and MIME
# refusals 2 each, its DATA ACL discard 3; linkedin.com's sessions with
# RSET between three and two messages, and x@'s MAIL refused twice two.
grep -E '^(dhl|linkedin|marriott|ups)\.com ' "$TMP/pw.syslog-3164.log" \
	>"$TMP/promised"
is "$(cat "$TMP/promised")" "dhl.com 4 8 1 0 0 4 3
linkedin.com 11 14 0 0 0 14 0
marriott.com 12 29 10 6 3 13 0
ups.com 5 7 0 0 0 0 7" "syslog: each whole-message verdict counts its recipients"
cmp -s "$TMP/pw.syslog-3164.log" "$TMP/pw.syslog-3339.log"
ok $? "syslog: RFC 3164 and RFC 3339 give the same counts"
# mainlog: no list, so a refusal after DATA proves one recipient (two
# with the one refused at RCPT before it), and x@'s second refusal at
# MAIL has the words of its first (counted once, as syslog's copy)
grep -E '^(dhl|linkedin|marriott|ups)\.com ' "$TMP/pw.mainlog" >"$TMP/promised"
is "$(cat "$TMP/promised")" "dhl.com 4 6 1 0 0 2 3
linkedin.com 10 13 0 0 0 13 0
marriott.com 12 21 10 6 3 5 0
ups.com 5 7 0 0 0 0 7" "mainlog: a refusal after DATA counts what its line proves"

# Without +smtp_incomplete_transaction, a refused client's transactions
# after RSET run together: linkedin.com's sessions of three and of two
# messages count one each, in phishwatch's count as in awk's.
grep -v ' incomplete transaction (' "$REC/syslog-3164.log" >"$TMP/plain.log"
exim_awk_counts "$TMP/plain.log" >"$TMP/awk"
pw_counts "$TMP/plain.log" >"$TMP/pw"
same_counts "$TMP/awk" "$TMP/pw" \
	"default log_selector: campaign counts equal the awk count"
is "$(grep '^linkedin\.com ' "$TMP/pw")" "linkedin.com 8 14 0 0 0 14 0" \
	"default log_selector: RSET does not part a refused client's messages"

# rsyslog's mmnormalize with exim-syslog.rb hands phishwatch every piece
# of a split line (--input json, no prefilter): the awk count of the
# syslog lines.
exim_awk_counts "$REC/syslog-3164.log" >"$TMP/awk"
lognormalizer -r "$TOP/rulebase/exim-syslog.rb" -e json -T \
	<"$REC/syslog-3164.log" >"$TMP/json.log"
pw -r "$RULEBASE" --default-brands "$TOP/data/brands" "${LISTS[@]}" \
	--input json --report=json "$TMP/json.log" 2>"$TMP/report.err" |
	report_counts >"$TMP/pw"
same_counts "$TMP/awk" "$TMP/pw" \
	"JSON input (mmnormalize): campaign counts equal the awk count" \
	"$TMP/report.err"

# Without +received_recipients on the DATA ACL's discard's arrival: its
# message counts, no recipient and no discard (nothing after an arrival
# that lists none), in phishwatch's count as in awk's.
sed 's/\( id=edge-6@client\.example\.com\) for .*/\1/' \
	"$REC/syslog-3164.log" >"$TMP/unlisted.log"
exim_awk_counts "$TMP/unlisted.log" >"$TMP/awk"
pw_counts "$TMP/unlisted.log" >"$TMP/pw"
same_counts "$TMP/awk" "$TMP/pw" \
	"no recipient list: campaign counts equal the awk count"
is "$(grep '^dhl\.com ' "$TMP/pw")" "dhl.com 4 5 1 0 0 4 0" \
	"no recipient list: the discarded message counts, its recipients do not"

# syslog_duplication = false: Exim sends each refusal to syslog once,
# the reject log's copy (the one that lists a refused message's
# recipients).  The recording with the main log's copy of each refusal
# taken out counts the same, but for x@linkedinmail.com's MAIL refused
# twice in a row, whose second refusal has the words of the first: once,
# as in the mainlog.
awk '{
	key = $0
	sub(/^.* exim\[/, "", key); sub(/\].*$/, "", key)
	msg = $0
	sub(/^.* exim\[[0-9]+\]: (\[1\\[0-9]+\] )?/, "", msg)
	key = key " " msg
	if (NR > 1 && key == prev && msg ~ / (rejected|discarded by) /) {
		prev = ""
		line = $0
		next
	}
	if (NR > 1) print line
	line = $0; prev = key
} END { print line }' "$REC/syslog-3164.log" >"$TMP/once.log"
is "$(grep -c 'rejected after DATA' "$TMP/once.log")" 5 \
	"once: each refusal after DATA once (the reject log's copy)"
exim_awk_counts "$TMP/once.log" >"$TMP/awk"
pw_counts "$TMP/once.log" >"$TMP/pw"
same_counts "$TMP/awk" "$TMP/pw" \
	"once: campaign counts equal the awk count" "$TMP/report.err"
grep -v '^linkedin\.com ' "$TMP/pw" >"$TMP/rest"
grep -v '^linkedin\.com ' "$TMP/pw.syslog-3164.log" >"$TMP/rest.syslog"
cmp -s "$TMP/rest" "$TMP/rest.syslog"
ok $? "once: the other campaigns' counts as with the copies"
is "$(grep '^linkedin\.com ' "$TMP/pw")" "linkedin.com 10 13 0 0 0 13 0" \
	"once: a refusal repeated at once counts once"

# The list counts for its own refusal only: the pieces of another
# sender's refusal after DATA in the same process (the recording's
# content scan refusal of a message to two, its sender made no
# campaign's, moved under the pid of marriott.com's refusal to three)
# add nothing to marriott.com; nor do the pieces after a gap (the
# refusal to seven without its "    <dave@example.org>": three).
pid_of() {
	grep -m1 "$1" "$REC/syslog-3164.log" | sed 's/.*exim\[\([0-9]*\)\].*/\1/'
}
pid=$(pid_of 'F=<data@emalsrv.marriott.com> rejected after DATA')
other=$(pid_of 'F=<cs@emalsrv.dhl.com> rejected after DATA')
awk -v pid="$pid" -v other="$other" '
	index($0, "exim[" pid "]: ") { mine = mine $0 "\n"; next }
	index($0, "exim[" other "]: ") {
		sub("exim\\[" other "\\]", "exim[" pid "]")
		gsub("cs@emalsrv.dhl.com", "cs@bulk.example.com")
		theirs = theirs $0 "\n"
	}
	END { printf "%s%s", mine, theirs }' "$REC/syslog-3164.log" >"$TMP/other.log"
is "$(grep -c 'F=<cs@bulk.example.com> rejected after DATA' "$TMP/other.log")" 2 \
	"the other sender's refusal and its copy, under marriott.com's pid"
pw_counts "$TMP/other.log" >"$TMP/pw"
is "$(cat "$TMP/pw")" "marriott.com 1 3 0 0 0 3 0" \
	"another sender's list in the same process adds nothing"
seven=$(grep -B1 -F '     <erin@example.org>' "$REC/syslog-3164.log" |
	sed -n '1s/.*exim\[\([0-9]*\)\].*/\1/p')
grep -F "exim[$seven]: " "$REC/syslog-3164.log" |
	grep -vF '     <dave@example.org>' >"$TMP/gap.log"
pw_counts "$TMP/gap.log" >"$TMP/pw"
is "$(cat "$TMP/pw")" "marriott.com 1 3 0 0 0 3 0" \
	"a list stops at a gap in its pieces"

done_testing
