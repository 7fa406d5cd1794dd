/*
 * emitter - first-seen events as JSON lines, built with libfastjson.
 *
 * DESCRIPTION
 *	emitter_write() builds one JSON object with ECS field names (nested
 *	objects: "event": {"kind": ...}) from a struct event, writes it as
 *	one line and flushes it before returning, so that the caller may
 *	then commit the store.  Strings that came from the log (addresses,
 *	queue ids, host names) have every byte outside printable ASCII
 *	replaced by a \xHH escape before libfastjson quotes them, so no
 *	attacker byte reaches a mail, a SIEM or a terminal unescaped.
 *
 *	Destinations: "-" for standard output, a file path opened for
 *	appending (safely in a directory others can write: no planted
 *	symbolic link followed, only a file of our own appended to, a new
 *	one created O_EXCL mode 0600; a FIFO waited for until it has a
 *	reader), or "syslog[:SOCKET]" (syslogout.h).  A full pipe or FIFO
 *	is waited on with SIGTERM and SIGINT let in; a stop signal makes the
 *	write fail with EAGAIN, the event not written.  An event too large
 *	for the syslog socket is sent again without event.original, and if it
 *	still does not fit, once more with its log text (address, queue id,
 *	header fields) cut short with a "..." mark: every event fits, and
 *	none is ever cut blindly.
 */
#ifndef PHISHWATCH_EMITTER_H
#define PHISHWATCH_EMITTER_H

#include <stddef.h>
#include <time.h>

#include "tracker.h"

#define EMITTER_ERR_MAX 512
#define EVENT_ACTION_PHISHED_FIRST "phished-domain-first-seen"
#define EVENT_ACTION_SENDER_FIRST "sender-domain-first-seen"
#define EVENT_ACTION_SUMMARY "campaign-summary"

struct event {
	const char *action;		/* event.action */
	struct timespec log_time;	/* @timestamp (UTC) */
	const char *sender_address;	/* email.from.address[0], as logged */
	const char *qid;		/* email.local_id */
	const char *source_ip;		/* source.ip, or NULL */
	const char *source_domain;	/* source.domain (validated), or NULL */
	const char *hostname;		/* host.hostname, or NULL */
	const char *program;		/* process.name, or NULL */
	const char *pid;		/* process.pid (digits), or NULL */
	const char *sender_host;	/* threat.indicator.url.domain */
	const char *sender_domain;	/* phishwatch.sender_domain when not
					 * the host (a lookalike's registrable
					 * domain), or NULL */
	const char *rule;		/* rule.name */
	const char *phished_domain;	/* phishwatch.phished_domain */
	const char *suggested_access;	/* phishwatch.suggested_access */
	const char *original;		/* event.original, or NULL */
	const unsigned long long *counters;	/* phishwatch.campaign: the
					 * TRACK_COUNTERS of tracker.h, or NULL */
};

struct emitter;

/*
 * emitter_open - dest is "-", "syslog", "syslog:SOCKET" or a file path;
 * syslog_pri (facility | severity, as syslog.h) is used by the syslog
 * sink only.  NULL with err filled on failure.
 */
struct emitter *emitter_open(const char *dest, int syslog_pri,
			     char err[EMITTER_ERR_MAX]);
void emitter_close(struct emitter *em);

/*
 * emitter_write - build, write and flush one event; -1 with errno
 * (EAGAIN, ENOBUFS: transient, the caller may retry later; EAGAIN also
 * when a stop signal ended the wait for room).
 */
int emitter_write(struct emitter *em, const struct event *ev);

/*
 * emitter_format - the event's JSON text into buf (for tests and for
 * sinks that send it elsewhere); its length, or -1 if it does not fit.
 */
long emitter_format(const struct event *ev, char *buf, size_t size);

#endif
