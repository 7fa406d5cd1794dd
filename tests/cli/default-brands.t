#!/usr/bin/env bash
# The shipped brands file is read from where "make install" puts it.  A
# build that was not installed has none there: phishwatch then says so,
# once, naming the path and the options, instead of quietly knowing no
# brand (every lookalike would be "ordinary").  Named or declined, the
# file is no longer warned about.  "$PW" is called directly here: pw()
# declines the shipped list for every other test.
. "$(dirname "$0")/../lib.sh"

# The path this build looks for, as --help prints it.
shipped=$("$PW" --help | sed -n '/--default-brands FILE/{n;s/^ *\(\/[^,]*\),.*/\1/p;}')
like "$shipped" '^/.+/brands$' "--help names the shipped brands file's path"

$VALGRIND "$PW" --query secure-paypal.com > "$TMP/plain.out" 2> "$TMP/plain.err"
if [ -e "$shipped" ]; then
	# An installed copy is on this machine: it is read, without a word.
	is "$(cut -f2 "$TMP/plain.out")/$(grep -c 'shipped brands' "$TMP/plain.err")" \
		"phish/0" "installed: the shipped brands are read, no warning"
else
	is "$(cut -f2 "$TMP/plain.out")" "ordinary" \
		"not installed: no brand is known"
	is "$(grep -c "warning: no shipped brands file $shipped (not installed)" "$TMP/plain.err")" \
		1 "... and the warning names the path, once"
	like "$(cat "$TMP/plain.err")" '--default-brands FILE, or say --no-default-brands' \
		"... and the two options that settle it"
fi

$VALGRIND "$PW" --default-brands "$TOP/data/brands" --query secure-paypal.com \
	> "$TMP/named.out" 2> "$TMP/named.err"
is "$(cut -f2,3 "$TMP/named.out")/$(wc -c < "$TMP/named.err")" \
	"$(printf 'phish\tpaypal.com')/0" "--default-brands FILE: read, no warning"

$VALGRIND "$PW" --no-default-brands --query secure-paypal.com \
	> "$TMP/none.out" 2> "$TMP/none.err"
is "$(cut -f2 "$TMP/none.out")/$(wc -c < "$TMP/none.err")" \
	"ordinary/0" "--no-default-brands: no brand, no warning"

# A named file that is missing is an error, not a warning.
$VALGRIND "$PW" --default-brands "$TMP/absent" --query secure-paypal.com \
	> /dev/null 2> "$TMP/absent.err"
is "$?/$(grep -c "$TMP/absent" "$TMP/absent.err")" "66/1" \
	"--default-brands naming no file: exit 66, the path named"

# The stream reads it the same way: the warning comes before any line.
from_line r63L00000001 '<x@secure-paypal.com>' > "$TMP/log"
$VALGRIND "$PW" -r "$RULEBASE" "$TMP/log" > "$TMP/log.out" 2> "$TMP/log.err"
if [ -e "$shipped" ]; then
	is "$(events "$TMP/log.out")" 1 "installed: the stream finds the lookalike"
else
	is "$(events "$TMP/log.out")/$(head -n 1 "$TMP/log.err" | grep -c 'no shipped brands file')" \
		"0/1" "not installed: the stream warns first, and finds no lookalike"
fi
done_testing
