#!/usr/bin/env bash
# Lookalike sender domains (--brands, --allow, brands learned from the
# access map and the store): which rule, which event, which access line.
. "$(dirname "$0")/../lib.sh"

printf '# brands we watch\nlinkedin.com\nwalmart.com\nmarriott.com  # hotels\nmyetherwallet.com\n' > "$TMP/brands"
printf 'walmart.ca\n' > "$TMP/allow"

# batch FILE DOMAIN... - a log of one sender a line, from each DOMAIN:
# one run reads them all (a start costs more than a line, most of all
# under the sanitizers)
batch() {
	_f=$1; shift; _n=100
	for _d in "$@"; do
		_n=$((_n + 1)); from_line "r63L00000$_n" "<x@$_d>"
	done > "$_f"
}
# event_of OUT HOST - the event of sender HOST in OUT, as TSV: action,
# rule, phished domain, sender domain
event_of() {
	jq -r --arg h "$2" 'select(.threat.indicator.url.domain == $h) |
		[.event.action, .rule.name, .phishwatch.phished_domain,
		 .phishwatch.sender_domain] | @tsv' < "$1"
}
# first_action BRAND SEEN - the action of a brand's first lookalike
# (phished-domain-first-seen) and of the next ones in a run
# (sender-domain-first-seen: a new sender of a known campaign); SEEN is
# the space-separated brands before it
first_action() {
	case " $2 " in
	*" $1 "*) echo sender-domain-first-seen ;;
	*) echo phished-domain-first-seen ;;
	esac
}
tab=$(printf '\t')
# expect_batch OUT CASE... - each CASE "HOST RULE BRAND [SENDER_DOMAIN]"
# has its event in OUT, in a run that read them in this order
expect_batch() {
	_out=$1; shift; _seen=
	for _case in "$@"; do
		set -- $_case
		_act=$(first_action "$3" "$_seen"); _seen="$_seen $3"
		is "$(event_of "$_out" "$1")" "$_act$tab$2$tab$3$tab${4:-$1}" \
			"$1 imitates $3 ($2)"
	done
}
set -- \
	"linkedinmail.com lookalike:affix-mail linkedin.com" \
	"linkedin-mail.net lookalike:affix-mail linkedin.com" \
	"linkedin.biz lookalike:tld-swap linkedin.com" \
	"wallmart.com lookalike:typo walmart.com" \
	"marriot.com lookalike:typo marriott.com" \
	"rnarriott.com lookalike:homoglyph marriott.com" \
	"myefherwalet.com lookalike:typo myetherwallet.com" \
	"linkedin.com.verify-id.info lookalike:embedded linkedin.com verify-id.info" \
	"marriott.com-rewards.top lookalike:embedded marriott.com com-rewards.top" \
	"xn--lnkedin-rog.com lookalike:homoglyph linkedin.com"
cases=("$@")
batch "$TMP/cases" $(printf '%s\n' "${cases[@]}" | cut -d' ' -f1)
pw -r "$RULEBASE" --brands "$TMP/brands" --allow "$TMP/allow" "$TMP/cases" \
	> "$TMP/cases.out" 2> "$TMP/cases.err"
is "exit=$? events=$(events "$TMP/cases.out")" "exit=0 events=${#cases[@]}" \
	"one event for each lookalike sender"
expect_batch "$TMP/cases.out" "${cases[@]}"
# No event is not enough: the run must end well, having read the senders
# and found nothing suspicious (a crash writes no event either).
legit="linkedin.com e.linkedin.com walmart.ca mail.walmart.ca marketo.com mailchimp.com gmail.com"
batch "$TMP/legit" $legit
pw -r "$RULEBASE" --brands "$TMP/brands" --allow "$TMP/allow" "$TMP/legit" \
	> "$TMP/legit.out" 2> "$TMP/legit.err"
is "exit=$? events=$(events "$TMP/legit.out") senders=$(counter senders "$TMP/legit.err") suspicious=$(counter suspicious "$TMP/legit.err")" \
	"exit=0 events=0 senders=$(echo $legit | wc -w) suspicious=0" "$legit: no lookalike"

# The suggested access line blocks the whole lookalike domain.
from_line r63L00000002 '<x@news.linkedinmail.com>' > "$TMP/sub"
pw -r "$RULEBASE" --brands "$TMP/brands" "$TMP/sub" > "$TMP/sub.out" 2>/dev/null
is "$(jq -r .phishwatch.suggested_access < "$TMP/sub.out")" "$(printf 'linkedinmail.com\tERROR:"550 5.7.1 Sender banned"')" \
	"suggested access line: the lookalike's registrable domain"
is "$(jq -r .phishwatch.sender_domain < "$TMP/sub.out")" linkedinmail.com "sender_domain is the lookalike domain"
is "$(jq -r .threat.indicator.url.domain < "$TMP/sub.out")" news.linkedinmail.com "the indicator is the host"

# A brand's domain at the front of another's: the access line blocks the
# domain the phisher registered, not the brand; the brand's label alone
# below someone else's domain (a help desk's tenant) is no lookalike.
from_line r63L00000009 '<x@linkedin.com.verify-id.info>' > "$TMP/emb"
from_line r63L00000010 '<x@linkedin.zendesk.com>' >> "$TMP/emb"
pw -r "$RULEBASE" --brands "$TMP/brands" "$TMP/emb" > "$TMP/emb.out" 2>/dev/null
is "$(jq -r '.phishwatch.sender_domain + " " + .threat.indicator.url.domain' < "$TMP/emb.out")" \
	"verify-id.info linkedin.com.verify-id.info" "embedded: one event, for the registered domain"
is "$(jq -r .phishwatch.suggested_access < "$TMP/emb.out")" "$(printf 'verify-id.info\tERROR:"550 5.7.1 Sender banned"')" \
	"embedded: the access line blocks the registered domain, not the brand"
# Below a hosting company's domain that no public suffix marks, the
# customer's part is blocked, not the company.
from_line r63L00000009 '<x@linkedin.com.u12.cp.hoster.ru>' > "$TMP/emb2"
pw -r "$RULEBASE" --brands "$TMP/brands" "$TMP/emb2" > "$TMP/emb2.out" 2>/dev/null
is "$(jq -r .phishwatch.suggested_access < "$TMP/emb2.out")" "$(printf 'u12.cp.hoster.ru\tERROR:"550 5.7.1 Sender banned"')" \
	"embedded below a hoster: the access line blocks the customer's part"

# ".*" in a brands file: the brand's label under any registry's suffix is
# its own (no event, no warning), under a hosting service's suffix it is
# not; its typos still count.
printf 'kayak.com .*   # its sites in most countries and generic domains\n' > "$TMP/brands-all"
{
	from_line r63L00000020 '<a@kayak.travel>'
	from_line r63L00000021 '<b@kayak.co.uk>'
	from_line r63L00000022 '<c@kayak.github.io>'
	from_line r63L00000023 '<d@kayac.com>'
} > "$TMP/all.in"
pw -r "$RULEBASE" --no-default-brands --brands "$TMP/brands-all" "$TMP/all.in" > "$TMP/all.out" 2> "$TMP/all.err"
is "exit=$? $(jq -r '.phishwatch.sender_domain + ":" + .rule.name' < "$TMP/all.out" | tr '\n' ' ')" \
	"exit=0 kayak.github.io:lookalike:tld-swap kayac.com:lookalike:typo " \
	".* owns the label under every registry's suffix, not a hosting service's"
is "$(grep -c 'brands-all' "$TMP/all.err")" 0 ".* is no bad word of a brands file"

# "!any" in a brands file: anything beside the marked brand's label makes
# a combination, under any suffix, unless a word runs across it; not for
# the same brand unmarked; refused on a label under 5 letters, naming
# the file and line.
printf 'ethereum.org !any\nrevolut.com !any\nmetamask.io\n' > "$TMP/brands-any"
batch "$TMP/any.in" ethereumdrop.com bigethereum.org ethereum-eth.info \
	revolutionary.com metamaskpro.com
pw -r "$RULEBASE" --no-default-brands --brands "$TMP/brands-any" "$TMP/any.in" \
	> "$TMP/any.out" 2> "$TMP/any.err"
is "exit=$? $(jq -r '.phishwatch.sender_domain + ":" + .rule.name' < "$TMP/any.out" | tr '\n' ' ')" \
	"exit=0 ethereumdrop.com:lookalike:combo bigethereum.org:lookalike:combo ethereum-eth.info:lookalike:combo " \
	"!any: a marked brand with any word beside it; not across a word, not unmarked"
is "$(counter lines "$TMP/any.err") $(counter senders "$TMP/any.err") $(grep -c warning "$TMP/any.err")" \
	"5 5 0" "!any: every line read, each sender seen, no warning"
printf 'dhl.com !any\n' > "$TMP/brands-any-short"
pw -r "$RULEBASE" --no-default-brands --brands "$TMP/brands-any-short" --check \
	> /dev/null 2> "$TMP/any-short.err"
is "$?" 65 "!any on a label under 5 letters: --check fails (65)"
like "$(cat "$TMP/any-short.err")" "brands-any-short:1: !any needs a label of 5 letters or more: dhl.com; that word left out" \
	"!any on a short label: the warning names file, line, brand, and what is left out"
# ... and only the mark is left out: the brand is still one, read narrowly
pw -r "$RULEBASE" --no-default-brands --brands "$TMP/brands-any-short" \
	--query upss.com dhll.com dhlpro.com 2> /dev/null | cut -f1-4 > "$TMP/any-short.out"
is "$(tr '\t\n' ': ' < "$TMP/any-short.out")" \
	"upss.com:ordinary dhll.com:phish:dhl.com:lookalike:typo dhlpro.com:ordinary " \
	"!any refused on dhl.com: dhl.com is still a brand, without the mark"

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

# The access map's OK and RELAY entries are senders the administrator
# trusts: never a lookalike, nor the hosts below them.  SKIP, Postfix's
# DUNNO and an address key vouch for no domain.
printf 'From:linkedin-mail.net\tOK\nConnect:marriot.com\tRELAY\nwallmart.com\tOK\nlinkedinmail.com\tSKIP\nFrom:x@linkedin.biz\tOK\n' > "$TMP/trust"
printf 'wallmart.com OK\nmarriot.com DUNNO\n' > "$TMP/trust.pf"
trusted() {	# trusted ACCESS DOMAIN... - the senders reported, in order
	a=$1; shift; n=20
	for d in "$@"; do n=$((n + 1)); from_line "r63L000000$n" "<y@$d>"; done > "$TMP/trust.in"
	pw -r "$RULEBASE" --brands "$TMP/brands" -a "$a" "$TMP/trust.in" 2>/dev/null |
		jq -r .phishwatch.sender_domain | tr '\n' ' '
}
is "$(trusted "$TMP/trust" linkedin-mail.net news.marriot.com wallmart.com linkedinmail.com linkedin.biz)" \
	"linkedinmail.com linkedin.biz " \
	"sendmail From:, Connect: and untagged OK or RELAY domains are trusted; SKIP and an address are not"
is "$(trusted "postfix:$TMP/trust.pf" wallmart.com marriot.com)" "marriot.com " \
	"Postfix: an OK domain is trusted, a DUNNO one is not"

# Brands learned from the store across runs.
from_line r63L00000009 '<a@emalsrv.ups.com>' > "$TMP/s1"
from_line r63L00000010 '<a@upsmail.com>' > "$TMP/s2"
pw -r "$RULEBASE" -s "$TMP/state.db" "$TMP/s1" > /dev/null 2>&1
pw -r "$RULEBASE" -s "$TMP/state.db" "$TMP/s2" > "$TMP/s2.out" 2>/dev/null
is "$(jq -r '[.event.action, .rule.name, .phishwatch.phished_domain] | @tsv' < "$TMP/s2.out")" \
	"sender-domain-first-seen${tab}lookalike:affix-mail${tab}ups.com" "a stored campaign's domain is a brand next time"

# The shipped brands list: brands with their families, used by default.
shipped() {	# shipped DOMAIN [OPTIONS...] - the event of one sender, as TSV
	d=$1; shift
	from_line r63L00000011 "<x@$d>" > "$TMP/one"
	pw -r "$RULEBASE" --default-brands "$TOP/data/brands" "$@" "$TMP/one" 2>/dev/null |
		jq -r '[.event.action, .rule.name, .phishwatch.phished_domain, .phishwatch.sender_domain] | @tsv'
}
set -- \
	"paypal-login.com lookalike:combo paypal.com" \
	"secure-microsoft.com lookalike:combo microsoft.com" \
	"docusing.net lookalike:typo docusign.com" \
	"upss.com lookalike:typo ups.com" \
	"dhl.xyz lookalike:tld-swap dhl.com" \
	"dhlweb.com lookalike:combo dhl.com" \
	"usps-balance.com lookalike:combo usps.com" \
	"paypal2019.com lookalike:combo paypal.com" \
	"docusign-balance.com lookalike:combo docusign.com" \
	"metamaskpro.com lookalike:combo metamask.io" \
	"coinbasewallets.com lookalike:combo coinbase.com" \
	"paypal-balance.com lookalike:combo paypal.com" \
	"bt-billing.com lookalike:combo bt.com" \
	"btsecure.com lookalike:combo bt.com" \
	"wwwbt.com lookalike:combo bt.com" \
	"ionos-login.fr lookalike:combo ionos.com" \
	"adp.xyz lookalike:tld-swap adp.com" \
	"xn--pypal-login-yij.com lookalike:combo paypal.com" \
	"paypa1-login.com lookalike:combo paypal.com" \
	"paypal-com.net lookalike:combo paypal.com" \
	"amazon-co-jp.top lookalike:combo amazon.com" \
	"deutsche-login.de lookalike:combo deutsche-bank.de" \
	"cra-refund.ca lookalike:combo cra-arc.gc.ca" \
	"login-bank.de lookalike:combo deutsche-bank.de" \
	"verify-mobile.com lookalike:combo t-mobile.com" \
	"ledger-usdt.com lookalike:combo ledger.com" \
	"krakenstaking.com lookalike:combo kraken.com" \
	"instagramverified.com lookalike:combo instagram.com" \
	"ledger-apparaat.com lookalike:combo ledger.com" \
	"metamaskio.live lookalike:combo metamask.io" \
	"banckofamerika.com lookalike:typo bankofamerica.com" \
	"xn--80aaa4ib1d45c.com lookalike:homoglyph alibaba.com" \
	"socictcgcncralc.com lookalike:homoglyph societegenerale.com" \
	"paypalnow.top lookalike:combo paypal.com" \
	"paypal-securelogin.com lookalike:combo paypal.com" \
	"paypal-acount.com lookalike:combo paypal.com" \
	"paypalacount.com lookalike:combo paypal.com" \
	"paypal.com.verify-id.info lookalike:embedded paypal.com verify-id.info"
cases=("$@")
batch "$TMP/shipped" $(printf '%s\n' "${cases[@]}" | cut -d' ' -f1)
pw -r "$RULEBASE" --default-brands "$TOP/data/brands" "$TMP/shipped" \
	> "$TMP/shipped.out" 2> "$TMP/shipped.err"
is "exit=$? events=$(events "$TMP/shipped.out")" "exit=0 events=${#cases[@]}" \
	"shipped list: one event for each lookalike sender"
expect_batch "$TMP/shipped.out" "${cases[@]}"
# --help's newer examples are the ones the run above reads
help=$(pw --help)
for example in paypal-balance.com bt-billing.com btsecure.com xn--pypal-login-yij.com paypa1-login.com \
	paypal-com.net socictcgcncralc.com paypalnow.top paypal-securelogin.com \
	paypal-acount.com paypalacount.com paypal.com.verify-id.info metamaskpro.com \
	wwwbt.com cra-refund.ca login-bank.de metamaskio.live ledger-usdt.com; do
	like "$help" "$example" "--help shows $example, run above"
done
# quiet NAME FILE [OPTIONS...] - no event for any sender of FILE, and
# not for a crash: exit 0, every line read, each sender seen, none
# suspicious
quiet() {
	_name=$1; _in=$2; shift 2
	pw -r "$RULEBASE" --default-brands "$TOP/data/brands" "$@" "$_in" \
		> "$_in.out" 2> "$_in.err"
	is "$?" 0 "$_name: exit status 0"
	is "$(jq -r .phishwatch.sender_domain < "$_in.out" | tr '\n' ' ')" "" \
		"$_name: no event"
	_n=$(grep -c . "$_in")
	is "$(counter lines "$_in.err") $(counter senders "$_in.err") $(counter suspicious "$_in.err") $(counter events "$_in.err")" \
		"$_n $_n 0 0" "$_name: the lines read, their senders seen, none suspicious"
}
# not_shipped NAME DOMAIN [OPTIONS...] - quiet, for one sender
not_shipped() {
	_name=$1; shift
	batch "$TMP/one" "$1"; shift
	quiet "$_name" "$TMP/one" "$@"
}
own="docusign.net googlemail.com facebookmail.com amazon.co.uk att.net paypal.de yahoo.co.jp y.ahoo.it
	ionos.fr adp.ca natwestgroup.com btconnect.com"
batch "$TMP/own" $own
quiet "shipped list: the brands' own ($(echo $own))" "$TMP/own"
legit="ubs.com nhl.com art.com openoffice.org groups.io paypal-deutschland.de fedexfield.com
	bttrack.com bt-2019.com paypal-de.com office-com.jp deutsche-post.de paypalnow.com
	arc-refund.ca login-bank.com berliner-bank.de t-online.com paypal-opwaarderen.nl"
batch "$TMP/legit2" $legit
quiet "shipped list: no lookalikes ($(echo $legit))" "$TMP/legit2"
not_shipped "--no-default-brands: no shipped list" paypal-login.com --no-default-brands
printf 'paypal.com\n' > "$TMP/pp"
not_shipped "--no-default-brands --brands FILE replaces the list" docusing.net \
	--no-default-brands --brands "$TMP/pp"
is "$(shipped paypal-login.com --no-default-brands --brands "$TMP/pp")" \
	"phished-domain-first-seen${tab}lookalike:combo${tab}paypal.com${tab}paypal-login.com" "... with the brands of FILE"
printf 'marriott.com\n' > "$TMP/mar"
is "$(shipped "$(printf 'p\320\260ypal-login.com')")" \
	"phished-domain-first-seen${tab}lookalike:combo${tab}paypal.com${tab}xn--pypal-login-yij.com" \
	"shipped list: a UTF-8 sender, paypal with a Cyrillic a and a keyword"
printf 'm\303\274ller.de .com   # written in UTF-8\n' > "$TMP/utf8"
is "$(shipped mueller.de --brands "$TMP/utf8")" \
	"phished-domain-first-seen${tab}lookalike:homoglyph${tab}xn--mller-kva.de${tab}mueller.de" \
	"a brand written in UTF-8 in --brands FILE is taken as its A-labels"
not_shipped "... and its family too" xn--mller-kva.com --brands "$TMP/utf8"
printf 'b\303\274cher.de\nm\303\274nchner-bank.de\n' > "$TMP/idnbrands"
is "$(shipped bucher-login.de --brands "$TMP/idnbrands")" \
	"phished-domain-first-seen${tab}lookalike:combo${tab}xn--bcher-kva.de${tab}bucher-login.de" \
	"an internationalized brand's name in ASCII with a keyword is its lure"
is "$(shipped munchner-bank-secure.com --brands "$TMP/idnbrands" | cut -f2-3)" \
	"lookalike:combo${tab}xn--mnchner-bank-dlb.de" \
	"... a hyphenated one's too, under any suffix"
not_shipped "... with a word that is no keyword, nobody's" bucher-family.de --brands "$TMP/idnbrands"
printf 'ee.co.uk\n' > "$TMP/ee"
is "$(shipped ee-billing-recovery.web.app --brands "$TMP/ee")" \
	"phished-domain-first-seen${tab}lookalike:combo${tab}ee.co.uk${tab}ee-billing-recovery.web.app" \
	"a two-letter brand with keywords and hyphens: a real carrier lure's host"
is "$(shipped docusing.net --brands "$TMP/mar" | cut -f2)" lookalike:typo "--brands FILE alone extends the shipped list"
pw -r "$RULEBASE" --default-brands "$TMP/none" /dev/null > /dev/null 2>&1
is "$?" 66 "a missing --default-brands file exits 66"

# SMTPUTF8 senders: a U-label is checked as its A-label.
from_line r63L00000012 $'<a@marr\xd1\x96ott.com>' > "$TMP/utf8"
pw -r "$RULEBASE" --brands "$TMP/brands" "$TMP/utf8" > "$TMP/utf8.out" 2>/dev/null
is "$(jq -r '[.rule.name, .phishwatch.phished_domain, .phishwatch.sender_domain] | @tsv' < "$TMP/utf8.out")" \
	"lookalike:homoglyph${tab}marriott.com${tab}xn--marrott-uog.com" "a UTF-8 sender (Cyrillic i) as its A-label"
# A Thai letter among Latin ones stands in for a brand's letter; all in
# Thai, a name is read by its sound and is nobody's look-alike.
{
	from_line r63L00000017 $'<a@p\xe0\xb8\x84ypal.com>'
	from_line r63L00000018 $'<a@\xe0\xb8\x84\xe0\xb8\xa1\xe0\xb8\x99\xe0\xb8\xb2\xe0\xb8\x84\xe0\xb8\xa1.com>'
} > "$TMP/mixed"
pw -r "$RULEBASE" --brands "$TMP/pp" "$TMP/mixed" > "$TMP/mixed.out" 2>/dev/null
is "$(jq -r '[.rule.name, .phishwatch.phished_domain, .phishwatch.sender_domain] | @tsv' < "$TMP/mixed.out")" \
	"lookalike:homoglyph${tab}paypal.com${tab}xn--pypal-g7q.com" \
	"a UTF-8 sender mixing a Thai letter into paypal, and none for a Thai name"

# Learned brands are capped: the rest is counted and said once.
{
	from_line r63L00000013 '<a@emalsrv.firstbrand.com>'
	from_line r63L00000014 '<a@emalsrv.secondbrand.com>'
	from_line r63L00000015 '<a@emalsrv.thirdbrand.com>'
	from_line r63L00000016 '<a@secondbrandmail.com>'
} > "$TMP/cap"
pw -r "$RULEBASE" --max-learned-brands 1 "$TMP/cap" > "$TMP/cap.out" 2> "$TMP/cap.err"
is "$(grep -c 'most kept (--max-learned-brands)' "$TMP/cap.err")" 1 "the cap is said once"
is "$(jq -r .phishwatch.sender_domain < "$TMP/cap.out" | tr '\n' ' ')" \
	"emalsrv.firstbrand.com emalsrv.secondbrand.com emalsrv.thirdbrand.com " \
	"campaigns past the cap are reported, their lookalikes are not"
pw -r "$RULEBASE" --max-learned-brands x /dev/null > /dev/null 2>&1
is "$?" 64 "--max-learned-brands takes a number"

# File errors.
printf 'linkedin.com\nnot a domain\n' > "$TMP/bad-brands"
pw -r "$RULEBASE" --brands "$TMP/bad-brands" --check > /dev/null 2> "$TMP/bb.err"
is "$?" 65 "--check fails on an unreadable brands line"
like "$(cat "$TMP/bb.err")" "bad-brands:2" "naming file:line"
pw -r "$RULEBASE" --brands "$TMP/none" /dev/null > /dev/null 2>&1
is "$?" 66 "a missing brands file exits 66"

# Brands as lists copied from reports and feeds write them: a byte order
# mark, a URL, a host below the domain, an address; each is read as the
# domain it names, said on stderr with file:line, and --check passes.
printf '\357\273\277https://www.linkedin.com/login\nwww.walmart.com\nsecurity@marriott.com\n' > "$TMP/copied"
{ from_line r63L00000011 '<x@linkedin-verify.com>'
  from_line r63L00000012 '<x@wallmart.com>'
  from_line r63L00000013 '<x@marriot.com>'; } > "$TMP/copied.log"
pw -r "$RULEBASE" --no-default-brands --brands "$TMP/copied" "$TMP/copied.log" \
	> "$TMP/copied.out" 2> "$TMP/copied.err"
is "$(jq -r .phishwatch.phished_domain < "$TMP/copied.out" | tr '\n' ' ')" \
	"linkedin.com walmart.com marriott.com " \
	"brands copied as a URL, a host and an address are watched"
like "$(cat "$TMP/copied.err")" 'copied:1: starts with a UTF-8 byte order mark \(bytes EF BB BF\), left out' \
	"the byte order mark is said and left out"
like "$(cat "$TMP/copied.err")" 'copied:2: "www.walmart.com" read as walmart.com, the registrable domain it names' \
	"each line read otherwise is said with file:line"
pw -r "$RULEBASE" --no-default-brands --brands "$TMP/copied" --check > /dev/null 2> "$TMP/copied.check"
is "$?" 0 "--check passes: no line was lost"
done_testing
