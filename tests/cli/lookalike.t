#!/usr/bin/env bash
# Lookalike sender domains (--brands, --allow, brands learned from the
# access map and the store): which rule, which event, which access line.
. "$(dirname "$0")/../lib.sh"

printf '# brands we watch\nlinkedin.com\nwalmart.com\nmarriott.com  # hotels\n' > "$TMP/brands"
printf 'walmart.ca\n' > "$TMP/allow"

one() {	# one DOMAIN [OPTIONS...] - the event of one sender, as TSV
	d=$1; shift
	from_line r63L00000001 "<x@$d>" > "$TMP/one"
	pw -r "$RULEBASE" --brands "$TMP/brands" --allow "$TMP/allow" "$@" "$TMP/one" 2>/dev/null |
		jq -r '[.event.action, .rule.name, .phishwatch.phished_domain] | @tsv'
}
tab=$(printf '\t')
for case in \
	"linkedinmail.com lookalike:affix-mail linkedin.com" \
	"linkedin-mail.net lookalike:affix-mail linkedin.com" \
	"linkedin.biz lookalike:tld-swap linkedin.com" \
	"wallmart.com lookalike:typo walmart.com" \
	"marriot.com lookalike:typo marriott.com" \
	"rnarriott.com lookalike:homoglyph marriott.com" \
	"xn--lnkedin-rog.com lookalike:homoglyph linkedin.com"; do
	set -- $case
	is "$(one "$1")" "phished-domain-first-seen$tab$2$tab$3" "$1 imitates $3 ($2)"
done
for legit in linkedin.com e.linkedin.com walmart.ca mail.walmart.ca marketo.com mailchimp.com gmail.com; do
	is "$(one "$legit")" "" "$legit is no lookalike"
done

# The suggested access line blocks the whole lookalike domain.
from_line r63L00000002 '<x@news.linkedinmail.com>' > "$TMP/sub"
pw -r "$RULEBASE" --brands "$TMP/brands" "$TMP/sub" > "$TMP/sub.out" 2>/dev/null
is "$(jq -r .phishwatch.suggested_access < "$TMP/sub.out")" "$(printf 'linkedinmail.com\tERROR:"550 5.7.1 Sender banned"')" \
	"suggested access line: the lookalike's registrable domain"
is "$(jq -r .phishwatch.sender_domain < "$TMP/sub.out")" linkedinmail.com "sender_domain is the lookalike domain"
is "$(jq -r .threat.indicator.url.domain < "$TMP/sub.out")" news.linkedinmail.com "the indicator is the host"

# A lookalike of a known campaign: sender-domain-first-seen, once per domain.
{
	from_line r63L00000003 '<a@emalsrv.linkedin.com>'
	from_line r63L00000004 '<b@linkedinmail.com>'
	from_line r63L00000005 '<c@linkedinmail.com>'
	from_line r63L00000006 '<d@linkedin-mail.org>'
} > "$TMP/known"
pw -r "$RULEBASE" "$TMP/known" > "$TMP/known.out" 2>/dev/null
is "$(jq -r '[.event.action, .phishwatch.sender_domain] | @tsv' < "$TMP/known.out" | tr '\t\n' ': ')" \
	"phished-domain-first-seen:emalsrv.linkedin.com sender-domain-first-seen:linkedinmail.com sender-domain-first-seen:linkedin-mail.org " \
	"the campaign's brand is learned; each new lookalike domain is reported once"

# Brands learned from the access map; a blocked lookalike gives nothing.
printf 'complains.linkedin.com\tDISCARD\nlinkedinmail.com\tERROR:"550 Sender banned"\n' > "$TMP/access"
{
	from_line r63L00000007 '<a@linkedinmail.com>'
	from_line r63L00000008 '<b@linkedin.net>'
} > "$TMP/acc"
pw -r "$RULEBASE" -a "$TMP/access" "$TMP/acc" > "$TMP/acc.out" 2>/dev/null
is "$(jq -r '[.event.action, .phishwatch.sender_domain] | @tsv' < "$TMP/acc.out" | tr '\t\n' ': ')" \
	"sender-domain-first-seen:linkedin.net " \
	"access map teaches linkedin.com; the blocked lookalike is quiet, the new one reported"

# Brands learned from the store across runs.
from_line r63L00000009 '<a@emalsrv.ups.com>' > "$TMP/s1"
from_line r63L00000010 '<a@upsmail.com>' > "$TMP/s2"
pw -r "$RULEBASE" -s "$TMP/state.db" "$TMP/s1" > /dev/null 2>&1
pw -r "$RULEBASE" -s "$TMP/state.db" "$TMP/s2" > "$TMP/s2.out" 2>/dev/null
is "$(jq -r '[.event.action, .rule.name, .phishwatch.phished_domain] | @tsv' < "$TMP/s2.out")" \
	"sender-domain-first-seen${tab}lookalike:affix-mail${tab}ups.com" "a stored campaign's domain is a brand next time"

# File errors.
printf 'linkedin.com\nnot a domain\n' > "$TMP/bad-brands"
pw -r "$RULEBASE" --brands "$TMP/bad-brands" --check > /dev/null 2> "$TMP/bb.err"
is "$?" 65 "--check fails on an unreadable brands line"
like "$(cat "$TMP/bb.err")" "bad-brands:2" "naming file:line"
pw -r "$RULEBASE" --brands "$TMP/none" /dev/null > /dev/null 2>&1
is "$?" 66 "a missing brands file exits 66"
done_testing
