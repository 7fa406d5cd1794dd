#!/usr/bin/env bash
# fanin.t - many MTAs, one phishwatch: three forwarding rsyslogd (one per
# MTA, mx1..mx3, shipped fanin-forwarder.conf) send their sendmail lines
# over RELP to a central rsyslogd (fanin-aggregator.conf, phishwatch.conf,
# route-file.conf) that runs the real phishwatch on the real rulebase.
# Campaigns are spread across the MTAs; the test checks that
#   - each campaign gets exactly one first-seen event, wherever it starts,
#     naming the MTA that logged its line (the original HOSTNAME survives
#     forwarding);
#   - the store's counters per MTA (campaign_mtas) are those of the lines
#     each MTA logged, and each campaign's counters are their sum;
#   - nothing is lost when the central rsyslogd is stopped in the middle
#     of a stream and started again (RELP, disk-assisted queues);
#   - a fourth MTA forwarding over plain TCP (fanin-*-tcp.conf) is counted
#     the same way.
# Every daemon is private (own config, work directory and loopback ports),
# started here and stopped by pid.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/rsyslog-lib.sh"

export TZ=UTC LC_ALL=C	# the MTAs' stamps in one zone; sort as python does

if ! command -v rsyslogd >/dev/null; then
	echo "1..0 # SKIP rsyslogd not installed"
	exit 0
fi
for need in jq sqlite3 python3; do
	command -v "$need" >/dev/null && continue
	echo "1..0 # SKIP $need not installed (make deps)"
	exit 0
done
if ! rs_have_module imrelp || ! rs_have_module omrelp; then
	echo "1..0 # SKIP rsyslog's RELP modules missing (package rsyslog-relp)"
	exit 0
fi

# --- the corpus -----------------------------------------------------------
#
# Per MTA and phase, a file of RFC 3164 lines as sendmail logs them (the
# MTA's own name in the header), phishing mixed into ordinary mail and
# other programs' lines.  Phase A is sent at once; phase B is the stream
# the aggregator restart falls into; phase C goes to the TCP forwarder.
# $TMP/corpus/truth has what phishwatch must count for each campaign and
# MTA: "campaign mta messages recipients delivered rejected discarded".
# Phase A has delivered, rejected and discarded messages; B and C only
# delivered ones, but for each MTA's last message of every phase, a
# rejected one of campaign fedex.com whose from= line ends the MTA's file
# (settle waits for it).
mkdir -p "$TMP/corpus"
python3 - "$TMP/corpus" <<'EOF'
import random, sys

out_dir = sys.argv[1]
rnd = random.Random(8)
# phase, campaign, sender label, messages per MTA
PLAN = [
    ("A", "marriott.com",  "emalsrv",   {"mx1": 12, "mx2": 9, "mx3": 7}),
    ("A", "linkedin.com",  "complains", {"mx1": 6, "mx2": 10}),
    ("A", "ups.com",       "emalsrv",   {"mx2": 5, "mx3": 8}),
    ("A", "staples.co.uk", "emalsrv",   {"mx3": 11}),
    ("B", "marriott.com",  "emalsrv",   {"mx1": 60, "mx2": 60, "mx3": 60}),
    ("B", "dhl.com",       "complains", {"mx1": 50, "mx3": 50}),
    ("B", "paypal.com",    "emalsrv",   {"mx2": 50}),
    ("C", "marriott.com",  "emalsrv",   {"mx4": 6}),
    ("C", "adp.com",       "emalsrv",   {"mx4": 5}),
]
HAM_PER_PHISH = 3
DRAIN = "fedex.com"     # the campaign of each MTA's last message, per phase
truth = {}
lines = {}          # (phase, mta) -> list of lines
clock = {}          # mta -> seconds since midnight
serial = [0]


def emit(phase, mta, pid, text, pri=22):
    t = clock[mta] = clock.get(mta, 36000) + 1
    lines.setdefault((phase, mta), []).append(
        "<%d>Mar  3 %02d:%02d:%02d %s %s: %s\n"
        % (pri, t // 3600 % 24, t // 60 % 60, t % 60, mta, pid, text))


def qid(mta):
    serial[0] += 1
    return "r63%s%07dx" % (mta[-1], serial[0])


def sm(i):
    return "sm-mta[%d]" % (2000 + i % 7000)


def ham(phase, mta):
    q = qid(mta)
    kind = rnd.randrange(5)
    if kind == 0:      # not suspicious: the label is the registrable domain
        sender = "x%s@emalsrv.com" % q
    else:
        sender = "news%d@lists.example.org" % kind
    emit(phase, mta, sm(serial[0]), "%s: from=<%s>, size=3100, class=0, "
         "nrcpts=1, msgid=<%s@lists.example.org>, proto=ESMTP, daemon=MTA, "
         "relay=lists.example.org [192.0.2.20]" % (q, sender, q))
    emit(phase, mta, sm(serial[0]), "%s: to=<bob@example.org>, "
         "delay=00:00:01, xdelay=00:00:00, mailer=local, pri=33100, "
         "dsn=2.0.0, stat=Sent" % q)
    if kind == 1:      # mail facility, another program: not for phishwatch
        emit(phase, mta, "dovecot[77]", "imap(bob): Logged out in=12 out=340")
    if kind == 2:      # not mail at all: the forwarder keeps it local
        emit(phase, mta, "CRON[88]", "(root) CMD (true)", pri=78)


def phish(phase, mta, campaign, label, kind):
    q = qid(mta)
    sender = "u%s@%s.%s" % (q[-5:-1], label, campaign)
    k = len(kind)
    relay = "relay%d.example.net [203.0.113.%d]" % (k, 10 + k)
    count = truth.setdefault((phase, campaign, mta), [0, 0, 0, 0, 0])
    count[0] += 1
    if kind == "delivered":
        n = rnd.randint(1, 2)
        emit(phase, mta, sm(serial[0]), "%s: from=<%s>, size=2200, class=0, "
             "nrcpts=%d, msgid=<%s@x>, proto=ESMTP, daemon=MTA, relay=%s"
             % (q, sender, n, q, relay))
        for r in range(n):
            emit(phase, mta, sm(serial[0]), "%s: to=<r%d@example.org>, "
                 "delay=00:00:01, xdelay=00:00:01, mailer=local, "
                 "pri=32200, dsn=2.0.0, stat=Sent" % (q, r))
        count[1] += n
        count[2] += n
    elif kind == "rejected":       # recipients refused, then from= nrcpts=0
        for r in range(2):
            emit(phase, mta, sm(serial[0]), "%s: ruleset=check_rcpt, "
                 "arg1=<v%d@example.org>, relay=%s, reject=550 5.7.1 "
                 "<v%d@example.org>... Sender banned" % (q, r, relay, r))
        emit(phase, mta, sm(serial[0]), "%s: from=<%s>, size=0, class=0, "
             "nrcpts=0, proto=SMTP, daemon=MTA, relay=%s" % (q, sender, relay))
        count[1] += 2
        count[3] += 2
    else:                           # discarded by check_mail
        emit(phase, mta, sm(serial[0]), "%s: ruleset=check_mail, "
             "arg1=<%s>, relay=%s, discard" % (q, sender, relay))
        emit(phase, mta, sm(serial[0]), "%s: from=<%s>, size=800, class=0, "
             "nrcpts=1, proto=SMTP, daemon=MTA, relay=%s" % (q, sender, relay))
        emit(phase, mta, sm(serial[0]), "%s: discarded" % q)
        count[1] += 1
        count[4] += 1


for phase in "ABC":
    todo = []
    for p, campaign, label, per_mta in PLAN:
        if p == phase:
            for mta, n in per_mta.items():
                todo += [(mta, campaign, label)] * n
    rnd.shuffle(todo)
    for i, (mta, campaign, label) in enumerate(todo):
        kind = ("delivered", "rejected", "discarded")[i % 3] \
            if phase == "A" else "delivered"
        for _ in range(HAM_PER_PHISH):
            ham(phase, mta)
        phish(phase, mta, campaign, label, kind)
    # Each MTA's last message of the phase, of a campaign of its own, ends
    # in its from= line: once the store counts it for every MTA, all the
    # lines before it went through (each MTA's lines keep their order
    # from forwarder to phishwatch), so nothing is left to count twice.
    for mta in sorted(m for p, m in lines if p == phase):
        phish(phase, mta, DRAIN, "emalsrv", "rejected")

for (phase, mta), text in lines.items():
    with open("%s/%s.%s" % (out_dir, phase, mta), "w") as f:
        f.writelines(text)
with open(out_dir + "/truth", "w") as f:
    for (phase, campaign, mta), n in sorted(truth.items()):
        f.write("%s %s %s %s\n" % (phase, campaign, mta,
                                   " ".join(str(v) for v in n)))
EOF
corpus_rc=$?
ok "$corpus_rc" "corpus written: $(cat "$TMP"/corpus/[ABC].* 2>/dev/null | wc -l | tr -d ' ') lines from 4 MTAs"
[ "$corpus_rc" -eq 0 ] || { done_testing; exit 1; }

# Phases B and C add to the rows of earlier phases: make the truth
# cumulative, so that a (campaign, mta) pair's line of a phase holds what
# the store owes after that phase.
awk '{ k = $2 " " $3
	for (i = 4; i <= 8; i++) { sum[k, i] += $i; $i = sum[k, i] }
	print }' "$TMP/corpus/truth" >"$TMP/corpus/truth.sum" &&
	mv "$TMP/corpus/truth.sum" "$TMP/corpus/truth"

# want PHASES - the campaign_mtas rows owed after PHASES (e.g. "AB"),
# sorted: "campaign|mta|messages|recipients|delivered|rejected|discarded"
want() {
	awk -v phases="$1" 'index(phases, $1) {
		k = $2 "|" $3; n[k] = $4 "|" $5 "|" $6 "|" $7 "|" $8 }
		END { for (k in n) print k "|" n[k] }' "$TMP/corpus/truth" | sort
}
# want_messages PHASES - messages owed in all after PHASES
want_messages() {
	awk -v phases="$1" 'index(phases, $1) { m[$2 "|" $3] = $4 }
		END { for (k in m) s += m[k]; print s + 0 }' "$TMP/corpus/truth"
}

# --- the daemons ----------------------------------------------------------

RS_FANIN_PORT=$(rs_free_port)
RS_FANIN_TCP_PORT=$(rs_free_port)
while [ "$RS_FANIN_TCP_PORT" = "$RS_FANIN_PORT" ]; do
	RS_FANIN_TCP_PORT=$(rs_free_port)
done
rs_setup agg
rs_install phishwatch.conf route-file.conf
rs_install_top fanin-aggregator.conf fanin-aggregator-tcp.conf
# Its queue counters, every second: the test waits for lines received.
rs_conf_add "module(load=\"impstats\" interval=\"1\" format=\"json\"
	log.syslog=\"off\" log.file=\"$RS_DIR/stats.json\")"
rs_start
ok $? "the aggregator starts (phishwatch.conf, route-file.conf, fanin-aggregator*.conf)"
wait_for "rs_listening $RS_FANIN_PORT && rs_listening $RS_FANIN_TCP_PORT" \
	"$RS_WAIT"
ok $? "it listens for RELP on $RS_FANIN_PORT and TCP on $RS_FANIN_TCP_PORT"
rs_save agg
DB="$RS_DIR/state/state.db"
EVENTS="$RS_DIR/log/events.json"

for mta in mx1 mx2 mx3; do
	rs_setup "$mta"
	rs_install_top fanin-forwarder.conf
	rs_start
	ok $? "forwarder $mta starts (fanin-forwarder.conf, RELP)"
	rs_save "$mta"
done
rs_setup mx4
rs_install_top fanin-forwarder-tcp.conf
rs_start
ok $? "forwarder mx4 starts (fanin-forwarder-tcp.conf, plain TCP)"
rs_save mx4

# sql QUERY - one query on the aggregator's store
sql() { sqlite3 -batch "$DB" "$1" 2>/dev/null; }
counted() {
	_n=$(sql "SELECT total(messages) FROM campaign_mtas")
	echo "${_n%.0}" | grep -x '[0-9][0-9]*' || echo 0
}
rows() {
	sql "SELECT phished_domain, mta, messages, recipients, delivered,
	     rejected, discarded FROM campaign_mtas ORDER BY 1, 2"
}
# drained PHASES - the store counts every MTA's last message of PHASES
# (campaign fedex.com, the corpus's last from= line per MTA and phase)
drained() {
	want "$1" | awk -F'|' '$1 == "fedex.com" { print $2, $3 }' >"$TMP/drain.want"
	sql "SELECT mta, messages FROM campaign_mtas
	     WHERE phished_domain = 'fedex.com'" | tr '|' ' ' >"$TMP/drain.got"
	[ -s "$TMP/drain.want" ] &&
		awk 'FILENAME == ARGV[1] { got[$1] = $2; next }
			!($1 in got) || got[$1] < $2 { short = 1 }
			END { exit short }' "$TMP/drain.got" "$TMP/drain.want"
}
# settle PHASES [SECONDS] - wait until every line of PHASES went through
# phishwatch (drained): what is counted then is final, and exact checks
# prove that nothing was lost or counted twice
settle() {
	wait_for "drained $1" "${2:-120}" &&
		[ "$(counted)" -ge "$(want_messages "$1")" ]
}
# events_per_campaign - "domain count" of first-seen events, per domain
events_per_campaign() {
	jq -r 'select(.event.action == "phished-domain-first-seen")
		| .phishwatch.phished_domain' "$EVENTS" 2>/dev/null |
		sort | uniq -c | awk '{ print $2 " " $1 }'
}

# --- phase A: three MTAs at once ------------------------------------------

senders=""
for mta in mx1 mx2 mx3; do
	rs_use "$mta"
	rs_send_file "$TMP/corpus/A.$mta" &
	senders="$senders $!"
done
# shellcheck disable=SC2086 # one pid a word
wait $senders
settle A
ok $? "phase A: all $(want_messages A) phishing messages counted"
is "$(rows)" "$(want A)" \
	"phase A: per MTA, the counts of the lines that MTA logged (campaign|mta|messages|recipients|delivered|rejected|discarded)"
is "$(sql "SELECT c.phished_domain FROM campaigns c JOIN (SELECT phished_domain,
	sum(messages) m, sum(recipients) r, sum(delivered) d, sum(rejected) j,
	sum(discarded) x FROM campaign_mtas GROUP BY 1) s USING (phished_domain)
	WHERE c.messages != s.m OR c.recipients != s.r OR c.delivered != s.d
	OR c.rejected != s.j OR c.discarded != s.x")" "" \
	"each campaign's counters are the sum of its MTAs' rows"
is "$(sql "SELECT count(*) FROM campaigns")" 5 \
	"five campaigns in the store (fedex.com that of the last messages)"
is "$(events_per_campaign)" "$(printf '%s\n' 'fedex.com 1' 'linkedin.com 1' \
	'marriott.com 1' 'staples.co.uk 1' 'ups.com 1')" \
	"one first-seen event per campaign, though marriott.com is logged on three MTAs"
# The queue ids name their MTA (r63<digit>...): an event's host.hostname
# must be the MTA that logged its line.
is "$(jq -r '[.host.hostname, .email.local_id[3:4]] | join(" ")' "$EVENTS" |
	awk '$1 == "mx" $2 { good++; next } { print } END { if (!good) print "no event" }')" "" \
	"each event names the MTA that logged its line (host.hostname)"
like "$(jq -r '.event.original' "$EVENTS" | head -n 1)" \
	'^[0-9]{4}-03-03T[0-9:]{8}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}) mx[123] sm-mta\[[0-9]+\]: r63' \
	"phishwatch got an RFC 3339 line with the MTA's name and tag"
report=$(pw -r "$RULEBASE" -s "$DB" --report=json 2>/dev/null)
is "$(printf '%s\n' "$report" | jq -cS 'select(.phished_domain == "marriott.com") | .mtas')" \
	"$(want A | awk -F'|' '$1 == "marriott.com" { printf "%s\"%s\":%s", s, $2, $3; s = "," }
		BEGIN { printf "{" } END { print "}" }')" \
	"--report=json: marriott.com's messages per MTA"
is "$(printf '%s\n' "$report" | jq -r 'select(.phished_domain == "marriott.com")
	| [.messages, .delivered, .rejected, .discarded, .blocked] | join(" ")')" \
	"$(want A | awk -F'|' '$1 == "marriott.com" { m += $3; d += $5; r += $6; x += $7 }
		END { print m, d, r, x, r + x }')" \
	"--report=json: its messages, delivered, rejected, discarded, blocked"

# --- phase B: the aggregator restarts in the middle of a stream -----------

# phishwatch_pid - the phishwatch the aggregator runs (omprog's child)
phishwatch_pid() {
	# shellcheck disable=SC2013 # the file is one line of pids
	for _p in $(cat /proc/"$RS_PID"/task/*/children 2>/dev/null); do
		[ "$(cat /proc/"$_p"/comm 2>/dev/null)" = phishwatch ] && echo "$_p"
	done
}
# received - lines the aggregator has taken from the forwarders since it
# started (its RELP ruleset queue's enqueued counter, from impstats)
received() {
	# impstats' file lines: "<date>: <json>"; the last may be half written
	sed 's/^[^{]*//' "$RS_DIR/stats.json" 2>/dev/null | jq -rR 'fromjson?
		| select(.name == "phishwatch_fanin" and .origin == "core.queue")
		| .enqueued' 2>/dev/null | tail -n 1 |
		grep -x '[0-9][0-9]*' || echo 0
}
# forwarded FILE... - lines of FILEs a forwarder sends on (mail facility
# or sendmail's programs: all but the cron lines)
forwarded() { cat "$@" | grep -vc ' CRON\['; }
# phishing FILE... - phishing messages in FILEs (their from= lines; the
# ordinary mail comes from x...@ or news...@ senders)
phishing() { cat "$@" | grep -c ': from=<u'; }

# Phase B goes in three parts, each MTA's lines cut in thirds, and the
# test waits for what each part must have done instead of timing it:
#   B1  sent and counted while the aggregator runs;
#   B2  sent while phishwatch is held: received and acknowledged over
#       RELP, then waiting in the aggregator's queues when it stops, so
#       rsyslogd must save them to its work directory;
#   B3  sent while the aggregator is away: held in the forwarders'
#       queues, sent when it is back (retried every resumeInterval).
for mta in mx1 mx2 mx3; do
	n=$(wc -l <"$TMP/corpus/B.$mta")
	third=$(( (n + 2) / 3 ))
	split -l "$third" -d -a 1 "$TMP/corpus/B.$mta" "$TMP/corpus/B.$mta."
done
# send_part N - part N (0, 1, 2) of each MTA's phase B to its forwarder
send_part() {
	_senders=""
	for _m in mx1 mx2 mx3; do
		rs_use "$_m"
		rs_send_file "$TMP/corpus/B.$_m.$1" &
		_senders="$_senders $!"
	done
	# shellcheck disable=SC2086 # one pid a word
	wait $_senders
}

rs_use agg
agg_pid=$RS_PID
send_part 0
rs_use agg
b1=$(( $(want_messages A) + $(phishing "$TMP"/corpus/B.mx?.0) ))
wait_for "[ \"\$(counted)\" -ge $b1 ]" 120
ok $? "phase B, first part: counted before the restart ($b1 messages)"
# Hold phishwatch: what comes now waits in the aggregator's queues.
pw_pid=$(phishwatch_pid)
like "$pw_pid" '^[0-9]+$' "phase B: phishwatch runs under the aggregator (pid $pw_pid)"
kill -STOP "$pw_pid"
before=$(counted)
got_b2=$(( $(received) + $(forwarded "$TMP"/corpus/B.mx?.1) ))
send_part 1
rs_use agg
wait_for "[ \"\$(received)\" -ge $got_b2 ]" 120
ok $? "second part: the aggregator has received it ($(received) lines in all), phishwatch held"
# rsyslogd gives the omprog queue a second (timeoutShutdown), cancels its
# worker, which waits on the held phishwatch, and saves the queue.
kill -TERM "$RS_PID"
wait_for 'ls "$RS_DIR"/work/phishwatch.qi >/dev/null 2>&1 || ! rs_alive "$RS_PID"' "$RS_WAIT"
ls "$RS_DIR"/work/phishwatch.qi >/dev/null 2>&1
ok $? "stopping, it saves the lines still waiting: $(cd "$RS_DIR/work" && echo *.qi)"
kill -CONT "$pw_pid"
rs_stop
is "$RS_STATUS" 0 "the aggregator stops by pid in the middle of the stream"
wait_for '! rs_alive "$pw_pid"' "$RS_WAIT"
ok $? "its phishwatch ends with it"
at_stop=$(counted)
ok "$([ "$at_stop" -ge "$b1" ] && [ "$at_stop" -lt "$(want_messages AB)" ]; echo $?)" \
	"it had counted part of phase B: $at_stop of $(want_messages AB) messages"
sed -n 's/.*\(queue holds [0-9]* messages\).*/# rsyslogd: \1 at shutdown, saved/p' \
	"$RS_DIR/rsyslogd.out"
send_part 2	# the forwarders hold it while the aggregator is away
rs_use agg
rs_start
ok $? "the aggregator starts again (pid $RS_PID, was $agg_pid), same ports"
rs_save agg
# The forwarders retry every resumeInterval (10 s) until it is back.
wait_for "[ \"\$(counted)\" -ge $(want_messages AB) ]" 180
ok $? "all $(want_messages AB) phishing messages counted after the restart"
settle AB	# every line through: none can be counted twice later
diag "counted: $before when phishwatch was held, $at_stop when rsyslogd stopped, $(counted) at the end"
# Counted at the from= line: exact across the restart.
is "$(rows | cut -d'|' -f1-4)" "$(want AB | cut -d'|' -f1-4)" \
	"phase B: per MTA, messages and recipients neither lost nor counted twice"
is "$(events_per_campaign)" "$(printf '%s\n' 'dhl.com 1' 'fedex.com 1' \
	'linkedin.com 1' 'marriott.com 1' 'paypal.com 1' 'staples.co.uk 1' \
	'ups.com 1')" \
	"one event per campaign: the new ones once, the known marriott.com not again"
# Delivered needs the from= line's queue id when the to= line comes.
# phishwatch keeps open queue ids in memory only, and after a restart
# rsyslog feeds the saved lines and the new ones side by side: a message
# whose lines straddle the restart may lose its delivered count (rarely
# here: the lines of a message travel together).  It is never counted
# twice.
got_d=$(sql "SELECT total(delivered) FROM campaign_mtas" | sed 's/\.0$//')
want_d=$(want AB | awk -F'|' '{ d += $5 } END { print d }')
ok "$([ "$got_d" -le "$want_d" ]; echo $?)" \
	"delivered recipients never counted twice: $got_d of $want_d"
[ "$got_d" -lt "$want_d" ] &&
	diag "$((want_d - got_d)) delivered recipients lost at the restart (open queue ids are not kept)"

# --- phase C: an MTA without RELP -----------------------------------------

rs_use mx4
rs_send_file "$TMP/corpus/C.mx4"
settle ABC
ok $? "phase C: the TCP forwarder's messages are counted"
is "$(rows | grep '|mx4|')" "$(want ABC | grep '|mx4|')" \
	"phase C: mx4's rows, all counters"
like "$(events_per_campaign | grep '^adp')" '^adp\.com 1$' \
	"the campaign it started has its event"
like "$(jq -r 'select(.phishwatch.phished_domain == "adp.com") | .host.hostname' "$EVENTS")" \
	'^mx4$' "naming mx4"

# --- the end --------------------------------------------------------------

# What rsyslogd said besides: only the forwarders' notices of the outage.
# - librelp error 10008, omrelp's "error opening connection", "session
#   broken" and "error sending relp: Broken pipe": a forwarder's RELP
#   session to the aggregator while it is away (which of them a forwarder
#   meets depends on when it next sends: a loaded machine gives the last
#   one, its send on the session the outage broke; what it sends again
#   is counted above);
# - a forwarder's "phishwatch_fanin queue: need to do cooperative
#   cancellation": after the outage its omrelp worker may still be in
#   the action's retry wait (resumeInterval) when it stops; rsyslogd then
#   cancels the worker.  Its queue is empty by then (every message was
#   counted above), so the "data may be lost" of the message is moot.
outage='librelp error 10008 .* suspending|omrelp\[.*error opening connection to remote peer|omrelp\[.*session broken|omrelp\[.*error sending relp: Broken pipe'
fwd_outage='phishwatch_fanin queue: need to do cooperative cancellation'
for name in mx1 mx2 mx3 mx4 agg; do
	rs_use "$name"
	rs_stop
	is "$RS_STATUS" 0 "$name stops by pid"
	unlike "$(cat "$RS_DIR/rsyslogd.out" "$RS_DIR/rsyslogd.log" 2>/dev/null |
		grep -iE 'error|fail|lost|discard|cancel' | grep -vE "$outage" |
		{ [ "$name" = agg ] && cat || grep -vF "$fwd_outage"; })" . \
		"$name: rsyslogd reported no trouble beyond the planned outage"
done

done_testing
