#!/usr/bin/env bash
# install.t - "make install DESTDIR=..." puts every rsyslog drop-in under
# share/phishwatch/rsyslog/ unchanged, with the binary, the rulebase and
# the man page, and the drop-ins name the paths it installs to.
# It runs in a copy of what the install target reads, with the binary
# under test as phishwatch, not rebuilt (make -o): the source tree and
# its build are left alone.

. "$(dirname "$0")/../lib.sh"

prefix=/usr/local	# the drop-ins' own default
dest="$TMP/dest"
tree="$TMP/tree"
mkdir -p "$tree" &&
	cp -R "$TOP/Makefile" "$TOP/rulebase" "$TOP/man" "$TOP/rsyslog" \
		"$TOP/data" "$tree/" &&
	cp "$PW" "$tree/phishwatch"
make -s -C "$tree" -o phishwatch install DESTDIR="$dest" PREFIX="$prefix" \
	>"$TMP/make.out" 2>&1
ok $? "make install DESTDIR=... PREFIX=$prefix"
[ -s "$TMP/make.out" ] && sed 's/^/# /' "$TMP/make.out" | tail -n 5

share="$dest$prefix/share/phishwatch"
cmp -s "$PW" "$dest$prefix/bin/phishwatch"
ok $? "the binary"
is "$(stat -c %a "$dest$prefix/bin/phishwatch" 2>/dev/null)" 755 "... mode 755"
cmp -s "$TOP/rulebase/sendmail.rb" "$share/sendmail.rb"
ok $? "the rulebase"
cmp -s "$SYSLOG_RULEBASE" "$share/sendmail-syslog.rb"
ok $? "the whole-line rulebase"
cmp -s "$TOP/data/brands" "$share/brands"
ok $? "the brands list"
cmp -s "$TOP/man/phishwatch.1" "$dest$prefix/share/man/man1/phishwatch.1"
ok $? "the man page"

n=0
for f in "$TOP"/rsyslog/*.conf; do
	cmp -s "$f" "$share/rsyslog/${f##*/}"
	ok $? "rsyslog/${f##*/} installed unchanged"
	is "$(stat -c %a "$share/rsyslog/${f##*/}" 2>/dev/null)" 644 "... mode 644"
	n=$((n + 1))
done
cmp -s "$TOP/rsyslog/install.sh" "$share/rsyslog/install.sh"
ok $? "rsyslog/install.sh installed unchanged"
is "$(stat -c %a "$share/rsyslog/install.sh" 2>/dev/null)" 755 "... mode 755"
cmp -s "$TOP/rsyslog/phishwatch.logrotate" "$share/rsyslog/phishwatch.logrotate"
ok $? "rsyslog/phishwatch.logrotate installed unchanged"
is "$(ls "$share/rsyslog" | wc -l | tr -d ' ')" "$((n + 2))" "nothing else in share/phishwatch/rsyslog"

# Paths of the installed tree that the drop-ins name.
for conf in phishwatch.conf phishwatch-mmnormalize.conf; do
	for path in $(grep -v '^[[:space:]]*#' "$share/rsyslog/$conf" |
		grep -oE "$prefix/[^ \"]+" | sort -u); do
		[ -e "$dest$path" ]
		ok $? "$conf names $path, which make install puts there"
	done
done

done_testing
