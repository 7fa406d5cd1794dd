#!/usr/bin/env bash
# The benchmark corpus as a correctness check: on 20k generated lines of
# realistic sm-mta traffic (every line kind, other daemons mixed in, RFC
# 3164 and RFC 3339 headers) with 5 planted campaigns, phishwatch finds
# exactly the planted campaigns, each at its first from= line, counts
# every campaign message, and says nothing about ham.
. "$(dirname "$0")/../lib.sh"

GEN=$TOP/bench/gen-corpus.py
LINES=20000
# A month ago: RFC 3164 stamps carry no year, and readers infer the
# latest one that is not in the future; both header forms then agree.
START=$(date -u -d '30 days ago' +%Y-%m-%d)
gen() { python3 "$GEN" --lines "$LINES" --campaigns 5 --ham-ratio 30 --seed 6 \
	--header mixed --start "$START" "$@" 2>/dev/null; }

gen --truth "$TMP/truth" -o "$TMP/log"
is "$?" 0 "generator exits 0"
is "$(wc -l < "$TMP/log" | tr -d ' ')" "$LINES" "exactly the lines asked for"
is "$(grep -c . "$TMP/truth")" 5 "5 campaigns planted"
gen --truth "$TMP/truth2" -o "$TMP/log2"
cmp -s "$TMP/log" "$TMP/log2" && cmp -s "$TMP/truth" "$TMP/truth2"
ok $? "same seed and options, same corpus and truth"
like "$(grep -c 'sendmail\[' "$TMP/log")" '^[1-9]' "RFC 3339 lines (mx2, sendmail[pid]) present"
like "$(grep -c '^[A-Z][a-z][a-z] [ 1-3][0-9] ' "$TMP/log")" '^[1-9]' "RFC 3164 lines present"

pw -r "$RULEBASE" -s "$TMP/state.db" < "$TMP/log" > "$TMP/out" 2> "$TMP/err"
is "$?" 0 "phishwatch exits 0"
first() { jq -c 'select(.event.action == "phished-domain-first-seen")' < "$1"; }
first "$TMP/out" > "$TMP/first"
is "$(events "$TMP/first")" 5 "one phished-domain-first-seen event per planted campaign"
is "$(jq -r '.phishwatch.phished_domain' < "$TMP/first" | tr '\n' ' ')" \
	"$(jq -r '.phished_domain' < "$TMP/truth" | tr '\n' ' ')" \
	"exactly the planted phished domains, in order of appearance"
is "$(jq -r '.email.local_id' < "$TMP/first" | tr '\n' ' ')" \
	"$(jq -r '.first_qid' < "$TMP/truth" | tr '\n' ' ')" \
	"each event is for its campaign's first from= line"
is "$(jq -r '.phishwatch.sender_domain' < "$TMP/out" | sort -u | comm -23 - \
	<(jq -r '.sender_hosts[]' < "$TMP/truth" | sort -u) | tr '\n' ' ')" "" \
	"no event of any kind names a sender host that was not planted"
is "$(counter lines "$TMP/err")" "$LINES" "every line read"
is "$(counter suspicious "$TMP/err")" "$(jq -s 'map(.messages) | add' < "$TMP/truth")" \
	"every campaign message recognized (capitalized hosts too)"

# What the store remembers: each campaign's counters, its sender hosts.
COUNTS="messages recipients delivered deferred bounced rejected discarded"
# An sqlite3 error (a missing column, a locked or broken store) is a
# failure here, shown in what the check got, never a skip.
for c in $COUNTS; do
	is "$(sqlite3 -separator ' ' "$TMP/state.db" \
		"SELECT phished_domain, $c FROM campaigns ORDER BY phished_domain" 2>&1)" \
		"$(jq -r "\"\\(.phished_domain) \\(.$c)\"" < "$TMP/truth" | sort)" \
		"the store counts each campaign's $c as planted"
done
is "$(sqlite3 "$TMP/state.db" 'SELECT sender_host FROM senders ORDER BY 1' 2>&1 | tr '\n' ' ')" \
	"$(jq -r '.sender_hosts[]' < "$TMP/truth" | sort | tr '\n' ' ')" \
	"the store holds exactly the campaigns' sender hosts"

# (not under $VALGRIND: the same paths again, and each start under memcheck
# costs some 10 s of rulebase loading)
"$PW" -r "$RULEBASE" -s "$TMP/state.db" < "$TMP/log" > "$TMP/out2" 2> "$TMP/err2"
is "$?" 0 "a second pass: exit 0"
is "$(events "$TMP/out2")" 0 "a second pass with the same store: nothing new"
is "$(counter lines "$TMP/err2")" "$(wc -l < "$TMP/log" | tr -d ' ')" \
	"a second pass: every line read"
ok "$([ "$(counter suspicious "$TMP/err2")" -gt 0 ]; echo $?)" \
	"a second pass: its campaigns' senders still suspicious"

# Ham only, tricky senders included (x@emalsrv.co.uk, complains@brand.com,
# IP literals, the null sender): no event.
gen --campaigns 0 --seed 9 --truth "$TMP/truth0" -o "$TMP/ham"
pw -r "$RULEBASE" < "$TMP/ham" > "$TMP/out0" 2> "$TMP/err0"
is "$?" 0 "ham only: exit 0"
is "$(events "$TMP/out0")" 0 "ham only: no event"
is "$(counter suspicious "$TMP/err0")" 0 "ham only: no suspicious sender"
done_testing
