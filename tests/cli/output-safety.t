#!/usr/bin/env bash
# output-safety.t - the -o file in a directory that others can write (a
# sticky, world-writable one like /tmp): phishwatch running as root never
# follows a symbolic link planted there by another user, never appends to
# a file that is not its own or that others can write, never writes into a
# FIFO a stranger planted; it creates a new file with O_EXCL, mode 0600.
# Each refusal is exit 73 with a message naming the file and the reason,
# and leaves the planted target untouched.  FIFOs and devices named on
# purpose (/dev/null, /dev/stdout) stay fine.  What is asserted is
# phishwatch's own message, whatever fs.protected_symlinks says.
. "$(dirname "$0")/../lib.sh"

from_line q1 '<a@emalsrv.ups.com>' >"$TMP/log"

# run DEST - phishwatch with events to DEST; status in $STATUS, stderr
# in $TMP/err
run() {
	pw -r "$RULEBASE" -o "$1" "$TMP/log" >"$TMP/stdout" 2>"$TMP/err"
	STATUS=$?
}

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	for i in $(seq 1 26); do ok 0 "# SKIP needs root and setpriv to plant files as nobody"; done
	done_testing
	exit
fi
AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
NOBODY_UID=$(id -u nobody)
chmod 0711 "$TMP"
SHARED=$TMP/shared
mkdir "$SHARED" && chmod 1777 "$SHARED"
# root's file that a planted link points to
printf 'root data\n' >"$TMP/precious" && chmod 0600 "$TMP/precious"
before=$(sha256sum <"$TMP/precious")

# --- a symbolic link planted by nobody, to root's file ---
$AS_NOBODY ln -s "$TMP/precious" "$SHARED/events.json"
run "$SHARED/events.json"
is "$STATUS" 73 "planted link to root's file: exit 73"
like "$(cat "$TMP/err")" "error: output .*shared/events\.json: refused: a symbolic link" \
	"planted link: says it is a link it does not follow"
is "$(sha256sum <"$TMP/precious")" "$before" "planted link: root's file untouched"
rm -f "$SHARED/events.json"

# --- a planted link to a file not there yet: root would create it ---
$AS_NOBODY ln -s "$TMP/created-by-root" "$SHARED/events.json"
run "$SHARED/events.json"
is "$STATUS" 73 "planted dangling link: exit 73"
like "$(cat "$TMP/err")" "refused: a symbolic link" "planted dangling link: says why"
[ ! -e "$TMP/created-by-root" ]
ok $? "planted dangling link: nothing created where it points"
rm -f "$SHARED/events.json"

# --- a file planted by nobody, 0666 ---
$AS_NOBODY sh -c "umask 000 && : >'$SHARED/events.json'"
run "$SHARED/events.json"
is "$STATUS" 73 "nobody's 0666 file: exit 73"
like "$(cat "$TMP/err")" "error: output .*shared/events\.json: refused: owned by uid $NOBODY_UID, not by uid 0" \
	"nobody's file: names the owner"
is "$(stat -c %s "$SHARED/events.json")" 0 "nobody's file: nothing written to it"
rm -f "$SHARED/events.json"

# --- nobody's file, 0600: still not ours ---
$AS_NOBODY sh -c "umask 077 && : >'$SHARED/events.json'"
run "$SHARED/events.json"
is "$STATUS" 73 "nobody's 0600 file: exit 73"
is "$(stat -c %s "$SHARED/events.json")" 0 "nobody's 0600 file: nothing written"
rm -f "$SHARED/events.json"

# --- our own file, but writable by others ---
(umask 000 && : >"$SHARED/mine.json")
run "$SHARED/mine.json"
is "$STATUS" 73 "own file mode 0666: exit 73"
like "$(cat "$TMP/err")" "refused: writable by group or others \(mode 0666\)" \
	"own file mode 0666: says why"
rm -f "$SHARED/mine.json"

# --- our own file with a second hard link ---
: >"$TMP/linked.json" && ln "$TMP/linked.json" "$TMP/other-name"
run "$TMP/linked.json"
is "$STATUS" 73 "file with two hard links: exit 73"
like "$(cat "$TMP/err")" "refused: more than one hard link" \
	"file with two hard links: says why"

# --- a FIFO planted by nobody ---
$AS_NOBODY mkfifo -m 0666 "$SHARED/events.json"
# a reader, so that the open does not wait: the refusal is about owner
exec 8<>"$SHARED/events.json"
run "$SHARED/events.json"
is "$STATUS" 73 "nobody's FIFO in the shared directory: exit 73"
like "$(cat "$TMP/err")" "refused: a FIFO of uid $NOBODY_UID in a directory that group or others can write" \
	"nobody's FIFO: says why"
exec 8<&-
rm -f "$SHARED/events.json"

# --- a new file: created, O_EXCL, 0600 whatever the umask ---
(umask 000 && pw -r "$RULEBASE" -o "$SHARED/events.json" "$TMP/log" \
	>/dev/null 2>"$TMP/err")
is "$?" 0 "new file in the shared directory: exit 0"
is "$(stat -c '%a %U' "$SHARED/events.json")" "600 root" \
	"new file: mode 0600, ours, even under umask 000"
is "$(events "$SHARED/events.json")" 1 "new file: the event is in it"
# ... and appended to on the next run (another campaign)
from_line q2 '<b@complains.dhl.com>' >"$TMP/log2"
pw -r "$RULEBASE" -o "$SHARED/events.json" "$TMP/log2" >/dev/null 2>&1
is "$?" 0 "own file: a second run appends, exit 0"
is "$(events "$SHARED/events.json")" 2 "own file: both events"

# --- what is named on purpose stays fine ---
run /dev/null
is "$STATUS" 0 "-o /dev/null: exit 0"
pw -r "$RULEBASE" -o /dev/stdout "$TMP/log" 2>/dev/null | grep -c '^{' >"$TMP/n"
is "$(cat "$TMP/n")" 1 "-o /dev/stdout (root's link in /dev): the event on stdout"
# root's own link in the sticky directory: no one else can replace it
: >"$TMP/target.json" && chmod 0600 "$TMP/target.json"
ln -s "$TMP/target.json" "$SHARED/root-link.json"
run "$SHARED/root-link.json"
is "$STATUS" 0 "root's own link in the sticky directory: followed, exit 0"
is "$(events "$TMP/target.json")" 1 "root's own link: the event in its target"
done_testing
