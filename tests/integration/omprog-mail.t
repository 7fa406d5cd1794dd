#!/usr/bin/env bash
# omprog-mail.t - route-mail.conf: a real rsyslogd runs the real
# phishwatch (shipped phishwatch.conf) and its ommail action delivers one
# mail per alert to a real SMTP server (aiosmtpd on a loopback port):
# new campaigns, new sender hosts and lookalike domains of known campaigns
# and campaign summaries, to
# root, the domain and the rule in the subject, a short body with the
# access line; no mail for a campaign the access map blocks, nor for
# repeat senders; a 1500-byte sender address still gives a mail whose
# lines SMTP takes.  Then a server that refuses the recipient (550) and
# one that is down: each mail is tried a bounded number of times, and
# each lost mail is a line in mail-failed.log.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

export TZ=UTC

command -v rsyslogd >/dev/null
ok $? "rsyslogd is installed (make deps)"
rs_python_with aiosmtpd >/dev/null
ok $? "python3 with aiosmtpd is installed (make deps: python3-aiosmtpd)"
if ! command -v rsyslogd >/dev/null || ! rs_python_with aiosmtpd >/dev/null; then
	done_testing
	exit 1
fi

# with_summaries - the installed phishwatch.conf's phishwatch also sends
# campaign-summary events (--summary-interval, off by default)
with_summaries() {
	sed -i 's| --omprog | --omprog --summary-interval 3600 |' "$RS_DIR/conf/phishwatch.conf"
	grep -q -- '--summary-interval 3600' "$RS_DIR/conf/phishwatch.conf"
}

rs_setup mail
printf 'emalsrv.ups.com\tREJECT\n' >"$RS_DIR/etc/access"
rs_smtp_start
ok $? "SMTP sink (aiosmtpd) listens on 127.0.0.1:$RS_SMTP_PORT"
rs_install phishwatch.conf route-mail.conf route-file.conf && with_summaries
ok $? "drop-ins installed, phishwatch with --summary-interval 3600"
grep -q "port=\"$RS_SMTP_PORT\"" "$RS_ROUTES/route-mail.conf"
ok $? "route-mail.conf points at the sink"
rs_start
ok $? "rsyslogd starts with phishwatch.conf, route-mail.conf, route-file.conf"

rs_mta \
	"$(from_line m1 '<a@emalsrv.marriott.com>' 'relay.example.net [203.0.113.7]')" \
	"$(from_line m2 '<b@emalsrv.marriott.com>')" \
	"$(from_line u1 '<a@emalsrv.ups.com>')" \
	"$(from_line s1 '<c@complains.staples.co.uk>' '[127.0.0.1]')" \
	"$(from_line m3 '<c@complains.marriott.com>')" \
	"$(from_line l1 '<d@marriottmail.com>')" \
	"$(from_line d1 "<$(printf 'y%.0s' $(seq 1 1500))@emalsrv.dhl.com>")" \
	"$(from_line q9 '<h@example.org>' | sed 's/14:12:20/15:30:00/')"
rs_read_at_least 8
ok $? "phishwatch read the 8 lines"
# 3 campaigns, 2 new senders of marriott.com (a host, a lookalike
# domain), 4 summaries (the last line is an hour after the others;
# blocked ups.com is a campaign too, silent)
wait_for '[ "$(ls "$RS_MAILDIR/new" 2>/dev/null | wc -l)" -ge 9 ]' 60
wait_for 'rs_lines_at_least "$RS_DIR/log/events.json" 9' 30
rs_stop
is "$RS_STATUS" 0 "rsyslogd stops by pid"
rs_kill "$RS_SMTP_PID"

is "$(ls "$RS_MAILDIR/new" 2>/dev/null | wc -l | tr -d ' ')" 9 \
	"nine mails: 3 campaigns, 2 new senders, 4 summaries; no first-seen for blocked ups.com nor repeats"
is "$(wc -l <"$RS_DIR/log/events.json" 2>/dev/null | tr -d ' ')" 9 \
	"route-file.conf got the same nine events beside the mails"
mail_for() { grep -l "^Subject: phishwatch: $1" "$RS_MAILDIR"/new/* 2>/dev/null | head -n 1; }
m=$(mail_for 'new campaign against marriott\.com (label:emalsrv)$')
s=$(mail_for 'new campaign against staples\.co\.uk (label:complains)$')
l=$(mail_for 'new sender marriottmail\.com against marriott\.com (lookalike:affix-mail)$')
q=$(mail_for 'campaign against marriott\.com went quiet (label:emalsrv)$')
ok "$([ -n "$m" ]; echo $?)" "subject: 'phishwatch: new campaign against marriott.com (label:emalsrv)'"
ok "$([ -n "$s" ]; echo $?)" "subject: 'phishwatch: new campaign against staples.co.uk (label:complains)'"
ok "$([ -n "$l" ]; echo $?)" "subject: 'phishwatch: new sender marriottmail.com against marriott.com (lookalike:affix-mail)'"
h=$(mail_for 'new sender complains\.marriott\.com against marriott\.com (label:complains)$')
ok "$([ -n "$h" ]; echo $?)" "subject: 'phishwatch: new sender complains.marriott.com against marriott.com (label:complains)'"
ok "$([ -n "$q" ]; echo $?)" "subject: 'phishwatch: campaign against marriott.com went quiet (label:emalsrv)'"
is "$(grep -c '^Subject:' "${m:-/dev/null}")" 1 "one Subject header"
like "$(cat "${m:-/dev/null}")" '^To: <?root@localhost>?$' "to root, who exists on every stock MTA"
like "$(cat "${m:-/dev/null}")" '^From: <?phishwatch@localhost>?$' "from phishwatch"
body() { sed '1,/^$/d' "${1:-/dev/null}"; }
is "$(body "$m" | head -n 1)" \
	"New phishing campaign against marriott.com; no access entry blocks it." \
	"the body's first line says what happened"
like "$(body "$m")" '^  sender:  a@emalsrv\.marriott\.com$' "the body names the first sender"
like "$(body "$m")" '^  relay:   relay\.example\.net \[203\.0\.113\.7\]$' "and its relay"
like "$(body "$m")" '^  seen:    2[0-9-]*T14:12:20\.000Z on mx1, queue id m1$' "where and when"
like "$(body "$m")" "^emalsrv\\.marriott\\.com	ERROR:\"550 5\\.7\\.1 Sender banned\"\$" \
	"and carries the access line to add, TAB included"
is "$(body "$m" | grep -c .)" 7 "seven lines of text: read in a glance"
like "$(body "$s")" '^  relay:   127\.0\.0\.1$' "a relay without a name: its address alone, no [brackets]"
like "$(body "$l")" '^New sender domain marriottmail\.com in the campaign against marriott\.com' \
	"the lookalike's mail names the new sender domain"
like "$(body "$l")" "^marriottmail\\.com	ERROR:" "and the line that blocks it"
like "$(body "$q")" '^  messages:   4 \(0 delivered, 0 rejected' "the summary's counters"
d=$(mail_for 'new campaign against dhl\.com')
like "$(body "$d" | grep '^  sender:')" '^  sender:  y{200}$' \
	"a 1500-byte sender shows as its first 200 bytes"
is "$(cat "$RS_MAILDIR"/new/* 2>/dev/null | awk 'length($0) > 998' | wc -l | tr -d ' ')" 0 \
	"no mail line over SMTP's 998 bytes"
[ ! -s "$RS_DIR/log/mail-failed.log" ]
ok $? "no line in mail-failed.log when every mail went"

# A server that answers "550 User unknown" for the recipient.
rs_setup refused
rs_smtp_start refuse
ok $? "a refusing SMTP sink listens on 127.0.0.1:$RS_SMTP_PORT"
rs_install phishwatch.conf route-mail.conf route-file.conf
rs_start
ok $? "rsyslogd starts"
rs_mta "$(from_line r1 '<a@emalsrv.marriott.com>')" "$(from_line r2 '<a@emalsrv.fedex.com>')"
wait_for 'rs_lines_at_least "$RS_DIR/log/mail-failed.log" 2' 60
ok $? "both refused mails are lines in mail-failed.log"
rs_stop
rs_kill "$RS_SMTP_PID"
like "$(head -n 1 "$RS_DIR/log/mail-failed.log" 2>/dev/null)" \
	'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+[-+Z].* mail not sent \(refused, or server unreachable\), subject: phishwatch: new campaign against marriott\.com \(label:emalsrv\)$' \
	"a time stamp, what failed and the subject of the lost mail"
tries=$(wc -l <"$RS_DIR/smtp.refused" 2>/dev/null | tr -d ' ')
ok "$([ "${tries:-0}" -ge 2 ] && [ "$tries" -le 8 ]; echo $?)" \
	"each mail tried a bounded number of times ($tries RCPTs for 2 mails; a retry loop sends several a second)"
is "$(wc -l <"$RS_DIR/log/events.json" 2>/dev/null | tr -d ' ')" 2 \
	"the events still reach the file route"

# No server at all (connection refused): the same, after the retries
# (resumeInterval cut to 1 s for the test).
rs_setup down
rs_install phishwatch.conf route-mail.conf
sed -i 's/action.resumeInterval="10"/action.resumeInterval="1"/' "$RS_ROUTES/route-mail.conf"
rs_start
ok $? "rsyslogd starts with the mail route pointing at a closed port"
rs_mta "$(from_line n1 '<a@emalsrv.marriott.com>')" "$(from_line n2 '<a@emalsrv.fedex.com>')"
wait_for 'rs_lines_at_least "$RS_DIR/log/mail-failed.log" 2' 30
ok $? "each mail that cannot reach a server is a line in mail-failed.log"
rs_stop

done_testing
