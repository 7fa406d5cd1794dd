/*
 * test_prefilter - the cheap look at raw lines: what is skipped, what
 * is handed on with its queue id and address, what needs the full parse.
 */
#include <stdlib.h>
#include <string.h>

#include "prefilter.h"
#include "tap.h"

/* kind_of - prefilter_scan of a C string */
static enum prefilter_kind kind_of(const char *line, struct prefilter_hint *h)
{
	return prefilter_scan(line, strlen(line), h);
}

/* is_text - a hint span equals want */
static int is_text(const char *p, size_t len, const char *want)
{
	return p != NULL && len == strlen(want) && memcmp(p, want, len) == 0;
}

/* Lines and what the prefilter must say of them. */
static const struct {
	const char *line;
	enum prefilter_kind kind;
	const char *name;
} kinds[] = {
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: q1: STARTTLS=server, relay=x",
	  PREFILTER_SKIP, "STARTTLS chatter is skipped" },
	{ "Jul  3 14:12:20 mx1 sshd[9]: Failed password for root",
	  PREFILTER_SKIP, "another daemon is skipped" },
	{ "Dec  4 17:12:25 mx1 exim[9]: 2026-12-04 17:12:25 1xZX5o-0007zR-30 "
	  "<= a@b.example H=[192.0.2.1] P=esmtp S=1",
	  PREFILTER_FROM, "an Exim arrival: the from= of Exim" },
	{ "2026-12-04 17:12:25 [9] 1xZX5o-0007zR-30 => a <a@b> R=r",
	  PREFILTER_TO, "an Exim mainlog delivery: the to= of Exim" },
	{ "2026-12-04 17:12:25 [9] 1xZX5o-0007zR-30 -> b <b@b> R=r",
	  PREFILTER_TO, "a further address of an Exim delivery" },
	{ "2026-12-04 17:12:25 [9] 1xZX5o-0007zR-30 == d@far R=r defer (111): x",
	  PREFILTER_TO, "an Exim deferral" },
	{ "2026-12-04 17:12:25 [9] 1xZX5o-0007zR-30 ** n@gone R=gone: x",
	  PREFILTER_TO, "an Exim bounce" },
	{ "Dec  4 20:26:19 mx1 exim[9]: 2026-12-04 20:26:19 [9] "
	  "1xZZrH-0003hC-2v => blackhole (RCPT ACL discarded recipients)",
	  PREFILTER_PARSE, "the message an ACL discarded is never skipped" },
	{ "Dec  4 20:26:19 mx1 exim[9]: 2026-12-04 20:26:19 [9] "
	  "H=(c.example) [::1] F=<y@emalsrv.linkedin.com> rejected RCPT "
	  "<bob@example.org>: Sender banned",
	  PREFILTER_PARSE, "an Exim refusal is never skipped" },
	{ "Dec  4 20:26:24 mx1 exim[9]: [1\\16] 2026-12-04 20:26:24 [9] "
	  "1xZZrM-0003mr-0U H=(c.example) [127.0.0.1] "
	  "F=<p@bulk.example.com> rejected after DATA: Spam",
	  PREFILTER_PARSE, "the first piece of a split refusal is never skipped" },
	{ "Dec  4 20:26:24 mx1 exim[9]: [2\\16] Envelope-from: <p@bulk.example.com>",
	  PREFILTER_SKIP, "a later piece of a split line is skipped" },
	{ "Dec  4 20:26:16 mx1 exim[9]: [2/2]  Suggested action: x",
	  PREFILTER_SKIP, "the last piece of a split line is skipped" },
	{ "Dec  4 20:26:24 mx1 exim[9]: [12\\16] #011for alice@example.org;",
	  PREFILTER_SKIP, "a piece numbered past 9 is skipped" },
	{ "Dec  5 05:31:04 mx1 exim[9]: [3\\15] Envelope-to: <a@example.org>",
	  PREFILTER_PARSE, "the piece that lists a refusal's first recipient is parsed" },
	{ "Dec  5 05:31:04 mx1 exim[9]: [4\\15]     <b@example.org>",
	  PREFILTER_PARSE, "and a piece that lists the next" },
	{ "Dec  5 05:31:04 mx1 exim[9]: [8\\15]     ...",
	  PREFILTER_PARSE, "and the piece that says there were more" },
	{ "Dec  4 20:26:16 mx1 exim[9]: 2026-12-04 20:26:16 [9] 1xZZrE-0003dx-1x Completed",
	  PREFILTER_DONE, "Exim's Completed: a message's last line, its id found" },
	{ "Dec  4 20:26:16 mx1 exim[9]: 2026-12-04 20:26:16 [9] no host name found for IP address ::1",
	  PREFILTER_SKIP, "a failed host name lookup is skipped" },
	{ "Dec  4 20:26:18 mx1 exim[9]: 2026-12-04 20:26:18 [9] "
	  "1xZZrF-0003fz-3C H=127.0.0.1 [127.0.0.1] Connection refused",
	  PREFILTER_PARSE, "an Exim line of an id with H= takes the parse" },
	{ "2026-12-04 17:12:25 [9] 1xZX5o-0007zR-30 <= a@b.example",
	  PREFILTER_PARSE, "an arrival cut after its sender: full parse" },
	{ "2026-12-04 17:12:25 [9] 1xZX5o <= a@b.example H=x",
	  PREFILTER_PARSE, "no Exim id (no dash): full parse" },
	{ "2026-12-04 17:12:25 [9] SMTP connection from [127.0.0.1] "
	  "closed by QUIT", PREFILTER_SKIP,
	  "Exim's connection chatter is skipped" },
	{ "Dec  4 17:12:25 mx1 exim4[9]: SMTP connection from [1.2.3.4]",
	  PREFILTER_SKIP, "the same under a header, without Exim's stamp" },
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: q1: to=<a@b.c>, stat=Sent",
	  PREFILTER_TO, "to= line" },
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: q1: ruleset=check_rcpt, arg1=<a@b.c>, reject=550 x",
	  PREFILTER_PARSE, "ruleset line needs the parse" },
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: q1: discarded",
	  PREFILTER_PARSE, "discarded needs the parse" },
	{ "Jul  3 14:12:20 mx1 postfix/qmgr[2]: q1: from=<a@b.c>, size=1",
	  PREFILTER_FROM, "Postfix qmgr from= line: qid and address" },
	{ "Jul  3 14:12:20 mx1 postfix/smtp[2]: q1: to=<a@b.c>, relay=none",
	  PREFILTER_TO, "Postfix to= line" },
	{ "Jul  3 14:12:20 mx1 postfix-out/smtpd[2]: q1: client=a[192.0.2.1]",
	  PREFILTER_PARSE, "Postfix client= (another instance): full parse" },
	{ "Jul  3 14:12:20 mx1 postfix/smtpd[2]: NOQUEUE: reject: RCPT from a[192.0.2.1]: 554 x; from=<a@b.c>",
	  PREFILTER_PARSE, "Postfix reject: full parse" },
	{ "Jul  3 14:12:20 mx1 postfix/smtpd[2]: NOQUEUE: discard: MAIL from a[192.0.2.1]: x; from=<a@b.c>",
	  PREFILTER_PARSE, "Postfix discard: full parse" },
	{ "Jul  3 14:12:20 mx1 postfix/cleanup[2]: q1: milter-reject: END-OF-MESSAGE from a[192.0.2.1]: x",
	  PREFILTER_PARSE, "Postfix milter-reject: full parse" },
	{ "Jul  3 14:12:20 mx1 postfix/qmgr[2]: q1: removed",
	  PREFILTER_SKIP, "Postfix removed changes nothing: skipped" },
	{ "Jul  3 14:12:20 mx1 postfix/smtpd[2]: connect from a[192.0.2.1]",
	  PREFILTER_EDGE, "Postfix connect from: a session edge" },
	{ "Jul  3 14:12:20 mx1 postfix/smtpd[2]: disconnect from a[192.0.2.1] ehlo=1 commands=1",
	  PREFILTER_EDGE, "Postfix disconnect from: a session edge" },
	{ "Jul  3 14:12:20 mx1 postfix/smtp[2]: connect to a[192.0.2.1]:25: Connection refused",
	  PREFILTER_SKIP, "Postfix chatter without a queue id: skipped" },
	{ "Jul  3 14:12:20 mx1 postfixd/qmgr[2]: q1: from=<a@b.c>, size=1",
	  PREFILTER_SKIP, "not Postfix's name: skipped" },
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: q1: from=<\"a,b\"@b.c>, size=1",
	  PREFILTER_PARSE, "quoted local part: full parse" },
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: q1: from=<a@b.c>junk, size=1",
	  PREFILTER_PARSE, "junk after the address: full parse" },
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: q-1: from=<a@b.c>, size=1",
	  PREFILTER_SKIP, "no sendmail queue id: skipped" },
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: q1: q2: DSN: User unknown",
	  PREFILTER_SKIP, "DSN lines change nothing: skipped" },
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: STARTTLS=server, relay=x",
	  PREFILTER_SKIP, "no queue id: skipped" },
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: NOQUEUE: ruleset=check_relay, reject=550",
	  PREFILTER_PARSE, "NOQUEUE ruleset line: full parse" },
	{ "Jul  3 14:12:20 mx1 dovecot: q1: from=<a@emalsrv.b.com>, size=1",
	  PREFILTER_SKIP, "a header without a pid is not sendmail's: skipped" },
	{ "Jul  3 14:12:20 mx1 sm-mta[1]: q1: from=<a@b.c>",
	  PREFILTER_PARSE, "truncated line: full parse" },
};

/* test_kinds - each line of kinds is what it must be */
static void test_kinds(void)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		struct prefilter_hint h;

		tap_is_long(kind_of(kinds[i].line, &h), kinds[i].kind,
			    kinds[i].name);
	}
}

static void test_hints(void)
{
	struct prefilter_hint h;

	tap_is_long(kind_of("Jul  3 14:12:20 mx1 sm-mta[4707]: r63IA8dJ004707: "
			    "from=<Ezra@emalsrv.marriott.com>, size=0, class=0",
			    &h), PREFILTER_FROM, "from= line with a header");
	tap_ok(is_text(h.qid, h.qid_len, "r63IA8dJ004707"), "its queue id");
	tap_ok(is_text(h.address, h.address_len, "Ezra@emalsrv.marriott.com"),
	       "its address, brackets off");
	tap_is_long(kind_of(" r63IA8dJ004707: from=bare@example.org, size=1",
			    &h), PREFILTER_FROM, "headerless from= line, bare address");
	tap_ok(is_text(h.address, h.address_len, "bare@example.org"),
	       "bare address");
	tap_is_long(kind_of("2026-11-27T00:58:09.123456+00:00 mx1 sendmail[7]: "
			    "kAR0w9q1000007: from=<>, size=1", &h),
		    PREFILTER_FROM, "RFC 3339 header, null sender");
	tap_is_long((long) h.address_len, 0, "null sender is empty");
	tap_is_long(kind_of("Dec  4 20:26:20 mx1 exim[14262]: 2026-12-04 "
			    "20:26:20 [14262] 1xZZrI-0003i2-2M <= <> "
			    "R=1xZZrI-0003hx-28 U=Debian-exim P=local S=1741",
			    &h), PREFILTER_FROM, "Exim's arrival of a bounce");
	tap_ok(is_text(h.qid, h.qid_len, "1xZZrI-0003i2-2M"), "its Exim id");
	tap_ok(is_text(h.address, h.address_len, "<>"),
	       "its sender as logged, as the rulebase gives it");
	tap_ok(is_text(h.pid.text, h.pid.len, "14262")
	       && is_text(h.program.text, h.program.len, "exim")
	       && is_text(h.host.text, h.host.len, "mx1"),
	       "and its process: host, program, pid");
	tap_is_long(kind_of("2026-12-04 20:26:21.250 1xZZrI-0003i2-2M "
			    "Completed QT=1s", &h),
		    PREFILTER_DONE, "Exim's Completed (+millisec, no pid, "
		    "+queue_time_overall)");
	tap_ok(is_text(h.qid, h.qid_len, "1xZZrI-0003i2-2M"),
	       "its Exim id, for the tracker");
	tap_is_long(kind_of("Jul  3 14:12:20 mx1 postfix-out/smtpd[42]: "
			    "disconnect from a[192.0.2.1] ehlo=1", &h),
		    PREFILTER_EDGE, "a session edge");
	tap_ok(is_text(h.pid.text, h.pid.len, "42")
	       && is_text(h.program.text, h.program.len, "postfix-out/smtpd")
	       && is_text(h.host.text, h.host.len, "mx1"),
	       "with its process, as normalize cuts it out");
	tap_is_long(kind_of(" connect from a[192.0.2.1]", &h), PREFILTER_EDGE,
		    "a headerless edge");
	tap_ok(h.pid.len == 0 && h.host.len == 0 && h.program.len == 0,
	       "names no process");
}

/* test_bounds - lines are read as line[0..len), with no NUL after them
 * (the reader's buffer): blank and cut lines in heap blocks of exactly
 * their length, so that an ASan build sees any read past the end (found
 * by fuzz/line.c: a blank line without "]: " was scanned with strspn) */
static void test_bounds(void)
{
	static const struct {
		const char *line;
		enum prefilter_kind kind;
	} cases[] = {
		{ " ", PREFILTER_SKIP }, { "   ", PREFILTER_SKIP },
		{ "  x", PREFILTER_SKIP }, { " q1", PREFILTER_SKIP },
		{ " q1:", PREFILTER_SKIP }, { " q1: from=", PREFILTER_PARSE },
		{ " q1: from=<a@b>", PREFILTER_PARSE },
		{ "Jul  3 14:12:20 x sm-mta[1]: ", PREFILTER_SKIP },
		{ "Jul  3 14:12:20 x sm-mta[1]: q1: to=", PREFILTER_TO },
		{ "x sm-mta[1]: q1: to=", PREFILTER_SKIP },
		{ "2026-12-04 17:12:25 [9] 1x-y <=", PREFILTER_PARSE },
		{ "2026-12-04 17:12:25 [9] 1x-y <= ", PREFILTER_PARSE },
		{ "2026-12-04 17:12:25 [9] 1x-y Completed", PREFILTER_DONE },
		{ "2026-12-04 17:12:25 [9] 1x-y Completedx", PREFILTER_PARSE },
		{ "2026-12-04 17:12:25 [9] 1x-y", PREFILTER_PARSE },
		{ "Jul  3 14:12:20 x exim[1]: [2\\", PREFILTER_PARSE },
		{ "Jul  3 14:12:20 x exim[1]: [2\\3]", PREFILTER_PARSE },
		{ "Jul  3 14:12:20 x exim[1]: [2\\3] ", PREFILTER_SKIP },
		{ "Jul  3 14:12:20 x exim[1]: [2\\3]     ", PREFILTER_SKIP },
		{ "Jul  3 14:12:20 x exim[1]: [2\\3]     <", PREFILTER_PARSE },
	};
	struct prefilter_hint h;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = strlen(cases[i].line);
		char *copy = malloc(len);

		if (copy == NULL)
			return;
		memcpy(copy, cases[i].line, len);
		tap_is_long(prefilter_scan(copy, len, &h), cases[i].kind,
			    cases[i].line);
		free(copy);
	}
}

int main(void)
{
	test_kinds();
	test_hints();
	test_bounds();
	return tap_done();
}
