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
 *	a recipient refused by sendmail's check_rcpt ("qid: ruleset=
 *	check_rcpt, arg1=RCPT, relay=HOST [IP], reject=TEXT", a third of
 *	the parsed lines in a campaign burst): the hint holds every field
 *	the rulebase would give, for normalize_known() to make the record
 *	of without liblognorm; a line with an arg2, a relay of another
 *	shape or another verdict takes the full parse.  Postfix's client= lines
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

enum prefilter_kind {
	PREFILTER_SKIP,  /* cannot matter */
	PREFILTER_PARSE, /* may matter: parse it fully */
	PREFILTER_FROM,  /* sm-mta from= line: qid and address found */
	PREFILTER_TO,    /* sm-mta to= line: qid found */
	PREFILTER_RCPT,  /* check_rcpt reject: every field found */
	PREFILTER_EDGE   /* smtpd's connect or disconnect: process found */
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
	 * liblognorm, MAILREC_UNPARSED for none: REFUSED for sendmail's
	 * PREFILTER_RCPT (rcpt, relay_host, relay_ip, relay_forged,
	 * reason: what the rulebase names arg1, relay_host, relay_ip,
	 * relay_forged, reject); for Postfix, CLIENT (relay_host,
	 * relay_ip), ACCEPTED (sender, size, nrcpts) and DELIVERY (rcpt,
	 * dsn, status); for Exim, a verdict at RCPT, REFUSED or DISCARDED
	 * (relay_host, relay_ip, sender, rcpt, reason) */
	enum mailrec_kind known;
	enum mta_kind mta; /* whose record: its MTA's */
	struct prefilter_span rcpt, relay_host, relay_ip, reason;
	int relay_forged;
	struct prefilter_span sender, size, nrcpts, dsn, status;
	/* the header's host, program and pid (each len 0 when absent) */
	struct prefilter_span host, program, pid;
};

/* prefilter_scan - classify a raw line (see above) */
enum prefilter_kind prefilter_scan(const char *line, size_t len,
				   struct prefilter_hint *hint);

#endif
