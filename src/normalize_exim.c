/*
 * normalize_exim - Exim's map onto struct mailrec.
 *
 * NAME
 *	normalize_exim - the Exim part of normalize
 *
 * SUMMARY
 *	normalize_exim is the struct normalize_mta of Exim 4 (syslog
 *	program exim or exim4, and the lines of its own mainlog): the rule
 *	tags and field names of rulebase/exim.rb, and exim_record(), which
 *	turns one line's tag and fields into the MTA-neutral record (see
 *	mailrec.h).
 *
 * DESCRIPTION
 *	Exim says the outcome in the line's own flag: "<=" a message
 *	accepted, "=>" and "->" a recipient delivered, "==" deferred, "**"
 *	bounced, "Completed" the message done.  A delivery's recipient is
 *	the address as it came in (the <...> after a local part or an
 *	alias), else the address delivered to.  "=> blackhole (RCPT ACL
 *	discarded recipients)" is the message an ACL's discard verb
 *	dropped after accepting it: DISCARDED, as sendmail's "discarded";
 *	the line before it for each recipient the ACL discarded ("F=<s>
 *	RCPT <r>: discarded by RCPT ACL") is a DISCARDED at RCPT, with no
 *	queue id yet and no message of its own (no_message): Exim accepts
 *	the message after it and logs its "<=" line, which counts it.  An
 *	arrival's recipients are its "for" list (log_selector
 *	+received_recipients); Exim logs no count.  Refusals give their
 *	stage by their words (rejected MAIL, RCPT, after DATA or during
 *	MIME ACL checks) and the sender as logged: F=<...>, or the MAIL
 *	command's <...> for a MAIL refusal.  Exim writes a refusal (and an
 *	ACL's discard) to its main and its reject log, and with
 *	syslog_duplication (the default) both reach syslog, the same words
 *	twice in a row: such verdicts are marked may_repeat.  The reject
 *	log's copy of a refusal after DATA goes on with pieces that list
 *	the message's recipients ("[3\16] Envelope-to: <r>", "[4\16]
 *	<r>", "[8\16]     ..."): OTHER with listed and the piece's
 *	number; the split line's other pieces (its sender, its headers)
 *	are OTHER with listed LISTED_OTHER, the list's edges.  "incomplete transaction (RSET) from <s>" (log_selector
 *	+smtp_incomplete_transaction) is OTHER with session_edge: the end
 *	of a transaction, and of its run of refusals.  Everything else Exim
 *	says (connections, a remote host's error, daemon chatter, the other
 *	pieces of a line split for syslog) is OTHER.
 */
#include "normalize_exim.h"
#include "sysloghdr.h"

/* Rule tags of exim.rb; the index is what to_record() is given. */
enum exim_tag {
	TAG_ARRIVAL,
	TAG_DELIVERED,
	TAG_DELIVERED_MORE,
	TAG_SUPPRESSED,
	TAG_DEFERRED,
	TAG_BOUNCED,
	TAG_COMPLETED,
	TAG_DISCARDED,
	TAG_REJECTED_RCPT,
	TAG_REJECTED_MAIL,
	TAG_REJECTED_DATA,
	TAG_RCPT_DISCARDED,
	TAG_INCOMPLETE,
	TAG_ENVELOPE_TO,
	TAG_ENVELOPE_MORE,
	TAG_CONNECTION,
	TAG_HOST_ERROR,
	TAG_CONTINUED,
	TAG_OTHER
};

static const char *const exim_tags[] = {
    [TAG_ARRIVAL] = "exim-arrival",
    [TAG_DELIVERED] = "exim-delivered",
    [TAG_DELIVERED_MORE] = "exim-delivered-more",
    [TAG_SUPPRESSED] = "exim-delivery-suppressed",
    [TAG_DEFERRED] = "exim-deferred",
    [TAG_BOUNCED] = "exim-bounced",
    [TAG_COMPLETED] = "exim-completed",
    [TAG_DISCARDED] = "exim-discarded",
    [TAG_REJECTED_RCPT] = "exim-rejected-rcpt",
    [TAG_REJECTED_MAIL] = "exim-rejected-mail",
    [TAG_REJECTED_DATA] = "exim-rejected-data",
    [TAG_RCPT_DISCARDED] = "exim-rcpt-discarded",
    [TAG_INCOMPLETE] = "exim-incomplete",
    [TAG_ENVELOPE_TO] = "exim-envelope-to",
    [TAG_ENVELOPE_MORE] = "exim-envelope-more",
    [TAG_CONNECTION] = "exim-connection",
    [TAG_HOST_ERROR] = "exim-host-error",
    [TAG_CONTINUED] = "exim-continued",
    [TAG_OTHER] = "exim-other",
    NULL};

/* Field names of exim.rb that the record takes; slot indexes. */
enum exim_field {
	F_QID,
	F_FROM,
	F_TO,
	F_ORIG_TO,
	F_SIZE,
	F_MSGID,
	F_PROTO,
	F_RELAY_HOST,
	F_RELAY_IP,
	F_REASON,
	F_RCPTS,
	F_PIECE
};

static const char *const exim_fields[] = {
    [F_QID] = "qid",
    [F_FROM] = "from",
    [F_TO] = "to",
    [F_ORIG_TO] = "orig_to", /* the address as it came in */
    [F_SIZE] = "size",
    [F_MSGID] = "msgid",
    [F_PROTO] = "proto",
    [F_RELAY_HOST] = "relay_host",
    [F_RELAY_IP] = "relay_ip",
    [F_REASON] = "reason",
    [F_RCPTS] = "rcpts", /* an arrival's, +received_recipients */
    [F_PIECE] = "piece", /* K of a syslog piece "[K\\N] " */
    NULL};

/* exim_delivery - one recipient's outcome */
static void exim_delivery(const char *const slot[],
			  enum mailrec_outcome outcome, struct mailrec *out)
{
	out->kind = MAILREC_DELIVERY;
	out->outcome = outcome;
	out->recipients =
	    slot[F_ORIG_TO] != NULL ? slot[F_ORIG_TO] : slot[F_TO];
	out->status = slot[F_REASON];
}

/* exim_refused - an ACL's refusal at its stage */
static void exim_refused(const char *const slot[], enum mailrec_stage stage,
			 struct mailrec *out)
{
	out->kind = MAILREC_REFUSED;
	out->stage = stage;
	out->sender = slot[F_FROM];
	out->recipients = slot[F_TO];
	out->reason = slot[F_REASON];
	out->may_repeat = 1; /* main and reject log, both to syslog */
}

/* exim_arrival - a message accepted: "<= sender ... [for r r ...]" */
static void exim_arrival(const char *const slot[], struct mailrec *out)
{
	out->kind = MAILREC_ACCEPTED;
	out->sender = slot[F_FROM];
	out->size = slot[F_SIZE];
	out->msgid = slot[F_MSGID];
	out->proto = slot[F_PROTO];
	out->recipients = slot[F_RCPTS];
}

/* exim_listed - a piece of the recipient list of the reject log's copy
 * of a refusal after DATA: which, and its place (0: none readable) */
static void exim_listed(const char *const slot[], enum mailrec_listed listed,
			struct mailrec *out)
{
	const char *p = slot[F_PIECE];
	unsigned long k = 0;

	for (; p != NULL && *p >= '0' && *p <= '9' && k < 100000; p++)
		k = k * 10 + (unsigned long)(*p - '0');
	out->listed = listed;
	out->piece = p != NULL && *p == '\0' ? k : 0;
}

/* exim_dialogue - a line of the SMTP dialogue: a verdict, a
 * transaction's end, a piece of a refusal's recipient list */
static void exim_dialogue(int tag, const char *const slot[],
			  struct mailrec *out)
{
	switch (tag) {
	case TAG_REJECTED_RCPT:
		exim_refused(slot, STAGE_RCPT, out);
		break;
	case TAG_REJECTED_MAIL:
		exim_refused(slot, STAGE_MAIL, out);
		break;
	case TAG_REJECTED_DATA:
		exim_refused(slot, STAGE_DATA, out);
		break;
	case TAG_RCPT_DISCARDED:
		exim_refused(slot, STAGE_RCPT, out);
		out->kind = MAILREC_DISCARDED;
		out->no_message = 1; /* its "<=" line comes next */
		break;
	case TAG_INCOMPLETE:
		/* a transaction's end: a run of refusals is over */
		out->session_edge = 1;
		out->sender = slot[F_FROM];
		break;
	case TAG_ENVELOPE_TO:
		exim_listed(slot, LISTED_FIRST, out);
		break;
	case TAG_ENVELOPE_MORE:
		exim_listed(slot, LISTED_MORE, out);
		break;
	case TAG_CONTINUED:
		/* its envelope's sender, its headers: the list's edges */
		out->listed = LISTED_OTHER;
		break;
	default:
		break;
	}
}

/* exim_record - one line's tag and fields as a struct mailrec */
static void exim_record(int tag, const char *const slot[], struct mailrec *out)
{
	out->qid = slot[F_QID];
	out->relay_host = slot[F_RELAY_HOST];
	out->relay_ip = slot[F_RELAY_IP];
	out->relay_ip_bare = 1; /* H=host [2001:db8::1] */
	out->kind = MAILREC_OTHER;
	switch (tag) {
	case TAG_ARRIVAL:
		exim_arrival(slot, out);
		break;
	case TAG_DELIVERED:
	case TAG_DELIVERED_MORE:
		exim_delivery(slot, OUTCOME_SENT, out);
		break;
	case TAG_DEFERRED:
		exim_delivery(slot, OUTCOME_DEFERRED, out);
		break;
	case TAG_BOUNCED:
		exim_delivery(slot, OUTCOME_BOUNCED, out);
		break;
	case TAG_COMPLETED:
		out->kind = MAILREC_FINISHED;
		break;
	case TAG_DISCARDED:
		out->kind = MAILREC_DISCARDED;
		out->reason = slot[F_REASON];
		break;
	default:
		exim_dialogue(tag, slot, out);
		break;
	}
}

const struct normalize_mta normalize_exim = {
    .mta = MTA_EXIM,
    .name = "exim",
    .program_is = sysloghdr_exim,
    .tags = exim_tags,
    .fields = exim_fields,
    .to_record = exim_record,
};
