#!/usr/bin/env bash
# postfix-patterns.t - pcre: and regexp: access tables as a real Postfix
# reads them.
#
# tests/mta/postfix-pcre/values.pcre and tests/mta/postfix-regexp/
# values.regexp hold what an administrator may write in a
# check_sender_access table of those types (pcre_table(5),
# regexp_table(5)): patterns over the address, the bare domain, a parent
# domain, the local part alone; capitals with and without the i flag; !
# and if/if !/endif, nested; first match wins (DUNNO, OK); actions and
# texts, $1; continuation lines; another delimiter, "#" as one, a hash
# table's line; a bad expression, an endif without if, unknown flags;
# \d, a lookahead and the x flag of pcre, [[:digit:]] and the x flag
# (extended syntax off) of regexp.  values.log is what Postfix 3.7's
# smtpd logged when each sender of values.senders was offered to it
# (record-postfix-values.sh DIR TYPE): "reject" or "discard" for those
# it refused or discarded, nothing for those it let through ("hold",
# "filter" and "warn" let the sender through too).  phishwatch must
# take a sender as blocked exactly when smtpd refused or discarded it.
. "$(dirname "$0")/../lib.sh"

for type in pcre regexp; do
	rec="$TOP/tests/mta/postfix-$type"
	postfix_says "$rec/values.log" "$rec/values.senders" >"$TMP/want-$type"
	is "$(wc -l <"$TMP/want-$type")" "$(wc -l <"$rec/values.senders")" \
		"$type: a verdict for every sender"
	verdicts_match "$type" "$TMP/want-$type" "$rec/values.senders" \
		"$rec/values.$type"
done

# What the recordings must show for the tables to test what they say.
# smtpd looks a pattern table up with the whole address only: not the
# domain alone (after it, as in a hash table), nor a parent domain.
for type in pcre regexp; do
	! grep -Eq "^emalsrv\.(p2|p4)\.example blocked$" "$TMP/want-$type"
	ok $? "the recording ($type): no lookup of the bare or parent domain"
done
# A bad expression costs its line only, with a warning; the next line
# for the same sender refused it.
grep -q 'warning: pcre map [^ ]*, line [0-9]*: error in regex at offset [0-9]*: missing closing parenthesis' \
	"$TOP/tests/mta/postfix-pcre/values.log" &&
grep -q 'warning: regexp map [^ ]*, line [0-9]*: Unmatched ( or \\(' \
	"$TOP/tests/mta/postfix-regexp/values.log" &&
grep -qx 'emalsrv.r5.example blocked' "$TMP/want-pcre" &&
grep -qx 'emalsrv.r5.example blocked' "$TMP/want-regexp"
ok $? "the recording: smtpd warned of the bad expression, and used the next line"
# A line of a hash table, a lone endif: skipped with a warning, not fatal.
for type in pcre regexp; do
	grep -q "warning: $type map [^ ]*, line [0-9]*: ignoring unrecognized request" \
		"$TOP/tests/mta/postfix-$type/values.log" &&
	grep -q "warning: $type map [^ ]*, line [0-9]*: ignoring ENDIF without matching IF" \
		"$TOP/tests/mta/postfix-$type/values.log" &&
	grep -qx 'emalsrv.r4.example passed' "$TMP/want-$type"
	ok $? "the recording ($type): the hash table's line and the lone endif skipped with a warning"
done
# Every line smtpd warned about while it read a table, phishwatch warns
# about too, naming the same line (--check, which then fails: 65).  Not
# pcre's obsolete flag X, which PCRE2 has no use for: the rule is read
# as it is, by both.
for type in pcre regexp; do
	rec="$TOP/tests/mta/postfix-$type"
	pw -r "$RULEBASE" -a "$type:$rec/values.$type" --check \
		>"$TMP/check-$type" 2>&1
	is "$?" 65 "$type: --check fails (65) on the lines warned about"
	grep -v 'obsolete regexp option' "$rec/values.log" |
		sed -n "s/.* $type map [^ ]*, line \([0-9]*\): .*/\1/p" |
		sort -u >"$TMP/lines-postfix-$type"
	sed -n "s/.*values\.$type:\([0-9]*\): .*/\1/p" "$TMP/check-$type" |
		sort -u >"$TMP/lines-pw-$type"
	ok "$([ -s "$TMP/lines-postfix-$type" ] && echo 0 || echo 1)" \
		"$type: smtpd warned about lines of the table"
	is "$(comm -23 "$TMP/lines-postfix-$type" "$TMP/lines-pw-$type")" "" \
		"$type: phishwatch warns about each of them, by its number"
done

# The line phishwatch suggests, in a pcre: or regexp: table's terms, is
# the rule of the recordings that smtpd ran: it refused the host and a
# host below it, and let another name ending the same way through.
: >"$TMP/empty.pcre"
suggested=$(echo x@emalsrv.s1.example |
	pw -r "$RULEBASE" -a "pcre:$TMP/empty.pcre" --query - | cut -f 6)
is "$suggested" '/[@.]emalsrv\.s1\.example$/ REJECT Sender banned' \
	"the suggested rule: the host and below it, its dots escaped"
for type in pcre regexp; do
	grep -qxF "$suggested" "$TOP/tests/mta/postfix-$type/values.$type" &&
	grep -qx 'emalsrv.s1.example blocked' "$TMP/want-$type" &&
	grep -qx 'emalsrv.emalsrv.s1.example blocked' "$TMP/want-$type" &&
	grep -qx 'xemalsrv.s1.example passed' "$TMP/want-$type"
	ok $? "$type: the recording ran that rule: the host and below it refused, xemalsrv let through"
done
done_testing
