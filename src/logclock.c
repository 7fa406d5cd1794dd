/*
 * logclock - the time of each line (see logclock.h).
 */
#include <string.h>

#include "logclock.h"
#include "logtime.h"

/* logclock_init - no reference, no stamp read yet */
void logclock_init(struct logclock *clock, struct counters *counters,
		   const struct where *where)
{
	memset(clock, 0, sizeof(*clock));
	clock->counters = counters;
	clock->where = where;
}

/* logclock_set_reference - the clock RFC 3164 stamps are read against */
void logclock_set_reference(struct logclock *clock, time_t reference)
{
	clock->reference = reference;
	clock->stamp[0] = '\0';
}

/* logclock_stamp_time - the time of a stamp; -1 when unreadable */
static int logclock_stamp_time(struct logclock *clock, const char *stamp,
			       time_t now, struct timespec *t)
{
	if (strcmp(stamp, clock->stamp) == 0) {
		*t = clock->stamp_time; /* mktime() is dear; seconds repeat */
		return 0;
	}
	if (logtime_parse_minute(&clock->minute, stamp,
				 clock->reference != 0 ? clock->reference : now,
				 t)
	    < 0)
		return -1;
	if (strlen(stamp) < sizeof(clock->stamp)) {
		strcpy(clock->stamp, stamp);
		clock->stamp_time = *t;
	}
	return 0;
}

/* logclock_log_clock - the log's clock, for a line whose own stamp is
 * of no use: the newest time read, or now before the first one */
static void logclock_log_clock(const struct logclock *clock,
			       const struct timespec *now, struct timespec *t)
{
	if (clock->newest == 0) {
		*t = *now;
		return;
	}
	t->tv_sec = clock->newest;
	t->tv_nsec = 0;
}

/*
 * logclock_of - the line's time: now when it has no stamp (a live
 * stream's message part); the log's clock when its stamp is unreadable
 * or far from any clock, counted, so that one bad stamp neither moves
 * that clock nor expires the open messages of a log read later than it
 * was written, nor makes its campaigns look quiet
 */
void logclock_of(struct logclock *clock, const char *stamp, struct timespec *t)
{
	struct counters *c = clock->counters;
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	*t = now;
	if (stamp != NULL) {
		if (logclock_stamp_time(clock, stamp, now.tv_sec, t) < 0) {
			c->bad_time++;
			where_warn(clock->where, &clock->warned_time,
				   "unreadable time stamp; using the log's "
				   "clock");
			logclock_log_clock(clock, &now, t);
			return;
		}
		if (logtime_far(t->tv_sec, clock->newest, now.tv_sec)) {
			c->clock_skew++;
			where_warn(clock->where, &clock->warned_skew,
				   "time "
				   "stamp far from the log's clock and the "
				   "clock; using the log's clock");
			logclock_log_clock(clock, &now, t);
			return;
		}
	}
	if (t->tv_sec > clock->newest)
		clock->newest = t->tv_sec;
}
