#!/usr/bin/env bash
# utf8.t - senders whose domain is written in UTF-8 (SMTPUTF8), as the
# three real MTAs of Debian 12 logged and judged them (tests/mta/utf8/).
#
# Each MTA was given a blocking table holding one look-alike domain
# as its A-label and another as written in UTF-8, and was sent, over
# loopback by an SMTP client using SMTPUTF8 where the MTA offered it,
# mail from both look-alikes in both spellings:
#	sendmail 8.17.1.9 (no SMTPUTF8 in Debian's build): access map
#		From:xn--mazon-3ve.com and From:p<Cyrillic a>ypal.com;
#		its syslog lines (sendmail.log) write each byte >= 0200
#		as a backslash and three octal digits
#	Postfix 3.7.11 (smtputf8_enable = yes): check_sender_access with
#		xn--marrott-uog.com and p<Cyrillic a>ypal.com; raw UTF-8
#	Exim 4.96 (I18N): "deny sender_domains" with the same two as
#		Postfix (exim.reject_domains); raw UTF-8 in its mainlog
# Every MTA refused only the spelling its table holds: an A-label entry
# let the UTF-8 spelling through and the other way round, and Exim,
# which folds ASCII letters only, let P<Cyrillic capital A>YPAL.COM
# through a p<Cyrillic a>ypal.com entry, while Postfix, which folds the
# case of every letter, refused it.  phishwatch must judge each
# message as its MTA did, and give for each spelling that got through
# the line that blocks that spelling.

. "$(dirname "$0")/../lib.sh"

export TZ=UTC
REC="$TOP/tests/mta/utf8"
EXIM_RB="$TOP/rulebase/exim.rb"
tab=$'\t'

printf 'amazon.com\npaypal.com\nmarriott.com\nb\303\274cher.de\n' >"$TMP/brands"

# events MTA LOG ACCESS - action, sender domain and access line of each
# event phishwatch gives for LOG, the MTA's table given ("|" between)
events() {
	pw -r "$RULEBASE" -r "exim:$EXIM_RB" --no-default-brands \
		--brands "$TMP/brands" -a "$1:$3" "$2" 2>"$TMP/$1.err" |
		jq -r '"\(.event.action)|\(.phishwatch.sender_domain)|\(.phishwatch.suggested_access)"'
}

# campaigns MTA LOG ACCESS - per campaign: its domain, its sender
# domains, messages, rejected, delivered, deferred
campaigns() {
	pw -r "$RULEBASE" -r "exim:$EXIM_RB" --no-default-brands \
		--brands "$TMP/brands" -a "$1:$3" --report=json "$2" 2>/dev/null |
		jq -r '[.phished_domain, (.sender_domains | join(",")),
			.messages, .rejected, .delivered, .deferred] | @tsv' |
		sort
}

# --- sendmail -------------------------------------------------------
SM_EV=$(events sendmail "$REC/sendmail.log" "$REC/sendmail.access")
is "$SM_EV" "phished-domain-first-seen|xn--mazon-3ve.com|$(printf '\320\260')mazon.com${tab}ERROR:\"550 5.7.1 Sender banned\"
sender-domain-first-seen|xn--pypal-4ve.com|xn--pypal-4ve.com${tab}ERROR:\"550 5.7.1 Sender banned\"" \
	"sendmail: the spellings sm-mta let through, each with the line in its spelling"
is "$(grep -c 'not a hostname' "$TMP/sendmail.err")" 0 \
	"sendmail: its octal escapes are read back, no sender skipped"
is "$(campaigns sendmail "$REC/sendmail.log" "$REC/sendmail.access")" \
	"amazon.com${tab}xn--mazon-3ve.com,$(printf '\320\260')mazon.com${tab}2${tab}1${tab}0${tab}1
paypal.com${tab}p$(printf '\320\260')ypal.com,xn--pypal-4ve.com${tab}2${tab}1${tab}0${tab}1" \
	"sendmail: each campaign's refused and deferred messages as sm-mta logged them"

# --- Postfix --------------------------------------------------------
PF_EV=$(events postfix "$REC/postfix.log" "$REC/postfix.access")
is "$PF_EV" "sender-domain-first-seen|xn--pypal-4ve.com|xn--pypal-4ve.com REJECT Sender banned
sender-domain-first-seen|xn--marrott-uog.com|marr$(printf '\321\226')ott.com REJECT Sender banned" \
	"postfix: the spellings Postfix let through, each with the line in its spelling"
is "$(campaigns postfix "$REC/postfix.log" "$REC/postfix.access")" \
	"marriott.com${tab}xn--marrott-uog.com,marr$(printf '\321\226')ott.com${tab}2${tab}1${tab}1${tab}0
paypal.com${tab}p$(printf '\320\260')ypal.com,xn--pypal-4ve.com${tab}3${tab}2${tab}1${tab}0" \
	"postfix: refused and delivered as Postfix logged them"

# A campaign's summary names its first sender, written in UTF-8 and kept
# so by the store, by its A-labels, as the first-seen events do.
pw -r "$RULEBASE" --no-default-brands --brands "$TMP/brands" \
	-a "postfix:$REC/postfix.access" --summary-interval 1 \
	"$REC/postfix.log" 2>/dev/null |
	jq -r 'select(.event.action == "campaign-summary")
		| "\(.phishwatch.phished_domain) \(.phishwatch.sender_domain)"' \
		>"$TMP/summary"
is "$(cat "$TMP/summary")" "paypal.com xn--pypal-4ve.com" \
	"postfix: the summary of a campaign first seen in UTF-8 names its A-labels"

# Postfix folds the case of every letter of a key beyond ASCII, in the
# table and in the sender (postfix-case.log: the same Postfix and table,
# P<Cyrillic capital A>YPAL.COM and a subdomain refused; the same
# Postfix 3.7.11, compatibility_level 3.6, wrote postfix-capitals.log).
is "$(events postfix "$REC/postfix-case.log" "$REC/postfix.access")" "" \
	"postfix: a capital Cyrillic A refused by a lower-case entry: no event"
is "$(campaigns postfix "$REC/postfix-case.log" "$REC/postfix.access")" \
	"paypal.com${tab}p$(printf '\320\220')ypal.com,p$(printf '\320\260')ypal.com${tab}2${tab}2${tab}0${tab}0" \
	"postfix: both refusals counted"
# The other way round: an entry written in capitals (postfix-capitals.*:
# postmap -s shows it stored folded) refused the small, the capital and
# a subdomain's spelling alike.
is "$(events postfix "$REC/postfix-capitals.log" "$REC/postfix-capitals.access")/$(grep -c 'line skipped' "$TMP/postfix.err")" "/0" \
	"postfix: an entry in capitals refused every spelling: no event, read cleanly"
is "$(campaigns postfix "$REC/postfix-capitals.log" "$REC/postfix-capitals.access" | cut -f1,3-)" \
	"paypal.com${tab}3${tab}3${tab}0${tab}0" \
	"postfix: the three refusals counted"
printf 'x@P\320\220YPAL.COM\nx@p\320\260ypal.com\n' |
	pw --no-default-brands --brands "$TMP/brands" \
		-a "sendmail:$REC/sendmail.access" -a "exim:$REC/exim.reject_domains" \
		--query - >"$TMP/unfolded" 2>/dev/null
is "$(cut -f5 "$TMP/unfolded" | tr '\n' ' ')" "unblocked blocked " \
	"sendmail and Exim tables fold ASCII only: the capital spelling unblocked"

# --- Exim -----------------------------------------------------------
EX_EV=$(events exim "$REC/exim.mainlog" "$REC/exim.reject_domains")
is "$EX_EV" "sender-domain-first-seen|xn--pypal-4ve.com|p$(printf '\320\220')ypal.com" \
	"exim: a capital Cyrillic A got through a lower-case entry; its own line"
is "$(grep -c 'line skipped' "$TMP/exim.err")" 0 \
	"exim: a list item written in UTF-8 is read"
is "$(campaigns exim "$REC/exim.mainlog" "$REC/exim.reject_domains")" \
	"marriott.com${tab}xn--marrott-uog.com${tab}1${tab}1${tab}0${tab}0
paypal.com${tab}p$(printf '\320\260')ypal.com,p$(printf '\320\220')ypal.com${tab}2${tab}1${tab}1${tab}0" \
	"exim: refused and delivered as Exim logged them"

# --- the line, pasted -----------------------------------------------
# The suggested line added to the table: the spelling is then blocked.
{
	cat "$REC/postfix.access"
	printf '%s\n' "$PF_EV" | cut -d'|' -f3
} >"$TMP/postfix.access"
is "$(events postfix "$REC/postfix.log" "$TMP/postfix.access")" "" \
	"postfix: with the suggested lines added, every spelling is blocked"
{
	cat "$REC/sendmail.access"
	printf '%s\n' "$SM_EV" | cut -d'|' -f3 | sed 's/^/From:/'
} >"$TMP/sendmail.access"
is "$(events sendmail "$REC/sendmail.log" "$TMP/sendmail.access")" "" \
	"sendmail: with the suggested lines added, every spelling is blocked"

# --query names the UTF-8 spelling too.
printf 'x@marr\321\226ott.com\nx@xn--marrott-uog.com\n' |
	pw -r "$RULEBASE" --no-default-brands --brands "$TMP/brands" \
		-a "postfix:$REC/postfix.access" --query - >"$TMP/query" 2>/dev/null
is "$(cut -f1,5,6 "$TMP/query")" \
	"xn--marrott-uog.com${tab}unblocked${tab}marr$(printf '\321\226')ott.com REJECT Sender banned
xn--marrott-uog.com${tab}blocked" \
	"--query: the UTF-8 spelling is not blocked by the A-label entry, and its line"

done_testing
