#!/usr/bin/env bash
# record-postfix.sh - record tests/mta/scenario.txt from a real Postfix
#
# SYNOPSIS
#	flock LOCKFILE tests/mta/record-postfix.sh [OUTDIR]
#	MORE=1 flock LOCKFILE tests/mta/record-postfix.sh tests/mta/postfix-more
#	EDGES=1 flock LOCKFILE tests/mta/record-postfix.sh tests/mta/postfix-edges
#	SCREEN=1 flock LOCKFILE tests/mta/record-postfix.sh tests/mta/postfix-screen
#
# DESCRIPTION
#	Installs Debian's postfix (and swaks, python3-milter), sends the
#	scenario with swaks to Postfix on the loopback interface, and keeps
#	what Postfix wrote to syslog as a real rsyslogd wrote it: each run
#	gives NAME.3164.log (RSYSLOG_TraditionalFileFormat) and
#	NAME.3339.log (RSYSLOG_FileFormat) in OUTDIR (default
#	tests/mta/postfix).  Then it stops what it started, by pid, and
#	purges postfix.  With MORE=1 it sends over ::1 (inet_protocols =
#	all) and sends tests/mta/scenario-more.txt after the scenario.
#	Needs root; it replaces any other MTA (exim4,
#	sendmail) the machine has, so hold a lock shared with whatever
#	else installs one (flock), and run it on a machine you may do so.
#
#	With SCREEN=1 the short run only, and after the scenario the
#	sessions of send_screen to postscreen on 127.0.0.1:2527, whose
#	access list refuses 127.0.0.1 (postscreen_denylist_action =
#	enforce: postscreen talks to the client itself and refuses each
#	RCPT, as it does for a client on a DNSBL).
#
#	Two runs:
#	short	short queue ids, smtpd_delay_reject=yes (sender rejects at
#		RCPT), plus one message a milter rejects at end of message
#	long	enable_long_queue_ids=yes, smtpd_delay_reject=no (sender
#		rejects at MAIL FROM), plus one message through a second
#		Postfix instance "postfix-out" (postmulti), which
#		delivers it itself
#
#	The Postfix set-up is what scenario.txt's header asks for:
#	example.org is local (alice..erin are aliases of /dev/null),
#	far.example.net and any other outside domain go to a closed
#	loopback port (deferred; so do the bounce notices to the
#	outside senders), gone.example.net to the error transport
#	(bounced); check_sender_access rejects linkedinmail.com and
#	emalsrv.linkedin.com and discards emalsrv.ups.com.
#
# HOW THE LOG GETS TO RSYSLOG
#	Postfix 3.7 logs with syslog(3), that is to /dev/log.  The
#	private rsyslogd listens on its own socket (imuxsock, not the
#	machine's /dev/log), and Postfix runs in a private mount namespace
#	(unshare -m) whose /dev is a tmpfs with the few device nodes
#	Postfix opens bound from the real /dev and /dev/log a link to that
#	socket.  Nothing outside the namespace sees the change; the
#	namespace ends with the last Postfix process.  The postfix
#	commands run later (flush, stop) enter it with nsenter, so that
#	their own lines reach the same socket.  The daemons run without
#	chroot, so that they need no copy of the socket in the queue.
#
#	rsyslogd names the host mx1 (localHostname), swaks says
#	client.example.com and sets its own Message-Id: the recordings
#	hold no name of the machine that made them.

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/record-lib.sh"
OUT=${1:-$HERE/postfix}
SCENARIO=$HERE/scenario.txt
# MORE=1: scenario-more.txt after it, over ::1
MORE=${MORE:-0}
# EDGES=1: MORE=1, the short run only, and send_edges after the scenario
EDGES=${EDGES:-0}
[ "$EDGES" = 1 ] && MORE=1
# SCREEN=1: the short run only, and send_screen after the scenario
SCREEN=${SCREEN:-0}
SERVER=127.0.0.1
[ "$MORE" = 1 ] && SERVER=::1
W=$(mktemp -d "${TMPDIR:-/tmp}/record-postfix.XXXXXX")
SPOOL=/var/spool/postfix
WAIT=120		# seconds for a daemon or the queue, at most
STARTED=""		# pids started here, stopped at exit

die() {
	echo "record-postfix: $*" >&2
	tail -n 20 "$W/postfix.out" "$W"/*.3164.log >&2 2>/dev/null
	exit 1
}

# install_mta - postfix ("Local only"), swaks, python3-milter; no
# service is started by the package (policy-rc.d on this kind of machine
# or not: the script stops a master it did not start by its pid file)
install_mta() {
	echo "postfix postfix/main_mailer_type select Local only" |
		debconf-set-selections || return 1
	echo "postfix postfix/mailname string mx1.example.org" |
		debconf-set-selections || return 1
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		postfix swaks python3-milter >"$W/apt.log" 2>&1 || return 1
	if [ -s "$SPOOL/pid/master.pid" ]; then
		postfix stop >/dev/null 2>&1
		wait_for '! postfix status 2>/dev/null'
	fi
}

# purge_mta - postfix gone, with what the second instance left
purge_mta() {
	DEBIAN_FRONTEND=noninteractive apt-get purge -y -q postfix \
		>>"$W/apt.log" 2>&1
	rm -rf /etc/postfix-out /var/spool/postfix-out /var/lib/postfix-out
}

# main_cf RUN CLOSED MILTER - /etc/postfix for RUN (short or long)
main_cf() {
	_long=no _delay=yes _protocols=ipv4 _v6net=
	[ "$MORE" = 1 ] && _protocols=all _v6net=" [::1]/128"
	[ "$1" = long ] && _long=yes _delay=no
	cat >/etc/postfix/main.cf <<-EOF
	compatibility_level = 3.6
	myhostname = mx1.example.org
	mydomain = example.org
	myorigin = \$mydomain
	mydestination = example.org, mx1.example.org, localhost
	inet_interfaces = loopback-only
	inet_protocols = $_protocols
	mynetworks = 127.0.0.0/8$_v6net
	biff = no
	append_dot_mydomain = no
	smtputf8_enable = no
	alias_maps = hash:/etc/postfix/aliases
	alias_database = hash:/etc/postfix/aliases
	transport_maps = hash:/etc/postfix/transport
	default_transport = smtp:[127.0.0.1]:$2
	smtpd_sender_restrictions = check_sender_access hash:/etc/postfix/access
	smtpd_delay_reject = $_delay
	# gone.example.net's mail is taken, then bounced by the error
	# transport, not refused at RCPT TO
	smtpd_reject_unlisted_recipient = no
	enable_long_queue_ids = $_long
	maximal_backoff_time = 3600s
	minimal_backoff_time = 3600s
	queue_run_delay = 3600s
	EOF
	cat >/etc/postfix/aliases <<-EOF
	postmaster: /dev/null
	root: /dev/null
	alice: /dev/null
	bob: /dev/null
	carol: /dev/null
	dave: /dev/null
	erin: /dev/null
	EOF
	cat >/etc/postfix/transport <<-EOF
	far.example.net		smtp:[127.0.0.1]:$2
	gone.example.net	error:5.1.2 domain is gone
	EOF
	cat >/etc/postfix/access <<-EOF
	linkedinmail.com	REJECT
	emalsrv.linkedin.com	REJECT
	emalsrv.ups.com		DISCARD
	EOF
	postalias /etc/postfix/aliases &&
		postmap /etc/postfix/transport /etc/postfix/access || return 1
	postconf -F '*/*/chroot = n' || return 1
	[ "$1" = short ] || return 0
	[ "$EDGES" = 1 ] && { edges_cf || return 1; }
	[ "$SCREEN" = 1 ] && { screen_cf || return 1; }
	# The milter sees only what comes in on port 2526.
	postconf -M "127.0.0.1:2526/inet = 127.0.0.1:2526 inet n - n - - smtpd -o smtpd_milters=inet:127.0.0.1:$3 -o milter_default_action=tempfail"
}

# edges_cf - the checks send_edges meets: a header_checks DISCARD and
# REJECT, a refused recipient, refusals at DATA and at end of data
edges_cf() {
	cat >/etc/postfix/header_checks <<-EOF
	/^Subject: edge: header discard/	DISCARD header discard
	/^Subject: edge: header reject/	REJECT header reject
	EOF
	printf 'refused@example.org\tREJECT no such user here\n' \
		>/etc/postfix/rcpt_access
	printf 'data@emalsrv.marriott.com\tREJECT refused at DATA\n' \
		>/etc/postfix/data_access
	printf 'eom@emalsrv.marriott.com\tREJECT refused at end of data\n' \
		>/etc/postfix/eod_access
	postmap /etc/postfix/rcpt_access /etc/postfix/data_access \
		/etc/postfix/eod_access || return 1
	postconf -e header_checks=regexp:/etc/postfix/header_checks \
		"smtpd_recipient_restrictions = check_recipient_access hash:/etc/postfix/rcpt_access" \
		"smtpd_data_restrictions = check_sender_access hash:/etc/postfix/data_access" \
		"smtpd_end_of_data_restrictions = check_sender_access hash:/etc/postfix/eod_access"
}

# screen_cf - postscreen on 127.0.0.1:2527, refusing 127.0.0.1 (the
# other listeners stay plain smtpd); a client it lets through would be
# handed to smtpd/pass
screen_cf() {
	printf '127.0.0.1/32\treject\n' >/etc/postfix/postscreen_access
	postconf -e postscreen_access_list=cidr:/etc/postfix/postscreen_access \
		postscreen_denylist_action=enforce || return 1
	postconf -M "127.0.0.1:2527/inet = 127.0.0.1:2527 inet n - n - 1 postscreen" &&
	postconf -M "smtpd/pass = smtpd pass - - n - - smtpd"
}

# out_instance - the second instance, postfix-out, on port 2525,
# delivering example.org itself (relaying to the first instance on the
# same address would be "mail loops back to myself")
out_instance() {
	postmulti -e init >/dev/null &&
	postmulti -I postfix-out -e create >/dev/null || return 1
	_c=/etc/postfix-out
	postconf -c $_c -e inet_interfaces=loopback-only inet_protocols=ipv4 \
		myhostname=out.example.org mydestination=example.org \
		alias_maps=hash:/etc/postfix/aliases alias_database= \
		mynetworks=127.0.0.0/8 \
		compatibility_level=3.6 smtputf8_enable=no \
		master_service_disable= || return 1
	postconf -c $_c -M# smtp/inet || return 1
	postconf -c $_c -M "127.0.0.1:2525/inet = 127.0.0.1:2525 inet n - n - - smtpd"
	postconf -c $_c -F '*/*/chroot = n' || return 1
	postmulti -i postfix-out -e enable >/dev/null
}

# start_postfix - every enabled instance, inside a mount namespace whose
# /dev/log is the private rsyslogd's socket
start_postfix() {
	unshare -m --propagation private /bin/sh -ec '
		mkdir -p "$1/hostdev"
		mount --rbind /dev "$1/hostdev"
		mount -t tmpfs -o mode=755 tmpfs /dev
		for n in null zero random urandom full; do
			touch /dev/$n
			mount --bind "$1/hostdev/$n" /dev/$n
		done
		ln -s "$1/log.sock" /dev/log
		postfix start' sh "$W" >"$W/postfix.out" 2>&1 ||
		{ cat "$W/postfix.out"; return 1; }
	wait_for "[ -s $SPOOL/pid/master.pid ]" || return 1
	MASTER_PID=$(tr -d ' ' <"$SPOOL/pid/master.pid")
	wait_for "listening 25"
}

# in_ns COMMAND... - COMMAND in Postfix's mount namespace
in_ns() { nsenter -m -t "$MASTER_PID" "$@"; }

# send FROM TO [PORT [SUBJECT [SERVER]]] - one message with swaks
send() {
	_n=$((${_n:-0} + 1))
	swaks --server "${5:-127.0.0.1}" --port "${3:-25}" --helo client.example.com \
		--from "$1" --to "$2" --silent 2 \
		--header "Subject: ${4:-scenario message $_n}" \
		--header "Message-Id: <scenario.$_n.$RUN@client.example.com>" \
		</dev/null >>"$W/swaks.out" 2>&1
	return 0
}

# send_scenario - scenario.txt's messages, in order
send_scenario() {
	while read -r _f _t _o; do
		[ -n "$_f" ] && send "$_f" "$_t" 25 "" "$SERVER"
	done < <(grep -hv '^#' "$SCENARIO"
		 [ "$MORE" = 1 ] && grep -hv '^#' "$HERE/scenario-more.txt")
}

# send_sessions SERVER PORT - SMTP sessions that swaks cannot hold, one
# a line of standard input: the sender, a word for the Subject, then the
# session's commands after MAIL FROM: an address is RCPT TO, "-" is RSET
# and a new MAIL FROM, "DATA" sends the message
send_sessions() {
	/usr/bin/python3 -c 'import smtplib, sys
server, port, run = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for n, line in enumerate(sys.stdin):
    words = line.split()
    if not words or words[0].startswith("#"):
        continue
    sender, subject = words[0], "edge: " + words[1].replace("_", " ")
    s = smtplib.SMTP(server, port, local_hostname="client.example.com")
    s.ehlo()
    s.mail(sender)
    for w in words[2:]:
        if w == "-":
            s.rset()
            s.mail(sender)
        elif w == "DATA":
            body = "Subject: %s\r\nMessage-Id: <edge.%d.%s@client.example.com>\r\n\r\nedge\r\n" % (subject, n, run)
            try:
                s.data(body)
            except smtplib.SMTPException:
                pass
        else:
            s.rcpt(w)
    try:
        s.quit()
    except smtplib.SMTPServerDisconnected:
        pass  # postscreen hangs up after a refused DATA
' "$1" "$2" "$RUN" >>"$W/swaks.out" 2>&1
	return 0
}

# send_edges - the sessions of EDGES=1
send_edges() {
	send_sessions "$SERVER" 25 <<-EOF
	hd@emalsrv.dhl.com header_discard alice@example.org bob@example.org DATA
	hr@emalsrv.dhl.com header_reject alice@example.org bob@example.org DATA
	y@emalsrv.linkedin.com two_refused alice@example.org - bob@example.org
	x@linkedinmail.com two_refused_alike alice@example.org - alice@example.org
	data@emalsrv.marriott.com refused_at_data alice@example.org refused@example.org DATA
	eom@emalsrv.marriott.com refused_at_eom refused@example.org alice@example.org DATA
	a@emalsrv.ups.com two_discarded alice@example.org DATA - bob@example.org carol@example.org DATA
	data@emalsrv.marriott.com refused_at_data_to_three alice@example.org bob@example.org carol@example.org DATA
	eom@emalsrv.marriott.com refused_at_eom_to_two alice@example.org bob@example.org DATA
	y@emalsrv.linkedin.com three_refused alice@example.org bob@example.org - carol@example.org - dave@example.org
	EOF
}

# send_screen - the sessions of SCREEN=1, to postscreen, which refuses
# every RCPT; DATA is refused for want of a recipient
send_screen() {
	send_sessions 127.0.0.1 2527 <<-EOF
	y@emalsrv.linkedin.com screen_three alice@example.org bob@example.org carol@example.org DATA
	p@paypa1.com screen_one alice@example.org
	c@emalsrv.marriott.com screen_again alice@example.org bob@example.org - alice@example.org
	ok@example.com screen_ordinary dave@example.org
	EOF
}

# queue_files DIR... - files in these queue directories
queue_files() {
	for _s in "$SPOOL" "$SPOOL-out"; do
		for _d in "$@"; do
			[ -d "$_s/$_d" ] && find "$_s/$_d" -type f
		done
	done 2>/dev/null | wc -l
}

# settled - nothing waits outside the deferred queue, twice in a row
settled() {
	[ "$(queue_files incoming active maildrop)" -eq 0 ] || return 1
	sleep 1
	[ "$(queue_files incoming active maildrop)" -eq 0 ]
}

# log_still RUN - RUN's log has not grown for two seconds
log_still() {
	_a=$(wc -c <"$W/$1.3164.log")
	sleep 2
	[ "$(wc -c <"$W/$1.3164.log")" = "$_a" ]
}

# stop_postfix - postfix stop, then wait for the master's pid to go
stop_postfix() {
	in_ns postfix stop >>"$W/postfix.out" 2>&1
	wait_for "! alive $MASTER_PID" &&
		wait_for "! alive \$(cat $SPOOL-out/pid/master.pid 2>/dev/null || echo 0)"
}

# record RUN - one run: configure, log, send, settle, stop
record() {
	RUN=$1 _n=0
	_closed=$(free_port)
	_milter=$(free_port)
	main_cf "$RUN" "$_closed" "$_milter" || die "$RUN: main.cf"
	if [ "$RUN" = long ]; then out_instance || die "postfix-out"; fi
	start_rsyslog "$RUN" || die "$RUN: rsyslogd did not start"
	if [ "$RUN" = short ]; then
		start_milter "$_milter" || die "milter did not start"
	fi
	start_postfix || die "$RUN: postfix did not start"
	send_scenario
	[ "$EDGES" = 1 ] && send_edges
	if [ "$SCREEN" = 1 ]; then
		wait_for "listening 2527" || die "postscreen is not listening"
		send_screen
	fi
	if [ "$RUN" = short ]; then
		send bulk@example.com alice@example.org 2526 \
			"milter test: rejected at end of message"
	else
		wait_for "listening 2525" || die "postfix-out is not listening"
		send ops@example.com bob@example.org 2525 \
			"through the second instance"
	fi
	wait_for settled || die "$RUN: queue did not settle"
	in_ns postqueue -f
	sleep 2
	wait_for settled || die "$RUN: queue did not settle after flush"
	wait_for "log_still $RUN" || die "$RUN: the log goes on"
	stop_postfix
	[ "$RUN" = short ] && stop_pid "$MILTER_PID"
	stop_pid "$RS_PID"
	mkdir -p "$OUT"
	for _f in "$W/$RUN".*.log; do
		neutral "$_f" >"$OUT/${_f##*/}"
	done
}

cleanup() {
	[ -n "${MASTER_PID:-}" ] && alive "$MASTER_PID" && stop_postfix
	# a second instance that came up while the first did not
	_out=$(cat "$SPOOL-out/pid/master.pid" 2>/dev/null | tr -d ' ')
	[ -n "$_out" ] && alive "$_out" && stop_pid "$_out"
	for _p in $STARTED; do alive "$_p" && stop_pid "$_p"; done
	purge_mta
	[ -n "${KEEP:-}" ] && echo "record-postfix: kept $W" >&2 || rm -rf "$W"
}

[ "$(id -u)" -eq 0 ] || die "needs root (it installs postfix)"
[ -r "$SCENARIO" ] || die "no $SCENARIO"
trap cleanup EXIT
install_mta || { cat "$W/apt.log"; die "apt-get install failed"; }
record short
[ "$EDGES" = 1 ] || [ "$SCREEN" = 1 ] && exit 0
purge_mta
install_mta || die "apt-get install failed"
record long
echo "record-postfix: wrote $(ls "$OUT" | tr '\n' ' ')"
