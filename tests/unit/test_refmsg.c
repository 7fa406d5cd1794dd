/*
 * test_refmsg - verdicts of one SMTP process: the message that refusals
 * at RCPT share, its end at a session edge or a queue id, the copy of
 * a verdict that Exim's syslog_duplication sends twice, and what a
 * session's close adds to what its verdicts counted.
 */
#include <stdio.h>
#include <string.h>

#include "refmsg.h"
#include "tap.h"

/* verdict - a refusal at RCPT by pid, of sender's message, to rcpt */
static struct mailrec verdict(const char *pid, const char *sender,
			      const char *rcpt)
{
	struct mailrec log;

	memset(&log, 0, sizeof(log));
	log.kind = MAILREC_REFUSED;
	log.stage = STAGE_RCPT;
	log.mta_host = "mx1";
	log.program = "postfix/smtpd";
	log.pid = pid;
	log.sender = sender;
	log.recipients = rcpt;
	log.relay_ip = "::1";
	return log;
}

/* test_one_message - one session's refusals of one sender, one message */
static void test_one_message(void)
{
	struct refmsg r;
	struct mailrec a = verdict("7", "<x@a.example>", "<bob@example.org>");
	struct mailrec b = verdict("7", "<x@a.example>", "<eve@example.org>");
	struct mailrec c = verdict("7", "<y@a.example>", "<eve@example.org>");
	struct mailrec d = verdict("8", "<x@a.example>", "<eve@example.org>");
	struct mailrec edge;

	memset(&r, 0, sizeof(r));
	tap_ok(!refmsg_continues(&r, &a), "a first refusal begins a message");
	refmsg_note(&r, &a, 1);
	tap_ok(refmsg_continues(&r, &b), "the next recipient of the same sender, same process: the same message");
	tap_ok(!refmsg_continues(&r, &c), "another sender: another message");
	tap_ok(!refmsg_continues(&r, &d), "another process: another message");
	memset(&edge, 0, sizeof(edge));
	edge.kind = MAILREC_OTHER;
	edge.session_edge = 1;
	edge.mta_host = "mx1";
	edge.program = "postfix/smtpd";
	edge.pid = "7";
	refmsg_line(&r, &edge);
	tap_ok(!refmsg_continues(&r, &b), "after disconnect: a new message");
	refmsg_note(&r, &b, 1);
	edge.session_edge = 0;
	edge.kind = MAILREC_CLIENT;
	refmsg_line(&r, &edge);
	tap_ok(!refmsg_continues(&r, &b), "after a queue id (client=): a new message");
	a.pid = NULL;
	refmsg_note(&r, &a, 1);
	tap_ok(!refmsg_continues(&r, &a), "no pid, no process: each refusal a message");
	b.stage = STAGE_MAIL;
	refmsg_note(&r, &b, 1);
	tap_ok(!refmsg_continues(&r, &b), "a refusal at MAIL is a message of its own");
}

/* test_copies - the reject log's copy, once */
static void test_copies(void)
{
	struct refmsg r;
	struct mailrec a = verdict("9", "<x@a.example>", "<bob@example.org>");
	struct mailrec b = verdict("9", "<x@a.example>", "<eve@example.org>");

	memset(&r, 0, sizeof(r));
	a.may_repeat = b.may_repeat = 1;
	tap_ok(!refmsg_is_copy(&r, &a), "a first verdict is no copy");
	refmsg_note(&r, &a, 1);
	tap_ok(refmsg_is_copy(&r, &a), "the same words next: the copy");
	tap_ok(!refmsg_is_copy(&r, &b), "other words: no copy");
	refmsg_copy_seen(&r, &a);
	tap_ok(!refmsg_is_copy(&r, &a), "a third alike is no copy");
	refmsg_note(&r, &b, 1);
	b.may_repeat = 0;
	tap_ok(!refmsg_is_copy(&r, &b), "an MTA that writes verdicts once: no copy");
}

/* accepted - an ACCEPTED line of pid, qid and sender */
static struct mailrec accepted(const char *program, const char *pid,
			       const char *qid, const char *sender)
{
	struct mailrec log;

	memset(&log, 0, sizeof(log));
	log.kind = MAILREC_ACCEPTED;
	log.mta_host = "mx1";
	log.program = program;
	log.pid = pid;
	log.qid = qid;
	log.sender = sender;
	return log;
}

/* test_partly_taken - some recipients refused, the others taken: the
 * refusals counted the message, its ACCEPTED line does not again */
static void test_partly_taken(void)
{
	struct refmsg r;
	struct mailrec no = verdict("7", "<x@a.example>", "<nobody@example.org>");
	struct mailrec client = accepted("postfix/smtpd", "7", "4A1B2C3D4E", NULL);
	struct mailrec qmgr = accepted("postfix/qmgr", "9", "4A1B2C3D4E",
				       "<x@a.example>");
	struct mailrec other = accepted("postfix/qmgr", "9", "5F00000000",
					"<x@a.example>");
	struct mailrec exim = accepted("exim", "7", "1xZZl4-00063O-31",
				       "x@a.example");

	memset(&r, 0, sizeof(r));
	client.kind = MAILREC_CLIENT;
	refmsg_note(&r, &no, 1);
	refmsg_line(&r, &client);
	tap_ok(refmsg_counted(&r, &qmgr), "Postfix: the queue id that smtpd gave the refused message: counted already");
	tap_ok(!refmsg_counted(&r, &other), "another queue id: a message of its own");
	refmsg_accepted(&r, &qmgr);
	tap_ok(!refmsg_counted(&r, &qmgr), "once: the queue id is done");

	memset(&r, 0, sizeof(r));
	exim.program = no.program;	/* the refusing process */
	refmsg_note(&r, &no, 1);
	tap_ok(refmsg_counted(&r, &exim), "Exim: the arrival in the refusing process, same sender: counted already");
	exim.sender = "y@a.example";
	tap_ok(!refmsg_counted(&r, &exim), "another sender: a message of its own");
	exim.sender = "x@a.example";
	refmsg_accepted(&r, &exim);
	tap_ok(!refmsg_counted(&r, &exim), "the arrival ends the run");

	memset(&r, 0, sizeof(r));
	no.no_message = 1;
	refmsg_note(&r, &no, 0);
	tap_ok(!refmsg_counted(&r, &exim), "refusals that counted no message (an ACL's discard): the arrival counts it");
}

/* test_full - a table full of other processes forgets the oldest */
static void test_full(void)
{
	static char pids[REFMSG_SLOTS + 1][8];
	struct refmsg r;
	struct mailrec a = verdict("x", "<x@a.example>", "<bob@example.org>");

	memset(&r, 0, sizeof(r));
	for (int i = 0; i <= REFMSG_SLOTS; i++) {
		snprintf(pids[i], sizeof(pids[i]), "%d", i + 1);
		a.pid = pids[i];
		refmsg_note(&r, &a, 1);
	}
	a.pid = pids[0];
	tap_ok(!refmsg_continues(&r, &a), "the oldest process forgotten: a new message");
	a.pid = pids[REFMSG_SLOTS];
	a.recipients = "<eve@example.org>";
	tap_ok(refmsg_continues(&r, &a), "the newest remembered");
}

/* test_churn - processes that come and go three times round the table:
 * the latest REFMSG_SLOTS are found, each with its own queue id; the
 * others, and the queue ids their slots gave, are forgotten */
static void test_churn(void)
{
	enum { N = 3 * REFMSG_SLOTS + 5 };
	static char pids[N][8], qids[N][12];
	struct refmsg r;
	struct mailrec a = verdict("x", "<x@a.example>", "<bob@example.org>");
	struct mailrec client = accepted("postfix/smtpd", "x", "x", NULL);
	struct mailrec qmgr = accepted("postfix/qmgr", "1", "x", "<x@a.example>");
	const struct refmsg_who who = {"mx1", 3, "postfix/qmgr", 12, "1", 1};
	int found = 0, counted = 0;

	memset(&r, 0, sizeof(r));
	client.kind = MAILREC_CLIENT;
	for (int i = 0; i < N; i++) {
		snprintf(pids[i], sizeof(pids[i]), "%d", 1000 + i);
		snprintf(qids[i], sizeof(qids[i]), "Q%d", i);
		a.pid = client.pid = pids[i];
		client.qid = qids[i];
		refmsg_note(&r, &a, 1);
		refmsg_line(&r, &client);
		refmsg_note(&r, &a, 1); /* a run again, after the queue id */
	}
	a.recipients = "<eve@example.org>";
	for (int i = 0; i < N; i++) {
		a.pid = pids[i];
		qmgr.qid = qids[i];
		found += refmsg_continues(&r, &a) == (i >= N - REFMSG_SLOTS);
		counted += refmsg_counted(&r, &qmgr) == (i >= N - REFMSG_SLOTS);
	}
	tap_is_long(found, N, "the latest processes are found, the others forgotten");
	tap_is_long(counted, N, "the queue ids of the latest are counted, the others' forgotten");
	for (int i = N - REFMSG_SLOTS; i < N; i += 2) {
		qmgr.qid = qids[i];
		refmsg_accepted(&r, &qmgr);
		counted += !refmsg_counted(&r, &qmgr);
	}
	tap_is_long(counted, N + REFMSG_SLOTS / 2, "each queue id done once: not counted again");
	for (int i = 0; i < REFMSG_SLOTS; i++) {
		snprintf(pids[i], sizeof(pids[i]), "%d", 9000 + i);
		a.pid = pids[i];
		refmsg_note(&r, &a, 1); /* a new process, no queue id */
	}
	counted = 0;
	for (int i = 0; i < N; i++) {
		qmgr.qid = qids[i];
		counted += refmsg_counted(&r, &qmgr)
			   + refmsg_accepted_matters(&r, &who, qids[i],
						     strlen(qids[i]));
	}
	tap_is_long(counted, 0, "the slots taken by new processes: every queue id forgotten");
}

/* test_retry - a recipient refused again is a new transaction's */
static void test_retry(void)
{
	struct refmsg r;
	struct mailrec a = verdict("7", "<x@a.example>", "<alice@example.org>");
	struct mailrec b = verdict("7", "<x@a.example>", "<bob@example.org>");

	memset(&r, 0, sizeof(r));
	refmsg_note(&r, &a, 1);
	tap_ok(refmsg_continues(&r, &b), "another recipient: the same message");
	refmsg_note(&r, &b, 0);
	tap_ok(!refmsg_continues(&r, &a), "the first recipient again (RSET, MAIL, RCPT): a new message");
	refmsg_note(&r, &a, 1);
	tap_ok(refmsg_continues(&r, &b), "and its next recipient is that one's");

	memset(&r, 0, sizeof(r));
	a.may_repeat = 1;
	refmsg_note(&r, &a, 1);
	tap_ok(refmsg_is_copy(&r, &a), "Exim: the reject log's copy next is a copy");
	refmsg_copy_seen(&r, &a);
	tap_ok(!refmsg_is_copy(&r, &a) && !refmsg_continues(&r, &a),
	       "the same refusal a third time: a new transaction's, a new message");
}

/* edge - smtpd's disconnect line, or a CLIENT line (qid set), of pid */
static struct mailrec edge(const char *pid, const char *qid)
{
	struct mailrec log;

	memset(&log, 0, sizeof(log));
	log.kind = qid != NULL ? MAILREC_CLIENT : MAILREC_OTHER;
	log.session_edge = qid == NULL;
	log.mta_host = "mx1";
	log.program = "postfix/smtpd";
	log.pid = pid;
	log.qid = qid;
	return log;
}

/* discarded - what smtpd's DISCARD at RCPT counts: a message, the
 * recipient it names, its queue id next */
static const struct refmsg_tally discarded = {1, 0, 1, MAILREC_DISCARDED, 0, 1};

/* test_owed - a verdict is kept for its session's close: smtpd's own
 * (NOQUEUE) or cleanup's of the session's queue id */
static void test_owed(void)
{
	struct refmsg r;
	struct mailrec smtpd = verdict("7", "<a@emalsrv.ups.com>",
				       "<alice@example.org>");
	struct mailrec cleanup = verdict("20", "<a@emalsrv.ups.com>",
					 "<bob@example.org>");
	struct mailrec close7 = edge("7", NULL), close8 = edge("8", NULL);
	struct mailrec client7 = edge("7", "39EB9118369");
	struct mailrec client8 = edge("8", "4A1B2C3D4E");
	const struct refmsg_owed *o;

	memset(&r, 0, sizeof(r));
	smtpd.kind = MAILREC_DISCARDED;
	refmsg_note(&r, &smtpd, 1);
	refmsg_owe(&r, &smtpd, "ups.com", "emalsrv.ups.com", &discarded);
	o = refmsg_owed(&r, &close7);
	tap_ok(o != NULL && o->messages == 1 && o->taken == 1
	       && o->untold == 1u << MAILREC_DISCARDED && o->runs_taken == -1
	       && strcmp(o->phished, "ups.com") == 0
	       && strcmp(o->sender_host, "emalsrv.ups.com") == 0,
	       "smtpd's discard: kept for its session's close");
	refmsg_line(&r, &client7);
	tap_ok(refmsg_owed(&r, &close7)->runs_taken == 0,
	       "its client= line: the queue id of the message it ended");
	tap_ok(refmsg_owed(&r, &close8) == NULL, "another session owes nothing");
	refmsg_note(&r, &smtpd, 1);
	refmsg_owe(&r, &smtpd, "ups.com", "emalsrv.ups.com", &discarded);
	refmsg_line(&r, &client7);
	o = refmsg_owed(&r, &close7);
	tap_ok(o->messages == 2 && o->taken == 2 && o->runs_taken == 0,
	       "a second discard in the session adds to the first");
	refmsg_paid(&r, &close7);
	tap_ok(refmsg_owed(&r, &close7) == NULL, "paid: owed no more");

	cleanup.kind = MAILREC_DISCARDED;
	cleanup.program = "postfix/cleanup";
	cleanup.stage = STAGE_DATA;
	cleanup.qid = "5F00000000";
	refmsg_owe(&r, &cleanup, "ups.com", "emalsrv.ups.com", &discarded);
	tap_ok(refmsg_owed(&r, &close8) == NULL,
	       "cleanup's discard of a queue id no session gave: nothing owed");
	refmsg_line(&r, &client8);
	cleanup.qid = "4A1B2C3D4E";
	refmsg_owe(&r, &cleanup, "ups.com", "emalsrv.ups.com", &discarded);
	tap_ok(refmsg_owed(&r, &close8) != NULL,
	       "cleanup's discard of the queue id smtpd's client= gave: that session owes");
	refmsg_owe(&r, &cleanup, "dhl.com", "emalsrv.dhl.com", &discarded);
	o = refmsg_owed(&r, &close8);
	tap_ok(o->mixed && o->messages == 1,
	       "another campaign's verdict in the session: mixed, not added");
}

#define DISC (1u << MAILREC_DISCARDED)
#define REFU (1u << MAILREC_REFUSED)

/* What a session's verdicts kept, its close, and what the close adds. */
struct settle_case {
	unsigned long messages, refused, taken;
	unsigned untold;
	int mixed;
	long runs_taken;
	struct mailrec_session close;
	unsigned long want_messages, want_recipients;
	enum mailrec_kind want_kind;
	const char *name;
};

static const struct settle_case settle_cases[] = {
	/* every RCPT refused, each the campaign's: one message a transaction */
	{1, 2, 0, 0, 0, 0, {1, 2, 0, 2}, 1, 0, 0,
	 "mail=2 rcpt=0/2, one message counted: two (RSET, another recipient)"},
	{1, 2, 0, 0, 0, 0, {1, 1, 0, 2}, 0, 0, 0, "mail=1 rcpt=0/2: one, as counted"},
	{1, 4, 0, 0, 0, 0, {1, 3, 0, 4}, 2, 0, 0, "mail=3 rcpt=0/4, one counted: three"},
	{1, 4, 0, 0, 0, 0, {1, 5, 0, 4}, 3, 0, 0,
	 "mail=5 rcpt=0/4: four, no more messages than refusals"},
	{1, 4, 0, 0, 0, 0, {1, 2, 0, 5}, 0, 0, 0,
	 "a refusal the campaign did not count (another sender's): nothing told"},
	{1, 4, 0, 0, 0, 0, {1, 2, 1, 5}, 0, 0, 0,
	 "a recipient taken besides: nothing told"},
	{2, 2, 0, 0, 0, 0, {1, 1, 0, 2}, 0, 0, 0,
	 "one recipient refused twice in one transaction: two, none taken away"},
	{1, 2, 0, 0, 1, 0, {1, 2, 0, 2}, 0, 0, 0, "two campaigns' verdicts: nothing told"},
	{1, 2, 0, 0, 0, 0, {0, 0, 0, 0}, 0, 0, 0, "a close that counts nothing tells nothing"},
	/* every transaction its message: what the session took, theirs */
	{2, 0, 2, DISC, 0, 0, {1, 2, 3, 3}, 0, 1, MAILREC_DISCARDED,
	 "two discards, mail=2 rcpt=3: one more recipient discarded"},
	{2, 0, 2, DISC, 0, 0, {1, 3, 3, 3}, 0, 0, 0,
	 "a transaction that is not one of its messages: nothing told"},
	{2, 0, 2, DISC, 0, 1, {1, 2, 3, 3}, 0, 0, 0,
	 "a message whose recipients were taken and counted elsewhere: nothing told"},
	{1, 0, 2, REFU, 0, 0, {1, 1, 3, 3}, 0, 1, MAILREC_REFUSED,
	 "refused at DATA, no recipient named (two counted), rcpt=3: one more refused"},
	{1, 0, 2, REFU, 0, 0, {1, 1, 2, 2}, 0, 0, 0, "rcpt=2: as counted"},
	{1, 1, 1, 0, 0, 0, {1, 1, 1, 2}, 0, 0, 0,
	 "a refusal at DATA that named its one recipient: nothing more"},
	{2, 0, 2, REFU | DISC, 0, 0, {1, 2, 3, 3}, 0, 0, 0,
	 "a discard and a refusal, neither naming all: whose is not told"},
};

/* test_settle - what a session's close adds to what its verdicts kept */
static void test_settle(void)
{
	for (size_t i = 0; i < sizeof(settle_cases) / sizeof(settle_cases[0]);
	     i++) {
		const struct settle_case *c = &settle_cases[i];
		struct refmsg_owed o;
		struct refmsg_due d;
		int have;

		memset(&o, 0, sizeof(o));
		o.due = 1;
		o.messages = c->messages;
		o.refused = c->refused;
		o.taken = c->taken;
		o.untold = c->untold;
		o.mixed = c->mixed;
		o.runs_taken = c->runs_taken;
		have = refmsg_settle(&o, &c->close, &d);
		tap_ok(have == (c->want_messages + c->want_recipients > 0)
		       && d.messages == c->want_messages
		       && d.recipients == c->want_recipients
		       && (c->want_recipients == 0 || d.kind == c->want_kind),
		       c->name);
	}
}

/* test_matters - the questions a caller asks before it skips a parse:
 * the same process, told from the header's pieces, as from the record */
static void test_matters(void)
{
	struct refmsg r;
	struct mailrec a = verdict("7", "<x@a.example>", "<bob@example.org>");
	struct mailrec client, cleanup;
	const struct refmsg_who seven = { "mx1", 3, "postfix/smtpd", 13, "7", 1 };
	const struct refmsg_who eight = { "mx1", 3, "postfix/smtpd", 13, "8", 1 };
	const struct refmsg_who nopid = { "mx1", 3, "postfix/smtpd", 13, NULL, 0 };
	const struct refmsg_who qmgr = { "mx1", 3, "postfix/qmgr", 12, "9", 1 };

	memset(&r, 0, sizeof(r));
	tap_ok(!refmsg_edge_matters(&r, &seven), "an empty table: no edge matters");
	refmsg_note(&r, &a, 1);
	tap_ok(refmsg_edge_matters(&r, &seven), "the edge of a process with a run open matters");
	tap_ok(!refmsg_edge_matters(&r, &eight), "another process's does not");
	tap_ok(!refmsg_edge_matters(&r, &nopid), "nor one that names no pid");
	tap_ok(refmsg_accepted_matters(&r, &seven, "Q1", 2),
	       "an arrival in a process with a run open matters");
	tap_ok(!refmsg_accepted_matters(&r, &qmgr, "Q1", 2),
	       "one of another process and queue id does not");
	client = a;
	client.kind = MAILREC_CLIENT;
	client.qid = "Q1";
	refmsg_line(&r, &client);
	tap_ok(!refmsg_edge_matters(&r, &seven), "a queue id ended the run");
	tap_ok(refmsg_accepted_matters(&r, &qmgr, "Q1", 2),
	       "but qmgr's line of the queue id the run counted matters");
	tap_ok(!refmsg_accepted_matters(&r, &qmgr, "Q12", 3),
	       "another queue id's does not");
	cleanup = a;
	cleanup.qid = "Q1";
	refmsg_owe(&r, &cleanup, "a.example", "a.example", &discarded);
	tap_ok(refmsg_edge_matters(&r, &seven),
	       "the close of a session whose verdicts were kept matters");
}

/* piece - a piece K of the list of pid's refusal after DATA */
static struct mailrec piece(const char *pid, enum mailrec_listed listed,
			    unsigned long k)
{
	struct mailrec log = verdict(pid, NULL, NULL);

	log.kind = MAILREC_OTHER;
	log.stage = STAGE_NONE;
	log.listed = listed;
	log.piece = k;
	return log;
}

/* test_list - the recipients the reject log's copy of a refusal after
 * DATA lists: each after the first one more, while they go on */
static void test_list(void)
{
	struct refmsg r;
	struct mailrec data = verdict("7", "<x@a.example>", NULL);
	struct mailrec first = piece("7", LISTED_FIRST, 3);
	struct mailrec more = piece("7", LISTED_MORE, 4);
	struct mailrec other;
	const struct refmsg_listing *l;
	int n = 0;

	data.stage = STAGE_DATA;
	data.may_repeat = 1;
	memset(&r, 0, sizeof(r));
	tap_ok(refmsg_list_adds(&r, &more) == NULL, "no refusal: no list");
	refmsg_note(&r, &data, 1);
	refmsg_list_open(&r, &data, "a.example", "x.a.example");
	refmsg_line(&r, &data); /* its copy */
	other = piece("7", LISTED_OTHER, 0);
	refmsg_list_piece(&r, &other); /* Envelope-from, before the list */
	tap_ok(refmsg_list_adds(&r, &first) == NULL, "the first recipient was counted");
	refmsg_list_piece(&r, &first);
	l = refmsg_list_adds(&r, &more);
	tap_ok(l != NULL && strcmp(l->phished, "a.example") == 0,
	       "the next piece, after another piece before the list: one more of the refusal's campaign");
	for (more.piece = 4; refmsg_list_adds(&r, &more) != NULL; more.piece++) {
		refmsg_list_piece(&r, &more);
		n++;
	}
	tap_is_long(n, REFMSG_LISTED_MORE, "five more at most");
	refmsg_list_open(&r, &data, "a.example", "x.a.example");
	refmsg_list_piece(&r, &first);
	more.piece = 5;
	tap_ok(refmsg_list_adds(&r, &more) == NULL, "a gap: nothing");
	refmsg_list_piece(&r, &more);
	more.piece = 4;
	tap_ok(refmsg_list_adds(&r, &more) == NULL, "and the list is over");
	refmsg_list_open(&r, &data, "a.example", "x.a.example");
	refmsg_list_piece(&r, &first);
	refmsg_list_piece(&r, &other); /* a header */
	more.piece = 4;
	tap_ok(refmsg_list_adds(&r, &more) == NULL,
	       "another piece after the list's first ends it");
	refmsg_list_open(&r, &data, "a.example", "x.a.example");
	refmsg_list_piece(&r, &first);
	data.sender = "<y@b.example>";
	refmsg_line(&r, &data);
	tap_ok(refmsg_list_adds(&r, &more) == NULL,
	       "another line of the process ends the list");
	tap_is_long((long)r.lists, 0, "no list open");
}

int main(void)
{
	test_one_message();
	test_copies();
	test_partly_taken();
	test_full();
	test_churn();
	test_retry();
	test_owed();
	test_settle();
	test_matters();
	test_list();
	return tap_done();
}
