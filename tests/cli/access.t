#!/usr/bin/env bash
# The access map: blocked senders give no event, a new host of a campaign
# known from the map gives one sender-domain-first-seen event with the
# line that blocks it; sendmail's parent-domain semantics, not
# substrings; bad lines warned.
. "$(dirname "$0")/../lib.sh"

cat > "$TMP/access" <<'MAP'
# linkedin campaign, blocked by hand
complains.linkedin.com	DISCARD
Connect:127.0.0.1	RELAY
From:spammer@bad.example	REJECT
mar	OK
MAP
{
	from_line r63IA8dJ000001 '<a@emalsrv.linkedin.com>'
	from_line r63IA8dJ000002 '<b@complains.linkedin.com>'
	from_line r63IA8dJ000003 '<messages-noreply@linkedin.com>'
	from_line r63IA8dJ000004 '<reservations@marriott.com>'
} > "$TMP/log"
pw -r "$RULEBASE" -a "$TMP/access" "$TMP/log" > "$TMP/out" 2> "$TMP/err"
is "$?" 0 "exit 0"
is "$(events "$TMP/out")" 1 "one event: the linkedin.com campaign is known from the access map"
is "$(jq -r .event.action "$TMP/out")" sender-domain-first-seen \
	"the unblocked host of a campaign known from the map: sender-domain-first-seen"
is "$(jq -r .phishwatch.suggested_access "$TMP/out")" "$(printf 'emalsrv.linkedin.com\tERROR:"550 5.7.1 Sender banned"')" \
	"its access line blocks that host"
is "$(counter blocked "$TMP/err")" 1 "complains.linkedin.com sender counted as blocked"
is "$(counter known "$TMP/err")" 1 "emalsrv.linkedin.com counted as a known campaign"
is "$(counter suspicious "$TMP/err")" 2 "ham senders are not suspicious"

# Substrings do not count: "linkedin" in a comment or "mar" do not block.
from_line r63IA8dJ000005 '<x@emalsrv.marriott.com>' > "$TMP/log2"
pw -r "$RULEBASE" -a "$TMP/access" "$TMP/log2" > "$TMP/out2" 2>/dev/null
is "$(events "$TMP/out2")" 1 "marriott.com is not blocked by a substring entry"

# A parent-domain entry blocks the whole campaign.
printf 'marriott.com\tERROR:5.7.1:"550 go away"\n' > "$TMP/access3"
pw -r "$RULEBASE" -a "$TMP/access3" "$TMP/log2" > "$TMP/out3" 2> "$TMP/err3"
is "$?" 0 "a blocked sender: exit 0"
is "$(events "$TMP/out3")" 0 "a parent-domain ERROR entry blocks the sender"
is "$(counter blocked "$TMP/err3")" 1 "counted as blocked"

# OK for the sender host wins over a blocking parent, as in sendmail.
printf 'marriott.com\tREJECT\nemalsrv.marriott.com\tOK\n' > "$TMP/access4"
pw -r "$RULEBASE" -a "$TMP/access4" "$TMP/log2" > /dev/null 2> "$TMP/err4"
is "$(counter blocked "$TMP/err4")" 0 "a more specific OK entry is not blocking"

# Several -a files.
pw -r "$RULEBASE" -a "$TMP/access" -a "$TMP/access3" "$TMP/log2" > "$TMP/out5" 2> "$TMP/err5"
is "$?" 0 "two -a files: exit 0"
is "$(events "$TMP/out5")" 0 "entries of a second -a file count"
is "$(counter suspicious "$TMP/err5") $(counter blocked "$TMP/err5")" "1 1" \
	"two -a files: the sender suspicious, and blocked by the second"

# Bad lines: warned with file:line and skipped; --check fails on them.
printf 'good.example\tREJECT\nno-value-here\nx.example\tMAYBE\n' > "$TMP/bad"
pw -r "$RULEBASE" -a "$TMP/bad" "$TMP/log2" > /dev/null 2> "$TMP/bad.err"
is "$?" 0 "bad access lines do not stop the stream"
like "$(cat "$TMP/bad.err")" "$TMP/bad:2" "warning names file:line of a key without value"
like "$(cat "$TMP/bad.err")" "$TMP/bad:3" "warning names file:line of an unknown action"
pw -r "$RULEBASE" -a "$TMP/bad" --check > /dev/null 2>&1
is "$?" 65 "--check with unreadable access lines exits 65"

# A UTF-8 byte order mark before the first key (an editor's): makemap
# keeps it in the key, which then blocks nothing in sendmail; it is
# warned about with file:1 and that line skipped, never taken silently.
printf '\357\273\277marriott.com\tREJECT\nexample.org\tOK\n' > "$TMP/bom"
pw -r "$RULEBASE" -a "$TMP/bom" "$TMP/log2" > "$TMP/bom.out" 2> "$TMP/bom.err"
is "$?" 0 "byte order mark: the stream goes on"
like "$(cat "$TMP/bom.err")" "$TMP/bom:1: starts with a UTF-8 byte order mark.*line skipped" \
	"byte order mark: warned with file:1 and why"
is "$(events "$TMP/bom.out")" 1 "byte order mark: its key blocks nothing, as in sendmail"
pw -r "$RULEBASE" -a "$TMP/bom" --check > "$TMP/bom.check" 2>&1
is "$?" 65 "byte order mark: --check exits 65"
like "$(cat "$TMP/bom.check")" "1 access map .*line\(s\) warned about" \
	"byte order mark: --check counts the line"

# The same map compiled as makemap would (keys lower-cased, first of a
# key kept, no NUL): Berkeley DB hash and btree, cdb; each must judge the
# log as the text did.  db5.3_load and tinycdb's cdb stand in for
# makemap; sendmail's own makemap is used too where it is installed.
DB_LOAD=$(command -v db5.3_load || command -v db_load)
ok "$([ -n "$DB_LOAD" ] && command -v cdb > /dev/null; echo $?)" \
	"db5.3_load and cdb are installed (make deps)"
makemap_pairs "$TMP/access" | "$DB_LOAD" -T -t hash "$TMP/access.db"
makemap_pairs "$TMP/access" | "$DB_LOAD" -T -t btree "$TMP/access-btree.db"
makemap_pairs "$TMP/access" | paste -d ' ' - - | cdb -c -m "$TMP/access.cdb"
maps="$TMP/access.db $TMP/access-btree.db $TMP/access.cdb"
MAKEMAP=$(PATH=$PATH:/usr/sbin:/usr/libexec/sendmail command -v makemap)
if [ -n "$MAKEMAP" ]; then
	printf 'O QueueDirectory=%s\n' "$TMP" > "$TMP/sendmail.cf"
	"$MAKEMAP" -C "$TMP/sendmail.cf" hash "$TMP/mm-hash" < "$TMP/access"
	"$MAKEMAP" -C "$TMP/sendmail.cf" btree "$TMP/mm-btree" < "$TMP/access"
	maps="$maps $TMP/mm-hash.db $TMP/mm-btree.db"
else
	diag "no makemap here: sendmail's own maps not tried"
fi
for m in $maps; do
	pw -r "$RULEBASE" -a "$m" "$TMP/log" > "$TMP/out.c" 2> "$TMP/err.c"
	is "$?" 0 "$(basename "$m"): exit 0"
	is "$(events "$TMP/out.c")" 1 "$(basename "$m"): one event, as with the text"
	is "$(counter blocked "$TMP/err.c")" 1 "$(basename "$m"): blocked as with the text"
	is "$(counter known "$TMP/err.c")" 1 "$(basename "$m"): known as with the text"
done
# A source saved with CRLF line ends: makemap keeps each CR in the value
# ("DISCARD\r"), and sendmail's rules take it for white space, so the
# entries block (sendmail -bt: check_mail returns $#discard).  Compiled,
# they must block as the text does, and be counted, not refused.
sed 's/$/\r/' "$TMP/access" > "$TMP/crlf"
makemap_pairs "$TMP/crlf" | "$DB_LOAD" -T -t hash "$TMP/crlf.db"
makemap_pairs "$TMP/crlf" | paste -d ' ' - - | cdb -c -m "$TMP/crlf.cdb"
is "$(makemap_pairs "$TMP/crlf" | sed -n 2p | od -An -c | tr -s ' ')" \
	" D I S C A R D \r \n" "the CRLF source's values end in CR, as makemap stores them"
for m in "$TMP/crlf" "$TMP/crlf.db" "$TMP/crlf.cdb"; do
	pw -r "$RULEBASE" -a "$m" "$TMP/log" > "$TMP/out.crlf" 2> "$TMP/err.crlf"
	is "$(counter blocked "$TMP/err.crlf")" 1 "$(basename "$m"): CRLF entries block as sendmail's do"
	pw -r "$RULEBASE" -a "$m" --check > "$TMP/check.crlf" 2>&1
	like "$(cat "$TMP/check.crlf")" "configuration OK: .* 4 access entries" \
		"$(basename "$m"): every CRLF entry read"
done
pw -r "$RULEBASE" -a "$TMP/access.db" --check > "$TMP/check.out" 2>&1
like "$(cat "$TMP/check.out")" "configuration OK: .* 4 access entries" \
	"--check counts a compiled map's entries"
printf 'a.example REJECT\n' > "$TMP/junk.db"
pw -r "$RULEBASE" -a "$TMP/junk.db" "$TMP/log2" > /dev/null 2> "$TMP/junk.err"
is "$?" 66 "a .db file that is no map exits 66"
like "$(cat "$TMP/junk.err")" "junk.db" "the message names the file"
like "$(cat "$TMP/junk.err")" "warning: libdb: .*$TMP/junk.db" \
	"libdb's own warning names the map's path"
unlike "$(cat "$TMP/junk.err")" "/proc/self/fd|/dev/fd/" \
	"no message names the descriptor libdb opened it by"

# A missing access file is an error.
pw -r "$RULEBASE" -a "$TMP/nonexistent" "$TMP/log2" > /dev/null 2> "$TMP/miss.err"
is "$?" 66 "missing access file exits 66"
like "$(cat "$TMP/miss.err")" "nonexistent" "the message names the file"
done_testing
