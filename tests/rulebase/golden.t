#!/bin/bash
# golden.t - rulebase/sendmail-syslog.rb (the rules of sendmail.rb behind
# a syslog header, made by make) against the golden files beside this one.
#
# Each NAME.in holds sm-mta lines (or lines that must not match); NAME.ref
# holds the object liblognorm should make of each, one per line.  Both are
# compared as JSON by meaning (jq -S), with one exception: where an
# unmatched line stopped matching ("unparsed-data") is liblognorm's affair,
# so only "originalmsg" without "event.tags" is expected for those.
# Adding a case is adding a file pair.
#
# lognormalizer does not run under $VALGRIND: it is not our code, and it
# would load the rulebase once per pair at some ten seconds each.  The same
# library and rules run under valgrind in tests/unit/test_normalize.c,
# which also checks that phishwatch's own header split makes the same
# record of every line here as these objects hold.

. "$(dirname "$0")/../lib.sh"

DIR="$TOP/tests/rulebase"

for tool in lognormalizer jq; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is not installed"
		exit 0
	fi
done

# normalize FILE - the rulebase's objects for FILE's lines, canonical JSON
normalize() {
	# sed adds a missing last newline, which lognormalizer would drop.
	sed -e '$a\' "$1" |
		lognormalizer -r "$SYSLOG_RULEBASE" -e json -T 2>"$TMP/stderr" |
		jq -S -c 'del(."unparsed-data")'
}

for rb in "$RULEBASE" "$SYSLOG_RULEBASE"; do
	name=$(basename "$rb")
	first=$(head -n 1 "$rb")
	is "$first" "version=2" "$name: first line selects liblognorm's v2 engine"
	printf 'x\n' | lognormalizer -r "$rb" -e json >/dev/null 2>"$TMP/load"
	is "$(cat "$TMP/load")" "" "$name loads without liblognorm errors"
done

# The made file is up to date with its sources.
awk -f "$TOP/rulebase/expand.awk" "$RULEBASE" "$TOP/rulebase/syslog.rb.in" \
	>"$TMP/expanded"
cmp -s "$TMP/expanded" "$SYSLOG_RULEBASE"
ok $? "sendmail-syslog.rb is sendmail.rb put into syslog.rb.in"
grep -c '^rule=from:' "$SYSLOG_RULEBASE" >"$TMP/n"
is "$(cat "$TMP/n")" "4" "every rule twice: behind a header, and without"

for input in "$DIR"/*.in; do
	name=$(basename "$input" .in)
	ref="$DIR/$name.ref"
	if [ ! -f "$ref" ]; then
		ok 1 "$name: $name.ref exists"
		continue
	fi
	normalize "$input" >"$TMP/got"
	jq -S -c . <"$ref" >"$TMP/want" 2>"$TMP/jqerr"
	if [ -s "$TMP/jqerr" ]; then
		ok 1 "$name: $name.ref is JSON"
		diag "$(cat "$TMP/jqerr")"
		continue
	fi
	if cmp -s "$TMP/got" "$TMP/want" && [ ! -s "$TMP/stderr" ]; then
		ok 0 "$name ($(wc -l <"$input") lines)"
	else
		ok 1 "$name ($(wc -l <"$input") lines)"
		diff -u "$TMP/want" "$TMP/got" | sed -e 's/^/# /'
		sed -e 's/^/# stderr: /' "$TMP/stderr"
	fi
done

for ref in "$DIR"/*.ref; do
	[ -f "${ref%.ref}.in" ] && continue
	ok 1 "$(basename "$ref"): has no .in beside it"
done

done_testing
