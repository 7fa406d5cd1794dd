# tests/lib.sh - TAP helpers for the shell tests (sourced; prove reads TAP).
#
# Environment from the Makefile: PW (the binary), TOP (the source tree),
# VALGRIND (optional command prefix).  Each test gets a private TMP
# directory, removed at exit together with what tests started (by pid).

: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${PW:=$TOP/phishwatch}"
RULEBASE="$TOP/rulebase/sendmail.rb"		# message parts (phishwatch)
SYSLOG_RULEBASE="$TOP/rulebase/sendmail-syslog.rb"	# whole lines (make)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/phishwatch-test.XXXXXX")
_tap_n=0
_tap_fail=0
_tap_pids=""

_tap_cleanup() {
	for p in $_tap_pids; do kill "$p" 2>/dev/null; done
	for p in $_tap_pids; do wait "$p" 2>/dev/null; done
	rm -rf "$TMP"
}
trap _tap_cleanup EXIT

# track_pid PID - stop this process (by pid) when the test exits
track_pid() { _tap_pids="$_tap_pids $1"; }

# pw ARGS... - run phishwatch (under $VALGRIND when set); in the
# background start "$PW" itself, so that $! is its pid, not a subshell's.
# A build tree has no shipped brands file, and phishwatch warns of it:
# --no-default-brands says so here (a later --default-brands FILE wins;
# tests/cli/default-brands.t checks the warning itself)
pw() { $VALGRIND "$PW" --no-default-brands "$@"; }

ok() {	# ok COND-STATUS NAME: ok 0 "name" passes
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $_tap_n - $2"
	else echo "not ok $_tap_n - $2"; _tap_fail=$((_tap_fail + 1)); fi
}

is() {	# is GOT WANT NAME
	_tap_n=$((_tap_n + 1))
	if [ "$1" = "$2" ]; then echo "ok $_tap_n - $3"
	else
		echo "not ok $_tap_n - $3"; _tap_fail=$((_tap_fail + 1))
		printf '#   got: %s\n# want: %s\n' "$1" "$2"
	fi
}

like() {	# like GOT REGEX NAME (grep -E)
	_tap_n=$((_tap_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then echo "ok $_tap_n - $3"
	else
		echo "not ok $_tap_n - $3"; _tap_fail=$((_tap_fail + 1))
		printf '#   got: %s\n# want match: %s\n' "$1" "$2"
	fi
}

unlike() {	# unlike GOT REGEX NAME
	_tap_n=$((_tap_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "not ok $_tap_n - $3"; _tap_fail=$((_tap_fail + 1))
		printf '#   got: %s\n# must not match: %s\n' "$1" "$2"
	else echo "ok $_tap_n - $3"; fi
}

diag() { printf '# %s\n' "$*"; }

done_testing() { echo "1..$_tap_n"; [ "$_tap_fail" -eq 0 ]; }

# wait_for COND-COMMAND [SECONDS] - poll until the command succeeds
wait_for() {
	_w_i=0; _w_max=$(( ${2:-10} * 10 ))
	while ! eval "$1"; do
		_w_i=$((_w_i + 1)); [ $_w_i -ge $_w_max ] && return 1
		sleep 0.1
	done
}

# from_line QID ADDR [RELAY] - an sm-mta from= line as sendmail writes it
from_line() {
	printf 'Jul  3 14:12:20 mx1 sm-mta[4707]: %s: from=%s, size=4210, class=0, nrcpts=1, msgid=<%s@mail.example>, proto=ESMTP, daemon=MTA, relay=%s\n' \
		"$1" "$2" "$1" "${3:-mail.example.net [203.0.113.7]}"
}

# to_line QID ADDR STAT - the matching to= line
to_line() {
	printf 'Jul  3 14:12:21 mx1 sm-mta[4708]: %s: to=%s, delay=00:00:01, xdelay=00:00:01, mailer=local, pri=34210, dsn=2.0.0, stat=%s\n' \
		"$1" "$2" "${3:-Sent}"
}

# events FILE - number of JSON events in FILE
events() { grep -c '^{' "$1" 2>/dev/null || true; }

# counter NAME FILE - a counter's value from the exit line on stderr
counter() { sed -n "s/.*: exit:.* $1=\([0-9]*\).*/\1/p" "$2" | tail -n 1; }

# makemap_pairs FILE - a sendmail access map source as makemap stores it,
# for db5.3_load -T: each key lower-cased, then its value as written
# after the blanks that follow the key (trailing blanks and a CRLF
# line's CR kept); the first entry of a key kept; comments left out
makemap_pairs() {
	awk '!/^#/ && NF >= 2 { k = tolower($1); sub(/^[^ \t]+[ \t]+/, "");
		if (!(k in seen)) { seen[k] = 1; print k; print } }' "$1"
}

# query_blocked TYPE:MAP - for each sender on standard input, "HOST
# blocked" or "HOST passed": phishwatch --query's reading of MAP (the
# senders must be phish, so that the answer says whether MAP blocks)
query_blocked() {
	pw -r "$RULEBASE" -a "$1" --query - 2>/dev/null |
		awk -F '\t' '{ print $1, ($5 == "blocked" ? "blocked" : "passed") }'
}

# postfix_says LOG SENDERS - "HOST blocked|passed" for each sender of
# SENDERS, from what a real smtpd logged of them in LOG: "NOQUEUE:
# reject" or "discard" for those it refused or discarded, nothing (or
# hold, filter, warn, info) for those it let through
postfix_says() {
	awk 'NR == FNR {
		if (match($0, /NOQUEUE: (reject|discard): .* from=<[^>]*>/)) {
			from = $0; sub(/.* from=</, "", from); sub(/>.*/, "", from)
			refused[from] = 1
		}
		next }
	{ host = tolower($0); sub(/^[^@]*@/, "", host)
	  print host, ($0 in refused) ? "blocked" : "passed" }' "$1" "$2"
}

# exim_says VERDICTS - "HOST blocked|passed" for each sender of an Exim
# recording (record-exim-values.sh: the sender, a tab, Exim's reply to
# RCPT): refused (5NN) or deferred (4NN, each time it is tried) is
# blocked, as a Postfix table that smtpd defers on is read
exim_says() {
	awk -F '\t' '{ host = tolower($1); sub(/^[^@]*@/, "", host)
		print host, ($2 ~ /^[45][0-9][0-9] /) ? "blocked" : "passed" }' "$1"
}

# verdicts_match TYPE WANT SENDERS MAP... - WANT, the daemon's verdict
# on each sender of SENDERS ("HOST blocked|passed" a line), holds both
# verdicts, and phishwatch reads each MAP (of TYPE) to the same ones
verdicts_match() {
	_type=$1 _want=$2 _senders=$3
	shift 3
	ok "$([ "$(grep -c ' blocked$' "$_want")" -gt 0 ] &&
		[ "$(grep -c ' passed$' "$_want")" -gt 0 ]; echo $?)" \
		"the recording holds senders refused and senders let through"
	for _map in "$@"; do
		query_blocked "$_type:$_map" <"$_senders" >"$TMP/got"
		is "$(cat "$TMP/got")" "$(cat "$_want")" \
			"$(basename "$_map"): blocked exactly where the daemon refuses"
	done
}
