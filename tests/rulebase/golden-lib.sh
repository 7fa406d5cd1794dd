# tests/rulebase/golden-lib.sh - what the golden-file tests of every MTA's
# rulebase share (sourced after tests/lib.sh): the tools they need, the
# checks of a rulebase and of the file make builds from it, and the run
# of the NAME.in / NAME.ref pairs of a directory.
#
# Each NAME.in holds log lines (or lines that must not match); NAME.ref
# the object liblognorm should make of each, one per line.  Both are
# compared as JSON by meaning (jq -S), without "unparsed-data": where an
# unmatched line stopped matching is liblognorm's affair.  Adding a case
# is adding a file pair.  lognormalizer does not run under $VALGRIND: it
# is not our code (tests/unit/test_normalize*.c run the same rules
# through phishwatch under valgrind).

# golden_need - the whole test skipped without lognormalizer or jq
golden_need() {
	for _g_tool in lognormalizer jq; do
		if ! command -v "$_g_tool" >/dev/null 2>&1; then
			echo "1..0 # SKIP $_g_tool is not installed"
			exit 0
		fi
	done
}

# golden_normalize RULEBASE FILE - the rulebase's objects for FILE's
# lines, canonical JSON; liblognorm's complaints in $TMP/stderr
golden_normalize() {
	# sed adds a missing last newline, which lognormalizer would drop.
	sed -e '$a\' "$2" |
		lognormalizer -r "$1" -e json -T 2>"$TMP/stderr" |
		jq -S -c 'del(."unparsed-data")'
}

# golden_rulebases RULES HEADERS MADE - RULES (the message parts) and
# MADE (RULES put into the header forms HEADERS by expand.awk) select
# liblognorm's v2 engine and load without complaint, and MADE is what
# make would build now
golden_rulebases() {
	for _g_rb in "$1" "$3"; do
		_g_name=$(basename "$_g_rb")
		is "$(head -n 1 "$_g_rb")" "version=2" \
			"$_g_name: first line selects liblognorm's v2 engine"
		printf 'x\n' | lognormalizer -r "$_g_rb" -e json >/dev/null \
			2>"$TMP/load"
		is "$(cat "$TMP/load")" "" "$_g_name loads without liblognorm errors"
	done
	awk -f "$TOP/rulebase/expand.awk" "$1" "$2" >"$TMP/expanded"
	cmp -s "$TMP/expanded" "$3"
	ok $? "$(basename "$3") is $(basename "$1") put into $(basename "$2")"
}

# golden_files RULEBASE DIR [PREFIX] - every DIR/NAME.in against its
# NAME.ref (test names PREFIXNAME), all through one lognormalizer
# (loading a rulebase is the slow part), and no NAME.ref without its .in
golden_files() {
	for _g_in in "$2"/*.in; do sed -e '$a\' "$_g_in"; done >"$TMP/all.in"
	golden_normalize "$1" "$TMP/all.in" >"$TMP/all.got"
	_g_first=1
	for _g_in in "$2"/*.in; do
		_g_name=${3:-}$(basename "$_g_in" .in)
		_g_ref=${_g_in%.in}.ref
		_g_n=$(sed -e '$a\' "$_g_in" | wc -l)
		sed -n "${_g_first},$((_g_first + _g_n - 1))p" "$TMP/all.got" \
			>"$TMP/got"
		_g_first=$((_g_first + _g_n))
		if [ ! -f "$_g_ref" ]; then
			ok 1 "$_g_name: $(basename "$_g_ref") exists"
			continue
		fi
		jq -S -c . <"$_g_ref" >"$TMP/want" 2>"$TMP/jqerr"
		if cmp -s "$TMP/got" "$TMP/want" && [ ! -s "$TMP/stderr" ] \
			&& [ ! -s "$TMP/jqerr" ]; then
			ok 0 "$_g_name ($_g_n lines)"
		else
			ok 1 "$_g_name ($_g_n lines)"
			diff -u "$TMP/want" "$TMP/got" | sed -e 's/^/# /'
			sed -e 's/^/# stderr: /' "$TMP/stderr" "$TMP/jqerr"
		fi
	done
	for _g_ref in "$2"/*.ref; do
		[ -f "${_g_ref%.ref}.in" ] ||
			ok 1 "${3:-}$(basename "$_g_ref"): has no .in beside it"
	done
}
