#!/usr/bin/env bash
# replay.t - every input a fuzzer once broke phishwatch with, run through
# the program the way its harness ran it (fuzz/NAME.c): no crash, no
# sanitizer report (make check-sanitize runs this on an ASan+UBSan build),
# the usual exit status.
#   line/    raw log lines          phishwatch FILE
#   json/    mmnormalize objects    phishwatch --input json FILE
#            (both with the shipped brands, as fuzz/fuzz.h runs them)
#   access/  access map text        phishwatch -a TYPE:FILE --check, for
#            each type the harness reads it as
#   linein/  bytes for the reader   phishwatch - < FILE
#   lookalike/  a sender's domain, and a second line a brand to add:
#            a from= line from it    phishwatch [--brands B] LINE
. "$(dirname "$0")/../lib.sh"

REGRESS="$TOP/tests/fuzz-regress"
EXAMPLE_ACCESS="$TOP/examples/access"

# replay KIND FILE - one input; 0 when it ended as it should
replay() {
	case $1 in
	line) pw -r "$RULEBASE" -a "$EXAMPLE_ACCESS" --learn-labels \
		--default-brands "$TOP/data/brands" "$2" ;;
	json) pw -r "$RULEBASE" -a "$EXAMPLE_ACCESS" --learn-labels \
		--default-brands "$TOP/data/brands" --input json "$2" ;;
	access) replay_access "$2" ;;
	linein) pw -r "$RULEBASE" - <"$2" ;;
	lookalike) replay_lookalike "$2" ;;
	esac >"$TMP/out" 2>"$TMP/err"
}

# replay_access FILE - the table as each type fuzz/access.c reads it as,
# one run of --check each; the last run's status, or the first that was
# neither 0 nor 65
replay_access() {
	for type in "" postfix: postfix-dot: exim: regexp: pcre:; do
		pw -r "$RULEBASE" -a "$type$1" --learn-labels --check
		_rc=$?
		[ "$_rc" -eq 0 ] || [ "$_rc" -eq 65 ] || return "$_rc"
	done
	return "$_rc"
}

# replay_lookalike FILE - fuzz/lookalike.c's input as a log line: the
# first line the sender's domain, the second a brand of --brands
replay_lookalike() {
	from_line r63F00000001 "<x@$(head -n 1 "$1")>" >"$TMP/line"
	sed -n 2p "$1" >"$TMP/brands"
	if [ -s "$TMP/brands" ]; then
		pw -r "$RULEBASE" --brands "$TMP/brands" "$TMP/line"
	else
		pw -r "$RULEBASE" "$TMP/line"
	fi
}

for kind in line json access linein lookalike; do
	for input in "$REGRESS/$kind"/*; do
		[ -f "$input" ] || continue
		replay "$kind" "$input"
		rc=$?
		name="$kind/$(basename "$input")"
		case $kind in
		access) ok "$([ "$rc" -eq 0 ] || [ "$rc" -eq 65 ]; echo $?)" \
			"$name: exit 0 or 65 ($rc)" ;;
		*) is "$rc" 0 "$name: exit 0" ;;
		esac
		unlike "$(cat "$TMP/err")" 'Sanitizer|runtime error|Invalid (read|write)' \
			"$name: no sanitizer or valgrind report"
		# (--check says "configuration OK" on standard output)
		like "$(tail -n 1 "$TMP/err"; tail -n 1 "$TMP/out")" \
			'exit: lines=|configuration OK|line\(s\) warned about' \
			"$name: ran to the end"
	done
done
done_testing
