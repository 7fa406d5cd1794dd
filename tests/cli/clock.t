#!/usr/bin/env bash
# clock.t - a time stamp far from any clock (more than a day ahead of
# both the log's clock and the wall clock, or before 1990) is counted as
# clock_skew and read as the log's clock: it neither moves that clock
# nor expires the messages still open, nor makes campaigns look quiet.
# An unreadable stamp (bad_time) is read the same way.
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

# line STAMP QID REST - an sm-mta line with an RFC 3339 stamp
line() { printf '%s mx1 sm-mta[1]: %s: %s\n' "$1" "$2" "$3"; }
FROM='size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=x [192.0.2.1]'
TO='to=<u@example.org>, delay=00:00:01, mailer=local, pri=1, dsn=2.0.0, stat=Sent'

# check_case NAME STAMP [COUNTER] - campaign qa opens, a line of
# campaign qb with STAMP, then the deliveries of both; read with
# summaries on; the stamp counts in COUNTER (clock_skew)
check_case() {
	_counter=${3:-clock_skew}
	{
		line 2025-07-03T14:12:20+00:00 qa "from=<a@emalsrv.dhl.com>, $FROM"
		line "$2" qb "from=<b@emalsrv.fedex.com>, $FROM"
		line 2025-07-03T14:12:22+00:00 qa "$TO"
		line 2025-07-03T14:12:23+00:00 qb "$TO"
	} >"$TMP/$1.log"
	pw -r "$RULEBASE" -s "$TMP/$1.db" --summary-interval 3600 \
		"$TMP/$1.log" >"$TMP/$1.out" 2>"$TMP/$1.err"
	is "$?" 0 "$1: exit 0"
	is "$(counter "$_counter" "$TMP/$1.err")" 1 "$1: the stamp is counted as $_counter"
	is "$(sqlite3 "$TMP/$1.db" "SELECT messages, delivered FROM campaigns ORDER BY phished_domain")" \
		"1|1
1|1" "$1: no open message is expired: each delivered 1"
	is "$(jq -r .event.action "$TMP/$1.out" | tr '\n' ' ')" \
		"phished-domain-first-seen phished-domain-first-seen " \
		"$1: no campaign-summary for a campaign active 2 s before"
	is "$(jq -r 'select(.phishwatch.phished_domain == "fedex.com") | ."@timestamp"' "$TMP/$1.out")" \
		"2025-07-03T14:12:20.000Z" "$1: the line takes the log's clock"
	is "$(sqlite3 "$TMP/$1.db" "SELECT datetime(first_seen, 'unixepoch'), datetime(last_seen, 'unixepoch') FROM campaigns WHERE phished_domain = 'fedex.com'")" \
		"2025-07-03 14:12:20|2025-07-03 14:12:23" "$1: the store keeps the log's clock"
	# named by file and line, host, the stamp's time when it can be
	# read at all, and queue id
	like "$(cat "$TMP/$1.err")" "warning: $TMP/$1.log:2 mx1 ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z )?qid qb: (time stamp far from the log's clock and the clock|unreadable time stamp); using the log's clock" \
		"$1: says so"
}

check_case 2099 2099-07-03T14:12:21+00:00
check_case 9999 9999-12-31T23:59:59+00:00
check_case 1989 1989-12-31T23:59:59+00:00
check_case 1970 1970-01-01T00:00:00+00:00
# An unreadable stamp is no better a clock than a far one.
check_case unreadable 2025-13-45T99:00:00+00:00 bad_time

# A stamp that runs a little ahead (less than a day) is the log's own.
{
	line 2025-07-03T14:12:20+00:00 qa "from=<a@emalsrv.dhl.com>, $FROM"
	line 2025-07-04T10:00:00+00:00 qb "from=<b@emalsrv.fedex.com>, $FROM"
} >"$TMP/near.log"
pw -r "$RULEBASE" "$TMP/near.log" >"$TMP/near.out" 2>"$TMP/near.err"
is "$(counter clock_skew "$TMP/near.err")" 0 "less than a day ahead: no clock_skew"
is "$(jq -r '."@timestamp"' "$TMP/near.out" | tail -n 1)" "2025-07-04T10:00:00.000Z" \
	"less than a day ahead: the line keeps its time"

# An old log read against the clock of today: a jump of years between
# lines that are both in the past is no skew.
{
	line 2020-01-01T00:00:00+00:00 qa "from=<a@emalsrv.dhl.com>, $FROM"
	line 2025-07-03T14:12:20+00:00 qb "from=<b@emalsrv.fedex.com>, $FROM"
} >"$TMP/jump.log"
pw -r "$RULEBASE" "$TMP/jump.log" >"$TMP/jump.out" 2>"$TMP/jump.err"
is "$(counter clock_skew "$TMP/jump.err")" 0 "a jump within the past: no clock_skew"

# RFC 3164 stamps carry no year: the year is chosen against the file's
# time, so one line cannot run ahead of the next.  A file dated 2099 (a
# host whose clock was wrong) puts every line there: each is counted,
# and read as the time now, never as 2099.
{
	from_line qa '<a@emalsrv.dhl.com>'
	to_line qa '<u@example.org>'
} >"$TMP/3164.log"
touch -d '2099-07-04 00:00:00 UTC' "$TMP/3164.log"
pw -r "$RULEBASE" -s "$TMP/3164.db" "$TMP/3164.log" >"$TMP/3164.out" 2>"$TMP/3164.err"
is "$?" 0 "RFC 3164, file dated 2099: exit 0"
is "$(counter clock_skew "$TMP/3164.err")" 2 "RFC 3164, file dated 2099: both lines counted"
stamp=$(jq -r '."@timestamp"' "$TMP/3164.out")
off=$(( $(date -u +%s) - $(date -u -d "$stamp" +%s) ))
ok "$([ "${off#-}" -lt 3600 ]; echo $?)" \
	"RFC 3164, file dated 2099: the event is dated now, not 2099 ($stamp)"
is "$(sqlite3 "$TMP/3164.db" 'SELECT messages, delivered FROM campaigns')" "1|1" \
	"RFC 3164, file dated 2099: the message and its delivery counted"
done_testing
