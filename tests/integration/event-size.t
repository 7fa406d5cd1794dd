#!/usr/bin/env bash
# event-size.t - with -o syslog:SOCKET every event fits one datagram of at
# most 8096 bytes (what rsyslog 8.2302 keeps), whatever the line held: an
# event too big goes without event.original, sender addresses are cut at
# 1024 bytes with a "..." mark, and hostile bytes (escaped as \xHH, up to
# five bytes each in JSON) never make it an error: such a line would stop
# phishwatch, and rsyslog would offer it again forever.  (The emitter's
# last resort, log text cut shorter still, is in tests/unit/test_emitter.c.)
# The socket is a python receiver that records each datagram.

. "$(dirname "$0")/../lib.sh"

command -v python3 >/dev/null && command -v jq >/dev/null
ok $? "python3 and jq are installed (make deps)"

sock="$TMP/events.sock"
python3 - "$sock" "$TMP/datagrams" <<'EOF' &
import json, os, socket, sys

path, out = sys.argv[1:]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path + ".tmp")
os.rename(path + ".tmp", path)
with open(out, "w") as f:
    while True:
        d = s.recv(1 << 20)
        if d == b"stop":
            break
        head, _, body = d.partition(b"@cee:")
        f.write("%d %s\n" % (len(d), body.decode("ascii", "replace")))
        f.flush()
EOF
receiver=$!
track_pid $receiver
wait_for '[ -S "$sock" ]' 30

long_local=$(printf 'x%.0s' $(seq 1 7000))
high=$(printf '\377%.0s' $(seq 1 1100))
hostile_host=$(printf '\375%.0s' $(seq 1 255))
hostile_ip=$(printf '\376%.0s' $(seq 1 255))
{
	from_line s1 '<a@emalsrv.marriott.com>'
	from_line s2 "<$long_local@emalsrv.dhl.com>"
	printf 'Jul  3 14:12:20 %s sm-mta[4707]: s3: from=<%s@emalsrv.ups.com>, size=1, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=relay.example.net [%s]\n' \
		"$hostile_host" "$high" "$hostile_ip"
	from_line s4 '<b@emalsrv.fedex.com>'
} >"$TMP/in"

"$PW" --omprog -r "$RULEBASE" -o "syslog:$sock" <"$TMP/in" \
	>"$TMP/stdout" 2>"$TMP/stderr"
is "$?" 0 "phishwatch --omprog -o syslog:SOCKET exits 0 at EOF"
is "$(tr '\n' ' ' <"$TMP/stdout")" "OK OK OK OK OK " \
	"every line answered OK, the hostile one too"
python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.sendto(b"stop", sys.argv[1])' "$sock"
wait "$receiver"

is "$(wc -l <"$TMP/datagrams" | tr -d ' ')" 4 "four events, four datagrams"
is "$(awk '$1 > 8096' "$TMP/datagrams" | wc -l | tr -d ' ')" 0 \
	"none over 8096 bytes (largest: $(sort -n "$TMP/datagrams" | tail -n 1 | cut -d' ' -f1))"
cut -d' ' -f2- "$TMP/datagrams" >"$TMP/events"
jq -e . "$TMP/events" >/dev/null 2>&1
ok $? "each one whole JSON"

# field DOMAIN FILTER - FILTER on DOMAIN's event
field() {
	jq -r --arg d "$1" "select(.phishwatch.phished_domain == \$d) | $2" \
		"$TMP/events" 2>/dev/null
}
is "$(field marriott.com '.event | has("original")')" true "an ordinary event keeps event.original"
is "$(field dhl.com '.event | has("original")')" false \
	"a 7 KB line: its event without event.original"
is "$(field dhl.com '.email.from.address[0] | length')" 1024 \
	"its address cut at 1024 bytes"
is "$(field ups.com '.event | has("original")')" false \
	"a hostile line (8-bit address, host, relay): no event.original either"
like "$(field ups.com '.email.from.address[0]')" '^(\\xff){1021}\.\.\.$' \
	"its address cut at 1024 bytes before escaping, marked ..."
is "$(field ups.com '.host')" null \
	"its syslog host, no host name, left out (counted as invalid_fields)"
is "$(field ups.com '.phishwatch.suggested_access')" \
	"$(printf 'emalsrv.ups.com\tERROR:"550 5.7.1 Sender banned"')" \
	"what was validated stays whole"
is "$(field fedex.com '.email.local_id')" s4 "and the stream goes on"

done_testing
