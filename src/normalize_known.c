/*
 * normalize_known - the records of lines the prefilter took apart (see
 * normalize_known.h).
 */
#include <string.h>

#include "normalize.h"
#include "normalize_known.h"
#include "normalize_postfix.h"
#include "normalize_sendmail.h"
#include "prefilter.h"

/* normalize_piece - a span of line as a C string in the copy, or NULL */
static const char *normalize_piece(char *copy, const char *line, size_t len,
				   struct prefilter_span span)
{
	size_t off = (size_t)(span.text - line);

	if (span.len == 0 || off >= len)
		return NULL;
	copy[off + (off + span.len > len ? len - off : span.len)] = '\0';
	return copy + off;
}

/* normalize_sendmail_known - sendmail's check_rcpt refusal, from=,
 * to= or discarded line, as sendmail.rb's map makes it */
static void normalize_sendmail_known(char *copy, const char *line, size_t n,
				     const struct prefilter_hint *h,
				     struct mailrec *out)
{
	out->recipients = normalize_piece(copy, line, n, h->rcpt);
	out->relay_host = normalize_piece(copy, line, n, h->relay_host);
	out->relay_ip = normalize_piece(copy, line, n, h->relay_ip);
	out->relay_forged = h->relay_forged;
	out->sender = normalize_piece(copy, line, n, h->sender);
	out->size = normalize_piece(copy, line, n, h->size);
	out->nrcpts = normalize_piece(copy, line, n, h->nrcpts);
	out->msgid = normalize_piece(copy, line, n, h->msgid);
	out->proto = normalize_piece(copy, line, n, h->proto);
	out->dsn = normalize_piece(copy, line, n, h->dsn);
	out->status = normalize_piece(copy, line, n, h->status);
	if (h->known == MAILREC_DELIVERY) /* delay= is in every shape */
		out->outcome = normalize_sendmail_to_outcome(
		    out->status, out->dsn, h->mailer, 1);
	out->stage = h->stage;
}

/* normalize_relay_sender - the relay (a bare IP, as Postfix and Exim
 * write it) and the sender, the fields both MTAs' lines carry alike */
static void normalize_relay_sender(char *copy, const char *line, size_t n,
				   const struct prefilter_hint *h,
				   struct mailrec *out)
{
	out->relay_ip_bare = 1;
	out->relay_host = normalize_piece(copy, line, n, h->relay_host);
	out->relay_ip = normalize_piece(copy, line, n, h->relay_ip);
	out->sender = normalize_piece(copy, line, n, h->sender);
}

/* normalize_postfix_known - Postfix's client=, from= or to= line, as
 * postfix.rb's map makes it */
static void normalize_postfix_known(char *copy, const char *line, size_t n,
				    const struct prefilter_hint *h,
				    struct mailrec *out)
{
	normalize_relay_sender(copy, line, n, h, out);
	out->size = normalize_piece(copy, line, n, h->size);
	out->nrcpts = normalize_piece(copy, line, n, h->nrcpts);
	out->recipients = normalize_piece(copy, line, n, h->rcpt);
	out->dsn = normalize_piece(copy, line, n, h->dsn);
	out->status = normalize_piece(copy, line, n, h->status);
	out->outcome = h->known == MAILREC_DELIVERY
			   ? normalize_postfix_outcome(out->status)
			   : OUTCOME_NONE;
}

/* normalize_exim_known - Exim's refusal or ACL discard at RCPT, as
 * exim.rb's map makes it */
static void normalize_exim_known(char *copy, const char *line, size_t n,
				 const struct prefilter_hint *h,
				 struct mailrec *out)
{
	normalize_relay_sender(copy, line, n, h, out);
	out->recipients = normalize_piece(copy, line, n, h->rcpt);
	out->stage = STAGE_RCPT;
	out->may_repeat = 1; /* main and reject log, both to syslog */
	out->no_message = h->known == MAILREC_DISCARDED;
}

/* normalize_known - a line prefilter_scan() took apart, as its MTA's
 * rulebase makes it (else, as a CR-only reply, the parse) */
enum mailrec_kind normalize_known(struct normalizer *norm, const char *line,
				  size_t len, const struct prefilter_hint *h,
				  struct mailrec *out)
{
	const struct prefilter_span qid = {h->qid, h->qid_len};
	size_t n = len;
	char *copy = NULL;

	/* a reply of a CR alone: the parse says what that is */
	if (h->mta == MTA_NONE
	    || normalize_split(norm, line, &n, &h->split, out, &copy) != h->mta
	    || ((out->reason = normalize_piece(copy, line, n, h->reason))
		    == NULL
		&& h->reason.len > 0))
		return normalize_line_split(norm, line, len, &h->split, out);
	out->qid = normalize_piece(copy, line, n, qid);
	if (out->qid != NULL && strcmp(out->qid, "NOQUEUE") == 0)
		out->qid = NULL;
	if (h->mta == MTA_SENDMAIL)
		normalize_sendmail_known(copy, line, n, h, out);
	else if (h->mta == MTA_POSTFIX)
		normalize_postfix_known(copy, line, n, h, out);
	else
		normalize_exim_known(copy, line, n, h, out);
	out->mta = h->mta;
	return out->kind = h->known;
}
