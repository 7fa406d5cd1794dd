#!/usr/bin/env bash
# What a refused or discarded message counts, whatever the MTA, where the
# log says less than the message had: a retried transaction, a refusal
# at DATA after refused recipients, a discard that names one recipient
# of several.  The lines are those of the recordings in tests/mta/
# (postfix-edges, exim-more), a session each.
. "$(dirname "$0")/../lib.sh"

# counts LOG - messages recipients rejected discarded of each campaign
counts() {
	pw -r "$RULEBASE" --default-brands "$TOP/data/brands" --report=json \
		"$1" 2>/dev/null | jq -r '[.phished_domain, .messages,
		.recipients, .rejected, .discarded] | join(" ")' | sort
}

P='Dec  4 23:31:20 mx1 postfix/smtpd[4570]:'
C='from unknown[::1]:'
T='proto=ESMTP helo=<client.example.com>'
R='554 5.7.1 <x@linkedinmail.com>: Sender address rejected: Access denied;'

# A client that retries after RSET: the same recipient refused again is
# a new transaction's; another recipient is too, as disconnect's mail=2
# says (each of its two transactions refused one of the two refusals;
# whose was whose it does not say, nor is it needed).  A session with a
# refusal of another sender besides tells nothing more.
cat >"$TMP/retry.log" <<EOF_LOG
$P connect from unknown[::1]
$P NOQUEUE: reject: RCPT $C $R from=<x@linkedinmail.com> to=<alice@example.org> $T
$P NOQUEUE: reject: RCPT $C $R from=<x@linkedinmail.com> to=<alice@example.org> $T
$P disconnect from unknown[::1] ehlo=1 mail=2 rcpt=0/2 rset=1 quit=1 commands=5/7
$P connect from unknown[::1]
$P NOQUEUE: reject: RCPT $C $R from=<x@linkedinmail.com> to=<alice@example.org> $T
$P NOQUEUE: reject: RCPT $C $R from=<x@linkedinmail.com> to=<bob@example.org> $T
$P disconnect from unknown[::1] ehlo=1 mail=2 rcpt=0/2 rset=1 quit=1 commands=5/7
$P connect from unknown[::1]
$P NOQUEUE: reject: RCPT $C $R from=<x@linkedinmail.com> to=<alice@example.org> $T
$P NOQUEUE: reject: RCPT $C $R from=<x@linkedinmail.com> to=<bob@example.org> $T
$P NOQUEUE: reject: RCPT $C 550 5.1.1 <carol@example.org>: Recipient address rejected: User unknown; from=<ok@example.com> to=<carol@example.org> $T
$P disconnect from unknown[::1] ehlo=1 mail=2 rcpt=0/3 rset=1 quit=1 commands=5/8
EOF_LOG
is "$(counts "$TMP/retry.log")" "linkedin.com 5 6 6 0" \
	"Postfix: a retry after RSET is a second message, to the same recipient or another; with another sender's refusal, not told"

E='Dec  4 20:19:56 mx1 exim[23318]: 2026-12-04 20:19:56 [23318]'
F='H=(client.example.com) [::1] F=<x@linkedinmail.com>'
# Exim with syslog_duplication: each refusal twice in a row
cat >"$TMP/exim-retry.log" <<EOF_LOG
$E $F rejected RCPT <alice@example.org>: Sender banned
$E $F rejected RCPT <alice@example.org>: Sender banned
$E $F rejected RCPT <alice@example.org>: Sender banned
$E $F rejected RCPT <alice@example.org>: Sender banned
EOF_LOG
is "$(counts "$TMP/exim-retry.log")" "linkedin.com 2 2 2 0" \
	"Exim: the same, each refusal's copy apart"

# A refusal at DATA (or at the end of the message) of a message whose
# other recipient was refused before: one message, both refused.
Q='Dec  4 23:31:20 mx1 postfix/smtpd[4571]:'
M='from=<eom@emalsrv.marriott.com>'
cat >"$TMP/data.log" <<EOF_LOG
$Q connect from unknown[::1]
$Q NOQUEUE: reject: RCPT $C 554 5.7.1 <refused@example.org>: Recipient address rejected: no such user here; $M to=<refused@example.org> $T
$Q 48868118362: client=unknown[::1]
$Q 48868118362: reject: END-OF-MESSAGE $C 554 5.7.1 <eom@emalsrv.marriott.com>: Sender address rejected: refused at end of data; $M to=<alice@example.org> $T
$Q disconnect from unknown[::1] ehlo=1 mail=1 rcpt=1/2 data=0/1 quit=1 commands=4/6
$Q connect from unknown[::1]
$Q 47B8C118362: client=unknown[::1]
$Q 47B8C118362: reject: RCPT $C 554 5.7.1 <refused@example.org>: Recipient address rejected: no such user here; $M to=<refused@example.org> $T
$Q 47B8C118362: reject: DATA $C 554 5.7.1 <eom@emalsrv.marriott.com>: Sender address rejected: refused at DATA; $M to=<alice@example.org> $T
$Q disconnect from unknown[::1] ehlo=1 mail=1 rcpt=1/2 data=0/1 quit=1 commands=4/6
EOF_LOG
is "$(counts "$TMP/data.log")" "marriott.com 2 4 4 0" \
	"Postfix: refused at DATA after a recipient refused, before or under its queue id: one message, two refused"

X='Dec  4 20:19:56 mx1 exim[23320]: 2026-12-04 20:19:56 [23320]'
G='H=(client.example.com) [::1] F=<eom@emalsrv.marriott.com>'
cat >"$TMP/exim-data.log" <<EOF_LOG
$X $G rejected RCPT <refused@example.org>: Unrouteable address
$X 1xZZl4-00063O-32 $G rejected after DATA: Spam is not welcome here
EOF_LOG
is "$(counts "$TMP/exim-data.log")" "marriott.com 1 2 2 0" \
	"Exim: the same"

# smtpd names no recipient of a message with more than one that it
# refuses at DATA or at the end of data (two, at least); the session's
# disconnect counts them, and those cleanup's header_checks refused.
cat >"$TMP/data-many.log" <<EOF_LOG
$Q connect from unknown[::1]
$Q 3BC1C118369: client=unknown[::1]
$Q 3BC1C118369: reject: DATA $C 554 5.7.1 <eom@emalsrv.marriott.com>: Sender address rejected: refused at DATA; $M $T
$Q disconnect from unknown[::1] ehlo=1 mail=1 rcpt=3 data=0/1 quit=1 commands=6/7
$Q connect from unknown[::1]
$Q 3D0F7118369: client=unknown[::1]
$Q 3D0F7118369: reject: END-OF-MESSAGE $C 554 5.7.1 <eom@emalsrv.marriott.com>: Sender address rejected: refused at end of data; $M $T
$Q disconnect from unknown[::1] ehlo=1 mail=1 rcpt=2 data=0/1 quit=1 commands=5/6
$Q connect from unknown[::1]
$Q 45600118362: client=unknown[::1]
Dec  4 23:31:20 mx1 postfix/cleanup[4582]: 45600118362: reject: header Subject: edge: header reject from unknown[::1]; $M to=<bob@example.org> $T: 5.7.1 header reject
$Q disconnect from unknown[::1] ehlo=1 mail=1 rcpt=2 data=0/1 quit=1 commands=5/6
$Q connect from unknown[::1]
$Q 3BC1C118370: client=unknown[::1]
$Q 3BC1C118370: reject: DATA $C 554 5.7.1 <eom@emalsrv.marriott.com>: Sender address rejected: refused at DATA; $M $T
EOF_LOG
is "$(counts "$TMP/data-many.log")" "marriott.com 4 9 9 0" \
	"Postfix: refused at DATA, no recipient named: those its session took (three, two), two without its close; header_checks: all two"
# Postfix discards a message once, naming one recipient: smtpd's
# DISCARD (NOQUEUE) or cleanup's header_checks (with the queue id that
# smtpd's client= gave); the session's disconnect counts them all, of
# one transaction or of two.
D='from=<hd@emalsrv.dhl.com>'
cat >"$TMP/discard.log" <<EOF_LOG
$P connect from unknown[::1]
$P NOQUEUE: discard: RCPT $C <hd@emalsrv.dhl.com>: Sender address triggers DISCARD action; $D to=<alice@example.org> $T
$P 4A150118362: client=unknown[::1]
$P disconnect from unknown[::1] ehlo=1 mail=1 rcpt=3 data=1 quit=1 commands=7
$P connect from unknown[::1]
$P 44503118362: client=unknown[::1]
Dec  4 23:31:20 mx1 postfix/cleanup[4582]: 44503118362: discard: header Subject: edge: header discard from unknown[::1]; $D to=<bob@example.org> $T: header discard
$P disconnect from unknown[::1] ehlo=1 mail=1 rcpt=2 data=1 quit=1 commands=6
$P connect from unknown[::1]
$P NOQUEUE: discard: RCPT $C <hd@emalsrv.dhl.com>: Sender address triggers DISCARD action; $D to=<alice@example.org> $T
$P 4A6AA118362: client=unknown[::1]
$P NOQUEUE: discard: RCPT $C <hd@emalsrv.dhl.com>: Sender address triggers DISCARD action; $D to=<bob@example.org> $T
$P 4A6AB118362: client=unknown[::1]
$P disconnect from unknown[::1] ehlo=1 mail=2 rcpt=3 data=2 rset=1 quit=1 commands=10
EOF_LOG
is "$(counts "$TMP/discard.log")" "dhl.com 4 8 0 8" \
	"Postfix: a discarded message counts the recipients its session took; two in one session, all three"

done_testing
