#!/usr/bin/env bash
# install-rsyslog.t - "make install-rsyslog" (rsyslog/install.sh) into a
# private root, as DESTDIR: the drop-ins, the routes asked for, the
# logrotate file and the directories, with phishwatch.conf naming the
# PREFIX's paths; the configuration checked with rsyslogd -N1 (a broken
# one stops it, exit 1); an administrator's edited file kept; the restart
# command for this host printed (the rsyslogd pid file where there is no
# systemd nor init script).  It runs in a copy of what the targets read,
# with the binary under test, not rebuilt.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

rs_need rsyslogd
prefix=/opt/pw
dest="$TMP/root"
tree="$TMP/tree"
mkdir -p "$tree" &&
	cp -R "$TOP/Makefile" "$TOP/rulebase" "$TOP/man" "$TOP/rsyslog" "$TOP/data" "$tree/" &&
	cp "$PW" "$tree/phishwatch" && cp "$SYSLOG_RULEBASE" "$tree/rulebase/"
make -s -C "$tree" -o phishwatch install DESTDIR="$dest" PREFIX="$prefix" >"$TMP/make.out" 2>&1
ok $? "make install DESTDIR=... PREFIX=$prefix"
[ -x "$dest$prefix/share/phishwatch/rsyslog/install.sh" ]
ok $? "make install puts install.sh beside the drop-ins"
cmp -s "$TOP/rsyslog/phishwatch.logrotate" "$dest$prefix/share/phishwatch/rsyslog/phishwatch.logrotate"
ok $? "and the logrotate file"

make -s -C "$tree" install-rsyslog DESTDIR="$dest" PREFIX="$prefix" ROUTES="file mail" \
	>"$TMP/out" 2>&1
is "$?" 0 "make install-rsyslog DESTDIR=... ROUTES=\"file mail\""
etc="$dest/etc"
cmp -s "$TOP/rsyslog/route-file.conf" "$etc/rsyslog.d/phishwatch/route-file.conf" &&
	cmp -s "$TOP/rsyslog/route-mail.conf" "$etc/rsyslog.d/phishwatch/route-mail.conf"
ok $? "the two routes asked for, in /etc/rsyslog.d/phishwatch/"
[ ! -e "$etc/rsyslog.d/phishwatch/route-siem.conf" ]
ok $? "and not the one not asked for"
cmp -s "$TOP/rsyslog/phishwatch.logrotate" "$etc/logrotate.d/phishwatch"
ok $? "the logrotate file in /etc/logrotate.d/phishwatch"
is "$(stat -c %a "$etc/rsyslog.d/phishwatch.conf" "$etc/logrotate.d/phishwatch" | tr '\n' ' ')" "644 644 " \
	"drop-ins mode 644"
is "$(stat -c %a "$dest/var/log/phishwatch" "$dest/var/lib/phishwatch" | tr '\n' ' ')" "750 750 " \
	"/var/log/phishwatch and /var/lib/phishwatch made, mode 750"
binary=$(grep -o 'binary="[^ ]*' "$etc/rsyslog.d/phishwatch.conf" | cut -d'"' -f2)
is "$binary" "$prefix/bin/phishwatch" "phishwatch.conf runs $prefix/bin/phishwatch"
like "$(grep -o ' -r [^ ]*' "$etc/rsyslog.d/phishwatch.conf")" " -r $prefix/share/phishwatch/sendmail\\.rb" \
	"with $prefix's rulebase"
[ -x "$dest$binary" ]
ok $? "which make install put there"
like "$(cat "$TMP/out")" "not checked: .* has no etc/rsyslog.conf" \
	"no rsyslog.conf in the root: says it did not check"
like "$(cat "$TMP/out")" "restart rsyslog:" "and prints how to restart rsyslog"

# With the root's own rsyslog.conf: checked with rsyslogd -N1.
cat >"$etc/rsyslog.conf" <<CONF
global(workDirectory="$TMP")
module(load="imuxsock" SysSock.Use="off")
include(file="$etc/rsyslog.d/*.conf")
CONF
sh "$dest$prefix/share/phishwatch/rsyslog/install.sh" -r "$dest" -p "$prefix" file mail >"$TMP/out" 2>&1
is "$?" 0 "install.sh again: exit 0"
like "$(cat "$TMP/out")" "checking: rsyslogd -N1 -f $etc/rsyslog.conf" "checks with rsyslogd -N1"
is "$(grep -c '^unchanged ' "$TMP/out")" 4 "the same files again: four 'unchanged'"

# An administrator's edit is kept; a broken configuration stops it.
printf 'if $!event!kind != "" then {\n' >>"$etc/rsyslog.d/phishwatch.conf"
sh "$dest$prefix/share/phishwatch/rsyslog/install.sh" -r "$dest" -p "$prefix" >"$TMP/out" 2>&1
is "$?" 1 "a phishwatch.conf rsyslogd cannot load: exit 1"
like "$(cat "$TMP/out")" "kept $etc/rsyslog\\.d/phishwatch\\.conf \\(yours differs\\); the shipped one is $etc/rsyslog\\.d/phishwatch\\.conf\\.dist" \
	"the edited file is kept, the shipped one beside it"
like "$(cat "$TMP/out")" "error: rsyslogd -N1 finds errors \\(above\\); rsyslog was not restarted" \
	"says the check failed and nothing was restarted"
unlike "$(cat "$TMP/out")" "restart rsyslog:" "and prints no restart command"
mv "$etc/rsyslog.d/phishwatch.conf.dist" "$etc/rsyslog.d/phishwatch.conf"

# The restart command for this host: systemd, an init script, or the
# pid file of a running rsyslogd (here: a private one).
rs_setup restart
rs_start
ok $? "a private rsyslogd runs, pid file $RS_DIR/rsyslogd.pid"
RSYSLOG_PIDFILE="$RS_DIR/rsyslogd.pid" \
	sh "$dest$prefix/share/phishwatch/rsyslog/install.sh" -r "$dest" -p "$prefix" >"$TMP/out" 2>&1
if [ -d /run/systemd/system ]; then want="systemctl restart rsyslog"
elif [ -x /etc/init.d/rsyslog ]; then want="/etc/init.d/rsyslog restart"
else want="kill \$(cat $RS_DIR/rsyslogd.pid) && while [ -e $RS_DIR/rsyslogd.pid ]; do sleep 1; done && rsyslogd"
fi
is "$(tail -n 1 "$TMP/out" | sed 's/^ *//')" "$want" "the restart command for this host: $want"
rs_stop
done_testing
