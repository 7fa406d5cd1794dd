#!/usr/bin/env bash
# omprog-mail.t - route-mail.conf: a real rsyslogd runs the real
# phishwatch (shipped phishwatch.conf) and its ommail action delivers one
# mail per new campaign to a real SMTP server (aiosmtpd on a loopback
# port): the phished domain in the subject, the access line in the body;
# no mail for a campaign the access map blocks, nor for repeat senders;
# a 1500-byte sender address still gives a mail whose lines SMTP takes.

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

rs_setup mail
printf 'emalsrv.ups.com\tREJECT\n' >"$RS_DIR/etc/access"
rs_smtp_start
ok $? "SMTP sink (aiosmtpd) listens on 127.0.0.1:$RS_SMTP_PORT"
rs_install phishwatch.conf route-mail.conf route-file.conf
grep -q "port=\"$RS_SMTP_PORT\"" "$RS_ROUTES/route-mail.conf"
ok $? "route-mail.conf points at the sink"
rs_start
ok $? "rsyslogd starts with phishwatch.conf, route-mail.conf, route-file.conf"

rs_mta \
	"$(from_line m1 '<a@emalsrv.marriott.com>' 'relay.example.net [203.0.113.7]')" \
	"$(from_line m2 '<b@emalsrv.marriott.com>')" \
	"$(from_line u1 '<a@emalsrv.ups.com>')" \
	"$(from_line s1 '<c@complains.staples.co.uk>')" \
	"$(from_line m3 '<c@complains.marriott.com>')" \
	"$(from_line d1 "<$(printf 'y%.0s' $(seq 1 1500))@emalsrv.dhl.com>")"
rs_read_at_least 6
ok $? "phishwatch read the 6 lines"
wait_for '[ "$(ls "$RS_MAILDIR/new" 2>/dev/null | wc -l)" -ge 3 ]' 10
sleep 0.5	# a fourth mail, if one were wrongly sent, would be there by now
rs_stop
is "$RS_STATUS" 0 "rsyslogd stops by pid"
rs_kill "$RS_SMTP_PID"

is "$(ls "$RS_MAILDIR/new" 2>/dev/null | wc -l | tr -d ' ')" 3 \
	"three mails: marriott.com, staples.co.uk, dhl.com; none for blocked ups.com nor repeats"
mail_for() { grep -l "^Subject: .* $1\$" "$RS_MAILDIR"/new/* 2>/dev/null | head -n 1; }
m=$(mail_for marriott.com)
s=$(mail_for staples.co.uk)
ok "$([ -n "$m" ]; echo $?)" "a mail whose subject is 'phishwatch: new campaign against marriott.com'"
ok "$([ -n "$s" ]; echo $?)" "a mail whose subject is 'phishwatch: new campaign against staples.co.uk'"
is "$(grep -c '^Subject:' "${m:-/dev/null}")" 1 "one Subject header"
like "$(cat "${m:-/dev/null}")" '^To: <?postmaster@localhost>?$' "to the postmaster"
like "$(cat "${m:-/dev/null}")" '^From: <?phishwatch@localhost>?$' "from phishwatch"
like "$(cat "${m:-/dev/null}")" '^  envelope sender:  a@emalsrv\.marriott\.com$' \
	"the body names the first sender"
like "$(cat "${m:-/dev/null}")" '^  relay:            relay\.example\.net \[203\.0\.113\.7\]$' \
	"and its relay"
like "$(cat "${m:-/dev/null}")" "^emalsrv\\.marriott\\.com	ERROR:\"550 5\\.7\\.1 Sender banned\"\$" \
	"and carries the access line to add, TAB included"
like "$(cat "${s:-/dev/null}")" '^  sender domain:    complains\.staples\.co\.uk$' \
	"the staples.co.uk mail names its sender host"
d=$(mail_for dhl.com)
like "$(grep '^  envelope sender:' "${d:-/dev/null}")" '^  envelope sender:  y{200}$' \
	"a 1500-byte sender shows as its first 200 bytes"
is "$(cat "$RS_MAILDIR"/new/* 2>/dev/null | awk 'length($0) > 998' | wc -l | tr -d ' ')" 0 \
	"no mail line over SMTP's 998 bytes"
is "$(wc -l <"$RS_DIR/log/events.json" 2>/dev/null | tr -d ' ')" 3 \
	"route-file.conf got the same three events beside the mails"

done_testing
