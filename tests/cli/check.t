#!/usr/bin/env bash
# check.t - what an administrator meets first: usage errors said like
# every other error, --check that reads the store without creating it,
# warns about a missing access map and says what to do when it may not
# read one, and --report -s STORE without the line counters.
. "$(dirname "$0")/../lib.sh"

# --- usage errors carry the "error:" prefix of every other message ---
usage() {	# usage WANT ARGS...: exit 64 and WANT as the first line
	want=$1; shift
	pw "$@" > "$TMP/out" 2> "$TMP/err"
	is "$?" 64 "$* exits 64"
	is "$(head -n 1 "$TMP/err")" "phishwatch: error: $want" "$*: '$want'"
	is "$(sed -n 2p "$TMP/err")" "Try 'phishwatch --help' for more information." \
		"$*: then where to look"
}
usage "unrecognized option '--no-such-option'" --no-such-option
usage "unrecognized option '-x'" -x
usage "option '-a' needs a value" -a
usage "option '--state' needs a value" --state
usage "option '--check' takes no value" --check=yes
usage "--input takes raw or json, not 'xml'" --input xml

# --- --check with no access map: a warning, not "0 access entries ... OK" ---
out=$(pw -r "$RULEBASE" --check 2> "$TMP/err"); st=$?
is "$st" 0 "--check without -a still exits 0"
is "$(cat "$TMP/err")" \
	"phishwatch: warning: no access map given (-a FILE): nothing counts as blocked, and every campaign as new" \
	"and warns that no access map is given"
is "$out" "phishwatch: configuration OK: rulebase $RULEBASE, no access map, store in memory" \
	"its verdict says 'no access map', not '0 access entries'"

# --- --check opens the store read-only and never creates it ---
printf 'emalsrv.x.com\tREJECT\n' > "$TMP/access"
out=$(pw -r "$RULEBASE" -a "$TMP/access" -n -s "$TMP/typo.db" 2> "$TMP/err"); st=$?
is "$st" 0 "--check with a store not there yet exits 0"
like "$out" "state store $TMP/typo\\.db: not there yet; phishwatch will create it when it runs" \
	"says the store will be created"
like "$out" "configuration OK: .* 1 access entries, no store yet$" "and that there is none yet"
is "$(ls "$TMP" | grep -c typo)" 0 "and creates no file (store, -wal, -shm)"

from_line q1 '<a@emalsrv.ups.com>' | pw -r "$RULEBASE" -s "$TMP/state.db" > /dev/null 2>&1
sum=$(cksum < "$TMP/state.db")
out=$(pw -r "$RULEBASE" -a "$TMP/access" -n -s "$TMP/state.db" 2>&1); st=$?
is "$st" 0 "--check of a store in use exits 0"
like "$out" "1 campaign\\(s\\) in the store$" "and counts its campaigns"
is "$(cksum < "$TMP/state.db")" "$sum" "the store is byte for byte the same"
is "$(cat "$TMP/state.db-wal" 2>/dev/null | wc -c | tr -d ' ')" 0 \
	"nothing written to its WAL either (SQLite may leave it there, empty)"

printf 'not a database, some text that is long enough\n' > "$TMP/garbage.db"
pw -r "$RULEBASE" -a "$TMP/access" -n -s "$TMP/garbage.db" > /dev/null 2> "$TMP/err"
is "$?" 73 "--check of a file that is no store exits 73"
like "$(cat "$TMP/err")" "error: state .*garbage\\.db" "naming it"

# --- Permission denied: what to do (Debian's access map is 0600 root) ---
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	chmod 0711 "$TMP"
	chmod 0600 "$TMP/access"
	$AS_NOBODY "$PW" -r "$RULEBASE" -a "$TMP/access" -n > /dev/null 2> "$TMP/err"
	is "$?" 66 "--check as a user who may not read the access map exits 66"
	is "$(sed -n 1p "$TMP/err")" "phishwatch: error: access map $TMP/access: Permission denied" \
		"naming the file and the reason"
	like "$(sed -n 2p "$TMP/err")" \
		"^phishwatch: info: $TMP/access: let this user \\(uid [0-9]+\\) read it: a group of its own, e\\.g\\. chgrp phishwatch $TMP/access && chmod 0640 $TMP/access .* or run phishwatch as rsyslogd's user \\(see README, Permissions\\)$" \
		"then what to do: group read, or rsyslogd's user"
	chgrp nogroup "$TMP/access" && chmod 0640 "$TMP/access"
	setpriv --reuid=nobody --regid=nogroup --init-groups "$PW" -r "$RULEBASE" \
		-a "$TMP/access" -n > "$TMP/out" 2>&1
	is "$?" 0 "with group read (chgrp, chmod 0640) the same user passes"
else
	for i in 1 2 3 4; do ok 0 "# SKIP not root, or no setpriv: cannot become another user"; done
fi

# --- --report -s STORE: the chronology, without the line counters ---
pw -r "$RULEBASE" --report -s "$TMP/state.db" > "$TMP/out" 2> "$TMP/err"
is "$?" 0 "--report -s STORE exits 0"
like "$(cat "$TMP/out")" "ups\\.com" "prints the chronology"
is "$(cat "$TMP/err")" "" "and nothing on stderr: no counters of lines it never read"
from_line q2 '<a@emalsrv.dhl.com>' > "$TMP/log"
pw -r "$RULEBASE" --report "$TMP/log" > /dev/null 2> "$TMP/err"
like "$(cat "$TMP/err")" "info: exit: lines=1 " "--report FILE still counts its lines"

# --- omprog mode: each diagnostic starts with an ISO 8601 time stamp ---
from_line q3 '<a@emalsrv.fedex.com>' |
	pw -r "$RULEBASE" --omprog -o "$TMP/ev.json" > "$TMP/replies" 2> "$TMP/err"
is "$(cat "$TMP/replies" | tr '\n' ' ')" "OK OK " "omprog: ready, then the line confirmed"
like "$(cat "$TMP/err")" \
	'^20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]\.[0-9]{3}Z phishwatch: info: exit: lines=1 ' \
	"omprog: the exit counters start with the time, ISO 8601 UTC"
pw -r "$RULEBASE" --omprog -a "$TMP/no-such-map" -o "$TMP/ev.json" < /dev/null > /dev/null 2> "$TMP/err"
like "$(cat "$TMP/err")" '^[0-9-]{10}T[0-9:.]{12}Z phishwatch: error: access map .*no-such-map: No such file' \
	"omprog: so does an error"
from_line q4 '<a@emalsrv.fedex.com>' | pw -r "$RULEBASE" > /dev/null 2> "$TMP/err"
like "$(cat "$TMP/err")" '^phishwatch: info: exit:' "a filter on a terminal or in a pipe: no time stamp (the shell's own)"
done_testing
