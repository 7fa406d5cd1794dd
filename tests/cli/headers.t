#!/usr/bin/env bash
# headers.t - the header forms of a mail log line, through the binary: a
# syslog priority before an RFC 3164 line (as read off the network), an
# RFC 5424 line (its application name and process id the program and
# pid, its structured data left out), a stamp of Exim's shape before a
# syslog tag, and journalctl -o short-iso's zone without a colon.  Each
# line is parsed, gives its event with the stamp's time, host, program
# and pid, and no line is dropped or counted as a bad time.
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

MSG='6AbC1k0QzBz9sWh: from=<x@emalsrv.dhl.com>, size=99, nrcpt=1 (queue active)'
# check NAME LINE WANT - LINE gives one event whose time, host, program
# and pid are WANT (tab-separated; an empty pid is none)
check() {
	printf '%s\n' "$2" > "$TMP/$1.log"
	pw -r "$RULEBASE" "$TMP/$1.log" > "$TMP/$1.out" 2> "$TMP/$1.err"
	is "$?" 0 "$1: exit 0"
	is "$(jq -r '[."@timestamp", .host.hostname, .process.name, (.process.pid // "")] | @tsv' "$TMP/$1.out")" \
		"$3" "$1: the event's time, host, program and pid"
	is "$(counter parsed_postfix "$TMP/$1.err") $(counter prefiltered "$TMP/$1.err") $(counter bad_time "$TMP/$1.err")" \
		"1 0 0" "$1: the line parsed as Postfix's, none dropped, its time read"
}
tab=$'\t'
# RFC 3164 has no year: the stamp of the present second takes this year
now=$(date -u +%s)
check pri-3164 "<22>$(LC_ALL=C date -u -d "@$now" '+%b %e %H:%M:%S') mx1 postfix/qmgr[2213]: $MSG" \
	"$(date -u -d "@$now" +%Y-%m-%dT%H:%M:%S).000Z${tab}mx1${tab}postfix/qmgr${tab}2213"
check rfc5424 "<22>1 2026-12-07T03:06:00.5+01:00 mx1 postfix/qmgr 2213 - - $MSG" \
	"2026-12-07T02:06:00.500Z${tab}mx1${tab}postfix/qmgr${tab}2213"
check rfc5424-sd "<22>1 2026-12-07T03:06:00Z mx1 postfix/qmgr - ID7 [a@1 b=\"\\]\"][c@2] $MSG" \
	"2026-12-07T03:06:00.000Z${tab}mx1${tab}postfix/qmgr${tab}"
check space-date "2026-12-07 03:06:01 mx1 postfix/qmgr[2213]: $MSG" \
	"2026-12-07T03:06:01.000Z${tab}mx1${tab}postfix/qmgr${tab}2213"
check short-iso "2026-12-07T03:06:01+0100 mx1 postfix/qmgr[2213]: $MSG" \
	"2026-12-07T02:06:01.000Z${tab}mx1${tab}postfix/qmgr${tab}2213"
# Another program's RFC 5424 line is another program's: read, not ours.
printf '<22>1 2026-12-07T03:06:00Z mx1 sshd 7 - - %s\n' "$MSG" > "$TMP/sshd.log"
pw -r "$RULEBASE" "$TMP/sshd.log" > "$TMP/sshd.out" 2> "$TMP/sshd.err"
is "$(wc -l < "$TMP/sshd.out") $(counter prefiltered "$TMP/sshd.err")" "0 1" \
	"another program's RFC 5424 line gives no event"
like "$(pw --help)" "3339 or 5424, journalctl's short forms," "--help names the header forms read"
done_testing
