#!/usr/bin/env bash
# privilege.t - least privilege (README "Security"): phishwatch runs as an
# unprivileged user, creates its store 0600 whatever the umask, creates no
# other file than its store and its output, and never runs another
# program: no exec/system/popen/fork in the binary, no execve but its own
# under strace.  (Input as a format string: tests/hostile/format-strings*.)
. "$(dirname "$0")/../lib.sh"

from_line q1 '<a@emalsrv.ups.com>' >"$TMP/log"
from_line q2 '<b@complains.dhl.com>' >>"$TMP/log"

# --- the binary imports nothing that starts a program ---
if command -v nm >/dev/null; then
	imports=$(nm -D --undefined-only "$PW" | awk '{ print $NF }' | sed 's/@.*//')
	ok $? "nm reads the binary's dynamic imports"
	is "$(printf '%s\n' "$imports" | grep -Ex 'exec[lv]p?e?|execvpe|fexecve|system|popen|fork|vfork|posix_spawnp?|setuid|seteuid|setreuid' | tr '\n' ' ')" \
		"" "no exec*, system, popen, fork, spawn or setuid imported"
else
	ok 0 "# SKIP nm (binutils) not installed"
	ok 0 "# SKIP nm (binutils) not installed"
fi

# --- as nobody (root ignores file modes: become someone else) ---
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	chmod 0711 "$TMP"
	mkdir "$TMP/var" && chown nobody:nogroup "$TMP/var"
	chmod 0644 "$TMP/log"
	(umask 000 && $AS_NOBODY "$PW" -r "$RULEBASE" -s "$TMP/var/state.db" \
		-o "$TMP/var/events.json" "$TMP/log" 2>"$TMP/err")
	is "$?" 0 "runs as nobody (umask 000)"
	is "$(events "$TMP/var/events.json")" 2 "as nobody: both events written"
	is "$(stat -c '%a %U' "$TMP/var/state.db")" "600 nobody" \
		"the store is created 0600, owned by the user, even under umask 000"
	for f in "$TMP"/var/state.db-*; do
		[ -e "$f" ] || continue
		is "$(stat -c '%a' "$f")" 600 "$(basename "$f") is 0600 too"
	done
	is "$(stat -c '%a' "$TMP/var/events.json")" 600 \
		"the event file is created 0600 too (chgrp and chmod g+r to share it)"
	$AS_NOBODY "$PW" -r "$RULEBASE" -s "$TMP/var/state.db" --report \
		>"$TMP/report" 2>/dev/null
	is "$?" 0 "as nobody: --report reads the store back"
	like "$(cat "$TMP/report")" 'ups\.com' "as nobody: the report names the campaign"
	# nobody cannot read root's 0600 store, nor write root's directory
	"$PW" -r "$RULEBASE" -s "$TMP/root.db" "$TMP/log" >/dev/null 2>&1
	$AS_NOBODY "$PW" -r "$RULEBASE" -s "$TMP/root.db" --report >/dev/null 2>&1
	is "$?" 73 "as nobody: root's 0600 store is refused (73)"
else
	for i in 1 2 3 4 5 6 7 8 9; do ok 0 "# SKIP needs root to become nobody"; done
fi

# --- under strace: one execve (its own), files created only where told ---
if command -v strace >/dev/null; then
	# LeakSanitizer cannot run under ptrace: none in an ASan build here
	export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
	mkdir -p "$TMP/st"
	strace -f -qq -o "$TMP/strace" -e trace=execve,execveat,openat,open,creat \
		"$PW" -r "$RULEBASE" -s "$TMP/st/state.db" -o "$TMP/st/events.json" \
		"$TMP/log" >/dev/null 2>&1
	is "$?" 0 "runs under strace"
	is "$(grep -cE 'execve(at)?\(' "$TMP/strace")" 1 \
		"one execve: its own start; no shell, no helper program"
	created=$(grep -E 'O_CREAT' "$TMP/strace" | grep -v ENOENT |
		sed -n 's/.*"\([^"]*\)".*/\1/p' | sort -u | sed "s|^$TMP/st/||" | tr '\n' ' ')
	is "$created" "events.json state.db state.db-journal state.db-lock state.db-shm state.db-wal " \
		"files created: the store (its lock file and SQLite's companions) and the output only"
	strace -f -qq -o "$TMP/strace2" -e trace=execve,execveat \
		"$PW" -r "$RULEBASE" --omprog -o "$TMP/st/events2.json" \
		<"$TMP/log" >/dev/null 2>&1
	is "$(grep -cE 'execve(at)?\(' "$TMP/strace2")" 1 "--omprog: one execve too"
	# dlopen() is imported for ICU alone (src/icuload.c): an IDN sender
	# loads ICU's libraries and what they need, nothing else
	printf 'linkedin.com\n' > "$TMP/brands"
	from_line q3 '<c@xn--lnkedin-rog.com>' > "$TMP/idn"
	strace -f -qq -o "$TMP/strace3" -e trace=openat,open \
		"$PW" -r "$RULEBASE" --brands "$TMP/brands" "$TMP/idn" \
		> "$TMP/idn.out" 2>/dev/null
	is "$(events "$TMP/idn.out")" 1 "under strace: the IDN sender's event"
	sonames() { sed 's|.*/||' | grep -E '^lib.*\.so(\.[0-9.]+)?$' | sort -u; }
	loaded=$(grep -v ENOENT "$TMP/strace3" | sed -n 's/.*"\([^"]*\)".*/\1/p' | sonames)
	linked=$(ldd "$PW" | awk '{ print $1 }' | sonames)
	is "$(comm -23 <(printf '%s\n' "$loaded") <(printf '%s\n' "$linked") |
		grep -vE '^lib(icu(uc|i18n|data)|stdc\+\+|gcc_s|m)\.so' | tr '\n' ' ')" "" \
		"libraries loaded at run time: ICU's and those they need, no other"
else
	for i in 1 2 3 4 5 6; do ok 0 "# SKIP strace not installed"; done
fi
done_testing
