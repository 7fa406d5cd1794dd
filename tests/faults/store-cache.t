#!/usr/bin/env bash
# store-cache.t - more campaigns than the store's cache of known ones
# holds (2048): a campaign pushed out of the cache and seen again is
# looked up in the store, so it is not new again (no second first-seen
# event), within a run and after a restart, and its lines are counted.
. "$(dirname "$0")/../lib.sh"

N=2100
S="$TMP/state.db"
# No brand learned from the campaigns: brand12.com would otherwise be a
# lookalike of brand1.com, a sender under its campaign, not one of its own.
run() { pw -r "$RULEBASE" --max-learned-brands 0 -s "$S" "$@"; }
for i in $(seq 1 $N); do from_line "q$i" "<a@emalsrv.brand$i.com>"; done \
	> "$TMP/many"
# The first campaigns again, long out of the cache by now.
for i in $(seq 1 10); do from_line "r$i" "<b@emalsrv.brand$i.com>"; done \
	> "$TMP/again"
cat "$TMP/many" "$TMP/again" > "$TMP/run1"

run "$TMP/run1" > "$TMP/out1" 2> "$TMP/err1"
is "$?" 0 "a run over $N campaigns and 10 of them again: exit 0"
is "$(events "$TMP/out1")" "$N" "one event per campaign, none for the ten seen again"
is "$(counter known "$TMP/err1")" 10 "the ten seen again are known"
is "$(sqlite3 "$S" "SELECT messages FROM campaigns WHERE phished_domain = 'brand1.com'")" 2 \
	"an evicted campaign seen again is counted on its row"
is "$(sqlite3 "$S" 'SELECT count(*) FROM campaigns')" "$N" "one row per campaign"

run "$TMP/again" > "$TMP/out2" 2> "$TMP/err2"
is "$(events "$TMP/out2")" 0 "after a restart: still known, no event"
is "$(sqlite3 "$S" "SELECT messages FROM campaigns WHERE phished_domain = 'brand1.com'")" 3 \
	"and counted"
done_testing
