#!/usr/bin/env bash
# --forget DOMAIN: the campaign out of the store (campaign, sender
# domains, counts per MTA, relays) and so out of the learned brands;
# a confirmation on stdout; an unknown campaign exits 1; the writer
# lock is taken like any writer's.
. "$(dirname "$0")/../lib.sh"

S="$TMP/state.db"
rows() {	# rows TABLE - rows of TABLE naming zorblax.com
	sqlite3 "$S" "SELECT count(*) FROM $1 WHERE phished_domain = 'zorblax.com'"
}
run() {		# run LOG OUT - one run over LOG into the store; its
		# diagnostics in $TMP/run.err
	pw -r "$RULEBASE" --no-default-brands -s "$S" "$1" > "$2" \
		2> "$TMP/run.err"
}
{
	from_line r63F00000001 '<a@emalsrv.zorblax.com>'
	to_line r63F00000001 '<v@victim.example>'
} > "$TMP/s1"
from_line r63F00000002 '<b@zorblaxmail.com>' > "$TMP/s2"
run "$TMP/s1" "$TMP/o1"
is "$(jq -r .event.action < "$TMP/o1")" phished-domain-first-seen "first run: the campaign"
run "$TMP/s2" "$TMP/o2"
is "$(jq -r .event.action < "$TMP/o2")" sender-domain-first-seen \
	"the stored campaign's brand is learned: its lookalike is reported"
for t in campaigns senders campaign_mtas relays campaign_hours; do
	like "$(rows $t)" '^[1-9]' "before: $t rows of the campaign"
done

pw --forget ZORBLAX.com -s "$S" > "$TMP/f.out" 2> "$TMP/f.err"
is "$?" 0 "--forget a stored campaign: exit 0"
is "$(cat "$TMP/f.out")" \
	"phishwatch: forgot campaign zorblax.com: 1 campaign, 2 sender domain(s), 1 relay(s), 1 MTA count(s)" \
	"--forget: the confirmation line on stdout"
is "$(cat "$TMP/f.err")" "" "--forget: nothing on stderr"
for t in campaigns senders campaign_mtas relays campaign_hours; do
	is "$(rows $t)" 0 "after: no $t row of the campaign"
done

run "$TMP/s2" "$TMP/o3"
is "$?" 0 "forgotten: the lookalike's run exits 0"
is "$(events "$TMP/o3")" 0 "forgotten: its brand is no longer learned"
is "$(counter senders "$TMP/run.err") $(counter suspicious "$TMP/run.err")" \
	"1 0" "forgotten: its lookalike read, and no longer suspicious"
run "$TMP/s1" "$TMP/o4"
is "$(jq -r .event.action < "$TMP/o4")" phished-domain-first-seen \
	"forgotten: the same log gives the event again"

run "$TMP/s1" /dev/null
pw --forget zorblax.com -s "$S" > /dev/null 2>&1
is "$?" 0 "forget it again"
pw --forget zorblax.com -s "$S" > "$TMP/u.out" 2> "$TMP/u.err"
is "$?" 1 "a second --forget: exit 1"
is "$(cat "$TMP/u.err")" "phishwatch: error: no campaign zorblax.com in the store $S" \
	"a second --forget: says it is unknown"
is "$(cat "$TMP/u.out")" "" "a second --forget: nothing on stdout"

pw --forget zorblax.com -s "$TMP/typo.db" > /dev/null 2> "$TMP/t.err"
is "$?" 1 "a store that does not exist: exit 1"
like "$(cat "$TMP/t.err")" 'no such store' "a store that does not exist: said"
ok "$([ ! -e "$TMP/typo.db" ]; echo $?)" "a store that does not exist: not created"

# A running writer holds the lock: --forget waits for no one, exit 73.
run "$TMP/s1" /dev/null
mkfifo "$TMP/fifo"
"$PW" -r "$RULEBASE" -s "$S" < "$TMP/fifo" > "$TMP/w.out" 2>/dev/null &
pid=$!
track_pid $pid
exec 7> "$TMP/fifo"
# its event is out: it has opened the store, and holds the lock
from_line r63F00000003 '<c@emalsrv.quuxbank.com>' >&7
wait_for '[ "$(events "$TMP/w.out")" = 1 ]' 30
pw --forget zorblax.com -s "$S" > /dev/null 2> "$TMP/l.err"
is "$?" 73 "--forget while another phishwatch writes the store: exit 73"
like "$(cat "$TMP/l.err")" "pid $pid" "--forget: the lock holder is named"
exec 7>&-
wait "$pid"
is "$(rows campaigns)" 1 "the writer's store kept the campaign"

for args in "--forget zorblax.com" "--forget zorblax.com -s $S $TMP/s1" \
	    "--forget zorblax.com -s $S --report" "--forget bad_name -s $S" \
	    "--forget zorblax.com -s $S -n"; do
	pw $args > /dev/null 2>&1
	is "$?" 64 "usage error: $args"
done
done_testing
