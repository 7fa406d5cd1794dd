#!/usr/bin/env bash
# record-sendmail-values.sh - what sendmail's check_mail makes of access
# map values
#
# SYNOPSIS
#	tests/mta/record-sendmail-values.sh [DIR]
#
# DESCRIPTION
#	Asks a real sendmail (sendmail -bt, address test mode) the verdict
#	of its check_mail ruleset on each sender of DIR/values.senders
#	(default DIR: tests/mta/sendmail-values), with DIR/values.access
#	compiled by sendmail's own makemap as its access map, and writes
#	DIR/values.bt: the sender, a tab, and what check_mail returned
#	($#error ..., $#discard ..., $#OK, or the address unchanged when
#	no entry decided).  tests/mta/sendmail-values.t holds phishwatch's
#	reading of the same map against it.
#
#	Needs root and Debian's sendmail-bin, sendmail-cf and m4
#	(record-sendmail.sh installs and purges them; this script installs
#	nothing).  sendmail.cf is built here with m4 from a minimal .mc
#	with FEATURE(access_db), as Debian's sendmail.mc has it.  sendmail
#	runs in private mount and UTS namespaces (unshare -m -u) whose
#	/etc/mail is a private directory (sendmail opens no map from a
#	directory others may write, so the map cannot stay in a temporary
#	one), whose /etc/hosts and /etc/resolv.conf name no server (it
#	asks none), and whose host name is mx1: the machine's own are not
#	touched, and nothing outside sees the change.

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${1:-$HERE/sendmail-values}
W=$(mktemp -d "${TMPDIR:-/tmp}/record-values.XXXXXX")
trap 'rm -rf "$W"' EXIT

die() {
	echo "record-sendmail-values: $*" >&2
	exit 1
}

[ "$(id -u)" -eq 0 ] || die "needs root (unshare, mount)"
for tool in makemap m4 unshare; do
	PATH=$PATH:/usr/sbin command -v "$tool" >/dev/null ||
		die "$tool is missing: install sendmail-bin, sendmail-cf and m4"
done
[ -r /usr/share/sendmail/cf/m4/cf.m4 ] || die "sendmail-cf is missing"

mkdir -m 755 "$W/mail"
cat >"$W/mail/values.mc" <<'EOF'
divert(0)dnl
include(`/usr/share/sendmail/cf/m4/cf.m4')dnl
VERSIONID(`access map values')dnl
OSTYPE(`linux')dnl
define(`confDOMAIN_NAME', `mx1.example.org')dnl
define(`confDONT_PROBE_INTERFACES', `True')dnl
FEATURE(`no_default_msa')dnl
FEATURE(`nocanonify')dnl
FEATURE(`accept_unresolvable_domains')dnl
FEATURE(`access_db', `hash -T<TMPF> -o /etc/mail/access')dnl
MAILER(`local')dnl
MAILER(`smtp')dnl
EOF
m4 "$W/mail/values.mc" >"$W/mail/sendmail.cf" || die "m4 values.mc"
# (makemap warns of the world-writable /tmp above $W, and goes on)
/usr/sbin/makemap hash "$W/mail/access" <"$DIR/values.access" \
	2>"$W/makemap.err" ||
	die "makemap $DIR/values.access: $(cat "$W/makemap.err")"
chmod 644 "$W/mail/access.db"
printf '127.0.0.1 mx1.example.org mx1 localhost\n' >"$W/hosts"
printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >"$W/resolv.conf"
{
	printf '.D{client_addr}192.0.2.1\n'
	sed 's/^/check_mail </; s/$/>/' "$DIR/values.senders"
} >"$W/bt.in"

# shellcheck disable=SC2016
unshare -m -u sh -c '
	hostname mx1 &&
	mount --bind "$1/mail" /etc/mail &&
	mount --bind "$1/hosts" /etc/hosts &&
	mount --bind "$1/resolv.conf" /etc/resolv.conf &&
	exec timeout 120 /usr/sbin/sendmail -C/etc/mail/sendmail.cf -bt \
		<"$1/bt.in"' sh "$W" >"$W/bt.out" 2>&1 ||
	die "sendmail -bt: $(tail -n 3 "$W/bt.out")"

# "> check_mail input: < x @ a . b >" (after one more "> " when the
# line before was a definition) then, after the rulesets it calls,
# "check_mail returns: ..."
awk '/^(> )+check_mail +input:/ { sub(/.*input: /, ""); gsub(/ /, "");
		gsub(/^<|>$/, ""); sender = $0 }
	/^check_mail +returns:/ { sub(/.*returns: /, ""); print sender "\t" $0 }' \
	"$W/bt.out" >"$W/values.bt"
[ "$(wc -l <"$W/values.bt")" -eq "$(wc -l <"$DIR/values.senders")" ] ||
	die "not one verdict a sender: $(tail -n 3 "$W/bt.out")"
cp "$W/values.bt" "$DIR/values.bt"
