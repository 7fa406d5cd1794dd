/*
 * test_normalize_postfix - Postfix's verdicts and session edges through
 * rulebase/postfix.rb and its map (normalize_postfix.c): the queue id a
 * verdict keeps, whether it ends its message and what it says of the
 * message's recipients, and what smtpd's disconnect line counts of its
 * session.  The lines are those of tests/mta/postfix-edges/.
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
	enum mailrec_rcpts said;
	struct mailrec_session session;
};

/* No counts: a verdict's line, or connect's. */
#define UNTOLD { 0, 0, 0, 0 }

static const struct postfix_case cases[] = {
	{ HDR "postfix/cleanup[4582]: 44503118362: discard: header Subject: "
	  "edge: header discard from unknown[::1]; from=<hd@emalsrv.dhl.com> "
	  "to=<bob@example.org>" TAIL ": header discard", MAILREC_DISCARDED,
	  "44503118362", "<hd@emalsrv.dhl.com>", "<bob@example.org>",
	  STAGE_DATA, 1, RCPTS_SOME, UNTOLD },
	{ HDR "postfix/cleanup[4582]: 45600118362: reject: header Subject: "
	  "edge: header reject from unknown[::1]; from=<hr@emalsrv.dhl.com> "
	  "to=<bob@example.org>" TAIL ": 5.7.1 header reject",
	  MAILREC_REFUSED, "45600118362", "<hr@emalsrv.dhl.com>",
	  "<bob@example.org>", STAGE_DATA, 1, RCPTS_SOME, UNTOLD },
	{ HDR "postfix/smtpd[4570]: 47B8C118362: reject: DATA" CLIENT_TEXT
	  "554 5.7.1 <data@emalsrv.marriott.com>: Sender address rejected: "
	  "refused at DATA; from=<data@emalsrv.marriott.com> "
	  "to=<alice@example.org>" TAIL, MAILREC_REFUSED, "47B8C118362",
	  "<data@emalsrv.marriott.com>", "<alice@example.org>", STAGE_DATA,
	  1, RCPTS_ONE, UNTOLD },
	/* smtpd names no recipient of a message that has more than one */
	{ HDR "postfix/smtpd[10135]: 3BC1C118369: reject: DATA" CLIENT_TEXT
	  "554 5.7.1 <data@emalsrv.marriott.com>: Sender address rejected: "
	  "refused at DATA; from=<data@emalsrv.marriott.com>" TAIL,
	  MAILREC_REFUSED, "3BC1C118369", "<data@emalsrv.marriott.com>", NULL,
	  STAGE_DATA, 1, RCPTS_MANY, UNTOLD },
	{ HDR "postfix/smtpd[10135]: 3D0F7118369: reject: END-OF-MESSAGE"
	  CLIENT_TEXT "554 5.7.1 <eom@emalsrv.marriott.com>: Sender address "
	  "rejected: refused at end of data; from=<eom@emalsrv.marriott.com>"
	  TAIL, MAILREC_REFUSED, "3D0F7118369", "<eom@emalsrv.marriott.com>",
	  NULL, STAGE_DATA, 1, RCPTS_MANY, UNTOLD },
	/* a milter's, by cleanup: the last recipient of how many */
	{ HDR "postfix/cleanup[10147]: 7265C11836A: milter-reject: "
	  "END-OF-MESSAGE from localhost[127.0.0.1]: 5.7.1 Message content "
	  "rejected; from=<bulk@example.com> to=<alice@example.org>" TAIL,
	  MAILREC_REFUSED, "7265C11836A", "<bulk@example.com>",
	  "<alice@example.org>", STAGE_DATA, 1, RCPTS_SOME, UNTOLD },
	{ HDR "postfix/smtpd[4570]: 48868118362: reject: END-OF-MESSAGE"
	  CLIENT_TEXT "554 5.7.1 <eom@emalsrv.marriott.com>: Sender address "
	  "rejected: refused at end of data; from=<eom@emalsrv.marriott.com> "
	  "to=<alice@example.org>" TAIL, MAILREC_REFUSED, "48868118362",
	  "<eom@emalsrv.marriott.com>", "<alice@example.org>", STAGE_DATA,
	  1, RCPTS_ONE, UNTOLD },
	{ HDR "postfix/smtpd[4570]: 47B8C118362: reject: RCPT" CLIENT_TEXT
	  "554 5.7.1 <refused@example.org>: Recipient address rejected: no "
	  "such user here; from=<data@emalsrv.marriott.com> "
	  "to=<refused@example.org>" TAIL, MAILREC_REFUSED, "47B8C118362",
	  "<data@emalsrv.marriott.com>", "<refused@example.org>", STAGE_RCPT,
	  0, RCPTS_SOME, UNTOLD },
	{ HDR "postfix/smtpd[4570]: NOQUEUE: discard: RCPT" CLIENT_TEXT
	  "<a@emalsrv.ups.com>: Sender address triggers DISCARD action; "
	  "from=<a@emalsrv.ups.com> to=<alice@example.org>" TAIL,
	  MAILREC_DISCARDED, NULL, "<a@emalsrv.ups.com>",
	  "<alice@example.org>", STAGE_RCPT, 1, RCPTS_SOME, UNTOLD },
	{ HDR "postfix/smtpd[4570]: NOQUEUE: reject: RCPT" CLIENT_TEXT
	  "554 5.7.1 <x@linkedinmail.com>: Sender address rejected: Access "
	  "denied; from=<x@linkedinmail.com> to=<alice@example.org>" TAIL,
	  MAILREC_REFUSED, NULL, "<x@linkedinmail.com>",
	  "<alice@example.org>", STAGE_RCPT, 0, RCPTS_SOME, UNTOLD },
	{ HDR "postfix/smtpd[4570]: disconnect from unknown[::1] ehlo=1 "
	  "mail=1 rcpt=2 data=1 quit=1 commands=6", MAILREC_OTHER, NULL, NULL,
	  NULL, STAGE_NONE, 0, RCPTS_SOME, { 1, 1, 2, 2 } },
	{ HDR "postfix/smtpd[4570]: disconnect from unknown[::1] ehlo=1 "
	  "mail=1 rcpt=1/2 data=0/1 quit=1 commands=4/6", MAILREC_OTHER, NULL,
	  NULL, NULL, STAGE_NONE, 0, RCPTS_SOME, { 1, 1, 1, 2 } },
	{ HDR "postfix/smtpd[4570]: disconnect from unknown[::1] ehlo=1 "
	  "mail=2 rcpt=3 data=2 rset=1 quit=1 commands=10", MAILREC_OTHER,
	  NULL, NULL, NULL, STAGE_NONE, 0, RCPTS_SOME, { 1, 2, 3, 3 } },
	{ HDR "postfix/smtpd[10135]: disconnect from unknown[::1] ehlo=1 "
	  "mail=3 rcpt=0/4 rset=2 quit=1 commands=7/11", MAILREC_OTHER, NULL,
	  NULL, NULL, STAGE_NONE, 0, RCPTS_SOME, { 1, 3, 0, 4 } },
	{ HDR "postfix/smtpd[4570]: connect from unknown[::1]", MAILREC_OTHER,
	  NULL, NULL, NULL, STAGE_NONE, 0, RCPTS_SOME, UNTOLD },
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
		tap_is_long(log.rcpts_said, c->said, "  its message's recipients");
		tap_ok(log.session.told == c->session.told
		       && log.session.mails == c->session.mails
		       && log.session.rcpts == c->session.rcpts
		       && log.session.rcpt_tries == c->session.rcpt_tries,
		       "  its session's counts");
	}
}

/* test_session - the command counts of a disconnect line: told,
 * transactions, recipients taken and tried */
static void test_session(void)
{
	static const struct {
		const char *commands;
		struct mailrec_session want;
	} counts[] = {
		{ "ehlo=1 mail=1 rcpt=2 data=1 quit=1 commands=6", { 1, 1, 2, 2 } },
		{ "ehlo=1 mail=1/2 rcpt=2 data=1 commands=5/6", { 1, 1, 2, 2 } },
		{ "ehlo=1 mail=1 rcpt=0/3 quit=1 commands=3/6", { 1, 1, 0, 3 } },
		{ "ehlo=1 mail=2 rcpt=0/2 rset=1 quit=1 commands=5/7",
		  { 1, 2, 0, 2 } },
		{ "ehlo=1 mail=0/1 quit=1 commands=2/3", { 1, 0, 0, 0 } },
		{ "ehlo=1 quit=1 commands=2", { 1, 0, 0, 0 } },
		{ "rcpt=2 mail=1 commands=3", { 1, 1, 2, 2 } },
		{ "xmail=1 rcpt=2 commands=3", { 1, 0, 2, 2 } },
		{ "mail=1 xrcpt=2 commands=3", { 1, 1, 0, 0 } },
		{ "mail=1 rcpt=2", UNTOLD },
		{ "mail=1 rcpt=x commands=3", UNTOLD },
		{ "mail=1 rcpt=2x commands=3", UNTOLD },
		{ "mail=1 rcpt=3/2 commands=3", UNTOLD },
		{ "mail=1 rcpt=2/ commands=3", UNTOLD },
		{ "mail=1 rcpt=99999999999999999999 commands=3", UNTOLD },
		{ "", UNTOLD },
		{ NULL, UNTOLD },
	};

	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		struct mailrec_session got;
		const struct mailrec_session *w = &counts[i].want;

		normalize_postfix_session(counts[i].commands, &got);
		tap_ok(got.told == w->told && got.mails == w->mails
		       && got.rcpts == w->rcpts
		       && got.rcpt_tries == w->rcpt_tries,
		       counts[i].commands != NULL ? counts[i].commands
						  : "(none)");
	}
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
	test_session();
	return tap_done();
}
