/*
 * event - an event's fields, bounded, from what the stages learned.
 *
 * DESCRIPTION
 *	The stage before the emitter, and the one place where a field is
 *	cut to fit: header fields (queue id, program) longer than
 *	EVENT_FIELD_MAX are left out, a pid that is not all digits is left
 *	out, the sender address is cut at EVENT_ADDRESS_MAX with a visible
 *	mark (an event must fit a syslog datagram), and the blocking-table
 *	line to suggest is composed here, in the terms of the line's MTA
 *	when an -a file is that MTA's table, else of the first -a file's
 *	type (access_map_syntax_for(); sendmail without one): a Postfix
 *	line suggests a Postfix access(5) line when the operator gave one.
 *	Hosts and addresses arrive through the gate already (sender.h).  An
 *	event too big for a syslog datagram (EMSGSIZE) is written again
 *	without event.original, and if it still does not fit, once more
 *	with its log text (address, queue id, header fields) cut short with
 *	a "..." mark, so that every event fits and a line never stops the
 *	stream (rsyslog would offer it again forever).  The emitter only
 *	serializes and writes.  The functions return emitter_write()'s
 *	result: 0, or -1 with errno set.
 */
#ifndef PHISHWATCH_EVENT_H
#define PHISHWATCH_EVENT_H

#include <stddef.h>
#include <time.h>

#include "access.h"
#include "detector.h"
#include "mailrec.h"
#include "emitter.h"
#include "store.h"
#include "tracker.h"

/* Header fields (host, program, queue id) longer than this are omitted. */
#define EVENT_FIELD_MAX 255
/* Sender addresses in events are cut here (RFC 5321 allows 256). */
#define EVENT_ADDRESS_MAX 1024

/* What a first-seen event is made of: raw fields are bounded here. */
struct event_source {
	const char *action;         /* EVENT_ACTION_*_FIRST */
	struct timespec when;       /* the line's time */
	const char *address;        /* sender address, as logged, */
	size_t address_len;         /* not NUL-terminated */
	const char *qid;            /* raw: bounded here */
	const char *program;        /* raw: bounded here */
	const char *pid;            /* raw: digits only, or left out */
	const char *mta;            /* through the gate, or NULL */
	enum mta_kind mta_kind;     /* whose rulebase read the line */
	const char *relay_ip;       /* through the gate, or NULL */
	const char *relay_host;     /* through the gate, or NULL */
	const char *sender_host;    /* through the gate */
	const char *sender_key;     /* host, or a lookalike's domain */
	const char *sender_spelled; /* sender_key as the sender wrote
				     * it (UTF-8 or not): the line's */
	const struct detection *detection;
	const struct tracker_delta *delta; /* the campaign's counts */
	const struct access_map *access;   /* its type: the suggestion's */
	const char *line; /* the log line, not NUL-terminated */
	size_t len;
};

/* event_write - write ev, smaller when it does not fit a datagram */
int event_write(struct emitter *em, const struct event *ev);

/* event_first_seen - write the first-seen event of src */
int event_first_seen(struct emitter *em, const struct event_source *src);

/* event_summary - write the campaign-summary event of a campaign */
int event_summary(struct emitter *em, const struct store_campaign *c);

#endif
