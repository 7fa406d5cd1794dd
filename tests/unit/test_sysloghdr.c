/*
 * test_sysloghdr - the syslog header split: both stamp forms, the tag,
 * sendmail's programs against others, headerless lines, Exim's mainlog
 * lines, syslog's wire forms (a priority, RFC 5424), and every
 * malformed header; lines in heap blocks of exactly their length, so an
 * ASan build sees any read past the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysloghdr.h"
#include "tap.h"

/* span_is - a span of line equals want (NULL: the span is empty) */
static int span_is(const char *line, struct sysloghdr_span span,
		   const char *want)
{
	if (want == NULL)
		return span.len == 0;
	return span.len == strlen(want)
	       && memcmp(line + span.off, want, span.len) == 0;
}

/* split - sysloghdr_split of a C string copied to an exact heap block */
static enum sysloghdr_form split(const char *text, struct sysloghdr *hdr,
				 char **copy)
{
	size_t len = strlen(text);

	*copy = malloc(len + 1);	/* + 1: malloc(0) may be NULL */
	if (*copy == NULL)
		abort();
	memcpy(*copy, text, len);
	return sysloghdr_split(*copy, len, hdr);
}

static void test_forms(void)
{
	static const struct {
		const char *line;
		enum sysloghdr_form form;
		const char *stamp, *host, *program, *pid, *message;
	} cases[] = {
		{ "Jul  3 14:12:20 drjemgw sm-mta[4707]: r63I: from=<a@b>",
		  SYSLOGHDR_SENDMAIL, "Jul  3 14:12:20", "drjemgw", "sm-mta",
		  "4707", "r63I: from=<a@b>" },
		{ "Jul 13 04:02:00 mx sendmail[1]:  two spaces",
		  SYSLOGHDR_SENDMAIL, "Jul 13 04:02:00", "mx", "sendmail", "1",
		  "two spaces" },
		{ "jul 3 04:02:00 mx sm-msp-queue[22]:\tx",
		  SYSLOGHDR_SENDMAIL, "jul 3 04:02:00", "mx", "sm-msp-queue",
		  "22", "x" },
		{ "2026-11-27T00:58:09.123456+00:00 mx1 sm-mta[9]: q: discarded",
		  SYSLOGHDR_SENDMAIL, "2026-11-27T00:58:09.123456+00:00", "mx1",
		  "sm-mta", "9", "q: discarded" },
		{ "Jul  3 14:12:20 mx sm-mta[1]:", SYSLOGHDR_SENDMAIL,
		  "Jul  3 14:12:20", "mx", "sm-mta", "1", NULL },
		{ "Jul  3 14:12:20 mx postfix/smtpd[1]: q: client=a[192.0.2.1]",
		  SYSLOGHDR_POSTFIX, "Jul  3 14:12:20", "mx", "postfix/smtpd",
		  "1", "q: client=a[192.0.2.1]" },
		{ "2026-12-04T17:27:01.5+00:00 mx1 postfix-out/qmgr[2]: q: removed",
		  SYSLOGHDR_POSTFIX, "2026-12-04T17:27:01.5+00:00", "mx1",
		  "postfix-out/qmgr", "2", "q: removed" },
		{ "Jul  3 14:12:20 mx postfix/submission/smtpd[3]: q: x",
		  SYSLOGHDR_POSTFIX, "Jul  3 14:12:20", "mx",
		  "postfix/submission/smtpd", "3", "q: x" },
		{ "Jul  3 14:12:20 mx postfix[4]: fatal: x", SYSLOGHDR_POSTFIX,
		  "Jul  3 14:12:20", "mx", "postfix", "4", "fatal: x" },
		{ "Jul  3 14:12:20 mx postfixd/smtpd[1]: q: x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "Jul  3 14:12:20 mx postfix/[1]: q: x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "Jul  3 14:12:20 mx postfix-/smtpd[1]: q: x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		/* after an Exim tag, Exim's own "[1\\N] ", stamp and
		 * [pid] are not the message (exim.rb has no rules for them) */
		{ "Dec  4 17:12:25 mx1 exim[13053]: 2026-12-04 17:12:25 x <= a",
		  SYSLOGHDR_EXIM, "Dec  4 17:12:25", "mx1", "exim", "13053",
		  "x <= a" },
		{ "2026-12-04T17:12:25.1+00:00 mx1 exim4[7]: [1\\2] x",
		  SYSLOGHDR_EXIM, "2026-12-04T17:12:25.1+00:00", "mx1", "exim4",
		  "7", "x" },
		{ "Dec  4 17:12:25 mx1 exim[8]: [1\\12] 2026-12-04 17:12:25 "
		  "[9] x <= a", SYSLOGHDR_EXIM, "Dec  4 17:12:25", "mx1",
		  "exim", "8", "x <= a" },
		{ "Dec  4 17:12:25 mx1 exim[8]: [1\\3] [9] x", SYSLOGHDR_EXIM,
		  "Dec  4 17:12:25", "mx1", "exim", "8", "x" },
		{ "Dec  4 17:12:25 mx1 exim[8]: [9]  x", SYSLOGHDR_EXIM,
		  "Dec  4 17:12:25", "mx1", "exim", "8", " x" },
		{ "Dec  4 17:12:25 mx1 exim[8]: 2026-12-04 17:12:25 +0100 x",
		  SYSLOGHDR_EXIM, "Dec  4 17:12:25", "mx1", "exim", "8", "x" },
		{ "Dec  4 17:12:25 mx1 exim[8]: [2\\3] x", SYSLOGHDR_EXIM,
		  "Dec  4 17:12:25", "mx1", "exim", "8", "[2\\3] x" },
		{ "Dec  4 17:12:25 mx1 exim[8]: [1\\] x", SYSLOGHDR_EXIM,
		  "Dec  4 17:12:25", "mx1", "exim", "8", "[1\\] x" },
		{ "Dec  4 17:12:25 mx1 exim[8]: [1\\2]x", SYSLOGHDR_EXIM,
		  "Dec  4 17:12:25", "mx1", "exim", "8", "[1\\2]x" },
		{ "Dec  4 17:12:25 mx1 exim[8]: [1\\2] ", SYSLOGHDR_EXIM,
		  "Dec  4 17:12:25", "mx1", "exim", "8", NULL },
		{ "Dec  4 17:12:25 mx1 exim[8]: 2026-12-04 17:12:2 x",
		  SYSLOGHDR_EXIM, "Dec  4 17:12:25", "mx1", "exim", "8",
		  "2026-12-04 17:12:2 x" },
		{ "Dec  4 17:12:25 mx1 exim[8]: [12a] x", SYSLOGHDR_EXIM,
		  "Dec  4 17:12:25", "mx1", "exim", "8", "[12a] x" },
		{ "Jul  3 14:12:20 mx sm-mta[1]: [1\\2] 2026-12-04 17:12:25 x",
		  SYSLOGHDR_SENDMAIL, "Jul  3 14:12:20", "mx", "sm-mta", "1",
		  "[1\\2] 2026-12-04 17:12:25 x" },
		{ "Dec  4 17:12:25 mx1 exim5[1]: x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "Dec  4 17:12:25 mx1 exi[1]: x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "Jul  3 14:12:20 mx sm-mtax[1]: q: x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "Jul  3 14:12:20 mx sm-mta: q: x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "Jul  3 14:12:20 mx sm-mta[]: q: x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "Jul  3 14:12:20 mx sm-mta[12a]: q: x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "Jul  3 14:12:20 mx sm-mta[123456789012345678901]: q",
		  SYSLOGHDR_SENDMAIL, "Jul  3 14:12:20", "mx", "sm-mta",
		  "123456789012345678901", "q" },
		{ "Jul  3 14:12:20  sm-mta[1]: q: x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "Jul  3 14:12:20 mx", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "Jul  3 14:12:20 ", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ " r63I: from=<a@b>", SYSLOGHDR_NONE, NULL, NULL, NULL, NULL,
		  "r63I: from=<a@b>" },
		{ "r63I: discarded", SYSLOGHDR_NONE, NULL, NULL, NULL, NULL,
		  "r63I: discarded" },
		{ "Foo  3 14:12:20 mx sm-mta[1]: q: x", SYSLOGHDR_NONE,
		  NULL, NULL, NULL, NULL, "Foo  3 14:12:20 mx sm-mta[1]: q: x" },
		{ "Jul  3 14:12 mx sm-mta[1]: q: x", SYSLOGHDR_NONE, NULL,
		  NULL, NULL, NULL, "Jul  3 14:12 mx sm-mta[1]: q: x" },
		{ "2026-11-27 mx sm-mta[1]: q", SYSLOGHDR_NONE, NULL, NULL,
		  NULL, NULL, "2026-11-27 mx sm-mta[1]: q" },
		{ "", SYSLOGHDR_NONE, NULL, NULL, NULL, NULL, NULL },
		{ "   ", SYSLOGHDR_NONE, NULL, NULL, NULL, NULL, NULL },
		{ "Jul", SYSLOGHDR_NONE, NULL, NULL, NULL, NULL, "Jul" },
		{ "2026-", SYSLOGHDR_NONE, NULL, NULL, NULL, NULL, "2026-" },
		{ "2026-12-04 13:40:01 [123] 1rAbCd-000123-Ab <= a@b H=[1.2.3.4]",
		  SYSLOGHDR_MAINLOG, "2026-12-04 13:40:01", NULL, NULL, "123",
		  "1rAbCd-000123-Ab <= a@b H=[1.2.3.4]" },
		{ "2026-12-04 13:40:01 1rAbCd-00000000123-Abcd Completed",
		  SYSLOGHDR_MAINLOG, "2026-12-04 13:40:01", NULL, NULL, NULL,
		  "1rAbCd-00000000123-Abcd Completed" },
		{ "2026-12-04 13:40:01 +0100 [9] x", SYSLOGHDR_MAINLOG,
		  "2026-12-04 13:40:01 +0100", NULL, NULL, "9", "x" },
		{ "2026-12-04 13:40:01.250 [9] x", SYSLOGHDR_MAINLOG,
		  "2026-12-04 13:40:01.250", NULL, NULL, "9", "x" },
		{ "2026-12-04 13:40:01.250 +0100 1rAbCd Completed",
		  SYSLOGHDR_MAINLOG, "2026-12-04 13:40:01.250 +0100", NULL,
		  NULL, NULL, "1rAbCd Completed" },
		{ "2026-12-04 13:40:01.25 x", SYSLOGHDR_NONE, NULL, NULL, NULL,
		  NULL, "2026-12-04 13:40:01.25 x" },
		{ "2026-12-04 13:40:01 [12a] x", SYSLOGHDR_MAINLOG,
		  "2026-12-04 13:40:01", NULL, NULL, NULL, "[12a] x" },
		{ "2026-12-04 13:40:01 [] x", SYSLOGHDR_MAINLOG,
		  "2026-12-04 13:40:01", NULL, NULL, NULL, "[] x" },
		{ "2026-12-04 13:40:01 [123]", SYSLOGHDR_MAINLOG,
		  "2026-12-04 13:40:01", NULL, NULL, NULL, "[123]" },
		{ "2026-12-04 13:40:01 +01 x", SYSLOGHDR_MAINLOG,
		  "2026-12-04 13:40:01", NULL, NULL, NULL, "+01 x" },
		{ "2026-12-04 13:40:01", SYSLOGHDR_NONE, NULL, NULL, NULL, NULL,
		  "2026-12-04 13:40:01" },
		{ "2026-12-04 13:40:0x y", SYSLOGHDR_NONE, NULL, NULL, NULL,
		  NULL, "2026-12-04 13:40:0x y" },
		{ "2026-12-04T13:40:01 mx exim[1]: x", SYSLOGHDR_EXIM,
		  "2026-12-04T13:40:01", "mx", "exim", "1", "x" },
		{ "99999999999-01-01T00:00:00Z mx sm-mta[1]: q",
		  SYSLOGHDR_SENDMAIL, "99999999999-01-01T00:00:00Z", "mx",
		  "sm-mta", "1", "q" },
		/* a stamp of Exim's shape before a syslog tag: a syslog
		 * header, not Exim's mainlog */
		{ "2026-12-04 13:40:01 mx1 postfix/qmgr[2]: q: removed",
		  SYSLOGHDR_POSTFIX, "2026-12-04 13:40:01", "mx1",
		  "postfix/qmgr", "2", "q: removed" },
		{ "2026-12-04 13:40:01 +0100 mx1 sm-mta[2]: q",
		  SYSLOGHDR_SENDMAIL, "2026-12-04 13:40:01 +0100", "mx1",
		  "sm-mta", "2", "q" },
		{ "2026-12-04 13:40:01 mx1 sshd[2]: x", SYSLOGHDR_MAINLOG,
		  "2026-12-04 13:40:01", NULL, NULL, NULL, "mx1 sshd[2]: x" },
		/* syslog's wire forms: a priority first (RFC 3164 as sent),
		 * RFC 5424 with its version, nil values, structured data
		 * and a byte order mark */
		/* journalctl -o short-precise, syslog-ng's frac-digits() */
		{ "Dec 07 03:06:01.123456 mx1 postfix/qmgr[2213]: q: x",
		  SYSLOGHDR_POSTFIX, "Dec 07 03:06:01.123456", "mx1",
		  "postfix/qmgr", "2213", "q: x" },
		{ "Dec  7 03:06:01. mx1 sm-mta[1]: q", SYSLOGHDR_OTHER, NULL,
		  NULL, NULL, NULL, NULL },
		/* journalctl -o short-full: a day's name, date, clock, zone */
		{ "Fri 2026-12-04 18:26:48 CET mx1 sm-mta[1]: q: x",
		  SYSLOGHDR_SENDMAIL, "Fri 2026-12-04 18:26:48 CET", "mx1",
		  "sm-mta", "1", "q: x" },
		{ "Fri 2026-12-04 20:26:48 +03 mx1 sm-mta[1]: q: x",
		  SYSLOGHDR_SENDMAIL, "Fri 2026-12-04 20:26:48 +03", "mx1",
		  "sm-mta", "1", "q: x" },
		{ "Foo 2026-12-04 18:26:48 CET mx1 sm-mta[1]: q: x",
		  SYSLOGHDR_NONE, NULL, NULL, NULL, NULL,
		  "Foo 2026-12-04 18:26:48 CET mx1 sm-mta[1]: q: x" },
		/* journalctl -o short-unix; a number alone is no stamp */
		{ "1796405208.123456 mx1 sm-mta[1]: q: x", SYSLOGHDR_SENDMAIL,
		  "1796405208.123456", "mx1", "sm-mta", "1", "q: x" },
		{ "1796405208 mx1 sm-mta[1]: q: x", SYSLOGHDR_NONE, NULL, NULL,
		  NULL, NULL, "1796405208 mx1 sm-mta[1]: q: x" },
		{ "12345678.5 mx1 sm-mta[1]: q: x", SYSLOGHDR_NONE, NULL, NULL,
		  NULL, NULL, "12345678.5 mx1 sm-mta[1]: q: x" },
		{ "<22>Dec  7 03:06:01 mx1 postfix/qmgr[2213]: q: from=<a@b>",
		  SYSLOGHDR_POSTFIX, "Dec  7 03:06:01", "mx1", "postfix/qmgr",
		  "2213", "q: from=<a@b>" },
		{ "<22>1 2026-12-07T03:06:00.5+00:00 mx1 postfix/qmgr 2213 - - "
		  "q: removed", SYSLOGHDR_POSTFIX,
		  "2026-12-07T03:06:00.5+00:00", "mx1", "postfix/qmgr", "2213",
		  "q: removed" },
		{ "<22>1 2026-12-07T03:06:00Z mx1 sm-mta - ID47 "
		  "[a@1 b=\"\\]\"][c@2] \xef\xbb\xbfq: x", SYSLOGHDR_SENDMAIL,
		  "2026-12-07T03:06:00Z", "mx1", "sm-mta", NULL, "q: x" },
		{ "<2>1 - - exim 7 - - 1rAbCd <= a", SYSLOGHDR_EXIM, NULL,
		  NULL, "exim", "7", "1rAbCd <= a" },
		{ "<22>1 2026-12-07T03:06:00Z mx1 postfix/qmgr 1 - -",
		  SYSLOGHDR_POSTFIX, "2026-12-07T03:06:00Z", "mx1",
		  "postfix/qmgr", "1", NULL },
		{ "<22>1 2026-12-07T03:06:00Z mx1 sshd 7 - - x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "<22>1 2026-12-07T03:06:00Z mx1 - 7 - - x", SYSLOGHDR_OTHER,
		  NULL, NULL, NULL, NULL, NULL },
		{ "<22>1 2026-12-07T03:06:00Z mx1 sm-mta 7 - [a@1 x",
		  SYSLOGHDR_OTHER, NULL, NULL, NULL, NULL, NULL },
		{ "<22>1 2026-12-07T03:06:00Z mx1 sm-mta 7 - x y",
		  SYSLOGHDR_OTHER, NULL, NULL, NULL, NULL, NULL },
		{ "<22>", SYSLOGHDR_NONE, NULL, NULL, NULL, NULL, NULL },
		{ "<1234>Dec  7 03:06:01 mx1 sm-mta[1]: q", SYSLOGHDR_NONE,
		  NULL, NULL, NULL, NULL,
		  "<1234>Dec  7 03:06:01 mx1 sm-mta[1]: q" },
		{ "<x>q: from=<a@b>", SYSLOGHDR_NONE, NULL, NULL, NULL, NULL,
		  "<x>q: from=<a@b>" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sysloghdr hdr;
		char *line;
		enum sysloghdr_form form = split(cases[i].line, &hdr, &line);
		char name[160];

		snprintf(name, sizeof(name), "'%.60s': form", cases[i].line);
		tap_is_long(form, cases[i].form, name);
		if (form != SYSLOGHDR_OTHER) {
			snprintf(name, sizeof(name), "'%.60s': pieces",
				 cases[i].line);
			tap_ok(span_is(line, hdr.stamp, cases[i].stamp)
			       && span_is(line, hdr.host, cases[i].host)
			       && span_is(line, hdr.program, cases[i].program)
			       && span_is(line, hdr.pid, cases[i].pid)
			       && span_is(line, hdr.message, cases[i].message),
			       name);
		}
		free(line);
	}
}

/* cuts_wrong - the prefixes of full, each in a heap block of its own
 * length (an ASan build sees a read past its end), split as want only
 * from `from` bytes on, and then with the message part up to the end */
static int cuts_wrong(const char *full, enum sysloghdr_form want, size_t from)
{
	int wrong = 0;

	for (size_t len = 0; len <= strlen(full); len++) {
		char *line = malloc(len + 1);
		struct sysloghdr hdr;
		enum sysloghdr_form form;

		if (line == NULL)
			abort();
		memcpy(line, full, len);
		form = sysloghdr_split(line, len, &hdr);
		if ((form == want) != (len >= from))
			wrong++;
		if (form == want && hdr.message.off + hdr.message.len != len)
			wrong++;
		free(line);
	}
	return wrong;
}

/* test_every_cut - only the whole tag makes a sendmail header */
static void test_every_cut(void)
{
	static const char full[] =
		"2026-11-27T00:58:09Z mx1 sm-mta[4707]: r63I: discarded";

	tap_is_long(cuts_wrong(full, SYSLOGHDR_SENDMAIL,
			       strlen("2026-11-27T00:58:09Z mx1 sm-mta[4707]:")),
		    0, "every cut of a line: sendmail only with the tag");
}

/* test_every_cut_mainlog - an Exim mainlog stamp counts once a blank
 * follows it */
static void test_every_cut_mainlog(void)
{
	static const char full[] = "2026-12-04 13:40:01 +0100 [4707] 1rAbCd Completed";

	static const char msec[] =
	    "2026-12-04 13:40:01.250 +0100 [4707] 1rAbCd Completed";

	tap_is_long(cuts_wrong(full, SYSLOGHDR_MAINLOG, 20), 0,
		    "every cut of a mainlog line: read within it");
	tap_is_long(cuts_wrong(msec, SYSLOGHDR_MAINLOG, 24), 0,
		    "every cut of a +millisec mainlog line: read within it");
}

/* test_every_cut_5424 - an RFC 5424 line is Postfix's once its
 * structured data has ended */
static void test_every_cut_5424(void)
{
	static const char full[] = "<22>1 2026-12-07T03:06:00Z mx1 "
		"postfix/qmgr 2213 - [a@1 b=\"\\]\"] q: x";

	tap_is_long(cuts_wrong(full, SYSLOGHDR_POSTFIX,
			       strlen(full) - strlen(" q: x")),
		    0, "every cut of an RFC 5424 line: read within it");
}

int main(void)
{
	test_forms();
	test_every_cut();
	test_every_cut_mainlog();
	test_every_cut_5424();
	return tap_done();
}
