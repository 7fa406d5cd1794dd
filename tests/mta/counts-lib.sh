# tests/mta/counts-lib.sh - what exim.t and postfix.t share (sourced
# after tests/lib.sh): phishwatch's campaign counts as lines, and the
# check that they equal the awk count of the same log.

# report_counts [relays] - phishwatch's --report=json on standard input
# as one line per campaign, "domain messages recipients delivered
# deferred bounced rejected discarded" (and relays when asked), sorted
report_counts() {
	jq -r --arg relays "${1:-}" '[.phished_domain, .messages, .recipients,
		.delivered, .deferred, .bounced, .rejected, .discarded]
		+ (if $relays == "" then [] else [.relays] end) | join(" ")' |
		sort
}

# same_counts WANT GOT NAME [FILE...] - one check: the awk count in the
# file WANT equals phishwatch's in GOT; on a difference, the diff and
# each FILE (phishwatch's diagnostics) as comments
same_counts() {
	local want=$1 got=$2 name=$3
	shift 3
	if cmp -s "$want" "$got"; then
		ok 0 "$name"
		return 0
	fi
	ok 1 "$name"
	diff "$want" "$got" | sed 's/^/# /'
	for f in "$@"; do sed 's/^/# /' "$f"; done
	return 1
}
