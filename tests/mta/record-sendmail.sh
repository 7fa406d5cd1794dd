#!/usr/bin/env bash
# record-sendmail.sh - record tests/mta/scenario.txt from a real sendmail
#
# SYNOPSIS
#	flock LOCKFILE tests/mta/record-sendmail.sh [OUTDIR]
#
# DESCRIPTION
#	Installs Debian's sendmail (sendmail-bin, sendmail-cf; swaks,
#	python3-milter, m4 and make when the machine lacks them), sends the
#	scenario with swaks to sm-mta on the loopback interface, and keeps
#	what sendmail wrote to syslog as a real rsyslogd wrote it: each run
#	gives NAME.3164.log (RSYSLOG_TraditionalFileFormat) and
#	NAME.3339.log (RSYSLOG_FileFormat) in OUTDIR (default
#	tests/mta/sendmail), beside RUN.sendmail.mc and the access,
#	mailertable and aliases source files (the same for both runs).  Then it stops what it started, by pid, and
#	purges the packages it installed (only those).  Needs root; it
#	replaces any other MTA (postfix, exim4) the machine has, so hold a
#	lock shared with whatever else installs one (flock), and run it on
#	a machine you may do so.
#
#	Two runs:
#	mail	over 127.0.0.1; the access map's verdicts at MAIL FROM
#		(check_mail)
#	more	over ::1, with FEATURE(delay_checks): the access map's
#		verdicts on the sender come at RCPT TO, one check_rcpt
#		line a recipient; scenario-more.txt after the scenario
#	Each run ends with a message of m@emalsrv.dhl.com (to alice, in
#	the more run to alice and bob) that a milter rejects at end of
#	message: dhl.com has two messages, one of them refused.
#
#	The sendmail set-up is what scenario.txt's header asks for:
#	example.org is local (alice..erin are aliases of /dev/null),
#	far.example.net and any other outside domain go to a closed
#	loopback port (deferred; so do the bounce notices to the
#	outside senders), gone.example.net to a loopback SMTP server that
#	refuses every recipient (bounced); the access map (FEATURE(access_db),
#	makemap hash) rejects linkedinmail.com and emalsrv.linkedin.com and
#	discards emalsrv.ups.com.
#
# HOW THE LOG GETS TO RSYSLOG
#	sm-mta logs with syslog(3), that is to /dev/log.  The private
#	rsyslogd listens on its own socket (imuxsock, not the machine's
#	/dev/log), and sm-mta runs in private mount and UTS namespaces
#	(unshare -m -u) whose /dev is a tmpfs with the few device nodes
#	sendmail opens bound from the real /dev and /dev/log a link to that
#	socket, whose host name is mx1, and whose /etc/hosts and
#	/etc/resolv.conf are the scenario's (no name server: sendmail asks
#	none).  Nothing outside the namespaces sees the change; they end
#	with the last sendmail process.  The queue run enters them with
#	nsenter, so that its lines reach the same socket.
#
#	rsyslogd names the host mx1 (localHostname), swaks says
#	client.example.com and sets its own Message-Id: the recordings
#	hold no name of the machine that made them.

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/record-lib.sh"
OUT=${1:-$HERE/sendmail}
SCENARIO=$HERE/scenario.txt
W=$(mktemp -d "${TMPDIR:-/tmp}/record-sendmail.XXXXXX")
MAIL=/etc/mail
QUEUE=/var/spool/mqueue
WAIT=120		# seconds for a daemon or the queue, at most
STARTED=""		# pids started here, stopped at exit
PKGS="sendmail-bin sendmail-cf m4 make swaks python3-milter"
# what the packages' scripts write outside their own files: kept before,
# put back after the purge
TOUCHED="/etc/aliases /etc/aliases.db /etc/hosts.allow /etc/mailname"

die() {
	echo "record-sendmail: $*" >&2
	tail -n 20 "$W/sendmail.out" "$W"/*.3164.log >&2 2>/dev/null
	exit 1
}

# installed - the packages dpkg has installed, one a line
installed() {
	dpkg-query -W -f '${db:Status-Abbrev} ${Package}\n' |
		awk '$1 == "ii" { print $2 }' | sort
}

# install_mta - sendmail and what the run needs; what was not there
# before is written to $W/new-packages, for purge_mta.  No service is
# started by the package (policy-rc.d on this kind of machine or not:
# the script stops a daemon it did not start by its pid file).
install_mta() {
	installed >"$W/before"
	mkdir -p "$W/saved"
	for _f in $TOUCHED; do
		[ -e "$_f" ] && cp -a "$_f" "$W/saved/${_f##*/}"
	done
	[ -d "$MAIL" ] && echo yes >"$W/had-etc-mail"
	getent passwd >"$W/passwd-before"
	getent group >"$W/group-before"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends $PKGS >"$W/apt.log" 2>&1 || return 1
	installed | comm -13 "$W/before" - >"$W/new-packages"
	for _p in /run/sendmail/mta/sendmail.pid /var/run/sendmail/mta/sendmail.pid; do
		[ -s "$_p" ] && stop_pid "$(head -n 1 "$_p")"
	done
	return 0
}

# purge_mta - the packages install_mta brought, /etc/mail when it was
# not there before, the users and groups the packages added
purge_mta() {
	[ -s "$W/new-packages" ] || return 0
	# one word a package
	# shellcheck disable=SC2046
	DEBIAN_FRONTEND=noninteractive apt-get purge -y -q \
		$(cat "$W/new-packages") >>"$W/apt.log" 2>&1
	[ -s "$W/had-etc-mail" ] || rm -rf "$MAIL"
	rm -rf "$QUEUE" /var/spool/mqueue-client /run/sendmail /var/lib/sendmail
	getent passwd | cut -d: -f1 | sort >"$W/passwd-after"
	cut -d: -f1 "$W/passwd-before" | sort |
		comm -13 - "$W/passwd-after" | while read -r _u; do
		userdel "$_u" 2>/dev/null
	done
	getent group | cut -d: -f1 | sort >"$W/group-after"
	cut -d: -f1 "$W/group-before" | sort |
		comm -13 - "$W/group-after" | while read -r _g; do
		groupdel "$_g" 2>/dev/null
	done
	: >"$W/new-packages"
	for _f in $TOUCHED; do
		rm -f "$_f"
		[ -e "$W/saved/${_f##*/}" ] && cp -a "$W/saved/${_f##*/}" "$_f"
	done
}

# sendmail_mc RUN CLOSED GONE MILTER - /etc/mail for RUN (mail or more)
sendmail_mc() {
	_delay='' _v6=''
	if [ "$1" = more ]; then
		_delay="FEATURE(\`delay_checks')dnl"
		_v6="DAEMON_OPTIONS(\`Family=inet6, Name=MTA-v6, Port=smtp, Addr=::1')dnl"
	fi
	cat >"$MAIL/sendmail.mc" <<-EOF
	divert(-1)dnl
	# The scenario's sm-mta: example.org local, the rest to a closed
	# loopback port, gone.example.net to a server that refuses it.
	divert(0)dnl
	include(\`/usr/share/sendmail/cf/m4/cf.m4')dnl
	VERSIONID(\`scenario recording')dnl
	OSTYPE(\`linux')dnl
	define(\`confDOMAIN_NAME', \`mx1.example.org')dnl
	define(\`confDONT_PROBE_INTERFACES', \`True')dnl
	define(\`confTO_IDENT', \`0')dnl
	define(\`confQUEUE_LA', \`999')dnl
	define(\`confREFUSE_LA', \`999')dnl
	define(\`confDELAY_LA', \`0')dnl
	define(\`confPID_FILE', \`$W/sendmail.pid')dnl
	define(\`QUEUE_DIR', \`$QUEUE')dnl
	define(\`ALIAS_FILE', \`$MAIL/aliases')dnl
	define(\`SMART_HOST', \`esmtp:[127.0.0.1]')dnl
	define(\`ESMTP_MAILER_ARGS', \`TCP \$h $2')dnl
	FEATURE(\`no_default_msa')dnl
	FEATURE(\`nocanonify')dnl
	FEATURE(\`accept_unresolvable_domains')dnl
	FEATURE(\`access_db', \`hash -T<TMPF> -o $MAIL/access')dnl
	FEATURE(\`mailertable', \`hash -o $MAIL/mailertable')dnl
	$_delay
	LOCAL_DOMAIN(\`example.org')dnl
	DAEMON_OPTIONS(\`Family=inet, Name=MTA-v4, Port=smtp, Addr=127.0.0.1')dnl
	$_v6
	INPUT_MAIL_FILTER(\`scenario', \`S=inet:$4@127.0.0.1, F=T, T=S:30s;R:30s;E:1m')dnl
	MAILER(\`local')dnl
	MAILER(\`smtp')dnl
	MAILER_DEFINITIONS
	Mgone, P=[IPC], F=mDFMuXa, S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP, E=\\r\\n, L=990, T=DNS/RFC822/SMTP, A=TCP \$h $3
	EOF
	sed -i '/^$/d' "$MAIL/sendmail.mc"
	# Debian's files there may be links (aliases to /etc/aliases)
	rm -f "$MAIL"/aliases* "$MAIL"/access* "$MAIL"/mailertable*
	chown root:root "$MAIL" && chmod 755 "$MAIL"
	cat >"$MAIL/aliases" <<-EOF
	postmaster: /dev/null
	root: /dev/null
	MAILER-DAEMON: postmaster
	alice: /dev/null
	bob: /dev/null
	carol: /dev/null
	dave: /dev/null
	erin: /dev/null
	EOF
	printf 'far.example.net\tesmtp:[127.0.0.1]\ngone.example.net\tgone:[127.0.0.1]\n' \
		>"$MAIL/mailertable"
	cat >"$MAIL/access" <<-EOF
	Connect:127.0.0.1		RELAY
	Connect:IPv6:::1		RELAY
	linkedinmail.com		REJECT
	From:emalsrv.linkedin.com	ERROR:"550 5.7.1 Sender banned"
	From:emalsrv.ups.com		DISCARD
	EOF
	m4 "$MAIL/sendmail.mc" >"$MAIL/sendmail.cf" || return 1
	for _m in access mailertable; do
		makemap -C "$MAIL/sendmail.cf" hash "$MAIL/$_m" <"$MAIL/$_m" ||
			{ ls -la "$MAIL"; return 1; }
	done
	# sendmail refuses a queue directory root does not own
	mkdir -p "$QUEUE" && chown root:root "$QUEUE" && chmod 700 "$QUEUE"
}

# start_gone PORT - gone.example.net's server on PORT: it refuses every
# recipient with 550 5.1.1; GONE_PID
start_gone() {
	/usr/bin/python3 -c 'import socket, sys, threading
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1])))
srv.listen(8)
def talk(c):
    f = c.makefile("rwb")
    def say(s):
        f.write(s.encode() + b"\r\n")
        f.flush()
    say("220 gone.example.net ESMTP")
    for line in f:
        w = line.decode("latin-1").strip().upper()
        if w.startswith(("EHLO", "HELO")):
            say("250 gone.example.net")
        elif w.startswith("RCPT"):
            say("550 5.1.1 No such user here")
        elif w.startswith("QUIT"):
            say("221 2.0.0 Bye")
            break
        else:
            say("250 2.0.0 Ok")
    c.close()
while True:
    c, _ = srv.accept()
    threading.Thread(target=talk, args=(c,), daemon=True).start()' \
		"$1" >"$W/gone.out" 2>&1 &
	GONE_PID=$!
	STARTED="$STARTED $GONE_PID"
	wait_for "listening $1 || ! alive $GONE_PID" && listening "$1"
}

# start_sendmail - newaliases, then sm-mta as Debian starts it, inside
# mount and UTS namespaces whose /dev/log is the private rsyslogd's
# socket (newaliases there too: no name server asked); SM_PID
start_sendmail() {
	printf '127.0.0.1\tlocalhost\n127.0.1.1\tmx1.example.org mx1\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' \
		>"$W/hosts"
	printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' \
		>"$W/resolv.conf"
	unshare -m -u --propagation private /bin/sh -ec '
		hostname mx1
		mount --bind "$1/hosts" /etc/hosts
		mount --bind "$1/resolv.conf" /etc/resolv.conf
		mkdir -p "$1/hostdev"
		mount --rbind /dev "$1/hostdev"
		mount -t tmpfs -o mode=755 tmpfs /dev
		for n in null zero random urandom full; do
			touch /dev/$n
			mount --bind "$1/hostdev/$n" /dev/$n
		done
		ln -s "$1/log.sock" /dev/log
		/usr/sbin/sendmail-mta -bi
		/usr/sbin/sendmail-mta -L sm-mta -bd -q1h' sh "$W" \
		>"$W/sendmail.out" 2>&1 || { cat "$W/sendmail.out"; return 1; }
	wait_for "[ -s $W/sendmail.pid ]" || return 1
	SM_PID=$(head -n 1 "$W/sendmail.pid")
	wait_for "listening 25"
}

# in_ns COMMAND... - COMMAND in sm-mta's namespaces
in_ns() { nsenter -m -u -t "$SM_PID" "$@"; }

# send FROM TO [SUBJECT] - one message with swaks
send() {
	_n=$((${_n:-0} + 1))
	swaks --server "$SERVER" --port 25 --helo client.example.com \
		--from "$1" --to "$2" --silent 2 \
		--header "Subject: ${3:-scenario message $_n}" \
		--header "Message-Id: <scenario.$_n.$RUN@client.example.com>" \
		</dev/null >>"$W/swaks.out" 2>&1
	echo "$_n: $1 -> $2: swaks exit $?" >>"$W/swaks.out"
	return 0
}

# send_scenario - scenario.txt's messages, in order (and
# scenario-more.txt's in the more run)
send_scenario() {
	while read -r _f _t _o; do
		[ -n "$_f" ] && send "$_f" "$_t"
	done < <(grep -hv '^#' "$SCENARIO"
		 [ "$RUN" = more ] && grep -hv '^#' "$HERE/scenario-more.txt")
}

# busy - a message in the queue is locked: a delivery is under way
busy() {
	in_ns /usr/sbin/sendmail-mta -bp 2>/dev/null | grep -q '^[0-9A-Za-z]*\*'
}

# log_still RUN - RUN's log has not grown for two seconds
log_still() {
	_a=$(wc -c <"$W/$1.3164.log")
	sleep 2
	[ "$(wc -c <"$W/$1.3164.log")" = "$_a" ]
}

# record RUN - one run: configure, log, send, settle, one queue run, stop
record() {
	RUN=$1 _n=0 SERVER=127.0.0.1
	[ "$RUN" = more ] && SERVER=::1
	_closed=$(free_port)
	_gone=$(free_port)
	_milter=$(free_port)
	sendmail_mc "$RUN" "$_closed" "$_gone" "$_milter" || die "$RUN: sendmail.cf"
	start_rsyslog "$RUN" || die "$RUN: rsyslogd did not start"
	start_milter "$_milter" || die "milter did not start"
	start_gone "$_gone" || die "gone.example.net's server did not start"
	start_sendmail || die "$RUN: sm-mta did not start"
	send_scenario
	# the milter's refusal is of a campaign's message, so that its
	# counts tell whether the refusal after DATA was read
	_to=alice@example.org
	[ "$RUN" = more ] && _to=alice@example.org,bob@example.org
	send m@emalsrv.dhl.com "$_to" "milter test: rejected at end of message"
	wait_for "! busy && log_still $RUN" || die "$RUN: deliveries go on"
	in_ns /usr/sbin/sendmail-mta -L sm-mta -q >>"$W/sendmail.out" 2>&1
	wait_for "! busy && log_still $RUN" || die "$RUN: the queue run goes on"
	stop_pid "$SM_PID"
	stop_pid "$MILTER_PID"
	stop_pid "$GONE_PID"
	stop_pid "$RS_PID"
	mkdir -p "$OUT"
	for _f in "$W/$RUN".*.log; do
		neutral "$_f" >"$OUT/${_f##*/}"
	done
	neutral "$MAIL/sendmail.mc" >"$OUT/$RUN.sendmail.mc"
	for _f in access mailertable aliases; do
		neutral "$MAIL/$_f" >"$OUT/$_f"
	done
	rm -rf "${QUEUE:?}"/*
}

cleanup() {
	[ -n "${SM_PID:-}" ] && alive "$SM_PID" && stop_pid "$SM_PID"
	for _p in $STARTED; do alive "$_p" && stop_pid "$_p"; done
	purge_mta
	[ -n "${KEEP:-}" ] && echo "record-sendmail: kept $W" >&2 || rm -rf "$W"
}

# main - the whole run; called on one line with exit, so that bash has
# read all of the script before it starts
main() {
	[ "$(id -u)" -eq 0 ] || die "needs root (it installs sendmail)"
	[ -r "$SCENARIO" ] || die "no $SCENARIO"
	trap cleanup EXIT
	install_mta || { cat "$W/apt.log"; die "apt-get install failed"; }
	record mail
	record more
	echo "record-sendmail: wrote $(ls "$OUT" | tr '\n' ' ')"
}

main "$@"; exit
