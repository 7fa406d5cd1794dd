#!/usr/bin/env bash
# Senders that hold a brand-like name by right: the domains the shipped
# brands serve sign-in, media and mail from, and schools and agencies
# under suffixes whose registry vets who registers (.edu, ac.id).  Their
# mail makes no event; the same names where anyone may register do.
. "$(dirname "$0")/../lib.sh"

senders() {	# senders FILE DOMAIN... - one from= line a domain into FILE
	_file=$1; shift
	: > "$_file"
	_i=0
	for _d in "$@"; do
		_i=$((_i + 1))
		from_line "$(printf 'r63L%08d' "$_i")" "<x@$_d>" >> "$_file"
	done
}
run() {	# run FILE - phishwatch with the shipped brands; stderr to FILE.err
	pw -r "$RULEBASE" --default-brands "$TOP/data/brands" "$1" 2> "$1.err"
}

owned="live.net connect.facebook.net cdninstagram.com m.media-amazon.com
amazon.jobs dhlparcel.nl capitalone.co.uk mail-out.ovh.net hsbcnet.com
chase.co.uk revolut.me assoc-amazon.de"
vetted="ups.edu weber.edu weber.k12.ut.us pnc.ac.id chilton.school.nz
paypal.gov.br"
# shellcheck disable=SC2086
senders "$TMP/legit" $owned $vetted
run "$TMP/legit" > "$TMP/legit.out"
is "exit=$? events=$(events "$TMP/legit.out") senders=$(counter senders "$TMP/legit.err") suspicious=$(counter suspicious "$TMP/legit.err")" \
	"exit=0 events=0 senders=18 suspicious=0" "brands' own domains and vetted suffixes: read, no event"

tab=$(printf '\t')
for case in \
	"facebook.org lookalike:tld-swap facebook.com" \
	"ups.xyz lookalike:tld-swap ups.com" \
	"webec.com lookalike:typo webex.com" \
	"iirs.gov lookalike:typo irs.gov" \
	"la-poste.fr lookalike:typo laposte.fr" \
	"microsoft-online.com lookalike:combo microsoft.com" \
	"fr-ledger.com lookalike:combo ledger.com"; do
	set -- $case
	senders "$TMP/one" "$1"
	is "$(run "$TMP/one" | jq -r '[.rule.name, .phishwatch.phished_domain] | @tsv')" \
		"$2$tab$3" "$1 imitates $3 ($2): an open suffix, the brand's own, another owner's label hyphenated"
done

# A family domain whose label is an English word (facebook.com's
# messenger.com): others' name in ASCII, but spoofed when written with
# a Cyrillic e under its own suffix.
senders "$TMP/word" messenger.com messenger-app.com messengr.com \
	"$(printf 'm\320\265ssenger.com')"
run "$TMP/word" > "$TMP/word.out"
is "$(jq -r '[.rule.name, .phishwatch.phished_domain, .phishwatch.sender_domain] | @tsv' < "$TMP/word.out")" \
	"lookalike:homoglyph${tab}facebook.com${tab}xn--mssenger-c8g.com" \
	"an English-word family label: only its IDN homoglyph is reported"
done_testing
