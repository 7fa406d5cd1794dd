/*
 * test_normalize_known - a line that prefilter_scan() takes apart (a
 * sendmail check_rcpt, check_mail or check_relay reject or discard,
 * "discarded", and, with prefilter_detail(), its from= and to= lines;
 * Postfix's client=, qmgr from= and to= lines; Exim's refusals and ACL
 * discards at RCPT) becomes, through
 * normalize_known(), the very record its MTA's rulebase makes of it
 * through normalize_line(): every shape of relay, a CR at the end,
 * NOQUEUE, no header, orig_to= and conn_use=; the shapes it must leave
 * to the full parse (relay user, other programs, a client= with a
 * port or SASL, a from= of another end, a to= with an empty or an
 * unknown field, an Exim H= with a port, I= or U=, a temporary
 * refusal, a queue id); a thousand mutations of each set of lines
 * (bytes inserted, dropped, changed), each of which either takes the
 * full parse or gives the same record; and every line of two Postfix
 * recordings and of two Exim ones, of the real sendmail's recordings,
 * of the sendmail sample log and of the sendmail rulebase's golden
 * inputs.  (A thousand: the unit tests also
 * run under memcheck.)
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize_known.h"
#include "prefilter.h"
#include "rulebases.h"
#include "tap.h"

#define H "Jul  3 14:12:20 mx1 sm-mta[4707]: "
#define LINE_MAX_TEST 512

/* The lines the prefilter must take apart. */
static const char *const known[] = {
	H "r1: ruleset=check_rcpt, arg1=<a@b.example>, relay=mx.example.net "
	  "[203.0.113.7] (may be forged), reject=550 5.7.1 <a@b.example>... "
	  "Relaying denied",
	H "r2: ruleset=check_rcpt, arg1=<a@b.example>, "
	  "relay=[IPv6:2001:db8::1], reject=550 5.1.1 User unknown",
	H "r3: ruleset=check_rcpt, arg1=<a@b.example>, relay=localhost, "
	  "reject=550 x",
	H "r4: ruleset=check_rcpt, arg1=<a@b.example>, relay=host[192.0.2.4], "
	  "reject=550 x",
	H "r5: ruleset=check_rcpt, arg1=<a@b.example>, relay=h [192.0.2.4], "
	  "reject=550 x\r",
	H "NOQUEUE: ruleset=check_rcpt, arg1=<a@b.example>, relay=h "
	  "[192.0.2.4], reject=550 x",
	H "r6: ruleset=check_rcpt, arg1=a@b.example, relay=h [192.0.2.4], "
	  "reject=x, y, reject=z",
	H "r7: ruleset=check_rcpt, arg1=<a@b.example>, relay=[192.0.2.4] "
	  "(may be forged), reject=550 x",
	"r8: ruleset=check_rcpt, arg1=<a@b.example>, relay=h [192.0.2.4], "
	"reject=550 headerless",
	"2026-07-03T14:12:20.123456+02:00 mx1 sendmail[4707]: r9: "
	"ruleset=check_rcpt, arg1=<a@b.example>, relay=h [192.0.2.4], "
	"reject=550 x",
	H "r10: ruleset=check_rcpt, arg1=<a@b.example>, arg2=x, relay=h "
	  "[192.0.2.4], reject=550 x",
	H "r15: ruleset=check_mail, arg1=<a@b.example>, relay=h [192.0.2.4], "
	  "reject=550 x",
	H "r18: ruleset=check_mail, arg1=<a@emalsrv.ups.com>, "
	  "relay=eu1sysamx115.postini.com [217.226.243.65], discard",
	H "r19: ruleset=check_rcpt, arg1=<a@b.example>, relay=[192.0.2.4], "
	  "discard\r",
	H "r20: ruleset=check_relay, arg1=[91.222.54.53], arg2=127.0.0.11, "
	  "relay=[91.222.54.53], reject=554 5.7.1 Rejected 91.222.54.53 found "
	  "in zen.spamhaus.org",
	H "r21: discarded",
	H "r22: discarded\r",
	"r23: discarded",
};

/* sendmail's from= and to= lines, taken apart by prefilter_detail() */
static const char *const sendmail_detail[] = {
	/* the story's lines, as sm-mta wrote them */
	"Jul  3 14:12:20 drjemgw sm-mta[4707]: r63IA8dJ004707: "
	"from=<Marriott.Rewards@emalsrv.marriott.com>, size=0, class=0, "
	"nrcpts=1, proto=SMTP, daemon=sm-mta, relay=eu1sysamx113.postini.com "
	"[217.226.243.182]",
	"Jul  3 14:12:22 drjemgw sm-mta[7088]: r63ICDA7007088: "
	"from=<news@linkedinmail.com>, size=0, class=0, nrcpts=1, proto=SMTP, "
	"daemon=sm-mta, relay=eu1sysamx138.postini.com [217.226.243.227]",
	H "m1: from=<billing@notifications.wallmart.com>, size=3059, class=0, "
	  "nrcpts=1, msgid=<de722d5d65.8c089@notifications.wallmart.com>, "
	  "bodytype=8BITMIME, proto=ESMTPS, daemon=MTA, relay=mx8.belquafin.com "
	  "[177.229.46.157]",
	H "m2: from=<>, size=3059, class=0, pri=30000, nrcpts=12, "
	  "msgid=<a@b>, proto=ESMTP, daemon=MTA, relay=[15.67.205.110]",
	H "m3: from=a@b.example, size=1, class=-60, nrcpts=0, "
	  "relay=h.example [IPv6:2001:db8::1] (may be forged)",
	H "m4: from=<a@b.example>, size=1, class=0, nrcpts=1, relay=localhost",
	H "m5: from=<a@b.example>, size=1, class=0, nrcpts=1, msgid=<x>, "
	  "relay=h[192.0.2.4]\r",
	"m6: from=<a@b.example>, size=1, class=0, nrcpts=1, relay=[192.0.2.4]",
	H "t1: to=<tom.holt@example.org>, delay=00:00:00, xdelay=00:00:00, "
	  "mailer=local, pri=117494, dsn=2.0.0, stat=Sent",
	H "t2: to=<alice@example.org>,<bob@example.org>, delay=00:00:01, "
	  "xdelay=00:00:00, mailer=esmtp, pri=157715, relay=imap1.example.org "
	  "[10.0.0.25], dsn=2.0.0, stat=Sent (t3 Message accepted for delivery)",
	H "t4: to=<a@b.example>, [more], ctladdr=<root@h> (0/0), "
	  "delay=4+00:00:01, xdelay=00:00:01, mailer=esmtp, pri=3, "
	  "relay=mx.b.example. [192.0.2.9] (may be forged), dsn=4.0.0, "
	  "stat=Deferred: Connection refused by mx.b.example.",
	H "t5: to=<a@b.example>, delay=00:00:01, mailer=esmtp, relay=[192.0.2.9], "
	  "dsn=5.1.1, stat=User unknown\r",
	H "t6: to=root, delay=00:00:01, mailer=local, stat=Sent",
	H "t7: to=<a@b.example>, delay=1, xdelay=1, mailer=esmtp, "
	  "relay=mx.b.example, stat=Host unknown (Name server: mx: host not "
	  "found)",
	/* a recipient of a message a milter refused after its data */
	H "t13: to=<alice@example.org>, delay=00:00:00, pri=30266, "
	  "stat=Message content rejected",
};

#define P "Dec  4 20:27:13 mx1 postfix/smtpd[18953]: "
#define Q "2026-12-04T17:25:09.150429+00:00 mx1 postfix-out/qmgr[17339]: "
#define L "Dec  4 20:27:13 mx1 postfix/local[18967]: "

/* Postfix lines the prefilter must take apart. */
static const char *const postfix_known[] = {
	P "A7FA91183FE: client=unknown[::1]",
	P "A7FA91183FE: client=mail.example.net[203.0.113.7]",
	P "4jgz253Kw9z8dPr: client=a b[2001:db8::1]",
	Q "A7FA91183FE: from=<a@emalsrv.marriott.com>, size=438, nrcpt=1 "
	  "(queue active)",
	Q "214211184AE: from=<>, size=2230, nrcpt=12 (queue active)",
	Q "214211184AE: from=bare@example.org, size=2230, nrcpt=1 "
	  "(queue active)",
	L "A7FA91183FE: to=<alice@example.org>, relay=local, delay=0.21, "
	  "delays=0.07/0.14/0/0, dsn=2.0.0, status=sent (delivered to file: "
	  "/dev/null)",
	L "A7FA91183FE: to=<alice@example.org>, orig_to=<al@example.org>, "
	  "relay=local, delay=0.21, delays=0.07/0.14/0/0, dsn=2.0.0, "
	  "status=sent (delivered to file: /dev/null)",
	L "2002F118327: to=<dave@far.example.net>, relay=none, delay=0.05, "
	  "delays=0.01/0.04/0/0, dsn=4.4.1, status=deferred (connect to "
	  "127.0.0.1[127.0.0.1]:34737: Connection refused)",
	L "2002F118327: to=<d@far.example.net>, relay=mx.far.example.net"
	  "[192.0.2.9]:25, conn_use=2, delay=1, delays=0/0/0/1, dsn=5.1.1, "
	  "status=bounced (host said: 550 no such user)",
	L "2002F118327: to=<d@far.example.net>, relay=none, delay=1, "
	  "delays=0/0/0/1, dsn=4.0.0, status=expired",
	L "2002F118327: to=<d@far.example.net>, relay=none, delay=1, "
	  "delays=0/0/0/1, dsn=2.0.0, status=sent (x)\r",
};

#define E "Dec  4 20:26:19 mx1 exim[14180]: 2026-12-04 20:26:19 [14180] "

/* Exim lines the prefilter must take apart. */
static const char *const exim_known[] = {
	E "H=(client.example.com) [::1] F=<y@emalsrv.linkedin.com> rejected "
	  "RCPT <bob@example.org>: Sender banned",
	E "H=mx.example.net (helo.example.net) [192.0.2.7] F=<y@a.example> "
	  "rejected RCPT <bob@example.org>: 550 no",
	E "H=mx.example.net [192.0.2.7] F=<> rejected RCPT bob@example.org: x",
	E "H=[192.0.2.7] F=<y@a.example> rejected RCPT <b@example.org>: x\r",
	E "H=(client.example.com) [::1] F=<a@emalsrv.ups.com> RCPT "
	  "<alice@example.org>: discarded by RCPT ACL: sender discarded by list",
	E "H=(client.example.com) [::1] F=<a@emalsrv.ups.com> RCPT "
	  "<alice@example.org>: discarded by RCPT ACL",
	/* a mainlog line: no syslog header */
	("2026-12-04 20:26:19 [14180] H=(c.example) [::1] F=<a@b.example> "
	 "rejected RCPT <alice@example.org>: mainlog"),
};

/* Lines that must take the full parse. */
static const char *const parsed[] = {
	H "r11: ruleset=check_rcpt, arg1=<a@b.example>, relay=u@h "
	  "[192.0.2.4], reject=550 x",
	H "r12: ruleset=check_rcpt, arg1=<a@b.example>, relay=h  [192.0.2.4], "
	  "reject=550 x",
	H "r13: ruleset=check_rcpt, arg1=<a@b.example>, relay=h [192.0.2.4], "
	  "reject=",
	H "r14: ruleset=check_rcpt, arg1=<a@b.example>, relay=h [192.0.2.4], "
	  "quarantine=x",
	H "r15: ruleset=check_data, arg1=<a@b.example>, relay=h [192.0.2.4], "
	  "reject=550 x",
	H "r24: ruleset=check_mail, arg1=<a@b.example>, relay=h [192.0.2.4], "
	  "discard, x",
	H "r25: discarded x",
	("Jul  3 14:12:20 mx1 postfix/smtpd[4707]: r16: ruleset=check_rcpt, "
	 "arg1=<a@b.example>, relay=h [192.0.2.4], reject=550 x"),
	P "A7FA91183FE: client=unknown[::1]:41234",
	P "A7FA91183FE: client=unknown[::1], sasl_method=PLAIN",
	P "A7FA91183FE: client=[::1]",
	Q "A7FA91183FE: from=<a@b.example>, size=438, nrcpt=1",
	Q "A7FA91183FE: from=<a@b.example>, size=438, nrcpt=1 (queue active) x",
	Q "A7FA91183FE: from=<a@b.example>, size=, nrcpt=1 (queue active)",
	L "A7FA91183FE: to=<a@b.example>, relay=, delay=0, delays=0, "
	  "dsn=2.0.0, status=sent (x)",
	L "A7FA91183FE: to=<a@b.example>, relay=local, delay=0, delays=0, "
	  "dsn=2.0.0, status=sent ",
	L "A7FA91183FE: to=<a@b.example>, relay=local, delay=0, delays=0, "
	  "x=y, dsn=2.0.0, status=sent (x)",
	("Jul  3 14:12:20 mx1 sm-mta[4707]: r17: from=<a@b.example>, "
	 "size=438, nrcpt=1 (queue active)"),
	E "H=(c.example) [::1]:4567 F=<a@b.example> rejected RCPT <r@x>: x",
	E "H=(c.example) [::1] I=[::1]:25 F=<a@b.example> rejected RCPT <r@x>: x",
	E "H=(c.example) [::1] U=u F=<a@b.example> rejected RCPT <r@x>: x",
	E "H=(c.example) [::1] F=<a@b.example> temporarily rejected RCPT <r@x>: x",
	E "H=(c.example) [::1] rejected MAIL <x@linkedinmail.com>: Sender banned",
	E "1xZZrM-0003mr-0U H=(c.example) [127.0.0.1] F=<p@b.example> rejected "
	  "after DATA: Spam",
	E "1xZZrM-0003mr-0U H=(c.example) [::1] F=<a@b.example> rejected RCPT "
	  "<r@x>: queue id first",
	E "H=(c.example) [::1] F=<a@b.example> rejected RCPT <r@x>: ",
	E "H=(c.example) [::1] F=<a@b.example> RCPT <r@x>: discarded by RCPT "
	  "ACL: ",
	H "m7: from=<a@b.example>, size=1, class=0, nrcpts=1, relay=root@h",
	H "m8: from=<a@b.example>, size=1, class=0, nrcpts=1, msgid=<x, "
	  "relay=t.example [192.0.2.1]>, proto=ESMTP, relay=h [192.0.2.4]",
	H "m9: from=<a@b.example>, size=1, class=0, nrcpts=1, relay=h "
	  "[192.0.2.4], proto=ESMTP",
	H "m10: from=<a@b.example>, size=1, class=0, nrcpts=1, x=y, "
	  "relay=h [192.0.2.4]",
	H "m11: from=<a@b.example>, size=, class=0, nrcpts=1, relay=h",
	H "m12: from=<\"a, b\"@b.example>, size=1, class=0, nrcpts=1, relay=h",
	H "m13: from=<a@b.example>, size=1, class=0, nrcpts=1, daemon=MTA, "
	  "tls_verify=NO, auth=NONE, relay=h [192.0.2.4]",
	H "t8: to=<a@b.example>, delay=1, mailer=esmtp, stat=",
	H "t9: to=<a@b.example>, delay=1, x=y, mailer=esmtp, stat=Sent",
	H "t10: to=<a@b.example>, delay=1, relay=u@h [192.0.2.4], stat=Sent",
	H "t11: to=<a@b.example>, pri=1, delay=1, stat=Sent",
	H "t12: to=<a@b.example>, delay=1, pri=1x, stat=Sent",
	H "t14: to=<a@b.example>, delay=1, xdelay=1, mailer=esmtp, pri=1, "
	  "relay=h [192.0.2.4], dsn=5.0.0, reply=550 no, stat=User unknown",
};

/* The sendmail rulebase's golden inputs with lines taken apart. */
static const char *const golden[] = {
    "tests/rulebase/discarded.in",	   "tests/rulebase/from.in",
    "tests/rulebase/from-forged.in",	   "tests/rulebase/from-ipv6.in",
    "tests/rulebase/from-local.in",	   "tests/rulebase/from-null.in",
    "tests/rulebase/from-pri.in",	   "tests/rulebase/from-weird.in",
    "tests/rulebase/headers-3164.in",	   "tests/rulebase/headers-3339.in",
    "tests/rulebase/headerless.in",	   "tests/rulebase/ruleset-discard.in",
    "tests/rulebase/ruleset-reject.in", "tests/rulebase/to.in",
    "tests/rulebase/to-deferred.in",	   "tests/rulebase/to-failed.in",
    "tests/rulebase/to-multi.in",
};

/* The string members of struct mailrec. */
static const size_t members[] = {
	offsetof(struct mailrec, timestamp), offsetof(struct mailrec, mta_host),
	offsetof(struct mailrec, program), offsetof(struct mailrec, pid),
	offsetof(struct mailrec, qid), offsetof(struct mailrec, sender),
	offsetof(struct mailrec, recipients), offsetof(struct mailrec, size),
	offsetof(struct mailrec, nrcpts), offsetof(struct mailrec, msgid),
	offsetof(struct mailrec, proto), offsetof(struct mailrec, relay_host),
	offsetof(struct mailrec, relay_ip), offsetof(struct mailrec, dsn),
	offsetof(struct mailrec, status), offsetof(struct mailrec, reason),
};

/* member - a string member of a record */
static const char *member(const struct mailrec *log, size_t offset)
{
	return *(const char *const *) (const void *) ((const char *) log
						       + offset);
}

/* same_as_parse - 1 when normalize_known() gives normalize_line()'s
 * record for line (the parse's strings copied first: both calls share
 * the normalizer's buffer) */
static int same_as_parse(struct normalizer *norm, const char *line,
			 size_t len, const struct prefilter_hint *hint)
{
	char copy[sizeof(members) / sizeof(members[0])][LINE_MAX_TEST + 1];
	const char *want[sizeof(members) / sizeof(members[0])];
	struct mailrec parse, fast;
	enum mailrec_kind kind = normalize_line(norm, line, len, &parse);
	int same;

	for (size_t i = 0; i < sizeof(members) / sizeof(members[0]); i++) {
		const char *v = member(&parse, members[i]);

		want[i] = v == NULL ? NULL : copy[i];
		if (v != NULL)
			snprintf(copy[i], sizeof(copy[i]), "%s", v);
	}
	same = normalize_known(norm, line, len, hint, &fast) == kind
	       && fast.kind == parse.kind && fast.stage == parse.stage
	       && fast.mta == parse.mta
	       && fast.relay_forged == parse.relay_forged
	       && fast.relay_ip_bare == parse.relay_ip_bare
	       && fast.outcome == parse.outcome
	       && fast.session_edge == parse.session_edge
	       && fast.may_repeat == parse.may_repeat
	       && fast.no_message == parse.no_message;
	for (size_t i = 0; i < sizeof(members) / sizeof(members[0]); i++) {
		const char *got = member(&fast, members[i]);

		if ((got == NULL) != (want[i] == NULL)
		    || (got != NULL && strcmp(got, want[i]) != 0))
			same = 0;
	}
	return same;
}

/* mutate - line with a few bytes inserted, dropped or changed */
static size_t mutate(const char *line, char out[LINE_MAX_TEST + 1],
		     unsigned *seed)
{
	static const char bytes[] = " ,[]@:.-_<>\"()\r\tab1=;";
	size_t len = strlen(line);
	int edits = 1 + (int) (*seed % 3);

	memcpy(out, line, len + 1);
	for (int e = 0; e < edits && len > 1 && len < LINE_MAX_TEST; e++) {
		size_t pos;
		char c;

		*seed = *seed * 1103515245u + 12345u;
		pos = (*seed >> 8) % len;
		c = bytes[(*seed >> 20) % (sizeof(bytes) - 1)];
		if (*seed % 3 == 0) {
			memmove(out + pos + 1, out + pos, len - pos + 1);
			out[pos] = c;
			len++;
		} else if (*seed % 3 == 1) {
			memmove(out + pos, out + pos + 1, len - pos);
			len--;
		} else {
			out[pos] = c;
		}
	}
	return len;
}

/* taken - the prefilter took the line apart (a record it can make),
 * sendmail's from= and to= lines with prefilter_detail() as the
 * pipeline asks for them */
static int taken_apart(const char *line, size_t len,
		       struct prefilter_hint *hint)
{
	enum prefilter_kind kind = prefilter_scan(line, len, hint);

	if (kind == PREFILTER_FROM || kind == PREFILTER_TO)
		prefilter_detail(line, len, hint);
	return hint->known != MAILREC_UNPARSED;
}

/* check_known - each line of lines is taken apart, and gives the
 * rulebase's record */
static void check_known(struct normalizer *norm, const char *const *lines,
			size_t n)
{
	struct prefilter_hint hint;
	char name[LINE_MAX_TEST + 1];

	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(lines[i]);
		const char *text = strstr(lines[i], "]: ");

		snprintf(name, sizeof(name), "taken apart: %.50s",
			 text != NULL ? text + 3 : lines[i]);
		tap_ok(taken_apart(lines[i], len, &hint)
		       && same_as_parse(norm, lines[i], len, &hint), name);
	}
}

/* mutants - a thousand mutants of lines: those taken apart give the
 * rulebase's record */
static void mutants(struct normalizer *norm, const char *const *lines,
		    size_t n, unsigned seed)
{
	char line[LINE_MAX_TEST + 1];
	struct prefilter_hint hint;
	int taken = 0, differ = 0;

	for (int m = 0; m < 1000; m++) {
		size_t len = mutate(lines[(size_t) m % n], line, &seed);

		if (!taken_apart(line, len, &hint))
			continue;
		taken++;
		if (!same_as_parse(norm, line, len, &hint) && differ++ < 5)
			printf("# differs: %s\n", line);
	}
	tap_ok(taken > 100, "mutants taken apart by the prefilter: some");
	tap_is_long(differ, 0, "each gives the rulebase's record");
}

/* recording - every line of a recording that the prefilter takes
 * apart (least of them at least) gives the rulebase's record */
static void recording(struct normalizer *norm, const char *top,
		      const char *name, int least)
{
	char path[4096];
	char line[LINE_MAX_TEST + 2];
	struct prefilter_hint hint;
	int taken = 0, differ = 0;
	FILE *fp;

	snprintf(path, sizeof(path), "%s%s%s", top != NULL ? top : "",
		 top != NULL ? "/" : "", name);
	fp = fopen(path, "r");
	if (!tap_ok(fp != NULL, "the recording opens"))
		return;
	while (fgets(line, sizeof(line), fp) != NULL) {
		size_t len = strcspn(line, "\n");

		if (!taken_apart(line, len, &hint))
			continue;
		taken++;
		if (!same_as_parse(norm, line, len, &hint) && differ++ < 5)
			printf("# differs: %.*s\n", (int) len, line);
	}
	fclose(fp);
	tap_ok(taken >= least, "its lines of the known shapes taken apart");
	tap_is_long(differ, 0, "each as the rulebase reads it");
}

int main(void)
{
	const char *top = getenv("TOP");
	char line[LINE_MAX_TEST + 1];
	struct prefilter_hint hint;
	struct normalizer *norm = rulebases(top);

	if (norm == NULL)
		return tap_done();
	check_known(norm, known, sizeof(known) / sizeof(known[0]));
	check_known(norm, sendmail_detail,
		    sizeof(sendmail_detail) / sizeof(sendmail_detail[0]));
	check_known(norm, exim_known, sizeof(exim_known) / sizeof(exim_known[0]));
	check_known(norm, postfix_known,
		    sizeof(postfix_known) / sizeof(postfix_known[0]));
	for (size_t i = 0; i < sizeof(parsed) / sizeof(parsed[0]); i++) {
		const char *text = strstr(parsed[i], "]: ");

		snprintf(line, sizeof(line), "full parse: %.50s",
			 text != NULL ? text + 3 : parsed[i]);
		tap_ok(!taken_apart(parsed[i], strlen(parsed[i]), &hint), line);
	}
	mutants(norm, known, sizeof(known) / sizeof(known[0]), 14);
	mutants(norm, sendmail_detail,
		sizeof(sendmail_detail) / sizeof(sendmail_detail[0]), 14);
	mutants(norm, postfix_known,
		sizeof(postfix_known) / sizeof(postfix_known[0]), 14);
	mutants(norm, exim_known, sizeof(exim_known) / sizeof(exim_known[0]),
		14);
	recording(norm, top, "tests/mta/postfix-more/long.3164.log", 30);
	recording(norm, top, "tests/mta/postfix/short.3339.log", 30);
	recording(norm, top, "tests/mta/exim-more/syslog-3164.log", 10);
	recording(norm, top, "tests/mta/exim-more/mainlog", 5);
	recording(norm, top, "examples/maillog.sample", 150);
	recording(norm, top, "tests/mta/sendmail/mail.3164.log", 30);
	recording(norm, top, "tests/mta/sendmail/mail.3339.log", 30);
	recording(norm, top, "tests/mta/sendmail/more.3164.log", 30);
	for (size_t i = 0; i < sizeof(golden) / sizeof(golden[0]); i++)
		recording(norm, top, golden[i], 1);
	normalize_close(norm);
	return tap_done();
}
