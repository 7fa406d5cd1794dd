#!/usr/bin/env bash
# exim.t - a real Exim recording (tests/mta/exim-more/syslog-3164.log:
# the scenario and scenario-more.txt over ::1, Exim's default
# syslog_duplication, so each refusal twice) through two real
# rsyslogds, as Exim's syslog(3) would hand its lines over: the shipped
# phishwatch.conf (raw lines to phishwatch) and
# phishwatch-mmnormalize.conf (mmnormalize with exim-syslog.rb for the
# programs exim and exim4, its JSON to phishwatch --input json).  Both
# select the lines by program name, and give the events and campaign
# counts that phishwatch gives reading the same file itself, which are
# those of Exim's own mainlog of the same run (each refusal once).

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

export TZ=UTC

rs_need rsyslogd jq sqlite3

DIR="$TOP/tests/mta/exim-more"
REC="$DIR/syslog-3164.log"
# The recording's ACL lists, as the drop-ins' sendmail access map
ACCESS=$RS_RECORDING_ACCESS
# A last campaign, from the other program name: its event says every
# line before it is done.
LAST='Dec  4 20:30:00 mx1 exim4[9]: 2026-12-04 20:30:00 [9] 1xZZzz-00000A-AB <= last@emalsrv.the-end.com H=(client.example.com) [::1] P=esmtp S=1 id=last@client.example.com for alice@example.org'

# run CONF - the recording, cron's and eximon's lines and the last
# campaign through a private rsyslogd with CONF
run() {
	rs_recording "$1" "$REC" \
		'Dec  4 20:30:00 mx1 cron[9]: (root) CMD (true)' \
		'Dec  4 20:30:00 mx1 eximon[9]: not the MTA' "$LAST"
}

run phishwatch.conf
ok $? "raw: rsyslogd with phishwatch.conf ran the recording"
raw=$RS_DIR
run phishwatch-mmnormalize.conf
ok $? "json: rsyslogd with phishwatch-mmnormalize.conf ran it"
json=$RS_DIR

# What phishwatch makes of the file itself, and of the run's mainlog.
printf '%s\n' "$ACCESS" >"$TMP/access"
{ cat "$REC"; printf '%s\n' "$LAST"; } >"$TMP/file.log"
pw -r "$RULEBASE" -a "$TMP/access" -s "$TMP/file.db" "$TMP/file.log" \
	>"$TMP/file.events" 2>/dev/null
want_events=$(rs_first_seen "$TMP/file.events")
want_counts=$(rs_campaign_counts "$TMP/file.db")
{ cat "$DIR/mainlog"; printf '%s\n' "${LAST#*\]: }"; } >"$TMP/main.log"
pw -r "$RULEBASE" -a "$TMP/access" -s "$TMP/main.db" "$TMP/main.log" \
	>/dev/null 2>&1
is "$want_counts" "$(rs_campaign_counts "$TMP/main.db")" \
	"file: syslog (each refusal twice) counts as the mainlog (once)"
like "$want_counts" 'linkedin\.com\|4\|6\|0\|0\|0\|6\|0' \
	"file: linkedin.com's four messages, six recipients refused"

# (paypa1.com is a look-alike of a brand of the shipped brands list,
# which the drop-ins read from the installed path: not here)
is "$want_events" "marriott.com staples.co.uk dhl.com the-end.com " \
	"file: the scenario's label campaigns, and the last one"
for side in raw json; do
	dir=${!side}
	rs_same_as_file "$side" "$dir" "$TMP/file.events" "$TMP/file.db"
	is "$(jq -r 'select(.phishwatch.phished_domain == "marriott.com")
		| .source.ip' "$dir/log/events.json" 2>/dev/null | sort -u)" \
		"::1" "$side: the relay's address, ::1, in the events"
done
is "$(RS_DIR=$raw rs_counter lines)" "$(($(wc -l <"$REC") + 1))" \
	"raw: phishwatch read every Exim line, and no cron or eximon line"
is "$(RS_DIR=$json rs_counter unparsed)" 0 "json: every line it got parsed"

# The same recording as Exim writes it with its default log selectors
# (no [pid], no "for" list on an arrival), +millisec and log_timezone:
# through mmnormalize (exim-syslog.rb reads Exim's stamp in the
# message), the counts phishwatch gives reading the file; recipients as
# their deliveries end, so marriott.com's deferred one is not counted.
sed -E -e 's/(exim4?\[[0-9]+\]: (\[1\\[0-9]+\] )?[0-9-]+ [0-9:]+) \[[0-9]+\] /\1.250 +0000 /' \
	-e '/ <= /s/ for [^=]*$//' "$REC" >"$TMP/default.log"
is "$(grep -c ' <= .* for ' "$TMP/default.log") $(grep -c '[0-9]\.250 +0000 1x' "$TMP/default.log")" \
	"0 $(grep -c ' [0-9:]* \[[0-9]*\] 1x' "$REC")" \
	"default selectors, +millisec, zone: no list, every stamp with milliseconds and zone"
mv "$json" "$TMP/json-recording"	# the variant's run needs a fresh store
rs_recording phishwatch-mmnormalize.conf "$TMP/default.log" "$LAST"
ok $? "json, default selectors: rsyslogd ran the variant"
{ cat "$TMP/default.log"; printf '%s\n' "$LAST"; } >"$TMP/default-file.log"
pw -r "$RULEBASE" -a "$TMP/access" -s "$TMP/default.db" "$TMP/default-file.log" \
	>"$TMP/default.events" 2>/dev/null
rs_same_as_file "json, default selectors" "$RS_DIR" "$TMP/default.events" \
	"$TMP/default.db"
like "$(rs_campaign_counts "$TMP/default.db")" 'marriott\.com\|5\|6\|5\|2\|1\|0\|0' \
	"default selectors: marriott.com's recipients counted as their deliveries end"
is "$(rs_counter unparsed)" 0 "json, default selectors: every line it got parsed"
is "$(rs_first_seen "$TMP/default.events")" "$want_events" \
	"default selectors, +millisec: the recording's first-seen events"

done_testing
