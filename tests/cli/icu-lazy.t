#!/usr/bin/env bash
# ICU is loaded on the first IDN sender, not at start: a stream of ASCII
# senders (lookalikes among them) never maps its libraries, and the first
# xn-- sender loads them and is judged as before.
. "$(dirname "$0")/../lib.sh"

printf 'linkedin.com\n' > "$TMP/brands"
mkfifo "$TMP/in"
# not through pw(): $! must be phishwatch's own pid, not a subshell's
$VALGRIND "$PW" -r "$RULEBASE" --brands "$TMP/brands" < "$TMP/in" \
	> "$TMP/out" 2> "$TMP/err" &
pid=$!
track_pid $pid
exec 3> "$TMP/in"
from_line r63L00000001 '<x@mail.example.org>' >&3
from_line r63L00000002 '<x@linkedinmail.com>' >&3
ok "$(wait_for '[ "$(events "$TMP/out")" -ge 1 ]' 60; echo $?)" \
	"the ASCII lookalike's event comes out"
maps=$(cat /proc/$pid/maps 2> /dev/null)
like "$maps" 'liblognorm' "the maps read are phishwatch's"
unlike "$maps" 'libicu' "no ICU library is mapped while every sender is ASCII"
from_line r63L00000003 '<x@xn--lnkedin-rog.com>' >&3
ok "$(wait_for '[ "$(events "$TMP/out")" -ge 2 ]' 60; echo $?)" \
	"the IDN sender's event comes out"
like "$(cat /proc/$pid/maps 2> /dev/null)" 'libicui18n' \
	"the first IDN sender loaded ICU"
exec 3>&-
wait $pid
is "$?" 0 "phishwatch ends well at the end of its input"
is "$(jq -r .rule.name < "$TMP/out" | tr '\n' ' ')" \
	"lookalike:affix-mail lookalike:homoglyph " "both judged as before"
done_testing
