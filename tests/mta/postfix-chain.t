#!/usr/bin/env bash
# postfix-chain.t - several check_sender_access tables, as a real
# Postfix runs them: one restriction each, in the order given.
#
# tests/mta/postfix-chain/values.chain names three tables (hash, pcre,
# hash) that smtpd_sender_restrictions asked in that order.  The first
# gives each of smtpd's actions to a sender the second refuses (does
# smtpd go on to the next table after it?), a parent domain's OK before
# the host's REJECT in the third (a table's whole lookup comes before
# the next table's), and a host's DUNNO before its parent's REJECT in
# the third (DUNNO ends the search of that table only).  values.log is
# what Postfix 3.7's smtpd logged for each sender of values.senders
# (record-postfix-values.sh DIR chain).  phishwatch, given the same
# tables in the same order, must take a sender as blocked exactly when
# smtpd refused, discarded or deferred it.
. "$(dirname "$0")/../lib.sh"

REC="$TOP/tests/mta/postfix-chain"

postfix_says "$REC/values.log" "$REC/values.senders" >"$TMP/want"
is "$(wc -l <"$TMP/want")" "$(wc -l <"$REC/values.senders")" \
	"a verdict for every sender"

# the tables as -a arguments, in the recording's order
set --
while read -r type file; do
	case $type in
	'#'* | '') continue ;;
	hash) set -- "$@" -a "postfix:$REC/$file" ;;
	*) set -- "$@" -a "$type:$REC/$file" ;;
	esac
done <"$REC/values.chain"
is "$#" 6 "three tables, in order"
pw -r "$RULEBASE" "$@" --query - <"$REC/values.senders" 2>/dev/null |
	awk -F '\t' '{ print $1, ($5 == "blocked" ? "blocked" : "passed") }' \
	>"$TMP/got"
is "$(cat "$TMP/got")" "$(cat "$TMP/want")" \
	"blocked exactly where smtpd refused, in the chain's order"

# What the recording must show for the chain to test what it says.
# smtpd went on to the second table after DUNNO, HOLD, WARN, INFO,
# PREPEND, FILTER, REDIRECT, BCC, DEFER_IF_REJECT (which made its
# REJECT a 450) and DEFER_IF_PERMIT; OK, permit, permit_mynetworks,
# RELAY and a number ended the list; DISCARD and reject refused.
grep -q 'reject: .*: 450 4.7.1 <x@emalsrv.a11.example>' "$REC/values.log" &&
	grep -q 'hold: .*<x@emalsrv.a3.example>: Sender address triggers HOLD' "$REC/values.log" &&
	grep -q 'reject: .*: 554 5.7.1 <x@emalsrv.a3.example>' "$REC/values.log"
ok $? "the recording: HOLD went on, DEFER_IF_REJECT deferred the later REJECT"
is "$(grep -E '^emalsrv\.(a1|a13|a14|a15|a16|p1|b1)\.example ' "$TMP/want" |
	grep -c ' passed$')" 7 \
	"the recording: OK, permit, RELAY, a number, permit_mynetworks, a parent's OK, a pattern's OK ended the list"
is "$(grep -E '^emalsrv\.(a2|b3)\.example ' "$TMP/want" | grep -c ' blocked$')" 2 \
	"the recording: after DUNNO, the next table, and the next table's parent domain"

# A key in two tables is no duplicate: each table is a restriction of
# its own, and the second decides after the first's DUNNO (as smtpd
# decided for emalsrv.b3.example above, by its parent domain).
printf 'emalsrv.d1.example DUNNO\n' >"$TMP/first"
printf 'emalsrv.d1.example REJECT\n' >"$TMP/second"
pw -r "$RULEBASE" -a "postfix:$TMP/first" -a "postfix:$TMP/second" --check \
	>"$TMP/check.out" 2>&1
is "$?" 0 "a key in two Postfix tables: --check finds nothing wrong"
unlike "$(cat "$TMP/check.out")" 'duplicate' "...no duplicate warned about"
echo x@emalsrv.d1.example | pw -r "$RULEBASE" -a "postfix:$TMP/first" \
	-a "postfix:$TMP/second" --query - 2>/dev/null | cut -f 5 >"$TMP/d1"
is "$(cat "$TMP/d1")" blocked "...and the second table decides after DUNNO"

# One table alone: its answer is the same as before (no chain).
echo x@emalsrv.a3.example | pw -r "$RULEBASE" -a "postfix:$REC/first.access" \
	--query - 2>/dev/null | cut -f 5 >"$TMP/alone"
is "$(cat "$TMP/alone")" "unblocked" "HOLD alone lets the sender through"
done_testing
