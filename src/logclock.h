/*
 * logclock - the time of each line, and the log's own clock.
 *
 * DESCRIPTION
 *	A normalized line carries its syslog stamp as text; logclock_of()
 *	reads it (against a reference time for RFC 3164 stamps, which have
 *	no year) and keeps the newest time read: the log's clock, which
 *	campaign summaries and the tracker's window follow.  A stamp that
 *	cannot be read, or that is far from both the log's clock and the
 *	clock (logtime_far()), is counted and replaced by the log's clock,
 *	so that one bad stamp moves nothing.  Lines of one second share a
 *	stamp, so the last one read is cached.
 */
#ifndef PHISHWATCH_LOGCLOCK_H
#define PHISHWATCH_LOGCLOCK_H

#include <time.h>

#include "counters.h"
#include "logtime.h"
#include "where.h"

#define LOGCLOCK_STAMP_MAX 48 /* longer stamps are not cached */

struct logclock {
	struct counters *counters;
	const struct where *where;      /* the line, for warnings */
	time_t reference;               /* RFC 3164 stamps: 0 = now */
	time_t newest;                  /* newest log time seen */
	char stamp[LOGCLOCK_STAMP_MAX]; /* last stamp parsed, and its time */
	struct timespec stamp_time;
	struct logtime_minute minute; /* and its minute's */
	unsigned long warned_time;    /* rate limits for warnings */
	unsigned long warned_skew;
};

/* logclock_init - a clock that counts into counters and names the line
 * of its warnings by where */
void logclock_init(struct logclock *clock, struct counters *counters,
		   const struct where *where);

/* logclock_set_reference - what RFC 3164 stamps are read against: a
 * file's modification time, or 0 for the time now */
void logclock_set_reference(struct logclock *clock, time_t reference);

/* logclock_of - the time of a line with this stamp (NULL: none, the
 * time now); moves the log's clock forward */
void logclock_of(struct logclock *clock, const char *stamp, struct timespec *t);

#endif
