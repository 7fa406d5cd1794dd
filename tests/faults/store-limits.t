#!/usr/bin/env bash
# store-limits.t - the store cannot be opened for want of a descriptor
# (RLIMIT_NOFILE cut down, as a tight systemd LimitNOFILE= or ulimit -n
# does): exit 73, and the message names the store and the system's
# reason.  SQLite alone says "unable to open database file", and an
# existing store was called "not a phishwatch state database", which
# invites deleting a good store.  The store is left intact.
. "$(dirname "$0")/../lib.sh"
export TZ=UTC

from_line QA00001 '<a@emalsrv.dhl.com>' >"$TMP/log"
"$PW" -r "$RULEBASE" -s "$TMP/good.db" "$TMP/log" >/dev/null 2>&1
is "$?" 0 "a good store to open"

# tight NAME STORE - phishwatch on STORE under every descriptor limit
# from 4 to 12 (where it fails depends on how many the libraries take);
# each run that fails on the store must say why.  STORE_FAILS: runs
# that failed on the store
tight() {
	STORE_FAILS=0
	_bad=""
	for n in 4 5 6 7 8 9 10 11 12; do
		rm -f "$TMP/new.db" "$TMP"/new.db-*
		# the shell's redirections first, then the limit
		( ulimit -n "$n" && exec "$PW" -r "$RULEBASE" -s "$2" "$TMP/log" ) \
			>"$TMP/out" 2>"$TMP/err"
		_rc=$?
		[ "$_rc" -ge 128 ] && _bad="$_bad n=$n:killed($_rc)"
		grep -q "state .*$(basename "$2")" "$TMP/err" || continue
		STORE_FAILS=$((STORE_FAILS + 1))
		[ "$_rc" -eq 73 ] || _bad="$_bad n=$n:exit($_rc)"
		grep -q 'Too many open files' "$TMP/err" ||
			_bad="$_bad n=$n:no-reason($(head -c 200 "$TMP/err"))"
		grep -q 'not a phishwatch state database' "$TMP/err" &&
			_bad="$_bad n=$n:called-foreign"
	done
	ok "$([ "$STORE_FAILS" -gt 0 ]; echo $?)" "$1: some limit makes the store fail"
	is "$_bad" "" "$1: each time exit 73, with the reason, nothing else"
}

tight "existing store" "$TMP/good.db"
is "$(sqlite3 "$TMP/good.db" 'PRAGMA integrity_check')" ok \
	"existing store: intact"
is "$(sqlite3 "$TMP/good.db" 'SELECT count(*) FROM campaigns')" 1 \
	"existing store: its campaign still there"
tight "new store" "$TMP/new.db"

done_testing
