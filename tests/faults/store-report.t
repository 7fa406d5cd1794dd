#!/usr/bin/env bash
# store-report.t - --report (text, json, html) of a store whose campaign
# pages are corrupt: the store's failure, named (file and SQLite's
# reason), exit 73 as for any store that cannot be read; not "cannot
# print the report" with a stale errno, which blamed standard output.
# A full standard output is still the output's failure (74).
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

for i in 1 2 3; do
	from_line "QA0000$i" "<a@emalsrv.brand$i.com>"
done >"$TMP/log"
pw -r "$RULEBASE" -s "$TMP/s.db" "$TMP/log" >/dev/null 2>&1
is "$?" 0 "a good store"
root=$(sqlite3 "$TMP/s.db" "SELECT rootpage FROM sqlite_master WHERE name = 'campaigns'")
pagesize=$(sqlite3 "$TMP/s.db" 'PRAGMA page_size')
# the campaigns table's page overwritten with 0xff: the schema still
# reads, the campaigns do not
head -c "$pagesize" /dev/zero | tr '\0' '\377' |
	dd of="$TMP/s.db" bs="$pagesize" seek=$((root - 1)) conv=notrunc 2>/dev/null
ok "$([ "$(sqlite3 "$TMP/s.db" 'PRAGMA integrity_check' 2>&1)" != ok ]; echo $?)" \
	"the campaigns page is corrupt"

for form in text json html; do
	pw -r "$RULEBASE" --report="$form" -s "$TMP/s.db" >"$TMP/out" 2>"$TMP/err"
	is "$?" 73 "--report=$form of a corrupt store: exit 73"
	like "$(cat "$TMP/err")" "error: state .*s\.db: .*malformed" \
		"--report=$form: names the store and the reason"
	unlike "$(cat "$TMP/err")" "cannot print the report" \
		"--report=$form: standard output is not blamed"
done

# The output's own failure stays the output's.
pw -r "$RULEBASE" -s "$TMP/g.db" "$TMP/log" >/dev/null 2>&1
pw -r "$RULEBASE" --report -s "$TMP/g.db" >/dev/full 2>"$TMP/err"
is "$?" 74 "--report to a full disk: exit 74"
like "$(cat "$TMP/err")" "cannot print the report: No space left on device" \
	"--report to a full disk: says so"

done_testing
