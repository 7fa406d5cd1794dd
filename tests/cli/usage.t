#!/usr/bin/env bash
# The command-line contract: --help, --version, exit codes, --check.
. "$(dirname "$0")/../lib.sh"

out=$(pw --help); st=$?
is "$st" 0 "--help exits 0"
like "$out" '^Usage: phishwatch' "--help prints the usage on stdout"
like "$out" 'and as read in ASCII: bucher-login.de' \
	"--help says a brand written in UTF-8 is watched in ASCII too"
like "$out" 'without them: rollsroycelogin.com for' \
	"--help says a brand with hyphens is watched without them too"
for opt in --access --state --rulebase --labels --learn-labels --omprog --output --check --version; do
	like "$out" -- "$opt" "--help mentions $opt"
done
like "$(pw -V)" '^phishwatch [0-9]+\.[0-9]+' "--version"

pw --no-such-option > /dev/null 2> "$TMP/err"
is "$?" 64 "unknown option exits 64"
like "$(cat "$TMP/err")" "Try 'phishwatch --help'" "and points at --help"
like "$(cat "$TMP/err")" "error: unrecognized option '--no-such-option'" \
	"naming the option"
pw --input xml > /dev/null 2> "$TMP/err"
is "$?" 64 "--input takes raw or json only"
like "$(cat "$TMP/err")" "error: --input takes raw or json, not 'xml'" \
	"naming the option and what it takes"
pw --syslog-facility nosuch > /dev/null 2> "$TMP/err"
is "$?" 64 "unknown facility exits 64"
like "$(cat "$TMP/err")" "error: --syslog-facility takes mail, .*, not 'nosuch'" \
	"naming the option and the facilities"
out=$(pw --max-queue-ids 12x 2> "$TMP/err"); st=$?
is "$st" 64 "a bad number exits 64"
is "$out" "" "and prints nothing on standard output"
like "$(cat "$TMP/err")" "error: --max-queue-ids takes a number from 1 to" \
	"naming the option and its range"

pw -r "$RULEBASE" "$TMP/missing.log" > /dev/null 2> "$TMP/err"
is "$?" 66 "missing input file exits 66"
like "$(cat "$TMP/err")" "missing.log" "naming the file"

pw -r "$TMP/none.rb" /dev/null > /dev/null 2> "$TMP/err"
is "$?" 66 "missing rulebase exits 66"
like "$(cat "$TMP/err")" "none.rb" "naming the rulebase"

printf 'version=2\nrule=x:%%a:nosuchparser%% here\n' > "$TMP/bad.rb"
# liblognorm 2.0.6 leaks the objects of a rule it cannot parse (in
# ln_sampLoad), and LeakSanitizer cannot name it without a slow unwinder:
# no leak check for this one run of an ASan build (valgrind's check keeps
# it, with tests/valgrind.supp naming the library's leak).
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
pw -r "$TMP/bad.rb" /dev/null > /dev/null 2> "$TMP/err"
is "$?" 65 "a rulebase with a bad rule exits 65"
like "$(cat "$TMP/err")" "bad.rb.*2" "the message names the rulebase file and line"

printf 'emalsrv.x.com\tREJECT\n' > "$TMP/access"
pw -r "$RULEBASE" -s "$TMP/s.db" /dev/null 2>/dev/null	# the store, empty
out=$(pw -r "$RULEBASE" -a "$TMP/access" -s "$TMP/s.db" --check)
is "$?" 0 "--check exits 0 on a good configuration"
like "$out" "configuration OK" "--check says so"
is "$(pw -r "$RULEBASE" -a "$TMP/access" --check -s "$TMP/s.db" 2>/dev/null; echo $?)" \
	"$(printf 'phishwatch: configuration OK: rulebase %s, 1 access entries, 0 campaign(s) in the store\n0' "$RULEBASE")" \
	"--check reports what it loaded"

printf 'x@emalsrv.ups.com\n' | pw -r "$RULEBASE" -o "$TMP/no/dir/events" > /dev/null 2> "$TMP/err"
is "$?" 73 "an output file that cannot be created exits 73"
done_testing
