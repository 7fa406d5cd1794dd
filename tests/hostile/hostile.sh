# hostile.sh - every class of hostile input in tests/hostile, one case a
# file; sourced by cases-a-i.t and cases-j-z.t, which run half the cases
# each (prove -j runs them side by side: under valgrind one file of all
# forty took five minutes).
#
# A case is NAME.expect (and NAME.in when its input is kept as bytes).
# NAME.expect holds one directive a line ("#" comments, blank lines):
#   generate: CMD     shell command whose output is appended to the input
#                     (lib.sh's from_line and to_line may be used); without
#                     any, the input is NAME.in
#   args: ARGS        more options for phishwatch (word-split; $CASE is the
#                     case's directory), e.g. "--input json"
#   exit: N           exit status wanted (default 0)
#   counters: a=N b=N the counters of the "exit:" line on stderr
#   events: N         events written
#   jq: EXPR          true (jq -e) over the array of all events
#   stderr: REGEX     stderr matches (grep -E)
#   report: REGEX     the --report text matches (grep -E)
#
# Every case, whatever it says, is also run four ways and checked:
#   events    each line one JSON object, printable ASCII only; its
#             suggested_access "HOST<TAB>ERROR:..." (decoded) for a HOST
#             that is sender_domain itself or, for a sender who wrote it
#             in UTF-8, that spelling: its A-labels (Python's IDNA codec)
#             are sender_domain, and it holds no control character;
#             the domains valid host names
#   --report and --report=json: exit 0, printable ASCII or the UTF-8
#             of such a spelling (no control character), JSON rows
#             with valid host names (a spelling by its A-labels)
#   --omprog  (input on stdin) one reply per line: "OK" once for ready,
#             then exactly one per line read (the lines counter)
#   stderr    printable ASCII only: no attacker byte in the diagnostics
#             either (they go to rsyslog's output file, or a terminal)
# and no run may die of a signal (status >= 128).
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

HOSTILE_DIR="$TOP/tests/hostile"
HOST_RE='^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'
# (a host spelled in UTF-8 has bytes >= 0x80: printable_utf8 checks them)
SUGGEST_RE='^([a-z0-9.-]|[^ -~])+	ERROR:"550 5\.7\.1 Sender banned"$'

# printable FILE - 0 when FILE holds only printable ASCII and newlines
printable() { ! LC_ALL=C grep -q '[^ -~]' "$1"; }

# printable_utf8 FILE - 0 when FILE is UTF-8 with no control character
# but newline and TAB (C0, DEL, C1 as UTF-8)
printable_utf8() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 &&
		! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' "$1"
}

# a_labels - each line of standard input, a host name, as its A-labels
# (a host already in ASCII as it is)
a_labels() {
	python3 -c 'import sys
for line in sys.stdin:
    name = line.rstrip("\n")
    try:
        print(name.encode("idna").decode("ascii"))
    except UnicodeError:
        print(name)'
}

# not_killed STATUS NAME - a run ended by itself, not by a signal
not_killed() { [ "$1" -lt 128 ]; ok $? "$2: not killed by a signal ($1)"; }

# case_input NAME FILE - the case's input into FILE
case_input() {
	_gen=$(sed -n 's/^generate: //p' "$HOSTILE_DIR/$1.expect")
	if [ -z "$_gen" ]; then
		cp "$HOSTILE_DIR/$1.in" "$2"
		return
	fi
	(
		CASE=$HOSTILE_DIR
		printf '%s\n' "$_gen" | while IFS= read -r _cmd; do
			eval "$_cmd"
		done
	) >"$2"
}

# check_events NAME FILE - the generic checks of an event stream
check_events() {
	printable "$2"
	ok $? "$1: events are printable ASCII"
	jq -r '.phishwatch.suggested_access // empty' "$2" >"$TMP/suggested" \
		2>/dev/null
	printable_utf8 "$TMP/suggested"
	ok $? "$1: the access lines are UTF-8 without a control character"
	_bad=$(grep -v '^{' "$2" | head -n 1)
	is "$_bad" "" "$1: nothing but events on the event stream"
	jq -e . "$2" >/dev/null 2>&1 || [ ! -s "$2" ]
	ok $? "$1: events are JSON"
	_n=$(events "$2")
	[ "$_n" -eq 0 ] && return
	_bad=$(jq -r '.phishwatch.suggested_access' "$2" | grep -Ev "$SUGGEST_RE")
	is "$_bad" "" "$1: access suggestions are well formed"
	_bad=$(jq -r '.phishwatch.suggested_access | split("\t")[0]' "$2" \
		| a_labels | grep -Ev "$HOST_RE")
	is "$_bad" "" "$1: suggested hosts are valid host names"
	_bad=$(paste <(jq -r '.phishwatch.suggested_access | split("\t")[0]' \
		"$2" | a_labels) <(jq -r .phishwatch.sender_domain "$2") |
		awk -F'\t' '$1 != $2')
	is "$_bad" "" "$1: the suggestion blocks the sender host itself"
	_bad=$(jq -r '.phishwatch.phished_domain, .phishwatch.sender_domain,
		.threat.indicator.url.domain, (.source.domain // empty)' "$2" \
		| grep -Ev "$HOST_RE")
	is "$_bad" "" "$1: every domain field is a valid host name"
}

# check_reports NAME INPUT ARGS... - --report and --report=json
check_reports() {
	_name=$1 _in=$2
	shift 2
	pw -r "$RULEBASE" "$@" --report "$_in" >"$TMP/report.txt" 2>/dev/null
	is "$?" 0 "$_name: --report exits 0"
	printable_utf8 "$TMP/report.txt"
	ok $? "$_name: --report is UTF-8 without a control character"
	pw -r "$RULEBASE" "$@" --report=json "$_in" >"$TMP/report.json" \
		2>/dev/null
	is "$?" 0 "$_name: --report=json exits 0"
	printable_utf8 "$TMP/report.json"
	ok $? "$_name: --report=json is UTF-8 without a control character"
	jq -e . "$TMP/report.json" >/dev/null 2>&1 || [ ! -s "$TMP/report.json" ]
	ok $? "$_name: --report=json rows are JSON"
	_bad=$(jq -r '.phished_domain, .sender_domains[]' "$TMP/report.json" \
		2>/dev/null | a_labels | grep -Ev "$HOST_RE")
	is "$_bad" "" "$_name: the report names valid host names only"
}

# check_omprog NAME INPUT LINES ARGS... - one reply per line
check_omprog() {
	_name=$1 _in=$2 _lines=$3
	shift 3
	pw -r "$RULEBASE" "$@" --omprog -o "$TMP/omprog.events" <"$_in" \
		>"$TMP/replies" 2>"$TMP/omprog.err"
	_rc=$?
	not_killed "$_rc" "$_name --omprog"
	is "$(grep -cvx OK "$TMP/replies")" 0 "$_name: --omprog replies are OK"
	is "$(wc -l <"$TMP/replies" | tr -d ' ')" "$((_lines + 1))" \
		"$_name: --omprog answers ready, then each of $_lines lines once"
	rm -f "$TMP/omprog.events"
}

# run_case NAME - one case, every check
run_case() {
	_case=$1 _expect="$HOSTILE_DIR/$1.expect"
	_args=$(sed -n 's/^args: //p' "$_expect")
	_want_exit=$(sed -n 's/^exit: //p' "$_expect")
	case_input "$_case" "$TMP/in"
	# shellcheck disable=SC2086
	set -- $(CASE=$HOSTILE_DIR; eval "printf '%s\n' $_args")
	pw -r "$RULEBASE" "$@" "$TMP/in" >"$TMP/out" 2>"$TMP/err"
	_rc=$?
	not_killed "$_rc" "$_case"
	is "$_rc" "${_want_exit:-0}" "$_case: exit status"
	printable "$TMP/err"
	ok $? "$_case: diagnostics are printable ASCII"
	while IFS== read -r _c _v; do
		is "$(counter "$_c" "$TMP/err")" "$_v" "$_case: $_c=$_v"
	done < <(sed -n 's/^counters: //p' "$_expect" | tr ' ' '\n' | grep =)
	_want=$(sed -n 's/^events: //p' "$_expect")
	if [ -n "$_want" ]; then
		is "$(events "$TMP/out")" "$_want" "$_case: $_want event(s)"
	fi
	is "$(events "$TMP/out")" "$(counter events "$TMP/err")" \
		"$_case: the events counter counts what was written"
	while IFS= read -r _q; do
		jq -e -s "$_q" "$TMP/out" >/dev/null 2>&1
		ok $? "$_case: events: $_q"
	done < <(sed -n 's/^jq: //p' "$_expect")
	while IFS= read -r _re; do
		like "$(cat "$TMP/err")" "$_re" "$_case: stderr: $_re"
	done < <(sed -n 's/^stderr: //p' "$_expect")
	check_events "$_case" "$TMP/out"
	check_reports "$_case" "$TMP/in" "$@"
	while IFS= read -r _re; do
		like "$(cat "$TMP/report.txt")" "$_re" "$_case: report: $_re"
	done < <(sed -n 's/^report: //p' "$_expect")
	[ "$_rc" -eq 0 ] &&
		check_omprog "$_case" "$TMP/in" "$(counter lines "$TMP/err")" "$@"
}

# run_cases GLOB - every case whose name matches GLOB, then the plan;
# with HOSTILE_CASES (names, space-separated; make check-valgrind) only
# those of them, each of which must exist.  Every check runs in this
# shell (no pipes into loops): the TAP counters are shell variables.
run_cases() {
	_n_cases=0
	for _expect in "$HOSTILE_DIR"/$1.expect; do
		[ -e "$_expect" ] || continue
		_name=$(basename "$_expect" .expect)
		case " ${HOSTILE_CASES:-$_name} " in
		*" $_name "*) ;;
		*) continue ;;
		esac
		diag "case $_name"
		run_case "$_name"
		_n_cases=$((_n_cases + 1))
	done
	if [ -n "${HOSTILE_CASES:-}" ]; then
		for _name in $HOSTILE_CASES; do
			[ -e "$HOSTILE_DIR/$_name.expect" ]
			ok $? "HOSTILE_CASES names a case: $_name"
		done
	else
		ok "$([ "$_n_cases" -ge 10 ]; echo $?)" "$_n_cases cases named $1"
	fi
	done_testing
}
