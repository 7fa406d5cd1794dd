#!/usr/bin/env bash
# utf8.t - senders written in UTF-8 (SMTPUTF8) through two real
# rsyslogds with the shipped drop-ins: sendmail's lines as sm-mta logs
# them (each byte >= 0200 as a backslash and three octal digits) and
# Postfix's and Exim's (raw UTF-8), from the real recordings of
# tests/mta/utf8/ with the campaign label before each sender domain
# (the drop-ins read the shipped brands from the installed path, not
# here; the label rule needs none).  rsyslog must hand phishwatch the
# bytes as the MTA wrote them, and carry back the access line in the
# sender's spelling: the same events, lines and counts as phishwatch
# reading the file itself.  Once more with rsyslog escaping 8-bit bytes
# on receive (parser.escape8BitCharactersOnReceive="on": "#ooo"), which
# phishwatch reads back in a domain, and which must not touch the events
# coming back (their text is ASCII, the line's UTF-8 as \uXXXX).

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

export TZ=UTC

rs_need rsyslogd jq sqlite3

REC="$TOP/tests/mta/utf8"
# One spelling of each of two look-alikes blocked, as the MTAs' tables
# of the recordings: the A-label of one, the UTF-8 of the other.
RS_RECORDING_ACCESS=$(printf 'From:emalsrv.xn--mazon-3ve.com\tREJECT\nFrom:emalsrv.p\320\260ypal.com\tREJECT')
LAST='Dec  7 17:20:00 mx1 postfix/qmgr[9]: 4A1B2C3D4E: from=<last@emalsrv.the-end.com>, size=1, nrcpt=1 (queue active)'

# The recordings' senders under the campaign label; Exim's mainlog as
# its syslog lines.
{
	sed 's/=<\([^@>]*\)@/=<\1@emalsrv./g' "$REC/sendmail.log" |
		sed 's/ sendmail\[/ sm-mta[/'
	sed 's/=<\([^@>]*\)@/=<\1@emalsrv./g; s/^Dec 07/Dec  7/' "$REC/postfix.log"
	sed -n 's/^\(2026-12-07 \([0-9:]*\) \[\([0-9]*\)\] .* <= \)\([^@ ]*\)@/Dec  7 \2 mx1 exim4[\3]: \1\4@emalsrv./p' \
		"$REC/exim.mainlog"
} >"$TMP/rec.log"
is "$(grep -E 'from=<[^>]|arg1=<[^>]| <= ' "$TMP/rec.log" | grep -vc '@emalsrv\.')" 0 \
	"the recording: every sender under the label"
grep -q 'sm-mta.*@emalsrv\.\\320\\260' "$TMP/rec.log" &&
	grep -q "postfix/.*@emalsrv\.marr"$'\321\226' "$TMP/rec.log" &&
	grep -q "exim4.*@emalsrv\.P"$'\320\220' "$TMP/rec.log"
ok $? "... sendmail's escaped Cyrillic a, Postfix's and Exim's raw UTF-8"

run() {
	rs_recording "$1" "$TMP/rec.log" "$LAST"
}
run phishwatch.conf
ok $? "raw: rsyslogd with phishwatch.conf ran the recordings"
raw=$RS_DIR
run phishwatch-mmnormalize.conf
ok $? "json: rsyslogd with phishwatch-mmnormalize.conf ran them"
json=$RS_DIR

printf '%s\n' "$RS_RECORDING_ACCESS" >"$TMP/access"
{ cat "$TMP/rec.log"; printf '%s\n' "$LAST"; } >"$TMP/file.log"
pw -r "$RULEBASE" -a "$TMP/access" -s "$TMP/file.db" "$TMP/file.log" \
	>"$TMP/file.events" 2>"$TMP/file.err"
is "$(counter invalid_hosts "$TMP/file.err")" 0 "file: no sender skipped"

# lines EVENTS - each event's sender domain and access line, sorted
lines() {
	jq -r '"\(.phishwatch.sender_domain) \(.phishwatch.suggested_access)"' \
		"$1" 2>/dev/null | sort
}
want_lines=$(lines "$TMP/file.events")
like "$want_lines" $'emalsrv\\.xn--mazon-3ve\\.com emalsrv\\.\320\260mazon\\.com\tERROR' \
	"file: the A-label blocked, the UTF-8 spelling that got through named so"
like "$want_lines" 'emalsrv\.xn--pypal-4ve\.com emalsrv\.xn--pypal-4ve\.com' \
	"file: the UTF-8 spelling blocked, the A-label that got through named so"
for side in raw json; do
	dir=${!side}
	rs_same_as_file "$side" "$dir" "$TMP/file.events" "$TMP/file.db"
	is "$(lines "$dir/log/events.json")" "$want_lines" \
		"$side: the same access lines, in UTF-8 where the sender wrote it"
done
is "$(RS_DIR=$json rs_counter unparsed)" 0 "json: every line it got parsed"

# A site whose rsyslog escapes 8-bit bytes on receive (#ooo): the same.
RS_RECORDING_CONF='global(parser.escape8BitCharactersOnReceive="on")'
run phishwatch.conf
ok $? "escaped: rsyslogd escaping 8-bit bytes ran the recordings"
escaped=$RS_DIR
like "$(cat "$escaped/log/phishwatch.err")" 'lines=' "escaped: phishwatch said its counters"
is "$(RS_DIR=$escaped rs_counter invalid_hosts)" 0 \
	"escaped: no sender skipped"
rs_same_as_file escaped "$escaped" "$TMP/file.events" "$TMP/file.db"
is "$(lines "$escaped/log/events.json")" "$want_lines" \
	"escaped: the same access lines, in UTF-8 where the sender wrote it"

done_testing
