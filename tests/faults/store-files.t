#!/usr/bin/env bash
# store-files.t - root keeps its store in a world-writable sticky
# directory where another user (nobody) plants names first: a symbolic
# link as the store, its -wal or its lock file, a store of nobody's
# (0666), a store others may write.  Each is refused with exit 73 and a
# message naming the file and the reason; what a link points to is left
# untouched.  phishwatch's own refusal is asserted (its message), not
# the kernel's fs.protected_symlinks, which may be off.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	# Planting files as another user needs root; say so, count nothing.
	ok 0 "# SKIP needs root and setpriv to plant files as nobody"
	done_testing
	exit
fi
AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
chmod 0711 "$TMP"
PUB="$TMP/pub"
mkdir "$PUB" && chmod 1777 "$PUB"	# like /tmp
from_line q1 '<a@emalsrv.ups.com>' >"$TMP/log"
chmod 0644 "$TMP/log"
printf 'precious\n' >"$TMP/target" && chmod 0644 "$TMP/target"

# refused NAME STORE WHY - root's run on STORE: 73, no event, the
# message naming the file and WHY
refused() {
	pw -r "$RULEBASE" -s "$2" "$TMP/log" >"$TMP/out" 2>"$TMP/err"
	is "$?" 73 "$1: exit 73"
	like "$(cat "$TMP/err")" "$3" "$1: the message names the file and why"
	is "$(events "$TMP/out")" 0 "$1: no event"
}

# --- the store itself a link planted by nobody ---
$AS_NOBODY ln -s "$TMP/target" "$PUB/state.db"
refused "store a symlink to root's file" "$PUB/state.db" \
	"error: state .*pub/state\.db: a symbolic link: refused"
is "$(cat "$TMP/target")" precious "the file the link points to is untouched"
$AS_NOBODY ln -s "$TMP/made-by-root.db" "$PUB/dangling.db"
refused "store a symlink to a name that does not exist" "$PUB/dangling.db" \
	"dangling\.db: a symbolic link: refused"
ok "$([ ! -e "$TMP/made-by-root.db" ]; echo $?)" \
	"no file is created where the link points"
for f in "$PUB"/state.db-* "$PUB"/dangling.db-*; do
	[ -e "$f" ] && diag "left behind: $f"
done
is "$(ls "$PUB" | tr '\n' ' ')" "dangling.db state.db " \
	"nothing is created beside a refused store"

# --- a store of nobody's, 0666 ---
(cd "$PUB" && $AS_NOBODY "$PW" -r "$RULEBASE" -s "$PUB/nobody.db" \
	"$TMP/log" >/dev/null 2>&1)
$AS_NOBODY chmod 0666 "$PUB/nobody.db"
before=$(sha256sum <"$PUB/nobody.db")
refused "a 0666 store made by nobody" "$PUB/nobody.db" \
	"nobody\.db: owned by uid [0-9]+, not by the user running phishwatch \(uid 0\): refused"
is "$(sha256sum <"$PUB/nobody.db")" "$before" "nobody's store is untouched"
pw -r "$RULEBASE" -s "$PUB/nobody.db" --report >/dev/null 2>"$TMP/err"
is "$?" 73 "nobody's store is refused to a reader (--report) too"

# --- root's own store, but writable by others ---
pw -r "$RULEBASE" -s "$PUB/open.db" "$TMP/log" >/dev/null 2>&1
chmod 0666 "$PUB/open.db"
refused "root's store made writable by others" "$PUB/open.db" \
	"open\.db: writable by group or others \(mode 0666\): refused"

# --- root's good store: its -wal and its lock file planted as links ---
pw -r "$RULEBASE" -s "$PUB/good.db" "$TMP/log" >"$TMP/out" 2>&1
is "$?" 0 "root's own store in the sticky directory works"
$AS_NOBODY ln -s "$TMP/target" "$PUB/good.db-wal"
refused "its -wal a link planted by nobody" "$PUB/good.db" \
	"good\.db-wal: a symbolic link: refused"
rm -f "$PUB/good.db-wal"
$AS_NOBODY ln -s "$TMP/target" "$PUB/good.db-journal"
refused "its -journal a link planted by nobody" "$PUB/good.db" \
	"good\.db-journal: a symbolic link: refused"
rm -f "$PUB/good.db-journal"
rm -f "$PUB/good.db-lock"
$AS_NOBODY ln -s "$TMP/target" "$PUB/good.db-lock"
refused "its lock file a link planted by nobody" "$PUB/good.db" \
	"good\.db-lock: a symbolic link: refused"
rm -f "$PUB/good.db-lock"
$AS_NOBODY sh -c "umask 0; : >'$PUB/good.db-lock'"
refused "its lock file planted by nobody (0666)" "$PUB/good.db" \
	"good\.db-lock: owned by uid [0-9]+, not by the user"
rm -f "$PUB/good.db-lock"
is "$(cat "$TMP/target")" precious "the target of every link is untouched"
pw -r "$RULEBASE" -s "$PUB/good.db" "$TMP/log" >/dev/null 2>"$TMP/err"
is "$?" 0 "the plants removed, root's store works again"
is "$(stat -c '%a %U' "$PUB/good.db-lock")" "600 root" \
	"the lock file is created 0600, root's own"

# A directory that is a link is fine: only the last name may not be one.
ln -s "$PUB" "$TMP/publink"
pw -r "$RULEBASE" -s "$TMP/publink/good.db" "$TMP/log" >/dev/null 2>"$TMP/err"
is "$?" 0 "a store reached through a linked directory opens"
done_testing
