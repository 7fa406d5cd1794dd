#!/usr/bin/env bash
# Single-label sender hosts (cron mail from root@vm) are ordinary local
# senders: counted, never warned about, never a campaign; a single label
# with hostile bytes is still an invalid host.
. "$(dirname "$0")/../lib.sh"

{
	from_line r63IA8dJ000001 '<root@vm>'
	from_line r63IA8dJ000002 'root@vm'
	from_line r63IA8dJ000003 '<cron@BACKUP01.>'
	to_line r63IA8dJ000001 '<root@vm>'
} > "$TMP/log"
for mode in filter summary; do
	extra=""
	[ "$mode" = summary ] && extra="--summary-interval 3600"
	pw -r "$RULEBASE" $extra "$TMP/log" > "$TMP/out" 2> "$TMP/err"
	is "$?" 0 "$mode: exit 0"
	is "$(events "$TMP/out")" 0 "$mode: no event for a local sender"
	is "$(counter local_senders "$TMP/err")" 3 "$mode: local_senders=3"
	is "$(counter invalid_hosts "$TMP/err")" 0 "$mode: no invalid host"
	unlike "$(cat "$TMP/err")" 'warning' "$mode: no warning"
done

# A single label with bad bytes is no local host: counted invalid, warned.
{
	from_line r63IA8dJ000011 '<root@v_m>'
	from_line r63IA8dJ000012 "<root@v$(printf '\033')m>"
	from_line r63IA8dJ000013 '<root@-vm>'
} > "$TMP/bad"
pw -r "$RULEBASE" "$TMP/bad" > "$TMP/bad.out" 2> "$TMP/bad.err"
is "$?" 0 "hostile single labels: exit 0"
is "$(counter invalid_hosts "$TMP/bad.err")" 3 "hostile single labels: invalid"
is "$(counter local_senders "$TMP/bad.err")" 0 "hostile single labels: not local"
like "$(cat "$TMP/bad.err")" 'sender host is not a hostname; skipped' \
	"hostile single labels: warned"

# A local sender is never a campaign, whatever its name.
from_line r63IA8dJ000021 '<a@marriott>' > "$TMP/brand"
pw -r "$RULEBASE" -s "$TMP/s.db" "$TMP/brand" > "$TMP/brand.out" 2> "$TMP/brand.err"
is "$?" 0 "a brand's name as a single label: exit 0"
is "$(events "$TMP/brand.out")" 0 "a brand's name as a single label: no event"
is "$(counter local_senders "$TMP/brand.err") $(counter suspicious "$TMP/brand.err")" \
	"1 0" "a brand's name as a single label: a local sender, not suspicious"
is "$(sqlite3 "$TMP/s.db" 'SELECT count(*) FROM campaigns')" 0 \
	"a brand's name as a single label: no campaign stored"
done_testing
