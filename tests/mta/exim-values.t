#!/usr/bin/env bash
# exim-values.t - the items of an Exim address list as a real Exim
# reads them.
#
# tests/mta/exim-values/values.list holds items an administrator may
# write in the list an ACL's "senders" condition names: addresses,
# *@domain, bare domains, *.domain, *domain (which Exim matches against
# any name that ends so, xdomain too), *@*domain, negated items before
# positive ones, capitals, blanks around an item and inside one, "#"
# comments and a "#" inside an item, "@" and "local@" items.
# values.verdicts is Exim 4.96's reply to RCPT for each sender of
# values.senders (record-exim-values.sh: exim4 -bh with an ACL that
# denies the list's senders).  phishwatch must take a sender as blocked
# exactly when Exim denied it.  (Regular expressions, lookups and named
# lists are not modelled, and not in this list: tests/unit checks that
# they are warned about.)
. "$(dirname "$0")/../lib.sh"

REC="$TOP/tests/mta/exim-values"

is "$(cut -f1 "$REC/values.verdicts")" "$(cat "$REC/values.senders")" \
	"the recording has Exim's reply for every sender, in order"
exim_says "$REC/values.verdicts" >"$TMP/want"
verdicts_match exim "$TMP/want" "$REC/values.senders" "$REC/values.list"

# The items Exim cannot match as they stand are warned about, each with
# its line.
pw -r "$RULEBASE" -a "exim:$REC/values.list" --check >"$TMP/check.out" 2>&1
is "$?" 65 "--check: 65, for the items warned about"
like "$(cat "$TMP/check.out")" \
	'values.list:2: item "emalsrv.x1.example REJECT": white space inside an item; line skipped' \
	"the warning names file, line and item, and why"
done_testing
