/*
 * test_normalize_postfix - Postfix's verdicts and session edges through
 * rulebase/postfix.rb and its map (normalize_postfix.c): the queue id a
 * verdict keeps, whether it ends its message, and what smtpd's
 * disconnect line says of its session's recipients.  The lines are
 * those of tests/mta/postfix-edges/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "normalize_postfix.h"
#include "tap.h"

#define HDR "Dec  4 23:31:20 mx1 "
#define CLIENT_TEXT " from unknown[::1]: "
#define TAIL " proto=ESMTP helo=<client.example.com>"

struct postfix_case {
	const char *line;
	enum mailrec_kind kind;
	const char *qid, *sender, *recipients;
	enum mailrec_stage stage;
	int ends_message;
	unsigned long session_rcpts;
};

static const struct postfix_case cases[] = {
	{ HDR "postfix/cleanup[4582]: 44503118362: discard: header Subject: "
	  "edge: header discard from unknown[::1]; from=<hd@emalsrv.dhl.com> "
	  "to=<bob@example.org>" TAIL ": header discard", MAILREC_DISCARDED,
	  "44503118362", "<hd@emalsrv.dhl.com>", "<bob@example.org>",
	  STAGE_DATA, 1, 0 },
	{ HDR "postfix/cleanup[4582]: 45600118362: reject: header Subject: "
	  "edge: header reject from unknown[::1]; from=<hr@emalsrv.dhl.com> "
	  "to=<bob@example.org>" TAIL ": 5.7.1 header reject",
	  MAILREC_REFUSED, "45600118362", "<hr@emalsrv.dhl.com>",
	  "<bob@example.org>", STAGE_DATA, 1, 0 },
	{ HDR "postfix/smtpd[4570]: 47B8C118362: reject: DATA" CLIENT_TEXT
	  "554 5.7.1 <data@emalsrv.marriott.com>: Sender address rejected: "
	  "refused at DATA; from=<data@emalsrv.marriott.com> "
	  "to=<alice@example.org>" TAIL, MAILREC_REFUSED, "47B8C118362",
	  "<data@emalsrv.marriott.com>", "<alice@example.org>", STAGE_DATA,
	  1, 0 },
	{ HDR "postfix/smtpd[4570]: 48868118362: reject: END-OF-MESSAGE"
	  CLIENT_TEXT "554 5.7.1 <eom@emalsrv.marriott.com>: Sender address "
	  "rejected: refused at end of data; from=<eom@emalsrv.marriott.com> "
	  "to=<alice@example.org>" TAIL, MAILREC_REFUSED, "48868118362",
	  "<eom@emalsrv.marriott.com>", "<alice@example.org>", STAGE_DATA,
	  1, 0 },
	{ HDR "postfix/smtpd[4570]: 47B8C118362: reject: RCPT" CLIENT_TEXT
	  "554 5.7.1 <refused@example.org>: Recipient address rejected: no "
	  "such user here; from=<data@emalsrv.marriott.com> "
	  "to=<refused@example.org>" TAIL, MAILREC_REFUSED, "47B8C118362",
	  "<data@emalsrv.marriott.com>", "<refused@example.org>", STAGE_RCPT,
	  0, 0 },
	{ HDR "postfix/smtpd[4570]: NOQUEUE: discard: RCPT" CLIENT_TEXT
	  "<a@emalsrv.ups.com>: Sender address triggers DISCARD action; "
	  "from=<a@emalsrv.ups.com> to=<alice@example.org>" TAIL,
	  MAILREC_DISCARDED, NULL, "<a@emalsrv.ups.com>",
	  "<alice@example.org>", STAGE_RCPT, 1, 0 },
	{ HDR "postfix/smtpd[4570]: NOQUEUE: reject: RCPT" CLIENT_TEXT
	  "554 5.7.1 <x@linkedinmail.com>: Sender address rejected: Access "
	  "denied; from=<x@linkedinmail.com> to=<alice@example.org>" TAIL,
	  MAILREC_REFUSED, NULL, "<x@linkedinmail.com>",
	  "<alice@example.org>", STAGE_RCPT, 0, 0 },
	{ HDR "postfix/smtpd[4570]: disconnect from unknown[::1] ehlo=1 "
	  "mail=1 rcpt=2 data=1 quit=1 commands=6", MAILREC_OTHER, NULL, NULL,
	  NULL, STAGE_NONE, 0, 2 },
	{ HDR "postfix/smtpd[4570]: disconnect from unknown[::1] ehlo=1 "
	  "mail=1 rcpt=1/2 data=0/1 quit=1 commands=4/6", MAILREC_OTHER, NULL,
	  NULL, NULL, STAGE_NONE, 0, 1 },
	{ HDR "postfix/smtpd[4570]: disconnect from unknown[::1] ehlo=1 "
	  "mail=2 rcpt=3 data=2 rset=1 quit=1 commands=10", MAILREC_OTHER,
	  NULL, NULL, NULL, STAGE_NONE, 0, 0 },
	{ HDR "postfix/smtpd[4570]: connect from unknown[::1]", MAILREC_OTHER,
	  NULL, NULL, NULL, STAGE_NONE, 0, 0 },
};

/* test_cases - each line's record */
static void test_cases(struct normalizer *norm)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct postfix_case *c = &cases[i];
		struct mailrec log;

		tap_is_long(normalize_line(norm, c->line, strlen(c->line), &log),
			    c->kind, c->line);
		tap_is_str(log.qid, c->qid, "  queue id");
		tap_is_str(log.sender, c->sender, "  sender");
		tap_is_str(log.recipients, c->recipients, "  recipients");
		tap_is_long(log.stage, c->stage, "  stage");
		tap_is_long(log.ends_message, c->ends_message, "  ends its message");
		tap_is_long((long) log.session_rcpts, (long) c->session_rcpts,
			    "  its session's recipients");
	}
}

/* test_rcpts - the command counts of a disconnect line */
static void test_rcpts(void)
{
	static const struct {
		const char *commands;
		unsigned long rcpts;
	} counts[] = {
		{ "ehlo=1 mail=1 rcpt=2 data=1 quit=1 commands=6", 2 },
		{ "ehlo=1 mail=1/2 rcpt=2 data=1 commands=5/6", 2 },
		{ "ehlo=1 mail=1 rcpt=0/3 quit=1 commands=3/6", 0 },
		{ "ehlo=1 mail=2 rcpt=0/2 rset=1 quit=1 commands=5/7", 0 },
		{ "ehlo=1 quit=1 commands=2", 0 },
		{ "rcpt=2 mail=1", 2 },
		{ "xmail=1 rcpt=2", 0 },
		{ "mail=1 xrcpt=2", 0 },
		{ "mail=1 rcpt=x", 0 },
		{ "mail=1 rcpt=2x", 0 },
		{ "mail=1 rcpt=99999999999999999999", 0 },
		{ "", 0 },
		{ NULL, 0 },
	};

	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		tap_is_long((long) normalize_postfix_rcpts(counts[i].commands),
			    (long) counts[i].rcpts,
			    counts[i].commands != NULL ? counts[i].commands
						       : "(none)");
}

int main(void)
{
	const char *top = getenv("TOP");
	char sendmail[4096], postfix[4096];
	char err[NORMALIZE_ERR_MAX];
	struct normalizer *norm;

	snprintf(sendmail, sizeof(sendmail), "%s%srulebase/sendmail.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	snprintf(postfix, sizeof(postfix), "%s%srulebase/postfix.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	norm = normalize_open(sendmail, err);
	if (!tap_ok(norm != NULL, "rulebase/sendmail.rb loads")) {
		printf("# %s\n", err);
		return tap_done();
	}
	if (tap_is_long(normalize_add(norm, MTA_POSTFIX, postfix, err), 0,
			"rulebase/postfix.rb loads as Postfix's"))
		test_cases(norm);
	else
		printf("# %s\n", err);
	normalize_close(norm);
	test_rcpts();
	return tap_done();
}
