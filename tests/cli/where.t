#!/usr/bin/env bash
# where.t - a warning names its line as the MTA's own log does: the MTA
# host, the log time (ISO 8601 UTC) and the queue id, each only when the
# line has it and it passes its check; "FILE:N" first only in filter
# mode with a file (a stream's line numbers, rsyslog's feed in omprog
# mode, name nothing anyone can look up).
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

REST='size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=x [192.0.2.1]'
{
	printf '2026-12-04T13:40:01+00:00 mx1.example.com sm-mta[1]: 4B7Ha1xK012345: from=<a@bad_host.example>, %s\n' "$REST"
	printf '2026-12-04T15:40:02+02:00 mx2 sm-mta[1]: 4B7Ha1xK012346: from=<b@bad_host.example>, %s\n' "$REST"
	printf '2026-12-04T13:40:03+00:00 mx_3 sm-mta[1]: 4B7Ha1xK012347: from=<c@bad_host.example>, %s\n' "$REST"
	printf 'a NUL\0byte\n'
} > "$TMP/a.log"
W1='mx1.example.com 2026-12-04T13:40:01Z qid 4B7Ha1xK012345: sender host is not a hostname; skipped'
W2='mx2 2026-12-04T13:40:02Z qid 4B7Ha1xK012346: sender host is not a hostname; skipped'
W3='2026-12-04T13:40:03Z qid 4B7Ha1xK012347: sender host is not a hostname; skipped'

# Filter mode with a file: FILE:N first.
pw -r "$RULEBASE" "$TMP/a.log" > /dev/null 2> "$TMP/file.err"
is "$?" 0 "file: exit 0"
is "$(grep warning: "$TMP/file.err")" "phishwatch: warning: $TMP/a.log:1 $W1
phishwatch: warning: $TMP/a.log:2 $W2
phishwatch: warning: $TMP/a.log:3 $W3
phishwatch: warning: $TMP/a.log:4: NUL byte in line; skipped" \
	"file: host, UTC time and queue id of each line after FILE:N; a bad host left out"

# Two files: each counts its own lines.
cp "$TMP/a.log" "$TMP/b.log"
pw -r "$RULEBASE" "$TMP/a.log" "$TMP/b.log" > /dev/null 2> "$TMP/two.err"
like "$(cat "$TMP/two.err")" "warning: $TMP/b.log:1 $W1" "two files: the second counts from 1"

# Filter mode on standard input: no line number.
pw -r "$RULEBASE" < "$TMP/a.log" > /dev/null 2> "$TMP/stdin.err"
is "$(grep warning: "$TMP/stdin.err")" "phishwatch: warning: $W1
phishwatch: warning: $W2
phishwatch: warning: $W3
phishwatch: warning: a line: NUL byte in line; skipped" \
	"standard input: host, time and queue id, no line number"

# omprog mode: no number of rsyslog's feed.
pw -r "$RULEBASE" --omprog -o "$TMP/events.json" < "$TMP/a.log" > "$TMP/replies" 2> "$TMP/omprog.err"
is "$?" 0 "omprog: exit 0"
is "$(grep -c '^OK$' "$TMP/replies")" 5 "omprog: ready and one reply a line"
is "$(grep warning: "$TMP/omprog.err" | sed 's/^[0-9TZ:.-]* //')" "phishwatch: warning: $W1
phishwatch: warning: $W2
phishwatch: warning: $W3
phishwatch: warning: a line: NUL byte in line; skipped" \
	"omprog: host, time and queue id, no line number"
unlike "$(cat "$TMP/omprog.err")" 'line [0-9]' "omprog: no feed line number anywhere"
ok "$(LC_ALL=C grep -q '[^ -~]' "$TMP/omprog.err"; [ $? -ne 0 ]; echo $?)" \
	"omprog: diagnostics printable ASCII only"
# Fields that fail their check are left out (--input json lets any
# text through the rulebase): a queue id with a comma and ESC, one too
# long to be real, a host with ESC, an unreadable time.
{
	printf '%s\n' '{"event.tags": ["from"], "timestamp": "2026-12-04T13:40:05+00:00", "hostname": "mx5", "qid": "q,1\u001b", "from": "<e@bad_host.example>", "nrcpts": "1"}'
	printf '{"event.tags": ["from"], "timestamp": "2026-12-04T13:40:06Z", "hostname": "mx6", "qid": "%s", "from": "<f@bad_host.example>", "nrcpts": "1"}\n' "$(printf 'Q%.0s' $(seq 1 40))"
	printf '%s\n' '{"event.tags": ["from"], "timestamp": "not a time", "hostname": "mx\u001b7", "qid": "4B7Ha1xK012347", "from": "<g@bad_host.example>", "nrcpts": "1"}'
} > "$TMP/j.log"
pw -r "$RULEBASE" --input json < "$TMP/j.log" > /dev/null 2> "$TMP/json.err"
is "$(grep warning: "$TMP/json.err")" "phishwatch: warning: mx5 2026-12-04T13:40:05Z: sender host is not a hostname; skipped
phishwatch: warning: mx6 2026-12-04T13:40:06Z: sender host is not a hostname; skipped
phishwatch: warning: qid 4B7Ha1xK012347: sender host is not a hostname; skipped" \
	"json: a bad queue id, a bad host and an unreadable time are left out"
# Exim: a mainlog line names its stamp and Exim's message id (no host);
# under an exim header, the host too.
{
	printf '2026-12-04 13:40:05 [7] 1xZX5o-0007zR-30 <= a@bad_host.example H=[192.0.2.1] P=esmtp S=1\n'
	printf '2026-12-04T13:40:06+00:00 mx4 exim[7]: 2026-12-04 13:40:06 1rAbCd-00000000123-Abcd <= b@bad_host.example H=[192.0.2.1] P=esmtp S=1\n'
} > "$TMP/exim.log"
pw -r "$RULEBASE" -r "exim:$TOP/rulebase/exim.rb" < "$TMP/exim.log" > /dev/null 2> "$TMP/exim.err"
is "$(grep warning: "$TMP/exim.err")" "phishwatch: warning: 2026-12-04T13:40:05Z qid 1xZX5o-0007zR-30: sender host is not a hostname; skipped
phishwatch: warning: mx4 2026-12-04T13:40:06Z qid 1rAbCd-00000000123-Abcd: sender host is not a hostname; skipped" \
	"Exim: the mainlog's stamp, the header's host, both forms of message id"

done_testing
