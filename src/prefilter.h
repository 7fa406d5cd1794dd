/*
 * prefilter - skip, before any parsing, the lines that cannot matter.
 *
 * DESCRIPTION
 *	Most lines of a busy mail log are connection chatter (STARTTLS,
 *	AUTH, other daemons) or the from= and to= lines of ordinary mail.
 *	prefilter_scan() looks at a raw line with memmem() and a few byte
 *	checks, never allocating, and says what it is: chatter to skip, a
 *	from= or to= line whose queue id (and sender address) it found,
 *	or something that needs the full parse.  It answers PREFILTER_FROM
 *	or PREFILTER_TO only when the line has exactly the shape sendmail
 *	writes, which Postfix's qmgr from= and delivery to= lines share
 *	(a program of sendmail's or Postfix's, or no header at all; a
 *	plain queue id; an address with no quotes, commas or nested
 *	brackets); anything unusual goes to the full parse, so the cheap
 *	path never decides differently from it.  Likewise PREFILTER_RCPT,
 *	a verdict of sendmail's check_rcpt, check_mail or check_relay
 *	("qid: ruleset=check_rcpt, arg1=RCPT[, arg2=X], relay=HOST [IP],
 *	reject=TEXT" or ", discard", a third of the parsed lines in a
 *	campaign burst): the hint holds every field the rulebase would
 *	give, for normalize_known() to make the record of without
 *	liblognorm; a relay of another shape, another ruleset or verdict
 *	takes the full parse.  So does sendmail's "qid: discarded" (its
 *	hint says DISCARDED); the from= and to= lines that are not skipped
 *	are taken apart on demand (prefilter_detail()).  Postfix's client= lines
 *	and the verdicts of smtpd and milters (reject:, discard:) always
 *	take the full parse.  smtpd's "connect from" and "disconnect from"
 *	end the message its NOQUEUE refusals share (refmsg.h): they are
 *	PREFILTER_EDGE, with the header's process in the hint, for the
 *	caller to parse when that process has such a message open.
 *
 *	Exim's lines are told by Exim's words after its id: an arrival
 *	("ID <= SENDER ...") is PREFILTER_FROM with the sender as logged,
 *	a delivery (=>, ->, ==, **) PREFILTER_TO; the chatter that its
 *	rulebase makes nothing of (connections, "Completed", a failed
 *	host name lookup, the later pieces of a line split for syslog) is
 *	skipped; verdicts and the rest take the full parse, but a
 *	refusal or ACL discard at RCPT of the usual shape is taken apart.
 */
#ifndef PHISHWATCH_PREFILTER_H
#define PHISHWATCH_PREFILTER_H

#include <stddef.h>

#include "mailrec.h"
#include "sysloghdr.h"

enum prefilter_kind {
	PREFILTER_SKIP,  /* cannot matter */
	PREFILTER_PARSE, /* may matter: parse it fully */
	PREFILTER_FROM,  /* sm-mta from= line: qid and address found */
	PREFILTER_TO,    /* sm-mta to= line: qid found */
	PREFILTER_RCPT,  /* sendmail ruleset verdict: every field found */
	PREFILTER_EDGE,  /* smtpd's connect or disconnect: process found */
	PREFILTER_DONE /* Exim's Completed, a message's last line: qid found */
};

/* A piece of the line (not NUL-terminated), or none (len 0). */
struct prefilter_span {
	const char *text;
	size_t len;
};

struct prefilter_hint {
	const char *qid; /* into the line, not NUL-terminated */
	size_t qid_len;
	const char *address; /* from=: the address, brackets removed */
	size_t address_len;
	/* the record normalize_known() can make of the line without
	 * liblognorm, MAILREC_UNPARSED for none: REFUSED or DISCARDED
	 * for sendmail's PREFILTER_RCPT (stage; rcpt at RCPT, sender at
	 * MAIL; relay_host, relay_ip, relay_forged, reason: what the
	 * rulebase names arg1, relay_host, relay_ip, relay_forged,
	 * reject), DISCARDED for its "discarded", ACCEPTED and DELIVERY
	 * for its from= and to= (prefilter_detail()); for Postfix, CLIENT (relay_host,
	 * relay_ip), ACCEPTED (sender, size, nrcpts) and DELIVERY (rcpt,
	 * dsn, status); for Exim, a verdict at RCPT, REFUSED or DISCARDED
	 * (relay_host, relay_ip, sender, rcpt, reason) */
	enum mailrec_kind known;
	enum mta_kind mta;        /* whose record: its MTA's */
	enum mailrec_stage stage; /* sendmail's ruleset verdicts */
	struct prefilter_span rcpt, relay_host, relay_ip, reason;
	int relay_forged;
	struct prefilter_span sender, size, nrcpts, dsn, status;
	struct prefilter_span msgid, proto; /* sendmail's from= */
	int mailer; /* sendmail's to=: it names its mailer= */
	/* sendmail's from= or to= line, left for prefilter_detail(): the
	 * value after "from=" or "to=", and after from='s address */
	const char *later, *later_rest;
	/* the header's host, program and pid (each len 0 when absent) */
	struct prefilter_span host, program, pid;
	/* the whole split, for normalize to reuse (normalize_line_split) */
	struct sysloghdr_line split;
};

/* prefilter_scan - classify a raw line (see above) */
enum prefilter_kind prefilter_scan(const char *line, size_t len,
				   struct prefilter_hint *hint);

/*
 * prefilter_detail - the record of sendmail's from= or to= line that
 * prefilter_scan() found (PREFILTER_FROM, PREFILTER_TO), in the hint as
 * for the lines it takes apart (known: ACCEPTED with sender, size,
 * nrcpts, msgid, proto and the relay; DELIVERY with rcpt, the relay,
 * dsn and status), when the line has a shape sendmail.rb's first rules
 * read; nothing for any other line.  It is left for the caller to ask:
 * most such lines are an ordinary message's, skipped unread.
 */
void prefilter_detail(const char *line, size_t len,
		      struct prefilter_hint *hint);

#endif
