#!/usr/bin/env bash
# postfix.t - a real Postfix recording (tests/mta/postfix/short.3164.log)
# through two real rsyslogds, as Postfix's syslog(3) would hand its
# lines over: the shipped phishwatch.conf (raw lines to phishwatch) and
# phishwatch-mmnormalize.conf (mmnormalize with postfix-syslog.rb for
# the Postfix programs, its JSON to phishwatch --input json).  Both
# select the lines by program name (postfix, postfix-INSTANCE), and give
# the events and campaign counts that phishwatch gives reading the same
# file itself.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

export TZ=UTC

rs_need rsyslogd jq sqlite3

REC="$TOP/tests/mta/postfix/short.3164.log"
ACCESS=$RS_RECORDING_ACCESS
# A last campaign, from another instance: its event says every line
# before it is done.
LAST='Dec  4 17:25:30 mx1 postfix-out/qmgr[9]: 4A1B2C3D4E: from=<last@emalsrv.the-end.com>, size=1, nrcpt=1 (queue active)'

# run CONF - the recording, a cron line and the last campaign through
# a private rsyslogd with CONF
run() {
	rs_recording "$1" "$REC" \
		'Dec  4 17:25:30 mx1 cron[9]: (root) CMD (true)' "$LAST"
}

run phishwatch.conf
ok $? "raw: rsyslogd with phishwatch.conf ran the recording"
raw=$RS_DIR
run phishwatch-mmnormalize.conf
ok $? "json: rsyslogd with phishwatch-mmnormalize.conf ran it"
json=$RS_DIR

# What phishwatch makes of the file itself.
printf '%s\n' "$ACCESS" >"$TMP/access"
{ cat "$REC"; printf '%s\n' "$LAST"; } >"$TMP/file.log"
pw -r "$RULEBASE" -a "$TMP/access" -s "$TMP/file.db" "$TMP/file.log" \
	>"$TMP/file.events" 2>/dev/null
want_events=$(rs_first_seen "$TMP/file.events")

# (paypa1.com is a look-alike of a brand of the shipped brands list,
# which the drop-ins read from the installed path: not here)
is "$want_events" "marriott.com staples.co.uk dhl.com the-end.com " \
	"file: the scenario's label campaigns, and the last one"
for side in raw json; do
	rs_same_as_file "$side" "${!side}" "$TMP/file.events" "$TMP/file.db"
done
is "$(RS_DIR=$raw rs_counter lines)" "$(($(wc -l <"$REC") + 1))" \
	"raw: phishwatch read every Postfix line, and no cron line"
is "$(RS_DIR=$json rs_counter unparsed)" 0 "json: every line it got parsed"

done_testing
