#!/usr/bin/env bash
# exim-regex.t - regular expressions in an Exim address list file, as a
# real Exim reads them.
#
# tests/mta/exim-regex/values.list holds, among literal items, items an
# administrator may write in the file an ACL's "senders" condition names
# (Debian's local_sender_blacklist) that are regular expressions: an
# item that starts with "^" (matched against the whole address), and
# *@^regex and local@^regex (a regex over the domain alone); with and
# without "$", an alternation, capitals in the regex and in the sender,
# (?-i), negated regexes before literal items and literal negated items
# before regexes, "#" inside a regex after a blank and after none,
# blanks inside a regex, a quoted local part, \d, [[:digit:]], a
# lookahead, and \N...\N (which a file does not take off).
# values.verdicts is Exim 4.96's reply to RCPT for each sender of
# values.senders (record-exim-values.sh DIR: exim4 -bh with an ACL that
# denies the list's senders).  phishwatch must take a sender as blocked
# exactly when Exim denied it.
#
# tests/mta/exim-regex-bad holds a regex that does not compile, between
# literal items, apart: it makes Exim fail every sender that reaches it
# (BS=1 record-exim-values.sh DIR: exim4 -bs, which replies as a client
# is replied to, where -bh exits with no reply).
. "$(dirname "$0")/../lib.sh"

REC="$TOP/tests/mta/exim-regex"
BAD="$TOP/tests/mta/exim-regex-bad"

# replies VERDICTS SENDER... - Exim's reply code to each SENDER, a line each
replies() {
	_v=$1
	shift
	for _s in "$@"; do
		awk -F '\t' -v s="$_s" '$1 == s { print substr($2, 1, 3) }' "$_v"
	done | tr '\n' ' '
}

is "$(cut -f1 "$REC/values.verdicts")" "$(cat "$REC/values.senders")" \
	"the recording has Exim's reply for every sender, in order"
exim_says "$REC/values.verdicts" >"$TMP/want"
verdicts_match exim "$TMP/want" "$REC/values.senders" "$REC/values.list"

# What the recording must show for the list to test what it says.
# A "^" item is matched against the whole address, anchored at its
# start only: without "$" a longer domain matches, and an alternation's
# second branch matches anywhere; an item without "^" is no regex.
is "$(replies "$REC/values.verdicts" a@emalsrv.r1.example \
	a@emalsrv.r1.example.net a@emalsrv.r2.example.net \
	ax3@emalsrv.r3b.example a@emalsrv.r4.example a@emalsrv.r5.example.net)" \
	"550 250 550 250 250 550 " \
	"the recording: whole address, anchored at its start, open at its end"
# Caseless both ways, on the address lower-cased first: (?-i) with a
# capital matches nothing, (?-i) in lower case matches a sender in
# capitals.  *@^regex is over the domain alone, from its start.
is "$(replies "$REC/values.verdicts" a6@emalsrv.r6.example \
	A7@EMALSRV.R7.EXAMPLE B8@emalsrv.r8.example C8@EMALSRV.R8B.EXAMPLE \
	a@emalsrv.r9.example a@complains.emalsrv.r9.example \
	x10@emalsrv.r10.example.net y10@emalsrv.r10.example)" \
	"550 550 250 550 550 250 550 250 " \
	"the recording: case, and a regex over the domain"
# The whole line is the item: a blank stays in it, and " #" ends it
# ("^zz17" is what is left); "#" after no blank, \N and quotes stay.
is "$(replies "$REC/values.verdicts" x#y@emalsrv.r16.example \
	zz17q@emalsrv.r17.example.net x18@emalsrv.r18.example \
	'"x y"@emalsrv.r18b.example' '"x y"@emalsrv.r18c.example' \
	a@emalsrv.r22.example)" \
	"550 550 550 250 550 250 " \
	"the recording: comments, blanks, quotes and \\N in a regex line"

# The bad regex.  Exim decides the senders an earlier item matches as
# usual (a negated one passes, a positive one is refused); on the first
# sender that reaches the line it panics ("regular expression error:
# missing closing parenthesis at offset 25 while compiling ..." in its
# panic log, the process exits) and the client gets 421 to RCPT: every
# later item, *@emalsrv.b3.example too, is never reached.
is "$(cut -f1 "$BAD/values.verdicts")" "$(cat "$BAD/values.senders")" \
	"the bad recording has Exim's reply for every sender, in order"
is "$(cut -f2 "$BAD/values.verdicts" | tr -d '\r' | tr '\n' '|')" \
	"250 Accepted|550 sender listed|421 Unexpected failure, please try later|421 Unexpected failure, please try later|421 Unexpected failure, please try later|" \
	"the bad recording: Exim's replies before the bad regex, then 421"
is "$(grep -Fc 'regular expression error: missing closing parenthesis at offset 25 while compiling ^x(@' \
	"$BAD/values.paniclog")" 3 \
	"the bad recording: a panic for each sender that reached the bad regex"
# phishwatch reads the items before the bad regex as Exim does, and
# takes every sender that reaches it as blocked (Exim defers it, each
# time it comes back); the line is warned about, with Exim's reason as
# PCRE2 gives it, and --check fails.
exim_says "$BAD/values.verdicts" >"$TMP/want-bad"
verdicts_match exim "$TMP/want-bad" "$BAD/values.senders" "$BAD/values.list"
pw -r "$RULEBASE" -a "exim:$BAD/values.list" --check >"$TMP/check.out" 2>&1
is "$?" 65 "--check: 65, for the regex that does not compile"
like "$(cat "$TMP/check.out")" \
	'values.list:6: item "\^x\(@emalsrv\\\.b2\\\.example\$": missing closing parenthesis at offset 25: Exim defers every sender that reaches it \(421\); taken as blocking' \
	"the warning names file, line and item, and the reason Exim logged"
# The good list's regular expressions are read without a word: the only
# lines warned about are the two items Exim takes as no regex, and
# which match nothing there (backslashes in a domain, \N...\N).
pw -r "$RULEBASE" -a "exim:$REC/values.list" --check >"$TMP/check.out" 2>&1
is "$(sed -n 's/.*values\.list:\([0-9]*\): .*/\1/p' "$TMP/check.out" |
	tr '\n' ' ')" "$(grep -n -e '^emalsrv\\' -e '^\\N' "$REC/values.list" |
	cut -d: -f1 | tr '\n' ' ')" \
	"no warning for a regular expression Exim reads"
done_testing
