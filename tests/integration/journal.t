#!/usr/bin/env bash
# journal.t - mail logs kept by the journal, as journalctl prints them.
#
# A host without rsyslog keeps its mail log in the journal only, and
# the administrator pipes journalctl into phishwatch.  Each real
# recording (sendmail, Postfix, Exim) is written into a journal file of
# its own by systemd-journal-remote, one entry a line with the fields
# journald gives a syslog(3) line (_HOSTNAME, SYSLOG_IDENTIFIER, _PID,
# MESSAGE, and a time a quarter of a second past the line's), and read
# back with journalctl in each of its one-line forms.  phishwatch must
# give, for every form it reads, the events it gives reading the
# recording itself: the same senders, campaigns and counts, at the same
# seconds, with the quarter second where the form prints it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"
export TZ=UTC

REMOTE=/lib/systemd/systemd-journal-remote
rs_need journalctl jq python3 "$REMOTE"

BRANDS="$TOP/data/brands"
# Forms that print the wall clock on one line, and the fraction each
# prints of the quarter second.
FORMS="short:.000 short-iso:.000 short-precise:.250 short-iso-precise:.250
short-unix:.250 short-full:.000"

# export LOG YEAR - LOG's RFC 3164 lines in the journal's export format
export_entries() {
	python3 - "$1" "$2" <<'EOF'
import calendar, re, sys, time
head = re.compile(r"^(\w{3}) +(\d+) (\d\d:\d\d:\d\d) (\S+) ([^\s\[]+)\[(\d+)\]: (.*)$")
for line in open(sys.argv[1], encoding="utf-8", errors="surrogateescape"):
    m = head.match(line.rstrip("\n"))
    if m is None:
        sys.exit("not an RFC 3164 syslog line: " + line)
    month, day, clock, host, program, pid, message = m.groups()
    at = time.strptime("%s %s %s %s" % (sys.argv[2], month, day, clock),
                       "%Y %b %d %H:%M:%S")
    usec = calendar.timegm(at) * 1000000 + 250000
    sys.stdout.write("__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n"
                     "_BOOT_ID=0123456789abcdef0123456789abcdef\n"
                     "_HOSTNAME=%s\nSYSLOG_IDENTIFIER=%s\n_PID=%s\n"
                     "SYSLOG_FACILITY=2\nPRIORITY=6\nMESSAGE=%s\n\n"
                     % (usec, usec, host, program, pid, message))
EOF
}

# summary FILE FRACTION - each event's action, sender, brand, campaign
# counts and time, the time with its fraction set to FRACTION
summary() {
	jq -r --arg f "$2" '[.event.action, .phishwatch.sender_domain,
		.phishwatch.phished_domain,
		(.phishwatch.campaign | tostring),
		(.["@timestamp"] | sub("\\.[0-9]+Z$"; $f + "Z"))] | @tsv' <"$1"
}

# check NAME LOG [RULEBASE...] - LOG through a journal file, in each form
check() {
	_name=$1 _log=$2
	shift 2
	_year=$(date -u -r "$_log" +%Y)
	pw "$@" --default-brands "$BRANDS" "$_log" >"$TMP/$_name.file" 2>/dev/null
	_want=$(events "$TMP/$_name.file")
	ok "$([ "$_want" -gt 0 ]; echo $?)" "$_name: the recording gives events ($_want)"
	export_entries "$_log" "$_year" >"$TMP/$_name.export"
	ok $? "$_name: every line of the recording is a syslog line"
	"$REMOTE" --output="$TMP/$_name.journal" - <"$TMP/$_name.export" \
		2>"$TMP/$_name.remote.err"
	ok $? "$_name: systemd-journal-remote wrote the journal file"
	is "$(journalctl --file="$TMP/$_name.journal" -o cat | wc -l)" \
		"$(wc -l <"$_log")" "$_name: the journal holds every line"
	for _form_frac in $FORMS; do
		_form=${_form_frac%%:*} _frac=${_form_frac#*:}
		journalctl --file="$TMP/$_name.journal" -o "$_form" |
			pw "$@" --default-brands "$BRANDS" \
				>"$TMP/$_name.$_form" 2>"$TMP/$_name.$_form.err"
		ok $? "$_name, journalctl -o $_form: read to the end"
		is "$(summary "$TMP/$_name.$_form" "$_frac")" \
			"$(summary "$TMP/$_name.file" "$_frac")" \
			"$_name, journalctl -o $_form: the events of the recording, at its times"
	done
}

# The journal keeps the reading's year; the file's is its mtime's.
for f in sendmail/mail.3164.log postfix/long.3164.log exim/syslog-3164.log; do
	cp "$TOP/tests/mta/$f" "$TMP/${f%%/*}.log"
	touch -d '2026-12-06 00:00:00 UTC' "$TMP/${f%%/*}.log"
done
check sendmail "$TMP/sendmail.log" -r "$RULEBASE" -a "sendmail:$TOP/tests/mta/sendmail/access"
check postfix "$TMP/postfix.log" -r "$RULEBASE"
check exim "$TMP/exim.log" -r "$RULEBASE" -r "exim:$TOP/rulebase/exim.rb" \
	-a "exim:$TOP/tests/mta/exim/reject_domains" \
	-a "exim:$TOP/tests/mta/exim/reject_senders" \
	-a "exim:$TOP/tests/mta/exim/discard_senders"

# short-full names the zone, journalctl's own: read in that zone (the
# hour that the end of summer time shows twice told apart by the name),
# refused in another, never taken for another zone's clock.
for zone in Europe/Paris America/New_York Asia/Kolkata; do
	TZ=$zone journalctl --file="$TMP/postfix.journal" -o short-full |
		TZ=$zone pw -r "$RULEBASE" --default-brands "$BRANDS" \
			>"$TMP/full.out" 2>"$TMP/full.err"
	is "$(summary "$TMP/full.out" .000)" "$(summary "$TMP/postfix.file" .000)" \
		"journalctl -o short-full in $zone: the recording's events and times"
	is "$(counter bad_time "$TMP/full.err")" 0 "short-full in $zone: every stamp read"
done
TZ=Europe/Paris journalctl --file="$TMP/postfix.journal" -o short-full |
	pw -r "$RULEBASE" --default-brands "$BRANDS" >"$TMP/other.out" \
		2>"$TMP/other.err"
ok "$([ "$(counter bad_time "$TMP/other.err")" -gt 0 ]; echo $?)" \
	"short-full of another zone (CET, read under UTC): its stamps refused"
like "$(cat "$TMP/other.err")" "unreadable time stamp" "and said"
unlike "$(summary "$TMP/other.out" .000 | cut -f5 | sort -u)" \
	"$(summary "$TMP/postfix.file" .000 | cut -f5 | head -n 1 |
		sed 's/T17:/T18:/')" \
	"no event at the hour of the other zone's clock"
done_testing
