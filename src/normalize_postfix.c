/*
 * normalize_postfix - Postfix's map onto struct mailrec.
 *
 * NAME
 *	normalize_postfix - the Postfix part of normalize
 *
 * SUMMARY
 *	normalize_postfix is the struct normalize_mta of Postfix's daemons
 *	(postfix/NAME and, for another instance, postfix-INSTANCE/NAME):
 *	the rule tags and field names of rulebase/postfix.rb, and
 *	postfix_record(), which turns one line's tag and fields into the
 *	MTA-neutral record (see mailrec.h).
 *
 * DESCRIPTION
 *	Postfix spreads a message over daemons that share its queue id:
 *	smtpd's client= (CLIENT, the relay), qmgr's from= (ACCEPTED, the
 *	sender, once per delivery attempt of the queue file), one to= line
 *	per recipient and attempt (DELIVERY, its status= word the
 *	outcome), qmgr's removed (FINISHED).  cleanup's message-id= is
 *	OTHER with msgid set.  smtpd and milter verdicts name their stage
 *	("RCPT from", "MAIL from", "END-OF-MESSAGE from"): reject is
 *	REFUSED, discard DISCARDED, with the sender and recipient the line
 *	gives; so are cleanup's header_checks and body_checks verdicts
 *	("QID: discard: header Subject: .. from h[ip]; from=<s> to=<r>
 *	..."), at stage DATA.  "NOQUEUE" is no queue id.  A verdict that
 *	ends the message before qmgr ever sees it (a discard, which drops
 *	the whole message, and any verdict at DATA, at the end of the
 *	message or on its content) is ends_message: a message of its own,
 *	with its sender, and its queue id, kept, ties it to what came
 *	before (recipients refused under it, the smtpd session whose
 *	client= line gave it).  A recipient refused at RCPT under a queue
 *	id belongs to that id's message, which goes on with its other
 *	recipients.
 *	hold, warn and the other actions change nothing and are OTHER, as
 *	are bounce notices and daemon chatter.  smtpd's "connect from" and
 *	"disconnect from" are OTHER with session_edge set: one smtpd process
 *	serves session after session, and its NOQUEUE verdicts of one
 *	session's message are told from the next session's by them; the
 *	disconnect line's command counts ("mail=2 rcpt=1/3 ...") give
 *	session: its transactions, the recipients it took and those it
 *	tried, which tell how many messages and recipients the session's
 *	verdicts stood for where their lines do not say (refmsg.h).
 *	smtpd's data and end-of-data restrictions name the recipient of a
 *	message that had one and none of one that had more (rcpts_said);
 *	cleanup's verdicts name its last.
 */
#include <ctype.h>
#include <string.h>

#include "normalize_postfix.h"
#include "sysloghdr.h"

/* Rule tags of postfix.rb; the index is what to_record() is given. */
enum postfix_tag {
	TAG_CLIENT,
	TAG_MSGID,
	TAG_FROM,
	TAG_EXPIRED,
	TAG_TO,
	TAG_REMOVED,
	TAG_DSN,
	TAG_REJECT,
	TAG_DISCARD,
	TAG_ACTION,
	TAG_SESSION,
	TAG_OTHER
};

static const char *const postfix_tags[] = {[TAG_CLIENT] = "client",
					   [TAG_MSGID] = "msgid",
					   [TAG_FROM] = "from",
					   [TAG_EXPIRED] = "expired",
					   [TAG_TO] = "to",
					   [TAG_REMOVED] = "removed",
					   [TAG_DSN] = "dsn",
					   [TAG_REJECT] = "reject",
					   [TAG_DISCARD] = "discard",
					   [TAG_ACTION] = "smtpd-action",
					   [TAG_SESSION] = "session",
					   [TAG_OTHER] = "postfix-other",
					   NULL};

/* Field names of postfix.rb that the record takes; slot indexes. */
enum postfix_field {
	F_QID,
	F_RELAY_HOST,
	F_RELAY_IP,
	F_MSGID,
	F_FROM,
	F_SIZE,
	F_NRCPT,
	F_TO,
	F_DSN,
	F_STATUS,
	F_STAGE,
	F_REPLY,
	F_PROTO,
	F_COMMANDS,
	F_ACTION
};

static const char *const postfix_fields[] = {
    [F_QID] = "qid",           [F_RELAY_HOST] = "relay_host",
    [F_RELAY_IP] = "relay_ip", [F_MSGID] = "msgid",
    [F_FROM] = "from",         [F_SIZE] = "size",
    [F_NRCPT] = "nrcpt",       [F_TO] = "to",
    [F_DSN] = "dsn",           [F_STATUS] = "status",
    [F_STAGE] = "stage",       [F_REPLY] = "reply",
    [F_PROTO] = "proto",       [F_COMMANDS] = "commands",
    [F_ACTION] = "action",     NULL};

/* normalize_postfix_outcome - a to= line's status= word; expired is a
 * failure for good, the address probes (deliverable, undeliverable)
 * deliver nothing */
enum mailrec_outcome normalize_postfix_outcome(const char *status)
{
	if (status == NULL)
		return OUTCOME_NONE;
	if (strcmp(status, "sent") == 0)
		return OUTCOME_SENT;
	if (strcmp(status, "deferred") == 0)
		return OUTCOME_DEFERRED;
	if (strcmp(status, "bounced") == 0 || strcmp(status, "expired") == 0)
		return OUTCOME_BOUNCED;
	return OUTCOME_NONE;
}

/* normalize_postfix_stage - the SMTP command or event smtpd, cleanup or a
 * milter names before " from HOST[IP]" */
enum mailrec_stage normalize_postfix_stage(const char *stage)
{
	static const struct {
		const char *name;
		enum mailrec_stage stage;
	} stages[] = {
	    {"CONNECT", STAGE_CONNECT},
	    {"HELO", STAGE_CONNECT},
	    {"EHLO", STAGE_CONNECT},
	    {"MAIL", STAGE_MAIL},
	    {"RCPT", STAGE_RCPT},
	    {"DATA", STAGE_DATA},
	    {"BDAT", STAGE_DATA},
	    {"END-OF-MESSAGE", STAGE_DATA},
	    /* cleanup's header_checks, body_checks */
	    {"header", STAGE_DATA},
	    {"body", STAGE_DATA},
	    {"content", STAGE_DATA},
	};

	if (stage == NULL)
		return STAGE_NONE;
	for (size_t i = 0; i < sizeof(stages) / sizeof(stages[0]); i++)
		if (strcmp(stage, stages[i].name) == 0)
			return stages[i].stage;
	return STAGE_OTHER;
}

/* postfix_number - the digits at *p as a number (bounded), *p moved
 * past them; -1 when there are none */
static long postfix_number(const char **p)
{
	long n = 0;

	if (!isdigit((unsigned char)**p))
		return -1;
	for (; isdigit((unsigned char)**p); (*p)++)
		if (n < 1000000)
			n = n * 10 + (**p - '0');
	return n < 1000000 ? n : -1;
}

/* postfix_count - a disconnect line's "name=N" (N commands, all taken)
 * or "name=N/M" (N taken of M) in commands: N, and M in *tries; 0 and
 * 0 when absent (smtpd writes no count of a command never given), -1
 * when not a count */
static long postfix_count(const char *commands, const char *name, long *tries)
{
	size_t len = strlen(name);
	const char *p;
	long n;

	*tries = 0;
	for (p = commands; (p = strstr(p, name)) != NULL; p += len)
		if ((p == commands || p[-1] == ' ') && p[len] == '=')
			break;
	if (p == NULL)
		return 0;
	p += len + 1;
	*tries = n = postfix_number(&p);
	if (n >= 0 && *p == '/') {
		p++;
		*tries = postfix_number(&p);
	}
	return n >= 0 && *tries >= n && (*p == '\0' || *p == ' ') ? n : -1;
}

/* normalize_postfix_session - what smtpd's disconnect line counts of
 * its session ("ehlo=1 mail=2 rcpt=1/3 data=1 rset=1 quit=1
 * commands=8/10": two transactions, one recipient taken of three
 * tried), out->told 0 when the counts are not there or not counts */
void normalize_postfix_session(const char *commands,
			       struct mailrec_session *out)
{
	long commands_taken, commands_tried, mails, mails_tried, rcpts,
	    rcpt_tries;

	memset(out, 0, sizeof(*out));
	if (commands == NULL)
		return;
	/* a line with no commands= total is no disconnect line we know */
	commands_taken = postfix_count(commands, "commands", &commands_tried);
	if (commands_taken <= 0)
		return;
	mails = postfix_count(commands, "mail", &mails_tried);
	rcpts = postfix_count(commands, "rcpt", &rcpt_tries);
	if (mails < 0 || rcpts < 0)
		return;
	out->told = 1;
	out->mails = (unsigned long)mails;
	out->rcpts = (unsigned long)rcpts;
	out->rcpt_tries = (unsigned long)rcpt_tries;
}

/* postfix_verdict - a reject or discard line: its stage, sender,
 * recipient and reply; its queue id kept, whose client= line ties it
 * to its session */
static void postfix_verdict(enum mailrec_kind kind, const char *const slot[],
			    struct mailrec *out)
{
	out->kind = kind;
	out->stage = normalize_postfix_stage(slot[F_STAGE]);
	/* no qmgr line will follow */
	out->ends_message =
	    kind == MAILREC_DISCARDED || out->stage == STAGE_DATA;
	/* smtpd's data and end-of-data restrictions name the recipient of
	 * a message that has one, and none of one that has more */
	if (kind == MAILREC_REFUSED && out->stage == STAGE_DATA
	    && slot[F_ACTION] != NULL && strcmp(slot[F_ACTION], "reject") == 0
	    && slot[F_STAGE] != NULL && isupper((unsigned char)*slot[F_STAGE]))
		out->rcpts_said = slot[F_TO] != NULL ? RCPTS_ONE : RCPTS_MANY;
	out->sender = slot[F_FROM];
	out->recipients = slot[F_TO];
	out->reason = slot[F_REPLY];
	out->proto = slot[F_PROTO];
}

/* postfix_record - one line's tag and fields as a struct mailrec */
static void postfix_record(int tag, const char *const slot[],
			   struct mailrec *out)
{
	out->qid = slot[F_QID];
	if (out->qid != NULL && strcmp(out->qid, "NOQUEUE") == 0)
		out->qid = NULL;
	out->relay_host = slot[F_RELAY_HOST];
	out->relay_ip = slot[F_RELAY_IP];
	out->relay_ip_bare = 1; /* client=host[2001:db8::1] */
	out->msgid = slot[F_MSGID];
	out->kind = MAILREC_OTHER;
	switch (tag) {
	case TAG_CLIENT:
		out->kind = MAILREC_CLIENT;
		break;
	case TAG_FROM:
		out->kind = MAILREC_ACCEPTED;
		out->sender = slot[F_FROM];
		out->size = slot[F_SIZE];
		out->nrcpts = slot[F_NRCPT];
		break;
	case TAG_TO:
		out->kind = MAILREC_DELIVERY;
		out->recipients = slot[F_TO];
		out->dsn = slot[F_DSN];
		out->status = slot[F_STATUS];
		out->outcome = normalize_postfix_outcome(slot[F_STATUS]);
		break;
	case TAG_EXPIRED:
		out->kind = MAILREC_DELIVERY;
		out->outcome = OUTCOME_BOUNCED;
		out->all_pending = 1;
		break;
	case TAG_REMOVED:
		out->kind = MAILREC_FINISHED;
		break;
	case TAG_REJECT:
		postfix_verdict(MAILREC_REFUSED, slot, out);
		break;
	case TAG_DISCARD:
		postfix_verdict(MAILREC_DISCARDED, slot, out);
		break;
	case TAG_SESSION:
		out->session_edge = 1;
		normalize_postfix_session(slot[F_COMMANDS], &out->session);
		break;
	default:
		break;
	}
}

const struct normalize_mta normalize_postfix = {
    .mta = MTA_POSTFIX,
    .name = "postfix",
    .program_is = sysloghdr_postfix,
    .tags = postfix_tags,
    .fields = postfix_fields,
    .to_record = postfix_record,
};
