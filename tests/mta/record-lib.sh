#!/usr/bin/env bash
# record-lib.sh - what record-postfix.sh and record-sendmail.sh share:
# waiting for a condition, processes stopped by pid, loopback ports, the
# milter that refuses at end of message, recordings with no name of the
# machine that made them.  Sourced; the caller sets W (its work
# directory), WAIT (seconds at most) and STARTED (pids to stop at exit).

# wait_for COND [SECONDS] - poll until COND succeeds
wait_for() {
	_i=0
	while ! eval "$1"; do
		_i=$((_i + 1))
		[ $_i -ge $(( ${2:-$WAIT} * 5 )) ] && return 1
		sleep 0.2
	done
}

# alive PID - the process exists and is no zombie
alive() {
	_st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$_st" ] && [ "${_st%% *}" != Z ]
}

# stop_pid PID - SIGTERM, wait until gone (SIGKILL after $WAIT s)
stop_pid() {
	[ -n "$1" ] || return 0
	kill -TERM "$1" 2>/dev/null
	wait_for "! alive $1" || kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	return 0
}

# free_port - a loopback TCP port nobody listens on now
free_port() {
	python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# listening PORT - something listens on loopback TCP PORT
listening() {
	_hex=$(printf ':%04X' "$1")
	awk -v p="$_hex" 'substr($2, length($2) - 4) == p && $4 == "0A" { f = 1 }
		END { exit !f }' /proc/net/tcp /proc/net/tcp6
}

# start_milter PORT - a milter on PORT that rejects, at end of message,
# mail whose Subject says "milter"; MILTER_PID
start_milter() {
	/usr/bin/python3 -c 'import sys, Milter
class Reject(Milter.Base):
    def __init__(self):
        self.bad = False
    def header(self, name, value):
        if name.lower() == "subject" and "milter" in value:
            self.bad = True
        return Milter.CONTINUE
    def eom(self):
        if self.bad:
            self.setreply("550", "5.7.1", "Message content rejected")
            return Milter.REJECT
        return Milter.ACCEPT
Milter.factory = Reject
Milter.runmilter("scenario", "inet:%s@127.0.0.1" % sys.argv[1], 60)' \
		"$1" >"$W/milter.out" 2>&1 &
	MILTER_PID=$!
	STARTED="$STARTED $MILTER_PID"
	wait_for "listening $1 || ! alive $MILTER_PID" && listening "$1"
}

# neutral FILE - FILE with this machine's name and paths replaced
neutral() {
	sed -e "s|$W|/tmp/record|g" \
	    -e "s/\\b$(hostname -s)\\b/mx1/g" "$1"
}

# start_rsyslog RUN - a private rsyslogd on $W/log.sock writing RUN's
# two files; RS_PID
start_rsyslog() {
	mkdir -p "$W/rs-$1"
	cat >"$W/rs-$1/rsyslog.conf" <<-EOF
	global(workDirectory="$W/rs-$1" processInternalMessages="on"
	       localHostname="mx1" net.enableDNS="off")
	module(load="imuxsock" SysSock.Use="off")
	input(type="imuxsock" Socket="$W/log.sock" RateLimit.Interval="0")
	if \$programname == "rsyslogd" then {
		action(type="omfile" file="$W/rs-$1/rsyslogd.log")
		stop
	}
	action(type="omfile" file="$W/$1.3164.log"
	       template="RSYSLOG_TraditionalFileFormat")
	action(type="omfile" file="$W/$1.3339.log"
	       template="RSYSLOG_FileFormat")
	EOF
	rm -f "$W/log.sock"
	rsyslogd -n -f "$W/rs-$1/rsyslog.conf" -i "$W/rs-$1/pid" \
		>"$W/rs-$1/out" 2>&1 &
	RS_PID=$!
	STARTED="$STARTED $RS_PID"
	wait_for "[ -S $W/log.sock ] || ! alive $RS_PID"
	[ -S "$W/log.sock" ] || { cat "$W/rs-$1/out"; return 1; }
	# for a daemon's process that logs after it has given up root
	chmod 666 "$W/log.sock"
}
