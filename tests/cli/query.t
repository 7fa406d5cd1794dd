#!/usr/bin/env bash
# --query SENDER...: what a sender would give, one line each, without a
# log: the same verdict, access word and access line as a run's event.
. "$(dirname "$0")/../lib.sh"

printf 'linkedin.com\nmarriott.com\nwalmart.com\n' > "$TMP/brands"
printf 'walmart.ca\n' > "$TMP/allow"
printf 'complains.linkedin.com\tERROR:"550 5.7.1 Sender banned"\nwallmart.com\tREJECT\nFrom:boss@marriot.com\tDISCARD\n' > "$TMP/access"
tab=$(printf '\t')
line() { printf '%s\tERROR:"550 5.7.1 Sender banned"' "$1"; }

q() {	# q SENDER... - standard output of --query; exit status in $TMP/rc
	pw -r "$RULEBASE" --brands "$TMP/brands" --allow "$TMP/allow" \
		-a "$TMP/access" --query "$@" 2> "$TMP/q.err"
	echo $? > "$TMP/rc"
}

is "$(q walmartmail.com)" \
	"walmartmail.com${tab}phish${tab}walmart.com${tab}lookalike:affix-mail${tab}unblocked${tab}$(line walmartmail.com)" \
	"a lookalike host: brand, rule, unblocked and the line that blocks it"
is "$(cat "$TMP/rc")" 0 "a phish: exit 0"
is "$(q x@news.walmartmail.com)" \
	"news.walmartmail.com${tab}phish${tab}walmart.com${tab}lookalike:affix-mail${tab}unblocked${tab}$(line walmartmail.com)" \
	"an address below a lookalike: the line blocks the registered domain"
is "$(q linkedinmail.com | cut -f1-5)" \
	"linkedinmail.com${tab}phish${tab}linkedin.com${tab}lookalike:affix-mail${tab}domain-blocked" \
	"a lookalike of a brand whose campaign the table blocks: domain-blocked"
is "$(q 'Someone@EMALSRV.Marriott.COM')" \
	"emalsrv.marriott.com${tab}phish${tab}marriott.com${tab}label:emalsrv${tab}unblocked${tab}$(line emalsrv.marriott.com)" \
	"a label sender, as an address in any case"
is "$(q complains.linkedin.com)" \
	"complains.linkedin.com${tab}phish${tab}linkedin.com${tab}label:complains${tab}blocked" \
	"a blocked sender: no line to add"
is "$(q emalsrv.linkedin.com)" \
	"emalsrv.linkedin.com${tab}phish${tab}linkedin.com${tab}label:emalsrv${tab}domain-blocked${tab}$(line emalsrv.linkedin.com)" \
	"another host of a blocked campaign: domain-blocked, and its own line"
is "$(q wallmart.com)" \
	"wallmart.com${tab}phish${tab}walmart.com${tab}lookalike:typo${tab}blocked" \
	"a lookalike the table rejects: blocked"
is "$(q boss@marriot.com other@marriot.com | cut -f1,5)" \
	"marriot.com${tab}blocked
marriot.com${tab}unblocked" "a From: address entry blocks that address only"
is "$(q 'a@marrіott.com')" \
	"xn--marrott-uog.com${tab}phish${tab}marriott.com${tab}lookalike:homoglyph${tab}unblocked${tab}$(line 'marrіott.com')" \
	"a UTF-8 sender is judged as its A-label, and blocked as it spelled it"

is "$(q linkedin.com walmart.ca mail.walmart.ca gmail.com)" \
	"linkedin.com${tab}ordinary${tab}own${tab}linkedin.com
walmart.ca${tab}ordinary${tab}allowed
mail.walmart.ca${tab}ordinary${tab}allowed
gmail.com${tab}ordinary" "the brand, the allow list and others: ordinary, and whose"
is "$(cat "$TMP/rc")" 1 "no phish among them: exit 1"

out=$(q gmail.com 'not a host!' marriot.com)
is "$(cut -f1,2 <<< "$out")" "gmail.com${tab}ordinary
marriot.com${tab}phish" "a sender that names no host: the others are still answered"
is "$(cat "$TMP/rc")" 65 "a sender that names no host: exit 65"
like "$(cat "$TMP/q.err")" "'not a host!' is not a sender address or a host name" \
	"a sender that names no host: said, and named"

# Why a sender gives no verdict, and a control byte is never echoed.
q 'x@[192.0.2.1]' 'root@' "$(printf 'x\033[2J.com')" 192.0.2.7 2001:db8::1 > /dev/null
like "$(cat "$TMP/q.err")" "'x@\[192.0.2.1\]' is an IP address, never a phished domain" \
	"an address literal: said why"
like "$(cat "$TMP/q.err")" "'root@' has no domain part" "no domain part: said why"
like "$(cat "$TMP/q.err")" "'192.0.2.7' is an IP address, never a phished domain" \
	"a bare IPv4 address: said why"
like "$(cat "$TMP/q.err")" "'2001:db8::1' is an IP address, never a phished domain" \
	"a bare IPv6 address: said why"
like "$(cat "$TMP/q.err")" "a sender with control characters is not" \
	"a sender with control characters: said, not echoed"
is "$(tr -d '\n' < "$TMP/q.err" | tr -d '[:print:]' | wc -c)" 0 \
	"no control byte reaches the terminal"

# A family's domain, and the brand's label under a country code when
# the brand owns them all (.cc), are the brand's own.
printf 'example-bank.com .cc ebank-online.com\n' > "$TMP/family"
is "$(pw -r "$RULEBASE" --brands "$TMP/family" --query www.ebank-online.com example-bank.de example-bank.info 2>/dev/null | cut -f1-4)" \
	"www.ebank-online.com${tab}ordinary${tab}own${tab}example-bank.com
example-bank.de${tab}ordinary${tab}own${tab}example-bank.com
example-bank.info${tab}phish${tab}example-bank.com${tab}lookalike:tld-swap" \
	"a family domain and a country site: whose; not an open suffix"

# The line is in the first table's own syntax.
printf 'complains.linkedin.com REJECT\n' > "$TMP/pf"
is "$(pw -r "$RULEBASE" --brands "$TMP/brands" -a "postfix:$TMP/pf" --query linkedinmail.com 2>/dev/null | cut -f6-)" \
	"linkedinmail.com REJECT Sender banned" "a Postfix table: a Postfix line"

# A run says the same of the same sender.
from_line r63Q00000001 '<x@news.linkedinmail.com>' > "$TMP/log"
pw -r "$RULEBASE" --brands "$TMP/brands" --allow "$TMP/allow" -a "$TMP/access" "$TMP/log" \
	> "$TMP/run.out" 2>/dev/null
is "$(jq -r '[.phishwatch.phished_domain, .rule.name, .phishwatch.suggested_access] | @tsv' < "$TMP/run.out")" \
	"$(q x@news.linkedinmail.com | cut -f3,4,6- | sed 's/\t/\\t/3')" \
	"a run's event: the same brand, rule and access line"

# Brands learned from the store count; the store is only read.
from_line r63Q00000002 '<a@emalsrv.quuxbank.com>' > "$TMP/s1"
pw -r "$RULEBASE" -s "$TMP/state.db" "$TMP/s1" > /dev/null 2>&1
sum=$(cksum < "$TMP/state.db")
is "$(pw -r "$RULEBASE" -s "$TMP/state.db" --query quuxbank-login.com 2>/dev/null | cut -f1-4)" \
	"quuxbank-login.com${tab}phish${tab}quuxbank.com${tab}lookalike:combo" \
	"a stored campaign's domain is a brand"
is "$(cksum < "$TMP/state.db")" "$sum" "the store is not written"

# No log is read, so the rulebase is neither loaded nor checked: a
# broken one still gives the answer, and --check still fails on it.
printf 'rule=broken:%%x:no-such-parser%%\n' > "$TMP/broken.rb"
is "$(pw -r "$TMP/broken.rb" --brands "$TMP/brands" --query walmartmail.com 2>/dev/null | cut -f1-3)" \
	"$(printf 'walmartmail.com\tphish\twalmart.com')" "--query loads no rulebase: a broken one does not matter"
pw -r "$TMP/broken.rb" --brands "$TMP/brands" --check > /dev/null 2>&1
is "$?" 65 "--check on the same rulebase fails (65)"

# An answer that cannot be written is an I/O error, not a verdict.
pw -r "$RULEBASE" --brands "$TMP/brands" --query walmartmail.com > /dev/full 2> "$TMP/full.err"
is "$?" 74 "standard output full: exit 74"
like "$(cat "$TMP/full.err")" "standard output: No space left on device" "standard output full: said"

# --query -: the senders of standard input, one a line, as postmap -q -
# reads its keys; blanks, empty lines and comments are no sender.
qin() {	# qin ARGS... - q with standard input from $TMP/senders
	q "$@" < "$TMP/senders"
}
printf 'walmartmail.com\n\n  # a comment\n  x@example.org \r\nwalmart.ca\n' > "$TMP/senders"
is "$(qin - | cut -f1-3)" \
	"$(printf 'walmartmail.com\tphish\twalmart.com\nexample.org\tordinary\nwalmart.ca\tordinary\tallowed')" \
	"--query -: a line for each sender of standard input"
is "$(cat "$TMP/rc")" 0 "--query -: a phish among them: exit 0"
is "$(qin linkedin.com - www.walmart.com | cut -f1,2)" \
	"$(printf 'linkedin.com\tordinary\nwalmartmail.com\tphish\nexample.org\tordinary\nwalmart.ca\tordinary\nwww.walmart.com\tordinary')" \
	"- among the senders named: in their order"
printf 'example.org\nnot a host\n%01100d\nexample.net\n' 0 > "$TMP/senders"
is "$(qin - | cut -f1)" "$(printf 'example.org\nexample.net')" \
	"--query -: a bad line said, the lines after it read"
is "$(cat "$TMP/rc")" 65 "--query -: a line that names no host: exit 65"
like "$(cat "$TMP/q.err")" "standard input:2: 'not a host' is not a sender address" \
	"--query -: the bad line's number"
like "$(cat "$TMP/q.err")" "standard input:3: longer than 1024 bytes; no sender" \
	"--query -: a long line's number"
printf '' > "$TMP/senders"
is "$(qin -)" "" "--query - of nothing: no line"
is "$(cat "$TMP/rc")" 1 "--query - of nothing: no phish, exit 1"
q - < "$TMP" > /dev/null
is "$(cat "$TMP/rc")" 74 "--query - from a directory: the read fails, exit 74"
like "$(cat "$TMP/q.err")" "--query -: Is a directory" "... and says why"

# A list of popular sites as published (Tranco's CSV) is a brands file:
# ranks left out with one warning, and --check passes.
printf '1,quuxbank.com\n2,zorbpay.com\n' > "$TMP/ranked"
pw -r "$RULEBASE" --brands "$TMP/ranked" --check > /dev/null 2> "$TMP/ranked.err"
is "$?" 0 "--check passes on a ranked list"
is "$(head -n 1 "$TMP/ranked.err")" \
	"phishwatch: warning: $TMP/ranked:1: a ranked list: each line's rank left out" \
	"the ranks: one warning, at the first line"
is "$(grep -c rank "$TMP/ranked.err")" 1 "... and only one"
is "$(pw -r "$RULEBASE" --no-default-brands --brands "$TMP/ranked" --query zorbpay-login.com 2>/dev/null | cut -f1-3)" \
	"$(printf 'zorbpay-login.com\tphish\tzorbpay.com')" "a ranked list's brand is a brand"

for args in "--query" "--query x.com -n" "--query x.com --report" \
	    "--query x.com --omprog -o /dev/null" "--query x.com --forget x.com -s $TMP/state.db"; do
	pw -r "$RULEBASE" $args > /dev/null 2>&1
	is "$?" 64 "usage error: $args"
done
done_testing
