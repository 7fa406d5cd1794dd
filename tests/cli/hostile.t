#!/usr/bin/env bash
# Hostile senders and lines: no crash, counted, nothing unescaped out.
. "$(dirname "$0")/../lib.sh"

long=$(printf 'a%.0s' $(seq 1 300))
{
	from_line r63IA8dJ000001 '<x@emalsrv.evil"com>'
	from_line r63IA8dJ000002 "<x@emalsrv.${long}.com>"
	from_line r63IA8dJ000003 '<x@emalsrv.evil\ncom.example>'
	from_line r63IA8dJ000004 "<x@emalsrv.$(printf '\033')[31mred.example>"
	from_line r63IA8dJ000005 '<x@[192.0.2.1]>'
	from_line r63IA8dJ000006 '<x@emalsrv.bad_host.example>'
} > "$TMP/log"
pw -r "$RULEBASE" "$TMP/log" > "$TMP/out" 2> "$TMP/err"
is "$?" 0 "exit 0"
is "$(events "$TMP/out")" 0 "no event for forged hosts"
is "$(counter invalid_hosts "$TMP/err")" 5 "five invalid hosts counted"
is "$(counter ip_literals "$TMP/err")" 1 "IP literal counted"
is "$(grep -c $'\033' "$TMP/out" "$TMP/err" | awk -F: '{s+=$2} END {print s}')" 0 \
	"no ANSI escape byte in any output"

# Hostile bytes in a sender that is a real phish: escaped in the event.
printf 'Jul  3 14:12:20 mx1 sm-mta[4707]: r63IA8dJ000007: from=<"a\033[2J\xff"@emalsrv.ups.com>, size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=x.example [192.0.2.9]\n' > "$TMP/esc"
pw -r "$RULEBASE" "$TMP/esc" > "$TMP/esc.out" 2>/dev/null
is "$(events "$TMP/esc.out")" 1 "a phish with a hostile local part is still reported"
is "$(grep -c $'\033' "$TMP/esc.out")" 0 "ESC never reaches the event"
is "$(LC_ALL=C grep -c $'\xff' "$TMP/esc.out")" 0 "byte 0xff never reaches the event"
jq -e . < "$TMP/esc.out" > /dev/null
is "$?" 0 "the event is valid JSON"

# Long lines, NUL bytes, bytes >= 0x80 anywhere, CRLF, no final newline.
{
	head -c 70000 /dev/zero | tr '\0' 'x'; echo
	printf 'Jul  3 14:12:20 mx1 sm-mta[1]: q1: from=<a@emal\0srv.ups.com>, size=1\n'
	printf '\x80\x81\xfe Jul  3 14:12:20 mx1 sm-mta[1]: q2: from=<\xc3\xa9@emalsrv.\xe2\x80.com>, size=\xff, relay=\xf0\x9f [1.2.3.4]\n'
	printf 'Jul  3 14:12:20 \xff\xff sm-mta[\xff]: \xff: to=<\xff>, stat=\xff\n'
	printf 'Jul  3 14:12:20 mx1 sm-mta[1]: q3: from=<a@emalsrv.dhl.com>, size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=x [192.0.2.1]\r\n'
	printf 'Jul  3 14:12:20 mx1 sm-mta[1]: q4: from=<a@emalsrv.fedex.com>, size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=x [192.0.2.1]'
} > "$TMP/bytes"
pw -r "$RULEBASE" "$TMP/bytes" > "$TMP/bytes.out" 2> "$TMP/bytes.err"
is "$?" 0 "no crash on long lines, NUL bytes and high bytes"
is "$(counter too_long "$TMP/bytes.err")" 1 "64 KiB+ line counted"
is "$(counter nul_bytes "$TMP/bytes.err")" 1 "NUL line counted"
is "$(grep -c "bytes:1: line longer than 65536 bytes; skipped" "$TMP/bytes.err")" 1 \
	"the over-long line is warned of, with its file and line"
is "$(grep -c "bytes:2: NUL byte in line; skipped" "$TMP/bytes.err")" 1 \
	"the line after it keeps its own number"
is "$(counter lines "$TMP/bytes.err")" 6 "every line counted"
is "$(jq -r .phishwatch.phished_domain < "$TMP/bytes.out" | tr '\n' ' ')" "dhl.com fedex.com " \
	"CRLF line and unterminated last line still detected"
done_testing
