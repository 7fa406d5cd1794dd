/*
 * prefilter - skip lines that cannot matter (see prefilter.h).
 */
#include <string.h>

#include "prefilter.h"
#include "prefilter_text.h"
#include "sysloghdr.h"

/* A queue id is letters and digits; sendmail's are 14, Postfix's long
 * ones 15 or so; bound at 32. */
#define PREFILTER_QID_MAX 32
/* Addresses longer than this take the full parse. */
#define PREFILTER_ADDRESS_MAX 512

/*
 * prefilter_message - where the message part starts: after the tag of
 * the MTAs' programs, or at the first non-blank when there is no
 * header (the %msg% form); NULL under any other header.  The split
 * is kept in the hint: normalize reuses it rather than split the line
 * again.  *form says whose the line is.
 */
static const char *prefilter_message(const char *line, size_t len,
				     enum sysloghdr_form *form,
				     struct prefilter_hint *hint)
{
	const struct sysloghdr *hdr = &hint->split.hdr;
	const struct {
		const struct sysloghdr_span *from;
		struct prefilter_span *to;
	} pieces[] = {
	    {&hdr->host, &hint->host},
	    {&hdr->program, &hint->program},
	    {&hdr->pid, &hint->pid},
	};

	hint->split.len = len;
	*form = hint->split.form = sysloghdr_split(line, len, &hint->split.hdr);
	if (*form == SYSLOGHDR_OTHER)
		return NULL;
	/* the process, as normalize cuts it out of the header */
	for (size_t i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++)
		if (pieces[i].from->len > 0) {
			pieces[i].to->text = line + pieces[i].from->off;
			pieces[i].to->len = pieces[i].from->len;
		}
	return line + hdr->message.off;
}

/* prefilter_qid - "qid: " at p; the word after it, or NULL */
static const char *prefilter_qid(const char *p, const char *end,
				 struct prefilter_hint *hint)
{
	const char *start = p;

	while (p < end && prefilter_alnum(*p) && p - start < PREFILTER_QID_MAX)
		p++;
	if (p == start || end - p < 2 || p[0] != ':' || p[1] != ' ')
		return NULL;
	hint->qid = start;
	hint->qid_len = (size_t)(p - start);
	return p + 2;
}

/* prefilter_address_stop - 1 for a byte that ends a plain address (a
 * switch, not strchr(): this runs for every byte of every sender) */
static int prefilter_address_stop(char c)
{
	switch (c) {
	case '<':
	case '>':
	case '"':
	case ',':
	case ';':
	case ' ':
	case '\0':
		return 1;
	default:
		return 0;
	}
}

/* prefilter_address - "<a@b>, " or "a@b, " after from=: where the
 * ", " is, or NULL */
static const char *prefilter_address(const char *p, const char *end,
				     struct prefilter_hint *hint)
{
	int bracketed = p < end && *p == '<';
	const char *start = p + bracketed;
	const char *stop = start;

	while (stop < end && stop - start <= PREFILTER_ADDRESS_MAX
	       && !prefilter_address_stop(*stop))
		stop++;
	if (bracketed && (stop >= end || *stop++ != '>'))
		return NULL;
	if (end - stop < 2 || stop[0] != ',' || stop[1] != ' ')
		return NULL;
	hint->address = start;
	hint->address_len = (size_t)(stop - start) - (size_t)bracketed;
	return stop;
}

/* prefilter_verdict - after the relay: ", reject=TEXT" (TEXT not
 * empty) to the end, a REFUSED record, or ", discard" alone (a CR
 * apart), a DISCARDED one; -1 for anything else */
static int prefilter_verdict(const char *p, const char *end,
			     struct prefilter_hint *hint)
{
	if (prefilter_starts(p, end, ", reject=") && p + 9 < end) {
		hint->reason.text = p + 9;
		hint->reason.len = (size_t)(end - p - 9);
		hint->known = MAILREC_REFUSED;
	} else if (prefilter_starts(p, end, ", discard")
		   && (p + 9 == end || (p + 10 == end && p[9] == '\r')))
		hint->known = MAILREC_DISCARDED;
	else
		return -1;
	hint->mta = MTA_SENDMAIL;
	return 0;
}

/* prefilter_ruleset - after "ruleset=": check_rcpt, check_mail or
 * check_relay, "arg1=" up to the first ", " (as the rulebase's
 * string-to takes it), maybe ", arg2=" likewise, the relay and the
 * verdict (the record's stage, and its recipient or sender, from the
 * ruleset); 0, or -1 for any other shape */
static int prefilter_ruleset(const char *p, const char *end,
			     struct prefilter_hint *hint)
{
	static const struct {
		const char *name;
		enum mailrec_stage stage;
	} rulesets[] = {
	    {"check_rcpt, arg1=", STAGE_RCPT},
	    {"check_mail, arg1=", STAGE_MAIL},
	    {"check_relay, arg1=", STAGE_CONNECT},
	};
	struct prefilter_span arg1 = {NULL, 0};
	const char *comma;
	size_t i = 0;

	while (i < sizeof(rulesets) / sizeof(rulesets[0])
	       && !prefilter_starts(p, end, rulesets[i].name))
		i++;
	if (i == sizeof(rulesets) / sizeof(rulesets[0]))
		return -1;
	arg1.text = p += strlen(rulesets[i].name);
	comma = memmem(p, (size_t)(end - p), ", ", 2);
	if (comma == NULL || comma == p)
		return -1;
	arg1.len = (size_t)(comma - p);
	if (prefilter_starts(comma, end, ", arg2=")) {
		p = comma + 7;
		comma = memmem(p, (size_t)(end - p), ", ", 2);
		if (comma == NULL || comma == p)
			return -1;
	}
	if (!prefilter_starts(comma, end, ", relay=")
	    || (p = prefilter_relay(comma + 8, end, hint)) == NULL
	    || prefilter_verdict(p, end, hint) < 0)
		return -1;
	hint->stage = rulesets[i].stage;
	if (hint->stage == STAGE_RCPT)
		hint->rcpt = arg1;
	else if (hint->stage == STAGE_MAIL)
		hint->sender = arg1;
	return 0;
}

/* prefilter_field - "NAME=VALUE, " at *p, the value up to the first
 * comma (postfix.rb's char-to): 0 with *p after it, or -1 */
static int prefilter_field(const char **p, const char *end, const char *name,
			   struct prefilter_span *value)
{
	size_t n = strlen(name);

	if (!prefilter_starts(*p, end, name))
		return -1;
	*p += n;
	*value = prefilter_upto(p, end, ',');
	if (value->len == 0 || !prefilter_starts(*p, end, ", "))
		return -1;
	*p += 2;
	return 0;
}

/* prefilter_client - after Postfix's "client=": "HOST[IP]" to the end
 * (postfix.rb's client rule, no port, no client_info): a CLIENT record
 * for normalize_known() */
static void prefilter_client(const char *p, const char *end,
			     struct prefilter_hint *hint)
{
	struct prefilter_span host = prefilter_upto(&p, end, '[');
	struct prefilter_span ip;

	if (host.len == 0)
		return;
	p++;
	ip = prefilter_upto(&p, end, ']');
	if (ip.len == 0 || end - p != 1)
		return;
	hint->relay_host = host;
	hint->relay_ip = ip;
	hint->known = MAILREC_CLIENT;
	hint->mta = MTA_POSTFIX;
}

/* prefilter_accepted - from "from=" and after its address: ", size=N,
 * nrcpt=N (queue active)" to the end (postfix.rb's first from rule):
 * an ACCEPTED record, the sender as logged, brackets and all */
static void prefilter_accepted(const char *from, const char *p, const char *end,
			       struct prefilter_hint *hint)
{
	static const char active[] = " (queue active)";
	const char *stop = p;
	struct prefilter_span size, nrcpts;

	if (!prefilter_starts(p, end, ", size="))
		return;
	p += 7;
	size = prefilter_digits(&p, end);
	if (size.len == 0 || !prefilter_starts(p, end, ", nrcpt="))
		return;
	p += 8;
	nrcpts = prefilter_digits(&p, end);
	if (nrcpts.len == 0 || (size_t)(end - p) != sizeof(active) - 1
	    || memcmp(p, active, sizeof(active) - 1) != 0)
		return;
	hint->sender.text = from;
	hint->sender.len = (size_t)(stop - from);
	hint->size = size;
	hint->nrcpts = nrcpts;
	hint->known = MAILREC_ACCEPTED;
	hint->mta = MTA_POSTFIX;
}

/* prefilter_status - "status=WORD" to the end or to a blank and some
 * text: the word (liblognorm's word), len 0 when not so */
static struct prefilter_span prefilter_status(const char *p, const char *end)
{
	struct prefilter_span word = {p, 0};

	if (!prefilter_starts(p, end, "status="))
		return word;
	word.text = p += 7;
	while (p < end && *p != ' ')
		p++;
	if (p == end || end - p >= 2)
		word.len = (size_t)(p - word.text);
	return word;
}

/* prefilter_delivery - after Postfix's "to=": postfix.rb's first to
 * rule (to=, [orig_to=,] relay=, [conn_use=,] delay=, delays=, dsn=,
 * status=): a DELIVERY record with the recipient, dsn and status */
static void prefilter_delivery(const char *p, const char *end,
			       struct prefilter_hint *hint)
{
	const char *comma = memmem(p, (size_t)(end - p), ", ", 2);
	struct prefilter_span to = {p, 0}, skip, dsn, status;

	if (comma == NULL || comma == p)
		return;
	to.len = (size_t)(comma - p);
	p = comma + 2;
	if (prefilter_starts(p, end, "orig_to=")) {
		comma = memmem(p + 8, (size_t)(end - p - 8), ", relay=", 8);
		if (comma == NULL || comma == p + 8)
			return;
		p = comma + 2;
	}
	if (prefilter_field(&p, end, "relay=", &skip) < 0)
		return;
	if (prefilter_starts(p, end, "conn_use=")) {
		p += 9;
		if (prefilter_digits(&p, end).len == 0
		    || !prefilter_starts(p, end, ", "))
			return;
		p += 2;
	}
	if (prefilter_field(&p, end, "delay=", &skip) < 0
	    || prefilter_field(&p, end, "delays=", &skip) < 0
	    || prefilter_field(&p, end, "dsn=", &dsn) < 0
	    || (status = prefilter_status(p, end)).len == 0)
		return;
	hint->rcpt = to;
	hint->dsn = dsn;
	hint->status = status;
	hint->known = MAILREC_DELIVERY;
	hint->mta = MTA_POSTFIX;
}

/* prefilter_exim_piece - "[K\N] " or "[K/N] " with K > 1 at p: a piece
 * after the first of a line Exim split for syslog (exim-continued, or
 * the exim-envelope-* pieces that list a refusal's recipients): 1, and
 * *text its text, or 0 */
static int prefilter_exim_piece(const char *p, const char *end,
				const char **text)
{
	const char *digits = ++p;
	unsigned k = 0;

	while (p < end && *p >= '0' && *p <= '9' && p - digits < 4)
		k = k * 10 + (unsigned)(*p++ - '0');
	if (p == digits || k < 2 || p >= end || (*p != '\\' && *p != '/'))
		return 0;
	digits = ++p;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	if (p == digits || !prefilter_starts(p, end, "] "))
		return 0;
	*text = p + 2;
	return 1;
}

/* prefilter_exim_listed - a piece's text that lists a refusal's
 * recipients (exim.rb's exim-envelope-to and exim-envelope-more): the
 * full parse counts them */
static int prefilter_exim_listed(const char *text, const char *end)
{
	return prefilter_starts(text, end, "Envelope-to: <")
	       || prefilter_starts(text, end, "    <")
	       || prefilter_starts(text, end, "    ...");
}

/* prefilter_exim_id - an Exim message id (letters, digits and a dash
 * at least) and the blank after it at p: what follows, or NULL */
static const char *prefilter_exim_id(const char *p, const char *end,
				     struct prefilter_hint *hint)
{
	const char *start = p;
	const char *dash = NULL;

	for (; p < end && p - start < PREFILTER_QID_MAX; p++)
		if (*p == '-')
			dash = p;
		else if (!prefilter_alnum(*p))
			break;
	if (dash == NULL || p >= end || *p != ' ')
		return NULL;
	hint->qid = start;
	hint->qid_len = (size_t)(p - start);
	return p + 1;
}

/* prefilter_exim_sender - "<= SENDER " (the rulebase's exim-arrival,
 * whose sender ends at a blank): the sender as logged, or -1 */
static int prefilter_exim_sender(const char *p, const char *end,
				 struct prefilter_hint *hint)
{
	const char *stop = p;

	while (stop < end && *stop != ' ' && stop - p <= PREFILTER_ADDRESS_MAX)
		stop++;
	if (stop == p || stop >= end || *stop != ' ')
		return -1;
	hint->address = p;
	hint->address_len = (size_t)(stop - p);
	return 0;
}

/* prefilter_relay_stop - 1 for a byte that ends the host of Exim's H=
 * (exim.rb's char-to " ()[]") */
static int prefilter_relay_stop(char c)
{
	return c == ' ' || c == '(' || c == ')' || c == '[' || c == ']';
}

/* prefilter_exim_relay - "[HOST ][(HELO) ][IP]" at p, as exim.rb reads
 * the H= of a verdict (no port, I= or U= after it): what follows, or
 * NULL */
static const char *prefilter_exim_relay(const char *p, const char *end,
					struct prefilter_hint *hint)
{
	const char *q = p;

	while (q < end && !prefilter_relay_stop(*q))
		q++;
	if (q > p) {
		if (q >= end || *q != ' ')
			return NULL;
		hint->relay_host.text = p;
		hint->relay_host.len = (size_t)(q - p);
		p = q + 1;
	}
	if (p < end && *p == '(') {
		p++;
		if (prefilter_upto(&p, end, ')').len == 0
		    || !prefilter_starts(p, end, ") "))
			return NULL;
		p += 2;
	}
	if (p >= end || *p++ != '[')
		return NULL;
	hint->relay_ip = prefilter_upto(&p, end, ']');
	return hint->relay_ip.len > 0 ? p + 1 : NULL;
}

/* prefilter_exim_rcpt - after " RCPT " or " rejected RCPT ": the
 * recipient up to the first colon, and ": " after it: what follows */
static const char *prefilter_exim_rcpt(const char *p, const char *end,
				       struct prefilter_hint *hint)
{
	hint->rcpt = prefilter_upto(&p, end, ':');
	if (hint->rcpt.len == 0 || !prefilter_starts(p, end, ": "))
		return NULL;
	return p + 2;
}

/*
 * prefilter_exim_verdict - after "H=" (no id): exim.rb's
 * exim-rejected-rcpt ("... F=<S> rejected RCPT <R>: REASON") or
 * exim-rcpt-discarded ("... F=<S> RCPT <R>: discarded by RCPT ACL[:
 * REASON]"), with no port, I=, U= or "temporarily": a REFUSED or
 * DISCARDED record for normalize_known()
 */
static void prefilter_exim_verdict(const char *p, const char *end,
				   struct prefilter_hint *hint)
{
	static const char acl[] = "discarded by RCPT ACL";
	enum mailrec_kind kind = MAILREC_REFUSED;

	if ((p = prefilter_exim_relay(p, end, hint)) == NULL
	    || !prefilter_starts(p, end, " F="))
		return;
	hint->sender.text = p += 3;
	while (p < end && *p != ' ')
		p++;
	hint->sender.len = (size_t)(p - hint->sender.text);
	if (prefilter_starts(p, end, " rejected RCPT ")) {
		p = prefilter_exim_rcpt(p + 15, end, hint);
		if (p == NULL || p == end)
			return;
	} else if (prefilter_starts(p, end, " RCPT ")) {
		kind = MAILREC_DISCARDED;
		p = prefilter_exim_rcpt(p + 6, end, hint);
		if (p == NULL || !prefilter_starts(p, end, acl))
			return;
		p += sizeof(acl) - 1;
		if (p != end
		    && (!prefilter_starts(p, end, ": ") || p + 2 == end))
			return;
		p += p != end ? 2 : 0;
	} else
		return;
	if (hint->sender.len == 0)
		return;
	hint->reason.text = p; /* empty: the ACL gave no reason */
	hint->reason.len = (size_t)(end - p);
	hint->known = kind;
	hint->mta = MTA_EXIM;
}

/*
 * prefilter_exim - an Exim line (syslog or mainlog): its chatter (its
 * kinds exim-connection, exim-completed, exim-continued, and the
 * lookup failures of exim-other) is skipped; an arrival is FROM with
 * its sender as logged ("<>" too), a delivery (=> -> == **) TO; the
 * rest, the verdicts and the message an ACL discarded among them, goes
 * to the full parse
 */
static enum prefilter_kind prefilter_exim(const char *p, const char *end,
					  struct prefilter_hint *hint)
{
	const char *q;

	if (p < end && *p == '[' && prefilter_exim_piece(p, end, &q))
		return prefilter_exim_listed(q, end) ? PREFILTER_PARSE
						     : PREFILTER_SKIP;
	if (prefilter_starts(p, end, "SMTP connection from ")
	    || prefilter_starts(p, end, "no host name found for IP address "))
		return PREFILTER_SKIP;
	if (prefilter_starts(p, end, "H=")) {
		prefilter_exim_verdict(p + 2, end, hint);
		return PREFILTER_PARSE;
	}
	if ((q = prefilter_exim_id(p, end, hint)) == NULL)
		return PREFILTER_PARSE;
	if (prefilter_starts(q, end, "Completed")
	    && (q + 9 == end || q[9] == ' '))
		return PREFILTER_DONE;
	if (prefilter_starts(q, end, "<= "))
		return prefilter_exim_sender(q + 3, end, hint) < 0
			   ? PREFILTER_PARSE
			   : PREFILTER_FROM;
	if (prefilter_starts(q, end, "=> blackhole ("))
		return PREFILTER_PARSE;
	if (prefilter_starts(q, end, "=> ") || prefilter_starts(q, end, "-> ")
	    || prefilter_starts(q, end, "== ")
	    || prefilter_starts(q, end, "** "))
		return PREFILTER_TO;
	return PREFILTER_PARSE;
}

/* prefilter_discarded - after sendmail's "qid: discarded": the end of
 * the line (a CR apart, which normalize cuts off), a DISCARDED record */
static void prefilter_discarded(const char *p, const char *end,
				struct prefilter_hint *hint)
{
	if (p == end || (p + 1 == end && *p == '\r')) {
		hint->known = MAILREC_DISCARDED;
		hint->mta = MTA_SENDMAIL;
	}
}

/* prefilter_from - after "from=": FROM with the address found (and,
 * for Postfix's qmgr line, its record), or PARSE */
static enum prefilter_kind prefilter_from(const char *from, const char *end,
					  enum sysloghdr_form form,
					  struct prefilter_hint *hint)
{
	const char *stop = prefilter_address(from, end, hint);

	if (stop == NULL)
		return PREFILTER_PARSE;
	if (form == SYSLOGHDR_POSTFIX)
		prefilter_accepted(from, stop, end, hint);
	else if (form == SYSLOGHDR_SENDMAIL || form == SYSLOGHDR_NONE) {
		hint->later = from;
		hint->later_rest = stop;
	}
	return PREFILTER_FROM;
}

/* prefilter_scan - classify one raw line, in one pass over its header */
enum prefilter_kind prefilter_scan(const char *line, size_t len,
				   struct prefilter_hint *hint)
{
	const char *end = line + len;
	const char *p;
	enum sysloghdr_form form;

	memset(hint, 0, sizeof(*hint));
	p = prefilter_message(line, len, &form, hint);
	if (p != NULL && (form == SYSLOGHDR_EXIM || form == SYSLOGHDR_MAINLOG))
		return prefilter_exim(p, end, hint);
	if (p == NULL)
		return PREFILTER_SKIP; /* another program */
	/* smtpd's session edges end the message its NOQUEUE verdicts share */
	if (prefilter_starts(p, end, "connect from ")
	    || prefilter_starts(p, end, "disconnect from "))
		return PREFILTER_EDGE;
	if ((p = prefilter_qid(p, end, hint)) == NULL)
		return PREFILTER_SKIP; /* no queue id */
	if (prefilter_starts(p, end, "from="))
		return prefilter_from(p + 5, end, form, hint);
	if (prefilter_starts(p, end, "to=")) {
		if (form == SYSLOGHDR_POSTFIX)
			prefilter_delivery(p + 3, end, hint);
		else if (form == SYSLOGHDR_SENDMAIL || form == SYSLOGHDR_NONE)
			hint->later = p + 3;
		return PREFILTER_TO;
	}
	if (prefilter_starts(p, end, "ruleset=")
	    && (form == SYSLOGHDR_SENDMAIL || form == SYSLOGHDR_NONE)
	    && prefilter_ruleset(p + 8, end, hint) == 0)
		return PREFILTER_RCPT;
	if (prefilter_starts(p, end, "discarded")
	    && (form == SYSLOGHDR_SENDMAIL || form == SYSLOGHDR_NONE))
		prefilter_discarded(p + 9, end, hint);
	if (prefilter_starts(p, end, "ruleset=")
	    || prefilter_starts(p, end, "discarded"))
		return PREFILTER_PARSE;
	/* Postfix: smtpd's client= (the relay of the queue id), and the
	 * verdicts of smtpd and milters (reject:, discard:, milter-...) */
	if (prefilter_starts(p, end, "client=") && form == SYSLOGHDR_POSTFIX)
		prefilter_client(p + 7, end, hint);
	if (prefilter_starts(p, end, "client=")
	    || prefilter_starts(p, end, "reject: ")
	    || prefilter_starts(p, end, "discard: ")
	    || prefilter_starts(p, end, "milter-"))
		return PREFILTER_PARSE;
	return PREFILTER_SKIP;
}
