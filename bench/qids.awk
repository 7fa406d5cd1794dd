# qids.awk - n messages with n distinct queue ids, for the tracker's memory:
# each ordinary message is a from= and a to= line; every 100th message is
# a campaign's (50 brands), refused at check_rcpt before its from= line.
#
#   awk -v n=5000000 -f bench/qids.awk > /tmp/qids.log     # 10M lines
#   /usr/bin/time -f '%M KB' ./phishwatch -r rulebase/sendmail.rb \
#       -s /tmp/qids.db /tmp/qids.log
BEGIN {
	for (i = 0; i < n; i++) {
		q = sprintf("q%09d", i)
		s = i % 60
		if (i % 100 == 0) {
			printf "Jul  3 14:00:%02d mx1 sm-mta[1]: %s: ruleset=check_rcpt, arg1=<u@example.org>, relay=[192.0.2.9], reject=550 5.7.1 <u@example.org>... no\n", s, q
			printf "Jul  3 14:00:%02d mx1 sm-mta[1]: %s: from=<x%d@emalsrv.brand%d.com>, size=1, class=0, nrcpts=0, proto=SMTP, daemon=MTA, relay=x [192.0.2.1]\n", s, q, i, (i / 100) % 50
		} else {
			printf "Jul  3 14:00:%02d mx1 sm-mta[1]: %s: from=<a%d@example.org>, size=1, class=0, nrcpts=1, proto=SMTP, daemon=MTA, relay=x [192.0.2.1]\n", s, q, i
			printf "Jul  3 14:00:%02d mx1 sm-mta[1]: %s: to=<b@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=local, pri=1, dsn=2.0.0, stat=Sent\n", s, q
		}
	}
}
