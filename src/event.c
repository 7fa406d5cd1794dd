/*
 * event - an event's fields, bounded (see event.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "event.h"
#include "hostname.h"

/* Room for host<TAB>ERROR:"550 5.7.1 Sender banned" and the others */
#define EVENT_SUGGEST_MAX (HOSTNAME_MAX + 64)

/* event_short_or_null - a header field short enough to report */
static const char *event_short_or_null(const char *s)
{
	return s != NULL && strnlen(s, EVENT_FIELD_MAX + 1)
			    <= EVENT_FIELD_MAX ? s : NULL;
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
	char suggest[EVENT_SUGGEST_MAX];
	unsigned long long counts[TRACK_COUNTERS];
	struct event ev = { 0 };
	char *address, *original;
	int status = -1;

	if (access_suggest_as(event_syntax(src), src->sender_key,
			      suggest, sizeof(suggest)) < 0)
		return -1;
	/* The line lives in the reader's buffer, not NUL-terminated. */
	address = event_address(src->address, src->address_len);
	original = strndup(src->line, src->len);
	if (address == NULL || original == NULL)
		goto done;
	event_fill(&ev, src, suggest, counts);
	ev.sender_address = address;
	ev.original = original;
	status = emitter_write(em, &ev);
done:
	free(address);
	free(original);
	return status;
}

/* event_first_sender - the first host of a comma list, into buf */
static const char *event_first_sender(const char *list, char *buf,
				      size_t size)
{
	size_t n = strcspn(list, ",");

	if (n == 0 || n >= size)
		return NULL;
	memcpy(buf, list, n);
	buf[n] = '\0';
	return buf;
}

/* event_summary - the campaign-summary event of one campaign */
int event_summary(struct emitter *em, const struct store_campaign *c)
{
	char sender[HOSTNAME_MAX + 1];
	struct event ev = { 0 };

	ev.action = EVENT_ACTION_SUMMARY;
	ev.log_time.tv_sec = c->last_seen;
	ev.sender_host = event_first_sender(c->senders, sender,
					    sizeof(sender));
	ev.rule = c->rule;
	ev.phished_domain = c->phished_domain;
	ev.counters = c->n;
	return emitter_write(em, &ev);
}
