/*
 * emitter - serialize an event and write it: one JSON line per event.
 *
 * DESCRIPTION
 *	emitter_write() serializes a struct event (ecsjson.h), writes it as
 *	one line and flushes it before returning, so that the caller may
 *	then commit the store.  Fields come bounded by event.c, and nothing
 *	of an event is changed here.
 *
 *	Destinations: "-" for standard output, a file path opened for
 *	appending (safely in a directory others can write: no planted
 *	symbolic link followed, only a file of our own appended to, a new
 *	one created O_EXCL mode 0600; a FIFO waited for until it has a
 *	reader), or "syslog[:SOCKET]" (syslogout.h).  A full pipe or FIFO
 *	is waited on with SIGTERM and SIGINT let in; a stop signal makes the
 *	write fail with EAGAIN, the event not written.  An event too large
 *	for the syslog socket fails with EMSGSIZE; event_write() (event.h)
 *	then sends it smaller.
 */
#ifndef PHISHWATCH_EMITTER_H
#define PHISHWATCH_EMITTER_H

#include <stddef.h>
#include <time.h>

#include "ecsjson.h"
#include "say.h"

#define EMITTER_ERR_MAX 512
struct emitter;

/*
 * emitter_open - dest is "-", "syslog", "syslog:SOCKET" or a file path;
 * syslog_pri (facility | severity, as syslog.h) is used by the syslog
 * sink only; say (may be NULL) is told, once, when opening waits for a
 * FIFO's reader.  NULL with err filled on failure.
 */
struct emitter *emitter_open(const char *dest, int syslog_pri,
			     const struct say_to *say,
			     char err[EMITTER_ERR_MAX]);
void emitter_close(struct emitter *em);

/*
 * emitter_write - build, write and flush one event; -1 with errno
 * (EAGAIN, ENOBUFS: transient, the caller may retry later; EAGAIN also
 * when a stop signal ended the wait for room; EMSGSIZE: too big for a
 * syslog datagram).
 */
int emitter_write(struct emitter *em, const struct event *ev);

/*
 * emitter_format - the event's JSON text into buf (for tests and for
 * sinks that send it elsewhere); its length, or -1 if it does not fit.
 */
long emitter_format(const struct event *ev, char *buf, size_t size);

#endif
