/*
 * normalize_sendmail - sendmail's map onto struct mailrec.
 *
 * NAME
 *	normalize_sendmail - the sendmail part of normalize
 *
 * SUMMARY
 *	normalize_sendmail is the struct normalize_mta of sm-mta, sendmail
 *	and sm-msp-queue: the rule tags and field names of
 *	rulebase/sendmail.rb, and sendmail_record(), which turns one line's
 *	tag and fields into the MTA-neutral record (see mailrec.h).
 *
 * DESCRIPTION
 *	A ruleset line says reject or discard; reject wins when a line
 *	says both, as sendmail acts on it.  Its ruleset gives the stage:
 *	check_mail's arg1 is the sender, check_rcpt's a recipient.  A
 *	ruleset line with neither verdict (quarantine) changes nothing and
 *	is OTHER.  stat= is sendmail's own text: "Sent" and "Deferred" say
 *	the outcome, otherwise the DSN's class does (4: deferred, 5:
 *	bounced), and for the few permanent failures logged without one
 *	(a local mailer's "User unknown"), the words.  A to= line without
 *	mailer= that says none of these is REJECTED: sendmail writes one
 *	for each recipient of a message it refused after the data (a
 *	milter's "Milter: data, reject=", a REFUSED line at DATA that counts
 *	nothing itself).  DSN, AUTH,
 *	STARTTLS and lost-connection lines are OTHER: no stage counts them.
 */
#include <string.h>
#include <strings.h>

#include "normalize_sendmail.h"
#include "sysloghdr.h"

/* Rule tags of sendmail.rb; the index is what to_record() is given. */
enum sendmail_tag {
	TAG_FROM,
	TAG_TO,
	TAG_RULESET,
	TAG_DISCARDED,
	TAG_DSN,
	TAG_LOST_INPUT,
	TAG_NO_MAIL,
	TAG_AUTH,
	TAG_STARTTLS,
	TAG_MILTER,
	TAG_OTHER
};

static const char *const sendmail_tags[] = {[TAG_FROM] = "from",
					    [TAG_TO] = "to",
					    [TAG_RULESET] = "ruleset",
					    [TAG_DISCARDED] = "discarded",
					    [TAG_DSN] = "dsn",
					    [TAG_LOST_INPUT] = "lost-input",
					    [TAG_NO_MAIL] = "no-mail",
					    [TAG_AUTH] = "auth",
					    [TAG_STARTTLS] = "starttls",
					    [TAG_MILTER] = "milter",
					    [TAG_OTHER] = "sendmail-other",
					    NULL};

/* Field names of sendmail.rb that the record takes; slot indexes. */
enum sendmail_field {
	F_QID,
	F_FROM,
	F_SIZE,
	F_NRCPTS,
	F_MSGID,
	F_PROTO,
	F_RELAY_HOST,
	F_RELAY_IP,
	F_RELAY_FORGED,
	F_TO,
	F_DSN,
	F_STAT,
	F_RULESET,
	F_ARG1,
	F_REJECT,
	F_DISCARD,
	F_MAILER,
	F_DELAY,
	F_MILTER_AT
};

static const char *const sendmail_fields[] = {
    [F_QID] = "qid",
    [F_FROM] = "from",
    [F_SIZE] = "size",
    [F_NRCPTS] = "nrcpts",
    [F_MSGID] = "msgid",
    [F_PROTO] = "proto",
    [F_RELAY_HOST] = "relay_host",
    [F_RELAY_IP] = "relay_ip",
    [F_RELAY_FORGED] = "relay_forged", /* present: "(may be forged)" */
    [F_TO] = "to",
    [F_DSN] = "dsn",
    [F_STAT] = "stat",
    [F_RULESET] = "ruleset",
    [F_ARG1] = "arg1",
    [F_REJECT] = "reject",
    [F_DISCARD] = "discard", /* present: the ruleset said so */
    [F_MAILER] = "mailer",
    [F_DELAY] = "delay",
    [F_MILTER_AT] = "milter_at",
    NULL};

/* normalize_sendmail_outcome - sendmail's stat= words, with the DSN class */
enum mailrec_outcome normalize_sendmail_outcome(const char *stat,
						const char *dsn)
{
	if (stat == NULL)
		return OUTCOME_NONE;
	if (strncasecmp(stat, "Sent", 4) == 0)
		return OUTCOME_SENT;
	if (strncasecmp(stat, "Deferred", 8) == 0
	    || (dsn != NULL && dsn[0] == '4'))
		return OUTCOME_DEFERRED;
	if ((dsn != NULL && dsn[0] == '5')
	    || strncasecmp(stat, "User unknown", 12) == 0
	    || strncasecmp(stat, "Service unavailable", 19) == 0
	    || strncasecmp(stat, "Host unknown", 12) == 0)
		return OUTCOME_BOUNCED;
	return OUTCOME_NONE;
}

/* normalize_sendmail_to_outcome - a to= line's outcome: its stat= and
 * dsn=, or, for a line without mailer= that says none, REJECTED */
enum mailrec_outcome normalize_sendmail_to_outcome(const char *stat,
						   const char *dsn, int mailer,
						   int delay)
{
	enum mailrec_outcome outcome = normalize_sendmail_outcome(stat, dsn);

	if (outcome == OUTCOME_NONE && stat != NULL && !mailer && delay)
		return OUTCOME_REJECTED;
	return outcome;
}

/* normalize_sendmail_stage - where in the dialogue a ruleset runs */
enum mailrec_stage normalize_sendmail_stage(const char *ruleset)
{
	static const struct {
		const char *name;
		enum mailrec_stage stage;
	} stages[] = {
	    {"check_relay", STAGE_CONNECT}, {"check_mail", STAGE_MAIL},
	    {"check_rcpt", STAGE_RCPT},     {"check_data", STAGE_DATA},
	    {"check_eoh", STAGE_DATA},      {"check_eom", STAGE_DATA},
	};

	if (ruleset == NULL)
		return STAGE_NONE;
	for (size_t i = 0; i < sizeof(stages) / sizeof(stages[0]); i++)
		if (strcmp(ruleset, stages[i].name) == 0)
			return stages[i].stage;
	return STAGE_OTHER;
}

/* sendmail_relay - the relay= fields, on every line that has them */
static void sendmail_relay(const char *const slot[], struct mailrec *out)
{
	out->relay_host = slot[F_RELAY_HOST];
	out->relay_ip = slot[F_RELAY_IP];
	out->relay_forged = slot[F_RELAY_FORGED] != NULL;
}

/* sendmail_ruleset - a ruleset's reject or discard, at its stage; a
 * line with neither, or with no ruleset named, is OTHER */
static void sendmail_ruleset(const char *const slot[], struct mailrec *out)
{
	out->stage = normalize_sendmail_stage(slot[F_RULESET]);
	if (out->stage == STAGE_NONE
	    || (slot[F_REJECT] == NULL && slot[F_DISCARD] == NULL)) {
		out->stage = STAGE_NONE;
		out->kind = MAILREC_OTHER;
		return;
	}
	out->kind =
	    slot[F_REJECT] != NULL ? MAILREC_REFUSED : MAILREC_DISCARDED;
	out->reason = slot[F_REJECT];
	if (out->stage == STAGE_MAIL)
		out->sender = slot[F_ARG1];
	else if (out->stage == STAGE_RCPT)
		out->recipients = slot[F_ARG1];
}

/* sendmail_delivery - a to= line; one without mailer= that says no
 * outcome is a recipient of a message refused after its data (by a
 * milter or check_eom): no mailer was ever tried */
static void sendmail_delivery(const char *const slot[], struct mailrec *out)
{
	out->kind = MAILREC_DELIVERY;
	out->recipients = slot[F_TO];
	out->dsn = slot[F_DSN];
	out->status = slot[F_STAT];
	out->outcome = normalize_sendmail_to_outcome(slot[F_STAT], slot[F_DSN],
						     slot[F_MAILER] != NULL,
						     slot[F_DELAY] != NULL);
}

/* sendmail_milter - a milter's verdict on the data: a refusal at DATA
 * with its queue id; its recipients' to= lines count it */
static void sendmail_milter(const char *const slot[], struct mailrec *out)
{
	out->kind = MAILREC_REFUSED;
	out->stage =
	    slot[F_MILTER_AT] != NULL && strcmp(slot[F_MILTER_AT], "data") == 0
		? STAGE_DATA
		: STAGE_OTHER;
	out->reason = slot[F_REJECT];
}

/* sendmail_record - one line's tag and fields as a struct mailrec */
static void sendmail_record(int tag, const char *const slot[],
			    struct mailrec *out)
{
	out->qid = slot[F_QID];
	if (out->qid != NULL && strcmp(out->qid, "NOQUEUE") == 0)
		out->qid = NULL;
	sendmail_relay(slot, out);
	out->kind = MAILREC_OTHER;
	switch (tag) {
	case TAG_FROM:
		out->kind = MAILREC_ACCEPTED;
		out->sender = slot[F_FROM];
		out->size = slot[F_SIZE];
		out->nrcpts = slot[F_NRCPTS];
		out->msgid = slot[F_MSGID];
		out->proto = slot[F_PROTO];
		break;
	case TAG_TO:
		sendmail_delivery(slot, out);
		break;
	case TAG_MILTER:
		sendmail_milter(slot, out);
		break;
	case TAG_RULESET:
		sendmail_ruleset(slot, out);
		break;
	case TAG_DISCARDED:
		out->kind = MAILREC_DISCARDED;
		break;
	default:
		break;
	}
}

const struct normalize_mta normalize_sendmail = {
    .mta = MTA_SENDMAIL,
    .name = "sendmail",
    .program_is = sysloghdr_sendmail,
    .tags = sendmail_tags,
    .fields = sendmail_fields,
    .to_record = sendmail_record,
    .lead_field = "qid",
    .lead_other_tag = "sendmail-other",
};
