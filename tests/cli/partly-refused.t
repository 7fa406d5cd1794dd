#!/usr/bin/env bash
# A message with one recipient refused before it had a queue id and one
# taken is one message of two recipients, whatever the MTA: Postfix's
# smtpd logs the NOQUEUE refusal, then the queue id (client=), and qmgr,
# another process, the from= line; Exim logs the refusal and then the
# arrival from the same process.  The lines are those of the recordings
# in tests/mta/, with a recipient the MTA does not know.
. "$(dirname "$0")/../lib.sh"

cat >"$TMP/postfix.log" <<'EOF_LOG'
Dec  4 20:20:32 mx1 postfix/smtpd[25690]: connect from unknown[::1]
Dec  4 20:20:32 mx1 postfix/smtpd[25690]: NOQUEUE: reject: RCPT from unknown[::1]: 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in local recipient table; from=<a@emalsrv.marriott.com> to=<nobody@example.org> proto=ESMTP helo=<client.example.com>
Dec  4 20:20:32 mx1 postfix/smtpd[25690]: 880BA118436: client=unknown[::1]
Dec  4 20:20:32 mx1 postfix/cleanup[25693]: 880BA118436: message-id=<p1@client.example.com>
Dec  4 20:20:32 mx1 postfix/qmgr[25680]: 880BA118436: from=<a@emalsrv.marriott.com>, size=438, nrcpt=1 (queue active)
Dec  4 20:20:32 mx1 postfix/smtpd[25690]: disconnect from unknown[::1] ehlo=1 mail=1 rcpt=1/2 data=1 quit=1 commands=5/6
Dec  4 20:20:32 mx1 postfix/local[25706]: 880BA118436: to=<alice@example.org>, relay=local, delay=0.05, delays=0.03/0.02/0/0, dsn=2.0.0, status=sent (delivered to file: /dev/null)
Dec  4 20:20:32 mx1 postfix/qmgr[25680]: 880BA118436: removed
Dec  4 20:20:33 mx1 postfix/smtpd[25690]: connect from unknown[::1]
Dec  4 20:20:33 mx1 postfix/smtpd[25690]: NOQUEUE: reject: RCPT from unknown[::1]: 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in local recipient table; from=<a@emalsrv.marriott.com> to=<nobody@example.org> proto=ESMTP helo=<client.example.com>
Dec  4 20:20:33 mx1 postfix/smtpd[25690]: disconnect from unknown[::1] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4
EOF_LOG
cat >"$TMP/exim.log" <<'EOF_LOG'
Dec  4 20:19:56 mx1 exim[23318]: 2026-12-04 20:19:56 [23318] H=(client.example.com) [::1] F=<a@emalsrv.marriott.com> rejected RCPT <nobody@example.org>: Unrouteable address
Dec  4 20:19:56 mx1 exim[23318]: 2026-12-04 20:19:56 [23318] 1xZZl4-00063O-31 <= a@emalsrv.marriott.com H=(client.example.com) [::1] P=esmtp S=451 id=p2@client.example.com for alice@example.org
Dec  4 20:19:56 mx1 exim[23320]: 2026-12-04 20:19:56 [23320] 1xZZl4-00063O-31 => alice <alice@example.org> R=local_user T=local_file
Dec  4 20:19:56 mx1 exim[23320]: 2026-12-04 20:19:56 [23320] 1xZZl4-00063O-31 Completed
Dec  4 20:19:57 mx1 exim[23321]: 2026-12-04 20:19:57 [23321] H=(client.example.com) [::1] F=<a@emalsrv.marriott.com> rejected RCPT <nobody@example.org>: Unrouteable address
EOF_LOG

# counts LOG - marriott.com's messages recipients delivered rejected
counts() {
	pw -r "$RULEBASE" --default-brands "$TOP/data/brands" --report=json \
		"$1" 2>/dev/null | jq -r 'select(.phished_domain ==
		"marriott.com") | [.messages, .recipients, .delivered,
		.rejected] | join(" ")'
}

is "$(counts "$TMP/postfix.log")" "2 3 1 2" \
	"Postfix: one refused and one taken is one message of two, and a message all refused one more"
is "$(counts "$TMP/exim.log")" "2 3 1 2" \
	"Exim: the same"

done_testing
