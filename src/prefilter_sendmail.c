/*
 * prefilter_sendmail - sendmail's from= and to= lines taken apart (see
 * prefilter.h, prefilter_detail()).
 *
 * DESCRIPTION
 *	The from= and to= lines of a campaign's messages are most of the
 *	sendmail lines that must be read whole.  The functions here find
 *	every field that sendmail.rb's first from rule and its first two
 *	to rules give, when the line has one of the shapes sendmail
 *	writes; any other shape (a relay with a user, a value that holds
 *	the separator that ends it, an unknown field) is left to the full
 *	parse, so the record is always the rulebase's.
 */
#include <string.h>

#include "prefilter.h"
#include "prefilter_text.h"

/* sendmail_optional - ", NAME=VALUE" at *p, the value up to the next
 * comma (char-to ","), or, with a blank, up to the next ", " (string-to
 * ", "): 0 with *p after it and the value in *value, 0 untouched when
 * the line has no such field there, -1 when the field is not whole */
static int sendmail_optional(const char **p, const char *end, const char *name,
			     int blank, struct prefilter_span *value)
{
	size_t n = strlen(name);
	const char *stop;

	if (!prefilter_starts(*p, end, ", ")
	    || !prefilter_starts(*p + 2, end, name))
		return 0;
	value->text = *p + 2 + n;
	stop = blank ? memmem(value->text, (size_t)(end - value->text), ", ", 2)
		     : memchr(value->text, ',', (size_t)(end - value->text));
	if (stop == NULL || stop == value->text)
		return -1;
	value->len = (size_t)(stop - value->text);
	*p = stop;
	return 0;
}

/* sendmail_number - ", NAME=N" at *p (liblognorm's number): 0 with *p
 * after it, 0 untouched when absent and optional, -1 otherwise */
static int sendmail_number(const char **p, const char *end, const char *name,
			   int optional, struct prefilter_span *value)
{
	const char *q = *p + 2;

	if (!prefilter_starts(*p, end, ", ") || !prefilter_starts(q, end, name))
		return optional ? 0 : -1;
	q += strlen(name);
	*value = prefilter_digits(&q, end);
	if (value->len == 0)
		return -1;
	*p = q;
	return 0;
}

/*
 * sendmail_from - after "from=<a>, " (the address prefilter_address()
 * found): "size=N, class=C[, pri=N], nrcpts=N[, msgid=M][, bodytype=B]
 * [, proto=P][, daemon=D], relay=R" to the end: an ACCEPTED record
 */
static void sendmail_from(const char *from, const char *p, const char *end,
			  struct prefilter_hint *hint)
{
	struct prefilter_span sender = {from, (size_t)(p - from)}, skip;

	if (!prefilter_starts(p, end, ", size="))
		return;
	p += 7;
	hint->size = prefilter_digits(&p, end);
	if (hint->size.len == 0 || !prefilter_starts(p, end, ", class=")
	    || sendmail_optional(&p, end, "class=", 0, &skip) < 0
	    || sendmail_number(&p, end, "pri=", 1, &skip) < 0
	    || sendmail_number(&p, end, "nrcpts=", 0, &hint->nrcpts) < 0
	    || sendmail_optional(&p, end, "msgid=", 1, &hint->msgid) < 0
	    || sendmail_optional(&p, end, "bodytype=", 0, &skip) < 0
	    || sendmail_optional(&p, end, "proto=", 0, &hint->proto) < 0
	    || sendmail_optional(&p, end, "daemon=", 0, &skip) < 0
	    || !prefilter_starts(p, end, ", relay=")
	    || prefilter_relay(p + 8, end, hint) != end)
		return;
	hint->sender = sender;
	hint->known = MAILREC_ACCEPTED;
	hint->mta = MTA_SENDMAIL;
}

/*
 * sendmail_to - after "to=": "R[, [more]][, ctladdr=A], delay=D[,
 * xdelay=X][, mailer=M][, pri=N][, relay=R][, dsn=N], stat=TEXT": a
 * DELIVERY record
 */
static void sendmail_to(const char *p, const char *end,
			struct prefilter_hint *hint)
{
	const char *comma = memmem(p, (size_t)(end - p), ", ", 2);
	struct prefilter_span to = {p, 0}, skip, mailer = {NULL, 0};

	if (comma == NULL || comma == p)
		return;
	to.len = (size_t)(comma - p);
	p = comma;
	if (prefilter_starts(p, end, ", [more]"))
		p += 8;
	if (sendmail_optional(&p, end, "ctladdr=", 1, &skip) < 0
	    || !prefilter_starts(p, end, ", delay=")
	    || sendmail_optional(&p, end, "delay=", 0, &skip) < 0
	    || sendmail_optional(&p, end, "xdelay=", 0, &skip) < 0
	    || sendmail_optional(&p, end, "mailer=", 0, &mailer) < 0
	    || sendmail_number(&p, end, "pri=", 1, &skip) < 0)
		return;
	if (prefilter_starts(p, end, ", relay=")
	    && (p = prefilter_relay(p + 8, end, hint)) == NULL)
		return;
	if (sendmail_optional(&p, end, "dsn=", 0, &hint->dsn) < 0
	    || !prefilter_starts(p, end, ", stat=") || p + 7 == end)
		return;
	hint->status.text = p + 7;
	hint->status.len = (size_t)(end - hint->status.text);
	hint->rcpt = to;
	hint->mailer = mailer.len > 0;
	hint->known = MAILREC_DELIVERY;
	hint->mta = MTA_SENDMAIL;
}

/* prefilter_detail - see prefilter.h */
void prefilter_detail(const char *line, size_t len, struct prefilter_hint *hint)
{
	const char *end = line + len;

	/* normalize cuts a trailing CR off: the rules never see it */
	if (len > 0 && end[-1] == '\r')
		end--;
	if (hint->later == NULL || hint->later_rest > end)
		return;
	if (hint->later_rest != NULL)
		sendmail_from(hint->later, hint->later_rest, end, hint);
	else
		sendmail_to(hint->later, end, hint);
	hint->later = hint->later_rest = NULL;
}
