#!/usr/bin/env bash
# Campaign tracking and --report: counts from lines in sendmail's real
# order (rejects before from=, discards after), gzip inputs, New Year.
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

hdr() { printf 'Jul  3 14:%02d:%02d mx1 sm-mta[%d]: ' $(( $1 / 60 % 60 )) $(( $1 % 60 )) $(( 1000 + $1 )); }

# 50 messages to 80 recipients: 7 delivered, 60 rejected (30 messages of
# 2 refused recipients each), 13 discarded; the three kinds interleaved.
campaign() {
	t=0
	for i in $(seq 1 30); do
		q=$(printf 'r63R%06dx' $i)
		if [ $i -le 7 ]; then
			d=$(printf 'r63D%06dx' $i)
			t=$((t + 1)); hdr $t; printf '%s: from=<d%d@emalsrv.marriott.com>, size=900, class=0, nrcpts=1, msgid=<%s@x>, proto=ESMTP, daemon=MTA, relay=a.example [192.0.2.1]\n' $d $i $d
		fi
		t=$((t + 1)); hdr $t; printf '%s: ruleset=check_rcpt, arg1=<u%d@example.org>, relay=b.example [192.0.2.2], reject=550 5.7.1 <u%d@example.org>... Sender banned\n' $q $i $i
		if [ $i -le 13 ]; then
			c=$(printf 'r63C%06dx' $i)
			t=$((t + 1)); hdr $t; printf '%s: ruleset=check_mail, arg1=<c%d@complains.marriott.com>, relay=c.example [192.0.2.3], discard\n' $c $i
			t=$((t + 1)); hdr $t; printf '%s: from=<c%d@complains.marriott.com>, size=800, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=c.example [192.0.2.3]\n' $c $i
		fi
		t=$((t + 1)); hdr $t; printf '%s: ruleset=check_rcpt, arg1=<v%d@example.org>, relay=b.example [192.0.2.2], reject=550 5.7.1 <v%d@example.org>... Sender banned\n' $q $i $i
		if [ $i -le 7 ]; then
			t=$((t + 1)); hdr $t; printf '%s: to=<r%d@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=local, pri=30900, dsn=2.0.0, stat=Sent\n' $d $i
		fi
		if [ $i -le 13 ]; then
			t=$((t + 1)); hdr $t; printf '%s: discarded\n' $c
		fi
		t=$((t + 1)); hdr $t; printf '%s: from=<r%d@emalsrv.marriott.com>, size=0, class=0, nrcpts=0, proto=SMTP, daemon=MTA, relay=b.example [192.0.2.2]\n' $q $i
	done
}
campaign > "$TMP/campaign.log"
pw -r "$RULEBASE" -s "$TMP/s.db" --report=json "$TMP/campaign.log" > "$TMP/r.json" 2> "$TMP/r.err"
is "$?" 0 "--report=json exits 0"
is "$(wc -l < "$TMP/r.json" | tr -d ' ')" 1 "one campaign"
q() { jq -r "$1" < "$TMP/r.json"; }
is "$(q .phished_domain)" marriott.com "phished domain"
is "$(q .messages)" 50 "50 messages"
is "$(q .recipients)" 80 "80 recipients"
is "$(q .delivered)" 7 "7 delivered"
is "$(q .rejected)" 60 "60 rejected (before their from= lines)"
is "$(q .discarded)" 13 "13 discarded (discard lines around from=)"
is "$(q .blocked)" 73 "blocked = rejected + discarded"
is "$(q .relays)" 3 "three distinct relays"
is "$(q '.sender_domains | join(",")')" emalsrv.marriott.com,complains.marriott.com \
	"sender domains, oldest first"
is "$(q .first_seen)" "$(date -u +%Y)-07-03T14:00:01.000Z" "first seen from the log"
is "$(sqlite3 "$TMP/s.db" 'SELECT messages, recipients, delivered, rejected, discarded FROM campaigns')" \
	"50|80|7|60|13" "the same counts in the store"
is "$(sqlite3 "$TMP/s.db" "SELECT sum(messages) FROM senders WHERE phished_domain = 'marriott.com'")" \
	50 "sender rows add up to the campaign"
is "$(events "$TMP/r.json")" 1 "no event lines in report mode, only the chronology"

# The store alone: --report -s without input.
pw -r "$RULEBASE" -s "$TMP/s.db" --report > "$TMP/r.txt" 2>/dev/null
is "$?" 0 "--report from the store alone"
like "$(sed -n 2p "$TMP/r.txt")" '^20[0-9]{2}-07-03 14:00 +marriott\.com +50 +7 +73  emalsrv\.marriott\.com,complains\.marriott\.com$' \
	"text row: date, domain, messages, delivered, blocked, senders"
like "$(head -n 1 "$TMP/r.txt")" '^first seen' "text header"

# The first-seen event carries the counts known then; the campaign's
# second sender host (complains.marriott.com) gives an event of its own.
pw -r "$RULEBASE" "$TMP/campaign.log" > "$TMP/ev" 2>/dev/null
first='select(.event.action == "phished-domain-first-seen")'
is "$(jq -r "$first | .phishwatch.campaign.messages" < "$TMP/ev")" 1 "event: messages counted so far"
is "$(jq -r "$first | .phishwatch.campaign.recipients" < "$TMP/ev")" 1 "event: recipients so far"
is "$(jq -r '.event.action + ":" + .phishwatch.sender_domain' < "$TMP/ev" | tr '\n' ' ')" \
	"phished-domain-first-seen:emalsrv.marriott.com sender-domain-first-seen:complains.marriott.com " \
	"one event per sender host of the campaign"

# Two files, one gzip-compressed, equal their concatenation.
{ from_line q1a '<a@emalsrv.ups.com>' | sed 's/nrcpts=1/nrcpts=2/'; to_line q1a '<x@example.org>'; } > "$TMP/part1"
{ to_line q1a '<y@example.org>'; from_line q2a '<b@complains.dhl.com>'; to_line q2a '<z@example.org>' 'Deferred: Connection refused'; } > "$TMP/part2"
cat "$TMP/part1" "$TMP/part2" > "$TMP/whole"
gzip -c "$TMP/part2" > "$TMP/part2.gz"
pw -r "$RULEBASE" --report=json "$TMP/part1" "$TMP/part2.gz" > "$TMP/split.json" 2>/dev/null
pw -r "$RULEBASE" --report=json "$TMP/whole" > "$TMP/whole.json" 2>/dev/null
is "$(cat "$TMP/split.json")" "$(cat "$TMP/whole.json")" "gzip + plain equals the concatenation"

# A compressed file cut short (a copy in progress), or corrupt, is read
# up to the damage and then said to be damaged, with exit 74, as gunzip
# does; never taken for a whole file.
gzip -c "$TMP/whole" > "$TMP/whole.gz"
size=$(stat -c %s "$TMP/whole.gz")
head -c $((size - 12)) "$TMP/whole.gz" > "$TMP/cut.gz"
pw -r "$RULEBASE" --report=json "$TMP/cut.gz" > /dev/null 2> "$TMP/cut.err"
is "$?" 74 "a gzip file cut short: exit 74"
like "$(cat "$TMP/cut.err")" "error: .*cut\.gz: read error: compressed data cut short \(unexpected end of file\)" \
	"a gzip file cut short: the file and why"
cp "$TMP/whole.gz" "$TMP/crc.gz"
printf '\0\0\0\0' | dd of="$TMP/crc.gz" bs=1 seek=$((size - 8)) conv=notrunc 2> /dev/null
pw -r "$RULEBASE" "$TMP/crc.gz" > /dev/null 2> "$TMP/crc.err"
is "$?" 74 "a gzip file whose check fails: exit 74"
like "$(cat "$TMP/crc.err")" "error: .*crc\.gz: read error: incorrect data check" \
	"a gzip file whose check fails: zlib's reason, no descriptor number"
is "$(jq -r 'select(.phished_domain=="ups.com") | .delivered' < "$TMP/whole.json")" 2 \
	"to= lines of one message add up"
is "$(jq -r 'select(.phished_domain=="dhl.com") | .deferred' < "$TMP/whole.json")" 1 "deferred counted"

# A year across New Year in one file, read against the file's time.
{
	printf 'Dec 31 23:50:00 mx1 sm-mta[1]: qa: from=<a@emalsrv.ebay.com>, size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=x [192.0.2.1]\n'
	printf 'Jan  1 00:10:00 mx1 sm-mta[1]: qb: from=<b@emalsrv.adp.com>, size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=x [192.0.2.1]\n'
} > "$TMP/newyear.log"
touch -d '2025-01-01 01:00:00 UTC' "$TMP/newyear.log"
pw -r "$RULEBASE" --report=json "$TMP/newyear.log" > "$TMP/ny.json" 2>/dev/null
is "$(jq -r .first_seen < "$TMP/ny.json" | tr '\n' ' ')" \
	"2024-12-31T23:50:00.000Z 2025-01-01T00:10:00.000Z " \
	"December falls in the old year, January in the new, in order"

# campaign-summary once a campaign has been quiet long enough.
{
	from_line qs1 '<a@emalsrv.fedex.com>'
	printf 'Jul  3 15:30:00 mx1 sm-mta[9]: qs2: from=<h@example.org>, size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=x [192.0.2.1]\n'
} > "$TMP/quiet.log"
pw -r "$RULEBASE" --summary-interval 3600 "$TMP/quiet.log" > "$TMP/q.out" 2> "$TMP/q.err"
is "$(jq -r .event.action < "$TMP/q.out" | tr '\n' ' ')" \
	"phished-domain-first-seen campaign-summary " "a summary after an hour of quiet"
is "$(jq -r 'select(.event.action=="campaign-summary") | .phishwatch.campaign.messages' < "$TMP/q.out")" 1 \
	"the summary carries the counters"
pw -r "$RULEBASE" --summary-interval 7200 "$TMP/quiet.log" > "$TMP/q2.out" 2>/dev/null
is "$(events "$TMP/q2.out")" 1 "no summary before the interval"

# --max-queue-ids bounds the tracker; evictions are counted.
for i in $(seq 1 50); do
	printf 'Jul  3 14:00:%02d mx1 sm-mta[1]: qe%03d: ruleset=check_rcpt, arg1=<u@example.org>, relay=[192.0.2.9], reject=550 5.7.1 <u@example.org>... no\n' $((i % 60)) $i
done > "$TMP/evict.log"
pw -r "$RULEBASE" --max-queue-ids 10 "$TMP/evict.log" > /dev/null 2> "$TMP/e.err"
is "$(counter queue_evicted "$TMP/e.err")" 40 "evictions at the cap counted"
done_testing
