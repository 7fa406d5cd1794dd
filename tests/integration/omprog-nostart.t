#!/usr/bin/env bash
# omprog-nostart.t - phishwatch cannot start under a real rsyslogd: the
# shipped phishwatch.conf and phishwatch-mmnormalize.conf, each with
# route-file.conf, exactly as installed (paths moved into the test's
# directory, nothing else changed), while the access map is missing.
# phishwatch exits at start-up again and again; rsyslogd must stay up,
# keep writing other programs' lines, and hold the sendmail lines.  Once
# the access map appears, the next start succeeds, phishwatch reads the
# held lines and the campaign's event arrives, once.
#
# rsyslog 8.2302's omprog, given forceSingleInstance="on", died of the
# first such exit (segmentation fault): this test catches a config that
# brings that back.  Both daemons run side by side, to share the waits
# for rsyslog's retries (resumeInterval, 10 s).

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

export TZ=UTC

rs_need rsyslogd jq

CASES="raw mmn"		# phishwatch.conf, phishwatch-mmnormalize.conf
FAILS=3			# failed starts to see before the map appears
LONG=120		# seconds: several of rsyslog's retries on a loaded machine

# dropin CASE - the shipped drop-in of CASE
dropin() {
	case $1 in
	raw) echo phishwatch.conf ;;
	mmn) echo phishwatch-mmnormalize.conf ;;
	esac
}

# failed_starts - how often phishwatch has said that the map is missing;
# 0 before phishwatch has written its log, so that the count is always a
# number for the tests' -ge
failed_starts() {
	if [ -f "$RS_DIR/log/phishwatch.err" ]; then
		grep -c 'error: access map .*: No such file or directory' \
			"$RS_DIR/log/phishwatch.err"
	else
		echo 0
	fi
}

# all_cases COMMAND - COMMAND holds for every case's daemon
all_cases() {
	for _c in $CASES; do
		rs_use "$_c"
		eval "$1" || return 1
	done
}

# enough_failures_or_dead - FAILS failed starts seen, or rsyslogd is gone
enough_failures_or_dead() {
	! rs_alive "$RS_PID" || [ "$(failed_starts)" -ge "$FAILS" ]
}

# other_line N - a line of another program (cron), not for phishwatch
other_line() { echo "<78>Jul  3 14:12:30 mx1 cron[77]: other program, line $1"; }

for c in $CASES; do
	rs_setup "$c"
	rm -f "$RS_DIR/etc/access"
	rs_conf_add "if \$programname == \"cron\" then {
	action(type=\"omfile\" file=\"$RS_DIR/log/other.log\")
	stop
}"
	rs_install "$(dropin "$c")" route-file.conf
	rs_start
	ok $? "$c: rsyslogd starts with $(dropin "$c"), the access map missing"
	rs_save "$c"
	rs_mta "$(from_line m1 '<a@emalsrv.marriott.com>')" \
		"$(to_line m1 '<x@example.org>')" \
		"$(from_line m2 '<b@emalsrv.marriott.com>')"
	ok $? "$c: three sendmail lines sent"
	rs_send "$(other_line 1)"
done

wait_for 'all_cases enough_failures_or_dead' "$LONG"
for c in $CASES; do
	rs_use "$c"
	rs_alive "$RS_PID"
	ok $? "$c: rsyslogd (pid $RS_PID) still runs after phishwatch failed to start"
	[ "$(failed_starts)" -ge "$FAILS" ]
	ok $? "$c: phishwatch failed to start $FAILS times or more (saw $(failed_starts))"
	rs_alive "$RS_PID" || rs_diag
done

# other programs' lines still arrive while phishwatch cannot start
for c in $CASES; do
	rs_use "$c"
	rs_send "$(other_line 2)"
done
for c in $CASES; do
	rs_use "$c"
	wait_for 'grep -qs "other program, line 2" "$RS_DIR/log/other.log" ||
		! rs_alive "$RS_PID"' 30
	is "$(grep -c 'other program' "$RS_DIR/log/other.log" 2>/dev/null)" 2 \
		"$c: another program's lines are written meanwhile"
	ok "$([ ! -e "$RS_DIR/log/events.json" ]; echo $?)" \
		"$c: no event yet (the sendmail lines wait)"
done

# the access map appears: the next start succeeds
for c in $CASES; do
	rs_use "$c"
	printf 'emalsrv.ups.com\tREJECT\n' >"$RS_DIR/etc/access"
done
for c in $CASES; do
	rs_use "$c"
	wait_for 'rs_lines_at_least "$RS_DIR/log/events.json" 1 ||
		! rs_alive "$RS_PID"' "$LONG"
	rs_lines_at_least "$RS_DIR/log/events.json" 1
	ok $? "$c: once the access map is there, the event arrives"
	rs_read_at_least 3
	ok $? "$c: phishwatch read the three held lines"
done

for c in $CASES; do
	rs_use "$c"
	rs_stop
	is "$RS_STATUS" 0 "$c: rsyslogd stops by pid"
	is "$(jq -r '.phishwatch.phished_domain' "$RS_DIR/log/events.json" 2>/dev/null |
		tr '\n' ' ')" "marriott.com " "$c: one event in all, for marriott.com"
	like "$(grep 'phishwatch: info: exit:' "$RS_DIR/log/phishwatch.err")" \
		'^[0-9TZ:.-]+ phishwatch: info: exit: lines=3 .* events=1 ' \
		"$c: phishwatch read each held line once and wrote one event"
	unlike "$(cat "$RS_DIR/rsyslogd.log" "$RS_DIR/rsyslogd.out" 2>/dev/null)" \
		'queue full|discard' "$c: rsyslogd dropped nothing"
done

# --- a long outage: the queue full -------------------------------------
# The same drop-ins, their queues cut to 10 lines in memory and 10 KiB on
# disk (the only change), so that a few lines fill them.  A full queue
# must drop phishwatch's copy of a new line at once: rsyslog's default is
# to hold the main queue, and every other log with it, 2 s for each such
# line (a hundred lines: three minutes).

for c in $CASES; do
	rs_setup "$c-full"
	rm -f "$RS_DIR/etc/access"
	rs_conf_add "if \$programname == \"cron\" then {
	action(type=\"omfile\" file=\"$RS_DIR/log/other.log\")
	stop
}"
	rs_install "$(dropin "$c")"
	sed -i -e 's/queue\.size="100000"/queue.size="10"/' \
		-e 's/queue\.maxDiskSpace="1g"/queue.maxDiskSpace="10k"/' \
		"$RS_DIR/conf/$(dropin "$c")"
	rs_start
	ok $? "$c: rsyslogd starts with a small queue"
	rs_save "${c}_full"
	lines=()
	for i in $(seq 100); do
		lines+=("<22>$(from_line "q$i" "<a$i@example.org>")")
	done
	rs_send "${lines[@]}" "$(other_line 3)"
done
for c in $CASES; do
	rs_use "${c}_full"
	wait_for 'grep -qs "other program, line 3" "$RS_DIR/log/other.log" ||
		! rs_alive "$RS_PID"' 30
	grep -qs "other program, line 3" "$RS_DIR/log/other.log"
	ok $? "$c: queue full: another program's line behind 100 sendmail lines is written"
	rs_alive "$RS_PID"
	ok $? "$c: and rsyslogd runs on"
	rs_stop
	is "$RS_STATUS" 0 "$c: rsyslogd stops by pid"
done

done_testing
