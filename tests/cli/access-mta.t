#!/usr/bin/env bash
# Blocking tables in each MTA's own terms: sendmail's access map, a
# Postfix access(5) table and an Exim address list that block the same
# senders judge the same log alike; each suggested line is in its own
# table's syntax and, added to that table, blocks the campaign; -a
# TYPE:PATH and the type guessed from the path; malformed lines named by
# file:line and reason.
. "$(dirname "$0")/../lib.sh"

{
	from_line r63M00000001 '<a@emalsrv.linkedin.com>'
	from_line r63M00000002 '<b@complains.linkedin.com>'
	from_line r63M00000003 '<c@mail.linkedinmail.com>'
	from_line r63M00000004 '<news@emalsrv.ups.com>'
	from_line r63M00000005 '<x@emalsrv.marriott.com>'
	from_line r63M00000006 '<y@emalsrv.fedex.com>'
} > "$TMP/log"

# The same blocks, three ways.
cat > "$TMP/access" <<'MAP'
complains.linkedin.com	DISCARD
linkedinmail.com	REJECT
From:news@emalsrv.ups.com	ERROR:"550 5.7.1 go away"
MAP
cat > "$TMP/postfix" <<'MAP'
# check_sender_access hash:/etc/postfix/sender_access
complains.linkedin.com  DISCARD
linkedinmail.com        REJECT
news@emalsrv.ups.com    550 5.7.1 go away
MAP
cat > "$TMP/exim" <<'MAP'
# deny senders = /etc/exim4/local_sender_blacklist
complains.linkedin.com
*.complains.linkedin.com
*linkedinmail.com
news@emalsrv.ups.com
MAP

# judged TYPE:FILE NAME - events (phished and sender domain), counters
judged() {
	pw -r "$RULEBASE" -a "$1" "$TMP/log" > "$TMP/$2.out" 2> "$TMP/$2.err"
	echo "exit=$?"
	jq -r '[.phishwatch.phished_domain, .phishwatch.sender_domain] | @tsv' \
		< "$TMP/$2.out"
	for c in suspicious blocked known events; do
		echo "$c=$(counter "$c" "$TMP/$2.err")"
	done
}
want=$(judged "$TMP/access" sendmail)
# emalsrv.linkedin.com is a new host of linkedin.com, a campaign the table
# already knows: one sender-domain-first-seen event for it.
is "$(judged "postfix:$TMP/postfix" postfix)" "$(printf '%s\n' exit=0 \
	"$(printf 'linkedin.com\temalsrv.linkedin.com')" \
	"$(printf 'marriott.com\temalsrv.marriott.com')" \
	"$(printf 'fedex.com\temalsrv.fedex.com')" \
	suspicious=6 blocked=3 known=1 events=3)" \
	"a Postfix table: two campaigns new, one new host of a known one, three senders blocked"
is "$(judged "postfix:$TMP/postfix" postfix)" "$want" \
	"a Postfix table judges the log as sendmail's map does"
is "$(judged "exim:$TMP/exim" exim)" "$want" \
	"an Exim list judges the log as sendmail's map does"
# quiet FILE - lines other than the exit line / exit lines
quiet() { echo "$(grep -vc ': exit:' "$1")/$(grep -c ': exit:' "$1")"; }
is "$(quiet "$TMP/postfix.err")" 0/1 "postfix: read without a warning"
is "$(quiet "$TMP/exim.err")" 0/1 "exim: read without a warning"

suggested() { jq -r 'select(.phishwatch.sender_domain == "emalsrv.marriott.com")
	| .phishwatch.suggested_access' < "$1"; }
is "$(suggested "$TMP/postfix.out")" "emalsrv.marriott.com REJECT Sender banned" \
	"postfix: the suggestion is an access(5) line"
is "$(suggested "$TMP/exim.out")" "emalsrv.marriott.com" \
	"exim: the suggestion is an item of the list"

# Each suggestion, added to its own table, blocks that campaign.
for t in sendmail:access postfix:postfix exim:exim; do
	type=${t%%:*} file=$TMP/${t#*:}
	suggested "$TMP/$type.out" >> "$file"
	pw -r "$RULEBASE" -a "$type:$file" "$TMP/log" > "$TMP/$type.2" 2> "$TMP/$type.2err"
	is "$(jq -r .phishwatch.sender_domain < "$TMP/$type.2" | tr '\n' ' ')" \
		"emalsrv.linkedin.com emalsrv.fedex.com " \
		"$type: the suggested line, added, blocks emalsrv.marriott.com"
	is "$(quiet "$TMP/$type.2err")/$(counter blocked "$TMP/$type.2err")" 0/1/4 \
		"$type: the suggested line reads cleanly and blocks the sender"
done

# The type guessed from the path: a file named sender_access is Postfix's.
cp "$TMP/postfix" "$TMP/sender_access"
pw -r "$RULEBASE" -a "$TMP/sender_access" "$TMP/log" > "$TMP/guess.out" 2>/dev/null
is "$(jq -r 'select(.phishwatch.sender_domain == "emalsrv.fedex.com")
	| .phishwatch.suggested_access' < "$TMP/guess.out")" \
	"emalsrv.fedex.com REJECT Sender banned" "-a .../sender_access is read as a Postfix table"

# Several -a of different types, and postmap's hash: map (keys and values
# with their NUL, as postmap writes them on Linux; db5.3_load stands in).
DB_LOAD=$(command -v db5.3_load || command -v db_load)
printf 'emalsrv.fedex.com\\00\nREJECT\\00\n' | "$DB_LOAD" -T -t hash "$TMP/fedex.db"
pw -r "$RULEBASE" -a "sendmail:$TMP/access" -a "postfix:$TMP/fedex.db" \
	"$TMP/log" > "$TMP/two.out" 2> "$TMP/two.err"
is "$(jq -r .phishwatch.sender_domain < "$TMP/two.out")/$(counter blocked "$TMP/two.err")" \
	emalsrv.linkedin.com/5 \
	"sendmail's map and a postmap hash: map each block their own senders (only the known campaign's new host is told)"

# Brands are learned from a Postfix or Exim table as from sendmail's map.
from_line r63M00000007 '<b@linkedin.net>' > "$TMP/brand"
for t in "postfix:$TMP/postfix" "exim:$TMP/exim"; do
	pw -r "$RULEBASE" -a "$t" "$TMP/brand" > "$TMP/brand.out" 2>/dev/null
	is "$(jq -r '[.event.action, .phishwatch.sender_domain] | @tsv' < "$TMP/brand.out" | tr '\t' ':')" \
		"sender-domain-first-seen:linkedin.net" "${t%%:*}: the table teaches the brand linkedin.com"
done

# --learn-labels learns a blocked host's label from either table too.
from_line r63M00000008 '<c@newsletter.dhl.com>' > "$TMP/label"
printf 'newsletter.fedex.com REJECT\n' > "$TMP/plabel"
printf '*@newsletter.fedex.com\n' > "$TMP/elabel"
for t in "postfix:$TMP/plabel" "exim:$TMP/elabel"; do
	pw -r "$RULEBASE" -l emalsrv --learn-labels -a "$t" "$TMP/label" \
		> "$TMP/label.out" 2>/dev/null
	is "$(jq -r .phishwatch.phished_domain < "$TMP/label.out")" "dhl.com" \
		"${t%%:*}: --learn-labels learns \"newsletter\" from the table"
done

# Malformed lines: warned with file:line and why, skipped; --check fails.
printf 'good.example REJECT\nno-action-here\nx.example MAYBE\n.y.example REJECT\n' > "$TMP/pbad"
pw -r "$RULEBASE" -a "postfix:$TMP/pbad" "$TMP/log" > /dev/null 2> "$TMP/pbad.err"
is "$?" 0 "postfix: bad lines do not stop the stream"
like "$(cat "$TMP/pbad.err")" "$TMP/pbad:2: key \"no-action-here\" has no action" \
	"postfix: a key without action, by file:line"
like "$(cat "$TMP/pbad.err")" "$TMP/pbad:3: \"MAYBE\" of key \"x.example\" is neither action nor restriction" \
	"postfix: an unknown action, by file:line"
like "$(cat "$TMP/pbad.err")" "$TMP/pbad:4: key \".y.example\" is never looked up" \
	"postfix: a .domain key Postfix's default never consults, by file:line"
pw -r "$RULEBASE" -a "postfix:$TMP/pbad" --check > /dev/null 2>&1
is "$?" 65 "postfix: --check with bad lines exits 65"
printf 'good.example\nlsearch;/etc/exim4/senders\ntwo words.example\n' > "$TMP/ebad"
pw -r "$RULEBASE" -a "exim:$TMP/ebad" "$TMP/log" > /dev/null 2> "$TMP/ebad.err"
like "$(cat "$TMP/ebad.err")" "$TMP/ebad:2: item .*: a lookup" \
	"exim: an item phishwatch cannot judge, by file:line"
like "$(cat "$TMP/ebad.err")" "$TMP/ebad:3: item \"two words.example\": white space inside" \
	"exim: a malformed item, by file:line"
pw -r "$RULEBASE" -a "exim:$TMP/ebad" --check > /dev/null 2>&1
is "$?" 65 "exim: --check with bad lines exits 65"

# postmap's lmdb: is not read: the error says what to give instead.
: > "$TMP/sender_access.lmdb"
pw -r "$RULEBASE" -a "postfix:$TMP/sender_access.lmdb" "$TMP/log" > /dev/null 2> "$TMP/lmdb.err"
like "exit=$? $(cat "$TMP/lmdb.err")" "^exit=66 .*lmdb: map is not read; give its source text" \
	"postfix lmdb: exit 66, and what to give instead"

done_testing
