/*
 * test_normalize_exim - Exim's lines through rulebase/exim.rb and its map
 * (normalize_exim.c): each line kind of the recordings as a struct
 * mailrec, picked by the syslog program or by the mainlog's shape.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "tap.h"

struct exim_case {
	const char *line;
	enum mailrec_kind kind;
	const char *qid, *sender, *recipients;
	enum mailrec_outcome outcome;
	enum mailrec_stage stage;
};

/* The message parts, each tried under a syslog header and as a mainlog
 * line (which begins with Exim's own stamp and pid). */
static const struct exim_case cases[] = {
	{ "1xZX5o-0007zR-30 <= b@emalsrv.marriott.com H=(client.example.com) "
	  "[127.0.0.1] P=esmtp S=450 id=s2@client.example.com for "
	  "bob@example.org carol@example.org", MAILREC_ACCEPTED,
	  "1xZX5o-0007zR-30", "b@emalsrv.marriott.com",
	  "bob@example.org carol@example.org", OUTCOME_NONE, STAGE_NONE },
	{ "1rAbCd-00000000123-Abcd <= a@b.example H=[192.0.2.7] P=esmtp "
	  "S=1", MAILREC_ACCEPTED, "1rAbCd-00000000123-Abcd", "a@b.example",
	  NULL, OUTCOME_NONE, STAGE_NONE },
	{ "1xZX5o-0007zR-30 => bob <bob@example.org> R=local_user "
	  "T=local_file", MAILREC_DELIVERY, "1xZX5o-0007zR-30", NULL,
	  "bob@example.org", OUTCOME_SENT, STAGE_NONE },
	{ "1xZX5o-0007zR-30 -> carol <carol@example.org> R=local_user "
	  "T=local_file", MAILREC_DELIVERY, "1xZX5o-0007zR-30", NULL,
	  "carol@example.org", OUTCOME_SENT, STAGE_NONE },
	{ "1xZX5p-0008Ab-1x == dave@far.example.net R=far T=remote_smtp "
	  "defer (111): Connection refused", MAILREC_DELIVERY,
	  "1xZX5p-0008Ab-1x", NULL, "dave@far.example.net", OUTCOME_DEFERRED,
	  STAGE_NONE },
	{ "1xZX5p-0008Ab-1x ** erin@gone.example.net R=gone: No such mailbox "
	  "here", MAILREC_DELIVERY, "1xZX5p-0008Ab-1x", NULL,
	  "erin@gone.example.net", OUTCOME_BOUNCED, STAGE_NONE },
	{ "1xZX5p-0008Ab-1x Completed", MAILREC_FINISHED, "1xZX5p-0008Ab-1x",
	  NULL, NULL, OUTCOME_NONE, STAGE_NONE },
	{ "1xZX5t-00084M-2O => blackhole (RCPT ACL discarded recipients)",
	  MAILREC_DISCARDED, "1xZX5t-00084M-2O", NULL, NULL, OUTCOME_NONE,
	  STAGE_NONE },
	{ "H=(client.example.com) [127.0.0.1] F=<a@emalsrv.ups.com> RCPT "
	  "<alice@example.org>: discarded by RCPT ACL: listed",
	  MAILREC_DISCARDED, NULL, "<a@emalsrv.ups.com>",
	  "<alice@example.org>", OUTCOME_NONE, STAGE_RCPT },
	{ "H=(client.example.com) [127.0.0.1] rejected MAIL "
	  "<x@linkedinmail.com>: Sender banned", MAILREC_REFUSED, NULL,
	  "<x@linkedinmail.com>", NULL, OUTCOME_NONE, STAGE_MAIL },
	{ "H=(client.example.com) [127.0.0.1] F=<y@emalsrv.linkedin.com> "
	  "rejected RCPT <bob@example.org>: Sender banned", MAILREC_REFUSED,
	  NULL, "<y@emalsrv.linkedin.com>", "<bob@example.org>", OUTCOME_NONE,
	  STAGE_RCPT },
	{ "1xZX5z-0008Cd-1d H=(client.example.com) [127.0.0.1] "
	  "F=<promo@bulk.example.com> rejected after DATA: no",
	  MAILREC_REFUSED, "1xZX5z-0008Cd-1d", "<promo@bulk.example.com>",
	  NULL, OUTCOME_NONE, STAGE_DATA },
	{ "1xZiMT-00067j-1d H=(client.example.com) [::1] "
	  "F=<mime@emalsrv.dhl.com> rejected during MIME ACL checks: no",
	  MAILREC_REFUSED, "1xZiMT-00067j-1d", "<mime@emalsrv.dhl.com>",
	  NULL, OUTCOME_NONE, STAGE_DATA },
	{ "1xZiMT-00067s-2N => blackhole (DATA ACL discarded recipients): "
	  "discarded at DATA", MAILREC_DISCARDED, "1xZiMT-00067s-2N", NULL,
	  NULL, OUTCOME_NONE, STAGE_NONE },
	{ "H=(client.example.com) [::1] incomplete transaction (RSET) from "
	  "<y@emalsrv.linkedin.com>", MAILREC_OTHER, NULL,
	  "<y@emalsrv.linkedin.com>", NULL, OUTCOME_NONE, STAGE_NONE },
	{ "SMTP connection from [127.0.0.1] (TCP/IP connection count = 1)",
	  MAILREC_OTHER, NULL, NULL, NULL, OUTCOME_NONE, STAGE_NONE },
	{ "exim 4.96 daemon started: pid=1, no queue runs", MAILREC_OTHER,
	  NULL, NULL, NULL, OUTCOME_NONE, STAGE_NONE },
};

/* check - one line's record against its case */
static void check(struct normalizer *norm, const char *line,
		  const struct exim_case *c, const char *form)
{
	struct mailrec log;
	char name[160];
	enum mailrec_kind kind = normalize_line(norm, line, strlen(line), &log);

	snprintf(name, sizeof(name), "%s '%.50s': %s", form, c->line,
		 normalize_kind_name(c->kind));
	tap_is_long(kind, c->kind, name);
	tap_is_long(log.mta, MTA_EXIM, "  read as Exim's");
	tap_is_str(log.qid, c->qid, "  queue id");
	tap_is_str(log.sender, c->sender, "  sender");
	tap_is_str(log.recipients, c->recipients, "  recipients");
	tap_is_long(log.outcome, c->outcome, "  outcome");
	tap_is_long(log.stage, c->stage, "  stage");
	/* only the RCPT ACL's discard is a recipient of a message that
	 * its own "<=" line counts */
	tap_is_long(log.no_message,
		    c->kind == MAILREC_DISCARDED && c->stage == STAGE_RCPT,
		    "  no message of its own (only an RCPT ACL discard)");
}

/* test_cases - every case under an exim4 header and as a mainlog line */
static void test_cases(struct normalizer *norm)
{
	char line[1024];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct mailrec log;

		snprintf(line, sizeof(line), "Dec  4 17:12:25 mx1 exim4[13053]: "
			 "2026-12-04 17:12:25 [13053] %s", cases[i].line);
		check(norm, line, &cases[i], "syslog");
		normalize_line(norm, line, strlen(line), &log);
		tap_is_str(log.program, "exim4", "  program from the header");
		snprintf(line, sizeof(line), "2026-12-04 17:12:25 [13053] %s",
			 cases[i].line);
		check(norm, line, &cases[i], "mainlog");
		normalize_line(norm, line, strlen(line), &log);
		tap_is_str(log.timestamp, "2026-12-04 17:12:25",
			   "  the mainlog's stamp");
		tap_is_str(log.pid, "13053", "  and pid");
		tap_is_str(log.mta_host, NULL, "  and no host");
	}
}

/* test_listed - the pieces of the reject log's copy of a refusal after
 * DATA that list its recipients, and a transaction's end */
static void test_listed(struct normalizer *norm)
{
	static const struct {
		const char *line;
		enum mailrec_listed listed;
		unsigned long piece;
	} pieces[] = {
	    {"Dec  5 05:31:04 mx1 exim[9]: [3\\15] Envelope-to: <a@example.org>",
	     LISTED_FIRST, 3},
	    {"Dec  5 05:31:04 mx1 exim[9]: [4\\15]     <b@example.org>",
	     LISTED_MORE, 4},
	    {"Dec  5 05:31:04 mx1 exim[9]: [12\\15]     ...", LISTED_MORE, 12},
	    {"Dec  5 05:31:04 mx1 exim[9]: [2\\15] Envelope-from: <s@x.example>",
	     LISTED_OTHER, 0},
	};
	static const char rset[] =
	    "2026-12-05 05:31:06 [9] H=(c.example) [::1] incomplete "
	    "transaction (RSET) from <y@emalsrv.linkedin.com>";
	struct mailrec log;

	for (size_t i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		normalize_line(norm, pieces[i].line, strlen(pieces[i].line),
			       &log);
		tap_is_long(log.listed, pieces[i].listed, pieces[i].line);
		tap_is_long((long)log.piece, (long)pieces[i].piece, "  its piece");
		tap_is_long(log.session_edge, 0, "  no session edge");
	}
	normalize_line(norm, rset, strlen(rset), &log);
	tap_is_long(log.session_edge, 1, "an incomplete transaction ends a run");
	tap_is_long(log.listed, LISTED_NONE, "  and lists nothing");
}

/* test_own_prefix - what Exim puts before its message after the syslog
 * tag, in each combination: the first case reads the same under each
 * ("[123] " alone was once taken for the start of a later piece of a
 * split line, "[12"; a stamp with log_timezone's zone went unread) */
static void test_own_prefix(struct normalizer *norm)
{
	static const char *const prefixes[] = {
		"", "[1\\3] ", "[123] ", "[923] ", "[1\\3] [123] ",
		"2026-12-04 17:12:25 ", "[1\\3] 2026-12-04 17:12:25 [123] ",
		"2026-12-04 17:12:25 +0100 [9] ",
	};
	char line[1024];

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		snprintf(line, sizeof(line), "Dec  4 17:12:25 mx1 exim[8]: "
			 "%s%s", prefixes[i], cases[0].line);
		check(norm, line, &cases[0], prefixes[i]);
	}
	snprintf(line, sizeof(line), "Dec  4 17:12:25 mx1 exim[8]: [2\\3] "
		 "%s", cases[0].line);
	check(norm, line, &(const struct exim_case) { cases[0].line,
	      MAILREC_OTHER, NULL, NULL, NULL, OUTCOME_NONE, STAGE_NONE },
	      "a later piece");
}

/* test_without - a normalizer without Exim's rulebase reads no Exim line */
static void test_without(const char *sendmail)
{
	char err[NORMALIZE_ERR_MAX];
	struct normalizer *norm = normalize_open(sendmail, err);
	struct mailrec log;
	static const char *const lines[] = {
		"2026-12-04 17:12:25 1xZX5p-0008Ab-1x Completed",
		"Dec  4 17:12:25 mx1 exim[1]: 1xZX5p-0008Ab-1x Completed",
	};

	if (!tap_ok(norm != NULL, "sendmail.rb alone loads"))
		return;
	for (size_t i = 0; i < 2; i++)
		tap_is_long(normalize_line(norm, lines[i], strlen(lines[i]),
					   &log), MAILREC_UNPARSED,
			    "an Exim line, no Exim rulebase: unparsed");
	normalize_close(norm);
}

int main(void)
{
	const char *top = getenv("TOP");
	char sendmail[4096], exim[4096];
	char err[NORMALIZE_ERR_MAX];
	struct normalizer *norm;

	snprintf(sendmail, sizeof(sendmail), "%s%srulebase/sendmail.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	snprintf(exim, sizeof(exim), "%s%srulebase/exim.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	norm = normalize_open(sendmail, err);
	if (!tap_ok(norm != NULL, "rulebase/sendmail.rb loads")) {
		printf("# %s\n", err);
		return tap_done();
	}
	if (!tap_is_long(normalize_add(norm, MTA_EXIM, exim, err), 0,
			 "rulebase/exim.rb loads as Exim's")) {
		printf("# %s\n", err);
		normalize_close(norm);
		return tap_done();
	}
	test_cases(norm);
	test_listed(norm);
	test_own_prefix(norm);
	normalize_close(norm);
	test_without(sendmail);
	return tap_done();
}
