#!/usr/bin/env bash
# sendmail-values.t - access map values as a real sendmail reads them.
#
# tests/mta/sendmail-values/values.access holds values an administrator may
# write: keywords in any case, ERROR: and bare replies well and badly
# formed, words after a keyword ("REJECT # blocked by hand", "OK extra"),
# FRIEND, SKIP, QUARANTINE:, a trailing dot, blanks and a CRLF line's
# CR after the value; and keys of a whole address, of a local part
# ("ceo@"), in capitals, and a parent's entry below a host's.  values.bt is what sendmail 8.17's check_mail
# returned for each sender of values.senders with that map compiled by
# its makemap (record-sendmail-values.sh, sendmail -bt).  phishwatch must
# take a sender as blocked exactly when sendmail refused or discarded it
# ($#error or $#discard; not a quarantine, which accepts), reading the
# source and a map compiled from it as makemap does.  SKIP is the one
# reading that differs on purpose: phishwatch reads it as under
# FEATURE(access_db)'s skip argument, which the recording's .mc lacks.
. "$(dirname "$0")/../lib.sh"

REC="$TOP/tests/mta/sendmail-values"

# sendmail_says - "HOST blocked|passed" a line, from values.bt
sendmail_says() {
	awk -F '\t' '{ host = tolower($1); sub(/^[^@]*@/, "", host)
		verdict = ($2 ~ /^\$# (error|discard)/ && $2 !~ /\$@ quarantine/) \
			? "blocked" : "passed"
		print host, verdict }' "$REC/values.bt"
}


# skip_read - the SKIP entries' senders read as passed, as phishwatch
# reads SKIP on purpose
skip_read() {
	awk -v skip="$(awk -F '\t' '$2 == "$# error $: SKIP" {
			h = $1; sub(/^[^@]*@/, "", h); printf " %s ", h }' \
		"$REC/values.bt")" \
		'index(skip, " " $1 " ") { $2 = "passed" } { print }'
}

is "$(wc -l <"$REC/values.bt")" "$(wc -l <"$REC/values.senders")" \
	"the recording has sendmail's verdict on every sender"
sendmail_says | skip_read >"$TMP/want"
DB_LOAD=$(command -v db5.3_load || command -v db_load)
makemap_pairs "$REC/values.access" | "$DB_LOAD" -T -t hash "$TMP/values.db"
ok $? "the source compiled as makemap compiles it"
verdicts_match sendmail "$TMP/want" "$REC/values.senders" \
	"$REC/values.access" "$TMP/values.db"

# The values that are no action are warned about, each with its line.
pw -r "$RULEBASE" -a "sendmail:$REC/values.access" --check \
	>"$TMP/check.out" 2>&1
is "$?" 65 "--check: 65, for the values that are no action"
like "$(cat "$TMP/check.out")" \
	'values.access:1: "REJECT # blocked by hand" of key "From:a1.example" is no sendmail action: sendmail refuses the sender with it as the reply; taken as blocking' \
	"the warning names file, line, value and key, and what sendmail does"
done_testing
