# tests/integration/rsyslog-lib.sh - a private rsyslogd built from the
# shipped drop-ins, and the sinks it talks to (sourced after tests/lib.sh).
#
# Nothing here touches the machine's syslog: the private rsyslogd reads no
# /dev/log (SysSock.Use="off"), keeps its own messages (processInternalMessages,
# into $RS_DIR/rsyslogd.log), listens on a loopback port the kernel picks
# (imtcp port 0, written to a file), and every path of the drop-ins is
# rewritten into $RS_DIR.  Daemons are stopped by pid, and tracked so that
# lib.sh stops them if a test dies first.
#
# A test:
#	rs_setup pipeline                # $RS_DIR=$TMP/pipeline
#	rs_smtp_start                    # optional: $RS_SMTP_PORT, $RS_MAILDIR
#	rs_tcp_sink_start                # optional: $RS_SIEM_PORT, $RS_SIEM_OUT
#	rs_install phishwatch.conf route-file.conf
#	rs_start                         # $RS_PID, $RS_PORT
#	rs_send "<22>Mar  3 10:00:01 mx1 sm-mta[101]: ..."
#	rs_mta "$(from_line QID ADDR)"   # lib.sh's lines, framed as mail.info
#	rs_read_at_least 2               # phishwatch has read 2 lines (SIGUSR1)
#	wait_for "rs_lines_at_least \"\$RS_DIR/log/events.json\" 1"
#	rs_stop
#	rs_counter events                # from phishwatch's last counters line
#
# Variables a test may set before rs_install: RS_BINARY (what omprog runs;
# default $PW), RS_RULEBASE (default $RULEBASE), RS_SYSLOG_RULEBASE (what
# mmnormalize reads; default $SYSLOG_RULEBASE).

RS_SHIPPED="$TOP/rsyslog"
: "${RS_BINARY:=$PW}"
: "${RS_RULEBASE:=$RULEBASE}"
: "${RS_SYSLOG_RULEBASE:=$SYSLOG_RULEBASE}"
RS_WAIT=60		# seconds for a daemon to come up or go down, at most
RS_NO_PORT=9		# mail and SIEM routes without a sink: loopback discard

# rs_need TOOL... - one test: every TOOL is installed (make deps); when
# one is not, the test ends there, failed
rs_need() {
	_need_missing=0
	for _need_tool in "$@"; do
		command -v "$_need_tool" >/dev/null || _need_missing=1
	done
	_need_list=$(printf '%s, ' "$@" | sed 's/, $//; s/\(.*\), /\1 and /')
	ok "$_need_missing" "$_need_list are installed (make deps)"
	[ "$_need_missing" -eq 0 ] || { done_testing; exit 1; }
}

# rs_setup NAME - fresh private tree $TMP/NAME; resets the rs_ state
rs_setup() {
	RS_DIR="$TMP/$1"
	RS_CONF="$RS_DIR/rsyslog.conf"
	RS_ROUTES="$RS_DIR/conf/phishwatch"
	RS_EVENTS_SOCK="$RS_DIR/run/events.sock"
	RS_PID=""
	RS_PORT=""
	RS_STATUS=""
	RS_SMTP_PORT=""		# set by rs_smtp_start
	RS_SIEM_PORT=""		# set by rs_tcp_sink_start
	mkdir -p "$RS_ROUTES" "$RS_DIR/work" "$RS_DIR/run" "$RS_DIR/log" \
		"$RS_DIR/state" "$RS_DIR/etc" || return 1
	: >"$RS_DIR/extra.conf"
	: >"$RS_DIR/etc/access"
}

# rs_sed_escape TEXT - TEXT safe as a sed replacement with | as delimiter
rs_sed_escape() { printf '%s' "$1" | sed 's/[&|\\]/\\&/g'; }

# rs_subst - stdin to stdout, deployment defaults replaced by private paths,
# the mail server and the SIEM by the sinks (or a dead loopback port)
rs_subst() {
	set -- \
	    -e "s|/usr/local/bin/phishwatch|$(rs_sed_escape "$RS_BINARY")|g" \
	    -e "s|/usr/local/share/phishwatch/sendmail.rb|$(rs_sed_escape "$RS_RULEBASE")|g" \
	    -e "s|/usr/local/share/phishwatch/sendmail-syslog.rb|$(rs_sed_escape "$RS_SYSLOG_RULEBASE")|g" \
	    -e "s|/usr/local/share/phishwatch/postfix-syslog.rb|$(rs_sed_escape "$TOP/rulebase/postfix-syslog.rb")|g" \
	    -e "s|/usr/local/share/phishwatch/exim-syslog.rb|$(rs_sed_escape "$TOP/rulebase/exim-syslog.rb")|g" \
	    -e "s|/etc/rsyslog.d/phishwatch/|$(rs_sed_escape "$RS_ROUTES")/|g" \
	    -e "s|/etc/mail/access|$(rs_sed_escape "$RS_DIR/etc/access")|g" \
	    -e "s|/run/phishwatch/|$(rs_sed_escape "$RS_DIR/run")/|g" \
	    -e "s|/var/log/phishwatch/|$(rs_sed_escape "$RS_DIR/log")/|g" \
	    -e "s|/var/lib/phishwatch/|$(rs_sed_escape "$RS_DIR/state")/|g" \
	    -e "s|server=\"127.0.0.1\" port=\"25\"|server=\"127.0.0.1\" port=\"${RS_SMTP_PORT:-$RS_NO_PORT}\"|" \
	    -e "s|target=\"siem.example.org\" port=\"514\"|target=\"127.0.0.1\" port=\"${RS_SIEM_PORT:-$RS_NO_PORT}\"|"
	sed "$@"
}

# rs_leftovers FILE - deployment paths or hosts still in FILE's statements
rs_leftovers() {
	grep -v '^[[:space:]]*#' "$1" | grep -nE \
	    '/usr/local/|/etc/rsyslog\.d|/etc/mail/|/run/phishwatch|/var/(log|lib)/phishwatch|siem\.example\.org|port="(25|514)"'
}

# rs_install NAME... - shipped drop-ins into the private tree, rewritten:
# phishwatch*.conf where /etc/rsyslog.d/ has them, route-*.conf (and any
# other name) where phishwatch.conf includes its routes from
rs_install() {
	for _rs_name in "$@"; do
		case $_rs_name in
		phishwatch*.conf) _rs_dest="$RS_DIR/conf/$_rs_name" ;;
		*) _rs_dest="$RS_ROUTES/$_rs_name" ;;
		esac
		rs_subst <"$RS_SHIPPED/$_rs_name" >"$_rs_dest" || return 1
	done
}

# rs_conf_add TEXT - configuration read before the drop-ins (templates,
# test actions); may use $RS_DIR
rs_conf_add() { printf '%s\n' "$1" >>"$RS_DIR/extra.conf"; }

# rs_main_conf - the private rsyslog.conf: what Debian's main config does
# (imuxsock loaded, a work directory, the drop-ins included), nothing more
rs_main_conf() {
	cat >"$RS_CONF" <<-EOF
	# private rsyslogd for a test; generated by rsyslog-lib.sh
	global(workDirectory="$RS_DIR/work" processInternalMessages="on"
	       net.enableDNS="off")
	module(load="imuxsock" SysSock.Use="off")
	module(load="imtcp")
	input(type="imtcp" address="127.0.0.1" port="0"
	      listenPortFileName="$RS_DIR/port")
	if \$programname == "rsyslogd" then {
		action(type="omfile" file="$RS_DIR/rsyslogd.log")
		stop
	}
	include(file="$RS_DIR/extra.conf")
	include(file="$RS_DIR/conf/*.conf" mode="optional")
	EOF
}

# rs_check - rsyslogd -N1 on the private tree; its output on stdout
rs_check() {
	rs_main_conf || return 1
	RSYSLOG_DFLT_LOG_INTERNAL=1 rsyslogd -N1 -f "$RS_CONF" 2>&1
}

# rs_alive PID - the process exists and is not a zombie
rs_alive() {
	_rs_state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$_rs_state" ] && [ "${_rs_state%% *}" != Z ]
}

# rs_ready - the TCP port is written and the events socket (if any) exists
rs_ready() {
	[ -s "$RS_DIR/port" ] || return 1
	RS_PORT=$(cat "$RS_DIR/port")
	case $RS_PORT in '' | *[!0-9]*) return 1 ;; esac
	if grep -qs 'type="imuxsock"' "$RS_DIR"/conf/*.conf; then
		[ -S "$RS_EVENTS_SOCK" ] || return 1
	fi
}

# rs_start - start the private rsyslogd in the background, wait until it
# listens; 1 (with diagnostics) when it does not come up
rs_start() {
	rs_main_conf || return 1
	rm -f "$RS_DIR/port"
	RSYSLOG_DFLT_LOG_INTERNAL=1 rsyslogd -n -f "$RS_CONF" \
		-i "$RS_DIR/rsyslogd.pid" >"$RS_DIR/rsyslogd.out" 2>&1 &
	RS_PID=$!
	track_pid "$RS_PID"
	wait_for 'rs_ready || ! rs_alive "$RS_PID"' "$RS_WAIT"
	if ! rs_alive "$RS_PID" || ! rs_ready; then
		diag "private rsyslogd did not come up:"
		rs_diag
		return 1
	fi
}

# rs_diag - what the private rsyslogd said, as TAP comments
rs_diag() {
	for _rs_f in "$RS_DIR/rsyslogd.out" "$RS_DIR/rsyslogd.log" \
		"$RS_DIR/log/phishwatch.err"; do
		[ -s "$_rs_f" ] && sed "s|^|# ${_rs_f##*/}: |" "$_rs_f" | tail -n 20
	done
	return 0
}

# rs_stop - SIGTERM by pid, wait (SIGKILL after $RS_WAIT s); RS_STATUS
rs_stop() {
	[ -n "$RS_PID" ] || return 0
	kill -TERM "$RS_PID" 2>/dev/null
	if ! wait_for '! rs_alive "$RS_PID"' "$RS_WAIT"; then
		diag "rsyslogd $RS_PID ignored SIGTERM; killing it"
		kill -KILL "$RS_PID" 2>/dev/null
	fi
	wait "$RS_PID" 2>/dev/null
	RS_STATUS=$?
	RS_PID=""
}

# rs_send LINE... - one TCP connection, each LINE LF-framed, sent as is
# (give the syslog header yourself: "<22>Mar  3 10:00:01 mx1 sm-mta[1]: ...")
rs_send() {
	(
		exec 9<>"/dev/tcp/127.0.0.1/$RS_PORT" || exit 1
		printf '%s\n' "$@" >&9
	)
}

# rs_send_file FILE - FILE's lines over one TCP connection, as they are
rs_send_file() {
	(
		exec 9<>"/dev/tcp/127.0.0.1/$RS_PORT" || exit 1
		cat "$1" >&9
	)
}

# rs_mta LINE... - each LINE (as tests/lib.sh's from_line writes it, no
# PRI) framed as mail.info and sent over one connection
rs_mta() {
	_rs_framed=()
	for _rs_line in "$@"; do
		_rs_framed+=("<22>$_rs_line")
	done
	rs_send "${_rs_framed[@]}"
}

# rs_children - pids of the programs rsyslogd runs (omprog), one a line
rs_children() {
	cat /proc/"$RS_PID"/task/*/children 2>/dev/null | tr ' ' '\n' |
		grep -v '^$'
}

# rs_counter NAME - NAME's value in the last counters line phishwatch
# wrote to the omprog output= file (its exit line, or a SIGUSR1 one)
rs_counter() {
	sed -n "s/^[0-9TZ:.-]* *phishwatch: info: [a-z]*:.* $1=\([0-9]*\).*/\1/p" \
		"$RS_DIR/log/phishwatch.err" 2>/dev/null | tail -n 1
}

# rs_catches PID SIGNAL - PID has a handler for SIGNAL (a number); a
# program just forked, or not yet past its set-up, would die of it
rs_catches() {
	_rs_mask=$(sed -n 's/^SigCgt:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null)
	[ -n "$_rs_mask" ] && [ $(((0x$_rs_mask >> ($2 - 1)) & 1)) -eq 1 ]
}

# rs_read_at_least N - ask the running phishwatch for its counters
# (SIGUSR1) until it says it has read N lines; 1 after $RS_WAIT s
rs_read_at_least() {
	_rs_i=0
	while [ $_rs_i -lt $((RS_WAIT * 5)) ]; do
		for _rs_child in $(rs_children); do
			rs_catches "$_rs_child" "$(kill -l USR1)" &&
				kill -USR1 "$_rs_child" 2>/dev/null
		done
		sleep 0.2
		[ "$(rs_counter lines)" -ge "$1" ] 2>/dev/null && return 0
		_rs_i=$((_rs_i + 1))
	done
	return 1
}

# rs_logger TAG MESSAGE - one line through util-linux logger, RFC 3164
rs_logger() {
	logger --tcp -n 127.0.0.1 -P "$RS_PORT" --rfc3164 -p mail.info \
		-t "$1" -- "$2"
}

# rs_send_dgram SOCKET TEXT - TEXT as one datagram, byte for byte
rs_send_dgram() {
	python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.connect(sys.argv[1])
s.send(sys.argv[2].encode())' "$1" "$2"
}

# rs_lines_at_least FILE N - FILE exists with at least N lines
rs_lines_at_least() { [ -f "$1" ] && [ "$(wc -l <"$1")" -ge "$2" ]; }

# rs_python_with MODULE - a python3 that imports MODULE (Debian's
# python3-aiosmtpd is not seen by a pyenv python3 first in PATH)
rs_python_with() {
	for _rs_py in python3 /usr/bin/python3; do
		if "$_rs_py" -c "import $1" 2>/dev/null; then
			echo "$_rs_py"
			return 0
		fi
	done
	return 1
}

# rs_wait_port_file FILE PID - the sink wrote its port, or died
rs_wait_port_file() {
	wait_for "[ -s \"$1\" ] || ! rs_alive $2" "$RS_WAIT" && [ -s "$1" ]
}

# rs_smtp_start [refuse] - a real SMTP server (aiosmtpd) on a loopback
# port the kernel picks; each mail a file in $RS_MAILDIR/new.  With
# "refuse", every RCPT TO gets "550 5.1.1 User unknown" (a stock Debian
# sendmail's answer for a recipient it lacks), and each one is a line in
# $RS_DIR/smtp.refused.  Sets RS_SMTP_PORT.
rs_smtp_start() {
	_rs_py=$(rs_python_with aiosmtpd) || return 1
	RS_MAILDIR="$RS_DIR/maildir"
	"$_rs_py" -c 'import asyncio, os, sys
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP

class Refuse(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, options):
        with open(sys.argv[3], "a") as f:
            f.write("RCPT TO:<%s>\n" % address)
        return "550 5.1.1 <%s>... User unknown" % address

async def serve(port_file, maildir):
    loop = asyncio.get_running_loop()
    handler = Refuse if sys.argv[3] else Mailbox
    server = await loop.create_server(lambda: SMTP(handler(maildir)),
                                      "127.0.0.1", 0)
    with open(port_file + ".tmp", "w") as f:
        f.write("%d\n" % server.sockets[0].getsockname()[1])
    os.rename(port_file + ".tmp", port_file)
    await server.serve_forever()

asyncio.run(serve(sys.argv[1], sys.argv[2]))' \
		"$RS_DIR/smtp.port" "$RS_MAILDIR" \
		"${1:+$RS_DIR/smtp.refused}" 2>"$RS_DIR/smtp.err" &
	RS_SMTP_PID=$!
	track_pid "$RS_SMTP_PID"
	rs_wait_port_file "$RS_DIR/smtp.port" "$RS_SMTP_PID" || return 1
	RS_SMTP_PORT=$(cat "$RS_DIR/smtp.port")
}

# rs_tcp_sink_start - a TCP listener (the "SIEM") that appends all it
# receives to $RS_SIEM_OUT.  Sets RS_SIEM_PORT.
rs_tcp_sink_start() {
	RS_SIEM_OUT="$RS_DIR/siem.out"
	python3 -c 'import os, socket, sys
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(8)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d\n" % srv.getsockname()[1])
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
with open(sys.argv[2], "ab", 0) as out:
    while True:
        conn, _ = srv.accept()
        while True:
            data = conn.recv(65536)
            if not data:
                break
            out.write(data)
        conn.close()' "$RS_DIR/siem.port" "$RS_SIEM_OUT" 2>"$RS_DIR/siem.err" &
	RS_SIEM_PID=$!
	track_pid "$RS_SIEM_PID"
	rs_wait_port_file "$RS_DIR/siem.port" "$RS_SIEM_PID" || return 1
	RS_SIEM_PORT=$(cat "$RS_DIR/siem.port")
}

# rs_kill PID - stop a helper started here: SIGTERM, wait
rs_kill() {
	[ -n "$1" ] || return 0
	kill -TERM "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	return 0
}

# rs_stub_phishwatch FILE - a stand-in for phishwatch --omprog, in bash,
# speaking the confirmMessages protocol like the real one must: "OK" when
# ready, then one reply per line.  It appends its pid to STATE.pid (STATE
# from -s), appends each line to STATE.lines, and for the first sender under each brand whose host
# starts with "emalsrv." sends an event to the -o syslog:SOCKET socket.
# SIGHUP is recorded in STATE.signals.  Lets the configs be tested before
# the real binary exists.
rs_stub_phishwatch() {
	cat >"$1" <<-'EOF'
	#!/usr/bin/env bash
	state=/dev/null sock=
	while [ $# -gt 0 ]; do
		case $1 in
		-s) state=$2; shift ;;
		-o) sock=${2#syslog:}; shift ;;
		esac
		shift
	done
	trap 'echo HUP >>"$state.signals"' HUP
	echo $$ >>"$state.pid"
	echo OK
	while IFS= read -r line; do
		printf '%s\n' "$line" >>"$state.lines"
		case $line in
		*"from=<"*@emalsrv.*">"*) ;;
		*) echo OK; continue ;;
		esac
		sender=${line#*from=<}; sender=${sender%%>*}
		host=${sender#*@}; brand=${host#*.}
		qid=${line#*]: }; qid=${qid%%:*}
		if grep -qsxF "$brand" "$state.seen"; then echo OK; continue; fi
		event=$(printf '{"@timestamp":"%s","event":{"kind":"alert","action":"phished-domain-first-seen","category":["email","threat"]},"email":{"from":{"address":["%s"]},"local_id":"%s"},"rule":{"name":"label:emalsrv"},"phishwatch":{"phished_domain":"%s","sender_domain":"%s","suggested_access":"%s\\tERROR:\\"550 5.7.1 Sender banned\\""}}' \
			"$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$sender" "$qid" \
			"$brand" "$host" "$host")
		if logger -u "$sock" --socket-errors=on --id=$$ -t phishwatch \
			-p mail.notice -- "@cee:$event"; then
			echo "$brand" >>"$state.seen"
			echo OK
		else
			echo "RETRY event not sent"
		fi
	done
	EOF
	chmod +x "$1"
}

# ---------------------------------------------------------------------------
# Fan-in (tests/integration/fanin.t): several private rsyslogd at once, the
# MTAs' forwarders and the central aggregator, joined by RELP or TCP on
# loopback ports.  Added functions only; nothing above depends on them.
#
#	RS_FANIN_PORT=$(rs_free_port)      # the aggregator's RELP port
#	RS_FANIN_TCP_PORT=$(rs_free_port)  # and its plain TCP one
#	rs_setup agg; rs_install phishwatch.conf route-file.conf
#	rs_install_top fanin-aggregator.conf; rs_start; rs_save agg
#	rs_setup mx1; rs_install_top fanin-forwarder.conf; rs_start; rs_save mx1
#	rs_use mx1; rs_send "<22>Mar  3 10:00:01 mx1 sm-mta[1]: ..."
#	rs_send_paced "$TMP/mx1.log" 4     # its lines, spread over 4 seconds
#	rs_use agg; rs_stop; ...; rs_start; rs_save agg  # same tree and
#	                                   # ports, a new pid

# What rs_save and rs_use carry: the state of one private rsyslogd.
RS_STATE_VARS="RS_DIR RS_CONF RS_ROUTES RS_EVENTS_SOCK RS_PID RS_PORT
RS_STATUS RS_SMTP_PORT RS_SIEM_PORT"

# rs_save NAME - keep the rs_ state of the current daemon under NAME
# (letters, digits, _); rs_use NAME makes it current again
rs_save() {
	case $1 in '' | *[!A-Za-z0-9_]*) return 1 ;; esac
	for _rs_v in $RS_STATE_VARS; do
		eval "_rs_saved_${1}_$_rs_v=\${$_rs_v}"
	done
}

# rs_use NAME - the daemon saved as NAME becomes the current one
rs_use() {
	case $1 in '' | *[!A-Za-z0-9_]*) return 1 ;; esac
	for _rs_v in $RS_STATE_VARS; do
		eval "$_rs_v=\${_rs_saved_${1}_$_rs_v-}"
	done
}

# rs_free_port - a loopback TCP port free right now (the kernel's pick),
# for listeners that cannot write the port they got (imrelp)
rs_free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# rs_listening PORT - something listens on TCP PORT (IPv4 or IPv6)
rs_listening() {
	_rs_hex=$(printf ':%04X' "$1")
	awk -v p="$_rs_hex" 'substr($2, length($2) - 4) == p && $4 == "0A" { f = 1 }
		END { exit !f }' /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# rs_fanin_subst - stdin to stdout: rs_subst, and the fan-in drop-ins'
# central host and ports replaced: 127.0.0.1, $RS_FANIN_PORT for RELP,
# $RS_FANIN_TCP_PORT for plain TCP (a dead loopback port when unset)
rs_fanin_subst() {
	rs_subst | sed \
	    -e "s|target=\"loghost.example.org\"|target=\"127.0.0.1\"|" \
	    -e "s|port=\"2514\"|port=\"${RS_FANIN_PORT:-$RS_NO_PORT}\"|" \
	    -e "s|port=\"10514\"|port=\"${RS_FANIN_TCP_PORT:-$RS_NO_PORT}\"|"
}

# rs_fanin_leftovers FILE - fan-in deployment hosts or ports still in
# FILE's statements (rs_leftovers checks the other paths)
rs_fanin_leftovers() {
	grep -v '^[[:space:]]*#' "$1" | grep -nE \
	    'loghost\.example\.org|port="(2514|10514)"'
}

# rs_install_top NAME... - shipped drop-ins into the private tree as
# top-level files (where /etc/rsyslog.d/ has them), rewritten with
# rs_fanin_subst: the fan-in configs, which declare modules, inputs and
# rulesets and so cannot go where phishwatch.conf includes its routes
rs_install_top() {
	for _rs_name in "$@"; do
		rs_fanin_subst <"$RS_SHIPPED/$_rs_name" \
			>"$RS_DIR/conf/$_rs_name" || return 1
	done
}

# rs_send_paced FILE SECONDS - FILE's lines to the current daemon's TCP
# port on one connection, spread evenly over SECONDS (a stream that goes
# on while something else happens; rs_send_file sends them at once)
rs_send_paced() {
	python3 -c 'import socket, sys, time
port, path, span = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
with open(path, "rb") as f:
    lines = f.readlines()
s = socket.create_connection(("127.0.0.1", port))
step = max(1, len(lines) // 100)
start = time.monotonic()
for i in range(0, len(lines), step):
    s.sendall(b"".join(lines[i:i + step]))
    time.sleep(max(0.0, start + span * (i + step) / len(lines)
                   - time.monotonic()))
s.close()' "$RS_PORT" "$1" "$2"
}

# rs_have_module NAME - this rsyslogd can load module NAME (e.g. imrelp,
# from Debian's rsyslog-relp)
rs_have_module() {
	_rs_probe="$TMP/probe-$1.conf"
	printf 'module(load="%s")\naction(type="omfile" file="/dev/null")\n' \
		"$1" >"$_rs_probe"
	RSYSLOG_DFLT_LOG_INTERNAL=1 rsyslogd -N1 -f "$_rs_probe" >/dev/null 2>&1
}

# The blocking table of the MTA recordings (tests/mta), as the drop-ins'
# sendmail access map.
RS_RECORDING_ACCESS='From:linkedinmail.com	REJECT
From:emalsrv.linkedin.com	REJECT
From:emalsrv.ups.com	DISCARD'

# rs_recording CONF REC LINE... - an MTA's recording REC, then the LINEs
# (other programs' lines, and a last campaign of the-end.com whose event
# says every line before it is done), through a private rsyslogd with
# CONF and route-file.conf, as mail.info, with $RS_RECORDING_ACCESS and
# the configuration $RS_RECORDING_CONF (if set) before the drop-ins;
# the tree in $RS_DIR (integration/exim.t, postfix.t and utf8.t)
rs_recording() {
	local conf=$1 rec=$2
	shift 2
	rs_setup "${conf%.conf}${RS_RECORDING_CONF:+-extra}"
	[ -z "${RS_RECORDING_CONF:-}" ] || rs_conf_add "$RS_RECORDING_CONF"
	printf '%s\n' "$RS_RECORDING_ACCESS" >"$RS_DIR/etc/access"
	rs_install "$conf" route-file.conf
	rs_start || return 1
	sed 's/^/<22>/' "$rec" >"$RS_DIR/in"
	printf '<22>%s\n' "$@" >>"$RS_DIR/in"
	rs_send_file "$RS_DIR/in"
	wait_for 'grep -qs the-end.com "$RS_DIR/log/events.json"' 60
	rs_stop
}

# rs_campaign_counts DB - the store's campaigns and their counts, as text
rs_campaign_counts() {
	sqlite3 "$1" \
		'SELECT phished_domain, messages, recipients, delivered,
			deferred, bounced, rejected, discarded
		 FROM campaigns ORDER BY phished_domain;' 2>/dev/null
}

# rs_first_seen EVENTS - the phished domains of the first-seen events of
# the file EVENTS, in order, on one line
rs_first_seen() {
	jq -r 'select(.event.action == "phished-domain-first-seen")
		| .phishwatch.phished_domain' "$1" 2>/dev/null | tr '\n' ' '
}

# rs_same_as_file SIDE DIR EVENTS DB - three checks: the rsyslogd run of
# $DIR gave the first-seen events (in order), the number of events and
# the campaign counts that phishwatch gave reading the file itself
# (its events in EVENTS, its store DB)
rs_same_as_file() {
	is "$(rs_first_seen "$2/log/events.json")" "$(rs_first_seen "$3")" \
		"$1: the same first-seen events, in the same order"
	is "$(wc -l <"$2/log/events.json")" "$(wc -l <"$3")" \
		"$1: as many events in all"
	is "$(rs_campaign_counts "$2/state/state.db")" \
		"$(rs_campaign_counts "$4")" \
		"$1: the same campaign counts as from the file"
}
