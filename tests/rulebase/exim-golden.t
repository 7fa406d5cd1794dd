#!/bin/bash
# exim-golden.t - rulebase/exim-syslog.rb (the rules of exim.rb behind a
# syslog header of exim or exim4, and alone, as a mainlog line; made by
# make) against the golden files in exim/, and against the recordings of
# real Exim in tests/mta/exim/.
#
# Each exim/NAME.in holds Exim lines (or lines that must not match);
# NAME.ref holds the object liblognorm should make of each, one per line,
# compared as JSON by meaning (jq -S) without "unparsed-data", as in
# golden.t.  Every line of the three recordings (RFC 3164, RFC 3339 and
# Exim's mainlog) must parse to a tag of exim.rb's, and each recording
# must hold the line kinds the scenario makes Exim write.

. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/golden-lib.sh"

DIR="$TOP/tests/rulebase/exim"
REC="$TOP/tests/mta/exim"
EXIM_RB="$TOP/rulebase/exim.rb"
EXIM_SYSLOG_RB="$TOP/rulebase/exim-syslog.rb"

golden_need
golden_rulebases "$EXIM_RB" "$TOP/rulebase/exim-syslog.rb.in" "$EXIM_SYSLOG_RB"
golden_files "$EXIM_SYSLOG_RB" "$DIR" exim/

# The tags exim.rb defines: what every recorded line must come out as.
sed -n 's/^rule=\([a-z-]*\):.*/\1/p' "$EXIM_RB" | sort -u >"$TMP/tags"
grep -qx exim-arrival "$TMP/tags"
ok $? "exim.rb's tags are listed (exim-arrival among them)"

# The kinds the scenario makes Exim write, each at least once.
KINDS="exim-arrival exim-delivered exim-delivered-more exim-deferred
exim-bounced exim-completed exim-rejected-rcpt exim-rejected-mail
exim-rejected-data exim-rcpt-discarded exim-discarded exim-connection"

for rec in syslog-3164.log syslog-3339.log mainlog; do
	lognormalizer -r "$EXIM_SYSLOG_RB" -e json -T <"$REC/$rec" \
		2>"$TMP/stderr" | jq -r '(."event.tags" // ["NONE"])[0]' \
		>"$TMP/got.tags"
	# (syslog alone has the reject log's pieces: its recipient list)
	grep -v -e '^exim-continued$' -e '^exim-other$' \
		-e '^exim-envelope-' "$TMP/got.tags" |
		sort | uniq -c >"$TMP/kinds.$rec"
	lines=$(wc -l <"$REC/$rec")
	is "$(wc -l <"$TMP/got.tags")" "$lines" "$rec: one object a line"
	grep -vxF -f "$TMP/tags" "$TMP/got.tags" | sort | uniq -c >"$TMP/bad"
	is "$(cat "$TMP/bad")" "" "$rec: all $lines lines parse to a tag of exim.rb"
	missing=""
	for kind in $KINDS; do
		grep -qx "$kind" "$TMP/got.tags" || missing="$missing $kind"
	done
	is "$missing" "" "$rec: holds every line kind the scenario makes"
done

# The three recordings are one log: each kind as often in each.
cmp -s "$TMP/kinds.syslog-3164.log" "$TMP/kinds.mainlog"
ok $? "the RFC 3164 recording and the mainlog hold the same kinds, as often"
cmp -s "$TMP/kinds.syslog-3339.log" "$TMP/kinds.mainlog"
ok $? "the RFC 3339 recording and the mainlog hold the same kinds, as often"

# Exim's stamp with log_selector +millisec (".250" after the seconds)
# and with log_timezone's zone, in syslog (Exim writes its stamp there
# too) and in the mainlog: each line the tag it has without.
tags() { lognormalizer -r "$EXIM_SYSLOG_RB" -e json -T 2>/dev/null |
	jq -r '(."event.tags" // ["NONE"])[0]'; }
for rec in syslog-3164.log syslog-3339.log mainlog; do
	tags <"$REC/$rec" >"$TMP/plain.tags"
	for stamp in .250 ' +0100' '.250 -0500'; do
		sed -E "s/([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}) /\\1$stamp /" \
			"$REC/$rec" >"$TMP/stamp.log"
		is "$(grep -c "[0-9]$stamp " "$TMP/stamp.log")" \
			"$(grep -c '[0-9]-[0-9]* [0-9:]* ' "$REC/$rec")" \
			"$rec ($stamp): every Exim stamp has it"
		tags <"$TMP/stamp.log" >"$TMP/stamp.tags"
		cmp -s "$TMP/plain.tags" "$TMP/stamp.tags"
		ok $? "$rec ($stamp): every line the tag it has without"
	done
done

# tests/mta/exim-edges (EDGES=1 record-exim.sh): every line parses to a
# tag of exim.rb's, and the recording holds the kinds its sessions make;
# the recipient lists of refusals after DATA are in syslog only (the
# reject log's copy), not in the mainlog.
EDGE_KINDS="exim-rejected-data exim-discarded exim-incomplete
exim-envelope-to exim-envelope-more exim-bounced exim-deferred"
for rec in syslog-3164.log syslog-3339.log mainlog; do
	lognormalizer -r "$EXIM_SYSLOG_RB" -e json -T \
		<"$TOP/tests/mta/exim-edges/$rec" 2>"$TMP/stderr" |
		jq -r '(."event.tags" // ["NONE"])[0]' >"$TMP/got.tags"
	grep -vxF -f "$TMP/tags" "$TMP/got.tags" | sort | uniq -c >"$TMP/bad"
	is "$(cat "$TMP/bad")" "" "exim-edges/$rec: every line parses to a tag of exim.rb"
	missing=""
	for kind in $EDGE_KINDS; do
		grep -qx "$kind" "$TMP/got.tags" || missing="$missing $kind"
	done
	[ "$rec" = mainlog ] && want=" exim-envelope-to exim-envelope-more" ||
		want=""
	is "$missing" "$want" "exim-edges/$rec: holds the kinds of the edges"
done

# Lines of other programs are not Exim's.

done_testing
