#!/bin/bash
# record-exim.sh - record Debian's Exim (exim4-daemon-light) receiving the
# six-campaign scenario, through a real rsyslogd, into tests/mta/exim/
#
# SYNOPSIS
#	tests/mta/record-exim.sh [OUTDIR]
#	MORE=1 tests/mta/record-exim.sh tests/mta/exim-more
#	EDGES=1 tests/mta/record-exim.sh tests/mta/exim-edges
#
# DESCRIPTION
#	Run as root on a scratch Debian 12 machine.  It installs
#	exim4-daemon-light and swaks (apt-get, noninteractive), sends every
#	line of tests/mta/scenario.txt in order with swaks to an Exim daemon
#	on a loopback port, lets the queue settle (one forced queue run for
#	the deferred message), stops what it started by pid, purges exim4
#	and writes to OUTDIR (default tests/mta/exim):
#
#	syslog-3164.log	what rsyslog wrote with RSYSLOG_TraditionalFileFormat
#	syslog-3339.log	the same lines with RSYSLOG_FileFormat (RFC 3339)
#	mainlog		Exim's own main log (log_file_path = syslog : .../%slog)
#	exim.conf	the Exim configuration the recording used
#	reject_domains, reject_senders, discard_senders
#			the blocking lists its ACLs read
#
#	With MORE=1 it sends over ::1 (Exim listening on 127.0.0.1 and ::1),
#	keeps Exim's default syslog_duplication = true (each refusal reaches
#	syslog twice) and sends tests/mta/scenario-more.txt after the
#	scenario.
#
#	With EDGES=1 it does what MORE=1 does, with exim4-daemon-heavy (its
#	content scan), the "#EDGES" lines of exim.conf.in (ACLs that refuse
#	at DATA, before it, on a MIME part and by a content scan, discard
#	at DATA and refuse one recipient) and log_selector
#	+smtp_incomplete_transaction +smtp_no_mail besides, and after the
#	scenario sends the SMTP sessions of send_edges (several
#	transactions in a session, RSET between, refusals of whole messages
#	to several recipients, a message whose recipients are delivered,
#	deferred and bounced).
#
#	Exim logs to syslog through glibc's syslog(3), which writes to
#	/dev/log.  The machine's /dev/log is never touched: Exim runs in a
#	private mount namespace (unshare -m) whose /dev is a small tmpfs with
#	null, zero, random, urandom, full and a /dev/log bind-mounted onto
#	the imuxsock socket of a private rsyslogd.
#
#	The Exim configuration (written to /etc/exim4/exim4.conf, which
#	Debian's exim4 reads before its generated one, and removed at the
#	end) is the scenario's: example.org local (alice bob carol dave
#	erin, appended to one file), far.example.net routed to a closed
#	loopback port (deferred), gone.example.net failed by a redirect
#	router (bounced), any other domain (the bounces) blackholed; the
#	blocking lists are files as an ACL reads them: reject_domains (a
#	domain list, MAIL ACL), reject_senders and discard_senders (address
#	lists, RCPT ACL).  One extra ordinary message, after the scenario,
#	is rejected by the DATA ACL.
#
#	The host is called mx1 everywhere (primary_hostname, rsyslog's
#	localHostname, swaks' HELO client.example.com); the private work
#	directory is written as /var/spool/exim4 in what is kept, so the
#	recording names nothing of the machine that made it.
#
#	Installing exim4 removes any other MTA (Postfix) and the other
#	recording script does the same: on a shared machine run each under
#	one lock, e.g. "flock LOCKFILE tests/mta/record-exim.sh".
set -u

TOP=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$TOP/tests/mta/exim}
SCENARIO=$TOP/tests/mta/scenario.txt
# MORE=1: scenario-more.txt after it, over ::1, syslog_duplication kept
MORE=${MORE:-0}
SERVER=127.0.0.1
# EDGES=1: MORE=1, the heavy daemon, and send_edges after the scenario
EDGES=${EDGES:-0}
[ "$EDGES" = 1 ] && MORE=1
[ "$MORE" = 1 ] && SERVER=::1
DAEMON=exim4-daemon-light
[ "$EDGES" = 1 ] && DAEMON=exim4-daemon-heavy
EXIM_PKGS="$DAEMON exim4-base exim4-config"
CONF=/etc/exim4/exim4.conf
NEUTRAL=/var/spool/exim4
WAIT=120		# seconds for a daemon or the queue, at most

W=$(mktemp -d /tmp/exim-record.XXXXXX) || exit 1
chmod 755 "$W"
PIDS=""

# die MSG - say why, stop what was started, exit 1
die() {
	echo "record-exim: $*" >&2
	cleanup
	exit 1
}

# wait_for CMD - poll CMD until it succeeds, at most $WAIT seconds
wait_for() {
	local i=0
	while [ "$i" -lt $((WAIT * 5)) ]; do
		eval "$1" && return 0
		sleep 0.2
		i=$((i + 1))
	done
	return 1
}

# stop_pid PID - SIGTERM, wait for it to go (SIGKILL after $WAIT s)
stop_pid() {
	kill -TERM "$1" 2>/dev/null || return 0
	wait_for "! kill -0 $1 2>/dev/null" || kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
}

# cleanup - stop our daemons by pid, purge exim4, remove our files
cleanup() {
	for p in $PIDS; do stop_pid "$p"; done
	PIDS=""
	rm -f "$CONF"
	DEBIAN_FRONTEND=noninteractive apt-get purge -y -q $EXIM_PKGS \
		>"$W/purge.out" 2>&1 || cat "$W/purge.out" >&2
	rm -rf "$W"
}

# free_port FROM - the first loopback TCP port from FROM nobody listens on
free_port() {
	local p=$1
	while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do
		p=$((p + 1))
	done
	echo "$p"
}

# install_exim - exim4-daemon-light and swaks; Debian's init script must
# not start its own daemon (policy-rc.d, when the machine has none)
install_exim() {
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "$DAEMON" swaks \
		>"$W/install.out" 2>&1 || { cat "$W/install.out" >&2; return 1; }
	/usr/sbin/exim4 -bV | head -n 1
}

# start_rsyslog - private rsyslogd: one imuxsock socket, mail.* into two
# files; $RS_PID
start_rsyslog() {
	mkdir -p "$W/rs/work" || return 1
	cat >"$W/rs/rsyslog.conf" <<-EOF
	global(workDirectory="$W/rs/work" localHostName="mx1"
	       net.enableDNS="off")
	module(load="imuxsock" SysSock.Use="off")
	input(type="imuxsock" socket="$W/rs/log.sock" createPath="on")
	mail.* action(type="omfile" file="$W/rs/syslog-3164.log"
		      template="RSYSLOG_TraditionalFileFormat")
	mail.* action(type="omfile" file="$W/rs/syslog-3339.log"
		      template="RSYSLOG_FileFormat")
	EOF
	(umask 000; exec rsyslogd -n -f "$W/rs/rsyslog.conf" \
		-i "$W/rs/rsyslogd.pid" >"$W/rs/rsyslogd.out" 2>&1) &
	RS_PID=$!
	PIDS="$RS_PID $PIDS"
	wait_for "[ -S '$W/rs/log.sock' ]" || return 1
	chmod 666 "$W/rs/log.sock"
}

# write_conf PORT CLOSED - the Exim configuration, lists and directories
write_conf() {
	mkdir -p "$W/spool" "$W/log" "$W/mail" "$W/etc" || return 1
	chown Debian-exim:Debian-exim "$W/spool" "$W/log" "$W/mail"
	printf '%s\n' linkedinmail.com >"$W/etc/reject_domains"
	printf '%s\n' '*@emalsrv.linkedin.com' >"$W/etc/reject_senders"
	printf '%s\n' '*@emalsrv.ups.com' >"$W/etc/discard_senders"
	sed -e "s|@W@|$W|g" -e "s|@PORT@|$1|g" -e "s|@CLOSED@|$2|g" \
		"$TOP/tests/mta/exim.conf.in" >"$CONF" || return 1
	if [ "$MORE" = 1 ]; then
		sed -i -e 's/^\(local_interfaces = <; 127.0.0.1\)$/\1 ; ::1/' \
			-e 's/^disable_ipv6 = true$/disable_ipv6 = false/' \
			-e 's/^syslog_duplication = false$/syslog_duplication = true/' \
			"$CONF" || return 1
	fi
	if [ "$EDGES" = 1 ]; then
		sed -i -e 's/^#EDGES //' -e 's/^#EDGES$//' \
			-e 's/^\(log_selector = .*\)$/\1 +smtp_incomplete_transaction +smtp_no_mail/' \
			"$CONF" || return 1
	fi
	chmod 644 "$CONF"
	/usr/sbin/exim4 -bV >/dev/null || return 1
}

# start_exim - the daemon, in the foreground, in a mount namespace whose
# /dev/log is the private rsyslogd's socket; $EXIM_PID
start_exim() {
	mkdir -p "$W/dev" || return 1
	unshare -m --propagation private /bin/sh -c '
		set -e
		mount -t tmpfs -o mode=755 none "$1/dev"
		for n in null zero random urandom full; do
			: >"$1/dev/$n"
			mount --bind "/dev/$n" "$1/dev/$n"
		done
		: >"$1/dev/log"
		mount --bind "$1/rs/log.sock" "$1/dev/log"
		mount --rbind "$1/dev" /dev
		exec /usr/sbin/exim4 -bdf -oP "$1/exim.pid"
	' sh "$W" >"$W/exim.out" 2>&1 &
	EXIM_PID=$!
	PIDS="$EXIM_PID $PIDS"
	wait_for "(exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null" || return 1
}

# in_ns CMD... - CMD in the daemon's mount namespace (its /dev/log)
in_ns() { nsenter -m -t "$EXIM_PID" "$@"; }

# scenario - the messages to send, one a line
scenario() {
	grep -hv '^#' "$SCENARIO"
	[ "$MORE" = 1 ] && grep -hv '^#' "$TOP/tests/mta/scenario-more.txt"
	return 0
}

# send_scenario PORT - every scenario line with swaks, in order, then
# the DATA ACL's message
send_scenario() {
	local n=0 from rcpts
	scenario | while read -r from rcpts _; do
		[ -n "$from" ] || continue
		n=$((n + 1))
		swaks --server "$SERVER" --port "$1" \
			--helo client.example.com --from "$from" \
			--to "$rcpts" \
			--header "Message-Id: <scenario-$n@client.example.com>" \
			--header "Subject: scenario line $n" >>"$W/swaks.out" 2>&1
		echo "line $n: $from -> $rcpts: swaks exit $?" >>"$W/swaks.out"
	done
	swaks --server 127.0.0.1 --port "$1" \
		--helo client.example.com --from promo@bulk.example.com \
		--to alice@example.org --header "X-Spam-Flag: YES" \
		--header "Message-Id: <data-reject@client.example.com>" \
		>>"$W/swaks.out" 2>&1
	echo "data reject: swaks exit $?" >>"$W/swaks.out"
}

# send_edges PORT - SMTP sessions that swaks cannot hold, one a line of
# the list below: the sender, a word for the Subject, then the session's
# commands after MAIL FROM: an address is RCPT TO (a bare local part one
# of example.org), "-" is RSET and a new MAIL FROM, "DATA" sends the
# message (with a program attached when the word says "program")
send_edges() {
	/usr/bin/python3 -c 'import smtplib, sys
server, port = sys.argv[1], int(sys.argv[2])
for n, line in enumerate(sys.stdin):
    words = line.split()
    if not words or words[0].startswith("#"):
        continue
    sender, subject = words[0], "edge: " + words[1].replace("_", " ")
    head = "Subject: %s\r\nMessage-Id: <edge-%d@client.example.com>\r\n" % (subject, n)
    if "program" in subject:
        head += ("MIME-Version: 1.0\r\nContent-Type: multipart/mixed;"
                 " boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n"
                 "\r\nedge\r\n--b\r\nContent-Type: application/x-msdownload"
                 "\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA"
                 "\r\n--b--\r\n")
    else:
        head += "\r\nedge\r\n"
    s = smtplib.SMTP(server, port, local_hostname="client.example.com")
    s.ehlo()
    print(n, sender, s.mail(sender))
    for w in words[2:]:
        if w == "-":
            s.rset()
            s.mail(sender)
        elif w == "DATA":
            try:
                print(n, "DATA", s.data(head))
            except smtplib.SMTPException as e:
                print(n, "DATA", e)
        else:
            print(n, w, s.rcpt(w if "@" in w else w + "@example.org"))
    s.quit()' "$SERVER" "$1" <<-EOF >>"$W/swaks.out" 2>&1
	data@emalsrv.marriott.com refused_at_data_to_three alice bob carol DATA
	data@emalsrv.marriott.com refused_at_data_to_seven alice bob carol dave erin p@far.example.net q@gone.example.net DATA
	data@emalsrv.marriott.com refused_at_data_after_rcpt refused alice bob DATA
	cs@emalsrv.dhl.com content_refused alice bob DATA
	pre@emalsrv.marriott.com refused_before_data alice bob DATA
	mime@emalsrv.dhl.com mime_program alice bob DATA
	dd@emalsrv.dhl.com discarded_at_data alice bob carol DATA
	split@emalsrv.marriott.com split alice p@far.example.net s@far.example.net q@gone.example.net r@gone.example.net DATA
	mix@emalsrv.marriott.com rcpt_refused_then_taken refused alice DATA
	two@emalsrv.marriott.com two_in_one_session alice DATA - bob carol DATA
	y@emalsrv.linkedin.com three_refused alice bob - carol - dave
	x@linkedinmail.com two_refused_alike alice - alice
	y@emalsrv.linkedin.com two_refused alice - bob
	a@emalsrv.ups.com two_discarded alice DATA - bob carol DATA
	EOF
	echo "edges: exit $?" >>"$W/swaks.out"
}

# queue_is N - the spool holds N messages
queue_is() { [ "$(in_ns /usr/sbin/exim4 -bpc 2>/dev/null)" = "$1" ]; }

# settle - deliveries done (only the deferred messages queued: the
# scenario's, and with EDGES the split one), one forced queue run, and
# its log written
settle() {
	local left=1
	[ "$EDGES" = 1 ] && left=2
	wait_for "queue_is $left" || return 1
	sleep 2		# the last delivery process writes Completed after
	in_ns /usr/sbin/exim4 -qff >>"$W/exim.out" 2>&1
	wait_for "queue_is $left" || return 1
}

# keep - the recordings into $OUT, with private paths made neutral
keep() {
	local host
	host=$(hostname)
	mkdir -p "$OUT" || return 1
	for f in rs/syslog-3164.log rs/syslog-3339.log log/mainlog; do
		sed -e "s|$W|$NEUTRAL|g" -e "s/\\b$host\\b/mx1/g" "$W/$f" \
			>"$OUT/${f##*/}" || return 1
	done
	sed -e "s|$W|$NEUTRAL|g" "$CONF" >"$OUT/exim.conf"
	cp "$W/etc/reject_domains" "$W/etc/reject_senders" \
		"$W/etc/discard_senders" "$OUT/"
}

main() {
	[ "$(id -u)" = 0 ] || { echo "record-exim: run as root" >&2; exit 1; }
	trap 'die interrupted' INT TERM
	install_exim || die "apt-get install failed"
	port=$(free_port 2525)
	closed=$(free_port 2600)
	start_rsyslog || die "rsyslogd did not start: $(cat "$W/rs/rsyslogd.out")"
	write_conf "$port" "$closed" || die "Exim configuration refused"
	start_exim "$port" || die "exim did not start: $(cat "$W/exim.out")"
	send_scenario "$port"
	[ "$EDGES" = 1 ] && send_edges "$port"
	settle || die "the queue did not settle: $(in_ns /usr/sbin/exim4 -bp)"
	stop_pid "$EXIM_PID"
	stop_pid "$RS_PID"
	PIDS=""
	keep || die "could not write $OUT"
	grep -E '^(line|data|edges)' "$W/swaks.out" >&2
	[ -n "${SHOW:-}" ] && cat "$W/swaks.out" >&2
	cleanup
	echo "record-exim: recorded into $OUT"
}

main "$@"
