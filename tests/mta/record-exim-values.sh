#!/usr/bin/env bash
# record-exim-values.sh - what Exim makes of the items of an address list
#
# SYNOPSIS
#	tests/mta/record-exim-values.sh [DIR]
#
# DESCRIPTION
#	Asks a real Exim, in host checking mode (exim4 -bh: an SMTP session
#	from 192.0.2.1 run through the ACLs, nothing received nor sent),
#	with a configuration of its own whose RCPT ACL denies the senders
#	of DIR/values.list (default DIR: tests/mta/exim-values), the reply
#	to RCPT TO for each sender of DIR/values.senders, one session a
#	sender, and writes DIR/values.verdicts: the sender, a tab, and
#	that reply ("550 sender listed" when the list matched it).
#	tests/mta/exim-values.t holds phishwatch's reading of the same list
#	against it.
#
#	Needs root (exim4 takes -C from root) and Debian's exim4 daemon
#	(record-exim.sh installs and purges it; this script installs
#	nothing).  The machine's own Exim set-up is not read nor changed.

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${1:-$HERE/exim-values}
W=$(mktemp -d "${TMPDIR:-/tmp}/record-values.XXXXXX")
trap 'rm -rf "$W"' EXIT

die() {
	echo "record-exim-values: $*" >&2
	exit 1
}

[ "$(id -u)" -eq 0 ] || die "needs root"
[ -x /usr/sbin/exim4 ] || die "exim4 is missing: install exim4-daemon-light"

chmod 755 "$W"  # Exim reads the list as its own user, not root
cp "$DIR/values.list" "$W/list"
chmod 644 "$W/list"
cat >"$W/exim.conf" <<EOF
primary_hostname = mx1.example.org
domainlist local_domains = mx1.example.org
acl_smtp_rcpt = acl_check_rcpt
begin acl
acl_check_rcpt:
  deny    senders = $W/list
          message = sender listed
  accept
EOF

: >"$W/values.verdicts"
while read -r sender; do
	# replies: the greeting, EHLO's last line, MAIL's, then RCPT's
	reply=$(printf 'EHLO client.example.com\r\nMAIL FROM:<%s>\r\nRCPT TO:<root@mx1.example.org>\r\nQUIT\r\n' \
		"$sender" |
		timeout 30 /usr/sbin/exim4 -C "$W/exim.conf" -bh 192.0.2.1 \
			2>"$W/bh.err" | grep -E '^[0-9]{3} ' | sed -n 4p)
	[ -n "$reply" ] || die "no reply to RCPT for $sender: $(tail -n 3 "$W/bh.err")"
	printf '%s\t%s\n' "$sender" "$reply" >>"$W/values.verdicts"
done <"$DIR/values.senders"
cp "$W/values.verdicts" "$DIR/values.verdicts"
