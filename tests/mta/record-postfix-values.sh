#!/usr/bin/env bash
# record-postfix-values.sh - what Postfix's smtpd makes of access table
# values
#
# SYNOPSIS
#	tests/mta/record-postfix-values.sh [DIR]
#
# DESCRIPTION
#	Runs a private instance of the machine's Postfix (its own
#	config_directory, queue and data directories, smtpd on a loopback
#	port nobody uses, no chroot, its log written by postlogd to a file
#	of its own) with check_sender_access on DIR/values.access (default
#	DIR: tests/mta/postfix-values), postmap'd, and offers each sender of
#	DIR/values.senders in a session of its own (MAIL FROM, then RCPT
#	TO a local address: smtpd runs the sender restrictions at RCPT).
#	What smtpd logged of each ("NOQUEUE: reject: ...", "discard:",
#	"hold:", "filter:", "warn:", "info:", and its warnings) is kept as
#	DIR/values.log; a sender with no such line was let through.
#	tests/mta/postfix-values.t holds phishwatch's reading of the same
#	table against it.  The instance is stopped by its master's pid.
#
#	Needs root and Debian's postfix (record-postfix.sh installs and
#	purges it; this script installs nothing) and python3.  The
#	machine's own Postfix set-up is not read nor changed.

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/record-lib.sh"
DIR=${1:-$HERE/postfix-values}
W=$(mktemp -d "${TMPDIR:-/tmp}/record-values.XXXXXX")
WAIT=60
STARTED=""

die() {
	echo "record-postfix-values: $*" >&2
	tail -n 5 "$W/postfix.log" >&2 2>/dev/null
	exit 1
}

cleanup() {
	for _pid in $STARTED; do
		stop_pid "$_pid"
	done
	rm -rf "$W"
}
trap cleanup EXIT

[ "$(id -u)" -eq 0 ] || die "needs root"
command -v postfix >/dev/null && command -v postmap >/dev/null ||
	die "postfix is missing"

PORT=$(free_port)
chmod 755 "$W"  # postfix, not root, opens its data directory
mkdir -p "$W/etc" "$W/queue" "$W/data"
chown postfix "$W/data"
# the machine's master.cf, with smtpd on the private port, unchrooted
sed "s/^smtp \{1,\}inet .*/127.0.0.1:$PORT inet n - n - - smtpd/" \
	/etc/postfix/master.cf >"$W/etc/master.cf"
grep -q "^127.0.0.1:$PORT inet" "$W/etc/master.cf" || die "master.cf"
cat >"$W/etc/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $W/queue
data_directory = $W/data
myhostname = mx1.example.org
mydestination = mx1.example.org
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
smtp_dns_support_level = disabled
maillog_file = $W/postfix.log
maillog_file_prefixes = $W
smtpd_sender_restrictions = check_sender_access hash:$W/etc/values
EOF
cp "$DIR/values.access" "$W/etc/values"
postmap -c "$W/etc" "hash:$W/etc/values" || die "postmap"
postfix -c "$W/etc" start >"$W/start.out" 2>&1 || die "postfix start"
wait_for "[ -s '$W/queue/pid/master.pid' ] && listening $PORT" ||
	die "smtpd does not listen on $PORT"
STARTED=$(tr -d ' ' <"$W/queue/pid/master.pid")

python3 - "$DIR/values.senders" "$PORT" <<'EOF' || die "the sessions"
import smtplib, sys
for sender in open(sys.argv[1]).read().split():
    s = smtplib.SMTP("127.0.0.1", int(sys.argv[2]), timeout=30)
    s.ehlo("client.example.com")
    if s.mail(sender)[0] == 250:
        s.rcpt("root@mx1.example.org")
    try:
        s.quit()
    except smtplib.SMTPServerDisconnected:
        pass  # a 421 reply ends the session
EOF
stop_pid "$STARTED"
STARTED=""
# smtpd's verdicts and warnings; the sessions' connect lines left out
grep -E 'postfix/smtpd\[[0-9]+\]: (NOQUEUE: |warning: )' "$W/postfix.log" \
	>"$W/smtpd.log"
neutral "$W/smtpd.log" >"$W/values.log"  # no path nor name of this machine
[ -s "$W/values.log" ] || die "smtpd logged no verdict"
cp "$W/values.log" "$DIR/values.log"
