#!/usr/bin/env bash
# record-exim-values.sh - what Exim makes of the items of an address list
#
# SYNOPSIS
#	tests/mta/record-exim-values.sh [DIR]
#	BS=1 tests/mta/record-exim-values.sh tests/mta/exim-regex-bad
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
#	With BS=1 each session is a local SMTP one (exim4 -bs) instead, which
#	Exim runs as it runs a client's: when the list makes it panic (a
#	regular expression that does not compile), -bh exits with no reply
#	to RCPT, and -bs replies 421 as a real client is replied to; Exim's
#	panic log, if it wrote one, is kept as DIR/values.paniclog.
#
#	Needs root (exim4 takes -C from root) and Debian's exim4 daemon
#	(record-exim.sh installs and purges it; this script installs
#	nothing).  The machine's own Exim set-up is not read nor changed.

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${1:-$HERE/exim-values}
W=$(mktemp -d "${TMPDIR:-/tmp}/record-values.XXXXXX")
# BS=1: local SMTP sessions (-bs), which reply 421 where -bh exits
BS=${BS:-0}
SESSION=(-bh 192.0.2.1)
[ "$BS" = 1 ] && SESSION=(-bs)
trap 'rm -rf "$W"' EXIT

die() {
	echo "record-exim-values: $*" >&2
	exit 1
}

[ "$(id -u)" -eq 0 ] || die "needs root"
[ -x /usr/sbin/exim4 ] || die "exim4 is missing: install exim4-daemon-light"

chmod 755 "$W"  # Exim reads the list as its own user, not root
mkdir "$W/log" "$W/spool"
chmod 777 "$W/log" "$W/spool"  # and writes there as its own user (-bs)
cp "$DIR/values.list" "$W/list"
chmod 644 "$W/list"
cat >"$W/exim.conf" <<EOF
primary_hostname = mx1.example.org
log_file_path = $W/log/%slog
spool_directory = $W/spool
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
		timeout 30 /usr/sbin/exim4 -C "$W/exim.conf" "${SESSION[@]}" \
			2>"$W/bh.err" | grep -E '^[0-9]{3} ' | sed -n 4p)
	[ -n "$reply" ] || die "no reply to RCPT for $sender: $(tail -n 3 "$W/bh.err")"
	printf '%s\t%s\n' "$sender" "$reply" >>"$W/values.verdicts"
done <"$DIR/values.senders"
cp "$W/values.verdicts" "$DIR/values.verdicts"
if [ -s "$W/log/paniclog" ]; then
	sed "s|$W|/var/spool/exim4|g" "$W/log/paniclog" >"$DIR/values.paniclog"
fi
