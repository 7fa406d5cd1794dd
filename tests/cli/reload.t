#!/usr/bin/env bash
# reload.t - SIGHUP in the middle of a stream, with an access map of
# 50,000 entries (text, then cdb): the new set is made beside the stream,
# lines sent after the SIGHUP are done (their events come) whether or not
# it is in yet, the new map takes effect once phishwatch says it reloaded,
# and a reload that fails keeps the old map and says why.  Nothing here
# depends on how fast the machine is: each step waits for what it needs.
. "$(dirname "$0")/../lib.sh"

# big_map FILE [EXTRA-LINE] - 50,000 blocking entries, and EXTRA-LINE
big_map() {
	awk 'BEGIN { for (i = 0; i < 50000; i++)
		printf "mail.s%x.example\tREJECT\n", i }' > "$1.tmp"
	[ -z "${2:-}" ] || printf '%s\n' "$2" >> "$1.tmp"
	mv "$1.tmp" "$1"
}

# compiled TEXT OUT - OUT as tinycdb's cdb writes it from TEXT
compiled() {
	awk '{ print tolower($1) " " $2 }' "$1" | cdb -c -m "$2.tmp"
	mv "$2.tmp" "$2"
}

# campaigns FILE - the phished domains of the events, space-separated
campaigns() {
	sed -n 's/.*"phished_domain":"\([^"]*\)".*/\1/p' "$1" | tr '\n' ' '
}

# said PATTERN - lines of phishwatch's standard error that match
said() { grep -c -- "$1" "$TMP/err" 2>/dev/null; }

# one_kind KIND MAP - the whole story with MAP (rewritten by the KIND step)
one_kind() {
	local kind=$1 map=$2 pid n
	: > "$TMP/out"; : > "$TMP/err"
	rm -f "$TMP/fifo"; mkfifo "$TMP/fifo"
	"$PW" -r "$RULEBASE" -a "$map" < "$TMP/fifo" > "$TMP/out" 2> "$TMP/err" &
	pid=$!
	track_pid $pid
	exec 7> "$TMP/fifo"
	from_line "${kind}m1" '<a@emalsrv.marriott.com>' >&7
	wait_for '[ "$(events "$TMP/out")" = 1 ]' 60
	is "$(campaigns "$TMP/out")" "marriott.com " "$kind: a first campaign"

	# the new map blocks ups.com; lines go on while it loads
	if [ "$kind" = text ]; then
		big_map "$map" "emalsrv.ups.com	REJECT"
	else
		big_map "$TMP/src" "emalsrv.ups.com	REJECT"
		compiled "$TMP/src" "$map"
	fi
	kill -HUP $pid
	for n in 1 2 3 4 5 6 7 8 9 10; do
		from_line "${kind}d$n" "<a@emalsrv.dhl$n.com>" >&7
	done
	wait_for '[ "$(events "$TMP/out")" = 11 ]' 60
	is "$(events "$TMP/out")" 11 \
		"$kind: ten campaigns sent right after SIGHUP: ten events"
	wait_for '[ "$(said "info: reloaded")" -ge 1 ]' 60
	is "$(said "info: reloaded")" 1 "$kind: phishwatch says it reloaded, once"
	from_line "${kind}u1" '<a@emalsrv.ups.com>' >&7
	from_line "${kind}f1" '<a@emalsrv.fedex.com>' >&7
	wait_for '[ "$(events "$TMP/out")" = 12 ]' 60
	like "$(campaigns "$TMP/out")" "dhl10.com fedex.com $" \
		"$kind: ups.com, blocked by the new map: no event; fedex.com: its event"

	# a reload that fails keeps the new map, and says why
	mv "$map" "$map.gone"
	kill -HUP $pid
	wait_for '[ "$(said "reload failed")" -ge 1 ]' 60
	like "$(cat "$TMP/err")" "error: access map [^ ]*$(basename "$map"): No such file" \
		"$kind: map gone: phishwatch says which file and why"
	from_line "${kind}u2" '<b@emalsrv.ups.com>' >&7
	from_line "${kind}t1" '<a@complains.tnt.com>' >&7
	wait_for '[ "$(events "$TMP/out")" = 13 ]' 60
	like "$(campaigns "$TMP/out")" "fedex.com tnt.com $" \
		"$kind: ups.com still blocked: the map it had is kept"
	mv "$map.gone" "$map"
	exec 7>&-
	wait $pid
	is "$?" 0 "$kind: exit 0 at the end of the input"
	like "$(cat "$TMP/err")" "exit: lines=15 .* events=13 " \
		"$kind: 15 lines read, 13 events"
}

big_map "$TMP/access"
one_kind text "$TMP/access"
command -v cdb > /dev/null
ok $? "tinycdb's cdb is installed (make deps)"
big_map "$TMP/src"
compiled "$TMP/src" "$TMP/access.cdb"
one_kind cdb "$TMP/access.cdb"
done_testing
