/*
 * event - an event's fields, bounded (see event.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "event.h"
#include "hostname.h"

/*
 * Log text kept in an event that is too big for a datagram even without
 * event.original, in bytes before escaping (up to 5 bytes each in JSON,
 * "\\xHH"): with host names validated (<= 253), the whole event then
 * stays under 6 KB, below SYSLOGOUT_MAX_MESSAGE whatever the line held.
 */
#define EVENT_COMPACT_ADDRESS 256 /* RFC 5321's longest path */
#define EVENT_COMPACT_FIELD   64  /* queue id, header fields, relay ip */

/* event_short_or_null - a header field short enough to report */
static const char *event_short_or_null(const char *s)
{
	return s != NULL && strnlen(s, EVENT_FIELD_MAX + 1) <= EVENT_FIELD_MAX
		   ? s
		   : NULL;
}

/* event_digits_or_null - a pid made of digits only, or NULL */
static const char *event_digits_or_null(const char *s)
{
	if (s == NULL || *s == '\0' || strspn(s, "0123456789") != strlen(s))
		return NULL;
	return s;
}

/* event_address - the sender address for the event, cut at
 * EVENT_ADDRESS_MAX with a visible mark (an event must fit a syslog
 * datagram, and a 60 KiB local part is no address anyone needs whole) */
static char *event_address(const char *from, size_t len)
{
	static const char mark[] = "...";
	size_t keep = len;
	char *address;

	if (keep <= EVENT_ADDRESS_MAX)
		return strndup(from, keep);
	keep = EVENT_ADDRESS_MAX - (sizeof(mark) - 1);
	address = malloc(EVENT_ADDRESS_MAX + 1);
	if (address != NULL) {
		memcpy(address, from, keep);
		memcpy(address + keep, mark, sizeof(mark));
	}
	return address;
}

/* event_cut - s itself, or its first max bytes ending in "..." in buf */
static const char *event_cut(const char *s, char *buf, size_t max)
{
	static const char mark[] = "...";

	if (s == NULL || strnlen(s, max + 1) <= max)
		return s;
	memcpy(buf, s, max - (sizeof(mark) - 1));
	memcpy(buf + max - (sizeof(mark) - 1), mark, sizeof(mark));
	return buf;
}

/*
 * event_write_compact - the last resort for an event that is too big
 * even without event.original: its log text cut short, so that it fits
 * whatever bytes the line held (an error here would stop the stream on
 * that line, and rsyslog would offer it again forever)
 */
static int event_write_compact(struct emitter *em, const struct event *ev)
{
	char address[EVENT_COMPACT_ADDRESS + 1];
	char qid[EVENT_COMPACT_FIELD + 1];
	char hostname[EVENT_COMPACT_FIELD + 1];
	char program[EVENT_COMPACT_FIELD + 1];
	char source_ip[EVENT_COMPACT_FIELD + 1];
	struct event compact = *ev;

	compact.original = NULL;
	compact.sender_address =
	    event_cut(ev->sender_address, address, EVENT_COMPACT_ADDRESS);
	compact.qid = event_cut(ev->qid, qid, EVENT_COMPACT_FIELD);
	compact.hostname =
	    event_cut(ev->hostname, hostname, EVENT_COMPACT_FIELD);
	compact.program = event_cut(ev->program, program, EVENT_COMPACT_FIELD);
	compact.source_ip =
	    event_cut(ev->source_ip, source_ip, EVENT_COMPACT_FIELD);
	return emitter_write(em, &compact);
}

/* event_write - one event; too big for a datagram: without
 * event.original, and with the log text cut short if still too big */
int event_write(struct emitter *em, const struct event *ev)
{
	struct event smaller = *ev;

	if (emitter_write(em, ev) == 0)
		return 0;
	if (errno != EMSGSIZE)
		return -1;
	smaller.original = NULL;
	if (ev->original != NULL && emitter_write(em, &smaller) == 0)
		return 0;
	if (errno != EMSGSIZE)
		return -1;
	return event_write_compact(em, &smaller);
}

/* event_fill - the event's fields from src (address and original
 * allocated by the caller) */
static void event_fill(struct event *ev, const struct event_source *src,
		       const char *suggest, unsigned long long *counts)
{
	for (int i = 0; i < TRACK_COUNTERS; i++)
		counts[i] = src->delta->n[i];
	ev->action = src->action;
	ev->log_time = src->when;
	ev->qid = event_short_or_null(src->qid);
	ev->source_ip = src->relay_ip;
	ev->source_domain = src->relay_host;
	ev->hostname = src->mta;
	ev->program = event_short_or_null(src->program);
	ev->pid = event_digits_or_null(src->pid);
	ev->sender_host = src->sender_host;
	ev->sender_domain = src->sender_key;
	ev->rule = src->detection->rule;
	ev->phished_domain = src->detection->phished_domain;
	ev->suggested_access = suggest;
	ev->counters = counts;
}

/* event_syntax - the type of table to suggest a line of for the MTA
 * that logged the event's line */
static enum access_syntax event_syntax(const struct event_source *src)
{
	switch (src->mta_kind) {
	case MTA_SENDMAIL:
		return access_map_syntax_for(src->access, ACCESS_SENDMAIL);
	case MTA_POSTFIX:
		return access_map_syntax_for(src->access, ACCESS_POSTFIX);
	case MTA_EXIM:
		return access_map_syntax_for(src->access, ACCESS_EXIM);
	default:
		return access_map_syntax(src->access);
	}
}

/* event_first_seen - write the first-seen event of a new campaign */
int event_first_seen(struct emitter *em, const struct event_source *src)
{
	char suggest[ACCESS_SUGGEST_MAX];
	unsigned long long counts[TRACK_COUNTERS];
	struct event ev = {0};
	char *address, *original;
	int status = -1;

	if (access_suggest_spelled(event_syntax(src), src->sender_key,
				   src->sender_spelled, suggest,
				   sizeof(suggest))
	    < 0)
		return -1;
	/* The line lives in the reader's buffer, not NUL-terminated. */
	address = event_address(src->address, src->address_len);
	original = strndup(src->line, src->len);
	if (address == NULL || original == NULL)
		goto done;
	event_fill(&ev, src, suggest, counts);
	ev.sender_address = address;
	ev.original = original;
	status = event_write(em, &ev);
done:
	free(address);
	free(original);
	return status;
}

/* event_first_sender - the first host of a comma list into host, as
 * its A-labels (the store keeps a sender who wrote UTF-8 so spelled) */
static const char *event_first_sender(const char *list,
				      char host[HOSTNAME_MAX + 1])
{
	size_t n = strcspn(list, ",");

	if (n == 0 || n > HOSTNAME_MAX
	    || hostname_normalize(list, n, host) != HOST_OK)
		return NULL;
	return host;
}

/* event_summary - the campaign-summary event of one campaign */
int event_summary(struct emitter *em, const struct store_campaign *c)
{
	char sender[HOSTNAME_MAX + 1];
	struct event ev = {0};

	ev.action = EVENT_ACTION_SUMMARY;
	ev.log_time.tv_sec = c->last_seen;
	ev.sender_host = event_first_sender(c->senders, sender);
	ev.rule = c->rule;
	ev.phished_domain = c->phished_domain;
	ev.counters = c->n;
	return event_write(em, &ev);
}
