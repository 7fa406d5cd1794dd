/*
 * sender - the sender and the hosts of a line, through the gate.
 *
 * DESCRIPTION
 *	The stage after normalize.  sender_parse() splits a sender address
 *	(brackets off, local part lower-cased) and validates its host
 *	through hostname.c; it counts nothing and changes nothing, so that
 *	the fast path (before normalize) and the full path share it.
 *	sender_check() is the full path's: the same parse, counted.
 *	sender_line_hosts() passes the syslog host and the relay through
 *	the same gate; what fails is left out of the event and counted.
 *	No later stage reads a host or an address the gate did not pass.
 */
#ifndef PHISHWATCH_SENDER_H
#define PHISHWATCH_SENDER_H

#include <stddef.h>

#include "counters.h"
#include "hostname.h"
#include "mailrec.h"
#include "where.h"

/* Local parts longer than this are not looked up as From:user@host keys. */
#define SENDER_LOCAL_MAX 256

/* What a sender address gives. */
struct sender {
	const char *address; /* as logged, brackets removed */
	size_t address_len;
	char local[SENDER_LOCAL_MAX + 1]; /* lower-cased; "" if too long */
	char host[HOSTNAME_MAX + 1];
	const char *key; /* what the store and access line name:
					 * the host, or a lookalike's whole
					 * registrable domain (set by verdict) */
	/* the domain as written in UTF-8 (SMTPUTF8), else "": the MTA's
	 * tables see that spelling, not host's A-labels */
	char spelled[HOSTNAME_UTF8_MAX + 1];
};

/* The hosts and addresses of a line, through the gate: NULL when the
 * line has none, or none that passed. */
struct line_hosts {
	const char *mta;        /* the syslog header's host */
	const char *relay_ip;   /* relay address, canonical */
	const char *relay_host; /* relay name */
	char mta_buf[HOSTNAME_MAX + 1];
	char ip_buf[HOSTNAME_IP_MAX];
	char relay_buf[HOSTNAME_MAX + 1];
};

/* What the gate counts into, and its warnings' rate limits. */
struct sender_gate {
	struct counters *counters;
	const struct where *where; /* the line, for warnings */
	unsigned long warned_host;
	unsigned long warned_mta;
	unsigned long warned_relay;
};

/* sender_parse - split address[0..len) into *s; the gate's verdict on
 * its host (HOST_OK: s->host holds it) */
enum host_verdict sender_parse(const char *address, size_t len,
			       struct sender *s);

/* sender_spelling - name (s->host, s->key or a parent of them) as the
 * sender spelled it, the spelling the MTA's tables match: a part of
 * s->spelled, or its U-labels in buf when the spelling's labels do not
 * line up with the host's; name itself for a sender written in ASCII */
const char *sender_spelling(const struct sender *s, const char *name,
			    char buf[HOSTNAME_UTF8_MAX + 1]);

/* sender_store_key - what the store and the tracker keep the sender
 * under: s->key as it was spelled (a UTF-8 spelling is another sender
 * to the MTA's tables, whose line must be given when the other is
 * blocked), or s->key itself when that spelling is longer than a host
 * name (buf: HOSTNAME_MAX + 1 bytes would not hold it) */
const char *sender_store_key(const struct sender *s,
			     char buf[HOSTNAME_UTF8_MAX + 1]);

/* sender_check - sender_parse(), counted: 0 when the host is valid */
int sender_check(struct sender_gate *gate, const char *address,
		 struct sender *s);

/* sender_mta - the syslog host of the line into buf, or NULL */
const char *sender_mta(struct sender_gate *gate, const struct mailrec *log,
		       char buf[HOSTNAME_MAX + 1]);

/* sender_line_hosts - the line's syslog host and relay, through the gate */
void sender_line_hosts(struct sender_gate *gate, const struct mailrec *log,
		       struct line_hosts *h);

#endif
