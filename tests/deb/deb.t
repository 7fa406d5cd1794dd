#!/usr/bin/env bash
# deb.t - the Debian package that make deb built (build/deb/): lintian
# finds no error; dpkg -i installs the binary, both rulebases, the man
# page, the rsyslog drop-ins as examples (none in /etc/rsyslog.d), the
# logrotate file and /var/lib/phishwatch; phishwatch --check and the demo
# run from the installed paths; dpkg --purge removes it all.  It installs
# a package on this machine (root only), so make check-deb runs it, not
# make test; a phishwatch package installed before is left alone.
. "$(dirname "$0")/../lib.sh"

deb=$(ls "$TOP"/build/deb/phishwatch_*.deb 2>/dev/null | head -n 1)
ok "$([ -n "$deb" ]; echo $?)" "make deb built ${deb:-nothing}"
[ "$(id -u)" -eq 0 ]
ok $? "root, to install it"
dpkg-query -W -f='${Status}' phishwatch 2>/dev/null | grep -q 'install ok installed'
ok "$((! $?))" "no phishwatch package installed already (it would be replaced)"
if [ -z "$deb" ] || [ "$(id -u)" -ne 0 ] ||
	dpkg-query -W -f='${Status}' phishwatch 2>/dev/null | grep -q 'install ok installed'; then
	done_testing; exit 1
fi

lintian --fail-on error "$deb" >"$TMP/lintian" 2>&1
ok $? "lintian: no error"
sed 's/^/# lintian: /' "$TMP/lintian"

installed=0
purge() { [ "$installed" -eq 1 ] && dpkg --purge phishwatch >/dev/null 2>&1; installed=0; }
trap 'purge; _tap_cleanup' EXIT
dpkg -i "$deb" >"$TMP/dpkg" 2>&1
st=$?; [ $st -eq 0 ] && installed=1
is "$st" 0 "dpkg -i $(basename "$deb")"
[ $st -eq 0 ] || sed 's/^/# /' "$TMP/dpkg"

for f in /usr/bin/phishwatch /usr/share/phishwatch/sendmail.rb \
	/usr/share/phishwatch/sendmail-syslog.rb /usr/share/man/man1/phishwatch.1.gz \
	/usr/share/phishwatch/rsyslog/phishwatch.conf /usr/share/phishwatch/rsyslog/route-mail.conf \
	/usr/share/phishwatch/rsyslog/install.sh /etc/logrotate.d/phishwatch; do
	[ -e "$f" ]
	ok $? "installs $f"
done
[ -d /var/lib/phishwatch ]
ok $? "makes /var/lib/phishwatch"
[ ! -e /etc/rsyslog.d/phishwatch.conf ]
ok $? "enables no rsyslog drop-in (examples only)"
grep -q '^/etc/logrotate.d/phishwatch$' /var/lib/dpkg/info/phishwatch.conffiles 2>/dev/null
ok $? "the logrotate file is a conffile"

ex=/usr/share/doc/phishwatch/examples
out=$(/usr/bin/phishwatch --check -a $ex/access 2>&1); st=$?
is "$st" 0 "phishwatch --check with the installed rulebase (its default) and the example access map"
like "$out" "configuration OK: rulebase /usr/share/phishwatch/sendmail\\.rb, [0-9]+ access entries" \
	"names the installed rulebase"
sample=$ex/maillog.sample; [ -e "$sample" ] || sample=$sample.gz
/usr/bin/phishwatch -a $ex/access --report "$sample" >"$TMP/report" 2>/dev/null
like "$(cat "$TMP/report")" "marriott\\.com" "the demo's chronology from the installed example log"
/usr/bin/phishwatch -a $ex/access "$sample" >"$TMP/events" 2>/dev/null
# The sample's one new campaign, and its second sender host, which the
# example map does not block either.
is "$(jq -r '[.event.action, .phishwatch.sender_domain] | join(" ")' \
	"$TMP/events" 2>/dev/null | tr '\n' ,)" \
	"phished-domain-first-seen emalsrv.marriott.com,sender-domain-first-seen complains.marriott.com," \
	"the demo's events, from the installed paths"

# The shipped brands list, at the installed default path, judges
# lookalikes with no option naming it.
is "$(/usr/bin/phishwatch --query paypa1.com www.paypal.com 2>/dev/null | cut -f1-4 | tr '\t\n' ' ,')" \
	"paypa1.com phish paypal.com lookalike:homoglyph,www.paypal.com ordinary own paypal.com," \
	"--query with the installed brands list: a look-alike, and the brand itself"

# PCRE2 is loaded at run time for a Postfix pcre: table (the package
# depends on it by name): the installed binary finds and uses it.
printf '/[@.]paypa1\\.com$/ REJECT\n' >"$TMP/senders.pcre"
is "$(echo x@paypa1.com | /usr/bin/phishwatch -a "pcre:$TMP/senders.pcre" \
	--query - 2>&1 | cut -f 1,5)" "$(printf 'paypa1.com\tblocked')" \
	"a pcre: table read by the installed binary"

sh /usr/share/phishwatch/rsyslog/install.sh -r "$TMP/root" file >"$TMP/inst" 2>&1
is "$(grep -o 'binary="[^ ]*' "$TMP/root/etc/rsyslog.d/phishwatch.conf" 2>/dev/null | cut -d'"' -f2)" \
	/usr/bin/phishwatch "the packaged install.sh sets up the drop-ins for /usr"

dpkg --purge phishwatch >"$TMP/dpkg" 2>&1
st=$?; [ $st -eq 0 ] && installed=0
is "$st" 0 "dpkg --purge phishwatch"
[ ! -e /usr/bin/phishwatch ] && [ ! -e /etc/logrotate.d/phishwatch ] && [ ! -e /usr/share/phishwatch ]
ok $? "nothing of it left"
done_testing
