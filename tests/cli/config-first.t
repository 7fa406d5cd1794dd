#!/usr/bin/env bash
# config-first.t - the configuration is checked before anything is
# touched: a missing access map, brands or allow file, or a bad
# rulebase, stops the run with its exit status and message before the
# state store, its lock file or the -o file is created; a good
# configuration with the same paths creates them.
. "$(dirname "$0")/../lib.sh"

# left_alone NAME DIR - no store, lock, journal or event file in DIR
left_alone() {
	_l=$(cd "$2" && ls -A)
	is "$_l" "" "$1: no state store, lock or event file is created"
}

# refused NAME STATUS REGEX ARGS... - a run in a directory of its own
# fails with STATUS and a message matching REGEX, and leaves it empty
refused() {
	_name=$1 _want=$2 _msg=$3
	shift 3
	mkdir "$TMP/run"
	pw -s "$TMP/run/state.db" -o "$TMP/run/events.json" "$@" \
		< /dev/null > "$TMP/out" 2> "$TMP/err"
	is "$?" "$_want" "$_name: exits $_want"
	like "$(cat "$TMP/err")" "$_msg" "$_name: says why"
	left_alone "$_name" "$TMP/run"
	rm -rf "$TMP/run"
}

refused "a missing access map" 66 \
	"^phishwatch: error: access map $TMP/run/missing-access: No such file or directory" \
	-r "$RULEBASE" -a "$TMP/run/missing-access"

mkdir "$TMP/dir-map"
refused "an access map that is a directory" 66 \
	"access map $TMP/dir-map: Is a directory" \
	-r "$RULEBASE" -a "$TMP/dir-map"

refused "a missing rulebase" 66 "none\\.rb" -r "$TMP/none.rb"

printf 'version=2\nrule=x:%%a:nosuchparser%% here\n' > "$TMP/bad.rb"
# liblognorm leaks a rule it cannot parse (see usage.t): no leak check
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
refused "a rulebase with a bad rule" 65 "bad\\.rb.*2" -r "$TMP/bad.rb"

refused "a missing --brands file" 66 "$TMP/no-brands" \
	-r "$RULEBASE" --brands "$TMP/no-brands"
refused "a missing --allow file" 66 "$TMP/no-allow" \
	-r "$RULEBASE" --allow "$TMP/no-allow"

# The same run with a good configuration does create them: what the
# runs above left undone, they left undone because they were refused.
mkdir "$TMP/run"
printf 'emalsrv.x.com\tREJECT\n' > "$TMP/run/access"
from_line q1 '<a@emalsrv.ups.com>' |
	pw -r "$RULEBASE" -a "$TMP/run/access" -s "$TMP/run/state.db" \
		-o "$TMP/run/events.json" > "$TMP/out" 2> "$TMP/err"
is "$?" 0 "a good configuration runs"
ok "$([ -s "$TMP/run/state.db" ] && [ -e "$TMP/run/state.db-lock" ] &&
	[ -s "$TMP/run/events.json" ]; echo $?)" \
	"and creates the store, its lock file and the events"

done_testing
