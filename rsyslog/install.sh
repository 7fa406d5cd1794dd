#!/bin/sh
# install.sh - put phishwatch's rsyslog drop-ins and logrotate file in
# place, check the configuration with rsyslogd -N1, and print the command
# that restarts rsyslog on this host (systemd, an init script, or none).
#
# usage: install.sh [-r ROOT] [-p PREFIX] [ROUTE...]
#
#   ROUTE    file, mail or siem: route-ROUTE.conf goes into
#            /etc/rsyslog.d/phishwatch/ (default: file)
#   -p       where make install put phishwatch (default: the PREFIX of
#            the copy this script runs from, else /usr/local); the omprog
#            action of phishwatch.conf is given its paths
#   -r       a root to install under, like make's DESTDIR (default: /);
#            the configuration is then checked only when ROOT has its own
#            etc/rsyslog.conf
#
# A file already there and different (your edits: mailto, server) is
# kept; the shipped one is written beside it as FILE.dist.
# Environment: RSYSLOG_PIDFILE (default /run/rsyslogd.pid), for an
# rsyslogd started with another -i.
#
# Exit status: 0 done, 1 the configuration does not load (nothing was
# restarted: the running rsyslogd is untouched), 64 usage.

set -u
src=$(cd "$(dirname "$0")" && pwd) || exit 1
root=
# the PREFIX make install used, when run from its copy there
case $src in
*/share/phishwatch/rsyslog) prefix=${src%/share/phishwatch/rsyslog} ;;
*) prefix=/usr/local ;;
esac
pidfile=${RSYSLOG_PIDFILE:-/run/rsyslogd.pid}

usage() {
	echo "usage: $0 [-r ROOT] [-p PREFIX] [file|mail|siem]..." >&2
	exit 64
}

# put SRC DEST - DEST (mode 0644) from SRC on stdin, unless DEST holds
# something else already: then DEST.dist
put() {
	tmp="$2.tmp.$$"
	cat >"$tmp" || { rm -f "$tmp"; exit 1; }
	chmod 0644 "$tmp"
	if [ ! -e "$2" ]; then
		mv "$tmp" "$2" && echo "installed $2"
	elif cmp -s "$tmp" "$2"; then
		rm -f "$tmp" && echo "unchanged $2"
	else
		mv "$tmp" "$2.dist" &&
			echo "kept $2 (yours differs); the shipped one is $2.dist"
	fi
}

# restart_command - how rsyslogd is restarted here
restart_command() {
	if [ -d /run/systemd/system ]; then
		echo "systemctl restart rsyslog"
	elif [ -x /etc/init.d/rsyslog ]; then
		echo "/etc/init.d/rsyslog restart"
	elif [ -s "$pidfile" ]; then
		echo "kill \$(cat $pidfile) && while [ -e $pidfile ]; do sleep 1; done && rsyslogd"
	else
		echo "rsyslogd    # (no pid file $pidfile: or restart it as it was started)"
	fi
}

while getopts r:p: opt; do
	case $opt in
	r) root=${OPTARG%/} ;;
	p) prefix=${OPTARG%/} ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$root" ] && prefix=${prefix#"$root"}	# from a copy under ROOT
[ $# -gt 0 ] || set -- file
for route in "$@"; do
	[ -f "$src/route-$route.conf" ] || { echo "no route '$route'" >&2; usage; }
done

for f in "$prefix/bin/phishwatch" "$prefix/share/phishwatch/sendmail.rb"; do
	[ -e "$root$f" ] ||
		echo "warning: $root$f is missing: run make install (PREFIX=$prefix) too" >&2
done

install -d -m 0755 "$root/etc/rsyslog.d/phishwatch" "$root/etc/logrotate.d" &&
	install -d -m 0750 "$root/var/log/phishwatch" "$root/var/lib/phishwatch" ||
	exit 1
sed "s|/usr/local/|$prefix/|g" "$src/phishwatch.conf" |
	put phishwatch.conf "$root/etc/rsyslog.d/phishwatch.conf"
for route in "$@"; do
	put "route-$route.conf" "$root/etc/rsyslog.d/phishwatch/route-$route.conf" \
		<"$src/route-$route.conf"
done
put phishwatch.logrotate "$root/etc/logrotate.d/phishwatch" \
	<"$src/phishwatch.logrotate"

if [ -z "$root" ]; then
	conf=/etc/rsyslog.conf
elif [ -f "$root/etc/rsyslog.conf" ]; then
	conf=$root/etc/rsyslog.conf
else
	conf=
	echo "not checked: $root has no etc/rsyslog.conf"
fi
if [ -n "$conf" ]; then
	echo "checking: rsyslogd -N1 -f $conf"
	if ! rsyslogd -N1 -f "$conf"; then
		echo "error: rsyslogd -N1 finds errors (above); rsyslog was not restarted" >&2
		exit 1
	fi
fi
echo "To start using it, restart rsyslog:"
echo "    $(restart_command)"
