/*
 * ecsjson - an event as one line of ECS JSON, built with libfastjson.
 *
 * DESCRIPTION
 *	struct event is what the emitter writes: every field already
 *	bounded by event.c.  ecsjson_build() makes the JSON tree (ECS field
 *	names, nested objects: "event": {"kind": ...}), with or without
 *	event.original; ecsjson_text() is its compact one-line text, whole
 *	or not at all, which the caller frees; ecsjson_free() releases the
 *	tree.  Strings that came from
 *	the log (addresses, queue ids, host names) have every byte outside
 *	printable ASCII replaced by a \xHH escape before libfastjson quotes
 *	them, so no attacker byte reaches a mail, a SIEM or a terminal
 *	unescaped.  Nothing here writes anywhere.  ecsjson_new_array() is
 *	an empty libfastjson array that is safe out of memory too (the
 *	--report JSON uses it as well).
 *
 * DIAGNOSTICS
 *	ecsjson_build(), ecsjson_text() and ecsjson_new_array() return
 *	NULL with errno set: ENOMEM, or EMSGSIZE for a text over 1 MiB.
 */
#ifndef PHISHWATCH_ECSJSON_H
#define PHISHWATCH_ECSJSON_H

#include <stddef.h>
#include <time.h>

#include "tracker.h"

#define EVENT_ACTION_PHISHED_FIRST "phished-domain-first-seen"
#define EVENT_ACTION_SENDER_FIRST  "sender-domain-first-seen"
#define EVENT_ACTION_SUMMARY       "campaign-summary"
/* A new sender domain of a campaign that had its --max-sender-events:
 * the last event about its sender domains (campaign.h). */
#define EVENT_ACTION_SENDER_LIMIT "sender-domain-limit-reached"

struct event {
	const char *action;           /* event.action */
	struct timespec log_time;     /* @timestamp (UTC) */
	const char *sender_address;   /* email.from.address[0], as logged */
	const char *qid;              /* email.local_id */
	const char *source_ip;        /* source.ip, or NULL */
	const char *source_domain;    /* source.domain (validated), or NULL */
	const char *hostname;         /* host.hostname, or NULL */
	const char *program;          /* process.name, or NULL */
	const char *pid;              /* process.pid (digits), or NULL */
	const char *sender_host;      /* threat.indicator.url.domain */
	const char *sender_domain;    /* phishwatch.sender_domain when not
					 * the host (a lookalike's registrable
					 * domain), or NULL */
	const char *rule;             /* rule.name */
	const char *phished_domain;   /* phishwatch.phished_domain */
	const char *suggested_access; /* phishwatch.suggested_access */
	const char *original;         /* event.original, or NULL */
	const unsigned long long *counters; /* phishwatch.campaign: the
					 * TRACK_COUNTERS of tracker.h, or NULL */
};

struct fjson_object;

struct fjson_object *ecsjson_build(const struct event *ev, int with_original);
char *ecsjson_text(struct fjson_object *root, size_t *len);
void ecsjson_free(struct fjson_object *root);
struct fjson_object *ecsjson_new_array(void);

#endif
