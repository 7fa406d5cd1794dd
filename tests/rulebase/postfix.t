#!/bin/bash
# postfix.t - rulebase/postfix.rb and postfix-syslog.rb (made by make)
# against the golden files in tests/rulebase/postfix/ and against every
# line of the real Postfix recordings in tests/mta/postfix/.
#
# Each postfix/NAME.in holds Postfix lines (from the recordings, or lines
# that must not match); NAME.ref the object liblognorm should make of
# each, compared by meaning (jq -S), as golden.t does for sendmail.
#
# The recordings are checked line by line against a classification made
# here with awk from the text alone: a line that says "client=" must be
# tagged client, and so on for every line kind the rulebase knows; every
# other line is postfix-other, and no line is left unparsed.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/golden-lib.sh"

DIR="$TOP/tests/rulebase/postfix"
REC="$TOP/tests/mta/postfix"
RB="$TOP/rulebase/postfix.rb"
SYSLOG_RB="$TOP/rulebase/postfix-syslog.rb"

golden_need

# kind_of - stdin's Postfix lines (header or not), the tag each must get
kind_of() {
	awk '{
		m = $0; sub(/^.*postfix(-[^\/ ]+)?\/[^[ ]+\[[0-9]+\]: */, "", m)
		if (m ~ /^[0-9A-Za-z]+: client=[^[]*\[[^]]*\]/) print "client"
		else if (m ~ /^[0-9A-Za-z]+: message-id=/) print "msgid"
		else if (m ~ /^[0-9A-Za-z]+: from=<.*>, size=[0-9]+, nrcpt=/) print "from"
		else if (m ~ /^[0-9A-Za-z]+: to=<.*>, relay=.*, dsn=[0-9.]+, status=/) print "to"
		else if (m ~ /^[0-9A-Za-z]+: removed$/) print "removed"
		else if (m ~ /^[0-9A-Za-z]+: (milter-)?reject: [A-Z-]+ from /) print "reject"
		else if (m ~ /^[0-9A-Za-z]+: (milter-)?discard: [A-Z-]+ from /) print "discard"
		else if (m ~ /^[0-9A-Za-z]+: reject: (header|body) .*; from=/) print "reject"
		else if (m ~ /^[0-9A-Za-z]+: discard: (header|body) .*; from=/) print "discard"
		else if (m ~ /^[0-9A-Za-z]+: .* notification: [0-9A-Za-z]+$/) print "dsn"
		else if (m ~ /^(dis)?connect from [^[]*\[[^]]*\]( |$)/) print "session"
		else print "postfix-other"
	}'
}

golden_rulebases "$RB" "$TOP/rulebase/postfix-syslog.rb.in" "$SYSLOG_RB"
golden_files "$SYSLOG_RB" "$DIR"

# tags FILE RULEBASE - one tag a line ("UNPARSED" when none)
tags() {
	sed -e '$a\' "$1" | lognormalizer -r "$2" -e json -T 2>/dev/null |
		jq -r 'if ."event.tags" then ."event.tags"[0] else "UNPARSED" end'
}

set -- "$REC"/*.log "$REC-edges"/*.log
is "$#" "6" "six recordings (short and long queue ids, RFC 3164 and 3339; the edges)"
for log in "$@"; do
	name=${log#"$TOP/"}
	kind_of <"$log" >"$TMP/want"
	tags "$log" "$SYSLOG_RB" >"$TMP/got"
	is "$(grep -c UNPARSED "$TMP/got")" "0" "$name: no line left unparsed"
	if cmp -s "$TMP/want" "$TMP/got"; then
		ok 0 "$name: every line has its kind's tag ($(wc -l <"$log") lines)"
	else
		ok 1 "$name: every line has its kind's tag"
		paste -d ' ' "$TMP/want" "$TMP/got" | grep -vn '^\(.*\) \1$' |
			head -n 5 | sed 's/^/# want got: /'
	fi
	# The message parts alone (what phishwatch hands postfix.rb): the
	# same tag for every line with a queue id.
	sed 's/^.*postfix[^ ]*\[[0-9]*\]: //' "$log" >"$TMP/msg"
	tags "$TMP/msg" "$RB" >"$TMP/gotmsg"
	paste -d ' ' "$TMP/want" "$TMP/gotmsg" |
		awk '$1 != "postfix-other" && $1 != $2 { n++ } END { print n + 0 }' \
		>"$TMP/n"
	is "$(cat "$TMP/n")" "0" "$name: postfix.rb tags the message parts alike"
done

# Every line kind the rulebase is for occurs in the recordings.
cat "$REC"/*.log "$REC-edges"/*.log >"$TMP/all"
check_has() {	# check_has REGEX WHAT
	grep -Eq -- "$1" "$TMP/all"
	ok $? "the recordings have $2"
}
check_has ': [0-9A-F]{6,12}: client=' "short queue ids (hexadecimal)"
check_has ': [0-9B-Zb-z]{13,}: client=' "long queue ids (13 or more characters, no A)"
check_has 'status=sent ' "delivered recipients"
check_has 'status=deferred ' "deferred recipients"
check_has 'status=bounced ' "bounced recipients"
check_has 'NOQUEUE: reject: RCPT from ' "RCPT rejects"
check_has 'NOQUEUE: reject: MAIL from ' "MAIL FROM rejects"
check_has 'NOQUEUE: discard: (RCPT|MAIL) from ' "discard actions"
check_has ': milter-reject: END-OF-MESSAGE from ' "a milter's reject"
check_has ' postfix-out/qmgr\[' "a second instance"
check_has ' postfix/error\[' "the error transport"
check_has 'notification: ' "bounce notices"
check_has 'smtpd\[[0-9]+\]: connect from ' "smtpd's session edges"
check_has ' mail=2 rcpt=' "a session of two transactions"
check_has 'cleanup\[[0-9]+\]: [0-9A-F]+: discard: header ' "a header_checks DISCARD"
check_has 'cleanup\[[0-9]+\]: [0-9A-F]+: reject: header ' "a header_checks REJECT"
check_has 'smtpd\[[0-9]+\]: [0-9A-F]+: reject: (DATA|END-OF-MESSAGE) from ' "refusals at DATA under a queue id"

done_testing
