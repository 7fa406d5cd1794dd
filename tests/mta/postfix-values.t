#!/usr/bin/env bash
# postfix-values.t - access table values as a real Postfix reads them.
#
# tests/mta/postfix-values/values.access holds values an administrator may
# write in a check_sender_access table: the actions in any case and
# with or without their text, reply codes well and badly formed,
# restriction names (PERMIT in capitals), words of other MTAs (SKIP,
# FRIEND, TEMPFAIL, sendmail's ERROR:), a lookup table inside the map,
# a CRLF line's CR; and keys of a whole address, of a local part, in
# capitals, a parent domain's.  values.log is what Postfix 3.7's smtpd
# logged when each sender of values.senders was offered to it
# (record-postfix-values.sh): "reject" or "discard" for those it
# refused or discarded, nothing for those it let through ("hold",
# "filter", "warn" and "info" let the sender through too).  phishwatch
# must take a sender as blocked exactly when smtpd refused or discarded
# it, reading the source and a map compiled from it as postmap does.
# (Restrictions whose outcome depends on more than the table, as
# reject_unknown_sender_domain on DNS, are left out: the recording
# could only show one outcome of theirs.)
. "$(dirname "$0")/../lib.sh"

REC="$TOP/tests/mta/postfix-values"

# postmap_pairs FILE - FILE as postmap stores it, for db5.3_load -T:
# keys lower-cased, values without the blanks and CR that end them, a
# NUL after each, as Postfix's hash maps on Linux hold them
postmap_pairs() {
	awk '!/^#/ && NF >= 2 { k = tolower($1); sub(/^[^ \t]+[ \t]+/, "")
		sub(/[ \t\r]+$/, ""); print k "\\00"; print $0 "\\00" }' "$1"
}

postfix_says "$REC/values.log" "$REC/values.senders" >"$TMP/want"
is "$(wc -l <"$TMP/want")" "$(wc -l <"$REC/values.senders")" \
	"a verdict for every sender"
DB_LOAD=$(command -v db5.3_load || command -v db_load)
postmap_pairs "$REC/values.access" | "$DB_LOAD" -T -t hash "$TMP/values.db"
ok $? "the source compiled as postmap compiles it"
verdicts_match postfix "$TMP/want" "$REC/values.senders" \
	"$REC/values.access" "$TMP/values.db"

# A value that is neither action nor restriction is warned about: smtpd
# logged "unknown smtpd restriction" for it, and deferred the sender.
grep -q 'warning: unknown smtpd restriction: "TEMPFAIL"' "$REC/values.log"
ok $? "the recording: smtpd knows no TEMPFAIL"
pw -r "$RULEBASE" -a "postfix:$REC/values.access" --check \
	>"$TMP/check.out" 2>&1
is "$?" 65 "--check: 65, for the values warned about"
like "$(cat "$TMP/check.out")" \
	'values.access:1: "TEMPFAIL" of key "emalsrv.p1.example" is neither action nor restriction: smtpd defers the sender \(451 4.3.5 Server configuration error\); taken as blocking' \
	"the warning names file, line, value and key, and what smtpd does"
# smtpd ran RELAY and PERMIT (a restriction of its own, in capitals) and
# let the sender through: no warning for them.
unlike "$(cat "$TMP/check.out")" 'values.access:(34|35|36):' \
	"RELAY, RELAY with text and PERMIT are read without a warning"
done_testing
