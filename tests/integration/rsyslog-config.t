#!/usr/bin/env bash
# rsyslog-config.t - the shipped rsyslog drop-ins load in rsyslogd, and the
# private-rsyslogd harness (rsyslog-lib.sh) works; needs no phishwatch
# binary: the omprog action runs a stand-in that speaks the same protocol.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

if ! command -v rsyslogd >/dev/null; then
	echo "1..0 # SKIP rsyslogd not installed"
	exit 0
fi

# A minimal v2 rulebase, for -N1 and the mmnormalize run while the
# project's rulebase is not written yet.
STUB_RULEBASE="$TMP/stub.rb"
printf '%s\n' 'version=2' \
	'rule=:%date:word% %host:word% %tag:char-to{"extradata":":"}%: %qid:char-to{"extradata":":"}%: %rest:rest%' \
	>"$STUB_RULEBASE"
[ -s "$RS_RULEBASE" ] || RS_RULEBASE=$STUB_RULEBASE

# check_dropins NAME... - rsyslogd -N1 on a private tree holding NAMEs
check_dropins() {
	rs_setup "check-$_check_n"
	_check_n=$((_check_n + 1))
	rs_install "$@"
	_check_out=$(rs_check)
	_check_rc=$?
	ok "$_check_rc" "rsyslogd -N1 accepts $*"
	[ "$_check_rc" -eq 0 ] || printf '%s\n' "$_check_out" | sed 's/^/# /'
	_check_left=$(for f in "$RS_DIR"/conf/*.conf "$RS_ROUTES"/*.conf; do
		[ -f "$f" ] && rs_leftovers "$f"; done)
	is "$_check_left" "" "no deployment path left in the test copy of $*"
}
_check_n=0

# check_fanin "TOP..." DROPIN... - the same for fan-in drop-ins, which are
# top-level files (modules, inputs, rulesets): TOPs beside the DROPINs
check_fanin() {
	rs_setup "check-$_check_n"
	_check_n=$((_check_n + 1))
	_check_top=$1
	shift
	rs_install "$@"
	# shellcheck disable=SC2086 # one word per file
	rs_install_top $_check_top
	_check_out=$(rs_check)
	_check_rc=$?
	ok "$_check_rc" "rsyslogd -N1 accepts $_check_top${1:+ beside $*}"
	[ "$_check_rc" -eq 0 ] || printf '%s\n' "$_check_out" | sed 's/^/# /'
	_check_left=$(for f in "$RS_DIR"/conf/*.conf "$RS_ROUTES"/*.conf; do
		[ -f "$f" ] || continue
		rs_leftovers "$f"
		rs_fanin_leftovers "$f"
	done)
	is "$_check_left" "" "no deployment path, host or port left in the test copy of $_check_top"
}

# --- every shipped drop-in loads ---------------------------------------

for f in "$RS_SHIPPED"/*.conf; do
	name=${f##*/}
	case $name in
	phishwatch*.conf) check_dropins "$name" ;;
	# on an MTA: alone; on the central host: with phishwatch.conf
	fanin-forwarder*.conf) check_fanin "$name" ;;
	fanin-*.conf) check_fanin "$name" phishwatch.conf route-file.conf ;;
	*) check_dropins phishwatch.conf "$name" ;;
	esac
done
# shellcheck disable=SC2046 # one word per file
check_fanin "$(cd "$RS_SHIPPED" && echo fanin-aggregator*.conf)" \
	phishwatch.conf $(cd "$RS_SHIPPED" && ls route-*.conf)
routes=$(cd "$RS_SHIPPED" && ls route-*.conf)
# shellcheck disable=SC2086 # one word per route file
check_dropins phishwatch.conf $routes
# shellcheck disable=SC2086
check_dropins phishwatch-mmnormalize.conf $routes

for f in "$RS_SHIPPED"/*.conf; do
	head -n 12 "$f" | grep -q '^# When to use:'
	ok $? "${f##*/} says in its header when to use it"
done

# rsyslog 8.2302's omprog dies (segmentation fault) when a program it
# started with forceSingleInstance exits before its first OK, e.g. for a
# missing access map: no shipped statement may set it (omprog-nostart.t
# runs the failure itself)
for f in "$RS_SHIPPED"/*.conf; do
	grep -v '^[[:space:]]*#' "$f" | grep -qi 'forceSingleInstance'
	ok $((! $?)) "${f##*/} does not set forceSingleInstance"
done

# Every shipped omprog action is fed one line a batch
# (queue.dequeueBatchSize 1 on its own queue, or on its ruleset's): a
# shutdown that cancels a phishwatch still busy then loses only the line
# it holds, not the rest of a batch of up to 128 (omprog-queues.py).
omprog_confs=$(grep -l 'type="omprog"' "$RS_SHIPPED"/*.conf)
ok "$([ -n "$omprog_confs" ]; echo $?)" "shipped drop-ins with an omprog action: $(echo $omprog_confs | sed 's|[^ ]*/||g')"
for f in $omprog_confs; do
	out=$(python3 "$TOP/tests/integration/omprog-queues.py" "$f")
	ok $? "${f##*/}: the queue feeding omprog takes one line a batch"
	printf '%s\n' "$out" | sed 's/^/# /'
done
# the check fails where it should: the batch left at rsyslog's default,
# an action in the main queue, a ruleset without a queue of its own
sed 's/[[:space:]]*queue\.dequeueBatchSize="1"//' \
	"$RS_SHIPPED/phishwatch-mmnormalize.conf" >"$TMP/batch-default.conf"
printf '%s\n' 'action(type="omprog" name="main" binary="/bin/cat")' \
	>"$TMP/batch-main.conf"
printf '%s\n' 'ruleset(name="r") {' \
	'	action(type="omprog" name="plain" binary="/bin/cat")' '}' \
	>"$TMP/batch-ruleset.conf"
for f in batch-default batch-main batch-ruleset; do
	python3 "$TOP/tests/integration/omprog-queues.py" "$TMP/$f.conf" >/dev/null
	is "$?" 1 "the batch check refuses $f.conf"
done

events_side() { sed -n '/^# ---- events side/,/^# ---- end of events side/p' "$1"; }
is "$(events_side "$RS_SHIPPED/phishwatch-mmnormalize.conf")" \
	"$(events_side "$RS_SHIPPED/phishwatch.conf")" \
	"phishwatch-mmnormalize.conf repeats the events side of phishwatch.conf"

rs_setup check-broken
rs_install phishwatch.conf
echo 'action(type="omfile" fiel="x")' >"$RS_ROUTES/broken.conf"
! rs_check >/dev/null
ok $? "rsyslogd -N1 rejects a broken route (the checks above can fail)"

# --- smoke: the harness alone -------------------------------------------

rs_setup smoke
rs_conf_add "template(name=\"rs_smoke\" type=\"string\" string=\"%hostname% %syslogtag%%msg%\\n\")
if \$programname == \"smoke\" then {
	action(type=\"omfile\" file=\"$RS_DIR/smoke.log\" template=\"rs_smoke\")
	stop
}"
rs_start
ok $? "private rsyslogd starts and listens on a loopback port"
like "$RS_PORT" '^[0-9]+$' "its port is known: $RS_PORT"
is "$(cat "$RS_DIR/rsyslogd.pid" 2>/dev/null)" "$RS_PID" \
	"its pid file names the process started"
want=""
lines=()
for i in 1 2 3 4 5 6 7 8 9 10; do
	lines+=("<13>Mar  3 10:00:01 testhost smoke[42]: line $i")
	want="$want${want:+
}testhost smoke[42]: line $i"
done
rs_send "${lines[@]}"
wait_for 'rs_lines_at_least "$RS_DIR/smoke.log" 10' 30
is "$(cat "$RS_DIR/smoke.log" 2>/dev/null)" "$want" \
	"10 lines sent over TCP are written by omfile, in order"
smoke_pid=$RS_PID
rs_stop
is "$RS_STATUS" 0 "rsyslogd stops on SIGTERM by pid, exit status 0"
rs_alive "$smoke_pid"
ok $((! $?)) "and is gone"

# --- the shipped configs end to end, with a stand-in for phishwatch -----

rs_setup pipeline
if rs_smtp_start; then smtp=yes; else smtp=""; diag "no aiosmtpd: mail not checked"; fi
rs_tcp_sink_start
ok $? "TCP sink (the SIEM) listens on port $RS_SIEM_PORT"
RS_BINARY="$RS_DIR/fake-phishwatch"
rs_stub_phishwatch "$RS_BINARY"
rs_install phishwatch.conf route-file.conf route-siem.conf
[ -n "$smtp" ] && rs_install route-mail.conf
rs_start
ok $? "rsyslogd starts with phishwatch.conf and the routes"
ok "$([ -S "$RS_EVENTS_SOCK" ]; echo $?)" "the events socket exists"

rs_send \
	"<22>Mar  3 10:00:01 mx1 sm-mta[101]: 4Q1A2b3C000001: from=<news@example.org>, size=1000, class=0, nrcpts=1, proto=ESMTP, daemon=MTA-v4, relay=mail.example.org [192.0.2.1]" \
	"<13>Mar  3 10:00:02 mx1 cron[102]: (root) CMD (true)" \
	"<22>Mar  3 10:00:03 mx1 sm-mta[103]: 4Q1A2b3C000003: from=<bounce@emalsrv.marriott.com>, size=2000, class=0, nrcpts=1, proto=ESMTP, daemon=MTA-v4, relay=emalsrv.marriott.com [198.51.100.7]" \
	"<22>Mar  3 10:00:04 mx1 sendmail[104]: 4Q1A2b3C000004: to=root, ctladdr=root (0/0), delay=00:00:00, mailer=relay, stat=Sent" \
	"<22>Mar  3 10:00:05 mx1 postfix/smtpd[105]: connect from unknown[192.0.2.9]" \
	"<22>Mar  3 10:00:06 mx1 sm-msp-queue[106]: 4Q1A2b3C000006: from=<root@mx1>, size=10, class=0, nrcpts=1, relay=root@localhost" \
	"<22>Mar  3 10:00:07 mx1 postfixd[107]: not Postfix, a name like it" \
	"<22>Mar  3 10:00:08 mx1 postfix-out/qmgr[108]: 4A1B2C3D4E: removed" \
	"<22>Mar  3 10:00:09 mx1 exim[109]: 1rAbCd-000123-Ab Completed" \
	"<22>Mar  3 10:00:10 mx1 eximon[110]: not Exim, a name like it" \
	"<22>Mar  3 10:00:11 mx1 exim4[111]: 1rAbCd-000124-Ab Completed"
fed="$RS_DIR/state/state.db.lines"
wait_for 'rs_lines_at_least "$fed" 8' 30
is "$(wc -l <"$fed" 2>/dev/null | tr -d ' ')" 8 \
	"omprog feeds the sm-mta, sendmail, sm-msp-queue, Postfix (postfix/*, postfix-INSTANCE/*) and Exim (exim, exim4) lines, nothing else"
is "$(grep -c ' exim4\{0,1\}\[' "$fed" 2>/dev/null)" 2 \
	"both Exim lines (exim, exim4) among them, eximon not"
like "$(sed -n 2p "$fed" 2>/dev/null)" \
	'^[0-9]{4}-03-03T10:00:03([+-][0-9]{2}:[0-9]{2}|Z) mx1 sm-mta\[103\]: 4Q1A2b3C000003: from=<bounce@emalsrv\.marriott\.com>, size=2000, .*\[198\.51\.100\.7\]$' \
	"each as 'RFC 3339 stamp, host, tag, message', one line"

events="$RS_DIR/log/events.json"
wait_for 'rs_lines_at_least "$events" 1' 30
like "$(cat "$events" 2>/dev/null)" \
	'^\{.*"phishwatch":\{"phished_domain":"marriott\.com","sender_domain":"emalsrv\.marriott\.com"' \
	"the event comes back through the socket as a JSON line in events.json"
is "$(wc -l <"$events" 2>/dev/null | tr -d ' ')" 1 "one event, one line"

wait_for '[ -s "$RS_SIEM_OUT" ]' 30
frame=$(cat "$RS_SIEM_OUT" 2>/dev/null)
like "$frame" \
	'^[0-9]+ <21>1 [0-9T:.+-]+ [^ ]+ phishwatch [0-9]+ - - @cee:\{"@timestamp"' \
	"the SIEM gets it as RFC 5424, mail.notice, the message @cee: JSON"
frame_body=${frame#* }
is "$(LC_ALL=C; echo $((${#frame_body} + 1)))" "${frame%% *}" \
	"in one octet-counted frame (RFC 6587)"

if [ -n "$smtp" ]; then
	wait_for 'ls "$RS_MAILDIR"/new/* >/dev/null 2>&1' 30
	mail=$(cat "$RS_MAILDIR"/new/* 2>/dev/null)
	like "$mail" '^Subject: phishwatch: new campaign against marriott\.com' \
		"the postmaster gets a mail naming the campaign"
	like "$mail" "^emalsrv\.marriott\.com	ERROR:\"550 5\.7\.1 Sender banned\"\$" \
		"with the suggested access line, TAB included"
	is "$(ls "$RS_MAILDIR"/new | wc -l | tr -d ' ')" 1 "one mail"
fi

rs_send_dgram "$RS_EVENTS_SOCK" "<21>Mar  3 10:00:07 phishwatch[1]: not json"
wait_for 'rs_lines_at_least "$RS_DIR/log/unparsed.log" 1' 30
like "$(cat "$RS_DIR/log/unparsed.log" 2>/dev/null)" 'phishwatch\[1\]: not json$' \
	"a datagram that is not an event goes to unparsed.log"

# rsyslog's effective message limit, measured: its default maxMessageSize
# in 8.2302 is 8096 bytes, and imuxsock cuts longer datagrams silently.
# dgram_of SIZE - an event datagram of exactly SIZE bytes
dgram_of() {
	_d_head='<21>Mar  3 10:00:08 phishwatch[1]: @cee:{"event":{"kind":"size-'"$1"'"},"pad":"'
	_d_pad=$(($1 - ${#_d_head} - 2))
	printf '%s%s"}' "$_d_head" "$(printf '%*s' "$_d_pad" "" | tr ' ' x)"
}
rs_send_dgram "$RS_EVENTS_SOCK" "$(dgram_of 8096)"
rs_send_dgram "$RS_EVENTS_SOCK" "$(dgram_of 8097)"
wait_for 'rs_lines_at_least "$RS_DIR/log/unparsed.log" 2' 30
wait_for 'grep -q size-8096 "$events"' 30
grep -q '"kind":"size-8096"' "$events"
ok $? "a datagram of 8096 bytes reaches the routes whole"
grep -q 'size-8097' "$events"
ok $((! $?)) "one of 8097 bytes is cut by rsyslog (so it cannot parse)"
max=$(sed -n 's/^#define SYSLOGOUT_MAX_MESSAGE \([0-9]*\).*/\1/p' "$TOP/src/syslogout.h")
if [ -n "$max" ] && [ "$max" -gt 8096 ]; then
	diag "SYSLOGOUT_MAX_MESSAGE is $max: events of 8097..$max bytes would be cut by rsyslog; make it 8096"
fi

kill -HUP "$RS_PID"
wait_for '[ -s "$RS_DIR/state/state.db.signals" ]' 30
is "$(cat "$RS_DIR/state/state.db.signals" 2>/dev/null)" HUP \
	"rsyslog forwards its HUP to the program (hup.signal)"

unlike "$(cat "$RS_DIR/rsyslogd.log" 2>/dev/null)" 'omprog|error' \
	"rsyslogd reported no omprog trouble nor error"
is "$(wc -l <"$RS_DIR/state/state.db.pid" 2>/dev/null | tr -d ' ')" 1 \
	"the program was started once, never restarted"
stub_pid=$(tail -n 1 "$RS_DIR/state/state.db.pid" 2>/dev/null)
rs_stop
is "$RS_STATUS" 0 "rsyslogd stops by pid"
rs_alive "$stub_pid"
ok $((! $?)) "and stops the program it started"
[ -n "$smtp" ] && rs_kill "$RS_SMTP_PID"
rs_kill "$RS_SIEM_PID"

# --- the mmnormalize variant, same stand-in -----------------------------

rs_setup normalized
RS_BINARY="$RS_DIR/fake-phishwatch"
rs_stub_phishwatch "$RS_BINARY"
rs_install phishwatch-mmnormalize.conf route-file.conf
rs_start
ok $? "rsyslogd starts with phishwatch-mmnormalize.conf"
rs_send \
	"<22>Mar  3 10:00:01 mx1 sm-mta[101]: 4Q1A2b3C000001: from=<news@example.org>, size=1000" \
	"<13>Mar  3 10:00:02 mx1 cron[102]: (root) CMD (true)" \
	"<22>Mar  3 10:00:03 mx1 sm-mta[103]: no queue id here" \
	"<22>Mar  3 10:00:03 mx1 exim4[105]: 1rAbCd-000125-Ab Completed" \
	"<22>Mar  3 10:00:04 mx1 sm-mta[104]: 4Q1A2b3C000004: from=<end@example.org>, size=1000, class=0, nrcpts=1, proto=ESMTP, daemon=MTA-v4, relay=mail.example.org [192.0.2.1]"
fed="$RS_DIR/state/state.db.lines"
# The last line sent matches: one connection, one worker, in order, so
# once it is there every line before it that went through is there too.
wait_for 'grep -q 4Q1A2b3C000004 "$fed" 2>/dev/null' 30
ok $? "the last line sent reaches the program"
if [ "$RS_RULEBASE" = "$STUB_RULEBASE" ]; then
	is "$(wc -l <"$fed" 2>/dev/null | tr -d ' ')" 3 \
		"only lines the rulebases match reach the program (the Exim one with exim-syslog.rb)"
	got=$(head -n 1 "$fed" 2>/dev/null)
	like "$got" '^\{.*"qid": ?"4Q1A2b3C000001".*\}$' \
		"as liblognorm's JSON object, one a line"
	like "$got" '"date": ?"[0-9]{4}-03-03T10:00:01([+-][0-9]{2}:[0-9]{2}|Z)"' \
		"parsed from the line phishwatch.conf would send (RFC 3339 first)"
else
	like "$(head -n 1 "$fed" 2>/dev/null)" '^\{.*\}$' \
		"the program gets liblognorm's JSON, one object a line"
fi
grep -q '1rAbCd-000125-Ab' "$fed" 2>/dev/null
ok $? "an exim4 line is normalized with exim-syslog.rb and reaches the program"
rs_stop
is "$RS_STATUS" 0 "rsyslogd stops by pid"

done_testing
