#!/usr/bin/env bash
# record-postfix-values.sh - what Postfix's smtpd makes of access table
# values, and of the patterns of pcre: and regexp: tables
#
# SYNOPSIS
#	tests/mta/record-postfix-values.sh [DIR [TYPE]]
#
# DESCRIPTION
#	Runs a private instance of the machine's Postfix (its own
#	config_directory, queue and data directories, smtpd on a loopback
#	port nobody uses, no chroot, its log written by postlogd to a file
#	of its own) with check_sender_access on a table of DIR (default
#	DIR: tests/mta/postfix-values), and offers each sender of
#	DIR/values.senders in a session of its own (MAIL FROM, then RCPT
#	TO a local address: smtpd runs the sender restrictions at RCPT).
#	What smtpd logged of each ("NOQUEUE: reject: ...", "discard:",
#	"hold:", "filter:", "warn:", "info:", and its warnings) is kept as
#	DIR/values.log; a sender with no such line was let through.
#	The instance is stopped by its master's pid.
#
#	TYPE is the table's type:
#	hash	(default) DIR/values.access, postmap'd;
#		tests/mta/postfix-values.t holds phishwatch's reading of
#		it against the recording
#	pcre	DIR/values.pcre, pcre_table(5)
#	regexp	DIR/values.regexp, regexp_table(5)
#	chain	several tables, one check_sender_access each, in the order
#		of DIR/values.chain ("TYPE FILE" a line, FILE in DIR);
#		tests/mta/postfix-chain.t holds phishwatch's reading
#	A pcre or regexp table is read by smtpd as it is written (no
#	postmap), so it is copied unchanged; tests/mta/postfix-patterns.t
#	holds phishwatch's reading of tests/mta/postfix-pcre and
#	tests/mta/postfix-regexp against their recordings.
#
#	Needs root and Debian's postfix, and postfix-pcre for TYPE pcre
#	(record-postfix.sh installs and purges postfix; this script
#	installs nothing) and python3.  The machine's own Postfix set-up
#	is not read nor changed.

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/record-lib.sh"
DIR=${1:-$HERE/postfix-values}
TYPE=${2:-hash}
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
case $TYPE in
hash)	SRC=$DIR/values.access ;;
pcre | regexp | chain)
	SRC=$DIR/values.$TYPE ;;
*)	die "TYPE is hash, pcre, regexp or chain, not $TYPE" ;;
esac
[ -r "$SRC" ] || die "no $SRC"
# the tables: "TYPE FILE" a line (one table, values, unless a chain)
if [ "$TYPE" = chain ]; then
	TABLES=$(grep -v '^#' "$SRC")
else
	TABLES="$TYPE $(basename "$SRC")"
fi
[ -r "$DIR/values.senders" ] || die "no $DIR/values.senders"

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
EOF
RESTRICTIONS=""
while read -r table file; do
	[ -n "$table" ] || continue
	# pcre is a plug-in of a package of its own (dynamicmaps.cf):
	# without it smtpd would answer every sender with a table it
	# cannot open
	postconf -c "$W/etc" -m 2>/dev/null | grep -qx "$table" ||
		die "this Postfix has no $table tables"
	cp "$DIR/$file" "$W/etc/$file" || die "no $DIR/$file"
	# a hash table is compiled; smtpd reads a pattern table as written
	if [ "$table" = hash ]; then
		postmap -c "$W/etc" "hash:$W/etc/$file" || die "postmap"
	fi
	RESTRICTIONS="$RESTRICTIONS${RESTRICTIONS:+, }check_sender_access $table:$W/etc/$file"
done <<EOF
$TABLES
EOF
echo "smtpd_sender_restrictions = $RESTRICTIONS" >>"$W/etc/main.cf"
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
